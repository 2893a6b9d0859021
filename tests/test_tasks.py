"""TaskRunner lanes, delivery, cancellation and shutdown; ChangeNotifier; ExternalChangeWatcher."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from functools import partial

import pytest
from sqlalchemy import create_engine

from PySide6.QtCore import SIGNAL, QCoreApplication, QObject, QThread
from shiboken6 import delete

from app.change_watcher import ExternalChangeWatcher
from app.db import Changes, ChangeWatcher, Database, DatabaseUnavailableError
from app.tasks import (
    EVERYTHING_CHANGED,
    ChangeNotifier,
    Lane,
    TaskHandle,
    TaskRunner,
)

#: Upper bound for anything that should happen "soon"; only reached when a test fails.
WAIT_MS = 5000
WAIT_S = WAIT_MS / 1000


class InlineExecutor(Executor):
    """Runs each call at once on the calling thread and returns its finished future."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future[object] = Future()
        future.set_running_or_notify_cancel()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


class QueuedExecutor(Executor):
    """Holds submitted calls until the test runs them, to observe what reaches the pool."""

    def __init__(self) -> None:
        self.jobs: list[Callable[[], object]] = []

    def submit(self, fn, /, *args, **kwargs):
        self.jobs.append(partial(fn, *args, **kwargs))
        return Future()


def on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    assert app is not None
    return QThread.currentThread() == app.thread()


@pytest.fixture
def make_runner(qapp) -> Iterator[Callable[..., TaskRunner]]:
    """Builds runners; each is shut down and deleted on the GUI thread after the test.

    Deleting explicitly matters: a QObject left to the cyclic GC may be finalized on whichever
    thread triggers a collection, such as a later test's worker.
    """
    made: list[TaskRunner] = []

    def make(executors=None) -> TaskRunner:
        made.append(TaskRunner(executors))
        return made[-1]

    yield make
    for task_runner in made:
        task_runner.shutdown(wait_seconds=WAIT_S)
        delete(task_runner)


@pytest.fixture
def runner(make_runner) -> TaskRunner:
    """A runner with its real thread pools."""
    return make_runner()


@pytest.fixture
def inline_runner(make_runner) -> TaskRunner:
    return make_runner(dict.fromkeys(Lane, InlineExecutor()))


class Recorder:
    """Collects callback calls with the thread they ran on."""

    def __init__(self) -> None:
        self.successes: list[object] = []
        self.failures: list[BaseException] = []
        self.threads_ok: list[bool] = []

    def success(self, value: object) -> None:
        self.threads_ok.append(on_gui_thread())
        self.successes.append(value)

    def failure(self, error: BaseException) -> None:
        self.threads_ok.append(on_gui_thread())
        self.failures.append(error)

    @property
    def calls(self) -> int:
        return len(self.successes) + len(self.failures)


def worker_value(value: object) -> tuple[object, bool]:
    return value, on_gui_thread()


def raise_value_error(message: str) -> None:
    raise ValueError(message)


# --- delivery --------------------------------------------------------------------------------


@pytest.mark.parametrize("lane", list(Lane))
def test_success_runs_on_a_worker_and_is_delivered_on_the_gui_thread(qtbot, runner, lane):
    rec = Recorder()
    key = "host-a" if lane is Lane.REMOTE else None

    runner.run(partial(worker_value, 42), lane=lane, owner=None, on_success=rec.success, key=key)

    qtbot.waitUntil(lambda: rec.calls == 1, timeout=WAIT_MS)
    assert rec.successes == [(42, False)]  # the function ran off the GUI thread
    assert rec.threads_ok == [True]
    assert rec.failures == []


@pytest.mark.parametrize("lane", list(Lane))
def test_exception_is_delivered_to_on_failure_on_the_gui_thread(qtbot, runner, lane):
    rec = Recorder()

    runner.run(
        partial(raise_value_error, "no such ticket"),
        lane=lane,
        owner=None,
        on_success=rec.success,
        on_failure=rec.failure,
    )

    qtbot.waitUntil(lambda: rec.calls == 1, timeout=WAIT_MS)
    assert [str(e) for e in rec.failures] == ["no such ticket"]
    assert isinstance(rec.failures[0], ValueError)
    assert rec.threads_ok == [True]
    assert rec.successes == []


