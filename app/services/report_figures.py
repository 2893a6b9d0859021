"""The figures of the client and all-clients reports, aggregated in SQL on both backends.

Definitions: `app.reports.figures` (module docstring). Periods are local days in the report's
zone (the client's zone, or for the all-clients summary the default SLA calendar's), turned
into UTC bounds here; every count, sum and group is one SQL statement
(`app.services.report_queries`), so no ticket row is loaded into Python. Read-only; any thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Client, SlaCalendar, SlaPolicy, Ticket
from app.models.enums import ClientStatus
from app.reports.figures import (
    AllClientsReport,
    CategoryTime,
    ClientReport,
    Count,
    Kpis,
    MonthFigures,
)
from app.reports.period import PeriodError, ReportPeriod
from app.services import report_queries as q
from app.services.clock import Clock
from app.services.errors import NotFoundError
from app.services.report_desk import desk_figures

#: Months in the trend charts, the period's last month included.
TREND_MONTHS: Final = 12
#: The months before the period that recurring issues are compared with.
TREND_BEFORE_MONTHS: Final = 3
UTC: Final = dt.UTC


@dataclass(frozen=True, slots=True)
class ReportClient:
    id: int
    name: str
    code: str
    timezone: str
    active: bool


class UnknownClientError(NotFoundError):
    """`find_client` found no client (or more than one) for the text; `str()` says which."""

    def __init__(self, text: str, message: str) -> None:
        super().__init__("client", text)
        self.args = (message,)


class ReportFiguresService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def clients(self) -> list[ReportClient]:
        """Every client, by name (inactive ones too: a report may cover their last month)."""
        with self._db.read() as s:
            found = [_client(c) for c in s.scalars(select(Client))]
        # Sorted here: SQLite and PostgreSQL order case and accents differently.
        return sorted(found, key=lambda c: (c.name.casefold(), c.id))

    def find_client(self, text: str) -> ReportClient:
        """A client by id, code or name (case-insensitive), or by a part of one name only it
        has; raises `UnknownClientError` for none or several."""
        value = text.strip()
        with self._db.read() as s:
            if value.isascii() and value.isdigit() and (found := s.get(Client, int(value))):
                return _client(found)
            folded = value.casefold()
            # Folded in Python: SQLite's lower()/LIKE fold ASCII only ("ŁÓDŹ" vs "Łódź"), and a
            # desk has hundreds of clients, not millions.
            everyone = list(s.scalars(select(Client).order_by(Client.name)))
            exact = [c for c in everyone if folded in (c.name.casefold(), c.code.casefold())]
            if not exact and folded:
                # "acme" for "Acme Dental": a part of one name is enough when it is unique.
                exact = [c for c in everyone if folded in c.name.casefold()]
            if len(exact) == 1:
                return _client(exact[0])
            if not exact:
                raise UnknownClientError(
                    value, f"No client is called {value!r} (give a name, code or id)."
                )
            names = ", ".join(sorted(c.name for c in exact))
            raise UnknownClientError(value, f"{value!r} matches several clients: {names}.")

    def default_timezone(self) -> str:
        """The all-clients summary's zone: the default SLA policy's calendar zone, else UTC."""
        with self._db.read() as s:
            zone = s.scalar(
                select(SlaCalendar.timezone)
                .join(SlaPolicy, SlaPolicy.calendar_id == SlaCalendar.id)
                .where(SlaPolicy.is_default.is_(True))
                .limit(1)
            )
        return zone or "UTC"

    def client_report(
        self, client_id: int, period: ReportPeriod, *, timezone: str | None = None
    ) -> ClientReport:
        """One client's figures; `timezone` defaults to the client's zone."""
        with self._db.read() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            zone_name = timezone or client.timezone or "UTC"
            zone = _zone(zone_name)
            start, end = _bounds(period, zone)
            scope = q.Scope(start, end, client_id)
            groups = q.cohort_groups(s, scope, Ticket.priority, Ticket.tier, Ticket.category)
            time = q.time_by_category(s, scope)
            kpis = _kpis(s, scope, groups, time)
            breaches = q.breaches(s, scope)
            before = _local_midnight(_add_months(period.start, -TREND_BEFORE_MONTHS), zone)
            return ClientReport(
                client_id=client.id,
                client_name=client.name,
                client_code=client.code,
                period=period,
                timezone=zone_name,
                generated_at=self._clock.now().astimezone(UTC),
                kpis=kpis,
                months=_months(s, client_id, period, zone),
                by_category=q.largest_first(list(_summed(groups, 2).items())),
                by_priority=_fixed(_summed(groups, 0), q.PRIORITIES),
                by_tier=_fixed(_summed(groups, 1), q.TIERS),
                breaches=breaches,
                breach_total=kpis.response.breached + kpis.resolution.breached,
                recurring=q.recurring(s, scope, before),
                time_by_category=time,
                prepaid=q.prepaid(s, scope, period.start, period.end),
                remote_by_method=q.remote_by_method(s, scope),
            )

    def all_clients_report(
        self, period: ReportPeriod, *, timezone: str | None = None
    ) -> AllClientsReport:
        """Every client's line and the desk's totals."""
        zone_name = timezone or self.default_timezone()
        zone = _zone(zone_name)
        with self._db.read() as s:
            start, end = _bounds(period, zone)
            scope = q.Scope(start, end, None)
            desk = desk_figures(s, scope)
            return AllClientsReport(
                period=period,
                timezone=zone_name,
                generated_at=self._clock.now().astimezone(UTC),
                kpis=desk.kpis,
                months=_months(s, None, period, zone),
                by_priority=desk.by_priority,
                by_tier=desk.by_tier,
                rows=desk.rows,
            )


def _kpis(
    s: Session,
    scope: q.Scope,
    groups: list[q.CohortGroup],
    time: tuple[CategoryTime, ...],
) -> Kpis:
    response = sum((g.response for g in groups), q.Outcomes())
    resolution = sum((g.resolution for g in groups), q.Outcomes())
    sla = q.sla_figures(s, scope, response, resolution)
    l2, l3, third_party = q.escalated_and_vendor(s, scope)
    return Kpis(
        opened=sum(g.opened for g in groups),
        closed=q.count(s, q.closed_in(scope)),
        response=sla["response"],
        resolution=sla["resolution"],
        csat=q.csat_figures(s, scope),
        escalated_l2=l2,
        escalated_l3=l3,
        third_party=third_party,
        remote_sessions=sum(c.count for c in q.remote_by_method(s, scope)),
        time_minutes=sum(c.minutes for c in time),
        billable_minutes=sum(c.billable_minutes for c in time),
    )


def _summed(groups: list[q.CohortGroup], position: int) -> dict[str, int]:
    """Tickets opened per value of one grouping column."""
    out: dict[str, int] = {}
    for g in groups:
        out[g.key[position]] = out.get(g.key[position], 0) + g.opened
    return out


def _months(
    s: Session, client_id: int | None, period: ReportPeriod, zone: ZoneInfo
) -> tuple[MonthFigures, ...]:
    last = period.end.replace(day=1)
    firsts = [_add_months(last, i - TREND_MONTHS + 1) for i in range(TREND_MONTHS + 1)]
    bounds = [_local_midnight(day, zone) for day in firsts]
    opened, closed, outcomes = q.monthly(s, client_id, bounds)
    return tuple(
        MonthFigures(
            firsts[i],
            opened[i],
            closed[i],
            _percent(*outcomes.get((i, "response"), (0, 0))),
            _percent(*outcomes.get((i, "resolution"), (0, 0))),
        )
        for i in range(TREND_MONTHS)
    )


def _fixed(found: dict[str, int], keys: tuple[str, ...]) -> tuple[Count, ...]:
    return tuple(Count(k, found.get(k, 0)) for k in keys)


def _percent(met: int, breached: int) -> float | None:
    return 100.0 * met / (met + breached) if met + breached else None


def _client(c: Client) -> ReportClient:
    return ReportClient(c.id, c.name, c.code, c.timezone, c.status is not ClientStatus.ENDED)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise PeriodError(
            f"Unknown time zone {name!r} (use an IANA name like Europe/Warsaw)."
        ) from None


def _local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(UTC)


def _bounds(period: ReportPeriod, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    return (
        _local_midnight(period.start, zone),
        _local_midnight(period.end + dt.timedelta(days=1), zone),
    )


def _add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)
