"""NewCallDialog end to end against real services on both backends: search, pick with the
keyboard, entitlement card, capture, create; unknown serials, duplicate contract numbers, the VIP
preview and refused creates that keep what was typed.

The clock stands at Monday 2026-03-02 09:00Z (10:00 in Brussels, office hours 09:00–17:00).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from PySide6.QtCore import QLocale, Qt

from app.models import Asset, Contact, Contract, Licence, Ticket
from app.models.entitlement import normalise_key
from app.models.enums import Priority, SourceChannel
from app.services.entitlement import Coverage, EntitlementService
from app.services.knowledge_base import KnowledgeBaseService
from app.services.onboarding import OnboardingService
from tests.factories import add_calendar, add_client, add_policy, add_technician

from app.views import labels
from app.views.intake.entitlement_card import EntitlementCardView
from app.views.intake.new_call_dialog import SEARCH_DEBOUNCE_MS, NewCallDialog
from app.views.kb import suggestions_widget
from app.views.tickets.form_widgets import select_data

WAIT = max(3000, SEARCH_DEBOUNCE_MS * 10)


def _add(db, row: Any) -> int:
    with db.write() as s:
        s.add(row)
        s.flush()
        return int(row.id)


def _contract(db, client_id, policy_id, number, *, end=None) -> int:
    return _add(
        db,
        Contract(
            client_id=client_id,
            policy_id=policy_id,
            name="Managed workplace",
            number=number,
            number_key=normalise_key(number),
            valid_from=dt.date(2025, 1, 1),
            valid_to=end,
        ),
    )


def _asset(db, client_id, serial, contract_id=None, contact_id=None) -> int:
    return _add(
        db,
        Asset(
            client_id=client_id,
            contract_id=contract_id,
            contact_id=contact_id,
            serial=serial,
            serial_key=normalise_key(serial),
            description="Dell Latitude 7440",
            created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        ),
    )


@pytest.fixture
def world(db, clock):
    policy = add_policy(db, add_calendar(db, "Brussels office"), "Office hours")
    acme = add_client(db, "Acme NV")
    vera = _add(db, Contact(client_id=acme, name="Vera Vip", phone="+32 475 12 34 56", vip=True))
    contract = _contract(db, acme, policy, "MSP-2026-001")
    expired_client = add_client(db, "Oldco BV")
    old = _contract(db, expired_client, policy, "OLD-9", end=dt.date(2025, 12, 31))
    _add(
        db,
        Licence(client_id=expired_client, product="Office 365", seats_bought=10, seats_used=12),
    )
    tech = add_technician(db, "Ann Admin")
    forms = OnboardingService(db, clock)
    forms.save_section(
        acme,
        "vip",
        {"priority_floor": "P2", "contacts": [{"contact": str(vera), "note": ""}]},
        None,
        tech,
    )
    return SimpleNamespace(
        policy=policy,
        acme=acme,
        vera=vera,
        contract=contract,
        laptop=_asset(db, acme, "5CG-1234-ABC", contract, vera),
        expired_client=expired_client,
        old=old,
        old_laptop=_asset(db, expired_client, "OLD-LAPTOP", old),
    )


@pytest.fixture
def dialog(
    qtbot, monkeypatch, world, db, clock, tickets, directory, runner, notifier, me, sla
) -> NewCallDialog:
    dlg = NewCallDialog(
        EntitlementService(db, clock, sla.store),
        tickets,
        directory,
        runner,
        notifier,
        me,
        sla=sla,
        clock=clock,
    )
    # Teardown closes every widget: never block on the discard question there.
    monkeypatch.setattr(dlg, "_ask_discard", lambda: True)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(dlg.isActiveWindow, timeout=WAIT)
    return dlg


def search(qtbot, dlg: NewCallDialog, text: str) -> None:
    """Type like a user and wait for the debounced search to answer."""
    dlg.search.setFocus()
    with qtbot.waitSignal(dlg.results_shown, timeout=WAIT):
        qtbot.keyClicks(dlg.search, text)


def tickets_of(db, client_id: int) -> list[Ticket]:
    with db.read() as s:
        rows = list(s.scalars(select(Ticket).where(Ticket.client_id == client_id)))
        s.expunge_all()
        return rows


def test_a_serial_leads_to_a_ticket_with_contract_device_and_phone_source(
    qtbot, dialog, world, db
) -> None:
    search(qtbot, dialog, "5cg 1234 abc")
    assert dialog.results.count() == 1
    assert "5CG-1234-ABC" in dialog.results.item(0).text()
    # Down into the results, Enter picks: the card loads for the client, caller and device.
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.results.hasFocus()
    with qtbot.waitSignal(dialog.card_shown, timeout=WAIT):
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    card = dialog.card_view
    assert card.heading.text() == "Acme NV"
    assert "MSP-2026-001" in card.lines["contract"].text()
    assert "valid" in card.lines["contract"].text()
    assert card.lines["coverage"].text() == "Open now until 17:00 Europe/Brussels"
    assert "covered" in card.lines["device"].text()
    assert "Vera Vip" in card.lines["caller"].text()
    assert card.warnings_label.isHidden()
    assert (dialog.client.text(), dialog.contact.text()) == ("Acme NV", "Vera Vip")
    assert dialog.form.subject.hasFocus()
    # Capture, then Ctrl+Enter.
    qtbot.keyClicks(dialog.form.subject, "Laptop does not boot")
    qtbot.keyClick(dialog.form.subject, Qt.Key.Key_Return)  # Enter moves on, never creates
    assert dialog.form.description.hasFocus()
    assert dialog.created_id is None
    qtbot.keyClicks(dialog.form.description, "Black screen after the BIOS logo.")
    dialog.form.capture["occurs_when_where"].setPlainText("Since this morning, at her desk")
    dialog.form.capture["steps_tried"].setPlainText("Power cycled")
    select_data(dialog.form.priority, Priority.P3.value)
    assert dialog.priority_preview.text() == "P2 after the client's VIP floor"
    with qtbot.waitSignal(dialog.ticket_created, timeout=WAIT) as created:
        qtbot.keyClick(dialog.form.subject, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [ticket] = tickets_of(db, world.acme)
    assert created.args == [ticket.id]
    assert (ticket.contract_id, ticket.asset_id, ticket.contact_id, ticket.source) == (
        world.contract,
        world.laptop,
        world.vera,
        SourceChannel.PHONE,
    )
    assert (ticket.subject, ticket.priority, ticket.steps_tried) == (
        "Laptop does not boot",
        Priority.P2,
        "Power cycled",
    )
    assert dialog.result_label.text() == f"Created {ticket.number}"
    # No update clock before the first response: P2's 30-minute response is what is owed.
    assert dialog.update_due_label.text() == "First response due 10:30"
    assert not dialog.create_button.isEnabled()
    with qtbot.waitSignal(dialog.open_ticket_requested, timeout=WAIT) as opened:
        dialog.open_button.click()
    assert opened.args == [ticket.id]


def test_an_unknown_serial_offers_to_continue_without_entitlement(qtbot, dialog, world, db) -> None:
    search(qtbot, dialog, "NOPE-4242")
    assert dialog.results.count() == 0
    assert (
        dialog.search_note.text() == "No device, contract or caller matches \u201cNOPE-4242\u201d."
    )
    assert dialog.no_entitlement_button.isVisible()
    qtbot.mouseClick(dialog.no_entitlement_button, Qt.MouseButton.LeftButton)
    assert dialog.client.hasFocus()
    with qtbot.waitSignal(dialog.client.suggestions_changed, timeout=WAIT):
        qtbot.keyClicks(dialog.client, "Acme")
    with qtbot.waitSignal(dialog.card_shown, timeout=WAIT):
        dialog.client.choose_suggestion(0)
    assert dialog.card_view.heading.text() == "Acme NV"
    qtbot.keyClicks(dialog.form.subject, "Printer offline")
    with qtbot.waitSignal(dialog.ticket_created, timeout=WAIT):
        dialog.create_button.click()
    [ticket] = tickets_of(db, world.acme)
    # No device was named; the client's valid contract still applies.
    assert (ticket.asset_id, ticket.contract_id, ticket.contact_id) == (None, world.contract, None)


def test_an_expired_contract_and_over_used_licences_are_warned_in_red(
    qtbot, dialog, world, db
) -> None:
    search(qtbot, dialog, "OLD-LAPTOP")
    with qtbot.waitSignal(dialog.card_shown, timeout=WAIT):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # one exact match: Enter picks it
    warnings = dialog.card_view.warnings_label.text().splitlines()
    assert warnings[0].startswith("Contract expired on ")
    assert warnings[1] == "Device OLD-LAPTOP is not covered: its contract has expired"
    assert warnings[2] == "Licences over-used: Office 365"
    assert dialog.card_view.warnings_label.isVisible()
    assert "b3261e" in dialog.card_view.lines["contract"].styleSheet()
    assert "12 used of 10" in dialog.card_view.lines["licences"].text()
    # The ticket names the device, but no contract: an expired one covers no work.
    qtbot.keyClicks(dialog.form.subject, "Laptop fan noise")
    with qtbot.waitSignal(dialog.ticket_created, timeout=WAIT):
        dialog.create_button.click()
    [ticket] = tickets_of(db, world.expired_client)
    assert (ticket.asset_id, ticket.contract_id) == (world.old_laptop, None)


def test_a_contract_number_at_two_clients_asks_which_client(qtbot, dialog, world, db) -> None:
    _contract(db, world.expired_client, world.policy, "MSP 2026 001")
    search(qtbot, dialog, "msp-2026-001")
    assert dialog.results.count() == 2
    assert dialog.search_note.text() == (
        "Contract number \u201cmsp-2026-001\u201d exists at 2 clients "
        "\u2014 pick the caller's client."
    )
    texts = [dialog.results.item(i).text() for i in range(2)]
    assert ["Acme NV" in texts[0], "Oldco BV" in texts[1]] == [True, True]
    with qtbot.waitSignal(dialog.card_shown, timeout=WAIT):
        dialog.pick(1)
    assert dialog.client.selected_id() == world.expired_client
    assert dialog.card_view.heading.text() == "Oldco BV"


def test_a_refused_create_keeps_everything_typed(qtbot, dialog, world, db) -> None:
    search(qtbot, dialog, "vera")
    with qtbot.waitSignal(dialog.card_shown, timeout=WAIT):
        dialog.pick(0)
    qtbot.keyClicks(dialog.form.subject, "Outlook crashes")
    dialog.form.description.setPlainText("Crashes on start\x00")  # NUL: refused by the service
    dialog.form.capture["steps_tried"].setPlainText("Safe mode")
    dialog.create_button.click()
    assert tickets_of(db, world.acme) == []
    assert dialog.form.errors.text_of("description") == labels.problem("invalid")
    assert dialog.form.subject.text() == "Outlook crashes"
    assert dialog.form.capture["steps_tried"].toPlainText() == "Safe mode"
    assert dialog.search.text() == "vera"
    assert dialog.create_button.isEnabled()


def test_create_without_a_client_or_subject_is_refused_at_the_fields(
    qtbot, dialog, tickets, monkeypatch
) -> None:
    called: list[Any] = []
    monkeypatch.setattr(tickets, "create", lambda *a, **k: called.append(a))
    dialog.create_button.click()
    errors = dialog.form.errors
    assert errors.text_of("client_id") == "Find the caller first, or choose the client."
    assert errors.text_of("subject") == labels.problem("required")
    assert called == []


def test_the_coverage_line_for_24x7_after_hours_and_open_ended(qtbot) -> None:
    view = EntitlementCardView()
    qtbot.addWidget(view)
    zone = ZoneInfo("Europe/Brussels")
    now = dt.datetime(2026, 3, 6, 18, 30, tzinfo=dt.UTC)  # Friday 19:30 in Brussels
    monday = dt.datetime(2026, 3, 9, 9, 0, tzinfo=zone)
    assert view.coverage_text(Coverage("24x7", "UTC", True, True), now) == "24x7"
    closed = Coverage("Office", "Europe/Brussels", False, False, opens=monday)
    assert view.coverage_text(closed, now) == (
        f"Closed, opens {QLocale().dayName(1, QLocale.FormatType.ShortFormat)} 09:00 "
        "Europe/Brussels"
    )
    assert view.coverage_text(Coverage("Office", "UTC", False, True), now) == "Open now"


def test_articles_are_suggested_while_the_caller_is_described(
    qtbot, monkeypatch, world, db, clock, tickets, directory, runner, notifier, me, sla
) -> None:
    kb = KnowledgeBaseService(db, clock)
    outlook = kb.create(
        None,
        "Outlook keeps asking for the password",
        "Reset the profile.",
        "",
        "outlook",
        me.technician_id,
    ).article_id
    kb.create(None, "Printer queue stuck", "Restart the spooler.", "", "printer", me.technician_id)
    dlg = NewCallDialog(
        EntitlementService(db, clock, sla.store),
        tickets,
        directory,
        runner,
        notifier,
        me,
        sla=sla,
        clock=clock,
        kb=kb,
    )
    monkeypatch.setattr(dlg, "_ask_discard", lambda: True)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.kb_suggestions is not None
    assert dlg.kb_suggestions.list.article_ids() == []
    dlg.form.description.setPlainText("Since this morning Outlook asks for my password again")
    qtbot.waitUntil(lambda: dlg.kb_suggestions.list.article_ids() == [outlook], timeout=WAIT)
    opened: list[int] = []
    monkeypatch.setattr(
        suggestions_widget,
        "open_article_dialog",
        lambda _kb, _runner, i, _parent: opened.append(i),
    )
    dlg.kb_suggestions.article_chosen.emit(outlook)
    assert opened == [outlook]
