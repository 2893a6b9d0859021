"""Client onboarding: the data-capture form's sections and drafts, the ten-business-day checklist,
caller-verification secrets (hashed), connectivity results and recorded approvals on tickets.

A section is stored as one validated JSON document; the parts other screens query (sites, contact
roles, contracts) are also written to their own tables when the section is saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class OnboardingSection(Base):
    """The last saved, valid version of one data-capture section of one client."""

    __tablename__ = "onboarding_section"
    __table_args__ = (Index(None, "client_id", "section", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    #: A key of app.services.onboarding_spec.SECTIONS ("company", "servers", ...).
    section: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class OnboardingDraft(Base):
    """What one technician typed into a section and did not save yet, exactly as typed.

    Written a moment after each edit so a crash or a closed window loses nothing; deleted when
    that technician saves the section or discards the draft.
    """

    __tablename__ = "onboarding_draft"
    # One per technician: a colleague's autosave or save never replaces or deletes my typing.
    __table_args__ = (Index(None, "client_id", "section", "technician_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    section: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: The section version the draft started from (None: the section was never saved).
    base_version: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    technician_id: Mapped[int] = mapped_column(ForeignKey("technician.id"))


class OnboardingStep(Base):
    """One step of a client's onboarding checklist with its due date on the MSP's calendar."""

    __tablename__ = "onboarding_step"
    __table_args__ = (Index(None, "client_id", "position", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    position: Mapped[int] = mapped_column(Integer)
    #: Template key ("call", "data_capture", ..., "go_live") or "custom".
    key: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    #: Business days of the cycle the step spans (1-based, day 1 = start date).
    first_day: Mapped[int] = mapped_column(Integer)
    last_day: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date] = mapped_column(Date)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CallerSecret(Base):
    """A caller-verification secret on file, stored only as an Argon2id PHC hash.

    `contact_id` None is the client-wide PIN; otherwise the contact's own PIN or answer.
    """

    __tablename__ = "caller_secret"
    __table_args__ = (Index(None, "client_id", "contact_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    #: pin or question.
    kind: Mapped[str] = mapped_column(String(16))
    #: The security question shown to the technician ("" for a PIN).
    question: Mapped[str] = mapped_column(String(300), default="")
    phc: Mapped[str] = mapped_column(String(200))
    set_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))


class ConnectivityCheck(Base):
    """The result of testing one remote-connectivity method of a client ("last verified")."""

    __tablename__ = "connectivity_check"
    __table_args__ = (Index(None, "client_id", "method_key", "checked_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    #: The stable `key` of the method's row in the remote section.
    method_key: Mapped[str] = mapped_column(String(36))
    #: ok or failed.
    outcome: Mapped[str] = mapped_column(String(16))
    #: manual, or the automatic test that ran (tcp, rdp, ssh, winrm).
    how: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(Text, default="")
    checked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))


class TicketApproval(Base):
    """A client's permission for a kind of work on a ticket: who approved, how, recorded by whom."""

    __tablename__ = "ticket_approval"
    __table_args__ = (Index(None, "ticket_id", "work_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    #: The stable `key` of the permission rule's row in the permissions section.
    work_key: Mapped[str] = mapped_column(String(36))
    work: Mapped[str] = mapped_column(String(200))
    #: approved or refused.
    decision: Mapped[str] = mapped_column(String(16))
    approver_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    approver_name: Mapped[str] = mapped_column(String(200))
    #: phone, email, in_person or written.
    method: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str] = mapped_column(String(200), default="")
    approved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
