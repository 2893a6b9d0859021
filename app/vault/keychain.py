"""The per-device key in the OS keychain (shared/design/vault.md §6); no Qt, no database.

One item per (database, user, device): service `helpdesk/<database uuid>/device-key`, username
`<user_id>`, value = base64 of the 32-byte device key. Nothing else ever goes into the keychain.

The backend is constructed here, from a fixed allow-list of OS keychains. `keyring.get_keyring()`
is never used: its resolution follows `PYTHON_KEYRING_BACKEND` and `keyringrc.cfg`, which can
point at a plaintext file backend (`keyrings.alt`). Tests inject backends through the
constructor and widen the allow-list in code (`extra_allowed`); nothing read from the
environment can widen it.
"""

from __future__ import annotations

import base64
import binascii
import enum
import importlib
import logging
import os
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Final, TypeVar
from uuid import UUID

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

log = logging.getLogger(__name__)

_T = TypeVar("_T")

#: Length of a device key in bytes.
DEVICE_KEY_BYTES: Final = 32

#: The keychain backends the app may use, as (module, class name); compared by class identity.
ALLOWED_BACKENDS: Final[tuple[tuple[str, str], ...]] = (
    ("keyring.backends.Windows", "WinVaultKeyring"),
    ("keyring.backends.macOS", "Keyring"),
    ("keyring.backends.SecretService", "Keyring"),
    ("keyring.backends.libsecret", "Keyring"),
    ("keyring.backends.kwallet", "DBusKeyring"),
)

#: Windows Credential Manager persistence: never the default `CRED_PERSIST_ENTERPRISE`, which
#: roams with roaming profiles.
WINDOWS_PERSIST: Final = "local machine"

_ENV_PROPERTY_PREFIX: Final = "KEYRING_PROPERTY_"


class KeychainReason(enum.StrEnum):
    """Why "remember this device" is disabled."""

    #: No allow-listed keychain is usable on this machine (none installed, none running).
    NO_BACKEND = "no_backend"
    #: Every backend offered was refused because its class is not on the allow-list.
    NOT_ALLOWED = "not_allowed"


class KeychainUnavailable(Exception):
    """The keychain cannot be used: no backend, or the backend failed.

    The message names the operation and the backend error's type only; it never carries the
    key, the stored value, or the backend's own message (which might quote either).
    """

    def __init__(self, operation: str, cause: str) -> None:
        super().__init__(f"keychain {operation} failed: {cause}")
        #: "store", "load" or "forget".
        self.operation = operation
        #: A `KeychainReason` value, or the type name of the backend's exception.
        self.cause = cause


@dataclass(frozen=True, slots=True)
class BackendChoice:
    """The keychain backend to use, or None with the reason "remember this device" is off."""

    backend: KeyringBackend | None
    reason: KeychainReason | None = None
    #: Diagnostics for the log: one "module.Class: why" per refused candidate; no secrets.
    refused: tuple[str, ...] = ()

    @property
    def available(self) -> bool:
        return self.backend is not None


def allowed_backend_classes() -> frozenset[type[KeyringBackend]]:
    """The allow-listed backend classes that import on this machine (lazily, ImportError-safe)."""
    classes: set[type[KeyringBackend]] = set()
    for module_name, class_name in ALLOWED_BACKENDS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        cls = getattr(module, class_name, None)
        if isinstance(cls, type) and issubclass(cls, KeyringBackend):
            classes.add(cls)
    return frozenset(classes)


def choose_backend(
    candidates: Iterable[KeyringBackend] | None = None,
    *,
    extra_allowed: Collection[type[KeyringBackend]] = (),
) -> BackendChoice:
    """Pick the highest-priority usable backend among `candidates`.

    With `candidates=None`, instantiates the allow-listed classes (`ALLOWED_BACKENDS`). A
    candidate is refused unless its exact class is allow-listed or in `extra_allowed` (tests
    only); it is skipped unless reading its `priority` does not raise and gives a number > 0.
    """
    allowed = allowed_backend_classes() | frozenset(extra_allowed)
    if candidates is None:
        candidates = _instantiate_allowed()
    refused: list[str] = []
    not_allowed = 0
    seen = 0
    best: tuple[float, KeyringBackend] | None = None
    for backend in candidates:
        seen += 1
        name = _class_name(backend)
        if type(backend) not in allowed:
            not_allowed += 1
            refused.append(f"{name}: not allowed")
            continue
        priority = _priority(backend)
        if priority is None:
            refused.append(f"{name}: not viable")
            continue
        if best is None or priority > best[0]:
            best = (priority, backend)
    if best is not None:
        log.debug("keychain backend: %s", _class_name(best[1]))
        return BackendChoice(best[1], None, tuple(refused))
    reason = (
        KeychainReason.NOT_ALLOWED if seen and not_allowed == seen else KeychainReason.NO_BACKEND
    )
    log.info("remember this device is disabled (%s): %s", reason, "; ".join(refused) or "-")
    return BackendChoice(None, reason, tuple(refused))


