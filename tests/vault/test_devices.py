"""Remembered devices and password change on both backends (vault.md §6.6, §6.7, §8.3, §8.8).

Argon2id costs ~0.15 s per derivation: each test sets the vault up once (one derivation) and
unlocks with the password only where a test needs it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import Row, select

from app.db import Database
from app.models import TechnicianDevice, TechnicianKeys, VaultAudit, VaultSettings
from app.models.enums import Role
from app.vault import devices, kdf
from app.vault.errors import PermissionDenied, VaultError, WrongPassword
from app.vault.keychain import DeviceKeychain, KeychainReason
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock, MemoryKeyring

ADMIN_PW = "correct horse battery"
NEW_PW = "a brand new vault passphrase"
WHY = Purpose("view", reason="checking the backup job")


class DeadKeyring(MemoryKeyring):
    """An allowed backend that is not viable here: reading `priority` raises."""

    @property
    def priority(self) -> float:
        raise RuntimeError("no D-Bus")


class FlakyKeyring(MemoryKeyring):
    """A keychain whose reads fail once `broken` is set (locked keychain, backend crash)."""

    broken = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.broken:
            raise RuntimeError("backend exploded")
        return super().get_password(service, username)


@dataclass
class Desk:
    db: Database
    me: int
    service: VaultService
    backend: MemoryKeyring
    keychain: DeviceKeychain
    clock: FakeClock

    def item_stored(self) -> bool:
        return bool(self.backend.passwords)

    def audit(self, action: str) -> list[Row[tuple[str | None, str, int | None, str]]]:
        with self.db.read() as s:
            return list(
                s.execute(
                    select(
                        VaultAudit.device_id,
                        VaultAudit.outcome,
                        VaultAudit.technician_id,
                        VaultAudit.reason,
                    )
                    .where(VaultAudit.action == action)
                    .order_by(VaultAudit.id)
                )
            )

    def device_rows(self) -> list[Row[tuple[str, str, int, dt.datetime | None]]]:
        with self.db.read() as s:
            return list(
                s.execute(
                    select(
                        TechnicianDevice.id,
                        TechnicianDevice.name,
                        TechnicianDevice.technician_id,
                        TechnicianDevice.last_used_at,
                    )
                )
            )

    def keys_row(self) -> tuple[bytes, dict[str, object]]:
        with self.db.read() as s:
            keys = s.get(TechnicianKeys, self.me)
            assert keys is not None
            return bytes(keys.sealed_bundle), dict(keys.kdf)


@pytest.fixture
def desk(db: Database, clock: FakeClock) -> Desk:
    me = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    service = VaultService(db, me, clock.now)
    service.set_up(ADMIN_PW)
    service.lock()
    backend = FlakyKeyring()
    keychain = DeviceKeychain(backend, extra_allowed=[FlakyKeyring])
    assert keychain.available
    return Desk(db, me, service, backend, keychain, clock)


def remembered(desk: Desk) -> str:
    devices.unlock_with_password(desk.service, ADMIN_PW)
    device_id = devices.remember_device(desk.service, desk.keychain, "  Ada's laptop ")
    desk.service.lock()
    return device_id


def test_device_unlock_needs_no_password_and_audits_the_device(desk: Desk) -> None:
    devices.unlock_with_password(desk.service, ADMIN_PW)
    vault_id = desk.service.create_vault(add_client(desk.db, "Acme"))
    item_id = desk.service.put_item(
        ItemDraft(vault_id=vault_id, label="Firewall", secrets={"password": Secret("fw-pw")})
    )
    device_id = devices.remember_device(desk.service, desk.keychain, "  Ada's laptop ")
    desk.service.lock()

    with desk.db.read() as s:
        db_uuid = s.get(VaultSettings, 1).database_uuid  # type: ignore[union-attr]
    assert list(desk.backend.passwords) == [(f"helpdesk/{db_uuid}/device-key", str(desk.me))]
    [row] = desk.device_rows()
    assert (row.id, row.name, row.technician_id, row.last_used_at) == (
        device_id,
        "Ada's laptop",
        desk.me,
        None,
    )
    assert [a.device_id for a in desk.audit("device_add")] == [device_id]

    desk.clock.advance(minutes=5)
    assert devices.unlock_with_device(desk.service, desk.keychain) is True
    assert desk.service.cache.is_unlocked
    assert desk.service.cache.org_signing_key() is not None  # admins get the org key too
    assert desk.service.reveal(item_id, ["password"], WHY)["password"].reveal_text() == "fw-pw"
    unlocks = desk.audit("unlock")
    assert unlocks[-1].device_id == device_id and unlocks[-1].outcome == "ok"
    [row] = desk.device_rows()
    assert row.last_used_at is not None

    # A device unlock is not a password unlock: it cannot add another device.
    with pytest.raises(devices.PasswordUnlockRequired):
        devices.remember_device(desk.service, desk.keychain, "another")


def test_remembering_needs_a_password_unlock_in_this_session(desk: Desk) -> None:
    with pytest.raises(devices.PasswordUnlockRequired):
        devices.remember_device(desk.service, desk.keychain, "laptop")  # locked
    devices.unlock_with_password(desk.service, ADMIN_PW)
    desk.service.lock()
    with pytest.raises(devices.PasswordUnlockRequired):
        devices.remember_device(desk.service, desk.keychain, "laptop")  # locked since
    assert desk.device_rows() == [] and not desk.item_stored()


def test_set_up_alone_does_not_allow_remembering(db: Database, clock: FakeClock) -> None:
    me = add_technician(db, "Solo Admin", role=Role.ADMIN, email="solo@test.msp")
    service = VaultService(db, me, clock.now)
    service.set_up(ADMIN_PW)
    keychain = DeviceKeychain(MemoryKeyring(), extra_allowed=[MemoryKeyring])
    with pytest.raises(devices.PasswordUnlockRequired):
        devices.remember_device(service, keychain, "laptop")


def test_no_viable_keychain_refuses_remembering_with_the_reason(desk: Desk) -> None:
    dead = DeviceKeychain(DeadKeyring(), extra_allowed=[DeadKeyring])
    refused = DeviceKeychain(MemoryKeyring())  # not on the allow-list
    devices.unlock_with_password(desk.service, ADMIN_PW)
    with pytest.raises(devices.DeviceKeychainUnavailable) as info:
        devices.remember_device(desk.service, dead, "laptop")
    assert info.value.reason is KeychainReason.NO_BACKEND
    with pytest.raises(devices.DeviceKeychainUnavailable) as info:
        devices.remember_device(desk.service, refused, "laptop")
    assert info.value.reason is KeychainReason.NOT_ALLOWED
    assert desk.device_rows() == [] and desk.audit("device_add") == []
    desk.service.lock()
    assert devices.unlock_with_device(desk.service, dead) is False
    assert desk.audit("device_unlock_failed") == []  # no attempt, nothing to record


def test_deleted_device_row_falls_back_to_the_password(desk: Desk) -> None:
    device_id = remembered(desk)
    devices.revoke_device(desk.service, device_id)
    [revoke] = desk.audit("device_revoke")
    assert revoke.device_id == device_id and revoke.reason == f"user:{desk.me}"

    assert devices.unlock_with_device(desk.service, desk.keychain) is False
    assert not desk.service.cache.is_unlocked
    assert not desk.item_stored()  # the keychain item is gone
    [failed] = desk.audit("device_unlock_failed")
    assert failed.outcome == "denied" and failed.technician_id == desk.me
    devices.unlock_with_password(desk.service, ADMIN_PW)
    assert desk.service.cache.is_unlocked
    # No key left: the next start goes straight to the password prompt, without an audit row.
    desk.service.lock()
    assert devices.unlock_with_device(desk.service, desk.keychain) is False
    assert len(desk.audit("device_unlock_failed")) == 1


def test_tampered_device_bundle_fails_closed(desk: Desk) -> None:
    device_id = remembered(desk)
    with desk.db.write() as s:
        row = s.get(TechnicianDevice, device_id)
        assert row is not None
        blob = bytearray(row.sealed_bundle)
        blob[-1] ^= 0x01
        row.sealed_bundle = bytes(blob)
    assert devices.unlock_with_device(desk.service, desk.keychain) is False
    assert not desk.service.cache.is_unlocked
    assert not desk.item_stored()
    assert len(desk.audit("device_unlock_failed")) == 1


def test_keychain_backend_error_falls_back(desk: Desk) -> None:
    remembered(desk)
    assert isinstance(desk.backend, FlakyKeyring)
    desk.backend.broken = True
    assert devices.unlock_with_device(desk.service, desk.keychain) is False
    assert not desk.service.cache.is_unlocked
    assert len(desk.audit("device_unlock_failed")) == 1
    assert not desk.item_stored()  # the delete was still attempted and worked


def test_forget_device_removes_row_and_keychain_item(desk: Desk) -> None:
    device_id = remembered(desk)
    other = add_technician(desk.db, "Bob Tech", email="bob@test.msp")
    bob = VaultService(desk.db, other, desk.clock.now)
    with pytest.raises(VaultError):
        devices.forget_device(bob, desk.keychain, device_id)  # not Bob's device
    with pytest.raises(PermissionDenied):
        devices.revoke_device(bob, device_id)  # admins only
    assert desk.item_stored() and len(desk.device_rows()) == 1

    devices.forget_device(desk.service, desk.keychain, device_id)
    assert desk.device_rows() == [] and not desk.item_stored()
    assert [a.device_id for a in desk.audit("device_revoke")] == [device_id]
    assert devices.unlock_with_device(desk.service, desk.keychain) is False


def test_change_password(desk: Desk) -> None:
    remembered(desk)
    before = desk.keys_row()
    with pytest.raises(WrongPassword):
        devices.change_password(desk.service, "not my password at all", NEW_PW)
    with pytest.raises(kdf.WeakVaultPassword):
        devices.change_password(desk.service, ADMIN_PW, "short")
    assert desk.keys_row() == before
    assert [a.outcome for a in desk.audit("password_change")] == ["denied"]

    devices.change_password(desk.service, ADMIN_PW, NEW_PW)
    sealed, params = desk.keys_row()
    assert sealed != before[0] and params["salt"] != before[1]["salt"]
    assert [a.outcome for a in desk.audit("password_change")] == ["denied", "ok"]
    with pytest.raises(WrongPassword):
        desk.service.unlock(ADMIN_PW)
    desk.service.unlock(NEW_PW)
    desk.service.lock()
    # Devices hold the same bundle under their own keys: still valid.
    assert devices.unlock_with_device(desk.service, desk.keychain) is True
