"""Which database this computer opens, and the team database's password in the OS keychain.

The preference (`Prefs.database_url`) holds a SQLite path or a password-less URL. The
PostgreSQL password lives in the keychain only (architecture.md §3.4): service
`TEAM_PASSWORD_SERVICE`, username = the password-less URL, saved after a successful connection
test when the user finishes the first-run dialog, and put back into the URL in memory when the
database is opened (`with_saved_password`). Like `app.vault.keychain`, the backend comes from
the fixed allow-list of OS keychains, never from `keyring.get_keyring()`: no plaintext file.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Final, TypeVar

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy.engine import URL

from app.db import describe, parse_database_target
from app.paths import AppPaths
from app.services.db_connect import ConnectionReport, without_password
from app.vault.keychain import (
    WINDOWS_PERSIST,
    BackendChoice,
    KeychainReason,
    KeychainUnavailable,
    choose_backend,
)

log = logging.getLogger(__name__)

_T = TypeVar("_T")

#: The keychain service under which team database passwords are kept.
TEAM_PASSWORD_SERVICE: Final = "MSP Helpdesk database"


class DatabaseKind(enum.StrEnum):
    #: "Just me on this computer": the per-user SQLite file.
    SOLO = "solo"
    #: "Join my team's database": a shared PostgreSQL server.
    TEAM = "team"


@dataclass(frozen=True, slots=True)
class DatabaseChoice:
    """What the first-run dialog chose: the URL to open (a team one with its password, in
    memory only) and, for a team database, the connection test that allowed it."""

    kind: DatabaseKind
    url: URL
    report: ConnectionReport | None = None

    @property
    def is_team(self) -> bool:
        return self.kind is DatabaseKind.TEAM

    @property
    def stored_target(self) -> str:
        """What `Prefs.database_url` keeps: the SQLite file path, or the password-less URL."""
        if self.kind is DatabaseKind.SOLO:
            return self.url.database or ""
        return preference_key(self.url)

    def describe(self) -> str:
        """For logs and messages: the URL with the password hidden."""
        return describe(self.url)


def solo_choice(paths: AppPaths) -> DatabaseChoice:
    """The per-user SQLite file of `paths` (created when the core is built)."""
    return DatabaseChoice(DatabaseKind.SOLO, parse_database_target(str(paths.database_file)))


def preference_key(url: URL) -> str:
    """The password-less URL as text: what prefs store and what the keychain item is named."""
    return without_password(url).render_as_string(hide_password=False)


def needs_first_run(target: str | None, paths: AppPaths) -> bool:
    """True when nothing names a database yet: `target` (`--db`, else `HELPDESK_DB_URL`, else
    the saved preference) is empty and there is no database file in the data directory yet
    (an existing file from an earlier version is simply opened)."""
    return not target and not paths.database_file.exists()


class TeamPasswordStore:
    """Saves, loads and forgets team database passwords in the OS keychain.

    `TeamPasswordStore()` picks the backend from the allow-list; tests pass their in-memory
    backend and widen the allow-list in code (`extra_allowed`). When `available` is false,
    every operation raises `KeychainUnavailable` (never with the password in it).
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        extra_allowed: Collection[type[KeyringBackend]] = (),
    ) -> None:
        candidates = None if backend is None else [backend]
        self._choice: BackendChoice = choose_backend(candidates, extra_allowed=extra_allowed)

    @property
    def available(self) -> bool:
        return self._choice.available

    def save(self, url: URL, password: str) -> None:
        """Keep `password` for the database at `url` (any password in `url` is ignored)."""
        backend = self._backend("store")
        key = preference_key(url)

        def write() -> None:
            if type(backend).__name__ == "WinVaultKeyring":
                # Local machine only: the default persistence roams with roaming profiles.
                backend.persist = WINDOWS_PERSIST  # type: ignore[attr-defined]
            backend.set_password(TEAM_PASSWORD_SERVICE, key, password)

        _guarded("store", write)
        log.info("saved the password of %s in the keychain", key)

    def load(self, url: URL) -> str | None:
        backend = self._backend("load")
        key = preference_key(url)
        return _guarded("load", lambda: backend.get_password(TEAM_PASSWORD_SERVICE, key))

    def forget(self, url: URL) -> None:
        backend = self._backend("forget")
        key = preference_key(url)

        def delete() -> None:
            try:
                backend.delete_password(TEAM_PASSWORD_SERVICE, key)
            except PasswordDeleteError:
                if backend.get_password(TEAM_PASSWORD_SERVICE, key) is not None:
                    raise

        _guarded("forget", delete)

    def _backend(self, operation: str) -> KeyringBackend:
        backend = self._choice.backend
        if backend is None:
            raise KeychainUnavailable(
                operation, str(self._choice.reason or KeychainReason.NO_BACKEND)
            )
        return backend


def save_team_password(url: URL, password: str, store: TeamPasswordStore | None = None) -> None:
    """Keep the team database's password in the keychain; raises `KeychainUnavailable`."""
    (store or TeamPasswordStore()).save(url, password)


def team_password(url: URL, store: TeamPasswordStore | None = None) -> str | None:
    """The saved password of the team database at `url`; None if none or no keychain."""
    try:
        return (store or TeamPasswordStore()).load(url)
    except KeychainUnavailable as e:
        log.info("no saved database password: %s", e)
        return None


def with_saved_password(url: URL, store: TeamPasswordStore | None = None) -> URL:
    """`url` with its saved password when it is a PostgreSQL URL without one.

    Anything else comes back unchanged; so does a URL with no saved password (libpq may still
    find one in ~/.pgpass or PGPASSWORD).
    """
    if url.get_backend_name() != "postgresql" or url.password is not None:
        return url
    password = team_password(url, store)
    return url.set(password=password) if password else url


def _guarded(operation: str, call: Callable[[], _T]) -> _T:
    """Run a backend call; any error becomes `KeychainUnavailable`, neither chained nor kept as
    context: a backend's message may quote the stored value."""
    try:
        return call()
    except Exception as error:  # every backend failure means "unavailable"
        cause = type(error).__name__
    log.warning("keychain %s failed: %s", operation, cause)
    raise KeychainUnavailable(operation, cause)
