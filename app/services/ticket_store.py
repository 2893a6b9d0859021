"""Small building blocks every ticket use case shares inside its unit of work: load a ticket,
describe an edit conflict on it, append a timeline event."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.models import Technician, Ticket, TicketEvent
from app.models.enums import EventKind
from app.services.errors import ConcurrentEditError, NotFoundError


def load_ticket(s: Session, ticket_id: int) -> Ticket:
    """The ticket, or `NotFoundError`."""
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError("ticket", ticket_id)
    return ticket


def ticket_conflict(s: Session, ticket: Ticket) -> ConcurrentEditError:
    """The error for an edit based on an older version: who saved last, and when."""
    by = s.get(Technician, ticket.updated_by_id) if ticket.updated_by_id else None
    return ConcurrentEditError(
        "ticket", ticket.id, ticket.version, by.name if by else None, ticket.updated_at
    )


def add_event(
    s: Session,
    ticket: Ticket,
    actor_id: int | None,
    now: dt.datetime,
    kind: EventKind,
    old: object = "",
    new: object = "",
    body: str = "",
) -> None:
    """Append one entry to the ticket's timeline (None values are stored as "")."""
    s.add(
        TicketEvent(
            ticket_id=ticket.id,
            at=now,
            actor_id=actor_id,
            kind=kind,
            old_value="" if old is None else str(old),
            new_value="" if new is None else str(new),
            body=body,
        )
    )
