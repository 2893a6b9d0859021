"""Resolving, verifying with the requester, closing with the CSAT survey, and reopening tickets.

domain.md §2.7 (T14, T15, C6): a ticket is *Resolved* with a written resolution and a code, the
fix is confirmed with the requester (required before closing when the client's
`verify_before_close` says so), and closing records the requester's satisfaction: a score, or
that the survey was sent or declined. `TicketService.update` refuses to set *Resolved* or
*Closed* so these guards cannot be bypassed; reopening goes back to *In progress*.

Each public method is one unit of work, callable from any thread. What was recorded stays:
reopening keeps the resolution, verification and CSAT as history (a later close replaces the
ticket's one CSAT row and says so on the timeline), and a verification only counts for the
resolution it followed (`verified_at >= resolved_at`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import Client, Technician, Ticket
from app.models.enums import EventKind, Status, TicketType
from app.models.workflow import ChangePlan, CsatResponse
from app.services.change_records import IMPLEMENTED, ROLLED_BACK
from app.services.clock import Clock
from app.services.errors import NotFoundError, ValidationError
from app.services.permissions import require_admin, require_editor
from app.services.sla import SlaService
from app.services.ticket_store import add_event, load_ticket, ticket_conflict
from app.services.tickets import TEXT_MAX, TicketSaved, TicketService

#: Resolution codes, in the order the resolve dialog lists them (labels live in the view).
RESOLUTION_CODES: Final = (
    "fixed",
    "workaround",
    "user_training",
    "configuration_change",
    "hardware_replaced",
    "vendor_fix",
    "no_fault_found",
    "duplicate",
    "out_of_scope",
    "cancelled_by_user",
)
#: How the fix was confirmed with the requester; also how a CSAT answer was taken.
VERIFY_METHODS: Final = ("phone", "email", "in_person")
CSAT_CHANNELS: Final = VERIFY_METHODS
#: The survey's outcome at closure: a score was given, a survey link was sent, or refused.
CSAT_STATES: Final = ("answered", "sent", "declined")
CSAT_SCORE_MIN: Final = 1
CSAT_SCORE_MAX: Final = 5
CSAT_COMMENT_MAX: Final = 5_000
NOTE_MAX: Final = 5_000
#: A resolution must say something: this many letters or digits at least.
RESOLUTION_MIN_CHARS: Final = 10
#: Prefix of the line a logged call adds for what the user was told (next steps, next update).
TOLD_USER_PREFIX: Final = "Told the user: "
_NUL: Final = "\x00"
#: Change-record states in which a change ticket may be resolved (the change was carried out).
_CHANGE_DONE: Final = frozenset({IMPLEMENTED, ROLLED_BACK})
#: Changes one loaded ticket inside `ClosureService._versioned`; raises to refuse.
_Change = Callable[[Session, Ticket, dt.datetime], None]


@dataclass(frozen=True, slots=True)
class CsatInput:
    """The survey outcome recorded at closure."""

    #: answered, sent or declined.
    state: str
    #: 1–5, only when answered.
    score: int | None = None
    comment: str = ""
    #: phone, email or in_person; required when answered, optional otherwise.
    channel: str = ""


@dataclass(frozen=True, slots=True)
class CsatRecord:
    """The ticket's stored CSAT response."""

    state: str
    score: int | None
    comment: str
    channel: str
    recorded_at: dt.datetime
    recorded_by_name: str | None


@dataclass(frozen=True, slots=True)
class ClosureState:
    """What the Resolution tab shows about one ticket."""

    ticket_id: int
    status: Status
    version: int
    resolution: str
    resolution_code: str
    workaround: bool
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    verified_how: str
    verified_at: dt.datetime | None
    verified_note: str
    #: The client wants the fix confirmed before closing.
    verification_required: bool
    csat: CsatRecord | None

    @property
    def verified_current(self) -> bool:
        """The recorded verification followed the current resolution (not an earlier one)."""
        return (
            self.verified_at is not None
            and self.resolved_at is not None
            and self.verified_at >= self.resolved_at
        )

    @property
    def can_resolve(self) -> bool:
        return self.status.is_open

    @property
    def can_close(self) -> bool:
        return self.status is Status.RESOLVED

    @property
    def can_reopen(self) -> bool:
        return self.status in (Status.RESOLVED, Status.CLOSED)


