"""The terminal's screen model (a hardened pyte `HistoryScreen`) and how its cells are painted.

Everything the remote host sends is untrusted. `SafeScreen` therefore drops the few pyte events
that reach outside the grid: window and icon titles, arbitrary process input (only the fixed
DA/DSR answers go back), and the 80/132-column switch that would resize the screen behind the
widget's back. pyte itself ignores OSC 52 (clipboard) and every other OSC code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final

import pyte
from pyte.screens import Char

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QFontMetricsF, QPainter

#: Lines kept above the screen for scrollback and the transcript.
HISTORY_LINES: Final = 5000

#: The only answers the terminal ever writes back: primary DA, "terminal OK", cursor position.
_ANSWERS: Final = re.compile(r"\x1b\[(?:\?6c|0n|\d{1,5};\d{1,5}R)")

#: pyte shifts private DEC modes by 5 bits; mode 3 is DECCOLM (80/132 columns).
_DECCOLM: Final = 3

DEFAULT_FG: Final = QColor("#d0d0d0")
DEFAULT_BG: Final = QColor("#1e1e1e")
CURSOR_COLOUR: Final = QColor("#f0f0f0")

# pyte's colour names for SGR 30–37/90–97; "bfightmagenta" is pyte 0.8's spelling for SGR 105.
_NAMED: Final = {
    "black": "#000000",
    "red": "#cd0000",
    "green": "#00cd00",
    "brown": "#cdcd00",
    "blue": "#1e64ff",
    "magenta": "#cd00cd",
    "cyan": "#00cdcd",
    "white": "#e5e5e5",
    "brightblack": "#7f7f7f",
    "brightred": "#ff0000",
    "brightgreen": "#00ff00",
    "brightbrown": "#ffff00",
    "brightblue": "#5c5cff",
    "brightmagenta": "#ff00ff",
    "bfightmagenta": "#ff00ff",
    "brightcyan": "#00ffff",
    "brightwhite": "#ffffff",
}
_BASIC: Final = frozenset(("black", "red", "green", "brown", "blue", "magenta", "cyan", "white"))
_HEX: Final = re.compile(r"[0-9a-fA-F]{6}")


def colour(name: str, default: QColor, bold: bool = False) -> QColor:
    """The QColor for a pyte colour: a name, six hex digits (256 and true colour) or "default".

    Bold text in one of the eight basic colours uses its bright variant, as xterm does.
    """
    if bold and name in _BASIC:
        name = "bright" + name
    hex_value = _NAMED.get(name)
    if hex_value is not None:
        return QColor(hex_value)
    if _HEX.fullmatch(name):
        return QColor("#" + name)
    return QColor(default)


def printable(text: str, limit: int = 300) -> str:
    """`text` without control characters, on one line, at most `limit` characters.

    For strings that did not come from us (errors, remote output) before they are drawn.
    """
    kept = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    kept = " ".join(kept.split())
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


class SafeScreen(pyte.HistoryScreen):
    """A `pyte.HistoryScreen` that never lets remote data act outside the character grid.

    `answer` receives DA/DSR replies (e.g. "\\x1b[?6c") to send back to the host.
    """

    def __init__(self, columns: int, lines: int, answer: Callable[[str], None]) -> None:
        self._answer = answer
        super().__init__(columns, lines, history=HISTORY_LINES)

    def write_process_input(self, data: str) -> None:
        # pyte calls this for DA and DSR only; the pattern keeps it that way if pyte grows.
        if _ANSWERS.fullmatch(data):
            self._answer(data)

    def set_title(self, param: str) -> None:
        """Ignored: a remote host must not rename our windows (spoofing)."""

    def set_icon_name(self, param: str) -> None:
        """Ignored, like `set_title`."""

    def set_mode(self, *modes: int, **kwargs: Any) -> None:
        super().set_mode(*_without_deccolm(modes, kwargs), **kwargs)

    def reset_mode(self, *modes: int, **kwargs: Any) -> None:
        super().reset_mode(*_without_deccolm(modes, kwargs), **kwargs)

    def private_mode(self, mode: int) -> bool:
        """True if DEC private mode `mode` (e.g. 2004, bracketed paste) is set."""
        return (mode << 5) in self.mode

    def scroll_to_bottom(self) -> None:
        """Leave the scrollback and show the live screen again."""
        while self.history.position < self.history.size and self.history.bottom:
            self.next_page()

    def scrolled_back(self) -> bool:
        return self.history.position < self.history.size and bool(self.history.bottom)


def _without_deccolm(modes: tuple[int, ...], kwargs: dict[str, Any]) -> tuple[int, ...]:
    if kwargs.get("private"):
        return tuple(m for m in modes if m != _DECCOLM)
    return modes


def line_text(line: dict[int, Char], columns: int) -> str:
    """One buffer line as text, trailing blanks removed (wide characters' second cell skipped)."""
    return "".join(line[x].data for x in range(columns)).rstrip()


#: How a run of cells is painted: fg and bg RGB, bold, italics, underline, strike-through.
_Style = tuple[int, int, bool, bool, bool, bool]


@dataclass(frozen=True)
class Cell:
    """Where a character cell sits: width, height and the text baseline offset, in pixels."""

    width: int
    height: int
    ascent: int


def terminal_font() -> QFont:
    """The system's fixed-pitch font, as pyte's grid needs every cell the same width."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setKerning(False)
    return font


def cell_of(font: QFont) -> Cell:
    metrics = QFontMetrics(font)
    return Cell(max(1, metrics.horizontalAdvance("M")), max(1, metrics.height()), metrics.ascent())


class CellPainter:
    """Paints rows of a pyte screen with QPainter: 256/true colours, bold, italics, underline,
    strike-through, reverse video, a selection (shown reversed) and the cursor."""

    def __init__(self, font: QFont) -> None:
        self.cell = cell_of(font)
        self._styles: dict[tuple[str, str, bool, bool, bool, bool, bool], _Style] = {}
        self._fonts: dict[tuple[bool, bool], QFont] = {}
        for bold in (False, True):
            for italic in (False, True):
                variant = QFont(font)
                variant.setBold(bold)
                variant.setItalic(italic)
                # Bold and italic faces may advance a fraction more per glyph; without this a
                # run drifts out of its cells and the next run's background cuts it off.
                advance = QFontMetricsF(variant).horizontalAdvance("M")
                variant.setLetterSpacing(
                    QFont.SpacingType.AbsoluteSpacing, self.cell.width - advance
                )
                self._fonts[(bold, italic)] = variant

    def row_rect(self, row: int, columns: int) -> QRect:
        return QRect(0, row * self.cell.height, columns * self.cell.width, self.cell.height)

    def paint_rows(
        self,
        painter: QPainter,
        screen: SafeScreen,
        rows: Iterable[int],
        selected: Callable[[int, int], bool],
        cursor: tuple[int, int] | None,
        cursor_filled: bool,
    ) -> None:
        """Paint `rows` of `screen`; `cursor` is (row, column) or None when hidden."""
        for y in rows:
            if 0 <= y < screen.lines:
                self._paint_row(painter, screen, y, selected, cursor, cursor_filled)

    def _paint_row(
        self,
        painter: QPainter,
        screen: SafeScreen,
        y: int,
        selected: Callable[[int, int], bool],
        cursor: tuple[int, int] | None,
        cursor_filled: bool,
    ) -> None:
        line = screen.buffer[y]
        cw, ch = self.cell.width, self.cell.height
        top = y * ch
        x = 0
        while x < screen.columns:
            style = self._style(line[x], selected(y, x) or (cursor == (y, x) and cursor_filled))
            end = x + 1
            while end < screen.columns:
                nxt = self._style(
                    line[end], selected(y, end) or (cursor == (y, end) and cursor_filled)
                )
                if nxt != style:
                    break
                end += 1
            self._paint_run(painter, [line[i].data for i in range(x, end)], x, top, style)
            x = end
        if cursor is not None and cursor[0] == y and not cursor_filled:
            painter.setPen(CURSOR_COLOUR)
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.drawRect(cursor[1] * cw, top, cw - 1, ch - 1)

    def _style(self, char: Char, inverted: bool) -> _Style:
        key = (char.fg, char.bg, char.bold, char.italics, char.underscore, char.strikethrough,
               char.reverse != inverted)  # fmt: skip
        style = self._styles.get(key)
        if style is None:
            fg = colour(char.fg, DEFAULT_FG, char.bold)
            bg = colour(char.bg, DEFAULT_BG)
            if char.reverse != inverted:
                fg, bg = bg, fg
            style = (fg.rgb(), bg.rgb(), *key[2:6])
            if len(self._styles) > 4096:
                self._styles.clear()  # True-colour output can make many; keep the cache bounded.
            self._styles[key] = style
        return style

    def _paint_run(
        self,
        painter: QPainter,
        chars: list[str],
        first: int,
        top: int,
        style: _Style,
    ) -> None:
        fg_rgb, bg_rgb, bold, italic, underline, strike = style
        cw, ch = self.cell.width, self.cell.height
        left = first * cw
        painter.fillRect(left, top, len(chars) * cw, ch, QColor.fromRgb(bg_rgb))
        font = self._fonts[(bold, italic)]
        font.setUnderline(underline)
        font.setStrikeOut(strike)
        painter.setFont(font)
        painter.setPen(QColor.fromRgb(fg_rgb))
        baseline = top + self.cell.ascent
        text = "".join(chars)
        if text.isascii() and len(text) == len(chars):
            if text.strip():
                painter.drawText(left, baseline, text)
            return
        # Wide and combining characters: one cell each, so the grid stays aligned.
        for i, data in enumerate(chars):
            if data.strip():
                painter.drawText(left + i * cw, baseline, data)
