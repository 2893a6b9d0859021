"""The SQL behind the report figures: each function is one statement (or one per group) over
a period's UTC bounds, optionally for one client. Same statements on SQLite and PostgreSQL.

Ticket rows never reach Python: counts, sums and groups come back aggregated, and a percentile
is read as two neighbouring values of an ordered query. The figures over a period's tickets
read the ticket's copy of its clocks' outcomes (`Ticket.response_sla_state` …, kept by the SLA
service) from the report indexes (`ix_ticket_report_*`), without the table or the clocks."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from app.models import (
    Asset,
    Contact,
    Contract,
    CsatResponse,
    EventKind,
    RemoteSession,
    Ticket,
    TicketEvent,
    TicketSla,
    TimeEntry,
    VendorCase,
)
from app.reports.figures import (
    BREACH_LIMIT,
    Breach,
    CategoryTime,
    Count,
    CsatFigures,
    PrepaidLine,
    RecurringIssue,
    SlaFigures,
)
from app.services.remote_sessions import method_label
from app.sla.engine import TargetState

PRIORITIES: Final = ("P1", "P2", "P3", "P4")
TIERS: Final = ("L0", "L1", "L2", "L3")
PENDING_STATES: Final = (
    TargetState.RUNNING.value,
    TargetState.WARNING.value,
    TargetState.PAUSED.value,
)
_MET: Final = TargetState.MET.value
#: Clocks with an outcome: met on time, or breached (met late or never).
DECIDED_STATES: Final = (TargetState.MET.value, TargetState.BREACHED.value)
_BREACHED: Final = TargetState.BREACHED.value
#: Top recurring issues shown per kind, and the tickets that make one recur.
RECURRING_PER_KIND: Final = 5
RECURRING_MIN: Final = 2
_EXAMPLES: Final = 5


@dataclass(frozen=True, slots=True)
class Scope:
    """The period's UTC bounds `[start, end)` and the client (None = every client)."""

    start: dt.datetime
    end: dt.datetime
    client_id: int | None

    def client(self, column: Any) -> ColumnElement[bool]:
        return column == self.client_id if self.client_id is not None else true()


def cohort(scope: Scope) -> ColumnElement[bool]:
    """Tickets opened in the period (a merged duplicate counts on its target)."""
    return and_(
        scope.client(Ticket.client_id),
        Ticket.created_at >= scope.start,
        Ticket.created_at < scope.end,
        Ticket.merged_into_id.is_(None),
    )


def closed_in(scope: Scope) -> ColumnElement[bool]:
    return and_(
        scope.client(Ticket.client_id),
        Ticket.closed_at >= scope.start,
        Ticket.closed_at < scope.end,
        Ticket.merged_into_id.is_(None),
    )


def count(s: Session, where: ColumnElement[bool]) -> int:
    return int(s.scalar(select(func.count()).select_from(Ticket).where(where)) or 0)


def percentiles(
    s: Session, scope: Scope, measured: dict[str, int], qs: tuple[float, ...]
) -> dict[str, tuple[float | None, ...]]:
    """Each kind's quantiles `qs` of business time, interpolated linearly between the two
    nearest ranks (numpy's and PostgreSQL's `percentile_cont` rule). One ordered pass per kind
    on either backend, over the ticket's copy of its clocks (an index-only read): the ranks are
    numbered by a window function and only the wanted ones come back. `measured` is each
    kind's population (`Outcomes.measured`)."""
    out: dict[str, tuple[float | None, ...]] = {}
    for kind, n in measured.items():
        if not n:
            continue
        state, seconds = CLOCK_COLUMNS[kind]
        wanted: set[int] = set()
        for q in qs:
            below = int((n - 1) * q)
            wanted.update((below + 1, min(below + 2, n)))
        ranked = (
            select(
                seconds.label("value"),
                func.row_number().over(order_by=seconds).label("rank"),
            )
            .where(cohort(scope), *_measured(state, seconds))
            .subquery()
        )
        values: dict[int, float] = {
            int(rank): float(value)
            for rank, value in s.execute(
                select(ranked.c.rank, ranked.c.value).where(ranked.c.rank.in_(sorted(wanted)))
            ).all()
        }
        found: list[float | None] = []
        for q in qs:
            position = (n - 1) * q
            below = int(position)
            low = values[below + 1]
            high = values.get(below + 2, low)
            found.append(low + (high - low) * (position - below))
        out[kind] = tuple(found)
    return out


