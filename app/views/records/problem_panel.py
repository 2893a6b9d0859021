"""The ticket dialog's "Problem" tab: root cause, workaround, known error and the incidents
linked to the problem (by "caused by" links, added on the Links tab)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role, TicketType
from app.services.directory import TechnicianRow
from app.services.problem_records import ProblemService, ProblemView
from app.services.tickets import TicketDetail
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.records import texts
from app.views.records.panel_tabs import set_tab_visible
from app.views.tickets.ticket_panel import TicketPanel, TicketPanelFactory
from app.views.tones import Tone, tone_css
from app.views.widgets.form_errors import ErrorLabel


class ProblemPanel(TicketPanel):
    """The problem record of a problem ticket; hides its tab on tickets of other types."""

    def __init__(
        self,
        ticket_id: int,
        service: ProblemService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ticket_id, parent)
        self.title = self.tr("Problem")
        self._service = service
        self._runner = runner
        self._me = me
        self._can_edit = me.role is not Role.READ_ONLY
        self.record: ProblemView | None = None

        self.root_cause_edit = QPlainTextEdit()
        self.workaround_edit = QPlainTextEdit()
        for edit in (self.root_cause_edit, self.workaround_edit):
            edit.setTabChangesFocus(True)
            edit.setReadOnly(not self._can_edit)
        self.known_error_check = QCheckBox(
            self.tr("Known error (root cause known, workaround given)")
        )
        self.known_error_check.setEnabled(self._can_edit)
        self.workaround_error = ErrorLabel()
        self.error_label = ErrorLabel()
        self.save_button = QPushButton(self.tr("Save problem record"))
        self.save_button.setEnabled(False)
        self.incidents_list = QListWidget()
        self.incidents_list.setAccessibleName(self.tr("Linked incidents"))
        self.no_incident_label = QLabel(
            self.tr(
                "No incident is linked yet. Link incidents as “Caused by” this problem on their "
                "Links tab; a problem needs one before it is resolved."
            )
        )
        self.no_incident_label.setWordWrap(True)
        self.no_incident_label.setStyleSheet(tone_css(Tone.WARNING))

        form = QFormLayout()
        form.addRow(self.tr("Root cause"), self.root_cause_edit)
        form.addRow(self.tr("Workaround"), self.workaround_edit)
        form.addRow("", self.workaround_error)
        form.addRow("", self.known_error_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.save_button)
        layout.addWidget(QLabel(self.tr("Linked incidents")))
        layout.addWidget(self.incidents_list, 1)
        layout.addWidget(self.no_incident_label)
        self.save_button.clicked.connect(self.save)

    def show_ticket(self, detail: TicketDetail) -> None:
        applies = detail.fields.type is TicketType.PROBLEM
        set_tab_visible(self, applies)
        if applies:
            self.reload()

    def reload(self) -> None:
        self._runner.run(
            partial(self._service.record, self.ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_reloaded,
            on_failure=self.failed.emit,
        )

    def save(self) -> None:
        if self.record is None:
            return
        self.error_label.clear_error()
        self.workaround_error.clear_error()
        self._runner.run(
            partial(
                self._service.save,
                self.ticket_id,
                self.record.version,
                self.root_cause_edit.toPlainText(),
                self.workaround_edit.toPlainText(),
                self.known_error_check.isChecked(),
                self._me.technician_id,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_failed,
        )

    def _on_saved(self, record: ProblemView) -> None:
        self._show_record(record)
        self.ticket_changed.emit(Changes("ticket", frozenset({self.ticket_id})))

    def _on_failed(self, error: BaseException) -> None:
        text = texts.error_text(error)
        if not text:
            self.failed.emit(error)
            return
        problems = getattr(error, "problems", {})
        label = self.workaround_error if "workaround" in problems else self.error_label
        label.show_error(text)

    def _on_reloaded(self, record: ProblemView) -> None:
        # The dialog refreshes every panel after any save; unsaved edits on an unchanged record
        # are kept, and only the linked incidents follow the stored record.
        keep = self.record is not None and record.version == self.record.version and self.edited()
        self._show_record(record, texts_too=not keep)

    def edited(self) -> bool:
        """True when the fields differ from the record as last shown."""
        record = self.record
        if record is None:
            return False
        return (
            self.root_cause_edit.toPlainText(),
            self.workaround_edit.toPlainText(),
            self.known_error_check.isChecked(),
        ) != (record.root_cause, record.workaround, record.known_error)

    def _show_record(self, record: ProblemView, *, texts_too: bool = True) -> None:
        self.record = record
        if texts_too:
            self.root_cause_edit.setPlainText(record.root_cause)
            self.workaround_edit.setPlainText(record.workaround)
            self.known_error_check.setChecked(record.known_error)
        self.incidents_list.clear()
        for incident in record.incidents:
            self.incidents_list.addItem(
                f"{incident.number} — {incident.subject} ({labels.status(incident.status)})"
            )
        self.no_incident_label.setVisible(not record.incidents)
        self.save_button.setEnabled(self._can_edit)


def problem_panel_factory(
    service: ProblemService, runner: TaskRunner, me: TechnicianRow
) -> TicketPanelFactory:
    """The factory `TicketDialog(panels=[...])` takes; the tab hides itself on non-problems."""

    def make(ticket_id: int, parent: QWidget) -> TicketPanel | None:
        return ProblemPanel(ticket_id, service, runner, me, parent)

    return make
