"""Regression tests from a security review of the vault flows (key reset, break-glass, grants,
offboarding): each states what vault.md requires."""

# ruff: noqa: F811  (the `desk` fixture is imported from test_flows and named by the tests)
from __future__ import annotations

import contextlib
import os
import uuid

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from app.models import RotationWorklist, TechnicianKeys, Vault, VaultGrant, VaultItem
from app.models.enums import Role
from app.vault import crypto
from app.vault.errors import PermissionDenied, VaultError
from app.vault.secret import Secret
from app.vault.types import ItemDraft, VaultKind
from tests.factories import add_client, add_technician
from tests.vault.test_flows import (  # noqa: F401  (fixtures)
    ADMIN_PW,
    BOB_PW,
    NEW_PW,
    Desk,
    desk,
    fast_kdf,
)

CAROL_PW = "carol's vault password"


def _org_vault_id(desk: Desk) -> int:
    with desk.db.read() as s:
        v = s.scalar(select(Vault.id).where(Vault.kind == VaultKind.ORG_SIGNING.value))
        assert v is not None
        return int(v)


def _second_admin(desk: Desk) -> int:
    carol_id = add_technician(desk.db, "Carol Admin", role=Role.ADMIN, email="carol@test.msp")
    desk.service(carol_id).enrol(CAROL_PW)
    desk.admin.sign(carol_id, fingerprints_compared=True)
    desk.admin.grant(_org_vault_id(desk), carol_id)
    return carol_id


# --- 1. revoking an admin "rotates" the org signing key into a random, unpinned key -----------


def test_revoking_an_admin_keeps_the_org_signing_key(desk: Desk) -> None:
    """offboarding.revoke_user rotates every held vault, including kind='org-signing', whose
    "vault key" IS the Ed25519 org seed. _rotate_in replaces it with a random 32-byte key that no
    bundle pins: every later signature fails verification (vault.md §3, §15: org-key rotation
    is a later, signed hand-over)."""
    carol_id = _second_admin(desk)
    pinned_org = desk.admin._pinned_org
    desk.admin.revoke_user(carol_id)

    ada = desk.service(desk.admin_id)
    ada.unlock(ADMIN_PW)
    seed = ada.cache.org_signing_key()
    assert seed is not None
    assert crypto.org_signing_public_key(seed) == pinned_org, (
        "the org-signing vault was rotated: the org seed is now a random key nobody pins"
    )


def test_after_admin_revocation_new_technicians_can_still_be_granted(
    desk: Desk,
) -> None:
    carol_id = _second_admin(desk)
    desk.admin.revoke_user(carol_id)
    ada = desk.service(desk.admin_id)
    ada.unlock(ADMIN_PW)
    dave_id = add_technician(desk.db, "Dave Tech", email="dave@test.msp")
    desk.service(dave_id).enrol("dave's vault password")
    ada.sign(dave_id, fingerprints_compared=True)
    ada.grant(desk.vaults["Acme"], dave_id)  # PermissionDenied: signature made by a random key


# --- 2. grant() hands the org signing key to a non-admin --------------------------------------


def test_grant_refuses_org_signing_vault_to_non_admin(desk: Desk) -> None:
    """VaultService.grant has no kind check: an admin (or a UI bug) can seal the org signing
    seed to a technician, who can then sign any public key (vault.md §2: granted to admins and
    recovery only). regrant_after_reset and recover both refuse this; grant does not."""
    org_id = _org_vault_id(desk)
    with pytest.raises(PermissionDenied):
        desk.admin.grant(org_id, desk.bob_id)
    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    assert bob.cache.org_signing_key() is None


# --- 3. regrant_after_reset grants vaults the technician never held ---------------------------