def _measured(state: Any, seconds: Any) -> tuple[ColumnElement[bool], ...]:
    # Met clocks, late or not: a cancelled clock (out of scope) has a time but no outcome, and
    # the definition measures outcomes.
    return state.in_(DECIDED_STATES), seconds.is_not(None)


def csat_figures(s: Session, scope: Scope) -> CsatFigures:
    rows = s.execute(
        select(CsatResponse.state, func.count(), func.avg(CsatResponse.score))
        .where(
            scope.client(CsatResponse.client_id),
            CsatResponse.recorded_at >= scope.start,
            CsatResponse.recorded_at < scope.end,
        )
        .group_by(CsatResponse.state)
    ).all()
    counts = {state: int(n) for state, n, _ in rows}
    average = next((avg for state, _, avg in rows if state == "answered"), None)
    return CsatFigures(
        counts.get("answered", 0),
        counts.get("sent", 0),
        counts.get("declined", 0),
        float(average) if average is not None else None,
    )


def escalated_and_vendor(s: Session, scope: Scope) -> tuple[int, int, int]:
    """The period's tickets raised to L2 and to L3 (by escalation or a tier change, upwards,
    at any time since they were opened) and those with a vendor case. Read from the events and
    cases, which are few, rather than probed for each ticket of the period."""
    raised = dict(
        s.execute(
            select(TicketEvent.new_value, func.count(func.distinct(TicketEvent.ticket_id)))
            .join(Ticket, Ticket.id == TicketEvent.ticket_id)
            .where(
                TicketEvent.kind.in_((EventKind.ESCALATION, EventKind.TIER_CHANGED)),
                # A ticket's events come after it was opened, so none before the period counts.
                TicketEvent.at >= scope.start,
                TicketEvent.new_value.in_(("L2", "L3")),
                # Up, not down: tier names sort in their order (L0 < L1 < L2 < L3).
                TicketEvent.old_value < TicketEvent.new_value,
                cohort(scope),
            )
            .group_by(TicketEvent.new_value)
        ).all()
    )
    vendor = s.scalar(
        select(func.count(func.distinct(VendorCase.ticket_id)))
        .join(Ticket, Ticket.id == VendorCase.ticket_id)
        .where(cohort(scope))
    )
    return int(raised.get("L2", 0)), int(raised.get("L3", 0)), int(vendor or 0)


@dataclass(frozen=True, slots=True)
class Outcomes:
    """One target kind's clocks among a group of tickets."""

    met: int = 0
    breached: int = 0
    pending: int = 0
    #: Met clocks (late or not) with a business time: the percentiles' population.
    measured: int = 0

    def __add__(self, other: Outcomes) -> Outcomes:
        return Outcomes(
            self.met + other.met,
            self.breached + other.breached,
            self.pending + other.pending,
            self.measured + other.measured,
        )


@dataclass(frozen=True, slots=True)
class CohortGroup:
    """The period's tickets sharing the values of the grouping columns, counted once."""

    key: tuple[str, ...]
    opened: int
    response: Outcomes
    resolution: Outcomes


#: Each clock kind's state and business time as copied on the ticket.
CLOCK_COLUMNS: Final = {
    "response": (Ticket.response_sla_state, Ticket.response_business_seconds),
    "resolution": (Ticket.resolution_sla_state, Ticket.resolution_business_seconds),
}


