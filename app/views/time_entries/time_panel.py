"""The ticket dialog's "Time" tab: the ticket's time entries, and a form to add or edit one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.tickets import TicketDetail
from app.services.time_entries import TimeEntryRow, TimeEntrySaved, TimeEntryService
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.tickets.field_labels import failure_text
from app.views.tickets.ticket_panel import TicketPanel, TicketPanelFactory
from app.views.time_entries.durations import duration_text, parse_duration
from app.views.widgets.form_errors import ErrorLabel, FormErrors
from app.views.widgets.text_table_model import TextRow, TextTableModel


class TimePanel(TicketPanel):
    """Lists the ticket's time entries with their total; adds, edits and deletes entries.

    Technicians edit and delete their own entries; administrators anyone's (the service checks
    again). The tab title carries the total: "Time (1 h 30 min)".
    """

    def __init__(
        self,
        service: TimeEntryService,
        runner: TaskRunner,
        me: TechnicianRow,
        ticket_id: int,
        parent: QWidget | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(ticket_id, parent)
        self.title = self.tr("Time")
        self._service = service
        self._runner = runner
        self._me = me
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self._entries: list[TimeEntryRow] = []
        #: The entry being edited, or None while the form adds a new one.
        self._editing: TimeEntryRow | None = None

        self.table_model = TextTableModel(
            [self.tr("Started"), self.tr("Technician"), self.tr("Time"), self.tr("Billable"),
             self.tr("Note")],
            self,
        )  # fmt: skip
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self._edit_selected())
        self.total_label = QLabel(self)

        self.duration_edit = QLineEdit(self)
        self.duration_edit.setPlaceholderText(self.tr("45 or 1:30"))
        self.billable_box = QCheckBox(self.tr("Billable"), self)
        self.billable_box.setChecked(True)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("What was done"))
        self.started_edit = QDateTimeEdit(self)
        self.started_edit.setCalendarPopup(True)
        self.started_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.errors = {
            name: ErrorLabel(self) for name in ("minutes", "billable", "note", "started_at")
        }
        self.general_error = ErrorLabel(self)
        self.form_errors = FormErrors(self.errors, self.general_error)

        self.save_button = QPushButton(self.tr("Add entry"), self)
        self.save_button.clicked.connect(self._save)
        self.cancel_button = QPushButton(self.tr("Cancel edit"), self)
        self.cancel_button.clicked.connect(self._reset_form)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self._delete_selected)

        form = QFormLayout()
        form.addRow(self.tr("Time spent"), _with_error(self.duration_edit, self.errors["minutes"]))
        form.addRow("", self.billable_box)
        form.addRow(
            self.tr("Started at"), _with_error(self.started_edit, self.errors["started_at"])
        )
        form.addRow(self.tr("Note"), _with_error(self.note_edit, self.errors["note"]))
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.edit_button)
        row_buttons.addWidget(self.delete_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.total_label)
        form_buttons = QHBoxLayout()
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.cancel_button)
        form_buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(form_buttons)
        self._reset_form()
        self._show_entries([])
        self.reload()

    # -- TicketPanel ---------------------------------------------------------------------------

    def show_ticket(self, detail: TicketDetail) -> None:
        self.reload()

    def tab_title(self) -> str:
        return self.tr("Time ({0})").format(duration_text(self.total_minutes()))

    def total_minutes(self) -> int:
        return sum(e.minutes for e in self._entries)

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        ticket_id = self.ticket_id
        self._runner.run(
            lambda: self._service.entries(ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show_entries,
            on_failure=self._failed,
        )

    def _show_entries(self, entries: list[TimeEntryRow]) -> None:
        selected = self._selected()
        self._entries = list(entries)
        self.table_model.set_rows(
            TextRow(
                cells=(
                    labels.local_datetime(e.started_at),
                    e.technician_name,
                    duration_text(e.minutes),
                    self.tr("Yes") if e.billable else self.tr("No"),
                    e.note,
                ),
                payload=e.entry_id,
            )
            for e in entries
        )
        for row, e in enumerate(entries):
            if selected is not None and e.entry_id == selected.entry_id:
                self.table.selectRow(row)
        billable = sum(e.minutes for e in entries if e.billable)
        self.total_label.setText(
            self.tr("Total {0}, billable {1}").format(
                duration_text(self.total_minutes()), duration_text(billable)
            )
        )
        self._update_buttons()
        self._retitle()

    def _retitle(self) -> None:
        """Entries load after the dialog has set the tab's text: update it in place."""
        holder = self.parentWidget()
        # In a QTabWidget the panel sits in its stacked widget, whose parent is the tab widget.
        tabs = holder.parentWidget() if holder is not None else None
        if isinstance(tabs, QTabWidget) and (index := tabs.indexOf(self)) >= 0:
            tabs.setTabText(index, self.tab_title())

    # -- the form ------------------------------------------------------------------------------

    def _selected(self) -> TimeEntryRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._entries):
            return None
        return self._entries[rows[0].row()]

    def _may_change(self, entry: TimeEntryRow) -> bool:
        if self._me.role is Role.READ_ONLY:
            return False
        return entry.technician_id == self._me.technician_id or self._me.role is Role.ADMIN

    def _update_buttons(self) -> None:
        entry = self._selected()
        allowed = entry is not None and self._may_change(entry)
        self.edit_button.setEnabled(allowed)
        self.delete_button.setEnabled(allowed)
        writable = self._me.role is not Role.READ_ONLY
        self.save_button.setEnabled(writable)

    def _reset_form(self) -> None:
        self._editing = None
        self.duration_edit.clear()
        self.note_edit.clear()
        self.billable_box.setChecked(True)
        self.started_edit.setDateTime(_qt(self._now()))
        self.save_button.setText(self.tr("Add entry"))
        self.cancel_button.hide()
        self.form_errors.clear()

    def _edit_selected(self) -> None:
        entry = self._selected()
        if entry is None or not self._may_change(entry):
            return
        self._editing = entry
        self.duration_edit.setText(str(entry.minutes))
        self.billable_box.setChecked(entry.billable)
        self.note_edit.setText(entry.note)
        self.started_edit.setDateTime(_qt(entry.started_at))
        self.save_button.setText(self.tr("Save entry"))
        self.cancel_button.show()
        self.form_errors.clear()

    def _save(self) -> None:
        self.form_errors.clear()
        minutes = parse_duration(self.duration_edit.text())
        if minutes is None:
            self.errors["minutes"].show_error(
                self.tr("Enter minutes (45) or hours and minutes (1:30).")
            )
            return
        billable = self.billable_box.isChecked()
        note = self.note_edit.text()
        started = _utc(self.started_edit.dateTime())
        editing = self._editing
        actor = self._me.technician_id
        service = self._service
        if editing is None:
            ticket_id = self.ticket_id

            def write() -> TimeEntrySaved:
                return service.add(ticket_id, minutes, billable, note, started, actor)

        else:

            def write() -> TimeEntrySaved:
                return service.update(
                    editing.entry_id, editing.version, minutes, billable, note, started, actor
                )

        self.save_button.setEnabled(False)
        self._runner.run(
            write,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._saved,
            on_failure=self._write_failed,
        )

    def _delete_selected(self) -> None:
        entry = self._selected()
        if entry is None or not self._may_change(entry):
            return
        if not self._ask_delete(entry):
            return
        service, actor = self._service, self._me.technician_id
        self._runner.run(
            lambda: service.delete(entry.entry_id, actor),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._saved,
            on_failure=self._write_failed,
        )

    def _ask_delete(self, entry: TimeEntryRow) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete time entry"),
            self.tr("Delete {0} logged by {1}?").format(
                duration_text(entry.minutes), entry.technician_name
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, saved: TimeEntrySaved) -> None:
        self._update_buttons()
        self._reset_form()
        self.ticket_changed.emit(saved.changes)
        self.reload()

    def _write_failed(self, error: BaseException) -> None:
        self._update_buttons()
        if isinstance(error, ValidationError):
            self.form_errors.show_problems(error.problems)
            for name, code in error.problems.items():
                own = self._problem_text(code)
                if own:
                    self.errors.get(name, self.general_error).show_error(own)
            return
        if isinstance(error, ConcurrentEditError):
            self.form_errors.show_general(
                self.tr("Someone changed this entry meanwhile; it was reloaded. Try again.")
            )
            self.reload()
            return
        self._failed(error)

    def _problem_text(self, code: str) -> str:
        """Sentences for the codes `labels.problem` words too vaguely for time entries."""
        if code == "in_future":
            return self.tr("The start cannot be in the future.")
        if code == "out_of_range":
            return self.tr("Enter between 1 minute and 24 hours.")
        return ""

    def _failed(self, error: BaseException) -> None:
        self.form_errors.show_general(failure_text(error))
        self.failed.emit(error)


def time_panel_factory(
    service: TimeEntryService,
    runner: TaskRunner,
    me: TechnicianRow,
    now: Callable[[], dt.datetime] | None = None,
) -> TicketPanelFactory:
    """The factory MainWindow hands to every TicketDialog."""

    def make(ticket_id: int, parent: QWidget) -> TimePanel:
        return TimePanel(service, runner, me, ticket_id, parent, now)

    return make


def _with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


def _qt(value: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc()).toLocalTime()


def _utc(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)
