"""Recording why an SLA target was missed: the reason client reports list with the breach."""

from __future__ import annotations

import datetime as dt
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import EventKind, Technician, TicketSla
from app.models.enums import Role
from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.ticket_store import add_event, load_ticket
from app.sla.engine import TargetState
from app.sla.policy import TargetKind

REASON_MAX: Final = 1000


def record_reason(
    s: Session, ticket_id: int, kind: TargetKind, reason: str, actor_id: int, now: dt.datetime
) -> None:
    """Set the clock's breach justification and note it on the timeline. Refuses an empty or
    over-long reason, a clock that was not breached, and read-only accounts."""
    actor = s.get(Technician, actor_id)
    if actor is None or not actor.active or actor.role is Role.READ_ONLY:
        raise PermissionDeniedError("record_breach_reason")
    text = " ".join(reason.split())
    if not text:
        raise ValidationError({"reason": "required"})
    if len(text) > REASON_MAX:
        raise ValidationError({"reason": "too_long"})
    ticket = load_ticket(s, ticket_id)
    clock = s.scalars(
        select(TicketSla).where(TicketSla.ticket_id == ticket_id, TicketSla.kind == kind.value)
    ).one_or_none()
    if clock is None:
        raise NotFoundError("sla clock", f"{ticket_id}/{kind.value}")
    if clock.state != TargetState.BREACHED.value and clock.breached_at is None:
        raise ValidationError({"reason": "not_breached"})
    if clock.breach_justification == text:
        return
    add_event(s, ticket, actor_id, now, EventKind.BREACH_REASON, "", kind.value, text)
    clock.breach_justification = text
