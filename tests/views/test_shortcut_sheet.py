"""The cheat sheet lists the whole shortcut table, grouped by window, in native key text."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableView

from app.views.shortcut_sheet import ShortcutSheet
from app.views.shortcuts import Shortcut, ShortcutContext, in_context


def make(qtbot) -> ShortcutSheet:
    sheet = ShortcutSheet()
    qtbot.addWidget(sheet)
    sheet.show()
    return sheet


def test_lists_every_shortcut_under_its_window(qtbot) -> None:
    sheet = make(qtbot)
    groups = sheet.group_rows()
    assert [context for context, _ in groups] == list(ShortcutContext)
    for context, shortcuts in groups:
        assert shortcuts == in_context(context)
    assert sorted(s.name for s in sheet.shown_shortcuts()) == sorted(s.name for s in Shortcut)
    model = sheet.model
    # Group headings span the row; shortcut rows show native keys and the description.
    assert model.text(0, 0) == "Main window"
    assert sheet.table.columnSpan(0, 0) == 2
    row = 1 + in_context(ShortcutContext.MAIN).index(Shortcut.NEW_CALL)
    native = QKeySequence("Ctrl+Shift+N").toString(QKeySequence.SequenceFormat.NativeText)
    assert model.text(row, 0) == native
    assert model.text(row, 1) == "New call (phone intake)"
    assert sheet.table.columnSpan(row, 0) == 1
    assert isinstance(sheet.table, QTableView)


def test_search_keeps_matching_rows_and_their_headings(qtbot) -> None:
    sheet = make(qtbot)
    qtbot.keyClicks(sheet.search_edit, "escalate")
    assert sheet.shown_shortcuts() == [Shortcut.ESCALATE]
    assert [c for c, _ in sheet.group_rows()] == [ShortcutContext.TICKET]
    assert sheet.table.columnSpan(0, 0) == 2 and sheet.table.columnSpan(1, 0) == 1
    # By key as well (portable or native spelling).
    sheet.search_edit.setText("ctrl+shift+n")
    assert sheet.shown_shortcuts() == [Shortcut.NEW_CALL]
    sheet.search_edit.setText("no such thing")
    assert sheet.shown_shortcuts() == [] and sheet.group_rows() == []
    assert sheet.empty_label.isVisible()
    sheet.search_edit.clear()
    assert len(sheet.shown_shortcuts()) == len(Shortcut)
    assert not sheet.empty_label.isVisible()


def test_keys_only_some_keyboards_have_are_bound_but_not_listed(qtbot) -> None:
    """X11 binds Refresh and Help to dedicated keys too; the sheet lists the keys people type."""
    assert Shortcut.REFRESH.native_text() == QKeySequence("F5").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert len(Shortcut.REFRESH.sequences()) >= 1
    assert "Help" not in Shortcut.SHOW_SHORTCUTS.native_text().split(", ")
