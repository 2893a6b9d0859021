"""Vault errors (shared/design/vault.md §13).

Messages name tables, rows and fields only: an error may be logged or shown, so it must never
carry plaintext, key material or ciphertext.
"""

from __future__ import annotations

from uuid import UUID

#: What may identify a row in an error: an integer id, a UUID, or a composite key spelled out.
RowId = int | UUID | str | None


class VaultError(Exception):
    """Base class of every vault error."""


class VaultLocked(VaultError):
    """The key cache is empty: unlock first."""

    def __init__(self, message: str = "vault is locked") -> None:
        super().__init__(message)


class PermissionDenied(VaultError):
    """The caller holds no grant for the vault version needed."""

    def __init__(self, message: str = "permission denied") -> None:
        super().__init__(message)


class AuditUnavailable(VaultError):
    """The audit row could not be committed, so nothing was decrypted (fail closed)."""

    def __init__(self, message: str = "audit log unavailable") -> None:
        super().__init__(message)


class VaultIntegrityError(VaultError):
    """Authentication failed (AES-GCM tag, MAC): the blob was altered, moved or keyed wrongly.

    Deliberately says *where* and nothing about *what*; callers never retry with other keys.
    """

    def __init__(self, table: str, row_id: RowId, field: str) -> None:
        self.table = table
        self.row_id = row_id
        self.field = field
        super().__init__(f"integrity check failed: {table} row {row_id} field {field}")


class VaultFormatError(VaultError):
    """A blob or document has an unknown version byte or an impossible shape."""

    def __init__(self, message: str = "unknown vault blob format") -> None:
        super().__init__(message)


class VaultVersionChanged(VaultError):
    """The vault was rotated by someone else; reload its grants."""

    def __init__(self, message: str = "vault key version changed") -> None:
        super().__init__(message)


class VaultParametersInvalid(VaultError):
    """Stored KDF parameters are outside the bounds (§2 KDF); refused before any derivation.

    The message is fixed; `reason` names the offending parameter for logs (never a value that
    could be secret: parameters and salt lengths are not).
    """

    def __init__(self, reason: str = "") -> None:
        self.reason = reason
        super().__init__("vault parameters invalid")


class WrongPassword(VaultError):
    """The password bundle did not open (its tag failed under the derived KEK)."""

    def __init__(self, message: str = "wrong password") -> None:
        super().__init__(message)


class InvalidPublicKey(VaultError):
    """An X25519 public key of the wrong length or of low order (shared secret all zero)."""

    def __init__(self, message: str = "invalid public key") -> None:
        super().__init__(message)
