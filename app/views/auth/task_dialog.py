"""A dialog that submits one write-lane task at a time and shows it is busy meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from app.tasks import Lane, TaskHandle, TaskRunner


class TaskDialog(QDialog):
    """Base of the auth dialogs: `_submit` runs one call on the write lane at a time.

    GUI thread only. While the call runs, `_set_busy(True)` lets the subclass disable its inputs;
    the outcome comes back on the GUI thread. Rejecting the dialog (Cancel, Escape, closing it)
    while busy cancels the call's callbacks, so a late success never accepts a dialog the user
    already dismissed.
    """

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        #: The running call, for cancelling it; None once it came back.
        self._task: TaskHandle | None = None

    def is_busy(self) -> bool:
        """True while a submitted call has not come back."""
        return self._busy

    def _submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Run `fn` on the write lane; then leave the busy state and call one of the callbacks."""
        if self._busy:
            return
        # Busy before `run()`: the tests' inline runner delivers before `run()` returns.
        self._busy = True
        self._set_busy(True)
        self.setCursor(Qt.CursorShape.BusyCursor)
        handle = self._runner.run(
            fn,
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda value: self._finish(on_success, value),
            on_failure=lambda error: self._finish(on_failure, error),
        )
        if self._busy:
            self._task = handle

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        self._leave_busy()
        callback(value)

    def _leave_busy(self) -> None:
        self._busy = False
        self._task = None
        self.unsetCursor()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        """Enable or disable the inputs; subclasses override."""

    def _grow_to_fit(self) -> None:
        """Make the window tall enough for error lines that just appeared.

        A top-level window does not grow by itself when its content does, and the layout's
        minimum size ignores the height of word-wrapped labels, so the fields would be squashed.
        """
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        height = self.heightForWidth(self.width()) if self.hasHeightForWidth() else -1
        needed = max(height, self.sizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def reject(self) -> None:
        if self._busy:
            if self._task is not None:
                self._task.cancel()
            self._leave_busy()
        super().reject()
