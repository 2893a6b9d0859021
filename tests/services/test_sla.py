"""app/services/sla.py through TicketService: policy choice, stored clocks and their snapshot,
pauses, reopen, first response, priority changes, the queue's urgency order, kept breaches.

Every test runs on SQLite and PostgreSQL (the `db` fixture). The clock starts on Monday
2026-03-02 09:00Z = 10:00 in Brussels (CET, UTC+1 until 29 March), and the calendar is
Mon–Fri 09:00–17:00 Europe/Brussels = 08:00–16:00Z. Expected instants are worked out by hand
in the comments (local times first, then UTC).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest

from app.db import Database
from app.models import Client, Contract, SlaPolicy, Ticket
from app.models.enums import Priority, Role, SourceChannel, Status, TicketType, Tier
from app.models.sla import NO_DUE
from app.services.closure import ClosureService
from app.services.errors import NotFoundError, PermissionDeniedError
from app.services.sla import SlaService, choose_policy
from app.services.sla_store import SlaStore
from app.services.ticket_queue import SortKey, TicketFilter, TicketQueueService, TicketSort
from app.services.tickets import TicketFields, TicketSaved, TicketService
from app.sla.engine import TargetState
from app.sla.policy import TargetKind
from tests.factories import add_calendar, add_client, add_policy, add_queue, add_technician
from tests.factories import sla_rows as rows
from tests.fakes import DEFAULT_NOW, FakeClock

H = 3600
MISSING = 2_000_000_000


def z(text: str) -> dt.datetime:
    """'2026-03-02 09:00' as a UTC instant."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Desk:
    client: int
    queue: int
    alice: int
    admin: int
    calendar: int
    policy: int


@pytest.fixture
def desk(db: Database) -> Desk:
    calendar = add_calendar(db, "Brussels office", timezone="Europe/Brussels")
    return Desk(
        client=add_client(db, "Acme Dental", timezone="Europe/Brussels"),
        queue=add_queue(db, "Service desk", Tier.L1),
        alice=add_technician(db, "Alice Martin"),
        admin=add_technician(db, "Ada Admin", role=Role.ADMIN),
        calendar=calendar,
        policy=add_policy(db, calendar, "Standard", is_default=True),
    )


@pytest.fixture
def sla(db: Database, clock: FakeClock) -> SlaService:
    return SlaService(db, clock, SlaStore(db))


@pytest.fixture
def tickets(db: Database, clock: FakeClock, sla: SlaService) -> TicketService:
    return TicketService(db, clock, sla)


@pytest.fixture
def closure(db: Database, clock: FakeClock, sla: SlaService) -> ClosureService:
    return ClosureService(db, clock, sla)


def fields(desk: Desk, **changes: Any) -> TicketFields:
    values = TicketFields(
        client_id=desk.client,
        contact_id=None,
        type=TicketType.INCIDENT,
        category="",
        priority=Priority.P2,
        source=SourceChannel.PHONE,
        subject="Mail server down",
        queue_id=desk.queue,
    )
    return replace(values, **changes)


def change(tickets: TicketService, ticket_id: int, actor: int, **changes: Any) -> TicketSaved:
    detail = tickets.get(ticket_id)
    return tickets.update(ticket_id, detail.version, replace(detail.fields, **changes), actor)


def resolve(closure: ClosureService, tickets: TicketService, ticket_id: int, actor: int) -> None:
    """Resolved through ClosureService: the plain edit refuses it (issue 7, closure guards)."""
    version = tickets.get(ticket_id).version
    fix = "Restarted the mail service; mail flows again."
    closure.resolve(ticket_id, version, fix, "fixed", False, actor)


def orders(db: Database, ticket_id: int) -> tuple[dt.datetime, dt.datetime]:
    with db.read() as s:
        t = s.get(Ticket, ticket_id)
        assert t is not None
        return t.response_due_order, t.resolve_due_order


def check(row: dict[str, Any], **expected: Any) -> None:
    wrong = {k: (row[k], v) for k, v in expected.items() if row[k] != v}
    assert not wrong, f"{row['kind']}: (got, expected) {wrong}"


def add_contract(
    db: Database,
    client_id: int,
    policy_id: int,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
) -> int:
    with db.write() as s:
        c = Contract(
            client_id=client_id,
            policy_id=policy_id,
            name="Contract",
            valid_from=valid_from,
            valid_to=valid_to,
        )
        s.add(c)
        s.flush()
        return c.id


