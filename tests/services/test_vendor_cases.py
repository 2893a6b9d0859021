"""app/services/vendor_cases.py: vendor cases pause and resume the ticket, the client reference,
follow-up reminders once (also from two sweepers at once on PostgreSQL), bad input.

See tests/services/test_escalation_support.py for the desk. The SLA calendar is Mon–Fri
09:00–17:00 Brussels (08:00–16:00Z); a P2 ticket made at Monday 09:00Z has 8 business hours to
resolution, due Tuesday 09:00Z while it never waits.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, func, select

from app.db import Database, upgrade_database
from app.models import SlaNotification, TicketEvent, TicketSla
from app.models.enums import EventKind, Status
from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.sla_sweep import SlaSweepService
from app.services.vendor_cases import OTHER_VENDOR, VendorCaseService
from app.sla.engine import TargetState
from tests.fakes import FakeClock
from tests.services.test_escalation_support import Desk, build_desk, z

VENDORS = [
    {
        "vendor": "Proximus",
        "service": "Fibre internet",
        "support_phone": "+32 800 22 800",
        "account_number": "PX-1",
    },
    {"vendor": "Dell", "service": "Server hardware", "support_url": "https://dell.example"},
]


@pytest.fixture
def d(db: Database, clock: FakeClock) -> Desk:
    desk = build_desk(db, clock)
    desk.save_escalation({"contacts": [], "vendors": VENDORS})
    return desk


def key(d: Desk, name: str) -> str:
    return next(v.key for v in d.vendors.vendors(d.client) if v.vendor == name)


def resolution(d: Desk, ticket_id: int) -> TicketSla:
    with d.db.read() as s:
        row = s.scalars(
            select(TicketSla).where(
                TicketSla.ticket_id == ticket_id, TicketSla.kind == "resolution"
            )
        ).one()
        s.expunge(row)
        return row


def follow_ups(db: Database) -> list[tuple[int, int, str, str]]:
    with db.read() as s:
        rows = s.execute(
            select(
                SlaNotification.technician_id,
                SlaNotification.ticket_id,
                SlaNotification.reason,
                SlaNotification.target_kind,
            )
            .where(SlaNotification.reason == "follow_up")
            .order_by(SlaNotification.id)
        ).all()
        return [(a, b, c, e) for a, b, c, e in rows]


# --- the client's vendors -----------------------------------------------------------------------


def test_vendors_come_from_the_escalation_section(d: Desk) -> None:
    vendors = d.vendors.vendors(d.client)
    assert [(v.vendor, v.service, v.support_phone, v.support_url) for v in vendors] == [
        ("Proximus", "Fibre internet", "+32 800 22 800", ""),
        ("Dell", "Server hardware", "", "https://dell.example"),
    ]
    assert all(len(v.key) == 36 for v in vendors)
    assert d.vendors.vendors(999_999) == []


# --- open, pause, close, resume -----------------------------------------------------------------


def test_opening_a_case_waits_on_the_third_party_and_pauses_resolution(d: Desk) -> None:
    t = d.ticket()
    assert resolution(d, t).due_at == z("2026-03-03 09:00")
    d.clock.set(z("2026-03-02 10:00"))
    saved = d.vendors.open(
        t, key(d, "Proximus"), " PX-778812 ", "Jan at NOC", z("2026-03-02 14:00"), "", d.alice
    )
    assert (saved.case.vendor, saved.case.reference, saved.case.is_open) == (
        "Proximus",
        "PX-778812",
        True,
    )
    assert saved.changes.ids == frozenset({t})
    assert d.tickets.get(t).fields.status is Status.WAITING_THIRD_PARTY
    assert resolution(d, t).state == TargetState.PAUSED.value
    assert d.events(t, EventKind.VENDOR_CASE, EventKind.STATUS_CHANGED)[-2:] == [
        (
            EventKind.VENDOR_CASE,
            "",
            "opened",
            "Opened case PX-778812 with Proximus (Fibre internet); contact: Jan at NOC; "
            "follow up Mon 02 Mar 2026 15:00 (Europe/Brussels).",
            d.alice,
            False,
        ),
        (EventKind.STATUS_CHANGED, "assigned", "waiting_third_party", "", d.alice, False),
    ]
    # Three business hours later the vendor fixed it: closing resumes the clock, and the
    # three paused hours move the due three hours on.
    d.clock.set(z("2026-03-02 13:00"))
    closed = d.vendors.close(saved.case.case_id, d.alice, "Line reset by Proximus")
    assert closed.case.closed_at == z("2026-03-02 13:00")
    assert d.tickets.get(t).fields.status is Status.IN_PROGRESS
    after = resolution(d, t)
    assert after.state == TargetState.RUNNING.value
    assert after.due_at == z("2026-03-03 12:00")
    assert d.events(t, EventKind.VENDOR_CASE)[-1][3] == (
        "Closed case PX-778812 with Proximus.\nLine reset by Proximus"
    )
    assert [c.is_open for c in d.vendors.cases(t)] == [False]


def test_the_ticket_waits_until_the_last_open_case_closes(d: Desk) -> None:
    t = d.ticket()
    a = d.vendors.open(t, key(d, "Proximus"), "PX-1", "", None, "", d.alice).case
    b = d.vendors.open(t, key(d, "Dell"), "SR-9", "", None, "", d.alice).case
    d.vendors.close(a.case_id, d.alice)
    assert d.tickets.get(t).fields.status is Status.WAITING_THIRD_PARTY
    d.vendors.close(b.case_id, d.alice, resume_status=Status.WAITING_CUSTOMER)
    assert d.tickets.get(t).fields.status is Status.WAITING_CUSTOMER
    assert [c.reference for c in d.vendors.cases(t)] == ["PX-1", "SR-9"]


def test_a_vendor_not_on_the_list_needs_other_and_a_name(d: Desk) -> None:
    t = d.ticket()
    with pytest.raises(ValidationError) as e:
        d.vendors.open(t, "0d7d0a2e-0000-4000-8000-000000000000", "R1", "", None, "", d.alice)
    assert e.value.problems == {"vendor": "not_listed"}
    with pytest.raises(ValidationError) as e:
        d.vendors.open(t, OTHER_VENDOR, "R1", "", None, "", d.alice, vendor_name="  ")
    assert e.value.problems == {"vendor": "required"}
    case = d.vendors.open(
        t, OTHER_VENDOR, "R1", "", None, "", d.alice, vendor_name="  Local  ISP "
    ).case
    assert (case.vendor, case.vendor_key) == ("Local ISP", "")


def test_bad_input_is_refused_and_nothing_is_written(d: Desk) -> None:
    t = d.ticket()
    proximus = key(d, "Proximus")
    cases = [
        (("", "", None, ""), {"reference": "required"}),
        (("x" * 101, "", None, ""), {"reference": "too_long"}),
        (("R\x001", "", None, ""), {"reference": "invalid"}),
        (("R1", "c" * 201, None, ""), {"vendor_contact": "too_long"}),
        (("R1", "", z("2026-03-02 08:54"), ""), {"follow_up_at": "in_past"}),
        (("R1", "", dt.datetime(2026, 3, 3, 9, 0), ""), {"follow_up_at": "naive"}),
        (("R1", "", None, "bad\x00note"), {"note": "invalid"}),
    ]
    for (reference, contact, follow_up, note), problems in cases:
        with pytest.raises(ValidationError) as e:
            d.vendors.open(t, proximus, reference, contact, follow_up, note, d.alice)
        assert e.value.problems == problems
    assert d.vendors.cases(t) == []
    assert d.tickets.get(t).fields.status is Status.ASSIGNED
    with pytest.raises(NotFoundError):
        d.vendors.open(999_999, proximus, "R1", "", None, "", d.alice)
    with pytest.raises(PermissionDeniedError):
        d.vendors.open(t, proximus, "R1", "", None, "", d.reader)


def test_a_follow_up_picked_to_the_minute_just_now_is_accepted(d: Desk) -> None:
    t = d.ticket()
    d.clock.set(z("2026-03-02 09:00:40"))
    case = d.vendors.open(t, key(d, "Dell"), "SR-1", "", z("2026-03-02 09:00"), "", d.alice).case
    assert case.follow_up_at == z("2026-03-02 09:00")
    assert d.vendors.remind_due() == 1


def test_update_changes_reference_and_follow_up_and_close_twice_is_refused(d: Desk) -> None:
    t = d.ticket()
    case = d.vendors.open(t, key(d, "Dell"), "SR-1", "", None, "", d.alice).case
    updated = d.vendors.update(
        case.case_id,
        d.alice,
        reference="SR-2",
        follow_up_at=z("2026-03-03 10:00"),
        note="Engineer booked",
    )
    assert (updated.case.reference, updated.case.follow_up_at, updated.case.note) == (
        "SR-2",
        z("2026-03-03 10:00"),
        "Engineer booked",
    )
    assert d.events(t, EventKind.VENDOR_CASE)[-1][3] == (
        "Case SR-2 with Dell: reference SR-1 → SR-2; "
        "follow up Tue 03 Mar 2026 11:00 (Europe/Brussels).\nEngineer booked"
    )
    cleared = d.vendors.update(case.case_id, d.alice, clear_follow_up=True)
    assert cleared.case.follow_up_at is None
    with pytest.raises(ValidationError) as e:
        d.vendors.update(case.case_id, d.alice, reference=" ")
    assert e.value.problems == {"reference": "required"}
    d.vendors.close(case.case_id, d.alice)
    for act in (
        lambda: d.vendors.close(case.case_id, d.alice),
        lambda: d.vendors.update(case.case_id, d.alice, note="late"),
    ):
        with pytest.raises(ValidationError) as e:
            act()
        assert e.value.problems == {"case": "closed"}


def test_a_passed_follow_up_sent_back_unchanged_is_no_change(d: Desk) -> None:
    # The dialog sends the stored follow-up back; once its reminder fired it is in the past.
    t = d.ticket()
    follow = d.clock.now() + dt.timedelta(hours=1)
    case = d.vendors.open(t, key(d, "Dell"), "SR-1", "", follow, "", d.alice).case
    d.clock.advance(hours=3)
    noted = d.vendors.update(
        case.case_id, d.alice, reference="SR-1", follow_up_at=case.follow_up_at, note="Modem"
    )
    assert (noted.case.follow_up_at, noted.case.note) == (case.follow_up_at, "Modem")
    assert d.events(t, EventKind.VENDOR_CASE)[-1][3] == "Case SR-1 with Dell.\nModem"
    # A new instant must still lie ahead.
    with pytest.raises(ValidationError) as e:
        d.vendors.update(case.case_id, d.alice, follow_up_at=follow + dt.timedelta(minutes=30))
    assert e.value.problems == {"follow_up_at": "in_past"}


def test_resume_status_must_be_a_working_status(d: Desk) -> None:
    t = d.ticket()
    case = d.vendors.open(t, key(d, "Dell"), "SR-1", "", None, "", d.alice).case
    with pytest.raises(ValidationError) as e:
        d.vendors.close(case.case_id, d.alice, resume_status=Status.CLOSED)
    assert e.value.problems == {"resume_status": "invalid_choice"}
    assert d.vendors.cases(t)[0].is_open


# --- the client's reference ---------------------------------------------------------------------


def test_client_reference_is_stored_and_recorded(d: Desk) -> None:
    t = d.ticket()
    version = d.version(t)
    d.vendors.set_client_reference(t, "  INC0012345 ", d.alice)
    assert d.tickets.get(t).version == version + 1
    d.vendors.set_client_reference(t, "INC0012399", d.alice)
    assert d.vendors.set_client_reference(t, "INC0012399", d.alice).ids == frozenset()
    d.vendors.set_client_reference(t, "", d.alice)
    assert [e[3] for e in d.events(t, EventKind.FIELDS_CHANGED)] == [
        "Client reference: INC0012345.",
        "Client reference: INC0012399 (was INC0012345).",
        "Client reference INC0012399 removed.",
    ]
    for text, code in (("x" * 101, "too_long"), ("a\x00", "invalid")):
        with pytest.raises(ValidationError) as e:
            d.vendors.set_client_reference(t, text, d.alice)
        assert e.value.problems == {"client_reference": code}


# --- follow-up reminders ------------------------------------------------------------------------


def test_a_due_follow_up_reminds_the_assignee_once(d: Desk) -> None:
    t = d.ticket()
    case = d.vendors.open(
        t, key(d, "Proximus"), "PX-1", "Jan", z("2026-03-02 12:00"), "", d.alice
    ).case
    assert d.vendors.remind_due(z("2026-03-02 11:59")) == 0
    assert d.vendors.remind_due(z("2026-03-02 12:00")) == 1
    assert d.vendors.remind_due(z("2026-03-02 12:30")) == 0
    assert follow_ups(d.db) == [(d.alice, t, "follow_up", "resolution")]
    body = "Follow up case PX-1 with Proximus (Jan)."
    assert d.events(t, EventKind.VENDOR_FOLLOW_UP) == [
        (EventKind.VENDOR_FOLLOW_UP, "", str(case.case_id), body, None, False)
    ]
    assert d.vendors.cases(t)[0].reminded_at == z("2026-03-02 12:00")


def test_a_later_follow_up_reminds_again_and_a_closed_case_never(d: Desk) -> None:
    t = d.ticket(assignee_id=None)
    case = d.vendors.open(t, key(d, "Dell"), "SR-1", "", z("2026-03-02 10:00"), "", d.alice).case
    d.clock.set(z("2026-03-02 10:30"))
    assert d.vendors.remind_due() == 1
    d.vendors.update(case.case_id, d.alice, follow_up_at=z("2026-03-02 15:00"))
    assert d.vendors.remind_due(z("2026-03-02 14:59")) == 0
    assert d.vendors.remind_due(z("2026-03-02 15:00")) == 1
    # Unassigned: the queue lead hears of it.
    assert [n[0] for n in follow_ups(d.db)] == [d.lead, d.lead]
    d.clock.set(z("2026-03-02 15:10"))
    d.vendors.update(case.case_id, d.alice, follow_up_at=z("2026-03-02 16:00"))
    d.vendors.close(case.case_id, d.alice)
    assert d.vendors.remind_due(z("2026-03-02 17:00")) == 0


def test_the_sla_sweep_runs_the_follow_ups(d: Desk) -> None:
    t = d.ticket()
    d.vendors.open(t, key(d, "Proximus"), "PX-1", "", z("2026-03-02 12:00"), "", d.alice)
    d.clock.set(z("2026-03-02 12:00"))
    sweeper = SlaSweepService(d.db, d.clock, d.sla)
    first = sweeper.sweep()
    assert first.follow_ups == 1
    assert t in first.changes.ids
    assert sweeper.sweep().follow_ups == 0
    assert len(follow_ups(d.db)) == 1


@pytest.mark.postgresql
def test_two_sweepers_at_once_remind_each_follow_up_once(
    fresh_postgresql_url: str, make_engine: Callable[[str], Engine]
) -> None:
    engine = make_engine(fresh_postgresql_url)
    upgrade_database(engine, backups_dir=None)
    setup = build_desk(Database(engine), FakeClock())
    setup.save_escalation({"contacts": [], "vendors": VENDORS})
    proximus = key(setup, "Proximus")
    ids = [setup.ticket() for _ in range(10)]
    for t in ids:
        setup.vendors.open(t, proximus, f"PX-{t}", "", z("2026-03-02 12:00"), "", setup.alice)
    at = z("2026-03-02 12:05")
    services = []
    for _ in range(2):
        db = Database(make_engine(fresh_postgresql_url))
        clock = FakeClock(at)
        services.append(VendorCaseService(db, clock, SlaService(db, clock, SlaStore(db))))
    barrier = threading.Barrier(2)
    counts: list[int] = []
    errors: list[BaseException] = []

    def remind(svc: VendorCaseService) -> None:
        try:
            barrier.wait(timeout=30)
            counts.append(svc.remind_due())
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=remind, args=(svc,)) for svc in services]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert not errors, errors
    assert sorted(counts)[0] + sorted(counts)[1] == len(ids)
    with Database(engine).read() as s:
        events = s.scalar(
            select(func.count())
            .select_from(TicketEvent)
            .where(TicketEvent.kind == EventKind.VENDOR_FOLLOW_UP)
        )
        notes = s.scalar(
            select(func.count())
            .select_from(SlaNotification)
            .where(SlaNotification.reason == "follow_up")
        )
    assert (events, notes) == (len(ids), len(ids))
