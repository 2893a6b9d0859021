"""Key reset (vault.md §8.8, §8.9): a forgotten or compromised vault password, and the admin's
"Restore access" afterwards.

`KeyResetDialog` explains what happens, takes the new password twice and runs `reset_keys` on
the write lane (Argon2). Without the recovery kit the technician gets a new, unsigned key and
reads its fingerprint to an administrator, who compares, signs and restores the same vaults
(`RestoreAccessDialog`, `regrant_after_reset`). When nobody else could sign (single-user mode,
the last admin) the core refuses with `RecoveryKitRequired`: the dialog then asks for the kit,
and the reset grants everything back and ends on the new kit, shown once. Nothing changes
when a reset is refused. GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

from app.tasks import Lane, TaskRunner
from app.ui_text import ui_text
from app.vault import kdf
from app.vault.breakglass import RecoveryKitInvalid
from app.vault.directory import vault_labels
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.key_reset import KeyResetReport, RecoveryKitRequired, RegrantReport
from app.vault.service import VaultService
from app.vault.types import VaultMember

from app.views.clients.vault_kit_page import KitDetails, RecoveryKitPage, kit_details, mono
from app.views.clients.vault_setup_dialogs import PasswordForm
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

FORGOT_INTRO = ui_text(
    "Your old vault password cannot be recovered, and nobody can read it back. A reset makes "
    "you a new key pair under a new password and signs out your remembered devices. Until an "
    "administrator compares your new fingerprint with you, signs your key and restores your "
    "access (the same vaults as before), you cannot open any credentials."
)
COMPROMISED_INTRO = ui_text(
    "If someone may know your vault password, reset your keys: you get a new key pair under a "
    "new password, your remembered devices are signed out, and every vault you hold gets a new "
    "key, so your old password and key open nothing new. Until an administrator compares your "
    "new fingerprint with you, signs your key and restores your access, you cannot open any "
    "credentials. Change the client passwords you fear were seen."
)
KIT_NEEDED = ui_text(
    "Nobody else can sign a new key for you (you are the only administrator), so only the "
    "recovery kit helps. Type it below: your access comes back at once and you get a new kit."
)
OLD_KIT_STATEMENT = ui_text("The old recovery kit no longer opens anything. Keep only this one.")
KIT_ACK = ui_text("I have printed, saved or written down this new recovery kit")
UNCONFIRMED_TEXT = ui_text(
    "These vaults were in their list but the database holds no trustworthy record that they "
    "were granted them. Tick only those you know they should have."
)
ORG_KEY_EXPOSED_TEXT = ui_text(
    "They held the organisation signing key. It cannot be replaced yet; keep their former "
    "access in mind."
)


def kit_error_text(error: RecoveryKitInvalid) -> str:
    """Calm, at the kit field: what was wrong, and that nothing changed."""
    reason = str(error).strip().rstrip(".")
    return (
        f"That recovery kit does not check out ({reason}). Check every group and try again; "
        "nothing was changed."
    )


class KeyResetDialog(QDialog):
    """Forgotten (`compromised=False`) or compromised password: new keys under a new password."""

    #: My keys were replaced (this session now holds the new key): views reload.
    reset_done = Signal()

    def __init__(
        self,
        service: VaultService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        compromised: bool = False,
        single_user: bool = False,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._compromised = compromised
        self._busy = False
        self.setWindowTitle(
            self.tr("My vault password may be compromised")
            if compromised
            else self.tr("Forgot vault password")
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form(single_user))
        self.stack.addWidget(self._build_fingerprint())
        self.kit_page = RecoveryKitPage(
            runner, statement=self.tr(OLD_KIT_STATEMENT), acknowledge=self.tr(KIT_ACK)
        )
        self.kit_page.finish_requested.connect(self.accept)
        self.stack.addWidget(self.kit_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setMinimumWidth(500)

    def _build_form(self, single_user: bool) -> QWidget:
        self.intro = QLabel(self.tr(COMPROMISED_INTRO if self._compromised else FORGOT_INTRO))
        self.intro.setWordWrap(True)
        self.form = PasswordForm()
        self.form.submitted.connect(self._submit)
        self.kit_intro = QLabel(self.tr(KIT_NEEDED))
        self.kit_intro.setWordWrap(True)
        self.kit_edit = QLineEdit()
        self.kit_edit.setPlaceholderText(self.tr("All the groups of your recovery kit"))
        mono(self.kit_edit)
        self.kit_error = ErrorLabel()
        self.kit_box = QWidget()
        kit_layout = QVBoxLayout(self.kit_box)
        kit_layout.setContentsMargins(0, 0, 0, 0)
        kit_layout.addWidget(self.kit_intro)
        kit_layout.addWidget(self.kit_edit)
        kit_layout.addWidget(self.kit_error)
        self.kit_box.setVisible(single_user)
        self.general_error = ErrorLabel()
        self.reset_button = QPushButton(self.tr("Reset my keys"))
        self.reset_button.setDefault(True)
        self.reset_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.cancel_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.kit_box)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_fingerprint(self) -> QWidget:
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("fingerprint")
        self.org_fingerprint_label = QLabel()
        self.org_fingerprint_label.setObjectName("orgFingerprint")
        for label in (self.fingerprint_label, self.org_fingerprint_label):
            mono(label)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label = QLabel()
        self.result_label.setObjectName("resetResult")
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Your new fingerprint:"), self.fingerprint_label)
        form.addRow(self.tr("Organisation fingerprint:"), self.org_fingerprint_label)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Your new vault keys are ready.")))
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # --- reset --------------------------------------------------------------------------------

    def _submit(self) -> None:
        if self._busy:
            return
        self.kit_error.clear_error()
        self.general_error.clear_error()
        password = self.form.checked_password()
        if password is None:
            return
        kit = self.kit_edit.text().strip() if self.kit_box.isVisibleTo(self) else ""
        if self.kit_box.isVisibleTo(self) and not kit:
            self.kit_error.show_error(self.tr("Type your recovery kit."))
            self.kit_edit.setFocus()
            return
        self._busy = True
        self.reset_button.setEnabled(False)
        self._runner.run(
            partial(_reset, self._service, password, self._compromised, kit or None),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._succeeded,
            on_failure=self._failed,
        )
        del password, kit

    def _succeeded(self, result: tuple[KeyResetReport, str | None, KitDetails]) -> None:
        self._busy = False
        report, org_fingerprint, details = result
        self.form.clear()
        self.kit_edit.clear()
        self.cancel_button.hide()
        if report.new_kit is not None:
            self.kit_page.show_kit(report.new_kit, details)
            self.stack.setCurrentWidget(self.kit_page)
        else:
            self.fingerprint_label.setText(report.fingerprint)
            self.org_fingerprint_label.setText(org_fingerprint or "")
            lines = [
                self.tr(
                    "Read your new fingerprint to an administrator, in person or by phone. They "
                    "compare it, sign your key and restore your access."
                ),
                self.tr("Vaults to restore: {n}.").format(n=len(report.vaults)),
            ]
            if report.rotated:
                lines.append(self.tr("Vaults given a new key: {n}.").format(n=len(report.rotated)))
            self.result_label.setText("\n".join(lines))
            self.stack.setCurrentIndex(1)
            self.close_button.setFocus()
        del result, report
        self.reset_done.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.reset_button.setEnabled(True)
        if isinstance(error, kdf.WeakVaultPassword):
            self.form.show_weak(error)
        elif isinstance(error, RecoveryKitRequired):
            self.kit_box.show()
            self.kit_error.show_error(self.tr("Type your recovery kit to reset."))
            self.kit_edit.setFocus()
        elif isinstance(error, RecoveryKitInvalid):
            self.kit_error.show_error(self.tr(kit_error_text(error)))
            self.kit_edit.setFocus()
        elif isinstance(error, VaultLocked):
            self.general_error.show_error(
                self.tr("The vault locked. Unlock it with your current password and try again.")
            )
        elif isinstance(error, PermissionDenied):
            self.general_error.show_error(self.tr("Refused: {why}.").format(why=str(error)))
        elif isinstance(error, VaultError):
            log.info("the key reset was refused: %s", error)
            self.general_error.show_error(str(error).capitalize() + ".")
        else:
            log.warning("the key reset failed: %s", type(error).__name__)
            self.general_error.show_error(self.tr("That did not work. Try again later."))

    def reject(self) -> None:
        if self.kit_page.is_open or self._busy:  # the new kit exists nowhere else
            return
        super().reject()

    def done(self, result: int) -> None:
        if not self.kit_page.may_close():
            return
        self.kit_page.forget()
        self.form.clear()
        self.kit_edit.clear()
        super().done(result)


def _reset(
    service: VaultService, password: str, compromised: bool, kit: str | None
) -> tuple[KeyResetReport, str | None, KitDetails]:
    """On a worker: the reset, then the fingerprints to show (best effort after the commit)."""
    report = service.reset_keys(password, rotate=compromised, recovery_kit=kit)
    details: KitDetails = (None, None)
    if report.new_kit is not None:
        details = kit_details(service)
    try:
        org: str | None = service.org_fingerprint()
    except VaultError:
        org = None
    return report, org, details


class RestoreAccessDialog(QDialog):
    """Admins, after signing a reset key: grant back the vaults of the latest reset (§8.9).

    The first run grants the trusted vaults only; the unconfirmed ones it reports are then listed
    unticked, and "Grant ticked vaults" grants exactly those ticked (`vault_ids=`)."""

    #: Vaults were granted back (audited): views reload and move the local anchor.
    restored = Signal()

    def __init__(
        self,
        service: VaultService,
        runner: TaskRunner,
        member: VaultMember,
        pending: tuple[int, ...],
        labels: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._member = member
        self._labels = dict(labels)
        self.setWindowTitle(self.tr("Restore {name}'s access").format(name=member.name))
        names = ", ".join(self._label(v) for v in pending) or self.tr("none")
        text = QLabel(
            self.tr(
                "Grant {name} the same vaults as before their key reset: {vaults}. Only do this "
                "after comparing their new fingerprint and signing their key."
            ).format(name=member.name, vaults=names)
        )
        text.setWordWrap(True)
        self.rotate_box = QCheckBox(
            self.tr("Also give those vaults new keys (their old password or key may be known)")
        )
        self.report_label = QLabel()
        self.report_label.setObjectName("restoreReport")
        self.report_label.setWordWrap(True)
        self.report_label.hide()
        self.error = ErrorLabel()
        self.restore_button = QPushButton(self.tr("Restore access"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.rotate_box)
        layout.addWidget(self.report_label)
        layout.addWidget(self._build_unconfirmed())
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

    def _build_unconfirmed(self) -> QWidget:
        """Vaults of the reset not corroborated by the audit: unticked, granted only if ticked."""
        self.unconfirmed_box = QWidget()
        self.unconfirmed_box.setObjectName("unconfirmedVaults")
        self.unconfirmed_text = QLabel(self.tr(UNCONFIRMED_TEXT))
        self.unconfirmed_text.setWordWrap(True)
        self.unconfirmed_text.setStyleSheet("font-weight: 600;")
        self._checks_layout = QVBoxLayout()
        self._checks_layout.setContentsMargins(0, 0, 0, 0)
        #: vault id -> its checkbox, in the order of the report.
        self.unconfirmed_checks: dict[int, QCheckBox] = {}
        self.grant_ticked_button = QPushButton(self.tr("Grant ticked vaults"))
        self.grant_ticked_button.setEnabled(False)
        self.grant_ticked_button.clicked.connect(self._grant_ticked)
        self.unconfirmed_report = QLabel()
        self.unconfirmed_report.setObjectName("unconfirmedReport")
        self.unconfirmed_report.setWordWrap(True)
        self.unconfirmed_report.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.grant_ticked_button)
        box = QVBoxLayout(self.unconfirmed_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.unconfirmed_text)
        box.addLayout(self._checks_layout)
        box.addLayout(row)
        box.addWidget(self.unconfirmed_report)
        self.unconfirmed_box.hide()
        return self.unconfirmed_box

    def _label(self, vault_id: int) -> str:
        return self._labels.get(vault_id, self.tr("vault {id}").format(id=vault_id))

    def _report_lines(self, report: RegrantReport, *, first: bool) -> list[str]:
        granted = ", ".join(self._label(v) for v in report.granted) or self.tr("none")
        template = "Granted back: {vaults}." if first else "Granted: {vaults}."
        lines = [self.tr(template).format(vaults=granted)]
        if report.rotated:
            lines.append(self.tr("Given new keys: {n}.").format(n=len(report.rotated)))
        if report.missing:
            missing = ", ".join(self._label(v) for v in report.missing)
            lines.append(
                self.tr(
                    "Not granted, because you hold no key to them: {vaults}. Someone who holds "
                    "them, or the recovery kit, can grant them."
                ).format(vaults=missing)
            )
        if report.org_key_exposed:
            lines.append(self.tr(ORG_KEY_EXPOSED_TEXT))
        return lines

    def _restore(self) -> None:
        self.restore_button.setEnabled(False)
        self.error.clear_error()
        self._runner.run(
            partial(
                self._service.regrant_after_reset,
                self._member.technician_id,
                rotate=self.rotate_box.isChecked(),
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_restored,
            on_failure=self._on_failed,
        )

    def _on_restored(self, report: RegrantReport) -> None:
        self.report_label.setText("\n".join(self._report_lines(report, first=True)))
        self.report_label.show()
        self.rotate_box.setEnabled(False)
        self.restore_button.hide()
        self.close_button.setText(self.tr("Close"))
        if report.unconfirmed:
            if any(v not in self._labels for v in report.unconfirmed):
                self._runner.run(
                    partial(vault_labels, self._service),
                    lane=Lane.READ,
                    owner=self,
                    on_success=partial(self._show_unconfirmed, report.unconfirmed),
                    on_failure=lambda _e: self._show_unconfirmed(report.unconfirmed, {}),
                )
            else:
                self._show_unconfirmed(report.unconfirmed, {})
        self.restored.emit()

    def _show_unconfirmed(self, vault_ids: tuple[int, ...], labels: Mapping[int, str]) -> None:
        self._labels.update(labels)
        for vault_id in vault_ids:
            check = QCheckBox(self._label(vault_id))
            check.setChecked(False)
            check.toggled.connect(self._update_grant_button)
            self._checks_layout.addWidget(check)
            self.unconfirmed_checks[vault_id] = check
        self.unconfirmed_box.show()
        self._update_grant_button()
        self.adjustSize()

    def ticked(self) -> list[int]:
        return [v for v, c in self.unconfirmed_checks.items() if c.isChecked() and c.isEnabled()]

    def _update_grant_button(self) -> None:
        self.grant_ticked_button.setEnabled(bool(self.ticked()))

    def _grant_ticked(self) -> None:
        ticked = self.ticked()
        if not ticked:
            return
        self.grant_ticked_button.setEnabled(False)
        for check in self.unconfirmed_checks.values():
            check.setEnabled(False)
        self.error.clear_error()
        self._runner.run(
            partial(
                self._service.regrant_after_reset,
                self._member.technician_id,
                vault_ids=ticked,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_ticked_granted,
            on_failure=self._on_ticked_failed,
        )

    def _on_ticked_granted(self, report: RegrantReport) -> None:
        for vault_id in report.unconfirmed:  # not ticked this time: may still be ticked
            self.unconfirmed_checks[vault_id].setEnabled(True)
        self.unconfirmed_report.setText("\n".join(self._report_lines(report, first=False)))
        self.unconfirmed_report.show()
        self._update_grant_button()
        self.restored.emit()

    def _on_ticked_failed(self, error: BaseException) -> None:
        for check in self.unconfirmed_checks.values():
            check.setEnabled(True)
        self._update_grant_button()
        self._on_failed(error)

    def _on_failed(self, error: BaseException) -> None:
        self.restore_button.setEnabled(True)
        if isinstance(error, VaultLocked):
            self.error.show_error(self.tr("The vault is locked. Unlock it and try again."))
        elif isinstance(error, VaultError):
            self.error.show_error(str(error).capitalize() + ".")
        else:
            log.warning("restoring access failed: %s", type(error).__name__)
            self.error.show_error(self.tr("That did not work. Try again later."))
