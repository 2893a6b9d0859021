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
from dataclasses import dataclass
from typing import Final

from sqlalchemy.engine import URL

from app.db import describe, parse_database_target
from app.paths import AppPaths
from app.services.db_connect import ConnectionReport, without_password
from app.vault.keychain import KeychainItems, KeychainUnavailable

log = logging.getLogger(__name__)


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


class TeamPasswordStore(KeychainItems):
    """Saves, loads and forgets team database passwords in the OS keychain, keyed by the
    password-less URL; `KeychainUnavailable` (never with the password in it) without one."""

    def save(self, url: URL, password: str) -> None:
        """Keep `password` for the database at `url` (any password in `url` is ignored)."""
        key = preference_key(url)
        self.write_item(TEAM_PASSWORD_SERVICE, key, password)
        log.info("saved the password of %s in the keychain", key)

    def load(self, url: URL) -> str | None:
        return self.read_item(TEAM_PASSWORD_SERVICE, preference_key(url))

    def forget(self, url: URL) -> None:
        self.delete_item(TEAM_PASSWORD_SERVICE, preference_key(url))


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
