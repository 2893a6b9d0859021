"""Where the application keeps its files: per-user data, logs and backups (platformdirs)."""

from __future__ import annotations

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

    def default_database_url(self) -> str:
        return f"sqlite:///{self.database_file}"

    def ensure(self) -> None:
        """Create the data, backup and log directories if missing."""
        for d in (self.data_dir, self.backups_dir, self.logs_dir):
            d.mkdir(parents=True, exist_ok=True)
