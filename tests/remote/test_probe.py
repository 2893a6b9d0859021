"""Connectivity probes against loopback responders (remote.md §8, §10.5); all on 127.0.0.1/::1."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from cryptography import x509

from app.remote.probe import X224_REQUEST, Timeouts, probe, probe_many
from app.remote.target import Target
from tests.remote.responders import (
    LEGACY_CONFIRM,
    Play,
    Responder,
    close_at_once,
    refused_port,
    send_then_close,
    ssh_banner,
    tarpit,
    wsman_play,
    x224_confirm,
    x224_play,
)

#: Short limits so the silent-server cases stay fast.
FAST = Timeouts(dns=2.0, connect=1.0, read=0.5, total=1.5)


def _colon(der: bytes) -> str:
    return ":".join(f"{b:02x}" for b in hashlib.sha256(der).digest())


@pytest.fixture
def responder_for() -> Iterator[list[Responder]]:
    started: list[Responder] = []
    yield started
    for responder in started:
        responder.__exit__(None, None, None)


def _start(started: list[Responder], responder: Responder) -> Responder:
    started.append(responder.__enter__())
    return responder


def test_probe_rdp_credssp_reports_nla_and_certificate(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(x224_play(x224_confirm(2, 2), tls=True)).use_tls())
    result = probe(Target("rdp", "127.0.0.1", server.port), FAST)
    assert (result.outcome, result.layer) == ("ok", None)
    assert result.info["rdp_protocol"] == "CredSSP (NLA)"
    assert result.info["cert_sha256"] == _colon(server.cert_der)
    cert = x509.load_der_x509_certificate(server.cert_der)
    assert result.info["cert_subject"] == cert.subject.rfc4514_string()
    assert result.info["cert_not_after"] == cert.not_valid_after_utc.isoformat()
    # Exactly the fixed request: no mstshash cookie, nothing else (pitfall 9).
    assert server.received == [X224_REQUEST]
    assert b"mstshash" not in X224_REQUEST


def test_probe_rdp_tls(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(x224_play(x224_confirm(2, 1), tls=True)).use_tls())
    result = probe(Target("rdp", "127.0.0.1", server.port), FAST)
    assert result.outcome == "ok"
    assert result.info["rdp_protocol"] == "TLS"
    assert result.info["cert_sha256"] == _colon(server.cert_der)
    assert result.addresses[0].state == "open"


def test_probe_rdp_negotiation_failure_is_a_warning(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(x224_play(x224_confirm(3, 5))))
    result = probe(Target("rdp", "127.0.0.1", server.port), FAST)
    assert (result.outcome, result.layer) == ("warning", "wrong_protocol")
    assert result.info["rdp_failure"] == "CredSSP required"


def test_probe_rdp_legacy_confirm(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(x224_play(LEGACY_CONFIRM)))
    result = probe(Target("rdp", "127.0.0.1", server.port), FAST)
    assert result.outcome == "ok"
    assert result.info["rdp_protocol"] == "RDP (legacy)"


@pytest.mark.parametrize(
    "play",
    [
        send_then_close(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"),
        send_then_close(b"SSH-2.0-OpenSSH_9.6\r\n"),
        close_at_once,
    ],
    ids=["http-garbage", "ssh-banner", "immediate-close"],
)
def test_probe_rdp_wrong_protocol(responder_for: list[Responder], play: Play) -> None:
    server = _start(responder_for, Responder(play))
    result = probe(Target("rdp", "127.0.0.1", server.port), FAST)
    assert (result.outcome, result.layer) == ("warning", "wrong_protocol")


def test_probe_rdp_tarpit_times_out_within_limit(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(tarpit))
    start = time.monotonic()
    result = probe(Target("rdp", "127.0.0.1", server.port), FAST)
    assert (result.outcome, result.layer) == ("warning", "timeout")
    assert time.monotonic() - start < FAST.total + 1.0


def test_probe_refused_port() -> None:
    result = probe(Target("rdp", "127.0.0.1", refused_port()), FAST)
    assert (result.outcome, result.layer) == ("failed", "tcp_refused")
    assert [a.state for a in result.addresses] == ["refused"]


def test_probe_unresolvable_name_is_dns_failure() -> None:
    result = probe(Target("ssh", "no-such-host.invalid", 22), FAST)
    assert (result.outcome, result.layer) == ("failed", "dns")
    assert result.addresses == ()


def test_probe_ssh_banner_after_preamble(responder_for: list[Responder]) -> None:
    server = _start(
        responder_for, Responder(ssh_banner(preamble=b"Welcome\r\nauthorised only\r\n"))
    )
    result = probe(Target("ssh", "127.0.0.1", server.port), FAST)
    assert result.outcome == "ok"
    assert result.info["ssh_version"] == "SSH-2.0-OpenSSH_9.6 FakeResponder"


def test_probe_ssh_protocol_1_is_flagged(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(ssh_banner(b"SSH-1.5-Old\r\n")))
    result = probe(Target("ssh", "127.0.0.1", server.port), FAST)
    assert (result.outcome, result.layer) == ("warning", "wrong_protocol")


def test_probe_ssh_silence_times_out(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(tarpit))
    result = probe(Target("ssh", "127.0.0.1", server.port), FAST)
    assert (result.outcome, result.layer) == ("warning", "timeout")


def test_probe_winrm_identify(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(wsman_play()))
    result = probe(Target("winrm", "127.0.0.1", server.port), FAST)
    assert result.outcome == "ok", result.detail
    assert result.info["product_vendor"] == "Microsoft Corporation"
    request = server.received[0]
    assert request.startswith(b"POST /wsman HTTP/1.1\r\n")
    assert b"WSMANIDENTIFY: unauthenticated" in request
    assert b"<wsmid:Identify/>" in request
    assert b"Authorization" not in request


def test_probe_winrm_https_captures_certificate(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(wsman_play()).use_tls())
    result = probe(Target("winrm-https", "127.0.0.1", server.port), FAST)
    assert result.outcome == "ok", result.detail
    assert result.info["cert_sha256"] == _colon(server.cert_der)


def test_probe_winrm_401_lists_schemes(responder_for: list[Responder]) -> None:
    extra = "WWW-Authenticate: Negotiate\r\nWWW-Authenticate: Kerberos\r\n"
    server = _start(responder_for, Responder(wsman_play("401 Unauthorized", b"", extra)))
    result = probe(Target("winrm", "127.0.0.1", server.port), FAST)
    assert result.outcome == "ok"
    assert result.info["auth_schemes"] == "Negotiate, Kerberos"


def test_probe_winrm_plain_http_is_not_wsman(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(wsman_play("404 Not Found", b"<html/>")))
    result = probe(Target("winrm", "127.0.0.1", server.port), FAST)
    assert (result.outcome, result.layer) == ("warning", "wrong_protocol")


def test_probe_ipv6_loopback(responder_for: list[Responder]) -> None:
    try:
        server = _start(responder_for, Responder(x224_play(x224_confirm(2, 0)), host="::1"))
    except OSError:
        pytest.skip("no IPv6 loopback")
    result = probe(Target("rdp", "::1", server.port), FAST)
    assert result.outcome == "ok"
    assert result.addresses[0].address == "::1"


def test_probe_many_bounded_by_timeout(responder_for: list[Responder]) -> None:
    pit = _start(responder_for, Responder(tarpit))
    good = _start(responder_for, Responder(ssh_banner()))
    targets = [Target("rdp", "127.0.0.1", pit.port)] * 50 + [
        Target("ssh", "127.0.0.1", good.port)
    ] * 50
    start = time.monotonic()
    results = probe_many(targets, timeout=1.0)
    elapsed = time.monotonic() - start
    assert elapsed < 1.0 + 1.0
    assert [r.outcome for r in results] == ["warning"] * 50 + ["ok"] * 50
    assert results[0].target == targets[0]


def test_probe_many_cancel_returns_early(responder_for: list[Responder]) -> None:
    pit = _start(responder_for, Responder(tarpit))
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    start = time.monotonic()
    results = probe_many(
        [Target("rdp", "127.0.0.1", pit.port)] * 5, timeout=5.0, cancel_event=cancel
    )
    assert time.monotonic() - start < 1.5
    assert all(r.outcome != "ok" for r in results)


def test_probe_never_sends_to_unlisted_ports() -> None:
    # Only the configured host:port is dialled: a refused port gives exactly one address tried.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = probe(Target("ssh", "127.0.0.1", port), FAST)
    assert len(result.addresses) == 1


def test_probe_ssh_banner_controls_are_neutralised(responder_for: list[Responder]) -> None:
    server = _start(responder_for, Responder(ssh_banner(b"SSH-2.0-x\x1b]0;pwned\x07y\r\n")))
    result = probe(Target("ssh", "127.0.0.1", server.port), FAST)
    assert result.outcome == "ok"
    assert result.info["ssh_version"] == "SSH-2.0-x?]0;pwned?y"
    assert "\x1b" not in result.detail


def test_probe_ssh_slow_drip_is_cut_at_the_read_limit(responder_for: list[Responder]) -> None:
    def drip(conn: socket.socket, responder: Responder) -> None:
        for _ in range(100):
            conn.sendall(b"x")
            time.sleep(0.05)

    server = _start(responder_for, Responder(drip))
    start = time.monotonic()
    result = probe(Target("ssh", "127.0.0.1", server.port), FAST)
    assert (result.outcome, result.layer) == ("warning", "timeout")
    assert time.monotonic() - start < FAST.read + 0.5
