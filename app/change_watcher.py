"""Watches the database for other technicians' commits and announces them to the views.

Its own thread waits on `app.db.ChangeWatcher` (PostgreSQL LISTEN/NOTIFY, or SQLite's
`PRAGMA data_version`); everything it emits arrives on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, cast

from PySide6.QtCore import QObject, Signal, Slot

from app.db import Changes, ChangeWatcher, DatabaseUnavailableError
from app.tasks import EVERYTHING_CHANGED, ChangeNotifier

log = logging.getLogger(__name__)


class ExternalChangeWatcher(QObject):
    """Watches the database for other apps' commits on a thread of its own; announces them.

    Created, started and stopped on the GUI thread. The watcher thread only waits on the
    `ChangeWatcher` and emits private signals; the slots that announce the changes and emit
    `connection_lost`/`connection_restored` run on the GUI thread. It never touches a widget.

    When opening or waiting fails (usually `DatabaseUnavailableError`), it emits `connection_lost`
    once, retries after 1 s, 2 s, then every 5 s, and on success emits `connection_restored` and
    announces `Changes("*")`, since commits may have been missed meanwhile.

    The composition root calls `start()` once the main window exists and `stop()` on
    `aboutToQuit`. After `stop()` returns no signal is emitted, even if the thread is still stuck
    (say, in a connection attempt to an unreachable server); it then ends on its own.
    """

    #: The watcher lost the database; carries the driver's one-line reason (not UI text).
    connection_lost = Signal(str)
    #: The watcher reconnected after `connection_lost`.
    connection_restored = Signal()

    _changes_seen = Signal(object)
    _lost_seen = Signal(str)
    _restored_seen = Signal()

    def __init__(
        self,
        open_watcher: Callable[[], ChangeWatcher],
        notifier: ChangeNotifier,
        parent: QObject | None = None,
        *,
        poll_seconds: float = 1.0,
        retry_delays: Sequence[float] = (1.0, 2.0, 5.0),
    ) -> None:
        """`open_watcher` is usually `Database.open_change_watcher`; each call opens a new one.

        `retry_delays` are the waits before each reconnection attempt; the last one repeats.
        """
        super().__init__(parent)
        if not retry_delays:
            raise ValueError("retry_delays must not be empty")
        self._open_watcher = open_watcher
        self._notifier = notifier
        self._poll_seconds = poll_seconds
        self._retry_delays = tuple(retry_delays)
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        #: The watcher the thread is waiting on, so `stop()` can close it. Guarded by `_lock`.
        self._current: ChangeWatcher | None = None
        self._lock = threading.Lock()
        self._changes_seen.connect(self._on_changes_seen)
        self._lost_seen.connect(self._on_lost_seen)
        self._restored_seen.connect(self._on_restored_seen)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start watching. Does nothing if already running."""
        if self.is_running():
            return
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._watch, args=(self._stop,), name="helpdesk-change-watcher", daemon=True
        )
        self._thread.start()

    def stop(self, wait_seconds: float = 2.0) -> bool:
        """Stop watching: close the current watcher and join the thread. True if it ended."""
        thread, self._thread = self._thread, None
        with self._lock:
            self._stop.set()
            current, self._current = self._current, None
        if current is not None:
            _close_quietly(current)
        if thread is None:
            return True
        thread.join(wait_seconds)
        if thread.is_alive():
            log.warning("the change watcher thread did not stop within %.1f s", wait_seconds)
            return False
        return True

    # --- watcher thread -----------------------------------------------------------------------

    def _watch(self, stop: threading.Event) -> None:
        """Thread body: wait for changes, reconnect with backoff; returns once `stop` is set."""
        watcher: ChangeWatcher | None = None
        failures = 0
        try:
            while not stop.is_set():
                try:
                    if watcher is None:
                        watcher = self._open(stop)
                        if watcher is None:
                            return
                        if failures and not self._emit(stop, self._restored_seen):
                            return
                        failures = 0
                    batch = watcher.wait(self._poll_seconds)
                    if batch is None and not stop.is_set():
                        raise DatabaseUnavailableError("the change watcher was closed")
                except Exception as error:
                    if stop.is_set():
                        return
                    if watcher is not None:
                        self._release(watcher)
                        watcher = None
                    if not failures and not self._emit(stop, self._lost_seen, _reason(error)):
                        return
                    _log_failure(error, repeated=failures > 0)
                    delay = self._retry_delays[min(failures, len(self._retry_delays) - 1)]
                    failures += 1
                    if stop.wait(delay):
                        return
                    continue
                if batch and not self._emit(stop, self._changes_seen, batch):
                    return
        finally:
            if watcher is not None:
                self._release(watcher)

    def _open(self, stop: threading.Event) -> ChangeWatcher | None:
        """Open a watcher and publish it for `stop()`; None if stopping meanwhile."""
        watcher = self._open_watcher()
        with self._lock:
            if not stop.is_set():
                self._current = watcher
                return watcher
        _close_quietly(watcher)
        return None

    def _release(self, watcher: ChangeWatcher) -> None:
        """Close `watcher` unless `stop()` already took it (and closes it itself)."""
        with self._lock:
            owned = self._current is watcher
            if owned:
                self._current = None
        if owned:
            _close_quietly(watcher)

    def _emit(self, stop: threading.Event, signal: Any, *args: object) -> bool:
        """Emit a private signal from the thread; False once stopping.

        Checked under the lock `stop()` takes, so once `stop()` returns the thread never touches
        this object again, even if it is still stuck in an uncooperative `wait()`.
        """
        with self._lock:
            if stop.is_set():
                return False
            signal.emit(*args)
            return True

    # --- GUI thread ---------------------------------------------------------------------------

    # Each drops what arrives after `stop()`: it was queued before the thread ended.

    @Slot(object)
    def _on_changes_seen(self, batch: object) -> None:
        if self._stop.is_set():
            return
        for changes in dict.fromkeys(cast("list[Changes]", batch)):
            self._notifier.announce(changes)

    @Slot(str)
    def _on_lost_seen(self, reason: str) -> None:
        if not self._stop.is_set():
            self.connection_lost.emit(reason)

    @Slot()
    def _on_restored_seen(self) -> None:
        if self._stop.is_set():
            return
        self.connection_restored.emit()
        self._notifier.announce(EVERYTHING_CHANGED)


def _reason(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _log_failure(error: BaseException, *, repeated: bool) -> None:
    """Log the first failure of an outage as a warning, the retries that fail at debug level."""
    level = logging.DEBUG if repeated else logging.WARNING
    if isinstance(error, DatabaseUnavailableError):
        log.log(level, "change watcher lost the database: %s", _reason(error))
    else:
        log.log(level, "change watcher failed", exc_info=error)


def _close_quietly(watcher: ChangeWatcher) -> None:
    try:
        watcher.close()
    except Exception:
        log.debug("closing a change watcher failed", exc_info=True)
