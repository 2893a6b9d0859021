"""`helpdesk sla sweep`: the command a server's cron runs.

It must work without Qt (architecture.md: the sweep runs in a subprocess and "PySide6" is never
imported), print its counts and exit 0, and be idempotent: a second run fires nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.bootstrap import DB_URL_ENV, build_core
from app.cli import main
from app.models.enums import Priority, SourceChannel, TicketType
from app.services.tickets import TicketFields
from tests.factories import add_calendar, add_client, add_policy, add_technician
from tests.fakes import FakeClock

NO_RECURRING = "Recurring tickets: 0 created, 0 missed occurrences skipped, 0 failed"
NOTHING = (
    "SLA sweep: 0 tickets recomputed, 0 warnings, 0 breaches, 0 escalation levels fired, "
    "0 vendor follow-ups due\n" + NO_RECURRING
)


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != DB_URL_ENV}


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=_env(),
        check=False,
    )


@pytest.fixture
def overdue(tmp_path: Path) -> Path:
    """A SQLite database with two P2 tickets from Monday 2020-01-06 10:00 Brussels, unanswered:
    long past both their response and resolution due, with one level at the resolution due."""
    path = tmp_path / "overdue.sqlite"
    clock = FakeClock(dt.datetime(2020, 1, 6, 9, 0, tzinfo=dt.UTC))
    core = build_core(str(path), data_dir=tmp_path / "seed", clock=clock)
    try:
        db = core.db
        cal = add_calendar(db, timezone="Europe/Brussels")
        add_policy(db, cal, levels=(("resolution", 0, ("notify_lead",)),))
        client = add_client(db, timezone="Europe/Brussels")
        tech = add_technician(db)
        for n in range(2):
            fields = TicketFields(
                client_id=client,
                contact_id=None,
                type=TicketType.INCIDENT,
                category="",
                priority=Priority.P2,
                source=SourceChannel.EMAIL,
                subject=f"Overdue {n}",
            )
            core.tickets.create(fields, tech)
    finally:
        core.close()
    return path


def test_sweep_of_a_fresh_database_prints_its_counts_without_qt(tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite"
    script = textwrap.dedent(
        """
        import contextlib, io, json, sys
        from app.cli import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = main(["sla", "sweep", "--db", sys.argv[1], "--data-dir", sys.argv[2]])
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        assert "PySide6" not in sys.modules
        print(json.dumps({"rc": rc, "qt": qt, "out": out.getvalue()}))
        sys.exit(rc)
        """
    )
    r = _python("-c", script, str(db), str(tmp_path / "data"))
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout.strip().splitlines()[-1])
    assert report == {"rc": 0, "qt": [], "out": NOTHING + "\n"}
    # The database was created and migrated on the way.
    assert db.exists()


def test_sweep_command_fires_once_and_is_idempotent(overdue: Path, tmp_path: Path) -> None:
    argv = ["-m", "app", "sla", "sweep", "--db", str(overdue), "--data-dir", str(tmp_path / "d")]
    first = _python(*argv)
    assert first.returncode == 0, first.stderr
    # Per ticket: response and resolution breached, the resolution's level fired.
    assert first.stdout.strip() == (
        "SLA sweep: 2 tickets recomputed, 0 warnings, 4 breaches, 2 escalation levels fired, "
        "0 vendor follow-ups due\n" + NO_RECURRING
    )
    assert "Traceback" not in first.stderr
    second = _python(*argv)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == NOTHING


@pytest.mark.usefixtures("restore_logging")
def test_sweep_command_on_each_backend(fresh_db_url: str, tmp_path: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = main(["sla", "sweep", "--db", fresh_db_url, "--data-dir", str(tmp_path)])
    assert (rc, out.getvalue()) == (0, NOTHING + "\n")


@pytest.mark.usefixtures("restore_logging")
def test_sweep_of_an_unreachable_database_fails_with_one_line(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(
            [
                "sla",
                "sweep",
                "--db",
                "postgresql+psycopg://u:secret@127.0.0.1:1/x",
                "--data-dir",
                str(tmp_path),
            ]
        )
    assert rc == 1
    assert out.getvalue() == ""
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("helpdesk: "), err.getvalue()
    assert "secret" not in err.getvalue()
