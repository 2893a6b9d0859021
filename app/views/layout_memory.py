"""Remembered window layouts: every dialog and window (but the main window, which keeps its
own, and Qt's message, file and input boxes) opens at the size, splitter positions and column
widths / order it had when it was last closed.

One application-wide event filter does it, so a new window needs nothing to take part: its
layout is keyed by its class name, its splitters and table headers by object name (else their
order in the window). GUI thread only.
"""

from __future__ import annotations

from typing import Final, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QWidget,
)

from app.settings import WindowLayouts

#: Qt's own dialogs size themselves to their text; remembering them would only get in the way.
SKIPPED: Final = (QMessageBox, QFileDialog, QInputDialog, QProgressDialog, QColorDialog)
_W = TypeVar("_W", bound=QWidget)
#: Marks a window whose layout was restored (restored once, on its first show).
_RESTORED: Final = "layoutMemoryRestored"


class LayoutMemory(QObject):
    """Install once per application (`install()`); `skip` names window classes that keep their
    own layout (the main window)."""

    def __init__(self, layouts: WindowLayouts, *, skip: tuple[str, ...] = ("MainWindow",)) -> None:
        super().__init__()
        self._layouts = layouts
        self._skip = skip

    def install(self, app: QApplication) -> None:
        self.setParent(app)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and self._remembered(watched):
            assert isinstance(watched, QWidget)
            if kind == QEvent.Type.Show and not watched.property(_RESTORED):
                watched.setProperty(_RESTORED, True)
                self.restore(watched)
            elif kind == QEvent.Type.Hide and watched.property(_RESTORED):
                self.save(watched)
        return False

    def _remembered(self, obj: QObject) -> bool:
        return (
            isinstance(obj, QDialog | QMainWindow)
            and obj.isWindow()
            and not isinstance(obj, SKIPPED)
            and type(obj).__name__ not in self._skip
            and obj.windowType() != Qt.WindowType.Popup
        )

    def save(self, window: QWidget) -> None:
        name = type(window).__name__
        self._layouts.set(f"{name}.geometry", bytes(window.saveGeometry().data()))
        for key, splitter in _parts(window, QSplitter):
            self._layouts.set(f"{name}.splitter.{key}", bytes(splitter.saveState().data()))
        for key, header in _headers(window):
            self._layouts.set(f"{name}.header.{key}", bytes(header.saveState().data()))

    def restore(self, window: QWidget) -> None:
        name = type(window).__name__
        if geometry := self._layouts.get(f"{name}.geometry"):
            window.restoreGeometry(QByteArray(geometry))
        for key, splitter in _parts(window, QSplitter):
            if state := self._layouts.get(f"{name}.splitter.{key}"):
                splitter.restoreState(QByteArray(state))
        for key, header in _headers(window):
            if state := self._layouts.get(f"{name}.header.{key}"):
                header.restoreState(QByteArray(state))


def _parts(window: QWidget, kind: type[_W]) -> list[tuple[str, _W]]:
    """Children of `kind` that belong to `window` itself (not to a window inside it), keyed by
    object name or, for unnamed ones, by their order."""
    found = [w for w in window.findChildren(kind) if w.window() is window]
    return [(_key(w.objectName(), i), w) for i, w in enumerate(found)]


def _headers(window: QWidget) -> list[tuple[str, QHeaderView]]:
    return [
        (key, h)
        for key, h in _parts(window, QHeaderView)
        if h.orientation() == Qt.Orientation.Horizontal
    ]


def _key(object_name: str, index: int) -> str:
    clean = "".join(c for c in object_name if c.isascii() and (c.isalnum() or c in "_-"))
    return clean or str(index)
