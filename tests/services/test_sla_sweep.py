"""app/services/sla_sweep.py: warnings, breaches and escalation levels fire once; their actions;
stale clocks recomputed; technicians' notifications; two sweepers at once.

The clock starts on Monday 2026-03-02 09:00Z = 10:00 in Brussels (CET, UTC+1); the calendar is
Mon–Fri 09:00–17:00 Europe/Brussels = 08:00–16:00Z. The policy (no update targets, to keep the
clocks few): P1 15 min / 4 h, P2 30 min / 8 h, P3 2 h / 16 h. A P2 ticket created at the start:
response due 09:30Z; resolution due Tue 10:00 local = Tue 09:00Z, warning (75 % = 6 h) at
Mon 16:00 local = 15:00Z. Expected values are worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, select

from app.db import Database, upgrade_database
from app.models import (
    Queue,
    SlaCalendar,
    SlaCalendarHoliday,
    SlaNotification,
    Technician,
    Ticket,
    TicketEvent,
    TicketSla,
    TicketSlaLevel,
)
from app.models.enums import EventKind, Priority, Role, SourceChannel, Status, TicketType, Tier
from app.services.closure import ClosureService
from app.services.sla import SlaService
from app.services.sla_config import SlaConfigService
from app.services.sla_store import SlaStore
from app.services.sla_sweep import SlaSweepService
from app.services.sla_types import CalendarSpec, LevelSpec, PolicySpec, SweepReport, TargetSpec
from app.services.tickets import TicketFields, TicketService
from app.sla.policy import LevelAction, TargetKind, TargetUnit
from tests.factories import add_client, add_queue, add_technician, sla_rows
from tests.fakes import FakeClock

H = 3600
RESPONSE, RESOLUTION = TargetKind.RESPONSE, TargetKind.RESOLUTION
OFFICE: tuple[tuple[tuple[str, str], ...], ...] = ((("09:00", "17:00"),),) * 5 + ((), ())


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


TARGETS = tuple(
    TargetSpec(Priority(p), kind, unit, amount)
    for p, kind, unit, amount in (
        ("P1", RESPONSE, TargetUnit.MINUTES, 15),
        ("P1", RESOLUTION, TargetUnit.HOURS, 4),
        ("P2", RESPONSE, TargetUnit.MINUTES, 30),
        ("P2", RESOLUTION, TargetUnit.HOURS, 8),
        ("P3", RESPONSE, TargetUnit.HOURS, 2),
        ("P3", RESOLUTION, TargetUnit.HOURS, 16),
    )
)


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    client: int
    l1: int
    l2: int
    other_l2: int
    alice: int
    bob: int
    carol: int
    lead: int
    admin: int
    admin2: int
    calendar: int
    sla: SlaService
    config: SlaConfigService
    tickets: TicketService

    def sweeper(self, clock: FakeClock | None = None) -> SlaSweepService:
        return SlaSweepService(self.db, clock or self.clock, self.sla)

    def policy(self, *levels: LevelSpec) -> int:
        spec = PolicySpec(
            name="Standard",
            calendar_id=self.calendar,
            targets=TARGETS,
            levels=levels,
            is_default=True,
        )
        return self.config.save_policy(None, None, spec, self.admin).record_id

    def ticket(self, *, assignee: int | None = None, priority: Priority = Priority.P2) -> int:
        values = TicketFields(
            client_id=self.client,
            contact_id=None,
            type=TicketType.INCIDENT,
            category="",
            priority=priority,
            source=SourceChannel.PHONE,
            subject=f"Ticket {priority}",
            queue_id=self.l1,
            assignee_id=assignee,
        )
        return self.tickets.create(values, self.admin).detail.ticket_id

    def reply(self, ticket_id: int, at: dt.datetime) -> None:
        self.clock.set(at)
        self.tickets.add_note(ticket_id, self.alice, "On it", public=True)

    def status(self, ticket_id: int, status: Status, at: dt.datetime) -> None:
        self.clock.set(at)
        d = self.tickets.get(ticket_id)
        if status is Status.RESOLVED:
            # Resolving has its own use case with its guards; the plain edit refuses it.
            fix = "Restarted the mail service; mail flows again."
            closure = ClosureService(self.db, self.clock, self.sla)
            closure.resolve(ticket_id, d.version, fix, "fixed", False, self.admin)
            return
        values = replace(d.fields, status=status)
        self.tickets.update(ticket_id, d.version, values, self.admin)

    def sweep(self, at: dt.datetime) -> SweepReport:
        self.clock.set(at)
        return self.sweeper().sweep()


def build_world(db: Database, clock: FakeClock) -> World:
    l1 = add_queue(db, "Service desk", Tier.L1)
    l2 = add_queue(db, "Infrastructure", Tier.L2)
    other_l2 = add_queue(db, "Network", Tier.L2)
    alice = add_technician(db, "Alice", tier=Tier.L1)
    bob = add_technician(db, "Bob", tier=Tier.L1)
    retired = add_technician(db, "Retired", tier=Tier.L1, active=False)
    carol = add_technician(db, "Carol", tier=Tier.L2)
    lead = add_technician(db, "Lena Lead", tier=Tier.L2)
    admin = add_technician(db, "Ada Admin", role=Role.ADMIN)
    admin2 = add_technician(db, "Abe Admin", role=Role.ADMIN)
    add_technician(db, "Old Admin", role=Role.ADMIN, active=False)
    with db.write() as s:
        for tech, queue in ((alice, l1), (bob, l1), (retired, l1), (carol, l2)):
            t = s.get(Technician, tech)
            assert t is not None
            t.queue_id = queue
        q = s.get(Queue, l1)
        assert q is not None
        q.lead_id = lead
    sla = SlaService(db, clock, SlaStore(db))
    config = SlaConfigService(db, clock, sla)
    spec = CalendarSpec(name="Brussels office", timezone="Europe/Brussels", weekly=OFFICE)
    calendar = config.save_calendar(None, None, spec, admin).record_id
    return World(
        db=db,
        clock=clock,
        client=add_client(db, "Acme Dental", timezone="Europe/Brussels"),
        l1=l1,
        l2=l2,
        other_l2=other_l2,
        alice=alice,
        bob=bob,
        carol=carol,
        lead=lead,
        admin=admin,
        admin2=admin2,
        calendar=calendar,
        sla=sla,
        config=config,
        tickets=TicketService(db, clock, sla),
    )


@pytest.fixture
def world(db: Database, clock: FakeClock) -> World:
    return build_world(db, clock)


def events(db: Database, ticket_id: int, *kinds: EventKind) -> list[tuple[Any, ...]]:
    with db.read() as s:
        rows = s.execute(
            select(
                TicketEvent.kind,
                TicketEvent.at,
                TicketEvent.old_value,
                TicketEvent.new_value,
                TicketEvent.body,
            )
            .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind.in_(kinds))
            .order_by(TicketEvent.id)
        ).all()
        return [tuple(r) for r in rows]


def notes(db: Database, ticket_id: int | None = None) -> list[tuple[int, int, str, str, Any]]:
    """Stored notifications as (technician, ticket, reason, target kind, at), in creation order."""
    stmt = select(
        SlaNotification.technician_id,
        SlaNotification.ticket_id,
        SlaNotification.reason,
        SlaNotification.target_kind,
        SlaNotification.at,
    ).order_by(SlaNotification.id)
    if ticket_id is not None:
        stmt = stmt.where(SlaNotification.ticket_id == ticket_id)
    with db.read() as s:
        return [(a, b, c, d, e) for a, b, c, d, e in s.execute(stmt).all()]


def clock_row(db: Database, ticket_id: int, kind: str) -> TicketSla:
    sla_rows(db, ticket_id)  # checks the ticket's copy of its clocks too
    with db.read() as s:
        row = s.scalars(
            select(TicketSla).where(TicketSla.ticket_id == ticket_id, TicketSla.kind == kind)
        ).one()
        s.expunge(row)
        return row


def level_rows(db: Database, ticket_id: int) -> dict[int, tuple[dt.datetime, dt.datetime | None]]:
    """level_id → (due_at, fired_at) of a ticket's levels."""
    with db.read() as s:
        rows = s.execute(
            select(TicketSlaLevel.level_id, TicketSlaLevel.due_at, TicketSlaLevel.fired_at)
            .join(TicketSla, TicketSla.id == TicketSlaLevel.ticket_sla_id)
            .where(TicketSla.ticket_id == ticket_id)
        ).all()
        return {lv: (due, fired) for lv, due, fired in rows}


