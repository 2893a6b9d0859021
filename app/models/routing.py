"""Routing rules run on ticket creation, and the checklist templates they can add."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class RoutingRule(Base):
    """Conditions → actions, evaluated in `position` order (domain.md §2.5, T10).

    `conditions` maps a condition name to its allowed values (all named conditions must hold);
    `actions` maps an action name to its value. `stop` ends evaluation after this rule matched
    ("first match wins"); without it the next matching rules apply too.
    """

    __tablename__ = "routing_rule"
    __table_args__ = (Index(None, "active", "position", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    conditions: Mapped[dict[str, Any]] = mapped_column(JSON)
    actions: Mapped[dict[str, Any]] = mapped_column(JSON)
    stop: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ChecklistTemplate(Base):
    """A named list of tasks a rule (or a technician) adds to a ticket (T18)."""

    __tablename__ = "checklist_template"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: The task texts, in order.
    items: Mapped[list[str]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TicketTask(Base):
    """One checklist item on a ticket."""

    __tablename__ = "ticket_task"
    __table_args__ = (Index(None, "ticket_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("checklist_template.id"))
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
