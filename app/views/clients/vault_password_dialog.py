"""Change my vault password (vault.md §8.8): the current password, the new one typed twice.

`devices.change_password` derives twice with Argon2 and writes, so it runs on the write lane.
Errors show at their field and the typed text stays, except that a wrong current password
clears the password fields. Remembered devices stay valid.

"My password may be compromised…" closes this dialog and asks the panel (`compromised`) for the
key reset with rotation instead (§8.8: vault_reset_dialogs.KeyResetDialog). GUI thread only.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner
from app.vault import devices, kdf
from app.vault.errors import PermissionDenied, VaultError, WrongPassword
from app.vault.service import VaultService

from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePasswordDialog(QDialog):
    """Old password, new password, repeat; closes itself once the password is changed."""

    #: The vault password was changed (emitted before the dialog closes).
    password_changed = Signal()
    #: "My password may be compromised…": open the key reset with rotation instead.
    compromised = Signal()

    def __init__(
        self, service: VaultService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change vault password"))
        self._service = service
        self._runner = runner
        self._busy = False
        intro = QLabel(
            self.tr(
                "Your remembered devices keep working. Credentials are not re-encrypted; only "
                "your own keys are sealed again under the new password."
            )
        )
        intro.setWordWrap(True)
        self.old_edit = _password_edit()
        self.old_error = ErrorLabel()
        self.new_edit = _password_edit()
        self.new_edit.setPlaceholderText(
            self.tr("At least {n} characters").format(n=kdf.MIN_PASSWORD_LEN)
        )
        self.new_error = ErrorLabel()
        self.repeat_edit = _password_edit()
        self.repeat_edit.returnPressed.connect(self._submit)
        self.repeat_error = ErrorLabel()
        self.general_error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Current password:"), self.old_edit)
        form.addRow("", self.old_error)
        form.addRow(self.tr("&New password:"), self.new_edit)
        form.addRow("", self.new_error)
        form.addRow(self.tr("&Repeat:"), self.repeat_edit)
        form.addRow("", self.repeat_error)
        self.change_button = QPushButton(self.tr("Change password"))
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.compromised_button = QPushButton(self.tr("My password may be compromised…"))
        self.compromised_button.setToolTip(
            self.tr(
                "New keys under a new password, and new keys for every vault you hold; an "
                "administrator then signs your key and restores your access."
            )
        )
        self.compromised_button.clicked.connect(self._on_compromised_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compromised_button)
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.finished.connect(lambda _r: self._clear_fields())

    def _on_compromised_clicked(self) -> None:
        if self._busy:
            return
        self.compromised.emit()
        self.reject()

    def _clear_errors(self) -> None:
        for label in (self.old_error, self.new_error, self.repeat_error, self.general_error):
            label.clear_error()

    def _clear_fields(self) -> None:
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.clear()

    def _submit(self) -> None:
        if self._busy:
            return
        self._clear_errors()
        old, new = self.old_edit.text(), self.new_edit.text()
        if not old:
            self.old_error.show_error(self.tr("Type your current vault password."))
            self.old_edit.setFocus()
            return
        if not new:
            self.new_error.show_error(self.tr("Choose a new vault password."))
            self.new_edit.setFocus()
            return
        if new != self.repeat_edit.text():
            self.repeat_error.show_error(self.tr("The two passwords differ."))
            self.repeat_edit.setFocus()
            return
        self._busy = True
        self.change_button.setEnabled(False)
        self._runner.run(
            partial(devices.change_password, self._service, old, new),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _r: self._succeeded(),
            on_failure=self._failed,
        )
        del old, new

    def _succeeded(self) -> None:
        self._busy = False
        self._clear_fields()
        self.password_changed.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.change_button.setEnabled(True)
        if isinstance(error, WrongPassword):
            self._clear_fields()
            self.old_error.show_error(self.tr("Wrong vault password."))
            self.old_edit.setFocus()
        elif isinstance(error, kdf.WeakVaultPassword):
            messages = {
                "too_short": self.tr(
                    "The vault password must be at least {n} characters long."
                ).format(n=kdf.MIN_PASSWORD_LEN),
                "same_as_login": self.tr("The vault password must not be your e-mail address."),
            }
            self.new_error.show_error(messages.get(error.code, str(error)))
            self.new_edit.setFocus()
        elif isinstance(error, PermissionDenied):
            self.general_error.show_error(self.tr("Your vault keys are disabled."))
        elif isinstance(error, VaultError):
            log.info("changing the vault password was refused: %s", error)
            self.general_error.show_error(str(error).capitalize() + ".")
        else:
            log.warning("changing the vault password failed: %s", type(error).__name__)
            self.general_error.show_error(self.tr("That did not work. Try again later."))
