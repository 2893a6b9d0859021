"""The escalation levels of a policy: which clock, the signed offset from due, the actions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.directory import QueueRow
from app.services.sla_types import LevelSpec
from app.sla.policy import LevelAction, TargetKind

from app.views.sla import sla_labels
from app.views.sla.policy_parsing import ValueParseError, format_offset, parse_offset
from app.views.sla.sla_widgets import mark_invalid
from app.views.widgets.form_errors import ErrorLabel

#: The two levels of the demo template (sla.md §12 seed levels): an hour before the resolution
#: is due, the assignee and the lead hear of it; at the breach the ticket goes one tier up.
DEMO_LEVELS: Final = (
    LevelSpec(
        TargetKind.RESOLUTION,
        -3600,
        (LevelAction.NOTIFY_ASSIGNEE, LevelAction.NOTIFY_LEAD),
    ),
    LevelSpec(
        TargetKind.RESOLUTION,
        0,
        (LevelAction.NOTIFY_LEAD, LevelAction.REASSIGN_NEXT_TIER),
    ),
)


class LevelRow(QFrame):
    """One level. `level_id` is the stored level it edits (None for a new one)."""

    def __init__(self, queues: Sequence[QueueRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.level_id: int | None = None
        self.title = QLabel()
        self.kind = QComboBox()
        for kind in TargetKind:
            self.kind.addItem(sla_labels.kind(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(TargetKind.RESOLUTION.value))
        self.offset = QLineEdit("0")
        self.offset.setMaximumWidth(110)
        self.offset.setPlaceholderText("-30 min, 0, +1 h")
        self.offset.setToolTip(
            self.tr(
                "Business time from the due instant: -30 min = 30 minutes before, 0 = at the "
                "breach, +1 h = an hour after."
            )
        )
        self.offset.textEdited.connect(lambda _t: mark_invalid(self.offset, False))
        self.actions_boxes: dict[LevelAction, QCheckBox] = {}
        for action in LevelAction:
            box = QCheckBox(sla_labels.action(action))
            self.actions_boxes[action] = box
        self.queue = QComboBox()
        self.queue.setMinimumContentsLength(14)
        self.actions_boxes[LevelAction.REASSIGN_QUEUE].toggled.connect(self.queue.setEnabled)
        self.queue.setEnabled(False)
        self.set_queues(queues)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self.error = ErrorLabel()

        first = QHBoxLayout()
        first.addWidget(self.title)
        first.addSpacing(8)
        first.addWidget(QLabel(self.tr("Clock:")))
        first.addWidget(self.kind)
        first.addSpacing(8)
        first.addWidget(QLabel(self.tr("Offset from due:")))
        first.addWidget(self.offset)
        first.addStretch(1)
        first.addWidget(self.remove_button)
        actions = QGridLayout()
        actions.setHorizontalSpacing(16)
        # "Reassign to queue" last, right before the queue it needs.
        order: list[LevelAction] = [a for a in LevelAction if a is not LevelAction.REASSIGN_QUEUE]
        order.append(LevelAction.REASSIGN_QUEUE)
        for i, action in enumerate(order):
            actions.addWidget(self.actions_boxes[action], i // 3, i % 3)
        actions.addWidget(self.queue, 1, 3)
        actions.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(actions)
        layout.addWidget(self.error)

    def set_number(self, number: int) -> None:
        self.title.setText(self.tr("<b>Level {0}</b>").format(number))

    def set_queues(self, queues: Sequence[QueueRow]) -> None:
        """Offer `queues`, keeping the chosen one if it is still there."""
        chosen = self.queue.currentData()
        self.queue.clear()
        self.queue.addItem(self.tr("(choose a queue)"), None)
        for q in queues:
            self.queue.addItem(q.name, q.queue_id)
        self.queue.setCurrentIndex(max(0, self.queue.findData(chosen)))

    def set_level(self, level: LevelSpec) -> None:
        self.level_id = level.level_id
        self.kind.setCurrentIndex(self.kind.findData(level.kind.value))
        self.offset.setText(format_offset(level.offset_seconds))
        for action, box in self.actions_boxes.items():
            box.setChecked(action in level.actions)
        index = self.queue.findData(level.queue_id) if level.queue_id is not None else 0
        self.queue.setCurrentIndex(max(0, index))

    def level(self) -> LevelSpec:
        """The row as a `LevelSpec`; raises `ValueParseError` for an offset that does not parse.

        The queue goes with the level only when "reassign to queue" is ticked.
        """
        offset = parse_offset(self.offset.text())
        actions = tuple(a for a, box in self.actions_boxes.items() if box.isChecked())
        queue_id = self.queue.currentData() if LevelAction.REASSIGN_QUEUE in actions else None
        return LevelSpec(
            TargetKind(self.kind.currentData()),
            offset,
            actions,
            queue_id if isinstance(queue_id, int) else None,
            self.level_id,
        )

    def show_error(self, text: str) -> None:
        self.error.show_error(text)

    def clear_error(self) -> None:
        self.error.clear_error()
        mark_invalid(self.offset, False)


class LevelsEditor(QWidget):
    """A list of `LevelRow`s with Add and per-row Remove. GUI thread only.

    Field keys: "level N" (1-based, in the order shown) and "levels" for the list as a whole.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LevelRow] = []
        self._queues: list[QueueRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr("No escalation levels: warnings and breaches only."))
        self.empty_label.setEnabled(False)
        self.add_button = QPushButton(self.tr("Add level"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_level())
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def set_queues(self, queues: Iterable[QueueRow]) -> None:
        self._queues = list(queues)
        for row in self.rows:
            row.set_queues(self._queues)

    def set_levels(self, levels: Iterable[LevelSpec]) -> None:
        for row in list(self.rows):
            self._remove(row)
        for level in levels:
            self.add_level(level)

    def add_level(self, level: LevelSpec | None = None) -> LevelRow:
        row = LevelRow(self._queues)
        if level is not None:
            row.set_level(level)
        row.remove_button.clicked.connect(lambda: self._remove(row))
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        self._renumber()
        return row

    def levels(self) -> tuple[tuple[LevelSpec, ...], dict[str, str]]:
        """The rows as specs, and the problems of offsets that do not parse ("level N")."""
        found: list[LevelSpec] = []
        problems: dict[str, str] = {}
        for number, row in enumerate(self.rows, start=1):
            try:
                found.append(row.level())
            except ValueParseError as e:
                problems[f"level {number}"] = e.code
                mark_invalid(row.offset, True)
        return tuple(found), problems

    def show_problem(self, key: str, text: str) -> bool:
        if key == "levels":
            self.error.show_error(text)
            return True
        number = key.removeprefix("level ")
        if not key.startswith("level ") or not number.isdigit():
            return False
        index = int(number) - 1
        if not 0 <= index < len(self.rows):
            return False
        self.rows[index].show_error(text)
        return True

    def clear_errors(self) -> None:
        self.error.clear_error()
        for row in self.rows:
            row.clear_error()

    def _remove(self, row: LevelRow) -> None:
        if row in self.rows:
            self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_number(number)
        self.empty_label.setVisible(not self.rows)
