"""WinRMConsole with fake runners: output, stderr, exit codes, plain text, history, cancel (§6)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.tasks import TaskRunner

from app.views.remote.winrm_console import HEADER, STDERR_COLOUR, WinRMConsole


@dataclass(frozen=True)
class Result:
    stdout: str = ""
    stderr: str = ""
    exit_code: int = 0
    truncated: bool = False


class SyncRunner:
    """Answers each script from `results` at once; raises `error` if set."""

    def __init__(self, results: dict[str, Result] | None = None) -> None:
        self.results = results or {}
        self.scripts: list[str] = []
        self.error: Exception | None = None
        self.cancels = 0

    def run_ps(self, script: str) -> Result:
        self.scripts.append(script)
        if self.error is not None:
            raise self.error
        return self.results.get(script, Result(stdout=f"ran {script}"))

    def cancel(self) -> None:
        self.cancels += 1


class SlowRunner:
    """Blocks in run_ps until cancel() (or 5 s), then returns late output nobody should see."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.cancelled = threading.Event()
        self.returned = threading.Event()

    def run_ps(self, script: str) -> Result:
        self.started.set()
        self.cancelled.wait(5)
        self.returned.set()
        return Result(stdout="late output")

    def cancel(self) -> None:
        self.cancelled.set()


@pytest.fixture
def sync_runner() -> SyncRunner:
    return SyncRunner(
        {
            "Get-Service spooler": Result(stdout="Running  spooler  Print Spooler\r\n"),
            "bad": Result(stdout="partial", stderr="Access is denied.", exit_code=5),
            "html": Result(stdout="<b>bold</b><script>alert(1)</script>&amp;", exit_code=0),
            "escapes": Result(stdout="\x1b[31mred\x1b[0m\x07 \x1b]0;title\x07ok\x00", exit_code=0),
            "big": Result(stdout="x" * 10, truncated=True),
        }
    )


@pytest.fixture
def console(qtbot, runner: TaskRunner, sync_runner: SyncRunner) -> WinRMConsole:
    widget = WinRMConsole(
        sync_runner, runner, diagnostics={"Disk space": "Get-PSDrive C", "Uptime": "uptime"}
    )
    qtbot.addWidget(widget)
    return widget


def type_and_run(qtbot, console: WinRMConsole, command: str) -> None:
    console.input.setText(command)
    qtbot.keyClick(console.input, Qt.Key.Key_Return)


def test_remote_winrm_console_header_says_stateless(console) -> None:
    assert console.header.text() == HEADER
    assert "no state kept between commands" in console.header.text()


def test_remote_winrm_console_shows_stdout_and_exit_code(qtbot, console, sync_runner) -> None:
    type_and_run(qtbot, console, "Get-Service spooler")
    assert sync_runner.scripts == ["Get-Service spooler"]
    text = console.output.toPlainText()
    assert "PS> Get-Service spooler\nRunning  spooler  Print Spooler\nexit code 0" in text
    assert console.input.text() == ""
    assert not console.is_busy() and console.run_button.isEnabled()


def test_remote_winrm_console_shows_stderr_in_red(qtbot, console) -> None:
    type_and_run(qtbot, console, "bad")
    text = console.output.toPlainText()
    assert "partial\nAccess is denied.\nexit code 5" in text
    cursor = QTextCursor(console.output.document())
    cursor.setPosition(text.index("Access is denied.") + 2)
    assert cursor.charFormat().foreground().color() == STDERR_COLOUR
    cursor.setPosition(text.index("partial") + 2)
    assert cursor.charFormat().foreground().color() != STDERR_COLOUR


def test_remote_winrm_console_shows_html_literally(qtbot, console) -> None:
    type_and_run(qtbot, console, "html")
    text = console.output.toPlainText()
    assert "<b>bold</b><script>alert(1)</script>&amp;" in text
    cursor = QTextCursor(console.output.document())
    cursor.setPosition(text.index("<b>bold") + 4)
    assert cursor.charFormat().fontWeight() < 700


