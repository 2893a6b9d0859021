"""The signed-in technician's vault session on the GUI side: lock state, activity and clipboard.

vault.md §7.2: the `KeyCache` locks itself when read after the idle time; `ActivityFilter` resets
that time on keyboard and mouse input, and `VaultSession` watches the cache so views learn of a
lock (Lock vault, idle, quit) through `locked`, and the clipboard is cleared if it holds our value.
The session also holds this machine's `DeviceKeychain` (remembered devices, §6.6) and whether
the automatic device unlock was already tried this run.

Vault-wide settings (§11 clipboard time, §7.2 idle time) arrive with each load of the vault state
(`apply_policy`). After an audited action the views call `note_audited`: the (id, row_hash) of
the technician's last audit row is kept in the local `Settings` per database (§9 local anchors)
and handed to "Verify audit chain" by `audit_anchor()`. GUI thread only.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from app.services.vault_settings import (
    CLIPBOARD_SECONDS_RANGE,
    IDLE_LOCK_MINUTES_RANGE,
    AnchorUpdate,
    AuditAnchor,
    VaultPolicy,
    VaultSettingsService,
)
from app.settings import Settings
from app.tasks import Lane, TaskRunner
from app.vault.keycache import KeyCache
from app.vault.keychain import DeviceKeychain
from app.vault.service import VaultService

from app.views.widgets.secure_clipboard import DEFAULT_SECONDS, SecureClipboard

log = logging.getLogger(__name__)

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
    #: The previous local anchor is no longer in the audit log as it was written (§9): the log
    #: was rewritten. The old anchor is kept so "Verify audit chain" reports it.
    anchor_broken = Signal()

    def __init__(
        self,
        service: VaultService,
        parent: QObject | None = None,
        *,
        clipboard_seconds: float | None = None,
        is_admin: bool = False,
        keychain: DeviceKeychain | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        #: Local settings holding the audit anchors; None keeps no anchor (tests, screenshots).
        self.settings = settings
        #: Reads and (admins) changes the vault-wide settings, reads the audit anchor.
        self.settings_service = VaultSettingsService.of(service)
        #: The vault-wide settings as last loaded; None before the first load or set-up.
        self.policy: VaultPolicy | None = None
        #: This machine's keychain for "Remember this device" (unavailable → the option is off).
        self.keychain = keychain if keychain is not None else DeviceKeychain()
        #: The automatic device unlock runs at most once per run, and never after a lock: a
        #: technician who locked the vault means it to stay locked.
        self.device_unlock_tried = False
        #: Offers set-up and the vault access dialog (the service checks the role again).
        self.is_admin = is_admin
        self.service = service
        #: A fixed clipboard time given by the caller wins over the vault's setting.
        self._fixed_clipboard = clipboard_seconds is not None
        self.clipboard = SecureClipboard(
            DEFAULT_SECONDS if clipboard_seconds is None else clipboard_seconds, self
        )
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

    # --- vault-wide settings and the local audit anchor ----------------------------------------

    def apply_policy(self, policy: VaultPolicy | None) -> None:
        """Use the vault's clipboard and idle times (clamped to their ranges: the row is
        writable by anyone with database access). A `clipboard_seconds` given to the
        constructor stays fixed."""
        if policy is None:
            return
        self.policy = policy
        if not self._fixed_clipboard:
            self.clipboard.set_seconds(_clamp(policy.clipboard_seconds, CLIPBOARD_SECONDS_RANGE))
        self.service.cache.set_idle_minutes(
            _clamp(policy.idle_lock_minutes, IDLE_LOCK_MINUTES_RANGE)
        )

    def audit_anchor(self) -> tuple[int, bytes] | None:
        """(id, row_hash) of the last audit row this workstation wrote to this database."""
        if self.settings is None or self.policy is None:
            return None
        return self.settings.vault_anchors.get(self.policy.database_uuid)

    def note_audited(self, runner: TaskRunner) -> None:
        """After an audited action of ours: move the local anchor to our last audit row (a read
        on the read lane; the anchor is stored back here on the GUI thread)."""
        if self.settings is None:
            return
        if self.policy is None:
            runner.run(
                self.settings_service.policy,
                lane=Lane.READ,
                owner=self,
                on_success=lambda p: self._on_policy_for_anchor(runner, p),
                on_failure=self._on_anchor_failed,
            )
            return
        database_uuid = self.policy.database_uuid
        current = self.audit_anchor()
        previous = None if current is None else AuditAnchor(*current)
        runner.run(
            lambda: self.settings_service.advance_anchor(previous),
            lane=Lane.READ,
            owner=self,
            on_success=lambda u: self._on_anchor_advanced(database_uuid, u),
            on_failure=self._on_anchor_failed,
        )

    def _on_policy_for_anchor(self, runner: TaskRunner, policy: VaultPolicy | None) -> None:
        if policy is not None:
            self.apply_policy(policy)
            self.note_audited(runner)

    def _on_anchor_advanced(self, database_uuid: str, update: AnchorUpdate) -> None:
        if self.settings is None:
            return
        if update.previous_intact is False:
            log.warning("the vault audit log no longer holds this workstation's anchor row")
            self.anchor_broken.emit()
            return
        new = update.anchor
        if new is None:
            return
        current = self.settings.vault_anchors.get(database_uuid)
        if current is not None and new.row_id <= current[0]:
            return  # a later update already moved it on
        self.settings.vault_anchors.set(database_uuid, new.row_id, new.row_hash)

    def _on_anchor_failed(self, error: BaseException) -> None:
        log.warning("the local audit anchor could not be updated: %s", type(error).__name__)

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


def _clamp(value: int, allowed: range) -> int:
    return min(max(value, allowed.start), allowed.stop - 1)
