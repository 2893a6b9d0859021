"""WS-Man wire formats for the fake server in `tests.fakes.wsman`.

SOAP: the namespaces and action URIs the fake dispatches on, and builders for the replies a
Windows host sends (Create, Command, Receive, Signal, Delete, Identify, faults). Encryption:
the `multipart/encrypted` framing of NTLM-sealed bodies over plain HTTP ([MS-WSMV] 2.2.9.1.1).
"""

from __future__ import annotations

import base64
import re
import struct
import uuid
from typing import Final
from xml.sax.saxutils import escape

import spnego

NS: Final = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "a": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "w": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
    "rsp": "http://schemas.microsoft.com/wbem/wsman/1/windows/shell",
    "wsmid": "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd",
}
_TRANSFER: Final = "http://schemas.xmlsoap.org/ws/2004/09/transfer/"
_SHELL: Final = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/"
ACTION_CREATE, ACTION_DELETE = _TRANSFER + "Create", _TRANSFER + "Delete"
ACTION_COMMAND, ACTION_RECEIVE = _SHELL + "Command", _SHELL + "Receive"
ACTION_SIGNAL, SIGNAL_TERMINATE = _SHELL + "Signal", _SHELL + "signal/terminate"
STATE_DONE, STATE_RUNNING = _SHELL + "CommandState/Done", _SHELL + "CommandState/Running"
FAULT_TIMEOUT: Final = 2150858793
FAULT_NO_SHELL: Final = 2150858843
FAULT_UNKNOWN_ACTION: Final = 2150858817
PRODUCT_VERSION: Final = "OS: 10.0.20348 SP: 0.0 Stack: 3.0"
SOAP_CONTENT_TYPE: Final = "application/soap+xml;charset=UTF-8"
_BOUNDARY: Final = b"--Encrypted Boundary"
_SPNEGO_PROTOCOL: Final = "application/HTTP-SPNEGO-session-encrypted"
ENCRYPTED_CONTENT_TYPE: Final = (
    f'multipart/encrypted;protocol="{_SPNEGO_PROTOCOL}";boundary="Encrypted Boundary"'
)


# --- SOAP ----------------------------------------------------------------------------------------


def operation_seconds(duration: str) -> float:
    """`w:OperationTimeout` (`PT<n>S`) in seconds; 60 when absent or unparsable."""
    match = re.fullmatch(r"PT(\d+(?:\.\d+)?)S", duration.strip())
    return float(match.group(1)) if match else 60.0


def envelope(relates_to: str, action: str, body: str) -> bytes:
    """A reply envelope for the request whose MessageID is `relates_to`."""
    return (
        f'<s:Envelope xml:lang="en-US" xmlns:s="{NS["s"]}" xmlns:a="{NS["a"]}" '
        'xmlns:x="http://schemas.xmlsoap.org/ws/2004/09/transfer" '
        f'xmlns:w="{NS["w"]}" xmlns:rsp="{NS["rsp"]}">'
        f"<s:Header><a:Action>{action}</a:Action>"
        f"<a:MessageID>uuid:{uuid.uuid4()}</a:MessageID>"
        "<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>"
        f"<a:RelatesTo>{escape(relates_to)}</a:RelatesTo></s:Header>"
        f"<s:Body>{body}</s:Body></s:Envelope>"
    ).encode()


def fault(relates_to: str, code: int, subcode: str, reason: str) -> bytes:
    """A SOAP fault carrying a `WSManFault` with the numeric `code` (sent with HTTP 500)."""
    return envelope(
        relates_to,
        "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault",
        "<s:Fault><s:Code><s:Value>s:Receiver</s:Value>"
        f"<s:Subcode><s:Value>{subcode}</s:Value></s:Subcode></s:Code>"
        f'<s:Reason><s:Text xml:lang="en-US">{escape(reason)}</s:Text></s:Reason>'
        '<s:Detail><f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" '
        f'Code="{code}" Machine="127.0.0.1"><f:Message>{escape(reason)}</f:Message>'
        "</f:WSManFault></s:Detail></s:Fault>",
    )


def timeout_fault(relates_to: str) -> bytes:
    """The fault a Receive gets when nothing happened within the OperationTimeout."""
    return fault(
        relates_to,
        FAULT_TIMEOUT,
        "w:TimedOut",
        "The WS-Management service cannot complete the operation within the time "
        "specified in OperationTimeout.",
    )