def with_told_user(summary: str, told: str) -> str:
    """A call summary with what the user was told appended as its own, clearly marked line."""
    told = " ".join(told.split())
    if not told:
        return summary
    return f"{summary.rstrip()}\n\n{TOLD_USER_PREFIX}{told}"


class ClosureService:
    """Resolve, verify, close (with CSAT) and reopen. Any thread; each call commits its own unit."""

    def __init__(self, db: Database, clock: Clock, sla: SlaService | None = None) -> None:
        self._db = db
        self._clock = clock
        self._sla = sla
        # Only for its `get` after a write: the detail every ticket write returns.
        self._tickets = TicketService(db, clock, sla)

    # -- reads ---------------------------------------------------------------------------------

    def state(self, ticket_id: int) -> ClosureState:
        with self._db.read() as s:
            t = load_ticket(s, ticket_id)
            required = bool(
                s.scalar(select(Client.verify_before_close).where(Client.id == t.client_id))
            )
            row = s.execute(
                select(CsatResponse, Technician.name)
                .outerjoin(Technician, CsatResponse.recorded_by_id == Technician.id)
                .where(CsatResponse.ticket_id == ticket_id)
            ).first()
            csat = None
            if row is not None:
                r, name = row
                csat = CsatRecord(r.state, r.score, r.comment, r.channel, r.recorded_at, name)
            return ClosureState(
                ticket_id=t.id,
                status=t.status,
                version=t.version,
                resolution=t.resolution,
                resolution_code=t.resolution_code,
                workaround=t.workaround,
                resolved_at=t.resolved_at,
                closed_at=t.closed_at,
                verified_how=t.verified_how,
                verified_at=t.verified_at,
                verified_note=t.verified_note,
                verification_required=required,
                csat=csat,
            )

    # -- writes --------------------------------------------------------------------------------

    def resolve(
        self,
        ticket_id: int,
        expected_version: int,
        resolution: str,
        resolution_code: str,
        workaround: bool,
        actor_id: int,
    ) -> TicketSaved:
        """Record the resolution and set the ticket *Resolved*."""
        resolution = resolution.strip()
        problems: dict[str, str] = {}
        if not resolution:
            problems["resolution"] = "required"
        elif len(resolution) > TEXT_MAX:
            problems["resolution"] = "too_long"
        elif _NUL in resolution:
            problems["resolution"] = "invalid"
        elif sum(ch.isalnum() for ch in resolution) < RESOLUTION_MIN_CHARS:
            problems["resolution"] = "too_short"
        if not resolution_code:
            problems["resolution_code"] = "required"
        elif resolution_code not in RESOLUTION_CODES:
            problems["resolution_code"] = "invalid"

        def change(s: Session, t: Ticket, now: dt.datetime) -> None:
            if not t.is_open:
                problems["status"] = "not_open"
            elif t.type is TicketType.PROBLEM and "status" not in problems:
                blocked = _problem_blocker(s, t.id)
                if blocked:
                    problems["status"] = blocked
            elif t.type is TicketType.CHANGE and not _change_done(s, t.id):
                # A change is approved first and then carried out (domain.md §2.3): resolving
                # it earlier would let an unapproved or unfinished change count as done.
                problems["status"] = "change_not_done"
            if problems:
                raise ValidationError(problems)
            t.resolution = resolution
            t.resolution_code = resolution_code
            t.workaround = workaround
            add_event(s, t, actor_id, now, EventKind.STATUS_CHANGED, t.status, Status.RESOLVED)
            t.set_status(Status.RESOLVED, now)
            kind = "Workaround" if workaround else "Resolution"
            add_event(
                s,
                t,
                actor_id,
                now,
                EventKind.RESOLUTION,
                "workaround" if workaround else "",
                resolution_code,
                f"{kind} ({resolution_code.replace('_', ' ')}): {resolution}",
            )

        return self._versioned(ticket_id, expected_version, actor_id, change)

    def verify(
        self, ticket_id: int, how: str, when: dt.datetime, note: str, actor_id: int
    ) -> TicketSaved:
        """Record that the requester confirmed the fix. Like a note, this leaves the ticket's
        version alone, so a technician's open edit is not turned into a conflict."""
        note = note.strip()
        now = self._clock.now()
        problems: dict[str, str] = {}
        if not how:
            problems["how"] = "required"
        elif how not in VERIFY_METHODS:
            problems["how"] = "invalid"
        if when.tzinfo is None or when.utcoffset() is None:
            problems["when"] = "invalid"
        elif when > now:
            problems["when"] = "in_future"
        if len(note) > NOTE_MAX:
            problems["note"] = "too_long"
        elif _NUL in note:
            problems["note"] = "invalid"
        with self._db.write() as s:
            require_editor(s, actor_id, "verify_resolution")
            t = load_ticket(s, ticket_id)
            if t.status is not Status.RESOLVED:
                problems["status"] = "not_resolved"
            elif (
                "when" not in problems
                and t.resolved_at is not None
                and when.astimezone(dt.UTC) < _minute(t.resolved_at)
            ):
                problems["when"] = "before_resolved"
            if problems:
                raise ValidationError(problems)
            # Forms pick minutes: a confirmation typed for the minute of the resolution is
            # stored as the resolution instant, so it counts for that resolution.
            when = when.astimezone(dt.UTC)
            if t.resolved_at is not None:
                when = max(when, t.resolved_at)
            s.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id)
                .values(verified_how=how, verified_at=when, verified_note=note, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            body = f"The requester confirmed the fix ({_HOW[how]})."
            if note:
                body += f" {note}"
            add_event(s, t, actor_id, now, EventKind.REQUESTER_VERIFIED, "", how, body)
            # The event's instant is when it was recorded; the ticket row keeps the instant the
            # requester confirmed.
            changes = Changes("ticket", frozenset({ticket_id}))
            self._db.announce(s, changes)
        return TicketSaved(self._tickets.get(ticket_id), changes)

    def close(
        self, ticket_id: int, expected_version: int, csat: CsatInput, actor_id: int
    ) -> TicketSaved:
        """Close a resolved ticket, recording the CSAT outcome (one row per ticket)."""
        problems = csat_problems(csat)
        comment = csat.comment.strip()

        def change(s: Session, t: Ticket, now: dt.datetime) -> None:
            if t.status is not Status.RESOLVED:
                problems["status"] = "not_resolved"
            else:
                required = s.scalar(
                    select(Client.verify_before_close).where(Client.id == t.client_id)
                )
                verified = (
                    t.verified_at is not None
                    and t.resolved_at is not None
                    and t.verified_at >= t.resolved_at
                )
                if required and not verified:
                    problems["verification"] = "verification_required"
                if t.type is TicketType.PROBLEM:
                    blocked = _problem_blocker(s, t.id)
                    if blocked:
                        problems["status"] = blocked
            if problems:
                raise ValidationError(problems)
            row = s.scalar(select(CsatResponse).where(CsatResponse.ticket_id == t.id))
            before = "" if row is None else _csat_text(row.state, row.score)
            if row is None:
                row = CsatResponse(ticket_id=t.id)
                s.add(row)
            row.client_id = t.client_id
            row.contact_id = t.contact_id
            row.technician_id = t.assignee_id
            row.state = csat.state
            row.score = csat.score if csat.state == "answered" else None
            row.comment = comment
            row.channel = csat.channel
            row.recorded_at = now
            row.recorded_by_id = actor_id
            body = _csat_sentence(csat.state, row.score, csat.channel, comment)
            if before:
                body += f" This replaces the earlier survey ({before})."
            add_event(
                s, t, actor_id, now, EventKind.CSAT, before, _csat_text(csat.state, row.score), body
            )
            add_event(s, t, actor_id, now, EventKind.STATUS_CHANGED, t.status, Status.CLOSED)
            t.set_status(Status.CLOSED, now)

        return self._versioned(ticket_id, expected_version, actor_id, change)

    def reopen(
        self, ticket_id: int, expected_version: int, reason: str, actor_id: int
    ) -> TicketSaved:
        """Back to *In progress* with a reason; resolution, verification and CSAT stay as
        history (a verification only counts for the resolution it followed)."""
        reason = reason.strip()
        problems: dict[str, str] = {}
        if not reason:
            problems["reason"] = "required"
        elif len(reason) > NOTE_MAX:
            problems["reason"] = "too_long"
        elif _NUL in reason:
            problems["reason"] = "invalid"

        def change(s: Session, t: Ticket, now: dt.datetime) -> None:
            if t.status not in (Status.RESOLVED, Status.CLOSED):
                problems["status"] = "not_resolved"
            if problems:
                raise ValidationError(problems)
            body = f"Reopened: {reason}"
            add_event(
                s, t, actor_id, now, EventKind.STATUS_CHANGED, t.status, Status.IN_PROGRESS, body
            )
            t.set_status(Status.IN_PROGRESS, now)

        return self._versioned(ticket_id, expected_version, actor_id, change)

    def verify_before_close(self, client_id: int) -> bool:
        """Whether the client wants the fix confirmed with the requester before closing."""
        with self._db.read() as s:
            required = s.scalar(select(Client.verify_before_close).where(Client.id == client_id))
            if required is None:
                raise NotFoundError("client", client_id)
            return bool(required)

    def set_verify_before_close(self, client_id: int, required: bool, actor_id: int) -> None:
        """The client's rule: closing needs "verified with requester" first (admin only)."""
        with self._db.write() as s:
            require_admin(s, actor_id, "set_verify_before_close")
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            if client.verify_before_close != required:
                client.verify_before_close = required
                self._db.announce(s, Changes("client", frozenset({client_id})))

    # -- helpers -------------------------------------------------------------------------------

    def _versioned(
        self,
        ticket_id: int,
        expected_version: int,
        actor_id: int,
        change: _Change,
    ) -> TicketSaved:
        """Run `change` on the ticket at `expected_version` with the SLA recompute, or refuse."""
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "edit_ticket")
                t = load_ticket(s, ticket_id)
                if t.version != expected_version:
                    raise ticket_conflict(s, t)
                change(s, t, now)
                t.updated_at = now
                t.updated_by_id = actor_id
                s.flush()
                if self._sla is not None:
                    self._sla.recompute_in(s, (ticket_id,), now)
                changes = Changes("ticket", frozenset({ticket_id}))
                self._db.announce(s, changes)
        except StaleDataError:
            with self._db.read() as s:
                raise ticket_conflict(s, load_ticket(s, ticket_id)) from None
        return TicketSaved(self._tickets.get(ticket_id), changes)


