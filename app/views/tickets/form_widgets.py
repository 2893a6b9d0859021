"""Small building blocks of the ticket forms: combos over enums, aligned grids, error slots."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.views.widgets.form_errors import ErrorLabel

E = TypeVar("E", bound=enum.Enum)


def plain_text(edit: QPlainTextEdit) -> str:
    """Exactly what was typed: `toPlainText()` would turn non-breaking spaces into spaces."""
    return edit.document().toRawText().replace("\u2029", "\n")


def select_data(combo: QComboBox, value: object) -> bool:
    """Make the item whose data equals `value` current; False if there is none."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return True
    return False


def enum_combo(members: Iterable[E], word: Callable[[E], str]) -> QComboBox:
    """A combo listing `members` worded by `word`; read back with `Enum(currentData())`."""
    # Items carry the enum's value: a StrEnum member would come back from Qt as a plain str.
    combo = QComboBox()
    for member in members:
        combo.addItem(word(member), member.value)
    return combo


class Row(QWidget):
    """A field with a button beside it; `main` is the field labels point at."""

    def __init__(self, main: QWidget, button: QWidget) -> None:
        super().__init__()
        self.main = main
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(main, 1)
        layout.addWidget(button)


def form_grid() -> QGridLayout:
    """Four columns, label | field | label | field; the field columns take the spare width."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(4)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return grid


def heading(text: str, buddy: QWidget | None = None) -> QLabel:
    """A bold section title; with a buddy, its mnemonic focuses that field."""
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600;")
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    """`field` with its error line under it, as one widget for a grid cell."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(field)
    layout.addWidget(error)
    box.setSizePolicy(field.sizePolicy())
    return box
