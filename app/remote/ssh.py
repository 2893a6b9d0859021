"""Embedded SSH with paramiko (remote.md §4.1, §5).

Host keys are settled before any authentication: `SSHSession.open` trusts only the app's own
known_hosts plus `Target.ssh_host_key`, refuses unknown hosts (`HostKeyUnknown`, so the caller
can run `fetch_host_key` and ask the user) and refuses changed ones (`HostKeyMismatch`), with no
way to "connect anyway". Credentials stay in memory: private keys are parsed from text, never
written to disk, and no error message or repr carries a secret.

Everything here blocks; callers run it on a worker thread.
"""

from __future__ import annotations

import base64
import io
import select
import socket
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple, NoReturn, Protocol

import paramiko
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from app.remote.known_hosts import KnownHosts, fingerprint_sha256, host_pattern
from app.remote.ssh_errors import (
    HostKeyMismatch,
    HostKeyUnknown,
    SSHAuthFailed,
    SSHDisconnected,
    SSHError,
    SSHKeyError,
    SSHProtocolError,
    SSHTimeout,
    SSHUnreachable,
    classify_error,
)
from app.remote.target import Target, TargetError, validate_host, validate_port

__all__ = [
    "DEFAULT_TIMEOUTS",
    "Credential",
    "ExecResult",
    "HostKeyInfo",
    "HostKeyMismatch",
    "HostKeyUnknown",
    "SSHAuthFailed",
    "SSHCredentials",
    "SSHDisconnected",
    "SSHError",
    "SSHKeyError",
    "SSHProtocolError",
    "SSHSession",
    "SSHTimeout",
    "SSHTimeouts",
    "SSHUnreachable",
    "SecretText",
    "ShellChannel",
    "fetch_host_key",
    "jump_target",
    "load_private_key",
    "reveal_credential",
]

#: How long `recv` waits for the transport to report a dead connection after the channel closed.
_DROP_SETTLE_S: Final = 1.0


class SecretText(Protocol):
    """What a vault `Secret` offers; `app.remote` sits below `app.vault`, so no import."""

    def reveal_text(self) -> str: ...


Credential = SecretText | str


def reveal_credential(value: Credential | None) -> str | None:
    """The plaintext of a `Secret` or str, for handing to a library at the last moment."""
    if value is None or isinstance(value, str):
        return value
    return value.reveal_text()


# --- host keys --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostKeyInfo:
    """A server's host key as first contact shows it (remote.md §5)."""

    host: str
    port: int
    key_type: str
    key_b64: str
    fingerprint: str

    @property
    def key_text(self) -> str:
        """`<type> <base64>`, the value for `Target.ssh_host_key` and the record."""
        return f"{self.key_type} {self.key_b64}"

    @classmethod
    def of_key(cls, host: str, port: int, key: paramiko.PKey) -> HostKeyInfo:
        key_b64 = key.get_base64()
        return cls(host, port, key.get_name(), key_b64, fingerprint_sha256(key_b64))


@dataclass(frozen=True)
class SSHTimeouts:
    """remote.md §4.1 defaults; `connect` also bounds the host-key fetch."""

    connect: float = 10.0
    banner: float = 10.0
    auth: float = 20.0
    channel: float = 20.0


DEFAULT_TIMEOUTS: Final = SSHTimeouts()


def _checked_endpoint(host: str, port: int) -> tuple[str, int]:
    try:
        return validate_host(host), validate_port(port)
    except TargetError as exc:
        raise SSHError(f"Invalid {exc.field}.", code="invalid_target") from None


def _dial(host: str, port: int, timeout: float) -> socket.socket:
    try:
        return socket.create_connection((host, port), timeout=timeout)
    except TimeoutError as exc:
        raise SSHTimeout(f"{host_pattern(host, port)} did not answer within {timeout:g} s") from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SSHUnreachable(f"Cannot reach {host_pattern(host, port)}: {reason}") from exc


