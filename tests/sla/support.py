"""Helpers shared by the calendar tests: spec builders and wall-time instants."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.sla import BusinessCalendar

WORKDAYS = ("mon", "tue", "wed", "thu", "fri")
NIGHTLY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekly(days: tuple[str, ...] = WORKDAYS, *intervals: tuple[str, str]) -> dict[str, Any]:
    chosen = [list(i) for i in intervals] or [["08:00", "16:00"]]
    return {day: chosen for day in days}


def spec(tz: str = "Europe/Warsaw", **extra: Any) -> dict[str, Any]:
    return {"timezone": tz, "weekly": weekly(), **extra}


def cal(tz: str = "Europe/Warsaw", **extra: Any) -> BusinessCalendar:
    return BusinessCalendar.from_dict(spec(tz, **extra))


def at(text: str, tz: str = "Europe/Warsaw") -> datetime:
    """A local wall time in `tz` (fold=0)."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz))


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)
