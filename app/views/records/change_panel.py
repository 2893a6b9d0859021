"""The ticket dialog's "Change" tab: plans, risk, scheduled window, approval steps with their
decisions, and the change's state with the buttons that move it on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role, TicketType
from app.services.change_records import (
    APPROVED,
    AWAITING_APPROVAL,
    DRAFT,
    EDITABLE,
    IN_PROGRESS,
    REJECTED,
    RISKS,
    ApprovalStep,
    Approver,
    ApproverChoices,
    ChangeRecord,
    ChangeService,
)
from app.services.directory import TechnicianRow
from app.services.tickets import TicketDetail
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.records import texts
from app.views.records.panel_tabs import set_tab_visible
from app.views.tickets.ticket_panel import TicketPanel, TicketPanelFactory
from app.views.widgets.form_errors import ErrorLabel

#: Item data role holding a step's `ApprovalStep`.
StepRole = Qt.ItemDataRole.UserRole + 1


class ChangePanel(TicketPanel):
    """The change record of a change ticket; hides its tab on tickets of other types."""

    def __init__(
        self,
        ticket_id: int,
        service: ChangeService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ticket_id, parent)
        self.title = self.tr("Change")
        self._service = service
        self._runner = runner
        self._me = me
        self._can_edit = me.role is not Role.READ_ONLY
        #: The record as stored (None until loaded); edits are based on its version.
        self.record: ChangeRecord | None = None
        self._build()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.state_label = QLabel()
        self.state_label.setObjectName("changeState")
        self.risk_box = QComboBox()
        for value in RISKS:
            self.risk_box.addItem(texts.risk(value), value)
        self.implementation_edit = QPlainTextEdit()
        self.rollback_edit = QPlainTextEdit()
        self.test_edit = QPlainTextEdit()
        for edit in (self.implementation_edit, self.rollback_edit, self.test_edit):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(self.fontMetrics().height() * 3)
        self.window_check = QCheckBox(self.tr("Scheduled window"))
        self.window_start_edit = QDateTimeEdit()
        self.window_end_edit = QDateTimeEdit()
        for when in (self.window_start_edit, self.window_end_edit):
            when.setCalendarPopup(True)
            when.setEnabled(False)
        self.window_check.toggled.connect(self.window_start_edit.setEnabled)
        self.window_check.toggled.connect(self.window_end_edit.setEnabled)
        self.save_button = QPushButton(self.tr("Save plan"))
        self.error_label = ErrorLabel()

        window_row = QHBoxLayout()
        window_row.addWidget(self.window_start_edit)
        window_row.addWidget(QLabel(self.tr("to")))
        window_row.addWidget(self.window_end_edit)
        form = QFormLayout()
        form.addRow(self.tr("State"), self.state_label)
        form.addRow(self.tr("Risk"), self.risk_box)
        form.addRow(self.tr("Implementation plan"), self.implementation_edit)
        form.addRow(self.tr("Rollback plan"), self.rollback_edit)
        form.addRow(self.tr("Test plan"), self.test_edit)
        form.addRow(self.window_check, window_row)

        self.steps_list = QListWidget()
        self.steps_list.setAccessibleName(self.tr("Approval steps"))
        self.approver_box = QComboBox()
        self.approver_box.setAccessibleName(self.tr("Approver"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("or type a name"))
        self.add_step_button = QPushButton(self.tr("Add step"))
        self.remove_step_button = QPushButton(self.tr("Remove step"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Decision note (optional)"))
        self.approve_button = QPushButton(self.tr("Approve next step"))
        self.reject_button = QPushButton(self.tr("Reject next step"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.approver_box, 1)
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.add_step_button)
        add_row.addWidget(self.remove_step_button)
        decide_row = QHBoxLayout()
        decide_row.addWidget(self.note_edit, 1)
        decide_row.addWidget(self.approve_button)
        decide_row.addWidget(self.reject_button)
        steps_box = QGroupBox(self.tr("Approval steps (decided in order)"))
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.addWidget(self.steps_list)
        steps_layout.addLayout(add_row)
        steps_layout.addLayout(decide_row)

        self.submit_button = QPushButton(self.tr("Submit for approval"))
        self.start_button = QPushButton(self.tr("Start"))
        self.complete_button = QPushButton(self.tr("Implemented"))
        self.roll_back_button = QPushButton(self.tr("Rolled back"))
        flow = QHBoxLayout()
        flow.addWidget(self.save_button)
        flow.addStretch(1)
        for button in (
            self.submit_button,
            self.start_button,
            self.complete_button,
            self.roll_back_button,
        ):
            flow.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(steps_box, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(flow)

        me = self._me.technician_id
        self.save_button.clicked.connect(self.save_plan)
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button.clicked.connect(self.remove_step)
        self.approve_button.clicked.connect(partial(self.decide, "approved"))
        self.reject_button.clicked.connect(partial(self.decide, "rejected"))
        self.submit_button.clicked.connect(
            lambda: self._write(partial(self._service.submit, self.ticket_id, me))
        )
        self.start_button.clicked.connect(
            lambda: self._write(partial(self._service.start, self.ticket_id, me))
        )
        self.complete_button.clicked.connect(
            lambda: self._write(
                partial(self._service.complete, self.ticket_id, me, self.note_edit.text())
            )
        )
        self.roll_back_button.clicked.connect(
            lambda: self._write(
                partial(self._service.roll_back, self.ticket_id, me, self.note_edit.text())
            )
        )
        self.steps_list.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- TicketPanel ---------------------------------------------------------------------------

    def show_ticket(self, detail: TicketDetail) -> None:
        applies = detail.fields.type is TicketType.CHANGE
        set_tab_visible(self, applies)
        if applies:
            self.reload()

    # -- actions -------------------------------------------------------------------------------

    def reload(self) -> None:
        self._runner.run(
            partial(self._service.plan, self.ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_reloaded,
            on_failure=self.failed.emit,
        )
        self._runner.run(
            partial(self._service.approver_choices, self.ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show_choices,
            on_failure=self.failed.emit,
        )

    def save_plan(self) -> None:
        if self.record is None:
            return
        start = end = None
        if self.window_check.isChecked():
            start = _utc(self.window_start_edit.dateTime())
            end = _utc(self.window_end_edit.dateTime())
        self._write(
            partial(
                self._service.save_plan,
                self.ticket_id,
                self.record.version,
                self.implementation_edit.toPlainText(),
                self.rollback_edit.toPlainText(),
                self.test_edit.toPlainText(),
                str(self.risk_box.currentData()),
                start,
                end,
                self._me.technician_id,
            )
        )

    def add_step(self) -> None:
        name = self.name_edit.text().strip()
        choice = self.approver_box.currentData()
        if name:
            approver = Approver(name=name)
        elif isinstance(choice, tuple):
            kind, ident = choice
            approver = (
                Approver(technician_id=ident)
                if kind == "technician"
                else Approver(contact_id=ident)
            )
        else:
            self.error_label.show_error(texts.problems_text({"approver": "required"}))
            return
        self._write(
            partial(self._service.add_step, self.ticket_id, approver, self._me.technician_id)
        )

    def remove_step(self) -> None:
        step = self.selected_step()
        if step is not None:
            self._write(partial(self._service.remove_step, step.step_id, self._me.technician_id))

    def decide(self, decision: str) -> None:
        step = self.record.next_step if self.record is not None else None
        if step is None:
            return
        self._write(
            partial(
                self._service.decide,
                step.step_id,
                decision,
                self.note_edit.text(),
                self._me.technician_id,
            )
        )

    def selected_step(self) -> ApprovalStep | None:
        items = self.steps_list.selectedItems()
        step = items[0].data(StepRole) if items else None
        return step if isinstance(step, ApprovalStep) else None

    # -- helpers -------------------------------------------------------------------------------

    def _write(self, fn: Callable[[], ChangeRecord]) -> None:
        self.error_label.clear_error()
        self._runner.run(
            fn,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_written,
            on_failure=self._on_write_failed,
        )

    def _on_written(self, record: ChangeRecord) -> None:
        self.name_edit.clear()
        self.note_edit.clear()
        self._show_record(record)
        self.ticket_changed.emit(Changes("ticket", frozenset({self.ticket_id})))

    def _on_write_failed(self, error: BaseException) -> None:
        text = texts.error_text(error)
        if not text:
            self.failed.emit(error)
            return
        # What the technician typed stays; a stale version is reloaded for the next try.
        self.error_label.show_error(text)
        if not hasattr(error, "problems"):
            self._runner.run(
                partial(self._service.plan, self.ticket_id),
                lane=Lane.READ,
                owner=self,
                on_success=self._take_version,
                on_failure=self.failed.emit,
            )

    def _take_version(self, record: ChangeRecord) -> None:
        self.record = record
        self._show_steps(record)
        self._update_buttons()

    def _on_reloaded(self, record: ChangeRecord) -> None:
        # The dialog refreshes every panel after any save; unsaved plan edits on an unchanged
        # record are kept, and only the steps and state follow the stored record.
        if self.record is not None and record.version == self.record.version and self.edited():
            self.state_label.setText(texts.change_state(record.state))
            self._take_version(record)
        else:
            self._show_record(record)

    def edited(self) -> bool:
        """True when the plan fields differ from the record as last shown."""
        record = self.record
        if record is None:
            return False
        return (
            self.implementation_edit.toPlainText(),
            self.rollback_edit.toPlainText(),
            self.test_edit.toPlainText(),
            self.risk_box.currentData(),
        ) != (record.implementation_plan, record.rollback_plan, record.test_plan, record.risk)

    def _show_record(self, record: ChangeRecord) -> None:
        self.record = record
        self.state_label.setText(texts.change_state(record.state))
        self.risk_box.setCurrentIndex(max(0, self.risk_box.findData(record.risk)))
        self.implementation_edit.setPlainText(record.implementation_plan)
        self.rollback_edit.setPlainText(record.rollback_plan)
        self.test_edit.setPlainText(record.test_plan)
        has_window = record.window_start is not None and record.window_end is not None
        self.window_check.setChecked(has_window)
        now = QDateTime.currentDateTime()
        self.window_start_edit.setDateTime(_local(record.window_start) if has_window else now)
        self.window_end_edit.setDateTime(
            _local(record.window_end) if has_window else now.addSecs(3600)
        )
        self._show_steps(record)
        self._update_buttons()

    def _show_steps(self, record: ChangeRecord) -> None:
        self.steps_list.clear()
        for step in record.steps:
            text = self.tr("{0}. {1} — {2}").format(
                step.step, step.approver_name, texts.decision(step.decision)
            )
            if step.decided_at is not None:
                text += self.tr(" on {0}").format(labels.local_datetime(step.decided_at))
            if step.note:
                text += f": {step.note}"
            item = QListWidgetItem(text)
            item.setData(StepRole, step)
            self.steps_list.addItem(item)

    def _show_choices(self, choices: ApproverChoices) -> None:
        self.approver_box.clear()
        self.approver_box.addItem(self.tr("Choose an approver…"), None)
        for ident, name in choices.contacts:
            self.approver_box.addItem(self.tr("{0} (client)").format(name), ("contact", ident))
        for ident, name in choices.technicians:
            self.approver_box.addItem(
                self.tr("{0} (technician)").format(name), ("technician", ident)
            )

    def _update_buttons(self) -> None:
        state = self.record.state if self.record is not None else None
        edit = self._can_edit and state is not None
        editable = edit and state in EDITABLE
        for widget in (
            self.implementation_edit,
            self.rollback_edit,
            self.test_edit,
        ):
            widget.setReadOnly(not editable)
        for control in (self.risk_box, self.window_check, self.save_button, self.add_step_button):
            control.setEnabled(editable)
        for when in (self.window_start_edit, self.window_end_edit):
            when.setEnabled(editable and self.window_check.isChecked())
        step = self.selected_step()
        self.remove_step_button.setEnabled(
            editable and step is not None and step.decision == "pending"
        )
        deciding = edit and state == AWAITING_APPROVAL
        self.approve_button.setEnabled(deciding)
        self.reject_button.setEnabled(deciding)
        self.submit_button.setEnabled(edit and state == DRAFT)
        self.start_button.setEnabled(edit and state == APPROVED)
        self.complete_button.setEnabled(edit and state == IN_PROGRESS)
        self.roll_back_button.setEnabled(edit and state == IN_PROGRESS)
        if state == REJECTED:
            self.state_label.setToolTip(self.tr("Edit the plan or the steps to submit it again"))


def _utc(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC)


def _local(value: dt.datetime | None) -> QDateTime:
    assert value is not None
    utc = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc())
    return utc.toLocalTime()


def change_panel_factory(
    service: ChangeService, runner: TaskRunner, me: TechnicianRow
) -> TicketPanelFactory:
    """The factory `TicketDialog(panels=[...])` takes; the tab hides itself on non-changes."""

    def make(ticket_id: int, parent: QWidget) -> TicketPanel | None:
        return ChangePanel(ticket_id, service, runner, me, parent)

    return make