def set_client_default(db: Database, client_id: int, policy_id: int | None) -> None:
    with db.write() as s:
        client = s.get(Client, client_id)
        assert client is not None
        client.sla_policy_id = policy_id


def deactivate(db: Database, policy_id: int) -> None:
    with db.write() as s:
        p = s.get(SlaPolicy, policy_id)
        assert p is not None
        p.active = False


# --- creation and the snapshot --------------------------------------------------------------------


def test_create_stores_clocks_with_their_snapshot(
    db: Database, desk: Desk, tickets: TicketService, sla: SlaService
) -> None:
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    got = rows(db, t)
    # No reply yet: no update clock.
    assert set(got) == {"response", "resolution"}
    snapshot = {
        "policy_id": desk.policy,
        "policy_version": 1,
        "calendar_id": desk.calendar,
        "calendar_version": 1,
        "priority": Priority.P2,
        "start_at": DEFAULT_NOW,
        "met_at": None,
        "breached_at": None,
        "computed_at": DEFAULT_NOW,
    }
    # P2 response 30 min from Mon 10:00 local → 10:30 = 09:30Z; warning at 75 % → 10:22:30.
    check(
        got["response"],
        **snapshot,
        target_seconds=1800,
        due_at=z("2026-03-02 09:30"),
        warn_at=z("2026-03-02 09:22:30"),
        state="running",
    )
    # P2 resolution 8 h: Mon 10–17 (7 h) + Tue 09–10 → Tue 10:00 local = 09:00Z;
    # warning at 6 h → Mon 16:00 local = 15:00Z.
    check(
        got["resolution"],
        **snapshot,
        target_seconds=8 * H,
        due_at=z("2026-03-03 09:00"),
        warn_at=z("2026-03-02 15:00"),
        state="running",
        remaining_seconds=None,
        reopen_count=0,
    )
    assert orders(db, t) == (z("2026-03-02 09:30"), z("2026-03-03 09:00"))

    view = sla.ticket_clocks(t)
    assert view.reason == ""
    assert [c.kind for c in view.clocks] == [TargetKind.RESPONSE, TargetKind.RESOLUTION]
    resolution = view.clocks[1]
    assert (resolution.policy_name, resolution.calendar_name, resolution.timezone) == (
        "Standard",
        "Brussels office",
        "Europe/Brussels",
    )
    assert (resolution.state, resolution.due_at) == (TargetState.RUNNING, z("2026-03-03 09:00"))


def test_ticket_clocks_of_a_missing_ticket(desk: Desk, sla: SlaService) -> None:
    with pytest.raises(NotFoundError):
        sla.ticket_clocks(MISSING)


def test_without_any_policy_there_are_no_clocks(
    db: Database, desk: Desk, tickets: TicketService, sla: SlaService
) -> None:
    deactivate(db, desk.policy)
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    assert rows(db, t) == {}
    view = sla.ticket_clocks(t)
    assert (view.clocks, view.reason) == ((), "no_policy")
    assert orders(db, t) == (NO_DUE, NO_DUE)


# --- which policy applies -------------------------------------------------------------------------


