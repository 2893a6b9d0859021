"""Password KEK derivation: Argon2id with stored, bounded parameters (vault.md §2 KDF).

Parameters travel beside every wrapped key (`users.kdf`), so a stronger policy later does not
orphan old bundles. Because those parameters come from the database, a DB writer could ask for
4 GiB or a million passes; `check_bounds` runs before any derivation to refuse that.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from argon2 import low_level, profiles
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app.vault.errors import VaultParametersInvalid

#: The policy for new and upgraded parameters: argon2-cffi's RFC 9106 low-memory profile
#: (t=3, m=65536 KiB, p=4, 16-byte salt, 32-byte output).
POLICY: Final = profiles.RFC_9106_LOW_MEMORY
KEY_LEN: Final = POLICY.hash_len
ALG: Final = "argon2id"
ARGON2_VERSION: Final = 19

# Bounds on stored parameters. The memory floor is OWASP's Argon2id minimum (19 MiB); the
# ceiling of 1 GiB keeps a hostile row from exhausting a workstation.
T_MIN, T_MAX = 1, 10
M_MIN, M_MAX = 19456, 1048576
P_MIN, P_MAX = 1, 8
SALT_MIN, SALT_MAX = 16, 64

MIN_PASSWORD_LEN: Final = 12


@dataclass(frozen=True, kw_only=True)
class KdfParams:
    """Argon2id parameters as stored in `users.kdf`. `m` is in KiB."""

    alg: str = ALG
    v: int = ARGON2_VERSION
    t: int
    m: int
    p: int
    salt: bytes

    def to_dict(self) -> dict[str, str | int]:
        return {
            "alg": self.alg,
            "v": self.v,
            "t": self.t,
            "m": self.m,
            "p": self.p,
            "salt": base64.b64encode(self.salt).decode("ascii"),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> KdfParams:
        """Parse the stored shape. Checks types only; `check_bounds` checks values."""
        if not isinstance(data, Mapping):
            raise VaultParametersInvalid("not an object")
        try:
            alg, salt_b64 = data["alg"], data["salt"]
            ints = {k: data[k] for k in ("v", "t", "m", "p")}
        except KeyError as exc:
            raise VaultParametersInvalid(f"missing {exc.args[0]}") from None
        if not isinstance(alg, str) or not isinstance(salt_b64, str):
            raise VaultParametersInvalid("alg and salt must be strings")
        for key, value in ints.items():
            # bool is an int subclass; `true` in JSON is not a parameter.
            if not isinstance(value, int) or isinstance(value, bool):
                raise VaultParametersInvalid(f"{key} must be an integer")
        try:
            salt = base64.b64decode(salt_b64, validate=True)
        except (binascii.Error, ValueError):
            raise VaultParametersInvalid("salt is not base64") from None
        return cls(
            alg=alg,
            v=_int(ints["v"]),
            t=_int(ints["t"]),
            m=_int(ints["m"]),
            p=_int(ints["p"]),
            salt=salt,
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> KdfParams:
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError):
            raise VaultParametersInvalid("not JSON") from None
        if not isinstance(data, dict):
            raise VaultParametersInvalid("not an object")
        return cls.from_dict(data)


def _int(value: object) -> int:
    assert isinstance(value, int)  # checked by the caller; narrows for mypy
    return value


def check_bounds(params: KdfParams) -> None:
    """Raise `VaultParametersInvalid` unless every parameter is within bounds (§2 KDF)."""
    if params.alg != ALG or params.v != ARGON2_VERSION:
        raise VaultParametersInvalid("algorithm or version")
    if not isinstance(params.salt, bytes):
        raise VaultParametersInvalid("salt must be bytes")
    for name, value, lo, hi in (
        ("t", params.t, T_MIN, T_MAX),
        ("m", params.m, M_MIN, M_MAX),
        ("p", params.p, P_MIN, P_MAX),
        ("salt", len(params.salt), SALT_MIN, SALT_MAX),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise VaultParametersInvalid(f"{name} out of range")
    # Argon2 itself needs m >= 8p; M_MIN >= 8 * P_MAX already guarantees it.


def below_policy(params: KdfParams) -> bool:
    """True when a successful unlock should re-derive at policy and re-seal (`kdf_upgrade`)."""
    return (
        params.t < POLICY.time_cost
        or params.m < POLICY.memory_cost
        or params.p < POLICY.parallelism
        or len(params.salt) < POLICY.salt_len
    )


def new_params() -> KdfParams:
    """Policy parameters with a fresh random salt (new bundle, password change, upgrade)."""
    return KdfParams(
        t=POLICY.time_cost,
        m=POLICY.memory_cost,
        p=POLICY.parallelism,
        salt=os.urandom(POLICY.salt_len),
    )


def _password_bytes(password: str) -> bytes:
    # NFC so the same password typed on macOS (which may compose to NFD) and Windows derives
    # the same KEK; RFC 8265's OpaqueString profile normalises the same way.
    return unicodedata.normalize("NFC", password).encode("utf-8")


def derive_kek(password: str, params: KdfParams) -> bytes:
    """The 32-byte password KEK via argon2-cffi. Bounds are checked first, always."""
    check_bounds(params)
    return low_level.hash_secret_raw(
        secret=_password_bytes(password),
        salt=params.salt,
        time_cost=params.t,
        memory_cost=params.m,
        parallelism=params.p,
        hash_len=KEY_LEN,
        type=low_level.Type.ID,
        version=ARGON2_VERSION,
    )


def derive_kek_fallback(password: str, params: KdfParams) -> bytes:
    """The same KEK via `cryptography`'s Argon2id (OpenSSL), for when argon2-cffi is missing.

    `cryptography` always uses Argon2 version 0x13 (19), so `v` needs no argument here.
    """
    check_bounds(params)
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_LEN,
        iterations=params.t,
        lanes=params.p,
        memory_cost=params.m,
    )
    return kdf.derive(_password_bytes(password))


# --- vault password policy ----------------------------------------------------------------

WeakCode = Literal["too_short", "same_as_login", "same_as_db_password"]

_WEAK_MESSAGES: Final[dict[str, str]] = {
    "too_short": f"The vault password must be at least {MIN_PASSWORD_LEN} characters long.",
    "same_as_login": "The vault password must not be your login name.",
    "same_as_db_password": "The vault password must not be the database password.",
}


class WeakVaultPassword(ValueError):
    """A vault password the policy refuses; `code` says which rule, the message is for users."""

    def __init__(self, code: WeakCode) -> None:
        self.code: WeakCode = code
        super().__init__(_WEAK_MESSAGES[code])


def check_vault_password(password: str, login_name: str, *, db_password: str | None = None) -> None:
    """Raise `WeakVaultPassword` unless `password` meets §2: ≥ 12 characters, not the login
    name (case-insensitively), and not the database password when one is known."""
    normalized = unicodedata.normalize("NFC", password)
    if len(normalized) < MIN_PASSWORD_LEN:
        raise WeakVaultPassword("too_short")
    if normalized.strip().casefold() == unicodedata.normalize("NFC", login_name).strip().casefold():
        raise WeakVaultPassword("same_as_login")
    if db_password is not None and hmac.compare_digest(
        _password_bytes(password), _password_bytes(db_password)
    ):
        raise WeakVaultPassword("same_as_db_password")
