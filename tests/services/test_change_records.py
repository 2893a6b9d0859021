"""app/services/change_records.py: change records, approval steps and their states (T2).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00Z. States: draft → awaiting_approval → approved | rejected →
in_progress → implemented | rolled_back; steps are decided in order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Contact, TicketEvent
from app.models.enums import EventKind, Role, TicketType
from app.services.change_records import Approver, ChangeRecord, ChangeService
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from tests.factories import add_client, add_contact, add_technician, add_ticket
from tests.fakes import DEFAULT_NOW, FakeClock

START = DEFAULT_NOW + dt.timedelta(days=2)
END = START + dt.timedelta(hours=2)


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: ChangeService
    client: int
    change: int
    tech: int
    cab: int
    admin: int
    reader: int
    approver: int
    plain_contact: int
    stranger: int


def _approver(db: Database, client: int, name: str) -> int:
    contact = add_contact(db, client, name)
    with db.write() as s:
        c = s.get(Contact, contact)
        assert c is not None
        c.authorised_approver = True
    return contact


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    client = add_client(db, "Acme NV")
    other = add_client(db, "Other BV")
    return World(
        db=db,
        clock=clock,
        svc=ChangeService(db, clock),
        client=client,
        change=add_ticket(db, client, subject="Replace firewall", ticket_type=TicketType.CHANGE),
        tech=add_technician(db, "Dana Tech"),
        cab=add_technician(db, "Carl CAB"),
        admin=add_technician(db, "Ada Admin", role=Role.ADMIN),
        reader=add_technician(db, "Rita Reader", role=Role.READ_ONLY),
        approver=_approver(db, client, "Ann Client"),
        plain_contact=add_contact(db, client, "Paul Plain"),
        stranger=_approver(db, other, "Sam Other"),
    )


def _plan(w: World, **kw: object) -> ChangeRecord:
    values: dict[str, object] = {
        "implementation_plan": "Swap the box",
        "rollback_plan": "Put the old box back",
        "test_plan": "Ping the gateway",
        "risk": "medium",
        "window_start": START,
        "window_end": END,
    }
    values.update(kw)
    version = w.svc.plan(w.change).version
    return w.svc.save_plan(w.change, version, actor_id=w.tech, **values)  # type: ignore[arg-type]


def _ready(w: World) -> ChangeRecord:
    """A submitted change with two steps: the CAB technician, then the client's approver."""
    _plan(w)
    w.svc.add_step(w.change, Approver(technician_id=w.cab), w.tech)
    w.svc.add_step(w.change, Approver(contact_id=w.approver), w.tech)
    return w.svc.submit(w.change, w.tech)


def _bodies(w: World) -> list[str]:
    with w.db.read() as s:
        return list(
            s.scalars(
                select(TicketEvent.body)
                .where(TicketEvent.ticket_id == w.change, TicketEvent.kind == EventKind.CHANGE)
                .order_by(TicketEvent.id)
            )
        )


def test_plan_of_a_new_change_is_an_unsaved_draft(w: World) -> None:
    record = w.svc.plan(w.change)
    assert (record.state, record.version, record.steps) == ("draft", 0, ())
    assert _bodies(w) == []


def test_other_ticket_types_have_no_change_record(w: World) -> None:
    incident = add_ticket(w.db, w.client)
    with pytest.raises(ValidationError) as exc:
        w.svc.plan(incident)
    assert exc.value.problems == {"ticket": "not_change"}
    with pytest.raises(ValidationError):
        w.svc.add_step(incident, Approver(name="Boss"), w.tech)
    with pytest.raises(NotFoundError):
        w.svc.plan(incident + 10_000)


def test_save_plan_creates_then_updates_with_a_change_event(w: World) -> None:
    first = _plan(w)
    assert first.version == 1 and first.risk == "medium"
    assert (first.window_start, first.window_end) == (START, END)

    second = w.svc.save_plan(
        w.change, first.version, "Swap the box", "Restore", "", "high", None, None, w.tech
    )

    assert second.version == 2 and second.window_start is None and second.rollback_plan == "Restore"
    assert (
        _bodies(w)[-1]
        == "Change plan saved: rollback plan, test plan, risk, window start, window end"
    )


def test_save_plan_on_a_stale_version_is_refused(w: World) -> None:
    first = _plan(w)
    w.svc.save_plan(w.change, first.version, "a", "b", "", "low", None, None, w.cab)
    with pytest.raises(ConcurrentEditError) as exc:
        w.svc.save_plan(w.change, first.version, "c", "d", "", "low", None, None, w.tech)
    assert exc.value.current_version == 2 and exc.value.changed_by == "Carl CAB"
    assert w.svc.plan(w.change).implementation_plan == "a"


