"""The editor of one recurring-ticket schedule: ticket template, schedule, live preview.

The next five instants are shown while the technician edits (shortly after each change, on the
read lane), in the client's time zone, so "every 2 weeks on Monday at 08:00" can be checked
before saving. Refused fields show their message beside them; what was typed is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QDate, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Priority, TicketType, Tier
from app.services.directory import ContactRow, DirectoryService, Lookups, TechnicianRow
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.recurrence import zone as zone_of
from app.services.recurring import RecurringRow, RecurringService, RecurringValues
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.tickets.field_labels import failure_text
from app.views.tickets.form_widgets import (
    enum_combo,
    form_grid,
    heading,
    plain_text,
    select_data,
    with_error,
)
from app.views.widgets.form_errors import ErrorLabel, FormErrors

#: Quiet time after the last keystroke before the preview is asked for.
PREVIEW_DELAY_MS = 250
FREQUENCIES = ("daily", "weekly", "monthly")
_FIELDS = (
    "name",
    "client_id",
    "subject",
    "description",
    "type",
    "category",
    "priority",
    "tier",
    "queue_id",
    "assignee_id",
    "contact_id",
    "frequency",
    "every",
    "weekdays",
    "day_of_month",
    "at_time",
    "start_date",
    "end_date",
)


class RecurringEditorDialog(QDialog):
    """Creates a schedule (`row` None) or edits `row`; emits `saved(RecurringRow)`."""

    saved = Signal(object)

    def __init__(
        self,
        service: RecurringService,
        directory: DirectoryService,
        runner: TaskRunner,
        me: TechnicianRow,
        row: RecurringRow | None = None,
        client_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._directory = directory
        self._runner = runner
        self._me = me
        self.row = row
        self._zone = row.timezone if row else "UTC"
        self._zones: dict[int, str] = {}
        self._preview_seq = 0
        self.setWindowTitle(
            self.tr("Edit recurring ticket") if row else self.tr("New recurring ticket")
        )

        self.name_edit = QLineEdit(self)
        self.client_combo = QComboBox(self)
        self.subject_edit = QLineEdit(self)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setFixedHeight(70)
        self.category_edit = QLineEdit(self)
        self.type_combo = enum_combo(TicketType, labels.ticket_type)
        self.priority_combo = enum_combo(Priority, labels.priority)
        self.tier_combo = enum_combo(Tier, labels.tier)
        self.queue_combo = QComboBox(self)
        self.assignee_combo = QComboBox(self)
        self.contact_combo = QComboBox(self)
        self.frequency_combo = QComboBox(self)
        for value, text in zip(
            FREQUENCIES, (self.tr("Daily"), self.tr("Weekly"), self.tr("Monthly")), strict=True
        ):
            self.frequency_combo.addItem(text, value)
        self.every_spin = QSpinBox(self)
        self.every_spin.setRange(1, 366)
        self.weekday_boxes = [QCheckBox(weekday_name(d), self) for d in range(7)]
        self.day_spin = QSpinBox(self)
        self.day_spin.setRange(1, 31)
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.start_edit = QDateEdit(self)
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd")
        self.ends_box = QCheckBox(self.tr("Ends on"), self)
        self.end_edit = QDateEdit(self)
        self.end_edit.setCalendarPopup(True)
        self.end_edit.setDisplayFormat("yyyy-MM-dd")
        self.preview_list = QListWidget(self)
        self.preview_list.setFixedHeight(110)

        self.errors = {name: ErrorLabel(self) for name in _FIELDS}
        self.general_error = ErrorLabel(self)
        self.form_errors = FormErrors(self.errors, self.general_error)
        self.preview_error = ErrorLabel(self)

        weekdays = QWidget(self)
        weekday_row = QHBoxLayout(weekdays)
        weekday_row.setContentsMargins(0, 0, 0, 0)
        for box in self.weekday_boxes:
            weekday_row.addWidget(box)
        ends = QWidget(self)
        ends_row = QHBoxLayout(ends)
        ends_row.setContentsMargins(0, 0, 0, 0)
        ends_row.addWidget(self.ends_box)
        ends_row.addWidget(self.end_edit, 1)

        grid = form_grid()
        rows: list[tuple[str, QWidget, str, str, QWidget, str]] = [
            (self.tr("Name"), self.name_edit, "name", self.tr("Client"), self.client_combo,
             "client_id"),
            (self.tr("Subject"), self.subject_edit, "subject", self.tr("Category"),
             self.category_edit, "category"),
            (self.tr("Type"), self.type_combo, "type", self.tr("Priority"), self.priority_combo,
             "priority"),
            (self.tr("Tier"), self.tier_combo, "tier", self.tr("Queue"), self.queue_combo,
             "queue_id"),
            (self.tr("Assignee"), self.assignee_combo, "assignee_id", self.tr("Contact"),
             self.contact_combo, "contact_id"),
            (self.tr("Repeats"), self.frequency_combo, "frequency", self.tr("Every"),
             self.every_spin, "every"),
            (self.tr("At"), self.time_edit, "at_time", self.tr("Day of month"), self.day_spin,
             "day_of_month"),
            (self.tr("Starts on"), self.start_edit, "start_date", "", ends, "end_date"),
        ]  # fmt: skip
        for r, (l1, f1, n1, l2, f2, n2) in enumerate(rows):
            grid.addWidget(heading(l1, f1), r, 0)
            grid.addWidget(with_error(f1, self.errors[n1]), r, 1)
            grid.addWidget(heading(l2, f2), r, 2)
            grid.addWidget(with_error(f2, self.errors[n2]), r, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(heading(self.tr("On"), weekdays))
        layout.addWidget(with_error(weekdays, self.errors["weekdays"]))
        layout.addWidget(heading(self.tr("Description"), self.description_edit))
        layout.addWidget(with_error(self.description_edit, self.errors["description"]))
        layout.addWidget(heading(self.tr("Next runs (client's time)"), self.preview_list))
        layout.addWidget(self.preview_list)
        layout.addWidget(self.preview_error)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

        start = today or dt.date.today()
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(start.year, start.month, start.day))
        self.time_edit.setTime(QTime(8, 0))
        self.day_spin.setValue(1)
        self.frequency_combo.setCurrentIndex(1)
        self.type_combo.setCurrentIndex(self.type_combo.findData(TicketType.SERVICE_REQUEST.value))
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(Priority.P3.value))
        self.tier_combo.setCurrentIndex(self.tier_combo.findData(Tier.L1.value))
        self._initial_client = row.values.client_id if row else client_id
        if row is not None:
            self._fill(row.values)
        else:
            # A weekly schedule needs a day: start with the start date's weekday ticked.
            self.weekday_boxes[start.weekday()].setChecked(True)
        self._update_visibility()
        for signal in (
            self.frequency_combo.currentIndexChanged,
            self.every_spin.valueChanged,
            self.day_spin.valueChanged,
            self.time_edit.timeChanged,
            self.start_edit.dateChanged,
            self.end_edit.dateChanged,
            self.ends_box.toggled,
            *(box.toggled for box in self.weekday_boxes),
        ):
            signal.connect(self._schedule_changed)
        self.client_combo.currentIndexChanged.connect(self._client_changed)
        self._runner.run(
            directory.lookups, lane=Lane.READ, owner=self, on_success=self._show_lookups,
            on_failure=self._failed,
        )  # fmt: skip

    # -- reading the form ----------------------------------------------------------------------

    def values(self) -> RecurringValues | None:
        """The form as service input; None until a client is chosen."""
        client_id = self.client_combo.currentData()
        if client_id is None:
            return None
        start, end = self.start_edit.date(), self.end_edit.date()
        frequency = str(self.frequency_combo.currentData())
        return RecurringValues(
            client_id=int(client_id),
            name=self.name_edit.text(),
            subject=self.subject_edit.text(),
            frequency=frequency,
            at_time=self.time_edit.time().toString("HH:mm"),
            start_date=dt.date(start.year(), start.month(), start.day()),
            description=plain_text(self.description_edit),
            type=TicketType(self.type_combo.currentData()),
            category=self.category_edit.text(),
            priority=Priority(self.priority_combo.currentData()),
            tier=Tier(self.tier_combo.currentData()),
            queue_id=self.queue_combo.currentData(),
            assignee_id=self.assignee_combo.currentData(),
            contact_id=self.contact_combo.currentData(),
            every=self.every_spin.value(),
            weekdays=tuple(d for d, box in enumerate(self.weekday_boxes) if box.isChecked())
            if frequency == "weekly"
            else (),
            day_of_month=self.day_spin.value() if frequency == "monthly" else None,
            end_date=dt.date(end.year(), end.month(), end.day())
            if self.ends_box.isChecked()
            else None,
        )

    def preview_texts(self) -> list[str]:
        return [self.preview_list.item(i).text() for i in range(self.preview_list.count())]

    # -- filling -------------------------------------------------------------------------------

    def _fill(self, v: RecurringValues) -> None:
        self.name_edit.setText(v.name)
        self.subject_edit.setText(v.subject)
        self.description_edit.setPlainText(v.description)
        self.category_edit.setText(v.category)
        select_data(self.type_combo, v.type.value)
        select_data(self.priority_combo, v.priority.value)
        select_data(self.tier_combo, v.tier.value)
        select_data(self.frequency_combo, v.frequency)
        self.every_spin.setValue(v.every)
        for d, box in enumerate(self.weekday_boxes):
            box.setChecked(d in v.weekdays)
        if v.day_of_month is not None:
            self.day_spin.setValue(v.day_of_month)
        hours, minutes = (int(x) for x in v.at_time.split(":"))
        self.time_edit.setTime(QTime(hours, minutes))
        self.start_edit.setDate(QDate(v.start_date.year, v.start_date.month, v.start_date.day))
        self.ends_box.setChecked(v.end_date is not None)
        if v.end_date is not None:
            self.end_edit.setDate(QDate(v.end_date.year, v.end_date.month, v.end_date.day))

    def _show_lookups(self, lookups: Lookups) -> None:
        self.client_combo.blockSignals(True)
        self.client_combo.clear()
        self.client_combo.addItem(self.tr("— choose a client —"), None)
        for c in lookups.clients:
            self.client_combo.addItem(c.name, c.client_id)
            self._zones[c.client_id] = c.timezone
        self.client_combo.blockSignals(False)
        queues = [(q.queue_id, q.name) for q in lookups.queues]
        _fill_combo(self.queue_combo, self.tr("— no queue —"), queues)
        techs = [(t.technician_id, t.name) for t in lookups.technicians if t.active]
        _fill_combo(self.assignee_combo, self.tr("— unassigned —"), techs)
        if self.row is not None:
            select_data(self.queue_combo, self.row.values.queue_id)
            select_data(self.assignee_combo, self.row.values.assignee_id)
        if self._initial_client is not None:
            select_data(self.client_combo, self._initial_client)
        self._client_changed()

    def _client_changed(self) -> None:
        client_id = self.client_combo.currentData()
        self._zone = self._zones.get(client_id, self._zone) if client_id is not None else "UTC"
        _fill_combo(self.contact_combo, self.tr("— no contact —"), [])
        if client_id is not None:
            directory = self._directory
            self._runner.run(
                lambda: directory.client(int(client_id)).contacts,
                lane=Lane.READ,
                owner=self,
                on_success=self._show_contacts,
                on_failure=self._failed,
            )
        self._schedule_changed()

    def _show_contacts(self, contacts: tuple[ContactRow, ...]) -> None:
        client_id = self.client_combo.currentData()
        items = [(c.contact_id, c.name) for c in contacts if c.client_id == client_id]
        _fill_combo(self.contact_combo, self.tr("— no contact —"), items)
        if self.row is not None:
            select_data(self.contact_combo, self.row.values.contact_id)

    # -- preview -------------------------------------------------------------------------------

    def _schedule_changed(self) -> None:
        self._update_visibility()
        self._preview_timer.start()

    def _update_visibility(self) -> None:
        frequency = self.frequency_combo.currentData()
        for box in self.weekday_boxes:
            box.setEnabled(frequency == "weekly")
        self.day_spin.setEnabled(frequency == "monthly")
        self.end_edit.setEnabled(self.ends_box.isChecked())
        unit = {"daily": self.tr("day(s)"), "weekly": self.tr("week(s)"),
                "monthly": self.tr("month(s)")}.get(str(frequency), "")  # fmt: skip
        self.every_spin.setSuffix(f" {unit}")

    def refresh_preview(self) -> None:
        """Ask the service for the next five instants of the schedule as typed."""
        self._preview_timer.stop()
        values = self.values()
        if values is None:
            self._show_preview_problem(self.tr("Choose a client to see the next runs."))
            return
        self._preview_seq += 1
        seq, service, zone = self._preview_seq, self._service, self._zone
        self._runner.run(
            lambda: service.preview(values, 5),
            lane=Lane.READ,
            owner=self,
            on_success=lambda instants: self._show_preview(seq, zone, instants),
            on_failure=lambda error: self._preview_failed(seq, error),
        )

    def _show_preview(self, seq: int, zone: str, instants: list[dt.datetime]) -> None:
        if seq != self._preview_seq:
            return  # an older answer overtaken by the technician's typing
        self.preview_error.clear_error()
        self.preview_list.clear()
        for instant in instants:
            self.preview_list.addItem(zoned_text(instant, zone))
        if not instants:
            self._show_preview_problem(self.tr("No further runs: the schedule has ended."))

    def _preview_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._preview_seq:
            return
        if isinstance(error, ValidationError):
            self._show_preview_problem(self.tr("Fix the schedule to see the next runs."))
            self._show_problems(error.problems, clear=True)
        else:
            self._show_preview_problem(failure_text(error))

    def _show_preview_problem(self, text: str) -> None:
        self.preview_list.clear()
        self.preview_error.show_error(text)

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        self.form_errors.clear()
        values = self.values()
        if values is None:
            self.errors["client_id"].show_error(labels.problem("required"))
            return
        service, actor, row = self._service, self._me.technician_id, self.row
        self.buttons.setEnabled(False)
        self._runner.run(
            (lambda: service.create(values, actor))
            if row is None
            else (lambda: service.update(row.recurring_id, row.version, values, actor)),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._saved,
            on_failure=self._save_failed,
        )

    def _saved(self, row: RecurringRow) -> None:
        self.buttons.setEnabled(True)
        self.row = row
        self.saved.emit(row)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show_problems(error.problems, clear=True)
        else:
            self._failed(error)

    def _show_problems(self, problems: Mapping[str, str], *, clear: bool) -> None:
        if clear:
            self.form_errors.clear()
        self.form_errors.show_problems(problems)
        for name, code in problems.items():
            if code == "before_start":
                self.errors[name].show_error(self.tr("The end is before the start."))
            elif code == "invalid" and name == "client_id":
                self.errors[name].show_error(self.tr("This client's time zone is not valid."))

    def error_text(self, name: str) -> str:
        """The message shown next to field `name` ("" when none)."""
        return self.form_errors.text_of(name)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ConcurrentEditError):
            text = self.tr("Someone saved this schedule meanwhile; close and open it again.")
        elif isinstance(error, NotFoundError):
            text = self.tr("This schedule no longer exists.")
        else:
            text = failure_text(error)
        self.form_errors.show_general(text)


def _fill_combo(combo: QComboBox, none_text: str, items: list[tuple[int, str]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for value, text in items:
        combo.addItem(text, value)
    select_data(combo, current)
    combo.blockSignals(False)


def weekday_name(day: int) -> str:
    """The locale's short name of weekday `day` (0 = Monday)."""
    return QDate(2026, 3, 2).addDays(day).toString("ddd")


def zoned_text(instant: dt.datetime, zone: str) -> str:
    """ "Mon 2026-03-09 08:00" as a clock in `zone` shows it (unambiguous, sortable)."""
    local = instant.astimezone(zone_of(zone) or dt.UTC)
    day = QDate(local.year, local.month, local.day).toString("ddd")
    return f"{day} {local:%Y-%m-%d %H:%M}"
