"""Asks why an SLA target was missed; the reason goes into the client's monthly report."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.breach_reasons import REASON_MAX

from app.views.tones import Tone, tone_css


class BreachReasonDialog(QDialog):
    """The reason text, prefilled with the one recorded before; OK needs some text."""

    def __init__(self, target: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Breach reason"))
        intro = QLabel(
            self.tr(
                "Why was the {0} target missed? The client's SLA report lists this reason with "
                "the breach."
            ).format(target)
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(current)
        self.text.setPlaceholderText(self.tr("e.g. Replacement part delivered late by the vendor"))
        self.error = QLabel()
        self.error.setStyleSheet(tone_css(Tone.ERROR))
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def reason(self) -> str:
        return " ".join(self.text.toPlainText().split())

    def accept(self) -> None:
        reason = self.reason()
        if not reason:
            self.error.setText(self.tr("Say why the target was missed."))
        elif len(reason) > REASON_MAX:
            self.error.setText(self.tr("Keep the reason under {0} characters.").format(REASON_MAX))
        else:
            super().accept()
            return
        self.error.show()
