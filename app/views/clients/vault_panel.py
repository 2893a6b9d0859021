"""The Credentials tab of a client: unlock the vault, list the client's items, add, edit,
delete and reveal them; admins also reach vault access and the vault settings.

Thin: every call goes through the `TaskRunner` (lists on the read lane; unlock, create, save and
reveal on the write lane, since they write audit rows), never on the GUI thread. Lists show
metadata only; nothing is decrypted until a reveal (vault.md §7.3).

Remembered devices (§6.6): the first time this run the tab finds the vault locked it tries the
device key once (write lane); "Remember this device" on the unlock form stores one after a
password unlock. Failing to remember never undoes the unlock. "Forgot vault password?" on the
locked page and "My password may be compromised…" in the change-password dialog open the key
reset (§8.8, §8.9, vault_reset_dialogs.py).

Each load applies the vault-wide settings to the session (clipboard and idle times), and every
audited action started here moves this workstation's local audit anchor (`note_audited`).
"""

from __future__ import annotations

import enum
import logging
from functools import partial
from typing import Final, TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskHandle, TaskRunner
from app.vault import devices
from app.vault.errors import PermissionDenied, VaultLocked, VaultParametersInvalid, WrongPassword
from app.vault.types import ItemRow

from app.views.clients.vault_access_dialog import VaultAccessDialog
from app.views.clients.vault_delete_dialog import DeleteCredentialDialog
from app.views.clients.vault_item_dialog import AddCredentialDialog, EditCredentialDialog
from app.views.clients.vault_models import ItemTableModel
from app.views.clients.vault_password_dialog import ChangePasswordDialog
from app.views.clients.vault_reset_dialogs import KeyResetDialog
from app.views.clients.vault_reveal_dialog import RevealDialog
from app.views.clients.vault_session import VaultSession
from app.views.clients.vault_settings_dialog import VaultSettingsDialog
from app.views.clients.vault_setup_dialogs import EnrolDialog, SetUpVaultDialog
from app.views.clients.vault_state import (
    VaultState,
    load_state,
    machine_name,
    unlock_and_remember,
)
from app.views.clients.vault_unlock_page import UnlockPage
from app.views.vault_admin.dashboard_window import open_vault_dashboard
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.record_list import list_table

log = logging.getLogger(__name__)

_D = TypeVar("_D", bound=QDialog)

#: vault.md §8.3: after this many wrong passwords, wait 30 s, doubling each time.
FREE_ATTEMPTS: Final = 5
BACKOFF_MS: Final = 30_000


class Page(enum.IntEnum):
    MESSAGE = 0
    UNLOCK = 1
    ITEMS = 2


