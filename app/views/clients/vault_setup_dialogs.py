"""First setup of the vault (vault.md §8.1) and a technician's enrolment (§8.2).

Both dialogs ask for a vault password twice and run the Argon2-bound service call on the write
lane. Setup then shows the recovery kit once on the shared `RecoveryKitPage` (vault_kit_page.py:
never stored, cleared when the dialog closes, "Save as PDF…" only where the user picks).
Enrolment shows the technician's fingerprint and the org's, for an administrator to compare out
of band before signing (§3). GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.reports.recovery_kit_pdf import RecoveryKitSheet
from app.tasks import Lane, TaskRunner
from app.ui_text import ui_text
from app.vault import kdf
from app.vault.errors import PermissionDenied, VaultError
from app.vault.recovery import RecoveryKit
from app.vault.service import VaultService

from app.views.clients.vault_kit_page import KitDetails, RecoveryKitPage, kit_details, mono
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

SKIP_TEXT = ui_text("If I forget my vault password, every stored credential is lost")
ASK_ADMIN_TEXT = ui_text(
    "Ask an administrator to compare this fingerprint with you and sign your key"
)


class PasswordForm(QWidget):
    """A vault password typed twice, with errors under each field; the text stays on errors."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("At least {n} characters").format(n=kdf.MIN_PASSWORD_LEN)
        )
        self.password_error = ErrorLabel()
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.returnPressed.connect(self.submitted)
        self.repeat_error = ErrorLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Vault password:"), self.password_edit)
        form.addRow("", self.password_error)
        form.addRow(self.tr("&Repeat:"), self.repeat_edit)
        form.addRow("", self.repeat_error)

    def checked_password(self) -> str | None:
        """The password when both fields match, else None with the error shown."""
        self.clear_errors()
        password = self.password_edit.text()
        if not password:
            self.password_error.show_error(self.tr("Choose a vault password."))
            self.password_edit.setFocus()
            return None
        if password != self.repeat_edit.text():
            self.repeat_error.show_error(self.tr("The two passwords differ."))
            self.repeat_edit.setFocus()
            return None
        return password

    def show_weak(self, error: kdf.WeakVaultPassword) -> None:
        messages = {
            "too_short": self.tr("The vault password must be at least {n} characters long.").format(
                n=kdf.MIN_PASSWORD_LEN
            ),
            "same_as_login": self.tr("The vault password must not be your e-mail address."),
        }
        self.password_error.show_error(messages.get(error.code, str(error)))
        self.password_edit.setFocus()

    def clear_errors(self) -> None:
        self.password_error.clear_error()
        self.repeat_error.clear_error()

    def clear(self) -> None:
        self.password_edit.clear()
        self.repeat_edit.clear()