def create_response(relates_to: str, shell_id: str) -> bytes:
    created = (
        "<x:ResourceCreated><a:Address>http://127.0.0.1/wsman</a:Address>"
        "<a:ReferenceParameters><w:ResourceURI>"
        "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd</w:ResourceURI>"
        f'<w:SelectorSet><w:Selector Name="ShellId">{shell_id}</w:Selector></w:SelectorSet>'
        "</a:ReferenceParameters></x:ResourceCreated>"
        f"<rsp:Shell><rsp:ShellId>{shell_id}</rsp:ShellId></rsp:Shell>"
    )
    return envelope(relates_to, ACTION_CREATE + "Response", created)


def command_response(relates_to: str, command_id: str) -> bytes:
    return envelope(
        relates_to,
        ACTION_COMMAND + "Response",
        f"<rsp:CommandResponse><rsp:CommandId>{command_id}</rsp:CommandId></rsp:CommandResponse>",
    )


def receive_response(
    relates_to: str, command_id: str, stdout: bytes, stderr: bytes, exit_code: int | None
) -> bytes:
    """One Receive reply with the given output; `exit_code` None means still running."""
    streams = "".join(
        f'<rsp:Stream Name="{name}" CommandId="{command_id}">'
        f"{base64.b64encode(data).decode()}</rsp:Stream>"
        for name, data in (("stdout", stdout), ("stderr", stderr))
        if data
    )
    if exit_code is None:
        state = f'<rsp:CommandState CommandId="{command_id}" State="{STATE_RUNNING}"/>'
    else:
        state = (
            f'<rsp:CommandState CommandId="{command_id}" State="{STATE_DONE}">'
            f"<rsp:ExitCode>{exit_code}</rsp:ExitCode></rsp:CommandState>"
        )
    return envelope(
        relates_to,
        ACTION_RECEIVE + "Response",
        f"<rsp:ReceiveResponse>{streams}{state}</rsp:ReceiveResponse>",
    )


def signal_response(relates_to: str) -> bytes:
    return envelope(relates_to, ACTION_SIGNAL + "Response", "<rsp:SignalResponse/>")


def delete_response(relates_to: str) -> bytes:
    return envelope(relates_to, ACTION_DELETE + "Response", "")


def identify_response() -> bytes:
    """The answer to an unauthenticated Identify (`PRODUCT_VERSION` is Windows Server 2022)."""
    return (
        f'<s:Envelope xmlns:s="{NS["s"]}" xmlns:wsmid="{NS["wsmid"]}"><s:Header/><s:Body>'
        "<wsmid:IdentifyResponse><wsmid:ProtocolVersion>"
        "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd</wsmid:ProtocolVersion>"
        "<wsmid:ProductVendor>Microsoft Corporation</wsmid:ProductVendor>"
        f"<wsmid:ProductVersion>{PRODUCT_VERSION}</wsmid:ProductVersion>"
        "<wsmid:SecurityProfiles><wsmid:SecurityProfileName>"
        "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos"
        "</wsmid:SecurityProfileName></wsmid:SecurityProfiles>"
        "</wsmid:IdentifyResponse></s:Body></s:Envelope>"
    ).encode()


# --- NTLM message encryption ---------------------------------------------------------------------


def unwrap(context: spnego.ContextProxy, body: bytes) -> bytes:
    """The SOAP text inside pywinrm's `multipart/encrypted` framing ([MS-WSMV] 2.2.9.1.1)."""
    parts = [part for part in body.split(_BOUNDARY + b"\r\n") if part]
    header, payload = parts[0], parts[1]
    expected = int(header.split(b"Length=")[1].strip())
    payload = payload.removesuffix(_BOUNDARY + b"--\r\n")
    payload = payload.removeprefix(b"\tContent-Type: application/octet-stream\r\n")
    (sig_len,) = struct.unpack("<I", payload[:4])
    signature, sealed = payload[4 : 4 + sig_len], payload[4 + sig_len :]
    message = context.unwrap(signature + sealed).data
    if len(message) != expected:
        raise ValueError("encrypted length mismatch")
    return message


def wrap(context: spnego.ContextProxy, message: bytes) -> bytes:
    """`message` sealed and framed as a host's reply (send with `ENCRYPTED_CONTENT_TYPE`)."""
    wrapped = context.wrap(message, encrypt=True).data
    signature, sealed = wrapped[:16], wrapped[16:]
    return (
        _BOUNDARY + b"\r\n"
        b"\tContent-Type: " + _SPNEGO_PROTOCOL.encode() + b"\r\n"
        b"\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length="
        + str(len(message)).encode()
        + b"\r\n"
        + _BOUNDARY
        + b"\r\n"
        b"\tContent-Type: application/octet-stream\r\n"
        + struct.pack("<I", len(signature))
        + signature
        + sealed
        + _BOUNDARY
        + b"--\r\n"
    )
