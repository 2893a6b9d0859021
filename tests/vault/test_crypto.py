"""Blobs, AAD binding, grants, record MACs, org signatures, bundles (vault.md §2, §3, §14)."""

from __future__ import annotations

import os
import re
from uuid import UUID, uuid4

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.vault.crypto import (
    GRANT_LEN,
    Bundle,
    bundle_aad,
    canonical_json,
    decode_bundle,
    device_aad,
    encode_bundle,
    field_aad,
    fingerprint,
    generate_org_signing_seed,
    generate_vault_key,
    generate_x25519_keypair,
    grant_aad,
    open_bundle,
    open_field,
    open_grant,
    open_sealed,
    org_signing_public_key,
    record_mac,
    record_mac_key,
    recovery_recipient,
    seal,
    seal_bundle,
    seal_field,
    seal_grant,
    sign_user_pubkey,
    user_recipient,
    verify_record_mac,
    verify_user_pubkey,
    x25519_public_key,
)
from app.vault.errors import InvalidPublicKey, VaultFormatError, VaultIntegrityError

ITEM_A = UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
ITEM_B = UUID("7c9e6679-7425-40de-944b-e07fc1f90ae7")
PASSWORD = b"Sup3r-Secret-Pa55!"


@pytest.fixture
def vault_key() -> bytes:
    return generate_vault_key()


@pytest.fixture
def sealed_password(vault_key: bytes) -> bytes:
    """`enc_password` of item A in vault 1, key version 1."""
    return seal(vault_key, PASSWORD, field_aad(1, 1, ITEM_A, "password"))


# --- AAD strings --------------------------------------------------------------------------


def test_aad_strings_are_spelled_exactly() -> None:
    assert field_aad(1, 2, ITEM_A, "password") == (
        b"hd1|field|1|2|0f8fad5b-d9cb-469f-a165-70867728950e|password"
    )
    assert grant_aad(3, 4, user_recipient(5)) == b"hd1|grant|3|4|user:5"
    assert grant_aad(3, 4, recovery_recipient(9)) == b"hd1|grant|3|4|recovery:9"
    assert bundle_aad(7) == b"hd1|bundle|7"
    assert device_aad(7, ITEM_B) == b"hd1|device|7|7c9e6679-7425-40de-944b-e07fc1f90ae7"
    # An upper-case UUID string is canonicalised, so one row has exactly one AAD.
    assert field_aad(1, 2, str(ITEM_A).upper(), "notes") == field_aad(1, 2, ITEM_A, "notes")


@pytest.mark.parametrize(
    "call",
    [
        lambda: field_aad(1, 1, ITEM_A, "pass|word"),
        lambda: field_aad(1, 1, ITEM_A, "Password"),
        lambda: field_aad(-1, 1, ITEM_A, "password"),
        lambda: grant_aad(1, 1, "user:5|x"),
        lambda: grant_aad(1, 1, "admin:5"),
        lambda: field_aad(1, 1, "not-a-uuid", "password"),
    ],
)
def test_aad_refuses_ambiguous_parts(call) -> None:
    with pytest.raises(ValueError):
        call()


def test_aad_refuses_bool_ids() -> None:
    with pytest.raises(TypeError):
        field_aad(True, 1, ITEM_A, "password")


# --- sealed v1: layout and binding ----------------------------------------------------------


def test_sealed_round_trip_and_length(vault_key: bytes, sealed_password: bytes) -> None:
    assert len(sealed_password) == 29 + len(PASSWORD)
    assert sealed_password[0] == 0x01
    assert PASSWORD not in sealed_password
    assert open_sealed(vault_key, sealed_password, field_aad(1, 1, ITEM_A, "password")) == PASSWORD
    assert len(seal(vault_key, b"", b"aad")) == 29


def test_each_seal_uses_a_fresh_nonce(vault_key: bytes) -> None:
    aad = field_aad(1, 1, ITEM_A, "password")
    blobs = {seal(vault_key, PASSWORD, aad) for _ in range(20)}
    assert len({blob[1:13] for blob in blobs}) == 20


