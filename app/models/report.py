"""What the MSP's reports carry about the MSP itself: its name and logo on the cover."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class ReportBranding(Base):
    """The one row of report branding (id 1): absent until an admin sets it."""

    __tablename__ = "report_branding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    msp_name: Mapped[str] = mapped_column(String(200), default="")
    #: PNG or JPEG bytes, checked to be an image when set; None = no logo.
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_name: Mapped[str] = mapped_column(String(255), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
