"""Key reset: a forgotten or compromised vault password (vault.md §8.8, §8.9).

Written as functions taking the service, like `offboarding.py`.

The technician enrols a new key pair under a new password, like `enrol`; their key row is
replaced and stays unsigned until an admin compares fingerprints and signs again. Their grants
and devices are deleted in the same transaction.

**Pins after a forgotten password.** The old bundle cannot be opened, so the org key is pinned
from `vault_settings` (the admin compares its fingerprint before signing) and the recovery key
is the newest one *that org key signed* (`breakglass.vouched_recovery_pin`), never the public
key in `vault_settings`, which any database writer can swap. With no such statement the reset is
refused until an admin unlocks (which publishes it). With the recovery kit, the kit's own key is
pinned: it must be the vouched one (or, before any statement exists, the one vault_settings
names, whose grants it must then open).

**"Same access as before", and what can be trusted of it.** The vaults they held are recorded in
the audit, not in a new table: one `key_reset` row per vault with a grant row naming them
(`vault_id`, reason `user:<id>`), then one summary row without a vault. But in team mode every
technician's database login may INSERT into `vault_grants` and `vault_audit`, so that record
alone would let a technician plant a junk grant row for a vault they never had, "forget" their
password and have an admin seal its key to them. Nobody but the technician could check a grant
sealed to their old key, and that key is gone. So `regrant_after_reset` splits the record:

- *trusted*: a vault for which, since their previous reset, an `ok` audit row records a `grant`
  naming them written by **someone else**, or a `vault_create` written by them (a creator holds
  their vault). These are granted back by default.
- *unconfirmed*: the rest. They are listed (`RegrantReport.unconfirmed`), never granted by
  default; an admin who knows the technician had them ticks them (`vault_ids=`).

This stops a planted grant row. A writer who also forges hash-chained audit rows in someone
else's name can still get a vault into the trusted list (rows are not signed per technician),
which is why the restore dialog names every vault it grants for the admin to check.

**Compromised password.** `rotate=True` also rotates every vault they held, in the same
transaction, with the keys their old session still holds (so they must be unlocked); after a
forgotten password an admin rotates instead (`regrant_after_reset(..., rotate=True)`). The
org-signing vault is never rotated (`offboarding.OrgKeyNotRotated`): an admin's report says
`org_key_exposed` instead.

**Nobody left to sign.** When no other active admin holds the org signing key (single-user
mode, or the last admin), a new key could never be signed: the reset is refused with
`RecoveryKitRequired` unless the recovery kit is given, and then it runs break-glass for the
caller in the same transaction (self-signed with the org key the kit opens, every vault
granted back, a new recovery kit returned). The session's keys and pins change only after
that transaction commits.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import (
    Technician,
    TechnicianDevice,
    TechnicianKeys,
    Vault,
    VaultAudit,
    VaultGrant,
    VaultSettings,
)
from app.models.enums import Role
from app.vault import crypto, kdf
from app.vault.audit_log import AuditEntry, append
from app.vault.breakglass import (
    Recovered,
    RecoveryKitInvalid,
    apply_recovered,
    parse_kit,
    recover_in,
    required_recovery_pin,
    vouched_recovery_pin,
)
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.grants import others_can_sign
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
    #: `rotate=True` by an admin holding the org signing key, which is never rotated (§15).
    org_key_exposed: bool = False


@dataclass(frozen=True, slots=True)
class RegrantReport:
    technician_id: int
    granted: tuple[int, ...]
    #: Vaults this admin holds no key to: someone holding them (or the recovery kit) grants.
    missing: tuple[int, ...]
    rotated: tuple[int, ...] = ()
    #: Recorded at the reset but not corroborated (see the module docstring), and not ticked
    #: by the admin: not granted. The admin grants them only if the technician really had them.
    unconfirmed: tuple[int, ...] = ()
    #: `rotate=True` for an admin's org-signing grant, which is never rotated (§15).
    org_key_exposed: bool = False


@dataclass(frozen=True, slots=True)
class ResetRecord:
    """The vaults of a technician's latest key reset, split by how far they can be trusted."""

    trusted: tuple[int, ...]
    unconfirmed: tuple[int, ...]


