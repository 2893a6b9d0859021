"""app/services/recurring.py: recurring-ticket schedules and the sweep that creates their tickets.

The clock stands at Monday 2026-03-02 09:00Z (10:00 in Brussels, UTC+1). Schedules run in the
client's zone, Europe/Brussels: 08:00 local = 07:00Z.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import Engine, func, select, update

from app.db import Database, upgrade_database
from app.models import (
    Contract,
    RecurringRun,
    RecurringTicket,
    Technician,
    Ticket,
    TicketEvent,
    TimeEntry,
)
from app.models.enums import EventKind, Priority, Role, SourceChannel, TicketType, Tier
from app.services.demo_recurring import BLOCK_MINUTES, BLOCK_NUMBER, seed_demo_recurring
from app.services.errors import ConcurrentEditError, PermissionDeniedError, ValidationError
from app.services.prepaid import prepaid_balances
from app.services.recurring import RecurringService, RecurringValues, RunReport
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.tickets import TicketService
from tests.factories import (
    add_calendar,
    add_client,
    add_contact,
    add_policy,
    add_queue,
    add_technician,
    add_ticket,
)
from tests.fakes import FakeClock


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: RecurringService
    client: int
    other_client: int
    contact: int
    stranger: int
    queue: int
    tech: int
    admin: int
    reader: int

    def values(self, **changes: object) -> RecurringValues:
        base = RecurringValues(
            client_id=self.client,
            name="Weekly backup check",
            subject="Check last night's backups",
            frequency="daily",
            at_time="08:00",
            start_date=dt.date(2026, 3, 2),
            description="Open the backup console and confirm every job succeeded.",
            type=TicketType.SERVICE_REQUEST,
            category="Backup",
            priority=Priority.P3,
            tier=Tier.L1,
            queue_id=self.queue,
            contact_id=self.contact,
        )
        return replace(base, **changes)  # type: ignore[arg-type]


def build_world(db: Database, clock: FakeClock) -> World:
    add_policy(db, add_calendar(db, "Brussels office"), "Standard", is_default=True)
    client = add_client(db, "Acme NV")
    other = add_client(db, "Globex BV")
    tickets = TicketService(db, clock, SlaService(db, clock, SlaStore(db)))
    return World(
        db,
        clock,
        RecurringService(db, clock, tickets),
        client,
        other,
        add_contact(db, client, "Ann Admin"),
        add_contact(db, other, "Sam Stranger"),
        add_queue(db, "Service desk", Tier.L1),
        add_technician(db, "Tom Tech"),
        add_technician(db, "Ada Admin", role=Role.ADMIN),
        add_technician(db, "Rita Reader", role=Role.READ_ONLY),
    )


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    return build_world(db, clock)


@dataclass(frozen=True)
class Made:
    """A ticket a schedule created, as plain values (ORM rows expire when the read ends)."""

    id: int
    subject: str
    source: SourceChannel
    type: TicketType
    client_id: int
    contact_id: int | None
    queue_id: int | None
    created_by_id: int | None


def recurring_tickets(db: Database) -> list[Made]:
    with db.read() as s:
        rows = s.execute(
            select(Ticket)
            .join(RecurringRun, RecurringRun.ticket_id == Ticket.id)
            .order_by(RecurringRun.due_at)
        ).scalars()
        return [
            Made(
                t.id,
                t.subject,
                t.source,
                t.type,
                t.client_id,
                t.contact_id,
                t.queue_id,
                t.created_by_id,
            )
            for t in rows
        ]


def runs(db: Database, recurring_id: int) -> list[tuple[dt.datetime, int | None]]:
    with db.read() as s:
        return [
            (r.due_at, r.ticket_id)
            for r in s.scalars(
                select(RecurringRun)
                .where(RecurringRun.recurring_id == recurring_id)
                .order_by(RecurringRun.due_at)
            )
        ]


def events(db: Database, ticket_id: int, kind: EventKind) -> list[str]:
    """The bodies of the ticket's events of `kind`."""
    with db.read() as s:
        return list(
            s.scalars(
                select(TicketEvent.body).where(
                    TicketEvent.ticket_id == ticket_id, TicketEvent.kind == kind
                )
            )
        )


