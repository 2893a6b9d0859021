"""Loopback servers that play one scripted answer per connection, for probe tests and benchmarks.

Each `Responder` listens on `127.0.0.1:0` (or `::1`), records what each client sent, and runs
`play(conn, received)` on a thread per connection. Nothing here touches a real network.
"""

from __future__ import annotations

import socket
import ssl
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Final

from cryptography.hazmat.primitives.serialization import Encoding

from tests.certs import self_signed, write_pem

Play = Callable[[socket.socket, "Responder"], None]

SSH_BANNER: Final = b"SSH-2.0-OpenSSH_9.6 FakeResponder\r\n"
IDENTIFY_RESPONSE: Final = (
    b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    b'xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd">'
    b"<s:Header/><s:Body><wsmid:IdentifyResponse>"
    b"<wsmid:ProtocolVersion>http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd</wsmid:ProtocolVersion>"
    b"<wsmid:ProductVendor>Microsoft Corporation</wsmid:ProductVendor>"
    b"<wsmid:ProductVersion>OS: 0.0.0 SP: 0.0 Stack: 3.0</wsmid:ProductVersion>"
    b"</wsmid:IdentifyResponse></s:Body></s:Envelope>"
)


class Responder:
    """A TCP listener that answers every connection with `play`; use as a context manager."""

    def __init__(self, play: Play, host: str = "127.0.0.1") -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.listener = socket.socket(family, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((host, 0))
        self.listener.listen(256)
        self.host = host
        self.port: int = self.listener.getsockname()[1]
        self.play = play
        #: Bytes each connection sent before `play` stopped reading (in arrival order).
        self.received: list[bytes] = []
        self.tls_context: ssl.SSLContext | None = None
        self.cert_der: bytes = b""
        self._stop = threading.Event()
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> Responder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.listener.close()
        with self._lock:
            for conn in self._conns:
                conn.close()
        self._thread.join(2)

    def _serve(self) -> None:
        # Closing a listener does not wake a blocked accept() on Linux: poll instead.
        self.listener.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _addr = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                if self._stop.is_set():
                    # Accepted while stopping (a cancelled probe's late connect): the close
                    # loop in `__exit__` has run or will not see it, so close it here.
                    conn.close()
                    return
                self._conns.append(conn)
            threading.Thread(target=self._run, args=(conn,), daemon=True).start()

    def _run(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            self.play(conn, self)
        except OSError:
            pass

    def read(self, conn: socket.socket, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = conn.recv(size - len(data))
            if not chunk:
                break
            data += chunk
        with self._lock:
            self.received.append(data)
        return data

    def hold(self, conn: socket.socket) -> None:
        """Keep the connection open and silent until the responder stops (a tarpit)."""
        self._stop.wait(30)

    def use_tls(self) -> Responder:
        """Give this responder a fresh self-signed `localhost` certificate."""
        self.tls_context, self.cert_der = _self_signed_context()
        return self


def _self_signed_context() -> tuple[ssl.SSLContext, bytes]:
    key, cert = self_signed("localhost")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as tmp:
        context.load_cert_chain(*write_pem(Path(tmp), key, cert))
    return context, cert.public_bytes(Encoding.DER)


# --- X.224 plays ---------------------------------------------------------------------------------


def x224_confirm(kind: int, value: int) -> bytes:
    """A TPKT + X.224 Connection Confirm carrying an RDP_NEG_RSP (2) or RDP_NEG_FAILURE (3)."""
    return (
        bytes.fromhex("03000013")
        + bytes.fromhex("0ed000001234")
        + b"\x00"
        # byte 11: type, flags, LE u16 length 8, LE u32 value
        + bytes([kind, 0])
        + (8).to_bytes(2, "little")
        + value.to_bytes(4, "little")
    )


def x224_play(reply: bytes, *, tls: bool = False) -> Play:
    def play(conn: socket.socket, responder: Responder) -> None:
        responder.read(conn, 19)
        conn.sendall(reply)
        if tls and responder.tls_context is not None:
            with responder.tls_context.wrap_socket(conn, server_side=True) as wrapped:
                # The probe closes after reading the certificate.
                wrapped.recv(1)

    return play


LEGACY_CONFIRM: Final = bytes.fromhex("0300000b06d00000123400")


def send_then_close(reply: bytes) -> Play:
    def play(conn: socket.socket, responder: Responder) -> None:
        conn.sendall(reply)
        conn.close()

    return play


def close_at_once(conn: socket.socket, responder: Responder) -> None:
    conn.close()


def tarpit(conn: socket.socket, responder: Responder) -> None:
    responder.hold(conn)


def ssh_banner(banner: bytes = SSH_BANNER, preamble: bytes = b"") -> Play:
    def play(conn: socket.socket, responder: Responder) -> None:
        conn.sendall(preamble + banner)
        responder.hold(conn)

    return play


# --- WS-Man Identify -----------------------------------------------------------------------------


def wsman_play(status: str = "200 OK", body: bytes = IDENTIFY_RESPONSE, extra: str = "") -> Play:
    """Read one HTTP request (headers + Content-Length body), answer with `status` and `body`."""

    def play(conn: socket.socket, responder: Responder) -> None:
        if responder.tls_context is not None:
            conn = responder.tls_context.wrap_socket(conn, server_side=True)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        head, _sep, rest = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _colon, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(rest) < length:
            rest += conn.recv(4096)
        with responder._lock:
            responder.received.append(head + b"\r\n\r\n" + rest)
        conn.sendall(
            f"HTTP/1.1 {status}\r\nContent-Type: application/soap+xml;charset=UTF-8\r\n{extra}"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )
        conn.close()

    return play


def refused_port() -> int:
    """A loopback port with nothing listening: bound and closed, so connects are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port
