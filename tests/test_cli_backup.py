"""`helpdesk db backup` and `helpdesk db restore`: `app.cli.main()` in-process, output captured.

The database lives in the test's own data directory (`--data-dir`), so the default path is
exercised without `--db`.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import EXIT_FAILURE, EXIT_OK, EXIT_TOO_NEW, EXIT_USAGE, main
from app.db import head_revision
from tests.factories import add_client, add_ticket
from tests.services.test_backup import (
    PNG,
    UNKNOWN_REVISION,
    Live,
    counts,
    integrity,
    listing,
    make_live,
    migrated_file,  # noqa: F401 (a fixture)
    stamp,
)

pytestmark = pytest.mark.usefixtures("restore_logging")


@pytest.fixture
def live(tmp_path: Path, migrated_file: Path) -> Iterator[Live]:  # noqa: F811
    result = make_live(tmp_path / "data", migrated_file)
    yield result
    result.engine.dispose()


def helpdesk(
    live: Live, capsys: pytest.CaptureFixture[str], *argv: str | Path
) -> tuple[int, str, str]:
    rc = main([*(str(a) for a in argv), "--data-dir", str(live.paths.data_dir)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return rc, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("helpdesk: ")
    return lines[0]


@pytest.mark.parametrize("option", ["--out", "-o", "--output"])
def test_backup_writes_the_named_file(
    live: Live, capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str
) -> None:
    target = tmp_path / "copy.sqlite"
    rc, out, err = helpdesk(live, capsys, "db", "backup", option, target)
    assert (rc, out, err) == (EXIT_OK, f"backup written to {target}\n", "")
    assert counts(target) == counts(live.file)
    assert integrity(target) == "ok"


def test_backup_without_out_goes_to_the_backups_folder(
    live: Live, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out, _err = helpdesk(live, capsys, "db", "backup")
    assert rc == EXIT_OK
    [name] = listing(live.paths.backups_dir)
    assert name.startswith("helpdesk-manual-") and name.endswith("Z.sqlite")
    assert out == f"backup written to {live.paths.backups_dir / name}\n"


def test_backup_failures_are_one_line(
    live: Live, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    rc, out, err = helpdesk(live, capsys, "db", "backup", "--out", blocker / "copy.sqlite")
    assert (rc, out) == (EXIT_FAILURE, "")
    assert "Not a directory" in one_line(err)

    rc, out, err = helpdesk(live, capsys, "db", "backup", "--db", tmp_path / "none.sqlite")
    assert (rc, out) == (EXIT_FAILURE, "")
    assert "there is no database at" in one_line(err)
    assert not (tmp_path / "none.sqlite").exists()


def test_postgresql_is_pointed_at_pg_dump_and_pg_restore(
    live: Live, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = "postgresql+psycopg://tech:secret@127.0.0.1:1/helpdesk"
    commands: list[list[str | Path]] = [
        ["backup", "--out", tmp_path / "x"],
        ["restore", "--yes", tmp_path / "x"],
    ]
    for argv in commands:
        rc, out, err = helpdesk(live, capsys, "db", *argv, "--db", url)
        assert (rc, out) == (EXIT_USAGE, "")
        line = one_line(err)
        assert "pg_dump -Fc -f FILE" in line and "pg_restore" in line
        assert "secret" not in line


def test_restore_asks_then_replaces_the_database(
    live: Live,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup = tmp_path / "monday.sqlite"
    assert helpdesk(live, capsys, "db", "backup", "--out", backup)[0] == EXIT_OK
    add_ticket(live.db, add_client(live.db))
    changed = counts(live.file)

    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    rc, out, err = helpdesk(live, capsys, "db", "restore", backup)
    assert (rc, err) == (EXIT_OK, "")
    assert f"backup: {backup} (schema {head_revision()}" in out
    assert "2 clients, 1 technicians, 3 tickets" in out
    assert f"Replace the database at {live.file} with this backup? [y/N]" in out
    assert f"database at {live.file} restored from {backup}" in out
    assert counts(live.file) == counts(backup) != changed
    [safety] = listing(live.paths.backups_dir)
    assert safety.startswith("helpdesk-before-restore-")
    assert f"the database as it was: {live.paths.backups_dir / safety}" in out
    assert counts(live.paths.backups_dir / safety) == changed


@pytest.mark.parametrize("answer", ["n\n", "\n", "", "yes please\n"])
def test_restore_without_a_yes_changes_nothing(
    live: Live,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    backup = tmp_path / "monday.sqlite"
    helpdesk(live, capsys, "db", "backup", "--out", backup)
    add_ticket(live.db, add_client(live.db))
    before = counts(live.file)
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    rc, out, err = helpdesk(live, capsys, "db", "restore", backup)
    assert rc == EXIT_FAILURE
    assert "[y/N]" in out
    assert "restore cancelled; nothing was changed" in one_line(err)
    assert counts(live.file) == before
    assert listing(live.paths.backups_dir) == []


def test_restore_yes_does_not_ask(
    live: Live,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup = tmp_path / "monday.sqlite"
    helpdesk(live, capsys, "db", "backup", "--out", backup)
    add_ticket(live.db, add_client(live.db))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing to read: it must not ask
    rc, out, _err = helpdesk(live, capsys, "db", "restore", "--yes", backup)
    assert rc == EXIT_OK
    assert "[y/N]" not in out
    assert counts(live.file) == counts(backup)


@pytest.mark.parametrize("content", [b"hello\n", b"", PNG], ids=["text", "empty", "png"])
def test_restore_refuses_a_file_that_is_not_a_backup_before_asking(
    live: Live,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    before = counts(live.file)
    stdin = io.StringIO("y\n")
    monkeypatch.setattr("sys.stdin", stdin)
    rc, out, err = helpdesk(live, capsys, "db", "restore", bad)
    assert (rc, out) == (EXIT_FAILURE, "")
    assert f"{bad} is not an MSP Helpdesk backup" in one_line(err)
    assert stdin.read() == "y\n"  # never asked
    assert counts(live.file) == before


def test_restore_refuses_a_backup_from_a_newer_version(
    live: Live,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    newer = tmp_path / "newer.sqlite"
    helpdesk(live, capsys, "db", "backup", "--out", newer)
    stamp(newer, UNKNOWN_REVISION)
    before = counts(live.file)
    rc, out, err = helpdesk(live, capsys, "db", "restore", "--yes", newer)
    assert (rc, out) == (EXIT_TOO_NEW, "")
    assert "made by a newer version of MSP Helpdesk" in one_line(err)
    assert counts(live.file) == before
    with sqlite3.connect(live.file) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
    conn.close()


def test_help_lists_restore(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["db", "--help"])
    assert "restore" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["db", "backup", "--help"])
    assert "--out FILE" in capsys.readouterr().out
