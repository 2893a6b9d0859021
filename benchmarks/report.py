"""Reports at scale: a client's monthly PDF with 50,000 tickets in the month, and the
all-clients summary over 1,000,000 tickets, against the same aggregations in raw SQL.

Run `make bench` or `python -m benchmarks.report [--tickets N] [--big N] [--no-postgresql]`.
Seeds (by executemany) one month, October 2026, of `--tickets` tickets over 200 clients, of
which `--big` belong to one client (every n-th ticket, ids growing with time as in a real desk),
each with a response and a resolution clock (about 8 % of each breached, with business times), a
time entry on every fifth ticket, a survey on every tenth, an escalation on every twentieth and
a remote session on every twentieth; SQLite in a file kept under `out/bench/`, PostgreSQL in a
throw-away server started like the test fixture.

Prints, per backend: the figures (`ReportFiguresService`) and the file written (PDF, then CSV)
in milliseconds, and the raw SQL baseline — the bare driver running the statements the
headline KPIs need (tickets opened, SLA outcomes per kind, the four percentiles; for all
clients, those grouped by client) over the same tables and indexes — measured in the same run,
with the app/raw ratio for the figures (the app computes every figure of the report, so a ratio
above 1 is the rest of the report). The issue's targets: client PDF ≤ 2 s, all-clients
summary ≤ 10 s. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert

from app.db import Database, create_database_engine, parse_database_target
from app.models import (
    Client,
    CsatResponse,
    EventKind,
    RemoteSession,
    SlaCalendar,
    SlaPolicy,
    Technician,
    Ticket,
    TicketEvent,
    TicketSla,
    TimeEntry,
)
from app.models.enums import ClientStatus, Priority, Role, SourceChannel, Status, Tier
from app.reports.figures import Branding
from app.reports.period import month_period
from app.services.report_figures import ReportFiguresService
from app.services.report_output import write_report
from benchmarks import seeded_db
from benchmarks.queue import raw_runner

CLIENTS = 200
BIG_CLIENT = 1
PERIOD = month_period(2026, 10)
CLIENT_TARGET_S = 2.0
ALL_TARGET_S = 10.0
_BATCH = 20_000
_START = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
_SECONDS = 30 * 86_400  # tickets spread over 1–30 October UTC (inside Brussels' October)
_CATEGORIES = ("Network/VPN", "Email", "Printing", "Hardware/Laptop", "Accounts", "Backup")
_PRIORITIES = (Priority.P1, Priority.P2, Priority.P3, Priority.P3, Priority.P4)


class _Clock:
    def now(self) -> dt.datetime:
        return dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)


def _client_of(n: int, tickets: int, big: int) -> int:
    """Every (tickets / big)-th ticket is the big client's; the rest go round the others."""
    every = max(1, tickets // big)
    return BIG_CLIENT if n % every == 0 else 2 + n % (CLIENTS - 1)


def _rows(n: int, tickets: int, big: int) -> dict[str, list[dict[str, Any]]]:
    # Ids grow with time, as they do in a real desk (the reports read a period in date order).
    created = _START + dt.timedelta(seconds=n * _SECONDS // (tickets + 1))
    priority = _PRIORITIES[n % len(_PRIORITIES)]
    client = _client_of(n, tickets, big)
    closed = created + dt.timedelta(hours=4 + n % 50)
    ticket = {
        "id": n, "type": "incident", "category": _CATEGORIES[n % len(_CATEGORIES)],
        "priority": priority, "status": Status.CLOSED, "status_category": Status.CLOSED.category,
        "is_open": False, "tier": (Tier.L1, Tier.L1, Tier.L2, Tier.L3)[n % 4],
        "client_id": client, "source": SourceChannel.PHONE, "subject": f"Bench ticket {n}",
        "created_at": created, "updated_at": closed, "closed_at": closed, "resolved_at": closed,
    }  # fmt: skip
    late = n % 13 == 0
    clocks: list[dict[str, Any]] = [
        {
            "ticket_id": n,
            "kind": kind,
            "policy_id": 1,
            "policy_version": 1,
            "calendar_id": 1,
            "calendar_version": 1,
            "priority": priority,
            "start_at": created,
            "target_seconds": target,
            "due_at": created + dt.timedelta(seconds=target),
            "state": "breached" if late else "met",
            "met_at": created + dt.timedelta(seconds=elapsed),
            "breached_at": created + dt.timedelta(seconds=target) if late else None,
            "business_overrun_seconds": max(0, elapsed - target),
            "business_elapsed_seconds": elapsed,
            "breach_justification": "Waiting for the ISP" if late and n % 2 else "",
            "computed_at": closed,
        }
        for kind, target, elapsed in (
            ("response", 1_800, (n * 37) % 1_700 + (2_000 if late else 60)),
            ("resolution", 28_800, (n * 131) % 28_000 + (9_000 if late else 600)),
        )
    ]
    for clock in clocks:  # the copy the SLA service keeps on the ticket
        ticket[f"{clock['kind']}_sla_state"] = clock["state"]
        ticket[f"{clock['kind']}_business_seconds"] = clock["business_elapsed_seconds"]
    out: dict[str, list[dict[str, Any]]] = {"ticket": [ticket], "ticket_sla": clocks}
    out["time_entry"] = (
        [{"ticket_id": n, "technician_id": 1, "started_at": created, "minutes": 15 + n % 60,
          "billable": n % 3 != 0}]
        if n % 5 == 0 else []
    )  # fmt: skip
    out["csat_response"] = (
        [{"ticket_id": n, "client_id": client, "state": ("answered", "sent", "declined")[n % 3],
          "score": 1 + n % 5 if n % 3 == 0 else None, "recorded_at": closed}]
        if n % 10 == 0 else []
    )  # fmt: skip
    out["ticket_event"] = (
        [{"ticket_id": n, "at": created, "kind": EventKind.ESCALATION, "old_value": "L1",
          "new_value": "L2"}]
        if n % 20 == 0 else []
    )  # fmt: skip
    out["remote_session"] = (
        [{"id": f"00000000-0000-4000-8000-{n:012d}", "client_id": client, "ticket_id": n,
          "method": "ssh_embedded" if n % 2 else "rdp_freerdp", "target_host": "10.0.0.5",
          "target_port": 22, "started_at": created, "outcome": "ended"}]
        if n % 20 == 0 else []
    )  # fmt: skip
    return out


_TABLES = {
    "ticket": Ticket,
    "ticket_sla": TicketSla,
    "time_entry": TimeEntry,
    "csat_response": CsatResponse,
    "ticket_event": TicketEvent,
    "remote_session": RemoteSession,
}


def seed(engine: Engine, tickets: int, big: int) -> None:
    print(f"seeding {tickets:,} tickets into {engine.url.render_as_string()} …", flush=True)
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(
            insert(SlaCalendar),
            [{"id": 1, "name": "Bench 24x7", "timezone": "Europe/Brussels", "always_open": True}],
        )
        conn.execute(
            insert(SlaPolicy),
            [{"id": 1, "name": "Bench", "calendar_id": 1, "is_default": True,
              "pause_categories": [], "pause_applies_to": []}],
        )  # fmt: skip
        conn.execute(
            insert(Client),
            [{"id": c, "name": "Big Client Ltd" if c == BIG_CLIENT else f"Bench client {c:03d}",
              "code": f"B{c}", "status": ClientStatus.LIVE, "timezone": "Europe/Brussels",
              "created_at": _START} for c in range(1, CLIENTS + 1)],
        )  # fmt: skip
        conn.execute(
            insert(Technician),
            [{"id": 1, "name": "Bench Tech", "email": "bench@bench.example",
              "role": Role.TECHNICIAN, "tier": Tier.L1, "active": True, "password_hash": "x",
              "created_at": _START}],
        )  # fmt: skip
        for start in range(1, tickets + 1, _BATCH):
            batch: dict[str, list[dict[str, Any]]] = {name: [] for name in _TABLES}
            for n in range(start, min(start + _BATCH, tickets + 1)):
                for name, rows in _rows(n, tickets, big).items():
                    batch[name].extend(rows)
            for name, model in _TABLES.items():
                if batch[name]:
                    conn.execute(insert(model), batch[name])
    if engine.dialect.name == "postgresql":
        # What autovacuum does on a live desk: statistics, and the visibility map that lets
        # PostgreSQL answer from an index alone.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    print(f"seeded in {time.perf_counter() - t0:.0f} s", flush=True)


def _median_s(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm: both sides then read the same cached pages
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def _raw_kpis(raw: Callable[..., list[Any]], backend: str, client: int | None) -> None:
    """The headline figures in hand-written SQL: the baseline the service is compared with."""
    a, b = (
        _bound(dt.datetime(2026, 9, 30, 22, 0, tzinfo=dt.UTC), backend),
        _bound(dt.datetime(2026, 10, 31, 23, 0, tzinfo=dt.UTC), backend),
    )
    who = "t.client_id = ? AND " if client is not None else ""
    args: tuple[Any, ...] = (client, a, b) if client is not None else (a, b)
    cohort = f"{who}t.created_at >= ? AND t.created_at < ? AND t.merged_into_id IS NULL"
    group = ", t.client_id" if client is None else ""
    outcomes = ", ".join(
        f"sum(CASE WHEN t.{kind}_sla_state = '{state}' THEN 1 ELSE 0 END)"
        for kind in ("response", "resolution")
        for state in ("met", "breached")
    )
    raw(
        f"SELECT count(*), {outcomes}{group} FROM ticket t WHERE {cohort}"
        + (" GROUP BY t.client_id" if client is None else ""),
        args,
    )
    # The percentiles: ranks numbered by a window function, only the wanted ones returned.
    for kind in ("response", "resolution"):
        raw(
            f"SELECT rank, value FROM (SELECT t.{kind}_business_seconds AS value, row_number() "
            f"OVER (ORDER BY t.{kind}_business_seconds) AS rank FROM ticket t WHERE {cohort} "
            f"AND t.{kind}_sla_state IN ('met', 'breached') AND t.{kind}_business_seconds "
            "IS NOT NULL) AS ranked WHERE rank IN (1000, 1001, 1800, 1801)",
            args,
        )


def _bound(value: dt.datetime, backend: str) -> Any:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if backend == "sqlite" else value


def bench(label: str, url: str, repeat: int) -> None:
    engine = create_database_engine(parse_database_target(url))
    out = Path(tempfile.mkdtemp(prefix="helpdesk-report-bench-"))
    branding = Branding("Bench MSP")
    try:
        svc = ReportFiguresService(Database(engine), _Clock())
        raw, close = raw_runner(url, engine.dialect.name)
        backend = engine.dialect.name
        for name, client, target in (
            ("client (big)", BIG_CLIENT, CLIENT_TARGET_S),
            ("all clients", None, ALL_TARGET_S),
        ):
            if client is not None:
                figures = _median_s(partial(svc.client_report, client, PERIOD), repeat)
            else:
                figures = _median_s(partial(svc.all_clients_report, PERIOD), repeat)
            baseline = _median_s(partial(_raw_kpis, raw, backend, client), repeat)
            pdf = _median_s(
                partial(write_report, svc, branding, out / "r.pdf", PERIOD, client), repeat
            )
            csv = _median_s(
                partial(write_report, svc, branding, out / "r.csv", PERIOD, client, kind="csv"),
                repeat,
            )
            verdict = "ok" if pdf <= target else f"OVER {target:.0f} s"
            print(
                f"  {label:10} {name:13} figures {figures * 1000:7.0f} ms"
                f" | raw SQL (headline KPIs) {baseline * 1000:7.0f} ms"
                f" | ratio {figures / baseline:4.1f}x"
                f" | PDF end to end {pdf * 1000:7.0f} ms [{verdict}]"
                f" | CSV end to end {csv * 1000:7.0f} ms",
                flush=True,
            )
        close()
    finally:
        engine.dispose()
        for path in out.iterdir():
            path.unlink()
        out.rmdir()


def sqlite_url(tickets: int, big: int) -> str:
    return seeded_db.sqlite_url(
        f"report-{tickets}-{big}",
        "SELECT count(*) FROM ticket WHERE response_sla_state IS NOT NULL", tickets,
        partial(seed, tickets=tickets, big=big),
    )  # fmt: skip


def postgres_url(tickets: int, big: int) -> contextlib.AbstractContextManager[str | None]:
    return seeded_db.postgres_url("helpdesk_report_bench", partial(seed, tickets=tickets, big=big))


def run(
    backends: Sequence[str], tickets: int = 1_000_000, big: int = 50_000, repeat: int = 3
) -> None:
    print(
        f"reports: October 2026, {tickets:,} tickets over {CLIENTS} clients, {big:,} for the "
        f"big client; median of {repeat}"
    )
    if "sqlite" in backends:
        bench("SQLite", sqlite_url(tickets, big), repeat)
    if "postgresql" in backends:
        with postgres_url(tickets, big) as pg:
            if pg is not None:
                bench("PostgreSQL", pg, repeat)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--big", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-postgresql", action="store_true")
    args = parser.parse_args(argv)
    backends = ["sqlite"] if args.no_postgresql else ["sqlite", "postgresql"]
    run(backends, args.tickets, args.big, args.repeat)


if __name__ == "__main__":
    main()