def test_failure_without_on_failure_emits_task_failed_and_logs_without_arguments(
    qtbot, runner, caplog
):
    rec = Recorder()
    runner.task_failed.connect(rec.failure)

    def reveal(secret: str) -> None:
        raise RuntimeError("vault locked")

    with (
        caplog.at_level(logging.ERROR, logger="app.tasks"),
        qtbot.waitSignal(runner.task_failed, timeout=WAIT_MS) as blocker,
    ):
        runner.run(partial(reveal, "hunter2"), lane=Lane.READ, owner=None)

    assert isinstance(blocker.args[0], RuntimeError)
    assert rec.threads_ok == [True]
    [record] = [r for r in caplog.records if r.name == "app.tasks"]
    assert "reveal" in record.getMessage()
    assert "hunter2" not in caplog.text


def test_inline_executor_delivers_before_run_returns(inline_runner):
    rec = Recorder()

    inline_runner.run(
        partial(worker_value, "x"), lane=Lane.WRITE, owner=None, on_success=rec.success
    )
    inline_runner.run(
        partial(raise_value_error, "bad"), lane=Lane.READ, owner=None, on_failure=rec.failure
    )

    assert rec.successes == [("x", True)]  # inline: the function ran on the calling thread
    assert [str(e) for e in rec.failures] == ["bad"]
    assert rec.threads_ok == [True, True]
    assert inline_runner.in_flight == 0


def test_inline_task_submitted_from_a_callback_runs_too(inline_runner):
    order: list[str] = []

    def first_done(_value: object) -> None:
        order.append("first delivered")
        inline_runner.run(
            lambda: order.append("second ran"),
            lane=Lane.REMOTE,
            owner=None,
            key="host-a",
            on_success=lambda _v: order.append("second delivered"),
        )

    inline_runner.run(
        lambda: order.append("first ran"),
        lane=Lane.REMOTE,
        owner=None,
        key="host-a",
        on_success=first_done,
    )

    assert order == ["first ran", "first delivered", "second ran", "second delivered"]


def test_busy_changed_brackets_the_work(qtbot, runner):
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    gate = threading.Event()

    runner.run(partial(gate.wait, WAIT_S), lane=Lane.READ, owner=None)
    runner.run(partial(gate.wait, WAIT_S), lane=Lane.READ, owner=None)
    assert (busy, runner.in_flight, runner.is_busy()) == ([True], 2, True)

    gate.set()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=WAIT_MS)
    assert busy == [True, False]
    assert not runner.is_busy()


def test_busy_stays_true_while_a_callback_submits_follow_up_work(inline_runner):
    busy: list[bool] = []
    inline_runner.busy_changed.connect(busy.append)

    inline_runner.run(
        lambda: 1,
        lane=Lane.READ,
        owner=None,
        on_success=lambda _v: inline_runner.run(lambda: 2, lane=Lane.READ, owner=None),
    )

    assert busy == [True, False]


# --- ordering --------------------------------------------------------------------------------


