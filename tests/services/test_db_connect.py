"""app/services/db_connect.py: the team database connection test against a real PostgreSQL
server on loopback, one test per outcome and per failure class, and the connection fields;
app/services/db_profile.py: the team password in the keychain and the first-run decision."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url

from app.db import head_revision
from app.paths import AppPaths
from app.services.db_connect import (
    ConnectionOutcome,
    ConnectionProblem,
    ConnectionReport,
    FieldProblem,
    SslMode,
    TeamField,
    TeamFieldsInvalid,
    check_connection,
    classify,
    ssl_mode_of,
    team_field_problems,
    team_url,
    with_password,
    without_password,
)
from app.services.db_profile import (
    TEAM_PASSWORD_SERVICE,
    DatabaseChoice,
    DatabaseKind,
    TeamPasswordStore,
    needs_first_run,
    preference_key,
    save_team_password,
    solo_choice,
    team_password,
    with_saved_password,
)
from app.vault.keychain import KeychainUnavailable
from tests.fakes import MemoryKeyring
from tests.fixtures.postgres import HOST, SUPERUSER, TEST_DATABASE, PostgresServer

#: The password of the role that must give one (`password_role`); never in any message.
ROLE_PASSWORD: Final = "Corr3ct-h0rse-pw"
WRONG_PASSWORD: Final = "Wr0ng-battery-pw"
#: The first revision, for an "older" database (any known one below head would do).
OLD_REVISION: Final = "0001"


# --- a role that must give a password ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PasswordRole:
    """A login role the test server checks with scram-sha-256 (everyone else is trusted)."""

    server: PostgresServer
    name: str
    password: str
    #: Databases made by `own_database`, dropped with the role.
    databases: list[str] = field(default_factory=list)

    def url(self, database: str, *, password: str | None = None, port: int | None = None) -> URL:
        url = team_url(HOST, port or self.server.port, database, self.name, SslMode.PREFER)
        return with_password(url, self.password if password is None else password)

    def own_database(self) -> str:
        """A new empty database owned by this role (so it may create the schema); its name."""
        name = self.server.create_database().rsplit("/", 1)[1]
        self.databases.append(name)
        with self.server.admin_connection() as conn:
            conn.execute(
                sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
                    sql.Identifier(name), sql.Identifier(self.name)
                )
            )
        return name


@contextlib.contextmanager
def password_role(server: PostgresServer) -> Iterator[PasswordRole]:
    """Create a role with a password and make the session's server ask it for the password.

    The server runs with trust authentication, which accepts any password. One `pg_hba.conf`
    line for this role only (before the trust lines; the first match wins) changes that, so the
    other tests sharing the server are untouched; the file and the role are restored after.
    """
    role = PasswordRole(server, f"helpdesk_pw_{uuid.uuid4().hex[:8]}", ROLE_PASSWORD)
    hba = server.root / "data" / "pg_hba.conf"
    original = hba.read_text()
    with server.admin_connection() as conn:
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(role.name), sql.Literal(role.password)
            )
        )
    try:
        hba.write_text(f"host all {role.name} {HOST}/32 scram-sha-256\n{original}")
        _reload_until(server, lambda: _asks_for_password(role))
        yield role
    finally:
        hba.write_text(original)
        _reload_until(server, lambda: not _asks_for_password(role))
        for database in role.databases:
            server.drop_database(database)
        with server.admin_connection() as conn:
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role.name)))


def _asks_for_password(role: PasswordRole) -> bool:
    try:
        psycopg.connect(
            host=HOST, port=role.server.port, user=role.name, dbname="postgres", connect_timeout=5
        ).close()
    except psycopg.OperationalError as e:
        return "no password supplied" in str(e)
    return False


def _reload_until(server: PostgresServer, done: Callable[[], bool]) -> None:
    """Reload the server's configuration and wait (briefly) until `done()` says it took."""
    with server.admin_connection() as conn:
        conn.execute("SELECT pg_reload_conf()")
    deadline = time.monotonic() + 10
    while not done():
        if time.monotonic() > deadline:
            pytest.fail("the PostgreSQL server did not reload pg_hba.conf")
        time.sleep(0.02)  # the postmaster rereads the file on SIGHUP, asynchronously


