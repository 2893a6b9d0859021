"""What the Calendars and the Policies tab share: the list of records with its buttons above the
form that edits one of them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.sla_types import ConfigSaved

from app.views.sla.record_editor import RecordEditor
from app.views.sla.sla_widgets import button_column
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.record_list import fit_columns, list_table, select_id, selected_id

#: A list row as the service reads it (`CalendarSummary`, `PolicySummary`).
RowT = TypeVar("RowT")


class RecordListPanel(QWidget, Generic[RowT]):
    """Lists records of one kind and edits one at a time in `editor`. GUI thread only.

    A subclass builds the panel with `_build`, fills the list with `_show_rows` and says how a
    row shows in `_row_items`. After a save in the form it emits `changed`; the owning window
    announces it and reads the lists again, and the saved record is selected once it arrives.
    """

    #: Something was stored; carries the `Changes` to announce.
    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The record a save just stored: selected once the list holding it arrives.
        self._select_next: int | None = None
        self._rows: list[RowT] = []

    def _build(
        self,
        editor: RecordEditor[Any, Any],
        headers: Sequence[str],
        new_text: str,
        more_buttons: Iterable[QPushButton],
        splitter_sizes: tuple[int, int],
    ) -> None:
        """The list (`model`, `table`, `list_error`) with the New, Edit and `more_buttons`
        beside it, in a splitter above `editor`; `splitter_sizes` are the two heights."""
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(list(headers))
        self.table = list_table(self.model)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.new_button = QPushButton(new_text)
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.list_error = ErrorLabel()

        buttons = button_column((self.new_button, self.edit_button, *more_buttons))
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        list_column = QVBoxLayout()
        list_column.addWidget(self.table, 1)
        list_column.addWidget(self.list_error)
        top_layout.addLayout(list_column, 1)
        top_layout.addLayout(buttons)

        self.editor = editor
        self.editor.saved.connect(self._on_editor_saved)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(list(splitter_sizes))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _row_items(self, row: RowT) -> list[QStandardItem]:
        """The cells of one list row (`record_row`)."""
        raise NotImplementedError

    # -- public --------------------------------------------------------------------------------

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def new_record(self) -> None:
        self.table.clearSelection()
        self.editor.new_record()
        self.editor.name.setFocus()

    def edit_selected(self) -> None:
        record_id = selected_id(self.table)
        if record_id is not None:
            self.editor.edit_record(record_id)

    # -- results -------------------------------------------------------------------------------

    def _show_rows(self, rows: Sequence[RowT]) -> None:
        """List `rows`, keeping the selection (or selecting the record a save just stored)."""
        current = self._select_next or selected_id(self.table)
        self._select_next = None
        self._rows = list(rows)
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            self.model.appendRow(self._row_items(row))
        fit_columns(self.table)
        if current is not None:
            select_id(self.table, current)

    def _on_editor_saved(self, saved: ConfigSaved) -> None:
        # The window reads every tab's lists again on `changed`.
        self._select_next = saved.record_id
        self.changed.emit(saved.changes)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_selected()
