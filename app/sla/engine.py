"""Ticket history in, SLA deadlines out: `evaluate(facts, policy, calendar, now)`.

A pure function of the ticket's start, priority, full status history and customer-visible
communications (sla.md §9–§12). Pause spans are rebuilt from the history on every call, so no
running total can be lost when a policy, priority or calendar changes (the GLPI #6902 bug).
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from app.sla.calendar import BusinessCalendar, CalendarError
from app.sla.policy import DEFAULT_WARN_PERCENT, Level, Policy, Target, TargetKind

Span = tuple[dt.datetime, dt.datetime]

#: Categories in which a ticket no longer needs work: the resolution clock has stopped.
_DONE: Final = frozenset({"resolved", "closed"})


class TargetState(enum.StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    #: Running, past its warning instant.
    WARNING = "warning"
    #: Open past due, or met after due.
    BREACHED = "breached"
    MET = "met"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class StatusChange:
    """The ticket entered `category` (sla.md §10.1) at `at`."""

    at: dt.datetime
    category: str


@dataclass(frozen=True, slots=True)
class TicketFacts:
    """What the engine needs of one ticket; instants are aware UTC datetimes."""

    created_at: dt.datetime
    priority: str
    #: Every status change, oldest first; the first entry is the status at creation.
    statuses: tuple[StatusChange, ...]
    #: Customer-visible technician communications (public replies, public calls), oldest first.
    communications: tuple[dt.datetime, ...] = ()
    #: Explicit acknowledgements (self-assignment); count as response only if the policy says so.
    acknowledgements: tuple[dt.datetime, ...] = ()
    #: domain.md §4.2: in_scope, best_effort or out_of_scope.
    scope: str = "in_scope"


@dataclass(frozen=True, slots=True)
class LevelDue:
    level: Level
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class TargetResult:
    kind: TargetKind
    state: TargetState
    start_at: dt.datetime
    #: Business seconds allowed (end-of-business-day targets converted at the start).
    target_seconds: int
    #: None while paused, cancelled, or when the calendar has no working time ahead.
    due_at: dt.datetime | None
    warn_at: dt.datetime | None
    met_at: dt.datetime | None
    #: The due instant that was missed; None when not breached.
    breached_at: dt.datetime | None
    #: Business seconds past due at the event (or now); 0 when on time.
    business_overrun_seconds: int
    #: Business seconds spent waiting on the customer or a third party.
    paused_business_seconds: int
    #: Business seconds between a resolution and its reopen (reported apart from waiting).
    reopen_business_seconds: int
    reopen_count: int
    #: Business seconds left now; negative when overdue; frozen while paused; None when done.
    time_left_seconds: int | None
    levels: tuple[LevelDue, ...] = ()
    #: "no_working_time" when the calendar offers no due instant within its walk cap.
    problem: str | None = None
    #: Business seconds from start to the met instant, waits left out (the reports' "time to
    #: respond / resolve"); None until met.
    business_elapsed_seconds: int | None = None

    @property
    def is_open(self) -> bool:
        """True while the clock can still run out (levels may fire)."""
        return self.state in (TargetState.RUNNING, TargetState.WARNING, TargetState.BREACHED) and (
            self.met_at is None
        )


@dataclass(frozen=True, slots=True)
class _History:
    """Status history folded into the spans and instants the targets need."""

    waiting: tuple[Span, ...]
    reopens: tuple[Span, ...]
    #: Entries into resolved/closed, oldest first.
    resolutions: tuple[dt.datetime, ...]
    current: str
    #: Start of the waiting span the ticket is in now, if any.
    open_pause_from: dt.datetime | None
    #: When the current done/cancelled state began.
    done_since: dt.datetime | None


def evaluate(
    facts: TicketFacts, policy: Policy, calendar: BusinessCalendar, now: dt.datetime
) -> tuple[TargetResult, ...]:
    """Every target of `policy` for this ticket at `now`, response first."""
    history = _fold(facts.statuses, policy.pause_categories, now)
    results: list[TargetResult] = []
    response = policy.target(facts.priority, TargetKind.RESPONSE)
    first_response: dt.datetime | None = None
    if response is not None:
        r = _response(facts, policy, response, calendar, history, now)
        results.append(r)
        first_response = r.met_at
    resolution = policy.target(facts.priority, TargetKind.RESOLUTION)
    if resolution is not None:
        results.append(_resolution(facts, policy, resolution, calendar, history, now))
    update = policy.target(facts.priority, TargetKind.UPDATE)
    if update is not None and first_response is not None:
        results.append(_update(facts, policy, update, calendar, history, first_response, now))
    return tuple(results)


def time_left(
    calendar: BusinessCalendar, due_at: dt.datetime, now: dt.datetime, pauses: Sequence[Span] = ()
) -> int:
    """Business seconds until `due_at`, negative once past it (sla.md §12)."""
    if now < due_at:
        return calendar.between(now, due_at, pauses)
    return -calendar.between(due_at, now, pauses)


# -- history ------------------------------------------------------------------------------------


def _fold(statuses: Sequence[StatusChange], pausing: frozenset[str], now: dt.datetime) -> _History:
    waiting: list[Span] = []
    reopens: list[Span] = []
    resolutions: list[dt.datetime] = []
    current = "new"
    since: dt.datetime | None = None
    for change in statuses:
        at = min(change.at, now)
        if since is not None and current != change.category:
            if current in pausing:
                waiting.append((since, at))
            elif _stopped(current) and not _stopped(change.category):
                reopens.append((since, at))
        if change.category in _DONE and not _stopped(current):
            resolutions.append(at)
        if since is None or current != change.category:
            # A move between two done states (resolved → closed) keeps the clock stopped since
            # the first of them.
            if not (_stopped(current) and _stopped(change.category) and since is not None):
                since = at
            current = change.category
    open_pause = since if current in pausing else None
    done_since = since if _stopped(current) else None
    return _History(
        tuple(waiting), tuple(reopens), tuple(resolutions), current, open_pause, done_since
    )


def _stopped(category: str) -> bool:
    return category in _DONE or category == "cancelled"


# -- targets ------------------------------------------------------------------------------------


def _seconds(target: Target, calendar: BusinessCalendar, start: dt.datetime) -> int:
    seconds = target.seconds
    if seconds is not None:
        return seconds
    return calendar.between(start, calendar.business_day_end(start, target.amount))


def _response(
    facts: TicketFacts,
    policy: Policy,
    target: Target,
    calendar: BusinessCalendar,
    h: _History,
    now: dt.datetime,
) -> TargetResult:
    start = facts.created_at
    answers = [t for t in facts.communications if t >= start]
    if policy.ack_counts_as_response:
        answers += [t for t in facts.acknowledgements if t >= start]
    met_at = min((t for t in answers if t <= now), default=None)
    cancelled = met_at is None and h.current == "cancelled"
    # A status change is no response (sla.md §9), but a resolved ticket owes none any more:
    # the clock stops unmet, breached if it had already run out.
    stopped = h.done_since if met_at is None and h.current in _DONE else None
    # domain.md §2.8: the response clock never pauses.
    return _measure(
        TargetKind.RESPONSE,
        target,
        calendar,
        start,
        (),
        met_at,
        cancelled,
        None,
        h,
        now,
        policy,
        stopped_at=stopped,
    )


def _resolution(
    facts: TicketFacts,
    policy: Policy,
    target: Target,
    calendar: BusinessCalendar,
    h: _History,
    now: dt.datetime,
) -> TargetResult:
    start = facts.created_at
    pausable = TargetKind.RESOLUTION in policy.pause_applies_to
    # The reopen span pauses resolution whatever the policy says (sla.md §10.7).
    pauses = (*h.waiting, *h.reopens) if pausable else h.reopens
    met_at = h.resolutions[-1] if h.current in _DONE and h.resolutions else None
    cancelled = facts.scope == "out_of_scope" or (h.current == "cancelled" and met_at is None)
    paused_from = h.open_pause_from if pausable else None
    return _measure(
        TargetKind.RESOLUTION,
        target,
        calendar,
        start,
        pauses,
        met_at,
        cancelled,
        paused_from,
        h,
        now,
        policy,
    )


def _update(
    facts: TicketFacts,
    policy: Policy,
    target: Target,
    calendar: BusinessCalendar,
    h: _History,
    first_response: dt.datetime,
    now: dt.datetime,
) -> TargetResult:
    waits = h.waiting if TargetKind.UPDATE in policy.pause_applies_to else ()
    # sla.md §9: the update clock is not armed while the ticket is resolved or closed, so a
    # reopened ticket's resolved span pauses it (as it pauses resolution, §10.7).
    pauses = (*waits, *h.reopens)
    later = (t for t in facts.communications if first_response < t <= now)
    stamps = sorted({first_response, *later})
    # An overdue gap earlier in the ticket's life stays a breach after later updates.
    first_breach: dt.datetime | None = None
    overrun = 0
    for before, after in itertools.pairwise(stamps):
        due = calendar.add(before, _seconds(target, calendar, before), pauses)
        if after > due and first_breach is None:
            first_breach = due
            overrun = calendar.between(due, after, pauses)
    last = stamps[-1]
    # Resolved or closed: no more updates are owed. Cancelled: the open clock is cancelled
    # (sla.md §9 "Merge / cancel"), not met.
    done = h.current in _DONE
    result = _measure(
        TargetKind.UPDATE,
        target,
        calendar,
        last,
        pauses,
        h.done_since if done else None,
        facts.scope == "out_of_scope" or h.current == "cancelled",
        h.open_pause_from if TargetKind.UPDATE in policy.pause_applies_to else None,
        h,
        now,
        policy,
    )
    if first_breach is None or result.breached_at is not None:
        return result
    return _replace_breach(result, first_breach, overrun)


def _replace_breach(r: TargetResult, breached_at: dt.datetime, overrun: int) -> TargetResult:
    state = TargetState.BREACHED if r.state is TargetState.MET else r.state
    return TargetResult(
        r.kind,
        state,
        r.start_at,
        r.target_seconds,
        r.due_at,
        r.warn_at,
        r.met_at,
        breached_at,
        overrun,
        r.paused_business_seconds,
        r.reopen_business_seconds,
        r.reopen_count,
        r.time_left_seconds,
        r.levels,
        r.problem,
    )


def _measure(
    kind: TargetKind,
    target: Target,
    calendar: BusinessCalendar,
    start: dt.datetime,
    pauses: Sequence[Span],
    met_at: dt.datetime | None,
    cancelled: bool,
    paused_from: dt.datetime | None,
    h: _History,
    now: dt.datetime,
    policy: Policy,
    *,
    stopped_at: dt.datetime | None = None,
) -> TargetResult:
    """Due, warning, state and levels of one clock started at `start`.

    `stopped_at`: the clock stopped unmet then (breached if past due, else cancelled).
    """
    end = met_at or now
    # sla.md §10.3: a wait still open at evaluation time ends at "now".
    waiting = h.waiting if h.open_pause_from is None else (*h.waiting, (h.open_pause_from, now))
    waited = _covered(calendar, waiting, start, end) if kind is not TargetKind.RESPONSE else 0
    reopened = _covered(calendar, h.reopens, start, end) if kind is TargetKind.RESOLUTION else 0
    reopen_count = len(h.reopens) if kind is TargetKind.RESOLUTION else 0
    try:
        seconds = _seconds(target, calendar, start)
        # The waiting span the ticket is in now is left out: its end is unknown.
        closed = [p for p in pauses if paused_from is None or p[0] < paused_from]
        due = calendar.add(start, seconds, closed)
    except CalendarError:
        return TargetResult(
            kind, TargetState.RUNNING, start, 0, None, None, met_at, None, 0, waited, reopened,
            reopen_count, None, (), "no_working_time",
            _elapsed(calendar, start, met_at, pauses),
        )  # fmt: skip
    if cancelled:
        return TargetResult(
            kind, TargetState.CANCELLED, start, seconds, None, None, met_at, None, 0, waited,
            reopened, reopen_count, None,
            business_elapsed_seconds=_elapsed(calendar, start, met_at, pauses),
        )  # fmt: skip
    if met_at is None and paused_from is not None and due > paused_from:
        used = calendar.between(start, paused_from, closed)
        return TargetResult(
            kind, TargetState.PAUSED, start, seconds, None, None, None, None, 0, waited,
            reopened, reopen_count, seconds - used,
        )  # fmt: skip
    warn_at = _warning(target, calendar, start, seconds, closed, due)
    if met_at is None and stopped_at is not None:
        missed = stopped_at > due
        return TargetResult(
            kind, TargetState.BREACHED if missed else TargetState.CANCELLED, start, seconds, due,
            warn_at, None, due if missed else None,
            calendar.between(due, stopped_at) if missed else 0, waited, reopened, reopen_count,
            None,
        )  # fmt: skip
    event = met_at if met_at is not None else now
    late = event > due
    # Breached before the current wait began: the wait itself still does not count as overrun.
    waits = [*closed, (paused_from, now)] if paused_from is not None and met_at is None else closed
    overrun = calendar.between(due, event, waits) if late else 0
    if met_at is not None:
        state = TargetState.BREACHED if late else TargetState.MET
        left: int | None = None
    else:
        state = (
            TargetState.BREACHED
            if late
            else TargetState.WARNING
            if warn_at is not None and now >= warn_at
            else TargetState.RUNNING
        )
        left = time_left(calendar, due, now, waits)
    # A level "1 h before due" on a 30-minute clock would fall before the clock started and fire
    # at creation (glpi-project/glpi#15429): such a level does not apply to this clock.
    instants = (
        (lv, _level_instant(calendar, due, lv.offset_seconds)) for lv in policy.levels_for(kind)
    )
    levels = tuple(LevelDue(lv, at) for lv, at in instants if at >= start)
    return TargetResult(
        kind, state, start, seconds, due, warn_at, met_at, due if late else None, overrun,
        waited, reopened, reopen_count, left, levels,
        business_elapsed_seconds=_elapsed(calendar, start, met_at, closed),
    )  # fmt: skip


def _elapsed(
    calendar: BusinessCalendar,
    start: dt.datetime,
    met_at: dt.datetime | None,
    waits: Sequence[Span],
) -> int | None:
    return calendar.between(start, met_at, waits) if met_at is not None else None


def _warning(
    target: Target,
    calendar: BusinessCalendar,
    start: dt.datetime,
    seconds: int,
    pauses: Sequence[Span],
    due: dt.datetime,
) -> dt.datetime | None:
    if target.warn_before_seconds is not None:
        return calendar.subtract(due, target.warn_before_seconds)
    percent = target.warn_at_percent or DEFAULT_WARN_PERCENT
    return calendar.add(start, seconds * percent // 100, pauses)


def _level_instant(calendar: BusinessCalendar, due: dt.datetime, offset: int) -> dt.datetime:
    if offset < 0:
        return calendar.subtract(due, -offset)
    if offset == 0:
        return due
    return calendar.add(due, offset)


def _covered(
    calendar: BusinessCalendar, spans: Sequence[Span], start: dt.datetime, end: dt.datetime
) -> int:
    """Business seconds of `spans` inside [start, end)."""
    total = 0
    for a, b in spans:
        a, b = max(a, start), min(b, end)
        if a < b:
            total += calendar.between(a, b)
    return total
