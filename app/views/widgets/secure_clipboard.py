"""Copy a secret to the clipboard, hidden from clipboard managers, then clear it (vault.md §11).

The clipboard gets the text plus the markers that keep it out of clipboard history and sync:

- Windows: `ExcludeClipboardContentFromMonitorProcessing`, `CanIncludeInClipboardHistory` = 0 and
  `CanUploadToCloudClipboard` = 0, as Qt's raw Windows formats;
- KDE (Klipper): `x-kde-passwordManagerHint` = `secret`;
- macOS: `application/x-nspasteboard-concealed-type` (Qt still maps it to its `anymime` UTI; a
  `QUtiMimeConverter` for `org.nspasteboard.ConcealedType` is still to do, see vault.md §11).

Only a SHA-256 of the copied text is kept, never the text: the clipboard is cleared after the
timeout, on `clear_now()` (lock, quit) — and only while it still holds our value, so whatever the
user copied since is left alone. GUI thread only.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from app.vault.secret import Secret

#: vault.md §11: clear after 30 s by default (the setting ranges 10–120 s).
DEFAULT_SECONDS: Final = 30.0

_DWORD_ZERO: Final = b"\0\0\0\0"


def _windows(name: str) -> str:
    return f'application/x-qt-windows-mime;value="{name}"'


#: Marker formats and their data; the concealed-type value is filled with the text itself.
WINDOWS_MARKERS: Final = (
    _windows("ExcludeClipboardContentFromMonitorProcessing"),
    _windows("CanIncludeInClipboardHistory"),
    _windows("CanUploadToCloudClipboard"),
)
KDE_MARKER: Final = "x-kde-passwordManagerHint"
MAC_CONCEALED: Final = "application/x-nspasteboard-concealed-type"


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class SecureClipboard(QObject):
    """The app's one way to put a secret on the system clipboard."""

    #: Our value was removed from the clipboard (timeout, lock or quit).
    cleared = Signal()

    def __init__(
        self,
        seconds: float = DEFAULT_SECONDS,
        parent: QObject | None = None,
        clipboard: QClipboard | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._seconds = seconds
        #: SHA-256 of the text we put there; None when we hold nothing.
        self._ours: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def seconds(self) -> float:
        return self._seconds

    def set_seconds(self, seconds: float) -> None:
        """Use `seconds` for later copies (the vault's `clipboard_seconds`); a pending clear
        keeps its time."""
        if seconds <= 0:
            raise ValueError("the clipboard timeout must be positive")
        self._seconds = float(seconds)

    def copy_secret(self, secret: Secret) -> None:
        """Put `secret` on the clipboard with the concealment markers; clear it after `seconds`."""
        text = secret.reveal_text()
        mime = QMimeData()
        mime.setText(text)
        for name in WINDOWS_MARKERS:
            mime.setData(name, _DWORD_ZERO)
        mime.setData(KDE_MARKER, b"secret")
        mime.setData(MAC_CONCEALED, text.encode("utf-8"))
        self._ours = _digest(text)
        del text
        self._board().setMimeData(mime)  # the clipboard takes ownership of `mime`
        self._timer.start(max(0, round(self._seconds * 1000)))

    def holds_ours(self) -> bool:
        """Whether the clipboard still holds the value we copied (compared by digest)."""
        if self._ours is None:
            return False
        return hmac.compare_digest(_digest(self._board().text()), self._ours)

    def clear_now(self) -> None:
        """Clear the clipboard if it still holds our value; forget the value either way."""
        self._timer.stop()
        ours = self.holds_ours()
        self._ours = None
        if ours:
            self._board().clear()
            self.cleared.emit()

    def remaining_ms(self) -> int:
        """Time until the automatic clear (0 when nothing is pending)."""
        return self._timer.remainingTime() if self._timer.isActive() else 0

    def _on_timer_timeout(self) -> None:
        self.clear_now()

    def _board(self) -> QClipboard:
        return self._clipboard or QGuiApplication.clipboard()
