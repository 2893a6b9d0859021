"""Vault access for administrators: sign keys, grant this client's vault, revoke, restore access
after a key reset, and break-glass with the recovery kit (vault.md §3, §8.2, §8.4, §8.7, §8.9,
§8.10).

The member list is read on the read lane; signing, granting, revoking, restoring and recovery
run on the write lane (revocation rotates vaults). Signing needs the "I compared fingerprints
with <name>" box ticked: the comparison happens out of band, in person or by phone. A member
whose key was reset shows `KEY_RESET_STATUS` until signed, then `RESTORE_STATUS` until their
vaults are granted back. `audited` follows every action that wrote audit rows of ours, so the
panel moves the local anchor. GUI thread only.
"""

from __future__ import annotations

import enum
import logging
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner
from app.vault.directory import AccessData, access_data, vault_labels
from app.vault.errors import VaultLocked
from app.vault.service import VaultService
from app.vault.types import VaultMember

from app.views.clients.vault_recovery_dialog import RecoveryDialog
from app.views.clients.vault_reset_dialogs import RestoreAccessDialog
from app.views.clients.vault_revoke_dialog import ROTATION_WARNING as ROTATION_WARNING
from app.views.clients.vault_revoke_dialog import RevokeDialog, error_text, mono_font
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.record_list import (
    fit_columns,
    list_table,
    record_row,
    select_id,
    selected_id,
)

log = logging.getLogger(__name__)

#: The status of a member whose key was reset and is not signed again yet (§8.9).
KEY_RESET_STATUS = "key reset — compare fingerprint and sign"
#: Signed again after a reset, with vaults still to grant back.
RESTORE_STATUS = "key reset — restore access"


class Col(enum.IntEnum):
    NAME = 0
    KEYS = 1
    FINGERPRINT = 2
    SIGNED = 3
    STATUS = 4


