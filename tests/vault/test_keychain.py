"""The device-key keychain: allow-list, no plaintext fallback, Windows persistence, error hygiene
(shared/design/vault.md §6 and the "Keychain allow-list" row of §14)."""

from __future__ import annotations

import base64
import os
import traceback
import uuid
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.backends.Windows import WinVaultKeyring
from keyring.compat import properties
from keyring.errors import PasswordSetError
from keyrings.alt.file import PlaintextKeyring  # type: ignore[import-untyped]

from app.vault import keychain as keychain_module
from app.vault.keychain import (
    DEVICE_KEY_BYTES,
    BackendChoice,
    DeviceKeychain,
    KeychainReason,
    KeychainUnavailable,
    choose_backend,
)
from tests.fakes import MemoryKeyring

DB_UUID = uuid.UUID("6f1c2a94-3b7e-4d4c-9a51-0c3e8f2d7b10")
SERVICE = f"helpdesk/{DB_UUID}/device-key"
MEMORY_ONLY = frozenset({MemoryKeyring})


def _unregistered(cls):
    """keyring registers every backend class globally (`KeyringBackend._classes`) for its own
    auto-detection; keep these fakes out of it."""
    KeyringBackend._classes.discard(cls)
    return cls


@_unregistered
class FakeWindowsKeyring(WinVaultKeyring):
    """A Credential Manager stand-in: records `persist` assignments and calls, in order."""

    @properties.classproperty
    def priority(cls) -> float:
        return 5

    def __init__(self) -> None:
        super().__init__()
        self.operations: list[str] = []
        self.passwords: dict[tuple[str, str], str] = {}
        self._persist_value: str | None = None

    @property
    def persist(self) -> str | None:
        return self._persist_value

    @persist.setter
    def persist(self, value: str) -> None:
        self.operations.append(f"persist={value}")
        self._persist_value = value

    def get_password(self, service: str, username: str) -> str | None:
        self.operations.append("get_password")
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.operations.append("set_password")
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.operations.append("delete_password")
        self.passwords.pop((service, username), None)


@_unregistered
class PriorityRaisesKeyring(MemoryKeyring):
    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("not on this machine")


@_unregistered
class LowPriorityKeyring(MemoryKeyring):
    @properties.classproperty
    def priority(cls) -> float:
        return 0.5


@_unregistered
class LeakyFailingKeyring(MemoryKeyring):
    """Fails every write with a message quoting the value, as a careless backend might."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError(f"could not store {password!r} for {username}")


@_unregistered
class FailingReadKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise OSError("D-Bus went away")


@_unregistered
class SubclassedMemoryKeyring(MemoryKeyring):
    """Not on the allow-list even when its parent is: classes are matched exactly."""


def _files_under(*roots: Path) -> set[Path]:
    return {
        Path(dirpath) / name
        for root in roots
        for dirpath, _dirs, files in os.walk(root)
        for name in files
    }


@pytest.fixture
def plaintext_configured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """HOME and XDG dirs under `tmp_path`, with both keyring's environment variable and its
    config file pointing at keyrings.alt's plaintext file backend, and no D-Bus session."""
    home = tmp_path / "home"
    data = tmp_path / "data"
    config = tmp_path / "config"
    for d in (home, data, config):
        d.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    cfg = config / "python_keyring" / "keyringrc.cfg"
    cfg.parent.mkdir()
    cfg.write_text("[backend]\ndefault-keyring = keyrings.alt.file.PlaintextKeyring\n")
    return cfg


# --- allow-list -------------------------------------------------------------------------------


