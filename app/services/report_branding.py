"""The MSP's name and logo on report covers (one row, id 1; admins edit it).

Qt-free; every method is one unit of work and may run on any worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import Technician
from app.models.report import ReportBranding
from app.reports.branding import MAX_LOGO_BYTES, LogoError, check_logo
from app.reports.figures import Branding
from app.services.clock import Clock
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.permissions import require_admin

#: The one row's id.
ROW_ID: Final = 1
#: The column widths of `report_branding`.
MAX_NAME: Final = 200
MAX_LOGO_NAME: Final = 255
#: What `save` announces; views showing the branding refresh on it.
CHANGES_KIND: Final = "report_branding"


@dataclass(frozen=True, slots=True)
class BrandingSettings:
    """The branding as an admin edits it. `version` is 0 while nothing was ever saved."""

    msp_name: str
    logo: bytes | None
    logo_name: str
    version: int


class ReportBrandingService:
    """Reads and changes the report branding; any thread."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def branding(self) -> Branding:
        """What the next report prints; an empty name and no logo until an admin sets them."""
        with self._db.read() as s:
            row = s.get(ReportBranding, ROW_ID)
            if row is None:
                return Branding("")
            return Branding(row.msp_name, row.logo)

    def settings(self) -> BrandingSettings:
        """The stored branding with its version, for the edit dialog."""
        with self._db.read() as s:
            return _settings(s.get(ReportBranding, ROW_ID))

    def save(
        self,
        actor_id: int,
        msp_name: str,
        logo: bytes | None,
        logo_name: str,
        *,
        expected_version: int | None,
    ) -> BrandingSettings:
        """Admins only: store the name (trimmed) and logo (None = no logo).

        `expected_version` is the version the caller read (0: there was no branding yet);
        None skips the check (the CLI). Raises `ValidationError` with problems
        `msp_name`="too_long", `logo`="too_large" (over 2 MB) or "not_an_image" (not a PNG,
        JPEG or GIF), `PermissionDeniedError`, or `ConcurrentEditError`.
        """
        name = msp_name.strip()
        if len(name) > MAX_NAME:
            raise ValidationError({"msp_name": "too_long"})
        if logo is not None:
            if len(logo) > MAX_LOGO_BYTES:
                raise ValidationError({"logo": "too_large"})
            try:
                check_logo(logo)
            except LogoError:
                raise ValidationError({"logo": "not_an_image"}) from None
        file_name = logo_name.strip()[:MAX_LOGO_NAME] if logo is not None else ""
        try:
            with self._db.write() as s:
                require_admin(s, actor_id, "edit_report_branding")
                row = s.get(ReportBranding, ROW_ID)
                current = row.version if row is not None else 0
                if expected_version is not None and expected_version != current:
                    raise _conflict(s, row)
                if row is None:
                    row = ReportBranding(id=ROW_ID)
                    s.add(row)
                row.msp_name = name
                row.logo = logo
                row.logo_name = file_name
                row.updated_at = self._clock.now()
                row.updated_by_id = actor_id
                s.flush()
                self._db.announce(s, Changes(CHANGES_KIND, frozenset({ROW_ID})))
                return _settings(row)
        except (StaleDataError, IntegrityError):
            # Someone else saved between our read and our write (or created the row first).
            with self._db.read() as s:
                raise _conflict(s, s.get(ReportBranding, ROW_ID)) from None


def _settings(row: ReportBranding | None) -> BrandingSettings:
    if row is None:
        return BrandingSettings("", None, "", 0)
    return BrandingSettings(row.msp_name, row.logo, row.logo_name, row.version)


def _conflict(s: Session, row: ReportBranding | None) -> ConcurrentEditError:
    if row is None:
        return ConcurrentEditError("report_branding", ROW_ID, 0)
    by = s.get(Technician, row.updated_by_id) if row.updated_by_id else None
    return ConcurrentEditError(
        "report_branding", ROW_ID, row.version, by.name if by else None, row.updated_at
    )
