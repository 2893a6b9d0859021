"""Opening, creating and changing one ticket, and its append-only history timeline.

Each public method is one unit of work, callable from any thread (the GUI uses the write lane for
changes). Every change to a ticket writes history events in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import (
    Asset,
    Client,
    Contact,
    Contract,
    Queue,
    Technician,
    Ticket,
    TicketEvent,
)
from app.models.enums import (
    EventKind,
    Priority,
    SourceChannel,
    Status,
    StatusCategory,
    TicketType,
    Tier,
)
from app.models.ticket import format_number
from app.services.clock import Clock
from app.services.errors import (
    ValidationError,
)
from app.services.permissions import require_editor
from app.services.routing_apply import apply_routing, record_routing
from app.services.sla import SlaService
from app.services.ticket_store import load_ticket, ticket_conflict
from app.services.ticket_type_change import check_type_change
from app.services.vip_rule import apply_vip_rule, record_vip_rule

#: Longest subject the queue shows without truncation in the database.
SUBJECT_MAX: Final = 300
CATEGORY_MAX: Final = 200
CALL_REFERENCE_MAX: Final = 100
#: Upper bound on free-text fields: generous for pasted logs, bounded against accidents.
TEXT_MAX: Final = 200_000
#: A logged call longer than a working day is a typing mistake.
CALL_MINUTES_MAX: Final = 24 * 60
#: PostgreSQL text cannot hold NUL; refused ("invalid") on every backend so both behave alike.
_NUL: Final = "\x00"


@dataclass(frozen=True, slots=True)
class TicketFields:
    """The editable fields of a ticket, as a create or edit form holds them."""

    client_id: int
    contact_id: int | None
    type: TicketType
    category: str
    priority: Priority
    source: SourceChannel
    subject: str
    description: str = ""
    occurs_when_where: str = ""
    occurs_circumstances: str = ""
    not_occurs_circumstances: str = ""
    steps_tried: str = ""
    tier: Tier = Tier.L1
    queue_id: int | None = None
    assignee_id: int | None = None
    status: Status = Status.NEW
    #: The contract the work falls under and the device it is about (from the entitlement
    #: lookup at intake); both must belong to the ticket's client.
    contract_id: int | None = None
    asset_id: int | None = None


@dataclass(frozen=True, slots=True)
class TicketDetail:
    """A whole ticket with display names, as the ticket view shows it."""

    ticket_id: int
    fields: TicketFields
    status_category: StatusCategory
    client_name: str
    contact_name: str | None
    queue_name: str | None
    assignee_name: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    updated_by_name: str | None
    version: int

    @property
    def number(self) -> str:
        return format_number(self.ticket_id)


@dataclass(frozen=True, slots=True)
class TicketEventRow:
    """One history entry, oldest first in `TicketService.history()`."""

    event_id: int
    ticket_id: int
    at: dt.datetime
    actor_name: str | None
    kind: EventKind
    old_value: str
    new_value: str
    body: str
    duration_minutes: int | None
    call_reference: str
    #: Seen by the requester: a public reply, or a call with the requester (an SLA update).
    public: bool = False
    #: For an event of a ticket merged into this one: that ticket's number ("" for own events).
    source_number: str = ""


@dataclass(frozen=True, slots=True)
class TicketSaved:
    """The result of a change: the ticket as stored now, and what views should refresh."""

    detail: TicketDetail
    changes: Changes


_TEXT_FIELDS: Final = (
    "description",
    "occurs_when_where",
    "occurs_circumstances",
    "not_occurs_circumstances",
    "steps_tried",
)
_TIER_ORDER: Final = {t: i for i, t in enumerate(Tier)}
#: Statuses a plain edit may not set, and the code naming the use case that sets them.
_GUARDED: Final = {Status.RESOLVED: "use_resolve", Status.CLOSED: "use_close"}


class TicketService:
    """Use cases on single tickets. Any thread; each call commits its own unit of work."""

    def __init__(self, db: Database, clock: Clock, sla: SlaService | None = None) -> None:
        self._db = db
        self._clock = clock
        #: Recomputes the ticket's SLA clocks in the same transaction as each change.
        self._sla = sla

    # -- reads ---------------------------------------------------------------------------------

    def get(self, ticket_id: int) -> TicketDetail:
        with self._db.read() as s:
            return _detail(s, load_ticket(s, ticket_id))

    def history(self, ticket_id: int) -> list[TicketEventRow]:
        """The ticket's timeline, oldest first, with the events of the tickets merged into it
        (at any depth), each marked with its source ticket's number."""
        with self._db.read() as s:
            ids = _with_merged(s, ticket_id)
            stmt = (
                select(TicketEvent, Technician.name)
                .outerjoin(Technician, TicketEvent.actor_id == Technician.id)
                .where(TicketEvent.ticket_id.in_(ids))
                .order_by(TicketEvent.at, TicketEvent.id)
            )
            return [
                _event_row(e, name, "" if e.ticket_id == ticket_id else format_number(e.ticket_id))
                for e, name in s.execute(stmt).all()
            ]

    # -- writes --------------------------------------------------------------------------------

    def create(
        self,
        values: TicketFields,
        actor_id: int,
        *,
        also_in_transaction: Callable[[Session, Ticket], None] | None = None,
    ) -> TicketSaved:
        """Log a new ticket with its "created" event.

        `also_in_transaction(session, ticket)` runs inside this unit of work once the ticket and
        its events are flushed, so a caller's bookkeeping about the new ticket (the recurring
        sweep stamping its run row) commits or rolls back together with it; if it raises, no
        ticket is created.
        """
        values = _normalised(values)
        now = self._clock.now()
        with self._db.write() as s:
            _check_can_edit(s, actor_id)
            _validate(s, values)
            vip = apply_vip_rule(s, values)
            values = vip.values
            values, routed = apply_routing(s, values, now)
            status = (
                Status.ASSIGNED
                if values.assignee_id and values.status is Status.NEW
                else values.status
            )
            ticket = Ticket(
                created_at=now,
                updated_at=now,
                created_by_id=actor_id,
                updated_by_id=actor_id,
                status_category=status.category,
                is_open=status.is_open,
                sla_policy_id=routed.sla_policy_id,
                **{f.name: getattr(values, f.name) for f in fields(values) if f.name != "status"},
            )
            ticket.set_status(status, now)
            s.add(ticket)
            s.flush()
            s.add(
                TicketEvent(
                    ticket_id=ticket.id,
                    at=now,
                    actor_id=actor_id,
                    kind=EventKind.CREATED,
                    new_value=status.value,
                    body=values.subject,
                )
            )
            if values.assignee_id is not None:
                self._event(s, ticket, actor_id, EventKind.ASSIGNED, "", str(values.assignee_id))
            record_vip_rule(s, ticket.id, vip, now)
            record_routing(s, ticket.id, routed, now)
            self._recompute(s, ticket.id, now)
            s.flush()
            if also_in_transaction is not None:
                also_in_transaction(s, ticket)
            changes = Changes("ticket", frozenset({ticket.id}))
            self._db.announce(s, changes)
            s.flush()
            return TicketSaved(_detail(s, ticket), changes)

    def update(
        self,
        ticket_id: int,
        expected_version: int,
        values: TicketFields,
        actor_id: int,
        escalation_reason: str = "",
    ) -> TicketSaved:
        """Save an edit made on `expected_version`; refuse it if someone saved in between.

        Raising the tier is a functional escalation and needs `escalation_reason`.
        """
        values = _normalised(values)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                _check_can_edit(s, actor_id)
                ticket = load_ticket(s, ticket_id)
                if ticket.version != expected_version:
                    raise ticket_conflict(s, ticket)
                if ticket.merged_into_id is not None:
                    # Work goes on in the ticket it was merged into; this one is history.
                    raise ValidationError({"ticket": "merged"})
                _validate(s, values)
                if values.type is not ticket.type:
                    check_type_change(s, ticket, values.type)
                if values.status is not ticket.status and values.status in _GUARDED:
                    # Resolving and closing have guards (resolution, verification, CSAT):
                    # only ClosureService sets these; reopening from them stays a plain edit
                    # and keeps the recorded resolution and CSAT as history.
                    raise ValidationError({"status": _GUARDED[values.status]})
                vip = apply_vip_rule(s, values, ticket)
                values = vip.values
                if (
                    values.assignee_id
                    and ticket.assignee_id is None
                    and values.status is Status.NEW
                ):
                    values = replace(values, status=Status.ASSIGNED)
                raised = _TIER_ORDER[values.tier] > _TIER_ORDER[ticket.tier]
                if raised and not escalation_reason.strip():
                    raise ValidationError({"escalation_reason": "required"})
                if not self._apply(s, ticket, values, actor_id, escalation_reason.strip(), now):
                    return TicketSaved(_detail(s, ticket), Changes("ticket"))
                ticket.updated_at = now
                ticket.updated_by_id = actor_id
                record_vip_rule(s, ticket.id, vip, now)
                self._recompute(s, ticket.id, now)
                changes = Changes("ticket", frozenset({ticket.id}))
                self._db.announce(s, changes)
                s.flush()
                return TicketSaved(_detail(s, ticket), changes)
        except StaleDataError:
            # Another session committed between our read and our UPDATE.
            with self._db.read() as s:
                raise ticket_conflict(s, load_ticket(s, ticket_id)) from None

    def add_note(self, ticket_id: int, actor_id: int, body: str, *, public: bool) -> TicketSaved:
        """Append an internal note or a public reply. Does not touch the ticket's fields or version,
        so a technician may note while someone else edits."""
        body = body.strip()
        if not body:
            raise ValidationError({"body": "required"})
        if len(body) > TEXT_MAX:
            raise ValidationError({"body": "too_long"})
        if _NUL in body:
            raise ValidationError({"body": "invalid"})
        kind = EventKind.PUBLIC_REPLY if public else EventKind.INTERNAL_NOTE
        return self._append(ticket_id, actor_id, kind, body=body, public=public)

    def log_call(
        self,
        ticket_id: int,
        actor_id: int,
        summary: str,
        duration_minutes: int,
        call_reference: str = "",
        *,
        public: bool = True,
    ) -> TicketSaved:
        """Record a phone call on the timeline. A public call (with the requester) counts as a
        customer-visible update for the SLA; a call with a vendor is not public."""
        summary = summary.strip()
        problems: dict[str, str] = {}
        if not summary:
            problems["summary"] = "required"
        elif len(summary) > TEXT_MAX:
            problems["summary"] = "too_long"
        elif _NUL in summary:
            problems["summary"] = "invalid"
        if not 0 < duration_minutes <= CALL_MINUTES_MAX:
            problems["duration_minutes"] = "out_of_range"
        if len(call_reference.strip()) > CALL_REFERENCE_MAX:
            problems["call_reference"] = "too_long"
        elif _NUL in call_reference:
            problems["call_reference"] = "invalid"
        if problems:
            raise ValidationError(problems)
        return self._append(
            ticket_id,
            actor_id,
            EventKind.PHONE_CALL,
            body=summary,
            duration_minutes=duration_minutes,
            call_reference=call_reference.strip(),
            public=public,
        )

    # -- helpers -------------------------------------------------------------------------------

    def _append(
        self, ticket_id: int, actor_id: int, kind: EventKind, **values: object
    ) -> TicketSaved:
        now = self._clock.now()
        with self._db.write() as s:
            _check_can_edit(s, actor_id)
            ticket = load_ticket(s, ticket_id)
            s.add(TicketEvent(ticket_id=ticket_id, at=now, actor_id=actor_id, kind=kind, **values))
            # A plain UPDATE: the timeline moved but the fields did not, so the version stays.
            s.execute(update(Ticket).where(Ticket.id == ticket_id).values(updated_at=now))
            if values.get("public"):
                self._recompute(s, ticket_id, now)
            s.refresh(ticket)
            changes = Changes("ticket", frozenset({ticket_id}))
            self._db.announce(s, changes)
            return TicketSaved(_detail(s, ticket), changes)

    def _recompute(self, s: Session, ticket_id: int, now: dt.datetime) -> None:
        if self._sla is not None:
            self._sla.recompute_in(s, (ticket_id,), now)

    def _apply(
        self,
        s: Session,
        ticket: Ticket,
        values: TicketFields,
        actor_id: int,
        escalation_reason: str,
        now: dt.datetime,
    ) -> bool:
        """Copy changed fields onto `ticket`, writing one event per kind of change."""
        changed = False
        if values.status is not ticket.status:
            self._event(s, ticket, actor_id, EventKind.STATUS_CHANGED, ticket.status, values.status)
            ticket.set_status(values.status, now)
            changed = True
        if values.assignee_id != ticket.assignee_id:
            self._event(
                s,
                ticket,
                actor_id,
                EventKind.ASSIGNED,
                _id(ticket.assignee_id),
                _id(values.assignee_id),
            )
            changed = True
        if values.priority is not ticket.priority:
            self._event(
                s, ticket, actor_id, EventKind.PRIORITY_CHANGED, ticket.priority, values.priority
            )
            changed = True
        if values.tier is not ticket.tier:
            kind = EventKind.ESCALATION if escalation_reason else EventKind.TIER_CHANGED
            self._event(s, ticket, actor_id, kind, ticket.tier, values.tier, escalation_reason)
            changed = True
        if values.queue_id != ticket.queue_id:
            self._event(
                s,
                ticket,
                actor_id,
                EventKind.QUEUE_CHANGED,
                _id(ticket.queue_id),
                _id(values.queue_id),
            )
            changed = True
        others = [
            f.name
            for f in fields(values)
            if f.name not in ("status", "assignee_id", "priority", "tier", "queue_id")
            and getattr(values, f.name) != getattr(ticket, f.name)
        ]
        if others:
            self._event(s, ticket, actor_id, EventKind.FIELDS_CHANGED, "", ", ".join(others))
            changed = True
        for f in fields(values):
            if f.name != "status":
                setattr(ticket, f.name, getattr(values, f.name))
        return changed

    def _event(
        self,
        s: Session,
        ticket: Ticket,
        actor_id: int,
        kind: EventKind,
        old: str,
        new: str,
        body: str = "",
    ) -> None:
        s.add(
            TicketEvent(
                ticket_id=ticket.id,
                at=self._clock.now(),
                actor_id=actor_id,
                kind=kind,
                old_value=str(old),
                new_value=str(new),
                body=body,
            )
        )


