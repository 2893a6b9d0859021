"""Ticket queue at a million tickets: first and next page through the app vs the same raw SQL.

Run `make bench` or `python -m benchmarks.queue [--tickets N] [--repeat R] [--no-postgresql]`.
The SQLite database is seeded once with `helpdesk demo` and kept under `out/bench/`; PostgreSQL
is seeded in a throw-away server started like the test fixture. Prints medians in milliseconds,
the app/raw ratio, cold start to a usable queue and peak RSS. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "bench"

_SELECT = """
SELECT t.id, t.client_id, c.name, t.subject, t.type, t.priority, t.status, t.tier, t.queue_id,
       q.name, t.assignee_id, a.name, t.contact_id, ct.name, t.created_at, t.updated_at,
       t.version, t.response_due_order, t.resolve_due_order, rs.due_at, rs.state, rv.due_at,
       rv.state, rv.remaining_seconds, coalesce(rv.id, rs.id),
       coalesce(rv.calendar_id, rs.calendar_id), coalesce(rv.calendar_version, rs.calendar_version),
       cal.timezone, {key}
FROM ticket t
JOIN client c ON t.client_id = c.id
LEFT JOIN queue q ON t.queue_id = q.id
LEFT JOIN technician a ON t.assignee_id = a.id
LEFT JOIN contact ct ON t.contact_id = ct.id
LEFT JOIN ticket_sla rs ON rs.ticket_id = t.id AND rs.kind = 'response'
LEFT JOIN ticket_sla rv ON rv.ticket_id = t.id AND rv.kind = 'resolution'
LEFT JOIN sla_calendar cal ON cal.id = coalesce(rv.calendar_id, rs.calendar_id)
WHERE {where}
ORDER BY {key} {direction}, t.id {direction}
LIMIT 201
"""


@dataclass(frozen=True)
class Case:
    """One typical queue: the app's filter and sort, and the same query in raw SQL."""

    name: str
    filter: Any
    sort: Any
    where: Callable[[str], str]  # backend -> WHERE clause
    key: str
    descending: bool


def cases(client_id: int) -> list[Case]:
    from app.models.enums import StatusCategory, Tier
    from app.services.ticket_queue import SortKey, TicketFilter, TicketSort

    def true(backend: str) -> str:
        return "1" if backend == "sqlite" else "true"

    return [
        Case(
            "all open by priority",
            TicketFilter(open_only=True),
            TicketSort(SortKey.PRIORITY),
            lambda b: f"t.is_open = {true(b)}",
            "t.priority",
            False,
        ),
        Case(
            "one client by updated",
            TicketFilter(client_id=client_id),
            TicketSort(SortKey.UPDATED, descending=True),
            lambda b: f"t.client_id = {client_id}",
            "t.updated_at",
            True,
        ),
        Case(
            "unassigned L1",
            TicketFilter(open_only=True, unassigned=True, tier=Tier.L1),
            TicketSort(SortKey.PRIORITY),
            lambda b: f"t.is_open = {true(b)} AND t.assignee_id IS NULL AND t.tier = 'L1'",
            "t.priority",
            False,
        ),
        Case(
            "text search 'printer'",
            TicketFilter(text="printer"),
            TicketSort(SortKey.UPDATED, descending=True),
            lambda b: (
                "(t.subject {op} '%printer%' ESCAPE '\\' OR ct.name {op} '%printer%' ESCAPE '\\')"
            ).format(op="LIKE" if b == "sqlite" else "ILIKE"),
            "t.updated_at",
            True,
        ),
        Case(
            "waiting on customer",
            TicketFilter(status_categories=frozenset({StatusCategory.WAITING_CUSTOMER})),
            TicketSort(SortKey.UPDATED),
            lambda b: "t.status_category = 'waiting_customer'",
            "t.updated_at",
            False,
        ),
    ]


