"""The crash notice: a crash on a worker thread shows the report's path on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.views.crash_notice import install_crash_notice

SECRET = "notice-hunter2"


def crash(message: str) -> None:
    raise RuntimeError(message)


def test_a_thread_crash_shows_one_box_with_the_newest_path(qtbot, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    reporter, notice = install_crash_notice(tmp_path / "logs", window)
    try:
        thread = threading.Thread(target=crash, args=(f"password={SECRET}",))
        thread.start()
        thread.join()
        first = reporter.last_report
        assert first is not None and notice.box is None  # queued: not shown from the thread
        qtbot.waitUntil(lambda: notice.box is not None and notice.box.isVisible(), timeout=2000)
        box = notice.box
        assert box is not None
        assert str(first) in box.text() and SECRET not in box.text()

        thread = threading.Thread(target=crash, args=("again",))
        thread.start()
        thread.join()
        second = reporter.last_report
        assert second is not None and second != first
        qtbot.waitUntil(lambda: str(second) in box.text(), timeout=2000)
        assert notice.box is box  # updated, not stacked
        box.close()
        qtbot.waitUntil(lambda: notice.box is None, timeout=2000)
    finally:
        reporter.uninstall()