def test_policy_precedence_contract_then_client_default_then_global(
    db: Database, desk: Desk, tickets: TicketService
) -> None:
    contract_policy = add_policy(db, desk.calendar, "Gold", is_default=False)
    client_policy = add_policy(db, desk.calendar, "Silver", is_default=False)
    today = dt.date(2026, 3, 2)

    def policy_of(client: int) -> int | None:
        t = tickets.create(fields(desk, client_id=client), desk.alice).detail.ticket_id
        ids = {r["policy_id"] for r in rows(db, t).values()}
        assert len(ids) <= 1
        return ids.pop() if ids else None

    with_contract = add_client(db, timezone="Europe/Brussels")
    add_contract(db, with_contract, contract_policy, today)
    set_client_default(db, with_contract, client_policy)
    assert policy_of(with_contract) == contract_policy

    future_contract = add_client(db, timezone="Europe/Brussels")
    add_contract(db, future_contract, contract_policy, today + dt.timedelta(days=1))
    set_client_default(db, future_contract, client_policy)
    assert policy_of(future_contract) == client_policy

    ended_contract = add_client(db, timezone="Europe/Brussels")
    add_contract(db, ended_contract, contract_policy, dt.date(2025, 1, 1), dt.date(2026, 3, 1))
    assert policy_of(ended_contract) == desk.policy

    # valid_to is the contract's last day (inclusive).
    last_day = add_client(db, timezone="Europe/Brussels")
    add_contract(db, last_day, contract_policy, dt.date(2025, 1, 1), today)
    assert policy_of(last_day) == contract_policy

    assert policy_of(desk.client) == desk.policy

    # Of two valid contracts, the one that started last wins.
    renewed_policy = add_policy(db, desk.calendar, "Gold 2026", is_default=False)
    renewed = add_client(db, timezone="Europe/Brussels")
    add_contract(db, renewed, renewed_policy, dt.date(2026, 2, 1))
    add_contract(db, renewed, contract_policy, dt.date(2025, 1, 1))
    assert policy_of(renewed) == renewed_policy

    # An inactive contract policy or client default is skipped.
    inactive = add_policy(db, desk.calendar, "Retired", is_default=False)
    deactivate(db, inactive)
    skipped = add_client(db, timezone="Europe/Brussels")
    add_contract(db, skipped, inactive, today)
    set_client_default(db, skipped, inactive)
    assert policy_of(skipped) == desk.policy

    deactivate(db, desk.policy)
    assert policy_of(desk.client) is None


def test_contract_validity_uses_the_clients_local_date(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService
) -> None:
    gold = add_policy(db, desk.calendar, "Gold", is_default=False)
    # 2026-03-02 12:00Z is already 3 March 01:00 in Auckland (NZDT, UTC+13).
    clock.set(z("2026-03-02 12:00"))
    starts = add_client(db, timezone="Pacific/Auckland")
    add_contract(db, starts, gold, dt.date(2026, 3, 3))
    ended = add_client(db, timezone="Pacific/Auckland")
    add_contract(db, ended, gold, dt.date(2026, 1, 1), dt.date(2026, 3, 2))
    with db.read() as s:
        assert choose_policy(s, starts, clock.now()) == gold
        assert choose_policy(s, ended, clock.now()) == desk.policy
    t = tickets.create(fields(desk, client_id=starts), desk.alice).detail.ticket_id
    assert {r["policy_id"] for r in rows(db, t).values()} == {gold}


def test_the_contract_picked_at_intake_governs_when_it_is_valid_and_active(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService, sla: SlaService
) -> None:
    older = add_policy(db, desk.calendar, "Server care", is_default=False)
    newer = add_policy(db, desk.calendar, "Desk", is_default=False)
    picked = add_contract(db, desk.client, older, dt.date(2025, 1, 1))
    add_contract(db, desk.client, newer, dt.date(2026, 2, 1))
    ended = add_contract(db, desk.client, older, dt.date(2025, 1, 1), dt.date(2026, 3, 1))

    def policy_of(contract_id: int | None) -> set[int]:
        t = tickets.create(fields(desk, contract_id=contract_id), desk.alice).detail.ticket_id
        return {r["policy_id"] for r in rows(db, t).values()}

    # Picked → its policy, not the newest contract's; none picked → the newest valid contract.
    assert policy_of(picked) == {older}
    assert policy_of(None) == {newer}
    # A picked contract that had ended on the creation day falls back to the usual choice.
    assert policy_of(ended) == {newer}
    with db.read() as s:
        assert choose_policy(s, desk.client, clock.now(), picked) == older
        assert choose_policy(s, desk.client, clock.now(), ended) == newer

    # Re-evaluating keeps the picked contract (chosen per chunk, not per ticket); once its
    # policy is retired the chooser takes over.
    t = tickets.create(fields(desk, contract_id=picked), desk.alice).detail.ticket_id
    assert sla.reevaluate([t], desk.alice) == 1
    assert {r["policy_id"] for r in rows(db, t).values()} == {older}
    deactivate(db, older)
    sla.reevaluate([t], desk.alice)
    assert {r["policy_id"] for r in rows(db, t).values()} == {newer}


