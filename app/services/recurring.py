"""Recurring tickets (T19): schedules with a ticket template, and the sweep that creates them.

Each public method is one unit of work, callable from any thread.

How `run_due` creates each occurrence exactly once while several sweepers run at once (the CLI's
`helpdesk sla sweep` and every running app): an occurrence is first *claimed* in its own committed
transaction, which inserts the `recurring_run (recurring_id, due_at)` row (unique) and moves the
schedule's `next_run_at` on with a conditional UPDATE (`... WHERE next_run_at = <what we read>`).
A second sweeper fails on the unique index or finds `next_run_at` already moved, and skips. Only
the winner then creates the ticket through `TicketService.create` (same path as the desk: VIP
rule, SLA clocks, routing when it lands there); inside that same transaction (its
`also_in_transaction` hook) the run row is stamped with the ticket and the RECURRING timeline
event is written, so a committed ticket always has a stamped run row and a run row without a
ticket never has a committed ticket. If creating the ticket fails, the claim is undone (run row
deleted, `next_run_at` put back) so the next sweep retries. The claim cannot share the ticket's
transaction (it must be visible to other sweepers at once); claiming first is what keeps "never
twice".

A claim left without a ticket (the sweeper's process died in between) is picked up again after
`ABANDONED_AFTER` by whichever sweeper re-claims it first (a conditional UPDATE of the claim's
stored time). That age check uses the sweeper's own clock, which is safe even when clocks
disagree: the stamp is conditional too (`ticket_id IS NULL AND created_at = <our claim time>`),
so if a sweeper whose clock runs ahead re-claims a claim that is still being worked on, only one
of the two stamps matches and the other's ticket transaction rolls back (on PostgreSQL the second
UPDATE waits for the first's commit, then finds the row changed). A skewed clock can waste one
attempt or delay recovery, never create an occurrence twice.

Missed occurrences (app closed over a weekend, schedule resumed late): one ticket for the latest
due occurrence; older ones are counted as skipped and named on the ticket's timeline. Ten
"check the backup" tickets for the same backup help nobody.

Recurring tickets use the source "monitoring": the domain's channel for tickets no person
reported (machine-generated); the RECURRING event says which schedule made it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import Changes, Database
from app.models import (
    Client,
    RecurringRun,
    RecurringTicket,
    Technician,
    Ticket,
    TicketEvent,
)
from app.models.enums import EventKind, Role, SourceChannel
from app.services import recurrence
from app.services.clock import Clock
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.permissions import require_editor
from app.services.recurring_template import (
    RecurringValues,
    normalised,
    schedule_of,
    template_of,
    validate,
    values_of,
)
from app.services.tickets import TicketFields, TicketService

__all__ = [
    "ABANDONED_AFTER",
    "PREVIEW_MAX",
    "RecurringRow",
    "RecurringService",
    "RecurringValues",
    "RunReport",
]

log = logging.getLogger(__name__)

#: A claim without its ticket after this long was left by a sweeper that stopped midway.
ABANDONED_AFTER: Final = dt.timedelta(minutes=15)
PREVIEW_MAX: Final = 50


@dataclass(frozen=True, slots=True)
class RecurringRow:
    """A stored schedule with display names, as the list and the editor show it."""

    recurring_id: int
    values: RecurringValues
    client_name: str
    timezone: str
    active: bool
    next_run_at: dt.datetime | None
    version: int


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one `run_due` did: tickets created, missed occurrences skipped, creations that failed
    (left for the next sweep), and what views should refresh."""

    created: int = 0
    skipped: int = 0
    failed: int = 0
    ticket_ids: tuple[int, ...] = ()
    changes: Changes = field(default_factory=lambda: Changes("recurring"))

    @property
    def ticket_changes(self) -> Changes:
        """The created tickets, for the queue and open dialogs to refresh."""
        return Changes("ticket", frozenset(self.ticket_ids))


@dataclass(frozen=True, slots=True)
class _Due:
    """A due schedule as read at the start of a sweep."""

    id: int
    name: str
    next_run_at: dt.datetime
    created_by_id: int | None
    values: RecurringValues
    timezone: str


