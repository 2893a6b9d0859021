"""Permission before commencing work (domain.md D7): which of the client's approval rules apply to
a ticket, and the approvals recorded on it (who approved, how, when, recorded by whom).

A rule from data-capture section 7 applies to tickets of its type ("any" applies to all); until
an authorised approver's approval is recorded the ticket shows "approval required". Any thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Changes, Database
from app.models import Contact, Technician, Ticket, TicketApproval, TicketEvent
from app.models.enums import EventKind
from app.services.clock import Clock
from app.services.errors import NotFoundError, ValidationError
from app.services.onboarding import section_data
from app.services.permissions import require_editor

DECISIONS: Final = ("approved", "refused")
METHODS: Final = ("phone", "email", "in_person", "written")


@dataclass(frozen=True, slots=True)
class ApprovalRow:
    approval_id: int
    decision: str
    approver_name: str
    method: str
    reference: str
    approved_at: dt.datetime
    recorded_by: str | None


@dataclass(frozen=True, slots=True)
class ApprovalNeed:
    """One rule that applies to the ticket, with what was recorded against it (newest last)."""

    work_key: str
    work: str
    records: tuple[ApprovalRow, ...]

    @property
    def approved(self) -> bool:
        return bool(self.records) and self.records[-1].decision == "approved"


@dataclass(frozen=True, slots=True)
class Approvals:
    ticket_id: int
    needs: tuple[ApprovalNeed, ...]
    #: The client's authorised approvers: (contact id, name).
    approvers: tuple[tuple[int, str], ...]
    after_hours: str

    @property
    def required(self) -> bool:
        """True while some rule that applies has no standing approval."""
        return any(not n.approved for n in self.needs)


class ApprovalService:
    """Approval rules on tickets and recorded approvals. Any thread."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def approvals(self, ticket_id: int) -> Approvals:
        with self._db.read() as s:
            return approvals_in(s, ticket_id)

    def record(
        self,
        ticket_id: int,
        work_key: str,
        decision: str,
        approver_contact_id: int,
        method: str,
        actor_id: int,
        reference: str = "",
    ) -> Changes:
        """Record an authorised approver's decision on the ticket and its timeline."""
        problems = {}
        if decision not in DECISIONS:
            problems["decision"] = "invalid_choice"
        if method not in METHODS:
            problems["method"] = "invalid_choice"
        if len(reference.strip()) > 200:
            problems["reference"] = "too_long"
        if problems:
            raise ValidationError(problems)
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_ticket")
            current = approvals_in(s, ticket_id)
            need = next((n for n in current.needs if n.work_key == work_key), None)
            if need is None:
                raise ValidationError({"work": "unknown"})
            approver = s.get(Contact, approver_contact_id)
            if approver_contact_id not in dict(current.approvers) or approver is None:
                raise ValidationError({"approver": "not_authorised"})
            s.add(
                TicketApproval(
                    ticket_id=ticket_id,
                    work_key=work_key,
                    work=need.work,
                    decision=decision,
                    approver_contact_id=approver.id,
                    approver_name=approver.name,
                    method=method,
                    reference=reference.strip(),
                    approved_at=now,
                    recorded_by_id=actor_id,
                )
            )
            verb = "Approved" if decision == "approved" else "Refused"
            ref = f", ref. {reference.strip()}" if reference.strip() else ""
            s.add(
                TicketEvent(
                    ticket_id=ticket_id,
                    at=now,
                    actor_id=actor_id,
                    kind=EventKind.APPROVAL,
                    old_value=work_key,
                    new_value=decision,
                    body=f"{verb} by {approver.name} ({method}{ref}): {need.work}",
                )
            )
            changes = Changes("ticket", frozenset({ticket_id}))
            self._db.announce(s, changes)
            return changes


def approvals_in(s: Session, ticket_id: int) -> Approvals:
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError("ticket", ticket_id)
    rules = section_data(s, ticket.client_id, "permissions") or {}
    recorded: dict[str, list[ApprovalRow]] = {}
    for a, name in s.execute(
        select(TicketApproval, Technician.name)
        .outerjoin(Technician, Technician.id == TicketApproval.recorded_by_id)
        .where(TicketApproval.ticket_id == ticket_id)
        .order_by(TicketApproval.approved_at, TicketApproval.id)
    ).all():
        recorded.setdefault(a.work_key, []).append(
            ApprovalRow(
                a.id, a.decision, a.approver_name, a.method, a.reference, a.approved_at, name
            )
        )
    needs = tuple(
        ApprovalNeed(r["key"], r["work"], tuple(recorded.get(r["key"], ())))
        for r in rules.get("rules", [])
        if r["applies_to"] in ("any", ticket.type.value)
    )
    approvers = tuple(
        s.execute(
            select(Contact.id, Contact.name)
            .where(
                Contact.client_id == ticket.client_id,
                Contact.authorised_approver.is_(True),
                Contact.active.is_(True),
            )
            .order_by(Contact.name)
        ).all()
    )
    return Approvals(ticket_id, needs, approvers, rules.get("after_hours") or "")
