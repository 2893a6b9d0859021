"""The clients browser: a searchable client list beside the selected client's contacts, sites,
credentials (the Credentials tab appears when a vault session is given) and onboarding form (the
Onboarding tab appears when the onboarding service and the technician are given)."""

from __future__ import annotations

import logging
from functools import partial
from typing import Final

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Core
from app.db import Changes
from app.models.enums import ClientStatus
from app.services.client_wiki import ClientWikiService
from app.services.connectivity import ConnectivityTester
from app.services.directory import ClientDetail, ClientRow, DirectoryService, TechnicianRow
from app.services.errors import NotFoundError
from app.services.onboarding import OnboardingService
from app.tasks import ChangeNotifier, Lane, TaskHandle, TaskRunner

from app.views import labels
from app.views.clients.client_models import (
    ClientTableModel,
    ContactTableModel,
    SiteTableModel,
)
from app.views.clients.service_panel import ClientServicePanel
from app.views.clients.vault_panel import VaultPanel
from app.views.clients.vault_session import VaultSession
from app.views.clients.wiki_panel import WikiPanel
from app.views.onboarding import OnboardingView
from app.views.onboarding_status.readiness_panel import ClientReadinessPanel
from app.views.widgets.record_list import list_table

log = logging.getLogger(__name__)

#: Quiet time after the last keystroke before the search runs (architecture.md §3.1).
SEARCH_DEBOUNCE_MS: Final = 300
#: Change kinds that alter what this view shows. "ticket" moves the open-ticket counts.
_LIST_KINDS: Final = frozenset({"client", "ticket", "*"})
_DETAIL_KINDS: Final = frozenset({"client", "*"})

#: Badge colours per client status: (background, text); readable on light and dark themes.
_STATUS_COLOURS: Final = {
    ClientStatus.ONBOARDING: ("#dbe8fb", "#0b4a9e"),
    ClientStatus.LIVE: ("#d9f2df", "#17652f"),
    ClientStatus.NOTICE: ("#fdeccc", "#8a4b00"),
    ClientStatus.ENDED: ("#e6e6e6", "#4d4d4d"),
}


def _table(model: ClientTableModel | ContactTableModel | SiteTableModel) -> QTableView:
    view = list_table(model)
    # Each table names the column that takes the spare width itself.
    view.horizontalHeader().setStretchLastSection(False)
    return view


