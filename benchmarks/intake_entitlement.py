"""Entitlement lookup at a million assets: `EntitlementService.find` vs the raw indexed SELECT.

Run `python -m benchmarks.intake_entitlement [--assets N] [--repeat R] [--no-postgresql]`.
Seeds 1,000,000 assets, 20,000 contracts over 2,000 clients (one contact each) by executemany:
SQLite in a file kept under `out/bench/`, PostgreSQL in a throw-away server started like the test
fixture. Prints median and p95 in milliseconds of `find(serial)` and `find(contract number)`
next to the bare driver running the one indexed SELECT a lookup needs, measured in the same run,
and their ratio. The issue's target is 10 ms for each lookup. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from sqlalchemy import Engine, insert

from app.db import Database, create_database_engine, parse_database_target
from app.models import Asset, Client, Contact, Contract, SlaCalendar, SlaPolicy
from app.models.entitlement import normalise_key
from app.models.enums import ClientStatus
from app.services.entitlement import EntitlementService
from benchmarks import seeded_db
from benchmarks.queue import raw_runner

CLIENTS = 2_000
CONTRACTS_PER_CLIENT = 10
TARGET_MS = 10.0
_BATCH = 50_000
_T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

_RAW_SERIAL = (
    "SELECT a.id, a.client_id, c.name, a.contract_id FROM asset a "
    "JOIN client c ON c.id = a.client_id WHERE a.serial_key = ? LIMIT 20"
)
_RAW_CONTRACT = (
    "SELECT k.id, k.client_id, c.name FROM contract k "
    "JOIN client c ON c.id = k.client_id WHERE k.number_key = ? LIMIT 20"
)


class _Clock:
    def now(self) -> dt.datetime:
        return dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def serial(n: int) -> str:
    return f"5CG-{n:08d}-X"


def contract_number(n: int) -> str:
    return f"MSP-{n:06d}"


def seed(engine: Engine, assets: int) -> None:
    """Everything by executemany in batches; ids are assigned here so rows can refer to them."""
    print(f"seeding {assets:,} assets into {engine.url.render_as_string()} …", flush=True)
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(SlaCalendar), [{"id": 1, "name": "Bench 24x7", "timezone": "UTC",
                                             "always_open": True}])  # fmt: skip
        conn.execute(
            insert(SlaPolicy),
            [{"id": 1, "name": "Bench", "calendar_id": 1, "is_default": True,
              "pause_categories": [], "pause_applies_to": []}],
        )  # fmt: skip
        conn.execute(
            insert(Client),
            [
                {"id": c, "name": f"Bench client {c}", "code": f"B{c}",
                 "status": ClientStatus.LIVE, "timezone": "Europe/Brussels", "created_at": _T0}
                for c in range(1, CLIENTS + 1)
            ],
        )  # fmt: skip
        conn.execute(
            insert(Contact),
            [
                {"id": c, "client_id": c, "name": f"Caller {c}", "email": f"c{c}@bench.example",
                 "phone": f"+32 475 {c:06d}"}
                for c in range(1, CLIENTS + 1)
            ],
        )  # fmt: skip
        contracts = CLIENTS * CONTRACTS_PER_CLIENT
        conn.execute(
            insert(Contract),
            [
                {"id": k, "client_id": (k - 1) % CLIENTS + 1, "policy_id": 1, "name": f"C{k}",
                 "number": contract_number(k), "number_key": normalise_key(contract_number(k)),
                 "valid_from": dt.date(2025, 1, 1), "exclusions": []}
                for k in range(1, contracts + 1)
            ],
        )  # fmt: skip
        for start in range(1, assets + 1, _BATCH):
            conn.execute(
                insert(Asset),
                [
                    {"id": n, "client_id": (n - 1) % CLIENTS + 1,
                     "contract_id": (n - 1) % contracts + 1, "serial": serial(n),
                     "serial_key": normalise_key(serial(n)), "asset_tag": "", "tag_key": "",
                     "created_at": _T0}
                    for n in range(start, min(start + _BATCH, assets + 1))
                ],
            )  # fmt: skip
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    print(f"seeded in {time.perf_counter() - t0:.0f} s", flush=True)


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _time(fn: Callable[[str], object], keys: Sequence[str]) -> tuple[float, float]:
    # One untimed pass first: both sides then read the same warm index pages, so the ratio is
    # the app's own cost rather than whichever side ran first on a cold cache.
    for key in keys:
        fn(key)
    samples = []
    for key in keys:
        t0 = time.perf_counter()
        fn(key)
        samples.append((time.perf_counter() - t0) * 1000)
    return _stats(samples)


def bench(label: str, url: str, assets: int, repeat: int) -> None:
    engine = create_database_engine(parse_database_target(url))
    try:
        svc = EntitlementService(Database(engine), _Clock())
        raw, close = raw_runner(url, engine.dialect.name)
        rng = random.Random(7)
        contracts = CLIENTS * CONTRACTS_PER_CLIENT
        serials = [serial(rng.randint(1, assets)) for _ in range(repeat)]
        numbers = [contract_number(rng.randint(1, contracts)) for _ in range(repeat)]
        assert svc.find(serials[0])[0].matched == serials[0], "seeded serial not found"
        rows: list[tuple[str, tuple[float, float], tuple[float, float]]] = [
            (
                "find(serial)",
                _time(svc.find, serials),
                _time(lambda s: raw(_RAW_SERIAL, (normalise_key(s),)), serials),
            ),
            (
                "find(contract number)",
                _time(svc.find, numbers),
                _time(lambda s: raw(_RAW_CONTRACT, (normalise_key(s),)), numbers),
            ),
        ]
        close()
    finally:
        engine.dispose()
    for name, (app_med, app_p95), (raw_med, raw_p95) in rows:
        verdict = "ok" if app_med <= TARGET_MS else f"OVER {TARGET_MS:.0f} ms"
        print(
            f"  {label:10} {name:22} app median {app_med:6.2f} ms  p95 {app_p95:6.2f} ms"
            f" | raw SQL median {raw_med:6.3f} ms  p95 {raw_p95:6.3f} ms"
            f" | ratio {app_med / raw_med:5.1f}x  [{verdict}]",
            flush=True,
        )


def sqlite_url(assets: int) -> str:
    return seeded_db.sqlite_url(
        f"intake-entitlement-{assets}",
        "SELECT count(*) FROM asset",
        assets,
        partial(seed, assets=assets),
    )


def postgres_url(assets: int) -> contextlib.AbstractContextManager[str | None]:
    return seeded_db.postgres_url("helpdesk_intake_bench", partial(seed, assets=assets))


def run(backends: Sequence[str], assets: int = 1_000_000, repeat: int = 201) -> None:
    """Seed and time each backend in `backends` ("sqlite", "postgresql")."""
    print(f"entitlement lookup: {assets:,} assets, {CLIENTS * CONTRACTS_PER_CLIENT:,} contracts,"
          f" {repeat} random keys per case")  # fmt: skip
    if "sqlite" in backends:
        bench("SQLite", sqlite_url(assets), assets, repeat)
    if "postgresql" in backends:
        with postgres_url(assets) as pg:
            if pg is not None:
                bench("PostgreSQL", pg, assets, repeat)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--assets", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=201)
    parser.add_argument("--no-postgresql", action="store_true")
    args = parser.parse_args(argv)
    backends: list[Any] = ["sqlite"] if args.no_postgresql else ["sqlite", "postgresql"]
    run(backends, args.assets, args.repeat)


if __name__ == "__main__":
    main()
