"""The remote launch flow end to end (remote.md §5, §7): a ticket's Connect menu, the record and
pin gates, the permission gate, the audited reveal and the session, against real peers on
127.0.0.1 (an X.224 + TLS responder, a WS-Man server) and the stub clients. Both backends.

Only the questions a person answers (`ask_*`, `show_error`) are replaced; everything else is the
real launcher, services, vault and database. The task runner runs every lane inline, so each
step has happened when the call that started it returns; only an external client's end arrives
later, from the process runner's waiter thread (hence the pooled engine of the launch tests).
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import func, select, update

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from app.db import Changes, Database
from app.models import RemoteAccessRecord, RemoteSession, VaultAudit
from app.models.enums import EventKind, Role, Tier
from app.remote.process import ProcessRunner
from app.remote.rdp_launch import find_freerdp
from app.remote.target import Target
from app.remote.winrm import WinRMClient
from app.services.directory import DirectoryService, TechnicianRow
from app.services.remote_launch import ExternalLauncher, LaunchEnv
from app.services.ticket_approvals import ApprovalService
from app.services.tickets import TicketService
from app.tasks import ChangeNotifier, TaskRunner
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft
from tests.factories import add_client, add_ticket
from tests.fakes.wsman import SIGNAL_TERMINATE, Canned, FakeWSMan
from tests.remote.responders import Responder, refused_port, x224_confirm, x224_play
from tests.services import test_remote_launch as launch_tests
from tests.services import test_remote_sessions as sessions
from tests.services.test_remote_sessions import SECRET, Desk
from tests.stubs.stub_common import STUB_BIN, read_stub_logs
from tests.views.test_ticket_dialog import Answers

from app.views.clients.vault_session import VaultSession
from app.views.remote.launch_steps import CertificateSeen
from app.views.remote.launcher import RemoteLauncher
from app.views.remote.session_window import SessionWindow
from app.views.remote.winrm_console import WinRMConsole
from app.views.tickets.history_model import BodyRole, KindRole
from app.views.tickets.ticket_dialog import TicketDialog

# The desk of the session tests (admin + technician vaults, client "Acme", item "Domain admin"
# `ACME\administrator`), on a pooled engine of the test's own.
desk = sessions.desk
fast_kdf = sessions.fast_kdf
db = launch_tests.db

PIN = ":".join(["5a"] * 32)
WINRM_PASSWORD = "S3cret-pw"
IPCONFIG = "Windows IP Configuration\r\n\r\n   IPv4 Address. . . . . . : 10.20.0.5\r\n"


def sha256_colon(der: bytes) -> str:
    return ":".join(f"{b:02x}" for b in hashlib.sha256(der).digest())


def count(db: Database, model: Any, *where: Any) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def launch_audits(db: Database) -> int:
    return count(db, VaultAudit, VaultAudit.action == "launch")


def stored(db: Database, record_id: str) -> RemoteAccessRecord:
    with db.read() as s:
        record = s.get(RemoteAccessRecord, record_id)
        assert record is not None
        s.expunge(record)
        return record


def timeline_bodies(dialog: TicketDialog) -> list[str]:
    """The timeline's remote-session rows as shown (the body carries the session line)."""
    model = dialog.timeline.model
    rows = [model.index(r) for r in range(model.rowCount())]
    return [
        str(i.data(BodyRole)) for i in rows if i.data(KindRole) == EventKind.REMOTE_SESSION.value
    ]


def unexpected(name: str) -> Callable[..., Any]:
    def ask(*args: object) -> Any:
        raise AssertionError(f"unexpected question {name}{args!r}")

    return ask


