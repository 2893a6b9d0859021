"""A combo box whose items carry Python values: the ticket queue's filter boxes."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget


class ChoiceBox(QComboBox):
    """A combo box whose items carry Python values, kept in a list beside the items.

    Values stay Python objects (QVariant would turn a `StrEnum` into a plain `str`). GUI thread
    only. Changing the choices keeps the current value when it is still offered.
    """

    def __init__(
        self, accessible_name: str, parent: QWidget | None = None, *, width_chars: int = 0
    ) -> None:
        """`width_chars` > 0 fixes the width for data-driven items (long client names)."""
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setToolTip(accessible_name)
        if width_chars:
            self.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.setMinimumContentsLength(width_chars)
        else:
            self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaxVisibleItems(20)
        self._values: list[Hashable] = []

    def set_choices(self, choices: Sequence[tuple[str, Hashable]]) -> None:
        """Replace the items; keep the current value if offered, else select the first item."""
        current = self.current_value()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            self._values = []
            for text, value in choices:
                self.addItem(text)
                self._values.append(value)
            self.setCurrentIndex(self._index_of(current) if current in self._values else 0)
        finally:
            self.blockSignals(blocked)

    def current_value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_current_value(self, value: Hashable, fallback_text: str) -> None:
        """Select `value`, first adding it as `fallback_text` if no item carries it."""
        if value not in self._values:
            self.addItem(fallback_text)
            self._values.append(value)
        self.setCurrentIndex(self._index_of(value))

    def _index_of(self, value: Hashable) -> int:
        return self._values.index(value)
