"""A validated remote endpoint (remote.md §1): every field is checked once, here, and rejected
rather than "sanitized", so nothing later (argv, `.rdp` lines, probes) has to re-check it.

Errors are `TargetError` (a `ValueError`) carrying the field and a code; the message never
contains the rejected value, which may be a pasted secret.

`Target.build` (in `app.services.remote_records`) is the only producer for launches: it runs after
the record MAC verifies. Probes build bare targets with `Target.of`.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
import struct
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Final, Literal

Protocol = Literal["rdp", "ssh", "winrm", "winrm-https"]

#: Ports used when a record leaves the port empty (remote.md §1).
DEFAULT_PORTS: Final[dict[str, int]] = {"rdp": 3389, "ssh": 22, "winrm": 5985, "winrm-https": 5986}

#: One DNS label: `_` is allowed (SRV-style and some Windows names), `-` never at either end.
_LABEL: Final = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?")
_NETBIOS: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,14}")
#: FreeRDP 2.11 wants the colon form, so that is the only one stored.
_CERT_SHA256: Final = re.compile(r"[0-9a-f]{2}(?::[0-9a-f]{2}){31}")
#: Punctuation allowed in a user name besides letters and digits (remote.md §1).
_USER_PUNCTUATION: Final = frozenset(" ._-$")


class TargetError(ValueError):
    """A target field is not acceptable; `field` and `code` say which and why, never the value."""

    def __init__(self, field: str, code: str) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code


def validate_host(value: str, field: str = "host") -> str:
    """An IP literal (IPv6 bare: brackets and `%zone` refused) or an ASCII DNS name.

    Returned unchanged apart from IP canonical form, so the caller's text and what is dialled agree.
    """
    if not isinstance(value, str) or not value:
        raise TargetError(field, "empty")
    # ASCII first: Cyrillic look-alikes, fullwidth `；` and bidi/zero-width controls all fail here
    # before any other rule can misread them.
    if not value.isascii():
        raise TargetError(field, "not_ascii")
    if ":" in value:
        # Only IPv6 has colons; `[::1]` and `fe80::1%eth0` are refused (remote.md §10.1), as
        # is `host:port`, which belongs in the port field.
        if "%" in value:
            # Python accepts scoped addresses; a zone names a local interface, not a host.
            raise TargetError(field, "invalid_ip")
        try:
            return str(ipaddress.IPv6Address(value))
        except ValueError:
            raise TargetError(field, "invalid_ip") from None
    name = value[:-1] if value.endswith(".") else value
    labels = name.split(".")
    if all(label.isdigit() for label in labels):
        # "999.1.1.1" and "10.0.0" are mistyped addresses, never host names.
        try:
            return str(ipaddress.IPv4Address(value))
        except ValueError:
            raise TargetError(field, "invalid_ip") from None
    if len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise TargetError(field, "invalid_hostname")
    return value


def validate_port(value: object, field: str = "port") -> int:
    # bool is an int subclass: True would otherwise be port 1.
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 65535:
        raise TargetError(field, "invalid_port")
    return value


def validate_user(value: str, field: str = "user") -> str:
    """The user part of an account: Unicode letters and digits plus ` . _ - $` (remote.md §1)."""
    if not isinstance(value, str) or not 1 <= len(value) <= 104:
        raise TargetError(field, "invalid_length")
    if unicodedata.normalize("NFC", value) != value:
        raise TargetError(field, "not_nfc")
    if value[0] in "-. " or value[-1] in ". ":
        # A leading `-` becomes an option to ssh/PuTTY; trailing dots and spaces are trimmed by
        # Windows, so the name shown would not be the name used.
        raise TargetError(field, "bad_edge")
    for char in value:
        # NFKC per character stops fullwidth `；` `＂`, which Windows best-fit turns into ASCII.
        if unicodedata.normalize("NFKC", char) != char:
            raise TargetError(field, "not_nfkc")
        if unicodedata.category(char) in ("Cc", "Cf"):
            raise TargetError(field, "control_character")
        if not (char.isalnum() or char in _USER_PUNCTUATION):
            raise TargetError(field, "invalid_character")
    # Latin mixed with Cyrillic or Greek is how look-alikes are made (`ѕrv01`, remote.md §10.1);
    # a name wholly in one script (`José`, `Иван`, `用户`) is a real name.
    scripts = {_script(c) for c in value if c.isalpha()}
    if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
        raise TargetError(field, "mixed_script")
    return value


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ", 1)[0]


def validate_domain(value: str, field: str = "domain") -> str:
    """A NetBIOS name or a DNS name (never an IP)."""
    if isinstance(value, str) and _NETBIOS.fullmatch(value):
        return value
    host = validate_host(value, field)
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host
    raise TargetError(field, "ip_not_domain")


def validate_cert_sha256(value: str, field: str = "cert_sha256") -> str:
    if not isinstance(value, str) or not _CERT_SHA256.fullmatch(value):
        raise TargetError(field, "invalid_fingerprint")
    return value


#: Host key types accepted for pins (remote.md §1).
SSH_KEY_TYPES: Final = frozenset(
    {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"}
)


def validate_ssh_host_key(value: str, field: str = "ssh_host_key") -> str:
    """`<type> <base64>`: a type of `SSH_KEY_TYPES`, equal to the type named inside the key."""
    parts = value.split(" ") if isinstance(value, str) else []
    if len(parts) != 2 or parts[0] not in SSH_KEY_TYPES:
        raise TargetError(field, "invalid_host_key")
    try:
        blob = base64.b64decode(parts[1], validate=True)
        (n,) = struct.unpack(">I", blob[:4])
        inner = blob[4 : 4 + n].decode("ascii")
    except (binascii.Error, struct.error, UnicodeDecodeError):
        raise TargetError(field, "invalid_host_key") from None
    if inner != parts[0]:
        raise TargetError(field, "host_key_type_mismatch")
    return value


def validate_cert_pem(value: str, field: str = "cert_pem") -> str:
    """One PEM certificate block; its content is checked when TLS loads it."""
    text = value.strip() if isinstance(value, str) else ""
    if (
        not text.startswith("-----BEGIN CERTIFICATE-----")
        or not text.endswith("-----END CERTIFICATE-----")
        or not text.isascii()
        or "\0" in text
    ):
        raise TargetError(field, "invalid_certificate")
    return value


def split_account(account: str) -> tuple[str | None, str]:
    """`DOMAIN\\user` → (DOMAIN, user); `user@dns.domain` → (dns.domain, user); else (None, user).

    Splits on the first `\\` and the last `@`, as remote.md §1 says; both parts are validated.
    """
    if "\\" in account:
        domain, user = account.split("\\", 1)
    elif "@" in account:
        user, domain = account.rsplit("@", 1)
    else:
        return None, validate_user(account)
    return validate_domain(domain), validate_user(user)


@dataclass(frozen=True)
class Gateway:
    """An RD Gateway or SSH jump host; its account is the target's unless one is given."""

    host: str
    port: int | None = None
    user: str | None = None
    domain: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "host", validate_host(self.host, "gateway"))
        if self.port is not None:
            validate_port(self.port, "gateway_port")
        if self.user is not None:
            validate_user(self.user, "gateway_user")
        if self.domain is not None:
            validate_domain(self.domain, "gateway_domain")


