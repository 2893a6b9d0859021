"""SLA: calendars, policies, contracts, each ticket's clocks and levels, notifications.

Also: queue leads, clients' default policies, the queue's urgency-order columns on ticket, and
the `public` flag on ticket events (public replies and calls count as SLA responses).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 21:16:51.786222
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import UTCDateTime

#: app.models.sla.NO_DUE, frozen here as revisions must not change with the models.
NO_DUE = dt.datetime(9999, 12, 31, tzinfo=dt.UTC)


revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sla_calendar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("always_open", sa.Boolean(), nullable=False),
        sa.Column("holiday_country", sa.String(length=8), nullable=False),
        sa.Column("holiday_subdiv", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_calendar")),
        sa.UniqueConstraint("name", name=op.f("uq_sla_calendar_name")),
    )
    op.create_table(
        "sla_calendar_holiday",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["calendar_id"],
            ["sla_calendar.id"],
            name=op.f("fk_sla_calendar_holiday_calendar_id_sla_calendar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_calendar_holiday")),
    )
    with op.batch_alter_table("sla_calendar_holiday", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sla_calendar_holiday_calendar_id_local_date"),
            ["calendar_id", "local_date"],
            unique=True,
        )

    op.create_table(
        "sla_calendar_interval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start", sa.String(length=8), nullable=False),
        sa.Column("end", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["calendar_id"],
            ["sla_calendar.id"],
            name=op.f("fk_sla_calendar_interval_calendar_id_sla_calendar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_calendar_interval")),
    )
    with op.batch_alter_table("sla_calendar_interval", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sla_calendar_interval_calendar_id"), ["calendar_id"], unique=False
        )

    op.create_table(
        "sla_calendar_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("intervals", sa.JSON(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["calendar_id"],
            ["sla_calendar.id"],
            name=op.f("fk_sla_calendar_override_calendar_id_sla_calendar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_calendar_override")),
    )
    with op.batch_alter_table("sla_calendar_override", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sla_calendar_override_calendar_id_local_date"),
            ["calendar_id", "local_date"],
            unique=True,
        )

    op.create_table(
        "sla_policy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("calendar_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("pause_categories", sa.JSON(), nullable=False),
        sa.Column("pause_applies_to", sa.JSON(), nullable=False),
        sa.Column("ack_counts_as_response", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["calendar_id"],
            ["sla_calendar.id"],
            name=op.f("fk_sla_policy_calendar_id_sla_calendar"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_policy")),
        sa.UniqueConstraint("name", name=op.f("uq_sla_policy_name")),
    )
    with op.batch_alter_table("sla_policy", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sla_policy_calendar_id"), ["calendar_id"], unique=False
        )

    op.create_table(
        "sla_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("offset_seconds", sa.Integer(), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("queue_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["sla_policy.id"], name=op.f("fk_sla_level_policy_id_sla_policy")
        ),
        sa.ForeignKeyConstraint(
            ["queue_id"], ["queue.id"], name=op.f("fk_sla_level_queue_id_queue")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_level")),
    )
    with op.batch_alter_table("sla_level", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sla_level_policy_id"), ["policy_id"], unique=False)

    op.create_table(
        "sla_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column(
            "priority",
            sa.Enum("P1", "P2", "P3", "P4", name="priority", native_enum=False),
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("warn_before_seconds", sa.Integer(), nullable=True),
        sa.Column("warn_at_percent", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["sla_policy.id"], name=op.f("fk_sla_target_policy_id_sla_policy")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_target")),
    )
    with op.batch_alter_table("sla_target", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sla_target_policy_id_priority_kind"),
            ["policy_id", "priority", "kind"],
            unique=True,
        )

    op.create_table(
        "contract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_contract_client_id_client")
        ),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["sla_policy.id"], name=op.f("fk_contract_policy_id_sla_policy")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract")),
    )
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_client_id_valid_from"),
            ["client_id", "valid_from"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_contract_policy_id"), ["policy_id"], unique=False)

    op.create_table(
        "sla_notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technician.id"],
            name=op.f("fk_sla_notification_technician_id_technician"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_sla_notification_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_notification")),
    )
    with op.batch_alter_table("sla_notification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sla_notification_technician_id_seen_at_id"),
            ["technician_id", "seen_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_sla_notification_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "ticket_sla",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.Integer(), nullable=False),
        sa.Column("calendar_version", sa.Integer(), nullable=False),
        sa.Column(
            "priority",
            sa.Enum("P1", "P2", "P3", "P4", name="priority", native_enum=False),
            nullable=False,
        ),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("target_seconds", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("warn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("met_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("breached_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("breach_justification", sa.Text(), nullable=False),
        sa.Column("paused_business_seconds", sa.Integer(), nullable=False),
        sa.Column("reopen_business_seconds", sa.Integer(), nullable=False),
        sa.Column("business_overrun_seconds", sa.Integer(), nullable=False),
        sa.Column("reopen_count", sa.Integer(), nullable=False),
        sa.Column("remaining_seconds", sa.Integer(), nullable=True),
        sa.Column("warning_notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("breach_notified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["calendar_id"],
            ["sla_calendar.id"],
            name=op.f("fk_ticket_sla_calendar_id_sla_calendar"),
        ),
        sa.ForeignKeyConstraint(
            ["policy_id"], ["sla_policy.id"], name=op.f("fk_ticket_sla_policy_id_sla_policy")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_ticket_sla_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_sla")),
    )
    with op.batch_alter_table("ticket_sla", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ticket_sla_calendar_id_state"), ["calendar_id", "state"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_sla_policy_id_state"), ["policy_id", "state"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_sla_state_due_at"), ["state", "due_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_sla_ticket_id_kind"), ["ticket_id", "kind"], unique=True
        )

    op.create_table(
        "ticket_sla_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_sla_id", sa.Integer(), nullable=False),
        sa.Column("level_id", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["level_id"], ["sla_level.id"], name=op.f("fk_ticket_sla_level_level_id_sla_level")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_sla_id"],
            ["ticket_sla.id"],
            name=op.f("fk_ticket_sla_level_ticket_sla_id_ticket_sla"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_sla_level")),
    )
    with op.batch_alter_table("ticket_sla_level", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ticket_sla_level_fired_at_due_at"), ["fired_at", "due_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_sla_level_level_id"), ["level_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_sla_level_ticket_sla_id_level_id"),
            ["ticket_sla_id", "level_id"],
            unique=True,
        )

    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sla_policy_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_client_sla_policy_id_sla_policy"),
            "sla_policy",
            ["sla_policy_id"],
            ["id"],
        )

    with op.batch_alter_table("queue", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lead_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_queue_lead_id_technician"), "technician", ["lead_id"], ["id"]
        )

    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("response_due_order", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("resolve_due_order", sa.DateTime(timezone=True), nullable=True)
        )
    ticket = sa.table(
        "ticket",
        sa.column("response_due_order", UTCDateTime()),
        sa.column("resolve_due_order", UTCDateTime()),
    )
    # Bound through the column type, so SQLite stores the sentinel in the form the app writes.
    op.execute(ticket.update().values(response_due_order=NO_DUE, resolve_due_order=NO_DUE))
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.alter_column(
            "response_due_order", existing_type=sa.DateTime(timezone=True), nullable=False
        )
        batch_op.alter_column(
            "resolve_due_order", existing_type=sa.DateTime(timezone=True), nullable=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_is_open_resolve_due_order_id"),
            ["is_open", "resolve_due_order", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_is_open_response_due_order_id"),
            ["is_open", "response_due_order", "id"],
            unique=False,
        )
    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("public", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # Replies were always public; calls so far were all with the requester.
    op.execute("UPDATE ticket_event SET public = TRUE WHERE kind IN ('public_reply', 'phone_call')")
    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.alter_column("public", existing_type=sa.Boolean(), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.drop_column("public")

    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_is_open_response_due_order_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_is_open_resolve_due_order_id"))
        batch_op.drop_column("resolve_due_order")
        batch_op.drop_column("response_due_order")

    with op.batch_alter_table("queue", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_queue_lead_id_technician"), type_="foreignkey")
        batch_op.drop_column("lead_id")

    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_client_sla_policy_id_sla_policy"), type_="foreignkey"
        )
        batch_op.drop_column("sla_policy_id")

    with op.batch_alter_table("ticket_sla_level", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_sla_level_ticket_sla_id_level_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_sla_level_level_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_sla_level_fired_at_due_at"))

    op.drop_table("ticket_sla_level")
    with op.batch_alter_table("ticket_sla", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_sla_ticket_id_kind"))
        batch_op.drop_index(batch_op.f("ix_ticket_sla_state_due_at"))
        batch_op.drop_index(batch_op.f("ix_ticket_sla_policy_id_state"))
        batch_op.drop_index(batch_op.f("ix_ticket_sla_calendar_id_state"))

    op.drop_table("ticket_sla")
    with op.batch_alter_table("sla_notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sla_notification_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_sla_notification_technician_id_seen_at_id"))

    op.drop_table("sla_notification")
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_policy_id"))
        batch_op.drop_index(batch_op.f("ix_contract_client_id_valid_from"))

    op.drop_table("contract")
    with op.batch_alter_table("sla_target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sla_target_policy_id_priority_kind"))

    op.drop_table("sla_target")
    with op.batch_alter_table("sla_level", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sla_level_policy_id"))

    op.drop_table("sla_level")
    with op.batch_alter_table("sla_policy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sla_policy_calendar_id"))

    op.drop_table("sla_policy")
    with op.batch_alter_table("sla_calendar_override", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sla_calendar_override_calendar_id_local_date"))

    op.drop_table("sla_calendar_override")
    with op.batch_alter_table("sla_calendar_interval", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sla_calendar_interval_calendar_id"))

    op.drop_table("sla_calendar_interval")
    with op.batch_alter_table("sla_calendar_holiday", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sla_calendar_holiday_calendar_id_local_date"))

    op.drop_table("sla_calendar_holiday")
    op.drop_table("sla_calendar")
