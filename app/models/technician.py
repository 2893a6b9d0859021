"""Technicians (the app's users) and the queues (teams) tickets are routed to."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, str_enum
from app.models.enums import Role, Tier


class Queue(Base):
    """A team's work queue, e.g. "Service desk" (L1) or "Infrastructure" (L2)."""

    __tablename__ = "queue"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    tier: Mapped[Tier] = mapped_column(str_enum(Tier, 4))
    description: Mapped[str] = mapped_column(String(500), default="")
    #: The team lead, told of SLA warnings and breaches on the queue's tickets.
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id", use_alter=True))
    #: Where "Escalate" sends a ticket from this queue (the next tier's queue); no cycles.
    escalates_to_id: Mapped[int | None] = mapped_column(ForeignKey("queue.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Technician(Base):
    """A person who signs in: technician, lead or admin, on one support tier."""

    __tablename__ = "technician"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    tier: Mapped[Tier] = mapped_column(str_enum(Tier, 4))
    role: Mapped[Role] = mapped_column(str_enum(Role, 16))
    #: Argon2id PHC string; never logged, never leaves the auth service.
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    queue_id: Mapped[int | None] = mapped_column(ForeignKey("queue.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
