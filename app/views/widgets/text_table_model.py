"""A read-only table of rows already worded by the view: each row is a `TextRow` (its cells'
text, the item it stands for, and optional per-cell colours). For short lists shown in full
(a ticket's time entries, a client's contracts, recurring schedules, vendor cases), under a
`QTableView` like every table of the app (architecture.md §3.1); long lists such as the queue
use paged models over SQL instead. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.views.widgets.rows_table_model import DISPLAY, RowsTableModel

_RIGHT: Final = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class TextRow:
    cells: tuple[str, ...]
    #: What the row stands for (an id or a DTO), read back with `payload(row)`.
    payload: object = None
    #: Column → text colour, column → background colour.
    foreground: Mapping[int, QColor] = field(default_factory=dict)
    background: Mapping[int, QColor] = field(default_factory=dict)
    #: Column → tooltip.
    tooltips: Mapping[int, str] = field(default_factory=dict)


class TextTableModel(RowsTableModel[TextRow]):
    """`headers` name the columns; the columns in `right` are right-aligned (figures)."""

    def __init__(
        self, headers: Sequence[str], parent: QObject | None = None, *, right: Iterable[int] = ()
    ) -> None:
        super().__init__(parent)
        self._header_texts = tuple(headers)
        self._right = frozenset(right)

    def _headers(self) -> tuple[str, ...]:
        return self._header_texts

    def _cell(self, row: TextRow, column: int, role: int) -> object:
        if role == DISPLAY:
            return row.cells[column] if column < len(row.cells) else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column in row.foreground:
            return QBrush(row.foreground[column])
        if role == Qt.ItemDataRole.BackgroundRole and column in row.background:
            return QBrush(row.background[column])
        if role == Qt.ItemDataRole.ToolTipRole and column in row.tooltips:
            return row.tooltips[column]
        return None

    def text(self, row: int, column: int) -> str:
        """The cell's text (tests and callers that read a cell back)."""
        found = self.row_at(row)
        return found.cells[column] if found is not None and column < len(found.cells) else ""

    def payload(self, row: int) -> object:
        found = self.row_at(row)
        return found.payload if found is not None else None
