"""The ticket queue: a filter bar over a lazily paged, SQL-sorted table of tickets."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from functools import partial
from typing import Final

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Priority, Status, StatusCategory, TicketType, Tier
from app.models.ticket import format_number
from app.services.bulk_actions import BulkActionService
from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.ticket_queue import (
    SavedQueue,
    TicketFilter,
    TicketQueueService,
    TicketSort,
    saved_queue_view,
)
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views import labels
from app.views.tickets import sla_format
from app.views.tickets.bulk_bar import BulkBar
from app.views.tickets.choice_box import ChoiceBox
from app.views.tickets.queue_model import Col, TicketIdRole, TicketTableModel
from app.views.tickets.queue_shortcuts import QueueShortcuts
from app.views.tones import Tone, tone_css

log = logging.getLogger(__name__)

#: Quiet time after the last keystroke in the search box before the query runs.
SEARCH_DEBOUNCE_MS: Final = 300
#: Change kinds that rename what rows show (client, queue, technician, contact names).
_NAME_KINDS: Final = frozenset({"client", "contact", "queue", "technician"})
#: Width, in average characters, of the columns showing free-form names.
_NAME_CHARS: Final = {Col.CLIENT: 18, Col.QUEUE: 13, Col.ASSIGNEE: 15, Col.CONTACT: 16}
#: Shown only on request (header context menu): twelve columns do not fit a laptop screen.
HIDDEN_BY_DEFAULT: Final[frozenset[Col]] = frozenset()
#: Columns the user cannot hide: without them a row means nothing.
_ALWAYS_SHOWN: Final = frozenset({Col.NUMBER, Col.SUBJECT})

#: Status combo values: (open only, status categories).
_StatusChoice = tuple[bool, frozenset[StatusCategory]]
#: Assignee combo values: (unassigned only, technician id).
_AssigneeChoice = tuple[bool, int | None]


class TicketQueueView(QWidget):
    """Filter bar, ticket table and total count. GUI thread only.

    Every read goes through the `TaskRunner` on the read lane: the lookups that fill the combos,
    the table's pages (`TicketTableModel`) and the total count, which is computed separately so
    the table never waits for it. The view holds DTOs only; it has no SQL and no sessions.
    """

    #: The user opened a ticket (double-click or Enter); carries the ticket id.
    ticket_activated = Signal(int)
    #: The user changed a filter by hand, so the shown tickets no longer follow a saved queue.
    filters_edited = Signal()
    #: Reading the queue failed; carries the exception (e.g. `DatabaseUnavailableError`).
    query_failed = Signal(object)

    def __init__(
        self,
        service: TicketQueueService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget | None = None,
        *,
        initial_queue: SavedQueue = SavedQueue.ALL_OPEN,
        now: Callable[[], dt.datetime] | None = None,
        bulk: BulkActionService | None = None,
    ) -> None:
        """Starts loading `initial_queue` at once, so the owner need not apply another one.

        `now` is the clock the SLA countdowns count from (the system clock by default). With
        `bulk`, rows can be multi-selected and a `BulkBar` acts on them.
        """
        super().__init__(parent)
        self._service = service
        self._directory = directory
        self._runner = runner
        self._me = me
        #: True while widgets are set from code, so their change signals run no query.
        self._applying = False
        #: The "Needs update" condition of the saved queue shown: no widget holds it, and any
        #: filter edited by hand drops it (the side bar then shows no saved queue selected).
        self._needs_update = False
        #: Bumped by each count request; a count answering an older filter is dropped.
        self._count_generation = 0
        #: The ticket selected before the model reset, selected again once rows land.
        self._restore_ticket_id: int | None = None

        self.model = TicketTableModel(service, runner, self, now=now)
        self.model.start_sla_ticks()
        self._build_filter_bar()
        self._build_table()
        self._error_label = QLabel(self)
        self._error_label.setObjectName("queueError")
        self._error_label.setStyleSheet(tone_css(Tone.ERROR))
        self._error_label.setTextFormat(Qt.TextFormat.RichText)
        self._error_label.linkActivated.connect(lambda _link: self.reload())
        self._error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(self._filter_bar)
        layout.addWidget(self._error_label)
        #: The bulk-action bar above the table (None without a `BulkActionService`).
        self.bulk_bar: BulkBar | None = None
        if bulk is not None:
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            self.bulk_bar = BulkBar(bulk, directory, runner, notifier, me, self)
            self.bulk_bar.attach(self.table)
            layout.addWidget(self.bulk_bar)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._on_filters_edited)

        self.search_edit.textEdited.connect(self._on_search_text_edited)
        self.search_edit.returnPressed.connect(self._on_filters_edited)
        for box in self._boxes():
            box.currentIndexChanged.connect(self._on_filters_edited)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.query_loaded.connect(self._on_model_query_loaded)
        self.model.query_failed.connect(self._on_model_query_failed)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self.model.rowsInserted.connect(self._update_empty_state)
        self.model.modelReset.connect(self._update_empty_state)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.installEventFilter(self)
        notifier.data_changed.connect(self._on_notifier_data_changed)
        #: Search (Ctrl+F), next / previous ticket (Ctrl+. / Ctrl+,).
        self.shortcuts = QueueShortcuts(self)

        self._fill_static_choices()
        self._load_lookups()
        # Something sensible until the main window applies the technician's saved queue.
        self.apply_saved_queue(initial_queue)
        # Enabled only now: enabling sorts by the header's indicator, which matches the query
        # just run, so the model ignores it instead of querying a second time.
        self.table.setSortingEnabled(True)

    # --- construction -------------------------------------------------------------------------

    def _build_filter_bar(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("queueSearch")
        self.search_edit.setPlaceholderText(self.tr("Search number, subject or contact"))
        self.search_edit.setAccessibleName(self.tr("Search tickets"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.queue_box = ChoiceBox(self.tr("Queue"), self, width_chars=9)
        self.status_box = ChoiceBox(self.tr("Status"), self, width_chars=10)
        self.priority_box = ChoiceBox(self.tr("Priority"), self)
        self.client_box = ChoiceBox(self.tr("Client"), self, width_chars=11)
        self.assignee_box = ChoiceBox(self.tr("Assignee"), self, width_chars=9)
        self.tier_box = ChoiceBox(self.tr("Tier"), self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("queueCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 10)

        self._filter_bar = QHBoxLayout()
        self._filter_bar.setSpacing(6)
        self._filter_bar.addWidget(self.search_edit, 2)
        for box in self._boxes():
            self._filter_bar.addWidget(box)
        self._filter_bar.addStretch(1)
        self._filter_bar.addWidget(self.count_label)

    def _build_table(self) -> None:
        table = self.table = QTableView(self)
        table.setObjectName("ticketQueue")
        table.setAccessibleName(self.tr("Tickets"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setCornerButtonEnabled(False)
        # Fixed, hidden row headers: every row has the same height, so the view never measures
        # rows (the QTableView counterpart of `setUniformRowHeights`).
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.hide()
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col, width in self._initial_widths().items():
            header.resizeSection(col, width)
        # Every column is shown, so the subject keeps a readable width and the table scrolls
        # sideways on narrow screens rather than squeezing the subject to a few letters.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 6)
        # The urgency columns sit next to the status they depend on (see `Col`).
        for offset, col in enumerate((Col.RESPONSE_DUE, Col.RESOLVE_DUE), start=1):
            header.moveSection(header.visualIndex(col), header.visualIndex(Col.STATUS) + offset)
        for col in HIDDEN_BY_DEFAULT:
            header.setSectionHidden(col, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)

        self._empty_label = QLabel(self.tr("No tickets match these filters."), table.viewport())
        self._empty_label.setObjectName("queueEmpty")
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty_label.setStyleSheet(tone_css(Tone.MUTED))
        self._empty_label.hide()
        table.viewport().installEventFilter(self)

    def _initial_widths(self) -> dict[Col, int]:
        """Widths that fit each column's longest fixed text (labels, numbers, instants)."""
        metrics = self.table.fontMetrics()
        # Cell margins plus room for the header's sort indicator.
        padding = metrics.averageCharWidth() * 2 + 18
        icon = 20

        def fit(col: Col, texts: Iterable[str], extra: int = 0) -> int:
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            return max(metrics.horizontalAdvance(t) + extra for t in [*texts, title]) + padding

        # A late-December evening has about the widest date and time in most locales.
        instant = labels.local_datetime(dt.datetime(2026, 12, 28, 22, 58, tzinfo=dt.UTC))
        widths = {
            Col.NUMBER: fit(Col.NUMBER, [format_number(999_999)]),
            Col.TYPE: fit(Col.TYPE, map(labels.ticket_type, TicketType)),
            Col.PRIORITY: fit(Col.PRIORITY, map(labels.priority, Priority), icon),
            Col.STATUS: fit(Col.STATUS, map(labels.status, Status)),
            Col.TIER: fit(Col.TIER, [t.value for t in Tier]),
            Col.CREATED: fit(Col.CREATED, [instant]),
            Col.UPDATED: fit(Col.UPDATED, [instant]),
            Col.RESPONSE_DUE: fit(Col.RESPONSE_DUE, sla_format.widest_texts()),
            Col.RESOLVE_DUE: fit(Col.RESOLVE_DUE, sla_format.widest_texts()),
        }
        char = metrics.averageCharWidth()
        widths.update({col: chars * char for col, chars in _NAME_CHARS.items()})
        widths[Col.SUBJECT] = 34 * char
        return widths

    def _boxes(self) -> tuple[ChoiceBox, ...]:
        return (
            self.queue_box,
            self.status_box,
            self.priority_box,
            self.client_box,
            self.assignee_box,
            self.tier_box,
        )

    def _fill_static_choices(self) -> None:
        statuses: list[tuple[str, _StatusChoice]] = [
            (self.tr("Any status"), (False, frozenset())),
            (self.tr("Unresolved"), (True, frozenset())),
        ]
        statuses += [(labels.status_category(c), (False, frozenset({c}))) for c in StatusCategory]
        self.status_box.set_choices(statuses)
        self.status_box.setItemData(
            1, self.tr("Any status except resolved and closed"), Qt.ItemDataRole.ToolTipRole
        )
        priorities: list[tuple[str, frozenset[Priority]]] = [(self.tr("Any priority"), frozenset())]
        priorities += [(labels.priority(p), frozenset({p})) for p in Priority]
        self.priority_box.set_choices(priorities)
        tiers: list[tuple[str, Tier | None]] = [(self.tr("Any tier"), None)]
        tiers += [(labels.tier(t), t) for t in Tier]
        self.tier_box.set_choices(tiers)
        self._fill_lookup_choices(Lookups((), (), ()))

    def _fill_lookup_choices(self, lookups: Lookups) -> None:
        queues: list[tuple[str, int | None]] = [(self.tr("Any queue"), None)]
        queues += [(q.name, q.queue_id) for q in lookups.queues]
        self.queue_box.set_choices(queues)
        clients: list[tuple[str, int | None]] = [(self.tr("Any client"), None)]
        clients += [(c.name, c.client_id) for c in lookups.clients]
        self.client_box.set_choices(clients)
        assignees: list[tuple[str, _AssigneeChoice]] = [
            (self.tr("Anyone"), (False, None)),
            (self.tr("Me"), (False, self._me.technician_id)),
            (self.tr("Unassigned"), (True, None)),
        ]
        assignees += [
            (t.name, (False, t.technician_id))
            for t in lookups.technicians
            if t.active or t.technician_id == self._me.technician_id
        ]
        self.assignee_box.set_choices(assignees)

    # --- public API ---------------------------------------------------------------------------

    def current_filter(self) -> TicketFilter:
        """The filter the widgets describe (what the table shows once its query lands)."""
        open_only, categories = self.status_box.current_value()
        unassigned, assignee_id = self.assignee_box.current_value()
        return TicketFilter(
            open_only=open_only,
            status_categories=categories,
            priorities=self.priority_box.current_value(),
            client_id=self.client_box.current_value(),
            assignee_id=assignee_id,
            unassigned=unassigned,
            tier=self.tier_box.current_value(),
            queue_id=self.queue_box.current_value(),
            text=self.search_edit.text().strip(),
            needs_update=self._needs_update,
        )

    def current_sort(self) -> TicketSort:
        return self.model.current_sort()

    def apply_saved_queue(self, queue: SavedQueue) -> None:
        """Show a saved queue: set the filter widgets and the sort to its view, then query."""
        view = saved_queue_view(queue, self._me.technician_id)
        self.apply_filter(view.filter, view.sort)

    def apply_filter(self, filter: TicketFilter, sort: TicketSort) -> None:
        """Set every filter widget and the header's sort indicator to match, then query."""
        self._applying = True
        try:
            self._needs_update = filter.needs_update
            self._search_timer.stop()
            self.search_edit.setText(filter.text)
            self.queue_box.set_current_value(
                filter.queue_id, self.tr("Queue #%1").replace("%1", str(filter.queue_id))
            )
            status: _StatusChoice = (filter.open_only, filter.status_categories)
            self.status_box.set_current_value(status, self._status_text(status))
            self.priority_box.set_current_value(
                filter.priorities,
                ", ".join(labels.priority_short(p) for p in sorted(filter.priorities)),
            )
            self.client_box.set_current_value(
                filter.client_id, self.tr("Client #%1").replace("%1", str(filter.client_id))
            )
            assignee: _AssigneeChoice = (
                (True, None) if filter.unassigned else (False, filter.assignee_id)
            )
            self.assignee_box.set_current_value(
                assignee, self.tr("Technician #%1").replace("%1", str(filter.assignee_id))
            )
            self.tier_box.set_current_value(filter.tier, str(filter.tier))
            header = self.table.horizontalHeader()
            # Blocked, or the table would sort at once with the old filter.
            blocked = header.blockSignals(True)
            header.setSortIndicator(
                Col.for_sort_key(sort.key),
                Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(blocked)
        finally:
            self._applying = False
        self._run_query(sort)

    def reload(self) -> None:
        """Run the current query again, keeping the sort, the selection and the loaded rows."""
        self.model.reload()
        self._recount()

    def set_column_visible(self, col: Col, visible: bool) -> None:
        """Show or hide a column (the number and subject always stay)."""
        if col not in _ALWAYS_SHOWN:
            self.table.horizontalHeader().setSectionHidden(col, not visible)

    def selected_ticket_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        ticket_id = self.model.data(rows[0], TicketIdRole)
        return int(ticket_id) if ticket_id is not None else None

    def select_ticket(self, ticket_id: int) -> bool:
        """Select the row of `ticket_id` if it is loaded; True if it was."""
        row = self.model.row_of(ticket_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def open_neighbour(self, ticket_id: int, step: int) -> int | None:
        """Open the ticket `step` rows from `ticket_id` (a ticket window's next / previous)."""
        return self.shortcuts.open_neighbour(step, of_ticket=ticket_id)

    # --- queries ------------------------------------------------------------------------------

    def _run_query(self, sort: TicketSort | None = None) -> None:
        self._error_label.hide()
        self.model.set_query(self.current_filter(), sort or self.model.current_sort())
        self._recount()

    def _recount(self) -> None:
        self._count_generation += 1
        self._runner.run(
            partial(self._service.count, self.model.current_filter()),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_count_loaded, self._count_generation),
            on_failure=partial(self._on_count_failed, self._count_generation),
        )

    def _load_lookups(self) -> None:
        self._runner.run(
            self._directory.lookups,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_lookups_loaded,
            on_failure=self._on_model_query_failed,
        )

    def _status_text(self, status: _StatusChoice) -> str:
        open_only, categories = status
        parts = [self.tr("Unresolved")] if open_only else []
        parts += [labels.status_category(c) for c in StatusCategory if c in categories]
        return ", ".join(parts)

    # --- slots --------------------------------------------------------------------------------

    def _on_search_text_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _on_filters_edited(self) -> None:
        if self._applying:
            return
        self._needs_update = False
        self._search_timer.stop()
        if self.current_filter() == self.model.current_filter():
            return  # e.g. a word typed and erased again within the debounce
        self._run_query()
        self.filters_edited.emit()

    def _on_lookups_loaded(self, lookups: Lookups) -> None:
        before = self.current_filter()
        self._fill_lookup_choices(lookups)
        if self.current_filter() != before:
            # A filtered-on client, queue or technician disappeared from the lookups.
            self._run_query()

    def _on_count_loaded(self, generation: int, count: int) -> None:
        if generation != self._count_generation:
            return
        if count == 1:
            self.count_label.setText(self.tr("1 ticket"))
        else:
            self.count_label.setText(self.tr("%1 tickets").replace("%1", QLocale().toString(count)))

    def _on_count_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._count_generation:
            self.count_label.clear()
            self._on_model_query_failed(error)

    def _on_model_about_to_be_reset(self) -> None:
        selected = self.selected_ticket_id()
        if selected is not None:
            self._restore_ticket_id = selected

    def _on_model_query_loaded(self) -> None:
        ticket_id, self._restore_ticket_id = self._restore_ticket_id, None
        if ticket_id is not None:
            self.select_ticket(ticket_id)

    def _on_model_query_failed(self, error: object) -> None:
        self._error_label.setText(
            self.tr("Could not read the tickets. <a href='#retry'>Try again</a>")
        )
        self._error_label.show()
        self.query_failed.emit(error)

    def _on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self._empty_label.hide()
        else:
            self._update_empty_state()

    def _update_empty_state(self) -> None:
        empty = self.model.rowCount() == 0 and not self.model.is_loading()
        self._empty_label.setVisible(empty)
        if empty:
            self._empty_label.setGeometry(self.table.viewport().rect())

    def _on_notifier_data_changed(self, changes: object) -> None:
        if not isinstance(changes, Changes):
            return
        if changes.kind == "ticket":
            if not changes.ids:
                # Clocks recomputed in bulk (a calendar or policy edit): fresh rows in place.
                self.model.refresh_rows(self.model.loaded_ids())
                return
            if all(self.model.is_loaded(i) for i in changes.ids):
                self.model.refresh_rows(changes.ids)
                self._recount()
            else:
                # A new ticket, or one outside the loaded rows that may now belong in them.
                self.reload()
        elif changes.kind == "*" or changes.kind in _NAME_KINDS:
            self._load_lookups()
            self.reload()

    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for col in Col:
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.setEnabled(col not in _ALWAYS_SHOWN)
            action.toggled.connect(partial(self.set_column_visible, col))
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        ticket_id = self.model.data(index, TicketIdRole)
        if ticket_id is not None:
            self.ticket_activated.emit(int(ticket_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and watched is self.table
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            ticket_id = self.selected_ticket_id()
            if ticket_id is not None:
                self.ticket_activated.emit(ticket_id)
                return True
        elif event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._empty_label.setGeometry(self.table.viewport().rect())
        return super().eventFilter(watched, event)
