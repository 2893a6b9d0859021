"""Business calendars: business time between instants and due instants (shared/design/sla.md §3–§6).

Model. A calendar turns local dates into half-open UTC intervals (rules E1–E5). Business time is
real elapsed seconds inside their union (E8, decision D1). All arithmetic runs on integer
microseconds since the Unix epoch, so whole-second inputs give whole-second results and nothing is
lost to floating point.

Cache (§17). The expanded intervals of a contiguous range of local dates are kept as sorted,
merged lists of UTC starts and ends plus a prefix sum of their lengths. `F(x)`, the business time
from the cache's origin up to instant `x`, is then two list look-ups and a `bisect`; `between` is
`F(b) - F(a)`, and `add` / `subtract` invert `F` with one more `bisect`. The range grows in whole
months of local dates, under a lock, by building a new immutable `_Window` and swapping one
reference, so readers on other threads never see a half-built cache.

Merging. Intervals of neighbouring dates may touch (`24:00` then `00:00`) and, because a local
time inside a spring-forward gap moves forward (`fold=0`, E3), two intervals that are disjoint on
the wall clock can even overlap in UTC. The cache stores their union, which is what §6 defines.
"""

from __future__ import annotations

import threading
import zoneinfo
from bisect import bisect_left, bisect_right
from datetime import UTC, date, datetime, timedelta
from typing import Final

from app.sla.instants import (
    EPOCH,
    US,
    Pauses,
    aware_us,
    instant_us,
    merge,
    merge_pauses,
    range_error,
    seconds_arg,
    to_datetime,
)
from app.sla.spec import DAY, CalendarError, CalendarSpec, LocalInterval, parse_spec

__all__ = ["WALK_CAP_DATES", "BusinessCalendar", "CalendarError"]

#: Rule E7: add/subtract/business_day_end look at most this many local dates from the input's.
WALK_CAP_DATES: Final = 3660

_DAY_US: Final = DAY * US
_ONE_DAY: Final = timedelta(days=1)
_EPOCH_ORDINAL: Final = EPOCH.toordinal()

# Intervals of a date outside the cache's date range can still reach this many dates into it
# (an overnight tail, a spring-forward shift, an offset change of up to a day as in Samoa 2011),
# so only instants this far inside the range count as known.
_MARGIN: Final = timedelta(days=3)
# Beyond this the cache is rebuilt around the request instead of grown, so memory stays bounded;
# `between` over a longer range is answered piecewise. Must exceed the walk cap plus margins.
_MAX_WINDOW: Final = timedelta(days=30 * 366)
_BETWEEN_PIECE_US: Final = 20 * 366 * _DAY_US
# Local dates the engine expands; the rest of `date`'s range would overflow `datetime`.
_MIN_DATE: Final = date(1, 1, 10)
_MAX_DATE: Final = date(9999, 12, 20)


class _Window:
    """Immutable expansion of the local dates `[lo, hi)`; exact for instants in `[klo, khi]`.

    `cum[i]` is the business time of intervals `0 .. i-1`, so `cum` has one more entry than
    `starts`. `day_ends[k]` is the UTC end of the last interval of date `lo + k`, or `None` when the
    date has no interval left after E1–E4 (it is not a business day).
    """

    __slots__ = ("cum", "day_ends", "ends", "hi", "khi", "klo", "lo", "starts")

    def __init__(
        self,
        lo: date,
        hi: date,
        starts: list[int],
        ends: list[int],
        day_ends: list[int | None],
        klo: int,
        khi: int,
    ) -> None:
        self.lo = lo
        self.hi = hi
        self.starts = starts
        self.ends = ends
        self.day_ends = day_ends
        self.klo = klo
        self.khi = khi
        cum = [0] * (len(starts) + 1)
        total = 0
        for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
            total += end - start
            cum[i + 1] = total
        self.cum = cum

    def business(self, x: int) -> int:
        """Business microseconds from the window's origin up to instant `x` (must be known)."""
        i = bisect_right(self.starts, x) - 1
        if i < 0:
            return 0
        end = self.ends[i]
        return self.cum[i] + (x if x < end else end) - self.starts[i]


