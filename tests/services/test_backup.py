"""app/services/backup.py: SQLite backups while the app writes, checks of backup files, restore.

Each test has its own SQLite file in tmp_path (migrated by `upgrade_database`), so backups and
restores commit for real; the shared test database is never restored into.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

import app.db
import app.services.backup
from app.db import (
    Database,
    alembic_config,
    create_database_engine,
    head_revision,
    parse_database_target,
    upgrade_database,
)
from app.models import Client, Site
from app.models.enums import ClientStatus
from app.paths import AppPaths
from app.services.backup import (
    BackupError,
    BackupNotSupportedError,
    BackupService,
    BackupTooNewError,
)
from tests.factories import T0, add_client, add_technician, add_ticket
from tests.fakes import FakeClock

#: A revision no build of the app has (yet).
UNKNOWN_REVISION = "f00dfacef00d"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


@dataclass
class Live:
    """The app's database as a test sees it: its file, engine, `Database` and service."""

    paths: AppPaths
    engine: Engine
    db: Database
    service: BackupService

    @property
    def file(self) -> Path:
        return self.service.database_file


@pytest.fixture(scope="module")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite file at head, migrated once per module and copied by each test."""
    path = tmp_path_factory.mktemp("template") / "helpdesk.sqlite"
    engine = create_database_engine(parse_database_target(str(path)))
    try:
        upgrade_database(engine, backups_dir=None)
    finally:
        engine.dispose()  # the last connection checkpoints: one self-contained file
    return path


def make_live(data_dir: Path, migrated: Path, *, clients: int = 2, tickets: int = 3) -> Live:
    """A copy of the `migrated` file in `data_dir` with a technician, clients and tickets."""
    paths = AppPaths(data_dir)
    paths.ensure()
    shutil.copyfile(migrated, paths.database_file)
    engine = create_database_engine(parse_database_target(str(paths.database_file)))
    assert upgrade_database(engine, backups_dir=None).before == head_revision()
    db = Database(engine)
    add_technician(db, "Alice Martin", email="alice@test.msp")
    client_ids = [add_client(db) for _ in range(clients)]
    for i in range(tickets):
        add_ticket(db, client_ids[i % len(client_ids)], subject=f"Ticket {i}")
    return Live(paths, engine, db, BackupService.for_database(db, paths, FakeClock()))


@pytest.fixture
def live(tmp_path: Path, migrated_file: Path) -> Iterator[Live]:
    result = make_live(tmp_path / "data", migrated_file)
    yield result
    result.engine.dispose()


def counts(file: Path) -> dict[str, int]:
    """Rows of the tables the tests change, read straight from the file."""
    with sqlite3.connect(file) as conn:
        found = {
            table: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("client", "site", "ticket", "technician")
        }
    conn.close()
    return found


def integrity(file: Path) -> str:
    with sqlite3.connect(file) as conn:
        verdict = "\n".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
    conn.close()
    return verdict


def revision_of(file: Path) -> str:
    with sqlite3.connect(file) as conn:
        revision = str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    conn.close()
    return revision


def stamp(file: Path, revision: str) -> None:
    with sqlite3.connect(file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def add_client_with_site(db: Database, n: int) -> None:
    """One client and its site in one transaction: a consistent snapshot has as many of each."""
    with db.write() as s:
        client = Client(
            name=f"Busy {n}", code=f"B{n}", status=ClientStatus.LIVE,
            timezone="UTC", created_at=T0,
        )  # fmt: skip
        s.add(client)
        s.flush()
        s.add(Site(client_id=client.id, name="Office"))


def read_only_dir(folder: Path) -> Path:
    """`folder` made unwritable, or (when running as root, which chmod does not stop) a path
    under a regular file, which no one can create. Returns the folder to write into."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o500)
    if not os.access(folder, os.W_OK):
        return folder
    folder.chmod(0o700)
    blocker = folder / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    return blocker


@pytest.fixture(autouse=True)
def _writable_again(tmp_path: Path) -> Iterator[None]:
    """Give write access back so pytest can delete tmp_path."""
    yield
    for path in tmp_path.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(stat.S_IMODE(path.stat().st_mode) | 0o700)


