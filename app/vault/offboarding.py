"""Key rotation and technician revocation with its rotation worklist (vault.md §8.6, §8.7).

Rotation makes version n+1 of a vault key, seals it to every current grantee whose signature
still verifies and to the recovery key, re-encrypts every item under the new associated data
and drops the old grants, all in one transaction. Revocation disables a technician's keys,
deletes their devices and grants, rotates every vault they held and lists the client passwords
to change: rotating keys protects later changes; only new client passwords protect what was seen.

**The org-signing vault is never rotated.** Its "vault key" is the org's Ed25519 seed, pinned
(as its public key) in every bundle and behind every signature: a random new "version" would be
a key nobody trusts. Replacing the org key is a signed hand-over (vault.md §15, later), so
`rotate` refuses it (`OrgKeyNotRotated`), and revocation or a key reset only deletes the
person's grant to it and says so in its report (`org_key_exposed`).

**Revocation does not stop half-way.** One transaction disables the keys, deletes devices and
grants, records every vault they held (one `revoke` audit row per vault, `vault_id` and reason
`user:<id>`) and writes the whole worklist. Then each vault is rotated in a transaction of its
own; a vault that cannot be (no admin here holds it: `not_rotated`; an item that fails its
integrity check: `failed`) is reported, and the others go on. Running `revoke_user` again for
the same technician retries the rotations from that record, without duplicating worklist rows.

**Who held what** is taken generously, since rotating one vault too many costs only time:
current grants, audit `grant` rows naming them, `vault_create` rows they wrote (the creator is
granted), their `key_reset` rows (vaults held before a reset) and earlier `revoke` records.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from app.models import (
    RotationWorklist,
    Technician,
    TechnicianDevice,
    TechnicianKeys,
    Vault,
    VaultAudit,
    VaultGrant,
    VaultItem,
)
from app.models.enums import Role
from app.vault import crypto, record_macs
from app.vault.audit_log import AuditEntry, append
from app.vault.errors import PermissionDenied, VaultError
from app.vault.grants import others_can_sign, require_live_keys
from app.vault.types import SECRET_FIELDS, VaultKind

if TYPE_CHECKING:
    from app.vault.service import VaultService

log = logging.getLogger(__name__)

#: Audit actions that put a secret in front of the technician.
REVEAL_ACTIONS: Final = ("view", "copy", "launch", "export", "totp")


@dataclass(frozen=True, slots=True)
class RevocationReport:
    technician_id: int
    #: Vaults rotated to a new key version.
    rotated: tuple[int, ...]
    #: Vaults no admin here could open: rotate them with the recovery key.
    not_rotated: tuple[int, ...]
    #: Worklist rows created: items they revealed, and the rest of their vaults.
    revealed: int
    could_reveal: int
    #: Vaults whose rotation failed (e.g. an item failing its integrity check): investigate,
    #: then run the revocation again to retry them.
    failed: tuple[int, ...] = ()
    #: They held the org signing key, which is not rotated (vault.md §15): their grant to it
    #: is deleted, but a copy they kept still signs keys. Treat it as a serious incident.
    org_key_exposed: bool = False


class OrgKeyNotRotated(VaultError):
    """The org-signing vault holds the org's Ed25519 seed: it is never rotated (§15: later)."""

    def __init__(self) -> None:
        super().__init__(
            "the organisation signing key cannot be rotated: every bundle pins it, and replacing "
            "it needs a signed hand-over, which this version does not do yet"
        )


def rotate(service: VaultService, vault_id: int, cause: str) -> int:
    """Rotate one vault's key; returns the new version."""
    now = service.clock()
    with service.db.write() as s:
        require_live_keys(service, s)  # a revoked session learns no new key
        version = _rotate_in(service, s, vault_id, cause, now)
    return version


def _rotate_in(
    service: VaultService, s: Session, vault_id: int, cause: str, now: dt.datetime
) -> int:
    settings = service._settings(s)
    # PostgreSQL: one rotation at a time per vault (SQLite writers already hold BEGIN IMMEDIATE).
    vault = s.get(Vault, vault_id, with_for_update=True)
    if vault is None:
        raise VaultError("no such vault")
    if vault.kind == VaultKind.ORG_SIGNING.value:
        raise OrgKeyNotRotated()
    old = vault.current_version
    old_key = service._vault_key(s, vault_id, old)
    new = old + 1
    new_key = crypto.generate_vault_key()
    grantees: dict[int, bytes] = {}
    for recipient in s.scalars(
        select(VaultGrant.recipient).where(
            VaultGrant.vault_id == vault_id, VaultGrant.key_version == old
        )
    ):
        if not recipient.startswith("user:"):
            continue
        technician_id = int(recipient.removeprefix("user:"))
        try:
            grantees[technician_id] = service._verified_pub(s, technician_id, settings)
        except PermissionDenied:
            continue  # revoked or no longer signed: left out of the new version
    service._seal_grants(s, vault_id, new, new_key, grantees, now)
    for item in s.scalars(select(VaultItem).where(VaultItem.vault_id == vault_id)):
        item_id = uuid.UUID(item.id)
        for name in SECRET_FIELDS:
            blob = getattr(item, f"enc_{name}")
            if blob is None:
                continue
            plain = crypto.open_field(
                old_key, bytes(blob), vault_id=vault_id, key_version=item.key_version,
                item_id=item_id, field=name,
            )  # fmt: skip
            sealed = crypto.seal_field(
                new_key, plain, vault_id=vault_id, key_version=new, item_id=item_id, field=name
            )
            setattr(item, f"enc_{name}", sealed)
        item.key_version = new
    s.execute(
        delete(VaultGrant).where(VaultGrant.vault_id == vault_id, VaultGrant.key_version < new)
    )
    vault.current_version = new
    vault.rotated_at = now
    s.flush()
    service.cache.put_vault_key(vault_id, new, new_key)
    record_macs.resign_in(service, s, vault, old_key, old)
    append(
        s,
        AuditEntry(
            "rotate",
            service.technician_id,
            client_id=vault.client_id,
            vault_id=vault_id,
            reason=cause,
        ),
        now,
    )
    service.cache.forget_vault(vault_id)
    service.cache.put_vault_key(vault_id, new, new_key)
    return new


