"""Fixtures for view tests: an inline task runner, a change notifier and real services."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QCoreApplication, QEvent

from app.db import Database
from app.models.enums import Role, Tier
from app.services.directory import DirectoryService, TechnicianRow
from app.services.sla import SlaService
from app.services.sla_config import SlaConfigService
from app.services.sla_store import SlaStore
from app.services.ticket_queue import TicketQueueService
from app.services.tickets import TicketService
from app.tasks import ChangeNotifier
from tests.factories import add_technician
from tests.fakes import FakeClock


@pytest.fixture
def notifier(qtbot) -> ChangeNotifier:
    return ChangeNotifier()


@pytest.fixture
def me(db: Database) -> TechnicianRow:
    """The signed-in technician: Alice, L1."""
    tech_id = add_technician(db, "Alice Martin", tier=Tier.L1, email="alice@test.msp")
    return TechnicianRow(tech_id, "Alice Martin", "alice@test.msp", Tier.L1, Role.TECHNICIAN, True)


@pytest.fixture
def sla(db: Database, clock: FakeClock) -> SlaService:
    return SlaService(db, clock, SlaStore(db))


@pytest.fixture
def sla_config(db: Database, clock: FakeClock, sla: SlaService) -> SlaConfigService:
    return SlaConfigService(db, clock, sla)


@pytest.fixture
def tickets(db: Database, clock: FakeClock, sla: SlaService) -> TicketService:
    return TicketService(db, clock, sla)


@pytest.fixture
def queue_service(db: Database, sla: SlaService) -> TicketQueueService:
    return TicketQueueService(db, sla.store)


@pytest.fixture
def directory(db: Database) -> DirectoryService:
    return DirectoryService(db)


@pytest.fixture(autouse=True)
def delete_closed_widgets(qtbot) -> Iterator[None]:
    """pytest-qt's deleteLater() needs an event loop that never runs after a test: delete the
    test's widgets now, or hundreds pile up and every later window gets slower."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