class VaultPanel(QWidget):
    """One client's credentials. GUI thread only; loads when shown and on `set_client`."""

    def __init__(
        self,
        session: VaultSession,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        is_admin: bool = False,
        single_user: bool = False,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        #: The signed-in technician is an admin: offers first setup and vault access.
        self._is_admin = is_admin
        self._single_user = single_user
        self._client_id: int | None = None
        self._vault_id: int | None = None
        self._seq = 0
        self._task: TaskHandle | None = None
        self._stale = True
        self._failures = 0
        self.model = ItemTableModel(self)
        self.reveal_dialog: RevealDialog | None = None
        self.add_dialog: AddCredentialDialog | None = None
        self.edit_dialog: EditCredentialDialog | None = None
        self.delete_dialog: DeleteCredentialDialog | None = None
        self.settings_dialog: VaultSettingsDialog | None = None
        self.setup_dialog: SetUpVaultDialog | None = None
        self.enrol_dialog: EnrolDialog | None = None
        self.access_dialog: VaultAccessDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.reset_dialog: KeyResetDialog | None = None
        self._build()
        session.locked.connect(self._on_session_locked)
        session.unlocked.connect(self.reload)

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setObjectName("vaultMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self._build_message())
        self.stack.addWidget(self._build_unlock())
        self.stack.addWidget(self._build_items())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.stack)

    def _build_message(self) -> QWidget:
        self.setup_button = QPushButton(self.tr("Set up the vault…"))
        self.setup_button.clicked.connect(self.open_setup_dialog)
        self.enrol_button = QPushButton(self.tr("Enrol…"))
        self.enrol_button.clicked.connect(self.open_enrol_dialog)
        self.setup_button.hide()
        self.enrol_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(2)
        return page

    def _build_unlock(self) -> QWidget:
        page = UnlockPage(self._session.keychain)
        self.password_edit, self.unlock_button = page.password_edit, page.unlock_button
        self.password_error, self.remember_check = page.password_error, page.remember_check
        self.forgot_button = page.forgot_button
        self.password_edit.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.forgot_button.clicked.connect(lambda: self.open_reset_dialog())
        return page

    def _build_items(self) -> QWidget:
        self.no_vault_label = QLabel(self.tr("This client has no credential vault yet."))
        self.create_button = QPushButton(self.tr("Create vault"))
        self.create_button.clicked.connect(self._create_vault)
        self.add_button = QPushButton(self.tr("Add credential…"))
        self.add_button.clicked.connect(self.open_add_dialog)
        self.reveal_button = QPushButton(self.tr("Reveal…"))
        self.reveal_button.setEnabled(False)
        self.reveal_button.clicked.connect(self.open_reveal_dialog)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.open_delete_dialog)
        self.items_error = ErrorLabel()

        self.table = list_table(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ItemTableModel.Col.LABEL, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_reveal_dialog())

        buttons = QHBoxLayout()
        buttons.addWidget(self.no_vault_label)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        # The vault-wide actions get their own row: one row of eight buttons overflows the tab.
        account = QHBoxLayout()
        self.access_button = QPushButton(self.tr("Vault access…"))
        self.access_button.clicked.connect(self.open_access_dialog)
        self.access_button.setVisible(self._is_admin)
        account.addWidget(self.access_button)
        self.dashboard_button = QPushButton(self.tr("Vault dashboard…"))
        self.dashboard_button.clicked.connect(self.open_dashboard)
        self.dashboard_button.setVisible(self._is_admin)
        account.addWidget(self.dashboard_button)
        self.settings_button = QPushButton(self.tr("Vault settings…"))
        self.settings_button.clicked.connect(self.open_settings_dialog)
        self.settings_button.setVisible(self._is_admin)
        account.addWidget(self.settings_button)
        self.change_password_button = QPushButton(self.tr("Change vault password…"))
        self.change_password_button.clicked.connect(self.open_password_dialog)
        account.addWidget(self.change_password_button)
        #: Calm, not an error: e.g. this device could not be remembered (the unlock stands).
        self.device_notice = QLabel()
        self.device_notice.setObjectName("vaultNotice")
        self.device_notice.setWordWrap(True)
        self.device_notice.hide()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        account.addStretch(1)
        layout.addLayout(buttons)
        layout.addLayout(account)
        layout.addWidget(self.device_notice)
        layout.addWidget(self.items_error)
        layout.addWidget(self.table, 1)
        return page

    # --- public API ---------------------------------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        """Show `client_id`'s credentials (loads now if visible, else when shown)."""
        if client_id == self._client_id and not self._stale:
            return
        self._client_id = client_id
        self._vault_id = None
        self.model.set_rows(())
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        """Read the vault state for the current client again (read lane)."""
        self._stale = False
        self._seq += 1
        if self._task is not None:
            self._task.cancel()
        if self._client_id is None:
            self._show_message(self.tr("Select a client to see its credentials."))
            return
        self._task = self._runner.run(
            partial(load_state, self._session.service, self._client_id),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_state_loaded, self._seq),
            on_failure=partial(self._on_state_failed, self._seq),
        )

    def current_page(self) -> Page:
        return Page(self.stack.currentIndex())

    def selected_item(self) -> ItemRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def open_add_dialog(self) -> AddCredentialDialog | None:
        if self._vault_id is None:
            return None
        dialog = AddCredentialDialog(self._session, self._runner, self._vault_id, self)
        dialog.saved.connect(lambda _id: self.reload())
        self.add_dialog = self._track(dialog, "add_dialog")
        return dialog

    def open_edit_dialog(self) -> EditCredentialDialog | None:
        """Edit the selected item's metadata; secrets are replaced only where typed."""
        item = self.selected_item()
        if item is None:
            return None
        dialog = EditCredentialDialog(self._session, self._runner, item, self)
        dialog.saved.connect(lambda _id: self.reload())
        self.edit_dialog = self._track(dialog, "edit_dialog")
        return dialog

    def open_delete_dialog(self) -> DeleteCredentialDialog | None:
        item = self.selected_item()
        if item is None:
            return None
        dialog = DeleteCredentialDialog(self._session, self._runner, item, self)
        dialog.deleted.connect(lambda _id: self.reload())
        self.delete_dialog = self._track(dialog, "delete_dialog")
        return dialog

    def open_settings_dialog(self) -> VaultSettingsDialog | None:
        if not self._is_admin:
            return None
        dialog = VaultSettingsDialog(self._session, self._runner, self)
        self.settings_dialog = self._track(dialog, "settings_dialog")
        return dialog

    def open_reveal_dialog(self) -> RevealDialog | None:
        item = self.selected_item()
        if item is None:
            return None
        dialog = RevealDialog(self._session, self._runner, item, self)
        dialog.finished.connect(self._note_audited)  # its reveals and copies
        self.reveal_dialog = self._track(dialog, "reveal_dialog")
        return dialog

    def open_setup_dialog(self) -> SetUpVaultDialog | None:
        if not self._is_admin:
            return None
        dialog = SetUpVaultDialog(
            self._session.service, self._runner, self, single_user=self._single_user
        )
        dialog.vault_set_up.connect(self.setup_button.hide)
        dialog.finished.connect(lambda _r: self._after_keys_changed())
        self.setup_dialog = self._track(dialog, "setup_dialog")
        return dialog

    def open_enrol_dialog(self) -> EnrolDialog:
        dialog = EnrolDialog(self._session.service, self._runner, self)
        dialog.enrolled.connect(self.enrol_button.hide)
        dialog.finished.connect(lambda _r: self._after_keys_changed())
        self.enrol_dialog = self._track(dialog, "enrol_dialog")
        return dialog

    def open_access_dialog(self) -> VaultAccessDialog | None:
        if not self._is_admin:
            return None
        dialog = VaultAccessDialog(self._session.service, self._runner, self._vault_id, self)
        self._session.locked.connect(dialog.reject)
        dialog.audited.connect(self._note_audited)
        dialog.finished.connect(self._note_audited)
        self.access_dialog = self._track(dialog, "access_dialog")
        return dialog

    def open_dashboard(self) -> QDialog:
        """The admin's vault dashboard; verifying and rotating there write audit rows of ours."""
        session = self._session
        dialog = open_vault_dashboard(self, session, self._runner, anchor=session.audit_anchor)
        dialog.finished.connect(self._note_audited)
        return dialog

    def open_password_dialog(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self._session.service, self._runner, self)
        dialog.password_changed.connect(
            lambda: self._show_notice(self.tr("Your vault password was changed."))
        )
        self._session.locked.connect(dialog.reject)
        dialog.finished.connect(self._note_audited)
        dialog.compromised.connect(lambda: self.open_reset_dialog(compromised=True))
        self.password_dialog = self._track(dialog, "password_dialog")
        return dialog

    def open_reset_dialog(self, *, compromised: bool = False) -> KeyResetDialog:
        """Forgotten (from the locked page) or compromised password: a key reset (§8.8, §8.9)."""
        dialog = KeyResetDialog(
            self._session.service, self._runner, self,
            compromised=compromised, single_user=self._single_user,
        )  # fmt: skip
        dialog.reset_done.connect(self._after_keys_changed)  # audited, and maybe unlocked now
        self.reset_dialog = self._track(dialog, "reset_dialog")
        return dialog

    def _track(self, dialog: _D, name: str) -> _D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, name, None))
        dialog.show()
        return dialog

    def _after_keys_changed(self) -> None:
        """Set-up and enrolment unlock this session: tell every view, or at least reload."""
        self._note_audited()
        if not self._session.refresh():
            self.reload()

    def _note_audited(self, *_args: object) -> None:
        self._session.note_audited(self._runner)

    # --- events -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_session_locked(self) -> None:
        self.model.set_rows(())
        self.device_notice.hide()
        if self.current_page() is Page.ITEMS:
            self._show_unlock()
        self._stale = not self.isVisible()

    def _on_table_current_row_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        for button in (self.reveal_button, self.edit_button, self.delete_button):
            button.setEnabled(current.isValid())

    # --- state --------------------------------------------------------------------------------

    def _on_state_loaded(self, seq: int, state: VaultState) -> None:
        if seq != self._seq or state.client_id != self._client_id:
            return
        self._task = None
        self._session.apply_policy(state.policy)
        if not state.set_up:
            self._show_message(
                self.tr("The credential vault is not set up yet. An administrator sets it up.")
            )
            self.setup_button.setVisible(self._is_admin)
        elif not state.enrolled:
            self._show_message(
                self.tr(
                    "Not enrolled: you have no vault keys yet. Pick a vault password, then ask "
                    "an administrator to confirm your key and grant you this client's vault."
                )
            )
            self.enrol_button.show()
        elif not state.unlocked:
            self._show_unlock()
            self._try_device_unlock()
        else:
            self._show_items(state)

    def _on_state_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._seq:
            return
        self._task = None
        log.warning("loading the vault state failed: %s", type(error).__name__)
        self._show_message(self.tr("The credentials could not be loaded. Try again later."))

    def _show_message(self, text: str) -> None:
        self.setup_button.hide()
        self.enrol_button.hide()
        self.message.setText(text)
        self.stack.setCurrentIndex(Page.MESSAGE)

    def _show_unlock(self) -> None:
        self.stack.setCurrentIndex(Page.UNLOCK)
        if self.isVisible():
            self.password_edit.setFocus()

    def _show_items(self, state: VaultState) -> None:
        self._vault_id = state.vault_id
        has_vault = state.vault_id is not None
        self.no_vault_label.setVisible(not has_vault)
        self.create_button.setVisible(not has_vault)
        self.create_button.setEnabled(True)
        self.add_button.setEnabled(has_vault)
        self.items_error.clear_error()
        self.model.set_rows(state.items)
        for button in (self.reveal_button, self.edit_button, self.delete_button):
            button.setEnabled(False)
        self.stack.setCurrentIndex(Page.ITEMS)

    # --- unlock -------------------------------------------------------------------------------

    def _show_notice(self, text: str) -> None:
        self.device_notice.setText(text)
        self.device_notice.show()

    def _try_device_unlock(self) -> None:
        """Once per run (per session), the first time the vault shows locked: the device key."""
        if self._session.device_unlock_tried:
            return
        self._session.device_unlock_tried = True
        if not self._session.keychain.available:
            return
        self.unlock_button.setEnabled(False)
        self._runner.run(
            partial(devices.unlock_with_device, self._session.service, self._session.keychain),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_device_unlock_done,
            on_failure=self._on_device_unlock_failed,
        )

    def _on_device_unlock_done(self, unlocked: bool) -> None:
        self.unlock_button.setEnabled(True)
        if unlocked:
            self._note_audited()
        if unlocked and not self._session.refresh():
            self.reload()

    def _on_device_unlock_failed(self, error: BaseException) -> None:
        # The password form stays; the technician unlocks as usual.
        log.warning("device unlock failed: %s", type(error).__name__)
        self.unlock_button.setEnabled(True)

    def _unlock(self) -> None:
        password = self.password_edit.text()
        if not password or not self.unlock_button.isEnabled():
            return
        self.password_error.clear_error()
        self.unlock_button.setEnabled(False)
        remember = self.remember_check.isEnabled() and self.remember_check.isChecked()
        self._runner.run(
            partial(
                unlock_and_remember,
                self._session.service,
                self._session.keychain,
                password,
                machine_name() if remember else None,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_unlocked,
            on_failure=self._on_unlock_failed,
        )
        del password

    def _on_unlocked(self, remember_error: BaseException | None = None) -> None:
        self._failures = 0
        self._note_audited()
        self.password_edit.clear()
        self.remember_check.setChecked(False)
        self.unlock_button.setEnabled(True)
        if remember_error is not None:
            log.warning("remembering this device failed: %s", type(remember_error).__name__)
            self._show_notice(
                self.tr(
                    "The vault is unlocked, but this device could not be remembered. "
                    "You will be asked for the password next time."
                )
            )
        if not self._session.refresh():  # tells every view, this one included (reload)
            self.reload()

    def _on_unlock_failed(self, error: BaseException) -> None:
        self.password_edit.clear()
        self._note_audited()  # `unlock_failed` is ours too
        if isinstance(error, WrongPassword):
            self._failures += 1
            self.password_error.show_error(self.tr("Wrong vault password."))
            if self._failures >= FREE_ATTEMPTS:
                wait = BACKOFF_MS * 2 ** (self._failures - FREE_ATTEMPTS)
                self.password_error.show_error(
                    self.tr("Wrong vault password. Try again in {s} s.").format(s=wait // 1000)
                )
                QTimer.singleShot(wait, self, lambda: self.unlock_button.setEnabled(True))
                return
        elif isinstance(error, PermissionDenied):
            self.password_error.show_error(self.tr("Your vault keys are disabled."))
        elif isinstance(error, VaultParametersInvalid):
            self.password_error.show_error(
                self.tr("Your stored vault settings are invalid. Ask an administrator.")
            )
        else:
            log.warning("unlocking the vault failed: %s", type(error).__name__)
            self.password_error.show_error(self.tr("The vault could not be unlocked."))
        self.unlock_button.setEnabled(True)
        self.password_edit.setFocus()

    # --- create -------------------------------------------------------------------------------

    def _create_vault(self) -> None:
        if self._client_id is None:
            return
        self.create_button.setEnabled(False)
        self._runner.run(
            partial(self._session.service.create_vault, self._client_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_vault_created,
            on_failure=self._on_create_failed,
        )

    def _on_vault_created(self, _vault_id: int) -> None:
        self._note_audited()
        self.reload()

    def _on_create_failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(error, VaultLocked):
            self._session.refresh()
            return
        log.warning("creating a vault failed: %s", type(error).__name__)
        self.items_error.show_error(self.tr("The vault could not be created. Try again later."))
