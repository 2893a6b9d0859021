"""Caller verification and client approvals on a ticket, against real services on both backends."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from argon2 import PasswordHasher

from PySide6.QtWidgets import QMessageBox

from app.models.enums import EventKind, TicketType
from app.services.caller_verification import MAX_FAILURES, CallerVerificationService
from app.services.connectivity import ConnectivityService
from app.services.onboarding import OnboardingService
from app.services.onboarding_checklist import ChecklistService
from app.services.onboarding_score import CompletenessService
from app.services.sla_store import SlaStore
from app.services.ticket_approvals import ApprovalService
from tests.factories import add_client, add_contact, add_ticket

from app.views.onboarding_status.approvals_panel import ApprovalDialog, ApprovalsPanel
from app.views.onboarding_status.readiness_dialogs import PinDialog
from app.views.onboarding_status.readiness_panel import ClientReadinessPanel
from app.views.onboarding_status.verification_dialog import CallerVerificationDialog
from app.views.tickets.history_model import KindRole
from app.views.tickets.ticket_dialog import TicketDialog

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PIN = "4711"


@pytest.fixture
def verification(db, clock) -> CallerVerificationService:
    return CallerVerificationService(db, clock, FAST_HASHER)


@pytest.fixture
def world(db, clock, me):
    client = add_client(db, "Northwind Traders")
    nancy = add_contact(db, client, "Nancy Davolio")
    andrew = add_contact(db, client, "Andrew Fuller")
    forms = OnboardingService(db, clock)

    def save(section: str, raw: dict[str, Any]) -> None:
        forms.save_section(client, section, raw, None, me.technician_id)

    save("company", {"legal_name": "Northwind Traders NV", "main_phone": "+32 9 123 45 67"})
    save("verification", {"method": "pin", "instructions": "Ask for the PIN before anything."})
    save(
        "permissions",
        {
            "after_hours": "Reboots only after 20:00.",
            "rules": [
                {"work": "Install software", "applies_to": "change"},
                {"work": "Reboot a server", "applies_to": "incident"},
            ],
            "approvers": [{"contact": str(andrew)}],
        },
    )
    ticket = add_ticket(db, client, subject="Password reset", contact_id=nancy)
    change = add_ticket(
        db, client, subject="Install Visio", contact_id=nancy, ticket_type=TicketType.CHANGE
    )
    return SimpleNamespace(client=client, nancy=nancy, andrew=andrew, ticket=ticket, change=change)


@pytest.fixture
def open_ticket(qtbot, db, clock, tickets, directory, runner, notifier, me, verification):
    def make(ticket_id: int) -> TicketDialog:
        dialog = TicketDialog(
            tickets,
            directory,
            runner,
            notifier,
            me,
            ticket_id,
            verification=verification,
            approvals=ApprovalService(db, clock),
        )
        dialog._ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def _timeline_kinds(dialog: TicketDialog) -> list[object]:
    model = dialog.timeline.model
    return [model.index(i, 0).data(KindRole) for i in range(model.rowCount())]


def test_a_pin_set_in_the_panel_verifies_the_caller_on_a_ticket(
    qtbot, db, clock, world, directory, runner, notifier, me, verification, tickets, open_ticket
) -> None:
    panel = ClientReadinessPanel(
        ChecklistService(db, clock, SlaStore(db)),
        CompletenessService(db, clock),
        ConnectivityService(db, clock),
        verification,
        directory,
        runner,
        notifier,
        me.technician_id,
    )
    qtbot.addWidget(panel)
    panel.set_client(world.client)
    assert "No caller-verification PIN on file" in panel.missing_texts()
    panel.pin_button.click()
    pin_dialog = panel.dialog
    assert isinstance(pin_dialog, PinDialog)
    pin_dialog.contact.setCurrentIndex(pin_dialog.contact.findData(world.nancy))
    qtbot.keyClicks(pin_dialog.pin, PIN)
    qtbot.keyClicks(pin_dialog.repeat, PIN)
    pin_dialog.ok_button.click()
    assert "No caller-verification PIN on file" not in panel.missing_texts()

    dialog = open_ticket(world.ticket)
    assert dialog.verify_button.isVisible() and dialog.verify_button.isEnabled()
    dialog.verify_button.click()
    check = dialog.verification_dialog
    assert isinstance(check, CallerVerificationDialog)
    assert check.method.currentData() == "pin"
    assert "PIN on file (the client's rule)" in check.rule_label.text()
    assert "Ask for the PIN before anything." in check.instructions.text()
    assert "+32 9 123 45 67" in check.facts.text()
    assert check.pin.echoMode() == check.pin.EchoMode.Password

    qtbot.keyClicks(check.pin, "9999")
    check.pin_check.click()
    assert check.result_text().endswith("Not verified")
    assert check.pin.text() == ""
    assert f"Attempts left this hour: {MAX_FAILURES - 1}" in check.facts.text()

    qtbot.keyClicks(check.pin, PIN)
    check.pin_check.click()
    assert check.result_text().endswith("Verified")
    assert not check.result_text().endswith("Not verified")
    assert check.pin.text() == ""

    kinds = _timeline_kinds(dialog)
    assert EventKind.VERIFICATION_FAILED.value in kinds
    assert EventKind.CALLER_VERIFIED.value in kinds
    history = tickets.history(world.ticket)
    assert all(PIN not in e.body and "9999" not in e.body for e in history)
    assert any(e.kind is EventKind.CALLER_VERIFIED for e in history)


def test_five_wrong_pins_stop_knowledge_checks(qtbot, world, runner, me, verification) -> None:
    verification.set_pin(world.client, None, PIN, me.technician_id)
    dialog = CallerVerificationDialog(
        world.ticket, world.client, world.nancy, verification, runner, me.technician_id
    )
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(MAX_FAILURES):
        qtbot.keyClicks(dialog.pin, "0000")
        dialog.pin_check.click()
        assert dialog.result_text().endswith("Not verified")
    assert "Too many failed attempts" in dialog.message_text()
    assert not dialog.pin.isEnabled()
    dialog.check_pin()  # the service refuses too, even if the widgets were bypassed
    assert "Too many failed attempts" in dialog.message_text()

    # A callback is still possible.
    dialog.select_method("callback")
    assert "+32 9 123 45 67" in dialog.confirm_text.text()
    dialog.confirm_button.click()
    assert dialog.result_text().endswith("Verified")


def test_approvals_panel_shows_what_a_change_needs(qtbot, world, open_ticket, tickets, me) -> None:
    dialog = open_ticket(world.change)
    panel = dialog.approvals_panel
    assert isinstance(panel, ApprovalsPanel)
    assert panel.isVisible()
    assert panel.status_lines() == ["Install software \u2014 Approval required"]
    assert "Reboots only after 20:00." in panel.after_hours.text()
    assert "1 approval(s) required" in panel.summary.text()

    panel.record_button.click()
    approval = panel.dialog
    assert isinstance(approval, ApprovalDialog)
    assert approval.approver.currentData() == world.andrew
    approval.method.setCurrentIndex(approval.method.findData("phone"))
    approval.reference.setText("call 10:42")
    approval.ok_button.click()
    assert panel.dialog is None

    (line,) = panel.status_lines()
    assert line.startswith("Install software \u2014 Approved by Andrew Fuller (phone) on ")
    assert line.endswith("recorded by Alice Martin, ref. call 10:42")
    assert panel.summary.text() == "Approved"
    assert EventKind.APPROVAL.value in _timeline_kinds(dialog)


def test_no_approvals_panel_when_no_rule_applies(qtbot, db, world, open_ticket) -> None:
    other = add_ticket(db, world.client, subject="Printer", ticket_type=TicketType.PROBLEM)
    dialog = open_ticket(other)
    assert dialog.approvals_panel is not None
    assert not dialog.approvals_panel.isVisible()


def test_without_the_services_the_features_are_hidden(
    qtbot, world, tickets, directory, runner, notifier, me
) -> None:
    dialog = TicketDialog(tickets, directory, runner, notifier, me, world.ticket)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.approvals_panel is None
    assert not dialog.verify_button.isVisible()
    assert dialog.verify_caller() is None