class OrderProbe:
    """Tasks that record the order they ran in and the most that ran at once."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.ran: list[int] = []
        self.delivered: list[int] = []
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()

    def task(self, n: int) -> int:
        with self._lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        if n == 0:
            assert self.gate.wait(WAIT_S)
        with self._lock:
            self.ran.append(n)
            self.active -= 1
        return n


def test_write_lane_runs_tasks_one_at_a_time_in_submission_order(qtbot, runner):
    probe = OrderProbe()
    for n in range(12):
        runner.run(
            partial(probe.task, n), lane=Lane.WRITE, owner=None, on_success=probe.delivered.append
        )
    probe.gate.set()

    qtbot.waitUntil(lambda: len(probe.delivered) == 12, timeout=WAIT_MS)
    assert probe.ran == list(range(12))
    assert probe.delivered == list(range(12))
    assert probe.max_active == 1


def test_remote_lane_runs_tasks_with_the_same_key_in_submission_order(qtbot, runner):
    probe = OrderProbe()
    for n in range(12):
        runner.run(
            partial(probe.task, n),
            lane=Lane.REMOTE,
            owner=None,
            key="10.0.0.5",
            on_success=probe.delivered.append,
        )
    # Task 0 blocks until another host's task runs. Had the same-host tasks gone straight to the
    # 8-worker pool, they would fill it ahead of this one, and one would finish before task 0.
    runner.run(probe.gate.set, lane=Lane.REMOTE, owner=None, key="10.0.0.6")

    qtbot.waitUntil(lambda: len(probe.delivered) == 12, timeout=WAIT_MS)
    assert probe.ran == list(range(12))
    assert probe.delivered == list(range(12))
    assert probe.max_active == 1


def test_remote_lane_runs_different_keys_in_parallel(qtbot, runner):
    a_started, b_started = threading.Event(), threading.Event()
    rec = Recorder()

    def meet(mine: threading.Event, theirs: threading.Event, name: str) -> str:
        mine.set()
        if not theirs.wait(WAIT_S):
            raise AssertionError(f"{name} ran alone")
        return name

    for name, mine, theirs in (("a", a_started, b_started), ("b", b_started, a_started)):
        runner.run(
            partial(meet, mine, theirs, name),
            lane=Lane.REMOTE,
            owner=None,
            key=f"host-{name}",
            on_success=rec.success,
            on_failure=rec.failure,
        )

    qtbot.waitUntil(lambda: rec.calls == 2, timeout=WAIT_MS * 2)
    assert rec.failures == []
    assert sorted(map(str, rec.successes)) == ["a", "b"]


def test_a_key_holds_one_pool_job_at_a_time(make_runner):
    pool = QueuedExecutor()
    task_runner = make_runner(dict.fromkeys(Lane, pool))
    ran: list[str] = []
    for name in ("a1", "a2", "a3"):
        task_runner.run(partial(ran.append, name), lane=Lane.REMOTE, owner=None, key="a")
    task_runner.run(partial(ran.append, "b1"), lane=Lane.REMOTE, owner=None, key="b")
    assert len(pool.jobs) == 2  # one drain job per key, not one job per task

    pool.jobs.pop()()  # key "b" does not wait for key "a"
    assert ran == ["b1"]
    pool.jobs.pop()()
    assert ran == ["b1", "a1", "a2", "a3"]

    task_runner.run(partial(ran.append, "a4"), lane=Lane.REMOTE, owner=None, key="a")
    assert len(pool.jobs) == 1  # the drained key starts a new job


# --- owners ----------------------------------------------------------------------------------


@pytest.mark.parametrize("destroy", ["delete", "deleteLater", "keep"])
@pytest.mark.parametrize("fails", [False, True])
def test_outcome_is_dropped_when_the_owner_was_destroyed(qtbot, runner, destroy, fails):
    owner = QObject()
    rec = Recorder()
    gate = threading.Event()

    def work() -> str:
        assert gate.wait(WAIT_S)
        if fails:
            raise ValueError("late")
        return "late"

    runner.run(work, lane=Lane.READ, owner=owner, on_success=rec.success, on_failure=rec.failure)
    if destroy == "delete":
        delete(owner)
    elif destroy == "deleteLater":
        owner.deleteLater()
        qtbot.waitSignal(owner.destroyed, timeout=WAIT_MS, raising=True).wait()
    gate.set()

    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=WAIT_MS)
    assert rec.calls == (1 if destroy == "keep" else 0)


def test_task_for_an_already_destroyed_owner_never_runs(inline_runner):
    owner = QObject()
    delete(owner)
    ran: list[int] = []

    handle = inline_runner.run(partial(ran.append, 1), lane=Lane.READ, owner=owner)

    assert ran == []
    assert handle.cancelled.is_set()


def test_delivered_tasks_leave_no_connection_on_the_owner(inline_runner):
    owner = QObject()
    inline_runner.run(partial(worker_value, 0), lane=Lane.READ, owner=owner)
    hooks_after_one = owner.receivers(SIGNAL("destroyed(QObject*)"))

    for n in range(50):
        inline_runner.run(partial(worker_value, n), lane=Lane.READ, owner=owner)

    assert owner.receivers(SIGNAL("destroyed(QObject*)")) == hooks_after_one


# --- cancellation and shutdown ---------------------------------------------------------------


def test_cancel_drops_a_task_that_has_not_started(qtbot, runner):
    gate = threading.Event()
    ran: list[str] = []
    rec = Recorder()

    def first_task() -> None:
        gate.wait(WAIT_S)
        ran.append("first")

    first = runner.run(first_task, lane=Lane.WRITE, owner=None)
    second = runner.run(
        partial(ran.append, "second"), lane=Lane.WRITE, owner=None, on_success=rec.success
    )
    third = runner.run(partial(ran.append, "third"), lane=Lane.WRITE, owner=None)

    assert second.cancel() is True
    assert second.done() and not second.started()
    gate.set()

    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=WAIT_MS)
    assert ran == ["first", "third"]
    assert rec.calls == 0
    assert first.cancel() is False  # already finished: nothing to drop
    assert third.started()


def test_cancel_drops_a_queued_task_behind_its_key(qtbot, runner):
    gate = threading.Event()
    ran: list[str] = []
    runner.run(partial(gate.wait, WAIT_S), lane=Lane.REMOTE, owner=None, key="h")
    queued = runner.run(partial(ran.append, "queued"), lane=Lane.REMOTE, owner=None, key="h")
    after = runner.run(partial(ran.append, "after"), lane=Lane.REMOTE, owner=None, key="h")

    assert queued.cancel() is True
    gate.set()

    qtbot.waitUntil(lambda: after.done() and runner.in_flight == 0, timeout=WAIT_MS)
    assert ran == ["after"]


def test_cancelling_a_running_task_sets_the_event_it_polls_and_drops_its_outcome(qtbot, runner):
    started = threading.Event()
    stop = threading.Event()
    rec = Recorder()

    def long_task(stop: threading.Event) -> str:
        started.set()
        return "stopped" if stop.wait(WAIT_S) else "timed out"

    handle = runner.run(
        partial(long_task, stop),
        lane=Lane.READ,
        owner=None,
        cancel_event=stop,
        on_success=rec.success,
    )
    assert handle.cancelled is stop
    assert started.wait(WAIT_S)

    assert handle.cancel() is False  # it had started
    assert stop.is_set()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=WAIT_MS)
    assert handle.done()
    assert rec.calls == 0


def test_shutdown_drops_queued_work_and_stops_running_work(qtbot, make_runner):
    task_runner = make_runner()
    ran: list[str] = []
    rec = Recorder()

    def long_task(name: str, started: threading.Event, stop: threading.Event) -> None:
        started.set()
        stop.wait(WAIT_S)
        ran.append(name)

    running: list[TaskHandle] = []
    for lane, key in ((Lane.WRITE, None), (Lane.REMOTE, "h")):
        started, stop = threading.Event(), threading.Event()
        running.append(
            task_runner.run(
                partial(long_task, lane.name, started, stop),
                lane=lane,
                owner=None,
                key=key,
                cancel_event=stop,
                on_success=rec.success,
            )
        )
        assert started.wait(WAIT_S)
    queued = [
        task_runner.run(partial(ran.append, "queued"), lane=lane, owner=None, key=key)
        for lane, key in ((Lane.WRITE, None), (Lane.WRITE, None), (Lane.REMOTE, "h"))
    ]

    assert task_runner.shutdown(wait_seconds=WAIT_S) is True

    assert sorted(ran) == ["REMOTE", "WRITE"]  # stopped through their events; queued never ran
    assert all(h.cancelled.is_set() and h.done() for h in running)
    assert all(h.cancelled.is_set() and h.done() and not h.started() for h in queued)
    qtbot.waitUntil(lambda: task_runner.in_flight == 0, timeout=WAIT_MS)
    assert rec.calls == 0


def test_shutdown_reports_a_task_that_will_not_stop(make_runner):
    task_runner = make_runner()
    gate, started = threading.Event(), threading.Event()

    def stubborn() -> None:
        started.set()
        gate.wait(WAIT_S)

    task_runner.run(stubborn, lane=Lane.READ, owner=None)
    assert started.wait(WAIT_S)

    assert task_runner.shutdown(wait_seconds=0.05) is False
    gate.set()


def test_run_after_shutdown_runs_nothing(inline_runner):
    inline_runner.shutdown()
    ran: list[int] = []

    handle = inline_runner.run(partial(ran.append, 1), lane=Lane.WRITE, owner=None)

    assert isinstance(handle, TaskHandle)
    assert ran == []
    assert handle.cancelled.is_set()
    assert inline_runner.in_flight == 0


# --- change notifications --------------------------------------------------------------------


def test_notifier_announces_changes(qtbot, qapp):
    notifier = ChangeNotifier()
    changes = Changes("ticket", frozenset({3, 4}))

    with qtbot.waitSignal(notifier.data_changed, timeout=WAIT_MS) as blocker:
        notifier.announce(changes)

    assert blocker.args == [changes]


class ScriptedWatcher(ChangeWatcher):
    """Gives the scripted results of `wait()` in order, then blocks until closed."""

    def __init__(self, *script: list[Changes] | BaseException | None) -> None:
        self._script: queue.Queue[object] = queue.Queue()
        for item in script:
            self._script.put(item)
        self.closed = threading.Event()

    def wait(self, timeout: float) -> list[Changes] | None:
        if self.closed.is_set():
            return None
        try:
            item = self._script.get(timeout=timeout)
        except queue.Empty:
            return None if self.closed.is_set() else []
        if isinstance(item, BaseException):
            raise item
        return item  # type: ignore[return-value]

    def close(self) -> None:
        self.closed.set()
        self._script.put(None)  # wakes a blocked wait()


class WatcherFactory:
    """Opens the given watchers in turn; an exception in the list is raised by that open."""

    def __init__(self, *opens: ChangeWatcher | BaseException) -> None:
        self._opens = list(opens)
        self.calls = 0

    def __call__(self) -> ChangeWatcher:
        self.calls += 1
        item = self._opens.pop(0) if len(self._opens) > 1 else self._opens[0]
        if isinstance(item, BaseException):
            raise item
        return item


class Events:
    """What a view would see: notifier and watcher signals, with the thread they arrived on."""

    def __init__(self, notifier: ChangeNotifier, watcher: ExternalChangeWatcher) -> None:
        self.seen: list[tuple[str, object]] = []
        self.threads_ok: list[bool] = []
        notifier.data_changed.connect(partial(self._add, "changed"))
        watcher.connection_lost.connect(partial(self._add, "lost"))
        watcher.connection_restored.connect(partial(self._add, "restored", None))

    def _add(self, kind: str, value: object) -> None:
        self.threads_ok.append(on_gui_thread())
        self.seen.append((kind, value))


@pytest.fixture
def notifier(qapp) -> Iterator[ChangeNotifier]:
    change_notifier = ChangeNotifier()
    yield change_notifier
    delete(change_notifier)


@pytest.fixture
def make_watcher(notifier) -> Iterator[Callable[..., ExternalChangeWatcher]]:
    """Builds watchers with short delays; each is stopped and deleted after the test."""
    made: list[ExternalChangeWatcher] = []

    def make(factory, **kwargs) -> ExternalChangeWatcher:
        kwargs.setdefault("retry_delays", (0.01, 0.02))
        kwargs.setdefault("poll_seconds", 0.05)
        made.append(ExternalChangeWatcher(factory, notifier, **kwargs))
        return made[-1]

    yield make
    for watcher in made:
        assert watcher.stop(wait_seconds=WAIT_S)
        delete(watcher)


TICKET_3 = Changes("ticket", frozenset({3}))
CLIENT_7 = Changes("client", frozenset({7}))


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (
            partial(DatabaseUnavailableError, "server closed the connection"),
            "server closed the connection",
        ),
        (partial(OSError, "network is unreachable"), "network is unreachable"),
        (lambda: None, "the change watcher was closed"),  # closed underneath, not by stop()
    ],
)
def test_watcher_reports_loss_retries_and_announces_a_full_refresh(
    qtbot, notifier, make_watcher, failure, reason
):
    first = ScriptedWatcher([TICKET_3], failure())
    second = ScriptedWatcher([CLIENT_7])
    factory = WatcherFactory(first, DatabaseUnavailableError("connection refused"), second)
    watcher = make_watcher(factory)
    events = Events(notifier, watcher)

    watcher.start()
    qtbot.waitUntil(lambda: len(events.seen) >= 5, timeout=WAIT_MS)
    assert watcher.stop() is True

    assert events.seen == [
        ("changed", TICKET_3),
        ("lost", reason),  # once, although the first reconnection failed too
        ("restored", None),
        ("changed", EVERYTHING_CHANGED),
        ("changed", CLIENT_7),
    ]
    assert all(events.threads_ok)
    assert factory.calls == 3
    assert first.closed.is_set()
    assert second.closed.is_set()


def test_watcher_that_cannot_open_at_first_recovers_later(qtbot, notifier, make_watcher):
    factory = WatcherFactory(DatabaseUnavailableError("no route to host"), ScriptedWatcher())
    watcher = make_watcher(factory)
    events = Events(notifier, watcher)

    watcher.start()
    qtbot.waitUntil(lambda: len(events.seen) >= 3, timeout=WAIT_MS)
    watcher.stop()

    assert events.seen == [
        ("lost", "no route to host"),
        ("restored", None),
        ("changed", EVERYTHING_CHANGED),
    ]


def test_identical_changes_in_one_batch_are_announced_once(qtbot, notifier, make_watcher):
    watcher = make_watcher(WatcherFactory(ScriptedWatcher([TICKET_3, TICKET_3, CLIENT_7])))
    events = Events(notifier, watcher)

    watcher.start()
    qtbot.waitUntil(lambda: len(events.seen) >= 2, timeout=WAIT_MS)
    watcher.stop()

    assert events.seen == [("changed", TICKET_3), ("changed", CLIENT_7)]


@pytest.mark.parametrize("stuck_in", ["wait", "backoff"])
def test_stop_is_prompt_while_waiting_or_backing_off(qtbot, make_watcher, stuck_in):
    blocking = ScriptedWatcher()
    factory = WatcherFactory(blocking if stuck_in == "wait" else DatabaseUnavailableError("down"))
    watcher = make_watcher(factory, poll_seconds=60, retry_delays=(60,))
    lost: list[str] = []
    watcher.connection_lost.connect(lost.append)
    watcher.start()
    qtbot.waitUntil(lambda: factory.calls == 1, timeout=WAIT_MS)
    if stuck_in == "backoff":
        qtbot.waitUntil(lambda: lost == ["down"], timeout=WAIT_MS)

    assert watcher.stop(wait_seconds=WAIT_S) is True
    assert not watcher.is_running()
    assert factory.calls == 1
    assert blocking.closed.is_set() == (stuck_in == "wait")


def test_watcher_announces_commits_from_another_sqlite_connection(
    qtbot, notifier, make_watcher, tmp_path
):
    engine = create_engine(f"sqlite:///{tmp_path / 'helpdesk.sqlite'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    db = Database(engine)
    opened = threading.Event()

    def open_watcher() -> ChangeWatcher:
        change_watcher = db.open_change_watcher()
        opened.set()
        return change_watcher

    watcher = make_watcher(open_watcher)
    watcher.start()
    try:
        assert opened.wait(WAIT_S)
        with (
            qtbot.waitSignal(notifier.data_changed, timeout=WAIT_MS) as blocker,
            engine.begin() as conn,
        ):
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        assert blocker.args == [EVERYTHING_CHANGED]
    finally:
        assert watcher.stop() is True
        engine.dispose()


def test_nothing_is_announced_after_stop(qtbot, notifier, make_watcher):
    scripted = ScriptedWatcher([TICKET_3])
    waits: list[float] = []
    waited_twice = threading.Event()
    original_wait = scripted.wait

    def counting_wait(timeout: float) -> list[Changes] | None:
        waits.append(timeout)
        if len(waits) == 2:
            waited_twice.set()
        return original_wait(timeout)

    scripted.wait = counting_wait  # type: ignore[method-assign]
    watcher = make_watcher(WatcherFactory(scripted))
    seen: list[object] = []
    notifier.data_changed.connect(seen.append)
    watcher.start()
    # A second wait() means the first batch was emitted; it is still queued for the GUI thread,
    # which does not process events while it blocks here.
    assert waited_twice.wait(WAIT_S)

    assert watcher.stop() is True
    QCoreApplication.processEvents()

    assert seen == []


def test_a_failed_submission_is_not_left_in_flight(make_runner):
    class RefusingExecutor(InlineExecutor):
        def submit(self, fn, /, *args, **kwargs):
            raise RuntimeError("cannot schedule new futures after shutdown")

    task_runner = make_runner(dict.fromkeys(Lane, RefusingExecutor()))
    busy: list[bool] = []
    task_runner.busy_changed.connect(busy.append)

    for key in (None, "host"):
        with pytest.raises(RuntimeError, match="cannot schedule"):
            task_runner.run(lambda: 1, lane=Lane.REMOTE, owner=None, key=key)

    assert task_runner.in_flight == 0
    assert busy == [True, False, True, False]