def test_nonce_comes_from_os_urandom(vault_key: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "urandom", lambda n: b"\xab" * n)
    assert seal(vault_key, PASSWORD, b"aad")[1:13] == b"\xab" * 12


@pytest.mark.parametrize(
    "wrong_aad",
    [
        pytest.param(field_aad(1, 1, ITEM_B, "password"), id="another-item"),
        pytest.param(field_aad(1, 1, ITEM_A, "notes"), id="another-field"),
        pytest.param(field_aad(2, 1, ITEM_A, "password"), id="another-vault"),
        pytest.param(field_aad(1, 2, ITEM_A, "password"), id="another-key-version"),
    ],
)
def test_blob_moved_elsewhere_fails(vault_key: bytes, sealed_password: bytes, wrong_aad) -> None:
    with pytest.raises(VaultIntegrityError) as info:
        open_sealed(
            vault_key, sealed_password, wrong_aad, table="vault_items", row_id=ITEM_B, field="x"
        )
    err = info.value
    assert (err.table, err.row_id, err.field) == ("vault_items", ITEM_B, "x")
    assert str(err) == f"integrity check failed: vault_items row {ITEM_B} field x"
    # The error chain carries no InvalidTag (nor anything else) that could hold data.
    assert err.__cause__ is None and err.__suppress_context__


def test_open_field_names_the_column(vault_key: bytes) -> None:
    blob = seal_field(
        vault_key, PASSWORD, vault_id=1, key_version=1, item_id=ITEM_A, field="password"
    )
    assert (
        open_field(vault_key, blob, vault_id=1, key_version=1, item_id=ITEM_A, field="password")
        == PASSWORD
    )
    with pytest.raises(VaultIntegrityError) as info:
        open_field(vault_key, blob, vault_id=1, key_version=1, item_id=ITEM_B, field="password")
    assert (info.value.table, info.value.row_id, info.value.field) == (
        "vault_items",
        ITEM_B,
        "enc_password",
    )


def test_another_vaults_key_fails(sealed_password: bytes) -> None:
    with pytest.raises(VaultIntegrityError):
        open_sealed(generate_vault_key(), sealed_password, field_aad(1, 1, ITEM_A, "password"))


