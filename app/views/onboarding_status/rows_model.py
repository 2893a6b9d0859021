"""A short read-only list of prepared rows (a checklist, a client's remote methods or secrets).

The owner words every cell on the GUI thread and hands over `Row`s; the model only shows them,
with a tone (colour) per row or per cell and the record key under `RowKeyRole`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from app.views.onboarding_status.texts import TONES
from app.views.widgets.record_list import list_table

DISPLAY: Final = Qt.ItemDataRole.DisplayRole
#: The record key of the row (a step id, a method key, a secret id).
RowKeyRole: Final = Qt.ItemDataRole.UserRole + 1
#: The row's tone: "", "bad", "warn", "good" or "muted" (str).
ToneRole: Final = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class Row:
    key: object
    cells: tuple[str, ...]
    #: Colour of the whole row; `cell_tones` overrides it cell by cell.
    tone: str = ""
    cell_tones: tuple[str, ...] = ()
    tooltip: str = ""
    bold: bool = False


class RowsTableModel(QAbstractTableModel):
    """Rows replaced as a whole by `set_rows()`. GUI thread only."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: tuple[Row, ...] = ()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, key: object) -> int:
        """The row number showing `key`, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if (
            role == DISPLAY
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == DISPLAY:
            return row.cells[col] if col < len(row.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        if role == Qt.ItemDataRole.ForegroundRole:
            tone = row.cell_tones[col] if col < len(row.cell_tones) and row.cell_tones[col] else ""
            colour = TONES.get(tone or row.tone)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and row.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == RowKeyRole:
            return row.key
        if role == ToneRole:
            return row.tone
        return None


def rows_table(model: RowsTableModel, stretch: int = -1) -> QTableView:
    """A read-only single-selection table; column `stretch` (default the last) takes the spare
    width, the others fit their contents."""
    view = list_table(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch < 0:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_key(view: QTableView) -> object:
    """The key of the selected row, or None."""
    rows = view.selectionModel().selectedRows()
    return rows[0].data(RowKeyRole) if rows else None


def select_key(view: QTableView, key: object) -> None:
    model = view.model()
    if isinstance(model, RowsTableModel):
        row = model.find(key)
        if row >= 0:
            view.selectRow(row)