@pytest.fixture(scope="module")
def role(pg_server: PostgresServer) -> Iterator[PasswordRole]:
    with password_role(pg_server) as r:
        yield r


# --- helpers ----------------------------------------------------------------------------------


def _closed_port() -> int:
    """A loopback port nothing listens on (bound for a moment, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
    return port


def _stamp(url: str, revision: str) -> None:
    """Write `revision` into `alembic_version`, as a (newer or older) app would have."""
    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES (%s)", (revision,))


def _assert_clean(report: ConnectionReport, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in report.detail + report.target + repr(report)


@contextlib.contextmanager
def _responder(reply: bytes | None) -> Iterator[int]:
    """A loopback TCP service that answers every connection with `reply` and hangs up; with
    None it never accepts (the kernel still completes the handshake: a silent server)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((HOST, 0))
    listener.listen(8)
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:  # the 0.1 s poll timeout, or the listener closed
                continue
            with conn:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    conn.recv(1024)
                    conn.sendall(reply or b"")

    thread = threading.Thread(target=serve, daemon=True) if reply is not None else None
    if thread is not None:
        thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        if thread is not None:
            thread.join(timeout=5)
        listener.close()


# --- outcomes ---------------------------------------------------------------------------------


@pytest.mark.postgresql
def test_an_empty_database_of_ones_own_will_be_set_up(role: PasswordRole) -> None:
    report = check_connection(role.url(role.own_database()))
    assert report.ok
    assert report.outcome is ConnectionOutcome.OK_EMPTY
    assert report.problem is None
    assert (report.revision, report.head) == (None, head_revision())
    _assert_clean(report, ROLE_PASSWORD)


@pytest.mark.postgresql
def test_a_migrated_database_is_ready(pg_server: PostgresServer, postgresql_engine: Engine) -> None:
    # The session's `helpdesk_test` was brought to head by `upgrade_database`.
    report = check_connection(make_url(pg_server.url(TEST_DATABASE)))
    assert report.outcome is ConnectionOutcome.OK_READY
    assert report.revision == head_revision()


@pytest.mark.postgresql
def test_an_older_database_will_be_upgraded(fresh_postgresql_url: str) -> None:
    assert head_revision() != OLD_REVISION
    _stamp(fresh_postgresql_url, OLD_REVISION)
    report = check_connection(make_url(fresh_postgresql_url))
    assert report.outcome is ConnectionOutcome.OK_NEEDS_UPGRADE
    assert report.revision == OLD_REVISION


@pytest.mark.postgresql
def test_a_database_from_a_newer_app_is_refused(fresh_postgresql_url: str) -> None:
    _stamp(fresh_postgresql_url, "9999_future")
    report = check_connection(make_url(fresh_postgresql_url))
    assert not report.ok
    assert report.problem is ConnectionProblem.TOO_NEW
    assert report.revision == "9999_future"


@pytest.mark.postgresql
def test_a_database_holding_other_tables_is_not_taken_over(fresh_postgresql_url: str) -> None:
    conninfo = make_url(fresh_postgresql_url).set(drivername="postgresql")
    with psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True) as c:
        c.execute("CREATE TABLE invoices (id int)")
    assert check_connection(make_url(fresh_postgresql_url)).problem is ConnectionProblem.NOT_EMPTY


