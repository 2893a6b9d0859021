"""The data-capture form's automatic connectivity test (remote.md §8: "after a remote-access record
is first saved in data capture"): once the remote section is saved, its RDP, SSH and WinRM methods
that are new or point somewhere else are probed on the remote lane, and the page says how it went
in one line ("Tested 3 methods: 2 OK, 1 failed at TCP (refused)").
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any, Final

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from app.services.connectivity import ConnectivityTester, MethodStatus
from app.services.onboarding_spec import ROW_KEY
from app.tasks import Lane, TaskRunner

from app.views.onboarding.texts import tr
from app.views.onboarding_status.probe_progress import ProgressRelay, run_summary
from app.views.onboarding_status.texts import TONES

log = logging.getLogger(__name__)

#: The remote tables a probe can test (the others are instructions for a person).
_TESTED: Final = ("rdp", "ssh", "winrm")


def moved_methods(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> set[str]:
    """Keys of the testable methods in `after` that are new or whose address changed since
    `before` (host, port, WinRM transport): the ones whose old result says nothing any more."""
    found: set[str] = set()
    for kind in _TESTED:
        old = {row.get(ROW_KEY): _where(row) for row in (before or {}).get(kind, [])}
        for row in (after or {}).get(kind, []):
            key = row.get(ROW_KEY)
            if isinstance(key, str) and old.get(key) != _where(row):
                found.add(key)
    return found


def _where(row: Mapping[str, Any]) -> tuple[str, str, str]:
    return (
        str(row.get("host") or "").strip().lower(),
        str(row.get("port") or ""),
        str(row.get("transport") or ""),
    )


class RemoteAutoTest(QObject):
    """Runs the form's automatic test and shows its line on the remote page. GUI thread only.

    `label` is the line under the page's header; it shows "Testing 1 of 3…" while probes run
    and the result after. A newer save or another client drops an older run's result.
    """

    #: A run ended and its line is shown; carries the line.
    finished = Signal(str)

    def __init__(
        self,
        tester: ConnectivityTester,
        runner: TaskRunner,
        me_id: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tester = tester
        self._runner = runner
        self._me_id = me_id
        self._seq = 0
        self._cancel: threading.Event | None = None
        #: The running test's relay: progress from an older, dropped run is ignored.
        self._relay: ProgressRelay | None = None
        self.label = QLabel()
        self.label.setObjectName("remoteTestResult")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.hide()

    def attach(self, page: QWidget, below: QWidget) -> None:
        """Put the line on `page`, under its widget `below` (the saved-by line)."""
        layout = page.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(below) + 1, self.label)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(
        self, client_id: int, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
    ) -> None:
        """The remote section was saved from `before` to `after`: test what moved or is new."""
        keys = moved_methods(before, after)
        self.stop()
        if not keys:
            return
        self._seq += 1
        cancel = threading.Event()
        self._cancel = cancel
        relay = ProgressRelay()
        relay.step.connect(self._on_progress)
        self._relay = relay
        self._show(tr("Testing the new or changed remote methods…"), "")
        self._runner.run(
            partial(
                self._tester.test, client_id, self._me_id, frozenset(keys), cancel, relay.report
            ),
            lane=Lane.REMOTE,
            owner=self,
            key=f"client:{client_id}",
            on_success=partial(self._on_tested, self._seq, keys),
            on_failure=partial(self._on_failed, self._seq),
        )

    def stop(self) -> None:
        """Forget the current run (another client, or a newer save): cancel it, hide the line."""
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
        self._relay = None
        self._seq += 1
        self.label.hide()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._relay is not None and self.sender() is self._relay:
            self._show(tr("Testing {0} of {1}…").format(done, total), "")

    def _on_tested(self, seq: int, keys: set[str], statuses: Sequence[MethodStatus]) -> None:
        if seq != self._seq:
            return
        self._cancel = self._relay = None
        line = run_summary(statuses, keys)
        tested = [m for m in statuses if m.method_key in keys]
        self._show(line, "good" if all(m.outcome == "ok" for m in tested) else "bad")
        self.finished.emit(line)

    def _on_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._seq:
            return
        self._cancel = self._relay = None
        log.info("the automatic connectivity test failed: %s", type(error).__name__)
        line = tr("The remote methods could not be tested (%1).").replace(
            "%1", type(error).__name__
        )
        self._show(line, "bad")
        self.finished.emit(line)

    def _show(self, text: str, tone: str) -> None:
        self.label.setText(text)
        colour = TONES.get(tone)
        self.label.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")
        self.label.show()
