"""SSH host authenticity (remote.md §5, §10.3): the app known_hosts file, first contact (TOFU)
and changed keys, against a real OpenSSH server on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import paramiko
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.remote.known_hosts import KnownHosts, KnownHostsError, fingerprint_sha256, host_pattern
from app.remote.ssh import (
    HostKeyMismatch,
    HostKeyUnknown,
    SSHSession,
    SSHUnreachable,
    fetch_host_key,
)
from app.remote.ssh_launch import openssh_args, pin_file_for
from app.remote.target import Target
from tests.fixtures.sshd import SshdServer, running_sshd, sshd_fixture, unavailable  # noqa: F401


def _new_key() -> tuple[str, str]:
    """A fresh `(type, base64)` Ed25519 public key."""
    public = ed25519.Ed25519PrivateKey.generate().public_key()
    text = public.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    key_type, key_b64 = text.decode().split()
    return key_type, key_b64


@pytest.fixture
def known_hosts(tmp_path: Path) -> KnownHosts:
    return KnownHosts(tmp_path / "data" / "known_hosts")


# --- the file ---------------------------------------------------------------------------------


def test_ssh_known_hosts_writes_openssh_format_0600(known_hosts: KnownHosts) -> None:
    key_type, key_b64 = _new_key()
    known_hosts.add("127.0.0.1", 2222, key_type, key_b64)
    known_hosts.add("srv01.example.com", 22, key_type, key_b64)
    known_hosts.add("::1", 2200, key_type, key_b64)
    assert known_hosts.path.read_text().splitlines() == [
        f"[127.0.0.1]:2222 {key_type} {key_b64}",
        f"srv01.example.com {key_type} {key_b64}",
        f"[::1]:2200 {key_type} {key_b64}",
    ]
    assert stat.S_IMODE(known_hosts.path.stat().st_mode) == 0o600
    # Atomic replace leaves no temp file behind.
    assert sorted(p.name for p in known_hosts.path.parent.iterdir()) == ["known_hosts"]
    assert host_pattern("::1", 22) == "::1"


def test_ssh_known_hosts_lookup_is_per_host_and_port(known_hosts: KnownHosts) -> None:
    key_type, key_b64 = _new_key()
    known_hosts.add("127.0.0.1", 2222, key_type, key_b64)
    (entry,) = known_hosts.lookup("127.0.0.1", 2222)
    assert (entry.key_type, entry.key_b64, entry.fingerprint) == (
        key_type,
        key_b64,
        fingerprint_sha256(key_b64),
    )
    assert known_hosts.lookup("127.0.0.1", 22) == []
    assert known_hosts.lookup("127.0.0.2", 2222) == []
    # A second instance on the same file (another window) sees the pin.
    assert KnownHosts(known_hosts.path).lookup("127.0.0.1", 2222) == [entry]


def test_ssh_known_hosts_add_refuses_to_overwrite_a_pin(known_hosts: KnownHosts) -> None:
    key_type, key_b64 = _new_key()
    known_hosts.add("127.0.0.1", 2222, key_type, key_b64)
    known_hosts.add("127.0.0.1", 2222, key_type, key_b64)  # the same key again: no-op
    assert len(known_hosts.path.read_text().splitlines()) == 1
    _, other = _new_key()
    with pytest.raises(KnownHostsError) as err:
        known_hosts.add("127.0.0.1", 2222, key_type, other)
    assert err.value.code == "already_pinned"
    assert [e.key_b64 for e in known_hosts.lookup("127.0.0.1", 2222)] == [key_b64]


def test_ssh_known_hosts_replace_and_remove_keep_other_lines(known_hosts: KnownHosts) -> None:
    key_type, key_b64 = _new_key()
    _, other = _new_key()
    known_hosts.path.parent.mkdir(parents=True)
    foreign = [
        "# a comment",
        f"|1|c2FsdA==|aGFzaA== {key_type} {key_b64}",
        f"@cert-authority *.example.com {key_type} {key_b64}",
        f"[127.0.0.1]:2222,[10.0.0.5]:2222 {key_type} {key_b64}",
    ]
    known_hosts.path.write_text("\n".join(foreign) + "\n")
    known_hosts.replace("127.0.0.1", 2222, key_type, other)
    assert known_hosts.path.read_text().splitlines() == [
        *foreign[:3],
        f"[10.0.0.5]:2222 {key_type} {key_b64}",
        f"[127.0.0.1]:2222 {key_type} {other}",
    ]
    assert known_hosts.remove("127.0.0.1", 2222) is True
    assert known_hosts.remove("127.0.0.1", 2222) is False
    assert known_hosts.lookup("127.0.0.1", 2222) == []
    assert [e.host for e in known_hosts.entries()] == ["10.0.0.5"]


def test_ssh_known_hosts_rejects_invalid_keys_and_hosts(known_hosts: KnownHosts) -> None:
    key_type, key_b64 = _new_key()
    with pytest.raises(KnownHostsError) as err:
        known_hosts.add("127.0.0.1", 22, "ssh-rsa", key_b64)  # type does not match the blob
    assert err.value.code == "invalid_key"
    with pytest.raises(ValueError):
        known_hosts.add("-oProxyCommand=calc", 22, key_type, key_b64)
    with pytest.raises(ValueError):
        known_hosts.add("a;calc", 22, key_type, key_b64)
    assert not known_hosts.path.exists()


# --- first contact and pins against the real server -------------------------------------------


def _target(server: SshdServer, ssh_host_key: str | None = None) -> Target:
    return Target("ssh", server.host, server.port, user=server.login, ssh_host_key=ssh_host_key)


@pytest.mark.sshd
def test_ssh_fetch_host_key_matches_ssh_keygen(sshd: SshdServer, known_hosts: KnownHosts) -> None:
    info = fetch_host_key(sshd.host, sshd.port, timeout=5)
    assert (info.host, info.port, info.key_type) == ("127.0.0.1", sshd.port, "ssh-ed25519")
    assert info.fingerprint == sshd.fingerprint  # what `ssh-keygen -lf` printed
    assert info.key_text == sshd.host_key_text()
    assert not known_hosts.path.exists()  # fetching never pins


@pytest.mark.sshd
def test_ssh_tofu_reject_writes_nothing_accept_pins_once(
    sshd: SshdServer, known_hosts: KnownHosts
) -> None:
    key = sshd.client_key_text()
    # First contact: the session refuses and the caller must ask.
    with pytest.raises(HostKeyUnknown) as err:
        SSHSession.open(_target(sshd), known_hosts=known_hosts, private_key_text=key)
    assert (err.value.code, err.value.host, err.value.port) == (
        "host_key_unknown",
        "127.0.0.1",
        sshd.port,
    )
    info = fetch_host_key(sshd.host, sshd.port, timeout=5)
    # The user rejects: nothing is written and the next attempt asks again.
    assert not known_hosts.path.exists()
    with pytest.raises(HostKeyUnknown):
        SSHSession.open(_target(sshd), known_hosts=known_hosts, private_key_text=key)
    # The user accepts: the pin is written in OpenSSH form.
    known_hosts.add(info.host, info.port, info.key_type, info.key_b64)
    assert known_hosts.path.read_text() == (f"[127.0.0.1]:{sshd.port} ssh-ed25519 {info.key_b64}\n")
    with SSHSession.open(_target(sshd), known_hosts=known_hosts, private_key_text=key) as s:
        assert s.host_key.fingerprint == sshd.fingerprint
    # A second connect (new file object, as after a restart) asks nothing.
    again = KnownHosts(known_hosts.path)
    with SSHSession.open(_target(sshd), known_hosts=again, private_key_text=key) as s:
        assert s.exec("echo pinned").stdout == b"pinned\n"
    assert known_hosts.path.read_text().count("\n") == 1


@pytest.mark.sshd
def test_ssh_record_pin_alone_is_enough(sshd: SshdServer, known_hosts: KnownHosts) -> None:
    target = _target(sshd, ssh_host_key=sshd.host_key_text())
    with SSHSession.open(target, known_hosts=known_hosts, private_key_text=sshd.client_key_text()):
        pass
    assert not known_hosts.path.exists()


@pytest.mark.sshd
def test_ssh_record_pin_wins_over_a_key_left_in_known_hosts(
    sshd: SshdServer, known_hosts: KnownHosts
) -> None:
    """An administrator re-pinned the record to a key of another type: the server's old key,
    still in the local file, must not be accepted beside it."""
    key_type, key_b64 = sshd.host_key_text().split(" ")
    known_hosts.add("127.0.0.1", sshd.port, key_type, key_b64)
    rsa = paramiko.RSAKey.generate(1024)
    other = f"{rsa.get_name()} {rsa.get_base64()}"
    with pytest.raises(HostKeyMismatch):
        SSHSession.open(
            _target(sshd, ssh_host_key=other),
            known_hosts=known_hosts,
            private_key_text=sshd.client_key_text(),
        )


@pytest.mark.sshd
def test_ssh_ignores_the_users_own_known_hosts(
    sshd: SshdServer, known_hosts: KnownHosts, user_home: Path
) -> None:
    ssh_dir = user_home / ".ssh"
    ssh_dir.mkdir(exist_ok=True)
    line = f"[127.0.0.1]:{sshd.port} {sshd.host_key_text()}\n"
    (ssh_dir / "known_hosts").write_text(line)
    try:
        with pytest.raises(HostKeyUnknown):
            SSHSession.open(
                _target(sshd), known_hosts=known_hosts, private_key_text=sshd.client_key_text()
            )
    finally:
        (ssh_dir / "known_hosts").unlink()


@pytest.fixture
def own_sshd() -> Iterator[SshdServer]:
    """A server of the test's own, since the test restarts it with another key."""
    with running_sshd() as server:
        yield server


