"""What the org signing key, the recovery pin, restored access and revocation may rely on
(vault.md §2, §3, §8.6, §8.7, §8.9, §15), on both backends. Complements
tests/review/test_review_vault_core.py."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from app.models import RotationWorklist, TechnicianKeys, Vault, VaultGrant, VaultItem
from app.models.enums import Role
from app.vault import crypto
from app.vault.breakglass import ensure_recovery_statement, vouched_recovery_pin
from app.vault.errors import PermissionDenied, VaultError
from app.vault.offboarding import OrgKeyNotRotated
from app.vault.recovery import parse_recovery_kit
from tests.factories import add_technician
from tests.vault.test_flows import (  # noqa: F401  (fixtures)
    ADMIN_PW,
    BOB_PW,
    NEW_PW,
    Desk,
    audit,
    current_versions,
    desk,
    fast_kdf,
    recipients,
    snapshot,
)

CAROL_PW = "carol's vault password"


def org_vault_id(desk: Desk) -> int:  # noqa: F811
    with desk.db.read() as s:
        vault_id = s.scalar(select(Vault.id).where(Vault.kind == "org-signing"))
    assert vault_id is not None
    return int(vault_id)


def second_admin(desk: Desk) -> int:  # noqa: F811
    carol_id = add_technician(desk.db, "Carol Admin", role=Role.ADMIN, email="carol@test.msp")
    desk.service(carol_id).enrol(CAROL_PW)
    desk.admin.sign(carol_id, fingerprints_compared=True)
    desk.admin.grant(org_vault_id(desk), carol_id)
    return carol_id


# --- the org signing key ------------------------------------------------------------------------


def test_the_org_signing_vault_is_never_rotated_by_hand(desk: Desk) -> None:  # noqa: F811
    org_id = org_vault_id(desk)
    before = current_versions(desk.db)[org_id]
    with pytest.raises(OrgKeyNotRotated, match="cannot be rotated"):
        desk.admin.rotate(org_id, "manual")
    assert current_versions(desk.db)[org_id] == before


def test_revoking_an_admin_deletes_their_org_grant_and_reports_it(desk: Desk) -> None:  # noqa: F811
    carol_id = second_admin(desk)
    org_id = org_vault_id(desk)
    report = desk.admin.revoke_user(carol_id)
    assert report.org_key_exposed and org_id not in report.rotated + report.failed
    assert not {r for r in recipients(desk.db, org_id) if r[2] == f"user:{carol_id}"}
    assert current_versions(desk.db)[org_id] == 1


def test_an_admin_rotating_on_reset_keeps_the_org_key_and_is_told(desk: Desk) -> None:  # noqa: F811
    second_admin(desk)  # someone else can sign Ada's new key
    pinned = desk.admin._pinned_org
    report = desk.admin.reset_keys(NEW_PW, rotate=True)
    assert report.org_key_exposed and org_vault_id(desk) not in report.rotated
    assert current_versions(desk.db)[org_vault_id(desk)] == 1
    assert desk.admin._pinned_org == pinned


def test_granting_the_org_signing_vault_to_a_technician_is_refused_and_audited(
    desk: Desk,  # noqa: F811
) -> None:
    with pytest.raises(PermissionDenied, match="only administrators"):
        desk.admin.grant(org_vault_id(desk), desk.bob_id)
    last = audit(desk.db)[-1]
    assert (last.action, last.outcome, last.reason) == (
        "grant_refused",
        "denied",
        f"user:{desk.bob_id}",
    )


# --- the recovery key pinned after a forgotten password ------------------------------------------


def test_without_a_statement_under_the_pinned_org_key_a_reset_is_refused(desk: Desk) -> None:  # noqa: F811
    # The DB writer swaps the org key too: no published statement verifies under it.
    _, evil_pub = crypto.generate_x25519_keypair()
    evil_org = crypto.org_signing_public_key(crypto.generate_org_signing_seed())
    with desk.db.write() as s:
        s.execute(
            text("UPDATE vault_settings SET org_sign_pub = :o, recovery_pub = :p WHERE id = 1"),
            {"o": evil_org, "p": evil_pub},
        )
    before = snapshot(desk.db)
    with pytest.raises(VaultError, match="not signed by the organisation key"):
        desk.service(desk.bob_id).reset_keys(NEW_PW)
    assert snapshot(desk.db) == before
    dave_id = add_technician(desk.db, "Dave Tech", email="dave@test.msp")
    with pytest.raises(VaultError, match="not signed by the organisation key"):
        desk.service(dave_id).enrol("dave's vault password")


def test_a_reset_pins_the_newest_signed_recovery_key(desk: Desk) -> None:  # noqa: F811
    new_kit = desk.admin.recover(desk.kit.text())
    new_pub = crypto.x25519_public_key(parse_recovery_kit(new_kit.text()))
    with desk.db.write() as s:  # the display copy points back at the used key
        s.execute(
            text("UPDATE vault_settings SET recovery_pub = :p, recovery_key_id = 1 WHERE id = 1"),
            {"p": crypto.x25519_public_key(parse_recovery_kit(desk.kit.text()))},
        )
    bob = desk.service(desk.bob_id)
    bob.reset_keys(NEW_PW)
    assert (bob._pinned_recovery_id, bob._pinned_recovery) == (2, new_pub)


def test_a_missing_statement_is_published_once_by_an_admin(desk: Desk) -> None:  # noqa: F811
    seed = desk.admin.cache.org_signing_key()
    assert seed is not None and desk.admin._pinned_org is not None
    _, pub = crypto.generate_x25519_keypair()
    with desk.db.write() as s:
        assert not ensure_recovery_statement(
            s, seed, 1, desk.admin._pinned_recovery or b"", desk.admin_id, desk.clock.now()
        )
        assert ensure_recovery_statement(s, seed, 5, pub, desk.admin_id, desk.clock.now())
    with desk.db.write() as s:
        assert not ensure_recovery_statement(s, seed, 5, pub, desk.admin_id, desk.clock.now())
        assert vouched_recovery_pin(s, desk.admin._pinned_org) == (5, pub)


def test_a_failed_commit_of_a_reset_with_the_kit_leaves_the_session_alone(desk: Desk) -> None:  # noqa: F811
    ada = desk.service(desk.admin_id)  # forgot her password: locked, nothing pinned
    armed = {"on": True}

    def boom(session: Session) -> None:
        if armed["on"]:
            armed["on"] = False
            raise RuntimeError("connection lost at COMMIT")

    event.listen(Session, "before_commit", boom)
    try:
        with pytest.raises(RuntimeError):
            ada.reset_keys(NEW_PW, recovery_kit=desk.kit.text())
    finally:
        event.remove(Session, "before_commit", boom)
    assert not ada.cache.is_unlocked
    assert ada._pinned_org is None and ada._pinned_recovery is None


# --- restoring access after a reset --------------------------------------------------------------


def test_an_unconfirmed_vault_is_listed_and_granted_only_when_ticked(desk: Desk) -> None:  # noqa: F811
    initech = desk.vaults["Initech"]
    with desk.db.write() as s:  # planted: no audit row by anyone else corroborates it
        s.add(
            VaultGrant(
                vault_id=initech, key_version=1, recipient=crypto.user_recipient(desk.bob_id),
                sealed_grant=bytes(93), granted_by_id=desk.admin_id, granted_at=desk.clock.now(),
            )
        )  # fmt: skip
    desk.service(desk.bob_id).reset_keys(NEW_PW)
    desk.admin.sign(desk.bob_id, fingerprints_compared=True)
    with pytest.raises(VaultError, match="not held before their key reset"):
        desk.admin.regrant_after_reset(desk.bob_id, vault_ids=[desk.vaults["Acme"], 9999])
    report = desk.admin.regrant_after_reset(desk.bob_id)
    assert report.granted == tuple(sorted((desk.vaults["Acme"], desk.vaults["Globex"])))
    assert report.unconfirmed == (initech,)
    ticked = desk.admin.regrant_after_reset(desk.bob_id, vault_ids=[initech])
    assert ticked.granted == (initech,) and ticked.unconfirmed == ()


# --- revocation -----------------------------------------------------------------------------------


def test_a_revocation_run_again_retries_the_failed_vault_without_duplicate_rows(
    desk: Desk,  # noqa: F811
) -> None:
    globex = desk.vaults["Globex"]
    with desk.db.write() as s:
        item = s.get(VaultItem, str(desk.items["Globex"]))
        assert item is not None and item.enc_password is not None
        good = bytes(item.enc_password)
        item.enc_password = good[:-1] + bytes([good[-1] ^ 1])
    first = desk.admin.revoke_user(desk.bob_id)
    assert first.failed == (globex,) and first.rotated == (desk.vaults["Acme"],)
    with desk.db.write() as s:  # restored from a backup
        item = s.get(VaultItem, str(desk.items["Globex"]))
        assert item is not None
        item.enc_password = good
    again = desk.admin.revoke_user(desk.bob_id)
    assert globex in again.rotated and again.failed == ()
    assert current_versions(desk.db)[globex] == 2
    with desk.db.read() as s:
        rows = s.scalars(
            select(RotationWorklist.item_id).where(
                RotationWorklist.subject_technician_id == desk.bob_id
            )
        ).all()
        disabled = s.scalar(
            select(TechnicianKeys.disabled_at).where(TechnicianKeys.technician_id == desk.bob_id)
        )
    assert sorted(rows) == sorted({str(desk.items["Acme"]), str(desk.items["Globex"])})
    assert disabled is not None


def test_an_unsigned_admin_revokes_nobody(desk: Desk) -> None:  # noqa: F811
    carol_id = add_technician(desk.db, "Carol Admin", role=Role.ADMIN, email="carol@test.msp")
    carol = desk.service(carol_id)
    carol.enrol(CAROL_PW)
    before = snapshot(desk.db)
    with pytest.raises(PermissionDenied, match="not signed"):
        carol.revoke_user(desk.bob_id)
    assert snapshot(desk.db) == before
