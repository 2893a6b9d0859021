"""The lowest Argon2id cost the KDF bounds allow, for tests about vault flows rather than the KDF.

Use it autouse in a module by assignment: `fast_kdf = vault_speed.fast_kdf`.
"""

from __future__ import annotations

import dataclasses

import pytest
from argon2 import profiles

from app.vault import kdf


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    low = dataclasses.replace(
        profiles.RFC_9106_LOW_MEMORY, time_cost=1, memory_cost=kdf.M_MIN, parallelism=1
    )
    monkeypatch.setattr(kdf, "POLICY", low)
