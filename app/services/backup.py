"""Backing up and restoring the single-technician SQLite database (PostgreSQL: pg_dump's job).

Every copy goes through the SQLite online backup API (`app.db.copy_sqlite_database`), so a backup
is a consistent snapshot while the app writes, and a restore lands in the live file through
SQLite's own locking: the app's open connections see the restored data, no file is swapped
under them. Failures raise `BackupError` (one line, no traceback text) and leave the live
database and any existing target file as they were.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy.engine import URL

from app.db import (
    Database,
    DatabaseError,
    backup_sqlite_file,
    copy_sqlite_database,
    create_database_engine,
    failure_reason,
    head_revision,
    is_known_revision,
    read_only_uri,
    remove_sqlite_file,
    upgrade_database,
)
from app.paths import AppPaths, private_file
from app.services.clock import Clock, SystemClock

#: What a PostgreSQL administrator runs instead (the app never holds a server-wide dump).
PG_DUMP_HINT: Final = (
    "back up a PostgreSQL database with `pg_dump -Fc -f FILE <database>` "
    "and restore it with `pg_restore`"
)
_SQLITE_MAGIC: Final = b"SQLite format 3\x00"


class BackupError(DatabaseError):
    """A backup or restore failed or was refused; the message is one line for the user."""


class BackupNotSupportedError(BackupError):
    """The database is a shared PostgreSQL server: backups are the administrator's pg_dump."""

    def __init__(self) -> None:
        super().__init__(PG_DUMP_HINT)


