"""The embedded SSH client against a real OpenSSH server (remote.md §4.1, §10.3): every way to
authenticate, jump hosts, the shell channel the terminal widget reads, and clear errors."""

from __future__ import annotations

import os
import select
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from app.remote.known_hosts import KnownHosts
from app.remote.ssh import (
    HostKeyUnknown,
    ShellChannel,
    SSHAuthFailed,
    SSHCredentials,
    SSHDisconnected,
    SSHError,
    SSHKeyError,
    SSHSession,
    SSHTimeout,
    SSHTimeouts,
    SSHUnreachable,
    jump_target,
    load_private_key,
)
from app.remote.target import Gateway, Target
from app.vault.secret import Secret
from tests.fixtures.sshd import (  # noqa: F401
    PasswordUser,
    SshdServer,
    running_sshd,
    sshd_fixture,
    sshd_password_fixture,
)

FAST = SSHTimeouts(connect=2.0, banner=1.0, auth=5.0, channel=5.0)


@pytest.fixture
def known_hosts(tmp_path: Path) -> KnownHosts:
    return KnownHosts(tmp_path / "known_hosts")


def _pin(known_hosts: KnownHosts, server: SshdServer) -> None:
    key_type, key_b64 = server.host_key_text().split()
    known_hosts.add(server.host, server.port, key_type, key_b64)


def _root(server: SshdServer) -> Target:
    return Target("ssh", server.host, server.port, user=server.login)


def _read_until(channel: ShellChannel, needle: bytes, timeout: float = 10.0) -> bytes:
    """Shell output up to and including `needle`; fails (never hangs) after `timeout`."""
    data = b""
    deadline = time.monotonic() + timeout
    while needle not in data:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            pytest.fail(f"{needle!r} not seen; got {data[-300:]!r}")
        readable, _, _ = select.select([channel], [], [], remaining)
        if readable:
            chunk = channel.recv(65536)
            if not chunk:
                pytest.fail(f"shell ended before {needle!r}; got {data[-300:]!r}")
            data += chunk
    return data


def _listing(*dirs: Path) -> set[Path]:
    return {p for d in dirs for p in d.rglob("*")}


# --- private keys from text -------------------------------------------------------------------


def _pem(private_key: object, fmt: serialization.PrivateFormat, passphrase: bytes | None) -> str:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    return private_key.private_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.PEM, fmt, encryption
    ).decode()


@pytest.mark.parametrize(
    ("make", "fmt", "expected"),
    [
        (ed25519.Ed25519PrivateKey.generate, serialization.PrivateFormat.OpenSSH, "Ed25519Key"),
        (lambda: ec.generate_private_key(ec.SECP256R1()), serialization.PrivateFormat.OpenSSH,
         "ECDSAKey"),
        (lambda: ec.generate_private_key(ec.SECP384R1()),
         serialization.PrivateFormat.TraditionalOpenSSL, "ECDSAKey"),
        (lambda: rsa.generate_private_key(65537, 2048), serialization.PrivateFormat.OpenSSH,
         "RSAKey"),
        (lambda: rsa.generate_private_key(65537, 2048),
         serialization.PrivateFormat.TraditionalOpenSSL, "RSAKey"),
    ],
)  # fmt: skip
def test_ssh_private_key_types_load_from_text(
    make: object, fmt: serialization.PrivateFormat, expected: str
) -> None:
    key = make()  # type: ignore[operator]
    assert type(load_private_key(_pem(key, fmt, None))).__name__ == expected
    if fmt is serialization.PrivateFormat.TraditionalOpenSSL:
        # (Encrypted OpenSSH-format keys cost a bcrypt KDF per parse: one case below suffices.)
        encrypted = _pem(key, fmt, b"s3cret pass")
        loaded = load_private_key(Secret(encrypted), Secret("s3cret pass"))
        assert type(loaded).__name__ == expected


