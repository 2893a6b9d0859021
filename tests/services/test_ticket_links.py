"""app/services/ticket_links.py: links between tickets and merging (T2, T20).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00Z. A link's source "is caused by / a duplicate of / a child of" its
target; a merge cancels the source and keeps both histories visible on the target.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Ticket, TicketEvent, TicketLink, TimeEntry
from app.models.enums import EventKind, Role, Status, TicketType
from app.models.sla import NO_DUE
from app.models.ticket import format_number
from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.ticket_links import TicketLinkService
from app.services.tickets import TicketService
from tests.factories import add_calendar, add_client, add_policy, add_technician, add_ticket
from tests.fakes import FakeClock


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: TicketLinkService
    tickets: TicketService
    client: int
    other_client: int
    tech: int
    reader: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    sla = SlaService(db, clock, SlaStore(db))
    return World(
        db=db,
        clock=clock,
        svc=TicketLinkService(db, clock, sla),
        tickets=TicketService(db, clock, sla),
        client=add_client(db, "Acme NV"),
        other_client=add_client(db, "Other BV"),
        tech=add_technician(db, "Dana Tech"),
        reader=add_technician(db, "Rita Reader", role=Role.READ_ONLY),
    )


def _ticket(w: World, subject: str = "Printer offline", **kw: object) -> int:
    return add_ticket(w.db, w.client, subject=subject, **kw)  # type: ignore[arg-type]


def _events(w: World, ticket_id: int, kind: EventKind) -> list[Any]:
    """The ticket's events of `kind` as plain rows (body, old_value, new_value, actor_id)."""
    with w.db.read() as s:
        return list(
            s.execute(
                select(
                    TicketEvent.body,
                    TicketEvent.old_value,
                    TicketEvent.new_value,
                    TicketEvent.actor_id,
                )
                .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == kind)
                .order_by(TicketEvent.id)
            ).all()
        )