_HOW: Final = {"phone": "by phone", "email": "by e-mail", "in_person": "in person"}


def csat_problems(csat: CsatInput) -> dict[str, str]:
    """What is wrong with a CSAT outcome (field → code); empty when it can be recorded. Views
    check this before writing anything, so a bad survey never leaves a half-done closure."""
    problems: dict[str, str] = {}
    if not csat.state:
        problems["csat_state"] = "required"
    elif csat.state not in CSAT_STATES:
        problems["csat_state"] = "invalid"
    elif csat.state == "answered":
        if csat.score is None:
            problems["csat_score"] = "required"
        elif (
            isinstance(csat.score, bool)
            or not isinstance(csat.score, int)
            or not CSAT_SCORE_MIN <= csat.score <= CSAT_SCORE_MAX
        ):
            problems["csat_score"] = "out_of_range"
        if not csat.channel:
            problems["csat_channel"] = "required"
    elif csat.score is not None:
        problems["csat_score"] = "not_allowed"
    if csat.channel and csat.channel not in CSAT_CHANNELS:
        problems["csat_channel"] = "invalid"
    comment = csat.comment.strip()
    if len(comment) > CSAT_COMMENT_MAX:
        problems["csat_comment"] = "too_long"
    elif _NUL in comment:
        problems["csat_comment"] = "invalid"
    return problems


