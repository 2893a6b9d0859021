"""Connectivity tests on screen: the readiness panel's progress bar and cancel (probes on a real
worker thread), and the data-capture form's automatic test after the remote section is saved."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from argon2 import PasswordHasher

from PySide6.QtWidgets import QLabel

from app.db import Changes, Database
from app.remote.probe import Timeouts
from app.services.caller_verification import CallerVerificationService
from app.services.connectivity import ConnectivityService, ConnectivityTester, MethodStatus
from app.services.directory import DirectoryService, TechnicianRow
from app.services.onboarding import OnboardingService
from app.services.onboarding_checklist import ChecklistService
from app.services.onboarding_score import CompletenessService
from app.services.sla_store import SlaStore
from app.tasks import ChangeNotifier, Lane, TaskRunner
from tests.factories import add_client
from tests.fakes import FakeClock, InlineExecutor
from tests.remote.responders import Responder, refused_port, ssh_banner, tarpit

from app.views.onboarding import OnboardingView
from app.views.onboarding.remote_autotest import moved_methods
from app.views.onboarding_status.probe_progress import ProbeProgressBar, run_summary
from app.views.onboarding_status.readiness_panel import ClientReadinessPanel
from app.views.onboarding_status.rows_model import RowsTableModel

#: The silent server's probe lasts until the read limit: long enough to watch a step.
#: The silent server holds a run open for 3 s: room for a loaded CI machine to see each step.
SLOW = Timeouts(dns=1.0, connect=0.5, read=3.0, total=3.5)
FAST = Timeouts(dns=1.0, connect=0.5, read=0.5, total=1.0)


@pytest.fixture
def ports() -> Iterator[tuple[int, int]]:
    """An SSH banner and a silent server (a tarpit) on 127.0.0.1."""
    with Responder(ssh_banner()) as ssh, Responder(tarpit) as pit:
        yield ssh.port, pit.port


@pytest.fixture
def threaded_runner(qtbot) -> Iterator[TaskRunner]:
    """Probes on a real worker thread; reads and writes inline. One remote worker: the test's
    database is a single connection that two tasks must not share."""
    pool = ThreadPoolExecutor(1, thread_name_prefix="test-remote")
    runner = TaskRunner(
        executors={Lane.READ: InlineExecutor(), Lane.WRITE: InlineExecutor(), Lane.REMOTE: pool}
    )
    yield runner
    runner.shutdown()
    pool.shutdown(wait=True)


def _save_remote(db: Database, clock: FakeClock, me: TechnicianRow, raw: dict[str, Any]) -> int:
    client_id = add_client(db, "Acme NV")
    OnboardingService(db, clock).save_section(client_id, "remote", raw, None, me.technician_id)
    return client_id


def _panel(
    qtbot, db, clock, runner, notifier, me, timeouts: Timeouts, client_id: int
) -> ClientReadinessPanel:
    panel = ClientReadinessPanel(
        ChecklistService(db, clock, SlaStore(db)),
        CompletenessService(db, clock),
        ConnectivityService(db, clock),
        CallerVerificationService(db, clock, PasswordHasher(time_cost=1, memory_cost=8)),
        DirectoryService(db),
        runner,
        notifier,
        me.technician_id,
        today=lambda: dt.date(2026, 12, 1),
        tester=ConnectivityTester(db, clock, timeouts),
    )
    qtbot.addWidget(panel)
    panel.show()
    panel.set_client(client_id)
    qtbot.waitUntil(lambda: panel.method_model.rowCount() > 0, timeout=2000)
    return panel


def _rows(model: RowsTableModel) -> dict[str, tuple[str, ...]]:
    """Each method's cells, by its address and port-less kind: "SSH", "RDP"."""
    return {row.cells[0]: row.cells for row in model.rows()}


