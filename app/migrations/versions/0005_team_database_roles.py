"""Team mode: the `helpdesk_app` group role, with SELECT/INSERT only on the audit log.

PostgreSQL only (a no-op on SQLite). The role is cluster-global and may already exist (another
database on the same server); the grants are per database. A migrating role without CREATEROLE
does not fail: it logs a warning with the SQL an owner must run (the admin screen shows it too).
See `app.migrations.app_role` and vault.md §9.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 00:10:00.000000
"""

from collections.abc import Sequence

from alembic import op

from app.migrations import app_role

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        app_role.install(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        app_role.uninstall(conn)
