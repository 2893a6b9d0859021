"""The WinRM console: one PowerShell command at a time, run off the GUI thread (remote.md §6).

Every command runs in a fresh PowerShell on the host, so nothing (variables, `cd`, modules) carries
over; the header says so. Remote output is untrusted and is shown as plain text only: inserted with
`QTextCursor.insertText` (never parsed as HTML), with terminal escapes and control characters
removed first.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFontDatabase,
    QKeyEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskHandle, TaskRunner

from app.views.remote import PowerShellResult, PowerShellRunner
from app.views.remote.terminal_render import printable

log = logging.getLogger(__name__)

HEADER: Final = "Each command runs in a new PowerShell (no state kept between commands)"
#: The transcript's size cap, in UTF-8 bytes (remote.md §4.1, §6).
TRANSCRIPT_LIMIT: Final = 1024 * 1024
#: Commands remembered for Up/Down.
HISTORY_SIZE: Final = 200

STDERR_COLOUR: Final = QColor("#c62828")
PROMPT_COLOUR: Final = QColor("#1565c0")
OK_COLOUR: Final = QColor("#2e7d32")
NOTE_COLOUR: Final = QColor("#6d6d6d")

# CSI and OSC sequences, then any other escape; PowerShell 7 colours its output with them.
_ESCAPES: Final = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?")


def plain(text: object) -> str:
    """Remote output as safe plain text: escapes and control characters (but tab and newline)
    removed, line ends normalised. Bytes are decoded as UTF-8 with replacement."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", "replace")
    value = _ESCAPES.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in value if ch in "\n\t" or ch.isprintable())


