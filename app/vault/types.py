"""Values the vault service takes and returns."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from app.vault.secret import Secret

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
