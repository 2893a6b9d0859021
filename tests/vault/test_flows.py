"""Key reset, break-glass recovery, re-pinning the recovery key and the revocation guard
(vault.md §8.9, §8.10, §3.2, §14 "Flows" and "Pins and signatures"), on both backends."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.db import Database
from app.models import (
    TechnicianDevice,
    TechnicianKeys,
    Vault,
    VaultAudit,
    VaultGrant,
    VaultSettings,
)
from app.models.enums import Role
from app.vault import crypto
from app.vault.breakglass import RecoveryKitInvalid, sign_recovery_pubkey
from app.vault.errors import (
    PermissionDenied,
    VaultIntegrityError,
    VaultLocked,
    WrongPassword,
)
from app.vault.key_reset import RecoveryKitRequired
from app.vault.recovery import RecoveryKit, parse_recovery_kit
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests import vault_speed
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

ADMIN_PW = "correct horse battery"
BOB_PW = "bob's vault password"
NEW_PW = "a brand new vault password"
WHY = Purpose("view", reason="checking the backup job")
SECRETS = {
    "Acme": "Acme-Dc01-Pa55-91b2!",
    "Globex": "Globex-Fw-Pa55-4c7e!",
    "Initech": "Initech-Nas-Pa55-d03a!",
}


#: Vault flows, not the KDF, are under test here.
fast_kdf = vault_speed.fast_kdf


@dataclass
class Desk:
    db: Database
    clock: FakeClock
    admin_id: int
    admin: VaultService
    kit: RecoveryKit
    bob_id: int
    #: Acme, Globex, Initech; Bob holds Acme and Globex.
    vaults: dict[str, int]
    items: dict[str, uuid.UUID]

    def service(self, technician_id: int) -> VaultService:
        return VaultService(self.db, technician_id, self.clock.now)

    def read(self, svc: VaultService, name: str) -> str:
        return svc.reveal(self.items[name], ("password",), WHY)["password"].reveal_text()


@pytest.fixture
def desk(db: Database, clock: FakeClock) -> Desk:
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    kit = admin.set_up(ADMIN_PW)
    vaults: dict[str, int] = {}
    items: dict[str, uuid.UUID] = {}
    for name, secret in SECRETS.items():
        vaults[name] = admin.create_vault(add_client(db, name))
        items[name] = admin.put_item(
            ItemDraft(vault_id=vaults[name], label="Admin", secrets={"password": Secret(secret)})
        )
    bob_id = add_technician(db, "Bob Tech", email="bob@test.msp")
    VaultService(db, bob_id, clock.now).enrol(BOB_PW)
    admin.sign(bob_id, fingerprints_compared=True)
    admin.grant(vaults["Acme"], bob_id)
    admin.grant(vaults["Globex"], bob_id)
    return Desk(db, clock, admin_id, admin, kit, bob_id, vaults, items)


def recipients(db: Database, vault_id: int | None = None) -> set[tuple[int, int, str]]:
    with db.read() as s:
        stmt = select(VaultGrant.vault_id, VaultGrant.key_version, VaultGrant.recipient)
        if vault_id is not None:
            stmt = stmt.where(VaultGrant.vault_id == vault_id)
        return {(v, k, r) for v, k, r in s.execute(stmt)}


def current_versions(db: Database) -> dict[int, int]:
    with db.read() as s:
        return {v.id: v.current_version for v in s.scalars(select(Vault))}


def audit(db: Database) -> list[Any]:
    table = VaultAudit.__table__
    with db.read() as s:
        return list(s.execute(select(table).order_by(table.c.id)))


def snapshot(db: Database) -> tuple[Any, ...]:
    """Everything a refused flow must leave alone."""
    with db.read() as s:
        grants = sorted(
            (g.vault_id, g.key_version, g.recipient, bytes(g.sealed_grant))
            for g in s.scalars(select(VaultGrant))
        )
        keys = sorted(
            (k.technician_id, bytes(k.x25519_pub), bytes(k.sealed_bundle))
            for k in s.scalars(select(TechnicianKeys))
        )
        settings = s.get(VaultSettings, 1)
        assert settings is not None
        pins = (bytes(settings.recovery_pub or b""), settings.recovery_key_id)
        devices = s.scalar(select(func.count()).select_from(TechnicianDevice))
    return grants, keys, pins, devices


def add_device(db: Database, technician_id: int, clock: FakeClock) -> None:
    with db.write() as s:
        s.add(
            TechnicianDevice(
                id=str(uuid.uuid4()), technician_id=technician_id, name="laptop",
                sealed_bundle=os.urandom(80), created_at=clock.now(),
            )
        )  # fmt: skip


# --- key reset ----------------------------------------------------------------------------------


def test_key_reset_then_sign_and_regrant_gives_the_same_access(desk: Desk) -> None:
    acme, globex = desk.vaults["Acme"], desk.vaults["Globex"]
    add_device(desk.db, desk.bob_id, desk.clock)
    bob = desk.service(desk.bob_id)  # forgot the password: never unlocked

    report = bob.reset_keys(NEW_PW)

    assert report.vaults == tuple(sorted((acme, globex))) and report.rotated == ()
    assert report.new_kit is None
    with desk.db.read() as s:
        keys = s.get(TechnicianKeys, desk.bob_id)
        assert keys is not None and keys.pubkey_sig is None and keys.signed_by_id is None
        assert report.fingerprint == crypto.fingerprint(bytes(keys.x25519_pub))
        assert not s.scalars(
            select(TechnicianDevice).where(TechnicianDevice.technician_id == desk.bob_id)
        ).all()
    assert not {r for r in recipients(desk.db) if r[2] == f"user:{desk.bob_id}"}
    resets = [(r.vault_id, r.reason) for r in audit(desk.db) if r.action == "key_reset"]
    bob_r = f"user:{desk.bob_id}"
    assert resets == [(v, bob_r) for v in sorted((acme, globex))] + [(None, bob_r)]
    # The old password opens nothing any more; the new one unlocks, but nothing is readable.
    with pytest.raises(WrongPassword):
        desk.service(desk.bob_id).unlock(BOB_PW)
    bob = desk.service(desk.bob_id)
    bob.unlock(NEW_PW)
    with pytest.raises(PermissionDenied):
        desk.read(bob, "Acme")
    # The admin regrants only after comparing fingerprints and signing.
    with pytest.raises(PermissionDenied, match="sign the new key first"):
        desk.admin.regrant_after_reset(desk.bob_id)
    with pytest.raises(PermissionDenied):
        desk.read(bob, "Acme")
    desk.admin.sign(desk.bob_id, fingerprints_compared=True)
    regrant = desk.admin.regrant_after_reset(desk.bob_id)

    assert regrant.granted == tuple(sorted((acme, globex))) and regrant.missing == ()
    assert desk.read(bob, "Acme") == SECRETS["Acme"]
    assert desk.read(bob, "Globex") == SECRETS["Globex"]
    with pytest.raises(PermissionDenied):
        desk.read(bob, "Initech")  # same access as before, no more


def test_a_compromised_password_reset_also_rotates_their_vaults(desk: Desk) -> None:
    acme, globex, initech = (desk.vaults[n] for n in ("Acme", "Globex", "Initech"))
    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    old_sk = bob.cache.private_key()

    report = bob.reset_keys(NEW_PW, rotate=True)

    assert report.rotated == tuple(sorted((acme, globex)))
    versions = current_versions(desk.db)
    assert (versions[acme], versions[globex], versions[initech]) == (2, 2, 1)
    for vault_id in (acme, globex):
        assert recipients(desk.db, vault_id) == {
            (vault_id, 2, f"user:{desk.admin_id}"),
            (vault_id, 2, "recovery:1"),
        }
    # Whoever has the old key (and an old dump's grants) opens nothing of the new versions.
    with desk.db.read() as s:
        for g in s.scalars(select(VaultGrant)):
            with pytest.raises(VaultIntegrityError):
                crypto.open_grant(
                    bytes(g.sealed_grant),
                    old_sk,
                    crypto.grant_aad(g.vault_id, g.key_version, g.recipient),
                )
    assert "key_reset" in [r.action for r in audit(desk.db)]
    desk.admin.sign(desk.bob_id, fingerprints_compared=True)
    desk.admin.regrant_after_reset(desk.bob_id)
    assert desk.read(bob, "Acme") == SECRETS["Acme"]  # reset left Bob unlocked with the new key
    assert desk.read(bob, "Globex") == SECRETS["Globex"]


def test_rotating_on_reset_needs_the_old_session(desk: Desk) -> None:
    before = snapshot(desk.db)
    with pytest.raises(VaultLocked, match="unlock with your current password"):
        desk.service(desk.bob_id).reset_keys(NEW_PW, rotate=True)
    assert snapshot(desk.db) == before


def test_single_user_reset_needs_the_recovery_kit(desk: Desk) -> None:
    # Ada is the only administrator: nobody else could ever sign her new key.
    ada = desk.service(desk.admin_id)
    before = snapshot(desk.db)
    with pytest.raises(RecoveryKitRequired, match="recovery kit"):
        ada.reset_keys(NEW_PW)
    typo = desk.kit.text()[:-1] + ("A" if desk.kit.text()[-1] != "A" else "B")
    with pytest.raises(RecoveryKitInvalid):
        ada.reset_keys(NEW_PW, recovery_kit=typo)
    assert snapshot(desk.db) == before

    report = ada.reset_keys(NEW_PW, recovery_kit=desk.kit.text())

    assert report.new_kit is not None and report.new_kit.key_id == 2
    with desk.db.read() as s:
        keys = s.get(TechnicianKeys, desk.admin_id)
        assert keys is not None and keys.pubkey_sig is not None
    fresh = desk.service(desk.admin_id)
    fresh.unlock(NEW_PW)
    assert fresh.cache.org_signing_key() is not None  # she can sign again
    for name, secret in SECRETS.items():
        assert desk.read(fresh, name) == secret
    assert_new_recovery_key_holds_everything(desk.db, report.new_kit, old=desk.kit)


# --- break-glass ------------------------------------------------------------------------------


def assert_new_recovery_key_holds_everything(db: Database, new: RecoveryKit, old: RecoveryKit):
    new_sk, old_sk = parse_recovery_kit(new.text()), parse_recovery_kit(old.text())
    versions = current_versions(db)
    held = {(v, k) for v, k, r in recipients(db) if r == f"recovery:{new.key_id}"}
    assert held == set(versions.items())
    assert not {
        r
        for r in recipients(db)
        if r[2].startswith("recovery:") and r[2] != f"recovery:{new.key_id}"
    }
    with db.read() as s:
        settings = s.get(VaultSettings, 1)
        assert settings is not None
        assert settings.recovery_key_id == new.key_id
        assert bytes(settings.recovery_pub or b"") == crypto.x25519_public_key(new_sk)
        for g in s.scalars(select(VaultGrant)):
            aad = crypto.grant_aad(g.vault_id, g.key_version, g.recipient)
            if g.recipient == f"recovery:{new.key_id}":
                assert len(crypto.open_grant(bytes(g.sealed_grant), new_sk, aad)) == 32
            with pytest.raises(VaultIntegrityError):
                crypto.open_grant(bytes(g.sealed_grant), old_sk, aad)


def test_break_glass_grants_the_chosen_vaults_and_replaces_the_recovery_key(desk: Desk) -> None:
    initech = desk.vaults["Initech"]
    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    with pytest.raises(PermissionDenied):
        desk.read(bob, "Initech")

    new_kit = desk.admin.recover(desk.kit.text(), technician_id=desk.bob_id, vault_ids=[initech])

    assert new_kit.key_id == 2 and new_kit.text() != desk.kit.text()
    tail = [(r.action, r.outcome, r.technician_id) for r in audit(desk.db)[-3:]]
    assert tail == [
        ("grant", "ok", desk.admin_id),
        ("recovery_used", "ok", desk.admin_id),
        ("pin_replace", "ok", desk.admin_id),
    ]
    assert desk.read(bob, "Initech") == SECRETS["Initech"]
    assert_new_recovery_key_holds_everything(desk.db, new_kit, old=desk.kit)
    # The org signing key never goes to a technician.
    with desk.db.read() as s:
        org_vault = s.scalar(select(Vault.id).where(Vault.kind == "org-signing"))
    assert org_vault is not None
    assert not {r for r in recipients(desk.db, org_vault) if r[2] == f"user:{desk.bob_id}"}
    with pytest.raises(PermissionDenied):
        desk.admin.recover(new_kit.text(), technician_id=desk.bob_id, vault_ids=[org_vault])

    # The old kit no longer opens anything and is refused, changing nothing but the audit.
    before = snapshot(desk.db)
    with pytest.raises(RecoveryKitInvalid, match="current recovery key"):
        desk.admin.recover(desk.kit.text())
    assert snapshot(desk.db) == before
    last = audit(desk.db)[-1]
    assert (last.action, last.outcome) == ("recovery_used", "denied")


@pytest.mark.parametrize("where", [0, 7, -1], ids=["first", "middle", "checksum"])
def test_a_mistyped_kit_is_refused_and_changes_nothing(desk: Desk, where: int) -> None:
    chars = list(desk.kit.text())
    pos = where if where >= 0 else len(chars) - 1
    chars[pos] = "B" if chars[pos] == "A" else "A"
    before, rows = snapshot(desk.db), len(audit(desk.db))
    with pytest.raises(RecoveryKitInvalid, match="recovery kit"):
        desk.admin.recover("".join(chars))
    assert snapshot(desk.db) == before and len(audit(desk.db)) == rows


def test_break_glass_is_for_unlocked_admins(desk: Desk) -> None:
    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    with pytest.raises(PermissionDenied):
        bob.recover(desk.kit.text())
    desk.admin.lock()
    with pytest.raises(VaultLocked):
        desk.admin.recover(desk.kit.text())


def test_every_technician_re_pins_the_new_recovery_key(desk: Desk) -> None:
    stale = desk.service(desk.bob_id)
    stale.unlock(BOB_PW)  # unlocked before the break-glass
    new_kit = desk.admin.recover(desk.kit.text())
    new_pub = crypto.x25519_public_key(parse_recovery_kit(new_kit.text()))

    # A session unlocked before moves on as soon as it seals anything.
    vault_id = stale.create_vault(add_client(desk.db))
    assert {r for _, _, r in recipients(desk.db, vault_id)} == {
        f"user:{desk.bob_id}",
        f"user:{desk.admin_id}",
        "recovery:2",
    }
    # The next unlock re-pins in the sealed bundle (audited once), after checking the signature.
    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    assert (bob._pinned_recovery_id, bob._pinned_recovery) == (2, new_pub)
    pins = [
        r for r in audit(desk.db) if r.action == "pin_replace" and r.technician_id == desk.bob_id
    ]
    assert [r.reason for r in pins] == ["recovery:2"]
    again = desk.service(desk.bob_id)
    again.unlock(BOB_PW)
    assert again._pinned_recovery_id == 2
    # Set-up's statement for key 1, the admin's for key 2, Bob's re-pin.
    assert len([r for r in audit(desk.db) if r.action == "pin_replace"]) == 3


# --- pins ---------------------------------------------------------------------------------------


def test_a_recovery_key_swapped_in_without_a_valid_signature_is_not_re_pinned(desk: Desk) -> None:
    real_pub = crypto.x25519_public_key(parse_recovery_kit(desk.kit.text()))
    _, evil_pub = crypto.generate_x25519_keypair()
    evil_seed = crypto.generate_org_signing_seed()
    with desk.db.write() as s:
        s.execute(
            text("UPDATE vault_settings SET recovery_pub = :p, recovery_key_id = 7 WHERE id = 1"),
            {"p": evil_pub},
        )
        # A statement "signed" by an org key of the attacker's own, and one with no signature.
        forged = sign_recovery_pubkey(evil_seed, 7, evil_pub)
        for sig in (forged, bytes(64)):
            s.execute(
                text(
                    "INSERT INTO vault_audit (at, action, outcome, reason, prev_hash, row_hash) "
                    "VALUES (:at, 'pin_replace', 'ok', :r, :h, :h)"
                ),
                {"at": desk.clock.now(), "r": f"recovery:7|{evil_pub.hex()}|{sig.hex()}",
                 "h": bytes(32)},
            )  # fmt: skip

    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    assert (bob._pinned_recovery_id, bob._pinned_recovery) == (1, real_pub)
    desk.admin.sign(desk.bob_id, fingerprints_compared=True)  # no-op re-sign, still valid
    vault_id = bob.create_vault(add_client(desk.db))
    assert bob.rotate(vault_id, "manual") == 2
    assert {r for _, _, r in recipients(desk.db, vault_id)} >= {"recovery:1"}
    assert "recovery:7" not in {r for _, _, r in recipients(desk.db)}
    # Nobody re-pinned: the only row written by a technician is set-up's statement for key 1.
    written = [r.reason for r in audit(desk.db) if r.action == "pin_replace" and r.technician_id]
    assert len(written) == 1 and written[0].startswith(f"recovery:1|{real_pub.hex()}|")


def test_an_older_signed_recovery_key_is_not_pinned_again(desk: Desk) -> None:
    desk.admin.recover(desk.kit.text())  # recovery:2, signed
    old_pub = crypto.x25519_public_key(parse_recovery_kit(desk.kit.text()))
    with desk.db.write() as s:
        s.execute(
            text("UPDATE vault_settings SET recovery_pub = :p, recovery_key_id = 1 WHERE id = 1"),
            {"p": old_pub},
        )
    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    assert bob._pinned_recovery_id == 2


# --- revocation guard ---------------------------------------------------------------------------


def test_an_admin_cannot_revoke_themselves(desk: Desk) -> None:
    before = snapshot(desk.db)
    with pytest.raises(PermissionDenied, match="cannot revoke yourself"):
        desk.admin.revoke_user(desk.admin_id)
    assert snapshot(desk.db) == before


def test_the_last_active_admin_cannot_be_revoked(desk: Desk) -> None:
    eve_id = add_technician(desk.db, "Eve Admin", role=Role.ADMIN)  # never enrolled
    with pytest.raises(PermissionDenied, match="last active administrator"):
        desk.service(eve_id).revoke_user(desk.admin_id)
    with desk.db.read() as s:
        keys = s.get(TechnicianKeys, desk.admin_id)
        assert keys is not None and keys.disabled_at is None
