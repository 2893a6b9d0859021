"""The app's own SLA sweep, and the signed-in technician's warning and breach notifications.

Every running app sweeps once a minute on the write lane (the sweep is idempotent and claims each
warning and level once, so several apps on one database do not double-fire), then fetches the
technician's unseen notifications. The main window shows them as tray messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from app.services.sla_sweep import SlaSweepService
from app.services.sla_types import Notification, SweepReport
from app.sla.policy import TargetKind
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views.icons import icon

#: How often the sweep runs: levels and warnings fire at most this late.
SWEEP_INTERVAL_MS: Final = 60_000


def _t(text: str) -> str:
    return QCoreApplication.translate("sla", text)


def notification_text(n: Notification) -> tuple[str, str]:
    """Title and message of a tray notification."""
    kind = {
        TargetKind.RESPONSE: _t("response"),
        TargetKind.RESOLUTION: _t("resolution"),
        TargetKind.UPDATE: _t("next update"),
    }[n.target_kind]
    number = f"T-{n.ticket_id:06d}"
    if n.reason == "vip":
        # The client's VIP rule names the account manager (app.services.vip_rule), not an SLA.
        title = _t("VIP call: {0}").format(number)
        return title, _t("A VIP logged “{0}”.").format(n.ticket_subject)
    if n.reason == "follow_up":
        # A vendor case's follow-up time came (app.services.vendor_cases), not an SLA target.
        title = _t("Vendor follow-up: {0}").format(number)
        return title, _t("Chase the vendor on “{0}”.").format(n.ticket_subject)
    if n.reason == "warning":
        title = _t("SLA warning: {0}").format(number)
        body = _t("The {0} target of “{1}” is at risk.")
    elif n.reason == "breach":
        title = _t("SLA breached: {0}").format(number)
        body = _t("The {0} target of “{1}” was missed.")
    else:
        title = _t("SLA escalation: {0}").format(number)
        body = _t("The {0} target of “{1}” was escalated.")
    return title, body.format(kind, n.ticket_subject)


class SlaWatch(QObject):
    """Sweeps on a timer and emits `notified` with the technician's new notifications."""

    #: A list of `Notification`s, oldest first; never empty.
    notified = Signal(object)

    def __init__(
        self,
        sweeper: SlaSweepService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        technician_id: int,
        parent: QObject | None = None,
        interval_ms: int = SWEEP_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._sweeper = sweeper
        self._runner = runner
        self._notifier = notifier
        self._technician_id = technician_id
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sweep_now)

    def start(self) -> None:
        self._timer.start()
        self.sweep_now()

    def stop(self) -> None:
        self._timer.stop()

    def sweep_now(self) -> None:
        # A failed sweep (database gone) is retried by the next tick; the connection banner
        # already tells the technician.
        self._runner.run(
            self._sweeper.sweep,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._swept,
            on_failure=lambda _e: None,
            key="sla-sweep",
        )

    def _swept(self, report: SweepReport) -> None:
        if report.changes.ids:
            self._notifier.announce(report.changes)
        tech = self._technician_id
        self._runner.run(
            lambda: self._sweeper.notifications(tech),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._fetched,
            on_failure=lambda _e: None,
            key="sla-notifications",
        )

    def _fetched(self, found: Sequence[Notification]) -> None:
        if found:
            self.notified.emit(list(found))


class SlaAlerts(QObject):
    """Shows `SlaWatch` notifications: a tray message, and the window's status bar (the only
    place on desktops without a tray). Clicking the message opens the ticket."""

    def __init__(
        self, watch: SlaWatch, window: QMainWindow, open_ticket: Callable[[int], object]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._open_ticket = open_ticket
        self._last: int | None = None
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon("app"), self)
            self._tray.setToolTip(_t("MSP Helpdesk"))
            self._tray.messageClicked.connect(self._clicked)
            self._tray.show()
        watch.notified.connect(self.show)

    def show(self, found: Sequence[Notification]) -> None:
        last = found[-1]
        self._last = last.ticket_id
        title, text = notification_text(last)
        if len(found) > 1:
            text += " " + _t("(and {0} more)").format(len(found) - 1)
        if self._tray is not None:
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)
        self._window.statusBar().showMessage(f"{title} — {text}", 30_000)

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()

    def _clicked(self) -> None:
        if self._last is not None:
            self._open_ticket(self._last)
