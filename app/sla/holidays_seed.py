"""Public-holiday rows for a calendar, from the `holidays` package (shared/design/sla.md §14).

Seeding only proposes rows: the service stores them with `holiday_source(...)` as their source, and
calculations read the stored rows, never the package, so results stay reproducible when the
package's data changes (Poland added 24 December from 2025 on).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

import holidays
from holidays.version import __version__ as _HOLIDAYS_VERSION

__all__ = ["MAX_SEED_YEARS", "HolidaySeedError", "holiday_source", "seed_holidays"]

#: Years the package is asked about; wider requests are almost certainly a typo.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2200
MAX_SEED_YEARS: Final = 50


class HolidaySeedError(Exception):
    """The country, subdivision or years cannot be seeded; the message names the bad value."""


def seed_holidays(
    country: str, subdiv: str | None, years: Iterable[int], *, language: str | None = None
) -> list[tuple[date, str]]:
    """Holidays of `country` (ISO 3166-1 alpha-2, e.g. `"PL"`) and optional `subdiv` (e.g. `"NY"`)
    whose dates fall in one of `years`, sorted by date, one row per date.

    The package is asked for the neighbouring years too: a holiday of one year can be observed on
    a date of the next or previous one (the US New Year's Day of 2022 was observed on 2021-12-31),
    and only asking about the years around a date finds every row that lands on it. Several
    holidays on one date come back as one row with their names joined by "; " (the package's own
    convention). `language` picks the names' language where the package has translations;
    by default the package follows the process locale, else the country's own language.

    Raises `HolidaySeedError` for an unknown country or subdivision, a year outside
    1900–2200, a non-int year, or more than 50 distinct years.
    """
    country_code, subdiv_code = _codes(country, subdiv)
    wanted = _years(years)
    if not wanted:
        return []
    asked = sorted({y + d for y in wanted for d in (-1, 0, 1)})
    try:
        table = holidays.country_holidays(
            country_code, subdiv=subdiv_code, years=asked, language=language
        )
    except NotImplementedError:
        raise HolidaySeedError(_unknown(country_code, subdiv_code)) from None
    return sorted(
        (day, str(name))
        for day, name in table.items()
        if isinstance(day, date) and day.year in wanted
    )


def holiday_source(country: str, subdiv: str | None) -> str:
    """The `source` column for seeded rows: `"holidays:PL@0.109"`, `"holidays:US-NY@0.109"`."""
    country_code, subdiv_code = _codes(country, subdiv)
    region = f"{country_code}-{subdiv_code}" if subdiv_code else country_code
    return f"holidays:{region}@{_HOLIDAYS_VERSION}"


def _codes(country: object, subdiv: object) -> tuple[str, str | None]:
    if not isinstance(country, str) or not country.strip():
        raise HolidaySeedError(f"Unknown country {country!r}: use an ISO code such as PL or US.")
    if subdiv is not None and not isinstance(subdiv, str):
        raise HolidaySeedError(f"Unknown subdivision {subdiv!r}: use a code such as NY.")
    # Country codes are upper case; subdivision names may be mixed case ("NSW Western").
    stripped = subdiv.strip() if subdiv is not None else ""
    return country.strip().upper(), stripped or None


def _years(years: Iterable[int]) -> set[int]:
    wanted: set[int] = set()
    for count, year in enumerate(years):
        if count >= 1000:  # an endless iterator of repeats must not hang the caller
            raise HolidaySeedError("Too many years given.")
        if not isinstance(year, int) or isinstance(year, bool):
            raise HolidaySeedError(f"Year {year!r} is not a whole number.")
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise HolidaySeedError(f"Year {year} is outside {MIN_YEAR}–{MAX_YEAR}.")
        wanted.add(year)
        if len(wanted) > MAX_SEED_YEARS:
            raise HolidaySeedError(f"At most {MAX_SEED_YEARS} years can be seeded at once.")
    return wanted


def _unknown(country: str, subdiv: str | None) -> str:
    supported = holidays.list_supported_countries()
    if country not in supported:
        return f"Unknown country {country!r}: the holidays package has no data for it."
    return (
        f"Unknown subdivision {subdiv!r} of {country}: the holidays package knows "
        f"{', '.join(supported[country]) or 'none'}."
    )
