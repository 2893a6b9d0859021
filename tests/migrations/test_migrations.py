"""Alembic revisions against both backends: one head, up and down, models in step, safe upgrades."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

import app.db
from app.db import (
    MIGRATIONS_DIR,
    Database,
    DatabaseTooNewError,
    UpgradeNeedsConfirmationError,
    alembic_config,
    backup_sqlite_file,
    current_revision,
    head_revision,
    upgrade_database,
)
from app.models import Base
from app.models.enums import Priority
from app.models.kb import SEARCH_INDEX_NAMES, compared_in_schema
from tests.factories import sla_rows
from tests.fakes import FakeClock
from tests.services.test_sla_sweep import build_world

STAMP = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
#: Revision id of the test-only migration one step past the real head.
NEXT = "test_next"
NEXT_TABLE = "upgrade_probe"


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def _revisions_base_to_head() -> list[str]:
    return [r.revision for r in reversed(list(_script().walk_revisions()))]


@pytest.fixture
def engine(fresh_db_url: str, make_engine: Callable[[str], Engine]) -> Engine:
    """An engine on an empty database of the test's own, on each backend."""
    return make_engine(fresh_db_url)


def _alembic(conn: Connection, action: Callable[[Config, str], None], target: str) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    action(cfg, target)
    conn.commit()


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"} - SEARCH_INDEX_NAMES


def _stamp(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def _add_client(engine: Engine, name: str = "Acme Ltd") -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO client (name, code, status, timezone, phone, notes, created_at,"
                " version) VALUES (:name, 'ACME', 'live', 'UTC', '', '', :at, 1)"
            ),
            {"name": name, "at": STAMP},
        )


# --- the revision graph -----------------------------------------------------------------------


def test_there_is_exactly_one_head() -> None:
    assert _script().get_heads() == [head_revision()]


def test_the_history_is_one_line_from_a_single_base() -> None:
    script = _script()
    assert len(script.get_bases()) == 1
    for rev in script.walk_revisions():
        assert not rev.is_merge_point, f"{rev.revision} merges branches"
        assert not rev.is_branch_point, f"{rev.revision} starts a branch"
        assert rev.module.__doc__, f"{rev.revision} has no docstring"


# --- up and down on a real database -----------------------------------------------------------


def test_empty_to_head_to_base_to_head(engine: Engine, tmp_path: Path) -> None:
    result = upgrade_database(engine, backups_dir=tmp_path / "backups")
    assert (result.before, result.after, result.backup) == (None, head_revision(), None)
    # A new database is an upgrade from base: nothing to back up.
    assert not (tmp_path / "backups").exists()
    assert _tables(engine) == set(Base.metadata.tables)

    with engine.connect() as conn:
        _alembic(conn, command.downgrade, "base")
    assert current_revision(engine) is None
    assert _tables(engine) == set()

    with engine.connect() as conn:
        _alembic(conn, command.upgrade, "head")
    assert current_revision(engine) == head_revision()
    assert _tables(engine) == set(Base.metadata.tables)


def test_each_revision_steps_down_and_up_again(engine: Engine) -> None:
    # Each downgrade() must undo its upgrade() exactly, or the next upgrade() fails.
    revisions = _revisions_base_to_head()
    with engine.connect() as conn:
        for previous, revision in zip([None, *revisions], revisions, strict=False):
            _alembic(conn, command.upgrade, revision)
            _alembic(conn, command.downgrade, previous or "base")
            _alembic(conn, command.upgrade, revision)
    assert current_revision(engine) == head_revision()


def test_upgrade_again_at_head_does_nothing(engine: Engine, tmp_path: Path) -> None:
    upgrade_database(engine, backups_dir=None)
    result = upgrade_database(engine, backups_dir=tmp_path / "backups")
    assert (result.before, result.after, result.backup) == (head_revision(), head_revision(), None)
    assert not (tmp_path / "backups").exists()


def test_migrated_schema_matches_the_models(engine: Engine) -> None:
    upgrade_database(engine, backups_dir=None)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": compared_in_schema}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_0010_copies_existing_clocks_onto_their_tickets(engine: Engine) -> None:
    """Tickets with clocks before 0010 get their outcomes copied by the upgrade (what the report
    figures read): made by the real services, taken down to 0009 (which drops the copy), then
    upgraded again."""
    upgrade_database(engine, backups_dir=None)
    db = Database(engine)
    world = build_world(db, FakeClock())
    world.policy()
    answered = world.ticket(assignee=world.alice)
    world.reply(answered, STAMP + dt.timedelta(minutes=5))
    waiting = world.ticket(priority=Priority.P3)
    with engine.connect() as conn:
        _alembic(conn, command.downgrade, "0009")
    upgrade_database(engine, backups_dir=None, confirmed=True)
    assert current_revision(engine) == head_revision()
    # sla_rows checks each ticket's copy against its clocks.
    met = sla_rows(db, answered)["response"]
    assert (met["state"], met["business_elapsed_seconds"]) == ("met", 300)
    assert sla_rows(db, waiting)["response"]["state"] == "running"


# --- refusing what this build cannot handle ---------------------------------------------------