class _PasswordDialog(QDialog):
    """Shared shape: an intro, the password form and a submit button on page 0; a result page."""

    def __init__(self, runner: TaskRunner, submit_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = PasswordForm()
        self.form.submitted.connect(self._submit)
        self.general_error = ErrorLabel()
        self.submit_button = QPushButton(submit_text)
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.stack = QStackedWidget()
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.addWidget(self.stack)
        self.setMinimumWidth(460)

    def _submit(self) -> None:
        if self._busy:
            return
        password = self.form.checked_password()
        if password is None:
            return
        self.general_error.clear_error()
        self._busy = True
        self.submit_button.setEnabled(False)
        self._runner.run(
            self._task(password),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._succeeded,
            on_failure=self._failed,
        )
        del password

    def _task(self, password: str) -> Callable[[], object]:
        raise NotImplementedError

    def _succeeded(self, result: object) -> None:
        self._busy = False
        self.form.clear()
        self.cancel_button.hide()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        if isinstance(error, kdf.WeakVaultPassword):
            self.form.show_weak(error)
        elif isinstance(error, PermissionDenied):
            self.general_error.show_error(self.tr("You are not allowed to do this."))
        elif isinstance(error, VaultError):
            log.info("vault password dialog refused: %s", error)
            self.general_error.show_error(str(error).capitalize() + ".")
        else:
            log.warning("vault password dialog failed: %s", type(error).__name__)
            self.general_error.show_error(self.tr("That did not work. Try again later."))


class SetUpVaultDialog(_PasswordDialog):
    """First setup by an admin: vault password, then the recovery kit shown once (§8.1).

    Finish is enabled once the last kit group is typed back; in single-user mode ticking
    `SKIP_TEXT` also enables it. Until then the dialog does not close: the kit exists nowhere else.
    The kit page is `RecoveryKitPage`, shared with key reset and break-glass.
    """

    #: The vault was set up (this session is now unlocked); emitted once, before the kit shows.
    vault_set_up = Signal()

    def __init__(
        self,
        service: VaultService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        single_user: bool = False,
    ) -> None:
        super().__init__(runner, self.tr("Set up"), parent)
        self._service = service
        self.setWindowTitle(self.tr("Set up the credential vault"))
        self.intro.setText(
            self.tr(
                "Choose your vault password. It protects your vault keys and is never stored; "
                "use a different password from your sign-in."
            )
        )
        self.kit_page = RecoveryKitPage(runner, skip=self.tr(SKIP_TEXT) if single_user else "")
        self.kit_page.finish_requested.connect(self.accept)
        # The page's widgets under their old names (tests and callers use them).
        self.kit_edit = self.kit_page.kit_edit
        self.confirm_edit = self.kit_page.confirm_edit
        self.skip_box = self.kit_page.skip_box
        self.finish_button = self.kit_page.finish_button
        self.save_pdf_button = self.kit_page.save_pdf_button
        self.pdf_label = self.kit_page.pdf_label
        self.pdf_error = self.kit_page.pdf_error
        self.stack.addWidget(self.kit_page)

    @property
    def choose_pdf_path(self) -> Callable[[], str]:
        """Asks where to save the PDF ("" = cancelled); tests replace it."""
        return self.kit_page.choose_pdf_path

    @choose_pdf_path.setter
    def choose_pdf_path(self, ask: Callable[[], str]) -> None:
        self.kit_page.choose_pdf_path = ask

    @property
    def _sheet(self) -> RecoveryKitSheet | None:
        return self.kit_page.sheet

    def _task(self, password: str) -> Callable[[], object]:
        return partial(_set_up, self._service, password)

    def _succeeded(self, result: object) -> None:
        super()._succeeded(result)
        assert isinstance(result, tuple)
        kit, details = result
        assert isinstance(kit, RecoveryKit)
        self.kit_page.show_kit(kit, details)
        del result, kit
        self.stack.setCurrentIndex(1)
        self.confirm_edit.setFocus()
        self.vault_set_up.emit()

    def kit_confirmed(self) -> bool:
        return self.kit_page.kit_confirmed()

    def reject(self) -> None:
        if self.kit_page.is_open:  # Escape or the close button while the kit is shown: not yet
            return
        super().reject()

    def done(self, result: int) -> None:
        if not self.kit_page.may_close():
            return
        self.kit_page.forget()
        super().done(result)


class EnrolDialog(_PasswordDialog):
    """A technician picks a vault password; their key is made and its fingerprint shown (§8.2)."""

    #: The technician now has keys (and this session is unlocked).
    enrolled = Signal()

    def __init__(
        self, service: VaultService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, self.tr("Enrol"), parent)
        self._service = service
        self.setWindowTitle(self.tr("Enrol in the credential vault"))
        self.intro.setText(
            self.tr(
                "Choose your vault password. It protects your vault keys and is never stored; "
                "use a different password from your sign-in."
            )
        )
        self.stack.addWidget(self._build_done())

    def _build_done(self) -> QWidget:
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("fingerprint")
        mono(self.fingerprint_label)
        self.org_fingerprint_label = QLabel()
        self.org_fingerprint_label.setObjectName("orgFingerprint")
        mono(self.org_fingerprint_label)
        for label in (self.fingerprint_label, self.org_fingerprint_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ask = QLabel(self.tr(ASK_ADMIN_TEXT) + ".")
        ask.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        form = QFormLayout()
        form.addRow(self.tr("Your fingerprint:"), self.fingerprint_label)
        form.addRow(self.tr("Organisation fingerprint:"), self.org_fingerprint_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Your vault keys are ready.")))
        layout.addLayout(form)
        layout.addWidget(ask)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _task(self, password: str) -> Callable[[], object]:
        return partial(_enrol, self._service, password)

    def _succeeded(self, result: object) -> None:
        super()._succeeded(result)
        assert isinstance(result, tuple)
        mine, org = result
        self.fingerprint_label.setText(mine)
        self.org_fingerprint_label.setText(org)
        self.stack.setCurrentIndex(1)
        self.close_button.setFocus()
        self.enrolled.emit()


def _set_up(service: VaultService, password: str) -> tuple[RecoveryKit, KitDetails]:
    """On a worker: first setup, then what the kit's PDF names (org fingerprint, database)."""
    kit = service.set_up(password)
    return kit, kit_details(service)


def _enrol(service: VaultService, password: str) -> tuple[str, str]:
    """On a worker: enrol, then read the org fingerprint pinned by the enrolment."""
    return service.enrol(password), service.org_fingerprint()
