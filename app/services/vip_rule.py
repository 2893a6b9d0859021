"""The client's VIP call handling applied to a ticket (domain.md D5).

When a new ticket's contact is a VIP, the client's rule (data-capture section 5) raises the
priority to its floor, sends the ticket straight to L2, and notifies the account manager. On an
edit — the caller identified after the ticket was logged (§2.2), or the priority lowered — the
floor holds and the account manager hears of a newly named VIP; the tier is then the desk's
call. Runs in the ticket's write transaction, before the SLA clocks are computed, so they run on
the raised priority.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Contact, Queue, SlaNotification, Technician, Ticket, TicketEvent
from app.models.enums import EventKind, Priority, Tier
from app.services.onboarding import section_data

if TYPE_CHECKING:
    from app.services.tickets import TicketFields


@dataclass(frozen=True, slots=True)
class VipOutcome:
    values: TicketFields
    #: What changed, for the timeline ("" when the contact is not a VIP).
    summary: str
    account_manager_id: int | None


def apply_vip_rule(s: Session, values: TicketFields, previous: Ticket | None = None) -> VipOutcome:
    """The rule applied to a new ticket (`previous` None) or to an edit of `previous`."""
    contact = s.get(Contact, values.contact_id) if values.contact_id else None
    if contact is None or not contact.vip:
        return VipOutcome(values, "", None)
    newly_named = previous is None or previous.contact_id != contact.id
    rule = section_data(s, values.client_id, "vip") or {}
    done = []
    floor = rule.get("priority_floor")
    if floor and Priority(floor) < values.priority:
        # String order of priorities is urgency order: "P1" < "P3".
        done.append(f"priority raised {values.priority} \u2192 {floor}")
        values = replace(values, priority=Priority(floor))
    if previous is None and rule.get("direct_to_l2") and values.tier in (Tier.L0, Tier.L1):
        done.append(f"sent straight to L2 (was {values.tier})")
        values = _to_l2(s, values)
    manager = rule.get("account_manager") if newly_named else None
    if manager:
        done.append("account manager notified")
    if previous is not None and not done:
        return VipOutcome(values, "", None)
    return VipOutcome(values, "; ".join([f"{contact.name} is a VIP", *done]), manager)


def record_vip_rule(s: Session, ticket_id: int, outcome: VipOutcome, now: dt.datetime) -> None:
    """The timeline entry saying what the rule did, and the account manager's notification."""
    if not outcome.summary:
        return
    s.add(TicketEvent(ticket_id=ticket_id, at=now, kind=EventKind.VIP_RULE, body=outcome.summary))
    if outcome.account_manager_id is not None:
        s.add(
            SlaNotification(
                technician_id=outcome.account_manager_id,
                ticket_id=ticket_id,
                reason="vip",
                target_kind="response",
                at=now,
            )
        )


def _to_l2(s: Session, values: TicketFields) -> TicketFields:
    """Tier L2, keeping the queue and assignee if they work at L2 or above; else the first L2
    queue and no assignee."""
    queue_id, assignee_id = values.queue_id, values.assignee_id
    queue = s.get(Queue, queue_id) if queue_id else None
    if queue is None or queue.tier in (Tier.L0, Tier.L1):
        queue_id = s.scalar(
            select(Queue.id).where(Queue.tier == Tier.L2).order_by(Queue.name).limit(1)
        )
    assignee = s.get(Technician, assignee_id) if assignee_id else None
    if assignee is not None and assignee.tier in (Tier.L0, Tier.L1):
        assignee_id = None
    return replace(values, tier=Tier.L2, queue_id=queue_id, assignee_id=assignee_id)