def test_ssh_private_key_errors_are_clear_and_secret_free() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    encrypted = _pem(key, serialization.PrivateFormat.OpenSSH, b"right-passphrase")
    assert isinstance(load_private_key(encrypted, Secret("right-passphrase")), paramiko.Ed25519Key)
    with pytest.raises(SSHKeyError) as err:
        load_private_key(encrypted)
    assert err.value.code == "passphrase_required"
    with pytest.raises(SSHKeyError) as err:
        load_private_key(encrypted, "wrong-passphrase-XYZ")
    assert "wrong-passphrase-XYZ" not in str(err.value)
    with pytest.raises(SSHKeyError):
        load_private_key("-----BEGIN OPENSSH PRIVATE KEY-----\nZ2FyYmFnZQ==\n-----END")
    plain = _pem(key, serialization.PrivateFormat.OpenSSH, None)
    with pytest.raises(SSHKeyError) as err:
        load_private_key(plain, "unneeded")
    assert err.value.code == "not_encrypted"


def test_ssh_credentials_repr_shows_no_secret() -> None:
    creds = SSHCredentials(password="hunter2-pw", private_key_text="KEYTEXT", key_passphrase="pp")
    assert "hunter2-pw" not in repr(creds)
    assert "KEYTEXT" not in repr(creds)


# --- authentication ---------------------------------------------------------------------------


