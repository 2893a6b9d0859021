"""Schedule maths for recurring tickets (T19): pure functions, no database, no Qt.

A schedule names local wall-clock times in one IANA zone (the client's): "every 2 weeks on Monday
and Thursday at 08:00". Instants are computed in that zone and returned as aware UTC datetimes.

Rules where the calendar is awkward:

* A wall time that does not exist (the DST gap, e.g. 02:30 on the spring-forward night in
  Brussels) becomes the first valid local time after the gap, i.e. the transition instant itself
  (03:00 local in Brussels, 03:00 EDT in New York). The ticket is created as soon as the clock
  allows, not an hour late.
* A wall time that occurs twice (the DST fold, e.g. 02:30 on the fall-back night) is taken once,
  at its first occurrence (the earlier instant, still summer time).
* Monthly on day 29–31 falls on the last day of shorter months (31 → 30 April, 28/29 February).
* Weekly with `every` > 1 counts weeks (Monday to Sunday) from the week of `start_date`: "every 2
  weeks" fires in the start week, two weeks later, and so on.
* Monthly with `every` > 1 counts months from `start_date`'s month.
* `start_date` and `end_date` are local dates and both inclusive.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

FREQUENCIES: Final = ("daily", "weekly", "monthly")
#: Bounds on "every N": beyond a year apart a schedule is a reminder, not a recurrence.
EVERY_MAX: Final = {"daily": 366, "weekly": 52, "monthly": 12}
_TIME_RE: Final = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
#: A safety net on loops over candidate days (a 1000-year daily schedule still fits).
_SCAN_LIMIT: Final = 400_000


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a recurring ticket falls due, in local time of `timezone`."""

    frequency: str
    every: int
    #: 0 = Monday … 6 = Sunday; used by weekly schedules.
    weekdays: tuple[int, ...]
    #: 1–31; used by monthly schedules (clamped to the month's last day).
    day_of_month: int | None
    #: "HH:MM", 24-hour local time.
    at_time: str
    start_date: dt.date
    end_date: dt.date | None
    timezone: str


def problems(schedule: Schedule) -> dict[str, str]:
    """Field name → problem code for each invalid field; empty when the schedule is usable.

    Codes: frequency/timezone/at_time/weekdays "invalid"; every/day_of_month "out_of_range";
    weekdays (weekly) and day_of_month (monthly) "required"; end_date "before_start".
    """
    found: dict[str, str] = {}
    if schedule.frequency not in FREQUENCIES:
        found["frequency"] = "invalid"
    elif not 1 <= schedule.every <= EVERY_MAX[schedule.frequency]:
        found["every"] = "out_of_range"
    if schedule.frequency == "weekly":
        if not schedule.weekdays:
            found["weekdays"] = "required"
        elif any(not 0 <= d <= 6 for d in schedule.weekdays):
            found["weekdays"] = "invalid"
    if schedule.frequency == "monthly":
        if schedule.day_of_month is None:
            found["day_of_month"] = "required"
        elif not 1 <= schedule.day_of_month <= 31:
            found["day_of_month"] = "out_of_range"
    if _TIME_RE.match(schedule.at_time) is None:
        found["at_time"] = "invalid"
    if schedule.end_date is not None and schedule.end_date < schedule.start_date:
        found["end_date"] = "before_start"
    if zone(schedule.timezone) is None:
        found["timezone"] = "invalid"
    return found


def next_after(schedule: Schedule, instant: dt.datetime) -> dt.datetime | None:
    """The first occurrence strictly after `instant` (aware), in UTC; None once ended."""
    for occurrence in _instants_from(schedule, instant):
        if occurrence > instant:
            return occurrence
    return None


