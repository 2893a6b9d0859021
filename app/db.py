"""Engines, sessions and schema upgrades: the only module that configures database connections.

`Database.read()` and `Database.write()` each give one short-lived `Session` (a unit of work); they
may be used from any thread, but a session never crosses threads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, exc, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from app.paths import private_file

log = logging.getLogger(__name__)

#: The migrations package, found by path so a frozen build finds it too.
MIGRATIONS_DIR: Final = Path(__file__).resolve().parent / "migrations"
#: PostgreSQL NOTIFY channel that carries `Changes` between technicians' apps.
NOTIFY_CHANNEL: Final = "helpdesk_changes"
#: Advisory-lock key held while one app upgrades a shared schema.
UPGRADE_LOCK_KEY: Final = 7_346_001
_SQLITE_MAGIC: Final = b"SQLite format 3\x00"
#: Seconds a backup or restore waits for other connections' locks before it gives up.
_COPY_LOCK_WAIT: Final = 30.0
#: Seconds each step of such a copy waits on a lock (SQLite's busy timeout) before it retries.
_COPY_BUSY_WAIT: Final = 5.0


class DatabaseError(Exception):
    """Base of the database errors the CLI and GUI turn into one clear line."""


class DatabaseOpenError(DatabaseError):
    """The database cannot be opened: bad URL, unreachable server, or not a SQLite file."""


class DatabaseTooNewError(DatabaseError):
    """The schema carries a revision this build does not know: refuse to open, never downgrade."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"the database schema ({revision}) is newer than this version of MSP Helpdesk; "
            "upgrade the app"
        )
        self.revision = revision


class DatabaseUnavailableError(DatabaseError):
    """The connection was lost or the server stopped answering; the action may be retried."""


class UpgradeNeedsConfirmationError(DatabaseError):
    """A shared PostgreSQL schema needs upgrading and nobody confirmed that a backup exists."""

    def __init__(self, current: str, head: str) -> None:
        super().__init__(
            f"the shared database is at revision {current} and needs upgrading to {head}; "
            "make a backup (pg_dump), then run `helpdesk db upgrade --yes`"
        )
        self.current = current
        self.head = head


@dataclass(frozen=True, slots=True)
class Changes:
    """What a write changed: a kind ("ticket", "client", …) and the ids, for views to refresh."""

    kind: str
    ids: frozenset[int] = field(default_factory=frozenset)

    def to_payload(self) -> str:
        return json.dumps({"k": self.kind, "i": sorted(self.ids)})

    @classmethod
    def from_payload(cls, payload: str) -> Changes:
        data = json.loads(payload)
        return cls(str(data["k"]), frozenset(int(i) for i in data["i"]))


def parse_database_target(target: str) -> URL:
    """A SQLAlchemy URL from `--db`: a URL, or a path to a SQLite file."""
    if "://" not in target:
        return URL.create("sqlite", database=str(Path(target).expanduser().resolve()))
    try:
        url = make_url(target)
    except (exc.ArgumentError, ValueError) as e:  # ValueError: a port that is not a number
        # Never echo the text: a URL that does not parse may still hold a password.
        raise DatabaseOpenError(
            "not a database URL; use a SQLite file path or postgresql+psycopg://user@host:port/db"
        ) from e
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseOpenError(
            f"unsupported database {url.get_backend_name()!r}: use a SQLite file or postgresql+psycopg://"
        )
    if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe(url: URL) -> str:
    """The URL for messages and logs, password hidden."""
    return url.render_as_string(hide_password=True)


def _check_sqlite_file(url: URL) -> None:
    path = url.database
    if not path or path == ":memory:":
        return
    p = Path(path)
    if p.is_dir():
        raise DatabaseOpenError(f"{p} is a directory, not a SQLite database file")
    if p.exists() and p.stat().st_size > 0:
        with p.open("rb") as f:
            if f.read(16) != _SQLITE_MAGIC:
                raise DatabaseOpenError(
                    f"{p} is not a SQLite database (corrupt or another kind of file)"
                )
    elif not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    try:
        private_file(p)
    except OSError as e:
        raise DatabaseOpenError(f"cannot create {p}: {e.strerror}") from e


