"""Technicians' PostgreSQL login roles in team mode (vault.md §8.2 step 1, §8.7 step 2, §9).

Each technician connects with a login role of their own, a member of the `helpdesk_app` group
role that revision 0005 set up (see `app.migrations.app_role`). An admin creates the login when
enrolling a technician and disables it (NOLOGIN, sessions ended) when revoking one.

Passwords: `CREATE ROLE … PASSWORD` is a utility statement and takes no bind parameters. The
password therefore never goes to the server at all: libpq computes the SCRAM-SHA-256 verifier on
this machine (`PQencryptPasswordConn`, as psql's `\\password` does), and only that verifier is
sent, as a quoted literal, through the driver's own cursor. SQLAlchemy never sees the statement,
so its engine log cannot print it; errors are re-raised with the server's first line only.

SQLite (single-user mode) has no roles: every method raises `TeamModeOnlyError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import psycopg
from psycopg import sql
from sqlalchemy import exc, text
from sqlalchemy.orm import Session

from app.db import Database
from app.migrations.app_role import (
    APP_ROLE,
    owner_script,
    privileges_in_place,
    quote_ident,
    quote_literal,
    role_exists,
    target,
)
from app.models import Technician
from app.models.enums import Role
from app.services.errors import (
    DatabaseUnavailableError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    ValidationError,
)

#: Shortest database password accepted for a technician's login role.
LOGIN_PASSWORD_MIN: Final = 12
_ROLE_PREFIX: Final = "helpdesk_tech_"
_INSUFFICIENT_PRIVILEGE: Final = "42501"
#: How long pg_terminate_backend waits for each session to end, in milliseconds.
_TERMINATE_WAIT_MS: Final = 5000


class TeamModeOnlyError(ServiceError):
    """Database login roles exist only in team mode, on a shared PostgreSQL database."""

    def __init__(self) -> None:
        super().__init__("database login roles exist only in team mode (PostgreSQL)")


class LoginRoleError(ServiceError):
    """The login role could not be created; `sql` is what an owner can run instead (or "").

    `reason` is one of "exists", "insufficient_privilege", "no_app_role". Never holds the
    password or its verifier.
    """

    def __init__(self, role: str, reason: str, sql: str = "") -> None:
        super().__init__(f"cannot create login role {role}: {reason}")
        self.role = role
        self.reason = reason
        self.sql = sql


@dataclass(frozen=True, slots=True)
class DisableResult:
    """What `disable_login` achieved. When `sql` is not empty, an owner must run it."""

    role: str
    #: NOLOGIN is in place (committed): nobody can open a new session as this role.
    disabled: bool
    sessions_terminated: int
    #: Sessions still open because this connection may not end them.
    sessions_remaining: int
    sql: str = ""

    @property
    def complete(self) -> bool:
        return self.disabled and self.sessions_remaining == 0


def login_role_name(technician_id: int) -> str:
    """The login role of one technician: stable, lower case, no quoting needed."""
    if technician_id <= 0:
        raise ValueError("technician ids are positive")
    return f"{_ROLE_PREFIX}{technician_id}"


def disable_sql(role: str) -> str:
    """What an owner runs to shut a technician's login out (for the admin screen)."""
    return f"ALTER ROLE {quote_ident(role)} NOLOGIN;\n" + terminate_sql(role)


def terminate_sql(role: str) -> str:
    """What an owner runs to end a role's open sessions."""
    return (
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        f" WHERE usename = {quote_literal(role)};\n"
    )


