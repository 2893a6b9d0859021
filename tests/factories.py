"""Builders for test data: each writes one record (rolled back after the test), returns its id."""

from __future__ import annotations

import datetime as dt
import itertools

from app.db import Database
from app.models import Client, Contact, Queue, Site, Technician, Ticket, TicketEvent
from app.models.enums import (
    ClientStatus,
    EventKind,
    Priority,
    Role,
    SourceChannel,
    Status,
    TicketType,
    Tier,
)

_seq = itertools.count(1)
#: A fixed instant for records whose time does not matter to the test.
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def add_queue(db: Database, name: str | None = None, tier: Tier = Tier.L1) -> int:
    with db.write() as s:
        q = Queue(name=name or f"Queue {next(_seq)}", tier=tier, description="")
        s.add(q)
        s.flush()
        return q.id


def add_technician(
    db: Database,
    name: str | None = None,
    *,
    tier: Tier = Tier.L1,
    role: Role = Role.TECHNICIAN,
    active: bool = True,
    email: str | None = None,
    password_hash: str = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$invalidhashforfactory",
) -> int:
    n = next(_seq)
    with db.write() as s:
        t = Technician(
            name=name or f"Tech {n}",
            email=email or f"tech{n}@test.msp",
            tier=tier,
            role=role,
            password_hash=password_hash,
            active=active,
            created_at=T0,
        )
        s.add(t)
        s.flush()
        return t.id


def add_client(db: Database, name: str | None = None, *, timezone: str = "Europe/Brussels") -> int:
    n = next(_seq)
    with db.write() as s:
        c = Client(
            name=name or f"Client {n}",
            code=f"C{n}",
            status=ClientStatus.LIVE,
            timezone=timezone,
            phone="",
            notes="",
            created_at=T0,
        )
        s.add(c)
        s.flush()
        return c.id


def add_site(db: Database, client_id: int, name: str = "Head office") -> int:
    with db.write() as s:
        site = Site(client_id=client_id, name=name, city="Gent", country="BE")
        s.add(site)
        s.flush()
        return site.id


def add_contact(
    db: Database, client_id: int, name: str | None = None, *, vip: bool = False, email: str = ""
) -> int:
    n = next(_seq)
    with db.write() as s:
        c = Contact(
            client_id=client_id,
            name=name or f"Contact {n}",
            email=email or f"c{n}@x.example",
            vip=vip,
        )
        s.add(c)
        s.flush()
        return c.id


def add_ticket(
    db: Database,
    client_id: int,
    *,
    subject: str = "Printer offline",
    status: Status = Status.NEW,
    priority: Priority = Priority.P3,
    tier: Tier = Tier.L1,
    assignee_id: int | None = None,
    contact_id: int | None = None,
    queue_id: int | None = None,
    ticket_type: TicketType = TicketType.INCIDENT,
    created_at: dt.datetime = T0,
    updated_at: dt.datetime | None = None,
) -> int:
    with db.write() as s:
        t = Ticket(
            type=ticket_type,
            category="",
            priority=priority,
            status=status,
            status_category=status.category,
            is_open=status.is_open,
            tier=tier,
            queue_id=queue_id,
            assignee_id=assignee_id,
            client_id=client_id,
            contact_id=contact_id,
            source=SourceChannel.PHONE,
            subject=subject,
            created_at=created_at,
            updated_at=updated_at or created_at,
        )
        t.set_status(status, updated_at or created_at)
        s.add(t)
        s.flush()
        s.add(
            TicketEvent(
                ticket_id=t.id, at=created_at, kind=EventKind.CREATED, new_value=status.value
            )
        )
        return t.id
