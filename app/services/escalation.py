"""Functional escalation L0 → L1 → L2 → L3 and the client's escalation contacts (T11, S7, C5).

"Escalate" (domain.md §2.6) needs a reason and what was tried; the ticket climbs one tier to the
queue the technician picks, else its queue's escalation path, else the first queue of the next
tier, and waits there unassigned while the previous assignee keeps following it (named on the
timeline). The SLA sweep's REASSIGN_NEXT_TIER level goes through the same core, `escalate_in`,
with "SLA" as the reason, so both paths move tickets and copy the client's escalation contacts
alike. A contract that covers fewer tiers than the target does not stop the escalation: the
caller is told (`beyond_contract`), because the ticket may then go to a vendor or the client's IT.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import (
    Client,
    Contact,
    Contract,
    Queue,
    SlaPolicy,
    Technician,
    Ticket,
    TicketEvent,
    TicketSla,
)
from app.models.enums import EventKind, Status, Tier
from app.services.clock import Clock
from app.services.errors import ValidationError
from app.services.escalation_paths import TIER_ORDER
from app.services.onboarding import section_data
from app.services.permissions import require_editor
from app.services.sla import SlaService, choose_policy
from app.services.sla_store import SlaStore
from app.services.ticket_store import add_event, load_ticket, ticket_conflict
from app.services.tickets import TEXT_MAX, TicketDetail, TicketSaved, TicketService

REASON_MAX: Final = 1000
NEXT_TIER: Final = {Tier.L0: Tier.L1, Tier.L1: Tier.L2, Tier.L2: Tier.L3}
#: The reason the SLA sweep's escalation levels give.
SLA_REASON: Final = "SLA"
#: Opening text of the internal timeline entry naming the contacts to copy.
COPY_PREFIX: Final = "Copy to escalation contact: "
_NUL: Final = "\x00"


@dataclass(frozen=True, slots=True)
class EscalationContact:
    """One of the client's escalation contacts to call or e-mail, in the client's order."""

    contact_id: int
    name: str
    phone: str
    email: str
    order: int
    #: any, business_hours or after_hours (as listed in the client's escalation section).
    hours: str

    def text(self) -> str:
        """ "Name (phone, e-mail)" with whatever is on file."""
        reach = ", ".join(x for x in (self.phone, self.email) if x)
        return f"{self.name} ({reach})" if reach else self.name


@dataclass(frozen=True, slots=True)
class QueueChoice:
    queue_id: int
    name: str
    tier: Tier


@dataclass(frozen=True, slots=True)
class EscalationOutcome:
    """What one escalation did (the core's result)."""

    from_tier: Tier
    to_tier: Tier
    from_queue_id: int | None
    to_queue_id: int | None
    to_queue_name: str | None
    #: The previous assignee, who keeps following the ticket.
    following_id: int | None
    following_name: str | None
    #: The highest tier the ticket's contract covers (None: no contract known).
    contract_max_tier: Tier | None
    contacts: tuple[EscalationContact, ...]

    @property
    def beyond_contract(self) -> bool:
        """The contract does not cover the tier the ticket went to."""
        return self.contract_max_tier is not None and (
            TIER_ORDER[self.to_tier] > TIER_ORDER[self.contract_max_tier]
        )


@dataclass(frozen=True, slots=True)
class Escalated:
    """The result of `EscalationService.escalate`: the saved ticket and what the dialog tells."""

    saved: TicketSaved
    outcome: EscalationOutcome

    @property
    def detail(self) -> TicketDetail:
        return self.saved.detail

    @property
    def changes(self) -> Changes:
        return self.saved.changes

    @property
    def beyond_contract(self) -> bool:
        return self.outcome.beyond_contract

    @property
    def contacts(self) -> tuple[EscalationContact, ...]:
        return self.outcome.contacts


@dataclass(frozen=True, slots=True)
class EscalationPreview:
    """What the escalate dialog offers before anything is written."""

    ticket_id: int
    version: int
    from_tier: Tier
    #: None when the ticket is already at the highest tier.
    to_tier: Tier | None
    #: Queues of a higher tier than the ticket's, lowest tier first.
    queues: tuple[QueueChoice, ...]
    default_queue_id: int | None
    contract_max_tier: Tier | None
    #: The ticket's "steps tried", offered as the notes.
    steps_tried: str
    contacts: tuple[EscalationContact, ...]
    is_open: bool

    @property
    def at_top(self) -> bool:
        return self.to_tier is None

    @property
    def beyond_contract(self) -> bool:
        return (
            self.to_tier is not None
            and self.contract_max_tier is not None
            and TIER_ORDER[self.to_tier] > TIER_ORDER[self.contract_max_tier]
        )


@dataclass(frozen=True, slots=True)
class EscalationRecord:
    """One escalation on the ticket's timeline (functional or by the SLA sweep)."""

    event_id: int
    at: dt.datetime
    actor_name: str | None
    from_tier: str
    to_tier: str
    body: str


class EscalationService:
    """Escalating tickets. Any thread; each call is one unit of work."""

    def __init__(self, db: Database, clock: Clock, sla: SlaService) -> None:
        self._db = db
        self._clock = clock
        self._sla = sla
        self._tickets = TicketService(db, clock, sla)

    def preview(self, ticket_id: int) -> EscalationPreview:
        """The target tier, queue choices and default, contract warning and contacts to copy."""
        now = self._clock.now()
        with self._db.read() as s:
            ticket = load_ticket(s, ticket_id)
            to_tier = NEXT_TIER.get(ticket.tier)
            queues = tuple(
                QueueChoice(q.id, q.name, q.tier)
                for q in s.scalars(select(Queue))
                if TIER_ORDER[q.tier] > TIER_ORDER[ticket.tier]
            )
            queues = tuple(
                sorted(queues, key=lambda q: (TIER_ORDER[q.tier], q.name.casefold(), q.queue_id))
            )
            default = _default_queue(s, ticket) if to_tier else None
            return EscalationPreview(
                ticket_id=ticket.id,
                version=ticket.version,
                from_tier=ticket.tier,
                to_tier=to_tier,
                queues=queues,
                default_queue_id=default.id if default else None,
                contract_max_tier=contract_max_tier(s, ticket, now),
                steps_tried=ticket.steps_tried,
                contacts=escalation_contacts(s, ticket, self._sla.store, now),
                is_open=ticket.is_open,
            )

    def history(self, ticket_id: int) -> list[EscalationRecord]:
        """The ticket's escalations, oldest first."""
        with self._db.read() as s:
            load_ticket(s, ticket_id)
            rows = s.execute(
                select(TicketEvent, Technician.name)
                .outerjoin(Technician, Technician.id == TicketEvent.actor_id)
                .where(
                    TicketEvent.ticket_id == ticket_id,
                    TicketEvent.kind == EventKind.ESCALATION,
                )
                .order_by(TicketEvent.at, TicketEvent.id)
            ).all()
            return [
                EscalationRecord(e.id, e.at, name, e.old_value, e.new_value, e.body)
                for e, name in rows
            ]

    def escalate(
        self,
        ticket_id: int,
        expected_version: int,
        reason: str,
        notes: str,
        actor_id: int,
        *,
        to_queue_id: int | None = None,
    ) -> Escalated:
        """Move the ticket one tier up with a reason and what was tried (blank `notes` = the
        ticket's steps tried). Raises `ValidationError` (reason/notes "required", "too_long",
        "invalid"; tier "highest"; ticket "not_open"; to_queue_id "not_found" or
        "tier_not_higher"), `ConcurrentEditError` on a stale `expected_version`."""
        reason = reason.strip()
        notes = notes.strip()
        problems = _check_text("reason", reason, REASON_MAX) | _check_text("notes", notes, TEXT_MAX)
        if problems.get("notes") == "required":
            del problems["notes"]
        if problems:
            raise ValidationError(problems)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "escalate_ticket")
                ticket = load_ticket(s, ticket_id)
                if ticket.version != expected_version:
                    raise ticket_conflict(s, ticket)
                notes = notes or ticket.steps_tried.strip()
                if not notes:
                    raise ValidationError({"notes": "required"})
                outcome = escalate_in(
                    s,
                    ticket,
                    self._sla.store,
                    reason=reason,
                    notes=notes,
                    actor_id=actor_id,
                    now=now,
                    to_queue_id=to_queue_id,
                )
                ticket.updated_at = now
                ticket.updated_by_id = actor_id
                s.flush()
                self._sla.recompute_in(s, (ticket.id,), now)
                changes = Changes("ticket", frozenset({ticket.id}))
                self._db.announce(s, changes)
        except StaleDataError:
            with self._db.read() as s:
                raise ticket_conflict(s, load_ticket(s, ticket_id)) from None
        return Escalated(TicketSaved(self._tickets.get(ticket_id), changes), outcome)


