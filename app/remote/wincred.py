"""Session-only `TERMSRV/<host>` credentials for mstsc (remote.md §3.2, pitfalls 5 and 6).

mstsc takes a password from nowhere but the Windows credential manager, so a launch writes a
generic credential named `TERMSRV/<host>` with `Persist=1` (this logon session only) just before
mstsc starts and deletes it 60 s later or at mstsc's exit.

Two promises:
- **A user's own entry is never overwritten** (then deleted by us): if one exists, the launch falls
  back to a prompt and the UI offers Copy password.
- **Nothing is left after a crash:** each name is written to a local list file *before*
  `CredWrite`, and the start-up `sweep()` deletes listed entries that still carry our marker
  comment. An entry the user created since under a listed name keeps its own comment and
  survives.

The OS API is injected: any object with `win32cred`'s `CredRead/CredWrite/CredDelete`
(`win32ctypes.pywin32.win32cred`, which keyring installs on Windows). Tests pass a fake.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, Protocol

from app.remote.plan import LaunchError

#: CRED_TYPE_GENERIC, the type `cmdkey /generic:TERMSRV/…` creates and mstsc reads.
CRED_TYPE_GENERIC: Final = 1
#: CRED_PERSIST_SESSION: gone at logoff even if every delete fails.
CRED_PERSIST_SESSION: Final = 1
#: CRED_MAX_CREDENTIAL_BLOB_SIZE (5 * 512 bytes); the blob is the UTF-16LE password.
MAX_BLOB_BYTES: Final = 2560
#: ERROR_NOT_FOUND, carried as `.winerror` by pywintypes.error.
ERROR_NOT_FOUND: Final = 1168
#: The Comment on entries we write; the sweep deletes only entries that carry it.
MARKER_COMMENT: Final = "MSP Helpdesk launch credential (deleted after use)"

SeedReason = Literal["seeded", "foreign_entry", "too_long", "write_failed"]


class CredentialApi(Protocol):
    """The part of `win32cred` used here (argument names as in pywin32)."""

    def CredRead(self, TargetName: str, Type: int, Flags: int = 0) -> Mapping[str, Any]: ...

    def CredWrite(self, Credential: Mapping[str, Any], Flags: int = 0) -> None: ...

    def CredDelete(self, TargetName: str, Type: int, Flags: int = 0) -> None: ...


def default_credential_api() -> CredentialApi:
    """`win32ctypes.pywin32.win32cred` on Windows; `LaunchError` elsewhere or when missing."""
    try:
        module: Any = importlib.import_module("win32ctypes.pywin32.win32cred")
    except ImportError:
        raise LaunchError(
            "credential_api_missing", "The Windows credential API (pywin32-ctypes) is missing"
        ) from None
    api: CredentialApi = module
    return api


def termsrv_name(host: str) -> str:
    """`TERMSRV/<host>`, host as in the `.rdp` `full address` without the port."""
    return f"TERMSRV/[{host}]" if ":" in host else f"TERMSRV/{host}"


def _is_not_found(exc: Exception) -> bool:
    return getattr(exc, "winerror", None) == ERROR_NOT_FOUND


@dataclass(frozen=True)
class SeedOutcome:
    """What `seed` did. `name` is set only when we wrote (and must later delete) an entry."""

    reason: SeedReason
    name: str | None = None

    @property
    def seeded(self) -> bool:
        return self.name is not None


class CredentialStore:
    """Writes, deletes and sweeps our TERMSRV entries; see the module docstring.

    `list_path` must lie outside the swept `.rdp` directory (the sweep deletes every file there).
    """

    def __init__(self, api: CredentialApi, list_path: Path) -> None:
        self._api = api
        self._list_path = Path(list_path)
        self._lock = threading.Lock()

    # --- the list of names we wrote ---------------------------------------------------------

    def listed(self) -> list[str]:
        """Names written by this app and not yet confirmed deleted."""
        try:
            data = json.loads(self._list_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            # A damaged list only means a leftover may survive until logoff (Persist=1).
            return []
        return [name for name in data if isinstance(name, str)] if isinstance(data, list) else []

    def _save(self, names: list[str]) -> None:
        self._list_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".tmp", dir=self._list_path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(sorted(set(names)), handle)
            os.replace(tmp, self._list_path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    # --- the OS entries ---------------------------------------------------------------------

    def read(self, name: str) -> Mapping[str, Any] | None:
        """The entry called `name`, or None when there is none."""
        try:
            return self._api.CredRead(TargetName=name, Type=CRED_TYPE_GENERIC)
        except Exception as exc:
            if _is_not_found(exc):
                return None
            raise

    def _is_ours(self, name: str, entry: Mapping[str, Any], listed: list[str]) -> bool:
        return name in listed and entry.get("Comment") == MARKER_COMMENT

    def seed(self, host: str, account: str, password: str) -> SeedOutcome:
        """Write `TERMSRV/<host>` for this logon session unless a foreign entry exists.

        A leftover of our own (listed and marked) is replaced. Never raises for a foreign entry,
        an over-long password or a failed write: the caller falls back to prompt + Copy password.
        """
        name = termsrv_name(host)
        blob_size = len(password.encode("utf-16-le"))
        if blob_size > MAX_BLOB_BYTES:
            return SeedOutcome("too_long")
        with self._lock:
            listed = self.listed()
            existing = self.read(name)
            if existing is not None and not self._is_ours(name, existing, listed):
                return SeedOutcome("foreign_entry")
            # Listed before writing: a crash between the two leaves only a name to sweep.
            self._save([*listed, name])
            try:
                self._api.CredWrite(
                    Credential={
                        "Type": CRED_TYPE_GENERIC,
                        "TargetName": name,
                        "UserName": account,
                        "CredentialBlob": password,
                        "Comment": MARKER_COMMENT,
                        "Persist": CRED_PERSIST_SESSION,
                    },
                    Flags=0,
                )
            except Exception:
                self._save([n for n in self.listed() if n != name])
                return SeedOutcome("write_failed")
        return SeedOutcome("seeded", name)

    def delete(self, name: str) -> None:
        """Delete our entry `name` (if it is still ours) and drop it from the list."""
        with self._lock:
            listed = self.listed()
            existing = self.read(name)
            if existing is not None and self._is_ours(name, existing, listed):
                try:
                    self._api.CredDelete(TargetName=name, Type=CRED_TYPE_GENERIC)
                except Exception as exc:
                    if not _is_not_found(exc):
                        raise
            self._save([n for n in listed if n != name])

    def sweep(self) -> int:
        """At start-up: delete listed entries a crash left behind; returns how many."""
        removed = 0
        with self._lock:
            listed = self.listed()
            for name in listed:
                existing = self.read(name)
                if existing is None or existing.get("Comment") != MARKER_COMMENT:
                    continue
                try:
                    self._api.CredDelete(TargetName=name, Type=CRED_TYPE_GENERIC)
                    removed += 1
                except Exception as exc:
                    if not _is_not_found(exc):
                        raise
            if listed:
                self._save([])
        return removed
