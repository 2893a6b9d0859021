"""Editing and deleting credentials in the Credentials tab, against the real VaultService on both
backends (vault.md §7.3 nothing decrypted to edit, §8.5 edits audited)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import delete, select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.db import Database
from app.models import VaultAudit, VaultGrant
from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.tasks import TaskRunner
from app.vault import crypto
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

from app.views.clients.vault_delete_dialog import DeleteCredentialDialog
from app.views.clients.vault_item_dialog import EditCredentialDialog
from app.views.clients.vault_models import ItemTableModel, local_date
from app.views.clients.vault_panel import Page, VaultPanel
from app.views.clients.vault_session import VaultSession

ADMIN_PASSWORD = "admin-vault-password-1"
PASSWORD = "alice-vault-password-1"
FIREWALL_PASSWORD = "Fw-p4ss-word!"


@dataclass
class Env:
    panel: VaultPanel
    session: VaultSession
    service: VaultService
    vault_id: int
    firewall: uuid.UUID


@pytest.fixture
def env(qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner) -> Env:
    client_id = add_client(db, "Acme Logistics")
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PASSWORD)
    alice = VaultService(db, me.technician_id, clock.now)
    alice.enrol(PASSWORD)
    admin.sign(me.technician_id, fingerprints_compared=True)
    vault_id = admin.create_vault(client_id)
    firewall = admin.put_item(
        ItemDraft(
            vault_id=vault_id,
            label="Firewall",
            kind="web",
            host="fw.acme.example",
            port=443,
            url="https://fw.acme.example",
            domain="ACME",
            tags="network, edge",
            secrets={"username": Secret("admin"), "password": Secret(FIREWALL_PASSWORD)},
        )
    )
    admin.grant(vault_id, me.technician_id)
    admin.lock()
    # Alice stays unlocked from her enrolment: no second Argon2 derivation.
    session = VaultSession(alice)
    panel = VaultPanel(session, runner)
    session.setParent(panel)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_client(client_id)
    assert panel.current_page() is Page.ITEMS
    return Env(panel, session, alice, vault_id, firewall)


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select(panel: VaultPanel, label: str) -> None:
    labels = [r.label for r in panel.model.rows()]
    panel.table.selectRow(labels.index(label))


def _reveal(service: VaultService, item_id: uuid.UUID, *fields: str) -> dict[str, str]:
    got = service.reveal(item_id, fields, Purpose("view", reason="checking the edit"))
    return {k: v.reveal_text() for k, v in got.items()}


def _audit(db: Database, action: str) -> list[VaultAudit]:
    with db.read() as s:
        rows = list(
            s.scalars(select(VaultAudit).where(VaultAudit.action == action).order_by(VaultAudit.id))
        )
        s.expunge_all()
        return rows


def _open_edit(qtbot, env: Env) -> EditCredentialDialog:
    _select(env.panel, "Firewall")
    _click(qtbot, env.panel.edit_button)
    dialog = env.panel.edit_dialog
    assert isinstance(dialog, EditCredentialDialog)
    return dialog


def test_edit_and_delete_need_a_selection(env: Env) -> None:
    assert not env.panel.edit_button.isEnabled()
    assert not env.panel.delete_button.isEnabled()
    assert env.panel.open_edit_dialog() is None
    _select(env.panel, "Firewall")
    assert env.panel.edit_button.isEnabled()
    assert env.panel.delete_button.isEnabled()


def test_the_edit_dialog_is_prefilled_without_decrypting(
    qtbot, env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = crypto.open_field

    def counting(*args: Any, **kwargs: Any) -> bytes:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(crypto, "open_field", counting)
    dialog = _open_edit(qtbot, env)
    assert dialog.windowTitle() == "Edit credential"
    assert (dialog.label_edit.text(), dialog.kind_box.currentText()) == ("Firewall", "web")
    assert (dialog.host_edit.text(), dialog.port_edit.text()) == ("fw.acme.example", "443")
    assert dialog.url_edit.text() == "https://fw.acme.example"
    assert (dialog.domain_edit.text(), dialog.tags_edit.text()) == ("ACME", "network, edge")
    assert dialog.password_edit.text() == ""
    assert dialog.username_edit.text() == ""
    assert dialog.password_edit.placeholderText() == "Leave empty to keep the current password"
    assert dialog.username_edit.placeholderText() == "Leave empty to keep the current username"
    assert dialog.notes_edit.placeholderText() == "Not set"
    assert "Password not changed since it was added" in dialog.secrets_hint.text()
    assert calls == []


def test_editing_metadata_keeps_the_password(
    qtbot, env: Env, db: Database, clock: FakeClock
) -> None:
    dialog = _open_edit(qtbot, env)
    dialog.label_edit.clear()
    qtbot.keyClicks(dialog.label_edit, "Edge firewall")
    dialog.port_edit.clear()
    qtbot.keyClicks(dialog.port_edit, "8443")
    clock.advance(days=1)
    _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    row = env.panel.model.rows()[0]
    assert (row.label, row.port, row.domain, row.tags) == (
        "Edge firewall",
        8443,
        "ACME",
        "network, edge",
    )
    assert row.rotated_at is None
    assert _reveal(env.service, env.firewall, "username", "password") == {
        "username": "admin",
        "password": FIREWALL_PASSWORD,
    }
    updates = _audit(db, "item_update")
    assert [(a.item_id, a.technician_id) for a in updates] == [
        (str(env.firewall), env.service.technician_id)
    ]
    assert env.panel.model.index(0, ItemTableModel.Col.CHANGED).data() == ""


def test_a_new_password_replaces_it_and_moves_rotated_at(qtbot, env: Env, clock: FakeClock) -> None:
    changed = clock.advance(days=3)
    dialog = _open_edit(qtbot, env)
    qtbot.keyClicks(dialog.password_edit, "N3w-fw-password!")
    _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    row = env.panel.model.rows()[0]
    assert row.rotated_at == changed
    assert _reveal(env.service, env.firewall, "username", "password") == {
        "username": "admin",
        "password": "N3w-fw-password!",
    }
    model = env.panel.model
    assert model.index(0, ItemTableModel.Col.CHANGED).data() == local_date(changed)
    assert model.index(0, ItemTableModel.Col.CHANGED).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Password last changed {local_date(changed)}"
    )
    _select(env.panel, "Firewall")
    again = env.panel.open_edit_dialog()
    assert again is not None
    assert f"Password last changed {local_date(changed)}" in again.secrets_hint.text()


def test_a_failed_edit_keeps_what_was_typed_and_an_unlock_in_place_saves_it(
    qtbot, env: Env
) -> None:
    dialog = _open_edit(qtbot, env)
    qtbot.keyClicks(dialog.password_edit, "N3w-fw-password!")
    env.service.lock()  # idle lock, unnoticed until the save
    _click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.unlock_prompt.isVisible()
    assert dialog.password_edit.text() == "N3w-fw-password!"
    assert not dialog.save_button.isEnabled()
    assert env.panel.current_page() is Page.UNLOCK
    qtbot.keyClicks(dialog.unlock_prompt.password_edit, "wrong-password-123")
    _click(qtbot, dialog.unlock_prompt.unlock_button)
    assert dialog.unlock_prompt.error.text() == "Wrong vault password."
    qtbot.keyClicks(dialog.unlock_prompt.password_edit, PASSWORD)
    _click(qtbot, dialog.unlock_prompt.unlock_button)
    assert not dialog.unlock_prompt.isVisible()
    assert env.panel.current_page() is Page.ITEMS
    _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert _reveal(env.service, env.firewall, "password") == {"password": "N3w-fw-password!"}


def test_an_edit_without_access_says_so_and_keeps_the_dialog(
    qtbot, env: Env, db: Database, clock: FakeClock
) -> None:
    dialog = _open_edit(qtbot, env)
    qtbot.keyClicks(dialog.password_edit, "N3w-fw-password!")
    # An admin removed Alice's access meanwhile (her cached vault key goes with the relock).
    with db.write() as s:
        s.execute(
            delete(VaultGrant).where(VaultGrant.recipient == f"user:{env.service.technician_id}")
        )
    env.service.cache._vault_keys.clear()
    _click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.general_error.text() == "You have no access to this client's vault."
    assert dialog.password_edit.text() == "N3w-fw-password!"


# --- delete -----------------------------------------------------------------------------------


def test_delete_needs_a_reason_then_removes_the_item_and_audits_it(
    qtbot, env: Env, db: Database
) -> None:
    _select(env.panel, "Firewall")
    _click(qtbot, env.panel.delete_button)
    dialog = env.panel.delete_dialog
    assert isinstance(dialog, DeleteCredentialDialog)
    qtbot.keyClicks(dialog.reason_edit, "old")
    _click(qtbot, dialog.delete_button)
    assert dialog.reason_error.text() == "Give a reason of at least 5 characters."
    assert dialog.isVisible()
    assert [r.label for r in env.panel.model.rows()] == ["Firewall"]
    qtbot.keyClicks(dialog.reason_edit, " firewall replaced, T-123")
    _click(qtbot, dialog.delete_button)
    assert not dialog.isVisible()
    assert env.panel.model.rows() == ()
    assert env.service.items(env.vault_id) == []
    deletes = _audit(db, "item_delete")
    assert [(a.item_id, a.reason) for a in deletes] == [
        (str(env.firewall), "old firewall replaced, T-123")
    ]


def test_a_locked_delete_prompts_for_unlock_and_keeps_the_reason(qtbot, env: Env) -> None:
    _select(env.panel, "Firewall")
    dialog = env.panel.open_delete_dialog()
    assert dialog is not None
    qtbot.keyClicks(dialog.reason_edit, "client left")
    env.session.lock_now()
    assert dialog.isVisible()
    assert dialog.unlock_prompt.isVisible()
    assert not dialog.delete_button.isEnabled()
    assert dialog.reason_edit.text() == "client left"


def test_the_changed_column_is_empty_until_a_change(qtbot, qtmodeltester, env: Env) -> None:
    model = env.panel.model
    assert model.headerData(ItemTableModel.Col.CHANGED, Qt.Orientation.Horizontal) == (
        "Password changed"
    )
    assert model.index(0, ItemTableModel.Col.CHANGED).data(Qt.ItemDataRole.ToolTipRole) == (
        "Password not changed since it was added"
    )
    qtmodeltester.check(model)
    assert isinstance(dt.datetime.now(dt.UTC), dt.datetime)
