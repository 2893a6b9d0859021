"""TimePanel against the real TimeEntryService on both backends, alone and inside TicketDialog."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QDateTime, Qt, QTimeZone

from app.models.enums import EventKind, Role
from app.services.directory import TechnicianRow
from app.services.time_entries import TimeEntryService
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import FakeClock

from app.views.tickets.ticket_dialog import TicketDialog
from app.views.time_entries.durations import parse_duration
from app.views.time_entries.time_panel import TimePanel, time_panel_factory


@pytest.fixture
def service(db, clock) -> TimeEntryService:
    return TimeEntryService(db, clock)


@pytest.fixture
def ticket(db) -> int:
    return add_ticket(db, add_client(db, "Northwind"), subject="VPN drops")


@pytest.fixture
def make_panel(qtbot, service, runner, ticket, clock):
    def make(me: TechnicianRow) -> TimePanel:
        panel = TimePanel(service, runner, me, ticket, None, clock.now)
        qtbot.addWidget(panel)
        return panel

    return make


def qt_utc(text: str) -> QDateTime:
    value = dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc())


def add(qtbot, panel: TimePanel, duration: str, note: str = "", billable: bool = True) -> None:
    panel.duration_edit.setText(duration)
    panel.note_edit.setText(note)
    panel.billable_box.setChecked(billable)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("45", 45), ("1:30", 90), ("1h30", 90), ("1 h 30 min", 90), ("2h", 120), ("15m", 15),
     ("", None), ("abc", None), ("1:75", None), ("-5", None)],
)  # fmt: skip
def test_parse_duration(text: str, minutes: int | None) -> None:
    assert parse_duration(text) == minutes


def test_add_entries_updates_list_and_total(
    qtbot, qtmodeltester, make_panel, me, service, ticket
) -> None:
    panel = make_panel(me)
    assert panel.tab_title() == "Time (0 min)"
    add(qtbot, panel, "1:30", "Rebuilt the VPN profile")
    assert panel.table.model().rowCount() == 1
    assert panel.tab_title() == "Time (1 h 30 min)"
    add(qtbot, panel, "45", "Follow-up call", billable=False)
    assert panel.table.model().rowCount() == 2
    assert panel.tab_title() == "Time (2 h 15 min)"
    assert panel.total_label.text() == "Total 2 h 15 min, billable 1 h 30 min"
    assert panel.duration_edit.text() == ""  # the form is ready for the next entry
    qtmodeltester.check(panel.table_model)
    stored = service.entries(ticket)
    assert sorted((e.minutes, e.billable, e.note) for e in stored) == [
        (45, False, "Follow-up call"),
        (90, True, "Rebuilt the VPN profile"),
    ]


def test_bad_duration_is_shown_at_the_field_and_kept(
    qtbot, make_panel, me, service, ticket
) -> None:
    panel = make_panel(me)
    add(qtbot, panel, "an hour", "Note kept")
    assert "1:30" in panel.form_errors.text_of("minutes")
    assert (panel.duration_edit.text(), panel.note_edit.text()) == ("an hour", "Note kept")
    add(qtbot, panel, "1500", "Note kept")
    assert panel.form_errors.text_of("minutes") == "Enter between 1 minute and 24 hours."
    assert panel.duration_edit.text() == "1500"
    assert service.entries(ticket) == []


def test_start_in_the_future_is_refused_at_its_field(
    qtbot, make_panel, me, service, ticket
) -> None:
    panel = make_panel(me)
    panel.started_edit.setDateTime(qt_utc("2026-03-02 10:00"))  # clock: 09:00Z
    add(qtbot, panel, "30")
    assert panel.form_errors.text_of("started_at") == "The start cannot be in the future."
    assert service.entries(ticket) == []


def test_edit_and_delete_own_entry(qtbot, make_panel, me, service, ticket, monkeypatch) -> None:
    panel = make_panel(me)
    add(qtbot, panel, "30", "First try")
    panel.table.selectRow(0)
    assert panel.edit_button.isEnabled()
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert panel.duration_edit.text() == "30"
    panel.duration_edit.setText("40")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    (entry,) = service.entries(ticket)
    assert (entry.minutes, entry.note) == (40, "First try")
    assert panel.tab_title() == "Time (40 min)"
    asked: list[int] = []

    def answer_yes(e) -> bool:
        asked.append(e.minutes)
        return True

    monkeypatch.setattr(panel, "_ask_delete", answer_yes)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert asked == [40]
    assert service.entries(ticket) == []
    assert panel.table.model().rowCount() == 0


def test_others_entries_are_read_only_unless_admin(
    qtbot, db, make_panel, me, service, ticket
) -> None:
    other = add_technician(db, "Bob Other")
    service.add(ticket, 20, True, "", dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC), other)
    panel = make_panel(me)
    panel.table.selectRow(0)
    assert not panel.edit_button.isEnabled()
    assert not panel.delete_button.isEnabled()
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN)
    admin = TechnicianRow(admin_id, "Ada Admin", "ada@test.msp", me.tier, Role.ADMIN, True)
    admin_panel = make_panel(admin)
    admin_panel.table.selectRow(0)
    assert admin_panel.edit_button.isEnabled()


def test_inside_ticket_dialog_tab_shows_total_and_timeline_gets_event(
    qtbot, db, tickets, directory, runner, notifier, me, service, ticket, clock: FakeClock
) -> None:
    factory = time_panel_factory(service, runner, me, clock.now)
    dialog = TicketDialog(tickets, directory, runner, notifier, me, ticket, panels=[factory])
    qtbot.addWidget(dialog)
    dialog.show()
    (panel,) = dialog.panels
    assert isinstance(panel, TimePanel)
    add(qtbot, panel, "1:30", "Remote session")
    index = dialog.tabs.indexOf(panel)
    qtbot.waitUntil(lambda: dialog.tabs.tabText(index) == "Time (1 h 30 min)", timeout=3000)
    kinds = [e.kind for e in tickets.history(ticket)]
    assert EventKind.TIME_ENTRY in kinds
