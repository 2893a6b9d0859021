"""Change records (T2): the plans, risk, scheduled window and approval steps of a `change` ticket.

States: draft → (submit) awaiting_approval → approved (every step approved) or rejected (any
step rejected) → (start) in_progress → (complete) implemented or (roll_back) rolled_back.
Plans and steps are edited in draft or rejected; editing a rejected change sends it back to
draft with every decision cleared, so it is approved again as changed. Steps are decided in
order. A change is not started before its window opens; a late start is allowed and said so on
the timeline. The record is created by the first write; reading never writes, so read-only
accounts can look. Any thread; each public method is one unit of work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import ChangeApproval, ChangePlan, Contact, Technician, Ticket, TicketEvent
from app.models.enums import EventKind, Role, TicketType
from app.services.clock import Clock
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.permissions import require_editor

DRAFT: Final = "draft"
AWAITING_APPROVAL: Final = "awaiting_approval"
APPROVED: Final = "approved"
REJECTED: Final = "rejected"
IN_PROGRESS: Final = "in_progress"
IMPLEMENTED: Final = "implemented"
ROLLED_BACK: Final = "rolled_back"
#: States in which the plans and the approval steps may be edited.
EDITABLE: Final = frozenset({DRAFT, REJECTED})
RISKS: Final = ("low", "medium", "high")
DECISIONS: Final = ("approved", "rejected")
TEXT_MAX: Final = 200_000
NAME_MAX: Final = 200
NOTE_MAX: Final = 2000
#: More approval steps than a change advisory board ever needs: a typing accident.
STEPS_MAX: Final = 20


@dataclass(frozen=True, slots=True)
class Approver:
    """Who must approve a step: exactly one of a technician, a client contact or a typed name."""

    technician_id: int | None = None
    contact_id: int | None = None
    name: str = ""


@dataclass(frozen=True, slots=True)
class ApprovalStep:
    step_id: int
    step: int
    approver_name: str
    #: technician, contact or name.
    approver_kind: str
    decision: str
    decided_at: dt.datetime | None
    recorded_by: str | None
    note: str


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """A change ticket's record; `version` 0 means nothing was saved yet."""

    ticket_id: int
    state: str
    risk: str
    implementation_plan: str
    rollback_plan: str
    test_plan: str
    window_start: dt.datetime | None
    window_end: dt.datetime | None
    version: int
    steps: tuple[ApprovalStep, ...]

    @property
    def next_step(self) -> ApprovalStep | None:
        """The step to decide next (the first pending one), if any."""
        return next((st for st in self.steps if st.decision == "pending"), None)


@dataclass(frozen=True, slots=True)
class ApproverChoices:
    """Who may be named as an approver: active technicians and the client's authorised
    approvers, as (id, name)."""

    technicians: tuple[tuple[int, str], ...]
    contacts: tuple[tuple[int, str], ...]


