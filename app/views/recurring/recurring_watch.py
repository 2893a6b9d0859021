"""The app's own recurring-ticket sweep: `RecurringService.run_due` once a minute.

Every running app may sweep; each occurrence is claimed once in the database (see
app/services/recurring.py), so several apps on one database never create a ticket twice.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject, QTimer

from app.services.recurring import RecurringService, RunReport
from app.tasks import ChangeNotifier, Lane, TaskRunner

#: How often due schedules are looked for: a recurring ticket is at most this late.
SWEEP_INTERVAL_MS: Final = 60_000


class RecurringWatch(QObject):
    """Runs the recurring sweep on a timer (write lane) and announces what it created."""

    def __init__(
        self,
        service: RecurringService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        parent: QObject | None = None,
        interval_ms: int = SWEEP_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._notifier = notifier
        self.last_report: RunReport | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sweep_now)

    def start(self) -> None:
        """Sweep now, then every interval."""
        self._timer.start()
        self.sweep_now()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        """Sweeping on its timer (between `start()` and `stop()`)."""
        return self._timer.isActive()

    def sweep_now(self) -> None:
        # A failed sweep (database gone) is retried by the next tick; the connection banner
        # already tells the technician.
        self._runner.run(
            self._service.run_due,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._swept,
            on_failure=lambda _e: None,
            key="recurring-sweep",
        )

    def _swept(self, report: RunReport) -> None:
        self.last_report = report
        if report.ticket_ids:
            self._notifier.announce(report.ticket_changes)
        if report.changes.ids:
            self._notifier.announce(report.changes)
