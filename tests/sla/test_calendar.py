"""Operations of `BusinessCalendar`: argument checks, due-at-close, pauses, overnight shifts,
overrides vs holidays, DST (E3–E5, E8), 24x7, the walk cap, business_day_end, is_open_at, the
cache and thread safety.

The vectors in test_vectors.py pin the headline cases; these tests pin the rules around them.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise
from typing import Any

import pytest

from app.sla import WALK_CAP_DATES, BusinessCalendar, CalendarError
from tests.sla.support import NIGHTLY, WORKDAYS, at, cal, spec, utc, weekly

# --- arguments -----------------------------------------------------------------------------------


def test_naive_datetimes_raise_value_error() -> None:
    c = cal()
    naive = datetime(2024, 6, 3, 10)
    aware = at("2024-06-03 10:00")
    for call in (
        lambda: c.add(naive, 60),
        lambda: c.subtract(naive, 60),
        lambda: c.between(naive, aware),
        lambda: c.between(aware, naive),
        lambda: c.add(aware, 60, [(naive, aware)]),
        lambda: c.between(aware, aware, [(aware, naive)]),
        lambda: c.is_open_at(naive),
        lambda: c.business_day_end(naive, 1),
        lambda: c.add(naive, 0),
    ):
        with pytest.raises(ValueError, match="timezone-aware"):
            call()


@pytest.mark.parametrize("seconds", [1.5, 60.0, True, False, "60", None])
def test_non_int_seconds_raise_type_error(seconds: Any) -> None:
    c = cal()
    with pytest.raises(TypeError):
        c.add(at("2024-06-03 10:00"), seconds)
    with pytest.raises(TypeError):
        c.subtract(at("2024-06-03 10:00"), seconds)
    with pytest.raises(TypeError):
        c.business_day_end(at("2024-06-03 10:00"), seconds)


def test_negative_seconds_and_reversed_pauses_raise_value_error() -> None:
    c = cal()
    s = at("2024-06-03 10:00")
    with pytest.raises(ValueError):
        c.add(s, -1)
    with pytest.raises(ValueError):
        c.subtract(s, -1)
    with pytest.raises(ValueError):
        c.business_day_end(s, -1)
    for call in (
        lambda: c.add(s, 60, [(s + timedelta(hours=2), s + timedelta(hours=1))]),
        lambda: c.add(s, 0, [(s, s - timedelta(seconds=1))]),
        lambda: c.between(s, s, [(s, s - timedelta(seconds=1))]),
    ):
        with pytest.raises(ValueError, match="pause"):
            call()


def test_other_argument_types() -> None:
    c = cal()
    with pytest.raises(TypeError):
        c.add(date(2024, 6, 3), 60)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        c.add(at("2024-06-03 10:00"), 60, [at("2024-06-03 11:00")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        c.add(at("2024-06-03 10:00"), 60, [("a", "b")])  # type: ignore[list-item]


def test_results_are_utc_and_inputs_any_zone() -> None:
    c = cal()
    due = c.add(datetime(2024, 6, 3, 13, 30, tzinfo=timezone(timedelta(hours=5, minutes=30))), 3600)
    assert due.tzinfo is UTC
    assert due == utc("2024-06-03 09:00")
    assert c.subtract(at("2024-06-03 10:00"), 0).tzinfo is UTC
    assert c.add(at("2024-06-03 10:00"), 0).tzinfo is UTC
    assert c.add(at("2024-06-03 10:00"), 0) == at("2024-06-03 10:00")


def test_pauses_none_and_generators() -> None:
    c = cal()
    s = at("2024-06-03 10:00")
    assert c.add(s, 3600, None) == c.add(s, 3600)
    gen = ((s + timedelta(minutes=m), s + timedelta(minutes=m + 10)) for m in (0, 5, 30))
    assert c.add(s, 3600, gen) == at("2024-06-03 11:25")
    assert c.between(s, at("2024-06-03 12:00"), None) == 7200


def test_sub_second_inputs() -> None:
    c = cal()
    s = at("2024-06-03 10:00:00.250000")
    assert c.add(s, 3600) == at("2024-06-03 11:00:00.250000")
    assert c.subtract(s, 60) == at("2024-06-03 09:59:00.250000")
    assert c.add(at("2024-06-03 15:59:59.5"), 1) == at("2024-06-04 08:00:00.5")
    assert c.between(s, at("2024-06-03 10:00:01")) == 0  # 0.75 s rounds down
    assert c.between(s, at("2024-06-03 10:00:02")) == 1


# --- core semantics ------------------------------------------------------------------------------


def test_due_at_close_and_next_opening() -> None:
    c = cal()
    assert c.add(at("2024-06-03 15:00"), 3600) == at("2024-06-03 16:00")  # S2
    assert c.add(at("2024-06-03 15:00"), 3601) == at("2024-06-04 08:00:01")
    assert c.add(at("2024-06-03 16:00"), 1) == at("2024-06-04 08:00:01")  # S7
    assert c.add(at("2024-06-03 16:00"), 0) == at("2024-06-03 16:00")  # S4
    assert c.subtract(at("2024-06-04 09:00"), 3600) == at("2024-06-04 08:00")  # S6
    assert c.subtract(at("2024-06-04 09:00"), 3601) == at("2024-06-03 15:59:59")
    assert c.subtract(at("2024-06-04 07:00"), 0) == at("2024-06-04 07:00")  # S5
    assert c.subtract(at("2024-06-04 07:00"), 1) == at("2024-06-03 15:59:59")


def test_pause_semantics() -> None:
    c = cal()
    s = at("2024-06-03 10:00")
    # A pause around the start delays the clock until it ends.
    assert c.add(s, 3600, [(at("2024-06-03 09:00"), at("2024-06-03 10:30"))]) == at(
        "2024-06-03 11:30"
    )
    # Nested and touching pauses merge into one.
    nested = [
        (at("2024-06-03 10:30"), at("2024-06-03 11:30")),
        (at("2024-06-03 10:45"), at("2024-06-03 11:00")),
        (at("2024-06-03 11:30"), at("2024-06-03 12:00")),
    ]
    assert c.add(s, 3600, nested) == at("2024-06-03 12:30")
    assert c.between(s, at("2024-06-03 13:00"), nested) == 3 * 3600 - 5400
    # A pause that never ends stops the clock for good: no answer within the walk cap.
    with pytest.raises(CalendarError) as caught:
        c.add(s, 3600, [(at("2024-06-03 10:30"), at("2099-01-01 00:00"))])
    assert caught.value.code == "walk_cap"
    # Pauses after the end of a between range do not count.
    assert (
        c.between(s, at("2024-06-03 11:00"), [(at("2024-06-03 11:00"), at("2024-06-03 12:00"))])
        == 3600
    )


# --- overnight shifts ----------------------------------------------------------------------------


def test_overnight_shifts() -> None:
    night = BusinessCalendar.from_dict(
        {"timezone": "Europe/Warsaw", "weekly": weekly(WORKDAYS, ("22:00", "06:00"))}
    )
    # Friday's shift runs into Saturday; nothing starts on Saturday or Sunday.
    assert (
        night.between(at("2024-06-07 00:00"), at("2024-06-10 23:59"))
        == 8 * 3600 + 6 * 3600 + 7200 - 60
    )
    assert night.is_open_at(at("2024-06-08 05:59:59"))
    assert not night.is_open_at(at("2024-06-08 06:00"))
    assert not night.is_open_at(at("2024-06-08 22:30"))
    # "16:00"-"00:00" is the same as "16:00"-"24:00" (EX-O5).
    a = BusinessCalendar.from_dict({"timezone": "UTC", "weekly": {"fri": [["16:00", "00:00"]]}})
    b = BusinessCalendar.from_dict({"timezone": "UTC", "weekly": {"fri": [["16:00", "24:00"]]}})
    for start in (utc("2024-06-07 12:00"), utc("2024-06-08 00:00"), utc("2024-06-07 23:00")):
        assert a.add(start, 7200) == b.add(start, 7200)
    # A 24 h interval starting at 08:00 runs to 08:00 the next day (V3).
    day = BusinessCalendar.from_dict({"timezone": "UTC", "weekly": {"wed": [["08:00", "08:00"]]}})
    assert day.between(utc("2024-06-05 00:00"), utc("2024-06-07 00:00")) == 24 * 3600
    assert day.add(utc("2024-06-06 07:00"), 3600) == utc("2024-06-06 08:00")
    assert day.add(utc("2024-06-06 07:00"), 3601) == utc("2024-06-12 08:00:01")


def test_holiday_and_override_follow_the_start_date() -> None:
    # D7/E2: the shift belongs to the date it starts on.
    base = {"timezone": "Europe/Warsaw", "weekly": weekly(WORKDAYS, ("22:00", "06:00"))}
    holiday_on_tuesday = BusinessCalendar.from_dict({**base, "holidays": ["2024-06-04"]})
    assert holiday_on_tuesday.is_open_at(at("2024-06-04 05:00"))  # Monday's shift
    assert not holiday_on_tuesday.is_open_at(at("2024-06-04 23:00"))  # Tuesday's, removed
    override = BusinessCalendar.from_dict(
        {**base, "overrides": {"2024-06-04": [["10:00", "12:00"]]}}
    )
    assert override.is_open_at(at("2024-06-04 05:00"))
    assert override.is_open_at(at("2024-06-04 11:00"))
    assert not override.is_open_at(at("2024-06-04 23:00"))


# --- holidays and overrides ----------------------------------------------------------------------


def test_override_beats_holiday_beats_weekly() -> None:
    c = cal(
        holidays=["2024-06-04", "2024-06-05"],
        overrides={
            "2024-06-05": [["12:00", "14:00"]],
            "2024-06-06": [],
            "2024-06-08": [["10:00", "11:00"]],
        },
    )
    assert (
        c.between(at("2024-06-03 00:00"), at("2024-06-10 00:00")) == (8 + 0 + 2 + 0 + 8 + 1) * 3600
    )
    assert c.add(at("2024-06-03 15:00"), 3 * 3600) == at("2024-06-05 14:00")
    assert c.add(at("2024-06-07 15:00"), 2 * 3600) == at("2024-06-08 11:00")
    assert c.subtract(at("2024-06-10 08:30"), 3600) == at("2024-06-08 10:30")


# --- DST -----------------------------------------------------------------------------------------


def test_new_york_dst() -> None:
    ny = "America/New_York"
    sunday = {"timezone": ny, "weekly": {"sun": [["01:00", "04:00"]]}}
    c = BusinessCalendar.from_dict(sunday)
    # Spring forward 2024-03-10 02:00 -> 03:00: the interval lasts 2 real hours (E8).
    assert c.between(at("2024-03-10 00:00", ny), at("2024-03-10 12:00", ny)) == 2 * 3600
    # Fall back 2024-11-03 02:00 -> 01:00: 01:00 is its first occurrence (EDT), 4 real hours.
    assert c.between(at("2024-11-03 00:00", ny), at("2024-11-03 12:00", ny)) == 4 * 3600
    assert c.add(at("2024-11-03 00:00", ny), 3600) == utc("2024-11-03 06:00")  # 01:00 EST, 2nd time
    # An interval that starts in the repeated hour starts at its first occurrence.
    c = BusinessCalendar.from_dict({"timezone": ny, "weekly": {"sun": [["01:30", "02:30"]]}})
    assert c.between(utc("2024-11-03 00:00"), utc("2024-11-04 00:00")) == 2 * 3600
    assert c.add(utc("2024-11-03 00:00"), 1) == utc("2024-11-03 05:30:01")
    # Daytime calendars agree with the wall clock on both change days.
    day = BusinessCalendar.from_dict(
        {"timezone": ny, "weekly": weekly(NIGHTLY, ("09:00", "17:00"))}
    )
    assert day.add(at("2024-03-09 16:00", ny), 2 * 3600) == at("2024-03-10 10:00", ny)
    assert day.add(at("2024-11-02 16:00", ny), 2 * 3600) == at("2024-11-03 10:00", ny)


def test_warsaw_dst() -> None:
    w = "Europe/Warsaw"
    # 2024-03-31 02:00 -> 03:00: 02:30-03:30 maps to 01:30Z-01:30Z and is dropped (E4).
    c = BusinessCalendar.from_dict(
        {"timezone": w, "weekly": {"sun": [["02:30", "03:30"]], "mon": [["08:00", "09:00"]]}}
    )
    assert c.between(at("2024-03-30 00:00", w), at("2024-04-01 00:00", w)) == 0
    assert c.add(at("2024-03-31 00:00", w), 60) == at("2024-04-01 08:01", w)
    # A date whose only interval vanished is not a business day.
    assert c.business_day_end(at("2024-03-31 00:00", w), 0) == at("2024-04-01 09:00", w)
    assert (
        c.between(at("2024-04-06 00:00", w), at("2024-04-08 00:00", w)) == 3600
    )  # a normal Sunday
    # 2024-10-27 03:00 -> 02:00: 02:00-03:00 starts at the first 02:00 (CEST) and lasts 2 h.
    c = BusinessCalendar.from_dict({"timezone": w, "weekly": {"sun": [["02:00", "03:00"]]}})
    assert c.between(utc("2024-10-26 00:00"), utc("2024-10-28 00:00")) == 2 * 3600
    # 24x7: the spring day lasts 23 h and the autumn day 25 h (DV-4a).
    always = BusinessCalendar.from_dict({"timezone": w, "always_open": True})
    assert always.between(at("2024-10-27 00:00", w), at("2024-10-28 00:00", w)) == 25 * 3600
    assert always.business_day_end(at("2024-10-27 10:00", w), 0) == at("2024-10-28 00:00", w)
    assert always.business_day_end(at("2024-03-30 10:00", w), 1) == at("2024-04-01 00:00", w)


def test_los_angeles_gap() -> None:
    la = "America/Los_Angeles"
    # BZ-8a and EX-D7: an interval wholly inside the gap moves forward; one across it may vanish.
    c = BusinessCalendar.from_dict(
        {"timezone": la, "weekly": {"sun": [["02:10", "02:40"], ["03:00", "04:00"]]}}
    )
    # 02:10-02:40 PST-offset = 10:10Z-10:40Z; 03:00-04:00 PDT = 10:00Z-11:00Z: the union is 1 h.
    assert c.between(at("2024-03-10 00:00", la), at("2024-03-10 12:00", la)) == 3600
    assert c.add(at("2024-03-10 00:00", la), 3600) == utc("2024-03-10 11:00")
    # Intervals that touch on the wall clock but overlap in UTC after the gap shift are merged.
    c = BusinessCalendar.from_dict(
        {"timezone": la, "weekly": {"sun": [["01:00", "02:40"], ["03:00", "05:00"]]}}
    )
    assert c.between(at("2024-03-10 00:00", la), at("2024-03-10 12:00", la)) == 3 * 3600
    assert c.between(at("2024-03-17 00:00", la), at("2024-03-17 12:00", la)) == 100 * 60 + 2 * 3600


def test_sao_paulo_history() -> None:
    # Brazil sprang forward at midnight (2018-11-04 00:00 -> 01:00) and fell back at midnight
    # (2019-02-17 00:00 -> 2019-02-16 23:00); it has had no DST since 2019 (OTRS PR #787).
    sp = "America/Sao_Paulo"
    c = BusinessCalendar.from_dict({"timezone": sp, "weekly": weekly(NIGHTLY, ("00:00", "08:00"))})
    assert c.between(utc("2018-11-04 00:00"), utc("2018-11-05 00:00")) == 7 * 3600
    assert c.add(utc("2018-11-04 00:00"), 1) == utc("2018-11-04 03:00:01")
    late = BusinessCalendar.from_dict(
        {"timezone": sp, "weekly": weekly(NIGHTLY, ("20:00", "24:00"))}
    )
    # Saturday 2019-02-16 20:00 (-02) to 24:00 (-03): 22:00Z to 03:00Z, 5 real hours.
    assert late.between(utc("2019-02-16 12:00"), utc("2019-02-17 12:00")) == 5 * 3600
    assert late.business_day_end(utc("2019-02-16 21:00"), 0) == utc("2019-02-17 03:00")
    # The same calendar in 2024: no DST any more, every evening lasts 4 h.
    assert late.between(utc("2024-02-17 12:00"), utc("2024-02-18 12:00")) == 4 * 3600


def test_lord_howe_half_hour_dst() -> None:
    lh = "Australia/Lord_Howe"
    c = BusinessCalendar.from_dict({"timezone": lh, "weekly": {"sun": [["00:00", "06:00"]]}})
    # 2024-10-06 02:00 -> 02:30 and 2024-04-07 02:00 -> 01:30.
    assert c.between(at("2024-10-05 12:00", lh), at("2024-10-06 12:00", lh)) == 5 * 3600 + 1800
    assert c.between(at("2024-04-06 12:00", lh), at("2024-04-07 12:00", lh)) == 6 * 3600 + 1800


def test_night_shift_across_dst_elapsed_model() -> None:
    ny = "America/New_York"
    c = BusinessCalendar.from_dict({"timezone": ny, "weekly": weekly(NIGHTLY, ("22:00", "06:00"))})
    assert c.between(at("2024-03-09 22:00", ny), at("2024-03-10 06:00", ny)) == 7 * 3600
    assert c.between(at("2024-11-02 22:00", ny), at("2024-11-03 06:00", ny)) == 9 * 3600
    assert c.subtract(at("2024-11-03 06:00", ny), 9 * 3600) == at("2024-11-02 22:00", ny)


# --- business_day_end ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2024-06-03 10:00", 0, "2024-06-03 16:00"),
        ("2024-06-03 10:00", 1, "2024-06-04 16:00"),
        ("2024-06-03 17:00", 1, "2024-06-05 16:00"),
        ("2024-06-08 10:00", 1, "2024-06-11 16:00"),
        ("2024-10-31 10:00", 1, "2024-11-04 16:00"),
        ("2024-06-03 16:00", 0, "2024-06-04 16:00"),  # at close: that day has ended
        ("2024-06-03 07:00", 0, "2024-06-03 16:00"),
        ("2024-06-07 10:00", 3, "2024-06-12 16:00"),
        ("2024-10-25 10:00", 2, "2024-10-29 16:00"),  # across the autumn DST change
    ],
)
def test_business_day_end(start: str, n: int, expected: str) -> None:
    c = cal(holidays=["2024-11-01"])
    due = c.business_day_end(at(start), n)
    assert due == at(expected)
    assert due.tzinfo is UTC


def test_business_day_end_night_shift_and_overrides() -> None:
    night = BusinessCalendar.from_dict(
        {"timezone": "Europe/Warsaw", "weekly": weekly(WORKDAYS, ("22:00", "06:00"))}
    )
    # Saturday 03:00 is inside Friday's shift: Friday is the anchor.
    assert night.business_day_end(at("2024-06-08 03:00"), 0) == at("2024-06-08 06:00")
    assert night.business_day_end(at("2024-06-08 03:00"), 1) == at("2024-06-11 06:00")
    # The last interval of a day with a lunch break ends the day; a half-day override counts.
    c = cal(overrides={"2024-12-24": [["08:00", "12:00"]]}, holidays=["2024-12-25", "2024-12-26"])
    assert c.business_day_end(at("2024-12-23 09:00"), 1) == at("2024-12-24 12:00")
    assert c.business_day_end(at("2024-12-23 09:00"), 2) == at("2024-12-27 16:00")


def test_business_day_end_walk_cap() -> None:
    only = BusinessCalendar.from_dict(
        {"timezone": "UTC", "overrides": {"2024-06-03": [["08:00", "16:00"]]}}
    )
    assert only.business_day_end(utc("2024-06-01 00:00"), 0) == utc("2024-06-03 16:00")
    with pytest.raises(CalendarError) as caught:
        only.business_day_end(utc("2024-06-01 00:00"), 1)
    assert caught.value.code == "walk_cap"
    always = BusinessCalendar.from_dict({"timezone": "UTC", "always_open": True})
    assert always.business_day_end(utc("2024-06-01 10:00"), WALK_CAP_DATES - 10) > utc(
        "2034-01-01 00:00"
    )
    with pytest.raises(CalendarError):
        always.business_day_end(utc("2024-06-01 10:00"), WALK_CAP_DATES + 10)


# --- is_open_at ----------------------------------------------------------------------------------


def test_is_open_at() -> None:
    c = cal(holidays=["2024-06-04"])
    assert c.is_open_at(at("2024-06-03 08:00"))
    assert c.is_open_at(at("2024-06-03 15:59:59.999999"))
    assert not c.is_open_at(at("2024-06-03 16:00"))
    assert not c.is_open_at(at("2024-06-03 07:59:59"))
    assert not c.is_open_at(at("2024-06-04 10:00"))
    assert not c.is_open_at(at("2024-06-08 10:00"))
    assert c.is_open_at(utc("2024-06-03 06:00"))
    assert BusinessCalendar.from_dict({"timezone": "UTC", "always_open": True}).is_open_at(
        utc("2024-12-25 03:00")
    )
    assert not c.is_open_at(datetime.max.replace(tzinfo=UTC))
    assert not c.is_open_at(datetime.min.replace(tzinfo=UTC))


# --- 24x7 ----------------------------------------------------------------------------------------


def test_always_open_arithmetic() -> None:
    c = BusinessCalendar.from_dict(
        {"timezone": "Europe/Warsaw", "always_open": True, "holidays": ["2024-12-25"]}
    )
    s = utc("2024-12-24 20:00")
    assert c.add(s, 10 * 3600) == utc("2024-12-25 06:00")
    assert c.add(s, 3600, [(utc("2024-12-24 19:00"), utc("2024-12-24 20:30"))]) == utc(
        "2024-12-24 21:30"
    )
    assert c.subtract(s, 86400) == utc("2024-12-23 20:00")
    assert (
        c.between(s, utc("2024-12-25 20:00"), [(utc("2024-12-25 00:00"), utc("2024-12-25 01:00"))])
        == 23 * 3600
    )
    assert c.between(utc("2024-12-25 20:00"), s) == 0


# --- the walk cap and long ranges ----------------------------------------------------------------


def test_walk_cap() -> None:
    only = BusinessCalendar.from_dict(
        {
            "timezone": "Europe/Warsaw",
            "weekly": {},
            "overrides": {"2024-06-03": [["08:00", "16:00"]]},
        }
    )
    assert only.add(at("2024-06-01 12:00"), 3600) == at("2024-06-03 09:00")
    for call in (
        lambda: only.add(at("2024-06-03 09:00"), 8 * 3600),  # ER-6
        lambda: only.add(at("2024-06-04 09:00"), 1),
        lambda: only.subtract(at("2024-06-03 09:00"), 3601),
        lambda: only.subtract(at("2024-06-02 09:00"), 1),
    ):
        with pytest.raises(CalendarError) as caught:
            call()
        assert (caught.value.code, caught.value.where) == ("walk_cap", "")
    # Within the cap the answer is found however far away it is.
    assert only.add(at("2016-01-01 00:00"), 60) == at("2024-06-03 08:01")
    assert only.subtract(at("2032-01-01 00:00"), 60) == at("2024-06-03 15:59")
    # Beyond 3 660 local dates it is not.
    with pytest.raises(CalendarError):
        only.add(at("2014-01-01 00:00"), 60)
    with pytest.raises(CalendarError):
        only.subtract(at("2035-01-01 00:00"), 60)
    # between never raises for the cap.
    assert only.between(at("2000-01-01 00:00"), at("2040-01-01 00:00")) == 8 * 3600


def test_huge_targets_raise_instead_of_hanging() -> None:
    ten_years = 10 * 366 * 86400
    around_the_clock = BusinessCalendar.from_dict(
        {"timezone": "Europe/Warsaw", "weekly": weekly(NIGHTLY, ("00:00", "24:00"))}
    )
    always = BusinessCalendar.from_dict({"timezone": "Europe/Warsaw", "always_open": True})
    for c in (around_the_clock, always, cal()):
        with pytest.raises(CalendarError) as caught:
            c.add(at("2024-06-03 10:00"), ten_years)
        assert caught.value.code == "walk_cap"
        with pytest.raises(CalendarError) as caught:
            c.subtract(at("2024-06-03 10:00"), ten_years)
        assert caught.value.code == "walk_cap"
    # Nine years fit; the merged 24 h days give exactly real time.
    nine = timedelta(days=9 * 365)
    s = at("2024-06-03 10:00").astimezone(UTC)
    assert around_the_clock.add(s, int(nine.total_seconds())) == s + nine
    assert always.subtract(s, int(nine.total_seconds())) == s - nine


def test_edges_of_the_datetime_range() -> None:
    c = cal()
    always = BusinessCalendar.from_dict({"timezone": "Pacific/Kiritimati", "always_open": True})
    late = datetime(9999, 12, 31, 23, tzinfo=UTC)
    early = datetime(1, 1, 1, 1, tzinfo=UTC)
    for call in (
        lambda: c.add(late, 3600),
        lambda: c.add(early, 3600),
        lambda: c.subtract(early, 3600),
        lambda: always.add(late, 86400),
        lambda: always.subtract(early, 86400),
        lambda: c.business_day_end(late, 1),
    ):
        with pytest.raises(CalendarError) as caught:
            call()
        assert caught.value.code in ("walk_cap", "out_of_range")
    assert c.between(early, datetime(1, 3, 1, tzinfo=UTC)) > 0
    assert c.between(datetime(9999, 11, 1, tzinfo=UTC), late) > 0
    assert c.add(late, 0) == late


def test_long_between_is_additive() -> None:
    c = cal("America/New_York")
    years = [at(f"{y}-01-01 00:00", "America/New_York") for y in range(1990, 2051)]
    whole = c.between(years[0], years[-1])
    parts = sum(c.between(a, b) for a, b in pairwise(years))
    assert whole == parts
    assert 60 * 260 * 8 * 3600 < whole < 60 * 262 * 8 * 3600


def test_results_do_not_depend_on_cache_state() -> None:
    spec_ = spec("America/New_York", holidays=["2024-07-04", "2030-12-25"])
    starts = [
        at(f"{y}-{m:02d}-15 12:34", "America/New_York")
        for y in (2024, 2030, 1999, 2080)
        for m in (1, 6, 12)
    ]
    fresh = [BusinessCalendar.from_dict(spec_).add(s, 100 * 3600) for s in starts]
    shared = BusinessCalendar.from_dict(spec_)
    assert [shared.add(s, 100 * 3600) for s in starts] == fresh
    assert [shared.add(s, 100 * 3600) for s in reversed(starts)] == fresh[::-1]
    back = [BusinessCalendar.from_dict(spec_).subtract(s, 100 * 3600) for s in starts]
    assert [shared.subtract(s, 100 * 3600) for s in starts] == back


def test_cache_edges_see_overnight_tails() -> None:
    # A warm cache's first local date is a month's first; the shift that started on the last
    # day of the month before must still count at its start (and symmetrically at the end).
    night = {"timezone": "Europe/Warsaw", "weekly": weekly(NIGHTLY, ("22:00", "06:00"))}
    for probe in ("2024-06-01 02:00", "2024-06-30 23:00", "2024-07-01 03:00", "2024-05-31 23:30"):
        warm = BusinessCalendar.from_dict(night)
        warm.between(at("2024-06-14 00:00"), at("2024-06-16 00:00"))
        fresh = BusinessCalendar.from_dict(night)
        x = at(probe)
        assert warm.is_open_at(x)
        assert warm.between(x, x + timedelta(hours=1)) == 3600
        assert warm.add(x, 7200) == fresh.add(x, 7200)
        assert warm.subtract(x, 7200) == fresh.subtract(x, 7200)
        assert warm.business_day_end(x, 0) == fresh.business_day_end(x, 0)


# --- threads -------------------------------------------------------------------------------------


def test_threads_share_one_calendar() -> None:
    spec_ = spec("Europe/Warsaw", holidays=["2024-11-01", "2025-12-24"])
    starts = [at("2020-01-01 09:17") + timedelta(days=37 * k, minutes=13 * k) for k in range(120)]
    expected = [BusinessCalendar.from_dict(spec_).add(s, 40 * 3600) for s in starts]
    shared = BusinessCalendar.from_dict(spec_)
    results: dict[int, list[datetime]] = {}
    barrier = threading.Barrier(12)

    def work(index: int) -> None:
        barrier.wait()
        order = starts[index % 3 :: 1] + starts[: index % 3]
        got = {s: shared.add(s, 40 * 3600) for s in (order if index % 2 else order[::-1])}
        results[index] = [got[s] for s in starts]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 12
    assert all(r == expected for r in results.values())
