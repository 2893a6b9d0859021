"""Calendar spec parsing and validation (shared/design/sla.md §4, rules V1–V7).

`parse_spec` turns the JSON-shaped dict given to `BusinessCalendar.from_dict` into an immutable
`CalendarSpec` or raises `CalendarError`. Every error carries a machine-readable `code` (the UI
translates by code) and a `where` naming the field a form should point at: `"timezone"`,
`"always_open"`, `"weekly"`, a weekday key such as `"tue"`, `"holidays"`, `"overrides"` or an
override date such as `"2024-12-24"`.

Local intervals are kept as `(start, end)` seconds after the local midnight of the date they belong
to (rule E2). An overnight interval (V3: end <= start as clock strings) ends on the next date, so
its end lies in `(86400, 2 * 86400)`; `"24:00"` and an end of `"00:00"` are both `86400`.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from types import MappingProxyType
from typing import Final

__all__ = [
    "ERROR_CODES",
    "WEEKDAYS",
    "CalendarError",
    "CalendarSpec",
    "LocalInterval",
    "parse_spec",
]

#: Every `CalendarError.code` this package raises.
ERROR_CODES: Final = (
    "bad_type",  # the spec or one of its fields has the wrong JSON type
    "missing_timezone",  # `timezone` absent or empty
    "unknown_timezone",  # not an IANA zone this machine knows
    "bad_weekday",  # a `weekly` key other than mon … sun
    "bad_interval",  # an interval that is not a two-element list of strings
    "bad_time",  # not "HH:MM" / "HH:MM:SS" in range, or "24:00" used as a start (V1, V2)
    "bad_date",  # a holiday or override date that is not a valid "YYYY-MM-DD" (or a duplicate)
    "overlapping_intervals",  # two intervals of one day overlap (V4)
    "overnight_overlap",  # an overnight tail overlaps the next date's intervals (V5)
    "no_working_time",  # no working interval at all in a non-24x7 calendar (V6)
    "walk_cap",  # add/subtract/business_day_end would look past 3 660 local dates (E7)
    "out_of_range",  # an operation would leave the years 1 to 9999 that `datetime` can hold
)

WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DAY: Final = 86_400

#: `(start, end)` in seconds after the local midnight of the interval's own date.
LocalInterval = tuple[int, int]

_TIME_RE: Final = re.compile(r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")
_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CalendarError(Exception):
    """An invalid calendar spec, or an operation with no answer within the walk cap of rule E7.

    Deliberately not a `ValueError` (sla.md §3.6): callers can tell a bad calendar from a bad
    argument. `code` is one of `ERROR_CODES`; `where` names the offending field (see the module
    docstring) or is `""` when no field applies (`walk_cap`, `out_of_range`). `str(error)` is a
    complete English sentence; the UI shows its own translation keyed by `code`.
    """

    def __init__(self, message: str, *, code: str, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.where = where

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments are not in `args`; without this the error cannot cross a
        # process boundary (pickle), e.g. from a worker running the SLA sweep.
        return (_rebuild_error, (self.message, self.code, self.where))

    def __repr__(self) -> str:
        return f"CalendarError({self.message!r}, code={self.code!r}, where={self.where!r})"


def _rebuild_error(message: str, code: str, where: str) -> CalendarError:
    return CalendarError(message, code=code, where=where)


@dataclass(frozen=True, slots=True)
class CalendarSpec:
    """A validated spec. `weekly[0]` is Monday; interval tuples are sorted by start."""

    timezone: zoneinfo.ZoneInfo
    always_open: bool
    weekly: tuple[tuple[LocalInterval, ...], ...]
    holidays: frozenset[date]
    overrides: Mapping[date, tuple[LocalInterval, ...]]

    def effective(self, day: date) -> tuple[LocalInterval, ...]:
        """Rule E1: override > holiday > weekly."""
        found = self.overrides.get(day)
        if found is not None:
            return found
        if day in self.holidays:
            return ()
        return self.weekly[day.weekday()]


def parse_spec(spec: object) -> CalendarSpec:
    """Validate `spec` (sla.md §4) and return it parsed; raise `CalendarError` otherwise.

    Unknown top-level keys are ignored (the app stores `id`, `name`, `version` alongside).
    Besides ISO strings, `datetime.date` objects are accepted for holidays and override keys so
    that the service can pass column values straight through.
    """
    if not isinstance(spec, Mapping):
        raise CalendarError(
            f"A calendar spec must be an object, not {type(spec).__name__}.",
            code="bad_type",
            where="",
        )
    tz = _parse_timezone(spec.get("timezone"))
    always_open = spec.get("always_open", False)
    if not isinstance(always_open, bool):
        raise CalendarError(
            f"always_open must be true or false, not {always_open!r}.",
            code="bad_type",
            where="always_open",
        )
    weekly = _parse_weekly(spec.get("weekly", {}))
    holidays = _parse_holidays(spec.get("holidays", []))
    overrides = _parse_overrides(spec.get("overrides", {}))
    parsed = CalendarSpec(tz, always_open, weekly, holidays, overrides)
    _check_weekly_tails(weekly)
    _check_override_tails(parsed)
    if not always_open and not any(weekly) and not any(overrides.values()):
        raise CalendarError(
            "The calendar has no working time: every weekday and every override is empty.",
            code="no_working_time",
            where="weekly",
        )
    return parsed


def _parse_timezone(name: object) -> zoneinfo.ZoneInfo:
    if name is None or name == "":
        raise CalendarError(
            "The calendar needs a timezone.", code="missing_timezone", where="timezone"
        )
    if not isinstance(name, str):
        raise CalendarError(
            f"The timezone must be an IANA name such as Europe/Warsaw, not {name!r}.",
            code="bad_type",
            where="timezone",
        )
    try:
        return zoneinfo.ZoneInfo(name)
    # ValueError: malformed keys ("../x", absolute paths); OSError: a directory such as "America";
    # UnicodeError: surrogates that cannot name a file.
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError, UnicodeError):
        raise CalendarError(
            f"Unknown timezone {name!r}: use an IANA name such as Europe/Warsaw.",
            code="unknown_timezone",
            where="timezone",
        ) from None


def _parse_weekly(weekly: object) -> tuple[tuple[LocalInterval, ...], ...]:
    if not isinstance(weekly, Mapping):
        raise CalendarError(
            "weekly must be an object with keys mon … sun.", code="bad_type", where="weekly"
        )
    for key in weekly:
        if key not in WEEKDAYS:
            raise CalendarError(
                f"Unknown weekday {key!r} in weekly: use mon, tue, wed, thu, fri, sat, sun.",
                code="bad_weekday",
                where=str(key),
            )
    return tuple(_parse_day(weekly.get(key, []), key) for key in WEEKDAYS)


def _parse_holidays(holidays: object) -> frozenset[date]:
    if not isinstance(holidays, list | tuple):
        raise CalendarError(
            'holidays must be a list of "YYYY-MM-DD" dates.', code="bad_type", where="holidays"
        )
    return frozenset(_parse_date(item, "holidays") for item in holidays)


def _parse_overrides(overrides: object) -> Mapping[date, tuple[LocalInterval, ...]]:
    if not isinstance(overrides, Mapping):
        raise CalendarError(
            'overrides must be an object mapping "YYYY-MM-DD" to interval lists.',
            code="bad_type",
            where="overrides",
        )
    parsed: dict[date, tuple[LocalInterval, ...]] = {}
    for key, intervals in overrides.items():
        day = _parse_date(key, "overrides")
        if day in parsed:
            raise CalendarError(
                f"Override date {day.isoformat()} is listed twice.",
                code="bad_date",
                where="overrides",
            )
        parsed[day] = _parse_day(intervals, day.isoformat())
    return MappingProxyType(parsed)


def _parse_date(value: object, where: str) -> date:
    # `datetime` is a `date` subclass, but an instant is not a local date.
    if isinstance(value, date) and type(value) is date:
        return value
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CalendarError(
        f'{value!r} in {where} is not a date: use "YYYY-MM-DD".', code="bad_date", where=where
    )


def _parse_day(intervals: object, where: str) -> tuple[LocalInterval, ...]:
    if not isinstance(intervals, list | tuple):
        raise CalendarError(
            f'The intervals of {where} must be a list such as [["08:00", "16:00"]].',
            code="bad_type",
            where=where,
        )
    parsed = sorted(_parse_interval(item, where) for item in intervals)
    for (a1, b1), (a2, b2) in pairwise(parsed):
        if a2 < b1:
            raise CalendarError(
                f"Intervals {_fmt(a1, b1)} and {_fmt(a2, b2)} of {where} overlap.",
                code="overlapping_intervals",
                where=where,
            )
    return tuple(parsed)


def _parse_interval(item: object, where: str) -> LocalInterval:
    if (
        not isinstance(item, list | tuple)
        or len(item) != 2
        or not all(isinstance(part, str) for part in item)
    ):
        raise CalendarError(
            f'{item!r} in {where} is not an interval: use ["HH:MM", "HH:MM"].',
            code="bad_interval",
            where=where,
        )
    start = _parse_time(item[0], where, is_end=False)
    end = _parse_time(item[1], where, is_end=True)
    if end <= start:  # V3: overnight; an equal pair is a whole 24 h; "16:00"-"00:00" ends at 24:00
        end += DAY
    return start, end


def _parse_time(text: str, where: str, *, is_end: bool) -> int:
    match = _TIME_RE.fullmatch(text)
    if match is not None:
        hours, minutes = int(match[1]), int(match[2])
        seconds = int(match[3]) if match[3] is not None else 0
        if hours == 24 and minutes == 0 and seconds == 0:
            if is_end:
                return DAY
            raise CalendarError(
                f"{text!r} in {where}: 24:00 is allowed only as the end of an interval.",
                code="bad_time",
                where=where,
            )
        if hours <= 23 and minutes <= 59 and seconds <= 59:
            return hours * 3600 + minutes * 60 + seconds
    raise CalendarError(
        f'{text!r} in {where} is not a time: use "HH:MM" or "HH:MM:SS" (00:00 to 23:59:59).',
        code="bad_time",
        where=where,
    )


def _tail(intervals: tuple[LocalInterval, ...]) -> int:
    """Seconds after the next date's midnight covered by this date's overnight intervals."""
    return max((end - DAY for _, end in intervals), default=0)


def _first_start(intervals: tuple[LocalInterval, ...]) -> int:
    return intervals[0][0] if intervals else DAY


def _check_weekly_tails(weekly: tuple[tuple[LocalInterval, ...], ...]) -> None:
    for index, key in enumerate(WEEKDAYS):
        following = WEEKDAYS[(index + 1) % 7]  # cyclic: Sunday's tail runs into Monday
        if _first_start(weekly[(index + 1) % 7]) < _tail(weekly[index]):
            raise CalendarError(
                f"An overnight interval of {key} runs into an interval of {following}.",
                code="overnight_overlap",
                where=key,
            )


def _check_override_tails(spec: CalendarSpec) -> None:
    one = timedelta(days=1)
    for day in spec.overrides:
        # Overrides at the very ends of the date range have no neighbour to collide with.
        pairs = []
        if day > date.min:
            pairs.append((day - one, day))
        if day < date.max:
            pairs.append((day, day + one))
        for first, second in pairs:
            if _first_start(spec.effective(second)) < _tail(spec.effective(first)):
                raise CalendarError(
                    f"An overnight interval of {first.isoformat()} runs into an interval of "
                    f"{second.isoformat()}.",
                    code="overnight_overlap",
                    where=day.isoformat(),
                )


def _fmt(start: int, end: int) -> str:
    def clock(seconds: int) -> str:
        hours, rest = divmod(seconds % DAY if seconds != DAY else seconds, 3600)
        minutes, secs = divmod(rest, 60)
        return f"{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")

    return f"{clock(start)}–{clock(end)}"
