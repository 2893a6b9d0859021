"""What a client is entitled to: covered devices (assets) and licensed products.

Together with `Contract` these answer the intake question "is this caller or device covered, and
at which level?" (domain.md §2.2 step 3, S11). Serials and licence keys are stored twice: as typed,
and normalised (`normalise_key`) in an indexed column the lookup compares against, so
"5CG-1234 abc" finds "5cg1234ABC".
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime

_SEPARATORS = re.compile(r"[\s\-_./:]+")


def normalise_key(text: str) -> str:
    """An entitlement key as the lookup compares it: upper case, without spaces or separators."""
    return _SEPARATORS.sub("", text).upper()


class Asset(Base):
    """A device of a client, identified by its serial number (or asset tag)."""

    __tablename__ = "asset"
    __table_args__ = (
        Index(None, "serial_key"),
        Index(None, "tag_key"),
        Index(None, "client_id", "serial_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    #: The contract covering the device; None = not covered by any contract.
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"), index=True)
    #: The end user the device belongs to, when known.
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"), index=True)
    serial: Mapped[str] = mapped_column(String(100))
    serial_key: Mapped[str] = mapped_column(String(100))
    asset_tag: Mapped[str] = mapped_column(String(100), default="")
    tag_key: Mapped[str] = mapped_column(String(100), default="")
    #: Hardware type: workstation, laptop, server, network, printer, phone or other.
    kind: Mapped[str] = mapped_column(String(20), default="other")
    #: Make and model, or the product running on it ("Dell Latitude 7440").
    description: Mapped[str] = mapped_column(String(200), default="")
    #: Covered until (local date, inclusive); None = as long as the contract.
    covered_until: Mapped[dt.date | None] = mapped_column(Date)
    #: The stable `key` of the onboarding form row it came from ("" = imported).
    form_key: Mapped[str] = mapped_column(String(36), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Licence(Base):
    """A product the client licences: seats bought vs in use, and an optional licence key."""

    __tablename__ = "licence"
    __table_args__ = (Index(None, "key_norm"), Index(None, "client_id", "product"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"), index=True)
    product: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(50), default="")
    #: Licence or subscription key as the client gave it ("" = none); never a secret here.
    licence_key: Mapped[str] = mapped_column(String(200), default="")
    key_norm: Mapped[str] = mapped_column(String(200), default="")
    seats_bought: Mapped[int | None] = mapped_column(Integer)
    seats_used: Mapped[int | None] = mapped_column(Integer)
    #: The stable `key` of the onboarding form row it came from ("" = imported).
    form_key: Mapped[str] = mapped_column(String(36), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