class KeychainItems:
    """Text items of the OS keychain under (service, user name), through an allow-listed
    backend only: the plumbing shared by the device keys and the team database passwords.

    `backend` None picks one from the allow-list; a given backend must pass the same checks
    (`extra_allowed` widens the allow-list for tests). When `available` is false every
    operation raises `KeychainUnavailable` with `reason`; a backend's own error never leaves
    (its message may quote the value).
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        extra_allowed: Collection[type[KeyringBackend]] = (),
    ) -> None:
        candidates = None if backend is None else [backend]
        self._choice = choose_backend(candidates, extra_allowed=extra_allowed)

    @property
    def choice(self) -> BackendChoice:
        return self._choice

    @property
    def available(self) -> bool:
        return self._choice.available

    @property
    def reason(self) -> KeychainReason | None:
        """Why the keychain is unavailable; None when it is available."""
        return self._choice.reason

    def write_item(self, service: str, username: str, value: str) -> None:
        backend = self._backend("store")

        def write() -> None:
            _prepare_for_write(backend)
            backend.set_password(service, username, value)

        _guarded("store", write)

    def read_item(self, service: str, username: str) -> str | None:
        backend = self._backend("load")
        return _guarded("load", lambda: backend.get_password(service, username))

    def delete_item(self, service: str, username: str) -> None:
        """Nothing to delete is not an error."""
        backend = self._backend("forget")

        def delete() -> None:
            try:
                backend.delete_password(service, username)
            except PasswordDeleteError:
                # Most backends raise this for "not found"; fail only if the item is still there.
                if backend.get_password(service, username) is not None:
                    raise

        _guarded("forget", delete)

    def _backend(self, operation: str) -> KeyringBackend:
        backend = self._choice.backend
        if backend is None:
            reason = self._choice.reason or KeychainReason.NO_BACKEND
            raise KeychainUnavailable(operation, str(reason))
        return backend


class DeviceKeychain(KeychainItems):
    """Stores, loads and forgets the device key of (database uuid, user id)."""

    @staticmethod
    def service_name(db_uuid: UUID) -> str:
        return f"helpdesk/{db_uuid}/device-key"

    def store(self, db_uuid: UUID, user_id: int, key: bytes) -> None:
        """Save `key` (exactly `DEVICE_KEY_BYTES` bytes), replacing any earlier one."""
        if not isinstance(key, bytes) or len(key) != DEVICE_KEY_BYTES:
            raise ValueError(f"a device key is exactly {DEVICE_KEY_BYTES} bytes")
        value = base64.b64encode(key).decode("ascii")
        self.write_item(self.service_name(db_uuid), str(user_id), value)

    def load(self, db_uuid: UUID, user_id: int) -> bytes | None:
        """The stored key, or None if there is none. A malformed item is deleted (→ None)."""
        value = self.read_item(self.service_name(db_uuid), str(user_id))
        if value is None:
            return None
        key = _decode_key(value)
        if key is None:
            log.warning("malformed device key in the keychain for user %s; deleting it", user_id)
            self.forget(db_uuid, user_id)
        return key

    def forget(self, db_uuid: UUID, user_id: int) -> None:
        """Delete the item; nothing to delete is not an error."""
        self.delete_item(self.service_name(db_uuid), str(user_id))


def _guarded(operation: str, call: Callable[[], _T]) -> _T:
    """Run a backend call; any error becomes `KeychainUnavailable` without the original.

    The original is neither chained nor kept as `__context__` (raised outside the handler): a
    backend's message may quote the stored value.
    """
    try:
        return call()
    except Exception as error:  # every backend failure means "unavailable"
        cause = type(error).__name__
    log.warning("keychain %s failed: %s", operation, cause)
    raise KeychainUnavailable(operation, cause)


def _decode_key(value: str) -> bytes | None:
    try:
        key = base64.b64decode(value.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error, ValueError):
        return None
    return key if len(key) == DEVICE_KEY_BYTES else None


def _prepare_for_write(backend: KeyringBackend) -> None:
    """Windows: keep the credential on this machine instead of roaming with the profile."""
    if _is_windows_backend(backend):
        backend.persist = WINDOWS_PERSIST  # type: ignore[attr-defined]


def _is_windows_backend(backend: KeyringBackend) -> bool:
    try:
        from keyring.backends.Windows import WinVaultKeyring
    except ImportError:
        return False
    return isinstance(backend, WinVaultKeyring)


def _instantiate_allowed() -> list[KeyringBackend]:
    """One instance of each allow-listed class that constructs; `KEYRING_PROPERTY_*`
    environment overrides that keyring applies in `__init__` are dropped again."""
    env_properties = {
        name[len(_ENV_PROPERTY_PREFIX) :].lower(): value
        for name, value in os.environ.items()
        if name.startswith(_ENV_PROPERTY_PREFIX)
    }
    backends: list[KeyringBackend] = []
    for cls in sorted(allowed_backend_classes(), key=_qualified_name):
        try:
            backend = cls()
        except Exception as error:  # an unusable backend is just skipped
            log.debug("keychain backend %s: %s", _qualified_name(cls), type(error).__name__)
            continue
        attributes = vars(backend)
        for name, value in env_properties.items():
            if attributes.get(name) == value:
                del attributes[name]
        backends.append(backend)
    return backends


def _priority(backend: KeyringBackend) -> float | None:
    """The backend's priority if reading it does not raise and it is a number > 0."""
    try:
        priority = backend.priority
    except Exception:  # keyring signals "not viable here" by raising
        return None
    if isinstance(priority, bool) or not isinstance(priority, int | float):
        return None
    return float(priority) if priority > 0 else None


def _class_name(backend: KeyringBackend) -> str:
    return _qualified_name(type(backend))


def _qualified_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"