class BusinessCalendar:
    """One calendar of sla.md §4, immutable after `from_dict`; safe to share between threads.

    Instants may be given in any zone (aware `datetime`); results are aware UTC datetimes
    (`tzinfo=UTC`). Pauses are `(from, to)` pairs, half-open, merged before use.
    """

    __slots__ = ("_lock", "_overrides", "_range", "_spec", "_weekly", "_window")

    def __init__(self, spec: CalendarSpec) -> None:
        """Use `from_dict`; this takes an already validated spec."""
        self._spec = spec
        # The spec's intervals with their offsets ready for `_expand`, the hot loop of a cold cache.
        self._weekly = tuple(_prepare(day) for day in spec.weekly)
        self._overrides = {day: _prepare(ivs) for day, ivs in spec.overrides.items()}
        self._lock = threading.Lock()
        self._window: _Window | None = None
        # Instants the cache can answer for; business time outside them counts as none.
        self._range = (self._wall_us(_MIN_DATE + _MARGIN, 0), self._wall_us(_MAX_DATE - _MARGIN, 0))

    @classmethod
    def from_dict(cls, spec: object) -> BusinessCalendar:
        """Validate `spec` (rules V1–V7) and build the calendar; raise `CalendarError` if not."""
        return cls(parse_spec(spec))

    def __repr__(self) -> str:
        mode = "24x7" if self._spec.always_open else "weekly"
        return f"<BusinessCalendar {self._spec.timezone.key} {mode}>"

    @property
    def timezone(self) -> zoneinfo.ZoneInfo:
        """The calculation timezone (sla.md §13)."""
        return self._spec.timezone

    @property
    def always_open(self) -> bool:
        """True for a 24x7 calendar (E6): every instant is business time."""
        return self._spec.always_open

    # --- public operations ---------------------------------------------------------------------

    def add(self, start: datetime, seconds: int, pauses: Pauses | None = ()) -> datetime:
        """The earliest instant `t >= start` with `seconds` of business time in `[start, t)`
        outside `pauses`.

        A target that runs out at the end of an interval is due at that end (S2), or at the start
        of a pause (S3); a zero target returns `start` itself (S4). Raises `CalendarError` when the
        answer lies beyond the walk cap (E7): 3 660 local dates from `start`'s local date.
        """
        s = instant_us(start, "start")
        remaining = seconds_arg(seconds, "seconds") * US
        merged = merge_pauses(pauses) if pauses else ()
        if remaining == 0:
            return to_datetime(s)
        cap = _LazyCap(self, s, forward=True)
        cur = s
        for p_from, p_to in merged:
            if p_to <= cur:
                continue  # before the start (EX-P5) or already passed
            if p_from > cur:
                due = self._add_plain(cur, remaining, cap)
                if due <= p_from:
                    return to_datetime(due)
                remaining -= self._between_plain(cur, p_from)
            cur = p_to
        return to_datetime(self._add_plain(cur, remaining, cap))

    def subtract(self, end: datetime, seconds: int) -> datetime:
        """The latest instant `u <= end` with `seconds` of business time in `[u, end)`.

        A zero amount returns `end` itself (S5); running out exactly at an opening returns that
        opening (S6). Takes no pauses (§3.8). Raises `CalendarError` past the walk cap (E7).
        """
        e = instant_us(end, "end")
        amount = seconds_arg(seconds, "seconds") * US
        if amount == 0:
            return to_datetime(e)
        cap = _LazyCap(self, e, forward=False)
        if self._spec.always_open:
            u = e - amount
            cap.check(u)
            return to_datetime(u)
        lo, hi = self._range
        if e < lo:
            raise range_error()
        e_known = e if e < hi else hi  # no business time is known after `hi`
        window = self._cover(e_known, e_known)
        while True:
            target = window.business(e_known) - amount
            if target >= 0:
                j = bisect_right(window.cum, target) - 1
                u = window.starts[j] + target - window.cum[j]
                if u >= window.klo:
                    cap.check(u)
                    return to_datetime(u)
            if window.klo <= cap.limit():
                raise cap.error()
            window = self._cover(max(window.klo - 366 * _DAY_US, cap.limit()), e_known)

    def between(self, start: datetime, end: datetime, pauses: Pauses | None = ()) -> int:
        """Business seconds in `[start, end)` outside `pauses`; `0` when `end <= start`.

        Never raises for the walk cap: the range is bounded by `end`. Sub-second inputs are
        measured exactly and the result is rounded down to whole seconds.
        """
        a = instant_us(start, "start")
        b = instant_us(end, "end")
        merged = merge_pauses(pauses) if pauses else ()
        if b <= a:
            return 0
        window = self._window
        if not merged and window is not None and window.klo <= a and b <= window.khi:
            # The hot path of the UI's "time left" column: two look-ups in a warm cache.
            return (window.business(b) - window.business(a)) // US
        total = self._between_plain(a, b)
        for p_from, p_to in merged:
            lo = p_from if p_from > a else a
            hi = p_to if p_to < b else b
            if lo < hi:
                total -= self._between_plain(lo, hi)
        return total // US

    def is_open_at(self, instant: datetime) -> bool:
        """Whether `instant` lies inside a business interval (intervals are half-open)."""
        x = instant_us(instant, "instant")
        if self._spec.always_open:
            return True
        lo, hi = self._range
        if not lo <= x <= hi:
            return False
        window = self._cover(x, x)
        i = bisect_right(window.starts, x) - 1
        return i >= 0 and x < window.ends[i]

    def business_day_end(self, start: datetime, n: int) -> datetime:
        """End of the `n`-th business day after `start` (sla.md §7 `business_days_end`).

        A business day is a local date that keeps at least one interval after E1–E4; its end is
        the end of its last interval. The anchor is the first business day, searching from the
        local date before `start`'s (so a night shift still running at `start` counts), whose end
        is after `start`; `n = 0` gives the anchor's end, `n = 1` the next business day's.

        In 24x7 mode every local date is a business day and its end is the next local midnight
        (the start of the following local date, `fold=0`): "end of the next business day" then
        means "midnight after tomorrow", the natural reading for an always-open contract.

        Raises `CalendarError` when the answer lies more than 3 660 local dates after `start`'s
        local date (E7), `ValueError` for a naive `start` or negative `n`, `TypeError` for a
        non-int `n`.
        """
        s = instant_us(start, "start")
        remaining = seconds_arg(n, "n")
        first = self._local_date(s) - _ONE_DAY
        last = _add_days(first, WALK_CAP_DATES + 1)
        if self._spec.always_open:
            day = first
            while day < last:
                end = self._wall_us(day + _ONE_DAY, 0)
                if end > s:
                    if remaining == 0:
                        return to_datetime(end)
                    remaining -= 1
                day += _ONE_DAY
            raise _cap_error()
        day = first
        while day < last:
            # Grow the cache a year at a time: most answers lie within days of the start.
            window = self._cover_dates(first, min(_add_days(day, 366), last))
            stop = min(window.hi, last)
            for end_or_none in window.day_ends[(day - window.lo).days : (stop - window.lo).days]:
                if end_or_none is not None and end_or_none > s:
                    if remaining == 0:
                        return to_datetime(end_or_none)
                    remaining -= 1
            day = stop
        raise _cap_error()

    # --- business time without pauses ----------------------------------------------------------

    def _between_plain(self, a: int, b: int) -> int:
        """Business microseconds in `[a, b)`, `a < b`."""
        if self._spec.always_open:
            return b - a
        lo, hi = self._range
        a = _clamp(a, lo, hi)
        b = _clamp(b, lo, hi)
        total = 0
        # A range longer than the cache may hold is summed piecewise (additivity of B).
        while b - a > _BETWEEN_PIECE_US:
            mid = a + _BETWEEN_PIECE_US
            window = self._cover(a, mid)
            total += window.business(mid) - window.business(a)
            a = mid
        if a < b:
            window = self._cover(a, b)
            total += window.business(b) - window.business(a)
        return total

    def _add_plain(self, s: int, amount: int, cap: _LazyCap) -> int:
        """The earliest `t >= s` with `amount > 0` business microseconds in `[s, t)`."""
        cap.check(s)
        if self._spec.always_open:
            t = s + amount
            cap.check(t)
            return t
        lo, hi = self._range
        if not lo <= s <= hi:
            raise range_error()
        window = self._cover(s, s)
        while True:
            target = window.business(s) + amount
            # The first interval whose cumulative end reaches the target: bisect_left picks the
            # interval's end rather than the next opening when the target is met exactly (S2).
            j = bisect_left(window.cum, target, 1) - 1
            if j < len(window.starts):
                t = window.starts[j] + target - window.cum[j]
                if t <= window.khi:
                    cap.check(t)
                    return t
            limit = cap.limit()
            if window.khi >= limit:
                raise cap.error()
            window = self._cover(s, min(window.khi + 366 * _DAY_US, limit))

    # --- the cache -----------------------------------------------------------------------------

    def _cover(self, a: int, b: int) -> _Window:
        """A window whose known range contains `[a, b]` (both within `self._range`)."""
        window = self._window
        if window is not None and window.klo <= a and b <= window.khi:
            return window
        lo = self._local_date(a) - _MARGIN - _ONE_DAY
        hi = self._local_date(b) + _MARGIN + _ONE_DAY
        return self._cover_dates(lo, hi)

    def _cover_dates(self, lo: date, hi: date) -> _Window:
        """A window whose date range contains `[lo, hi)`, grown or rebuilt in whole months."""
        lo = max(lo, _MIN_DATE)
        hi = min(hi, _MAX_DATE)
        with self._lock:
            window = self._window
            if window is not None and window.lo <= lo and hi <= window.hi:
                return window
            # Whole months: a cold calendar pays for little more than it is asked about.
            new_lo = max(date(lo.year, lo.month, 1), _MIN_DATE)
            new_hi = min(_next_month(hi), _MAX_DATE)
            if window is None or max(new_hi, window.hi) - min(new_lo, window.lo) > _MAX_WINDOW:
                window = self._build(new_lo, new_hi)
            else:
                if new_lo < window.lo:
                    window = self._prepend(window, new_lo)
                if new_hi > window.hi:
                    window = self._append(window, new_hi)
            self._window = window
            return window

    def _build(self, lo: date, hi: date) -> _Window:
        starts, ends, day_ends = self._expand(lo, hi)
        return self._make_window(lo, hi, starts, ends, day_ends)

    def _append(self, window: _Window, hi: date) -> _Window:
        starts, ends, day_ends = self._expand(window.hi, hi)
        old_s, old_e = window.starts, window.ends
        # Only old intervals reaching the new ones' first start can merge with them.
        k = bisect_left(old_e, starts[0]) if starts else len(old_e)
        tail_s, tail_e = merge(
            list(zip(old_s[k:], old_e[k:], strict=True)) + list(zip(starts, ends, strict=True))
        )
        return self._make_window(
            window.lo, hi, old_s[:k] + tail_s, old_e[:k] + tail_e, window.day_ends + day_ends
        )

    def _prepend(self, window: _Window, lo: date) -> _Window:
        starts, ends, day_ends = self._expand(lo, window.lo)
        old_s, old_e = window.starts, window.ends
        k = bisect_right(old_s, ends[-1]) if ends else 0
        head_s, head_e = merge(
            list(zip(starts, ends, strict=True)) + list(zip(old_s[:k], old_e[:k], strict=True))
        )
        return self._make_window(
            lo, window.hi, head_s + old_s[k:], head_e + old_e[k:], day_ends + window.day_ends
        )

    def _make_window(
        self, lo: date, hi: date, starts: list[int], ends: list[int], day_ends: list[int | None]
    ) -> _Window:
        klo = self._wall_us(lo + _MARGIN, 0) if lo > _MIN_DATE else self._wall_us(lo, 0)
        khi = self._wall_us(hi - _MARGIN, 0) if hi < _MAX_DATE else self._wall_us(hi, 0)
        return _Window(lo, hi, starts, ends, day_ends, klo, khi)

    def _expand(self, lo: date, hi: date) -> tuple[list[int], list[int], list[int | None]]:
        """Rules E1–E5 for the local dates `[lo, hi)`: merged UTC intervals and per-date ends."""
        spec = self._spec
        weekly = self._weekly
        overrides = self._overrides
        utcoffset = spec.timezone.utcoffset
        pairs: list[tuple[int, int]] = []
        day_ends: list[int | None] = []
        ordinal = lo.toordinal()
        day = lo
        while day < hi:
            last: int | None = None
            intervals = overrides.get(day)
            if intervals is None:
                intervals = () if day in spec.holidays else weekly[day.weekday()]
            if intervals:
                midnight = datetime(day.year, day.month, day.day)
                base = (ordinal - _EPOCH_ORDINAL) * _DAY_US
                for a_us, b_us, a_td, b_td in intervals:
                    # The offset of the naive wall time is the fold=0 reading (E3): a time in a
                    # spring-forward gap keeps the earlier offset, a repeated time its first one.
                    s = base + a_us - _offset_us(utcoffset(midnight + a_td))
                    e = base + b_us - _offset_us(utcoffset(midnight + b_td))
                    if e > s:  # E4: a DST switch can empty an interval
                        pairs.append((s, e))
                        if last is None or e > last:
                            last = e
            day_ends.append(last)
            day += _ONE_DAY  # E5: iterate local dates, never 86 400 s steps
            ordinal += 1
        starts, ends = merge(pairs)
        return starts, ends, day_ends

    # --- local dates ---------------------------------------------------------------------------

    def _local_date(self, us: int) -> date:
        return to_datetime(_clamp(us, *_UTC_RANGE)).astimezone(self._spec.timezone).date()

    def _wall_us(self, day: date, seconds: int) -> int:
        """The instant of local wall time `day + seconds` with `fold=0` (E3)."""
        naive = datetime(day.year, day.month, day.day) + timedelta(seconds=seconds)
        offset = self._spec.timezone.utcoffset(naive)
        return (day.toordinal() - _EPOCH_ORDINAL) * _DAY_US + seconds * US - _offset_us(offset)


