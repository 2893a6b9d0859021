"""What the Credentials tab loads for one client, and its worker-side unlock (read/write lanes).

Functions here run on workers: they get plain values and the Qt-free services, never widgets.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field

from PySide6.QtCore import QSysInfo

from app.services.vault_settings import VaultPolicy, VaultSettingsService
from app.vault import devices
from app.vault.keychain import DeviceKeychain
from app.vault.service import VaultService
from app.vault.types import ItemRow


@dataclass(frozen=True, slots=True)
class VaultState:
    """What the tab shows for one client (read on the read lane)."""

    client_id: int
    set_up: bool
    enrolled: bool
    unlocked: bool
    vault_id: int | None = None
    items: list[ItemRow] = field(default_factory=list)
    #: The vault-wide settings (clipboard and idle times, database identity); None before setup.
    policy: VaultPolicy | None = None


def load_state(service: VaultService, client_id: int) -> VaultState:
    """Runs on a worker: set-up, enrolment, lock state, settings, the client's vault and items."""
    policy = VaultSettingsService.of(service).policy()
    if policy is None:
        return VaultState(client_id, set_up=False, enrolled=False, unlocked=False)
    if not service.has_keys():
        return VaultState(client_id, set_up=True, enrolled=False, unlocked=False, policy=policy)
    if not service.cache.is_unlocked:
        return VaultState(client_id, set_up=True, enrolled=True, unlocked=False, policy=policy)
    vault_id = service.vault_for_client(client_id)
    items = service.items(vault_id) if vault_id is not None else []
    return VaultState(client_id, True, True, True, vault_id, items, policy)


def unlock_and_remember(
    service: VaultService, keychain: DeviceKeychain, password: str, device_name: str | None
) -> BaseException | None:
    """Runs on a worker: unlock with the password (errors propagate), then remember this device
    when `device_name` is given; returns the remembering error instead of raising it."""
    devices.unlock_with_password(service, password)
    if device_name is None:
        return None
    try:
        devices.remember_device(service, keychain, device_name)
    except Exception as e:  # the unlock stands whatever went wrong here
        return e
    return None


def machine_name() -> str:
    """This computer's host name, for the device row (never empty, at most the column width)."""
    name = QSysInfo.machineHostName().strip() or platform.node().strip() or "This computer"
    return name[: devices.MAX_NAME_LEN]
