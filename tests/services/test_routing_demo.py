"""app/services/demo_routing.py: the demo rules are valid, resolve names, and seed once."""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.models import ChecklistTemplate, RoutingRule
from app.models.enums import Priority, Role, SourceChannel, TicketType, Tier
from app.services.demo_routing import RULES, TEMPLATES, seed_demo_routing
from app.services.routing import RoutingService
from app.services.routing_validation import RuleDraft, validate_rule
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.tickets import TicketFields, TicketService
from tests.factories import add_calendar, add_client, add_policy, add_queue, add_technician
from tests.fakes import FakeClock


def _demo_directory(db: Database) -> None:
    add_technician(db, "Morgan Admin", role=Role.ADMIN, email="admin@demo.msp")
    add_technician(db, "Dmitri Ivanov", tier=Tier.L2, email="dmitri@demo.msp")
    for name, tier in (
        ("Service desk", Tier.L1),
        ("Infrastructure", Tier.L2),
        ("Specialists", Tier.L3),
    ):
        add_queue(db, name, tier)
    add_client(db, "Acme Dental Group")
    add_policy(db, add_calendar(db, "Always"), "Premium 24x7", is_default=False)


def test_seeding_twice_adds_every_rule_once_and_each_is_valid(
    db: Database, clock: FakeClock
) -> None:
    _demo_directory(db)
    seed_demo_routing(db, clock)
    seed_demo_routing(db, clock)
    with db.read() as s:
        rules = list(s.scalars(select(RoutingRule).order_by(RoutingRule.position)))
        assert [r.name for r in rules] == [name for name, *_ in RULES]
        assert [r.position for r in rules] == list(range(1, len(RULES) + 1))
        assert sorted(s.scalars(select(ChecklistTemplate.name))) == sorted(TEMPLATES)
        for r in rules:
            validate_rule(s, RuleDraft(r.name, r.conditions, r.actions, r.stop), r.id)


def test_rules_whose_records_are_missing_are_skipped(db: Database, clock: FakeClock) -> None:
    add_queue(db, "Service desk", Tier.L1)
    seed_demo_routing(db, clock)
    with db.read() as s:
        names = set(s.scalars(select(RoutingRule.name)))
    # Only rules needing nothing but the service desk queue and templates.
    assert names == {
        "Server down is P1",
        "VIP callers at least P2",
        "New user accounts get the starter checklist",
        "Leavers get the leaver checklist",
        "Password resets stay at L1",
    }


def test_a_demo_new_user_request_gets_the_starter_checklist(db: Database, clock: FakeClock) -> None:
    _demo_directory(db)
    seed_demo_routing(db, clock)
    tech = add_technician(db, "Alice Martin")
    tickets = TicketService(db, clock, SlaService(db, clock, SlaStore(db)))
    saved = tickets.create(
        TicketFields(
            client_id=add_client(db, "Brouwerij De Kroon"),
            contact_id=None,
            type=TicketType.SERVICE_REQUEST,
            category="Accounts \u203a New user",
            priority=Priority.P3,
            source=SourceChannel.EMAIL,
            subject="New colleague starts Monday",
        ),
        tech,
    )
    tasks = RoutingService(db, clock).tasks(saved.detail.ticket_id)
    assert [t.text for t in tasks] == list(TEMPLATES["New starter"])
