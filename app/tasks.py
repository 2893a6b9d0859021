"""TaskRunner, its lanes, and the change notifications: the only bridge between threads and the GUI.

Thread rules, for everything in this module:

- `TaskRunner` and `ChangeNotifier` (and `app.change_watcher`) are created on the GUI thread, live
  there, and their methods are called from the GUI thread only.
- A task's `fn` runs on a worker thread (or inline, on the calling thread, with the tests' inline
  executor). It gets plain values, never widgets, `QPixmap`, `QSettings` or a `Session`.
- `on_success`, `on_failure`, and every signal declared here are delivered on the GUI thread:
  workers emit a private signal whose receiver lives on the GUI thread, so the default
  AutoConnection queues it from a worker and calls it directly when the emitter is the GUI thread.
"""

from __future__ import annotations

import concurrent.futures
import enum
import functools
import logging
import threading
import traceback
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, Final, Generic, TypeVar, cast

from PySide6.QtCore import QMetaObject, QObject, Signal, Slot
from shiboken6 import isValid

from app.db import Changes

log = logging.getLogger(__name__)

T = TypeVar("T")

#: What `ExternalChangeWatcher` announces when it cannot say what changed: "refresh everything".
EVERYTHING_CHANGED: Final = Changes("*")


class Lane(enum.Enum):
    """Where a task runs. Each lane has its own pool, so slow remote work never delays a save."""

    #: All database writes: one worker, so writes run one at a time in submission order.
    WRITE = enum.auto()
    #: Queries, reports, SLA recomputation: four workers, no ordering.
    READ = enum.auto()
    #: paramiko, pywinrm, probes: eight workers; tasks with the same `key` (the host) run in
    #: submission order, different keys in parallel.
    REMOTE = enum.auto()

    @property
    def workers(self) -> int:
        """Size of the lane's default thread pool."""
        return _LANE_WORKERS[self]


_LANE_WORKERS: Final = {Lane.WRITE: 1, Lane.READ: 4, Lane.REMOTE: 8}


class _Task(Generic[T]):
    """One submitted call and where its outcome goes. Fields are fixed at submission."""

    def __init__(
        self,
        fn: Callable[[], T],
        lane: Lane,
        owner: QObject | None,
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        key: str | None,
        cancelled: threading.Event,
    ) -> None:
        #: None once released (see `release()`).
        self.fn: Callable[[], T] | None = fn
        self.lane = lane
        self.key = key
        self.on_success = on_success
        self.on_failure = on_failure
        #: Set by `TaskHandle.cancel()` and `TaskRunner.shutdown()`; any thread may poll it.
        self.cancelled = cancelled
        #: The outcome of `fn`; ours, not the pool's, so keyed tasks and pool tasks behave alike.
        self.future: Future[T] = Future()
        #: The pool's future for an unkeyed task, cancelled too so the pool forgets it sooner.
        self.pool_future: Future[None] | None = None
        #: The owner, or None for "always deliver". GUI thread only.
        self.owner = owner
        #: False once the owner's `destroyed` fired. GUI thread only.
        self.owner_alive = True
        #: The owner's `destroyed` connection, removed when the task is delivered.
        self.owner_hook: QMetaObject.Connection | None = None

    @property
    def name(self) -> str:
        """The function's qualified name, for logs; never its arguments (they may be secrets)."""
        fn: object = self.fn
        if fn is None:
            return "<released task>"
        while isinstance(fn, functools.partial):
            fn = fn.func
        return str(getattr(fn, "__qualname__", type(fn).__qualname__))

    def mark_owner_destroyed(self, *_args: object) -> None:
        self.owner_alive = False

    def release(self) -> None:
        """Drop the references to the owner, callbacks and function. GUI thread only.

        They often lead to QObjects (a bound method of a view); releasing them here means the
        GUI thread, not whichever worker drops the task last, lets go of them.
        """
        self.owner = None
        self.on_success = None
        self.on_failure = None
        self.fn = None

    def owner_gone(self) -> bool:
        """True if an owner was given and it has been destroyed. GUI thread only."""
        if self.owner is None:
            return False
        return not self.owner_alive or not isValid(self.owner)


