"""Benchmark databases at head, seeded once: a SQLite file kept under out/bench/ (reused while its
row count matches) and a throw-away PostgreSQL started like the test fixture."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine

from app.db import create_database_engine, parse_database_target, upgrade_database

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "bench"

Seed = Callable[[Engine], None]


def _migrate_and_seed(target: str, seed: Seed) -> None:
    engine = create_database_engine(parse_database_target(target))
    try:
        upgrade_database(engine, backups_dir=None)
        seed(engine)
    finally:
        engine.dispose()


def sqlite_url(name: str, count_sql: str, rows: int, seed: Seed) -> str:
    """`out/bench/<name>.sqlite`, seeded again unless `count_sql` already returns `rows`."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.sqlite"
    if path.exists():
        with contextlib.closing(sqlite3.connect(path)) as conn:
            try:
                have = conn.execute(count_sql).fetchone()[0]
            except sqlite3.Error:
                have = -1
        if have == rows:
            return f"sqlite:///{path}"
        path.unlink()
    _migrate_and_seed(str(path), seed)
    return f"sqlite:///{path}"


@contextlib.contextmanager
def postgres_url(database: str, seed: Seed) -> Iterator[str | None]:
    """A seeded database on a throw-away server; None (with a message) when none can start."""
    from tests.fixtures.postgres import running_postgres

    try:
        with running_postgres() as server:
            url = server.create_database(database)
            _migrate_and_seed(url, seed)
            yield url
    except BaseException as e:  # pytest's skip/fail outcomes are BaseExceptions
        if type(e).__name__ in ("Skipped", "Failed"):
            print(f"PostgreSQL not available: {e}", flush=True)
            yield None
        else:
            raise
