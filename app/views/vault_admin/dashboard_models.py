"""Table models of the vault dashboard: worklist rows, reveal bursts, vaults due for rotation.

GUI thread only. Each model holds a tuple of the dashboard's frozen DTOs, replaced wholesale
(`set_rows`) when a reload lands: these lists are short (tens of rows), so no paging.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.vault.dashboard import RevealBurst, VaultDue, WorklistRow

from app.views import labels

DISPLAY: Final = Qt.ItemDataRole.DisplayRole
#: The row's whole DTO, for the view.
RowRole: Final = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


def _t(text: str) -> str:
    return QCoreApplication.translate("vault_dashboard", text)


def basis_text(basis: str) -> str:
    return {"revealed": _t("Revealed"), "could_reveal": _t("Could reveal")}.get(basis, basis)


def client_text(name: str | None) -> str:
    """A vault's client as shown; the MSP's own vault has none."""
    return name if name is not None else _t("(internal)")


class _RowsModel(QAbstractTableModel, Generic[R]):
    """Read-only rows of one DTO type; subclasses say what each column shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[R, ...] = ()

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _text(self, row: R, column: int) -> str:
        raise NotImplementedError

    def _font(self, row: R, column: int) -> QFont | None:
        return None

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
        if role == DISPLAY:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, index.column())
        return None

    def set_rows(self, rows: Iterable[R]) -> None:
        """Replace every row (a reload)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[R, ...]:
        return self._rows

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class WorklistModel(_RowsModel[WorklistRow]):
    """Client passwords to change, in the dashboard's order (revealed first)."""

    class Col(enum.IntEnum):
        CLIENT = 0
        ITEM = 1
        HOST = 2
        BASIS = 3
        TECHNICIAN = 4
        LAST_REVEALED = 5
        LISTED = 6

    def _headers(self) -> tuple[str, ...]:
        return (_t("Client"), _t("Item"), _t("Host"), _t("Basis"), _t("Technician"),
                _t("Last revealed"), _t("Listed"))  # fmt: skip

    def _text(self, row: WorklistRow, column: int) -> str:
        col = self.Col(column)
        if col is self.Col.CLIENT:
            return client_text(row.client_name)
        if col is self.Col.ITEM:
            return row.item_label if row.item_label is not None else _t("(deleted item)")
        if col is self.Col.HOST:
            return row.item_host
        if col is self.Col.BASIS:
            return basis_text(row.basis)
        if col is self.Col.TECHNICIAN:
            return row.subject_name
        if col is self.Col.LAST_REVEALED:
            return labels.local_datetime(row.last_revealed_at)
        return labels.local_datetime(row.created_at)

    def _font(self, row: WorklistRow, column: int) -> QFont | None:
        # What was seen comes first and stands out: those passwords are known outside.
        if row.basis != "revealed":
            return None
        font = QFont()
        font.setBold(True)
        return font


class BurstModel(_RowsModel[RevealBurst]):
    """Hours with more reveals by one technician than the threshold, newest first."""

    class Col(enum.IntEnum):
        TECHNICIAN = 0
        FROM = 1
        TO = 2
        COUNT = 3

    def _headers(self) -> tuple[str, ...]:
        return (_t("Technician"), _t("From"), _t("To"), _t("Reveals"))

    def _text(self, row: RevealBurst, column: int) -> str:
        col = self.Col(column)
        if col is self.Col.TECHNICIAN:
            return row.technician_name
        if col is self.Col.FROM:
            return labels.local_datetime(row.window_start)
        if col is self.Col.TO:
            return labels.local_datetime(row.window_end)
        return str(row.count)


class DueModel(_RowsModel[VaultDue]):
    """Vaults whose key is older than a year, oldest first."""

    class Col(enum.IntEnum):
        CLIENT = 0
        VERSION = 1
        KEY_SINCE = 2

    def _headers(self) -> tuple[str, ...]:
        return (_t("Client"), _t("Key version"), _t("Key in use since"))

    def _text(self, row: VaultDue, column: int) -> str:
        col = self.Col(column)
        if col is self.Col.CLIENT:
            return client_text(row.client_name)
        if col is self.Col.VERSION:
            return str(row.current_version)
        return labels.local_datetime(row.key_since)
