"""Where the application keeps its files: per-user data, logs and backups (platformdirs)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

#: Application name used for the per-user directories.
APP_NAME = "msp-helpdesk"
#: Author folder on Windows ("%LOCALAPPDATA%/MSP Helpdesk/msp-helpdesk").
APP_AUTHOR = "MSP Helpdesk"
#: File name of the single-technician database inside the data directory.
DATABASE_FILE = "helpdesk.sqlite"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The directories of one installation; created on demand by `ensure()`."""

    data_dir: Path

    @classmethod
    def default(cls, data_dir: Path | None = None) -> AppPaths:
        """Paths under `data_dir`, or the platform's per-user data directory."""
        if data_dir is None:
            data_dir = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
        return cls(data_dir=data_dir)

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def remote_dir(self) -> Path:
        """The app's own SSH known_hosts and pinned WinRM certificates (public data)."""
        return self.data_dir / "remote"

    @property
    def launch_dir(self) -> Path:
        """`.rdp` / `.command` files of running launches; swept at start-up (no secrets)."""
        return self.data_dir / "launch"

    @property
    def known_hosts_file(self) -> Path:
        return self.remote_dir / "known_hosts"

    def default_database_url(self) -> str:
        return f"sqlite:///{self.database_file}"

    def ensure(self) -> None:
        """Create the data, backup and log directories if missing, readable by this user only;
        `DataDirectoryError` when one cannot be created or written to."""
        dirs = (self.data_dir, self.backups_dir, self.logs_dir, self.remote_dir, self.launch_dir)
        for d in dirs:
            try:
                d.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as e:
                raise DataDirectoryError(self.data_dir, e) from e
            if not os.access(d, os.W_OK | os.X_OK):
                raise DataDirectoryError(self.data_dir, PermissionError(13, "read-only"))
        for d in dirs:
            _tighten(d, 0o700)


class DataDirectoryError(OSError):
    """The data directory (database, logs, backups) cannot be created or written to; `str()` is
    one line for the user."""

    def __init__(self, data_dir: Path, cause: OSError) -> None:
        reason = cause.strerror or type(cause).__name__
        super().__init__(
            f"cannot use the data folder {data_dir} ({reason}); fix its permissions or choose "
            "another one with --data-dir"
        )
        self.data_dir = data_dir


def private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing; take group and other access away if not.

    The SQLite file (vault.md §10), its backups and the log hold client metadata: other local
    users must not read them. SQLite gives its -wal and -shm files the database file's mode.
    On Windows the per-user profile folder is what keeps them private; modes are not used.
    """
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        _tighten(path, 0o600)
    else:
        os.close(fd)


def _tighten(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            path.chmod(current & ~0o077 & 0o777 | (mode & 0o700))
    except OSError:
        # Not ours to change (a shared file, a read-only mount): leave it as the owner set it.
        pass
