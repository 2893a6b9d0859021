"""A small form whose OK button runs one write on the write lane and closes only when it worked."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner

from app.views.onboarding_status import texts

log = logging.getLogger(__name__)


class WriteDialog(QDialog):
    """Subclasses fill `form` and implement `_task()`. GUI thread only.

    OK reads the widgets into a plain call (`_task()`, on the GUI thread) and runs it on the write
    lane; a refusal is shown in `message` and the dialog stays open with the input kept (secret
    fields excepted: subclasses clear them once read).
    """

    #: The write succeeded; carries what it returned. Emitted just before the dialog accepts.
    written = Signal(object)

    def __init__(self, runner: TaskRunner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self.setWindowTitle(title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setObjectName("writeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {texts.TONES['bad']}; font-weight: 600;")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        #: The OK button (its text is set by subclasses).
        self.ok_button = ok
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _task(self) -> Callable[[], object] | None:
        """The write to run, built from the widgets; None after `show_problem()`."""
        raise NotImplementedError

    def accept(self) -> None:
        if self._busy:
            return
        self.show_problem("")
        task = self._task()
        if task is None:
            return
        self._set_busy(True)
        self._runner.run(
            task,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_done,
            on_failure=self._on_failed,
        )

    def _on_done(self, result: object) -> None:
        self._set_busy(False)
        self.written.emit(result)
        super().accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        log.info("write refused: %s", type(error).__name__)
        self.show_problem(texts.failure_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