def level_ids(world: World, policy_id: int) -> list[int]:
    return [lv.level_id for lv in world.config.policy(policy_id).spec.levels if lv.level_id]


def ticket_row(db: Database, ticket_id: int) -> Ticket:
    with db.read() as s:
        t = s.get(Ticket, ticket_id)
        assert t is not None
        s.expunge(t)
        return t


def counts(r: SweepReport) -> tuple[int, int, int, int]:
    return (r.recomputed, r.warnings, r.breaches, r.levels_fired)


# --- warnings and breaches ------------------------------------------------------------------------


def test_warning_fires_once_at_warn_at_and_tells_the_assignee(world: World) -> None:
    world.policy()
    t = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    assert counts(world.sweep(z("2026-03-02 14:59:59"))) == (0, 0, 0, 0)
    assert clock_row(world.db, t, "resolution").state == "running"

    report = world.sweep(z("2026-03-02 15:00"))
    assert counts(report) == (1, 1, 0, 0)
    assert report.changes.ids == frozenset({t})
    row = clock_row(world.db, t, "resolution")
    assert (row.state, row.warning_notified_at) == ("warning", z("2026-03-02 15:00"))
    assert events(world.db, t, EventKind.SLA_WARNING) == [
        (EventKind.SLA_WARNING, z("2026-03-02 15:00"), "", "resolution", "")
    ]
    assert notes(world.db) == [(world.alice, t, "warning", "resolution", z("2026-03-02 15:00"))]

    assert counts(world.sweep(z("2026-03-02 15:30"))) == (0, 0, 0, 0)
    assert len(events(world.db, t, EventKind.SLA_WARNING)) == 1
    assert len(notes(world.db)) == 1


