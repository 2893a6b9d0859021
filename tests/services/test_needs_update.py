"""The "Needs update" saved queue (domain.md §2.6, C2): open tickets whose status-update clock
(the SLA policy's "update" target) is in warning, breached or due within the hour, not paused.

The calendar is Mon–Fri 09:00–17:00 Brussels = 08:00–16:00Z (CET until 29 March). P2 asks for an
update every 4 business hours and warns at 75 % (3 business hours); P1 every business hour.
Expected instants are worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Client, TicketSla
from app.models.enums import Priority, Role, SourceChannel, Status, TicketType, Tier
from app.services.closure import ClosureService, CsatInput
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.ticket_queue import (
    SavedQueue,
    TicketFilter,
    TicketQueueService,
    saved_queue_view,
)
from app.services.tickets import TicketDetail, TicketFields, TicketService
from tests.factories import add_calendar, add_client, add_policy, add_technician
from tests.fakes import FakeClock


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Desk:
    client: int
    alice: int


@pytest.fixture
def desk(db: Database) -> Desk:
    calendar = add_calendar(db, "Brussels office", timezone="Europe/Brussels")
    add_policy(db, calendar, "Standard", is_default=True)
    return Desk(add_client(db, "Acme Dental"), add_technician(db, "Alice Martin"))


@pytest.fixture
def sla(db: Database, clock: FakeClock) -> SlaService:
    return SlaService(db, clock, SlaStore(db))


@pytest.fixture
def tickets(db: Database, clock: FakeClock, sla: SlaService) -> TicketService:
    return TicketService(db, clock, sla)


@pytest.fixture
def queue(db: Database, clock: FakeClock, sla: SlaService) -> TicketQueueService:
    return TicketQueueService(db, sla.store, clock)


def open_ticket(
    tickets: TicketService, desk: Desk, priority: Priority = Priority.P2, subject: str = "Mail"
) -> TicketDetail:
    values = TicketFields(
        client_id=desk.client,
        contact_id=None,
        type=TicketType.INCIDENT,
        category="",
        priority=priority,
        source=SourceChannel.PHONE,
        subject=subject,
        tier=Tier.L1,
        assignee_id=desk.alice,
        status=Status.IN_PROGRESS,
    )
    return tickets.create(values, desk.alice).detail


def call(tickets: TicketService, desk: Desk, ticket_id: int, *, public: bool = True) -> None:
    tickets.log_call(ticket_id, desk.alice, "Told Carla we are on it", 5, public=public)


def needs_update(queue: TicketQueueService, me: int) -> list[int]:
    view = saved_queue_view(SavedQueue.NEEDS_UPDATE, me)
    return [r.ticket_id for r in queue.page(view.filter, view.sort).rows]


def update_due(db: Database, ticket_id: int) -> dt.datetime | None:
    with db.read() as s:
        return s.scalar(
            select(TicketSla.due_at).where(
                TicketSla.ticket_id == ticket_id, TicketSla.kind == "update"
            )
        )


def test_p2_every_four_business_hours_across_the_weekend(
    db: Database, tickets: TicketService, queue: TicketQueueService, desk: Desk, clock: FakeClock
) -> None:
    clock.set(z("2026-03-06 13:30"))  # Friday 14:30 Brussels
    t = open_ticket(tickets, desk).ticket_id
    clock.set(z("2026-03-06 14:00"))
    call(tickets, desk, t)
    # Friday 14:00–16:00Z gives 2 business hours, Monday 08:00Z the other 2: due 10:00Z;
    # the warning at 3 business hours: Monday 09:00Z.
    assert update_due(db, t) == z("2026-03-09 10:00")
    for now in ("2026-03-06 15:59", "2026-03-07 12:00", "2026-03-09 08:59"):
        clock.set(z(now))
        assert needs_update(queue, desk.alice) == [], now
    clock.set(z("2026-03-09 09:00"))  # warning instant, due within the hour
    assert needs_update(queue, desk.alice) == [t]
    assert queue.saved_queue_counts(desk.alice, [SavedQueue.NEEDS_UPDATE]) == {
        SavedQueue.NEEDS_UPDATE: 1
    }
    clock.set(z("2026-03-09 11:00"))  # overdue
    assert needs_update(queue, desk.alice) == [t]

    # A public reply is an update: the clock restarts (due 15:00Z, warning 14:00Z).
    clock.set(z("2026-03-09 11:00"))
    tickets.add_note(t, desk.alice, "We replaced the mailbox database; testing now.", public=True)
    assert update_due(db, t) == z("2026-03-09 15:00")
    assert needs_update(queue, desk.alice) == []
    clock.set(z("2026-03-09 14:00"))
    assert needs_update(queue, desk.alice) == [t]


def test_only_a_call_with_the_requester_resets_the_clock(
    db: Database, tickets: TicketService, queue: TicketQueueService, desk: Desk, clock: FakeClock
) -> None:
    t = open_ticket(tickets, desk).ticket_id
    call(tickets, desk, t)  # Monday 09:00Z: due 13:00Z, warning 12:00Z
    clock.set(z("2026-03-02 12:30"))
    assert needs_update(queue, desk.alice) == [t]
    call(tickets, desk, t, public=False)  # with the vendor: the user was told nothing
    assert update_due(db, t) == z("2026-03-02 13:00")
    assert needs_update(queue, desk.alice) == [t]
    call(tickets, desk, t)
    # 12:30Z + 4 business hours: 3.5 h on Monday until 16:00Z, 0.5 h on Tuesday → 08:30Z.
    assert update_due(db, t) == z("2026-03-03 08:30")
    assert needs_update(queue, desk.alice) == []


def test_not_before_the_first_response_nor_after_resolution(
    db: Database,
    tickets: TicketService,
    queue: TicketQueueService,
    sla: SlaService,
    desk: Desk,
    clock: FakeClock,
) -> None:
    silent = open_ticket(tickets, desk, subject="Not answered yet").ticket_id
    done = open_ticket(tickets, desk, subject="Resolved")
    call(tickets, desk, done.ticket_id)
    closure = ClosureService(db, clock, sla)
    fix = "Reset the mail profile and rebuilt the offline cache."
    closure.resolve(done.ticket_id, done.version, fix, "fixed", False, desk.alice)
    clock.set(z("2026-03-04 12:00"))  # days later: both would be long overdue
    assert update_due(db, silent) is None  # the update clock starts with the first response
    assert needs_update(queue, desk.alice) == []
    # Closing changes nothing either.
    admin = add_technician(db, "Ada Admin", role=Role.ADMIN)
    closure.set_verify_before_close(desk.client, False, admin)
    closure.close(
        done.ticket_id, tickets.get(done.ticket_id).version, CsatInput("declined"), desk.alice
    )
    assert needs_update(queue, desk.alice) == []


def test_a_paused_update_clock_is_not_listed(
    db: Database, clock: FakeClock, sla: SlaService, queue: TicketQueueService
) -> None:
    calendar = add_calendar(db, "Paused office")
    policy = add_policy(
        db, calendar, "Pausing", is_default=True, pause_applies_to=("resolution", "update")
    )
    client = add_client(db, "Waiting BV")
    with db.write() as s:
        c = s.get(Client, client)
        assert c is not None
        c.sla_policy_id = policy
    alice = add_technician(db, "Alice Waits")
    tickets = TicketService(db, clock, sla)
    desk = Desk(client, alice)
    t = open_ticket(tickets, desk)
    call(tickets, desk, t.ticket_id)
    d = tickets.get(t.ticket_id)
    tickets.update(t.ticket_id, d.version, replace(d.fields, status=Status.WAITING_CUSTOMER), alice)
    clock.set(z("2026-03-04 12:00"))
    assert needs_update(queue, alice) == []
    d = tickets.get(t.ticket_id)
    tickets.update(t.ticket_id, d.version, replace(d.fields, status=Status.IN_PROGRESS), alice)
    # Paused from Monday 09:00Z: the 4 business hours start again now → due 16:00Z; the
    # warning (3 h) at 15:00Z.
    assert needs_update(queue, alice) == []
    clock.set(z("2026-03-04 15:00"))
    assert needs_update(queue, alice) == [t.ticket_id]


def test_most_urgent_priority_first_and_the_filter_combines(
    tickets: TicketService, queue: TicketQueueService, desk: Desk, clock: FakeClock
) -> None:
    p2 = open_ticket(tickets, desk, Priority.P2, "Slow mail").ticket_id
    p1 = open_ticket(tickets, desk, Priority.P1, "Server down").ticket_id
    quiet = open_ticket(tickets, desk, Priority.P2, "Quiet").ticket_id
    for t in (p2, p1):
        call(tickets, desk, t)
    clock.advance(minutes=5)
    call(tickets, desk, quiet)
    # P1 is due hourly (10:00Z): already within the hour. At 12:02Z the first P2 (due 13:00Z)
    # is within the hour, the quiet one (due 13:05Z) not yet.
    assert needs_update(queue, desk.alice) == [p1]
    clock.set(z("2026-03-02 12:02"))
    assert needs_update(queue, desk.alice) == [p1, p2]
    only_p2 = TicketFilter(open_only=True, needs_update=True, priorities=frozenset({Priority.P2}))
    assert queue.count(only_p2) == 1
    assert queue.count(TicketFilter(open_only=True)) == 3
