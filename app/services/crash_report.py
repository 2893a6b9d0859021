"""Crash reports: unhandled exceptions written, scrubbed of secrets, to a private file in the logs.

`install_crash_handler(logs_dir)` replaces `sys.excepthook` and `threading.excepthook`. Each
unhandled exception becomes `crash-<UTC stamp>.log` (mode 0600, written to a temporary file
beside it, then renamed) holding the traceback, the versions and the platform, and one CRITICAL
line in the app's log. Qt-free: the GUI shows the path through `app.views.crash_notice`.

What stays out: local variable values are never formatted (plain `traceback`, no frame locals),
and every line of the report goes through `scrub()`, which masks URL passwords
("postgresql://user:***@host") and whatever follows a password/secret/token-like key. A secret
in a free-form exception message with no key before it cannot be recognised; services keep
secrets out of their messages (architecture.md, vault.md §14).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.metadata
import logging
import os
import platform
import re
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Final

from app import __version__
from app.paths import private_file

log = logging.getLogger(__name__)

#: Crash files kept in the logs directory; older ones are deleted when a new one is written.
KEEP_REPORTS: Final = 20
CRASH_PREFIX: Final = "crash-"
CRASH_SUFFIX: Final = ".log"
MASK: Final = "***"

#: Distributions whose versions a report (and the About dialog) shows: name → label.
COMPONENTS: Final = {
    # The app needs only the Essentials wheel; the full "PySide6" one counts too.
    "PySide6-Essentials": "PySide6",
    "PySide6": "PySide6",
    "SQLAlchemy": "SQLAlchemy",
    "alembic": "Alembic",
    "psycopg": "psycopg",
    "reportlab": "ReportLab",
    "paramiko": "paramiko",
}

#: "scheme://user:password@" → keep the scheme and user, mask the password. The password runs to
#: the last "@" of the address: it may hold "/" and "@" itself (SQLAlchemy reads it that way).
_URL_PASSWORD: Final = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@]*):\S*@")
#: A key naming a secret, then "=" or ":", then its value: quoted, or up to white space (a libpq
#: password may hold ";", "&" or ","; masking a little more than the secret is the safe side).
_KEY_VALUE: Final = re.compile(
    r"(?P<key>[\w.\-]*(?:passw(?:or)?d|pwd|secret|token|api[_\-]?key|passphrase|credential)"
    r"[\w.\-]*['\"]?\s*[=:]\s*)"
    r"(?P<value>\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|\S+)",
    re.IGNORECASE,
)
#: "Authorization: Bearer xyz", "Basic dXNlcjpwYXNz".
_AUTH_SCHEME: Final = re.compile(r"\b(?P<scheme>Bearer|Basic)\s+[A-Za-z0-9._~+/\-]+=*")


def scrub(text: str) -> str:
    """`text` with URL passwords and the values of secret-named keys replaced by `MASK`."""
    text = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}:{MASK}@", text)
    text = _KEY_VALUE.sub(lambda m: f"{m.group('key')}{MASK}", text)
    return _AUTH_SCHEME.sub(lambda m: f"{m.group('scheme')} {MASK}", text)


def versions() -> dict[str, str]:
    """Label → version of the app, Python and the main libraries ("not installed" if absent)."""
    found = {"MSP Helpdesk": __version__, "Python": platform.python_version()}
    for dist, label in COMPONENTS.items():
        if found.get(label, "not installed") != "not installed":
            continue
        try:
            found[label] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            found[label] = "not installed"
    return found


def crash_reports(logs_dir: Path) -> list[Path]:
    """The crash reports in `logs_dir`, oldest first (the stamps sort by time)."""
    if not logs_dir.is_dir():
        return []
    return sorted(
        p for p in logs_dir.glob(f"{CRASH_PREFIX}*{CRASH_SUFFIX}") if not p.name.endswith(".tmp")
    )


def newest_crash_report(logs_dir: Path) -> Path | None:
    """The most recent crash report in `logs_dir`, or None."""
    reports = crash_reports(logs_dir)
    return reports[-1] if reports else None


class CrashReporter:
    """Writes crash reports for the hooks it installs; `uninstall()` puts the old hooks back.

    The hooks may run on any thread; `on_report` is called on that thread with the new file's
    path (the GUI hook forwards it to the GUI thread through a queued signal).
    """

    def __init__(
        self,
        logs_dir: Path,
        *,
        on_report: Callable[[Path], object] | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.logs_dir = logs_dir
        self._on_report = on_report
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self._lock = threading.Lock()
        #: The report written last by this reporter, or None.
        self.last_report: Path | None = None
        self._previous_sys: Callable[..., object] | None = None
        self._previous_threading: Callable[..., object] | None = None

    # -- hooks ---------------------------------------------------------------------------------

    def install(self) -> None:
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._threading_hook

    def uninstall(self) -> None:
        """Restore the hooks that were there before `install()` (if still ours)."""
        if self._previous_sys is not None and sys.excepthook == self._sys_hook:
            sys.excepthook = self._previous_sys
        if self._previous_threading is not None and threading.excepthook == self._threading_hook:
            threading.excepthook = self._previous_threading

    def _sys_hook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous_sys is not None:
            # Ctrl+C in a terminal is not a crash.
            self._previous_sys(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb, threading.current_thread().name)

    def _threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return  # threading's own hook ignores it too
        thread = args.thread.name if args.thread is not None else "unknown thread"
        self.report(args.exc_type, args.exc_value, args.exc_traceback, thread)

    # -- writing -------------------------------------------------------------------------------

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
        thread: str,
    ) -> Path | None:
        """Write one report and log it; the path, or None if even that failed (never raises)."""
        try:
            text = self.render(exc_type, exc, tb, thread)
            with self._lock:
                path = self._write(text)
                self._prune()
            self.last_report = path
            log.critical(
                "unhandled %s in thread %s; crash report written to %s\n%s",
                exc_type.__name__,
                thread,
                path,
                _traceback_text(exc_type, exc, tb),
            )
        except Exception as error:  # the hook of last resort must not raise
            with contextlib.suppress(Exception):
                log.critical("could not write a crash report: %s", scrub(str(error)))
            return None
        if self._on_report is not None:
            with contextlib.suppress(Exception):
                self._on_report(path)
        return path

    def render(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
        thread: str,
    ) -> str:
        """The report's text, scrubbed."""
        now = self._now().astimezone(dt.UTC)
        lines = [
            "MSP Helpdesk crash report",
            f"Time (UTC): {now.isoformat(timespec='seconds')}",
            f"Thread: {thread}",
            f"Platform: {platform.platform()} ({platform.machine()})",
            *(f"{label}: {version}" for label, version in versions().items()),
            "",
            _traceback_text(exc_type, exc, tb),
        ]
        return "\n".join(lines) + "\n"

    def _write(self, text: str) -> Path:
        self.logs_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp = self._now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S-%fZ")
        target = self.logs_dir / f"{CRASH_PREFIX}{stamp}{CRASH_SUFFIX}"
        n = 1
        while target.exists():
            n += 1
            target = self.logs_dir / f"{CRASH_PREFIX}{stamp}-{n}{CRASH_SUFFIX}"
        temp = target.with_name(target.name + ".tmp")
        # Private before the first byte lands; renamed into place only once complete.
        private_file(temp)
        try:
            with temp.open("w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        return target

    def _prune(self) -> None:
        for old in crash_reports(self.logs_dir)[:-KEEP_REPORTS]:
            with contextlib.suppress(OSError):
                old.unlink()


def _traceback_text(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    # No frame locals: traceback only formats file, line, function and source line.
    formatted = traceback.format_exception(exc_type, exc, tb)
    return scrub("".join(formatted)).rstrip("\n")


def install_crash_handler(
    logs_dir: Path,
    *,
    on_report: Callable[[Path], object] | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> CrashReporter:
    """Write a crash report for every unhandled exception, on any thread, from now on.

    Returns the reporter: its `last_report` is the newest file it wrote, `uninstall()` restores
    the previous hooks. `on_report(path)` runs on the crashing thread after each report.
    """
    reporter = CrashReporter(logs_dir, on_report=on_report, now=now)
    reporter.install()
    return reporter