ScreenMode = Literal["window", "fullscreen"]
WinrmTransport = Literal["ntlm", "kerberos", "basic"]


@dataclass(frozen=True)
class LaunchPolicy:
    """What a launch may do, from the record's MAC-bound policy (client defaults copied in).

    Defaults are the safe ones: no drive redirection, warn-level RDP server authentication,
    no agent for SSH. `strict` refuses an RDP server whose identity cannot be verified.
    """

    redirect_drives: bool = False
    redirect_clipboard: bool = True
    strict: bool = False
    admin_session: bool = False
    screen: ScreenMode = "window"
    width: int | None = None
    height: int | None = None
    multimon: bool = False
    #: mstsc's hardening switches, each its own argv element.
    restricted_admin: bool = False
    remote_guard: bool = False
    public_mode: bool = False
    ssh_allow_agent: bool = False

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            # Stored as JSON: "no" is a truthy string, never a yes.
            if name not in ("width", "height", "screen") and not isinstance(value, bool):
                raise TargetError(name, "invalid_flag")
        for name in ("width", "height"):
            value = getattr(self, name)
            if value is not None and (
                not isinstance(value, int) or isinstance(value, bool) or not 200 <= value <= 8192
            ):
                raise TargetError(name, "invalid_size")
        if self.screen not in ("window", "fullscreen"):
            raise TargetError("screen", "invalid_choice")