def reset_keys(
    service: VaultService, password: str, *, rotate: bool = False, kit_text: str | None = None
) -> KeyResetReport:
    """See `VaultService.reset_keys`."""
    me = service.technician_id
    recovery_sk = None if kit_text is None else parse_kit(kit_text)
    now = service.clock()
    if rotate and not service.cache.is_unlocked:
        raise VaultLocked("unlock with your current password to rotate your vaults")
    done: Recovered | None = None
    with service.db.write() as s:
        tech = service._technician(s)
        settings = service._settings(s)
        keys = s.get(TechnicianKeys, me)
        if keys is None:
            raise VaultError("no vault keys yet: enrol instead")
        if keys.disabled_at is not None:
            raise PermissionDenied("your vault access was revoked")
        kdf.check_vault_password(password, tech.email)
        if recovery_sk is None and not others_can_sign(s, me):
            raise RecoveryKitRequired()
        if recovery_sk is not None and tech.role is not Role.ADMIN:
            raise PermissionDenied("only an administrator uses the recovery kit")
        if service._pinned_org is not None and service.cache.is_unlocked:
            # Still unlocked ("may be compromised"): keep the pins of the old bundle.
            org_pub, recovery = service._pinned_org, service._recovery_target(s)
        else:  # forgotten: the old bundle cannot be opened
            org_pub = bytes(settings.org_sign_pub or b"")
            recovery = _recovery_to_pin(s, settings, org_pub, recovery_sk)
        if recovery_sk is not None and crypto.x25519_public_key(recovery_sk) != recovery[1]:
            raise RecoveryKitInvalid(
                "this recovery kit does not belong to the current recovery key"
            )
        held = _held(s, me)
        org_held = [v for v in held if _is_org_vault(s, v)]
        to_rotate = [v for v in held if v not in org_held] if rotate else []
        # Open every key to rotate with the old session while its grants still exist.
        for vault_id in to_rotate:
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
        for vault_id in to_rotate:
            _rotate_in(service, s, vault_id, f"key_reset {recipient}", now)
        sk, pub = crypto.generate_x25519_keypair()
        service._store_keys(s, sk, pub, org_pub, recovery, password, now)
        if recovery_sk is not None:
            done = recover_in(service, s, recovery_sk, recovery[0], org_pub, me, None, now)
    # Only now that it is committed: the session holds the new key and pins.
    service.cache.unlock(sk)
    service._pin(org_pub, *recovery)
    if done is not None:
        apply_recovered(service, done)
    return KeyResetReport(
        crypto.fingerprint(pub), tuple(held), tuple(to_rotate),
        None if done is None else done.kit, org_key_exposed=rotate and bool(org_held),
    )  # fmt: skip


def _recovery_to_pin(
    s: Session,
    settings: VaultSettings,
    org_pub: bytes,
    recovery_sk: bytes | None,
) -> tuple[int, bytes]:
    """The recovery key a new bundle pins when the old one cannot be opened."""
    if recovery_sk is None:
        return required_recovery_pin(s, org_pub)
    kit_pub = crypto.x25519_public_key(recovery_sk)
    vouched = vouched_recovery_pin(s, org_pub)
    if vouched is not None:
        return vouched  # the caller refuses a kit that is not this key
    # No statement yet (set up before they existed): the kit proves its own key, provided
    # vault_settings names it; recover_in then needs it to open that id's grants.
    named = settings.recovery_key_id or 1
    if settings.recovery_pub is not None and bytes(settings.recovery_pub) == kit_pub:
        return named, kit_pub
    raise RecoveryKitInvalid("this recovery kit does not belong to the current recovery key")


