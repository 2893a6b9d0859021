"""Typed facade over `QSettings`: preferences and UI state, each key declared once with its default.

GUI thread only: workers never touch `QSettings` (architecture.md §3.2). Business configuration
lives in the database and secrets in the vault, never here (§3.4).

Every key is a `Setting` descriptor on a group class, so reading gives a value of the declared
type, whatever the backend hands back: an ini file returns bools and ints as strings, byte arrays
as `QByteArray`, and a hand-edited `a, b` as a list. A stored value that cannot be read as the
declared type gives the default (and a log line), never an exception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, Final, Generic, TypeVar, overload

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from PySide6.QtCore import QByteArray, QSettings

from app.paths import APP_AUTHOR, APP_NAME

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Version of the layout of keys this build writes; bump it and add an `UPGRADE_STEPS` entry
#: whenever a key is renamed, moved or changes type.
SETTINGS_VERSION: Final = 1
#: Where the version is stored (top level, outside the groups).
VERSION_KEY: Final = "settings_version"
#: Organization name of the native store ("MSP Helpdesk" in the registry or ~/.config).
ORGANIZATION: Final = APP_AUTHOR
#: Application name of the native store.
APPLICATION: Final = APP_NAME

#: Brings settings stored at version N to N + 1, in place.
UpgradeStep = Callable[[QSettings], None]

#: Upgrade steps by the version they start from. Version 1 is the first, so none exist yet.
UPGRADE_STEPS: Final[Mapping[int, UpgradeStep]] = {}

_TRUE: Final = frozenset({"true", "1", "yes", "on"})
_FALSE: Final = frozenset({"false", "0", "no", "off"})


class _Invalid:
    """Marks a stored value that cannot be read as the declared type."""


_INVALID: Final = _Invalid()


class Setting(Generic[T]):
    """One key of a `SettingsGroup`: its name, type and default, declared once.

    Read and written as an attribute of a group instance; `del` resets it to the default. On the
    class, the attribute is the `Setting` itself (for its `name` and `default`).
    """

    def __init__(self, name: str, default: T) -> None:
        if "/" in name or "\\" in name:
            raise ValueError(f"setting name {name!r} must not contain a slash")
        #: The key inside its group, e.g. "language" for "prefs/language".
        self.name = name
        #: What reading gives while the key is absent or unreadable.
        self.default = default

    @overload
    def __get__(self, group: None, owner: type[Any]) -> Setting[T]: ...
    @overload
    def __get__(self, group: SettingsGroup, owner: type[Any]) -> T: ...
    def __get__(self, group: SettingsGroup | None, owner: type[Any]) -> Setting[T] | T:
        if group is None:
            return self
        return self.read(group.store, group.key(self))

    def __set__(self, group: SettingsGroup, value: T) -> None:
        group.store.setValue(group.key(self), self.encode(self.check(value)))

    def __delete__(self, group: SettingsGroup) -> None:
        group.store.remove(group.key(self))

    def read(self, store: QSettings, key: str) -> T:
        raw = store.value(key)
        if raw is None:
            return self.default
        value = self.decode(raw)
        if isinstance(value, _Invalid):
            log.warning("setting %s holds an unreadable %s; using the default", key, type(raw))
            return self.default
        return value

    def check(self, value: T) -> T:
        """The value to store; raises `TypeError` for the wrong type."""
        raise NotImplementedError

    def decode(self, raw: object) -> T | _Invalid:
        """The stored `raw` value as the declared type, or `_INVALID`."""
        raise NotImplementedError

    def encode(self, value: T) -> object:
        """What to hand to `QSettings.setValue`."""
        return value


class StrSetting(Setting[str]):
    """A text value."""

    def check(self, value: str) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{self.name} takes str, not {type(value).__name__}")
        return value

    def decode(self, raw: object) -> str | _Invalid:
        if isinstance(raw, str):
            return raw
        # An unquoted "a, b" in a hand-edited ini file comes back as a list of strings.
        if isinstance(raw, list) and all(isinstance(part, str) for part in raw):
            return ", ".join(raw)
        return _INVALID


class BoolSetting(Setting[bool]):
    """A yes/no value; an ini file stores it as "true"/"false" and returns the string."""

    def check(self, value: bool) -> bool:
        if not isinstance(value, bool):
            raise TypeError(f"{self.name} takes bool, not {type(value).__name__}")
        return value

    def decode(self, raw: object) -> bool | _Invalid:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw)
        if isinstance(raw, str):
            text = raw.strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
        return _INVALID


class IntSetting(Setting[int]):
    """A whole number; an ini file returns it as a string."""

    def check(self, value: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{self.name} takes int, not {type(value).__name__}")
        return value

    def decode(self, raw: object) -> int | _Invalid:
        if isinstance(raw, bool):
            return _INVALID
        if isinstance(raw, int):
            return raw
        if isinstance(raw, str):
            try:
                return int(raw.strip())
            except ValueError:
                return _INVALID
        return _INVALID


class BytesSetting(Setting[bytes]):
    """Opaque bytes, such as `saveGeometry()`; accepts a `QByteArray` and always gives `bytes`."""

    def __set__(self, group: SettingsGroup, value: bytes | bytearray | QByteArray) -> None:
        if isinstance(value, QByteArray | bytearray):
            value = bytes(value.data() if isinstance(value, QByteArray) else value)
        super().__set__(group, value)

    def check(self, value: bytes) -> bytes:
        if not isinstance(value, bytes):
            raise TypeError(f"{self.name} takes bytes, not {type(value).__name__}")
        return value

    def decode(self, raw: object) -> bytes | _Invalid:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, bytes | bytearray):
            return bytes(raw)
        return _INVALID

    def encode(self, value: bytes) -> object:
        # Plain `bytes` would be pickled into an "@Variant(PySide::PyObjectWrapper …)" blob.
        return QByteArray(value)


class DatabaseUrlSetting(StrSetting):
    """A database URL or SQLite path; a password in the URL is dropped before storing.

    The PostgreSQL password belongs in the OS keychain (architecture.md §3.4), never here.
    """

    def encode(self, value: str) -> object:
        if "://" not in value:
            return value
        try:
            url = make_url(value)
        except ArgumentError:
            return value
        if url.password is None:
            return value
        log.info("the password was left out of the stored database URL")
        # `URL.set(password=None)` would keep the password: `set()` ignores None.
        bare = URL.create(
            url.drivername,
            username=url.username,
            host=url.host,
            port=url.port,
            database=url.database,
            query=url.query,
        )
        return bare.render_as_string(hide_password=False)


class SettingsGroup:
    """A section of the store (`section/key`) holding the `Setting`s declared on the class."""

    #: The section name in the store; subclasses set it.
    section: ClassVar[str]

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def key(self, setting: Setting[Any]) -> str:
        """The full key of `setting` in the store."""
        return f"{self.section}/{setting.name}"

    @classmethod
    def declared(cls) -> Iterator[tuple[str, Setting[Any]]]:
        """(attribute name, setting) for every key of the group, in declaration order."""
        for klass in reversed(cls.__mro__):
            for attr, value in vars(klass).items():
                if isinstance(value, Setting):
                    yield attr, value

    def reset(self) -> None:
        """Remove every key of the group, so each reads as its default."""
        for _attr, setting in self.declared():
            self.store.remove(self.key(setting))


class Prefs(SettingsGroup):
    """Preferences the technician chose; they follow them across versions."""

    section = "prefs"

    #: UI language as a Qt locale name ("de", "pt_BR"); "" follows the system.
    language = StrSetting("language", "")
    #: The last database opened: a SQLAlchemy URL without password, or a SQLite file path;
    #: "" means the default file in the data directory.
    database_url = DatabaseUrlSetting("database_url", "")
    #: E-mail of the last technician who signed in, to pre-fill the sign-in form; "" for none.
    remember_email = StrSetting("remember_email", "")
    #: "system" (follow the operating system's light / dark scheme), "light" or "dark".
    theme = StrSetting("theme", "system")


class UiState(SettingsGroup):
    """Window layout remembered between runs; losing it costs nothing (see `reset()`)."""

    section = "ui_state"

    #: `MainWindow.saveGeometry()`.
    main_window_geometry = BytesSetting("main_window_geometry", b"")
    #: `saveState()` of the splitter between the ticket queue and the ticket detail.
    main_splitter_state = BytesSetting("main_splitter_state", b"")
    #: `QHeaderView.saveState()` of the ticket queue: column order, widths and sort.
    queue_header_state = BytesSetting("queue_header_state", b"")
    #: Name of the saved queue selected last; "" selects the default queue.
    last_queue = StrSetting("last_queue", "")


class VaultAnchors(SettingsGroup):
    """Local audit anchors (vault.md §9): per vault database, the id and hash of the last audit
    row this workstation wrote. A database writer can recompute the whole chain; this copy,
    outside the database, still catches it.

    Keys are the databases' `vault_settings.database_uuid`, so they are not declared one by one;
    each value is "<row id>:<row hash as hex>".
    """

    section = "vault_anchors"

    @staticmethod
    def _setting(database_uuid: str) -> StrSetting:
        name = database_uuid.strip().lower()
        if not name or not all(c in "0123456789abcdef-" for c in name):
            raise ValueError(f"not a database uuid: {database_uuid!r}")
        return StrSetting(name, "")

    def get(self, database_uuid: str) -> tuple[int, bytes] | None:
        """The anchor kept for that database, or None (none yet, or unreadable)."""
        setting = self._setting(database_uuid)
        raw = setting.read(self.store, self.key(setting))
        row_id, sep, digest = raw.partition(":")
        try:
            anchor = (int(row_id), bytes.fromhex(digest))
        except ValueError:
            anchor = None
        if not sep or anchor is None or anchor[0] < 1 or len(anchor[1]) != 32:
            if raw:
                log.warning("the audit anchor of database %s is unreadable", database_uuid)
            return None
        return anchor

    def set(self, database_uuid: str, row_id: int, row_hash: bytes) -> None:
        setting = self._setting(database_uuid)
        self.store.setValue(self.key(setting), f"{int(row_id)}:{bytes(row_hash).hex()}")

    def forget(self, database_uuid: str) -> None:
        self.store.remove(self.key(self._setting(database_uuid)))


class WindowLayouts(SettingsGroup):
    """Remembered geometry, splitter and column layouts of the app's other windows, keyed
    "<window class>.<part>" (see `app.views.layout_memory`). Losing them costs nothing."""

    section = "window_layouts"

    @staticmethod
    def _setting(key: str) -> BytesSetting:
        if not key or not all(c.isascii() and (c.isalnum() or c in "_-.") for c in key):
            raise ValueError(f"not a layout key: {key!r}")
        return BytesSetting(key, b"")

    def get(self, key: str) -> bytes:
        setting = self._setting(key)
        return setting.read(self.store, self.key(setting))

    def set(self, key: str, value: bytes) -> None:
        setting = self._setting(key)
        self.store.setValue(self.key(setting), setting.encode(setting.check(value)))


def upgrade_settings(
    store: QSettings,
    steps: Mapping[int, UpgradeStep] = UPGRADE_STEPS,
    target: int = SETTINGS_VERSION,
) -> int:
    """Bring `store` to `target` by running `steps` in order; returns the version it is now at.

    An empty or unversioned store is stamped with `target`. A store written by a newer build is
    left as it is: unknown keys are ignored and known ones are still read.
    """
    raw = store.value(VERSION_KEY)
    stored = IntSetting(VERSION_KEY, 0).decode(raw) if raw is not None else None
    if stored is None or isinstance(stored, _Invalid):
        store.setValue(VERSION_KEY, target)
        return target
    if stored > target:
        log.warning("settings were written by a newer version (%d > %d)", stored, target)
        return stored
    version = stored
    while version < target:
        step = steps.get(version)
        if step is None:
            raise LookupError(f"no settings upgrade step from version {version}")
        step(store)
        version += 1
        store.setValue(VERSION_KEY, version)
        log.info("settings upgraded to version %d", version)
    return version


class Settings:
    """Preferences (`prefs`), window layout (`ui_state`) and the vault's local audit anchors
    (`vault_anchors`) over one `QSettings`. GUI thread only.

    Built by the composition root (`Settings.default()`) and passed to whoever needs it; tests
    build one on an ini file in `tmp_path`. Construction runs the upgrade steps.
    """

    def __init__(self, store: QSettings) -> None:
        self._store = store
        #: The version of the stored layout after upgrading (above `SETTINGS_VERSION` if a
        #: newer build wrote it).
        self.version = upgrade_settings(store)
        #: The technician's preferences.
        self.prefs = Prefs(store)
        #: Window geometry, splitter and header state, last queue.
        self.ui_state = UiState(store)
        #: The last audit row this workstation wrote, per vault database.
        self.vault_anchors = VaultAnchors(store)
        #: Geometry, splitters and columns of the other windows.
        self.window_layouts = WindowLayouts(store)

    @classmethod
    def default(cls) -> Settings:
        """The per-user native store: the registry on Windows, a .conf/.plist elsewhere."""
        return cls(
            QSettings(
                QSettings.Format.NativeFormat,
                QSettings.Scope.UserScope,
                ORGANIZATION,
                APPLICATION,
            )
        )

    @property
    def store(self) -> QSettings:
        """The underlying store, for diagnostics (`fileName()`); read keys through the groups."""
        return self._store

    def sync(self) -> None:
        """Write pending changes now (Qt also writes them on its own and at exit)."""
        self._store.sync()
        if self._store.status() != QSettings.Status.NoError:
            log.warning("settings could not be saved: %s", self._store.status().name)
