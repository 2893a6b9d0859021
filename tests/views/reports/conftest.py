"""Fixtures for the Reports page tests: real report services over the test database, an admin,
and a month of tickets for two clients."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from PIL import Image

from app.db import Database
from app.models.enums import Priority, Role, Status, Tier
from app.services.directory import TechnicianRow
from app.services.report_branding import ReportBrandingService
from app.services.report_figures import ReportFiguresService
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import FakeClock

#: February 2026: the last complete month on the test clock (Mon 2026-03-02).
FEB = dt.datetime(2026, 2, 10, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def reports(db: Database, clock: FakeClock) -> ReportFiguresService:
    return ReportFiguresService(db, clock)


@pytest.fixture
def branding(db: Database, clock: FakeClock) -> ReportBrandingService:
    return ReportBrandingService(db, clock)


@pytest.fixture
def admin(db: Database) -> TechnicianRow:
    tech_id = add_technician(db, "Ada Admin", tier=Tier.L2, role=Role.ADMIN, email="ada@test.msp")
    return TechnicianRow(tech_id, "Ada Admin", "ada@test.msp", Tier.L2, Role.ADMIN, True)


@dataclass(frozen=True)
class Month:
    acme: int
    borealis: int
    quiet: int


@pytest.fixture
def month(db: Database) -> Month:
    """Acme Ltd: 3 tickets opened in February (one closed), 1 in March; Borealis Law: 1 in
    February; Quiet Co: none."""
    acme = add_client(db, "Acme Ltd", timezone="UTC")
    borealis = add_client(db, "Borealis Law", timezone="UTC")
    quiet = add_client(db, "Quiet Co", timezone="UTC")
    add_ticket(db, acme, subject="Printer offline", priority=Priority.P1, created_at=FEB)
    add_ticket(db, acme, subject="VPN drops", created_at=FEB + dt.timedelta(days=3))
    add_ticket(
        db,
        acme,
        subject="New laptop",
        status=Status.CLOSED,
        created_at=FEB + dt.timedelta(days=5),
        updated_at=FEB + dt.timedelta(days=6),
    )
    add_ticket(db, acme, subject="March ticket", created_at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC))
    add_ticket(db, borealis, subject="Mail stuck", created_at=FEB)
    return Month(acme, borealis, quiet)


def png_bytes(size: tuple[int, int] = (120, 40), colour: str = "#1F5FA8") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()
