"""TicketDialog against real services on both backends: load, edit, conflicts, timeline, close."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.db import Changes, DatabaseUnavailableError
from app.models.enums import EventKind, Priority, Role, Status, Tier
from app.services.canned_replies import CannedReplyService
from app.services.directory import TechnicianRow
from app.services.errors import ConcurrentEditError
from app.services.tickets import TicketService
from tests.factories import add_client, add_contact, add_queue, add_technician, add_ticket

from app.views import labels
from app.views.tickets.conflict_dialog import (
    CompareChoice,
    CompareDialog,
    ConflictChoice,
    FieldDifference,
    conflict_text,
)
from app.views.tickets.form_widgets import select_data
from app.views.tickets.history_model import KindRole, SummaryRole
from app.views.tickets.ticket_dialog import TicketDialog

Discard = QMessageBox.StandardButton.Discard


class Answers:
    """Stands in for a modal question: records each call, returns the prepared answers in turn
    (the last one again once they run out)."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.calls: list[tuple[object, ...]] = []

    def __call__(self, *args: object) -> Any:
        self.calls.append(args)
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


@pytest.fixture
def world(db):
    client = add_client(db, "Northwind Traders")
    other = add_client(db, "Contoso")
    nancy = add_contact(db, client, "Nancy Davolio", vip=True)
    andrew = add_contact(db, client, "Andrew Fuller")
    add_contact(db, other, "Andrew Elsewhere")
    bob = add_technician(db, "Bob Stone", tier=Tier.L2)
    queue = add_queue(db, "Infrastructure", Tier.L2)
    ticket = add_ticket(db, client, subject="Outlook keeps asking for password", contact_id=nancy)
    return SimpleNamespace(
        client=client, nancy=nancy, andrew=andrew, bob=bob, queue=queue, ticket=ticket
    )


@pytest.fixture
def open_dialog(qtbot, monkeypatch, tickets, directory, runner, notifier, me):
    """Open a shown TicketDialog whose modal questions fail the test unless a test sets them."""

    def unexpected(*args):
        raise AssertionError(f"unexpected question {args!r}")

    def make(ticket_id: int) -> TicketDialog:
        dialog = TicketDialog(tickets, directory, runner, notifier, me, ticket_id)
        monkeypatch.setattr(dialog, "_ask_conflict", unexpected)
        monkeypatch.setattr(dialog, "_ask_compare", unexpected)
        # Teardown closes every widget: never block on the question there.
        monkeypatch.setattr(dialog, "_ask_unsaved", Answers(Discard))
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def timeline_kinds(dialog: TicketDialog) -> list[EventKind]:
    model = dialog.timeline.model
    return [EventKind(model.index(r).data(KindRole)) for r in range(model.rowCount())]


def timeline_summaries(dialog: TicketDialog) -> list[str]:
    model = dialog.timeline.model
    return [model.index(r).data(SummaryRole) for r in range(model.rowCount())]


