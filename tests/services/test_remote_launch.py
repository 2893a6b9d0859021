"""External launches end to end (remote.md §3.4, §7, §10.2, §10.7): a ticket's RDP record through
the permission gate, the MAC check and the audited reveal, into a stub FreeRDP that records its
argv and stdin; the session row follows the process. Both backends."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Engine, select

from app.db import Database, upgrade_database
from app.models import RemoteSession, VaultAudit
from app.remote.plan import LaunchError
from app.remote.process import ProcessRunner
from app.remote.rdp_launch import find_freerdp
from app.services.remote_launch import ExternalLauncher, LaunchEnv, rdp_method
from tests.services import test_remote_sessions as sessions
from tests.services.test_remote_sessions import SECRET, Desk
from tests.stubs.stub_common import STUB_BIN, read_stub_logs

PIN = ":".join(["5a"] * 32)
# The same desk (technicians, vault, client, ticket, records) as the session tests.
desk = sessions.desk
fast_kdf = sessions.fast_kdf


@pytest.fixture
def db(fresh_db_url: str, make_engine: Callable[[str], Engine]) -> Database:
    """A pooled engine on a database of the test's own: the launch runner's waiter thread
    writes the session's end while the test thread reads (the shared `db` fixture is one
    connection, safe for one thread only)."""
    engine = make_engine(fresh_db_url)
    upgrade_database(engine, backups_dir=None)
    return Database(engine)


def stub_freerdp(name: str) -> tuple[str, int]:
    return find_freerdp(which=lambda n: shutil.which(n, path=str(STUB_BIN)) if n == name else None)


@pytest.fixture(autouse=True)
def join_waiters(db: Database) -> Iterator[None]:
    """Let the runner's waiter threads finish their last write before the engine goes."""
    yield
    for thread in threading.enumerate():
        if thread.name == "launch-waiter":
            thread.join(10)


@pytest.fixture
def launcher(desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ExternalLauncher:
    monkeypatch.setenv("STUB_LOG_DIR", str(tmp_path / "log"))
    (tmp_path / "log").mkdir()
    monkeypatch.setenv("STUB_SLEEP", "0")
    env = LaunchEnv(
        temp_dir=tmp_path / "launch",
        known_hosts=tmp_path / "known_hosts",
        platform="linux",
        freerdp=lambda: stub_freerdp("xfreerdp"),
    )
    return ExternalLauncher(desk.tech, ProcessRunner(), env)


def wait_for_end(db: Database, session_id: str, timeout: float = 10.0) -> RemoteSession:
    deadline = time.monotonic() + timeout
    while True:
        with db.read() as s:
            row = s.get(RemoteSession, session_id)
            assert row is not None
            if row.ended_at is not None or time.monotonic() > deadline:
                s.expunge(row)
                return row
        time.sleep(0.05)


def test_rdp_launch_from_a_ticket_runs_freerdp_with_the_password_only_on_stdin(
    desk: Desk, launcher: ExternalLauncher, tmp_path: Path
) -> None:
    record = desk.record()
    desk.tech.confirm_record(record)
    desk.tech.store_pin(record, cert_sha256=PIN)
    started = desk.tech.start(desk.ticket_id, record, rdp_method("linux"))

    launched = launcher.run(started, desk.ticket_id)

    assert launched.handle.wait(10) == 0
    row = wait_for_end(desk.db, str(started.session_id))
    assert (row.outcome, row.exit_code) == ("ended", 0)
    [seen] = read_stub_logs(tmp_path / "log", "xfreerdp")
    argv = [str(a) for a in cast(list[object], seen["argv"])]
    assert not any(SECRET in a for a in argv)
    assert f"/cert:deny,fingerprint:sha256:{PIN}" in argv
    assert "/u:administrator" in argv and "/d:ACME" in argv
    assert argv[-1] == "/from-stdin:force"
    assert seen["stdin"] == SECRET + "\n"
    assert started.secrets["password"].wiped
    with desk.db.read() as s:
        assert s.scalar(select(VaultAudit.session_id).where(VaultAudit.action == "launch")) == str(
            started.session_id
        )


def test_rdp_launch_exit_code_becomes_a_failed_session_with_the_reason(
    desk: Desk, launcher: ExternalLauncher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STUB_EXIT", "154")
    record = desk.record()
    desk.tech.confirm_record(record)
    desk.tech.store_pin(record, cert_sha256=PIN)
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")

    launcher.run(started, desk.ticket_id).handle.wait(10)

    row = wait_for_end(desk.db, str(started.session_id))
    assert (row.outcome, row.exit_code) == ("failed", 154)
    assert row.detail == "wrong user name or password"
    [row_view] = desk.tech.sessions(desk.ticket_id)
    assert row_view.outcome == "failed"


def test_rdp_launch_without_a_pin_or_client_fails_the_session_with_a_clear_message(
    desk: Desk, tmp_path: Path
) -> None:
    record = desk.record()
    desk.tech.confirm_record(record)
    env = LaunchEnv(temp_dir=tmp_path / "l", known_hosts=tmp_path / "kh", platform="linux")
    launcher = ExternalLauncher(desk.tech, ProcessRunner(), env)

    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    with pytest.raises(LaunchError) as no_pin:
        launcher.run(started, desk.ticket_id)
    assert no_pin.value.code == "pin_required"

    desk.tech.store_pin(record, cert_sha256=PIN)
    missing = LaunchEnv(
        temp_dir=tmp_path / "l", known_hosts=tmp_path / "kh", platform="linux",
        freerdp=lambda: find_freerdp(which=lambda _n: None),
    )  # fmt: skip
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    with pytest.raises(LaunchError) as no_client:
        ExternalLauncher(desk.tech, ProcessRunner(), missing).run(started, desk.ticket_id)
    assert "apt install freerdp2-x11" in str(no_client.value)
    rows = desk.tech.sessions(desk.ticket_id)
    assert [r.outcome for r in rows] == ["failed", "failed"]
    assert all(SECRET not in r.detail for r in rows)


def test_ssh_system_launch_runs_the_terminal_with_ssh_and_no_secret(
    desk: Desk, launcher: ExternalLauncher, tmp_path: Path
) -> None:
    record = desk.record("ssh")
    desk.tech.confirm_record(record)
    env = LaunchEnv(
        temp_dir=tmp_path / "l", known_hosts=tmp_path / "kh", platform="linux",
        which=lambda n: shutil.which(n, path=str(STUB_BIN)),
    )  # fmt: skip
    started = desk.tech.start(desk.ticket_id, record, "ssh-system")
    assert started.secrets == {}  # the system client uses the technician's own keys
    with desk.db.read() as s:
        revealed = s.scalar(select(VaultAudit.field).where(VaultAudit.action == "launch"))
    assert revealed == "username"

    ExternalLauncher(desk.tech, ProcessRunner(), env).run(started, desk.ticket_id).handle.wait(10)

    [seen] = read_stub_logs(tmp_path / "log", "x-terminal-emulator")
    argv = [str(a) for a in cast(list[object], seen["argv"])]
    assert argv[1:] == [
        "-e", str(STUB_BIN / "ssh"), "-p", "2222", "-l", "ACME\\administrator", "--", "10.0.0.7",
    ]  # fmt: skip
    assert not any(SECRET in a for a in argv)
    assert SECRET not in str(seen["stdin"])
