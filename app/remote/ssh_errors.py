"""The SSH error hierarchy (remote.md §4.1): a stable `code` per failure and a message for
the user that never holds a secret or a server-supplied string."""

from __future__ import annotations

import paramiko

from app.remote.known_hosts import host_pattern


class SSHError(Exception):
    """An SSH connection or session failed; `code` is stable, the message is for the user and
    never holds a secret."""

    code = "ssh_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class SSHUnreachable(SSHError):
    code = "unreachable"


class SSHTimeout(SSHError):
    code = "timeout"


class SSHAuthFailed(SSHError):
    code = "auth_failed"


class SSHKeyError(SSHError):
    """The private key text cannot be used (unsupported type, wrong or missing passphrase)."""

    code = "bad_private_key"


class SSHDisconnected(SSHError):
    """The server or the network dropped an open session."""

    code = "disconnected"


class SSHProtocolError(SSHError):
    code = "protocol_error"


class HostKeyUnknown(SSHError):
    """No key is pinned for this host: fetch it, show it, and pin it if the user accepts."""

    code = "host_key_unknown"

    def __init__(self, host: str, port: int) -> None:
        super().__init__(
            f"The host key of {host_pattern(host, port)} is not known yet; "
            "verify and accept it first."
        )
        self.host = host
        self.port = port


class HostKeyMismatch(SSHError):
    """The server presented a key other than the pinned one. Nothing was authenticated; only an
    admin's "Forget host key" clears the pin (remote.md §5)."""

    code = "host_key_mismatch"

    def __init__(self, host: str, port: int, expected: str, presented: str) -> None:
        super().__init__(
            f"HOST KEY MISMATCH for {host_pattern(host, port)}: expected {expected}, "
            f"server presented {presented}. The connection was refused; the server may have "
            "been reinstalled or someone may be intercepting the connection."
        )
        self.host = host
        self.port = port
        self.expected_fingerprint = expected
        self.presented_fingerprint = presented


def classify_error(exc: BaseException, host: str, port: int) -> SSHError:
    """Map paramiko and socket errors to ours; only fixed wording, never a server string that
    could echo input."""
    where = host_pattern(host, port)
    if isinstance(exc, paramiko.AuthenticationException):
        return SSHAuthFailed(f"Authentication to {where} failed.")
    if "no authentication methods" in str(exc).lower():
        return SSHAuthFailed(f"No password, key or agent key to authenticate to {where}.")
    if isinstance(exc, TimeoutError):
        return SSHTimeout(f"{where} did not respond in time.")
    text = str(exc).lower()
    # paramiko wraps the socket error it caught: a timeout stays a timeout.
    if isinstance(exc.__context__, TimeoutError) or "timeout" in text or "timed out" in text:
        return SSHTimeout(f"{where} did not complete the SSH handshake in time.")
    if "banner" in text:
        # paramiko says "Error reading SSH protocol banner" for a closed socket too.
        return SSHDisconnected(f"{where} closed the connection before the SSH handshake.")
    if isinstance(exc, EOFError | ConnectionError) or "closed" in text or "eof" in text:
        return SSHDisconnected(f"{where} closed the connection.")
    if isinstance(exc, paramiko.ChannelException):
        return SSHError(f"{where} refused to open the channel.", code="channel_refused")
    if isinstance(exc, OSError):
        return SSHUnreachable(f"Cannot reach {where}.")
    return SSHProtocolError(f"SSH negotiation with {where} failed.")