def _id(value: int | None) -> str:
    return "" if value is None else str(value)


def _normalised(values: TicketFields) -> TicketFields:
    # Single-line fields lose stray spaces; multi-line text keeps exactly what was typed.
    return replace(values, subject=values.subject.strip(), category=values.category.strip())


def _validate(s: Session, v: TicketFields) -> None:
    problems: dict[str, str] = {}
    if not v.subject:
        problems["subject"] = "required"
    elif len(v.subject) > SUBJECT_MAX:
        problems["subject"] = "too_long"
    if len(v.category) > CATEGORY_MAX:
        problems["category"] = "too_long"
    for name in _TEXT_FIELDS:
        if len(getattr(v, name)) > TEXT_MAX:
            problems[name] = "too_long"
    for name in ("subject", "category", *_TEXT_FIELDS):
        if name not in problems and _NUL in getattr(v, name):
            problems[name] = "invalid"
    if s.get(Client, v.client_id) is None:
        problems["client_id"] = "not_found"
    if v.contact_id is not None:
        contact = s.get(Contact, v.contact_id)
        if contact is None:
            problems["contact_id"] = "not_found"
        elif contact.client_id != v.client_id:
            problems["contact_id"] = "other_client"
    for name, owner in (
        ("contract_id", select(Contract.client_id).where(Contract.id == v.contract_id)),
        ("asset_id", select(Asset.client_id).where(Asset.id == v.asset_id)),
    ):
        if getattr(v, name) is not None:
            client_id = s.scalar(owner)
            if client_id is None:
                problems[name] = "not_found"
            elif client_id != v.client_id:
                problems[name] = "other_client"
    if v.queue_id is not None and s.get(Queue, v.queue_id) is None:
        problems["queue_id"] = "not_found"
    if v.assignee_id is not None:
        tech = s.get(Technician, v.assignee_id)
        if tech is None or not tech.active:
            problems["assignee_id"] = "not_found"
    if problems:
        raise ValidationError(problems)


