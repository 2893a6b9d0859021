"""The vault's admin dashboard queries (vault.md §8.6, §8.7, §9): the rotation worklist, bursts
of reveals and vault keys due for their yearly rotation.

Metadata only: nothing here opens a grant or decrypts a field, so the dashboard works while
the vault is locked. Every call checks that the caller is an active administrator. Worklist
rows are never closed by hand: a row closes when its item's password changes
(`VaultService.put_item`), because only a new client password protects what was seen.
Runs on the read lane; each call is one read transaction and returns frozen DTOs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Client, RotationWorklist, Technician, Vault, VaultAudit, VaultItem
from app.models.enums import Role
from app.vault.errors import PermissionDenied
from app.vault.offboarding import REVEAL_ACTIONS
from app.vault.types import VaultKind

if TYPE_CHECKING:
    from app.vault.service import VaultService

#: §9: "flag more than 20 reveals by one user in an hour".
REVEAL_THRESHOLD: Final = 20
REVEAL_WINDOW: Final = dt.timedelta(hours=1)
#: How far back the reveal activity looks by default.
REVEAL_LOOKBACK: Final = dt.timedelta(days=7)
#: §8.6: the yearly rotation reminder.
ROTATION_AGE: Final = dt.timedelta(days=365)


@dataclass(frozen=True, slots=True)
class WorklistRow:
    """One client password to change after an offboarding. Satisfies the report layer's
    `WorklistRecord` protocol, so it goes to the PDF and CSV writers as is."""

    id: int
    created_at: dt.datetime
    #: Why the row exists ("revoke").
    cause: str
    subject_technician_id: int
    subject_name: str
    #: None for the MSP's own vault, or when the item and its audit trail are both gone.
    client_id: int | None
    client_name: str | None
    item_id: str
    #: None when the item was deleted: its password is still out there, so the row stays.
    item_label: str | None
    item_host: str
    #: "revealed" or "could_reveal".
    basis: str
    last_revealed_at: dt.datetime | None
    done_at: dt.datetime | None
    done_by_id: int | None
    done_by_name: str | None

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    @property
    def item_deleted(self) -> bool:
        return self.item_label is None


@dataclass(frozen=True, slots=True)
class RevealBurst:
    """More than the threshold of reveals by one technician within one window."""

    technician_id: int
    technician_name: str
    #: The first reveal of the busiest window; the window ends `window` later.
    window_start: dt.datetime
    window_end: dt.datetime
    count: int


@dataclass(frozen=True, slots=True)
class VaultDue:
    """A vault whose current key is older than the rotation age."""

    vault_id: int
    #: "client" or "internal" (the MSP's own vault, `client_name` None).
    kind: str
    client_id: int | None
    client_name: str | None
    current_version: int
    #: When the current key was made: the last rotation, else the vault's creation.
    key_since: dt.datetime
    rotated_at: dt.datetime | None


class VaultDashboard:
    """Read-only vault oversight for one administrator. Thread-safe: no state but its inputs."""

    def __init__(self, db: Database, technician_id: int, now: Callable[[], dt.datetime]) -> None:
        self.db = db
        self.technician_id = technician_id
        self.clock = now

    @classmethod
    def of(cls, service: VaultService) -> VaultDashboard:
        """The dashboard of the technician signed in to `service` (same database and clock),
        so views that hold only the vault session can open it."""
        return cls(service.db, service.technician_id, service.clock)

    def now(self) -> dt.datetime:
        """The injected clock (exports stamp their files with it)."""
        return self.clock()

    # -- rotation worklist (§8.7) --------------------------------------------------------------

    def worklist(self, open_only: bool = True) -> list[WorklistRow]:
        """Worklist rows, open ones first, then those the revoked technician revealed, then by
        client and label."""
        with self.db.read() as s:
            self._require_admin(s)
            stmt = select(RotationWorklist)
            if open_only:
                stmt = stmt.where(RotationWorklist.done_at.is_(None))
            rows = s.scalars(stmt).all()
            item_ids = {r.item_id for r in rows}
            items = _items(s, item_ids)
            deleted_clients = _clients_from_audit(s, item_ids - items.keys())
            names = _technician_names(
                s, {r.subject_technician_id for r in rows} | {r.done_by_id for r in rows}
            )
            client_names = _client_names(
                s, {c for _, _, c, _ in items.values()} | set(deleted_clients.values())
            )
            out: list[WorklistRow] = []
            for r in rows:
                label: str | None = None
                host = ""
                item_rotated: dt.datetime | None = None
                if r.item_id in items:
                    label, host, client_id, item_rotated = items[r.item_id]
                else:
                    client_id = deleted_clients.get(r.item_id)
                done_at, done_by = r.done_at, r.done_by_id
                if done_at is None and item_rotated is not None and item_rotated > r.created_at:
                    # The password changed after the row was made by a path that did not close
                    # it: by §8.7 the row is done all the same.
                    done_at = item_rotated
                    if open_only:
                        continue
                out.append(
                    WorklistRow(
                        id=r.id,
                        created_at=r.created_at,
                        cause=r.cause,
                        subject_technician_id=r.subject_technician_id,
                        subject_name=names.get(r.subject_technician_id, ""),
                        client_id=client_id,
                        client_name=None if client_id is None else client_names.get(client_id),
                        item_id=r.item_id,
                        item_label=label,
                        item_host=host,
                        basis=r.basis,
                        last_revealed_at=r.last_revealed_at,
                        done_at=done_at,
                        done_by_id=done_by,
                        done_by_name=None if done_by is None else names.get(done_by),
                    )
                )
        out.sort(
            key=lambda w: (
                not w.is_open,
                w.basis != "revealed",
                (w.client_name or "").casefold(),
                (w.item_label or "").casefold(),
                w.id,
            )
        )
        return out

    # -- reveal activity (§9) ------------------------------------------------------------------

    def heavy_revealers(
        self,
        window: dt.timedelta = REVEAL_WINDOW,
        threshold: int = REVEAL_THRESHOLD,
        since: dt.datetime | None = None,
    ) -> list[RevealBurst]:
        """Windows of length `window` (sliding: any start) holding more than `threshold`
        successful reveals by one technician, newest first. Overlapping windows of one burst
        are reported once, at their busiest."""
        now = self.clock()
        start = since if since is not None else now - REVEAL_LOOKBACK
        with self.db.read() as s:
            self._require_admin(s)
            stamps: dict[int, list[dt.datetime]] = {}
            for tech_id, at in s.execute(
                select(VaultAudit.technician_id, VaultAudit.at)
                .where(
                    VaultAudit.action.in_(REVEAL_ACTIONS),
                    VaultAudit.outcome == "ok",
                    VaultAudit.technician_id.is_not(None),
                    VaultAudit.at >= start,
                )
                .order_by(VaultAudit.technician_id, VaultAudit.at)
            ):
                if tech_id is not None:  # excluded by the query; narrows the type
                    stamps.setdefault(tech_id, []).append(at)
            names = _technician_names(s, set(stamps))
        bursts = [
            RevealBurst(tech_id, names.get(tech_id, ""), first, first + window, count)
            for tech_id, times in stamps.items()
            for first, count in bursts_in(times, window, threshold)
        ]
        bursts.sort(key=lambda b: (b.window_start, b.technician_id), reverse=True)
        return bursts

    # -- yearly rotation (§8.6) ----------------------------------------------------------------

    def rotation_due(self, age: dt.timedelta = ROTATION_AGE) -> list[VaultDue]:
        """Client and internal vaults whose current key is older than `age`, oldest first.

        The org-signing vault is left out: its key is rotated by the recovery flow, not here.
        """
        cutoff = self.clock() - age
        with self.db.read() as s:
            self._require_admin(s)
            rows = s.execute(
                select(Vault, Client.name)
                .outerjoin(Client, Client.id == Vault.client_id)
                .where(Vault.kind.in_((VaultKind.CLIENT.value, VaultKind.INTERNAL.value)))
            ).all()
            due = [
                VaultDue(
                    vault_id=v.id,
                    kind=v.kind,
                    client_id=v.client_id,
                    client_name=name,
                    current_version=v.current_version,
                    key_since=v.rotated_at or v.created_at,
                    rotated_at=v.rotated_at,
                )
                for v, name in rows
                if (v.rotated_at or v.created_at) < cutoff
            ]
        due.sort(key=lambda d: (d.key_since, d.vault_id))
        return due

    # -- helpers -------------------------------------------------------------------------------

    def _require_admin(self, s: Session) -> None:
        me = s.get(Technician, self.technician_id)
        if me is None or not me.active or me.role is not Role.ADMIN:
            raise PermissionDenied("administrators only")


def bursts_in(
    times: Sequence[dt.datetime], window: dt.timedelta, threshold: int
) -> Iterable[tuple[dt.datetime, int]]:
    """(start, count) of each burst in sorted `times`: a window [t, t + window) starting at a
    reveal and holding more than `threshold` reveals. Overlapping qualifying windows merge
    into one burst, reported at its busiest window (the earliest on a tie)."""
    best: tuple[dt.datetime, int] | None = None
    end = 0
    for i, first in enumerate(times):
        end = max(end, i)
        while end < len(times) and times[end] < first + window:
            end += 1
        count = end - i
        if count <= threshold:
            continue
        if best is not None and first >= best[0] + window:
            yield best
            best = None
        if best is None or count > best[1]:
            best = (first, count)
    if best is not None:
        yield best


_ItemInfo = tuple[str, str, int | None, dt.datetime | None]


def _items(s: Session, item_ids: set[str]) -> dict[str, _ItemInfo]:
    """Label, host, client id and password-change time of the items that still exist."""
    if not item_ids:
        return {}
    rows = s.execute(
        select(VaultItem.id, VaultItem.label, VaultItem.host, Vault.client_id, VaultItem.rotated_at)
        .join(Vault, Vault.id == VaultItem.vault_id)
        .where(VaultItem.id.in_(item_ids))
    )
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def _clients_from_audit(s: Session, item_ids: set[str]) -> dict[str, int]:
    """The client of each deleted item, from its audit trail (which outlives the item)."""
    if not item_ids:
        return {}
    out: dict[str, int] = {}
    for item_id, client_id in s.execute(
        select(VaultAudit.item_id, VaultAudit.client_id).where(
            VaultAudit.item_id.in_(item_ids), VaultAudit.client_id.is_not(None)
        )
    ):
        if item_id is not None and client_id is not None:
            out[item_id] = client_id
    return out


def _technician_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = s.execute(select(Technician.id, Technician.name).where(Technician.id.in_(wanted)))
    return {tech_id: name for tech_id, name in rows}


def _client_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = s.execute(select(Client.id, Client.name).where(Client.id.in_(wanted)))
    return {client_id: name for client_id, name in rows}
