"""app/db.py: sessions, the per-test rollback, UTC instants, opening errors, change watchers."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import StatementError

from app.db import (
    Changes,
    Database,
    DatabaseOpenError,
    create_database_engine,
    current_revision,
    parse_database_target,
    upgrade_database,
)
from app.models import Client
from app.models.enums import ClientStatus

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
#: A name no other test uses, so a leaked row from this module is recognisable.
LEAK_PROBE = "Rollback Probe Ltd"


def _client(name: str = "Acme Ltd", code: str = "ACME", created_at: dt.datetime = NOW) -> Client:
    return Client(
        name=name,
        code=code,
        status=ClientStatus.LIVE,
        timezone="Europe/Brussels",
        created_at=created_at,
    )


def _count_probe(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).where(Client.name == LEAK_PROBE)) or 0


# --- the db fixture's per-test rollback -------------------------------------------------------


@pytest.mark.parametrize("attempt", [1, 2])
def test_committed_write_does_not_reach_the_next_test(db: Database, attempt: int) -> None:
    # Two runs of one test: whichever runs second would see the first one's row if it leaked.
    assert _count_probe(db) == 0
    with db.write() as s:
        s.add(_client(LEAK_PROBE, f"PROBE{attempt}"))
    assert _count_probe(db) == 1


def test_committed_write_stays_inside_the_outer_transaction(
    db: Database, migrated_engine: Engine
) -> None:
    with db.write() as s:
        s.add(_client(LEAK_PROBE, "PROBE"))
    assert _count_probe(db) == 1
    with migrated_engine.connect() as other:
        seen = other.scalar(select(func.count()).where(Client.name == LEAK_PROBE))
    assert seen == 0


def test_failed_write_rolls_back_only_its_own_work(db: Database) -> None:
    with db.write() as s:
        s.add(_client("Kept Ltd", "KEPT"))
    with pytest.raises(LookupError), db.write() as s:
        s.add(_client("Dropped Ltd", "DROP"))
        s.flush()
        raise LookupError("abort the unit of work")
    with db.read() as s:
        names = set(s.scalars(select(Client.name).where(Client.code.in_(["KEPT", "DROP"]))))
    assert names == {"Kept Ltd"}


def test_read_session_refuses_to_flush_changes(db: Database) -> None:
    with pytest.raises(RuntimeError, match=r"read\(\)"), db.read() as s:
        s.add(_client())
        s.flush()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Client).where(Client.code == "ACME")) == 0


def test_read_session_never_commits(db: Database) -> None:
    with db.write() as s:
        client = _client()
        s.add(client)
    with db.read() as s:
        s.execute(text("UPDATE client SET phone = '123' WHERE code = 'ACME'"))
    with db.read() as s:
        assert s.scalar(select(Client.phone).where(Client.code == "ACME")) == ""


# --- UTCDateTime ------------------------------------------------------------------------------


def test_naive_datetime_is_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), db.write() as s:
        s.add(_client(created_at=dt.datetime(2026, 3, 2, 9, 0)))


def test_instants_come_back_as_aware_utc(db: Database) -> None:
    brussels = dt.timezone(dt.timedelta(hours=1))
    written = dt.datetime(2026, 3, 2, 10, 30, 15, 123456, tzinfo=brussels)
    with db.write() as s:
        s.add(_client(created_at=written))
    with db.read() as s:
        read = s.scalars(select(Client.created_at).where(Client.code == "ACME")).one()
    assert read == written
    assert read.tzinfo is dt.UTC
    assert read == dt.datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=dt.UTC)


def test_instants_sort_in_time_order(db: Database) -> None:
    # SQLite stores text: only one canonical UTC form keeps ORDER BY chronological.
    east = dt.timezone(dt.timedelta(hours=5))
    with db.write() as s:
        s.add(_client("Later Ltd", "LATE", dt.datetime(2026, 3, 2, 9, 0, tzinfo=east)))
        s.add(_client("Earlier Ltd", "EARL", dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)))
    with db.read() as s:
        codes = list(
            s.scalars(
                select(Client.code)
                .where(Client.code.in_(["LATE", "EARL"]))
                .order_by(Client.created_at)
            )
        )
    # 09:00+05:00 is 04:00 UTC, before 08:00 UTC.
    assert codes == ["LATE", "EARL"]


# --- parse_database_target --------------------------------------------------------------------


def test_a_path_becomes_an_absolute_sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = parse_database_target("data/helpdesk.sqlite")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path.resolve() / "data" / "helpdesk.sqlite")


def test_a_home_relative_path_is_expanded(user_home: Path) -> None:
    assert parse_database_target("~/helpdesk.sqlite").database == str(
        user_home.resolve() / "helpdesk.sqlite"
    )


@pytest.mark.parametrize(
    ("target", "database"),
    [
        ("postgresql://tech@db.example:5432/helpdesk", "helpdesk"),
        ("postgresql+psycopg://tech@db.example/helpdesk", "helpdesk"),
        ("postgresql+psycopg2://tech@db.example/helpdesk", "helpdesk"),
    ],
)
def test_postgresql_urls_always_use_psycopg(target: str, database: str) -> None:
    url = parse_database_target(target)
    # The driver the engine will load: psycopg 3 is the only one installed.
    assert (url.get_backend_name(), url.get_driver_name()) == ("postgresql", "psycopg")
    assert url.database == database


def test_a_sqlite_url_is_kept() -> None:
    url = parse_database_target("sqlite:////var/lib/helpdesk.sqlite")
    assert (url.drivername, url.database) == ("sqlite", "/var/lib/helpdesk.sqlite")


def test_password_survives_parsing() -> None:
    url = parse_database_target("postgresql://tech:s3cret@db.example/helpdesk")
    assert url.password == "s3cret"
    assert "s3cret" not in str(url)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("mysql://tech@db.example/helpdesk", "unsupported database 'mysql'"),
        ("oracle+cx_oracle://db.example/x", "unsupported database 'oracle'"),
        ("not a url://at all", "not a database URL"),
        ("://", "not a database URL"),
    ],
)
def test_other_targets_are_refused(target: str, message: str) -> None:
    with pytest.raises(DatabaseOpenError, match=message):
        parse_database_target(target)


# --- opening files that are not databases -----------------------------------------------------


def _sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(os.urandom(4096), id="random-bytes"),
        pytest.param(b"Ticket export\nT-000001;Printer jammed\n", id="text-file"),
    ],
)
def test_a_file_that_is_not_sqlite_is_refused_clearly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "helpdesk.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseOpenError) as caught:
        create_database_engine(_sqlite_url(path))
    assert str(caught.value) == (
        f"{path} is not a SQLite database (corrupt or another kind of file)"
    )
    assert path.read_bytes() == content


def test_a_corrupt_file_behind_a_sqlite_header_is_refused_clearly(
    tmp_path: Path, make_engine: Callable[[str], Engine]
) -> None:
    path = tmp_path / "helpdesk.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4080))
    engine = make_engine(str(path))
    with pytest.raises(DatabaseOpenError, match=r"is not a SQLite database|cannot open"):
        current_revision(engine)
    with pytest.raises(DatabaseOpenError, match=r"is not a SQLite database|cannot open"):
        upgrade_database(engine, backups_dir=tmp_path / "backups")
    assert not (tmp_path / "backups").exists()


def test_a_directory_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="is a directory"):
        create_database_engine(_sqlite_url(tmp_path))


def test_a_missing_parent_directory_is_created(
    tmp_path: Path, make_engine: Callable[[str], Engine]
) -> None:
    path = tmp_path / "new" / "helpdesk.sqlite"
    assert current_revision(make_engine(str(path))) is None
    assert path.parent.is_dir()


def test_an_unreachable_server_is_reported_without_the_password(
    make_engine: Callable[[str], Engine],
) -> None:
    # Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    engine = make_engine("postgresql://tech:s3cret@127.0.0.1:9/helpdesk")
    with pytest.raises(DatabaseOpenError, match="cannot open") as caught:
        current_revision(engine)
    assert "s3cret" not in str(caught.value)


# --- Changes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        Changes("ticket", frozenset({3, 1, 2})),
        Changes("client"),
        Changes("*"),
        Changes("ticket_event", frozenset({2**40})),
    ],
)
def test_changes_survive_the_notify_payload(changes: Changes) -> None:
    assert Changes.from_payload(changes.to_payload()) == changes


def test_changes_payload_is_compact_and_ordered() -> None:
    assert Changes("ticket", frozenset({3, 1, 2})).to_payload() == '{"k": "ticket", "i": [1, 2, 3]}'


# --- change watchers (committed data: a database of the test's own) ---------------------------


def test_sqlite_watcher_sees_a_commit_from_another_connection(
    fresh_sqlite_url: str, make_engine: Callable[[str], Engine]
) -> None:
    engine = make_engine(fresh_sqlite_url)
    upgrade_database(engine, backups_dir=None)
    database = Database(engine)
    watcher = database.open_change_watcher()
    try:
        assert watcher.wait(0.01) == []
        with database.write() as s:
            s.add(_client())
        assert watcher.wait(0.01) == [Changes("*")]
        assert watcher.wait(0.01) == []
    finally:
        watcher.close()
    assert watcher.wait(0.01) is None


@pytest.mark.postgresql
def test_postgresql_watcher_receives_what_a_committed_write_announces(
    fresh_postgresql_url: str, make_engine: Callable[[str], Engine]
) -> None:
    engine = make_engine(fresh_postgresql_url)
    upgrade_database(engine, backups_dir=None)
    database = Database(engine)
    watcher = database.open_change_watcher()
    try:
        assert watcher.wait(0.01) == []
        with pytest.raises(LookupError), database.write() as s:
            database.announce(s, Changes("client", frozenset({999})))
            raise LookupError("rolled back: the notification must not be sent")
        with database.write() as s:
            client = _client()
            s.add(client)
            s.flush()
            database.announce(s, Changes("client", frozenset({client.id})))
        assert watcher.wait(5.0) == [Changes("client", frozenset({client.id}))]
        assert watcher.wait(0.01) == []
    finally:
        watcher.close()
    assert watcher.wait(0.01) is None


def test_read_connection_leaves_pooled_sqlite_connections_in_driver_autocommit(
    tmp_path: Path,
) -> None:
    # The pysqlite fix needs isolation_level=None on every pooled connection; a read through
    # read_connection() once reset it to "" (implicit BEGINs) when the connection went back.
    engine = create_database_engine(parse_database_target(str(tmp_path / "pool.sqlite")))
    try:
        upgrade_database(engine, None)
        database = Database(engine)
        with database.read_connection() as conn:
            assert conn.scalar(text("SELECT count(*) FROM client")) == 0
            raw = conn.connection.dbapi_connection
            assert raw is not None and not raw.in_transaction
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None and raw.isolation_level is None
        with database.write() as s:
            s.add(_client("After a fast read"))
        with database.read() as s:
            assert s.scalar(select(func.count()).select_from(Client)) == 1
    finally:
        engine.dispose()
