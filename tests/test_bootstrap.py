"""app/bootstrap.py: the Qt-free composition root opens, upgrades and wires a database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from app.bootstrap import DB_URL_ENV, build_core, resolve_database_target
from app.db import (
    DatabaseOpenError,
    DatabaseTooNewError,
    create_database_engine,
    current_revision,
    head_revision,
    parse_database_target,
    upgrade_database,
)
from app.paths import DATABASE_FILE, AppPaths
from app.services.auth import AuthService
from app.services.demo_data import DemoDataService
from app.services.directory import DirectoryService
from app.services.ticket_queue import TicketFilter, TicketQueueService
from app.services.tickets import TicketService
from tests.fakes import FakeClock


@pytest.fixture(autouse=True)
def no_db_url_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DB_URL_ENV, raising=False)


def revision_in(path: Path) -> str | None:
    engine = create_database_engine(parse_database_target(str(path)))
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def test_a_new_data_dir_gets_a_sqlite_database_at_head(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "data"
    clock = FakeClock()
    core = build_core(data_dir=data_dir, clock=clock)
    try:
        assert core.paths == AppPaths(data_dir)
        assert core.db.backend == "sqlite"
        assert core.db.url.database == str((data_dir / DATABASE_FILE).resolve())
        assert (core.upgrade.before, core.upgrade.after, core.upgrade.backup) == (
            None,
            head_revision(),
            None,
        )
        assert core.clock is clock
        assert isinstance(core.auth, AuthService)
        assert isinstance(core.tickets, TicketService)
        assert isinstance(core.queue, TicketQueueService)
        assert isinstance(core.directory, DirectoryService)
        assert isinstance(core.demo, DemoDataService)
        # The services work on the new, empty database.
        assert core.auth.needs_first_admin()
        assert core.demo.is_empty()
        assert core.queue.count(TicketFilter()) == 0
    finally:
        core.close()
    assert (data_dir / DATABASE_FILE).is_file()
    assert (data_dir / "backups").is_dir() and (data_dir / "logs").is_dir()
    assert list((data_dir / "backups").iterdir()) == []
    assert revision_in(data_dir / DATABASE_FILE) == head_revision()


def test_opening_again_changes_nothing(tmp_path: Path) -> None:
    build_core(data_dir=tmp_path).close()
    core = build_core(data_dir=tmp_path)
    try:
        head = head_revision()
        assert (core.upgrade.before, core.upgrade.after, core.upgrade.backup) == (head, head, None)
    finally:
        core.close()
    assert list((tmp_path / "backups").iterdir()) == []


def test_the_services_share_one_database(tmp_path: Path) -> None:
    core = build_core(data_dir=tmp_path, clock=FakeClock())
    try:
        core.demo.seed(tickets=12)
        assert core.queue.count(TicketFilter()) == 12
        assert core.tickets.get(12).ticket_id == 12
        assert not core.auth.needs_first_admin()
        assert len(core.directory.lookups().clients) >= 1
    finally:
        core.close()


def test_db_argument_wins_over_the_environment_and_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "env.sqlite"
    explicit = tmp_path / "explicit.sqlite"
    monkeypatch.setenv(DB_URL_ENV, f"sqlite:///{from_env}")
    paths = AppPaths(tmp_path / "data")
    assert resolve_database_target(str(explicit), paths) == str(explicit)
    assert resolve_database_target(None, paths) == f"sqlite:///{from_env}"
    monkeypatch.delenv(DB_URL_ENV)
    assert resolve_database_target(None, paths) == str(paths.database_file)

    monkeypatch.setenv(DB_URL_ENV, f"sqlite:///{from_env}")
    build_core(data_dir=tmp_path / "data").close()
    assert from_env.is_file() and not (tmp_path / "data" / DATABASE_FILE).exists()
    build_core(str(explicit), data_dir=tmp_path / "data").close()
    assert revision_in(explicit) == head_revision()


def test_a_fresh_database_on_either_backend(fresh_db_url: str, tmp_path: Path) -> None:
    core = build_core(fresh_db_url, data_dir=tmp_path)
    try:
        assert core.upgrade.before is None and core.upgrade.after == head_revision()
        assert core.db.backend == fresh_db_url.split(":", 1)[0].split("+", 1)[0]
        assert core.demo.is_empty()
    finally:
        core.close()


def test_a_newer_database_is_refused_untouched(
    fresh_db_url: str, tmp_path: Path, make_engine: Callable[[str], Engine]
) -> None:
    engine = make_engine(fresh_db_url)
    upgrade_database(engine, backups_dir=None)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfacef00d'"))

    with pytest.raises(DatabaseTooNewError) as e:
        build_core(fresh_db_url, data_dir=tmp_path)

    assert e.value.revision == "f00dfacef00d"
    assert current_revision(engine) == "f00dfacef00d"
    assert list((tmp_path / "backups").iterdir()) == []


@pytest.mark.parametrize(
    "content", [b"hello, this is a text file\n", b"SQLite format 3\x00" + bytes(range(256)) * 8]
)
def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, content: bytes) -> None:
    target = tmp_path / "not.sqlite"
    target.write_bytes(content)
    with pytest.raises(DatabaseOpenError):
        build_core(str(target), data_dir=tmp_path)
    assert target.read_bytes() == content


def test_an_existing_empty_file_is_upgraded_from_base(tmp_path: Path) -> None:
    target = tmp_path / "empty.sqlite"
    sqlite3.connect(target).close()
    core = build_core(str(target), data_dir=tmp_path)
    try:
        assert core.upgrade.before is None and core.upgrade.backup is None
    finally:
        core.close()
    assert revision_in(target) == head_revision()
