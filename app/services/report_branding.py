"""The MSP's name and logo on report covers (one row, admins edit it)."""

from __future__ import annotations

from app.db import Database
from app.reports.figures import Branding
from app.services.clock import Clock


class ReportBrandingService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def branding(self) -> Branding:
        """What the next report prints; an empty name and no logo until an admin sets them."""
        raise NotImplementedError