@dataclass
class Flow:
    """A ticket dialog with a Connect menu, as one technician sees it."""

    desk: Desk
    launcher: RemoteLauncher
    dialog: TicketDialog
    vault: VaultService
    errors: list[str] = field(default_factory=list)

    def actions(self) -> list[QAction]:
        button = self.dialog.connect_button
        assert button is not None
        button.reload()  # as the menu does when it opens
        return list(button.menu_.actions())

    def texts(self) -> list[str]:
        return ["—" if a.isSeparator() else a.text() for a in self.actions()]

    def click(self, starts_with: str) -> None:
        [action] = [a for a in self.actions() if a.text().startswith(starts_with)]
        assert action.isEnabled()
        action.trigger()

    def answer(self, name: str, *answers: object) -> Answers:
        ask = Answers(*answers)
        setattr(self.launcher, name, ask)
        return ask

    def sessions(self) -> list[tuple[str, str]]:
        return [(r.method, r.outcome) for r in self.launcher.sessions.sessions(self.desk.ticket_id)]


@pytest.fixture
def waiters_joined(db: Database) -> Iterator[None]:
    """Let the process runner's waiter threads write a session's end before the engine goes
    (only the tests that launch depend on it, so the others run without a database)."""
    yield
    for thread in threading.enumerate():
        if thread.name == "launch-waiter":
            thread.join(10)


