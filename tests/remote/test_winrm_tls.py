"""WinRM over HTTPS against the fake WS-Man server: the pinned PEM is the only trust anchor,
and fetching the certificate for the pin (remote.md §5, §6, §10.4)."""

from __future__ import annotations

import hashlib
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.remote.target import Target
from app.remote.winrm import (
    WinRMClient,
    WinRMError,
    ca_trust_file,
    certificate_sha256,
    fetch_certificate,
    protocol_options,
)
from tests.fakes.wsman import FakeWSMan, make_certificate

PASSWORD = "S3cret-pw"
ACCOUNT = "CONTOSO\\alice"
IPCONFIG = "Windows IP Configuration\r\n"


def _colon(der: bytes) -> str:
    return ":".join(f"{b:02x}" for b in hashlib.sha256(der).digest())


@pytest.fixture(params=["basic", "ntlm"])
def fake(request: pytest.FixtureRequest) -> Iterator[FakeWSMan]:
    with FakeWSMan(request.param, tls=True, users={ACCOUNT: PASSWORD}) as server:
        server.add_command("ipconfig /all", stdout=IPCONFIG)
        yield server


def _target(fake: FakeWSMan, pem: bytes | None = None, host: str = "127.0.0.1") -> Target:
    return Target(
        "winrm-https",
        host,
        fake.port,
        cert_pem=(pem or fake.cert_pem).decode(),
        winrm_transport=fake.auth,
    ).with_account(ACCOUNT)


def test_winrm_https_with_pinned_pem_runs_ipconfig(fake: FakeWSMan, tmp_path: Path) -> None:
    with WinRMClient(_target(fake), PASSWORD, cert_dir=tmp_path) as client:
        assert client.endpoint == f"https://127.0.0.1:{fake.port}/wsman"
        result = client.run_cmd("ipconfig", ["/all"])
        ps = client.run_ps("hostname")
    assert (result.stdout, result.exit_code) == (IPCONFIG, 0)
    assert fake.received[1].command == "powershell"
    assert ps.exit_code == 1  # not canned: the fake's "not recognized"
    assert fake.auth_failures == 0


def test_winrm_https_other_certificate_is_tls_error(fake: FakeWSMan, tmp_path: Path) -> None:
    other_pem, _der, _key = make_certificate()
    client = WinRMClient(_target(fake, other_pem), PASSWORD, cert_dir=tmp_path)
    with pytest.raises(WinRMError) as info:
        client.run_cmd("ipconfig", ["/all"])
    client.close()
    assert info.value.code == "tls"
    # The handshake failed before any HTTP request, so no credential was sent.
    assert fake.requests == 0
    assert PASSWORD not in str(info.value)


def test_winrm_https_host_name_must_match(tmp_path: Path) -> None:
    # The pinned certificate itself, but it names another host than the one dialled.
    with FakeWSMan("basic", tls=True, cert_hosts=("srv01.contoso.com",)) as other:
        client = WinRMClient(_target(other), PASSWORD, cert_dir=tmp_path)
        with pytest.raises(WinRMError) as info:
            client.run_cmd("ipconfig", ["/all"])
        client.close()
        assert info.value.code == "tls"
        assert other.requests == 0


def test_winrm_https_by_dns_name(fake: FakeWSMan, tmp_path: Path) -> None:
    with WinRMClient(_target(fake, host="localhost"), PASSWORD, cert_dir=tmp_path) as client:
        assert client.run_cmd("ipconfig", ["/all"]).exit_code == 0
    target = _target(fake)
    options = protocol_options(target, ca_trust_file(tmp_path, target.cert_pem or ""))
    assert options["server_cert_validation"] == "validate"
    assert options["transport"] == fake.auth


def test_winrm_https_wrong_password_is_auth_error(fake: FakeWSMan, tmp_path: Path) -> None:
    client = WinRMClient(_target(fake), "not-the-password", cert_dir=tmp_path)
    with pytest.raises(WinRMError) as info:
        client.run_cmd("ipconfig", ["/all"])
    client.close()
    assert info.value.code == "auth"
    assert fake.auth_failures >= 1
    assert "not-the-password" not in str(info.value)


def test_winrm_https_pin_and_fingerprint_must_agree(fake: FakeWSMan, tmp_path: Path) -> None:
    _pem, other_der, _key = make_certificate()
    target = Target(
        "winrm-https",
        "127.0.0.1",
        fake.port,
        cert_pem=fake.cert_pem.decode(),
        cert_sha256=_colon(other_der),
    ).with_account(ACCOUNT)
    with pytest.raises(WinRMError) as info:
        WinRMClient(target, PASSWORD, cert_dir=tmp_path)
    assert info.value.code == "tls"


def test_winrm_fetch_certificate_matches_der(fake: FakeWSMan) -> None:
    cert = fetch_certificate("127.0.0.1", fake.port, timeout=2)
    assert cert.sha256 == _colon(fake.cert_der)
    assert certificate_sha256(cert.pem) == cert.sha256
    assert cert.pem.encode() == fake.cert_pem
    assert "CN=localhost" in cert.subject
    assert cert.issuer == cert.subject
    assert cert.not_after.tzinfo is not None


def test_winrm_fetch_certificate_unreachable_fails_fast() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(WinRMError) as info:
        fetch_certificate("127.0.0.1", port, timeout=1)
    assert info.value.code == "unreachable"
    assert time.monotonic() - started < 2


def test_winrm_fetch_certificate_from_plain_http_is_tls_error() -> None:
    with FakeWSMan("ntlm") as plain, pytest.raises(WinRMError) as info:
        fetch_certificate("127.0.0.1", plain.port, timeout=2)
    assert info.value.code in ("tls", "unreachable")


def test_winrm_ca_trust_file_is_private_and_content_named(tmp_path: Path) -> None:
    pem, der, _key = make_certificate()
    folder = tmp_path / "winrm-certs"
    path = ca_trust_file(folder, pem.decode())
    assert path == folder / f"winrm-{_colon(der).replace(':', '')}.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert ca_trust_file(folder, pem.decode()) == path
    assert sorted(p.name for p in folder.iterdir()) == [path.name]
