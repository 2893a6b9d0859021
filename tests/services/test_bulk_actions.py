"""app/services/bulk_actions.py: bulk assign / status / priority on the queue, with undo (T20).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00Z. A bulk action is all or nothing; undo reverts only the tickets whose
version is still the one the bulk action left.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from app.db import Database, upgrade_database
from app.models import BulkAction, Ticket, TicketEvent
from app.models.enums import EventKind, Priority, Role, Status
from app.models.ticket import format_number
from app.services.bulk_actions import MAX_TICKETS, BulkActionService, BulkRefusedError
from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.onboarding import OnboardingService
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.ticket_links import TicketLinkService
from app.services.tickets import TicketService
from tests.factories import add_client, add_contact, add_technician, add_ticket
from tests.fakes import FakeClock


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: BulkActionService
    tickets: TicketService
    client: int
    me: int
    dana: int
    reader: int
    ids: tuple[int, int, int]


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    sla = SlaService(db, clock, SlaStore(db))
    client = add_client(db, "Acme NV")
    ids = tuple(add_ticket(db, client, subject=f"Ticket {n}") for n in range(3))
    return World(
        db=db,
        clock=clock,
        svc=BulkActionService(db, clock, sla),
        tickets=TicketService(db, clock, sla),
        client=client,
        me=add_technician(db, "Alice Martin"),
        dana=add_technician(db, "Dana Tech"),
        reader=add_technician(db, "Rita Reader", role=Role.READ_ONLY),
        ids=ids,  # type: ignore[arg-type]
    )


def _state(w: World) -> list[tuple[Any, ...]]:
    with w.db.read() as s:
        return [
            (t.assignee_id, t.status, t.priority, t.version)
            for t in s.scalars(select(Ticket).where(Ticket.id.in_(w.ids)).order_by(Ticket.id))
        ]


def _events(w: World, ticket_id: int) -> list[tuple[EventKind, str, str, str]]:
    with w.db.read() as s:
        return [
            (r.kind, r.old_value, r.new_value, r.body)
            for r in s.execute(
                select(
                    TicketEvent.kind, TicketEvent.old_value, TicketEvent.new_value, TicketEvent.body
                )
                .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind != EventKind.CREATED)
                .order_by(TicketEvent.id)
            )
        ]


def test_bulk_assign_writes_the_events_of_a_single_edit(w: World) -> None:
    result = w.svc.apply("assign", list(w.ids), str(w.dana), w.me)

    assert result.changed == 3 and result.changes.ids == set(w.ids)
    assert [row[:3] for row in _state(w)] == [(w.dana, Status.ASSIGNED, Priority.P3)] * 3
    assert all(row[3] == 2 for row in _state(w))
    note = f"Bulk action #{result.action_id}"
    assert _events(w, w.ids[0]) == [
        (EventKind.ASSIGNED, "", str(w.dana), note),
        (EventKind.STATUS_CHANGED, "new", "assigned", note),
    ]


def test_bulk_action_row_keeps_old_values_and_new_versions(w: World) -> None:
    result = w.svc.apply("priority", list(w.ids), "P1", w.me)
    with w.db.read() as s:
        action = s.get(BulkAction, result.action_id)
        assert action is not None
        assert (action.actor_id, action.kind, action.new_value) == (w.me, "priority", "P1")
        assert action.before == {str(i): {"old": "P3", "version": 2} for i in w.ids}


def test_tickets_already_holding_the_value_are_left_alone(w: World) -> None:
    w.svc.apply("priority", [w.ids[0]], "P2", w.me)
    result = w.svc.apply("priority", list(w.ids), "P2", w.me)
    assert result.changed == 2
    assert [row[3] for row in _state(w)] == [2, 2, 2]


def test_bulk_status_and_undo_restore_everything(w: World) -> None:
    before = _state(w)
    result = w.svc.apply("status", list(w.ids), "in_progress", w.me)
    assert {row[1] for row in _state(w)} == {Status.IN_PROGRESS}

    undo = w.svc.undo_last(w.me)

    assert undo.action_id == result.action_id
    assert undo.reverted == tuple(format_number(i) for i in w.ids) and undo.skipped == ()
    assert [row[:3] for row in _state(w)] == [row[:3] for row in before]
    assert _events(w, w.ids[1])[-1] == (
        EventKind.STATUS_CHANGED,
        "in_progress",
        "new",
        f"Undo of bulk action #{result.action_id}",
    )


def test_undo_skips_a_ticket_changed_since_and_says_by_whom(w: World) -> None:
    w.svc.apply("priority", list(w.ids), "P1", w.me)
    w.clock.advance(minutes=3)
    detail = w.tickets.get(w.ids[1])
    w.tickets.update(
        w.ids[1], detail.version, replace(detail.fields, subject="Edited by Dana"), w.dana
    )

    undo = w.svc.undo_last(w.me)

    assert undo.reverted == (format_number(w.ids[0]), format_number(w.ids[2]))
    (skipped,) = undo.skipped
    assert (skipped.number, skipped.changed_by, skipped.changed_at) == (
        format_number(w.ids[1]),
        "Dana Tech",
        w.clock.now(),
    )
    assert [row[2] for row in _state(w)] == [Priority.P3, Priority.P1, Priority.P3]
    assert _events(w, w.ids[1])[-1][0] is EventKind.BULK


def test_undo_assign_restores_the_status_it_implied(w: World) -> None:
    w.svc.apply("assign", list(w.ids), str(w.dana), w.me)
    w.svc.undo_last(w.me)
    assert [row[:2] for row in _state(w)] == [(None, Status.NEW)] * 3


def test_second_undo_of_the_same_action_is_refused(w: World) -> None:
    result = w.svc.apply("priority", list(w.ids), "P2", w.me)
    w.svc.undo(result.action_id, w.me)
    with pytest.raises(ValidationError) as exc:
        w.svc.undo(result.action_id, w.me)
    assert exc.value.problems == {"action": "already_undone"}
    assert w.svc.last_undoable(w.me) is None
    with pytest.raises(ValidationError) as exc:
        w.svc.undo_last(w.me)
    assert exc.value.problems == {"action": "nothing_to_undo"}


def test_undo_last_is_the_actors_own_newest_action(w: World) -> None:
    mine = w.svc.apply("priority", list(w.ids), "P2", w.me)
    w.clock.advance(minutes=1)
    theirs = w.svc.apply("priority", [w.ids[0]], "P4", w.dana)

    last = w.svc.last_undoable(w.me)
    assert last is not None and (last.action_id, last.ticket_count) == (mine.action_id, 3)
    with pytest.raises(ValidationError) as exc:
        w.svc.undo(theirs.action_id, w.me)
    assert exc.value.problems == {"action": "not_yours"}


@pytest.mark.parametrize("status", ["resolved", "closed", "cancelled"])
def test_closing_statuses_are_not_bulk_actions(w: World, status: str) -> None:
    before = _state(w)
    with pytest.raises(ValidationError) as exc:
        w.svc.apply("status", list(w.ids), status, w.me)
    assert exc.value.problems == {"value": "needs_closure"}
    assert _state(w) == before


@pytest.mark.parametrize(
    ("kind", "value", "problems"),
    [
        ("delete", "x", {"kind": "invalid_choice"}),
        ("priority", "P9", {"value": "invalid_choice"}),
        ("status", "lost", {"value": "invalid_choice"}),
        ("assign", "abc", {"value": "invalid_choice"}),
        ("assign", "999999", {"value": "not_found"}),
    ],
)
def test_bad_values_are_refused(w: World, kind: str, value: str, problems: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as exc:
        w.svc.apply(kind, list(w.ids), value, w.me)
    assert exc.value.problems == problems


def test_ticket_count_is_bounded(w: World) -> None:
    with pytest.raises(ValidationError) as exc:
        w.svc.apply("priority", [], "P1", w.me)
    assert exc.value.problems == {"tickets": "required"}
    with pytest.raises(ValidationError) as exc:
        w.svc.apply("priority", list(range(1, MAX_TICKETS + 2)), "P1", w.me)
    assert exc.value.problems == {"tickets": "too_many"}
    with pytest.raises(NotFoundError):
        w.svc.apply("priority", [*w.ids, 987_654], "P1", w.me)


def test_all_or_nothing_when_one_ticket_is_closed(w: World) -> None:
    closed = add_ticket(w.db, w.client, status=Status.CLOSED)
    before = _state(w)
    with pytest.raises(BulkRefusedError) as exc:
        w.svc.apply("priority", [*w.ids, closed], "P1", w.me)
    assert exc.value.problems == {"tickets": "closed"}
    assert exc.value.numbers == (format_number(closed),)
    assert _state(w) == before
    with w.db.read() as s:
        assert s.scalars(select(BulkAction)).all() == []


@pytest.mark.parametrize("kind", ["assign", "status", "priority"])
def test_resolved_tickets_are_refused(w: World, kind: str) -> None:
    # A bulk status would reopen it without a reason, and undo would stamp a new resolved_at.
    resolved = add_ticket(w.db, w.client, status=Status.RESOLVED)
    before = _state(w)
    value = {"assign": str(w.dana), "status": "in_progress", "priority": "P1"}[kind]
    with pytest.raises(BulkRefusedError) as exc:
        w.svc.apply(kind, [*w.ids, resolved], value, w.me)
    assert exc.value.problems == {"tickets": "not_open"}
    assert exc.value.numbers == (format_number(resolved),)
    assert _state(w) == before
    with w.db.read() as s:
        assert s.scalars(select(BulkAction)).all() == []


def test_merged_tickets_are_refused(w: World) -> None:
    TicketLinkService(w.db, w.clock).merge(w.ids[0], w.ids[1], w.me)
    with pytest.raises(BulkRefusedError) as exc:
        w.svc.apply("priority", list(w.ids), "P1", w.me)
    assert exc.value.problems == {"tickets": "merged"}


def test_bulk_priority_respects_the_vip_floor(w: World) -> None:
    vip = add_contact(w.db, w.client, "Vera VIP", vip=True)
    onboarding = OnboardingService(w.db, w.clock)
    version = onboarding.form(w.client).sections["vip"].version
    onboarding.save_section(
        w.client,
        "vip",
        {"priority_floor": "P2", "contacts": [{"contact": str(vip)}]},
        version,
        w.me,
    )
    vip_ticket = add_ticket(w.db, w.client, contact_id=vip, priority=Priority.P2)
    with pytest.raises(BulkRefusedError) as exc:
        w.svc.apply("priority", [*w.ids, vip_ticket], "P4", w.me)
    assert exc.value.problems == {"tickets": "vip_floor"}
    assert exc.value.numbers == (format_number(vip_ticket),)
    assert w.svc.apply("priority", [*w.ids, vip_ticket], "P1", w.me).changed == 4


def test_read_only_accounts_may_not_bulk_edit_or_undo(w: World) -> None:
    with pytest.raises(PermissionDeniedError):
        w.svc.apply("priority", list(w.ids), "P1", w.reader)
    result = w.svc.apply("priority", list(w.ids), "P1", w.me)
    with pytest.raises(PermissionDeniedError):
        w.svc.undo(result.action_id, w.reader)
    assert {row[2] for row in _state(w)} == {Priority.P1}


def test_two_undos_of_one_action_at_once_revert_it_once(
    fresh_db_url: str, make_engine: Callable[[str], Engine]
) -> None:
    """Two workstations press Undo together (own engines): one wins, the other is refused."""
    engine = make_engine(fresh_db_url)
    upgrade_database(engine, backups_dir=None)
    db = Database(engine)
    clock = FakeClock()
    client = add_client(db, "Acme NV")
    me = add_technician(db, "Alice Martin")
    ids = [add_ticket(db, client, subject=f"Ticket {n}") for n in range(20)]
    action = BulkActionService(db, clock).apply("priority", ids, "P1", me).action_id

    barrier = threading.Barrier(2)
    results: list[object] = []

    def undo() -> None:
        svc = BulkActionService(Database(make_engine(fresh_db_url)), FakeClock())
        barrier.wait(timeout=30)
        try:
            results.append(svc.undo(action, me))
        except BaseException as e:
            results.append(e)

    threads = [threading.Thread(target=undo) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)

    refused = [r for r in results if isinstance(r, ValidationError)]
    done = [r for r in results if not isinstance(r, BaseException)]
    assert len(done) == 1 and len(refused) == 1, results
    assert refused[0].problems == {"action": "already_undone"}
    with db.read() as s:
        assert set(s.scalars(select(Ticket.priority).where(Ticket.id.in_(ids)))) == {Priority.P3}
        undo_events = s.scalar(
            select(func.count()).where(
                TicketEvent.kind == EventKind.PRIORITY_CHANGED,
                TicketEvent.body == f"Undo of bulk action #{action}",
            )
        )
        assert undo_events == len(ids)