@pytest.mark.sshd
def test_ssh_auth_by_key_text_writes_no_file(
    sshd: SshdServer,
    known_hosts: KnownHosts,
    tmp_path: Path,
    user_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _pin(known_hosts, sshd)
    # A private temp dir for this test (the system one is shared with other processes).
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    key_text = Secret(sshd.client_key_text())
    before = _listing(user_home, tmp_path)
    with SSHSession.open(_root(sshd), known_hosts=known_hosts, private_key_text=key_text) as s:
        result = s.exec("id -un; echo err >&2; exit 3")
    assert result == (f"{sshd.login}\n".encode(), b"err\n", 3)
    assert _listing(user_home, tmp_path) == before
    assert list(private_tmp.iterdir()) == []
    assert f"Accepted publickey for {sshd.login}" in sshd.log_text()


@pytest.mark.sshd
def test_ssh_auth_with_a_wrong_key_fails_clearly(sshd: SshdServer, known_hosts: KnownHosts) -> None:
    _pin(known_hosts, sshd)
    other = _pem(ed25519.Ed25519PrivateKey.generate(), serialization.PrivateFormat.OpenSSH, None)
    with pytest.raises(SSHAuthFailed) as err:
        SSHSession.open(_root(sshd), known_hosts=known_hosts, private_key_text=other, timeouts=FAST)
    assert err.value.code == "auth_failed"
    assert "PRIVATE KEY" not in str(err.value)


@pytest.mark.sshd
def test_ssh_auth_by_password(
    sshd_password: tuple[SshdServer, PasswordUser], known_hosts: KnownHosts
) -> None:
    server, user = sshd_password
    _pin(known_hosts, server)
    target = Target("ssh", server.host, server.port, user=user.name)
    with SSHSession.open(target, known_hosts=known_hosts, password=Secret(user.password)) as s:
        assert s.exec("id -un").stdout.decode().strip() == user.name
    wrong = "not-" + user.password
    with pytest.raises(SSHAuthFailed) as err:
        SSHSession.open(target, known_hosts=known_hosts, password=wrong, timeouts=FAST)
    assert wrong not in str(err.value) and user.password not in repr(err.value)


@pytest.fixture
def ssh_agent(sshd: SshdServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real `ssh-agent -a <sock>` holding the fixture's client key; SSH_AUTH_SOCK points to it
    for this test only."""
    # Short path: AF_UNIX paths are limited to 108 bytes.
    folder = Path(tempfile.mkdtemp(prefix="hd-agent-"))
    sock = folder / "agent.sock"
    agent = subprocess.Popen(
        ["ssh-agent", "-D", "-a", str(sock)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 5
        while not sock.exists():
            if time.monotonic() > deadline or agent.poll() is not None:
                pytest.fail("ssh-agent did not create its socket")
            time.sleep(0.02)
        env = {**os.environ, "SSH_AUTH_SOCK": str(sock)}
        # The socket file appears at bind(), a moment before the agent listens: retry.
        while (
            subprocess.run(["ssh-add", "-q", str(sshd.client_key)], env=env, capture_output=True)
        ).returncode != 0:
            if time.monotonic() > deadline:
                pytest.fail("ssh-add could not reach the agent")
            time.sleep(0.05)
        monkeypatch.setenv("SSH_AUTH_SOCK", str(sock))
        yield str(sock)
    finally:
        agent.kill()
        agent.wait(timeout=10)
        subprocess.run(["rm", "-rf", str(folder)], check=False)


@pytest.mark.sshd
def test_ssh_auth_by_agent_only_when_allowed(
    sshd: SshdServer, known_hosts: KnownHosts, ssh_agent: str
) -> None:
    _pin(known_hosts, sshd)
    with pytest.raises(SSHAuthFailed):
        # The agent is running and holds the key, but the record does not allow it: paramiko
        # would try the agent's key before the (wrong) password if it were consulted.
        SSHSession.open(_root(sshd), known_hosts=known_hosts, password="wrong", timeouts=FAST)
    with pytest.raises(SSHAuthFailed) as err:
        SSHSession.open(_root(sshd), known_hosts=known_hosts, timeouts=FAST)
    assert "No password, key or agent" in str(err.value)
    with SSHSession.open(_root(sshd), known_hosts=known_hosts, allow_agent=True) as s:
        assert s.exec("echo via-agent").stdout == b"via-agent\n"


@pytest.mark.sshd
def test_ssh_jump_host_via_direct_tcpip(sshd: SshdServer, known_hosts: KnownHosts) -> None:
    _pin(known_hosts, sshd)
    key = sshd.client_key_text()
    jump = (_root(sshd), SSHCredentials(private_key_text=key))
    with SSHSession.open(
        _root(sshd), known_hosts=known_hosts, private_key_text=key, jump=jump
    ) as session:
        assert session.via_jump
        # The target's transport runs inside a channel of the jump connection.
        assert isinstance(session.transport.sock, paramiko.Channel)
        assert session.exec("echo through-jump").stdout == b"through-jump\n"
    assert not session.active


@pytest.mark.sshd
def test_ssh_jump_host_needs_its_own_pin(sshd: SshdServer, tmp_path: Path) -> None:
    key = sshd.client_key_text()
    target = Target("ssh", sshd.host, sshd.port, user=sshd.login, ssh_host_key=sshd.host_key_text())
    jump = (_root(sshd), SSHCredentials(private_key_text=key))  # jump not pinned anywhere
    with pytest.raises(HostKeyUnknown):
        SSHSession.open(
            target, known_hosts=KnownHosts(tmp_path / "kh"), private_key_text=key, jump=jump
        )


# --- the shell channel ------------------------------------------------------------------------


@pytest.mark.sshd
def test_ssh_shell_channel_reads_colour_and_resizes(
    sshd: SshdServer, known_hosts: KnownHosts
) -> None:
    _pin(known_hosts, sshd)
    with SSHSession.open(
        _root(sshd), known_hosts=known_hosts, private_key_text=sshd.client_key_text()
    ) as session:
        shell = session.invoke_shell(term="xterm-256color", cols=80, rows=24)
        shell.send(b"printf '\\033[1;31mRED\\033[0m\\n'; echo TERM=$TERM\n")
        out = _read_until(shell, b"TERM=xterm-256color")
        # Real escape bytes, not the echoed command text.
        assert b"\x1b[1;31mRED\x1b[0m" in out
        shell.resize(100, 30)
        shell.send(b"echo SIZE=$(stty size) COLS=$(tput cols)\n")
        assert b"SIZE=30 100 COLS=100" in _read_until(shell, b"COLS=100")
        shell.send(b"exit 7\n")
        deadline = time.monotonic() + 10
        while shell.recv(65536):
            assert time.monotonic() < deadline
        # A normal end: b"" and the exit status, not a "dropped" error.
        assert shell.exit_status == 7
        assert shell.closed


@pytest.mark.sshd
def test_ssh_shell_close_wakes_a_blocked_recv(sshd: SshdServer, known_hosts: KnownHosts) -> None:
    _pin(known_hosts, sshd)
    with SSHSession.open(
        _root(sshd), known_hosts=known_hosts, private_key_text=sshd.client_key_text()
    ) as session:
        shell = session.invoke_shell()
        shell.send(b"echo READY\n")
        _read_until(shell, b"READY\r\n")
        got: list[bytes] = []

        def read_all() -> None:
            while chunk := shell.recv(65536):
                got.append(chunk)
            got.append(chunk)

        reader = threading.Thread(target=read_all)
        reader.start()
        time.sleep(0.2)
        shell.close()
        reader.join(timeout=5)
        assert not reader.is_alive()
        assert got[-1:] == [b""]
        assert shell.closed


@pytest.fixture
def own_sshd() -> Iterator[SshdServer]:
    """A server of the test's own: the test kills its sessions."""
    with running_sshd() as server:
        yield server


@pytest.mark.sshd
def test_ssh_server_dropped_mid_session_is_a_clear_error(
    own_sshd: SshdServer, known_hosts: KnownHosts
) -> None:
    _pin(known_hosts, own_sshd)
    session = SSHSession.open(
        _root(own_sshd), known_hosts=known_hosts, private_key_text=own_sshd.client_key_text()
    )
    try:
        shell = session.invoke_shell()
        shell.send(b"echo READY\n")
        _read_until(shell, b"READY\r\n")
        assert own_sshd.kill_sessions() > 0
        outcome: list[BaseException | bytes] = []

        def read_all() -> None:
            try:
                while chunk := shell.recv(65536):
                    outcome.append(chunk)
                outcome.append(b"")
            except SSHError as exc:
                outcome.append(exc)

        reader = threading.Thread(target=read_all, daemon=True)
        start = time.monotonic()
        reader.start()
        reader.join(timeout=10)
        assert not reader.is_alive(), "recv hung after the server dropped the session"
        assert time.monotonic() - start < 5
        assert isinstance(outcome[-1], SSHDisconnected)
        assert outcome[-1].code == "disconnected"
        with pytest.raises(SSHDisconnected):
            session.exec("true")
    finally:
        session.close()


# --- unreachable and silent servers -----------------------------------------------------------


def test_ssh_unreachable_port_fails_quickly(known_hosts: KnownHosts) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    target = Target("ssh", "127.0.0.1", port, user="root", ssh_host_key=_any_host_key())
    start = time.monotonic()
    with pytest.raises(SSHUnreachable) as err:
        SSHSession.open(target, known_hosts=known_hosts, password="pw-never-shown", timeouts=FAST)
    assert time.monotonic() - start < 2
    assert err.value.code == "unreachable"
    assert "pw-never-shown" not in str(err.value)


def test_ssh_silent_server_times_out(known_hosts: KnownHosts) -> None:
    # The kernel completes the TCP handshake from the backlog; no banner ever comes.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        target = Target("ssh", "127.0.0.1", port, user="root", ssh_host_key=_any_host_key())
        start = time.monotonic()
        with pytest.raises(SSHTimeout):
            SSHSession.open(target, known_hosts=known_hosts, password="x", timeouts=FAST)
        assert time.monotonic() - start < FAST.banner + 2


def test_ssh_unknown_host_is_refused_before_dialling(known_hosts: KnownHosts) -> None:
    # Nothing listens there: an attempt to connect would be SSHUnreachable instead.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(HostKeyUnknown):
        SSHSession.open(Target("ssh", "127.0.0.1", port, user="root"), known_hosts=known_hosts)


def _any_host_key() -> str:
    public = ed25519.Ed25519PrivateKey.generate().public_key()
    return public.public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode()


def test_ssh_server_closing_at_once_is_a_clear_error(known_hosts: KnownHosts) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]

        def close_at_once() -> None:
            conn, _ = listener.accept()
            conn.close()

        closer = threading.Thread(target=close_at_once, daemon=True)
        closer.start()
        target = Target("ssh", "127.0.0.1", port, user="root", ssh_host_key=_any_host_key())
        start = time.monotonic()
        with pytest.raises(SSHDisconnected) as err:
            SSHSession.open(target, known_hosts=known_hosts, password="x", timeouts=FAST)
        assert time.monotonic() - start < 2
        assert "closed the connection" in str(err.value)
        closer.join(timeout=5)


def test_ssh_jump_target_from_gateway() -> None:
    target = Target("ssh", "10.0.0.5", 22, user="admin", gateway=Gateway("bastion.example.com"))
    jump = jump_target(target)
    assert jump is not None
    assert (jump.protocol, jump.host, jump.port, jump.user) == (
        "ssh",
        "bastion.example.com",
        22,
        "admin",
    )
    other = Target("ssh", "10.0.0.5", 22, user="admin", gateway=Gateway("gw", 2200, "hop"))
    assert (jump_target(other) or target).address == "gw:2200"
    assert (jump_target(other) or target).user == "hop"
    assert jump_target(Target("ssh", "10.0.0.5", 22)) is None
