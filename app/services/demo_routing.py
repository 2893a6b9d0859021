"""Demo routing rules and checklist templates (domain.md §2.5, T10, T18).

About ten rules over the demo desk's queues, technicians, clients and policies, written so the
examples are sensible and include one explainable contradiction ("Server down is P1" before
"VIP callers at least P2": a VIP's outage stays P1 and the timeline says why).
Looks records up by name and skips any that are missing (a demo without SLA data still gets
its queue rules). Idempotent: templates and rules that exist by name are left alone.
"""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import ChecklistTemplate, Client, Queue, RoutingRule, SlaPolicy, Technician
from app.models.enums import Role
from app.services.clock import Clock

#: Checklist templates: name → tasks.
TEMPLATES: Final[dict[str, tuple[str, ...]]] = {
    "New starter": (
        "Confirm start date, role and manager with the requester",
        "Create the Microsoft 365 account and assign the licence",
        "Add to security and distribution groups",
        "Prepare and enrol the laptop",
        "Send the welcome e-mail with first-day sign-in steps",
    ),
    "Leaver": (
        "Confirm the last working day with the manager",
        "Block sign-in and reset the password",
        "Convert the mailbox to shared and set forwarding",
        "Collect the devices and wipe them",
        "Remove the licences",
    ),
    "Server outage": (
        "Confirm the outage and its scope",
        "Inform the client's primary contact",
        "Check monitoring, event logs and recent changes",
        "Restore service or fail over",
        "Write the incident summary for the client",
    ),
}

#: (name, conditions, actions by name, stop). Action values name records: queue, technician
#: (by e-mail), policy and template names; they are resolved to ids when seeding.
_Spec = tuple[str, dict[str, Any], dict[str, Any], bool]
RULES: Final[tuple[_Spec, ...]] = (
    (
        "Server down is P1",
        {"types": ["incident"], "keywords": ["server down", "outage", "ransomware"]},
        {"priority": "P1", "template": "Server outage"},
        False,
    ),
    (
        "VIP callers at least P2",
        {"vip": True, "priorities": ["P3", "P4"]},
        {"priority": "P2"},
        False,
    ),
    (
        "Printers to L2 infrastructure",
        {
            "types": ["incident"],
            "categories": ["End-user computing \u203a Printing"],
            "asset_kinds": ["printer"],
        },
        {"queue": "Infrastructure", "tier": "L2"},
        False,
    ),
    (
        "Network and servers to infrastructure",
        {
            "types": ["incident", "problem"],
            "categories": ["Infrastructure \u203a Network", "Infrastructure \u203a Servers"],
        },
        {"queue": "Infrastructure", "tier": "L2"},
        True,
    ),
    (
        "New user accounts get the starter checklist",
        {"types": ["service_request"], "categories": ["Accounts \u203a New user"]},
        {"template": "New starter", "queue": "Service desk"},
        True,
    ),
    (
        "Leavers get the leaver checklist",
        {"types": ["service_request"], "keywords": ["leaver", "last working day"]},
        {"template": "Leaver", "queue": "Service desk"},
        True,
    ),
    (
        "Changes to specialists",
        {"types": ["change"]},
        {"queue": "Specialists", "tier": "L3"},
        True,
    ),
    (
        "Monitoring alerts to infrastructure",
        {"types": ["incident"], "channels": ["monitoring"]},
        {"queue": "Infrastructure", "tier": "L2", "assignee": "dmitri@demo.msp"},
        True,
    ),
    (
        "Acme Dental on premium 24x7",
        {"clients": ["Acme Dental Group"], "priorities": ["P1"]},
        {"policy": "Premium 24x7"},
        False,
    ),
    (
        "Password resets stay at L1",
        {"types": ["service_request"], "keywords": ["password reset", "locked out"]},
        {"queue": "Service desk", "tier": "L1"},
        True,
    ),
)


def seed_demo_routing(db: Database, clock: Clock) -> None:
    """Add the demo checklist templates and routing rules that are not there yet."""
    now = clock.now()
    with db.write() as s:
        admin = s.scalar(
            select(Technician.id)
            .where(Technician.role == Role.ADMIN, Technician.active.is_(True))
            .order_by(Technician.id)
            .limit(1)
        )
        templates = _seed_templates(s)
        existing = set(s.scalars(select(RoutingRule.name)))
        position = s.scalar(select(func.max(RoutingRule.position))) or 0
        for name, conditions, named_actions, stop in RULES:
            if name in existing:
                continue
            resolved = _resolve(s, conditions, named_actions, templates)
            if resolved is None:
                continue
            cond, actions = resolved
            position += 1
            s.add(
                RoutingRule(
                    position=position,
                    name=name,
                    active=True,
                    conditions=cond,
                    actions=actions,
                    stop=stop,
                    updated_at=now,
                    updated_by_id=admin,
                )
            )


def _seed_templates(s: Session) -> dict[str, int]:
    found = {n: i for n, i in s.execute(select(ChecklistTemplate.name, ChecklistTemplate.id))}
    for name, items in TEMPLATES.items():
        if name not in found:
            t = ChecklistTemplate(name=name, items=list(items), active=True)
            s.add(t)
            s.flush()
            found[name] = t.id
    return found


def _id(s: Session, stmt: Any) -> int | None:
    value = s.scalar(stmt.limit(1))
    return int(value) if value is not None else None


def _resolve(
    s: Session,
    conditions: dict[str, Any],
    named: dict[str, Any],
    templates: dict[str, int],
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Conditions and actions with names turned into ids; None when a record is missing."""
    cond = dict(conditions)
    if "clients" in cond:
        ids = [_id(s, select(Client.id).where(Client.name == n)) for n in cond.pop("clients")]
        if None in ids:
            return None
        cond["client_ids"] = ids
    actions: dict[str, Any] = {k: v for k, v in named.items() if k in ("tier", "priority")}
    lookups: dict[str, tuple[str, Any]] = {
        "queue": ("queue_id", select(Queue.id).where(Queue.name == named.get("queue"))),
        "assignee": (
            "assignee_id",
            select(Technician.id).where(
                Technician.email == named.get("assignee"), Technician.active.is_(True)
            ),
        ),
        "policy": (
            "sla_policy_id",
            select(SlaPolicy.id).where(
                SlaPolicy.name == named.get("policy"), SlaPolicy.active.is_(True)
            ),
        ),
    }
    for key, (action, stmt) in lookups.items():
        if key in named:
            found = _id(s, stmt)
            if found is None:
                return None
            actions[action] = found
    if "template" in named:
        actions["checklist_template_id"] = templates[named["template"]]
    return cond, actions
