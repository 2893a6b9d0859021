"""app/services/my_alerts.py: the tray's counts and new-assignment news, on both backends."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.db import Database
from app.services.my_alerts import MyAlertsService, MySlaSummary
from tests.fakes import FakeClock
from tests.services.test_sla_sweep import World, build_world


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.fixture
def world(db: Database, clock: FakeClock) -> World:
    return build_world(db, clock)


def assign(world: World, ticket_id: int, to: int | None, actor: int) -> None:
    d = world.tickets.get(ticket_id)
    world.tickets.update(ticket_id, d.version, replace(d.fields, assignee_id=to), actor)


def test_counts_my_tickets_at_warning_then_overdue(world: World) -> None:
    """P2 resolution: 8 business hours from Monday 09:00, warned at 80 %."""
    world.policy()
    alerts = MyAlertsService(world.db, world.clock)
    mine = world.ticket(assignee=world.alice)
    world.reply(mine, z("2026-03-02 09:05"))
    theirs = world.ticket(assignee=world.bob)
    world.reply(theirs, z("2026-03-02 09:05"))
    assert alerts.summary(world.alice) == MySlaSummary(0, 0)
    world.sweep(z("2026-03-02 15:30"))
    assert alerts.summary(world.alice) == MySlaSummary(1, 0)
    world.sweep(z("2026-03-03 09:30"))
    assert alerts.summary(world.alice) == MySlaSummary(0, 1)
    assert alerts.summary(world.carol) == MySlaSummary(0, 0)


def test_reports_tickets_assigned_to_me_by_others_once(world: World) -> None:
    world.policy()
    alerts = MyAlertsService(world.db, world.clock)
    since = alerts.start()
    by_bob = world.ticket()
    assign(world, by_bob, world.alice, world.bob)
    taken = world.ticket()
    assign(world, taken, world.alice, world.alice)  # taking one myself is no news
    passed_on = world.ticket()
    assign(world, passed_on, world.alice, world.bob)
    assign(world, passed_on, world.carol, world.bob)  # not mine any more
    news = alerts.new_assignments(world.alice, since)
    assert [(a.ticket_id, a.by) for a in news.found] == [(by_bob, "Bob")]
    assert news.total == 1
    again = alerts.new_assignments(world.alice, news.since)
    assert again.found == () and again.since == news.since
    later = world.ticket()
    assign(world, later, world.alice, world.admin)
    assert [a.ticket_id for a in alerts.new_assignments(world.alice, news.since).found] == [later]