def revoke_user(service: VaultService, technician_id: int) -> RevocationReport:
    """Offboard a technician from the vault (admins holding a signed key)."""
    now = service.clock()
    recipient = crypto.user_recipient(technician_id)
    with service.db.write() as s:
        service._require_admin(s)
        _refuse_last_admin(service, s, technician_id)
        keys = s.get(TechnicianKeys, technician_id)
        if keys is None:
            raise VaultError("that technician has no vault keys")
        held = held_vaults(s, technician_id)
        vaults = {v.id: v for v in s.scalars(select(Vault).where(Vault.id.in_(held)))}
        org_ids = {v for v, vault in vaults.items() if vault.kind == VaultKind.ORG_SIGNING.value}
        if keys.disabled_at is None:
            keys.disabled_at = now
        s.execute(delete(TechnicianDevice).where(TechnicianDevice.technician_id == technician_id))
        s.execute(delete(VaultGrant).where(VaultGrant.recipient == recipient))
        append(s, AuditEntry("revoke", service.technician_id, reason=recipient), now)
        for vault_id in sorted(vaults):  # the record a retry works from
            entry = AuditEntry(
                "revoke", service.technician_id, client_id=vaults[vault_id].client_id,
                vault_id=vault_id, reason=recipient,
            )  # fmt: skip
            append(s, entry, now)
        revealed, could = _worklist(s, technician_id, sorted(vaults), now)
    if org_ids:
        log.warning("revoked technician %d held the organisation signing key", technician_id)
    rotated: list[int] = []
    not_rotated: list[int] = []
    failed: list[int] = []
    for vault_id in sorted(set(vaults) - org_ids):
        try:
            rotate(service, vault_id, f"revoke {recipient}")
            rotated.append(vault_id)
        except PermissionDenied:
            not_rotated.append(vault_id)
        except VaultError as e:
            log.warning("rotating vault %d on revocation failed: %s", vault_id, e)
            failed.append(vault_id)
    return RevocationReport(
        technician_id, tuple(rotated), tuple(not_rotated), revealed, could, tuple(failed),
        org_key_exposed=bool(org_ids),
    )  # fmt: skip


def held_vaults(s: Session, technician_id: int) -> set[int]:
    """Every vault the technician holds or ever held, as far as grants and the audit tell."""
    recipient = crypto.user_recipient(technician_id)
    held = set(s.scalars(select(VaultGrant.vault_id).where(VaultGrant.recipient == recipient)))
    history = s.scalars(
        select(VaultAudit.vault_id).where(
            VaultAudit.vault_id.is_not(None),
            or_(
                VaultAudit.action.in_(("grant", "key_reset", "revoke"))
                & (VaultAudit.reason == recipient),
                (VaultAudit.action == "vault_create") & (VaultAudit.technician_id == technician_id),
            ),
        )
    )
    held.update(v for v in history if v is not None)
    return held


def _refuse_last_admin(service: VaultService, s: Session, technician_id: int) -> None:
    """An admin cannot revoke themselves, nor the last active admin holding the org signing key
    (nobody would be left to sign keys, grant vaults or rotate them); and only an admin whose
    own key is signed revokes anyone."""
    if technician_id == service.technician_id:
        raise PermissionDenied("you cannot revoke yourself: ask another administrator")
    target = s.get(Technician, technician_id)
    if target is not None and target.role is Role.ADMIN and not others_can_sign(s, technician_id):
        raise PermissionDenied(
            "the last active administrator holding the organisation key cannot be revoked"
        )
    try:
        service._verified_pub(s, service.technician_id, service._settings(s))
    except PermissionDenied:
        raise PermissionDenied(
            "your own vault key is not signed yet: ask another administrator"
        ) from None


def _worklist(
    s: Session, technician_id: int, vault_ids: list[int], now: dt.datetime
) -> tuple[int, int]:
    """Worklist rows for every item they revealed or could have; an item that already has an
    open row for them (a revocation run again) gets no second one."""
    revealed = could = 0
    last_seen: dict[str, dt.datetime] = {}
    for item_id, at in s.execute(
        select(VaultAudit.item_id, VaultAudit.at).where(
            VaultAudit.technician_id == technician_id,
            VaultAudit.action.in_(REVEAL_ACTIONS),
            VaultAudit.outcome == "ok",
            VaultAudit.item_id.is_not(None),
        )
    ):
        if item_id is not None and (item_id not in last_seen or at > last_seen[item_id]):
            last_seen[item_id] = at
    items = s.scalars(select(VaultItem.id).where(VaultItem.vault_id.in_(vault_ids))).all()
    open_rows = set(
        s.scalars(
            select(RotationWorklist.item_id).where(
                RotationWorklist.subject_technician_id == technician_id,
                RotationWorklist.done_at.is_(None),
            )
        )
    )
    for item_id in sorted({*items, *last_seen} - open_rows):
        seen = item_id in last_seen
        s.add(
            RotationWorklist(
                created_at=now,
                cause="revoke",
                subject_technician_id=technician_id,
                item_id=item_id,
                basis="revealed" if seen else "could_reveal",
                last_revealed_at=last_seen.get(item_id),
            )
        )
        if seen:
            revealed += 1
        else:
            could += 1
    return revealed, could
