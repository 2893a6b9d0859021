"""`ConnectivityTester.test`'s progress and the probe facts it leaves on each method's status."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from app.db import Database
from app.remote.probe import Timeouts
from app.services.connectivity import ConnectivityService, ConnectivityTester
from app.services.onboarding import OnboardingService
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock
from tests.remote.responders import Responder, refused_port, ssh_banner, tarpit

FAST = Timeouts(dns=2.0, connect=1.0, read=0.6, total=1.0)


@pytest.fixture
def ports() -> Iterator[tuple[int, int]]:
    """An SSH banner and a silent server (its hello times out) on 127.0.0.1."""
    with Responder(ssh_banner()) as ssh, Responder(tarpit) as pit:
        yield ssh.port, pit.port


def _client(db: Database, clock: FakeClock, ssh: int, pit: int) -> tuple[int, int]:
    tech = add_technician(db, "Ann Tech")
    client = add_client(db)
    raw = {
        "rdp": [{"host": "127.0.0.1", "port": str(pit)}],
        "ssh": [{"host": "127.0.0.1", "port": str(ssh), "auth": "key"},
                {"host": "127.0.0.1", "port": str(refused_port()), "auth": "key"}],
        "vpn": [{"type": "wireguard", "endpoint": "vpn.acme.example"}],
    }  # fmt: skip
    OnboardingService(db, clock).save_section(client, "remote", raw, None, tech)
    return client, tech


def test_remote_test_progress_counts_every_method_once(
    db: Database, clock: FakeClock, ports: tuple[int, int]
) -> None:
    client, tech = _client(db, clock, *ports)
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total, threading.current_thread().name))

    statuses = ConnectivityTester(db, clock, FAST).test(client, tech, progress=progress)

    # Three probed methods (the VPN is not): done climbs 1, 2, 3 on the calling thread.
    assert [(d, t) for d, t, _ in calls] == [(1, 3), (2, 3), (3, 3)]
    assert {name for *_, name in calls} == {threading.current_thread().name}
    probes = {m.kind + ":" + (m.probe.outcome if m.probe else "-") for m in statuses}
    assert probes == {"rdp:warning", "ssh:ok", "ssh:failed", "vpn:-"}
    failed = next(m for m in statuses if m.probe and m.probe.outcome == "failed")
    assert failed.probe is not None
    assert failed.probe.layer == "tcp_refused"
    assert failed.probe.latency_ms is not None
    assert failed.probe.summary.startswith("TCP refused; ")
    assert failed.probe.summary.endswith(" ms")
    silent = next(m for m in statuses if m.kind == "rdp")
    assert silent.probe is not None
    assert (silent.probe.layer, silent.outcome) == ("timeout", "failed")
    assert silent.probe.latency_ms is not None and silent.probe.latency_ms >= 500
    assert ConnectivityService(db, clock).methods(client) == statuses


def test_remote_test_progress_stops_at_a_cancel(
    db: Database, clock: FakeClock, ports: tuple[int, int]
) -> None:
    """Cancelled probes are neither counted nor recorded; the finished ones are both."""
    client, tech = _client(db, clock, *ports)
    cancel = threading.Event()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done == 2:
            cancel.set()  # the SSH ones are in; the silent RDP server is still quiet

    statuses = ConnectivityTester(db, clock, Timeouts(read=5.0, total=6.0)).test(
        client, tech, cancel=cancel, progress=progress
    )

    assert calls == [(1, 3), (2, 3)]
    assert {m.kind: m.outcome for m in statuses if m.kind != "ssh"} == {"rdp": None, "vpn": None}
    assert sorted(str(m.outcome) for m in statuses if m.kind == "ssh") == ["failed", "ok"]


def test_a_manual_result_after_a_probe_carries_no_probe_facts(
    db: Database, clock: FakeClock, ports: tuple[int, int]
) -> None:
    client, tech = _client(db, clock, *ports)
    tester = ConnectivityTester(db, clock, FAST)
    ssh_key = next(m.method_key for m in tester.test(client, tech) if m.kind == "ssh")
    service = ConnectivityService(db, clock)
    service.record(client, ssh_key, "failed", tech, detail="firewall change pending")
    manual = next(m for m in service.methods(client) if m.method_key == ssh_key)
    assert (manual.outcome, manual.probe) == ("failed", None)
