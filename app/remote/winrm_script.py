"""PowerShell text for the WinRM console (remote.md §6): how a script becomes a command line,
how PowerShell's CLIXML error stream becomes text, and the canned diagnostics.

Everything here is pure string work, so it is tested without a server; `winrm.py` sends it.
Output from the remote host is untrusted: `parse_diagnostics` checks sizes and types before
anything reaches a ticket.
"""

from __future__ import annotations

import base64
import json
import math
import re
import unicodedata
import xml.etree.ElementTree as ET
from typing import Final

#: Makes PowerShell write UTF-8, matching the shell's code page 65001 (otherwise it uses the
#: OEM code page and Polish or Cyrillic text arrives as `?`).
UTF8_PREFIX: Final = "[Console]::OutputEncoding=[Text.Encoding]::UTF8;"
#: Fixed switches before the encoded script; `-NonInteractive` makes a prompt fail instead of
#: waiting forever for input nobody can send.
POWERSHELL_ARGS: Final = ("-NoProfile", "-NonInteractive", "-EncodedCommand")
#: Runs the script held in the shell's environment (scripts too long for a command line).
ENV_LOADER: Final = ". ([ScriptBlock]::Create($Env:HD_SCRIPT))"
ENV_VARIABLE: Final = "HD_SCRIPT"
#: A command line is at most 8191 characters and Base64 of UTF-16 grows 2.67x, so about
#: 2.5 KB of script fits (pywinrm #184, #87). Measured in UTF-16 bytes, as it is sent.
MAX_INLINE_UTF16_BYTES: Final = 5000
#: The largest script sent through the environment: a Windows variable holds 32767 characters,
#: and the whole Create envelope must stay under MaxEnvelopeSize (150 KB by default).
MAX_ENV_SCRIPT_CHARS: Final = 32000

_CLIXML_HEADER: Final = b"#< CLIXML"
_CLIXML_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")
_XML_NAMESPACE: Final = re.compile(r"\sxmlns(?::\w+)?=\"[^\"]*\"")
#: Characters XML 1.0 cannot carry: the script travels inside the SOAP envelope.
_XML_FORBIDDEN: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def encode_command(script: str) -> str:
    """The `-EncodedCommand` argument: Base64 of the UTF-16LE script."""
    return base64.b64encode(script.encode("utf-16-le")).decode("ascii")


def powershell_args(script: str) -> list[str]:
    """The arguments after `powershell` for `script`, with the UTF-8 output prefix added."""
    return [*POWERSHELL_ARGS, encode_command(UTF8_PREFIX + script)]


def fits_command_line(script: str) -> bool:
    """Whether `script` (plus the prefix) can go inline rather than through `HD_SCRIPT`."""
    return len((UTF8_PREFIX + script).encode("utf-16-le")) <= MAX_INLINE_UTF16_BYTES


def env_script(script: str) -> str:
    """The `HD_SCRIPT` value for a long script; ValueError if it cannot travel that way."""
    if len(script) > MAX_ENV_SCRIPT_CHARS:
        raise ValueError(f"script longer than {MAX_ENV_SCRIPT_CHARS} characters")
    if _XML_FORBIDDEN.search(script):
        raise ValueError("script contains control characters")
    return script


def clean_clixml(data: bytes) -> str:
    """stderr as text: PowerShell's `#< CLIXML` error records reduced to their messages.

    Same result as pywinrm's `Session._clean_error_msg` (the `S` string nodes of each `Objs`
    block, `_x000D__x000A_` as a new line), but every `_xHHHH_` escape is decoded and several
    `Objs` blocks (progress records come first) are read. Anything that is not CLIXML, or does
    not parse, is returned as decoded text unchanged.
    """
    if not data.startswith(_CLIXML_HEADER):
        return data.decode("utf-8", errors="replace")
    body = data[len(_CLIXML_HEADER) :].decode("utf-8", errors="replace")
    body = _XML_NAMESPACE.sub("", body)
    parts: list[str] = []
    try:
        for block in re.findall(r"<Objs\b.*?</Objs>", body, flags=re.DOTALL):
            # ElementTree never fetches external entities; expat caps entity expansion.
            root = ET.fromstring(block)
            parts.extend(node.text for node in root.findall("./S") if node.text)
    except ET.ParseError:
        return data.decode("utf-8", errors="replace")
    text = _CLIXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), "".join(parts))
    text = text.replace("\r\n", "\n").strip()
    return text or data.decode("utf-8", errors="replace")


# --- diagnostics -------------------------------------------------------------------------------

#: Read-only checks offered in the console, by name (each a short script).
DIAGNOSTICS: Final[dict[str, str]] = {
    "uptime": (
        "$os=Get-CimInstance Win32_OperatingSystem;$up=(Get-Date)-$os.LastBootUpTime;"
        "'Last boot: '+$os.LastBootUpTime.ToString('u');"
        "'Uptime: {0}d {1}h {2}m' -f $up.Days,$up.Hours,$up.Minutes"
    ),
    "disk_space": (
        "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3'|Format-Table DeviceID,"
        "@{n='Size GB';e={[math]::Round($_.Size/1GB,1)}},"
        "@{n='Free GB';e={[math]::Round($_.FreeSpace/1GB,1)}},"
        "@{n='Free %';e={if($_.Size){[math]::Round(100*$_.FreeSpace/$_.Size)}}} -AutoSize"
        "|Out-String -Width 200"
    ),
    "stopped_services": (
        "Get-CimInstance Win32_Service -Filter \"StartMode='Auto' AND State<>'Running'\""
        "|Sort-Object Name|Format-Table Name,DisplayName,State -AutoSize|Out-String -Width 200"
    ),
    "system_errors": (
        "Get-WinEvent -FilterHashtable @{LogName='System';Level=2} -MaxEvents 20"
        "|Format-Table TimeCreated,ProviderName,Id,Message -AutoSize -Wrap|Out-String -Width 200"
    ),
}