def test_unassigned_warning_goes_to_the_queue_lead_or_else_every_active_admin(
    world: World,
) -> None:
    world.policy()
    led = world.ticket()
    with world.db.write() as s:
        q = s.get(Queue, world.l2)
        assert q is not None
        assert q.lead_id is None
    no_lead = world.ticket()
    d = world.tickets.get(no_lead)
    world.tickets.update(no_lead, d.version, replace(d.fields, queue_id=world.l2), world.admin)
    no_queue = world.ticket()
    d = world.tickets.get(no_queue)
    world.tickets.update(no_queue, d.version, replace(d.fields, queue_id=None), world.admin)
    # The responses (due 09:30Z) warn at 75 % of 30 min = 09:22:30Z.
    report = world.sweep(z("2026-03-02 09:23"))
    assert counts(report) == (3, 3, 0, 0)
    at = z("2026-03-02 09:23")
    assert sorted(notes(world.db)) == sorted(
        [
            (world.lead, led, "warning", "response", at),
            (world.admin, no_lead, "warning", "response", at),
            (world.admin2, no_lead, "warning", "response", at),
            (world.admin, no_queue, "warning", "response", at),
            (world.admin2, no_queue, "warning", "response", at),
        ]
    )


def test_breach_is_recorded_and_told_once(world: World) -> None:
    world.policy()
    t = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    # At the due instant itself the clock is not breached (breach = now > due).
    assert counts(world.sweep(z("2026-03-03 09:00"))) == (1, 1, 0, 0)
    report = world.sweep(z("2026-03-03 09:00:01"))
    assert counts(report) == (1, 0, 1, 0)
    row = clock_row(world.db, t, "resolution")
    assert (row.state, row.breached_at, row.business_overrun_seconds) == (
        "breached",
        z("2026-03-03 09:00"),
        1,
    )
    assert row.breach_notified_at == z("2026-03-03 09:00:01")
    assert events(world.db, t, EventKind.SLA_BREACH) == [
        (EventKind.SLA_BREACH, z("2026-03-03 09:00:01"), "", "resolution", "")
    ]
    assert [n[2] for n in notes(world.db)] == ["warning", "breach"]
    assert counts(world.sweep(z("2026-03-03 12:00"))) == (0, 0, 0, 0)
    assert len(events(world.db, t, EventKind.SLA_BREACH)) == 1


