"""Argon2id KEK derivation, parameter bounds and the vault password policy (vault.md §2 KDF)."""

from __future__ import annotations

import base64
import dataclasses
import json
import time

import pytest
from argon2 import low_level

from app.vault import kdf
from app.vault.errors import VaultParametersInvalid
from app.vault.kdf import (
    POLICY,
    KdfParams,
    WeakVaultPassword,
    below_policy,
    check_bounds,
    check_vault_password,
    derive_kek,
    derive_kek_fallback,
    new_params,
)

SALT = bytes(range(16))
#: The cheapest parameters the bounds accept, for tests that only need *a* derivation.
CHEAP = KdfParams(t=1, m=19456, p=1, salt=SALT)


def test_policy_is_rfc_9106_low_memory() -> None:
    assert (POLICY.time_cost, POLICY.memory_cost, POLICY.parallelism) == (3, 65536, 4)
    assert (POLICY.salt_len, POLICY.hash_len, POLICY.type) == (16, 32, low_level.Type.ID)
    params = new_params()
    assert (params.alg, params.v, params.t, params.m, params.p) == ("argon2id", 19, 3, 65536, 4)
    assert len(params.salt) == 16
    assert new_params().salt != params.salt
    assert not below_policy(params)


def test_argon2_cffi_and_cryptography_agree_at_policy() -> None:
    params = new_params()
    kek = derive_kek("correct horse battery", params)
    assert len(kek) == 32
    assert derive_kek_fallback("correct horse battery", params) == kek
    # …and it really is Argon2id v19 over the UTF-8 password with these parameters.
    assert kek == low_level.hash_secret_raw(
        b"correct horse battery", params.salt, 3, 65536, 4, 32, low_level.Type.ID, 19
    )


def test_kek_depends_on_password_and_salt() -> None:
    kek = derive_kek("correct horse battery", CHEAP)
    assert derive_kek("correct horse batterY", CHEAP) != kek
    assert derive_kek("correct horse battery", dataclasses.replace(CHEAP, salt=SALT[::-1])) != kek


def test_password_is_nfc_normalised() -> None:
    """macOS may hand us decomposed text; the same password must give the same KEK."""
    composed, decomposed = "caf\u00e9-password-1", "cafe\u0301-password-1"
    assert derive_kek(composed, CHEAP) == derive_kek(decomposed, CHEAP)
    assert derive_kek_fallback(decomposed, CHEAP) == derive_kek(composed, CHEAP)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"m": 4 * 1024 * 1024}, id="m-4GiB"),
        pytest.param({"t": 1000}, id="t-1000"),
        pytest.param({"t": 0}, id="t-0"),
        pytest.param({"t": 11}, id="t-11"),
        pytest.param({"m": 19455}, id="m-below"),
        pytest.param({"m": 1048577}, id="m-above"),
        pytest.param({"p": 0}, id="p-0"),
        pytest.param({"p": 9}, id="p-9"),
        pytest.param({"salt": bytes(15)}, id="salt-15"),
        pytest.param({"salt": bytes(65)}, id="salt-65"),
        pytest.param({"alg": "argon2i"}, id="alg"),
        pytest.param({"v": 16}, id="version-16"),
        pytest.param({"t": True}, id="bool"),
    ],
)
def test_out_of_bounds_is_refused_before_deriving(
    changes: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_derive(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("derivation attempted with out-of-bounds parameters")

    monkeypatch.setattr(low_level, "hash_secret_raw", must_not_derive)
    monkeypatch.setattr(kdf, "Argon2id", must_not_derive)
    params = dataclasses.replace(new_params(), **changes)  # type: ignore[arg-type]
    for derive in (derive_kek, derive_kek_fallback):
        started = time.perf_counter()
        with pytest.raises(VaultParametersInvalid) as info:
            derive("correct horse battery", params)
        assert time.perf_counter() - started < 0.5
        assert str(info.value) == "vault parameters invalid"


@pytest.mark.parametrize(
    "params",
    [
        KdfParams(t=1, m=19456, p=1, salt=bytes(16)),
        KdfParams(t=10, m=1048576, p=8, salt=bytes(64)),
    ],
    ids=["lower-edges", "upper-edges"],
)
def test_bounds_are_inclusive(params: KdfParams) -> None:
    check_bounds(params)  # does not raise


def test_owasp_minimum_is_accepted_but_below_policy() -> None:
    params = KdfParams(t=2, m=19456, p=1, salt=SALT)
    check_bounds(params)
    assert below_policy(params)
    assert len(derive_kek("correct horse battery", params)) == 32


@pytest.mark.parametrize("changes", [{"t": 2}, {"m": 65535}, {"p": 3}], ids=["t", "m", "p"])
def test_any_parameter_below_policy_counts(changes: dict[str, int]) -> None:
    assert below_policy(dataclasses.replace(new_params(), **changes))  # type: ignore[arg-type]
    # Above policy is not "below".
    assert not below_policy(dataclasses.replace(new_params(), t=4, m=131072, p=8))


def test_params_json_round_trip() -> None:
    params = new_params()
    assert KdfParams.from_json(params.to_json()) == params
    assert KdfParams.from_dict(params.to_dict()) == params
    assert json.loads(params.to_json()) == {
        "alg": "argon2id",
        "v": 19,
        "t": 3,
        "m": 65536,
        "p": 4,
        "salt": base64.b64encode(params.salt).decode(),
    }


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"alg":"argon2id","v":19,"t":3,"m":65536,"p":4}',
        '{"alg":"argon2id","v":19,"t":"3","m":65536,"p":4,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
        '{"alg":"argon2id","v":19,"t":true,"m":65536,"p":4,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="}',
        '{"alg":"argon2id","v":19,"t":3,"m":65536,"p":4,"salt":"not base64!"}',
    ],
)
def test_malformed_params_json_is_refused(text: str) -> None:
    with pytest.raises(VaultParametersInvalid):
        KdfParams.from_json(text)


# --- vault password policy ----------------------------------------------------------------


def test_password_policy() -> None:
    check_vault_password("twelve chars", "alice")  # exactly 12: accepted
    with pytest.raises(WeakVaultPassword) as info:
        check_vault_password("eleven char", "alice")
    assert info.value.code == "too_short"
    assert isinstance(info.value, ValueError)
    with pytest.raises(WeakVaultPassword) as info:
        check_vault_password("Alice.Technician", "alice.technician")
    assert info.value.code == "same_as_login"
    with pytest.raises(WeakVaultPassword) as info:
        check_vault_password("db-password-123", "alice", db_password="db-password-123")
    assert info.value.code == "same_as_db_password"
    check_vault_password("db-password-124", "alice", db_password="db-password-123")


def test_message_never_contains_the_password() -> None:
    with pytest.raises(WeakVaultPassword) as info:
        check_vault_password("hunter2", "alice")
    assert "hunter2" not in str(info.value)
