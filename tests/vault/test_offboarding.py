"""Key rotation and technician revocation with the rotation worklist (vault.md §8.6, §8.7)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import (
    RotationWorklist,
    TechnicianDevice,
    TechnicianKeys,
    VaultGrant,
    VaultItem,
)
from app.models.enums import Role
from app.vault import crypto
from app.vault.errors import PermissionDenied, VaultIntegrityError
from app.vault.recovery import parse_recovery_kit
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

ADMIN_PW = "correct horse battery"
BOB_PW = "bob's vault password"
WHY = Purpose("view", reason="checking the backup job")


@pytest.fixture
def desk(db: Database, clock: FakeClock):
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    bob_id = add_technician(db, "Bob Tech", email="bob@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    kit = admin.set_up(ADMIN_PW)
    bob = VaultService(db, bob_id, clock.now)
    bob.enrol(BOB_PW)
    admin.sign(bob_id, fingerprints_compared=True)
    vaults = []
    items: list[uuid.UUID] = []
    for name in ("Acme", "Globex"):
        vault_id = admin.create_vault(add_client(db, name))
        for label in ("Domain admin", "Firewall"):
            items.append(
                admin.put_item(
                    ItemDraft(
                        vault_id=vault_id,
                        label=label,
                        secrets={"username": Secret("admin"), "password": Secret(f"{label}-pw")},
                    )
                )
            )
        admin.grant(vault_id, bob_id)
        vaults.append(vault_id)
    return admin, bob, bob_id, kit, vaults, items


def grants(db: Database, vault_id: int) -> dict[str, int]:
    with db.read() as s:
        rows = s.execute(
            select(VaultGrant.recipient, VaultGrant.key_version).where(
                VaultGrant.vault_id == vault_id
            )
        )
        return {recipient: version for recipient, version in rows}


def test_rotation_reencrypts_every_item_and_regrants_the_new_version(db, desk):
    admin, bob, bob_id, kit, (acme, _globex), items = desk
    assert admin.rotate(acme, "yearly") == 2
    with db.read() as s:
        versions = set(s.scalars(select(VaultItem.key_version).where(VaultItem.vault_id == acme)))
    assert versions == {2}
    assert set(grants(db, acme).values()) == {2}
    assert set(grants(db, acme)) == {f"user:{admin.technician_id}", f"user:{bob_id}", "recovery:1"}
    # Every field still opens, under the new version's associated data, for Bob too.
    bob.unlock(BOB_PW)
    got = bob.reveal(items[0], ("password",), WHY)
    assert got["password"].reveal_text() == "Domain admin-pw"
    # The recovery key opens the new version's grant.
    with db.read() as s:
        sealed = s.scalar(
            select(VaultGrant.sealed_grant).where(
                VaultGrant.vault_id == acme, VaultGrant.recipient == "recovery:1"
            )
        )
    key = crypto.open_grant(
        bytes(sealed), parse_recovery_kit(kit.text()), crypto.grant_aad(acme, 2, "recovery:1")
    )
    assert len(key) == 32


def test_revoking_a_technician_rotates_their_vaults_and_lists_what_to_change(db, desk, clock):
    admin, bob, bob_id, _kit, (acme, globex), items = desk
    bob.unlock(BOB_PW)
    bob.reveal(items[0], ("password",), WHY)  # Acme / Domain admin
    clock.advance(minutes=5)
    bob.reveal(items[0], ("username",), WHY)
    old_bob_key = bob.cache.private_key()

    report = admin.revoke_user(bob_id)

    assert sorted(report.rotated) == sorted([acme, globex]) and report.not_rotated == ()
    assert (report.revealed, report.could_reveal) == (1, 3)
    with db.read() as s:
        assert s.scalar(select(TechnicianKeys.disabled_at).where(
            TechnicianKeys.technician_id == bob_id)) is not None  # fmt: skip
        assert not s.scalars(
            select(TechnicianDevice).where(TechnicianDevice.technician_id == bob_id)
        ).all()
        rows = {
            r.item_id: (r.basis, r.last_revealed_at) for r in s.scalars(select(RotationWorklist))
        }
    for vault_id in (acme, globex):
        assert f"user:{bob_id}" not in grants(db, vault_id)
        assert set(grants(db, vault_id).values()) == {2}
    assert rows[str(items[0])] == ("revealed", clock.now())
    assert {rows[str(i)][0] for i in items[1:]} == {"could_reveal"}
    # Bob's old private key opens none of the new grants, and he cannot reveal any more.
    with db.read() as s:
        new_grants = s.execute(select(VaultGrant)).scalars().all()
        for g in new_grants:
            with pytest.raises(VaultIntegrityError):
                crypto.open_grant(
                    bytes(g.sealed_grant),
                    old_bob_key,
                    crypto.grant_aad(g.vault_id, g.key_version, g.recipient),
                )
    fresh = VaultService(db, bob_id, clock.now)
    with pytest.raises(PermissionDenied):
        fresh.unlock(BOB_PW)


def test_changing_a_password_closes_its_worklist_row(db, desk, clock):
    admin, _bob, bob_id, _kit, (acme, _globex), items = desk
    admin.revoke_user(bob_id)
    clock.advance(hours=1)
    admin.put_item(
        ItemDraft(
            vault_id=acme,
            label="Domain admin",
            item_id=items[0],
            secrets={"password": Secret("a brand new password")},
        )
    )
    with db.read() as s:
        done = {r.item_id: r.done_at for r in s.scalars(select(RotationWorklist))}
    assert done[str(items[0])] == clock.now()
    assert all(done[str(i)] is None for i in items[1:])


def test_only_admins_revoke(db, desk):
    _admin, bob, bob_id, *_ = desk
    bob.unlock(BOB_PW)
    with pytest.raises(PermissionDenied):
        bob.revoke_user(bob_id)
