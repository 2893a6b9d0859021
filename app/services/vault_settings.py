"""Vault-wide settings an admin may change, and this workstation's audit anchor (vault.md §9, §11).

`clipboard_seconds` (10–120, default 30) and `idle_lock_minutes` (1–240, default 15) live in the
single `vault_settings` row; changing them is admin-only and audited (`settings_update`, in the
same transaction). The anchor is the (id, row_hash) of the last audit row the signed-in
technician wrote: the GUI keeps it in local settings per database identity, and passes it to
`VaultService.verify_audit_chain` so a chain recomputed by a database writer still fails. Qt-free;
every method is one unit of work and may run on any worker thread.
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from sqlalchemy import select

from app.db import Database
from app.models import Technician, VaultAudit, VaultSettings
from app.models.enums import Role
from app.services.errors import PermissionDeniedError, ValidationError
from app.vault.audit_log import AuditEntry, append
from app.vault.keycache import IDLE_MINUTES_RANGE

if TYPE_CHECKING:
    from app.vault.service import VaultService

#: vault.md §11: the clipboard is cleared after 10–120 s.
CLIPBOARD_SECONDS_RANGE: Final = range(10, 121)
#: vault.md §7.2: the vault locks after 1–240 idle minutes.
IDLE_LOCK_MINUTES_RANGE: Final = IDLE_MINUTES_RANGE
DEFAULT_CLIPBOARD_SECONDS: Final = 30
DEFAULT_IDLE_LOCK_MINUTES: Final = 15
#: The audit action recording a settings change (added to the vault.md §9 list).
SETTINGS_ACTION: Final = "settings_update"


@dataclass(frozen=True, slots=True)
class VaultPolicy:
    """The vault-wide settings the GUI applies, and the database's identity."""

    #: Names this database (keychain items, local audit anchors).
    database_uuid: str
    clipboard_seconds: int
    idle_lock_minutes: int


@dataclass(frozen=True, slots=True)
class AuditAnchor:
    """An audit row this workstation wrote: its id and stored hash."""

    row_id: int
    row_hash: bytes

    def as_tuple(self) -> tuple[int, bytes]:
        """The form `VaultService.verify_audit_chain(anchor=...)` takes."""
        return (self.row_id, self.row_hash)


@dataclass(frozen=True, slots=True)
class AnchorUpdate:
    """What `advance_anchor` decided: the anchor to keep, and whether the old one still held."""

    anchor: AuditAnchor | None
    #: False: the previous anchor row is gone or has another hash, so it was kept as evidence
    #: instead of moving on. None: there was no previous anchor.
    previous_intact: bool | None


class VaultSettingsService:
    """Reads and changes `vault_settings` for one signed-in technician; any thread."""

    def __init__(self, db: Database, technician_id: int, now: Callable[[], dt.datetime]) -> None:
        self.db = db
        self.technician_id = technician_id
        self.clock = now

    @classmethod
    def of(cls, service: VaultService) -> VaultSettingsService:
        """The settings service for the same database, technician and clock as `service`.

        `VaultService` exposes none of them publicly; `app/vault/devices.py` reads the same
        attributes.
        """
        return cls(service.db, service.technician_id, service.clock)

    def policy(self) -> VaultPolicy | None:
        """The current settings; None before the vault is set up."""
        with self.db.read() as s:
            row = s.get(VaultSettings, 1)
            if row is None:
                return None
            return VaultPolicy(row.database_uuid, row.clipboard_seconds, row.idle_lock_minutes)

    def update(self, clipboard_seconds: int, idle_lock_minutes: int) -> VaultPolicy:
        """Admins only: store both values after checking their ranges; audited.

        Raises `ValidationError` with problems `clipboard_seconds`/`idle_lock_minutes` =
        "out_of_range", and `PermissionDeniedError` for anyone but an active admin.
        """
        problems: dict[str, str] = {}
        if not _in(clipboard_seconds, CLIPBOARD_SECONDS_RANGE):
            problems["clipboard_seconds"] = "out_of_range"
        if not _in(idle_lock_minutes, IDLE_LOCK_MINUTES_RANGE):
            problems["idle_lock_minutes"] = "out_of_range"
        if problems:
            raise ValidationError(problems)
        now = self.clock()
        with self.db.write() as s:
            me = s.get(Technician, self.technician_id)
            if me is None or not me.active or me.role is not Role.ADMIN:
                raise PermissionDeniedError("vault_settings")
            row = s.get(VaultSettings, 1)
            if row is None:
                raise ValidationError({"vault": "not_set_up"})
            changes = []
            if row.clipboard_seconds != clipboard_seconds:
                changes.append(f"clipboard_seconds {row.clipboard_seconds}->{clipboard_seconds}")
            if row.idle_lock_minutes != idle_lock_minutes:
                changes.append(f"idle_lock_minutes {row.idle_lock_minutes}->{idle_lock_minutes}")
            row.clipboard_seconds = clipboard_seconds
            row.idle_lock_minutes = idle_lock_minutes
            if changes:
                append(
                    s,
                    AuditEntry(SETTINGS_ACTION, self.technician_id, reason="; ".join(changes)),
                    now,
                )
            return VaultPolicy(row.database_uuid, clipboard_seconds, idle_lock_minutes)

    def last_written(self) -> AuditAnchor | None:
        """The last audit row the signed-in technician wrote, or None."""
        with self.db.read() as s:
            row = s.execute(
                select(VaultAudit.id, VaultAudit.row_hash)
                .where(VaultAudit.technician_id == self.technician_id)
                .order_by(VaultAudit.id.desc())
                .limit(1)
            ).first()
            return None if row is None else AuditAnchor(row[0], bytes(row[1]))

    def advance_anchor(self, previous: AuditAnchor | None) -> AnchorUpdate:
        """The anchor to remember after this workstation wrote audit rows.

        Moves to the technician's last row only while `previous` is still in the log unchanged:
        otherwise the log was rewritten, and the old anchor is kept so verification reports it
        (moving on would hide the rewrite). Never moves backwards.
        """
        if previous is not None:
            with self.db.read() as s:
                stored = s.scalar(
                    select(VaultAudit.row_hash).where(VaultAudit.id == previous.row_id)
                )
            if stored is None or not hmac.compare_digest(bytes(stored), previous.row_hash):
                return AnchorUpdate(previous, previous_intact=False)
        latest = self.last_written()
        if latest is None or (previous is not None and latest.row_id <= previous.row_id):
            return AnchorUpdate(previous, previous_intact=None if previous is None else True)
        return AnchorUpdate(latest, previous_intact=None if previous is None else True)


def _in(value: int, allowed: range) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in allowed
