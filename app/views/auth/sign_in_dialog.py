"""The sign-in dialog: e-mail and password, checked by `AuthService` on the write lane."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import AuthService
from app.services.directory import TechnicianRow
from app.services.errors import AuthenticationError, DatabaseError
from app.tasks import TaskRunner

from app.views.auth.task_dialog import TaskDialog
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


class SignInDialog(TaskDialog):
    """Asks for e-mail and password; accepts once `AuthService.sign_in` agrees. GUI thread only.

    The check runs on the write lane (Argon2 takes tens of milliseconds, and the service may
    rehash the password). A refusal never says whether the e-mail or the password was wrong.
    On success `technician` holds the signed-in account and `email_signed_in` carries its
    e-mail, for the caller to remember in `Settings.prefs.remember_email`.
    """

    #: Sign-in succeeded; carries the technician's e-mail (as stored), to pre-fill next time.
    email_signed_in = Signal(str)

    def __init__(
        self,
        auth: AuthService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        remembered_email: str = "",
    ) -> None:
        super().__init__(runner, parent)
        self._auth = auth
        #: The signed-in technician once the dialog is accepted; None before.
        self.technician: TechnicianRow | None = None

        self.setWindowTitle(self.tr("Sign in – MSP Helpdesk"))

        title = QLabel(self.tr("Sign in to MSP Helpdesk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)

        self.email_edit = QLineEdit(remembered_email)
        self.email_edit.setPlaceholderText(self.tr("name@example.com"))
        self.email_edit.setMaxLength(320)
        self.email_edit.setMinimumWidth(260)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(self.tr("&E-mail:"), self.email_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.error_label = ErrorLabel()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)

        self.email_edit.textChanged.connect(self._update_button)
        self.password_edit.textChanged.connect(self._update_button)
        self._update_button()
        # A returning technician only types the password.
        (self.password_edit if remembered_email else self.email_edit).setFocus()

    # --- slots --------------------------------------------------------------------------------

    def _on_buttons_accepted(self) -> None:
        email = self.email_edit.text().strip()
        password = self.password_edit.text()
        if not email or not password or self.is_busy():
            return
        self.error_label.clear_error()
        self._submit(
            partial(self._auth.sign_in, email, password), self._on_signed_in, self._on_refused
        )

    def _on_signed_in(self, technician: TechnicianRow) -> None:
        self.technician = technician
        self.password_edit.clear()
        self.email_signed_in.emit(technician.email)
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        if isinstance(error, AuthenticationError):
            # One message for unknown e-mail, wrong password and inactive account alike.
            self.error_label.show_error(self.tr("E-mail or password is not correct."))
            self._grow_to_fit()
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        if isinstance(error, DatabaseError):
            log.warning("sign-in failed: %s", error)
            self.error_label.show_error(
                self.tr("The database cannot be reached. Try again in a moment.")
            )
        else:
            log.error("sign-in failed", exc_info=error)
            self.error_label.show_error(
                self.tr("Signing in failed unexpectedly. The log file has the details.")
            )
        self._grow_to_fit()
        self.password_edit.setFocus()

    # --- state --------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.email_edit.setReadOnly(busy)
        self.password_edit.setReadOnly(busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        self._update_button()

    def _update_button(self) -> None:
        filled = bool(self.email_edit.text().strip() and self.password_edit.text())
        self.sign_in_button.setEnabled(filled and not self.is_busy())