def test_every_single_bit_flip_fails(vault_key: bytes, sealed_password: bytes) -> None:
    aad = field_aad(1, 1, ITEM_A, "password")
    # Skip bits of byte 0: those change the version byte, tested separately.
    for bit in range(8, len(sealed_password) * 8):
        tampered = bytearray(sealed_password)
        tampered[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(VaultIntegrityError):
            open_sealed(vault_key, bytes(tampered), aad)


@pytest.mark.parametrize("first", [0x00, 0x02, 0xFF])
def test_unknown_version_byte_is_a_format_error(
    vault_key: bytes, sealed_password: bytes, first: int
) -> None:
    blob = bytes((first,)) + sealed_password[1:]
    with pytest.raises(VaultFormatError):
        open_sealed(vault_key, blob, field_aad(1, 1, ITEM_A, "password"))


def test_empty_blob_is_a_format_error(vault_key: bytes) -> None:
    with pytest.raises(VaultFormatError):
        open_sealed(vault_key, b"", b"aad")


def test_truncation(vault_key: bytes, sealed_password: bytes) -> None:
    """Decision: shorter than the 29-byte minimum → VaultFormatError (cannot be sealed v1);
    any other truncation or extension fails the tag → VaultIntegrityError."""
    aad = field_aad(1, 1, ITEM_A, "password")
    for length in (1, 13, 28):
        with pytest.raises(VaultFormatError):
            open_sealed(vault_key, sealed_password[:length], aad)
    for length in range(29, len(sealed_password)):
        with pytest.raises(VaultIntegrityError):
            open_sealed(vault_key, sealed_password[:length], aad)
    with pytest.raises(VaultIntegrityError):
        open_sealed(vault_key, sealed_password + b"\x00", aad)


def test_only_256_bit_keys(sealed_password: bytes) -> None:
    with pytest.raises(ValueError):
        seal(os.urandom(16), PASSWORD, b"aad")
    with pytest.raises(ValueError):
        open_sealed(os.urandom(16), sealed_password, b"aad")


def test_bytearray_keys_work(vault_key: bytes) -> None:
    """The key cache holds keys as bytearrays."""
    blob = seal(bytearray(vault_key), PASSWORD, b"aad")
    assert open_sealed(bytearray(vault_key), blob, b"aad") == PASSWORD


# --- grants -------------------------------------------------------------------------------


def test_grant_round_trip_and_layout(vault_key: bytes) -> None:
    alice_sk, alice_pub = generate_x25519_keypair()
    aad = grant_aad(1, 1, user_recipient(10))
    grant = seal_grant(vault_key, alice_pub, aad)
    assert len(grant) == GRANT_LEN == 93
    assert grant[0] == 0x01
    assert vault_key not in grant
    assert open_grant(grant, alice_sk, aad) == vault_key
    assert open_grant(grant, bytearray(alice_sk), aad) == vault_key
    # A fresh ephemeral key per grant: two grants of the same key to the same user differ.
    assert seal_grant(vault_key, alice_pub, aad)[1:33] != grant[1:33]


def test_bob_cannot_open_alices_grant(vault_key: bytes) -> None:
    _alice_sk, alice_pub = generate_x25519_keypair()
    bob_sk, _bob_pub = generate_x25519_keypair()
    grant = seal_grant(vault_key, alice_pub, grant_aad(1, 1, user_recipient(10)))
    for aad in (grant_aad(1, 1, user_recipient(10)), grant_aad(1, 1, user_recipient(11))):
        with pytest.raises(VaultIntegrityError) as info:
            open_grant(grant, bob_sk, aad, row_id="1/1/user:11")
        assert (info.value.table, info.value.field) == ("vault_grants", "sealed")


@pytest.mark.parametrize(
    "wrong_aad",
    [
        pytest.param(grant_aad(1, 1, user_recipient(11)), id="another-user"),
        pytest.param(grant_aad(1, 1, recovery_recipient(10)), id="recovery-not-user"),
        pytest.param(grant_aad(1, 2, user_recipient(10)), id="another-version"),
        pytest.param(grant_aad(2, 1, user_recipient(10)), id="another-vault"),
    ],
)
def test_grant_opened_with_the_wrong_aad_fails(vault_key: bytes, wrong_aad: bytes) -> None:
    alice_sk, alice_pub = generate_x25519_keypair()
    grant = seal_grant(vault_key, alice_pub, grant_aad(1, 1, user_recipient(10)))
    with pytest.raises(VaultIntegrityError):
        open_grant(grant, alice_sk, wrong_aad)


def test_grant_bit_flips_and_format(vault_key: bytes) -> None:
    alice_sk, alice_pub = generate_x25519_keypair()
    aad = grant_aad(1, 1, user_recipient(10))
    grant = seal_grant(vault_key, alice_pub, aad)
    for index in range(1, GRANT_LEN):
        tampered = bytearray(grant)
        tampered[index] ^= 0x01
        with pytest.raises(VaultIntegrityError):
            open_grant(bytes(tampered), alice_sk, aad)
    with pytest.raises(VaultFormatError):
        open_grant(b"\x02" + grant[1:], alice_sk, aad)
    for bad_length in (grant[:-1], grant + b"\x00", b""):
        with pytest.raises(VaultFormatError):
            open_grant(bad_length, alice_sk, aad)


@pytest.mark.parametrize(
    "point",
    [
        pytest.param(bytes(32), id="zero"),
        pytest.param(b"\x01" + bytes(31), id="one"),
        # A point of order 8 (libsodium's blocklist); its shared secret is all zeros.
        pytest.param(
            bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
            id="order-8",
        ),
    ],
)
def test_low_order_recipient_is_refused(vault_key: bytes, point: bytes) -> None:
    with pytest.raises(InvalidPublicKey):
        seal_grant(vault_key, point, grant_aad(1, 1, user_recipient(10)))


def test_low_order_ephemeral_key_in_a_stored_grant_fails(vault_key: bytes) -> None:
    alice_sk, alice_pub = generate_x25519_keypair()
    aad = grant_aad(1, 1, user_recipient(10))
    forged = b"\x01" + bytes(32) + seal_grant(vault_key, alice_pub, aad)[33:]
    with pytest.raises(VaultIntegrityError):
        open_grant(forged, alice_sk, aad)


def test_wrong_length_recipient_key_is_refused(vault_key: bytes) -> None:
    with pytest.raises(InvalidPublicKey):
        seal_grant(vault_key, os.urandom(31), grant_aad(1, 1, user_recipient(10)))


def test_x25519_public_key_matches_the_pair() -> None:
    sk, pub = generate_x25519_keypair()
    assert len(sk) == len(pub) == 32
    assert x25519_public_key(sk) == pub


# --- record MAC ---------------------------------------------------------------------------

RECORD = {
    "id": 4,
    "client_id": 2,
    "protocol": "rdp",
    "host": "dc01.example.test",
    "port": 3389,
    "domain": "EXAMPLE",
    "item_ids": [ITEM_A],
}


def test_record_mac_verifies_and_catches_a_changed_host(vault_key: bytes) -> None:
    key = record_mac_key(vault_key, 1, 1)
    mac = record_mac(key, RECORD)
    assert len(mac) == 32
    assert verify_record_mac(key, dict(RECORD), mac)
    assert verify_record_mac(key, dict(reversed(RECORD.items())), mac)  # key order is irrelevant
    assert not verify_record_mac(key, {**RECORD, "host": "evil.example.test"}, mac)
    assert not verify_record_mac(key, {**RECORD, "port": 3390}, mac)
    assert not verify_record_mac(record_mac_key(vault_key, 1, 2), RECORD, mac)
    assert not verify_record_mac(record_mac_key(vault_key, 2, 1), RECORD, mac)


def test_record_mac_key_is_hkdf_with_the_spelled_info(vault_key: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    expected = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"hd1|record-mac|1|3"
    ).derive(vault_key)
    assert record_mac_key(vault_key, 1, 3) == expected


def test_canonical_json_form() -> None:
    assert canonical_json({"b": 1, "a": [ITEM_A, "é"]}) == (
        '{"a":["0f8fad5b-d9cb-469f-a165-70867728950e","é"],"b":1}'.encode()
    )
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})
    with pytest.raises(TypeError):
        canonical_json({"x": b"raw"})


