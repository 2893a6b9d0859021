"""The SLA sweep: recompute what went stale, fire warnings, breaches and escalation levels once.

Run by `helpdesk sla sweep` from an OS scheduler and by every running app's core on a timer, so
several sweepers may run at once against one database. Each warning, breach and level is claimed
with a conditional UPDATE (`... WHERE fired_at IS NULL`) before it acts: exactly one sweeper wins.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Final, cast

from sqlalchemy import Table, and_, bindparam, or_, select, update
from sqlalchemy.orm import Session

from app.db import Changes, Database
from app.models import (
    Queue,
    SlaCalendar,
    SlaLevel,
    SlaNotification,
    SlaPolicy,
    Technician,
    Ticket,
    TicketEvent,
    TicketSla,
    TicketSlaLevel,
)
from app.models.enums import EventKind, Priority, Role, Tier
from app.services.clock import Clock
from app.services.escalation import NEXT_TIER, SLA_REASON, escalate_in
from app.services.sla import RUNNING_STATES, SlaService
from app.services.sla_types import Notification, SweepReport
from app.services.vendor_cases import remind_due_in
from app.sla import BusinessCalendar
from app.sla.engine import TargetState
from app.sla.policy import LevelAction, TargetKind

log = logging.getLogger(__name__)

_OPEN_STATES: Final = tuple(s.value for s in RUNNING_STATES)
#: Clocks whose due instant a calendar or policy edit can still move.
_RECOMPUTABLE_STATES: Final = (*_OPEN_STATES, TargetState.PAUSED.value)
_RAISED: Final = {
    Priority.P4: Priority.P3,
    Priority.P3: Priority.P2,
    Priority.P2: Priority.P1,
    Priority.P1: Priority.P1,
}
#: Notifications a technician's app shows at most per poll; older ones wait for the next.
_NOTIFICATION_BATCH: Final = 50
#: Old met clocks measured per sweep: a large upgraded database catches up over a few sweeps
#: instead of one long write transaction.
_MEASURE_BATCH: Final = 500
_TICKET: Final = cast(Table, Ticket.__table__)
#: Where each clock kind's business time is copied on its ticket.
_ELAPSED_COPIES: Final = {
    TargetKind.RESPONSE.value: "response_business_seconds",
    TargetKind.RESOLUTION.value: "resolution_business_seconds",
}


class SlaSweepService:
    """Sweeps and technicians' notifications. Any thread; each call is one unit of work."""

    def __init__(self, db: Database, clock: Clock, sla: SlaService) -> None:
        self._db = db
        self._clock = clock
        self._sla = sla

    def sweep(self) -> SweepReport:
        """Recompute stale and newly due clocks, then fire what fell due. Idempotent."""
        now = self._clock.now()
        with self._db.write() as s:
            ids = _stale(s) | _crossed(s, now)
            recomputed = self._sla.recompute_in(s, ids, now) if ids else 0
            self._measure_old_clocks(s)
            touched: set[int] = set(ids)
            warnings = self._notify_state(s, now, TargetState.WARNING, touched)
            breaches = self._notify_state(s, now, TargetState.BREACHED, touched)
            fired = self._fire_levels(s, now, touched)
            reminded = remind_due_in(s, now)
            touched |= reminded
            changes = Changes("ticket", frozenset(touched))
            if touched:
                self._db.announce(s, changes)
        if warnings or breaches or fired or reminded:
            log.info(
                "SLA sweep: %d warnings, %d breaches, %d levels, %d vendor follow-ups",
                warnings,
                breaches,
                fired,
                len(reminded),
            )
        return SweepReport(recomputed, warnings, breaches, fired, changes, len(reminded))

    def _measure_old_clocks(self, s: Session) -> None:
        """Give clocks met before migration 0009 their business time for the reports, a batch
        per sweep: business time from start to met on the clock's calendar, less the waiting
        and reopened spans already stored with it. Straight from the stored row (no
        recomputation: a met clock keeps what it was met under, and nobody is notified), so
        every row of the batch is filled and the next sweep moves on."""
        rows = s.scalars(
            select(TicketSla)
            .where(TicketSla.met_at.is_not(None), TicketSla.business_elapsed_seconds.is_(None))
            .order_by(TicketSla.id)
            .limit(_MEASURE_BATCH)
        ).all()
        calendars: dict[int, BusinessCalendar] = {}
        for row in rows:
            if row.calendar_id not in calendars:
                calendars[row.calendar_id] = self._sla.store.calendar_in(s, row.calendar_id)[0]
            assert row.met_at is not None  # selected above
            gross = calendars[row.calendar_id].between(row.start_at, row.met_at)
            waits = row.paused_business_seconds + row.reopen_business_seconds
            row.business_elapsed_seconds = max(0, gross - waits)
        # The reports read the ticket's copy (`Ticket.response_business_seconds`).
        for kind, column in _ELAPSED_COPIES.items():
            copies = [
                {"tid": r.ticket_id, "seconds": r.business_elapsed_seconds}
                for r in rows
                if r.kind == kind
            ]
            if copies:
                s.connection().execute(
                    update(_TICKET)
                    .where(_TICKET.c.id == bindparam("tid"))
                    .values({column: bindparam("seconds")}),
                    copies,
                )

    def notifications(self, technician_id: int) -> list[Notification]:
        """The technician's unseen notifications, oldest first, marked seen as they are read."""
        now = self._clock.now()
        with self._db.write() as s:
            rows = s.execute(
                select(SlaNotification, Ticket.subject)
                .join(Ticket, SlaNotification.ticket_id == Ticket.id)
                .where(
                    SlaNotification.technician_id == technician_id,
                    SlaNotification.seen_at.is_(None),
                )
                .order_by(SlaNotification.id)
                .limit(_NOTIFICATION_BATCH)
            ).all()
            out = [
                Notification(n.id, n.ticket_id, subject, n.reason, TargetKind(n.target_kind), n.at)
                for n, subject in rows
            ]
            if out:
                s.execute(
                    update(SlaNotification)
                    .where(SlaNotification.id.in_([n.notification_id for n in out]))
                    .values(seen_at=now)
                )
            return out

    # -- warnings and breaches -----------------------------------------------------------------

    def _notify_state(
        self, s: Session, now: dt.datetime, state: TargetState, touched: set[int]
    ) -> int:
        flag = (
            TicketSla.warning_notified_at
            if state is TargetState.WARNING
            else TicketSla.breach_notified_at
        )
        rows = s.execute(
            select(TicketSla.id, TicketSla.ticket_id, TicketSla.kind)
            .join(Ticket, Ticket.id == TicketSla.ticket_id)
            .where(
                Ticket.is_open.is_(True),
                TicketSla.state == state.value,
                TicketSla.met_at.is_(None),
                flag.is_(None),
            )
            .order_by(TicketSla.id)
        ).all()
        done = 0
        kind = EventKind.SLA_WARNING if state is TargetState.WARNING else EventKind.SLA_BREACH
        reason = "warning" if state is TargetState.WARNING else "breach"
        for sla_id, ticket_id, target_kind in rows:
            if not _claim(s, TicketSla, sla_id, flag, now):
                continue
            ticket = s.get(Ticket, ticket_id)
            assert ticket is not None
            s.add(
                TicketEvent(ticket_id=ticket_id, at=now, kind=kind, new_value=target_kind, body="")
            )
            recipients = [ticket.assignee_id] if ticket.assignee_id else _lead(s, ticket)
            _notify(s, recipients, ticket_id, reason, target_kind, now)
            touched.add(ticket_id)
            done += 1
        return done

    # -- escalation levels ---------------------------------------------------------------------

    def _fire_levels(self, s: Session, now: dt.datetime, touched: set[int]) -> int:
        rows = s.execute(
            select(TicketSlaLevel.id, TicketSla.ticket_id, TicketSla.kind, SlaLevel)
            .join(TicketSla, TicketSla.id == TicketSlaLevel.ticket_sla_id)
            .join(SlaLevel, SlaLevel.id == TicketSlaLevel.level_id)
            .join(Ticket, Ticket.id == TicketSla.ticket_id)
            .where(
                TicketSlaLevel.fired_at.is_(None),
                TicketSlaLevel.due_at <= now,
                TicketSla.state.in_(_OPEN_STATES),
                TicketSla.met_at.is_(None),
                Ticket.is_open.is_(True),
            )
            .order_by(TicketSlaLevel.due_at, TicketSlaLevel.id)
        ).all()
        fired = 0
        for level_row_id, ticket_id, target_kind, level in rows:
            if not _claim(s, TicketSlaLevel, level_row_id, TicketSlaLevel.fired_at, now):
                continue
            self._perform(s, ticket_id, target_kind, level, now)
            touched.add(ticket_id)
            fired += 1
        return fired

    def _perform(
        self, s: Session, ticket_id: int, target_kind: str, level: SlaLevel, now: dt.datetime
    ) -> None:
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        actions = [LevelAction(a) for a in level.actions]
        s.add(
            TicketEvent(
                ticket_id=ticket_id,
                at=now,
                kind=EventKind.SLA_LEVEL,
                old_value=str(level.offset_seconds),
                new_value=target_kind,
                body=", ".join(a.value for a in actions),
            )
        )
        recipients: list[int] = []
        if LevelAction.NOTIFY_ASSIGNEE in actions:
            recipients += [ticket.assignee_id] if ticket.assignee_id else _lead(s, ticket)
        if LevelAction.NOTIFY_QUEUE in actions and ticket.queue_id is not None:
            recipients += s.scalars(
                select(Technician.id).where(
                    Technician.queue_id == ticket.queue_id, Technician.active.is_(True)
                )
            )
        if LevelAction.NOTIFY_LEAD in actions:
            recipients += _lead(s, ticket)
        _notify(s, recipients, ticket_id, "escalation", target_kind, now)
        changed = False
        if LevelAction.REASSIGN_QUEUE in actions and level.queue_id is not None:
            queue = s.get(Queue, level.queue_id)
            if queue is not None and queue.id != ticket.queue_id:
                _move(s, ticket, queue.tier, queue.id, now)
                changed = True
        elif LevelAction.REASSIGN_NEXT_TIER in actions and ticket.tier in NEXT_TIER:
            # The same path, contact copy and wording as "Escalate", with "SLA" as the reason.
            escalate_in(
                s, ticket, self._sla.store, reason=SLA_REASON, notes="", actor_id=None, now=now
            )
            changed = True
        if LevelAction.RAISE_PRIORITY in actions:
            raised = _RAISED[ticket.priority]
            if raised is not ticket.priority:
                _event(s, ticket, EventKind.PRIORITY_CHANGED, ticket.priority, raised, now)
                ticket.priority = raised
                changed = True
        if changed:
            ticket.updated_at = now
            ticket.updated_by_id = None
            s.flush()
            # New priority or tier: new targets from the same history (sla.md §11).
            self._sla.recompute_in(s, (ticket_id,), now)


