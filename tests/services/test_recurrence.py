"""app/services/recurrence.py: schedule maths in local wall-clock time (pure, no database).

Expected instants are written out by hand in UTC: Brussels is UTC+1 in winter, UTC+2 in summer
(2026: spring forward Sun 29 Mar 02:00→03:00, fall back Sun 25 Oct 03:00→02:00); New York is
UTC−5 / UTC−4 (2026: Sun 8 Mar 02:00→03:00, Sun 1 Nov 02:00→01:00).
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.recurrence import Schedule, next_after, occurrences, preview, problems


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def sched(
    frequency: str = "daily",
    *,
    every: int = 1,
    weekdays: tuple[int, ...] = (),
    day: int | None = None,
    at: str = "08:00",
    start: dt.date = dt.date(2026, 3, 2),
    end: dt.date | None = None,
    tz: str = "Europe/Brussels",
) -> Schedule:
    return Schedule(frequency, every, weekdays, day, at, start, end, tz)


def test_daily_at_local_time_strictly_after() -> None:
    s = sched()
    # 08:00 Brussels = 07:00Z in winter.
    assert next_after(s, z("2026-03-02 06:59")) == z("2026-03-02 07:00")
    assert next_after(s, z("2026-03-02 07:00")) == z("2026-03-03 07:00")
    assert preview(s, z("2026-03-02 07:00"), 3) == [
        z("2026-03-03 07:00"),
        z("2026-03-04 07:00"),
        z("2026-03-05 07:00"),
    ]


def test_daily_every_three_days_counts_from_start_and_ignores_before_start() -> None:
    s = sched(every=3, start=dt.date(2026, 3, 4))
    assert preview(s, z("2026-01-01 00:00"), 3) == [
        z("2026-03-04 07:00"),
        z("2026-03-07 07:00"),
        z("2026-03-10 07:00"),
    ]
    assert next_after(s, z("2026-03-08 00:00")) == z("2026-03-10 07:00")


def test_daily_keeps_local_time_across_spring_forward() -> None:
    s = sched(start=dt.date(2026, 3, 28))
    # Sat 08:00 CET = 07:00Z; Sun 08:00 CEST = 06:00Z.
    assert preview(s, z("2026-03-27 12:00"), 2) == [z("2026-03-28 07:00"), z("2026-03-29 06:00")]


def test_dst_gap_brussels_moves_to_first_valid_local_time() -> None:
    s = sched(at="02:30", start=dt.date(2026, 3, 28))
    # 02:30 does not exist on 29 March: the transition, 03:00 CEST = 01:00Z.
    assert preview(s, z("2026-03-27 12:00"), 3) == [
        z("2026-03-28 01:30"),
        z("2026-03-29 01:00"),
        z("2026-03-30 00:30"),
    ]


def test_dst_gap_new_york() -> None:
    s = sched(at="02:15", start=dt.date(2026, 3, 7), tz="America/New_York")
    # 7 Mar 02:15 EST = 07:15Z; 8 Mar 02:15 missing → 03:00 EDT = 07:00Z; 9 Mar 02:15 EDT.
    assert preview(s, z("2026-03-01 00:00"), 3) == [
        z("2026-03-07 07:15"),
        z("2026-03-08 07:00"),
        z("2026-03-09 06:15"),
    ]


def test_dst_fold_brussels_takes_first_occurrence_only() -> None:
    s = sched(at="02:30", start=dt.date(2026, 10, 24))
    # 25 Oct 02:30 happens at 00:30Z (CEST) and 01:30Z (CET): only the first.
    assert preview(s, z("2026-10-23 12:00"), 3) == [
        z("2026-10-24 00:30"),
        z("2026-10-25 00:30"),
        z("2026-10-26 01:30"),
    ]
    assert next_after(s, z("2026-10-25 00:30")) == z("2026-10-26 01:30")


def test_dst_fold_new_york() -> None:
    s = sched(at="01:30", start=dt.date(2026, 11, 1), tz="America/New_York")
    # 1 Nov 01:30 EDT = 05:30Z (not 06:30Z EST); 2 Nov 01:30 EST = 06:30Z.
    assert preview(s, z("2026-10-31 00:00"), 2) == [z("2026-11-01 05:30"), z("2026-11-02 06:30")]


def test_weekly_several_weekdays_every_two_weeks_from_start_week() -> None:
    # Start Wed 4 Mar: its week (2–8 Mar) counts; Monday 2 Mar is before the start.
    s = sched("weekly", every=2, weekdays=(3, 0), start=dt.date(2026, 3, 4), tz="UTC")
    assert preview(s, z("2026-03-01 00:00"), 5) == [
        z("2026-03-05 08:00"),
        z("2026-03-16 08:00"),
        z("2026-03-19 08:00"),
        z("2026-03-30 08:00"),
        z("2026-04-02 08:00"),
    ]


def test_monthly_day_31_clamps_to_short_months() -> None:
    s = sched("monthly", day=31, start=dt.date(2026, 1, 1), tz="UTC")
    assert preview(s, z("2026-01-01 00:00"), 5) == [
        z("2026-01-31 08:00"),
        z("2026-02-28 08:00"),
        z("2026-03-31 08:00"),
        z("2026-04-30 08:00"),
        z("2026-05-31 08:00"),
    ]
    leap = sched("monthly", day=30, start=dt.date(2028, 2, 1), tz="UTC")
    assert next_after(leap, z("2028-02-01 00:00")) == z("2028-02-29 08:00")


def test_monthly_every_three_months_counts_from_start_month() -> None:
    s = sched("monthly", every=3, day=15, start=dt.date(2026, 2, 20), tz="UTC")
    # 15 Feb is before the start; the next in step is 15 May.
    assert preview(s, z("2026-01-01 00:00"), 3) == [
        z("2026-05-15 08:00"),
        z("2026-08-15 08:00"),
        z("2026-11-15 08:00"),
    ]


def test_end_date_is_inclusive_then_none() -> None:
    s = sched(start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 4))
    assert occurrences(s, z("2026-03-01 00:00"), z("2026-03-31 00:00")) == [
        z("2026-03-02 07:00"),
        z("2026-03-03 07:00"),
        z("2026-03-04 07:00"),
    ]
    assert next_after(s, z("2026-03-04 07:00")) is None


def test_occurrences_bounds_are_inclusive_and_limit_keeps_oldest() -> None:
    s = sched(tz="UTC")
    got = occurrences(s, z("2026-03-03 08:00"), z("2026-03-05 08:00"))
    assert got == [z("2026-03-03 08:00"), z("2026-03-04 08:00"), z("2026-03-05 08:00")]
    assert occurrences(s, z("2026-03-03 08:00"), z("2026-03-09 08:00"), limit=2) == got[:2]


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (sched("hourly"), {"frequency": "invalid"}),
        (sched(every=0), {"every": "out_of_range"}),
        (sched("weekly"), {"weekdays": "required"}),
        (sched("weekly", weekdays=(7,)), {"weekdays": "invalid"}),
        (sched("monthly"), {"day_of_month": "required"}),
        (sched("monthly", day=32), {"day_of_month": "out_of_range"}),
        (sched(at="24:00"), {"at_time": "invalid"}),
        (sched(at="8:00"), {"at_time": "invalid"}),
        (sched(end=dt.date(2026, 3, 1)), {"end_date": "before_start"}),
        (sched(tz="Mars/Olympus"), {"timezone": "invalid"}),
        (sched(), {}),
    ],
)
def test_problems_name_each_field(schedule: Schedule, expected: dict[str, str]) -> None:
    assert problems(schedule) == expected


def test_invalid_schedule_is_refused_not_looped() -> None:
    with pytest.raises(ValueError, match="invalid schedule"):
        next_after(sched("weekly"), z("2026-03-01 00:00"))
