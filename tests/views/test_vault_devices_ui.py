"""Remember this device, the automatic device unlock and the password change, in the
Credentials tab against the real VaultService on both backends, driven like a user
(vault.md §6.6, §6.7, §8.8)."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from app.db import Database
from app.models import TechnicianDevice
from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.tasks import TaskRunner
from app.vault.errors import WrongPassword
from app.vault.keychain import DeviceKeychain, KeychainReason
from app.vault.service import VaultService
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock, MemoryKeyring

from app.views.clients.vault_panel import Page, VaultPanel
from app.views.clients.vault_session import VaultSession

ADMIN_PASSWORD = "admin-vault-password-1"
PASSWORD = "alice-vault-password-1"
NEW_PASSWORD = "alice-new-password-22"


class FailingStoreKeyring(MemoryKeyring):
    """A keychain that reads but cannot write."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("the keychain is locked")


def _keychain(backend: MemoryKeyring | None = None) -> DeviceKeychain:
    backend = backend or MemoryKeyring()
    return DeviceKeychain(backend=backend, extra_allowed={type(backend)})


@pytest.fixture
def client_id(db: Database, clock: FakeClock, me: TechnicianRow) -> int:
    """The vault is set up, Alice is enrolled, signed and granted the client's vault."""
    client_id = add_client(db, "Acme Logistics")
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PASSWORD)
    alice = VaultService(db, me.technician_id, clock.now)
    alice.enrol(PASSWORD)
    alice.lock()
    admin.sign(me.technician_id, fingerprints_compared=True)
    admin.grant(admin.create_vault(client_id), me.technician_id)
    admin.lock()
    return client_id


@pytest.fixture
def service(db: Database, clock: FakeClock, me: TechnicianRow) -> VaultService:
    return VaultService(db, me.technician_id, clock.now)


def _panel(
    qtbot, service: VaultService, runner: TaskRunner, client_id: int, keychain: DeviceKeychain
) -> VaultPanel:
    session = VaultSession(service, clipboard_seconds=30, keychain=keychain)
    panel = VaultPanel(session, runner)
    session.setParent(panel)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_client(client_id)
    return panel


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def _unlock(qtbot, panel: VaultPanel, password: str, *, remember: bool = False) -> None:
    if remember:
        panel.remember_check.setChecked(True)
    _type(qtbot, panel.password_edit, password)
    _click(qtbot, panel.unlock_button)


def _devices(db: Database) -> list[str]:
    """The names of the remembered devices."""
    with db.read() as s:
        return list(s.scalars(select(TechnicianDevice.name)))


# --- remember this device ---------------------------------------------------------------------


def test_a_remembered_device_unlocks_the_next_session_by_itself(
    qtbot, db: Database, service: VaultService, runner: TaskRunner, client_id: int
) -> None:
    keychain = _keychain()
    panel = _panel(qtbot, service, runner, client_id, keychain)
    assert panel.current_page() is Page.UNLOCK  # nothing remembered yet: the form stays
    assert panel.password_error.isHidden()
    assert panel.remember_check.isEnabled()

    _unlock(qtbot, panel, PASSWORD, remember=True)
    assert panel.current_page() is Page.ITEMS
    assert panel.device_notice.isHidden()
    (name,) = _devices(db)
    assert name

    panel._session.lock_now()
    assert panel.current_page() is Page.UNLOCK
    assert not service.cache.is_unlocked

    again = _panel(qtbot, service, runner, client_id, keychain)
    assert again.current_page() is Page.ITEMS  # no password typed
    assert service.cache.is_unlocked
    assert again.password_edit.text() == ""


def test_a_locked_session_does_not_unlock_itself_again(
    qtbot, db: Database, service: VaultService, runner: TaskRunner, client_id: int
) -> None:
    keychain = _keychain()
    panel = _panel(qtbot, service, runner, client_id, keychain)
    _unlock(qtbot, panel, PASSWORD, remember=True)
    panel._session.lock_now()
    panel.set_client(None)
    panel.set_client(client_id)
    assert panel.current_page() is Page.UNLOCK
    assert not service.cache.is_unlocked


