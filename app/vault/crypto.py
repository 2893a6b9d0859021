"""Vault cryptography: sealed blobs, grants, record MACs, signatures, bundles (vault.md §2–§3).

Every ciphertext is bound by AES-GCM associated data to where it belongs (vault, key version,
item, field; or recipient; or user and device), so a DB writer who moves a blob to another row,
field, vault or version gets an authentication failure instead of a wrong-but-valid plaintext.
That failure always surfaces as `VaultIntegrityError(table, row_id, field)` naming the place,
never the data; nothing here retries with other keys or versions.

Only AES-256-GCM (fresh `os.urandom` 12-byte nonce per encryption), X25519 + HKDF-SHA256
sealed boxes, HMAC-SHA256 and Ed25519. No Fernet, no CBC.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import hmac
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final
from uuid import UUID

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.vault.errors import InvalidPublicKey, RowId, VaultFormatError, VaultIntegrityError

#: Key material may be held in a `bytearray` (the key cache overwrites those on lock).
Key = bytes | bytearray

VERSION_1: Final = 0x01
KEY_LEN: Final = 32
NONCE_LEN: Final = 12
TAG_LEN: Final = 16
PUBLIC_KEY_LEN: Final = 32
#: sealed v1 = version(1) ‖ nonce(12) ‖ ciphertext(n) ‖ tag(16)
SEALED_OVERHEAD: Final = 1 + NONCE_LEN + TAG_LEN
#: grant v1 = version(1) ‖ eph_pub(32) ‖ nonce(12) ‖ ciphertext(32) ‖ tag(16)
GRANT_LEN: Final = 1 + PUBLIC_KEY_LEN + NONCE_LEN + KEY_LEN + TAG_LEN

_UNKNOWN: Final = "(unknown)"
_PREFIX: Final = "hd1"
# Field names and recipients go into `|`-joined strings; refusing anything else keeps one
# AAD from being spelled two ways (e.g. a field name containing "|").
_FIELD_RE: Final = re.compile(r"[a-z][a-z0-9_]*\Z")
_RECIPIENT_RE: Final = re.compile(
    r"(user|recovery):([0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\Z"
)


# --- AAD and HKDF info strings ------------------------------------------------------------


def _id(value: int | UUID | str) -> str:
    """An id as §2 spells it: a decimal integer or a lowercase UUID."""
    if isinstance(value, bool):
        raise TypeError("an id cannot be a bool")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("ids are non-negative")
        return str(value)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, str):
        # Canonicalise, so "ABC…" and "abc…" cannot yield two different AADs for one row.
        return str(UUID(value))
    raise TypeError("an id is an int or a UUID")


def _join(*parts: str) -> bytes:
    return "|".join((_PREFIX, *parts)).encode("utf-8")


def _field_name(name: str) -> str:
    if not _FIELD_RE.match(name):
        raise ValueError("field names are lowercase identifiers")
    return name


def field_aad(vault_id: int, key_version: int, item_id: UUID | int | str, field: str) -> bytes:
    """`hd1|field|<vault_id>|<key_version>|<item_id>|<field>`."""
    return _join("field", _id(vault_id), _id(key_version), _id(item_id), _field_name(field))


def user_recipient(user_id: int) -> str:
    return f"user:{_id(user_id)}"


def recovery_recipient(key_id: int | UUID | str) -> str:
    return f"recovery:{_id(key_id)}"


def grant_aad(vault_id: int, key_version: int, recipient: str) -> bytes:
    """`hd1|grant|<vault_id>|<key_version>|<recipient>`, recipient `user:<id>`/`recovery:<id>`."""
    if not _RECIPIENT_RE.match(recipient):
        raise ValueError("recipient is user:<id> or recovery:<key_id>")
    return _join("grant", _id(vault_id), _id(key_version), recipient)


def bundle_aad(user_id: int) -> bytes:
    """`hd1|bundle|<user_id>`: the password bundle, sealed under the KEK."""
    return _join("bundle", _id(user_id))


def device_aad(user_id: int, device_id: UUID | int | str) -> bytes:
    """`hd1|device|<user_id>|<device_id>`: a device bundle, sealed under the device key."""
    return _join("device", _id(user_id), _id(device_id))


def record_mac_info(vault_id: int, key_version: int) -> bytes:
    """`hd1|record-mac|<vault_id>|<key_version>`: HKDF info of the record MAC key."""
    return _join("record-mac", _id(vault_id), _id(key_version))


def user_pubkey_message(user_id: int, pubkey: bytes) -> bytes:
    """`hd1|user-pubkey|<user_id>|<hex pubkey>` (lowercase hex): what the org key signs."""
    return _join("user-pubkey", _id(user_id), bytes(pubkey).hex())


# --- keys ---------------------------------------------------------------------------------


def generate_vault_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def generate_device_key() -> bytes:
    return os.urandom(KEY_LEN)


def generate_x25519_keypair() -> tuple[bytes, bytes]:
    """A fresh technician or recovery key pair as raw bytes: (private, public)."""
    sk = X25519PrivateKey.generate()
    return sk.private_bytes_raw(), sk.public_key().public_bytes_raw()


def x25519_public_key(private_key: Key) -> bytes:
    return X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes_raw()


def generate_org_signing_seed() -> bytes:
    """A fresh Ed25519 seed: the key stored in the `org-signing` vault."""
    return Ed25519PrivateKey.generate().private_bytes_raw()


def org_signing_public_key(seed: Key) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(bytes(seed)).public_key().public_bytes_raw()


def _aead(key: Key) -> AESGCM:
    # AESGCM also takes 128/192-bit keys; the design allows only 256.
    if len(key) != KEY_LEN:
        raise ValueError("vault keys are 32 bytes")
    return AESGCM(key)


# --- sealed v1 ----------------------------------------------------------------------------


def seal(key: Key, plaintext: bytes | bytearray, aad: bytes) -> bytes:
    """`0x01 ‖ nonce ‖ AES-256-GCM(key, nonce, plaintext, aad)`: 29 + len(plaintext) bytes."""
    nonce = os.urandom(NONCE_LEN)
    return bytes((VERSION_1,)) + nonce + _aead(key).encrypt(nonce, plaintext, aad)


def open_sealed(
    key: Key,
    blob: bytes,
    aad: bytes,
    *,
    table: str = _UNKNOWN,
    row_id: RowId = None,
    field: str = _UNKNOWN,
) -> bytes:
    """Decrypt a sealed v1 blob.

    Raises `VaultFormatError` for an unknown first byte, and for a blob shorter than the 29-byte
    minimum (it cannot be a sealed v1 blob at all). A blob of plausible length that was
    truncated, extended, flipped, moved or opened with the wrong key or AAD fails its tag:
    `VaultIntegrityError(table, row_id, field)`.
    """
    if not blob or blob[0] != VERSION_1:
        raise VaultFormatError()
    if len(blob) < SEALED_OVERHEAD:
        raise VaultFormatError("sealed blob too short")
    aead = _aead(key)
    try:
        return aead.decrypt(blob[1 : 1 + NONCE_LEN], blob[1 + NONCE_LEN :], aad)
    except InvalidTag:
        raise VaultIntegrityError(table, row_id, field) from None


def seal_field(
    vault_key: Key,
    plaintext: bytes | bytearray,
    *,
    vault_id: int,
    key_version: int,
    item_id: UUID,
    field: str,
) -> bytes:
    """Seal one item field (AAD field name = `field`, stored in column `enc_<field>`)."""
    return seal(vault_key, plaintext, field_aad(vault_id, key_version, item_id, field))


def open_field(
    vault_key: Key,
    blob: bytes,
    *,
    vault_id: int,
    key_version: int,
    item_id: UUID,
    field: str,
) -> bytes:
    """Open one item field; errors name `vault_items`, the item id and `enc_<field>`."""
    return open_sealed(
        vault_key,
        blob,
        field_aad(vault_id, key_version, item_id, field),
        table="vault_items",
        row_id=item_id,
        field=f"enc_{field}",
    )


# --- grants (X25519 sealed box) -----------------------------------------------------------


def _grant_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes, aad: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_LEN, salt=eph_pub + recipient_pub, info=aad
    ).derive(shared)


def _is_zero(data: bytes) -> bool:
    return hmac.compare_digest(data, bytes(len(data)))


def seal_grant(vault_key: Key, recipient_pub: bytes, aad: bytes) -> bytes:
    """Seal a vault key to a recipient's X25519 public key: the 93-byte grant v1.

    The caller MUST have verified the recipient's org signature first (§2 Grant step 4).
    Raises `InvalidPublicKey` for a key of the wrong length or of low order, whose shared
    secret would be all zeros, i.e. known to anyone.
    """
    if len(vault_key) != KEY_LEN:
        raise ValueError("vault keys are 32 bytes")
    recipient_pub = bytes(recipient_pub)
    if len(recipient_pub) != PUBLIC_KEY_LEN:
        raise InvalidPublicKey()
    recipient = X25519PublicKey.from_public_bytes(recipient_pub)
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes_raw()
    try:
        shared = eph.exchange(recipient)
    except ValueError:
        # OpenSSL refuses an all-zero result; that is what a low-order point gives.
        raise InvalidPublicKey() from None
    if _is_zero(shared):
        raise InvalidPublicKey()
    nonce = os.urandom(NONCE_LEN)
    k = _grant_key(shared, eph_pub, recipient_pub, aad)
    return bytes((VERSION_1,)) + eph_pub + nonce + AESGCM(k).encrypt(nonce, bytes(vault_key), aad)


def open_grant(
    grant: bytes,
    recipient_sk: Key,
    aad: bytes,
    *,
    table: str = "vault_grants",
    row_id: RowId = None,
    field: str = "sealed",
) -> bytes:
    """Open a grant with the recipient's X25519 private key; returns the 32-byte vault key.

    `VaultFormatError` for an unknown version byte or a length other than 93.
    `VaultIntegrityError` for the wrong recipient key, the wrong AAD, any altered byte, or a
    low-order ephemeral key (which only a forged grant can contain).
    """
    if not grant or grant[0] != VERSION_1:
        raise VaultFormatError()
    if len(grant) != GRANT_LEN:
        raise VaultFormatError("grant has the wrong length")
    sk = X25519PrivateKey.from_private_bytes(recipient_sk)
    recipient_pub = sk.public_key().public_bytes_raw()
    eph_pub = bytes(grant[1 : 1 + PUBLIC_KEY_LEN])
    nonce = grant[1 + PUBLIC_KEY_LEN : 1 + PUBLIC_KEY_LEN + NONCE_LEN]
    try:
        shared = sk.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError:
        raise VaultIntegrityError(table, row_id, field) from None
    if _is_zero(shared):
        raise VaultIntegrityError(table, row_id, field)
    k = _grant_key(shared, eph_pub, recipient_pub, aad)
    try:
        return AESGCM(k).decrypt(nonce, grant[1 + PUBLIC_KEY_LEN + NONCE_LEN :], aad)
    except InvalidTag:
        raise VaultIntegrityError(table, row_id, field) from None


# --- record MAC ---------------------------------------------------------------------------


def _json_default(value: object) -> str:
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not allowed in a canonical record")


def canonical_json(record: Mapping[str, object]) -> bytes:
    """JSON with sorted keys, separators `,`/`:`, UTF-8 (not \\u escapes); UUIDs as lowercase
    strings. NaN and infinities are refused: they are not JSON and would not round-trip."""
    return json.dumps(
        record,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_json_default,
    ).encode("utf-8")


def record_mac_key(vault_key: Key, vault_id: int, key_version: int) -> bytes:
    """HKDF-SHA256(ikm = vault key, no salt, info = `hd1|record-mac|<vault>|<version>`)."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_LEN,
        salt=None,
        info=record_mac_info(vault_id, key_version),
    ).derive(bytes(vault_key))


