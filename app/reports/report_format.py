"""How report figures print: one formatter per kind of value, shared by the PDF, the CSV and the
in-app Reports view so the three show identical text. English, like every report text."""

from __future__ import annotations

import datetime as dt
from typing import Final
from zoneinfo import ZoneInfo

#: What a figure without a value prints (never "0 %": no outcome is not a failure).
NO_VALUE: Final = "—"
_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def count_text(value: int) -> str:
    """1234 → "1,234"."""
    return f"{value:,}"


def percent_text(value: float | None) -> str:
    """87.5 → "87.5 %", 75.0 → "75 %" (one decimal, a trailing ".0" dropped), None → "—"."""
    if value is None:
        return NO_VALUE
    text = f"{honest_percent(value):.1f}"
    return f"{text.removesuffix('.0')} %"


def honest_percent(value: float) -> float:
    """`value` as it may print to one decimal: 1,999 of 2,000 is not "100 %" and 1 of 2,500 is
    not "0 %" (a report that says 100 % next to a breach list is not believed)."""
    if 99.9 < value < 100.0:
        return 99.9
    if 0.0 < value < 0.1:
        return 0.1
    return value


def duration_text(seconds: float | None) -> str:
    """Business time as hours and minutes: "45 min", "2 h 05 min", "27 h 30 min".

    Never days: a business day is not 24 hours, so "1 d" would mislead. Under a minute but not
    zero prints "< 1 min"; None prints "—".
    """
    if seconds is None:
        return NO_VALUE
    if 0 < seconds < 30:
        return "< 1 min"
    minutes = round(seconds / 60)
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min"


def hours_text(minutes: int) -> str:
    """Logged time as h:mm: 125 → "2:05", -90 → "-1:30"."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:,}:{rest:02d}"


def score_text(average: float | None) -> str:
    """A CSAT average: 4.25 → "4.3 / 5", None → "—"."""
    if average is None:
        return NO_VALUE
    return f"{average:.1f} / 5"


def surveys_text(answered: int, responses: int) -> str:
    """What a CSAT response rate is out of: "3 of 4 surveys", "no surveys"."""
    if responses == 0:
        return "no surveys"
    return f"{answered} of {responses} {'survey' if responses == 1 else 'surveys'}"


def rate_text(answered: int, responses: int) -> str:
    """A CSAT response rate: "75 % (3 of 4 surveys)", "— (no surveys)"."""
    rate = 100.0 * answered / responses if responses else None
    return f"{percent_text(rate)} ({surveys_text(answered, responses)})"


def local_text(instant: dt.datetime, zone: str) -> str:
    """An aware instant as wall time in `zone` to the minute: "2026-03-02 10:00"."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def month_text(month: dt.date) -> str:
    """A trend month's label: "Nov 25" (English whatever the process locale)."""
    return f"{_MONTHS[month.month - 1]} {month.year % 100:02d}"


def breach_history_text(
    vendors: tuple[str, ...], escalated_to: str, reopened: int, waited_seconds: int
) -> str:
    """What a breached ticket's history says, for the reader of the breach list:
    "Escalated to L3 · Third party: HP (case HP-1) · Reopened 2× · Waited 3 h 10 min"."""
    parts = []
    if escalated_to:
        parts.append(f"Escalated to {escalated_to}")
    if vendors:
        parts.append("Third party: " + ", ".join(vendors))
    if reopened:
        parts.append(f"Reopened {reopened}×")
    if waited_seconds > 0:
        parts.append(f"Waited {duration_text(waited_seconds)}")
    return " · ".join(parts)
