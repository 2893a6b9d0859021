"""A fake WS-Man (WinRM) server speaking the real protocol on 127.0.0.1 (remote.md §10.4).

Real HTTP/1.1 with keep-alive (`ThreadingHTTPServer`), real authentication and real message
encryption, so pywinrm runs unmodified against it:

- **Basic** (`auth="basic"`): `Authorization: Basic` checked against `users`; wrong → 401.
- **NTLM** (`auth="ntlm"`): one `spnego.server(protocol="ntlm")` per connection, users from an
  `NTLM_USER_FILE` the fake writes (and points the variable at while it runs). 401
  `Negotiate <token>` until the context completes; the empty priming POST then gets 200. Over
  plain HTTP every later body must be `multipart/encrypted` (4-byte LE signature length,
  signature, sealed data) and replies use the same framing; a plaintext body gets **400**, like
  `AllowUnencrypted=false`. Over HTTPS the channel binding (`tls-server-end-point`) is checked.
- **HTTPS** (`tls=True`): a fresh self-signed certificate for `localhost` and `127.0.0.1`
  (or `cert_hosts`).

`POST /wsman` dispatches on `a:Action` (Create, Command, Receive, Signal, Delete) and an
unauthenticated Identify (`WSMANIDENTIFY: unauthenticated`). Commands answer from canned
results keyed by command line, or by the PowerShell script decoded from `-EncodedCommand`
(the `HD_SCRIPT` loader is resolved from the shell's environment). Output is encoded as the
real host would: UTF-8 when the script sets `[Console]::OutputEncoding` or the shell asked for
code page 65001, else code page 437. Everything received is recorded for assertions.

The SOAP replies and the encryption framing are built in `tests.fakes.wsman_protocol`.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import socket
import ssl
import tempfile
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Final, Literal

import spnego
from cryptography.hazmat.primitives.serialization import Encoding
from spnego.channel_bindings import GssChannelBindings
from spnego.exceptions import SpnegoError

from tests.certs import PrivateKey, self_signed, write_pem
from tests.fakes.wsman_protocol import (
    ACTION_COMMAND,
    ACTION_CREATE,
    ACTION_DELETE,
    ACTION_RECEIVE,
    ACTION_SIGNAL,
    ENCRYPTED_CONTENT_TYPE,
    FAULT_NO_SHELL,
    FAULT_TIMEOUT,
    FAULT_UNKNOWN_ACTION,
    NS,
    PRODUCT_VERSION,
    SIGNAL_TERMINATE,
    SOAP_CONTENT_TYPE,
    STATE_DONE,
    STATE_RUNNING,
    command_response,
    create_response,
    delete_response,
    fault,
    identify_response,
    operation_seconds,
    receive_response,
    signal_response,
    timeout_fault,
    unwrap,
    wrap,
)

__all__ = [
    "ACTION_COMMAND",
    "ACTION_CREATE",
    "ACTION_DELETE",
    "ACTION_RECEIVE",
    "ACTION_SIGNAL",
    "CHUNK",
    "ENV_LOADER",
    "FAULT_NO_SHELL",
    "FAULT_TIMEOUT",
    "NS",
    "PRODUCT_VERSION",
    "SIGNAL_TERMINATE",
    "STATE_DONE",
    "STATE_RUNNING",
    "UTF8_PREFIX",
    "Auth",
    "Canned",
    "FakeWSMan",
    "Received",
    "decode_encoded_command",
    "make_certificate",
]

UTF8_PREFIX: Final = "[Console]::OutputEncoding=[Text.Encoding]::UTF8;"
ENV_LOADER: Final = ". ([ScriptBlock]::Create($Env:HD_SCRIPT))"
#: Raw output bytes per Receive reply, so long output spans several replies as on Windows.
CHUNK: Final = 48 * 1024

Auth = Literal["basic", "ntlm"]


@dataclass
class Canned:
    """What a command prints; `block` keeps it running until a Signal (or the operation timeout,
    which answers with the WS-Man timeout fault so the client polls again)."""

    stdout: str | bytes = ""
    stderr: str | bytes = b""
    exit_code: int = 0
    block: bool = False
    #: Called (on the server thread) when the command arrives, before the reply is sent.
    on_start: Callable[[], None] | None = None


@dataclass
class Received:
    """One Command the fake received."""

    shell_id: str
    command: str
    arguments: str
    #: The PowerShell script decoded from `-EncodedCommand`, if any (before loader resolution).
    encoded_script: str | None
    #: The script that ran: `encoded_script` with `HD_SCRIPT` resolved and the UTF-8 prefix off.
    script: str | None
    shell_env: dict[str, str]
    #: The shell's WINRS_CODEPAGE.
    codepage: int

    @property
    def command_line(self) -> str:
        return f"{self.command} {self.arguments}".strip()


@dataclass
class _Command:
    canned: Canned
    stdout: bytes
    stderr: bytes
    signalled: threading.Event = field(default_factory=threading.Event)
    started: float = field(default_factory=time.monotonic)


@dataclass
class _Shell:
    codepage: int
    env: dict[str, str]
    commands: dict[str, _Command] = field(default_factory=dict)


def make_certificate(
    hosts: tuple[str, ...] = ("localhost", "127.0.0.1"),
) -> tuple[bytes, bytes, PrivateKey]:
    """A self-signed server certificate for `hosts` (names and IPs, the first is the CN):
    (PEM, DER, key)."""
    key, cert = self_signed(hosts[0], hosts=hosts)
    return cert.public_bytes(Encoding.PEM), cert.public_bytes(Encoding.DER), key


def decode_encoded_command(arguments: str) -> str | None:
    """The script after `-EncodedCommand` (or its `-enc`/`-e`/`-ec` abbreviations), if any."""
    words = arguments.split()
    for index, word in enumerate(words[:-1]):
        if word.lower() in ("-encodedcommand", "-enc", "-e", "-ec"):
            return base64.b64decode(words[index + 1], validate=True).decode("utf-16-le")
    return None


class FakeWSMan:
    """The server; use as a context manager. `url` is `http(s)://127.0.0.1:<port>/wsman`."""

    def __init__(
        self,
        auth: Auth = "ntlm",
        *,
        tls: bool = False,
        users: dict[str, str] | None = None,
        max_operation_wait: float = 2.0,
        max_block: float = 10.0,
        cert_hosts: tuple[str, ...] = ("localhost", "127.0.0.1"),
    ) -> None:
        #: `DOMAIN\\user` (or `user`) → password.
        self.users = users if users is not None else {"CONTOSO\\alice": "S3cret-pw"}
        self.auth: Auth = auth
        self.tls = tls
        self.cert_hosts = cert_hosts
        #: A blocked Receive waits at most this long (less than the client's OperationTimeout
        #: in tests), then answers with the timeout fault.
        self.max_operation_wait = max_operation_wait
        #: A blocked command ends by itself after this long, so a client that never cancels
        #: fails its test instead of hanging it.
        self.max_block = max_block
        self.canned_lines: dict[str, Canned] = {}
        self.canned_scripts: dict[str, Canned] = {}
        self.received: list[Received] = []
        self.signals: list[tuple[str, str, str]] = []
        self.actions: list[str] = []
        self.deleted_shells: list[str] = []
        #: Request bodies that arrived unencrypted where encryption is required (each got 400).
        self.plaintext_rejected = 0
        self.requests = 0
        self.connections = 0
        self.auth_failures = 0
        self.identify_requests = 0
        self.shells: dict[str, _Shell] = {}
        self.lock = threading.Lock()
        self.cert_pem = b""
        self.cert_der = b""
        self._tmp = tempfile.TemporaryDirectory(prefix="fake-wsman-")
        self._ssl: ssl.SSLContext | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._old_user_file: str | None = None
        self._sockets: set[socket.socket] = set()

    # --- setup -----------------------------------------------------------------------------

    def add_command(self, command_line: str, canned: Canned | None = None, **kw: Any) -> None:
        """Answer the command line (`command args`, single spaces) with `canned`."""
        self.canned_lines[command_line] = canned or Canned(**kw)

    def add_script(self, script: str, canned: Canned | None = None, **kw: Any) -> None:
        """Answer a PowerShell script (as given to `run_ps`, without the UTF-8 prefix)."""
        self.canned_scripts[script] = canned or Canned(**kw)

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}/wsman"

    @property
    def user_file(self) -> Path:
        return Path(self._tmp.name, "ntlm_users")

    def start(self) -> FakeWSMan:
        lines = []
        for account, password in self.users.items():
            domain, _, user = account.rpartition("\\")
            lines.append(f"{domain}:{user}:{password}")
        self.user_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        # spnego's NTLM acceptor reads the user store from this variable only.
        self._old_user_file = os.environ.get("NTLM_USER_FILE")
        os.environ["NTLM_USER_FILE"] = str(self.user_file)
        if self.tls:
            key, cert = self_signed(self.cert_hosts[0], hosts=self.cert_hosts)
            self.cert_pem = cert.public_bytes(Encoding.PEM)
            self.cert_der = cert.public_bytes(Encoding.DER)
            self._ssl = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._ssl.load_cert_chain(*write_pem(Path(self._tmp.name), key, cert))
        self._server = _Server(("127.0.0.1", 0), _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        with self.lock:
            for shell in self.shells.values():
                for command in shell.commands.values():
                    command.signalled.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        with self.lock:
            for sock in list(self._sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
        if self._thread is not None:
            self._thread.join(2)
        if self._old_user_file is None:
            os.environ.pop("NTLM_USER_FILE", None)
        else:
            os.environ["NTLM_USER_FILE"] = self._old_user_file
        self._tmp.cleanup()

    def __enter__(self) -> FakeWSMan:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- WS-Man ----------------------------------------------------------------------------

    def dispatch(self, body: bytes) -> tuple[int, bytes]:
        """Answer one decrypted SOAP request: (HTTP status, SOAP reply)."""
        root = ET.fromstring(body)
        header = root.find("s:Header", NS)
        soap_body = root.find("s:Body", NS)
        if header is None or soap_body is None:
            return 400, b""
        action = header.findtext("a:Action", "", NS).strip()
        message_id = header.findtext("a:MessageID", "", NS).strip()
        shell_id = ""
        for selector in header.iterfind("w:SelectorSet/w:Selector", NS):
            if selector.get("Name") == "ShellId":
                shell_id = (selector.text or "").strip()
        timeout = operation_seconds(header.findtext("w:OperationTimeout", "PT60S", NS))
        with self.lock:
            self.actions.append(action.rsplit("/", 1)[-1])
        if action == ACTION_CREATE:
            return 200, self._create(header, soap_body, message_id)
        with self.lock:
            shell = self.shells.get(shell_id)
        if shell is None:
            return 500, fault(message_id, FAULT_NO_SHELL, "w:InvalidSelectors", "Shell not found.")
        if action == ACTION_DELETE:
            with self.lock:
                self.shells.pop(shell_id, None)
                self.deleted_shells.append(shell_id)
            return 200, delete_response(message_id)
        if action == ACTION_COMMAND:
            return 200, self._command(shell_id, shell, header, soap_body, message_id)
        if action == ACTION_RECEIVE:
            return self._receive(shell, soap_body, message_id, timeout)
        if action == ACTION_SIGNAL:
            signal = soap_body.find("rsp:Signal", NS)
            command_id = signal.get("CommandId", "") if signal is not None else ""
            code = signal.findtext("rsp:Code", "", NS).strip() if signal is not None else ""
            with self.lock:
                self.signals.append((shell_id, command_id, code))
                command = shell.commands.get(command_id)
            if command is not None:
                command.signalled.set()
            return 200, signal_response(message_id)
        return 500, fault(
            message_id, FAULT_UNKNOWN_ACTION, "w:ActionNotSupported", "Unknown action."
        )

    def _create(self, header: ET.Element, body: ET.Element, message_id: str) -> bytes:
        codepage = 437
        for option in header.iterfind("w:OptionSet/w:Option", NS):
            if option.get("Name") == "WINRS_CODEPAGE":
                codepage = int(option.text or "437")
        env = {
            var.get("Name", ""): var.text or ""
            for var in body.iterfind("rsp:Shell/rsp:Environment/rsp:Variable", NS)
        }
        shell_id = str(uuid.uuid4()).upper()
        with self.lock:
            self.shells[shell_id] = _Shell(codepage, env)
        return create_response(message_id, shell_id)

    def _command(
        self, shell_id: str, shell: _Shell, header: ET.Element, body: ET.Element, message_id: str
    ) -> bytes:
        command = body.findtext("rsp:CommandLine/rsp:Command", "", NS).strip()
        arguments = body.findtext("rsp:CommandLine/rsp:Arguments", "", NS).strip()
        encoded = decode_encoded_command(arguments) if command.lower() == "powershell" else None
        script = encoded
        utf8 = shell.codepage == 65001
        if script is not None:
            utf8 = script.startswith(UTF8_PREFIX)
            script = script.removeprefix(UTF8_PREFIX)
            if script == ENV_LOADER:
                script = shell.env.get("HD_SCRIPT", "").removeprefix(UTF8_PREFIX)
        record = Received(
            shell_id, command, arguments, encoded, script, dict(shell.env), shell.codepage
        )
        if script is not None and script in self.canned_scripts:
            canned = self.canned_scripts[script]
        else:
            canned = self.canned_lines.get(
                record.command_line,
                Canned(
                    stderr=f"'{command}' is not recognized as an internal or external command.",
                    exit_code=1,
                ),
            )
        if canned.on_start is not None:
            canned.on_start()
        codec = "utf-8" if utf8 else "cp437"
        command_id = str(uuid.uuid4()).upper()
        with self.lock:
            self.received.append(record)
            shell.commands[command_id] = _Command(
                canned, _encode(canned.stdout, codec), _encode(canned.stderr, codec)
            )
        return command_response(message_id, command_id)

    def _receive(
        self, shell: _Shell, body: ET.Element, message_id: str, timeout: float
    ) -> tuple[int, bytes]:
        stream = body.find("rsp:Receive/rsp:DesiredStream", NS)
        command_id = stream.get("CommandId", "") if stream is not None else ""
        with self.lock:
            command = shell.commands.get(command_id)
        if command is None:
            return 500, fault(message_id, FAULT_NO_SHELL, "w:InvalidSelectors", "No such command.")
        out, command.stdout = command.stdout[:CHUNK], command.stdout[CHUNK:]
        err, command.stderr = command.stderr[:CHUNK], command.stderr[CHUNK:]
        pending = bool(command.stdout or command.stderr)
        if time.monotonic() - command.started > self.max_block:
            command.signalled.set()
        idle = not out and not err and command.canned.block and not command.signalled.is_set()
        if idle and not command.signalled.wait(min(timeout, self.max_operation_wait)):
            return 500, timeout_fault(message_id)
        running = pending or (command.canned.block and not command.signalled.is_set())
        exit_code = None if running else command.canned.exit_code
        return 200, receive_response(message_id, command_id, out, err, exit_code)

    def identify(self) -> bytes:
        with self.lock:
            self.identify_requests += 1
        return identify_response()


def _encode(value: str | bytes, codec: str) -> bytes:
    return value if isinstance(value, bytes) else value.encode(codec, errors="replace")


# --- HTTP ----------------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, fake: FakeWSMan) -> None:
        self.fake = fake
        super().__init__(address, handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        # TLS handshakes run here, on the connection's thread, so a client that rejects the
        # certificate fails its own handshake without stalling the accept loop.
        fake = self.fake
        with fake.lock:
            fake.connections += 1
            fake._sockets.add(request)
        try:
            if fake._ssl is not None:
                request.settimeout(5)
                try:
                    request = fake._ssl.wrap_socket(request, server_side=True)
                except (ssl.SSLError, OSError):
                    return
                request.settimeout(None)
                with fake.lock:
                    fake._sockets.add(request)
            super().finish_request(request, client_address)
        finally:
            with fake.lock:
                fake._sockets.discard(request)
            if isinstance(request, ssl.SSLSocket):
                # The raw socket was detached by wrap_socket, so closing it closes nothing.
                request.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client closing mid-request is normal here; tests assert on what was recorded.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.ntlm: spnego.ContextProxy | None = None
        self.authenticated = False

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with fake.lock:
            fake.requests += 1
        if self.path.split("?")[0].lower() != "/wsman":
            self._reply(404, b"")
            return
        if self.headers.get("WSMANIDENTIFY", "").lower() == "unauthenticated":
            self._reply(200, fake.identify(), SOAP_CONTENT_TYPE)
            return
        if not self._authenticate():
            return
        if fake.auth == "ntlm" and not fake.tls:
            if not body:
                # pywinrm's empty priming POST: authentication alone, then encryption.
                self._reply(200, b"")
                return
            content_type = self.headers.get("Content-Type", "")
            if not content_type.startswith("multipart/encrypted"):
                with fake.lock:
                    fake.plaintext_rejected += 1
                self._reply(400, b"")
                return
            assert self.ntlm is not None
            body = unwrap(self.ntlm, body)
        status, reply = fake.dispatch(body)
        if fake.auth == "ntlm" and not fake.tls:
            assert self.ntlm is not None
            self._reply(status, wrap(self.ntlm, reply), ENCRYPTED_CONTENT_TYPE)
        else:
            self._reply(status, reply, SOAP_CONTENT_TYPE)

    def _authenticate(self) -> bool:
        fake = self.server.fake
        header = self.headers.get("Authorization", "")
        if fake.auth == "basic":
            scheme, _, value = header.partition(" ")
            if scheme.lower() == "basic":
                try:
                    account, _, password = (
                        base64.b64decode(value.strip(), validate=True).decode().partition(":")
                    )
                except ValueError:
                    account, password = "", ""
                if account and fake.users.get(account) == password:
                    return True
            with fake.lock:
                fake.auth_failures += 1
            self._reply(401, b"", extra={"WWW-Authenticate": 'Basic realm="WSMAN"'})
            return False
        if self.authenticated:
            return True
        scheme, _, value = header.partition(" ")
        if scheme.lower() not in ("negotiate", "ntlm") or not value:
            self._reply(401, b"", extra={"WWW-Authenticate": "Negotiate"})
            return False
        if self.ntlm is None:
            self.ntlm = spnego.server(protocol="ntlm")
        try:
            token = self.ntlm.step(base64.b64decode(value), channel_bindings=self._bindings())
        except (SpnegoError, ValueError):
            self.ntlm = None
            with fake.lock:
                fake.auth_failures += 1
            self._reply(401, b"", extra={"WWW-Authenticate": "Negotiate"})
            return False
        if not self.ntlm.complete:
            challenge = f"{scheme} {base64.b64encode(token or b'').decode()}"
            self._reply(401, b"", extra={"WWW-Authenticate": challenge})
            return False
        self.authenticated = True
        return True

    def _bindings(self) -> GssChannelBindings | None:
        if not isinstance(self.connection, ssl.SSLSocket):
            return None
        # RFC 5929 tls-server-end-point: the hash of our own certificate (SHA-256 here).
        digest = hashlib.sha256(self.server.fake.cert_der).digest()
        return GssChannelBindings(application_data=b"tls-server-end-point:" + digest)

    def _reply(
        self,
        status: int,
        body: bytes,
        content_type: str = "",
        extra: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Server", "Microsoft-HTTPAPI/2.0")
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
