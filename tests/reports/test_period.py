"""app/reports/period.py: the periods a user types for `helpdesk report --period`."""

from __future__ import annotations

import datetime as dt

import pytest

from app.reports.period import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026-10", dt.date(2026, 10, 1), dt.date(2026, 10, 31), "October 2026"),
        ("2024-2", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "February 2024"),
        ("2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30), "2026-Q3"),
        ("2026-q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31), "2026-Q4"),
        (" 2026-01-05..2026-02-10 ", dt.date(2026, 1, 5), dt.date(2026, 2, 10),
         "2026-01-05 – 2026-02-10"),
        ("2026-03-01 .. 2026-03-01", dt.date(2026, 3, 1), dt.date(2026, 3, 1),
         "2026-03-01 – 2026-03-01"),
    ],
)  # fmt: skip
def test_periods(text: str, start: dt.date, end: dt.date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert parse_period(period.token) == period


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-10-10..2026-10-01", "The period ends (2026-10-01) before it starts (2026-10-10)."),
        ("2026-13", "'2026-13': there is no month 13."),
        ("2026-Q5", "'2026-Q5' is not a period: use a month (2026-10), a quarter (2026-Q3) or "
         "days FROM..TO (2026-01-05..2026-02-10)."),
        ("last month", "'last month' is not a period: use a month (2026-10), a quarter "
         "(2026-Q3) or days FROM..TO (2026-01-05..2026-02-10)."),
        ("2026-02-30..2026-03-01", "'2026-02-30..2026-03-01': day is out of range for month."),
        ("2020-01-01..2026-01-01", "The period is longer than 1098 days."),
        ("0000-01", "Reports cover the years 1970 to 9998, not 0."),
        ("9999-Q4", "Reports cover the years 1970 to 9998, not 9999."),
        ("2026-12-01..9999-12-31", "Reports cover the years 1970 to 9998, not 9999."),
        ("9999-12-01..9999-12-31", "Reports cover the years 1970 to 9998, not 9999."),
    ],
)  # fmt: skip
def test_bad_periods_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as error:
        parse_period(text)
    assert str(error.value) == message
    assert "\n" not in str(error.value)