def test_regrant_only_restores_vaults_really_held(desk: Desk) -> None:
    """reset_keys records 'held' from vault_grants rows, which every team-mode login may INSERT
    (app_role: SELECT, INSERT, UPDATE, DELETE on ordinary tables). Bob inserts a junk grant row
    for Initech (never his), 'forgets' his password, and the admin's "restore access" seals
    Initech's key to him. Threat model: a malicious technician is limited to granted clients."""
    initech = desk.vaults["Initech"]
    with desk.db.write() as s:
        s.add(
            VaultGrant(
                vault_id=initech, key_version=1, recipient=crypto.user_recipient(desk.bob_id),
                sealed_grant=os.urandom(93), granted_by_id=desk.admin_id,
                granted_at=desk.clock.now(),
            )
        )  # fmt: skip
    bob = desk.service(desk.bob_id)
    bob.reset_keys(NEW_PW)  # forgotten password
    desk.admin.sign(desk.bob_id, fingerprints_compared=True)
    report = desk.admin.regrant_after_reset(desk.bob_id)
    assert initech not in report.granted, "regrant sealed a vault Bob was never granted"


# --- 4. revocation after a key reset misses the vaults the technician created -----------------


def test_revoke_after_key_reset_rotates_vaults_the_user_created(desk: Desk) -> None:
    """revoke_user finds held vaults from current grants plus audit rows `grant`/`vault_create`
    with reason == user:<id>; but vault_create rows carry no reason, and a key reset deleted the
    grants. Bob's own vault (its key known to his old bundle) is neither rotated nor listed in
    the worklist (vault.md §8.7 step 3-4)."""
    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    hooli = bob.create_vault(add_client(desk.db, "Hooli"))
    item = bob.put_item(
        ItemDraft(vault_id=hooli, label="fw", secrets={"password": Secret("Hooli-Fw-Pa55-77!")})
    )
    fresh = desk.service(desk.bob_id)
    fresh.reset_keys(NEW_PW)  # "forgot" the password: grants deleted, not yet regranted
    report = desk.admin.revoke_user(desk.bob_id)
    assert hooli in report.rotated, "Bob's own vault was not rotated on revocation"
    with desk.db.read() as s:
        rows = s.scalars(
            select(RotationWorklist.item_id).where(
                RotationWorklist.subject_technician_id == desk.bob_id
            )
        ).all()
    assert str(item) in rows


# --- 5. forgotten-password reset pins the recovery key from vault_settings --------------------


def test_key_reset_does_not_pin_a_swapped_recovery_key(desk: Desk) -> None:
    """key_reset.reset_keys (forgotten path) pins `service._settings_recovery(s)`, straight from
    vault_settings. A DB writer swaps recovery_pub (same id, so no re-pin ever moves it); the
    fingerprint comparison covers only the technician and org keys, so nothing catches it. Every
    vault Bob later creates or rotates is sealed to the attacker (vault.md §3.2: the copies in
    vault_settings are for display)."""
    evil_sk, evil_pub = crypto.generate_x25519_keypair()
    with desk.db.write() as s:
        s.execute(text("UPDATE vault_settings SET recovery_pub = :p WHERE id = 1"), {"p": evil_pub})
    bob = desk.service(desk.bob_id)
    bob.reset_keys(NEW_PW)
    desk.admin.sign(desk.bob_id, fingerprints_compared=True)
    desk.admin.regrant_after_reset(desk.bob_id)
    bob = desk.service(desk.bob_id)
    bob.unlock(NEW_PW)
    vault_id = bob.create_vault(add_client(desk.db, "Umbrella"))
    with desk.db.read() as s:
        grant = s.get(VaultGrant, (vault_id, 1, "recovery:1"))
        assert grant is not None
        blob = bytes(grant.sealed_grant)
    try:
        opened = crypto.open_grant(blob, evil_sk, crypto.grant_aad(vault_id, 1, "recovery:1"))
    except Exception:
        return  # fixed: the attacker's key opens nothing
    pytest.fail(f"the DB writer's recovery key opens Bob's new vault key ({len(opened)} bytes)")


# --- 6. a revoked technician's unlocked session still edits and deletes items ----------------


