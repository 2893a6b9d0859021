"""Break-glass (vault.md §8.10): an admin types the recovery kit, chooses a signed technician and
all or some vaults, and `recover` grants them; the recovery key is replaced in the same
transaction, so the dialog ends on the NEW kit, shown once (`RecoveryKitPage`, with an
acknowledgement and the typed-back last group), and says the old kit opens nothing any more.

A mistyped kit (checksum) or one that is not the current kit is refused at the kit field and
nothing changes; the latter leaves a denied `recovery_used` row, so `audited` is emitted on
both outcomes. The vault list is read on the read lane, `recover` runs on the write lane.
GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner
from app.ui_text import ui_text
from app.vault.breakglass import RecoveryKitInvalid
from app.vault.directory import VaultChoice, vault_choices
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.recovery import RecoveryKit
from app.vault.service import VaultService
from app.vault.types import VaultKind, VaultMember

from app.views.clients.vault_kit_page import KitDetails, RecoveryKitPage, kit_details, mono
from app.views.clients.vault_reset_dialogs import KIT_ACK, OLD_KIT_STATEMENT, kit_error_text
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

RECOVERY_INTRO = ui_text(
    "Use the recovery kit only when nobody who holds a vault can grant it: the kit opens every "
    "vault. Type every group of the kit, choose who gets access and to which vaults. A new "
    "recovery kit replaces the one you type; you must keep the new one."
)


class RecoveryDialog(QDialog):
    """Kit, technician, vaults → `recover` → the new kit, shown once."""

    #: An audit row of ours was written (granted, or a refused kit): move the local anchor.
    audited = Signal()
    #: Vaults were granted and the recovery key replaced: views reload.
    recovered = Signal()

    def __init__(
        self,
        service: VaultService,
        runner: TaskRunner,
        members: Sequence[VaultMember],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._busy = False
        self.setWindowTitle(self.tr("Use the recovery kit"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_form(members))
        self.kit_page = RecoveryKitPage(
            runner, statement=self.tr(OLD_KIT_STATEMENT), acknowledge=self.tr(KIT_ACK)
        )
        self.kit_page.finish_requested.connect(self.accept)
        self.stack.addWidget(self.kit_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setMinimumWidth(520)
        self._runner.run(
            partial(vault_choices, service),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_vaults,
            on_failure=self._on_vaults_failed,
        )

    def _build_form(self, members: Sequence[VaultMember]) -> QWidget:
        intro = QLabel(self.tr(RECOVERY_INTRO))
        intro.setWordWrap(True)
        self.kit_edit = QPlainTextEdit()
        self.kit_edit.setPlaceholderText(self.tr("All the groups of the recovery kit"))
        self.kit_edit.setMaximumHeight(70)
        self.kit_edit.setTabChangesFocus(True)
        mono(self.kit_edit)
        self.kit_error = ErrorLabel()
        self.technician_combo = QComboBox()
        me = self._service.technician_id
        eligible = [m for m in members if m.signed and m.active and not m.disabled]
        for m in sorted(eligible, key=lambda m: (m.technician_id != me, m.name.lower())):
            label = m.name + (self.tr(" (you)") if m.technician_id == me else "")
            self.technician_combo.addItem(label, m.technician_id)
        self.all_radio = QRadioButton(self.tr("All vaults"))
        self.all_radio.setChecked(True)
        self.chosen_radio = QRadioButton(self.tr("Only the vaults ticked below"))
        self.vault_list = QListWidget()
        self.vault_list.setEnabled(False)
        self.chosen_radio.toggled.connect(self.vault_list.setEnabled)
        self.general_error = ErrorLabel()
        self.recover_button = QPushButton(self.tr("Recover"))
        self.recover_button.clicked.connect(self._recover)
        self.recover_button.setEnabled(self.technician_combo.count() > 0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Recovery kit:"), self.kit_edit)
        form.addRow("", self.kit_error)
        form.addRow(self.tr("&Give access to:"), self.technician_combo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.recover_button)
        buttons.addWidget(self.cancel_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.all_radio)
        layout.addWidget(self.chosen_radio)
        layout.addWidget(self.vault_list, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        return page

    # --- choices ------------------------------------------------------------------------------

    def _on_vaults(self, choices: list[VaultChoice]) -> None:
        self.vault_list.clear()
        for choice in choices:
            if choice.kind is VaultKind.ORG_SIGNING:
                continue  # "All vaults" covers it for an admin; never chosen by hand
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.vault_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.vault_list.addItem(item)

    def _on_vaults_failed(self, error: BaseException) -> None:
        log.warning("listing the vaults failed: %s", type(error).__name__)
        self.chosen_radio.setEnabled(False)

    def set_vault_checked(self, vault_id: int, checked: bool = True) -> None:
        for row in range(self.vault_list.count()):
            item = self.vault_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == vault_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def select_technician(self, technician_id: int) -> None:
        self.technician_combo.setCurrentIndex(self.technician_combo.findData(technician_id))

    def _chosen_vaults(self) -> list[int] | None:
        if self.all_radio.isChecked():
            return None
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.vault_list.item(r) for r in range(self.vault_list.count()))
            if item.checkState() is Qt.CheckState.Checked
        ]

    # --- recover ------------------------------------------------------------------------------

    def _recover(self) -> None:
        if self._busy:
            return
        self.kit_error.clear_error()
        self.general_error.clear_error()
        kit = self.kit_edit.toPlainText().strip()
        if not kit:
            self.kit_error.show_error(self.tr("Type every group of the recovery kit."))
            self.kit_edit.setFocus()
            return
        technician_id = self.technician_combo.currentData()
        if technician_id is None:
            self.general_error.show_error(self.tr("Choose who gets access."))
            return
        vault_ids = self._chosen_vaults()
        if vault_ids is not None and not vault_ids:
            self.general_error.show_error(self.tr("Tick at least one vault."))
            return
        self._busy = True
        self.recover_button.setEnabled(False)
        self._runner.run(
            partial(_recover, self._service, kit, int(technician_id), vault_ids),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._succeeded,
            on_failure=self._failed,
        )
        del kit

    def _succeeded(self, result: tuple[RecoveryKit, KitDetails]) -> None:
        self._busy = False
        kit, details = result
        self.kit_edit.clear()
        self.kit_edit.document().clearUndoRedoStacks()
        self.kit_page.show_kit(kit, details)
        del result, kit
        self.stack.setCurrentWidget(self.kit_page)
        self.audited.emit()
        self.recovered.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.recover_button.setEnabled(True)
        if isinstance(error, RecoveryKitInvalid):
            self.audited.emit()  # a kit that is not the current one is recorded as denied
            self.kit_error.show_error(self.tr(kit_error_text(error)))
            self.kit_edit.setFocus()
        elif isinstance(error, VaultLocked):
            self.general_error.show_error(self.tr("The vault is locked. Unlock it and try again."))
        elif isinstance(error, PermissionDenied):
            self.general_error.show_error(self.tr("Refused: {why}.").format(why=str(error)))
        elif isinstance(error, VaultError):
            log.info("break-glass recovery was refused: %s", error)
            self.general_error.show_error(str(error).capitalize() + ".")
        else:
            log.warning("break-glass recovery failed: %s", type(error).__name__)
            self.general_error.show_error(self.tr("That did not work. Try again later."))

    def reject(self) -> None:
        if self.kit_page.is_open or self._busy:  # the new kit exists nowhere else
            return
        super().reject()

    def done(self, result: int) -> None:
        if not self.kit_page.may_close():
            return
        self.kit_page.forget()
        self.kit_edit.clear()
        super().done(result)


def _recover(
    service: VaultService, kit: str, technician_id: int, vault_ids: list[int] | None
) -> tuple[RecoveryKit, KitDetails]:
    """On a worker: break-glass, then what the new kit's PDF names."""
    new_kit = service.recover(kit, technician_id, vault_ids)
    return new_kit, kit_details(service)