# --- org signatures and fingerprints ------------------------------------------------------


def test_user_pubkey_signature() -> None:
    seed = generate_org_signing_seed()
    org_pub = org_signing_public_key(seed)
    _sk, pub = generate_x25519_keypair()
    _sk2, other_pub = generate_x25519_keypair()
    sig = sign_user_pubkey(seed, 7, pub)
    assert len(sig) == 64
    assert sign_user_pubkey(Ed25519PrivateKey.from_private_bytes(seed), 7, pub) == sig
    assert verify_user_pubkey(org_pub, 7, pub, sig)
    assert not verify_user_pubkey(org_pub, 8, pub, sig)  # another user id
    assert not verify_user_pubkey(org_pub, 7, other_pub, sig)  # a substituted key
    other_org_pub = org_signing_public_key(generate_org_signing_seed())
    assert not verify_user_pubkey(other_org_pub, 7, pub, sig)  # another org key
    assert not verify_user_pubkey(org_pub, 7, pub, sig[:-1] + bytes([sig[-1] ^ 1]))
    assert not verify_user_pubkey(org_pub[:31], 7, pub, sig)  # malformed pinned key


def test_signature_message_format() -> None:
    seed = generate_org_signing_seed()
    pub = bytes(range(32))
    message = b"hd1|user-pubkey|7|" + pub.hex().encode()
    Ed25519PrivateKey.from_private_bytes(seed).public_key().verify(
        sign_user_pubkey(seed, 7, pub), message
    )


