"""The all-clients summary in a few grouped passes: each statement groups by client, and the
desk's totals are the sums of those groups (the period's tickets are read a few times from the
report indexes, not once per figure). The client report keeps its own, per-figure statements in
`report_queries`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.models import Client, CsatResponse, Ticket, TimeEntry
from app.reports.figures import ClientSummaryRow, Count, CsatFigures, Kpis
from app.services import report_queries as q

NONE = q.Outcomes()


@dataclass(frozen=True, slots=True)
class DeskFigures:
    kpis: Kpis
    by_priority: tuple[Count, ...]
    by_tier: tuple[Count, ...]
    rows: tuple[ClientSummaryRow, ...]


def desk_figures(s: Session, scope: q.Scope) -> DeskFigures:
    opened: Counter[int] = Counter()
    priorities: Counter[str] = Counter()
    tiers: Counter[str] = Counter()
    groups = q.cohort_groups(s, scope, Ticket.client_id, Ticket.priority, Ticket.tier)
    response: dict[int, q.Outcomes] = {}
    resolution: dict[int, q.Outcomes] = {}
    for g in groups:
        key, priority, tier = g.key
        client = int(key)
        opened[client] += g.opened
        priorities[priority] += g.opened
        tiers[tier] += g.opened
        response[client] = response.get(client, NONE) + g.response
        resolution[client] = resolution.get(client, NONE) + g.resolution
    closed: Counter[int] = Counter(
        dict(
            s.execute(
                select(Ticket.client_id, func.count())
                .where(q.closed_in(scope))
                .group_by(Ticket.client_id)
            ).all()
        )
    )
    sla = q.sla_figures(s, scope, sum(response.values(), NONE), sum(resolution.values(), NONE))
    csat_states: Counter[str] = Counter()
    csat: dict[int, tuple[int, int]] = {}  # client → (answered, score sum)
    surveyed: set[int] = set()
    for client_id, state, n, score in s.execute(
        select(
            CsatResponse.client_id, CsatResponse.state, func.count(), func.sum(CsatResponse.score)
        )
        .where(
            CsatResponse.recorded_at >= scope.start,
            CsatResponse.recorded_at < scope.end,
        )
        .group_by(CsatResponse.client_id, CsatResponse.state)
    ).all():
        csat_states[state] += n
        surveyed.add(client_id)
        if state == "answered":
            csat[client_id] = (int(n), int(score or 0))
    minutes: Counter[int] = Counter()
    billable = 0
    for client_id, total, paid in s.execute(
        select(
            Ticket.client_id,
            func.sum(TimeEntry.minutes),
            func.sum(case((TimeEntry.billable.is_(True), TimeEntry.minutes), else_=0)),
        )
        .join(Ticket, Ticket.id == TimeEntry.ticket_id)
        .where(TimeEntry.started_at >= scope.start, TimeEntry.started_at < scope.end)
        .group_by(Ticket.client_id)
    ).all():
        minutes[client_id] += int(total or 0)
        billable += int(paid or 0)
    answered = sum(n for n, _ in csat.values())
    l2, l3, third_party = q.escalated_and_vendor(s, scope)
    kpis = Kpis(
        opened=sum(opened.values()),
        closed=sum(closed.values()),
        response=sla["response"],
        resolution=sla["resolution"],
        csat=CsatFigures(
            csat_states["answered"],
            csat_states["sent"],
            csat_states["declined"],
            sum(total for _, total in csat.values()) / answered if answered else None,
        ),
        escalated_l2=l2,
        escalated_l3=l3,
        third_party=third_party,
        remote_sessions=sum(c.count for c in q.remote_by_method(s, scope)),
        time_minutes=sum(minutes.values()),
        billable_minutes=billable,
    )
    ids = set(opened) | set(closed) | surveyed | set(minutes)
    names = (
        dict(s.execute(select(Client.id, Client.name).where(Client.id.in_(ids))).all())
        if ids
        else {}
    )
    rows = [
        ClientSummaryRow(
            client_id=c,
            client_name=names.get(c, f"#{c}"),
            opened=opened[c],
            closed=closed[c],
            response_met=response.get(c, NONE).met,
            response_breached=response.get(c, NONE).breached,
            resolution_met=resolution.get(c, NONE).met,
            resolution_breached=resolution.get(c, NONE).breached,
            csat_average=csat[c][1] / csat[c][0] if c in csat and csat[c][0] else None,
            csat_answered=csat[c][0] if c in csat else 0,
            time_minutes=minutes[c],
        )
        for c in ids
    ]
    rows.sort(key=lambda r: (-r.opened, r.client_name.casefold(), r.client_id))
    return DeskFigures(
        kpis,
        tuple(Count(p, priorities[p]) for p in q.PRIORITIES),
        tuple(Count(t, tiers[t]) for t in q.TIERS),
        tuple(rows),
    )