@pytest.mark.sshd
def test_ssh_changed_host_key_is_a_hard_failure(
    own_sshd: SshdServer, known_hosts: KnownHosts
) -> None:
    info = fetch_host_key(own_sshd.host, own_sshd.port, timeout=5)
    known_hosts.add(info.host, info.port, info.key_type, info.key_b64)
    pinned_file = known_hosts.path.read_bytes()
    old_fingerprint = own_sshd.fingerprint

    own_sshd.replace_host_key()
    assert own_sshd.fingerprint != old_fingerprint
    with pytest.raises(HostKeyMismatch) as err:
        SSHSession.open(
            _target(own_sshd), known_hosts=known_hosts, private_key_text=own_sshd.client_key_text()
        )
    exc = err.value
    assert exc.code == "host_key_mismatch"
    assert isinstance(exc.__cause__, paramiko.BadHostKeyException)
    assert (exc.expected_fingerprint, exc.presented_fingerprint) == (
        old_fingerprint,
        own_sshd.fingerprint,
    )
    assert old_fingerprint in str(exc) and own_sshd.fingerprint in str(exc)
    assert "anyway" not in str(exc).lower()
    # Refused before authentication: the server never accepted a key, and the pin is unchanged.
    assert "Accepted" not in own_sshd.log_text()
    assert known_hosts.path.read_bytes() == pinned_file
    # The record's pin alone is enforced the same way.
    stale = _target(own_sshd, ssh_host_key=info.key_text)
    with pytest.raises(HostKeyMismatch):
        SSHSession.open(
            stale,
            known_hosts=KnownHosts(known_hosts.path.with_name("empty")),
            private_key_text=own_sshd.client_key_text(),
        )
    assert "Accepted" not in own_sshd.log_text()


