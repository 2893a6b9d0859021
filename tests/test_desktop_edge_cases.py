"""Edge cases of the desktop features (issue 9) found in review: selftest on its own database, crash
reports masking odd passwords, the tray counting each ticket once, assignment news across clocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from app.bootstrap import DB_URL_ENV
from app.cli import main
from app.db import Database
from app.services.crash_report import scrub
from app.services.my_alerts import MyAlertsService
from app.services.tickets import TicketService
from tests.fakes import FakeClock
from tests.services.test_sla_sweep import World, build_world


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.fixture
def world(db: Database, clock: FakeClock) -> World:
    return build_world(db, clock)


# --- selftest ---------------------------------------------------------------------------------


def test_selftest_never_opens_the_database_named_by_helpdesk_db_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A technician whose desk is named by HELPDESK_DB_URL (their own SQLite file, or the team's
    PostgreSQL server) runs `helpdesk selftest`, which promises a throw-away database "never
    the user's". It opens (migrates) the database in HELPDESK_DB_URL instead and makes a
    "Self Test" administrator account in it; here it even creates the user's file."""
    users_desk = tmp_path / "users-desk.sqlite"
    monkeypatch.setenv(DB_URL_ENV, str(users_desk))
    scratch = tmp_path / "selftest-data"
    assert main(["selftest", "--data-dir", str(scratch)]) == 0
    assert not users_desk.exists(), "selftest created/changed the database in HELPDESK_DB_URL"
    assert (scratch / "helpdesk.sqlite").exists()


# --- crash report scrubbing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A '/' is legal in a password that SQLAlchemy parses (its password is "[^@]*").
        ("cannot open postgresql+psycopg://helpdesk:Tr0ub/4dor@db.example.com/helpdesk", "4dor"),
        ("cannot open postgresql+psycopg://helpdesk:Tr0ub/4dor@db.example.com/helpdesk", "Tr0ub"),
        # An unescaped '@' in the password: everything after the first '@' is left readable.
        ("HELPDESK_DB_URL=postgresql://helpdesk:p@ssw0rd@db.example.com/helpdesk", "ssw0rd"),
    ],
)
def test_crash_report_masks_url_passwords_with_special_characters(text: str, secret: str) -> None:
    """An unhandled error whose message quotes a PostgreSQL URL whose password has a '/' or
    an '@' in it: the crash report (and the CRITICAL log line) shows the password, or the
    part after the '@', in clear text, although crash_report promises to mask URL passwords
    ("postgresql://user:***@host")."""
    assert secret not in scrub(text)


def test_crash_report_masks_a_conninfo_password_with_a_semicolon() -> None:
    """A libpq connection string `password=s3cr;et!` (';' is an ordinary character there): the
    report shows `password=***;et!`, leaking the end of the password."""
    scrubbed = scrub("psycopg.OperationalError: host=db user=helpdesk password=s3cr;et! port=5432")
    assert "et!" not in scrubbed


# --- tray counts ------------------------------------------------------------------------------


def test_tray_badge_counts_each_ticket_once(world: World) -> None:
    """One P2 ticket of Alice's nobody answered: by 15:30 its response is overdue and its
    resolution is at warning. The tray shows a badge of 2 ("1 at SLA warning, 1 overdue")
    for a single ticket: the same ticket is counted as warning and as overdue."""
    world.policy()
    alerts = MyAlertsService(world.db, world.clock)
    world.ticket(assignee=world.alice)
    world.sweep(z("2026-03-02 15:30"))
    summary = alerts.summary(world.alice)
    assert summary.overdue == 1
    # The badge is `warning + overdue` (SlaAlerts.show_summary); one ticket needs attention.
    assert summary.warning + summary.overdue == 1


def test_assignment_from_a_workstation_whose_clock_is_behind_is_reported(world: World) -> None:
    """Team mode: Bob's PC clock is 5 seconds behind Alice's. Right after Alice signs in, Bob
    assigns her a ticket; her tray never tells her (the event's own time is before the
    `since` instant Alice's clock set, and events are filtered on time as well as id)."""
    world.policy()
    alerts = MyAlertsService(world.db, world.clock)
    ticket = world.ticket()
    since = alerts.start()  # Alice's app, 09:00:00 on her clock
    bobs_clock = FakeClock(world.clock.now() - dt.timedelta(seconds=5))
    bobs_desk = TicketService(world.db, bobs_clock, world.sla)
    bobs_clock.advance(seconds=2)  # two seconds later in real time, still "before" for Alice
    d = bobs_desk.get(ticket)
    bobs_desk.update(ticket, d.version, replace(d.fields, assignee_id=world.alice), world.bob)
    news = alerts.new_assignments(world.alice, since)
    assert [a.ticket_id for a in news.found] == [ticket]