@pytest.mark.postgresql
def test_a_user_who_may_not_create_the_schema_is_told(
    role: PasswordRole, pg_server: PostgresServer, fresh_postgresql_url: str
) -> None:
    database = fresh_postgresql_url.rsplit("/", 1)[1]
    # PostgreSQL 15+ already keeps CREATE on `public` for the owner; older servers grant it
    # to everyone, so take it away explicitly.
    conninfo = make_url(fresh_postgresql_url).set(drivername="postgresql")
    with psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True) as c:
        c.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    report = check_connection(role.url(database))
    assert report.problem is ConnectionProblem.NO_PRIVILEGE
    _assert_clean(report, ROLE_PASSWORD)


@pytest.mark.postgresql
def test_a_user_who_may_not_read_the_schema_is_told(
    role: PasswordRole, fresh_postgresql_url: str
) -> None:
    _stamp(fresh_postgresql_url, head_revision())
    conninfo = make_url(fresh_postgresql_url).set(drivername="postgresql")
    with psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True) as c:
        c.execute("REVOKE ALL ON alembic_version FROM PUBLIC")
    report = check_connection(role.url(fresh_postgresql_url.rsplit("/", 1)[1]))
    assert report.problem is ConnectionProblem.NO_PRIVILEGE
    assert "permission denied" in report.detail


# --- failures ---------------------------------------------------------------------------------


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("password", "words"),
    [(WRONG_PASSWORD, "password authentication failed"), ("", "no password supplied")],
)
def test_a_wrong_or_missing_password_is_an_auth_problem(
    role: PasswordRole, password: str, words: str
) -> None:
    report = check_connection(role.url("postgres", password=password))
    assert report.problem is ConnectionProblem.AUTH
    assert words in report.detail
    _assert_clean(report, WRONG_PASSWORD, ROLE_PASSWORD)


@pytest.mark.postgresql
def test_an_unknown_user_is_an_auth_problem(pg_server: PostgresServer) -> None:
    url = team_url(HOST, pg_server.port, "postgres", "nobody_here", SslMode.PREFER)
    report = check_connection(with_password(url, WRONG_PASSWORD))
    assert report.problem is ConnectionProblem.AUTH
    assert 'role "nobody_here" does not exist' in report.detail
    _assert_clean(report, WRONG_PASSWORD)


@pytest.mark.postgresql
def test_a_wrong_port_is_refused(role: PasswordRole) -> None:
    report = check_connection(role.url("postgres", port=_closed_port()))
    assert report.problem is ConnectionProblem.REFUSED
    assert "Connection refused" in report.detail
    _assert_clean(report, ROLE_PASSWORD)


@pytest.mark.postgresql
def test_a_wrong_database_name_is_no_database(role: PasswordRole) -> None:
    report = check_connection(role.url("no_such_database"))
    assert report.problem is ConnectionProblem.NO_DATABASE
    assert 'database "no_such_database" does not exist' in report.detail
    _assert_clean(report, ROLE_PASSWORD)
    # The report names where it went, for the message, without the password.
    where = (report.host, report.port, report.database, report.user)
    assert where == (HOST, role.server.port, "no_such_database", role.name)
    assert report.target.startswith(f"postgresql+psycopg://{role.name}:***@{HOST}:")


@pytest.mark.postgresql
def test_an_unknown_host_is_not_found(role: PasswordRole) -> None:
    # `.invalid` never resolves (RFC 2606), so no network is asked for anything real.
    url = team_url("no-such-host.invalid", role.server.port, "postgres", role.name, SslMode.PREFER)
    report = check_connection(with_password(url, ROLE_PASSWORD))
    assert report.problem is ConnectionProblem.HOST_NOT_FOUND
    assert report.host == "no-such-host.invalid"
    _assert_clean(report, ROLE_PASSWORD)


@pytest.mark.postgresql
@pytest.mark.parametrize("mode", [SslMode.REQUIRE, SslMode.VERIFY_FULL])
def test_requiring_ssl_from_a_server_without_it_is_an_ssl_problem(
    role: PasswordRole, mode: SslMode
) -> None:
    url = team_url(HOST, role.server.port, "postgres", role.name, mode)
    report = check_connection(with_password(url, ROLE_PASSWORD))
    assert report.problem is ConnectionProblem.SSL
    assert "server does not support SSL" in report.detail
    _assert_clean(report, ROLE_PASSWORD)