def fetch_host_key(host: str, port: int = 22, timeout: float = 10.0) -> HostKeyInfo:
    """Key exchange only (`Transport.start_client()`, no authentication) to learn the host key.

    Nothing is written: the caller shows host:port, type and fingerprint and pins on Accept.
    """
    host, port = _checked_endpoint(host, port)
    sock = _dial(host, port, timeout)
    transport = paramiko.Transport(sock)
    try:
        transport.banner_timeout = timeout
        try:
            transport.start_client(timeout=timeout)
        except (paramiko.SSHException, EOFError, OSError) as exc:
            raise classify_error(exc, host, port) from exc
        return HostKeyInfo.of_key(host, port, transport.get_remote_server_key())
    finally:
        transport.close()
        sock.close()


def _pins(target: Target, known_hosts: KnownHosts) -> list[paramiko.PKey]:
    """The keys this target may present: the record's pin when it has one, else the app's
    known_hosts entries for host:port.

    The record's pin is MAC-bound and replaced only by an audited act; the file is a local copy
    for OpenSSH. Trusting both would keep an old key (say a leaked ECDSA one) valid after an
    administrator re-pinned the record to another key.
    """
    if target.ssh_host_key is not None:
        texts = [target.ssh_host_key]
    else:
        texts = [e.key_text for e in known_hosts.lookup(target.host, target.port)]
    keys = []
    for text in dict.fromkeys(texts):
        key_type, key_b64 = text.split(" ")
        keys.append(paramiko.PKey.from_type_string(key_type, base64.b64decode(key_b64)))
    return keys


# --- private keys -----------------------------------------------------------------------------


def load_private_key(text: Credential, passphrase: Credential | None = None) -> paramiko.PKey:
    """A paramiko key from OpenSSH or PEM text, in memory only (remote.md §4.1).

    The type is detected with `cryptography` first, so the right paramiko class parses it and
    errors name the problem (unsupported type, passphrase) instead of a parser's guess.
    """
    key_text = reveal_credential(text) or ""
    secret = reveal_credential(passphrase)
    data = key_text.encode("utf-8")
    password = secret.encode("utf-8") if secret else None
    try:
        try:
            parsed: object = serialization.load_ssh_private_key(data, password=password)
        except ValueError:
            parsed = serialization.load_pem_private_key(data, password=password)
    except TypeError:
        # cryptography says TypeError for "encrypted but no passphrase" and the reverse.
        code = "passphrase_required" if password is None else "not_encrypted"
        raise SSHKeyError(
            "The private key needs a passphrase."
            if password is None
            else "The private key is not encrypted; leave the passphrase empty.",
            code=code,
        ) from None
    except (ValueError, paramiko.SSHException):
        raise SSHKeyError(
            "The private key cannot be read: wrong passphrase or not an SSH/PEM private key."
        ) from None
    key_class: type[paramiko.PKey]
    if isinstance(parsed, ed25519.Ed25519PrivateKey):
        key_class = paramiko.Ed25519Key
    elif isinstance(parsed, ec.EllipticCurvePrivateKey):
        key_class = paramiko.ECDSAKey
    elif isinstance(parsed, rsa.RSAPrivateKey):
        key_class = paramiko.RSAKey
    else:
        raise SSHKeyError("Unsupported private key type (use Ed25519, ECDSA or RSA).")
    try:
        return key_class.from_private_key(io.StringIO(key_text), password=secret or None)
    except (paramiko.SSHException, ValueError):
        raise SSHKeyError("The private key cannot be loaded.") from None


@dataclass(frozen=True)
class SSHCredentials:
    """How to authenticate to one host; the repr never shows a value."""

    password: Credential | None = field(default=None, repr=False)
    private_key_text: Credential | None = field(default=None, repr=False)
    key_passphrase: Credential | None = field(default=None, repr=False)
    allow_agent: bool = False


# --- sessions ---------------------------------------------------------------------------------


class ExecResult(NamedTuple):
    stdout: bytes
    stderr: bytes
    exit_status: int


