"""app/services/vip_rule.py through TicketService.create: the VIP rule at intake (domain.md D5).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00Z = 10:00 in Brussels; the default SLA calendar is Mon–Fri 09:00–17:00
Europe/Brussels (08:00–16:00Z) with the demo targets: P1 response 15 min, resolution 4 h; P3
response 2 h.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Contact, SlaNotification, TicketEvent, TicketSla
from app.models.enums import EventKind, Priority, Role, SourceChannel, Status, TicketType, Tier
from app.services.errors import PermissionDeniedError
from app.services.onboarding import OnboardingService
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.tickets import TicketFields, TicketService
from tests.factories import add_calendar, add_client, add_policy, add_queue, add_technician
from tests.fakes import DEFAULT_NOW, FakeClock


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    tickets: TicketService
    client: int
    vera: int
    norm: int
    desk: int
    apps: int
    infra: int
    specialists: int
    l0_queue: int
    l1_tech: int
    l2_tech: int
    manager: int
    tech: int


def _contact(db: Database, client_id: int, name: str) -> int:
    with db.write() as s:
        c = Contact(client_id=client_id, name=name, email=f"{name.split()[0].lower()}@x.example")
        s.add(c)
        s.flush()
        return c.id


def save_vip(w: World, raw: dict[str, Any], client: int | None = None) -> None:
    svc = OnboardingService(w.db, w.clock)
    cid = client or w.client
    version = svc.form(cid).sections["vip"].version
    svc.save_section(cid, "vip", raw, version, w.tech)


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    add_policy(db, add_calendar(db, "Brussels office"), "Standard", is_default=True)
    client = add_client(db, "Acme NV")
    world = World(
        db,
        clock,
        TicketService(db, clock, SlaService(db, clock, SlaStore(db))),
        client,
        _contact(db, client, "Vera VIP"),
        _contact(db, client, "Norm Normal"),
        add_queue(db, "Service desk", Tier.L1),
        add_queue(db, "Applications", Tier.L2),
        add_queue(db, "Infrastructure", Tier.L2),
        add_queue(db, "Specialists", Tier.L3),
        add_queue(db, "Intake", Tier.L0),
        add_technician(db, "Lena L1", tier=Tier.L1),
        add_technician(db, "Tom L2", tier=Tier.L2),
        add_technician(db, "Max Manager", tier=Tier.L3),
        add_technician(db, "Ann Tech"),
    )
    save_vip(
        world,
        {
            "priority_floor": "P1",
            "direct_to_l2": "true",
            "account_manager": str(world.manager),
            "handling": "Be nice.",
            "contacts": [{"contact": str(world.vera), "note": "CEO"}],
        },
    )
    return world


def values(w: World, **changes: Any) -> TicketFields:
    base = TicketFields(
        client_id=w.client,
        contact_id=w.vera,
        type=TicketType.INCIDENT,
        category="",
        priority=Priority.P3,
        source=SourceChannel.PHONE,
        subject="Laptop will not boot",
        tier=Tier.L1,
        queue_id=w.desk,
        assignee_id=w.l1_tech,
    )
    return replace(base, **changes)


def timeline(w: World, ticket_id: int) -> list[tuple[EventKind, str, str, str, int | None]]:
    with w.db.read() as s:
        return [
            (e.kind, e.old_value, e.new_value, e.body, e.actor_id)
            for e in s.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket_id)
                .order_by(TicketEvent.id)
            )
        ]


def notifications(w: World) -> list[tuple[int, int, str, str, dt.datetime]]:
    with w.db.read() as s:
        return [
            (n.technician_id, n.ticket_id, n.reason, n.target_kind, n.at)
            for n in s.scalars(select(SlaNotification).order_by(SlaNotification.id))
        ]


def clocks(w: World, ticket_id: int) -> dict[str, tuple[Priority, dt.datetime | None]]:
    with w.db.read() as s:
        return {
            r.kind: (r.priority, r.due_at)
            for r in s.scalars(select(TicketSla).where(TicketSla.ticket_id == ticket_id))
        }


# --- a VIP caller ------------------------------------------------------------------------------


def test_a_vip_ticket_is_raised_sent_to_l2_and_the_manager_told(w: World) -> None:
    saved = w.tickets.create(values(w), w.tech)
    f = saved.detail.fields
    assert (f.priority, f.tier, f.queue_id, f.assignee_id, f.status) == (
        Priority.P1,
        Tier.L2,
        w.apps,  # the first L2 queue by name
        None,  # an L1 assignee does not follow the ticket to L2
        Status.NEW,
    )
    tid = saved.detail.ticket_id
    assert timeline(w, tid) == [
        (EventKind.CREATED, "", "new", "Laptop will not boot", w.tech),
        (
            EventKind.VIP_RULE,
            "",
            "",
            "Vera VIP is a VIP; priority raised P3 \u2192 P1; sent straight to L2 (was L1); "
            "account manager notified",
            None,
        ),
    ]
    assert notifications(w) == [(w.manager, tid, "vip", "response", DEFAULT_NOW)]


def test_sla_clocks_run_on_the_raised_priority(w: World) -> None:
    vip = w.tickets.create(values(w), w.tech).detail.ticket_id
    normal = w.tickets.create(values(w, contact_id=w.norm), w.tech).detail.ticket_id
    vip_clocks = clocks(w, vip)
    assert vip_clocks["response"] == (Priority.P1, z("2026-03-02 09:15"))
    assert vip_clocks["resolution"] == (Priority.P1, z("2026-03-02 13:00"))
    assert clocks(w, normal)["response"] == (Priority.P3, z("2026-03-02 11:00"))


def test_the_priority_is_never_lowered(w: World) -> None:
    save_vip(w, {"priority_floor": "P2", "contacts": [{"contact": str(w.vera)}]})
    saved = w.tickets.create(values(w, priority=Priority.P1), w.tech)
    assert saved.detail.fields.priority is Priority.P1
    assert saved.detail.fields.tier is Tier.L1  # no "straight to L2" in this rule
    assert timeline(w, saved.detail.ticket_id)[-1][3] == "Vera VIP is a VIP"
    assert notifications(w) == []
    equal = w.tickets.create(values(w, priority=Priority.P2), w.tech)
    assert equal.detail.fields.priority is Priority.P2
    assert timeline(w, equal.detail.ticket_id)[-1][3] == "Vera VIP is a VIP"
    raised = w.tickets.create(values(w, priority=Priority.P4), w.tech)
    assert raised.detail.fields.priority is Priority.P2
    assert timeline(w, raised.detail.ticket_id)[-1][3] == (
        "Vera VIP is a VIP; priority raised P4 \u2192 P2"
    )


def test_an_l2_assignee_and_an_l2_or_higher_queue_are_kept(w: World) -> None:
    saved = w.tickets.create(values(w, queue_id=w.specialists, assignee_id=w.l2_tech), w.tech)
    f = saved.detail.fields
    assert (f.tier, f.queue_id, f.assignee_id, f.status) == (
        Tier.L2,
        w.specialists,
        w.l2_tech,
        Status.ASSIGNED,
    )
    tid = saved.detail.ticket_id
    assert [e[0] for e in timeline(w, tid)] == [
        EventKind.CREATED,
        EventKind.ASSIGNED,
        EventKind.VIP_RULE,
    ]
    assert timeline(w, tid)[1][1:3] == ("", str(w.l2_tech))


def test_an_l0_ticket_in_an_l0_queue_moves_to_an_l2_queue(w: World) -> None:
    saved = w.tickets.create(values(w, tier=Tier.L0, queue_id=w.l0_queue, assignee_id=None), w.tech)
    f = saved.detail.fields
    assert (f.tier, f.queue_id) == (Tier.L2, w.apps)
    assert "sent straight to L2 (was L0)" in timeline(w, saved.detail.ticket_id)[-1][3]


def test_a_ticket_without_a_queue_gets_an_l2_queue(w: World) -> None:
    saved = w.tickets.create(values(w, queue_id=None, assignee_id=None), w.tech)
    assert (saved.detail.fields.tier, saved.detail.fields.queue_id) == (Tier.L2, w.apps)


def test_a_ticket_already_at_l2_or_l3_keeps_its_tier(w: World) -> None:
    for tier in (Tier.L2, Tier.L3):
        saved = w.tickets.create(values(w, tier=tier, queue_id=w.infra, assignee_id=None), w.tech)
        f = saved.detail.fields
        assert (f.tier, f.queue_id, f.priority) == (tier, w.infra, Priority.P1)
        assert timeline(w, saved.detail.ticket_id)[-1][3] == (
            "Vera VIP is a VIP; priority raised P3 \u2192 P1; account manager notified"
        )


def test_without_an_account_manager_nobody_is_notified(w: World) -> None:
    save_vip(w, {"priority_floor": "P1", "contacts": [{"contact": str(w.vera)}]})
    saved = w.tickets.create(values(w), w.tech)
    assert notifications(w) == []
    assert timeline(w, saved.detail.ticket_id)[-1][3] == (
        "Vera VIP is a VIP; priority raised P3 \u2192 P1"
    )


# --- not a VIP ---------------------------------------------------------------------------------


def test_non_vip_and_anonymous_callers_are_untouched(w: World) -> None:
    for contact in (w.norm, None):
        asked = values(w, contact_id=contact)
        saved = w.tickets.create(asked, w.tech)
        f = saved.detail.fields
        assert (f.priority, f.tier, f.queue_id, f.assignee_id, f.status) == (
            Priority.P3,
            Tier.L1,
            w.desk,
            w.l1_tech,
            Status.ASSIGNED,
        )
        kinds = [e[0] for e in timeline(w, saved.detail.ticket_id)]
        assert kinds == [EventKind.CREATED, EventKind.ASSIGNED]
    assert notifications(w) == []


def test_removing_a_contact_from_the_vip_table_ends_the_rule(w: World) -> None:
    save_vip(
        w,
        {
            "priority_floor": "P1",
            "direct_to_l2": "true",
            "account_manager": str(w.manager),
            "contacts": [{"contact": str(w.norm)}],
        },
    )
    vera = w.tickets.create(values(w), w.tech)
    assert vera.detail.fields.priority is Priority.P3
    norm = w.tickets.create(values(w, contact_id=w.norm), w.tech)
    assert norm.detail.fields.priority is Priority.P1
    assert notifications(w) == [(w.manager, norm.detail.ticket_id, "vip", "response", DEFAULT_NOW)]


def test_another_clients_vip_rule_does_not_apply(w: World) -> None:
    other = add_client(w.db, "Other BV")
    vip_there = _contact(w.db, other, "Otto Other")
    save_vip(w, {"priority_floor": "P4", "contacts": [{"contact": str(vip_there)}]}, other)
    saved = w.tickets.create(values(w, client_id=other, contact_id=vip_there), w.tech)
    # Otto's own client's rule (floor P4) applies, not Acme's (P1, L2, manager).
    f = saved.detail.fields
    assert (f.priority, f.tier) == (Priority.P3, Tier.L1)
    assert timeline(w, saved.detail.ticket_id)[-1][3] == "Otto Other is a VIP"
    assert notifications(w) == []


def test_a_read_only_technician_cannot_create(w: World) -> None:
    reader = add_technician(w.db, "Rita Reader", role=Role.READ_ONLY)
    with pytest.raises(PermissionDeniedError):
        w.tickets.create(values(w), reader)
    assert notifications(w) == []