class _Lost(Exception):
    """Another sweeper claimed this occurrence first."""


class RecurringService:
    """Use cases on recurring-ticket schedules. Any thread; each call is one unit of work."""

    def __init__(self, db: Database, clock: Clock, tickets: TicketService) -> None:
        self._db = db
        self._clock = clock
        self._tickets = tickets

    # -- reads ---------------------------------------------------------------------------------

    def schedules(self, client_id: int | None = None) -> list[RecurringRow]:
        """All schedules, or one client's, by client then name."""
        stmt = (
            select(RecurringTicket, Client.name, Client.timezone)
            .join(Client, RecurringTicket.client_id == Client.id)
            .order_by(Client.name, RecurringTicket.name, RecurringTicket.id)
        )
        if client_id is not None:
            stmt = stmt.where(RecurringTicket.client_id == client_id)
        with self._db.read() as s:
            return [_row(r, name, tz) for r, name, tz in s.execute(stmt).all()]

    def get(self, recurring_id: int) -> RecurringRow:
        with self._db.read() as s:
            return _load_row(s, recurring_id)

    def preview(self, target: int | RecurringValues, count: int = 5) -> list[dt.datetime]:
        """The next `count` instants (UTC) of a stored schedule or of values being edited.

        Raises ValidationError for values whose schedule fields are invalid (editor preview).
        """
        count = max(0, min(count, PREVIEW_MAX))
        now = self._clock.now()
        with self._db.read() as s:
            if isinstance(target, int):
                row = _load(s, target)
                schedule = schedule_of(values_of(row), _timezone(s, row.client_id))
            else:
                client_tz = _timezone(s, target.client_id)
                schedule = schedule_of(target, client_tz or "UTC")
                found = recurrence.problems(schedule)
                if found:
                    raise ValidationError(found)
        return recurrence.preview(schedule, now, count)

    # -- writes --------------------------------------------------------------------------------

    def create(self, values: RecurringValues, actor_id: int) -> RecurringRow:
        values = normalised(values)
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_recurring")
            schedule = validate(s, values)
            row = RecurringTicket(
                client_id=values.client_id,
                name=values.name,
                template=template_of(values),
                frequency=values.frequency,
                every=values.every,
                weekdays=sorted(set(values.weekdays)),
                day_of_month=values.day_of_month,
                at_time=values.at_time,
                start_date=values.start_date,
                end_date=values.end_date,
                active=True,
                next_run_at=recurrence.next_after(schedule, now),
                created_by_id=actor_id,
            )
            s.add(row)
            s.flush()
            self._db.announce(s, Changes("recurring", frozenset({row.id})))
            return _load_row(s, row.id)

    def update(
        self, recurring_id: int, expected_version: int, values: RecurringValues, actor_id: int
    ) -> RecurringRow:
        """Save an edit; the schedule applies from now on (next run = first occurrence after
        now), so an edit never back-fills occurrences."""
        values = normalised(values)
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_recurring")
            row = _load(s, recurring_id)
            _check_version(row, expected_version)
            schedule = validate(s, values)
            row.client_id = values.client_id
            row.name = values.name
            row.template = template_of(values)
            row.frequency = values.frequency
            row.every = values.every
            row.weekdays = sorted(set(values.weekdays))
            row.day_of_month = values.day_of_month
            row.at_time = values.at_time
            row.start_date = values.start_date
            row.end_date = values.end_date
            if row.active:
                row.next_run_at = recurrence.next_after(schedule, now)
            s.flush()
            self._db.announce(s, Changes("recurring", frozenset({row.id})))
            return _load_row(s, row.id)

    def set_active(
        self, recurring_id: int, expected_version: int, active: bool, actor_id: int
    ) -> RecurringRow:
        """Pause or resume. Resuming continues from now: occurrences missed while paused are
        not created."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_recurring")
            row = _load(s, recurring_id)
            _check_version(row, expected_version)
            if row.active != active:
                row.active = active
                if active:
                    schedule = schedule_of(values_of(row), _timezone(s, row.client_id))
                    row.next_run_at = recurrence.next_after(schedule, now)
                s.flush()
                self._db.announce(s, Changes("recurring", frozenset({row.id})))
            return _load_row(s, row.id)

    def delete(self, recurring_id: int, actor_id: int) -> None:
        """Remove a schedule and its run log; tickets it created stay (their timeline names it)."""
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_recurring")
            row = _load(s, recurring_id)
            s.execute(delete(RecurringRun).where(RecurringRun.recurring_id == recurring_id))
            s.delete(row)
            s.flush()
            self._db.announce(s, Changes("recurring", frozenset({recurring_id})))

    # -- the sweep -----------------------------------------------------------------------------

    def run_due(self, now: dt.datetime | None = None) -> RunReport:
        """Create the tickets of every active schedule whose next run is due at `now` (default:
        the clock). Safe to run from several processes at once; see the module docstring."""
        now = now or self._clock.now()
        with self._db.read() as s:
            due = [
                _Due(r.id, r.name, r.next_run_at, r.created_by_id, values_of(r), tz)
                for r, tz in s.execute(
                    select(RecurringTicket, Client.timezone)
                    .join(Client, RecurringTicket.client_id == Client.id)
                    .where(RecurringTicket.active.is_(True), RecurringTicket.next_run_at <= now)
                    .order_by(RecurringTicket.next_run_at, RecurringTicket.id)
                ).all()
                if r.next_run_at is not None
            ]
        created, failed = self._recover(now)
        skipped = 0
        touched: set[int] = set()
        for row in due:
            try:
                outcome = self._run_one(row, now)
            except _Lost:
                continue
            except Exception:
                log.exception("recurring %s: ticket not created; retried next sweep", row.id)
                failed += 1
                continue
            touched.add(row.id)
            if outcome is not None:
                created.append(outcome[0])
                skipped += outcome[1]
        if created or skipped or failed:
            log.info(
                "recurring sweep: %d created, %d skipped, %d failed", len(created), skipped, failed
            )
        return RunReport(
            len(created), skipped, failed, tuple(created), Changes("recurring", frozenset(touched))
        )

    def _run_one(self, row: _Due, now: dt.datetime) -> tuple[int, int] | None:
        """(ticket id, skipped) for the created occurrence; None when nothing was due after all."""
        values = row.values
        schedule = schedule_of(values, row.timezone)
        missed = recurrence.occurrences(schedule, row.next_run_at, now)
        upcoming = recurrence.next_after(schedule, now)
        if not missed:
            # The stored next run is no occurrence any more (e.g. the client changed zone).
            self._advance(row.id, row.next_run_at, upcoming)
            return None
        due_at = missed[-1]
        run_id = self._claim(row.id, row.next_run_at, due_at, upcoming, now)
        try:
            ticket_id = self._create_ticket(row, run_id, now, due_at, len(missed) - 1, now)
        except BaseException:
            # Also on _Lost: _unclaim only undoes a claim that is still ours and unstamped.
            self._unclaim(row.id, run_id, now, row.next_run_at, upcoming)
            raise
        return ticket_id, len(missed) - 1

    def _create_ticket(
        self,
        row: _Due,
        run_id: int,
        claimed_at: dt.datetime,
        due_at: dt.datetime,
        skipped: int,
        now: dt.datetime,
    ) -> int:
        """Create the occurrence's ticket and, in the same transaction, stamp its run row
        (`_finish`). Raises _Lost when another sweeper took the claim over meanwhile."""
        values = row.values
        with self._db.read() as s:
            actor_id = _sweep_actor(s, row.created_by_id)
        fields = TicketFields(
            client_id=values.client_id,
            contact_id=values.contact_id,
            type=values.type,
            category=values.category,
            priority=values.priority,
            source=SourceChannel.MONITORING,
            subject=values.subject,
            description=values.description,
            tier=values.tier,
            queue_id=values.queue_id,
            assignee_id=values.assignee_id,
        )

        def stamp(s: Session, ticket: Ticket) -> None:
            self._finish(s, ticket.id, row, run_id, claimed_at, due_at, skipped, actor_id, now)

        # One transaction for ticket, run stamp and RECURRING event: a failure anywhere (or a
        # crash) leaves neither, so `_recover` can never find a committed ticket's run unstamped.
        saved = self._tickets.create(fields, actor_id, also_in_transaction=stamp)
        return saved.detail.ticket_id

    def _recover(self, now: dt.datetime) -> tuple[list[int], int]:
        """Finish claims a sweeper left without a ticket (it stopped between claiming and
        creating): after `ABANDONED_AFTER`, one sweeper re-claims each by a conditional UPDATE
        of its claim time and creates the ticket. (created ticket ids, failures)"""
        with self._db.read() as s:
            orphans = [
                (run_id, claimed_at, due_at, _Due(r.id, r.name, due_at, r.created_by_id,
                                                  values_of(r), tz))
                for run_id, claimed_at, due_at, r, tz in s.execute(
                    select(RecurringRun.id, RecurringRun.created_at, RecurringRun.due_at,
                           RecurringTicket, Client.timezone)
                    .join(RecurringTicket, RecurringRun.recurring_id == RecurringTicket.id)
                    .join(Client, RecurringTicket.client_id == Client.id)
                    .where(
                        RecurringRun.ticket_id.is_(None),
                        RecurringRun.created_at < now - ABANDONED_AFTER,
                        RecurringTicket.active.is_(True),
                    )
                    .order_by(RecurringRun.due_at, RecurringRun.id)
                ).all()
            ]  # fmt: skip
        created: list[int] = []
        failed = 0
        for run_id, claimed_at, due_at, row in orphans:
            with self._db.write() as s:
                reclaimed = s.execute(
                    update(RecurringRun)
                    .where(
                        RecurringRun.id == run_id,
                        RecurringRun.ticket_id.is_(None),
                        RecurringRun.created_at == claimed_at,
                    )
                    .values(created_at=now)
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(reclaimed) != 1:
                    continue
            try:
                ticket_id = self._create_ticket(row, run_id, now, due_at, 0, now)
            except _Lost:
                continue  # yet another sweeper re-claimed it meanwhile and owns it now
            except Exception:
                # The claim keeps its new time: retried once it is abandoned again.
                log.exception("recurring %s: abandoned run %s still not created", row.id, run_id)
                failed += 1
                continue
            created.append(ticket_id)
        return created, failed

    def _claim(
        self,
        recurring_id: int,
        read_next: dt.datetime,
        due_at: dt.datetime,
        upcoming: dt.datetime | None,
        now: dt.datetime,
    ) -> int:
        try:
            with self._db.write() as s:
                run = RecurringRun(recurring_id=recurring_id, due_at=due_at, created_at=now)
                s.add(run)
                s.flush()
                moved = s.execute(
                    update(RecurringTicket)
                    .where(
                        RecurringTicket.id == recurring_id,
                        RecurringTicket.active.is_(True),
                        RecurringTicket.next_run_at == read_next,
                    )
                    .values(next_run_at=upcoming)
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(moved) != 1:
                    raise _Lost
                return run.id
        except IntegrityError:
            raise _Lost from None

    def _unclaim(
        self,
        recurring_id: int,
        run_id: int,
        claimed_at: dt.datetime,
        read_next: dt.datetime,
        upcoming: dt.datetime | None,
    ) -> None:
        with self._db.write() as s:
            gone = s.execute(
                delete(RecurringRun)
                .where(
                    RecurringRun.id == run_id,
                    RecurringRun.ticket_id.is_(None),
                    RecurringRun.created_at == claimed_at,
                )
                .execution_options(synchronize_session=False)
            )
            if _rowcount(gone) != 1:
                # Another sweeper re-claimed (and maybe finished) the occurrence: it is theirs;
                # deleting their run or moving next_run_at back would create it a second time.
                return
            s.execute(
                update(RecurringTicket)
                .where(
                    RecurringTicket.id == recurring_id,
                    _is(RecurringTicket.next_run_at, upcoming),
                )
                .values(next_run_at=read_next)
                .execution_options(synchronize_session=False)
            )

    def _advance(
        self, recurring_id: int, read_next: dt.datetime, upcoming: dt.datetime | None
    ) -> None:
        with self._db.write() as s:
            s.execute(
                update(RecurringTicket)
                .where(RecurringTicket.id == recurring_id, RecurringTicket.next_run_at == read_next)
                .values(next_run_at=upcoming)
                .execution_options(synchronize_session=False)
            )

    def _finish(
        self,
        s: Session,
        ticket_id: int,
        row: _Due,
        run_id: int,
        claimed_at: dt.datetime,
        due_at: dt.datetime,
        skipped: int,
        actor_id: int,
        now: dt.datetime,
    ) -> None:
        """Stamp the run row with its ticket and write the RECURRING event, inside the ticket's
        own transaction `s`. Raises _Lost (rolling the ticket back) unless the claim is still
        ours: unstamped and with the claim time we wrote."""
        timezone = row.timezone
        local = due_at.astimezone(recurrence.zone(timezone) or dt.UTC)
        body = (
            f"Created by the recurring schedule “{row.name}” for its occurrence of "
            f"{local:%a %d %b %Y %H:%M} ({timezone})."
        )
        if skipped:
            body += f" {skipped} earlier missed occurrence(s) were skipped."
        stamped = s.execute(
            update(RecurringRun)
            .where(
                RecurringRun.id == run_id,
                RecurringRun.ticket_id.is_(None),
                RecurringRun.created_at == claimed_at,
            )
            .values(ticket_id=ticket_id)
            .execution_options(synchronize_session=False)
        )
        if _rowcount(stamped) != 1:
            # A sweeper took this claim for abandoned (its clock may run ahead) and re-claimed
            # it: exactly one of us may keep a ticket, and it is the one whose stamp matches.
            raise _Lost
        s.add(
            TicketEvent(
                ticket_id=ticket_id,
                at=now,
                actor_id=actor_id,
                kind=EventKind.RECURRING,
                new_value=str(row.id),
                body=body,
            )
        )


# -- helpers ---------------------------------------------------------------------------------


def _rowcount(result: Any) -> int:
    return int(result.rowcount)


def _is(column: Any, value: dt.datetime | None) -> Any:
    return column.is_(None) if value is None else column == value


def _sweep_actor(s: Session, author_id: int | None) -> int:
    """Who creates the ticket: the schedule's author while they may edit, else the longest-
    standing active administrator (a departed author must not stop the backup checks)."""
    if author_id is not None:
        author = s.get(Technician, author_id)
        if author is not None and author.active and author.role is not Role.READ_ONLY:
            return author.id
    admin = s.scalar(
        select(Technician.id)
        .where(Technician.active.is_(True), Technician.role == Role.ADMIN)
        .order_by(Technician.id)
        .limit(1)
    )
    if admin is None:
        raise NotFoundError("technician", "active administrator")
    return int(admin)


def _timezone(s: Session, client_id: int) -> str:
    tz = s.scalar(select(Client.timezone).where(Client.id == client_id))
    return str(tz) if tz else "UTC"


def _row(r: RecurringTicket, client_name: str, timezone: str) -> RecurringRow:
    return RecurringRow(
        recurring_id=r.id,
        values=values_of(r),
        client_name=client_name,
        timezone=timezone,
        active=r.active,
        next_run_at=r.next_run_at if r.active else None,
        version=r.version,
    )


def _load(s: Session, recurring_id: int) -> RecurringTicket:
    row = s.get(RecurringTicket, recurring_id)
    if row is None:
        raise NotFoundError("recurring", recurring_id)
    return row


def _load_row(s: Session, recurring_id: int) -> RecurringRow:
    found = s.execute(
        select(RecurringTicket, Client.name, Client.timezone)
        .join(Client, RecurringTicket.client_id == Client.id)
        .where(RecurringTicket.id == recurring_id)
    ).one_or_none()
    if found is None:
        raise NotFoundError("recurring", recurring_id)
    return _row(*found)


def _check_version(row: RecurringTicket, expected_version: int) -> None:
    if row.version != expected_version:
        raise ConcurrentEditError("recurring", row.id, row.version)
