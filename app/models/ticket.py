"""Tickets, their append-only history events and their time entries."""

from __future__ import annotations

import datetime as dt
from typing import Final

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, str_enum
from app.models.enums import (
    EventKind,
    Priority,
    SourceChannel,
    Status,
    StatusCategory,
    TicketType,
    Tier,
)
from app.models.sla import NO_DUE

#: Prefix of the human ticket number, e.g. "T-000123".
NUMBER_PREFIX = "T-"


def format_number(ticket_id: int) -> str:
    """The human ticket number for a ticket id."""
    return f"{NUMBER_PREFIX}{ticket_id:06d}"


#: What the report indexes carry after their leading columns, in this order (see `Ticket`).
REPORT_COLUMNS: Final = (
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


_MERGED: Final = "merged_into_id IS NOT NULL"


class Ticket(Base):
    """A unit of work for the desk: incident, service request, change or problem.

    `status_category` and `is_open` are stored copies of what `status` implies, kept in step by
    `set_status()`, because the queue's indexes need them as plain columns.
    """

    __tablename__ = "ticket"
    __table_args__ = (
        Index(None, "is_open", "priority", "id"),
        Index(None, "assignee_id", "is_open", "priority", "id"),
        # "Unassigned L1" and tier queues: equality on all three, then already in priority order.
        Index(None, "is_open", "tier", "assignee_id", "priority", "id"),
        Index(None, "queue_id", "is_open", "priority", "id"),
        Index(None, "status_category", "updated_at", "id"),
        Index(None, "client_id", "updated_at", "id"),
        # Reports read a period's tickets from these alone (index-only): a client's tickets
        # opened in it, every client's, and those closed in it.
        # (Recurring issues group a client's period by device and contact too.)
        Index(
            "ix_ticket_report_client",
            "client_id",
            "created_at",
            *REPORT_COLUMNS,
            "asset_id",
            "contact_id",
        ),
        Index("ix_ticket_report_desk", "created_at", "client_id", *REPORT_COLUMNS),
        Index("ix_ticket_report_client_closed", "client_id", "closed_at", "merged_into_id", "id"),
        Index("ix_ticket_report_closed", "closed_at", "merged_into_id", "client_id", "id"),
        Index(None, "updated_at", "id"),
        Index(None, "created_at", "id"),
        Index(None, "contact_id"),
        Index(None, "is_open", "response_due_order", "id"),
        Index(None, "is_open", "resolve_due_order", "id"),
        Index(None, "contract_id"),
        Index(None, "asset_id"),
        # A ticket's merged duplicates. Partial: a period's "not merged" filter cannot pick it
        # over the report indexes (SQLite plans without statistics).
        Index(
            "ix_ticket_merged_into_id",
            "merged_into_id",
            sqlite_where=text(_MERGED),
            postgresql_where=text(_MERGED),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[TicketType] = mapped_column(str_enum(TicketType, 20))
    #: Category path "service › hardware/software type › item" (domain.md §2.4).
    category: Mapped[str] = mapped_column(String(200), default="")
    priority: Mapped[Priority] = mapped_column(str_enum(Priority, 2))
    status: Mapped[Status] = mapped_column(str_enum(Status, 20))
    status_category: Mapped[StatusCategory] = mapped_column(str_enum(StatusCategory, 20))
    is_open: Mapped[bool] = mapped_column(Boolean)
    tier: Mapped[Tier] = mapped_column(str_enum(Tier, 2))
    queue_id: Mapped[int | None] = mapped_column(ForeignKey("queue.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    source: Mapped[SourceChannel] = mapped_column(str_enum(SourceChannel, 16))
    subject: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    #: Structured capture (domain.md §2.2 step 4).
    occurs_when_where: Mapped[str] = mapped_column(Text, default="")
    occurs_circumstances: Mapped[str] = mapped_column(Text, default="")
    not_occurs_circumstances: Mapped[str] = mapped_column(Text, default="")
    steps_tried: Mapped[str] = mapped_column(Text, default="")
    #: The contract the work falls under (set at intake from the entitlement lookup).
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"))
    #: The device the ticket is about.
    asset_id: Mapped[int | None] = mapped_column(ForeignKey("asset.id"))
    #: A routing rule's SLA policy; None = chosen from contract and client (sla.md §8).
    sla_policy_id: Mapped[int | None] = mapped_column(ForeignKey("sla_policy.id"))
    #: The client's own reference for this ticket, when they run their own ticket system.
    client_reference: Mapped[str] = mapped_column(String(100), default="")
    #: Set when the ticket was merged into another one (it is then cancelled).
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    #: Resolution (domain.md §2.7, T14): what fixed it, a resolution code, workaround or not.
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolution_code: Mapped[str] = mapped_column(String(30), default="")
    workaround: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Confirmed with the requester before closing (T15): phone, email, in_person; when; note.
    verified_how: Mapped[str] = mapped_column(String(16), default="")
    verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    verified_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    #: Who saved last: named in the "changed by X at T" conflict message.
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    #: Urgency order of the queue's "Response due" / "Resolve due" columns: the running due
    #: instant, or NO_DUE when the clock is met, paused, cancelled or absent. Copied from
    #: ticket_sla by the SLA service with plain UPDATEs, which leave `version` alone.
    response_due_order: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=NO_DUE)
    resolve_due_order: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=NO_DUE)
    #: The response and resolution clocks' state and business time to meet (ticket_sla's
    #: `state` / `business_elapsed_seconds`; None without that clock), copied by the SLA
    #: service like the due orders so that a period's report figures read this table's
    #: indexes only, never a million clock rows.
    response_sla_state: Mapped[str | None] = mapped_column(String(16))
    resolution_sla_state: Mapped[str | None] = mapped_column(String(16))
    response_business_seconds: Mapped[int | None] = mapped_column(Integer)
    resolution_business_seconds: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    @property
    def number(self) -> str:
        return format_number(self.id)

    def set_status(self, status: Status, now: dt.datetime) -> None:
        """Change the status and everything derived from it (category, open flag, instants)."""
        self.status = status
        self.status_category = status.category
        self.is_open = status.is_open
        if status.category is StatusCategory.RESOLVED:
            self.resolved_at = self.resolved_at or now
            # Reopened from closed to resolved: no longer closed.
            self.closed_at = None
        elif status.category is StatusCategory.CLOSED:
            self.closed_at = self.closed_at or now
        else:
            self.resolved_at = None
            self.closed_at = None


class TicketEvent(Base):
    """One entry on a ticket's history timeline. Rows are inserted, never updated or deleted."""

    __tablename__ = "ticket_event"
    __table_args__ = (
        Index(None, "ticket_id", "at", "id"),
        # Reports: the escalations since a period began.
        Index(None, "kind", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    kind: Mapped[EventKind] = mapped_column(str_enum(EventKind, 24))
    #: For changes: the value before and after, as stored (enum value, id or text).
    old_value: Mapped[str] = mapped_column(String(300), default="")
    new_value: Mapped[str] = mapped_column(String(300), default="")
    #: Note text, reply text, call summary or escalation reason.
    body: Mapped[str] = mapped_column(Text, default="")
    #: Length of a logged phone call.
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    #: Telephony reference or recording id of a logged call (domain.md C8).
    call_reference: Mapped[str] = mapped_column(String(100), default="")
    #: Seen by the requester (public reply, call with the requester): counts as an SLA response.
    public: Mapped[bool] = mapped_column(Boolean, default=False)


class TimeEntry(Base):
    """Time a technician spent on a ticket."""

    __tablename__ = "time_entry"
    # started_at: reports sum a period's time across tickets.
    __table_args__ = (Index(None, "ticket_id", "started_at", "id"), Index(None, "started_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    technician_id: Mapped[int] = mapped_column(ForeignKey("technician.id"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    minutes: Mapped[int] = mapped_column(Integer)
    billable: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
