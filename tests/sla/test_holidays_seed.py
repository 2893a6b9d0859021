"""Seeding holiday rows from the `holidays` package (shared/design/sla.md §14)."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from zoneinfo import ZoneInfo

import holidays
import pytest

from app.sla import BusinessCalendar
from app.sla.holidays_seed import HolidaySeedError, holiday_source, seed_holidays


def test_poland_added_christmas_eve_in_2025() -> None:
    dates_2025 = {d for d, _ in seed_holidays("PL", None, [2025])}
    dates_2024 = {d for d, _ in seed_holidays("PL", None, [2024])}
    assert date(2025, 12, 24) in dates_2025
    assert date(2024, 12, 24) not in dates_2024
    assert {date(2024, 11, 1), date(2024, 11, 11), date(2024, 12, 25)} <= dates_2024


def test_seeded_rows_change_the_due_date() -> None:
    # §14: with stale data an 8 h target from Tue 2025-12-23 14:00 lands on 24 December.
    weekly = {day: [["08:00", "16:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
    rows = seed_holidays("PL", None, [2025, 2026])
    spec = {"timezone": "Europe/Warsaw", "weekly": weekly}
    fresh = BusinessCalendar.from_dict({**spec, "holidays": [d.isoformat() for d, _ in rows]})
    stale = BusinessCalendar.from_dict(
        {**spec, "holidays": [d.isoformat() for d, _ in rows if d != date(2025, 12, 24)]}
    )
    warsaw = ZoneInfo("Europe/Warsaw")
    s = datetime(2025, 12, 23, 14, tzinfo=warsaw)
    assert fresh.add(s, 8 * 3600) == datetime(2025, 12, 29, 14, tzinfo=warsaw)
    assert stale.add(s, 8 * 3600) == datetime(2025, 12, 24, 14, tzinfo=warsaw)


def test_observed_days_in_the_neighbouring_year() -> None:
    # New Year's Day 2022 was a Saturday, observed on Friday 2021-12-31: a 2021 date.
    rows_2021 = dict(seed_holidays("US", "NY", [2021]))
    assert "New Year" in rows_2021[date(2021, 12, 31)]
    # Seeding 2022 keeps only 2022 dates (the range rule), but still finds the observed
    # Christmas of 2022 on Monday 2022-12-26.
    rows_2022 = dict(seed_holidays("US", "NY", [2022]))
    assert date(2021, 12, 31) not in rows_2022
    assert date(2022, 12, 26) in rows_2022
    assert all(d.year == 2022 for d in rows_2022)


def test_neighbouring_years_are_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    real = holidays.country_holidays

    def spy(*args: object, **kwargs: object) -> object:
        asked.append(kwargs["years"])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(holidays, "country_holidays", spy)
    rows = seed_holidays("US", None, [2022, 2025])
    assert asked == [[2021, 2022, 2023, 2024, 2025, 2026]]
    assert {d.year for d, _ in rows} == {2022, 2025}


def test_rows_are_sorted_and_unique() -> None:
    rows = seed_holidays("DE", "BY", range(2020, 2027))
    dates = [d for d, _ in rows]
    assert dates == sorted(set(dates))
    assert all(isinstance(name, str) and name for _, name in rows)
    assert seed_holidays("DE", "BY", []) == []
    assert seed_holidays("pl", " ", [2024]) == seed_holidays("PL", None, [2024])


@pytest.mark.parametrize(
    ("country", "subdiv", "bad"),
    [("XX", None, "'XX'"), ("US", "ZZ", "'ZZ'"), ("", None, "''"), ("PL", "NY", "'NY'")],
)
def test_unknown_codes(country: str, subdiv: str | None, bad: str) -> None:
    with pytest.raises(HolidaySeedError, match=bad):
        seed_holidays(country, subdiv, [2024])


@pytest.mark.parametrize(
    "years",
    [
        [1899],
        [2201],
        [2024, 3000],
        [True],
        [2024.0],
        ["2024"],
        range(2000, 2051),
        itertools.repeat(2024),
    ],
)
def test_bad_years(years: object) -> None:
    with pytest.raises(HolidaySeedError):
        seed_holidays("PL", None, years)  # type: ignore[arg-type]


def test_fifty_years_are_fine() -> None:
    assert len({d.year for d, _ in seed_holidays("PL", None, range(2000, 2050))}) == 50


def test_source() -> None:
    version = holidays.__version__  # type: ignore[attr-defined]
    assert holiday_source("PL", None) == f"holidays:PL@{version}"
    assert holiday_source("US", "NY") == f"holidays:US-NY@{version}"
    assert holiday_source("us", "") == f"holidays:US@{version}"
