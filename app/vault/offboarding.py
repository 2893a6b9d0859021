"""Key rotation and technician revocation with its rotation worklist (vault.md §8.6, §8.7).

Rotation makes version n+1 of a vault key, seals it to every current grantee whose signature
still verifies and to the recovery key, re-encrypts every item under the new associated data
and drops the old grants, all in one transaction. Revocation disables a technician's keys,
deletes their devices and grants, rotates every vault they held and lists the client passwords
to change: rotating keys protects later changes; only new client passwords protect what was seen.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from sqlalchemy import delete, func, select
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
from app.vault import crypto
from app.vault.audit_log import AuditEntry, append
from app.vault.errors import PermissionDenied, VaultError
from app.vault.types import SECRET_FIELDS

if TYPE_CHECKING:
    from app.vault.service import VaultService

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


def rotate(service: VaultService, vault_id: int, cause: str) -> int:
    """Rotate one vault's key; returns the new version."""
    now = service.clock()
    with service.db.write() as s:
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
    """Offboard a technician from the vault (admins only)."""
    now = service.clock()
    recipient = crypto.user_recipient(technician_id)
    with service.db.write() as s:
        service._require_admin(s)
        _refuse_last_admin(service, s, technician_id)
        keys = s.get(TechnicianKeys, technician_id)
        if keys is None:
            raise VaultError("that technician has no vault keys")
        held = set(s.scalars(select(VaultGrant.vault_id).where(VaultGrant.recipient == recipient)))
        # Vaults granted in the past and since rotated away count too: they saw those keys.
        held |= {
            v
            for v in s.scalars(
                select(VaultAudit.vault_id).where(
                    VaultAudit.action.in_(("grant", "vault_create")),
                    VaultAudit.reason == recipient,
                )
            )
            if v is not None
        }
        keys.disabled_at = now
        s.execute(delete(TechnicianDevice).where(TechnicianDevice.technician_id == technician_id))
        s.execute(delete(VaultGrant).where(VaultGrant.recipient == recipient))
        append(s, AuditEntry("revoke", service.technician_id, reason=recipient), now)
    rotated: list[int] = []
    not_rotated: list[int] = []
    for vault_id in sorted(held):
        try:
            rotate(service, vault_id, f"revoke {recipient}")
            rotated.append(vault_id)
        except PermissionDenied:
            not_rotated.append(vault_id)
    revealed, could = _worklist(service, technician_id, sorted(held), now)
    return RevocationReport(technician_id, tuple(rotated), tuple(not_rotated), revealed, could)


def _refuse_last_admin(service: VaultService, s: Session, technician_id: int) -> None:
    """An admin cannot revoke themselves, nor the last active admin: nobody would be left
    to sign keys, grant vaults or rotate them."""
    if technician_id == service.technician_id:
        raise PermissionDenied("you cannot revoke yourself: ask another administrator")
    target = s.get(Technician, technician_id)
    if target is None or target.role is not Role.ADMIN:
        return
    others = s.scalar(
        select(func.count())
        .select_from(Technician)
        .join(TechnicianKeys, TechnicianKeys.technician_id == Technician.id)
        .where(
            Technician.role == Role.ADMIN,
            Technician.active.is_(True),
            Technician.id != technician_id,
            TechnicianKeys.disabled_at.is_(None),
        )
    )
    if not others:
        raise PermissionDenied("the last active administrator cannot be revoked")


def _worklist(
    service: VaultService, technician_id: int, vault_ids: list[int], now: dt.datetime
) -> tuple[int, int]:
    revealed = could = 0
    with service.db.write() as s:
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
        for item_id in {*items, *last_seen}:
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
