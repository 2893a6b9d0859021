"""Routing a new ticket inside `TicketService.create`'s transaction, and the checklist tasks.

`apply_routing` evaluates the active rules (loaded in one query) against the new ticket's fields;
`record_routing` writes one ROUTING event per fired rule once the ticket row has an id, and the
tasks of a checklist a rule added. An action whose target went away since the rule was saved
(a deactivated technician, a deleted queue), that would lower a VIP's priority below the
client's floor, or that would send a VIP's ticket below L2 when the client's VIP rule says
"straight to L2" is reported on the timeline instead of applied.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from app.models import (
    Asset,
    ChecklistTemplate,
    Client,
    Contact,
    Contract,
    Queue,
    RoutingRule,
    SlaPolicy,
    Technician,
    TicketEvent,
    TicketTask,
)
from app.models.enums import EventKind, Priority, Tier
from app.services.onboarding import section_data
from app.services.routing_engine import Facts, FiredRule, Outcome, Rule, RuleSet

if TYPE_CHECKING:
    from app.services.tickets import TicketFields

#: Compiled rule sets by the stored rules' text (a few: one per database a process opens).
_CACHE: dict[tuple[tuple[int, str, int, bool, str, str], ...], RuleSet] = {}
_CACHE_SIZE: Final = 4
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Choice:
    id: int
    name: str
    #: Extra text for the list ("L2" for a queue, the client for a contract).
    detail: str = ""


@dataclass(frozen=True, slots=True)
class RoutingChoices:
    """What conditions and actions may refer to, with display names (editor combos, summaries)."""

    clients: tuple[Choice, ...]
    contracts: tuple[Choice, ...]
    queues: tuple[Choice, ...]
    technicians: tuple[Choice, ...]
    policies: tuple[Choice, ...]
    templates: tuple[Choice, ...]

    def name(self, action: str, value: Any) -> str:
        """A readable value of an action or id condition ("Infrastructure" for a queue id)."""
        pool = {
            "queue_id": self.queues,
            "assignee_id": self.technicians,
            "sla_policy_id": self.policies,
            "checklist_template_id": self.templates,
            "client_ids": self.clients,
            "contract_ids": self.contracts,
        }.get(action)
        if pool is None:
            return str(value)
        return next((c.name for c in pool if c.id == value), f"#{value}")


@dataclass(frozen=True, slots=True)
class Routed:
    """What routing did to a new ticket: the engine's outcome plus what the ticket row and the
    timeline need (the SLA policy override, the checklist, the event texts)."""

    outcome: Outcome
    sla_policy_id: int | None = None
    checklist_template_id: int | None = None
    #: One timeline sentence per fired rule.
    bodies: tuple[tuple[int, str], ...] = ()


def apply_routing(
    s: Session, values: TicketFields, now: dt.datetime
) -> tuple[TicketFields, Routed]:
    """Run the active rules on a new ticket's fields inside the caller's transaction."""
    del now  # rules have no time conditions yet (coverage hours would use it)
    ruleset = active_rules(s)
    if not len(ruleset):
        return values, Routed(Outcome())
    contact = s.get(Contact, values.contact_id) if values.contact_id else None
    asset = s.get(Asset, values.asset_id) if values.asset_id else None
    facts = Facts(
        client_id=values.client_id,
        contract_id=values.contract_id,
        category=values.category,
        asset_kind=asset.kind if asset else "",
        product=asset.description if asset else "",
        priority=values.priority.value,
        channel=values.source.value,
        type=values.type.value,
        vip=bool(contact and contact.vip),
        text=f"{values.subject}\n{values.description}",
    )
    outcome = ruleset.evaluate(facts)
    if not outcome.fired:
        return values, Routed(outcome)
    floor, to_l2 = _vip_terms(s, values.client_id, contact)
    # Actions whose target went away since the rule was saved are reported, not applied.
    refused: dict[str, str] = {}
    changed: dict[str, Any] = {}
    for name, value in outcome.actions.items():
        reason = _unusable(s, name, value, floor, to_l2)
        if reason:
            refused[name] = reason
        elif name in ("queue_id", "assignee_id"):
            changed[name] = value
        elif name == "tier":
            changed[name] = Tier(value)
        elif name == "priority":
            changed[name] = Priority(value)
    values = replace(values, **changed)
    bodies = tuple((f.rule_id, _describe(s, f, outcome, refused)) for f in outcome.fired)
    policy = outcome.actions.get("sla_policy_id")
    template = outcome.actions.get("checklist_template_id")
    return values, Routed(
        outcome,
        None if "sla_policy_id" in refused else policy,
        None if "checklist_template_id" in refused else template,
        bodies,
    )


def record_routing(
    s: Session, ticket_id: int, routed: Routed, now: dt.datetime, actor_id: int | None = None
) -> None:
    """The ROUTING events and the checklist a rule added; after the ticket row was flushed."""
    for rule_id, body in routed.bodies:
        s.add(
            TicketEvent(
                ticket_id=ticket_id,
                at=now,
                kind=EventKind.ROUTING,
                new_value=str(rule_id),
                body=body,
            )
        )
    if routed.checklist_template_id is not None:
        template = s.get(ChecklistTemplate, routed.checklist_template_id)
        if template is not None:
            add_checklist(s, ticket_id, template, now, actor_id)


def add_checklist(
    s: Session,
    ticket_id: int,
    template: ChecklistTemplate,
    now: dt.datetime,
    actor_id: int | None,
) -> None:
    """Append a template's items as tasks, with one TASK event."""
    add_tasks(s, ticket_id, list(template.items), template.id)
    n = len(template.items)
    task_event(
        s,
        ticket_id,
        actor_id,
        now,
        f"Checklist \u201c{template.name}\u201d added: {n} task{'s' if n != 1 else ''}",
    )