def save(qtbot, dialog: TicketDialog) -> None:
    with qtbot.waitSignal(dialog.ticket_saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def other_tech_edits(db, tickets: TicketService, ticket_id: int, clock, **changes) -> int:
    carla = add_technician(db, "Carla Diaz", tier=Tier.L1)
    clock.advance(minutes=7)
    stored = tickets.get(ticket_id)
    tickets.update(ticket_id, stored.version, replace(stored.fields, **changes), carla)
    return carla


# -- loading -----------------------------------------------------------------------------------


def test_opens_with_the_ticket_fields_and_header(open_dialog, world, tickets):
    dialog = open_dialog(world.ticket)
    form = dialog.editor.form
    stored = tickets.get(world.ticket)
    assert dialog.windowTitle() == f"{stored.number} — Outlook keeps asking for password[*]"
    assert stored.number.startswith("T-0")
    assert form.subject.text() == "Outlook keeps asking for password"
    assert form.status.currentText() == "New"
    assert form.priority.currentText() == "P3 Medium"
    assert form.tier.currentText() == "L1 First line"
    assert form.assignee.currentText() == "Unassigned"
    assert dialog.editor.client_label.text() == "Northwind Traders"
    assert dialog.editor.contact.text() == "Nancy Davolio"
    assert dialog.editor.contact.selected_id() == world.nancy
    assert "Northwind Traders" in dialog.header.meta.text()
    assert labels.local_datetime(stored.created_at) in dialog.header.meta.text()
    assert timeline_kinds(dialog) == [EventKind.CREATED]
    assert not dialog.is_dirty()
    assert not dialog.isModal()
    assert dialog.editor.isEnabled()


def test_a_missing_ticket_shows_a_message_instead_of_crashing(open_dialog):
    dialog = open_dialog(987_654)
    assert "no longer exists" in dialog.banner.message()
    assert not dialog.editor.isEnabled()
    dialog.save()  # nothing loaded: nothing happens
    assert dialog.isVisible()


# -- saving ------------------------------------------------------------------------------------


def test_edit_round_trip(qtbot, open_dialog, world, tickets, notifier):
    dialog = open_dialog(world.ticket)
    form = dialog.editor.form
    before = tickets.get(world.ticket).version
    form.subject.selectAll()
    qtbot.keyClicks(form.subject, "Outlook password loop after MFA reset")
    assert select_data(form.status, Status.IN_PROGRESS.value)
    assert select_data(form.priority, Priority.P2.value)
    assert select_data(form.assignee, world.bob)
    assert select_data(form.queue, world.queue)
    form.escalate()
    assert form.tier.currentText() == "L2 Second line"
    qtbot.keyClicks(form.escalation_reason, "Needs Entra ID rights")
    dialog.editor.contact.setText("andrew")
    dialog.editor.contact.search_now()
    assert [i.item_id for i in dialog.editor.contact.suggestions()] == [world.andrew]
    dialog.editor.contact.choose_suggestion(0)
    assert dialog.is_dirty()
    assert dialog.isWindowModified()

    with qtbot.waitSignal(notifier.data_changed, timeout=2000) as announced:
        save(qtbot, dialog)

    assert announced.args == [Changes("ticket", frozenset({world.ticket}))]
    stored = tickets.get(world.ticket)
    assert stored.version == before + 1
    assert stored.fields.subject == "Outlook password loop after MFA reset"
    assert stored.fields.status is Status.IN_PROGRESS
    assert stored.fields.priority is Priority.P2
    assert stored.fields.assignee_id == world.bob
    assert stored.fields.queue_id == world.queue
    assert stored.fields.tier is Tier.L2
    assert stored.fields.contact_id == world.andrew
    assert stored.updated_by_name == "Alice Martin"
    kinds = timeline_kinds(dialog)
    for kind in (
        EventKind.STATUS_CHANGED,
        EventKind.PRIORITY_CHANGED,
        EventKind.ASSIGNED,
        EventKind.ESCALATION,
        EventKind.QUEUE_CHANGED,
        EventKind.FIELDS_CHANGED,
    ):
        assert kind in kinds
    summaries = timeline_summaries(dialog)
    assert "Assigned to Bob Stone" in summaries  # a name, not an id
    assert "Tier: L1 First line → L2 Second line" in summaries
    assert not dialog.is_dirty()
    assert dialog.header.subject.text() == "Outlook password loop after MFA reset"
    assert form.escalation_reason.toPlainText() == ""
    assert dialog.windowTitle().startswith(f"{stored.number} — Outlook password loop")


def test_ctrl_s_saves(qtbot, open_dialog, world, tickets):
    dialog = open_dialog(world.ticket)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.editor.form.subject.setFocus()
    dialog.editor.form.subject.setText("Saved with the keyboard")
    with qtbot.waitSignal(dialog.ticket_saved, timeout=2000):
        qtbot.keyClick(
            dialog.editor.form.subject, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    assert tickets.get(world.ticket).fields.subject == "Saved with the keyboard"


def test_text_is_stored_exactly(qtbot, open_dialog, world, tickets):
    subject = 'He said "it\'s broken" 😀 שלום עולם'
    line = "Quote \"x\" 'y' 😀🔥 مرحبا بالعالم — tab\there, nbsp\u00a0here\n"
    description = (line * 200)[:10_000]
    assert len(description) == 10_000
    dialog = open_dialog(world.ticket)
    form = dialog.editor.form
    form.subject.setText(subject)
    form.description.setPlainText(description)
    form.capture["steps_tried"].setPlainText("Rebooted\n\n  indented ‏RTL‏ mark\n")
    save(qtbot, dialog)

    stored = tickets.get(world.ticket).fields
    assert stored.subject == subject
    assert stored.description == description
    assert stored.steps_tried == "Rebooted\n\n  indented ‏RTL‏ mark\n"
    reopened = open_dialog(world.ticket)
    assert reopened.editor.values().description == description
    assert reopened.editor.form.subject.text() == subject
    assert not reopened.is_dirty()


def test_an_empty_subject_is_refused_next_to_the_field(qtbot, open_dialog, world, tickets):
    dialog = open_dialog(world.ticket)
    form = dialog.editor.form
    form.subject.clear()
    form.description.setPlainText("Typed during the call")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert form.errors.text_of("subject") == "This field is required."
    assert dialog.isVisible()
    assert form.description.toPlainText() == "Typed during the call"
    assert form.subject.text() == ""
    assert dialog.is_dirty()
    assert tickets.get(world.ticket).fields.subject == "Outlook keeps asking for password"
    assert dialog.save_button.isEnabled()


def test_raising_the_tier_needs_a_reason(qtbot, open_dialog, world, tickets):
    dialog = open_dialog(world.ticket)
    form = dialog.editor.form
    assert not form.escalation_reason.isVisibleTo(dialog)
    assert select_data(form.tier, Tier.L3.value)
    assert form.escalation_reason.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert form.errors.text_of("escalation_reason") == "This field is required."
    assert form.tier.currentText() == "L3 Specialists"
    assert tickets.get(world.ticket).fields.tier is Tier.L1
    select_data(form.tier, Tier.L0.value)  # lowering needs no reason
    assert not form.escalation_reason.isVisibleTo(dialog)


def test_a_contact_typed_but_not_picked_is_refused_before_saving(open_dialog, world, tickets):
    dialog = open_dialog(world.ticket)
    dialog.editor.contact.setText("Somebody new")
    dialog.save()
    assert "Pick a contact from the list" in dialog.editor.form.errors.text_of("contact_id")
    assert tickets.get(world.ticket).fields.contact_id == world.nancy


def test_a_lost_connection_keeps_the_edits(qtbot, open_dialog, world, tickets, monkeypatch):
    def unavailable(*args, **kwargs):
        raise DatabaseUnavailableError("server closed the connection")

    dialog = open_dialog(world.ticket)
    monkeypatch.setattr(tickets, "update", unavailable)
    dialog.editor.form.subject.setText("Typed before the outage")
    dialog.save()
    assert dialog.banner.message() == "Connection lost — your changes are kept; try again"
    assert dialog.editor.form.subject.text() == "Typed before the outage"
    assert dialog.is_dirty()
    assert dialog.save_button.isEnabled()


# -- conflicts ---------------------------------------------------------------------------------


def test_conflict_then_reload_shows_their_version(
    qtbot, db, open_dialog, world, tickets, clock, monkeypatch
):
    dialog = open_dialog(world.ticket)
    other_tech_edits(db, tickets, world.ticket, clock, subject="Theirs", priority=Priority.P1)
    ask = Answers(ConflictChoice.RELOAD)
    monkeypatch.setattr(dialog, "_ask_conflict", ask)
    dialog.editor.form.subject.setText("Mine")

    with qtbot.waitSignal(dialog.conflict_shown, timeout=2000) as shown:
        dialog.save()

    error = shown.args[0]
    assert ask.calls == [(error,)]
    assert isinstance(error, ConcurrentEditError)
    assert error.changed_by == "Carla Diaz"
    text = conflict_text(error)
    assert text == (
        f"This ticket was changed by Carla Diaz at {labels.local_datetime(error.changed_at)} "
        "while you were editing. Nothing was saved."
    )
    stored = tickets.get(world.ticket)
    assert stored.fields.subject == "Theirs"
    assert dialog.editor.form.subject.text() == "Theirs"
    assert dialog.editor.form.priority.currentText() == "P1 Critical"
    assert not dialog.is_dirty()
    dialog.editor.form.subject.setText("Mine, after reloading")
    save(qtbot, dialog)
    assert tickets.get(world.ticket).fields.subject == "Mine, after reloading"


def test_conflict_then_keep_editing_never_overwrites(
    qtbot, db, open_dialog, world, tickets, clock, monkeypatch
):
    dialog = open_dialog(world.ticket)
    other_tech_edits(db, tickets, world.ticket, clock, subject="Theirs")
    ask = Answers(ConflictChoice.KEEP_EDITING)
    monkeypatch.setattr(dialog, "_ask_conflict", ask)
    dialog.editor.form.subject.setText("Mine")

    dialog.save()
    assert dialog.editor.form.subject.text() == "Mine"
    assert "Carla Diaz" in dialog.banner.message()
    dialog.save()  # still based on the old version: conflicts again
    assert len(ask.calls) == 2
    assert tickets.get(world.ticket).fields.subject == "Theirs"
    assert dialog.is_dirty()


def test_compare_lists_differences_and_overwrite_is_explicit(
    qtbot, db, open_dialog, world, tickets, clock, monkeypatch
):
    dialog = open_dialog(world.ticket)
    other_tech_edits(db, tickets, world.ticket, clock, subject="Theirs", assignee_id=world.bob)
    monkeypatch.setattr(dialog, "_ask_conflict", Answers(ConflictChoice.COMPARE))
    compare = Answers(CompareChoice.OVERWRITE)
    monkeypatch.setattr(dialog, "_ask_compare", compare)
    form = dialog.editor.form
    form.subject.setText("Mine")
    assert select_data(form.priority, Priority.P2.value)

    save(qtbot, dialog)

    diffs, who = compare.calls[0]
    assert who == "Carla Diaz"
    assert isinstance(diffs, list)
    assert all(isinstance(d, FieldDifference) for d in diffs)
    rows = {d.label: (d.yours, d.theirs) for d in diffs}
    # Assigning Bob also moved their status to Assigned (the service's rule).
    assert [d.name for d in diffs] == ["subject", "priority", "status", "assignee_id"]
    assert rows["Subject"] == ("Mine", "Theirs")
    assert rows["Priority"] == ("P2 High", "P3 Medium")
    assert rows["Assignee"] == ("Unassigned", "Bob Stone")
    stored = tickets.get(world.ticket).fields
    assert (stored.subject, stored.priority, stored.assignee_id) == ("Mine", Priority.P2, None)


def test_compare_then_back_keeps_my_edits(db, open_dialog, world, tickets, clock, monkeypatch):
    dialog = open_dialog(world.ticket)
    other_tech_edits(db, tickets, world.ticket, clock, subject="Theirs")
    monkeypatch.setattr(dialog, "_ask_conflict", Answers(ConflictChoice.COMPARE))
    monkeypatch.setattr(dialog, "_ask_compare", Answers(CompareChoice.BACK))
    dialog.editor.form.subject.setText("Mine")
    dialog.save()
    assert dialog.editor.form.subject.text() == "Mine"
    assert tickets.get(world.ticket).fields.subject == "Theirs"
    monkeypatch.setattr(dialog, "_ask_compare", Answers(CompareChoice.RELOAD))
    dialog.compare()  # the banner's Compare… button
    assert dialog.editor.form.subject.text() == "Theirs"
    assert not dialog.is_dirty()


def test_an_outside_change_reloads_a_clean_form(db, open_dialog, world, tickets, notifier, clock):
    dialog = open_dialog(world.ticket)
    other_tech_edits(db, tickets, world.ticket, clock, subject="Changed elsewhere")
    notifier.announce(Changes("ticket", frozenset({world.ticket})))
    assert dialog.editor.form.subject.text() == "Changed elsewhere"
    assert dialog.banner.message() == ""


def test_an_outside_change_warns_but_keeps_unsaved_edits(
    db, open_dialog, world, tickets, notifier, clock
):
    dialog = open_dialog(world.ticket)
    dialog.editor.form.subject.setText("Mine")
    other_tech_edits(db, tickets, world.ticket, clock, subject="Changed elsewhere")
    notifier.announce(Changes("ticket", frozenset({world.ticket})))
    notifier.announce(Changes("client", frozenset({world.client})))  # not about this ticket
    assert dialog.editor.form.subject.text() == "Mine"
    assert "Carla Diaz saved this ticket" in dialog.banner.message()


# -- timeline ----------------------------------------------------------------------------------


def test_notes_and_calls_join_the_timeline_and_keep_unsaved_edits(
    qtbot, open_dialog, world, tickets, notifier
):
    dialog = open_dialog(world.ticket)
    dialog.editor.form.subject.setText("Unsaved subject")
    panel = dialog.timeline
    panel.note_edit.setPlainText("Checked the sign-in logs")
    with qtbot.waitSignal(notifier.data_changed, timeout=2000):
        qtbot.mouseClick(panel.add_note_button, Qt.MouseButton.LeftButton)
    panel.note_edit.setPlainText("We are on it")
    select_data(panel.note_kind, True)
    qtbot.mouseClick(panel.add_note_button, Qt.MouseButton.LeftButton)
    panel.call_summary.setPlainText("Called Nancy back")
    panel.call_minutes.setValue(12)
    panel.call_reference.setText("PBX-0117")
    qtbot.mouseClick(panel.log_call_button, Qt.MouseButton.LeftButton)

    assert timeline_kinds(dialog)[-3:] == [
        EventKind.INTERNAL_NOTE,
        EventKind.PUBLIC_REPLY,
        EventKind.PHONE_CALL,
    ]
    assert timeline_summaries(dialog)[-1] == "with the requester · 12 min · ref. PBX-0117"
    assert panel.note_edit.toPlainText() == ""
    assert panel.call_summary.toPlainText() == ""
    assert dialog.editor.form.subject.text() == "Unsaved subject"
    save(qtbot, dialog)  # notes did not move the version: no conflict
    assert tickets.get(world.ticket).fields.subject == "Unsaved subject"
    bodies = [e.body for e in tickets.history(world.ticket)]
    assert {"Checked the sign-in logs", "We are on it", "Called Nancy back"} <= set(bodies)


def test_enter_logs_the_call_but_never_saves_the_ticket(qtbot, open_dialog, world, tickets):
    dialog = open_dialog(world.ticket)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.editor.form.subject.setFocus()
    dialog.editor.form.subject.setText("Not saved by Enter")
    with qtbot.assertNotEmitted(dialog.ticket_saved):
        qtbot.keyClick(dialog.editor.form.subject, Qt.Key.Key_Return)
    assert dialog.isVisible()
    panel = dialog.timeline
    panel.call_summary.setPlainText("Voicemail left")
    panel.call_reference.setFocus()
    qtbot.keyClicks(panel.call_reference, "PBX-9")
    with qtbot.assertNotEmitted(dialog.ticket_saved):
        qtbot.keyClick(panel.call_reference, Qt.Key.Key_Return)
    assert timeline_kinds(dialog)[-1] is EventKind.PHONE_CALL
    assert tickets.get(world.ticket).fields.subject == "Outlook keeps asking for password"


def test_an_empty_note_is_refused_next_to_the_box(qtbot, open_dialog, world):
    dialog = open_dialog(world.ticket)
    qtbot.mouseClick(dialog.timeline.add_note_button, Qt.MouseButton.LeftButton)
    assert dialog.timeline.note_errors.text_of("body") == "This field is required."
    assert timeline_kinds(dialog) == [EventKind.CREATED]
    assert dialog.timeline.add_note_button.isEnabled()


def test_a_failed_call_log_shows_a_message(open_dialog, world, tickets, monkeypatch):
    dialog = open_dialog(world.ticket)
    monkeypatch.setattr(
        tickets, "log_call", lambda *a, **k: (_ for _ in ()).throw(DatabaseUnavailableError("x"))
    )
    dialog.timeline.call_summary.setPlainText("Kept")
    dialog.timeline.log_call()
    assert dialog.timeline.general_error() == "Connection lost — your changes are kept; try again"
    assert dialog.timeline.call_summary.toPlainText() == "Kept"


# -- buttons and closing -----------------------------------------------------------------------


def test_assign_to_me(open_dialog, world, me):
    dialog = open_dialog(world.ticket)
    dialog.editor.form.assign_to_me_button.click()
    assert dialog.editor.values().assignee_id == me.technician_id


def test_closing_with_unsaved_edits_asks(qtbot, open_dialog, world, tickets, monkeypatch):
    dialog = open_dialog(world.ticket)
    dialog.editor.form.subject.setText("Unsaved")
    ask = Answers(QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    monkeypatch.setattr(dialog, "_ask_unsaved", ask)

    dialog.close()
    assert dialog.isVisible()  # Cancel
    with qtbot.waitSignal(dialog.ticket_saved, timeout=2000):
        dialog.close()  # Save, then close
    assert not dialog.isVisible()
    assert tickets.get(world.ticket).fields.subject == "Unsaved"
    assert len(ask.calls) == 2


def test_escape_then_discard_closes_without_saving(qtbot, open_dialog, world, tickets, monkeypatch):
    dialog = open_dialog(world.ticket)
    dialog.editor.form.subject.setText("Thrown away")
    ask = Answers(QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(dialog, "_ask_unsaved", ask)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert ask.calls == [()]
    assert not dialog.isVisible()
    assert tickets.get(world.ticket).fields.subject == "Outlook keeps asking for password"


def test_a_clean_dialog_closes_without_asking(open_dialog, world, monkeypatch):
    dialog = open_dialog(world.ticket)
    ask = Answers(QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(dialog, "_ask_unsaved", ask)
    dialog.close()
    assert not dialog.isVisible()
    assert ask.calls == []


def test_the_compare_dialog_shows_whole_texts_and_defaults_to_going_back(qtbot):
    long_text = "line one\n" + "x" * 500
    diffs = [
        FieldDifference("subject", "Subject", "Mine", "Theirs"),
        FieldDifference("description", "Description", long_text, ""),
    ]
    dialog = CompareDialog(diffs, "Carla Diaz")
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    assert model.rowCount() == 2
    assert model.index(1, 1).data().startswith("line one ⏎ xxx")
    assert model.index(1, 1).data().endswith("…")
    assert model.index(1, 2).data() == "—"
    assert dialog.yours.toPlainText() == "Mine"
    dialog.table.selectRow(1)
    assert dialog.yours.toPlainText() == long_text
    assert dialog.back_button.isDefault()
    assert not dialog.overwrite_button.isDefault()
    qtbot.mouseClick(dialog.overwrite_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() is CompareChoice.OVERWRITE
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_read_only_account_sees_the_ticket_but_cannot_change_it(
    qtbot, db, world, tickets, directory, runner, notifier
):
    reader_id = add_technician(db, "Owen Reader", role=Role.READ_ONLY, email="owen@test.msp")
    reader = TechnicianRow(reader_id, "Owen Reader", "owen@test.msp", Tier.L1, Role.READ_ONLY, True)
    dialog = TicketDialog(tickets, directory, runner, notifier, reader, world.ticket)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail() is not None)
    assert dialog.editor.form.subject.text() == tickets.get(world.ticket).fields.subject
    assert not dialog.editor.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert not dialog.timeline.composer.isEnabled()


def test_a_canned_reply_is_filled_in_for_the_ticket_and_inserted_in_the_note(
    qtbot, monkeypatch, db, clock, tickets, directory, runner, notifier, me, world
):
    canned = CannedReplyService(db, clock)
    reply = canned.create(
        "Working on it", "Hello {contact}, we are on {ticket}.", None, False, me.technician_id
    )
    dialog = TicketDialog(tickets, directory, runner, notifier, me, world.ticket, canned=canned)
    monkeypatch.setattr(dialog, "_ask_unsaved", Answers(Discard))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail() is not None, timeout=3000)
    button = dialog.canned_button
    assert button is not None
    qtbot.waitUntil(lambda: "Working on it" in button.reply_names(), timeout=3000)
    dialog.timeline.note_edit.setPlainText("")
    button.insert_reply(reply.reply_id)
    number = f"T-{world.ticket:06d}"
    qtbot.waitUntil(
        lambda: (
            dialog.timeline.note_edit.toPlainText() == f"Hello Nancy Davolio, we are on {number}."
        ),
        timeout=3000,
    )
