"""The key cache: keys held while unlocked, wiped on lock and after the idle time (vault.md §7)."""

from __future__ import annotations

import threading

import pytest

from app.vault.errors import VaultLocked
from app.vault.keycache import KeyCache

PRIVATE = b"\x11" * 32
VAULT_KEY = b"\x22" * 32


class Seconds:
    """A settable monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def unlocked(clock: Seconds, minutes: int = 15) -> KeyCache:
    cache = KeyCache(clock, idle_minutes=minutes)
    cache.unlock(PRIVATE, org_signing_key=b"\x33" * 32)
    cache.put_vault_key(4, 1, VAULT_KEY)
    return cache


def test_a_locked_cache_gives_no_keys():
    cache = KeyCache(Seconds())
    assert not cache.is_unlocked
    for read in (cache.private_key, cache.org_signing_key, lambda: cache.vault_key(4, 1)):
        with pytest.raises(VaultLocked):
            read()
    with pytest.raises(VaultLocked):
        cache.put_vault_key(4, 1, VAULT_KEY)


def test_unlocked_keys_are_handed_out_per_vault_and_version():
    cache = unlocked(Seconds())
    assert cache.private_key() == PRIVATE
    assert cache.org_signing_key() == b"\x33" * 32
    assert cache.vault_key(4, 1) == VAULT_KEY
    assert cache.vault_key(4, 2) is None and cache.vault_key(5, 1) is None


def test_lock_overwrites_every_buffer():
    cache = unlocked(Seconds())
    buffers = [cache._private, cache._org_signing, cache._vault_keys[(4, 1)]]
    cache.lock()
    assert all(b is not None and b == bytearray(32) for b in buffers)
    assert not cache.is_unlocked and cache.held_vault_keys() == 0
    with pytest.raises(VaultLocked):
        cache.vault_key(4, 1)


def test_after_the_idle_time_the_cache_is_empty_and_reads_raise():
    clock = Seconds()
    cache = unlocked(clock, minutes=15)
    clock.now += 14 * 60 + 59
    assert cache.vault_key(4, 1) == VAULT_KEY  # reading is not activity
    clock.now += 1
    with pytest.raises(VaultLocked):
        cache.vault_key(4, 1)
    assert cache.held_vault_keys() == 0 and not cache.is_unlocked


def test_activity_restarts_the_idle_time_but_cannot_revive_an_expired_cache():
    clock = Seconds()
    cache = unlocked(clock, minutes=1)
    clock.now += 50
    cache.touch()
    clock.now += 50
    assert cache.is_unlocked  # 100 s after unlock, 50 s after the touch
    clock.now += 60
    cache.touch()  # too late: already expired
    assert not cache.is_unlocked


def test_forgetting_a_vault_wipes_all_its_versions_only():
    cache = unlocked(Seconds())
    cache.put_vault_key(4, 2, b"\x44" * 32)
    cache.put_vault_key(9, 1, b"\x55" * 32)
    old = cache._vault_keys[(4, 1)]
    cache.forget_vault(4)
    assert old == bytearray(32)
    assert cache.vault_key(4, 1) is None and cache.vault_key(4, 2) is None
    assert cache.vault_key(9, 1) == b"\x55" * 32


@pytest.mark.parametrize("minutes", [0, 241, -5])
def test_idle_minutes_outside_1_to_240_are_refused(minutes):
    with pytest.raises(ValueError):
        KeyCache(Seconds(), idle_minutes=minutes)


def test_threads_reading_while_another_locks_never_see_a_half_wiped_key():
    cache = unlocked(Seconds())
    seen: set[bytes] = set()

    def read() -> None:
        for _ in range(2000):
            try:
                seen.add(cache.vault_key(4, 1) or b"")
            except VaultLocked:
                return

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    cache.lock()
    for t in readers:
        t.join()
    assert seen <= {VAULT_KEY}
