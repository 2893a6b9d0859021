"""The ticket queue's table model: keyset pages of `TicketRow`s, loaded on the read lane."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from enum import IntEnum
from functools import partial
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from app.models.enums import Priority
from app.services.ticket_queue import (
    PAGE_SIZE,
    PageCursor,
    SortKey,
    TicketFilter,
    TicketPage,
    TicketQueueService,
    TicketRow,
    TicketSort,
)
from app.sla.policy import TargetKind
from app.tasks import Lane, TaskHandle, TaskRunner

from app.views import labels
from app.views.tickets import sla_format

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

DISPLAY: Final = Qt.ItemDataRole.DisplayRole
#: Ticket id of the row (int); stable across sorting, paging and refreshes.
TicketIdRole: Final = Qt.ItemDataRole.UserRole + 1
#: The row's optimistic-locking version (int), for edits started from the queue.
VersionRole: Final = Qt.ItemDataRole.UserRole + 2
#: The whole immutable `TicketRow` DTO of the row.
RowRole: Final = Qt.ItemDataRole.UserRole + 3
#: The `sla_format.Tone` (str) of an SLA column's cell at this instant; None in other columns.
SlaToneRole: Final = Qt.ItemDataRole.UserRole + 4

#: How often the SLA columns' countdowns are repainted (architecture §3.1: a 30 s tick).
SLA_TICK_MS: Final = 30_000

#: Most rows `reload()` asks for in one go to keep what the user had scrolled through.
RELOAD_LIMIT: Final = 2000


class Col(IntEnum):
    """The queue's columns, in their default display order except for the SLA columns.

    New columns go at the end, so a header layout saved by an older version (which Qt restores
    by position) keeps every old column's width and place; the view shows the SLA columns after
    the status by moving their sections.
    """

    NUMBER = 0
    CLIENT = 1
    SUBJECT = 2
    TYPE = 3
    PRIORITY = 4
    STATUS = 5
    TIER = 6
    QUEUE = 7
    ASSIGNEE = 8
    CONTACT = 9
    CREATED = 10
    UPDATED = 11
    RESPONSE_DUE = 12
    RESOLVE_DUE = 13

    @property
    def sort_key(self) -> SortKey:
        """The SQL sort this column's header click asks for."""
        return _SORT_KEYS[self]

    @classmethod
    def for_sort_key(cls, key: SortKey) -> Col:
        """The column showing `key` (for the header's sort indicator)."""
        return _COLUMNS_BY_KEY[key]


_SORT_KEYS: Final = {
    Col.NUMBER: SortKey.NUMBER,
    Col.CLIENT: SortKey.CLIENT,
    Col.SUBJECT: SortKey.SUBJECT,
    Col.TYPE: SortKey.TYPE,
    Col.PRIORITY: SortKey.PRIORITY,
    Col.STATUS: SortKey.STATUS,
    Col.TIER: SortKey.TIER,
    Col.QUEUE: SortKey.QUEUE,
    Col.ASSIGNEE: SortKey.ASSIGNEE,
    Col.CONTACT: SortKey.CONTACT,
    Col.CREATED: SortKey.CREATED,
    Col.UPDATED: SortKey.UPDATED,
    Col.RESPONSE_DUE: SortKey.RESPONSE_DUE,
    Col.RESOLVE_DUE: SortKey.RESOLVE_DUE,
}
_COLUMNS_BY_KEY: Final = {key: col for col, key in _SORT_KEYS.items()}
#: The SLA columns and the clock each one shows.
SLA_COLUMNS: Final = {Col.RESPONSE_DUE: TargetKind.RESPONSE, Col.RESOLVE_DUE: TargetKind.RESOLUTION}

#: Priority dot colours: saturated for the phoned-in P1/P2, muted for the rest.
_PRIORITY_COLOURS: Final = {
    Priority.P1: QColor("#d32f2f"),
    Priority.P2: QColor("#f57c00"),
    Priority.P3: QColor("#5c8dc7"),
    Priority.P4: QColor("#a0a4a8"),
}
#: Colour of placeholder text such as "Unassigned".
_MUTED: Final = QColor("#80868b")


