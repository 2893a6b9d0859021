"""The desk's tool windows (SLA settings, escalation paths, recurring tickets…): one of each,
created on first use and raised on later ones, kept while the main window lives."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from app.bootstrap import Core
from app.services.directory import TechnicianRow
from app.tasks import ChangeNotifier, TaskRunner

from app.views.about_dialog import AboutDialog
from app.views.escalation.queue_paths_dialog import QueuePathsDialog
from app.views.intake.new_call_dialog import NewCallDialog
from app.views.recurring.recurring_dialog import RecurringTicketsDialog
from app.views.routing.rules_dialog import RoutingRulesDialog
from app.views.shortcut_sheet import ShortcutSheet
from app.views.sla.sla_settings_dialog import SlaSettingsDialog
from app.views.tickets.new_ticket_dialog import NewTicketDialog

W = TypeVar("W", bound=QWidget)


class DeskWindows(QObject):
    """Opens the tool windows for one signed-in technician. GUI thread only."""

    def __init__(
        self,
        core: Core,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget,
        open_ticket: Callable[[int], object],
    ) -> None:
        super().__init__(parent)
        self._open_ticket = open_ticket
        self._core = core
        self._runner = runner
        self._notifier = notifier
        self._me = me
        self._parent = parent
        self._open: dict[str, QWidget] = {}

    def show(self, key: str, build: Callable[[], W]) -> W:
        """The window kept under `key` (built the first time), shown and raised."""
        window = self._open.get(key)
        if window is None:
            window = build()
            self._open[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window  # type: ignore[return-value]

    def new_ticket(self) -> NewTicketDialog:
        core = self._core
        dialog = NewTicketDialog(
            core.tickets,
            core.directory,
            self._runner,
            self._notifier,
            self._me,
            self._parent,
            kb=core.kb,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ticket_created.connect(self._open_ticket)
        dialog.show()
        return dialog

    def new_call(self) -> NewCallDialog:
        """The phone intake: caller and entitlement lookup, capture, create (domain.md §2.2)."""
        core = self._core
        dialog = NewCallDialog(
            core.entitlement,
            core.tickets,
            core.directory,
            self._runner,
            self._notifier,
            self._me,
            sla=core.sla,
            clock=core.clock,
            kb=core.kb,
            parent=self._parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_ticket_requested.connect(self._open_ticket)
        dialog.show()
        return dialog

    def sla_settings(self) -> SlaSettingsDialog:
        core = self._core
        return self.show(
            "sla",
            lambda: SlaSettingsDialog(
                core.sla_config,
                core.directory,
                self._runner,
                self._notifier,
                self._me,
                self._parent,
            ),
        )

    def escalation_paths(self) -> QueuePathsDialog:
        return self.show(
            "paths",
            lambda: QueuePathsDialog(
                self._core.escalation_paths, self._runner, self._me, self._parent
            ),
        )

    def recurring_tickets(self) -> RecurringTicketsDialog:
        core = self._core
        return self.show(
            "recurring",
            lambda: RecurringTicketsDialog(
                core.recurring,
                core.directory,
                self._runner,
                self._notifier,
                self._me,
                None,
                self._parent,
            ),
        )

    def routing_rules(self) -> RoutingRulesDialog:
        return self.show(
            "routing",
            lambda: RoutingRulesDialog(
                self._core.routing, self._runner, self._me.technician_id, self._parent
            ),
        )

    def shortcut_sheet(self) -> ShortcutSheet:
        """The keyboard shortcut cheat sheet (Help menu, F1)."""
        return self.show("shortcuts", lambda: ShortcutSheet(self._parent))

    def about(self) -> AboutDialog:
        """Versions, the database in use and the paths (Help menu)."""
        core = self._core
        return self.show(
            "about", lambda: AboutDialog(core.db, core.paths, self._runner, self._parent)
        )
