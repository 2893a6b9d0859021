"""The side bar of built-in saved queues ("My open tickets (12)"), with live counts."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import partial
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from app.db import Changes
from app.services.directory import TechnicianRow
from app.services.ticket_queue import SavedQueue, TicketQueueService
from app.tasks import ChangeNotifier, Lane, TaskRunner

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

DISPLAY: Final = Qt.ItemDataRole.DisplayRole
#: The row's `SavedQueue` member.
SavedQueueRole: Final = Qt.ItemDataRole.UserRole + 1
#: The row's ticket count (int), or None while unknown or not counted.
CountRole: Final = Qt.ItemDataRole.UserRole + 2

#: Queues whose count is shown. "All tickets" is left out: counting the whole table is a full
#: scan on a large desk, and the number tells a technician nothing.
COUNTED_QUEUES: Final = (
    SavedQueue.MY_OPEN,
    SavedQueue.UNASSIGNED_L1,
    SavedQueue.WAITING_CUSTOMER,
    SavedQueue.OPEN_P1_P2,
    SavedQueue.NEEDS_UPDATE,
    SavedQueue.ALL_OPEN,
)
#: Quiet time after a change notification before counting again, so bursts count once.
RECOUNT_DEBOUNCE_MS: Final = 500
#: Counts also refresh on this period, for changes nobody announced.
RECOUNT_PERIOD_MS: Final = 30_000


def _t(text: str) -> str:
    # A plain function, not `partial(translate, …)`: lupdate sees the calls as `tr("…")`.
    return QCoreApplication.translate("SavedQueue", text)


def saved_queue_label(queue: SavedQueue) -> str:
    """The translated name of a saved queue (without its count)."""
    tr = _t
    return {
        SavedQueue.MY_OPEN: tr("My open tickets"),
        SavedQueue.UNASSIGNED_L1: tr("Unassigned L1"),
        SavedQueue.WAITING_CUSTOMER: tr("Waiting on customer"),
        SavedQueue.OPEN_P1_P2: tr("All open P1/P2"),
        SavedQueue.NEEDS_UPDATE: tr("Needs update"),
        SavedQueue.ALL_OPEN: tr("All open"),
        SavedQueue.ALL: tr("All tickets"),
    }[queue]


def saved_queue_description(queue: SavedQueue) -> str:
    """A one-sentence translated explanation of what a saved queue shows."""
    tr = _t
    return {
        SavedQueue.MY_OPEN: tr("Unresolved tickets assigned to you, most urgent first"),
        SavedQueue.UNASSIGNED_L1: tr("Unresolved first-line tickets nobody has taken yet"),
        SavedQueue.WAITING_CUSTOMER: tr("Tickets paused until the customer answers, oldest first"),
        SavedQueue.OPEN_P1_P2: tr("Every unresolved P1 and P2 ticket"),
        SavedQueue.NEEDS_UPDATE: tr(
            "Unresolved tickets whose requester is due a status update within the hour or overdue"
        ),
        SavedQueue.ALL_OPEN: tr("Every unresolved ticket"),
        SavedQueue.ALL: tr("Every ticket, most recently updated first"),
    }[queue]


class SavedQueueListModel(QAbstractListModel):
    """One row per `SavedQueue` member, with its count once known. GUI thread only.

    The model does no I/O; `SavedQueuesWidget` reads the counts and hands them to `set_counts`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queues: tuple[SavedQueue, ...] = tuple(SavedQueue)
        self._counts: dict[SavedQueue, int] = {}

    def queue_at(self, row: int) -> SavedQueue | None:
        return self._queues[row] if 0 <= row < len(self._queues) else None

    def row_of(self, queue: SavedQueue) -> int:
        return self._queues.index(queue)

    def count_of(self, queue: SavedQueue) -> int | None:
        return self._counts.get(queue)

    def set_counts(self, counts: Mapping[SavedQueue, int]) -> None:
        """Show `counts`; queues missing from it keep their previous count."""
        changed = [q for q, n in counts.items() if self._counts.get(q) != n]
        self._counts.update(counts)
        for queue in changed:
            index = self.index(self.row_of(queue), 0)
            self.dataChanged.emit(index, index, [DISPLAY, CountRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._queues)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        queue = self.queue_at(index.row()) if index.isValid() else None
        if queue is None:
            return None
        if role == DISPLAY:
            count = self._counts.get(queue)
            name = saved_queue_label(queue)
            if count is None:
                return name
            return self.tr("%1 (%2)").replace("%1", name).replace("%2", QLocale().toString(count))
        if role == Qt.ItemDataRole.ToolTipRole:
            return saved_queue_description(queue)
        if role == SavedQueueRole:
            return queue
        if role == CountRole:
            return self._counts.get(queue)
        return None


class SavedQueuesWidget(QWidget):
    """The saved-queue list of the side bar. GUI thread only.

    Emits `queue_selected` when the user picks a queue (click, keyboard, or a click on the queue
    already selected, which re-applies it after the filters were changed by hand). Counts are
    read on the read lane and never hold anything up: the queue table loads on its own.
    """

    #: The user picked a saved queue; carries the `SavedQueue`.
    queue_selected = Signal(object)

    def __init__(
        self,
        service: TicketQueueService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._me = me
        #: A count is in flight; another request waits for it instead of running alongside.
        self._counting = False
        self._recount_pending = False

        self.model = SavedQueueListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("savedQueues")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        # Roomier rows than a plain list: this is a navigation side bar, clicked all day.
        self.list.setStyleSheet("QListView::item { padding: 4px 6px; }")
        self.list.setAccessibleName(self.tr("Saved queues"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)

        #: The current row when a mouse press began: a click on it re-applies the queue.
        self._current_before_press: QPersistentModelIndex | None = None
        self.list.viewport().installEventFilter(self)
        self.list.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.list.clicked.connect(self._on_list_clicked)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RECOUNT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_counts)
        self._ticker = QTimer(self)
        self._ticker.setInterval(RECOUNT_PERIOD_MS)
        self._ticker.timeout.connect(self.refresh_counts)
        self._ticker.start()
        notifier.data_changed.connect(self._on_notifier_data_changed)
        self.refresh_counts()

    # --- public API ---------------------------------------------------------------------------

    def current_queue(self) -> SavedQueue | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.queue_at(rows[0].row()) if rows else None

    def select_queue(self, queue: SavedQueue) -> None:
        """Select `queue` as if the user had; emits `queue_selected` if it was not selected."""
        self.list.setCurrentIndex(self.model.index(self.model.row_of(queue), 0))

    def clear_selection(self) -> None:
        """Deselect without emitting: the filters shown no longer match a saved queue."""
        self.list.selectionModel().clearSelection()

    def refresh_counts(self) -> None:
        """Re-count the saved queues on the read lane; the list updates when they land."""
        self._debounce.stop()
        if self._counting:
            self._recount_pending = True
            return
        self._counting = True
        self._runner.run(
            partial(self._service.saved_queue_counts, self._me.technician_id, COUNTED_QUEUES),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_counts_loaded,
            on_failure=self._on_counts_failed,
        )

    # --- slots --------------------------------------------------------------------------------

    def _on_counts_loaded(self, counts: dict[SavedQueue, int]) -> None:
        self.model.set_counts(counts)
        self._count_done()

    def _on_counts_failed(self, error: BaseException) -> None:
        # The side bar keeps its last counts; the queue view reports database trouble.
        log.warning("saved queue counts failed: %s", error)
        self._count_done()

    def _count_done(self) -> None:
        self._counting = False
        if self._recount_pending:
            self._recount_pending = False
            self.refresh_counts()

    def _on_notifier_data_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.kind == "ticket" and not changes.ids:
            return  # A save that changed nothing.
        self._debounce.start()

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        queue = self.model.queue_at(indexes[0].row()) if indexes else None
        if queue is not None:
            self.queue_selected.emit(queue)

    def _on_list_clicked(self, index: QModelIndex) -> None:
        before, self._current_before_press = self._current_before_press, None
        # A click that changed the selection was already reported by `_on_selection_changed`.
        if before is None or not before.isValid() or before.row() != index.row():
            return
        queue = self.model.queue_at(index.row())
        if queue is not None:
            self.queue_selected.emit(queue)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and watched is self.list.viewport():
            current = self.list.currentIndex()
            selected = current.isValid() and self.list.selectionModel().isSelected(current)
            self._current_before_press = QPersistentModelIndex(current) if selected else None
        return super().eventFilter(watched, event)
