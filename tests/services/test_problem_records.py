"""app/services/problem_records.py: problem records, known errors and linked incidents (K8).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. Incidents link to a
problem with `caused_by` links (app/services/ticket_links.py); a problem needs at least one
linked incident before it is resolved or closed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import ChangePlan, ProblemRecord, Ticket, TicketEvent, TicketLink
from app.models.enums import EventKind, Role, Status, TicketType, Tier
from app.services.change_records import ChangeService
from app.services.demo_records import seed_demo_records
from app.services.errors import ConcurrentEditError, PermissionDeniedError, ValidationError
from app.services.problem_records import NO_INCIDENT, ProblemService, problem_can_close
from app.services.ticket_links import TicketLinkService
from app.services.tickets import TicketService
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import DEFAULT_NOW, FakeClock


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: ProblemService
    links: TicketLinkService
    client: int
    problem: int
    tech: int
    other_tech: int
    reader: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    client = add_client(db, "Acme NV")
    return World(
        db=db,
        clock=clock,
        svc=ProblemService(db, clock),
        links=TicketLinkService(db, clock),
        client=client,
        problem=add_ticket(db, client, subject="VPN flaps", ticket_type=TicketType.PROBLEM),
        tech=add_technician(db, "Dana Tech"),
        other_tech=add_technician(db, "Carl Tech"),
        reader=add_technician(db, "Rita Reader", role=Role.READ_ONLY),
    )


def _incident(w: World, subject: str = "VPN drops") -> int:
    incident = add_ticket(w.db, w.client, subject=subject)
    w.links.link(incident, w.problem, "caused_by", w.tech)
    return incident


def _set_status(w: World, ticket_id: int, status: Status) -> None:
    with w.db.write() as s:
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        ticket.set_status(status, DEFAULT_NOW)


def test_record_of_a_new_problem_is_empty(w: World) -> None:
    record = w.svc.record(w.problem)
    assert (record.root_cause, record.workaround, record.known_error, record.version) == (
        "",
        "",
        False,
        0,
    )


def test_other_ticket_types_have_no_problem_record(w: World) -> None:
    incident = add_ticket(w.db, w.client)
    with pytest.raises(ValidationError) as exc:
        w.svc.record(incident)
    assert exc.value.problems == {"ticket": "not_problem"}
    with pytest.raises(ValidationError):
        w.svc.save(incident, 0, "x", "", False, w.tech)


def test_save_records_a_known_error_with_its_workaround(w: World) -> None:
    first = w.svc.save(w.problem, 0, "Firmware bug", "", False, w.tech)
    assert first.version == 1 and not first.known_error

    second = w.svc.save(w.problem, 1, "Firmware bug", "Reconnect with TCP", True, w.tech)

    assert second.known_error and second.known_error_at == DEFAULT_NOW
    with w.db.read() as s:
        bodies = s.scalars(
            select(TicketEvent.body).where(
                TicketEvent.ticket_id == w.problem, TicketEvent.kind == EventKind.PROBLEM
            )
        ).all()
    assert bodies == [
        "Problem record updated: root cause",
        "Problem record updated: workaround, marked as a known error",
    ]
    third = w.svc.save(w.problem, 2, "Firmware bug", "Reconnect with TCP", False, w.tech)
    assert not third.known_error and third.known_error_at is None


def test_known_error_needs_a_workaround(w: World) -> None:
    with pytest.raises(ValidationError) as exc:
        w.svc.save(w.problem, 0, "Firmware bug", "   ", True, w.tech)
    assert exc.value.problems == {"workaround": "required_for_known_error"}
    assert w.svc.record(w.problem).version == 0


def test_stale_save_is_refused(w: World) -> None:
    w.svc.save(w.problem, 0, "a", "", False, w.other_tech)
    with pytest.raises(ConcurrentEditError) as exc:
        w.svc.save(w.problem, 0, "b", "", False, w.tech)
    assert exc.value.changed_by == "Carl Tech"
    assert w.svc.record(w.problem).root_cause == "a"


def test_incidents_come_from_caused_by_links(w: World) -> None:
    a = _incident(w, "VPN drops at home")
    b = _incident(w, "VPN drops in office")
    related = add_ticket(w.db, w.client)
    w.links.link(related, w.problem, "related", w.tech)

    incidents = w.svc.incidents(w.problem)

    assert [(i.ticket_id, i.subject) for i in incidents] == [
        (a, "VPN drops at home"),
        (b, "VPN drops in office"),
    ]
    assert w.svc.record(w.problem).incidents == tuple(incidents)


def test_problem_can_close_only_with_a_linked_incident(w: World) -> None:
    with w.db.read() as s:
        assert problem_can_close(s, w.problem) == NO_INCIDENT
    _incident(w)
    with w.db.read() as s:
        assert problem_can_close(s, w.problem) is None
        # Other ticket types are none of this rule's business.
        assert problem_can_close(s, add_ticket(w.db, w.client)) is None


def test_last_incident_of_a_resolved_problem_cannot_be_unlinked(w: World) -> None:
    a = _incident(w)
    _incident(w, "second")
    _set_status(w, w.problem, Status.RESOLVED)
    first, second = w.svc.incidents(w.problem)

    w.links.unlink(first.link_id, w.tech)
    with pytest.raises(ValidationError) as exc:
        w.links.unlink(second.link_id, w.tech)

    assert exc.value.problems == {"link": "last_incident"}
    assert [i.ticket_id for i in w.svc.incidents(w.problem)] == [second.ticket_id]
    assert a == first.ticket_id


def test_last_incident_of_an_open_problem_may_be_unlinked(w: World) -> None:
    _incident(w)
    (only,) = w.svc.incidents(w.problem)
    w.links.unlink(only.link_id, w.tech)
    assert w.svc.incidents(w.problem) == []


def test_read_only_accounts_may_not_save(w: World) -> None:
    with pytest.raises(PermissionDeniedError):
        w.svc.save(w.problem, 0, "x", "", False, w.reader)
    assert w.svc.record(w.problem).version == 0


def test_demo_seeding_makes_records_once(db: Database, clock: FakeClock) -> None:
    client = add_client(db, "Demo NV")
    add_technician(db, "Lena L1", tier=Tier.L1)
    add_technician(db, "Tom L2", tier=Tier.L2)

    seed_demo_records(db, clock)
    seed_demo_records(db, clock)

    with db.read() as s:
        (problem,) = s.scalars(select(ProblemRecord)).all()
        assert problem.known_error and problem.workaround
        caused = s.scalars(select(TicketLink).where(TicketLink.kind == "caused_by")).all()
        assert len(caused) == 3 and {link.target_id for link in caused} == {problem.ticket_id}
        (change_id,) = s.scalars(select(ChangePlan.ticket_id)).all()
        merged = s.execute(
            select(Ticket.client_id, Ticket.merged_into_id).where(
                Ticket.merged_into_id.is_not(None)
            )
        ).all()
        assert len(merged) == 1 and merged[0].client_id == client
    record = ChangeService(db, clock).plan(change_id)
    assert record.state == "awaiting_approval"
    assert [st.decision for st in record.steps] == ["approved", "pending"]
    keep = merged[0].merged_into_id
    assert any(r.source_number for r in TicketService(db, clock).history(keep))
