"""Which ticket type changes the records made for the old type forbid: the links and change plan
were checked against the old type when they were made (TicketLinkService.link, ChangeService),
so an edit of the ticket must not slip past those checks afterwards."""

from __future__ import annotations

from typing import Final

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.models import ChangePlan, Ticket, TicketLink
from app.models.enums import TicketType
from app.services.errors import ValidationError
from app.services.ticket_links import CAUSED_BY

#: Ticket types that may be "caused by" a problem (as TicketLinkService.link checks).
_INCIDENT_TYPES: Final = frozenset({TicketType.INCIDENT, TicketType.SERVICE_REQUEST})


def check_type_change(s: Session, ticket: Ticket, new_type: TicketType) -> None:
    """Refuse a type change that would leave records the new type may not have: the links and
    change plan were checked against the old type when they were made (TicketLinkService.link,
    ChangeService), so the form must not slip past those checks afterwards."""
    if ticket.type is TicketType.PROBLEM and _has_link(s, TicketLink.target_id == ticket.id):
        # Its incidents would point "caused by" at a non-problem, which link() refuses.
        raise ValidationError({"type": "has_incidents"})
    if ticket.type is TicketType.CHANGE:
        state = s.scalar(select(ChangePlan.state).where(ChangePlan.ticket_id == ticket.id))
        if state is not None and state != "draft":
            # Submitted, approved or rejected: leaving CHANGE would drop the approval workflow
            # (an awaiting change could be resolved as an incident without its approvals).
            raise ValidationError({"type": "change_in_progress"})
    if (
        ticket.type in _INCIDENT_TYPES
        and new_type not in _INCIDENT_TYPES
        and _has_link(s, TicketLink.source_id == ticket.id)
    ):
        # Only incidents and service requests may be "caused by" a problem.
        raise ValidationError({"type": "linked_to_problem"})


def _has_link(s: Session, side: ColumnElement[bool]) -> bool:
    """Whether a caused_by link exists with `side` (this ticket as source or target)."""
    found = s.scalar(select(TicketLink.id).where(side, TicketLink.kind == CAUSED_BY).limit(1))
    return found is not None
