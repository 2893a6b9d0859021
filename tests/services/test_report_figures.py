"""app/services/report_figures.py: every figure of the client and all-clients reports from
hand-made rows whose expected values are worked out in the comments. Both backends.

Acme's zone is Europe/Brussels (UTC+2 until 25 October 2026, UTC+1 after), so October 2026
runs from 2026-09-30 22:00Z to 2026-10-31 23:00Z: a ticket at 00:30 local on 1 October
(22:30Z on 30 September) is in the period, one at 00:30 local on 1 November (23:30Z on
31 October) is not.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import (
    Asset,
    Contract,
    CsatResponse,
    EventKind,
    RemoteSession,
    Ticket,
    TicketEvent,
    TicketSla,
    TimeEntry,
    VendorCase,
)
from app.models.enums import Priority, SourceChannel, Status, TicketType, Tier
from app.reports.period import month_period, parse_period, quarter_period
from app.services.closure import ClosureService
from app.services.errors import NotFoundError
from app.services.report_figures import ReportFiguresService, UnknownClientError
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.tickets import TicketFields, TicketService
from tests.factories import (
    add_calendar,
    add_client,
    add_contact,
    add_policy,
    add_queue,
    add_technician,
    add_ticket,
)
from tests.fakes import FakeClock

OCTOBER = month_period(2026, 10)
_ids = itertools.count(1)


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def clock_row(
    db: Database,
    ticket_id: int,
    kind: str,
    state: str,
    *,
    elapsed: int | None = None,
    met_at: dt.datetime | None = None,
    breached_at: dt.datetime | None = None,
    overrun: int = 0,
    why: str = "",
) -> None:
    """One stored SLA clock with the outcome the test wants (the engine is tested elsewhere)."""
    with db.write() as s:
        ticket = s.get(Ticket, ticket_id)
        assert ticket is not None
        policy_id, calendar_id = _policy_ids[db]
        s.add(
            TicketSla(
                ticket_id=ticket_id,
                kind=kind,
                policy_id=policy_id,
                policy_version=1,
                calendar_id=calendar_id,
                calendar_version=1,
                priority=ticket.priority,
                start_at=ticket.created_at,
                target_seconds=3600,
                due_at=breached_at or ticket.created_at + dt.timedelta(hours=1),
                state=state,
                met_at=met_at,
                breached_at=breached_at,
                breach_justification=why,
                business_overrun_seconds=overrun,
                business_elapsed_seconds=elapsed,
                computed_at=ticket.created_at,
            )
        )
        # The SLA service copies each clock's outcome onto its ticket (what reports read).
        setattr(ticket, f"{kind}_sla_state", state)
        setattr(ticket, f"{kind}_business_seconds", elapsed)


_policy_ids: dict[Database, tuple[int, int]] = {}


def ticket(
    db: Database,
    client: int,
    created: str,
    *,
    category: str,
    priority: Priority = Priority.P3,
    tier: Tier = Tier.L1,
    closed: str | None = None,
    contact: int | None = None,
    asset: int | None = None,
    contract: int | None = None,
    merged_into: int | None = None,
) -> int:
    t = add_ticket(db, client, priority=priority, tier=tier, created_at=z(created))
    with db.write() as s:
        row = s.get(Ticket, t)
        assert row is not None
        row.category = category
        row.contact_id = contact
        row.asset_id = asset
        row.contract_id = contract
        row.merged_into_id = merged_into
        if closed is not None:
            row.set_status(Status.CLOSED, z(closed))
    return t


def event(db: Database, ticket_id: int, kind: EventKind, old: str, new: str, at: str) -> None:
    with db.write() as s:
        s.add(TicketEvent(ticket_id=ticket_id, at=z(at), kind=kind, old_value=old, new_value=new))


def time_entry(
    db: Database, ticket_id: int, tech: int, at: str, minutes: int, *, billable: bool = True
) -> None:
    with db.write() as s:
        s.add(
            TimeEntry(
                ticket_id=ticket_id,
                technician_id=tech,
                started_at=z(at),
                minutes=minutes,
                billable=billable,
            )
        )


def csat(
    db: Database, ticket_id: int, client: int, at: str, state: str, score: int | None = None
) -> None:
    with db.write() as s:
        s.add(
            CsatResponse(
                ticket_id=ticket_id, client_id=client, state=state, score=score, recorded_at=z(at)
            )
        )


def session(db: Database, client: int, at: str, method: str) -> None:
    with db.write() as s:
        s.add(
            RemoteSession(
                id=f"00000000-0000-4000-8000-{next(_ids):012d}",
                client_id=client,
                method=method,
                target_host="10.0.0.5",
                target_port=22,
                started_at=z(at),
                outcome="ended",
            )
        )


@dataclass(frozen=True)
class Acme:
    client: int
    other: int
    t: dict[str, int]


@pytest.fixture
def acme(db: Database) -> Acme:
    calendar = add_calendar(db, timezone="Europe/Brussels")
    policy = add_policy(db, calendar, is_default=True)
    _policy_ids[db] = (policy, calendar)
    client = add_client(db, "Acme Dental", timezone="Europe/Brussels")
    other = add_client(db, "Beta Bakery", timezone="Europe/Brussels")
    tech = add_technician(db, "Alice Martin")
    contact = add_contact(db, client, "Dana Dentist")
    with db.write() as s:
        contract = Contract(
            client_id=client, policy_id=policy, name="Support 2026", number="C-100",
            number_key="c100", prepaid_minutes=600, valid_from=dt.date(2026, 1, 1),
        )  # fmt: skip
        s.add(contract)
        s.flush()
        asset = Asset(
            client_id=client, serial="SN-1", serial_key="sn1", asset_tag="PC-07",
            description="Reception PC", created_at=z("2026-01-01 00:00"),
        )  # fmt: skip
        s.add(asset)
        s.flush()
        contract_id, asset_id = contract.id, asset.id
    t: dict[str, int] = {}
    # 00:30 local on 1 October: in October although 30 September in UTC.
    t["t1"] = ticket(db, client, "2026-09-30 22:30", category="Network/VPN", priority=Priority.P1,
                     closed="2026-10-02 10:00", contact=contact, contract=contract_id)  # fmt: skip
    t["t2"] = ticket(db, client, "2026-10-05 08:00", category="Network/VPN", priority=Priority.P2,
                     closed="2026-10-20 10:00", contact=contact, asset=asset_id,
                     contract=contract_id)  # fmt: skip
    t["t3"] = ticket(db, client, "2026-10-10 08:00", category="Printing", tier=Tier.L3,
                     contact=contact)  # fmt: skip
    t["t4"] = ticket(db, client, "2026-10-20 08:00", category="Network/VPN", tier=Tier.L2,
                     asset=asset_id)  # fmt: skip
    # 23:30 local on 31 October (UTC+1 after the 25 October change): still October.
    t["t5"] = ticket(db, client, "2026-10-31 22:30", category="Printing", priority=Priority.P4,
                     closed="2026-11-02 10:00")  # fmt: skip
    # 00:30 local on 1 November: not October.
    t["t6"] = ticket(db, client, "2026-10-31 23:30", category="Printing")
    # A duplicate merged into t4: counted once, on t4.
    t["t7"] = ticket(db, client, "2026-10-21 08:00", category="Network/VPN", merged_into=t["t4"],
                     closed="2026-10-21 09:00")  # fmt: skip
    # August: outside the period, closed inside it; "Printing" three months before.
    t["t8"] = ticket(db, client, "2026-08-15 08:00", category="Printing",
                     closed="2026-10-03 09:00", contract=contract_id)  # fmt: skip
    t["beta"] = ticket(db, other, "2026-10-12 08:00", category="Email", priority=Priority.P2)

    clock_row(db, t["t1"], "response", "met", elapsed=600, met_at=z("2026-10-01 07:10"))
    clock_row(db, t["t1"], "resolution", "met", elapsed=3600, met_at=z("2026-10-02 10:00"))
    clock_row(db, t["t2"], "response", "met", elapsed=1200, met_at=z("2026-10-05 08:20"))
    clock_row(db, t["t2"], "resolution", "breached", elapsed=40000, met_at=z("2026-10-20 10:00"),
              breached_at=z("2026-10-08 08:00"), overrun=11200,
              why="Vendor part delayed")  # fmt: skip
    clock_row(db, t["t3"], "response", "breached", breached_at=z("2026-10-10 10:00"), overrun=5400)
    clock_row(db, t["t3"], "resolution", "running")
    clock_row(db, t["t4"], "response", "met", elapsed=300, met_at=z("2026-10-20 08:05"))
    clock_row(db, t["t4"], "resolution", "paused")
    clock_row(db, t["t5"], "response", "met", elapsed=1800, met_at=z("2026-11-01 07:00"))
    clock_row(db, t["t5"], "resolution", "met", elapsed=7200, met_at=z("2026-11-02 10:00"))
    clock_row(db, t["t6"], "response", "breached", breached_at=z("2026-11-01 10:00"), overrun=99)
    clock_row(db, t["t7"], "response", "breached", breached_at=z("2026-10-21 10:00"), overrun=77)
    clock_row(db, t["beta"], "response", "met", elapsed=100, met_at=z("2026-10-12 08:01"))
    clock_row(
        db, t["beta"], "resolution", "breached", breached_at=z("2026-10-13 08:00"), overrun=500
    )

    event(db, t["t2"], EventKind.ESCALATION, "L1", "L2", "2026-10-06 09:00")
    event(db, t["t3"], EventKind.ESCALATION, "L1", "L2", "2026-10-11 09:00")
    event(db, t["t3"], EventKind.TIER_CHANGED, "L2", "L3", "2026-10-12 09:00")
    with db.write() as s:
        s.add(VendorCase(ticket_id=t["t3"], vendor="HP", reference="HP-1",
                         opened_at=z("2026-10-11 10:00")))  # fmt: skip

    time_entry(db, t["t1"], tech, "2026-10-01 08:00", 60)
    time_entry(db, t["t2"], tech, "2026-10-06 08:00", 90)
    time_entry(db, t["t2"], tech, "2026-10-07 08:00", 30, billable=False)
    time_entry(db, t["t8"], tech, "2026-10-03 08:00", 45)
    time_entry(db, t["t8"], tech, "2026-09-30 08:00", 15)  # before: prepaid used, not in period
    time_entry(db, t["t1"], tech, "2026-11-05 08:00", 20)  # after: neither
    time_entry(db, t["beta"], tech, "2026-10-12 09:00", 10)

    csat(db, t["t1"], client, "2026-10-02 11:00", "answered", 5)
    csat(db, t["t2"], client, "2026-10-20 11:00", "answered", 4)
    csat(db, t["t8"], client, "2026-10-03 10:00", "declined")
    csat(db, t["t7"], client, "2026-10-21 10:00", "sent")
    csat(db, t["t5"], client, "2026-11-02 11:00", "answered", 1)  # November
    csat(db, t["beta"], other, "2026-10-13 11:00", "answered", 2)

    session(db, client, "2026-10-02 08:00", "ssh_embedded")
    session(db, client, "2026-10-06 08:00", "ssh_embedded")
    session(db, client, "2026-10-07 08:00", "rdp_freerdp")
    session(db, client, "2026-11-02 08:00", "rdp_freerdp")
    session(db, other, "2026-10-07 08:00", "rdp_freerdp")
    return Acme(client, other, t)


@pytest.fixture
def reports(db: Database, clock: FakeClock) -> ReportFiguresService:
    clock.set(z("2026-11-15 12:00"))
    return ReportFiguresService(db, clock)


def test_client_report_kpis(reports: ReportFiguresService, acme: Acme) -> None:
    r = reports.client_report(acme.client, OCTOBER)
    k = r.kpis
    assert (r.client_name, r.timezone, r.period.label) == (
        "Acme Dental",
        "Europe/Brussels",
        "October 2026",
    )
    assert r.generated_at == z("2026-11-15 12:00")
    # t1..t5 (t6 is November local time, t7 merged, t8 August); closed: t1, t2, t8.
    assert (k.opened, k.closed) == (5, 3)
    # Response: met t1 t2 t4 t5, breached t3 → 4/5 = 80 %. Elapsed 300 600 1200 1800:
    # median (600+1200)/2 = 900; p90 at rank 2.7 → 1200 + 0.7 × 600 = 1620.
    assert (k.response.met, k.response.breached, k.response.pending) == (4, 1, 0)
    assert k.response.met_percent == pytest.approx(80.0)
    assert k.response.median_seconds == pytest.approx(900)
    assert k.response.p90_seconds == pytest.approx(1620)
    # Resolution: met t1 t5, breached t2 (met late), running t3, paused t4 → 2/3.
    # Elapsed 3600 7200 40000: median 7200; p90 at rank 1.8 → 7200 + 0.8 × 32800 = 33440.
    assert (k.resolution.met, k.resolution.breached, k.resolution.pending) == (2, 1, 2)
    assert k.resolution.met_percent == pytest.approx(200 / 3)
    assert k.resolution.median_seconds == pytest.approx(7200)
    assert k.resolution.p90_seconds == pytest.approx(33440)
    # CSAT in October: answered 5 and 4, declined, sent → 4.5 average, 2 of 4 answered.
    assert (k.csat.answered, k.csat.sent, k.csat.declined) == (2, 1, 1)
    assert k.csat.average == pytest.approx(4.5)
    assert k.csat.response_rate == pytest.approx(0.5)
    # t2 and t3 reached L2, t3 reached L3; t4 was created at L2 (not an escalation).
    assert (k.escalated_l2, k.escalated_l3, k.third_party) == (2, 1, 1)
    assert k.remote_sessions == 3
    # 60 + 90 + 30 (not billable) + 45 on t8 (an August ticket, time logged in October).
    assert (k.time_minutes, k.billable_minutes) == (225, 195)


def test_client_report_breakdowns(reports: ReportFiguresService, acme: Acme) -> None:
    r = reports.client_report(acme.client, OCTOBER)
    t = acme.t
    assert [(c.label, c.count) for c in r.by_category] == [("Network/VPN", 3), ("Printing", 2)]
    assert [(c.label, c.count) for c in r.by_priority] == [
        ("P1", 1),
        ("P2", 1),
        ("P3", 2),
        ("P4", 1),
    ]
    assert [(c.label, c.count) for c in r.by_tier] == [("L0", 0), ("L1", 3), ("L2", 1), ("L3", 1)]
    assert [(b.ticket_id, b.kind, b.business_overrun_seconds, b.reason) for b in r.breaches] == [
        (t["t2"], "resolution", 11200, "Vendor part delayed"),
        (t["t3"], "response", 5400, ""),
    ]
    assert r.breach_total == 2
    assert r.breaches[0].met_at == z("2026-10-20 10:00") and r.breaches[1].met_at is None
    assert r.breaches[0].due_at == z("2026-10-08 08:00") and r.breaches[0].priority == "P2"
    # What the history says: t2 went to L2; t3 to L3 and waited on HP.
    assert [(b.vendors, b.escalated_to) for b in r.breaches] == [
        ((), "L2"),
        (("HP (case HP-1)",), "L3"),
    ]
    recurring = {(i.kind, i.label): (i.count, i.previous, i.ticket_ids) for i in r.recurring}
    assert recurring == {
        ("category", "Network/VPN"): (3, 0, (t["t4"], t["t2"], t["t1"])),
        # t8 (August) is within the three months before October.
        ("category", "Printing"): (2, 1, (t["t5"], t["t3"])),
        ("asset", "Reception PC · PC-07 · SN-1"): (2, 0, (t["t4"], t["t2"])),
        ("contact", "Dana Dentist"): (3, 0, (t["t3"], t["t2"], t["t1"])),
    }
    assert [(c.category, c.minutes, c.billable_minutes) for c in r.time_by_category] == [
        ("Network/VPN", 180, 150),
        ("Printing", 45, 45),
    ]
    # Billable up to 31 October: 60 + 90 + 45 + 15 (September) = 210; in October 195.
    [block] = r.prepaid
    assert (block.contract, block.prepaid_minutes, block.used_minutes) == (
        "Support 2026 (C-100)",
        600,
        210,
    )
    assert (block.used_in_period_minutes, block.left_minutes) == (195, 390)
    assert [(c.label, c.count) for c in r.remote_by_method] == [
        ("ssh_embedded", 2),
        ("rdp_freerdp", 1),
    ]


def test_twelve_month_trend(reports: ReportFiguresService, acme: Acme) -> None:
    months = reports.client_report(acme.client, OCTOBER).months
    # November 2025 .. October 2026, oldest first.
    assert [m.month for m in months] == [dt.date(2025, 11, 1), dt.date(2025, 12, 1)] + [
        dt.date(2026, month, 1) for month in range(1, 11)
    ]
    by_month = {m.month: m for m in months}
    october, august = by_month[dt.date(2026, 10, 1)], by_month[dt.date(2026, 8, 1)]
    assert (october.opened, october.closed) == (5, 3)
    assert october.response_met_percent == pytest.approx(80.0)
    assert october.resolution_met_percent == pytest.approx(200 / 3)
    # t8: opened in August, no clocks → no percentage (not 0 %).
    assert (august.opened, august.closed, august.response_met_percent) == (1, 0, None)
    assert sum(m.opened for m in months) == 6


def test_all_clients_report(reports: ReportFiguresService, acme: Acme) -> None:
    r = reports.all_clients_report(OCTOBER, timezone="Europe/Brussels")
    assert (r.kpis.opened, r.kpis.closed) == (6, 3)
    assert (r.kpis.response.met, r.kpis.response.breached) == (5, 1)
    assert (r.kpis.resolution.met, r.kpis.resolution.breached) == (2, 2)
    assert r.kpis.csat.average == pytest.approx((5 + 4 + 2) / 3)
    assert r.kpis.remote_sessions == 4 and r.kpis.time_minutes == 235
    acme_row, beta_row = r.rows
    assert (acme_row.client_name, acme_row.opened, acme_row.closed) == ("Acme Dental", 5, 3)
    assert (acme_row.response_met, acme_row.response_breached) == (4, 1)
    assert (acme_row.resolution_met, acme_row.resolution_breached) == (2, 1)
    assert (acme_row.csat_average, acme_row.csat_answered, acme_row.time_minutes) == (4.5, 2, 225)
    assert (beta_row.client_name, beta_row.opened, beta_row.closed) == ("Beta Bakery", 1, 0)
    assert beta_row.resolution_met_percent == 0.0 and beta_row.response_met_percent == 100.0
    assert [(c.label, c.count) for c in r.by_priority] == [
        ("P1", 1),
        ("P2", 2),
        ("P3", 2),
        ("P4", 1),
    ]


def test_empty_period_and_zone_override(reports: ReportFiguresService, acme: Acme) -> None:
    r = reports.client_report(acme.client, quarter_period(2025, 1))
    assert r.is_empty and r.kpis.opened == 0 and r.breaches == () and r.recurring == ()
    assert r.kpis.response.met_percent is None and r.kpis.response.median_seconds is None
    assert r.kpis.csat.average is None and r.kpis.csat.response_rate is None
    assert all(m.opened == 0 and m.response_met_percent is None for m in r.months)
    # In UTC, t1 (22:30Z on 30 September) falls in September and t6 (23:30Z) in October.
    utc = reports.client_report(acme.client, OCTOBER, timezone="UTC")
    assert utc.kpis.opened == 5 and utc.timezone == "UTC"
    custom = reports.client_report(acme.client, parse_period("2026-10-05..2026-10-10"))
    assert custom.kpis.opened == 2  # t2 and t3


def test_finding_clients(reports: ReportFiguresService, acme: Acme, db: Database) -> None:
    polish = add_client(db, "Zakład Łódź", timezone="Europe/Warsaw")
    assert reports.find_client(str(acme.client)).name == "Acme Dental"
    assert reports.find_client("  acme dental ").id == acme.client
    assert reports.find_client("ZAKŁAD ŁÓDŹ").id == polish
    with pytest.raises(UnknownClientError) as missing:
        reports.find_client("Gamma")
    assert str(missing.value) == "No client is called 'Gamma' (give a name, code or id)."
    assert reports.find_client("dent").id == acme.client  # a part of one name only
    with pytest.raises(UnknownClientError) as several:
        reports.find_client("a")
    assert (
        str(several.value) == "'a' matches several clients: Acme Dental, Beta Bakery, Zakład Łódź."
    )
    assert [c.name for c in reports.clients()] == ["Acme Dental", "Beta Bakery", "Zakład Łódź"]
    with pytest.raises(NotFoundError):
        reports.client_report(999_999, OCTOBER)
    assert reports.default_timezone() == "Europe/Brussels"


def test_met_clocks_store_their_business_time(db: Database, clock: FakeClock) -> None:
    """End to end through the engine: office hours Mon–Fri 09:00–17:00 Brussels (UTC+1 in
    March). Created Monday 10:00 local, answered at 11:30 (5,400 s), resolved Tuesday 10:00
    local: Monday 10:00–17:00 (25,200 s) + Tuesday 09:00–10:00 (3,600 s) = 28,800 s."""
    calendar = add_calendar(db, timezone="Europe/Brussels")
    add_policy(db, calendar, is_default=True)
    client = add_client(db, "Acme Dental", timezone="Europe/Brussels")
    queue = add_queue(db, "Service desk", Tier.L1)
    alice = add_technician(db, "Alice Martin")
    sla = SlaService(db, clock, SlaStore(db))
    tickets = TicketService(db, clock, sla)
    fields = TicketFields(
        client_id=client, contact_id=None, type=TicketType.INCIDENT, category="Email",
        priority=Priority.P3, source=SourceChannel.PHONE, subject="Mail down", queue_id=queue,
    )  # fmt: skip
    t = tickets.create(fields, alice).detail.ticket_id
    clock.advance(minutes=90)
    tickets.add_note(t, alice, "Looking at it now", public=True)
    clock.set(z("2026-03-03 09:00"))
    version = tickets.get(t).version
    ClosureService(db, clock, sla).resolve(
        t, version, "Restarted the mail relay", "fixed", False, alice
    )
    with db.read() as s:
        elapsed = dict(
            s.execute(
                select(TicketSla.kind, TicketSla.business_elapsed_seconds).where(
                    TicketSla.ticket_id == t
                )
            ).all()
        )
    assert elapsed["response"] == 5400
    assert elapsed["resolution"] == 28800
    r = ReportFiguresService(db, clock).client_report(client, month_period(2026, 3))
    assert r.kpis.response.median_seconds == 5400 and r.kpis.resolution.p90_seconds == 28800
