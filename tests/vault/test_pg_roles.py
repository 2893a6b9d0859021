"""Team mode on PostgreSQL: technicians' login roles in `helpdesk_app` (vault.md §8.2, §8.7, §9).

Every test here needs the PostgreSQL test server; under CI=true a server that cannot start fails
them (tests/fixtures/postgres.py). Roles are cluster-global, so each login a test creates is
dropped afterwards; the `helpdesk_app` group role stays, as it would on a real server.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine, exc, make_url, text

from app.db import Database, current_revision, head_revision, upgrade_database
from app.migrations.app_role import APP_ROLE
from app.models.enums import Role
from app.services.db_roles import (
    DatabaseRoleService,
    DisableResult,
    LoginRoleError,
    TeamModeOnlyError,
    login_role_name,
)
from app.services.errors import PermissionDeniedError, ValidationError
from app.vault import audit_log
from app.vault.audit_log import AuditEntry
from tests.factories import add_client, add_technician
from tests.fixtures.postgres import SUPERUSER, PostgresServer, running_postgres

PASSWORD = "correct horse battery staple 7"
AT = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


# --- helpers ----------------------------------------------------------------------------------


def _as(url: str, user: str) -> str:
    """The same database, signed in as `user` (the test server trusts loopback: no password)."""
    return make_url(url).set(username=user).render_as_string(hide_password=False)


def _dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _connect(server: PostgresServer, dbname: str, user: str) -> psycopg.Connection[Any]:
    return psycopg.connect(
        host="127.0.0.1", port=server.port, user=user, dbname=dbname, connect_timeout=5
    )


def _drop_roles(server: PostgresServer, roles: list[str]) -> None:
    with server.admin_connection() as conn:
        for role in roles:
            conn.execute(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE usename = %s",
                (role,),
            )
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def _privileges(engine: Engine, table: str, role: str = APP_ROLE) -> set[str]:
    with engine.connect() as conn:
        return {
            right
            for right in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")
            if conn.scalar(
                text("SELECT has_table_privilege(:r, :t, :p)"), {"r": role, "t": table, "p": right}
            )
        }


def _scram_verifies(verifier: str, password: str) -> bool:
    """Check a stored SCRAM-SHA-256 verifier against a password (RFC 5802 StoredKey)."""
    method, iter_salt, keys = verifier.split("$")
    iterations, salt = iter_salt.split(":")
    stored_key = keys.split(":")[0]
    salted = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), base64.b64decode(salt), int(iterations)
    )
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    expected = base64.b64encode(hashlib.sha256(client_key).digest()).decode()
    return method == "SCRAM-SHA-256" and hmac.compare_digest(expected, stored_key)


def _denied(e: pytest.ExceptionInfo[exc.DBAPIError]) -> bool:
    return getattr(e.value.orig, "sqlstate", None) == "42501" and "permission denied" in str(
        e.value.orig
    )


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def cluster_roles(pg_server: PostgresServer) -> Iterator[list[str]]:
    """Names of roles a test creates on the shared server; dropped after the test."""
    roles: list[str] = []
    yield roles
    _drop_roles(pg_server, roles)


@dataclass
class Team:
    server: PostgresServer
    url: str
    owner: Engine
    owner_db: Database
    service: DatabaseRoleService
    admin_id: int
    tech_id: int
    make_engine: Callable[[str], Engine]
    roles: list[str]

    def login(self, technician_id: int | None = None) -> str:
        """Create a technician's login role as the admin; returns its name."""
        tech_id = technician_id if technician_id is not None else self.tech_id
        self.roles.append(login_role_name(tech_id))
        return self.service.create_login(self.admin_id, tech_id, PASSWORD)

    def engine_as(self, role: str) -> Engine:
        return self.make_engine(_as(self.url, role))


@pytest.fixture
def team(
    pg_server: PostgresServer,
    fresh_postgresql_url: str,
    make_engine: Callable[[str], Engine],
    cluster_roles: list[str],
) -> Team:
    """A fresh database migrated by the superuser (the owner), with an admin and a technician."""
    owner = make_engine(fresh_postgresql_url)
    upgrade_database(owner, backups_dir=None)
    owner_db = Database(owner)
    return Team(
        server=pg_server,
        url=fresh_postgresql_url,
        owner=owner,
        owner_db=owner_db,
        service=DatabaseRoleService(owner_db),
        admin_id=add_technician(owner_db, role=Role.ADMIN),
        tech_id=add_technician(owner_db),
        make_engine=make_engine,
        roles=cluster_roles,
    )


# --- what the group role may do ---------------------------------------------------------------


