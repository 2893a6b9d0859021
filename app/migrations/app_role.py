"""Team mode on PostgreSQL: the `helpdesk_app` group role and its privileges (vault.md §9, §10).

An owner role runs the migrations and owns the tables. Each technician signs in with a login
role of their own that is a member of `helpdesk_app`, which may read and write the ordinary
tables but only SELECT and INSERT on `vault_audit` (no UPDATE, DELETE or TRUNCATE; the trigger
from revision 0003 refuses UPDATE and DELETE even for the owner), and only SELECT on
`alembic_version`.

Roles are cluster-global, grants are per database. Revision 0005 calls `install()`; the admin
screen (through `app.services.db_roles`) shows `owner_script()` when the migrating role could not
create the role or grant everything. Each statement runs in its own SAVEPOINT, so a missing right
never aborts the migration's transaction. The statements are rebuilt from the catalog each time
(`ALL TABLES IN SCHEMA`), so they also cover tables added by later revisions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, exc, text

log = logging.getLogger(__name__)

#: The NOLOGIN group role every technician's login role belongs to.
APP_ROLE: Final = "helpdesk_app"
#: Marks the group role as ours, so a downgrade only ever drops a role the app created.
ROLE_COMMENT: Final = "MSP Helpdesk: technicians' group role (revision 0005)"
AUDIT_TABLE: Final = "vault_audit"
VERSION_TABLE: Final = "alembic_version"
#: The rights on ordinary tables; never TRUNCATE, REFERENCES or TRIGGER.
TABLE_RIGHTS: Final = "SELECT, INSERT, UPDATE, DELETE"

_INSUFFICIENT_PRIVILEGE: Final = "42501"
_DUPLICATE_OBJECT: Final = "42710"
_UNIQUE_VIOLATION: Final = "23505"
_DEPENDENT_OBJECTS: Final = "2BP01"


@dataclass(frozen=True, slots=True)
class Target:
    """Where the grants go: this database, its schema, and the role that owns the tables."""

    database: str
    schema: str
    owner: str


def quote_ident(name: str) -> str:
    """A PostgreSQL identifier, always double-quoted (the server's own quote_ident rules)."""
    if not name or "\x00" in name:
        raise ValueError("not a valid PostgreSQL identifier")
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    """A standard-conforming string literal (never for secrets: use psycopg.sql.Literal)."""
    if "\x00" in value:
        raise ValueError("a PostgreSQL string cannot hold NUL")
    return "'" + value.replace("'", "''") + "'"


def target(conn: Connection) -> Target:
    """This database, its current schema, and the owner of `alembic_version` (else the user)."""
    row = conn.execute(
        text(
            "SELECT current_database(), current_schema(), coalesce("
            " (SELECT tableowner FROM pg_tables"
            "  WHERE schemaname = current_schema() AND tablename = :version),"
            " current_user)"
        ),
        {"version": VERSION_TABLE},
    ).one()
    return Target(database=str(row[0]), schema=str(row[1]), owner=str(row[2]))


def create_role_statements() -> list[str]:
    """Create the group role unless it exists (idempotent: the role is cluster-global)."""
    role = quote_ident(APP_ROLE)
    return [
        "DO $do$ BEGIN\n"
        f"  CREATE ROLE {role} NOLOGIN;\n"
        "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;\n"
        "END $do$",
        f"COMMENT ON ROLE {role} IS {quote_literal(ROLE_COMMENT)}",
    ]


def grant_statements(t: Target) -> list[str]:
    """The grants in one database; safe to run again."""
    role, schema = quote_ident(APP_ROLE), quote_ident(t.schema)
    owner = quote_ident(t.owner)
    audit = f"{schema}.{quote_ident(AUDIT_TABLE)}"
    version = f"{schema}.{quote_ident(VERSION_TABLE)}"
    return [
        f"GRANT CONNECT ON DATABASE {quote_ident(t.database)} TO {role}",
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"GRANT {TABLE_RIGHTS} ON ALL TABLES IN SCHEMA {schema} TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        # The audit log is append-only: take back what ALL TABLES just gave.
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE {audit} FROM {role}",
        f"GRANT SELECT, INSERT ON TABLE {audit} TO {role}",
        # Technicians' apps read the schema revision; only the owner migrates.
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE {version}"
        f" FROM {role}",
        # Tables and sequences the owner creates in later revisions are granted too.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
        f" GRANT {TABLE_RIGHTS} ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
        f" GRANT USAGE, SELECT ON SEQUENCES TO {role}",
    ]


def revoke_statements(t: Target) -> list[str]:
    """Undo `grant_statements` in one database (the role itself is left to `drop_role`)."""
    role, schema = quote_ident(APP_ROLE), quote_ident(t.schema)
    owner = quote_ident(t.owner)
    return [
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
        f" REVOKE ALL ON TABLES FROM {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
        f" REVOKE ALL ON SEQUENCES FROM {role}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}",
        f"REVOKE ALL ON SCHEMA {schema} FROM {role}",
        f"REVOKE ALL ON DATABASE {quote_ident(t.database)} FROM {role}",
    ]


def owner_script(t: Target) -> str:
    """What a role with CREATEROLE (and ownership of the database) runs when the app could not."""
    lines = [
        "-- MSP Helpdesk team mode: run as a PostgreSQL superuser or a role with CREATEROLE,",
        f"-- connected to database {t.database}; safe to run more than once.",
    ]
    lines += [f"{s};" for s in (*create_role_statements(), *grant_statements(t))]
    return "\n".join(lines) + "\n"


def role_exists(conn: Connection, role: str = APP_ROLE) -> bool:
    return bool(conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}))


