"""Vault look-ups for the access, restore and recovery screens (vault.md §8.9, §8.10): vaults by
name, and whose key reset still waits for an admin to grant access back.

Metadata only (names, ids, versions): nothing sealed is read. Any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.models import Client, Technician, Vault, VaultAudit, VaultGrant
from app.models.enums import Role
from app.vault import crypto
from app.vault.key_reset import reset_record
from app.vault.service import VaultService
from app.vault.types import VaultKind, VaultMember


@dataclass(frozen=True, slots=True)
class VaultChoice:
    """A vault as the recovery dialog lists it."""

    vault_id: int
    label: str
    kind: VaultKind


@dataclass(frozen=True, slots=True)
class AccessData:
    """What the vault access dialog lists."""

    members: list[VaultMember]
    #: Technicians who reset their key: the vaults of their latest reset not yet granted back.
    resets: dict[int, tuple[int, ...]]


def vault_choices(service: VaultService) -> list[VaultChoice]:
    """Every vault with a label: client vaults by client name, then the others."""
    with service.db.read() as s:
        rows = s.execute(
            select(Vault.id, Vault.kind, Client.name)
            .outerjoin(Client, Client.id == Vault.client_id)
            .order_by(Client.name, Vault.id)
        )
        choices = [_choice(vault_id, kind, name) for vault_id, kind, name in rows]
    return sorted(choices, key=lambda c: (c.kind is not VaultKind.CLIENT, c.label.lower()))


def vault_labels(service: VaultService) -> dict[int, str]:
    return {c.vault_id: c.label for c in vault_choices(service)}


def access_data(service: VaultService) -> AccessData:
    return AccessData(service.members(), reset_pending(service))


def reset_pending(service: VaultService) -> dict[int, tuple[int, ...]]:
    """Per technician who ever reset their key: the vaults of their latest reset
    (`key_reset.reset_record`, trusted and unconfirmed) they hold no current-version grant to
    (empty once everything is granted back). Unconfirmed ones keep "restore access" open so an
    admin can tick them; only the trusted ones are granted without asking."""
    with service.db.read() as s:
        ids = set(
            s.scalars(
                select(VaultAudit.technician_id).where(
                    VaultAudit.action == "key_reset", VaultAudit.vault_id.is_(None)
                )
            )
        )
        result: dict[int, tuple[int, ...]] = {}
        for technician_id in sorted(i for i in ids if i is not None):
            record = reset_record(s, technician_id)
            if record is None:
                continue
            held = (*record.trusted, *record.unconfirmed)
            recipient = crypto.user_recipient(technician_id)
            tech = s.get(Technician, technician_id)
            is_admin = tech is not None and tech.role is Role.ADMIN
            pending = []
            for vault_id in held:
                vault = s.get(Vault, vault_id)
                if vault is None:
                    continue
                if vault.kind == VaultKind.ORG_SIGNING.value and not is_admin:
                    continue  # not granted back to a former admin (key_reset.regrant_after_reset)
                if s.get(VaultGrant, (vault_id, vault.current_version, recipient)) is None:
                    pending.append(vault_id)
            result[technician_id] = tuple(pending)
    return result


def _choice(vault_id: int, kind: str, client_name: str | None) -> VaultChoice:
    try:
        vault_kind = VaultKind(kind)
    except ValueError:
        vault_kind = VaultKind.INTERNAL
    if vault_kind is VaultKind.CLIENT and client_name:
        return VaultChoice(vault_id, client_name, vault_kind)
    if vault_kind is VaultKind.ORG_SIGNING:
        return VaultChoice(vault_id, "Organisation signing key", vault_kind)
    return VaultChoice(vault_id, f"Internal vault {vault_id}", vault_kind)