class HistoryLineEdit(QLineEdit):
    """A line edit that recalls earlier commands with Up and Down, keeping the unsent draft."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: list[str] = []
        self._index = 0
        self._draft = ""

    def remember(self, command: str) -> None:
        if command and (not self.history or self.history[-1] != command):
            self.history.append(command)
            del self.history[:-HISTORY_SIZE]
        self._index = len(self.history)
        self._draft = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Up and self.history:
            if self._index == len(self.history):
                self._draft = self.text()
            self._index = max(0, self._index - 1)
            self.setText(self.history[self._index])
            return
        if key == Qt.Key.Key_Down and self._index < len(self.history):
            self._index += 1
            at_end = self._index == len(self.history)
            self.setText(self._draft if at_end else self.history[self._index])
            return
        super().keyPressEvent(event)


class WinRMConsole(QWidget):
    """Runs PowerShell through a `PowerShellRunner` on the REMOTE lane. GUI thread only.

    One command runs at a time (Run and the diagnostics buttons are disabled meanwhile). Cancel
    drops the running command's result at once and asks the runner to stop it on another worker.
    A failure is shown in the message line; the console stays usable.
    """

    #: A command's result was shown; carries the `PowerShellResult`.
    finished = Signal(object)
    #: True while a command runs.
    busy_changed = Signal(bool)

    def __init__(
        self,
        runner: PowerShellRunner,
        tasks: TaskRunner,
        *,
        diagnostics: Mapping[str, str] | None = None,
        key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`diagnostics` maps button labels to scripts; `key` orders this console's tasks on the
        REMOTE lane (normally the host, so commands never overlap on it)."""
        super().__init__(parent)
        self._runner = runner
        self._tasks = tasks
        self._key = key or f"winrm-console-{id(self)}"
        self._handle: TaskHandle | None = None
        self._running = False

        self.header = QLabel(HEADER)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: 600;")

        self.diagnostic_buttons: dict[str, QPushButton] = {}
        diag_row = QHBoxLayout()
        for label, script in (diagnostics or {}).items():
            button = QPushButton(label)
            button.setObjectName("diagnostic")
            button.setToolTip(script)
            button.clicked.connect(functools.partial(self.run_script, script, label))
            diag_row.addWidget(button)
            self.diagnostic_buttons[label] = button
        diag_row.addStretch(1)

        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.output.setUndoRedoEnabled(False)
        self.output.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.output.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.message = QLabel()
        self.message.setObjectName("consoleMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {STDERR_COLOUR.name()}; font-weight: 600;")
        self.message.hide()

        self.input = HistoryLineEdit()
        self.input.setPlaceholderText(self.tr("PowerShell command, e.g. Get-Service spooler"))
        self.input.returnPressed.connect(self.run_input)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.clicked.connect(self.run_input)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        input_row = QHBoxLayout()
        input_row.addWidget(self.input, 1)
        input_row.addWidget(self.run_button)
        input_row.addWidget(self.cancel_button)
        input_row.addWidget(self.status)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(diag_row)
        layout.addWidget(self.output, 1)
        layout.addWidget(self.message)
        layout.addLayout(input_row)
        self._set_busy(False)

    # --- running ------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._running

    def run_input(self) -> bool:
        command = self.input.text()
        if not command.strip() or self.is_busy():
            return False
        self.input.remember(command)
        self.input.clear()
        return self.run_script(command)

    def run_script(self, script: str, label: str | None = None) -> bool:
        """Run `script` (shown as `label` when given); False if busy or blank."""
        if not script.strip() or self.is_busy():
            return False
        self.show_message("")
        self._append(f"PS> {label or script}\n", PROMPT_COLOUR, bold=True)
        self._set_busy(True)
        handle = self._tasks.run(
            functools.partial(self._runner.run_ps, script),
            lane=Lane.REMOTE,
            owner=self,
            on_success=self._on_result,
            on_failure=self._on_error,
            key=self._key,
        )
        # An inline executor has already delivered the outcome (and cleared the busy state).
        if self._running:
            self._handle = handle
        return True

    def cancel(self) -> None:
        """Stop waiting for the running command and ask the host to terminate it."""
        handle = self._handle
        if not self._running or handle is None:
            return
        handle.cancel()
        self._set_busy(False)
        self._append("Cancelled.\n", NOTE_COLOUR)
        self._tasks.run(
            self._runner.cancel, lane=Lane.REMOTE, owner=self, on_failure=self._on_cancel_failed
        )

    def _on_result(self, result: PowerShellResult) -> None:
        self._set_busy(False)
        stdout = plain(result.stdout)
        stderr = plain(result.stderr)
        if stdout:
            self._append(stdout if stdout.endswith("\n") else stdout + "\n")
        if stderr:
            self._append(stderr if stderr.endswith("\n") else stderr + "\n", STDERR_COLOUR)
        if result.truncated:
            self._append("(output truncated at 1 MiB)\n", NOTE_COLOUR)
        code = int(result.exit_code)
        self._append(f"exit code {code}\n", OK_COLOUR if code == 0 else STDERR_COLOUR)
        self.finished.emit(result)

    def _on_error(self, error: BaseException) -> None:
        self._set_busy(False)
        log.info("console command failed: %s", type(error).__name__)
        self.show_message(f"The command failed: {_describe(error)}")

    def _on_cancel_failed(self, error: BaseException) -> None:
        log.info("console cancel failed: %s", type(error).__name__)
        self.show_message(f"Cancel failed: {_describe(error)}")

    def _set_busy(self, busy: bool) -> None:
        self._running = busy
        if not busy:
            self._handle = None
        self.run_button.setEnabled(not busy)
        self.input.setReadOnly(busy)
        for button in self.diagnostic_buttons.values():
            button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.status.setText("Running…" if busy else "")
        self.busy_changed.emit(busy)

    # --- output -------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _append(self, text: str, colour: QColor | None = None, bold: bool = False) -> None:
        fmt = QTextCharFormat()
        if colour is not None:
            fmt.setForeground(colour)
        if bold:
            fmt.setFontWeight(700)
        cursor = QTextCursor(self.output.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text, fmt)
        self.output.verticalScrollBar().setValue(self.output.verticalScrollBar().maximum())

    def transcript(self) -> str:
        """Commands and output as plain text, the newest 1 MiB at most."""
        text = self.output.toPlainText()
        data = text.encode("utf-8")
        if len(data) <= TRANSCRIPT_LIMIT:
            return text
        return data[-TRANSCRIPT_LIMIT:].decode("utf-8", "ignore").partition("\n")[2]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)


def _describe(error: BaseException) -> str:
    detail = printable(str(error))
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__
