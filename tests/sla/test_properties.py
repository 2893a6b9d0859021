"""Property tests of `BusinessCalendar` against the definitions of sla.md §6, and a cross-check
against a deliberately simple reference that walks local dates one by one.

The reference shares no code with app/sla: it converts wall times with `datetime.timestamp()` on
aware datetimes (the engine uses `utcoffset` on naive ones), unions intervals with a plain sort and
walks them linearly. Instants are whole epoch seconds throughout.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.sla import BusinessCalendar, CalendarError

ZONES = [
    "UTC",
    "America/New_York",
    "Europe/Warsaw",
    "Australia/Lord_Howe",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "America/Los_Angeles",
    "America/Santiago",
]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY = 86_400
LO = int(datetime(2023, 1, 1, tzinfo=UTC).timestamp())
HI = int(datetime(2027, 1, 1, tzinfo=UTC).timestamp())

Pairs = list[tuple[int, int]]
PROPERTY = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)


def transitions(zone: str) -> list[int]:
    """UTC offsets changes of `zone` in 2018–2026 (Sao Paulo last changed in 2019)."""
    tz = ZoneInfo(zone)

    def offset(x: int) -> timedelta | None:
        return datetime.fromtimestamp(x, tz).utcoffset()

    found = []
    x = int(datetime(2018, 1, 1, tzinfo=UTC).timestamp())
    while x < HI:
        if offset(x) != offset(x + DAY):
            lo, hi = x, x + DAY
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if offset(mid) == offset(lo) else (lo, mid)
            found.append(hi)
        x += DAY
    return found


TRANSITIONS = {zone: transitions(zone) for zone in ZONES}


# --- the reference ------------------------------------------------------------------------------


def clock(text: str) -> int:
    parts = [int(p) for p in text.split(":")]
    return parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) == 3 else 0)


def day_intervals(spec: dict[str, Any], day: date) -> list[tuple[int, int]]:
    overrides = spec.get("overrides", {})
    if day.isoformat() in overrides:
        raw = overrides[day.isoformat()]
    elif day.isoformat() in spec.get("holidays", []):
        raw = []
    else:
        raw = spec.get("weekly", {}).get(WEEKDAYS[day.weekday()], [])
    out = []
    for a_text, b_text in raw:
        a, b = clock(a_text), clock(b_text)
        out.append((a, b + DAY if b <= a else b))
    return out


def local_date(spec: dict[str, Any], x: int) -> date:
    return datetime.fromtimestamp(x, ZoneInfo(spec["timezone"])).date()


def wall(spec: dict[str, Any], day: date, seconds: int) -> int:
    naive = datetime.combine(day, time()) + timedelta(seconds=seconds)
    return int(naive.replace(tzinfo=ZoneInfo(spec["timezone"])).timestamp())


def dates(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def day_utc(spec: dict[str, Any], day: date) -> Pairs:
    pairs = [(wall(spec, day, a), wall(spec, day, b)) for a, b in day_intervals(spec, day)]
    return [(s, e) for s, e in pairs if e > s]


def union(pairs: Pairs) -> Pairs:
    out: Pairs = []
    for s, e in sorted(pairs):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def minus(pairs: Pairs, holes: Pairs) -> Pairs:
    out = []
    for s, e in pairs:
        pieces = [(s, e)]
        for hs, he in holes:
            pieces = [
                piece
                for ps, pe in pieces
                for piece in ((ps, min(pe, hs)), (max(ps, he), pe))
                if piece[1] > piece[0]
            ]
        out.extend(pieces)
    return out


def business(spec: dict[str, Any], first: date, last: date) -> Pairs:
    return union([p for day in dates(first, last) for p in day_utc(spec, day)])


def ref_between(spec: dict[str, Any], a: int, b: int, pauses: Pairs) -> int:
    if b <= a:
        return 0
    if spec.get("always_open"):
        pairs = [(a, b)]
    else:
        first = local_date(spec, a) - timedelta(days=3)
        pairs = business(spec, first, local_date(spec, b) + timedelta(days=1))
    clipped = [(max(s, a), min(e, b)) for s, e in pairs if min(e, b) > max(s, a)]
    return sum(e - s for s, e in minus(clipped, union(pauses)))


def ref_add(spec: dict[str, Any], s: int, target: int, pauses: Pairs) -> int | None:
    """The answer, or None when it lies beyond the reference's (short) horizon."""
    if target == 0:
        return s
    for horizon in (20, 80, 320):
        if spec.get("always_open"):
            pairs, trusted = [(s, s + horizon * DAY)], s + horizon * DAY
        else:
            first = local_date(spec, s) - timedelta(days=3)
            last = local_date(spec, s) + timedelta(days=horizon)
            pairs = business(spec, first, last)
            trusted = wall(spec, last - timedelta(days=2), 0)
        left = target
        for ps, pe in minus([(max(p, s), e) for p, e in pairs if e > s], union(pauses)):
            if pe - ps >= left:
                return ps + left if ps + left <= trusted else None
            left -= pe - ps
    return None


