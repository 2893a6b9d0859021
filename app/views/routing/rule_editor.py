"""The editor of one routing rule: conditions, actions, live conflict warnings and a test box.

Conflicts are rechecked (read lane) shortly after each change, against the saved active rules
with this draft in place; saving is allowed with warnings, since the first value wins at
runtime and the timeline explains it. The "Test" box evaluates sample ticket facts against the
saved rules with this draft in place and lists the rules that would fire.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Priority, SourceChannel, TicketType, Tier
from app.services.errors import ConcurrentEditError, PermissionDeniedError, ValidationError
from app.services.routing import Choice, RoutingChoices, RoutingService, RuleDraft, RuleRow
from app.services.routing_engine import Conflict, Facts, Outcome
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.routing.routing_text import (
    actions_summary,
    conflict_lines,
    problem_text,
    split_terms,
)
from app.views.tones import Tone, tone_css
from app.views.widgets.form_errors import ErrorLabel

#: Delay between the last change and the conflict check, so typing does not flood the lane.
CONFLICT_DELAY_MS: Final = 300
_LIST_HEIGHT: Final = 96


def _check_list(entries: Sequence[tuple[Any, str]], height: int = _LIST_HEIGHT) -> QListWidget:
    """A list of checkable entries, each carrying its value in UserRole."""
    widget = QListWidget()
    for value, text in entries:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, value)
        widget.addItem(item)
    widget.setMaximumHeight(height)
    return widget


def checked_values(widget: QListWidget) -> list[Any]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def set_checked(widget: QListWidget, values: Sequence[Any]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in values
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _combo(entries: Sequence[tuple[Any, str]], empty: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(empty, None)
    for value, text in entries:
        combo.addItem(text, value)
    return combo


def _choice_entries(choices: Sequence[Choice]) -> list[tuple[int, str]]:
    return [(c.id, f"{c.name} ({c.detail})" if c.detail else c.name) for c in choices]


class RuleEditorDialog(QDialog):
    """Creates or edits one rule; emits `saved` with the stored `RuleRow`. GUI thread only."""

    saved = Signal(object)

    def __init__(
        self,
        routing: RoutingService,
        runner: TaskRunner,
        actor_id: int,
        choices: RoutingChoices,
        rule: RuleRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._routing = routing
        self._runner = runner
        self._actor_id = actor_id
        self._choices = choices
        self._rule = rule
        self.setWindowTitle(self.tr("Edit routing rule") if rule else self.tr("New routing rule"))
        self._errors: dict[str, ErrorLabel] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CONFLICT_DELAY_MS)
        self._timer.timeout.connect(self.check_conflicts)

        self.name = QLineEdit()
        self.stop = QCheckBox(self.tr("Stop here when this rule matches (first match wins)"))
        self.stop.setChecked(True)
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        head = QFormLayout()
        head.addRow(self.tr("&Name"), self._with_error("name", self.name))
        head.addRow("", self.stop)
        head.addRow("", self.active)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self._conditions_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._actions_box())
        right.addWidget(self._conflicts_box())
        right.addWidget(self._test_box())
        right.addStretch(1)
        body_layout.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.resize(1000, 720)

        if rule is not None:
            self._fill(rule)
        self._watch_changes()
        self.check_conflicts()

    # -- building ------------------------------------------------------------------------------

    def _with_error(self, name: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        error = ErrorLabel()
        self._errors[name] = error
        column.addWidget(error)
        return box

    def _conditions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("When all of these hold (a list means any of)"))
        form = QFormLayout(box)
        self.clients = _check_list([(c.id, c.name) for c in self._choices.clients])
        self.contracts = _check_list(_choice_entries(self._choices.contracts))
        self.priorities = _check_list([(p.value, labels.priority(p)) for p in Priority])
        self.channels = _check_list([(c.value, labels.source(c)) for c in SourceChannel])
        self.types = _check_list([(t.value, labels.ticket_type(t)) for t in TicketType])
        self.vip = QComboBox()
        self.vip.addItem(self.tr("Any caller"), None)
        self.vip.addItem(self.tr("VIP callers only"), True)
        self.vip.addItem(self.tr("Callers who are not VIPs"), False)
        self.categories = QLineEdit()
        self.categories.setPlaceholderText(self.tr("e.g. End-user computing \u203a Printers"))
        self.asset_kinds = QLineEdit()
        self.asset_kinds.setPlaceholderText(self.tr("e.g. printer, server"))
        self.products = QLineEdit()
        self.products.setPlaceholderText(self.tr("e.g. Outlook, LaserJet"))
        self.keywords = QLineEdit()
        self.keywords.setPlaceholderText(self.tr("e.g. server down, outage"))
        rows: list[tuple[str, str, QWidget]] = [
            ("client_ids", self.tr("Clients"), self.clients),
            ("contract_ids", self.tr("Contracts"), self.contracts),
            ("categories", self.tr("Categories (comma-separated)"), self.categories),
            ("asset_kinds", self.tr("Hardware/software types"), self.asset_kinds),
            ("products", self.tr("Products"), self.products),
            ("priorities", self.tr("Priorities"), self.priorities),
            ("channels", self.tr("Channels"), self.channels),
            ("types", self.tr("Ticket types"), self.types),
            ("vip", self.tr("VIP caller"), self.vip),
            ("keywords", self.tr("Keywords in subject or description"), self.keywords),
        ]
        for name, text, widget in rows:
            form.addRow(text, self._with_error(name, widget))
        return box

    def _actions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Then set"))
        form = QFormLayout(box)
        keep = self.tr("(leave as it is)")
        c = self._choices
        self.queue = _combo(_choice_entries(c.queues), keep)
        self.assignee = _combo(_choice_entries(c.technicians), keep)
        self.tier = _combo([(t.value, labels.tier(t)) for t in Tier], keep)
        self.priority = _combo([(p.value, labels.priority(p)) for p in Priority], keep)
        self.policy = _combo(_choice_entries(c.policies), keep)
        self.checklist = _combo(_choice_entries(c.templates), keep)
        rows = [
            ("queue_id", self.tr("Queue"), self.queue),
            ("assignee_id", self.tr("Technician"), self.assignee),
            ("tier", self.tr("Tier"), self.tier),
            ("priority", self.tr("Priority"), self.priority),
            ("sla_policy_id", self.tr("SLA policy"), self.policy),
            ("checklist_template_id", self.tr("Add checklist"), self.checklist),
        ]
        for name, text, widget in rows:
            form.addRow(text, self._with_error(name, widget))
        form.addRow("", self._with_error("actions", QWidget()))
        return box

    def _conflicts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Conflicts"))
        column = QVBoxLayout(box)
        self.conflicts_label = QLabel(self.tr("No conflicts with other rules."))
        self.conflicts_label.setWordWrap(True)
        self.conflicts_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.conflicts_label)
        return box

    def _test_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Test with a sample ticket"))
        form = QFormLayout(box)
        self.test_client = QComboBox()
        for client in self._choices.clients:
            self.test_client.addItem(client.name, client.id)
        self.test_category = QLineEdit()
        self.test_kind = QLineEdit()
        self.test_product = QLineEdit()
        self.test_priority = QComboBox()
        for p in Priority:
            self.test_priority.addItem(labels.priority(p), p.value)
        self.test_priority.setCurrentIndex(2)
        self.test_channel = QComboBox()
        for ch in SourceChannel:
            self.test_channel.addItem(labels.source(ch), ch.value)
        self.test_type = QComboBox()
        for t in TicketType:
            self.test_type.addItem(labels.ticket_type(t), t.value)
        self.test_vip = QCheckBox(self.tr("The caller is a VIP"))
        self.test_text = QLineEdit()
        self.test_text.setPlaceholderText(self.tr("Subject and description"))
        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.clicked.connect(self.run_test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Client"), self.test_client)
        form.addRow(self.tr("Category"), self.test_category)
        form.addRow(self.tr("Hardware type"), self.test_kind)
        form.addRow(self.tr("Product"), self.test_product)
        form.addRow(self.tr("Priority"), self.test_priority)
        form.addRow(self.tr("Channel"), self.test_channel)
        form.addRow(self.tr("Type"), self.test_type)
        form.addRow("", self.test_vip)
        form.addRow(self.tr("Text"), self.test_text)
        form.addRow(self.test_button, self.test_result)
        return box

    def _watch_changes(self) -> None:
        for edit in (self.name, self.categories, self.asset_kinds, self.products, self.keywords):
            edit.textChanged.connect(self._schedule_conflicts)
        for lst in (self.clients, self.contracts, self.priorities, self.channels, self.types):
            lst.itemChanged.connect(self._schedule_conflicts)
        for combo in (
            self.vip,
            self.queue,
            self.assignee,
            self.tier,
            self.priority,
            self.policy,
            self.checklist,
        ):
            combo.currentIndexChanged.connect(self._schedule_conflicts)
        for check in (self.stop, self.active):
            check.toggled.connect(self._schedule_conflicts)

    def _fill(self, rule: RuleRow) -> None:
        self.name.setText(rule.name)
        self.stop.setChecked(rule.stop)
        self.active.setChecked(rule.active)
        cond = rule.conditions
        set_checked(self.clients, cond.get("client_ids", []))
        set_checked(self.contracts, cond.get("contract_ids", []))
        set_checked(self.priorities, cond.get("priorities", []))
        set_checked(self.channels, cond.get("channels", []))
        set_checked(self.types, cond.get("types", []))
        self.vip.setCurrentIndex(max(0, self.vip.findData(cond.get("vip"))))
        for name, edit in self._term_edits().items():
            edit.setText(", ".join(cond.get(name, [])))
        for name, combo in self._action_combos().items():
            value = rule.actions.get(name)
            index = combo.findData(value) if value is not None else 0
            if index < 0:
                # A target no longer offered (inactive): show it so saving can name it.
                combo.addItem(self._choices.name(name, value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)

    def _term_edits(self) -> dict[str, QLineEdit]:
        return {
            "categories": self.categories,
            "asset_kinds": self.asset_kinds,
            "products": self.products,
            "keywords": self.keywords,
        }

    def _action_combos(self) -> dict[str, QComboBox]:
        return {
            "queue_id": self.queue,
            "assignee_id": self.assignee,
            "tier": self.tier,
            "priority": self.priority,
            "sla_policy_id": self.policy,
            "checklist_template_id": self.checklist,
        }

    # -- the draft -----------------------------------------------------------------------------

    def draft(self) -> RuleDraft:
        """The rule as typed."""
        conditions: dict[str, Any] = {
            "client_ids": checked_values(self.clients),
            "contract_ids": checked_values(self.contracts),
            "priorities": checked_values(self.priorities),
            "channels": checked_values(self.channels),
            "types": checked_values(self.types),
        }
        for name, edit in self._term_edits().items():
            conditions[name] = split_terms(edit.text())
        if self.vip.currentData() is not None:
            conditions["vip"] = bool(self.vip.currentData())
        conditions = {k: v for k, v in conditions.items() if v not in ([], None)}
        actions = {
            name: combo.currentData()
            for name, combo in self._action_combos().items()
            if combo.currentData() is not None
        }
        return RuleDraft(
            self.name.text(), conditions, actions, self.stop.isChecked(), self.active.isChecked()
        )

    @property
    def rule_id(self) -> int | None:
        return None if self._rule is None else self._rule.rule_id

    # -- conflicts and test --------------------------------------------------------------------

    def _schedule_conflicts(self) -> None:
        self._timer.start()

    def check_conflicts(self) -> None:
        """Recheck conflicts now (read lane)."""
        self._timer.stop()
        draft, rule_id = self.draft(), self.rule_id
        self._runner.run(
            lambda: self._routing.conflicts(draft, rule_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show_conflicts,
            on_failure=lambda _e: self.conflicts_label.setText(
                self.tr("Conflicts could not be checked.")
            ),
        )

    def _show_conflicts(self, found: list[Conflict]) -> None:
        if not found:
            self.conflicts_label.setText(self.tr("No conflicts with other rules."))
            self.conflicts_label.setStyleSheet("")
            return
        self.conflicts_label.setText("\n".join(conflict_lines(found, self._choices)))
        self.conflicts_label.setStyleSheet(tone_css(Tone.WARNING))

    def test_facts(self) -> Facts:
        client = self.test_client.currentData()
        return Facts(
            client_id=int(client) if client is not None else 0,
            category=self.test_category.text(),
            asset_kind=self.test_kind.text(),
            product=self.test_product.text(),
            priority=str(self.test_priority.currentData()),
            channel=str(self.test_channel.currentData()),
            type=str(self.test_type.currentData()),
            vip=self.test_vip.isChecked(),
            text=self.test_text.text(),
        )

    def run_test(self) -> None:
        facts, draft, rule_id = self.test_facts(), self.draft(), self.rule_id
        self._runner.run(
            lambda: self._routing.test(facts, draft, rule_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show_test,
            on_failure=lambda _e: self.test_result.setText(self.tr("The test failed.")),
        )

    def _show_test(self, outcome: Outcome) -> None:
        if not outcome.fired:
            self.test_result.setText(self.tr("No rule fires for this ticket."))
            return
        lines = []
        for f in outcome.fired:
            name = self.tr("this rule") if f.rule_id in (-1, self.rule_id) else f.name
            line = f"\u2022 {name}: {actions_summary(f.applied, self._choices) or '-'}"
            if f.skipped:
                line += " " + self.tr("(skipped: {0})").format(
                    actions_summary(f.skipped, self._choices)
                )
            lines.append(line)
        self.test_result.setText("\n".join(lines))

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        self._clear_errors()
        draft, rule = self.draft(), self._rule
        actor = self._actor_id
        routing = self._routing
        self.save_button.setEnabled(False)
        if rule is None:
            self._runner.run(
                lambda: routing.create_rule(draft, actor),
                lane=Lane.WRITE,
                owner=self,
                on_success=self._on_saved,
                on_failure=self._on_save_failed,
            )
        else:
            self._runner.run(
                lambda: routing.update_rule(rule.rule_id, rule.version, draft, actor),
                lane=Lane.WRITE,
                owner=self,
                on_success=self._on_saved,
                on_failure=self._on_save_failed,
            )

    def _on_saved(self, row: RuleRow) -> None:
        self.save_button.setEnabled(True)
        self._rule = row
        self.saved.emit(row)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_problems(error.problems)
        elif isinstance(error, ConcurrentEditError):
            who = error.changed_by or self.tr("someone else")
            self.general_error.show_error(
                self.tr("{0} changed this rule meanwhile; close and open it again.").format(who)
            )
        elif isinstance(error, PermissionDeniedError):
            self.general_error.show_error(self.tr("Only administrators may change routing."))
        else:
            self.general_error.show_error(self.tr("The rule could not be saved: {0}").format(error))

    def show_problems(self, problems: dict[str, str]) -> None:
        leftovers = []
        for name, code in problems.items():
            label = self._errors.get(name)
            if label is None:
                leftovers.append(f"{name}: {problem_text(code)}")
            else:
                label.show_error(problem_text(code))
        if "actions" in problems:
            self._errors["actions"].show_error(self.tr("Choose at least one thing to set."))
        if leftovers:
            self.general_error.show_error("\n".join(leftovers))

    def error_text(self, name: str) -> str:
        """The error shown for field `name` ("" when none); for tests and accessibility."""
        label = self._errors.get(name, self.general_error)
        return "" if label.isHidden() else label.text()

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear_error()
        self.general_error.clear_error()