def _priority_icon(colour: QColor, size: int = 12) -> QIcon:
    """A filled dot; GUI thread only (QPixmap)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class TicketTableModel(QAbstractTableModel):
    """Ticket rows for one filter and sort, read page by page with keyset paging.

    GUI thread only. Every query runs on the read lane through the `TaskRunner`; results may
    land long after the request, so each request carries the query's *generation*, and results
    of an older query (a newer `set_query` or `sort` happened meanwhile) are dropped.

    The model holds immutable `TicketRow` DTOs only, never ORM objects. Rows are appended in
    SQL order as pages land (`canFetchMore`/`fetchMore`); a ticket id appears at most once.

    `refresh_rows(ids)` re-reads rows in place. A refreshed row that no longer matches the filter
    (say it was resolved while the queue shows open tickets) or whose sort value moved stays where
    it is until the next `reload()` or query change: moving rows under the user's pointer would
    be worse than a slightly stale order.

    The SLA columns count down from the rows' clocks and calendars, from the instant `now()`
    gives. After `start_sla_ticks()` a `QTimer` child (stopped with the model) calls `tick_sla()`,
    which repaints just those columns, with no query and no reset.
    """

    #: True while a page request of the current query is in flight, False once it landed.
    loading_changed = Signal(bool)
    #: A read of the current query failed; carries the exception (typed, not UI text).
    query_failed = Signal(object)
    #: The first page of a new query (or `reload()`) landed; the rows are in the model.
    query_loaded = Signal()

    def __init__(
        self,
        service: TicketQueueService,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self._service = service
        self._runner = runner
        self._page_size = page_size
        self._filter = TicketFilter()
        self._sort = TicketSort()
        #: False until the first `set_query`/`sort`/`reload`: an unqueried model is just empty.
        self._queried = False
        self._rows: list[TicketRow] = []
        #: ticket id → row number in `_rows`.
        self._row_of: dict[int, int] = {}
        #: Where the next page starts; None when the last page is loaded (or none was asked).
        self._cursor: PageCursor | None = None
        #: Bumped by every reset; results tagged with an older value are stale.
        self._generation = 0
        #: The page request of the current generation that has not landed yet.
        self._page_request: TaskHandle | None = None
        #: Set when a page request failed; stops `canFetchMore` from retrying in a loop.
        self._failed = False
        self._loading = False
        self._priority_icons: dict[Priority, QIcon] = {}
        self._now: Callable[[], dt.datetime] = now or _utc_now
        self._sla_fonts = _sla_fonts()
        #: Repaints the countdowns; created by `start_sla_ticks()`.
        self._sla_timer: QTimer | None = None

    # --- queries ------------------------------------------------------------------------------

    def set_query(self, filter: TicketFilter, sort: TicketSort) -> None:
        """Show the tickets matching `filter` in `sort` order: reset, then load the first page."""
        self._start_query(filter, sort, self._page_size)

    def reload(self) -> None:
        """Run the current query again (same filter and sort) from the first page.

        Asks for as many rows as were loaded (up to `RELOAD_LIMIT`), so a view that had scrolled
        down keeps its rows and can restore its position.
        """
        limit = min(max(self._page_size, len(self._rows)), max(RELOAD_LIMIT, self._page_size))
        self._start_query(self._filter, self._sort, limit)

    def current_filter(self) -> TicketFilter:
        return self._filter

    def current_sort(self) -> TicketSort:
        return self._sort

    def is_loading(self) -> bool:
        return self._loading

    def now(self) -> dt.datetime:
        """The instant the SLA countdowns count from."""
        return self._now()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` with a new SQL query (no proxy: only SQL sees every row).

        A sort equal to the current one is ignored, so `QTableView.setSortingEnabled(True)` does
        not run the query a second time.
        """
        if not 0 <= column < len(Col):
            return
        sort = TicketSort(Col(column).sort_key, order == Qt.SortOrder.DescendingOrder)
        if self._queried and sort == self._sort:
            return
        self.set_query(self._filter, sort)

    def _start_query(self, filter: TicketFilter, sort: TicketSort, limit: int) -> None:
        if self._page_request is not None:
            # Only saves work: a request that already started is dropped by its generation.
            self._page_request.cancel()
            self._page_request = None
        self.beginResetModel()
        self._filter = filter
        self._sort = sort
        self._queried = True
        self._generation += 1
        self._rows.clear()
        self._row_of.clear()
        self._cursor = None
        self._failed = False
        self.endResetModel()
        self._request_page(None, limit)

    def _request_page(self, after: PageCursor | None, limit: int) -> None:
        generation = self._generation
        self._set_loading(True)
        handle = self._runner.run(
            partial(self._service.page, self._filter, self._sort, after, limit),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_page_loaded, generation, after is None),
            on_failure=partial(self._on_read_failed, generation),
        )
        # An inline runner has already delivered by now; only a pending request is kept.
        if self._loading and generation == self._generation:
            self._page_request = handle

    def _on_page_loaded(self, generation: int, first: bool, page: TicketPage) -> None:
        if generation != self._generation:
            return  # An older query's page: the model has moved on.
        self._page_request = None
        # Rows refreshed in place can reappear on a later page when their sort value moved;
        # each ticket is shown once.
        new = [r for r in page.rows if r.ticket_id not in self._row_of]
        if new:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            for offset, row in enumerate(new):
                self._row_of[row.ticket_id] = start + offset
            self._rows.extend(new)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._set_loading(False)
        if first:
            self.query_loaded.emit()

    def _on_read_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        log.warning("ticket queue read failed: %s", error)
        self._page_request = None
        self._failed = True
        self._set_loading(False)
        self.query_failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # --- incremental loading ------------------------------------------------------------------

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self._cursor is not None
            and not self._loading
            and not self._failed
        )

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        """Ask the read lane for the next page; the rows are appended when it lands."""
        if self.canFetchMore(parent):
            self._request_page(self._cursor, self._page_size)

    # --- refreshing loaded rows ---------------------------------------------------------------

    def is_loaded(self, ticket_id: int) -> bool:
        return ticket_id in self._row_of

    def row_of(self, ticket_id: int) -> int | None:
        """The row showing `ticket_id`, or None if it is not loaded."""
        return self._row_of.get(ticket_id)

    def row_at(self, row: int) -> TicketRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> tuple[TicketRow, ...]:
        """The loaded rows, in display order."""
        return tuple(self._rows)

    def loaded_ids(self) -> list[int]:
        """The loaded rows' ticket ids, in display order."""
        return list(self._row_of)

    def refresh_rows(self, ticket_ids: Iterable[int]) -> None:
        """Re-read the loaded rows among `ticket_ids` and emit `dataChanged` for them.

        Ids that are not loaded are ignored (a view reloads for those). A loaded ticket that no
        longer exists is removed. Rows stay in place even if they no longer match the filter or
        the sort; see the class docstring.
        """
        loaded = sorted(i for i in set(ticket_ids) if i in self._row_of)
        if not loaded:
            return
        self._runner.run(
            partial(self._service.rows_by_id, loaded),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_rows_refreshed, self._generation, loaded),
            on_failure=partial(self._on_read_failed, self._generation),
        )

    def _on_rows_refreshed(
        self, generation: int, asked: list[int], fresh: dict[int, TicketRow]
    ) -> None:
        if generation != self._generation:
            return  # A reset since: the new query read fresh rows anyway.
        last_col = len(Col) - 1
        for ticket_id, row in fresh.items():
            n = self._row_of.get(ticket_id)
            if n is None or self._rows[n] == row:
                continue
            if row.version < self._rows[n].version:
                continue  # Read before a newer save: refreshes may land out of order.
            self._rows[n] = row
            self.dataChanged.emit(self.index(n, 0), self.index(n, last_col))
        gone = sorted(
            (n for i in asked if i not in fresh and (n := self._row_of.get(i)) is not None),
            reverse=True,
        )
        for n in gone:
            self.beginRemoveRows(QModelIndex(), n, n)
            del self._rows[n]
            self._row_of = {r.ticket_id: k for k, r in enumerate(self._rows)}
            self.endRemoveRows()

    def tick_sla(self) -> None:
        """Repaint the SLA columns of every loaded row: the countdowns moved on. No query."""
        if self._rows:
            first, last = min(SLA_COLUMNS), max(SLA_COLUMNS)
            self.dataChanged.emit(
                self.index(0, first), self.index(len(self._rows) - 1, last), _SLA_ROLES
            )

    def start_sla_ticks(self, interval_ms: int = SLA_TICK_MS) -> None:
        """Call `tick_sla()` every `interval_ms` from now on, until the model is destroyed.

        GUI thread only. The view starts the ticks, not the constructor: a timer must die on its
        own thread, and a bare model in a test may be released by a worker's last reference.
        """
        if self._sla_timer is None:
            self._sla_timer = QTimer(self)
            self._sla_timer.timeout.connect(self.tick_sla)
        self._sla_timer.start(interval_ms)

    def sla_tick_interval(self) -> int | None:
        """Milliseconds between two ticks; None until `start_sla_ticks()`."""
        return None if self._sla_timer is None else self._sla_timer.interval()

    # --- QAbstractItemModel -------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Col):
            return None
        if role == DISPLAY:
            return self._titles()[Col(section)]
        return None

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = Col(index.column())
        if col in SLA_COLUMNS and role in _SLA_ROLES:
            return self._sla_data(row, col, role)
        if role == DISPLAY:
            return display_text(row, col, None)
        if role == TicketIdRole:
            return row.ticket_id
        if role == VersionRole:
            return row.version
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tool_tip(row, col)
        if role == Qt.ItemDataRole.DecorationRole and col == Col.PRIORITY:
            return self._priority_icon(row.priority)
        if role == Qt.ItemDataRole.ForegroundRole and col == Col.ASSIGNEE and not row.assignee_id:
            return _MUTED
        if (
            role == Qt.ItemDataRole.FontRole
            and row.priority == Priority.P1
            and col
            in (
                Col.NUMBER,
                Col.PRIORITY,
            )
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.NUMBER:
            # Numbers line up on their digits, as in a ledger.
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _sla_data(self, row: TicketRow, col: Col, role: int) -> Any:
        kind = SLA_COLUMNS[col]
        order = row.response_due_order if kind is TargetKind.RESPONSE else row.resolve_due_order
        now = self._now()
        if role == Qt.ItemDataRole.ToolTipRole:
            return sla_format.row_tooltip(row.sla, kind, order, now)
        c = sla_format.row_countdown(row.sla, kind, order, now)
        if role == DISPLAY:
            return c.text
        if role == SlaToneRole:
            return c.tone.value
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = sla_format.TONE_TEXT.get(c.tone)
            return None if colour is None or c.tone in sla_format.TONE_TINT else QColor(colour)
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = sla_format.TONE_TINT.get(c.tone)
            return None if tint is None else QColor(*tint)
        if role == Qt.ItemDataRole.FontRole:
            return self._sla_fonts.get(c.tone)
        return None

    # --- text ---------------------------------------------------------------------------------

    def _titles(self) -> dict[Col, str]:
        return {
            Col.NUMBER: self.tr("Number"),
            Col.CLIENT: self.tr("Client"),
            Col.SUBJECT: self.tr("Subject"),
            Col.TYPE: self.tr("Type"),
            Col.PRIORITY: self.tr("Priority"),
            Col.STATUS: self.tr("Status"),
            Col.TIER: self.tr("Tier"),
            Col.QUEUE: self.tr("Queue"),
            Col.ASSIGNEE: self.tr("Assignee"),
            Col.CONTACT: self.tr("Contact"),
            Col.CREATED: self.tr("Created"),
            Col.UPDATED: self.tr("Updated"),
            Col.RESPONSE_DUE: self.tr("Response due"),
            Col.RESOLVE_DUE: self.tr("Resolve due"),
        }

    def _tool_tip(self, row: TicketRow, col: Col) -> str | None:
        match col:
            case Col.SUBJECT:
                return row.subject
            case Col.CLIENT:
                return row.client_name
            case Col.TIER:
                return labels.tier(row.tier)
            case Col.PRIORITY:
                return labels.priority(row.priority)
            case Col.CREATED:
                return labels.local_datetime(row.created_at, QLocale.FormatType.LongFormat)
            case Col.UPDATED:
                return labels.local_datetime(row.updated_at, QLocale.FormatType.LongFormat)
        return None

    def _priority_icon(self, priority: Priority) -> QIcon:
        icon = self._priority_icons.get(priority)
        if icon is None:
            icon = self._priority_icons[priority] = _priority_icon(_PRIORITY_COLOURS[priority])
        return icon


def display_text(row: TicketRow, col: Col, now: dt.datetime | None) -> str:
    """A cell's text as the table shows it; the queue's CSV export uses it too. GUI thread only
    (locale and translations). `now` is needed for the SLA columns; without it they are empty."""
    match col:
        case Col.NUMBER:
            return row.number
        case Col.CLIENT:
            return row.client_name
        case Col.SUBJECT:
            # One line per row: a pasted multi-line subject must not break the row height.
            return " ".join(row.subject.split())
        case Col.TYPE:
            return labels.ticket_type(row.type)
        case Col.PRIORITY:
            return labels.priority(row.priority)
        case Col.STATUS:
            return labels.status(row.status)
        case Col.TIER:
            # The code alone ("L2"), as technicians say it; the tooltip has the name.
            return row.tier.value
        case Col.QUEUE:
            return row.queue_name or ""
        case Col.ASSIGNEE:
            return row.assignee_name or QCoreApplication.translate("TicketTableModel", "Unassigned")
        case Col.CONTACT:
            return row.contact_name or ""
        case Col.CREATED:
            return labels.local_datetime(row.created_at)
        case Col.UPDATED:
            return labels.local_datetime(row.updated_at)
        case Col.RESPONSE_DUE | Col.RESOLVE_DUE:
            if now is None:
                return ""  # The model's `_sla_data` answers for these.
            kind = SLA_COLUMNS[col]
            due = row.response_due_order if kind is TargetKind.RESPONSE else row.resolve_due_order
            return sla_format.row_countdown(row.sla, kind, due, now).text


#: Roles the SLA columns answer themselves; a tick repaints exactly these.
_SLA_ROLES: Final = [
    DISPLAY,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.FontRole,
    SlaToneRole,
]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _sla_fonts() -> dict[sla_format.Tone, QFont]:
    """Bold for an overdue clock, italic for a paused one; GUI thread only (QFont)."""
    bold = QFont()
    bold.setBold(True)
    italic = QFont()
    italic.setItalic(True)
    return {sla_format.Tone.OVERDUE: bold, sla_format.Tone.PAUSED: italic}
