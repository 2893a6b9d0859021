"""A calendar edit recomputing N open tickets (part of `python -m benchmarks.sla`).

Builds a throw-away SQLite database through the real services: a Mon–Fri calendar with
Belgian holidays, the demo policy as global default, N open tickets with history (some waiting
on the customer, some answered). Then times one `save_calendar()` that moves Friday's closing
time: the whole unit of work (validate, write, rebuild every open ticket's clocks from its
history, commit). The baseline is the pure engine on the same tickets (`evaluate()` only), so
the ratio shows what loading and storing cost on top of the arithmetic.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from app.bootstrap import build_core
from app.models import Client, Technician, Ticket, TicketEvent
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
from app.services.sla import _facts, _history, _TicketRow
from app.services.sla_types import CalendarSpec, PolicySpec, TargetSpec
from app.sla.engine import evaluate
from app.sla.policy import TargetKind, TargetUnit

NOW = dt.datetime(2026, 3, 4, 10, 0, tzinfo=dt.UTC)
_OFFICE = (("08:30", "12:30"), ("13:30", "17:30"))


class _FixedClock:
    def now(self) -> dt.datetime:
        return NOW


def _targets() -> tuple[TargetSpec, ...]:
    minutes, hours, days = TargetUnit.MINUTES, TargetUnit.HOURS, TargetUnit.BUSINESS_DAYS_END
    r, s, u = TargetKind.RESPONSE, TargetKind.RESOLUTION, TargetKind.UPDATE
    rows = (
        (Priority.P1, r, minutes, 15), (Priority.P1, s, hours, 4), (Priority.P1, u, hours, 1),
        (Priority.P2, r, minutes, 30), (Priority.P2, s, hours, 8), (Priority.P2, u, hours, 4),
        (Priority.P3, r, hours, 2), (Priority.P3, s, days, 3), (Priority.P3, u, days, 1),
        (Priority.P4, r, hours, 8), (Priority.P4, s, days, 10),
    )  # fmt: skip
    return tuple(TargetSpec(p, k, unit, n) for p, k, unit, n in rows)


def bench_recompute(args: argparse.Namespace) -> bool:
    n = args.tickets
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        core = build_core(str(Path(tmp) / "bench.sqlite"), Path(tmp) / "data", clock=_FixedClock())
        try:
            admin = _setup_directory(core)
            spec = CalendarSpec(
                name="Office hours",
                timezone="Europe/Brussels",
                weekly=(*(_OFFICE,) * 5, (), ()),
            )
            spec = core.sla_config.seed_holidays(spec, "BE", "", range(2025, 2028))
            cal = core.sla_config.save_calendar(None, None, spec, admin)
            policy = PolicySpec(
                name="Standard", calendar_id=cal.record_id, targets=_targets(), is_default=True
            )
            core.sla_config.save_policy(None, None, policy, admin)
            ids = _insert_tickets(core, n, rng)
            start = time.perf_counter()
            with core.db.write() as s:
                core.sla.recompute_in(s, ids, NOW)
            first = time.perf_counter() - start

            engine = _engine_only(core, ids, cal.record_id)
            friday = (("08:30", "12:30"), ("13:30", "16:00"))
            edited = dataclasses.replace(spec, weekly=(*(_OFFICE,) * 4, friday, (), ()))
            start = time.perf_counter()
            saved = core.sla_config.save_calendar(cal.record_id, cal.version, edited, admin)
            edit = time.perf_counter() - start
        finally:
            core.close()
    print(f"calendar edit recomputing {saved.recomputed_tickets:,} open tickets (SQLite):")
    print(f"  first computation {first * 1000:9.0f} ms   ({first / n * 1e6:6.0f} µs per ticket)")
    print(f"  calendar edit     {edit * 1000:9.0f} ms   ({edit / n * 1e6:6.0f} µs per ticket)")
    print(
        f"  engine only       {engine * 1000:9.0f} ms   ({engine / n * 1e6:6.0f} µs per ticket)"
        f"   edit / engine = {edit / engine:.1f}×"
    )
    return saved.recomputed_tickets == n


def _setup_directory(core: Any) -> int:
    with core.db.write() as s:
        admin = Technician(
            name="Bench Admin",
            email="bench@example.test",
            tier=Tier.L1,
            role=Role.ADMIN,
            password_hash="-",
            active=True,
            created_at=NOW,
        )
        client = Client(
            name="Bench client",
            code="BENCH",
            status=ClientStatus.LIVE,
            timezone="Europe/Brussels",
            phone="",
            notes="",
            created_at=NOW,
        )
        s.add_all([admin, client])
        s.flush()
        return int(admin.id)


def _insert_tickets(core: Any, n: int, rng: random.Random) -> list[int]:
    with core.db.read() as s:
        client_id = s.scalar(select(Client.id))
    tickets: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for i in range(1, n + 1):
        created = NOW - dt.timedelta(minutes=rng.randrange(1, 14 * 24 * 60))
        status = rng.choice((Status.NEW, Status.IN_PROGRESS, Status.WAITING_CUSTOMER))
        tickets.append(
            {
                "id": i,
                "type": TicketType.INCIDENT,
                "category": "",
                "priority": rng.choice(tuple(Priority)),
                "status": status,
                "status_category": status.category,
                "is_open": True,
                "tier": Tier.L1,
                "client_id": client_id,
                "source": SourceChannel.PHONE,
                "subject": f"Bench ticket {i}",
                "description": "",
                "created_at": created,
                "updated_at": created,
                "version": 1,
            }
        )
        events.append(_event(i, created, EventKind.CREATED, "new"))
        if status is not Status.NEW:
            replied = created + dt.timedelta(minutes=rng.randrange(1, 120))
            events.append(_event(i, min(replied, NOW), EventKind.PUBLIC_REPLY, "", True))
            events.append(_event(i, min(replied, NOW), EventKind.STATUS_CHANGED, status.value))
    with core.db.write() as s:
        s.execute(insert(Ticket), tickets)
        s.execute(insert(TicketEvent), events)
    return list(range(1, n + 1))


def _event(
    ticket_id: int, at: dt.datetime, kind: EventKind, new: str, public: bool = False
) -> dict[str, Any]:
    return {
        "ticket_id": ticket_id,
        "at": at,
        "actor_id": None,
        "kind": kind,
        "old_value": "",
        "new_value": new,
        "body": "",
        "call_reference": "",
        "public": public,
    }


def _engine_only(core: Any, ids: list[int], calendar_id: int) -> float:
    """Seconds for `evaluate()` alone over the same tickets, their facts prepared beforehand."""
    with core.db.read() as s:
        rows = s.execute(
            select(Ticket.id, Ticket.client_id, Ticket.priority, Ticket.created_at)
        ).all()
        history = {}
        for i in range(0, len(ids), 500):
            history.update(_history(s, ids[i : i + 500]))
        policy = core.sla.store.policy_in(s, 1)
        calendar, _version = core.sla.store.calendar_in(s, calendar_id)
    facts = [_facts(_TicketRow(t, c, p.value, at), history.get(t, ())) for t, c, p, at in rows]
    start = time.perf_counter()
    for f in facts:
        evaluate(f, policy, calendar, NOW)
    return time.perf_counter() - start
