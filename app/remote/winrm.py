"""A WinRM client for the console and "Attach diagnostics" (remote.md §5, §6), on pywinrm.

pywinrm's `Session` defaults to Basic over plain HTTP; `WinRMClient` never uses it and sets
every security option itself: `http` means NTLM or Kerberos with message encryption always on,
`https` means the pinned certificate as the only trust anchor. There is no CredSSP.

**Stateless console.** One WS-Man shell (`cmd`, code page 65001) is opened on first use and
kept for the client's life, but every command is a new `powershell` process: variables,
`cd` and modules do not carry over from one command to the next.

Errors are `WinRMError(code, message)`; messages are written here, never copied from an
exception that might carry request data, and never contain the password.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, NamedTuple, Protocol

import requests
import winrm.transport as winrm_transport
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from winrm.exceptions import (
    InvalidCredentialsError,
    WinRMOperationTimeoutError,
    WinRMTransportError,
    WSManFaultError,
)
from winrm.exceptions import WinRMError as PyWinRMError
from winrm.protocol import Protocol as WSManProtocol

from app.remote.target import Target
from app.remote.winrm_script import (
    ENV_LOADER,
    ENV_VARIABLE,
    UTF8_PREFIX,
    clean_clixml,
    env_script,
    fits_command_line,
    powershell_args,
)

#: Per stream; the rest is dropped and the command stopped (`CommandResult.truncated`).
OUTPUT_CAP: Final = 1024 * 1024
#: UTF-8 everywhere: the shell's code page, and `UTF8_PREFIX` for PowerShell's own output.
CODEPAGE_UTF8: Final = 65001
#: Dialling a host that does not answer should fail in seconds, not after `read_timeout_sec`.
CONNECT_TIMEOUT_SEC: Final = 5.0
#: WSManFault code for "shell not found": it expired or the service restarted.
_SHELL_GONE: Final = 2150858843
_FAULT_REASON_MAX: Final = 300


class WinRMError(Exception):
    """A WinRM operation failed; `code` is stable, the message is for the user.

    Codes: `config` (target not usable for WinRM), `pin_required` (HTTPS without a pinned
    certificate), `auth` (credentials rejected), `encryption_required` (the server refuses
    unencrypted messages), `tls` (certificate does not match the pin or the host name),
    `unreachable`, `timeout`, `http` (another HTTP status), `fault` (a WS-Man fault), `protocol`
    (a reply that is not WS-Man), `script` (a script that cannot be sent), `closed`.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class SecretText(Protocol):
    """What `app.vault.secret.Secret` offers (app.remote may not import the vault layer)."""

    def reveal_text(self) -> str: ...


@dataclass(frozen=True)
class CommandResult:
    """One finished command. Text is decoded as UTF-8 (invalid bytes become U+FFFD)."""

    stdout: str
    stderr: str
    #: -1 when unknown (stopped after `truncated`, or cancelled before the server said).
    exit_code: int
    #: A stream passed `OUTPUT_CAP`: the rest was dropped and the command stopped.
    truncated: bool = False
    cancelled: bool = False


class ServerCertificate(NamedTuple):
    """A server certificate as fetched for pinning (nothing about it has been verified)."""

    pem: str
    sha256: str
    subject: str
    issuer: str
    not_after: dt.datetime


def _colon_sha256(der: bytes) -> str:
    return ":".join(f"{b:02x}" for b in hashlib.sha256(der).digest())


def certificate_sha256(pem: str) -> str:
    """`sha256(DER)` in colon hex of one PEM certificate; ValueError if it does not load."""
    cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
    return _colon_sha256(cert.public_bytes(serialization.Encoding.DER))


def fetch_certificate(host: str, port: int, timeout: float = 5.0) -> ServerCertificate:
    """The certificate a WinRM HTTPS listener presents (TOFU, remote.md §5).

    Nothing is verified (SNI is `host`): this only shows the user what to pin, and the caller
    stores the PEM and fingerprint the user accepted. Raises `WinRMError` (`unreachable`,
    `timeout`, `tls`).
    """
    # The pin decides trust, never this handshake, so the context verifies nothing.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except TimeoutError:
        raise WinRMError("timeout", f"No TLS answer from {host}:{port} in time.") from None
    except ssl.SSLError:
        raise WinRMError("tls", f"TLS handshake with {host}:{port} failed.") from None
    except OSError:
        raise WinRMError("unreachable", f"Cannot connect to {host}:{port}.") from None
    if not der:
        raise WinRMError("tls", f"{host}:{port} sent no certificate.")
    cert = x509.load_der_x509_certificate(der)
    return ServerCertificate(
        pem=cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        sha256=_colon_sha256(der),
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        not_after=cert.not_valid_after_utc,
    )