#: "Attach diagnostics": prints one JSON object (see `parse_diagnostics` for its shape). Kept
#: under the inline limit so it never needs `HD_SCRIPT`.
ATTACH_DIAGNOSTICS: Final = (
    "$ErrorActionPreference='SilentlyContinue'\n"
    "$os=Get-CimInstance Win32_OperatingSystem\n"
    "$up=(Get-Date)-$os.LastBootUpTime\n"
    "$d=@(Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3'|ForEach-Object{[ordered]@{"
    "drive=[string]$_.DeviceID;size_gb=[math]::Round($_.Size/1GB,1);"
    "free_gb=[math]::Round($_.FreeSpace/1GB,1)}})\n"
    "$s=@(Get-CimInstance Win32_Service -Filter \"StartMode='Auto' AND State<>'Running'\""
    "|Select-Object -First 200|ForEach-Object{[string]$_.Name})\n"
    "$e=@(Get-WinEvent -FilterHashtable @{LogName='System';Level=2} -MaxEvents 20"
    "|ForEach-Object{$m=[string]$_.Message;if($m.Length -gt 300){$m=$m.Substring(0,300)}"
    "[ordered]@{time=$_.TimeCreated.ToUniversalTime().ToString('o');"
    "source=[string]$_.ProviderName;id=[int]$_.Id;message=$m}})\n"
    "[ordered]@{host=[string]$env:COMPUTERNAME;os=[string]$os.Caption;"
    "version=[string]$os.Version;uptime_hours=[math]::Round($up.TotalHours,1);"
    "disks=$d;stopped_services=$s;system_errors=$e}|ConvertTo-Json -Depth 4 -Compress\n"
)

#: Limits for the untrusted reply: whole text, each string, each list.
MAX_DIAGNOSTICS_BYTES: Final = 256 * 1024
_MAX_SHORT: Final = 256
_MAX_MESSAGE: Final = 1000
_MAX_DISKS: Final = 64
_MAX_SERVICES: Final = 500
_MAX_EVENTS: Final = 20


def _string(value: object, name: str, limit: int = _MAX_SHORT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name}: not a string")
    if len(value) > limit:
        raise ValueError(f"{name}: too long")
    # Terminal escapes and bidi controls from the remote side must not reach a ticket or a
    # text widget as controls.
    return "".join(
        char if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cf") else "\ufffd"
        for char in value.replace("\r\n", "\n")
    )


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name}: not a number")
    number = float(value)
    if not math.isfinite(number) or not -1e12 <= number <= 1e12:
        raise ValueError(f"{name}: out of range")
    return number


def _items(value: object, name: str, limit: int) -> list[object]:
    # ConvertTo-Json writes a one-element array as an array only because the script uses
    # @(); a bare object or null is still accepted as PowerShell 5.1 sometimes emits them.
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(f"{name}: not a list")
    if len(value) > limit:
        raise ValueError(f"{name}: too many entries")
    return value


def _record(value: object, name: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ValueError(f"{name}: not an object")
    return value


def parse_diagnostics(text: str) -> dict[str, object]:
    """The `ATTACH_DIAGNOSTICS` output as a checked dict; ValueError for anything else.

    Shape: `host`, `os`, `version` (str), `uptime_hours` (float), `disks` (list of
    `{drive, size_gb, free_gb}`), `stopped_services` (list of str), `system_errors` (list of
    `{time, source, id, message}`). Unknown keys are dropped, strings lose control characters.
    """
    if not isinstance(text, str) or len(text.encode("utf-8", errors="replace")) > (
        MAX_DIAGNOSTICS_BYTES
    ):
        raise ValueError("diagnostics: too large")
    try:
        data = json.loads(text.lstrip("\ufeff").strip())
    except (json.JSONDecodeError, RecursionError):
        raise ValueError("diagnostics: not JSON") from None
    top = _record(data, "diagnostics")
    disks = []
    for item in _items(top.get("disks"), "disks", _MAX_DISKS):
        disk = _record(item, "disk")
        disks.append(
            {
                "drive": _string(disk.get("drive"), "drive", 16),
                "size_gb": _number(disk.get("size_gb", 0), "size_gb"),
                "free_gb": _number(disk.get("free_gb", 0), "free_gb"),
            }
        )
    events = []
    for item in _items(top.get("system_errors"), "system_errors", _MAX_EVENTS):
        event = _record(item, "event")
        event_id = event.get("id")
        if isinstance(event_id, bool) or not isinstance(event_id, int):
            raise ValueError("id: not an integer")
        events.append(
            {
                "time": _string(event.get("time"), "time", 64),
                "source": _string(event.get("source"), "source"),
                "id": event_id,
                "message": _string(event.get("message"), "message", _MAX_MESSAGE),
            }
        )
    return {
        "host": _string(top.get("host"), "host"),
        "os": _string(top.get("os"), "os"),
        "version": _string(top.get("version"), "version"),
        "uptime_hours": _number(top.get("uptime_hours"), "uptime_hours"),
        "disks": disks,
        "stopped_services": [
            _string(name, "service")
            for name in _items(top.get("stopped_services"), "stopped_services", _MAX_SERVICES)
        ],
        "system_errors": events,
    }
