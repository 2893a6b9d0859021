"""Tells the user where a crash report went: a message box on the GUI thread, from any thread.

`install_crash_notice(logs_dir, parent)` installs the crash handler of
`app.services.crash_report` and shows "A crash report was written to …" after each report. The
handler may run on a worker thread: the path travels to the GUI thread through a queued signal.
The notice never raises (an exception here would crash again): a second crash while the box is
open updates its text instead of stacking boxes.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.crash_report import CrashReporter, install_crash_handler

log = logging.getLogger(__name__)


class CrashNotice(QObject):
    """Shows the newest crash report's path. Lives on the GUI thread; `post()` is thread-safe."""

    #: A report was written; carries its path as text (emitted from any thread).
    report_written = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = parent
        #: The box currently shown (None once closed).
        self.box: QMessageBox | None = None
        self.report_written.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def post(self, path: Path) -> None:
        """Queue the notice for `path` (any thread)."""
        with contextlib.suppress(RuntimeError):  # the notice was deleted at shutdown
            self.report_written.emit(str(path))

    @Slot(str)
    def _show(self, path: str) -> None:
        try:
            text = self.tr(
                "Something went wrong and MSP Helpdesk could not finish what it was doing.\n\n"
                "A crash report was written to:\n{0}\n\n"
                "Passwords in it are masked. Send it to your administrator if this happens again."
            ).format(path)
            if self.box is None:
                box = QMessageBox(self._window)
                box.setIcon(QMessageBox.Icon.Warning)
                box.setWindowTitle(self.tr("MSP Helpdesk crash report"))
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.destroyed.connect(self._on_box_destroyed)
                self.box = box
            self.box.setText(text)
            # Not exec(): a nested event loop inside a crash path invites a second crash.
            self.box.show()
        except Exception:
            log.exception("could not show the crash notice")

    def _on_box_destroyed(self, *_args: object) -> None:
        self.box = None


def install_crash_notice(
    logs_dir: Path, parent: QWidget | None = None
) -> tuple[CrashReporter, CrashNotice]:
    """Install the crash handler with a notice shown over `parent` (GUI thread)."""
    notice = CrashNotice(parent)
    reporter = install_crash_handler(logs_dir, on_report=notice.post)
    return reporter, notice