def ca_trust_file(cache_dir: Path, pem: str) -> Path:
    """The pinned PEM as a file requests can use as its only CA (`<cache_dir>/winrm-<sha>.pem`).

    Named by the certificate's SHA-256, so clients of the same host share it and a re-pin
    gets a new file; written atomically, mode 0600 in a 0700 folder. It is public data: kept
    as a cache, not deleted on close.
    """
    fingerprint = certificate_sha256(pem).replace(":", "")
    cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = cache_dir / f"winrm-{fingerprint}.pem"
    data = pem.strip().encode("ascii") + b"\n"
    with contextlib.suppress(OSError):
        if path.read_bytes() == data:
            return path
    fd, temp = tempfile.mkstemp(prefix=".winrm-", suffix=".pem", dir=cache_dir)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return path


def endpoint_url(target: Target) -> str:
    """`http://host:5985/wsman` or `https://…`, the scheme fixed by the target's protocol."""
    scheme = {"winrm": "http", "winrm-https": "https"}.get(target.protocol)
    if scheme is None:
        raise WinRMError("config", "This access record is not a WinRM record.")
    return f"{scheme}://{target.address}/wsman"


def protocol_options(target: Target, ca_path: Path | None) -> dict[str, Any]:
    """The pywinrm `Protocol` security keywords for `target`, every one explicit (remote.md §6)."""
    url = endpoint_url(target)
    options: dict[str, Any] = {
        "endpoint": url,
        "transport": target.winrm_transport,
        # Environment proxies would send the NTLM exchange or Basic header somewhere else.
        "proxy": None,
    }
    if target.protocol == "winrm":
        if target.winrm_transport not in ("ntlm", "kerberos"):
            raise WinRMError("config", "Plain HTTP needs NTLM or Kerberos (with encryption).")
        options["message_encryption"] = "always"
        # No CA bundle from the environment either (pywinrm's "legacy_requests" default).
        options["ca_trust_path"] = None
    else:
        if ca_path is None:
            raise WinRMError(
                "pin_required",
                "Pin this server's certificate first: run the connectivity test and accept it.",
            )
        options["server_cert_validation"] = "validate"
        options["ca_trust_path"] = str(ca_path)
        # "auto" means no message sealing over https: TLS already protects the messages.
        options["message_encryption"] = "auto"
    return options


class _ShellGone(Exception):
    """The shared shell no longer exists on the server (raised before a command starts)."""


