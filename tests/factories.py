"""Builders for test data: each writes one record (rolled back after the test), returns its id."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from sqlalchemy import inspect, select

from app.db import Database
from app.models import (
    Client,
    Contact,
    Queue,
    Site,
    SlaCalendar,
    SlaCalendarHoliday,
    SlaCalendarInterval,
    SlaLevel,
    SlaPolicy,
    SlaTarget,
    Technician,
    Ticket,
    TicketEvent,
    TicketSla,
)
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


#: Monday to Friday, 09:00–17:00: the usual MSP business hours of the SLA tests.
OFFICE_HOURS: tuple[tuple[tuple[str, str], ...], ...] = ((("09:00", "17:00"),),) * 5 + ((), ())


def add_calendar(
    db: Database,
    name: str | None = None,
    *,
    timezone: str = "Europe/Brussels",
    weekly: tuple[tuple[tuple[str, str], ...], ...] = OFFICE_HOURS,
    always_open: bool = False,
    holidays: tuple[dt.date, ...] = (),
) -> int:
    with db.write() as s:
        cal = SlaCalendar(
            name=name or f"Calendar {next(_seq)}", timezone=timezone, always_open=always_open
        )
        s.add(cal)
        s.flush()
        for day, intervals in enumerate(weekly):
            for a, b in intervals:
                s.add(SlaCalendarInterval(calendar_id=cal.id, weekday=day, start=a, end=b))
        for d in holidays:
            s.add(SlaCalendarHoliday(calendar_id=cal.id, local_date=d, name="Holiday"))
        return cal.id


#: (priority, kind) → (unit, amount): the demo template of sla.md §7, minutes and hours only.
DEMO_TARGETS: dict[tuple[Priority, str], tuple[str, int]] = {
    (Priority.P1, "response"): ("minutes", 15),
    (Priority.P1, "resolution"): ("hours", 4),
    (Priority.P1, "update"): ("hours", 1),
    (Priority.P2, "response"): ("minutes", 30),
    (Priority.P2, "resolution"): ("hours", 8),
    (Priority.P2, "update"): ("hours", 4),
    (Priority.P3, "response"): ("hours", 2),
    (Priority.P3, "resolution"): ("business_days_end", 3),
    (Priority.P4, "response"): ("hours", 8),
    (Priority.P4, "resolution"): ("business_days_end", 10),
}


def add_policy(
    db: Database,
    calendar_id: int,
    name: str | None = None,
    *,
    targets: dict[tuple[Priority, str], tuple[str, int]] | None = None,
    is_default: bool = True,
    levels: tuple[tuple[str, int, tuple[str, ...]], ...] = (),
    pause_applies_to: tuple[str, ...] = ("resolution",),
) -> int:
    """A policy on `calendar_id`; `levels` are (kind, offset_seconds, actions)."""
    with db.write() as s:
        p = SlaPolicy(
            name=name or f"Policy {next(_seq)}",
            calendar_id=calendar_id,
            active=True,
            is_default=is_default,
            pause_categories=["waiting_customer", "waiting_third_party"],
            pause_applies_to=list(pause_applies_to),
            ack_counts_as_response=False,
            description="",
        )
        s.add(p)
        s.flush()
        for (priority, kind), (unit, amount) in (targets or DEMO_TARGETS).items():
            s.add(SlaTarget(policy_id=p.id, priority=priority, kind=kind, unit=unit, amount=amount))
        for kind, offset, actions in levels:
            s.add(SlaLevel(policy_id=p.id, kind=kind, offset_seconds=offset, actions=list(actions)))
        return p.id


def sla_rows(db: Database, ticket_id: int) -> dict[str, dict[str, Any]]:
    """The stored ticket_sla rows of a ticket by kind, as plain dicts — after checking that the
    ticket carries the copy of their outcomes the reports read (`Ticket.response_sla_state`)."""
    keys = [a.key for a in inspect(TicketSla).column_attrs]
    with db.read() as s:
        found = s.scalars(select(TicketSla).where(TicketSla.ticket_id == ticket_id)).all()
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        by_kind = {r.kind: {k: getattr(r, k) for k in keys} for r in found}
        copied = {
            kind: (
                getattr(ticket, f"{kind}_sla_state"),
                getattr(ticket, f"{kind}_business_seconds"),
            )
            for kind in ("response", "resolution")
        }
        stored = {
            kind: (
                (by_kind[kind]["state"], by_kind[kind]["business_elapsed_seconds"])
                if kind in by_kind
                else (None, None)
            )
            for kind in ("response", "resolution")
        }
        assert copied == stored, f"ticket {ticket_id}: copy {copied} != clocks {stored}"
        return by_kind
