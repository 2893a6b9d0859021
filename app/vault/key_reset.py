"""Key reset: a forgotten or compromised vault password (vault.md §8.8, §8.9).

Written as functions taking the service, like `offboarding.py`.

The technician enrols a new key pair under a new password, like `enrol`, pinning the org and
recovery keys from `vault_settings` (the old bundle cannot be opened); their key row is replaced
and stays unsigned until an admin compares fingerprints and signs again. Their grants and
devices are deleted in the same transaction.

**"Same access as before."** The vaults they held are recorded in the audit, not in a new
table: one `key_reset` row per held vault (`vault_id`, reason `user:<id>`), then one summary row
without a vault. `regrant_after_reset` takes the rows of the latest reset. Grant history
(`grant` rows) would also list vaults they had since been removed from.

**Compromised password.** `rotate=True` also rotates every vault they held, in the same
transaction, with the keys their old session still holds (so they must be unlocked); after a
forgotten password an admin rotates instead (`regrant_after_reset(..., rotate=True)`).

**Nobody left to sign.** When no other active admin holds the org signing key (single-user
mode, or the last admin), a new key could never be signed: the reset is refused with
`RecoveryKitRequired` unless the recovery kit is given, and then it runs break-glass for the
caller in the same transaction (self-signed with the org key the kit opens, every vault
granted back, a new recovery kit returned).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import Technician, TechnicianDevice, TechnicianKeys, Vault, VaultAudit, VaultGrant
from app.models.enums import Role
from app.vault import crypto, kdf
from app.vault.audit_log import AuditEntry, append
from app.vault.breakglass import RecoveryKitInvalid, parse_kit, recover_in
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.offboarding import _rotate_in
from app.vault.recovery import RecoveryKit
from app.vault.types import VaultKind

if TYPE_CHECKING:
    from app.vault.service import VaultService


class RecoveryKitRequired(PermissionDenied):
    """No other administrator could sign a new key: only the recovery kit helps (§8.9)."""

    def __init__(self) -> None:
        super().__init__("no other administrator can sign a new key: reset with the recovery kit")


@dataclass(frozen=True, slots=True)
class KeyResetReport:
    #: Of the new public key: the admin compares it out of band before signing.
    fingerprint: str
    #: The vaults held before the reset (what `regrant_after_reset` grants back).
    vaults: tuple[int, ...]
    #: Vaults rotated because the password may be compromised.
    rotated: tuple[int, ...]
    #: With the recovery kit: the replacement kit, to show once. Everything is granted back.
    new_kit: RecoveryKit | None = None


@dataclass(frozen=True, slots=True)
class RegrantReport:
    technician_id: int
    granted: tuple[int, ...]
    #: Vaults this admin holds no key to: someone holding them (or the recovery kit) grants.
    missing: tuple[int, ...]
    rotated: tuple[int, ...] = ()


def reset_keys(
    service: VaultService, password: str, *, rotate: bool = False, kit_text: str | None = None
) -> KeyResetReport:
    """See `VaultService.reset_keys`."""
    me = service.technician_id
    recovery_sk = None if kit_text is None else parse_kit(kit_text)
    now = service.clock()
    if rotate and not service.cache.is_unlocked:
        raise VaultLocked("unlock with your current password to rotate your vaults")
    with service.db.write() as s:
        tech = service._technician(s)
        settings = service._settings(s)
        keys = s.get(TechnicianKeys, me)
        if keys is None:
            raise VaultError("no vault keys yet: enrol instead")
        if keys.disabled_at is not None:
            raise PermissionDenied("your vault access was revoked")
        kdf.check_vault_password(password, tech.email)
        if recovery_sk is None and not _others_can_sign(s, me):
            raise RecoveryKitRequired()
        if service._pinned_org is not None and service.cache.is_unlocked:
            # Still unlocked ("may be compromised"): keep the pins of the old bundle.
            org_pub, recovery = service._pinned_org, service._recovery_target(s)
        else:  # forgotten: the old bundle cannot be opened, so pin like `enrol` does
            org_pub, recovery = bytes(settings.org_sign_pub or b""), service._settings_recovery(s)
        if recovery_sk is not None:
            if tech.role is not Role.ADMIN:
                raise PermissionDenied("only an administrator uses the recovery kit")
            if crypto.x25519_public_key(recovery_sk) != recovery[1]:
                raise RecoveryKitInvalid(
                    "this recovery kit does not belong to the current recovery key"
                )
        held = _held(s, me)
        rotated: list[int] = []
        if rotate:
            # Open every held key with the old session while its grants still exist.
            for vault_id in held:
                vault = s.get(Vault, vault_id)
                assert vault is not None
                service._vault_key(s, vault_id, vault.current_version)
        recipient = crypto.user_recipient(me)
        s.execute(delete(VaultGrant).where(VaultGrant.recipient == recipient))
        s.execute(delete(TechnicianDevice).where(TechnicianDevice.technician_id == me))
        for vault_id in held:
            vault = s.get(Vault, vault_id)
            entry = AuditEntry(
                "key_reset", me, client_id=vault.client_id if vault else None,
                vault_id=vault_id, reason=recipient,
            )  # fmt: skip
            append(s, entry, now)
        append(s, AuditEntry("key_reset", me, reason=recipient), now)
        if rotate:
            for vault_id in held:
                _rotate_in(service, s, vault_id, f"key_reset {recipient}", now)
                rotated.append(vault_id)
        sk, pub = crypto.generate_x25519_keypair()
        service._store_keys(s, sk, pub, org_pub, recovery, password, now)
        new_kit = None
        if recovery_sk is not None:
            service.cache.unlock(sk)
            service._pin(org_pub, *recovery)
            try:
                new_kit = recover_in(service, s, recovery_sk, recovery[0], org_pub, me, None, now)
            except BaseException:
                service.cache.lock()  # the new key is rolled back with the rest
                raise
    if new_kit is None:
        service.cache.unlock(sk)
        service._pin(org_pub, *recovery)
    return KeyResetReport(crypto.fingerprint(pub), tuple(held), tuple(rotated), new_kit)


def regrant_after_reset(
    service: VaultService, technician_id: int, *, rotate: bool = False
) -> RegrantReport:
    """See `VaultService.regrant_after_reset`."""
    now = service.clock()
    recipient = crypto.user_recipient(technician_id)
    granted: list[int] = []
    missing: list[int] = []
    rotated: list[int] = []
    with service.db.write() as s:
        service._require_admin(s)
        settings = service._settings(s)
        target = s.get(Technician, technician_id)
        if target is None or not target.active:
            raise PermissionDenied("unknown or inactive technician")
        try:
            pub = service._verified_pub(s, technician_id, settings)
        except PermissionDenied:
            raise PermissionDenied(
                "sign the new key first, after comparing fingerprints with the technician"
            ) from None
        held = last_reset_vaults(s, technician_id)
        if held is None:
            raise VaultError("that technician has not reset their key")
        for vault_id in held:
            vault = s.get(Vault, vault_id)
            if vault is None:
                continue  # deleted since
            if vault.kind == VaultKind.ORG_SIGNING.value and target.role is not Role.ADMIN:
                continue  # no longer an admin: the org key is not theirs any more
            try:
                if rotate:
                    _rotate_in(service, s, vault_id, f"key_reset {recipient}", now)
                    rotated.append(vault_id)
                key = service._vault_key(s, vault_id, vault.current_version)
            except PermissionDenied:
                missing.append(vault_id)
                continue
            aad = crypto.grant_aad(vault_id, vault.current_version, recipient)
            s.merge(
                VaultGrant(
                    vault_id=vault_id, key_version=vault.current_version, recipient=recipient,
                    sealed_grant=crypto.seal_grant(key, pub, aad),
                    granted_by_id=service.technician_id, granted_at=now,
                )
            )  # fmt: skip
            entry = AuditEntry(
                "grant", service.technician_id, client_id=vault.client_id, vault_id=vault_id,
                reason=recipient,
            )  # fmt: skip
            append(s, entry, now)
            granted.append(vault_id)
    return RegrantReport(technician_id, tuple(granted), tuple(missing), tuple(rotated))


def last_reset_vaults(s: Session, technician_id: int) -> list[int] | None:
    """The vaults recorded by the technician's latest key reset; None if they never reset."""
    rows = s.execute(
        select(VaultAudit.vault_id)
        .where(
            VaultAudit.action == "key_reset",
            VaultAudit.technician_id == technician_id,
            VaultAudit.reason == crypto.user_recipient(technician_id),
            VaultAudit.outcome == "ok",
        )
        .order_by(VaultAudit.id.desc())
    )
    held: list[int] | None = None
    for (vault_id,) in rows:
        if vault_id is None:  # a summary row closes one reset (they come last)
            if held is not None:
                break
            held = []
        elif held is not None:
            held.append(vault_id)
    return None if held is None else sorted(held)


def _held(s: Session, technician_id: int) -> list[int]:
    recipient = crypto.user_recipient(technician_id)
    return sorted(
        set(s.scalars(select(VaultGrant.vault_id).where(VaultGrant.recipient == recipient)))
    )


def _others_can_sign(s: Session, me: int) -> bool:
    """True when another active admin with live keys holds the org signing key."""
    org_vault = s.scalar(select(Vault).where(Vault.kind == VaultKind.ORG_SIGNING.value))
    if org_vault is None:
        return False
    admins = s.scalars(
        select(Technician.id)
        .join(TechnicianKeys, TechnicianKeys.technician_id == Technician.id)
        .where(
            Technician.role == Role.ADMIN,
            Technician.active.is_(True),
            Technician.id != me,
            TechnicianKeys.disabled_at.is_(None),
        )
    )
    for admin_id in admins:
        key = (org_vault.id, org_vault.current_version, crypto.user_recipient(admin_id))
        if s.get(VaultGrant, key) is not None:
            return True
    return False