def _stale(s: Session) -> set[int]:
    """Open tickets whose clocks were computed with an older calendar or policy version."""
    rows = s.scalars(
        select(TicketSla.ticket_id)
        .join(Ticket, Ticket.id == TicketSla.ticket_id)
        .join(SlaCalendar, SlaCalendar.id == TicketSla.calendar_id)
        .join(SlaPolicy, SlaPolicy.id == TicketSla.policy_id)
        .where(
            Ticket.is_open.is_(True),
            # Met and cancelled clocks keep the versions they were settled under (sla.md §11):
            # counting them would recompute their tickets on every sweep, forever.
            TicketSla.met_at.is_(None),
            TicketSla.state.in_(_RECOMPUTABLE_STATES),
            or_(
                TicketSla.calendar_version != SlaCalendar.version,
                TicketSla.policy_version != SlaPolicy.version,
            ),
        )
    )
    return set(rows)


def _crossed(s: Session, now: dt.datetime) -> set[int]:
    """Running clocks that crossed their warning or due instant since they were computed."""
    rows = s.scalars(
        select(TicketSla.ticket_id).where(
            or_(
                and_(TicketSla.state == TargetState.RUNNING.value, TicketSla.warn_at <= now),
                and_(
                    TicketSla.state.in_((TargetState.RUNNING.value, TargetState.WARNING.value)),
                    TicketSla.due_at < now,
                ),
            )
        )
    )
    return set(rows)