def may_create_roles(conn: Connection) -> bool:
    """True for a superuser or a role with CREATEROLE."""
    return bool(
        conn.scalar(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        )
    )


def install(conn: Connection) -> bool:
    """Create the group role if missing and grant its privileges in this database.

    Never raises for a missing right: logs a warning with the owner's SQL and returns False.
    True when everything is in place.
    """
    t = target(conn)
    if not role_exists(conn):
        if not may_create_roles(conn):
            _warn_owner_must_run(t, f"role {APP_ROLE} does not exist and may not be created here")
            return False
        for statement in create_role_statements():
            error = _try(conn, statement, _UNIQUE_VIOLATION, _INSUFFICIENT_PRIVILEGE)
            if error == _INSUFFICIENT_PRIVILEGE:
                _warn_owner_must_run(t, f"creating role {APP_ROLE} was refused")
                return False
            # _UNIQUE_VIOLATION: another database's migration created it concurrently.
    failed = [s for s in grant_statements(t) if _try(conn, s, _INSUFFICIENT_PRIVILEGE)]
    if failed:
        _warn_owner_must_run(t, "some grants were refused: " + "; ".join(failed))
        return False
    # A GRANT without the grant option is only a server WARNING ("no privileges were granted").
    if not privileges_in_place(conn):
        _warn_owner_must_run(t, "the grants did not take effect")
        return False
    return True


def privileges_in_place(conn: Connection) -> bool:
    """True when the group role exists and may connect, read and write, and append to (but not
    change) the audit log in this database."""
    if not role_exists(conn):
        return False
    row = conn.execute(
        text(
            "SELECT has_database_privilege(:r, current_database(), 'CONNECT')"
            " AND has_schema_privilege(:r, current_schema(), 'USAGE')"
            " AND has_table_privilege(:r, :audit, 'SELECT')"
            " AND has_table_privilege(:r, :audit, 'INSERT')"
            " AND has_table_privilege(:r, :version, 'SELECT'),"
            " has_table_privilege(:r, :audit, 'UPDATE, DELETE, TRUNCATE')"
            " OR has_table_privilege(:r, :version, 'INSERT, UPDATE, DELETE, TRUNCATE')"
        ),
        {"r": APP_ROLE, "audit": AUDIT_TABLE, "version": VERSION_TABLE},
    ).one()
    return bool(row[0]) and not row[1]


def uninstall(conn: Connection) -> None:
    """Revoke this database's grants; drop the group role only if nothing else uses it.

    Safe means: the role carries our comment, has no members (technicians' logins), and no
    other database holds privileges for it (DROP ROLE refuses then; that is caught).
    """
    if not role_exists(conn):
        return
    t = target(conn)
    for statement in revoke_statements(t):
        if _try(conn, statement, _INSUFFICIENT_PRIVILEGE):
            log.warning("could not run %s; the role %s keeps that right", statement, APP_ROLE)
    ours_and_unused = conn.scalar(
        text(
            "SELECT shobj_description(r.oid, 'pg_authid') = :comment"
            " AND NOT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = r.oid)"
            # Privileges it holds in any database of the server (pg_shdepend is shared).
            " AND NOT EXISTS (SELECT 1 FROM pg_shdepend d"
            "  WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = r.oid)"
            " FROM pg_roles r WHERE r.rolname = :role"
        ),
        {"comment": ROLE_COMMENT, "role": APP_ROLE},
    )
    if ours_and_unused and may_create_roles(conn):
        error = _try(
            conn,
            f"DROP ROLE {quote_ident(APP_ROLE)}",
            _DEPENDENT_OBJECTS,
            _INSUFFICIENT_PRIVILEGE,
        )
        if error:
            log.info("role %s kept: other databases on this server still use it", APP_ROLE)


def _try(conn: Connection, statement: str, *tolerated: str) -> str | None:
    """Run one statement in a SAVEPOINT; the SQLSTATE of a tolerated failure, else None."""
    try:
        with conn.begin_nested():
            # no_parameters: the driver must not read a `%` in a name as a placeholder.
            conn.exec_driver_sql(statement, execution_options={"no_parameters": True})
    except exc.DBAPIError as e:
        state = getattr(e.orig, "sqlstate", None)
        if state in tolerated:
            return str(state)
        raise
    return None


def _warn_owner_must_run(t: Target, why: str) -> None:
    log.warning(
        "team-mode database roles are not in place (%s). Technicians cannot sign in with their "
        "own PostgreSQL roles until an owner runs:\n%s",
        why,
        owner_script(t),
    )
