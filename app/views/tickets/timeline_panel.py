"""The ticket's timeline with the boxes that add to it: a note or reply, and a logged call."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Role
from app.services.closure import with_told_user
from app.services.directory import TechnicianRow
from app.services.errors import ValidationError
from app.services.tickets import (
    CALL_MINUTES_MAX,
    CALL_REFERENCE_MAX,
    TicketEventRow,
    TicketSaved,
    TicketService,
)
from app.tasks import Lane, TaskRunner

from app.views.shortcuts import Shortcut, bind_shortcut
from app.views.tickets.field_labels import TicketNames, failure_text
from app.views.tickets.form_widgets import plain_text
from app.views.tickets.history_model import TicketHistoryListModel
from app.views.tickets.history_view import TicketTimelineView
from app.views.widgets.form_errors import ErrorLabel, FormErrors

log = logging.getLogger(__name__)


class TicketTimelinePanel(QWidget):
    """Shows one ticket's history and appends notes, replies and calls. GUI thread only.

    Writes run on the write lane, history reloads on the read lane. Adding to the timeline does
    not change the ticket's fields or version, so the dialog's unsaved edits are unaffected.
    """

    #: A note, reply or call was stored; carries the `TicketSaved` (the owner announces it).
    entry_added = Signal(object)

    def __init__(
        self,
        tickets: TicketService,
        runner: TaskRunner,
        me: TechnicianRow,
        ticket_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tickets = tickets
        self._runner = runner
        self._me = me
        self._ticket_id = ticket_id
        self.model = TicketHistoryListModel(self)
        self.view = TicketTimelineView()
        self.view.setModel(self.model)
        self._build()
        # Read-only accounts read the timeline; they cannot add to it.
        self.composer.setEnabled(me.role is not Role.READ_ONLY)

    def add_note_tool(self, widget: QWidget) -> None:
        """Put `widget` in the composer's row, after the note kind (GUI thread)."""
        self._note_tools.insertWidget(self._note_tools.count() - 2, widget)

    def _build(self) -> None:
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            self.tr("Write a note… ({0} adds it)").format(Shortcut.SUBMIT_NOTE.hint())
        )
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.note_kind = QComboBox()
        self.note_kind.addItem(self.tr("Internal note"), False)
        self.note_kind.addItem(self.tr("Public reply"), True)
        self.note_kind.setToolTip(
            self.tr(
                "Public replies are visible to the requester and count as the SLA response;"
                " internal notes do not"
            )
        )
        self.add_note_button = QPushButton(self.tr("Add to timeline"))
        self._note_error = ErrorLabel()
        note = QWidget()
        note_layout = QVBoxLayout(note)
        note_layout.setContentsMargins(0, 6, 0, 0)
        note_layout.addWidget(self.note_edit)
        note_layout.addWidget(self._note_error)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_kind)
        #: Extra tools beside the note kind (e.g. canned replies), added by the dialog.
        self._note_tools = note_row
        note_row.addStretch(1)
        note_row.addWidget(self.add_note_button)
        note_layout.addLayout(note_row)

        self.call_summary = QPlainTextEdit()
        self.call_summary.setTabChangesFocus(True)
        self.call_summary.setPlaceholderText(self.tr("Who you spoke to and what was agreed"))
        self.call_summary.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.call_minutes = QSpinBox()
        self.call_minutes.setRange(1, CALL_MINUTES_MAX)
        self.call_minutes.setValue(5)
        self.call_minutes.setSuffix(self.tr(" min"))
        self.call_reference = QLineEdit()
        self.call_reference.setMaxLength(CALL_REFERENCE_MAX)
        self.call_reference.setPlaceholderText(self.tr("Telephony or recording id"))
        self.log_call_button = QPushButton(self.tr("&Log call"))
        # What the user was told (next steps, next update promised) is stored with the call as
        # its own marked line of the summary (ClosureService.with_told_user).
        self.call_told = QLineEdit()
        self.call_told.setPlaceholderText(
            self.tr("Next steps and when they will hear from us next")
        )
        self.call_told.setAccessibleName(self.tr("Told the user"))
        self.call_public = QCheckBox(
            self.tr("Call with the requester (counts as a customer update)")
        )
        self.call_public.setChecked(True)
        self.call_public.setToolTip(
            self.tr(
                "A call with the requester counts as the SLA response and as an update."
                " Clear this for a call with a vendor or a colleague."
            )
        )
        call = QWidget()
        grid = QGridLayout(call)
        grid.setContentsMargins(0, 6, 0, 0)
        errors = {name: ErrorLabel() for name in ("summary", "duration_minutes", "call_reference")}
        grid.addWidget(self.call_summary, 0, 0, 1, 5)
        grid.addWidget(errors["summary"], 1, 0, 1, 5)
        told_label = QLabel(self.tr("&Told the user"))
        told_label.setBuddy(self.call_told)
        grid.addWidget(told_label, 2, 0)
        grid.addWidget(self.call_told, 2, 1, 1, 4)
        grid.addWidget(self.call_public, 3, 0, 1, 5)
        duration_label = QLabel(self.tr("&Duration"))
        duration_label.setBuddy(self.call_minutes)
        reference_label = QLabel(self.tr("Re&ference"))
        reference_label.setBuddy(self.call_reference)
        grid.addWidget(duration_label, 4, 0)
        grid.addWidget(self.call_minutes, 4, 1)
        grid.addWidget(reference_label, 4, 2)
        grid.addWidget(self.call_reference, 4, 3)
        grid.addWidget(self.log_call_button, 4, 4)
        grid.addWidget(errors["duration_minutes"], 5, 0, 1, 2)
        grid.addWidget(errors["call_reference"], 5, 2, 1, 3)
        grid.setColumnStretch(3, 1)

        self.composer = QTabWidget()
        self.composer.setDocumentMode(True)
        self.composer.addTab(note, self.tr("Note / reply"))
        self.composer.addTab(call, self.tr("Log call"))
        self._general_error = ErrorLabel()
        self.note_errors = FormErrors({"body": self._note_error}, self._general_error)
        self.call_errors = FormErrors(errors, self._general_error)

        title = QLabel(self.tr("Timeline"))
        title.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.composer)
        layout.addWidget(self._general_error)

        self.add_note_button.clicked.connect(self.add_note)
        self.log_call_button.clicked.connect(self.log_call)
        self.call_reference.returnPressed.connect(self.log_call)
        bind_shortcut(
            self.note_edit, Shortcut.SUBMIT_NOTE, self.add_note,
            context=Qt.ShortcutContext.WidgetShortcut,
        )  # fmt: skip

    # -- feeding -------------------------------------------------------------------------------

    def set_events(self, rows: Sequence[TicketEventRow]) -> None:
        self.model.set_events(rows)

    def set_names(self, names: TicketNames) -> None:
        self.model.set_names(names)

    def reload(self) -> None:
        """Fetch the timeline again on the read lane."""
        self._runner.run(
            partial(self._tickets.history, self._ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self.model.set_events,
            on_failure=self._on_reload_failed,
        )

    def general_error(self) -> str:
        return self._general_error.text() if not self._general_error.isHidden() else ""

    # -- writes --------------------------------------------------------------------------------

    def add_note(self) -> None:
        """Store the note box as an internal note or public reply (write lane)."""
        if not self.add_note_button.isEnabled():
            return
        body = plain_text(self.note_edit)
        public = bool(self.note_kind.currentData())
        self.add_note_button.setEnabled(False)
        self._runner.run(
            partial(
                self._tickets.add_note, self._ticket_id, self._me.technician_id, body, public=public
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_note_added,
            on_failure=partial(self._on_write_failed, self.note_errors),
        )

    def log_call(self) -> None:
        """Store the call box as a phone call on the timeline (write lane); a call with the
        requester is public, a customer-visible update for the SLA."""
        if not self.log_call_button.isEnabled():
            return
        summary = plain_text(self.call_summary)
        if summary.strip():
            # An empty summary stays empty so the service reports it as missing.
            summary = with_told_user(summary, self.call_told.text())
        minutes = self.call_minutes.value()
        reference = self.call_reference.text()
        public = self.call_public.isChecked()
        self.log_call_button.setEnabled(False)
        self._runner.run(
            partial(
                self._tickets.log_call,
                self._ticket_id,
                self._me.technician_id,
                summary,
                minutes,
                reference,
                public=public,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_call_logged,
            on_failure=partial(self._on_write_failed, self.call_errors),
        )

    def _on_note_added(self, saved: TicketSaved) -> None:
        self.add_note_button.setEnabled(True)
        self.note_errors.clear()
        self.note_edit.clear()
        self.reload()
        self.entry_added.emit(saved)

    def _on_call_logged(self, saved: TicketSaved) -> None:
        self.log_call_button.setEnabled(True)
        self.call_errors.clear()
        self.call_summary.clear()
        self.call_told.clear()
        self.call_reference.clear()
        self.call_minutes.setValue(5)
        self.call_public.setChecked(True)
        self.reload()
        self.entry_added.emit(saved)

    def _on_write_failed(self, errors: FormErrors, error: BaseException) -> None:
        self.add_note_button.setEnabled(True)
        self.log_call_button.setEnabled(True)
        if isinstance(error, ValidationError):
            errors.show_problems(error.problems)
            return
        log.warning("adding to the timeline failed", exc_info=error)
        errors.clear()
        errors.show_general(failure_text(error))

    def _on_reload_failed(self, error: BaseException) -> None:
        log.warning("reloading the timeline failed", exc_info=error)
        self._general_error.show_error(failure_text(error))
