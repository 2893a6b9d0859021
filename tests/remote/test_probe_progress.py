"""`probe_many`'s per-result callback: progress for a bulk run, against loopback responders."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from app.remote.probe import ProbeResult, Timeouts, probe_many
from app.remote.target import Target
from tests.remote.responders import Responder, refused_port, ssh_banner, tarpit

#: The silent server answers nothing: its probe ends at the read limit, well after the others.
SLOW = Timeouts(dns=1.0, connect=0.5, read=0.8, total=1.2)


@pytest.fixture
def pit_and_ssh() -> Iterator[tuple[int, int]]:
    with Responder(tarpit) as pit, Responder(ssh_banner()) as ssh:
        yield pit.port, ssh.port


def test_probe_many_reports_each_result_as_it_finishes(pit_and_ssh: tuple[int, int]) -> None:
    pit, ssh = pit_and_ssh
    targets = [
        Target("rdp", "127.0.0.1", pit),
        Target("ssh", "127.0.0.1", ssh),
        Target("ssh", "127.0.0.1", refused_port()),
    ]
    seen: list[tuple[int, str, float, str]] = []
    start = time.monotonic()

    def on_result(index: int, result: ProbeResult) -> None:
        seen.append(
            (index, result.outcome, time.monotonic() - start, threading.current_thread().name)
        )

    results = probe_many(targets, SLOW.total, timeouts=SLOW, on_result=on_result)
    elapsed = time.monotonic() - start

    assert sorted(i for i, *_ in seen) == [0, 1, 2], "once per target"
    # The quick ones are reported while the silent one still runs, the silent one last.
    assert {i for i, *_ in seen[:2]} == {1, 2}
    assert seen[-1][:2] == (0, "warning")
    assert max(t for i, _o, t, _n in seen if i != 0) < 0.5 < elapsed
    # On the caller's thread, and with the results the list returns.
    assert {name for *_, name in seen} == {threading.current_thread().name}
    assert [r.outcome for r in results] == ["warning", "ok", "failed"]
    assert {i: o for i, o, *_ in seen} == {0: "warning", 1: "ok", 2: "failed"}


def test_probe_many_reports_cancelled_probes_once(pit_and_ssh: tuple[int, int]) -> None:
    pit, ssh = pit_and_ssh
    cancel = threading.Event()
    seen: list[ProbeResult] = []

    def on_result(index: int, result: ProbeResult) -> None:
        seen.append(result)
        if result.outcome == "ok":
            cancel.set()  # the quick one is in: stop the silent ones

    start = time.monotonic()
    results = probe_many(
        [Target("ssh", "127.0.0.1", ssh)] + [Target("rdp", "127.0.0.1", pit)] * 3,
        5.0,
        cancel,
        on_result=on_result,
    )

    assert time.monotonic() - start < 1.0
    assert len(seen) == 4
    assert [r.layer for r in results] == [None, "cancelled", "cancelled", "cancelled"]
    assert sorted(r.layer or "" for r in seen) == ["", "cancelled", "cancelled", "cancelled"]


def test_probe_many_without_on_result_keeps_its_order(pit_and_ssh: tuple[int, int]) -> None:
    pit, ssh = pit_and_ssh
    results = probe_many(
        [Target("rdp", "127.0.0.1", pit), Target("ssh", "127.0.0.1", ssh)], timeouts=SLOW
    )
    assert [r.target.port for r in results] == [pit, ssh]
    assert probe_many([], 1.0, on_result=lambda i, r: pytest.fail("no targets")) == []
