"""Connectivity probes in bulk (remote.md §8): 100 loopback targets against the per-probe limit.

Run `python -m benchmarks.probes [--targets N] [--timeout S]`. A third of the targets answer as
RDP (NEG_RSP TLS), a third as SSH, and a third are tarpits that accept and stay silent, so the
bulk run is as slow as its slowest probe. Prints wall time next to the budget (timeout + 1 s,
remote.md §8) with PASS or MISS; figures only, it never fails the run.
"""

from __future__ import annotations

import argparse
import collections
import time

from app.remote.probe import probe_many
from app.remote.target import Target
from tests.remote.responders import Responder, ssh_banner, tarpit, x224_confirm, x224_play


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--targets", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=2.0, help="per-probe total, seconds")
    args = parser.parse_args()

    with (
        Responder(x224_play(x224_confirm(2, 1), tls=True)).use_tls() as rdp,
        Responder(ssh_banner()) as ssh,
        Responder(tarpit) as pit,
    ):
        kinds = [("rdp", rdp.port), ("ssh", ssh.port), ("rdp", pit.port)]
        targets = [
            Target(kinds[i % 3][0], "127.0.0.1", kinds[i % 3][1])  # type: ignore[arg-type]
            for i in range(args.targets)
        ]
        start = time.monotonic()
        results = probe_many(targets, timeout=args.timeout)
        wall = time.monotonic() - start

    budget = args.timeout + 1.0
    outcomes = collections.Counter(f"{r.outcome}/{r.layer or '-'}" for r in results)
    latencies = sorted(r.latency_ms for r in results if r.outcome == "ok")
    print(f"targets            {len(targets)}")
    print(f"per-probe timeout  {args.timeout:.2f} s")
    verdict = "PASS" if wall <= budget else "MISS"
    print(f"wall time          {wall:.3f} s   (budget {budget:.2f} s) {verdict}")
    if latencies:
        median = latencies[len(latencies) // 2]
        print(f"ok latency         median {median:.1f} ms, max {latencies[-1]:.1f} ms")
    for key, count in sorted(outcomes.items()):
        print(f"  {key:<28} {count}")


if __name__ == "__main__":
    main()
