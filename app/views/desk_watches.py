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
        # Owned timers, not QTimer.singleShot: a window closed before they fire must not start
        # its watches afterwards (they would sweep on a shut-down runner, forever).
        self._starts: list[QTimer] = []
        for start in (self.sla_watch.start, self.recurring_watch.start):
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(start)
            timer.start(START_DELAY_MS)
            self._starts.append(timer)

    @property
    def active(self) -> bool:
        """Waiting to start, or sweeping."""
        waiting = any(timer.isActive() for timer in self._starts)
        return waiting or self.sla_watch.running or self.recurring_watch.running

    def stop(self) -> None:
        for timer in self._starts:
            timer.stop()
        self.sla_watch.stop()
        self.recurring_watch.stop()
        self.sla_alerts.close()
