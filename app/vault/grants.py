"""Granting a vault to a technician, and the key check of every write (vault.md §8.4, §2).

Written as functions taking the service, like `offboarding.py`.

**Who may receive what.** A grant is sealed only to a technician whose public key verifies under
the org key pinned in my bundle; the org-signing vault (whose "vault key" is the org's Ed25519
seed) only to an active administrator. A refusal is audited `grant_refused` and committed
before `PermissionDenied` is raised.

**Writes need a live grant, not just a cached key.** A session keeps the vault keys it opened
until it locks; revocation deletes grants and disables keys in the database, but cannot reach
into another workstation's memory. So every write (`held_key`: items, grants) checks, in its own
transaction, that I am an active technician with enabled keys and still hold a grant row for
the version written, before using the key (cached or opened from that grant).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Technician, TechnicianKeys, Vault, VaultGrant
from app.models.enums import Role
from app.vault import crypto
from app.vault.audit_log import AuditEntry, append
from app.vault.errors import PermissionDenied, VaultError
from app.vault.types import VaultKind

if TYPE_CHECKING:
    from app.vault.service import VaultService


def require_live_keys(service: VaultService, s: Session) -> None:
    """PermissionDenied unless I am an active technician whose vault keys are not disabled."""
    service._technician(s)
    keys = s.get(TechnicianKeys, service.technician_id)
    if keys is None or keys.disabled_at is not None:
        raise PermissionDenied("your vault access was revoked")


def held_key(service: VaultService, s: Session, vault_id: int, version: int) -> bytes:
    """The key of (vault, version) for a write: PermissionDenied unless I am active, my keys are
    enabled and I hold a grant row for that version; VaultLocked when locked."""
    require_live_keys(service, s)
    if s.get(VaultGrant, (vault_id, version, crypto.user_recipient(service.technician_id))) is None:
        service.cache.forget_vault(vault_id)
        raise PermissionDenied("no grant for this vault")
    return service._vault_key(s, vault_id, version)


def grant(service: VaultService, vault_id: int, technician_id: int) -> None:
    """See `VaultService.grant`."""
    now = service.clock()
    recipient = crypto.user_recipient(technician_id)
    refused: PermissionDenied | None = None
    with service.db.write() as s:
        settings = service._settings(s)
        vault = s.get(Vault, vault_id)
        if vault is None:
            raise VaultError("no such vault")
        try:
            if vault.kind == VaultKind.ORG_SIGNING.value:
                target = s.get(Technician, technician_id)
                if target is None or not target.active or target.role is not Role.ADMIN:
                    raise PermissionDenied("only administrators hold the organisation signing key")
            pub = service._verified_pub(s, technician_id, settings)
        except PermissionDenied as e:
            # Raised after the commit: raising inside would roll the refusal's record back.
            refused = e
            append(
                s,
                AuditEntry(
                    "grant_refused", service.technician_id, outcome="denied", vault_id=vault_id,
                    reason=recipient,
                ),
                now,
            )  # fmt: skip
        else:
            key = held_key(service, s, vault_id, vault.current_version)
            aad = crypto.grant_aad(vault_id, vault.current_version, recipient)
            s.merge(
                VaultGrant(
                    vault_id=vault_id,
                    key_version=vault.current_version,
                    recipient=recipient,
                    sealed_grant=crypto.seal_grant(key, pub, aad),
                    granted_by_id=service.technician_id,
                    granted_at=now,
                )
            )
            append(
                s,
                AuditEntry("grant", service.technician_id, vault_id=vault_id, reason=recipient),
                now,
            )
    if refused is not None:
        raise refused


def others_can_sign(s: Session, me: int) -> bool:
    """True when an active admin other than `me`, with enabled keys, holds a grant to the
    current version of the org-signing vault (so can still sign keys and grant it)."""
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
