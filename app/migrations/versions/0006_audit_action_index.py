"""Index the audit log by action: unlock looks up the published recovery-key statements.

A plain index (no batch mode): rebuilding `vault_audit` on SQLite would drop its append-only
triggers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 00:10:55.382031
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_vault_audit_action", "vault_audit", ["action"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_vault_audit_action", table_name="vault_audit")
