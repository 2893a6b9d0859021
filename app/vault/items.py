"""Item writes and the item list (vault.md §5, §8.5 "Edits write their audit row in the same
transaction as the change", §7.3 "nothing is decrypted when lists load").

Written as functions taking the service, like `offboarding.py`; `VaultService.put_item`,
`delete_item` and `items` delegate here, so the public API stays on the service.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Final

from sqlalchemy import select, update

from app.models import RotationWorklist, Vault, VaultItem
from app.vault import crypto
from app.vault.audit_log import AuditEntry, append
from app.vault.errors import VaultError
from app.vault.grants import held_key
from app.vault.types import SECRET_FIELDS, ItemDraft, ItemRow

if TYPE_CHECKING:
    from app.vault.service import VaultService

#: A reveal without a ticket, or a deletion, needs a reason at least this long (vault.md §8.5).
MIN_REASON: Final = 5


def put_item(service: VaultService, draft: ItemDraft) -> uuid.UUID:
    """Create or update an item; secrets are sealed with the vault's current key.

    PermissionDenied without a grant row to the vault's current version or with revoked keys
    (a cached key is not enough: `grants.held_key`), VaultLocked when locked,
    VaultError for an unknown vault or an item of another vault or version.
    """
    unknown = set(draft.secrets) - set(SECRET_FIELDS)
    if unknown:
        raise ValueError(f"unknown secret fields: {sorted(unknown)}")
    now = service.clock()
    with service.db.write() as s:
        vault = s.get(Vault, draft.vault_id)
        if vault is None:
            raise VaultError("no such vault")
        version = vault.current_version
        key = held_key(service, s, vault.id, version)
        item_id = draft.item_id or uuid.uuid4()
        item = s.get(VaultItem, str(item_id))
        action = "item_update" if item is not None else "item_create"
        if item is None:
            item = VaultItem(id=str(item_id), vault_id=vault.id, key_version=version)
            s.add(item)
        elif item.vault_id != vault.id or item.key_version != version:
            raise VaultError("the item belongs to another vault or key version")
        item.kind, item.label, item.host = draft.kind, draft.label.strip(), draft.host.strip()
        item.port, item.url, item.domain = draft.port, draft.url.strip(), draft.domain.strip()
        item.tags, item.updated_at, item.updated_by_id = draft.tags, now, service.technician_id
        for name, value in draft.secrets.items():
            sealed = crypto.seal_field(
                key,
                value.reveal_bytes(),
                vault_id=vault.id,
                key_version=version,
                item_id=item_id,
                field=name,
            )
            setattr(item, f"enc_{name}", sealed)
            if name == "password" and action == "item_update":
                item.rotated_at = now
                # A changed client password closes its offboarding worklist rows.
                s.execute(
                    update(RotationWorklist)
                    .where(
                        RotationWorklist.item_id == str(item_id),
                        RotationWorklist.done_at.is_(None),
                    )
                    .values(done_at=now, done_by_id=service.technician_id)
                )
        append(
            s,
            AuditEntry(
                action, service.technician_id, client_id=vault.client_id, vault_id=vault.id,
                item_id=str(item_id),
            ),
            now,
        )  # fmt: skip
    return item_id


def delete_item(service: VaultService, item_id: uuid.UUID, reason: str) -> None:
    """Delete an item for good, audited (`item_delete`, with the reason) in the same transaction.

    Needs the vault's current key, like an edit: holding a grant is what allows changes
    (PermissionDenied without one, VaultLocked when locked). ValueError for a reason shorter
    than `MIN_REASON`, VaultError for an unknown item. Open worklist rows stay open: the
    client's password is still out there.
    """
    if len(reason.strip()) < MIN_REASON:
        raise ValueError(f"a reason of at least {MIN_REASON} characters is required")
    now = service.clock()
    with service.db.write() as s:
        item = s.get(VaultItem, str(item_id))
        if item is None:
            raise VaultError("no such item")
        vault = s.get(Vault, item.vault_id)
        assert vault is not None
        # Only for the permission: raises VaultLocked or PermissionDenied (`grants.held_key`).
        held_key(service, s, vault.id, vault.current_version)
        s.delete(item)
        append(
            s,
            AuditEntry(
                "item_delete", service.technician_id, client_id=vault.client_id, vault_id=vault.id,
                item_id=str(item_id), reason=reason.strip(),
            ),
            now,
        )  # fmt: skip


def list_items(service: VaultService, vault_id: int) -> list[ItemRow]:
    """The vault's items for lists, by label: nothing is decrypted (vault.md §7.3)."""
    with service.db.read() as s:
        rows = s.scalars(
            select(VaultItem).where(VaultItem.vault_id == vault_id).order_by(VaultItem.label)
        ).all()
        return [
            ItemRow(
                uuid.UUID(r.id),
                r.vault_id,
                r.label,
                r.kind,
                r.host,
                r.port,
                r.url,
                r.domain,
                r.tags,
                frozenset(n for n in SECRET_FIELDS if getattr(r, f"enc_{n}") is not None),
                r.rotated_at,
            )
            for r in rows
        ]