def _outcome_sums(kind: str) -> list[Any]:
    state, seconds = CLOCK_COLUMNS[kind]
    return [
        func.sum(case((state == _MET, 1), else_=0)),
        func.sum(case((state == _BREACHED, 1), else_=0)),
        func.sum(case((state.in_(PENDING_STATES), 1), else_=0)),
        func.count(case((and_(*_measured(state, seconds)), seconds))),
    ]


def cohort_groups(s: Session, scope: Scope, *columns: Any) -> list[CohortGroup]:
    """One pass over the period's tickets (an index-only read): counts per group of
    `columns` and their clocks' outcomes."""
    stmt = select(
        *columns, func.count(), *_outcome_sums("response"), *_outcome_sums("resolution")
    ).where(cohort(scope))
    rows = s.execute(stmt.group_by(*columns)).all()
    width = len(columns)
    out = []
    for row in rows:
        key = tuple(str(getattr(v, "value", v)) if v is not None else "" for v in row[:width])
        n = [int(v or 0) for v in row[width:]]
        out.append(CohortGroup(key, n[0], Outcomes(*n[1:5]), Outcomes(*n[5:9])))
    return out


def sla_figures(
    s: Session, scope: Scope, response: Outcomes, resolution: Outcomes
) -> dict[str, SlaFigures]:
    """The period's outcomes (summed from `cohort_groups`) with their percentiles."""
    kinds = {"response": response, "resolution": resolution}
    quantiles = percentiles(s, scope, {k: o.measured for k, o in kinds.items()}, (0.5, 0.9))
    return {
        kind: SlaFigures(o.met, o.breached, o.pending, *quantiles.get(kind, (None, None)))
        for kind, o in kinds.items()
    }


def remote_by_method(s: Session, scope: Scope) -> tuple[Count, ...]:
    rows = s.execute(
        select(RemoteSession.method, func.count())
        .where(
            scope.client(RemoteSession.client_id),
            RemoteSession.started_at >= scope.start,
            RemoteSession.started_at < scope.end,
        )
        .group_by(RemoteSession.method)
    ).all()
    return largest_first([(method_label(method), n) for method, n in rows])


def time_by_category(s: Session, scope: Scope) -> tuple[CategoryTime, ...]:
    rows = s.execute(
        select(
            Ticket.category,
            func.sum(TimeEntry.minutes),
            func.sum(case((TimeEntry.billable.is_(True), TimeEntry.minutes), else_=0)),
        )
        .join(Ticket, Ticket.id == TimeEntry.ticket_id)
        .where(
            scope.client(Ticket.client_id),
            TimeEntry.started_at >= scope.start,
            TimeEntry.started_at < scope.end,
        )
        .group_by(Ticket.category)
    ).all()
    out = [CategoryTime(category or "", int(m or 0), int(b or 0)) for category, m, b in rows]
    return tuple(sorted(out, key=lambda c: (-c.minutes, c.category)))


def prepaid(
    s: Session, scope: Scope, first_day: dt.date, last_day: dt.date
) -> tuple[PrepaidLine, ...]:
    """The client's blocks of hours in force on some day of the period: billable time on each
    contract's tickets up to the period's end, and within the period (the same rule as
    `app.services.prepaid`)."""
    if scope.client_id is None:
        return ()
    in_period = and_(TimeEntry.started_at >= scope.start, TimeEntry.started_at < scope.end)
    used = (
        select(
            Ticket.contract_id.label("contract_id"),
            func.sum(TimeEntry.minutes).label("used"),
            func.sum(case((in_period, TimeEntry.minutes), else_=0)).label("period"),
        )
        .join(TimeEntry, TimeEntry.ticket_id == Ticket.id)
        .where(
            Ticket.client_id == scope.client_id,
            TimeEntry.billable.is_(True),
            TimeEntry.started_at < scope.end,
        )
        .group_by(Ticket.contract_id)
        .subquery()
    )
    rows = s.execute(
        select(
            Contract.name,
            Contract.number,
            Contract.prepaid_minutes,
            func.coalesce(used.c.used, 0),
            func.coalesce(used.c.period, 0),
        )
        .outerjoin(used, used.c.contract_id == Contract.id)
        .where(
            Contract.client_id == scope.client_id,
            Contract.prepaid_minutes.is_not(None),
            Contract.valid_from <= last_day,
            or_(Contract.valid_to.is_(None), Contract.valid_to >= first_day),
        )
        .order_by(Contract.name, Contract.id)
    ).all()
    return tuple(
        PrepaidLine(
            f"{name} ({number})" if number and number != name else name,
            int(minutes or 0),
            int(total),
            int(period),
        )
        for name, number, minutes, total, period in rows
    )


