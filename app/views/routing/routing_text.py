"""Translated wording of routing rules: condition and action summaries, conflicts, errors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.models.enums import Priority, SourceChannel, TicketType, Tier
from app.services.routing import RoutingChoices
from app.services.routing_engine import Conflict

from app.views import labels


def _t(text: str) -> str:
    return QCoreApplication.translate("routing", text)


def condition_label(name: str) -> str:
    return {
        "client_ids": _t("Clients"),
        "contract_ids": _t("Contracts"),
        "categories": _t("Categories"),
        "asset_kinds": _t("Hardware/software types"),
        "products": _t("Products"),
        "priorities": _t("Priorities"),
        "channels": _t("Channels"),
        "types": _t("Ticket types"),
        "vip": _t("VIP caller"),
        "keywords": _t("Keywords"),
    }.get(name, name)


def action_label(name: str) -> str:
    return {
        "queue_id": _t("Queue"),
        "assignee_id": _t("Technician"),
        "tier": _t("Tier"),
        "priority": _t("Priority"),
        "sla_policy_id": _t("SLA policy"),
        "checklist_template_id": _t("Checklist"),
    }.get(name, name)


def _value(name: str, value: Any, choices: RoutingChoices | None) -> str:
    if name in ("priorities", "priority"):
        return labels.priority_short(Priority(value))
    if name == "channels":
        return labels.source(SourceChannel(value))
    if name == "types":
        return labels.ticket_type(TicketType(value))
    if name == "tier":
        return labels.tier(Tier(value))
    if choices is not None:
        return choices.name(name, value)
    return str(value)


def conditions_summary(conditions: Mapping[str, Any], choices: RoutingChoices | None) -> str:
    """ "Clients: Acme NV · Keywords: server down" ("Every ticket" when there are none)."""
    parts = []
    for name, value in conditions.items():
        if name == "vip":
            parts.append(_t("VIP caller") if value else _t("Not a VIP caller"))
            continue
        values = value if isinstance(value, list) else [value]
        shown = ", ".join(_value(name, v, choices) for v in values)
        parts.append(f"{condition_label(name)}: {shown}")
    return " \u00b7 ".join(parts) if parts else _t("Every ticket")


def actions_summary(actions: Mapping[str, Any], choices: RoutingChoices | None) -> str:
    """ "Queue → Infrastructure · Tier → L2"."""
    return " \u00b7 ".join(
        f"{action_label(name)} \u2192 {_value(name, value, choices)}"
        for name, value in actions.items()
    )


def conflict_lines(conflicts: Sequence[Conflict], choices: RoutingChoices | None) -> list[str]:
    """One warning sentence per pair of rules (all the actions they disagree on together)."""
    pairs: dict[tuple[str, int, int], list[Conflict]] = {}
    for c in conflicts:
        pairs.setdefault((c.kind, c.earlier_id, c.later_id), []).append(c)
    return ["\u26a0 " + conflict_text(group, choices) for group in pairs.values()]


def conflict_text(group: Sequence[Conflict], choices: RoutingChoices | None) -> str:
    """The warning for one pair of rules."""
    c = group[0]
    if c.kind == "unreachable":
        return _t(
            "\u201c{later}\u201d never fires: \u201c{earlier}\u201d comes first, matches every "
            "ticket it would and stops."
        ).format(later=c.later_name, earlier=c.earlier_name)
    differences = ", ".join(
        f"{action_label(x.action).lower()} ({_value(x.action, x.earlier_value, choices)}"
        f" / {_value(x.action, x.later_value, choices)})"
        for x in group
    )
    return _t(
        "\u201c{earlier}\u201d and \u201c{later}\u201d can match the same ticket and set "
        "{differences} differently; the earlier rule\u2019s value is kept."
    ).format(earlier=c.earlier_name, later=c.later_name, differences=differences)


def problem_text(code: str) -> str:
    """The sentence for a routing validation code (the shared ones come from `labels`)."""
    own = {
        "duplicate": _t("This name is already taken."),
        "inactive": _t("This is inactive; pick another."),
        "empty": _t("Remove the empty entry."),
        "unknown": _t("This is not a known setting."),
        "too_many": _t("Too many entries."),
        "in_use": _t("An active rule adds this checklist; change the rule first."),
    }
    return own.get(code) or labels.problem(code)


def split_terms(text: str) -> list[str]:
    """Comma-separated terms as typed ("vpn, server down" → ["vpn", "server down"]); an empty
    entry between two commas is kept so the service can point at it; a trailing comma is not."""
    text = text.strip().strip(",")
    if not text.strip():
        return []
    return [part.strip() for part in text.split(",")]
