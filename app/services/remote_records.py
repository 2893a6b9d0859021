"""Remote-access records: written from the data-capture form, listed for Connect, turned into
launchable `Target`s only after their record MAC verifies (remote.md §1, vault.md §8.5).

The form's remote section is what technicians edit; saving it upserts one `RemoteAccessRecord`
per RDP, SSH and WinRM row (same id as the row's key). An edit that changes where or with what a
record connects clears its MAC, and a changed host or port also drops its pins (they belonged to
the old server). VPN and client-tool rows stay instructions: they are listed, never launched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import OnboardingSection, RemoteAccessRecord, Technician, VaultItem
from app.remote.target import DEFAULT_PORTS, Gateway, LaunchPolicy, Protocol, Target, TargetError
from app.services.onboarding_spec import ROW_KEY

#: Form tables that become launchable records.
LAUNCHABLE: Final = ("rdp", "ssh", "winrm")


@dataclass(frozen=True, slots=True)
class RecordView:
    """A record as Connect lists it: nothing decrypted, the credential by its label only."""

    record_id: str
    client_id: int
    protocol: str
    host: str
    port: int
    gateway: str
    credential_label: str
    #: The record verified or was signed by the app at least once (False: needs a confirmation).
    signed: bool
    pinned: bool
    last_verified: str
    #: The pinned certificate (RDP, WinRM HTTPS), compared before launches that cannot pin.
    cert_sha256: str = ""
    #: What the launch policy changes from the defaults ("drives redirected, full screen").
    options: str = ""

    @property
    def title(self) -> str:
        name = {"rdp": "RDP", "ssh": "SSH", "winrm": "WinRM", "winrm-https": "WinRM (HTTPS)"}
        default = DEFAULT_PORTS.get(self.protocol)
        where = self.host if self.port == default else f"{self.host}:{self.port}"
        return f"{name.get(self.protocol, self.protocol)} — {where}"


def sync(
    s: Session,
    client_id: int,
    data: dict[str, Any],
    actor_id: int | None,
    now: dt.datetime,
) -> None:
    """Upsert the client's records from the saved remote section (in its save transaction)."""
    existing = {
        r.id: r
        for r in s.scalars(
            select(RemoteAccessRecord).where(RemoteAccessRecord.client_id == client_id)
        )
    }
    seen: set[str] = set()
    for kind in LAUNCHABLE:
        for row in data.get(kind, []):
            key = str(row[ROW_KEY])
            seen.add(key)
            fields = _fields(kind, row)
            record = existing.get(key)
            if record is None:
                s.add(
                    RemoteAccessRecord(
                        id=key,
                        client_id=client_id,
                        changed_at=now,
                        changed_by_id=actor_id,
                        last_verify_detail={},
                        **fields,
                    )
                )
                continue
            before = record.mac_fields()
            moved = (record.host, record.port, record.protocol) != (
                fields["host"],
                fields["port"],
                fields["protocol"],
            )
            for name, value in fields.items():
                setattr(record, name, value)
            if moved:
                # Pins name the old server's key or certificate: they must be taken again.
                record.ssh_host_key = record.cert_sha256 = record.cert_pem = ""
                record.last_verified_at = None
                record.last_verify_outcome = record.last_verify_summary = ""
            if record.mac_fields() != before:
                record.record_mac = None
                record.mac_key_version = None
                record.changed_at = now
                record.changed_by_id = actor_id
    gone = set(existing) - seen
    if gone:
        s.execute(delete(RemoteAccessRecord).where(RemoteAccessRecord.id.in_(gone)))