def _csat_text(state: str, score: int | None) -> str:
    """The short stored form on the event: "4/5", "sent", "declined"."""
    return f"{score}/5" if state == "answered" and score is not None else state


def _csat_sentence(state: str, score: int | None, channel: str, comment: str) -> str:
    if state == "answered":
        text = f"The requester rated the service {score}/5"
        text += f" ({_HOW[channel]})." if channel in _HOW else "."
    elif state == "sent":
        text = "A satisfaction survey was sent to the requester."
    else:
        text = "The requester declined the satisfaction survey."
    if comment:
        text += f" Comment: {comment}"
    return text


def _problem_blocker(s: Session, ticket_id: int) -> str | None:
    """Why a problem ticket cannot be resolved yet (open linked incidents…), or None.

    Imported here, not at module level: the problem-record feature is built alongside this one.
    """
    from app.services.problem_records import problem_can_close

    reason = problem_can_close(s, ticket_id)
    return str(reason) if reason else None


def _change_done(s: Session, ticket_id: int) -> bool:
    """True when the change ticket's change record was implemented or rolled back; a change
    ticket without a change record has not been approved, so it is not done either."""
    state = s.scalar(select(ChangePlan.state).where(ChangePlan.ticket_id == ticket_id))
    return state in _CHANGE_DONE


def _minute(value: dt.datetime) -> dt.datetime:
    return value.replace(second=0, microsecond=0)