@pytest.mark.postgresql
def test_a_technician_login_appends_to_the_audit_log_but_cannot_change_it(team: Team) -> None:
    tech = Database(team.engine_as(team.login()))
    with tech.write() as s:
        audit_log.append(s, AuditEntry(action="unlock", technician_id=team.tech_id), AT)
    with tech.write() as s:
        audit_log.append(s, AuditEntry(action="view", technician_id=team.tech_id, reason="T-1"), AT)

    for statement in (
        "UPDATE vault_audit SET reason = 'covered up'",
        "DELETE FROM vault_audit",
        "TRUNCATE vault_audit",
    ):
        with pytest.raises(exc.DBAPIError) as caught, tech.write() as s:
            s.execute(text(statement))
        assert _denied(caught), statement

    report = audit_log.verify(tech)
    assert (report.ok, report.checked) == (True, 2)


@pytest.mark.postgresql
@pytest.mark.parametrize(
    "statement",
    ["UPDATE vault_audit SET reason = 'covered up'", "DELETE FROM vault_audit"],
    ids=["update", "delete"],
)
def test_the_trigger_still_refuses_the_owner(team: Team, statement: str) -> None:
    with team.owner_db.write() as s:
        audit_log.append(s, AuditEntry(action="unlock", technician_id=team.tech_id), AT)
    with pytest.raises(exc.DBAPIError, match="append-only"), team.owner_db.write() as s:
        s.execute(text(statement))


@pytest.mark.postgresql
def test_a_technician_login_reads_and_writes_ordinary_tables(team: Team) -> None:
    engine = team.engine_as(team.login())
    tech = Database(engine)
    client_id = add_client(tech, "Written by a technician")  # INSERT + the sequence
    other = add_technician(tech)
    with tech.write() as s:
        s.execute(text("UPDATE client SET notes = 'edited' WHERE id = :i"), {"i": client_id})
        s.execute(text("DELETE FROM technician WHERE id = :i"), {"i": other})
    with tech.read() as s:
        assert s.scalar(text("SELECT notes FROM client WHERE id = :i"), {"i": client_id}) == (
            "edited"
        )
    # The schema revision is readable (the app checks it at start) but only the owner migrates.
    assert current_revision(engine) == head_revision()
    with pytest.raises(exc.DBAPIError) as caught, tech.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = 'x'"))
    assert _denied(caught)
    assert _privileges(team.owner, "vault_audit") == {"SELECT", "INSERT"}
    assert _privileges(team.owner, "client") == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    assert _privileges(team.owner, "alembic_version") == {"SELECT"}
    assert team.service.privileges_in_place()


@pytest.mark.postgresql
def test_tables_created_later_by_the_owner_are_granted_too(team: Team) -> None:
    with team.owner.begin() as conn:
        conn.execute(text("CREATE TABLE later_probe (id serial PRIMARY KEY, note text)"))
    tech = Database(team.engine_as(team.login()))
    with tech.write() as s:
        s.execute(text("INSERT INTO later_probe (note) VALUES ('ok')"))
        s.execute(text("UPDATE later_probe SET note = 'still ok'"))
    assert _privileges(team.owner, "later_probe") == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    assert _privileges(team.owner, "vault_audit") == {"SELECT", "INSERT"}


# --- creating and disabling logins ------------------------------------------------------------


@pytest.mark.postgresql
def test_the_password_is_set_but_never_logged(team: Team, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")
    # A new engine, so SQLAlchemy's statement echo is on for its connections.
    service = DatabaseRoleService(Database(team.make_engine(team.url)))
    team.roles.append(login_role_name(team.tech_id))
    role = service.create_login(team.admin_id, team.tech_id, PASSWORD)
    with pytest.raises(LoginRoleError) as caught:
        service.create_login(team.admin_id, team.tech_id, PASSWORD)
    assert caught.value.reason == "exists"

    with team.server.admin_connection() as admin:
        row = admin.execute(
            "SELECT rolpassword, rolcanlogin FROM pg_authid WHERE rolname = %s", (role,)
        ).fetchone()
        assert row is not None
        member = admin.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (role, APP_ROLE)).fetchone()
    verifier, can_login = row
    assert can_login and member == (True,)
    assert _scram_verifies(verifier, PASSWORD)
    assert any(r.name.startswith("sqlalchemy.engine") for r in caplog.records), "echo was off"
    for secret in (PASSWORD, verifier, verifier.split("$", 2)[2]):
        assert secret not in caplog.text
        assert secret not in str(caught.value)
    assert caught.value.__context__ is None or PASSWORD not in str(caught.value.__context__)


@pytest.mark.postgresql
def test_create_login_checks_its_input(team: Team) -> None:
    with pytest.raises(ValidationError) as short:
        team.service.create_login(team.admin_id, team.tech_id, "short")
    assert short.value.problems == {"password": "too_short"}
    with pytest.raises(PermissionDeniedError):
        team.service.create_login(team.tech_id, team.tech_id, PASSWORD)


