"""The ticket's Connect menu: the client's remote methods, one click each (remote.md §7).

Records come first (RDP in this platform's client, SSH in the app or the system terminal, the
WinRM console), then VPN and client-tool instructions, which open as text. The list is read on
the read lane whenever the menu opens, so a method added meanwhile appears next time.
GUI thread only.
"""

from __future__ import annotations

import sys
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from app.services.remote_launch import rdp_method
from app.services.remote_records import ConnectOptions, Instruction, RecordView
from app.tasks import Lane, TaskRunner

from app.views.remote.launcher import RemoteLauncher, error_text


def methods_for(record: RecordView, platform: str = sys.platform) -> list[tuple[str, str]]:
    """(method, menu text) for a record on this platform."""
    cred = f" as {record.credential_label}" if record.credential_label else ""
    if record.protocol == "rdp":
        return [(rdp_method(platform), f"{record.title}{cred}")]
    if record.protocol == "ssh":
        return [
            ("ssh-embedded", f"{record.title}{cred} — in the app"),
            ("ssh-system", f"{record.title}{cred} — system terminal"),
        ]
    return [("winrm-console", f"{record.title}{cred} — PowerShell console")]


class ConnectButton(QToolButton):
    def __init__(
        self,
        launcher: RemoteLauncher,
        runner: TaskRunner,
        *,
        can_launch: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._launcher = launcher
        self._runner = runner
        self._can_launch = can_launch
        self._ticket_id: int | None = None
        self._client_id: int | None = None
        self.options: ConnectOptions | None = None
        self.setText(self.tr("Connect"))
        self.setToolTip(self.tr("Open a remote session to the client with its stored credential"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.menu_.aboutToShow.connect(self.reload)
        self.setMenu(self.menu_)
        self.setEnabled(False)
        self._fill_placeholder(self.tr("Loading…"))

    def set_context(self, ticket_id: int, client_id: int) -> None:
        self._ticket_id = ticket_id
        if client_id != self._client_id:
            self._client_id = client_id
            self.options = None
            self.reload()
        self.setEnabled(True)

    def reload(self) -> None:
        if self._client_id is None:
            return
        self._runner.run(
            partial(self._launcher.sessions.options, self._client_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._fill,
            on_failure=lambda e: self._fill_placeholder(error_text(e)),
        )

    def _fill_placeholder(self, text: str) -> None:
        self.menu_.clear()
        self.menu_.addAction(text).setEnabled(False)

    def _fill(self, options: ConnectOptions) -> None:
        self.options = options
        self.menu_.clear()
        if not options.records and not options.instructions:
            self._fill_placeholder(
                self.tr("No remote methods recorded: fill in the client's Remote connectivity")
            )
            return
        for record in options.records:
            for method, text in methods_for(record):
                action = self.menu_.addAction(text)
                tip = record.last_verified
                action.setToolTip(f"{tip}\nOptions: {record.options}" if record.options else tip)
                action.setEnabled(self._can_launch)
                action.triggered.connect(partial(self.launch, record, method))
        if options.records and options.instructions:
            self.menu_.addSeparator()
        for note in options.instructions:
            self.menu_.addAction(note.title + "…").triggered.connect(
                partial(self.show_instruction, note)
            )
        pinned = [r for r in options.records if r.pinned]
        if self._launcher.is_admin and pinned:
            # remote.md §5: a changed key is never overridden at connect time; an administrator
            # forgets the old pin (with a reason, audited) after checking with the client.
            forget = self.menu_.addMenu(self.tr("Forget host key / certificate"))
            for record in pinned:
                forget.addAction(record.title + "…").triggered.connect(
                    partial(self._launcher.forget_pins, self.window(), record)
                )
        self.menu_.setToolTipsVisible(True)

    def launch(self, record: RecordView, method: str) -> None:
        self._launcher.launch(self.window(), self._ticket_id, record, method)

    def show_instruction(self, note: Instruction) -> None:
        box = QMessageBox(self.window())
        box.setWindowTitle(note.title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        cred = self.tr("\n\nCredential: {0} (reveal it on the client's Credentials tab)").format(
            note.credential_label
        )
        box.setText((note.text or self.tr("No instructions recorded.")) + (
            cred if note.credential_label else ""))  # fmt: skip
        box.exec()