class TaskHandle:
    """A submitted task, for cancelling it. GUI thread only, except `cancelled`.

    `cancel()` drops the task if it has not started. A task that is already running cannot be
    stopped from outside; it stops early only if it polls the `cancelled` event. To give a long
    task that event, create it yourself and pass it both to the function and to `run()`::

        stop = threading.Event()
        handle = runner.run(
            partial(probe_hosts, hosts, stop),     # probe_hosts polls stop.is_set()
            lane=Lane.REMOTE, owner=self, cancel_event=stop, on_success=self._show_results,
        )
        ...
        handle.cancel()                            # sets `stop`

    After `cancel()` neither `on_success` nor `on_failure` is called, even if the task finishes.
    """

    def __init__(self, runner: TaskRunner, task: _Task[Any]) -> None:
        self._runner = runner
        self._task = task

    @property
    def cancelled(self) -> threading.Event:
        """Set once the task is cancelled or the runner shuts down; any thread may poll it."""
        return self._task.cancelled

    @property
    def lane(self) -> Lane:
        return self._task.lane

    @property
    def key(self) -> str | None:
        return self._task.key

    def cancel(self) -> bool:
        """Cancel the task; True if it had not started and never will. Its callbacks are dropped."""
        return self._runner._cancel(self._task)

    def started(self) -> bool:
        """True once the task's function has begun (or finished) running."""
        fut = self._task.future
        return fut.running() or (fut.done() and not fut.cancelled())

    def done(self) -> bool:
        """True once the function has returned or raised, or the task was dropped unstarted."""
        return self._task.future.done()


