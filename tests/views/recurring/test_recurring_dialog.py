"""RecurringTicketsDialog and its schedule editor against the real services on both backends.

The clock stands at Monday 2026-03-02 09:00Z = 10:00 in Brussels, so today's 08:00 has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from PySide6.QtCore import Qt, QTime

from app.services.recurring import RecurringService, RecurringValues
from tests.factories import add_client, add_contact

from app.views.recurring.recurring_dialog import RecurringTicketsDialog
from app.views.recurring.schedule_editor import RecurringEditorDialog
from app.views.tickets.form_widgets import select_data

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def service(db, clock, tickets) -> RecurringService:
    return RecurringService(db, clock, tickets)


@pytest.fixture
def client(db) -> int:
    client = add_client(db, "Acme NV", timezone="Europe/Brussels")
    add_contact(db, client, "Ann Admin")
    add_client(db, "Globex BV", timezone="America/New_York")
    return client


@pytest.fixture
def open_dialog(qtbot, service, directory, runner, notifier, me):
    def make(client_id: int | None = None) -> RecurringTicketsDialog:
        dialog = RecurringTicketsDialog(
            service, directory, runner, notifier, me, client_id, None, lambda: TODAY
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_weekly(editor: RecurringEditorDialog, client: int) -> None:
    assert select_data(editor.client_combo, client)
    editor.name_edit.setText("Backup check")
    editor.subject_edit.setText("Check the backup report")
    assert select_data(editor.frequency_combo, "weekly")
    editor.every_spin.setValue(2)
    for day, box in enumerate(editor.weekday_boxes):
        box.setChecked(day in (0, 3))  # Monday and Thursday
    editor.time_edit.setTime(QTime(8, 0))


def test_create_weekly_schedule_with_live_preview(
    qtbot, qtmodeltester, open_dialog, client, service
) -> None:
    dialog = open_dialog()
    assert dialog.table.model().rowCount() == 0
    click(qtbot, dialog.new_button)
    editor = dialog.editor
    assert editor is not None
    fill_weekly(editor, client)
    # The preview follows the form shortly after the last change (no button to press).
    expected = [
        "Thu 2026-03-05 08:00",  # Monday 2 March 08:00 has passed
        "Mon 2026-03-16 08:00",  # every 2 weeks: the week of 9 March is skipped
        "Thu 2026-03-19 08:00",
        "Mon 2026-03-30 08:00",  # summer time since 29 March: still 08:00 in Brussels
        "Thu 2026-04-02 08:00",
    ]
    qtbot.waitUntil(lambda: editor.preview_texts() == expected, timeout=3000)
    with qtbot.waitSignal(editor.saved, timeout=3000):
        click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Save))
    (stored,) = service.schedules()
    assert (stored.values.frequency, stored.values.every, stored.values.weekdays) == (
        "weekly",
        2,
        (0, 3),
    )
    assert stored.next_run_at == dt.datetime(2026, 3, 5, 7, 0, tzinfo=dt.UTC)
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() == 1, timeout=3000)
    cells = [dialog.table_model.text(0, c) for c in range(5)]
    assert cells == [
        "Backup check",
        "Acme NV",
        "Every 2 weeks on Mon, Thu at 08:00",
        "Thu 2026-03-05 08:00",
        "Active",
    ]
    assert dialog.table_model.payload(0) == stored.recurring_id
    qtmodeltester.check(dialog.table_model)


def test_errors_show_at_the_fields_and_keep_the_input(qtbot, open_dialog, client, service) -> None:
    dialog = open_dialog(client)
    click(qtbot, dialog.new_button)
    editor = dialog.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.client_combo.currentData() == client, timeout=3000)
    editor.subject_edit.setText("Kept subject")
    for box in editor.weekday_boxes:
        box.setChecked(False)
    editor.refresh_preview()
    assert editor.preview_texts() == []
    assert editor.error_text("weekdays") == "This field is required."
    editor.ends_box.setChecked(True)
    editor.end_edit.setDate(editor.start_edit.date().addDays(-1))
    editor.save()
    assert editor.error_text("name") == "This field is required."
    assert editor.error_text("weekdays") == "This field is required."
    assert editor.error_text("end_date") == "The end is before the start."
    assert editor.subject_edit.text() == "Kept subject"
    assert editor.isVisible()
    assert service.schedules() == []


def test_edit_pause_resume_and_delete(qtbot, open_dialog, client, service, me, monkeypatch) -> None:
    values = RecurringValues(
        client_id=client,
        name="Log review",
        subject="Review the firewall logs",
        frequency="daily",
        at_time="07:30",
        start_date=TODAY,
    )
    service.create(values, me.technician_id)
    dialog = open_dialog(client)
    assert dialog.table_model.text(0, 2) == "Daily at 07:30"
    assert dialog.table_model.text(0, 3) == "Tue 2026-03-03 07:30"
    dialog.table.selectRow(0)
    click(qtbot, dialog.edit_button)
    editor = dialog.editor
    assert editor is not None
    assert editor.name_edit.text() == "Log review"
    assert select_data(editor.frequency_combo, "monthly")
    editor.day_spin.setValue(31)
    with qtbot.waitSignal(editor.saved, timeout=3000):
        editor.save()
    qtbot.waitUntil(lambda: dialog.table_model.text(0, 2) == "Monthly on day 31 at 07:30")
    assert dialog.table_model.text(0, 3) == "Tue 2026-03-31 07:30"

    dialog.table.selectRow(0)
    click(qtbot, dialog.pause_button)
    qtbot.waitUntil(lambda: dialog.table_model.text(0, 4) == "Paused", timeout=3000)
    assert dialog.table_model.text(0, 3) == "—"
    dialog.table.selectRow(0)
    assert dialog.pause_button.text() == "Resume"
    click(qtbot, dialog.pause_button)
    qtbot.waitUntil(lambda: dialog.table_model.text(0, 4) == "Active", timeout=3000)

    asked: list[str] = []

    def answer_yes(row) -> bool:
        asked.append(row.values.name)
        return True

    monkeypatch.setattr(dialog, "_ask_delete", answer_yes)
    dialog.table.selectRow(0)
    click(qtbot, dialog.delete_button)
    assert asked == ["Log review"]
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() == 0, timeout=3000)
    assert service.schedules() == []


def test_saving_over_someone_elses_edit_is_refused_and_kept(
    qtbot, open_dialog, client, service, me
) -> None:
    values = RecurringValues(
        client_id=client,
        name="Patch review",
        subject="Review patches",
        frequency="monthly",
        day_of_month=5,
        at_time="09:00",
        start_date=TODAY,
    )
    row = service.create(values, me.technician_id)
    dialog = open_dialog(client)
    dialog.table.selectRow(0)
    click(qtbot, dialog.edit_button)
    editor = dialog.editor
    assert editor is not None
    service.update(
        row.recurring_id, row.version, replace(values, at_time="10:00"), me.technician_id
    )
    editor.name_edit.setText("Patch review (mine)")
    editor.save()
    assert "Someone saved this schedule meanwhile" in editor.general_error.text()
    assert editor.name_edit.text() == "Patch review (mine)"
    assert editor.isVisible()
    assert service.get(row.recurring_id).values.at_time == "10:00"