class BackupTooNewError(BackupError):
    """The backup's schema revision is unknown to this build: a newer app made it."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"{path} was made by a newer version of MSP Helpdesk (schema {revision}); "
            "upgrade the app to restore it"
        )
        self.revision = revision


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a checked backup file holds. Only files that pass every check get one."""

    path: Path
    revision: str
    size: int
    #: Rows per table (virtual full-text tables and their shadow tables left out).
    counts: Mapping[str, int]
    #: `PRAGMA integrity_check`'s verdict; always "ok" here, kept to show it was checked.
    integrity: str

    @property
    def tickets(self) -> int:
        return self.counts.get("ticket", 0)

    @property
    def clients(self) -> int:
        return self.counts.get("client", 0)

    @property
    def technicians(self) -> int:
        return self.counts.get("technician", 0)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What `restore` did."""

    backup: BackupInfo
    database: Path
    #: The database as it was just before the restore; None if there was nothing to keep.
    safety_backup: Path | None
    #: The live database's revision before the restore (None: it was empty).
    revision_before: str | None
    #: The restored database's revision: the backup's, migrated to this build's head.
    revision_after: str

    @property
    def migrated(self) -> bool:
        return self.backup.revision != self.revision_after


class BackupService:
    """Backup, check and restore of one SQLite database. Thread-safe: holds no connection."""

    def __init__(self, url: URL, paths: AppPaths, clock: Clock | None = None) -> None:
        self._url = url
        self._paths = paths
        self._clock = clock or SystemClock()

    @classmethod
    def for_database(
        cls, db: Database, paths: AppPaths, clock: Clock | None = None
    ) -> BackupService:
        return cls(db.url, paths, clock)

    @property
    def supported(self) -> bool:
        """False for PostgreSQL, whose backups are pg_dump's (see `PG_DUMP_HINT`)."""
        return self._url.get_backend_name() == "sqlite"

    @property
    def database_file(self) -> Path:
        """The live SQLite file; raises `BackupNotSupportedError` for PostgreSQL."""
        if not self.supported:
            raise BackupNotSupportedError()
        name = self._url.database
        if not name or name == ":memory:":
            raise BackupError("an in-memory database has no file to back up or restore")
        return Path(name)

    def default_backup_file(self) -> Path:
        """`helpdesk-manual-<UTC stamp>.sqlite` in the backups folder (not created here)."""
        return self._paths.backups_dir / f"helpdesk-manual-{self._stamp()}.sqlite"

    # --- backup -------------------------------------------------------------------------------

    def backup(self, target: Path) -> Path:
        """Copy the live database to `target` (replaced if it exists); returns `target`.

        Consistent while other connections write; written to a private temporary file beside
        `target`, flushed, then renamed, so a failure leaves no partial file and an existing
        `target` untouched.
        """
        source = self.database_file
        if not source.is_file():
            raise BackupError(f"there is no database at {source} to back up")
        if target.is_dir():
            raise BackupError(f"{target} is a folder; name the backup file to write")
        if _same_file(source, target):
            raise BackupError(f"{target} is the database itself; choose another file")
        if target.parent == self._paths.backups_dir:
            self._ensure_backups_dir()
        try:
            return backup_sqlite_file(source, target)
        except BackupError:
            raise
        except DatabaseError as e:
            raise BackupError(str(e)) from e

    # --- check --------------------------------------------------------------------------------

    def check_backup(self, file: Path) -> BackupInfo:
        """Read `file` without changing it; refuse anything this build could not restore.

        Refused: a missing file, a file that is not a SQLite database, one that fails
        `PRAGMA integrity_check`, one without the app's schema revision, and one whose revision
        this build does not know (`BackupTooNewError`).
        """
        if not file.is_file():
            raise BackupError(f"there is no backup file at {file}")
        try:
            with file.open("rb") as f:
                header = f.read(len(_SQLITE_MAGIC))
            size = file.stat().st_size
        except OSError as e:
            raise BackupError(f"cannot read {file}: {failure_reason(e)}") from e
        if header != _SQLITE_MAGIC:
            raise BackupError(f"{file} is not an MSP Helpdesk backup (not a SQLite database)")
        try:
            with _open_read_only(file) as conn:
                verdict = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
                if verdict != ["ok"]:
                    # The first real problem; the list may start with "*** in database main ***".
                    problems = [
                        line
                        for row in verdict
                        for line in row.splitlines()
                        if line.strip() and not line.startswith("***")
                    ]
                    first = problems[0] if problems else "no answer"
                    raise BackupError(f"{file} is damaged (integrity check: {first})")
                revision = _revision(conn)
                if revision is None:
                    raise BackupError(
                        f"{file} is not an MSP Helpdesk backup (it has no schema revision)"
                    )
                if not is_known_revision(revision):
                    raise BackupTooNewError(file, revision)
                counts = _row_counts(conn)
        except sqlite3.Error as e:
            raise BackupError(
                f"{file} is not a readable SQLite database: {failure_reason(e)}"
            ) from e
        return BackupInfo(file, revision, size, counts, "ok")

    # --- restore ------------------------------------------------------------------------------

    def restore(self, file: Path) -> RestoreResult:
        """Replace the live database's content with the backup `file`, migrated to head.

        In order: check the file; keep a safety copy of the live database in the backups
        folder; copy the backup to a staging file there and migrate that if it is older; only
        then copy the staged database into the live one in one transaction. Any failure before
        that last step leaves the live database as it was; the last step itself is atomic.
        """
        live = self.database_file
        info = self.check_backup(file)
        if _same_file(live, file):
            raise BackupError(f"{file} is the database itself; choose a backup file")
        before = self._live_revision(live)
        backups = self._ensure_backups_dir()
        safety = None
        if live.is_file() and live.stat().st_size > 0:
            safety = self.backup(_unused(backups / f"helpdesk-before-restore-{self._stamp()}"))
        with self._staged(backups) as staged:
            try:
                copy_sqlite_database(file, staged, read_only_source=True)
                with _open_read_only(staged) as conn:
                    copied = _revision(conn)
            except (sqlite3.Error, OSError) as e:
                raise BackupError(f"cannot read {file}: {failure_reason(e)}") from e
            if copied != info.revision:  # the file changed since it was checked
                raise BackupError(f"{file} changed while it was being restored; try again")
            if info.revision != head_revision():
                self._migrate(staged)
            try:
                if not live.exists():  # restoring into a new installation
                    live.parent.mkdir(parents=True, exist_ok=True)
                    private_file(live)
                copy_sqlite_database(staged, live, single_file=False)
            except (sqlite3.Error, OSError) as e:
                raise BackupError(f"cannot restore into {live}: {failure_reason(e)}") from e
        return RestoreResult(info, live, safety, before, head_revision())

    # --- helpers ------------------------------------------------------------------------------

    def _stamp(self) -> str:
        return self._clock.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")

    def _ensure_backups_dir(self) -> Path:
        backups = self._paths.backups_dir
        try:
            backups.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as e:
            raise BackupError(f"cannot create {backups}: {failure_reason(e)}") from e
        return backups

    def _live_revision(self, live: Path) -> str | None:
        """The live database's revision; a database newer than this build is not replaced."""
        if not live.is_file() or live.stat().st_size == 0:
            return None
        try:
            with _open_read_only(live) as conn:
                revision = _revision(conn)
        except sqlite3.Error as e:
            raise BackupError(f"cannot read the database at {live}: {failure_reason(e)}") from e
        if revision is not None and not is_known_revision(revision):
            raise BackupError(
                f"the database at {live} was made by a newer version of MSP Helpdesk "
                f"(schema {revision}); restore it with that version"
            )
        return revision

    @contextlib.contextmanager
    def _staged(self, folder: Path) -> Iterator[Path]:
        """A private temporary SQLite file in `folder`, deleted (journals too) afterwards."""
        try:
            fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite", dir=folder)
        except OSError as e:
            raise BackupError(f"cannot write in {folder}: {failure_reason(e)}") from e
        os.close(fd)
        path = Path(name)
        try:
            yield path
        finally:
            remove_sqlite_file(path)

    @staticmethod
    def _migrate(staged: Path) -> None:
        engine = create_database_engine(URL.create("sqlite", database=str(staged)))
        try:
            upgrade_database(engine, backups_dir=None)
        except DatabaseError as e:
            raise BackupError(f"cannot upgrade the backup to this version: {e}") from e
        finally:
            engine.dispose()


@contextlib.contextmanager
def _open_read_only(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        yield conn
    finally:
        conn.close()


def _revision(conn: sqlite3.Connection) -> str | None:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if has_table is None:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row is not None else None


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    virtual = [
        str(name) for name, sql in tables if str(sql or "").upper().startswith("CREATE VIRTUAL")
    ]
    counts: dict[str, int] = {}
    for name, _sql in tables:
        name = str(name)
        if name == "alembic_version" or any(name == v or name.startswith(f"{v}_") for v in virtual):
            continue
        quoted = name.replace('"', '""')
        counts[name] = int(conn.execute(f'SELECT count(*) FROM "{quoted}"').fetchone()[0])
    return counts


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _unused(stem: Path) -> Path:
    """`stem.sqlite`, or `stem-2.sqlite`, … if two restores fall in the same second."""
    candidate, n = stem.with_name(f"{stem.name}.sqlite"), 1
    while candidate.exists():
        n += 1
        candidate = stem.with_name(f"{stem.name}-{n}.sqlite")
    return candidate