class SignKeyDialog(QDialog):
    """Both fingerprints side by side; Sign is enabled only once the comparison box is ticked."""

    signed = Signal()

    def __init__(
        self,
        service: VaultService,
        runner: TaskRunner,
        member: VaultMember,
        org_fingerprint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._member = member
        self.setWindowTitle(self.tr("Sign {name}'s key").format(name=member.name))
        intro = QLabel(
            self.tr(
                "Compare both fingerprints with {name} in person or by phone, not by e-mail or "
                "chat. Sign only if every group matches."
            ).format(name=member.name)
        )
        intro.setWordWrap(True)
        self.fingerprint_label = QLabel(member.fingerprint or "")
        self.org_fingerprint_label = QLabel(org_fingerprint)
        for label in (self.fingerprint_label, self.org_fingerprint_label):
            label.setFont(mono_font())
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(
            self.tr("{name}'s fingerprint:").format(name=member.name), self.fingerprint_label
        )
        form.addRow(self.tr("Organisation fingerprint:"), self.org_fingerprint_label)
        self.compared_box = QCheckBox(
            self.tr("I compared fingerprints with {name}").format(name=member.name)
        )
        self.error = ErrorLabel()
        self.sign_button = QPushButton(self.tr("Sign"))
        self.sign_button.setEnabled(False)
        self.sign_button.clicked.connect(self._sign)
        self.compared_box.toggled.connect(self.sign_button.setEnabled)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.compared_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _sign(self) -> None:
        if not self.compared_box.isChecked():
            return
        self.sign_button.setEnabled(False)
        self.error.clear_error()
        self._runner.run(
            partial(self._service.sign, self._member.technician_id, fingerprints_compared=True),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _r: self._on_signed(),
            on_failure=self._on_failed,
        )

    def _on_signed(self) -> None:
        self.signed.emit()
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.sign_button.setEnabled(self.compared_box.isChecked())
        self.error.show_error(self.tr(error_text(error)))


class VaultAccessDialog(QDialog):
    """Technicians and their vault keys, with sign, grant (this client's vault) and revoke."""

    #: Something changed (a key signed, a grant, a revocation): views may reload.
    changed = Signal()
    #: An audited action of ours finished (grant, revoke, restore, recovery).
    audited = Signal()

    def __init__(
        self,
        service: VaultService,
        runner: TaskRunner,
        vault_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._vault_id = vault_id
        self._members: list[VaultMember] = []
        self._resets: dict[int, tuple[int, ...]] = {}
        self._seq = 0
        self.sign_dialog: SignKeyDialog | None = None
        self.revoke_dialog: RevokeDialog | None = None
        self.restore_dialog: RestoreAccessDialog | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self.setWindowTitle(self.tr("Vault access"))
        self._build()
        self.reload()

    def _build(self) -> None:
        self.model = QStandardItemModel(0, len(Col), self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Keys"), self.tr("Fingerprint"), self.tr("Signed"),
             self.tr("Status")]
        )  # fmt: skip
        self.table = list_table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.sign_button = QPushButton(self.tr("Sign key…"))
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.grant_button = QPushButton(self.tr("Grant this client's vault"))
        self.grant_button.clicked.connect(self._grant)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self.open_revoke_dialog)
        self.restore_button = QPushButton(self.tr("Restore access…"))
        self.restore_button.setToolTip(
            self.tr("After a key reset: the same vaults as before, once the new key is signed.")
        )
        self.restore_button.clicked.connect(self.open_restore_dialog)
        self.recovery_button = QPushButton(self.tr("Use recovery kit…"))
        self.recovery_button.clicked.connect(self.open_recovery_dialog)
        self.status = QLabel()
        self.status.setObjectName("accessStatus")
        self.status.setWordWrap(True)
        self.error = ErrorLabel()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        actions = QHBoxLayout()
        actions.addWidget(self.sign_button)
        actions.addWidget(self.grant_button)
        actions.addWidget(self.revoke_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        actions.addWidget(self.recovery_button)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        self.resize(860, 400)
        self._update_buttons()

    # --- members ------------------------------------------------------------------------------

    def reload(self) -> None:
        self._seq += 1
        self._runner.run(
            partial(access_data, self._service),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_members, self._seq),
            on_failure=self._on_action_failed,
        )

    def members(self) -> list[VaultMember]:
        return list(self._members)

    def select_member(self, technician_id: int) -> None:
        select_id(self.table, technician_id)

    def selected_member(self) -> VaultMember | None:
        chosen = selected_id(self.table)
        return next((m for m in self._members if m.technician_id == chosen), None)

    def _on_members(self, seq: int, data: AccessData) -> None:
        if seq != self._seq:
            return
        selected = self.selected_member()
        self._members = data.members
        self._resets = data.resets
        members = data.members
        self.model.removeRows(0, self.model.rowCount())
        for m in members:
            texts = [
                m.name + (self.tr(" (admin)") if m.is_admin else ""),
                self.tr("yes") if m.has_keys else self.tr("not enrolled"),
                m.fingerprint or "",
                self.tr("signed") if m.signed else ("" if not m.has_keys else "—"),
                self._status_text(m),
            ]
            row = record_row(m.technician_id, texts)
            row[Col.FINGERPRINT].setFont(mono_font())
            self.model.appendRow(row)
        fit_columns(self.table)
        if selected is not None:
            self.select_member(selected.technician_id)
        self._update_buttons()

    def _status_text(self, m: VaultMember) -> str:
        if m.disabled:
            return self.tr("revoked")
        if not m.active:
            return self.tr("inactive account")
        if m.technician_id in self._resets and m.has_keys and not m.signed:
            return self.tr(KEY_RESET_STATUS)
        if self._resets.get(m.technician_id):
            return self.tr(RESTORE_STATUS)
        return self.tr("active")

    def pending_restore(self, technician_id: int) -> tuple[int, ...]:
        """The vaults of the member's latest key reset not granted back yet."""
        return self._resets.get(technician_id, ())

    def _update_buttons(self) -> None:
        m = self.selected_member()
        usable = m is not None and m.has_keys and not m.disabled
        self.sign_button.setEnabled(usable and m is not None and not m.signed)
        self.grant_button.setEnabled(
            self._vault_id is not None and usable and m is not None and m.signed and m.active
        )
        self.revoke_button.setEnabled(usable)
        self.restore_button.setEnabled(
            usable
            and m is not None
            and m.signed
            and m.active
            and bool(self.pending_restore(m.technician_id))
        )

    # --- actions ------------------------------------------------------------------------------

    def open_sign_dialog(self) -> SignKeyDialog | None:
        m = self.selected_member()
        if m is None or not m.has_keys:
            return None
        try:
            org = self._service.org_fingerprint()  # a hash of the pinned key: no DB, no KDF
        except VaultLocked as e:
            self._on_action_failed(e)
            return None
        dialog = SignKeyDialog(self._service, self._runner, m, org, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed.connect(
            partial(self._after_change, self.tr("{name}'s key is signed.").format(name=m.name))
        )
        self.sign_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "sign_dialog", None))
        dialog.show()
        return dialog

    def open_revoke_dialog(self) -> RevokeDialog | None:
        m = self.selected_member()
        if m is None or not m.has_keys or m.disabled:
            return None
        dialog = RevokeDialog(self._service, self._runner, m, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.revoked.connect(partial(self._after_change, ""))
        dialog.revoked.connect(self.audited)
        self.revoke_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "revoke_dialog", None))
        dialog.show()
        return dialog

    def open_restore_dialog(self) -> RestoreAccessDialog | None:
        m = self.selected_member()
        pending = () if m is None else self.pending_restore(m.technician_id)
        if m is None or not m.signed or not pending:
            return None
        self._runner.run(
            partial(vault_labels, self._service),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._show_restore_dialog, m, pending),
            on_failure=lambda _e: self._show_restore_dialog(m, pending, {}),
        )
        return self.restore_dialog

    def _show_restore_dialog(
        self, m: VaultMember, pending: tuple[int, ...], labels: dict[int, str]
    ) -> None:
        dialog = RestoreAccessDialog(self._service, self._runner, m, pending, labels, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        message = self.tr("{name}'s access is restored.").format(name=m.name)
        dialog.restored.connect(partial(self._after_change, message))
        dialog.restored.connect(self.audited)
        self.restore_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "restore_dialog", None))
        dialog.show()

    def open_recovery_dialog(self) -> RecoveryDialog:
        """Break-glass: the kit grants vaults to a signed member, then is replaced (§8.10)."""
        dialog = RecoveryDialog(self._service, self._runner, self._members, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.audited.connect(self.audited)
        message = self.tr("Access granted with the recovery kit; a new kit replaces it.")
        dialog.recovered.connect(partial(self._after_change, message))
        self.recovery_dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "recovery_dialog", None))
        dialog.show()
        return dialog

    def _grant(self) -> None:
        m = self.selected_member()
        if m is None or self._vault_id is None:
            return
        self.grant_button.setEnabled(False)
        self.error.clear_error()
        message = self.tr("{name} can now open this client's vault.").format(name=m.name)
        self._runner.run(
            partial(self._service.grant, self._vault_id, m.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _r: self._after_audited_change(message),
            on_failure=self._on_action_failed,
        )

    def _after_audited_change(self, message: str) -> None:
        self._after_change(message)
        self.audited.emit()

    def _after_change(self, message: str) -> None:
        self.error.clear_error()
        self.status.setText(message)
        self.changed.emit()
        self.reload()

    def _on_action_failed(self, error: BaseException) -> None:
        self.status.clear()
        self.error.show_error(self.tr(error_text(error)))
        self._update_buttons()
