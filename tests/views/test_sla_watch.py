"""The in-app SLA sweep and the technician's notifications, on real services and both backends."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from PySide6.QtWidgets import QMainWindow

from app.db import Database
from app.models.enums import EventKind, Priority, SourceChannel, TicketType
from app.services.directory import TechnicianRow
from app.services.my_alerts import MyAlertsService, MySlaSummary
from app.services.sla import SlaService
from app.services.sla_sweep import SlaSweepService
from app.services.tickets import TicketFields, TicketService
from app.sla.policy import TargetKind
from app.tasks import ChangeNotifier, TaskRunner
from tests.factories import add_calendar, add_client, add_policy, add_technician
from tests.fakes import FakeClock

from app.views.sla_watch import (
    SlaAlerts,
    SlaWatch,
    badged_icon,
    notification_text,
    summary_text,
)
from app.views.tickets.sla_event_text import offset_text, sla_event_summary

#: Monday 2026-03-02 10:00 in Brussels (CET, UTC+1): inside office hours.
MONDAY_10 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def sweeper(db: Database, clock: FakeClock, sla: SlaService) -> SlaSweepService:
    return SlaSweepService(db, clock, sla)


def _p2_ticket(db: Database, tickets: TicketService, me: TechnicianRow) -> int:
    add_policy(db, add_calendar(db, timezone="Europe/Brussels"))
    client = add_client(db, timezone="Europe/Brussels")
    fields = TicketFields(
        client_id=client,
        contact_id=None,
        type=TicketType.INCIDENT,
        category="",
        priority=Priority.P2,
        source=SourceChannel.PHONE,
        subject="Server down",
        assignee_id=me.technician_id,
    )
    return tickets.create(fields, me.technician_id).detail.ticket_id


def test_the_assignee_is_notified_once_when_the_response_clock_reaches_its_warning(
    qtbot, db, clock, tickets, sweeper, runner: TaskRunner, notifier: ChangeNotifier, me
):
    clock.set(MONDAY_10)
    ticket_id = _p2_ticket(db, tickets, me)
    watch = SlaWatch(sweeper, runner, notifier, me.technician_id)
    received: list = []
    watch.notified.connect(received.append)
    announced: list = []
    notifier.data_changed.connect(announced.append)

    watch.sweep_now()  # 10:00: P2 response due 10:30, warning at 75 % = 10:22:30
    assert received == []

    clock.advance(minutes=23)
    watch.sweep_now()
    assert len(received) == 1
    (n,) = received[0]
    assert (n.ticket_id, n.reason, n.target_kind) == (ticket_id, "warning", TargetKind.RESPONSE)
    assert any(ticket_id in c.ids for c in announced)
    title, text = notification_text(n)
    assert title == f"SLA warning: T-{ticket_id:06d}"
    assert "Server down" in text and "response" in text

    watch.sweep_now()  # already told: nothing new
    assert len(received) == 1

    clock.advance(minutes=10)  # 10:33, past the 10:30 due
    watch.sweep_now()
    assert [n.reason for n in received[1]] == ["breach"]


def test_sla_event_summaries_name_the_clock_the_offset_and_the_actions():
    assert offset_text(-5400) == "1 h 30 min before due"
    assert offset_text(0) == "at due"
    assert offset_text(900) == "15 min after due"
    assert offset_text(7200) == "2 h after due"
    assert (
        sla_event_summary(EventKind.SLA_LEVEL, "-3600", "resolution", "notify_lead,raise_priority")
        == "Resolution escalation (1 h before due): notified the team lead, raised the priority"
    )
    assert sla_event_summary(EventKind.SLA_BREACH, "", "response", "") == (
        "Response: target breached"
    )


def test_a_vip_notification_says_vip_not_sla() -> None:
    import datetime as dt

    from app.services.sla_types import Notification

    n = Notification(7, 42, "CEO laptop dead", "vip", TargetKind.RESPONSE, dt.datetime.now(dt.UTC))
    assert notification_text(n) == ("VIP call: T-000042", "A VIP logged “CEO laptop dead”.")


def test_a_vendor_follow_up_notification_says_chase_the_vendor() -> None:
    import datetime as dt

    from app.services.sla_types import Notification

    n = Notification(
        7, 42, "Line down", "follow_up", TargetKind.RESOLUTION, dt.datetime.now(dt.UTC)
    )
    assert notification_text(n) == (
        "Vendor follow-up: T-000042",
        "Chase the vendor on “Line down”.",
    )


def test_the_watch_reports_my_counts_and_tickets_others_assign_to_me(
    qtbot, db, clock, tickets, sweeper, runner: TaskRunner, notifier: ChangeNotifier, me
):
    clock.set(MONDAY_10)
    mine = _p2_ticket(db, tickets, me)
    alerts = MyAlertsService(db, clock)
    watch = SlaWatch(sweeper, runner, notifier, me.technician_id, alerts=alerts)
    window = QMainWindow()
    qtbot.addWidget(window)
    shown = SlaAlerts(watch, window, lambda _t: None)
    counts: list = []
    news: list = []
    watch.summary_changed.connect(counts.append)
    watch.assigned.connect(news.append)
    watch.sweep_now()
    assert counts == [MySlaSummary(0, 0)] and news == []
    clock.advance(minutes=23)  # the response clock is past its warning instant
    other = add_technician(db, "Olga Other")
    fields = replace(tickets.get(mine).fields, subject="Printer on fire")
    second = tickets.create(replace(fields, assignee_id=me.technician_id), other).detail.ticket_id
    watch.sweep_now()
    assert counts[-1].warning == 1
    (latest,) = news
    assert [(a.ticket_id, a.by) for a in latest.found] == [(second, "Olga Other")]
    assert shown.summary == counts[-1]
    assert window.statusBar().currentMessage() == (
        f"Assigned to you: T-{second:06d} — Olga Other gave you “Printer on fire”."
    )
    watch.sweep_now()
    assert len(news) == 1  # told once


def test_the_tray_text_and_badge() -> None:
    assert "1 at SLA warning, 2 overdue" in summary_text(MySlaSummary(1, 2))
    assert "none of my tickets" in summary_text(MySlaSummary(0, 0))
    assert not badged_icon(3).isNull()
    plain, badged = badged_icon(0).pixmap(64, 64).toImage(), badged_icon(3).pixmap(64, 64).toImage()
    assert plain != badged