def _code(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return exc.value.problems


# --- links --------------------------------------------------------------------------------------


def test_link_is_listed_from_both_ends_with_the_other_ticket(w: World) -> None:
    a = _ticket(w, "Outlook crashes")
    b = _ticket(w, "Mail server slow", status=Status.IN_PROGRESS)

    changes = w.svc.link(a, b, "related", w.tech)

    assert changes.ids == {a, b}
    (from_a,) = w.svc.links(a)
    (from_b,) = w.svc.links(b)
    assert (from_a.other_id, from_a.other_number, from_a.other_subject) == (
        b,
        format_number(b),
        "Mail server slow",
    )
    assert from_a.outgoing and from_a.other_status is Status.IN_PROGRESS
    assert not from_b.outgoing and from_b.other_id == a and from_b.kind == "related"


def test_link_writes_a_linked_event_on_both_tickets(w: World) -> None:
    incident = _ticket(w, "VPN drops")
    problem = _ticket(w, "VPN concentrator flaps", ticket_type=TicketType.PROBLEM)

    w.svc.link(incident, problem, "caused_by", w.tech)

    (on_incident,) = _events(w, incident, EventKind.LINKED)
    (on_problem,) = _events(w, problem, EventKind.LINKED)
    assert on_incident.body == f"Caused by problem {format_number(problem)}: VPN concentrator flaps"
    assert on_problem.body.startswith(f"Incident {format_number(incident)} linked as caused by")
    assert on_incident.actor_id == w.tech


@pytest.mark.parametrize("kind", ["related", "caused_by", "duplicate_of", "child_of"])
def test_self_links_are_refused(w: World, kind: str) -> None:
    a = _ticket(w)
    with pytest.raises(ValidationError) as exc:
        w.svc.link(a, a, kind, w.tech)
    assert _code(exc) == {"target": "self_link"}


def test_unknown_kind_is_refused(w: World) -> None:
    a, b = _ticket(w), _ticket(w)
    with pytest.raises(ValidationError) as exc:
        w.svc.link(a, b, "blocks", w.tech)
    assert _code(exc) == {"kind": "invalid_choice"}


def test_same_link_twice_is_refused_and_related_counts_either_way(w: World) -> None:
    a, b, c = _ticket(w), _ticket(w), _ticket(w)
    w.svc.link(a, b, "related", w.tech)
    w.svc.link(a, c, "duplicate_of", w.tech)

    for source, target, kind in ((a, b, "related"), (b, a, "related"), (a, c, "duplicate_of")):
        with pytest.raises(ValidationError) as exc:
            w.svc.link(source, target, kind, w.tech)
        assert _code(exc) == {"target": "duplicate"}
    # Another kind between the same pair is a different statement.
    w.svc.link(a, b, "child_of", w.tech)
    assert len(w.svc.links(a)) == 3


def test_child_of_cycles_are_refused_at_any_depth(w: World) -> None:
    a, b, c = _ticket(w), _ticket(w), _ticket(w)
    w.svc.link(a, b, "child_of", w.tech)
    w.svc.link(b, c, "child_of", w.tech)

    for source, target in ((b, a), (c, a)):
        with pytest.raises(ValidationError) as exc:
            w.svc.link(source, target, "child_of", w.tech)
        assert _code(exc) == {"target": "cycle"}
    with w.db.read() as s:
        assert len(s.scalars(select(TicketLink).where(TicketLink.kind == "child_of")).all()) == 2


def test_duplicate_of_cannot_point_back(w: World) -> None:
    a, b = _ticket(w), _ticket(w)
    w.svc.link(a, b, "duplicate_of", w.tech)
    with pytest.raises(ValidationError) as exc:
        w.svc.link(b, a, "duplicate_of", w.tech)
    assert _code(exc) == {"target": "cycle"}


def test_caused_by_needs_an_incident_or_request_pointing_at_a_problem(w: World) -> None:
    incident = _ticket(w)
    request = _ticket(w, ticket_type=TicketType.SERVICE_REQUEST)
    other_incident = _ticket(w)
    problem = _ticket(w, ticket_type=TicketType.PROBLEM)
    change = _ticket(w, ticket_type=TicketType.CHANGE)

    with pytest.raises(ValidationError) as exc:
        w.svc.link(incident, other_incident, "caused_by", w.tech)
    assert _code(exc) == {"target": "not_problem"}
    with pytest.raises(ValidationError) as exc:
        w.svc.link(change, problem, "caused_by", w.tech)
    assert _code(exc) == {"source": "not_incident"}
    w.svc.link(incident, problem, "caused_by", w.tech)
    w.svc.link(request, problem, "caused_by", w.tech)
    assert {r.other_id for r in w.svc.links(problem)} == {incident, request}


def test_links_to_or_from_a_merged_ticket_are_refused(w: World) -> None:
    a, b, c = _ticket(w), _ticket(w), _ticket(w)
    w.svc.merge(a, b, w.tech)
    with pytest.raises(ValidationError) as exc:
        w.svc.link(a, c, "related", w.tech)
    assert _code(exc) == {"source": "merged"}
    with pytest.raises(ValidationError) as exc:
        w.svc.link(c, a, "related", w.tech)
    assert _code(exc) == {"target": "merged"}


def test_unknown_tickets_and_links_are_not_found(w: World) -> None:
    a = _ticket(w)
    with pytest.raises(NotFoundError):
        w.svc.link(a, a + 10_000, "related", w.tech)
    with pytest.raises(NotFoundError):
        w.svc.unlink(987_654, w.tech)
    with pytest.raises(NotFoundError):
        w.svc.links(a + 10_000)


def test_unlink_removes_the_link_with_events_on_both(w: World) -> None:
    a, b = _ticket(w), _ticket(w)
    w.svc.link(a, b, "related", w.tech)
    (row,) = w.svc.links(a)

    w.svc.unlink(row.link_id, w.tech)

    assert w.svc.links(a) == [] and w.svc.links(b) == []
    assert (
        _events(w, a, EventKind.LINKED)[-1].body == f"Link removed: Related to {format_number(b)}"
    )
    assert _events(w, b, EventKind.LINKED)[-1].old_value == format_number(a)


def test_read_only_accounts_may_not_link_unlink_or_merge(w: World) -> None:
    a, b = _ticket(w), _ticket(w)
    with pytest.raises(PermissionDeniedError):
        w.svc.link(a, b, "related", w.reader)
    w.svc.link(a, b, "related", w.tech)
    (row,) = w.svc.links(a)
    with pytest.raises(PermissionDeniedError):
        w.svc.unlink(row.link_id, w.reader)
    with pytest.raises(PermissionDeniedError):
        w.svc.merge(a, b, w.reader)
    assert len(w.svc.links(a)) == 1


# --- merge --------------------------------------------------------------------------------------


def test_merge_cancels_the_source_and_points_it_at_the_target(w: World) -> None:
    dup = _ticket(w, "Printer offline again")
    keep = _ticket(w, "Printer offline", status=Status.IN_PROGRESS)

    result = w.svc.merge(dup, keep, w.tech, "Same printer")

    assert (result.source_number, result.into_number) == (format_number(dup), format_number(keep))
    with w.db.read() as s:
        source, target = s.get(Ticket, dup), s.get(Ticket, keep)
        assert source is not None and target is not None
        assert source.status is Status.CANCELLED and not source.is_open
        assert source.merged_into_id == keep
        assert target.status is Status.IN_PROGRESS and target.merged_into_id is None
    (on_source,) = _events(w, dup, EventKind.MERGED)
    (on_target,) = _events(w, keep, EventKind.MERGED)
    assert on_source.body == f"Merged into {format_number(keep)} — Same printer"
    assert on_target.body.startswith(f"Merged {format_number(dup)} into this ticket")
    assert [r.kind for r in w.svc.links(keep)] == ["merged_into"]


def test_merged_ticket_timeline_keeps_both_histories_marked_by_source(w: World) -> None:
    dup = _ticket(w, "Printer offline again")
    keep = _ticket(w, "Printer offline")
    w.tickets.add_note(dup, w.tech, "Caller says paper jam", public=False)
    w.clock.advance(minutes=5)
    w.tickets.add_note(keep, w.tech, "Driver reinstalled", public=False)
    w.clock.advance(minutes=5)

    w.svc.merge(dup, keep, w.tech)

    timeline = w.tickets.history(keep)
    notes = [(r.body, r.source_number) for r in timeline if r.kind is EventKind.INTERNAL_NOTE]
    assert notes == [("Caller says paper jam", format_number(dup)), ("Driver reinstalled", "")]
    assert [r.at for r in timeline] == sorted(r.at for r in timeline)
    # The source keeps its own history and shows nothing of the target's.
    own = w.tickets.history(dup)
    assert {r.source_number for r in own} == {""}
    assert "Caller says paper jam" in [r.body for r in own]
    assert "Driver reinstalled" not in [r.body for r in own]


def test_history_follows_merges_of_merges(w: World) -> None:
    a, b, c = _ticket(w), _ticket(w), _ticket(w)
    w.tickets.add_note(a, w.tech, "first", public=False)
    w.svc.merge(a, b, w.tech)
    w.svc.merge(b, c, w.tech)
    sources = {r.body: r.source_number for r in w.tickets.history(c)}
    assert sources["first"] == format_number(a)


def test_merge_needs_the_same_client(w: World) -> None:
    a = _ticket(w)
    b = add_ticket(w.db, w.other_client)
    with pytest.raises(ValidationError) as exc:
        w.svc.merge(a, b, w.tech)
    assert _code(exc) == {"into": "other_client"}
    assert w.svc.links(a) == []


def test_a_problem_or_change_merges_only_into_its_own_type(w: World) -> None:
    problem = _ticket(w, ticket_type=TicketType.PROBLEM)
    change = _ticket(w, ticket_type=TicketType.CHANGE)
    incident = _ticket(w)
    for source in (problem, change):
        with pytest.raises(ValidationError) as exc:
            w.svc.merge(source, incident, w.tech)
        assert _code(exc) == {"into": "other_type"}
    # An incident logged twice, once as a request, is still one duplicate.
    request = _ticket(w, ticket_type=TicketType.SERVICE_REQUEST)
    w.svc.merge(request, incident, w.tech)
    w.svc.merge(problem, _ticket(w, ticket_type=TicketType.PROBLEM), w.tech)


def test_merge_refuses_to_leave_a_problem_without_its_last_incident(w: World) -> None:
    problem = _ticket(w, ticket_type=TicketType.PROBLEM)
    incident, change = _ticket(w), _ticket(w, ticket_type=TicketType.CHANGE)
    w.svc.link(incident, problem, "caused_by", w.tech)
    with pytest.raises(ValidationError) as exc:
        w.svc.merge(incident, change, w.tech)
    assert _code(exc) == {"into": "drops_last_incident"}
    # Merging the problem's own incident into the problem loses it too.
    with pytest.raises(ValidationError) as exc:
        w.svc.merge(incident, problem, w.tech)
    assert _code(exc) == {"into": "drops_last_incident"}
    assert {r.other_id for r in w.svc.links(problem)} == {incident}


def test_merge_says_on_the_timeline_which_links_it_drops(w: World) -> None:
    problem = _ticket(w, ticket_type=TicketType.PROBLEM)
    incident, other_incident = _ticket(w), _ticket(w)
    change = _ticket(w, ticket_type=TicketType.CHANGE)
    w.svc.link(incident, problem, "caused_by", w.tech)
    w.svc.link(other_incident, problem, "caused_by", w.tech)
    result = w.svc.merge(incident, change, w.tech)
    assert result.moved_links == 0
    assert {r.other_id for r in w.svc.links(problem)} == {other_incident}
    dropped = _events(w, problem, EventKind.LINKED)[-1]
    assert dropped.old_value == format_number(incident)
    assert dropped.body == (
        f"Link removed: {format_number(incident)} was merged into {format_number(change)}, "
        "which cannot take the link"
    )
    assert problem in result.changes.ids


def test_merge_refuses_self_merged_and_closed_targets(w: World) -> None:
    a, b, c = _ticket(w), _ticket(w), _ticket(w)
    closed = _ticket(w, status=Status.CLOSED)
    cancelled = _ticket(w, status=Status.CANCELLED)
    with pytest.raises(ValidationError) as exc:
        w.svc.merge(a, a, w.tech)
    assert _code(exc) == {"into": "self"}
    for target in (closed, cancelled):
        with pytest.raises(ValidationError) as exc:
            w.svc.merge(a, target, w.tech)
        assert _code(exc) == {"into": "closed"}
    w.svc.merge(b, c, w.tech)
    with pytest.raises(ValidationError) as exc:
        w.svc.merge(a, b, w.tech)
    assert _code(exc) == {"into": "merged"}
    with pytest.raises(ValidationError) as exc:
        w.svc.merge(b, a, w.tech)
    assert _code(exc) == {"source": "merged"}
    with pytest.raises(ValidationError) as exc:
        w.svc.merge(closed, a, w.tech)
    assert _code(exc) == {"source": "closed"}


def test_merge_moves_open_links_to_the_target_without_duplicates(w: World) -> None:
    dup, keep = _ticket(w, "dup"), _ticket(w, "keep")
    shared, only_dup, parent = _ticket(w), _ticket(w), _ticket(w)
    problem = _ticket(w, ticket_type=TicketType.PROBLEM)
    w.svc.link(dup, shared, "related", w.tech)
    w.svc.link(shared, keep, "related", w.tech)  # the same statement, the other way round
    w.svc.link(only_dup, dup, "child_of", w.tech)
    w.svc.link(dup, parent, "child_of", w.tech)
    w.svc.link(dup, problem, "caused_by", w.tech)
    w.svc.link(dup, keep, "related", w.tech)  # would become a self link

    result = w.svc.merge(dup, keep, w.tech)

    assert result.moved_links == 3
    seen = {(r.kind, r.outgoing, r.other_id) for r in w.svc.links(keep)}
    assert seen == {
        ("related", False, shared),
        ("child_of", False, only_dup),
        ("child_of", True, parent),
        ("caused_by", True, problem),
        ("merged_into", False, dup),
    }
    assert [(r.kind, r.other_id) for r in w.svc.links(dup)] == [("merged_into", keep)]
    # The third tickets hear where their link went.
    moved = _events(w, only_dup, EventKind.LINKED)[-1]
    assert moved.body == f"Link moved from {format_number(dup)} to {format_number(keep)} (merge)"
    assert result.changes.ids == {dup, keep, only_dup, parent, problem}


def test_merge_keeps_time_entries_on_the_source(w: World) -> None:
    dup, keep = _ticket(w), _ticket(w)
    with w.db.write() as s:
        s.add(TimeEntry(ticket_id=dup, technician_id=w.tech, started_at=w.clock.now(), minutes=30))
    w.svc.merge(dup, keep, w.tech)
    with w.db.read() as s:
        assert s.scalars(select(TimeEntry.ticket_id)).all() == [dup]


def test_merged_ticket_refuses_edits(w: World) -> None:
    dup, keep = _ticket(w), _ticket(w)
    w.svc.merge(dup, keep, w.tech)
    detail = w.tickets.get(dup)
    with pytest.raises(ValidationError) as exc:
        w.tickets.update(dup, detail.version, replace(detail.fields, subject="x"), w.tech)
    assert _code(exc) == {"ticket": "merged"}


def test_merge_link_cannot_be_removed(w: World) -> None:
    dup, keep = _ticket(w), _ticket(w)
    w.svc.merge(dup, keep, w.tech)
    (row,) = w.svc.links(keep)
    with pytest.raises(ValidationError) as exc:
        w.svc.unlink(row.link_id, w.tech)
    assert _code(exc) == {"link": "merge_link"}


def test_merge_recomputes_both_sla_clocks(w: World) -> None:
    add_policy(w.db, add_calendar(w.db))
    dup, keep = _ticket(w), _ticket(w)
    sla = SlaService(w.db, w.clock, SlaStore(w.db))
    with w.db.write() as s:
        sla.recompute_in(s, (dup, keep), w.clock.now())
    with w.db.read() as s:
        assert s.get(Ticket, dup).resolve_due_order != NO_DUE  # type: ignore[union-attr]

    w.svc.merge(dup, keep, w.tech)

    with w.db.read() as s:
        # A cancelled ticket has no running clock: nothing is due any more.
        assert s.get(Ticket, dup).resolve_due_order == NO_DUE  # type: ignore[union-attr]
        assert s.get(Ticket, keep).resolve_due_order != NO_DUE  # type: ignore[union-attr]