def test_without_remember_no_device_is_stored(
    qtbot, db: Database, service: VaultService, runner: TaskRunner, client_id: int
) -> None:
    panel = _panel(qtbot, service, runner, client_id, _keychain())
    _unlock(qtbot, panel, PASSWORD)
    assert panel.current_page() is Page.ITEMS
    assert _devices(db) == []


def test_a_keychain_that_cannot_store_leaves_the_vault_unlocked_with_a_notice(
    qtbot, db: Database, service: VaultService, runner: TaskRunner, client_id: int
) -> None:
    panel = _panel(qtbot, service, runner, client_id, _keychain(FailingStoreKeyring()))
    _unlock(qtbot, panel, PASSWORD, remember=True)
    assert panel.current_page() is Page.ITEMS
    assert service.cache.is_unlocked
    assert not panel.device_notice.isHidden()
    assert "could not be remembered" in panel.device_notice.text()
    assert _devices(db) == []


@pytest.mark.parametrize(
    ("keychain", "reason"),
    [
        (lambda: DeviceKeychain(backend=MemoryKeyring()), KeychainReason.NOT_ALLOWED),
        (lambda: DeviceKeychain(backend=fail.Keyring()), None),
    ],
    ids=["not-allowed", "fail-backend"],
)
def test_without_a_usable_keychain_remember_is_disabled_with_the_reason(
    qtbot,
    service: VaultService,
    runner: TaskRunner,
    client_id: int,
    keychain,
    reason: KeychainReason | None,
) -> None:
    chain = keychain()
    assert not chain.available
    if reason is not None:
        assert chain.reason is reason
    panel = _panel(qtbot, service, runner, client_id, chain)
    assert panel.current_page() is Page.UNLOCK
    assert not panel.remember_check.isEnabled()
    assert "keychain" in panel.remember_check.toolTip()
    _unlock(qtbot, panel, PASSWORD)
    assert panel.current_page() is Page.ITEMS


# --- change password --------------------------------------------------------------------------


def test_change_password_through_the_dialog(
    qtbot, service: VaultService, runner: TaskRunner, client_id: int
) -> None:
    panel = _panel(qtbot, service, runner, client_id, _keychain())
    _unlock(qtbot, panel, PASSWORD)
    _click(qtbot, panel.change_password_button)
    dialog = panel.password_dialog
    assert dialog is not None

    _type(qtbot, dialog.old_edit, PASSWORD)
    _type(qtbot, dialog.new_edit, NEW_PASSWORD)
    _type(qtbot, dialog.repeat_edit, NEW_PASSWORD + "x")
    _click(qtbot, dialog.change_button)
    assert dialog.repeat_error.text() == "The two passwords differ."
    assert dialog.new_edit.text() == NEW_PASSWORD  # typed text kept

    _type(qtbot, dialog.new_edit, "short")
    _type(qtbot, dialog.repeat_edit, "short")
    _click(qtbot, dialog.change_button)
    assert "at least" in dialog.new_error.text()
    assert dialog.repeat_error.isHidden()
    assert dialog.old_edit.text() == PASSWORD

    _type(qtbot, dialog.old_edit, "not-the-password")
    _type(qtbot, dialog.new_edit, NEW_PASSWORD)
    _type(qtbot, dialog.repeat_edit, NEW_PASSWORD)
    _click(qtbot, dialog.change_button)
    assert dialog.old_error.text() == "Wrong vault password."
    assert dialog.new_error.isHidden()
    assert (dialog.old_edit.text(), dialog.new_edit.text(), dialog.repeat_edit.text()) == (
        "",
        "",
        "",
    )

    _type(qtbot, dialog.old_edit, PASSWORD)
    _type(qtbot, dialog.new_edit, NEW_PASSWORD)
    _type(qtbot, dialog.repeat_edit, NEW_PASSWORD)
    _click(qtbot, dialog.change_button)
    qtbot.waitUntil(lambda: panel.password_dialog is None, timeout=2_000)
    assert "changed" in panel.device_notice.text()

    service.lock()
    with pytest.raises(WrongPassword):
        service.unlock(PASSWORD)
    service.unlock(NEW_PASSWORD)
    assert service.cache.is_unlocked
