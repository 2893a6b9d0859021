"""The recovery kit: the recovery private key as Base32 groups with a checksum (vault.md §8.1).

Shown once at first setup and never stored; typed back in for break-glass recovery.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from app.vault import crypto


@dataclass(frozen=True, slots=True)
class RecoveryKit:
    """The recovery private key, shown once: Base32 groups of four and a checksum group."""

    key_id: int
    groups: tuple[str, ...]

    def text(self) -> str:
        return " ".join(self.groups)


def recovery_kit(key_id: int, private_key: bytes) -> RecoveryKit:
    encoded = base64.b32encode(private_key).decode().rstrip("=")
    check = base64.b32encode(hashlib.sha256(private_key).digest()).decode()[:4]
    groups = [encoded[i : i + 4] for i in range(0, len(encoded), 4)]
    return RecoveryKit(key_id, (*groups, check))


def parse_recovery_kit(text: str) -> bytes:
    """The recovery private key from a typed kit; ValueError when it does not check out."""
    groups = text.upper().replace("-", " ").split()
    if len(groups) < 2:
        raise ValueError("incomplete recovery kit")
    body, check = "".join(groups[:-1]), groups[-1]
    try:
        key = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError:
        raise ValueError("not a recovery kit") from None
    if len(key) != crypto.KEY_LEN or recovery_kit(0, key).groups[-1] != check:
        raise ValueError("recovery kit checksum does not match")
    return key