class _LazyCap:
    """The walk-cap boundary of one call (E7), computed only when a result is far enough away.

    Forward: the local midnight that starts the 3 660th date after the start's local date, so
    dates `L .. L + 3659` count. Backward: the midnight starting date `L - 3659`.
    """

    __slots__ = ("_cal", "_forward", "_limit", "_origin")

    # The cap boundary is never closer than this, whatever the offsets: checks inside it are free.
    _SAFE_US: Final = (WALK_CAP_DATES - 3) * _DAY_US

    def __init__(self, cal: BusinessCalendar, origin: int, *, forward: bool) -> None:
        self._cal = cal
        self._origin = origin
        self._forward = forward
        self._limit: int | None = None

    def limit(self) -> int:
        if self._limit is None:
            cal = self._cal
            first = cal._local_date(self._origin)
            steps = WALK_CAP_DATES if self._forward else 1 - WALK_CAP_DATES
            self._limit = cal._wall_us(_add_days(first, steps), 0)
        return self._limit

    def check(self, t: int) -> None:
        if self._forward:
            if t - self._origin > self._SAFE_US and t > self.limit():
                raise self.error()
        elif self._origin - t > self._SAFE_US and t < self.limit():
            raise self.error()

    def error(self) -> CalendarError:
        return _cap_error()


