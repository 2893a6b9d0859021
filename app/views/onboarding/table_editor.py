"""One table of a data-capture section: the row model in a view with paste, add and remove."""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Mapping, Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.onboarding_spec import Kind, Table

from app.views.onboarding import texts
from app.views.onboarding.row_model import CHOICE_KINDS, RowTableModel
from app.views.onboarding.texts import tr
from app.views.widgets.form_errors import ErrorLabel

#: A table's problem summary lists this many lines, then says how many more there are.
SUMMARY_LINES: Final = 8


@functools.cache
def time_zones() -> list[str]:
    """IANA zone names for the completers, sorted; read once (the tz database does not change)."""
    return sorted(zoneinfo.available_timezones())


def zone_completer(parent: QWidget) -> QCompleter:
    """A case-insensitive "contains" completer over the time zones ("brus" → Europe/Brussels)."""
    completer = QCompleter(time_zones(), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class ChoiceDelegate(QStyledItemDelegate):
    """Edits choice and reference cells with a combo box, time zones with a completer.

    The options per column are (label, value) pairs set by the owner; a cell whose value is not
    offered (pasted text, a deleted contact) keeps it as an extra entry, so opening the editor
    never changes the data.
    """

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.options: dict[str, list[tuple[str, str]]] = {}

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        column = self._model.columns[index.column()]
        if column.kind in CHOICE_KINDS:
            box = QComboBox(parent)
            for label, value in self.options.get(column.key, []):
                box.addItem(label, value)
            return box
        editor = super().createEditor(parent, option, index)
        if column.kind is Kind.TIMEZONE and isinstance(editor, QLineEdit):
            editor.setCompleter(zone_completer(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value = str(index.data(Qt.ItemDataRole.EditRole) or "")
            found = editor.findData(value)
            if found < 0:
                editor.addItem(value, value)
                found = editor.count() - 1
            editor.setCurrentIndex(found)
            return
        super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def parse_clipboard(text: str) -> list[list[str]]:
    """Tab/newline separated text (a spreadsheet copy) as lines of cells; the final newline
    a spreadsheet adds does not make an extra row."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


class RowTableView(QTableView):
    """A table view that pastes spreadsheet text as new rows (Ctrl+V). GUI thread only."""

    def __init__(self, model: RowTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._rows = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        # Interactive widths, never ResizeToContents: that would measure every row, and a
        # 5,000-row paste would freeze the window while it does.
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(150)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setMinimumHeight(150)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            event.accept()
            return
        super().keyPressEvent(event)

    def paste_text(self, text: str) -> None:
        """Paste `text`: one value into the current cell, else one new row per line below it."""
        lines = parse_clipboard(text)
        if not lines:
            return
        current = self.currentIndex()
        if len(lines) == 1 and len(lines[0]) == 1 and current.isValid():
            self._rows.setData(current, lines[0][0])
            return
        at = current.row() + 1 if current.isValid() else self._rows.rowCount()
        column = current.column() if current.isValid() else 0
        first = self._rows.insert_values(at, lines, column)
        self.setCurrentIndex(self._rows.index(first, column))
        self.scrollTo(self.currentIndex())


class TableEditor(QWidget):
    """A titled table with Add row / Remove row, and a summary of the problems a save found."""

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.model = RowTableModel(table, self)
        self.view = RowTableView(self.model, self)
        self.view.setObjectName(f"table_{table.key}")
        self.view.setAccessibleName(tr(table.label))
        self.delegate = ChoiceDelegate(self.model, self.view)
        self.view.setItemDelegate(self.delegate)

        title = QLabel(tr(table.label))
        title.setObjectName("tableTitle")
        title.setStyleSheet("font-weight: 600;")
        self.summary = ErrorLabel(self)
        self.summary.setObjectName("tableProblems")

        self.add_button = QPushButton(self.tr("Add row"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.count_label = QLabel()
        self.count_label.setEnabled(False)  # greyed: a hint, not content
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        if table.hint:
            hint = QLabel(tr(table.hint))
            hint.setWordWrap(True)
            hint.setEnabled(False)
            layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update_count()

    def set_options(self, options: Mapping[str, Sequence[tuple[str, str]]]) -> None:
        """(label, value) entries per choice/reference column; also the labels cells show."""
        self.delegate.options = {key: list(values) for key, values in options.items()}
        self.model.set_labels(
            {key: {v: lbl for lbl, v in values} for key, values in options.items()}
        )

    def show_problems(self, problems: Mapping[tuple[int, str], str], whole: str = "") -> None:
        """Mark cells ((row, column key) → code; column "" is the whole row) and list them."""
        self.model.set_problems(problems)
        lines = [texts.problem_text(whole)] if whole else []
        if whole == "too_many_rows":
            lines[0] += " " + self.tr("(at most %1)").replace("%1", str(self.table.max_rows))
        labels = {c.key: c.label for c in self.table.columns}
        for (row, key), code in sorted(problems.items()):
            if key in labels:
                lines.append(texts.cell_problem(row, labels[key], code))
            else:
                lines.append(texts.row_problem(row, code))
        if len(lines) > SUMMARY_LINES:
            more = len(lines) - SUMMARY_LINES
            lines = [*lines[:SUMMARY_LINES], self.tr("… and %1 more").replace("%1", str(more))]
        if lines:
            self.summary.show_error("\n".join(lines))
        else:
            self.summary.clear_error()
        first = min(problems, default=None)
        if first is not None:
            column = next((i for i, c in enumerate(self.table.columns) if c.key == first[1]), 0)
            self.view.scrollTo(self.model.index(first[0], column))

    def clear_problems(self) -> None:
        self.model.set_problems({})
        self.summary.clear_error()

    def _on_add_button_clicked(self) -> None:
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.edit(index)

    def _on_remove_button_clicked(self) -> None:
        rows = {i.row() for i in self.view.selectionModel().selectedIndexes()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        if rows:
            self.model.remove_rows(rows)

    def _update_count(self, *_args: Any) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n row(s)", "", count))
        self.remove_button.setEnabled(count > 0)
