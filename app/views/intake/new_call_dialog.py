"""The "New call" flow (domain.md §2.2, T4): find the caller, see the entitlement, capture, create.

Left: one search field for everything a caller may quote (name, phone, e-mail, client, serial,
asset tag, contract number, licence key) with its results, then the entitlement card. Right: the
ticket form (`TicketForm`, shared with the other ticket dialogs) with a live priority preview
that applies the client's VIP floor exactly as the service will. Created tickets carry the
contract and device the card showed.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Priority
from app.services.clock import Clock, SystemClock
from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.entitlement import (
    EntitlementCard,
    EntitlementService,
    Validity,
    priority_after_floor,
)
from app.services.entitlement_search import Candidate, MatchKind
from app.services.errors import ValidationError
from app.services.knowledge_base import KnowledgeBaseService
from app.services.sla import SlaService
from app.services.sla_types import TicketSlaView
from app.services.tickets import TicketSaved, TicketService
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views import labels
from app.views.intake.entitlement_card import EntitlementCardView
from app.views.kb.suggestions_widget import SuggestionsWidget, suggest_while_typing
from app.views.shortcuts import Shortcut, bind_shortcut
from app.views.tickets.field_labels import client_item, contact_item, failure_text
from app.views.tickets.new_ticket_dialog import DEFAULTS
from app.views.tickets.ticket_form import TicketForm
from app.views.tones import Tone, tone_css
from app.views.widgets.banner import Banner
from app.views.widgets.lookup_edit import LookupEdit, LookupItem

log = logging.getLogger(__name__)

#: Pause after the last keystroke before searching: a serial read out costs one query.
SEARCH_DEBOUNCE_MS: Final = 250


class NewCallDialog(QDialog):
    """One phone call from lookup to a created ticket. GUI thread only.

    Searches and the card load on the read lane (stale answers dropped); the create runs on the
    write lane. A refused create keeps everything typed and shows problems at the fields. After
    the create, the ticket number stays on screen with "Open ticket" (`open_ticket_requested`).
    The discard question goes through `_ask_discard`, which tests replace.
    """

    #: The ticket was stored; carries its id.
    ticket_created = Signal(int)
    #: The user asked to open the created ticket; carries its id.
    open_ticket_requested = Signal(int)
    #: A search answered and its results are listed (possibly none).
    results_shown = Signal()
    #: The entitlement card shows the current client (and caller, device).
    card_shown = Signal()

    def __init__(
        self,
        entitlement: EntitlementService,
        tickets: TicketService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        *,
        sla: SlaService | None = None,
        clock: Clock | None = None,
        kb: KnowledgeBaseService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """With `kb`, articles matching the caller's words are suggested while they are typed."""
        super().__init__(parent)
        self._kb = kb
        self._entitlement = entitlement
        self._tickets = tickets
        self._directory = directory
        self._runner = runner
        self._notifier = notifier
        self._me = me
        self._sla = sla
        self._clock = clock or SystemClock()
        self._candidates: list[Candidate] = []
        self._search_generation = 0
        self._card_generation = 0
        #: The device and contract of the picked result (the card and the new ticket use them).
        self._asset_id: int | None = None
        self._contract_id: int | None = None
        self._creating = False
        self.created_id: int | None = None
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

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("New call"))
        self.banner = Banner()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Name, phone, e-mail, client, serial, asset tag, contract or licence")
        )
        self.search.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.results = QListWidget()
        self.results.installEventFilter(self)
        self.results.itemActivated.connect(lambda item: self.pick(self.results.row(item)))
        self.results.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.search_note = QLabel()
        self.search_note.setWordWrap(True)
        self.search_note.setStyleSheet(tone_css(Tone.ERROR))
        self.search_note.hide()
        self.no_entitlement_button = QPushButton(self.tr("Continue &without entitlement"))
        self.no_entitlement_button.setToolTip(self.tr("Pick the client by name instead"))
        self.no_entitlement_button.clicked.connect(self.continue_without_entitlement)
        self.no_entitlement_button.hide()
        self.card_view = EntitlementCardView()
        card_scroll = QScrollArea()
        card_scroll.setWidgetResizable(True)
        card_scroll.setWidget(self.card_view)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        find_label = QLabel(self.tr("&Find"))
        find_label.setBuddy(self.search)
        left_layout.addWidget(find_label)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.results)
        left_layout.addWidget(self.search_note)
        left_layout.addWidget(self.no_entitlement_button)
        left_layout.addWidget(card_scroll, 1)

        self.client = LookupEdit(self._runner, min_chars=1)
        self.client.setPlaceholderText(self.tr("Found by the search, or type the client's name"))
        self.client.set_source(self._directory.search_clients, client_item)
        self.client.selection_changed.connect(self._on_client_changed)
        self.client.search_failed.connect(self._show_failure)
        self.contact = LookupEdit(self._runner, min_chars=0)
        self.contact.setEnabled(False)
        self.contact.setPlaceholderText(self.tr("Choose a client first"))
        self.contact.selection_changed.connect(lambda _id: self._load_card())
        self.contact.search_failed.connect(self._show_failure)
        self.form = TicketForm(self.client, self.contact, self._me, editing=False)
        self.form.priority.currentIndexChanged.connect(self._update_priority_preview)
        # Enter after the subject moves on to the caller's own words.
        self.form.subject.returnPressed.connect(self.form.description.setFocus)
        self.priority_preview = QLabel()
        self.priority_preview.setStyleSheet("font-weight: 600;")

        self.result_label = QLabel()
        self.result_label.setStyleSheet("font-size: 15pt; font-weight: 600; color: #1b5e20;")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.update_due_label = QLabel()
        self.open_button = QPushButton(self.tr("&Open ticket"))
        self.open_button.clicked.connect(self._open_created)
        result = QHBoxLayout()
        result.addWidget(self.result_label)
        result.addWidget(self.update_due_label, 1)
        result.addWidget(self.open_button)
        self._result_box = QWidget()
        self._result_box.setLayout(result)
        self._result_box.hide()

        self.create_button = QPushButton(self.tr("&Create ticket"))
        self.create_button.setToolTip(
            self.tr("Create the ticket ({0})").format(Shortcut.CREATE.hint())
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.create_button.clicked.connect(self.create_ticket)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.priority_preview, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.create_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form, 1)
        #: Knowledge-base articles for what the caller describes (None without a KB).
        self.kb_suggestions: SuggestionsWidget | None = None
        if self._kb is not None:
            self.kb_suggestions = suggest_while_typing(
                self._kb, self._runner, self.form, self.client.selected_id, self
            )
            right_layout.addWidget(self.kb_suggestions)
        right_layout.addWidget(self._result_box)
        right_layout.addLayout(buttons)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        # Enter picks a result or moves on; creating takes Ctrl+Enter, never a stray Enter.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        bind_shortcut(self, Shortcut.CREATE, self.create_ticket)
        QWidget.setTabOrder(self.search, self.results)
        QWidget.setTabOrder(self.results, self.client)
        self.search.setFocus()
        self._update_priority_preview()
        self.resize(1280, 820)

    # -- searching -----------------------------------------------------------------------------

    def search_now(self) -> None:
        """Search for the current text at once (the debounce timer calls this)."""
        self._timer.stop()
        self._search_generation += 1
        text = self.search.text().strip()
        if len(text) < 2:
            self._show_results(self._search_generation, text, [])
            return
        self._runner.run(
            partial(self._entitlement.find, text),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._show_results, self._search_generation, text),
            on_failure=self._show_failure,
        )

    def _show_results(self, generation: int, text: str, found: list[Candidate]) -> None:
        if generation != self._search_generation:
            return
        self._candidates = found
        self.results.clear()
        for c in found:
            self.results.addItem(QListWidgetItem(self.candidate_text(c)))
        if found:
            self.results.setCurrentRow(0)
        shared = next((c for c in found if c.kind is MatchKind.CONTRACT and c.shared_by > 1), None)
        missing = len(text) >= 2 and not found
        if shared is not None:
            self.search_note.setText(
                self.tr(
                    "Contract number \u201c{0}\u201d exists at {1} clients \u2014 pick the "
                    "caller's client."
                ).format(text, shared.shared_by)
            )
        elif missing:
            self.search_note.setText(
                self.tr("No device, contract or caller matches \u201c{0}\u201d.").format(text)
            )
        self.search_note.setVisible(shared is not None or missing)
        self.no_entitlement_button.setVisible(missing)
        self.results_shown.emit()

    def candidate_text(self, c: Candidate) -> str:
        kinds = {
            MatchKind.SERIAL: self.tr("Serial"),
            MatchKind.ASSET_TAG: self.tr("Asset tag"),
            MatchKind.CONTRACT: self.tr("Contract"),
            MatchKind.LICENCE: self.tr("Licence"),
            MatchKind.EMAIL: self.tr("E-mail"),
            MatchKind.PHONE: self.tr("Phone"),
            MatchKind.CONTACT: self.tr("Caller"),
            MatchKind.CLIENT: self.tr("Client"),
        }
        who = [c.client_name]
        if c.contact_name and c.kind not in (MatchKind.CONTACT,):
            who.append(c.contact_name)
        elif c.kind is MatchKind.CONTACT:
            who = [c.contact_name, c.client_name]
        if c.asset_label and c.asset_label != c.matched:
            who.append(c.asset_label)
        matched = "" if c.kind in (MatchKind.CONTACT, MatchKind.CLIENT) else f"{c.matched} \u2014 "
        return f"{kinds[c.kind]}: {matched}" + " \u00b7 ".join(who)

    def pick(self, row: int) -> None:
        """Take the `row`th result: its client, caller, device and contract fill the form."""
        if not 0 <= row < len(self._candidates):
            return
        c = self._candidates[row]
        self._asset_id, self._contract_id = c.asset_id, c.contract_id
        self.search_note.hide()
        self.no_entitlement_button.hide()
        self.client.blockSignals(True)
        self.client.set_selection(LookupItem(c.client_id, c.client_name))
        self.client.blockSignals(False)
        self._enable_contacts(c.client_id)
        self.contact.blockSignals(True)
        self.contact.set_selection(
            LookupItem(c.contact_id, c.contact_name) if c.contact_id is not None else None
        )
        self.contact.blockSignals(False)
        self._load_card()
        self.form.subject.setFocus()

    def continue_without_entitlement(self) -> None:
        """No key matched: choose the client by name in the form instead."""
        self._asset_id = self._contract_id = None
        self.no_entitlement_button.hide()
        self.client.setFocus()
        self.client.selectAll()

    # -- the card ------------------------------------------------------------------------------

    def _on_client_changed(self, client_id: object) -> None:
        # Chosen by hand: the device and contract of an earlier pick belong to another client.
        self._asset_id = self._contract_id = None
        self.contact.set_selection(None)
        if isinstance(client_id, int):
            self._enable_contacts(client_id)
        else:
            self.contact.set_source(None)
            self.contact.setEnabled(False)
            self.contact.setPlaceholderText(self.tr("Choose a client first"))
        self._load_card()

    def _enable_contacts(self, client_id: int) -> None:
        self.contact.set_source(partial(self._directory.search_contacts, client_id), contact_item)
        self.contact.setEnabled(True)
        self.contact.setPlaceholderText(self.tr("Type to search this client's contacts"))

    def _load_card(self) -> None:
        self._card_generation += 1
        client_id = self.client.selected_id()
        if client_id is None:
            self.card_view.clear()
            self._update_priority_preview()
            return
        load = partial(
            self._entitlement.card,
            client_id,
            self.contact.selected_id(),
            self._asset_id,
            self._contract_id,
        )
        self._runner.run(
            load,
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._show_card, self._card_generation),
            on_failure=self._show_failure,
        )

    def _show_card(self, generation: int, card: EntitlementCard) -> None:
        if generation != self._card_generation:
            return
        self.card_view.show_card(card, self._clock.now())
        self._update_priority_preview()
        self.card_shown.emit()

    def _update_priority_preview(self) -> None:
        chosen = Priority(self.form.priority.currentData())
        card = self.card_view.card
        if card is None or not card.contact_vip:
            self.priority_preview.setText(self.tr("Priority {0}").format(chosen.value))
            return
        final = priority_after_floor(chosen, card.vip_priority_floor)
        text = self.tr("{0} after the client's VIP floor").format(final.value)
        if card.vip_direct_to_l2:
            text += self.tr(", straight to L2")
        self.priority_preview.setText(text)

    # -- creating ------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        typed = self.client.text().strip() or self.search.text().strip()
        return bool(typed) or self.form.values(0, None) != self._pristine

    def create_ticket(self) -> None:
        """Check what the dialog can check itself, then create on the write lane."""
        if self._creating or self.created_id is not None:
            return
        self.form.errors.clear()
        self.banner.hide()
        client_id = self.client.selected_id()
        problems: dict[str, str] = {}
        if client_id is None:
            problems["client_id"] = self.tr("Find the caller first, or choose the client.")
        if self.contact.selected_id() is None and self.contact.text().strip():
            problems["contact_id"] = self.tr("Pick a contact from the list, or clear the field.")
        if not self.form.subject.text().strip():
            problems["subject"] = labels.problem("required")
        for name, text in problems.items():
            self.form.show_field_error(name, text)
        if problems or client_id is None:
            return
        values = replace(
            self.form.values(client_id, self.contact.selected_id()),
            asset_id=self._asset_id,
            contract_id=self._ticket_contract(),
        )
        self._set_creating(True)
        self._runner.run(
            partial(self._tickets.create, values, self._me.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_created,
            on_failure=self._on_create_failed,
        )

    def _ticket_contract(self) -> int | None:
        """The contract the card shows as valid: work is not booked on an expired one."""
        card = self.card_view.card
        if card is None or card.client_id != self.client.selected_id():
            return self._contract_id  # the card is still loading: the picked result's
        if card.contract is None or card.validity is not Validity.VALID:
            return None
        return card.contract.contract_id

    def _on_created(self, saved: TicketSaved) -> None:
        self._set_creating(False)
        self.created_id = saved.detail.ticket_id
        self.create_button.setEnabled(False)
        self._notifier.announce(saved.changes)
        self.result_label.setText(self.tr("Created {0}").format(saved.detail.number))
        self.update_due_label.setText("")
        self._result_box.show()
        self.open_button.setFocus()
        self.ticket_created.emit(saved.detail.ticket_id)
        if self._sla is not None:
            self._runner.run(
                partial(self._sla.ticket_clocks, saved.detail.ticket_id),
                lane=Lane.READ,
                owner=self,
                on_success=self._show_update_due,
                on_failure=lambda e: log.info("no clocks for the new ticket", exc_info=e),
            )

    def _show_update_due(self, view: TicketSlaView) -> None:
        # The update clock arms at the first response; until then that is what is owed next.
        clocks = {c.kind.value: c for c in view.clocks if c.due_at is not None}
        now = self._clock.now()
        for kind, text in (
            ("update", self.tr("Next update due {0}")),
            ("response", self.tr("First response due {0}")),
        ):
            clock = clocks.get(kind)
            if clock is not None and clock.due_at is not None:
                when = labels.zoned_instant(clock.due_at, clock.timezone, now)
                self.update_due_label.setText(text.format(when))
                return

    def _on_create_failed(self, error: BaseException) -> None:
        self._set_creating(False)
        if isinstance(error, ValidationError):
            self.form.show_problems(error.problems)
        else:
            log.warning("creating a ticket failed", exc_info=error)
            self._show_failure(error)

    def _open_created(self) -> None:
        if self.created_id is not None:
            self.open_ticket_requested.emit(self.created_id)
            self.accept()

    # -- keyboard ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(max(self.results.currentRow(), 0))
                return True
            if watched is self.search and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    return False
                if self._timer.isActive() or not self._candidates:
                    self.search_now()
                elif len(self._candidates) == 1 or self._candidates[0].exact:
                    self.pick(0)
                return True
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if watched is self.results and enter and not ctrl:
                self.pick(self.results.currentRow())
                return True
            if watched is self.results and key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)

    # -- internals -----------------------------------------------------------------------------

    def _on_lookups_loaded(self, lookups: Lookups) -> None:
        self.form.set_lookups(lookups)

    def _set_creating(self, creating: bool) -> None:
        self._creating = creating
        self.create_button.setEnabled(not creating and self.created_id is None)

    def _show_failure(self, error: BaseException) -> None:
        self.banner.show_message(failure_text(error))

    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard this call?"),
            self.tr("No ticket has been created. Discard what you typed?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        """Escape, Close and the title bar: ask before throwing away a half-logged call."""
        if self.created_id is not None or not self.is_dirty() or self._ask_discard():
            super().reject()
