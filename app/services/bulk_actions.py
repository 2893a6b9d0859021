"""Bulk actions on the queue (T20): assign, status or priority for many tickets at once, with
undo of the technician's last bulk action.

All or nothing: every ticket is checked before any is changed. Each ticket gets the events a
single edit writes (their body names the bulk action) and a new version; the `BulkAction` row
keeps each ticket's old value and new version, so undo reverts only tickets nobody touched
since and reports the others. Resolving and closing are not bulk actions: closure needs a
resolution per ticket. Any thread; each public method is one unit of work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import BulkAction, Contact, Technician, Ticket, TicketEvent
from app.models.enums import EventKind, Priority, Status, StatusCategory
from app.services.clock import Clock
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.onboarding import section_data
from app.services.permissions import require_editor
from app.services.sla import SlaService
from app.services.ticket_store import add_event

ASSIGN: Final = "assign"
STATUS: Final = "status"
PRIORITY: Final = "priority"
KINDS: Final = (ASSIGN, STATUS, PRIORITY)
#: Most tickets one bulk action may change.
MAX_TICKETS: Final = 500
_EVENT_KIND: Final = {
    ASSIGN: EventKind.ASSIGNED,
    STATUS: EventKind.STATUS_CHANGED,
    PRIORITY: EventKind.PRIORITY_CHANGED,
}


class BulkRefusedError(ValidationError):
    """Some tickets may not take the bulk change; nothing was written.

    `problems` is {"tickets": code} (closed, not_open = resolved, merged, vip_floor); `numbers`
    names the tickets.
    """

    def __init__(self, code: str, numbers: Sequence[str]) -> None:
        super().__init__({"tickets": code})
        self.numbers = tuple(numbers)


@dataclass(frozen=True, slots=True)
class BulkResult:
    action_id: int
    kind: str
    new_value: str
    #: How many tickets changed (tickets already holding the value are left alone).
    changed: int
    changes: Changes


@dataclass(frozen=True, slots=True)
class SkippedTicket:
    number: str
    changed_by: str | None
    changed_at: dt.datetime


@dataclass(frozen=True, slots=True)
class UndoResult:
    action_id: int
    kind: str
    reverted: tuple[str, ...]
    #: Tickets changed since the bulk action: left as they are.
    skipped: tuple[SkippedTicket, ...]
    changes: Changes


@dataclass(frozen=True, slots=True)
class UndoableAction:
    action_id: int
    kind: str
    new_value: str
    at: dt.datetime
    ticket_count: int


class BulkActionService:
    """Bulk changes and their undo. Any thread; each call commits its own unit of work."""

    def __init__(self, db: Database, clock: Clock, sla: SlaService | None = None) -> None:
        self._db = db
        self._clock = clock
        self._sla = sla

    def last_undoable(self, actor_id: int) -> UndoableAction | None:
        """The technician's newest bulk action not undone yet, if any."""
        with self._db.read() as s:
            action = _last_open(s, actor_id)
            if action is None:
                return None
            return UndoableAction(
                action.id, action.kind, action.new_value, action.at, len(action.before)
            )

    def apply(self, kind: str, ticket_ids: Sequence[int], value: str, actor_id: int) -> BulkResult:
        """Set `value` on every ticket: a technician id ("" = unassign), a `Status` or a
        `Priority` value.

        Codes: kind invalid_choice; tickets required / too_many / not_found; value
        invalid_choice / not_found / needs_closure (resolved, closed, cancelled); BulkRefusedError
        closed / not_open (resolved) / merged / vip_floor.
        """
        if kind not in KINDS:
            raise ValidationError({"kind": "invalid_choice"})
        ids = list(dict.fromkeys(ticket_ids))
        if not ids:
            raise ValidationError({"tickets": "required"})
        if len(ids) > MAX_TICKETS:
            raise ValidationError({"tickets": "too_many"})
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "bulk_edit")
                parsed = _parse_value(s, kind, value)
                tickets = _load_all(s, ids)
                _check_tickets(s, kind, parsed, tickets)
                action = BulkAction(
                    actor_id=actor_id, at=now, kind=kind, new_value=value, before={}
                )
                s.add(action)
                s.flush()
                note = f"Bulk action #{action.id}"
                before: dict[str, Any] = {}
                for t in tickets:
                    entry = self._change(s, t, kind, parsed, actor_id, now, note)
                    if entry is not None:
                        before[str(t.id)] = entry
                s.flush()
                for t in tickets:
                    if str(t.id) in before:
                        before[str(t.id)]["version"] = t.version
                action.before = before
                changed = [int(i) for i in before]
                self._recompute(s, changed, now)
                changes = Changes("ticket", frozenset(changed))
                self._db.announce(s, changes)
                return BulkResult(action.id, kind, value, len(changed), changes)
        except StaleDataError:
            raise ConcurrentEditError("ticket", 0, 0) from None

    def undo_last(self, actor_id: int) -> UndoResult:
        """Undo the technician's newest bulk action not undone yet (code action nothing_to_undo)."""
        with self._db.read() as s:
            action = _last_open(s, actor_id)
            action_id = action.id if action is not None else None
        if action_id is None:
            raise ValidationError({"action": "nothing_to_undo"})
        return self.undo(action_id, actor_id)

    def undo(self, action_id: int, actor_id: int) -> UndoResult:
        """Revert the tickets of one of the technician's bulk actions that nobody changed since.

        Codes: action not_yours / already_undone.
        """
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "bulk_edit")
            action = s.get(BulkAction, action_id)
            if action is None:
                raise NotFoundError("bulk_action", action_id)
            if action.actor_id != actor_id:
                raise ValidationError({"action": "not_yours"})
            # Claimed with a conditional UPDATE: of two undos racing, exactly one wins.
            claimed = s.execute(
                update(BulkAction)
                .where(BulkAction.id == action_id, BulkAction.undone_at.is_(None))
                .values(undone_at=now)
                .execution_options(synchronize_session=False)
            )
            if claimed.rowcount != 1:  # type: ignore[attr-defined]
                raise ValidationError({"action": "already_undone"})
            note = f"Undo of bulk action #{action.id}"
            tickets = {
                t.id: t
                for t in s.scalars(
                    select(Ticket).where(Ticket.id.in_([int(i) for i in action.before]))
                ).all()
            }
            reverted: list[str] = []
            skipped: list[SkippedTicket] = []
            for key, entry in sorted(action.before.items(), key=lambda kv: int(kv[0])):
                ticket = tickets.get(int(key))
                if ticket is None:
                    continue
                if ticket.version != entry["version"]:
                    by = s.get(Technician, ticket.updated_by_id) if ticket.updated_by_id else None
                    skipped.append(
                        SkippedTicket(ticket.number, by.name if by else None, ticket.updated_at)
                    )
                    s.add(
                        TicketEvent(
                            ticket_id=ticket.id,
                            at=now,
                            actor_id=actor_id,
                            kind=EventKind.BULK,
                            body=f"{note}: left as is, the ticket changed since",
                        )
                    )
                    continue
                self._revert(s, ticket, action.kind, entry, actor_id, now, note)
                reverted.append(ticket.number)
            ids = sorted(tickets)
            self._recompute(s, [t.id for t in tickets.values() if t.number in reverted], now)
            changes = Changes("ticket", frozenset(ids))
            self._db.announce(s, changes)
            return UndoResult(action.id, action.kind, tuple(reverted), tuple(skipped), changes)

    # -- helpers -------------------------------------------------------------------------------

    def _change(
        self,
        s: Session,
        t: Ticket,
        kind: str,
        value: Any,
        actor_id: int,
        now: dt.datetime,
        note: str,
    ) -> dict[str, Any] | None:
        """Apply the change to one ticket; what undo needs, or None when nothing changed."""
        entry: dict[str, Any]
        if kind == ASSIGN:
            if t.assignee_id == value:
                return None
            entry = {"old": t.assignee_id}
            add_event(s, t, actor_id, now, EventKind.ASSIGNED, _id(t.assignee_id), _id(value), note)
            t.assignee_id = value
            if value is not None and t.status is Status.NEW:
                # As a single edit does: a new ticket given to someone is assigned.
                entry["status"] = t.status.value
                add_event(
                    s, t, actor_id, now, EventKind.STATUS_CHANGED, t.status, Status.ASSIGNED, note
                )
                t.set_status(Status.ASSIGNED, now)
        elif kind == STATUS:
            if t.status is value:
                return None
            entry = {"old": t.status.value}
            add_event(s, t, actor_id, now, EventKind.STATUS_CHANGED, t.status, value, note)
            t.set_status(value, now)
        else:
            if t.priority is value:
                return None
            entry = {"old": t.priority.value}
            add_event(s, t, actor_id, now, EventKind.PRIORITY_CHANGED, t.priority, value, note)
            t.priority = value
        t.updated_at = now
        t.updated_by_id = actor_id
        return entry

    def _revert(
        self,
        s: Session,
        t: Ticket,
        kind: str,
        entry: dict[str, Any],
        actor_id: int,
        now: dt.datetime,
        note: str,
    ) -> None:
        old = entry["old"]
        if kind == ASSIGN:
            add_event(s, t, actor_id, now, EventKind.ASSIGNED, _id(t.assignee_id), _id(old), note)
            t.assignee_id = old
            if "status" in entry:
                status = Status(entry["status"])
                add_event(s, t, actor_id, now, EventKind.STATUS_CHANGED, t.status, status, note)
                t.set_status(status, now)
        elif kind == STATUS:
            status = Status(old)
            add_event(s, t, actor_id, now, EventKind.STATUS_CHANGED, t.status, status, note)
            t.set_status(status, now)
        else:
            priority = Priority(old)
            add_event(s, t, actor_id, now, EventKind.PRIORITY_CHANGED, t.priority, priority, note)
            t.priority = priority
        t.updated_at = now
        t.updated_by_id = actor_id

    def _recompute(self, s: Session, ids: Sequence[int], now: dt.datetime) -> None:
        if self._sla is not None and ids:
            s.flush()
            self._sla.recompute_in(s, ids, now)