def escalate_in(
    s: Session,
    ticket: Ticket,
    store: SlaStore,
    *,
    reason: str,
    notes: str,
    actor_id: int | None,
    now: dt.datetime,
    to_queue_id: int | None = None,
) -> EscalationOutcome:
    """Move `ticket` one tier up inside the caller's transaction and write its timeline.

    The queue is `to_queue_id` (a higher tier than the ticket's), else the ticket's queue's
    escalation path when it climbs, else the first queue of the next tier (none: no queue).
    The caller validates reason/notes, stamps `updated_at`/`updated_by_id`, recomputes the SLA
    and announces. Raises `ValidationError` when the ticket cannot go up.
    """
    if not ticket.is_open:
        raise ValidationError({"ticket": "not_open"})
    next_tier = NEXT_TIER.get(ticket.tier)
    if next_tier is None:
        raise ValidationError({"tier": "highest"})
    if to_queue_id is not None:
        queue = s.get(Queue, to_queue_id)
        if queue is None:
            raise ValidationError({"to_queue_id": "not_found"})
        if TIER_ORDER[queue.tier] <= TIER_ORDER[ticket.tier]:
            raise ValidationError({"to_queue_id": "tier_not_higher"})
    else:
        queue = _default_queue(s, ticket)
    to_tier = queue.tier if queue is not None else next_tier
    from_tier, from_queue_id = ticket.tier, ticket.queue_id
    from_queue = s.get(Queue, from_queue_id) if from_queue_id is not None else None
    following = s.get(Technician, ticket.assignee_id) if ticket.assignee_id else None
    contacts = escalation_contacts(s, ticket, store, now)
    outcome = EscalationOutcome(
        from_tier=from_tier,
        to_tier=to_tier,
        from_queue_id=from_queue_id,
        to_queue_id=queue.id if queue else None,
        to_queue_name=queue.name if queue else None,
        following_id=following.id if following else None,
        following_name=following.name if following else None,
        contract_max_tier=contract_max_tier(s, ticket, now),
        contacts=contacts,
    )
    body = _body(reason, notes, from_queue, queue, following, outcome)
    add_event(s, ticket, actor_id, now, EventKind.ESCALATION, from_tier, to_tier, body)
    ticket.tier = to_tier
    if outcome.to_queue_id != from_queue_id:
        add_event(
            s, ticket, actor_id, now, EventKind.QUEUE_CHANGED, from_queue_id, outcome.to_queue_id
        )
        ticket.queue_id = outcome.to_queue_id
    if ticket.assignee_id is not None:
        add_event(s, ticket, actor_id, now, EventKind.ASSIGNED, ticket.assignee_id, None)
        ticket.assignee_id = None
        if ticket.status is Status.ASSIGNED:
            # Nobody owns it at the new tier yet: it waits there as New until someone takes it.
            add_event(s, ticket, actor_id, now, EventKind.STATUS_CHANGED, ticket.status, Status.NEW)
            ticket.set_status(Status.NEW, now)
    if contacts:
        text = COPY_PREFIX + "; then ".join(c.text() for c in contacts)
        add_event(s, ticket, actor_id, now, EventKind.INTERNAL_NOTE, None, None, text)
    return outcome


