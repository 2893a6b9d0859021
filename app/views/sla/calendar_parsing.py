"""Calendar hours as text: "08:00-12:00, 13:00-17:00" to and from the service's interval pairs.

Pure functions, no Qt: the form parses what the admin typed, the service and engine validate the
values (a 25:00 or an overlap is theirs to refuse, worded by the error code they raise).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

#: One interval of a calendar day: ("HH:MM[:SS]", "HH:MM[:SS]"), as `CalendarSpec` holds them.
Interval = tuple[str, str]

#: A clock time as typed: "8", "8:30", "08:30", "22:00:15". Ranges are the engine's to check.
_TIME: Final = r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?"
#: start, a dash (ASCII, en or em dash) or "to", end.
_INTERVAL_RE: Final = re.compile(rf"\s*{_TIME}\s*(?:-|–|—|to)\s*{_TIME}\s*", re.IGNORECASE)
#: Intervals are separated by commas, semicolons or line breaks.
_SEPARATOR_RE: Final = re.compile(r"[,;\n]")


class HoursParseError(ValueError):
    """Text that is not a list of intervals; `code` is the problem code the form shows."""

    def __init__(self, text: str, code: str = "bad_hours_format") -> None:
        super().__init__(f"not a list of intervals: {text!r}")
        self.code = code


def parse_intervals(text: str) -> tuple[Interval, ...]:
    """`"08:00-12:00, 13:00-17:00"` → `(("08:00", "12:00"), ("13:00", "17:00"))`.

    Empty text means closed (no intervals). Hours may have one digit and minutes may be left
    out ("8-16" is 08:00–16:00); `22:00-06:00` is an overnight interval and `24:00` an end of
    day: both are passed on as typed for the engine to interpret. Raises `HoursParseError`.
    """
    intervals: list[Interval] = []
    for part in _SEPARATOR_RE.split(text):
        if not part.strip():
            continue
        match = _INTERVAL_RE.fullmatch(part)
        if match is None:
            raise HoursParseError(text)
        groups = match.groups()
        intervals.append((_clock(*groups[:3]), _clock(*groups[3:])))
    return tuple(intervals)


def format_intervals(intervals: Iterable[Interval]) -> str:
    """The text `parse_intervals` reads back into `intervals`: `"08:00-12:00, 13:00-17:00"`."""
    return ", ".join(f"{start}-{end}" for start, end in intervals)


def _clock(hours: str, minutes: str | None, seconds: str | None) -> str:
    text = f"{int(hours):02d}:{minutes or '00'}"
    return f"{text}:{seconds}" if seconds is not None else text
