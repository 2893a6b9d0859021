"""The in-app SLA sweep and the technician's notifications, on real services and both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.models.enums import EventKind, Priority, SourceChannel, TicketType
from app.services.directory import TechnicianRow
from app.services.sla import SlaService
from app.services.sla_sweep import SlaSweepService
from app.services.tickets import TicketFields, TicketService
from app.sla.policy import TargetKind
from app.tasks import ChangeNotifier, TaskRunner
from tests.factories import add_calendar, add_client, add_policy
from tests.fakes import FakeClock

from app.views.sla_watch import SlaWatch, notification_text
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