def test_revoked_session_cannot_edit_or_delete(desk: Desk) -> None:
    """put_item/delete_item authorise with `service._vault_key`, which returns a cached key
    without looking at the grant, `disabled_at` or `Technician.active`. After revocation of a
    vault that could not be rotated (RevocationReport.not_rotated: no admin holds it), Bob's
    still-open session keeps writing and deleting items."""
    acme = desk.vaults["Acme"]
    bob = desk.service(desk.bob_id)
    bob.unlock(BOB_PW)
    desk.read(bob, "Acme")  # caches Acme v1
    with desk.db.write() as s:  # a vault no admin holds (e.g. created before the admin enrolled)
        grant = s.get(VaultGrant, (acme, 1, crypto.user_recipient(desk.admin_id)))
        assert grant is not None
        s.delete(grant)
    ada = desk.service(desk.admin_id)  # a fresh admin session: no cached Acme key
    ada.unlock(ADMIN_PW)
    report = ada.revoke_user(desk.bob_id)
    assert acme in report.not_rotated
    with pytest.raises(PermissionDenied):
        bob.delete_item(desk.items["Acme"], "cleaning up old stuff")


# --- 7. break-glass moves the in-memory pin before the commit --------------------------------


def test_failed_recover_commit_leaves_pins_unchanged(desk: Desk) -> None:
    """recover_in sets service._pinned_recovery(_id) to the new key before the transaction
    commits. If the commit fails, the new kit is never shown and its key never stored, yet this
    session seals every later grant to that lost key (vault.md §8.10: one transaction)."""
    armed = {"on": True}

    def boom(session: Session) -> None:
        if armed["on"]:
            armed["on"] = False
            raise RuntimeError("connection lost at COMMIT")

    event.listen(Session, "before_commit", boom)
    try:
        with pytest.raises(RuntimeError):
            desk.admin.recover(desk.kit.text())
    finally:
        event.remove(Session, "before_commit", boom)
    assert desk.admin._pinned_recovery_id == 1
    vault_id = desk.admin.create_vault(add_client(desk.db, "Soylent"))
    with desk.db.read() as s:
        recips = set(s.scalars(select(VaultGrant.recipient).where(VaultGrant.vault_id == vault_id)))
    assert "recovery:1" in recips, f"sealed to a recovery key nobody has: {recips}"


# --- 8. revocation is half-written when one item fails to re-encrypt -------------------------


def test_revoke_completes_worklist_despite_a_tampered_item(desk: Desk) -> None:
    """revoke_user commits the revocation, then rotates vault by vault in separate transactions
    and fills the worklist last. One tampered blob (a DB writer flips a bit) raises
    VaultIntegrityError out of revoke_user: later vaults stay unrotated and no worklist row is
    ever written, while Bob's keys are already disabled (so a retry cannot find his vaults)."""
    globex_item = desk.items["Globex"]
    with desk.db.write() as s:
        item = s.get(VaultItem, str(globex_item))
        assert item is not None and item.enc_password is not None
        blob = bytearray(bytes(item.enc_password))
        blob[-1] ^= 1
        item.enc_password = bytes(blob)
    with contextlib.suppress(VaultError):
        desk.admin.revoke_user(desk.bob_id)
    with desk.db.read() as s:
        disabled = s.get(TechnicianKeys, desk.bob_id).disabled_at is not None  # type: ignore[union-attr]
        worklist = s.scalars(
            select(RotationWorklist.item_id).where(
                RotationWorklist.subject_technician_id == desk.bob_id
            )
        ).all()
        acme_version = s.get(Vault, desk.vaults["Acme"]).current_version  # type: ignore[union-attr]
    assert disabled
    assert str(desk.items["Acme"]) in worklist, "revocation committed but no worklist written"
    assert acme_version == 2


# --- 9. the last-admin guard counts admins who cannot sign -----------------------------------


def test_unsigned_admin_cannot_revoke_the_only_signing_admin(desk: Desk) -> None:
    """_refuse_last_admin counts any active admin with a keys row, signed or not, holding the
    org key or not (unlike key_reset._others_can_sign). A freshly promoted, not-yet-signed admin
    revokes the only admin holding the org key: nobody can sign, grant org access or rotate."""
    carol_id = add_technician(desk.db, "Carol Admin", role=Role.ADMIN, email="carol@test.msp")
    carol = desk.service(carol_id)
    carol.enrol(CAROL_PW)  # not signed yet, holds nothing
    with pytest.raises(PermissionDenied):
        carol.revoke_user(desk.admin_id)


_ = uuid  # keep import for type hints in editors
