"""Shared test doubles: a settable clock, inline and held executors, an in-memory keyring, and
a counting change-watcher opener."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any, ParamSpec, TypeVar

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

from app.db import ChangeWatcher

_P = ParamSpec("_P")
_T = TypeVar("_T")

#: The instant every `FakeClock` starts at unless told otherwise: a Monday morning, UTC.
DEFAULT_NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    """A `Clock` (app.services.clock) that only moves when the test says so."""

    def __init__(self, now: dt.datetime = DEFAULT_NOW) -> None:
        self._now = _aware_utc(now)

    def now(self) -> dt.datetime:
        return self._now

    def set(self, now: dt.datetime) -> None:
        """Jump to `now` (an aware datetime, in any zone); time may go backwards."""
        self._now = _aware_utc(now)

    def advance(self, delta: dt.timedelta = dt.timedelta(0), /, **kwargs: float) -> dt.datetime:
        """Move forward by `delta` plus `timedelta(**kwargs)`; return the new instant."""
        self._now += delta + dt.timedelta(**kwargs)
        return self._now


def _aware_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value!r}: FakeClock keeps aware UTC instants")
    return value.astimezone(dt.UTC)


class HeldExecutor(Executor):
    """Keeps each submitted call until the test releases it, then runs it on the test's thread.

    Lets a test look at a widget while its task is in flight, or deliver answers out of order.
    """

    def __init__(self) -> None:
        self.held: list[tuple[Future[Any], Callable[[], Any]]] = []

    def submit(self, fn: Callable[..., _T], /, *args: Any, **kwargs: Any) -> Future[_T]:
        future: Future[_T] = Future()
        self.held.append((future, lambda: fn(*args, **kwargs)))
        return future

    def release(self, index: int = 0) -> None:
        """Run the `index`-th held call (the oldest by default) unless it was cancelled."""
        future, call = self.held.pop(index)
        if future.set_running_or_notify_cancel():
            try:
                future.set_result(call())
            except BaseException as error:
                future.set_exception(error)

    def release_all(self) -> None:
        while self.held:
            self.release(0)


class InlineExecutor(Executor):
    """Runs each submitted call at once, on the caller's thread, and returns a finished Future.

    Lets code written for a thread pool be tested deterministically; `submitted` counts calls.
    """

    def __init__(self) -> None:
        self.submitted = 0
        self._shut_down = False

    def submit(self, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> Future[_T]:
        if self._shut_down:
            raise RuntimeError("cannot schedule new futures after shutdown")
        self.submitted += 1
        future: Future[_T] = Future()
        future.set_running_or_notify_cancel()
        try:
            result = fn(*args, **kwargs)
        except Exception as e:
            # Like a pool: the error travels in the Future, the caller sees it on result().
            future.set_exception(e)
        else:
            future.set_result(result)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._shut_down = True


class MemoryKeyring(KeyringBackend):
    """A keyring backend in a dict: the test machines have no D-Bus and no Secret Service."""

    @properties.classproperty
    def priority(cls) -> float:
        return 1

    def __init__(self) -> None:
        super().__init__()
        #: (service, username) → password; tests may read it to check what was stored.
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError(f"no password for {username!r} in {service!r}") from None


class CountingOpener:
    """`Database.open_change_watcher`, counting the watchers it opened (watcher thread)."""

    def __init__(self, open_watcher: Callable[[], ChangeWatcher]) -> None:
        self._open_watcher = open_watcher
        self._lock = threading.Lock()
        self._opened = 0

    def __call__(self) -> ChangeWatcher:
        watcher = self._open_watcher()
        with self._lock:
            self._opened += 1
        return watcher

    @property
    def opened(self) -> int:
        with self._lock:
            return self._opened