def breaches(s: Session, scope: Scope) -> tuple[Breach, ...]:
    """The worst breaches (by business overrun) of the period's tickets, at most
    `BREACH_LIMIT`; how many there are in all is `sla_figures`' breached count."""
    where = and_(
        cohort(scope),
        # The ticket's copy finds the few breached tickets without reading every clock.
        or_(*(state == _BREACHED for state, _ in CLOCK_COLUMNS.values())),
        TicketSla.kind.in_(("response", "resolution")),
        TicketSla.state == _BREACHED,
        # The store always records the missed due instant with the breached state.
        TicketSla.breached_at.is_not(None),
    )
    rows = s.execute(
        select(
            Ticket.id,
            Ticket.subject,
            Ticket.priority,
            TicketSla.kind,
            TicketSla.breached_at,
            TicketSla.met_at,
            TicketSla.business_overrun_seconds,
            TicketSla.breach_justification,
            TicketSla.reopen_count,
            TicketSla.paused_business_seconds,
            Ticket.is_open,
        )
        .join(Ticket, Ticket.id == TicketSla.ticket_id)
        .where(where)
        .order_by(TicketSla.business_overrun_seconds.desc(), Ticket.id, TicketSla.kind)
        .limit(BREACH_LIMIT)
    ).all()
    ids = sorted({row[0] for row in rows})
    vendors = _vendors(s, ids)
    tiers = _highest_escalation(s, ids)
    out = tuple(
        Breach(
            r.id,
            r.subject,
            str(getattr(r.priority, "value", r.priority)),
            r.kind,
            r.breached_at,
            r.met_at,
            int(r.business_overrun_seconds or 0),
            r.breach_justification or "",
            vendors.get(r.id, ()),
            tiers.get(r.id, ""),
            int(r.reopen_count or 0),
            int(r.paused_business_seconds or 0),
            not r.is_open,
        )
        for r in rows
    )
    return out


