"""Routing rules, checklist templates and ticket tasks (domain.md §2.5, T10, T18).

Admins define ordered rules (conditions → actions) and checklist templates; `apply_routing` runs
the active rules inside `TicketService.create`'s transaction, and `record_routing` writes what
fired to the timeline (one ROUTING event per rule) and the checklist tasks a rule added.
Technicians tick tasks, add single tasks or a whole template to a ticket (TASK events).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import (
    ChecklistTemplate,
    RoutingRule,
    Technician,
    Ticket,
    TicketTask,
)
from app.services.clock import Clock
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.permissions import require_admin, require_editor
from app.services.routing_apply import (
    Choice,
    Routed,
    RoutingChoices,
    active_rules,
    add_checklist,
    add_tasks,
    apply_routing,
    load_choices,
    record_routing,
    task_event,
)
from app.services.routing_engine import (
    Conflict,
    Facts,
    Outcome,
    Rule,
    RuleSet,
    find_conflicts,
)
from app.services.routing_validation import (
    NUL,
    TASK_MAX,
    RuleDraft,
    clean_conditions,
    validate_rule,
    validate_template,
)
from app.services.ticket_store import load_ticket

__all__ = [
    "Choice",
    "Conflict",
    "Routed",
    "RoutingChoices",
    "RoutingService",
    "RuleDraft",
    "RuleRow",
    "TaskRow",
    "TemplateRow",
    "apply_routing",
    "record_routing",
]

if TYPE_CHECKING:
    from app.services.tickets import TicketFields


@dataclass(frozen=True, slots=True)
class RuleRow:
    rule_id: int
    position: int
    name: str
    conditions: dict[str, Any]
    actions: dict[str, Any]
    stop: bool
    active: bool
    version: int

    def as_rule(self) -> Rule:
        return Rule(
            self.rule_id, self.name, self.position, self.conditions, self.actions, self.stop
        )


@dataclass(frozen=True, slots=True)
class TemplateRow:
    template_id: int
    name: str
    items: tuple[str, ...]
    active: bool
    version: int


@dataclass(frozen=True, slots=True)
class TaskRow:
    task_id: int
    ticket_id: int
    position: int
    text: str
    template_id: int | None
    done_at: dt.datetime | None
    done_by_name: str | None

    @property
    def done(self) -> bool:
        return self.done_at is not None


class RoutingService:
    """Admin configuration of routing and checklists; tasks on tickets. Any thread."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # -- rules ---------------------------------------------------------------------------------

    def rules(self) -> list[RuleRow]:
        """All rules, active or not, in evaluation order."""
        with self._db.read() as s:
            return [_rule_row(r) for r in s.scalars(_ordered())]

    def rule(self, rule_id: int) -> RuleRow:
        with self._db.read() as s:
            return _rule_row(_load_rule(s, rule_id))

    def choices(self) -> RoutingChoices:
        with self._db.read() as s:
            return load_choices(s)

    def create_rule(self, draft: RuleDraft, actor_id: int) -> RuleRow:
        """Save a new rule at the end of the order."""
        with self._db.write() as s:
            require_admin(s, actor_id, "edit_routing")
            conditions, actions = validate_rule(s, draft, None)
            last = s.scalar(select(func.max(RoutingRule.position))) or 0
            rule = RoutingRule(
                position=last + 1,
                name=draft.name.strip(),
                active=draft.active,
                conditions=conditions,
                actions=actions,
                stop=draft.stop,
                updated_at=self._clock.now(),
                updated_by_id=actor_id,
            )
            s.add(rule)
            s.flush()
            self._db.announce(s, Changes("routing_rule", frozenset({rule.id})))
            return _rule_row(rule)

    def update_rule(
        self, rule_id: int, expected_version: int, draft: RuleDraft, actor_id: int
    ) -> RuleRow:
        """Save an edit made on `expected_version`; ConcurrentEditError if saved meanwhile."""
        try:
            with self._db.write() as s:
                require_admin(s, actor_id, "edit_routing")
                rule = _load_rule(s, rule_id)
                if rule.version != expected_version:
                    raise _conflict(s, rule)
                conditions, actions = validate_rule(s, draft, rule_id)
                rule.name = draft.name.strip()
                rule.conditions = conditions
                rule.actions = actions
                rule.stop = draft.stop
                rule.active = draft.active
                rule.updated_at = self._clock.now()
                rule.updated_by_id = actor_id
                s.flush()
                self._db.announce(s, Changes("routing_rule", frozenset({rule.id})))
                return _rule_row(rule)
        except StaleDataError:
            with self._db.read() as s:
                raise _conflict(s, _load_rule(s, rule_id)) from None

    def set_active(self, rule_id: int, active: bool, actor_id: int) -> RuleRow:
        with self._db.write() as s:
            require_admin(s, actor_id, "edit_routing")
            rule = _load_rule(s, rule_id)
            if active and not rule.active:
                # References may have gone inactive while the rule was off.
                draft = RuleDraft(rule.name, rule.conditions, rule.actions, rule.stop, True)
                validate_rule(s, draft, rule_id)
            rule.active = active
            rule.updated_at = self._clock.now()
            rule.updated_by_id = actor_id
            s.flush()
            self._db.announce(s, Changes("routing_rule", frozenset({rule.id})))
            return _rule_row(rule)

    def delete_rule(self, rule_id: int, actor_id: int) -> None:
        with self._db.write() as s:
            require_admin(s, actor_id, "edit_routing")
            s.delete(_load_rule(s, rule_id))
            s.flush()
            _renumber(list(s.scalars(_ordered())))
            self._db.announce(s, Changes("routing_rule", frozenset({rule_id})))

    def move_rule(self, rule_id: int, delta: int, actor_id: int) -> list[RuleRow]:
        """Move a rule `delta` places (-1 = up); clamped at either end. Returns the new order."""
        with self._db.write() as s:
            require_admin(s, actor_id, "edit_routing")
            ordered = list(s.scalars(_ordered()))
            index = next((i for i, r in enumerate(ordered) if r.id == rule_id), None)
            if index is None:
                raise NotFoundError("routing_rule", rule_id)
            target = max(0, min(len(ordered) - 1, index + delta))
            ordered.insert(target, ordered.pop(index))
            _renumber(ordered)
            s.flush()
            self._db.announce(s, Changes("routing_rule", frozenset(r.id for r in ordered)))
            return [_rule_row(r) for r in ordered]

    def set_order(self, rule_ids: Sequence[int], actor_id: int) -> list[RuleRow]:
        """Put all rules in the order given (every rule exactly once)."""
        with self._db.write() as s:
            require_admin(s, actor_id, "edit_routing")
            by_id = {r.id: r for r in s.scalars(_ordered())}
            if len(rule_ids) != len(by_id) or set(rule_ids) != set(by_id):
                raise ValidationError({"order": "invalid"})
            ordered = [by_id[i] for i in rule_ids]
            _renumber(ordered)
            s.flush()
            self._db.announce(s, Changes("routing_rule", frozenset(by_id)))
            return [_rule_row(r) for r in ordered]

    def conflicts(
        self, draft: RuleDraft | None = None, rule_id: int | None = None
    ) -> list[Conflict]:
        """Warnings among the active rules. With `draft`: the rule being edited (`rule_id`, or a
        new rule at the end) as it would be saved, and only the warnings that involve it."""
        with self._db.read() as s:
            rows = [_rule_row(r) for r in s.scalars(_ordered())]
        if draft is None:
            return find_conflicts(r.as_rule() for r in rows if r.active)
        if not draft.active:
            return []
        rules, me = _with_draft(rows, draft, rule_id)
        return [c for c in find_conflicts(rules) if me in (c.earlier_id, c.later_id)]

    def test(
        self, facts: Facts, draft: RuleDraft | None = None, rule_id: int | None = None
    ) -> Outcome:
        """Which active rules would fire for `facts` (the editor's "Test…" box); with `draft`,
        as if the rule being edited were saved (a new one goes last; id -1)."""
        with self._db.read() as s:
            if draft is None:
                return active_rules(s).evaluate(facts)
            rows = [_rule_row(r) for r in s.scalars(_ordered())]
        rules, _me = _with_draft(rows, draft, rule_id)
        return RuleSet(rules).evaluate(facts)

    # -- checklist templates ----------------------------------------------------------------------

    def templates(self, *, include_inactive: bool = True) -> list[TemplateRow]:
        stmt = select(ChecklistTemplate).order_by(ChecklistTemplate.name)
        if not include_inactive:
            stmt = stmt.where(ChecklistTemplate.active.is_(True))
        with self._db.read() as s:
            return [_template_row(t) for t in s.scalars(stmt)]

    def create_template(self, name: str, items: Sequence[str], actor_id: int) -> TemplateRow:
        with self._db.write() as s:
            require_admin(s, actor_id, "edit_checklists")
            clean_name, clean_items = validate_template(s, name, items, None)
            t = ChecklistTemplate(name=clean_name, items=clean_items, active=True)
            s.add(t)
            s.flush()
            self._db.announce(s, Changes("checklist_template", frozenset({t.id})))
            return _template_row(t)

    def update_template(
        self,
        template_id: int,
        expected_version: int,
        name: str,
        items: Sequence[str],
        active: bool,
        actor_id: int,
    ) -> TemplateRow:
        """Edit a template; deactivating one an active rule uses is refused."""
        try:
            with self._db.write() as s:
                require_admin(s, actor_id, "edit_checklists")
                t = s.get(ChecklistTemplate, template_id)
                if t is None:
                    raise NotFoundError("checklist_template", template_id)
                if t.version != expected_version:
                    raise ConcurrentEditError("checklist_template", t.id, t.version)
                clean_name, clean_items = validate_template(s, name, items, template_id)
                if not active and any(
                    r.actions.get("checklist_template_id") == template_id
                    for r in s.scalars(_ordered().where(RoutingRule.active.is_(True)))
                ):
                    raise ValidationError({"active": "in_use"})
                t.name, t.items, t.active = clean_name, clean_items, active
                s.flush()
                self._db.announce(s, Changes("checklist_template", frozenset({t.id})))
                return _template_row(t)
        except StaleDataError:
            raise ConcurrentEditError(
                "checklist_template", template_id, expected_version + 1
            ) from None

    # -- ticket tasks ---------------------------------------------------------------------------

    def tasks(self, ticket_id: int) -> list[TaskRow]:
        stmt = (
            select(TicketTask, Technician.name)
            .outerjoin(Technician, TicketTask.done_by_id == Technician.id)
            .where(TicketTask.ticket_id == ticket_id)
            .order_by(TicketTask.position, TicketTask.id)
        )
        with self._db.read() as s:
            return [_task_row(t, name) for t, name in s.execute(stmt).all()]

    def add_task(self, ticket_id: int, text: str, actor_id: int) -> Changes:
        text = text.strip()
        if not text:
            raise ValidationError({"text": "required"})
        if len(text) > TASK_MAX:
            raise ValidationError({"text": "too_long"})
        if NUL in text:
            raise ValidationError({"text": "invalid"})
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_ticket")
            load_ticket(s, ticket_id)
            add_tasks(s, ticket_id, [text], None)
            task_event(s, ticket_id, actor_id, now, f"Task added: {text}")
            return self._touched(s, ticket_id, now)

    def add_template(self, ticket_id: int, template_id: int, actor_id: int) -> Changes:
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_ticket")
            load_ticket(s, ticket_id)
            t = s.get(ChecklistTemplate, template_id)
            if t is None or not t.active:
                raise ValidationError({"template_id": "not_found"})
            add_checklist(s, ticket_id, t, now, actor_id)
            return self._touched(s, ticket_id, now)

    def set_done(self, task_id: int, done: bool, actor_id: int) -> Changes:
        """Tick or untick a task; doing what is already done changes nothing."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_ticket")
            task = s.get(TicketTask, task_id)
            if task is None:
                raise NotFoundError("ticket_task", task_id)
            if (task.done_at is not None) == done:
                return Changes("ticket")
            task.done_at = now if done else None
            task.done_by_id = actor_id if done else None
            verb = "done" if done else "reopened"
            task_event(s, task.ticket_id, actor_id, now, f"Task {verb}: {task.text}")
            return self._touched(s, task.ticket_id, now)

    def _touched(self, s: Session, ticket_id: int, now: dt.datetime) -> Changes:
        # A plain UPDATE: the timeline moved but the ticket's fields did not, so its version
        # stays and a technician editing the ticket meanwhile is not told of a conflict.
        s.execute(update(Ticket).where(Ticket.id == ticket_id).values(updated_at=now))
        changes = Changes("ticket", frozenset({ticket_id}))
        self._db.announce(s, changes)
        return changes

    # -- on ticket creation ---------------------------------------------------------------------

    def apply_routing(
        self, s: Session, values: TicketFields, now: dt.datetime
    ) -> tuple[TicketFields, Routed]:
        return apply_routing(s, values, now)


# -- loading ---------------------------------------------------------------------------------------


def _with_draft(
    rows: Sequence[RuleRow], draft: RuleDraft, rule_id: int | None
) -> tuple[list[Rule], int]:
    """The active rules with `draft` in place of rule `rule_id` (or appended), and its id."""
    rules = [r.as_rule() for r in rows if r.active and r.rule_id != rule_id]
    me = -1 if rule_id is None else rule_id
    if draft.active:
        position = next((r.position for r in rows if r.rule_id == rule_id), len(rows) + 1)
        actions = {k: v for k, v in draft.actions.items() if v not in (None, "")}
        name = draft.name.strip() or "?"
        conditions = clean_conditions(draft.conditions)
        rules.append(Rule(me, name, position, conditions, actions, draft.stop))
    return rules, me


def _ordered() -> Any:
    return select(RoutingRule).order_by(RoutingRule.position, RoutingRule.id)


def _renumber(ordered: Sequence[RoutingRule]) -> None:
    for position, rule in enumerate(ordered, start=1):
        if rule.position != position:
            rule.position = position


def _load_rule(s: Session, rule_id: int) -> RoutingRule:
    rule = s.get(RoutingRule, rule_id)
    if rule is None:
        raise NotFoundError("routing_rule", rule_id)
    return rule


def _conflict(s: Session, rule: RoutingRule) -> ConcurrentEditError:
    by = s.get(Technician, rule.updated_by_id) if rule.updated_by_id else None
    return ConcurrentEditError(
        "routing_rule", rule.id, rule.version, by.name if by else None, rule.updated_at
    )


def _rule_row(r: RoutingRule) -> RuleRow:
    return RuleRow(
        r.id, r.position, r.name, dict(r.conditions), dict(r.actions), r.stop, r.active, r.version
    )


def _template_row(t: ChecklistTemplate) -> TemplateRow:
    return TemplateRow(t.id, t.name, tuple(t.items), t.active, t.version)


def _task_row(t: TicketTask, done_by: str | None) -> TaskRow:
    return TaskRow(t.id, t.ticket_id, t.position, t.text, t.template_id, t.done_at, done_by)
