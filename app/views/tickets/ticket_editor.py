"""The ticket dialog's left pane: the form, the contact lookup and what "unsaved" means."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.tickets import TicketDetail, TicketFields
from app.tasks import TaskRunner

from app.views.tickets.field_labels import contact_item
from app.views.tickets.ticket_form import TicketForm
from app.views.widgets.lookup_edit import LookupEdit, LookupItem


class TicketEditor(QWidget):
    """Edits one stored ticket and remembers the values it started from. GUI thread only.

    `show_detail()` loads a `TicketDetail`; `values()` reads what is on screen (the dialog calls
    it on the GUI thread and passes the plain result to the write lane). The contact lookup
    searches the ticket's client's contacts on the read lane.
    """

    #: The user changed a field or the contact text.
    edited = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        directory: DirectoryService,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._client_id: int | None = None
        #: The form's values right after the last `show_detail()`: "unsaved" means "differs".
        self._pristine: TicketFields | None = None
        self.client_label = QLabel()
        self.client_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.client_label.setStyleSheet("font-weight: 600;")
        self.client_label.setContentsMargins(0, 4, 0, 0)
        self.contact = LookupEdit(runner, min_chars=0)
        self.contact.setPlaceholderText(self.tr("Type to search this client's contacts"))
        self.form = TicketForm(self.client_label, self.contact, me, editing=True)
        self.form.edited.connect(self.edited)
        self.contact.textChanged.connect(self.edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def set_lookups(self, lookups: Lookups) -> None:
        self.form.set_lookups(lookups)

    def show_detail(self, detail: TicketDetail) -> None:
        """Show a stored ticket; it becomes the baseline for `is_dirty()`."""
        self._client_id = detail.fields.client_id
        self.form.errors.clear()
        self.form.set_values(detail.fields)
        self.client_label.setText(detail.client_name)
        self.contact.set_source(
            partial(self._directory.search_contacts, detail.fields.client_id), contact_item
        )
        contact_id = detail.fields.contact_id
        self.contact.set_selection(
            LookupItem(contact_id, detail.contact_name or "") if contact_id is not None else None
        )
        self._pristine = self.values()

    def values(self) -> TicketFields:
        """The fields as on screen; the contact is the one picked from the list (or none)."""
        if self._client_id is None:
            raise RuntimeError("no ticket shown yet")
        return self.form.values(self._client_id, self.contact.selected_id())

    def values_for_save(self) -> TicketFields | None:
        """`values()`, or None after marking a field the service need not be asked about."""
        self.form.errors.clear()
        if self.contact.selected_id() is None and self.contact.text().strip():
            self.form.show_field_error(
                "contact_id", self.tr("Pick a contact from the list, or clear the field.")
            )
            return None
        return self.values()

    def reason(self) -> str:
        return self.form.reason()

    def is_dirty(self) -> bool:
        """True if anything on screen differs from the ticket last shown."""
        if self._pristine is None:
            return False
        if self.contact.selected_id() is None and self.contact.text().strip():
            return True
        return self.values() != self._pristine or bool(self.form.reason().strip())

    def contact_names(self, theirs: TicketDetail) -> dict[int, str]:
        """Names of my chosen contact and of the stored one, for the compare dialog."""
        names = {}
        mine = self.contact.selected_id()
        if mine is not None:
            names[mine] = self.contact.text()
        if theirs.fields.contact_id is not None and theirs.contact_name:
            names[theirs.fields.contact_id] = theirs.contact_name
        return names
