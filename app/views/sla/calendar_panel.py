"""The Calendars tab: the list of business-hours calendars above the calendar form."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.services.directory import TechnicianRow
from app.services.errors import ValidationError
from app.services.sla_config import SlaConfigService
from app.services.sla_types import CalendarSummary, ConfigSaved
from app.tasks import Lane, TaskRunner

from app.views.sla import sla_labels
from app.views.sla.calendar_editor import CalendarEditor
from app.views.sla.sla_widgets import fit_columns, list_table, record_row, select_id, selected_id
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


class CalendarPanel(QWidget):
    """Lists calendars (read lane) and edits one at a time in `editor`. GUI thread only.

    Delete asks through `_confirm_delete`, which tests replace. After a save or delete it
    emits `changed`; the owning window announces it and reads the lists again.
    """

    #: Something was stored; carries the `Changes` to announce.
    changed = Signal(object)

    def __init__(
        self,
        service: SlaConfigService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._me = me
        #: The record a save just stored: selected once the list holding it arrives.
        self._select_next: int | None = None
        self._rows: list[CalendarSummary] = []

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Time zone"),
                self.tr("24x7"),
                self.tr("Holidays"),
                self.tr("Used by policies"),
            ]
        )
        self.table = list_table(self.model)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.new_button = QPushButton(self.tr("&New calendar"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.new_button.clicked.connect(self.new_calendar)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.list_error = ErrorLabel()

        buttons = QVBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        list_column = QVBoxLayout()
        list_column.addWidget(self.table, 1)
        list_column.addWidget(self.list_error)
        top_layout.addLayout(list_column, 1)
        top_layout.addLayout(buttons)

        self.editor = CalendarEditor(service, runner, me)
        self.editor.saved.connect(self._on_editor_saved)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([130, 670])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- public --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Query the calendars again (read lane); the selection is kept."""
        self._runner.run(
            self._service.calendars,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_calendars_loaded,
            on_failure=self._show_list_failure,
        )

    def rows(self) -> list[CalendarSummary]:
        return list(self._rows)

    def new_calendar(self) -> None:
        self.table.clearSelection()
        self.editor.new_calendar()
        self.editor.name.setFocus()

    def edit_selected(self) -> None:
        calendar_id = selected_id(self.table)
        if calendar_id is not None:
            self.editor.edit_calendar(calendar_id)

    def select_calendar(self, calendar_id: int) -> None:
        select_id(self.table, calendar_id)

    def delete_selected(self) -> None:
        self.list_error.clear_error()
        calendar_id = selected_id(self.table)
        row = next((r for r in self._rows if r.calendar_id == calendar_id), None)
        if row is None or not self._confirm_delete(row.name):
            return
        self._runner.run(
            partial(self._service.delete_calendar, row.calendar_id, self._me.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _r: self._on_deleted(row.calendar_id),
            on_failure=self._show_list_failure,
        )

    # -- hook for the modal question (tests replace it) ----------------------------------------

    def _confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete calendar?"),
            self.tr("Delete the calendar “{0}” with its hours, holidays and special days?").format(
                name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- results -------------------------------------------------------------------------------

    def _on_calendars_loaded(self, rows: list[CalendarSummary]) -> None:
        current = self._select_next or selected_id(self.table)
        self._select_next = None
        self._rows = list(rows)
        self.model.removeRows(0, self.model.rowCount())
        for r in rows:
            self.model.appendRow(
                record_row(
                    r.calendar_id,
                    [
                        r.name,
                        r.timezone,
                        self.tr("yes") if r.always_open else "",
                        str(r.holiday_count),
                        ", ".join(r.policy_names),
                    ],
                )
            )
        fit_columns(self.table)
        if current is not None:
            select_id(self.table, current)

    def _on_editor_saved(self, saved: ConfigSaved) -> None:
        # The window reads every tab's lists again on `changed`.
        self._select_next = saved.record_id
        self.changed.emit(saved.changes)

    def _on_deleted(self, calendar_id: int) -> None:
        if self.editor.calendar_id() == calendar_id:
            self.editor.new_calendar()
        self.changed.emit(Changes("sla"))

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def _show_list_failure(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.list_error.show_error(
                "\n".join(sla_labels.problem(code) for code in error.problems.values())
            )
            return
        log.warning("calendar list task failed", exc_info=error)
        self.list_error.show_error(sla_labels.failure_text(error, self.tr("calendar")))