def ref_subtract(spec: dict[str, Any], e: int, amount: int) -> int | None:
    if amount == 0:
        return e
    for horizon in (20, 80, 320):
        if spec.get("always_open"):
            pairs, trusted = [(e - horizon * DAY, e)], e - horizon * DAY
        else:
            first = local_date(spec, e) - timedelta(days=horizon)
            pairs = business(spec, first, local_date(spec, e) + timedelta(days=1))
            trusted = wall(spec, first + timedelta(days=3), 0)
        left = amount
        for ps, pe in reversed([(s, min(x, e)) for s, x in pairs if s < e]):
            if pe - ps >= left:
                return pe - left if pe - left >= trusted else None
            left -= pe - ps
    return None


def ref_business_day_end(spec: dict[str, Any], s: int, n: int) -> int:
    day = local_date(spec, s) - timedelta(days=1)
    while True:
        if spec.get("always_open"):
            end: int | None = wall(spec, day + timedelta(days=1), 0)
        else:
            end = max((e for _, e in day_utc(spec, day)), default=None)
        if end is not None and end > s:
            if n == 0:
                return end
            n -= 1
        day += timedelta(days=1)


# --- strategies ---------------------------------------------------------------------------------


def fmt(seconds: int, *, end: bool = False) -> str:
    if end and seconds == DAY:
        return "24:00"
    seconds %= DAY
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}" + (f":{s:02d}" if s else "")


@st.composite
def clock_times(draw: st.DrawFn) -> int:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.integers(0, DAY - 1))  # an odd second now and then
    return draw(st.integers(0, 95)) * 900


