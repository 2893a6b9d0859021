"""app/services/sla_config.py: calendars, policies, contracts and client defaults.

Admin-only writes, validation mapped to form fields, version bumps, and the recomputation of
open tickets when a calendar or policy changes (sla.md §11). Every test runs on SQLite and
PostgreSQL. The clock starts on Monday 2026-03-02 09:00Z = 10:00 in Brussels (CET, UTC+1); the
calendar is Mon–Fri 09:00–17:00 Europe/Brussels = 08:00–16:00Z. Expected values are worked out
by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import SlaCalendar, SlaPolicy, Ticket
from app.models.enums import Priority, Role, SourceChannel, Status, TicketType, Tier
from app.models.sla import NO_DUE
from app.services.closure import ClosureService
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.sla import SlaService
from app.services.sla_config import SlaConfigService
from app.services.sla_store import SlaStore
from app.services.sla_types import (
    CalendarSpec,
    ContractSpec,
    HolidayRow,
    LevelSpec,
    OverrideRow,
    PolicySpec,
    TargetSpec,
)
from app.services.tickets import TicketFields, TicketService
from app.sla.policy import LevelAction, TargetKind, TargetUnit
from tests.factories import add_client, add_queue, add_technician
from tests.factories import sla_rows as rows
from tests.fakes import FakeClock

H = 3600
MISSING = 2_000_000_000
OFFICE: tuple[tuple[tuple[str, str], ...], ...] = ((("09:00", "17:00"),),) * 5 + ((), ())
RESPONSE, RESOLUTION, UPDATE = TargetKind.RESPONSE, TargetKind.RESOLUTION, TargetKind.UPDATE


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def calendar_spec(name: str = "Brussels office", **changes: Any) -> CalendarSpec:
    return replace(CalendarSpec(name=name, timezone="Europe/Brussels", weekly=OFFICE), **changes)


def targets(**overrides: tuple[TargetUnit, int]) -> tuple[TargetSpec, ...]:
    """P2 response 30 min, resolution 8 h, update 4 h; P3 response 2 h, resolution 3 days."""
    base = {
        "P2_response": (TargetUnit.MINUTES, 30),
        "P2_resolution": (TargetUnit.HOURS, 8),
        "P2_update": (TargetUnit.HOURS, 4),
        "P3_response": (TargetUnit.HOURS, 2),
        "P3_resolution": (TargetUnit.BUSINESS_DAYS_END, 3),
        **overrides,
    }
    out = []
    for key, (unit, amount) in base.items():
        priority, kind = key.split("_")
        out.append(TargetSpec(Priority(priority), TargetKind(kind), unit, amount))
    return tuple(out)


def policy_spec(calendar_id: int, name: str = "Standard", **changes: Any) -> PolicySpec:
    return replace(PolicySpec(name=name, calendar_id=calendar_id, targets=targets()), **changes)


@dataclass(frozen=True)
class Desk:
    client: int
    queue: int
    alice: int
    admin: int


@pytest.fixture
def desk(db: Database) -> Desk:
    return Desk(
        client=add_client(db, "Acme Dental", timezone="Europe/Brussels"),
        queue=add_queue(db, "Service desk", Tier.L1),
        alice=add_technician(db, "Alice Martin"),
        admin=add_technician(db, "Ada Admin", role=Role.ADMIN),
    )


@pytest.fixture
def sla(db: Database, clock: FakeClock) -> SlaService:
    return SlaService(db, clock, SlaStore(db))


@pytest.fixture
def config(db: Database, clock: FakeClock, sla: SlaService) -> SlaConfigService:
    return SlaConfigService(db, clock, sla)


@pytest.fixture
def tickets(db: Database, clock: FakeClock, sla: SlaService) -> TicketService:
    return TicketService(db, clock, sla)


def new_ticket(tickets: TicketService, desk: Desk, priority: Priority = Priority.P2) -> int:
    values = TicketFields(
        client_id=desk.client,
        contact_id=None,
        type=TicketType.INCIDENT,
        category="",
        priority=priority,
        source=SourceChannel.PHONE,
        subject="VPN down",
        queue_id=desk.queue,
    )
    return tickets.create(values, desk.alice).detail.ticket_id


def set_status(tickets: TicketService, ticket_id: int, actor: int, status: Status) -> None:
    d = tickets.get(ticket_id)
    tickets.update(ticket_id, d.version, replace(d.fields, status=status), actor)


def resolve(closure: ClosureService, tickets: TicketService, ticket_id: int, actor: int) -> None:
    """Resolved through ClosureService: the plain edit refuses it (issue 7, closure guards)."""
    version = tickets.get(ticket_id).version
    fix = "Restarted the mail service; mail flows again."
    closure.resolve(ticket_id, version, fix, "fixed", False, actor)


def check(row: dict[str, Any], **expected: Any) -> None:
    wrong = {k: (row[k], v) for k, v in expected.items() if row[k] != v}
    assert not wrong, f"{row['kind']}: (got, expected) {wrong}"


def invalid(call: Any, *args: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        call(*args)
    return caught.value.problems


def count(db: Database, model: type[SlaCalendar] | type[SlaPolicy]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def make_calendar(config: SlaConfigService, desk: Desk, **changes: Any) -> int:
    return config.save_calendar(None, None, calendar_spec(**changes), desk.admin).record_id


def make_policy(config: SlaConfigService, desk: Desk, calendar_id: int, **changes: Any) -> int:
    spec = policy_spec(calendar_id, **changes)
    return config.save_policy(None, None, spec, desk.admin).record_id


# --- permissions ----------------------------------------------------------------------------------


def test_writes_are_for_admins_only(db: Database, desk: Desk, config: SlaConfigService) -> None:
    cal = make_calendar(config, desk)
    policy = make_policy(config, desk, cal)
    contract = config.save_contract(
        None, None, ContractSpec(desk.client, policy, "Gold", dt.date(2026, 1, 1)), desk.admin
    ).record_id
    retired_admin = add_technician(db, role=Role.ADMIN, active=False)
    for actor in (desk.alice, retired_admin, MISSING):
        calls = [
            lambda a=actor: config.save_calendar(None, None, calendar_spec("Other"), a),
            lambda a=actor: config.save_calendar(cal, None, calendar_spec(), a),
            lambda a=actor: config.delete_calendar(cal, a),
            lambda a=actor: config.save_policy(None, None, policy_spec(cal, "Other"), a),
            lambda a=actor: config.save_policy(policy, None, policy_spec(cal), a),
            lambda a=actor: config.save_contract(
                None, None, ContractSpec(desk.client, policy, "X", dt.date(2026, 1, 1)), a
            ),
            lambda a=actor: config.delete_contract(contract, a),
            lambda a=actor: config.set_client_policy(desk.client, policy, a),
        ]
        for call in calls:
            with pytest.raises(PermissionDeniedError):
                call()
    # Nothing changed; reads are open to everyone.
    assert [c.version for c in config.calendars()] == [1]
    assert [(p.name, p.version) for p in config.policies()] == [("Standard", 1)]
    assert len(config.contracts(desk.client)) == 1
    assert config.client_policy(desk.client) is None


# --- calendars ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        pytest.param(
            {
                "weekly": ((("09:00", "17:00"),), (("09:00", "12:00"), ("11:00", "13:00")))
                + ((),) * 5
            },
            {"weekly.tue": "overlapping_intervals"},
            id="overlap",
        ),
        pytest.param(
            {"weekly": ((("09:00", "25:00"),),) + ((),) * 6},
            {"weekly.mon": "bad_time"},
            id="bad-time",
        ),
        pytest.param(
            {"timezone": "Mars/Olympus_Mons"}, {"timezone": "unknown_timezone"}, id="zone"
        ),
        pytest.param({"timezone": " "}, {"timezone": "missing_timezone"}, id="no-zone"),
        pytest.param(
            {
                "overrides": (
                    OverrideRow(dt.date(2026, 12, 24), (("08:00", "12:00"), ("11:00", "13:00"))),
                )
            },
            {"override.2026-12-24": "overlapping_intervals"},
            id="override-overlap",
        ),
        pytest.param(
            {
                "overrides": (
                    OverrideRow(dt.date(2026, 12, 24)),
                    OverrideRow(dt.date(2026, 12, 24), (("08:00", "12:00"),)),
                )
            },
            {"override.2026-12-24": "duplicate_date"},
            id="override-twice",
        ),
        pytest.param(
            {"holidays": (HolidayRow(dt.date(1800, 1, 1), "Old"),)},
            {"holiday.1800-01-01": "year_out_of_range"},
            id="holiday-1800",
        ),
        pytest.param(
            {"overrides": (OverrideRow(dt.date(2300, 1, 1)),)},
            {"override.2300-01-01": "year_out_of_range"},
            id="override-2300",
        ),
        pytest.param({"weekly": ((),) * 7}, {"weekly": "no_working_time"}, id="no-working-time"),
        pytest.param({"name": "  "}, {"name": "required"}, id="no-name"),
        pytest.param({"name": "x" * 101}, {"name": "too_long"}, id="long-name"),
    ],
)
def test_calendar_validation_names_the_field(
    db: Database,
    desk: Desk,
    config: SlaConfigService,
    changes: dict[str, Any],
    problems: dict[str, str],
) -> None:
    spec = calendar_spec(**changes)
    assert invalid(config.save_calendar, None, None, spec, desk.admin) == problems
    assert count(db, SlaCalendar) == 0


def test_calendar_names_are_unique_ignoring_case(desk: Desk, config: SlaConfigService) -> None:
    make_calendar(config, desk)
    problems = invalid(
        config.save_calendar, None, None, calendar_spec("BRUSSELS OFFICE "), desk.admin
    )
    assert problems == {"name": "duplicate"}


def test_calendar_round_trip_and_summary(desk: Desk, config: SlaConfigService) -> None:
    spec = calendar_spec(
        holidays=(
            HolidayRow(dt.date(2026, 12, 25), "Christmas"),
            HolidayRow(dt.date(2026, 12, 25), "Duplicate row"),
            HolidayRow(dt.date(2026, 1, 1), "New Year", "holidays:BE@0.109"),
        ),
        overrides=(OverrideRow(dt.date(2026, 12, 24), (("09:00", "12:00"),), "Half day"),),
    )
    saved = config.save_calendar(None, None, spec, desk.admin)
    assert (saved.version, saved.recomputed_tickets) == (1, 0)
    make_policy(config, desk, saved.record_id)
    detail = config.calendar(saved.record_id)
    assert detail.version == 1
    # Duplicate holiday dates collapse to the first row; rows come back sorted by date.
    assert detail.spec.holidays == (
        HolidayRow(dt.date(2026, 1, 1), "New Year", "holidays:BE@0.109"),
        HolidayRow(dt.date(2026, 12, 25), "Christmas", "manual"),
    )
    assert detail.spec.overrides == spec.overrides
    assert detail.spec.weekly == OFFICE
    [summary] = config.calendars()
    assert (summary.name, summary.holiday_count, summary.policy_names, summary.version) == (
        "Brussels office",
        2,
        ("Standard",),
        1,
    )


def test_saving_a_calendar_bumps_its_version_and_recomputes_open_tickets(
    db: Database,
    desk: Desk,
    clock: FakeClock,
    config: SlaConfigService,
    tickets: TicketService,
    sla: SlaService,
) -> None:
    cal = make_calendar(config, desk)
    make_policy(config, desk, cal, is_default=True)
    silent = new_ticket(tickets, desk)
    answered = new_ticket(tickets, desk)
    done = new_ticket(tickets, desk)
    clock.set(z("2026-03-02 09:10"))
    tickets.add_note(answered, desk.alice, "On it", public=True)
    tickets.add_note(done, desk.alice, "On it", public=True)
    clock.set(z("2026-03-02 09:20"))
    resolve(ClosureService(db, clock, sla), tickets, done, desk.alice)
    before_done = rows(db, done)

    # Longer days: 08:00–18:00 local = 07:00–17:00Z.
    clock.set(z("2026-03-02 09:25"))
    longer = calendar_spec(weekly=((("08:00", "18:00"),),) * 5 + ((), ()))
    saved = config.save_calendar(cal, 1, longer, desk.admin)
    assert (saved.version, saved.recomputed_tickets) == (2, 2)
    assert saved.changes.kind == "ticket"

    # 8 h from Mon 10:00 local now ends at Mon 18:00 local = 17:00Z (was Tue 09:00Z).
    for t in (silent, answered):
        check(
            rows(db, t)["resolution"],
            calendar_version=2,
            due_at=z("2026-03-02 17:00"),
            computed_at=z("2026-03-02 09:25"),
        )
    check(rows(db, silent)["response"], calendar_version=2, due_at=z("2026-03-02 09:30"))
    # A met target keeps what it was met under.
    check(
        rows(db, answered)["response"],
        state="met",
        calendar_version=1,
        computed_at=z("2026-03-02 09:10"),
    )
    # A resolved ticket is not open: untouched.
    assert rows(db, done) == before_done
    assert {r["calendar_version"] for r in before_done.values()} == {1}
    check(before_done["resolution"], due_at=z("2026-03-03 09:00"), state="met")


def test_a_new_holiday_moves_the_due_of_open_tickets(
    db: Database, desk: Desk, config: SlaConfigService, tickets: TicketService
) -> None:
    cal = make_calendar(config, desk)
    make_policy(config, desk, cal, is_default=True)
    t = new_ticket(tickets, desk)
    check(rows(db, t)["resolution"], due_at=z("2026-03-03 09:00"))
    spec = config.calendar(cal).spec
    holiday = replace(spec, holidays=(HolidayRow(dt.date(2026, 3, 3), "Strike"),))
    assert config.save_calendar(cal, 1, holiday, desk.admin).recomputed_tickets == 1
    # Mon 10–17 local (7 h), Tue off, Wed 09–10 local → Wed 10:00 local = 09:00Z.
    check(rows(db, t)["resolution"], due_at=z("2026-03-04 09:00"), calendar_version=2)


def test_stale_calendar_version_is_refused(desk: Desk, config: SlaConfigService) -> None:
    cal = make_calendar(config, desk)
    config.save_calendar(cal, 1, calendar_spec(timezone="Europe/Warsaw"), desk.admin)
    with pytest.raises(ConcurrentEditError) as caught:
        config.save_calendar(cal, 1, calendar_spec(timezone="Europe/Paris"), desk.admin)
    assert caught.value.current_version == 2
    assert config.calendar(cal).spec.timezone == "Europe/Warsaw"


def test_delete_calendar(desk: Desk, config: SlaConfigService) -> None:
    used = make_calendar(config, desk)
    make_policy(config, desk, used)
    spare = make_calendar(config, desk, name="Spare")
    assert invalid(config.delete_calendar, used, desk.admin) == {"calendar": "in_use"}
    config.delete_calendar(spare, desk.admin)
    assert [c.calendar_id for c in config.calendars()] == [used]
    with pytest.raises(NotFoundError):
        config.delete_calendar(spare, desk.admin)


# --- holiday seeding ------------------------------------------------------------------------------


def test_seed_holidays_adds_missing_dates_and_keeps_edited_rows(
    db: Database, desk: Desk, config: SlaConfigService
) -> None:
    edited = HolidayRow(dt.date(2025, 12, 25), "Boże Narodzenie (our name)", "manual")
    company = HolidayRow(dt.date(2025, 7, 4), "Company day", "manual")
    spec = calendar_spec(timezone="Europe/Warsaw", holidays=(edited, company))
    seeded = config.seed_holidays(spec, " pl ", "", [2025])
    by_date = {h.local_date: h for h in seeded.holidays}
    # Poland 2025 (holidays data): 14 public holidays, Christmas Eve new from 2025 on.
    expected = {
        dt.date(2025, m, d)
        for m, d in [
            (1, 1), (1, 6), (4, 20), (4, 21), (5, 1), (5, 3), (6, 8), (6, 19), (8, 15),
            (11, 1), (11, 11), (12, 24), (12, 25), (12, 26),
        ]
    }  # fmt: skip
    assert set(by_date) == expected | {dt.date(2025, 7, 4)}
    assert by_date[dt.date(2025, 12, 25)] == edited
    assert by_date[dt.date(2025, 7, 4)] == company
    eve = by_date[dt.date(2025, 12, 24)]
    assert eve.source.startswith("holidays:PL@")
    assert eve.name
    assert [h.local_date for h in seeded.holidays] == sorted(by_date)
    assert (seeded.holiday_country, seeded.holiday_subdiv) == ("PL", "")
    # Seeding twice adds nothing.
    assert config.seed_holidays(seeded, "PL", "", [2025]).holidays == seeded.holidays
    # Pure: nothing was written.
    assert count(db, SlaCalendar) == 0


@pytest.mark.parametrize(
    ("country", "years", "problems"),
    [
        pytest.param("XX", [2025], {"holiday_country": "unknown_region"}, id="country"),
        pytest.param("PL", [1800], {"holiday_years": "year_out_of_range"}, id="1800"),
        pytest.param("PL", [], {"holiday_years": "year_out_of_range"}, id="none"),
        pytest.param("PL", range(2000, 2051), {"holiday_years": "year_out_of_range"}, id="51"),
    ],
)
def test_seed_holidays_refuses_bad_input(
    config: SlaConfigService, country: str, years: Any, problems: dict[str, str]
) -> None:
    assert invalid(config.seed_holidays, calendar_spec(), country, "", years) == problems


def test_seeded_calendar_puts_polish_christmas_eve_2025_off(
    db: Database, desk: Desk, clock: FakeClock, config: SlaConfigService, tickets: TicketService
) -> None:
    # sla.md §14: 8 h from Tue 2025-12-23 14:00 Warsaw lands on Mon 29 December, not on 24th.
    spec = config.seed_holidays(calendar_spec(timezone="Europe/Warsaw"), "PL", "", [2025])
    cal = config.save_calendar(None, None, spec, desk.admin).record_id
    make_policy(config, desk, cal, is_default=True)
    clock.set(z("2025-12-23 13:00"))  # 14:00 CET
    t = new_ticket(tickets, desk)
    # Tue 14–17 (3 h); 24, 25, 26 holidays; weekend; Mon 29th 09:00 + 5 h → 14:00 CET = 13:00Z.
    check(rows(db, t)["resolution"], due_at=z("2025-12-29 13:00"))


# --- policies -------------------------------------------------------------------------------------


def target(
    priority: str, kind: TargetKind, unit: TargetUnit, amount: int, **warn: int
) -> TargetSpec:
    return TargetSpec(Priority(priority), kind, unit, amount, **warn)


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        pytest.param(
            {"targets": (target("P1", RESPONSE, TargetUnit.MINUTES, 0),)},
            {"P1.response": "target_not_positive"},
            id="zero",
        ),
        pytest.param(
            {"targets": (target("P1", RESPONSE, TargetUnit.HOURS, -2),)},
            {"P1.response": "target_not_positive"},
            id="negative",
        ),
        pytest.param(
            # Ten years = 10 × 366 × 24 h = 87 840 h.
            {"targets": (target("P1", RESOLUTION, TargetUnit.HOURS, 87_841),)},
            {"P1.resolution": "target_too_large"},
            id="over-ten-years",
        ),
        pytest.param(
            # 80 000 h is under the ten-year limit in plain hours, but on 40 office hours a week
            # it is about 38 years ahead: beyond what the engine looks ahead.
            {"targets": (target("P1", RESOLUTION, TargetUnit.HOURS, 80_000),)},
            {"P1.resolution": "target_too_large"},
            id="decades-of-office-hours",
        ),
        pytest.param(
            {"targets": (target("P4", RESOLUTION, TargetUnit.BUSINESS_DAYS_END, 2_501),)},
            {"P4.resolution": "target_out_of_range"},
            id="too-many-days",
        ),
        pytest.param(
            {"targets": (target("P1", RESOLUTION, TargetUnit.HOURS, 4, warn_at_percent=0),)},
            {"P1.resolution": "bad_warning"},
            id="warn-0",
        ),
        pytest.param(
            {"targets": (target("P1", RESOLUTION, TargetUnit.HOURS, 4, warn_at_percent=100),)},
            {"P1.resolution": "bad_warning"},
            id="warn-100",
        ),
        pytest.param(
            {"targets": (target("P1", RESOLUTION, TargetUnit.HOURS, 4, warn_before_seconds=0),)},
            {"P1.resolution": "bad_warning"},
            id="warn-before-0",
        ),
        pytest.param(
            {
                "targets": (
                    target("P1", RESPONSE, TargetUnit.MINUTES, 15),
                    target("P1", RESPONSE, TargetUnit.MINUTES, 30),
                )
            },
            {"P1.response": "duplicate_target"},
            id="duplicate",
        ),
        pytest.param(
            {"pause_applies_to": frozenset({RESOLUTION, RESPONSE})},
            {"pause": "response_never_pauses"},
            id="response-pause",
        ),
        pytest.param(
            {"pause_categories": frozenset({"in_progress"})},
            {"pause": "bad_pause_category"},
            id="pause-category",
        ),
        pytest.param(
            {"levels": (LevelSpec(RESOLUTION, 0, (LevelAction.REASSIGN_QUEUE,)),)},
            {"level 1": "level_needs_queue"},
            id="queue-missing",
        ),
        pytest.param(
            {
                "levels": (
                    LevelSpec(RESOLUTION, 0, (LevelAction.NOTIFY_LEAD,)),
                    LevelSpec(RESOLUTION, H, ()),
                )
            },
            {"level 2": "level_without_action"},
            id="no-action",
        ),
        pytest.param({"name": ""}, {"name": "required"}, id="no-name"),
        pytest.param({"calendar_id": MISSING}, {"calendar_id": "not_found"}, id="no-calendar"),
        pytest.param(
            {"levels": (LevelSpec(RESOLUTION, 0, (LevelAction.REASSIGN_QUEUE,), MISSING),)},
            {"levels": "queue_not_found"},
            id="unknown-queue",
        ),
    ],
)
def test_policy_validation_names_the_field(
    db: Database,
    desk: Desk,
    config: SlaConfigService,
    changes: dict[str, Any],
    problems: dict[str, str],
) -> None:
    cal = make_calendar(config, desk)
    spec = replace(policy_spec(cal), **changes)
    assert invalid(config.save_policy, None, None, spec, desk.admin) == problems
    assert count(db, SlaPolicy) == 0


def test_policy_round_trip(desk: Desk, config: SlaConfigService) -> None:
    cal = make_calendar(config, desk)
    queue = desk.queue
    spec = policy_spec(
        cal,
        targets=(
            target("P1", RESPONSE, TargetUnit.MINUTES, 15, warn_before_seconds=300),
            target("P1", RESOLUTION, TargetUnit.HOURS, 4, warn_at_percent=80),
        ),
        levels=(
            LevelSpec(RESOLUTION, -H, (LevelAction.NOTIFY_ASSIGNEE, LevelAction.NOTIFY_LEAD)),
            LevelSpec(RESOLUTION, 0, (LevelAction.REASSIGN_QUEUE,), queue),
        ),
        pause_applies_to=frozenset({RESOLUTION, UPDATE}),
        pause_categories=frozenset({"waiting_customer"}),
        ack_counts_as_response=True,
        description="  Gold tier  ",
    )
    saved = config.save_policy(None, None, spec, desk.admin)
    detail = config.policy(saved.record_id)
    assert detail.version == 1
    assert set(detail.spec.targets) == set(spec.targets)
    assert [(lv.kind, lv.offset_seconds, lv.actions, lv.queue_id) for lv in detail.spec.levels] == [
        (lv.kind, lv.offset_seconds, lv.actions, lv.queue_id) for lv in spec.levels
    ]
    assert all(lv.level_id is not None for lv in detail.spec.levels)
    assert detail.spec.pause_applies_to == spec.pause_applies_to
    assert detail.spec.pause_categories == spec.pause_categories
    assert detail.spec.ack_counts_as_response is True
    assert detail.spec.description == "Gold tier"
    with pytest.raises(NotFoundError):
        config.policy(MISSING)


def test_saving_a_policy_bumps_its_version_and_recomputes_its_open_tickets(
    db: Database, desk: Desk, clock: FakeClock, config: SlaConfigService, tickets: TicketService
) -> None:
    cal = make_calendar(config, desk)
    policy = make_policy(config, desk, cal, is_default=True)
    t = new_ticket(tickets, desk)
    check(rows(db, t)["resolution"], due_at=z("2026-03-03 09:00"), policy_version=1)
    clock.set(z("2026-03-02 09:30"))
    faster = policy_spec(cal, is_default=True, targets=targets(P2_resolution=(TargetUnit.HOURS, 4)))
    saved = config.save_policy(policy, 1, faster, desk.admin)
    assert (saved.version, saved.recomputed_tickets) == (2, 1)
    # 4 h from Mon 10:00 local → 14:00 local = 13:00Z.
    check(
        rows(db, t)["resolution"],
        due_at=z("2026-03-02 13:00"),
        target_seconds=4 * H,
        policy_version=2,
        computed_at=z("2026-03-02 09:30"),
    )
    with pytest.raises(ConcurrentEditError):
        config.save_policy(policy, 1, faster, desk.admin)


def test_moving_a_policy_to_another_calendar_recomputes_on_it(
    db: Database, desk: Desk, config: SlaConfigService, tickets: TicketService
) -> None:
    office = make_calendar(config, desk)
    always = make_calendar(config, desk, name="24x7", always_open=True)
    policy = make_policy(config, desk, office, is_default=True)
    t = new_ticket(tickets, desk)
    config.save_policy(policy, 1, policy_spec(always, is_default=True), desk.admin)
    # 24x7: 8 real hours from Mon 09:00Z → 17:00Z.
    check(
        rows(db, t)["resolution"],
        calendar_id=always,
        calendar_version=1,
        policy_version=2,
        due_at=z("2026-03-02 17:00"),
    )


def test_making_a_policy_the_global_default(
    db: Database, desk: Desk, clock: FakeClock, config: SlaConfigService, tickets: TicketService
) -> None:
    cal = make_calendar(config, desk)
    first = make_policy(config, desk, cal, name="First")
    bare = new_ticket(tickets, desk)
    assert rows(db, bare) == {}

    clock.set(z("2026-03-02 09:30"))
    saved = config.save_policy(first, 1, policy_spec(cal, "First", is_default=True), desk.admin)
    assert saved.recomputed_tickets == 1
    # Clocks from the ticket's creation (Mon 09:00Z), not from the policy edit.
    check(
        rows(db, bare)["resolution"],
        policy_id=first,
        start_at=z("2026-03-02 09:00"),
        due_at=z("2026-03-03 09:00"),
    )

    second = make_policy(config, desk, cal, name="Second", is_default=True)
    defaults = {p.name: p.is_default for p in config.policies()}
    assert defaults == {"First": False, "Second": True}
    # Existing clocks stay on the policy they were chosen with; new tickets get the new default.
    assert {r["policy_id"] for r in rows(db, bare).values()} == {first}
    assert {r["policy_id"] for r in rows(db, new_ticket(tickets, desk)).values()} == {second}


def test_deactivating_a_policy_cancels_open_clocks_and_keeps_met_ones(
    db: Database, desk: Desk, clock: FakeClock, config: SlaConfigService, tickets: TicketService
) -> None:
    cal = make_calendar(config, desk)
    policy = make_policy(config, desk, cal, is_default=True)
    t = new_ticket(tickets, desk)
    clock.set(z("2026-03-02 09:10"))
    tickets.add_note(t, desk.alice, "On it", public=True)
    clock.set(z("2026-03-02 09:40"))
    saved = config.save_policy(policy, 1, policy_spec(cal, active=False), desk.admin)
    assert saved.recomputed_tickets == 1
    got = rows(db, t)
    check(got["resolution"], state="cancelled", due_at=None, warn_at=None)
    check(got["update"], state="cancelled", due_at=None)
    # The response was met before: that stays on record.
    check(got["response"], state="met", met_at=z("2026-03-02 09:10"), due_at=z("2026-03-02 09:30"))
    with db.read() as s:
        ticket = s.get(Ticket, t)
        assert ticket is not None
        assert (ticket.response_due_order, ticket.resolve_due_order) == (NO_DUE, NO_DUE)
    # Reactivated: the clocks run again, from the ticket's own history.
    config.save_policy(policy, 2, policy_spec(cal, active=True), desk.admin)
    check(rows(db, t)["resolution"], state="running", due_at=z("2026-03-03 09:00"))


# --- contracts and client defaults ----------------------------------------------------------------


def test_contract_crud(desk: Desk, config: SlaConfigService) -> None:
    cal = make_calendar(config, desk)
    gold = make_policy(config, desk, cal, name="Gold")
    silver = make_policy(config, desk, cal, name="Silver")
    spec = ContractSpec(
        desk.client, gold, " Gold 2026 ", dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    )
    created = config.save_contract(None, None, spec, desk.admin)
    assert (created.version, created.recomputed_tickets) == (1, 0)
    [row] = config.contracts(desk.client)
    assert (row.contract_id, row.spec, row.policy_name, row.version) == (
        created.record_id,
        replace(spec, name="Gold 2026"),
        "Gold",
        1,
    )
    moved = replace(spec, policy_id=silver, valid_to=None)
    assert config.save_contract(created.record_id, 1, moved, desk.admin).version == 2
    [row] = config.contracts(desk.client)
    assert (row.spec.policy_id, row.spec.valid_to, row.policy_name) == (silver, None, "Silver")
    with pytest.raises(ConcurrentEditError):
        config.save_contract(created.record_id, 1, spec, desk.admin)

    config.delete_contract(created.record_id, desk.admin)
    assert config.contracts(desk.client) == []
    with pytest.raises(NotFoundError):
        config.delete_contract(created.record_id, desk.admin)


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        pytest.param(
            {"valid_from": dt.date(2026, 3, 1), "valid_to": dt.date(2026, 2, 28)},
            {"valid_to": "before_start"},
            id="ends-before-start",
        ),
        pytest.param({"name": " "}, {"name": "required"}, id="no-name"),
        pytest.param({"name": "x" * 201}, {"name": "too_long"}, id="long-name"),
        pytest.param({"client_id": MISSING}, {"client_id": "not_found"}, id="no-client"),
        pytest.param({"policy_id": MISSING}, {"policy_id": "not_found"}, id="no-policy"),
    ],
)
def test_contract_validation(
    desk: Desk, config: SlaConfigService, changes: dict[str, Any], problems: dict[str, str]
) -> None:
    cal = make_calendar(config, desk)
    gold = make_policy(config, desk, cal, name="Gold")
    spec = replace(ContractSpec(desk.client, gold, "Gold", dt.date(2026, 1, 1)), **changes)
    assert invalid(config.save_contract, None, None, spec, desk.admin) == problems
    assert config.contracts(desk.client) == []


def test_a_one_day_contract_is_valid(desk: Desk, config: SlaConfigService) -> None:
    cal = make_calendar(config, desk)
    gold = make_policy(config, desk, cal, name="Gold")
    day = dt.date(2026, 3, 2)
    spec = ContractSpec(desk.client, gold, "One day", day, day)
    config.save_contract(None, None, spec, desk.admin)
    assert [c.spec for c in config.contracts(desk.client)] == [spec]


def test_set_client_policy_gives_open_tickets_without_clocks_their_clocks(
    db: Database, desk: Desk, clock: FakeClock, config: SlaConfigService, tickets: TicketService
) -> None:
    cal = make_calendar(config, desk)
    gold = make_policy(config, desk, cal, name="Gold")
    t = new_ticket(tickets, desk)
    other_client = add_client(db, timezone="Europe/Brussels")
    assert rows(db, t) == {}
    clock.set(z("2026-03-02 09:30"))
    assert config.set_client_policy(desk.client, gold, desk.admin) == 1
    assert config.client_policy(desk.client) == gold
    assert config.client_policy(other_client) is None
    check(rows(db, t)["resolution"], policy_id=gold, due_at=z("2026-03-03 09:00"))

    assert config.set_client_policy(desk.client, None, desk.admin) == 0
    assert config.client_policy(desk.client) is None
    assert invalid(config.set_client_policy, desk.client, MISSING, desk.admin) == {
        "policy_id": "not_found"
    }
    with pytest.raises(NotFoundError):
        config.set_client_policy(MISSING, gold, desk.admin)


# --- team leads -----------------------------------------------------------------------------------


def test_queue_leads(db: Database, desk: Desk, config: SlaConfigService) -> None:
    l2 = add_queue(db, "Infrastructure", Tier.L2)
    lena = add_technician(db, "Lena Lead", tier=Tier.L2)
    retired = add_technician(db, "Retired Lead", active=False)
    assert [(q.queue_name, q.tier, q.lead_id, q.lead_name) for q in config.queue_leads()] == [
        ("Service desk", Tier.L1, None, None),
        ("Infrastructure", Tier.L2, None, None),
    ]
    config.set_queue_lead(l2, lena, desk.admin)
    leads = {q.queue_id: (q.lead_id, q.lead_name) for q in config.queue_leads()}
    assert leads == {desk.queue: (None, None), l2: (lena, "Lena Lead")}

    with pytest.raises(PermissionDeniedError):
        config.set_queue_lead(desk.queue, lena, desk.alice)
    assert invalid(config.set_queue_lead, desk.queue, retired, desk.admin) == {
        "lead_id": "not_found"
    }
    assert invalid(config.set_queue_lead, desk.queue, MISSING, desk.admin) == {
        "lead_id": "not_found"
    }
    with pytest.raises(NotFoundError):
        config.set_queue_lead(MISSING, lena, desk.admin)
    config.set_queue_lead(l2, None, desk.admin)
    assert {q.queue_id: q.lead_id for q in config.queue_leads()} == {desk.queue: None, l2: None}
