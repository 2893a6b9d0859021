"""Start a `LaunchPlan` and clean up after it (remote.md §2, §3.2–3.4).

One `ProcessRunner` executes every external client (mstsc, `open`, FreeRDP, terminals), so the
process rules live in one place: an argv list with an absolute program, `close_fds`, a child
environment the plan cannot add to, the password only on a stdin pipe that is written once and
closed, and temp files deleted at exit, after a delay for clients that return at once, or at once
when the start fails.

Temp files live in private directories (0700) under names from `mkstemp` (0600), and
`sweep_temp_dir` removes what a crash left behind; it runs at start-up.

Qt-free on purpose: a daemon waiter thread reports the exit through `on_exit`, which runs on that
thread; Qt callers hop to the GUI thread themselves (a queued signal).
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Final, Protocol

from app.remote.plan import LaunchError, LaunchPlan

_log = logging.getLogger(__name__)

#: Environment names never handed to a client: the app's own secrets (a DB password from the
#: environment, say) must not end up readable in `/proc/<pid>/environ` of a child.
_SECRET_ENV_MARKERS: Final = ("PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "CREDENTIAL")
#: What to install when a client is missing, by program name (Debian package names).
_INSTALL_HINTS: Final = {
    "xfreerdp": "sudo apt install freerdp2-x11",
    "xfreerdp3": "sudo apt install freerdp3-x11",
    "sdl-freerdp3": "sudo apt install freerdp3-sdl",
    "wlfreerdp": "sudo apt install freerdp2-wayland",
    "wlfreerdp3": "sudo apt install freerdp3-wayland",
    "ssh": "sudo apt install openssh-client",
    "x-terminal-emulator": "install a terminal emulator, e.g. sudo apt install xterm",
}


def missing_client_message(program: str) -> str:
    """The "<name> is not installed" message, with the install command when one is known."""
    name = Path(program).name
    hint = _INSTALL_HINTS.get(name)
    message = f"{name} is not installed (not found: {program})"
    return f"{message}: {hint}" if hint else message


class _Popen(Protocol):
    """What the runner needs from `subprocess.Popen` (a fake in tests may stand in)."""

    pid: int
    stdin: IO[bytes] | None
    returncode: int | None

    def wait(self, timeout: float | None = None) -> int: ...

    def poll(self) -> int | None: ...

    def terminate(self) -> None: ...

    def kill(self) -> None: ...


def _console_flags(plan: LaunchPlan) -> dict[str, int]:
    # The flag exists only on Windows; elsewhere the plan field means nothing.
    if plan.new_console and sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_CONSOLE}  # type: ignore[attr-defined,unused-ignore]
    return {}


def child_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of `base` (default `os.environ`) without variables whose names suggest a secret."""
    source = os.environ if base is None else base
    return {
        name: value
        for name, value in source.items()
        if not any(marker in name.upper() for marker in _SECRET_ENV_MARKERS)
    }


# --- private temp files -----------------------------------------------------------------------


def private_temp_dir(base: Path, name: str) -> Path:
    """`base/name`, created 0700 if missing; refused if it is a symlink or someone else's.

    Another local user who could pre-create the directory could read or swap the files in it.
    """
    path = Path(base) / name
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise LaunchError("temp_dir_unsafe", f"{path} is not a plain directory")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise LaunchError("temp_dir_unsafe", f"{path} belongs to another user")
    # mkdir's mode is filtered by the umask, and an existing directory keeps its old mode.
    os.chmod(path, 0o700)
    return path


def write_private_file(directory: Path, suffix: str, data: bytes) -> Path:
    """Write `data` to a new `mkstemp` file (mode 0600, unpredictable name) in `directory`."""
    fd, name = tempfile.mkstemp(suffix=suffix, dir=directory)
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def sweep_temp_dir(path: Path) -> int:
    """Delete the files a crashed run left in `path`; returns how many. Missing dir → 0.

    Symlinks are removed, never followed; sub-directories are left alone.
    """
    removed = 0
    try:
        entries = list(os.scandir(path))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def _delete_files(files: tuple[Path, ...]) -> None:
    for path in files:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            # Left for the start-up sweep; the name is harmless, the file holds no secret.
            _log.warning("could not delete launch file %s: %s", path, exc.strerror)


# --- running ----------------------------------------------------------------------------------


