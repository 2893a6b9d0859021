"""The ticket dialog's "Escalation" tab: escalations so far, vendor cases, the client's reference.

Its action buttons ("Escalate…", "Vendor case…") sit in the dialog's button row. Every write
runs on the write lane and is announced through `ticket_changed`, after which the dialog reloads
the ticket and calls `show_ticket`, which reloads this tab (read lane).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role
from app.services.clock import Clock
from app.services.directory import TechnicianRow
from app.services.escalation import Escalated, EscalationRecord, EscalationService
from app.services.tickets import TicketDetail
from app.services.vendor_cases import (
    REFERENCE_MAX,
    VendorCaseRow,
    VendorCaseSaved,
    VendorCaseService,
)
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.escalation.escalate_dialog import EscalateDialog
from app.views.escalation.escalation_text import error_text, problem_text
from app.views.escalation.vendor_case_dialog import VendorCaseDialog
from app.views.tickets.ticket_panel import TicketPanel, TicketPanelFactory
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.text_table_model import TextRow, TextTableModel


class EscalationPanel(TicketPanel):
    """One ticket's escalations and vendor cases. GUI thread only."""

    def __init__(
        self,
        ticket_id: int,
        escalation: EscalationService,
        vendors: VendorCaseService,
        runner: TaskRunner,
        clock: Clock,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ticket_id, parent)
        self.title = self.tr("Escalation")
        self._escalation = escalation
        self._vendors = vendors
        self._runner = runner
        self._clock = clock
        self._me = me
        self._detail: TicketDetail | None = None
        self._cases: list[VendorCaseRow] = []
        #: The escalate or vendor-case dialog currently open (tests drive it).
        self.active_dialog: QDialog | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        history_box = QGroupBox(self.tr("Escalations"), self)
        history_layout = QVBoxLayout(history_box)
        self.history_model = TextTableModel(
            [self.tr("When"), self.tr("By"), self.tr("Tier"), self.tr("Details")], self
        )
        self.history_table = _table(self, self.history_model)
        history_layout.addWidget(self.history_table)
        layout.addWidget(history_box, 1)

        cases_box = QGroupBox(self.tr("Vendor cases"), self)
        cases_layout = QVBoxLayout(cases_box)
        self.cases_model = TextTableModel(
            [
                self.tr("Vendor"),
                self.tr("Reference"),
                self.tr("Contact"),
                self.tr("Follow-up"),
                self.tr("State"),
            ],
            self,
        )
        self.cases_table = _table(self, self.cases_model)
        self.cases_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        cases_layout.addWidget(self.cases_table)
        row = QHBoxLayout()
        self.open_case_button = QPushButton(self.tr("Open case…"), self)
        self.open_case_button.clicked.connect(self.open_case)
        self.update_case_button = QPushButton(self.tr("Update…"), self)
        self.update_case_button.clicked.connect(self.update_case)
        self.close_case_button = QPushButton(self.tr("Close case…"), self)
        self.close_case_button.clicked.connect(self.close_case)
        for b in (self.open_case_button, self.update_case_button, self.close_case_button):
            row.addWidget(b)
        row.addStretch(1)
        cases_layout.addLayout(row)
        layout.addWidget(cases_box, 1)

        ref_row = QHBoxLayout()
        label = QLabel(self.tr("Client's &reference:"), self)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setMaxLength(REFERENCE_MAX)
        self.reference_edit.setPlaceholderText(self.tr("Their ticket number, if they have one"))
        label.setBuddy(self.reference_edit)
        self.save_reference_button = QPushButton(self.tr("Save reference"), self)
        self.save_reference_button.clicked.connect(self.save_reference)
        ref_row.addWidget(label)
        ref_row.addWidget(self.reference_edit, 1)
        ref_row.addWidget(self.save_reference_button)
        layout.addLayout(ref_row)
        self.reference_error = ErrorLabel(self)
        layout.addWidget(self.reference_error)
        self.general_error = ErrorLabel(self)
        layout.addWidget(self.general_error)

        self.escalate_button = QPushButton(self.tr("Escalate…"), self)
        self.escalate_button.clicked.connect(self.escalate)
        self.vendor_button = QPushButton(self.tr("Vendor case…"), self)
        self.vendor_button.clicked.connect(self.open_case)
        self._update_buttons()

    # -- TicketPanel ---------------------------------------------------------------------------

    def action_buttons(self) -> list[QPushButton]:
        return [self.escalate_button, self.vendor_button]

    def tab_title(self) -> str:
        open_cases = sum(1 for c in self._cases if c.is_open)
        return self.tr("Escalation ({0})").format(open_cases) if open_cases else self.title

    def show_ticket(self, detail: TicketDetail) -> None:
        self._detail = detail
        self._update_buttons()
        self.reload()

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        ticket_id = self.ticket_id

        def load() -> tuple[list[EscalationRecord], list[VendorCaseRow], str]:
            return (
                self._escalation.history(ticket_id),
                self._vendors.cases(ticket_id),
                self._vendors.client_reference(ticket_id),
            )

        self._runner.run(
            load, lane=Lane.READ, owner=self, on_success=self._show, on_failure=self._on_failure
        )

    def _show(self, loaded: tuple[list[EscalationRecord], list[VendorCaseRow], str]) -> None:
        history, cases, reference = loaded
        # Keep what the technician is typing; follow the stored value otherwise.
        if not self.reference_edit.isModified():
            self.reference_edit.setText(reference)
        history_rows: list[TextRow] = []
        for r in history:
            tiers = f"{r.from_tier} → {r.to_tier}"
            when = labels.local_datetime(r.at)
            history_rows.append(_row((when, r.actor_name or self.tr("SLA"), tiers, r.body)))
        self.history_model.set_rows(history_rows)
        self.history_table.resizeRowsToContents()
        selected = self.selected_case()
        self._cases = cases
        case_rows: list[TextRow] = []
        for c in cases:
            state = self.tr("Open") if c.is_open else self.tr("Closed")
            follow_up = labels.local_datetime(c.follow_up_at)
            cells = (c.vendor, c.reference, c.vendor_contact, follow_up, state)
            case_rows.append(_row(cells, c.case_id))
        self.cases_model.set_rows(case_rows)
        if selected is not None:
            for i, c in enumerate(cases):
                if c.case_id == selected.case_id:
                    self.cases_table.selectRow(i)
        self._update_buttons()
        self._refresh_tab_title()

    def _refresh_tab_title(self) -> None:
        """The open-case count arrives after the dialog set the tab's text: set it again."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is not None and (index := parent.indexOf(self)) >= 0:
            parent.setTabText(index, self.tab_title())

    def selected_case(self) -> VendorCaseRow | None:
        rows = self.cases_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._cases):
            return None
        return self._cases[rows[0].row()]

    def _update_buttons(self) -> None:
        writer = self._me.role is not Role.READ_ONLY
        open_ticket = self._detail is not None and self._detail.status_category.value not in (
            "resolved",
            "closed",
        )
        case = self.selected_case()
        self.escalate_button.setEnabled(writer and open_ticket)
        self.vendor_button.setEnabled(writer and open_ticket)
        self.open_case_button.setEnabled(writer and open_ticket)
        self.update_case_button.setEnabled(writer and case is not None and case.is_open)
        self.close_case_button.setEnabled(writer and case is not None and case.is_open)
        self.save_reference_button.setEnabled(writer and self._detail is not None)

    # -- actions -------------------------------------------------------------------------------

    def escalate(self) -> None:
        dialog = EscalateDialog(
            self._escalation, self._runner, self.ticket_id, self._me.technician_id, self
        )
        dialog.escalated.connect(self._on_escalated)
        self._open_dialog(dialog)

    def open_case(self) -> None:
        if self._detail is None:
            return
        self._case_dialog(None)

    def update_case(self) -> None:
        case = self.selected_case()
        if case is not None and case.is_open and self._detail is not None:
            self._case_dialog(case)

    def close_case(self) -> None:
        case = self.selected_case()
        if case is None or not case.is_open:
            return
        note = self._ask_close_note(case)
        if note is None:
            return
        case_id, actor = case.case_id, self._me.technician_id
        self.general_error.clear_error()
        self._runner.run(
            lambda: self._vendors.close(case_id, actor, note),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_case_saved,
            on_failure=self._on_failure,
        )

    def save_reference(self) -> None:
        text = self.reference_edit.text()
        ticket_id, actor = self.ticket_id, self._me.technician_id
        self.reference_error.clear_error()
        self._runner.run(
            lambda: self._vendors.set_client_reference(ticket_id, text, actor),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_reference_saved,
            on_failure=self._on_reference_failed,
        )

    # -- modal parts tests replace ---------------------------------------------------------------

    def _ask_close_note(self, case: VendorCaseRow) -> str | None:
        """What the vendor did (may be empty); None when the technician cancels."""
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Close vendor case"),
            self.tr("Close case {0} with {1}. What did the vendor do?").format(
                case.reference, case.vendor
            ),
        )
        return text if ok else None

    def _open_dialog(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- results -------------------------------------------------------------------------------

    def _case_dialog(self, case: VendorCaseRow | None) -> None:
        assert self._detail is not None
        dialog = VendorCaseDialog(
            self._vendors,
            self._runner,
            self._clock,
            self.ticket_id,
            self._detail.fields.client_id,
            self._me.technician_id,
            case,
            self,
        )
        dialog.saved.connect(self._on_case_saved)
        self._open_dialog(dialog)

    def _on_escalated(self, result: Escalated) -> None:
        self._changed(result.changes)

    def _on_case_saved(self, saved: VendorCaseSaved) -> None:
        self._changed(saved.changes)

    def _on_reference_saved(self, changes: Changes) -> None:
        self.reference_edit.setModified(False)
        if changes.ids:
            self._changed(changes)

    def _on_reference_failed(self, error: BaseException) -> None:
        problems = getattr(error, "problems", None)
        if isinstance(problems, dict) and "client_reference" in problems:
            self.reference_error.show_error(problem_text(problems["client_reference"]))
        else:
            self._on_failure(error)

    def _changed(self, changes: Changes) -> None:
        self.ticket_changed.emit(changes)
        self.reload()

    def _on_failure(self, error: BaseException) -> None:
        self.general_error.show_error(error_text(error))
        self.failed.emit(error)


def escalation_panel_factory(
    escalation: EscalationService,
    vendors: VendorCaseService,
    runner: TaskRunner,
    clock: Clock,
    me: TechnicianRow,
) -> TicketPanelFactory:
    """The factory `TicketDialog(panels=[...])` takes for the "Escalation" tab."""

    def make(ticket_id: int, parent: QWidget) -> TicketPanel | None:
        return EscalationPanel(ticket_id, escalation, vendors, runner, clock, me, parent)

    return make


def _table(parent: QWidget, model: TextTableModel) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(
        model.columnCount() - 1, QHeaderView.ResizeMode.Stretch
    )
    return table


def _row(cells: tuple[str, ...], payload: object = None) -> TextRow:
    """A row whose every cell shows its own text as its tooltip (as the old items did)."""
    return TextRow(cells, payload=payload, tooltips=dict(enumerate(cells)))
