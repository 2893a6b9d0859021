"""The embedded SSH terminal: pyte fed by a reader thread, painted cell by cell (remote.md §4.1).

Threads: `_Reader` (a QThread) only blocks in `channel.recv()` and emits what it got; everything
else — pyte, painting, `send()`, `resize()`, `close()` — happens on the GUI thread.

Remote output is untrusted: it can colour cells and move the cursor, nothing more. It never sets
the clipboard (OSC 52) or a window title, and the only bytes the terminal sends on its own are the
DA/DSR answers (see `SafeScreen`). Pastes are stripped of control characters, bracketed when the
remote application asked for it (mode 2004), and need confirmation when they hold a line break,
because a line break runs a command.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from typing import Final, cast

import pyte

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QSize,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QClipboard,
    QCloseEvent,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from app.views.remote import TerminalChannel
from app.views.remote.terminal_keys import APP_CURSOR, BRACKETED_PASTE, clean_paste, key_bytes
from app.views.remote.terminal_render import (
    DEFAULT_BG,
    CellPainter,
    SafeScreen,
    line_text,
    printable,
    terminal_font,
)

log = logging.getLogger(__name__)

#: The transcript's size cap, in UTF-8 bytes (remote.md §4.1).
TRANSCRIPT_LIMIT: Final = 1024 * 1024
#: Bytes asked of `recv()` per call.
RECV_SIZE: Final = 65536
#: Chunks the reader may hand over before the GUI has fed the earlier ones to pyte.
_IN_FLIGHT: Final = 8
#: Resizes are sent once the user stops dragging for this long, not for every pixel.
_RESIZE_DELAY_MS: Final = 40
_K = Qt.Key
_M = Qt.KeyboardModifier


class _Reader(QThread):
    """Loops on `channel.recv()`; its signals are delivered to the widget on the GUI thread.

    Flow control: at most `_IN_FLIGHT` chunks wait for the GUI; the widget `ack()`s each one it
    has fed to pyte. A host that floods output (`cat` of a big log) is thereby slowed down by
    the SSH window instead of filling memory and freezing the GUI.
    """

    received = Signal(object)
    ended = Signal(str)

    def __init__(self, channel: TerminalChannel) -> None:
        super().__init__()
        self._channel = channel
        self._credits = threading.Semaphore(_IN_FLIGHT)
        self._stop = threading.Event()

    def ack(self) -> None:
        """A chunk was consumed (GUI thread)."""
        self._credits.release()

    def stop(self) -> None:
        """Stop after the current `recv()`, even if the GUI no longer acknowledges (any thread)."""
        self._stop.set()
        self._credits.release()

    def run(self) -> None:
        reason = "the remote host ended the session"
        try:
            while not self._stop.is_set():
                data = self._channel.recv(RECV_SIZE)
                if not data:
                    break
                self._credits.acquire()
                if self._stop.is_set():
                    break
                self.received.emit(bytes(data))
        except Exception as error:
            reason = printable(f"{type(error).__name__}: {error}".rstrip(": "))
        self.ended.emit(reason)


class _ReaderKeeper(QObject):
    """Holds every reader thread until it has finished. Lives on the GUI thread.

    Deleting a running QThread aborts the process, and a widget can be deleted (with its parent)
    without `close_session()`; so readers are not owned by their widget but kept here, and
    released by a queued `finished` once they are done.
    """

    def __init__(self) -> None:
        super().__init__()
        self.readers: set[QThread] = set()

    def keep(self, reader: QThread) -> None:
        self.readers.add(reader)
        reader.finished.connect(self._release)

    @Slot()
    def _release(self) -> None:
        self.readers.discard(cast(QThread, self.sender()))


_keeper: _ReaderKeeper | None = None


def _keep_until_finished(reader: QThread) -> None:
    global _keeper
    if _keeper is None:
        _keeper = _ReaderKeeper()
    _keeper.keep(reader)


def _close_quietly(channel: TerminalChannel, *_args: object) -> None:
    try:
        channel.close()
    except Exception as error:
        log.info("terminal channel close failed: %s", type(error).__name__)


def _end_session(channel: TerminalChannel, reader: _Reader, *_args: object) -> None:
    reader.stop()
    _close_quietly(channel)


def ask_before_multiline_paste(parent: QWidget, text: str) -> bool:
    """The default paste confirmation: a question naming the line count, "No" by default."""
    lines = text.count("\r") + (0 if text.endswith("\r") else 1)
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("TerminalWidget", "Paste several lines?"),
        QCoreApplication.translate(
            "TerminalWidget",
            "The clipboard holds {0} line(s). Each line break runs a command on the remote "
            "host. Paste it?",
        ).format(lines),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class TerminalWidget(QWidget):
    """An xterm-like terminal on a `TerminalChannel`. GUI thread only.

    Reading starts at construction. The session ends when the channel reaches EOF or fails, or
    when `close_session()` (also run by `closeEvent`) closes it; either way a "Connection closed:
    <reason>" line appears and `closed` is emitted once.
    """

    #: The session ended; carries the reason shown in the terminal.
    closed = Signal(str)

    def __init__(
        self,
        channel: TerminalChannel,
        *,
        cols: int = 80,
        rows: int = 24,
        confirm_paste: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`confirm_paste(text)` approves a paste containing a line break (default: a dialog)."""
        super().__init__(parent)
        self._channel = channel
        self._confirm_paste = confirm_paste or (lambda text: ask_before_multiline_paste(self, text))
        self._painter = CellPainter(terminal_font())
        self.vt = SafeScreen(cols, rows, self._answer)
        self._stream = pyte.ByteStream(self.vt)
        self._cursor_row = 0
        self._ended: str | None = None
        self._anchor: tuple[int, int] | None = None
        self._selection: tuple[tuple[int, int], tuple[int, int]] | None = None
        self._pending_size: tuple[int, int] | None = None
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(_RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._apply_pending_size)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self._reader = _Reader(channel)
        self._reader.received.connect(self._on_received)
        self._reader.ended.connect(self._on_reader_ended)
        _keep_until_finished(self._reader)
        # Deleted without close_session() (e.g. with its parent): still end the session, so the
        # reader's recv() returns. The slot holds the channel, not the dying widget.
        self.destroyed.connect(functools.partial(_end_session, channel, self._reader))
        self._reader.start()

    # --- data in ------------------------------------------------------------------------------

    @property
    def cell_size(self) -> QSize:
        """One character cell, in pixels."""
        return QSize(self._painter.cell.width, self._painter.cell.height)

    @property
    def is_closed(self) -> bool:
        return self._ended is not None

    def _on_received(self, data: bytes) -> None:
        try:
            if self._ended is None:  # Chunks still queued after close_session() are dropped.
                self.feed(data)
        finally:
            self._reader.ack()

    def feed(self, data: bytes) -> None:
        """Interpret `data` from the remote host and repaint the rows it changed."""
        self._stream.feed(data)
        self._repaint_dirty()

    def _repaint_dirty(self) -> None:
        screen = self.vt
        dirty = set(screen.dirty)
        screen.dirty.clear()
        dirty.update((self._cursor_row, min(screen.cursor.y, screen.lines - 1)))
        self._cursor_row = min(screen.cursor.y, screen.lines - 1)
        if self._selection is not None and any(
            self._selection[0][0] <= y <= self._selection[1][0] for y in dirty
        ):
            self._selection = None
        for y in dirty:
            if 0 <= y < screen.lines:
                self.update(self._painter.row_rect(y, max(screen.columns, self._grid_cols())))

    def _answer(self, reply: str) -> None:
        self._send(reply.encode("ascii"))

    def _on_reader_ended(self, reason: str) -> None:
        if self._ended is None:
            _close_quietly(self._channel)
        self._finish(reason)

    def _finish(self, reason: str) -> None:
        if self._ended is not None:
            return
        self._ended = reason
        screen = self.vt
        screen.scroll_to_bottom()
        screen.select_graphic_rendition(0)
        if screen.cursor.x:
            screen.carriage_return()
            screen.linefeed()
        screen.select_graphic_rendition(1, 33)
        # Drawn straight into the grid, not fed through the parser: nothing in it is a sequence.
        screen.draw(f"Connection closed: {printable(reason)}")
        screen.select_graphic_rendition(0)
        screen.carriage_return()
        screen.linefeed()
        self._repaint_dirty()
        self.closed.emit(reason)

    # --- data out -----------------------------------------------------------------------------

    def _send(self, data: bytes) -> None:
        if self._ended is not None or not data:
            return
        try:
            self._channel.send(data)
        except Exception as error:
            # The reader thread sees the same failure and reports it as the closing reason.
            log.info("terminal send failed: %s", type(error).__name__)

    def send_text(self, text: str) -> None:
        """Send `text` as typed (UTF-8), back at the live screen."""
        self._back_to_live()
        self._send(text.encode("utf-8"))

    def paste_text(self, text: str) -> bool:
        """Paste `text`; False when there was nothing to send or the confirmation was declined."""
        payload = clean_paste(text)
        if not payload or self._ended is not None:
            return False
        if "\r" in payload and not self._confirm_paste(payload):
            return False
        if self.vt.private_mode(BRACKETED_PASTE):
            payload = f"\x1b[200~{payload}\x1b[201~"
        self.send_text(payload)
        return True

    def paste_clipboard(self) -> bool:
        return self.paste_text(QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard))

    def close_session(self, reason: str = "closed by you") -> None:
        """Close the channel and stop the reader thread; idempotent."""
        self._resize_timer.stop()
        reader = self._reader
        reader.stop()
        if self._ended is None:
            _close_quietly(self._channel)
        if not reader.wait(3000):
            log.warning("terminal reader did not stop after close(); left to finish on its own")
        self._finish(reason)

    # --- size ---------------------------------------------------------------------------------

    def _grid_cols(self) -> int:
        return max(2, self.width() // self._painter.cell.width)

    def _grid_rows(self) -> int:
        return max(1, self.height() // self._painter.cell.height)

    def sizeHint(self) -> QSize:
        cell = self._painter.cell
        return QSize(self.vt.columns * cell.width, self.vt.lines * cell.height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pending_size = (self._grid_cols(), self._grid_rows())
        self._resize_timer.start()

    def _apply_pending_size(self) -> None:
        if self._pending_size is None:
            return
        cols, rows = self._pending_size
        self._pending_size = None
        screen = self.vt
        if (cols, rows) == (screen.columns, screen.lines):
            return
        screen.scroll_to_bottom()
        screen.resize(lines=rows, columns=cols)
        screen.cursor.x = min(screen.cursor.x, cols - 1)
        screen.cursor.y = min(screen.cursor.y, rows - 1)
        self._selection = None
        self.update()
        if self._ended is None:
            try:
                self._channel.resize(cols, rows)
            except Exception as error:
                log.info("terminal resize failed: %s", type(error).__name__)

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = event.rect()
        painter.fillRect(rect, DEFAULT_BG)
        cell = self._painter.cell
        first = max(0, rect.top() // cell.height)
        last = min(self.vt.lines - 1, rect.bottom() // cell.height)
        screen = self.vt
        cursor: tuple[int, int] | None = None
        if not screen.cursor.hidden and not screen.scrolled_back() and self._ended is None:
            cursor = (
                min(screen.cursor.y, screen.lines - 1),
                min(screen.cursor.x, screen.columns - 1),
            )
        self._painter.paint_rows(
            painter, screen, range(first, last + 1), self._is_selected, cursor, self.hasFocus()
        )
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update(self._painter.row_rect(self._cursor_row, self.vt.columns))  # Solid cursor.

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update(self._painter.row_rect(self._cursor_row, self.vt.columns))  # Hollow cursor.

    # --- keyboard -----------------------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab and Shift+Tab belong to the remote shell.

    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+letters etc. from application shortcuts, but leave Ctrl+Tab (tabs).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() not in (_K.Key_Tab, _K.Key_Backtab)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        ctrl_shift = _M.ControlModifier | _M.ShiftModifier
        if (mods & ctrl_shift) == ctrl_shift and key == _K.Key_C:
            self.copy_selection()
            return
        if ((mods & ctrl_shift) == ctrl_shift and key == _K.Key_V) or (
            mods & _M.ShiftModifier and key == _K.Key_Insert
        ):
            self.paste_clipboard()
            return
        if mods & _M.ShiftModifier and key in (_K.Key_PageUp, _K.Key_PageDown):
            self.scroll_history(up=key == _K.Key_PageUp)
            return
        data = key_bytes(key, mods, event.text(), self.vt.private_mode(APP_CURSOR))
        if data is None:
            super().keyPressEvent(event)
            return
        self._back_to_live()
        self._send(data)

    # --- scrollback ---------------------------------------------------------------------------

    def scroll_history(self, up: bool) -> None:
        """Move half a screen through the scrollback (pyte's page ratio)."""
        if up:
            self.vt.prev_page()
        else:
            self.vt.next_page()
        self._selection = None
        self._repaint_dirty()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() // 120
        for _ in range(abs(steps)):
            self.scroll_history(up=steps > 0)
        event.accept()

    def _back_to_live(self) -> None:
        if self.vt.scrolled_back():
            self.vt.scroll_to_bottom()
            self._repaint_dirty()

    # --- selection and copy -------------------------------------------------------------------

    def _cell_at(self, pos: QPoint) -> tuple[int, int]:
        cell = self._painter.cell
        row = min(max(pos.y() // cell.height, 0), self.vt.lines - 1)
        col = min(max(pos.x() // cell.width, 0), self.vt.columns - 1)
        return row, col

    def _is_selected(self, row: int, col: int) -> bool:
        sel = self._selection
        return sel is not None and sel[0] <= (row, col) <= sel[1]

    def select(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        """Select the cells from `start` to `end` (row, column), inclusive, in reading order."""
        first, last = sorted((start, end))
        self._selection = (first, last)
        self.update()

    def selected_text(self) -> str:
        sel = self._selection
        if sel is None:
            return ""
        (r0, c0), (r1, c1) = sel
        lines = []
        for row in range(r0, r1 + 1):
            line = self.vt.buffer[row]
            lo = c0 if row == r0 else 0
            hi = c1 if row == r1 else self.vt.columns - 1
            lines.append("".join(line[x].data for x in range(lo, hi + 1)).rstrip())
        return "\n".join(lines)

    def copy_selection(self) -> bool:
        """Copy the selected text to the clipboard; False when nothing is selected."""
        text = self.selected_text()
        if not text:
            return False
        QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self._cell_at(event.position().toPoint())
            if self._selection is not None:
                self._selection = None
                self.update()
        elif event.button() == Qt.MouseButton.MiddleButton:
            board = QGuiApplication.clipboard()
            if board.supportsSelection():
                self.paste_text(board.text(QClipboard.Mode.Selection))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.select(self._anchor, self._cell_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = None
            board = QGuiApplication.clipboard()
            text = self.selected_text()
            if text and board.supportsSelection():
                board.setText(text, QClipboard.Mode.Selection)
        super().mouseReleaseEvent(event)

    # --- transcript and teardown --------------------------------------------------------------

    def transcript(self) -> str:
        """The scrollback plus the screen as plain text, the newest 1 MiB at most."""
        screen = self.vt
        cols = screen.columns
        lines = [line_text(line, cols) for line in screen.history.top]
        lines += [line_text(screen.buffer[y], cols) for y in range(screen.lines)]
        lines += [line_text(line, cols) for line in screen.history.bottom]
        while lines and not lines[-1]:
            lines.pop()
        text = "\n".join(lines)
        data = text.encode("utf-8")
        if len(data) <= TRANSCRIPT_LIMIT:
            return text
        tail = data[-TRANSCRIPT_LIMIT:].decode("utf-8", "ignore")
        return tail.partition("\n")[2]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_session()
        super().closeEvent(event)
