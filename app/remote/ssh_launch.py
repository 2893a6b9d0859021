"""Launch plans for the technician's own SSH client (remote.md §4.2).

Pure planners: each returns a `LaunchPlan` (argv list, absolute executable, no secrets) and
starts nothing, except the PuTTY planner's one-shot password pipe, which must exist before
PuTTY opens it. Every target value is one argv element; OpenSSH gets `--` before the
destination, so even a value that slipped past validation cannot become an option. With a pin,
OpenSSH is pointed at the app's known_hosts with strict checking, so the system client trusts
exactly what the embedded one does.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Final

from app.remote.known_hosts import KnownHosts, KnownHostsError, fingerprint_sha256
from app.remote.plan import LaunchError, LaunchPlan
from app.remote.ssh import Credential, reveal_credential
from app.remote.ssh_pipe import PIPE_TIMEOUT_S, PipeFactory, default_pipe_factory
from app.remote.target import Target

Which = Callable[[str], str | None]

METHOD_SYSTEM: Final = "ssh-system"
METHOD_PUTTY: Final = "ssh-putty"
#: The Terminal app reads the `.command` file after `open` returns (remote.md §4.2).
COMMAND_FILE_TTL_S: Final = 60.0
#: Titles are built by the app (`T1234 srv01`); this is all they may contain.
_TITLE: Final = re.compile(r"[A-Za-z0-9 _.#@:()\[\]-]{1,80}")
#: Linux terminals in preference order, with the argv that runs a program in them.
_LINUX_TERMINALS: Final = (
    ("x-terminal-emulator", ("-e",)),
    ("gnome-terminal", ("--",)),
    ("konsole", ("-e",)),
)
#: These return at once, handing the window to an already running server process.
_DETACHING_TERMINALS: Final = frozenset({"gnome-terminal"})


def validate_title(title: str) -> str:
    """A window title for `wt.exe`, which splits its whole argv on `;` (microsoft/terminal
    #13264): letters, digits and a little punctuation, never `;`."""
    if not isinstance(title, str) or not _TITLE.fullmatch(title):
        raise LaunchError("invalid_title", "The window title contains characters wt.exe misreads.")
    return title


def _checked(argv: list[str]) -> list[str]:
    """Refuse line breaks and NUL in any element, even if validation was bypassed: the
    `.command` file is line-based and NUL cannot be passed to a process at all."""
    if any(c in element for element in argv for c in "\r\n\0"):
        raise LaunchError("invalid_argument", "A value contains a line break or NUL.")
    return argv


def _login(target: Target) -> str | None:
    # SSH gets the account as entered (`DOM\user`, `user@dom`), as one element (remote.md §1).
    return target.account


def _config_path_value(path: Path) -> str:
    """A path as an `ssh -o` value: ssh splits option values on spaces, expands `%` tokens and
    `~`, and unescapes backslashes, so quote and escape rather than pass it raw."""
    text = str(path)
    if '"' in text or any(ord(c) < 32 for c in text):
        raise LaunchError(
            "invalid_known_hosts_path", "The known_hosts path cannot be passed to ssh."
        )
    return '"' + text.replace("\\", "\\\\").replace("%", "%%") + '"'


def openssh_args(target: Target, *, known_hosts_path: Path | None = None) -> list[str]:
    """The arguments after the `ssh` executable: `-p P [-l U] [pin options] -- H`."""
    args = ["-p", str(target.port)]
    login = _login(target)
    if login is not None:
        args += ["-l", login]
    if known_hosts_path is not None:
        args += [
            "-o",
            f"UserKnownHostsFile={_config_path_value(known_hosts_path)}",
            "-o",
            "StrictHostKeyChecking=yes",
        ]
    return _checked([*args, "--", target.host])


def pin_file_for(target: Target, known_hosts: KnownHosts) -> Path | None:
    """The known_hosts path to give OpenSSH when the target is pinned, else None.

    The record's pin (`Target.ssh_host_key`, MAC-bound) is copied into the file first, since
    OpenSSH only reads files. A different key of the same type already in the file is a
    conflict the user must resolve ("Forget host key"), never overwritten here.
    """
    pinned = bool(known_hosts.lookup(target.host, target.port))
    if target.ssh_host_key is not None:
        key_type, key_b64 = target.ssh_host_key.split(" ")
        try:
            known_hosts.add(target.host, target.port, key_type, key_b64)
        except KnownHostsError as exc:
            raise LaunchError(
                "host_key_conflict",
                f"The app's known_hosts holds another key for {target.address}; "
                "an admin must forget the old key first.",
            ) from exc
        pinned = True
    return known_hosts.path if pinned else None


def _absolute(which: Which, name: str) -> str | None:
    """`which(name)` when it is an absolute path: a relative PATH entry would let the current
    directory choose the program (remote.md §2 rule 2)."""
    found = which(name)
    if found and (PurePosixPath(found).is_absolute() or PureWindowsPath(found).is_absolute()):
        return found
    return None


def _require(which: Which, names: Sequence[str], install_hint: str) -> str:
    for name in names:
        found = _absolute(which, name)
        if found:
            return found
    raise LaunchError("client_missing", install_hint)


# --- Windows ----------------------------------------------------------------------------------


def _windows_ssh(which: Which, system_root: str | None) -> str:
    found = _absolute(which, "ssh.exe")
    if found:
        return found
    root = system_root if system_root is not None else os.environ.get("SYSTEMROOT", r"C:\Windows")
    candidate = os.path.join(root, "System32", "OpenSSH", "ssh.exe")
    if os.path.isfile(candidate):
        return candidate
    raise LaunchError(
        "client_missing",
        'ssh.exe not found: add the Windows optional feature "OpenSSH Client".',
    )


def plan_windows_ssh(
    target: Target,
    *,
    title: str,
    known_hosts_path: Path | None = None,
    which: Which = shutil.which,
    system_root: str | None = None,
) -> LaunchPlan:
    """`wt.exe -w 0 new-tab --title T ssh.exe …`, or `ssh.exe …` alone without Windows Terminal.

    The fallback must be started with `CREATE_NEW_CONSOLE` and never through cmd.exe.
    """
    ssh = _windows_ssh(which, system_root)
    args = openssh_args(target, known_hosts_path=known_hosts_path)
    wt = _absolute(which, "wt.exe")
    if wt is None:
        return LaunchPlan(argv=[ssh, *args], method=METHOD_SYSTEM, new_console=True)
    argv = [wt, "-w", "0", "new-tab", "--title", validate_title(title), ssh, *args]
    if any(";" in element for element in argv[1:]):
        # wt.exe would start a second command from whatever follows the `;`.
        raise LaunchError("invalid_argument", "A value contains `;`, which wt.exe misreads.")
    return LaunchPlan(argv=argv, detached=True, method=METHOD_SYSTEM)


def _putty_password(password: Credential) -> bytes:
    text = reveal_credential(password) or ""
    if any(c in text for c in "\r\n\0"):
        raise LaunchError(
            "password_unsupported",
            "This password contains a line break, which PuTTY cannot read; use Copy password.",
        )
    return text.encode("utf-8") + b"\n"


def plan_putty(
    target: Target,
    *,
    password: Credential | None = None,
    known_hosts: KnownHosts | None = None,
    which: Which = shutil.which,
    pipe_factory: PipeFactory | None = None,
    pipe_timeout: float = PIPE_TIMEOUT_S,
) -> LaunchPlan:
    """`putty.exe -ssh -P P -l U [-pwfile PIPE] [-hostkey SHA256:…]… H` (remote.md §4.2).

    The password goes through a one-shot pipe that serves one read and expires after
    `pipe_timeout`; the plan's cleanup closes it. PuTTY has no `--`, so a host starting with
    `-` is refused here even if validation was bypassed.
    """
    if target.host.startswith("-"):
        raise LaunchError("invalid_argument", "The host cannot start with `-`.")
    putty = _require(which, ("putty.exe", "putty"), "PuTTY not found: install PuTTY 0.77 or later.")
    pins: list[str] = []
    if known_hosts is not None:
        pins += [e.fingerprint for e in known_hosts.lookup(target.host, target.port)]
    if target.ssh_host_key is not None:
        pins.append(fingerprint_sha256(target.ssh_host_key.split(" ")[1]))
    argv = [putty, "-ssh", "-P", str(target.port)]
    login = _login(target)
    if login is not None:
        argv += ["-l", login]
    # Checked before the pipe exists, so a refusal leaves nothing running.
    _checked([*argv, target.host])
    cleanup: tuple[Callable[[], None], ...] = ()
    if password is not None:
        payload = _putty_password(password)
        pipe = (pipe_factory or default_pipe_factory())(payload, pipe_timeout)
        argv += ["-pwfile", pipe.path]
        cleanup = (pipe.close,)
    for fingerprint in dict.fromkeys(pins):
        argv += ["-hostkey", fingerprint]
    argv.append(target.host)
    return LaunchPlan(argv=argv, cleanup=cleanup, method=METHOD_PUTTY)


# --- macOS ------------------------------------------------------------------------------------


def command_file_text(target: Target, *, known_hosts_path: Path | None = None) -> str:
    """The `.command` script: one `exec ssh …` line, every value `shlex.quote`d."""
    argv = ["/usr/bin/ssh", *openssh_args(target, known_hosts_path=known_hosts_path)]
    return "#!/bin/sh\nexec " + " ".join(shlex.quote(a) for a in argv) + "\n"


def plan_macos_ssh(
    target: Target, *, temp_dir: Path, known_hosts_path: Path | None = None
) -> LaunchPlan:
    """`open -a Terminal ssh-<random>.command` (never AppleScript `do script`).

    The file (0700, in the app's private temp dir) is deleted 60 s after start, by which time
    Terminal has read it; it holds no secret.
    """
    text = command_file_text(target, known_hosts_path=known_hosts_path)
    temp_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="ssh-", suffix=".command", dir=temp_dir)
    path = Path(name)
    try:
        os.chmod(path, 0o700)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return LaunchPlan(
        argv=["/usr/bin/open", "-a", "Terminal", str(path)],
        files=(path,),
        cleanup=(lambda: path.unlink(missing_ok=True),),
        delete_after_s=COMMAND_FILE_TTL_S,
        detached=True,
        method=METHOD_SYSTEM,
    )


