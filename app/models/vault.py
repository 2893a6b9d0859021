"""The credential vault's tables (vault.md §4): settings, devices, vaults, grants, items, audit.

Column naming rule (vault.md §2): a column whose name contains `pass`, `secret`, `totp`, `otp`,
`private`, `cipher`, `enc_` or `sealed` holds only a sealed blob, a grant, an Argon2 PHC string
or NULL. Plaintext metadata takes other names. No model's repr shows a blob.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class VaultSettings(Base):
    """The single row (id 1) of vault-wide settings and the org's public keys (for display:
    the copies pinned in each technician's bundle are the ones trusted)."""

    __tablename__ = "vault_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Names this database in the OS keychain ("helpdesk/<uuid>/device-key").
    database_uuid: Mapped[str] = mapped_column(String(36))
    org_sign_pub: Mapped[bytes | None] = mapped_column(LargeBinary)
    recovery_pub: Mapped[bytes | None] = mapped_column(LargeBinary)
    recovery_key_id: Mapped[int | None] = mapped_column(Integer)
    kdf_policy: Mapped[dict[str, Any]] = mapped_column(JSON)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=15)
    clipboard_seconds: Mapped[int] = mapped_column(Integer, default=30)
    admins_hold_all_vaults: Mapped[bool] = mapped_column(Boolean, default=True)

    def __repr__(self) -> str:
        return f"VaultSettings(id={self.id})"


class TechnicianKeys(Base):
    """A technician's vault identity: public key, the org's signature over it, and the private
    key sealed under Argon2id of their vault password (the bundle)."""

    __tablename__ = "technician_keys"

    technician_id: Mapped[int] = mapped_column(ForeignKey("technician.id"), primary_key=True)
    x25519_pub: Mapped[bytes] = mapped_column(LargeBinary)
    pubkey_sig: Mapped[bytes | None] = mapped_column(LargeBinary)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    sealed_bundle: Mapped[bytes] = mapped_column(LargeBinary)
    #: {"alg": "argon2id", "v": 19, "t": …, "m": …, "p": …, "salt": b64}
    kdf: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    #: Set by revocation (offboarding); a disabled technician opens nothing.
    disabled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"TechnicianKeys(technician_id={self.technician_id})"


class TechnicianDevice(Base):
    """A workstation that may unlock without the password: its key lives in the OS keychain,
    the bundle sealed under it here. Deleting the row revokes the device."""

    __tablename__ = "technician_device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("technician.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sealed_bundle: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"TechnicianDevice(id={self.id!r}, technician_id={self.technician_id})"


class Vault(Base):
    """One client's vault (or the MSP's own, or the org signing key's), with versioned keys."""

    __tablename__ = "vault"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: None for the MSP's internal and org-signing vaults.
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    #: client, internal or org-signing.
    kind: Mapped[str] = mapped_column(String(16))
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    rotated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class VaultGrant(Base):
    """A vault key version sealed to one recipient's public key ("user:<id>", "recovery:<id>")."""

    __tablename__ = "vault_grant"

    vault_id: Mapped[int] = mapped_column(ForeignKey("vault.id"), primary_key=True)
    key_version: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient: Mapped[str] = mapped_column(String(64), primary_key=True)
    sealed_grant: Mapped[bytes] = mapped_column(LargeBinary)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    granted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return (
            f"VaultGrant(vault_id={self.vault_id}, key_version={self.key_version}, "
            f"recipient={self.recipient!r})"
        )


class VaultItem(Base):
    """A credential: plaintext metadata for lists and search, every secret field sealed."""

    __tablename__ = "vault_item"
    __table_args__ = (Index(None, "vault_id", "label"),)

    #: A UUID chosen before encrypting: it is part of every field's associated data.
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    vault_id: Mapped[int] = mapped_column(ForeignKey("vault.id"))
    key_version: Mapped[int] = mapped_column(Integer)
    #: password, ssh_key, api_key, wifi, licence, bitlocker, other.
    kind: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(200))
    host: Mapped[str] = mapped_column(String(255), default="")
    port: Mapped[int | None] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(String(500), default="")
    domain: Mapped[str] = mapped_column(String(200), default="")
    tags: Mapped[str] = mapped_column(String(500), default="")
    enc_username: Mapped[bytes | None] = mapped_column(LargeBinary)
    enc_password: Mapped[bytes | None] = mapped_column(LargeBinary)
    enc_notes: Mapped[bytes | None] = mapped_column(LargeBinary)
    enc_totp: Mapped[bytes | None] = mapped_column(LargeBinary)
    enc_private_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    enc_extra: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: When the client-side password last changed (closes rotation worklist rows).
    rotated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}

    def __repr__(self) -> str:
        return f"VaultItem(id={self.id!r}, vault_id={self.vault_id}, label={self.label!r})"


class VaultAudit(Base):
    """Append-only, hash-chained record of every vault action (vault.md §9).

    No foreign keys: the trail must outlive the rows it names.
    """

    __tablename__ = "vault_audit"
    __table_args__ = (
        Index(None, "technician_id", "at"),
        Index(None, "item_id", "at"),
        # Unlock looks up the few published recovery-key statements (`pin_replace`) by action.
        Index(None, "action"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    technician_id: Mapped[int | None] = mapped_column(Integer)
    device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(16))
    client_id: Mapped[int | None] = mapped_column(Integer)
    vault_id: Mapped[int | None] = mapped_column(Integer)
    item_id: Mapped[str | None] = mapped_column(String(36))
    #: The revealed fields, comma-separated ("username,password").
    field: Mapped[str | None] = mapped_column(String(200))
    ticket_id: Mapped[int | None] = mapped_column(Integer)
    session_id: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[bytes] = mapped_column(LargeBinary)
    row_hash: Mapped[bytes] = mapped_column(LargeBinary)


class RotationWorklist(Base):
    """A client password to change after offboarding: seen (`revealed`) or reachable
    (`could_reveal`) by the revoked technician. Closed when the item's password changes."""

    __tablename__ = "rotation_worklist"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    cause: Mapped[str] = mapped_column(String(32))
    subject_technician_id: Mapped[int] = mapped_column(ForeignKey("technician.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    #: revealed or could_reveal.
    basis: Mapped[str] = mapped_column(String(16))
    last_revealed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