class _PinnedOnly(paramiko.RejectPolicy):
    """RejectPolicy that remembers the presented key, so a key of a type other than the pinned
    one is reported as the mismatch it is."""

    def __init__(self) -> None:
        self.presented: paramiko.PKey | None = None

    def missing_host_key(
        self, client: paramiko.SSHClient, hostname: str, key: paramiko.PKey
    ) -> NoReturn:
        self.presented = key
        super().missing_host_key(client, hostname, key)


def _connect(
    target: Target,
    creds: SSHCredentials,
    known_hosts: KnownHosts,
    timeouts: SSHTimeouts,
    sock: paramiko.Channel | None,
    disabled_algorithms: Mapping[str, Sequence[str]] | None,
) -> paramiko.SSHClient:
    pins = _pins(target, known_hosts)
    if not pins:
        # Before any packet: first contact is the caller's fetch + dialog, never ours.
        raise HostKeyUnknown(target.host, target.port)
    pkey = (
        load_private_key(creds.private_key_text, creds.key_passphrase)
        if creds.private_key_text is not None
        else None
    )
    password = reveal_credential(creds.password)
    if password is not None and "\0" in password:
        raise SSHError("The password contains a NUL character.", code="invalid_password")
    client = paramiko.SSHClient()
    policy = _PinnedOnly()
    client.set_missing_host_key_policy(policy)
    name = host_pattern(target.host, target.port)
    host_keys = client.get_host_keys()
    for key in pins:
        host_keys.add(name, key.get_name(), key)
    if sock is None:
        # Dialled here so unreachable and timeout errors are ours, and paramiko's own
        # getaddrinfo loop (NoValidConnectionsError) never hides which one it was.
        sock_or_chan: socket.socket | paramiko.Channel = _dial(
            target.host, target.port, timeouts.connect
        )
    else:
        sock_or_chan = sock
    try:
        client.connect(
            target.host,
            target.port,
            # The account as entered (`DOM\user`, `user@dom`): Windows OpenSSH wants it whole.
            username=target.account,
            password=password,
            pkey=pkey,
            allow_agent=creds.allow_agent,
            look_for_keys=False,
            timeout=timeouts.connect,
            banner_timeout=timeouts.banner,
            auth_timeout=timeouts.auth,
            channel_timeout=timeouts.channel,
            sock=sock_or_chan,
            disabled_algorithms=dict(disabled_algorithms) if disabled_algorithms else None,
        )
    except paramiko.BadHostKeyException as exc:
        client.close()
        raise HostKeyMismatch(
            target.host,
            target.port,
            ", ".join(fingerprint_sha256(k.get_base64()) for k in pins),
            fingerprint_sha256(exc.key.get_base64()),
        ) from exc
    except paramiko.SSHException as exc:
        client.close()
        if policy.presented is not None:
            raise HostKeyMismatch(
                target.host,
                target.port,
                ", ".join(fingerprint_sha256(k.get_base64()) for k in pins),
                fingerprint_sha256(policy.presented.get_base64()),
            ) from exc
        raise classify_error(exc, target.host, target.port) from exc
    except (OSError, EOFError) as exc:
        client.close()
        raise classify_error(exc, target.host, target.port) from exc
    return client


def jump_target(target: Target, jump_host_key: str | None = None) -> Target | None:
    """The SSH jump host of `target` (its `gateway`) as a target of its own, or None.

    Its account defaults to the target's; its pin is its own (`jump_host_key`, or the app
    known_hosts entry for the gateway's host and port).
    """
    gateway = target.gateway
    if gateway is None:
        return None
    return Target(
        "ssh",
        gateway.host,
        gateway.port or 22,
        user=gateway.user or target.user,
        domain=gateway.domain if gateway.user else target.domain,
        ssh_host_key=jump_host_key,
    )