def _vendors(s: Session, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for t_id, vendor, reference in s.execute(
        select(VendorCase.ticket_id, VendorCase.vendor, VendorCase.reference)
        .where(VendorCase.ticket_id.in_(ids))
        .order_by(VendorCase.ticket_id, VendorCase.opened_at, VendorCase.id)
    ).all():
        out.setdefault(t_id, []).append(f"{vendor} (case {reference})" if reference else vendor)
    return {t_id: tuple(names) for t_id, names in out.items()}


def _highest_escalation(s: Session, ids: Sequence[int]) -> dict[int, str]:
    """Tier names sort in order (L0 < L3), so the highest is the maximum."""
    return {
        t_id: str(tier)
        for t_id, tier in s.execute(
            select(TicketEvent.ticket_id, func.max(TicketEvent.new_value))
            .where(
                TicketEvent.ticket_id.in_(ids),
                TicketEvent.kind.in_((EventKind.ESCALATION, EventKind.TIER_CHANGED)),
                TicketEvent.new_value.in_(TIERS),
                TicketEvent.old_value < TicketEvent.new_value,
            )
            .group_by(TicketEvent.ticket_id)
        ).all()
    }


def recurring(s: Session, scope: Scope, before: dt.datetime) -> tuple[RecurringIssue, ...]:
    """Categories, devices and contacts with several of the period's tickets, with the count in
    the three months before (`before` .. period start) as the trend."""
    previous = Scope(before, scope.start, scope.client_id)
    out: list[RecurringIssue] = []
    kinds: Sequence[tuple[str, Any, Any]] = (
        ("category", Ticket.category, None),
        ("asset", Ticket.asset_id, Asset),
        ("contact", Ticket.contact_id, Contact),
    )
    for kind, column, _ in kinds:
        top = s.execute(
            select(column, func.count())
            .select_from(Ticket)
            .where(
                cohort(scope),
                column.is_not(None),
                column != "" if kind == "category" else and_(True),
            )
            .group_by(column)
            .having(func.count() >= RECURRING_MIN)
            .order_by(func.count().desc(), column)
            .limit(RECURRING_PER_KIND)
        ).all()
        if not top:
            continue
        keys = [key for key, _ in top]
        before_counts: dict[Any, int] = dict(
            s.execute(
                select(column, func.count())
                .select_from(Ticket)
                .where(cohort(previous), column.in_(keys))
                .group_by(column)
            ).all()
        )
        labels = _labels(s, kind, keys)
        for key, n in top:
            examples = tuple(
                s.scalars(
                    select(Ticket.id)
                    .where(cohort(scope), column == key)
                    .order_by(Ticket.created_at.desc(), Ticket.id.desc())
                    .limit(_EXAMPLES)
                )
            )
            out.append(
                RecurringIssue(
                    kind,
                    labels.get(key, str(key)),
                    int(n),
                    int(before_counts.get(key, 0)),
                    examples,
                )
            )
    return tuple(out)


def _labels(s: Session, kind: str, keys: Sequence[Any]) -> dict[Any, str]:
    if kind == "asset":
        return {
            a_id: " · ".join(p for p in (description or "", tag, serial) if p) or f"#{a_id}"
            for a_id, description, tag, serial in s.execute(
                select(Asset.id, Asset.description, Asset.asset_tag, Asset.serial).where(
                    Asset.id.in_(keys)
                )
            ).all()
        }
    if kind == "contact":
        return dict(s.execute(select(Contact.id, Contact.name).where(Contact.id.in_(keys))).all())
    return {k: k for k in keys}


def largest_first(rows: Sequence[Any]) -> tuple[Count, ...]:
    counts = [Count(str(label or ""), int(n)) for label, n in rows]
    return tuple(sorted(counts, key=lambda c: (-c.count, c.label)))


def monthly(
    s: Session, client_id: int | None, bounds: Sequence[dt.datetime]
) -> tuple[list[int], list[int], dict[tuple[int, str], tuple[int, int]]]:
    """Opened and closed per month, and (met, breached) per (month, kind), over `bounds`.

    A statement per month and figure: each is a range of one index, counted without reading
    the table (one statement with a month CASE per row was several times slower)."""
    opened: list[int] = []
    closed: list[int] = []
    outcomes: dict[tuple[int, str], tuple[int, int]] = {}
    sums = [
        func.sum(case((column == state, 1), else_=0))
        for column, _ in CLOCK_COLUMNS.values()
        for state in (_MET, _BREACHED)
    ]
    for i, (start, end) in enumerate(itertools.pairwise(bounds)):
        month = Scope(start, end, client_id)
        row = s.execute(select(func.count(), *sums).where(cohort(month))).one()
        n, r_met, r_breached, v_met, v_breached = (int(v or 0) for v in row)
        opened.append(n)
        outcomes[(i, "response")] = (r_met, r_breached)
        outcomes[(i, "resolution")] = (v_met, v_breached)
        closed.append(count(s, closed_in(month)))
    return opened, closed, outcomes
