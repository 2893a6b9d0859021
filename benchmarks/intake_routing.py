"""Routing 1,000 new tickets through 200 rules: the engine alone, and the whole create path.

Run `python -m benchmarks.intake_routing [--rules N] [--tickets N] [--creates N]`.

1. Engine: 200 admin-style rules (clients, categories, hardware types, priorities, channels,
   keywords and phrases; a tenth stop) are compiled once, then 1,000 new tickets' facts are
   evaluated. Target: all 1,000 well under 1 s.
2. Create path on a throw-away SQLite database through the real services: `TicketService.create`
   with no active rules (the baseline, measured in the same run) and with the 200 rules active
   (one query loads them per create, the fired rules' events and checklists are written). The
   ratio with/without is what routing adds to logging a call.
Nothing here is a pass/fail test; figures are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.bootstrap import build_core
from app.models import Client, Queue, Technician
from app.models.enums import (
    ClientStatus,
    Priority,
    Role,
    SourceChannel,
    TicketType,
    Tier,
)
from app.services.routing import RoutingService, RuleDraft
from app.services.routing_engine import Facts, Rule, RuleSet
from app.services.tickets import TicketFields

NOW = dt.datetime(2026, 3, 4, 10, 0, tzinfo=dt.UTC)
CLIENTS = 50
QUEUES = 10
SERVICES = ("End-user computing", "Infrastructure", "Accounts", "Applications", "Network")
TYPES = ("Windows 11", "Printers", "Servers", "New user", "Outlook", "VPN", "Wi-Fi", "Phones")
ITEMS = ("Login", "Toner", "Backup", "Licence", "Slow", "Crash", "Install", "Access")
_WORD_TEXT = (
    "server down outage printer toner paper jam password reset vpn wifi slow crash backup "
    "licence install access email outlook teams laptop screen keyboard mouse phone urgent "
    "invoice payroll ransomware phishing disk full certificate expired firewall switch"
)
WORDS = tuple(_WORD_TEXT.split(" "))


class _FixedClock:
    def now(self) -> dt.datetime:
        return NOW


def _conditions(rng: random.Random, client_ids: Sequence[int]) -> dict[str, Any]:
    """One to three conditions, like an admin would combine them."""
    makers = {
        "client_ids": lambda: rng.sample(list(client_ids), rng.randint(1, 3)),
        "categories": lambda: [f"{rng.choice(SERVICES)} \u203a {rng.choice(TYPES)}"],
        "asset_kinds": lambda: rng.sample(["printer", "server", "laptop", "network"], 1),
        "priorities": lambda: rng.sample([p.value for p in Priority], rng.randint(1, 2)),
        "channels": lambda: rng.sample([c.value for c in SourceChannel], rng.randint(1, 2)),
        "types": lambda: rng.sample([t.value for t in TicketType], 1),
        "keywords": lambda: [
            " ".join(rng.sample(WORDS, rng.choice((1, 1, 2)))) for _ in range(rng.randint(1, 4))
        ],
    }
    names = rng.sample(list(makers), rng.randint(1, 3))
    return {name: makers[name]() for name in names}


def _actions(rng: random.Random, queues: Sequence[int], techs: Sequence[int]) -> dict[str, Any]:
    pool: dict[str, Any] = {
        "queue_id": rng.choice(queues),
        "tier": rng.choice(["L1", "L2", "L3"]),
        "priority": rng.choice(["P1", "P2", "P3"]),
        "assignee_id": rng.choice(techs),
    }
    names = rng.sample(list(pool), rng.randint(1, 2))
    return {n: pool[n] for n in names}


def _facts(rng: random.Random, client_ids: Sequence[int]) -> Facts:
    return Facts(
        client_id=rng.choice(client_ids),
        category=f"{rng.choice(SERVICES)} \u203a {rng.choice(TYPES)} \u203a {rng.choice(ITEMS)}",
        asset_kind=rng.choice(["printer", "server", "laptop", "network", ""]),
        product=rng.choice(["HP LaserJet M404", "Dell Latitude 7440", "", "Cisco Meraki MR46"]),
        priority=rng.choice([p.value for p in Priority]),
        channel=rng.choice([c.value for c in SourceChannel]),
        type=rng.choice([t.value for t in TicketType]),
        vip=rng.random() < 0.05,
        text=" ".join(rng.choices(WORDS, k=rng.randint(5, 40))),
    )


def bench_engine(n_rules: int, n_tickets: int, seed: int) -> float:
    rng = random.Random(seed)
    clients, queues, techs = list(range(1, CLIENTS + 1)), list(range(1, 11)), [1, 2, 3]
    rules = [
        Rule(
            i,
            f"Rule {i}",
            i,
            _conditions(rng, clients),
            _actions(rng, queues, techs),
            rng.random() < 0.1,
        )
        for i in range(1, n_rules + 1)
    ]
    facts = [_facts(rng, clients) for _ in range(n_tickets)]
    start = time.perf_counter()
    ruleset = RuleSet(rules)
    compiled = time.perf_counter() - start
    start = time.perf_counter()
    fired = sum(len(ruleset.evaluate(f).fired) for f in facts)
    total = time.perf_counter() - start
    print(f"routing engine: {n_rules} rules, {n_tickets:,} tickets ({fired:,} rules fired)")
    print(f"  compile once     {compiled * 1000:9.2f} ms")
    verdict = "OK" if total + compiled <= 1.0 else "MISSED"
    print(
        f"  evaluate all     {total * 1000:9.2f} ms   "
        f"({total / n_tickets * 1e6:7.1f} µs per ticket)   target ≤ 1000 ms: {verdict}"
    )
    return total


def _directory(core: Any) -> tuple[int, list[int], list[int], list[int]]:
    with core.db.write() as s:
        admin = Technician(
            name="Bench Admin",
            email="bench@example.test",
            tier=Tier.L2,
            role=Role.ADMIN,
            password_hash="-",
            active=True,
            created_at=NOW,
        )
        techs = [
            Technician(
                name=f"Tech {i}",
                email=f"tech{i}@example.test",
                tier=Tier.L2,
                role=Role.TECHNICIAN,
                password_hash="-",
                active=True,
                created_at=NOW,
            )
            for i in range(3)
        ]
        clients = [
            Client(
                name=f"Client {i}",
                code=f"C{i:03}",
                status=ClientStatus.LIVE,
                timezone="Europe/Brussels",
                phone="",
                notes="",
                created_at=NOW,
            )
            for i in range(CLIENTS)
        ]
        queues = [Queue(name=f"Queue {i}", tier=Tier.L2) for i in range(QUEUES)]
        s.add_all([admin, *techs, *clients, *queues])
        s.flush()
        return admin.id, [c.id for c in clients], [q.id for q in queues], [t.id for t in techs]


def _create(core: Any, rng: random.Random, n: int, clients: Sequence[int], actor: int) -> float:
    values = []
    for _ in range(n):
        f = _facts(rng, clients)
        values.append(
            TicketFields(
                client_id=f.client_id,
                contact_id=None,
                type=TicketType(f.type),
                category=f.category,
                priority=Priority(f.priority),
                source=SourceChannel(f.channel),
                subject=f.text[:80] or "Bench ticket",
                description=f.text,
            )
        )
    start = time.perf_counter()
    for v in values:
        core.tickets.create(v, actor)
    return time.perf_counter() - start


def bench_create(n_rules: int, n_creates: int, seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        core = build_core(str(Path(tmp) / "bench.sqlite"), Path(tmp) / "data", clock=_FixedClock())
        try:
            admin, clients, queues, techs = _directory(core)
            routing = RoutingService(core.db, core.clock)
            template = routing.create_template("Bench checklist", ["One", "Two"], admin)
            # Warm up connections and statement caches before either timing.
            _create(core, rng, 20, clients, admin)
            without = _create(core, rng, n_creates, clients, admin)
            for i in range(n_rules):
                actions = _actions(rng, queues, techs)
                if i % 25 == 0:
                    actions["checklist_template_id"] = template.template_id
                draft = RuleDraft(
                    f"Rule {i}", _conditions(rng, clients), actions, rng.random() < 0.1
                )
                routing.create_rule(draft, admin)
            with_rules = _create(core, rng, n_creates, clients, admin)
        finally:
            core.close()
    per = 1000 / n_creates
    print(f"TicketService.create on SQLite, {n_creates:,} tickets:")
    print(f"  without rules    {without * 1000:9.0f} ms   ({without * per:6.2f} ms per ticket)")
    print(
        f"  with {n_rules} rules  {with_rules * 1000:9.0f} ms   ({with_rules * per:6.2f} ms per "
        f"ticket)   with / without = {with_rules / without:.2f}×"
    )


def run(n_rules: int = 200, n_tickets: int = 1000, n_creates: int = 1000, seed: int = 7) -> None:
    bench_engine(n_rules, n_tickets, seed)
    if n_creates:
        bench_create(n_rules, n_creates, seed)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rules", type=int, default=200)
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--creates", type=int, default=1000, help="0 = engine only")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    run(args.rules, args.tickets, args.creates, args.seed)


if __name__ == "__main__":
    main()
