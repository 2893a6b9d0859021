"""Routing through TicketService.create: fields set, ROUTING events, checklists, SLA override.

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00Z = 10:00 in Brussels; the calendar is Mon–Fri 09:00–17:00 Brussels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Contact, Technician, TicketEvent, TicketSla
from app.models.enums import EventKind, Priority, Role, SourceChannel, Status, TicketType, Tier
from app.services.onboarding import OnboardingService
from app.services.routing import RoutingService, RuleDraft
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.tickets import TicketFields, TicketService
from tests.factories import (
    DEMO_TARGETS,
    add_calendar,
    add_client,
    add_policy,
    add_queue,
    add_technician,
)
from tests.fakes import FakeClock

PRINTERS = "End-user computing \u203a Printers \u203a Toner"


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    tickets: TicketService
    routing: RoutingService
    admin: int
    tech: int
    client: int
    desk: int
    infra: int
    l2: int
    standard: int
    gold: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    calendar = add_calendar(db, "Brussels office")
    standard = add_policy(db, calendar, "Standard", is_default=True)
    fast = dict(DEMO_TARGETS)
    fast[(Priority.P3, "response")] = ("minutes", 20)
    gold = add_policy(db, calendar, "Gold", targets=fast, is_default=False)
    return World(
        db,
        clock,
        TicketService(db, clock, SlaService(db, clock, SlaStore(db))),
        RoutingService(db, clock),
        add_technician(db, "Ada Admin", role=Role.ADMIN),
        add_technician(db, "Ted Tech"),
        add_client(db, "Acme NV"),
        add_queue(db, "Service desk", Tier.L1),
        add_queue(db, "Infrastructure", Tier.L2),
        add_technician(db, "Lars L2", tier=Tier.L2),
        standard,
        gold,
    )


def fields(w: World, **changes: Any) -> TicketFields:
    base = TicketFields(
        client_id=w.client,
        contact_id=None,
        type=TicketType.INCIDENT,
        category=PRINTERS,
        priority=Priority.P3,
        source=SourceChannel.PHONE,
        subject="Printer shows a paper jam",
        queue_id=w.desk,
    )
    return replace(base, **changes)


def rule(
    w: World, name: str, conditions: dict[str, Any], actions: dict[str, Any], **kw: Any
) -> int:
    return w.routing.create_rule(RuleDraft(name, conditions, actions, **kw), w.admin).rule_id


def events(w: World, ticket_id: int, *kinds: EventKind) -> list[tuple[EventKind, str]]:
    with w.db.read() as s:
        return [
            (e.kind, e.body)
            for e in s.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind.in_(kinds))
                .order_by(TicketEvent.id)
            )
        ]


def response_due(w: World, ticket_id: int) -> tuple[int, dt.datetime | None]:
    with w.db.read() as s:
        row = s.scalars(
            select(TicketSla).where(TicketSla.ticket_id == ticket_id, TicketSla.kind == "response")
        ).one()
        return row.policy_id, row.due_at


def test_a_rule_sets_queue_tier_priority_and_technician(w: World) -> None:
    rule(
        w,
        "Printers to L2",
        {"categories": ["End-user computing \u203a Printers"]},
        {"queue_id": w.infra, "tier": "L2", "priority": "P2", "assignee_id": w.l2},
    )
    saved = w.tickets.create(fields(w), w.tech)
    f = saved.detail.fields
    assert (f.queue_id, f.tier, f.priority, f.assignee_id, f.status) == (
        w.infra,
        Tier.L2,
        Priority.P2,
        w.l2,
        Status.ASSIGNED,
    )
    assert events(w, saved.detail.ticket_id, EventKind.ROUTING) == [
        (
            EventKind.ROUTING,
            "Rule \u201cPrinters to L2\u201d set queue Infrastructure, technician Lars L2, "
            "tier L2, priority P2",
        )
    ]


def test_each_fired_rule_is_on_the_timeline_with_what_it_skipped(w: World) -> None:
    rule(w, "Urgent words", {"keywords": ["paper jam"]}, {"priority": "P2"}, stop=False)
    rule(w, "Printers", {"asset_kinds": ["printers"]}, {"priority": "P4", "tier": "L2"}, stop=True)
    rule(w, "Never reached", {}, {"queue_id": w.infra})
    saved = w.tickets.create(fields(w), w.tech)
    assert (saved.detail.fields.priority, saved.detail.fields.tier) == (Priority.P2, Tier.L2)
    assert saved.detail.fields.queue_id == w.desk
    assert events(w, saved.detail.ticket_id, EventKind.ROUTING) == [
        (EventKind.ROUTING, "Rule \u201cUrgent words\u201d set priority P2"),
        (
            EventKind.ROUTING,
            "Rule \u201cPrinters\u201d set tier L2; skipped priority P4 "
            "(already P2 by \u201cUrgent words\u201d)",
        ),
    ]


def test_no_matching_rule_leaves_the_ticket_and_timeline_alone(w: World) -> None:
    rule(w, "Email only", {"channels": ["email"]}, {"queue_id": w.infra})
    saved = w.tickets.create(fields(w), w.tech)
    assert saved.detail.fields == replace(fields(w), status=Status.NEW)
    assert events(w, saved.detail.ticket_id, EventKind.ROUTING, EventKind.TASK) == []


def test_a_checklist_rule_adds_the_tasks(w: World) -> None:
    t = w.routing.create_template("New starter", ["Create account", "Order laptop"], w.admin)
    rule(
        w,
        "New users",
        {"types": ["service_request"], "categories": ["Accounts \u203a New user"]},
        {"checklist_template_id": t.template_id},
    )
    saved = w.tickets.create(
        fields(w, type=TicketType.SERVICE_REQUEST, category="Accounts \u203a New user"), w.tech
    )
    tid = saved.detail.ticket_id
    assert [(x.text, x.template_id) for x in w.routing.tasks(tid)] == [
        ("Create account", t.template_id),
        ("Order laptop", t.template_id),
    ]
    assert events(w, tid, EventKind.ROUTING, EventKind.TASK) == [
        (EventKind.ROUTING, "Rule \u201cNew users\u201d set checklist New starter"),
        (EventKind.TASK, "Checklist \u201cNew starter\u201d added: 2 tasks"),
    ]
    other = w.tickets.create(fields(w), w.tech).detail.ticket_id
    assert w.routing.tasks(other) == []


def test_an_sla_policy_rule_overrides_the_client_choice(w: World) -> None:
    rule(w, "Gold for servers", {"keywords": ["server"]}, {"sla_policy_id": w.gold})
    plain = w.tickets.create(fields(w), w.tech).detail.ticket_id
    routed = w.tickets.create(fields(w, subject="Server room printer jam"), w.tech)
    start = w.clock.now()
    assert response_due(w, plain) == (w.standard, start + dt.timedelta(hours=2))
    assert response_due(w, routed.detail.ticket_id) == (w.gold, start + dt.timedelta(minutes=20))
    # A later recompute (any edit) keeps the override.
    w.clock.advance(dt.timedelta(minutes=5))
    w.tickets.update(
        routed.detail.ticket_id,
        routed.detail.version,
        replace(routed.detail.fields, status=Status.IN_PROGRESS),
        w.tech,
    )
    assert response_due(w, routed.detail.ticket_id)[0] == w.gold


def test_a_vip_floor_is_not_lowered_by_a_rule(w: World) -> None:
    with w.db.write() as s:
        vera = Contact(client_id=w.client, name="Vera VIP", email="vera@x.example", vip=True)
        s.add(vera)
        s.flush()
        vera_id = vera.id
    onboarding = OnboardingService(w.db, w.clock)
    version = onboarding.form(w.client).sections["vip"].version
    onboarding.save_section(
        w.client,
        "vip",
        {"priority_floor": "P2", "contacts": [{"contact": str(vera_id), "note": ""}]},
        version,
        w.tech,
    )
    rule(w, "Printers are P4", {"vip": True}, {"priority": "P4", "queue_id": w.infra})
    saved = w.tickets.create(fields(w, contact_id=vera_id), w.tech)
    assert (saved.detail.fields.priority, saved.detail.fields.queue_id) == (Priority.P2, w.infra)
    assert events(w, saved.detail.ticket_id, EventKind.ROUTING) == [
        (
            EventKind.ROUTING,
            "Rule \u201cPrinters are P4\u201d set queue Infrastructure; skipped priority P4 "
            "(below the VIP floor P2)",
        )
    ]


def test_a_vip_sent_straight_to_l2_is_not_routed_back_to_l1(w: World) -> None:
    with w.db.write() as s:
        vera = Contact(client_id=w.client, name="Vera VIP", email="vera@x.example", vip=True)
        s.add(vera)
        s.flush()
        vera_id = vera.id
    onboarding = OnboardingService(w.db, w.clock)
    version = onboarding.form(w.client).sections["vip"].version
    onboarding.save_section(
        w.client,
        "vip",
        {"direct_to_l2": True, "contacts": [{"contact": str(vera_id), "note": ""}]},
        version,
        w.tech,
    )
    rule(
        w,
        "Phones to the desk",
        {"channels": ["phone"]},
        {"queue_id": w.desk, "tier": "L1", "priority": "P2"},
    )
    saved = w.tickets.create(fields(w, contact_id=vera_id, queue_id=None), w.tech)
    f = saved.detail.fields
    assert (f.tier, f.queue_id, f.priority) == (Tier.L2, w.infra, Priority.P2)
    tid = saved.detail.ticket_id
    assert events(w, tid, EventKind.ROUTING) == [
        (
            EventKind.ROUTING,
            "Rule \u201cPhones to the desk\u201d set priority P2; skipped queue Service desk "
            "(the VIP rule sends it straight to L2), tier L1 (the VIP rule sends it straight "
            "to L2)",
        )
    ]
    assert [k for k, _ in events(w, tid, EventKind.VIP_RULE)] == [EventKind.VIP_RULE]


def test_a_vip_without_straight_to_l2_follows_the_rule_to_l1(w: World) -> None:
    with w.db.write() as s:
        s.add(Contact(client_id=w.client, name="Vic VIP", email="vic@x.example", vip=True))
        s.flush()
        vic_id = s.scalars(select(Contact.id).where(Contact.name == "Vic VIP")).one()
    rule(w, "Phones to the desk", {"channels": ["phone"]}, {"queue_id": w.desk, "tier": "L1"})
    saved = w.tickets.create(fields(w, contact_id=vic_id, queue_id=w.infra, tier=Tier.L2), w.tech)
    assert (saved.detail.fields.tier, saved.detail.fields.queue_id) == (Tier.L1, w.desk)


def test_a_technician_deactivated_after_the_rule_was_saved_is_not_assigned(w: World) -> None:
    rule(w, "To Lars", {}, {"assignee_id": w.l2, "tier": "L2"})
    with w.db.write() as s:
        s.get(Technician, w.l2).active = False  # type: ignore[union-attr]
    saved = w.tickets.create(fields(w), w.tech)
    assert (saved.detail.fields.assignee_id, saved.detail.fields.tier) == (None, Tier.L2)
    assert events(w, saved.detail.ticket_id, EventKind.ROUTING) == [
        (
            EventKind.ROUTING,
            "Rule \u201cTo Lars\u201d set tier L2; skipped technician Lars L2 (inactive)",
        )
    ]


def test_an_edited_or_replaced_rule_applies_to_the_next_ticket(w: World) -> None:
    rule_id = rule(w, "Printers", {}, {"queue_id": w.infra})
    assert w.tickets.create(fields(w), w.tech).detail.fields.queue_id == w.infra
    row = w.routing.rule(rule_id)
    w.routing.update_rule(rule_id, row.version, RuleDraft("Printers", {}, {"tier": "L3"}), w.admin)
    second = w.tickets.create(fields(w), w.tech).detail.fields
    assert (second.queue_id, second.tier) == (w.desk, Tier.L3)
    # Deleted and re-created (SQLite may hand out the same id again): the new rule applies.
    w.routing.delete_rule(rule_id, w.admin)
    rule(w, "Printers", {}, {"priority": "P1"})
    third = w.tickets.create(fields(w), w.tech).detail.fields
    assert (third.tier, third.priority) == (Tier.L1, Priority.P1)
