"""The targets grid of a policy: P1–P4 by response, resolution and next update, with warnings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Priority
from app.services.sla_types import TargetSpec
from app.sla.policy import DEFAULT_WARN_PERCENT, TargetKind, TargetUnit

from app.views import labels
from app.views.sla import sla_labels
from app.views.sla.policy_parsing import ValueParseError, parse_count
from app.views.sla.sla_widgets import mark_invalid
from app.views.widgets.form_errors import ErrorLabel

#: Warning modes of a cell: at a percentage of the target, or minutes before due.
WARN_PERCENT: Final = "percent"
WARN_BEFORE: Final = "before"
#: The demo template of sla.md §7: (priority, kind) → (amount, unit).
DEMO_TARGETS: Final[Mapping[tuple[Priority, TargetKind], tuple[int, TargetUnit]]] = {
    (Priority.P1, TargetKind.RESPONSE): (15, TargetUnit.MINUTES),
    (Priority.P1, TargetKind.RESOLUTION): (4, TargetUnit.HOURS),
    (Priority.P1, TargetKind.UPDATE): (1, TargetUnit.HOURS),
    (Priority.P2, TargetKind.RESPONSE): (30, TargetUnit.MINUTES),
    (Priority.P2, TargetKind.RESOLUTION): (8, TargetUnit.HOURS),
    (Priority.P2, TargetKind.UPDATE): (4, TargetUnit.HOURS),
    (Priority.P3, TargetKind.RESPONSE): (2, TargetUnit.HOURS),
    (Priority.P3, TargetKind.RESOLUTION): (3, TargetUnit.BUSINESS_DAYS_END),
    (Priority.P3, TargetKind.UPDATE): (1, TargetUnit.BUSINESS_DAYS_END),
    (Priority.P4, TargetKind.RESPONSE): (8, TargetUnit.HOURS),
    (Priority.P4, TargetKind.RESOLUTION): (10, TargetUnit.BUSINESS_DAYS_END),
}


def target_key(priority: Priority, kind: TargetKind) -> str:
    """The service's field key of one target: "P1.response"."""
    return f"{priority.value}.{kind.value}"


