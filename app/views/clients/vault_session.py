"""The signed-in technician's vault session on the GUI side: lock state, activity and clipboard.

vault.md §7.2: the `KeyCache` locks itself when read after the idle time; `ActivityFilter` resets
that time on keyboard and mouse input, and `VaultSession` watches the cache so views learn of a
lock (Lock vault, idle, quit) through `locked`, and the clipboard is cleared if it holds our value.
The session also holds this machine's `DeviceKeychain` (remembered devices, §6.6) and whether
the automatic device unlock was already tried this run. GUI thread only.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from app.vault.keycache import KeyCache
from app.vault.keychain import DeviceKeychain
from app.vault.service import VaultService

from app.views.widgets.secure_clipboard import DEFAULT_SECONDS, SecureClipboard

#: How often the cache is asked whether it expired (a cheap in-memory check).
POLL_MS: Final = 1_000

_ACTIVITY: Final = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class ActivityFilter(QObject):
    """Application event filter: keyboard or mouse input keeps the vault from idling out."""

    def __init__(self, cache: KeyCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache = cache

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # `touch()` is a lock and a clock read; cheap enough for every input event.
        if event.type() in _ACTIVITY:
            self._cache.touch()
        return False


class VaultSession(QObject):
    """One `VaultService` for the window, its clipboard, and lock/unlock notifications."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        service: VaultService,
        parent: QObject | None = None,
        *,
        clipboard_seconds: float = DEFAULT_SECONDS,
        is_admin: bool = False,
        keychain: DeviceKeychain | None = None,
    ) -> None:
        super().__init__(parent)
        #: This machine's keychain for "Remember this device" (unavailable → the option is off).
        self.keychain = keychain if keychain is not None else DeviceKeychain()
        #: The automatic device unlock runs at most once per run, and never after a lock: a
        #: technician who locked the vault means it to stay locked.
        self.device_unlock_tried = False
        #: Offers set-up and the vault access dialog (the service checks the role again).
        self.is_admin = is_admin
        self.service = service
        self.clipboard = SecureClipboard(clipboard_seconds, self)
        self._was_unlocked = service.cache.is_unlocked
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.start()
        self.activity = ActivityFilter(service.cache, self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self.activity)
            app.aboutToQuit.connect(self.lock_now)

    @property
    def is_unlocked(self) -> bool:
        return self.service.cache.is_unlocked

    def lock_now(self) -> None:
        """Lock vault (Ctrl+L), quit: drop the keys and our clipboard value, tell the views."""
        self.service.lock()
        self.clipboard.clear_now()
        self.refresh()

    def refresh(self) -> bool:
        """Compare the cache with what the views were last told; emit (and say so) on a change."""
        now_unlocked = self.service.cache.is_unlocked
        if now_unlocked == self._was_unlocked:
            return False
        self._was_unlocked = now_unlocked
        if now_unlocked:
            self.unlocked.emit()
        else:
            self.device_unlock_tried = True
            self.clipboard.clear_now()
            self.locked.emit()
        return True
