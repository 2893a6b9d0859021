"""First setup of the vault (vault.md §8.1) and a technician's enrolment (§8.2).

Both dialogs ask for a vault password twice and run the Argon2-bound service call on the write
lane. Setup then shows the recovery kit once; it is never stored, and the widget holding it is
cleared when the dialog closes. "Save as PDF…" writes a printable page only to the file the user
picks (ReportLab on the read lane, app/reports/recovery_kit_pdf.py). Enrolment shows the
technician's fingerprint and the org's, for an administrator to compare out of band before
signing (§3). GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.reports.recovery_kit_pdf import RecoveryKitSheet, render_recovery_kit
from app.services.vault_settings import VaultSettingsService
from app.tasks import Lane, TaskRunner
from app.vault import kdf
from app.vault.errors import PermissionDenied, VaultError
from app.vault.recovery import RecoveryKit
from app.vault.service import VaultService

from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

SKIP_TEXT = "If I forget my vault password, every stored credential is lost"
ASK_ADMIN_TEXT = "Ask an administrator to compare this fingerprint with you and sign your key"


def _mono(widget: QWidget) -> None:
    widget.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))


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
        self._last_group = ""
        self._kit_open = False
        #: The kit for "Save as PDF…" while it is shown; dropped with the kit.
        self._sheet: RecoveryKitSheet | None = None
        #: Asks where to save the PDF ("" = cancelled); tests replace it.
        self.choose_pdf_path: Callable[[], str] = self._ask_pdf_path
        self.setWindowTitle(self.tr("Set up the credential vault"))
        self.intro.setText(
            self.tr(
                "Choose your vault password. It protects your vault keys and is never stored; "
                "use a different password from your sign-in."
            )
        )
        self.stack.addWidget(self._build_kit(single_user))

    def _build_kit(self, single_user: bool) -> QWidget:
        title = QLabel(self.tr("Recovery kit"))
        title.setStyleSheet("font-weight: 600;")
        warning = QLabel(self.tr("Print or write this down; it is never stored."))
        warning.setWordWrap(True)
        self.kit_edit = QPlainTextEdit()
        self.kit_edit.setReadOnly(True)
        self.kit_edit.setMaximumHeight(90)
        _mono(self.kit_edit)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setPlaceholderText(self.tr("Last group of the kit"))
        _mono(self.confirm_edit)
        self.confirm_edit.textChanged.connect(self._update_finish)
        self.skip_box = QCheckBox(self.tr(SKIP_TEXT))
        self.skip_box.setVisible(single_user)
        self.skip_box.toggled.connect(self._update_finish)
        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.accept)
        self.save_pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.save_pdf_button.setToolTip(
            self.tr("A printable page; it is written only where you choose.")
        )
        self.save_pdf_button.clicked.connect(self._on_save_pdf_button_clicked)
        self.pdf_label = QLabel()
        self.pdf_label.setObjectName("vaultNotice")
        self.pdf_label.setWordWrap(True)
        self.pdf_label.setTextFormat(Qt.TextFormat.PlainText)
        self.pdf_error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(warning)
        layout.addWidget(self.kit_edit)
        layout.addWidget(QLabel(self.tr("Type the last group to confirm you have the kit:")))
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.pdf_label)
        layout.addWidget(self.pdf_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _task(self, password: str) -> Callable[[], object]:
        return partial(_set_up, self._service, password)

    def _succeeded(self, result: object) -> None:
        super()._succeeded(result)
        assert isinstance(result, tuple)
        kit, org_fingerprint, database_uuid = result
        assert isinstance(kit, RecoveryKit)
        self.kit_edit.setPlainText(kit.text())
        self._last_group = kit.groups[-1]
        self._sheet = RecoveryKitSheet(
            kit.groups, kit.key_id, dt.datetime.now(dt.UTC), database_uuid, org_fingerprint
        )
        del result, kit
        self._kit_open = True
        self.stack.setCurrentIndex(1)
        self.confirm_edit.setFocus()
        self.vault_set_up.emit()

    # --- PDF ----------------------------------------------------------------------------------

    def _ask_pdf_path(self) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery kit"),
            "recovery-kit.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return path

    def _on_save_pdf_button_clicked(self) -> None:
        sheet = self._sheet
        if sheet is None:
            return
        self.pdf_error.clear_error()
        path = self.choose_pdf_path()
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.save_pdf_button.setEnabled(False)
        self._runner.run(
            partial(render_recovery_kit, sheet, target),
            lane=Lane.READ,
            owner=self,
            on_success=lambda _r: self._on_pdf_saved(target),
            on_failure=self._on_pdf_failed,
        )

    def _on_pdf_saved(self, path: Path) -> None:
        self.save_pdf_button.setEnabled(True)
        self.pdf_label.setText(
            self.tr(
                "Saved to {path}. Print it, and keep the file offline or delete it: anyone "
                "who reads it can open every vault."
            ).format(path=str(path))
        )

    def _on_pdf_failed(self, error: BaseException) -> None:
        self.save_pdf_button.setEnabled(True)
        log.warning("saving the recovery kit PDF failed: %s", type(error).__name__)
        self.pdf_error.show_error(
            self.tr("The PDF could not be written there. Choose another place.")
        )

    def kit_confirmed(self) -> bool:
        typed = self.confirm_edit.text().strip().upper()
        return bool(self._last_group) and typed == self._last_group

    def _update_finish(self) -> None:
        skip = self.skip_box.isVisible() and self.skip_box.isChecked()
        self.finish_button.setEnabled(self._kit_open and (self.kit_confirmed() or skip))

    def reject(self) -> None:
        if self._kit_open:  # Escape or the close button while the kit is shown: not yet
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._kit_open and not self.finish_button.isEnabled():
            return
        self._forget_kit()
        super().done(result)

    def _forget_kit(self) -> None:
        self.kit_edit.clear()
        self.kit_edit.document().clearUndoRedoStacks()
        self.confirm_edit.clear()
        self._last_group = ""
        self._sheet = None
        self.pdf_label.clear()
        self._kit_open = False


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
        _mono(self.fingerprint_label)
        self.org_fingerprint_label = QLabel()
        self.org_fingerprint_label.setObjectName("orgFingerprint")
        _mono(self.org_fingerprint_label)
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


def _set_up(service: VaultService, password: str) -> tuple[RecoveryKit, str | None, str | None]:
    """On a worker: first setup, then what the kit's PDF names (org fingerprint, database)."""
    kit = service.set_up(password)
    # Best effort: the kit exists only in this result, so nothing after set_up may lose it.
    try:
        fingerprint: str | None = service.org_fingerprint()
        policy = VaultSettingsService.of(service).policy()
    except Exception as e:
        log.warning("the recovery kit's details could not be read: %s", type(e).__name__)
        return kit, None, None
    return kit, fingerprint, None if policy is None else policy.database_uuid


def _enrol(service: VaultService, password: str) -> tuple[str, str]:
    """On a worker: enrol, then read the org fingerprint pinned by the enrolment."""
    return service.enrol(password), service.org_fingerprint()
