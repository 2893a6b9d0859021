"""Merge a ticket into another one: type the target's number, see both subjects, confirm."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import NotFoundError
from app.services.ticket_links import MergeResult, TicketLinkService
from app.services.tickets import TicketDetail, TicketService
from app.tasks import Lane, TaskRunner

from app.views.records import texts
from app.views.widgets.form_errors import ErrorLabel


class MergeDialog(QDialog):
    """Asks for the ticket to merge `source` into, shows it, and merges on confirmation.

    Reads and the merge run on the task runner; the dialog stays open with the typed number
    and a clear message when the merge is refused.
    """

    #: The merge was stored; carries the `MergeResult`.
    merged = Signal(object)

    def __init__(
        self,
        links: TicketLinkService,
        tickets: TicketService,
        runner: TaskRunner,
        actor_id: int,
        source: TicketDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge {0} into…").format(source.number))
        self._links = links
        self._tickets = tickets
        self._runner = runner
        self._actor_id = actor_id
        self._source = source
        #: The target as last looked up (None until a number was found).
        self.target: TicketDetail | None = None

        source_label = QLabel(f"{source.number} — {source.fields.subject}")
        # Subjects and client names are typed by users: never read them as rich text.
        source_label.setTextFormat(Qt.TextFormat.PlainText)
        source_label.setWordWrap(True)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("T-000123"))
        self.number_edit.setAccessibleName(self.tr("Ticket to merge into"))
        self.lookup_button = QPushButton(self.tr("Look up"))
        self.target_label = QLabel(self.tr("Type the number of the ticket to keep."))
        self.target_label.setTextFormat(Qt.TextFormat.PlainText)
        self.target_label.setWordWrap(True)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Why (optional), e.g. same printer"))
        self.error_label = ErrorLabel()

        form = QFormLayout()
        form.addRow(self.tr("Merge"), source_label)
        form.addRow(self.tr("Into"), self.number_edit)
        form.addRow("", self.lookup_button)
        form.addRow(self.tr("Kept ticket"), self.target_label)
        form.addRow(self.tr("Note"), self.note_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.merge)
        self.lookup_button.clicked.connect(self.look_up)
        self.number_edit.returnPressed.connect(self.look_up)
        self.number_edit.textEdited.connect(self._on_number_edited)

        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "The merged ticket is cancelled and points at the kept one; its history and "
                "time entries stay with it and show on the kept ticket's timeline."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # -- actions -------------------------------------------------------------------------------

    def look_up(self) -> None:
        """Find the typed ticket and show its subject (read lane)."""
        self.error_label.clear_error()
        ticket_id = texts.parse_ticket_number(self.number_edit.text())
        if ticket_id is None:
            self.error_label.show_error(self.tr("Type a ticket number like T-000123."))
            return
        if ticket_id == self._source.ticket_id:
            self.error_label.show_error(texts.problems_text({"into": "self"}))
            return
        self._runner.run(
            partial(self._tickets.get, ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_target_loaded,
            on_failure=self._on_failed,
        )

    def merge(self) -> None:
        """Confirm, then merge (write lane)."""
        target = self.target
        if target is None:
            return
        question = self.tr(
            "Merge {0} “{1}” into {2} “{3}”?\n\n{0} will be cancelled. This cannot be undone."
        ).format(
            self._source.number, self._source.fields.subject, target.number, target.fields.subject
        )
        if not self._ask_confirm(question):
            return
        self.merge_button.setEnabled(False)
        self._runner.run(
            partial(
                self._links.merge,
                self._source.ticket_id,
                target.ticket_id,
                self._actor_id,
                self.note_edit.text(),
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_merged,
            on_failure=self._on_failed,
        )

    # -- questions (replaced in tests) ---------------------------------------------------------

    def _ask_confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- slots ---------------------------------------------------------------------------------

    def _on_number_edited(self, _text: str) -> None:
        self.target = None
        self.merge_button.setEnabled(False)
        self.target_label.setText(self.tr("Look the ticket up to see what you merge into."))

    def _on_target_loaded(self, detail: TicketDetail) -> None:
        self.target = detail
        text = f"{detail.number} — {detail.fields.subject} ({detail.client_name})"
        self.target_label.setText(text)
        if detail.fields.client_id != self._source.fields.client_id:
            self.error_label.show_error(texts.problems_text({"into": "other_client"}))
            return
        self.merge_button.setEnabled(True)

    def _on_merged(self, result: MergeResult) -> None:
        self.merged.emit(result)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, NotFoundError):
            self.target_label.setText("")
            self.error_label.show_error(self.tr("There is no ticket with that number."))
            return
        text = texts.error_text(error) or self.tr("The merge failed: {0}").format(error)
        self.error_label.show_error(text)
        self.merge_button.setEnabled(self.target is not None)
