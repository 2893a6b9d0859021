"""Translated display text for the core's enums and error codes: the only place they are worded."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTimeZone

from app.models.enums import (
    ClientStatus,
    EventKind,
    Priority,
    Role,
    SourceChannel,
    Status,
    StatusCategory,
    TicketType,
    Tier,
)
from app.sla.engine import TargetState
from app.sla.policy import TargetKind


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


# The tables below are translated once, on first use: queue cells call these functions for
# every painted cell. Translators are installed before any window exists, so this is safe.


def ticket_type(value: TicketType) -> str:
    return _ticket_type_table()[value]


@functools.cache
def _ticket_type_table() -> dict[TicketType, str]:
    return {
        TicketType.INCIDENT: _t("Incident"),
        TicketType.SERVICE_REQUEST: _t("Service request"),
        TicketType.CHANGE: _t("Change"),
        TicketType.PROBLEM: _t("Problem"),
    }


def priority(value: Priority) -> str:
    return _priority_table()[value]


@functools.cache
def _priority_table() -> dict[Priority, str]:
    return {
        Priority.P1: _t("P1 Critical"),
        Priority.P2: _t("P2 High"),
        Priority.P3: _t("P3 Medium"),
        Priority.P4: _t("P4 Low"),
    }


def priority_short(value: Priority) -> str:
    return value.value


def status(value: Status) -> str:
    return _status_table()[value]


@functools.cache
def _status_table() -> dict[Status, str]:
    return {
        Status.NEW: _t("New"),
        Status.ASSIGNED: _t("Assigned"),
        Status.IN_PROGRESS: _t("In progress"),
        Status.WAITING_CUSTOMER: _t("Waiting on customer"),
        Status.WAITING_THIRD_PARTY: _t("Waiting on third party"),
        Status.RESOLVED: _t("Resolved"),
        Status.CLOSED: _t("Closed"),
        Status.CANCELLED: _t("Cancelled"),
    }


def status_category(value: StatusCategory) -> str:
    return _status_category_table()[value]


@functools.cache
def _status_category_table() -> dict[StatusCategory, str]:
    return {
        StatusCategory.NEW: _t("New"),
        StatusCategory.OPEN: _t("Open"),
        StatusCategory.WAITING_CUSTOMER: _t("Waiting on customer"),
        StatusCategory.WAITING_THIRD_PARTY: _t("Waiting on third party"),
        StatusCategory.RESOLVED: _t("Resolved"),
        StatusCategory.CLOSED: _t("Closed"),
    }


def tier(value: Tier) -> str:
    return _tier_table()[value]


@functools.cache
def _tier_table() -> dict[Tier, str]:
    return {
        Tier.L0: _t("L0 Intake"),
        Tier.L1: _t("L1 First line"),
        Tier.L2: _t("L2 Second line"),
        Tier.L3: _t("L3 Specialists"),
    }


def source(value: SourceChannel) -> str:
    return _source_table()[value]


@functools.cache
def _source_table() -> dict[SourceChannel, str]:
    return {
        SourceChannel.PHONE: _t("Phone"),
        SourceChannel.EMAIL: _t("E-mail"),
        SourceChannel.PORTAL: _t("Portal"),
        SourceChannel.WALK_IN: _t("Walk-in"),
        SourceChannel.MONITORING: _t("Monitoring"),
    }


def role(value: Role) -> str:
    return _role_table()[value]


@functools.cache
def _role_table() -> dict[Role, str]:
    return {
        Role.ADMIN: _t("Administrator"),
        Role.TECHNICIAN: _t("Technician"),
        Role.READ_ONLY: _t("Read-only"),
    }


def client_status(value: ClientStatus) -> str:
    return _client_status_table()[value]


@functools.cache
def _client_status_table() -> dict[ClientStatus, str]:
    return {
        ClientStatus.ONBOARDING: _t("Onboarding"),
        ClientStatus.LIVE: _t("Live"),
        ClientStatus.NOTICE: _t("On notice"),
        ClientStatus.ENDED: _t("Ended"),
    }


def event_kind(value: EventKind) -> str:
    return _event_kind_table()[value]


@functools.cache
def _event_kind_table() -> dict[EventKind, str]:
    return {
        EventKind.CREATED: _t("Created"),
        EventKind.STATUS_CHANGED: _t("Status changed"),
        EventKind.ASSIGNED: _t("Assigned"),
        EventKind.PRIORITY_CHANGED: _t("Priority changed"),
        EventKind.TIER_CHANGED: _t("Tier changed"),
        EventKind.QUEUE_CHANGED: _t("Queue changed"),
        EventKind.FIELDS_CHANGED: _t("Edited"),
        EventKind.PUBLIC_REPLY: _t("Public reply"),
        EventKind.INTERNAL_NOTE: _t("Internal note"),
        EventKind.PHONE_CALL: _t("Phone call"),
        EventKind.ESCALATION: _t("Escalated"),
        EventKind.SLA_WARNING: _t("SLA warning"),
        EventKind.SLA_BREACH: _t("SLA breached"),
        EventKind.SLA_LEVEL: _t("SLA escalation"),
        EventKind.CALLER_VERIFIED: _t("Caller verified"),
        EventKind.VERIFICATION_FAILED: _t("Caller verification failed"),
        EventKind.APPROVAL: _t("Client approval"),
        EventKind.VIP_RULE: _t("VIP rule"),
        EventKind.REMOTE_SESSION: _t("Remote session"),
        EventKind.ROUTING: _t("Routing rule"),
        EventKind.TASK: _t("Checklist"),
        EventKind.VENDOR_CASE: _t("Vendor case"),
        EventKind.VENDOR_FOLLOW_UP: _t("Vendor follow-up due"),
        EventKind.LINKED: _t("Link"),
        EventKind.MERGED: _t("Merged"),
        EventKind.CHANGE: _t("Change record"),
        EventKind.PROBLEM: _t("Problem record"),
        EventKind.RESOLUTION: _t("Resolution"),
        EventKind.REQUESTER_VERIFIED: _t("Verified with requester"),
        EventKind.CSAT: _t("Satisfaction survey"),
        EventKind.KB: _t("Knowledge base"),
        EventKind.TIME_ENTRY: _t("Time logged"),
        EventKind.BULK: _t("Bulk action"),
        EventKind.RECURRING: _t("Recurring schedule"),
        EventKind.BREACH_REASON: _t("Breach reason"),
    }


def target_state(value: TargetState) -> str:
    return _target_state_table()[value]


@functools.cache
def _target_state_table() -> dict[TargetState, str]:
    return {
        TargetState.RUNNING: _t("Running"),
        TargetState.PAUSED: _t("Paused"),
        TargetState.WARNING: _t("Warning"),
        TargetState.BREACHED: _t("Breached"),
        TargetState.MET: _t("Met"),
        TargetState.CANCELLED: _t("Cancelled"),
    }


def target_kind(value: TargetKind) -> str:
    """The name of an SLA clock: "Response", "Resolution", "Next update"."""
    return _target_kind_table()[value]


@functools.cache
def _target_kind_table() -> dict[TargetKind, str]:
    return {
        TargetKind.RESPONSE: _t("Response"),
        TargetKind.RESOLUTION: _t("Resolution"),
        TargetKind.UPDATE: _t("Next update"),
    }


#: Wording of the `ValidationError` codes services use.
_PROBLEMS: Mapping[str, str] = {
    "required": "This field is required.",
    "too_long": "This is too long.",
    "too_short": "This is too short.",
    "invalid": "This is not valid.",
    "not_found": "This no longer exists; pick another.",
    "other_client": "This belongs to another client.",
    "out_of_range": "This value is out of range.",
    "duplicate": "This is already there.",
    "inactive": "This is no longer active; pick another.",
    "in_use": "This is still in use.",
    "too_many": "There are too many of these.",
    "before_start": "This is before the start.",
    "in_future": "This is in the future.",
    "merged": "This ticket was merged into another one; work on that one.",
    "use_resolve": "Use Resolve… on the Resolution tab: it records the fix.",
    "use_close": "Use Close… on the Resolution tab: it records the survey.",
    "change_not_done": "Resolve a change once it was implemented or rolled back.",
    "drops_last_incident": "This ticket is a problem's only incident; link another one first.",
    "not_open": "The ticket is resolved or closed; reopen it first.",
    "has_incidents": "Incidents are linked as caused by this problem; unlink them first.",
    "change_in_progress": "This change was submitted for approval; it stays a change.",
    "linked_to_problem": "This ticket is linked as caused by a problem; unlink it first.",
}


def problem(code: str) -> str:
    """The sentence shown next to a field a service refused."""
    return _t(_PROBLEMS.get(code, "This value is not accepted."))


def local_datetime(
    value: dt.datetime | None, fmt: QLocale.FormatType = QLocale.FormatType.ShortFormat
) -> str:
    """An aware UTC instant in the workstation's time zone and locale."""
    if value is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc()).toLocalTime()
    return _locale().toString(qdt, fmt)


