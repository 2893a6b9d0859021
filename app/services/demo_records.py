"""Demo ticket records: a known-error problem with three linked incidents, a change with its
plans and two approval steps (the first approved), and a pair of merged duplicates.

Runs after the demo clients and technicians exist. Idempotent: nothing is made while any problem
record exists already. Everything goes through the services, so the timelines read as if a
technician had done it.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from sqlalchemy import select

from app.db import Database
from app.models import Client, Contact, ProblemRecord, Technician
from app.models.enums import Priority, Role, SourceChannel, TicketType, Tier
from app.services.change_records import Approver, ChangeService
from app.services.clock import Clock
from app.services.problem_records import ProblemService
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.ticket_links import TicketLinkService
from app.services.tickets import TicketFields, TicketService

_INCIDENTS: Final = (
    "VPN drops every few minutes when working from home",
    "VPN disconnects during Teams calls",
    "Cannot stay connected to the VPN on hotel Wi-Fi",
)


def demo_record_tickets() -> int:
    """How many tickets `seed_demo_records` creates (a problem, its incidents, a change, a
    duplicate pair), so the demo can keep its ticket count exact."""
    return 1 + len(_INCIDENTS) + 1 + 2


def seed_demo_records(db: Database, clock: Clock) -> None:
    """A problem with incidents, a change awaiting its second approval, merged duplicates."""
    with db.read() as s:
        if s.scalar(select(ProblemRecord.ticket_id).limit(1)) is not None:
            return
        client_id = s.scalar(select(Client.id).order_by(Client.id).limit(1))
        editors = list(
            s.execute(
                select(Technician.id, Technician.tier)
                .where(Technician.active.is_(True), Technician.role != Role.READ_ONLY)
                .order_by(Technician.id)
            ).all()
        )
        if client_id is None or not editors:
            return
        contacts = list(
            s.scalars(
                select(Contact.id)
                .where(Contact.client_id == client_id, Contact.active.is_(True))
                .order_by(Contact.id)
                .limit(4)
            )
        )
        approver_contact = s.scalar(
            select(Contact.id)
            .where(
                Contact.client_id == client_id,
                Contact.authorised_approver.is_(True),
                Contact.active.is_(True),
            )
            .order_by(Contact.id)
            .limit(1)
        )
    actor = editors[0][0]
    # The MSP-side approver: a senior technician when there is one.
    senior = next((tech for tech, tier in editors if tier in (Tier.L2, Tier.L3)), actor)
    sla = SlaService(db, clock, SlaStore(db))
    tickets = TicketService(db, clock, sla)
    links = TicketLinkService(db, clock, sla)

    def new(subject: str, kind: TicketType, n: int, priority: Priority = Priority.P3) -> int:
        contact = contacts[n % len(contacts)] if contacts else None
        fields = TicketFields(
            client_id=client_id,
            contact_id=contact,
            type=kind,
            category="",
            priority=priority,
            source=SourceChannel.PHONE,
            subject=subject,
        )
        return tickets.create(fields, actor).detail.ticket_id

    # A known error: three incidents caused by one problem, with the workaround to give callers.
    problem = new("Recurring VPN disconnects since firewall firmware 7.2", TicketType.PROBLEM, 0)
    for n, subject in enumerate(_INCIDENTS):
        links.link(new(subject, TicketType.INCIDENT, n), problem, "caused_by", actor)
    ProblemService(db, clock).save(
        problem,
        0,
        "Firmware 7.2 drops idle UDP sessions after 120 s (vendor bug FW-1182).",
        "Switch the VPN client to TCP mode (Settings › Protocol › TCP) and reconnect.",
        True,
        actor,
    )

    # A change awaiting approval: its first step is approved, the client's is still pending.
    changes = ChangeService(db, clock)
    change = new("Replace the core switch in the server room", TicketType.CHANGE, 1, Priority.P2)
    start = _next_saturday_evening(clock.now())
    changes.save_plan(
        change,
        0,
        "1. Rack the new switch beside the old one.\n2. Move uplinks, then access ports.\n"
        "3. Check every VLAN from the test laptop.",
        "Move the cables back to the old switch (labelled) and restore its saved config.",
        "Ping gateway, file server and printers from each VLAN; log in to the ERP.",
        "high",
        start,
        start + dt.timedelta(hours=4),
        actor,
    )
    changes.add_step(change, Approver(technician_id=senior), actor)
    client_step = (
        Approver(contact_id=approver_contact)
        if approver_contact is not None
        else Approver(name="Client IT manager")
    )
    record = changes.add_step(change, client_step, actor)
    changes.submit(change, actor)
    first_step = record.steps[0].step_id
    changes.decide(first_step, "approved", "Risk accepted; spare switch ready.", senior)

    # A duplicate logged twice by the same floor, merged into the first ticket.
    keep = new("Printer on the 2nd floor is offline", TicketType.INCIDENT, 2)
    duplicate = new("2nd floor printer does not print", TicketType.INCIDENT, 3)
    tickets.add_note(duplicate, actor, "Caller says the display shows 'Paper jam'.", public=False)
    links.merge(duplicate, keep, actor, "Same printer, reported twice")


def _next_saturday_evening(now: dt.datetime) -> dt.datetime:
    days = (5 - now.weekday()) % 7 or 7
    day = (now + dt.timedelta(days=days)).date()
    return dt.datetime.combine(day, dt.time(21, 0), tzinfo=dt.UTC)