def _fields(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    protocol = kind
    transport = ""
    if kind == "winrm":
        protocol = "winrm-https" if row.get("transport") == "https" else "winrm"
        transport = str(row.get("auth") or "ntlm")
    port = row.get("port") or DEFAULT_PORTS[protocol]
    return {
        "protocol": protocol,
        "host": str(row.get("host") or ""),
        "port": int(port),
        "gateway_host": str(row.get("gateway") or "") if kind == "rdp" else "",
        "item_id": row.get("credential") or None,
        "winrm_transport": transport,
        "ssh_auth": str(row.get("auth") or "") if kind == "ssh" else "",
        "policy": _form_policy(row) if kind == "rdp" else {},
    }


def _form_policy(row: dict[str, Any]) -> dict[str, Any]:
    """The launch options an RDP row sets; only those differing from the safe defaults."""
    policy: dict[str, Any] = {}
    if row.get("screen") == "fullscreen":
        policy["screen"] = "fullscreen"
    if row.get("drives") == "yes":
        policy["redirect_drives"] = True
    if row.get("admin") == "yes":
        policy["admin_session"] = True
    return policy


def form_policy(s: Session, record: RemoteAccessRecord) -> dict[str, Any]:
    """The launch policy the saved form gives this record ({} when its row is gone)."""
    data = _remote_section(s, record.client_id)
    for kind in LAUNCHABLE:
        for row in data.get(kind, []):
            if str(row[ROW_KEY]) == record.id:
                return dict(_fields(kind, row)["policy"])
    return {}


def _remote_section(s: Session, client_id: int) -> dict[str, Any]:
    data = s.scalar(
        select(OnboardingSection.data).where(
            OnboardingSection.client_id == client_id, OnboardingSection.section == "remote"
        )
    )
    return data or {}


def options_text(policy: dict[str, Any]) -> str:
    """What a record's policy changes from the defaults, for menus and confirmations."""
    parts = []
    if policy.get("redirect_drives"):
        parts.append("drives redirected")
    if policy.get("screen") == "fullscreen":
        parts.append("full screen")
    if policy.get("admin_session"):
        parts.append("admin session")
    return ", ".join(parts)


def _views(s: Session, where: Any) -> list[RecordView]:
    rows = s.execute(
        select(RemoteAccessRecord, VaultItem.label, Technician.name)
        .outerjoin(VaultItem, VaultItem.id == RemoteAccessRecord.item_id)
        .outerjoin(Technician, Technician.id == RemoteAccessRecord.last_verified_by_id)
        .where(where)
    ).all()
    return [
        RecordView(
            record_id=r.id,
            client_id=r.client_id,
            protocol=r.protocol,
            host=r.host,
            port=r.port,
            gateway=r.gateway_host,
            credential_label=label or "",
            signed=r.record_mac is not None,
            pinned=bool(r.ssh_host_key or r.cert_sha256),
            last_verified=verified_line(r, who),
            cert_sha256=r.cert_sha256,
            options=options_text(r.policy or {}),
        )
        for r, label, who in rows
    ]


def records(s: Session, client_id: int) -> list[RecordView]:
    """The client's launchable records, RDP first, for Connect menus (not verified: lists)."""
    order = {"rdp": 0, "ssh": 1, "winrm": 2, "winrm-https": 2}
    out = _views(s, RemoteAccessRecord.client_id == client_id)
    return sorted(out, key=lambda v: (order.get(v.protocol, 9), v.host, v.port))


def view_of(s: Session, record: RemoteAccessRecord) -> RecordView:
    """One record's view, read in the caller's transaction (after its MAC verified there)."""
    [view] = _views(s, RemoteAccessRecord.id == record.id)
    return view


def verified_line(record: RemoteAccessRecord, who: str | None) -> str:
    """ "Last verified 23 Nov 2026 14:05 UTC by Alice: OK — …" (remote.md §8), or "Never tested"."""
    if record.last_verified_at is None:
        return "Never tested"
    when = record.last_verified_at.strftime("%d %b %Y %H:%M UTC")
    outcome = record.last_verify_outcome.upper() if record.last_verify_outcome else "?"
    summary = f" — {record.last_verify_summary}" if record.last_verify_summary else ""
    return f"Last verified {when} by {who or 'someone'}: {outcome}{summary}"


def _policy(stored: dict[str, Any] | None) -> LaunchPolicy:
    try:
        return LaunchPolicy(**(stored or {}))
    except TypeError:
        raise TargetError("policy", "invalid_policy") from None


def build_target(record: RemoteAccessRecord, account: str | None) -> Target:
    """`Target.build` of remote.md §1: only call after the record MAC verified.

    Raises `TargetError` naming the field when a stored value (or the account from the vault) is
    not acceptable; nothing is "cleaned up".
    """
    protocol: Protocol = record.protocol  # type: ignore[assignment]
    if record.winrm_transport == "credssp":
        raise TargetError("winrm_transport", "credssp_unsupported")
    gateway = Gateway(record.gateway_host, record.gateway_port) if record.gateway_host else None
    target = Target(
        protocol,
        record.host,
        record.port,
        cert_sha256=record.cert_sha256 or None,
        record_id=record.id,
        gateway=gateway,
        ssh_host_key=record.ssh_host_key or None,
        cert_pem=record.cert_pem or None,
        winrm_transport=(record.winrm_transport or "ntlm"),  # type: ignore[arg-type]
        policy=_policy(record.policy),
        client_id=record.client_id,
        item_id=record.item_id,
    )
    return target.with_account(account)


@dataclass(frozen=True, slots=True)
class Instruction:
    """A way in that the app does not launch (VPN, a client-provided tool): shown as text."""

    kind: str
    title: str
    text: str
    credential_label: str


@dataclass(frozen=True, slots=True)
class ConnectOptions:
    client_id: int
    records: tuple[RecordView, ...]
    instructions: tuple[Instruction, ...]


def connect_options(s: Session, client_id: int) -> ConnectOptions:
    """What a ticket's Connect menu lists: launchable records, then VPN and tool instructions."""
    data = _remote_section(s, client_id)
    labels = dict(
        s.execute(
            select(VaultItem.id, VaultItem.label).where(
                VaultItem.id.in_(
                    [str(r["credential"]) for r in data.get("vpn", []) if r.get("credential")]
                )
            )
        ).all()
    )
    notes = [
        Instruction(
            "vpn",
            f"VPN ({row.get('type') or 'other'}) — {row.get('endpoint') or ''}",
            str(row.get("instructions") or ""),
            labels.get(str(row.get("credential") or ""), ""),
        )
        for row in data.get("vpn", [])
    ] + [
        Instruction(
            "tool",
            str(row.get("name") or "")
            + (f" — {row['identifier']}" if row.get("identifier") else ""),
            str(row.get("instructions") or ""),
            "",
        )
        for row in data.get("tools", [])
    ]
    return ConnectOptions(client_id, tuple(records(s, client_id)), tuple(notes))