@pytest.fixture
def stub_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LaunchEnv:
    """Launches into the stub clients; each records its argv and stdin in `tmp_path/log`."""
    (tmp_path / "log").mkdir()
    monkeypatch.setenv("STUB_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("STUB_SLEEP", "0")
    return LaunchEnv(
        temp_dir=tmp_path / "launch",
        known_hosts=tmp_path / "known_hosts",
        platform="linux",
        which=lambda n: shutil.which(n, path=str(STUB_BIN)),
        freerdp=lambda: launch_tests.stub_freerdp("xfreerdp"),
    )


@pytest.fixture
def open_flow(
    qtbot: Any,
    desk: Desk,
    runner: TaskRunner,
    notifier: ChangeNotifier,
    tickets: TicketService,
    directory: DirectoryService,
    stub_env: LaunchEnv,
    tmp_path: Path,
    waiters_joined: None,
) -> Iterator[Callable[..., Flow]]:
    """`open_flow(admin=False, role=None, env=None, ticket_id=None)`: a shown TicketDialog whose
    launcher's questions fail the test unless the test answers them."""
    flows: list[Flow] = []
    #: qtbot holds widgets weakly: these keep each flow's owner alive until teardown.
    holders: list[QWidget] = []

    def make(
        *,
        admin: bool = False,
        role: Role | None = None,
        env: LaunchEnv | None = None,
        ticket_id: int | None = None,
    ) -> Flow:
        service = desk.admin if admin else desk.tech
        vault: VaultService = service._vault
        tech_id = desk.admin_id if admin else desk.tech_id
        me = TechnicianRow(
            tech_id, "Ada Admin" if admin else "Tom Tech", "x@test.msp", Tier.L2,
            role or (Role.ADMIN if admin else Role.TECHNICIAN), True,
        )  # fmt: skip
        # Owned by a widget qtbot deletes on the GUI thread: a garbage collection on a worker
        # thread must never be what destroys their timers.
        holder = QWidget()
        qtbot.addWidget(holder)
        holders.append(holder)
        session = VaultSession(vault, holder, is_admin=admin)
        external = ExternalLauncher(service, ProcessRunner(), env or stub_env)
        launcher = RemoteLauncher(
            service, external, session, runner, known_hosts=tmp_path / "app_known_hosts",
            cert_dir=tmp_path / "certs", is_admin=admin, parent=holder,
        )  # fmt: skip
        dialog = TicketDialog(
            tickets, directory, runner, notifier, me, ticket_id or desk.ticket_id,
            approvals=ApprovalService(desk.db, desk.clock), remote=launcher,
        )  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.show()
        flow = Flow(desk, launcher, dialog, vault)
        for name in (
            "ask_unlock", "ask_confirm_record", "ask_host_key", "ask_certificate", "ask_blocked",
            "ask_reason", "offer_copy_password",
        ):  # fmt: skip
            setattr(launcher, name, unexpected(name))
        setattr(launcher, "show_error", lambda _parent, text: flow.errors.append(text))  # noqa: B010
        flows.append(flow)
        return flow

    yield make
    for flow in flows:
        if flow.launcher.window is not None:
            flow.launcher.window.close()
            flow.launcher.window.deleteLater()
    # Closed consoles end their sessions now, while the test's database is still there.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def save_remote(desk: Desk, **rows: list[dict[str, str]]) -> None:
    """Replace the client's remote section (records not listed are removed)."""
    desk.save_remote(**rows)


def ssh_row(desk: Desk, host: str = "10.0.0.7") -> dict[str, str]:
    return {"host": host, "port": "2222", "auth": "password", "credential": str(desk.item_id)}


def add_item(desk: Desk, label: str, username: str, password: str) -> str:
    vault = desk.admin._vault
    vault_id = vault.vault_for_client(desk.client_id)
    assert vault_id is not None
    item = vault.put_item(
        ItemDraft(
            vault_id=vault_id,
            label=label,
            secrets={"username": Secret(username), "password": Secret(password)},
        )
    )
    return str(item)


def terminal_argv(tmp_path: Path) -> list[str]:
    [seen] = read_stub_logs(tmp_path / "log", "x-terminal-emulator")
    return [str(a) for a in cast(list[object], seen["argv"])]


# -- 1. the Connect menu ---------------------------------------------------------------------


def test_remote_connect_menu_lists_records_then_instructions_with_their_verification(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    save_remote(
        desk,
        rdp=[{"host": "ts01.acme.example", "credential": str(desk.item_id)}],
        ssh=[ssh_row(desk)],
        winrm=[{"host": "dc01.acme.example", "transport": "http", "auth": "ntlm",
                "credential": str(desk.item_id)}],
        vpn=[{"type": "wireguard", "endpoint": "vpn.acme.example",
              "instructions": "Import the profile from the wiki", "credential": str(desk.item_id)}],
        tools=[{"name": "AnyDesk", "identifier": "123 456 789"}],
    )  # fmt: skip
    rdp = desk.record("rdp")
    with desk.db.write() as s:
        s.execute(
            update(RemoteAccessRecord)
            .where(RemoteAccessRecord.id == rdp)
            .values(
                last_verified_at=desk.clock.now(), last_verified_by_id=desk.tech_id,
                last_verify_outcome="ok", last_verify_summary="TLS, NLA",
            )
        )  # fmt: skip

    flow = open_flow()
    button = flow.dialog.connect_button
    assert button is not None and button.isEnabled()

    assert flow.texts() == [
        "RDP — ts01.acme.example as Domain admin",
        "SSH — 10.0.0.7:2222 as Domain admin — in the app",
        "SSH — 10.0.0.7:2222 as Domain admin — system terminal",
        "WinRM — dc01.acme.example as Domain admin — PowerShell console",
        "—",
        "VPN (wireguard) — vpn.acme.example…",
        "AnyDesk — 123 456 789…",
    ]
    tips = [a.toolTip() for a in flow.actions()[:4]]
    assert tips[0].startswith("Last verified ") and "by Tom Tech: OK — TLS, NLA" in tips[0]
    assert tips[1:] == ["Never tested"] * 3
    assert all(a.isEnabled() for a in flow.actions() if not a.isSeparator())

    read_only = open_flow(role=Role.READ_ONLY)
    actions = [a for a in read_only.actions() if not a.isSeparator()]
    assert [a.isEnabled() for a in actions] == [False] * 4 + [True] * 2


def test_remote_connect_menu_of_a_client_without_a_remote_section_says_so(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    ticket = add_ticket(desk.db, client_id=add_client(desk.db, "Bare Ltd"))
    flow = open_flow(ticket_id=ticket)
    [action] = flow.actions()
    assert action.text().startswith("No remote methods recorded")
    assert not action.isEnabled()


# -- 4. RDP first contact --------------------------------------------------------------------


def test_rdp_launch_first_contact_pins_the_certificate_then_runs_freerdp(
    open_flow: Callable[..., Flow], desk: Desk, tmp_path: Path
) -> None:
    with Responder(x224_play(x224_confirm(2, 1), tls=True)).use_tls() as server:
        save_remote(desk, rdp=[{"host": "127.0.0.1", "port": str(server.port),
                                "credential": str(desk.item_id)}])  # fmt: skip
        record = desk.record("rdp")
        desk.tech.confirm_record(record)
        flow = open_flow()
        title = f"RDP — 127.0.0.1:{server.port} as Domain admin"
        expected = sha256_colon(server.cert_der)

        refuse = flow.answer("ask_certificate", False)
        flow.click(title)
        [(_parent, _record, service, seen)] = refuse.calls
        assert service == "RDP" and cast(CertificateSeen, seen).sha256 == expected
        assert stored(desk.db, record).cert_sha256 == ""
        assert launch_audits(desk.db) == 0 and flow.sessions() == [] and flow.errors == []

        accept = flow.answer("ask_certificate", True)
        flow.click(title)
        assert len(accept.calls) == 1 and flow.errors == []

    assert stored(desk.db, record).cert_sha256 == expected
    [launched] = flow.launcher.launched
    assert launched.handle.wait(10) == 0
    [(method, _outcome)] = flow.sessions()
    row = launch_tests.wait_for_end(desk.db, flow.launcher.sessions.sessions(desk.ticket_id)[0]
                                    .session_id)  # fmt: skip
    assert (method, row.outcome, row.exit_code) == ("rdp-freerdp", "ended", 0)
    [seen_by_stub] = read_stub_logs(tmp_path / "log", "xfreerdp")
    argv = [str(a) for a in cast(list[object], seen_by_stub["argv"])]
    assert f"/cert:deny,fingerprint:sha256:{expected}" in argv
    assert f"/v:127.0.0.1:{server.port}" in argv
    assert not any(SECRET in a for a in argv)
    assert seen_by_stub["stdin"] == SECRET + "\n"
    assert SECRET not in str(seen_by_stub["env"])

    flow.dialog.reload()
    lines = timeline_bodies(flow.dialog)
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"Started RDP (FreeRDP) to 127.0.0.1:{server.port}")
    assert f"to 127.0.0.1:{server.port} ended after 0 min, exit code 0" in lines[1]


def test_rdp_launch_in_a_client_that_cannot_pin_is_refused_on_a_changed_certificate(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    """mstsc and Windows App cannot pin: a probe compares before every launch (remote.md §5)."""
    with Responder(x224_play(x224_confirm(2, 1), tls=True)).use_tls() as server:
        save_remote(desk, rdp=[{"host": "127.0.0.1", "port": str(server.port),
                                "credential": str(desk.item_id)}])  # fmt: skip
        record = desk.record("rdp")
        desk.tech.confirm_record(record)
        desk.tech.store_pin(record, cert_sha256=PIN)  # not the responder's certificate
        flow = open_flow()
        flow.actions()
        button = flow.dialog.connect_button
        assert button is not None and button.options is not None
        [view] = button.options.records
        assert view.pinned

        failures: list[str] = []
        flow.launcher.failed.connect(failures.append)
        for method in ("rdp-mstsc", "rdp-macos"):
            flow.launcher.launch(flow.dialog, desk.ticket_id, view, method)

    assert len(flow.errors) == 2 and failures == flow.errors
    assert all("not the pinned one" in e for e in flow.errors)
    assert launch_audits(desk.db) == 0 and flow.sessions() == []
    assert stored(desk.db, record).cert_sha256 == PIN


def test_rdp_launch_in_a_client_that_cannot_pin_checks_the_verified_pin_not_the_menu(
    open_flow: Callable[..., Flow], desk: Desk, stub_env: LaunchEnv
) -> None:
    """The menu's record view is read unverified: a stale or rewritten pin there that matches
    an interceptor's certificate must still not start a client with the password."""
    with Responder(x224_play(x224_confirm(2, 1), tls=True)).use_tls() as server:
        save_remote(desk, rdp=[{"host": "127.0.0.1", "port": str(server.port),
                                "credential": str(desk.item_id)}])  # fmt: skip
        record = desk.record("rdp")
        desk.tech.confirm_record(record)
        desk.tech.store_pin(record, cert_sha256=PIN)
        flow = open_flow()
        flow.actions()
        button = flow.dialog.connect_button
        assert button is not None and button.options is not None
        view = dataclasses.replace(
            button.options.records[0], cert_sha256=sha256_colon(server.cert_der)
        )

        flow.launcher.launch(flow.dialog, desk.ticket_id, view, "rdp-macos")

    [error] = flow.errors
    assert "not the pinned one" in error
    # Refused on the verified pin before the launch gate: nothing revealed, no session.
    assert flow.sessions() == []
    assert launch_audits(desk.db) == 0
    assert flow.launcher.launched == []
    assert not stub_env.temp_dir.exists() or not list(stub_env.temp_dir.iterdir())


# -- 6. WinRM console ------------------------------------------------------------------------


def winrm_flow(
    open_flow: Callable[..., Flow], desk: Desk, fake: FakeWSMan, transport: str
) -> tuple[Flow, str]:
    item = add_item(desk, "WinRM alice", "CONTOSO\\alice", WINRM_PASSWORD)
    save_remote(desk, winrm=[{"host": "127.0.0.1", "transport": transport, "auth": "ntlm",
                              "port": str(fake.port), "credential": item}])  # fmt: skip
    desk.tech.confirm_record(desk.record("winrm-https" if transport == "https" else "winrm"))
    return open_flow(), f"WinRM{' (HTTPS)' if transport == 'https' else ''} — 127.0.0.1:"


def only_console(flow: Flow) -> WinRMConsole:
    window = flow.launcher.window
    assert window is not None and window.tabs.count() == 1
    console = window.tabs.widget(0)
    assert isinstance(console, WinRMConsole)
    return console


def test_winrm_launch_opens_a_console_whose_tab_ends_the_session(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    with FakeWSMan(auth="ntlm", users={"CONTOSO\\alice": WINRM_PASSWORD}) as fake:
        fake.add_script("ipconfig", stdout=IPCONFIG)
        flow, title = winrm_flow(open_flow, desk, fake, "http")
        started: list[str] = []
        flow.launcher.session_started.connect(started.append)

        flow.click(title)

        assert flow.errors == [] and len(started) == 1
        console = only_console(flow)
        assert console.findChild(QLabel, "identityWarning") is not None
        assert flow.sessions() == [("winrm-console", "connected")]
        console.input.setText("ipconfig")
        console.run_input()
        assert "IPv4 Address. . . . . . : 10.20.0.5" in console.output.toPlainText()
        assert [r.script for r in fake.received] == ["ipconfig"]
        assert fake.plaintext_rejected == 0
        assert WINRM_PASSWORD not in console.transcript()

        window = flow.launcher.window
        assert window is not None
        window.close_tab(0)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

        assert flow.sessions() == [("winrm-console", "ended")]
        assert fake.deleted_shells  # the shell was closed on the server too
    [row] = flow.launcher.sessions.sessions(desk.ticket_id)
    assert WINRM_PASSWORD not in row.detail and row.ended_at is not None


def test_winrm_https_launch_first_contact_pins_the_certificate_pem(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    with FakeWSMan(auth="ntlm", tls=True, users={"CONTOSO\\alice": WINRM_PASSWORD}) as fake:
        fake.add_script("hostname", stdout="SRV01\r\n")
        flow, title = winrm_flow(open_flow, desk, fake, "https")
        record = desk.record("winrm-https")
        ask = flow.answer("ask_certificate", True)

        flow.click(title)

        [(_parent, _record, service, seen)] = ask.calls
        assert service == "WinRM"
        assert cast(CertificateSeen, seen).sha256 == sha256_colon(fake.cert_der)
        assert flow.errors == []
        pinned = stored(desk.db, record)
        assert pinned.cert_pem.strip() == fake.cert_pem.decode().strip()
        assert pinned.cert_sha256 == sha256_colon(fake.cert_der)
        console = only_console(flow)
        assert console.findChild(QLabel, "identityWarning") is None
        console.run_script("hostname")
        assert "SRV01" in console.output.toPlainText()


def test_winrm_console_tab_closed_while_a_command_runs_terminates_it(qtbot: Any) -> None:
    """Closing the tab must not leave the host's PowerShell running (nor the client's close
    queued behind it on the host's lane)."""
    runner = TaskRunner()  # real worker threads: the command is still running when we close
    with FakeWSMan(auth="ntlm", users={"CONTOSO\\alice": WINRM_PASSWORD}) as fake:
        fake.add_script("Start-Sleep 600", Canned(block=True))
        target = Target("winrm", "127.0.0.1", fake.port).with_account("CONTOSO\\alice")
        client = WinRMClient(target, WINRM_PASSWORD)
        window = SessionWindow(runner)
        qtbot.addWidget(window)
        console = window.add_console("WinRM", client, {}, "127.0.0.1", verified=False)
        try:
            assert console.run_script("Start-Sleep 600")
            qtbot.waitUntil(lambda: len(fake.received) == 1, timeout=5000)

            window.close_tab(0)

            qtbot.waitUntil(lambda: bool(fake.signals), timeout=5000)
            assert [code for _, _, code in fake.signals] == [SIGNAL_TERMINATE]
        finally:
            runner.shutdown()
            client.close()


def test_rdp_launch_without_freerdp_shows_the_install_hint_and_fails_the_session(
    open_flow: Callable[..., Flow], desk: Desk, stub_env: LaunchEnv
) -> None:
    save_remote(desk, rdp=[{"host": "ts01.acme.example", "credential": str(desk.item_id)}])
    record = desk.record("rdp")
    desk.tech.confirm_record(record)
    desk.tech.store_pin(record, cert_sha256=PIN)
    missing = LaunchEnv(
        temp_dir=stub_env.temp_dir, known_hosts=stub_env.known_hosts, platform="linux",
        freerdp=lambda: find_freerdp(which=lambda _n: None),
    )  # fmt: skip
    flow = open_flow(env=missing)

    flow.click("RDP — ts01.acme.example as Domain admin")

    [error] = flow.errors
    assert "apt install freerdp2-x11" in error and SECRET not in error
    assert flow.sessions() == [("rdp-freerdp", "failed")]
    [row] = flow.launcher.sessions.sessions(desk.ticket_id)
    assert SECRET not in row.detail and "administrator" not in row.detail
    assert launch_audits(desk.db) == 1  # revealed for the launch, wiped when it failed


def test_rdp_launch_pin_probe_of_an_unreachable_host_explains_and_reveals_nothing(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    port = refused_port()
    save_remote(desk, rdp=[{"host": "127.0.0.1", "port": str(port),
                            "credential": str(desk.item_id)}])  # fmt: skip
    desk.tech.confirm_record(desk.record("rdp"))
    flow = open_flow()
    failures: list[str] = []
    flow.launcher.failed.connect(failures.append)

    flow.click(f"RDP — 127.0.0.1:{port}")

    [error] = flow.errors
    assert f"127.0.0.1:{port}" in error and "refused" in error
    assert failures == [error]
    assert launch_audits(desk.db) == 0 and flow.sessions() == []


def test_remote_launch_announces_nothing_secret_on_the_timeline(
    open_flow: Callable[..., Flow], desk: Desk, notifier: ChangeNotifier
) -> None:
    desk.tech.confirm_record(desk.record("ssh"))
    flow = open_flow()
    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")
    flow.launcher.launched[0].handle.wait(10)
    notifier.announce(Changes("ticket", frozenset({desk.ticket_id})))
    summaries = timeline_bodies(flow.dialog)
    assert any("SSH (system terminal) to 10.0.0.7:2222" in t for t in summaries)
    assert not any(SECRET in t or "administrator" in t for t in summaries)
    with desk.db.read() as s:
        details = s.scalars(select(RemoteSession.detail)).all()
    assert not any(SECRET in d for d in details)
