"""A desk for the escalation and vendor-case tests (imported by them; holds no tests itself).

The clock starts on Monday 2026-03-02 09:00Z = 10:00 in Brussels; the client's SLA calendar is
Mon–Fri 09:00–17:00 Europe/Brussels (08:00–16:00Z), so 09:00Z is business hours and 18:00Z is
not. Queues: Intake (L0), Service desk (L1), Infrastructure and Network (L2), Specialists (L3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.models import Contact, Contract, Queue, TicketEvent
from app.models.enums import EventKind, Priority, Role, SourceChannel, TicketType, Tier
from app.services.escalation import EscalationService
from app.services.escalation_paths import EscalationPathService
from app.services.onboarding import OnboardingService
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.tickets import TicketFields, TicketService
from app.services.vendor_cases import VendorCaseService
from tests.factories import add_calendar, add_client, add_policy, add_queue, add_technician
from tests.fakes import FakeClock


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Desk:
    db: Database
    clock: FakeClock
    sla: SlaService
    tickets: TicketService
    escalation: EscalationService
    paths: EscalationPathService
    vendors: VendorCaseService
    policy: int
    client: int
    intake: int
    desk: int
    infra: int
    network: int
    specialists: int
    alice: int
    bob: int
    lead: int
    admin: int
    reader: int
    ceo: int
    it_manager: int
    night_ops: int

    def ticket(self, **changes: Any) -> int:
        base = TicketFields(
            client_id=self.client,
            contact_id=None,
            type=TicketType.INCIDENT,
            category="",
            priority=Priority.P2,
            source=SourceChannel.PHONE,
            subject="Mail server down",
            tier=Tier.L1,
            queue_id=self.desk,
            assignee_id=self.alice,
        )
        return self.tickets.create(replace(base, **changes), self.admin).detail.ticket_id

    def version(self, ticket_id: int) -> int:
        return self.tickets.get(ticket_id).version

    def save_escalation(self, raw: dict[str, Any]) -> None:
        svc = OnboardingService(self.db, self.clock)
        version = svc.form(self.client).sections["escalation"].version
        svc.save_section(self.client, "escalation", raw, version, self.admin)

    def path(self, queue_id: int, next_queue_id: int | None) -> None:
        with self.db.read() as s:
            q = s.get(Queue, queue_id)
            assert q is not None
            version = q.version
        self.paths.set_next(queue_id, next_queue_id, version, self.admin)

    def contract(self, max_tier: str, *, valid_to: dt.date | None = None) -> int:
        with self.db.write() as s:
            c = Contract(
                client_id=self.client,
                policy_id=self.policy,
                name="Managed desk",
                number="MD-1",
                number_key="MD1",
                max_tier=max_tier,
                valid_from=dt.date(2026, 1, 1),
                valid_to=valid_to,
            )
            s.add(c)
            s.flush()
            return c.id

    def events(self, ticket_id: int, *kinds: EventKind) -> list[tuple[Any, ...]]:
        with self.db.read() as s:
            stmt = select(
                TicketEvent.kind,
                TicketEvent.old_value,
                TicketEvent.new_value,
                TicketEvent.body,
                TicketEvent.actor_id,
                TicketEvent.public,
            ).where(TicketEvent.ticket_id == ticket_id)
            if kinds:
                stmt = stmt.where(TicketEvent.kind.in_(kinds))
            return [tuple(r) for r in s.execute(stmt.order_by(TicketEvent.id)).all()]


def _contact(db: Database, client_id: int, name: str, phone: str, email: str) -> int:
    with db.write() as s:
        c = Contact(client_id=client_id, name=name, phone=phone, email=email)
        s.add(c)
        s.flush()
        return c.id


def build_desk(db: Database, clock: FakeClock) -> Desk:
    policy = add_policy(db, add_calendar(db, "Brussels office"), "Standard", is_default=True)
    client = add_client(db, "Acme Dental")
    sla = SlaService(db, clock, SlaStore(db))
    lead = add_technician(db, "Lena Lead", tier=Tier.L2)
    desk_queue = add_queue(db, "Service desk", Tier.L1)
    with db.write() as s:
        q = s.get(Queue, desk_queue)
        assert q is not None
        q.lead_id = lead
    return Desk(
        db=db,
        clock=clock,
        sla=sla,
        tickets=TicketService(db, clock, sla),
        escalation=EscalationService(db, clock, sla),
        paths=EscalationPathService(db),
        vendors=VendorCaseService(db, clock, sla),
        policy=policy,
        client=client,
        intake=add_queue(db, "Intake", Tier.L0),
        desk=desk_queue,
        infra=add_queue(db, "Infrastructure", Tier.L2),
        network=add_queue(db, "Network", Tier.L2),
        specialists=add_queue(db, "Specialists", Tier.L3),
        alice=add_technician(db, "Alice", tier=Tier.L1),
        bob=add_technician(db, "Bob", tier=Tier.L2),
        lead=lead,
        admin=add_technician(db, "Ada Admin", role=Role.ADMIN),
        reader=add_technician(db, "Rita Reader", role=Role.READ_ONLY),
        ceo=_contact(db, client, "Carla CEO", "+32 470 11 11 11", "carla@acme.example"),
        it_manager=_contact(db, client, "Ivan IT", "+32 470 22 22 22", ""),
        night_ops=_contact(db, client, "Nina Nights", "", "nina@acme.example"),
    )
