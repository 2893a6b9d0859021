"""The rotation worklist's PDF and CSV exports (vault.md §8.7), read back: poppler's
`pdftotext` for the PDF, the csv module for the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.reports.worklist_pdf import (
    CSV_HEADER,
    DELETED_ITEM,
    STATEMENT,
    write_worklist_csv,
    write_worklist_pdf,
)

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
TRICKY = 'Domain "admin", main; Zürich – Ünïcødé'


@dataclass(frozen=True)
class Row:
    """The attributes the writers read (the dashboard's `WorklistRow` has more)."""

    id: int
    created_at: dt.datetime
    cause: str
    subject_name: str
    client_name: str | None
    item_label: str | None
    item_host: str
    basis: str
    last_revealed_at: dt.datetime | None
    done_at: dt.datetime | None = None


ROWS = [
    Row(1, NOW, "revoke", "Bob Tech", "Café Ltd", TRICKY, "dc01.local", "revealed", NOW),
    Row(2, NOW, "revoke", "Bob Tech", "Globex, Inc.", "Firewall", "fw.local", "could_reveal", None),
    Row(3, NOW, "revoke", "Bob Tech", "Globex, Inc.", None, "", "could_reveal", None),
    Row(4, NOW, "revoke", "Bob Tech", "Acme", '=HYPERLINK("x")', "", "could_reveal", None),
]


def pdftotext(path: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([exe, str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(done.stdout.split())  # table cells wrap: compare with whitespace folded


@pytest.mark.poppler
def test_the_pdf_lists_every_row_under_the_statement(tmp_path: Path) -> None:
    path = tmp_path / "worklist.pdf"
    write_worklist_pdf(ROWS, path, NOW, msp_name="Contoso IT")

    text = pdftotext(path)

    assert STATEMENT in text
    assert text.index(STATEMENT) < text.index("Firewall")
    expected = ("Contoso IT", "Café Ltd", "Globex, Inc.", "Firewall", DELETED_ITEM, "Revealed",
                "Could reveal", "Bob Tech", "2026-03-02 09:00", "4 open of 4 rows")  # fmt: skip
    for part in expected:
        assert part in text
    # Wrapped cells break at spaces, so each word of the tricky label is there.
    for word in TRICKY.split():
        assert word in text


@pytest.mark.poppler
def test_a_long_worklist_spans_pages_and_an_empty_one_says_so(tmp_path: Path) -> None:
    many = [
        Row(i, NOW, "revoke", "Bob Tech", "Acme", f"Item {i:03}", "", "could_reveal", None)
        for i in range(120)
    ]
    write_worklist_pdf(many, tmp_path / "long.pdf", NOW)
    text = pdftotext(tmp_path / "long.pdf")
    assert "Item 000" in text and "Item 119" in text and "page 2" in text
    write_worklist_pdf([], tmp_path / "empty.pdf", NOW)
    assert "Nothing to change." in pdftotext(tmp_path / "empty.pdf")


def test_the_csv_reads_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "worklist.csv"
    write_worklist_csv(ROWS, path)

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))

    assert tuple(table[0]) == CSV_HEADER
    assert table[1] == [
        "1", "Café Ltd", TRICKY, "dc01.local", "Revealed", "Bob Tech", "2026-03-02 09:00",
        "2026-03-02 09:00", "revoke", "",
    ]  # fmt: skip
    assert table[2][1:5] == ["Globex, Inc.", "Firewall", "fw.local", "Could reveal"]
    assert table[3][2] == DELETED_ITEM
    # A label that looks like a formula is defused for spreadsheets.
    assert table[4][2] == '\'=HYPERLINK("x")'
    assert len(table) == 5
