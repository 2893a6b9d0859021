"""The main window's background watches: the minute SLA sweep with its tray alerts, and the
recurring-ticket scheduler. GUI thread only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from app.bootstrap import Core
from app.tasks import ChangeNotifier, TaskRunner

from app.views.recurring.recurring_watch import RecurringWatch
from app.views.sla_watch import SlaAlerts, SlaWatch

#: The first sweeps wait for start-up to settle; then one a minute.
START_DELAY_MS: Final = 3_000


class DeskWatches(QObject):
    def __init__(
        self,
        core: Core,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        technician_id: int,
        window: QMainWindow,
        open_ticket: Callable[[int], object],
    ) -> None:
        super().__init__(window)
        self.sla_watch = SlaWatch(
            core.sla_sweep, runner, notifier, technician_id, window, alerts=core.alerts
        )
        self.sla_alerts = SlaAlerts(self.sla_watch, window, open_ticket)
        self.recurring_watch = RecurringWatch(core.recurring, runner, notifier, window)
        QTimer.singleShot(START_DELAY_MS, self.sla_watch.start)
        QTimer.singleShot(START_DELAY_MS, self.recurring_watch.start)

    def stop(self) -> None:
        self.sla_watch.stop()
        self.recurring_watch.stop()
        self.sla_alerts.close()
