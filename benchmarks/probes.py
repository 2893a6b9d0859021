"""Connectivity probes in bulk (remote.md §8): 100 loopback targets against the per-probe limit.

Run `python -m benchmarks.probes [--targets N] [--timeout S] [--no-gui]`. A third of the targets
answer as RDP (NEG_RSP TLS), a third as SSH, and a third are tarpits that accept and stay silent,
so the bulk run is as slow as its slowest probe. Prints wall time next to the budget
(timeout + 1 s, remote.md §8) with PASS or MISS.

Then the same bulk run again, the way the app runs it: one `TaskRunner` task on `Lane.REMOTE`
(as the readiness panel runs `ConnectivityTester`), with a Qt event loop on this thread. A 5 ms
`QTimer` repaints a label and records the gap between its ticks; the largest gap is the longest
the GUI thread was blocked. Prints the max and 99th-percentile gap against 50 ms, and the wall
time from submitting the task to its result arriving on the GUI thread. Figures only: nothing
here fails the run except a crash.
"""

from __future__ import annotations

import argparse
import collections
import math
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from app.remote.probe import ProbeResult, probe_many
from app.remote.target import Target
from tests.remote.responders import Responder, ssh_banner, tarpit, x224_confirm, x224_play

#: A frame longer than this is a visible stutter (three missed 60 Hz frames).
GUI_GAP_LIMIT_MS = 50.0
#: The heartbeat: well under one frame, so a blocked event loop shows as a long gap.
TICK_MS = 5


@dataclass(frozen=True)
class GuiRun:
    """What the GUI thread saw while the bulk probe ran as a `TaskRunner` task."""

    results: list[ProbeResult]
    #: From `TaskRunner.run()` to `on_success` running on the GUI thread, seconds.
    wall: float
    #: Gaps between heartbeat ticks while the task ran, milliseconds.
    gaps_ms: list[float]
    error: BaseException | None = None


def _percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def _print_bulk(label: str, results: list[ProbeResult], wall: float, timeout: float) -> None:
    budget = timeout + 1.0
    outcomes = collections.Counter(f"{r.outcome}/{r.layer or '-'}" for r in results)
    latencies = sorted(r.latency_ms for r in results if r.outcome == "ok")
    verdict = "PASS" if wall <= budget else "MISS"
    print(f"{label:<19}{wall:.3f} s   (budget {budget:.2f} s) {verdict}")
    if latencies:
        median = latencies[len(latencies) // 2]
        print(f"ok latency         median {median:.1f} ms, max {latencies[-1]:.1f} ms")
    for key, count in sorted(outcomes.items()):
        print(f"  {key:<28} {count}")


def run_in_gui(targets: Sequence[Target], timeout: float) -> GuiRun:
    """Run `probe_many(targets)` as the app does, on `Lane.REMOTE`, and time the GUI heartbeat."""
    # Qt is imported here so the plain bulk figures need no display or Qt platform plugin.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    from app.tasks import Lane, TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    label = QLabel("Testing remote methods…")
    label.show()
    gaps_ms: list[float] = []
    last_tick = [0.0]
    outcome: dict[str, object] = {}
    started = [0.0]
    wall = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        gaps_ms.append((now - last_tick[0]) * 1000.0)
        last_tick[0] = now
        # Some real GUI work per tick, as a busy indicator would do.
        label.setText(f"Testing remote methods… {len(gaps_ms)}")
        label.repaint()

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(TICK_MS)
    heartbeat.timeout.connect(tick)

    def finish(key: str, value: object) -> None:
        wall[0] = time.perf_counter() - started[0]
        outcome[key] = value
        heartbeat.stop()
        app.quit()

    def start() -> None:
        started[0] = last_tick[0] = time.perf_counter()
        heartbeat.start()
        runner.run(
            partial(probe_many, list(targets), timeout, threading.Event()),
            lane=Lane.REMOTE,
            owner=None,
            key="bench:bulk",
            on_success=partial(finish, "results"),
            on_failure=partial(finish, "error"),
        )

    # Started from inside the event loop, so the first gap is not the loop's start-up.
    QTimer.singleShot(0, start)
    # A safety net: a hung task ends the run instead of the benchmark hanging for ever.
    QTimer.singleShot(int((timeout + 30.0) * 1000), partial(finish, "error", TimeoutError()))
    app.exec()
    runner.shutdown(wait_seconds=5.0)
    label.close()
    results = outcome.get("results")
    error = outcome.get("error")
    return GuiRun(
        results=list(results) if isinstance(results, list) else [],
        wall=wall[0],
        gaps_ms=gaps_ms,
        error=error if isinstance(error, BaseException) else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--targets", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=2.0, help="per-probe total, seconds")
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI responsiveness run")
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
        gui = None if args.no_gui else run_in_gui(targets, args.timeout)

    print(f"targets            {len(targets)}")
    print(f"per-probe timeout  {args.timeout:.2f} s")
    _print_bulk("wall time", results, wall, args.timeout)
    if gui is None:
        return
    print()
    print(f"GUI thread         {TICK_MS} ms heartbeat while the same bulk run is a TaskRunner task")
    if gui.error is not None:
        print(f"task failed        {type(gui.error).__name__}: {gui.error}")
        return
    _print_bulk("task wall time", gui.results, gui.wall, args.timeout)
    if not gui.gaps_ms:
        print("heartbeat          no ticks recorded")
        return
    gaps = sorted(gui.gaps_ms)
    worst, p99 = gaps[-1], _percentile(gaps, 0.99)
    verdict = "PASS" if worst < GUI_GAP_LIMIT_MS else "MISS"
    print(f"heartbeat ticks    {len(gaps)}   (median gap {_percentile(gaps, 0.5):.1f} ms)")
    print(f"max gap            {worst:.1f} ms   (limit {GUI_GAP_LIMIT_MS:.0f} ms) {verdict}")
    p99_verdict = "PASS" if p99 < GUI_GAP_LIMIT_MS else "MISS"
    print(f"p99 gap            {p99:.1f} ms   (limit {GUI_GAP_LIMIT_MS:.0f} ms) {p99_verdict}")


if __name__ == "__main__":
    main()
