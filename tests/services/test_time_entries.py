"""app/services/time_entries.py: logging time on tickets, its timeline events and roll-ups.

The clock stands at Monday 2026-03-02 09:00Z. Expected minutes are added up by hand in each test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select, update

from app.db import Database
from app.models import Contract, Ticket, TicketEvent
from app.models.enums import EventKind, Role
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.prepaid import PrepaidBalance
from app.services.time_entries import (
    CategoryTime,
    ContractTime,
    TechnicianTime,
    TimeEntryService,
    format_minutes,
)
from tests.factories import add_calendar, add_client, add_policy, add_technician, add_ticket
from tests.fakes import FakeClock


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: TimeEntryService
    client: int
    ticket: int
    tom: int
    ann: int
    admin: int
    reader: int
    policy: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    policy = add_policy(db, add_calendar(db), "Standard", is_default=True)
    client = add_client(db, "Acme NV")
    return World(
        db,
        clock,
        TimeEntryService(db, clock),
        client,
        add_ticket(db, client, subject="Mail down"),
        add_technician(db, "Tom Tech"),
        add_technician(db, "Ann Other"),
        add_technician(db, "Ada Admin", role=Role.ADMIN),
        add_technician(db, "Rita Reader", role=Role.READ_ONLY),
        policy,
    )


def add_contract(w: World, client: int, name: str, number: str, prepaid: int | None = None) -> int:
    with w.db.write() as s:
        c = Contract(
            client_id=client,
            policy_id=w.policy,
            name=name,
            number=number,
            number_key=number.lower(),
            prepaid_minutes=prepaid,
            valid_from=dt.date(2026, 1, 1),
        )
        s.add(c)
        s.flush()
        return c.id


def ticket_on(w: World, contract: int | None, category: str = "", client: int | None = None) -> int:
    ticket = add_ticket(w.db, client or w.client)
    with w.db.write() as s:
        s.execute(
            update(Ticket)
            .where(Ticket.id == ticket)
            .values(contract_id=contract, category=category)
        )
    return ticket


def bodies(w: World, ticket: int) -> list[str]:
    with w.db.read() as s:
        return list(
            s.scalars(
                select(TicketEvent.body)
                .where(TicketEvent.ticket_id == ticket, TicketEvent.kind == EventKind.TIME_ENTRY)
                .order_by(TicketEvent.id)
            )
        )


def test_format_minutes() -> None:
    assert [format_minutes(m) for m in (45, 60, 90, 1440)] == [
        "45 min",
        "1 h",
        "1 h 30 min",
        "24 h",
    ]


def test_add_lists_and_writes_an_event(w: World) -> None:
    saved = w.svc.add(w.ticket, 45, True, "  Restored the mailbox  ", z("2026-03-02 08:00"), w.tom)
    w.svc.add(w.ticket, 15, False, "", z("2026-03-02 07:00"), w.ann)
    assert saved.entry is not None and saved.changes.ids == {w.ticket}
    rows = w.svc.entries(w.ticket)
    assert [(r.minutes, r.billable, r.note, r.technician_name) for r in rows] == [
        (15, False, "", "Ann Other"),
        (45, True, "Restored the mailbox", "Tom Tech"),
    ]
    assert bodies(w, w.ticket) == ["45 min billable: Restored the mailbox", "15 min non-billable"]


@pytest.mark.parametrize(
    ("minutes", "note", "started", "problems"),
    [
        (0, "", z("2026-03-02 08:00"), {"minutes": "out_of_range"}),
        (1441, "", z("2026-03-02 08:00"), {"minutes": "out_of_range"}),
        (-5, "", z("2026-03-02 08:00"), {"minutes": "out_of_range"}),
        (30, "x" * 5001, z("2026-03-02 08:00"), {"note": "too_long"}),
        (30, "a\x00b", z("2026-03-02 08:00"), {"note": "invalid"}),
        (30, "", z("2026-03-02 09:05:01"), {"started_at": "in_future"}),
        (30, "", dt.datetime(2026, 3, 2, 8, 0), {"started_at": "invalid"}),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    w: World, minutes: int, note: str, started: dt.datetime, problems: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as caught:
        w.svc.add(w.ticket, minutes, True, note, started, w.tom)
    assert caught.value.problems == problems
    assert w.svc.entries(w.ticket) == []
    assert bodies(w, w.ticket) == []


def test_limits_are_inclusive(w: World) -> None:
    w.svc.add(w.ticket, 1, True, "x" * 5000, z("2026-03-02 09:05"), w.tom)
    w.svc.add(w.ticket, 1440, True, "", z("2026-03-01 09:00"), w.tom)
    assert sorted(r.minutes for r in w.svc.entries(w.ticket)) == [1, 1440]


def test_read_only_and_unknown_ticket_refused(w: World) -> None:
    with pytest.raises(PermissionDeniedError):
        w.svc.add(w.ticket, 30, True, "", z("2026-03-02 08:00"), w.reader)
    with pytest.raises(NotFoundError):
        w.svc.add(987_654_321, 30, True, "", z("2026-03-02 08:00"), w.tom)


def test_update_own_entry_with_version_check(w: World) -> None:
    saved = w.svc.add(w.ticket, 30, True, "Call", z("2026-03-02 08:00"), w.tom)
    assert saved.entry is not None
    entry = saved.entry
    changed = w.svc.update(
        entry.entry_id, entry.version, 45, False, "Call and fix", entry.started_at, w.tom
    )
    assert changed.entry is not None
    assert (changed.entry.minutes, changed.entry.billable) == (45, False)
    assert bodies(w, w.ticket)[-1] == "Time entry changed to 45 min non-billable: Call and fix"
    with pytest.raises(ConcurrentEditError):
        w.svc.update(entry.entry_id, entry.version, 50, True, "", entry.started_at, w.tom)


def test_only_the_author_or_an_admin_may_change_or_delete(w: World) -> None:
    saved = w.svc.add(w.ticket, 30, True, "", z("2026-03-02 08:00"), w.tom)
    assert saved.entry is not None
    e = saved.entry
    with pytest.raises(PermissionDeniedError):
        w.svc.update(e.entry_id, e.version, 10, True, "", e.started_at, w.ann)
    with pytest.raises(PermissionDeniedError):
        w.svc.delete(e.entry_id, w.ann)
    with pytest.raises(PermissionDeniedError):
        w.svc.delete(e.entry_id, w.reader)
    w.svc.update(e.entry_id, e.version, 20, True, "", e.started_at, w.admin)
    w.svc.delete(e.entry_id, w.admin)
    assert w.svc.entries(w.ticket) == []
    assert bodies(w, w.ticket)[-1] == "Time entry removed: 20 min billable"
    with pytest.raises(NotFoundError):
        w.svc.delete(e.entry_id, w.admin)


def test_client_rollup_sums_by_contract_technician_and_category(w: World) -> None:
    block = add_contract(w, w.client, "Block hours", "BH-1", prepaid=600)
    plain = add_contract(w, w.client, "Managed", "MS-1")
    unused = add_contract(w, w.client, "Old", "OLD-1")
    other_client = add_client(w.db, "Globex BV")
    foreign = ticket_on(w, None, "Email", client=other_client)
    t_block = ticket_on(w, block, "Email")
    t_plain = ticket_on(w, plain, "Printing")
    t_none = ticket_on(w, None, "Email")
    march = z("2026-03-01 10:00")
    w.svc.add(t_block, 90, True, "", march, w.tom)
    w.svc.add(t_block, 30, False, "", march, w.ann)
    w.svc.add(t_plain, 60, True, "", march, w.ann)
    w.svc.add(t_none, 15, True, "", march, w.tom)
    w.svc.add(foreign, 500, True, "", march, w.tom)
    # February time: outside the window, but still used from the block.
    w.svc.add(t_block, 120, True, "", z("2026-02-10 10:00"), w.tom)

    got = w.svc.client_rollup(w.client, z("2026-03-01 00:00"), z("2026-04-01 00:00"))
    # 90 + 30 + 60 + 15 = 195 minutes; billable 90 + 60 + 15 = 165.
    assert (got.total, got.billable, got.non_billable) == (195, 165, 30)
    assert got.by_contract == [
        ContractTime(block, "Block hours", "BH-1", 120, 90, PrepaidBalance(block, 600, 210)),
        ContractTime(plain, "Managed", "MS-1", 60, 60, PrepaidBalance(plain, None, 60)),
        ContractTime(None, "", "", 15, 15, None),
    ]
    assert unused not in [c.contract_id for c in got.by_contract]
    assert got.by_technician == [
        TechnicianTime(w.ann, "Ann Other", 90, 60),
        TechnicianTime(w.tom, "Tom Tech", 105, 105),
    ]
    assert got.by_category == [CategoryTime("Email", 135, 105), CategoryTime("Printing", 60, 60)]


def test_window_is_half_open_and_empty_client_is_zero(w: World) -> None:
    w.svc.add(w.ticket, 10, True, "", z("2026-03-01 00:00"), w.tom)
    w.svc.add(w.ticket, 20, True, "", z("2026-03-02 00:00"), w.tom)
    got = w.svc.client_rollup(w.client, z("2026-03-01 00:00"), z("2026-03-02 00:00"))
    assert (got.total, got.billable) == (10, 10)
    empty = w.svc.client_rollup(add_client(w.db), z("2026-01-01 00:00"), z("2027-01-01 00:00"))
    assert (empty.total, empty.by_contract, empty.by_technician, empty.by_category) == (
        0,
        [],
        [],
        [],
    )


def test_prepaid_contract_without_time_still_listed(w: World) -> None:
    block = add_contract(w, w.client, "Block hours", "BH-2", prepaid=300)
    got = w.svc.client_rollup(w.client, z("2026-03-01 00:00"), z("2026-04-01 00:00"))
    assert got.by_contract == [
        ContractTime(block, "Block hours", "BH-2", 0, 0, PrepaidBalance(block, 300, 0))
    ]