def regrant_after_reset(
    service: VaultService,
    technician_id: int,
    *,
    rotate: bool = False,
    vault_ids: Collection[int] | None = None,
) -> RegrantReport:
    """See `VaultService.regrant_after_reset`. `vault_ids` None grants the trusted vaults of the
    latest reset; else exactly those ticked, each of which must be in that reset's record."""
    now = service.clock()
    recipient = crypto.user_recipient(technician_id)
    granted: list[int] = []
    missing: list[int] = []
    rotated: list[int] = []
    org_exposed = False
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
        record = reset_record(s, technician_id)
        if record is None:
            raise VaultError("that technician has not reset their key")
        if vault_ids is None:
            chosen = list(record.trusted)
        else:
            unknown = set(vault_ids) - {*record.trusted, *record.unconfirmed}
            if unknown:
                raise VaultError(
                    f"not held before their key reset: {sorted(unknown)}; grant those one by one"
                )
            chosen = sorted(set(vault_ids))
        for vault_id in chosen:
            vault = s.get(Vault, vault_id)
            if vault is None:
                continue  # deleted since
            is_org = vault.kind == VaultKind.ORG_SIGNING.value
            if is_org and target.role is not Role.ADMIN:
                continue  # no longer an admin: the org key is not theirs any more
            try:
                if rotate and is_org:
                    org_exposed = True  # never rotated (offboarding.OrgKeyNotRotated)
                elif rotate:
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
    unconfirmed = tuple(v for v in record.unconfirmed if v not in chosen)
    return RegrantReport(
        technician_id, tuple(granted), tuple(missing), tuple(rotated), unconfirmed, org_exposed
    )


def reset_record(s: Session, technician_id: int) -> ResetRecord | None:
    """The latest key reset's vaults, trusted or unconfirmed (module docstring); None if the
    technician never reset their key."""
    latest = _last_reset(s, technician_id)
    if latest is None:
        return None
    first_id, after_id, held = latest
    recipient = crypto.user_recipient(technician_id)
    window = (VaultAudit.id < first_id) & (VaultAudit.outcome == "ok")
    if after_id is not None:
        window &= VaultAudit.id > after_id
    vouched = set(
        s.scalars(
            select(VaultAudit.vault_id).where(
                window,
                VaultAudit.vault_id.in_(held),
                (
                    (VaultAudit.action == "grant")
                    & (VaultAudit.reason == recipient)
                    & (VaultAudit.technician_id != technician_id)
                )
                | (
                    (VaultAudit.action == "vault_create")
                    & (VaultAudit.technician_id == technician_id)
                ),
            )
        )
    )
    trusted = tuple(v for v in held if v in vouched)
    return ResetRecord(trusted, tuple(v for v in held if v not in vouched))


def last_reset_vaults(s: Session, technician_id: int) -> list[int] | None:
    """Every vault recorded by the technician's latest key reset (trusted or not); None if they
    never reset. What may be granted back by default is `reset_record(...).trusted`."""
    latest = _last_reset(s, technician_id)
    return None if latest is None else list(latest[2])


def _last_reset(s: Session, technician_id: int) -> tuple[int, int | None, list[int]] | None:
    """(id of the latest reset's first row, id of the previous reset's summary row or None,
    the vaults it recorded), or None if the technician never reset their key."""
    rows = s.execute(
        select(VaultAudit.id, VaultAudit.vault_id)
        .where(
            VaultAudit.action == "key_reset",
            VaultAudit.technician_id == technician_id,
            VaultAudit.reason == crypto.user_recipient(technician_id),
            VaultAudit.outcome == "ok",
        )
        .order_by(VaultAudit.id.desc())
    )
    held: list[int] | None = None
    first_id = 0
    for row_id, vault_id in rows:
        if vault_id is None:  # a summary row closes one reset (they come last)
            if held is not None:
                return first_id, row_id, sorted(held)
            held, first_id = [], row_id
        elif held is not None:
            held.append(vault_id)
            first_id = row_id
    return None if held is None else (first_id, None, sorted(held))


def _is_org_vault(s: Session, vault_id: int) -> bool:
    vault = s.get(Vault, vault_id)
    return vault is not None and vault.kind == VaultKind.ORG_SIGNING.value


def _held(s: Session, technician_id: int) -> list[int]:
    recipient = crypto.user_recipient(technician_id)
    return sorted(
        set(s.scalars(select(VaultGrant.vault_id).where(VaultGrant.recipient == recipient)))
    )
