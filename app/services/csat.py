"""CSAT reporting (domain.md C7): averages, response rate and monthly trend per client and
per technician, aggregated in SQL.

A response counts in the month it was recorded (closure), by UTC calendar month on both
backends. The response rate is answered / (answered + sent + declined): a survey sent but not
yet answered counts against it, as it would in the monthly client pack.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import ColumnElement, case, func, select

from app.db import Database
from app.models import Technician
from app.models.workflow import CsatResponse

MONTHS_MAX: Final = 120


@dataclass(frozen=True, slots=True)
class CsatMonth:
    """One month of the trend; `average` is None in a month without answers."""

    month: dt.date
    average: float | None
    answered: int
    responses: int


@dataclass(frozen=True, slots=True)
class TechnicianCsat:
    technician_id: int | None
    name: str | None
    average: float | None
    answered: int
    responses: int


@dataclass(frozen=True, slots=True)
class CsatSummary:
    """CSAT over `months` calendar months ending with the month of `today`."""

    start: dt.date
    end: dt.date
    average: float | None
    answered: int
    sent: int
    declined: int
    #: answered / all responses; None without responses.
    response_rate: float | None
    trend: tuple[CsatMonth, ...]
    by_technician: tuple[TechnicianCsat, ...]

    @property
    def responses(self) -> int:
        return self.answered + self.sent + self.declined


class CsatService:
    """Read-only CSAT aggregation. Any thread; each call is one read transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def client_summary(self, client_id: int, months: int = 12, *, today: dt.date) -> CsatSummary:
        """The client page's CSAT: average, response rate, per-state counts, monthly trend and
        per-technician averages."""
        return self._summary(CsatResponse.client_id == client_id, months, today)

    def technician_summary(
        self, technician_id: int, months: int = 12, *, today: dt.date
    ) -> CsatSummary:
        """The same figures over the tickets a technician was assigned when they closed."""
        return self._summary(CsatResponse.technician_id == technician_id, months, today)

    def _summary(self, who: ColumnElement[bool], months: int, today: dt.date) -> CsatSummary:
        months = max(1, min(int(months), MONTHS_MAX))
        first = _add_months(today.replace(day=1), -(months - 1))
        after = _add_months(today.replace(day=1), 1)
        start = dt.datetime.combine(first, dt.time(), dt.UTC)
        end = dt.datetime.combine(after, dt.time(), dt.UTC)
        window = (who, CsatResponse.recorded_at >= start, CsatResponse.recorded_at < end)
        answered = func.sum(case((CsatResponse.state == "answered", 1), else_=0))
        with self._db.read() as s:
            month = self._month_key(CsatResponse.recorded_at)
            per_month = s.execute(
                select(month, func.avg(CsatResponse.score), answered, func.count())
                .where(*window)
                .group_by(month)
            ).all()
            states = dict(
                s.execute(
                    select(CsatResponse.state, func.count())
                    .where(*window)
                    .group_by(CsatResponse.state)
                ).all()
            )
            overall = s.scalar(select(func.avg(CsatResponse.score)).where(*window))
            techs = s.execute(
                select(
                    CsatResponse.technician_id,
                    Technician.name,
                    func.avg(CsatResponse.score),
                    answered,
                    func.count(),
                )
                .outerjoin(Technician, CsatResponse.technician_id == Technician.id)
                .where(*window)
                .group_by(CsatResponse.technician_id, Technician.name)
                .order_by(Technician.name.is_(None), Technician.name)  # unassigned last
            ).all()
        found = {
            key: (_float(avg), int(n_answered or 0), int(n))
            for key, avg, n_answered, n in per_month
        }
        trend = []
        for i in range(months):
            m = _add_months(first, i)
            avg, n_answered, n = found.get(f"{m.year:04d}-{m.month:02d}", (None, 0, 0))
            trend.append(CsatMonth(m, avg, n_answered, n))
        counts = {state: int(states.get(state, 0)) for state in ("answered", "sent", "declined")}
        total = sum(counts.values())
        return CsatSummary(
            start=first,
            end=after,
            average=_float(overall),
            answered=counts["answered"],
            sent=counts["sent"],
            declined=counts["declined"],
            response_rate=counts["answered"] / total if total else None,
            trend=tuple(trend),
            by_technician=tuple(
                TechnicianCsat(tid, name, _float(avg), int(n_answered or 0), int(n))
                for tid, name, avg, n_answered, n in techs
            ),
        )

    def _month_key(self, column: Any) -> ColumnElement[str]:
        """ "YYYY-MM" of a stored UTC instant, computed by the database."""
        if self._db.backend == "postgresql":
            return func.to_char(func.timezone("UTC", column), "YYYY-MM")
        # SQLite stores the instants as UTC text ("2026-03-02 09:00:00.000000").
        return func.strftime("%Y-%m", column)


def _float(value: object) -> float | None:
    # PostgreSQL's AVG returns a Decimal, SQLite's a float.
    return None if value is None else float(value)  # type: ignore[arg-type]


def _add_months(day: dt.date, n: int) -> dt.date:
    """The first of the month `n` months after (or before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)
