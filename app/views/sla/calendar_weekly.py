"""The weekly hours of a calendar: one line of intervals per weekday, Monday first."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.services.sla_types import WEEKDAYS

from app.views.sla import sla_labels
from app.views.sla.calendar_parsing import (
    HoursParseError,
    Interval,
    format_intervals,
    parse_intervals,
)
from app.views.sla.sla_widgets import mark_invalid
from app.views.widgets.form_errors import ErrorLabel


class WeeklyHoursWidget(QWidget):
    """Seven line edits, Monday to Sunday, each with its own error line. GUI thread only.

    Field keys (as the service names them): `weekly.mon` … `weekly.sun`, and `weekly` for the
    week as a whole (no working time at all).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Monday first, as `CalendarSpec.weekly`.
        self.edits: list[QLineEdit] = []
        self._errors: list[ErrorLabel] = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        for day in range(7):
            edit = QLineEdit()
            edit.setObjectName(f"weekly_{WEEKDAYS[day]}")
            edit.setPlaceholderText(self.tr("closed — e.g. 08:00-12:00, 13:00-17:00"))
            edit.setToolTip(
                self.tr(
                    "Working hours of this weekday, e.g. 08:00-12:00, 13:00-17:00. Empty = closed. "
                    "An end before the start runs overnight (22:00-06:00); 24:00 ends at midnight."
                )
            )
            edit.textEdited.connect(lambda _text, e=edit: mark_invalid(e, False))
            label = QLabel(sla_labels.weekday(day))
            label.setBuddy(edit)
            error = ErrorLabel()
            grid.addWidget(label, day * 2, 0)
            grid.addWidget(edit, day * 2, 1)
            grid.addWidget(error, day * 2 + 1, 1)
            self.edits.append(edit)
            self._errors.append(error)

        self.copy_button = QPushButton(self.tr("Copy Monday to Tue–Fri"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_monday_to_weekdays)
        self.office_button = QPushButton(self.tr("Mon–Fri 09:00-17:00"))
        self.office_button.setAutoDefault(False)
        self.office_button.setToolTip(self.tr("Fill in the usual office hours; weekend closed."))
        self.office_button.clicked.connect(self._on_office_button_clicked)
        #: Problems of the whole week ("no working time").
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.office_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 14, 1)
        grid.addWidget(self.error, 15, 0, 1, 2)
        self.setLayout(grid)

    def set_weekly(self, weekly: Sequence[Sequence[Interval]]) -> None:
        for edit, intervals in zip(self.edits, weekly, strict=True):
            edit.setText(format_intervals(intervals))

    def weekly(self) -> tuple[tuple[tuple[Interval, ...], ...], dict[str, str]]:
        """The seven interval lists, and the problems of lines that do not parse."""
        days: list[tuple[Interval, ...]] = []
        problems: dict[str, str] = {}
        for key, edit in zip(WEEKDAYS, self.edits, strict=True):
            try:
                days.append(parse_intervals(edit.text()))
            except HoursParseError as e:
                problems[f"weekly.{key}"] = e.code
                days.append(())
        return tuple(days), problems

    def copy_monday_to_weekdays(self) -> None:
        for edit in self.edits[1:5]:
            edit.setText(self.edits[0].text())
            mark_invalid(edit, False)

    def show_problem(self, key: str, text: str) -> bool:
        """Show `text` at the line `key` names; False if the key is not a weekly one."""
        if key == "weekly":
            self.error.show_error(text)
            return True
        day = key.removeprefix("weekly.")
        if not key.startswith("weekly.") or day not in WEEKDAYS:
            return False
        index = WEEKDAYS.index(day)
        self._errors[index].show_error(text)
        mark_invalid(self.edits[index], True)
        return True

    def error_text(self, day: int) -> str:
        """The message shown at weekday `day` (Monday 0), "" when none."""
        label = self._errors[day]
        return "" if label.isHidden() else label.text()

    def clear_errors(self) -> None:
        self.error.clear_error()
        for edit, label in zip(self.edits, self._errors, strict=True):
            label.clear_error()
            mark_invalid(edit, False)

    def _on_office_button_clicked(self) -> None:
        office = (("09:00", "17:00"),)
        self.set_weekly([office] * 5 + [(), ()])
        self.clear_errors()