class _Finisher:
    """Runs a plan's cleanup callbacks and file deletion once each, whoever asks first.

    `spare` files belong to fallback plans still to come (`start_first`): they are not deleted
    until `release_spare` says this plan is the one kept.
    """

    def __init__(self, plan: LaunchPlan, spare: frozenset[Path] = frozenset()) -> None:
        self._plan = plan
        self._spare = set(spare)
        self._lock = threading.Lock()
        self._cleaned = False
        self._files_deleted = False

    def cleanup(self) -> None:
        with self._lock:
            if self._cleaned:
                return
            self._cleaned = True
        for callback in self._plan.cleanup:
            try:
                callback()
            except Exception:
                # One failing cleanup (a credential already gone) must not skip the others.
                _log.exception("launch cleanup failed (method %s)", self._plan.method)

    def delete_files(self) -> None:
        with self._lock:
            if self._files_deleted:
                return
            self._files_deleted = True
            files = tuple(path for path in self._plan.files if path not in self._spare)
        _delete_files(files)

    def release_spare(self) -> None:
        """This plan is kept: the spare files are its own now (deleted at once if it is done)."""
        with self._lock:
            spare, self._spare = self._spare, set()
            done = self._files_deleted
        if done:
            _delete_files(tuple(spare))

    def all(self) -> None:
        self.cleanup()
        self.delete_files()


