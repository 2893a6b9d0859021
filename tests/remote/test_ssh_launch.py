"""System SSH client launch plans (remote.md §4.2, §10.1, §10.2): argv shapes per OS, the
injection matrix, the validator bypass, the `.command` file and PuTTY's one-shot password pipe.

Planners start nothing; where a process runs, it is a tiny recording stub in `tmp_path`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

import app.remote.target as target_module
from app.remote.known_hosts import KnownHosts, fingerprint_sha256
from app.remote.plan import LaunchError, LaunchPlan
from app.remote.ssh_launch import (
    COMMAND_FILE_TTL_S,
    METHOD_PUTTY,
    METHOD_SYSTEM,
    command_file_text,
    openssh_args,
    pin_file_for,
    plan_linux_ssh,
    plan_macos_ssh,
    plan_putty,
    plan_system_ssh,
    plan_windows_ssh,
    validate_title,
)
from app.remote.ssh_pipe import FifoPasswordPipe, PasswordPipe, new_pipe_name
from app.remote.target import Target
from app.vault.secret import Secret

WT = r"C:\Users\tech\AppData\Local\Microsoft\WindowsApps\wt.exe"
SSH_EXE = r"C:\Windows\System32\OpenSSH\ssh.exe"
PUTTY = r"C:\Program Files\PuTTY\putty.exe"
TITLE = "T1234 srv01"

SHELL_PAYLOADS = ["a;calc", "a&calc", "a|calc", "`calc`", "$(calc)", "'x'", '"x"']
LINE_PAYLOADS = ["a\nb", "a\r\nusername:s:x"]
OPTION_PAYLOADS = ["-oProxyCommand=calc", "-l", "/admin"]
UNICODE_PAYLOADS = ["ѕrv01", "a；b", "a＂b", "a\u202eb", "a\u200bb"]


def _which(mapping: dict[str, str]) -> Callable[[str], str | None]:
    return mapping.get


def _host_key() -> str:
    public = ed25519.Ed25519PrivateKey.generate().public_key()
    return public.public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode()


def _target(host: str = "srv01.example.com", user: str | None = "admin", **kw: object) -> Target:
    return Target("ssh", host, 2222, user=user, **kw)  # type: ignore[arg-type]


def _after_dashdash(argv: list[str]) -> list[str]:
    assert argv.count("--") == 1
    return argv[argv.index("--") + 1 :]


# --- OpenSSH argv -----------------------------------------------------------------------------


def test_ssh_launch_openssh_args_shape(tmp_path: Path) -> None:
    assert openssh_args(_target()) == ["-p", "2222", "-l", "admin", "--", "srv01.example.com"]
    assert openssh_args(_target(user=None)) == ["-p", "2222", "--", "srv01.example.com"]
    # The account goes over as entered (remote.md §1), one element.
    with_domain = _target().with_account("CORP\\admin")
    assert openssh_args(with_domain)[2:4] == ["-l", "CORP\\admin"]
    pinned = openssh_args(_target(host="::1"), known_hosts_path=tmp_path / "known_hosts")
    assert pinned == [
        "-p",
        "2222",
        "-l",
        "admin",
        "-o",
        f'UserKnownHostsFile="{tmp_path / "known_hosts"}"',
        "-o",
        "StrictHostKeyChecking=yes",
        "--",
        "::1",
    ]


def test_ssh_launch_known_hosts_path_is_quoted_for_ssh() -> None:
    windows = Path("C:/Users/John Smith/100%d/known_hosts")
    (_, value) = openssh_args(_target(), known_hosts_path=windows)[4:6]
    assert value == 'UserKnownHostsFile="C:/Users/John Smith/100%%d/known_hosts"'
    with pytest.raises(LaunchError):
        openssh_args(_target(), known_hosts_path=Path('/tmp/a"b'))


def test_ssh_launch_pin_file_copies_the_record_pin(tmp_path: Path) -> None:
    known_hosts = KnownHosts(tmp_path / "known_hosts")
    assert pin_file_for(_target(), known_hosts) is None
    key = _host_key()
    assert pin_file_for(_target(ssh_host_key=key), known_hosts) == known_hosts.path
    assert known_hosts.path.read_text() == f"[srv01.example.com]:2222 {key}\n"
    # Already in the file: still pinned without the record's copy.
    assert pin_file_for(_target(), known_hosts) == known_hosts.path
    with pytest.raises(LaunchError) as err:
        pin_file_for(_target(ssh_host_key=_host_key()), known_hosts)
    assert err.value.code == "host_key_conflict"


# --- Windows ----------------------------------------------------------------------------------


def test_ssh_launch_windows_terminal_argv() -> None:
    plan = plan_windows_ssh(
        _target(), title=TITLE, which=_which({"wt.exe": WT, "ssh.exe": SSH_EXE})
    )
    assert plan.argv == [
        WT,
        "-w",
        "0",
        "new-tab",
        "--title",
        TITLE,
        SSH_EXE,
        "-p",
        "2222",
        "-l",
        "admin",
        "--",
        "srv01.example.com",
    ]
    assert (plan.detached, plan.method, plan.stdin) == (True, METHOD_SYSTEM, None)


def test_ssh_launch_windows_without_wt_runs_ssh_exe_directly(tmp_path: Path) -> None:
    plan = plan_windows_ssh(_target(), title=TITLE, which=_which({"ssh.exe": SSH_EXE}))
    assert plan.argv == [SSH_EXE, "-p", "2222", "-l", "admin", "--", "srv01.example.com"]
    # Not in PATH: the Windows optional feature's location.
    root = tmp_path / "Windows"
    (root / "System32" / "OpenSSH").mkdir(parents=True)
    (root / "System32" / "OpenSSH" / "ssh.exe").touch()
    plan = plan_windows_ssh(_target(), title=TITLE, which=_which({}), system_root=str(root))
    assert plan.argv[0] == str(root / "System32" / "OpenSSH" / "ssh.exe")
    with pytest.raises(LaunchError) as err:
        plan_windows_ssh(_target(), title=TITLE, which=_which({}), system_root=str(tmp_path))
    assert err.value.code == "client_missing" and "OpenSSH Client" in str(err.value)


@pytest.mark.parametrize("title", ["T1; calc", "a\nb", "", "x" * 81, "T１", "T\u202e1"])
def test_ssh_launch_wt_title_is_validated(title: str) -> None:
    with pytest.raises(LaunchError) as err:
        validate_title(title)
    assert err.value.code == "invalid_title"
    with pytest.raises(LaunchError):
        plan_windows_ssh(_target(), title=title, which=_which({"wt.exe": WT, "ssh.exe": SSH_EXE}))


def test_ssh_launch_wt_refuses_semicolons_anywhere(tmp_path: Path) -> None:
    with pytest.raises(LaunchError) as err:
        plan_windows_ssh(
            _target(),
            title=TITLE,
            known_hosts_path=tmp_path / "a;b" / "known_hosts",
            which=_which({"wt.exe": WT, "ssh.exe": SSH_EXE}),
        )
    assert err.value.code == "invalid_argument"


def test_ssh_launch_relative_executables_are_not_trusted() -> None:
    with pytest.raises(LaunchError):
        plan_windows_ssh(_target(), title=TITLE, which=_which({"ssh.exe": "ssh.exe"}))
    with pytest.raises(LaunchError):
        plan_linux_ssh(_target(), which=_which({"ssh": "bin/ssh", "konsole": "/usr/bin/konsole"}))


# --- PuTTY ------------------------------------------------------------------------------------


class RecordingPipe:
    """A stand-in pipe for argv-shape tests: remembers what it would serve."""

    made: ClassVar[list[RecordingPipe]] = []

    def __init__(self, payload: bytes, timeout: float) -> None:
        self.payload, self.timeout, self.closed = payload, timeout, False
        self.path = rf"\\.\pipe\{new_pipe_name()}"
        RecordingPipe.made.append(self)

    @property
    def served(self) -> bool:
        return False

    def wait(self, timeout: float | None = None) -> bool:
        return False

    def close(self) -> None:
        self.closed = True


def test_ssh_launch_putty_argv_with_pipe_and_hostkey(tmp_path: Path) -> None:
    key = _host_key()
    known_hosts = KnownHosts(tmp_path / "known_hosts")
    RecordingPipe.made.clear()
    plan = plan_putty(
        _target(ssh_host_key=key),
        password=Secret("pa ss;word"),
        known_hosts=known_hosts,
        which=_which({"putty.exe": PUTTY}),
        pipe_factory=RecordingPipe,
    )
    (pipe,) = RecordingPipe.made
    assert pipe.payload == b"pa ss;word\n" and pipe.timeout == 30.0
    assert pipe.path.startswith("\\\\.\\pipe\\helpdesk-") and len(pipe.path) == 9 + 9 + 32
    assert plan.argv == [
        PUTTY,
        "-ssh",
        "-P",
        "2222",
        "-l",
        "admin",
        "-pwfile",
        pipe.path,
        "-hostkey",
        fingerprint_sha256(key.split()[1]),
        "srv01.example.com",
    ]
    assert plan.method == METHOD_PUTTY
    assert not any("pa ss" in element for element in plan.argv)
    assert "pa ss" not in repr(plan)
    for cleanup in plan.cleanup:
        cleanup()
    assert pipe.closed


def test_ssh_launch_putty_without_password_or_pin() -> None:
    plan = plan_putty(_target(), which=_which({"putty.exe": PUTTY}))
    assert plan.argv == [PUTTY, "-ssh", "-P", "2222", "-l", "admin", "srv01.example.com"]
    assert plan.cleanup == ()


@pytest.mark.parametrize("password", ["a\nb", "a\rb", "pw\n/drive:all,/", "a\0b"])
def test_ssh_launch_putty_refuses_line_breaks_in_password(password: str) -> None:
    RecordingPipe.made.clear()
    with pytest.raises(LaunchError) as err:
        plan_putty(
            _target(),
            password=password,
            which=_which({"putty.exe": PUTTY}),
            pipe_factory=RecordingPipe,
        )
    assert err.value.code == "password_unsupported" and "Copy password" in str(err.value)
    assert password not in str(err.value)
    assert RecordingPipe.made == []


def test_ssh_launch_putty_missing_names_what_to_install() -> None:
    with pytest.raises(LaunchError) as err:
        plan_putty(_target(), which=_which({}))
    assert err.value.code == "client_missing" and "PuTTY" in str(err.value)


# --- the one-shot pipe (FIFO on Linux) --------------------------------------------------------


def test_ssh_launch_pipe_serves_exactly_one_read() -> None:
    pipe: PasswordPipe = FifoPasswordPipe(b"s3cret\n", timeout=5)
    folder = Path(pipe.path).parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_ISFIFO(os.stat(pipe.path).st_mode)
    with open(pipe.path, "rb") as reader:
        assert reader.read() == b"s3cret\n"
    assert pipe.wait(5) is True
    with pytest.raises(FileNotFoundError):
        open(pipe.path, "rb")  # noqa: SIM115
    assert not folder.exists()
    pipe.close()
    assert "s3cret" not in repr(pipe)


def test_ssh_launch_pipe_expires_unread() -> None:
    start = time.monotonic()
    pipe = FifoPasswordPipe(b"s3cret\n", timeout=0.3)
    assert pipe.wait(5) is False
    assert time.monotonic() - start < 3
    assert not Path(pipe.path).exists() and not Path(pipe.path).parent.exists()


def test_ssh_launch_pipe_close_stops_serving() -> None:
    pipe = FifoPasswordPipe(b"s3cret\n", timeout=30)
    pipe.close()
    assert pipe.wait(1) is False
    assert not Path(pipe.path).parent.exists()


def _stub(bin_dir: Path, name: str, body: str) -> Path:
    """A tiny Python program that records what it was started with."""
    bin_dir.mkdir(exist_ok=True)
    path = bin_dir / name
    path.write_text(f"#!{sys.executable}\nimport json, os, sys\n{body}\n")
    path.chmod(0o755)
    return path


def test_ssh_launch_putty_stub_reads_the_password_from_the_pipe(tmp_path: Path) -> None:
    log = tmp_path / "putty.json"
    putty = _stub(
        tmp_path / "bin",
        "putty",
        "path = sys.argv[sys.argv.index('-pwfile') + 1]\n"
        "data = open(path, 'rb').read()\n"
        "import hashlib\n"
        f"json.dump({{'argv': sys.argv, 'sha': hashlib.sha256(data).hexdigest(),"
        f" 'environ': open('/proc/self/environ', 'rb').read().decode('latin-1')}},"
        f" open({str(log)!r}, 'w'))",
    )
    password = "pw with spaces; and $(calc)"
    plan = plan_putty(_target(), password=Secret(password), which=_which({"putty": str(putty)}))
    try:
        subprocess.run(plan.argv, check=True, timeout=20, close_fds=True)
    finally:
        for cleanup in plan.cleanup:
            cleanup()
    record = json.loads(log.read_text())
    assert record["argv"][1:] == plan.argv[1:]
    assert record["sha"] == hashlib.sha256(f"{password}\n".encode()).hexdigest()
    assert password not in " ".join(record["argv"]) and password not in record["environ"]
    pwfile = plan.argv[plan.argv.index("-pwfile") + 1]
    assert not Path(pwfile).exists()


# --- macOS ------------------------------------------------------------------------------------


def test_ssh_launch_macos_command_file(tmp_path: Path) -> None:
    temp_dir = tmp_path / "private"
    plan = plan_macos_ssh(
        _target(user="a b"), temp_dir=temp_dir, known_hosts_path=tmp_path / "k h" / "known_hosts"
    )
    (path,) = plan.files
    assert plan.argv == ["/usr/bin/open", "-a", "Terminal", str(path)]
    assert (plan.detached, plan.delete_after_s, plan.method) == (
        True,
        COMMAND_FILE_TTL_S,
        "ssh-system",
    )
    assert path.parent == temp_dir and path.name.startswith("ssh-") and path.suffix == ".command"
    assert stat.S_IMODE(path.stat().st_mode) == 0o700
    lines = path.read_text().splitlines()
    assert lines[0] == "#!/bin/sh" and len(lines) == 2
    words = shlex.split(lines[1])
    assert words[:2] == ["exec", "/usr/bin/ssh"]
    assert words[2:] == openssh_args(
        _target(user="a b"), known_hosts_path=tmp_path / "k h" / "known_hosts"
    )
    for cleanup in plan.cleanup:
        cleanup()
    assert not path.exists()


def test_ssh_launch_command_file_runs_as_one_argv(tmp_path: Path) -> None:
    """The script really passes every value as one argument (sh, not just shlex, parses it)."""
    log = tmp_path / "ssh.json"
    stub = _stub(tmp_path / "bin", "ssh", f"json.dump(sys.argv[1:], open({str(log)!r}, 'w'))")
    target = _target(user="a b")
    text = command_file_text(target).replace("/usr/bin/ssh", shlex.quote(str(stub)), 1)
    script = tmp_path / "t.command"
    script.write_text(text)
    subprocess.run(["/bin/sh", str(script)], check=True, timeout=20)
    assert json.loads(log.read_text()) == openssh_args(target)


# --- Linux ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("available", "expected_prefix"),
    [
        (["x-terminal-emulator", "gnome-terminal"], ["/usr/bin/x-terminal-emulator", "-e"]),
        (["gnome-terminal", "konsole"], ["/usr/bin/gnome-terminal", "--"]),
        (["konsole"], ["/usr/bin/konsole", "-e"]),
    ],
)  # fmt: skip
def test_ssh_launch_linux_first_terminal_found(
    available: list[str], expected_prefix: list[str]
) -> None:
    mapping = {name: f"/usr/bin/{name}" for name in [*available, "ssh"]}
    plan = plan_linux_ssh(_target(), which=_which(mapping))
    assert plan.argv == [*expected_prefix, "/usr/bin/ssh", *openssh_args(_target())]
    assert plan.detached is (expected_prefix[0] == "/usr/bin/gnome-terminal")


def test_ssh_launch_linux_missing_terminal_or_ssh() -> None:
    with pytest.raises(LaunchError) as err:
        plan_linux_ssh(_target(), which=_which({"ssh": "/usr/bin/ssh"}))
    assert err.value.code == "client_missing"
    assert "gnome-terminal" in str(err.value) and "konsole" in str(err.value)
    with pytest.raises(LaunchError) as err:
        plan_linux_ssh(_target(), which=_which({"konsole": "/usr/bin/konsole"}))
    assert "openssh-client" in str(err.value)


def test_ssh_launch_linux_stub_terminal_gets_the_exact_argv(tmp_path: Path) -> None:
    log = tmp_path / "term.json"
    bin_dir = tmp_path / "bin"
    terminal = _stub(
        bin_dir, "x-terminal-emulator", f"json.dump(sys.argv, open({str(log)!r}, 'w'))"
    )
    ssh = _stub(bin_dir, "ssh", "")
    target = _target(user="a b")
    plan = plan_linux_ssh(
        target, which=_which({"x-terminal-emulator": str(terminal), "ssh": str(ssh)})
    )
    subprocess.run(plan.argv, check=True, timeout=20, close_fds=True)
    assert json.loads(log.read_text()) == plan.argv
    assert plan.argv[-2:] == ["--", "srv01.example.com"] and "a b" in plan.argv


def test_ssh_launch_system_dispatch(tmp_path: Path) -> None:
    which = _which({"wt.exe": WT, "ssh.exe": SSH_EXE, "ssh": "/usr/bin/ssh", "konsole": "/k"})
    win = plan_system_ssh(_target(), title=TITLE, temp_dir=tmp_path, platform="win32", which=which)
    assert win.argv[0] == WT
    mac = plan_system_ssh(_target(), title=TITLE, temp_dir=tmp_path, platform="darwin")
    assert mac.argv[:3] == ["/usr/bin/open", "-a", "Terminal"]
    lin = plan_system_ssh(_target(), title=TITLE, temp_dir=tmp_path, platform="linux", which=which)
    assert lin.argv[:3] == ["/k", "-e", "/usr/bin/ssh"]


# --- injection matrix (remote.md §10.1) -------------------------------------------------------


@pytest.mark.parametrize(
    "payload", [*SHELL_PAYLOADS, "a b", *LINE_PAYLOADS, *OPTION_PAYLOADS, *UNICODE_PAYLOADS]
)
def test_ssh_launch_hostile_hosts_are_rejected_before_any_plan(payload: str) -> None:
    with pytest.raises(ValueError) as err:
        _target(host=payload)
    assert payload not in str(err.value)


@pytest.mark.parametrize(
    # `ѕrv01` mixes Cyrillic into Latin: refused as a look-alike, like the other Unicode rows.
    "payload",
    [*SHELL_PAYLOADS, *LINE_PAYLOADS, *OPTION_PAYLOADS, *UNICODE_PAYLOADS],
)
def test_ssh_launch_hostile_users_are_rejected_before_any_plan(payload: str) -> None:
    with pytest.raises(ValueError):
        _target(user=payload)


@pytest.mark.parametrize("host", ["::1", "fe80::1", "10.0.0.5"])
def test_ssh_launch_ip_hosts_are_one_element(host: str, tmp_path: Path) -> None:
    for plan in _all_plans(_target(host=host), tmp_path):
        assert plan.argv[-1] in (host, str(plan.files[0]) if plan.files else host)


def test_ssh_launch_user_with_a_space_is_one_element(tmp_path: Path) -> None:
    for plan in _all_plans(_target(user="José Admin"), tmp_path):
        if plan.files:
            assert "'José Admin'" in plan.files[0].read_text()
        else:
            assert plan.argv[plan.argv.index("-l") + 1] == "José Admin"


def _all_plans(target: Target, tmp_path: Path) -> list[LaunchPlan]:
    which = _which(
        {
            "wt.exe": WT,
            "ssh.exe": SSH_EXE,
            "putty.exe": PUTTY,
            "ssh": "/usr/bin/ssh",
            "x-terminal-emulator": "/usr/bin/x-terminal-emulator",
        }
    )
    return [
        plan_windows_ssh(target, title=TITLE, which=which),
        plan_windows_ssh(target, title=TITLE, which=_which({"ssh.exe": SSH_EXE})),
        plan_putty(target, password="pw", which=which, pipe_factory=RecordingPipe),
        plan_macos_ssh(target, temp_dir=tmp_path / "mac"),
        plan_linux_ssh(target, which=which),
    ]


# --- validator bypass -------------------------------------------------------------------------


@pytest.fixture
def no_validators(monkeypatch: pytest.MonkeyPatch) -> None:
    """remote.md §10.1: with every validator accepting anything, values stay one element."""
    for name in ("validate_host", "validate_user", "validate_domain", "validate_port"):
        monkeypatch.setattr(target_module, name, lambda value, field=name: value)


@pytest.mark.parametrize("payload", [*SHELL_PAYLOADS, "a b", *OPTION_PAYLOADS, "x -o y=z"])
def test_ssh_launch_validator_bypass_values_stay_one_element(
    no_validators: None, payload: str, tmp_path: Path
) -> None:
    target = _target(host=payload, user=payload)
    expected = ["-p", "2222", "-l", payload, "--", payload]
    assert openssh_args(target) == expected
    linux = plan_linux_ssh(target, which=_which({"ssh": "/usr/bin/ssh", "konsole": "/k"}))
    assert linux.argv == ["/k", "-e", "/usr/bin/ssh", *expected]
    assert _after_dashdash(linux.argv) == [payload]
    fallback = plan_windows_ssh(target, title=TITLE, which=_which({"ssh.exe": SSH_EXE}))
    assert fallback.argv == [SSH_EXE, *expected]
    mac = plan_macos_ssh(target, temp_dir=tmp_path)
    words = shlex.split(mac.files[0].read_text().splitlines()[1])
    assert words == ["exec", "/usr/bin/ssh", *expected]
    wt_which = _which({"wt.exe": WT, "ssh.exe": SSH_EXE})
    if ";" in payload:
        with pytest.raises(LaunchError):
            plan_windows_ssh(target, title=TITLE, which=wt_which)
    else:
        assert _after_dashdash(plan_windows_ssh(target, title=TITLE, which=wt_which).argv) == [
            payload
        ]
    putty_which = _which({"putty.exe": PUTTY})
    if payload.startswith("-"):
        # PuTTY has no `--`: a leading dash is refused outright.
        with pytest.raises(LaunchError):
            plan_putty(target, which=putty_which)
    else:
        putty = plan_putty(target, which=putty_which).argv
        assert putty == [PUTTY, "-ssh", "-P", "2222", "-l", payload, payload]


@pytest.mark.parametrize("payload", [*LINE_PAYLOADS, "a\0b"])
@pytest.mark.parametrize("where", ["host", "user"])
def test_ssh_launch_validator_bypass_refuses_line_breaks(
    no_validators: None, payload: str, where: str, tmp_path: Path
) -> None:
    target = _target(**{where: payload})
    RecordingPipe.made.clear()
    which = _which({"putty.exe": PUTTY, "ssh": "/usr/bin/ssh", "konsole": "/k"})
    with pytest.raises(LaunchError):
        plan_macos_ssh(target, temp_dir=tmp_path / "mac")
    with pytest.raises(LaunchError):
        plan_linux_ssh(target, which=which)
    with pytest.raises(LaunchError):
        plan_putty(target, password="pw", which=which, pipe_factory=RecordingPipe)
    assert RecordingPipe.made == []
    assert not (tmp_path / "mac").exists() or list((tmp_path / "mac").iterdir()) == []