def test_remote_test_all_shows_progress_from_the_worker_then_hides(
    qtbot, db, clock, notifier, me, threaded_runner, ports, monkeypatch
) -> None:
    ssh, pit = ports
    advanced_on: list[threading.Thread] = []
    original = ProbeProgressBar.advance

    def advance(bar: ProbeProgressBar, done: int, total: int) -> None:
        advanced_on.append(threading.current_thread())
        original(bar, done, total)

    monkeypatch.setattr(ProbeProgressBar, "advance", advance)
    client_id = _save_remote(db, clock, me, {
        "ssh": [{"host": "127.0.0.1", "port": str(ssh), "auth": "key"}],
        "rdp": [{"host": "127.0.0.1", "port": str(pit)}],
    })  # fmt: skip
    panel = _panel(qtbot, db, clock, threaded_runner, notifier, me, SLOW, client_id)
    bar = panel.test_progress
    assert not bar.isVisible()
    steps: list[tuple[int, int]] = []

    panel.test_all_button.click()

    assert bar.isVisible() and panel.cancel_test_button.isVisible()
    assert not panel.test_all_button.isEnabled()
    # The SSH banner answers at once; the silent RDP server holds the run open meanwhile.
    qtbot.waitUntil(lambda: bar.text() == "Testing 1 of 2…", timeout=2500)
    steps.append((bar.value(), bar.maximum()))
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=6000)
    assert steps == [(1, 2)]
    # The worker reported both steps; the bar heard them on the GUI thread.
    assert advanced_on == [threading.main_thread()] * 2
    assert not panel.cancel_test_button.isVisible()
    assert panel.test_all_button.isEnabled()

    rows = _rows(panel.method_model)
    assert rows["SSH"][2] == "OK"
    assert rows["SSH"][5].startswith("OK — ")
    assert rows["SSH"][5].endswith(" ms; SSH-2.0-OpenSSH_9.6 FakeResponder; 127.0.0.1")
    # The silent server: TCP was fine, the hello was not; the row says where and how long.
    assert rows["RDP"][2] == "Warning"
    assert rows["RDP"][5].startswith("Warning at time-out (no answer) — port open, no answer")
    rdp_row = next(r for r in panel.method_model.rows() if r.cells[0] == "RDP")
    assert rdp_row.tooltip.startswith("Last verified ")
    assert f"by {me.name}: Warning at time-out" in rdp_row.tooltip
    assert rdp_row.cell_tones[2] == "warn"


def test_remote_tests_cancelled_mid_run_keep_the_finished_results(
    qtbot, db, clock, notifier, me, threaded_runner, ports
) -> None:
    ssh, pit = ports
    client_id = _save_remote(db, clock, me, {
        "ssh": [{"host": "127.0.0.1", "port": str(ssh), "auth": "key"}],
        "rdp": [{"host": "127.0.0.1", "port": str(pit)},
                {"host": "127.0.0.1", "port": str(pit), "gateway": ""}],
    })  # fmt: skip
    # The silent servers would keep the run going for 10 s: only the cancel ends it sooner.
    slow = Timeouts(dns=1.0, connect=0.5, read=10.0, total=11.0)
    panel = _panel(qtbot, db, clock, threaded_runner, notifier, me, slow, client_id)
    bar = panel.test_progress

    panel.test_all_button.click()
    # Generous limits for a loaded CI machine; the silent servers hold the run for 10 s.
    qtbot.waitUntil(lambda: bar.text() == "Testing 1 of 3…", timeout=4000)
    panel.cancel_test_button.click()
    assert bar.text() == "Cancelling…"
    qtbot.waitUntil(lambda: threaded_runner.in_flight == 0, timeout=3000)

    assert bar.isVisible()
    assert bar.text() == "Cancelled: 1 of 3 tested"
    assert not panel.cancel_test_button.isVisible()
    assert panel.test_all_button.isEnabled()
    kinds = [(r.cells[0], r.cells[2]) for r in panel.method_model.rows()]
    assert sorted(kinds) == [("RDP", "Never tested"), ("RDP", "Never tested"), ("SSH", "OK")]
    # Another client: the cancelled run's bar goes.
    panel.set_client(None)
    assert not bar.isVisible()


def test_remote_progress_bar_words_each_state(qtbot) -> None:
    bar = ProbeProgressBar()
    qtbot.addWidget(bar)
    bar.begin()
    assert bar.isVisible() and (bar.minimum(), bar.maximum()) == (0, 0)
    bar.advance(3, 10)
    assert (bar.text(), bar.value()) == ("Testing 3 of 10…", 3)
    bar.finish(cancelled=False)
    assert not bar.isVisible()
    bar.advance(4, 10)  # late news from a finished run is not shown
    assert bar.text() == "Testing 3 of 10…"
    bar.begin()
    bar.cancelling()
    bar.advance(1, 2)
    bar.finish(cancelled=True)
    assert bar.isVisible() and bar.text() == "Cancelled"


# --- the data-capture form ---------------------------------------------------------------------


@pytest.fixture
def form(qtbot, db, clock, runner, notifier, me) -> OnboardingView:
    view = OnboardingView(
        OnboardingService(db, clock),
        runner,
        notifier,
        me.technician_id,
        tester=ConnectivityTester(db, clock, FAST),
    )
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def _add_row(view: OnboardingView, table: str, values: dict[str, str]) -> None:
    model = view.pages["remote"].editor.tables[table].model
    row = model.add_row()
    for key, value in values.items():
        column = next(i for i, c in enumerate(model.columns) if c.key == key)
        assert model.setData(model.index(row, column), value), key


def _set(view: OnboardingView, table: str, row: int, key: str, value: str) -> None:
    model = view.pages["remote"].editor.tables[table].model
    column = next(i for i, c in enumerate(model.columns) if c.key == key)
    assert model.setData(model.index(row, column), value)


def _save(qtbot, view: OnboardingView) -> None:
    with qtbot.waitSignal(view.section_saved, timeout=3000):
        view.pages["remote"].save_button.click()