class ProcessHandle:
    """A started client: its pid, exit status and a way to stop it."""

    def __init__(self, process: _Popen, plan: LaunchPlan, finisher: _Finisher) -> None:
        self._process = process
        self._plan = plan
        self._finisher = finisher
        self._exited = threading.Event()
        self._timer: threading.Timer | None = None

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def plan(self) -> LaunchPlan:
        return self._plan

    @property
    def returncode(self) -> int | None:
        """The exit code once the waiter has seen the exit (and cleaned up), else None."""
        return self._process.returncode if self._exited.is_set() else None

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for exit and the exit-time cleanup; None if `timeout` passes first."""
        if not self._exited.wait(timeout):
            return None
        return self._process.returncode

    def terminate(self) -> None:
        """Ask the client to stop (SIGTERM / TerminateProcess); cleanup follows its exit."""
        if self._process.poll() is None:
            self._process.terminate()

    def kill(self) -> None:
        if self._process.poll() is None:
            self._process.kill()

    def finish_now(self) -> None:
        """Run delayed cleanup and deletions at once (the app is quitting)."""
        if self._timer is not None:
            self._timer.cancel()
        self._finisher.all()

    @property
    def _files_wait_for_timer(self) -> bool:
        # `open` and `wt` return at once; the real client reads the file later.
        return self._plan.detached and self._plan.delete_after_s is not None

    def _start_timer(self) -> None:
        if self._plan.delete_after_s is None:
            return
        self._timer = threading.Timer(self._plan.delete_after_s, self._on_timer)
        self._timer.daemon = True
        self._timer.start()

    def _on_timer(self) -> None:
        self._finisher.cleanup()
        if self._files_wait_for_timer:
            self._finisher.delete_files()

    def _on_process_exit(self) -> None:
        self._finisher.cleanup()
        if not self._files_wait_for_timer:
            if self._timer is not None:
                self._timer.cancel()
            self._finisher.delete_files()
        self._exited.set()


class ProcessRunner:
    """Starts plans with `subprocess.Popen(list, close_fds=True)`; see the module docstring.

    Cleanup timing:
    - at exit: `plan.cleanup` runs, then `plan.files` are deleted, except for a detached plan
      with `delete_after_s` (its client, e.g. Windows App behind `open`, reads the file later);
    - `delete_after_s` after the start: `plan.cleanup` runs if it has not yet (mstsc: the
      TERMSRV credential goes after 60 s or at exit, whichever is first), and a detached plan's
      files are deleted;
    - when the start fails: both at once;
    - `close()` (at quit): whatever is still pending, at once.
    """

    def __init__(
        self,
        *,
        env: Mapping[str, str] | None = None,
        popen: Callable[..., _Popen] = subprocess.Popen,
    ) -> None:
        self._env = env
        self._popen = popen
        self._lock = threading.Lock()
        self._handles: list[ProcessHandle] = []

    def start(
        self, plan: LaunchPlan, on_exit: Callable[[int], None] | None = None
    ) -> ProcessHandle:
        """Start `plan`; `on_exit(returncode)` runs on a waiter thread after the exit cleanup.

        Raises `LaunchError` ("client_missing" names the program) after cleaning up.
        """
        return self._start(plan, on_exit, frozenset())

    def _start(
        self, plan: LaunchPlan, on_exit: Callable[[int], None] | None, spare: frozenset[Path]
    ) -> ProcessHandle:
        finisher = _Finisher(plan, spare)
        if not plan.argv or not os.path.isabs(plan.argv[0]):
            finisher.all()
            raise LaunchError("program_not_absolute", "The program must be an absolute path")
        program = plan.argv[0]
        try:
            process = self._popen(
                list(plan.argv),
                close_fds=True,
                stdin=subprocess.PIPE if plan.stdin else subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=child_environment(self._env),
                **_console_flags(plan),
            )
        except FileNotFoundError:
            finisher.all()
            raise LaunchError("client_missing", missing_client_message(program)) from None
        except PermissionError:
            finisher.all()
            raise LaunchError("client_not_executable", f"{program} cannot be executed") from None
        except OSError as exc:
            finisher.all()
            message = f"{program} could not start: {exc.strerror}"
            raise LaunchError("start_failed", message) from None
        if plan.stdin:
            _write_stdin_once(process, plan.stdin)
        handle = ProcessHandle(process, plan, finisher)
        with self._lock:
            self._handles.append(handle)
        handle._start_timer()
        threading.Thread(
            target=self._wait, args=(handle, process, on_exit), daemon=True, name="launch-waiter"
        ).start()
        return handle

    def start_first(
        self,
        plans: Sequence[LaunchPlan],
        on_exit: Callable[[int], None] | None = None,
        *,
        settle_s: float = 5.0,
    ) -> ProcessHandle:
        """Start `plans[0]`, falling back to the next plan when one cannot start or, for a
        detached plan (`open -b <bundle>`), exits non-zero within `settle_s`.

        Files shared with later plans (one `.rdp` for both `open` calls) survive a failed
        attempt; the kept plan owns them all. `on_exit` hears only from the kept plan. Raises
        the last `LaunchError` when no plan starts.
        """
        error: LaunchError | None = None
        for index, plan in enumerate(plans):
            later = frozenset(path for other in plans[index + 1 :] for path in other.files)
            if not later <= set(plan.files):
                plan = replace(plan, files=tuple(dict.fromkeys((*plan.files, *later))))
            decided = threading.Event()
            kept = [True]

            def relay(
                code: int, decided: threading.Event = decided, kept: list[bool] = kept
            ) -> None:
                decided.wait()
                if kept[0] and on_exit is not None:
                    on_exit(code)

            try:
                handle = self._start(plan, relay, later)
            except LaunchError as exc:
                error = exc
                continue
            failed_fast = (
                plan.detached and index < len(plans) - 1 and handle.wait(settle_s) not in (None, 0)
            )
            if failed_fast:
                kept[0] = False
                decided.set()
                continue
            handle._finisher.release_spare()
            decided.set()
            return handle
        raise error or LaunchError("client_failed", "No client could open the connection")

    def close(self) -> None:
        """At quit: run every pending cleanup and deletion now (clients keep running)."""
        with self._lock:
            handles, self._handles = self._handles, []
        for handle in handles:
            handle.finish_now()

    def _wait(
        self, handle: ProcessHandle, process: _Popen, on_exit: Callable[[int], None] | None
    ) -> None:
        returncode = process.wait()
        handle._on_process_exit()
        if not handle._files_wait_for_timer:
            with self._lock:
                if handle in self._handles:
                    self._handles.remove(handle)
        if on_exit is not None:
            try:
                on_exit(returncode)
            except Exception:
                _log.exception("on_exit callback failed (method %s)", handle.plan.method)


def _write_stdin_once(process: _Popen, data: bytes) -> None:
    """Write the whole stdin and close the pipe, so the client sees EOF after it."""
    pipe = process.stdin
    if pipe is None:
        return
    # BrokenPipeError: the client exited before reading; its exit code tells the story.
    with contextlib.suppress(OSError):
        pipe.write(data)
    with contextlib.suppress(OSError):
        pipe.close()
