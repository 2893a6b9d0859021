"""`.rdp` connection files (remote.md §3.1): a fixed key set, UTF-16LE with BOM and CRLF.

The writer emits only the keys below, each from a validated `Target` or its `LaunchPolicy`, so
it needs no deny-list: it never writes a stored password, an alternate shell, a shell working
directory or a RemoteApp program. Every value is still re-checked for CR, LF and NUL, because
one line break in a value would add a line of the attacker's choosing (`username:s:x` then
`alternate shell:s:…`), and this is the last place that can stop it.

`parse_rdp` reads the format back for tests and diagnostics.
"""

from __future__ import annotations

from typing import Final

from app.remote.target import Target

#: `name:type:value` lines; a value is everything after the second colon.
RdpValue = str | int

#: CR, LF and NUL, plus the other characters `str.splitlines` breaks on, so a reader that
#: splits more eagerly than mstsc still sees one value per line.
_LINE_BREAKS: Final = frozenset("\r\n\0\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_BOM: Final = "\ufeff"


class RdpValueError(ValueError):
    """A value would break the line format; names the key, never the value."""

    def __init__(self, key: str) -> None:
        super().__init__(f"{key}: contains a line break or NUL")
        self.key = key


def check_line_value(key: str, value: str) -> str:
    """`value` unchanged, or `RdpValueError` if it holds CR, LF or NUL."""
    if any(char in value for char in _LINE_BREAKS):
        raise RdpValueError(key)
    return value


def _bracketed(host: str, port: int | None) -> str:
    """`host`, `host:port` or `[v6]:port` (a bare IPv6 address has no port)."""
    if port is None:
        return host
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _flag(value: bool) -> int:
    return 1 if value else 0


def rdp_entries(
    target: Target, *, prompt_credentials: bool, macos: bool = False
) -> list[tuple[str, str, RdpValue]]:
    """The `(name, type, value)` triples `write_rdp` writes, in order."""
    policy = target.policy
    entries: list[tuple[str, str, RdpValue]] = [
        ("full address", "s", target.address),
    ]
    if target.account is not None:
        entries.append(("username", "s", target.account))
    entries.append(("prompt for credentials", "i", _flag(prompt_credentials)))
    if macos:
        # Windows App asks on the client, before connecting, rather than at the server.
        entries.append(("prompt for credentials on client", "i", 1))
    entries += [
        ("promptcredentialonce", "i", 1),
        ("enablecredsspsupport", "i", 1),
        ("redirectclipboard", "i", _flag(policy.redirect_clipboard)),
        # 2 warns on an unverified server, 1 refuses; 0 (connect silently) is never written.
        ("authentication level", "i", 1 if policy.strict else 2),
        ("screen mode id", "i", 2 if policy.screen == "fullscreen" else 1),
        ("use multimon", "i", _flag(policy.multimon)),
    ]
    if policy.width is not None:
        entries.append(("desktopwidth", "i", policy.width))
    if policy.height is not None:
        entries.append(("desktopheight", "i", policy.height))
    entries += [
        ("dynamic resolution", "i", 1),
        ("administrative session", "i", _flag(policy.admin_session)),
        # All drives is an exfiltration path: only a per-client policy flag turns it on.
        ("drivestoredirect", "s", "*" if policy.redirect_drives else ""),
        ("devicestoredirect", "s", ""),
        ("usbdevicestoredirect", "s", ""),
        ("camerastoredirect", "s", ""),
        ("redirectprinters", "i", 0),
        ("redirectsmartcards", "i", 0),
        ("redirectcomports", "i", 0),
        ("audiocapturemode", "i", 0),
    ]
    gateway = target.gateway
    if gateway is not None:
        entries += [
            ("gatewayhostname", "s", _bracketed(gateway.host, gateway.port)),
            # 1: always through the gateway (2 would try direct first, bypassing it).
            ("gatewayusagemethod", "i", 1),
            ("gatewayprofileusagemethod", "i", 1),
            # 4: let the client choose (password, smart card or the logged-on user) later.
            ("gatewaycredentialssource", "i", 4),
        ]
    return entries


def write_rdp(target: Target, *, prompt_credentials: bool, macos: bool = False) -> str:
    """The `.rdp` text for `target`, lines joined by `\\n` (`encode_rdp` makes it CRLF).

    `prompt_credentials` is False only when a TERMSRV credential was pre-seeded (mstsc).
    `macos` adds the client-side prompt Windows App uses. Raises `RdpValueError` (a
    `ValueError`) when any value holds CR, LF or NUL.
    """
    lines = []
    for name, kind, value in rdp_entries(
        target, prompt_credentials=prompt_credentials, macos=macos
    ):
        text = check_line_value(name, str(value))
        lines.append(f"{name}:{kind}:{text}")
    return "\n".join(lines) + "\n"


def encode_rdp(text: str) -> bytes:
    """UTF-16LE with a BOM and CRLF line ends, as mstsc writes them."""
    normalised = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return (_BOM + normalised).encode("utf-16-le")


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix(_BOM)
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le")
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be")
    return data.decode("utf-8-sig")


def parse_rdp(data: bytes | str) -> dict[str, tuple[str, RdpValue]]:
    """`{name: (type, value)}` from `.rdp` bytes or text; `i` values become `int`.

    Strict, because it exists to check what the writer produced: a malformed line, an unknown
    type or a repeated key raises `ValueError`.
    """
    result: dict[str, tuple[str, RdpValue]] = {}
    for number, line in enumerate(_decode(data).splitlines(), start=1):
        if not line:
            continue
        parts = line.split(":", 2)
        if len(parts) != 3 or parts[1] not in ("s", "i", "b"):
            raise ValueError(f"line {number}: not name:type:value")
        name, kind, raw = parts
        if name in result:
            raise ValueError(f"line {number}: repeated key {name!r}")
        value: RdpValue = int(raw) if kind == "i" else raw
        result[name] = (kind, value)
    return result
