"""Guards against Qt binding releases that break the interpreter under this app's load."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_keeps_the_reference_count_of_true(qapp) -> None:
    # PySide6 6.12.0 on CPython 3.11 lost one reference to True per emit() and aborted the
    # process after a few hundred; the app emits thousands of signals an hour.
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(5_000):
        emitter.fired.emit(i)
    emitter.fired.disconnect(received.append)
    assert len(received) == 5_000
    assert abs(sys.getrefcount(True) - before) < 100
