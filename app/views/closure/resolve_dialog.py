"""The "Resolve…" dialog: what fixed it, a resolution code, workaround or permanent (T14)."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.closure import RESOLUTION_CODES, ClosureService
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.tickets import TicketSaved
from app.tasks import Lane, TaskRunner

from app.views.closure import closure_text
from app.views.tickets.conflict_dialog import conflict_text
from app.views.tickets.field_labels import failure_text
from app.views.tickets.form_widgets import plain_text
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


class ResolveDialog(QDialog):
    """Asks for the resolution and records it on the write lane. GUI thread only.

    Refused input is shown next to its field and the dialog stays open with what was typed;
    `resolved` carries the `TicketSaved` once the ticket is resolved, then the dialog accepts.
    """

    resolved = Signal(object)

    def __init__(
        self,
        closure: ClosureService,
        runner: TaskRunner,
        actor_id: int,
        ticket_id: int,
        expected_version: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._closure = closure
        self._runner = runner
        self._actor_id = actor_id
        self._ticket_id = ticket_id
        self._expected_version = expected_version
        self.setWindowTitle(self.tr("Resolve ticket"))

        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("Cause, what was done to fix it, and what the user should know")
        )
        self.code = QComboBox()
        self.code.addItem(self.tr("Choose…"), "")
        for code in RESOLUTION_CODES:
            self.code.addItem(closure_text.resolution_code(code), code)
        self.workaround = QCheckBox(self.tr("This is a workaround, not a permanent fix"))
        hint = QLabel(
            self.tr(
                "Where a knowledge-base article exists, link it to the ticket; an L2 fix worth"
                " keeping can be saved to the knowledge base once resolved."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.errors = {
            name: ErrorLabel() for name in ("resolution", "resolution_code", "status", "general")
        }

        form = QFormLayout()
        form.addRow(self.tr("&Resolution"), self.description)
        form.addRow("", self.errors["resolution"])
        form.addRow(self.tr("&Code"), self.code)
        form.addRow("", self.errors["resolution_code"])
        form.addRow("", self.workaround)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Resolve"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors["status"])
        layout.addWidget(self.errors["general"])
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 380)

    def error_text(self, name: str) -> str:
        """The message shown for `name` ("" when none), for tests and accessibility."""
        label = self.errors[name]
        return "" if label.isHidden() else label.text()

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self._clear_errors()
        self.ok_button.setEnabled(False)
        self._runner.run(
            partial(
                self._closure.resolve,
                self._ticket_id,
                self._expected_version,
                plain_text(self.description),
                str(self.code.currentData() or ""),
                self.workaround.isChecked(),
                self._actor_id,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_resolved,
            on_failure=self._on_failed,
        )

    def _on_resolved(self, saved: TicketSaved) -> None:
        self.ok_button.setEnabled(True)
        self.resolved.emit(saved)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationError):
            for name, code in error.problems.items():
                self.errors.get(name, self.errors["general"]).show_error(closure_text.problem(code))
        elif isinstance(error, ConcurrentEditError):
            self.errors["general"].show_error(conflict_text(error))
        else:
            log.warning("resolving ticket %s failed", self._ticket_id, exc_info=error)
            self.errors["general"].show_error(failure_text(error))

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_error()
