"""Validation of routing rules and checklist templates; each problem names its field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    ChecklistTemplate,
    Client,
    Contract,
    Queue,
    RoutingRule,
    SlaPolicy,
    Technician,
)
from app.models.enums import ClientStatus, Priority, SourceChannel, TicketType, Tier
from app.services.errors import ValidationError
from app.services.routing_engine import ACTIONS, CATEGORY_SEPARATOR, CONDITIONS, words

NAME_MAX: Final = 200
KEYWORD_MAX: Final = 100
TERM_MAX: Final = 200
TASK_MAX: Final = 500
TEMPLATE_ITEMS_MAX: Final = 100
NUL: Final = "\x00"
_ID_CONDITIONS: Final = ("client_ids", "contract_ids")
_ENUM_CONDITIONS: Final[dict[str, frozenset[str]]] = {
    "priorities": frozenset(p.value for p in Priority),
    "channels": frozenset(c.value for c in SourceChannel),
    "types": frozenset(t.value for t in TicketType),
}


@dataclass(frozen=True, slots=True)
class RuleDraft:
    """A rule as the editor holds it. Empty condition lists mean "not a condition"."""

    name: str
    conditions: Mapping[str, Any] = field(default_factory=dict)
    actions: Mapping[str, Any] = field(default_factory=dict)
    stop: bool = True
    active: bool = True


def clean_conditions(conditions: Mapping[str, Any]) -> dict[str, Any]:
    """Strip and de-duplicate values; drop empty conditions (an empty list means "any").
    Category paths typed with ">" are stored with "›" between trimmed segments."""
    clean: dict[str, Any] = {}
    for name, value in conditions.items():
        if value is None or value == [] or value == ():
            continue
        if name == "vip":
            clean[name] = value
        elif isinstance(value, list | tuple):
            seen: list[Any] = []
            for v in value:
                v = v.strip() if isinstance(v, str) else v
                if name == "categories" and isinstance(v, str) and v:
                    v = _category_text(v)
                if v not in seen:
                    seen.append(v)
            clean[name] = seen
        else:
            clean[name] = value
    return clean


def _category_text(text: str) -> str:
    parts = text.replace(">", CATEGORY_SEPARATOR).split(CATEGORY_SEPARATOR)
    return f" {CATEGORY_SEPARATOR} ".join(p.strip() for p in parts if p.strip()) or text


def validate_rule(
    s: Session, draft: RuleDraft, rule_id: int | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rule's cleaned conditions and actions, or ValidationError naming every bad field."""
    problems: dict[str, str] = {}
    name = draft.name.strip()
    if not name:
        problems["name"] = "required"
    elif len(name) > NAME_MAX:
        problems["name"] = "too_long"
    elif NUL in name:
        problems["name"] = "invalid"
    else:
        clash = select(RoutingRule.id).where(func.lower(RoutingRule.name) == name.lower())
        if rule_id is not None:
            clash = clash.where(RoutingRule.id != rule_id)
        if s.scalar(clash.limit(1)) is not None:
            problems["name"] = "duplicate"
    conditions = clean_conditions(draft.conditions)
    for key, value in conditions.items():
        code = _condition_problem(s, key, value)
        if code:
            problems[key] = code
    actions = {k: v for k, v in draft.actions.items() if v is not None and v != ""}
    if not actions:
        problems["actions"] = "required"
    for key, value in actions.items():
        code = _action_problem(s, key, value)
        if code:
            problems[key] = code
    if problems:
        raise ValidationError(problems)
    return conditions, actions


def _condition_problem(s: Session, key: str, value: Any) -> str:
    if key not in CONDITIONS:
        return "unknown"
    if key == "vip":
        return "" if isinstance(value, bool) else "invalid"
    if not isinstance(value, list):
        return "invalid"
    if key in _ID_CONDITIONS:
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return "invalid"
        if key == "client_ids":
            found = dict(
                s.execute(select(Client.id, Client.status).where(Client.id.in_(value))).all()
            )
            if len(found) != len(value):
                return "not_found"
            return "inactive" if ClientStatus.ENDED in found.values() else ""
        found_ids = set(s.scalars(select(Contract.id).where(Contract.id.in_(value))))
        return "" if len(found_ids) == len(value) else "not_found"
    if key in _ENUM_CONDITIONS:
        allowed = _ENUM_CONDITIONS[key]
        return "" if all(isinstance(v, str) and v in allowed for v in value) else "invalid"
    # Free-text terms: categories, asset kinds, products, keywords.
    limit = KEYWORD_MAX if key == "keywords" else TERM_MAX
    for v in value:
        if not isinstance(v, str) or NUL in v:
            return "invalid"
        if not v.strip():
            return "empty"
        if len(v) > limit:
            return "too_long"
        if not words(v):
            return "invalid"  # punctuation only: could never match a word
    return ""


def _action_problem(s: Session, key: str, value: Any) -> str:
    if key not in ACTIONS:
        return "unknown"
    if key == "tier":
        return "" if value in {t.value for t in Tier} else "invalid"
    if key == "priority":
        return "" if value in {p.value for p in Priority} else "invalid"
    if not isinstance(value, int) or isinstance(value, bool):
        return "invalid"
    if key == "queue_id":
        return "" if s.get(Queue, value) is not None else "not_found"
    model: Any = {
        "assignee_id": Technician,
        "sla_policy_id": SlaPolicy,
        "checklist_template_id": ChecklistTemplate,
    }[key]
    row = s.get(model, value)
    if row is None:
        return "not_found"
    return "" if row.active else "inactive"


def validate_template(
    s: Session, name: str, items: Sequence[str], template_id: int | None
) -> tuple[str, list[str]]:
    problems: dict[str, str] = {}
    name = name.strip()
    if not name:
        problems["name"] = "required"
    elif len(name) > NAME_MAX:
        problems["name"] = "too_long"
    elif NUL in name:
        problems["name"] = "invalid"
    else:
        clash = select(ChecklistTemplate.id).where(
            func.lower(ChecklistTemplate.name) == name.lower()
        )
        if template_id is not None:
            clash = clash.where(ChecklistTemplate.id != template_id)
        if s.scalar(clash.limit(1)) is not None:
            problems["name"] = "duplicate"
    clean = [i.strip() for i in items if i.strip()]
    if not clean:
        problems["items"] = "required"
    elif len(clean) > TEMPLATE_ITEMS_MAX:
        problems["items"] = "too_many"
    elif any(len(i) > TASK_MAX for i in clean):
        problems["items"] = "too_long"
    elif any(NUL in i for i in clean):
        problems["items"] = "invalid"
    if problems:
        raise ValidationError(problems)
    return name, clean
