"""Test a team PostgreSQL database before using it: one real connection, one classified outcome.

The first-run dialog calls `check_connection` off the GUI thread and words the result; nothing
here produces UI text. The password travels only inside the `URL` given; no message, log line
or `ConnectionReport` carries it (libpq never quotes it, and `_scrub` makes sure).

Connection failures from psycopg carry no SQLSTATE (there is no server result yet), so they are
classified from libpq's and psycopg's English wording, checked against a real server in
tests/services/test_db_connect.py. A server whose `lc_messages` is not English words its FATAL
messages in its own language; those fall through to `OTHER` with the server's line shown.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import psycopg
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, create_engine, exc, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from app.db import describe, head_revision, is_known_revision

log = logging.getLogger(__name__)

#: PostgreSQL's default port, pre-filled in the first-run dialog.
DEFAULT_PORT: Final = 5432
#: Identifiers longer than this are truncated by PostgreSQL (NAMEDATALEN - 1 bytes).
MAX_NAME_BYTES: Final = 63
#: Longest DNS name.
MAX_HOST_LENGTH: Final = 253
#: libpq ignores a `connect_timeout` below 2 seconds (it uses 2).
MIN_TIMEOUT_S: Final = 2
_HOST_FORBIDDEN: Final = frozenset(" \t\r\n/@?#\\'\"")
_DRIVER: Final = "postgresql+psycopg"


class SslMode(enum.StrEnum):
    """The SSL modes the dialog offers (libpq `sslmode`), weakest first."""

    #: Encrypt if the server offers it; libpq's own default.
    PREFER = "prefer"
    #: Always encrypt, but do not check the certificate (a self-signed server).
    REQUIRE = "require"
    #: Encrypt and check the certificate and host name against the system's trusted roots.
    VERIFY_FULL = "verify-full"


class ConnectionOutcome(enum.StrEnum):
    """A connection that works, and what opening the database will do to it."""

    #: No MSP Helpdesk schema yet: it will be created.
    OK_EMPTY = "ok_empty"
    #: The schema is at this build's head revision.
    OK_READY = "ok_ready"
    #: An older schema: it will be upgraded after someone confirms a backup exists.
    OK_NEEDS_UPGRADE = "ok_needs_upgrade"


class ConnectionProblem(enum.StrEnum):
    """Why a team database cannot be used."""

    #: The host name does not resolve (DNS).
    HOST_NOT_FOUND = "host_not_found"
    #: Nothing listens on that host and port.
    REFUSED = "refused"
    #: No answer within the timeout (firewall, VPN, a dead host, no route).
    TIMEOUT = "timeout"
    #: Wrong user or password, or the server does not let this user in from here.
    AUTH = "auth"
    #: The server has no database of that name.
    NO_DATABASE = "no_database"
    #: SSL is required but not offered (or the reverse), or the certificate is not trusted.
    SSL = "ssl"
    #: The user may not connect to, read, or create the schema in that database.
    NO_PRIVILEGE = "no_privilege"
    #: The schema was made by a newer version of the app.
    TOO_NEW = "too_new"
    #: No MSP Helpdesk schema, but other tables: not a database to take over.
    NOT_EMPTY = "not_empty"
    #: Something answers on that port, but it does not speak PostgreSQL.
    NOT_POSTGRES = "not_postgres"
    #: Anything else; `ConnectionReport.detail` has the driver's first line.
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    """The result of `check_connection`: exactly one of `outcome` and `problem` is set."""

    #: Where the test went, password hidden (for messages).
    target: str
    host: str
    port: int
    database: str
    user: str
    #: The seconds the connection was given.
    timeout_s: int
    outcome: ConnectionOutcome | None = None
    problem: ConnectionProblem | None = None
    #: The schema revision found (None: empty, or not reached).
    revision: str | None = None
    #: This build's head revision.
    head: str = ""
    #: The driver's or server's first line for a failure; never holds the password.
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome is not None


class TeamField(enum.StrEnum):
    """The fields of a team database connection, as the dialog names them."""

    HOST = "host"
    PORT = "port"
    DATABASE = "database"
    USER = "user"
    SSL_MODE = "ssl_mode"


class FieldProblem(enum.StrEnum):
    EMPTY = "empty"
    #: A character that cannot be part of a host name (space, slash, @, …).
    INVALID = "invalid"
    TOO_LONG = "too_long"
    #: A port outside 1–65535.
    OUT_OF_RANGE = "out_of_range"


class TeamFieldsInvalid(ValueError):
    """`team_url` refused its fields; `problems` names each bad field and why."""

    def __init__(self, problems: Mapping[TeamField, FieldProblem]) -> None:
        super().__init__(
            "invalid database connection: "
            + ", ".join(f"{field.value} {problem.value}" for field, problem in problems.items())
        )
        self.problems: dict[TeamField, FieldProblem] = dict(problems)


def team_field_problems(
    host: str, port: int, database: str, user: str, ssl_mode: object = SslMode.PREFER
) -> dict[TeamField, FieldProblem]:
    """Every problem of the fields, by field; empty when `team_url` would accept them."""
    problems: dict[TeamField, FieldProblem] = {}
    host = host.strip()
    if not host:
        problems[TeamField.HOST] = FieldProblem.EMPTY
    elif len(host) > MAX_HOST_LENGTH:
        problems[TeamField.HOST] = FieldProblem.TOO_LONG
    elif any(c in _HOST_FORBIDDEN for c in host):
        problems[TeamField.HOST] = FieldProblem.INVALID
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        problems[TeamField.PORT] = FieldProblem.OUT_OF_RANGE
    for field, value in ((TeamField.DATABASE, database), (TeamField.USER, user)):
        value = value.strip()
        if not value:
            problems[field] = FieldProblem.EMPTY
        elif len(value.encode("utf-8")) > MAX_NAME_BYTES:
            problems[field] = FieldProblem.TOO_LONG
        elif any(c in "\r\n\0" for c in value):
            problems[field] = FieldProblem.INVALID
    if not isinstance(ssl_mode, SslMode):
        problems[TeamField.SSL_MODE] = FieldProblem.INVALID
    return problems


def team_url(host: str, port: int, database: str, user: str, ssl_mode: SslMode) -> URL:
    """The password-less URL of a team database; raises `TeamFieldsInvalid`.

    `verify-full` checks the certificate against the operating system's trusted roots
    (`sslrootcert=system`, libpq 16+): libpq's own default, ~/.postgresql/root.crt, is a file
    almost nobody has. A server with a self-signed certificate needs `require`.
    """
    problems = team_field_problems(host, port, database, user, ssl_mode)
    if problems:
        raise TeamFieldsInvalid(problems)
    query: dict[str, str] = {"sslmode": ssl_mode.value}
    if ssl_mode is SslMode.VERIFY_FULL:
        query["sslrootcert"] = "system"
    return URL.create(
        _DRIVER,
        username=user.strip(),
        host=host.strip(),
        port=port,
        database=database.strip(),
        query=query,
    )


def with_password(url: URL, password: str) -> URL:
    """`url` carrying `password` (in memory only); an empty password means none."""
    return url.set(password=password) if password else without_password(url)


def without_password(url: URL) -> URL:
    """`url` with no password. (`URL.set(password=None)` would keep it: `set` ignores None.)"""
    return URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )


def ssl_mode_of(url: URL) -> SslMode:
    """The SSL mode named in `url`, or `PREFER` (libpq's default) when absent or unknown."""
    raw = url.query.get("sslmode", "")
    value = raw[0] if isinstance(raw, tuple) else raw
    try:
        return SslMode(value)
    except ValueError:
        return SslMode.PREFER


def check_connection(url: URL, *, timeout_s: int = 5) -> ConnectionReport:
    """Connect to the PostgreSQL database at `url`, read its schema revision, classify.

    Never raises for a database problem: every failure is a `ConnectionReport` with a
    `problem`. Runs on a worker thread (it blocks for up to `timeout_s` per address).
    """
    if url.get_backend_name() != "postgresql":
        raise ValueError("check_connection tests PostgreSQL databases only")
    timeout_s = max(MIN_TIMEOUT_S, int(timeout_s))
    base = ConnectionReport(
        target=describe(url),
        host=url.host or "localhost",
        port=url.port or DEFAULT_PORT,
        database=url.database or "",
        user=url.username or "",
        timeout_s=timeout_s,
        head=head_revision(),
    )
    engine = create_engine(
        url.set(drivername=_DRIVER),
        poolclass=NullPool,  # one connection, closed at once: nothing lingers after the test
        hide_parameters=True,
        connect_args={"connect_timeout": timeout_s, "application_name": "msp-helpdesk setup"},
    )
    try:
        with engine.connect() as conn:
            report = _inspect(conn, base)
    except exc.DBAPIError as e:
        report = _failure(base, e.orig if e.orig is not None else e, url.password)
    except psycopg.Error as e:  # raised outside SQLAlchemy's wrapping (none known; be safe)
        report = _failure(base, e, url.password)
    finally:
        engine.dispose()
    if report.ok:
        log.info("connection test to %s: %s", report.target, report.outcome)
    else:
        log.info("connection test to %s: %s (%s)", report.target, report.problem, report.detail)
    return report


def _inspect(conn: Connection, base: ConnectionReport) -> ConnectionReport:
    """What opening the database will do, or why it cannot be used (connected already)."""
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is None:
        if conn.scalar(_OTHER_TABLES):
            return dataclasses.replace(base, problem=ConnectionProblem.NOT_EMPTY)
        if not conn.scalar(_MAY_CREATE):
            return dataclasses.replace(base, problem=ConnectionProblem.NO_PRIVILEGE)
        return dataclasses.replace(base, outcome=ConnectionOutcome.OK_EMPTY)
    if not is_known_revision(revision):
        return dataclasses.replace(base, problem=ConnectionProblem.TOO_NEW, revision=revision)
    if revision == base.head:
        return dataclasses.replace(base, outcome=ConnectionOutcome.OK_READY, revision=revision)
    if not conn.scalar(_MAY_CREATE):
        return dataclasses.replace(base, problem=ConnectionProblem.NO_PRIVILEGE, revision=revision)
    return dataclasses.replace(base, outcome=ConnectionOutcome.OK_NEEDS_UPGRADE, revision=revision)


#: Tables in the schema the app would use, when it holds no `alembic_version`.
_OTHER_TABLES: Final = text(
    "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema())"
)
#: Whether this user may create the tables (PostgreSQL 15+ grants CREATE on `public` to the
#: database owner only). No schema on the search path means nowhere to create them.
_MAY_CREATE: Final = text(
    "SELECT current_schema() IS NOT NULL AND has_schema_privilege(current_schema(), 'CREATE')"
)


def _failure(
    base: ConnectionReport, error: BaseException, password: str | None
) -> ConnectionReport:
    detail = _scrub(_first_line(error), password)
    return dataclasses.replace(base, problem=classify(error), detail=detail)


# Ordered: the first rule whose words appear in the message wins. "SSL negotiation" must win
# over the SSL rule (a web server answering an SSL request), "database … does not exist" over
# the role rule, and "no pg_hba.conf entry … no encryption" (the server wants SSL) over AUTH.
_TEXT_RULES: Final[tuple[tuple[ConnectionProblem, tuple[str, ...]], ...]] = (
    (ConnectionProblem.TIMEOUT, ("timeout expired", "timed out")),
    (
        ConnectionProblem.HOST_NOT_FOUND,
        (
            "failed to resolve host",
            "could not translate host name",
            "name or service not known",
            "nodename nor servname",
            "temporary failure in name resolution",
            "no address associated with hostname",
        ),
    ),
    (ConnectionProblem.REFUSED, ("connection refused",)),
    (ConnectionProblem.TIMEOUT, ("no route to host", "network is unreachable")),
    (
        ConnectionProblem.NOT_POSTGRES,
        (
            "invalid response to ssl negotiation",
            "expected authentication request from server",
            "unexpected message from server",
            "invalid length of startup packet",
        ),
    ),
    (ConnectionProblem.SSL, ("no encryption", "ssl off")),
    (ConnectionProblem.NO_DATABASE, ('database "',)),
    (ConnectionProblem.NO_PRIVILEGE, ("permission denied",)),
    (
        ConnectionProblem.AUTH,
        (
            "password authentication failed",
            "authentication failed",
            "no password supplied",
            'role "',
            "pg_hba.conf",
        ),
    ),
    (ConnectionProblem.SSL, ("ssl", "certificate", "tls")),
)

#: SQLSTATEs that decide on their own (queries after connecting have one; connecting does not).
_SQLSTATES: Final[Mapping[str, ConnectionProblem]] = {
    "28P01": ConnectionProblem.AUTH,  # invalid_password
    "28000": ConnectionProblem.AUTH,  # invalid_authorization_specification
    "3D000": ConnectionProblem.NO_DATABASE,  # invalid_catalog_name
    "42501": ConnectionProblem.NO_PRIVILEGE,  # insufficient_privilege
}


def classify(error: BaseException) -> ConnectionProblem:
    """The problem behind a driver error: SQLSTATE where there is one, else libpq's words."""
    if isinstance(error, psycopg.errors.ConnectionTimeout):
        return ConnectionProblem.TIMEOUT
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate in _SQLSTATES:
        return _SQLSTATES[sqlstate]
    message = str(error).lower()
    for problem, words in _TEXT_RULES:
        if any(word in message for word in words):
            if problem is ConnectionProblem.NO_DATABASE and "does not exist" not in message:
                continue
            return problem
    return ConnectionProblem.OTHER


def _first_line(error: BaseException) -> str:
    """The message's first meaningful line, without psycopg's "connection failed:" lead-in."""
    text_ = str(error).strip()
    line = (text_.splitlines() or [type(error).__name__])[0].strip()
    for prefix in ("connection failed: ",):
        if line.startswith(prefix):
            line = line[len(prefix) :]
    return line or type(error).__name__


def _scrub(message: str, password: str | None) -> str:
    """Belt and braces: libpq never quotes the password, but a future driver might."""
    if password:
        message = message.replace(password, "***")
    return message
