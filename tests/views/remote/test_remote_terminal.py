"""TerminalWidget on a real socket pair: rendering, hostile escapes, keys, paste, EOF (§4.1)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QClipboard, QColor, QFontMetricsF, QGuiApplication, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.views.remote import terminal_widget
from app.views.remote.terminal_render import SafeScreen
from app.views.remote.terminal_widget import TerminalWidget

MARK = b"\x00<mark>\x00"
K = Qt.Key
M = Qt.KeyboardModifier


class SocketChannel:
    """A `TerminalChannel` on one end of a `socketpair()`; the test plays the host on `remote`."""

    def __init__(self) -> None:
        self.ours, self.remote = socket.socketpair()
        self.remote.setblocking(False)
        self.resizes: list[tuple[int, int]] = []
        self.closes = 0
        self._lock = threading.Lock()

    def recv(self, n: int) -> bytes:
        return self.ours.recv(n)

    def send(self, data: bytes) -> None:
        self.ours.sendall(data)

    def resize(self, cols: int, rows: int) -> None:
        self.resizes.append((cols, rows))

    def close(self) -> None:
        with self._lock:
            self.closes += 1
            if self.closes == 1:
                # shutdown() wakes the reader thread blocked in recv(); it then reads b"".
                self.ours.shutdown(socket.SHUT_RDWR)

    def read_until(self, qtbot, suffix: bytes) -> bytes:
        """What the terminal sent, up to and including `suffix`, while Qt keeps running (5 s)."""
        data = bytearray()

        def arrived() -> bool:
            try:
                chunk = self.remote.recv(4096)
            except BlockingIOError:
                return False
            assert chunk, f"EOF before {suffix!r}; got {bytes(data)!r}"
            data.extend(chunk)
            return data.endswith(suffix)

        qtbot.waitUntil(arrived, timeout=5000)
        return bytes(data)


class FailingChannel(SocketChannel):
    def recv(self, n: int) -> bytes:
        raise OSError("link down")


class Confirm:
    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, text: str) -> bool:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def channel() -> Iterator[SocketChannel]:
    ch = SocketChannel()
    yield ch
    ch.remote.close()
    ch.ours.close()


@pytest.fixture
def confirm() -> Confirm:
    return Confirm(False)


@pytest.fixture
def term(qtbot, channel: SocketChannel, confirm: Confirm) -> Iterator[TerminalWidget]:
    widget = TerminalWidget(channel, confirm_paste=confirm)
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close_session()


@pytest.fixture
def board(qtbot) -> Iterator[QClipboard]:
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    yield clipboard
    clipboard.clear()


def host_says(qtbot, term: TerminalWidget, channel: SocketChannel, data: bytes) -> None:
    """The host writes `data`; wait until the reader thread delivered it and pyte drew it."""
    end = b"\x1b[0m<eot>"
    channel.remote.sendall(data + end)
    qtbot.waitUntil(lambda: "<eot>" in "\n".join(term.vt.display), timeout=5000)


def lines(term: TerminalWidget) -> list[str]:
    return [line.rstrip() for line in term.vt.display]


def sent_by(
    qtbot, term: TerminalWidget, channel: SocketChannel, action: Callable[[], object]
) -> bytes:
    """The bytes `action` made the terminal send (a marker sent afterwards ends the capture)."""
    action()
    term.send_text(MARK.decode())
    return channel.read_until(qtbot, MARK)[: -len(MARK)]


def test_remote_terminal_shows_colour_and_bold(qtbot, term, channel) -> None:
    host_says(
        qtbot, term, channel, b"\x1b[1;31mRED\x1b[0m \x1b[38;5;208mX\x1b[48;2;1;2;3mY\x1b[7mZ"
    )
    row = term.vt.buffer[0]
    assert "".join(row[x].data for x in range(3)) == "RED"
    assert all(row[x].fg == "red" and row[x].bold for x in range(3))
    assert not row[3].bold
    assert row[4].fg == "ff8700"
    assert row[5].bg == "010203"
    assert row[6].reverse


def test_remote_terminal_paints_red_cells(qtbot, term, channel) -> None:
    host_says(qtbot, term, channel, "\x1b[1;31m████\x1b[0m\r\n\x1b[41m    ".encode())
    cell = term.cell_size
    image = term.grab().toImage()
    fg = QColor(image.pixel(cell.width() + cell.width() // 2, cell.height() // 2))
    bg = QColor(image.pixel(cell.width() + cell.width() // 2, cell.height() + cell.height() // 2))
    blank = QColor(image.pixel(20 * cell.width(), 5 * cell.height()))
    for pixel in (fg, bg):
        assert pixel.red() > 150 and pixel.green() < 80 and pixel.blue() < 80, pixel.name()
    assert blank.red() < 80 and blank.green() < 80


def test_remote_terminal_bold_and_italic_runs_stay_in_their_cells(term) -> None:
    painter = term._painter
    for font in painter._fonts.values():
        width = QFontMetricsF(font).horizontalAdvance("M" * 80)
        assert abs(width - 80 * painter.cell.width) < 2, font.toString()


def test_remote_terminal_resize_sends_100_columns(qtbot, term, channel) -> None:
    cell = term.cell_size
    term.resize(100 * cell.width() + 3, 30 * cell.height() + 2)
    qtbot.waitUntil(lambda: channel.resizes[-1:] == [(100, 30)], timeout=3000)
    assert (term.vt.columns, term.vt.lines) == (100, 30)
    host_says(qtbot, term, channel, b"y" * 100)
    assert term.vt.display[0] == "y" * 100


def test_remote_osc52_and_title_change_neither_clipboard_nor_title(
    qtbot, term, channel, board
) -> None:
    board.setText("mine")
    term.setWindowTitle("T1234 srv01")
    host_says(
        qtbot,
        term,
        channel,
        b"\x1b]52;c;ZXZpbA==\x07\x1b]52;p;ZXZpbA==\x1b\\\x1b]0;evil\x07\x1b]2;evil\x1b\\"
        b"\x1b]1;evil\x07after",
    )
    assert board.text() == "mine"
    if board.supportsSelection():
        assert board.text(QClipboard.Mode.Selection) != "evil"
    assert term.windowTitle() == "T1234 srv01"
    assert term.window().windowTitle() == "T1234 srv01"
    assert term.vt.title == "" and term.vt.icon_name == ""
    assert "evil" not in "\n".join(term.vt.display)


def test_remote_terminal_answers_da_and_dsr(qtbot, term, channel) -> None:
    channel.remote.sendall(b"\x1b[c")
    assert channel.read_until(qtbot, b"c") == b"\x1b[?6c"
    channel.remote.sendall(b"\x1b[5n")
    assert channel.read_until(qtbot, b"n") == b"\x1b[0n"
    channel.remote.sendall(b"abc\x1b[6n")
    assert channel.read_until(qtbot, b"R") == b"\x1b[1;4R"


def test_remote_screen_sends_nothing_but_da_and_dsr_answers() -> None:
    answers: list[str] = []
    screen = SafeScreen(80, 24, answers.append)
    screen.write_process_input("rm -rf ~\r")
    screen.write_process_input("\x1b[?6c\rwhoami\r")
    screen.set_mode(3, private=True)  # DECCOLM would switch to 132 columns.
    assert answers == []
    assert screen.columns == 80


KEYS = [
    (K.Key_Return, M.NoModifier, b"\r"),
    (K.Key_Enter, M.KeypadModifier, b"\r"),
    (K.Key_Backspace, M.NoModifier, b"\x7f"),
    (K.Key_Tab, M.NoModifier, b"\t"),
    (K.Key_Escape, M.NoModifier, b"\x1b"),
    (K.Key_Up, M.NoModifier, b"\x1b[A"),
    (K.Key_Down, M.NoModifier, b"\x1b[B"),
    (K.Key_Right, M.NoModifier, b"\x1b[C"),
    (K.Key_Left, M.NoModifier, b"\x1b[D"),
    (K.Key_Left, M.ControlModifier, b"\x1b[1;5D"),
    (K.Key_Home, M.NoModifier, b"\x1b[H"),
    (K.Key_End, M.NoModifier, b"\x1b[F"),
    (K.Key_PageUp, M.NoModifier, b"\x1b[5~"),
    (K.Key_PageDown, M.NoModifier, b"\x1b[6~"),
    (K.Key_Delete, M.NoModifier, b"\x1b[3~"),
    (K.Key_C, M.ControlModifier, b"\x03"),
    (K.Key_D, M.ControlModifier, b"\x04"),
    (K.Key_Z, M.ControlModifier, b"\x1a"),
    (K.Key_F1, M.NoModifier, b"\x1bOP"),
    (K.Key_F4, M.NoModifier, b"\x1bOS"),
    (K.Key_F5, M.NoModifier, b"\x1b[15~"),
    (K.Key_F10, M.NoModifier, b"\x1b[21~"),
    (K.Key_F12, M.NoModifier, b"\x1b[24~"),
]


@pytest.mark.parametrize(("key", "modifiers", "expected"), KEYS)
def test_remote_terminal_keystrokes_send_xterm_bytes(
    qtbot, term, channel, key, modifiers, expected
) -> None:
    assert sent_by(qtbot, term, channel, lambda: qtbot.keyClick(term, key, modifiers)) == expected


def test_remote_terminal_typed_text_and_cursor_key_mode(qtbot, term, channel) -> None:
    assert sent_by(qtbot, term, channel, lambda: qtbot.keyClicks(term, "ls -l")) == b"ls -l"
    e_acute = QKeyEvent(QEvent.Type.KeyPress, K.Key_Eacute, M.NoModifier, "é")
    assert sent_by(qtbot, term, channel, lambda: QApplication.sendEvent(term, e_acute)) == (
        "é".encode()
    )
    host_says(qtbot, term, channel, b"\x1b[?1h")
    assert sent_by(qtbot, term, channel, lambda: qtbot.keyClick(term, K.Key_Up)) == b"\x1bOA"


def test_remote_bracketed_paste_wraps_and_strips_escapes(qtbot, term, channel, board) -> None:
    assert sent_by(qtbot, term, channel, lambda: term.paste_text("echo hi")) == b"echo hi"
    host_says(qtbot, term, channel, b"\x1b[?2004h")
    board.setText("a\x1b[201~b")
    paste = lambda: qtbot.keyClick(term, K.Key_V, M.ControlModifier | M.ShiftModifier)  # noqa: E731
    assert sent_by(qtbot, term, channel, paste) == b"\x1b[200~a[201~b\x1b[201~"


def test_remote_multiline_paste_declined_sends_nothing(qtbot, term, channel, confirm) -> None:
    confirm.answer = False
    assert sent_by(qtbot, term, channel, lambda: term.paste_text("ls\nrm -rf /tmp/x\n")) == b""
    assert confirm.asked == ["ls\rrm -rf /tmp/x\r"]


def test_remote_multiline_paste_accepted_sends_lines(qtbot, term, channel, confirm) -> None:
    confirm.answer = True
    assert sent_by(qtbot, term, channel, lambda: term.paste_text("one\r\ntwo")) == b"one\rtwo"
    assert len(confirm.asked) == 1


def test_remote_terminal_copies_selection(qtbot, term, channel, board) -> None:
    host_says(qtbot, term, channel, b"hello world\r\nsecond line")
    term.select((0, 6), (1, 5))
    qtbot.keyClick(term, K.Key_C, M.ControlModifier | M.ShiftModifier)
    assert board.text() == "world\nsecond"


def test_remote_terminal_scrollback_and_transcript(qtbot, term, channel, monkeypatch) -> None:
    host_says(qtbot, term, channel, b"".join(b"line %d\r\n" % i for i in range(100)))
    assert "line 99" in lines(term)
    wheel = QWheelEvent(
        QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, M.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(term, wheel)
    assert "line 99" not in lines(term)
    assert term.vt.scrolled_back()
    qtbot.keyClick(term, K.Key_PageDown, M.ShiftModifier)
    qtbot.keyClick(term, K.Key_PageDown, M.ShiftModifier)
    assert "line 99" in lines(term)
    qtbot.keyClick(term, K.Key_PageUp, M.ShiftModifier)
    assert sent_by(qtbot, term, channel, lambda: qtbot.keyClick(term, K.Key_A)) == b"a"
    assert not term.vt.scrolled_back()
    text = term.transcript()
    assert text.startswith("line 0\n") and "line 99" in text
    monkeypatch.setattr(terminal_widget, "TRANSCRIPT_LIMIT", 40)
    capped = term.transcript()
    assert len(capped.encode()) <= 40 and capped.endswith("<eot>")


def test_remote_terminal_eof_shows_closed_line(qtbot, term, channel) -> None:
    host_says(qtbot, term, channel, b"bye")
    with qtbot.waitSignal(term.closed, timeout=5000) as blocker:
        channel.remote.shutdown(socket.SHUT_WR)
    assert "ended the session" in blocker.args[0]
    assert "Connection closed: the remote host ended the session" in lines(term)
    assert term.is_closed
    qtbot.keyClick(term, K.Key_A)  # Ignored: the session is over.
    assert channel.closes == 1
    assert channel.remote.recv(1) == b""  # EOF from our close(), and no "a" before it.


def test_remote_terminal_error_shows_reason(qtbot) -> None:
    channel = FailingChannel()
    try:
        widget = TerminalWidget(channel)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.closed, timeout=5000) as blocker:
            pass
        assert blocker.args == ["OSError: link down"]
        assert "Connection closed: OSError: link down" in lines(widget)
    finally:
        channel.remote.close()
        channel.ours.close()


def test_remote_terminal_close_stops_reader_and_emits_once(qtbot, term, channel) -> None:
    reasons: list[str] = []
    term.closed.connect(reasons.append)
    term.close()
    term.close_session()
    qtbot.wait(50)
    assert reasons == ["closed by you"]
    assert channel.closes >= 1
    assert not term._reader.isRunning()


def test_remote_terminal_deleted_without_close_ends_the_session(qtbot, channel) -> None:
    parent = QWidget()
    widget = TerminalWidget(channel, parent=parent)
    reader = widget._reader
    assert reader.isRunning()
    shiboken6.delete(parent)  # Deletes the terminal too, without closeEvent.
    qtbot.waitUntil(lambda: channel.closes == 1, timeout=2000)
    qtbot.waitUntil(reader.isFinished, timeout=5000)


class FloodChannel(SocketChannel):
    """A host that never stops printing: every recv() returns at once."""

    def __init__(self) -> None:
        super().__init__()
        self.recvs = 0

    def recv(self, n: int) -> bytes:
        self.recvs += 1
        return b"x" * 64


def test_remote_terminal_flow_control_bounds_unread_output(qtbot) -> None:
    channel = FloodChannel()
    try:
        widget = TerminalWidget(channel)
        qtbot.addWidget(widget)
        time.sleep(0.3)  # The GUI thread feeds nothing meanwhile, so the reader must stall.
        stalled = channel.recvs
        assert 1 <= stalled <= terminal_widget._IN_FLIGHT + 1
        qtbot.waitUntil(lambda: channel.recvs > stalled + 20, timeout=5000)
        widget.close_session()
        assert not widget._reader.isRunning()
    finally:
        channel.remote.close()
        channel.ours.close()