def _scrub(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text


def translate_error(exc: BaseException, address: str, password: str = "") -> WinRMError:
    """`exc` from pywinrm / requests as a `WinRMError` whose message names no secret."""
    if isinstance(exc, WinRMError):
        return exc
    if isinstance(exc, InvalidCredentialsError | PermissionError | UnicodeEncodeError):
        return WinRMError("auth", f"{address} rejected the user name or password.")
    if isinstance(exc, WSManFaultError):
        reason = " ".join(_scrub(str(exc.reason), password).split())[:_FAULT_REASON_MAX]
        return WinRMError("fault", f"WS-Man fault from {address}: {reason}")
    if isinstance(exc, WinRMTransportError):
        if exc.code == 401:
            return WinRMError("auth", f"{address} rejected the user name or password.")
        if exc.code == 400:
            return WinRMError(
                "encryption_required",
                f"{address} refused the request (HTTP 400): it requires encrypted messages "
                "(AllowUnencrypted is off), which this request did not use.",
            )
        return WinRMError("http", f"{address} answered HTTP {exc.code}.")
    if isinstance(exc, WinRMOperationTimeoutError):
        return WinRMError("timeout", f"{address} did not finish the operation in time.")
    if isinstance(exc, requests.exceptions.SSLError):
        return WinRMError(
            "tls",
            f"The certificate of {address} does not match the pinned one (or not its host "
            "name). Connection refused; re-check the pin in the connectivity panel.",
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return WinRMError("unreachable", f"No answer from {address} (connection timed out).")
    if isinstance(exc, requests.exceptions.Timeout):
        return WinRMError("timeout", f"{address} stopped answering (read timed out).")
    if isinstance(exc, requests.exceptions.ConnectionError):
        return WinRMError("unreachable", f"Cannot connect to {address}.")
    if isinstance(exc, requests.exceptions.RequestException):
        return WinRMError("http", f"HTTP error talking to {address} ({type(exc).__name__}).")
    if isinstance(exc, PyWinRMError):
        return WinRMError("protocol", f"WinRM error with {address} ({type(exc).__name__}).")
    return WinRMError("protocol", f"Unexpected reply from {address} ({type(exc).__name__}).")


@contextlib.contextmanager
def wsman_errors(address: str, password: str = "") -> Iterator[None]:
    """Turn anything a pywinrm call raises (other than programming errors) into `WinRMError`."""
    try:
        yield
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as exc:
        raise translate_error(exc, address, password) from None


def _append(buffer: bytearray, chunk: bytes) -> bool:
    """Add `chunk` up to `OUTPUT_CAP`; True when something had to be dropped."""
    room = OUTPUT_CAP - len(buffer)
    buffer += chunk[: max(room, 0)]
    return len(chunk) > room


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").removeprefix("\ufeff")


class WinRMClient:
    """Runs commands on one Windows host over WS-Man; see the module docstring.

    Calls block: run them off the GUI thread. Commands are serialised (one at a time);
    `cancel()` may be called from any thread. `cert_dir` holds the pinned PEM for HTTPS
    (`ca_trust_file`). Use as a context manager, or call `close()`.
    """

    def __init__(
        self,
        target: Target,
        password: SecretText | str,
        *,
        cert_dir: Path | None = None,
        operation_timeout_sec: int = 60,
        read_timeout_sec: int = 70,
        connect_timeout_sec: float = CONNECT_TIMEOUT_SEC,
    ) -> None:
        if target.account is None:
            raise WinRMError("config", "This WinRM record has no account.")
        if target.winrm_transport == "kerberos" and not winrm_transport.HAVE_KERBEROS:
            raise WinRMError(
                "config", "Kerberos for WinRM is not installed (pywinrm[kerberos]); use NTLM."
            )
        if read_timeout_sec <= operation_timeout_sec or operation_timeout_sec < 1:
            raise WinRMError("config", "read_timeout_sec must exceed operation_timeout_sec.")
        ca_path: Path | None = None
        if target.protocol == "winrm-https" and target.cert_pem is not None:
            if cert_dir is None:
                raise WinRMError("config", "HTTPS needs a folder for the pinned certificate.")
            try:
                if target.cert_sha256 and certificate_sha256(target.cert_pem) != (
                    target.cert_sha256
                ):
                    raise WinRMError("tls", "The pinned certificate and fingerprint disagree.")
                ca_path = ca_trust_file(cert_dir, target.cert_pem)
            except ValueError:
                raise WinRMError("config", "The pinned certificate cannot be read.") from None
        self.target = target
        self._options = protocol_options(target, ca_path)
        self._account = target.account
        self._password = password if isinstance(password, str) else password.reveal_text()
        self._timeouts = (operation_timeout_sec, read_timeout_sec, connect_timeout_sec)
        self._lock = threading.Lock()
        self._protocol: WSManProtocol | None = None
        self._shell_id: str | None = None
        #: (shell, command) of the running command, for `cancel()`.
        self._running: tuple[str, str] | None = None
        self._cancelled = threading.Event()
        self._closed = False

    def __repr__(self) -> str:
        return (
            f"WinRMClient({self._options['endpoint']!r}, transport={self.target.winrm_transport})"
        )

    def __enter__(self) -> WinRMClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def endpoint(self) -> str:
        return str(self._options["endpoint"])

    # --- commands --------------------------------------------------------------------------

    def run_ps(self, script: str) -> CommandResult:
        """Run a PowerShell script in a new `powershell` process (stateless) and wait for it.

        Up to about 2.5 KB the script goes on the command line as `-EncodedCommand`; longer
        ones travel in the `HD_SCRIPT` variable of a shell opened for that one command.
        stderr's CLIXML is reduced to the error text.
        """
        if fits_command_line(script):
            result = self._run("powershell", powershell_args(script))
        else:
            try:
                value = env_script(UTF8_PREFIX + script)
            except ValueError as exc:
                raise WinRMError("script", f"The script cannot be sent: {exc}.") from None
            result = self._run("powershell", powershell_args(ENV_LOADER), env={ENV_VARIABLE: value})
        stderr = clean_clixml(result.stderr.encode("utf-8")) if result.stderr else ""
        return CommandResult(
            result.stdout, stderr, result.exit_code, result.truncated, result.cancelled
        )

    def run_cmd(self, command: str, args: Sequence[str] = ()) -> CommandResult:
        """Run one command line (`command` plus `args`, joined by spaces as WinRS does)."""
        return self._run(command, list(args))

    def cancel(self) -> None:
        """Send Signal terminate for the running command (no-op when idle).

        Sent on a separate connection: the running command's connection is blocked in a
        Receive, and NTLM sealing state cannot be shared between two requests in flight. A
        command still being started sees the flag and sends the Signal itself.
        """
        self._cancelled.set()
        running = self._running
        if running is None:
            return
        protocol = self._new_protocol()
        try:
            with wsman_errors(self.target.address, self._password):
                protocol.cleanup_command(*running)
        finally:
            protocol.transport.close_session()

    def close(self) -> None:
        """Delete the shell and close the connection; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(WinRMError):
            self.cancel()
        with self._lock:
            protocol, shell_id = self._protocol, self._shell_id
            self._protocol = self._shell_id = None
            if protocol is None:
                return
            try:
                if shell_id is not None:
                    with (
                        contextlib.suppress(WinRMError),
                        wsman_errors(self.target.address, self._password),
                    ):
                        protocol.close_shell(shell_id, close_session=False)
            finally:
                protocol.transport.close_session()

    # --- internals -------------------------------------------------------------------------

    def _new_protocol(self) -> WSManProtocol:
        operation, read, connect = self._timeouts
        protocol = WSManProtocol(
            username=self._account,
            password=self._password,
            operation_timeout_sec=operation,
            read_timeout_sec=read,
            **self._options,
        )
        # pywinrm passes one number to requests, so connecting would wait `read` seconds;
        # requests also takes a (connect, read) pair, which is what a dead host needs.
        protocol.transport.read_timeout_sec = (connect, read)  # type: ignore[assignment]
        return protocol

    def _run(
        self, command: str, args: list[str], env: dict[str, str] | None = None
    ) -> CommandResult:
        with self._lock:
            if self._closed:
                raise WinRMError("closed", "This WinRM session is closed.")
            self._cancelled.clear()
            with wsman_errors(self.target.address, self._password):
                if self._protocol is None:
                    self._protocol = self._new_protocol()
                protocol = self._protocol
                if env is not None:
                    # Environment variables are per shell, so this command gets its own.
                    shell_id = protocol.open_shell(codepage=CODEPAGE_UTF8, env_vars=env)
                    try:
                        return self._execute(protocol, shell_id, command, args)
                    finally:
                        with contextlib.suppress(Exception):
                            protocol.close_shell(shell_id, close_session=False)
                try:
                    return self._execute(protocol, self._shared_shell(protocol), command, args)
                except _ShellGone:
                    # The idle shell expired (or WinRM restarted): the command never started,
                    # so running it in a fresh shell does not run it twice.
                    self._shell_id = None
                    return self._execute(protocol, self._shared_shell(protocol), command, args)

    def _shared_shell(self, protocol: WSManProtocol) -> str:
        if self._shell_id is None:
            self._shell_id = protocol.open_shell(codepage=CODEPAGE_UTF8)
        return self._shell_id

    def _execute(
        self, protocol: WSManProtocol, shell_id: str, command: str, args: list[str]
    ) -> CommandResult:
        try:
            command_id = protocol.run_command(shell_id, command, args)
        except WSManFaultError as exc:
            if exc.wsman_fault_code == _SHELL_GONE:
                raise _ShellGone from None
            raise
        self._running = (shell_id, command_id)
        stdout, stderr = bytearray(), bytearray()
        truncated, done, broken, exit_code = False, False, False, -1
        try:
            while not done and not truncated and not self._cancelled.is_set():
                try:
                    out, err, exit_code, done = protocol.get_command_output_raw(
                        shell_id, command_id
                    )
                except WinRMOperationTimeoutError:
                    # The long poll ended with nothing new: normal for a quiet command.
                    continue
                except Exception:
                    if self._cancelled.is_set():
                        broken = True
                        break
                    raise
                truncated = _append(stdout, out) | _append(stderr, err) or truncated
        finally:
            self._running = None
        if not done:
            exit_code = -1
        if not broken:
            # Releases the command on the server, and stops it when we stopped reading (cap,
            # or a cancel that came before `cancel()` could see the command).
            with contextlib.suppress(Exception):
                protocol.cleanup_command(shell_id, command_id)
        return CommandResult(
            _decode(bytes(stdout)),
            _decode(bytes(stderr)),
            exit_code,
            truncated,
            self._cancelled.is_set(),
        )
