"""Remote access: the records a technician connects with, and the log of sessions launched.

A `RemoteAccessRecord` is written from the data-capture form's remote section (its id is the
form row's stable key). The fields that say *where* to connect and *with what* are bound by
`record_mac` (vault.md §8.5): HMAC under a key derived from the client's vault key, so a row
redirected by someone with database access is refused at launch. `record_mac` is NULL after an
edit made without the vault unlocked; the next launch shows the target for confirmation and signs
it. The `last_verify_*` fields are not MAC-bound: anyone may probe.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class RemoteAccessRecord(Base):
    __tablename__ = "remote_access_record"
    __table_args__ = (Index(None, "client_id", "protocol"),)

    #: The stable key of the method's row in the remote section.
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    #: rdp, ssh, winrm or winrm-https.
    protocol: Mapped[str] = mapped_column(String(16))
    host: Mapped[str] = mapped_column(String(253))
    port: Mapped[int] = mapped_column(Integer)
    domain: Mapped[str] = mapped_column(String(253), default="")
    gateway_host: Mapped[str] = mapped_column(String(253), default="")
    gateway_port: Mapped[int | None] = mapped_column(Integer)
    #: The vault item holding the account (never the account itself).
    item_id: Mapped[str | None] = mapped_column(String(36))
    gateway_item_id: Mapped[str | None] = mapped_column(String(36))
    winrm_transport: Mapped[str] = mapped_column(String(16), default="")
    #: SSH: key (vault private key) or password.
    ssh_auth: Mapped[str] = mapped_column(String(16), default="")
    ssh_host_key: Mapped[str] = mapped_column(Text, default="")
    cert_sha256: Mapped[str] = mapped_column(String(95), default="")
    cert_pem: Mapped[str] = mapped_column(Text, default="")
    policy: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    record_mac: Mapped[bytes | None] = mapped_column(LargeBinary)
    mac_key_version: Mapped[int | None] = mapped_column(Integer)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    last_verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    #: ok, warning or failed.
    last_verify_outcome: Mapped[str] = mapped_column(String(16), default="")
    last_verify_summary: Mapped[str] = mapped_column(String(200), default="")
    last_verify_detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}

    def mac_fields(self) -> dict[str, object]:
        """What `record_mac` binds (vault.md §8.5): where to connect, the pins and the items."""
        return {
            "id": self.id,
            "client_id": self.client_id,
            "protocol": self.protocol,
            "host": self.host,
            "port": self.port,
            "domain": self.domain or "",
            "gateway": [self.gateway_host or "", self.gateway_port],
            "winrm": self.winrm_transport or "",
            "ssh_auth": self.ssh_auth or "",
            "pins": [self.ssh_host_key or "", self.cert_sha256 or "", self.cert_pem or ""],
            "policy": dict(self.policy or {}),
            "items": [self.item_id, self.gateway_item_id],
        }


class RemoteSession(Base):
    """One launched (or blocked) remote session: no user names or passwords, only the item id."""

    __tablename__ = "remote_session"
    __table_args__ = (
        Index(None, "ticket_id", "started_at"),
        Index(None, "client_id", "started_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: NULL for an ad-hoc session from the client page.
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    record_id: Mapped[str | None] = mapped_column(String(36))
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("technician.id"))
    device_id: Mapped[str | None] = mapped_column(String(36))
    #: rdp-mstsc, rdp-macos, rdp-freerdp, ssh-embedded, ssh-system, ssh-putty, winrm-console.
    method: Mapped[str] = mapped_column(String(24))
    target_host: Mapped[str] = mapped_column(String(253))
    target_port: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str | None] = mapped_column(String(36))
    key_version: Mapped[int | None] = mapped_column(Integer)
    audit_id: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    #: blocked, starting, launched, connected, ended, failed or cancelled.
    outcome: Mapped[str] = mapped_column(String(16))
    exit_code: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")
