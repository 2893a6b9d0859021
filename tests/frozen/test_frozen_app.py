"""The PyInstaller build (`make dist`, run by `make test`): the frozen executables start, know
their version, and `helpdesk selftest` migrates a new database and reaches the main window —
proof that the migrations, Qt plugins, icons, fonts and time zones were bundled."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.db import head_revision

pytestmark = pytest.mark.frozen

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "helpdesk"
EXE = DIST / ("helpdesk.exe" if sys.platform == "win32" else "helpdesk")


def _built() -> Path:
    """The frozen console executable; under `CI=true` (`make test` builds it first) a missing
    build fails the test, elsewhere it skips (run `make dist`)."""
    if not EXE.exists():
        message = f"no frozen build at {EXE}: run `make dist`"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return EXE


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run(
        [str(_built()), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**clean, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
    )


def test_the_frozen_app_knows_its_version() -> None:
    done = _run("--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"helpdesk {__version__}")


def test_selftest_migrates_a_new_database_and_reaches_the_main_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    # No system zone files: the bundled tzdata must answer (as on Windows).
    done = _run("selftest", "--data-dir", str(data), env={"PYTHONTZPATH": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "main window opened" in done.stdout
    assert done.stdout.strip().endswith(f"selftest: ok (helpdesk {__version__})")
    with sqlite3.connect(data / "helpdesk.sqlite") as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == head_revision()


def test_the_frozen_app_reports_a_newer_database_and_touches_nothing(tmp_path: Path) -> None:
    """Bundled migrations are what decides "newer": a database stamped past them is refused."""
    data = tmp_path / "data"
    assert _run("db", "upgrade", "--data-dir", str(data)).returncode == 0
    db = data / "helpdesk.sqlite"
    # Closed, not just committed: the last connection to close folds the WAL into the file.
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = db.read_bytes()
    done = _run("db", "current", "--data-dir", str(data))
    assert done.returncode == 0 and "9999_from_the_future" in done.stdout
    upgrade = _run("db", "upgrade", "--data-dir", str(data))
    assert upgrade.returncode != 0 and "newer" in upgrade.stderr.lower()
    assert db.read_bytes() == before