class ChangeService:
    """Change records and their approval steps. Any thread; each call is one unit of work."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # -- reads ---------------------------------------------------------------------------------

    def plan(self, ticket_id: int) -> ChangeRecord:
        """The change record (an unsaved draft when none exists); ValidationError for other
        ticket types (code ticket not_change)."""
        with self._db.read() as s:
            _change_ticket(s, ticket_id)
            return _record(s, ticket_id, s.get(ChangePlan, ticket_id))

    def approver_choices(self, ticket_id: int) -> ApproverChoices:
        with self._db.read() as s:
            ticket = _change_ticket(s, ticket_id)
            techs = s.execute(
                select(Technician.id, Technician.name)
                .where(Technician.active.is_(True))
                .order_by(Technician.name)
            ).all()
            contacts = s.execute(
                select(Contact.id, Contact.name)
                .where(
                    Contact.client_id == ticket.client_id,
                    Contact.authorised_approver.is_(True),
                    Contact.active.is_(True),
                )
                .order_by(Contact.name)
            ).all()
            return ApproverChoices(
                tuple((i, n) for i, n in techs), tuple((i, n) for i, n in contacts)
            )

    # -- writes --------------------------------------------------------------------------------

    def save_plan(
        self,
        ticket_id: int,
        expected_version: int,
        implementation_plan: str,
        rollback_plan: str,
        test_plan: str,
        risk: str,
        window_start: dt.datetime | None,
        window_end: dt.datetime | None,
        actor_id: int,
    ) -> ChangeRecord:
        """Save the plans as edited on `expected_version` (0 before the first save).

        Codes: risk invalid_choice; window_start/window_end required (both or neither),
        naive; window_end before_start; plans too_long/invalid; state locked.
        """
        problems: dict[str, str] = {}
        texts = (
            ("implementation_plan", implementation_plan),
            ("rollback_plan", rollback_plan),
            ("test_plan", test_plan),
        )
        for name, text in texts:
            if len(text) > TEXT_MAX:
                problems[name] = "too_long"
            elif "\x00" in text:
                problems[name] = "invalid"
        if risk not in RISKS:
            problems["risk"] = "invalid_choice"
        if (window_start is None) != (window_end is None):
            problems["window_start" if window_start is None else "window_end"] = "required"
        elif window_start is not None and window_end is not None:
            if window_start.tzinfo is None:
                problems["window_start"] = "naive"
            elif window_end.tzinfo is None:
                problems["window_end"] = "naive"
            elif window_end <= window_start:
                problems["window_end"] = "before_start"
        if problems:
            raise ValidationError(problems)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "edit_change")
                _change_ticket(s, ticket_id)
                plan = s.get(ChangePlan, ticket_id)
                current = plan.version if plan is not None else 0
                if current != expected_version:
                    raise _conflict(s, ticket_id, current)
                plan = plan or _new_plan(s, ticket_id)
                if plan.state not in EDITABLE:
                    raise ValidationError({"state": "locked"})
                new = {
                    "implementation_plan": implementation_plan,
                    "rollback_plan": rollback_plan,
                    "test_plan": test_plan,
                    "risk": risk,
                    "window_start": window_start,
                    "window_end": window_end,
                }
                changed = [k for k, v in new.items() if getattr(plan, k) != v]
                for k, v in new.items():
                    setattr(plan, k, v)
                parts = [", ".join(k.replace("_", " ") for k in changed)] if changed else []
                if plan.state == REJECTED:
                    self._back_to_draft(s, plan)
                    parts.append("back to draft for a new approval")
                if parts or current == 0:
                    body = "Change plan saved: " + "; ".join(parts or ["created"])
                    _event(s, ticket_id, actor_id, now, body)
                return self._done(s, ticket_id, plan)
        except StaleDataError:
            with self._db.read() as s:
                plan = s.get(ChangePlan, ticket_id)
                raise _conflict(s, ticket_id, plan.version if plan else 0) from None

    def add_step(self, ticket_id: int, approver: Approver, actor_id: int) -> ChangeRecord:
        """Append an approval step. Codes: approver required / ambiguous / not_found /
        other_client / not_authorised / too_long; steps too_many; state locked."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_change")
            ticket = _change_ticket(s, ticket_id)
            plan = s.get(ChangePlan, ticket_id) or _new_plan(s, ticket_id)
            # The step's foreign key needs the plan's row first.
            s.flush()
            if plan.state not in EDITABLE:
                raise ValidationError({"state": "locked"})
            step = ChangeApproval(ticket_id=ticket_id, decision="pending")
            _set_approver(s, step, approver, ticket)
            count = _step_count(s, ticket_id)
            if count >= STEPS_MAX:
                raise ValidationError({"steps": "too_many"})
            last = s.scalar(
                select(func.max(ChangeApproval.step)).where(ChangeApproval.ticket_id == ticket_id)
            )
            step.step = (last or 0) + 1
            s.add(step)
            if plan.state == REJECTED:
                self._back_to_draft(s, plan)
            _bump(plan)
            body = f"Approval step {count + 1} added: {step.approver_name}"
            _event(s, ticket_id, actor_id, now, body)
            return self._done(s, ticket_id, plan)

    def remove_step(self, step_id: int, actor_id: int) -> ChangeRecord:
        """Remove a pending step (codes: step decided; state locked)."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_change")
            step = _load_step(s, step_id)
            plan = _load_plan(s, step.ticket_id)
            if plan.state not in EDITABLE:
                raise ValidationError({"state": "locked"})
            if step.decision != "pending":
                raise ValidationError({"step": "decided"})
            s.delete(step)
            s.flush()
            # Renumber, so "step n" on the screen always counts from 1 without gaps.
            rest = s.scalars(
                select(ChangeApproval)
                .where(ChangeApproval.ticket_id == plan.ticket_id)
                .order_by(ChangeApproval.step)
            ).all()
            for number, other in enumerate(rest, start=1):
                if other.step != number:
                    # Through a free number first: (ticket_id, step) is unique.
                    other.step = -number
            s.flush()
            for other in rest:
                other.step = abs(other.step)
            if plan.state == REJECTED:
                self._back_to_draft(s, plan)
            _bump(plan)
            _event(s, plan.ticket_id, actor_id, now, f"Approval step removed: {step.approver_name}")
            return self._done(s, plan.ticket_id, plan)

    def submit(self, ticket_id: int, actor_id: int) -> ChangeRecord:
        """Draft → awaiting approval. Codes: state not_draft; implementation_plan/rollback_plan
        required; steps required."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_change")
            _change_ticket(s, ticket_id)
            plan = s.get(ChangePlan, ticket_id)
            if plan is not None and plan.state != DRAFT:
                raise ValidationError({"state": "not_draft"})
            problems = {}
            if plan is None or not plan.implementation_plan.strip():
                problems["implementation_plan"] = "required"
            if plan is None or not plan.rollback_plan.strip():
                problems["rollback_plan"] = "required"
            count = _step_count(s, ticket_id)
            if not count:
                problems["steps"] = "required"
            if problems or plan is None:
                raise ValidationError(problems)
            plan.state = AWAITING_APPROVAL
            body = f"Change submitted for approval ({count} step{'s' if count != 1 else ''})"
            _event(s, ticket_id, actor_id, now, body, AWAITING_APPROVAL)
            return self._done(s, ticket_id, plan)

    def decide(self, step_id: int, decision: str, note: str, actor_id: int) -> ChangeRecord:
        """Record a step's decision. Steps go in order; a rejection rejects the change, the
        last approval approves it. A technician approver decides their own step (or an admin
        records it). Codes: decision invalid_choice; note too_long; state not_awaiting;
        step decided / earlier_pending / not_yours."""
        if decision not in DECISIONS:
            raise ValidationError({"decision": "invalid_choice"})
        note = _clean_note(note)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                actor = require_editor(s, actor_id, "decide_change")
                step = _load_step(s, step_id)
                plan = _load_plan(s, step.ticket_id)
                if plan.state != AWAITING_APPROVAL:
                    raise ValidationError({"state": "not_awaiting"})
                if step.decision != "pending":
                    raise ValidationError({"step": "decided"})
                earlier = s.scalar(
                    select(func.count())
                    .select_from(ChangeApproval)
                    .where(
                        ChangeApproval.ticket_id == step.ticket_id,
                        ChangeApproval.step < step.step,
                        ChangeApproval.decision == "pending",
                    )
                )
                if earlier:
                    raise ValidationError({"step": "earlier_pending"})
                if (
                    step.approver_technician_id is not None
                    and step.approver_technician_id != actor_id
                    and actor.role is not Role.ADMIN
                ):
                    raise ValidationError({"step": "not_yours"})
                step.decision = decision
                step.decided_at = now
                step.recorded_by_id = actor_id
                step.note = note
                verb = "approved" if decision == "approved" else "rejected"
                body = f"Step {step.step} {verb} by {step.approver_name}"
                if step.approver_technician_id != actor_id:
                    body += f" (recorded by {actor.name})"
                body += f": {note}" if note else ""
                s.flush()
                pending = s.scalar(
                    select(func.count())
                    .select_from(ChangeApproval)
                    .where(
                        ChangeApproval.ticket_id == step.ticket_id,
                        ChangeApproval.decision == "pending",
                    )
                )
                if decision == "rejected":
                    plan.state = REJECTED
                    body += ". Change rejected"
                elif not pending:
                    plan.state = APPROVED
                    body += ". All steps approved: change approved"
                else:
                    _bump(plan)
                _event(s, step.ticket_id, actor_id, now, body, plan.state)
                return self._done(s, step.ticket_id, plan)
        except StaleDataError:
            with self._db.read() as s:
                ticket_id = _load_step(s, step_id).ticket_id
                raise _conflict(s, ticket_id, _load_plan(s, ticket_id).version) from None

    def start(self, ticket_id: int, actor_id: int) -> ChangeRecord:
        """Approved → in progress; refused before the window opens (window not_started)."""
        now = self._clock.now()

        def check(plan: ChangePlan) -> str:
            if plan.window_start is not None and now < plan.window_start:
                raise ValidationError({"window": "not_started"})
            late = plan.window_end is not None and now >= plan.window_end
            return "Implementation started" + (" after the scheduled window ended" if late else "")

        return self._transition(ticket_id, actor_id, APPROVED, IN_PROGRESS, check, "")

    def complete(self, ticket_id: int, actor_id: int, note: str = "") -> ChangeRecord:
        """In progress → implemented."""
        return self._transition(
            ticket_id, actor_id, IN_PROGRESS, IMPLEMENTED, lambda _p: "Change implemented", note
        )

    def roll_back(self, ticket_id: int, actor_id: int, note: str = "") -> ChangeRecord:
        """In progress → rolled back (the rollback plan was carried out)."""
        return self._transition(
            ticket_id, actor_id, IN_PROGRESS, ROLLED_BACK, lambda _p: "Change rolled back", note
        )

    # -- helpers -------------------------------------------------------------------------------

    def _transition(
        self,
        ticket_id: int,
        actor_id: int,
        from_state: str,
        to_state: str,
        wording: Callable[[ChangePlan], str],
        note: str,
    ) -> ChangeRecord:
        note = _clean_note(note)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "edit_change")
                _change_ticket(s, ticket_id)
                plan = s.get(ChangePlan, ticket_id)
                if plan is None or plan.state != from_state:
                    raise ValidationError({"state": f"not_{from_state}"})
                body = wording(plan)
                plan.state = to_state
                _event(s, ticket_id, actor_id, now, body + (f": {note}" if note else ""), to_state)
                return self._done(s, ticket_id, plan)
        except StaleDataError:
            with self._db.read() as s:
                plan = s.get(ChangePlan, ticket_id)
                raise _conflict(s, ticket_id, plan.version if plan else 0) from None

    def _back_to_draft(self, s: Session, plan: ChangePlan) -> None:
        plan.state = DRAFT
        s.execute(
            update(ChangeApproval)
            .where(ChangeApproval.ticket_id == plan.ticket_id)
            .values(decision="pending", decided_at=None, recorded_by_id=None)
        )

    def _done(self, s: Session, ticket_id: int, plan: ChangePlan) -> ChangeRecord:
        s.flush()
        s.execute(update(Ticket).where(Ticket.id == ticket_id).values(updated_at=self._clock.now()))
        self._db.announce(s, Changes("ticket", frozenset({ticket_id})))
        s.expire_all()
        return _record(s, ticket_id, s.get(ChangePlan, ticket_id))


