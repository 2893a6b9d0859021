"""The app's own SLA sweep, and the signed-in technician's warning and breach notifications.

Every running app sweeps once a minute on the write lane (the sweep is idempotent and claims each
warning and level once, so several apps on one database do not double-fire), then fetches the
technician's unseen notifications. The main window shows them as tray messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from app.services.my_alerts import MyAlertsService, MySlaSummary, NewAssignments, Since
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
    #: The technician's `MySlaSummary` after each sweep.
    summary_changed = Signal(object)
    #: `NewAssignments` with at least one ticket assigned to the technician by someone else.
    assigned = Signal(object)

    def __init__(
        self,
        sweeper: SlaSweepService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        technician_id: int,
        parent: QObject | None = None,
        interval_ms: int = SWEEP_INTERVAL_MS,
        alerts: MyAlertsService | None = None,
    ) -> None:
        super().__init__(parent)
        self._alerts = alerts
        self._since: Since | None = None
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

    @property
    def running(self) -> bool:
        """Sweeping on its timer (between `start()` and `stop()`)."""
        return self._timer.isActive()

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
        if self._alerts is not None:
            alerts, tech, since = self._alerts, self._technician_id, self._since
            self._runner.run(
                lambda: _look(alerts, tech, since),
                lane=Lane.READ,
                owner=self,
                on_success=self._looked,
                on_failure=lambda _e: None,
                key="my-alerts",
            )

    def _looked(self, result: tuple[MySlaSummary, NewAssignments | Since]) -> None:
        summary, news = result
        self.summary_changed.emit(summary)
        if isinstance(news, Since):
            self._since = news
            return
        self._since = news.since
        if news.found:
            self.assigned.emit(news)


def _look(
    alerts: MyAlertsService, technician_id: int, since: Since | None
) -> tuple[MySlaSummary, NewAssignments | Since]:
    """The counts, and the news since the last look (the first look only sets the start)."""
    summary = alerts.summary(technician_id)
    if since is None:
        return summary, alerts.start()
    return summary, alerts.new_assignments(technician_id, since)


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
        #: The last counts shown (None before the first sweep).
        self.summary: MySlaSummary | None = None
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon("app"), self)
            self._tray.setToolTip(_t("MSP Helpdesk"))
            self._tray.messageClicked.connect(self._clicked)
            self._tray.show()
        watch.notified.connect(self.show)
        watch.summary_changed.connect(self.show_summary)
        watch.assigned.connect(self.show_assigned)

    def show(self, found: Sequence[Notification]) -> None:
        last = found[-1]
        self._last = last.ticket_id
        title, text = notification_text(last)
        if len(found) > 1:
            text += " " + _t("(and {0} more)").format(len(found) - 1)
        if self._tray is not None:
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)
        self._window.statusBar().showMessage(f"{title} — {text}", 30_000)

    def show_summary(self, summary: MySlaSummary) -> None:
        """The tray's tooltip and badge: my tickets at SLA warning (and overdue)."""
        self.summary = summary
        if self._tray is None:
            return
        self._tray.setToolTip(summary_text(summary))
        self._tray.setIcon(badged_icon(summary.warning + summary.overdue))

    def show_assigned(self, news: NewAssignments) -> None:
        title, text = assignment_text(news)
        self._last = news.found[-1].ticket_id
        if self._tray is not None:
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self._window.statusBar().showMessage(f"{title} — {text}", 30_000)

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()

    def _clicked(self) -> None:
        if self._last is not None:
            self._open_ticket(self._last)


def summary_text(summary: MySlaSummary) -> str:
    if not summary.warning and not summary.overdue:
        return _t("MSP Helpdesk — none of my tickets is at SLA warning")
    return _t("MSP Helpdesk — my tickets: {0} at SLA warning, {1} overdue").format(
        summary.warning, summary.overdue
    )


def assignment_text(news: NewAssignments) -> tuple[str, str]:
    last = news.found[-1]
    number = f"T-{last.ticket_id:06d}"
    title = _t("Assigned to you: {0}").format(number)
    text = (
        _t("{0} gave you “{1}”.").format(last.by, last.subject)
        if last.by
        else _t("“{0}” was routed to you.").format(last.subject)
    )
    if news.total > 1:
        text += " " + _t("(and {0} more)").format(news.total - 1)
    return title, text


def badged_icon(count: int) -> QIcon:
    """The app icon with `count` in a red disc (the icon alone for 0)."""
    base = icon("app")
    if count <= 0:
        return base
    pixmap = base.pixmap(64, 64)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#d32f2f"))
    painter.drawEllipse(QRect(28, 28, 36, 36))
    font = QFont()
    font.setPixelSize(24 if count < 10 else 18)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRect(28, 28, 36, 36), Qt.AlignmentFlag.AlignCenter, str(min(count, 99)))
    painter.end()
    return QIcon(pixmap)