def create_database_engine(url: URL) -> Engine:
    """An engine with this project's settings for SQLite or PostgreSQL (architecture.md §3.3)."""
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(url)
        engine = create_engine(url, hide_parameters=True)
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 5, "application_name": "msp-helpdesk"},
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy's pysqlite fix: let SQLAlchemy, not the driver, emit BEGIN, so that
        # SAVEPOINTs work and the tests' per-test rollback holds.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers lock at BEGIN, so they queue on busy_timeout instead of failing mid-transaction.
        options = conn.get_execution_options()
        if options.get("helpdesk_autocommit", False):
            # Single-statement reads (Database.read_connection): the driver already runs in
            # autocommit (isolation_level=None above); SQLAlchemy's own AUTOCOMMIT setting is
            # avoided because returning the connection would reset the driver to implicit BEGINs.
            return
        immediate = options.get("helpdesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _read_only_guard(session: Session, _flush_context: Any, _instances: Any) -> None:
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        raise RuntimeError("write attempted in a Database.read() session")


class Database:
    """Sessions over one engine (or, in tests, one external connection).

    Any thread may call `read()`/`write()`; each call is its own session and transaction.
    """

    def __init__(self, bind: Engine | Connection) -> None:
        self._bind = bind
        engine = bind if isinstance(bind, Engine) else bind.engine
        self.url: URL = engine.url
        self.backend: str = engine.dialect.name
        write_bind: Engine | Connection = (
            bind.execution_options(helpdesk_write=True) if isinstance(bind, Engine) else bind
        )
        join: dict[str, Any] = {}
        if not isinstance(bind, Engine):
            join["join_transaction_mode"] = "create_savepoint"
        self._reader = sessionmaker(bind=bind, expire_on_commit=False, **join)
        self._writer = sessionmaker(bind=write_bind, expire_on_commit=False, **join)

    @property
    def engine(self) -> Engine:
        return self._bind if isinstance(self._bind, Engine) else self._bind.engine

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries only; flushing a change raises. Never commits."""
        with _translate_errors(), self._reader(info={"read_only": True}) as session:
            event.listen(session, "before_flush", _read_only_guard)
            try:
                yield session
            finally:
                session.rollback()

    @contextlib.contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A bare Core connection in autocommit mode for hot read paths (the queue).

        Each statement is its own snapshot: right for one SELECT, wrong for several that must
        agree (use `read()` for those). Skipping BEGIN/ROLLBACK and the ORM session halves the
        cost of a queue page. Writing through it is a programming error.
        """
        with _translate_errors():
            if isinstance(self._bind, Connection):
                yield self._bind
                return
            with self._bind.connect() as conn:
                if self.backend == "sqlite":
                    yield conn.execution_options(helpdesk_autocommit=True)
                else:
                    yield conn.execution_options(isolation_level="AUTOCOMMIT")

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any exception."""
        with _translate_errors(), self._writer() as session, session.begin():
            yield session

    def announce(self, session: Session, changes: Changes) -> None:
        """Tell other apps on a shared database what this transaction changed (sent at commit)."""
        if self.backend == "postgresql":
            session.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": NOTIFY_CHANNEL, "payload": changes.to_payload()},
            )

    def ping(self) -> None:
        """Raise `DatabaseUnavailableError` unless the database answers."""
        with _translate_errors(), self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def open_change_watcher(self) -> ChangeWatcher:
        """A watcher of other connections' commits; the caller owns it and closes it."""
        if self.backend == "postgresql":
            return _PostgresChangeWatcher(self.url)
        return _SqliteChangeWatcher(self.url)

    def dispose(self) -> None:
        if isinstance(self._bind, Engine):
            self._bind.dispose()


@contextlib.contextmanager
def _translate_errors() -> Iterator[None]:
    try:
        yield
    except (exc.OperationalError, exc.InterfaceError) as e:
        if isinstance(e.orig, sqlite3.OperationalError) and "locked" not in str(e.orig):
            raise
        # The driver's message may quote SQL but never parameters (hide_parameters=True).
        raise DatabaseUnavailableError(_first_line(e.orig) if e.orig else str(e)) from e


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class ChangeWatcher:
    """Blocks until other connections commit; one per watching thread, closed by its owner."""

    def wait(self, timeout: float) -> list[Changes] | None:
        """Changes committed since the last call, `[]` on a timeout, or None once closed."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class _SqliteChangeWatcher(ChangeWatcher):
    """Polls `PRAGMA data_version`, which moves when another connection commits to the file."""

    def __init__(self, url: URL) -> None:
        import threading

        self._closed = threading.Event()
        self._conn: sqlite3.Connection | None = None
        if url.database and url.database != ":memory:":
            self._conn = sqlite3.connect(url.database, check_same_thread=False)
        self._version = self._data_version()

    def _data_version(self) -> int:
        if self._conn is None:
            return 0
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float) -> list[Changes] | None:
        if self._closed.wait(timeout):
            return None
        version = self._data_version()
        if version == self._version:
            return []
        self._version = version
        return [Changes("*")]

    def close(self) -> None:
        self._closed.set()
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class _PostgresChangeWatcher(ChangeWatcher):
    """LISTENs on the notify channel with its own autocommit connection."""

    def __init__(self, url: URL) -> None:
        import psycopg

        params = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._conn: psycopg.Connection[Any] | None = psycopg.connect(params, autocommit=True)
        self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def wait(self, timeout: float) -> list[Changes] | None:
        import psycopg

        conn = self._conn
        if conn is None or conn.closed:
            return None
        try:
            notes = list(conn.notifies(timeout=timeout, stop_after=1))
            # Drain what arrived together, without waiting again.
            notes += list(conn.notifies(timeout=0.01))
        except psycopg.Error as e:
            if self._conn is None:
                return None
            raise DatabaseUnavailableError(_first_line(e)) from e
        return [Changes.from_payload(n.payload) for n in notes]

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


# --- schema upgrades -------------------------------------------------------------------------


def alembic_config() -> Config:
    """An Alembic config built in code (no alembic.ini), pointing at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    """True if this build's migrations contain `revision` (False: a newer app made it)."""
    try:
        found = ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except Exception:  # alembic raises several kinds for an unknown id
        return False
    # Symbolic names ("head", "base") resolve too, but no real database is stamped with them.
    return found is not None and found.revision == revision


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or None for an empty database."""
    with _opening(engine), engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextlib.contextmanager
def _opening(engine: Engine) -> Iterator[None]:
    try:
        yield
    except exc.DBAPIError as e:
        reason = _first_line(e.orig) if e.orig else _first_line(e)
        if isinstance(e.orig, sqlite3.DatabaseError) and "not a database" in reason:
            raise DatabaseOpenError(f"{engine.url.database} is not a SQLite database") from e
        raise DatabaseOpenError(f"cannot open {describe(engine.url)}: {reason}") from e


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    """What `upgrade_database` did."""

    before: str | None
    after: str
    backup: Path | None


def upgrade_database(
    engine: Engine,
    backups_dir: Path | None,
    *,
    confirmed: bool = False,
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> UpgradeResult:
    """Bring the schema to head: refuse a newer schema, back up a SQLite file first.

    A shared PostgreSQL schema that already holds data is only upgraded when `confirmed` says a
    backup exists; two apps upgrading at once are serialised by an advisory lock.
    """
    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    with _opening(engine), engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": UPGRADE_LOCK_KEY})
            conn.commit()
        try:
            current = MigrationContext.configure(conn).get_current_revision()
            if current is not None:
                try:
                    script.get_revision(current)
                except Exception as e:  # alembic raises several kinds for an unknown id
                    raise DatabaseTooNewError(current) from e
            if current == head:
                return UpgradeResult(current, head, None)
            backup = None
            if current is not None:
                if engine.dialect.name == "sqlite":
                    backup = _backup_sqlite(conn, current, backups_dir, clock())
                elif not confirmed:
                    raise UpgradeNeedsConfirmationError(current, head)
            conn.commit()
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
            log.info("database upgraded from %s to %s", current, head)
            return UpgradeResult(current, head, backup)
        finally:
            if engine.dialect.name == "postgresql":
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": UPGRADE_LOCK_KEY})
                conn.commit()


def _backup_sqlite(
    conn: Connection, revision: str, backups_dir: Path | None, now: dt.datetime
) -> Path | None:
    database = conn.engine.url.database
    if backups_dir is None or not database or database == ":memory:":
        return None
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"helpdesk-{revision}-{stamp}.sqlite"
    return backup_sqlite_file(Path(database), target)


def backup_sqlite_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database, WAL included, with the sqlite3 backup API.

    The copy is one consistent snapshot even while other connections write, and one
    self-contained file (rollback-journal mode, no -wal beside it). It is written to a private
    temporary file next to `target`, flushed to disk, then renamed over `target`, so a failure
    (disk full, unwritable folder) leaves an existing `target` as it was and no partial file.
    Raises `DatabaseError` (one clear line) when the source is not a database or the target
    cannot be written.
    """
    if not source.is_file():
        raise DatabaseError(f"cannot back up {source}: there is no database file there")
    temp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
        temp = Path(name)
        copy_sqlite_database(source, temp)
        _fsync(temp)
        os.replace(temp, target)
        temp = None
        _fsync_directory(target.parent)
    except (sqlite3.Error, OSError) as e:
        raise DatabaseError(f"cannot back up {source} to {target}: {failure_reason(e)}") from e
    finally:
        if temp is not None:
            remove_sqlite_file(temp)
    return target


def copy_sqlite_database(
    source: Path, target: Path, *, single_file: bool = True, read_only_source: bool = False
) -> None:
    """Copy the database at `source` into the database at `target` with the backup API.

    `target` is overwritten in one write transaction on its own connection: other connections
    to it see either the old or the new content, and a failure rolls the copy back. The source
    is read in one snapshot (one `step` for all pages), so concurrent writers cannot tear it.
    `single_file` switches the copy to rollback-journal mode (a backup file should not need a
    -wal beside it); leave it False when `target` is a live WAL database. `read_only_source`
    opens a file that is not the app's (a backup on a read-only share) without writing to it.
    """
    give_up = time.monotonic() + _COPY_LOCK_WAIT

    def progress(status: int, _remaining: int, _total: int) -> None:
        # Python's backup() retries a locked database forever; a writer that never lets go
        # must end as an error, not as a worker thread stuck for good.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > give_up:
            raise sqlite3.OperationalError("database is locked")

    src = sqlite3.connect(
        read_only_uri(source) if read_only_source else _sqlite_uri(source, "mode=rw"), uri=True
    )
    try:
        dst = sqlite3.connect(target)
        try:
            dst.execute(f"PRAGMA busy_timeout={int(_COPY_BUSY_WAIT * 1000)}")
            src.backup(dst, progress=progress)
            if single_file:
                dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def failure_reason(error: sqlite3.Error | OSError) -> str:
    """The one-line reason of a file or SQLite failure, without the traceback's detail."""
    if isinstance(error, OSError):
        return error.strerror or _first_line(error)
    return _first_line(error)


def remove_sqlite_file(path: Path) -> None:
    """Delete a (temporary) SQLite file and the journal files SQLite may have left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def read_only_uri(path: Path) -> str:
    """A SQLite URI that reads `path` without changing it or its folder.

    Without a -wal beside the file, `immutable` also keeps SQLite from creating -wal/-shm
    files (a read-only connection to a WAL-mode file would, and could not delete them); with
    one, read-only mode reads the WAL too.
    """
    wal = Path(f"{path}-wal").exists()
    return _sqlite_uri(path, "mode=ro" if wal else "immutable=1")


def _sqlite_uri(path: Path, query: str) -> str:
    # A URI escapes the path, and its modes refuse to create a missing file (connect() would).
    return f"{path.resolve().as_uri()}?{query}"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; Windows has no directory handles to flush.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
