"""The administrator's SLA settings window: calendars, policies, contracts and team leads."""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.db import Changes
from app.services.directory import DirectoryService, TechnicianRow
from app.services.sla_config import SlaConfigService
from app.tasks import ChangeNotifier, TaskRunner

from app.views.sla.calendar_panel import CalendarPanel
from app.views.sla.contracts_panel import ContractsPanel
from app.views.sla.leads_panel import LeadsPanel
from app.views.sla.policy_panel import PolicyPanel

#: Change kinds after which the lists are read again: SLA configuration, or everything.
_RELOAD_KINDS: Final = frozenset({"sla", "*"})


class SlaSettingsDialog(QDialog):
    """A non-modal window over the three SLA tabs. GUI thread only.

    Every save is announced on the `ChangeNotifier` (other views refresh their SLA columns);
    the tabs re-read their lists after any save here and whenever another desk announces an
    SLA change (while hidden, once it is shown again). The services refuse writes from
    non-admins; the main window only offers the window to admins.
    """

    def __init__(
        self,
        service: SlaConfigService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._notifier = notifier
        #: An SLA change was announced while hidden: read the lists again when shown.
        self._stale = False
        self.setWindowTitle(self.tr("SLA settings"))
        self.setModal(False)
        self.calendars = CalendarPanel(service, runner, me)
        self.policies = PolicyPanel(service, directory, runner, me)
        self.contracts = ContractsPanel(service, directory, runner, me)
        self.leads = LeadsPanel(service, directory, runner, me)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.calendars, self.tr("Calendars"))
        self.tabs.addTab(self.policies, self.tr("Policies"))
        self.tabs.addTab(self.contracts, self.tr("Contracts"))
        self.tabs.addTab(self.leads, self.tr("Team leads"))
        for panel in (self.calendars, self.policies, self.contracts, self.leads):
            panel.changed.connect(self._on_panel_changed)

        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(1220, 860)

        notifier.data_changed.connect(self._on_notifier_data_changed)
        self.reload()

    def reload(self) -> None:
        """Read every tab's lists again (read lane); open forms keep what was typed."""
        self.calendars.reload()
        self.policies.reload()
        self.contracts.reload()
        self.leads.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def _on_panel_changed(self, changes: object) -> None:
        if not isinstance(changes, Changes):
            return
        self._notifier.announce(changes)  # reloads here too when its kind is an SLA one
        if changes.kind not in _RELOAD_KINDS:
            self.reload()

    def _on_notifier_data_changed(self, changes: object) -> None:
        if not isinstance(changes, Changes) or changes.kind not in _RELOAD_KINDS:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True