# --- backup -----------------------------------------------------------------------------------


def test_backup_is_one_consistent_snapshot_while_another_connection_writes(
    live: Live, tmp_path: Path
) -> None:
    writer_db = Database(create_database_engine(parse_database_target(str(live.file))))
    written = 0
    wanted = [20]  # the writer signals `reached` once `written` gets there
    reached, stop = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def write_pairs() -> None:
        nonlocal written
        try:
            while not stop.is_set():
                add_client_with_site(writer_db, written)
                written += 1
                if written >= wanted[0]:
                    reached.set()
        except BaseException as e:  # surfaced by the assertion below
            errors.append(e)
            reached.set()

    thread = threading.Thread(target=write_pairs)
    thread.start()
    try:
        assert reached.wait(30)
        before = counts(live.file)["client"]
        target = live.service.backup(tmp_path / "during.sqlite")
        copied = counts(target)
        reached.clear()
        wanted[0] = written + 5  # the writer keeps going after the backup, too
        assert reached.wait(30)
    finally:
        stop.set()
        thread.join(30)
        writer_db.dispose()
    assert errors == []
    after = counts(live.file)["client"]
    assert integrity(target) == "ok"
    assert before <= copied["client"] <= after
    assert before < after
    # Each transaction added a client and its site: a torn copy would hold one without the other.
    assert copied["client"] - 2 == copied["site"]


