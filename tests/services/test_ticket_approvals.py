"""app/services/ticket_approvals.py: permission before commencing work (domain.md §3.2, D7).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00 UTC. Rules and approvers come from the saved "permissions" section; a
rule applies to tickets of its type or to "any"; the latest record of a rule decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Contact, TicketApproval, TicketEvent
from app.models.enums import EventKind, Role, TicketType
from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.onboarding import OnboardingService
from app.services.ticket_approvals import ApprovalRow, ApprovalService
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import DEFAULT_NOW, FakeClock

REBOOT = "Reboot a server in business hours"
INSTALL = "Install software"
FIREWALL = "Firewall change"


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: ApprovalService
    client: int
    ann: int
    bob: int
    carl: int
    dave: int
    stranger: int
    tech: int
    #: Rule keys by work.
    keys: dict[str, str]
    incident: int
    request: int
    change: int


def _contact(db: Database, client_id: int, name: str) -> int:
    with db.write() as s:
        c = Contact(client_id=client_id, name=name, email=f"{name.split()[0].lower()}@x.example")
        s.add(c)
        s.flush()
        return c.id


def _save(db: Database, clock: FakeClock, client: int, tech: int, raw: dict[str, Any]) -> Any:
    svc = OnboardingService(db, clock)
    version = svc.form(client).sections["permissions"].version
    return svc.save_section(client, "permissions", raw, version, tech).state.data


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    client = add_client(db, "Acme NV")
    other = add_client(db, "Other BV")
    ann, bob, carl, dave = (
        _contact(db, client, n) for n in ("Ann Client", "Bob Client", "Carl Client", "Dave Gone")
    )
    tech = add_technician(db, "Ann Tech")
    data = _save(
        db,
        clock,
        client,
        tech,
        {
            "after_hours": "Call Bob after 18:00",
            "rules": [
                {"work": REBOOT, "applies_to": "any"},
                {"work": INSTALL, "applies_to": "service_request"},
                {"work": FIREWALL, "applies_to": "change"},
            ],
            "approvers": [
                {"contact": str(ann), "scope": "Everything"},
                {"contact": str(bob)},
                {"contact": str(dave)},
            ],
        },
    )
    with db.write() as s:
        row = s.get(Contact, dave)
        assert row is not None
        row.active = False
    return World(
        db,
        clock,
        ApprovalService(db, clock),
        client,
        ann,
        bob,
        carl,
        dave,
        _contact(db, other, "Sam Stranger"),
        tech,
        {r["work"]: r["key"] for r in data["rules"]},
        add_ticket(db, client, ticket_type=TicketType.INCIDENT),
        add_ticket(db, client, ticket_type=TicketType.SERVICE_REQUEST),
        add_ticket(db, client, ticket_type=TicketType.CHANGE),
    )


def approval_events(w: World, ticket_id: int) -> list[tuple[str, str, str, int | None]]:
    with w.db.read() as s:
        return [
            (e.old_value, e.new_value, e.body, e.actor_id)
            for e in s.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == EventKind.APPROVAL)
                .order_by(TicketEvent.id)
            )
        ]


def stored(w: World) -> int:
    with w.db.read() as s:
        return len(s.scalars(select(TicketApproval)).all())


# --- which rules apply ----------------------------------------------------------------------


def test_rules_apply_by_ticket_type_or_any(w: World) -> None:
    def works(ticket_id: int) -> list[str]:
        return [n.work for n in w.svc.approvals(ticket_id).needs]

    assert works(w.incident) == [REBOOT]
    assert works(w.request) == [REBOOT, INSTALL]
    assert works(w.change) == [REBOOT, FIREWALL]
    problem = add_ticket(w.db, w.client, ticket_type=TicketType.PROBLEM)
    assert works(problem) == [REBOOT]


def test_approvals_list_active_authorised_approvers_and_after_hours(w: World) -> None:
    a = w.svc.approvals(w.incident)
    assert a.ticket_id == w.incident
    assert a.approvers == ((w.ann, "Ann Client"), (w.bob, "Bob Client"))
    assert a.after_hours == "Call Bob after 18:00"
    assert a.required
    assert [(n.work_key, n.records, n.approved) for n in a.needs] == [(w.keys[REBOOT], (), False)]


def test_a_client_without_rules_requires_nothing(w: World) -> None:
    ticket = add_ticket(w.db, add_client(w.db, "Bare BV"))
    a = w.svc.approvals(ticket)
    assert (a.needs, a.approvers, a.after_hours, a.required) == ((), (), "", False)


def test_unknown_ticket(w: World) -> None:
    with pytest.raises(NotFoundError):
        w.svc.approvals(999_999_999)
    with pytest.raises(NotFoundError):
        w.svc.record(999_999_999, w.keys[REBOOT], "approved", w.ann, "phone", w.tech)


# --- recording ----------------------------------------------------------------------------------


def test_recording_an_approval_writes_the_row_and_the_timeline(w: World) -> None:
    changes = w.svc.record(
        w.incident, w.keys[REBOOT], "approved", w.ann, "phone", w.tech, "  CALL-77  "
    )
    assert changes.kind == "ticket" and changes.ids == frozenset({w.incident})
    a = w.svc.approvals(w.incident)
    (need,) = a.needs
    assert need.records == (
        ApprovalRow(
            need.records[0].approval_id,
            "approved",
            "Ann Client",
            "phone",
            "CALL-77",
            DEFAULT_NOW,
            "Ann Tech",
        ),
    )
    assert need.approved and not a.required
    assert approval_events(w, w.incident) == [
        (
            w.keys[REBOOT],
            "approved",
            f"Approved by Ann Client (phone, ref. CALL-77): {REBOOT}",
            w.tech,
        )
    ]
    with w.db.read() as s:
        (row,) = s.scalars(select(TicketApproval)).all()
        assert (row.ticket_id, row.work, row.approver_contact_id, row.recorded_by_id) == (
            w.incident,
            REBOOT,
            w.ann,
            w.tech,
        )


def test_a_refusal_without_reference(w: World) -> None:
    w.svc.record(w.request, w.keys[INSTALL], "refused", w.bob, "email", w.tech)
    assert approval_events(w, w.request) == [
        (w.keys[INSTALL], "refused", f"Refused by Bob Client (email): {INSTALL}", w.tech)
    ]
    a = w.svc.approvals(w.request)
    assert [(n.work, n.approved) for n in a.needs] == [(REBOOT, False), (INSTALL, False)]
    assert a.required


def test_every_applying_rule_needs_its_own_approval(w: World) -> None:
    w.svc.record(w.change, w.keys[REBOOT], "approved", w.ann, "written", w.tech)
    assert w.svc.approvals(w.change).required
    w.svc.record(w.change, w.keys[FIREWALL], "approved", w.bob, "in_person", w.tech)
    assert not w.svc.approvals(w.change).required
    # Approvals are per ticket.
    assert w.svc.approvals(w.incident).required


def test_the_latest_record_decides(w: World) -> None:
    key = w.keys[REBOOT]
    w.svc.record(w.incident, key, "approved", w.ann, "phone", w.tech)
    w.clock.advance(minutes=10)
    w.svc.record(w.incident, key, "refused", w.bob, "phone", w.tech)
    (need,) = w.svc.approvals(w.incident).needs
    assert [r.decision for r in need.records] == ["approved", "refused"]
    assert not need.approved
    w.clock.advance(minutes=10)
    w.svc.record(w.incident, key, "approved", w.bob, "email", w.tech)
    (need,) = w.svc.approvals(w.incident).needs
    assert need.approved
    assert [r.approved_at for r in need.records] == [
        DEFAULT_NOW,
        DEFAULT_NOW + dt.timedelta(minutes=10),
        DEFAULT_NOW + dt.timedelta(minutes=20),
    ]


def test_records_at_the_same_instant_are_ordered_as_recorded(w: World) -> None:
    key = w.keys[REBOOT]
    w.svc.record(w.incident, key, "approved", w.ann, "phone", w.tech)
    w.svc.record(w.incident, key, "refused", w.bob, "phone", w.tech)
    (need,) = w.svc.approvals(w.incident).needs
    assert [r.decision for r in need.records] == ["approved", "refused"]
    assert not need.approved


@pytest.mark.parametrize("who", ["carl", "dave", "stranger", "unknown"])
def test_only_authorised_active_approvers_of_the_client(w: World, who: str) -> None:
    contact = 999_999_999 if who == "unknown" else getattr(w, who)
    with pytest.raises(ValidationError) as e:
        w.svc.record(w.incident, w.keys[REBOOT], "approved", contact, "phone", w.tech)
    assert e.value.problems == {"approver": "not_authorised"}
    assert stored(w) == 0
    assert approval_events(w, w.incident) == []


def test_an_approver_removed_from_the_section_can_no_longer_approve(w: World) -> None:
    w.svc.record(w.incident, w.keys[REBOOT], "approved", w.ann, "phone", w.tech)
    _save(
        w.db,
        w.clock,
        w.client,
        w.tech,
        {
            "rules": [
                {"key": w.keys[REBOOT], "work": REBOOT, "applies_to": "any"},
            ],
            "approvers": [{"contact": str(w.bob)}],
        },
    )
    a = w.svc.approvals(w.incident)
    assert a.approvers == ((w.bob, "Bob Client"),)
    assert a.needs[0].approved  # what was recorded stays on record
    with pytest.raises(ValidationError) as e:
        w.svc.record(w.incident, w.keys[REBOOT], "refused", w.ann, "phone", w.tech)
    assert e.value.problems == {"approver": "not_authorised"}


def test_work_that_does_not_apply_is_unknown(w: World) -> None:
    for key in (w.keys[INSTALL], w.keys[FIREWALL], "no-such-key"):
        with pytest.raises(ValidationError) as e:
            w.svc.record(w.incident, key, "approved", w.ann, "phone", w.tech)
        assert e.value.problems == {"work": "unknown"}
    assert stored(w) == 0


def test_decision_method_and_reference_are_validated(w: World) -> None:
    with pytest.raises(ValidationError) as e:
        w.svc.record(w.incident, w.keys[REBOOT], "maybe", w.ann, "fax", w.tech, "x" * 201)
    assert e.value.problems == {
        "decision": "invalid_choice",
        "method": "invalid_choice",
        "reference": "too_long",
    }
    assert stored(w) == 0
    # 200 characters after trimming are fine.
    w.svc.record(w.incident, w.keys[REBOOT], "approved", w.ann, "phone", w.tech, f" {'r' * 200} ")
    assert w.svc.approvals(w.incident).needs[0].records[0].reference == "r" * 200


def test_read_only_technicians_cannot_record(w: World) -> None:
    reader = add_technician(w.db, "Rita Reader", role=Role.READ_ONLY)
    gone = add_technician(w.db, "Gone Tech", active=False)
    for actor in (reader, gone):
        with pytest.raises(PermissionDeniedError):
            w.svc.record(w.incident, w.keys[REBOOT], "approved", w.ann, "phone", actor)
    assert stored(w) == 0
    assert approval_events(w, w.incident) == []
