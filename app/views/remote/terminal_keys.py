"""What the terminal sends for keys and pastes: xterm's byte sequences (cursor, function and
control keys, DECCKM application cursor mode) and pasted text cleaned of control characters.
Pure functions over Qt key codes; any thread."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt

#: DEC private mode numbers the keyboard and paste code look at.
APP_CURSOR: Final = 1
BRACKETED_PASTE: Final = 2004

_K = Qt.Key
_CURSOR_KEYS: Final[dict[int, str]] = {
    _K.Key_Up: "A", _K.Key_Down: "B", _K.Key_Right: "C", _K.Key_Left: "D",
    _K.Key_Home: "H", _K.Key_End: "F",
}  # fmt: skip
_SS3_KEYS: Final[dict[int, str]] = {_K.Key_F1: "P", _K.Key_F2: "Q", _K.Key_F3: "R", _K.Key_F4: "S"}
_TILDE_KEYS: Final[dict[int, int]] = {
    _K.Key_Insert: 2, _K.Key_Delete: 3, _K.Key_PageUp: 5, _K.Key_PageDown: 6,
    _K.Key_F5: 15, _K.Key_F6: 17, _K.Key_F7: 18, _K.Key_F8: 19,
    _K.Key_F9: 20, _K.Key_F10: 21, _K.Key_F11: 23, _K.Key_F12: 24,
}  # fmt: skip
_CTRL_SYMBOLS: Final[dict[int, int]] = {
    _K.Key_Space: 0, _K.Key_At: 0, _K.Key_BracketLeft: 27, _K.Key_Backslash: 28,
    _K.Key_BracketRight: 29, _K.Key_AsciiCircum: 30, _K.Key_Underscore: 31,
}  # fmt: skip
_M = Qt.KeyboardModifier


def key_bytes(
    key: int, modifiers: Qt.KeyboardModifier, text: str, app_cursor: bool = False
) -> bytes | None:
    """What xterm sends for a key press, or None for keys the terminal does not send.

    `app_cursor` is DECCKM (the remote asked for SS3 cursor keys, as vim and less do).
    """
    shift = bool(modifiers & _M.ShiftModifier)
    alt = bool(modifiers & _M.AltModifier)
    ctrl = bool(modifiers & _M.ControlModifier)
    mod = 1 + shift + 2 * alt + 4 * ctrl
    prefix = "\x1b" if alt else ""
    if key in _CURSOR_KEYS:
        final = _CURSOR_KEYS[key]
        if mod > 1:
            return f"\x1b[1;{mod}{final}".encode()
        return ("\x1bO" if app_cursor else "\x1b[").encode() + final.encode()
    if key in _SS3_KEYS:
        final = _SS3_KEYS[key]
        return (f"\x1b[1;{mod}{final}" if mod > 1 else f"\x1bO{final}").encode()
    if key in _TILDE_KEYS:
        number = _TILDE_KEYS[key]
        return (f"\x1b[{number};{mod}~" if mod > 1 else f"\x1b[{number}~").encode()
    simple: dict[int, str] = {
        _K.Key_Return: "\r",
        _K.Key_Enter: "\r",
        _K.Key_Backspace: "\x08" if ctrl else "\x7f",
        _K.Key_Tab: "\t",
        _K.Key_Backtab: "\x1b[Z",
        _K.Key_Escape: "\x1b",
    }
    if key in simple:
        return (prefix + simple[key]).encode()
    if ctrl and _K.Key_A <= key <= _K.Key_Z:
        return (prefix + chr(key - _K.Key_A + 1)).encode()
    if ctrl and key in _CTRL_SYMBOLS:
        return (prefix + chr(_CTRL_SYMBOLS[key])).encode()
    if text and text.isprintable():
        return (prefix + text).encode()
    return None


def clean_paste(text: str) -> str:
    """Pasted text as the terminal sends it: newlines as CR, other control characters dropped.

    Dropping ESC also stops a crafted clipboard from ending a bracketed paste early.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable() or ch == " ")
    return kept.replace("\n", "\r")
