"""Time entries on tickets (T17) and their roll-ups per client and contract (S12 balances).

Each public method is one unit of work, callable from any thread. Every entry added, changed or
removed writes a TIME_ENTRY event on the ticket's timeline in the same transaction; the ticket's
own fields and version are left alone, so logging time never conflicts with someone's edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import Contract, Technician, Ticket, TicketEvent, TimeEntry
from app.models.enums import EventKind, Role
from app.services.clock import Clock
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.permissions import require_editor
from app.services.prepaid import PrepaidBalance, prepaid_balances

#: One entry covers at most a day; longer is a typing mistake (split it per day).
MINUTES_MAX: Final = 24 * 60
NOTE_MAX: Final = 5_000
#: Clocks on workstations drift; a start a few minutes ahead is tolerated, not more.
FUTURE_SLACK: Final = dt.timedelta(minutes=5)
_NUL: Final = "\x00"


@dataclass(frozen=True, slots=True)
class TimeEntryRow:
    entry_id: int
    ticket_id: int
    technician_id: int
    technician_name: str
    started_at: dt.datetime
    minutes: int
    billable: bool
    note: str
    version: int


@dataclass(frozen=True, slots=True)
class TimeEntrySaved:
    """The entry as stored (None after a delete) and what views should refresh."""

    entry: TimeEntryRow | None
    changes: Changes


@dataclass(frozen=True, slots=True)
class ContractTime:
    """Time on one contract's tickets in the window; `contract_id` None = tickets without one.
    `balance` is the contract's prepaid balance over its whole life, not just the window."""

    contract_id: int | None
    name: str
    number: str
    minutes: int
    billable_minutes: int
    balance: PrepaidBalance | None


@dataclass(frozen=True, slots=True)
class TechnicianTime:
    technician_id: int
    name: str
    minutes: int
    billable_minutes: int


@dataclass(frozen=True, slots=True)
class CategoryTime:
    category: str
    minutes: int
    billable_minutes: int


@dataclass(frozen=True, slots=True)
class ClientTime:
    """A client's logged time with `start` ≤ started_at < `end`."""

    total: int
    billable: int
    non_billable: int
    by_contract: list[ContractTime]
    by_technician: list[TechnicianTime]
    by_category: list[CategoryTime]


