"""app/services/tickets.py: create, edit, optimistic locking, notes, calls and the history timeline.

Every database test runs on SQLite and PostgreSQL (the `db` fixture). The concurrency tests use a
database of their own, because two connections cannot see each other's rolled-back test data.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select

from app.db import Database, upgrade_database
from app.models import Ticket, TicketEvent
from app.models.enums import (
    EventKind,
    Priority,
    Role,
    SourceChannel,
    Status,
    StatusCategory,
    TicketType,
    Tier,
)
from app.services.closure import ClosureService, CsatInput
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.tickets import TicketDetail, TicketFields, TicketService
from tests.domain import CATEGORY
from tests.factories import add_client, add_contact, add_queue, add_technician
from tests.fakes import DEFAULT_NOW, FakeClock

#: An id no test database reaches (and still a 32-bit integer).
MISSING = 2_000_000_000
CLOSED_STATUSES = {Status.CLOSED, Status.CANCELLED}


@dataclass(frozen=True)
class Desk:
    """The records a ticket refers to."""

    client: int
    other_client: int
    contact: int
    contact_b: int
    other_contact: int
    queue: int
    queue_b: int
    alice: int
    bob: int
    carol: int
    retired: int


@pytest.fixture
def desk(db: Database) -> Desk:
    client = add_client(db, "Acme Dental")
    other = add_client(db, "Brouwerij De Kroon")
    return Desk(
        client=client,
        other_client=other,
        contact=add_contact(db, client, "Anna Jansen"),
        contact_b=add_contact(db, client, "Ben Peeters"),
        other_contact=add_contact(db, other, "Carla Rossi"),
        queue=add_queue(db, "Service desk", Tier.L1),
        queue_b=add_queue(db, "Infrastructure", Tier.L2),
        alice=add_technician(db, "Alice Martin"),
        bob=add_technician(db, "Bob Novak"),
        carol=add_technician(db, "Carol Smith", tier=Tier.L2),
        retired=add_technician(db, "Former Tech", active=False),
    )


@pytest.fixture
def tickets(db: Database, clock: FakeClock) -> TicketService:
    return TicketService(db, clock)


def base_fields(desk: Desk, **changes: Any) -> TicketFields:
    values = TicketFields(
        client_id=desk.client,
        contact_id=desk.contact,
        type=TicketType.INCIDENT,
        category="End-user computing › Windows 11 › Outlook",
        priority=Priority.P3,
        source=SourceChannel.PHONE,
        subject="Outlook keeps asking for password",
        description="Since this morning.",
        queue_id=desk.queue,
    )
    return replace(values, **changes)


def count(db: Database, model: type[Ticket] | type[TicketEvent]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@dataclass(frozen=True)
class Stored:
    """Columns of the ticket row that `TicketDetail` does not carry."""

    is_open: bool
    version: int


def stored(db: Database, ticket_id: int) -> Stored:
    with db.read() as s:
        t = s.get(Ticket, ticket_id)
        assert t is not None
        return Stored(t.is_open, t.version)


def kinds(tickets: TicketService, ticket_id: int) -> list[EventKind]:
    return [e.kind for e in tickets.history(ticket_id)]


# --- create -----------------------------------------------------------------------------------


def test_create_stores_the_fields_and_a_created_event(
    db: Database, tickets: TicketService, desk: Desk, clock: FakeClock
) -> None:
    values = base_fields(desk)
    saved = tickets.create(values, desk.alice)
    d = saved.detail

    assert d.fields == values
    assert d.status_category is StatusCategory.NEW
    assert (d.client_name, d.contact_name, d.queue_name) == (
        "Acme Dental",
        "Anna Jansen",
        "Service desk",
    )
    assert d.assignee_name is None
    assert d.created_at == d.updated_at == clock.now()
    assert d.resolved_at is None and d.closed_at is None
    assert d.updated_by_name == "Alice Martin"
    assert d.version == 1
    assert d.number == f"T-{d.ticket_id:06d}"
    assert saved.changes.kind == "ticket" and saved.changes.ids == {d.ticket_id}
    assert tickets.get(d.ticket_id) == d

    [created] = tickets.history(d.ticket_id)
    assert created.kind is EventKind.CREATED
    assert (created.at, created.actor_name) == (clock.now(), "Alice Martin")
    assert created.new_value == "new"
    assert created.body == values.subject
    assert stored(db, d.ticket_id).is_open is True


def test_create_with_an_assignee_makes_a_new_ticket_assigned(
    tickets: TicketService, desk: Desk
) -> None:
    d = tickets.create(base_fields(desk, assignee_id=desk.bob), desk.alice).detail

    assert d.fields.status is Status.ASSIGNED
    assert d.status_category is StatusCategory.OPEN
    assert d.assignee_name == "Bob Novak"
    created, assigned = tickets.history(d.ticket_id)
    assert created.kind is EventKind.CREATED and created.new_value == "assigned"
    assert assigned.kind is EventKind.ASSIGNED
    assert (assigned.old_value, assigned.new_value) == ("", str(desk.bob))


def test_create_with_an_assignee_keeps_a_status_other_than_new(
    tickets: TicketService, desk: Desk
) -> None:
    values = base_fields(desk, assignee_id=desk.bob, status=Status.IN_PROGRESS)
    d = tickets.create(values, desk.alice).detail
    assert d.fields.status is Status.IN_PROGRESS
    assert kinds(tickets, d.ticket_id) == [EventKind.CREATED, EventKind.ASSIGNED]


def test_create_resolved_sets_the_resolution_instant(
    db: Database, tickets: TicketService, desk: Desk, clock: FakeClock
) -> None:
    d = tickets.create(base_fields(desk, status=Status.RESOLVED), desk.alice).detail
    assert d.resolved_at == clock.now()
    assert d.status_category is StatusCategory.RESOLVED
    assert stored(db, d.ticket_id).is_open is False


def test_create_trims_single_line_fields_only(tickets: TicketService, desk: Desk) -> None:
    values = base_fields(
        desk,
        subject="  Printer offline \t",
        category=" Printing › Printer ",
        description="  first line\n\tindented\n",
    )
    d = tickets.create(values, desk.alice).detail
    assert d.fields.subject == "Printer offline"
    assert d.fields.category == "Printing › Printer"
    assert d.fields.description == "  first line\n\tindented\n"


def refused_creates() -> list[Any]:
    """(id, changes from the desk, expected problems)."""
    return [
        pytest.param(lambda d: {"subject": ""}, {"subject": "required"}, id="empty-subject"),
        pytest.param(lambda d: {"subject": " \t "}, {"subject": "required"}, id="blank-subject"),
        pytest.param(lambda d: {"subject": "x" * 301}, {"subject": "too_long"}, id="long-subject"),
        pytest.param(
            lambda d: {"category": "c" * 201}, {"category": "too_long"}, id="long-category"
        ),
        pytest.param(
            lambda d: {"steps_tried": "s" * 200_001},
            {"steps_tried": "too_long"},
            id="long-text",
        ),
        # PostgreSQL cannot store NUL; both backends must refuse it the same way.
        pytest.param(
            lambda d: {"description": "log\x00tail"}, {"description": "invalid"}, id="nul-text"
        ),
        pytest.param(lambda d: {"subject": "a\x00b"}, {"subject": "invalid"}, id="nul-subject"),
        pytest.param(
            lambda d: {"contact_id": d.other_contact},
            {"contact_id": "other_client"},
            id="contact-of-another-client",
        ),
        pytest.param(
            lambda d: {"contact_id": MISSING}, {"contact_id": "not_found"}, id="unknown-contact"
        ),
        pytest.param(
            lambda d: {"client_id": MISSING, "contact_id": None},
            {"client_id": "not_found"},
            id="unknown-client",
        ),
        pytest.param(
            lambda d: {"queue_id": MISSING}, {"queue_id": "not_found"}, id="unknown-queue"
        ),
        pytest.param(
            lambda d: {"assignee_id": MISSING}, {"assignee_id": "not_found"}, id="unknown-assignee"
        ),
        pytest.param(
            lambda d: {"assignee_id": d.retired},
            {"assignee_id": "not_found"},
            id="inactive-assignee",
        ),
        pytest.param(
            lambda d: {"subject": "", "queue_id": MISSING, "contact_id": d.other_contact},
            {"subject": "required", "queue_id": "not_found", "contact_id": "other_client"},
            id="all-problems-at-once",
        ),
    ]


@pytest.mark.parametrize(("changes", "problems"), refused_creates())
def test_a_refused_create_writes_nothing(
    db: Database,
    tickets: TicketService,
    desk: Desk,
    changes: Callable[[Desk], dict[str, Any]],
    problems: dict[str, str],
) -> None:
    before = count(db, Ticket), count(db, TicketEvent)
    with pytest.raises(ValidationError) as e:
        tickets.create(base_fields(desk, **changes(desk)), desk.alice)
    assert e.value.problems == problems
    assert (count(db, Ticket), count(db, TicketEvent)) == before


def test_subject_of_exactly_the_maximum_length_is_accepted(
    tickets: TicketService, desk: Desk
) -> None:
    # 300 characters, not bytes: each emoji is four bytes in UTF-8.
    subject = "🖨" * 300
    d = tickets.create(base_fields(desk, subject=subject), desk.alice).detail
    assert tickets.get(d.ticket_id).fields.subject == subject


# --- update: one event per kind of change -----------------------------------------------------


@pytest.fixture
def ticket(tickets: TicketService, desk: Desk, clock: FakeClock) -> TicketDetail:
    """An assigned L1 ticket created by Alice; the clock then moves on an hour."""
    d = tickets.create(base_fields(desk, assignee_id=desk.alice), desk.alice).detail
    clock.advance(hours=1)
    return d


def edit_cases() -> list[Any]:
    """(edit, expected event kind, old value, new value), on the `ticket` fixture."""
    return [
        pytest.param(
            lambda d: {"status": Status.IN_PROGRESS},
            EventKind.STATUS_CHANGED,
            lambda d: ("assigned", "in_progress"),
            id="status",
        ),
        pytest.param(
            lambda d: {"assignee_id": d.bob},
            EventKind.ASSIGNED,
            lambda d: (str(d.alice), str(d.bob)),
            id="reassign",
        ),
        pytest.param(
            lambda d: {"assignee_id": None},
            EventKind.ASSIGNED,
            lambda d: (str(d.alice), ""),
            id="unassign",
        ),
        pytest.param(
            lambda d: {"priority": Priority.P1},
            EventKind.PRIORITY_CHANGED,
            lambda d: ("P3", "P1"),
            id="priority",
        ),
        pytest.param(
            lambda d: {"tier": Tier.L0},
            EventKind.TIER_CHANGED,
            lambda d: ("L1", "L0"),
            id="tier-lowered",
        ),
        pytest.param(
            lambda d: {"queue_id": d.queue_b},
            EventKind.QUEUE_CHANGED,
            lambda d: (str(d.queue), str(d.queue_b)),
            id="queue",
        ),
        pytest.param(
            lambda d: {"queue_id": None},
            EventKind.QUEUE_CHANGED,
            lambda d: (str(d.queue), ""),
            id="queue-removed",
        ),
    ]


@pytest.mark.parametrize(("edit", "kind", "old_new"), edit_cases())
def test_each_kind_of_edit_writes_one_event_and_round_trips(
    db: Database,
    tickets: TicketService,
    desk: Desk,
    ticket: TicketDetail,
    clock: FakeClock,
    edit: Callable[[Desk], dict[str, Any]],
    kind: EventKind,
    old_new: Callable[[Desk], tuple[str, str]],
) -> None:
    events_before = len(tickets.history(ticket.ticket_id))
    values = replace(ticket.fields, **edit(desk))

    saved = tickets.update(ticket.ticket_id, ticket.version, values, desk.bob)

    assert saved.detail.fields == values
    assert saved.detail.version == ticket.version + 1
    assert saved.detail.updated_at == clock.now() != ticket.updated_at
    assert saved.detail.updated_by_name == "Bob Novak"
    assert saved.changes.ids == {ticket.ticket_id}
    assert tickets.get(ticket.ticket_id) == saved.detail
    history = tickets.history(ticket.ticket_id)
    assert len(history) == events_before + 1
    last = history[-1]
    assert last.kind is kind
    assert (last.old_value, last.new_value) == old_new(desk)
    assert (last.at, last.actor_name, last.body) == (clock.now(), "Bob Novak", "")


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param(lambda d: {"subject": "Outlook crashes on start"}, id="subject"),
        pytest.param(lambda d: {"description": "New details."}, id="description"),
        pytest.param(lambda d: {"category": "Printing"}, id="category"),
        pytest.param(lambda d: {"type": TicketType.SERVICE_REQUEST}, id="type"),
        pytest.param(lambda d: {"source": SourceChannel.EMAIL}, id="source"),
        pytest.param(lambda d: {"contact_id": d.contact_b}, id="contact"),
        pytest.param(lambda d: {"occurs_when_where": "At the front desk"}, id="when-where"),
        pytest.param(lambda d: {"occurs_circumstances": "After login"}, id="circumstances"),
        pytest.param(lambda d: {"not_occurs_circumstances": "On the VPN"}, id="not-circumst"),
        pytest.param(lambda d: {"steps_tried": "Rebooted"}, id="steps-tried"),
        pytest.param(
            lambda d: {"client_id": d.other_client, "contact_id": d.other_contact}, id="client"
        ),
        pytest.param(
            lambda d: {"subject": "Other", "description": "More", "steps_tried": "Nothing"},
            id="three-fields",
        ),
    ],
)
def test_other_field_edits_write_one_fields_changed_event_naming_them(
    tickets: TicketService,
    desk: Desk,
    ticket: TicketDetail,
    changes: Callable[[Desk], dict[str, Any]],
) -> None:
    edit = changes(desk)
    values = replace(ticket.fields, **edit)
    before = len(tickets.history(ticket.ticket_id))
    saved = tickets.update(ticket.ticket_id, ticket.version, values, desk.bob)

    assert saved.detail.fields == values
    assert saved.detail.version == ticket.version + 1
    assert tickets.get(ticket.ticket_id).fields == values
    [fields_changed] = tickets.history(ticket.ticket_id)[before:]
    assert fields_changed.kind is EventKind.FIELDS_CHANGED
    assert set(fields_changed.new_value.split(", ")) == set(edit)


def test_a_combined_edit_writes_one_event_per_kind(
    tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    values = replace(
        ticket.fields,
        status=Status.WAITING_CUSTOMER,
        assignee_id=desk.bob,
        priority=Priority.P2,
        tier=Tier.L0,
        queue_id=desk.queue_b,
        subject="Changed subject",
        description="Changed description",
    )
    tickets.update(ticket.ticket_id, ticket.version, values, desk.bob)

    new = kinds(tickets, ticket.ticket_id)[2:]
    assert sorted(new) == sorted(
        [
            EventKind.STATUS_CHANGED,
            EventKind.ASSIGNED,
            EventKind.PRIORITY_CHANGED,
            EventKind.TIER_CHANGED,
            EventKind.QUEUE_CHANGED,
            EventKind.FIELDS_CHANGED,
        ]
    )
    assert tickets.get(ticket.ticket_id).fields == values


def test_saving_without_changes_writes_nothing(
    tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    saved = tickets.update(ticket.ticket_id, ticket.version, ticket.fields, desk.bob)
    assert saved.detail == ticket
    assert saved.changes.ids == frozenset()
    assert len(tickets.history(ticket.ticket_id)) == 2


def test_assigning_a_new_ticket_makes_it_assigned(
    tickets: TicketService, desk: Desk, clock: FakeClock
) -> None:
    d = tickets.create(base_fields(desk), desk.alice).detail
    saved = tickets.update(
        d.ticket_id, d.version, replace(d.fields, assignee_id=desk.carol), desk.alice
    )
    assert saved.detail.fields.status is Status.ASSIGNED
    assert saved.detail.assignee_name == "Carol Smith"
    status, assigned = tickets.history(d.ticket_id)[1:]
    assert status.kind is EventKind.STATUS_CHANGED
    assert (status.old_value, status.new_value) == ("new", "assigned")
    assert assigned.kind is EventKind.ASSIGNED


def test_raising_the_tier_with_a_reason_is_an_escalation(
    tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    values = replace(ticket.fields, tier=Tier.L3, assignee_id=desk.carol)
    saved = tickets.update(
        ticket.ticket_id,
        ticket.version,
        values,
        desk.alice,
        escalation_reason="  Needs a domain admin; tried resetting the profile. ",
    )
    assert saved.detail.fields.tier is Tier.L3
    escalations = [e for e in tickets.history(ticket.ticket_id) if e.kind is EventKind.ESCALATION]
    [escalation] = escalations
    assert (escalation.old_value, escalation.new_value) == ("L1", "L3")
    assert escalation.body == "Needs a domain admin; tried resetting the profile."
    assert EventKind.TIER_CHANGED not in kinds(tickets, ticket.ticket_id)


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_raising_the_tier_without_a_reason_is_refused_and_writes_nothing(
    db: Database, tickets: TicketService, desk: Desk, ticket: TicketDetail, reason: str
) -> None:
    events = count(db, TicketEvent)
    # Other changes in the same save are not written either.
    values = replace(ticket.fields, tier=Tier.L2, subject="Escalate me", priority=Priority.P1)
    with pytest.raises(ValidationError) as e:
        tickets.update(ticket.ticket_id, ticket.version, values, desk.alice, reason)
    assert e.value.problems == {"escalation_reason": "required"}
    assert tickets.get(ticket.ticket_id) == ticket
    assert count(db, TicketEvent) == events


def test_lowering_the_tier_needs_no_reason(
    tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    escalated = tickets.update(
        ticket.ticket_id,
        ticket.version,
        replace(ticket.fields, tier=Tier.L3),
        desk.alice,
        "vendor case",
    ).detail
    lowered = tickets.update(
        escalated.ticket_id, escalated.version, replace(escalated.fields, tier=Tier.L2), desk.alice
    ).detail
    assert lowered.fields.tier is Tier.L2
    assert kinds(tickets, ticket.ticket_id)[-1] is EventKind.TIER_CHANGED


def test_a_type_change_that_would_break_links_or_a_change_record_is_refused(
    db: Database, tickets: TicketService, desk: Desk, clock: FakeClock
) -> None:
    from app.models import ChangePlan
    from app.services.ticket_links import CAUSED_BY, TicketLinkService

    def new(kind: TicketType) -> TicketDetail:
        return tickets.create(base_fields(desk, type=kind), desk.alice).detail

    def retype(ticket_id: int, kind: TicketType) -> TicketDetail:
        d = tickets.get(ticket_id)
        return tickets.update(ticket_id, d.version, replace(d.fields, type=kind), desk.alice).detail

    def refused(ticket_id: int, kind: TicketType) -> str:
        before = stored(db, ticket_id).version
        with pytest.raises(ValidationError) as e:
            retype(ticket_id, kind)
        assert stored(db, ticket_id).version == before
        return e.value.problems["type"]

    problem, incident = new(TicketType.PROBLEM), new(TicketType.INCIDENT)
    TicketLinkService(db, clock).link(incident.ticket_id, problem.ticket_id, CAUSED_BY, desk.alice)
    assert refused(problem.ticket_id, TicketType.INCIDENT) == "has_incidents"
    assert refused(incident.ticket_id, TicketType.PROBLEM) == "linked_to_problem"
    assert refused(incident.ticket_id, TicketType.CHANGE) == "linked_to_problem"
    # A service request may be caused by a problem too; a problem without incidents is free.
    assert retype(incident.ticket_id, TicketType.SERVICE_REQUEST).fields.type is (
        TicketType.SERVICE_REQUEST
    )
    assert retype(new(TicketType.PROBLEM).ticket_id, TicketType.INCIDENT).fields.type is (
        TicketType.INCIDENT
    )

    draft, submitted = new(TicketType.CHANGE), new(TicketType.CHANGE)
    with db.write() as s:
        s.add(ChangePlan(ticket_id=draft.ticket_id, state="draft"))
        s.add(ChangePlan(ticket_id=submitted.ticket_id, state="awaiting_approval"))
    assert refused(submitted.ticket_id, TicketType.INCIDENT) == "change_in_progress"
    assert retype(draft.ticket_id, TicketType.INCIDENT).fields.type is TicketType.INCIDENT


def test_a_refused_edit_writes_nothing(
    db: Database, tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    events = count(db, TicketEvent)
    values = replace(ticket.fields, subject="", priority=Priority.P1, assignee_id=desk.retired)
    with pytest.raises(ValidationError) as e:
        tickets.update(ticket.ticket_id, ticket.version, values, desk.bob)
    assert e.value.problems == {"subject": "required", "assignee_id": "not_found"}
    assert tickets.get(ticket.ticket_id) == ticket
    assert count(db, TicketEvent) == events


def test_an_edit_with_a_nul_character_is_refused_on_every_backend(
    db: Database, tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    events = count(db, TicketEvent)
    values = replace(ticket.fields, steps_tried="pasted\x00from a binary log")
    with pytest.raises(ValidationError) as e:
        tickets.update(ticket.ticket_id, ticket.version, values, desk.bob)
    assert e.value.problems == {"steps_tried": "invalid"}
    assert tickets.get(ticket.ticket_id) == ticket
    assert count(db, TicketEvent) == events


def test_unknown_ticket_is_not_found(tickets: TicketService, desk: Desk) -> None:
    with pytest.raises(NotFoundError) as e:
        tickets.get(MISSING)
    assert (e.value.kind, e.value.record_id) == ("ticket", MISSING)
    with pytest.raises(NotFoundError):
        tickets.update(MISSING, 1, base_fields(desk), desk.alice)
    with pytest.raises(NotFoundError):
        tickets.add_note(MISSING, desk.alice, "hello", public=False)
    with pytest.raises(NotFoundError):
        tickets.log_call(MISSING, desk.alice, "called", 5)
    assert tickets.history(MISSING) == []


# --- status instants --------------------------------------------------------------------------


def set_status_any_way(
    db: Database,
    clock: FakeClock,
    tickets: TicketService,
    d: TicketDetail,
    status: Status,
    actor: int,
) -> TicketDetail:
    """`status` through the plain edit, or through ClosureService for Resolved and Closed (the
    plain edit refuses those so the resolution and CSAT guards cannot be skipped)."""
    closure = ClosureService(db, clock)
    if status not in (Status.RESOLVED, Status.CLOSED):
        return tickets.update(
            d.ticket_id, d.version, replace(d.fields, status=status), actor
        ).detail
    if d.fields.status is not Status.RESOLVED:
        fix = "Reset the password and re-entered it in Outlook."
        d = closure.resolve(d.ticket_id, d.version, fix, "fixed", False, actor).detail
    if status is Status.CLOSED:
        closure.verify(d.ticket_id, "phone", clock.now(), "", actor)
        d = closure.close(d.ticket_id, d.version, CsatInput("declined"), actor).detail
    return d


@pytest.mark.parametrize("status", list(Status))
def test_every_status_sets_category_open_flag_and_instants(
    db: Database,
    clock: FakeClock,
    tickets: TicketService,
    desk: Desk,
    ticket: TicketDetail,
    status: Status,
) -> None:
    saved = set_status_any_way(db, clock, tickets, ticket, status, desk.alice)
    now = saved.updated_at
    assert saved.status_category is CATEGORY[status]
    assert stored(db, ticket.ticket_id).is_open is (
        CATEGORY[status] not in (StatusCategory.RESOLVED, StatusCategory.CLOSED)
    )
    # Closing goes through resolving first (ClosureService), so a closed ticket keeps when it
    # was resolved; a cancelled one never was.
    resolved = (Status.RESOLVED, Status.CLOSED)
    assert saved.resolved_at == (now if status in resolved else None)
    assert saved.closed_at == (now if status in CLOSED_STATUSES else None)


def test_resolve_close_and_reopen(
    db: Database, tickets: TicketService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    def set_status(d: TicketDetail, status: Status) -> TicketDetail:
        clock.advance(minutes=30)
        return set_status_any_way(db, clock, tickets, d, status, desk.alice)

    resolved = set_status(ticket, Status.RESOLVED)
    resolved_at = clock.now()
    assert resolved.resolved_at == resolved_at
    assert stored(db, ticket.ticket_id).is_open is False

    closed = set_status(resolved, Status.CLOSED)
    assert (closed.resolved_at, closed.closed_at) == (resolved_at, clock.now())
    assert closed.status_category is StatusCategory.CLOSED

    reopened = set_status(closed, Status.IN_PROGRESS)
    assert (reopened.resolved_at, reopened.closed_at) == (None, None)
    assert reopened.status_category is StatusCategory.OPEN
    assert stored(db, ticket.ticket_id).is_open is True
    assert tickets.get(ticket.ticket_id) == reopened


# --- optimistic locking -----------------------------------------------------------------------


def test_the_second_of_two_edits_on_the_same_version_is_refused(
    tickets: TicketService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    # Alice and Bob both opened version v.
    alices = replace(ticket.fields, priority=Priority.P1, subject="Alice's subject")
    bobs = replace(ticket.fields, priority=Priority.P4, subject="Bob's subject")
    first = tickets.update(ticket.ticket_id, ticket.version, alices, desk.alice).detail
    saved_at = clock.now()
    assert first.version == ticket.version + 1
    events = len(tickets.history(ticket.ticket_id))

    clock.advance(minutes=5)
    with pytest.raises(ConcurrentEditError) as e:
        tickets.update(ticket.ticket_id, ticket.version, bobs, desk.bob)

    conflict = e.value
    assert (conflict.kind, conflict.record_id) == ("ticket", ticket.ticket_id)
    assert conflict.current_version == ticket.version + 1
    assert conflict.changed_by == "Alice Martin"
    assert conflict.changed_at == saved_at
    assert tickets.get(ticket.ticket_id).fields == alices
    assert len(tickets.history(ticket.ticket_id)) == events

    # Bob reloads and saves again on the current version.
    again = tickets.update(ticket.ticket_id, conflict.current_version, bobs, desk.bob).detail
    assert again.fields == bobs and again.version == ticket.version + 2


def test_a_stale_version_is_refused_even_when_the_edit_is_invalid(
    tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    tickets.update(
        ticket.ticket_id, ticket.version, replace(ticket.fields, subject="First"), desk.alice
    )
    with pytest.raises(ConcurrentEditError):
        tickets.update(
            ticket.ticket_id, ticket.version, replace(ticket.fields, subject=""), desk.bob
        )


def test_notes_and_calls_do_not_conflict_with_an_open_edit(
    tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    tickets.add_note(ticket.ticket_id, desk.bob, "Called the vendor", public=False)
    tickets.log_call(ticket.ticket_id, desk.bob, "Left a voicemail", 2)
    values = replace(ticket.fields, priority=Priority.P2)
    saved = tickets.update(ticket.ticket_id, ticket.version, values, desk.alice).detail
    assert saved.fields == values


@dataclass
class TwoDesks:
    """Two apps on one shared database: separate engines, so separate connections."""

    engine_a: Engine
    a: TicketService
    b: TicketService
    clock_b: FakeClock
    ticket: TicketDetail
    alice: int
    bob: int


@pytest.fixture
def two_desks(fresh_db_url: str, make_engine: Callable[[str], Engine]) -> Iterator[TwoDesks]:
    engine_a, engine_b = make_engine(fresh_db_url), make_engine(fresh_db_url)
    upgrade_database(engine_a, backups_dir=None)
    db_a, db_b = Database(engine_a), Database(engine_b)
    client = add_client(db_a, "Acme Dental")
    alice = add_technician(db_a, "Alice Martin")
    bob = add_technician(db_a, "Bob Novak")
    clock_a = FakeClock()
    clock_b = FakeClock(DEFAULT_NOW + dt.timedelta(minutes=7))
    a = TicketService(db_a, clock_a)
    values = TicketFields(
        client_id=client,
        contact_id=None,
        type=TicketType.INCIDENT,
        category="",
        priority=Priority.P3,
        source=SourceChannel.PHONE,
        subject="Shared ticket",
    )
    ticket = a.create(values, alice).detail
    yield TwoDesks(engine_a, a, TicketService(db_b, clock_b), clock_b, ticket, alice, bob)


def run_before_updating_the_ticket(engine: Engine, action: Callable[[], None]) -> None:
    """Run `action` once, when `engine` is about to send its first UPDATE of a ticket row:
    after the unit of work loaded and checked the ticket, before its write reaches the table."""
    fired = False

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        nonlocal fired
        if not fired and statement.lstrip().upper().startswith("UPDATE TICKET "):
            fired = True
            action()

    event.listen(engine, "before_cursor_execute", before)


def test_an_edit_committed_during_another_edit_is_never_lost(two_desks: TwoDesks) -> None:
    """A real race between two connections: Bob saves while Alice's save is half done.

    PostgreSQL lets Bob commit in between, so Alice's UPDATE finds the version moved
    (StaleDataError) and her save must be refused naming Bob. SQLite queues writers
    (BEGIN IMMEDIATE), so Bob waits for Alice's commit and then his stale version is refused.
    """
    w = two_desks
    t = w.ticket
    alices = replace(t.fields, priority=Priority.P1)
    bobs = replace(t.fields, priority=Priority.P4)
    bob_result: list[BaseException | TicketDetail] = []
    bob_done = threading.Event()
    bob_done_while_alice_saved: list[bool] = []

    def bob_saves() -> None:
        try:
            bob_result.append(w.b.update(t.ticket_id, t.version, bobs, w.bob).detail)
        except BaseException as e:
            bob_result.append(e)
        finally:
            bob_done.set()

    postgresql = w.engine_a.dialect.name == "postgresql"

    def in_the_middle_of_alices_save() -> None:
        if postgresql:
            bob_saves()
        else:
            threading.Thread(target=bob_saves).start()
            bob_done_while_alice_saved.append(bob_done.wait(0.5))

    run_before_updating_the_ticket(w.engine_a, in_the_middle_of_alices_save)
    alice_error: ConcurrentEditError | None = None
    try:
        w.a.update(t.ticket_id, t.version, alices, w.alice)
    except ConcurrentEditError as e:
        alice_error = e
    assert bob_done.wait(10)
    [bob_outcome] = bob_result
    final = w.a.get(t.ticket_id)
    events = [(e.kind, e.actor_name) for e in w.a.history(t.ticket_id)]

    if postgresql:
        assert isinstance(bob_outcome, TicketDetail)
        assert alice_error is not None
        assert alice_error.changed_by == "Bob Novak"
        assert alice_error.changed_at == w.clock_b.now()
        assert alice_error.current_version == t.version + 1
        assert final.fields == bobs
        assert events == [
            (EventKind.CREATED, "Alice Martin"),
            (EventKind.PRIORITY_CHANGED, "Bob Novak"),
        ]
    else:
        assert bob_done_while_alice_saved == [False], "Bob's write did not wait for Alice's"
        assert alice_error is None
        assert isinstance(bob_outcome, ConcurrentEditError)
        assert bob_outcome.changed_by == "Alice Martin"
        assert final.fields == alices
        assert events == [
            (EventKind.CREATED, "Alice Martin"),
            (EventKind.PRIORITY_CHANGED, "Alice Martin"),
        ]
    assert final.version == t.version + 1


# --- notes and calls --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("public", "kind"), [(False, EventKind.INTERNAL_NOTE), (True, EventKind.PUBLIC_REPLY)]
)
def test_a_note_moves_updated_at_but_not_the_version(
    db: Database,
    tickets: TicketService,
    desk: Desk,
    ticket: TicketDetail,
    clock: FakeClock,
    public: bool,
    kind: EventKind,
) -> None:
    saved = tickets.add_note(
        ticket.ticket_id, desk.bob, "  Asked for a screenshot.\n", public=public
    )
    assert saved.detail.version == ticket.version
    assert saved.detail.updated_at == clock.now() != ticket.updated_at
    assert saved.detail.fields == ticket.fields
    assert saved.changes.ids == {ticket.ticket_id}
    assert tickets.get(ticket.ticket_id) == saved.detail
    assert stored(db, ticket.ticket_id).version == ticket.version
    note = tickets.history(ticket.ticket_id)[-1]
    assert note.kind is kind
    assert (note.body, note.actor_name, note.at) == (
        "Asked for a screenshot.",
        "Bob Novak",
        clock.now(),
    )


def test_a_call_is_logged_with_duration_and_reference(
    tickets: TicketService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    saved = tickets.log_call(ticket.ticket_id, desk.bob, " Walked through VPN setup ", 12, " R-77 ")
    assert saved.detail.version == ticket.version
    assert saved.detail.updated_at == clock.now()
    call = tickets.history(ticket.ticket_id)[-1]
    assert call.kind is EventKind.PHONE_CALL
    assert (call.body, call.duration_minutes, call.call_reference) == (
        "Walked through VPN setup",
        12,
        "R-77",
    )


@pytest.mark.parametrize(("minutes", "reference"), [(1, ""), (1440, "r" * 100)])
def test_call_limits_are_inclusive(
    tickets: TicketService, desk: Desk, ticket: TicketDetail, minutes: int, reference: str
) -> None:
    tickets.log_call(ticket.ticket_id, desk.bob, "Call", minutes, reference)
    call = tickets.history(ticket.ticket_id)[-1]
    assert (call.duration_minutes, call.call_reference) == (minutes, reference)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("", "required"),
        (" \n\t ", "required"),
        ("n" * 200_001, "too_long"),
        ("binary\x00log", "invalid"),
    ],
)
def test_a_refused_note_writes_nothing(
    db: Database,
    tickets: TicketService,
    desk: Desk,
    ticket: TicketDetail,
    body: str,
    problem: str,
) -> None:
    events = count(db, TicketEvent)
    with pytest.raises(ValidationError) as e:
        tickets.add_note(ticket.ticket_id, desk.bob, body, public=True)
    assert e.value.problems == {"body": problem}
    assert count(db, TicketEvent) == events
    assert tickets.get(ticket.ticket_id).updated_at == ticket.updated_at


@pytest.mark.parametrize(
    ("summary", "minutes", "reference", "problems"),
    [
        ("Call", 0, "", {"duration_minutes": "out_of_range"}),
        ("Call", -5, "", {"duration_minutes": "out_of_range"}),
        ("Call", 1441, "", {"duration_minutes": "out_of_range"}),
        ("", 5, "", {"summary": "required"}),
        ("Call", 5, "r" * 101, {"call_reference": "too_long"}),
        ("Call\x00", 5, "R-1\x00", {"summary": "invalid", "call_reference": "invalid"}),
        (
            "  ",
            0,
            "r" * 101,
            {
                "summary": "required",
                "duration_minutes": "out_of_range",
                "call_reference": "too_long",
            },
        ),
    ],
)
def test_a_refused_call_writes_nothing(
    db: Database,
    tickets: TicketService,
    desk: Desk,
    ticket: TicketDetail,
    summary: str,
    minutes: int,
    reference: str,
    problems: dict[str, str],
) -> None:
    events = count(db, TicketEvent)
    with pytest.raises(ValidationError) as e:
        tickets.log_call(ticket.ticket_id, desk.bob, summary, minutes, reference)
    assert e.value.problems == problems
    assert count(db, TicketEvent) == events
    assert tickets.get(ticket.ticket_id).updated_at == ticket.updated_at


# --- history ----------------------------------------------------------------------------------


def test_history_is_oldest_first_by_time_then_by_entry(
    tickets: TicketService, desk: Desk, clock: FakeClock
) -> None:
    start = clock.now()
    d = tickets.create(base_fields(desk), desk.alice).detail
    clock.set(start + dt.timedelta(hours=2))
    tickets.add_note(d.ticket_id, desk.alice, "two hours later", public=False)
    # An entry written later with an earlier time (a clock corrected backwards) sorts by time.
    clock.set(start + dt.timedelta(hours=1))
    tickets.add_note(d.ticket_id, desk.bob, "one hour later", public=False)
    # Two entries at the same instant keep the order they were written in.
    clock.set(start + dt.timedelta(hours=3))
    tickets.add_note(d.ticket_id, desk.bob, "three hours, first", public=False)
    tickets.add_note(d.ticket_id, desk.bob, "three hours, second", public=True)

    history = tickets.history(d.ticket_id)
    assert [e.body for e in history] == [
        d.fields.subject,
        "one hour later",
        "two hours later",
        "three hours, first",
        "three hours, second",
    ]
    assert [e.at - start for e in history] == [dt.timedelta(hours=h) for h in (0, 1, 2, 3, 3)]
    assert all(e.ticket_id == d.ticket_id for e in history)


def test_history_holds_only_the_tickets_own_events(tickets: TicketService, desk: Desk) -> None:
    one = tickets.create(base_fields(desk, subject="One"), desk.alice).detail
    two = tickets.create(base_fields(desk, subject="Two"), desk.alice).detail
    tickets.add_note(two.ticket_id, desk.alice, "about two", public=False)
    assert [e.body for e in tickets.history(one.ticket_id)] == ["One"]
    assert [e.body for e in tickets.history(two.ticket_id)] == ["Two", "about two"]


# --- text round trip --------------------------------------------------------------------------

TEXTS = {
    "quotes": "O'Neill & Partners \"Law\" — it's `fine`; DROP TABLE ticket;--",
    "backslashes": r"C:\Users\anna\AppData\Local\Temp\%TEMP%_x",
    "emoji": "Printer 🖨️ on fire 🔥 👩🏽‍💻 family 👨‍👩‍👧‍👦 flag 🇧🇪",
    "arabic": "الطابعة لا تعمل في الطابق الثاني",
    "hebrew": "המדפסת לא עובדת (קומה 2)",
    "mixed-direction": "Ticket T-000042: \u200fשלום\u200e and مرحبا 123",
    "accents": "Café Müller Köln Łódź Ðorđe Zoë Ñandú",
    "cjk": "打印机离线 プリンター 프린터",
    "controls": "line 1\nline 2\r\nline 3\ttabbed\x0bvtab\x0cformfeed\x1bescape",
    "edges": "  leading and trailing spaces and newlines \n\n",
}


@pytest.mark.parametrize("name", list(TEXTS))
def test_text_round_trips_exactly(tickets: TicketService, desk: Desk, name: str) -> None:
    text = TEXTS[name]
    values = base_fields(
        desk,
        subject=text.strip(),
        description=text,
        occurs_when_where=text,
        occurs_circumstances=text,
        not_occurs_circumstances=text,
        steps_tried=text,
    )
    d = tickets.create(values, desk.alice).detail
    tickets.add_note(d.ticket_id, desk.alice, text, public=False)
    tickets.log_call(d.ticket_id, desk.alice, text, 3, "ref " + text.strip()[:50])

    got = tickets.get(d.ticket_id).fields
    assert got == values
    assert got.description == text
    created, note, call = tickets.history(d.ticket_id)
    assert created.body == text.strip()
    assert note.body == text.strip()
    assert call.body == text.strip()
    assert call.call_reference == ("ref " + text.strip()[:50]).strip()


def test_a_long_description_is_stored_exactly(tickets: TicketService, desk: Desk) -> None:
    pieces = "".join(TEXTS.values())
    description = (pieces * (10_000 // len(pieces) + 1))[:10_000]
    assert len(description) == 10_000
    d = tickets.create(base_fields(desk, description=description), desk.alice).detail
    got = tickets.get(d.ticket_id).fields.description
    assert len(got) == 10_000
    assert got == description


# --- who may write -------------------------------------------------------------------------


@pytest.fixture
def reader(db: Database) -> int:
    return add_technician(db, "Owen Reader", role=Role.READ_ONLY)


def _ticket_row_count(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            int(s.scalar(select(func.count()).select_from(Ticket)) or 0),
            int(s.scalar(select(func.count()).select_from(TicketEvent)) or 0),
        )


@pytest.mark.parametrize("who", ["reader", "retired", "unknown"])
def test_read_only_inactive_and_unknown_accounts_cannot_write(
    tickets: TicketService, desk: Desk, ticket: TicketDetail, db: Database, reader: int, who: str
) -> None:
    actor = {"reader": reader, "retired": desk.retired, "unknown": -1}[who]
    before = _ticket_row_count(db)
    attempts: list[Callable[[], object]] = [
        lambda: tickets.create(base_fields(desk), actor),
        lambda: tickets.update(
            ticket.ticket_id, ticket.version, replace(ticket.fields, subject="Mine"), actor
        ),
        lambda: tickets.add_note(ticket.ticket_id, actor, "A note", public=False),
        lambda: tickets.log_call(ticket.ticket_id, actor, "A call", 3),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError):
            attempt()
    assert _ticket_row_count(db) == before
    assert tickets.get(ticket.ticket_id).fields == ticket.fields
