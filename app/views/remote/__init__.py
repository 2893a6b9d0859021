"""Views for remote sessions: the embedded SSH terminal, the WinRM console and the pin dialogs.

The views hold no network code. They drive objects that satisfy the small protocols below;
`app.remote` (paramiko, pywinrm) provides the real ones and the tests provide fakes.
"""

from __future__ import annotations

from typing import Protocol


class TerminalChannel(Protocol):
    """An interactive shell channel (a paramiko `Channel` wrapper in production).

    `recv` runs on the terminal's reader thread; the other methods on the GUI thread. `close()`
    must make a blocked `recv` return (b"" or an exception), so the reader thread can end.
    """

    def recv(self, n: int) -> bytes:
        """Block until data arrives; at most `n` bytes; b"" once the remote side has closed."""
        ...

    def send(self, data: bytes) -> None:
        """Send all of `data` (keystrokes, pastes, terminal answers)."""
        ...

    def resize(self, cols: int, rows: int) -> None:
        """Tell the remote pty its new size."""
        ...

    def close(self) -> None:
        """Close the channel; idempotent."""
        ...


class PowerShellResult(Protocol):
    """What one console command produced; remote text, so untrusted."""

    @property
    def stdout(self) -> str: ...

    @property
    def stderr(self) -> str: ...

    @property
    def exit_code(self) -> int: ...

    @property
    def truncated(self) -> bool:
        """True when the output was cut at the size cap."""
        ...


class PowerShellRunner(Protocol):
    """Runs one PowerShell script per call in a fresh process (no state between calls)."""

    def run_ps(self, script: str) -> PowerShellResult:
        """Blocking; called on a worker thread."""
        ...

    def cancel(self) -> None:
        """Stop the running command, if any; called on a worker thread, may block briefly."""
        ...