def test_contract_edits_apply_to_existing_tickets_only_when_reevaluated(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService, sla: SlaService
) -> None:
    gold = add_policy(
        db,
        desk.calendar,
        "Gold",
        is_default=False,
        targets={
            (Priority.P2, "response"): ("minutes", 15),
            (Priority.P2, "resolution"): ("hours", 2),
        },
    )
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    add_contract(db, desk.client, gold, dt.date(2026, 1, 1))
    clock.advance(minutes=5)
    change(tickets, t, desk.alice, status=Status.IN_PROGRESS)
    assert {r["policy_id"] for r in rows(db, t).values()} == {desk.policy}

    reader = add_technician(db, "Rita Reader", role=Role.READ_ONLY)
    with pytest.raises(PermissionDeniedError):
        sla.reevaluate([t], reader)
    assert {r["policy_id"] for r in rows(db, t).values()} == {desk.policy}

    assert sla.reevaluate([t], desk.alice) == 1
    got = rows(db, t)
    assert {r["policy_id"] for r in got.values()} == {gold}
    # Gold P2 resolution 2 h from Mon 10:00 local → 12:00 = 11:00Z.
    check(got["resolution"], target_seconds=2 * H, due_at=z("2026-03-02 11:00"))
    check(got["response"], target_seconds=900, due_at=z("2026-03-02 09:15"))


# --- pauses, reopen, responses --------------------------------------------------------------------


def test_waiting_on_the_customer_extends_the_due_by_the_business_time_waited(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService
) -> None:
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:05"))
    tickets.add_note(t, desk.alice, "Looking into it", public=True)

    # Waiting from Mon 12:00 local (11:00Z): 2 h of 8 used, 6 h left, no due.
    clock.set(z("2026-03-02 11:00"))
    change(tickets, t, desk.alice, status=Status.WAITING_CUSTOMER)
    check(
        rows(db, t)["resolution"],
        state="paused",
        due_at=None,
        warn_at=None,
        remaining_seconds=6 * H,
    )
    assert orders(db, t) == (NO_DUE, NO_DUE)

    # Back on Tue 10:00 local (09:00Z): waited Mon 12–17 + Tue 09–10 = 6 business hours, so
    # the due moves from Tue 10:00 to Tue 16:00 local = 15:00Z.
    clock.set(z("2026-03-03 09:00"))
    change(tickets, t, desk.alice, status=Status.IN_PROGRESS)
    got = rows(db, t)["resolution"]
    check(
        got,
        state="running",
        due_at=z("2026-03-03 15:00"),
        paused_business_seconds=6 * H,
        remaining_seconds=None,
        start_at=DEFAULT_NOW,
        target_seconds=8 * H,
    )
    assert orders(db, t) == (NO_DUE, z("2026-03-03 15:00"))


def test_resolve_then_reopen(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService, closure: ClosureService
) -> None:
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:05"))
    tickets.add_note(t, desk.alice, "On it", public=True)
    clock.set(z("2026-03-02 10:00"))
    resolve(closure, tickets, t, desk.alice)
    check(rows(db, t)["resolution"], state="met", met_at=z("2026-03-02 10:00"))
    assert orders(db, t) == (NO_DUE, NO_DUE)

    # Reopened at 14:00 local (13:00Z): the 3 h resolved span pauses the clock:
    # Tue 10:00 local + 3 h = Tue 13:00 local = 12:00Z.
    clock.set(z("2026-03-02 13:00"))
    change(tickets, t, desk.alice, status=Status.IN_PROGRESS)
    check(
        rows(db, t)["resolution"],
        state="running",
        met_at=None,
        due_at=z("2026-03-03 12:00"),
        reopen_count=1,
        reopen_business_seconds=3 * H,
        paused_business_seconds=0,
    )
    assert orders(db, t)[1] == z("2026-03-03 12:00")


def test_public_reply_meets_the_response_internal_note_and_assignment_do_not(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService
) -> None:
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:02"))
    tickets.add_note(t, desk.alice, "Internal: check the firewall", public=False)
    clock.set(z("2026-03-02 09:04"))
    change(tickets, t, desk.admin, assignee_id=desk.alice)
    clock.set(z("2026-03-02 09:06"))
    tickets.log_call(t, desk.alice, "Called the ISP", 5, public=False)
    clock.set(z("2026-03-02 09:08"))
    change(tickets, t, desk.alice, status=Status.IN_PROGRESS)
    check(rows(db, t)["response"], state="running", met_at=None, due_at=z("2026-03-02 09:30"))
    assert "update" not in rows(db, t)

    clock.set(z("2026-03-02 09:20"))
    tickets.add_note(t, desk.alice, "We are on it", public=True)
    got = rows(db, t)
    check(got["response"], state="met", met_at=z("2026-03-02 09:20"))
    # The update clock (P2: 4 h) is armed by the response: 10:20 local + 4 h = 14:20 = 13:20Z.
    check(
        got["update"], state="running", start_at=z("2026-03-02 09:20"), due_at=z("2026-03-02 13:20")
    )
    assert orders(db, t)[0] == NO_DUE