def _new_plan(s: Session, ticket_id: int) -> ChangePlan:
    plan = ChangePlan(ticket_id=ticket_id, state=DRAFT, risk="low", implementation_plan="")
    plan.rollback_plan = plan.test_plan = ""
    s.add(plan)
    return plan


def _clean_note(note: str) -> str:
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": "too_long"})
    if "\x00" in note:
        raise ValidationError({"note": "invalid"})
    return note


def _bump(plan: ChangePlan) -> None:
    """Mark the plan changed, so its version moves when only its steps did."""
    flag_modified(plan, "state")


def _set_approver(s: Session, step: ChangeApproval, approver: Approver, ticket: Ticket) -> None:
    name = approver.name.strip()
    given = [x for x in (approver.technician_id, approver.contact_id) if x is not None]
    if len(given) + bool(name) == 0:
        raise ValidationError({"approver": "required"})
    if len(given) + bool(name) > 1:
        raise ValidationError({"approver": "ambiguous"})
    if approver.technician_id is not None:
        tech = s.get(Technician, approver.technician_id)
        if tech is None or not tech.active:
            raise ValidationError({"approver": "not_found"})
        step.approver_technician_id = tech.id
        step.approver_name = tech.name
    elif approver.contact_id is not None:
        contact = s.get(Contact, approver.contact_id)
        if contact is None or not contact.active:
            raise ValidationError({"approver": "not_found"})
        if contact.client_id != ticket.client_id:
            raise ValidationError({"approver": "other_client"})
        if not contact.authorised_approver:
            raise ValidationError({"approver": "not_authorised"})
        step.approver_contact_id = contact.id
        step.approver_name = contact.name
    else:
        if len(name) > NAME_MAX:
            raise ValidationError({"approver": "too_long"})
        if "\x00" in name:
            raise ValidationError({"approver": "invalid"})
        step.approver_name = name


