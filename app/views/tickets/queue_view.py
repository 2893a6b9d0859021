"""The ticket queue: a filter bar over a lazily paged, SQL-sorted table of tickets."""

from __future__ import annotations

import logging
from collections.abc import Hashable, Sequence
from functools import partial
from typing import Any, Final

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Priority, StatusCategory, Tier
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
from app.views.tickets.queue_model import Col, TicketIdRole, TicketTableModel

log = logging.getLogger(__name__)

#: Quiet time after the last keystroke in the search box before the query runs.
SEARCH_DEBOUNCE_MS: Final = 300
#: Change kinds that rename what rows show (client, queue, technician, contact names).
_NAME_KINDS: Final = frozenset({"client", "contact", "queue", "technician"})
#: Initial column widths in average character widths; the subject takes what is left.
_COLUMN_CHARS: Final = {
    Col.NUMBER: 10,
    Col.CLIENT: 18,
    Col.SUBJECT: 40,
    Col.TYPE: 14,
    Col.PRIORITY: 13,
    Col.STATUS: 17,
    Col.TIER: 14,
    Col.QUEUE: 14,
    Col.ASSIGNEE: 16,
    Col.CONTACT: 16,
    Col.CREATED: 15,
    Col.UPDATED: 15,
}

#: Status combo values: (open only, status categories).
_StatusChoice = tuple[bool, frozenset[StatusCategory]]
#: Assignee combo values: (unassigned only, technician id).
_AssigneeChoice = tuple[bool, int | None]


class ChoiceBox(QComboBox):
    """A combo box whose items carry Python values, kept in a list beside the items.

    Values stay Python objects (QVariant would turn a `StrEnum` into a plain `str`). GUI thread
    only. Changing the choices keeps the current value when it is still offered.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setToolTip(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaxVisibleItems(20)
        self._values: list[Hashable] = []

    def set_choices(self, choices: Sequence[tuple[str, Hashable]]) -> None:
        """Replace the items; keep the current value if offered, else select the first item."""
        current = self.current_value()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            self._values = []
            for text, value in choices:
                self.addItem(text)
                self._values.append(value)
            self.setCurrentIndex(self._index_of(current) if current in self._values else 0)
        finally:
            self.blockSignals(blocked)

    def current_value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def values(self) -> list[Hashable]:
        return list(self._values)

    def set_current_value(self, value: Hashable, fallback_text: str) -> None:
        """Select `value`, first adding it as `fallback_text` if no item carries it."""
        if value not in self._values:
            self.addItem(fallback_text)
            self._values.append(value)
        self.setCurrentIndex(self._index_of(value))

    def _index_of(self, value: Hashable) -> int:
        return self._values.index(value)


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
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._directory = directory
        self._runner = runner
        self._me = me
        #: True while widgets are set from code, so their change signals run no query.
        self._applying = False
        #: Bumped by each count request; a count answering an older filter is dropped.
        self._count_generation = 0
        #: The ticket selected before the model reset, selected again once rows land.
        self._restore_ticket_id: int | None = None

        self.model = TicketTableModel(service, runner, self)
        self._build_filter_bar()
        self._build_table()
        self._error_label = QLabel(self)
        self._error_label.setObjectName("queueError")
        self._error_label.setStyleSheet("color: #b3261e;")
        self._error_label.setTextFormat(Qt.TextFormat.RichText)
        self._error_label.linkActivated.connect(lambda _link: self.reload())
        self._error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(self._filter_bar)
        layout.addWidget(self._error_label)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._on_filters_edited)

        self._search.textEdited.connect(self._on_search_text_edited)
        self._search.returnPressed.connect(self._on_filters_edited)
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

        self._fill_static_choices()
        self._load_lookups()
        # Something sensible until the main window applies the technician's saved queue.
        self.apply_saved_queue(SavedQueue.ALL_OPEN)
        # Enabled only now: enabling sorts by the header's indicator, which matches the query
        # just run, so the model ignores it instead of querying a second time.
        self.table.setSortingEnabled(True)

    # --- construction -------------------------------------------------------------------------

    def _build_filter_bar(self) -> None:
        self._search = QLineEdit(self)
        self._search.setObjectName("queueSearch")
        self._search.setPlaceholderText(self.tr("Search number, subject or contact"))
        self._search.setAccessibleName(self.tr("Search tickets"))
        self._search.setClearButtonEnabled(True)
        self._search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        self._search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.queue_box = ChoiceBox(self.tr("Queue"), self)
        self.status_box = ChoiceBox(self.tr("Status"), self)
        self.priority_box = ChoiceBox(self.tr("Priority"), self)
        self.client_box = ChoiceBox(self.tr("Client"), self)
        self.assignee_box = ChoiceBox(self.tr("Assignee"), self)
        self.tier_box = ChoiceBox(self.tr("Tier"), self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("queueCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)

        self._filter_bar = QHBoxLayout()
        self._filter_bar.setSpacing(6)
        self._filter_bar.addWidget(self._search, 2)
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
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        char = self.fontMetrics().averageCharWidth()
        for col, chars in _COLUMN_CHARS.items():
            header.resizeSection(col, chars * char)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(char * 6)

        self._empty_label = QLabel(self.tr("No tickets match these filters."), table.viewport())
        self._empty_label.setObjectName("queueEmpty")
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty_label.setStyleSheet("color: #80868b;")
        self._empty_label.hide()
        table.viewport().installEventFilter(self)

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
            text=self._search.text().strip(),
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
            self._search_timer.stop()
            self._search.setText(filter.text)
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
                return  # A save that changed nothing.
            if all(self.model.is_loaded(i) for i in changes.ids):
                self.model.refresh_rows(changes.ids)
                self._recount()
            else:
                # A new ticket, or one outside the loaded rows that may now belong in them.
                self.reload()
        elif changes.kind == "*" or changes.kind in _NAME_KINDS:
            self._load_lookups()
            self.reload()

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
