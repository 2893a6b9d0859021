"""app/services/csat.py: CSAT averages, response rate, monthly trend and per-technician figures,
aggregated in SQL on SQLite and PostgreSQL from hand-made responses.

"Today" is 2026-03-15; a 4-month window is December 2025 to March 2026 (UTC months).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Ticket, TicketEvent
from app.models.enums import EventKind, Status
from app.models.workflow import CsatResponse
from app.services.csat import CsatMonth, CsatService, TechnicianCsat
from app.services.demo_closure import seed_demo_closure
from tests.factories import add_client, add_contact, add_technician, add_ticket
from tests.fakes import FakeClock

TODAY = dt.date(2026, 3, 15)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class World:
    acme: int
    other: int
    anna: int
    bert: int


@pytest.fixture
def world(db: Database) -> World:
    acme = add_client(db, "Acme Dental")
    other = add_client(db, "Other BV")
    anna = add_technician(db, "Anna Tech")
    bert = add_technician(db, "Bert Tech")
    contact = add_contact(db, acme)
    # (client, technician, state, score, recorded at)
    rows = [
        # Outside the window (November 2025) and after it (April 2026): never counted.
        (acme, anna, "answered", 1, "2025-11-30 23:59:59"),
        (acme, anna, "answered", 1, "2026-04-01 00:00:00"),
        # December: 5 and 4 by Anna → 4.5; one survey sent.
        (acme, anna, "answered", 5, "2025-12-01 00:00:00"),
        (acme, anna, "answered", 4, "2025-12-31 23:59:59"),
        (acme, bert, "sent", None, "2025-12-10 12:00:00"),
        # January: nothing. February: a dip, 2 by Bert; one declined.
        (acme, bert, "answered", 2, "2026-02-14 10:00:00"),
        (acme, None, "declined", None, "2026-02-20 10:00:00"),
        # March: 5 by Bert, 3 by Anna → 4.0.
        (acme, bert, "answered", 5, "2026-03-01 08:00:00"),
        (acme, anna, "answered", 3, "2026-03-15 18:00:00"),
        # Another client's answers never mix in.
        (other, bert, "answered", 1, "2026-03-02 09:00:00"),
        (other, bert, "answered", 1, "2026-03-03 09:00:00"),
    ]
    with db.write() as s:
        for client, tech, state, score, when in rows:
            ticket = add_ticket(db, client)
            s.add(
                CsatResponse(
                    ticket_id=ticket,
                    client_id=client,
                    contact_id=contact if client == acme else None,
                    technician_id=tech,
                    state=state,
                    score=score,
                    recorded_at=at(when),
                )
            )
    return World(acme, other, anna, bert)


def test_client_summary(db: Database, world: World) -> None:
    summary = CsatService(db).client_summary(world.acme, 4, today=TODAY)
    assert (summary.start, summary.end) == (dt.date(2025, 12, 1), dt.date(2026, 4, 1))
    # Answered: 5, 4, 2, 5, 3 → 19 / 5.
    assert summary.average == pytest.approx(3.8)
    assert (summary.answered, summary.sent, summary.declined) == (5, 1, 1)
    assert summary.responses == 7
    assert summary.response_rate == pytest.approx(5 / 7)
    assert summary.trend == (
        CsatMonth(dt.date(2025, 12, 1), pytest.approx(4.5), 2, 3),  # type: ignore[arg-type]
        CsatMonth(dt.date(2026, 1, 1), None, 0, 0),
        CsatMonth(dt.date(2026, 2, 1), pytest.approx(2.0), 1, 2),  # type: ignore[arg-type]
        CsatMonth(dt.date(2026, 3, 1), pytest.approx(4.0), 2, 2),  # type: ignore[arg-type]
    )
    assert summary.by_technician == (
        # Anna: 5, 4, 3 → 4.0; Bert: 2, 5 → 3.5 (and one survey sent); nobody: one declined.
        TechnicianCsat(world.anna, "Anna Tech", pytest.approx(4.0), 3, 3),  # type: ignore[arg-type]
        TechnicianCsat(world.bert, "Bert Tech", pytest.approx(3.5), 2, 3),  # type: ignore[arg-type]
        TechnicianCsat(None, None, None, 0, 1),
    )


def test_twelve_months_by_default_with_empty_months_present(db: Database, world: World) -> None:
    summary = CsatService(db).client_summary(world.acme, today=TODAY)
    assert [(m.month.year, m.month.month) for m in summary.trend] == [
        *((2025, month) for month in range(4, 13)),
        (2026, 1),
        (2026, 2),
        (2026, 3),
    ]
    # November 2025 is inside a 12-month window: its 1 now counts.
    november = summary.trend[7]
    assert (november.month, november.average, november.answered) == (dt.date(2025, 11, 1), 1.0, 1)
    assert summary.average == pytest.approx(20 / 6)
    assert sum(m.responses for m in summary.trend) == 8


def test_technician_summary(db: Database, world: World) -> None:
    summary = CsatService(db).technician_summary(world.bert, 4, today=TODAY)
    # Bert: Acme 2 and 5, Other 1 and 1 → 9 / 4; one survey sent.
    assert summary.average == pytest.approx(2.25)
    assert (summary.answered, summary.sent, summary.declined) == (4, 1, 0)
    assert summary.response_rate == pytest.approx(4 / 5)
    assert [(m.month.month, m.answered) for m in summary.trend] == [(12, 0), (1, 0), (2, 1), (3, 3)]
    assert summary.trend[3].average == pytest.approx(7 / 3)


def test_a_client_without_responses(db: Database, world: World) -> None:
    empty = add_client(db, "Quiet NV")
    summary = CsatService(db).client_summary(empty, 3, today=TODAY)
    assert summary.average is None and summary.response_rate is None
    assert summary.responses == 0 and summary.by_technician == ()
    assert [m.average for m in summary.trend] == [None, None, None]


def test_window_across_a_year_boundary_and_silly_months(db: Database, world: World) -> None:
    svc = CsatService(db)
    one = svc.client_summary(world.acme, 1, today=dt.date(2026, 1, 31))
    assert [m.month for m in one.trend] == [dt.date(2026, 1, 1)]
    assert one.responses == 0
    # Zero or negative months still give the current month rather than failing.
    assert len(svc.client_summary(world.acme, 0, today=TODAY).trend) == 1


def test_demo_closure_seeding_is_meaningful_and_idempotent(db: Database, clock: FakeClock) -> None:
    clients = [add_client(db, f"Demo {i}") for i in range(3)]
    tech = add_technician(db, "Demo Tech")
    now = clock.now()
    closed = []
    for i in range(60):
        when = now - dt.timedelta(days=2 * i + 1)
        closed.append(
            add_ticket(
                db,
                clients[i % 3],
                status=Status.CLOSED,
                assignee_id=tech,
                created_at=when - dt.timedelta(days=1),
                updated_at=when,
            )
        )
    resolved = add_ticket(db, clients[0], status=Status.RESOLVED, updated_at=now)
    still_open = add_ticket(db, clients[0], status=Status.IN_PROGRESS)
    seed_demo_closure(db, clock)
    seed_demo_closure(db, clock)  # a second run adds nothing

    with db.read() as s:
        answers = s.execute(select(CsatResponse.state, CsatResponse.score)).all()
        assert len(answers) == 60
        assert s.scalar(select(func.count()).where(CsatResponse.ticket_id == resolved)) == 0
        finished = s.execute(
            select(Ticket.id, Ticket.resolution, Ticket.verified_how).where(
                Ticket.id.in_([*closed, resolved, still_open])
            )
        ).all()
        instants = s.execute(
            select(
                Ticket.created_at, Ticket.resolved_at, Ticket.verified_at, Ticket.closed_at
            ).where(Ticket.id.in_(closed))
        ).all()
        csat_events = s.scalar(select(func.count()).where(TicketEvent.kind == EventKind.CSAT))
    by_id = {t.id: t for t in finished}
    assert all(by_id[t].resolution and by_id[t].verified_how for t in closed)
    # Closed means resolved, then confirmed with the requester, then closed.
    for created, resolved_at, verified_at, closed_at in instants:
        assert resolved_at is not None and verified_at is not None and closed_at is not None
        assert created <= resolved_at <= verified_at <= closed_at
    assert by_id[resolved].resolution and not by_id[resolved].verified_how
    assert by_id[still_open].resolution == ""
    assert csat_events == 60
    states = {state for state, _ in answers}
    assert "answered" in states and states <= {"answered", "sent", "declined"}
    scores = [int(score or 0) for state, score in answers if state == "answered"]
    assert all(1 <= s <= 5 for s in scores)
    summary = CsatService(db).client_summary(clients[0], today=now.date())
    assert summary.average is not None and summary.responses == 20
    # The second client's answers from 45–75 days ago form the dip: 1–4, where others give 3–5.
    with db.read() as s:
        rows = s.execute(
            select(CsatResponse.client_id, CsatResponse.score, CsatResponse.recorded_at).where(
                CsatResponse.state == "answered"
            )
        ).all()
    dip = [
        int(score or 0)
        for client, score, at in rows
        if client == clients[1] and dt.timedelta(days=45) <= now - at <= dt.timedelta(days=75)
    ]
    assert dip and max(dip) <= 4 and sum(dip) / len(dip) < 3.5
    assert min(int(score or 0) for client, score, _ in rows if client != clients[1]) >= 3
