"""Demo data for the reports: the MSP's name on report covers, and the reasons technicians
recorded for some of the demo's missed SLA targets (the rest stay "No reason recorded")."""

from __future__ import annotations

from typing import Final

from sqlalchemy import select

from app.db import Database
from app.models import EventKind, ReportBranding, Technician, Ticket, TicketEvent, TicketSla
from app.services.clock import Clock

DEMO_MSP_NAME: Final = "Northwind IT Services"
#: Reasons a technician would write, in turn over the demo's breaches (two in three get one).
_REASONS: Final = (
    "Caller unreachable by phone; voicemail left at once, answered on the next call-back.",
    "Replacement part shipped late by the vendor (case reference on the ticket).",
    "Two P1 outages at the same time; the on-call technician was on the first.",
    "The client asked us to wait for their internal IT before touching the server.",
)


def seed_demo_reports(db: Database, clock: Clock) -> None:
    now = clock.now()
    with db.write() as s:
        actor = s.scalar(select(Technician.id).order_by(Technician.id).limit(1))
        s.add(ReportBranding(id=1, msp_name=DEMO_MSP_NAME, logo=None, logo_name="", updated_at=now))
        breached = s.scalars(
            select(TicketSla)
            .where(TicketSla.state == "breached", TicketSla.kind.in_(("response", "resolution")))
            .order_by(TicketSla.id)
        ).all()
        for i, clock_row in enumerate(breached):
            if i % 3 == 2:
                continue
            reason = _REASONS[i % len(_REASONS)]
            clock_row.breach_justification = reason
            ticket = s.get(Ticket, clock_row.ticket_id)
            assert ticket is not None
            s.add(
                TicketEvent(
                    ticket_id=ticket.id, at=max(now, ticket.created_at), actor_id=actor,
                    kind=EventKind.BREACH_REASON, new_value=clock_row.kind, body=reason,
                )
            )  # fmt: skip