@pytest.mark.postgresql
def test_create_login_without_createrole_returns_sql_without_the_password(team: Team) -> None:
    as_admin = DatabaseRoleService(Database(team.engine_as(team.login(team.admin_id))))
    with pytest.raises(LoginRoleError) as caught:
        as_admin.create_login(team.admin_id, team.tech_id, PASSWORD)
    role = login_role_name(team.tech_id)
    assert caught.value.reason == "insufficient_privilege"
    assert caught.value.sql == (
        f'CREATE ROLE "{role}" LOGIN IN ROLE "helpdesk_app";\n\\password "{role}"\n'
    )
    assert PASSWORD not in str(caught.value) and caught.value.__context__ is None
    with team.owner.connect() as conn:
        assert conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}) is None


@pytest.mark.postgresql
def test_disable_login_refuses_new_sessions_and_ends_open_ones(team: Team) -> None:
    role = team.login()
    dbname = _dbname(team.url)
    open_session = _connect(team.server, dbname, role)
    try:
        assert open_session.execute("SELECT current_user").fetchone() == (role,)
        result = team.service.disable_login(team.admin_id, role)
        assert result == DisableResult(role, True, 1, 0, "")
        assert result.complete
        with pytest.raises(psycopg.OperationalError):
            open_session.execute("SELECT 1")
    finally:
        open_session.close()
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        _connect(team.server, dbname, role).close()


@pytest.mark.postgresql
def test_disable_login_without_the_rights_returns_the_sql_to_run(team: Team) -> None:
    # The admin's app signs in with the admin's own login, which has no CREATEROLE.
    admin_role = team.login(team.admin_id)
    victim = team.login()
    as_admin = DatabaseRoleService(Database(team.engine_as(admin_role)))
    dbname = _dbname(team.url)
    open_session = _connect(team.server, dbname, victim)
    try:
        result = as_admin.disable_login(team.admin_id, victim)
        assert (result.disabled, result.sessions_terminated, result.sessions_remaining) == (
            False,
            0,
            1,
        )
        assert f'ALTER ROLE "{victim}" NOLOGIN;' in result.sql
        assert "pg_terminate_backend" in result.sql
        _connect(team.server, dbname, victim).close()  # nothing changed

        # With CREATEROLE but not pg_signal_backend: disabled, the session is left to an owner.
        with team.server.admin_connection() as admin:
            admin.execute(sql.SQL("ALTER ROLE {} CREATEROLE").format(sql.Identifier(admin_role)))
        result = as_admin.disable_login(team.admin_id, victim)
        assert (result.disabled, result.sessions_terminated, result.sessions_remaining) == (
            True,
            0,
            1,
        )
        assert "ALTER ROLE" not in result.sql and "pg_terminate_backend" in result.sql
        assert open_session.execute("SELECT 1").fetchone() == (1,)
    finally:
        open_session.close()
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        _connect(team.server, dbname, victim).close()


@pytest.mark.postgresql
def test_disable_login_quotes_an_odd_role_name(team: Team) -> None:
    odd = 'Jane "JD" O\'Neil:100%'
    team.roles.append(odd)
    with team.server.admin_connection() as admin:
        admin.execute(
            sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(
                sql.Identifier(odd), sql.Identifier(APP_ROLE)
            )
        )
    result = team.service.disable_login(team.admin_id, odd)
    assert result == DisableResult(odd, True, 0, 0, "")
    with team.server.admin_connection() as admin:
        row = admin.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (odd,))
        assert row.fetchone() == (False,)


@pytest.mark.postgresql
def test_disable_login_only_touches_technician_logins(team: Team) -> None:
    with pytest.raises(ValidationError):
        team.service.disable_login(team.admin_id, SUPERUSER)
    with pytest.raises(ValidationError):
        team.service.disable_login(team.admin_id, APP_ROLE)


# --- the migration ----------------------------------------------------------------------------


@pytest.mark.postgresql
def test_the_migration_is_idempotent_across_databases_on_one_server(
    pg_server: PostgresServer, fresh_postgresql_url: str, make_engine: Callable[[str], Engine]
) -> None:
    second_url = pg_server.create_database()
    try:
        first, second = make_engine(fresh_postgresql_url), make_engine(second_url)
        upgrade_database(first, backups_dir=None)
        upgrade_database(second, backups_dir=None)
        for engine in (first, second):
            assert DatabaseRoleService(Database(engine)).privileges_in_place()

        # Down and up again in one database leaves the other alone; the role is shared.
        _alembic(second, "downgrade", "base")
        assert _privileges(first, "vault_audit") == {"SELECT", "INSERT"}
        with first.connect() as conn:
            assert (
                conn.scalar(
                    text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": APP_ROLE}
                )
                == 1
            )
        _alembic(second, "upgrade", "head")
        assert DatabaseRoleService(Database(second)).privileges_in_place()
    finally:
        pg_server.drop_database(_dbname(second_url))


