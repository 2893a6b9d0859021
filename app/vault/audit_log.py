"""Writing and verifying the vault audit log in the database (vault.md §9).

One writer at a time keeps the chain linear: PostgreSQL takes a transaction-level advisory lock
before reading the last row; SQLite writers already hold the database lock from BEGIN IMMEDIATE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Final

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db import Database
from app.models import VaultAudit
from app.vault.audit import GENESIS, ChainReport, row_hash, verify_chain

#: Arbitrary constant naming the audit writer's advisory lock.
_AUDIT_LOCK: Final = 0x48445641  # "HDVA"
_COLUMNS: Final = (
    "at",
    "technician_id",
    "device_id",
    "action",
    "outcome",
    "client_id",
    "vault_id",
    "item_id",
    "field",
    "ticket_id",
    "session_id",
    "reason",
)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One action to record. Never holds a secret: names and ids only."""

    action: str
    technician_id: int | None
    outcome: str = "ok"
    client_id: int | None = None
    vault_id: int | None = None
    item_id: str | None = None
    field: str | None = None
    ticket_id: int | None = None
    session_id: str | None = None
    device_id: str | None = None
    reason: str = ""


def append(s: Session, entry: AuditEntry, at: dt.datetime) -> VaultAudit:
    """Add `entry` to the chain inside the caller's write transaction (flushed, not committed)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _AUDIT_LOCK})
    last = s.execute(select(VaultAudit.row_hash).order_by(VaultAudit.id.desc()).limit(1)).first()
    prev = bytes(last[0]) if last is not None else GENESIS
    # The hash covers the instant as the database will give it back: whole microseconds, UTC.
    values: dict[str, object] = {f.name: getattr(entry, f.name) for f in fields(entry)}
    values["at"] = at.astimezone(dt.UTC)
    values["prev_hash"] = prev
    row = VaultAudit(**values, row_hash=row_hash(prev, values))
    s.add(row)
    s.flush()
    return row


def verify(db: Database, anchor: tuple[int, bytes] | None = None) -> ChainReport:
    """Recompute the whole chain in id order (streamed, so a long log does not fill memory)."""
    with db.read() as s:
        return verify_chain(_rows(s), anchor)


def _rows(s: Session) -> Iterator[dict[str, object]]:
    stmt = select(VaultAudit).order_by(VaultAudit.id).execution_options(yield_per=1000)
    for r in s.scalars(stmt):
        row: dict[str, object] = {c: getattr(r, c) for c in _COLUMNS}
        row.update(id=r.id, prev_hash=bytes(r.prev_hash), row_hash=bytes(r.row_hash))
        yield row
