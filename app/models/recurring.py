"""Recurring tickets (T19): a schedule and a ticket template; the sweep creates each occurrence
once, guarded by a unique (schedule, due instant) row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class RecurringTicket(Base):
    """Create a ticket from `template` every `every` days, weeks or months.

    `template` holds the ticket fields (subject, description, type, category, priority, tier,
    queue_id, assignee_id, contact_id). `weekdays` (0 = Monday) pick the days of a weekly
    schedule; `day_of_month` that of a monthly one (clamped to short months); `at_time` is the
    local time of day in the client's time zone.
    """

    __tablename__ = "recurring_ticket"
    __table_args__ = (Index(None, "active", "next_run_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    template: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: daily, weekly or monthly.
    frequency: Mapped[str] = mapped_column(String(10))
    every: Mapped[int] = mapped_column(Integer, default=1)
    weekdays: Mapped[list[int]] = mapped_column(JSON, default=list)
    day_of_month: Mapped[int | None] = mapped_column(Integer)
    at_time: Mapped[str] = mapped_column(String(5), default="08:00")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: The next occurrence's instant (UTC); None once the schedule has ended.
    next_run_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class RecurringRun(Base):
    """One occurrence of a schedule; the unique index makes a second sweep's insert fail."""

    __tablename__ = "recurring_run"
    __table_args__ = (Index(None, "recurring_id", "due_at", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recurring_id: Mapped[int] = mapped_column(ForeignKey("recurring_ticket.id"))
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
