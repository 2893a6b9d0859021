"""Small building blocks shared by the SLA settings tabs: list tables, invalid marks, messages,
field labels and button columns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.views.tones import Tone, tone_css

#: Border of a field the service (or a parser) refused; the message sits next to it.
_INVALID_STYLE: Final = "border: 1px solid #b3261e; border-radius: 3px; padding: 2px;"


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Give `widget` a red border (or take it away); the `invalid` property says which."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.setStyleSheet(_INVALID_STYLE if invalid else "")


def status_label() -> QLabel:
    """A line for what just happened ("Saved; …"), hidden until there is something to say."""
    label = QLabel()
    label.setObjectName("statusMessage")
    label.setWordWrap(True)
    label.setStyleSheet(tone_css(Tone.OK, "font-weight: 600;"))
    label.hide()
    return label


def hint_label(text: str) -> QLabel:
    """A greyed, word-wrapped explanation."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def buddy(text: str, field: QWidget) -> QLabel:
    """A field's label; its mnemonic (`&`) moves the focus to `field`."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def button_column(buttons: Iterable[QPushButton]) -> QVBoxLayout:
    """The buttons beside a list, top to bottom; none of them is the Enter key's default."""
    column = QVBoxLayout()
    for button in buttons:
        button.setAutoDefault(False)
        column.addWidget(button)
    column.addStretch(1)
    return column
