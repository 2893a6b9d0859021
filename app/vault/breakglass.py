"""Break-glass recovery and replacing the recovery key (vault.md §8.10, §3.2).

Written as functions taking the service, like `offboarding.py`.

An admin types the recovery kit. Its key must be the recovery key pinned in their bundle (the
old kit of a replaced key is refused). The recovery grants give every vault key; the chosen
vaults are granted to a signed technician, and a new recovery key replaces the used one: every
vault is granted to it, the old recovery grants are deleted and `vault_settings` names it. All
of that is one transaction, so a failure leaves the old key and grants in place.

**The new key's signature.** The org signing key (opened from the org-signing vault's recovery
grant) signs `hd1|recovery-pubkey|<key id>|<hex public key>`. The statement is published as an
audit row `pin_replace` whose reason is `recovery:<id>|<hex pub>|<hex signature>`: public
values only, in the append-only, hash-chained table, so a database writer can add rows but can
neither forge the signature nor quietly remove the statement (as they could overwrite a column)
to keep technicians sealing new grants to the used key. Each technician re-pins at their next
unlock (`newer_recovery_pin`): only a statement that verifies under *their pinned* org key and
names a *higher* key id than their pinned one is taken, so neither a swapped `vault_settings`
nor a replayed older statement moves anyone's pin.

**The first recovery key is vouched for too.** First setup publishes the same statement for
recovery key 1, so a technician who pins keys from scratch (enrolment, a key reset after a
forgotten password) pins the newest recovery key *signed by the org key they pin*
(`vouched_recovery_pin`), never the public key in `vault_settings`: the admin's fingerprint
comparison covers the org key, and the org key's signature covers the recovery key. Vaults set
up before that statement existed get it at the next unlock of an admin holding the org key
(`ensure_recovery_statement`); until then enrolment and forgotten-password resets are refused.

**In memory only after the commit.** `recover_in` works inside the caller's transaction and
returns what the session should hold afterwards (`Recovered`); the caller applies it with
`apply_recovered` once the transaction has committed, so a failed commit leaves the session's
pins and keys as they were.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import Technician, TechnicianKeys, Vault, VaultAudit, VaultGrant
from app.models.enums import Role
from app.vault import crypto
from app.vault.audit_log import AuditEntry, append
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.recovery import RecoveryKit, parse_recovery_kit, recovery_kit
from app.vault.types import VaultKind

if TYPE_CHECKING:
    from app.vault.service import VaultService

_STATEMENT_PREFIX: Final = "recovery:"

log = logging.getLogger(__name__)


class RecoveryKitInvalid(VaultError, ValueError):
    """The typed recovery kit is malformed, mistyped or not the current one; nothing changed.

    Also a ValueError, which is what `parse_recovery_kit` raises for a typo.
    """


# -- signed recovery keys ----------------------------------------------------------------------


def recovery_pubkey_message(key_id: int, pub: bytes) -> bytes:
    """`hd1|recovery-pubkey|<key id>|<hex public key>`: what the org key signs."""
    return f"hd1|recovery-pubkey|{int(key_id)}|{bytes(pub).hex()}".encode()


def sign_recovery_pubkey(org_seed: bytes, key_id: int, pub: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(bytes(org_seed)).sign(
        recovery_pubkey_message(key_id, pub)
    )


def verify_recovery_pubkey(org_pub: bytes, key_id: int, pub: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes(org_pub)).verify(
            bytes(signature), recovery_pubkey_message(key_id, pub)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def _statement(key_id: int, pub: bytes, signature: bytes) -> str:
    return f"{_STATEMENT_PREFIX}{key_id}|{pub.hex()}|{signature.hex()}"


def _parse_statement(reason: str) -> tuple[int, bytes, bytes] | None:
    try:
        head, pub_hex, sig_hex = reason.split("|")
        key_id = int(head.removeprefix(_STATEMENT_PREFIX))
        pub, sig = bytes.fromhex(pub_hex), bytes.fromhex(sig_hex)
    except ValueError:
        return None
    if len(pub) != crypto.PUBLIC_KEY_LEN or len(sig) != 64 or key_id < 1:
        return None
    return key_id, pub, sig


def bundle_key_id(bundle: crypto.Bundle) -> int:
    """The recovery key id pinned in a bundle (this app only ever writes integers)."""
    if not isinstance(bundle.recovery_key_id, int):
        raise VaultError("recovery key ids are integers")
    return bundle.recovery_key_id


def newer_recovery_pin(s: Session, org_pub: bytes, pinned_id: int) -> tuple[int, bytes] | None:
    """The newest recovery key signed by `org_pub` with an id above `pinned_id`, or None.

    Reads the published statements, not `vault_settings` (which is for display).
    """
    best: tuple[int, bytes] | None = None
    reasons = s.scalars(
        select(VaultAudit.reason).where(
            VaultAudit.action == "pin_replace", VaultAudit.reason.like(f"{_STATEMENT_PREFIX}%|%")
        )
    )
    for reason in reasons:
        parsed = _parse_statement(reason)
        if parsed is None:
            continue
        key_id, pub, sig = parsed
        if key_id <= pinned_id or (best is not None and key_id <= best[0]):
            continue
        if verify_recovery_pubkey(org_pub, key_id, pub, sig):
            best = (key_id, pub)
    return best


def vouched_recovery_pin(s: Session, org_pub: bytes) -> tuple[int, bytes] | None:
    """The newest recovery key whose published statement verifies under `org_pub`, or None.

    What a technician pins when no bundle of theirs can be opened (enrolment, a forgotten
    password): `vault_settings` is for display and any database writer can change it.
    """
    return newer_recovery_pin(s, org_pub, 0)


def required_recovery_pin(s: Session, org_pub: bytes) -> tuple[int, bytes]:
    """`vouched_recovery_pin`, or VaultError when no statement verifies under `org_pub`."""
    vouched = vouched_recovery_pin(s, org_pub)
    if vouched is None:
        raise VaultError(
            "the recovery key is not signed by the organisation key yet: ask an administrator "
            "to unlock the vault once, then try again"
        )
    return vouched


def publish_recovery_statement(
    s: Session, org_seed: bytes, key_id: int, pub: bytes, technician_id: int, now: dt.datetime
) -> None:
    """Sign `recovery:<key_id>` with the org key and publish it as a `pin_replace` audit row."""
    signature = sign_recovery_pubkey(org_seed, key_id, pub)
    entry = AuditEntry("pin_replace", technician_id, reason=_statement(key_id, pub, signature))
    append(s, entry, now)


def ensure_recovery_statement(
    s: Session, org_seed: bytes, key_id: int, pub: bytes, technician_id: int, now: dt.datetime
) -> bool:
    """Publish the statement for my pinned recovery key when none verifies for its id yet (a
    vault set up before first setup published one); True when a statement was written.

    Never a second statement for an id already vouched for: if another one verifies with a
    different key, two bundles disagree about that id, and signing mine too would leave the
    choice to row order. That is logged for an administrator to look into.
    """
    org_pub = crypto.org_signing_public_key(org_seed)
    reasons = s.scalars(
        select(VaultAudit.reason).where(
            VaultAudit.action == "pin_replace",
            VaultAudit.reason.like(f"{_STATEMENT_PREFIX}{int(key_id)}|%"),
        )
    )
    for reason in reasons:
        parsed = _parse_statement(reason)
        if parsed is None or parsed[0] != key_id:
            continue
        if verify_recovery_pubkey(org_pub, key_id, parsed[1], parsed[2]):
            if parsed[1] != bytes(pub):
                log.warning("recovery key %d: the signed statement differs from my pin", key_id)
            return False
    publish_recovery_statement(s, org_seed, key_id, bytes(pub), technician_id, now)
    return True


# -- break-glass -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recovered:
    """What a committed break-glass leaves in the session (`apply_recovered`)."""

    kit: RecoveryKit
    recovery_id: int
    recovery_pub: bytes
    #: The break-glass granted vaults to the caller themselves: keep working without an unlock.
    for_me: bool = False
    #: The org signing key, when it was granted to the caller.
    org_seed: bytes | None = None
    vault_keys: dict[tuple[int, int], bytes] = field(default_factory=dict)


def apply_recovered(service: VaultService, done: Recovered) -> None:
    """After the commit only: pin the new recovery key in memory (the bundle re-pins at the
    next password unlock, like everyone's) and hold the keys granted to the caller."""
    service._pinned_recovery_id, service._pinned_recovery = done.recovery_id, done.recovery_pub
    if not done.for_me or not service.cache.is_unlocked:
        return
    seed = done.org_seed or service.cache.org_signing_key()
    service.cache.unlock(service.cache.private_key(), org_signing_key=seed)
    for (vid, version), key in done.vault_keys.items():
        service.cache.put_vault_key(vid, version, key)


def recover(
    service: VaultService,
    kit_text: str,
    technician_id: int | None = None,
    vault_ids: Collection[int] | None = None,
) -> RecoveryKit:
    """Break-glass (admins, unlocked): grant vaults through the recovery kit, then replace it.

    See `VaultService.recover` for the contract.
    """
    recovery_sk = parse_kit(kit_text)
    now = service.clock()
    refused: VaultError | None = None
    done: Recovered | None = None
    with service.db.write() as s:
        service._require_admin(s)
        settings = service._settings(s)
        org_pub = service._pinned_org_pub(settings)
        old_id, old_pub = service._recovery_target(s)
        if crypto.x25519_public_key(recovery_sk) != old_pub:
            # Raised after the commit, so the refused attempt stays on record.
            refused = RecoveryKitInvalid(
                "this recovery kit does not belong to the current recovery key"
            )
            entry = AuditEntry("recovery_used", service.technician_id, outcome="denied")
            append(s, entry, now)
        else:
            done = recover_in(
                service, s, recovery_sk, old_id, org_pub,
                technician_id or service.technician_id, vault_ids, now,
            )  # fmt: skip
    if refused is not None:
        raise refused
    assert done is not None
    apply_recovered(service, done)
    return done.kit


def parse_kit(kit_text: str) -> bytes:
    """The recovery private key; `RecoveryKitInvalid` for a mistyped or malformed kit."""
    try:
        return parse_recovery_kit(kit_text)
    except ValueError as e:
        raise RecoveryKitInvalid(str(e)) from None


def recover_in(
    service: VaultService,
    s: Session,
    recovery_sk: bytes,
    old_id: int,
    org_pub: bytes,
    technician_id: int,
    vault_ids: Collection[int] | None,
    now: dt.datetime,
) -> Recovered:
    """The whole break-glass inside the caller's transaction; the session itself is left alone
    (the caller applies the result with `apply_recovered` after the commit).

    `recovery_sk` must already be known to be the key of `recovery:<old_id>`, and `org_pub` the
    org key to trust (pinned, or for a locked-out single admin, the one the kit's grant opens).
    """
    old_recipient = crypto.recovery_recipient(old_id)
    keys: dict[tuple[int, int], bytes] = {}
    for grant in s.scalars(select(VaultGrant).where(VaultGrant.recipient == old_recipient)):
        aad = crypto.grant_aad(grant.vault_id, grant.key_version, old_recipient)
        keys[(grant.vault_id, grant.key_version)] = crypto.open_grant(
            bytes(grant.sealed_grant), recovery_sk, aad,
            row_id=f"{grant.vault_id}/{grant.key_version}/{old_recipient}",
        )  # fmt: skip
    vaults = {v.id: v for v in s.scalars(select(Vault))}
    org_vault = next((v for v in vaults.values() if v.kind == VaultKind.ORG_SIGNING.value), None)
    if org_vault is None or (org_vault.id, org_vault.current_version) not in keys:
        raise VaultError("the recovery key holds no grant to the organisation signing key")
    org_seed = keys[(org_vault.id, org_vault.current_version)]
    if crypto.org_signing_public_key(org_seed) != bytes(org_pub):
        raise VaultError("the recovered organisation key is not the pinned one")

    target = s.get(Technician, technician_id)
    if target is None or not target.active:
        raise PermissionDenied("unknown or inactive technician")
    target_pub = _target_pub(service, s, technician_id, org_pub, org_seed, now)
    chosen = _chosen_vaults(vaults, keys, vault_ids, is_admin=target.role is Role.ADMIN)
    recipient = crypto.user_recipient(technician_id)
    for vault_id in chosen:
        for (vid, version), key in keys.items():
            if vid != vault_id:
                continue
            aad = crypto.grant_aad(vid, version, recipient)
            s.merge(
                VaultGrant(
                    vault_id=vid, key_version=version, recipient=recipient,
                    sealed_grant=crypto.seal_grant(key, target_pub, aad),
                    granted_by_id=service.technician_id, granted_at=now,
                )
            )  # fmt: skip
        append(
            s,
            AuditEntry(
                "grant", service.technician_id, client_id=vaults[vault_id].client_id,
                vault_id=vault_id, reason=recipient,
            ),
            now,
        )  # fmt: skip

    # A new recovery key for every vault: the recovery grants, plus any current version the
    # caller holds that somehow lacked one.
    for vault in vaults.values():
        if (vault.id, vault.current_version) not in keys:
            try:
                keys[(vault.id, vault.current_version)] = service._vault_key(
                    s, vault.id, vault.current_version
                )
            except (PermissionDenied, VaultLocked):
                continue
    settings = service._settings(s)
    new_id = max(old_id, settings.recovery_key_id or 0) + 1
    new_sk, new_pub = crypto.generate_x25519_keypair()
    new_recipient = crypto.recovery_recipient(new_id)
    s.execute(delete(VaultGrant).where(VaultGrant.recipient.like("recovery:%")))
    for (vid, version), key in keys.items():
        aad = crypto.grant_aad(vid, version, new_recipient)
        s.add(
            VaultGrant(
                vault_id=vid, key_version=version, recipient=new_recipient,
                sealed_grant=crypto.seal_grant(key, new_pub, aad),
                granted_by_id=service.technician_id, granted_at=now,
            )
        )  # fmt: skip
    settings.recovery_pub, settings.recovery_key_id = new_pub, new_id
    append(
        s,
        AuditEntry(
            "recovery_used", service.technician_id,
            reason=f"{old_recipient} to {recipient}: {len(chosen)} vault(s)",
        ),
        now,
    )  # fmt: skip
    publish_recovery_statement(s, org_seed, new_id, new_pub, service.technician_id, now)
    s.flush()
    return Recovered(
        recovery_kit(new_id, new_sk), new_id, new_pub,
        for_me=technician_id == service.technician_id,
        org_seed=org_seed if org_vault.id in chosen else None,
        vault_keys={k: v for k, v in keys.items() if k[0] in chosen},
    )  # fmt: skip


def _target_pub(
    service: VaultService,
    s: Session,
    technician_id: int,
    org_pub: bytes,
    org_seed: bytes,
    now: dt.datetime,
) -> bytes:
    """The recipient's verified public key. The caller's own unsigned key (after a key reset)
    is signed here with the recovered org key: whoever holds the kit is the org's root of
    trust, and nobody else is left to compare fingerprints with a lone admin."""
    keys = s.get(TechnicianKeys, technician_id)
    if keys is None or keys.disabled_at is not None:
        raise PermissionDenied("that technician has no usable vault keys")
    pub = bytes(keys.x25519_pub)
    sig = keys.pubkey_sig
    if sig is not None and crypto.verify_user_pubkey(org_pub, technician_id, pub, bytes(sig)):
        return pub
    if technician_id != service.technician_id:
        raise PermissionDenied("that technician's key is not signed by the organisation")
    keys.pubkey_sig = crypto.sign_user_pubkey(org_seed, technician_id, pub)
    keys.signed_by_id, keys.signed_at = service.technician_id, now
    return pub


def _chosen_vaults(
    vaults: dict[int, Vault],
    keys: dict[tuple[int, int], bytes],
    vault_ids: Collection[int] | None,
    *,
    is_admin: bool,
) -> list[int]:
    recoverable = {vid for vid, version in keys if vaults.get(vid) is not None}
    org_ids = {v.id for v in vaults.values() if v.kind == VaultKind.ORG_SIGNING.value}
    if vault_ids is None:
        chosen = recoverable if is_admin else recoverable - org_ids
        return sorted(chosen)
    for vid in vault_ids:
        if vid not in vaults:
            raise VaultError(f"no such vault: {vid}")
        if vid not in recoverable:
            raise VaultError(f"the recovery key holds no grant to vault {vid}")
        if vid in org_ids and not is_admin:
            raise PermissionDenied("only administrators hold the organisation signing key")
    return sorted(set(vault_ids))