# -- CRUD and validation ---------------------------------------------------------------------


def test_create_stores_template_and_next_run_in_client_time(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    # 08:00 today has passed (it is 10:00 in Brussels): tomorrow 08:00 CET.
    assert row.next_run_at == z("2026-03-03 07:00")
    assert (row.active, row.client_name, row.timezone) == (True, "Acme NV", "Europe/Brussels")
    assert row.values == w.values()
    assert [r.recurring_id for r in w.svc.schedules(w.client)] == [row.recurring_id]
    assert w.svc.schedules(w.other_client) == []


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"name": "  "}, "name", "required"),
        ({"name": "x" * 201}, "name", "too_long"),
        ({"subject": ""}, "subject", "required"),
        ({"subject": "a\x00b"}, "subject", "invalid"),
        ({"description": "bad\x00"}, "description", "invalid"),
        ({"priority": "P9"}, "priority", "invalid"),
        ({"type": "chore"}, "type", "invalid"),
        ({"tier": "L7"}, "tier", "invalid"),
        ({"client_id": 987_654_321}, "client_id", "not_found"),
        ({"queue_id": 987_654_321}, "queue_id", "not_found"),
        ({"assignee_id": 987_654_321}, "assignee_id", "not_found"),
        ({"contact_id": 987_654_321}, "contact_id", "not_found"),
        ({"frequency": "weekly"}, "weekdays", "required"),
        ({"frequency": "monthly"}, "day_of_month", "required"),
        ({"frequency": "monthly", "day_of_month": 0}, "day_of_month", "out_of_range"),
        ({"every": 0}, "every", "out_of_range"),
        ({"at_time": "25:00"}, "at_time", "invalid"),
        ({"end_date": dt.date(2026, 3, 1)}, "end_date", "before_start"),
    ],
)
def test_every_field_is_validated(
    w: World, changes: dict[str, object], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        w.svc.create(w.values(**changes), w.tech)
    assert caught.value.problems[field] == code
    assert w.svc.schedules() == []


def test_contact_of_another_client_is_refused(w: World) -> None:
    with pytest.raises(ValidationError) as caught:
        w.svc.create(w.values(contact_id=w.stranger), w.tech)
    assert caught.value.problems == {"contact_id": "other_client"}


def test_read_only_account_may_not_write(w: World) -> None:
    with pytest.raises(PermissionDeniedError):
        w.svc.create(w.values(), w.reader)
    row = w.svc.create(w.values(), w.tech)
    with pytest.raises(PermissionDeniedError):
        w.svc.set_active(row.recurring_id, row.version, False, w.reader)
    with pytest.raises(PermissionDeniedError):
        w.svc.delete(row.recurring_id, w.reader)


def test_update_checks_version_and_recomputes_next_run(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    weekly = w.values(frequency="weekly", weekdays=(4,), at_time="16:30")
    saved = w.svc.update(row.recurring_id, row.version, weekly, w.tech)
    # Friday 6 March 16:30 CET.
    assert saved.next_run_at == z("2026-03-06 15:30")
    assert saved.values.weekdays == (4,)
    with pytest.raises(ConcurrentEditError):
        w.svc.update(row.recurring_id, row.version, w.values(), w.tech)


def test_preview_of_stored_and_edited_schedules(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    assert w.svc.preview(row.recurring_id, 2) == [z("2026-03-03 07:00"), z("2026-03-04 07:00")]
    monthly = w.values(frequency="monthly", day_of_month=31, at_time="09:00")
    assert w.svc.preview(monthly, 3) == [
        z("2026-03-31 07:00"),  # 09:00 CEST (summer time since 29 March)
        z("2026-04-30 07:00"),
        z("2026-05-31 07:00"),
    ]
    with pytest.raises(ValidationError) as caught:
        w.svc.preview(w.values(frequency="weekly"))
    assert caught.value.problems == {"weekdays": "required"}


def test_delete_keeps_created_tickets(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    w.clock.set(z("2026-03-03 07:00"))
    report = w.svc.run_due()
    w.svc.delete(row.recurring_id, w.tech)
    assert w.svc.schedules() == []
    with w.db.read() as s:
        assert s.get(Ticket, report.ticket_ids[0]) is not None
        assert s.scalar(select(func.count()).select_from(RecurringRun)) == 0


# -- the sweep -------------------------------------------------------------------------------


def test_run_due_creates_once_and_advances(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    w.clock.set(z("2026-03-03 06:59"))
    assert w.svc.run_due() == RunReport()
    w.clock.set(z("2026-03-03 07:00"))
    first = w.svc.run_due()
    assert (first.created, first.skipped, first.failed) == (1, 0, 0)
    again = w.svc.run_due()
    assert again.created == 0
    assert w.svc.get(row.recurring_id).next_run_at == z("2026-03-04 07:00")
    (ticket,) = recurring_tickets(w.db)
    assert ticket.id == first.ticket_ids[0]
    assert (ticket.subject, ticket.source, ticket.type) == (
        "Check last night's backups",
        SourceChannel.MONITORING,
        TicketType.SERVICE_REQUEST,
    )
    assert (ticket.client_id, ticket.contact_id, ticket.queue_id) == (w.client, w.contact, w.queue)
    assert ticket.created_by_id == w.tech
    (body,) = events(w.db, ticket.id, EventKind.RECURRING)
    assert "Weekly backup check" in body
    assert "Tue 03 Mar 2026 08:00 (Europe/Brussels)" in body
    assert runs(w.db, row.recurring_id) == [(z("2026-03-03 07:00"), ticket.id)]


def test_missed_occurrences_create_only_the_latest(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    # Three occurrences (Tue, Wed, Thu 08:00) passed unswept.
    w.clock.set(z("2026-03-05 12:00"))
    report = w.svc.run_due()
    assert (report.created, report.skipped) == (1, 2)
    assert runs(w.db, row.recurring_id) == [(z("2026-03-05 07:00"), report.ticket_ids[0])]
    (body,) = events(w.db, report.ticket_ids[0], EventKind.RECURRING)
    assert "2 earlier missed occurrence(s) were skipped" in body
    assert w.svc.get(row.recurring_id).next_run_at == z("2026-03-06 07:00")


def test_paused_schedules_are_skipped_and_resume_from_now(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    paused = w.svc.set_active(row.recurring_id, row.version, False, w.tech)
    assert (paused.active, paused.next_run_at) == (False, None)
    w.clock.set(z("2026-03-05 12:00"))
    assert w.svc.run_due().created == 0
    resumed = w.svc.set_active(row.recurring_id, paused.version, True, w.tech)
    assert resumed.next_run_at == z("2026-03-06 07:00")
    assert w.svc.run_due().created == 0
    assert runs(w.db, row.recurring_id) == []


def test_a_failed_creation_is_retried_by_the_next_sweep(w: World) -> None:
    helper = add_technician(w.db, "Hank Helper")
    row = w.svc.create(w.values(assignee_id=helper), w.tech)
    with w.db.write() as s:
        s.execute(update(Technician).where(Technician.id == helper).values(active=False))
    w.clock.set(z("2026-03-03 07:05"))
    failed = w.svc.run_due()
    assert (failed.created, failed.failed) == (0, 1)
    assert runs(w.db, row.recurring_id) == []
    assert w.svc.get(row.recurring_id).next_run_at == z("2026-03-03 07:00")
    with w.db.write() as s:
        s.execute(update(Technician).where(Technician.id == helper).values(active=True))
    retried = w.svc.run_due()
    assert retried.created == 1
    assert runs(w.db, row.recurring_id) == [(z("2026-03-03 07:00"), retried.ticket_ids[0])]


def test_disabled_author_falls_back_to_an_administrator(w: World) -> None:
    w.svc.create(w.values(), w.tech)
    with w.db.write() as s:
        s.execute(update(Technician).where(Technician.id == w.tech).values(active=False))
    w.clock.set(z("2026-03-03 07:00"))
    report = w.svc.run_due()
    (ticket,) = recurring_tickets(w.db)
    assert report.created == 1
    assert ticket.created_by_id == w.admin


def test_schedule_ends_after_its_last_occurrence(w: World) -> None:
    row = w.svc.create(w.values(end_date=dt.date(2026, 3, 3)), w.tech)
    w.clock.set(z("2026-03-03 07:00"))
    assert w.svc.run_due().created == 1
    assert w.svc.get(row.recurring_id).next_run_at is None
    w.clock.set(z("2026-03-10 07:00"))
    assert w.svc.run_due().created == 0


def test_a_second_sweep_finding_the_run_claimed_creates_nothing(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    # Another sweeper claimed the occurrence but has not moved next_run_at yet (it is between
    # its INSERT and its UPDATE): the unique index refuses our claim.
    with w.db.write() as s:
        s.add(
            RecurringRun(
                recurring_id=row.recurring_id,
                due_at=z("2026-03-03 07:00"),
                created_at=z("2026-03-03 07:00"),
            )
        )
    w.clock.set(z("2026-03-03 07:00"))
    report = w.svc.run_due()
    assert (report.created, report.failed) == (0, 0)
    with w.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
        stored = s.get(RecurringTicket, row.recurring_id)
        assert stored is not None and stored.next_run_at == z("2026-03-03 07:00")


def test_a_claim_abandoned_midway_is_finished_later_once(w: World) -> None:
    row = w.svc.create(w.values(), w.tech)
    # A sweeper claimed Tuesday's occurrence (run row + next_run_at moved) and then died.
    tuesday = z("2026-03-03 07:00")
    with w.db.write() as s:
        s.add(RecurringRun(recurring_id=row.recurring_id, due_at=tuesday, created_at=tuesday))
        s.execute(
            update(RecurringTicket)
            .where(RecurringTicket.id == row.recurring_id)
            .values(next_run_at=z("2026-03-04 07:00"))
        )
    w.clock.set(z("2026-03-03 07:14"))
    assert w.svc.run_due().created == 0  # it may still be working
    w.clock.set(z("2026-03-03 07:16"))
    report = w.svc.run_due()
    assert (report.created, report.failed) == (1, 0)
    assert runs(w.db, row.recurring_id) == [(tuesday, report.ticket_ids[0])]
    (body,) = events(w.db, report.ticket_ids[0], EventKind.RECURRING)
    assert "Tue 03 Mar 2026 08:00" in body
    assert w.svc.run_due().created == 0


def test_a_sweeper_whose_clock_runs_ahead_cannot_duplicate_a_live_claim(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = w.svc.create(w.values(), w.tech)
    w.clock.set(z("2026-03-03 07:00"))
    # Another sweeper's clock runs 20 minutes ahead: it takes our live claim for abandoned and
    # re-claims it between our claim and our ticket. Only one of the two tickets may survive.
    ahead = FakeClock(z("2026-03-03 07:20"))
    other = RecurringService(
        w.db, ahead, TicketService(w.db, ahead, SlaService(w.db, ahead, SlaStore(w.db)))
    )
    real_create = TicketService.create
    theirs: list[RunReport] = []

    def create_after_takeover(self: TicketService, *a: object, **kw: object) -> object:
        if not theirs:
            theirs.append(RunReport())  # the other sweeper's own create must not recurse
            theirs[0] = other.run_due()
        return real_create(self, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(TicketService, "create", create_after_takeover)
    ours = w.svc.run_due()
    assert (ours.created, ours.failed) == (0, 0)
    assert (theirs[0].created, theirs[0].failed) == (1, 0)
    assert runs(w.db, row.recurring_id) == [(z("2026-03-03 07:00"), theirs[0].ticket_ids[0])]
    assert [t.id for t in recurring_tickets(w.db)] == list(theirs[0].ticket_ids)
    with w.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1
    assert w.svc.get(row.recurring_id).next_run_at == z("2026-03-04 07:00")


# -- two sweepers at once --------------------------------------------------------------------


def sweep_together(
    url: str, make_engine: Callable[[str], Engine], at: dt.datetime
) -> list[RunReport]:
    """Two sweepers, each with its own engine (own connections), released at the same moment."""
    services = []
    for _ in range(2):
        db = Database(make_engine(url))
        clock = FakeClock(at)
        tickets = TicketService(db, clock, SlaService(db, clock, SlaStore(db)))
        services.append(RecurringService(db, clock, tickets))
    barrier = threading.Barrier(2)
    reports: list[RunReport] = []
    errors: list[BaseException] = []

    def sweep(svc: RecurringService) -> None:
        try:
            barrier.wait(timeout=30)
            reports.append(svc.run_due())
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=sweep, args=(svc,)) for svc in services]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert not errors, errors
    assert len(reports) == 2
    return reports


def test_two_sweeps_at_once_create_each_occurrence_once(
    fresh_db_url: str, make_engine: Callable[[str], Engine]
) -> None:
    engine = make_engine(fresh_db_url)
    upgrade_database(engine, backups_dir=None)
    db = Database(engine)
    world = build_world(db, FakeClock())
    ids = [
        world.svc.create(world.values(name=f"Schedule {n}"), world.tech).recurring_id
        for n in range(12)
    ]
    for day, at in ((3, "07:00"), (4, "07:30")):
        reports = sweep_together(fresh_db_url, make_engine, z(f"2026-03-0{day} {at}"))
        assert sum(r.created for r in reports) == len(ids)
        assert sum(r.failed for r in reports) == 0
    with db.read() as s:
        per_schedule = s.execute(
            select(
                RecurringRun.recurring_id, func.count(), func.count(RecurringRun.ticket_id)
            ).group_by(RecurringRun.recurring_id)
        ).all()
        assert sorted(per_schedule) == [(i, 2, 2) for i in sorted(ids)]
        assert s.scalar(select(func.count()).select_from(Ticket)) == 2 * len(ids)
        recurring_events = select(func.count()).where(TicketEvent.kind == EventKind.RECURRING)
        assert s.scalar(recurring_events) == 2 * len(ids)


# -- demo data -------------------------------------------------------------------------------


def test_demo_seed_adds_schedules_block_hours_and_time_once(w: World) -> None:
    for n in range(40):
        add_ticket(w.db, w.client if n % 2 else w.other_client, subject=f"Demo {n}")
    seed_demo_recurring(w.db, w.clock)
    with w.db.read() as s:
        first = (
            s.scalar(select(func.count()).select_from(RecurringTicket)),
            s.scalar(select(func.count()).select_from(TimeEntry)),
            s.scalar(select(func.count()).where(TicketEvent.kind == EventKind.TIME_ENTRY)),
        )
        block = s.scalar(select(Contract.id).where(Contract.number == BLOCK_NUMBER))
    assert first[0] == 3
    assert first[1] is not None and first[1] > 0 and first[1] == first[2]
    assert block is not None
    assert {r.values.name for r in w.svc.schedules()} == {
        "Weekly backup check",
        "Monthly patch review",
        "Daily log review",
    }
    assert all(
        r.next_run_at is not None and r.next_run_at > w.clock.now() for r in w.svc.schedules()
    )
    with w.db.read() as s:
        (balance,) = prepaid_balances(s, [block]).values()
    assert balance.prepaid_minutes == BLOCK_MINUTES and balance.used_minutes > 0
    seed_demo_recurring(w.db, w.clock)
    with w.db.read() as s:
        again = (
            s.scalar(select(func.count()).select_from(RecurringTicket)),
            s.scalar(select(func.count()).select_from(TimeEntry)),
            s.scalar(select(func.count()).where(TicketEvent.kind == EventKind.TIME_ENTRY)),
        )
        blocks = s.scalar(select(func.count()).where(Contract.number == BLOCK_NUMBER))
    assert (again, blocks) == (first, 1)
