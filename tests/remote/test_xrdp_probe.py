"""The RDP probe and the FreeRDP pin against a real xrdp on loopback (remote.md §10.6).

xrdp 0.9 offers TLS but no NLA, so `/auth-only` proves only that FreeRDP got past TLS with the
pin; it says nothing about credentials. Measured with xfreerdp 2.11 against xrdp 0.9.21: the right
pin gives exit 0 ("Authentication only, exit status 0") and the client goes on to send its MCS
Connect-Initial inside TLS; a wrong or missing pin gives exit 143 (`XF_EXIT_TLS_CONNECT_FAILED`)
after "certificate not trusted". FreeRDP checks the certificate after the handshake, so then xrdp
sees a finished handshake followed by a hang-up ("Connect-Initial failed"), never a TLS error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Final

import pytest

from app.remote.probe import Timeouts, probe
from app.remote.target import Target
from tests.fixtures import xrdp as xrdp_fixtures
from tests.fixtures.xrdp import XrdpServer, colon_sha256, unavailable

# Session fixtures, requested by name below.
xrdp_server = xrdp_fixtures.xrdp_server
xvfb_display = xrdp_fixtures.xvfb_display

#: Generous for loopback, small enough that a hang shows at once.
LIMITS: Final = Timeouts(dns=2.0, connect=2.0, read=3.0, total=5.0)
#: xfreerdp 2.11 `client/X11/xfreerdp.h`.
XF_EXIT_TLS_CONNECT_FAILED: Final = 143
#: A dummy: xrdp checks no credentials during `/auth-only`. It travels on stdin, never in argv.
DUMMY_PASSWORD: Final = b"not-a-password\n"
#: xrdp 0.9.21 log lines. A client that trusts the certificate sends its MCS Connect-Initial
#: inside TLS (xrdp then logs the client name and, later, the TLS session); one that distrusts it
#: closes right after the handshake, so xrdp's read of the Connect-Initial fails.
CLIENT_NAME: Final = "Connected client computer name"
TLS_DONE: Final = "TLS connection established"
DROPPED: Final = "Connect-Initial failed"


def _freerdp() -> str:
    binary = shutil.which("xfreerdp")
    if binary is None:
        unavailable("no `xfreerdp` on PATH")
    return binary


def _auth_only(
    server: XrdpServer, display: str, home: Path, pin: str | None
) -> subprocess.CompletedProcess[str]:
    """Run `xfreerdp /auth-only` the way the FreeRDP 2 launcher builds it (remote.md §3.4)."""
    cert = "/cert:deny" + (f",fingerprint:sha256:{pin}" if pin else "")
    argv = [
        _freerdp(),
        f"/v:{server.host}:{server.port}",
        "/u:probe",
        "/sec:tls",
        cert,
        "/auth-only",
        "/from-stdin:force",
    ]
    home.mkdir(exist_ok=True)
    # Only what FreeRDP needs: its own HOME (known_hosts2 lands there) and the private display.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "DISPLAY": display}
    return subprocess.run(
        argv, input=DUMMY_PASSWORD.decode(), env=env, capture_output=True, text=True, timeout=20
    )


def _wait_for_log(server: XrdpServer, needle: str, before: int, seconds: float = 3.0) -> int:
    """How often `needle` is in the xrdp log, once it grew past `before` (or at the limit)."""
    deadline = time.monotonic() + seconds
    count = server.log_text().count(needle)
    while count <= before and time.monotonic() < deadline:
        time.sleep(0.05)
        count = server.log_text().count(needle)
    return count


def _known_hosts(home: Path) -> str:
    path = home / ".config" / "freerdp" / "known_hosts2"
    return path.read_text() if path.exists() else ""


def test_probe_rdp_real_xrdp_reports_tls_and_its_certificate(xrdp_server: XrdpServer) -> None:
    result = probe(Target("rdp", xrdp_server.host, xrdp_server.port), LIMITS)
    assert (result.outcome, result.layer) == ("ok", None), result.detail
    assert result.info["rdp_protocol"] == "TLS"
    assert result.info["cert_sha256"] == xrdp_server.cert_sha256
    assert result.info["cert_sha256"] == colon_sha256(xrdp_server.cert_der)
    assert result.detail == f"RDP, TLS ({xrdp_server.host})"
    assert [(a.address, a.state) for a in result.addresses] == [(xrdp_server.host, "open")]
    # The fingerprint is in the form a record stores and FreeRDP 2.11 takes.
    pinned = Target(
        "rdp", xrdp_server.host, xrdp_server.port, cert_sha256=result.info["cert_sha256"]
    )
    assert pinned.cert_sha256 == xrdp_server.cert_sha256


def test_launch_rdp_freerdp_auth_only_passes_tls_with_the_right_pin(
    xrdp_server: XrdpServer, xvfb_display: str, tmp_path: Path
) -> None:
    log = xrdp_server.log_text()
    before = {needle: log.count(needle) for needle in (CLIENT_NAME, TLS_DONE, DROPPED)}
    done = _auth_only(xrdp_server, xvfb_display, tmp_path / "home", xrdp_server.cert_sha256)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Authentication only, exit status 0" in output
    assert "certificate not trusted" not in output
    assert "ERRCONNECT_TLS_CONNECT_FAILED" not in output
    # The server agrees: the client went on to speak RDP inside the TLS session.
    for needle in (CLIENT_NAME, TLS_DONE):
        count = _wait_for_log(xrdp_server, needle, before[needle])
        assert count == before[needle] + 1, (needle, xrdp_server.log_tail())
    assert xrdp_server.log_text().count(DROPPED) == before[DROPPED], xrdp_server.log_tail()
    # The pin decided trust; nothing was stored trust-on-first-use.
    assert _known_hosts(tmp_path / "home") == ""
    assert DUMMY_PASSWORD.decode().strip() not in output


@pytest.mark.parametrize(
    "pin",
    [
        pytest.param(colon_sha256(b"some other certificate"), id="wrong-pin"),
        pytest.param(None, id="no-pin"),
    ],
)
def test_launch_rdp_freerdp_auth_only_refuses_a_certificate_not_pinned(
    xrdp_server: XrdpServer, xvfb_display: str, tmp_path: Path, pin: str | None
) -> None:
    log = xrdp_server.log_text()
    before = {needle: log.count(needle) for needle in (CLIENT_NAME, TLS_DONE, DROPPED)}
    done = _auth_only(xrdp_server, xvfb_display, tmp_path / "home", pin)
    output = done.stdout + done.stderr
    assert done.returncode == XF_EXIT_TLS_CONNECT_FAILED, output
    assert "certificate not trusted" in output
    assert "ERRCONNECT_TLS_CONNECT_FAILED" in output
    # The server saw the client hang up after the handshake, before sending any RDP data.
    dropped = _wait_for_log(xrdp_server, DROPPED, before[DROPPED])
    # At least ours: a probe test run just before may log its own hang-up late (random order).
    assert dropped >= before[DROPPED] + 1, xrdp_server.log_tail()
    after = xrdp_server.log_text()
    for needle in (CLIENT_NAME, TLS_DONE):
        assert after.count(needle) == before[needle], (needle, xrdp_server.log_tail())
    assert _known_hosts(tmp_path / "home") == ""