def escalation_contacts(
    s: Session, ticket: Ticket, store: SlaStore, now: dt.datetime
) -> tuple[EscalationContact, ...]:
    """The client's escalation contacts for the ticket's priority at `now`, in their order.

    "business_hours" / "after_hours" rows are chosen with the calendar of the ticket's SLA
    clocks (else the policy the client's terms choose now); with no calendar at all every
    instant counts as business hours. Inactive or deleted contacts are skipped.
    """
    data = section_data(s, ticket.client_id, "escalation") or {}
    rows = [r for r in data.get("contacts") or [] if r.get("priority") == ticket.priority.value]
    if not rows:
        return ()
    hours = "business_hours" if _in_business_hours(s, ticket, store, now) else "after_hours"
    found: list[EscalationContact] = []
    for r in rows:
        when = str(r.get("hours") or "any")
        if when not in ("any", hours):
            continue
        contact = s.get(Contact, _int(r.get("contact")))
        if contact is None or not contact.active or contact.client_id != ticket.client_id:
            continue
        order = _int(r.get("order")) or 99
        found.append(
            EscalationContact(contact.id, contact.name, contact.phone, contact.email, order, when)
        )
    found.sort(key=lambda c: (c.order, c.name.casefold()))
    # A contact listed twice (say "any" and "business_hours") is called once, at its first place.
    once: dict[int, EscalationContact] = {}
    for c in found:
        once.setdefault(c.contact_id, c)
    return tuple(once.values())


