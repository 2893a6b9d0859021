"""The editable item model behind one table of a data-capture section: rows of typed text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.services.onboarding_spec import ROW_ID, ROW_KEY, Field, Kind, Table

from app.views.onboarding import texts
from app.views.onboarding.texts import tr

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
#: The problem code of a cell ("" when none); for tests and the summary.
ProblemRole: Final = Qt.ItemDataRole.UserRole + 1
#: The stored value of a cell (for a reference column the id, not the label).
ValueRole: Final = Qt.ItemDataRole.UserRole + 2

#: Background of a refused cell: a light red that keeps dark text readable.
_PROBLEM_BACKGROUND: Final = QBrush(QColor("#fbd9d6"))
#: Kinds whose cells hold a stored value shown through a label (a combo box edits them).
CHOICE_KINDS: Final = frozenset(
    {Kind.CHOICE, Kind.CONTACT, Kind.CREDENTIAL, Kind.POLICY, Kind.TECHNICIAN}
)
#: Key under which a whole-row problem ("sites[2]": duplicate) is kept.
_ROW: Final = ""


class RowTableModel(QAbstractTableModel):
    """Rows of one spec `Table`, each a dict column key → text, plus the hidden row keys.

    Every cell is text exactly as typed; converting and checking is the service's job. Problems
    from a refused save are attached to the row objects, so adding or removing rows keeps each
    message on its own row. Editing a cell clears that cell's problem. GUI thread only.
    """

    #: The user changed the rows (typing, paste, add, remove); not emitted by `set_rows`.
    edited = Signal()

    def __init__(self, table: Table, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self.columns: tuple[Field, ...] = table.columns
        self._rows: list[dict[str, Any]] = []
        #: id(row dict) → {column key or "" for the whole row: problem code}.
        self._problems: dict[int, dict[str, str]] = {}
        #: Column key → {stored value: label} for choice and reference columns.
        self._labels: dict[str, dict[str, str]] = {}

    # --- reading --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == DISPLAY:
                return tr(column.label) + (" *" if column.required else "")
            if role == Qt.ItemDataRole.ToolTipRole and column.hint:
                return tr(column.hint)
        if orientation == Qt.Orientation.Vertical and role == DISPLAY:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        value = str(row.get(column.key, ""))
        if role == DISPLAY:
            if column.kind in CHOICE_KINDS:
                return self.label_of(column, value)
            # One line per cell: multi-line text would make rows tall and slow to lay out.
            return value.replace("\n", " ⏎ ")
        if role in (EDIT, ValueRole):
            return value
        code = self._problem_of(row, column.key)
        if role == ProblemRole:
            return code
        if role == Qt.ItemDataRole.BackgroundRole and code:
            return _PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            if code:
                return texts.problem_text(code)
            return tr(column.hint) if column.hint else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def label_of(self, column: Field, value: str) -> str:
        """What a choice or reference cell shows; an unknown value is shown as stored."""
        if not value:
            return ""
        if column.kind is Kind.CHOICE:
            return texts.choice_label(column.key, value)
        return self._labels.get(column.key, {}).get(value, value)

    def rows(self) -> list[dict[str, Any]]:
        """Copies of the rows, in order, hidden keys included: the raw format the service takes."""
        return [dict(r) for r in self._rows]

    def is_blank(self, row: int) -> bool:
        """True if the row holds no text (the service ignores it)."""
        data = self._rows[row]
        return all(str(data.get(c.key, "")).strip() == "" for c in self.columns)

    def problems(self) -> list[tuple[int, str, str]]:
        """(row, column key or "" for the row, code) of every shown problem, in row order."""
        found = []
        for i, row in enumerate(self._rows):
            for key, code in self._problems.get(id(row), {}).items():
                found.append((i, key, code))
        return found

    # --- writing --------------------------------------------------------------------------

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = EDIT
    ) -> bool:
        if not index.isValid() or role != EDIT:
            return False
        row = self._rows[index.row()]
        key = self.columns[index.column()].key
        text = "" if value is None else str(value)
        if str(row.get(key, "")) == text:
            return False
        row[key] = text
        cell_problems = self._problems.get(id(row))
        if cell_problems:
            cell_problems.pop(key, None)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def set_rows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Replace all rows (loading saved data or a draft): values become text, keys are kept."""
        self.beginResetModel()
        self._rows = [self._text_row(r) for r in rows if isinstance(r, Mapping)]
        self._problems.clear()
        self.endResetModel()

    def set_labels(self, labels: Mapping[str, Mapping[str, str]]) -> None:
        """Labels of reference values (contacts, credentials, policies, technicians) by column."""
        self._labels = {key: dict(values) for key, values in labels.items()}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1)
            )

    def add_row(self) -> int:
        """Append an empty row; returns its number."""
        return self.insert_values(len(self._rows), [[]])

    def insert_values(self, at: int, lines: Sequence[Sequence[str]], first_column: int = 0) -> int:
        """Insert one row per line, cells from `first_column` on; returns the first new row.

        One `beginInsertRows` for all of them, so a paste of thousands of rows is one layout.
        """
        at = max(0, min(at, len(self._rows)))
        if not lines:
            return at
        new_rows = []
        keys = [c.key for c in self.columns[first_column:]]
        for line in lines:
            row: dict[str, Any] = {c.key: "" for c in self.columns}
            row.update(zip(keys, line, strict=False))
            new_rows.append(row)
        self.beginInsertRows(QModelIndex(), at, at + len(new_rows) - 1)
        self._rows[at:at] = new_rows
        self.endInsertRows()
        self.edited.emit()
        return at

    def remove_rows(self, rows: Iterable[int]) -> None:
        """Remove the given rows; contiguous runs go in one `beginRemoveRows` each."""
        for first, last in reversed(_runs(sorted(set(rows)))):
            if first < 0 or last >= len(self._rows):
                continue
            self.beginRemoveRows(QModelIndex(), first, last)
            for row in self._rows[first : last + 1]:
                self._problems.pop(id(row), None)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        self.edited.emit()

    def set_problems(self, problems: Mapping[tuple[int, str], str]) -> None:
        """Show (row, column key or "") → code; replaces the problems shown before."""
        self._problems.clear()
        for (i, key), code in problems.items():
            if 0 <= i < len(self._rows):
                self._problems.setdefault(id(self._rows[i]), {})[key] = code
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1)
            )

    # --- helpers --------------------------------------------------------------------------

    def _problem_of(self, row: dict[str, Any], key: str) -> str:
        found = self._problems.get(id(row))
        if not found:
            return ""
        return found.get(key) or found.get(_ROW, "")

    def _text_row(self, source: Mapping[str, Any]) -> dict[str, Any]:
        row: dict[str, Any] = {c.key: _text(source.get(c.key)) for c in self.columns}
        # The hidden keys link a row to its saved record; kept exactly as loaded.
        for hidden in (ROW_KEY, ROW_ID):
            if source.get(hidden) not in (None, ""):
                row[hidden] = source[hidden]
        return row


def _text(value: object) -> str:
    """A saved (typed) or drafted value as the text a cell edits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else ""
    return str(value)


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for r in rows:
        if runs and runs[-1][1] == r - 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    return runs
