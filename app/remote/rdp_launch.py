"""RDP launch planners (remote.md §3.2–3.4): mstsc, Windows App on macOS, FreeRDP.

Each returns `LaunchPlan`s for `ProcessRunner`; none starts a process. Values come from a
validated `Target`; every value is still its own argv element, and every stdin line is
re-checked for line breaks, so a validator bug cannot turn into an extra option.

Passwords never reach argv, the environment or a file: mstsc gets a session-only `TERMSRV`
credential (`wincred.py`), FreeRDP reads stdin, and Windows App gets nothing (the UI offers Copy
password).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Final, Protocol

from app.remote.plan import LaunchError, LaunchPlan
from app.remote.process import private_temp_dir, write_private_file
from app.remote.rdp_file import check_line_value, encode_rdp, write_rdp
from app.remote.target import Target
from app.remote.wincred import CredentialStore

#: FreeRDP clients in order of preference (remote.md §3.4).
FREERDP_BINARIES: Final = ("xfreerdp3", "sdl-freerdp3", "wlfreerdp3", "xfreerdp", "wlfreerdp")
#: Windows App (formerly Microsoft Remote Desktop); the bundle id survived the rename.
MACOS_BUNDLE_ID: Final = "com.microsoft.rdc.macos"
MACOS_DELETE_AFTER_S: Final = 120.0
INSTALL_FREERDP: Final = "FreeRDP is not installed: sudo apt install freerdp2-x11"

_VERSION: Final = re.compile(r"FreeRDP version (\d+)\.")
_TITLE_MAX: Final = 80
_COPY_HINT: Final = "use Copy password instead"


class RevealsText(Protocol):
    """A vault `Secret` (app.vault.secret), typed by shape: app.remote may not import the vault."""

    def reveal_text(self) -> str: ...


Password = RevealsText | str


def _reveal(password: Password) -> str:
    return password if isinstance(password, str) else password.reveal_text()


def _check_password(password: str, *, line_based: bool, field: str = "password") -> str:
    """NUL never; CR/LF refused on line-based channels (stdin lines), pointing to Copy."""
    if "\0" in password:
        raise LaunchError(f"{field}_nul", f"The {field.replace('_', ' ')} contains a NUL character")
    if line_based and ("\r" in password or "\n" in password):
        raise LaunchError(
            f"{field}_line_break",
            f"The {field.replace('_', ' ')} contains a line break, which FreeRDP cannot read; "
            f"{_COPY_HINT}",
        )
    return password


def _is_absolute(path: str) -> bool:
    return PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute()


def validate_title(title: str) -> str:
    """A window title built by the app (`T1234 srv01`): printable ASCII, no `;`, ≤ 80."""
    if (
        not title
        or len(title) > _TITLE_MAX
        or not all(" " <= char <= "~" for char in title)
        or ";" in title
    ):
        raise ValueError("title: must be 1-80 printable ASCII characters without ';'")
    return title


def _host_port(host: str, port: int | None) -> str:
    if port is None:
        return host
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# --- FreeRDP (Linux) --------------------------------------------------------------------------


def _run_version(argv: list[str]) -> str:
    """Output of `<freerdp> /version` (stdout and stderr; a few seconds at most)."""
    try:
        done = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=5,
            check=False,
            close_fds=True,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return (done.stdout + done.stderr).decode("utf-8", "replace")


def find_freerdp(
    which: Callable[[str], str | None] = shutil.which,
    run: Callable[[list[str]], str] = _run_version,
) -> tuple[str, int]:
    """`(absolute path, major version)` of the first FreeRDP client found.

    The major comes from `/version` ("This is FreeRDP version 2.11.7"). xfreerdp 2 prints
    nothing without a display, so the name decides then: a `3` suffix means FreeRDP 3.
    """
    for name in FREERDP_BINARIES:
        found = which(name)
        if not found:
            continue
        path = os.path.abspath(found)
        match = _VERSION.search(run([path, "/version"]))
        major = int(match.group(1)) if match else (3 if name.endswith("3") else 2)
        return path, major
    raise LaunchError("client_missing", INSTALL_FREERDP)


def freerdp_options(target: Target, *, title: str, security: str | None, major: int) -> list[str]:
    """The options both FreeRDP versions take, one element each, without any password."""
    if target.cert_sha256 is None:
        raise LaunchError(
            "pin_required", "No certificate is pinned for this host: run the connection test first"
        )
    if security not in (None, "nla", "tls"):
        raise ValueError("security: must be nla or tls")
    policy = target.policy
    options = [f"/v:{target.address}"]
    if target.user is not None:
        options.append(f"/u:{target.user}")
    if target.domain is not None:
        options.append(f"/d:{target.domain}")
    options.append(f"/cert:deny,fingerprint:sha256:{target.cert_sha256}")
    if security is not None:
        options.append(f"/sec:{security}")
    options += [
        "+drives" if policy.redirect_drives else "-drives",
        "+clipboard" if policy.redirect_clipboard else "-clipboard",
        "/dynamic-resolution",
        f"/t:{validate_title(title)}",
    ]
    if policy.admin_session:
        options.append("/admin")
    if policy.screen == "fullscreen":
        options.append("/f")
    if policy.width is not None and policy.height is not None:
        options.append(f"/size:{policy.width}x{policy.height}")
    if policy.multimon:
        options.append("/multimon")
    if policy.restricted_admin:
        options.append("/restricted-admin")
    if policy.remote_guard:
        if major < 3:
            raise LaunchError(
                "policy_unsupported", "Remote Credential Guard needs FreeRDP 3 (or mstsc)"
            )
        options.append("/remoteGuard")
    return options


def _gateway_v2(target: Target, gateway_password: str | None) -> tuple[list[str], list[str]]:
    """FreeRDP 2: (`/g:`, `/gu:`, `/gd:` options, extra stdin lines)."""
    gateway = target.gateway
    if gateway is None:
        return [], []
    options = [f"/g:{_host_port(gateway.host, gateway.port)}"]
    if gateway.user is None:
        return options, []
    options.append(f"/gu:{gateway.user}")
    if gateway.domain is not None:
        options.append(f"/gd:{gateway.domain}")
    if gateway_password is None:
        raise LaunchError("gateway_password_required", "The gateway account needs a password")
    # 2.11 reads "Gateway Password:" as the second stdin line after "Password:".
    return options, [_check_password(gateway_password, line_based=True, field="gateway_password")]


def _gateway_v3(target: Target, gateway_password: str | None) -> list[str]:
    """FreeRDP 3: one `/gateway:g:…[,u:…,d:…,p:…]` line (sub-options split on commas)."""
    gateway = target.gateway
    if gateway is None:
        return []
    values = {"g": _host_port(gateway.host, gateway.port)}
    if gateway.user is not None:
        values["u"] = gateway.user
        if gateway.domain is not None:
            values["d"] = gateway.domain
    for key, value in values.items():
        if "," in value:
            # Validated values have no comma; this guards against a validator bug.
            raise ValueError(f"gateway {key}: contains ','")
    parts = [f"{key}:{value}" for key, value in values.items()]
    if gateway.user is not None:
        if gateway_password is None:
            raise LaunchError("gateway_password_required", "The gateway account needs a password")
        _check_password(gateway_password, line_based=True, field="gateway_password")
        if "," in gateway_password:
            raise LaunchError(
                "gateway_password_comma",
                "FreeRDP 3 cannot take a gateway password containing ','",
            )
        parts.append(f"p:{gateway_password}")
    return ["/gateway:" + ",".join(parts)]


def plan_freerdp(
    target: Target,
    password: Password,
    *,
    binary: str,
    major: int,
    title: str,
    security: str | None = None,
    gateway_password: Password | None = None,
) -> LaunchPlan:
    """A FreeRDP launch with the password on stdin only (remote.md §3.4).

    FreeRDP 3: argv `[binary, "/args-from:stdin"]`, stdin one option per line with `/p:` and
    an empty line. FreeRDP 2: argv `[binary, *options, "/from-stdin:force"]`, stdin the password
    line (then the gateway password line for a separate gateway account).
    Raises `LaunchError` (no pin, a password FreeRDP cannot read) or `ValueError` (bad title,
    a value with a line break).
    """
    if major not in (2, 3):
        raise ValueError("major: FreeRDP 2 or 3")
    if not _is_absolute(binary):
        raise ValueError("binary: must be an absolute path")
    if target.user is None:
        # Without /u:, 2.11 would read the user name from stdin first and misread our lines.
        raise LaunchError("user_required", "The credential has no user name")
    secret = _check_password(_reveal(password), line_based=True)
    gw_secret = None if gateway_password is None else _reveal(gateway_password)
    options = freerdp_options(target, title=title, security=security, major=major)
    if major >= 3:
        lines = [*options, *_gateway_v3(target, gw_secret), f"/p:{secret}"]
        for line in lines[:-1]:
            check_line_value("freerdp option", line)
        # One option per line; the empty line ends the list.
        stdin = ("\n".join(lines) + "\n\n").encode("utf-8")
        argv = [binary, "/args-from:stdin"]
    else:
        gw_options, gw_lines = _gateway_v2(target, gw_secret)
        argv = [binary, *options, *gw_options, "/from-stdin:force"]
        for element in argv:
            check_line_value("freerdp option", element)
        stdin = "".join(f"{line}\n" for line in [secret, *gw_lines]).encode("utf-8")
    return LaunchPlan(argv=argv, stdin=stdin, method="rdp-freerdp")


# --- Windows (mstsc) --------------------------------------------------------------------------


def default_mstsc_path() -> str:
    """`%SystemRoot%\\System32\\mstsc.exe`, never looked up on PATH."""
    root = os.environ.get("SYSTEMROOT", r"C:\Windows")
    return str(PureWindowsPath(root) / "System32" / "mstsc.exe")


@dataclass(frozen=True)
class MstscLaunch:
    """An mstsc plan plus what the UI must know.

    `offer_copy_password`: no credential was pre-seeded (a foreign `TERMSRV` entry, a password
    too long for the credential blob, a failed write, or the workstation's "use clipboard"
    setting), so mstsc prompts and the UI offers Copy password. `reason` says which.
    """

    plan: LaunchPlan
    offer_copy_password: bool
    reason: str
    credential_name: str | None = None


def mstsc_switches(target: Target) -> list[str]:
    """Policy switches, each its own element (remote.md §3.2)."""
    policy = target.policy
    switches = []
    if policy.admin_session:
        switches.append("/admin")
    if policy.restricted_admin:
        switches.append("/restrictedAdmin")
    if policy.remote_guard:
        switches.append("/remoteGuard")
    if policy.screen == "fullscreen":
        switches.append("/f")
    if policy.public_mode:
        switches.append("/public")
    return switches


def plan_mstsc(
    target: Target,
    account: str | None,
    password: Password | None,
    *,
    rdp_dir: Path,
    cred: CredentialStore,
    mstsc_path: str | None = None,
    delete_after_s: float = 60.0,
    use_clipboard: bool = False,
) -> MstscLaunch:
    """Seed `TERMSRV/<host>` (unless impossible), write the `.rdp`, and plan `mstsc <file>`.

    The plan's cleanup deletes the credential; `ProcessRunner` runs it after `delete_after_s`
    or at mstsc's exit, whichever is first, and deletes the file at exit. A `TargetError`
    for a bad account is raised before anything is written.
    """
    program = mstsc_path or default_mstsc_path()
    if not _is_absolute(program):
        raise ValueError("mstsc_path: must be an absolute path")
    if account:
        target = target.with_account(account)
    secret = None if password is None else _check_password(_reveal(password), line_based=False)
    if use_clipboard:
        reason = "use_clipboard"
    elif secret is None or target.account is None:
        reason = "no_password"
    else:
        reason = ""
    # Refuse an unwritable value before a credential exists that would need undoing.
    write_rdp(target, prompt_credentials=True)
    outcome = None
    if not reason and secret is not None and target.account is not None:
        outcome = cred.seed(target.host, target.account, secret)
        reason = outcome.reason
    seeded_name = outcome.name if outcome is not None else None
    try:
        text = write_rdp(target, prompt_credentials=seeded_name is None)
        directory = private_temp_dir(Path(rdp_dir).parent, Path(rdp_dir).name)
        path = write_private_file(directory, ".rdp", encode_rdp(text))
    except BaseException:
        if seeded_name is not None:
            cred.delete(seeded_name)
        raise
    cleanup: tuple[Callable[[], None], ...] = ()
    if seeded_name is not None:
        name = seeded_name
        cleanup = (lambda: cred.delete(name),)
    plan = LaunchPlan(
        argv=[program, str(path), *mstsc_switches(target)],
        files=(path,),
        cleanup=cleanup,
        delete_after_s=delete_after_s,
        method="rdp-mstsc",
    )
    return MstscLaunch(plan, seeded_name is None, reason, seeded_name)


# --- macOS (Windows App) ----------------------------------------------------------------------


def plan_macos(
    target: Target, *, rdp_dir: Path, open_path: str = "/usr/bin/open"
) -> list[LaunchPlan]:
    """`open -b com.microsoft.rdc.macos <file>`, then the fallback `open <file>`.

    Try them in order until one exits 0; if none does, ask the user to install Windows App.
    No password is passed: the UI offers Copy password. `open` returns at once, so the file
    (one for both plans) is deleted after 120 s rather than at exit.
    """
    if not _is_absolute(open_path):
        raise ValueError("open_path: must be an absolute path")
    text = write_rdp(target, prompt_credentials=True, macos=True)
    directory = private_temp_dir(Path(rdp_dir).parent, Path(rdp_dir).name)
    path = write_private_file(directory, ".rdp", encode_rdp(text))
    argvs: Sequence[list[str]] = (
        [open_path, "-b", MACOS_BUNDLE_ID, str(path)],
        [open_path, str(path)],
    )
    return [
        LaunchPlan(
            argv=argv,
            files=(path,),
            delete_after_s=MACOS_DELETE_AFTER_S,
            detached=True,
            method="rdp-macos",
        )
        for argv in argvs
    ]
