"""The SLA window's text parsers: weekday hours and signed level offsets, including bad input."""

from __future__ import annotations

import pytest

from app.views.sla.calendar_parsing import HoursParseError, format_intervals, parse_intervals
from app.views.sla.policy_parsing import (
    ValueParseError,
    format_offset,
    parse_count,
    parse_offset,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("   ", ()),
        ("08:00-16:00", (("08:00", "16:00"),)),
        ("08:00-12:00, 13:00-17:00", (("08:00", "12:00"), ("13:00", "17:00"))),
        ("08:00-12:00;13:00-17:00", (("08:00", "12:00"), ("13:00", "17:00"))),
        ("8-16", (("08:00", "16:00"),)),
        ("8:30 - 16:45", (("08:30", "16:45"),)),
        ("8.30-16.45", (("08:30", "16:45"),)),
        ("22:00-06:00", (("22:00", "06:00"),)),
        ("16:00-24:00", (("16:00", "24:00"),)),
        ("08:00:30-12:00:15", (("08:00:30", "12:00:15"),)),
        ("08:00 to 12:00", (("08:00", "12:00"),)),
        ("08:00–12:00", (("08:00", "12:00"),)),
        ("08:00-12:00,", (("08:00", "12:00"),)),
        # Out-of-range clock values are the engine's to refuse, worded by its error code.
        ("25:00-26:00", (("25:00", "26:00"),)),
    ],
)
def test_parse_intervals(text: str, expected: tuple[tuple[str, str], ...]) -> None:
    assert parse_intervals(text) == expected


@pytest.mark.parametrize(
    "text",
    ["08:00", "08:00-", "-12:00", "8 to noon", "08:00-12:00 13:00-17:00", "closed", "8:5-9", "x"],
)
def test_parse_intervals_refuses_what_is_not_hours(text: str) -> None:
    with pytest.raises(HoursParseError) as caught:
        parse_intervals(text)
    assert caught.value.code == "bad_hours_format"


def test_format_intervals_reads_back() -> None:
    intervals = (("08:00", "12:00"), ("22:00", "06:00"))
    assert format_intervals(intervals) == "08:00-12:00, 22:00-06:00"
    assert parse_intervals(format_intervals(intervals)) == intervals
    assert format_intervals(()) == ""


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("0", 0),
        ("-0", 0),
        ("+0", 0),
        ("30", 30 * 60),
        ("-30 min", -30 * 60),
        ("-30min", -30 * 60),
        ("+1 h", 3600),
        ("1h", 3600),
        ("-1 hour", -3600),
        ("+2 hours", 7200),
        ("1 h 30 min", 5400),
        ("-1h30m", -5400),
        ("+45 s", 45),
        ("  -15 MIN  ", -900),
        ("−30 min", -1800),
    ],
)
def test_parse_offset(text: str, seconds: int) -> None:
    assert parse_offset(text) == seconds


@pytest.mark.parametrize(
    "text", ["", "  ", "+", "-", "soon", "1 day", "1.5 h", "1 30", "30 min later", "--30", "h"]
)
def test_parse_offset_refuses_bad_text(text: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_offset(text)
    assert caught.value.code == "bad_offset"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0"),
        (-1800, "-30 min"),
        (3600, "+1 h"),
        (-3600, "-1 h"),
        (5400, "+1 h 30 min"),
        (3661, "+1 h 1 min 1 s"),
        (45, "+45 s"),
    ],
)
def test_format_offset_reads_back(seconds: int, text: str) -> None:
    assert format_offset(seconds) == text
    assert parse_offset(text) == seconds


@pytest.mark.parametrize(("text", "value"), [("", None), ("  ", None), ("0", 0), (" 15 ", 15)])
def test_parse_count(text: str, value: int | None) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["-1", "1.5", "abc", "1e3", "١٢"])
def test_parse_count_refuses_what_is_not_a_whole_number(text: str) -> None:
    with pytest.raises(ValueParseError) as caught:
        parse_count(text)
    assert caught.value.code == "not_a_number"
