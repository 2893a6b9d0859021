"""What the About dialog shows: versions, the database in use (password hidden) and the paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic.runtime.migration import MigrationContext

from app.db import Database, describe, head_revision
from app.paths import AppPaths
from app.services.crash_report import scrub, versions


@dataclass(frozen=True, slots=True)
class AboutInfo:
    """Plain facts, safe to copy: no password, no secret."""

    #: Label → version ("MSP Helpdesk", "Python", "SQLAlchemy", …).
    versions: dict[str, str]
    #: The database URL with its password replaced by "***" (query-string secrets too).
    database: str
    #: "sqlite" or "postgresql".
    backend: str
    #: The schema revision stamped in the database (None: empty), and this build's newest one.
    schema_revision: str | None
    head_revision: str
    data_dir: Path
    log_file: Path


def about_info(db: Database, paths: AppPaths) -> AboutInfo:
    """Read lane: one small query for the schema revision."""
    with db.read_connection() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
    return AboutInfo(
        versions=versions(),
        database=scrub(describe(db.url)),
        backend=db.backend,
        schema_revision=revision,
        head_revision=head_revision(),
        data_dir=paths.data_dir,
        log_file=paths.logs_dir / "helpdesk.log",
    )
