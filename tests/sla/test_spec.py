"""Calendar spec validation: rules V1–V7 of sla.md §4, every error code and its `where`."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.sla import ERROR_CODES, BusinessCalendar, CalendarError
from tests.sla.support import NIGHTLY, at, cal, spec, utc, weekly


def error(bad_spec: object) -> CalendarError:
    with pytest.raises(CalendarError) as caught:
        BusinessCalendar.from_dict(bad_spec)
    assert caught.value.code in ERROR_CODES
    assert str(caught.value)
    return caught.value


# --- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "code", "where"),
    [
        pytest.param(None, "bad_type", "", id="spec-none"),
        pytest.param([], "bad_type", "", id="spec-list"),
        pytest.param({}, "missing_timezone", "timezone", id="no-timezone"),
        pytest.param({"timezone": ""}, "missing_timezone", "timezone", id="empty-timezone"),
        pytest.param({"timezone": None}, "missing_timezone", "timezone", id="null-timezone"),
        pytest.param({"timezone": 1}, "bad_type", "timezone", id="int-timezone"),
        pytest.param({"timezone": "Mars/Olympus_Mons"}, "unknown_timezone", "timezone", id="mars"),
        pytest.param({"timezone": "America"}, "unknown_timezone", "timezone", id="zone-directory"),
        pytest.param({"timezone": "../etc/passwd"}, "unknown_timezone", "timezone", id="path"),
        pytest.param({"timezone": "/etc/localtime"}, "unknown_timezone", "timezone", id="abs"),
        pytest.param({"timezone": "UTC\x00"}, "unknown_timezone", "timezone", id="nul"),
        pytest.param(spec(always_open="yes"), "bad_type", "always_open", id="always-open-str"),
        pytest.param(spec(always_open=1), "bad_type", "always_open", id="always-open-int"),
        pytest.param(spec(always_open=None), "bad_type", "always_open", id="always-open-null"),
        pytest.param({"timezone": "UTC", "weekly": []}, "bad_type", "weekly", id="weekly-list"),
        pytest.param({"timezone": "UTC", "weekly": None}, "bad_type", "weekly", id="weekly-null"),
        pytest.param(
            {"timezone": "UTC", "weekly": {"Mon": [["08:00", "16:00"]]}},
            "bad_weekday",
            "Mon",
            id="weekday-case",
        ),
        pytest.param(
            {"timezone": "UTC", "weekly": {"monday": []}}, "bad_weekday", "monday", id="weekday"
        ),
        pytest.param(
            {"timezone": "UTC", "weekly": {"mon": "08:00-16:00"}}, "bad_type", "mon", id="day-str"
        ),
        pytest.param(
            {"timezone": "UTC", "weekly": {"tue": [["08:00"]]}}, "bad_interval", "tue", id="one"
        ),
        pytest.param(
            {"timezone": "UTC", "weekly": {"tue": [["08:00", "12:00", "13:00"]]}},
            "bad_interval",
            "tue",
            id="three",
        ),
        pytest.param(
            {"timezone": "UTC", "weekly": {"tue": [[8, 16]]}}, "bad_interval", "tue", id="ints"
        ),
        pytest.param(
            {"timezone": "UTC", "weekly": {"tue": ["08:00"]}}, "bad_interval", "tue", id="flat"
        ),
        pytest.param(spec(holidays="2024-11-01"), "bad_type", "holidays", id="holidays-str"),
        pytest.param(spec(holidays={"2024-11-01": 1}), "bad_type", "holidays", id="holidays-obj"),
        pytest.param(spec(overrides=[]), "bad_type", "overrides", id="overrides-list"),
        pytest.param(
            spec(overrides={"2024-06-03": None}), "bad_type", "2024-06-03", id="override-null"
        ),
    ],
)
def test_structure_errors(bad: object, code: str, where: str) -> None:
    e = error(bad)
    assert (e.code, e.where) == (code, where)


@pytest.mark.parametrize(
    "text",
    [
        "25:00",
        "8:00",
        "08:0",
        "08:60",
        "08:00:60",
        "08:00:5",
        "0800",
        " 08:00",
        "08:00 ",
        "",
        "08h00",
        "٠٨:٠٠",
        "24:30",
        "24:00:01",
        "-1:00",
        "08:00:00:00",
        "23:59:59.5",
    ],
)
def test_bad_times(text: str) -> None:
    for interval in ([text, "23:00"], ["00:30", text]):
        e = error({"timezone": "UTC", "weekly": {"wed": [interval]}})
        assert (e.code, e.where) == ("bad_time", "wed")


def test_24_00_only_as_end() -> None:
    e = error({"timezone": "UTC", "weekly": {"mon": [["24:00", "02:00"]]}})
    assert (e.code, e.where) == ("bad_time", "mon")
    e = error(spec(overrides={"2024-06-05": [["24:00:00", "02:00"]]}))
    assert (e.code, e.where) == ("bad_time", "2024-06-05")
    for end in ("24:00", "24:00:00"):
        c = BusinessCalendar.from_dict({"timezone": "UTC", "weekly": {"mon": [["16:00", end]]}})
        assert c.between(utc("2024-06-03 00:00"), utc("2024-06-05 00:00")) == 8 * 3600


@pytest.mark.parametrize(
    "bad", ["2024-13-01", "2024-02-30", "20240101", "2024-1-01", "2024-01-01T00:00", "", "x"]
)
def test_bad_dates(bad: str) -> None:
    e = error(spec(holidays=["2024-11-01", bad]))
    assert (e.code, e.where) == ("bad_date", "holidays")
    assert repr(bad) in str(e)
    e = error(spec(overrides={bad: []}))
    assert (e.code, e.where) == ("bad_date", "overrides")


def test_non_string_dates() -> None:
    assert error(spec(holidays=[20240101])).code == "bad_date"
    assert error(spec(holidays=[datetime(2024, 11, 1, tzinfo=UTC)])).code == "bad_date"
    assert error(spec(overrides={None: []})).code == "bad_date"


def test_date_objects_and_duplicates() -> None:
    c = cal(
        holidays=[date(2024, 6, 4), "2024-06-04"],
        overrides={date(2024, 6, 8): [["10:00", "12:00"]]},
    )
    assert c.between(at("2024-06-03 00:00"), at("2024-06-10 00:00")) == 4 * 8 * 3600 + 7200
    e = error(spec(overrides={date(2024, 6, 8): [], "2024-06-08": []}))
    assert (e.code, e.where) == ("bad_date", "overrides")


@pytest.mark.parametrize(
    ("intervals", "where"),
    [
        ([["08:00", "12:00"], ["11:00", "16:00"]], "mon"),
        ([["11:00", "16:00"], ["08:00", "12:00"]], "mon"),  # unsorted
        ([["08:00", "16:00"], ["09:00", "10:00"]], "mon"),  # nested
        ([["08:00", "12:00"], ["08:00", "12:00"]], "mon"),  # duplicate
        ([["00:00", "00:00"], ["09:00", "10:00"]], "mon"),  # a 24 h interval leaves no room
        ([["22:00", "06:00"], ["23:00", "23:30"]], "mon"),  # inside the overnight part
    ],
)
def test_overlapping_intervals(intervals: list[list[str]], where: str) -> None:
    e = error({"timezone": "UTC", "weekly": {"mon": intervals}})
    assert (e.code, e.where) == ("overlapping_intervals", where)
    e = error(spec(overrides={"2024-12-24": intervals}))
    assert (e.code, e.where) == ("overlapping_intervals", "2024-12-24")


def test_morning_and_overnight_interval_of_one_date() -> None:
    # 07:00 Monday and 20:00 Monday to 08:00 Tuesday do not overlap: the tail is Tuesday's.
    c = BusinessCalendar.from_dict(
        {"timezone": "UTC", "weekly": {"mon": [["20:00", "08:00"], ["07:00", "07:30"]]}}
    )
    assert c.between(utc("2024-06-03 00:00"), utc("2024-06-05 00:00")) == 1800 + 12 * 3600


def test_touching_intervals_are_fine() -> None:
    c = BusinessCalendar.from_dict(
        {"timezone": "UTC", "weekly": {"mon": [["12:00", "16:00"], ["08:00", "12:00"]]}}
    )
    assert c.add(utc("2024-06-03 08:00"), 8 * 3600) == utc("2024-06-03 16:00")


@pytest.mark.parametrize(
    ("table", "where"),
    [
        ({"mon": [["22:00", "06:00"]], "tue": [["05:00", "10:00"]]}, "mon"),  # ER-7
        ({"sun": [["22:00", "06:00"]], "mon": [["05:59", "10:00"]]}, "sun"),  # cyclic week
        ({"fri": [["08:00", "08:00"]], "sat": [["07:00", "09:00"]]}, "fri"),  # a 24 h tail
        ({"wed": [["16:00", "00:00:01"]], "thu": [["00:00", "01:00"]]}, "wed"),
    ],
)
def test_overnight_overlap_weekly(table: dict[str, Any], where: str) -> None:
    e = error({"timezone": "UTC", "weekly": table})
    assert (e.code, e.where) == ("overnight_overlap", where)


def test_overnight_touching_next_day_is_fine() -> None:
    c = BusinessCalendar.from_dict(
        {"timezone": "UTC", "weekly": {"mon": [["22:00", "06:00"]], "tue": [["06:00", "10:00"]]}}
    )
    assert c.between(utc("2024-06-03 00:00"), utc("2024-06-05 00:00")) == 12 * 3600
    # One continuous stretch: a target crossing 06:00 does not stop there.
    assert c.add(utc("2024-06-04 05:00"), 2 * 3600) == utc("2024-06-04 07:00")


def test_overnight_overlap_with_overrides() -> None:
    # ER-27: an override's overnight interval runs into the next date's weekly interval.
    e = error(spec(overrides={"2024-06-04": [["20:00", "09:00"]]}))
    assert (e.code, e.where) == ("overnight_overlap", "2024-06-04")
    # The weekly night shift of the date before runs into the override.
    night = {"timezone": "UTC", "weekly": weekly(NIGHTLY, ("22:00", "06:00"))}
    e = error({**night, "overrides": {"2024-06-04": [["05:00", "07:00"]]}})
    assert (e.code, e.where) == ("overnight_overlap", "2024-06-04")
    # A holiday on the next date leaves nothing to collide with (E1 effective intervals).
    ok = spec(overrides={"2024-06-07": [["20:00", "09:00"]]}, holidays=["2024-06-08"])
    BusinessCalendar.from_dict(ok)
    # Friday 20:00 to Saturday 09:00 meets an empty Saturday anyway.
    c = cal(overrides={"2024-06-07": [["20:00", "09:00"]]})
    assert c.add(at("2024-06-07 21:00"), 3600) == at("2024-06-07 22:00")
    # Two overrides on neighbouring dates are checked against each other.
    e = error(
        spec(overrides={"2024-06-08": [["20:00", "03:00"]], "2024-06-09": [["02:00", "04:00"]]})
    )
    assert e.code == "overnight_overlap"


def test_no_working_time() -> None:
    for bad in (
        {"timezone": "UTC"},
        {"timezone": "UTC", "weekly": {}},
        {"timezone": "UTC", "weekly": {key: [] for key in NIGHTLY}},
        {
            "timezone": "UTC",
            "weekly": {},
            "overrides": {"2024-06-03": []},
            "holidays": ["2024-06-03"],
        },
    ):
        e = error(bad)
        assert (e.code, e.where) == ("no_working_time", "weekly")
    # EX-H6: one working override date is enough; V6 does not apply in 24x7 mode (V7).
    BusinessCalendar.from_dict(
        {"timezone": "UTC", "overrides": {"2024-06-03": [["08:00", "09:00"]]}}
    )
    BusinessCalendar.from_dict({"timezone": "UTC", "always_open": True})


def test_24x7_still_validates_the_tables() -> None:
    base = {"timezone": "UTC", "always_open": True}
    assert error({**base, "weekly": {"mon": [["08:00", "25:00"]]}}).code == "bad_time"
    assert error({**base, "weekly": {"mon": [["08:00", "12:00"], ["11:00", "13:00"]]}}).code == (
        "overlapping_intervals"
    )
    assert error(
        {**base, "weekly": {"mon": [["22:00", "06:00"]], "tue": [["05:00", "07:00"]]}}
    ).code == ("overnight_overlap")
    assert error({**base, "holidays": ["2024-02-30"]}).code == "bad_date"
    assert error({**base, "overrides": {"2024-06-03": [["x", "y"]]}}).code == "bad_time"


def test_unknown_top_level_keys_are_ignored() -> None:
    c = BusinessCalendar.from_dict(spec(id=7, name="Warsaw office", version=3, extra={"a": 1}))
    assert c.add(at("2024-06-03 08:00"), 3600) == at("2024-06-03 09:00")


def test_calendar_error_shape() -> None:
    assert issubclass(CalendarError, Exception)
    assert not issubclass(CalendarError, ValueError)
    e = error({"timezone": "UTC", "weekly": {"mon": [["08:00", "12:00"], ["11:00", "16:00"]]}})
    copy = pickle.loads(pickle.dumps(e))
    assert (copy.code, copy.where, str(copy)) == (e.code, e.where, str(e))
    assert "overlapping_intervals" in repr(e)


def test_spec_is_copied_not_referenced() -> None:
    source = spec(holidays=["2024-06-04"])
    c = BusinessCalendar.from_dict(source)
    source["weekly"]["mon"].append(["20:00", "21:00"])
    source["holidays"].append("2024-06-05")
    assert c.between(at("2024-06-03 00:00"), at("2024-06-06 00:00")) == 2 * 8 * 3600
    with pytest.raises(AttributeError):
        c.foo = 1  # type: ignore[attr-defined]


def test_properties() -> None:
    c = cal("America/New_York")
    assert c.timezone == ZoneInfo("America/New_York")
    assert c.always_open is False
    assert BusinessCalendar.from_dict({"timezone": "UTC", "always_open": True}).always_open
    assert "America/New_York" in repr(c)
