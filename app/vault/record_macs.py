"""Record MACs on remote-access records (vault.md §8.5): sign after an edit, verify before launch.

The MAC key is derived from the client's current vault key, so only a technician holding a grant
for that client can sign, and a row rewritten in the database (a redirected host, a swapped pin
or credential) no longer verifies. Rotation re-signs every record of the vault in its own
transaction (`resign_in`), so a rotation never invalidates good records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import RemoteAccessRecord, Vault
from app.vault import crypto
from app.vault.errors import PermissionDenied, VaultLocked

if TYPE_CHECKING:
    from app.vault.service import VaultService


def _client_vault(s: Session, client_id: int) -> Vault:
    vault = s.scalar(select(Vault).where(Vault.client_id == client_id))
    if vault is None:
        raise PermissionDenied("the client has no vault")
    return vault


def _mac_key(service: VaultService, s: Session, vault_id: int, version: int) -> bytes:
    if not service.cache.is_unlocked:
        raise VaultLocked()
    key = service._vault_key(s, vault_id, version)
    return crypto.record_mac_key(key, vault_id, version)


def sign(service: VaultService, s: Session, record: RemoteAccessRecord) -> None:
    """Set `record_mac` under the client's current vault key (in the caller's transaction)."""
    vault = _client_vault(s, record.client_id)
    key = _mac_key(service, s, vault.id, vault.current_version)
    record.record_mac = crypto.record_mac(key, record.mac_fields())
    record.mac_key_version = vault.current_version


def verify(service: VaultService, s: Session, record: RemoteAccessRecord) -> bool:
    """True when the stored MAC matches the record; False when unsigned or changed outside the app.

    A MAC from a version older than the vault's current one is not trusted: rotation re-signs,
    so an old version means the row was restored or copied from elsewhere.
    """
    if record.record_mac is None or record.mac_key_version is None:
        return False
    vault = _client_vault(s, record.client_id)
    if record.mac_key_version != vault.current_version:
        return False
    key = _mac_key(service, s, vault.id, vault.current_version)
    return crypto.verify_record_mac(key, record.mac_fields(), bytes(record.record_mac))


def resign_in(service: VaultService, s: Session, vault: Vault, old_key: bytes, old: int) -> None:
    """During rotation: re-sign the records whose MAC verified under the old version.

    Records that did not verify keep their old MAC and version, which never verify again: a
    tampered row stays tampered (an administrator's review), never "unsigned" (anyone's
    confirmation), and is never laundered into a signed one.
    """
    if vault.client_id is None:
        return
    old_mac_key = crypto.record_mac_key(old_key, vault.id, old)
    new = vault.current_version
    new_mac_key = _mac_key(service, s, vault.id, new)
    for record in s.scalars(
        select(RemoteAccessRecord).where(RemoteAccessRecord.client_id == vault.client_id)
    ):
        good = (
            record.record_mac is not None
            and record.mac_key_version == old
            and crypto.verify_record_mac(old_mac_key, record.mac_fields(), bytes(record.record_mac))
        )
        if good:
            record.record_mac = crypto.record_mac(new_mac_key, record.mac_fields())
            record.mac_key_version = new
