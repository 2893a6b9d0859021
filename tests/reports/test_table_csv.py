"""app/reports/table_csv.py: a table of texts as an Excel-friendly CSV, read back with `csv`."""

from __future__ import annotations

import csv
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.reports.csv_safety import csv_safe
from app.reports.output import ReportOutputError
from app.reports.table_csv import TableCsvWriter, write_table_csv

HEADERS = ("Number", "Client", "Subject")
ROWS = [
    ("T-000001", "Zakład Łódź", 'Printer says "paper jam", tray 2'),
    ("T-000002", "İstanbul Dağıtım", '=HYPERLINK("http://evil.example","click")'),
    ("T-000003", "Москва ООО", "+1 555 0100 called\nabout the VPN"),
    ("T-000004", "東京株式会社", "@SUM(A1:A2)"),
    ("T-000005", "Acme", "-2 disks left"),
    ("T-000006", "Acme", "\tindented"),
]


def read_back(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_bom_crlf_header_rows_and_neutralises_formulas(tmp_path):
    out = tmp_path / "queue.csv"

    assert write_table_csv(HEADERS, iter(ROWS), out) == len(ROWS)

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\xef\xbb\xbf") == 1
    # Every record ends in CRLF; the newline inside the quoted subject is the only bare LF.
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\r\n") == len(ROWS) + 1
    assert raw.count(b"\n") == len(ROWS) + 2
    assert read_back(out) == [
        ["Number", "Client", "Subject"],
        ["T-000001", "Zakład Łódź", 'Printer says "paper jam", tray 2'],
        ["T-000002", "İstanbul Dağıtım", '\'=HYPERLINK("http://evil.example","click")'],
        ["T-000003", "Москва ООО", "'+1 555 0100 called\nabout the VPN"],
        ["T-000004", "東京株式会社", "'@SUM(A1:A2)"],
        ["T-000005", "Acme", "'-2 disks left"],
        ["T-000006", "Acme", "'\tindented"],
    ]
    assert leftovers(tmp_path) == ["queue.csv"]


def test_csv_safe_leaves_ordinary_text_alone():
    assert csv_safe("Printer = broken") == "Printer = broken"
    assert csv_safe("") == ""
    assert csv_safe("\rcmd") == "'\rcmd"


def test_an_empty_table_is_a_header_row(tmp_path):
    out = tmp_path / "empty.csv"
    assert write_table_csv(["Number", "=Subject"], [], out) == 0
    assert out.read_bytes() == b"\xef\xbb\xbfNumber,'=Subject\r\n"


def test_unwritable_path_raises_one_line_and_leaves_no_file(tmp_path):
    out = tmp_path / "missing" / "queue.csv"
    with pytest.raises(ReportOutputError) as caught:
        write_table_csv(HEADERS, ROWS, out)
    message = str(caught.value)
    assert "\n" not in message
    assert str(out) in message
    assert "does not exist" in message
    assert leftovers(tmp_path) == []


def test_failing_rows_leave_the_old_file_untouched(tmp_path):
    out = tmp_path / "queue.csv"
    out.write_bytes(b"previous export")

    def rows() -> Iterator[tuple[str, ...]]:
        yield from ROWS[:2]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="database went away"):
        write_table_csv(HEADERS, rows(), out)
    assert out.read_bytes() == b"previous export"
    assert leftovers(tmp_path) == ["queue.csv"]


def test_writer_in_batches_then_commit_or_abort(tmp_path):
    out = tmp_path / "batches.csv"
    writer = TableCsvWriter(out, HEADERS)
    assert writer.write_rows(ROWS[:2]) == 2
    assert not out.exists()  # Only the hidden temporary file so far.
    assert writer.write_rows(ROWS[2:]) == len(ROWS) - 2
    assert writer.commit() == len(ROWS)
    assert len(read_back(out)) == len(ROWS) + 1
    writer.abort()  # Harmless after commit: the file stays.
    assert out.exists()
    with pytest.raises(ValueError, match="already committed"):
        writer.write_rows(ROWS)

    aborted = tmp_path / "aborted.csv"
    writer = TableCsvWriter(aborted, HEADERS)
    writer.write_rows(ROWS)
    writer.abort()
    assert leftovers(tmp_path) == ["batches.csv"]


def test_a_row_with_the_wrong_cell_count_is_refused_and_nothing_is_left(tmp_path):
    out = tmp_path / "queue.csv"
    with pytest.raises(ValueError, match="2 cells for 3 columns"):
        write_table_csv(HEADERS, [ROWS[0], ("T-000009", "Acme")], out)
    assert leftovers(tmp_path) == []


def test_rows_are_streamed_not_collected(tmp_path):
    # 15,000 rows as one list of lists would take about 4 MB; streamed, the writer holds one.
    n = 15_000

    def rows() -> Iterator[list[str]]:
        for i in range(n):
            yield [f"T-{i:06d}", "Client with a fairly long name", f"Subject number {i}"]

    tracemalloc.start()
    try:
        written = write_table_csv(HEADERS, rows(), tmp_path / "big.csv")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written == n
    assert peak < 1_000_000
    with (tmp_path / "big.csv").open(encoding="utf-8-sig", newline="") as f:
        assert sum(1 for _ in csv.reader(f)) == n + 1