def raw_runner(url: str, backend: str) -> tuple[Callable[..., list[Any]], Callable[[], None]]:
    """Execute SQL text through the bare DB-API driver; returns (run(sql, params), close)."""
    if backend == "sqlite":
        conn = sqlite3.connect(url.removeprefix("sqlite:///"))

        def run_sqlite(sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
            return conn.execute(sql, params).fetchall()

        return run_sqlite, conn.close
    import psycopg

    pg = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)

    def run_pg(sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with pg.cursor() as cur:
            cur.execute(sql.replace("%", "%%").replace("?", "%s"), params)
            return cur.fetchall()

    return run_pg, pg.close


def timed_ms(setup: Callable[[], object], fn: Callable[[], object], repeat: int) -> float:
    """Median of `fn` after an untimed `setup` each round."""
    setup()
    fn()
    samples = []
    for _ in range(repeat):
        setup()
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def bench_backend(label: str, url: str, repeat: int) -> None:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from app.db import Database, create_database_engine, parse_database_target
    from app.services.ticket_queue import TicketQueueService
    from app.tasks import Lane, TaskRunner
    from tests.fakes import InlineExecutor

    from app.views.tickets.queue_model import TicketTableModel

    _ = QApplication.instance() or QApplication([])
    backend = "sqlite" if url.startswith("sqlite") else "postgresql"
    engine = create_database_engine(parse_database_target(url))
    db = Database(engine)
    service = TicketQueueService(db)
    # Inline lanes: the model's page request runs to completion inside set_query()/fetchMore(),
    # so the clock sees the whole app path (runner, service, SQL, DTOs, model insert).
    runner = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    model = TicketTableModel(service, runner)
    run_raw, close_raw = raw_runner(url, backend)
    client_id = int(run_raw("SELECT min(id) FROM client")[0][0])
    print(
        f"  {label:10} {'queue':24} {'first page':>10} {'raw SQL':>9} {'ratio':>6}"
        f" {'next page':>10} {'raw SQL':>9} {'ratio':>6} {'paint 40 rows':>14}"
    )
    for case in cases(client_id):
        direction = "DESC" if case.descending else "ASC"
        where = case.where(backend)
        sql = _SELECT.format(key=case.key, where=where, direction=direction)
        first_rows = run_raw(sql)
        last = first_rows[199]
        op = "<" if case.descending else ">"
        next_sql = _SELECT.format(
            key=case.key, where=f"({where}) AND ({case.key}, t.id) {op} (?, ?)", direction=direction
        )

        def first_page(case: Case = case) -> None:
            model.set_query(case.filter, case.sort)
            assert model.rowCount() == 200

        def reset(case: Case = case) -> None:
            model.set_query(case.filter, case.sort)

        def next_page() -> None:
            model.fetchMore(QModelIndex())
            assert model.rowCount() == 400

        def paint() -> None:
            # What the view asks for on first paint: every column of a screenful of rows.
            for r in range(40):
                for c in range(model.columnCount()):
                    model.data(model.index(r, c))

        app_first = timed_ms(lambda: None, first_page, repeat)
        raw_first = timed_ms(lambda: None, partial(run_raw, sql), repeat)
        app_next = timed_ms(reset, next_page, repeat)
        raw_next = timed_ms(lambda: None, partial(run_raw, next_sql, (last[-1], last[0])), repeat)
        painted = timed_ms(reset, paint, repeat)
        print(
            f"  {label:10} {case.name:24} {app_first:7.2f} ms {raw_first:6.2f} ms"
            f" {app_first / raw_first:6.2f} {app_next:7.2f} ms {raw_next:6.2f} ms"
            f" {app_next / raw_next:6.2f} {painted:11.2f} ms",
            flush=True,
        )
    close_raw()
    runner.shutdown()
    db.dispose()


def cold_start(url: str) -> tuple[float, float]:
    """Seconds from process start to the first queue page on screen, and peak RSS in MB."""
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.queue", "--cold-start-child", url, str(t0)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss = out.stdout.strip().splitlines()[-1].split()
    return float(seconds), float(rss)


def cold_start_child(url: str, t0: float) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.application import wait_until_idle
    from app.bootstrap import build_core
    from app.models.enums import Tier
    from app.settings import Settings
    from app.tasks import ChangeNotifier, TaskRunner

    from app.views.main_window import MainWindow

    app = QApplication([])
    core = build_core(url, OUT / "cold-start-data")
    me = next(t for t in core.directory.lookups().technicians if t.tier is Tier.L1 and t.active)
    runner = TaskRunner()
    settings = Settings(QSettings(str(OUT / "cold-start.ini"), QSettings.Format.IniFormat))
    window = MainWindow(core, runner, ChangeNotifier(), settings, me)
    window.show()
    model = window.queue_view.model
    while model.rowCount() == 0:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.time() - t0
    wait_until_idle(runner)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.3f} {rss_mb:.0f}")
    runner.shutdown()
    core.close()


def seeded_sqlite(tickets: int) -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"queue-{tickets}.sqlite"
    if path.exists():
        with contextlib.closing(sqlite3.connect(path)) as conn:
            have = conn.execute("SELECT count(*) FROM ticket").fetchone()[0]
        if have == tickets:
            return f"sqlite:///{path}"
        path.unlink()
    seed(f"sqlite:///{path}", tickets)
    return f"sqlite:///{path}"


def seed(url: str, tickets: int) -> None:
    print(f"seeding {tickets:,} tickets into {url} …", flush=True)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app", "demo", "--db", url, "--tickets", str(tickets),
         "--data-dir", str(OUT / "seed-data")],
        cwd=ROOT,
        check=True,
    )  # fmt: skip
    print(f"seeded in {time.perf_counter() - t0:.0f} s", flush=True)


@contextlib.contextmanager
def postgres_url(tickets: int) -> Iterator[str | None]:
    from tests.fixtures.postgres import running_postgres

    try:
        with running_postgres() as server:
            url = server.create_database("helpdesk_bench")
            seed(url, tickets)
            with contextlib.closing(server.admin_connection()) as conn:
                conn.execute("CHECKPOINT")
            yield url
    except BaseException as e:  # pytest's skip/fail outcomes are BaseExceptions
        if type(e).__name__ in ("Skipped", "Failed"):
            print(f"PostgreSQL not available: {e}", flush=True)
            yield None
        else:
            raise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=31)
    parser.add_argument("--no-postgresql", action="store_true")
    parser.add_argument(
        "--postgresql-url",
        help="use this already seeded database instead of seeding a throw-away server",
    )
    parser.add_argument("--cold-start-child", nargs=2, metavar=("URL", "T0"))
    args = parser.parse_args()
    if args.cold_start_child:
        cold_start_child(args.cold_start_child[0], float(args.cold_start_child[1]))
        return
    print(f"queue benchmark: {args.tickets:,} tickets, median of {args.repeat} runs")
    bench_all("SQLite", seeded_sqlite(args.tickets), args.repeat)
    if args.postgresql_url:
        bench_all("PostgreSQL", args.postgresql_url, args.repeat)
    elif not args.no_postgresql:
        with postgres_url(args.tickets) as pg:
            if pg is not None:
                bench_all("PostgreSQL", pg, args.repeat)


def bench_all(label: str, url: str, repeat: int) -> None:
    bench_backend(label, url, repeat)
    starts = [cold_start(url) for _ in range(5)]
    print(
        f"  {label:10} cold start to a usable queue {statistics.median(s for s, _ in starts):.2f} s"
        f"   peak RSS {max(r for _, r in starts):.0f} MB",
        flush=True,
    )


if __name__ == "__main__":
    main()
