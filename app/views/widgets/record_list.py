"""Short read-only record lists (a few dozen rows at most: calendars, policies, technicians).

A `QStandardItemModel` under a `QTableView`, each row carrying its record id. Long lists (the
ticket queue) use their own models over SQL pages instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QAbstractItemView, QTableView

#: The record id a list row shows (int).
RecordIdRole: Final = Qt.ItemDataRole.UserRole + 1


def list_table(model: QAbstractItemModel) -> QTableView:
    """A read-only, single-selection table of whole rows; the last column takes the spare width.
    Over a `QStandardItemModel` of records, call `fit_columns` after filling it."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


def fit_columns(view: QTableView) -> None:
    """Size the columns to what they show now.

    WORKAROUND: `QHeaderView.ResizeMode.ResizeToContents` does not follow rows appended to a
    `QStandardItemModel` (PySide6 6.11), so the widths are set once after each fill.
    """
    for col in range(view.model().columnCount() - 1):  # the last one stretches
        view.resizeColumnToContents(col)


def record_row(record_id: int, texts: Sequence[str]) -> list[QStandardItem]:
    """One list row: read-only cells, the record id on the first."""
    items = [QStandardItem(text) for text in texts]
    for item in items:
        item.setEditable(False)
    items[0].setData(record_id, RecordIdRole)
    return items


def selected_id(view: QTableView) -> int | None:
    """The record id of the table's current row, if a row is selected."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    value = rows[0].siblingAtColumn(0).data(RecordIdRole)
    return value if isinstance(value, int) else None


def select_id(view: QTableView, record_id: int | None) -> None:
    """Select the row showing `record_id`, if any."""
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(RecordIdRole) == record_id:
            view.selectRow(row)
            return
