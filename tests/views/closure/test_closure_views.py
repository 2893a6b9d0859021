"""The closure views against real services on both backends: the Resolution tab of the ticket
dialog driven through resolve → verify → close with CSAT → reopen, the CSAT box of the client
page, and the "Told the user" line of a logged call."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableView

from app.db import Database
from app.models import Ticket
from app.models.enums import EventKind, Role, Status, Tier
from app.models.workflow import CsatResponse
from app.services.closure import ClosureService
from app.services.csat import CsatService
from app.services.directory import TechnicianRow
from tests.factories import add_client, add_contact, add_technician, add_ticket
from tests.fakes import FakeClock

from app.views.closure.close_dialog import CloseDialog
from app.views.closure.closure_panel import ClosurePanel, closure_panel_factory
from app.views.closure.csat_widget import CsatWidget
from app.views.closure.resolve_dialog import ResolveDialog
from app.views.tickets.form_widgets import select_data
from app.views.tickets.ticket_dialog import TicketDialog
from app.views.tickets.timeline_panel import TicketTimelinePanel

FIX = "Cleared the print spooler and reinstalled the printer driver."


@pytest.fixture
def world(db: Database, me: TechnicianRow) -> SimpleNamespace:
    client = add_client(db, "Northwind Traders")
    nancy = add_contact(db, client, "Nancy Davolio")
    ticket = add_ticket(
        db,
        client,
        subject="Printer prints blank pages",
        contact_id=nancy,
        assignee_id=me.technician_id,
        status=Status.IN_PROGRESS,
    )
    return SimpleNamespace(client=client, nancy=nancy, ticket=ticket)


@pytest.fixture
def closure(db: Database, clock: FakeClock, sla) -> ClosureService:
    return ClosureService(db, clock, sla)


@pytest.fixture
def open_dialog(qtbot, monkeypatch, tickets, directory, runner, notifier, closure, clock):
    def make(ticket_id: int, me: TechnicianRow) -> TicketDialog:
        dialog = TicketDialog(
            tickets,
            directory,
            runner,
            notifier,
            me,
            ticket_id,
            panels=[closure_panel_factory(closure, runner, me, now=clock.now)],
        )
        monkeypatch.setattr(
            dialog, "_ask_unsaved", lambda *args: QMessageBox.StandardButton.Discard
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def panel_of(dialog: TicketDialog) -> ClosurePanel:
    [panel] = [p for p in dialog.panels if isinstance(p, ClosurePanel)]
    return panel


def cell(table: QTableView, row: int, col: int) -> str:
    text = table.model().index(row, col).data()
    assert isinstance(text, str)
    return text


def stored(db: Database, ticket_id: int) -> tuple[Status, str, str, int | None]:
    with db.read() as s:
        t = s.get(Ticket, ticket_id)
        assert t is not None
        return t.status, t.resolution, t.verified_how, t.version


def test_resolve_verify_close_and_reopen_through_the_panel(
    qtbot, db, open_dialog, world, me, clock, monkeypatch, tickets
):
    dialog = open_dialog(world.ticket, me)
    panel = panel_of(dialog)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(panel)) == "Resolution"
    assert panel.resolution.text() == "Not resolved yet."
    assert [b.text() for b in panel.action_buttons()] == ["Resolve…", "Close…", "Reopen…"]
    assert [b.isEnabled() for b in panel.action_buttons()] == [True, False, False]

    # Resolve: a too-short text is refused next to the field and kept.
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    resolve = panel.dialog
    assert isinstance(resolve, ResolveDialog) and resolve.isVisible()
    resolve.description.setPlainText("Fixed it")
    qtbot.mouseClick(resolve.ok_button, Qt.MouseButton.LeftButton)
    assert "at least 10 letters" in resolve.error_text("resolution")
    assert resolve.error_text("resolution_code") == "This field is required."
    assert resolve.description.toPlainText() == "Fixed it"
    assert resolve.isVisible()
    assert stored(db, world.ticket)[0] is Status.IN_PROGRESS

    clock.advance(minutes=30)
    resolve.description.setPlainText(FIX)
    assert select_data(resolve.code, "configuration_change")
    resolve.workaround.setChecked(True)
    qtbot.mouseClick(resolve.ok_button, Qt.MouseButton.LeftButton)
    assert not resolve.isVisible()
    assert stored(db, world.ticket)[:2] == (Status.RESOLVED, FIX)
    qtbot.waitUntil(lambda: panel.resolution.text() == FIX, timeout=3000)
    assert panel.code.text() == "Configuration change · Workaround"
    assert "wants it before closing" in panel.verification.text()
    assert [b.isEnabled() for b in panel.action_buttons()] == [False, True, True]

    # Close: nothing chosen → both the confirmation and the survey are asked for, nothing written.
    clock.advance(minutes=30)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    close = panel.dialog
    assert isinstance(close, CloseDialog) and close.isVisible()
    assert close.verification.isVisible() and not close.verification.isCheckable()
    qtbot.mouseClick(close.ok_button, Qt.MouseButton.LeftButton)
    assert close.error_text("how") == "This field is required."
    assert close.error_text("csat_state") == "This field is required."
    assert stored(db, world.ticket)[2] == ""

    assert close.select_method("phone")
    close.note.setText("Nancy printed a test page")
    close.set_score(4)
    assert close.answered.isChecked()
    close.comment.setPlainText("Quick fix, thanks")
    qtbot.mouseClick(close.ok_button, Qt.MouseButton.LeftButton)
    assert not close.isVisible(), close.error_text("general")
    status, _, how, _ = stored(db, world.ticket)
    assert (status, how) == (Status.CLOSED, "phone")
    qtbot.waitUntil(lambda: "4/5" in panel.csat.text(), timeout=3000)
    assert panel.csat.text() == "Rated 4/5 by phone — “Quick fix, thanks”"
    assert "Nancy printed a test page" in panel.verification.text()
    with db.read() as s:
        row = s.scalar(select(CsatResponse).where(CsatResponse.ticket_id == world.ticket))
        assert row is not None
        assert (row.score, row.technician_id, row.contact_id) == (4, me.technician_id, world.nancy)
    assert [b.isEnabled() for b in panel.action_buttons()] == [False, False, True]
    kinds = [e.kind for e in tickets.history(world.ticket)]
    assert kinds[-5:] == [
        EventKind.STATUS_CHANGED,
        EventKind.RESOLUTION,
        EventKind.REQUESTER_VERIFIED,
        EventKind.CSAT,
        EventKind.STATUS_CHANGED,
    ]

    # Reopen: an empty reason is refused; a reason reopens.
    monkeypatch.setattr(panel, "_ask_reopen_reason", lambda: "  ")
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert panel.error.text() == "This field is required."
    assert stored(db, world.ticket)[0] is Status.CLOSED
    monkeypatch.setattr(panel, "_ask_reopen_reason", lambda: "Blank pages again")
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert stored(db, world.ticket)[0] is Status.IN_PROGRESS
    qtbot.waitUntil(lambda: panel.resolve_button.isEnabled(), timeout=3000)
    assert panel.resolution.text() == FIX  # kept as history
    assert "(for an earlier resolution)" in panel.verification.text()
    assert panel.error.isHidden()


def test_cancelling_the_reopen_question_writes_nothing(
    qtbot, db, open_dialog, world, me, closure, monkeypatch
):
    version = stored(db, world.ticket)[3]
    assert version is not None
    closure.resolve(world.ticket, version, FIX, "fixed", False, me.technician_id)
    dialog = open_dialog(world.ticket, me)
    panel = panel_of(dialog)
    qtbot.waitUntil(lambda: panel.reopen_button.isEnabled(), timeout=3000)
    monkeypatch.setattr(panel, "_ask_reopen_reason", lambda: None)
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    assert stored(db, world.ticket)[0] is Status.RESOLVED


def test_close_without_required_verification_and_survey_sent(
    qtbot, db, open_dialog, world, me, closure
):
    closure.set_verify_before_close(
        world.client, False, add_technician(db, "Ada Admin", role=Role.ADMIN)
    )
    version = stored(db, world.ticket)[3]
    assert version is not None
    closure.resolve(world.ticket, version, FIX, "fixed", False, me.technician_id)
    dialog = open_dialog(world.ticket, me)
    panel = panel_of(dialog)
    qtbot.waitUntil(lambda: panel.close_button.isEnabled(), timeout=3000)
    assert "optional" in panel.verification.text()
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    close = panel.dialog
    assert isinstance(close, CloseDialog)
    assert close.verification.isCheckable() and not close.verification.isChecked()
    close.set_score(2)
    close.sent.setChecked(True)  # changed their mind: a survey link instead, so no score
    assert close.score_group.checkedButton() is None
    qtbot.mouseClick(close.ok_button, Qt.MouseButton.LeftButton)
    assert not close.isVisible(), close.error_text("general")
    assert stored(db, world.ticket)[0] is Status.CLOSED
    qtbot.waitUntil(lambda: panel.csat.text() == "Survey sent, no answer recorded", timeout=3000)


def test_a_resolve_on_a_ticket_changed_elsewhere_says_so(
    qtbot, db, open_dialog, world, me, tickets
):
    dialog = open_dialog(world.ticket, me)
    panel = panel_of(dialog)
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    resolve = panel.dialog
    assert isinstance(resolve, ResolveDialog)
    bob = add_technician(db, "Bob Stone")
    d = tickets.get(world.ticket)
    tickets.update(world.ticket, d.version, replace(d.fields, subject="Blank pages"), bob)
    resolve.description.setPlainText(FIX)
    select_data(resolve.code, "fixed")
    qtbot.mouseClick(resolve.ok_button, Qt.MouseButton.LeftButton)
    assert "changed by Bob Stone" in resolve.error_text("general")
    assert resolve.isVisible() and resolve.description.toPlainText() == FIX
    assert stored(db, world.ticket)[0] is Status.IN_PROGRESS


def test_read_only_accounts_cannot_use_the_buttons(qtbot, db, open_dialog, world):
    reader_id = add_technician(db, "Rita Reader", role=Role.READ_ONLY)
    reader = TechnicianRow(reader_id, "Rita Reader", "r@x", Tier.L1, Role.READ_ONLY, True)
    panel = panel_of(open_dialog(world.ticket, reader))
    qtbot.waitUntil(lambda: panel.state is not None, timeout=3000)
    assert [b.isEnabled() for b in panel.action_buttons()] == [False, False, False]


# --- the client page's CSAT box ---------------------------------------------------------------


def test_csat_widget_shows_the_figures(qtbot, qtmodeltester, db, runner, notifier, world, me):
    other_tech = add_technician(db, "Bob Stone")

    def response(state: str, score: int | None, when: str, tech: int | None) -> None:
        ticket = add_ticket(db, world.client)
        with db.write() as s:
            s.add(
                CsatResponse(
                    ticket_id=ticket,
                    client_id=world.client,
                    technician_id=tech,
                    state=state,
                    score=score,
                    recorded_at=dt.datetime.fromisoformat(when).replace(tzinfo=dt.UTC),
                )
            )

    # January: 5 and 4 (Alice); February: a dip to 2 (Bob) and a decline; March: 4 (Bob), sent.
    response("answered", 5, "2026-01-10 10:00", me.technician_id)
    response("answered", 4, "2026-01-20 10:00", me.technician_id)
    response("answered", 2, "2026-02-05 10:00", other_tech)
    response("declined", None, "2026-02-06 10:00", other_tech)
    response("answered", 4, "2026-03-01 10:00", other_tech)
    response("sent", None, "2026-03-02 10:00", None)
    widget = CsatWidget(CsatService(db), runner, notifier, today=lambda: dt.date(2026, 3, 2))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.rate.text() == "No surveys in this period."
    widget.set_client(world.client)
    # (5 + 4 + 2 + 4) / 4 = 3.75 → "3.8"; 4 answered of 6.
    assert widget.average.text() == "3.8 / 5"
    assert widget.rate.text() == "Response rate 67 %"
    assert widget.counts.text() == "4 answered, 1 sent without answer, 1 declined"
    months = widget.chart.months
    assert len(months) == 12
    assert [(m.month.month, m.average) for m in months[-3:]] == [(1, 4.5), (2, 2.0), (3, 4.0)]
    assert all(m.average is None for m in months[:-3])
    table = widget.technicians
    rows = [tuple(cell(table, r, c) for c in range(3)) for r in range(table.model().rowCount())]
    assert rows == [
        ("Alice Martin", "4.5", "2"),
        ("Bob Stone", "3.0", "2"),
        ("(unassigned)", "–", "0"),
    ]
    qtmodeltester.check(widget.technician_model)
    widget.chart.grab()  # paints without error


# --- what the user was told -------------------------------------------------------------------


def test_a_logged_call_keeps_what_the_user_was_told(qtbot, runner, tickets, me, world):
    panel = TicketTimelinePanel(tickets, runner, me, world.ticket)
    qtbot.addWidget(panel)
    panel.call_summary.setPlainText("Spoke to Nancy; the driver update is scheduled.")
    panel.call_told.setText("We will call back by 14:00 after the reinstall")
    qtbot.mouseClick(panel.log_call_button, Qt.MouseButton.LeftButton)
    [call] = [e for e in tickets.history(world.ticket) if e.kind is EventKind.PHONE_CALL]
    assert call.body == (
        "Spoke to Nancy; the driver update is scheduled.\n\n"
        "Told the user: We will call back by 14:00 after the reinstall"
    )
    assert call.public is True
    assert panel.call_told.text() == ""
    # An empty summary is still refused, and the "told" text is kept for the retry.
    panel.call_told.setText("Next update tomorrow")
    qtbot.mouseClick(panel.log_call_button, Qt.MouseButton.LeftButton)
    assert panel.call_errors.text_of("summary") == "This field is required."
    assert panel.call_told.text() == "Next update tomorrow"
