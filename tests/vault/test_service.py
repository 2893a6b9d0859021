"""VaultService use cases on both backends (vault.md §3, §8.1–§8.5, §9, §14).

Argon2id at policy costs ~0.15 s per derivation, so each test sets the vault up once and
unlocks only where the unlock itself is under test.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, Row, func, select, text

from app.db import Database, upgrade_database
from app.models import TechnicianKeys, Vault, VaultAudit, VaultGrant, VaultItem, VaultSettings
from app.models.enums import Role
from app.vault import audit_log, crypto, kdf
from app.vault import service as service_module
from app.vault.audit_log import AuditEntry
from app.vault.breakglass import vouched_recovery_pin
from app.vault.errors import (
    AuditUnavailable,
    PermissionDenied,
    VaultError,
    VaultFormatError,
    VaultIntegrityError,
    VaultLocked,
    WrongPassword,
)
from app.vault.recovery import RecoveryKit, parse_recovery_kit
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

ADMIN_PW = "correct horse battery"
BOB_PW = "bob's vault password"
CAROL_PW = "carol's vault password"
PLAIN = {
    "username": "administrator@acme.example",
    "password": "Sup3r-Secret-Pa55!",
    "notes": "Break-glass account, rotate after use",
    "totp": "JBSWY3DPEHPK3PXP",
}
FINGERPRINT = re.compile(r"^[0-9A-F]{4}( [0-9A-F]{4}){7}$")
VIEW = Purpose("view", ticket_id=4242, reason="  restore backup job  ")


# --- helpers ----------------------------------------------------------------------------------


@dataclass
class Org:
    db: Database
    clock: FakeClock
    admin_id: int
    admin: VaultService
    kit: RecoveryKit

    def service(self, technician_id: int) -> VaultService:
        return VaultService(self.db, technician_id, self.clock.now)


@pytest.fixture
def org(db: Database, clock: FakeClock) -> Org:
    admin_id = add_technician(db, "Alice Admin", role=Role.ADMIN, email="alice@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    kit = admin.set_up(ADMIN_PW)
    return Org(db, clock, admin_id, admin, kit)


@dataclass
class Spy:
    calls: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.calls.values())


@pytest.fixture
def decrypt_spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    """Counts every decryption primitive the service could reach (open_field calls open_sealed,
    so one field counts twice: only zero and non-zero matter)."""
    spy = Spy({"open_field": 0, "open_sealed": 0, "open_grant": 0})
    for name in spy.calls:
        real: Callable[..., Any] = getattr(crypto, name)

        def counting(*args: Any, _name: str = name, _real: Any = real, **kwargs: Any) -> Any:
            spy.calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(crypto, name, counting)
    return spy


def secrets(values: dict[str, str]) -> dict[str, Secret]:
    return {k: Secret(v) for k, v in values.items()}


def audit_rows(db: Database) -> list[Row[Any]]:
    """Plain rows (a read session expires ORM objects when it ends)."""
    table = VaultAudit.__table__
    with db.read() as s:
        return list(s.execute(select(table).order_by(table.c.id)))


def actions(db: Database) -> list[str]:
    return [r.action for r in audit_rows(db)]


def count(db: Database, model: type[Any]) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def new_item(svc: VaultService, vault_id: int, label: str = "Domain admin") -> uuid.UUID:
    return svc.put_item(
        ItemDraft(
            vault_id=vault_id,
            label=label,
            host="dc01.acme.example",
            port=3389,
            domain="acme.example",
            tags="ad",
            secrets=secrets(PLAIN),
        )
    )


def client_vault_with_item(org: Org) -> tuple[int, int, uuid.UUID]:
    client_id = add_client(org.db)
    vault_id = org.admin.create_vault(client_id)
    return client_id, vault_id, new_item(org.admin, vault_id)


# --- set_up -----------------------------------------------------------------------------------


def test_set_up_returns_a_kit_of_the_recovery_key_and_pins_it(org: Org) -> None:
    key = parse_recovery_kit(org.kit.text())
    assert len(key) == 32
    assert org.kit.key_id == 1
    assert len(org.kit.groups) == 14  # 52 Base32 characters in groups of 4, then the checksum
    # The kit parses back typed in lowercase with dashes too.
    assert parse_recovery_kit(org.kit.text().lower().replace(" ", "-")) == key
    with org.db.read() as s:
        settings = s.get(VaultSettings, 1)
        assert settings is not None
        assert settings.recovery_pub == crypto.x25519_public_key(key)
        assert settings.recovery_key_id == 1
        assert settings.kdf_policy == {"alg": "argon2id", "v": 19, "t": 3, "m": 65536, "p": 4}
        keys = s.get(TechnicianKeys, org.admin_id)
        assert keys is not None and keys.signed_by_id == org.admin_id
        assert crypto.verify_user_pubkey(
            bytes(settings.org_sign_pub or b""),
            org.admin_id,
            bytes(keys.x25519_pub),
            bytes(keys.pubkey_sig or b""),
        )
        org_vault = s.scalar(select(Vault).where(Vault.kind == "org-signing"))
        assert org_vault is not None
        recipients = set(s.scalars(select(VaultGrant.recipient)))
    assert recipients == {f"user:{org.admin_id}", "recovery:1"}
    assert org.admin.cache.is_unlocked
    assert org.admin.cache.org_signing_key() is not None
    # The org key vouches for recovery key 1 (what enrolment and key resets pin).
    assert actions(org.db) == ["vault_create", "pin_replace"]
    with org.db.read() as s:
        org_pub = s.scalar(select(VaultSettings.org_sign_pub))
        assert org_pub is not None
        assert vouched_recovery_pin(s, bytes(org_pub)) == (1, crypto.x25519_public_key(key))


@pytest.mark.parametrize("where", [0, 5, -1], ids=["first", "middle", "checksum"])
def test_a_typo_in_the_recovery_kit_is_refused(org: Org, where: int) -> None:
    chars = list(org.kit.text())
    pos = where if where >= 0 else len(chars) - 1
    chars[pos] = "B" if chars[pos] == "A" else "A"
    with pytest.raises(ValueError, match="recovery kit"):
        parse_recovery_kit("".join(chars))
    with pytest.raises(ValueError):
        parse_recovery_kit(" ".join(org.kit.groups[:-2] + org.kit.groups[-1:]))  # a lost group


def test_set_up_is_for_admins_only(db: Database, clock: FakeClock) -> None:
    tech = add_technician(db, role=Role.TECHNICIAN)
    with pytest.raises(PermissionDenied):
        VaultService(db, tech, clock.now).set_up(ADMIN_PW)
    assert count(db, VaultSettings) == 0
    assert count(db, TechnicianKeys) == 0


def test_a_second_set_up_is_refused(org: Org) -> None:
    other_admin = add_technician(org.db, role=Role.ADMIN)
    with pytest.raises(VaultError, match="already set up") as exc:
        org.service(other_admin).set_up("another long password")
    assert type(exc.value) is VaultError
    assert count(org.db, TechnicianKeys) == 1
    with pytest.raises(VaultError, match="already set up"):
        org.admin.set_up(ADMIN_PW)


@pytest.mark.parametrize(
    ("password", "code"),
    [("short pw 11", "too_short"), ("Boss@Test.MSP", "same_as_login")],
    ids=["short", "email"],
)
def test_a_weak_password_is_refused_before_anything_is_written(
    db: Database, clock: FakeClock, password: str, code: str
) -> None:
    admin = add_technician(db, role=Role.ADMIN, email="boss@test.msp")
    svc = VaultService(db, admin, clock.now)
    with pytest.raises(kdf.WeakVaultPassword) as exc:
        svc.set_up(password)
    assert exc.value.code == code
    for model in (VaultSettings, TechnicianKeys, Vault, VaultGrant, VaultAudit):
        assert count(db, model) == 0, model.__name__
    assert not svc.cache.is_unlocked
    assert not svc.is_set_up()


# --- unlock -----------------------------------------------------------------------------------


def test_unlock_with_the_right_password_fills_the_cache(org: Org) -> None:
    svc = org.service(org.admin_id)
    assert not svc.cache.is_unlocked
    svc.unlock(ADMIN_PW)
    assert svc.cache.is_unlocked
    assert svc.cache.private_key() == org.admin.cache.private_key()
    assert svc.cache.org_signing_key() == org.admin.cache.org_signing_key()
    rows = audit_rows(org.db)
    assert [(r.action, r.outcome, r.technician_id) for r in rows[2:]] == [  # after set-up's
        ("unlock", "ok", org.admin_id)
    ]
    svc.lock()
    assert not svc.cache.is_unlocked


def test_a_wrong_password_is_audited_and_leaves_the_cache_locked(org: Org) -> None:
    svc = org.service(org.admin_id)
    with pytest.raises(WrongPassword):
        svc.unlock("not the password at all")
    assert not svc.cache.is_unlocked
    last = audit_rows(org.db)[-1]
    assert (last.action, last.outcome, last.technician_id) == (
        "unlock_failed",
        "denied",
        org.admin_id,
    )
    with pytest.raises(VaultLocked):
        svc.cache.private_key()


def test_a_bundle_below_policy_is_resealed_at_policy(org: Org) -> None:
    with org.db.read() as s:
        settings = s.get(VaultSettings, 1)
        assert settings is not None and settings.org_sign_pub and settings.recovery_pub
        bundle = crypto.Bundle(
            user_id=org.admin_id,
            x25519_sk=org.admin.cache.private_key(),
            org_sign_pub=bytes(settings.org_sign_pub),
            recovery_pub=bytes(settings.recovery_pub),
            recovery_key_id=1,
        )
    weak = kdf.KdfParams(t=2, m=19456, p=1, salt=os.urandom(16))
    sealed = crypto.seal_bundle(
        kdf.derive_kek(ADMIN_PW, weak), bundle, crypto.bundle_aad(org.admin_id)
    )
    with org.db.write() as s:
        keys = s.get(TechnicianKeys, org.admin_id)
        assert keys is not None
        keys.sealed_bundle, keys.kdf = sealed, weak.to_dict()

    svc = org.service(org.admin_id)
    svc.unlock(ADMIN_PW)
    assert svc.cache.private_key() == bundle.x25519_sk
    with org.db.read() as s:
        keys = s.get(TechnicianKeys, org.admin_id)
        assert keys is not None
        stored = kdf.KdfParams.from_dict(keys.kdf)
        resealed = bytes(keys.sealed_bundle)
    assert (stored.t, stored.m, stored.p, len(stored.salt)) == (3, 65536, 4, 16)
    assert stored.salt != weak.salt
    assert resealed != sealed
    opened = crypto.open_bundle(
        kdf.derive_kek(ADMIN_PW, stored), resealed, crypto.bundle_aad(org.admin_id)
    )
    assert opened == bundle
    assert actions(org.db)[-2:] == ["kdf_upgrade", "unlock"]


# --- items ------------------------------------------------------------------------------------


def test_items_list_metadata_and_decrypt_nothing(org: Org, decrypt_spy: Spy) -> None:
    client_id, vault_id, item_id = client_vault_with_item(org)
    other = org.admin.put_item(
        ItemDraft(vault_id=vault_id, label="Backup NAS", secrets=secrets({"password": "x" * 20}))
    )
    rows = org.admin.items(vault_id)
    assert decrypt_spy.total == 0
    assert [r.item_id for r in rows] == [other, item_id]  # by label
    nas, dc = rows
    assert dc.has == frozenset({"username", "password", "notes", "totp"})
    assert nas.has == frozenset({"password"})
    assert (dc.vault_id, dc.label, dc.kind, dc.host, dc.port, dc.domain, dc.tags) == (
        vault_id,
        "Domain admin",
        "password",
        "dc01.acme.example",
        3389,
        "acme.example",
        "ad",
    )
    assert org.admin.vault_for_client(client_id) == vault_id
    assert actions(org.db)[-3:] == ["vault_create", "item_create", "item_create"]


def test_reveal_returns_the_plaintexts_after_auditing(org: Org) -> None:
    client_id, vault_id, item_id = client_vault_with_item(org)
    org.admin.cache.forget_vault(vault_id)  # reveal opens the grant itself
    out = org.admin.reveal(item_id, ("username", "password", "notes", "totp"), VIEW)
    assert {k: v.reveal_text() for k, v in out.items()} == PLAIN
    row = audit_rows(org.db)[-1]
    assert (row.action, row.outcome, row.technician_id) == ("view", "ok", org.admin_id)
    assert (row.client_id, row.vault_id, row.item_id) == (client_id, vault_id, str(item_id))
    assert (row.field, row.ticket_id, row.reason) == (
        "username,password,notes,totp",
        4242,
        "restore backup job",
    )
    # An unset field is simply absent; a reason of 5 characters and no ticket is enough.
    only = org.admin.reveal(item_id, ("password", "extra"), Purpose("copy", reason="abcde"))
    assert list(only) == ["password"]
    assert only["password"].reveal_text() == PLAIN["password"]
    assert audit_rows(org.db)[-1].action == "copy"


def test_a_reveal_of_every_field_is_audited_and_returned(org: Org) -> None:
    _, vault_id, item_id = client_vault_with_item(org)
    every = {**PLAIN, "private_key": "-----BEGIN KEY-----", "extra": '{"psk": "x"}'}
    org.admin.put_item(
        ItemDraft(vault_id=vault_id, label="All", item_id=item_id, secrets=secrets(every))
    )
    out = org.admin.reveal(item_id, tuple(every), VIEW)
    assert {k: v.reveal_text() for k, v in out.items()} == every
    assert audit_rows(org.db)[-1].field == ",".join(every)


@pytest.mark.parametrize("reason", ["", "abcd", "   abcd   "])
def test_reveal_needs_a_ticket_or_a_reason(org: Org, decrypt_spy: Spy, reason: str) -> None:
    _, _, item_id = client_vault_with_item(org)
    before = count(org.db, VaultAudit)
    with pytest.raises(ValueError, match="ticket or a reason"):
        org.admin.reveal(item_id, ("password",), Purpose("view", reason=reason))
    assert count(org.db, VaultAudit) == before
    assert decrypt_spy.total == 0


def test_reveal_while_locked_raises(org: Org, decrypt_spy: Spy) -> None:
    _, _, item_id = client_vault_with_item(org)
    org.admin.lock()
    before = count(org.db, VaultAudit)
    with pytest.raises(VaultLocked):
        org.admin.reveal(item_id, ("password",), VIEW)
    assert count(org.db, VaultAudit) == before
    assert decrypt_spy.total == 0


# --- grants and signatures --------------------------------------------------------------------


def test_a_grant_needs_an_org_signature_made_after_comparing_fingerprints(
    org: Org, decrypt_spy: Spy
) -> None:
    _, vault_id, item_id = client_vault_with_item(org)
    bob_id = add_technician(org.db, "Bob")
    enrolment = org.service(bob_id)
    fp = enrolment.enrol(BOB_PW)
    assert FINGERPRINT.match(fp), fp
    with org.db.read() as s:
        keys = s.get(TechnicianKeys, bob_id)
        assert keys is not None
        bob_pub = bytes(keys.x25519_pub)
        assert keys.pubkey_sig is None
    assert fp == crypto.fingerprint(bob_pub)

    with pytest.raises(PermissionDenied):
        org.admin.grant(vault_id, bob_id)
    refused = audit_rows(org.db)[-1]
    assert (refused.action, refused.outcome, refused.vault_id) == (
        "grant_refused",
        "denied",
        vault_id,
    )
    with pytest.raises(PermissionDenied):
        org.admin.sign(bob_id, fingerprints_compared=False)
    with pytest.raises(PermissionDenied):
        enrolment.sign(bob_id, fingerprints_compared=True)  # Bob holds no org key
    with org.db.read() as s:
        assert s.scalar(select(TechnicianKeys.pubkey_sig).filter_by(technician_id=bob_id)) is None
        assert s.get(VaultGrant, (vault_id, 1, f"user:{bob_id}")) is None

    org.admin.sign(bob_id, fingerprints_compared=True)
    org.admin.grant(vault_id, bob_id)
    granted = audit_rows(org.db)[-1]
    assert (granted.action, granted.vault_id, granted.reason) == (
        "grant",
        vault_id,
        f"user:{bob_id}",
    )
    with org.db.read() as s:
        keys = s.get(TechnicianKeys, bob_id)
        assert keys is not None and keys.signed_by_id == org.admin_id
        admin_grant = s.get(VaultGrant, (vault_id, 1, f"user:{org.admin_id}"))
        assert admin_grant is not None
        alice_sealed = bytes(admin_grant.sealed_grant)

    bob = org.service(bob_id)
    bob.unlock(BOB_PW)
    out = bob.reveal(item_id, ("password",), VIEW)
    assert out["password"].reveal_text() == PLAIN["password"]
    assert decrypt_spy.calls["open_grant"] >= 1
    # Bob cannot open Alice's grant.
    with pytest.raises(VaultIntegrityError):
        crypto.open_grant(
            alice_sealed,
            bob.cache.private_key(),
            crypto.grant_aad(vault_id, 1, f"user:{org.admin_id}"),
        )


def test_a_technician_without_a_grant_is_denied_before_any_decryption(
    org: Org, decrypt_spy: Spy
) -> None:
    client_id, vault_id, item_id = client_vault_with_item(org)
    carol_id = add_technician(org.db, "Carol")
    carol = org.service(carol_id)
    carol.enrol(CAROL_PW)  # leaves her unlocked
    org.admin.sign(carol_id, fingerprints_compared=True)
    before = decrypt_spy.total
    with pytest.raises(PermissionDenied):
        carol.reveal(item_id, ("password",), VIEW)
    assert decrypt_spy.total == before == 0
    row = audit_rows(org.db)[-1]
    assert (row.action, row.outcome, row.technician_id) == ("reveal_denied", "denied", carol_id)
    assert (row.client_id, row.vault_id, row.item_id, row.field) == (
        client_id,
        vault_id,
        str(item_id),
        "password",
    )


# --- pinned trust anchors ---------------------------------------------------------------------


def test_replaced_org_and_recovery_keys_in_settings_are_ignored(org: Org) -> None:
    real_recovery_sk = parse_recovery_kit(org.kit.text())
    evil_recovery_sk, evil_recovery_pub = crypto.generate_x25519_keypair()
    evil_seed = crypto.generate_org_signing_seed()
    evil_org_pub = crypto.org_signing_public_key(evil_seed)
    # Mallory (a DB writer) makes herself an admin with keys signed by her own "org" key.
    mallory_id = add_technician(org.db, "Mallory", role=Role.ADMIN)
    _, mallory_pub = crypto.generate_x25519_keypair()
    with org.db.write() as s:
        s.execute(
            text("UPDATE vault_settings SET recovery_pub = :r, org_sign_pub = :o WHERE id = 1"),
            {"r": evil_recovery_pub, "o": evil_org_pub},
        )
        s.add(
            TechnicianKeys(
                technician_id=mallory_id,
                x25519_pub=mallory_pub,
                pubkey_sig=crypto.sign_user_pubkey(evil_seed, mallory_id, mallory_pub),
                signed_by_id=mallory_id,
                sealed_bundle=os.urandom(64),
                kdf=kdf.new_params().to_dict(),
                created_at=org.clock.now(),
            )
        )

    admin = org.service(org.admin_id)
    admin.unlock(ADMIN_PW)  # pins come from the sealed bundle, not from vault_settings
    vault_id = admin.create_vault(add_client(org.db))
    with org.db.read() as s:
        grant = s.get(VaultGrant, (vault_id, 1, "recovery:1"))
        assert grant is not None
        sealed = bytes(grant.sealed_grant)
        recipients = set(s.scalars(select(VaultGrant.recipient).filter_by(vault_id=vault_id)))
    aad = crypto.grant_aad(vault_id, 1, "recovery:1")
    assert crypto.open_grant(sealed, real_recovery_sk, aad) == admin.cache.vault_key(vault_id, 1)
    with pytest.raises(VaultIntegrityError):
        crypto.open_grant(sealed, evil_recovery_sk, aad)
    # Mallory's attacker-signed key got no admin grant and cannot be granted one.
    assert recipients == {f"user:{org.admin_id}", "recovery:1"}
    with pytest.raises(PermissionDenied):
        admin.grant(vault_id, mallory_id)
    assert actions(org.db)[-1] == "grant_refused"
    with org.db.read() as s:
        assert s.get(VaultGrant, (vault_id, 1, f"user:{mallory_id}")) is None


# --- fail-closed audit ------------------------------------------------------------------------


def test_reveal_fails_closed_when_the_audit_row_cannot_be_written(
    org: Org, decrypt_spy: Spy, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, vault_id, item_id = client_vault_with_item(org)
    before = count(org.db, VaultAudit)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("audit table unavailable")

    monkeypatch.setattr(service_module, "append", broken)
    for cached in (True, False):
        if not cached:
            org.admin.cache.forget_vault(vault_id)
        with pytest.raises(AuditUnavailable):
            org.admin.reveal(item_id, ("password",), VIEW)
    assert decrypt_spy.total == 0
    assert count(org.db, VaultAudit) == before


# --- binding at rest --------------------------------------------------------------------------


def _set_blob(db: Database, item_id: uuid.UUID, column: str, value: bytes) -> None:
    with db.write() as s:
        s.execute(
            text(f"UPDATE vault_item SET {column} = :v WHERE id = :id"),
            {"v": value, "id": str(item_id)},
        )


def _blob(db: Database, item_id: uuid.UUID, column: str) -> bytes:
    with db.read() as s:
        item = s.get(VaultItem, str(item_id))
        assert item is not None
        value = getattr(item, column)
        assert value is not None
        return bytes(value)


def test_a_field_moved_or_altered_at_rest_fails_its_integrity_check(org: Org) -> None:
    _, vault_id, a = client_vault_with_item(org)
    b = new_item(org.admin, vault_id, "Second")
    c = new_item(org.admin, vault_id, "Third")
    other_vault = org.admin.create_vault(add_client(org.db))
    d = new_item(org.admin, other_vault, "Elsewhere")

    # Another row's password.
    _set_blob(org.db, b, "enc_password", _blob(org.db, a, "enc_password"))
    with pytest.raises(VaultIntegrityError) as exc:
        org.admin.reveal(b, ("password",), VIEW)
    assert (exc.value.table, exc.value.row_id, exc.value.field) == (
        "vault_items",
        b,
        "enc_password",
    )
    # The same row's password in its notes column.
    _set_blob(org.db, c, "enc_notes", _blob(org.db, c, "enc_password"))
    with pytest.raises(VaultIntegrityError, match="enc_notes"):
        org.admin.reveal(c, ("notes",), VIEW)
    # Another vault's password.
    _set_blob(org.db, d, "enc_password", _blob(org.db, a, "enc_password"))
    with pytest.raises(VaultIntegrityError):
        org.admin.reveal(d, ("password",), VIEW)
    # One flipped bit, in the ciphertext and in the tag.
    for pos in (20, -1):
        blob = bytearray(_blob(org.db, a, "enc_username"))
        blob[pos] ^= 0x01
        _set_blob(org.db, a, "enc_username", bytes(blob))
        with pytest.raises(VaultIntegrityError, match="enc_username"):
            org.admin.reveal(a, ("username",), VIEW)
        blob[pos] ^= 0x01
        _set_blob(org.db, a, "enc_username", bytes(blob))
    assert org.admin.reveal(a, ("username",), VIEW)["username"].reveal_text() == PLAIN["username"]
    # A bad version byte.
    blob = bytearray(_blob(org.db, a, "enc_totp"))
    blob[0] = 0x02
    _set_blob(org.db, a, "enc_totp", bytes(blob))
    with pytest.raises(VaultFormatError):
        org.admin.reveal(a, ("totp",), VIEW)
    # Untouched fields still open.
    assert org.admin.reveal(a, ("password",), VIEW)["password"].reveal_text() == PLAIN["password"]


def test_a_changed_key_version_fails_its_integrity_check(org: Org) -> None:
    _, vault_id, item_id = client_vault_with_item(org)
    with org.db.write() as s:
        # A v2 "grant" that is really v1's key, so only the field AAD can catch the change.
        v1 = s.get(VaultGrant, (vault_id, 1, f"user:{org.admin_id}"))
        assert v1 is not None
        key = org.admin.cache.vault_key(vault_id, 1)
        assert key is not None
        recipient = f"user:{org.admin_id}"
        pub = crypto.x25519_public_key(org.admin.cache.private_key())
        s.add(
            VaultGrant(
                vault_id=vault_id,
                key_version=2,
                recipient=recipient,
                sealed_grant=crypto.seal_grant(key, pub, crypto.grant_aad(vault_id, 2, recipient)),
                granted_at=org.clock.now(),
            )
        )
        s.execute(
            text("UPDATE vault_item SET key_version = 2 WHERE id = :id"), {"id": str(item_id)}
        )
    with pytest.raises(VaultIntegrityError, match="enc_password"):
        org.admin.reveal(item_id, ("password",), VIEW)


# --- audit chain ------------------------------------------------------------------------------


def test_the_chain_is_valid_after_a_working_session(org: Org) -> None:
    _, vault_id, item_id = client_vault_with_item(org)
    bob_id = add_technician(org.db)
    org.service(bob_id).enrol(BOB_PW)
    with pytest.raises(PermissionDenied):
        org.admin.grant(vault_id, bob_id)
    org.admin.sign(bob_id, fingerprints_compared=True)
    org.admin.grant(vault_id, bob_id)
    org.admin.reveal(item_id, ("password",), VIEW)
    with pytest.raises(WrongPassword):
        org.service(org.admin_id).unlock("a wrong password!")
    before = actions(org.db)
    assert before == [
        "vault_create",
        "pin_replace",  # set-up's statement for recovery key 1
        "vault_create",
        "item_create",
        "grant_refused",
        "grant",
        "view",
        "unlock_failed",
    ]
    report = org.admin.verify_audit_chain()
    assert report.ok
    assert report.checked == len(before)
    assert (report.altered, report.broken_links, report.first_bad_id) == ((), (), None)
    last = audit_rows(org.db)[-1]
    assert (last.action, last.outcome) == ("verify_chain", "ok")
    assert audit_log.verify(org.db).checked == len(before) + 1
    # Verifying is for admins (vault.md §9).
    bob = org.service(bob_id)
    with pytest.raises(PermissionDenied):
        bob.verify_audit_chain()
    assert actions(org.db)[-1] == "verify_chain"
    assert count(org.db, VaultAudit) == len(before) + 1


def _drop_audit_triggers(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("DROP TRIGGER vault_audit_append_only ON vault_audit")
        else:
            conn.exec_driver_sql("DROP TRIGGER vault_audit_no_update")
            conn.exec_driver_sql("DROP TRIGGER vault_audit_no_delete")


@pytest.fixture
def fresh_db(fresh_db_url: str, make_engine: Callable[[str], Engine]) -> Iterator[Database]:
    engine = make_engine(fresh_db_url)
    upgrade_database(engine, backups_dir=None)
    yield Database(engine)


def _append(db: Database, n: int, at: dt.datetime) -> list[int]:
    ids = []
    for i in range(n):
        with db.write() as s:
            entry = AuditEntry("view", 7, item_id=str(uuid.UUID(int=i)), reason=f"ticket {i}")
            ids.append(audit_log.append(s, entry, at + dt.timedelta(microseconds=i)).id)
    return ids


@pytest.mark.parametrize("tamper", ["update", "delete"])
def test_verify_reports_a_forged_or_deleted_row_at_its_id(
    fresh_db: Database, clock: FakeClock, tamper: str
) -> None:
    ids = _append(fresh_db, 6, clock.now())
    assert audit_log.verify(fresh_db).ok
    target = ids[3]
    # The triggers block both statements; only someone who can drop them (the owner) gets here.
    with pytest.raises(Exception, match="append-only"), fresh_db.write() as s:
        s.execute(
            text("UPDATE vault_audit SET reason = 'nothing to see' WHERE id = :i"), {"i": target}
        )
    _drop_audit_triggers(fresh_db.engine)
    with fresh_db.write() as s:
        if tamper == "update":
            s.execute(
                text("UPDATE vault_audit SET reason = 'nothing to see' WHERE id = :i"),
                {"i": target},
            )
        else:
            s.execute(text("DELETE FROM vault_audit WHERE id = :i"), {"i": target})
    report = audit_log.verify(fresh_db)
    assert not report.ok
    if tamper == "update":
        assert (report.altered, report.broken_links, report.first_bad_id) == ((target,), (), target)
    else:
        after = ids[4]
        assert (report.altered, report.broken_links, report.first_bad_id) == ((), (after,), after)


def test_two_writers_on_two_connections_keep_one_chain(
    fresh_db_url: str, make_engine: Callable[[str], Engine], clock: FakeClock
) -> None:
    first = Database(make_engine(fresh_db_url))
    upgrade_database(first.engine, backups_dir=None)
    second = Database(make_engine(fresh_db_url))
    with first.write() as s:
        vault = Vault(kind="internal", current_version=1, created_at=clock.now())
        s.add(vault)
        s.flush()
        item = VaultItem(
            id=str(uuid.uuid4()),
            vault_id=vault.id,
            key_version=1,
            kind="password",
            label="Nobody holds a grant",
            updated_at=clock.now(),
        )
        s.add(item)
        item_id = uuid.UUID(item.id)
    services = []
    for tech_id, db in ((101, first), (102, second)):
        svc = VaultService(db, tech_id, clock.now)
        svc.cache.unlock(crypto.generate_x25519_keypair()[0])
        services.append(svc)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(svc: VaultService) -> None:
        try:
            for _ in range(25):
                barrier.wait(timeout=30)  # both writers contend in every round
                with pytest.raises(PermissionDenied):
                    svc.reveal(item_id, ("password",), VIEW)
        except BaseException as e:  # reported by the main thread
            errors.append(e)
            barrier.abort()

    threads = [threading.Thread(target=run, args=(svc,)) for svc in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    rows = audit_rows(first)
    assert len(rows) == 50
    assert sorted(r.technician_id or 0 for r in rows) == [101] * 25 + [102] * 25
    assert {r.action for r in rows} == {"reveal_denied"}
    report = audit_log.verify(second)
    assert report.ok and report.checked == 50