def _cap_error() -> CalendarError:
    return CalendarError(
        f"No answer within {WALK_CAP_DATES} local dates (about 10 years): the calendar has too "
        "little working time for this target.",
        code="walk_cap",
        where="",
    )


def _offset_us(offset: timedelta | None) -> int:
    if offset is None:  # pragma: no cover - ZoneInfo always has an offset
        return 0
    return (offset.days * DAY + offset.seconds) * US + offset.microseconds


_Prepared = tuple[tuple[int, int, timedelta, timedelta], ...]


def _prepare(intervals: tuple[LocalInterval, ...]) -> _Prepared:
    return tuple((a * US, b * US, timedelta(seconds=a), timedelta(seconds=b)) for a, b in intervals)


def _clamp(x: int, lo: int, hi: int) -> int:
    return lo if x < lo else hi if x > hi else x


def _clamp_date(day: date) -> date:
    return _MIN_DATE if day < _MIN_DATE else _MAX_DATE if day > _MAX_DATE else day


def _next_month(day: date) -> date:
    """The first of the month after `day`'s (or `_MAX_DATE` at the end of the calendar)."""
    if day.year >= 9999:
        return _MAX_DATE
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _add_days(day: date, days: int) -> date:
    """`day + days`, clamped to the dates the engine expands."""
    ordinal = day.toordinal() + days
    return _clamp_date(date.fromordinal(min(max(ordinal, 1), date.max.toordinal())))


# Instants whose local date every zone can compute without overflowing `datetime`.
_UTC_RANGE: Final = (
    aware_us(datetime(1, 1, 15, tzinfo=UTC)),
    aware_us(datetime(9999, 12, 15, tzinfo=UTC)),
)
