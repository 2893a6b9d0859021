"""Connect → SSH in the app, end to end against the real OpenSSH fixture (remote.md §4.1, §5, §7).

The record comes from the data-capture form, the key from the client's vault (never a file),
the host key is met on first contact and pinned on Accept, the terminal renders the real shell,
and closing the tab closes the session row. The runner is inline, so only the terminal's reader
thread runs beside the test (and it never touches the database).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtWidgets import QWidget

from app.db import Database
from app.models import RemoteSession, TicketEvent, VaultAudit
from app.models.enums import EventKind, Role
from app.remote.known_hosts import KnownHosts
from app.remote.process import ProcessRunner
from app.remote.ssh import HostKeyInfo
from app.services.onboarding import OnboardingService
from app.services.remote_launch import ExternalLauncher, LaunchEnv
from app.services.remote_sessions import SessionService
from app.tasks import TaskRunner
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft
from tests import vault_speed
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import FakeClock
from tests.fixtures.sshd import (
    SshdServer,
    sshd_fixture,  # noqa: F401
)

from app.views.clients.vault_session import VaultSession
from app.views.remote.launcher import RemoteLauncher
from app.views.remote.terminal_widget import TerminalWidget

pytestmark = pytest.mark.sshd
#: Where screenshots for humans land (ignored by git), as in tests/test_screenshots.py.
SHOTS = Path(__file__).resolve().parents[3] / "out" / "screenshots"


#: Vault flows, not the KDF, are under test here.
fast_kdf = vault_speed.fast_kdf


class Asked:
    """The launcher's questions, answered as a technician would, and recorded."""

    def __init__(self, accept_key: bool) -> None:
        self.accept_key = accept_key
        self.keys: list[HostKeyInfo] = []
        self.errors: list[str] = []


@pytest.fixture
def launch(
    db: Database, clock: FakeClock, runner: TaskRunner, sshd: SshdServer, tmp_path: Path, qtbot
):
    """(launcher, ticket id, record, asked): an SSH record with a vault key for `sshd.login`."""
    tech = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    vault = VaultService(db, tech, clock.now)
    vault.set_up("correct horse battery")
    client = add_client(db, "Acme")
    vault_id = vault.create_vault(client)
    item = vault.put_item(
        ItemDraft(
            vault_id=vault_id,
            label="root key",
            kind="ssh_key",
            secrets={
                "username": Secret(sshd.login),
                "private_key": Secret(sshd.client_key_text()),
            },
        )
    )
    OnboardingService(db, clock).save_section(
        client, "remote",
        {"ssh": [{"host": "127.0.0.1", "port": str(sshd.port), "auth": "key",
                  "credential": str(item)}]},
        None, tech,
    )  # fmt: skip
    ticket = add_ticket(db, client_id=client)
    sessions = SessionService(db, clock, vault)
    known_hosts = tmp_path / "remote" / "known_hosts"
    env = LaunchEnv(temp_dir=tmp_path / "launch", known_hosts=known_hosts, platform="linux")
    # Owned by a widget qtbot deletes on the GUI thread, never by a collection elsewhere.
    holder = qtbot_widget(qtbot)
    session = VaultSession(vault, holder, clipboard_seconds=30, is_admin=True)
    launcher = RemoteLauncher(
        sessions, ExternalLauncher(sessions, ProcessRunner(), env), session, runner,
        known_hosts=known_hosts, cert_dir=tmp_path / "certs", is_admin=True, parent=holder,
    )  # fmt: skip
    [record] = sessions.options(client).records
    asked = Asked(accept_key=True)
    launcher.ask_confirm_record = lambda parent, record, tampered: ""  # type: ignore[method-assign]

    def ask_host_key(parent, key: HostKeyInfo) -> bool:
        asked.keys.append(key)
        return asked.accept_key

    launcher.ask_host_key = ask_host_key  # type: ignore[method-assign]
    launcher.show_error = lambda parent, text: asked.errors.append(text)  # type: ignore[method-assign]
    yield launcher, ticket, record, asked
    if launcher.window is not None:
        launcher.window.close()


def _terminal(launcher: RemoteLauncher) -> TerminalWidget:
    assert launcher.window is not None
    widget = launcher.window.tabs.currentWidget()
    assert isinstance(widget, TerminalWidget)
    return widget


def _screen_text(terminal: TerminalWidget) -> str:
    return "\n".join(terminal.vt.display)