def test_nothing_fires_for_paused_met_or_closed_clocks(world: World) -> None:
    lv = LevelSpec(RESOLUTION, 0, (LevelAction.NOTIFY_LEAD,))
    rlv = LevelSpec(RESPONSE, 0, (LevelAction.NOTIFY_LEAD,))
    world.policy(lv, rlv)
    paused = world.ticket(assignee=world.alice)
    resolved = world.ticket(assignee=world.alice)
    world.reply(paused, z("2026-03-02 09:05"))
    world.reply(resolved, z("2026-03-02 09:06"))
    world.status(paused, Status.WAITING_CUSTOMER, z("2026-03-02 09:10"))
    world.status(resolved, Status.RESOLVED, z("2026-03-02 09:10"))
    assert counts(world.sweep(z("2026-03-04 12:00"))) == (0, 0, 0, 0)
    assert notes(world.db) == []
    assert level_rows(world.db, resolved) == {}
    # Paused: unfired level rows are dropped until the clock runs again.
    assert level_rows(world.db, paused) == {}


def test_a_deactivated_policy_fires_nothing(world: World) -> None:
    policy = world.policy(LevelSpec(RESOLUTION, 0, (LevelAction.NOTIFY_LEAD,)))
    t = world.ticket(assignee=world.alice)
    world.clock.set(z("2026-03-02 10:00"))
    detail = world.config.policy(policy)
    world.config.save_policy(
        policy, detail.version, replace(detail.spec, active=False), world.admin
    )
    # Long past the response and resolution due and the level's instant.
    assert counts(world.sweep(z("2026-03-05 12:00"))) == (0, 0, 0, 0)
    assert notes(world.db) == []
    assert events(world.db, t, EventKind.SLA_LEVEL, EventKind.SLA_BREACH) == []


# --- levels ---------------------------------------------------------------------------------------


def test_levels_fire_once_and_not_again_when_the_due_moves(world: World) -> None:
    policy = world.policy(
        LevelSpec(RESOLUTION, -H, (LevelAction.NOTIFY_ASSIGNEE,)),
        LevelSpec(RESOLUTION, 0, (LevelAction.NOTIFY_LEAD,)),
    )
    early, at_due = level_ids(world, policy)
    t = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    # Due Tue 10:00 local; an hour before is the opening, Tue 09:00 local = 08:00Z.
    assert level_rows(world.db, t) == {
        early: (z("2026-03-03 08:00"), None),
        at_due: (z("2026-03-03 09:00"), None),
    }
    assert world.sweep(z("2026-03-03 07:59:59")).levels_fired == 0
    report = world.sweep(z("2026-03-03 08:00"))
    assert report.levels_fired == 1
    assert world.sweep(z("2026-03-03 08:01")).levels_fired == 0
    assert events(world.db, t, EventKind.SLA_LEVEL) == [
        (EventKind.SLA_LEVEL, z("2026-03-03 08:00"), "-3600", "resolution", "notify_assignee")
    ]
    assert notes(world.db, t)[-1] == (
        world.alice,
        t,
        "escalation",
        "resolution",
        z("2026-03-03 08:00"),
    )

    # Waiting Tue 09:30–11:30 local (08:30–10:30Z): the due moves 2 h to Tue 11:00Z.
    world.status(t, Status.WAITING_CUSTOMER, z("2026-03-03 08:30"))
    world.status(t, Status.IN_PROGRESS, z("2026-03-03 10:30"))
    assert clock_row(world.db, t, "resolution").due_at == z("2026-03-03 11:00")
    # The fired level keeps its instant and stays fired; the other follows the new due.
    assert level_rows(world.db, t) == {
        early: (z("2026-03-03 08:00"), z("2026-03-03 08:00")),
        at_due: (z("2026-03-03 11:00"), None),
    }
    assert world.sweep(z("2026-03-03 10:30")).levels_fired == 0
    assert world.sweep(z("2026-03-03 11:00")).levels_fired == 1
    assert [e[2] for e in events(world.db, t, EventKind.SLA_LEVEL)] == ["-3600", "0"]
    assert notes(world.db, t)[-1] == (
        world.lead,
        t,
        "escalation",
        "resolution",
        z("2026-03-03 11:00"),
    )
    assert world.sweep(z("2026-03-04 11:00")).levels_fired == 0


