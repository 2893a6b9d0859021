"""First run on a new database: create the administrator account, who is then signed in."""

from __future__ import annotations

import logging
from functools import partial

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

from app.services.auth import PASSWORD_MIN, AuthService
from app.services.directory import TechnicianRow
from app.services.errors import DatabaseError, PermissionDeniedError, ValidationError
from app.tasks import TaskRunner

from app.views.auth.task_dialog import TaskDialog
from app.views.widgets.form_errors import ErrorLabel, FormErrors

log = logging.getLogger(__name__)


class FirstAdminDialog(TaskDialog):
    """Creates the first account (an L3 administrator) on a database that has none.

    GUI thread only; the account is created on the write lane. Too-short and mismatched passwords
    are caught here, before the service is called; the service's `ValidationError` codes show
    next to their fields. On success `technician` holds the new administrator, who counts as
    signed in, and the dialog is accepted.
    """

    def __init__(
        self, auth: AuthService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self._auth = auth
        #: The created administrator once the dialog is accepted; None before.
        self.technician: TechnicianRow | None = None

        self.setWindowTitle(self.tr("Create administrator – MSP Helpdesk"))

        title = QLabel(self.tr("Welcome to MSP Helpdesk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr("This is a new MSP Helpdesk database. Create the administrator account.")
        )
        intro.setWordWrap(True)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.setMinimumWidth(300)
        self.email_edit = QLineEdit()
        self.email_edit.setMaxLength(320)
        self.email_edit.setPlaceholderText(self.tr("name@example.com"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("At least %n characters", "", PASSWORD_MIN))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.name_error = ErrorLabel()
        self.email_error = ErrorLabel()
        self.password_error = ErrorLabel()
        self.repeat_error = ErrorLabel()
        self.general_error = ErrorLabel()
        self.errors = FormErrors(
            {
                "name": self.name_error,
                "email": self.email_error,
                "password": self.password_error,
                "repeat": self.repeat_error,
            },
            self.general_error,
        )

        form = QFormLayout()
        for text, editor, error in (
            (self.tr("&Name:"), self.name_edit, self.name_error),
            (self.tr("&E-mail:"), self.email_edit, self.email_error),
            (self.tr("&Password:"), self.password_edit, self.password_error),
            (self.tr("&Repeat password:"), self.repeat_edit, self.repeat_error),
        ):
            form.addRow(text, editor)
            # The error line sits under its field, in the form's own layout: a nested layout
            # would hide the wrapped line's height from the window (see `_grow_to_fit`).
            form.addRow("", error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = QPushButton(self.tr("Create account"))
        self.create_button.setDefault(True)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)

        self.name_edit.setFocus()

    # --- slots --------------------------------------------------------------------------------

    def _on_buttons_accepted(self) -> None:
        if self.is_busy():
            return
        name = self.name_edit.text()
        email = self.email_edit.text()
        password = self.password_edit.text()
        self.errors.clear()
        problems: dict[str, str] = {}
        if len(password) < PASSWORD_MIN:
            problems["password"] = "too_short"
        elif self.repeat_edit.text() != password:
            problems["repeat"] = "mismatch"
        if problems:
            self._show_problems(problems)
            return
        self._submit(
            partial(self._auth.create_first_admin, name, email, password),
            self._on_created,
            self._on_refused,
        )

    def _on_created(self, technician: TechnicianRow) -> None:
        self.technician = technician
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self._show_problems(error.problems)
            return
        if isinstance(error, PermissionDeniedError):
            # Someone else created an account meanwhile (a shared database): sign in instead.
            self.errors.show_general(
                self.tr("An account already exists on this database. Cancel, then sign in.")
            )
        elif isinstance(error, DatabaseError):
            log.warning("creating the first admin failed: %s", error)
            self.errors.show_general(
                self.tr("The database cannot be reached. Try again in a moment.")
            )
        else:
            log.error("creating the first admin failed", exc_info=error)
            self.errors.show_general(
                self.tr("The account could not be created. The log file has the details.")
            )
        self._grow_to_fit()

    # --- helpers ------------------------------------------------------------------------------

    def _show_problems(self, problems: dict[str, str]) -> None:
        """Show each problem next to its field; focus the first field in error."""
        self.errors.show_problems(problems)
        # Clearer words than the generic ones for the codes this form expects.
        if problems.get("password") == "too_short":
            self.password_error.show_error(self.tr("Use at least %n characters.", "", PASSWORD_MIN))
        if problems.get("email") == "invalid":
            self.email_error.show_error(self.tr("Enter an e-mail address like name@example.com."))
        if problems.get("repeat") == "mismatch":
            self.repeat_error.show_error(self.tr("The passwords do not match."))
        editors = {
            "name": self.name_edit,
            "email": self.email_edit,
            "password": self.password_edit,
            "repeat": self.repeat_edit,
        }
        self._grow_to_fit()
        first = next((editors[f] for f in editors if f in problems), None)
        if first is not None:
            first.setFocus()
            first.selectAll()

    def _set_busy(self, busy: bool) -> None:
        for editor in (self.name_edit, self.email_edit, self.password_edit, self.repeat_edit):
            editor.setReadOnly(busy)
        self.create_button.setEnabled(not busy)
        self.create_button.setText(self.tr("Creating…") if busy else self.tr("Create account"))
