"""The report's figure formats: the PDF, the CSV and the in-app view print these texts."""

from __future__ import annotations

import datetime as dt

import pytest

from app.reports.report_format import (
    count_text,
    duration_text,
    hours_text,
    local_text,
    month_text,
    percent_text,
    rate_text,
    score_text,
)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, "—"), (0, "0 min"), (20, "< 1 min"), (2700, "45 min"), (7500, "2 h 05 min"),
     (99000, "27 h 30 min"), (3 * 86400 + 4 * 3600, "76 h 00 min"), (3599.6, "1 h 00 min")],
)  # fmt: skip
def test_durations_are_business_hours_and_minutes(seconds: float | None, text: str) -> None:
    assert duration_text(seconds) == text


def test_percent_score_rate_hours_and_counts() -> None:
    assert percent_text(None) == "—"
    assert percent_text(500 / 6) == "83.3 %"
    assert percent_text(75.0) == "75 %"
    assert percent_text(0.0) == "0 %"
    # Never rounded up to a perfect score, nor down to none: 99.96 is not 100.
    assert percent_text(99.96) == "99.9 %" and percent_text(100.0) == "100 %"
    assert percent_text(0.04) == "0.1 %"
    assert score_text(None) == "—"
    assert score_text(13 / 3) == "4.3 / 5"
    assert rate_text(3, 4) == "75 % (3 of 4 surveys)"
    assert rate_text(0, 1) == "0 % (0 of 1 survey)"
    assert rate_text(0, 0) == "— (no surveys)"
    assert hours_text(725) == "12:05"
    assert hours_text(0) == "0:00"
    assert hours_text(-100) == "-1:40"
    assert hours_text(60_000) == "1,000:00"
    assert count_text(50_000) == "50,000"


def test_instants_print_in_the_report_zone_and_months_in_english() -> None:
    instant = dt.datetime(2026, 10, 5, 8, 0, tzinfo=dt.UTC)
    assert local_text(instant, "Europe/Warsaw") == "2026-10-05 10:00"
    assert local_text(dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC), "Europe/Warsaw") == (
        "2026-01-05 09:00"
    )
    assert month_text(dt.date(2025, 11, 1)) == "Nov 25"
    assert month_text(dt.date(2026, 1, 1)) == "Jan 26"
