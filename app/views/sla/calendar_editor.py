"""The calendar form: name, time zone, 24x7, weekly hours, holidays and per-date overrides."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import zoneinfo
from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import ConcurrentEditError, ValidationError
from app.services.sla_types import CalendarDetail, CalendarSpec, ConfigSaved
from app.tasks import Lane

from app.views.sla import sla_labels
from app.views.sla.calendar_dates import HolidaysWidget, OverridesWidget
from app.views.sla.calendar_weekly import WeeklyHoursWidget
from app.views.sla.record_editor import RecordEditor
from app.views.sla.sla_widgets import buddy, mark_invalid
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


@functools.cache
def time_zones() -> tuple[str, ...]:
    """The IANA zones this machine knows, sorted; the time zone box offers these."""
    return tuple(
        sorted(
            z
            for z in zoneinfo.available_timezones()
            if not z.startswith(("posix/", "right/")) and z not in ("localtime", "Factory")
        )
    )


def default_time_zone() -> str:
    """The workstation's zone when this machine knows it by an IANA name, else UTC."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if name in time_zones() else "UTC"


class CalendarEditor(RecordEditor[CalendarSpec, CalendarDetail]):
    """Creates or edits one calendar through `SlaConfigService`. GUI thread only.

    Loads run on the read lane, saves on the write lane (the service recomputes the open tickets
    measured on the calendar in the same transaction). A refused save keeps everything typed and
    shows each problem at its field: weekday lines, holiday and override rows, the time zone.
    Seeding public holidays runs the service's pure `seed_holidays` on the read lane and merges
    the result into the table; nothing is stored until Save.
    """

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_header("calendarName", self.tr("e.g. Office hours Warsaw"))

        self.timezone = QComboBox()
        self.timezone.setObjectName("calendarTimezone")
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(list(time_zones()))
        self.timezone.setMaxVisibleItems(20)
        self.timezone.setMinimumContentsLength(22)
        self.timezone.setToolTip(
            self.tr("The calendar's hours are in this zone (the client's, not yours).")
        )
        completer = QCompleter(self.timezone.model(), self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timezone.setCompleter(completer)
        self.timezone.editTextChanged.connect(lambda _t: mark_invalid(self.timezone, False))
        self.timezone_error = ErrorLabel()

        self.always_open = QCheckBox(self.tr("Open 24x7"))
        self.always_open.setToolTip(
            self.tr(
                "Every hour counts, holidays included. The hours below are kept (and still "
                "checked) for when you switch this off."
            )
        )
        self.always_open.toggled.connect(self._on_always_open_toggled)

        self.weekly = WeeklyHoursWidget()
        self.holidays = HolidaysWidget()
        self.holidays.seed_requested.connect(self.seed_holidays)
        self.overrides = OverridesWidget()
        self.weekly_box = _boxed(self.tr("Weekly hours"), self.weekly)
        self.overrides_box = _boxed(self.tr("Special days (overrides)"), self.overrides)
        self.holidays_box = _boxed(self.tr("Holidays"), self.holidays)

        bottom = self._build_footer(self.tr("&Save calendar"))

        top = QGridLayout()
        top.setHorizontalSpacing(8)
        top.addWidget(buddy(self.tr("&Name:"), self.name), 0, 0)
        top.addWidget(self.name, 0, 1)
        top.addWidget(buddy(self.tr("&Time zone:"), self.timezone), 0, 2)
        top.addWidget(self.timezone, 0, 3)
        top.addWidget(self.always_open, 0, 4)
        top.addWidget(self.name_error, 1, 1)
        top.addWidget(self.timezone_error, 1, 3, 1, 2)
        top.setColumnStretch(1, 2)
        top.setColumnStretch(3, 1)

        left = QVBoxLayout()
        left.addWidget(self.weekly_box)
        left.addWidget(self.overrides_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.holidays_box, 1)

        layout = self._frame(top)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

    # -- public --------------------------------------------------------------------------------

    def calendar_id(self) -> int | None:
        """The stored calendar the form edits; None while it is a new one."""
        return self._record_id

    def load(self, detail: CalendarDetail) -> None:
        self._show(detail.calendar_id, detail.version, detail.spec)

    def form_spec(self) -> tuple[CalendarSpec, dict[str, str]]:
        """What the form holds as a `CalendarSpec`, and the problems of text that does not parse."""
        weekly, problems = self.weekly.weekly()
        overrides, more = self.overrides.rows()
        problems.update(more)
        country, subdiv = self.holidays.region()
        spec = CalendarSpec(
            name=self.name.text(),
            timezone=self.timezone.currentText().strip(),
            always_open=self.always_open.isChecked(),
            weekly=weekly,
            holidays=self.holidays.rows(),
            overrides=overrides,
            holiday_country=country,
            holiday_subdiv=subdiv,
        )
        return spec, problems

    def seed_holidays(self) -> None:
        """Merge the public holidays of the country and years given into the table."""
        self.holidays.clear_errors()
        self.holidays.seed_result.hide()
        country, subdiv = self.holidays.region()
        # Only the holidays matter to seeding: the weekly lines may still be half typed.
        spec = CalendarSpec(name="", timezone="", holidays=self.holidays.rows())
        self._runner.run(
            partial(self._service.seed_holidays, spec, country, subdiv, self.holidays.years()),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_seeded,
            on_failure=self._on_seed_failed,
        )

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show each problem code at the field its key names (the service's field keys)."""
        for key, code in problems.items():
            text = sla_labels.problem(code)
            if not self._show_at_field(key, text):
                self.error.show_error(text)

    def clear_errors(self) -> None:
        self.banner.hide()
        self.status.hide()
        self.holidays.seed_result.hide()
        self.error.clear_error()
        self.name_error.clear_error()
        self.timezone_error.clear_error()
        mark_invalid(self.name, False)
        mark_invalid(self.timezone, False)
        self.weekly.clear_errors()
        self.holidays.clear_errors()
        self.overrides.clear_errors()

    # -- results -------------------------------------------------------------------------------

    def _on_seeded(self, spec: CalendarSpec) -> None:
        # The table may have changed while the read lane worked: merge into what it shows now.
        rows = self.holidays.rows()
        have = {h.local_date for h in rows}
        added = [h for h in spec.holidays if h.local_date not in have]
        self.holidays.set_rows((*rows, *added))
        self.holidays.set_region(spec.holiday_country, spec.holiday_subdiv)
        self.holidays.show_seeded(len(added))

    def _on_seed_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.show_problems(error.problems)
        else:
            self._show_failure(error)

    def _show_failure(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError | ConcurrentEditError):
            log.warning("calendar task failed", exc_info=error)
        self.banner.button.setVisible(isinstance(error, ConcurrentEditError))
        self.banner.show_message(sla_labels.failure_text(error, self.tr("calendar")))

    # -- internals -----------------------------------------------------------------------------

    def _blank(self) -> CalendarSpec:
        """A new calendar is in the workstation's zone."""
        return CalendarSpec(name="", timezone=default_time_zone())

    def _heading(self, name: str | None) -> str:
        return self.tr("New calendar") if name is None else self.tr("Calendar: {0}").format(name)

    def _fetch(self) -> Callable[[int], CalendarDetail]:
        return self._service.calendar

    def _store(self) -> Callable[[int | None, int | None, CalendarSpec, int], ConfigSaved]:
        return self._service.save_calendar

    def _show_at_field(self, key: str, text: str) -> bool:
        """Show `text` at the field `key` names; False when no field of the form has that key."""
        if key == "name":
            self.name_error.show_error(text)
            mark_invalid(self.name, True)
            return True
        if key == "timezone":
            self.timezone_error.show_error(text)
            mark_invalid(self.timezone, True)
            return True
        if key == "holiday_country":
            self.holidays.country_error.show_error(text)
            mark_invalid(self.holidays.country, True)
            return True
        if key.startswith("holiday."):
            return _mark(self.holidays, key, text)
        if key.startswith("override."):
            return _mark(self.overrides, key, text)
        if key == "holiday_years":
            self.holidays.years_error.show_error(
                self.tr("Choose at most 50 years, between 1900 and 2200.")
            )
            return True
        whole = {"holidays": self.holidays.error, "overrides": self.overrides.error}.get(key)
        if whole is not None:
            whole.show_error(text)
            return True
        return self.weekly.show_problem(key, text)

    def _fill(self, spec: CalendarSpec) -> None:
        self.clear_errors()
        self.name.setText(spec.name)
        self.timezone.setEditText(spec.timezone)
        self.always_open.setChecked(spec.always_open)
        self._on_always_open_toggled(spec.always_open)
        self.weekly.set_weekly(spec.weekly)
        self.holidays.set_rows(spec.holidays)
        self.holidays.set_region(spec.holiday_country, spec.holiday_subdiv)
        self.overrides.set_rows(spec.overrides)

    def _on_always_open_toggled(self, checked: bool) -> None:
        # Greyed, not cleared: the engine still checks the hours, and switching back keeps them.
        for box in (self.weekly_box, self.holidays_box, self.overrides_box):
            box.setEnabled(not checked)


def _boxed(title: str, content: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(content)
    return box


def _mark(table: HolidaysWidget | OverridesWidget, key: str, text: str) -> bool:
    try:
        day = dt.date.fromisoformat(key.partition(".")[2])
    except ValueError:
        return False
    return table.mark_row(day, text)