def test_notify_queue_members(world: World) -> None:
    world.policy(LevelSpec(RESOLUTION, 0, (LevelAction.NOTIFY_QUEUE,)))
    t = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    assert world.sweep(z("2026-03-03 09:00")).levels_fired == 1
    escalations = [n for n in notes(world.db, t) if n[2] == "escalation"]
    # Active members of the ticket's queue (L1): Alice and Bob, not the retired member.
    assert sorted(n[0] for n in escalations) == sorted([world.alice, world.bob])


def test_notify_lead_and_assignee_together_tell_each_once(world: World) -> None:
    world.policy(LevelSpec(RESOLUTION, 0, (LevelAction.NOTIFY_ASSIGNEE, LevelAction.NOTIFY_LEAD)))
    t = world.ticket(assignee=world.lead)
    world.reply(t, z("2026-03-02 09:05"))
    world.sweep(z("2026-03-03 09:00"))
    escalations = [n for n in notes(world.db, t) if n[2] == "escalation"]
    assert [n[0] for n in escalations] == [world.lead]


def test_reassign_to_the_next_tier(world: World) -> None:
    world.policy(LevelSpec(RESOLUTION, 0, (LevelAction.REASSIGN_NEXT_TIER,)))
    t = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    version = ticket_row(world.db, t).version
    assert world.sweep(z("2026-03-03 09:00")).levels_fired == 1
    after = ticket_row(world.db, t)
    # The first L2 queue (by id), unassigned there.
    assert (after.tier, after.queue_id, after.assignee_id) == (Tier.L2, world.l2, None)
    assert after.version == version + 1
    kinds = (EventKind.ESCALATION, EventKind.QUEUE_CHANGED, EventKind.ASSIGNED)
    assert events(world.db, t, *kinds)[-3:] == [
        # The same wording as "Escalate" (app.services.escalation), with "SLA" as the reason.
        (
            EventKind.ESCALATION,
            z("2026-03-03 09:00"),
            "L1",
            "L2",
            "Reason: SLA\nService desk → Infrastructure; Alice keeps following.",
        ),
        (EventKind.QUEUE_CHANGED, z("2026-03-03 09:00"), str(world.l1), str(world.l2), ""),
        (EventKind.ASSIGNED, z("2026-03-03 09:00"), str(world.alice), "", ""),
    ]


def test_reassign_to_a_queue(world: World) -> None:
    world.policy(LevelSpec(RESOLUTION, 0, (LevelAction.REASSIGN_QUEUE,), world.other_l2))
    t = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    assert world.sweep(z("2026-03-03 09:00")).levels_fired == 1
    after = ticket_row(world.db, t)
    assert (after.tier, after.queue_id, after.assignee_id) == (Tier.L2, world.other_l2, None)
    assert events(world.db, t, EventKind.QUEUE_CHANGED) == [
        (
            EventKind.QUEUE_CHANGED,
            z("2026-03-03 09:00"),
            str(world.l1),
            str(world.other_l2),
            "",
        )
    ]


