"""Clients of the MSP, their sites and their contacts (end users)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, str_enum
from app.models.enums import ClientStatus


class Client(Base):
    """A company the MSP supports under contract."""

    __tablename__ = "client"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: Short code shown in dense lists, e.g. "ACME".
    code: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[ClientStatus] = mapped_column(str_enum(ClientStatus, 16))
    #: IANA zone of the client's business calendar, e.g. "Europe/Brussels".
    timezone: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: The client's default SLA policy, used when no contract is valid (sla.md §8).
    sla_policy_id: Mapped[int | None] = mapped_column(ForeignKey("sla_policy.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    #: First business day of the onboarding cycle and the agreed go-live date.
    onboarding_start: Mapped[dt.date | None] = mapped_column(Date)
    go_live_date: Mapped[dt.date | None] = mapped_column(Date)
    #: Closing a ticket needs "verified with requester" first (domain.md §2.7, T15).
    verify_before_close: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Site(Base):
    """A physical location of a client."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(500), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    #: IANA zone of the site ("" = the client's zone).
    timezone: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Contact(Base):
    """An end user or manager at a client, who calls the desk or is called by it."""

    __tablename__ = "contact"
    __table_args__ = (Index(None, "client_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    authorised_approver: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
