"""What a launcher returns: pure data that one `ProcessRunner` executes (remote.md, "Modules").

Builders never start processes, so injection tests inspect plans without running anything, and
the rules of remote.md §2 (argv lists, absolute executables, secrets only on stdin) are checked
in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class LaunchError(Exception):
    """A launch cannot be planned or started; `code` is stable, the message is for the user.

    Messages never contain a secret: they name what is missing ("install FreeRDP: apt install
    freerdp2-x11") or which field is wrong.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class LaunchPlan:
    """One process to start.

    `argv[0]` is an absolute path. `stdin` (which may hold a password) is written once and the
    pipe closed. `files` are temp files the plan wrote (no secrets in them); `cleanup` runs after
    the process exits, or at once when it cannot start.
    """

    argv: list[str]
    stdin: bytes | None = None
    files: tuple[Path, ...] = ()
    cleanup: tuple[Callable[[], None], ...] = field(default=(), repr=False)
    #: Delete `files` this many seconds after start instead of at exit (`open`, `wt`: they return
    #: at once, and the real client reads the file later).
    delete_after_s: float | None = None
    #: The process outlives us (e.g. `open`, `wt`): its exit says nothing about the session.
    detached: bool = False
    #: remote_sessions.method (remote.md §7).
    method: str = ""
    #: Windows: start in a console of its own (`CREATE_NEW_CONSOLE`), e.g. `ssh.exe` without
    #: Windows Terminal; never by way of cmd.exe (remote.md §4.2).
    new_console: bool = False

    def __repr__(self) -> str:
        # stdin may hold the password: never in a repr, log line or traceback.
        shown = None if self.stdin is None else f"<{len(self.stdin)} bytes>"
        return f"LaunchPlan(argv={self.argv!r}, stdin={shown}, files={self.files!r})"