def record_mac(key: Key, record: Mapping[str, object]) -> bytes:
    """HMAC-SHA256 over the canonical JSON of a remote-access record (§8.5)."""
    return hmac.new(bytes(key), canonical_json(record), hashlib.sha256).digest()


def verify_record_mac(key: Key, record: Mapping[str, object], mac: bytes) -> bool:
    return hmac.compare_digest(record_mac(key, record), bytes(mac))


# --- org signatures and fingerprints ------------------------------------------------------


def sign_user_pubkey(org_sk: Ed25519PrivateKey | Key, user_id: int, pubkey: bytes) -> bytes:
    """The org signature stored in `users.pubkey_sig` (§3.1). `org_sk` is a key or its seed."""
    if not isinstance(org_sk, Ed25519PrivateKey):
        org_sk = Ed25519PrivateKey.from_private_bytes(bytes(org_sk))
    return org_sk.sign(user_pubkey_message(user_id, pubkey))


def verify_user_pubkey(org_pub: bytes, user_id: int, pubkey: bytes, signature: bytes) -> bool:
    """True only for a valid signature by `org_pub` (the pinned key) over this user and key."""
    try:
        Ed25519PublicKey.from_public_bytes(bytes(org_pub)).verify(
            bytes(signature), user_pubkey_message(user_id, pubkey)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(pub_bytes: bytes) -> str:
    """First 16 bytes of SHA-256(public key) as 8 space-separated groups of 4 uppercase hex."""
    digest = hashlib.sha256(bytes(pub_bytes)).digest()[:16].hex().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


# --- bundles ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Bundle:
    """What the KEK or a device key seals (§2 Bundle); org and recovery keys are pinned here."""

    user_id: int
    x25519_sk: bytes = dataclasses.field(repr=False)
    org_sign_pub: bytes
    recovery_pub: bytes
    recovery_key_id: int | UUID


BUNDLE_VERSION: Final = 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64_key(value: object) -> bytes:
    if not isinstance(value, str):
        raise VaultFormatError("bundle key is not a string")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise VaultFormatError("bundle key is not base64") from None
    if len(raw) != PUBLIC_KEY_LEN:
        raise VaultFormatError("bundle key has the wrong length")
    return raw


def encode_bundle(bundle: Bundle) -> bytes:
    """Canonical JSON of the bundle (holds the private key: seal it at once, never store it)."""
    key_id = bundle.recovery_key_id
    return canonical_json(
        {
            "v": BUNDLE_VERSION,
            "user_id": bundle.user_id,
            "x25519_sk": _b64(bundle.x25519_sk),
            "org_sign_pub": _b64(bundle.org_sign_pub),
            "recovery_pub": _b64(bundle.recovery_pub),
            "recovery_key_id": key_id if isinstance(key_id, int) else str(key_id),
        }
    )


def decode_bundle(data: bytes) -> Bundle:
    """Parse a bundle; `VaultFormatError` for another version or any malformed field."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise VaultFormatError("bundle is not JSON") from None
    if not isinstance(doc, dict) or doc.get("v") != BUNDLE_VERSION:
        raise VaultFormatError("unknown bundle version")
    user_id, key_id = doc.get("user_id"), doc.get("recovery_key_id")
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        raise VaultFormatError("bundle user_id is not an integer")
    recovery_key_id: int | UUID
    if isinstance(key_id, int) and not isinstance(key_id, bool):
        recovery_key_id = key_id
    elif isinstance(key_id, str):
        try:
            recovery_key_id = UUID(key_id)
        except ValueError:
            raise VaultFormatError("bundle recovery_key_id is malformed") from None
    else:
        raise VaultFormatError("bundle recovery_key_id is malformed")
    return Bundle(
        user_id=user_id,
        x25519_sk=_unb64_key(doc.get("x25519_sk")),
        org_sign_pub=_unb64_key(doc.get("org_sign_pub")),
        recovery_pub=_unb64_key(doc.get("recovery_pub")),
        recovery_key_id=recovery_key_id,
    )


def seal_bundle(key: Key, bundle: Bundle, aad: bytes) -> bytes:
    """Seal a bundle under a KEK (`bundle_aad`) or a device key (`device_aad`)."""
    return seal(key, encode_bundle(bundle), aad)


def open_bundle(
    key: Key,
    blob: bytes,
    aad: bytes,
    *,
    table: str = "users",
    row_id: RowId = None,
    field: str = "bundle",
) -> Bundle:
    """Open a bundle. A wrong KEK fails the tag: `VaultIntegrityError`, which the service
    reports as "wrong password"; a wrong device key is handled as a failed device unlock."""
    return decode_bundle(open_sealed(key, blob, aad, table=table, row_id=row_id, field=field))
