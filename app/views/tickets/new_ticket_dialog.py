"""Logging a new ticket: client and contact by type-ahead, the problem capture, classification."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Priority, SourceChannel, TicketType, Tier
from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.errors import ValidationError
from app.services.knowledge_base import KnowledgeBaseService
from app.services.tickets import TicketFields, TicketSaved, TicketService
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views import labels
from app.views.kb.suggestions_widget import SuggestionsWidget, suggest_while_typing
from app.views.shortcuts import Shortcut, bind_shortcut
from app.views.tickets.field_labels import client_item, contact_item, failure_text
from app.views.tickets.ticket_form import TicketForm
from app.views.widgets.banner import Banner
from app.views.widgets.lookup_edit import LookupEdit

log = logging.getLogger(__name__)

#: What a new ticket starts as: a phoned-in P3 incident at first line, unassigned.
DEFAULTS = TicketFields(
    client_id=0,
    contact_id=None,
    type=TicketType.INCIDENT,
    category="",
    priority=Priority.P3,
    source=SourceChannel.PHONE,
    subject="",
    tier=Tier.L1,
)


class NewTicketDialog(QDialog):
    """Creates one ticket through `TicketService.create` on the write lane. GUI thread only.

    Lookups load on the read lane when the dialog opens; client and contact suggestions come
    from `DirectoryService` searches on the read lane. A refused create keeps every typed value
    and shows each problem next to its field. The discard question goes through `_ask_discard`,
    which tests replace.
    """

    #: The ticket was stored; carries its id. Emitted just before the dialog accepts.
    ticket_created = Signal(int)

    def __init__(
        self,
        tickets: TicketService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget | None = None,
        *,
        kb: KnowledgeBaseService | None = None,
    ) -> None:
        """With `kb`, articles matching the description are suggested while it is typed."""
        super().__init__(parent)
        self._kb = kb
        self._tickets = tickets
        self._directory = directory
        self._runner = runner
        self._notifier = notifier
        self._me = me
        self._creating = False
        self._build()
        self.form.set_values(DEFAULTS)
        self._pristine = self.form.values(0, None)
        runner.run(
            directory.lookups,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_lookups_loaded,
            on_failure=self._show_failure,
        )

    def _build(self) -> None:
        self.setWindowTitle(self.tr("New ticket"))
        title = QLabel(self.tr("New ticket"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        hint = QLabel(
            self.tr(
                "Let the caller explain first, then capture when, where and under which "
                "circumstances it happens, then classify."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.banner = Banner()
        self.client = LookupEdit(self._runner, min_chars=1)
        self.client.setPlaceholderText(self.tr("Type part of the client's name or code"))
        self.client.set_source(self._directory.search_clients, client_item)
        self.client.selection_changed.connect(self._on_client_selection_changed)
        self.client.search_failed.connect(self._show_failure)
        self.contact = LookupEdit(self._runner, min_chars=0)
        self.contact.setEnabled(False)
        self.contact.setPlaceholderText(self.tr("Choose a client first"))
        self.contact.search_failed.connect(self._show_failure)
        self.form = TicketForm(self.client, self.contact, self._me, editing=False)

        self.create_button = QPushButton(self.tr("&Create ticket"))
        self.create_button.setToolTip(
            self.tr("Create the ticket ({0})").format(Shortcut.CREATE.hint())
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.create_button.clicked.connect(self.create_ticket)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.banner)
        layout.addWidget(self.form, 1)
        #: Knowledge-base articles for the description (None without a KB).
        self.kb_suggestions: SuggestionsWidget | None = None
        if self._kb is not None:
            self.kb_suggestions = suggest_while_typing(
                self._kb, self._runner, self.form, self.client.selected_id, self
            )
            self.kb_suggestions.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
            layout.addWidget(self.kb_suggestions)
        layout.addLayout(buttons)
        # Enter while typing the subject must not log a half-captured ticket: Ctrl+Enter does.
        # (No QDialogButtonBox either: it would make its accept button the default again.)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        bind_shortcut(self, Shortcut.CREATE, self.create_ticket)
        self.resize(920, 760)

    # -- public --------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """True once anything was typed or chosen."""
        typed = self.client.text().strip() or self.contact.text().strip()
        return bool(typed) or self.form.values(0, None) != self._pristine

    def create_ticket(self) -> None:
        """Check what the form can check itself, then create on the write lane."""
        if self._creating:
            return
        self.form.errors.clear()
        self.banner.hide()
        client_id = self.client.selected_id()
        problems: dict[str, str] = {}
        if client_id is None:
            problems["client_id"] = (
                self.tr("Choose the client from the list of suggestions.")
                if self.client.text().strip()
                else self.tr("Choose the client this ticket is for.")
            )
        if self.contact.selected_id() is None and self.contact.text().strip():
            problems["contact_id"] = self.tr("Pick a contact from the list, or clear the field.")
        if not self.form.subject.text().strip():
            problems["subject"] = labels.problem("required")
        for name, text in problems.items():
            self.form.show_field_error(name, text)
        if problems or client_id is None:
            return
        values = self.form.values(client_id, self.contact.selected_id())
        self._set_creating(True)
        self._runner.run(
            partial(self._tickets.create, values, self._me.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_created,
            on_failure=self._on_create_failed,
        )

    # -- hook for the modal question (tests replace it) ----------------------------------------

    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard new ticket?"),
            self.tr("The ticket has not been created. Discard what you typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # -- results -------------------------------------------------------------------------------

    def _on_lookups_loaded(self, lookups: Lookups) -> None:
        self.form.set_lookups(lookups)

    def _on_client_selection_changed(self, client_id: object) -> None:
        # A contact belongs to one client: a new client means choosing the contact again.
        self.contact.set_selection(None)
        if isinstance(client_id, int):
            search = partial(self._directory.search_contacts, client_id)
            self.contact.set_source(search, contact_item)
            self.contact.setEnabled(True)
            self.contact.setPlaceholderText(self.tr("Type to search this client's contacts"))
        else:
            self.contact.set_source(None)
            self.contact.setEnabled(False)
            self.contact.setPlaceholderText(self.tr("Choose a client first"))

    def _on_created(self, saved: TicketSaved) -> None:
        self._set_creating(False)
        self._notifier.announce(saved.changes)
        self.ticket_created.emit(saved.detail.ticket_id)
        self.accept()

    def _on_create_failed(self, error: BaseException) -> None:
        self._set_creating(False)
        if isinstance(error, ValidationError):
            self.form.show_problems(error.problems)
        else:
            log.warning("creating a ticket failed", exc_info=error)
            self._show_failure(error)

    # -- internals -----------------------------------------------------------------------------

    def _set_creating(self, creating: bool) -> None:
        self._creating = creating
        self.create_button.setEnabled(not creating)

    def _show_failure(self, error: BaseException) -> None:
        self.banner.show_message(failure_text(error))

    def reject(self) -> None:
        """Escape, Cancel and the title bar: ask before throwing away a half-logged call."""
        if not self.is_dirty() or self._ask_discard():
            super().reject()