def test_backup_is_a_private_single_file_that_replaces_the_target(
    live: Live, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "copy.sqlite"
    target.write_bytes(b"an older backup")
    with live.engine.connect() as conn:  # the app is running: rows sit in the WAL
        conn.execute(text("SELECT 1"))
        assert live.service.backup(target) == target
    assert listing(out) == ["copy.sqlite"]  # no temporary file, no -wal or -journal beside it
    assert counts(target) == counts(live.file)
    assert revision_of(target) == head_revision()
    assert target.read_bytes()[18:20] == b"\x01\x01"  # rollback-journal mode: one file
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_default_backup_file_is_dated_in_the_backups_folder(live: Live) -> None:
    target = live.service.default_backup_file()
    assert target == live.paths.backups_dir / "helpdesk-manual-20260302T090000Z.sqlite"
    live.service.backup(target)
    assert live.service.check_backup(target).tickets == 3


def test_backup_of_a_missing_database_is_refused_without_creating_it(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    url = parse_database_target(str(paths.database_file))
    with pytest.raises(BackupError, match="no database at"):
        BackupService(url, paths).backup(tmp_path / "copy.sqlite")
    assert listing(tmp_path) == []


def test_backup_onto_the_database_itself_is_refused(live: Live) -> None:
    before = counts(live.file)
    with pytest.raises(BackupError, match="the database itself"):
        live.service.backup(live.file)
    assert counts(live.file) == before
    assert integrity(live.file) == "ok"


def test_backup_into_a_read_only_folder_fails_cleanly(live: Live, tmp_path: Path) -> None:
    folder = read_only_dir(tmp_path / "locked")
    with pytest.raises(BackupError) as caught:
        live.service.backup(folder / "copy.sqlite")
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert str(folder / "copy.sqlite") in message
    assert ("Permission denied" in message) or ("Not a directory" in message)
    assert not (folder / "copy.sqlite").exists()
    if folder.is_dir():
        assert listing(folder) == []


def test_disk_full_during_backup_leaves_the_old_target_and_no_temp_file(
    live: Live, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "copy.sqlite"
    live.service.backup(target)
    old = target.read_bytes()
    live_before = live.file.read_bytes()

    def fills_the_disk(source: Path, dest: Path, **_options: bool) -> None:
        with dest.open("r+b") as f:  # half-way: some pages reached the file
            f.write(b"SQLite format 3\x00" + bytes(4096))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(app.db, "copy_sqlite_database", fills_the_disk)
    with pytest.raises(BackupError) as caught:
        live.service.backup(target)
    assert str(caught.value) == (
        f"cannot back up {live.file} to {target}: {os.strerror(errno.ENOSPC)}"
    )
    assert target.read_bytes() == old
    assert listing(out) == ["copy.sqlite"]
    assert live.file.read_bytes() == live_before


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
)
def test_postgresql_is_pointed_at_pg_dump(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    engine: Engine = request.getfixturevalue(f"{backend}_engine")
    service = BackupService.for_database(Database(engine), AppPaths(tmp_path))
    if backend == "sqlite":
        assert service.supported
        assert service.database_file == Path(str(engine.url.database))
        return
    assert not service.supported
    for attempt in (
        lambda: service.backup(tmp_path / "copy.sqlite"),
        lambda: service.restore(tmp_path / "copy.sqlite"),
    ):
        with pytest.raises(BackupNotSupportedError) as caught:
            attempt()
        assert "pg_dump -Fc -f FILE" in str(caught.value)
        assert "pg_restore" in str(caught.value)
    assert listing(tmp_path) == []


# --- checking a backup file -------------------------------------------------------------------


def test_check_backup_describes_a_good_file_without_touching_it(live: Live, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = live.service.backup(out / "copy.sqlite")
    content = target.read_bytes()
    info = live.service.check_backup(target)
    assert (info.revision, info.integrity, info.size) == (head_revision(), "ok", len(content))
    assert (info.clients, info.technicians, info.tickets) == (2, 1, 3)
    assert info.counts["ticket_event"] == 3
    assert "alembic_version" not in info.counts
    assert not any(name.startswith("kb_article_fts") for name in info.counts)
    assert target.read_bytes() == content
    assert listing(out) == ["copy.sqlite"]


def _corrupt_sqlite(path: Path) -> None:
    """A SQLite file that opens but fails `PRAGMA integrity_check`: a table pointed at another's
    b-tree, so its index no longer matches."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE a(x)")
    conn.execute("CREATE INDEX a_x ON a(x)")
    conn.execute("CREATE TABLE b(y)")
    conn.executemany("INSERT INTO a VALUES (?)", [(i,) for i in range(50)])
    conn.execute("INSERT INTO b VALUES (1)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'b'").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'a'", (root,))
    conn.close()


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes(body TEXT)")
    conn.commit()
    conn.close()


BAD_FILES = {
    "text": (lambda p: p.write_text("ticket,client\n1,Acme\n"), "not a SQLite database"),
    "empty": (lambda p: p.write_bytes(b""), "not a SQLite database"),
    "png": (lambda p: p.write_bytes(PNG), "not a SQLite database"),
    "garbage behind the header": (
        lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16),
        "not a readable SQLite database",
    ),
    "damaged": (_corrupt_sqlite, "is damaged (integrity check: "),
    "another app's database": (_foreign_sqlite, "has no schema revision"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_backup_files_are_refused_and_the_database_left_alone(
    live: Live, tmp_path: Path, kind: str
) -> None:
    make, expected = BAD_FILES[kind]
    bad = tmp_path / "bad.sqlite"
    make(bad)
    before, content = counts(live.file), bad.read_bytes()
    for attempt in (live.service.check_backup, live.service.restore):
        with pytest.raises(BackupError) as caught:
            attempt(bad)
        message = str(caught.value)
        assert expected in message, message
        assert str(bad) in message and "\n" not in message
    assert counts(live.file) == before
    assert bad.read_bytes() == content
    assert listing(live.paths.backups_dir) == []  # refused before the safety copy


def test_a_missing_backup_file_is_refused(live: Live, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no backup file at"):
        live.service.restore(tmp_path / "nowhere.sqlite")


def test_a_backup_from_a_newer_version_is_refused(live: Live, tmp_path: Path) -> None:
    newer = live.service.backup(tmp_path / "newer.sqlite")
    stamp(newer, UNKNOWN_REVISION)
    before = counts(live.file)
    for attempt in (live.service.check_backup, live.service.restore):
        with pytest.raises(BackupTooNewError) as caught:
            attempt(newer)
        assert "made by a newer version of MSP Helpdesk" in str(caught.value)
        assert caught.value.revision == UNKNOWN_REVISION
    assert counts(live.file) == before
    assert revision_of(live.file) == head_revision()
    assert listing(live.paths.backups_dir) == []


# --- restore ----------------------------------------------------------------------------------


def test_restore_round_trip_keeps_a_safety_copy_and_reaches_open_connections(
    live: Live, tmp_path: Path
) -> None:
    backup = live.service.backup(tmp_path / "monday.sqlite")
    saved = counts(backup)
    # Work after the backup, which the restore is meant to undo.
    add_ticket(live.db, add_client(live.db), subject="After the backup")
    changed = counts(live.file)
    assert changed != saved

    with live.engine.connect() as open_conn:  # the app keeps its connections open
        assert open_conn.execute(text("SELECT count(*) FROM ticket")).scalar() == changed["ticket"]
        open_conn.rollback()  # between transactions, as pooled connections are
        result = live.service.restore(backup)
        assert open_conn.execute(text("SELECT count(*) FROM ticket")).scalar() == saved["ticket"]

    assert counts(live.file) == saved
    assert integrity(live.file) == "ok"
    assert (result.revision_before, result.revision_after) == (head_revision(), head_revision())
    assert not result.migrated
    assert result.database == live.file
    expected = live.paths.backups_dir / "helpdesk-before-restore-20260302T090000Z.sqlite"
    assert result.safety_backup == expected
    assert counts(expected) == changed
    assert integrity(expected) == "ok"
    # The app's own sessions see the restored rows; the staging file is gone.
    with live.db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM client")) == saved["client"]
    assert listing(live.paths.backups_dir) == [expected.name]
    # A second restore in the same second keeps the first safety copy.
    second = live.service.restore(backup)
    assert second.safety_backup == expected.with_name(f"{expected.stem}-2.sqlite")
    assert expected.exists()


def test_restore_migrates_an_older_backup_to_this_version(live: Live, tmp_path: Path) -> None:
    previous = ScriptDirectory.from_config(alembic_config()).get_revision(head_revision())
    assert previous is not None and isinstance(previous.down_revision, str)
    older = tmp_path / "older.sqlite"
    engine = create_database_engine(parse_database_target(str(older)))
    try:
        with engine.connect() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, previous.down_revision)
            conn.commit()
    finally:
        engine.dispose()
    assert live.service.check_backup(older).revision == previous.down_revision

    result = live.service.restore(older)
    assert result.migrated
    assert (result.backup.revision, result.revision_after) == (
        previous.down_revision,
        head_revision(),
    )
    assert revision_of(live.file) == head_revision()
    assert counts(live.file) == {"client": 0, "site": 0, "ticket": 0, "technician": 0}
    assert result.safety_backup is not None and counts(result.safety_backup)["ticket"] == 3
    assert integrity(live.file) == "ok"


def test_restore_into_a_new_installation(live: Live, tmp_path: Path) -> None:
    backup = live.service.backup(tmp_path / "copy.sqlite")
    paths = AppPaths(tmp_path / "new-pc")
    service = BackupService(parse_database_target(str(paths.database_file)), paths)
    result = service.restore(backup)
    assert result.safety_backup is None and result.revision_before is None
    assert counts(paths.database_file) == counts(backup)
    if os.name == "posix":
        assert stat.S_IMODE(paths.database_file.stat().st_mode) == 0o600


def test_restore_over_a_database_from_a_newer_version_is_refused(
    live: Live, tmp_path: Path
) -> None:
    backup = live.service.backup(tmp_path / "copy.sqlite")
    live.engine.dispose()
    stamp(live.file, UNKNOWN_REVISION)
    content = live.file.read_bytes()
    with pytest.raises(BackupError, match="made by a newer version of MSP Helpdesk"):
        live.service.restore(backup)
    assert live.file.read_bytes() == content
    assert listing(live.paths.backups_dir) == []


def test_restore_with_an_unwritable_backups_folder_leaves_the_database(
    live: Live, tmp_path: Path
) -> None:
    backup = live.service.backup(tmp_path / "copy.sqlite")
    add_ticket(live.db, add_client(live.db))
    before = counts(live.file)
    backups = live.paths.backups_dir
    backups.chmod(0o500)
    if os.access(backups, os.W_OK):  # root ignores modes: a file where the folder was instead
        backups.chmod(0o700)
        backups.rmdir()
        backups.write_text("in the way")
    with pytest.raises(BackupError) as caught:
        live.service.restore(backup)
    message = str(caught.value)
    assert "\n" not in message
    assert str(backups) in message
    assert counts(live.file) == before
    assert integrity(live.file) == "ok"


def test_disk_full_during_the_safety_copy_leaves_the_database(
    live: Live, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = live.service.backup(tmp_path / "copy.sqlite")
    add_ticket(live.db, add_client(live.db))
    before = counts(live.file)

    def fills_the_disk(source: Path, dest: Path, **_options: bool) -> None:
        dest.write_bytes(b"SQLite format 3\x00" + bytes(2048))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(app.db, "copy_sqlite_database", fills_the_disk)
    with pytest.raises(BackupError, match=os.strerror(errno.ENOSPC)):
        live.service.restore(backup)
    assert counts(live.file) == before
    assert listing(live.paths.backups_dir) == []


def test_a_failure_of_the_last_copy_leaves_the_database_and_no_staging_file(
    live: Live, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = live.service.backup(tmp_path / "copy.sqlite")
    add_ticket(live.db, add_client(live.db))
    before = counts(live.file)
    real_copy = app.db.copy_sqlite_database

    def full_when_writing_the_live_file(source: Path, dest: Path, **options: bool) -> None:
        if dest == live.file:
            raise sqlite3.OperationalError("database or disk is full")
        real_copy(source, dest, **options)

    monkeypatch.setattr(
        app.services.backup, "copy_sqlite_database", full_when_writing_the_live_file
    )
    with pytest.raises(BackupError) as caught:
        live.service.restore(backup)
    assert str(caught.value) == f"cannot restore into {live.file}: database or disk is full"
    assert counts(live.file) == before
    # Only the safety copy remains: the staging file and its journals were removed.
    [safety] = listing(live.paths.backups_dir)
    assert safety.startswith("helpdesk-before-restore-")


def test_a_restore_gives_up_on_a_database_another_connection_keeps_locked(
    live: Live, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = live.service.backup(tmp_path / "copy.sqlite")
    add_ticket(live.db, add_client(live.db))
    before = counts(live.file)
    monkeypatch.setattr(app.db, "_COPY_LOCK_WAIT", 0.2)
    monkeypatch.setattr(app.db, "_COPY_BUSY_WAIT", 0.05)
    writer = sqlite3.connect(live.file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a write that never finishes
    try:
        with pytest.raises(BackupError) as caught:
            live.service.restore(backup)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert str(caught.value) == f"cannot restore into {live.file}: database is locked"
    assert counts(live.file) == before
    assert integrity(live.file) == "ok"


def test_a_hand_made_copy_with_its_wal_restores_too(live: Live, tmp_path: Path) -> None:
    """Copying the file and its -wal while the app runs is a common "backup"; the rows still
    in the WAL must come along."""
    raw = tmp_path / "raw" / "helpdesk.sqlite"
    raw.parent.mkdir()
    with live.engine.connect() as conn:  # keeps the WAL from being checkpointed away
        conn.execute(text("SELECT 1"))
        add_ticket(live.db, add_client(live.db), subject="Only in the WAL")
        expected = counts(live.file)
        shutil.copyfile(live.file, raw)
        shutil.copyfile(f"{live.file}-wal", f"{raw}-wal")
    live.service.backup(tmp_path / "other.sqlite")  # something to replace first
    assert live.service.check_backup(raw).tickets == expected["ticket"]
    add_ticket(live.db, add_client(live.db))
    live.service.restore(raw)
    assert counts(live.file) == expected
    assert integrity(live.file) == "ok"