def _claim(s: Session, model: type, row_id: int, flag: object, now: dt.datetime) -> bool:
    """Set `flag` if nobody has: True for the one sweeper that did."""
    result = s.execute(
        update(model)
        .where(model.id == row_id, flag.is_(None))  # type: ignore[attr-defined]
        .values({flag.key: now})  # type: ignore[attr-defined]
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _lead(s: Session, ticket: Ticket) -> list[int]:
    """The ticket's queue lead, or every active admin when the queue has none."""
    if ticket.queue_id is not None:
        lead = s.scalar(select(Queue.lead_id).where(Queue.id == ticket.queue_id))
        if lead is not None:
            return [lead]
    return list(
        s.scalars(
            select(Technician.id).where(Technician.role == Role.ADMIN, Technician.active.is_(True))
        )
    )


def _notify(
    s: Session,
    recipients: Iterable[int | None],
    ticket_id: int,
    reason: str,
    target_kind: str,
    now: dt.datetime,
) -> None:
    for tech_id in dict.fromkeys(r for r in recipients if r is not None):
        s.add(
            SlaNotification(
                technician_id=tech_id,
                ticket_id=ticket_id,
                reason=reason,
                target_kind=target_kind,
                at=now,
            )
        )


def _move(s: Session, ticket: Ticket, tier: Tier, queue_id: int | None, now: dt.datetime) -> None:
    """Hand the ticket to another tier/queue, unassigned there (hierarchical escalation)."""
    if tier is not ticket.tier:
        _event(s, ticket, EventKind.ESCALATION, ticket.tier, tier, now, "SLA")
        ticket.tier = tier
    if queue_id != ticket.queue_id:
        # History records every move, the next tier's queue included.
        _event(s, ticket, EventKind.QUEUE_CHANGED, ticket.queue_id, queue_id, now)
        ticket.queue_id = queue_id
    if ticket.assignee_id is not None:
        _event(s, ticket, EventKind.ASSIGNED, ticket.assignee_id, None, now)
        ticket.assignee_id = None


def _event(
    s: Session,
    ticket: Ticket,
    kind: EventKind,
    old: object,
    new: object,
    now: dt.datetime,
    body: str = "",
) -> None:
    s.add(
        TicketEvent(
            ticket_id=ticket.id,
            at=now,
            kind=kind,
            old_value="" if old is None else str(old),
            new_value="" if new is None else str(new),
            body=body,
        )
    )