def test_plaintext_backend_from_environment_is_never_used(
    plaintext_configured: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The trap is armed: keyring's own resolution would pick the plaintext file backend.
    assert isinstance(keyring.core.load_env(), PlaintextKeyring)
    assert isinstance(keyring.core.load_config(), PlaintextKeyring)

    def no_resolution() -> KeyringBackend:
        raise AssertionError("keyring.get_keyring() must not be used")

    monkeypatch.setattr(keyring, "get_keyring", no_resolution)
    monkeypatch.setattr(keyring.core, "get_keyring", no_resolution)

    choice = choose_backend()
    assert not isinstance(choice.backend, PlaintextKeyring)
    # On the test machines no OS keychain runs; on a desktop one of the allow-listed may.
    if choice.backend is None:
        assert choice.reason is KeychainReason.NO_BACKEND
        assert not choice.available
        device_keychain = DeviceKeychain()
        assert not device_keychain.available
        with pytest.raises(KeychainUnavailable):
            device_keychain.store(DB_UUID, 7, os.urandom(DEVICE_KEY_BYTES))
        with pytest.raises(KeychainUnavailable):
            device_keychain.load(DB_UUID, 7)
    else:
        assert type(choice.backend) in keychain_module.allowed_backend_classes()

    assert _files_under(tmp_path) == {plaintext_configured}


def test_plaintext_candidate_is_refused_as_not_allowed(
    plaintext_configured: Path, tmp_path: Path
) -> None:
    choice = choose_backend([PlaintextKeyring()])
    assert choice == BackendChoice(
        None, KeychainReason.NOT_ALLOWED, ("keyrings.alt.file.PlaintextKeyring: not allowed",)
    )

    device_keychain = DeviceKeychain(PlaintextKeyring())
    assert device_keychain.reason is KeychainReason.NOT_ALLOWED
    with pytest.raises(KeychainUnavailable, match="not_allowed"):
        device_keychain.store(DB_UUID, 7, os.urandom(DEVICE_KEY_BYTES))
    assert _files_under(tmp_path) == {plaintext_configured}


def test_allow_list_matches_exact_classes() -> None:
    choice = choose_backend([SubclassedMemoryKeyring()], extra_allowed=MEMORY_ONLY)
    assert choice.backend is None
    assert choice.reason is KeychainReason.NOT_ALLOWED


def test_default_allow_list_is_the_os_keychains() -> None:
    names = {
        f"{cls.__module__}.{cls.__qualname__}" for cls in keychain_module.allowed_backend_classes()
    }
    assert names <= {
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
    }
    # Windows and macOS import everywhere (their priority raises off-platform).
    assert "keyring.backends.Windows.WinVaultKeyring" in names


def test_fail_keyring_takes_the_no_keychain_path() -> None:
    assert choose_backend([fail.Keyring()]).reason is KeychainReason.NOT_ALLOWED
    # Even when allowed, priority 0 means "no keychain".
    choice = choose_backend([fail.Keyring()], extra_allowed={fail.Keyring})
    assert choice.backend is None
    assert choice.reason is KeychainReason.NO_BACKEND

    device_keychain = DeviceKeychain(fail.Keyring(), extra_allowed={fail.Keyring})
    assert not device_keychain.available
    assert device_keychain.reason is KeychainReason.NO_BACKEND
    for call in (
        lambda: device_keychain.store(DB_UUID, 7, os.urandom(DEVICE_KEY_BYTES)),
        lambda: device_keychain.load(DB_UUID, 7),
        lambda: device_keychain.forget(DB_UUID, 7),
    ):
        with pytest.raises(KeychainUnavailable, match="no_backend"):
            call()


def test_backend_whose_priority_raises_is_skipped(memory_keyring: MemoryKeyring) -> None:
    raising = PriorityRaisesKeyring()
    allowed = {PriorityRaisesKeyring, MemoryKeyring}
    choice = choose_backend([raising, memory_keyring], extra_allowed=allowed)
    assert choice.backend is memory_keyring
    assert choice.refused == (f"{__name__}.PriorityRaisesKeyring: not viable",)

    alone = choose_backend([raising], extra_allowed=allowed)
    assert alone.backend is None
    assert alone.reason is KeychainReason.NO_BACKEND


def test_highest_priority_wins(memory_keyring: MemoryKeyring) -> None:
    windows = FakeWindowsKeyring()
    low = LowPriorityKeyring()
    allowed = {MemoryKeyring, LowPriorityKeyring, FakeWindowsKeyring}
    assert choose_backend([low, memory_keyring, windows], extra_allowed=allowed).backend is windows
    assert choose_backend([low, memory_keyring], extra_allowed=allowed).backend is memory_keyring


def test_no_candidates_means_no_backend() -> None:
    choice = choose_backend([])
    assert choice == BackendChoice(None, KeychainReason.NO_BACKEND)


def test_default_candidates_ignore_keyring_property_overrides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Production path (candidates=None) with the allow-list pointed at a fake.
    monkeypatch.setattr(keychain_module, "ALLOWED_BACKENDS", ((__name__, "FakeWindowsKeyring"),))
    monkeypatch.setenv("KEYRING_PROPERTY_COLLECTION", "somewhere-else")
    choice = choose_backend()
    assert isinstance(choice.backend, FakeWindowsKeyring)
    assert "collection" not in vars(choice.backend)


# --- store / load / forget --------------------------------------------------------------------


def test_memory_backend_round_trip(memory_keyring: MemoryKeyring) -> None:
    device_keychain = DeviceKeychain(memory_keyring, extra_allowed=MEMORY_ONLY)
    assert device_keychain.available
    assert device_keychain.reason is None
    key = os.urandom(DEVICE_KEY_BYTES)

    device_keychain.store(DB_UUID, 7, key)

    assert memory_keyring.passwords == {(SERVICE, "7"): base64.b64encode(key).decode()}
    assert device_keychain.load(DB_UUID, 7) == key
    assert device_keychain.load(DB_UUID, 8) is None
    assert device_keychain.load(uuid.uuid4(), 7) is None

    newer = os.urandom(DEVICE_KEY_BYTES)
    device_keychain.store(DB_UUID, 7, newer)
    assert device_keychain.load(DB_UUID, 7) == newer

    device_keychain.forget(DB_UUID, 7)
    assert memory_keyring.passwords == {}
    assert device_keychain.load(DB_UUID, 7) is None
    device_keychain.forget(DB_UUID, 7)  # nothing to forget is fine


@pytest.mark.parametrize("length", [0, 16, 31, 33, 64])
def test_store_refuses_a_key_of_the_wrong_length(
    memory_keyring: MemoryKeyring, length: int
) -> None:
    device_keychain = DeviceKeychain(memory_keyring, extra_allowed=MEMORY_ONLY)
    key = os.urandom(length)
    with pytest.raises(ValueError) as excinfo:
        device_keychain.store(DB_UUID, 7, key)
    assert memory_keyring.passwords == {}
    if key:
        assert base64.b64encode(key).decode() not in str(excinfo.value)


def test_windows_backend_persists_on_the_local_machine_before_writing() -> None:
    windows = FakeWindowsKeyring()
    device_keychain = DeviceKeychain(windows, extra_allowed={FakeWindowsKeyring})
    assert windows.operations == []

    key = os.urandom(DEVICE_KEY_BYTES)
    device_keychain.store(DB_UUID, 7, key)

    assert windows.persist == "local machine"
    assert windows.operations[:2] == ["persist=local machine", "set_password"]
    assert device_keychain.load(DB_UUID, 7) == key


def test_backend_write_error_is_typed_and_leaks_no_key() -> None:
    backend = LeakyFailingKeyring()
    device_keychain = DeviceKeychain(backend, extra_allowed={LeakyFailingKeyring})
    key = os.urandom(DEVICE_KEY_BYTES)

    with pytest.raises(KeychainUnavailable) as excinfo:
        device_keychain.store(DB_UUID, 7, key)

    error = excinfo.value
    assert error.operation == "store"
    assert error.cause == "PasswordSetError"
    assert error.__cause__ is None
    assert error.__context__ is None
    rendered = "\n".join([str(error), repr(error), *traceback.format_exception(error)])
    for form in (base64.b64encode(key).decode(), key.hex(), repr(key)):
        assert form not in rendered


def test_backend_read_error_is_typed() -> None:
    device_keychain = DeviceKeychain(FailingReadKeyring(), extra_allowed={FailingReadKeyring})
    with pytest.raises(KeychainUnavailable) as excinfo:
        device_keychain.load(DB_UUID, 7)
    assert (excinfo.value.operation, excinfo.value.cause) == ("load", "OSError")
    assert "D-Bus" not in str(excinfo.value)


@pytest.mark.parametrize(
    "stored",
    [
        "not base64 at all!",
        base64.b64encode(b"\x01" * 16).decode(),
        base64.b64encode(b"\x01" * 33).decode(),
        base64.b64encode(b"\x01" * 32).decode()[:-2],
        "ключ",
        "",
    ],
    ids=["garbage", "short", "long", "truncated", "non-ascii", "empty"],
)
def test_malformed_item_is_deleted_and_loads_as_none(
    memory_keyring: MemoryKeyring, stored: str
) -> None:
    device_keychain = DeviceKeychain(memory_keyring, extra_allowed=MEMORY_ONLY)
    memory_keyring.passwords[(SERVICE, "7")] = stored
    memory_keyring.passwords[(SERVICE, "8")] = base64.b64encode(b"\x02" * 32).decode()

    assert device_keychain.load(DB_UUID, 7) is None

    assert (SERVICE, "7") not in memory_keyring.passwords
    assert device_keychain.load(DB_UUID, 8) == b"\x02" * 32