def _parse_value(s: Session, kind: str, value: str) -> Any:
    if kind == ASSIGN:
        if value == "":
            return None
        try:
            tech = s.get(Technician, int(value))
        except ValueError:
            raise ValidationError({"value": "invalid_choice"}) from None
        if tech is None or not tech.active:
            raise ValidationError({"value": "not_found"})
        return tech.id
    enum_type = Status if kind == STATUS else Priority
    try:
        parsed = enum_type(value)
    except ValueError:
        raise ValidationError({"value": "invalid_choice"}) from None
    if isinstance(parsed, Status) and not parsed.is_open:
        raise ValidationError({"value": "needs_closure"})
    return parsed


def _load_all(s: Session, ids: list[int]) -> list[Ticket]:
    found = {t.id: t for t in s.scalars(select(Ticket).where(Ticket.id.in_(ids))).all()}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError("ticket", missing[0])
    return [found[i] for i in sorted(ids)]


def _check_tickets(s: Session, kind: str, value: Any, tickets: list[Ticket]) -> None:
    merged = [t.number for t in tickets if t.merged_into_id is not None]
    if merged:
        raise BulkRefusedError("merged", merged)
    closed = [t.number for t in tickets if t.status_category is StatusCategory.CLOSED]
    if closed:
        raise BulkRefusedError("closed", closed)
    # Resolved tickets too: a bulk status reopens them without a reason, and undo would set
    # *Resolved* again with a new resolved_at, voiding the requester's verification. They are
    # reopened one by one (closure's reopen, with its reason) before any bulk change.
    not_open = [t.number for t in tickets if not t.is_open]
    if not_open:
        raise BulkRefusedError("not_open", not_open)
    if kind == PRIORITY:
        below = [t.number for t in tickets if _below_vip_floor(s, t, value)]
        if below:
            raise BulkRefusedError("vip_floor", below)


def _below_vip_floor(s: Session, t: Ticket, priority: Priority) -> bool:
    """True when `priority` is less urgent than the client's VIP floor for a VIP's ticket."""
    contact = s.get(Contact, t.contact_id) if t.contact_id else None
    if contact is None or not contact.vip:
        return False
    floor = (section_data(s, t.client_id, "vip") or {}).get("priority_floor")
    # String order of priorities is urgency order: "P1" < "P3".
    return isinstance(floor, str) and bool(floor) and Priority(floor) < priority


def _last_open(s: Session, actor_id: int) -> BulkAction | None:
    return s.scalars(
        select(BulkAction)
        .where(BulkAction.actor_id == actor_id, BulkAction.undone_at.is_(None))
        .order_by(BulkAction.at.desc(), BulkAction.id.desc())
        .limit(1)
    ).first()


def _id(value: int | None) -> str:
    return "" if value is None else str(value)
