"""Reports: each met SLA clock's business time to respond / resolve, indexes for a period's
figures, and the MSP's report branding (name and logo).

Clocks met before this revision have no elapsed figure; the SLA sweep measures them a batch at
a time (`app.services.sla_sweep`), and reports leave unmeasured clocks out of the percentiles.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 09:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "report_branding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("msp_name", sa.String(length=200), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_name", sa.String(length=255), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["technician.id"],
            name=op.f("fk_report_branding_updated_by_id_technician"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_branding")),
    )
    op.add_column("ticket_sla", sa.Column("business_elapsed_seconds", sa.Integer(), nullable=True))
    # The sweep measures these a batch at a time; partial, so it is empty afterwards.
    unmeasured = sa.text("met_at IS NOT NULL AND business_elapsed_seconds IS NULL")
    op.create_index(
        "ix_ticket_sla_unmeasured",
        "ticket_sla",
        ["id"],
        sqlite_where=unmeasured,
        postgresql_where=unmeasured,
    )
    # A period's non-merged tickets: the merge lookups keep working on the first column.
    op.drop_index("ix_ticket_merged_into_id", table_name="ticket")
    op.create_index(
        op.f("ix_ticket_merged_into_id_created_at"), "ticket", ["merged_into_id", "created_at"]
    )
    op.create_index(op.f("ix_ticket_client_id_created_at"), "ticket", ["client_id", "created_at"])
    op.create_index(op.f("ix_ticket_client_id_closed_at"), "ticket", ["client_id", "closed_at"])
    op.create_index(op.f("ix_ticket_closed_at"), "ticket", ["closed_at"])
    op.create_index(op.f("ix_time_entry_started_at"), "time_entry", ["started_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_time_entry_started_at"), table_name="time_entry")
    op.drop_index("ix_ticket_sla_unmeasured", table_name="ticket_sla")
    op.drop_index(op.f("ix_ticket_closed_at"), table_name="ticket")
    op.drop_index(op.f("ix_ticket_client_id_closed_at"), table_name="ticket")
    op.drop_index(op.f("ix_ticket_client_id_created_at"), table_name="ticket")
    op.drop_index(op.f("ix_ticket_merged_into_id_created_at"), table_name="ticket")
    op.create_index("ix_ticket_merged_into_id", "ticket", ["merged_into_id"])
    with op.batch_alter_table("ticket_sla") as batch:
        batch.drop_column("business_elapsed_seconds")
    op.drop_table("report_branding")
