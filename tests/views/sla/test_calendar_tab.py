"""The Calendars tab against the real SlaConfigService on both backends: typing, saving,
errors at their fields, holiday seeding and overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from app.models.enums import Role, Tier
from app.services.directory import TechnicianRow
from app.services.sla_types import CalendarSpec, HolidayRow
from app.sla.holidays_seed import seed_holidays
from tests.factories import add_calendar, add_policy, add_technician

from app.views.sla.calendar_dates import DateRole, HolidaysWidget, OverridesWidget
from app.views.sla.calendar_editor import CalendarEditor
from app.views.sla.sla_settings_dialog import SlaSettingsDialog

LEFT = Qt.MouseButton.LeftButton
LUNCH = (("08:00", "12:00"), ("13:00", "17:00"))


@pytest.fixture
def admin(db) -> TechnicianRow:
    tech_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    return TechnicianRow(tech_id, "Ada Admin", "ada@test.msp", Tier.L1, Role.ADMIN, True)


@pytest.fixture
def dialog(qtbot, sla_config, directory, runner, notifier, admin) -> SlaSettingsDialog:
    dlg = SlaSettingsDialog(sla_config, directory, runner, notifier, admin)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture
def editor(qtbot, dialog: SlaSettingsDialog) -> CalendarEditor:
    """A new, empty calendar form in Europe/Warsaw with a name typed in."""
    qtbot.mouseClick(dialog.calendars.new_button, LEFT)
    ed = dialog.calendars.editor
    qtbot.keyClicks(ed.name, "Office Warsaw")
    type_time_zone(qtbot, ed, "Europe/Warsaw")
    return ed


def type_time_zone(qtbot, ed: CalendarEditor, text: str) -> None:
    line = ed.timezone.lineEdit()
    assert line is not None
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)


def type_hours(qtbot, ed: CalendarEditor, day: int, text: str) -> None:
    edit = ed.weekly.edits[day]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def edit_cell(qtbot, view: QTableView, row: int, col: int, text: str) -> None:
    """Type `text` into a cell the way a user does: open its editor, type, press Enter."""
    index = view.model().index(row, col)
    view.setCurrentIndex(index)
    view.edit(index)
    # Closed editors linger (hidden) until their deferred delete.
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: view.state() is not QTableView.State.EditingState, timeout=1000)


def add_date(qtbot, widget: HolidaysWidget | OverridesWidget, day: dt.date) -> None:
    """Pick `day` in the date box and press Add."""
    widget.date_edit.setDate(QDate(day.year, day.month, day.day))
    qtbot.mouseClick(widget.add_button, LEFT)


def test_a_calendar_with_a_lunch_break_and_a_friday_night_shift_is_saved(
    qtbot, dialog, editor, sla_config
):
    type_hours(qtbot, editor, 0, "08:00-12:00, 13:00-17:00")
    qtbot.mouseClick(editor.weekly.copy_button, LEFT)
    type_hours(qtbot, editor, 4, "08:00-12:00, 22:00-06:00")
    qtbot.mouseClick(editor.save_button, LEFT)

    assert editor.status.text() == "Saved; 0 open tickets recomputed."
    assert not editor.status.isHidden()
    [summary] = sla_config.calendars()
    stored = sla_config.calendar(summary.calendar_id).spec
    assert stored.name == "Office Warsaw"
    assert stored.timezone == "Europe/Warsaw"
    assert not stored.always_open
    assert stored.weekly == (LUNCH,) * 4 + ((("08:00", "12:00"), ("22:00", "06:00")), (), ())
    # The list shows it, and the form now edits the stored calendar.
    model = dialog.calendars.model
    assert model.rowCount() == 1
    shown = [model.index(0, c).data() for c in range(4)]
    assert shown == ["Office Warsaw", "Europe/Warsaw", "", "0"]
    assert editor.calendar_id() == summary.calendar_id
    assert dialog.calendars.table.selectionModel().selectedRows()[0].row() == 0
    # The other tabs were refreshed: the policy form offers the new calendar.
    assert dialog.policies.editor.calendar.findData(summary.calendar_id) >= 0


def test_overlapping_intervals_are_shown_at_that_weekday_and_the_text_is_kept(
    qtbot, editor, sla_config
):
    type_hours(qtbot, editor, 0, "08:00-16:00")
    type_hours(qtbot, editor, 1, "08:00-12:00, 11:00-17:00")
    qtbot.mouseClick(editor.save_button, LEFT)

    assert editor.weekly.error_text(1) == "Two intervals of this day overlap."
    assert editor.weekly.edits[1].property("invalid") is True
    assert editor.weekly.edits[1].text() == "08:00-12:00, 11:00-17:00"
    assert editor.weekly.error_text(0) == ""
    assert editor.name.text() == "Office Warsaw"
    assert editor.status.isHidden()
    assert sla_config.calendars() == []

    # Fixing the line and saving again clears the mark.
    type_hours(qtbot, editor, 1, "08:00-12:00, 12:00-17:00")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.weekly.error_text(1) == ""
    assert editor.weekly.edits[1].property("invalid") is False
    assert len(sla_config.calendars()) == 1


def test_hours_that_do_not_parse_are_shown_at_the_row_without_saving(qtbot, editor, sla_config):
    type_hours(qtbot, editor, 2, "8 to noon")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.weekly.error_text(2).startswith("Write hours like 08:00-12:00")
    assert editor.weekly.edits[2].text() == "8 to noon"
    assert sla_config.calendars() == []


def test_an_unknown_time_zone_is_shown_at_the_time_zone_field(qtbot, editor, sla_config):
    type_hours(qtbot, editor, 0, "09:00-17:00")
    type_time_zone(qtbot, editor, "Mars/Olympus")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.timezone_error.isHidden()
    assert editor.timezone_error.text().startswith("Unknown time zone")
    assert editor.timezone.property("invalid") is True
    assert editor.timezone.currentText() == "Mars/Olympus"
    assert sla_config.calendars() == []


def test_no_working_time_at_all_is_shown_for_the_week(qtbot, editor, sla_config):
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.weekly.error.text().startswith("There are no working hours at all")
    assert sla_config.calendars() == []


def test_seeding_pl_holidays_adds_christmas_eve_and_keeps_a_named_row(
    qtbot, qtmodeltester, editor, sla_config
):
    holidays = editor.holidays
    type_hours(qtbot, editor, 0, "08:00-16:00")
    add_date(qtbot, holidays, dt.date(2025, 11, 11))
    edit_cell(qtbot, holidays.table, 0, 1, "Our own name")
    assert holidays.rows() == (HolidayRow(dt.date(2025, 11, 11), "Our own name", "manual"),)

    qtbot.keyClicks(holidays.country, "pl")
    holidays.from_year.setValue(2025)
    holidays.to_year.setValue(2025)
    qtbot.mouseClick(holidays.seed_button, LEFT)

    seeded = seed_holidays("PL", None, [2025])
    assert dt.date(2025, 12, 24) in {d for d, _ in seeded}  # the package knows the new holiday
    rows = {h.local_date: h for h in holidays.rows()}
    assert set(rows) == {d for d, _ in seeded}
    assert rows[dt.date(2025, 11, 11)] == HolidayRow(
        dt.date(2025, 11, 11), "Our own name", "manual"
    )
    assert rows[dt.date(2025, 12, 24)].source.startswith("holidays:PL@")
    assert holidays.seed_result.text() == f"{len(seeded) - 1} holidays added."
    assert not holidays.seed_result.isHidden()
    qtmodeltester.check(holidays.model)

    qtbot.mouseClick(editor.save_button, LEFT)
    [summary] = sla_config.calendars()
    assert summary.holiday_count == len(seeded)
    stored = sla_config.calendar(summary.calendar_id).spec
    assert stored.holiday_country == "PL"
    by_date = {h.local_date: h for h in stored.holidays}
    assert by_date[dt.date(2025, 11, 11)].name == "Our own name"
    assert dt.date(2025, 12, 24) in by_date


def test_an_unknown_country_is_shown_at_the_country_field(qtbot, editor):
    qtbot.keyClicks(editor.holidays.country, "ZZ")
    qtbot.mouseClick(editor.holidays.seed_button, LEFT)
    assert not editor.holidays.country_error.isHidden()
    assert editor.holidays.country_error.text().startswith("Unknown country")
    assert editor.holidays.country.property("invalid") is True
    assert editor.holidays.rows() == ()


def test_too_many_years_to_seed_are_shown_at_the_years(qtbot, editor):
    qtbot.keyClicks(editor.holidays.country, "BE")
    editor.holidays.from_year.setValue(1900)
    editor.holidays.to_year.setValue(2000)
    qtbot.mouseClick(editor.holidays.seed_button, LEFT)
    assert editor.holidays.years_error.text() == "Choose at most 50 years, between 1900 and 2200."
    assert editor.holidays.rows() == ()


def test_a_technician_is_told_only_admins_may_save(
    qtbot, sla_config, directory, runner, notifier, me
):
    dlg = SlaSettingsDialog(sla_config, directory, runner, notifier, me)
    qtbot.addWidget(dlg)
    ed = dlg.calendars.editor
    qtbot.keyClicks(ed.name, "Office")
    type_hours(qtbot, ed, 0, "09:00-17:00")
    qtbot.mouseClick(ed.save_button, LEFT)
    assert ed.banner.message() == "Only administrators can change SLA settings."
    assert not ed.banner.button.isVisibleTo(ed)
    assert ed.save_button.isEnabled()
    assert sla_config.calendars() == []


def test_a_half_day_and_a_closed_day_are_saved_as_overrides(qtbot, editor, sla_config):
    type_hours(qtbot, editor, 0, "08:00-16:00")
    overrides = editor.overrides
    add_date(qtbot, overrides, dt.date(2025, 12, 31))
    add_date(qtbot, overrides, dt.date(2025, 12, 24))
    assert overrides.dates() == [dt.date(2025, 12, 24), dt.date(2025, 12, 31)]
    edit_cell(qtbot, overrides.table, 0, 1, "08:00-12:00")
    edit_cell(qtbot, overrides.table, 0, 2, "Christmas Eve")
    edit_cell(qtbot, overrides.table, 1, 2, "Closing")
    qtbot.mouseClick(editor.save_button, LEFT)

    assert editor.status.text() == "Saved; 0 open tickets recomputed."
    [summary] = sla_config.calendars()
    stored = sla_config.calendar(summary.calendar_id).spec
    assert [(o.local_date, o.intervals, o.name) for o in stored.overrides] == [
        (dt.date(2025, 12, 24), (("08:00", "12:00"),), "Christmas Eve"),
        (dt.date(2025, 12, 31), (), "Closing"),
    ]


def test_override_hours_that_do_not_parse_mark_that_row(qtbot, editor, sla_config):
    type_hours(qtbot, editor, 0, "08:00-16:00")
    add_date(qtbot, editor.overrides, dt.date(2025, 12, 24))
    edit_cell(qtbot, editor.overrides.table, 0, 1, "mornings")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.overrides.error.text().startswith("2025-12-24: Write hours like")
    assert editor.overrides.model.index(0, 1).data() == "mornings"
    assert sla_config.calendars() == []


def test_open_24x7_greys_the_hours_but_keeps_them(qtbot, editor, sla_config):
    type_hours(qtbot, editor, 0, "08:00-16:00")
    qtbot.mouseClick(editor.always_open, LEFT)
    assert editor.always_open.isChecked()
    assert not editor.weekly_box.isEnabled()
    assert not editor.holidays_box.isEnabled()
    assert editor.weekly.edits[0].text() == "08:00-16:00"
    qtbot.mouseClick(editor.save_button, LEFT)
    [summary] = sla_config.calendars()
    assert summary.always_open
    stored = sla_config.calendar(summary.calendar_id).spec
    assert stored.weekly[0] == (("08:00", "16:00"),)


def test_editing_a_stored_calendar_and_a_stale_version_offers_reload(
    qtbot, db, dialog, sla_config, admin
):
    cal_id = add_calendar(db, "Office hours", timezone="Europe/Brussels")
    dialog.reload()
    panel = dialog.calendars
    panel.select_calendar(cal_id)
    qtbot.mouseClick(panel.edit_button, LEFT)
    ed = panel.editor
    assert ed.calendar_id() == cal_id
    assert ed.name.text() == "Office hours"
    assert ed.weekly.edits[0].text() == "09:00-17:00"
    assert ed.weekly.edits[5].text() == ""

    # Someone else saves first.
    other = sla_config.calendar(cal_id)
    sla_config.save_calendar(
        cal_id,
        other.version,
        CalendarSpec("Office hours", "Europe/Brussels", weekly=((("07:00", "15:00"),),) * 7),
        admin.technician_id,
    )
    type_hours(qtbot, ed, 0, "10:00-18:00")
    qtbot.mouseClick(ed.save_button, LEFT)
    assert "Someone else saved this calendar" in ed.banner.message()
    assert ed.banner.button.isVisibleTo(ed)
    assert ed.weekly.edits[0].text() == "10:00-18:00"  # kept until the admin chooses

    qtbot.mouseClick(ed.banner.button, LEFT)
    assert ed.weekly.edits[0].text() == "07:00-15:00"
    assert ed.banner.isHidden()
    type_hours(qtbot, ed, 0, "10:00-18:00")
    qtbot.mouseClick(ed.save_button, LEFT)
    assert sla_config.calendar(cal_id).spec.weekly[0] == (("10:00", "18:00"),)


def test_a_calendar_in_use_cannot_be_deleted(qtbot, db, dialog, sla_config, monkeypatch):
    used = add_calendar(db, "Used")
    add_policy(db, used, "Standard")
    unused = add_calendar(db, "Spare")
    dialog.reload()
    panel = dialog.calendars
    monkeypatch.setattr(panel, "_confirm_delete", lambda _name: True)
    model = panel.model
    assert [model.index(r, 4).data() for r in range(model.rowCount())] == ["", "Standard"]

    panel.select_calendar(used)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert panel.list_error.text().startswith("Policies still measure on this calendar")
    panel.select_calendar(unused)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert [c.calendar_id for c in sla_config.calendars()] == [used]
    assert model.rowCount() == 1


def test_holiday_rows_keep_their_dates(qtbot, editor):
    add_date(qtbot, editor.holidays, dt.date(2026, 1, 6))
    add_date(qtbot, editor.holidays, dt.date(2026, 1, 1))
    add_date(qtbot, editor.holidays, dt.date(2026, 1, 6))  # already there: selected, not added
    model = editor.holidays.model
    assert [model.index(r, 0).data(DateRole) for r in range(model.rowCount())] == [
        "2026-01-01",
        "2026-01-06",
    ]
    editor.holidays.table.selectRow(0)
    qtbot.mouseClick(editor.holidays.remove_button, LEFT)
    assert editor.holidays.dates() == [dt.date(2026, 1, 6)]
