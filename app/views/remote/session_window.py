"""The window holding embedded remote sessions: one tab per SSH terminal or WinRM console.

Closing a tab ends its session (the terminal closes its channel; the console cancels its running
command and is deleted, which the launcher takes as the end). Closing the window closes every
tab. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.tasks import TaskRunner

from app.views.remote import PowerShellRunner, TerminalChannel
from app.views.remote.terminal_widget import TerminalWidget
from app.views.remote.winrm_console import WinRMConsole
from app.views.tones import Tone, tone_css


class SessionWindow(QWidget):
    #: *Attach transcript to ticket* on the current tab: carries its terminal or console.
    attach_requested = Signal(QWidget)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("Remote sessions — MSP Helpdesk"))
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.attach_button = QPushButton(self.tr("Attach transcript to ticket"))
        self.attach_button.setToolTip(
            self.tr("Add this session's scrollback or commands to the ticket's timeline (opt-in)")
        )
        self.attach_button.clicked.connect(self._attach_current)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.attach_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)
        self.resize(1000, 640)

    def _attach_current(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is not None:
            self.attach_requested.emit(widget)

    def add_terminal(self, title: str, channel: TerminalChannel) -> TerminalWidget:
        terminal = TerminalWidget(channel, cols=100, rows=30)
        self._add(terminal, title)
        terminal.setFocus()
        return terminal

    def add_console(
        self,
        title: str,
        client: PowerShellRunner,
        diagnostics: Mapping[str, str],
        key: str,
        *,
        verified: bool,
    ) -> WinRMConsole:
        console = WinRMConsole(client, self._runner, diagnostics=diagnostics, key=key)
        if not verified:
            # WinRM over HTTP has no server identity to pin (remote.md §5).
            warning = QLabel(self.tr("Server identity not verified (WinRM over HTTP)."))
            warning.setObjectName("identityWarning")
            warning.setStyleSheet(tone_css(Tone.WARNING))
            layout = console.layout()
            if layout is not None:
                layout.addWidget(warning)
        self._add(console, title)
        return console

    def _add(self, widget: QWidget, title: str) -> None:
        index = self.tabs.addTab(widget, title)
        self.tabs.setCurrentIndex(index)

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None:
            return
        if isinstance(widget, TerminalWidget) and not widget.is_closed:
            widget.close_session()
        elif isinstance(widget, WinRMConsole):
            # A running command would keep the host's PowerShell going after the tab is gone,
            # and the client's close (queued behind it on the host's lane) would wait for it.
            widget.cancel()
        self.tabs.removeTab(index)
        widget.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        while self.tabs.count():
            self.close_tab(0)
        super().closeEvent(event)
