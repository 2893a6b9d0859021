"""One ticket, open for editing beside its timeline; saves with optimistic locking."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role
from app.models.ticket import format_number
from app.services.caller_verification import CallerVerificationService, VerificationResult
from app.services.canned_replies import CannedReplyService
from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.sla import SlaService
from app.services.ticket_approvals import ApprovalService
from app.services.tickets import TicketDetail, TicketEventRow, TicketSaved, TicketService
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views import labels
from app.views.escalation.escalation_panel import EscalationPanel
from app.views.kb.canned_reply_button import CannedReplyButton
from app.views.onboarding_status.approvals_panel import ApprovalsPanel
from app.views.onboarding_status.verification_dialog import CallerVerificationDialog
from app.views.remote.connect_button import ConnectButton
from app.views.remote.launcher import RemoteLauncher
from app.views.shortcuts import Shortcut
from app.views.tickets.conflict_dialog import (
    CompareChoice,
    ConflictChoice,
    FieldDifference,
    ask_compare,
    ask_conflict,
    ask_unsaved,
    conflict_text,
    differences,
)
from app.views.tickets.field_labels import TicketNames, failure_text
from app.views.tickets.sla_panel import TicketSlaPanel
from app.views.tickets.ticket_editor import TicketEditor
from app.views.tickets.ticket_header import TicketHeader
from app.views.tickets.ticket_panel import TicketPanel, TicketPanelFactory
from app.views.tickets.ticket_shortcuts import TicketShortcuts
from app.views.tickets.timeline_panel import TicketTimelinePanel
from app.views.widgets.banner import Banner

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Loaded:
    detail: TicketDetail
    history: list[TicketEventRow]
    lookups: Lookups | None


def _load(
    tickets: TicketService, directory: DirectoryService, ticket_id: int, with_lookups: bool
) -> _Loaded:
    """Read lane: the ticket, its timeline and (the first time) the combo boxes' contents."""
    return _Loaded(
        tickets.get(ticket_id),
        tickets.history(ticket_id),
        directory.lookups() if with_lookups else None,
    )


