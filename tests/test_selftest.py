"""`helpdesk selftest` from source (the frozen build runs it in tests/frozen/)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.db import head_revision


def test_selftest_passes_on_a_new_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "new"
    assert main(["selftest", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "new database migrated" in out and "main window opened" in out
    with sqlite3.connect(data / "helpdesk.sqlite") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )


def test_selftest_refuses_a_directory_with_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "helpdesk.sqlite").write_bytes(b"someone's desk")
    assert main(["selftest", "--data-dir", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().out
    assert (tmp_path / "helpdesk.sqlite").read_bytes() == b"someone's desk"
