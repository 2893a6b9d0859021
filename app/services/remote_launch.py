"""External launches: turn a `Started` session into this platform's client process, run it, and
report its life to the session log (remote.md §3, §4.2, §7).

Which client runs is decided here, once: RDP opens in mstsc on Windows, Windows App on macOS and
FreeRDP elsewhere; "SSH in the system terminal" uses the platform's terminal. Embedded SSH and
the WinRM console are not processes: their views drive `SessionService` themselves. Any thread
(`run` blocks only while the process starts).
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from app.models.ticket import format_number
from app.remote import rdp_launch, ssh_launch
from app.remote.known_hosts import KnownHosts
from app.remote.plan import LaunchError, LaunchPlan
from app.remote.process import ProcessHandle, ProcessRunner, sweep_temp_dir
from app.remote.wincred import CredentialStore, default_credential_api
from app.services.remote_sessions import SessionService, Started

log = logging.getLogger(__name__)

#: xfreerdp's exit codes (client/X11/xfreerdp.h, 2.x) that a technician can act on.
FREERDP_EXITS: Final = {
    131: "the connection failed",
    132: "authentication failed",
    133: "security negotiation failed (NLA / TLS settings)",
    134: "the logon failed",
    135: "the account is locked out",
    139: "the host name could not be resolved",
    140: "the host name was not found",
    141: "the connection could not be made",
    143: "TLS failed: the server's certificate is not the pinned one",
    145: "the connection was cancelled",
    147: "the server could not be reached",
    148: "the password has expired",
    149: "the password must be changed",
    151: "the account is disabled",
    154: "wrong user name or password",
    155: "access denied",
    156: "the account is restricted",
    157: "the account has expired",
    158: "this logon type is not granted",
    159: "credentials are missing",
}


def rdp_method(platform: str = sys.platform) -> str:
    return {"win32": "rdp-mstsc", "darwin": "rdp-macos"}.get(platform, "rdp-freerdp")


@dataclass(frozen=True)
class LaunchEnv:
    """Where launches keep their files, and how programs are found (tests inject `which`)."""

    #: Private directory for `.rdp` / `.command` files (0700), swept at start-up.
    temp_dir: Path
    #: The app's own known_hosts (pins for system ssh).
    known_hosts: Path
    platform: str = sys.platform
    which: Callable[[str], str | None] = shutil.which
    #: Windows only: the TERMSRV credential list for the start-up sweep.
    credential_list: Path | None = None
    #: Windows: prompt for the password and offer Copy password instead of seeding TERMSRV
    #: (Credential Guard blocks saved credentials for mstsc).
    rdp_use_clipboard: bool = False
    freerdp: Callable[[], tuple[str, int]] = field(default=rdp_launch.find_freerdp)


@dataclass(frozen=True)
class Launched:
    handle: ProcessHandle
    #: The client prompts for the password: the UI offers Copy password (mstsc fallback, macOS).
    offer_copy_password: bool


class ExternalLauncher:
    """Plans and runs external clients; every outcome lands in the session log."""

    def __init__(self, sessions: SessionService, runner: ProcessRunner, env: LaunchEnv) -> None:
        self._sessions = sessions
        self._runner = runner
        self._env = env

    def close(self) -> None:
        """At quit: run pending clean-ups now (a TERMSRV entry, a file waiting for its timer)."""
        self._runner.close()

    def sweep(self) -> int:
        """Remove what a crashed run left: listed TERMSRV entries, then temp files (start-up)."""
        removed = 0
        if self._env.platform == "win32":
            removed += self._credentials().sweep()
        return removed + sweep_temp_dir(self._env.temp_dir)

    def _credentials(self) -> CredentialStore:
        # The list of entries we wrote lives beside, never inside, the swept temp directory.
        listed = self._env.credential_list or self._env.temp_dir.parent / "termsrv.json"
        return CredentialStore(default_credential_api(), listed)

    def run(self, started: Started, ticket_id: int | None) -> Launched:
        """Start the client for `started`; on any failure the session is closed as failed."""
        try:
            plans, offer = self._plans(started, ticket_id)
            handle = self._start(plans, started)
        except Exception as e:
            # Whatever stopped the start (a bad value, a missing client, a full disk, a
            # credential store error), the session ends failed instead of "starting" forever.
            self._sessions.finish(started.session_id, "failed", detail=_message(e))
            raise
        finally:
            for secret in started.secrets.values():
                secret.wipe()
        self._sessions.mark(started.session_id, "launched", detail=f"pid {handle.pid}")
        return Launched(handle, offer)

    def _plans(self, started: Started, ticket_id: int | None) -> tuple[list[LaunchPlan], bool]:
        target = started.target
        title = f"{format_number(ticket_id)} {target.host}" if ticket_id else target.host
        password = started.secrets.get("password")
        env = self._env
        match started.method:
            case "rdp-freerdp":
                if password is None:
                    raise LaunchError("no_password", "The record's credential has no password")
                binary, major = env.freerdp()
                plan = rdp_launch.plan_freerdp(
                    target, password, binary=binary, major=major, title=title
                )
                return [plan], False
            case "rdp-mstsc":
                mstsc = rdp_launch.plan_mstsc(
                    target, None, password, rdp_dir=env.temp_dir, cred=self._credentials(),
                    use_clipboard=env.rdp_use_clipboard,
                )  # fmt: skip
                return [mstsc.plan], mstsc.offer_copy_password
            case "rdp-macos":
                return rdp_launch.plan_macos(target, rdp_dir=env.temp_dir), True
            case "ssh-system":
                plan = ssh_launch.plan_system_ssh(
                    target, title=title, temp_dir=env.temp_dir,
                    known_hosts_path=ssh_launch.pin_file_for(target, KnownHosts(env.known_hosts)),
                    platform=env.platform, which=env.which,
                )  # fmt: skip
                return [plan], False
        raise LaunchError("not_external", f"{started.method} is not an external client")

    def _start(self, plans: list[LaunchPlan], started: Started) -> ProcessHandle:
        """The first plan that starts and holds; the others are fallbacks (macOS `open -b`
        exits 1 without Windows App, then plain `open`)."""
        if len(plans) == 1:
            return self._runner.start(plans[0], on_exit=self._on_exit(started, plans[0]))
        return self._runner.start_first(plans, on_exit=self._on_exit(started, plans[-1]))

    def _on_exit(self, started: Started, plan: LaunchPlan) -> Callable[[int], None]:
        def exited(code: int) -> None:
            if plan.detached:
                # `open` / `wt` hand over and return: the session's end is unknown.
                if code != 0:
                    self._finish(started, "failed", code, f"{plan.argv[0]} exited with {code}")
                return
            outcome = "ended" if code == 0 else "failed"
            self._finish(started, outcome, code, FREERDP_EXITS.get(code, ""))

        return exited

    def _finish(self, started: Started, outcome: str, code: int, detail: str) -> None:
        try:
            self._sessions.finish(started.session_id, outcome, exit_code=code, detail=detail)
        except Exception:
            # A waiter thread: nobody else would see this. The row stays "launched".
            log.exception("could not record the end of remote session %s", started.session_id)


def _message(error: Exception) -> str:
    if isinstance(error, LaunchError):
        return str(error)
    if isinstance(error, ValueError):
        # Planner ValueErrors name the field, never the value.
        return f"not launchable: {error}"
    return f"could not start ({type(error).__name__})"