def contract_max_tier(s: Session, ticket: Ticket, now: dt.datetime) -> Tier | None:
    """The highest tier the ticket's contract covers: the ticket's contract, else the client's
    contract valid today (newest first); None when there is none."""
    contract = s.get(Contract, ticket.contract_id) if ticket.contract_id else None
    if contract is None:
        client = s.get(Client, ticket.client_id)
        today = now.astimezone(_zone(client.timezone if client else "UTC")).date()
        contract = s.scalars(
            select(Contract)
            .where(
                Contract.client_id == ticket.client_id,
                Contract.valid_from <= today,
                (Contract.valid_to.is_(None)) | (Contract.valid_to >= today),
            )
            .order_by(Contract.valid_from.desc(), Contract.id.desc())
            .limit(1)
        ).first()
    if contract is None:
        return None
    try:
        return Tier(contract.max_tier)
    except ValueError:
        return None


def _default_queue(s: Session, ticket: Ticket) -> Queue | None:
    """The ticket's queue's escalation path when it climbs, else the first queue of the next
    tier (by id, as the SLA sweep always chose)."""
    current = s.get(Queue, ticket.queue_id) if ticket.queue_id else None
    if current is not None and current.escalates_to_id is not None:
        path = s.get(Queue, current.escalates_to_id)
        if path is not None and TIER_ORDER[path.tier] > TIER_ORDER[ticket.tier]:
            return path
    next_tier = NEXT_TIER.get(ticket.tier)
    if next_tier is None:
        return None
    return s.scalars(
        select(Queue).where(Queue.tier == next_tier).order_by(Queue.id).limit(1)
    ).first()


def _in_business_hours(s: Session, ticket: Ticket, store: SlaStore, now: dt.datetime) -> bool:
    calendar_id = s.scalar(
        select(TicketSla.calendar_id).where(TicketSla.ticket_id == ticket.id).limit(1)
    )
    if calendar_id is None:
        policy_id = choose_policy(s, ticket.client_id, now)
        if policy_id is not None:
            calendar_id = s.scalar(select(SlaPolicy.calendar_id).where(SlaPolicy.id == policy_id))
    if calendar_id is None:
        return True
    calendar, _ = store.calendar_in(s, calendar_id)
    return calendar.is_open_at(now)


def _body(
    reason: str,
    notes: str,
    from_queue: Queue | None,
    to_queue: Queue | None,
    following: Technician | None,
    outcome: EscalationOutcome,
) -> str:
    lines = [f"Reason: {reason}"]
    if notes:
        lines.append(f"Tried: {notes}")
    where = f"{from_queue.name if from_queue else 'No queue'} → "
    where += to_queue.name if to_queue else f"no {outcome.to_tier} queue"
    if following is not None:
        where += f"; {following.name} keeps following"
    lines.append(where + ".")
    if outcome.beyond_contract:
        lines.append(f"The contract covers up to {outcome.contract_max_tier} only.")
    return "\n".join(lines)


def _check_text(name: str, text: str, limit: int) -> dict[str, str]:
    if not text:
        return {name: "required"}
    if len(text) > limit:
        return {name: "too_long"}
    if _NUL in text:
        return {name: "invalid"}
    return {}


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")