@pytest.mark.postgresql
def test_a_service_that_is_not_postgresql_is_named(role: PasswordRole) -> None:
    with _responder(b"HTTP/1.1 400 Bad Request\r\n\r\n") as port:
        report = check_connection(role.url("postgres", port=port))
    assert report.problem is ConnectionProblem.NOT_POSTGRES
    _assert_clean(report, ROLE_PASSWORD)


@pytest.mark.postgresql
def test_a_silent_server_times_out(role: PasswordRole) -> None:
    # The shortest timeout libpq allows (2 s): the one slow test here, the only real proof.
    with _responder(None) as port:
        started = time.monotonic()
        report = check_connection(role.url("postgres", port=port), timeout_s=1)
    assert report.problem is ConnectionProblem.TIMEOUT
    assert report.timeout_s == 2
    assert time.monotonic() - started < 10


def test_only_postgresql_is_tested(tmp_path) -> None:
    with pytest.raises(ValueError, match="PostgreSQL"):
        check_connection(URL.create("sqlite", database=str(tmp_path / "x.sqlite")))


# --- classification of driver text (wording seen from libpq and PostgreSQL servers) ----------


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ('could not translate host name "db.example" to address: Name or service not known',
         ConnectionProblem.HOST_NOT_FOUND),
        ("connection to server at \"10.0.0.9\", port 5432 failed: No route to host",
         ConnectionProblem.TIMEOUT),
        ('connection to server at "h", port 5432 failed: FATAL:  no pg_hba.conf entry for host '
         '"10.1.1.1", user "u", database "d", no encryption', ConnectionProblem.SSL),
        ('connection to server at "h", port 5432 failed: FATAL:  no pg_hba.conf entry for host '
         '"10.1.1.1", user "u", database "d", SSL encryption', ConnectionProblem.AUTH),
        ('FATAL:  permission denied for database "d"', ConnectionProblem.NO_PRIVILEGE),
        ('root certificate file "/home/u/.postgresql/root.crt" does not exist',
         ConnectionProblem.SSL),
        ('server certificate for "db.example" does not match host name "db2.example"',
         ConnectionProblem.SSL),
        ("FATAL:  sorry, too many clients already", ConnectionProblem.OTHER),
    ],
)  # fmt: skip
def test_libpq_wording_is_classified(message: str, problem: ConnectionProblem) -> None:
    assert classify(psycopg.OperationalError(message)) is problem


def test_a_sqlstate_decides_over_the_wording() -> None:
    assert classify(psycopg.errors.InsufficientPrivilege("anything")) is (
        ConnectionProblem.NO_PRIVILEGE
    )
    assert classify(psycopg.errors.InvalidPassword("anything")) is ConnectionProblem.AUTH
    assert classify(psycopg.errors.InvalidCatalogName("anything")) is (
        ConnectionProblem.NO_DATABASE
    )


# --- the fields -------------------------------------------------------------------------------


def test_team_url_builds_a_password_less_psycopg_url() -> None:
    url = team_url(" db.example.com ", 5433, "helpdesk", "tech", SslMode.REQUIRE)
    assert url.render_as_string(hide_password=False) == (
        "postgresql+psycopg://tech@db.example.com:5433/helpdesk?sslmode=require"
    )
    assert ssl_mode_of(url) is SslMode.REQUIRE


def test_verify_full_checks_against_the_systems_trusted_roots() -> None:
    url = team_url("db.example.com", 5432, "helpdesk", "tech", SslMode.VERIFY_FULL)
    assert dict(url.query) == {"sslmode": "verify-full", "sslrootcert": "system"}
    assert ssl_mode_of(url) is SslMode.VERIFY_FULL