def test_ssh_embedded_launch_pins_on_first_contact_and_runs_a_real_shell(
    launch, db: Database, sshd: SshdServer, qtbot, tmp_path: Path
) -> None:
    launcher, ticket, record, asked = launch
    parent = qtbot_widget(qtbot)

    launcher.launch(parent, ticket, record, "ssh-embedded")

    assert asked.errors == []
    assert [k.fingerprint for k in asked.keys] == [sshd.fingerprint]
    pinned = KnownHosts(tmp_path / "remote" / "known_hosts").lookup("127.0.0.1", sshd.port)
    assert [e.fingerprint for e in pinned] == [sshd.fingerprint]
    terminal = _terminal(launcher)
    terminal.send_text("echo hello-$((6*7))\r")
    qtbot.waitUntil(lambda: "hello-42" in _screen_text(terminal), timeout=10_000)
    # For the README: the session window with a real shell's colours.
    terminal.send_text("ls --color=always / ; printf '\\033[1;32mall good\\033[0m\\n'\r")
    qtbot.waitUntil(lambda: "all good" in _screen_text(terminal), timeout=10_000)
    assert launcher.window is not None
    SHOTS.mkdir(parents=True, exist_ok=True)
    launcher.window.resize(900, 420)
    assert launcher.window.grab().save(str(SHOTS / "remote-ssh.png"))
    with db.read() as s:
        row = s.scalars(select(RemoteSession)).one()
        assert (row.outcome, row.method) == ("connected", "ssh-embedded")
        assert s.scalar(select(VaultAudit.action).where(VaultAudit.action == "launch"))

    assert launcher.window is not None
    launcher.window.attach_button.click()
    assert launcher.window.status.text() == "Transcript attached to the ticket."
    with db.read() as s:
        attached = s.scalars(
            select(TicketEvent.body).where(TicketEvent.new_value == "transcript")
        ).one()
    assert attached.startswith("Transcript of SSH (embedded terminal) to 127.0.0.1:")
    assert "hello-42" in attached and "all good" in attached
    launcher.window.close_tab(0)

    qtbot.waitUntil(lambda: _ended(db), timeout=10_000)
    with db.read() as s:
        bodies = s.scalars(
            select(TicketEvent.body).where(TicketEvent.kind == EventKind.REMOTE_SESSION)
        ).all()
    assert bodies[0].startswith("Started SSH (embedded terminal) to 127.0.0.1:")
    assert "ended after" in bodies[-1]


def test_ssh_embedded_launch_rejecting_the_host_key_pins_nothing_and_reveals_nothing(
    launch, db: Database, qtbot, tmp_path: Path
) -> None:
    launcher, ticket, record, asked = launch
    asked.accept_key = False

    launcher.launch(qtbot_widget(qtbot), ticket, record, "ssh-embedded")

    assert len(asked.keys) == 1
    assert launcher.window is None
    assert not (tmp_path / "remote" / "known_hosts").exists()
    with db.read() as s:
        assert s.scalar(select(VaultAudit.id).where(VaultAudit.action == "launch")) is None
        assert s.scalar(select(RemoteSession.id)) is None


def test_ssh_embedded_launch_refuses_a_changed_host_key_before_authenticating(
    launch, db: Database, sshd: SshdServer, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher, ticket, record, asked = launch
    other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
    launcher.sessions.confirm_record(record.record_id)
    launcher.sessions.store_pin(record.record_id, ssh_host_key=other)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "app.views.remote.launcher.HostKeyChangedDialog.show_changed",
        lambda parent, host, port, kind, expected, presented: shown.append((expected, presented)),
    )
    pinned = dataclasses.replace(record, pinned=True)

    launcher.launch(qtbot_widget(qtbot), ticket, pinned, "ssh-embedded")

    assert asked.keys == []  # pinned: no first-contact question
    assert len(shown) == 1 and shown[0][1] == sshd.fingerprint
    assert launcher.window is None
    with db.read() as s:
        row = s.scalars(select(RemoteSession)).one()
        assert row.outcome == "failed"
        assert "host key" in row.detail.lower()


def _ended(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(RemoteSession.outcome)) == "ended"


def qtbot_widget(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_ssh_admin_forgets_a_pin_from_the_connect_menu_and_the_next_launch_asks_again(
    launch, db: Database, sshd: SshdServer, qtbot, tmp_path: Path
) -> None:
    launcher, ticket, record, asked = launch
    launcher.launch(qtbot_widget(qtbot), ticket, record, "ssh-embedded")
    assert launcher.window is not None
    launcher.window.close()
    known = KnownHosts(tmp_path / "remote" / "known_hosts")
    assert known.lookup("127.0.0.1", sshd.port)
    launcher.ask_reason = lambda parent, prompt: "server reinstalled, new key checked"

    launcher.forget_pins(qtbot_widget(qtbot), dataclasses.replace(record, pinned=True))

    assert known.lookup("127.0.0.1", sshd.port) == []
    assert launcher.sessions.verified_view(record.record_id).pinned is False
    launcher.launch(qtbot_widget(qtbot), ticket, record, "ssh-embedded")
    assert len(asked.keys) == 2  # first contact again
