"""Live SLA timers against real services on both backends: the queue's due columns and the
ticket dialog's SLA panel, driven by a fake clock.

The FakeClock starts on Monday 2026-03-02 09:00 UTC, 10:00 in Brussels, inside the office hours
(Mon–Fri 09:00–17:00) of the demo calendar. A P2 ticket logged then is due a response at 10:30
and a resolution 8 business hours later, Tuesday 10:00.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

import pytest

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QColor, QFont, QStandardItemModel
from PySide6.QtWidgets import QTableView

from app.db import Changes, Database
from app.models.enums import Priority, Role, SourceChannel, Status, TicketType
from app.services.directory import TechnicianRow
from app.services.sla import SlaService
from app.services.ticket_queue import TicketFilter, TicketQueueService, TicketSort
from app.services.tickets import TicketFields, TicketService
from app.sla.engine import TargetState
from app.sla.policy import TargetKind
from app.tasks import ChangeNotifier, TaskRunner
from tests.factories import add_calendar, add_client, add_policy, add_ticket
from tests.fakes import FakeClock
from tests.views.test_queue_model import loaded_ids, recorded

from app.views import labels
from app.views.tickets import sla_format
from app.views.tickets.form_widgets import select_data
from app.views.tickets.queue_model import (
    SLA_TICK_MS,
    Col,
    SlaToneRole,
    TicketTableModel,
)
from app.views.tickets.queue_view import TicketQueueView
from app.views.tickets.sla_format import MINUS, Tone
from app.views.tickets.sla_panel import TICK_MS, TicketSlaPanel
from app.views.tickets.ticket_dialog import TicketDialog

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ASC = Qt.SortOrder.AscendingOrder
DESC = Qt.SortOrder.DescendingOrder
RESPONSE, RESOLUTION, UPDATE = TargetKind.RESPONSE, TargetKind.RESOLUTION, TargetKind.UPDATE


@pytest.fixture
def desk(db: Database) -> SimpleNamespace:
    """A Brussels office-hours calendar with the demo policy as the global default."""
    calendar = add_calendar(db, "Brussels office hours", timezone="Europe/Brussels")
    policy = add_policy(db, calendar, "Gold MSP")
    client = add_client(db, "Acme Corp")
    return SimpleNamespace(calendar=calendar, policy=policy, client=client)


def log_ticket(
    tickets: TicketService,
    me: TechnicianRow,
    client: int,
    priority: Priority = Priority.P2,
    subject: str = "VPN drops every hour",
) -> int:
    fields = TicketFields(
        client_id=client,
        contact_id=None,
        type=TicketType.INCIDENT,
        category="",
        priority=priority,
        source=SourceChannel.PHONE,
        subject=subject,
    )
    return tickets.create(fields, me.technician_id).detail.ticket_id


def set_status(tickets: TicketService, me: TechnicianRow, ticket_id: int, status: Status) -> None:
    stored = tickets.get(ticket_id)
    tickets.update(
        ticket_id, stored.version, replace(stored.fields, status=status), me.technician_id
    )


@pytest.fixture
def model(qtbot, queue_service: TicketQueueService, runner: TaskRunner, clock: FakeClock):
    m = TicketTableModel(queue_service, runner, now=clock.now)
    yield m
    m.deleteLater()


def cell(model: TicketTableModel, ticket_id: int, col: Col, role: int = DISPLAY) -> object:
    row = model.row_of(ticket_id)
    assert row is not None, f"ticket {ticket_id} is not loaded"
    return model.data(model.index(row, col), role)


# -- the queue's due columns ---------------------------------------------------------------------


def test_queue_counts_down_the_response_and_resolution(
    model, desk, tickets, me, clock, qtmodeltester
):
    ticket = log_ticket(tickets, me, desk.client)
    model.set_query(TicketFilter(), TicketSort())
    assert model.headerData(Col.RESPONSE_DUE, Qt.Orientation.Horizontal) == "Response due"
    assert model.headerData(Col.RESOLVE_DUE, Qt.Orientation.Horizontal) == "Resolve due"
    assert cell(model, ticket, Col.RESPONSE_DUE) == "30 m"
    assert cell(model, ticket, Col.RESOLVE_DUE) == "8 h"
    assert cell(model, ticket, Col.RESPONSE_DUE, SlaToneRole) == Tone.NORMAL
    assert cell(model, ticket, Col.RESPONSE_DUE, Qt.ItemDataRole.BackgroundRole) is None

    clock.advance(minutes=20)
    with recorded(model.dataChanged) as changed, recorded(model.modelAboutToBeReset) as resets:
        model.tick_sla()
    # One repaint of exactly the two SLA columns over every loaded row; no query, no reset.
    [(top_left, bottom_right, roles)] = changed
    assert (top_left.row(), top_left.column()) == (0, Col.RESPONSE_DUE)
    assert (bottom_right.row(), bottom_right.column()) == (model.rowCount() - 1, Col.RESOLVE_DUE)
    assert DISPLAY in roles and SlaToneRole in roles
    assert resets == []
    assert cell(model, ticket, Col.RESPONSE_DUE) == "10 m"
    assert cell(model, ticket, Col.RESOLVE_DUE) == "7 h 40 m"
    # Past the warning instant (75 % of 30 m = 10:22:30) the stored state is still "running";
    # the queue colours by state and "overdue now" only.
    assert cell(model, ticket, Col.RESPONSE_DUE, SlaToneRole) == Tone.NORMAL
    qtmodeltester.check(model)


def test_an_overdue_clock_is_negative_red_and_bold(model, desk, tickets, me, clock):
    ticket = log_ticket(tickets, me, desk.client)
    model.set_query(TicketFilter(), TicketSort())
    clock.advance(minutes=45)  # 10:45: fifteen minutes past the response due
    model.tick_sla()
    assert cell(model, ticket, Col.RESPONSE_DUE) == MINUS + "15 m"
    assert cell(model, ticket, Col.RESPONSE_DUE, SlaToneRole) == Tone.OVERDUE
    background = cell(model, ticket, Col.RESPONSE_DUE, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor)
    assert background == QColor(*sla_format.TONE_TINT[Tone.OVERDUE])
    assert background.red() > 200 and background.green() < 100
    font = cell(model, ticket, Col.RESPONSE_DUE, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    # The resolution is not late: it keeps the palette's colours.
    assert cell(model, ticket, Col.RESOLVE_DUE) == "7 h 15 m"
    assert cell(model, ticket, Col.RESOLVE_DUE, Qt.ItemDataRole.BackgroundRole) is None


def test_overdue_across_the_night_counts_business_time_only(model, desk, tickets, me, clock):
    ticket = log_ticket(tickets, me, desk.client)
    clock.set(dt.datetime(2026, 3, 3, 8, 15, tzinfo=dt.UTC))  # Tuesday 09:15 local
    model.set_query(TicketFilter(), TicketSort())
    # Due Monday 10:30: 6 h 30 m on Monday plus 15 m on Tuesday.
    assert cell(model, ticket, Col.RESPONSE_DUE) == MINUS + "6 h 45 m"
    assert cell(model, ticket, Col.RESOLVE_DUE) == "45 m"


def test_waiting_on_the_customer_pauses_the_resolution(model, desk, tickets, me, clock):
    ticket = log_ticket(tickets, me, desk.client)
    clock.advance(minutes=20)
    set_status(tickets, me, ticket, Status.WAITING_CUSTOMER)
    model.set_query(TicketFilter(), TicketSort())
    assert cell(model, ticket, Col.RESOLVE_DUE) == "Paused (7 h 40 m)"
    assert cell(model, ticket, Col.RESOLVE_DUE, SlaToneRole) == Tone.PAUSED
    font = cell(model, ticket, Col.RESOLVE_DUE, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert cell(model, ticket, Col.RESOLVE_DUE, Qt.ItemDataRole.ForegroundRole) == QColor(
        sla_format.TONE_TEXT[Tone.PAUSED]
    )
    # The frozen remainder does not move with the clock; the response never pauses.
    clock.advance(hours=2)
    model.tick_sla()
    assert cell(model, ticket, Col.RESOLVE_DUE) == "Paused (7 h 40 m)"
    assert cell(model, ticket, Col.RESPONSE_DUE) == MINUS + "1 h 50 m"


def test_a_met_response_and_a_ticket_without_sla(model, desk, tickets, me, clock, db):
    ticket = log_ticket(tickets, me, desk.client)
    clock.advance(minutes=5)
    tickets.add_note(ticket, me.technician_id, "We are on it", public=True)
    bare = add_ticket(db, desk.client, subject="Logged before any SLA existed")
    model.set_query(TicketFilter(), TicketSort())
    assert cell(model, ticket, Col.RESPONSE_DUE) == "Met"
    assert cell(model, ticket, Col.RESPONSE_DUE, SlaToneRole) == Tone.MET
    assert cell(model, bare, Col.RESPONSE_DUE) == "\u2014"
    assert cell(model, bare, Col.RESOLVE_DUE) == "\u2014"
    assert cell(model, bare, Col.RESOLVE_DUE, TOOLTIP) == "No SLA applies to this ticket"


def test_sorting_by_resolve_due_is_by_urgency(model, desk, tickets, me, clock, db):
    bare = add_ticket(db, desk.client, subject="No SLA")
    p3 = log_ticket(tickets, me, desk.client, Priority.P3, "P3: due Thursday 17:00")
    p2 = log_ticket(tickets, me, desk.client, Priority.P2, "P2: due Tuesday 10:00")
    paused = log_ticket(tickets, me, desk.client, Priority.P1, "P1 waiting on the customer")
    set_status(tickets, me, paused, Status.WAITING_CUSTOMER)
    clock.advance(minutes=30)
    p1 = log_ticket(tickets, me, desk.client, Priority.P1, "P1: due 14:30")
    model.set_query(TicketFilter(), TicketSort())

    model.sort(Col.RESOLVE_DUE, ASC)
    assert model.current_sort().key.value == "resolve_due"
    # Running due instants first, earliest first; paused and no-SLA tickets last, by number.
    assert loaded_ids(model) == [p1, p2, p3, bare, paused]
    resolve = [cell(model, i, Col.RESOLVE_DUE) for i in (p1, p2, p3)]
    assert resolve == ["4 h", "7 h 30 m", "30 h 30 m"]
    model.sort(Col.RESOLVE_DUE, DESC)
    assert loaded_ids(model) == [paused, bare, p3, p2, p1]
    model.sort(Col.RESPONSE_DUE, ASC)
    # Responses never pause: the waiting P1 was due at 10:15 and is the most urgent.
    assert loaded_ids(model) == [paused, p2, p1, p3, bare]
    responses = [cell(model, i, Col.RESPONSE_DUE) for i in (paused, p2, p1, p3, bare)]
    assert responses == [MINUS + "15 m", "0 m", "15 m", "1 h 30 m", "\u2014"]


def test_tooltip_shows_the_client_zone_and_local_time(
    qtbot, db, queue_service, runner, tickets, me, clock
):
    # sla.md §13: a New York client calendar; 09:30 EDT plus a 1 h response is 10:30 there.
    calendar = add_calendar(db, "New York office", timezone="America/New_York")
    targets = {(Priority.P2, "response"): ("hours", 1), (Priority.P2, "resolution"): ("hours", 8)}
    add_policy(db, calendar, "US standard", targets=targets)
    client = add_client(db, "Contoso US", timezone="America/New_York")
    clock.set(dt.datetime(2026, 6, 1, 13, 30, tzinfo=dt.UTC))  # Monday 09:30 EDT
    ticket = log_ticket(tickets, me, client)
    model = TicketTableModel(queue_service, runner, now=clock.now)
    model.set_query(TicketFilter(), TicketSort())
    due = dt.datetime(2026, 6, 1, 14, 30, tzinfo=dt.UTC)
    now = clock.now()
    client_time = QLocale().toString(QTime(10, 30), QLocale.FormatType.ShortFormat)
    tip = cell(model, ticket, Col.RESPONSE_DUE, TOOLTIP)
    assert tip == (
        f"Due {labels.local_instant(due, now)} (your time) = {client_time} client time, "
        "America/New_York · Running · 1 h business time left"
    )
    assert "America/New_York" in str(cell(model, ticket, Col.RESOLVE_DUE, TOOLTIP))


def test_a_calendar_not_at_hand_shows_the_due_instant(model, desk, tickets, me, clock):
    ticket = log_ticket(tickets, me, desk.client)
    model.set_query(TicketFilter(), TicketSort())
    row = model.row_at(0)
    assert row is not None and row.sla is not None
    # As if the calendar changed after the page was read.
    model._rows[0] = row._replace(sla=row.sla._replace(calendar=None))
    due = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    assert cell(model, ticket, Col.RESPONSE_DUE) == labels.local_instant(due, clock.now())


def test_the_model_ticks_on_its_own_timer_once_started(model, desk, tickets, me, qtbot):
    log_ticket(tickets, me, desk.client)
    model.set_query(TicketFilter(), TicketSort())
    assert model.sla_tick_interval() is None
    model.start_sla_ticks(20)
    with qtbot.waitSignal(model.dataChanged, timeout=2000) as blocker:
        pass
    top_left, bottom_right, _roles = blocker.args
    assert (top_left.column(), bottom_right.column()) == (Col.RESPONSE_DUE, Col.RESOLVE_DUE)


def test_queue_view_ticks_every_30_s_and_sizes_the_due_columns(
    qtbot, desk, queue_service, directory, runner, notifier, me, clock, tickets
):
    view = TicketQueueView(queue_service, directory, runner, notifier, me, now=clock.now)
    qtbot.addWidget(view)
    assert view.model.sla_tick_interval() == SLA_TICK_MS == 30_000
    header = view.table.horizontalHeader()
    metrics = view.table.fontMetrics()
    for col in (Col.RESPONSE_DUE, Col.RESOLVE_DUE):
        assert not header.isSectionHidden(col)
        assert header.sectionSize(col) > metrics.horizontalAdvance("Paused (99 h 59 m)")
    status = header.visualIndex(Col.STATUS)
    assert header.visualIndex(Col.RESPONSE_DUE) == status + 1
    assert header.visualIndex(Col.RESOLVE_DUE) == status + 2
    assert header.logicalIndex(status + 3) == Col.TIER


def test_a_header_layout_saved_before_the_due_columns_still_fits(
    qtbot, desk, queue_service, directory, runner, notifier, me, clock
):
    # An older version saved twelve sections; Qt restores a header state by position.
    old = QTableView()
    qtbot.addWidget(old)
    old.setModel(QStandardItemModel(0, 12, old))
    old.horizontalHeader().resizeSection(Col.TIER, 77)
    state = old.horizontalHeader().saveState()
    view = TicketQueueView(queue_service, directory, runner, notifier, me, now=clock.now)
    qtbot.addWidget(view)
    header = view.table.horizontalHeader()
    assert header.restoreState(state)
    assert header.sectionSize(Col.TIER) == 77
    assert not header.isSectionHidden(Col.RESPONSE_DUE)
    assert not header.isSectionHidden(Col.RESOLVE_DUE)


def test_queue_view_sorts_by_the_due_columns_from_the_header(
    qtbot, desk, queue_service, directory, runner, notifier, me, clock, tickets
):
    p3 = log_ticket(tickets, me, desk.client, Priority.P3)
    p1 = log_ticket(tickets, me, desk.client, Priority.P1)
    view = TicketQueueView(queue_service, directory, runner, notifier, me, now=clock.now)
    qtbot.addWidget(view)
    view.table.horizontalHeader().setSortIndicator(Col.RESOLVE_DUE, ASC)
    assert view.current_sort().key.value == "resolve_due"
    assert loaded_ids(view.model) == [p1, p3]


def test_clocks_recomputed_in_bulk_refresh_the_rows_in_place(
    qtbot, desk, queue_service, directory, runner, notifier, me, clock, tickets
):
    ticket = log_ticket(tickets, me, desk.client)
    view = TicketQueueView(queue_service, directory, runner, notifier, me, now=clock.now)
    qtbot.addWidget(view)
    set_status(tickets, me, ticket, Status.WAITING_CUSTOMER)
    # A calendar or policy edit recomputes many tickets and announces no ids.
    with recorded(view.model.modelAboutToBeReset) as resets:
        notifier.announce(Changes("ticket"))
    assert resets == []
    assert cell(view.model, ticket, Col.RESOLVE_DUE) == "Paused (8 h)"


# -- the ticket dialog's SLA panel ----------------------------------------------------------------


@pytest.fixture
def open_dialog(qtbot, tickets, directory, runner, notifier, me, sla: SlaService, clock):
    def make(ticket_id: int) -> TicketDialog:
        dialog = TicketDialog(
            tickets, directory, runner, notifier, me, ticket_id, sla=sla, now=clock.now
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def panel_of(dialog: TicketDialog) -> TicketSlaPanel:
    assert dialog.sla_panel is not None
    return dialog.sla_panel


def card_texts(panel: TicketSlaPanel, kind: TargetKind) -> tuple[str, str, str, str]:
    card = panel.cards[kind]
    return card.chip.text(), card.left.text(), card.due.text(), card.details.text()


def test_panel_shows_state_due_and_what_the_clocks_are_measured_against(
    open_dialog, desk, tickets, me, clock
):
    ticket = log_ticket(tickets, me, desk.client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    now = clock.now()
    due = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    chip, left, due_line, details = card_texts(panel, RESPONSE)
    assert (chip, left) == ("Running", "30 m left")
    local_client = QLocale().toString(QTime(10, 30), QLocale.FormatType.ShortFormat)
    assert due_line == (
        f"Due {labels.local_instant(due, now)} (your time) = {local_client} client time,"
        " Europe/Brussels"
    )
    warn = dt.datetime(2026, 3, 2, 9, 22, 30, tzinfo=dt.UTC)
    assert details == f"Target 30 m · warning {labels.local_instant(warn, now)}"
    assert card_texts(panel, RESOLUTION)[:2] == ("Running", "8 h left")
    assert panel.cards[UPDATE].isHidden(), "the update clock starts with the first response"
    assert panel.measured.text() == (
        "Measured against: Gold MSP on Brussels office hours (Europe/Brussels)"
    )
    assert panel.message.isHidden()


def test_panel_counts_down_turns_amber_then_red(open_dialog, desk, tickets, me, clock):
    ticket = log_ticket(tickets, me, desk.client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    assert panel.tick_interval() == TICK_MS == 30_000
    clock.advance(minutes=20)
    panel.tick()
    assert card_texts(panel, RESPONSE)[:2] == ("Running", "10 m left")
    assert sla_format.TONE_CHIP[Tone.NORMAL][0] in panel.cards[RESPONSE].chip.styleSheet()
    clock.advance(minutes=5)  # 10:25, past the warning at 10:22:30 (75 % of the target)
    panel.tick()
    assert card_texts(panel, RESPONSE)[:2] == ("Warning", "5 m left")
    assert sla_format.TONE_CHIP[Tone.WARNING][0] in panel.cards[RESPONSE].chip.styleSheet()
    clock.advance(minutes=10)
    panel.tick()
    assert card_texts(panel, RESPONSE)[:2] == ("Breached", "5 m overdue")
    assert sla_format.TONE_TEXT[Tone.OVERDUE] in panel.cards[RESPONSE].left.styleSheet()


def test_a_public_reply_meets_the_response_in_the_panel(
    qtbot, open_dialog, desk, tickets, me, clock
):
    ticket = log_ticket(tickets, me, desk.client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    clock.advance(minutes=12)
    select_data(dialog.timeline.note_kind, True)
    dialog.timeline.note_edit.setPlainText("We are looking into it.")
    with qtbot.waitSignal(panel.clocks_loaded, timeout=2000):
        qtbot.mouseClick(dialog.timeline.add_note_button, Qt.MouseButton.LeftButton)
    met = labels.local_instant(clock.now(), clock.now())
    assert card_texts(panel, RESPONSE)[:2] == ("Met", f"Met at {met}")
    # The next customer update is due 4 business hours after the first response.
    assert card_texts(panel, UPDATE)[:2] == ("Running", "4 h left")
    assert not panel.cards[UPDATE].isHidden()


def test_an_internal_note_does_not_meet_the_response(qtbot, open_dialog, desk, tickets, me, clock):
    ticket = log_ticket(tickets, me, desk.client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    clock.advance(minutes=12)
    select_data(dialog.timeline.note_kind, False)
    dialog.timeline.note_edit.setPlainText("Checked the firewall logs.")
    with qtbot.waitSignal(dialog.timeline.entry_added, timeout=2000):
        qtbot.mouseClick(dialog.timeline.add_note_button, Qt.MouseButton.LeftButton)
    assert card_texts(panel, RESPONSE)[:2] == ("Running", "18 m left")
    assert panel.cards[UPDATE].isHidden()


@pytest.mark.parametrize("public", [False, True], ids=["internal_call", "requester_call"])
def test_a_logged_call_meets_the_response_only_with_the_requester(
    qtbot, open_dialog, desk, tickets, me, clock, sla, public
):
    ticket = log_ticket(tickets, me, desk.client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    timeline = dialog.timeline
    assert timeline.call_public.isChecked(), "a call is with the requester unless unticked"
    assert timeline.call_public.text() == "Call with the requester (counts as a customer update)"
    clock.advance(minutes=12)
    timeline.call_public.setChecked(public)
    timeline.call_summary.setPlainText("Called about the VPN; vendor ticket opened")
    with qtbot.waitSignal(panel.clocks_loaded, timeout=2000):
        qtbot.mouseClick(timeline.log_call_button, Qt.MouseButton.LeftButton)
    [response] = [c for c in sla.ticket_clocks(ticket).clocks if c.kind is RESPONSE]
    if public:
        assert response.state is TargetState.MET and response.met_at == clock.now()
        assert card_texts(panel, RESPONSE)[0] == "Met"
    else:
        assert response.state is TargetState.RUNNING and response.met_at is None
        assert card_texts(panel, RESPONSE)[:2] == ("Running", "18 m left")
    assert timeline.call_public.isChecked(), "back to the default for the next call"


def test_saving_a_status_reloads_the_panel(qtbot, open_dialog, desk, tickets, me, clock):
    ticket = log_ticket(tickets, me, desk.client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    clock.advance(minutes=20)
    select_data(dialog.editor.form.status, Status.WAITING_CUSTOMER)
    with qtbot.waitSignal(panel.clocks_loaded, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    chip, left, due_line, _ = card_texts(panel, RESOLUTION)
    assert (chip, left) == ("Paused", "7 h 40 m left when it resumes")
    assert "resumes" in due_line


def test_a_change_elsewhere_reloads_the_panel(
    qtbot, open_dialog, desk, tickets, me, clock, notifier: ChangeNotifier
):
    ticket = log_ticket(tickets, me, desk.client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    clock.advance(minutes=40)
    tickets.add_note(ticket, me.technician_id, "Replied from the portal", public=True)
    with qtbot.waitSignal(panel.clocks_loaded, timeout=2000):
        notifier.announce(Changes("ticket", frozenset({ticket})))
    breached = labels.local_instant(dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC), clock.now())
    chip, left, _due, details = card_texts(panel, RESPONSE)
    assert chip == "Breached"
    assert left == f"Met late at {labels.local_instant(clock.now(), clock.now())}"
    assert f"breached {breached} (10 m business time over)" in details
    # Another ticket's change does not reload this panel.
    with recorded(panel.clocks_loaded) as loads:
        notifier.announce(Changes("ticket", frozenset({ticket + 1000})))
    assert loads == []


def test_no_sla_applies(open_dialog, db, tickets, me):
    client = add_client(db, "Walk-in customer")
    ticket = add_ticket(db, client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    assert panel.message.text() == "No SLA applies to this ticket"
    assert not panel.message.isHidden()
    assert all(card.isHidden() for card in panel.cards.values())
    assert panel.measured.isHidden()


def test_re_evaluate_gives_a_ticket_from_before_the_sla_its_clocks(
    open_dialog, db, tickets, me, notifier, clock
):
    client = add_client(db, "Walk-in customer", timezone="Europe/Brussels")
    ticket = log_ticket(tickets, me, client)  # no policy exists yet: no clocks
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    assert panel.message.text() == "No SLA applies to this ticket"
    announced: list = []
    notifier.data_changed.connect(announced.append)

    add_policy(db, add_calendar(db, "Brussels office hours"), "Gold MSP")
    assert not panel.reevaluate_button.isHidden()
    panel.reevaluate_button.click()

    assert panel.measured.text() == (
        "Measured against: Gold MSP on Brussels office hours (Europe/Brussels)"
    )
    # Created Mon 10:00 Brussels: P2 response due 10:30 local, 30 business minutes left.
    assert card_texts(panel, RESPONSE)[1] == "30 m left"
    assert any(ticket in c.ids for c in announced)


def test_a_read_only_account_has_no_re_evaluate_button(
    qtbot, desk, tickets, directory, runner, notifier, me, sla, clock, db
):
    ticket = log_ticket(tickets, me, desk.client)
    reader = replace(me, role=Role.READ_ONLY)
    dialog = TicketDialog(
        tickets, directory, runner, notifier, reader, ticket, sla=sla, now=clock.now
    )
    qtbot.addWidget(dialog)
    assert panel_of(dialog).reevaluate_button.isHidden()


def test_the_dialog_without_an_sla_service_has_no_panel(
    qtbot, desk, tickets, directory, runner, notifier, me
):
    ticket = log_ticket(tickets, me, desk.client)
    dialog = TicketDialog(tickets, directory, runner, notifier, me, ticket)
    qtbot.addWidget(dialog)
    assert dialog.sla_panel is None


def test_the_panel_reads_each_calendar_once(qtbot, desk, tickets, me, runner, clock, sla):
    ticket = log_ticket(tickets, me, desk.client)
    calls: list[tuple[int, int]] = []

    class CountingSla:
        def ticket_clocks(self, ticket_id: int):
            return sla.ticket_clocks(ticket_id)

        def calendar(self, calendar_id: int, version: int):
            calls.append((calendar_id, version))
            return sla.calendar(calendar_id, version)

    panel = TicketSlaPanel(CountingSla(), runner, ticket, now=clock.now)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.reload()
    panel.reload()
    assert len(calls) == 1
    assert card_texts(panel, RESPONSE)[1] == "30 m left"


def test_a_breach_reason_is_recorded_from_the_panel(
    qtbot, open_dialog, desk, tickets, me, clock, sla: SlaService, db: Database
):
    """The response (due 10:30 local) is answered at 10:40: breached. The technician records
    why; the card shows it, the timeline notes it, and the report's breach list carries it."""
    ticket = log_ticket(tickets, me, desk.client)
    dialog = open_dialog(ticket)
    panel = panel_of(dialog)
    card = panel.cards[RESPONSE]
    assert card.reason_button.isHidden(), "nothing to explain before a breach"
    clock.advance(minutes=40)
    tickets.add_note(ticket, me.technician_id, "On it", public=True)
    panel.reload()
    assert card.reason.text() == "No reason recorded"
    assert not card.reason_button.isHidden() and card.reason_button.text() == "Record reason…"
    assert panel.cards[RESOLUTION].reason_button.isHidden()
    with qtbot.waitSignal(panel.reevaluated, timeout=2000) as announced:
        panel.save_breach_reason(RESPONSE, "  Caller   on a flight; no phone until 10:40 ")
    assert announced.args == [Changes("ticket", frozenset({ticket}))]
    assert card.reason.text() == "Reason: Caller on a flight; no phone until 10:40"
    assert card.reason_button.text() == "Edit reason…"
    [response] = [c for c in sla.ticket_clocks(ticket).clocks if c.kind is RESPONSE]
    assert response.breach_justification == "Caller on a flight; no phone until 10:40"
    events = [e for e in tickets.history(ticket) if e.kind.value == "breach_reason"]
    assert [(e.new_value, e.body) for e in events] == [
        ("response", "Caller on a flight; no phone until 10:40")
    ]
    # An empty reason is refused by the service; the panel says so and keeps the old one.
    panel.save_breach_reason(RESPONSE, "   ")
    assert panel.message.text().startswith("Reason not saved")
    assert sla.ticket_clocks(ticket).clocks[0].breach_justification.startswith("Caller")


def test_the_breach_reason_dialog_needs_text(qtbot):
    from app.views.tickets.breach_reason_dialog import BreachReasonDialog

    dialog = BreachReasonDialog("response", "")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != BreachReasonDialog.DialogCode.Accepted
    assert dialog.error.text() == "Say why the target was missed."
    dialog.text.setPlainText("Vendor  shipped the part late")
    dialog.accept()
    assert dialog.result() == BreachReasonDialog.DialogCode.Accepted
    assert dialog.reason() == "Vendor shipped the part late"
