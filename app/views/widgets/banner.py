"""A coloured strip across the top of the window for conditions that affect everything shown."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """Hidden until `show_message()`; the optional button lets the user act (e.g. "Retry now")."""

    def __init__(self, button_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(
            "#banner { background: #fdecea; border-bottom: 1px solid #e0a09a; }"
            "#banner QLabel { color: #7a1c14; font-weight: 600; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.button = QPushButton(button_text, self)
        self.button.setVisible(bool(button_text))
        layout.addWidget(self.button)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def message(self) -> str:
        return "" if self.isHidden() else self.label.text()
