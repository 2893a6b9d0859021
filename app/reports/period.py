"""Report periods as typed by a user: `2026-10` (a month), `2026-Q3` (a quarter) or
`2026-01-05..2026-02-10` (inclusive days). Pure: no zone, no database."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

_MONTH: Final = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER: Final = re.compile(r"(\d{4})-[Qq]([1-4])")
_RANGE: Final = re.compile(r"(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})")
#: The longest custom range: 12-month trends and a scheduled run stay bounded.
MAX_DAYS: Final = 366 * 3
#: Years a report may cover (the trend looks a year back, the bounds a day ahead).
FIRST_YEAR: Final = 1970
LAST_YEAR: Final = 9998


class PeriodError(ValueError):
    """A period the user typed cannot be used; `str()` is one line for the CLI and the GUI."""


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """Local calendar days `start`..`end`, both included, and how the report names them."""

    start: dt.date
    end: dt.date
    #: "month", "quarter" or "custom".
    kind: str

    @property
    def label(self) -> str:
        """ "October 2026", "2026-Q3" or "2026-01-05 – 2026-02-10" (English: reports are)."""
        if self.kind == "month":
            return f"{calendar.month_name[self.start.month]} {self.start.year}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @property
    def token(self) -> str:
        """The text `parse_period` reads back: "2026-10", "2026-Q3", "2026-01-05..2026-02-10"."""
        if self.kind == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.kind == "quarter":
            return f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"Reports cover the years {FIRST_YEAR} to {LAST_YEAR}, not {year}.")


def month_period(year: int, month: int) -> ReportPeriod:
    _check_year(year)
    last = calendar.monthrange(year, month)[1]
    return ReportPeriod(dt.date(year, month, 1), dt.date(year, month, last), "month")


def quarter_period(year: int, quarter: int) -> ReportPeriod:
    _check_year(year)
    first = 3 * (quarter - 1) + 1
    last = calendar.monthrange(year, first + 2)[1]
    return ReportPeriod(dt.date(year, first, 1), dt.date(year, first + 2, last), "quarter")


def custom_period(start: dt.date, end: dt.date) -> ReportPeriod:
    _check_year(start.year)
    _check_year(end.year)
    if end < start:
        raise PeriodError(f"The period ends ({end}) before it starts ({start}).")
    if (end - start).days + 1 > MAX_DAYS:
        raise PeriodError(f"The period is longer than {MAX_DAYS} days.")
    return ReportPeriod(start, end, "custom")


def parse_period(text: str) -> ReportPeriod:
    """Read a period; raises `PeriodError` naming the accepted forms."""
    value = text.strip()
    try:
        if m := _QUARTER.fullmatch(value):
            return quarter_period(int(m[1]), int(m[2]))
        if m := _MONTH.fullmatch(value):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12:
                raise PeriodError(f"{value!r}: there is no month {month}.")
            return month_period(year, month)
        if m := _RANGE.fullmatch(value):
            return custom_period(dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2]))
    except ValueError as exc:
        if isinstance(exc, PeriodError):
            raise
        raise PeriodError(f"{value!r}: {exc}.") from None
    raise PeriodError(
        f"{value!r} is not a period: use a month (2026-10), a quarter (2026-Q3) or "
        "days FROM..TO (2026-01-05..2026-02-10)."
    )
