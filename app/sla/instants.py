"""Arguments of the calendar operations: aware datetimes in, integer microseconds out and back.

All engine arithmetic runs on integer microseconds since the Unix epoch (UTC): exact for every
`datetime`, whole seconds stay whole, and comparisons and `bisect` on ints are fast. Conversions
happen once per argument and once per result (sla.md §17).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Final

from app.sla.spec import DAY, CalendarError

__all__ = [
    "EPOCH",
    "US",
    "Pauses",
    "aware_us",
    "instant_us",
    "merge",
    "merge_pauses",
    "range_error",
    "seconds_arg",
    "to_datetime",
]

US: Final = 1_000_000
EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)

#: `(from, to)` pairs of aware datetimes, half-open, in any order; they may overlap.
Pauses = Iterable[tuple[datetime, datetime]]


def aware_us(dt: datetime) -> int:
    """Microseconds since the epoch of an aware datetime (its zone's offset applied)."""
    delta = dt - EPOCH
    return (delta.days * DAY + delta.seconds) * US + delta.microseconds


def instant_us(value: object, name: str) -> int:
    """`value` as epoch microseconds; `TypeError` unless a datetime, `ValueError` if naive."""
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    # The common case, UTC from the database, skips the offset look-up.
    if value.tzinfo is not UTC and value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (got the naive {value.isoformat()})")
    return aware_us(value)


def seconds_arg(value: object, name: str) -> int:
    """A count argument (`seconds`, `n`): an int >= 0; `bool` and `float` are `TypeError`s."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, not {value}")
    return value


def merge_pauses(pauses: Pauses | None) -> list[tuple[int, int]]:
    """Pause spans as sorted, disjoint microsecond pairs; empty spans are dropped (EX-P16) and a
    span that ends before it starts is a `ValueError` (ER-8)."""
    if pauses is None:
        return []
    spans: list[tuple[int, int]] = []
    for pair in pauses:
        try:
            p_from, p_to = pair
        except (TypeError, ValueError):
            raise TypeError(
                f"a pause must be a (from, to) pair of datetimes, not {pair!r}"
            ) from None
        lo = instant_us(p_from, "pause from")
        hi = instant_us(p_to, "pause to")
        if hi < lo:
            raise ValueError(
                f"pause ends before it starts: {p_from.isoformat()} > {p_to.isoformat()}"
            )
        if hi > lo:
            spans.append((lo, hi))
    starts, ends = merge(spans)
    return list(zip(starts, ends, strict=True))


def merge(pairs: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sort `pairs` in place and merge overlapping or touching half-open intervals."""
    pairs.sort()
    starts: list[int] = []
    ends: list[int] = []
    for s, e in pairs:
        if ends and s <= ends[-1]:
            if e > ends[-1]:
                ends[-1] = e
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def to_datetime(us: int) -> datetime:
    """Epoch microseconds as an aware UTC datetime; `CalendarError` beyond year 9999."""
    seconds, micros = divmod(us, US)
    try:
        return EPOCH + timedelta(0, seconds, micros)
    except OverflowError:
        raise range_error() from None


def range_error() -> CalendarError:
    return CalendarError(
        "The instant lies outside the dates a calendar can compute (years 1 to 9999).",
        code="out_of_range",
        where="",
    )