def test_remote_winrm_console_strips_escapes_and_controls(qtbot, console) -> None:
    type_and_run(qtbot, console, "escapes")
    text = console.output.toPlainText()
    assert "\nred ok\n" in text
    assert "\x1b" not in text and "\x00" not in text and "title" not in text


def test_remote_winrm_console_notes_truncation(qtbot, console) -> None:
    type_and_run(qtbot, console, "big")
    assert "(output truncated at 1 MiB)" in console.output.toPlainText()


def test_remote_winrm_console_history_navigation(qtbot, console) -> None:
    for command in ("first", "second", "second", "third"):
        type_and_run(qtbot, console, command)
    assert console.input.history == ["first", "second", "third"]
    console.input.setText("draft")
    qtbot.keyClick(console.input, Qt.Key.Key_Up)
    assert console.input.text() == "third"
    qtbot.keyClick(console.input, Qt.Key.Key_Up)
    qtbot.keyClick(console.input, Qt.Key.Key_Up)
    qtbot.keyClick(console.input, Qt.Key.Key_Up)
    assert console.input.text() == "first"
    qtbot.keyClick(console.input, Qt.Key.Key_Down)
    assert console.input.text() == "second"
    qtbot.keyClick(console.input, Qt.Key.Key_Down)
    qtbot.keyClick(console.input, Qt.Key.Key_Down)
    assert console.input.text() == "draft"


def test_remote_winrm_console_diagnostic_buttons_run_their_script(
    qtbot, console, sync_runner
) -> None:
    assert set(console.diagnostic_buttons) == {"Disk space", "Uptime"}
    qtbot.mouseClick(console.diagnostic_buttons["Disk space"], Qt.MouseButton.LeftButton)
    assert sync_runner.scripts == ["Get-PSDrive C"]
    assert "PS> Disk space\nran Get-PSDrive C\nexit code 0" in console.output.toPlainText()


def test_remote_winrm_console_error_is_a_message_not_a_crash(qtbot, console, sync_runner) -> None:
    sync_runner.error = ConnectionError("host unreachable\x1b[2J")
    type_and_run(qtbot, console, "Get-Date")
    assert console.message.isVisibleTo(console)
    assert console.message.text() == "The command failed: ConnectionError: host unreachable [2J"
    assert not console.is_busy()
    sync_runner.error = None
    type_and_run(qtbot, console, "Get-Date")
    assert console.message.isHidden()
    assert "ran Get-Date" in console.output.toPlainText()


def test_remote_winrm_console_blank_command_does_nothing(qtbot, console, sync_runner) -> None:
    type_and_run(qtbot, console, "   ")
    assert sync_runner.scripts == []


@pytest.fixture
def threaded_runner(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_remote_winrm_console_cancel_while_running(qtbot, threaded_runner) -> None:
    slow = SlowRunner()
    console = WinRMConsole(slow, threaded_runner, diagnostics={"Uptime": "uptime"})
    qtbot.addWidget(console)
    with qtbot.waitSignal(console.busy_changed, check_params_cb=lambda busy: busy):
        type_and_run(qtbot, console, "Start-Sleep 60")
    qtbot.waitUntil(slow.started.is_set, timeout=5000)
    assert console.is_busy()
    assert not console.run_button.isEnabled()
    assert not console.diagnostic_buttons["Uptime"].isEnabled()
    assert console.cancel_button.isEnabled()
    assert console.status.text() == "Running…"
    assert not console.run_script("Get-Date")  # One command at a time.
    qtbot.mouseClick(console.cancel_button, Qt.MouseButton.LeftButton)
    assert not console.is_busy() and console.run_button.isEnabled()
    qtbot.waitUntil(slow.cancelled.is_set, timeout=5000)
    qtbot.waitUntil(slow.returned.is_set, timeout=5000)
    qtbot.waitUntil(lambda: threaded_runner.in_flight == 0, timeout=5000)
    text = console.output.toPlainText()
    assert "Cancelled." in text
    assert "late output" not in text


def test_remote_winrm_console_transcript_holds_commands_and_output(qtbot, console) -> None:
    type_and_run(qtbot, console, "bad")
    transcript = console.transcript()
    assert transcript.startswith("PS> bad\n")
    assert "Access is denied." in transcript
