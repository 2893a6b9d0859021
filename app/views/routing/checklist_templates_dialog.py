"""The administrator's checklist templates: named task lists a rule or a technician adds.

The list on the left, the form (name, one task per line, active) on the right. Saving runs on
the write lane; refused input is shown at its field and the form keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.services.errors import ConcurrentEditError, PermissionDeniedError, ValidationError
from app.services.routing import RoutingService, TemplateRow
from app.tasks import Lane, TaskRunner

from app.views.routing.routing_text import problem_text
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.record_list import (
    fit_columns,
    list_table,
    record_row,
    select_id,
    selected_id,
)


class ChecklistTemplatesDialog(QDialog):
    """Creates and edits checklist templates. GUI thread only."""

    #: A template was stored; carries the `Changes`.
    changed = Signal(object)

    def __init__(
        self,
        routing: RoutingService,
        runner: TaskRunner,
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._routing = routing
        self._runner = runner
        self._actor_id = actor_id
        self._rows: list[TemplateRow] = []
        #: The template the form edits (None = a new one).
        self._editing: TemplateRow | None = None
        self._select_next: int | None = None
        self.setWindowTitle(self.tr("Checklist templates"))

        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Tasks"), self.tr("Active")])
        self.table = list_table(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.new_button = QPushButton(self.tr("&New"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_template)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.new_button)

        self.name = QLineEdit()
        self.items = QPlainTextEdit()
        self.items.setPlaceholderText(self.tr("One task per line"))
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        self.name_error = ErrorLabel()
        self.items_error = ErrorLabel()
        self.general_error = ErrorLabel()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Tasks"), self.items)
        form.addRow("", self.items_error)
        form.addRow("", self.active)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.general_error)
        right.addWidget(self.save_button)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.resize(820, 480)
        self.reload()

    def reload(self) -> None:
        self._runner.run(
            self._routing.templates,
            lane=Lane.READ,
            owner=self,
            on_success=self._show,
            on_failure=lambda _e: self.general_error.show_error(
                self.tr("Checklist templates could not be read.")
            ),
        )

    def rows(self) -> list[TemplateRow]:
        return list(self._rows)

    def _show(self, rows: list[TemplateRow]) -> None:
        current = self._select_next or selected_id(self.table)
        self._select_next = None
        self._rows = rows
        self.model.removeRows(0, self.model.rowCount())
        for t in rows:
            self.model.appendRow(
                record_row(
                    t.template_id,
                    [t.name, str(len(t.items)), self.tr("Yes") if t.active else self.tr("No")],
                )
            )
        fit_columns(self.table)
        select_id(self.table, current)

    def _on_selected(self) -> None:
        template_id = selected_id(self.table)
        row = next((t for t in self._rows if t.template_id == template_id), None)
        if row is None:
            return
        self._editing = row
        self.name.setText(row.name)
        self.items.setPlainText("\n".join(row.items))
        self.active.setChecked(row.active)
        self._clear_errors()

    def new_template(self) -> None:
        self.table.clearSelection()
        self._editing = None
        self.name.clear()
        self.items.clear()
        self.active.setChecked(True)
        self._clear_errors()
        self.name.setFocus()

    def save(self) -> None:
        self._clear_errors()
        name, items = self.name.text(), self.items.toPlainText().splitlines()
        active, editing = self.active.isChecked(), self._editing
        routing, actor = self._routing, self._actor_id

        def write() -> TemplateRow:
            if editing is None:
                return routing.create_template(name, items, actor)
            return routing.update_template(
                editing.template_id, editing.version, name, items, active, actor
            )

        self.save_button.setEnabled(False)
        self._runner.run(
            write,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_failed,
        )

    def _on_saved(self, row: TemplateRow) -> None:
        self.save_button.setEnabled(True)
        self._editing = row
        self._select_next = row.template_id
        self.changed.emit(Changes("checklist_template", frozenset({row.template_id})))
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            for name, code in error.problems.items():
                label = {"name": self.name_error, "items": self.items_error}.get(name)
                (label or self.general_error).show_error(problem_text(code))
        elif isinstance(error, ConcurrentEditError):
            self.general_error.show_error(
                self.tr("Someone changed this template meanwhile; select it again.")
            )
            self.reload()
        elif isinstance(error, PermissionDeniedError):
            self.general_error.show_error(self.tr("Only administrators may change checklists."))
        else:
            self.general_error.show_error(self.tr("The template could not be saved."))

    def _clear_errors(self) -> None:
        for label in (self.name_error, self.items_error, self.general_error):
            label.clear_error()
