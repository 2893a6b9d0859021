"""The administrator's routing rules: the ordered list, with the conflicts among active rules.

Rules run in the listed order on every new ticket; Up/Down change the order, New/Edit open the
rule editor (`rule_editor.py`). Every write runs on the write lane and the list is read again
afterwards; the conflicts among all active rules are shown under the list as warnings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.routing import RoutingChoices, RoutingService, RuleRow
from app.services.routing_engine import Conflict
from app.tasks import Lane, TaskRunner

from app.views.routing.checklist_templates_dialog import ChecklistTemplatesDialog
from app.views.routing.routing_text import (
    actions_summary,
    conditions_summary,
    conflict_lines,
    problem_text,
)
from app.views.routing.rule_editor import RuleEditorDialog
from app.views.tones import Tone, tone_css
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.record_list import (
    fit_columns,
    list_table,
    record_row,
    select_id,
    selected_id,
)


@dataclass(frozen=True, slots=True)
class _Loaded:
    rules: list[RuleRow]
    choices: RoutingChoices
    conflicts: list[Conflict]


class RoutingRulesDialog(QDialog):
    """Lists, orders and (de)activates routing rules; opens the rule editor. GUI thread only."""

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
        self._rules: list[RuleRow] = []
        self._choices: RoutingChoices | None = None
        self._select_next: int | None = None
        #: The open rule editor, if any (kept so tests and the user reach the same one).
        self.editor: RuleEditorDialog | None = None
        self.templates_dialog: ChecklistTemplatesDialog | None = None
        self.setWindowTitle(self.tr("Routing rules"))

        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Stop"),
                self.tr("Active"),
                self.tr("Actions"),
                self.tr("Conditions"),
            ]
        )
        self.table = list_table(self.model)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.new_button = QPushButton(self.tr("&New\u2026"))
        self.edit_button = QPushButton(self.tr("&Edit\u2026"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.active_button = QPushButton(self.tr("De&activate"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.templates_button = QPushButton(self.tr("&Checklists\u2026"))
        self.new_button.clicked.connect(self.new_rule)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.active_button.clicked.connect(self.toggle_active)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.templates_button.clicked.connect(self.open_templates)
        buttons = QVBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.active_button,
            self.up_button,
            self.down_button,
            self.templates_button,
        ):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(buttons)
        self.conflicts_label = QLabel()
        self.conflicts_label.setWordWrap(True)
        self.conflicts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts_label.setStyleSheet(tone_css(Tone.WARNING))
        self.error = ErrorLabel()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Rules run in this order on every new ticket. A rule that stops ends the run; "
                "otherwise the next matching rules apply too, and a value set first is kept."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(top, 1)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.resize(1100, 560)
        self._update_buttons()
        self.reload()

    # -- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        routing = self._routing

        def load() -> _Loaded:
            return _Loaded(routing.rules(), routing.choices(), routing.conflicts())

        self._runner.run(
            load, lane=Lane.READ, owner=self, on_success=self._show, on_failure=self._read_failed
        )

    def rules(self) -> list[RuleRow]:
        return list(self._rules)

    def _show(self, loaded: _Loaded) -> None:
        current = self._select_next or selected_id(self.table)
        self._select_next = None
        self._rules, self._choices = loaded.rules, loaded.choices
        self.model.removeRows(0, self.model.rowCount())
        yes, no = self.tr("Yes"), self.tr("No")
        for r in loaded.rules:
            self.model.appendRow(
                record_row(
                    r.rule_id,
                    [
                        r.name,
                        yes if r.stop else no,
                        yes if r.active else no,
                        actions_summary(r.actions, loaded.choices),
                        conditions_summary(r.conditions, loaded.choices),
                    ],
                )
            )
            if not r.active:
                for col in range(self.model.columnCount()):
                    item = self.model.item(self.model.rowCount() - 1, col)
                    item.setForeground(self.palette().placeholderText())
        fit_columns(self.table)
        select_id(self.table, current)
        self.conflicts_label.setText("\n".join(conflict_lines(loaded.conflicts, loaded.choices)))
        self.conflicts_label.setVisible(bool(loaded.conflicts))
        self._update_buttons()

    def _selected(self) -> RuleRow | None:
        rule_id = selected_id(self.table)
        return next((r for r in self._rules if r.rule_id == rule_id), None)

    def _update_buttons(self) -> None:
        rule = self._selected()
        for b in (self.edit_button, self.delete_button, self.active_button):
            b.setEnabled(rule is not None)
        index = self._rules.index(rule) if rule is not None else -1
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < len(self._rules) - 1)
        self.new_button.setEnabled(self._choices is not None)
        self.active_button.setText(
            self.tr("&Activate") if rule is not None and not rule.active else self.tr("De&activate")
        )

    # -- actions -------------------------------------------------------------------------------

    def new_rule(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        rule = self._selected()
        if rule is not None:
            self._open_editor(rule)

    def _open_editor(self, rule: RuleRow | None) -> None:
        if self._choices is None:
            return
        editor = RuleEditorDialog(
            self._routing, self._runner, self._actor_id, self._choices, rule, self
        )
        editor.saved.connect(self._on_rule_saved)
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()

    def _on_rule_saved(self, row: RuleRow) -> None:
        self._select_next = row.rule_id
        self.reload()

    def delete_selected(self) -> None:
        rule = self._selected()
        if rule is None or not self._ask_delete(rule.name):
            return
        routing, actor = self._routing, self._actor_id
        self._write(lambda: routing.delete_rule(rule.rule_id, actor))

    def toggle_active(self) -> None:
        rule = self._selected()
        if rule is None:
            return
        routing, actor = self._routing, self._actor_id
        self._select_next = rule.rule_id
        self._write(lambda: routing.set_active(rule.rule_id, not rule.active, actor))

    def move_selected(self, delta: int) -> None:
        rule = self._selected()
        if rule is None:
            return
        routing, actor = self._routing, self._actor_id
        self._select_next = rule.rule_id
        self._write(lambda: routing.move_rule(rule.rule_id, delta, actor))

    def open_templates(self) -> None:
        dialog = ChecklistTemplatesDialog(self._routing, self._runner, self._actor_id, self)
        dialog.changed.connect(self.reload)
        dialog.finished.connect(dialog.deleteLater)
        self.templates_dialog = dialog
        dialog.open()

    def _write(self, fn: Callable[[], object]) -> None:
        self.error.clear_error()
        self._runner.run(
            fn, lane=Lane.WRITE, owner=self, on_success=self._written, on_failure=self._failed
        )

    def _written(self, _result: object) -> None:
        self.reload()

    def _read_failed(self, _error: BaseException) -> None:
        self.error.show_error(self.tr("Routing rules could not be read."))

    def _failed(self, error: BaseException) -> None:
        """A write was refused; the list is read again so it shows what is stored."""
        if isinstance(error, ValidationError):
            text = "\n".join(f"{k}: {problem_text(v)}" for k, v in error.problems.items())
            self.error.show_error(self.tr("This rule cannot be activated:\n{0}").format(text))
        elif isinstance(error, PermissionDeniedError):
            self.error.show_error(self.tr("Only administrators may change routing."))
        elif isinstance(error, NotFoundError):
            self.error.show_error(self.tr("The rule was deleted meanwhile."))
        else:
            self.error.show_error(self.tr("The change could not be saved."))
        self.reload()

    def _ask_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete rule"),
            self.tr("Delete the routing rule \u201c{0}\u201d?").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
