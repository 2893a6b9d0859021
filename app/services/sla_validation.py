"""Validation of SLA calendar and policy forms, before anything is written.

Problems come back as `ValidationError`s keyed by form field ("timezone", "weekly.tue",
"holiday.2024-12-24", "P1.response", "level 2"), so a form can point at the field at fault.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from app.services.errors import ValidationError
from app.services.sla_types import WEEKDAYS, CalendarSpec, HolidayRow, PolicySpec
from app.sla import BusinessCalendar, CalendarError
from app.sla.policy import (
    Level,
    PolicyError,
    Target,
    validate_levels,
    validate_pause_rules,
    validate_targets,
)

NAME_MAX: Final = 100
#: Holidays outside these years are typing mistakes (and beyond the engine's walk cap).
HOLIDAY_YEARS: Final = range(1900, 2201)


def clean_calendar(spec: CalendarSpec) -> CalendarSpec:
    # Duplicate holiday dates collapse to the first row (sla.md §4 allows duplicates).
    seen: set[dt.date] = set()
    holidays = []
    for h in spec.holidays:
        if h.local_date not in seen:
            seen.add(h.local_date)
            holidays.append(HolidayRow(h.local_date, h.name.strip()[:200], h.source))
    return CalendarSpec(
        spec.name.strip(),
        spec.timezone.strip(),
        spec.always_open,
        spec.weekly,
        tuple(holidays),
        spec.overrides,
        spec.holiday_country.strip().upper(),
        spec.holiday_subdiv.strip(),
    )


def check_calendar(spec: CalendarSpec) -> BusinessCalendar:
    """The engine calendar of a form, or ValidationError naming the field at fault.

    Field keys: name, timezone, weekly.<mon…sun>, holiday.<date>, override.<date>, calendar.
    """
    if not spec.name:
        raise ValidationError({"name": "required"})
    if len(spec.name) > NAME_MAX:
        raise ValidationError({"name": "too_long"})
    if len(spec.weekly) != 7:
        raise ValidationError({"weekly": "invalid"})
    for h in spec.holidays:
        if h.local_date.year not in HOLIDAY_YEARS:
            raise ValidationError({f"holiday.{h.local_date.isoformat()}": "year_out_of_range"})
    dates = [o.local_date for o in spec.overrides]
    for o in spec.overrides:
        if o.local_date.year not in HOLIDAY_YEARS:
            raise ValidationError({f"override.{o.local_date.isoformat()}": "year_out_of_range"})
        if dates.count(o.local_date) > 1:
            raise ValidationError({f"override.{o.local_date.isoformat()}": "duplicate_date"})
    try:
        return BusinessCalendar.from_dict(spec.engine_spec())
    except CalendarError as e:
        raise ValidationError({_calendar_field(e.where, spec): e.code}) from e


def _calendar_field(where: str, spec: CalendarSpec) -> str:
    if where in WEEKDAYS:
        return f"weekly.{where}"
    if any(o.local_date.isoformat() == where for o in spec.overrides):
        return f"override.{where}"
    if any(h.local_date.isoformat() == where for h in spec.holidays):
        return f"holiday.{where}"
    return where or "calendar"


def check_reachable(spec: PolicySpec, calendar: BusinessCalendar, now: dt.datetime) -> None:
    """Every target must end within the engine's ten-year look-ahead on this calendar: 80,000
    business hours pass the form's own limit but are decades of office hours."""
    for t in spec.targets:
        seconds = Target(t.priority.value, t.kind, t.unit, t.amount).seconds
        if seconds is None:
            continue
        try:
            calendar.add(now, seconds)
        except CalendarError as e:
            raise ValidationError({f"{t.priority.value}.{t.kind.value}": "target_too_large"}) from e


def clean_policy(spec: PolicySpec) -> PolicySpec:
    return PolicySpec(
        name=spec.name.strip(),
        calendar_id=spec.calendar_id,
        targets=spec.targets,
        levels=spec.levels,
        active=spec.active,
        is_default=spec.is_default,
        pause_categories=spec.pause_categories,
        pause_applies_to=spec.pause_applies_to,
        ack_counts_as_response=spec.ack_counts_as_response,
        description=spec.description.strip(),
    )


def check_policy(spec: PolicySpec) -> None:
    """ValidationError for an unusable policy form. Field keys: name, "P1.response", "level 2",
    "pause"."""
    if not spec.name:
        raise ValidationError({"name": "required"})
    if len(spec.name) > NAME_MAX:
        raise ValidationError({"name": "too_long"})
    try:
        validate_targets(
            Target(
                t.priority.value,
                t.kind,
                t.unit,
                t.amount,
                t.warn_before_seconds,
                t.warn_at_percent,
            )
            for t in spec.targets
        )
        validate_levels(
            Level(0, lv.kind, lv.offset_seconds, lv.actions, lv.queue_id) for lv in spec.levels
        )
        validate_pause_rules(spec.pause_categories, spec.pause_applies_to)
    except PolicyError as e:
        raise ValidationError({e.where: e.code}) from e
