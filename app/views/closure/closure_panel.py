"""The ticket dialog's "Resolution" tab: the resolution, the confirmation with the requester and
the CSAT survey, with the "Resolve…", "Close…" and "Reopen…" buttons."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Role, Status
from app.services.closure import ClosureService, ClosureState
from app.services.directory import TechnicianRow
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.tickets import TicketDetail, TicketSaved
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.closure import closure_text
from app.views.closure.close_dialog import CloseDialog
from app.views.closure.resolve_dialog import ResolveDialog
from app.views.tickets.conflict_dialog import conflict_text
from app.views.tickets.ticket_panel import TicketPanel, TicketPanelFactory
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ClosurePanel(TicketPanel):
    """Shows and drives a ticket's closure. GUI thread only; reads and writes on the lanes.

    The buttons follow the ticket's status: Resolve… while open, Close… once resolved, Reopen…
    once resolved or closed. Read-only accounts see the tab without the buttons enabled.
    """

    def __init__(
        self,
        closure: ClosureService,
        runner: TaskRunner,
        me: TechnicianRow,
        ticket_id: int,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(ticket_id, parent)
        self.title = self.tr("Resolution")
        self._closure = closure
        self._runner = runner
        self._me = me
        self._now = now or _utc_now
        self._can_edit = me.role is not Role.READ_ONLY
        self._detail: TicketDetail | None = None
        #: The closure facts as last read; None until loaded.
        self.state: ClosureState | None = None
        #: The dialog opened last by a button (kept so it is not garbage collected).
        self.dialog: QDialog | None = None

        self.resolution = QLabel()
        self.resolution.setWordWrap(True)
        self.resolution.setTextFormat(Qt.TextFormat.PlainText)
        self.resolution.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel()
        self.verification = QLabel()
        self.verification.setWordWrap(True)
        self.csat = QLabel()
        self.csat.setWordWrap(True)
        self.csat.setTextFormat(Qt.TextFormat.PlainText)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Verified"), self.verification)
        form.addRow(self.tr("Survey"), self.csat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.resolve_button = QPushButton(self.tr("Resolve…"))
        self.close_button = QPushButton(self.tr("Close…"))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        self.resolve_button.clicked.connect(self.resolve)
        self.close_button.clicked.connect(self.close_ticket)
        self.reopen_button.clicked.connect(self.reopen)
        self._update_buttons()

    # -- TicketPanel ---------------------------------------------------------------------------

    def show_ticket(self, detail: TicketDetail) -> None:
        self._detail = detail
        self._update_buttons()
        self.reload()

    def action_buttons(self) -> list[QPushButton]:
        return [self.resolve_button, self.close_button, self.reopen_button]

    # -- actions -------------------------------------------------------------------------------

    def reload(self) -> None:
        self._runner.run(
            partial(self._closure.state, self.ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_state_loaded,
            on_failure=self._on_load_failed,
        )

    def resolve(self) -> None:
        if self._detail is None or not self.resolve_button.isEnabled():
            return
        dialog = ResolveDialog(
            self._closure,
            self._runner,
            self._me.technician_id,
            self.ticket_id,
            self._detail.version,
            self,
        )
        dialog.resolved.connect(self._on_written)
        self._open(dialog)

    def close_ticket(self) -> None:
        if self.state is None or not self.close_button.isEnabled():
            return
        dialog = CloseDialog(
            self._closure, self._runner, self._me.technician_id, self.state, self._now, self
        )
        dialog.closed.connect(self._on_written)
        self._open(dialog)

    def reopen(self) -> None:
        if self._detail is None or not self.reopen_button.isEnabled():
            return
        reason = self._ask_reopen_reason()
        if reason is None:
            return
        self.error.clear_error()
        self._runner.run(
            partial(
                self._closure.reopen,
                self.ticket_id,
                self._detail.version,
                reason,
                self._me.technician_id,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_written,
            on_failure=self._on_reopen_failed,
        )

    # -- seams tests replace -------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        """Show a dialog window-modal without blocking (tests drive it through `self.dialog`)."""
        self.dialog = dialog
        dialog.open()

    def _ask_reopen_reason(self) -> str | None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Reopen ticket"),
            self.tr("Why is the ticket reopened? (what the requester reported)"),
        )
        return text if ok else None

    # -- results -------------------------------------------------------------------------------

    def _on_written(self, saved: TicketSaved) -> None:
        # The dialog refreshes the ticket and calls show_ticket, which reloads this tab.
        self.error.clear_error()
        self.ticket_changed.emit(saved.changes)

    def _on_reopen_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.error.show_error(
                "\n".join(closure_text.problem(code) for code in error.problems.values())
            )
        elif isinstance(error, ConcurrentEditError):
            self.error.show_error(conflict_text(error))
        else:
            self.failed.emit(error)

    def _on_state_loaded(self, state: ClosureState) -> None:
        self.state = state
        self._show_state(state)
        self._update_buttons()

    def _on_load_failed(self, error: BaseException) -> None:
        log.warning("loading the closure of ticket %s failed", self.ticket_id, exc_info=error)
        self.failed.emit(error)

    def _show_state(self, state: ClosureState) -> None:
        if state.resolution:
            kind = self.tr("Workaround") if state.workaround else self.tr("Permanent fix")
            self.resolution.setText(state.resolution)
            code = closure_text.resolution_code(state.resolution_code)
            self.code.setText(f"{code} · {kind}")
        else:
            self.resolution.setText(self.tr("Not resolved yet."))
            self.code.clear()
        if state.verified_at is not None:
            text = self.tr("Confirmed {0} at {1}.").format(
                closure_text.method(state.verified_how), labels.local_datetime(state.verified_at)
            )
            if state.verified_note:
                text += " " + state.verified_note
            if not state.verified_current:
                text += " " + self.tr("(for an earlier resolution)")
            self.verification.setText(text)
        elif state.verification_required:
            self.verification.setText(
                self.tr("Not yet confirmed — this client wants it before closing.")
            )
        else:
            self.verification.setText(self.tr("Not confirmed (optional for this client)."))
        self.csat.setText(closure_text.csat_text(state.csat))

    def _update_buttons(self) -> None:
        status = self.state.status if self.state is not None else None
        if self._detail is not None:
            status = self._detail.fields.status
        editable = self._can_edit and status is not None
        self.resolve_button.setEnabled(editable and status is not None and status.is_open)
        self.close_button.setEnabled(
            editable and status is Status.RESOLVED and self.state is not None
        )
        self.reopen_button.setEnabled(editable and status in (Status.RESOLVED, Status.CLOSED))


def closure_panel_factory(
    closure: ClosureService,
    runner: TaskRunner,
    me: TechnicianRow,
    now: Callable[[], dt.datetime] | None = None,
) -> TicketPanelFactory:
    """The factory `TicketDialog(panels=[...])` takes: a Resolution tab on every ticket."""

    def make(ticket_id: int, parent: QWidget) -> TicketPanel | None:
        return ClosurePanel(closure, runner, me, ticket_id, parent, now=now)

    return make
