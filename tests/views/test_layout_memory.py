"""app/views/layout_memory.py: windows reopen with the size, splitter and columns they were
closed with; Qt's own boxes and the main window are left alone; bad stored bytes are ignored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.settings import Settings

from app.views.layout_memory import LayoutMemory


class NotesDialog(QDialog):
    """A window with a splitter and a table, like the app's dialogs."""

    def __init__(self) -> None:
        super().__init__()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(QWidget())
        self.table = QTableView()
        model = QStandardItemModel(3, 4, self.table)
        self.table.setModel(model)
        self.splitter.addWidget(self.table)
        QVBoxLayout(self).addWidget(self.splitter)


class OtherDialog(NotesDialog):
    pass


class MainWindow(QMainWindow):
    """Named like the app's: it keeps its own layout."""


@pytest.fixture
def memory(qapp: QApplication, settings: Settings) -> Iterator[LayoutMemory]:
    memory = LayoutMemory(settings.window_layouts)
    memory.install(qapp)
    yield memory
    qapp.removeEventFilter(memory)
    memory.setParent(None)


def _arrange(qtbot, dialog: NotesDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(730, 410)
    dialog.splitter.setSizes([150, 560])
    header = dialog.table.horizontalHeader()
    header.resizeSection(1, 222)
    header.moveSection(3, 0)


def test_a_window_reopens_as_it_was_closed(memory, qtbot) -> None:
    first = NotesDialog()
    _arrange(qtbot, first)
    sizes = first.splitter.sizes()
    first.close()
    again = NotesDialog()
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (730, 410)
    assert again.splitter.sizes() == sizes
    header = again.table.horizontalHeader()
    assert header.sectionSize(1) == 222 and header.logicalIndex(0) == 3


def test_each_window_class_has_its_own_layout(memory, qtbot) -> None:
    first = NotesDialog()
    _arrange(qtbot, first)
    first.close()
    other = OtherDialog()
    qtbot.addWidget(other)
    other.show()
    assert other.table.horizontalHeader().logicalIndex(0) == 0
    assert other.table.horizontalHeader().sectionSize(1) != 222


def test_message_boxes_and_the_main_window_are_left_alone(memory, settings, qtbot) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "Saved", "Done.")
    window = MainWindow()
    for widget in (box, window):
        qtbot.addWidget(widget)
        widget.show()
        widget.close()
    assert settings.window_layouts.get("QMessageBox.geometry") == b""
    assert settings.window_layouts.get("MainWindow.geometry") == b""


def test_unreadable_stored_layouts_are_ignored(memory, settings, qtbot) -> None:
    for part in ("geometry", "splitter.0", "header.0"):
        settings.window_layouts.set(f"NotesDialog.{part}", b"\x00garbage")
    dialog = NotesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.isVisible() and dialog.table.horizontalHeader().count() == 4


def test_layout_keys_are_checked(settings) -> None:
    with pytest.raises(ValueError, match="layout key"):
        settings.window_layouts.set("a/b", b"x")
