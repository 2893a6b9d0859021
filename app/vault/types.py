"""Values the vault service takes and returns."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal

from app.vault.secret import Secret

if TYPE_CHECKING:
    from app.models import Technician, TechnicianKeys

#: The secret fields of an item, each its own sealed column `enc_<name>`.
SECRET_FIELDS: Final = ("username", "password", "notes", "totp", "private_key", "extra")


class VaultKind(enum.StrEnum):
    CLIENT = "client"
    INTERNAL = "internal"
    ORG_SIGNING = "org-signing"


@dataclass(frozen=True, slots=True)
class Purpose:
    """Why a secret is revealed: recorded in the audit row before decrypting."""

    action: Literal["view", "copy", "launch", "export", "totp"]
    ticket_id: int | None = None
    reason: str = ""
    session_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """A new or edited item: plaintext metadata, and the secret fields to (re)seal.

    A secret field missing from `secrets` keeps its stored value on an edit.
    """

    vault_id: int
    label: str
    kind: str = "password"
    host: str = ""
    port: int | None = None
    url: str = ""
    domain: str = ""
    tags: str = ""
    secrets: Mapping[str, Secret] = field(default_factory=dict)
    item_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class ItemRow:
    """An item as lists show it: metadata and which secret fields are set, nothing decrypted."""

    item_id: uuid.UUID
    vault_id: int
    label: str
    kind: str
    host: str
    port: int | None
    url: str
    domain: str
    tags: str
    has: frozenset[str]
    rotated_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class VaultMember:
    """A technician as the vault access dialog lists them: no key material beyond a fingerprint."""

    technician_id: int
    name: str
    is_admin: bool
    active: bool
    #: Of their public key; None when they have not enrolled.
    fingerprint: str | None
    #: Their key carries a valid org signature.
    signed: bool
    #: Revoked: their keys open nothing.
    disabled: bool

    @property
    def has_keys(self) -> bool:
        return self.fingerprint is not None

    @classmethod
    def of(
        cls, tech: Technician, keys: TechnicianKeys | None, org_pub: bytes | None
    ) -> VaultMember:
        """From a technician and their keys row (or None), checking the signature with `org_pub`."""
        from app.models.enums import Role
        from app.vault import crypto

        technician_id, name, active = tech.id, tech.name, tech.active
        is_admin = tech.role is Role.ADMIN
        if keys is None:
            return cls(technician_id, name, is_admin, active, None, False, False)
        pub, sig = bytes(keys.x25519_pub), keys.pubkey_sig
        signed = (
            sig is not None
            and org_pub is not None
            and crypto.verify_user_pubkey(bytes(org_pub), technician_id, pub, bytes(sig))
        )
        disabled = keys.disabled_at is not None
        return cls(technician_id, name, is_admin, active, crypto.fingerprint(pub), signed, disabled)