class TargetCell(QWidget):
    """One target: amount + unit on the first line, the warning rule on the second.

    An empty amount means no target of this kind at this priority.
    """

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.amount = QLineEdit()
        self.amount.setObjectName(f"amount_{key}")
        self.amount.setPlaceholderText("—")
        self.amount.setMaximumWidth(56)
        self.amount.setToolTip(self.tr("Empty = no target"))
        self.amount.textEdited.connect(lambda _t: mark_invalid(self.amount, False))
        self.unit = QComboBox()
        for unit in TargetUnit:
            self.unit.addItem(sla_labels.unit(unit), unit.value)
        self.unit.setToolTip(
            self.tr(
                "Minutes and hours are business time on the policy's calendar. End of the Nth "
                "business day: 0 = today, 1 = the next business day."
            )
        )
        self.warn_mode = QComboBox()
        self.warn_mode.addItem(self.tr("warn at % of target"), WARN_PERCENT)
        self.warn_mode.addItem(self.tr("warn min before due"), WARN_BEFORE)
        self.warn_mode.currentIndexChanged.connect(self._on_warn_mode_changed)
        self.warn_value = QLineEdit()
        self.warn_value.setMaximumWidth(56)
        self.warn_value.textEdited.connect(lambda _t: mark_invalid(self.warn_value, False))
        self.error = ErrorLabel()
        first = QHBoxLayout()
        first.addWidget(self.amount)
        first.addWidget(self.unit, 1)
        second = QHBoxLayout()
        second.addWidget(self.warn_mode, 1)
        second.addWidget(self.warn_value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.error)
        self._on_warn_mode_changed()

    def set_target(self, target: TargetSpec | None) -> None:
        if target is None:
            self.amount.clear()
            self.unit.setCurrentIndex(0)
            self.warn_mode.setCurrentIndex(0)
            self.warn_value.clear()
            return
        self.amount.setText(str(target.amount))
        self.unit.setCurrentIndex(self.unit.findData(target.unit.value))
        if target.warn_before_seconds is not None:
            self.warn_mode.setCurrentIndex(self.warn_mode.findData(WARN_BEFORE))
            self.warn_value.setText(str(target.warn_before_seconds // 60))
        else:
            self.warn_mode.setCurrentIndex(self.warn_mode.findData(WARN_PERCENT))
            percent = target.warn_at_percent
            self.warn_value.setText("" if percent is None else str(percent))

    def target(self, priority: Priority, kind: TargetKind) -> TargetSpec | None:
        """The cell as a `TargetSpec`, None when the amount is empty.

        Raises `ValueParseError` for an amount or warning that is not a whole number.
        """
        amount = parse_count(self.amount.text())
        if amount is None:
            return None
        warn = parse_count(self.warn_value.text())
        before = percent = None
        if warn is not None and self.warn_mode.currentData() == WARN_BEFORE:
            before = warn * 60
        else:
            percent = warn
        unit = TargetUnit(self.unit.currentData())
        return TargetSpec(priority, kind, unit, amount, before, percent)

    def set_amount(self, amount: int, unit: TargetUnit) -> None:
        self.amount.setText(str(amount))
        self.unit.setCurrentIndex(self.unit.findData(unit.value))

    def show_error(self, text: str) -> None:
        self.error.show_error(text)
        mark_invalid(self.amount, True)

    def clear_error(self) -> None:
        self.error.clear_error()
        mark_invalid(self.amount, False)
        mark_invalid(self.warn_value, False)

    def _on_warn_mode_changed(self) -> None:
        if self.warn_mode.currentData() == WARN_BEFORE:
            self.warn_value.setPlaceholderText(self.tr("min"))
            self.warn_value.setToolTip(self.tr("Warn this many business minutes before due"))
        else:
            self.warn_value.setPlaceholderText(str(DEFAULT_WARN_PERCENT))
            self.warn_value.setToolTip(
                self.tr("Warn when this % of the target is used (1–99; empty = {0} %)").format(
                    DEFAULT_WARN_PERCENT
                )
            )


class TargetsGrid(QWidget):
    """Twelve `TargetCell`s: rows P1–P4, columns response, resolution, next update.

    Field keys: "P1.response" … "P4.update". GUI thread only.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: dict[str, TargetCell] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        for col, kind in enumerate(TargetKind, start=1):
            header = QLabel(f"<b>{sla_labels.kind(kind)}</b>")
            grid.addWidget(header, 0, col)
            grid.setColumnStretch(col, 1)
        for row, priority in enumerate(Priority, start=1):
            grid.addWidget(QLabel(f"<b>{labels.priority(priority)}</b>"), row, 0)
            for col, kind in enumerate(TargetKind, start=1):
                cell = TargetCell(target_key(priority, kind))
                self.cells[cell.key] = cell
                grid.addWidget(cell, row, col)

    def cell(self, priority: Priority, kind: TargetKind) -> TargetCell:
        return self.cells[target_key(priority, kind)]

    def set_targets(self, targets: Iterable[TargetSpec]) -> None:
        given = {target_key(t.priority, t.kind): t for t in targets}
        for key, cell in self.cells.items():
            cell.set_target(given.get(key))

    def targets(self) -> tuple[tuple[TargetSpec, ...], dict[str, str]]:
        """The filled-in cells as specs, and the problems of cells that do not parse."""
        found: list[TargetSpec] = []
        problems: dict[str, str] = {}
        for priority in Priority:
            for kind in TargetKind:
                cell = self.cell(priority, kind)
                try:
                    target = cell.target(priority, kind)
                except ValueParseError as e:
                    problems[cell.key] = e.code
                    continue
                if target is not None:
                    found.append(target)
        return tuple(found), problems

    def fill_demo(self) -> None:
        """The demo template of sla.md §7, with default warnings."""
        for priority in Priority:
            for kind in TargetKind:
                cell = self.cell(priority, kind)
                cell.set_target(None)
                demo = DEMO_TARGETS.get((priority, kind))
                if demo is not None:
                    cell.set_amount(*demo)

    def show_problem(self, key: str, text: str) -> bool:
        cell = self.cells.get(key)
        if cell is None:
            return False
        cell.show_error(text)
        return True

    def error_text(self, key: str) -> str:
        label = self.cells[key].error
        return "" if label.isHidden() else label.text()

    def clear_errors(self) -> None:
        for cell in self.cells.values():
            cell.clear_error()
