"""The keyboard shortcut cheat sheet: the table of `app.views.shortcuts`, grouped by window.

Keys are shown as the platform writes them (⌘ on macOS). The search box keeps the rows whose
keys or description contain the typed text. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.views.shortcuts import Shortcut, ShortcutContext, in_context
from app.views.widgets.text_table_model import TextRow, TextTableModel


class ShortcutSheet(QDialog):
    """Lists every shortcut; non-modal, so it can stay open beside the work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setModal(False)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("shortcutSearch")
        self.search_edit.setPlaceholderText(self.tr("Find a shortcut by key or action"))
        self.search_edit.setAccessibleName(self.tr("Find a shortcut"))
        self.search_edit.setClearButtonEnabled(True)
        self.model = TextTableModel([self.tr("Keys"), self.tr("What it does")], self)
        self.table = QTableView(self)
        self.table.setObjectName("shortcutTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_label = QLabel(self.tr("No shortcut matches."), self)
        self.empty_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.search_edit.textChanged.connect(self.set_filter)
        self.set_filter("")
        self.resize(620, 560)

    def set_filter(self, text: str) -> None:
        """Show the shortcuts whose keys or description contain `text` (any case)."""
        needle = text.strip().casefold()
        rows: list[TextRow] = []
        for context in ShortcutContext:
            matching = [
                TextRow((s.native_text(), s.description()), s)
                for s in in_context(context)
                if not needle
                or needle in s.native_text().casefold()
                or needle in s.portable_text().casefold()
                or needle in s.description().casefold()
            ]
            if matching:
                # The theme's own colours, so a heading stays readable in dark mode too.
                palette = self.table.palette()
                back = {0: palette.color(QPalette.ColorRole.AlternateBase)}
                fore = {0: palette.color(QPalette.ColorRole.Text)}
                rows.append(TextRow((context.title(), ""), context, fore, back))
                rows.extend(matching)
        self.model.set_rows(rows)
        self.table.clearSpans()
        for row, item in enumerate(rows):
            if isinstance(item.payload, ShortcutContext):
                self.table.setSpan(row, 0, 1, 2)
        self.empty_label.setVisible(not rows)

    def shown_shortcuts(self) -> list[Shortcut]:
        """The shortcuts listed now, in order (tests)."""
        return [r.payload for r in self.model.rows() if isinstance(r.payload, Shortcut)]

    def group_rows(self) -> list[tuple[ShortcutContext, list[Shortcut]]]:
        """(window, its listed shortcuts) in order (tests)."""
        groups: list[tuple[ShortcutContext, list[Shortcut]]] = []
        for r in self.model.rows():
            if isinstance(r.payload, ShortcutContext):
                groups.append((r.payload, []))
            elif isinstance(r.payload, Shortcut) and groups:
                groups[-1][1].append(r.payload)
        return groups