def test_self_assignment_is_no_response_unless_the_policy_says_so(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService
) -> None:
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:04"))
    change(tickets, t, desk.alice, assignee_id=desk.alice)
    check(rows(db, t)["response"], state="running", met_at=None)

    with db.write() as s:
        p = s.get(SlaPolicy, desk.policy)
        assert p is not None
        p.ack_counts_as_response = True
    clock.set(z("2026-03-02 09:06"))
    change(tickets, t, desk.alice, status=Status.IN_PROGRESS)
    check(rows(db, t)["response"], state="met", met_at=z("2026-03-02 09:04"), policy_version=2)

    # Being assigned by someone else is no acknowledgement, even with the flag on.
    other = tickets.create(fields(desk), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:08"))
    change(tickets, other, desk.admin, assignee_id=desk.alice)
    check(rows(db, other)["response"], state="running", met_at=None)


def test_public_call_meets_the_response_and_resets_the_update_clock(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService
) -> None:
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:10"))
    tickets.log_call(t, desk.alice, "Called the requester", 5, "REC-1")
    check(rows(db, t)["response"], state="met", met_at=z("2026-03-02 09:10"))
    # 13:00 local (12:00Z): the next update is due 17:00 local = 16:00Z.
    clock.set(z("2026-03-02 12:00"))
    tickets.log_call(t, desk.alice, "Status call", 3, public=True)
    check(rows(db, t)["update"], start_at=z("2026-03-02 12:00"), due_at=z("2026-03-02 16:00"))


def test_priority_change_recomputes_from_the_start_keeping_pause_time(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService
) -> None:
    t = tickets.create(fields(desk, priority=Priority.P3), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:05"))
    tickets.add_note(t, desk.alice, "On it", public=True)
    # Waiting Mon 11:00–15:00 local (10:00–14:00Z): 4 business hours.
    clock.set(z("2026-03-02 10:00"))
    change(tickets, t, desk.alice, status=Status.WAITING_CUSTOMER)
    clock.set(z("2026-03-02 14:00"))
    change(tickets, t, desk.alice, status=Status.IN_PROGRESS)
    # P3: end of the 3rd business day = Thu 17:00 local; T = 7 + 3 × 8 = 31 h; the 4 h wait
    # moves it to Fri 13:00 local = 12:00Z.
    check(
        rows(db, t)["resolution"],
        priority=Priority.P3,
        target_seconds=31 * H,
        due_at=z("2026-03-06 12:00"),
        paused_business_seconds=4 * H,
    )

    clock.set(z("2026-03-02 14:30"))
    change(tickets, t, desk.alice, priority=Priority.P2)
    # P2 8 h from Mon 10:00 local, the wait still counted: Mon 10–11 (1 h), 15–17 (2 h),
    # Tue 09–14 (5 h) → Tue 14:00 local = 13:00Z (not Tue 09:00Z as if the wait were lost).
    check(
        rows(db, t)["resolution"],
        priority=Priority.P2,
        start_at=DEFAULT_NOW,
        target_seconds=8 * H,
        due_at=z("2026-03-03 13:00"),
        paused_business_seconds=4 * H,
        state="running",
    )
    assert orders(db, t)[1] == z("2026-03-03 13:00")


def test_cancelling_a_ticket_cancels_its_open_clocks(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService
) -> None:
    t = tickets.create(fields(desk), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:05"))
    tickets.add_note(t, desk.alice, "Duplicate of T-1", public=True)
    change(tickets, t, desk.alice, status=Status.CANCELLED)
    got = rows(db, t)
    check(got["response"], state="met", met_at=z("2026-03-02 09:05"))
    check(got["resolution"], state="cancelled", due_at=None)
    check(got["update"], state="cancelled", due_at=None)
    assert orders(db, t) == (NO_DUE, NO_DUE)


# --- kept breaches --------------------------------------------------------------------------------


def test_a_breach_stays_recorded_after_reopen_and_a_recompute_that_would_not_breach(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService, closure: ClosureService
) -> None:
    t = tickets.create(fields(desk, priority=Priority.P1), desk.alice).detail.ticket_id
    clock.set(z("2026-03-02 09:05"))
    tickets.add_note(t, desk.alice, "On it", public=True)
    # P1 resolution 4 h → Mon 14:00 local = 13:00Z; resolved an hour late.
    clock.set(z("2026-03-02 14:00"))
    resolve(closure, tickets, t, desk.alice)
    breach = {"breached_at": z("2026-03-02 13:00"), "business_overrun_seconds": H}
    check(rows(db, t)["resolution"], state="breached", met_at=z("2026-03-02 14:00"), **breach)

    clock.set(z("2026-03-02 15:00"))
    change(tickets, t, desk.alice, status=Status.IN_PROGRESS)
    check(rows(db, t)["resolution"], state="breached", met_at=None, reopen_count=1, **breach)

    # As P3 the ticket would never have been late (due Thursday); the breach stays recorded.
    clock.set(z("2026-03-02 15:10"))
    change(tickets, t, desk.alice, priority=Priority.P3)
    got = rows(db, t)["resolution"]
    check(got, priority=Priority.P3, **breach)
    assert got["due_at"] is not None and got["due_at"] > clock.now()

    clock.set(z("2026-03-02 15:20"))
    resolve(closure, tickets, t, desk.alice)
    check(rows(db, t)["resolution"], state="breached", met_at=z("2026-03-02 15:20"), **breach)


# --- the queue ------------------------------------------------------------------------------------


def test_queue_sorted_by_resolve_due_is_urgency_order(
    db: Database, desk: Desk, clock: FakeClock, tickets: TicketService, sla: SlaService
) -> None:
    def new(priority: Priority, subject: str) -> int:
        saved = tickets.create(fields(desk, priority=priority, subject=subject), desk.alice)
        return saved.detail.ticket_id

    p3 = new(Priority.P3, "p3")
    p1 = new(Priority.P1, "p1")
    waiting = new(Priority.P1, "waiting")
    p2 = new(Priority.P2, "p2")
    clock.set(z("2026-03-02 09:10"))
    tickets.add_note(p2, desk.alice, "On it", public=True)
    clock.set(z("2026-03-02 10:00"))
    change(tickets, waiting, desk.alice, status=Status.WAITING_CUSTOMER)

    queue = TicketQueueService(db, sla.store)
    page = queue.page(TicketFilter(), TicketSort(SortKey.RESOLVE_DUE))
    assert [r.ticket_id for r in page.rows] == [p1, p2, p3, waiting]
    by_id = {r.ticket_id: r for r in page.rows}
    # P1 4 h → 14:00 local = 13:00Z; P2 8 h → Tue 09:00Z; P3 → Thu 17:00 local = 16:00Z.
    assert by_id[p1].resolve_due_order == z("2026-03-02 13:00")
    assert by_id[p2].resolve_due_order == z("2026-03-03 09:00")
    assert by_id[p3].resolve_due_order == z("2026-03-05 16:00")
    assert by_id[waiting].resolve_due_order == NO_DUE
    # Response: P1 15 min → 09:15Z, P3 2 h → 11:00Z; P2 answered → NO_DUE.
    assert by_id[p2].response_due_order == NO_DUE
    response = queue.page(TicketFilter(), TicketSort(SortKey.RESPONSE_DUE))
    assert [r.ticket_id for r in response.rows][:3] == [p1, waiting, p3]

    row = by_id[waiting].sla
    assert row is not None
    assert row.resolve_state is TargetState.PAUSED
    assert row.resolve_due is None
    # One business hour of four used (10:00–11:00 local): 3 h frozen.
    assert row.resolve_remaining == 3 * H
    assert row.response_state is TargetState.BREACHED
    assert row.response_due == z("2026-03-02 09:15")
    assert row.timezone == "Europe/Brussels"
    assert row.calendar is not None
    assert row.calendar.between(z("2026-03-02 09:00"), z("2026-03-02 10:00")) == H
    p2_row = by_id[p2].sla
    assert p2_row is not None
    assert (p2_row.response_state, p2_row.resolve_state) == (TargetState.MET, TargetState.RUNNING)
    assert p2_row.resolve_due == z("2026-03-03 09:00")
