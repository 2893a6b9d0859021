"""NewTicketDialog against real services on both backends: type-ahead, create, refusals."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from PySide6.QtCore import Qt

from app.db import Changes, DatabaseUnavailableError
from app.models.enums import EventKind, Priority, SourceChannel, Status, TicketType, Tier
from app.services.errors import ValidationError
from app.services.knowledge_base import KnowledgeBaseService
from tests.factories import add_client, add_contact, add_queue, add_technician

from app.views.tickets.form_widgets import select_data
from app.views.tickets.new_ticket_dialog import NewTicketDialog
from app.views.widgets.lookup_edit import DEBOUNCE_MS, LookupEdit


@pytest.fixture
def world(db):
    northwind = add_client(db, "Northwind Traders")
    contoso = add_client(db, "Contoso Pharma")
    return SimpleNamespace(
        northwind=northwind,
        contoso=contoso,
        nancy=add_contact(db, northwind, "Nancy Davolio", vip=True, email="nancy@nw.example"),
        andrew=add_contact(db, northwind, "Andrew Fuller"),
        andrea=add_contact(db, contoso, "Andrea Contoso"),
        bob=add_technician(db, "Bob Stone", tier=Tier.L2),
        queue=add_queue(db, "Service desk", Tier.L1),
    )


@pytest.fixture
def dialog(qtbot, monkeypatch, world, tickets, directory, runner, notifier, me) -> NewTicketDialog:
    dlg = NewTicketDialog(tickets, directory, runner, notifier, me)
    # Teardown closes every widget: never block on the discard question there.
    monkeypatch.setattr(dlg, "_ask_discard", lambda: True)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def type_and_wait(qtbot, edit: LookupEdit, text: str) -> None:
    """Type like a user and wait for the debounced search to answer."""
    with qtbot.waitSignal(edit.suggestions_changed, timeout=DEBOUNCE_MS * 10):
        qtbot.keyClicks(edit, text)


def pick(edit: LookupEdit, text: str) -> None:
    edit.choose_suggestion([i.text for i in edit.suggestions()].index(text))


def test_defaults(dialog, me):
    form = dialog.form
    assert form.ticket_type.currentText() == "Incident"
    assert form.priority.currentText() == "P3 Medium"
    assert form.source.currentText() == "Phone"
    assert form.tier.currentText() == "L1 First line"
    assert form.assignee.currentText() == "Unassigned"
    assert form.queue.currentText() == "No queue"
    assert not form.status.isVisibleTo(dialog)
    assert not form.escalate_button.isVisibleTo(dialog)
    assert form.category.count() >= 3
    assert all(" › " in form.category.itemText(i) for i in range(form.category.count()))
    assert not dialog.contact.isEnabled()
    form.assign_to_me_button.click()
    assert form.assignee.currentData() == me.technician_id


def test_client_type_ahead_and_contacts_of_that_client_only(qtbot, dialog, world):
    type_and_wait(qtbot, dialog.client, "wind")
    assert [i.text for i in dialog.client.suggestions()] == ["Northwind Traders"]
    pick(dialog.client, "Northwind Traders")
    assert dialog.client.selected_id() == world.northwind
    assert dialog.contact.isEnabled()

    type_and_wait(qtbot, dialog.contact, "andr")
    assert [i.item_id for i in dialog.contact.suggestions()] == [world.andrew]  # not Andrea
    dialog.contact.clear()
    dialog.contact.search_now()  # an empty contact search lists the client's contacts
    vip = {i.item_id: i for i in dialog.contact.suggestions()}[world.nancy]
    assert vip.emphasised
    assert "VIP" in vip.detail


def test_changing_the_client_drops_the_contact(qtbot, dialog, world):
    type_and_wait(qtbot, dialog.client, "north")
    pick(dialog.client, "Northwind Traders")
    dialog.contact.search_now()
    pick(dialog.contact, "Nancy Davolio")
    assert dialog.contact.selected_id() == world.nancy
    qtbot.keyClick(dialog.client, Qt.Key.Key_Backspace)  # edited away from the choice
    assert dialog.client.selected_id() is None
    assert dialog.contact.selected_id() is None
    assert dialog.contact.text() == ""
    assert not dialog.contact.isEnabled()


def test_create_stores_every_field_typed(qtbot, dialog, world, tickets, notifier, me):
    type_and_wait(qtbot, dialog.client, "Northw")
    pick(dialog.client, "Northwind Traders")
    dialog.contact.search_now()
    pick(dialog.contact, "Nancy Davolio")
    form = dialog.form
    assert select_data(form.ticket_type, TicketType.SERVICE_REQUEST.value)
    form.category.setEditText("Accounts › Microsoft 365 › User")
    assert select_data(form.priority, Priority.P2.value)
    assert select_data(form.source, SourceChannel.EMAIL.value)
    form.subject.setText('New starter "Zoë" needs a mailbox 📫')  # keyClicks cannot type emoji
    form.description.setPlainText("Starts Monday.\nNeeds Teams too.\t—\u00a0HR")
    form.capture["occurs_when_where"].setPlainText("Head office, from 9 March")
    form.capture["occurs_circumstances"].setPlainText("Onboarding")
    form.capture["not_occurs_circumstances"].setPlainText("שלום — n/a")
    form.capture["steps_tried"].setPlainText("None yet")
    assert select_data(form.tier, Tier.L2.value)
    assert select_data(form.queue, world.queue)
    assert select_data(form.assignee, world.bob)

    with (
        qtbot.waitSignal(notifier.data_changed, timeout=2000) as announced,
        qtbot.waitSignal(dialog.ticket_created, timeout=2000) as created,
    ):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    ticket_id = created.args[0]
    assert announced.args == [Changes("ticket", frozenset({ticket_id}))]
    stored = tickets.get(ticket_id)
    f = stored.fields
    assert (f.client_id, f.contact_id) == (world.northwind, world.nancy)
    assert f.type is TicketType.SERVICE_REQUEST
    assert f.category == "Accounts › Microsoft 365 › User"
    assert f.priority is Priority.P2
    assert f.source is SourceChannel.EMAIL
    assert f.subject == 'New starter "Zoë" needs a mailbox 📫'
    assert f.description == "Starts Monday.\nNeeds Teams too.\t—\u00a0HR"
    assert f.occurs_when_where == "Head office, from 9 March"
    assert f.occurs_circumstances == "Onboarding"
    assert f.not_occurs_circumstances == "שלום — n/a"
    assert f.steps_tried == "None yet"
    assert (f.tier, f.queue_id, f.assignee_id) == (Tier.L2, world.queue, world.bob)
    assert f.status is Status.ASSIGNED  # the service's rule for a ticket created assigned
    assert tickets.history(ticket_id)[0].kind is EventKind.CREATED
    assert tickets.history(ticket_id)[0].actor_name == me.name
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_missing_client_and_subject_are_refused_before_the_service(
    qtbot, dialog, tickets, monkeypatch
):
    calls = []
    monkeypatch.setattr(tickets, "create", lambda *a, **k: calls.append(a))
    dialog.form.description.setPlainText("Caller was cut off")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    errors = dialog.form.errors
    assert errors.text_of("client_id") == "Choose the client this ticket is for."
    assert errors.text_of("subject") == "This field is required."
    assert calls == []
    assert dialog.isVisible()
    assert dialog.form.description.toPlainText() == "Caller was cut off"


def test_a_client_typed_but_not_chosen_is_refused(qtbot, dialog, tickets, monkeypatch):
    calls = []
    monkeypatch.setattr(tickets, "create", lambda *a, **k: calls.append(a))
    type_and_wait(qtbot, dialog.client, "Northwind")  # typed, suggestions shown, none chosen
    qtbot.keyClicks(dialog.form.subject, "Printer jam")
    dialog.create_ticket()
    assert dialog.form.errors.text_of("client_id") == (
        "Choose the client from the list of suggestions."
    )
    assert dialog.form.errors.text_of("subject") == ""
    assert calls == []
    assert dialog.client.text() == "Northwind"
    assert dialog.form.subject.text() == "Printer jam"


def test_a_refused_create_shows_problems_next_to_fields_and_keeps_values(
    qtbot, dialog, world, tickets, monkeypatch
):
    def refuse(*args, **kwargs):
        raise ValidationError({"category": "too_long", "assignee_id": "not_found"})

    monkeypatch.setattr(tickets, "create", refuse)
    type_and_wait(qtbot, dialog.client, "Northwind")
    pick(dialog.client, "Northwind Traders")
    dialog.form.subject.setText("Wi-Fi drops")
    dialog.form.category.setEditText("Infrastructure › Network › Wi-Fi")
    dialog.create_ticket()
    assert dialog.form.errors.text_of("category") == "This is too long."
    assert dialog.form.errors.text_of("assignee_id") == "This no longer exists; pick another."
    assert dialog.isVisible()
    assert dialog.create_button.isEnabled()
    assert dialog.form.subject.text() == "Wi-Fi drops"
    assert dialog.form.category.currentText() == "Infrastructure › Network › Wi-Fi"
    assert dialog.client.selected_id() == world.northwind


def test_a_lost_connection_keeps_the_dialog_open(qtbot, dialog, world, tickets, monkeypatch):
    def unavailable(*args, **kwargs):
        raise DatabaseUnavailableError("server closed the connection")

    monkeypatch.setattr(tickets, "create", unavailable)
    type_and_wait(qtbot, dialog.client, "Northwind")
    pick(dialog.client, "Northwind Traders")
    dialog.form.subject.setText("Kept")
    dialog.create_ticket()
    assert dialog.banner.message() == "Connection lost — your changes are kept; try again"
    assert dialog.isVisible()
    assert dialog.form.subject.text() == "Kept"


def test_cancel_asks_only_when_something_was_typed(qtbot, dialog, monkeypatch):
    asked: list[bool] = []

    def keep_typing() -> bool:
        asked.append(True)
        return False

    monkeypatch.setattr(dialog, "_ask_discard", keep_typing)
    dialog.form.subject.setText("Half-logged call")
    dialog.reject()
    assert asked == [True]
    assert dialog.isVisible()
    dialog.form.subject.clear()
    dialog.reject()
    assert asked == [True]
    assert not dialog.isVisible()


def test_enter_does_not_create_but_ctrl_enter_does(qtbot, dialog, world, tickets):
    type_and_wait(qtbot, dialog.client, "Northwind")
    pick(dialog.client, "Northwind Traders")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.form.subject.setFocus()
    qtbot.keyClicks(dialog.form.subject, "Printer jam")
    with qtbot.assertNotEmitted(dialog.ticket_created):
        qtbot.keyClick(dialog.form.subject, Qt.Key.Key_Return)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.ticket_created, timeout=2000) as created:
        qtbot.keyClick(dialog.form.subject, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tickets.get(created.args[0]).fields.subject == "Printer jam"


def test_articles_for_the_client_are_suggested_while_the_description_is_typed(
    qtbot, monkeypatch, world, db, clock, tickets, directory, runner, notifier, me
):
    kb = KnowledgeBaseService(db, clock)
    own = kb.create(
        world.northwind, "VPN drops at Northwind", "Re-key.", "", "vpn", me.technician_id
    )
    other = kb.create(
        world.contoso, "VPN drops at Contoso", "Call them.", "", "vpn", me.technician_id
    )
    dlg = NewTicketDialog(tickets, directory, runner, notifier, me, kb=kb)
    monkeypatch.setattr(dlg, "_ask_discard", lambda: True)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.kb_suggestions is not None
    type_and_wait(qtbot, dlg.client, "North")
    pick(dlg.client, "Northwind Traders")
    dlg.form.description.setPlainText("The VPN drops every ten minutes")
    # The caller's client's article, never another client's.
    qtbot.waitUntil(lambda: dlg.kb_suggestions.list.article_ids() == [own.article_id], timeout=3000)
    assert other.article_id not in dlg.kb_suggestions.list.article_ids()