@pytest.mark.parametrize(
    ("start", "end", "problems"),
    [
        (START, None, {"window_end": "required"}),
        (None, END, {"window_start": "required"}),
        (END, START, {"window_end": "before_start"}),
        (START, START, {"window_end": "before_start"}),
        (START.replace(tzinfo=None), END, {"window_start": "naive"}),
    ],
)
def test_window_needs_both_ends_in_order(
    w: World, start: dt.datetime | None, end: dt.datetime | None, problems: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as exc:
        w.svc.save_plan(w.change, 0, "a", "b", "", "low", start, end, w.tech)
    assert exc.value.problems == problems
    assert w.svc.plan(w.change).version == 0


def test_bad_risk_and_nul_text_are_refused(w: World) -> None:
    with pytest.raises(ValidationError) as exc:
        w.svc.save_plan(w.change, 0, "a\x00", "b", "", "extreme", None, None, w.tech)
    assert exc.value.problems == {"implementation_plan": "invalid", "risk": "invalid_choice"}


def test_approvers_technician_contact_or_typed_name(w: World) -> None:
    w.svc.add_step(w.change, Approver(technician_id=w.cab), w.tech)
    w.svc.add_step(w.change, Approver(contact_id=w.approver), w.tech)
    record = w.svc.add_step(w.change, Approver(name="  Board of directors "), w.tech)

    assert [(st.step, st.approver_name, st.approver_kind) for st in record.steps] == [
        (1, "Carl CAB", "technician"),
        (2, "Ann Client", "contact"),
        (3, "Board of directors", "name"),
    ]
    assert all(st.decision == "pending" for st in record.steps)
    # Each step moved the record's version, so a plan edit made before them is stale.
    with pytest.raises(ConcurrentEditError):
        w.svc.save_plan(w.change, 1, "a", "b", "", "low", None, None, w.tech)


@pytest.mark.parametrize(
    ("which", "code"),
    [("plain", "not_authorised"), ("stranger", "other_client"), ("none", "required")],
)
def test_contact_approver_must_be_an_authorised_approver_of_the_client(
    w: World, which: str, code: str
) -> None:
    approver = {
        "plain": Approver(contact_id=w.plain_contact),
        "stranger": Approver(contact_id=w.stranger),
        "none": Approver(name="   "),
    }[which]
    with pytest.raises(ValidationError) as exc:
        w.svc.add_step(w.change, approver, w.tech)
    assert exc.value.problems == {"approver": code}
    assert w.svc.plan(w.change).steps == ()


def test_approver_must_be_one_person(w: World) -> None:
    with pytest.raises(ValidationError) as exc:
        w.svc.add_step(w.change, Approver(technician_id=w.cab, name="Also me"), w.tech)
    assert exc.value.problems == {"approver": "ambiguous"}


def test_submit_needs_plans_and_a_step(w: World) -> None:
    with pytest.raises(ValidationError) as exc:
        w.svc.submit(w.change, w.tech)
    assert exc.value.problems == {
        "implementation_plan": "required",
        "rollback_plan": "required",
        "steps": "required",
    }
    _plan(w, rollback_plan="  ")
    w.svc.add_step(w.change, Approver(name="Boss"), w.tech)
    with pytest.raises(ValidationError) as exc:
        w.svc.submit(w.change, w.tech)
    assert exc.value.problems == {"rollback_plan": "required"}


def test_steps_are_decided_in_order_and_the_last_approval_approves(w: World) -> None:
    record = _ready(w)
    assert record.state == "awaiting_approval"
    first, second = record.steps

    with pytest.raises(ValidationError) as exc:
        w.svc.decide(second.step_id, "approved", "", w.tech)
    assert exc.value.problems == {"step": "earlier_pending"}

    record = w.svc.decide(first.step_id, "approved", "Looks fine", w.cab)
    assert record.state == "awaiting_approval" and record.next_step == record.steps[1]
    record = w.svc.decide(second.step_id, "approved", "Go ahead", w.tech)

    assert record.state == "approved"
    assert [st.decision for st in record.steps] == ["approved", "approved"]
    assert record.steps[1].recorded_by == "Dana Tech"
    assert _bodies(w)[-2:] == [
        "Step 1 approved by Carl CAB: Looks fine",
        "Step 2 approved by Ann Client (recorded by Dana Tech): Go ahead. "
        "All steps approved: change approved",
    ]


def test_a_rejection_rejects_the_change_and_an_edit_sends_it_back_to_draft(w: World) -> None:
    first, _second = _ready(w).steps
    record = w.svc.decide(first.step_id, "rejected", "No rollback test", w.cab)
    assert record.state == "rejected"
    with pytest.raises(ValidationError) as exc:
        w.svc.decide(record.steps[1].step_id, "approved", "", w.tech)
    assert exc.value.problems == {"state": "not_awaiting"}

    record = _plan(w, test_plan="Ping and test the VPN")

    assert record.state == "draft"
    assert [st.decision for st in record.steps] == ["pending", "pending"]
    assert w.svc.submit(w.change, w.tech).state == "awaiting_approval"


def test_a_technician_step_is_decided_by_that_technician_or_an_admin(w: World) -> None:
    first, _ = _ready(w).steps
    with pytest.raises(ValidationError) as exc:
        w.svc.decide(first.step_id, "approved", "", w.tech)
    assert exc.value.problems == {"step": "not_yours"}
    assert w.svc.decide(first.step_id, "approved", "", w.admin).steps[0].decision == "approved"


def test_decided_steps_cannot_be_decided_again_or_removed(w: World) -> None:
    first, _ = _ready(w).steps
    w.svc.decide(first.step_id, "rejected", "", w.cab)
    with pytest.raises(ValidationError) as exc:
        w.svc.decide(first.step_id, "approved", "", w.cab)
    assert exc.value.problems == {"state": "not_awaiting"}
    with pytest.raises(ValidationError) as exc:
        w.svc.remove_step(first.step_id, w.tech)
    assert exc.value.problems == {"step": "decided"}


def test_remove_a_pending_step_renumbers_the_rest(w: World) -> None:
    w.svc.add_step(w.change, Approver(name="A"), w.tech)
    w.svc.add_step(w.change, Approver(name="B"), w.tech)
    record = w.svc.add_step(w.change, Approver(name="C"), w.tech)
    record = w.svc.remove_step(record.steps[0].step_id, w.tech)
    assert [(st.step, st.approver_name) for st in record.steps] == [(1, "B"), (2, "C")]
    assert _bodies(w)[-1] == "Approval step removed: A"


def test_steps_are_locked_while_awaiting_approval(w: World) -> None:
    first, _ = _ready(w).steps
    with pytest.raises(ValidationError) as exc:
        w.svc.add_step(w.change, Approver(name="Late"), w.tech)
    assert exc.value.problems == {"state": "locked"}
    with pytest.raises(ValidationError):
        w.svc.remove_step(first.step_id, w.tech)
    with pytest.raises(ValidationError) as exc:
        _plan(w)
    assert exc.value.problems == {"state": "locked"}


def _approve(w: World) -> None:
    first, second = _ready(w).steps
    w.svc.decide(first.step_id, "approved", "", w.cab)
    w.svc.decide(second.step_id, "approved", "", w.tech)


def test_start_complete_and_roll_back_need_approval(w: World) -> None:
    _ready(w)
    for call in (w.svc.start, w.svc.complete, w.svc.roll_back):
        with pytest.raises(ValidationError):
            call(w.change, w.tech)


def test_start_waits_for_the_window_then_completes(w: World) -> None:
    _approve(w)
    with pytest.raises(ValidationError) as exc:
        w.svc.start(w.change, w.tech)
    assert exc.value.problems == {"window": "not_started"}

    w.clock.set(START)
    assert w.svc.start(w.change, w.tech).state == "in_progress"
    record = w.svc.complete(w.change, w.tech, "Done, all green")

    assert record.state == "implemented"
    assert _bodies(w)[-2:] == ["Implementation started", "Change implemented: Done, all green"]
    with pytest.raises(ValidationError) as exc:
        w.svc.roll_back(w.change, w.tech)
    assert exc.value.problems == {"state": "not_in_progress"}


def test_late_start_is_allowed_and_said_then_rolled_back(w: World) -> None:
    _approve(w)
    w.clock.set(END + dt.timedelta(minutes=1))
    w.svc.start(w.change, w.tech)
    assert _bodies(w)[-1] == "Implementation started after the scheduled window ended"
    assert w.svc.roll_back(w.change, w.tech, "Link did not come up").state == "rolled_back"


def test_read_only_accounts_can_read_but_not_write(w: World) -> None:
    _plan(w)
    with pytest.raises(PermissionDeniedError):
        w.svc.save_plan(w.change, 1, "x", "y", "", "low", None, None, w.reader)
    with pytest.raises(PermissionDeniedError):
        w.svc.add_step(w.change, Approver(name="A"), w.reader)
    with pytest.raises(PermissionDeniedError):
        w.svc.submit(w.change, w.reader)
    assert w.svc.plan(w.change).implementation_plan == "Swap the box"
