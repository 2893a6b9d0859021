"""An inline vault unlock for dialogs that must keep what was typed when the vault locks.

The edit and delete dialogs stay open across a lock (idle, Lock vault): they show this prompt
instead of closing, so the technician unlocks in place and saves again without retyping. The
password is checked on the write lane (`unlock` writes an audit row); after five wrong passwords
the button waits 30 s, doubling, as on the Credentials tab (vault.md §8.3). GUI thread only.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.tasks import Lane, TaskRunner
from app.vault import devices
from app.vault.errors import PermissionDenied, WrongPassword

from app.views.clients.vault_session import VaultSession
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

#: vault.md §8.3: after this many wrong passwords, wait 30 s, doubling each time.
FREE_ATTEMPTS = 5
BACKOFF_MS = 30_000


class UnlockPrompt(QWidget):
    """A "the vault locked" line with a password field; hidden until `show_prompt()`."""

    #: The vault is unlocked again (the session has told every view).
    unlocked = Signal()

    def __init__(
        self, session: VaultSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._failures = 0
        self.setObjectName("vaultUnlockPrompt")
        title = QLabel(self.tr("The vault locked. Unlock it to continue; what you typed is kept."))
        title.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Vault password"))
        self.password_edit.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self._unlock)
        self.error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.hide()

    def show_prompt(self) -> None:
        self.error.clear_error()
        self.show()
        self.password_edit.setFocus()

    def _unlock(self) -> None:
        password = self.password_edit.text()
        if not password or not self.unlock_button.isEnabled():
            return
        self.error.clear_error()
        self.unlock_button.setEnabled(False)
        self._runner.run(
            partial(devices.unlock_with_password, self._session.service, password),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_unlocked,
            on_failure=self._on_unlock_failed,
        )
        del password

    def _on_unlocked(self, _result: object = None) -> None:
        self._failures = 0
        self.password_edit.clear()
        self.unlock_button.setEnabled(True)
        self.hide()
        self._session.refresh()
        self._session.note_audited(self._runner)
        self.unlocked.emit()

    def _on_unlock_failed(self, error: BaseException) -> None:
        self.password_edit.clear()
        self._session.note_audited(self._runner)  # `unlock_failed` is ours too
        if isinstance(error, WrongPassword):
            self._failures += 1
            if self._failures >= FREE_ATTEMPTS:
                wait = BACKOFF_MS * 2 ** (self._failures - FREE_ATTEMPTS)
                self.error.show_error(
                    self.tr("Wrong vault password. Try again in {s} s.").format(s=wait // 1000)
                )
                QTimer.singleShot(wait, self, lambda: self.unlock_button.setEnabled(True))
                return
            self.error.show_error(self.tr("Wrong vault password."))
        elif isinstance(error, PermissionDenied):
            self.error.show_error(self.tr("Your vault keys are disabled."))
        else:
            log.warning("unlocking the vault failed: %s", type(error).__name__)
            self.error.show_error(self.tr("The vault could not be unlocked."))
        self.unlock_button.setEnabled(True)
        self.password_edit.setFocus()
