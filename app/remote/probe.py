"""Connectivity probes (remote.md §8): resolve, TCP-connect each address, then a protocol hello.

Blocking sockets on worker threads: every step gets the smaller of its own limit and what is left
of the probe's total, so one probe never outlives `total`. `probe_many` runs probes concurrently
and returns within the total plus about a second, whatever the hosts do (pitfall 9: no hangs).
Probes send only fixed bytes: no credentials and no `Cookie: mstshash=` (it would leak the user).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass, field
from typing import Final, Literal

from cryptography import x509

from app.remote.target import Target

Outcome = Literal["ok", "warning", "failed"]
Layer = Literal[
    "dns", "tcp_refused", "tcp_unreachable", "timeout", "wrong_protocol", "tls", "cancelled"
]

#: TPKT v3 len 19, X.224 Connection Request, RDP_NEG_REQ asking for SSL|HYBRID (remote.md §8).
X224_REQUEST: Final = bytes.fromhex("030000130ee000000000000100080003000000")
_RDP_PROTOCOLS: Final = {
    0: "RDP",
    1: "TLS",
    2: "CredSSP (NLA)",
    4: "RDSTLS",
    8: "CredSSP-EX",
    0x10: "RDSAAD",
}
_RDP_FAILURES: Final = {
    1: "SSL required",
    2: "SSL not allowed",
    3: "no certificate",
    4: "inconsistent flags",
    5: "CredSSP required",
    6: "SSL + user auth required",
}
_MAX_ADDRESSES: Final = 4
_SSH_LINE_MAX: Final = 255
_SSH_TOTAL_MAX: Final = 8192
#: Enough for any IdentifyResponse; more is not WS-Man and is not read.
_HTTP_MAX: Final = 65536
IDENTIFY_BODY: Final = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    b'xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd">'
    b"<s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>"
)


@dataclass(frozen=True)
class Timeouts:
    """Per-step limits in seconds (remote.md §8); tests shrink them."""

    dns: float = 5.0
    connect: float = 3.0
    read: float = 5.0
    total: float = 10.0


@dataclass(frozen=True)
class AddressResult:
    address: str
    #: "open", "refused", "timeout", "unreachable" or "not tried" (deadline spent).
    state: str
    latency_ms: float | None


@dataclass(frozen=True)
class ProbeResult:
    """What one probe found. `layer` is None when nothing failed; `info` holds hello facts
    (`rdp_protocol`, `cert_sha256`, `ssh_version`, `product_vendor`, ...)."""

    target: Target
    outcome: Outcome
    layer: Layer | None
    latency_ms: float
    detail: str
    addresses: tuple[AddressResult, ...] = ()
    info: dict[str, str] = field(default_factory=dict)


class _HelloError(Exception):
    def __init__(self, layer: Layer, detail: str) -> None:
        super().__init__(detail)
        self.layer = layer
        self.detail = detail


class _Deadline:
    def __init__(self, total: float) -> None:
        self.end = time.monotonic() + total

    def left(self, step: float) -> float:
        return max(0.0, min(step, self.end - time.monotonic()))


def _ms(start: float) -> float:
    return round((time.monotonic() - start) * 1000.0, 1)


def _resolve(host: str, port: int, limit: float) -> list[tuple[int, tuple[str, int]]]:
    """getaddrinfo on a daemon thread: it has no timeout of its own, so a watchdog bounds it."""
    box: list[object] = []

    def run() -> None:
        try:
            box.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            box.append(exc)

    worker = threading.Thread(target=run, name="probe-dns", daemon=True)
    worker.start()
    worker.join(limit)
    if not box:
        raise TimeoutError("dns")
    found = box[0]
    if isinstance(found, OSError):
        raise found
    assert isinstance(found, list)
    seen: list[tuple[int, tuple[str, int]]] = []
    for family, _type, _proto, _name, sockaddr in found:
        entry = (family, (str(sockaddr[0]), int(sockaddr[1])))
        if entry not in seen:
            seen.append(entry)
    return seen[:_MAX_ADDRESSES]


def _printable(raw: bytes) -> str:
    # Remote text is untrusted (pitfall 8): no escape sequences or controls reach the UI or logs.
    return "".join(c if c.isprintable() else "?" for c in raw.decode("utf-8", "replace"))


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise _HelloError("wrong_protocol", "connection closed during hello")
        data += chunk
    return data


def _colon_sha256(der: bytes) -> str:
    return ":".join(f"{b:02x}" for b in hashlib.sha256(der).digest())


def _unverified_context() -> ssl.SSLContext:
    # Probes only read the certificate to show or compare with the pin (remote.md §5); trust
    # is decided by the pin, never by this handshake.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _tls_certificate(sock: socket.socket, host: str, info: dict[str, str]) -> ssl.SSLSocket:
    try:
        tls = _unverified_context().wrap_socket(sock, server_hostname=host)
    except TimeoutError:
        raise
    except (ssl.SSLError, OSError) as exc:
        raise _HelloError("tls", f"TLS handshake failed: {type(exc).__name__}") from None
    der = tls.getpeercert(binary_form=True)
    if der:
        info["cert_sha256"] = _colon_sha256(der)
        info.update(_certificate_facts(der))
    return tls


def _certificate_facts(der: bytes) -> dict[str, str]:
    """Subject, issuer and validity for the pin dialog; nothing when the DER does not parse."""
    try:
        cert = x509.load_der_x509_certificate(der)
        return {
            "cert_subject": cert.subject.rfc4514_string()[:300],
            "cert_issuer": cert.issuer.rfc4514_string()[:300],
            "cert_not_before": cert.not_valid_before_utc.isoformat(),
            "cert_not_after": cert.not_valid_after_utc.isoformat(),
        }
    except ValueError:
        return {}


def hello_rdp(sock: socket.socket, target: Target, info: dict[str, str]) -> str:
    sock.sendall(X224_REQUEST)
    header = _recv_exact(sock, 4)
    length = int.from_bytes(header[2:4], "big")
    if header[0] != 3 or not 11 <= length <= 64:
        raise _HelloError("wrong_protocol", "not RDP")
    packet = header + _recv_exact(sock, length - 4)
    if packet[5] & 0xF0 != 0xD0:
        raise _HelloError("wrong_protocol", "not RDP (no Connection Confirm)")
    if length == 11:
        info["rdp_protocol"] = "RDP (legacy)"
        return "RDP, legacy security"
    if length < 19:
        raise _HelloError("wrong_protocol", "not RDP (short negotiation)")
    kind = packet[11]
    value = int.from_bytes(packet[15:19], "little")
    if kind == 0x02:
        name = _RDP_PROTOCOLS.get(value, f"unknown protocol {value:#x}")
        info["rdp_protocol"] = name
        if value in (1, 2, 8):
            _tls_certificate(sock, target.host, info).close()
        return f"RDP, {name}"
    if kind == 0x03:
        reason = _RDP_FAILURES.get(value, f"failure code {value}")
        info["rdp_failure"] = reason
        raise _HelloError("wrong_protocol", f"RDP negotiation failure: {reason}")
    raise _HelloError("wrong_protocol", "not RDP")


def hello_ssh(sock: socket.socket, target: Target, info: dict[str, str]) -> str:
    # RFC 4253 §4.2: servers may send other lines before the identification line.
    buffer = b""
    while len(buffer) <= _SSH_TOTAL_MAX:
        chunk = sock.recv(1024)
        if not chunk:
            raise _HelloError("wrong_protocol", "closed before an SSH identification line")
        buffer += chunk
        *lines, rest = buffer.split(b"\n")
        for line in lines:
            if line.startswith(b"SSH-"):
                version = _printable(line.rstrip(b"\r")[:_SSH_LINE_MAX])
                info["ssh_version"] = version
                if version.startswith("SSH-1.") and not version.startswith("SSH-1.99-"):
                    raise _HelloError("wrong_protocol", f"SSH protocol 1 only: {version}")
                return version
        if len(rest) > _SSH_LINE_MAX:
            raise _HelloError("wrong_protocol", "not SSH (line too long)")
    raise _HelloError("wrong_protocol", "not SSH")


def _http_exchange(sock: socket.socket, host: str, port: int) -> tuple[int, list[str], bytes]:
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    request = (
        f"POST /wsman HTTP/1.1\r\nHost: {authority}\r\n"
        "Content-Type: application/soap+xml;charset=UTF-8\r\n"
        "WSMANIDENTIFY: unauthenticated\r\n"
        f"Content-Length: {len(IDENTIFY_BODY)}\r\nConnection: close\r\n\r\n"
    ).encode("ascii") + IDENTIFY_BODY
    sock.sendall(request)
    data = b""
    while len(data) < _HTTP_MAX:
        chunk = sock.recv(8192)
        if not chunk:
            break
        data += chunk
        head, sep, body = data.partition(b"\r\n\r\n")
        if sep:
            match = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            if match and len(body) >= int(match.group(1)):
                break
    head, _sep, body = data.partition(b"\r\n\r\n")
    lines = [_printable(line) for line in head.split(b"\r\n")]
    status = re.fullmatch(r"HTTP/1\.[01] (\d{3})(?: .*)?", lines[0])
    if status is None:
        raise _HelloError("wrong_protocol", "not HTTP")
    return int(status.group(1)), lines[1:], body


def _xml_text(body: bytes, tag: str) -> str | None:
    # A regex, not an XML parser: the reply is untrusted and only two leaf values are wanted.
    match = re.search(rb"<(?:\w+:)?" + tag.encode() + rb">([^<]{0,200})<", body)
    return _printable(match.group(1)).strip() if match else None


def hello_winrm(sock: socket.socket, target: Target, info: dict[str, str]) -> str:
    if target.protocol == "winrm-https":
        with _tls_certificate(sock, target.host, info) as tls:
            status, headers, body = _http_exchange(tls, target.host, target.port)
    else:
        status, headers, body = _http_exchange(sock, target.host, target.port)
    if status == 200 and b"IdentifyResponse" in body:
        vendor = _xml_text(body, "ProductVendor") or "?"
        version = _xml_text(body, "ProductVersion") or "?"
        info["product_vendor"] = vendor
        info["product_version"] = version
        return f"WS-Man, {vendor} {version}"
    if status == 401:
        schemes = [
            h.split(":", 1)[1].strip().split(" ")[0]
            for h in headers
            if h.lower().startswith("www-authenticate:")
        ]
        info["auth_schemes"] = ", ".join(schemes)
        return f"WS-Man listener, authentication: {', '.join(schemes) or 'none offered'}"
    raise _HelloError("wrong_protocol", f"HTTP {status}, not WS-Man")


Hello = Callable[[socket.socket, Target, dict[str, str]], str]
HELLOS: Final[dict[str, Hello]] = {
    "rdp": hello_rdp,
    "ssh": hello_ssh,
    "winrm": hello_winrm,
    "winrm-https": hello_winrm,
}


def probe(
    target: Target, timeouts: Timeouts = Timeouts(), cancel: threading.Event | None = None
) -> ProbeResult:
    """Probe one target; never raises for network conditions, never exceeds `timeouts.total`
    by more than scheduling slack."""
    start = time.monotonic()
    deadline = _Deadline(timeouts.total)
    cancel = cancel or threading.Event()

    def result(
        outcome: Outcome,
        layer: Layer | None,
        detail: str,
        addresses: Sequence[AddressResult] = (),
        info: dict[str, str] | None = None,
    ) -> ProbeResult:
        return ProbeResult(target, outcome, layer, _ms(start), detail, tuple(addresses), info or {})

    if cancel.is_set():
        return result("failed", "cancelled", "cancelled")
    try:
        resolved = _resolve(target.host, target.port, deadline.left(timeouts.dns))
    except TimeoutError:
        return result("failed", "timeout", "DNS lookup timed out")
    except OSError as exc:
        return result("failed", "dns", f"name not resolved ({type(exc).__name__})")

    addresses: list[AddressResult] = []
    connected: socket.socket | None = None
    for family, sockaddr in resolved:
        if cancel.is_set():
            break
        limit = deadline.left(timeouts.connect)
        if limit <= 0:
            addresses.append(AddressResult(sockaddr[0], "not tried", None))
            continue
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.settimeout(limit)
        begin = time.monotonic()
        try:
            sock.connect(sockaddr)
        except TimeoutError:
            state = "timeout"
        except ConnectionRefusedError:
            state = "refused"
        except OSError:
            state = "unreachable"
        else:
            state = "open"
        addresses.append(AddressResult(sockaddr[0], state, _ms(begin)))
        if state == "open" and connected is None:
            # The hello runs on the first address that connects; the rest are only reported.
            connected = sock
        else:
            sock.close()
    if cancel.is_set():
        if connected is not None:
            connected.close()
        return result("failed", "cancelled", "cancelled", addresses)
    if connected is None:
        states = {a.state for a in addresses}
        layer: Layer = (
            "tcp_refused"
            if "refused" in states
            else "timeout"
            if "timeout" in states or "not tried" in states
            else "tcp_unreachable"
        )
        return result("failed", layer, f"TCP {layer.replace('_', ' ')}", addresses)

    info: dict[str, str] = {}
    read_limit = deadline.left(timeouts.read)
    connected.settimeout(read_limit or 0.001)
    # The socket timeout bounds each recv, not the hello: a server dripping one byte at a time
    # would outlive it, so a watchdog shuts the socket at the read limit (pitfall 9).
    expired = threading.Event()
    # TLS hellos wrap (and so detach) `connected`: the watchdog shuts the connection through a
    # duplicate of its descriptor, which works whichever object holds it by then.
    fd, family, kind = connected.fileno(), connected.family, connected.type

    def expire() -> None:
        expired.set()
        with contextlib.suppress(OSError):
            dup = socket.fromfd(fd, family, kind)
            try:
                dup.shutdown(socket.SHUT_RDWR)
            finally:
                dup.close()

    watchdog = threading.Timer(read_limit, expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        summary = HELLOS[target.protocol](connected, target, info)
    except (TimeoutError, _HelloError, OSError) as exc:
        if expired.is_set() or isinstance(exc, TimeoutError):
            return result(
                "warning", "timeout", "port open, no answer to the hello", addresses, info
            )
        if isinstance(exc, _HelloError):
            return result("warning", exc.layer, exc.detail, addresses, info)
        return result("warning", "wrong_protocol", type(exc).__name__, addresses, info)
    finally:
        watchdog.cancel()
        connected.close()
    open_address = next(a.address for a in addresses if a.state == "open")
    return result("ok", None, f"{summary} ({open_address})", addresses, info)


def probe_many(
    targets: Sequence[Target],
    timeout: float = 10.0,
    cancel_event: threading.Event | None = None,
    timeouts: Timeouts | None = None,
    on_result: Callable[[int, ProbeResult], None] | None = None,
) -> list[ProbeResult]:
    """Probe all targets concurrently, results in input order, within `timeout` + ~1 s.

    A probe still running at the deadline (or at a cancel) is reported as a timeout (or
    cancelled) and left to finish on its pool thread, which its own step limits bound.
    `on_result(index, result)` is called once per target on the calling thread, in finishing
    order, as soon as the waiting loop sees the probe done (progress for a bulk run); the
    overrun ones follow at the end. It must be quick and must not raise.
    """
    limits = timeouts or Timeouts(
        dns=min(5.0, timeout), connect=min(3.0, timeout), read=min(5.0, timeout), total=timeout
    )
    cancel = cancel_event or threading.Event()
    start = time.monotonic()
    pool = ThreadPoolExecutor(
        max_workers=max(1, min(len(targets), 128)), thread_name_prefix="probe"
    )
    futures: list[Future[ProbeResult]] = [pool.submit(probe, t, limits, cancel) for t in targets]
    index = {future: i for i, future in enumerate(futures)}
    results: list[ProbeResult | None] = [None] * len(futures)

    def settle(i: int) -> None:
        future = futures[i]
        if future.done() and not future.cancelled():
            found = future.result()
        else:
            layer: Layer = "cancelled" if cancel.is_set() else "timeout"
            found = ProbeResult(targets[i], "failed", layer, _ms(start), "probe overran")
        results[i] = found
        if on_result is not None:
            on_result(i, found)

    end = start + limits.total + 0.5
    pending: set[Future[ProbeResult]] = set(futures)
    try:
        # Short waits so a cancel returns at once instead of after the full deadline; the
        # first completion wakes the loop, so progress follows each probe as it ends.
        while pending and not cancel.is_set() and (left := end - time.monotonic()) > 0:
            done, pending = wait_futures(
                pending, timeout=min(0.1, left), return_when=FIRST_COMPLETED
            )
            for i in sorted(index[f] for f in done):
                settle(i)
        for i in sorted(index[f] for f in pending):
            settle(i)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return [r for r in results if r is not None]