def _step_count(s: Session, ticket_id: int) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(ChangeApproval)
            .where(ChangeApproval.ticket_id == ticket_id)
        )
        or 0
    )


_Recorder = aliased(Technician, name="recorder")


def _approver_kind(a: ChangeApproval) -> str:
    if a.approver_technician_id is not None:
        return "technician"
    return "contact" if a.approver_contact_id is not None else "name"


def _record(s: Session, ticket_id: int, plan: ChangePlan | None) -> ChangeRecord:
    steps = tuple(
        ApprovalStep(
            step_id=a.id,
            step=a.step,
            approver_name=a.approver_name,
            approver_kind=_approver_kind(a),
            decision=a.decision,
            decided_at=a.decided_at,
            recorded_by=recorder,
            note=a.note,
        )
        for a, recorder in s.execute(
            select(ChangeApproval, _Recorder.name)
            .outerjoin(_Recorder, _Recorder.id == ChangeApproval.recorded_by_id)
            .where(ChangeApproval.ticket_id == ticket_id)
            .order_by(ChangeApproval.step)
        ).all()
    )
    if plan is None:
        return ChangeRecord(ticket_id, DRAFT, "low", "", "", "", None, None, 0, steps)
    return ChangeRecord(
        ticket_id=ticket_id,
        state=plan.state,
        risk=plan.risk,
        implementation_plan=plan.implementation_plan,
        rollback_plan=plan.rollback_plan,
        test_plan=plan.test_plan,
        window_start=plan.window_start,
        window_end=plan.window_end,
        version=plan.version,
        steps=steps,
    )