class TicketDialog(QDialog):
    """View and edit one ticket; non-modal, so several can be open. GUI thread only.

    Loads on the read lane; saves, notes and calls run on the write lane. A save sends the version
    that was loaded: if someone saved in between, nothing is written and the technician chooses
    Reload, Compare or Keep editing (their typed values stay). Modal questions go through
    `_ask_conflict`, `_ask_compare` and `_ask_unsaved`, which tests replace.
    """

    #: The ticket was saved; carries the ticket id.
    ticket_saved = Signal(int)
    #: The ticket (and timeline) were shown from the database, after opening or a reload.
    ticket_loaded = Signal(int)
    #: A save hit a conflict; carries the `ConcurrentEditError`, before the question is asked.
    conflict_shown = Signal(object)

    def __init__(
        self,
        tickets: TicketService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        ticket_id: int,
        parent: QWidget | None = None,
        *,
        sla: SlaService | None = None,
        now: Callable[[], dt.datetime] | None = None,
        verification: CallerVerificationService | None = None,
        approvals: ApprovalService | None = None,
        remote: RemoteLauncher | None = None,
        panels: Sequence[TicketPanelFactory] = (),
        canned: CannedReplyService | None = None,
    ) -> None:
        """Without `sla` the dialog shows no SLA panel; `now` is the clock its countdowns use.
        Without `verification` there is no "Verify caller…" button; without `approvals` no
        approvals panel; without `remote` no Connect menu. Each of `panels` adds a tab beside
        the timeline (`app.views.tickets.ticket_panel`); `canned` adds canned replies to the
        timeline's composer."""
        super().__init__(parent)
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._tickets = tickets
        self._directory = directory
        self._runner = runner
        self._notifier = notifier
        self._me = me
        self._sla = sla
        self._now = now
        self._verification = verification
        self._approvals = approvals
        self._remote = remote
        self._panel_factories = tuple(panels)
        self._canned = canned
        #: The feature panels shown as tabs after the timeline.
        self.panels: list[TicketPanel] = []
        self._can_edit = me.role is not Role.READ_ONLY
        self._ticket_id = ticket_id
        self._detail: TicketDetail | None = None
        #: The version edits are based on; sent as `expected_version`.
        self._expected_version = 0
        self._lookups: Lookups | None = None
        self._names = TicketNames()
        self._saving = False
        self._close_after_save = False
        #: True while this dialog announces its own write, so it ignores the echo.
        self._announcing = False
        self._build()
        notifier.data_changed.connect(self._on_notifier_data_changed)
        self.reload()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = TicketHeader()
        #: The ticket's SLA clocks, under the header (None without an `SlaService`).
        self.sla_panel: TicketSlaPanel | None = None
        if self._sla is not None:
            self.sla_panel = TicketSlaPanel(
                self._sla,
                self._runner,
                self._ticket_id,
                now=self._now,
                actor_id=None if self._me.role is Role.READ_ONLY else self._me.technician_id,
            )
            self.sla_panel.reevaluated.connect(self._announce)
        #: The client's approval rules that apply (None without an `ApprovalService`).
        self.approvals_panel: ApprovalsPanel | None = None
        if self._approvals is not None:
            self.approvals_panel = ApprovalsPanel(
                self._approvals,
                self._runner,
                self._notifier,
                None if self._me.role is Role.READ_ONLY else self._me.technician_id,
            )
            self.approvals_panel.set_ticket(self._ticket_id)
        self.banner = Banner(self.tr("Compare…"))
        self.banner.button.clicked.connect(self.compare)
        self.editor = TicketEditor(self._runner, self._directory, self._me)
        self.editor.edited.connect(self._update_modified)
        self.editor.contact.search_failed.connect(self._show_failure)
        self.timeline = TicketTimelinePanel(self._tickets, self._runner, self._me, self._ticket_id)
        self.timeline.entry_added.connect(self._on_timeline_entry_added)
        #: Inserts a canned reply, filled in for this ticket, into the note (None without).
        self.canned_button: CannedReplyButton | None = None
        if self._canned is not None:
            self.canned_button = CannedReplyButton(
                self._canned,
                self._runner,
                self._me,
                self._ticket_id,
                None,
                directory=self._directory,
            )
            self.canned_button.inserted.connect(self.timeline.note_edit.insertPlainText)
            self.canned_button.failed.connect(self._show_failure)
            self.timeline.add_note_tool(self.canned_button)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        for factory in self._panel_factories:
            panel = factory(self._ticket_id, self)
            if panel is not None:
                self.panels.append(panel)
                self.tabs.addTab(panel, panel.tab_title())
                panel.ticket_changed.connect(self._on_panel_ticket_changed)
                panel.failed.connect(self._show_failure)
        escalation = next((p for p in self.panels if isinstance(p, EscalationPanel)), None)
        if escalation is not None:
            # One way to escalate: the Escalate… dialog (queue path, escalation contacts).
            self.editor.form.send_tier_raises_to(escalation.escalate)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.editor.setContentsMargins(0, 0, 8, 0)
        self.tabs.setContentsMargins(8, 0, 0, 0)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Discard your edits and show the stored ticket"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the ticket ({0})").format(Shortcut.SAVE.hint()))
        self.close_button = QPushButton(self.tr("Close"))
        self.verify_button = QPushButton(self.tr("Verify caller…"))
        self.verify_button.setToolTip(
            self.tr("Check who the caller is before credential work (password reset, unlock)")
        )
        self.verify_button.setVisible(self._verification is not None)
        self.verify_button.setEnabled(False)
        self.verify_button.clicked.connect(self.verify_caller)
        #: The caller verification dialog opened last; None once it closed.
        self.verification_dialog: CallerVerificationDialog | None = None
        #: The client's remote methods (None without a `RemoteLauncher`).
        self.connect_button: ConnectButton | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        if self._remote is not None:
            self.connect_button = ConnectButton(
                self._remote, self._runner, can_launch=self._can_edit
            )
            self._remote.approval_needed.connect(self._on_approval_needed)
            buttons.addWidget(self.connect_button)
        for panel in self.panels:
            for button in panel.action_buttons():
                buttons.addWidget(button)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        if self.sla_panel is not None:
            layout.addWidget(self.sla_panel)
        if self.approvals_panel is not None:
            layout.addWidget(self.approvals_panel)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.close)
        #: The window's keyboard shortcuts (`set_queue_navigation` enables next/previous).
        self.shortcuts = TicketShortcuts(self, can_edit=self._can_edit)
        # Enter in a one-line field (subject, call reference) must not save the whole ticket.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.editor.setEnabled(False)
        self.save_button.setEnabled(False)
        self.setWindowTitle(self.tr("{0} — Loading…").format(format_number(self._ticket_id)))
        self.resize(1240, 780)

    # -- public --------------------------------------------------------------------------------

    @property
    def ticket_id(self) -> int:
        return self._ticket_id

    def detail(self) -> TicketDetail | None:
        """The ticket as last loaded or saved (not the unsaved edits)."""
        return self._detail

    def is_dirty(self) -> bool:
        """True if the form differs from the stored ticket it was loaded from."""
        return self.editor.is_dirty()

    def reload(self) -> None:
        """Load the ticket and timeline again (read lane); unsaved edits are discarded."""
        self.status_label.setText(self.tr("Loading…"))
        self._reload_sla()
        self._runner.run(
            partial(_load, self._tickets, self._directory, self._ticket_id, self._lookups is None),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
        )

    def save(self) -> None:
        """Send the form to `TicketService.update` (write lane), based on the loaded version."""
        if self._detail is None or self._saving:
            return
        values = self.editor.values_for_save()
        if values is None:
            self._close_after_save = False
            return
        if not self.is_dirty() and self._expected_version == self._detail.version:
            self.status_label.setText(self.tr("No changes to save."))
            if self._close_after_save:
                self._close_now()
            return
        self._set_saving(True)
        self._runner.run(
            partial(
                self._tickets.update,
                self._ticket_id,
                self._expected_version,
                values,
                self._me.technician_id,
                self.editor.reason(),
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
        )

    def compare(self) -> None:
        """Fetch the stored ticket (read lane) and list where the form differs from it."""
        self._runner.run(
            partial(self._tickets.get, self._ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_compare_loaded,
            on_failure=self._show_failure,
        )

    def verify_caller(self) -> CallerVerificationDialog | None:
        """Open the caller verification for the ticket's stored client and contact."""
        if self._verification is None or self._detail is None:
            return None
        fields = self._detail.fields
        dialog = CallerVerificationDialog(
            self._ticket_id,
            fields.client_id,
            fields.contact_id,
            self._verification,
            self._runner,
            self._me.technician_id,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.verified.connect(self._on_caller_verified)
        dialog.destroyed.connect(self._on_verification_dialog_destroyed)
        self.verification_dialog = dialog
        dialog.show()
        return dialog

    # -- hooks for modal questions (tests replace these) ---------------------------------------

    def _ask_conflict(self, error: ConcurrentEditError) -> ConflictChoice:
        return ask_conflict(self, error)

    def _ask_compare(self, diffs: list[FieldDifference], their_name: str) -> CompareChoice:
        return ask_compare(self, diffs, their_name)

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        return ask_unsaved(self, format_number(self._ticket_id))

    # -- results -------------------------------------------------------------------------------

    def _on_loaded(self, loaded: _Loaded) -> None:
        if loaded.lookups is not None:
            self._lookups = loaded.lookups
            self._names = TicketNames.of(loaded.lookups)
            self.editor.set_lookups(loaded.lookups)
            self.timeline.set_names(self._names)
        self._show_detail(loaded.detail)
        self.timeline.set_events(loaded.history)
        # A read-only account sees the ticket but cannot change it (the service refuses anyway).
        self.editor.setEnabled(self._can_edit)
        self.save_button.setEnabled(self._can_edit)
        self.verify_button.setEnabled(self._can_edit)
        if self.connect_button is not None:
            self.connect_button.set_context(self._ticket_id, loaded.detail.fields.client_id)
        self.status_label.clear()
        self.ticket_loaded.emit(self._ticket_id)

    def _on_approval_needed(self, ticket_id: int) -> None:
        # A launch from this ticket was blocked by the client's permission rules.
        if ticket_id == self._ticket_id and self.approvals_panel is not None:
            self.approvals_panel.record_approval()

    def _on_load_failed(self, error: BaseException) -> None:
        log.warning("loading ticket %s failed", self._ticket_id, exc_info=error)
        self.status_label.clear()
        self._show_failure(error)

    def _on_saved(self, saved: TicketSaved) -> None:
        self._set_saving(False)
        self._show_detail(saved.detail)
        self.timeline.reload()
        self._reload_sla()
        self._announce(saved.changes)
        self.status_label.setText(
            self.tr("Saved at {0}.").format(labels.local_datetime(saved.detail.updated_at))
        )
        self.ticket_saved.emit(self._ticket_id)
        if self._close_after_save:
            self._close_now()

    def _on_save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        self._close_after_save = False
        self.status_label.clear()
        if isinstance(error, ValidationError):
            self.editor.form.show_problems(error.problems)
            self.status_label.setText(self.tr("Not saved: check the highlighted fields."))
        elif isinstance(error, ConcurrentEditError):
            self._on_conflict(error)
        else:
            log.warning("saving ticket %s failed", self._ticket_id, exc_info=error)
            self._show_failure(error)

    def _on_conflict(self, error: ConcurrentEditError) -> None:
        self._show_notice(conflict_text(error), compare=True)
        self.conflict_shown.emit(error)
        choice = self._ask_conflict(error)
        if choice is ConflictChoice.RELOAD:
            self.reload()
        elif choice is ConflictChoice.COMPARE:
            self.compare()

    def _on_compare_loaded(self, theirs: TicketDetail) -> None:
        contacts = self.editor.contact_names(theirs)
        names = TicketNames(self._names.technicians, self._names.queues, contacts)
        diffs = differences(self.editor.values(), theirs.fields, names)
        who = theirs.updated_by_name or self.tr("another technician")
        choice = self._ask_compare(diffs, who)
        if choice is CompareChoice.RELOAD:
            self._show_detail(theirs)
            self.timeline.reload()
            self._reload_sla()
        elif choice is CompareChoice.OVERWRITE:
            # Explicitly adopt their version: this save replaces their values with mine.
            self._expected_version = theirs.version
            self.banner.hide()
            self.save()

    def _on_timeline_entry_added(self, saved: TicketSaved) -> None:
        # A public reply or call may have met the response clock.
        self._reload_sla()
        self._announce(saved.changes)
        if self._detail is not None and saved.detail.version == self._detail.version:
            self._detail = saved.detail
            self.header.show_detail(saved.detail)

    def _on_caller_verified(self, result: VerificationResult) -> None:
        self.timeline.reload()
        self._announce(result.changes)

    def _on_verification_dialog_destroyed(self, *_args: object) -> None:
        self.verification_dialog = None

    def _on_notifier_data_changed(self, changes: object) -> None:
        if self._announcing or self._detail is None or self._saving:
            return
        if not isinstance(changes, Changes) or changes.kind not in ("ticket", "*"):
            return
        if changes.kind == "ticket" and changes.ids and self._ticket_id not in changes.ids:
            return
        self._reload_sla()
        self._runner.run(
            partial(_load, self._tickets, self._directory, self._ticket_id, False),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_refreshed,
            on_failure=lambda error: log.warning("refresh failed", exc_info=error),
        )

    def _on_refreshed(self, loaded: _Loaded) -> None:
        """Someone changed the ticket elsewhere: follow them unless that would lose edits."""
        stored = loaded.detail
        if self._detail is not None and stored.version < self._detail.version:
            # Read before a newer version was shown (say, my own save landed first): stale.
            return
        self.timeline.set_events(loaded.history)
        if self._detail is None or stored.version == self._detail.version:
            self._detail = stored
            self.header.show_detail(stored)
            self._show_panels(stored)
        elif not self.is_dirty():
            self._show_detail(stored)
        else:
            who = stored.updated_by_name or self.tr("another technician")
            text = self.tr("{0} saved this ticket at {1}. Your edits are not saved yet.")
            self._show_notice(text.format(who, labels.local_datetime(stored.updated_at)), True)

    # -- internals -----------------------------------------------------------------------------

    def _show_detail(self, detail: TicketDetail) -> None:
        self._detail = detail
        self._expected_version = detail.version
        self.editor.show_detail(detail)
        self.header.show_detail(detail)
        self.banner.hide()
        title = self.tr("{0} — {1}").format(detail.number, detail.fields.subject)
        self.setWindowTitle(title + "[*]")
        self._update_modified()
        self._show_panels(detail)
        if self.canned_button is not None:
            self.canned_button.set_ticket(self._ticket_id, detail.fields.client_id)

    def _show_panels(self, detail: TicketDetail) -> None:
        for panel in self.panels:
            panel.show_ticket(detail)
            self.tabs.setTabText(self.tabs.indexOf(panel), panel.tab_title())

    def _on_panel_ticket_changed(self, changes: Changes) -> None:
        # The panel wrote: tell the other views, then follow the stored ticket here (the
        # dialog ignores its own announcement, so it refreshes itself).
        self._announce(changes)
        self._reload_sla()
        self._runner.run(
            partial(_load, self._tickets, self._directory, self._ticket_id, False),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_refreshed,
            on_failure=self._show_failure,
        )

    def _reload_sla(self) -> None:
        if self.sla_panel is not None:
            self.sla_panel.reload()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(self._can_edit and not saving)
        self.reload_button.setEnabled(not saving)
        if saving:
            self.status_label.setText(self.tr("Saving…"))

    def _announce(self, changes: Changes) -> None:
        if not changes.ids:
            return
        self._announcing = True
        try:
            self._notifier.announce(changes)
        finally:
            self._announcing = False

    def _show_failure(self, error: BaseException) -> None:
        self._show_notice(failure_text(error), compare=False)

    def _show_notice(self, text: str, compare: bool) -> None:
        self.banner.button.setVisible(compare)
        self.banner.show_message(text)

    def _update_modified(self) -> None:
        self.setWindowModified(self.is_dirty())

    def _close_now(self) -> None:
        # accept(), not close(): this may run inside the close() that asked to save first.
        self.accept()

    def reject(self) -> None:
        """Escape, the Close button and the title bar all land here: ask before losing edits."""
        if not self.is_dirty():
            super().reject()
            return
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Discard:
            super().reject()
        elif answer == QMessageBox.StandardButton.Save:
            self._close_after_save = True
            self.save()
