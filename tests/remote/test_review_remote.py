"""Review findings on probes and the GUI launch walk (remote.md §5, §8, pitfalls 3 and 9).

Each test shows one defect and fails until it is fixed. Probes run against loopback responders;
launcher tests use the session tests' desk, an inline task runner and stand-ins for the network
steps, so nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from PySide6.QtWidgets import QWidget

from app.remote.known_hosts import KnownHosts
from app.remote.probe import Timeouts, probe
from app.remote.process import ProcessRunner
from app.remote.ssh import HostKeyInfo
from app.remote.ssh_errors import SSHUnreachable
from app.remote.target import Target
from app.services.remote_launch import ExternalLauncher, LaunchEnv
from app.tasks import Lane, TaskRunner
from tests.fakes import InlineExecutor
from tests.remote.responders import Responder
from tests.services import test_remote_sessions as sessions
from tests.services.test_remote_sessions import Desk, launch_audits

from app.views.clients.vault_session import VaultSession
from app.views.remote import launch_steps
from app.views.remote.launch_steps import CertificateSeen
from app.views.remote.launcher import RemoteLauncher

desk = sessions.desk
fast_kdf = sessions.fast_kdf

FAST = Timeouts(dns=2.0, connect=1.0, read=0.5, total=1.5)
GOOD_PIN = ":".join(["5a"] * 32)
EVIL_PIN = ":".join(["e7"] * 32)


def _ed25519_b64() -> str:
    """A fresh ed25519 public key blob, base64 (as in known_hosts)."""
    public = Ed25519PrivateKey.generate().public_key()
    line = public.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    return line.decode("ascii").split(" ")[1]


KEY_GOOD = _ed25519_b64()
KEY_EVIL = _ed25519_b64()


# --- probes: the read watchdog must also bound the TLS phase (pitfall 9) ----------------------


def _run_bounded(target: Target, limit: float) -> tuple[bool, float]:
    """(finished within `limit`, seconds taken); the probe thread is a daemon."""
    box: list[object] = []
    start = time.monotonic()
    worker = threading.Thread(target=lambda: box.append(probe(target, FAST)), daemon=True)
    worker.start()
    worker.join(limit)
    return bool(box), time.monotonic() - start


def test_probe_winrm_https_slow_drip_after_tls_is_cut_at_the_total_limit() -> None:
    """`probe()`'s watchdog shuts the *raw* socket, but `wrap_socket` detached it: once TLS is
    up (the handshake itself has CPython's own deadline), a listener dripping one byte per 50 ms
    (each recv inside the 0.5 s socket timeout) keeps the probe up to 64 KiB x 50 ms instead of
    `total` (1.5 s). `probe_many` reports it as overrun on time, but the pool thread and socket
    live on, and interpreter exit joins pool threads, so quitting the app waits for them."""

    def drip(conn: socket.socket, responder: Responder) -> None:
        assert responder.tls_context is not None
        with responder.tls_context.wrap_socket(conn, server_side=True) as tls:
            tls.recv(4096)
            for _ in range(2000):
                try:
                    tls.sendall(b"x")
                except OSError:
                    return  # the probe hung up: what the test wants
                time.sleep(0.05)

    with Responder(drip).use_tls() as server:
        done, took = _run_bounded(Target("winrm-https", "127.0.0.1", server.port), FAST.total + 1.5)
    assert done, f"probe still running after {took:.1f} s (limit {FAST.total} s)"


# --- the launcher ---------------------------------------------------------------------------


@pytest.fixture
def launcher(desk: Desk, tmp_path: Path, qtbot) -> Iterator[RemoteLauncher]:
    """The technician's launcher on an inline runner; questions answered yes, errors kept."""
    runner = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    env = LaunchEnv(temp_dir=tmp_path / "launch", known_hosts=tmp_path / "known_hosts",
                    platform="linux")  # fmt: skip
    # Qt owns both through a widget qtbot deletes on this thread: a garbage collection on a
    # probe thread must never be what destroys their timers.
    holder = QWidget()
    qtbot.addWidget(holder)
    session = VaultSession(desk.tech._vault, holder, clipboard_seconds=30, is_admin=False)
    launcher = RemoteLauncher(
        desk.tech, ExternalLauncher(desk.tech, ProcessRunner(), env), session, runner,
        known_hosts=tmp_path / "known_hosts", cert_dir=tmp_path / "certs", is_admin=False,
        parent=holder,
    )  # fmt: skip
    launcher.errors = []  # type: ignore[attr-defined]
    launcher.show_error = lambda parent, text: launcher.errors.append(text)  # type: ignore[attr-defined,method-assign]
    launcher.ask_confirm_record = lambda parent, record, tampered: ""  # type: ignore[method-assign]
    launcher.ask_host_key = lambda parent, key: True  # type: ignore[method-assign]
    launcher.ask_certificate = lambda *args, **kwargs: True  # type: ignore[method-assign]
    yield launcher
    runner.shutdown()


def _view(desk: Desk, protocol: str):
    [view] = [r for r in desk.tech.options(desk.client_id).records if r.protocol == protocol]
    return view


def test_launch_rdp_mstsc_pin_check_compares_with_the_verified_pin_not_the_menu_view(
    desk: Desk, launcher: RemoteLauncher, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    """mstsc cannot pin, so the launcher probes and compares before launching (remote.md §5).
    It compares with `RecordView.cert_sha256`: data read for the Connect menu, never
    MAC-verified and possibly stale. A row rewritten while the menu was built and restored
    before the click (or any stale view) lets an interceptor's certificate through; the verified
    pin (5a…) is never consulted, and the launch reveals the password."""
    record = desk.record()
    desk.tech.confirm_record(record)
    desk.tech.store_pin(record, cert_sha256=GOOD_PIN)
    # The menu entry as read while a DBA had the pin swapped (the row is back to normal now).
    stale = dataclasses.replace(_view(desk, "rdp"), cert_sha256=EVIL_PIN, pinned=True)
    seen = CertificateSeen(EVIL_PIN, "CN=evil", "CN=evil", None, None)
    monkeypatch.setattr(launch_steps, "rdp_certificate", lambda view: seen)

    launcher.launch(qtbot_widget(qtbot), desk.ticket_id, stale, "rdp-mstsc")

    assert launch_audits(desk.db) == 0, "password revealed for a server presenting another cert"


def test_launch_ssh_first_contact_never_silently_replaces_a_known_hosts_pin(
    desk: Desk, launcher: RemoteLauncher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    """remote.md §5: a changed SSH key is a hard fail and only an admin's audited "Forget host
    key" clears a pin. The app known_hosts pins 10.0.0.7:2222 to KEY_GOOD; the record itself is
    unpinned (new record, or pins cleared). First contact now presents KEY_EVIL; the dialog asks
    as if the host were new and `_pin_ssh` calls `KnownHosts.replace`, silently dropping the
    existing pin, so the next connect trusts the new key."""
    known = KnownHosts(tmp_path / "known_hosts")
    known.add("10.0.0.7", 2222, "ssh-ed25519", KEY_GOOD)
    presented = HostKeyInfo.of_key("10.0.0.7", 2222, _pkey("ssh-ed25519", KEY_EVIL))
    monkeypatch.setattr(launch_steps, "ssh_host_key", lambda view: presented)

    def no_network(*args: object, **kwargs: object) -> object:
        raise SSHUnreachable("stand-in: no network in this test")

    monkeypatch.setattr(launch_steps, "open_shell", no_network)

    launcher.launch(qtbot_widget(qtbot), desk.ticket_id, _view(desk, "ssh"), "ssh-embedded")

    pinned = [e.key_b64 for e in known.lookup("10.0.0.7", 2222)]
    assert pinned == [KEY_GOOD], "a non-admin's first-contact Accept replaced an existing pin"


# --- helpers --------------------------------------------------------------------------------


def _pkey(key_type: str, key_b64: str):
    import base64

    import paramiko

    return paramiko.PKey.from_type_string(key_type, base64.b64decode(key_b64))


def qtbot_widget(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    return widget