def _vip_terms(s: Session, client_id: int, contact: Contact | None) -> tuple[Priority | None, bool]:
    """The client's VIP rule for this caller: (priority floor, straight to L2). The VIP rule
    runs before routing and wins over it (domain.md D5), so routing may not undo either."""
    if contact is None or not contact.vip:
        return None, False
    rule = section_data(s, client_id, "vip") or {}
    floor = rule.get("priority_floor")
    try:
        priority = Priority(floor) if floor else None
    except ValueError:
        priority = None
    return priority, bool(rule.get("direct_to_l2"))


#: Actions whose value is a record id, and the model it points at.
_MODELS: Final[dict[str, type[Any]]] = {
    "queue_id": Queue,
    "assignee_id": Technician,
    "sla_policy_id": SlaPolicy,
    "checklist_template_id": ChecklistTemplate,
}


#: Tiers below L2: where the VIP rule's "straight to L2" keeps a VIP's ticket out of.
_BELOW_L2: Final = (Tier.L0, Tier.L1)
_VIP_L2: Final = "the VIP rule sends it straight to L2"


def _unusable(s: Session, name: str, value: Any, floor: Priority | None, to_l2: bool) -> str:
    """Why an action's value cannot be applied now ("" = it can)."""
    if name == "priority" and floor is not None and Priority(value) > floor:
        return f"below the VIP floor {floor.value}"
    if name == "tier" and to_l2 and Tier(value) in _BELOW_L2:
        return _VIP_L2
    model: Any = _MODELS.get(name)
    if model is None:
        return ""
    row = s.get(model, value)
    if row is None:
        return "no longer exists"
    if not getattr(row, "active", True):
        return "inactive"
    # An L0/L1 queue or technician would undo the VIP rule's move to L2 just as a tier would
    # (the rule itself drops such a queue and assignee, see vip_rule._to_l2).
    if name in ("queue_id", "assignee_id") and to_l2 and row.tier in _BELOW_L2:
        return _VIP_L2
    return ""


_ACTION_LABEL: Final = {
    "queue_id": "queue",
    "assignee_id": "technician",
    "tier": "tier",
    "priority": "priority",
    "sla_policy_id": "SLA policy",
    "checklist_template_id": "checklist",
}


def _named(s: Session, action: str, value: Any) -> str:
    """An action's value for the timeline: the name of the queue, technician… it points at."""
    model: Any = _MODELS.get(action)
    if model is None:
        return str(value)
    row = s.get(model, value)
    return row.name if row is not None else f"#{value}"


