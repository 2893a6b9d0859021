"""Remembered devices and password change (vault.md §6.6, §6.7, §8.3, §8.8).

Written as functions taking the service, like `offboarding.py`.

A remembered device is a `technician_device` row holding the technician's bundle sealed under a
random device key with `device_aad(user_id, device_id)`; the key alone lives in the OS keychain
under (database uuid, user id). Decisions:

* **Which row a key belongs to.** The keychain holds only the key (§6.1), so device unlock tries
  this technician's device rows and takes the one whose bundle opens under the key (AES-GCM:
  at most one can, and a technician has few). No new derivation is introduced.
* **"Password unlock in the same session" (§6.7).** `unlock_with_password` wraps
  `VaultService.unlock` and remembers the key cache's current private-key buffer. That buffer
  is replaced by every later unlock (password, device or other) and wiped/dropped by every lock
  (manual, idle, quit), so `remember_device` is allowed only while the very unlock that took
  the password is still in force. `set_up`/`enrol` do not count: unlock with the password.
* **Device unlock failures.** A keychain backend error, a deleted or tampered row, a row of a
  disabled technician: the keychain item is deleted, `device_unlock_failed` is audited, and
  False is returned (the caller shows the password prompt). No keychain, or no key stored for
  this user, is not an attempt: False without an audit row. Database errors propagate: a
  transient outage must not destroy the device key.
"""

from __future__ import annotations

import logging
import uuid
import weakref
from typing import TYPE_CHECKING, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import TechnicianDevice, TechnicianKeys, VaultSettings
from app.vault import crypto, kdf
from app.vault.audit_log import AuditEntry, append
from app.vault.errors import PermissionDenied, VaultError, VaultLocked, WrongPassword
from app.vault.keychain import DeviceKeychain, KeychainReason, KeychainUnavailable

if TYPE_CHECKING:
    from app.vault.service import VaultService

log = logging.getLogger(__name__)

#: Longest device name (`technician_device.name`).
MAX_NAME_LEN: Final = 200

# service → the cache's private-key buffer right after the password unlock (identity compared).
_PASSWORD_UNLOCKS: weakref.WeakKeyDictionary[VaultService, bytearray] = weakref.WeakKeyDictionary()


class DeviceKeychainUnavailable(VaultError):
    """Remember-this-device is off: no allow-listed keychain works here (`reason` says why)."""

    def __init__(self, reason: KeychainReason | None) -> None:
        self.reason = reason or KeychainReason.NO_BACKEND
        super().__init__(f"no usable keychain on this machine ({self.reason})")


class PasswordUnlockRequired(PermissionDenied):
    """Adding a device needs a password unlock in this session (vault.md §6.7)."""

    def __init__(self) -> None:
        super().__init__("unlock with your vault password to remember this device")


# -- password unlock and change ----------------------------------------------------------------


def unlock_with_password(service: VaultService, password: str) -> None:
    """`service.unlock(password)`, noting that this session's unlock was by password."""
    service.unlock(password)
    buffer = service.cache._private
    if buffer is not None:
        _PASSWORD_UNLOCKS[service] = buffer


def unlocked_by_password(service: VaultService) -> bool:
    """True while the unlock that took the password is still in force (no lock, no re-unlock)."""
    if not service.cache.is_unlocked:  # also expires an idle cache
        return False
    buffer = _PASSWORD_UNLOCKS.get(service)
    return buffer is not None and service.cache._private is buffer


