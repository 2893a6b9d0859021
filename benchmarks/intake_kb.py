"""KB full-text search at 10,000 articles: `KnowledgeBaseService.search` vs the raw FTS query.

Run `python -m benchmarks.intake_kb [--articles N] [--repeat R] [--no-postgresql]`.
Seeds N articles of ~300 words each (a Zipf-distributed IT vocabulary, topic words in titles and
tags, rare error codes sprinkled in a few) by executemany, so the FTS5 triggers and the
PostgreSQL generated tsvector index them as the app would: SQLite in a file kept under
`out/bench/`, PostgreSQL in a throw-away server started like the test fixture. Prints median
and p95 in milliseconds for common, rare and prefix (as-you-type) queries and for suggestions,
next to the bare driver running the bare ranked MATCH / @@ query, measured in the same run, and
their ratio. The issue's target is 50 ms. Nothing here is a pass/fail test.
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
from app.models import Client, KbArticle
from app.models.enums import ClientStatus
from app.services.knowledge_base import KnowledgeBaseService
from benchmarks import seeded_db
from benchmarks.queue import raw_runner

TARGET_MS = 50.0
WORDS_PER_ARTICLE = 300
CLIENTS = 50
_BATCH = 2_000
_T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

TOPICS = (
    "outlook profile password prompt mailbox",
    "vpn tunnel certificate gateway drops",
    "printer spooler queue driver toner",
    "mfa authenticator token reset enrolment",
    "onedrive sync conflict sharepoint library",
    "teams camera microphone meeting audio",
    "wifi access point roaming signal ssid",
    "firewall rule port nat blocked",
    "backup restore snapshot retention job",
    "windows update patch reboot failed",
    "laptop battery dock display monitor",
    "excel macro addin crash workbook",
    "dns resolution record zone forwarder",
    "dhcp scope lease reservation exhausted",
    "active directory account locked group policy",
    "rdp remote desktop gateway session",
    "antivirus quarantine false positive scan",
    "scanner twain driver email scan",
    "phone voip handset sip registration",
    "erp client login licence server",
)
# fmt: off
COMMON = [
    "the", "user", "cannot", "open", "after", "restart", "check", "settings", "account",
    "error", "message", "service", "server", "client", "network", "computer", "application",
    "issue", "version", "install", "update", "log", "file", "folder", "shared", "drive",
    "access", "permission", "admin", "console", "portal", "browser", "chrome", "edge", "cache",
    "profile", "credential", "session", "connection", "timeout", "slow", "performance",
    "memory", "disk", "space", "configure", "enable", "disable", "policy", "device", "registry",
    "command", "script", "powershell", "event", "viewer",
]
# fmt: on
RARE_CODES = [f"0x8007{n:04x}" for n in range(200)] + [f"kb50{n:05d}" for n in range(200)]


class _Clock:
    def now(self) -> dt.datetime:
        return dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _article(n: int, rng: random.Random, vocab: list[str], weights: list[float]) -> dict[str, Any]:
    topic = TOPICS[n % len(TOPICS)].split()
    words = rng.choices(vocab, weights=weights, k=WORDS_PER_ARTICLE)
    for i in range(0, WORDS_PER_ARTICLE, 12):
        words[i] = rng.choice(topic)
    if n % 25 == 0:
        words[rng.randrange(WORDS_PER_ARTICLE)] = RARE_CODES[n // 25 % len(RARE_CODES)]
    sentences = [" ".join(words[i : i + 15]).capitalize() + "." for i in range(0, len(words), 15)]
    title = f"{topic[0].capitalize()} {topic[1]} {rng.choice(topic[2:])} {n}"
    return {
        "id": n,
        "client_id": None if n % 3 else (n % CLIENTS) + 1,
        "title": title,
        "body": "\n\n".join(sentences),
        "category": topic[0].capitalize(),
        "tags": " ".join(dict.fromkeys(rng.sample(topic, 3))),
        "current_version": 1,
        "archived": n % 50 == 0,
        "created_at": _T0,
        "updated_at": _T0,
        "version": 1,
    }


def seed(engine: Engine, articles: int) -> None:
    print(f"seeding {articles:,} articles into {engine.url.render_as_string()} …", flush=True)
    t0 = time.perf_counter()
    rng = random.Random(11)
    vocab = COMMON + sorted({w for t in TOPICS for w in t.split()})
    vocab += [f"{w}{s}" for w in COMMON[:40] for s in ("s", "ed", "ing")]
    weights = [1.0 / (rank + 1) for rank in range(len(vocab))]
    with engine.begin() as conn:
        conn.execute(
            insert(Client),
            [
                {"id": c, "name": f"Bench client {c}", "code": f"K{c}",
                 "status": ClientStatus.LIVE, "timezone": "UTC", "created_at": _T0}
                for c in range(1, CLIENTS + 1)
            ],
        )  # fmt: skip
        for start in range(1, articles + 1, _BATCH):
            rows = [
                _article(n, rng, vocab, weights)
                for n in range(start, min(start + _BATCH, articles + 1))
            ]
            conn.execute(insert(KbArticle), rows)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE")
        else:
            conn.exec_driver_sql("INSERT INTO kb_article_fts(kb_article_fts) VALUES ('optimize')")
        conn.commit()
    print(f"seeded in {time.perf_counter() - t0:.1f} s", flush=True)


_RAW_SQLITE = (
    "SELECT a.id, a.title FROM kb_article_fts JOIN kb_article a ON a.id = kb_article_fts.rowid "
    "WHERE kb_article_fts MATCH ? AND a.archived = 0 ORDER BY bm25(kb_article_fts) LIMIT 20"
)
_RAW_PG = (
    "SELECT id, title FROM kb_article WHERE search_vector @@ to_tsquery('simple', ?) "
    "AND NOT archived ORDER BY ts_rank(search_vector, to_tsquery('simple', ?)) DESC LIMIT 20"
)


def _raw_words(raw_query: Callable[[list[str], bool], None], prefix: bool, q: str) -> None:
    raw_query(q.split(), prefix)


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _time(fn: Callable[[str], object], queries: Sequence[str]) -> tuple[float, float]:
    fn(queries[0])
    samples = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        samples.append((time.perf_counter() - t0) * 1000)
    return _stats(samples)


def bench(label: str, url: str, repeat: int) -> None:
    engine = create_database_engine(parse_database_target(url))
    backend = engine.dialect.name
    try:
        kb = KnowledgeBaseService(Database(engine), _Clock())
        raw, close = raw_runner(url, backend)
        rng = random.Random(5)

        def raw_query(words: list[str], prefix: bool) -> None:
            if backend == "sqlite":
                parts = [f'"{w}"' for w in words]
                if prefix:
                    parts[-1] += "*"
                raw(_RAW_SQLITE, (" ".join(parts),))
            else:
                parts = list(words)
                if prefix:
                    parts[-1] += ":*"
                q = " & ".join(parts)
                raw(_RAW_PG, (q, q))

        cases: list[tuple[str, list[str], bool]] = [
            ("common word", [rng.choice(COMMON[:20]) for _ in range(repeat)], False),
            ("two topic words", [" ".join(rng.choice(TOPICS).split()[:2]) for _ in range(repeat)],
             False),
            ("rare code", [rng.choice(RARE_CODES) for _ in range(repeat)], False),
            ("prefix as typed", [rng.choice(TOPICS).split()[0][:3] for _ in range(repeat)], True),
        ]  # fmt: skip
        assert kb.search("password"), "seeded articles not found"
        rows: list[tuple[str, tuple[float, float], tuple[float, float] | None]] = []

        def app_search(q: str) -> object:
            return kb.search(q, limit=20, every_client=True)

        for name, queries, prefix in cases:
            app = _time(app_search, queries)
            base = _time(partial(_raw_words, raw_query, prefix), queries)
            rows.append((f"search: {name}", app, base))
        descriptions = [
            f"Since this morning the {' '.join(rng.choice(TOPICS).split()[:3])} fails for the "
            "user after restart, error on login"
            for _ in range(repeat)
        ]
        rows.append(("suggest(description)", _time(lambda d: kb.suggest(d, 1), descriptions), None))
        close()
    finally:
        engine.dispose()
    for name, (app_med, app_p95), raw_stats in rows:
        verdict = "ok" if app_med <= TARGET_MS else f"OVER {TARGET_MS:.0f} ms"
        line = f"  {label:10} {name:26} app median {app_med:6.2f} ms  p95 {app_p95:6.2f} ms"
        if raw_stats is not None:
            raw_med, raw_p95 = raw_stats
            line += f" | raw SQL median {raw_med:6.2f} ms  p95 {raw_p95:6.2f} ms"
            line += f" | ratio {app_med / raw_med:5.1f}x"
        print(f"{line}  [{verdict}]", flush=True)


def sqlite_url(articles: int) -> str:
    return seeded_db.sqlite_url(
        f"intake-kb-{articles}",
        "SELECT count(*) FROM kb_article",
        articles,
        partial(seed, articles=articles),
    )


def postgres_url(articles: int) -> contextlib.AbstractContextManager[str | None]:
    return seeded_db.postgres_url("helpdesk_kb_bench", partial(seed, articles=articles))


def run(backends: Sequence[str] = ("sqlite", "postgresql"), articles: int = 10_000,
        repeat: int = 101) -> None:  # fmt: skip
    """Seed and time each backend in `backends` ("sqlite", "postgresql")."""
    print(f"KB search: {articles:,} articles of ~{WORDS_PER_ARTICLE} words, {repeat} queries "
          "per case")  # fmt: skip
    if "sqlite" in backends:
        bench("SQLite", sqlite_url(articles), repeat)
    if "postgresql" in backends:
        with postgres_url(articles) as pg:
            if pg is not None:
                bench("PostgreSQL", pg, repeat)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=101)
    parser.add_argument("--no-postgresql", action="store_true")
    args = parser.parse_args(argv)
    backends = ["sqlite"] if args.no_postgresql else ["sqlite", "postgresql"]
    run(backends, args.articles, args.repeat)


if __name__ == "__main__":
    main()
