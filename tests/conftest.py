"""Suite-wide fixtures: isolated user dirs, fakes, and the databases on both backends.

`QT_QPA_PLATFORM=offscreen` is set by the root `conftest.py`, which pytest loads first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

import keyring
import pytest
from sqlalchemy import Engine

from PySide6.QtCore import QSettings

from app.db import Database, create_database_engine, parse_database_target, upgrade_database
from app.settings import Settings
from app.tasks import Lane, TaskRunner
from tests.fakes import FakeClock, InlineExecutor, MemoryKeyring
from tests.fixtures.postgres import TEST_DATABASE, PostgresServer, running_postgres

#: The two backends every database test runs on; `make test-quick` deselects `postgresql`.
BACKENDS: Final = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
]

_PG_LOG_KEY: Final = pytest.StashKey[str]()


# --- environment ------------------------------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def user_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A throw-away HOME with XDG dirs, so QSettings, platformdirs and keyring never touch
    the real ones. Session-wide: set before the first test, restored after the last."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        for var, sub in (
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_STATE_HOME", ".local/state"),
            ("XDG_CACHE_HOME", ".cache"),
        ):
            (home / sub).mkdir(parents=True)
            mp.setenv(var, str(home / sub))
        # Qt logs a warning (which fails the test) when this is unset or not 0700.
        runtime = home / "runtime"
        runtime.mkdir(mode=0o700)
        mp.setenv("XDG_RUNTIME_DIR", str(runtime))
        yield home


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    """A fresh in-memory keyring per test: the test machines have no D-Bus."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def clock() -> FakeClock:
    """A clock standing at 2026-03-02 09:00 UTC until the test moves it."""
    return FakeClock()


# --- PostgreSQL server ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> Iterator[PostgresServer]:
    """The session's PostgreSQL server; fails under CI=true when it cannot start, else skips."""
    with running_postgres() as server:
        yield server
        if request.session.testsfailed:
            # The directory is deleted at teardown, so keep the log for the terminal summary.
            request.config.stash[_PG_LOG_KEY] = server.log_tail()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    log = terminalreporter.config.stash.get(_PG_LOG_KEY, None)
    if log:
        terminalreporter.write_sep("-", "PostgreSQL test server log")
        terminalreporter.write_line(log)


# --- databases --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The session's migrated SQLite file (a file, not :memory:: WAL and the watcher need one)."""
    path = tmp_path_factory.mktemp("sqlite") / "helpdesk.sqlite"
    engine = create_database_engine(parse_database_target(str(path)))
    upgrade_database(engine, backups_dir=None)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def postgresql_engine(pg_server: PostgresServer) -> Iterator[Engine]:
    """The session's migrated `helpdesk_test` database."""
    engine = create_database_engine(parse_database_target(pg_server.url(TEST_DATABASE)))
    upgrade_database(engine, backups_dir=None)
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def migrated_engine(request: pytest.FixtureRequest) -> Engine:
    """The session's migrated database on each backend. Shared by every test: never commit
    through it; use `db` (rolled back) or `fresh_db_url` (a database of the test's own)."""
    engine: Engine = request.getfixturevalue(f"{request.param}_engine")
    return engine


@pytest.fixture
def db(migrated_engine: Engine) -> Iterator[Database]:
    """A `Database` inside one outer transaction that is rolled back after the test.

    Each `read()`/`write()` runs in a SAVEPOINT, so commits and rollbacks inside the test
    behave as usual while nothing reaches the next test. Ids from sequences are not reset.
    """
    with migrated_engine.connect() as conn:
        outer = conn.begin()
        try:
            yield Database(conn)
        finally:
            outer.rollback()


@pytest.fixture
def fresh_sqlite_url(tmp_path: Path) -> str:
    """The URL of a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'fresh.sqlite'}"


@pytest.fixture
def fresh_postgresql_url(pg_server: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped (connections and all) afterwards."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture(params=BACKENDS)
def fresh_db_url(request: pytest.FixtureRequest) -> str:
    """An empty database of the test's own on each backend, for committed data and DDL."""
    url: str = request.getfixturevalue(f"fresh_{request.param}_url")
    return url


@pytest.fixture
def make_engine() -> Iterator[Callable[[str], Engine]]:
    """Build engines with the app's settings (`create_database_engine`); disposed after the
    test, so no pooled connection outlives it."""
    engines: list[Engine] = []

    def make(target: str) -> Engine:
        engine = create_database_engine(parse_database_target(target))
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.dispose()


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """`main()` and `run_gui()` add log handlers to the root logger (one writing to the test's
    captured stderr, closed afterwards): remove them after every test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    # A copy: removing handlers from the list being walked would skip every other one.
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    """A TaskRunner whose lanes run tasks inline, so results arrive before `run()` returns."""
    r = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    yield r
    r.shutdown()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Preferences and window state in an ini file of the test's own."""
    return Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
