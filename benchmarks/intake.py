"""Intake speed (issue 7): entitlement lookup among 1,000,000 assets and by contract number
(target ≤ 10 ms), KB search among 10,000 articles (≤ 50 ms), routing 1,000 new tickets through
200 rules (≤ 1 s). Each part prints its medians and the ratio against the raw SQL or the bare
engine measured in the same run; nothing here passes or fails.

Run `make bench` or `python -m benchmarks.intake [--no-postgresql] [--quick]`; each part also
runs alone (`python -m benchmarks.intake_entitlement`, `.intake_kb`, `.intake_routing`).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from benchmarks import intake_entitlement, intake_kb, intake_routing


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-postgresql", action="store_true", help="SQLite only")
    parser.add_argument("--quick", action="store_true", help="a tenth of the data, for a smoke run")
    args = parser.parse_args(argv)
    backends = ["sqlite"] if args.no_postgresql else ["sqlite", "postgresql"]
    scale = 10 if args.quick else 1
    intake_entitlement.run(backends, assets=1_000_000 // scale)
    print()
    intake_kb.run(backends, articles=10_000 // scale)
    print()
    intake_routing.run(n_tickets=1000, n_creates=1000 // scale)


if __name__ == "__main__":
    main()
