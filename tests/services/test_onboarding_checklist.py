"""app/services/onboarding_checklist.py: the ten-business-day checklist (domain.md §3.1, D11).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00 UTC. Due dates are counted in business days on the MSP calendar: the
calendar of the global default active SLA policy, else Monday to Friday. Dates are worked out by
hand in the comments (March 2026: the 2nd, 9th, 16th and 23rd are Mondays).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from app.db import Database
from app.models import Client, SlaPolicy
from app.models.enums import ClientStatus, Role
from app.services.connectivity import ConnectivityService
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.onboarding import OnboardingService
from app.services.onboarding_checklist import (
    TEMPLATE,
    WEEKDAYS,
    Checklist,
    ChecklistService,
    StepRow,
    business_days,
)
from app.services.sla_store import SlaStore
from app.sla import BusinessCalendar
from tests.factories import OFFICE_HOURS, add_calendar, add_client, add_policy, add_technician
from tests.fakes import FakeClock

KEYS = ["call", "data_capture", "telecom", "kb", "testing", "training", "go_live"]
MON = dt.date(2026, 3, 2)
SAT = dt.date(2026, 3, 7)


def d(day: int, month: int = 3) -> dt.date:
    return dt.date(2026, month, day)


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: ChecklistService
    client: int
    tech: int
    reader: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    client = add_client(db, "Acme NV")
    with db.write() as s:
        row = s.get(Client, client)
        assert row is not None
        row.status = ClientStatus.ONBOARDING
    return World(
        db,
        clock,
        ChecklistService(db, clock, SlaStore(db)),
        client,
        add_technician(db, "Ann Tech"),
        add_technician(db, "Rita Reader", role=Role.READ_ONLY),
    )


def dues(checklist: Checklist) -> list[dt.date]:
    return [x.due_date for x in checklist.steps]


def step(w: World, key: str) -> StepRow:
    return next(x for x in w.svc.checklist(w.client).steps if x.key == key)


def client_row(w: World) -> tuple[ClientStatus, dt.date | None, dt.date | None]:
    with w.db.read() as s:
        c = s.get(Client, w.client)
        assert c is not None
        return c.status, c.onboarding_start, c.go_live_date


def save_remote(w: World, raw: dict[str, Any]) -> list[str]:
    saved = OnboardingService(w.db, w.clock).save_section(w.client, "remote", raw, None, w.tech)
    assert saved.state.data is not None
    return [r["key"] for kind in ("rdp", "ssh", "vpn") for r in saved.state.data.get(kind, [])]


# --- business_days() ------------------------------------------------------------------------


def test_business_days_on_weekdays_skip_the_weekend() -> None:
    assert business_days(WEEKDAYS, MON, 7) == [
        d(2),
        d(3),
        d(4),
        d(5),
        d(6),
        d(9),
        d(10),
    ]


def test_business_days_from_a_weekend_start_on_monday() -> None:
    assert business_days(WEEKDAYS, SAT, 2) == [d(9), d(10)]
    assert business_days(WEEKDAYS, d(8), 1) == [d(9)]


def test_business_days_zero_count_is_empty() -> None:
    assert business_days(WEEKDAYS, MON, 0) == []


def test_business_days_skip_holidays_and_honour_the_calendar_zone() -> None:
    cal = BusinessCalendar.from_dict(
        {
            "timezone": "Pacific/Auckland",
            "weekly": {x: [["09:00", "17:00"]] for x in ("mon", "tue", "wed", "thu", "fri")},
            "holidays": ["2026-03-03", "2026-03-05"],
        }
    )
    assert business_days(cal, MON, 4) == [d(2), d(4), d(6), d(9)]


def test_business_days_on_an_always_open_calendar_count_every_date() -> None:
    cal = BusinessCalendar.from_dict({"timezone": "Europe/Brussels", "always_open": True})
    assert business_days(cal, SAT, 3) == [d(7), d(8), d(9)]


def test_business_days_across_the_spring_dst_change() -> None:
    # Brussels moves to CEST on Sunday 2026-03-29.
    cal = BusinessCalendar.from_dict(
        {
            "timezone": "Europe/Brussels",
            "weekly": {x: [["00:00", "24:00"]] for x in ("mon", "tue", "wed", "thu", "fri")},
        }
    )
    assert business_days(cal, d(27), 3) == [d(27), d(30), d(31)]


# --- start() ----------------------------------------------------------------------------------


def test_start_lays_out_the_template_on_weekdays_without_a_default_policy(w: World) -> None:
    checklist = w.svc.start(w.client, MON, w.tech)
    assert checklist.calendar_name == "Monday to Friday"
    assert [x.key for x in checklist.steps] == KEYS
    assert [x.position for x in checklist.steps] == [1, 2, 3, 4, 5, 6, 7]
    assert [(x.first_day, x.last_day) for x in checklist.steps] == [
        (1, 1),
        (1, 4),
        (3, 6),
        (4, 7),
        (6, 8),
        (7, 9),
        (10, 10),
    ]
    # Days 1..10: 2,3,4,5,6 | 9,10,11,12,13 March.
    assert dues(checklist) == [d(2), d(5), d(9), d(10), d(11), d(12), d(13)]
    assert checklist.start == d(2)
    assert checklist.go_live == d(13)
    assert client_row(w) == (ClientStatus.ONBOARDING, d(2), d(13))
    assert all(x.done_at is None and x.owner_id is None for x in checklist.steps)
    assert [x.name for x in checklist.steps] == [t.name for t in TEMPLATE]


def test_a_weekend_start_begins_on_monday(w: World) -> None:
    checklist = w.svc.start(w.client, SAT, w.tech)
    # Days 1..10: 9..13 | 16..20 March.
    assert dues(checklist) == [d(9), d(12), d(16), d(17), d(18), d(19), d(20)]
    assert checklist.start == d(9)
    assert checklist.go_live == d(20)


def test_holidays_on_the_msp_calendar_push_due_dates(w: World) -> None:
    cal = add_calendar(w.db, "MSP office", holidays=(d(4), d(12)))
    add_policy(w.db, cal, "Standard", is_default=True)
    checklist = w.svc.start(w.client, MON, w.tech)
    assert checklist.calendar_name == "MSP office"
    # Days: 2, 3, (4 off) 5, 6 | 9, 10, 11, (12 off) 13 | 16, 17.
    assert dues(checklist) == [d(2), d(6), d(10), d(11), d(13), d(16), d(17)]
    assert checklist.go_live == d(17)


def test_a_holiday_on_the_start_date_moves_day_one(w: World) -> None:
    add_policy(w.db, add_calendar(w.db, "MSP office", holidays=(MON,)), is_default=True)
    checklist = w.svc.start(w.client, MON, w.tech)
    assert checklist.start == d(3)
    assert dues(checklist)[0] == d(3)
    assert checklist.go_live == d(16)


def test_a_non_default_policy_calendar_is_not_the_msp_calendar(w: World) -> None:
    add_policy(w.db, add_calendar(w.db, "Other", holidays=(d(3),)), is_default=False)
    checklist = w.svc.start(w.client, MON, w.tech)
    assert checklist.calendar_name == "Monday to Friday"
    assert checklist.go_live == d(13)


def test_an_inactive_default_policy_is_ignored(w: World) -> None:
    policy = add_policy(w.db, add_calendar(w.db, "Old", holidays=(d(3),)), is_default=True)
    with w.db.write() as s:
        row = s.get(SlaPolicy, policy)
        assert row is not None
        row.active = False
    checklist = w.svc.start(w.client, MON, w.tech)
    assert checklist.calendar_name == "Monday to Friday"
    assert checklist.go_live == d(13)


def test_a_six_day_msp_week_counts_saturdays(w: World) -> None:
    six_days = (*OFFICE_HOURS[:5], (("09:00", "13:00"),), ())
    add_policy(w.db, add_calendar(w.db, "Six days", weekly=six_days), is_default=True)
    checklist = w.svc.start(w.client, MON, w.tech)
    # Days: 2..7 | 9, 10, 11, 12.
    assert dues(checklist) == [d(2), d(5), d(7), d(9), d(10), d(11), d(12)]


def test_re_planning_keeps_steps_and_moves_dates(w: World) -> None:
    first = w.svc.start(w.client, MON, w.tech)
    again = w.svc.start(w.client, d(9), w.tech)
    assert [x.step_id for x in again.steps] == [x.step_id for x in first.steps]
    assert dues(again) == [d(9), d(12), d(16), d(17), d(18), d(19), d(20)]
    assert client_row(w)[1:] == (d(9), d(20))


def test_re_planning_leaves_done_steps_alone(w: World) -> None:
    """Docstring of start(): "re-plan open steps' dates from `start`"."""
    w.svc.start(w.client, MON, w.tech)
    call = step(w, "call")
    w.svc.set_done(call.step_id, call.version, True, w.tech)
    again = w.svc.start(w.client, d(16), w.tech)
    done = next(x for x in again.steps if x.key == "call")
    assert done.done_at is not None
    assert done.due_date == d(2)  # a done step's date is history, not a plan
    assert next(x for x in again.steps if x.key == "go_live").due_date == d(27)


def test_re_planning_after_go_live_keeps_the_actual_go_live_date(w: World) -> None:
    """The contract term runs from go-live (§3): a re-plan must not rewrite the date it happened."""
    w.svc.start(w.client, MON, w.tech)
    go = step(w, "go_live")
    w.clock.set(dt.datetime(2026, 3, 11, 10, 0, tzinfo=dt.UTC))
    w.svc.set_done(go.step_id, go.version, True, w.tech)
    assert client_row(w) == (ClientStatus.LIVE, d(2), d(11))
    w.svc.start(w.client, d(16), w.tech)
    assert client_row(w)[0] is ClientStatus.LIVE
    assert client_row(w)[2] == d(11)


def test_start_unknown_client(w: World) -> None:
    with pytest.raises(NotFoundError):
        w.svc.start(999_999_999, MON, w.tech)


def test_checklist_of_a_client_without_one_is_empty(w: World) -> None:
    checklist = w.svc.checklist(w.client)
    assert checklist.steps == ()
    assert checklist.start is None
    with pytest.raises(NotFoundError):
        w.svc.checklist(999_999_999)


# --- permissions and concurrency ----------------------------------------------------------------


def test_read_only_and_inactive_technicians_are_refused(w: World) -> None:
    with pytest.raises(PermissionDeniedError):
        w.svc.start(w.client, MON, w.reader)
    assert w.svc.checklist(w.client).steps == ()
    w.svc.start(w.client, MON, w.tech)
    call = step(w, "call")
    gone = add_technician(w.db, "Gone", active=False)
    for actor in (w.reader, gone, 999_999_999):
        with pytest.raises(PermissionDeniedError):
            w.svc.set_done(call.step_id, call.version, True, actor)
        with pytest.raises(PermissionDeniedError):
            w.svc.set_owner(call.step_id, call.version, w.tech, actor)
        with pytest.raises(PermissionDeniedError):
            w.svc.remove(w.client, actor)
    assert step(w, "call") == call
    assert len(w.svc.checklist(w.client).steps) == 7


def test_a_stale_version_is_a_concurrent_edit(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    call = step(w, "call")
    w.svc.set_owner(call.step_id, call.version, w.tech, w.tech)
    with pytest.raises(ConcurrentEditError):
        w.svc.set_done(call.step_id, call.version, True, w.tech)
    with pytest.raises(ConcurrentEditError):
        w.svc.set_owner(call.step_id, call.version, None, w.tech)
    now = step(w, "call")
    assert now.version == call.version + 1
    assert now.done_at is None
    assert now.owner_id == w.tech


def test_two_technicians_marking_the_same_version(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    call = step(w, "call")
    other = add_technician(w.db, "Bob Tech")
    w.svc.set_done(call.step_id, call.version, True, w.tech, "first")
    with pytest.raises(ConcurrentEditError):
        w.svc.set_done(call.step_id, call.version, True, other, "second")
    now = step(w, "call")
    assert now.done_by_name == "Ann Tech"
    assert now.note == "first"


def test_unknown_step_and_owner(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    call = step(w, "call")
    with pytest.raises(NotFoundError):
        w.svc.set_done(999_999_999, 1, True, w.tech)
    with pytest.raises(ValidationError) as e:
        w.svc.set_owner(call.step_id, call.version, 999_999_999, w.tech)
    assert e.value.problems == {"owner": "unknown_technician"}


# --- owners, done, notes ------------------------------------------------------------------------


def test_owner_done_and_note_are_shown(w: World, clock: FakeClock) -> None:
    w.svc.start(w.client, MON, w.tech)
    kb = step(w, "kb")
    w.svc.set_owner(kb.step_id, kb.version, w.tech, w.tech)
    kb = step(w, "kb")
    assert (kb.owner_id, kb.owner_name) == (w.tech, "Ann Tech")
    assert kb.overdue(d(10)) is False
    assert kb.overdue(d(11)) is True
    clock.set(dt.datetime(2026, 3, 4, 14, 30, tzinfo=dt.UTC))
    w.svc.set_done(kb.step_id, kb.version, True, w.tech, "  Wiki pages written  ")
    kb = step(w, "kb")
    assert kb.done_at == dt.datetime(2026, 3, 4, 14, 30, tzinfo=dt.UTC)
    assert kb.done_by_name == "Ann Tech"
    assert kb.note == "Wiki pages written"
    assert kb.overdue(d(30)) is False
    # Undo keeps the note when none is given.
    w.svc.set_done(kb.step_id, kb.version, False, w.tech)
    kb = step(w, "kb")
    assert (kb.done_at, kb.done_by_name, kb.note) == (None, None, "Wiki pages written")


def test_remove_drops_the_checklist(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    w.svc.remove(w.client, w.tech)
    assert w.svc.checklist(w.client).steps == ()


# --- step 5: testing blocked by remote methods ------------------------------------------------


def test_testing_refused_without_remote_methods(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    testing = step(w, "testing")
    assert testing.blocked == "no_remote_methods"
    with pytest.raises(ValidationError) as e:
        w.svc.set_done(testing.step_id, testing.version, True, w.tech)
    assert e.value.problems == {"testing": "no_remote_methods"}
    assert step(w, "testing").done_at is None
    # Other steps carry no block.
    assert {x.key: x.blocked for x in w.svc.checklist(w.client).steps if x.key != "testing"} == {
        k: "" for k in KEYS if k != "testing"
    }


def test_testing_refused_while_a_method_is_untested_or_failing(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    rdp, vpn = save_remote(
        w,
        {
            "rdp": [{"host": "ts01.acme.local", "port": "3389"}],
            "vpn": [{"type": "wireguard", "endpoint": "vpn.acme.example"}],
        },
    )
    conn = ConnectivityService(w.db, w.clock)

    def refused() -> str:
        testing = step(w, "testing")
        with pytest.raises(ValidationError) as e:
            w.svc.set_done(testing.step_id, testing.version, True, w.tech)
        assert testing.blocked == e.value.problems["testing"]
        return testing.blocked

    assert refused() == "remote_untested"
    conn.record(w.client, rdp, "ok", w.tech)
    assert refused() == "remote_untested"  # the VPN is still untested
    conn.record(w.client, vpn, "failed", w.tech, detail="timeout")
    assert refused() == "remote_untested"
    w.clock.advance(minutes=5)
    conn.record(w.client, vpn, "ok", w.tech)
    testing = step(w, "testing")
    assert testing.blocked == ""
    w.svc.set_done(testing.step_id, testing.version, True, w.tech)
    assert step(w, "testing").done_at == w.clock.now()


def test_the_latest_result_decides_and_done_steps_show_no_block(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    (rdp,) = save_remote(w, {"rdp": [{"host": "ts01.acme.local"}]})
    conn = ConnectivityService(w.db, w.clock)
    conn.record(w.client, rdp, "ok", w.tech)
    w.clock.advance(hours=1)
    conn.record(w.client, rdp, "failed", w.tech)
    testing = step(w, "testing")
    assert testing.blocked == "remote_untested"
    with pytest.raises(ValidationError):
        w.svc.set_done(testing.step_id, testing.version, True, w.tech)
    w.clock.advance(hours=1)
    conn.record(w.client, rdp, "ok", w.tech)
    w.svc.set_done(testing.step_id, testing.version, True, w.tech)
    w.clock.advance(hours=1)
    conn.record(w.client, rdp, "failed", w.tech)
    testing = step(w, "testing")
    assert testing.done_at is not None
    assert testing.blocked == ""
    # Undoing a blocked step is always allowed.
    w.svc.set_done(testing.step_id, testing.version, False, w.tech)
    assert step(w, "testing").blocked == "remote_untested"


# --- go-live -------------------------------------------------------------------------------------


def test_go_live_done_makes_the_client_live_on_the_local_date(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    go = step(w, "go_live")
    # 23:30 UTC on Friday 13 March is already Saturday 00:30 in Brussels (CET, UTC+1).
    w.clock.set(dt.datetime(2026, 3, 13, 23, 30, tzinfo=dt.UTC))
    w.svc.set_done(go.step_id, go.version, True, w.tech)
    assert client_row(w) == (ClientStatus.LIVE, d(2), d(14))
    assert w.svc.checklist(w.client).go_live == d(14)


def test_go_live_date_uses_the_client_zone(db: Database, clock: FakeClock) -> None:
    client = add_client(db, "Gotham Inc", timezone="America/New_York")
    tech = add_technician(db)
    svc = ChecklistService(db, clock, SlaStore(db))
    svc.start(client, MON, tech)
    go = next(x for x in svc.checklist(client).steps if x.key == "go_live")
    clock.set(dt.datetime(2026, 3, 14, 3, 0, tzinfo=dt.UTC))  # 23:00 on the 13th in New York (EDT)
    svc.set_done(go.step_id, go.version, True, tech)
    assert svc.checklist(client).go_live == d(13)


def test_undoing_go_live_returns_the_client_to_onboarding(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    go = step(w, "go_live")
    w.svc.set_done(go.step_id, go.version, True, w.tech)
    assert client_row(w)[0] is ClientStatus.LIVE
    go = step(w, "go_live")
    w.svc.set_done(go.step_id, go.version, False, w.tech)
    assert client_row(w)[0] is ClientStatus.ONBOARDING
    assert step(w, "go_live").done_at is None


def test_undoing_go_live_does_not_revive_an_ended_client(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    go = step(w, "go_live")
    with w.db.write() as s:
        c = s.get(Client, w.client)
        assert c is not None
        c.status = ClientStatus.NOTICE
    w.svc.set_done(go.step_id, go.version, False, w.tech)
    assert client_row(w)[0] is ClientStatus.NOTICE


def test_other_steps_do_not_touch_the_client_status(w: World) -> None:
    w.svc.start(w.client, MON, w.tech)
    for key in ("call", "data_capture", "telecom", "kb", "training"):
        x = step(w, key)
        w.svc.set_done(x.step_id, x.version, True, w.tech)
    assert client_row(w) == (ClientStatus.ONBOARDING, d(2), d(13))