def test_raise_priority_recomputes_with_the_new_targets(world: World) -> None:
    # P3 resolution 16 h from Mon 10:00 local: Mon 7 h + Tue 8 h + Wed 09–10 → Wed 09:00Z.
    # The level 8 h before: Tue 10:00 local = Tue 09:00Z.
    world.policy(LevelSpec(RESOLUTION, -8 * H, (LevelAction.RAISE_PRIORITY,)))
    t = world.ticket(assignee=world.alice, priority=Priority.P3)
    world.reply(t, z("2026-03-02 09:05"))
    assert clock_row(world.db, t, "resolution").due_at == z("2026-03-04 09:00")
    assert world.sweep(z("2026-03-03 08:00")).levels_fired == 0
    assert world.sweep(z("2026-03-03 09:10")).levels_fired == 1
    assert ticket_row(world.db, t).priority is Priority.P2
    assert events(world.db, t, EventKind.PRIORITY_CHANGED) == [
        (EventKind.PRIORITY_CHANGED, z("2026-03-03 09:10"), "P3", "P2", "")
    ]
    # P2: 8 h from the original start → Tue 10:00 local = 09:00Z, already 10 min overdue.
    row = clock_row(world.db, t, "resolution")
    assert (row.priority, row.target_seconds, row.start_at, row.due_at, row.state) == (
        Priority.P2,
        8 * H,
        z("2026-03-02 09:00"),
        z("2026-03-03 09:00"),
        "breached",
    )
    # The level does not fire again for the raised ticket, and the breach is told next time.
    report = world.sweep(z("2026-03-03 09:20"))
    assert (report.levels_fired, report.breaches) == (0, 1)
    assert ticket_row(world.db, t).priority is Priority.P2


def test_a_fired_level_keeps_its_instant_when_its_action_moves_the_due(world: World) -> None:
    # As above, but first swept at Tue 14:30 local (13:30Z), after the P3 warning (75 % of
    # 16 h = 12 h: Mon 7 h + Tue 09:00–14:00 local = 13:00Z), so the same sweep recomputes the
    # ticket before it fires the level.
    policy = world.policy(LevelSpec(RESOLUTION, -8 * H, (LevelAction.RAISE_PRIORITY,)))
    [level] = level_ids(world, policy)
    t = world.ticket(assignee=world.alice, priority=Priority.P3)
    world.reply(t, z("2026-03-02 09:05"))
    report = world.sweep(z("2026-03-03 13:30"))
    assert (report.warnings, report.levels_fired) == (1, 1)
    assert ticket_row(world.db, t).priority is Priority.P2
    # Fired at 13:30Z; its instant stays Tue 09:00Z (P2's would be Mon 09:00Z).
    assert level_rows(world.db, t) == {level: (z("2026-03-03 09:00"), z("2026-03-03 13:30"))}
    assert world.sweep(z("2026-03-03 13:31")).levels_fired == 0


def test_raise_priority_keeps_p1(world: World) -> None:
    world.policy(LevelSpec(RESOLUTION, 0, (LevelAction.RAISE_PRIORITY,)))
    t = world.ticket(assignee=world.alice, priority=Priority.P1)
    world.reply(t, z("2026-03-02 09:05"))
    # P1 4 h → Mon 14:00 local = 13:00Z.
    assert world.sweep(z("2026-03-02 13:00")).levels_fired == 1
    assert ticket_row(world.db, t).priority is Priority.P1
    assert events(world.db, t, EventKind.PRIORITY_CHANGED) == []


# --- stale clocks and notifications ---------------------------------------------------------------


