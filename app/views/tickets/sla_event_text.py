"""Wording of the SLA sweep's timeline events: warnings, breaches and escalation levels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.models.enums import EventKind
from app.sla.policy import LevelAction, TargetKind

from app.views import labels


def _t(text: str) -> str:
    return QCoreApplication.translate("sla", text)


def _kind_text(value: str) -> str:
    try:
        return labels.target_kind(TargetKind(value))
    except ValueError:
        return value  # a kind this build does not know: shown as stored


def _action_text(value: str) -> str:
    words = {
        LevelAction.NOTIFY_ASSIGNEE.value: _t("notified the assignee"),
        LevelAction.NOTIFY_QUEUE.value: _t("notified the queue"),
        LevelAction.NOTIFY_LEAD.value: _t("notified the team lead"),
        LevelAction.REASSIGN_NEXT_TIER.value: _t("moved to the next tier"),
        LevelAction.REASSIGN_QUEUE.value: _t("moved to another queue"),
        LevelAction.RAISE_PRIORITY.value: _t("raised the priority"),
    }
    return words.get(value, value)


def offset_text(seconds: int) -> str:
    """ "1 h 30 min before due", "at due", "15 min after due" (business time)."""
    if seconds == 0:
        return _t("at due")
    minutes = abs(seconds) // 60
    hours, rest = divmod(minutes, 60)
    amount = (
        _t("{0} h {1} min").format(hours, rest)
        if hours and rest
        else _t("{0} h").format(hours)
        if hours
        else _t("{0} min").format(rest)
    )
    template = _t("{0} before due") if seconds < 0 else _t("{0} after due")
    return template.format(amount)


def sla_event_summary(kind: EventKind, old_value: str, new_value: str, body: str) -> str:
    """One line for an SLA event of the timeline."""
    what = _kind_text(new_value)
    if kind is EventKind.SLA_WARNING:
        return _t("{0}: warning, the target is at risk").format(what)
    if kind is EventKind.SLA_BREACH:
        return _t("{0}: target breached").format(what)
    try:
        offset = offset_text(int(old_value))
    except ValueError:
        offset = ""
    actions = ", ".join(_action_text(a.strip()) for a in body.split(",") if a.strip())
    return _t("{0} escalation ({1}): {2}").format(what, offset, actions)
