"""Item writes through `VaultService` (app/vault/items.py): deletion is audited with its reason
and needs a grant, like an edit (vault.md §8.5, §9 `item_delete`). On both backends."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import RotationWorklist, VaultAudit, VaultItem
from app.models.enums import Role
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests import vault_speed
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

ADMIN_PW = "correct horse battery"
BOB_PW = "bob's vault password"
SECRET = "Items-Test-Pa55-7f3c!"
WHY = Purpose("view", reason="checking the backup job")


#: Vault flows, not the KDF, are under test here.
fast_kdf = vault_speed.fast_kdf


@dataclass
class Desk:
    db: Database
    admin: VaultService
    bob: VaultService
    bob_id: int
    vault_id: int
    client_id: int
    item_id: uuid.UUID


@pytest.fixture
def desk(db: Database, clock: FakeClock) -> Desk:
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    bob_id = add_technician(db, "Bob Tech", email="bob@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PW)
    bob = VaultService(db, bob_id, clock.now)
    bob.enrol(BOB_PW)  # leaves Bob unlocked, signed below, but with no grant
    admin.sign(bob_id, fingerprints_compared=True)
    client_id = add_client(db, "Acme")
    vault_id = admin.create_vault(client_id)
    item_id = admin.put_item(
        ItemDraft(
            vault_id=vault_id,
            label="Domain admin",
            secrets={"username": Secret("administrator"), "password": Secret(SECRET)},
        )
    )
    return Desk(db, admin, bob, bob_id, vault_id, client_id, item_id)


def item_exists(db: Database, item_id: uuid.UUID) -> bool:
    with db.read() as s:
        return s.get(VaultItem, str(item_id)) is not None


def audit_count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(VaultAudit)) or 0


def test_put_item_writes_and_lists_without_decrypting(desk: Desk) -> None:
    rows = desk.admin.items(desk.vault_id)
    assert [(r.item_id, r.label, r.has) for r in rows] == [
        (desk.item_id, "Domain admin", frozenset({"username", "password"}))
    ]
    got = desk.admin.reveal(desk.item_id, ("password",), WHY)
    assert got["password"].reveal_text() == SECRET


def test_delete_item_removes_it_and_audits_the_reason(desk: Desk) -> None:
    desk.admin.delete_item(desk.item_id, "  firewall decommissioned  ")
    assert not item_exists(desk.db, desk.item_id)
    assert desk.admin.items(desk.vault_id) == []
    with desk.db.read() as s:
        row = s.scalars(select(VaultAudit).order_by(VaultAudit.id.desc()).limit(1)).one()
        assert (row.action, row.outcome, row.technician_id) == (
            "item_delete",
            "ok",
            desk.admin.technician_id,
        )
        assert (row.client_id, row.vault_id, row.item_id, row.reason) == (
            desk.client_id,
            desk.vault_id,
            str(desk.item_id),
            "firewall decommissioned",
        )
    with pytest.raises(VaultError, match="no such item"):
        desk.admin.delete_item(desk.item_id, "firewall decommissioned")


def test_a_technician_without_a_grant_cannot_delete(desk: Desk) -> None:
    before = audit_count(desk.db)
    with pytest.raises(PermissionDenied):
        desk.bob.delete_item(desk.item_id, "cleaning up old entries")
    assert item_exists(desk.db, desk.item_id)
    assert audit_count(desk.db) == before


@pytest.mark.parametrize("reason", ["", "abcd", "   abcd   "])
def test_a_reason_shorter_than_five_characters_is_refused(desk: Desk, reason: str) -> None:
    before = audit_count(desk.db)
    with pytest.raises(ValueError, match="at least 5 characters"):
        desk.admin.delete_item(desk.item_id, reason)
    assert item_exists(desk.db, desk.item_id)
    assert audit_count(desk.db) == before


def test_a_locked_vault_cannot_delete(desk: Desk) -> None:
    desk.admin.lock()
    before = audit_count(desk.db)
    with pytest.raises(VaultLocked):
        desk.admin.delete_item(desk.item_id, "firewall decommissioned")
    assert item_exists(desk.db, desk.item_id)
    assert audit_count(desk.db) == before


def test_deleting_keeps_open_worklist_rows(desk: Desk) -> None:
    """The client's password is still out there: the offboarding worklist row stays open."""
    desk.admin.grant(desk.vault_id, desk.bob_id)
    desk.bob.reveal(desk.item_id, ("password",), WHY)
    desk.admin.revoke_user(desk.bob_id)
    desk.admin.delete_item(desk.item_id, "account removed at the client")
    with desk.db.read() as s:
        rows = s.scalars(
            select(RotationWorklist).where(RotationWorklist.item_id == str(desk.item_id))
        ).all()
        assert [(r.basis, r.done_at) for r in rows] == [("revealed", None)]
