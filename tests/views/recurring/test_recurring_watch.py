"""RecurringWatch: the app's timer-driven sweep announces the tickets it created."""

from __future__ import annotations

import datetime as dt

from app.db import Changes
from app.services.recurring import RecurringService, RecurringValues
from tests.factories import add_client

from app.views.recurring.recurring_watch import RecurringWatch


def test_sweep_creates_due_tickets_and_announces_them(
    qtbot, db, clock, tickets, runner, notifier, me
) -> None:
    service = RecurringService(db, clock, tickets)
    client = add_client(db, "Acme NV")
    values = RecurringValues(
        client_id=client,
        name="Daily log review",
        subject="Review the logs",
        frequency="daily",
        at_time="08:00",
        start_date=dt.date(2026, 3, 2),
    )
    row = service.create(values, me.technician_id)
    announced: list[Changes] = []
    notifier.data_changed.connect(announced.append)
    watch = RecurringWatch(service, runner, notifier, None, interval_ms=3_600_000)
    try:
        watch.start()  # 10:00 in Brussels: nothing due yet
        assert watch.last_report is not None and watch.last_report.created == 0
        assert announced == []
        clock.set(dt.datetime(2026, 3, 3, 7, 0, tzinfo=dt.UTC))  # 08:00 in Brussels
        watch.sweep_now()
        report = watch.last_report
        assert report is not None and report.created == 1
        assert announced == [
            Changes("ticket", frozenset(report.ticket_ids)),
            Changes("recurring", frozenset({row.recurring_id})),
        ]
    finally:
        watch.stop()
        # Parentless QObject with a timer: delete it here, on the GUI thread.
        watch.deleteLater()