def _describe(s: Session, fired: FiredRule, outcome: Outcome, refused: Mapping[str, str]) -> str:
    """'Rule “Printers to L2” set queue Infrastructure, tier L2; skipped priority (already P2 by
    “VIP floor”)'."""
    done, skipped = [], []
    for name, value in fired.applied.items():
        shown = f"{_ACTION_LABEL[name]} {_named(s, name, value)}"
        if name in refused:
            skipped.append(f"{shown} ({refused[name]})")
        else:
            done.append(shown)
    for name, value in fired.skipped.items():
        kept = _named(s, name, outcome.actions[name])
        skipped.append(
            f"{_ACTION_LABEL[name]} {_named(s, name, value)} "
            f"(already {kept} by \u201c{outcome.set_by[name]}\u201d)"
        )
    text = f"Rule \u201c{fired.name}\u201d"
    parts = []
    if done:
        parts.append("set " + ", ".join(done))
    if skipped:
        parts.append("skipped " + ", ".join(skipped))
    return f"{text} {'; '.join(parts)}" if parts else f"{text} matched"


def active_rules(s: Session) -> RuleSet:
    """The active rules in one query, compiled for evaluation.

    Compiling 200 rules costs milliseconds, more than the rest of routing a ticket, so the
    compiled set is kept keyed by the rules' exact stored text: any edit, reorder, toggle or
    delete changes the key, and nothing stale can be served (ids alone could repeat after a
    delete). The JSON is read as text, parsed only when the key is new.
    """
    rows = tuple(
        (i, n, p, st, c, a)
        for i, n, p, st, c, a in s.execute(
            select(
                RoutingRule.id,
                RoutingRule.name,
                RoutingRule.position,
                RoutingRule.stop,
                cast(RoutingRule.conditions, Text),
                cast(RoutingRule.actions, Text),
            )
            .where(RoutingRule.active.is_(True))
            .order_by(RoutingRule.id)
        )
    )
    with _CACHE_LOCK:
        found = _CACHE.get(rows)
    if found is not None:
        return found
    ruleset = RuleSet(
        Rule(i, n, p, json.loads(c or "{}") or {}, json.loads(a or "{}") or {}, st)
        for i, n, p, st, c, a in rows
    )
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[rows] = ruleset
    return ruleset


def add_tasks(s: Session, ticket_id: int, texts: Sequence[str], template_id: int | None) -> None:
    last = s.scalar(select(func.max(TicketTask.position)).where(TicketTask.ticket_id == ticket_id))
    start = (last or 0) + 1
    for i, text in enumerate(texts):
        s.add(
            TicketTask(ticket_id=ticket_id, position=start + i, text=text, template_id=template_id)
        )


def task_event(
    s: Session, ticket_id: int, actor_id: int | None, now: dt.datetime, body: str
) -> None:
    s.add(
        TicketEvent(ticket_id=ticket_id, at=now, actor_id=actor_id, kind=EventKind.TASK, body=body)
    )


def load_choices(s: Session) -> RoutingChoices:
    return RoutingChoices(
        clients=tuple(
            Choice(i, n, st.value)
            for i, n, st in s.execute(
                select(Client.id, Client.name, Client.status).order_by(Client.name)
            )
        ),
        contracts=tuple(
            Choice(i, f"{num} {n}".strip() if num else n, cn)
            for i, n, num, cn in s.execute(
                select(Contract.id, Contract.name, Contract.number, Client.name)
                .join(Client, Contract.client_id == Client.id)
                .order_by(Client.name, Contract.name)
            )
        ),
        queues=tuple(
            Choice(i, n, t.value)
            for i, n, t in s.execute(select(Queue.id, Queue.name, Queue.tier).order_by(Queue.name))
        ),
        technicians=tuple(
            Choice(i, n, t.value)
            for i, n, t in s.execute(
                select(Technician.id, Technician.name, Technician.tier)
                .where(Technician.active.is_(True))
                .order_by(Technician.name)
            )
        ),
        policies=tuple(
            Choice(i, n)
            for i, n in s.execute(
                select(SlaPolicy.id, SlaPolicy.name)
                .where(SlaPolicy.active.is_(True))
                .order_by(SlaPolicy.name)
            )
        ),
        templates=tuple(
            Choice(i, n)
            for i, n in s.execute(
                select(ChecklistTemplate.id, ChecklistTemplate.name)
                .where(ChecklistTemplate.active.is_(True))
                .order_by(ChecklistTemplate.name)
            )
        ),
    )
