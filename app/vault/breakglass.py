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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import Technician, TechnicianKeys, Vault, VaultAudit, VaultGrant
from app.models.enums import Role
from app.vault import crypto
from app.vault.audit_log import AuditEntry, append
from app.vault.errors import PermissionDenied, VaultError
from app.vault.recovery import RecoveryKit, parse_recovery_kit, recovery_kit
from app.vault.types import VaultKind

if TYPE_CHECKING:
    from app.vault.service import VaultService

_STATEMENT_PREFIX: Final = "recovery:"


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


# -- break-glass -------------------------------------------------------------------------------


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
            kit = recover_in(
                service, s, recovery_sk, old_id, org_pub,
                technician_id or service.technician_id, vault_ids, now,
            )  # fmt: skip
    if refused is not None:
        raise refused
    return kit


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
) -> RecoveryKit:
    """The whole break-glass inside the caller's transaction; returns the new kit.

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
            except PermissionDenied:
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
    signature = sign_recovery_pubkey(org_seed, new_id, new_pub)
    append(
        s,
        AuditEntry(
            "recovery_used", service.technician_id,
            reason=f"{old_recipient} to {recipient}: {len(chosen)} vault(s)",
        ),
        now,
    )  # fmt: skip
    append(
        s,
        AuditEntry(
            "pin_replace", service.technician_id, reason=_statement(new_id, new_pub, signature)
        ),
        now,
    )
    s.flush()
    # In memory only: my own bundle re-pins at my next password unlock, like everyone's.
    service._pinned_recovery_id, service._pinned_recovery = new_id, new_pub
    if technician_id == service.technician_id and service.cache.is_unlocked:
        # Keep working without another unlock: the org key too when it was granted.
        seed = org_seed if org_vault.id in chosen else service.cache.org_signing_key()
        service.cache.unlock(service.cache.private_key(), org_signing_key=seed)
        for (vid, version), key in keys.items():
            if vid in chosen:
                service.cache.put_vault_key(vid, version, key)
    return recovery_kit(new_id, new_sk)


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