def test_fingerprint_format() -> None:
    fp = fingerprint(b"")
    # SHA-256("") = e3b0c442 98fc1c14 9afbf4c8 996fb924 …
    assert fp == "E3B0 C442 98FC 1C14 9AFB F4C8 996F B924"
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", fingerprint(os.urandom(32)))


# --- bundles ------------------------------------------------------------------------------


def _bundle(key_id: int | UUID = 1) -> Bundle:
    sk, _pub = generate_x25519_keypair()
    _rsk, recovery_pub = generate_x25519_keypair()
    return Bundle(
        user_id=7,
        x25519_sk=sk,
        org_sign_pub=org_signing_public_key(generate_org_signing_seed()),
        recovery_pub=recovery_pub,
        recovery_key_id=key_id,
    )


@pytest.mark.parametrize("key_id", [1, uuid4()])
def test_bundle_round_trip_under_kek_and_device_key(key_id: int | UUID) -> None:
    bundle = _bundle(key_id)
    kek, device_key, device_id = os.urandom(32), os.urandom(32), uuid4()
    sealed = seal_bundle(kek, bundle, bundle_aad(7))
    assert open_bundle(kek, sealed, bundle_aad(7)) == bundle
    on_device = seal_bundle(device_key, bundle, device_aad(7, device_id))
    assert open_bundle(device_key, on_device, device_aad(7, device_id)) == bundle
    # A device bundle is not a password bundle, nor another device's.
    with pytest.raises(VaultIntegrityError):
        open_bundle(device_key, on_device, device_aad(7, uuid4()))
    with pytest.raises(VaultIntegrityError):
        open_bundle(device_key, on_device, bundle_aad(7))


def test_bundle_under_the_wrong_kek_is_an_integrity_error() -> None:
    sealed = seal_bundle(os.urandom(32), _bundle(), bundle_aad(7))
    with pytest.raises(VaultIntegrityError) as info:
        open_bundle(os.urandom(32), sealed, bundle_aad(7), row_id=7)
    assert (info.value.table, info.value.row_id, info.value.field) == ("users", 7, "bundle")
    with pytest.raises(VaultIntegrityError):
        open_bundle(os.urandom(32), sealed, bundle_aad(8))


def test_bundle_json_shape_and_repr() -> None:
    bundle = _bundle()
    import base64
    import json

    doc = json.loads(encode_bundle(bundle))
    assert set(doc) == {
        "v",
        "user_id",
        "x25519_sk",
        "org_sign_pub",
        "recovery_pub",
        "recovery_key_id",
    }
    assert doc["v"] == 1 and doc["user_id"] == 7 and doc["recovery_key_id"] == 1
    assert base64.b64decode(doc["x25519_sk"]) == bundle.x25519_sk
    assert "x25519_sk" not in repr(bundle)
    assert repr(bundle.x25519_sk) not in repr(bundle)


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"[]",
        b'{"v":2}',
        b'{"v":1,"user_id":"7"}',
        b'{"v":1,"user_id":7,"x25519_sk":"AAAA","org_sign_pub":"AAAA","recovery_pub":"AAAA",'
        b'"recovery_key_id":1}',
    ],
)
def test_malformed_bundle_is_a_format_error(data: bytes) -> None:
    with pytest.raises(VaultFormatError):
        decode_bundle(data)


def test_decode_inverts_encode() -> None:
    bundle = _bundle(uuid4())
    assert decode_bundle(encode_bundle(bundle)) == bundle