@dataclass(frozen=True)
class Target:
    """One endpoint to probe or launch; construction validates, so a `Target` is always safe."""

    protocol: Protocol
    host: str
    port: int
    user: str | None = None
    domain: str | None = None
    #: Pinned RDP / WinRM HTTPS certificate, colon hex (remote.md §5).
    cert_sha256: str | None = None
    record_id: str | None = None
    gateway: Gateway | None = None
    #: Pinned SSH host key, `<type> <base64>` (remote.md §5).
    ssh_host_key: str | None = None
    #: Pinned WinRM HTTPS certificate (PEM), used as the only trust anchor.
    cert_pem: str | None = None
    winrm_transport: WinrmTransport = "ntlm"
    policy: LaunchPolicy = field(default_factory=LaunchPolicy)
    client_id: int | None = None
    #: The vault item holding the credential (never the credential itself).
    item_id: str | None = None

    def __post_init__(self) -> None:
        if self.protocol not in DEFAULT_PORTS:
            raise TargetError("protocol", "invalid_protocol")
        # frozen: normalised values go in through object.__setattr__.
        object.__setattr__(self, "host", validate_host(self.host))
        validate_port(self.port)
        if self.user is not None:
            validate_user(self.user)
        if self.domain is not None:
            validate_domain(self.domain)
        if self.cert_sha256 is not None:
            validate_cert_sha256(self.cert_sha256)
        if self.ssh_host_key is not None:
            validate_ssh_host_key(self.ssh_host_key)
        if self.cert_pem is not None:
            validate_cert_pem(self.cert_pem)
        if self.winrm_transport not in ("ntlm", "kerberos", "basic"):
            raise TargetError("winrm_transport", "invalid_choice")
        if self.winrm_transport == "basic" and self.protocol != "winrm-https":
            # Basic over HTTP sends the password readable by anyone on the path (remote.md §9.4).
            raise TargetError("winrm_transport", "basic_needs_https")

    @property
    def account(self) -> str | None:
        """The account as Windows tools want it: `DOMAIN\\user`, `user@dns.domain` or `user`."""
        if self.user is None:
            return None
        if self.domain is None:
            return self.user
        if "." in self.domain:
            return f"{self.user}@{self.domain}"
        return f"{self.domain}\\{self.user}"

    @property
    def address(self) -> str:
        """`host:port`, with IPv6 in brackets (`[::1]:3389`)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def with_account(self, account: str | None) -> Target:
        """This target with `account` split and validated (remote.md §1)."""
        if not account:
            return replace(self, user=None, domain=None)
        domain, user = split_account(account)
        return replace(self, user=user, domain=domain)

    @classmethod
    def of(cls, protocol: Protocol, host: str, port: int | None = None) -> Target:
        """A target on the protocol's default port unless one is given."""
        return cls(protocol, host, DEFAULT_PORTS.get(protocol, 0) if port is None else port)
