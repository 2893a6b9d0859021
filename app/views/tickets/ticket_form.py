"""The editable ticket fields, laid out once for both the ticket and the new-ticket dialogs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Priority, SourceChannel, Status, TicketType, Tier
from app.services.directory import Lookups, TechnicianRow
from app.services.tickets import CATEGORY_MAX, SUBJECT_MAX, TicketFields

from app.views import labels
from app.views.tickets.field_labels import field_label
from app.views.tickets.form_widgets import (
    Row,
    enum_combo,
    form_grid,
    heading,
    plain_text,
    select_data,
    with_error,
)
from app.views.widgets.form_errors import ErrorLabel, FormErrors

#: Examples of the "service › type › item" category tree (domain.md §2.4); any text is allowed.
CATEGORY_EXAMPLES: Final = (
    "End-user computing › Windows 11 › Outlook",
    "End-user computing › Windows 11 › Login",
    "End-user computing › Printing › Printer",
    "Accounts › Microsoft 365 › User",
    "Infrastructure › Network › Wi-Fi",
    "Infrastructure › Network › Internet / ISP",
    "Infrastructure › Servers › File server",
    "Software › Line of business › Install",
)
#: The multi-line capture fields, in the order the intake conversation asks for them.
CAPTURE_FIELDS: Final = (
    "occurs_when_where",
    "occurs_circumstances",
    "not_occurs_circumstances",
    "steps_tried",
)
_TIERS: Final = list(Tier)


class TicketForm(QWidget):
    """Type, category, priority, status, tier, queue, assignee, subject and the problem capture.

    GUI thread only. It calls no service: the owning dialog passes lookups and values in and
    reads `values()` on the GUI thread before it submits. The dialog owns the client and contact
    widgets; the form only lays them out, so both dialogs look the same.
    """

    #: The user changed something (typing, choosing); the dialog recomputes "unsaved".
    edited = Signal()

    def __init__(
        self,
        client_field: QWidget,
        contact_field: QWidget,
        me: TechnicianRow,
        *,
        editing: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._me = me
        self._editing = editing
        #: Where a raised tier goes instead of this form (see `send_tier_raises_to`).
        self._escalate_elsewhere: Callable[[], None] | None = None
        #: The values last shown, for the fields this form does not edit.
        self._shown: TicketFields | None = None
        #: The tier as stored; raising it above this needs a reason.
        self._base_tier = Tier.L1
        self._errors: dict[str, ErrorLabel] = {}
        self._labels: list[tuple[int, QLabel]] = []
        self._technicians: dict[int, str] = {}
        self._queues: dict[int, str] = {}
        self._build(client_field, contact_field)
        self.errors = FormErrors(self._errors, self._general_error)

    # -- building ------------------------------------------------------------------------------

    def _build(self, client_field: QWidget, contact_field: QWidget) -> None:
        self.subject = QLineEdit()
        self.subject.setMaxLength(SUBJECT_MAX)
        self.subject.setPlaceholderText(self.tr("One line the requester would recognise"))
        self.ticket_type = enum_combo(TicketType, labels.ticket_type)
        self.source = enum_combo(SourceChannel, labels.source)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.addItems(CATEGORY_EXAMPLES)
        self.category.setCurrentIndex(-1)
        line = self.category.lineEdit()
        if line is not None:
            line.setMaxLength(CATEGORY_MAX)
            line.setPlaceholderText(self.tr("Service › hardware/software type › item"))
        self.priority = enum_combo(Priority, labels.priority)
        self.status = enum_combo(Status, labels.status)
        self.tier = enum_combo(Tier, labels.tier)
        self.queue = QComboBox()
        self.assignee = QComboBox()
        self.assign_to_me_button = QPushButton(self.tr("Assign to &me"))
        self.escalate_button = QPushButton(self.tr("&Escalate…"))
        self.escalate_button.setToolTip(self.tr("Raise to the next tier and give a reason"))
        self.escalation_reason = QPlainTextEdit()
        self.escalation_reason.setTabChangesFocus(True)
        self.escalation_reason.setPlaceholderText(
            self.tr("Why the next tier is needed, and what was tried")
        )
        self.escalation_reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("The problem in the requester's words: what they see, what they expected")
        )
        self.capture: dict[str, QPlainTextEdit] = {}
        hints = {
            "occurs_when_where": self.tr("Since when, how often; which site, room, device"),
            "occurs_circumstances": self.tr("What the user is doing when it happens"),
            "not_occurs_circumstances": self.tr("Other users, devices, networks where it works"),
            "steps_tried": self.tr("Restarts, other browser, cleared cache, …"),
        }
        for name in CAPTURE_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(hints[name])
            self.capture[name] = edit

        top, classify = form_grid(), form_grid()
        self._place(top, 0, 0, self.tr("Clie&nt"), client_field, "client_id")
        self._place(top, 0, 2, self.tr("C&ontact"), contact_field, "contact_id")
        self._place(top, 1, 0, self.tr("S&ubject"), self.subject, "subject", span=3)
        self._place(classify, 0, 0, self.tr("&Type"), self.ticket_type, "type")
        self._place(classify, 0, 2, self.tr("Sou&rce"), self.source, "source")
        self._place(classify, 1, 0, self.tr("Categor&y"), self.category, "category", span=3)
        self._place(classify, 2, 0, self.tr("&Priority"), self.priority, "priority")
        if self._editing:
            self._place(classify, 2, 2, self.tr("St&atus"), self.status, "status")
        else:
            self.status.hide()
        tier = Row(self.tier, self.escalate_button)
        self._place(classify, 3, 0, self.tr("T&ier"), tier, "tier")
        self._place(classify, 3, 2, self.tr("&Queue"), self.queue, "queue_id")
        assignee = Row(self.assignee, self.assign_to_me_button)
        self._place(classify, 4, 0, self.tr("Assi&gnee"), assignee, "assignee_id")
        self._reason_label, self._reason_box = self._place(
            classify,
            5,
            0,
            self.tr("Escalation\nreason"),
            self.escalation_reason,
            "escalation_reason",
            span=3,
        )
        self._general_error = ErrorLabel()
        classify.addWidget(self._general_error, 6, 0, 1, 4)
        # Both grids share their label columns, so the fields line up across them.
        for column in (0, 2):
            width = max(w.sizeHint().width() for c, w in self._labels if c == column)
            top.setColumnMinimumWidth(column, width)
            classify.setColumnMinimumWidth(column, width)

        problem = QVBoxLayout()
        problem.setSpacing(4)
        problem.addWidget(heading(self.tr("Description"), self.description))
        problem.addWidget(with_error(self.description, self._error_for("description")), 2)
        problem.addSpacing(6)
        problem.addWidget(heading(self.tr("Structured capture")))
        capture = QGridLayout()
        capture.setHorizontalSpacing(10)
        capture.setVerticalSpacing(2)
        for i, name in enumerate(CAPTURE_FIELDS):
            row, column = 2 * (i // 2), i % 2
            label = QLabel(field_label(name))
            label.setBuddy(self.capture[name])
            capture.addWidget(label, row, column)
            capture.addWidget(
                with_error(self.capture[name], self._error_for(name)), row + 1, column
            )
        problem.addLayout(capture, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        # Editing: classification first, it is what changes most. Intake: the caller's own words
        # first, classification after (domain.md §2.2).
        if self._editing:
            layout.addLayout(classify)
            layout.addSpacing(6)
            layout.addLayout(problem, 1)
        else:
            layout.addSpacing(6)
            layout.addLayout(problem, 1)
            layout.addSpacing(6)
            layout.addWidget(heading(self.tr("Classification and routing")))
            layout.addLayout(classify)

        self.assign_to_me_button.clicked.connect(self.assign_to_me)
        self.escalate_button.clicked.connect(self.escalate)
        self.tier.currentIndexChanged.connect(self._update_escalation)
        self.escalate_button.setVisible(self._editing)
        for combo in (self.ticket_type, self.source, self.priority, self.status, self.queue):
            combo.currentIndexChanged.connect(self.edited)
        self.tier.currentIndexChanged.connect(self.edited)
        self.assignee.currentIndexChanged.connect(self.edited)
        self.category.editTextChanged.connect(self.edited)
        self.subject.textChanged.connect(self.edited)
        for text in (self.description, self.escalation_reason, *self.capture.values()):
            text.textChanged.connect(self.edited)
        self._update_escalation()

    def _error_for(self, name: str) -> ErrorLabel:
        label = ErrorLabel()
        self._errors[name] = label
        return label

    def _place(
        self,
        grid: QGridLayout,
        row: int,
        col: int,
        text: str,
        field: QWidget,
        name: str,
        span: int = 1,
    ) -> tuple[QLabel, QWidget]:
        label = QLabel(text)
        label.setBuddy(field if not isinstance(field, Row) else field.main)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 4, 0, 0)
        box = with_error(field, self._error_for(name))
        grid.addWidget(label, row, col)
        grid.addWidget(box, row, col + 1, 1, span)
        self._labels.append((col, label))
        return label, box

    # -- values --------------------------------------------------------------------------------

    def set_lookups(self, lookups: Lookups) -> None:
        """Offer these queues and (active) technicians; keeps the current choices."""
        queue, assignee = self.queue.currentData(), self.assignee.currentData()
        for combo in (self.queue, self.assignee):
            combo.blockSignals(True)
            combo.clear()
        self.queue.addItem(self.tr("No queue"), None)
        for q in lookups.queues:
            self.queue.addItem(q.name, q.queue_id)
        self.assignee.addItem(self.tr("Unassigned"), None)
        for t in lookups.technicians:
            if t.active:
                self.assignee.addItem(t.name, t.technician_id)
        self._technicians = {t.technician_id: t.name for t in lookups.technicians}
        self._queues = {q.queue_id: q.name for q in lookups.queues}
        self._select_or_add(self.queue, queue, self._queues)
        self._select_or_add(self.assignee, assignee, self._technicians)
        for combo in (self.queue, self.assignee):
            combo.blockSignals(False)
        self.assign_to_me_button.setEnabled(self.assignee.findData(self._me.technician_id) >= 0)

    def set_values(self, values: TicketFields) -> None:
        """Show a stored ticket (or defaults); the tier shown becomes the escalation baseline."""
        self._shown = values
        self.subject.setText(values.subject)
        select_data(self.ticket_type, values.type.value)
        select_data(self.source, values.source.value)
        self.category.setEditText(values.category)
        select_data(self.priority, values.priority.value)
        select_data(self.status, values.status.value)
        self._base_tier = values.tier
        select_data(self.tier, values.tier.value)
        self._select_or_add(self.queue, values.queue_id, self._queues)
        self._select_or_add(self.assignee, values.assignee_id, self._technicians)
        self.description.setPlainText(values.description)
        for name, edit in self.capture.items():
            edit.setPlainText(getattr(values, name))
        self.escalation_reason.clear()
        self._update_escalation()

    def values(self, client_id: int, contact_id: int | None) -> TicketFields:
        """What the form shows now. GUI thread; call before submitting, pass the result on."""
        shown = self._shown
        same_client = shown is not None and shown.client_id == client_id
        return TicketFields(
            client_id=client_id,
            contact_id=contact_id,
            type=TicketType(self.ticket_type.currentData()),
            category=self.category.currentText(),
            priority=Priority(self.priority.currentData()),
            source=SourceChannel(self.source.currentData()),
            subject=self.subject.text(),
            description=plain_text(self.description),
            occurs_when_where=plain_text(self.capture["occurs_when_where"]),
            occurs_circumstances=plain_text(self.capture["occurs_circumstances"]),
            not_occurs_circumstances=plain_text(self.capture["not_occurs_circumstances"]),
            steps_tried=plain_text(self.capture["steps_tried"]),
            tier=Tier(self.tier.currentData()),
            queue_id=self.queue.currentData(),
            assignee_id=self.assignee.currentData(),
            status=Status(self.status.currentData()) if self._editing else Status.NEW,
            # Not edited here: kept while the client stays, dropped when it changes.
            contract_id=shown.contract_id if shown and same_client else None,
            asset_id=shown.asset_id if shown and same_client else None,
        )

    def reason(self) -> str:
        """The escalation reason, or "" while the tier is not raised."""
        return plain_text(self.escalation_reason) if self.tier_raised() else ""

    def send_tier_raises_to(self, escalate: Callable[[], None]) -> None:
        """Raising the tier here is not allowed: put it back and call `escalate` (the dialog
        that follows the queue path and lists the escalation contacts). Lowering still works."""
        self._escalate_elsewhere = escalate
        self.escalate_button.hide()

    def tier_raised(self) -> bool:
        tier = Tier(self.tier.currentData())
        return self._editing and _TIERS.index(tier) > _TIERS.index(self._base_tier)

    # -- actions -------------------------------------------------------------------------------

    def assign_to_me(self) -> None:
        select_data(self.assignee, self._me.technician_id)

    def escalate(self) -> None:
        """Raise the tier one step and put the cursor in the reason box."""
        index = min(self.tier.currentIndex() + 1, self.tier.count() - 1)
        self.tier.setCurrentIndex(index)
        self.escalation_reason.setFocus()

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Show each refused field's problem next to it."""
        self.errors.show_problems(problems)

    def show_field_error(self, name: str, text: str) -> None:
        """Show a problem found before calling the service (e.g. a name not picked from a list)."""
        self._errors[name].show_error(text)

    # -- internals -----------------------------------------------------------------------------

    def _update_escalation(self) -> None:
        raised = self.tier_raised()
        if raised and self._escalate_elsewhere is not None:
            select_data(self.tier, self._base_tier.value)
            # After this change settles: the dialog opens from the event loop, not mid-signal.
            QTimer.singleShot(0, self._escalate_elsewhere)
            return
        self._reason_label.setVisible(raised)
        self._reason_box.setVisible(raised)
        self.escalate_button.setEnabled(self.tier.currentIndex() < self.tier.count() - 1)

    def _select_or_add(self, combo: QComboBox, value: int | None, names: Mapping[int, str]) -> None:
        # A ticket may point at a technician who has since left: show them rather than lie.
        if select_data(combo, value) or value is None:
            return
        name = names.get(value) or f"#{value}"
        combo.addItem(self.tr("{0} (inactive)").format(name), value)
        combo.setCurrentIndex(combo.count() - 1)