def test_the_password_is_added_and_removed_in_memory() -> None:
    url = team_url("db.example.com", 5432, "helpdesk", "tech", SslMode.PREFER)
    secret = with_password(url, "p@ss/w:rd")
    assert secret.password == "p@ss/w:rd"
    assert "p@ss" not in str(secret)  # str() hides it too
    assert without_password(secret).password is None
    assert without_password(secret).query == url.query
    assert with_password(url, "").password is None


TEXT_FIELDS = (TeamField.HOST, TeamField.DATABASE, TeamField.USER)
BAD_PORT = {TeamField.PORT: FieldProblem.OUT_OF_RANGE}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (("", 5432, "helpdesk", "tech"), {TeamField.HOST: FieldProblem.EMPTY}),
        (("   ", 5432, "helpdesk", "tech"), {TeamField.HOST: FieldProblem.EMPTY}),
        (("db example", 5432, "helpdesk", "tech"), {TeamField.HOST: FieldProblem.INVALID}),
        (("user@db", 5432, "helpdesk", "tech"), {TeamField.HOST: FieldProblem.INVALID}),
        (("db/x", 5432, "helpdesk", "tech"), {TeamField.HOST: FieldProblem.INVALID}),
        (("d" * 254, 5432, "helpdesk", "tech"), {TeamField.HOST: FieldProblem.TOO_LONG}),
        (("db", 0, "helpdesk", "tech"), BAD_PORT),
        (("db", 65536, "helpdesk", "tech"), BAD_PORT),
        (("db", 5432, "", "tech"), {TeamField.DATABASE: FieldProblem.EMPTY}),
        (("db", 5432, "é" * 32, "tech"), {TeamField.DATABASE: FieldProblem.TOO_LONG}),
        (("db", 5432, "helpdesk", " "), {TeamField.USER: FieldProblem.EMPTY}),
        (("", -1, "", ""), {**dict.fromkeys(TEXT_FIELDS, FieldProblem.EMPTY), **BAD_PORT}),
    ],
)
def test_bad_fields_are_refused_one_problem_per_field(
    fields: tuple[str, int, str, str], expected: dict[TeamField, FieldProblem]
) -> None:
    assert team_field_problems(*fields) == expected
    with pytest.raises(TeamFieldsInvalid) as caught:
        team_url(*fields, SslMode.PREFER)
    assert caught.value.problems == expected


def test_the_edges_of_the_fields_are_accepted() -> None:
    assert team_field_problems("::1", 1, "d" * 63, "u" * 63) == {}
    assert team_field_problems("db", 65535, "helpdesk", "tech") == {}


def test_an_unknown_ssl_mode_is_refused() -> None:
    problems = team_field_problems("db", 5432, "helpdesk", "tech", "disable")
    assert problems == {TeamField.SSL_MODE: FieldProblem.INVALID}


@pytest.mark.postgresql
def test_the_session_server_still_trusts_everyone_else(
    role: PasswordRole, pg_server: PostgresServer
) -> None:
    # The password line is for the test role only: the superuser still connects without one.
    with psycopg.connect(
        host=HOST, port=pg_server.port, user=SUPERUSER, dbname="postgres", connect_timeout=5
    ) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


# --- db_profile: the password in the keychain -------------------------------------------------