def _check_can_edit(s: Session, actor_id: int) -> None:
    require_editor(s, actor_id, "edit_ticket")


_Assignee = aliased(Technician, name="assignee")
_Editor = aliased(Technician, name="editor")


def _detail(s: Session, t: Ticket) -> TicketDetail:
    """The ticket with its display names, fetched in one query rather than one per name."""
    client, contact, queue, assignee, editor = s.execute(
        select(Client.name, Contact.name, Queue.name, _Assignee.name, _Editor.name)
        .select_from(Ticket)
        .join(Client, Ticket.client_id == Client.id)
        .outerjoin(Contact, Ticket.contact_id == Contact.id)
        .outerjoin(Queue, Ticket.queue_id == Queue.id)
        .outerjoin(_Assignee, Ticket.assignee_id == _Assignee.id)
        .outerjoin(_Editor, Ticket.updated_by_id == _Editor.id)
        .where(Ticket.id == t.id)
    ).one()
    values = TicketFields(**{f.name: getattr(t, f.name) for f in fields(TicketFields)})
    return TicketDetail(
        ticket_id=t.id,
        fields=values,
        status_category=t.status_category,
        client_name=client,
        contact_name=contact,
        queue_name=queue,
        assignee_name=assignee,
        created_at=t.created_at,
        updated_at=t.updated_at,
        resolved_at=t.resolved_at,
        closed_at=t.closed_at,
        updated_by_name=editor,
        version=t.version,
    )


def _with_merged(s: Session, ticket_id: int) -> list[int]:
    """The ticket and every ticket merged into it, directly or through another merged one."""
    ids = [ticket_id]
    frontier = [ticket_id]
    while frontier:
        frontier = [
            i
            for i in s.scalars(select(Ticket.id).where(Ticket.merged_into_id.in_(frontier)))
            if i not in ids
        ]
        ids += frontier
    return ids


def _event_row(e: TicketEvent, actor_name: str | None, source_number: str = "") -> TicketEventRow:
    return TicketEventRow(
        event_id=e.id,
        ticket_id=e.ticket_id,
        at=e.at,
        actor_name=actor_name,
        kind=e.kind,
        old_value=e.old_value,
        new_value=e.new_value,
        body=e.body,
        duration_minutes=e.duration_minutes,
        call_reference=e.call_reference,
        public=e.public,
        source_number=source_number,
    )
