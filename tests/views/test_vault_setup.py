"""Vault setup, enrolment and the admins' access dialog against the real VaultService, on both
backends, driven like a user (vault.md §3, §8.1, §8.2, §8.4, §8.7)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from app.db import Database
from app.models import TechnicianKeys, VaultSettings
from app.models.enums import Role
from app.services.directory import DirectoryService, TechnicianRow
from app.tasks import TaskRunner
from app.vault import crypto
from app.vault.errors import PermissionDenied
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

from app.views.clients.clients_view import ClientsView
from app.views.clients.vault_access_dialog import ROTATION_WARNING, VaultAccessDialog
from app.views.clients.vault_panel import Page, VaultPanel
from app.views.clients.vault_session import VaultSession
from app.views.clients.vault_setup_dialogs import ASK_ADMIN_TEXT, SKIP_TEXT

ADMIN_PASSWORD = "admin-vault-password-1"
PASSWORD = "alice-vault-password-1"
FIREWALL_PASSWORD = "Fw-p4ss-word!"
FINGERPRINT = re.compile(r"^[0-9A-F]{4}( [0-9A-F]{4}){7}$")


@dataclass
class Admin:
    id: int
    service: VaultService


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


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


@pytest.fixture
def admin(db: Database, clock: FakeClock) -> Admin:
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    return Admin(admin_id, VaultService(db, admin_id, clock.now))


def _client_vault(admin: Admin, client_id: int) -> int:
    vault_id = admin.service.create_vault(client_id)
    for label, pw in (("Firewall", FIREWALL_PASSWORD), ("Switch", "Sw-p4ss-word!")):
        admin.service.put_item(
            ItemDraft(vault_id=vault_id, label=label, secrets={"password": Secret(pw)})
        )
    return vault_id


def _item_id(service: VaultService, vault_id: int, label: str) -> uuid.UUID:
    return next(r.item_id for r in service.items(vault_id) if r.label == label)


# --- first setup ------------------------------------------------------------------------------


def test_a_technician_is_not_offered_the_setup(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner
) -> None:
    service = VaultService(db, me.technician_id, clock.now)
    panel = _panel(qtbot, service, runner, add_client(db), is_admin=False)
    assert panel.current_page() is Page.MESSAGE
    assert not panel.setup_button.isVisible()
    assert panel.open_setup_dialog() is None


def test_a_weak_or_mismatched_password_is_refused_at_the_field(
    qtbot, db: Database, admin: Admin, runner: TaskRunner
) -> None:
    panel = _panel(qtbot, admin.service, runner, add_client(db), is_admin=True)
    _click(qtbot, panel.setup_button)
    dialog = panel.setup_dialog
    assert dialog is not None
    form = dialog.form
    _type(qtbot, form.password_edit, "short-pw")
    _type(qtbot, form.repeat_edit, "short-pw")
    _click(qtbot, dialog.submit_button)
    assert "at least 12 characters" in form.password_error.text()
    assert form.password_edit.text() == "short-pw"  # typed text kept
    _type(qtbot, form.password_edit, "ADA@test.msp")
    _type(qtbot, form.repeat_edit, "ADA@test.msp")
    _click(qtbot, dialog.submit_button)
    assert form.password_error.text() == "The vault password must not be your e-mail address."
    _type(qtbot, form.password_edit, ADMIN_PASSWORD)
    _type(qtbot, form.repeat_edit, ADMIN_PASSWORD + "x")
    _click(qtbot, dialog.submit_button)
    assert form.repeat_error.text() == "The two passwords differ."
    assert form.password_error.isHidden()
    assert dialog.stack.currentIndex() == 0
    assert not admin.service.is_set_up()


def test_admin_sets_the_vault_up_and_must_retype_the_last_kit_group(
    qtbot, db: Database, admin: Admin, runner: TaskRunner
) -> None:
    panel = _panel(qtbot, admin.service, runner, add_client(db), is_admin=True)
    assert panel.current_page() is Page.MESSAGE
    assert panel.setup_button.isVisible()
    assert not panel.enrol_button.isVisible()
    _click(qtbot, panel.setup_button)
    dialog = panel.setup_dialog
    assert dialog is not None
    _type(qtbot, dialog.form.password_edit, ADMIN_PASSWORD)
    _type(qtbot, dialog.form.repeat_edit, ADMIN_PASSWORD)
    _click(qtbot, dialog.submit_button)

    assert admin.service.is_set_up()
    assert dialog.stack.currentIndex() == 1
    assert dialog.form.password_edit.text() == ""
    kit_edit = dialog.kit_edit
    groups = kit_edit.toPlainText().split()
    assert len(groups) > 10 and all(re.fullmatch(r"[A-Z2-7]{1,4}", g) for g in groups)
    assert kit_edit.isReadOnly()
    assert not dialog.skip_box.isVisible()  # team mode: re-typing is mandatory
    assert not dialog.finish_button.isEnabled()
    dialog.reject()  # Escape while the kit is shown does not lose it
    assert dialog.isVisible()
    _type(qtbot, dialog.confirm_edit, groups[-2])
    assert not dialog.finish_button.isEnabled()
    _type(qtbot, dialog.confirm_edit, groups[-1].lower())
    assert dialog.finish_button.isEnabled()
    _click(qtbot, dialog.finish_button)

    assert not dialog.isVisible()
    assert kit_edit.toPlainText() == ""
    assert not kit_edit.document().isUndoAvailable()
    qtbot.waitUntil(lambda: panel.setup_dialog is None, timeout=2_000)
    assert panel.current_page() is Page.ITEMS  # set-up unlocked this session
    assert panel.access_button.isVisible()


def test_single_user_setup_may_skip_the_kit_by_ticking_the_warning(
    qtbot, db: Database, admin: Admin, runner: TaskRunner
) -> None:
    session = VaultSession(admin.service, clipboard_seconds=30)
    panel = VaultPanel(session, runner, is_admin=True, single_user=True)
    session.setParent(panel)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_client(add_client(db))
    dialog = panel.open_setup_dialog()
    assert dialog is not None
    _type(qtbot, dialog.form.password_edit, ADMIN_PASSWORD)
    _type(qtbot, dialog.form.repeat_edit, ADMIN_PASSWORD)
    _click(qtbot, dialog.submit_button)
    assert dialog.skip_box.isVisible()
    assert dialog.skip_box.text() == SKIP_TEXT
    assert SKIP_TEXT == "If I forget my vault password, every stored credential is lost"
    assert not dialog.finish_button.isEnabled()
    dialog.skip_box.setChecked(True)
    _click(qtbot, dialog.finish_button)
    assert dialog.kit_edit.toPlainText() == ""


# --- enrolment --------------------------------------------------------------------------------


def test_a_technician_enrols_and_sees_both_fingerprints(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, admin: Admin, runner: TaskRunner
) -> None:
    admin.service.set_up(ADMIN_PASSWORD)
    service = VaultService(db, me.technician_id, clock.now)
    panel = _panel(qtbot, service, runner, add_client(db), is_admin=False)
    assert panel.current_page() is Page.MESSAGE
    assert panel.enrol_button.isVisible()
    _click(qtbot, panel.enrol_button)
    dialog = panel.enrol_dialog
    assert dialog is not None
    _type(qtbot, dialog.form.password_edit, "alice@test.msp")
    _type(qtbot, dialog.form.repeat_edit, "alice@test.msp")
    _click(qtbot, dialog.submit_button)
    assert dialog.form.password_error.text().startswith("The vault password must not be")
    assert not service.has_keys()
    _type(qtbot, dialog.form.password_edit, PASSWORD)
    _type(qtbot, dialog.form.repeat_edit, PASSWORD)
    _click(qtbot, dialog.submit_button)

    assert dialog.stack.currentIndex() == 1
    shown = dialog.fingerprint_label.text()
    assert FINGERPRINT.match(shown)
    with db.read() as s:
        keys = s.get(TechnicianKeys, me.technician_id)
        settings = s.get(VaultSettings, 1)
        assert keys is not None and settings is not None
        assert shown == crypto.fingerprint(bytes(keys.x25519_pub))
        assert dialog.org_fingerprint_label.text() == crypto.fingerprint(
            bytes(settings.org_sign_pub or b"")
        )
    page_text = " ".join(w.text() for w in dialog.findChildren(type(dialog.fingerprint_label)))
    assert ASK_ADMIN_TEXT in page_text
    assert ASK_ADMIN_TEXT.startswith("Ask an administrator to compare this fingerprint with you")
    _click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: panel.enrol_dialog is None, timeout=2_000)
    assert panel.current_page() is Page.ITEMS  # enrolment unlocked the session


# --- access: sign, grant, revoke ---------------------------------------------------------------


def test_members_lists_key_state(
    db: Database, clock: FakeClock, me: TechnicianRow, admin: Admin
) -> None:
    admin.service.set_up(ADMIN_PASSWORD)
    by_id = {m.technician_id: m for m in admin.service.members()}
    assert by_id[me.technician_id].has_keys is False
    assert by_id[admin.id].signed and by_id[admin.id].is_admin
    alice = VaultService(db, me.technician_id, clock.now)
    fp = alice.enrol(PASSWORD)
    mine = {m.technician_id: m for m in alice.members()}[me.technician_id]
    assert (mine.fingerprint, mine.signed, mine.disabled) == (fp, False, False)
    admin.service.sign(me.technician_id, fingerprints_compared=True)
    assert {m.technician_id: m for m in alice.members()}[me.technician_id].signed


def _access(qtbot, admin: Admin, runner: TaskRunner, client_id: int) -> VaultAccessDialog:
    panel = _panel(qtbot, admin.service, runner, client_id, is_admin=True)
    assert panel.current_page() is Page.ITEMS
    _click(qtbot, panel.access_button)
    dialog = panel.access_dialog
    assert isinstance(dialog, VaultAccessDialog)
    return dialog


def test_admin_signs_after_comparing_then_grants_and_the_technician_can_reveal(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, admin: Admin, runner: TaskRunner
) -> None:
    admin.service.set_up(ADMIN_PASSWORD)
    client_id = add_client(db, "Acme Logistics")
    vault_id = _client_vault(admin, client_id)
    alice = VaultService(db, me.technician_id, clock.now)
    alice_fp = alice.enrol(PASSWORD)
    dialog = _access(qtbot, admin, runner, client_id)

    names = [m.name for m in dialog.members()]
    assert names == ["Ada Admin", "Alice Martin"]
    dialog.select_member(me.technician_id)
    cell = dialog.model.item(1, 2)
    assert cell is not None and cell.text() == alice_fp
    assert not dialog.grant_button.isEnabled()  # not signed yet
    _click(qtbot, dialog.sign_button)
    sign = dialog.sign_dialog
    assert sign is not None
    assert sign.fingerprint_label.text() == alice_fp
    assert sign.org_fingerprint_label.text() == admin.service.org_fingerprint()
    assert sign.compared_box.text() == "I compared fingerprints with Alice Martin"
    assert not sign.sign_button.isEnabled()
    sign.compared_box.setChecked(True)
    _click(qtbot, sign.sign_button)
    qtbot.waitUntil(lambda: dialog.sign_dialog is None, timeout=2_000)
    assert {m.technician_id: m.signed for m in dialog.members()}[me.technician_id]
    assert dialog.status.text() == "Alice Martin's key is signed."

    item_id = _item_id(admin.service, vault_id, "Firewall")
    with pytest.raises(PermissionDenied):
        alice.reveal(item_id, ["password"], Purpose("view", reason="checking the VPN"))
    dialog.select_member(me.technician_id)
    _click(qtbot, dialog.grant_button)
    assert dialog.status.text() == "Alice Martin can now open this client's vault."
    got = alice.reveal(item_id, ["password"], Purpose("view", reason="checking the VPN"))
    assert got["password"].reveal_text() == FIREWALL_PASSWORD


def test_revoke_shows_the_report_and_the_rotation_warning(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, admin: Admin, runner: TaskRunner
) -> None:
    admin.service.set_up(ADMIN_PASSWORD)
    client_id = add_client(db, "Acme Logistics")
    vault_id = _client_vault(admin, client_id)
    alice = VaultService(db, me.technician_id, clock.now)
    alice.enrol(PASSWORD)
    admin.service.sign(me.technician_id, fingerprints_compared=True)
    admin.service.grant(vault_id, me.technician_id)
    item_id = _item_id(admin.service, vault_id, "Firewall")
    alice.reveal(item_id, ["password"], Purpose("view", reason="checking the VPN"))
    dialog = _access(qtbot, admin, runner, client_id)

    dialog.select_member(me.technician_id)
    _click(qtbot, dialog.revoke_button)
    revoke = dialog.revoke_dialog
    assert revoke is not None
    assert revoke.stack.currentIndex() == 0
    _click(qtbot, revoke.revoke_button)
    assert revoke.stack.currentIndex() == 1
    report = revoke.report_label.text()
    assert "Vaults rotated to a new key: 1." in report
    assert "1 they revealed, 1 they could have revealed" in report
    warning = revoke.findChild(type(revoke.report_label), "rotationWarning")
    assert warning is not None and warning.text() == ROTATION_WARNING
    assert ROTATION_WARNING == (
        "Rotating keys protects later changes; only changing the client passwords protects "
        "what was seen."
    )
    alice_row = {m.technician_id: m for m in dialog.members()}[me.technician_id]
    assert alice_row.disabled
    dialog.select_member(me.technician_id)
    assert not dialog.revoke_button.isEnabled()
    _click(qtbot, revoke.close_button)


def test_the_clients_view_offers_admin_actions_only_to_admins(qtbot, db, runner, notifier, clock):
    add_client(db, "Acme Corp")
    shown = {}
    for role in (Role.ADMIN, Role.TECHNICIAN):
        tech = add_technician(db, f"{role.value} person", role=role, email=f"{role.value}@t.msp")
        session = VaultSession(
            VaultService(db, tech, clock.now), is_admin=role is Role.ADMIN, clipboard_seconds=30
        )
        view = ClientsView(DirectoryService(db), runner, notifier, vault=session)
        session.setParent(view)
        qtbot.addWidget(view)
        assert view.vault_panel is not None
        shown[role] = view.vault_panel._is_admin
    assert shown == {Role.ADMIN: True, Role.TECHNICIAN: False}