def test_clocks_of_an_older_calendar_version_are_recomputed(world: World) -> None:
    world.policy()
    t = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    # A holiday on Tuesday written behind the service's back: only the version tells.
    with world.db.write() as s:
        s.add(SlaCalendarHoliday(calendar_id=world.calendar, local_date=dt.date(2026, 3, 3)))
        cal = s.get(SlaCalendar, world.calendar)
        assert cal is not None
        cal.name = "Brussels office (strike)"
    report = world.sweep(z("2026-03-02 10:00"))
    assert report.recomputed == 1
    row = clock_row(world.db, t, "resolution")
    # Mon 10–17 local (7 h), Tue off, Wed 09–10 local → Wed 09:00Z.
    assert (row.calendar_version, row.due_at) == (2, z("2026-03-04 09:00"))
    assert world.sweep(z("2026-03-02 10:01")).recomputed == 0


def test_settled_clocks_do_not_make_a_ticket_stale_for_ever(world: World) -> None:
    policy = world.policy()
    t = world.ticket(assignee=world.alice)
    other = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    world.reply(other, z("2026-03-02 09:06"))
    # A calendar edit recomputes the open ticket at once; its met response keeps version 1.
    spec = world.config.calendar(world.calendar).spec
    world.clock.set(z("2026-03-02 09:30"))
    saved = world.config.save_calendar(
        world.calendar, 1, replace(spec, name="Renamed"), world.admin
    )
    assert saved.recomputed_tickets == 2
    assert clock_row(world.db, t, "response").calendar_version == 1
    assert clock_row(world.db, t, "resolution").calendar_version == 2
    assert world.sweep(z("2026-03-02 09:40")).recomputed == 0
    # A deactivated policy leaves cancelled clocks behind: nothing to recompute either.
    detail = world.config.policy(policy)
    world.config.save_policy(
        policy, detail.version, replace(detail.spec, active=False), world.admin
    )
    assert clock_row(world.db, t, "resolution").state == "cancelled"
    assert world.sweep(z("2026-03-02 09:50")).recomputed == 0


def test_notifications_are_returned_once(world: World) -> None:
    world.policy()
    t = world.ticket(assignee=world.alice)
    world.reply(t, z("2026-03-02 09:05"))
    world.sweep(z("2026-03-02 15:00"))
    sweeper = world.sweeper()
    [n] = sweeper.notifications(world.alice)
    assert (n.ticket_id, n.ticket_subject, n.reason, n.target_kind, n.at) == (
        t,
        "Ticket P2",
        "warning",
        RESOLUTION,
        z("2026-03-02 15:00"),
    )
    assert sweeper.notifications(world.alice) == []
    assert sweeper.notifications(world.bob) == []
    world.sweep(z("2026-03-03 09:01"))
    assert [x.reason for x in sweeper.notifications(world.alice)] == ["breach"]


# --- more than one sweeper ------------------------------------------------------------------------


def test_sweeping_twice_fires_each_level_once(world: World) -> None:
    world.policy(
        LevelSpec(RESOLUTION, -H, (LevelAction.NOTIFY_ASSIGNEE,)),
        LevelSpec(RESOLUTION, 0, (LevelAction.NOTIFY_LEAD,)),
    )
    ids = [world.ticket(assignee=world.alice) for _ in range(3)]
    for t in ids:
        world.reply(t, z("2026-03-02 09:05"))
    late = FakeClock(z("2026-03-03 09:00:01"))
    first, second = world.sweeper(late), world.sweeper(late)
    a, b = first.sweep(), second.sweep()
    assert (a.breaches, a.levels_fired, b.breaches, b.levels_fired) == (3, 6, 0, 0)
    for t in ids:
        assert len(events(world.db, t, EventKind.SLA_LEVEL)) == 2
        assert len(events(world.db, t, EventKind.SLA_BREACH)) == 1


def sweep_together(
    url: str, make_engine: Callable[[str], Engine], at: dt.datetime
) -> list[SweepReport]:
    """Two sweepers, each with its own engine (own connections), started at the same moment."""
    sweepers = []
    for _ in range(2):
        db = Database(make_engine(url))
        clock = FakeClock(at)
        sweepers.append(SlaSweepService(db, clock, SlaService(db, clock, SlaStore(db))))
    barrier = threading.Barrier(2)
    reports: list[SweepReport] = []
    errors: list[BaseException] = []

    def sweep(sweeper: SlaSweepService) -> None:
        try:
            barrier.wait(timeout=30)
            reports.append(sweeper.sweep())
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=sweep, args=(sw,)) for sw in sweepers]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert not errors, errors
    assert len(reports) == 2
    return reports