def change_password(service: VaultService, old: str, new: str) -> None:
    """Re-seal my bundle under `new` with a fresh salt at policy (vault.md §8.8).

    `WrongPassword` (audited `password_change`/denied) when `old` does not open the bundle,
    `WeakVaultPassword` when `new` breaks the policy; nothing changes in either case. Device
    bundles hold the same bundle under their own keys, so devices stay valid.
    """
    me = service.technician_id
    now = service.clock()
    with service.db.read() as s:
        email = service._technician(s).email
        keys = s.get(TechnicianKeys, me)
        if keys is None or keys.disabled_at is not None:
            raise PermissionDenied("no vault keys for this technician")
        params = kdf.KdfParams.from_dict(keys.kdf)
        blob = bytes(keys.sealed_bundle)
    kdf.check_bounds(params)
    kek = kdf.derive_kek(old, params)
    try:
        bundle = crypto.open_bundle(kek, blob, crypto.bundle_aad(me), row_id=me)
    except VaultError:
        with service.db.write() as s:
            append(s, AuditEntry("password_change", me, outcome="denied"), now)
        raise WrongPassword() from None
    kdf.check_vault_password(new, email)
    with service.db.write() as s:
        keys = s.get(TechnicianKeys, me, with_for_update=True)
        if keys is None or bytes(keys.sealed_bundle) != blob:
            raise VaultError("the vault keys changed meanwhile; try again")
        service._reseal(s, bundle, new, now)
        append(s, AuditEntry("password_change", me), now)


# -- devices -----------------------------------------------------------------------------------


def remember_device(service: VaultService, keychain: DeviceKeychain, name: str) -> str:
    """Seal my bundle under a new device key kept in `keychain`; returns the device id.

    Replaces the device this machine remembered before (its row is deleted). Raises
    `DeviceKeychainUnavailable` without a usable keychain, `PasswordUnlockRequired` unless the
    current unlock was by password (`unlock_with_password`), ValueError for a bad name.
    """
    if not keychain.available:
        raise DeviceKeychainUnavailable(keychain.reason)
    name = name.strip()
    if not name or len(name) > MAX_NAME_LEN:
        raise ValueError(f"a device name has 1–{MAX_NAME_LEN} characters")
    if not unlocked_by_password(service):
        raise PasswordUnlockRequired()
    org_pub, recovery_pub = service._pinned_org, service._pinned_recovery
    if org_pub is None or recovery_pub is None:
        raise VaultLocked()
    me = service.technician_id
    bundle = crypto.Bundle(
        user_id=me,
        x25519_sk=service.cache.private_key(),
        org_sign_pub=org_pub,
        recovery_pub=recovery_pub,
        recovery_key_id=service._pinned_recovery_id,
    )
    db_uuid = _database_uuid(service)
    try:
        previous = keychain.load(db_uuid, me)
    except KeychainUnavailable:
        previous = None
    device_id = str(uuid.uuid4())
    key = crypto.generate_device_key()
    sealed = crypto.seal_bundle(key, bundle, crypto.device_aad(me, device_id))
    now = service.clock()
    # Keychain first: if the database write then fails, the orphan key only makes the next
    # device unlock fail (and clean up); a row without its key would be unusable clutter.
    keychain.store(db_uuid, me, key)
    try:
        with service.db.write() as s:
            if previous is not None:
                old = _find_device(s, me, previous)
                if old is not None:
                    s.delete(old[0])
                    append(s, AuditEntry("device_revoke", me, device_id=old[0].id), now)
            s.add(
                TechnicianDevice(
                    id=device_id, technician_id=me, name=name, sealed_bundle=sealed,
                    created_at=now,
                )
            )  # fmt: skip
            s.flush()
            append(s, AuditEntry("device_add", me, device_id=device_id), now)
    except BaseException:
        _forget_quietly(keychain, db_uuid, me)
        raise
    return device_id


def unlock_with_device(service: VaultService, keychain: DeviceKeychain) -> bool:
    """Unlock with this machine's device key; False means "ask for the password" (§6.6)."""
    if not keychain.available:
        return False
    me = service.technician_id
    db_uuid = _database_uuid(service)
    try:
        key = keychain.load(db_uuid, me)
    except KeychainUnavailable:
        return _device_failed(service, keychain, db_uuid, None)
    if key is None:
        return False
    device_id: str | None = None
    try:
        with service.db.read() as s:
            service._technician(s)
            keys = s.get(TechnicianKeys, me)
            if keys is None or keys.disabled_at is not None:
                raise PermissionDenied("no vault keys for this technician")
            found = _find_device(s, me, key)
            if found is None:
                raise VaultError("no device row opens with this key")
            device_id, bundle = found[0].id, found[1]
            if bundle.user_id != me or crypto.x25519_public_key(bundle.x25519_sk) != bytes(
                keys.x25519_pub
            ):
                raise VaultError("the device bundle holds another key")
        org_seed = service._open_org_seed(bundle.x25519_sk)
    except VaultError:
        return _device_failed(service, keychain, db_uuid, device_id)
    now = service.clock()
    with service.db.write() as s:
        device = s.get(TechnicianDevice, device_id)
        if device is not None:  # else revoked between the read and now
            device.last_used_at = now
            append(s, AuditEntry("unlock", me, device_id=device_id), now)
    if device is None:
        return _device_failed(service, keychain, db_uuid, device_id)
    service.cache.unlock(bundle.x25519_sk, org_signing_key=org_seed)
    # Also moves on to a recovery key replaced by break-glass, if my org key signed it.
    service._pin_bundle(bundle)
    return True


