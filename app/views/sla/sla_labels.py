"""Translated text of the SLA settings: units, target kinds, level actions, problem codes.

The only place the SLA window words the core's enums and error codes (architecture.md §3.5).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from app.services.errors import (
    ConcurrentEditError,
    DatabaseUnavailableError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.sla.policy import LevelAction, TargetKind, TargetUnit

from app.views import labels


def _t(text: str) -> str:
    return QCoreApplication.translate("sla", text)


def weekday(index: int) -> str:
    """Monday is 0, as in `CalendarSpec.weekly`."""
    return _weekday_table()[index]


@functools.cache
def _weekday_table() -> tuple[str, ...]:
    return (
        _t("Monday"),
        _t("Tuesday"),
        _t("Wednesday"),
        _t("Thursday"),
        _t("Friday"),
        _t("Saturday"),
        _t("Sunday"),
    )


def unit(value: TargetUnit) -> str:
    return _unit_table()[value]


@functools.cache
def _unit_table() -> dict[TargetUnit, str]:
    return {
        TargetUnit.MINUTES: _t("minutes"),
        TargetUnit.HOURS: _t("hours"),
        TargetUnit.BUSINESS_DAYS_END: _t("end of Nth business day"),
    }


def kind(value: TargetKind) -> str:
    return _kind_table()[value]


@functools.cache
def _kind_table() -> dict[TargetKind, str]:
    return {
        TargetKind.RESPONSE: _t("Response"),
        TargetKind.RESOLUTION: _t("Resolution"),
        TargetKind.UPDATE: _t("Next update"),
    }


def action(value: LevelAction) -> str:
    return _action_table()[value]


@functools.cache
def _action_table() -> dict[LevelAction, str]:
    return {
        LevelAction.NOTIFY_ASSIGNEE: _t("Notify assignee"),
        LevelAction.NOTIFY_QUEUE: _t("Notify queue"),
        LevelAction.NOTIFY_LEAD: _t("Notify team lead"),
        LevelAction.REASSIGN_NEXT_TIER: _t("Reassign to next tier"),
        LevelAction.REASSIGN_QUEUE: _t("Reassign to queue"),
        LevelAction.RAISE_PRIORITY: _t("Raise priority"),
    }


#: Wording of the problem codes of SlaConfigService, the SLA engine and this window's parsers.
_PROBLEMS: Mapping[str, str] = {
    # names and references
    "duplicate": "Another one already has this name.",
    "in_use": "Policies still measure on this calendar: give them another calendar first.",
    "not_found": "This no longer exists; pick another.",
    # calendars (app/sla/spec.py and the service)
    "missing_timezone": "Choose the time zone the hours are in.",
    "unknown_timezone": "Unknown time zone: pick one from the list, e.g. Europe/Warsaw.",
    "bad_time": "Use times from 00:00 to 23:59; 24:00 only as the end of an interval.",
    "bad_interval": "Write hours like 08:00-12:00, 13:00-17:00.",
    "bad_date": "This date is not valid or is listed twice.",
    "bad_type": "This value is not valid.",
    "bad_weekday": "This weekday is not valid.",
    "overlapping_intervals": "Two intervals of this day overlap.",
    "overnight_overlap": "An overnight interval runs into the next day's hours.",
    "no_working_time": "There are no working hours at all: enter hours for at least one day, "
    "or tick Open 24x7.",
    "walk_cap": "The calendar has too little working time to compute deadlines.",
    "year_out_of_range": "Use a year from 1900 to 2200.",
    "duplicate_date": "This date is listed twice.",
    "unknown_region": "Unknown country or subdivision: use an ISO code such as PL, US or BE.",
    # policies (app/sla/policy.py and the service)
    "target_not_positive": "Enter a positive amount, or leave it empty for no target.",
    "target_too_large": "This target is longer than ten years.",
    "target_out_of_range": "Use 0 to 2500 business days.",
    "bad_warning": "Warn at 1–99 % of the target, or a positive number of minutes before due.",
    "two_warnings": "Warn either at a percentage or before due, not both.",
    "duplicate_target": "This target is set twice.",
    "bad_priority": "Unknown priority.",
    "level_without_action": "Choose at least one action for this level.",
    "level_needs_queue": "Choose the queue to reassign the ticket to.",
    "level_out_of_range": "A level more than ten years from due is not possible.",
    "queue_not_found": "A level's queue no longer exists; pick another.",
    "bad_pause_category": "This status cannot pause a clock.",
    "response_never_pauses": "The response clock never pauses.",
    # contracts
    "before_start": "The end date is before the start date.",
    # this window's parsers
    "bad_hours_format": "Write hours like 08:00-12:00, 13:00-17:00; leave empty for closed.",
    "not_a_number": "Enter a whole number.",
    "bad_offset": "Write an offset like -30 min, 0 or +1 h.",
}


def problem(code: str) -> str:
    """The sentence shown next to a field the service (or a parser) refused."""
    text = _PROBLEMS.get(code)
    return _t(text) if text is not None else labels.problem(code)


def failure_text(error: BaseException, what: str) -> str:
    """One sentence for a failed load or save that has no field to point at.

    `what` names the record in the sentence ("calendar", "policy", "contract"), already
    translated.
    """
    if isinstance(error, DatabaseUnavailableError):
        return _t("Connection lost — what you typed is kept; try again.")
    if isinstance(error, PermissionDeniedError):
        return _t("Only administrators can change SLA settings.")
    if isinstance(error, ConcurrentEditError):
        return _t(
            "Someone else saved this {0} since you opened it. What you typed is kept; "
            "Reload shows the stored version (and drops your edits)."
        ).format(what)
    if isinstance(error, NotFoundError):
        return _t("This {0} no longer exists; it may have been deleted.").format(what)
    if isinstance(error, ValidationError):
        return _t("Some values were not accepted; see the messages next to the fields.")
    return _t("Something went wrong ({0}); what you typed is kept.").format(type(error).__name__)


def saved_text(recomputed: int) -> str:
    """The confirmation after a save, with how many open tickets got new due times."""
    return _t("Saved; {0} open tickets recomputed.").format(recomputed)