class SSHSession:
    """One authenticated SSH connection, possibly through a jump host. Close it when done."""

    def __init__(
        self,
        client: paramiko.SSHClient,
        target: Target,
        jump_client: paramiko.SSHClient | None = None,
        timeouts: SSHTimeouts = DEFAULT_TIMEOUTS,
    ) -> None:
        self._client = client
        self._jump_client = jump_client
        self._timeouts = timeouts
        self.target = target

    @classmethod
    def open(
        cls,
        target: Target,
        *,
        known_hosts: KnownHosts,
        password: Credential | None = None,
        private_key_text: Credential | None = None,
        key_passphrase: Credential | None = None,
        allow_agent: bool = False,
        jump: tuple[Target, SSHCredentials] | None = None,
        timeouts: SSHTimeouts = DEFAULT_TIMEOUTS,
        disabled_algorithms: Mapping[str, Sequence[str]] | None = None,
    ) -> SSHSession:
        """Connect and authenticate (remote.md §4.1).

        Raises `HostKeyUnknown` when neither known_hosts nor the target pins a key,
        `HostKeyMismatch` when the server's key differs (before authenticating), else
        `SSHAuthFailed`, `SSHUnreachable`, `SSHTimeout`, `SSHKeyError` or another `SSHError`.
        The agent is used only when `allow_agent`; it is never forwarded.
        """
        if target.protocol != "ssh":
            raise SSHError("Not an SSH target.", code="invalid_target")
        if target.user is None:
            raise SSHError("The target has no user name.", code="invalid_target")
        creds = SSHCredentials(password, private_key_text, key_passphrase, allow_agent)
        jump_client: paramiko.SSHClient | None = None
        channel: paramiko.Channel | None = None
        if jump is not None:
            jump_target, jump_creds = jump
            if jump_target.user is None:
                raise SSHError("The jump host has no user name.", code="invalid_target")
            jump_client = _connect(
                jump_target, jump_creds, known_hosts, timeouts, None, disabled_algorithms
            )
            try:
                transport = jump_client.get_transport()
                assert transport is not None
                channel = transport.open_channel(
                    "direct-tcpip",
                    (target.host, target.port),
                    ("127.0.0.1", 0),
                    timeout=timeouts.channel,
                )
            except (paramiko.SSHException, OSError, EOFError) as exc:
                jump_client.close()
                raise SSHError(
                    f"The jump host could not reach {host_pattern(target.host, target.port)}.",
                    code="jump_failed",
                ) from exc
        try:
            client = _connect(target, creds, known_hosts, timeouts, channel, disabled_algorithms)
        except BaseException:
            if jump_client is not None:
                jump_client.close()
            raise
        return cls(client, target, jump_client, timeouts)

    @property
    def transport(self) -> paramiko.Transport:
        transport = self._client.get_transport()
        if transport is None or not transport.is_active():
            raise SSHDisconnected("The SSH connection is closed.")
        return transport

    @property
    def host_key(self) -> HostKeyInfo:
        """The key the server presented (and that matched the pin)."""
        key = self.transport.get_remote_server_key()
        return HostKeyInfo.of_key(self.target.host, self.target.port, key)

    @property
    def via_jump(self) -> bool:
        return self._jump_client is not None

    @property
    def active(self) -> bool:
        transport = self._client.get_transport()
        return transport is not None and transport.is_active()

    def _open_channel(self) -> paramiko.Channel:
        try:
            return self.transport.open_session(timeout=self._timeouts.channel)
        except (paramiko.SSHException, OSError, EOFError) as exc:
            raise classify_error(exc, self.target.host, self.target.port) from exc

    def invoke_shell(
        self, term: str = "xterm-256color", cols: int = 80, rows: int = 24
    ) -> ShellChannel:
        """An interactive shell on a PTY (the terminal widget's channel)."""
        channel = self._open_channel()
        try:
            channel.get_pty(term=term, width=cols, height=rows)
            channel.invoke_shell()
        except (paramiko.SSHException, OSError, EOFError) as exc:
            channel.close()
            raise classify_error(exc, self.target.host, self.target.port) from exc
        return ShellChannel(channel, self.target)

    def exec(self, command: str, timeout: float = 20.0) -> ExecResult:
        """Run one command without a PTY and collect its output (tests and diagnostics)."""
        channel = self._open_channel()
        deadline = time.monotonic() + timeout
        out, err = bytearray(), bytearray()
        try:
            channel.exec_command(command)
            channel.shutdown_write()
            while True:
                while channel.recv_ready():
                    out += channel.recv(65536)
                while channel.recv_stderr_ready():
                    err += channel.recv_stderr(65536)
                if channel.exit_status_ready() and (channel.eof_received or channel.closed):
                    if not (channel.recv_ready() or channel.recv_stderr_ready()):
                        break
                    continue
                if channel.closed or not self.active:
                    raise SSHDisconnected(
                        f"{host_pattern(self.target.host, self.target.port)} dropped the session."
                    )
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise SSHTimeout(f"The command did not finish within {timeout:g} s.")
                select.select([channel], [], [], min(remaining, 0.2))
            return ExecResult(bytes(out), bytes(err), channel.recv_exit_status())
        except (paramiko.SSHException, OSError, EOFError) as exc:
            raise classify_error(exc, self.target.host, self.target.port) from exc
        finally:
            channel.close()

    def close(self) -> None:
        self._client.close()
        if self._jump_client is not None:
            self._jump_client.close()

    def __enter__(self) -> SSHSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SSHSession({self.target.user}@{self.target.address}, active={self.active})"