class DatabaseRoleService:
    """Admin actions on PostgreSQL roles. Any thread; each method is one unit of work."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def privileges_sql(self) -> str:
        """The SQL an owner runs when the migration could not create the role or its grants."""
        self._require_team_mode()
        with self._db.read() as s:
            return owner_script(target(s.connection()))

    def privileges_in_place(self) -> bool:
        """True when `helpdesk_app` exists here and may append to, but not change, the audit log."""
        self._require_team_mode()
        with self._db.read() as s:
            return privileges_in_place(s.connection())

    def create_login(self, actor_id: int, technician_id: int, password: str) -> str:
        """Create the technician's login role in `helpdesk_app`; returns the role name.

        Raises `ValidationError` for a short password, `NotFoundError` for an unknown
        technician, `LoginRoleError` when the server refuses (with SQL an owner can run; the
        owner then sets the password with psql's `\\password`).
        """
        self._require_team_mode()
        if len(password) < LOGIN_PASSWORD_MIN:
            raise ValidationError({"password": "too_short"})
        if "\x00" in password:
            raise ValidationError({"password": "invalid"})
        role = login_role_name(technician_id)
        with self._db.write() as s:
            _require_admin(s, actor_id, "create_login")
            if s.get(Technician, technician_id) is None:
                raise NotFoundError("technician", technician_id)
            conn = s.connection()
            if not role_exists(conn):
                raise LoginRoleError(role, "no_app_role", owner_script(target(conn)))
            if role_exists(conn, role):
                raise LoginRoleError(role, "exists")
            raw = _driver_connection(s)
            verifier = raw.pgconn.encrypt_password(
                password.encode("utf-8"), role.encode("ascii"), b"scram-sha-256"
            ).decode("ascii")
            statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(role), sql.Literal(verifier), sql.Identifier(APP_ROLE)
            )
            comment = sql.SQL("COMMENT ON ROLE {} IS {}").format(
                sql.Identifier(role), sql.Literal(f"MSP Helpdesk technician {technician_id}")
            )
            error: str | None = None
            try:
                with raw.cursor() as cur:
                    cur.execute(statement)
                    cur.execute(comment)
            except psycopg.errors.DuplicateObject:
                error = "exists"
            except psycopg.errors.InsufficientPrivilege:
                error = "insufficient_privilege"
            except psycopg.OperationalError as e:
                # Outside the handler below: the driver's error must not chain into ours.
                error = "unavailable:" + _first_line(e)
            if error is not None:
                # Raised outside the except blocks, so nothing from the driver is chained.
                _raise_create_error(role, error)
        return role

    def disable_login(self, actor_id: int, role: str) -> DisableResult:
        """`ALTER ROLE … NOLOGIN`, committed, then end the role's open sessions.

        Only logins in `helpdesk_app` qualify. Missing rights are not an error: the result
        carries the SQL an owner must run.
        """
        self._require_team_mode()
        with self._db.write() as s:
            _require_admin(s, actor_id, "disable_login")
            conn = s.connection()
            member = conn.scalar(
                # Direct members only, never a superuser, never the caller's own login.
                text(
                    "SELECT 1 FROM pg_auth_members m"
                    " JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid"
                    " WHERE r.rolname = :role AND g.rolname = :app"
                    " AND NOT r.rolsuper AND r.rolname <> current_user"
                ),
                {"role": role, "app": APP_ROLE},
            )
            if not member:
                raise ValidationError({"role": "not_a_technician_login"})
            disabled = _try(s, f"ALTER ROLE {quote_ident(role)} NOLOGIN", raw=True)
        if not disabled:
            open_sessions = len(self._session_pids(role))
            return DisableResult(role, False, 0, open_sessions, disable_sql(role))
        terminated = remaining = 0
        with self._db.write() as s:
            for pid in self._session_pids(role, s):
                ended = _try(
                    s,
                    "SELECT pg_terminate_backend(:pid, :wait)",
                    {"pid": pid, "wait": _TERMINATE_WAIT_MS},
                )
                if ended:
                    terminated += 1
                else:
                    remaining += 1
        return DisableResult(
            role,
            True,
            terminated,
            remaining,
            terminate_sql(role) if remaining else "",
        )

    def _session_pids(self, role: str, s: Session | None = None) -> list[int]:
        query = text(
            "SELECT pid FROM pg_stat_activity WHERE usename = :role AND pid <> pg_backend_pid()"
        )
        if s is not None:
            return [int(p) for p in s.scalars(query, {"role": role})]
        with self._db.read() as r:
            return [int(p) for p in r.scalars(query, {"role": role})]

    def _require_team_mode(self) -> None:
        if self._db.backend != "postgresql":
            raise TeamModeOnlyError()


def _require_admin(s: Session, actor_id: int, action: str) -> None:
    actor = s.get(Technician, actor_id)
    if actor is None or not actor.active or actor.role is not Role.ADMIN:
        raise PermissionDeniedError(action)


def _try(
    s: Session, statement: str, params: dict[str, Any] | None = None, *, raw: bool = False
) -> bool:
    """Run one statement in a SAVEPOINT; False when the server says insufficient privilege.

    `raw`: DDL holding a quoted name, sent as is (no `:name` binds, no `%` placeholders).
    """
    try:
        with s.begin_nested():
            if raw:
                s.connection().exec_driver_sql(statement, execution_options={"no_parameters": True})
            else:
                s.execute(text(statement), params or {})
    except exc.DBAPIError as e:
        if getattr(e.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            return False
        raise
    return True


def _driver_connection(s: Session) -> psycopg.Connection[Any]:
    raw = s.connection().connection.driver_connection
    if not isinstance(raw, psycopg.Connection):
        raise TeamModeOnlyError()
    return raw


def _raise_create_error(role: str, error: str) -> None:
    if error.startswith("unavailable:"):
        raise DatabaseUnavailableError(error.removeprefix("unavailable:"))
    manual = (
        f"CREATE ROLE {quote_ident(role)} LOGIN IN ROLE {quote_ident(APP_ROLE)};\n"
        f"\\password {quote_ident(role)}\n"
        if error == "insufficient_privilege"
        else ""
    )
    raise LoginRoleError(role, error, manual)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
