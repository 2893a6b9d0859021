"""The SLA wording functions: durations, countdowns, live states and queue tooltips."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QLocale, QTime

from app.models.sla import NO_DUE
from app.services.ticket_queue import RowSla
from app.sla import BusinessCalendar
from app.sla.engine import TargetState
from app.sla.policy import TargetKind

from app.views import labels
from app.views.tickets import sla_format
from app.views.tickets.sla_format import (
    MINUS,
    NO_CLOCK,
    Countdown,
    Tone,
    countdown,
    duration_text,
    live_state,
    row_countdown,
    row_tooltip,
    signed_duration_text,
)

UTC = dt.UTC
#: Monday 2026-03-02 in Brussels (CET, UTC+1): 09:00 UTC is 10:00 local.
MONDAY_10 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RESPONSE_DUE = MONDAY_10 + dt.timedelta(minutes=30)
#: Eight office hours after Monday 10:00: Tuesday 10:00 local.
RESOLVE_DUE = dt.datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def office_hours(zone: str = "Europe/Brussels") -> BusinessCalendar:
    day = [["09:00", "17:00"]]
    weekly = {d: day for d in ("mon", "tue", "wed", "thu", "fri")}
    return BusinessCalendar.from_dict({"timezone": zone, "weekly": weekly})


# -- durations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 m"),
        (1, "1 m"),  # rounded up: a clock with a second left is not "0 m"
        (59, "1 m"),
        (60, "1 m"),
        (61, "2 m"),
        (1800, "30 m"),
        (3599, "1 h"),
        (3600, "1 h"),
        (4800, "1 h 20 m"),
        (8100, "2 h 15 m"),
        (28_800, "8 h"),
        (80 * 3600, "80 h"),  # ten office days: hours, not "3 d 8 h"
        (99 * 3600 + 59 * 60, "99 h 59 m"),
        (99 * 3600 + 59 * 60 + 1, "100 h"),  # whole hours from here on, never "days"
        (120 * 3600, "120 h"),
        (150 * 3600, "150 h"),
        (150 * 3600 + 1, "151 h"),  # whole hours round up
    ],
)
def test_duration_text(seconds: int, text: str) -> None:
    assert duration_text(seconds) == text
    assert duration_text(-seconds) == text, "the sign is left to signed_duration_text"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 m"),
        (2700, "45 m"),
        (-1, MINUS + "1 m"),
        (-2100, MINUS + "35 m"),
        (-(3 * 3600 + 600), MINUS + "3 h 10 m"),
        (-(200 * 3600), MINUS + "200 h"),
    ],
)
def test_signed_duration_text(seconds: int, text: str) -> None:
    assert signed_duration_text(seconds) == text


def test_widest_texts_cover_the_long_countdowns() -> None:
    assert sla_format.widest_texts() == [
        MINUS + "99 h 59 m",
        "Paused (99 h 59 m)",
        "Breached",
    ]


# -- countdowns ---------------------------------------------------------------------------------


def test_a_running_clock_counts_business_time_left() -> None:
    cal = office_hours()
    due = MONDAY_10 + dt.timedelta(minutes=30)
    assert countdown(TargetState.RUNNING, due, MONDAY_10, cal) == Countdown(
        Tone.NORMAL, "30 m", 1800, False
    )
    # Monday 16:30 local to Tuesday 09:30 local is one business hour, not seventeen.
    evening = dt.datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
    tuesday = dt.datetime(2026, 3, 3, 8, 30, tzinfo=UTC)
    assert countdown(TargetState.RUNNING, tuesday, evening, cal).text == "1 h"


def test_an_overdue_clock_counts_negative_and_is_red_before_the_sweep_says_so() -> None:
    cal = office_hours()
    due = MONDAY_10 + dt.timedelta(minutes=30)
    later = MONDAY_10 + dt.timedelta(minutes=65)
    c = countdown(TargetState.RUNNING, due, later, cal)
    assert c == Countdown(Tone.OVERDUE, MINUS + "35 m", -2100, True)
    assert live_state(TargetState.RUNNING, c) is TargetState.BREACHED
    # At the due instant exactly the clock has run out.
    assert countdown(TargetState.RUNNING, due, due, cal) == Countdown(Tone.OVERDUE, "0 m", 0, True)


def test_overdue_after_closing_time_has_no_business_overrun_yet() -> None:
    cal = office_hours()
    due = dt.datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # 17:00 local, at closing
    night = dt.datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    assert countdown(TargetState.RUNNING, due, night, cal) == Countdown(
        Tone.OVERDUE, "Overdue", 0, True
    )


def test_warning_comes_from_the_state_or_the_warning_instant() -> None:
    cal = office_hours()
    due = MONDAY_10 + dt.timedelta(hours=2)
    assert countdown(TargetState.WARNING, due, MONDAY_10, cal).tone is Tone.WARNING
    warn = MONDAY_10 + dt.timedelta(hours=1)
    early = countdown(TargetState.RUNNING, due, MONDAY_10, cal, warn_at=warn)
    assert early.tone is Tone.NORMAL
    late = countdown(TargetState.RUNNING, due, warn, cal, warn_at=warn)
    assert (late.tone, late.text) == (Tone.WARNING, "1 h")
    assert live_state(TargetState.RUNNING, late) is TargetState.WARNING
    assert live_state(TargetState.RUNNING, early) is TargetState.RUNNING


def test_stopped_clocks() -> None:
    cal = office_hours()
    due = MONDAY_10
    paused = countdown(TargetState.PAUSED, None, MONDAY_10, cal, remaining=11_400)
    assert paused == Countdown(Tone.PAUSED, "Paused (3 h 10 m)", 11_400)
    assert countdown(TargetState.PAUSED, None, MONDAY_10, cal).text == "Paused"
    assert countdown(TargetState.MET, due, MONDAY_10, cal) == Countdown(Tone.MET, "Met")
    late = countdown(TargetState.BREACHED, due, MONDAY_10, cal, met=True)
    assert late == Countdown(Tone.OVERDUE, "Breached")
    assert live_state(TargetState.BREACHED, late, met=True) is TargetState.BREACHED
    assert countdown(TargetState.CANCELLED, None, MONDAY_10, cal) == Countdown(Tone.NONE, NO_CLOCK)
    assert countdown(None, None, MONDAY_10, cal) == Countdown(Tone.NONE, NO_CLOCK)
    assert countdown(TargetState.RUNNING, None, MONDAY_10, cal).text == NO_CLOCK


def test_without_a_calendar_the_due_instant_is_shown() -> None:
    due = MONDAY_10 + dt.timedelta(minutes=30)
    c = countdown(TargetState.RUNNING, due, MONDAY_10, None)
    assert c == Countdown(Tone.NORMAL, labels.local_instant(due, MONDAY_10), None, False)


# -- queue rows ---------------------------------------------------------------------------------


def row_sla(**changes: object) -> RowSla:
    values: dict[str, object] = {
        "response_due": RESPONSE_DUE,
        "response_state": TargetState.RUNNING,
        "resolve_due": RESOLVE_DUE,
        "resolve_state": TargetState.RUNNING,
        "resolve_remaining": None,
        "calendar": office_hours(),
        "timezone": "Europe/Brussels",
    }
    values.update(changes)
    return RowSla(**values)  # type: ignore[arg-type]


def test_row_countdown_reads_the_row_clock_of_each_kind() -> None:
    sla = row_sla()
    assert row_countdown(sla, TargetKind.RESPONSE, RESPONSE_DUE, MONDAY_10).text == "30 m"
    assert row_countdown(sla, TargetKind.RESOLUTION, RESOLVE_DUE, MONDAY_10).text == "8 h"
    assert row_countdown(None, TargetKind.RESPONSE, NO_DUE, MONDAY_10).text == NO_CLOCK


def test_row_countdown_tells_met_late_from_still_overdue_by_the_urgency_order() -> None:
    due = MONDAY_10 - dt.timedelta(minutes=30)
    sla = row_sla(response_due=due, response_state=TargetState.BREACHED)
    assert row_countdown(sla, TargetKind.RESPONSE, due, MONDAY_10).text == MINUS + "30 m"
    assert row_countdown(sla, TargetKind.RESPONSE, NO_DUE, MONDAY_10).text == "Breached"


def test_row_tooltip_shows_both_zones_state_and_time_left() -> None:
    # sla.md §13: 09:30 EDT, 1 h response, due 14:30Z = 10:30 in New York.
    now = dt.datetime(2024, 6, 3, 13, 30, tzinfo=UTC)
    due = dt.datetime(2024, 6, 3, 14, 30, tzinfo=UTC)
    sla = row_sla(
        response_due=due, calendar=office_hours("America/New_York"), timezone="America/New_York"
    )
    client_time = QLocale().toString(QTime(10, 30), QLocale.FormatType.ShortFormat)
    assert row_tooltip(sla, TargetKind.RESPONSE, due, now) == (
        f"Due {labels.local_instant(due, now)} (your time) = {client_time} client time, "
        "America/New_York · Running · 1 h business time left"
    )
    assert row_tooltip(None, TargetKind.RESPONSE, NO_DUE, now) == "No SLA applies to this ticket"


def test_row_tooltip_of_paused_and_overdue_clocks() -> None:
    paused = row_sla(resolve_due=None, resolve_state=TargetState.PAUSED, resolve_remaining=600)
    assert row_tooltip(paused, TargetKind.RESOLUTION, NO_DUE, MONDAY_10) == (
        "Paused · 10 m business time left when it resumes"
    )
    sla = row_sla()
    later = MONDAY_10 + dt.timedelta(minutes=45)
    text = row_tooltip(sla, TargetKind.RESPONSE, RESPONSE_DUE, later)
    assert text.endswith(" · Breached · 15 m business time overdue")


def test_zoned_instant_shows_the_date_only_on_another_day() -> None:
    due = dt.datetime(2026, 3, 3, 14, 30, tzinfo=UTC)  # Tuesday 09:30 in New York
    assert labels.zoned_instant(due, "America/New_York", due) == QLocale().toString(
        QTime(9, 30), QLocale.FormatType.ShortFormat
    )
    other_day = labels.zoned_instant(due, "America/New_York", MONDAY_10)
    assert other_day != labels.zoned_instant(due, "America/New_York", due)
    assert other_day.endswith(labels.zoned_instant(due, "America/New_York", due))
    # An unknown zone falls back to UTC rather than failing a paint.
    assert labels.zoned_instant(due, "Mars/Olympus", due) == QLocale().toString(
        QTime(14, 30), QLocale.FormatType.ShortFormat
    )
