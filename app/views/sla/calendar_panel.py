"""The Calendars tab: the list of business-hours calendars above the calendar form."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.db import Changes
from app.services.directory import TechnicianRow
from app.services.errors import ValidationError
from app.services.sla_config import SlaConfigService
from app.services.sla_types import CalendarSummary
from app.tasks import Lane, TaskRunner

from app.views.sla import sla_labels
from app.views.sla.calendar_editor import CalendarEditor
from app.views.sla.record_panel import RecordListPanel
from app.views.widgets.record_list import record_row, select_id, selected_id

log = logging.getLogger(__name__)


class CalendarPanel(RecordListPanel[CalendarSummary]):
    """Lists calendars (read lane) and edits one at a time in `editor`. GUI thread only.

    Delete asks through `_confirm_delete`, which tests replace. After a save or delete it
    emits `changed`; the owning window announces it and reads the lists again.
    """

    editor: CalendarEditor

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
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self._build(
            CalendarEditor(service, runner, me),
            [
                self.tr("Name"),
                self.tr("Time zone"),
                self.tr("24x7"),
                self.tr("Holidays"),
                self.tr("Used by policies"),
            ],
            self.tr("&New calendar"),
            (self.delete_button,),
            splitter_sizes=(130, 670),
        )

    # -- public --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Query the calendars again (read lane); the selection is kept."""
        self._runner.run(
            self._service.calendars,
            lane=Lane.READ,
            owner=self,
            on_success=self._show_rows,
            on_failure=self._show_list_failure,
        )

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

    def _row_items(self, row: CalendarSummary) -> list[QStandardItem]:
        return record_row(
            row.calendar_id,
            [
                row.name,
                row.timezone,
                self.tr("yes") if row.always_open else "",
                str(row.holiday_count),
                ", ".join(row.policy_names),
            ],
        )

    def _on_deleted(self, calendar_id: int) -> None:
        if self.editor.calendar_id() == calendar_id:
            self.editor.new_record()
        self.changed.emit(Changes("sla"))

    def _show_list_failure(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.list_error.show_error(
                "\n".join(sla_labels.problem(code) for code in error.problems.values())
            )
            return
        log.warning("calendar list task failed", exc_info=error)
        self.list_error.show_error(sla_labels.failure_text(error, self.tr("calendar")))
