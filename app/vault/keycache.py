"""Unlocked key material of the signed-in technician, dropped on lock or after idle time.

vault.md §7: one cache holds the private key, the unlocked vault keys per (vault, version) and,
for admins, the org signing key, as `bytearray`s overwritten on lock. Overwriting is best effort:
CPython may have copied the bytes elsewhere (the cryptography calls take `bytes`), which is why
the cache is short-lived and locks itself after `idle_seconds` without user activity.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Final

from app.vault.errors import VaultLocked

#: vault.md §7.2: idle lock between 1 and 240 minutes, 15 by default.
IDLE_MINUTES_RANGE: Final = range(1, 241)
DEFAULT_IDLE_MINUTES: Final = 15


def _wipe(buffer: bytearray) -> None:
    buffer[:] = bytes(len(buffer))


class KeyCache:
    """Thread-safe: the GUI records activity while workers read keys on other threads.

    `clock` returns seconds (monotonic in production, a fake in tests). A key read after the idle
    time has passed locks the cache and raises `VaultLocked`, so expiry does not depend on a
    timer firing.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        idle_minutes: int = DEFAULT_IDLE_MINUTES,
    ) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._idle_seconds = 0.0
        self.set_idle_minutes(idle_minutes)
        self._private: bytearray | None = None
        self._org_signing: bytearray | None = None
        self._vault_keys: dict[tuple[int, int], bytearray] = {}
        self._last_activity = clock()

    def set_idle_minutes(self, minutes: int) -> None:
        if minutes not in IDLE_MINUTES_RANGE:
            raise ValueError("idle lock must be 1–240 minutes")
        self._idle_seconds = minutes * 60.0

    # -- state ---------------------------------------------------------------------------------

    def unlock(self, private_key: bytes, org_signing_key: bytes | None = None) -> None:
        """Hold the technician's keys (after a password or device unlock); restarts idle time."""
        with self._lock:
            self._clear()
            self._private = bytearray(private_key)
            self._org_signing = None if org_signing_key is None else bytearray(org_signing_key)
            self._last_activity = self._clock()

    def lock(self) -> None:
        """Overwrite and drop every key (Lock now, idle, OS session lock, quit)."""
        with self._lock:
            self._clear()

    def touch(self) -> None:
        """The technician used the app: idle time starts again (ignored while locked)."""
        with self._lock:
            if self._private is not None and not self._expired():
                self._last_activity = self._clock()

    @property
    def is_unlocked(self) -> bool:
        with self._lock:
            self._expire_if_idle()
            return self._private is not None

    # -- keys ----------------------------------------------------------------------------------

    def private_key(self) -> bytes:
        with self._lock:
            return bytes(self._require(self._private))

    def org_signing_key(self) -> bytes | None:
        with self._lock:
            self._require(self._private)
            return None if self._org_signing is None else bytes(self._org_signing)

    def put_vault_key(self, vault_id: int, version: int, key: bytes) -> None:
        with self._lock:
            self._require(self._private)
            old = self._vault_keys.pop((vault_id, version), None)
            if old is not None:
                _wipe(old)
            self._vault_keys[(vault_id, version)] = bytearray(key)

    def vault_key(self, vault_id: int, version: int) -> bytes | None:
        """The unlocked key of (vault, version), or None if it was not opened yet."""
        with self._lock:
            self._require(self._private)
            found = self._vault_keys.get((vault_id, version))
            return None if found is None else bytes(found)

    def forget_vault(self, vault_id: int) -> None:
        """Drop every version of one vault's key (after a rotation or a revoked grant)."""
        with self._lock:
            for key in [k for k in self._vault_keys if k[0] == vault_id]:
                _wipe(self._vault_keys.pop(key))

    def held_vault_keys(self) -> int:
        with self._lock:
            return len(self._vault_keys)

    # -- internals (caller holds the lock) -----------------------------------------------------

    def _expired(self) -> bool:
        return self._clock() - self._last_activity >= self._idle_seconds

    def _expire_if_idle(self) -> None:
        if self._private is not None and self._expired():
            self._clear()

    def _require(self, value: bytearray | None) -> bytearray:
        self._expire_if_idle()
        if value is None or self._private is None:
            raise VaultLocked()
        return value

    def _clear(self) -> None:
        for buffer in (self._private, self._org_signing, *self._vault_keys.values()):
            if buffer is not None:
                _wipe(buffer)
        self._private = None
        self._org_signing = None
        self._vault_keys.clear()