@st.composite
def one_day(draw: st.DrawFn) -> list[list[str]]:
    """0–3 intervals of one date, possibly a lunch break and an overnight last interval."""
    shape = draw(
        st.sampled_from(["empty", "one", "one", "two", "two", "three", "whole", "overnight"])
    )
    if shape == "empty":
        return []
    if shape == "whole":
        t = draw(clock_times())
        return [[fmt(t), fmt(t)]]
    count = {"one": 1, "two": 2, "three": 3, "overnight": 2}[shape]
    points = sorted(draw(st.sets(clock_times(), min_size=2 * count, max_size=2 * count)))
    intervals = [[fmt(points[i]), fmt(points[i + 1], end=True)] for i in range(0, len(points), 2)]
    if shape == "overnight":
        a = points[-2]
        tail = draw(st.integers(0, min(points[0], 8 * 3600) // 900)) * 900
        intervals[-1] = [fmt(a), fmt(tail)]  # end <= start: runs into the next date
    if draw(st.booleans()):
        intervals.reverse()  # listed in any order (EX-H11)
    return intervals


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[dict[str, Any], int]:
    """A calendar spec and a start instant; holidays and overrides land near the start."""
    zone = draw(st.sampled_from(ZONES))
    kind = draw(st.sampled_from(["uniform", "uniform", "transition", "month"]))
    if kind == "transition":
        start = draw(st.sampled_from(TRANSITIONS[zone] or [LO]))
        start += draw(st.sampled_from([0, 0, -1, 1, -1800, 1800, -3 * 3600, -DAY, -2 * DAY]))
    elif kind == "month":  # the engine's cache grows in whole months of local dates
        first = date(draw(st.integers(2023, 2026)), draw(st.integers(1, 12)), 1)
        start = wall({"timezone": zone}, first, 0) + draw(st.integers(-12, 12)) * 1800
    else:
        start = draw(st.integers(LO // 900, HI // 900)) * 900 + draw(st.sampled_from([0, 0, 0, 1]))
    spec: dict[str, Any] = {"timezone": zone}
    if draw(st.integers(0, 6)) == 0:
        spec["always_open"] = True
    # Real calendars repeat a few day shapes; drawing 1–3 templates keeps generation cheap.
    templates = draw(st.lists(one_day(), min_size=1, max_size=3))
    picks = draw(st.lists(st.integers(-1, len(templates) - 1), min_size=7, max_size=7))
    spec["weekly"] = {day: templates[k] for day, k in zip(WEEKDAYS, picks, strict=True) if k >= 0}
    near = datetime.fromtimestamp(start, UTC).date()
    offsets = st.integers(-3, 14).map(lambda k: (near + timedelta(days=k)).isoformat())
    spec["holidays"] = draw(st.lists(offsets, max_size=4))
    spec["overrides"] = draw(st.dictionaries(offsets, one_day(), max_size=3))
    return spec, start


targets = st.one_of(
    st.integers(0, 4 * 3600),
    st.integers(0, 60 * 3600),
    st.integers(0, 60 * 4).map(lambda k: k * 900),
)


@st.composite
def pause_lists(draw: st.DrawFn, start: int) -> Pairs:
    out = []
    for _ in range(draw(st.integers(0, 4))):
        a = start + draw(st.integers(-DAY, 6 * DAY) | st.integers(-3600, 8 * 3600))
        out.append((a, a + draw(st.integers(0, 3 * DAY) | st.integers(0, 3 * 3600))))
    return out


warm_offsets = st.none() | st.integers(-40 * DAY, 40 * DAY)


def build(spec: dict[str, Any], warm: int | None = None) -> BusinessCalendar:
    """The calendar; with `warm`, its cache already filled around that instant."""
    try:
        cal = BusinessCalendar.from_dict(spec)
        if warm is not None:
            cal.between(dt(warm), dt(warm + DAY))
        return cal
    except CalendarError as e:
        # Only the tail rule (V5) and V6 can reject a generated calendar.
        assert e.code in ("overnight_overlap", "no_working_time"), e
        assume(False)
        raise


def dt(x: int) -> datetime:
    return datetime.fromtimestamp(x, UTC)


def ts(value: datetime) -> int:
    assert value.utcoffset() == timedelta(0)
    assert value.microsecond == 0
    return int(value.timestamp())


def add_or_skip(cal: BusinessCalendar, s: int, target: int, pauses: Pairs | None = None) -> int:
    try:
        return ts(cal.add(dt(s), target, [(dt(a), dt(b)) for a, b in pauses or []]))
    except CalendarError as e:
        assert e.code == "walk_cap"
        assume(False)
        raise


def subtract_or_skip(cal: BusinessCalendar, e: int, amount: int) -> int:
    try:
        return ts(cal.subtract(dt(e), amount))
    except CalendarError as err:
        assert err.code == "walk_cap"
        assume(False)
        raise


def between(cal: BusinessCalendar, a: int, b: int, pauses: Pairs | None = None) -> int:
    got = cal.between(dt(a), dt(b), [(dt(p), dt(q)) for p, q in pauses or []])
    assert type(got) is int
    return got


# --- properties ---------------------------------------------------------------------------------


@PROPERTY
@given(scenarios(), targets)
def test_add_then_between_gives_the_target(
    scenario: tuple[dict[str, Any], int], target: int
) -> None:
    spec, s = scenario
    cal = build(spec)
    t = add_or_skip(cal, s, target)
    assert t >= s
    assert between(cal, s, t) == target
    if target > 0:  # earliest: the second before the due is still needed
        assert between(cal, s, t - 1) == target - 1


@PROPERTY
@given(scenarios(), targets, targets, st.integers(0, 5 * DAY))
def test_add_is_monotone(
    scenario: tuple[dict[str, Any], int], t1: int, t2: int, later: int
) -> None:
    spec, s = scenario
    cal = build(spec)
    t1, t2 = sorted((t1, t2))
    assert add_or_skip(cal, s, t1) <= add_or_skip(cal, s, t2)
    assert add_or_skip(cal, s, t1) <= add_or_skip(cal, s + later, t1)


@PROPERTY
@given(scenarios(), targets)
def test_subtract_inverts_between(scenario: tuple[dict[str, Any], int], amount: int) -> None:
    spec, e = scenario
    cal = build(spec)
    u = subtract_or_skip(cal, e, amount)
    assert u <= e
    assert between(cal, u, e) == amount
    assert add_or_skip(cal, u, amount) <= e
    if amount > 0:  # latest: one second later is too late
        assert between(cal, u + 1, e) == amount - 1


@PROPERTY
@given(scenarios(), targets, st.data())
def test_pauses_only_delay(
    scenario: tuple[dict[str, Any], int], target: int, data: st.DataObject
) -> None:
    spec, s = scenario
    cal = build(spec)
    pauses = data.draw(pause_lists(s))
    plain = add_or_skip(cal, s, target)
    paused = add_or_skip(cal, s, target, pauses)
    assert paused >= plain
    assert between(cal, s, paused, pauses) == target
    end = s + data.draw(st.integers(0, 10 * DAY))
    assert between(cal, s, end, pauses) <= between(cal, s, end)


@PROPERTY
@given(scenarios(), st.integers(-2 * DAY, 10 * DAY), st.integers(0, 10 * DAY))
def test_between_is_additive(scenario: tuple[dict[str, Any], int], d1: int, d2: int) -> None:
    spec, a = scenario
    cal = build(spec)
    b, c = a + max(d1, 0), a + max(d1, 0) + d2
    assert between(cal, a, c) == between(cal, a, b) + between(cal, b, c)
    if c > a:
        assert between(cal, c, a) == 0


@PROPERTY
@given(scenarios(), st.integers(0, 8 * DAY), st.data())
def test_between_matches_reference(
    scenario: tuple[dict[str, Any], int], length: int, data: st.DataObject
) -> None:
    spec, a = scenario
    offset = data.draw(warm_offsets)
    cal = build(spec, None if offset is None else a + offset)
    pauses = data.draw(pause_lists(a))
    assert between(cal, a, a + length, pauses) == ref_between(spec, a, a + length, pauses)


@PROPERTY
@given(scenarios(), targets, st.data())
def test_add_matches_reference(
    scenario: tuple[dict[str, Any], int], target: int, data: st.DataObject
) -> None:
    spec, s = scenario
    offset = data.draw(warm_offsets)
    cal = build(spec, None if offset is None else s + offset)
    pauses = data.draw(pause_lists(s))
    expected = ref_add(spec, s, target, pauses)
    assume(expected is not None)
    assert add_or_skip(cal, s, target, pauses) == expected


@PROPERTY
@given(scenarios(), targets, warm_offsets)
def test_subtract_matches_reference(
    scenario: tuple[dict[str, Any], int], amount: int, offset: int | None
) -> None:
    spec, e = scenario
    cal = build(spec, None if offset is None else e + offset)
    expected = ref_subtract(spec, e, amount)
    assume(expected is not None)
    assert subtract_or_skip(cal, e, amount) == expected


@PROPERTY
@given(scenarios(), st.integers(0, 4), st.integers(-DAY, DAY), warm_offsets)
def test_business_day_end_and_is_open_match_reference(
    scenario: tuple[dict[str, Any], int], n: int, shift: int, offset: int | None
) -> None:
    spec, s = scenario
    cal = build(spec, None if offset is None else s + offset)
    try:
        got = ts(cal.business_day_end(dt(s), n))
    except CalendarError:
        assume(False)
        raise
    assert got == ref_business_day_end(spec, s, n)
    x = s + shift
    assert cal.is_open_at(dt(x)) == (ref_between(spec, x, x + 1, []) == 1)


# --- junk specs ----------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
near_times = st.sampled_from(
    ["08:00", "16:00", "24:00", "00:00", "23:59:59", "24:00:00", "25:00", "8:00", "12:00", "06:00"]
)
near_intervals = st.lists(st.lists(near_times, min_size=1, max_size=3), max_size=3) | json_values
near_dates = st.sampled_from(
    ["2024-06-03", "2024-06-04", "2024-02-30", "2024-6-3", "x"]
) | st.dates(min_value=date(2024, 6, 1), max_value=date(2024, 6, 10)).map(date.isoformat)
near_specs = st.fixed_dictionaries(
    {},
    optional={
        "timezone": st.sampled_from([*ZONES, "", "Mars/Base", "America", ".."]) | json_values,
        "always_open": st.booleans() | json_values,
        "weekly": st.dictionaries(
            st.sampled_from([*WEEKDAYS, "Mon", "x"]), near_intervals, max_size=7
        )
        | json_values,
        "holidays": st.lists(near_dates, max_size=3) | json_values,
        "overrides": st.dictionaries(near_dates, near_intervals, max_size=3) | json_values,
        "name": json_values,
    },
)


@settings(max_examples=200, deadline=None)
@given(near_specs | json_values)
def test_from_dict_raises_only_calendar_error(spec: Any) -> None:
    try:
        cal = BusinessCalendar.from_dict(spec)
    except CalendarError as e:
        assert e.code and str(e)
        return
    start = datetime(2024, 6, 3, 12, tzinfo=UTC)
    try:
        due = cal.add(start, 3600)
    except CalendarError as e:
        assert e.code == "walk_cap"
    else:
        assert cal.between(start, due) == 3600