# --- Linux ------------------------------------------------------------------------------------


def plan_linux_ssh(
    target: Target, *, known_hosts_path: Path | None = None, which: Which = shutil.which
) -> LaunchPlan:
    """The first terminal found runs `ssh …` as separate argv elements (no shell string)."""
    ssh = _require(which, ("ssh",), "ssh not found: install openssh-client.")
    for name, run_flag in _LINUX_TERMINALS:
        terminal = _absolute(which, name)
        if terminal:
            argv = [terminal, *run_flag, ssh]
            argv += openssh_args(target, known_hosts_path=known_hosts_path)
            return LaunchPlan(
                argv=argv, detached=name in _DETACHING_TERMINALS, method=METHOD_SYSTEM
            )
    raise LaunchError(
        "client_missing",
        "No terminal found: install gnome-terminal or konsole (or set x-terminal-emulator).",
    )


def plan_system_ssh(
    target: Target,
    *,
    title: str,
    temp_dir: Path,
    known_hosts_path: Path | None = None,
    platform: str = sys.platform,
    which: Which = shutil.which,
) -> LaunchPlan:
    """The system client for this OS (PuTTY is its own choice: `plan_putty`)."""
    if platform == "win32":
        return plan_windows_ssh(target, title=title, known_hosts_path=known_hosts_path, which=which)
    if platform == "darwin":
        return plan_macos_ssh(target, temp_dir=temp_dir, known_hosts_path=known_hosts_path)
    return plan_linux_ssh(target, known_hosts_path=known_hosts_path, which=which)
