"""Connectivity tests as the screens show them (remote.md §8): the relay that carries a running
test's progress from its worker to the GUI thread, the progress bar, and the wording of a method's
probe result and of a whole run ("Tested 3 methods: 2 OK, 1 failed at TCP (refused)").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Final

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QWidget

from app.services.connectivity import MethodStatus, ProbeFacts
from app.ui_text import ui_text

from app.views import labels
from app.views.onboarding_status.readiness_rows import method_row
from app.views.onboarding_status.rows_model import Row
from app.views.onboarding_status.texts import tr

#: Where a probe failed (`app.remote.probe.Layer`), as the technician reads it.
_LAYERS: Final[Mapping[str, str]] = {
    "dns": ui_text("DNS (name not resolved)"),
    "tcp_refused": ui_text("TCP (refused)"),
    "tcp_unreachable": ui_text("TCP (unreachable)"),
    "timeout": ui_text("time-out (no answer)"),
    "wrong_protocol": ui_text("the protocol hello"),
    "tls": ui_text("TLS"),
    "cancelled": ui_text("cancelled"),
}


class ProgressRelay(QObject):
    """Carries `ConnectivityTester.test`'s `progress(done, total)` to the GUI thread.

    Made on the GUI thread without a parent and held by the task's function, which the runner
    releases on the GUI thread, so it is never deleted by a worker. `report` may be called from
    any thread: `step` is queued to receivers living on the GUI thread.
    """

    step = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        self.step.emit(done, total)


class ProbeProgressBar(QProgressBar):
    """ "Testing 3 of 10…" while a run is on; hidden at its end, or "Cancelled" after a cancel.

    Busy (no count) until the first method's result: the total is known only on the worker.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probeProgress")
        self._done = 0
        self._total = 0
        #: True from `begin()` until a cancel or the end: later progress is not shown.
        self._counting = False
        self.hide()

    @property
    def done(self) -> int:
        return self._done

    def begin(self) -> None:
        self._done = self._total = 0
        self._counting = True
        self.setRange(0, 0)
        self.setFormat(tr("Testing remote methods…"))
        self.show()

    @Slot(int, int)
    def advance(self, done: int, total: int) -> None:
        if not self._counting:
            return
        self._done, self._total = done, total
        self.setRange(0, max(total, 1))
        self.setValue(done)
        self.setFormat(tr("Testing {0} of {1}…").format(done, total))

    def cancelling(self) -> None:
        self._counting = False
        self.setFormat(tr("Cancelling…"))

    def finish(self, *, cancelled: bool) -> None:
        """The run ended: hide, or say it was cancelled and how far it got."""
        self._counting = False
        if not cancelled:
            self.hide()
            return
        self.setRange(0, max(self._total, 1))
        self.setValue(self._done)
        if self._total:
            text = tr("Cancelled: {0} of {1} tested").format(self._done, self._total)
        else:
            text = tr("Cancelled")
        self.setFormat(text)


def layer_text(layer: str | None) -> str:
    if layer is None:
        return ""
    return tr(_LAYERS[layer]) if layer in _LAYERS else layer


def probe_head(probe: ProbeFacts) -> str:
    """ "OK", "Warning at the protocol hello", "Failed at TCP (refused)"."""
    if probe.outcome == "ok":
        return tr("OK")
    if probe.outcome == "warning":
        return tr("Warning at {0}").format(layer_text(probe.layer))
    return tr("Failed at {0}").format(layer_text(probe.layer))


def tested_method_row(m: MethodStatus) -> Row:
    """`method_row`, with an automatic test's failing layer and latency in its detail and the
    stamped "Last verified … by …" line as its tooltip."""
    row = method_row(m)
    probe = m.probe
    if probe is None:
        return row
    head = probe_head(probe)
    detail = f"{head} — {probe.summary}" if probe.summary else head
    stamped = tr("Last verified {0} by {1}: {2}").format(
        labels.local_datetime(m.checked_at), m.checked_by or tr("someone"), detail
    )
    tone = {"ok": "good", "warning": "warn"}.get(probe.outcome, "bad")
    result = tr("Warning") if probe.outcome == "warning" else row.cells[2]
    cells = (*row.cells[:2], result, *row.cells[3:5], detail)
    return replace(row, cells=cells, cell_tones=("", "", tone, "", "", tone), tooltip=stamped)


def run_summary(statuses: Sequence[MethodStatus], keys: Collection[str]) -> str:
    """One line for a run over `keys`: "Tested 3 methods: 2 OK, 1 failed at TCP (refused)"."""
    tested = [m for m in statuses if m.method_key in keys]
    # (order, phrase with {0} for the count, argument): OK first, then by what went wrong.
    groups: Counter[tuple[int, str, str]] = Counter()
    for m in tested:
        if m.outcome is None:
            groups[(3, tr("{0} not tested"), "")] += 1
        elif m.probe is not None and m.probe.outcome != "ok":
            phrase = (
                tr("{0} warning at {1}")
                if m.probe.outcome == "warning"
                else tr("{0} failed at {1}")
            )
            groups[(1, phrase, layer_text(m.probe.layer))] += 1
        elif m.outcome == "ok":
            groups[(0, tr("{0} OK"), "")] += 1
        else:
            # No probe ran: the stored address itself was refused ("invalid host").
            groups[(2, tr("{0} failed ({1})"), m.detail)] += 1
    parts = ", ".join(
        phrase.format(count, arg) for (_order, phrase, arg), count in sorted(groups.items())
    )
    if len(tested) == 1:
        return tr("Tested 1 method: {0}").format(parts)
    return tr("Tested {0} methods: {1}").format(len(tested), parts)
