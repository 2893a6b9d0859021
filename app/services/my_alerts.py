"""What the tray tells a signed-in technician between looks at the queue: how many of their open
tickets are at SLA warning or overdue, and which tickets were just assigned to them.

Read-only and cheap (the technician's open tickets through the assignee index; assignments from
the events after the last one seen, by id), so the app asks once a minute. Any thread. An event
whose id was taken before, but committed after, the last look is not reported (a PostgreSQL
sequence hands out ids in insert order, not commit order): the ticket is in the queue anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import and_, func, or_, select

from app.db import Database
from app.models import EventKind, Technician, Ticket, TicketEvent
from app.services.clock import Clock
from app.sla.engine import TargetState

_WARNING: Final = TargetState.WARNING.value
#: At most this many new assignments are reported at once (the rest are counted).
ASSIGNMENT_LIMIT: Final = 20


@dataclass(frozen=True, slots=True)
class MySlaSummary:
    """The technician's open tickets with a running clock past its due (`overdue`), and the
    others with a clock past its warning instant (`warning`): each ticket counts once."""

    warning: int
    overdue: int


@dataclass(frozen=True, slots=True)
class Assignment:
    ticket_id: int
    subject: str
    #: Who assigned it; "" for the desk itself (routing, a rule).
    by: str


@dataclass(frozen=True, slots=True)
class Since:
    """Where the last look at the assignments stopped: events after this one are new."""

    event_id: int


@dataclass(frozen=True, slots=True)
class NewAssignments:
    found: tuple[Assignment, ...]
    #: How many were found in all (more than `found` when over `ASSIGNMENT_LIMIT`).
    total: int
    since: Since


class MyAlertsService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def summary(self, technician_id: int) -> MySlaSummary:
        now = self._clock.now()
        mine = and_(Ticket.assignee_id == technician_id, Ticket.is_open.is_(True))
        # The due orders hold a running clock's due instant (NO_DUE otherwise).
        overdue_now = or_(Ticket.response_due_order <= now, Ticket.resolve_due_order <= now)
        at_warning = or_(
            Ticket.response_sla_state == _WARNING, Ticket.resolution_sla_state == _WARNING
        )
        with self._db.read() as s:
            warning, overdue = s.execute(
                select(
                    func.count().filter(and_(at_warning, ~overdue_now)),
                    func.count().filter(overdue_now),
                ).where(mine)
            ).one()
        return MySlaSummary(int(warning or 0), int(overdue or 0))

    def start(self) -> Since:
        """The point from which `new_assignments` reports: now (what came before is in the
        technician's queue already)."""
        with self._db.read() as s:
            last = s.scalar(select(func.max(TicketEvent.id)))
        return Since(int(last or 0))

    def new_assignments(self, technician_id: int, since: Since) -> NewAssignments:
        """Tickets assigned to the technician by someone else (or by the desk) after `since`."""
        by = select(Technician.name).where(Technician.id == TicketEvent.actor_id)
        where = and_(
            TicketEvent.kind == EventKind.ASSIGNED,
            # By id, not time: another workstation's clock may run behind this one's.
            TicketEvent.id > since.event_id,
            TicketEvent.new_value == str(technician_id),
            or_(TicketEvent.actor_id.is_(None), TicketEvent.actor_id != technician_id),
            Ticket.is_open.is_(True),
            # Still theirs: assigned and passed on since counts for the new holder only.
            Ticket.assignee_id == technician_id,
        )
        with self._db.read() as s:
            rows = s.execute(
                select(
                    TicketEvent.id,
                    Ticket.id,
                    Ticket.subject,
                    by.scalar_subquery(),
                )
                .join(Ticket, Ticket.id == TicketEvent.ticket_id)
                .where(where)
                .order_by(TicketEvent.id)
            ).all()
        if not rows:
            return NewAssignments((), 0, since)
        # One entry per ticket (assigned twice in a minute is one piece of news), newest last.
        latest = {ticket_id: (subject, name or "") for _, ticket_id, subject, name in rows}
        found = tuple(Assignment(t, subject, name) for t, (subject, name) in latest.items())
        return NewAssignments(found[-ASSIGNMENT_LIMIT:], len(found), Since(rows[-1][0]))
