"""The recovery kit PDF (vault.md §8.1), read back with poppler's `pdftotext`."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.reports.recovery_kit_pdf import (
    INSTRUCTIONS,
    TITLE,
    RecoveryKitSheet,
    kit_lines,
    render_recovery_kit,
)
from app.vault import crypto
from app.vault.recovery import parse_recovery_kit, recovery_kit

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DB_UUID = "5f0c3b2e-8d5a-4c1e-9a57-2b7e1d0c9f13"
ORG_FP = "0A1B 2C3D 4E5F 6A7B 8C9D 0E1F 2A3B 4C5D"


def pdftotext(path: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([exe, str(path), "-"], capture_output=True, check=True, text=True)
    return done.stdout


def _sheet() -> tuple[RecoveryKitSheet, bytes]:
    key, _pub = crypto.generate_x25519_keypair()
    kit = recovery_kit(1, key)
    return RecoveryKitSheet(kit.groups, kit.key_id, NOW, DB_UUID, ORG_FP), key


@pytest.mark.poppler
def test_the_pdf_holds_every_group_in_order_and_the_instructions(tmp_path: Path) -> None:
    sheet, key = _sheet()
    path = tmp_path / "kit.pdf"
    render_recovery_kit(sheet, path)

    raw = pdftotext(path)
    text = " ".join(raw.split())

    assert raw.count("\f") == 1  # one page
    assert TITLE in text
    assert "2026-03-02 09:00 UTC" in text
    assert DB_UUID in text
    assert ORG_FP in text
    groups = [g for g in text.split() if g in sheet.groups]
    assert groups[: len(sheet.groups)] == list(sheet.groups)
    # Typed back from the printed page, the groups give the key again.
    printed = " ".join(" ".join(kit_lines(sheet.groups)).split())
    assert printed in text
    assert parse_recovery_kit(printed) == key
    assert "Store this sheet offline" in text
    assert "Anyone with this kit can open every vault" in text
    assert "re-type the last group" in text
    assert all(" ".join(line.split()) in text for line in INSTRUCTIONS)


def test_the_pdf_can_go_to_an_open_file_the_caller_owns() -> None:
    sheet, _key = _sheet()
    out = io.BytesIO()
    render_recovery_kit(sheet, out)
    assert out.getvalue().startswith(b"%PDF-")
    assert not out.closed


def test_kit_lines_and_an_empty_kit() -> None:
    assert kit_lines(("AAAA", "BBBB", "CCCC"), per_line=2) == ["AAAA  BBBB", "CCCC"]
    with pytest.raises(ValueError):
        render_recovery_kit(RecoveryKitSheet((), 1, NOW), io.BytesIO())


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_existing_world_readable_file_is_made_private_before_it_is_written(
    tmp_path: Path,
) -> None:
    sheet, _key = _sheet()
    path = tmp_path / "kit.pdf"
    path.write_bytes(b"an older, longer file that must not survive the rewrite" * 100)
    path.chmod(0o644)
    render_recovery_kit(sheet, path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.read_bytes().startswith(b"%PDF-") and path.read_bytes().rstrip().endswith(b"%%EOF")
