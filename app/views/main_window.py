"""The main window: saved queues and navigation on the left, the queue or clients on the right.

Thin by design: it composes feature views, opens ticket dialogs and watches the connection.
GUI thread only."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Core
from app.db import Changes, DatabaseUnavailableError
from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.services.queue_export import QueueExportService
from app.services.ticket_queue import SavedQueue
from app.settings import Settings
from app.tasks import ChangeNotifier, Lane, TaskRunner
from app.vault.service import VaultService

from app.views.clients.clients_view import ClientsView
from app.views.clients.vault_session import VaultSession
from app.views.desk_watches import DeskWatches
from app.views.desk_windows import DeskWindows
from app.views.kb.kb_view import KnowledgeBaseView
from app.views.main_actions import MainActions, add_desk_actions
from app.views.main_menus import add_app_menus
from app.views.remote.launcher import RemoteLauncher
from app.views.reports.reports_view import ReportsView
from app.views.sla.sla_settings_dialog import SlaSettingsDialog
from app.views.theme import ThemeController
from app.views.tickets.new_ticket_dialog import NewTicketDialog
from app.views.tickets.panel_registry import ticket_panels
from app.views.tickets.queue_export import QueueExporter
from app.views.tickets.queue_view import TicketQueueView
from app.views.tickets.saved_queues import SavedQueuesWidget
from app.views.tickets.ticket_dialog import TicketDialog
from app.views.widgets.banner import Banner
from app.views.window_layout import restore_main_layout, save_main_layout

#: How often a lost database is probed again.
RETRY_MS = 5_000


class MainWindow(QMainWindow):
    """The signed-in technician's workspace."""

    def __init__(
        self,
        core: Core,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        settings: Settings,
        me: TechnicianRow,
        parent: QWidget | None = None,
        theme: ThemeController | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._core = core
        self._runner = runner
        self._notifier = notifier
        self._settings = settings
        self._me = me
        self._dialogs: dict[int, TicketDialog] = {}
        self.windows = DeskWindows(core, runner, notifier, me, self, self.open_ticket)
        self._panels = ticket_panels(core, runner, me)
        self.setWindowTitle(self.tr("MSP Helpdesk — {name}").format(name=me.name))

        self.banner = Banner(self.tr("Retry now"), self)
        self.saved_queues = SavedQueuesWidget(core.queue, runner, notifier, me, self)
        self.nav = QListWidget(self)
        pages = [
            self.tr("Tickets"),
            self.tr("Clients"),
            self.tr("Knowledge base"),
            self.tr("Reports"),
        ]
        self.nav.addItems(pages)
        self.nav.setMaximumHeight(self.nav.sizeHintForRow(0) * len(pages) + 8)
        initial = self._initial_queue()
        self.queue_view = TicketQueueView(
            core.queue,
            core.directory,
            runner,
            notifier,
            me,
            self,
            initial_queue=initial,
            now=core.clock.now,
            bulk=core.bulk,
        )
        self.queue_export = QueueExporter(
            QueueExportService(core.queue), runner, self.queue_view, self,
            current_queue=self.saved_queues.current_queue,
        )  # fmt: skip
        # One vault session per window; it also records activity for the idle lock.
        vault = VaultService(core.db, me.technician_id, core.clock.now)
        self.vault = VaultSession(vault, self, is_admin=me.role is Role.ADMIN, settings=settings)
        self.clients_view = ClientsView.from_core(core, runner, notifier, me, self.vault, self)
        self.remote = RemoteLauncher.from_core(core, self.vault, runner, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.queue_view)
        self.stack.addWidget(self.clients_view)
        self.kb_view = KnowledgeBaseView(core.kb, core.directory, runner, notifier, me, self)
        self.stack.addWidget(self.kb_view)
        self.reports_view = ReportsView(
            core.reports, core.report_branding, runner, notifier, me, self,
            today=lambda: core.clock.now().astimezone().date(),
        )  # fmt: skip
        self.stack.addWidget(self.reports_view)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 6, 0, 6)
        side_layout.addWidget(QLabel(self.tr("<b>Saved queues</b>"), side))
        side_layout.addWidget(self.saved_queues, 1)
        side_layout.addWidget(QLabel(self.tr("<b>Go to</b>"), side))
        side_layout.addWidget(self.nav)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1000])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.statusBar().showMessage(
            self.tr("Signed in as {name} ({tier}) · {db}").format(
                name=me.name,
                tier=me.tier.value,
                db=core.db.url.render_as_string(hide_password=True),
            )
        )

        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._probe_connection)
        self.banner.button.clicked.connect(self._probe_connection)
        # Highlight the starting queue before listening: the view already loads it.
        self.saved_queues.select_queue(initial)
        self.saved_queues.queue_selected.connect(self._on_saved_queues_queue_selected)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.queue_view.ticket_activated.connect(self.open_ticket)
        self.queue_view.filters_edited.connect(self.saved_queues.clear_selection)
        self.queue_view.query_failed.connect(self._on_runner_task_failed)
        runner.task_failed.connect(self._on_runner_task_failed)
        self._restore_layout()
        self.nav.setCurrentRow(0)
        self._setup_sla_watch()

    def _build_actions(self) -> None:
        self.main_actions = MainActions(self, self._me)
        built = add_desk_actions(
            self.main_actions,
            self.windows,
            refresh=lambda: self._notifier.announce(Changes("*")),
            lock_vault=self.vault.lock_now,
            export_queue=self.queue_export.export,
        )
        self.new_ticket_action, self.new_call_action = built.new_ticket, built.new_call
        self.refresh_action, self.lock_vault_action = built.refresh, built.lock_vault
        self.sla_settings_action = built.sla_settings
        self.menus = add_app_menus(
            self.main_actions, self, self._core, self._runner, self._settings, self._theme
        )

    # -- tickets -------------------------------------------------------------------------------

    def new_ticket(self) -> NewTicketDialog:
        return self.windows.new_ticket()

    def open_ticket(self, ticket_id: int) -> TicketDialog:
        """Show the ticket's dialog, raising the one already open for it."""
        dialog = self._dialogs.get(ticket_id)
        if dialog is None:
            dialog = TicketDialog(
                self._core.tickets,
                self._core.directory,
                self._runner,
                self._notifier,
                self._me,
                ticket_id,
                self,
                sla=self._core.sla,
                now=self._core.clock.now,
                verification=self._core.verification,
                approvals=self._core.approvals,
                remote=self.remote,
                panels=self._panels,
                canned=self._core.canned,
            )
            dialog.shortcuts.set_queue_navigation(self.queue_view.open_neighbour)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(partial(self._dialogs.pop, ticket_id, None))
            self._dialogs[ticket_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_sla_settings(self) -> SlaSettingsDialog:
        """Show the one SLA settings window (kept while this window lives), raising it."""
        return self.windows.sla_settings()

    def _on_saved_queues_queue_selected(self, queue: SavedQueue) -> None:
        self._settings.ui_state.last_queue = queue.value
        self.nav.setCurrentRow(0)
        self.queue_view.apply_saved_queue(queue)

    def _initial_queue(self) -> SavedQueue:
        try:
            return SavedQueue(self._settings.ui_state.last_queue)
        except ValueError:
            return SavedQueue.MY_OPEN

    # -- connection ----------------------------------------------------------------------------

    def connection_lost(self) -> None:
        """Show the banner and probe until the database answers; open forms keep their input."""
        self.banner.show_message(
            self.tr(
                "Connection to the database lost — retrying. What you typed is kept; "
                "save again once it is back."
            )
        )
        if not self._retry.isActive():
            self._retry.start()

    def connection_restored(self) -> None:
        """Hide the banner. The change watcher announces its own refresh when it reconnects."""
        self._retry.stop()
        self.banner.hide()

    def _probe_connection(self) -> None:
        self._runner.run(
            self._core.db.ping,
            lane=Lane.READ,
            owner=self,
            on_success=lambda _r: self._on_probe_succeeded(),
            on_failure=lambda _e: None,
        )

    def _on_probe_succeeded(self) -> None:
        was_lost = not self.banner.isHidden()
        self.connection_restored()
        if was_lost:
            # Views may hold rows from before the outage; the watcher may still be reconnecting.
            self._notifier.announce(Changes("*"))

    def _on_runner_task_failed(self, error: object) -> None:
        if isinstance(error, DatabaseUnavailableError):
            self.connection_lost()
        else:
            self.statusBar().showMessage(self.tr("Something went wrong: {0}").format(error), 10_000)

    # -- layout --------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        header = self.queue_view.table.horizontalHeader()
        restore_main_layout(self, self.splitter, header, self._settings.ui_state)

    def _setup_sla_watch(self) -> None:
        self.watches = DeskWatches(
            self._core, self._runner, self._notifier, self._me.technician_id, self,
            self.open_ticket,
        )  # fmt: skip
        self.sla_watch, self.sla_alerts = self.watches.sla_watch, self.watches.sla_alerts

    def closeEvent(self, event: QCloseEvent) -> None:
        header = self.queue_view.table.horizontalHeader()
        save_main_layout(self, self.splitter, header, self._settings.ui_state)
        for dialog in list(self._dialogs.values()):
            if not dialog.close():
                event.ignore()
                return
        self.watches.stop()
        super().closeEvent(event)
