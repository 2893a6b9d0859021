"""SLA configuration (calendars, policies, contracts) and each ticket's stored SLA results.

Calendars and policies carry a `version` that every edit bumps, including edits of their child
rows: a ticket's SLA snapshot records the versions it was computed with, and a mismatch marks it
for recomputation (sla.md §8.3, §11).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, str_enum
from app.models.enums import Priority

#: The queue's urgency order puts tickets without a running target after every real due instant.
NO_DUE: Final = dt.datetime(9999, 12, 31, tzinfo=dt.UTC)


class SlaCalendar(Base):
    """Business hours in one time zone, or 24x7; weekly intervals, holidays and overrides."""

    __tablename__ = "sla_calendar"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64))
    always_open: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Country and subdivision the holidays were last seeded from ("PL", "US" + "NY").
    holiday_country: Mapped[str] = mapped_column(String(8), default="")
    holiday_subdiv: Mapped[str] = mapped_column(String(16), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SlaCalendarInterval(Base):
    """One weekly working interval; `end <= start` is an overnight interval (sla.md V3)."""

    __tablename__ = "sla_calendar_interval"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("sla_calendar.id"), index=True)
    #: 0 = Monday.
    weekday: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(8))
    end: Mapped[str] = mapped_column(String(8))


class SlaCalendarHoliday(Base):
    """A local date on which the weekly hours do not apply."""

    __tablename__ = "sla_calendar_holiday"
    __table_args__ = (Index(None, "calendar_id", "local_date", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("sla_calendar.id"))
    local_date: Mapped[dt.date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(200), default="")
    #: "manual" or "holidays:PL@0.109" (sla.md §14).
    source: Mapped[str] = mapped_column(String(64), default="manual")


class SlaCalendarOverride(Base):
    """A local date with its own intervals: closed (`[]`), a half day, an extra working day."""

    __tablename__ = "sla_calendar_override"
    __table_args__ = (Index(None, "calendar_id", "local_date", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("sla_calendar.id"))
    local_date: Mapped[dt.date] = mapped_column(Date)
    #: [["08:00", "12:00"], ...]
    intervals: Mapped[list[list[str]]] = mapped_column(JSON)
    name: Mapped[str] = mapped_column(String(200), default="")


class SlaPolicy(Base):
    """Targets per priority on one calendar, with pause rules and escalation levels."""

    __tablename__ = "sla_policy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("sla_calendar.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: The global default: applies when a client has neither contract nor default policy.
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Status categories that pause clocks, e.g. ["waiting_customer", "waiting_third_party"].
    pause_categories: Mapped[list[str]] = mapped_column(JSON)
    #: Which clocks those statuses pause: a subset of ["resolution", "update"].
    pause_applies_to: Mapped[list[str]] = mapped_column(JSON)
    ack_counts_as_response: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SlaTarget(Base):
    __tablename__ = "sla_target"
    __table_args__ = (Index(None, "policy_id", "priority", "kind", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("sla_policy.id"))
    priority: Mapped[Priority] = mapped_column(str_enum(Priority, 2))
    #: response, resolution or update.
    kind: Mapped[str] = mapped_column(String(16))
    #: minutes, hours or business_days_end.
    unit: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Integer)
    warn_before_seconds: Mapped[int | None] = mapped_column(Integer)
    warn_at_percent: Mapped[int | None] = mapped_column(Integer)


class SlaLevel(Base):
    """An escalation level: at a signed business-time offset from due, perform `actions`."""

    __tablename__ = "sla_level"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("sla_policy.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    offset_seconds: Mapped[int] = mapped_column(Integer)
    #: ["notify_assignee", "raise_priority", ...] (app.sla.policy.LevelAction values).
    actions: Mapped[list[str]] = mapped_column(JSON)
    #: Destination of a "reassign_queue" action.
    queue_id: Mapped[int | None] = mapped_column(ForeignKey("queue.id"))


class Contract(Base):
    """A client's service contract; its policy governs tickets created while it is valid."""

    __tablename__ = "contract"
    __table_args__ = (Index(None, "client_id", "valid_from"), Index(None, "number_key"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    policy_id: Mapped[int] = mapped_column(ForeignKey("sla_policy.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: The contract number callers quote; unique per client, not across clients ("" = none).
    number: Mapped[str] = mapped_column(String(100), default="")
    number_key: Mapped[str] = mapped_column(String(100), default="")
    #: Highest support tier the MSP provides under it (domain.md §1.1: L0 only … up to L3).
    max_tier: Mapped[str] = mapped_column(String(2), default="L3")
    on_site: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Prepaid block hours, in minutes (S12); None = no block of hours.
    prepaid_minutes: Mapped[int | None] = mapped_column(Integer)
    #: Exclusion reason codes of domain.md §4.1 that apply under this contract.
    exclusions: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: First and last day of validity, local dates in the client's time zone; no end = open-ended.
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


#: A met clock without its business time: met before migration 0009 measured it.
_UNMEASURED = "met_at IS NOT NULL AND business_elapsed_seconds IS NULL"


class TicketSla(Base):
    """One SLA clock of one ticket: the snapshot it is measured against and its latest result."""

    __tablename__ = "ticket_sla"
    __table_args__ = (
        Index(None, "ticket_id", "kind", unique=True),
        # The sweep's "what falls due next" scans.
        Index(None, "state", "due_at"),
        Index(None, "calendar_id", "state"),
        Index(None, "policy_id", "state"),
        # The sweep's search for clocks met before migration 0009 (partial: empty once they are
        # measured, so the minute sweep does not scan every clock).
        Index(
            "ix_ticket_sla_unmeasured",
            "id",
            sqlite_where=text(_UNMEASURED),
            postgresql_where=text(_UNMEASURED),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    kind: Mapped[str] = mapped_column(String(16))
    policy_id: Mapped[int] = mapped_column(ForeignKey("sla_policy.id"))
    policy_version: Mapped[int] = mapped_column(Integer)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("sla_calendar.id"))
    calendar_version: Mapped[int] = mapped_column(Integer)
    priority: Mapped[Priority] = mapped_column(str_enum(Priority, 2))
    start_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    target_seconds: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    warn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    #: running, paused, warning, breached, met or cancelled (app.sla.engine.TargetState).
    state: Mapped[str] = mapped_column(String(16))
    met_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    #: The missed due instant; kept through reopen and recomputation once recorded.
    breached_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    breach_justification: Mapped[str] = mapped_column(Text, default="")
    paused_business_seconds: Mapped[int] = mapped_column(Integer, default=0)
    reopen_business_seconds: Mapped[int] = mapped_column(Integer, default=0)
    business_overrun_seconds: Mapped[int] = mapped_column(Integer, default=0)
    #: Business seconds from start to met, waits left out (reports' median / 90th percentile);
    #: None until met.
    business_elapsed_seconds: Mapped[int | None] = mapped_column(Integer)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    #: Business seconds left when the clock paused (shown while paused).
    remaining_seconds: Mapped[int | None] = mapped_column(Integer)
    #: When the assignee was told of the warning / of the breach (each once).
    warning_notified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    breach_notified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    computed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class TicketSlaLevel(Base):
    """An escalation level's instant for one ticket clock, and when it fired (at most once)."""

    __tablename__ = "ticket_sla_level"
    __table_args__ = (
        Index(None, "ticket_sla_id", "level_id", unique=True),
        Index(None, "fired_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_sla_id: Mapped[int] = mapped_column(ForeignKey("ticket_sla.id"))
    level_id: Mapped[int] = mapped_column(ForeignKey("sla_level.id"), index=True)
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    fired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class SlaNotification(Base):
    """A message for one technician (warning, breach, escalation), shown once by their app."""

    __tablename__ = "sla_notification"
    __table_args__ = (Index(None, "technician_id", "seen_at", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("technician.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), index=True)
    #: warning, breach or escalation.
    reason: Mapped[str] = mapped_column(String(16))
    #: response, resolution or update.
    target_kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