def _event(
    s: Session, ticket_id: int, actor_id: int, now: dt.datetime, body: str, state: str = ""
) -> None:
    s.add(
        TicketEvent(
            ticket_id=ticket_id,
            at=now,
            actor_id=actor_id,
            kind=EventKind.CHANGE,
            new_value=state,
            body=body,
        )
    )


def _change_ticket(s: Session, ticket_id: int) -> Ticket:
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError("ticket", ticket_id)
    if ticket.type is not TicketType.CHANGE:
        raise ValidationError({"ticket": "not_change"})
    return ticket


def _load_plan(s: Session, ticket_id: int) -> ChangePlan:
    plan = s.get(ChangePlan, ticket_id)
    if plan is None:
        raise NotFoundError("change_plan", ticket_id)
    return plan


def _load_step(s: Session, step_id: int) -> ChangeApproval:
    step = s.get(ChangeApproval, step_id)
    if step is None:
        raise NotFoundError("change_approval", step_id)
    return step


def _conflict(s: Session, ticket_id: int, version: int) -> ConcurrentEditError:
    last = s.execute(
        select(TicketEvent.at, Technician.name)
        .outerjoin(Technician, Technician.id == TicketEvent.actor_id)
        .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == EventKind.CHANGE)
        .order_by(TicketEvent.at.desc(), TicketEvent.id.desc())
        .limit(1)
    ).first()
    return ConcurrentEditError(
        "change_plan", ticket_id, version, last[1] if last else None, last[0] if last else None
    )
