"""The list of recurring-ticket schedules, for all clients or one: new, edit, pause, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role
from app.services.directory import DirectoryService, TechnicianRow
from app.services.errors import ConcurrentEditError, NotFoundError
from app.services.recurring import RecurringRow, RecurringService, RecurringValues
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views.recurring.schedule_editor import (
    RecurringEditorDialog,
    weekday_name,
    zoned_text,
)
from app.views.tickets.field_labels import failure_text
from app.views.widgets.banner import Banner
from app.views.widgets.text_table_model import TextRow, TextTableModel


class RecurringTicketsDialog(QDialog):
    """Schedules with their client, rhythm, next run and state. Refreshes on "recurring"
    changes, so a sweep elsewhere moves the next-run column."""

    def __init__(
        self,
        service: RecurringService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        client_id: int | None = None,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._directory = directory
        self._runner = runner
        self._me = me
        self._client_id = client_id
        self._today = today or dt.date.today
        self.rows: list[RecurringRow] = []
        #: The open editor, if any (kept so it is not garbage-collected while shown).
        self.editor: RecurringEditorDialog | None = None
        self.setWindowTitle(self.tr("Recurring tickets"))
        self.resize(820, 420)

        self.banner = Banner(parent=self)
        self.table = QTableView(self)
        self.table_model = TextTableModel(
            [self.tr("Name"), self.tr("Client"), self.tr("Repeats"), self.tr("Next run"),
             self.tr("State")],
            self,
        )  # fmt: skip
        self.table.setModel(self.table_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.clicked.connect(self.new_schedule)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.clicked.connect(self.toggle_selected)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.pause_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        notifier.data_changed.connect(self._on_changes)
        self._update_buttons()
        self.reload()

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        service, client_id = self._service, self._client_id
        self._runner.run(
            lambda: service.schedules(client_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show,
            on_failure=self._failed,
        )

    def _on_changes(self, changes: Changes) -> None:
        if changes.kind == "recurring":
            self.reload()

    def _show(self, rows: list[RecurringRow]) -> None:
        selected = self.selected()
        self.rows = list(rows)
        text_rows: list[TextRow] = []
        for row in rows:
            next_run = (
                zoned_text(row.next_run_at, row.timezone) if row.next_run_at is not None else "—"
            )
            state = self.tr("Active") if row.active else self.tr("Paused")
            cells = (row.values.name, row.client_name, self.rhythm(row.values), next_run, state)
            text_rows.append(TextRow(cells, payload=row.recurring_id))
        self.table_model.set_rows(text_rows)
        if selected is not None:
            for r, row in enumerate(rows):
                if row.recurring_id == selected.recurring_id:
                    self.table.selectRow(r)
        self._update_buttons()

    def rhythm(self, v: RecurringValues) -> str:
        """ "Weekly on Mon, Thu at 08:00", "Every 2 months on day 31 at 07:30"…"""
        if v.frequency == "daily":
            text = self.tr("Daily") if v.every == 1 else self.tr("Every {0} days").format(v.every)
        elif v.frequency == "weekly":
            days = ", ".join(weekday_name(d) for d in v.weekdays)
            text = (
                self.tr("Weekly on {0}").format(days)
                if v.every == 1
                else self.tr("Every {0} weeks on {1}").format(v.every, days)
            )
        else:
            text = (
                self.tr("Monthly on day {0}").format(v.day_of_month)
                if v.every == 1
                else self.tr("Every {0} months on day {1}").format(v.every, v.day_of_month)
            )
        return self.tr("{0} at {1}").format(text, v.at_time)

    # -- actions -------------------------------------------------------------------------------

    def selected(self) -> RecurringRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _update_buttons(self) -> None:
        writable = self._me.role is not Role.READ_ONLY
        row = self.selected()
        self.new_button.setEnabled(writable)
        for b in (self.edit_button, self.pause_button, self.delete_button):
            b.setEnabled(writable and row is not None)
        self.pause_button.setText(
            self.tr("Resume") if row is not None and not row.active else self.tr("Pause")
        )

    def new_schedule(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._open_editor(row)

    def _open_editor(self, row: RecurringRow | None) -> None:
        editor = RecurringEditorDialog(
            self._service,
            self._directory,
            self._runner,
            self._me,
            row,
            self._client_id,
            self,
            self._today(),
        )
        editor.saved.connect(lambda _row: self.reload())
        editor.finished.connect(lambda _code: self._editor_closed(editor))
        self.editor = editor
        editor.open()

    def _editor_closed(self, editor: RecurringEditorDialog) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def toggle_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        service, actor = self._service, self._me.technician_id
        self._runner.run(
            lambda: service.set_active(row.recurring_id, row.version, not row.active, actor),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _row: self.reload(),
            on_failure=self._failed,
        )

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or not self._ask_delete(row):
            return
        service, actor = self._service, self._me.technician_id
        self._runner.run(
            lambda: service.delete(row.recurring_id, actor),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _none: self.reload(),
            on_failure=self._failed,
        )

    def _ask_delete(self, row: RecurringRow) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete recurring ticket"),
            self.tr("Delete “{0}”? Tickets it already created stay.").format(row.values.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ConcurrentEditError):
            self.banner.show_message(
                self.tr("This schedule changed meanwhile; the list was reloaded. Try again.")
            )
            self.reload()
            return
        if isinstance(error, NotFoundError):
            self.banner.show_message(
                self.tr("This schedule no longer exists; the list was reloaded.")
            )
            self.reload()
            return
        self.banner.show_message(failure_text(error))
