"""Table models of the vault dashboard: worklist rows, reveal bursts, vaults due for rotation.

GUI thread only. Each model holds a tuple of the dashboard's frozen DTOs, replaced wholesale
(`set_rows`) when a reload lands: these lists are short (tens of rows), so no paging.
"""

from __future__ import annotations

import enum
from typing import TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.vault.dashboard import RevealBurst, VaultDue, WorklistRow

from app.views import labels
from app.views.widgets.rows_table_model import DISPLAY, RowsTableModel
from app.views.widgets.rows_table_model import RowRole as RowRole

_Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


def _t(text: str) -> str:
    return QCoreApplication.translate("vault_dashboard", text)


def basis_text(basis: str) -> str:
    return {"revealed": _t("Revealed"), "could_reveal": _t("Could reveal")}.get(basis, basis)


def client_text(name: str | None) -> str:
    """A vault's client as shown; the MSP's own vault has none."""
    return name if name is not None else _t("(internal)")


class _RowsModel(RowsTableModel[R]):
    """Rows shown as text, some in a bold or italic font."""

    def _text(self, row: R, column: int) -> str:
        raise NotImplementedError

    def _font(self, row: R, column: int) -> QFont | None:
        return None

    def _cell(self, row: R, column: int, role: int) -> object:
        if role == DISPLAY:
            return self._text(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, column)
        return None


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
