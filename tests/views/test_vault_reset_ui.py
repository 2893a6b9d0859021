"""Key reset, restore access, break-glass and revocation's database login in the vault views,
against the real VaultService on both backends, driven like a user (vault.md §8.7–§8.10)."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import select, text

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton

from app.db import Database
from app.models import TechnicianKeys, Vault, VaultGrant, VaultItem, VaultSettings
from app.models.enums import Role
from app.services.db_roles import DatabaseRoleService, DisableResult, login_role_name
from app.tasks import TaskRunner
from app.vault import crypto
from app.vault.breakglass import RecoveryKitInvalid
from app.vault.errors import PermissionDenied
from app.vault.recovery import RecoveryKit, recovery_kit
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests import vault_speed
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

from app.views.clients.vault_access_dialog import (
    KEY_RESET_STATUS,
    RESTORE_STATUS,
    Col,
    VaultAccessDialog,
)
from app.views.clients.vault_panel import Page, VaultPanel
from app.views.clients.vault_reset_dialogs import OLD_KIT_STATEMENT, UNCONFIRMED_TEXT
from app.views.clients.vault_revoke_dialog import (
    ASK_OWNER_TEXT,
    NO_LOGIN_TEXT,
    ORG_KEY_WARNING,
)
from app.views.clients.vault_session import VaultSession

ADMIN_PASSWORD = "admin-vault-password-1"
ALICE_PASSWORD = "alice-vault-password-1"
NEW_PASSWORD = "a brand new vault password"
FIREWALL_PASSWORD = "Fw-p4ss-word!"
WHY = Purpose("view", reason="checking the VPN")


#: Vault flows, not the KDF, are under test here.
fast_kdf = vault_speed.fast_kdf


@dataclass
class Desk:
    db: Database
    clock: FakeClock
    admin_id: int
    admin: VaultService
    kit: RecoveryKit
    alice_id: int
    client_id: int
    vault_id: int
    firewall: uuid.UUID

    def service(self, technician_id: int) -> VaultService:
        return VaultService(self.db, technician_id, self.clock.now)


def _desk(db: Database, clock: FakeClock, *, alice: bool = True) -> Desk:
    """Ada (admin) set up the vault; Acme's vault holds a firewall password; Alice (enrolled,
    signed, granted Acme) unless `alice` is False."""
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    alice_id = add_technician(db, "Alice Martin", email="alice@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    kit = admin.set_up(ADMIN_PASSWORD)
    client_id = add_client(db, "Acme Logistics")
    vault_id = admin.create_vault(client_id)
    firewall = admin.put_item(
        ItemDraft(
            vault_id=vault_id, label="Firewall", secrets={"password": Secret(FIREWALL_PASSWORD)}
        )
    )
    if alice:
        VaultService(db, alice_id, clock.now).enrol(ALICE_PASSWORD)
        admin.sign(alice_id, fingerprints_compared=True)
        admin.grant(vault_id, alice_id)
    return Desk(db, clock, admin_id, admin, kit, alice_id, client_id, vault_id, firewall)


def _panel(
    qtbot, service: VaultService, runner: TaskRunner, client_id: int, *, is_admin: bool
) -> VaultPanel:
    session = VaultSession(service, clipboard_seconds=30)
    panel = VaultPanel(session, runner, is_admin=is_admin)
    session.setParent(panel)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_client(client_id)
    return panel


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(qtbot, edit: QLineEdit | QPlainTextEdit, value: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, value)


def _access(qtbot, desk: Desk, runner: TaskRunner) -> VaultAccessDialog:
    panel = _panel(qtbot, desk.admin, runner, desk.client_id, is_admin=True)
    assert panel.current_page() is Page.ITEMS
    _click(qtbot, panel.access_button)
    dialog = panel.access_dialog
    assert isinstance(dialog, VaultAccessDialog)
    return dialog


def _status(dialog: VaultAccessDialog, technician_id: int) -> str:
    row = [m.technician_id for m in dialog.members()].index(technician_id)
    item = dialog.model.item(row, Col.STATUS)
    assert item is not None
    return item.text()


def _fingerprint(db: Database, technician_id: int) -> str:
    with db.read() as s:
        keys = s.get(TechnicianKeys, technician_id)
        assert keys is not None
        return crypto.fingerprint(bytes(keys.x25519_pub))


def _recovery_key_id(db: Database) -> int | None:
    with db.read() as s:
        settings = s.get(VaultSettings, 1)
        assert settings is not None
        return settings.recovery_key_id


def _mistyped(kit: RecoveryKit) -> str:
    """The kit with one character of its first group changed: the checksum catches it."""
    first = kit.groups[0]
    changed = ("B" if first[0] == "A" else "A") + first[1:]
    return " ".join((changed, *kit.groups[1:]))


# --- forgotten password, team mode ------------------------------------------------------------


def test_a_forgotten_password_reset_then_an_admin_signs_and_restores_the_same_access(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    old_fingerprint = _fingerprint(db, desk.alice_id)
    alice = desk.service(desk.alice_id)  # a new run: locked, the password forgotten
    panel = _panel(qtbot, alice, runner, desk.client_id, is_admin=False)
    assert panel.current_page() is Page.UNLOCK
    _click(qtbot, panel.forgot_button)
    dialog = panel.reset_dialog
    assert dialog is not None
    assert "administrator compares your new fingerprint" in dialog.intro.text()
    assert not dialog.kit_box.isVisible()  # someone else can sign: no kit asked
    assert dialog.form.password_edit.echoMode() is QLineEdit.EchoMode.Password
    _type(qtbot, dialog.form.password_edit, "too-short")
    _type(qtbot, dialog.form.repeat_edit, "too-short")
    _click(qtbot, dialog.reset_button)
    assert "at least 12 characters" in dialog.form.password_error.text()
    assert _fingerprint(db, desk.alice_id) == old_fingerprint  # nothing changed
    _type(qtbot, dialog.form.password_edit, NEW_PASSWORD)
    _type(qtbot, dialog.form.repeat_edit, NEW_PASSWORD)
    _click(qtbot, dialog.reset_button)

    assert dialog.stack.currentIndex() == 1
    new_fingerprint = dialog.fingerprint_label.text()
    assert new_fingerprint == _fingerprint(db, desk.alice_id) != old_fingerprint
    assert dialog.org_fingerprint_label.text() == desk.admin.org_fingerprint()
    assert "Vaults to restore: 1." in dialog.result_label.text()
    assert panel.current_page() is Page.ITEMS  # the new key unlocked this session
    with pytest.raises(PermissionDenied):
        alice.reveal(desk.firewall, ("password",), WHY)
    _click(qtbot, dialog.close_button)

    access = _access(qtbot, desk, runner)
    assert _status(access, desk.alice_id) == KEY_RESET_STATUS
    access.select_member(desk.alice_id)
    assert not access.restore_button.isEnabled()  # sign first
    _click(qtbot, access.sign_button)
    sign = access.sign_dialog
    assert sign is not None and sign.fingerprint_label.text() == new_fingerprint
    sign.compared_box.setChecked(True)
    _click(qtbot, sign.sign_button)
    assert _status(access, desk.alice_id) == RESTORE_STATUS
    access.select_member(desk.alice_id)
    _click(qtbot, access.restore_button)
    restore = access.restore_dialog
    assert restore is not None
    _click(qtbot, restore.restore_button)
    assert restore.report_label.text() == "Granted back: Acme Logistics."
    assert _status(access, desk.alice_id) == "active"

    got = alice.reveal(desk.firewall, ("password",), WHY)
    assert got["password"].reveal_text() == FIREWALL_PASSWORD


def test_the_compromised_variant_rotates_the_vaults_held(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    alice = desk.service(desk.alice_id)
    alice.unlock(ALICE_PASSWORD)
    panel = _panel(qtbot, alice, runner, desk.client_id, is_admin=False)
    assert panel.current_page() is Page.ITEMS
    _click(qtbot, panel.change_password_button)
    change = panel.password_dialog
    assert change is not None
    _click(qtbot, change.compromised_button)
    dialog = panel.reset_dialog
    assert dialog is not None
    assert dialog.windowTitle() == "My vault password may be compromised"
    _type(qtbot, dialog.form.password_edit, NEW_PASSWORD)
    _type(qtbot, dialog.form.repeat_edit, NEW_PASSWORD)
    _click(qtbot, dialog.reset_button)

    assert dialog.stack.currentIndex() == 1
    assert "Vaults given a new key: 1." in dialog.result_label.text()
    with db.read() as s:
        vault = s.get(Vault, desk.vault_id)
        assert vault is not None and vault.current_version == 2
    got = desk.admin.reveal(desk.firewall, ("password",), WHY)  # still readable by the admin
    assert got["password"].reveal_text() == FIREWALL_PASSWORD


# --- single-user reset: only the kit helps ------------------------------------------------------


def test_a_single_user_reset_demands_the_kit_and_shows_a_new_one_once(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock, alice=False)
    old_fingerprint = _fingerprint(db, desk.admin_id)
    admin = desk.service(desk.admin_id)  # locked, password forgotten
    panel = _panel(qtbot, admin, runner, desk.client_id, is_admin=True)
    _click(qtbot, panel.forgot_button)
    dialog = panel.reset_dialog
    assert dialog is not None
    _type(qtbot, dialog.form.password_edit, NEW_PASSWORD)
    _type(qtbot, dialog.form.repeat_edit, NEW_PASSWORD)
    _click(qtbot, dialog.reset_button)
    assert dialog.kit_box.isVisible()  # RecoveryKitRequired: the kit is asked for
    assert dialog.kit_error.text() == "Type your recovery kit to reset."
    assert dialog.stack.currentIndex() == 0
    _type(qtbot, dialog.kit_edit, _mistyped(desk.kit))
    _click(qtbot, dialog.reset_button)
    assert "does not check out" in dialog.kit_error.text()
    assert "nothing was changed" in dialog.kit_error.text()
    assert _fingerprint(db, desk.admin_id) == old_fingerprint
    _type(qtbot, dialog.kit_edit, desk.kit.text().lower())
    _click(qtbot, dialog.reset_button)

    page = dialog.kit_page
    assert dialog.stack.currentWidget() is page and page.is_open
    new_groups = page.kit_edit.toPlainText().split()
    assert new_groups and " ".join(new_groups) != desk.kit.text()
    assert page.statement_label.text() == OLD_KIT_STATEMENT
    dialog.reject()
    assert dialog.isVisible()  # the new kit exists nowhere else
    _type(qtbot, page.confirm_edit, new_groups[-1])
    assert not page.finish_button.isEnabled()  # the acknowledgement is mandatory
    page.ack_box.setChecked(True)
    _click(qtbot, page.finish_button)
    assert not dialog.isVisible()
    assert page.kit_edit.toPlainText() == ""
    assert _recovery_key_id(db) == 2
    got = admin.reveal(desk.firewall, ("password",), WHY)
    assert got["password"].reveal_text() == FIREWALL_PASSWORD


# --- break-glass ------------------------------------------------------------------------------


def _recovery(qtbot, desk: Desk, runner: TaskRunner):
    access = _access(qtbot, desk, runner)
    _click(qtbot, access.recovery_button)
    dialog = access.recovery_dialog
    assert dialog is not None
    return access, dialog


def test_break_glass_with_a_mistyped_or_old_kit_changes_nothing(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    bob_id = add_technician(db, "Bob Tech", email="bob@test.msp")
    bob = desk.service(bob_id)
    bob.enrol("bob's vault password")
    desk.admin.sign(bob_id, fingerprints_compared=True)
    _access_dialog, dialog = _recovery(qtbot, desk, runner)
    dialog.select_technician(bob_id)
    _type(qtbot, dialog.kit_edit, _mistyped(desk.kit))
    _click(qtbot, dialog.recover_button)
    assert "checksum does not match" in dialog.kit_error.text()
    assert "nothing was changed" in dialog.kit_error.text()
    assert dialog.stack.currentIndex() == 0

    stranger = recovery_kit(1, crypto.generate_x25519_keypair()[0])  # well-formed, not ours
    _type(qtbot, dialog.kit_edit, stranger.text())
    _click(qtbot, dialog.recover_button)
    assert "does not belong to the current recovery key" in dialog.kit_error.text()
    assert _recovery_key_id(db) == 1
    with pytest.raises(PermissionDenied):
        bob.reveal(desk.firewall, ("password",), WHY)


def test_break_glass_grants_the_chosen_technician_and_shows_a_new_kit(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    bob_id = add_technician(db, "Bob Tech", email="bob@test.msp")
    bob = desk.service(bob_id)
    bob.enrol("bob's vault password")
    desk.admin.sign(bob_id, fingerprints_compared=True)
    desk.admin.create_vault(add_client(db, "Globex"))  # listed, not ticked
    access, dialog = _recovery(qtbot, desk, runner)
    dialog.select_technician(bob_id)
    dialog.chosen_radio.setChecked(True)
    dialog.set_vault_checked(desk.vault_id)
    _type(qtbot, dialog.kit_edit, desk.kit.text())
    _click(qtbot, dialog.recover_button)

    page = dialog.kit_page
    assert dialog.stack.currentWidget() is page and page.is_open
    assert page.statement_label.text() == OLD_KIT_STATEMENT
    assert page.kit_edit.toPlainText() != desk.kit.text()
    assert dialog.kit_edit.toPlainText() == ""  # the old kit is not kept either
    assert _recovery_key_id(db) == 2
    got = bob.reveal(desk.firewall, ("password",), WHY)
    assert got["password"].reveal_text() == FIREWALL_PASSWORD
    with pytest.raises(RecoveryKitInvalid):
        desk.admin.recover(desk.kit.text(), bob_id)  # the old kit opens nothing any more
    last = page.kit_edit.toPlainText().split()[-1]
    _type(qtbot, page.confirm_edit, last)
    page.ack_box.setChecked(True)
    _click(qtbot, page.finish_button)
    assert not dialog.isVisible()
    assert access.status.text().startswith("Access granted with the recovery kit")


def _has_grant(db: Database, vault_id: int, technician_id: int) -> bool:
    with db.read() as s:
        vault = s.get(Vault, vault_id)
        assert vault is not None
        key = (vault_id, vault.current_version, crypto.user_recipient(technician_id))
        return s.get(VaultGrant, key) is not None


def test_an_unconfirmed_vault_is_listed_and_granted_only_when_ticked(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    """Alice plants a grant row for Initech (never hers), as any team-mode login could, then
    'forgets' her password: restore grants Acme only and lists Initech, unticked."""
    desk = _desk(db, clock)
    initech = desk.admin.create_vault(add_client(db, "Initech"))
    router = desk.admin.put_item(
        ItemDraft(vault_id=initech, label="Router", secrets={"password": Secret("R0uter-pw!")})
    )
    with db.write() as s:
        s.add(
            VaultGrant(
                vault_id=initech, key_version=1, recipient=crypto.user_recipient(desk.alice_id),
                sealed_grant=os.urandom(93), granted_by_id=desk.admin_id,
                granted_at=clock.now(),
            )
        )  # fmt: skip
    alice = desk.service(desk.alice_id)
    alice.reset_keys(NEW_PASSWORD)  # forgotten: this session now holds the new key
    desk.admin.sign(desk.alice_id, fingerprints_compared=True)

    access = _access(qtbot, desk, runner)
    access.select_member(desk.alice_id)
    _click(qtbot, access.restore_button)
    restore = access.restore_dialog
    assert restore is not None
    assert restore.unconfirmed_box.isHidden()
    _click(qtbot, restore.restore_button)
    assert restore.report_label.text() == "Granted back: Acme Logistics."
    assert not restore.unconfirmed_box.isHidden()
    assert restore.unconfirmed_text.text() == UNCONFIRMED_TEXT
    assert list(restore.unconfirmed_checks) == [initech]
    check = restore.unconfirmed_checks[initech]
    assert check.text() == "Initech" and not check.isChecked()
    assert not restore.grant_ticked_button.isEnabled()  # nothing ticked, nothing granted
    assert _has_grant(db, desk.vault_id, desk.alice_id)
    assert not _has_grant(db, initech, desk.alice_id)
    with pytest.raises(PermissionDenied):
        alice.reveal(router, ("password",), WHY)

    check.setChecked(True)
    _click(qtbot, restore.grant_ticked_button)
    assert restore.unconfirmed_report.text() == "Granted: Initech."
    assert not check.isEnabled() and not restore.grant_ticked_button.isEnabled()
    assert restore.error.text() == ""
    assert _has_grant(db, initech, desk.alice_id)
    got = alice.reveal(router, ("password",), WHY)
    assert got["password"].reveal_text() == "R0uter-pw!"


def test_restore_stays_open_when_every_vault_is_unconfirmed(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    """Alice's only vault came from a planted row: nothing is granted without asking, but the
    admin can still open *Restore access…* and tick it."""
    desk = _desk(db, clock, alice=False)
    VaultService(db, desk.alice_id, clock.now).enrol(ALICE_PASSWORD)
    desk.admin.sign(desk.alice_id, fingerprints_compared=True)
    with db.write() as s:
        s.add(
            VaultGrant(
                vault_id=desk.vault_id, key_version=1,
                recipient=crypto.user_recipient(desk.alice_id), sealed_grant=os.urandom(93),
                granted_by_id=desk.admin_id, granted_at=clock.now(),
            )
        )  # fmt: skip
    desk.service(desk.alice_id).reset_keys(NEW_PASSWORD)
    desk.admin.sign(desk.alice_id, fingerprints_compared=True)

    access = _access(qtbot, desk, runner)
    access.select_member(desk.alice_id)
    assert access.restore_button.isEnabled()
    _click(qtbot, access.restore_button)
    restore = access.restore_dialog
    assert restore is not None
    _click(qtbot, restore.restore_button)
    assert list(restore.unconfirmed_checks) == [desk.vault_id]
    assert not _has_grant(db, desk.vault_id, desk.alice_id)


# --- revoke: the database login ------------------------------------------------------------------


def _revoke(qtbot, access: VaultAccessDialog, technician_id: int):
    access.select_member(technician_id)
    _click(qtbot, access.revoke_button)
    revoke = access.revoke_dialog
    assert revoke is not None
    _click(qtbot, revoke.revoke_button)
    return revoke


def test_revoking_oneself_is_refused_with_a_message(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    access = _access(qtbot, desk, runner)
    revoke = _revoke(qtbot, access, desk.admin_id)
    assert revoke.stack.currentIndex() == 0
    assert revoke.error.text() == (
        "Refused: you cannot revoke yourself: ask another administrator."
    )


@pytest.mark.parametrize("migrated_engine", ["sqlite"], indirect=True)
def test_on_sqlite_revoking_does_not_mention_a_database_login(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    revoke = _revoke(qtbot, _access(qtbot, desk, runner), desk.alice_id)
    assert revoke.stack.currentIndex() == 1
    assert revoke.login_label.isHidden()


def _can_login(db: Database, role: str) -> bool | None:
    with db.read() as s:
        return s.scalar(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": role})


@pytest.mark.postgresql
@pytest.mark.parametrize("migrated_engine", ["postgresql"], indirect=True)
def test_revoking_disables_the_technicians_database_login(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    role = DatabaseRoleService(db).create_login(
        desk.admin_id, desk.alice_id, "correct horse battery staple 7"
    )
    assert role == login_role_name(desk.alice_id) and _can_login(db, role) is True
    revoke = _revoke(qtbot, _access(qtbot, desk, runner), desk.alice_id)
    assert "Vaults rotated to a new key: 1." in revoke.report_label.text()
    assert revoke.login_label.text() == (
        "Alice Martin's database login is disabled; open sessions ended: 0."
    )
    assert revoke.sql_edit.isHidden()
    assert _can_login(db, role) is False


@pytest.mark.postgresql
@pytest.mark.parametrize("migrated_engine", ["postgresql"], indirect=True)
def test_revoking_someone_without_a_login_role_says_so_calmly(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    revoke = _revoke(qtbot, _access(qtbot, desk, runner), desk.alice_id)
    assert revoke.stack.currentIndex() == 1
    assert revoke.login_label.text() == NO_LOGIN_TEXT.format(name="Alice Martin")
    assert revoke.sql_edit.isHidden()


@pytest.mark.postgresql
@pytest.mark.parametrize("migrated_engine", ["postgresql"], indirect=True)
def test_without_the_right_the_sql_for_the_owner_is_shown_to_copy(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = _desk(db, clock)
    role = login_role_name(desk.alice_id)
    sql = f"ALTER ROLE {role} NOLOGIN;\n"
    monkeypatch.setattr(
        DatabaseRoleService,
        "disable_login",
        lambda _self, _actor, r: DisableResult(r, False, 0, 1, sql),
    )
    revoke = _revoke(qtbot, _access(qtbot, desk, runner), desk.alice_id)
    assert revoke.login_label.text().endswith(ASK_OWNER_TEXT)
    assert revoke.sql_edit.isReadOnly() and revoke.sql_edit.toPlainText() == sql
    _click(qtbot, revoke.copy_sql_button)
    assert QGuiApplication.clipboard().text() == sql


def test_revoking_an_admin_who_held_the_org_key_warns_of_it(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    carol_id = add_technician(db, "Carol Admin", role=Role.ADMIN, email="carol@test.msp")
    desk.service(carol_id).enrol("carol's vault password")
    desk.admin.sign(carol_id, fingerprints_compared=True)
    with db.read() as s:
        org_id = s.scalar(select(Vault.id).where(Vault.kind == "org-signing"))
    assert org_id is not None
    desk.admin.grant(org_id, carol_id)
    revoke = _revoke(qtbot, _access(qtbot, desk, runner), carol_id)
    assert revoke.stack.currentIndex() == 1
    assert not revoke.org_key_label.isHidden()
    assert revoke.org_key_label.text() == ORG_KEY_WARNING
    assert revoke.failed_label.isHidden()


def test_revoking_names_the_vaults_whose_rotation_failed(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner
) -> None:
    desk = _desk(db, clock)
    with db.write() as s:  # an item Alice could read fails its integrity check
        item = s.get(VaultItem, str(desk.firewall))
        assert item is not None and item.enc_password is not None
        good = bytes(item.enc_password)
        item.enc_password = good[:-1] + bytes([good[-1] ^ 1])
    revoke = _revoke(qtbot, _access(qtbot, desk, runner), desk.alice_id)
    assert revoke.stack.currentIndex() == 1
    assert revoke.failed_label.text() == (
        "Could not rotate: Acme Logistics — an item there failed its integrity check; "
        "investigate and rotate again from the dashboard."
    )
    assert revoke.org_key_label.isHidden()
