"""What tickets carry beyond their fields: links, change and problem records, vendor cases,
bulk actions (for undo) and CSAT responses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class TicketLink(Base):
    """A directed link between two tickets.

    Kinds: `related` (either way), `caused_by` (an incident → the problem behind it),
    `duplicate_of`, `child_of`. A merge writes `merged_into` links.
    """

    __tablename__ = "ticket_link"
    __table_args__ = (
        Index(None, "source_id", "target_id", "kind", unique=True),
        Index(None, "target_id", "kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    target_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))


class ChangePlan(Base):
    """The change record of a `change` ticket: plans, risk and the scheduled window."""

    __tablename__ = "change_plan"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), primary_key=True)
    #: draft, awaiting_approval, approved, rejected, in_progress, implemented, rolled_back.
    state: Mapped[str] = mapped_column(String(20), default="draft")
    risk: Mapped[str] = mapped_column(String(10), default="low")
    implementation_plan: Mapped[str] = mapped_column(Text, default="")
    rollback_plan: Mapped[str] = mapped_column(Text, default="")
    test_plan: Mapped[str] = mapped_column(Text, default="")
    window_start: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    window_end: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ChangeApproval(Base):
    """One approval step of a change, decided in `step` order."""

    __tablename__ = "change_approval"
    __table_args__ = (Index(None, "ticket_id", "step", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("change_plan.ticket_id"))
    step: Mapped[int] = mapped_column(Integer)
    #: Who must approve: a technician (MSP side) or a client contact (name kept as typed).
    approver_technician_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    approver_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    approver_name: Mapped[str] = mapped_column(String(200))
    #: pending, approved or rejected.
    decision: Mapped[str] = mapped_column(String(16), default="pending")
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class ProblemRecord(Base):
    """The problem record of a `problem` ticket (K8): root cause, workaround, known error."""

    __tablename__ = "problem_record"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), primary_key=True)
    root_cause: Mapped[str] = mapped_column(Text, default="")
    workaround: Mapped[str] = mapped_column(Text, default="")
    known_error: Mapped[bool] = mapped_column(Boolean, default=False)
    known_error_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class VendorCase(Base):
    """A case the desk opened with a third-party resolver for a ticket (T12)."""

    __tablename__ = "vendor_case"
    __table_args__ = (
        Index(None, "ticket_id", "opened_at"),
        Index(None, "closed_at", "follow_up_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    #: The vendor as named on the client's vendor list (escalation section), and its row key.
    vendor: Mapped[str] = mapped_column(String(200))
    vendor_key: Mapped[str] = mapped_column(String(36), default="")
    reference: Mapped[str] = mapped_column(String(100))
    vendor_contact: Mapped[str] = mapped_column(String(200), default="")
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    #: When to chase the vendor next; the sweep reminds the assignee once per instant.
    follow_up_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    reminded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")


class BulkAction(Base):
    """One bulk change on the queue, with what each ticket held before (for undo)."""

    __tablename__ = "bulk_action"
    __table_args__ = (Index(None, "actor_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("technician.id"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    #: assign, status or priority.
    kind: Mapped[str] = mapped_column(String(16))
    new_value: Mapped[str] = mapped_column(String(100))
    #: {ticket id: {"old": stored value, "version": version after the change}}.
    before: Mapped[dict[str, Any]] = mapped_column(JSON)
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class CsatResponse(Base):
    """The requester's satisfaction with a closed ticket (C6): a score, or sent / declined."""

    __tablename__ = "csat_response"
    __table_args__ = (Index(None, "client_id", "recorded_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"), index=True)
    #: answered, sent or declined.
    state: Mapped[str] = mapped_column(String(16))
    score: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    #: phone, email or in_person (how an answer was taken).
    channel: Mapped[str] = mapped_column(String(16), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