class ClientsView(QWidget):
    """Browse clients: search on the left, the selected client's header, contacts and sites right.

    GUI thread only. Queries run on the read lane through the `TaskRunner`; a result that arrives
    after a newer query was started is dropped, so a slow search never overwrites a fast one. The
    list loads the first time the view is shown (or on `reload()`), and again when the notifier
    announces a change of kind "client", "ticket" (open-ticket counts) or "*".
    """

    #: The user (or `select_client`) selected a client; carries its id.
    client_selected = Signal(int)

    def __init__(
        self,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        parent: QWidget | None = None,
        *,
        vault: VaultSession | None = None,
        onboarding: OnboardingService | None = None,
        me_id: int | None = None,
        readiness: ClientReadinessPanel | None = None,
        wiki: ClientWikiService | None = None,
        tester: ConnectivityTester | None = None,
        service: ClientServicePanel | None = None,
    ) -> None:
        super().__init__(parent)
        #: The Service tab (CSAT and time), if given.
        self.service_panel = service
        self._directory = directory
        self._runner = runner
        self._notifier = notifier
        self._vault = vault
        self._onboarding = onboarding
        self._me_id = me_id
        #: Tests the remote methods a save of the Onboarding tab's remote section adds or moves.
        self._tester = tester
        #: The Credentials tab; None without a vault session.
        self.vault_panel: VaultPanel | None = None
        #: The Onboarding tab; None without the onboarding service and the technician.
        self.onboarding_view: OnboardingView | None = None
        #: The Readiness tab (score, checklist, remote methods, caller secrets), if given.
        self.readiness_panel = readiness
        #: The Wiki tab: the client's start page and call-handling rules, if given.
        self.wiki_panel = WikiPanel(wiki, runner, notifier) if wiki is not None else None
        #: Ids of the latest list and detail queries; older results are dropped.
        self._list_seq = 0
        self._detail_seq = 0
        self._list_task: TaskHandle | None = None
        self._detail_task: TaskHandle | None = None
        #: The client whose detail is shown (or loading); None when nothing is selected.
        self._client_id: int | None = None
        #: A client `select_client` asked for before the list holding it arrived.
        self._pending_client_id: int | None = None
        #: True once a list query was started; the first `showEvent` starts one otherwise.
        self._loaded = False
        #: A change arrived while hidden; reload on the next `showEvent`.
        self._stale = False

        self.client_model = ClientTableModel(self)
        self.contact_model = ContactTableModel(self)
        self.site_model = SiteTableModel(self)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.reload)

        self._build()
        notifier.data_changed.connect(self._on_notifier_data_changed)

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search by name or code"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textEdited.connect(self._on_search_box_text_edited)
        self.search_box.returnPressed.connect(self._on_search_box_return_pressed)

        self.client_table = _table(self.client_model)
        header = self.client_table.horizontalHeader()
        # Every column as wide as its text: a stretched name column was squeezed to "…" by the
        # others whenever the list was narrower than all of them; the list scrolls sideways.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.client_table.selectionModel().currentRowChanged.connect(
            self._on_client_table_current_row_changed
        )

        self.list_message = QLabel()
        self.list_message.setObjectName("listMessage")
        self.list_message.setWordWrap(True)
        self.list_message.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.client_table, 1)
        left_layout.addWidget(self.list_message)

        self._detail_stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("Select a client to see its contacts and sites."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)  # greyed: it is a hint, not content
        self._detail_stack.addWidget(self.placeholder)
        self._detail_stack.addWidget(self._build_detail())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self._detail_stack)
        # The detail has eight contact columns: give it the larger part, now and on resizing.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 560])

        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _build_detail(self) -> QWidget:
        self.name_label = QLabel()
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setWordWrap(True)

        self.code_label = QLabel()
        self.code_label.setEnabled(False)  # greyed: secondary to the name
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_badge = QLabel()
        self.status_badge.setObjectName("statusBadge")

        title_row = QHBoxLayout()
        title_row.addWidget(self.name_label, 1)
        title_row.addWidget(self.code_label)
        title_row.addWidget(self.status_badge)

        self.phone_label = QLabel()
        self.timezone_label = QLabel()
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        for label in (self.phone_label, self.timezone_label, self.notes_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.PlainText)  # client data, never markup
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)

        self._facts = QFormLayout()
        self._facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._facts.addRow(self.tr("Phone:"), self.phone_label)
        self._facts.addRow(self.tr("Time zone:"), self.timezone_label)
        self._facts.addRow(self.tr("Notes:"), self.notes_label)

        header = QFrame()
        header.setObjectName("clientHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(0, 0, 0, 4)
        header_layout.setSpacing(6)
        header_layout.addLayout(title_row)
        header_layout.addLayout(self._facts)

        self.contact_table = _table(self.contact_model)
        contact_header = self.contact_table.horizontalHeader()
        contact_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        contact_header.setSectionResizeMode(
            ContactTableModel.Col.EMAIL, QHeaderView.ResizeMode.Stretch
        )
        for col in ContactTableModel.FLAG_COLUMNS:
            contact_header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.site_table = _table(self.site_model)
        site_header = self.site_table.horizontalHeader()
        site_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        site_header.setSectionResizeMode(SiteTableModel.Col.ADDRESS, QHeaderView.ResizeMode.Stretch)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.contact_table, self.tr("Contacts"))
        self.tabs.addTab(self.site_table, self.tr("Sites"))
        if self.wiki_panel is not None:
            self.tabs.addTab(self.wiki_panel, self.tr("Wiki"))
        if self._vault is not None:
            self.vault_panel = VaultPanel(self._vault, self._runner, is_admin=self._vault.is_admin)
            self.tabs.addTab(self.vault_panel, self.tr("Credentials"))
        if self._onboarding is not None and self._me_id is not None:
            self.onboarding_view = OnboardingView(
                self._onboarding, self._runner, self._notifier, self._me_id, tester=self._tester
            )
            self.onboarding_view.open_credentials.connect(self._on_onboarding_open_credentials)
            self.tabs.addTab(self.onboarding_view, self.tr("Onboarding"))
        if self.readiness_panel is not None:
            self.tabs.addTab(self.readiness_panel, self.tr("Readiness"))
        if self.service_panel is not None:
            self.tabs.addTab(self.service_panel, self.tr("Service"))

        self.detail_message = QLabel()
        self.detail_message.setObjectName("detailMessage")
        self.detail_message.setWordWrap(True)
        self.detail_message.hide()

        detail = QWidget()
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.detail_message)
        layout.addWidget(self.tabs, 1)
        return detail

    @classmethod
    def from_core(
        cls,
        core: Core,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        vault: VaultSession | None,
        parent: QWidget | None = None,
    ) -> ClientsView:
        """The clients browser with every tab the core offers (the main window's)."""
        return cls(
            core.directory,
            runner,
            notifier,
            parent,
            vault=vault,
            onboarding=core.onboarding,
            me_id=me.technician_id,
            readiness=ClientReadinessPanel(
                core.checklist,
                core.completeness,
                core.connectivity,
                core.verification,
                core.directory,
                runner,
                notifier,
                me.technician_id,
                tester=core.connectivity_tester,
            ),
            wiki=core.wiki,
            tester=core.connectivity_tester,
            service=ClientServicePanel(
                core.closure,
                core.csat,
                core.time_entries,
                runner,
                notifier,
                me,
                now=core.clock.now,
            ),
        )

    # --- public API ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Query the clients matching the search box again (read lane)."""
        self._search_timer.stop()
        self._loaded = True
        self._stale = False
        text = self.search_box.text()
        self._list_seq += 1
        if self._list_task is not None:
            self._list_task.cancel()
        self._list_task = self._runner.run(
            partial(self._directory.clients, text),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_clients_loaded, self._list_seq),
            on_failure=partial(self._on_clients_failed, self._list_seq),
        )

    def select_client(self, client_id: int) -> None:
        """Select `client_id` in the list and show its detail.

        If the list does not show it, the search is cleared and the list reloaded first. If the
        client does not exist, the current selection stays.
        """
        row = self.client_model.row_of(client_id)
        if row >= 0:
            self._pending_client_id = None
            self._select_row(row)
            return
        # Not listed: hidden by the search, not loaded yet, or created since. Ask again; the
        # selection is applied when the list lands.
        self._pending_client_id = client_id
        self.search_box.clear()
        self.reload()

    def current_client_id(self) -> int | None:
        """The client whose detail is shown (or loading), if any."""
        return self._client_id

    # --- events -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        stale = self._stale
        if stale or not self._loaded:
            self.reload()
        if stale and self._client_id is not None:
            self._load_detail(self._client_id)

    def _on_search_box_text_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_box_return_pressed(self) -> None:
        self.reload()

    def _on_notifier_data_changed(self, changes: object) -> None:
        if not isinstance(changes, Changes) or changes.kind not in _LIST_KINDS:
            return
        if not self.isVisible():
            self._stale = True
            return
        self.reload()
        if (
            self._client_id is not None
            and changes.kind in _DETAIL_KINDS
            and (not changes.ids or self._client_id in changes.ids)
        ):
            self._load_detail(self._client_id)

    def _on_onboarding_open_credentials(self) -> None:
        if self.vault_panel is not None:
            self.tabs.setCurrentWidget(self.vault_panel)

    def _on_client_table_current_row_changed(
        self, current: QModelIndex, _prev: QModelIndex
    ) -> None:
        row = self.client_model.row_at(current.row()) if current.isValid() else None
        if row is None or row.client_id == self._client_id:
            return
        self._client_id = row.client_id
        self._load_detail(row.client_id)
        if self.vault_panel is not None:
            self.vault_panel.set_client(row.client_id)
        if self.onboarding_view is not None:
            self.onboarding_view.set_client(row.client_id)
        if self.readiness_panel is not None:
            self.readiness_panel.set_client(row.client_id)
        if self.wiki_panel is not None:
            self.wiki_panel.set_client(row.client_id)
        if self.service_panel is not None:
            self.service_panel.set_client(row)
        self.client_selected.emit(row.client_id)

    # --- list ---------------------------------------------------------------------------------

    def _on_clients_loaded(self, seq: int, rows: list[ClientRow]) -> None:
        if seq != self._list_seq:
            return
        self._list_task = None
        pending, self._pending_client_id = self._pending_client_id, None
        self.client_model.set_rows(rows)
        if rows:
            self.list_message.hide()
        else:
            self.list_message.setText(
                self.tr("No client matches this search.")
                if self.search_box.text().strip()
                else self.tr("There are no clients yet.")
            )
            self.list_message.show()
        # A client `select_client` asked for, else the one already shown.
        row = self.client_model.row_of(pending) if pending is not None else -1
        if row < 0 and self._client_id is not None:
            row = self.client_model.row_of(self._client_id)
        if row >= 0:
            self._select_row(row)
        elif self._client_id is not None:
            # The shown client no longer matches the search (or is gone): show nothing rather
            # than a client the list does not contain.
            self._clear_detail()

    def _on_clients_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._list_seq:
            return
        self._list_task = None
        log.warning("loading the client list failed", exc_info=error)
        self.list_message.setText(self.tr("The clients could not be loaded. Try again later."))
        self.list_message.show()

    def _select_row(self, row: int) -> None:
        index = self.client_model.index(row, ClientTableModel.Col.NAME)
        self.client_table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.client_table.scrollTo(index)

    # --- detail -------------------------------------------------------------------------------

    def _load_detail(self, client_id: int) -> None:
        self._detail_seq += 1
        if self._detail_task is not None:
            self._detail_task.cancel()
        self._detail_task = self._runner.run(
            partial(self._directory.client, client_id),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_detail_loaded, self._detail_seq),
            on_failure=partial(self._on_detail_failed, self._detail_seq),
        )

    def _on_detail_loaded(self, seq: int, detail: ClientDetail) -> None:
        if seq != self._detail_seq or detail.client.client_id != self._client_id:
            return
        self._detail_task = None
        client = detail.client
        self.name_label.setText(client.name)
        self.code_label.setText(client.code)
        self._show_status(client.status)
        self.phone_label.setText(client.phone or "—")
        self.timezone_label.setText(client.timezone)
        self.notes_label.setText(detail.notes)
        self._facts.setRowVisible(self.notes_label, bool(detail.notes.strip()))
        self.contact_model.set_contacts(detail.contacts, detail.sites)
        self.site_model.set_rows(detail.sites)
        self.detail_message.hide()
        self._detail_stack.setCurrentIndex(1)

    def _on_detail_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._detail_seq:
            return
        self._detail_task = None
        if isinstance(error, NotFoundError):
            # Deleted by someone else since the list was read: refresh the list without it.
            self._clear_detail()
            self.reload()
            return
        log.warning("loading client %s failed", self._client_id, exc_info=error)
        self.detail_message.setText(self.tr("This client could not be loaded. Try again later."))
        self.detail_message.show()

    def _show_status(self, status: ClientStatus) -> None:
        background, text = _STATUS_COLOURS[status]
        self.status_badge.setText(labels.client_status(status))
        self.status_badge.setStyleSheet(
            f"QLabel#statusBadge {{ background: {background}; color: {text};"
            " border-radius: 8px; padding: 2px 8px; font-weight: 600; }"
        )

    def _clear_detail(self) -> None:
        self._client_id = None
        self._detail_seq += 1  # drops a detail query still in flight
        self.client_table.selectionModel().clear()
        self.contact_model.set_rows(())
        self.site_model.set_rows(())
        if self.vault_panel is not None:
            self.vault_panel.set_client(None)
        if self.onboarding_view is not None:
            self.onboarding_view.set_client(None)
        if self.readiness_panel is not None:
            self.readiness_panel.set_client(None)
        if self.wiki_panel is not None:
            self.wiki_panel.set_client(None)
        if self.service_panel is not None:
            self.service_panel.set_client(None)
        self._detail_stack.setCurrentIndex(0)
