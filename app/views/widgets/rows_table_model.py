"""A read-only table model over a tuple of frozen row DTOs, replaced wholesale by `set_rows`.

For short lists loaded in one query (clients, a client's contacts, dashboard lists); long lists
(the ticket queue) page from SQL with their own models. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

DISPLAY: Final = Qt.ItemDataRole.DisplayRole
#: The row's whole DTO, for the view.
RowRole: Final = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """Read-only rows of one DTO type; subclasses say what each column shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[R, ...] = ()

    # --- subclass hooks -----------------------------------------------------------------------

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _cell(self, row: R, column: int, role: int) -> object:
        raise NotImplementedError

    # --- Qt API -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        headers = self._headers()
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = DISPLAY) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        return self._cell(row, index.column(), role)

    # --- for the view -------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[R]) -> None:
        """Replace every row (a new query result)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[R, ...]:
        return self._rows

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