def forget_device(service: VaultService, keychain: DeviceKeychain, device_id: str) -> None:
    """Forget this device: delete one of my device rows, audit `device_revoke`, and remove the
    keychain item if it holds that device's key (another machine's key is left alone)."""
    me = service.technician_id
    db_uuid = _database_uuid(service)
    try:
        key = keychain.load(db_uuid, me) if keychain.available else None
    except KeychainUnavailable:
        key = None
    now = service.clock()
    with service.db.write() as s:
        device = s.get(TechnicianDevice, device_id)
        if device is None or device.technician_id != me:
            raise VaultError("no such device")
        mine = key is not None and _opens(device, me, key) is not None
        s.delete(device)
        append(s, AuditEntry("device_revoke", me, device_id=device_id), now)
    if mine:
        _forget_quietly(keychain, db_uuid, me)


def revoke_device(service: VaultService, device_id: str) -> None:
    """An admin deletes anyone's device row; its next device unlock fails (audit
    `device_revoke`, the owner in `reason`)."""
    now = service.clock()
    with service.db.write() as s:
        service._require_admin(s)
        device = s.get(TechnicianDevice, device_id)
        if device is None:
            raise VaultError("no such device")
        owner = device.technician_id
        s.delete(device)
        append(
            s,
            AuditEntry(
                "device_revoke", service.technician_id, device_id=device_id,
                reason=crypto.user_recipient(owner),
            ),
            now,
        )  # fmt: skip


# -- helpers -----------------------------------------------------------------------------------


def _database_uuid(service: VaultService) -> uuid.UUID:
    with service.db.read() as s:
        settings = s.get(VaultSettings, 1)
        if settings is None:
            raise VaultError("the vault is not set up yet")
        return uuid.UUID(settings.database_uuid)


def _opens(device: TechnicianDevice, me: int, key: bytes) -> crypto.Bundle | None:
    try:
        return crypto.open_bundle(
            key,
            bytes(device.sealed_bundle),
            crypto.device_aad(me, device.id),
            table="technician_device",
            row_id=device.id,
            field="sealed_bundle",
        )
    except VaultError:
        return None


def _find_device(s: Session, me: int, key: bytes) -> tuple[TechnicianDevice, crypto.Bundle] | None:
    """My device row whose bundle opens under `key` (AES-GCM: at most one can)."""
    rows = s.scalars(select(TechnicianDevice).where(TechnicianDevice.technician_id == me))
    for device in rows:
        bundle = _opens(device, me, key)
        if bundle is not None:
            return device, bundle
    return None


def _device_failed(
    service: VaultService, keychain: DeviceKeychain, db_uuid: uuid.UUID, device_id: str | None
) -> bool:
    _forget_quietly(keychain, db_uuid, service.technician_id)
    entry = AuditEntry(
        "device_unlock_failed", service.technician_id, outcome="denied", device_id=device_id
    )
    with service.db.write() as s:
        append(s, entry, service.clock())
    return False


def _forget_quietly(keychain: DeviceKeychain, db_uuid: uuid.UUID, me: int) -> None:
    try:
        keychain.forget(db_uuid, me)
    except KeychainUnavailable as e:
        log.warning("could not delete the device key from the keychain: %s", e.cause)
