"""Ticket desk foundation: technicians, queues, clients, sites, contacts, tickets, events, time.

Revision ID: 0001
Revises:
Create Date: 2026-12-01 19:35:20.733168
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "onboarding",
                "live",
                "notice",
                "ended",
                name="clientstatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
        sa.UniqueConstraint("code", name=op.f("uq_client_code")),
        sa.UniqueConstraint("name", name=op.f("uq_client_name")),
    )
    op.create_table(
        "queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "tier",
            sa.Enum("L0", "L1", "L2", "L3", name="tier", native_enum=False, length=4),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue")),
        sa.UniqueConstraint("name", name=op.f("uq_queue_name")),
    )
    op.create_table(
        "site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_site_client_id_client")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site")),
    )
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_site_client_id"), ["client_id"], unique=False)

    op.create_table(
        "technician",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column(
            "tier",
            sa.Enum("L0", "L1", "L2", "L3", name="tier", native_enum=False, length=4),
            nullable=False,
        ),
        sa.Column(
            "role",
            sa.Enum("admin", "technician", "read_only", name="role", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("queue_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["queue_id"], ["queue.id"], name=op.f("fk_technician_queue_id_queue")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_technician")),
        sa.UniqueConstraint("email", name=op.f("uq_technician_email")),
    )
    with op.batch_alter_table("technician", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_technician_queue_id"), ["queue_id"], unique=False)

    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("job_title", sa.String(length=200), nullable=False),
        sa.Column("vip", sa.Boolean(), nullable=False),
        sa.Column("escalation_contact", sa.Boolean(), nullable=False),
        sa.Column("authorised_approver", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_contact_client_id_client")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_contact_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_client_id_name"), ["client_id", "name"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_site_id"), ["site_id"], unique=False)

    op.create_table(
        "ticket",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "incident",
                "service_request",
                "change",
                "problem",
                name="tickettype",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("category", sa.String(length=200), nullable=False),
        sa.Column(
            "priority",
            sa.Enum("P1", "P2", "P3", "P4", name="priority", native_enum=False),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "assigned",
                "in_progress",
                "waiting_customer",
                "waiting_third_party",
                "resolved",
                "closed",
                "cancelled",
                name="status",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "status_category",
            sa.Enum(
                "new",
                "open",
                "waiting_customer",
                "waiting_third_party",
                "resolved",
                "closed",
                name="statuscategory",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column(
            "tier", sa.Enum("L0", "L1", "L2", "L3", name="tier", native_enum=False), nullable=False
        ),
        sa.Column("queue_id", sa.Integer(), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column(
            "source",
            sa.Enum(
                "phone",
                "email",
                "portal",
                "walk_in",
                "monitoring",
                name="sourcechannel",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("occurs_when_where", sa.Text(), nullable=False),
        sa.Column("occurs_circumstances", sa.Text(), nullable=False),
        sa.Column("not_occurs_circumstances", sa.Text(), nullable=False),
        sa.Column("steps_tried", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["technician.id"], name=op.f("fk_ticket_assignee_id_technician")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_ticket_client_id_client")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_ticket_contact_id_contact")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["technician.id"], name=op.f("fk_ticket_created_by_id_technician")
        ),
        sa.ForeignKeyConstraint(["queue_id"], ["queue.id"], name=op.f("fk_ticket_queue_id_queue")),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["technician.id"], name=op.f("fk_ticket_updated_by_id_technician")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket")),
    )
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ticket_assignee_id_is_open_priority_id"),
            ["assignee_id", "is_open", "priority", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_is_open_tier_assignee_id_priority_id"),
            ["is_open", "tier", "assignee_id", "priority", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_client_id_updated_at_id"),
            ["client_id", "updated_at", "id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_ticket_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_ticket_created_at_id"), ["created_at", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_is_open_priority_id"), ["is_open", "priority", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_queue_id_is_open_priority_id"),
            ["queue_id", "is_open", "priority", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_status_category_updated_at_id"),
            ["status_category", "updated_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_ticket_updated_at_id"), ["updated_at", "id"], unique=False
        )

    op.create_table(
        "ticket_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "created",
                "status_changed",
                "assigned",
                "priority_changed",
                "tier_changed",
                "queue_changed",
                "fields_changed",
                "public_reply",
                "internal_note",
                "phone_call",
                "escalation",
                name="eventkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("old_value", sa.String(length=300), nullable=False),
        sa.Column("new_value", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("call_reference", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["technician.id"], name=op.f("fk_ticket_event_actor_id_technician")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_ticket_event_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_event")),
    )
    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ticket_event_ticket_id_at_id"), ["ticket_id", "at", "id"], unique=False
        )

    op.create_table(
        "time_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("billable", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["technician_id"],
            ["technician.id"],
            name=op.f("fk_time_entry_technician_id_technician"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_time_entry_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_entry")),
    )
    with op.batch_alter_table("time_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_time_entry_technician_id"), ["technician_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_time_entry_ticket_id_started_at_id"),
            ["ticket_id", "started_at", "id"],
            unique=False,
        )


def downgrade() -> None:

    with op.batch_alter_table("time_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_time_entry_ticket_id_started_at_id"))
        batch_op.drop_index(batch_op.f("ix_time_entry_technician_id"))

    op.drop_table("time_entry")
    with op.batch_alter_table("ticket_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_event_ticket_id_at_id"))

    op.drop_table("ticket_event")
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_updated_at_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_status_category_updated_at_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_queue_id_is_open_priority_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_is_open_priority_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_created_at_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_contact_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_client_id_updated_at_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_is_open_tier_assignee_id_priority_id"))
        batch_op.drop_index(batch_op.f("ix_ticket_assignee_id_is_open_priority_id"))

    op.drop_table("ticket")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_site_id"))
        batch_op.drop_index(batch_op.f("ix_contact_client_id_name"))

    op.drop_table("contact")
    with op.batch_alter_table("technician", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_technician_queue_id"))

    op.drop_table("technician")
    with op.batch_alter_table("site", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_site_client_id"))

    op.drop_table("site")
    op.drop_table("queue")
    op.drop_table("client")
