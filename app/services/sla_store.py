"""Engine calendars and policies built from their rows, cached per (id, version).

An edit bumps the record's version, so a cached entry is never stale: a new version is a new key.
The cache is shared by every thread (a `BusinessCalendar` is immutable and thread-safe).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    SlaCalendar,
    SlaCalendarHoliday,
    SlaCalendarInterval,
    SlaCalendarOverride,
    SlaLevel,
    SlaPolicy,
    SlaTarget,
)
from app.services.errors import NotFoundError
from app.services.sla_types import WEEKDAYS, CalendarSpec, HolidayRow, Interval, OverrideRow
from app.sla import BusinessCalendar
from app.sla.policy import Level, LevelAction, Policy, Target, TargetKind, TargetUnit

_T = TypeVar("_T")

#: Entries kept per cache; old versions are dropped first (they only serve tickets not yet
#: recomputed).
_CACHE_LIMIT = 256


class SlaStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._calendars: dict[tuple[int, int], BusinessCalendar] = {}
        self._policies: dict[tuple[int, int], Policy] = {}

    # -- calendars ----------------------------------------------------------------------------

    def calendar_in(self, s: Session, calendar_id: int) -> tuple[BusinessCalendar, int]:
        """The current version of a calendar and its number, inside the caller's transaction."""
        version = s.scalar(select(SlaCalendar.version).where(SlaCalendar.id == calendar_id))
        if version is None:
            raise NotFoundError("calendar", calendar_id)
        return self._cached(
            self._calendars,
            (calendar_id, version),
            lambda: BusinessCalendar.from_dict(load_calendar_spec(s, calendar_id).engine_spec()),
        ), version

    def calendar(self, calendar_id: int, version: int) -> BusinessCalendar | None:
        """The calendar at `version` for views' countdowns; loads the current one on a miss.

        None when the stored version moved on (the caller's rows are about to be refreshed).
        """
        with self._lock:
            found = self._calendars.get((calendar_id, version))
        if found is not None:
            return found
        with self._db.read() as s:
            cal, current = self.calendar_in(s, calendar_id)
        return cal if current == version else None

    # -- policies -----------------------------------------------------------------------------

    def policy_in(self, s: Session, policy_id: int) -> Policy:
        row = s.get(SlaPolicy, policy_id)
        if row is None:
            raise NotFoundError("policy", policy_id)
        return self._cached(self._policies, (policy_id, row.version), lambda: _policy(s, row))

    def _cached(
        self, cache: dict[tuple[int, int], _T], key: tuple[int, int], build: Callable[[], _T]
    ) -> _T:
        with self._lock:
            found = cache.get(key)
        if found is not None:
            return found
        made = build()
        with self._lock:
            if len(cache) >= _CACHE_LIMIT:
                cache.pop(next(iter(cache)))
            return cache.setdefault(key, made)


def load_calendar_spec(s: Session, calendar_id: int) -> CalendarSpec:
    """The calendar's form content from its four tables."""
    cal = s.get(SlaCalendar, calendar_id)
    if cal is None:
        raise NotFoundError("calendar", calendar_id)
    weekly: list[list[Interval]] = [[] for _ in WEEKDAYS]
    rows = s.scalars(
        select(SlaCalendarInterval)
        .where(SlaCalendarInterval.calendar_id == calendar_id)
        .order_by(SlaCalendarInterval.weekday, SlaCalendarInterval.start)
    )
    for r in rows:
        weekly[r.weekday].append((r.start, r.end))
    holidays = tuple(
        HolidayRow(h.local_date, h.name, h.source)
        for h in s.scalars(
            select(SlaCalendarHoliday)
            .where(SlaCalendarHoliday.calendar_id == calendar_id)
            .order_by(SlaCalendarHoliday.local_date)
        )
    )
    overrides = tuple(
        OverrideRow(o.local_date, tuple((str(a), str(b)) for a, b in o.intervals), o.name)
        for o in s.scalars(
            select(SlaCalendarOverride)
            .where(SlaCalendarOverride.calendar_id == calendar_id)
            .order_by(SlaCalendarOverride.local_date)
        )
    )
    return CalendarSpec(
        name=cal.name,
        timezone=cal.timezone,
        always_open=cal.always_open,
        weekly=tuple(tuple(d) for d in weekly),
        holidays=holidays,
        overrides=overrides,
        holiday_country=cal.holiday_country,
        holiday_subdiv=cal.holiday_subdiv,
    )


def _policy(s: Session, row: SlaPolicy) -> Policy:
    targets = {
        (t.priority.value, TargetKind(t.kind)): Target(
            t.priority.value,
            TargetKind(t.kind),
            TargetUnit(t.unit),
            t.amount,
            t.warn_before_seconds,
            t.warn_at_percent,
        )
        for t in s.scalars(select(SlaTarget).where(SlaTarget.policy_id == row.id))
    }
    levels = tuple(
        Level(
            lv.id,
            TargetKind(lv.kind),
            lv.offset_seconds,
            tuple(LevelAction(a) for a in lv.actions),
            lv.queue_id,
        )
        for lv in s.scalars(
            select(SlaLevel).where(SlaLevel.policy_id == row.id).order_by(SlaLevel.id)
        )
    )
    return Policy(
        policy_id=row.id,
        name=row.name,
        version=row.version,
        targets=targets,
        levels=levels,
        pause_categories=frozenset(row.pause_categories),
        pause_applies_to=frozenset(TargetKind(k) for k in row.pause_applies_to),
        ack_counts_as_response=row.ack_counts_as_response,
        active=row.active,
    )
