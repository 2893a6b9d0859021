"""The client page's Service tab: the per-client "confirm before closing" rule (administrators
change it; the closure service enforces it) beside the CSAT and time widgets."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Client
from app.models.enums import ClientStatus, Role, Tier
from app.services.closure import ClosureService
from app.services.csat import CsatService
from app.services.directory import ClientRow, TechnicianRow
from app.services.errors import PermissionDeniedError
from app.services.time_entries import TimeEntryService
from tests.factories import add_client, add_technician

from app.views.clients.service_panel import ClientServicePanel

WAIT = 3000


def _row(client_id: int) -> ClientRow:
    return ClientRow(client_id, "Acme", "ACME", ClientStatus.LIVE, "Europe/Brussels", "")


def _panel(qtbot, db, clock, runner, notifier, me: TechnicianRow) -> ClientServicePanel:
    panel = ClientServicePanel(
        ClosureService(db, clock),
        CsatService(db),
        TimeEntryService(db, clock),
        runner,
        notifier,
        me,
        now=clock.now,
    )
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _stored(db, client_id: int) -> bool:
    with db.read() as s:
        return bool(s.scalar(select(Client.verify_before_close).where(Client.id == client_id)))


def test_an_administrator_turns_the_rule_off_and_on(qtbot, db, clock, runner, notifier) -> None:
    admin_id = add_technician(db, "Morgan Admin", tier=Tier.L3, role=Role.ADMIN)
    admin = TechnicianRow(admin_id, "Morgan Admin", "m@test.msp", Tier.L3, Role.ADMIN, True)
    client = add_client(db, "Acme")
    panel = _panel(qtbot, db, clock, runner, notifier, admin)
    panel.set_client(_row(client))
    qtbot.waitUntil(panel.verify_check.isEnabled, timeout=WAIT)
    assert panel.verify_check.isChecked()
    panel.verify_check.click()
    qtbot.waitUntil(lambda: not _stored(db, client), timeout=WAIT)
    qtbot.waitUntil(panel.verify_check.isEnabled, timeout=WAIT)
    panel.verify_check.click()
    qtbot.waitUntil(lambda: _stored(db, client), timeout=WAIT)


def test_a_technician_sees_the_rule_but_cannot_change_it(
    qtbot, db, clock, runner, notifier, me
) -> None:
    client = add_client(db, "Acme")
    panel = _panel(qtbot, db, clock, runner, notifier, me)
    panel.set_client(_row(client))
    # The stored rule (on by default) arrived, and stays read-only for a technician.
    qtbot.waitUntil(panel.verify_check.isChecked, timeout=WAIT)
    assert not panel.verify_check.isEnabled()
    assert panel.csat.isVisibleTo(panel) and panel.time.isVisibleTo(panel)
    # The service refuses a technician too, whatever the view shows.
    try:
        ClosureService(db, clock).set_verify_before_close(client, False, me.technician_id)
    except PermissionDeniedError:
        pass
    else:
        raise AssertionError("a technician changed the closing rule")
    assert _stored(db, client)