def _alembic(engine: Engine, action: str, target: str) -> None:
    from alembic import command

    from app.db import alembic_config

    with engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, target)
        conn.commit()


def _owned_database(server: PostgresServer, owner: str) -> str:
    """A database owned by a new login role without CREATEROLE; returns its URL as that role."""
    name = f"helpdesk_{uuid.uuid4().hex[:12]}"
    with server.admin_connection() as admin:
        admin.execute(sql.SQL("CREATE ROLE {} LOGIN NOCREATEROLE").format(sql.Identifier(owner)))
        admin.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(owner)
            )
        )
    return _as(server.url(name), owner)


@pytest.mark.postgresql
def test_an_owner_without_createrole_still_grants_to_an_existing_group_role(
    team: Team, cluster_roles: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    owner = f"helpdesk_owner_{uuid.uuid4().hex[:8]}"
    cluster_roles.append(owner)
    url = _owned_database(team.server, owner)
    try:
        engine = team.make_engine(url)
        with caplog.at_level(logging.WARNING):
            upgrade_database(engine, backups_dir=None)
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert DatabaseRoleService(Database(engine)).privileges_in_place()
        engine.dispose()
    finally:
        team.server.drop_database(_dbname(url))


@pytest.mark.postgresql
def test_a_migrating_role_without_createrole_warns_and_still_migrates(
    caplog: pytest.LogCaptureFixture, make_engine: Callable[[str], Engine]
) -> None:
    # A private server: on the shared one `helpdesk_app` already exists.
    with running_postgres() as server:
        owner_url = _owned_database(server, "helpdesk_owner")
        engine = make_engine(owner_url)
        with caplog.at_level(logging.WARNING, logger="app.migrations.app_role"):
            upgrade_database(engine, backups_dir=None)
        assert current_revision(engine) == head_revision()
        warnings = [r for r in caplog.records if r.name == "app.migrations.app_role"]
        assert len(warnings) == 1 and warnings[0].levelno == logging.WARNING
        assert 'CREATE ROLE "helpdesk_app" NOLOGIN' in warnings[0].getMessage()
        assert 'GRANT SELECT, INSERT ON TABLE "public"."vault_audit"' in warnings[0].getMessage()

        # The admin screen shows the same SQL; an owner runs it, and team mode is ready.
        service = DatabaseRoleService(Database(engine))
        assert not service.privileges_in_place()
        script = service.privileges_sql()
        assert script in warnings[0].getMessage()
        with _connect(server, _dbname(owner_url), SUPERUSER) as su:
            su.execute(script)  # committed when the block ends
        assert service.privileges_in_place()
        # Default privileges were set for the owner that migrates, not for the superuser.
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE later_probe (id serial PRIMARY KEY)"))
        assert _privileges(engine, "later_probe") == {"SELECT", "INSERT", "UPDATE", "DELETE"}

        # Downgrading drops the group role only when nothing uses it: not while it has members.
        with _connect(server, _dbname(owner_url), SUPERUSER) as su:
            su.execute("ALTER ROLE helpdesk_owner CREATEROLE")
            su.execute("CREATE ROLE helpdesk_tech_1 LOGIN IN ROLE helpdesk_app")
        _alembic(engine, "downgrade", "0004")
        assert _group_role_exists(engine)
        assert _privileges(engine, "vault_audit") == set()
        _alembic(engine, "upgrade", "head")
        with _connect(server, _dbname(owner_url), SUPERUSER) as su:
            su.execute("DROP ROLE helpdesk_tech_1")
        _alembic(engine, "downgrade", "0004")
        assert not _group_role_exists(engine)
        _alembic(engine, "upgrade", "head")
        assert service.privileges_in_place()
        engine.dispose()


def _group_role_exists(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": APP_ROLE}))


# --- single-user mode -------------------------------------------------------------------------


def test_sqlite_has_no_roles(fresh_sqlite_url: str, make_engine: Callable[[str], Engine]) -> None:
    service = DatabaseRoleService(Database(make_engine(fresh_sqlite_url)))
    with pytest.raises(TeamModeOnlyError, match="team mode"):
        service.privileges_sql()
    with pytest.raises(TeamModeOnlyError):
        service.create_login(1, 2, PASSWORD)
    with pytest.raises(TeamModeOnlyError):
        service.disable_login(1, "helpdesk_tech_2")
    with pytest.raises(TeamModeOnlyError):
        service.privileges_in_place()