@pytest.mark.postgresql
def test_two_sweepers_on_two_connections_fire_each_level_once(
    fresh_postgresql_url: str, make_engine: Callable[[str], Engine]
) -> None:
    engine = make_engine(fresh_postgresql_url)
    upgrade_database(engine, backups_dir=None)
    setup = build_world(Database(engine), FakeClock())
    # Due Tue 10:00 local; 5 h before: Tue 09–10 + Mon 13–17 local → Mon 13:00 local = 12:00Z,
    # well before the warning (Mon 15:00Z).
    setup.policy(
        LevelSpec(RESOLUTION, -5 * H, (LevelAction.NOTIFY_ASSIGNEE,)),
        LevelSpec(RESOLUTION, 0, (LevelAction.NOTIFY_LEAD, LevelAction.NOTIFY_QUEUE)),
    )
    ids = [setup.ticket(assignee=setup.alice) for _ in range(30)]
    for t in ids:
        setup.reply(t, z("2026-03-02 09:05"))
    n = len(ids)

    def count(kind: EventKind) -> int:
        with Database(engine).read() as s:
            stmt = select(func.count()).select_from(TicketEvent).where(TicketEvent.kind == kind)
            return int(s.scalar(stmt) or 0)

    # Nothing to recompute: both sweepers race straight for the same level rows.
    first = sweep_together(fresh_postgresql_url, make_engine, z("2026-03-02 12:30"))
    assert [counts(r)[:3] for r in first] == [(0, 0, 0), (0, 0, 0)]
    assert sum(r.levels_fired for r in first) == n
    assert count(EventKind.SLA_LEVEL) == n

    # Past the due: both recompute, then breaches and the second level, each once.
    second = sweep_together(fresh_postgresql_url, make_engine, z("2026-03-03 09:00:01"))
    assert sum(r.levels_fired for r in second) == n
    assert sum(r.breaches for r in second) == n
    assert sum(r.warnings for r in second) == 0
    assert count(EventKind.SLA_LEVEL) == 2 * n
    assert count(EventKind.SLA_BREACH) == n
    with Database(engine).read() as s:
        unfired = select(func.count()).where(TicketSlaLevel.fired_at.is_(None))
        assert s.scalar(unfired) == 0
        # Per ticket: Alice at the first level; the lead and the queue (Alice, Bob) at due.
        per_ticket = s.execute(
            select(SlaNotification.ticket_id, func.count())
            .where(SlaNotification.reason == "escalation")
            .group_by(SlaNotification.ticket_id)
        ).all()
        assert sorted(per_ticket) == [(t, 4) for t in sorted(ids)]
        breach_notes = select(func.count()).where(SlaNotification.reason == "breach")
        assert s.scalar(breach_notes) == n


def test_sweep_measures_clocks_met_before_the_reports_column(world: World) -> None:
    """Migration 0009 leaves old met clocks without a business time; the sweep fills it in
    (Mon 10:00 → 10:45 Brussels = 2,700 s) and notifies nobody, even for a late clock."""
    world.policy()
    t = world.ticket(assignee=world.alice, priority=Priority.P2)
    world.reply(t, z("2026-03-02 09:45"))  # 45 min for a 30-minute target: met late
    with world.db.write() as s:
        row = s.scalars(
            select(TicketSla).where(TicketSla.ticket_id == t, TicketSla.kind == "response")
        ).one()
        assert row.business_elapsed_seconds == 2700
        row.business_elapsed_seconds = None  # as migrated
        s.execute(delete(SlaNotification))
    report = world.sweep(z("2026-03-02 09:46"))
    assert clock_row(world.db, t, "response").business_elapsed_seconds == 2700
    assert clock_row(world.db, t, "response").state == "breached"
    assert notes(world.db, t) == [] and report.breaches == 0