@pytest.mark.sshd
def test_ssh_pin_of_another_key_type_is_a_mismatch(
    sshd: SshdServer, known_hosts: KnownHosts
) -> None:
    rsa_key = paramiko.RSAKey.generate(2048)
    known_hosts.add(sshd.host, sshd.port, "ssh-rsa", rsa_key.get_base64())
    with pytest.raises(HostKeyMismatch) as err:
        SSHSession.open(
            _target(sshd), known_hosts=known_hosts, private_key_text=sshd.client_key_text()
        )
    assert err.value.presented_fingerprint == sshd.fingerprint


def test_ssh_fetch_host_key_unreachable_fails_fast() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.monotonic()
    with pytest.raises(SSHUnreachable):
        fetch_host_key("127.0.0.1", port, timeout=5)
    assert time.monotonic() - start < 2


def test_ssh_fixture_fails_under_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="openssh-server"):
        unavailable("no sshd")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        unavailable("no sshd")


@pytest.mark.sshd
def test_ssh_launch_argv_pins_the_real_openssh_client(sshd: SshdServer, tmp_path: Path) -> None:
    """The system client's pin options work in real `ssh`, with a path needing quoting."""
    client = shutil.which("ssh")
    if client is None:
        unavailable("openssh-client (ssh) is not installed")
    known_hosts = KnownHosts(tmp_path / "dir with space %d" / "known_hosts")
    target = _target(sshd, ssh_host_key=sshd.host_key_text())
    pin_path = pin_file_for(target, known_hosts)
    assert pin_path == known_hosts.path

    def run(path: Path) -> subprocess.CompletedProcess[str]:
        options = ["-F", "/dev/null", "-i", str(sshd.client_key), "-o", "IdentitiesOnly=yes"]
        options += ["-o", "BatchMode=yes"]
        argv = [client, *options, *openssh_args(target, known_hosts_path=path), "echo", "ok"]
        return subprocess.run(argv, capture_output=True, text=True, timeout=30)

    pinned = run(pin_path)
    assert (pinned.returncode, pinned.stdout) == (0, "ok\n"), pinned.stderr
    # A different key pinned: real ssh refuses (StrictHostKeyChecking=yes), nothing runs.
    other = KnownHosts(tmp_path / "other" / "known_hosts")
    key_type, key_b64 = _new_key()
    other.add(sshd.host, sshd.port, key_type, key_b64)
    refused = run(other.path)
    assert refused.returncode != 0 and refused.stdout == ""
    assert "verification failed" in refused.stderr