class _LeakyKeyring(MemoryKeyring):
    """A backend whose errors quote what it was given, as a careless one might."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"cannot store {password} for {username}")


@pytest.fixture
def store(memory_keyring: MemoryKeyring) -> TeamPasswordStore:
    return TeamPasswordStore(memory_keyring, extra_allowed=[MemoryKeyring])


def _team(**changes: object) -> URL:
    url = team_url("db.example.com", 5432, "helpdesk", "tech", SslMode.REQUIRE)
    return url.set(**changes) if changes else url  # type: ignore[arg-type]


def test_the_password_is_kept_under_the_password_less_url(
    store: TeamPasswordStore, memory_keyring: MemoryKeyring
) -> None:
    save_team_password(with_password(_team(), "typed-in-memory"), ROLE_PASSWORD, store)
    key = "postgresql+psycopg://tech@db.example.com:5432/helpdesk?sslmode=require"
    assert preference_key(_team()) == key
    assert memory_keyring.passwords == {(TEAM_PASSWORD_SERVICE, key): ROLE_PASSWORD}
    assert team_password(_team(), store) == ROLE_PASSWORD
    assert team_password(_team(database="other"), store) is None
    store.forget(_team())
    store.forget(_team())  # nothing left to forget is not an error
    assert memory_keyring.passwords == {}


def test_the_saved_password_is_put_back_in_memory_only(store: TeamPasswordStore) -> None:
    store.save(_team(), ROLE_PASSWORD)
    opened = with_saved_password(_team(), store)
    assert opened.password == ROLE_PASSWORD
    assert ROLE_PASSWORD not in str(opened)
    # A URL that names its own password, another database, or SQLite stays as it is.
    assert with_saved_password(with_password(_team(), "given"), store).password == "given"
    assert with_saved_password(_team(database="other"), store).password is None
    sqlite = URL.create("sqlite", database="/tmp/x.sqlite")
    assert with_saved_password(sqlite, store) is sqlite


def test_without_an_allowed_keychain_nothing_is_saved_or_found(
    memory_keyring: MemoryKeyring,
) -> None:
    # The in-memory backend is not on the OS allow-list: as on a machine with no keychain.
    store = TeamPasswordStore(memory_keyring)
    assert not store.available
    with pytest.raises(KeychainUnavailable):
        store.save(_team(), ROLE_PASSWORD)
    assert memory_keyring.passwords == {}
    assert team_password(_team(), store) is None
    assert with_saved_password(_team(), store).password is None


def test_a_failing_keychain_never_repeats_the_password(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    store = TeamPasswordStore(_LeakyKeyring(), extra_allowed=[_LeakyKeyring])
    with pytest.raises(KeychainUnavailable) as caught:
        store.save(_team(), ROLE_PASSWORD)
    assert ROLE_PASSWORD not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert ROLE_PASSWORD not in caplog.text


@pytest.mark.postgresql
def test_a_saved_password_opens_the_team_database(
    role: PasswordRole, store: TeamPasswordStore
) -> None:
    # What the bootstrap does on later starts: the preference has no password, the keychain does.
    bare = without_password(role.url(role.own_database()))
    assert check_connection(bare).problem is ConnectionProblem.AUTH
    store.save(bare, ROLE_PASSWORD)
    assert check_connection(with_saved_password(bare, store)).outcome is (
        ConnectionOutcome.OK_EMPTY
    )


# --- db_profile: the first-run decision and the choice ----------------------------------------


def test_first_run_only_when_nothing_names_a_database(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    assert needs_first_run(None, paths)
    assert needs_first_run("", paths)
    assert not needs_first_run("postgresql+psycopg://tech@db/helpdesk", paths)
    assert not needs_first_run(str(tmp_path / "elsewhere.sqlite"), paths)
    paths.data_dir.mkdir(parents=True)
    paths.database_file.write_bytes(b"")  # an install from before the first-run dialog
    assert not needs_first_run(None, paths)


def test_the_choice_stores_a_path_or_a_password_less_url(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data")
    solo = solo_choice(paths)
    assert solo.kind is DatabaseKind.SOLO and not solo.is_team
    assert solo.stored_target == str(paths.database_file.resolve())
    team = DatabaseChoice(DatabaseKind.TEAM, with_password(_team(), ROLE_PASSWORD))
    assert team.is_team
    assert team.stored_target == preference_key(_team())
    assert ROLE_PASSWORD not in team.stored_target + team.describe()
