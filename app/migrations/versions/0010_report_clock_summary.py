"""Reports from indexes: each ticket carries its response and resolution clocks' state and
business time (copied from ticket_sla by the SLA service, like the due orders), and the period
indexes cover what the report figures read, so a month of a million tickets is counted from
the indexes alone instead of joining a million clock rows.

Existing tickets are filled from their clocks here, in one UPDATE.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not imported from the models: a revision must not change when the models do.
_CARRIED = (
    "merged_into_id",
    "response_sla_state",
    "resolution_sla_state",
    "response_business_seconds",
    "resolution_business_seconds",
    "priority",
    "tier",
    "category",
    "id",
)


def _clock(column: str, kind: str) -> str:
    return (
        f"(SELECT s.{column} FROM ticket_sla s WHERE s.ticket_id = ticket.id AND s.kind = '{kind}')"
    )


def upgrade() -> None:
    for kind in ("response", "resolution"):
        op.add_column("ticket", sa.Column(f"{kind}_sla_state", sa.String(length=16)))
        op.add_column("ticket", sa.Column(f"{kind}_business_seconds", sa.Integer()))
    op.execute(
        "UPDATE ticket SET "
        f"response_sla_state = {_clock('state', 'response')}, "
        f"resolution_sla_state = {_clock('state', 'resolution')}, "
        f"response_business_seconds = {_clock('business_elapsed_seconds', 'response')}, "
        f"resolution_business_seconds = {_clock('business_elapsed_seconds', 'resolution')}"
    )
    op.drop_index("ix_ticket_client_id_created_at", table_name="ticket")
    op.drop_index("ix_ticket_merged_into_id_created_at", table_name="ticket")
    op.drop_index("ix_ticket_client_id_closed_at", table_name="ticket")
    op.drop_index("ix_ticket_closed_at", table_name="ticket")
    op.create_index(
        "ix_ticket_report_client",
        "ticket",
        ["client_id", "created_at", *_CARRIED, "asset_id", "contact_id"],
    )
    op.create_index("ix_ticket_report_desk", "ticket", ["created_at", "client_id", *_CARRIED])
    # A ticket's merged duplicates. Partial, so that SQLite, which plans without statistics,
    # never takes it for a period's "not merged" filter instead of a report index.
    merged = sa.text("merged_into_id IS NOT NULL")
    op.create_index(
        "ix_ticket_merged_into_id",
        "ticket",
        ["merged_into_id"],
        sqlite_where=merged,
        postgresql_where=merged,
    )
    op.create_index(
        "ix_ticket_report_client_closed",
        "ticket",
        ["client_id", "closed_at", "merged_into_id", "id"],
    )
    op.create_index(
        "ix_ticket_report_closed", "ticket", ["closed_at", "merged_into_id", "client_id", "id"]
    )
    # Escalations of a period's tickets are found from the events since the period began.
    op.create_index(op.f("ix_ticket_event_kind_at"), "ticket_event", ["kind", "at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_ticket_event_kind_at"), table_name="ticket_event")
    for name in (
        "ix_ticket_merged_into_id",
        "ix_ticket_report_closed",
        "ix_ticket_report_client_closed",
        "ix_ticket_report_desk",
        "ix_ticket_report_client",
    ):
        op.drop_index(name, table_name="ticket")
    op.create_index(op.f("ix_ticket_closed_at"), "ticket", ["closed_at"])
    op.create_index(op.f("ix_ticket_client_id_closed_at"), "ticket", ["client_id", "closed_at"])
    op.create_index(
        op.f("ix_ticket_merged_into_id_created_at"), "ticket", ["merged_into_id", "created_at"]
    )
    op.create_index(op.f("ix_ticket_client_id_created_at"), "ticket", ["client_id", "created_at"])
    # Plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): a batch copy of the ticket table would
    # have to drop a table other tables' foreign keys point at.
    for column in (
        "resolution_business_seconds",
        "response_business_seconds",
        "resolution_sla_state",
        "response_sla_state",
    ):
        op.drop_column("ticket", column)