def test_an_unknown_revision_is_refused_and_left_alone(engine: Engine, tmp_path: Path) -> None:
    upgrade_database(engine, backups_dir=None)
    _stamp(engine, "9999_from_the_future")
    with pytest.raises(DatabaseTooNewError) as caught:
        upgrade_database(engine, backups_dir=tmp_path / "backups", confirmed=True)
    assert caught.value.revision == "9999_from_the_future"
    assert "newer than this version" in str(caught.value)
    assert current_revision(engine) == "9999_from_the_future"
    assert _tables(engine) == set(Base.metadata.tables)
    assert not (tmp_path / "backups").exists()


@pytest.mark.postgresql
def test_a_refused_upgrade_releases_the_advisory_lock(
    fresh_postgresql_url: str, make_engine: Callable[[str], Engine]
) -> None:
    engine = make_engine(fresh_postgresql_url)
    upgrade_database(engine, backups_dir=None)
    _stamp(engine, "9999_from_the_future")
    with pytest.raises(DatabaseTooNewError):
        upgrade_database(engine, backups_dir=None)
    with make_engine(fresh_postgresql_url).connect() as other:
        locked = other.scalar(
            text("SELECT pg_try_advisory_lock(:k)"), {"k": app.db.UPGRADE_LOCK_KEY}
        )
        other.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": app.db.UPGRADE_LOCK_KEY})
    assert locked is True


# --- upgrading a database that holds data -----------------------------------------------------


@pytest.fixture
def next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Make this build one revision newer than the real head, so the upgrade path is real today.

    A copy of the migrations package gets one more revision (creating `upgrade_probe`), and
    app.db is pointed at the copy. Returns the real head, which the copy now upgrades from.
    """
    real_head = head_revision()
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "versions" / f"{NEXT}.py").write_text(
        f'''"""Test only: one step past the real head."""

import sqlalchemy as sa
from alembic import op

revision = {NEXT!r}
down_revision = {real_head!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table({NEXT_TABLE!r}, sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table({NEXT_TABLE!r})
'''
    )
    monkeypatch.setattr(app.db, "MIGRATIONS_DIR", copy)
    assert head_revision() == NEXT
    yield real_head


def _at_real_head_with_data(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as real:
        real.setattr(app.db, "MIGRATIONS_DIR", MIGRATIONS_DIR)
        upgrade_database(engine, backups_dir=None)
    _add_client(engine)


def test_sqlite_upgrade_backs_up_the_file_first(
    next_revision: str,
    fresh_sqlite_url: str,
    make_engine: Callable[[str], Engine],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    engine = make_engine(fresh_sqlite_url)
    _at_real_head_with_data(engine, monkeypatch)

    backups = tmp_path / "backups"
    result = upgrade_database(engine, backups_dir=backups, clock=lambda: STAMP)

    expected = backups / f"helpdesk-{next_revision}-20260302T090000Z.sqlite"
    assert (result.before, result.after, result.backup) == (next_revision, NEXT, expected)
    assert sorted(backups.iterdir()) == [expected]
    # The copy is the database as it was: old revision, the data, none of the new schema.
    with sqlite3.connect(expected) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (next_revision,)
        ]
        assert backup.execute("SELECT name FROM client").fetchall() == [("Acme Ltd",)]
        assert not backup.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (NEXT_TABLE,)
        ).fetchall()
    backup.close()
    assert current_revision(engine) == NEXT
    assert NEXT_TABLE in _tables(engine)


def test_sqlite_backup_includes_rows_still_in_the_wal(
    fresh_sqlite_url: str, make_engine: Callable[[str], Engine], tmp_path: Path
) -> None:
    engine = make_engine(fresh_sqlite_url)
    upgrade_database(engine, backups_dir=None)
    _add_client(engine)
    source = Path(engine.url.database or "")
    with engine.connect():
        # While a connection is open nothing checkpoints: the row is in the WAL only, as the
        # main file read on its own (immutable: WAL ignored) shows.
        assert _names_in_main_file_only(source) == []
        copy = backup_sqlite_file(source, tmp_path / "copy.sqlite")
    with sqlite3.connect(copy) as backup:
        assert backup.execute("SELECT name FROM client").fetchall() == [("Acme Ltd",)]
    backup.close()


def _names_in_main_file_only(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as main_file:
        try:
            rows = main_file.execute("SELECT name FROM client").fetchall()
        except sqlite3.OperationalError:  # even the table is still in the WAL
            rows = []
    main_file.close()
    return [name for (name,) in rows]


@pytest.mark.postgresql
def test_postgresql_upgrade_waits_for_confirmation_of_a_backup(
    next_revision: str,
    fresh_postgresql_url: str,
    make_engine: Callable[[str], Engine],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    engine = make_engine(fresh_postgresql_url)
    _at_real_head_with_data(engine, monkeypatch)

    with pytest.raises(UpgradeNeedsConfirmationError) as caught:
        upgrade_database(engine, backups_dir=tmp_path / "backups")
    assert (caught.value.current, caught.value.head) == (next_revision, NEXT)
    assert current_revision(engine) == next_revision
    assert NEXT_TABLE not in _tables(engine)

    result = upgrade_database(engine, backups_dir=tmp_path / "backups", confirmed=True)
    assert (result.before, result.after, result.backup) == (next_revision, NEXT, None)
    assert current_revision(engine) == NEXT
    assert NEXT_TABLE in _tables(engine)
    # Backups of a shared server are the administrator's pg_dump, never a local file.
    assert not (tmp_path / "backups").exists()
