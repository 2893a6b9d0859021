"""EscalateDialog against the real EscalationService on both backends (inline task runner)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtCore import Qt

from app.db import Database
from app.models.enums import EventKind, Priority, Tier
from app.tasks import TaskRunner
from tests.fakes import FakeClock
from tests.services.test_escalation_support import Desk, build_desk

from app.views import labels
from app.views.escalation.escalate_dialog import EscalateDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def d(db: Database, clock: FakeClock) -> Desk:
    desk = build_desk(db, clock)
    desk.path(desk.desk, desk.network)
    ids = {"ceo": desk.ceo, "it": desk.it_manager}
    desk.save_escalation(
        {
            "contacts": [
                {"priority": "P1", "order": "1", "contact": str(ids["it"]), "hours": "any"},
                {"priority": "P1", "order": "2", "contact": str(ids["ceo"]), "hours": "any"},
            ],
            "vendors": [],
        }
    )
    return desk


@pytest.fixture
def make(qtbot, d: Desk, runner: TaskRunner):
    def build(ticket_id: int) -> EscalateDialog:
        dialog = EscalateDialog(d.escalation, runner, ticket_id, d.alice)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return build


def test_escalate_to_the_path_and_see_who_to_call(qtbot, d: Desk, make) -> None:
    t = d.ticket(priority=Priority.P1, steps_tried="Rebooted the server")
    dialog = make(t)
    assert dialog.queue_box.currentData() == d.network
    assert dialog.tier_label.text() == f"Tier {labels.tier(Tier.L1)} → {labels.tier(Tier.L2)}"
    assert dialog.notes_edit.toPlainText() == "Rebooted the server"
    assert "Ivan IT" in dialog.contacts_label.text()
    assert dialog.warning_label.isHidden()
    qtbot.keyClicks(dialog.reason_edit, "Disk array fault")
    with qtbot.waitSignal(dialog.escalated, timeout=3000) as signal:
        qtbot.mouseClick(dialog.escalate_button, LEFT)
    assert signal.args[0].outcome.to_queue_id == d.network
    f = d.tickets.get(t).fields
    assert (f.tier, f.queue_id, f.assignee_id) == (Tier.L2, d.network, None)
    assert dialog.contacts_label.text() == (
        "Call or e-mail: Ivan IT (+32 470 22 22 22); then "
        "Carla CEO (+32 470 11 11 11, carla@acme.example)"
    )
    assert f"Escalated to {labels.tier(Tier.L2)} — Network." in dialog.tier_label.text()
    assert "Alice keeps following" in dialog.tier_label.text()
    assert dialog.escalate_button.isHidden()
    assert not dialog.reason_edit.isEnabled()


def test_reason_and_notes_are_required_and_the_typing_is_kept(qtbot, d: Desk, make) -> None:
    t = d.ticket()
    dialog = make(t)
    qtbot.keyClicks(dialog.notes_edit, "Tried a new cable")
    qtbot.mouseClick(dialog.escalate_button, LEFT)
    assert dialog.error_of("reason") == "This field is required."
    assert dialog.error_of("notes") == ""
    assert dialog.notes_edit.toPlainText() == "Tried a new cable"
    assert d.events(t, EventKind.ESCALATION) == []
    dialog.notes_edit.clear()
    qtbot.keyClicks(dialog.reason_edit, "Needs L2")
    qtbot.mouseClick(dialog.escalate_button, LEFT)
    assert dialog.error_of("notes") == "This field is required."
    assert dialog.error_of("reason") == ""
    assert dialog.reason_edit.text() == "Needs L2"


def test_a_queue_choice_and_the_contract_warning(qtbot, d: Desk, make) -> None:
    t = d.ticket(contract_id=d.contract("L2"))
    dialog = make(t)
    assert dialog.warning_label.isHidden()
    dialog.queue_box.setCurrentIndex(dialog.queue_box.findData(d.specialists))
    assert dialog.tier_label.text() == f"Tier {labels.tier(Tier.L1)} → {labels.tier(Tier.L3)}"
    assert not dialog.warning_label.isHidden()
    assert "covers up to L2 only" in dialog.warning_label.text()
    qtbot.keyClicks(dialog.reason_edit, "Storage vendor bug")
    qtbot.keyClicks(dialog.notes_edit, "Firmware checked")
    with qtbot.waitSignal(dialog.escalated, timeout=3000):
        qtbot.mouseClick(dialog.escalate_button, LEFT)
    assert d.tickets.get(t).fields.queue_id == d.specialists
    assert not dialog.warning_label.isHidden()


def test_someone_saved_first_keeps_the_typing_then_escalates(qtbot, d: Desk, make) -> None:
    t = d.ticket()
    dialog = make(t)
    detail = d.tickets.get(t)
    d.tickets.update(t, detail.version, replace(detail.fields, subject="Edited"), d.bob)
    qtbot.keyClicks(dialog.reason_edit, "Needs L2")
    qtbot.keyClicks(dialog.notes_edit, "Rebooted")
    qtbot.mouseClick(dialog.escalate_button, LEFT)
    assert dialog.error_of("general").startswith("Bob changed this ticket meanwhile")
    assert (dialog.reason_edit.text(), dialog.notes_edit.toPlainText()) == ("Needs L2", "Rebooted")
    assert d.tickets.get(t).fields.tier is Tier.L1
    # The dialog re-read the ticket: a second try goes through.
    with qtbot.waitSignal(dialog.escalated, timeout=3000):
        qtbot.mouseClick(dialog.escalate_button, LEFT)
    assert d.tickets.get(t).fields.tier is Tier.L2


def test_an_l3_ticket_cannot_be_escalated(qtbot, d: Desk, make) -> None:
    t = d.ticket(tier=Tier.L3, queue_id=d.specialists)
    dialog = make(t)
    assert not dialog.escalate_button.isEnabled()
    assert dialog.error_of("general") == "The ticket is already at the highest tier (L3)."
