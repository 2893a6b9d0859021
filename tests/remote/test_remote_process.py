"""`ProcessRunner` and temp files with real processes (remote.md §2, §10.2).

The stand-in clients in tests/stubs/bin go first on PATH; each records its argv, stdin and
environment and then sleeps, so `/proc/<pid>/cmdline` and `/proc/<pid>/environ` can be read
while it runs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.remote.plan import LaunchError, LaunchPlan
from app.remote.process import (
    ProcessRunner,
    child_environment,
    private_temp_dir,
    sweep_temp_dir,
    write_private_file,
)
from app.remote.rdp_launch import find_freerdp, plan_freerdp, plan_macos, plan_mstsc
from app.remote.target import Gateway, Target
from app.remote.wincred import CredentialStore
from app.vault.secret import Secret
from tests.remote.test_rdp_launch import PIN
from tests.stubs.stub_common import STUB_BIN, FakeWin32Cred, wait_for_stub_log

PASSWORD = "Zq9!stub-secret pw"
TITLE = "T1234 srv01"


@dataclass
class Stubs:
    bin: Path
    logs: Path

    def sleep(self, monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
        monkeypatch.setenv("STUB_SLEEP", str(seconds))


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"stub clients cannot run: {reason}")
    pytest.skip(f"stub clients cannot run: {reason}")


@pytest.fixture
def stubs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Stubs:
    """The stubs first on PATH, a log dir, no sleep unless the test asks."""
    if not sys.platform.startswith("linux") or not Path("/proc/self/cmdline").exists():
        _unavailable("needs Linux /proc")
    monkeypatch.setenv("PATH", f"{STUB_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if shutil.which("python3") is None:
        _unavailable("no python3 on PATH for the stubs' #! line")
    logs = tmp_path / "stub-logs"
    logs.mkdir()
    monkeypatch.setenv("STUB_LOG_DIR", str(logs))
    monkeypatch.setenv("STUB_SLEEP", "0")
    monkeypatch.delenv("STUB_EXIT", raising=False)
    return Stubs(STUB_BIN, logs)


@pytest.fixture
def runner() -> Iterator[ProcessRunner]:
    started = ProcessRunner()
    yield started
    started.close()


def _proc(pid: int, name: str) -> bytes:
    return Path(f"/proc/{pid}/{name}").read_bytes()


def _target() -> Target:
    return Target("rdp", "srv01.example.com", 3389, user="alice", domain="CORP", cert_sha256=PIN)


def _assert_no_password_in_proc(pid: int) -> list[str]:
    cmdline = _proc(pid, "cmdline")
    environ = _proc(pid, "environ")
    for secret in (PASSWORD, "stub-secret"):
        assert secret.encode() not in cmdline
        assert secret.encode() not in environ
    return [part.decode() for part in cmdline.split(b"\0") if part]


def test_launch_freerdp3_stub_sees_password_only_on_stdin(
    stubs: Stubs, runner: ProcessRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    stubs.sleep(monkeypatch, 30)
    binary, major = find_freerdp()
    assert (binary, major) == (str(stubs.bin / "xfreerdp3"), 3)
    plan = plan_freerdp(_target(), Secret(PASSWORD), binary=binary, major=major, title=TITLE)
    exits: list[int] = []
    handle = runner.start(plan, on_exit=exits.append)
    record = wait_for_stub_log(stubs.logs, "xfreerdp3", handle.pid)
    cmdline = _assert_no_password_in_proc(handle.pid)
    assert cmdline[-2:] == [binary, "/args-from:stdin"]
    assert record["argv"] == [binary, "/args-from:stdin"]
    assert f"\n/p:{PASSWORD}\n\n" in str(record["stdin"])
    assert handle.returncode is None
    handle.terminate()
    assert handle.wait(10) is not None
    assert exits == [handle.returncode]
    assert handle.returncode != 0


def test_launch_freerdp2_stub_options_in_argv_password_on_stdin(
    stubs: Stubs, runner: ProcessRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    stubs.sleep(monkeypatch, 30)
    binary = str(stubs.bin / "xfreerdp")
    plan = plan_freerdp(_target(), PASSWORD, binary=binary, major=2, title=TITLE)
    handle = runner.start(plan)
    record = wait_for_stub_log(stubs.logs, "xfreerdp", handle.pid)
    cmdline = _assert_no_password_in_proc(handle.pid)
    assert cmdline[-len(plan.argv) :] == plan.argv
    assert record["argv"] == plan.argv
    assert record["stdin"] == f"{PASSWORD}\n"
    handle.kill()
    assert handle.wait(10) is not None


def test_launch_child_env_has_no_app_secrets(
    stubs: Stubs, runner: ProcessRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELPDESK_DB_PASSWORD", "envsecret-1")
    monkeypatch.setenv("VAULT_TOKEN", "envsecret-2")
    stubs.sleep(monkeypatch, 30)
    plan = plan_freerdp(
        _target(), PASSWORD, binary=str(stubs.bin / "xfreerdp3"), major=3, title=TITLE
    )
    handle = runner.start(plan)
    record = wait_for_stub_log(stubs.logs, "xfreerdp3", handle.pid)
    environ = _proc(handle.pid, "environ")
    assert b"envsecret" not in environ
    assert "HELPDESK_DB_PASSWORD" not in record["env_names"]  # type: ignore[operator]
    assert "STUB_LOG_DIR" in record["env_names"]  # type: ignore[operator]
    handle.terminate()
    handle.wait(10)
    assert child_environment({"A": "1", "MY_PASSWORD": "x", "api_token": "y"}) == {"A": "1"}


def test_launch_exit_code_reaches_on_exit_and_cleanup_runs_first(
    stubs: Stubs, runner: ProcessRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("STUB_EXIT", "3")
    directory = private_temp_dir(tmp_path, "launch")
    leftover = write_private_file(directory, ".rdp", b"full address:s:x\r\n")
    order: list[str] = []
    done = threading.Event()

    def on_exit(code: int) -> None:
        order.append(f"exit {code} file={leftover.exists()}")
        done.set()

    plan = LaunchPlan(
        argv=[str(stubs.bin / "open"), str(leftover)],
        files=(leftover,),
        cleanup=(lambda: order.append("cleanup"),),
        method="rdp-macos",
    )
    handle = runner.start(plan, on_exit=on_exit)
    assert done.wait(10)
    assert order == ["cleanup", "exit 3 file=False"]
    assert handle.returncode == 3
    assert list(directory.iterdir()) == []


def test_launch_mstsc_plan_runs_and_leaves_nothing(
    stubs: Stubs, runner: ProcessRunner, tmp_path: Path
) -> None:
    api = FakeWin32Cred()
    store = CredentialStore(api, tmp_path / "state" / "termsrv.json")
    rdp_dir = tmp_path / "rdp"
    launch = plan_mstsc(
        _target(),
        "CORP\\alice",
        Secret(PASSWORD),
        rdp_dir=rdp_dir,
        cred=store,
        mstsc_path=str(stubs.bin / "open"),
    )
    handle = runner.start(launch.plan)
    assert handle.wait(10) == 0
    record = wait_for_stub_log(stubs.logs, "open", handle.pid)
    assert PASSWORD not in str(record)
    assert api.names("CredWrite") == ["TERMSRV/srv01.example.com"]
    assert api.names("CredDelete") == ["TERMSRV/srv01.example.com"]
    assert api.entries == {} and store.listed() == []
    assert list(rdp_dir.iterdir()) == []


def test_launch_mstsc_credential_goes_after_delay_while_client_runs(
    stubs: Stubs, runner: ProcessRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stubs.sleep(monkeypatch, 30)
    api = FakeWin32Cred()
    store = CredentialStore(api, tmp_path / "state" / "termsrv.json")
    launch = plan_mstsc(
        _target(),
        "alice",
        "pw",
        rdp_dir=tmp_path / "rdp",
        cred=store,
        mstsc_path=str(stubs.bin / "open"),
        delete_after_s=0.2,
    )
    handle = runner.start(launch.plan)
    deadline = time.monotonic() + 10
    while api.entries and time.monotonic() < deadline:
        time.sleep(0.02)
    assert api.entries == {}
    assert handle.returncode is None
    # mstsc still runs: its file stays until exit.
    assert launch.plan.files[0].exists()
    handle.terminate()
    handle.wait(10)
    assert not launch.plan.files[0].exists()
    assert api.names("CredDelete") == ["TERMSRV/srv01.example.com"]


def test_launch_detached_open_file_outlives_open(
    stubs: Stubs, runner: ProcessRunner, tmp_path: Path
) -> None:
    rdp_dir = tmp_path / "Caches" / "rdp"
    primary, fallback = plan_macos(_target(), rdp_dir=rdp_dir, open_path=str(stubs.bin / "open"))
    [path] = primary.files
    assert runner.start(primary).wait(10) == 0
    # `open` returned, but Windows App reads the file later (within 120 s).
    assert path.exists()
    assert runner.start(fallback).wait(10) == 0
    assert path.exists()


def test_launch_detached_open_file_goes_after_the_delay(
    stubs: Stubs, runner: ProcessRunner, tmp_path: Path
) -> None:
    rdp_dir = tmp_path / "Caches" / "rdp"
    primary, _ = plan_macos(_target(), rdp_dir=rdp_dir, open_path=str(stubs.bin / "open"))
    [path] = primary.files
    handle = runner.start(replace(primary, delete_after_s=0.3))
    assert handle.wait(10) == 0
    deadline = time.monotonic() + 10
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert list(rdp_dir.iterdir()) == []


def test_launch_macos_falls_back_when_open_bundle_fails(
    stubs: Stubs, runner: ProcessRunner, tmp_path: Path
) -> None:
    failing = tmp_path / "open-fails"
    failing.write_text("#!/bin/sh\nexit 1\n")
    failing.chmod(0o755)
    primary, fallback = plan_macos(_target(), rdp_dir=tmp_path / "rdp", open_path=str(failing))
    fallback = replace(fallback, argv=[str(stubs.bin / "open"), *fallback.argv[1:]])
    exits: list[int] = []
    handle = runner.start_first([primary, fallback], on_exit=exits.append)
    assert handle.plan is fallback
    assert handle.wait(10) == 0
    record = wait_for_stub_log(stubs.logs, "open", handle.pid)
    assert record["argv"] == fallback.argv
    deadline = time.monotonic() + 5
    while not exits and time.monotonic() < deadline:
        time.sleep(0.01)
    assert exits == [0]
    # The file stays for Windows App even though the first `open` failed.
    assert primary.files[0].exists()
    # A first client that cannot start leaves the shared file to the fallback.
    missing = replace(primary, argv=[str(tmp_path / "none"), *primary.argv[1:]])
    assert runner.start_first([missing, fallback]).plan is fallback
    assert primary.files[0].exists()
    with pytest.raises(LaunchError) as caught:
        runner.start_first([missing])
    assert caught.value.code == "client_missing"
    assert not primary.files[0].exists()


def test_launch_start_first_kept_plan_owns_the_later_files(
    stubs: Stubs, runner: ProcessRunner, tmp_path: Path
) -> None:
    directory = private_temp_dir(tmp_path, "rdp")
    first = write_private_file(directory, ".rdp", b"1")
    second = write_private_file(directory, ".rdp", b"2")
    opener = str(stubs.bin / "open")
    plans = [
        LaunchPlan(argv=[opener, str(first)], files=(first,), detached=True),
        LaunchPlan(argv=[opener, str(second)], files=(second,), detached=True),
    ]
    handle = runner.start_first(plans)
    assert handle.plan.argv == plans[0].argv
    assert handle.wait(10) == 0
    deadline = time.monotonic() + 5
    while list(directory.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(directory.iterdir()) == []


def test_launch_runner_close_deletes_pending_files_at_once(stubs: Stubs, tmp_path: Path) -> None:
    runner = ProcessRunner()
    rdp_dir = tmp_path / "rdp"
    primary, _ = plan_macos(_target(), rdp_dir=rdp_dir, open_path=str(stubs.bin / "open"))
    handle = runner.start(primary)
    assert handle.wait(10) == 0
    assert primary.files[0].exists()
    runner.close()
    assert list(rdp_dir.iterdir()) == []


def test_launch_missing_binary_is_a_clear_error_and_cleans_up(tmp_path: Path) -> None:
    directory = private_temp_dir(tmp_path, "rdp")
    path = write_private_file(directory, ".rdp", b"x")
    cleaned: list[bool] = []
    plan = LaunchPlan(
        argv=[str(tmp_path / "missing" / "xfreerdp3"), "/args-from:stdin"],
        stdin=b"/p:x\n\n",
        files=(path,),
        cleanup=(lambda: cleaned.append(True),),
    )
    with pytest.raises(LaunchError) as caught:
        ProcessRunner().start(plan)
    assert caught.value.code == "client_missing"
    assert "xfreerdp3 is not installed" in str(caught.value)
    assert "sudo apt install freerdp3-x11" in str(caught.value)
    assert "/p:x" not in str(caught.value)
    assert cleaned == [True]
    assert list(directory.iterdir()) == []
    with pytest.raises(LaunchError) as relative:
        ProcessRunner().start(LaunchPlan(argv=["xfreerdp3"]))
    assert relative.value.code == "program_not_absolute"


def test_launch_find_freerdp_without_any_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(LaunchError) as caught:
        find_freerdp()
    assert caught.value.code == "client_missing"
    assert "sudo apt install freerdp2-x11" in str(caught.value)


def test_remote_temp_files_are_private(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        directory = private_temp_dir(tmp_path / "app", "rdp")
    finally:
        os.umask(previous)
    assert (directory.stat().st_mode & 0o777) == 0o700
    directory.chmod(0o755)
    assert (private_temp_dir(tmp_path / "app", "rdp").stat().st_mode & 0o777) == 0o700
    first = write_private_file(directory, ".rdp", b"one")
    second = write_private_file(directory, ".rdp", b"two")
    assert first != second and first.suffix == ".rdp"
    assert (first.stat().st_mode & 0o777) == 0o600
    assert first.read_bytes() == b"one"
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "app" / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(LaunchError) as caught:
        private_temp_dir(tmp_path / "app", "link")
    assert caught.value.code == "temp_dir_unsafe"


def test_remote_sweep_removes_what_a_killed_runner_left(tmp_path: Path) -> None:
    directory = private_temp_dir(tmp_path, "rdp")
    # A runner killed between writing the file and its cleanup: nothing deletes it.
    write_private_file(directory, ".rdp", b"full address:s:x\r\n")
    write_private_file(directory, ".command", b"exec ssh")
    outside = tmp_path / "keep.txt"
    outside.write_text("keep")
    (directory / "link").symlink_to(outside)
    (directory / "sub").mkdir()
    assert sweep_temp_dir(directory) == 3
    assert [p.name for p in directory.iterdir()] == ["sub"]
    assert outside.read_text() == "keep"
    assert sweep_temp_dir(tmp_path / "never-created") == 0


# --- the real FreeRDP 2 client ----------------------------------------------------------------


def _refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize("with_gateway", [False, True], ids=["direct", "gateway"])
def test_launch_real_freerdp2_reads_the_plan(with_gateway: bool) -> None:
    """xfreerdp 2.11 parses the planned argv and reads the password lines from stdin.

    It then fails to connect (a refused port): the connect error proves the options parsed
    (a bad option exits 23 with the usage text) and stdin held what `/from-stdin:force` reads.
    """
    binary, xvfb = shutil.which("xfreerdp"), shutil.which("xvfb-run")
    if binary is None or xvfb is None:
        _unavailable("needs xfreerdp and xvfb-run (apt install freerdp2-x11 xvfb)")
    assert binary is not None and xvfb is not None
    gateway = Gateway("127.0.0.1", _refused_port(), "gwuser", "GWDOM") if with_gateway else None
    target = replace(_target(), host="127.0.0.1", port=_refused_port(), gateway=gateway)
    plan = plan_freerdp(
        target, PASSWORD, binary=binary, major=2, title=TITLE, gateway_password="gw pw"
    )
    done = subprocess.run(
        [xvfb, "-a", *plan.argv], input=plan.stdin, capture_output=True, timeout=60, check=False
    )
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert "More documentation is coming" not in output
    assert done.returncode not in (0, 23)
    expected = "Password: Gateway Password: " if with_gateway else "Password: "
    assert expected in output
    assert "ERRCONNECT" in output
    assert PASSWORD not in output
