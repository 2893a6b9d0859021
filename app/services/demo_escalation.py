"""Demo escalation data: the queue path Dispatch → Service desk → Infrastructure → Specialists,
two tickets escalated with reasons, and a vendor case whose follow-up is due.

Runs after the demo tickets and onboarding documents exist (it needs tickets, technicians and a
client with a vendor list). Idempotent: paths already set are left alone, the demo escalations
are made while none of them exists, and the vendor case while no vendor case exists.
"""

from __future__ import annotations

import itertools
from typing import Final

from sqlalchemy import select

from app.db import Database
from app.models import OnboardingSection, Queue, Technician, Ticket, TicketEvent, VendorCase
from app.models.enums import EventKind, Role, Status, Tier
from app.services.clock import Clock
from app.services.escalation import EscalationService
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.vendor_cases import VendorCaseService, vendors_in

#: The demo's queues, lowest tier first; each escalates to the next.
PATH: Final = ("Dispatch", "Service desk", "Infrastructure", "Specialists")
_ESCALATIONS: Final = (
    (
        "Needs access to the domain controllers",
        "Checked the account in the admin portal; password reset did not help.",
    ),
    (
        "Same fault on several machines since the update",
        "Rebooted twice and reinstalled the driver; the error comes back.",
    ),
)


def seed_demo_escalation(db: Database, clock: Clock) -> None:
    """Paths, escalated tickets and one vendor case with a follow-up due now."""
    with db.write() as s:
        queues = {q.name: q for q in s.scalars(select(Queue).where(Queue.name.in_(PATH)))}
        for lower, higher in itertools.pairwise(PATH):
            if lower in queues and higher in queues and queues[lower].escalates_to_id is None:
                queues[lower].escalates_to_id = queues[higher].id
        escalated = s.scalar(
            select(TicketEvent.id)
            .where(
                TicketEvent.kind == EventKind.ESCALATION,
                TicketEvent.body.startswith(f"Reason: {_ESCALATIONS[0][0]}"),
            )
            .limit(1)
        )
        has_case = s.scalar(select(VendorCase.id).limit(1)) is not None
        actor = s.scalar(
            select(Technician.id)
            .where(
                Technician.active.is_(True),
                Technician.role != Role.READ_ONLY,
                Technician.tier == Tier.L1,
            )
            .order_by(Technician.id)
            .limit(1)
        )
        working = (
            Ticket.is_open.is_(True),
            Ticket.tier == Tier.L1,
            Ticket.status.in_((Status.ASSIGNED, Status.IN_PROGRESS)),
            Ticket.merged_into_id.is_(None),
        )
        desk = queues.get("Service desk")
        in_desk = [Ticket.queue_id == desk.id] if desk is not None else []
        candidates = (
            []
            if escalated is not None
            else list(
                s.scalars(select(Ticket.id).where(*working, *in_desk).order_by(Ticket.id).limit(2))
            )
        )
        # Only clients whose onboarding lists vendors can have a vendor case.
        with_vendors = [
            client_id
            for client_id in s.scalars(
                select(OnboardingSection.client_id)
                .where(OnboardingSection.section == "escalation")
                .order_by(OnboardingSection.client_id)
            )
            if vendors_in(s, client_id)
        ]
        vendor_ticket = (
            s.execute(
                select(Ticket.id, Ticket.client_id)
                .where(*working, Ticket.client_id.in_(with_vendors), Ticket.id.not_in(candidates))
                .order_by(Ticket.id)
                .limit(1)
            ).first()
            if with_vendors and not has_case
            else None
        )
    if actor is None:
        return
    sla = SlaService(db, clock, SlaStore(db))
    escalation = EscalationService(db, clock, sla)
    for ticket_id, (reason, tried) in zip(candidates, _ESCALATIONS, strict=False):
        version = escalation.preview(ticket_id).version
        escalation.escalate(ticket_id, version, reason, tried, actor)
    if vendor_ticket is not None:
        ticket_id, client_id = vendor_ticket
        vendors = VendorCaseService(db, clock, sla)
        vendors.open(
            ticket_id,
            vendors.vendors(client_id)[0].key,
            "VC-2026-0042",
            "First-line support desk",
            clock.now(),
            "Line checked from our side; the vendor is sending an engineer.",
            actor,
        )