def format_minutes(minutes: int) -> str:
    """ "45 min", "1 h", "1 h 30 min" (for event bodies; views translate their own)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


class TimeEntryService:
    """Use cases on time entries. Any thread; each call is one unit of work."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def entries(self, ticket_id: int) -> list[TimeEntryRow]:
        """The ticket's entries, oldest start first."""
        stmt = (
            select(TimeEntry, Technician.name)
            .join(Technician, TimeEntry.technician_id == Technician.id)
            .where(TimeEntry.ticket_id == ticket_id)
            .order_by(TimeEntry.started_at, TimeEntry.id)
        )
        with self._db.read() as s:
            return [_row(e, name) for e, name in s.execute(stmt).all()]

    def add(
        self,
        ticket_id: int,
        minutes: int,
        billable: bool,
        note: str,
        started_at: dt.datetime,
        actor_id: int,
    ) -> TimeEntrySaved:
        note = note.strip()
        now = self._clock.now()
        _validate(minutes, note, started_at, now)
        with self._db.write() as s:
            require_editor(s, actor_id, "log_time")
            if s.get(Ticket, ticket_id) is None:
                raise NotFoundError("ticket", ticket_id)
            entry = TimeEntry(
                ticket_id=ticket_id,
                technician_id=actor_id,
                started_at=started_at,
                minutes=minutes,
                billable=billable,
                note=note,
            )
            s.add(entry)
            s.flush()
            _event(s, ticket_id, actor_id, now, "", _describe(minutes, billable, note))
            return self._saved(s, ticket_id, entry)

    def update(
        self,
        entry_id: int,
        expected_version: int,
        minutes: int,
        billable: bool,
        note: str,
        started_at: dt.datetime,
        actor_id: int,
    ) -> TimeEntrySaved:
        """Change an entry: one's own, or anyone's as an administrator."""
        note = note.strip()
        now = self._clock.now()
        _validate(minutes, note, started_at, now)
        try:
            with self._db.write() as s:
                entry = _own_entry(s, entry_id, actor_id, "edit_time_entry")
                if entry.version != expected_version:
                    raise ConcurrentEditError("time_entry", entry.id, entry.version)
                before = _describe(entry.minutes, entry.billable, entry.note)
                entry.minutes = minutes
                entry.billable = billable
                entry.note = note
                entry.started_at = started_at
                s.flush()
                after = _describe(minutes, billable, note)
                _event(s, entry.ticket_id, actor_id, now, before, f"Time entry changed to {after}")
                return self._saved(s, entry.ticket_id, entry)
        except StaleDataError:
            with self._db.read() as s:
                current = s.get(TimeEntry, entry_id)
                raise ConcurrentEditError(
                    "time_entry", entry_id, current.version if current else 0
                ) from None

    def delete(self, entry_id: int, actor_id: int) -> TimeEntrySaved:
        """Remove an entry: one's own, or anyone's as an administrator."""
        now = self._clock.now()
        with self._db.write() as s:
            entry = _own_entry(s, entry_id, actor_id, "delete_time_entry")
            ticket_id = entry.ticket_id
            described = _describe(entry.minutes, entry.billable, entry.note)
            s.delete(entry)
            s.flush()
            _event(s, ticket_id, actor_id, now, described, f"Time entry removed: {described}")
            changes = Changes("ticket", frozenset({ticket_id}))
            self._db.announce(s, changes)
            return TimeEntrySaved(None, changes)

    def client_rollup(self, client_id: int, start: dt.datetime, end: dt.datetime) -> ClientTime:
        """The client's time with `start` ≤ started_at < `end`, summed in SQL, with the prepaid
        balance of each of its contracts that has a block of hours or time in the window."""
        billable = func.coalesce(
            func.sum(case((TimeEntry.billable, TimeEntry.minutes), else_=0)), 0
        )
        total = func.coalesce(func.sum(TimeEntry.minutes), 0)
        window = (
            Ticket.client_id == client_id,
            TimeEntry.started_at >= start,
            TimeEntry.started_at < end,
        )

        def grouped(s: Session, *keys: Any) -> list[Any]:
            stmt = (
                select(*keys, total, billable)
                .select_from(TimeEntry)
                .join(Ticket, TimeEntry.ticket_id == Ticket.id)
                .where(*window)
                .group_by(*keys)
            )
            return list(s.execute(stmt).all())

        with self._db.read() as s:
            by_contract_raw = {
                cid: (int(m), int(b)) for cid, m, b in grouped(s, Ticket.contract_id)
            }
            techs = s.execute(
                select(Technician.id, Technician.name, total, billable)
                .select_from(TimeEntry)
                .join(Ticket, TimeEntry.ticket_id == Ticket.id)
                .join(Technician, TimeEntry.technician_id == Technician.id)
                .where(*window)
                .group_by(Technician.id, Technician.name)
                .order_by(Technician.name)
            ).all()
            categories = grouped(s, Ticket.category)
            contracts = s.execute(
                select(Contract.id, Contract.name, Contract.number)
                .where(
                    Contract.client_id == client_id,
                    Contract.prepaid_minutes.is_not(None)
                    | Contract.id.in_([c for c in by_contract_raw if c is not None]),
                )
                .order_by(Contract.name, Contract.id)
            ).all()
            balances = prepaid_balances(s, [c.id for c in contracts])
        by_contract = [
            ContractTime(cid, name, number, *by_contract_raw.get(cid, (0, 0)), balances.get(cid))
            for cid, name, number in contracts
        ]
        if None in by_contract_raw:
            by_contract.append(ContractTime(None, "", "", *by_contract_raw[None], None))
        all_minutes = sum(m for m, _ in by_contract_raw.values())
        all_billable = sum(b for _, b in by_contract_raw.values())
        return ClientTime(
            total=all_minutes,
            billable=all_billable,
            non_billable=all_minutes - all_billable,
            by_contract=by_contract,
            by_technician=[TechnicianTime(i, n, int(m), int(b)) for i, n, m, b in techs],
            by_category=sorted(
                (CategoryTime(c, int(m), int(b)) for c, m, b in categories),
                key=lambda c: (-c.minutes, c.category),
            ),
        )

    def _saved(self, s: Session, ticket_id: int, entry: TimeEntry) -> TimeEntrySaved:
        changes = Changes("ticket", frozenset({ticket_id}))
        self._db.announce(s, changes)
        name = s.scalar(select(Technician.name).where(Technician.id == entry.technician_id))
        return TimeEntrySaved(_row(entry, name or ""), changes)


def _validate(minutes: int, note: str, started_at: dt.datetime, now: dt.datetime) -> None:
    found: dict[str, str] = {}
    if isinstance(minutes, bool) or not 1 <= minutes <= MINUTES_MAX:
        found["minutes"] = "out_of_range"
    if len(note) > NOTE_MAX:
        found["note"] = "too_long"
    elif _NUL in note:
        found["note"] = "invalid"
    if started_at.tzinfo is None or started_at.utcoffset() is None:
        found["started_at"] = "invalid"
    elif started_at > now + FUTURE_SLACK:
        found["started_at"] = "in_future"
    if found:
        raise ValidationError(found)


def _own_entry(s: Session, entry_id: int, actor_id: int, action: str) -> TimeEntry:
    actor = require_editor(s, actor_id, action)
    entry = s.get(TimeEntry, entry_id)
    if entry is None:
        raise NotFoundError("time_entry", entry_id)
    if entry.technician_id != actor_id and actor.role is not Role.ADMIN:
        raise PermissionDeniedError(action)
    return entry


def _describe(minutes: int, billable: bool, note: str) -> str:
    kind = "billable" if billable else "non-billable"
    text = f"{format_minutes(minutes)} {kind}"
    return f"{text}: {note}" if note else text


def _event(
    s: Session, ticket_id: int, actor_id: int, now: dt.datetime, old: str, body: str
) -> None:
    s.add(
        TicketEvent(
            ticket_id=ticket_id,
            at=now,
            actor_id=actor_id,
            kind=EventKind.TIME_ENTRY,
            old_value=old[:300],
            body=body,
        )
    )


def _row(e: TimeEntry, name: str) -> TimeEntryRow:
    return TimeEntryRow(
        entry_id=e.id,
        ticket_id=e.ticket_id,
        technician_id=e.technician_id,
        technician_name=name,
        started_at=e.started_at,
        minutes=e.minutes,
        billable=e.billable,
        note=e.note,
        version=e.version,
    )