def _methods(db: Database, clock: FakeClock, client_id: int) -> dict[str, MethodStatus]:
    return {f"{m.kind}:{m.address}": m for m in ConnectivityService(db, clock).methods(client_id)}


def test_saving_the_remote_section_tests_new_methods_and_says_how_it_went(
    qtbot, db, clock, me, form: OnboardingView, ports, notifier: ChangeNotifier
) -> None:
    ssh, _pit = ports
    client_id = add_client(db, "Acme NV")
    form.set_client(client_id)
    form.select_section("remote")
    _add_row(form, "ssh", {"host": "127.0.0.1", "port": str(ssh), "auth": "key"})
    _add_row(form, "rdp", {"host": "localhost", "port": str(refused_port())})
    _add_row(form, "vpn", {"type": "wireguard", "endpoint": "vpn.acme.example"})
    announced: list[Changes] = []
    notifier.data_changed.connect(announced.append)
    test = form.remote_test
    assert test is not None

    with qtbot.waitSignal(test.finished, timeout=3000) as finished:
        _save(qtbot, form)

    line = "Tested 2 methods: 1 OK, 1 failed at TCP (refused)"
    assert finished.args == [line]
    assert test.label.text() == line
    assert test.label.isVisible()
    page_labels = form.pages["remote"].findChildren(QLabel, "remoteTestResult")
    assert page_labels == [test.label], "the line is on the remote page"
    methods = _methods(db, clock, client_id)
    assert methods["ssh:127.0.0.1"].outcome == "ok"
    assert methods["ssh:127.0.0.1"].checked_by == me.name
    assert methods["rdp:localhost"].probe is not None
    assert methods["rdp:localhost"].probe.layer == "tcp_refused"
    assert methods["vpn:vpn.acme.example"].outcome is None
    assert Changes("client", frozenset({client_id})) in announced

    # Nothing moved: no test, no line.
    _set(form, "ssh", 0, "auth", "password")
    _save(qtbot, form)
    assert not test.label.isVisible()

    # Only the method whose port changed is tested again.
    with qtbot.waitSignal(test.finished, timeout=3000) as finished:
        _set(form, "ssh", 0, "port", str(refused_port()))
        _save(qtbot, form)
    assert finished.args == ["Tested 1 method: 1 failed at TCP (refused)"]
    assert _methods(db, clock, client_id)["ssh:127.0.0.1"].outcome == "failed"


def test_the_remote_form_without_a_tester_tests_nothing(
    qtbot, db, clock, runner, notifier, me, ports
) -> None:
    view = OnboardingView(OnboardingService(db, clock), runner, notifier, me.technician_id)
    qtbot.addWidget(view)
    view.show()
    client_id = add_client(db, "Acme NV")
    view.set_client(client_id)
    _add_row(view, "ssh", {"host": "127.0.0.1", "port": str(ports[0]), "auth": "key"})
    _save(qtbot, view)
    assert view.remote_test is None
    assert _methods(db, clock, client_id)["ssh:127.0.0.1"].outcome is None


def test_moved_remote_methods_are_new_or_readdressed_rows_only() -> None:
    before = {
        "rdp": [{"key": "a", "host": "ts01", "port": 3389}, {"key": "b", "host": "ts02"}],
        "winrm": [{"key": "c", "host": "dc01", "transport": "https"}],
        "vpn": [{"key": "d", "endpoint": "vpn"}],
    }
    after = {
        "rdp": [{"key": "a", "host": "TS01", "port": 3389, "credential": "x"},
                {"key": "b", "host": "ts02", "port": 3390}],
        "winrm": [{"key": "c", "host": "dc01", "transport": "http"}],
        "ssh": [{"key": "e", "host": "nas"}],
        "vpn": [{"key": "f", "endpoint": "vpn2"}],
    }  # fmt: skip
    assert moved_methods(before, after) == {"b", "c", "e"}
    assert moved_methods(None, after) == {"a", "b", "c", "e"}
    assert moved_methods(after, None) == set()


def test_the_remote_run_summary_groups_outcomes() -> None:
    from app.services.connectivity import ProbeFacts

    def status(key: str, outcome: str | None, probe: ProbeFacts | None, detail: str = "") -> Any:
        return MethodStatus(key, "rdp", "h", outcome, None, None, detail, probe)

    refused = ProbeFacts("failed", "tcp_refused", 1.0, "TCP refused; 1 ms")
    statuses = [
        status("1", "ok", ProbeFacts("ok", None, 3.0, "3 ms")),
        status("2", "failed", refused),
        status("3", "failed", refused),
        status("4", "failed", ProbeFacts("warning", "wrong_protocol", 2.0, "not RDP")),
        status("5", "failed", None, "invalid host"),
        status("6", None, None),
        status("7", "ok", None),
    ]
    assert run_summary(statuses, {"1", "2", "3", "4", "5", "6"}) == (
        "Tested 6 methods: 1 OK, 2 failed at TCP (refused), 1 warning at the protocol hello, "
        "1 failed (invalid host), 1 not tested"
    )
