"""Time-based one-time codes (RFC 6238) from a stored TOTP seed (feature V10). Qt-free.

A seed arrives as the user pasted it: a Base32 key ("JBSW Y3DP EHPK 3PXP", lowercase, with or
without `=` padding) or an `otpauth://totp/<label>?secret=…&digits=…&period=…&algorithm=…` URI
from a QR code. `parse()` turns either into a `TotpSpec`; `normalise()` gives the form the vault
stores as the `totp` secret: always the canonical URI

    otpauth://totp/?secret=<BASE32, no padding>&algorithm=SHA1&digits=6&period=30

so the digits, period and algorithm survive next to the key. The URI's label and `issuer` are
dropped: the item's own label and username already say which account the code is for. Stored
values written before this module (a bare Base32 key) still parse, with the RFC defaults.

Nothing here puts the seed in an error message, a `repr` or a log line: `TotpError` carries a
fixed message per `code`, and `TotpSpec.key` is left out of the dataclass `repr`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
import struct
import urllib.parse
from dataclasses import dataclass, field
from typing import Final, Literal

Algorithm = Literal["SHA1", "SHA256", "SHA512"]

#: RFC 6238 §4 / Google Authenticator Key Uri Format defaults.
DEFAULT_DIGITS: Final = 6
DEFAULT_PERIOD: Final = 30
DEFAULT_ALGORITHM: Final[Algorithm] = "SHA1"
#: Bounds we accept. Authenticator apps show 6–8 digits; periods outside 15–120 s are typos.
MIN_DIGITS: Final = 6
MAX_DIGITS: Final = 8
MIN_PERIOD: Final = 15
MAX_PERIOD: Final = 120
#: RFC 4226 §4 asks for at least 128 bits but many services issue 80-bit (16-character) keys,
#: so 10 bytes is the floor. The ceiling only bounds work on pasted garbage (SHA-512 blocks are
#: 128 bytes; longer keys are hashed first and add nothing).
MIN_KEY_BYTES: Final = 10
MAX_KEY_BYTES: Final = 128
#: Longest input looked at, long enough for any real otpauth URI with a long label.
MAX_INPUT: Final = 2048

_HASHES: Final = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}
#: Algorithm names as URIs spell them ("sha256", "SHA-256") → ours.
_ALGORITHMS: Final[dict[str, Algorithm]] = {"SHA1": "SHA1", "SHA256": "SHA256", "SHA512": "SHA512"}
#: What may separate the groups of a typed key: spaces (most sites) and hyphens (some).
_SEPARATORS: Final = re.compile(r"[\s-]+")
_BASE32: Final = re.compile(r"[A-Za-z2-7]+")
#: Unpadded Base32 lengths modulo 8 that can end a whole number of bytes (RFC 4648 §6).
_VALID_TAILS: Final = frozenset({0, 2, 4, 5, 7})
_EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_SECOND: Final = dt.timedelta(seconds=1)

#: Fixed English messages per error code; views show their own translated text per code.
_MESSAGES: Final = {
    "empty": "no TOTP seed given",
    "too_long": "the TOTP seed is too long",
    "invalid_base32": "the TOTP seed is not valid Base32",
    "invalid_uri": "the otpauth URI is malformed",
    "not_totp": "the otpauth URI is not for a time-based code",
    "missing_secret": "the otpauth URI has no secret",
    "unsupported_algorithm": "the TOTP algorithm is not SHA1, SHA256 or SHA512",
    "invalid_digits": "a TOTP code has 6 to 8 digits",
    "invalid_period": "a TOTP period is 15 to 120 seconds",
    "too_short": "the TOTP seed is shorter than 80 bits",
}

ErrorCode = Literal[
    "empty",
    "too_long",
    "invalid_base32",
    "invalid_uri",
    "not_totp",
    "missing_secret",
    "unsupported_algorithm",
    "invalid_digits",
    "invalid_period",
    "too_short",
]


class TotpError(ValueError):
    """A seed that cannot give codes. The message is fixed per `code` and never holds the seed."""

    def __init__(self, code: ErrorCode) -> None:
        super().__init__(_MESSAGES[code])
        #: Which check failed; views map it to their own text.
        self.code: ErrorCode = code


@dataclass(frozen=True, slots=True)
class TotpSpec:
    """A key and the parameters codes are computed with. Hold it only while codes are shown."""

    #: The HMAC key; kept out of `repr` so a traceback or log line never shows it.
    key: bytes = field(repr=False)
    digits: int = DEFAULT_DIGITS
    period: int = DEFAULT_PERIOD
    algorithm: Algorithm = DEFAULT_ALGORITHM

    def __post_init__(self) -> None:
        if len(self.key) < MIN_KEY_BYTES:
            raise TotpError("too_short")
        if len(self.key) > MAX_KEY_BYTES:
            raise TotpError("too_long")
        if not MIN_DIGITS <= self.digits <= MAX_DIGITS:
            raise TotpError("invalid_digits")
        if not MIN_PERIOD <= self.period <= MAX_PERIOD:
            raise TotpError("invalid_period")
        if self.algorithm not in _HASHES:
            raise TotpError("unsupported_algorithm")


# --- parsing --------------------------------------------------------------------------------


def parse(text: str) -> TotpSpec:
    """The seed as typed or pasted: a Base32 key or an `otpauth://totp/` URI; else `TotpError`."""
    text = text.strip()
    if not text:
        raise TotpError("empty")
    if len(text) > MAX_INPUT:
        raise TotpError("too_long")
    if text[:10].lower() == "otpauth://":
        return _parse_uri(text)
    if "://" in text:
        raise TotpError("invalid_uri")
    return TotpSpec(_decode_base32(text))


def normalise(text: str) -> str:
    """The canonical URI the vault stores for a typed seed (see the module docstring)."""
    return to_uri(parse(text))


def to_uri(spec: TotpSpec) -> str:
    """`spec` as the canonical `otpauth://totp/?secret=…` URI, parameters always spelled out."""
    secret = base64.b32encode(spec.key).decode("ascii").rstrip("=")
    return (
        f"otpauth://totp/?secret={secret}&algorithm={spec.algorithm}"
        f"&digits={spec.digits}&period={spec.period}"
    )


def _decode_base32(text: str) -> bytes:
    compact = _SEPARATORS.sub("", text).rstrip("=")
    # Checked before upper-casing: `str.upper()` maps some non-ASCII letters onto A–Z.
    if not compact or _BASE32.fullmatch(compact) is None:
        raise TotpError("invalid_base32")
    if len(compact) % 8 not in _VALID_TAILS:
        raise TotpError("invalid_base32")
    padded = compact.upper() + "=" * (-len(compact) % 8)
    try:
        return base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise TotpError("invalid_base32") from None


def _parse_uri(text: str) -> TotpSpec:
    try:
        parts = urllib.parse.urlsplit(text)
        pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        raise TotpError("invalid_uri") from None
    if parts.scheme.lower() != "otpauth":
        raise TotpError("invalid_uri")
    if parts.netloc.lower() == "hotp":
        raise TotpError("not_totp")
    if parts.netloc.lower() != "totp":
        raise TotpError("invalid_uri")
    params: dict[str, str] = {}
    for name, value in pairs:
        name = name.lower()
        if name in params:  # two secrets (or periods) would make the code ambiguous
            raise TotpError("invalid_uri")
        params[name] = value
    secret = params.get("secret", "")
    if not secret.strip():
        raise TotpError("missing_secret")
    key = _decode_base32(secret)
    name = params.get("algorithm", DEFAULT_ALGORITHM).strip().upper().replace("-", "")
    algorithm = _ALGORITHMS.get(name)
    if algorithm is None:
        raise TotpError("unsupported_algorithm")
    digits = _number(params.get("digits"), DEFAULT_DIGITS, "invalid_digits")
    period = _number(params.get("period"), DEFAULT_PERIOD, "invalid_period")
    return TotpSpec(key, digits, period, algorithm)


def _number(value: str | None, default: int, code: ErrorCode) -> int:
    if value is None:
        return default
    value = value.strip()
    # `int()` also takes other scripts' digits and "1_0"; a URI parameter is plain ASCII.
    if not value.isascii() or not value.isdigit() or len(value) > 4:
        raise TotpError(code)
    return int(value)


# --- codes ----------------------------------------------------------------------------------


def code(spec: TotpSpec, at: dt.datetime) -> str:
    """The code valid at `at` (an aware instant), zero-padded to `spec.digits`."""
    counter = _seconds(at) // spec.period
    digest = hmac.new(spec.key, struct.pack(">Q", counter), _HASHES[spec.algorithm]).digest()
    # RFC 4226 §5.3 dynamic truncation.
    offset = digest[-1] & 0x0F
    (value,) = struct.unpack(">I", digest[offset : offset + 4])
    return str((value & 0x7FFFFFFF) % 10**spec.digits).zfill(spec.digits)


def seconds_left(spec: TotpSpec, at: dt.datetime) -> int:
    """Whole seconds until the code at `at` expires: `spec.period` down to 1."""
    return spec.period - _seconds(at) % spec.period


def _seconds(at: dt.datetime) -> int:
    """Whole seconds since the Unix epoch, exactly (no float rounding near the boundary)."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("a naive datetime has no definite instant; pass an aware one")
    seconds = (at - _EPOCH) // _SECOND
    if seconds < 0:
        raise ValueError("TOTP codes start at the Unix epoch")
    return seconds
