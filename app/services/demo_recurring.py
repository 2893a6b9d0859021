"""Demo data for recurring tickets and time entries (T17, T19, S12).

Three schedules for the first demo clients, a prepaid block-hours contract for one of them, and
time entries (mostly billable) on a share of recent demo tickets, so the client page shows
totals and a prepaid balance. Idempotent: each part is skipped when its rows already exist.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, Final

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    Client,
    Contract,
    RecurringTicket,
    SlaPolicy,
    Technician,
    Ticket,
    TicketEvent,
    TimeEntry,
)
from app.models.enums import EventKind, Priority, Role, TicketType, Tier
from app.services import recurrence
from app.services.clock import Clock
from app.services.time_entries import format_minutes

#: The block-hours contract the seed adds (found again by this number on a second run).
BLOCK_NUMBER: Final = "BH-DEMO-40"
BLOCK_MINUTES: Final = 40 * 60
#: Recent tickets considered for time entries, and the share of them that get some.
_RECENT: Final = 600
_SHARE: Final = 0.35
_NOTES: Final = (
    "Remote session: diagnosed and fixed",
    "Phone call with the user",
    "Checked logs and applied the fix",
    "Documented the change",
    "Vendor call",
    "",
)

#: (name, subject, category, frequency, every, weekdays, day of month, at).
_Spec = tuple[str, str, str, str, int, list[int], int | None, str]
_SCHEDULES: Final[tuple[_Spec, ...]] = (
    (
        "Weekly backup check",
        "Check last week's backup reports",
        "Backup › Verification",
        "weekly",
        1,
        [0],
        None,
        "08:30",
    ),
    (
        "Monthly patch review",
        "Review this month's patch compliance",
        "Maintenance › Patching",
        "monthly",
        1,
        [],
        5,
        "09:00",
    ),
    (
        "Daily log review",
        "Review firewall and server event logs",
        "Security › Monitoring",
        "daily",
        1,
        [],
        None,
        "07:45",
    ),
)


def seed_demo_recurring(db: Database, clock: Clock) -> None:
    """Add the demo schedules, block-hours contract and time entries that are not there yet."""
    now = clock.now()
    with db.write() as s:
        clients = list(s.scalars(select(Client).order_by(Client.id).limit(3)))
        admin = s.scalar(
            select(Technician.id)
            .where(Technician.active.is_(True), Technician.role == Role.ADMIN)
            .order_by(Technician.id)
            .limit(1)
        )
        if not clients or admin is None:
            return
        if not s.scalar(select(func.count()).select_from(RecurringTicket)):
            _schedules(s, clients, admin, now)
        block = _block_contract(s, clients[0], now)
        if not s.scalar(select(func.count()).select_from(TimeEntry)):
            _time_entries(s, block, now)


def _schedules(s: Session, clients: list[Client], admin: int, now: dt.datetime) -> None:
    for i, (name, subject, category, frequency, every, days, day, at) in enumerate(_SCHEDULES):
        client = clients[i % len(clients)]
        schedule = recurrence.Schedule(
            frequency, every, tuple(days), day, at, now.date(), None, client.timezone
        )
        s.add(
            RecurringTicket(
                client_id=client.id,
                name=name,
                template={
                    "subject": subject,
                    "description": "Created by the demo recurring schedule.",
                    "type": TicketType.SERVICE_REQUEST.value,
                    "category": category,
                    "priority": Priority.P4.value,
                    "tier": Tier.L1.value,
                    "queue_id": None,
                    "assignee_id": None,
                    "contact_id": None,
                },
                frequency=frequency,
                every=every,
                weekdays=days,
                day_of_month=day,
                at_time=at,
                start_date=now.date(),
                end_date=None,
                active=True,
                next_run_at=recurrence.next_after(schedule, now),
                created_by_id=admin,
            )
        )
    s.flush()


def _block_contract(s: Session, client: Client, now: dt.datetime) -> int | None:
    existing = s.scalar(select(Contract.id).where(Contract.number == BLOCK_NUMBER))
    if existing is not None:
        return int(existing)
    policy = client.sla_policy_id or s.scalar(
        select(SlaPolicy.id).order_by(SlaPolicy.is_default.desc(), SlaPolicy.id).limit(1)
    )
    if policy is None:
        return None
    contract = Contract(
        client_id=client.id,
        policy_id=policy,
        name="Block hours — 40 h",
        number=BLOCK_NUMBER,
        number_key=BLOCK_NUMBER.lower(),
        prepaid_minutes=BLOCK_MINUTES,
        valid_from=(now - dt.timedelta(days=180)).date(),
    )
    s.add(contract)
    s.flush()
    return contract.id


def _time_entries(s: Session, block: int | None, now: dt.datetime) -> None:
    rng = random.Random(17)
    techs = list(
        s.scalars(
            select(Technician.id).where(
                Technician.active.is_(True), Technician.role != Role.READ_ONLY
            )
        )
    )
    if not techs:
        return
    block_client = s.scalar(select(Contract.client_id).where(Contract.id == block))
    tickets = s.execute(
        select(Ticket.id, Ticket.client_id, Ticket.assignee_id, Ticket.created_at)
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .limit(_RECENT)
    ).all()
    entries: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    on_block: list[int] = []
    for ticket_id, client_id, assignee, created in tickets:
        if rng.random() > _SHARE:
            continue
        if block is not None and client_id == block_client:
            on_block.append(ticket_id)
        for _ in range(rng.randint(1, 3)):
            minutes = rng.choice((15, 15, 30, 30, 45, 60, 90, 120))
            billable = rng.random() < 0.8
            note = rng.choice(_NOTES)
            started = min(created + dt.timedelta(minutes=rng.randint(10, 48 * 60)), now)
            tech = assignee if assignee in techs else rng.choice(techs)
            entries.append(
                {
                    "ticket_id": ticket_id,
                    "technician_id": tech,
                    "started_at": started,
                    "minutes": minutes,
                    "billable": billable,
                    "note": note,
                    "version": 1,
                }
            )
            kind = "billable" if billable else "non-billable"
            text = f"{format_minutes(minutes)} {kind}"
            events.append(
                {
                    "ticket_id": ticket_id,
                    "at": started,
                    "actor_id": tech,
                    "kind": EventKind.TIME_ENTRY,
                    "old_value": "",
                    "new_value": "",
                    "body": f"{text}: {note}" if note else text,
                    "call_reference": "",
                    "public": False,
                }
            )
    if not entries:
        return
    conn = s.connection()
    conn.execute(insert(TimeEntry), entries)
    conn.execute(insert(TicketEvent), events)
    if block is not None and on_block:
        # The block client's tickets without a contract fall under the block, so it shows use.
        conn.execute(
            update(Ticket)
            .where(Ticket.id.in_(on_block), Ticket.contract_id.is_(None))
            .values(contract_id=block)
        )