class TaskRunner(QObject):
    """Runs blocking calls on worker lanes and hands their outcome back to the GUI thread.

    Created by the composition root on the GUI thread; GUI thread only. The composition root
    connects `QCoreApplication.aboutToQuit` to `shutdown()`.
    """

    #: A task failed and had no `on_failure`; carries the exception. The main window shows it.
    task_failed = Signal(object)
    #: True when the first task is submitted, False when the last one has been delivered.
    busy_changed = Signal(bool)
    #: Emitted by workers (any thread) with the finished `_Task`; received on the GUI thread.
    _task_finished = Signal(object)

    def __init__(
        self,
        executors: Mapping[Lane, Executor] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Use `executors` for the lanes it names; the others get a thread pool of their size."""
        super().__init__(parent)
        given = dict(executors or {})
        self._executors: dict[Lane, Executor] = {
            lane: given.get(lane)
            or ThreadPoolExecutor(lane.workers, thread_name_prefix=f"helpdesk-{lane.name.lower()}")
            for lane in Lane
        }
        #: Tasks submitted and not yet delivered or cancelled. GUI thread only.
        self._tasks: set[_Task[Any]] = set()
        #: Keyed tasks waiting behind a running one, by (lane, key). A key is present while a
        #: worker is draining it. Guarded by `_chain_lock`; workers touch it.
        self._chains: dict[tuple[Lane, str], deque[_Task[Any]]] = {}
        self._chain_lock = threading.Lock()
        #: Set by `shutdown()`; from then on workers no longer emit (the runner may be deleted).
        #: Guarded by `_emit_lock`, which a worker holds while it emits.
        self._shut_down = False
        self._emit_lock = threading.RLock()
        self._task_finished.connect(self._on_task_finished)

    @property
    def in_flight(self) -> int:
        """Tasks submitted and not yet delivered, dropped or cancelled."""
        return len(self._tasks)

    def is_busy(self) -> bool:
        return bool(self._tasks)

    def run(
        self,
        fn: Callable[[], T],
        *,
        lane: Lane,
        owner: QObject | None,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        key: str | None = None,
        cancel_event: threading.Event | None = None,
    ) -> TaskHandle:
        """Call `fn()` on `lane`; deliver its result or exception on the GUI thread.

        `owner` is the object the callbacks belong to (usually the calling view); if it has been
        destroyed by the time the task ends, the outcome is dropped. `None` means always deliver.
        An exception with no `on_failure` is logged and emitted as `task_failed`. Tasks with the
        same `key` on the same lane run one at a time in submission order. `cancel_event` becomes
        the handle's `cancelled` event (see `TaskHandle`). After `shutdown()` nothing runs: the
        handle comes back already cancelled.
        """
        task = _Task(
            fn, lane, owner, on_success, on_failure, key, cancel_event or threading.Event()
        )
        handle = TaskHandle(self, task)
        if self._shut_down:
            log.warning("task %s submitted after shutdown; dropped", task.name)
            task.cancelled.set()
            task.future.cancel()
            return handle
        if owner is not None and not isValid(owner):
            log.debug("task %s submitted for a destroyed owner; dropped", task.name)
            task.cancelled.set()
            task.future.cancel()
            return handle
        if owner is not None:
            task.owner_hook = owner.destroyed.connect(task.mark_owner_destroyed)
        self._tasks.add(task)
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        try:
            if key is None:
                task.pool_future = self._executors[lane].submit(self._execute, task)
            else:
                self._submit_keyed(task, key)
        except BaseException:
            task.future.cancel()
            self._forget(task)
            raise
        return handle

    def shutdown(self, wait_seconds: float = 5.0) -> bool:
        """Drop queued tasks, set all cancel events, and wait up to `wait_seconds` for running ones.

        Returns True if no task is still running. Callbacks of tasks that finish later are
        dropped, `run()` no longer starts anything, and no worker touches the runner again, so
        it may be deleted once this returns.
        """
        with self._emit_lock:
            self._shut_down = True
        pending = list(self._tasks)
        for task in pending:
            task.cancelled.set()
            if task.future.cancel():
                self._forget(task)
        for executor in {id(e): e for e in self._executors.values()}.values():
            executor.shutdown(wait=False, cancel_futures=True)
        running = [t.future for t in pending if not t.future.done()]
        _done, not_done = concurrent.futures.wait(running, timeout=wait_seconds)
        if not_done:
            log.warning(
                "%d task(s) still running after %.1f s at shutdown", len(not_done), wait_seconds
            )
        for task in pending:
            self._forget(task)
        return not not_done

    # --- worker side (any thread) -------------------------------------------------------------

    def _submit_keyed(self, task: _Task[Any], key: str) -> None:
        chain_key = (task.lane, key)
        with self._chain_lock:
            waiting = self._chains.get(chain_key)
            if waiting is not None:
                waiting.append(task)
                return
            self._chains[chain_key] = deque()
        try:
            self._executors[task.lane].submit(self._drain, chain_key, task)
        except BaseException:
            with self._chain_lock:
                del self._chains[chain_key]
            raise

    def _drain(self, chain_key: tuple[Lane, str], first: _Task[Any]) -> None:
        """Worker: run a key's tasks one after another until none is waiting."""
        task = first
        while True:
            self._execute(task)
            with self._chain_lock:
                waiting = self._chains[chain_key]
                if not waiting:
                    del self._chains[chain_key]
                    return
                task = waiting.popleft()

    def _execute(self, task: _Task[Any]) -> None:
        """Worker: run one task unless it was cancelled, then send it to the GUI thread."""
        fn = task.fn
        if fn is None or not task.future.set_running_or_notify_cancel():
            return
        _call(fn, task.future)
        del fn
        error = task.future.exception()
        if error is not None:
            # The traceback's frames hold the task's locals (the function's arguments, maybe a
            # view); clearing them breaks the cycle exception → frame → task → exception, so
            # nothing of the task waits for the cyclic GC, which may run on any thread and must
            # not be the one that finally deletes a QObject. Line numbers are kept for logs.
            traceback.clear_frames(error.__traceback__)
        with self._emit_lock:
            if not self._shut_down:
                self._task_finished.emit(task)

    # --- GUI thread ---------------------------------------------------------------------------

    @Slot(object)
    def _on_task_finished(self, item: object) -> None:
        task = cast("_Task[Any]", item)
        try:
            self._deliver(task)
        finally:
            self._forget(task)

    def _deliver(self, task: _Task[Any]) -> None:
        if task not in self._tasks or task.cancelled.is_set():
            return
        error = task.future.exception()
        if task.owner_gone():
            if error is not None:
                log.warning(
                    "task %s failed after its owner was destroyed", task.name, exc_info=error
                )
            return
        if error is None:
            if task.on_success is not None:
                task.on_success(task.future.result())
        elif task.on_failure is not None:
            task.on_failure(error)
        else:
            log.error("task %s failed", task.name, exc_info=error)
            self.task_failed.emit(error)

    def _cancel(self, task: _Task[Any]) -> bool:
        task.cancelled.set()
        if task.pool_future is not None:
            task.pool_future.cancel()
        if task.future.cancel():
            self._forget(task)
            return True
        return False

    def _forget(self, task: _Task[Any]) -> None:
        """Stop tracking a delivered or cancelled task; idempotent."""
        if task not in self._tasks:
            return
        self._tasks.discard(task)
        if task.owner_hook is not None:
            # By handle, not `destroyed.disconnect(slot)`: it removes exactly this connection,
            # is harmless on a dead owner, and does not hit PySide6 6.12.0's refcount bug in
            # `SignalInstance.disconnect()` (the version pyproject.toml excludes).
            QObject.disconnect(task.owner_hook)
            task.owner_hook = None
        task.release()
        if not self._tasks:
            self.busy_changed.emit(False)


class ChangeNotifier(QObject):
    """Carries `Changes` to every interested view. GUI thread only.

    Views connect to `data_changed` and decide for themselves whether to refresh.
    """

    #: Something was written, by this app or another one; carries a `Changes`.
    data_changed = Signal(object)

    def announce(self, changes: Changes) -> None:
        """Tell every view what changed."""
        self.data_changed.emit(changes)


def _call(fn: Callable[[], T], future: Future[T]) -> None:
    """Worker: settle `future` with what `fn()` returns or raises."""
    try:
        result = fn()
    except BaseException as error:
        future.set_exception(error)
    else:
        future.set_result(result)
