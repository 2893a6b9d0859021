"""The ticket's checklist tab: tick tasks, add one, or add a whole checklist template.

Each change runs on the write lane and writes a TASK event; the panel then emits
`ticket_changed` so the dialog refreshes the timeline. The tab reads "Checklist (2/5)".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.services.errors import PermissionDeniedError, ValidationError
from app.services.routing import RoutingService, TaskRow, TemplateRow
from app.services.tickets import TicketDetail
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.routing.routing_text import problem_text
from app.views.tickets.ticket_panel import TicketPanel, TicketPanelFactory
from app.views.widgets.form_errors import ErrorLabel


@dataclass(frozen=True, slots=True)
class _Loaded:
    tasks: list[TaskRow]
    templates: list[TemplateRow]


class TasksPanel(TicketPanel):
    """A ticket's checklist. GUI thread only."""

    def __init__(
        self,
        routing: RoutingService,
        runner: TaskRunner,
        actor_id: int,
        ticket_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ticket_id, parent)
        self._routing = routing
        self._runner = runner
        self._actor_id = actor_id
        self._tasks: list[TaskRow] = []
        #: Set while the list is being filled, so filling does not count as ticking.
        self._filling = False
        self.title = self.tr("Checklist")

        self.list = QListWidget()
        self.list.itemChanged.connect(self._on_item_changed)
        self.empty_label = QLabel(self.tr("No tasks on this ticket."))
        self.new_task = QLineEdit()
        self.new_task.setPlaceholderText(self.tr("A new task"))
        self.new_task.returnPressed.connect(self.add_task)
        self.add_button = QPushButton(self.tr("&Add task"))
        self.add_button.clicked.connect(self.add_task)
        self.templates = QComboBox()
        self.add_template_button = QPushButton(self.tr("Add &checklist"))
        self.add_template_button.clicked.connect(self.add_template)
        self.error = ErrorLabel()

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_task, 1)
        add_row.addWidget(self.add_button)
        template_row = QHBoxLayout()
        template_row.addWidget(self.templates, 1)
        template_row.addWidget(self.add_template_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(add_row)
        layout.addLayout(template_row)
        layout.addWidget(self.error)

    # -- TicketPanel ---------------------------------------------------------------------------

    def show_ticket(self, detail: TicketDetail) -> None:
        self.reload()

    def tab_title(self) -> str:
        done = sum(1 for t in self._tasks if t.done)
        if not self._tasks:
            return self.title
        return self.tr("Checklist ({0}/{1})").format(done, len(self._tasks))

    # -- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        routing, ticket_id = self._routing, self.ticket_id

        def load() -> _Loaded:
            return _Loaded(routing.tasks(ticket_id), routing.templates(include_inactive=False))

        self._runner.run(
            load,
            lane=Lane.READ,
            owner=self,
            on_success=self._show,
            on_failure=self.failed.emit,
        )

    def tasks(self) -> list[TaskRow]:
        return list(self._tasks)

    def _show(self, loaded: _Loaded) -> None:
        self._tasks = loaded.tasks
        self._filling = True
        try:
            self.list.clear()
            for task in loaded.tasks:
                item = QListWidgetItem(task.text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole, task.task_id)
                if task.done_at is not None:
                    item.setToolTip(
                        self.tr("Done by {0}, {1}").format(
                            task.done_by_name or "?", labels.local_datetime(task.done_at)
                        )
                    )
                self.list.addItem(item)
        finally:
            self._filling = False
        self.empty_label.setVisible(not loaded.tasks)
        chosen = self.templates.currentData()
        self.templates.clear()
        for t in loaded.templates:
            self.templates.addItem(t.name, t.template_id)
        self.templates.setCurrentIndex(max(0, self.templates.findData(chosen)))
        self.add_template_button.setEnabled(bool(loaded.templates))
        self.templates.setEnabled(bool(loaded.templates))
        self._retitle()

    def _retitle(self) -> None:
        # The dialog sets the tab text when it shows the ticket; a tick changes it in between.
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if isinstance(parent, QTabWidget) and parent.indexOf(self) >= 0:
            parent.setTabText(parent.indexOf(self), self.tab_title())

    # -- writing -------------------------------------------------------------------------------

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        task_id = item.data(Qt.ItemDataRole.UserRole)
        done = item.checkState() == Qt.CheckState.Checked
        routing, actor = self._routing, self._actor_id
        self._write(lambda: routing.set_done(int(task_id), done, actor))

    def set_done(self, task_id: int, done: bool) -> None:
        """Tick or untick a task as the user would (tests, keyboard shortcuts)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == task_id:
                item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def add_task(self) -> None:
        text = self.new_task.text()
        if not text.strip():
            self.error.show_error(problem_text("required"))
            return
        routing, actor, ticket_id = self._routing, self._actor_id, self.ticket_id
        self._write(lambda: routing.add_task(ticket_id, text, actor), clear_input=True)

    def add_template(self) -> None:
        template_id = self.templates.currentData()
        if template_id is None:
            return
        routing, actor, ticket_id = self._routing, self._actor_id, self.ticket_id
        self._write(lambda: routing.add_template(ticket_id, int(template_id), actor))

    def _write(self, fn: Callable[[], Changes], *, clear_input: bool = False) -> None:
        self.error.clear_error()

        def done(changes: Changes) -> None:
            if clear_input:
                self.new_task.clear()
            self.reload()
            if changes.ids:
                self.ticket_changed.emit(changes)

        self._runner.run(
            fn, lane=Lane.WRITE, owner=self, on_success=done, on_failure=self._on_failed
        )

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.error.show_error("\n".join(problem_text(code) for code in error.problems.values()))
        elif isinstance(error, PermissionDeniedError):
            self.error.show_error(self.tr("Your account may not change this ticket."))
        else:
            self.failed.emit(error)
        # The list shows what is stored, not a tick that was refused.
        self.reload()


def tasks_panel_factory(
    routing: RoutingService, runner: TaskRunner, actor_id: int
) -> TicketPanelFactory:
    """The factory `TicketDialog(panels=[...])` takes: a checklist tab on every ticket."""

    def build(ticket_id: int, parent: QWidget) -> TasksPanel:
        return TasksPanel(routing, runner, actor_id, ticket_id, parent)

    return build