class ShellChannel:
    """A PTY shell for the terminal widget: `recv` on its worker thread, `send`/`resize` from
    the GUI, `close` from either (it wakes a blocked `recv`)."""

    def __init__(self, channel: paramiko.Channel, target: Target) -> None:
        self._channel = channel
        self._target = target
        self._closed_by_us = threading.Event()

    @property
    def closed(self) -> bool:
        """True once no more output can come: we closed it, or the server sent EOF or close
        (the close message may trail the EOF that ends `recv`)."""
        channel = self._channel
        return bool(channel.closed or channel.eof_received) or self._closed_by_us.is_set()

    @property
    def exit_status(self) -> int | None:
        """The remote shell's exit status once it has ended normally."""
        # paramiko reports -1 when the channel closed without one (and after a drop).
        status = self._channel.exit_status
        return status if self._channel.exit_status_ready() and status != -1 else None

    def _dropped(self) -> SSHDisconnected:
        return SSHDisconnected(
            f"{host_pattern(self._target.host, self._target.port)} dropped the session."
        )

    def recv(self, n: int = 65536) -> bytes:
        """Up to `n` bytes of output; b"" when the shell ended or we closed it.

        Raises `SSHDisconnected` when the connection died under an open shell, so the widget
        can say so instead of showing a silent, finished session.
        """
        try:
            data = self._channel.recv(n)
        except (OSError, EOFError) as exc:
            if self._closed_by_us.is_set():
                return b""
            raise self._dropped() from exc
        if data or self._closed_by_us.is_set():
            return data
        transport = self._channel.get_transport()
        if self.exit_status is not None and transport.is_active():
            return b""
        # No exit status: either the shell ended without one (a signal) or the connection died.
        # The channel closes just before the transport notices a dead socket, so give it a
        # moment to tell the two apart.
        deadline = time.monotonic() + _DROP_SETTLE_S
        while transport.is_active() and time.monotonic() < deadline:
            time.sleep(0.02)
        if not transport.is_active():
            raise self._dropped()
        return b""

    def send(self, data: bytes) -> None:
        """Write all of `data` to the shell's input."""
        try:
            self._channel.sendall(data)
        except (OSError, EOFError, paramiko.SSHException) as exc:
            raise self._dropped() from exc

    def resize(self, cols: int, rows: int) -> None:
        try:
            self._channel.resize_pty(width=cols, height=rows)
        except (OSError, EOFError, paramiko.SSHException) as exc:
            raise self._dropped() from exc

    def fileno(self) -> int:
        """For `select`: readable when output or EOF is waiting."""
        return self._channel.fileno()

    def close(self) -> None:
        self._closed_by_us.set()
        self._channel.close()

    def __repr__(self) -> str:
        return f"ShellChannel({self._target.address}, closed={self.closed})"