def occurrences(
    schedule: Schedule, start: dt.datetime, end: dt.datetime, limit: int | None = None
) -> list[dt.datetime]:
    """Every occurrence with `start` ≤ instant ≤ `end` (both aware), oldest first, in UTC;
    at most `limit` of them (the oldest) when given."""
    found: list[dt.datetime] = []
    for occurrence in _instants_from(schedule, start):
        if occurrence > end or (limit is not None and len(found) >= limit):
            break
        if occurrence >= start:
            found.append(occurrence)
    return found


def preview(schedule: Schedule, after: dt.datetime, count: int = 5) -> list[dt.datetime]:
    """The next `count` occurrences strictly after `after`."""
    found: list[dt.datetime] = []
    for occurrence in _instants_from(schedule, after):
        if len(found) >= count:
            break
        if occurrence > after:
            found.append(occurrence)
    return found


def local_instant(day: dt.date, at_time: str, zone: dt.tzinfo) -> dt.datetime:
    """`at_time` on `day` in `zone` as a UTC instant, with the gap and fold rules above."""
    match = _TIME_RE.match(at_time)
    if match is None:
        raise ValueError(f"not an HH:MM time: {at_time!r}")
    wall = dt.datetime.combine(day, dt.time(int(match[1]), int(match[2])), tzinfo=zone)
    first = wall.replace(fold=0).astimezone(dt.UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall.replace(tzinfo=None):
        # Exists (fold=0 picks the first of two in a fold).
        return first
    # In the gap: fold=1 applies the offset after the transition, giving an instant before it;
    # the transition (the first valid local time after the gap) lies in (that, first].
    low = wall.replace(fold=1).astimezone(dt.UTC)
    before = low.astimezone(zone).utcoffset()
    step = dt.timedelta(minutes=1)
    moment = low
    while moment < first and moment.astimezone(zone).utcoffset() == before:
        moment += step
    return moment


def zone(name: str) -> dt.tzinfo | None:
    """The tzinfo of an IANA zone name; None when unknown."""
    if name == "UTC":
        return dt.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _instants_from(schedule: Schedule, instant: dt.datetime) -> Iterator[dt.datetime]:
    """Occurrences in order, starting on the local day before `instant`'s (a gap can push an
    occurrence of the previous evening past midnight, so one day of margin)."""
    if problems(schedule):
        raise ValueError(f"invalid schedule: {problems(schedule)}")
    tz = zone(schedule.timezone)
    assert tz is not None
    from_day = max(schedule.start_date, instant.astimezone(tz).date() - dt.timedelta(days=1))
    for day in _days_from(schedule, from_day):
        if schedule.end_date is not None and day > schedule.end_date:
            return
        yield local_instant(day, schedule.at_time, tz)


def _days_from(schedule: Schedule, from_day: dt.date) -> Iterator[dt.date]:
    """The schedule's local days on or after `from_day` (≥ start_date), in order, unbounded."""
    start = schedule.start_date
    every = schedule.every
    if schedule.frequency == "daily":
        skip = (from_day - start).days
        day = start + dt.timedelta(days=-(-skip // every) * every)
        for _ in range(_SCAN_LIMIT):
            yield day
            day += dt.timedelta(days=every)
    elif schedule.frequency == "weekly":
        start_week = start - dt.timedelta(days=start.weekday())
        days = sorted(set(schedule.weekdays))
        week = (from_day - start_week).days // 7
        week = -(-week // every) * every
        for _ in range(_SCAN_LIMIT):
            monday = start_week + dt.timedelta(weeks=week)
            for weekday in days:
                day = monday + dt.timedelta(days=weekday)
                if day >= from_day:
                    yield day
            week += every
    else:
        assert schedule.day_of_month is not None
        month = (from_day.year - start.year) * 12 + from_day.month - start.month
        month = -(-month // every) * every
        for _ in range(_SCAN_LIMIT):
            year, index = divmod(start.month - 1 + month, 12)
            year += start.year
            last = calendar.monthrange(year, index + 1)[1]
            day = dt.date(year, index + 1, min(schedule.day_of_month, last))
            if day >= from_day:
                yield day
            month += every