def local_instant(value: dt.datetime, now: dt.datetime | None = None) -> str:
    """An instant in the workstation's zone: the time alone when it falls on `now`'s local day,
    else the short date and time."""
    qdt = _qt_local(value)
    if now is not None and qdt.date() == _qt_local(now).date():
        return _locale().toString(qdt.time(), QLocale.FormatType.ShortFormat)
    return _locale().toString(qdt, QLocale.FormatType.ShortFormat)


def zoned_instant(value: dt.datetime, zone: str, now: dt.datetime | None = None) -> str:
    """An instant as a clock in the IANA zone `zone` shows it (a client's calendar zone), with
    the same-day rule as `local_instant`. An unknown zone falls back to UTC."""
    try:
        tz: dt.tzinfo = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = dt.UTC
    wall = value.astimezone(tz)
    # Built as a UTC QDateTime holding the wall time, so Qt never shifts it by the
    # workstation's own zone (a wall time that does not exist here, in a DST gap, stays as is).
    qdt = QDateTime(
        QDate(wall.year, wall.month, wall.day),
        QTime(wall.hour, wall.minute, wall.second),
        QTimeZone.utc(),
    )
    if now is not None and wall.date() == now.astimezone(tz).date():
        return _locale().toString(qdt.time(), QLocale.FormatType.ShortFormat)
    return _locale().toString(qdt, QLocale.FormatType.ShortFormat)


def _qt_local(value: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc()).toLocalTime()


@functools.cache
def _locale() -> QLocale:
    return QLocale()
