"""Permission before commencing work on a ticket (domain.md D7): the client's rules that apply,
whether each is approved, and recording an approval or refusal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.services.ticket_approvals import (
    DECISIONS,
    METHODS,
    ApprovalNeed,
    Approvals,
    ApprovalService,
)
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views import labels
from app.views.onboarding_status import texts
from app.views.onboarding_status.texts import tr
from app.views.onboarding_status.write_dialog import WriteDialog

log = logging.getLogger(__name__)


def need_text(need: ApprovalNeed) -> tuple[str, str]:
    """(status sentence, tone) of one rule on the ticket."""
    if not need.records:
        return tr("Approval required"), "warn"
    last = need.records[-1]
    when = labels.local_datetime(last.approved_at)
    by = last.recorded_by or tr("unknown")
    text = tr("{0} by {1} ({2}) on {3}, recorded by {4}").format(
        texts.decision(last.decision),
        last.approver_name,
        texts.approval_method(last.method),
        when,
        by,
    )
    if last.reference:
        text += tr(", ref. {0}").format(last.reference)
    return text, "good" if last.decision == "approved" else "bad"


class ApprovalDialog(WriteDialog):
    """Records one authorised approver's decision on the ticket (write lane)."""

    def __init__(
        self,
        runner: TaskRunner,
        service: ApprovalService,
        approvals: Approvals,
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, self.tr("Record approval"), parent)
        self._service = service
        self._ticket_id = approvals.ticket_id
        self._actor_id = actor_id
        self.work = QComboBox()
        for need in approvals.needs:
            self.work.addItem(need.work, need.work_key)
        first_open = next((i for i, n in enumerate(approvals.needs) if not n.approved), 0)
        self.work.setCurrentIndex(first_open)
        self.approver = QComboBox()
        for contact_id, name in approvals.approvers:
            self.approver.addItem(name, contact_id)
        self.decision = QComboBox()
        for value in DECISIONS:
            self.decision.addItem(texts.decision(value), value)
        self.method = QComboBox()
        for value in METHODS:
            self.method.addItem(texts.approval_method(value).capitalize(), value)
        self.reference = QLineEdit()
        self.reference.setMaxLength(200)
        self.reference.setPlaceholderText(self.tr("E-mail subject, call time, form number…"))
        self.form.addRow(self.tr("&Work:"), self.work)
        self.form.addRow(self.tr("A&pprover:"), self.approver)
        self.form.addRow(self.tr("&Decision:"), self.decision)
        self.form.addRow(self.tr("&How:"), self.method)
        self.form.addRow(self.tr("&Reference:"), self.reference)
        self.ok_button.setText(self.tr("Record"))
        if not approvals.approvers:
            self.show_problem(
                self.tr(
                    "No authorised approver is on file for this client; add one in the "
                    "onboarding form (Permissions before commencing work)."
                )
            )
            self.ok_button.setEnabled(False)

    def _task(self) -> Callable[[], object] | None:
        approver = self.approver.currentData()
        if not isinstance(approver, int):
            return None
        return partial(
            self._service.record,
            self._ticket_id,
            str(self.work.currentData()),
            str(self.decision.currentData()),
            approver,
            str(self.method.currentData()),
            self._actor_id,
            self.reference.text(),
        )


class ApprovalsPanel(QFrame):
    """The approval rules that apply to one ticket. GUI thread only.

    Hidden while no rule applies. Loads on the read lane when `set_ticket()` is called and when
    the notifier announces kind "ticket" for the ticket (or "*"); recording runs on the write
    lane and announces the ticket as changed.
    """

    #: The rules were (re)loaded; carries the `Approvals`.
    loaded = Signal(object)

    def __init__(
        self,
        approvals: ApprovalService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        """`me_id` None: a read-only account, which sees the rules but cannot record."""
        super().__init__(parent)
        self._service = approvals
        self._runner = runner
        self._notifier = notifier
        self._me_id = me_id
        self._ticket_id: int | None = None
        self._approvals: Approvals | None = None
        self._seq = 0
        #: The open "Record approval" dialog (tests drive it); None once closed.
        self.dialog: ApprovalDialog | None = None
        self.setObjectName("approvalsPanel")
        self.setStyleSheet(
            "#approvalsPanel { border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self.title = QLabel(self.tr("Client approval"))
        self.title.setStyleSheet("font-weight: 600;")
        self.summary = QLabel()
        self.summary.setObjectName("approvalSummary")
        self.record_button = QPushButton(self.tr("Record approval…"))
        self.record_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.record_approval)
        self.record_button.setVisible(me_id is not None)
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.after_hours = QLabel()
        self.after_hours.setWordWrap(True)
        self.after_hours.setStyleSheet(f"color: {texts.TONES['muted']};")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {texts.TONES['bad']};")
        self.message.hide()
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.title)
        top.addWidget(self.summary)
        top.addStretch(1)
        top.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.lines)
        layout.addWidget(self.after_hours)
        layout.addWidget(self.message)
        self.hide()
        notifier.data_changed.connect(self._on_notifier_data_changed)

    def approvals(self) -> Approvals | None:
        return self._approvals

    def set_ticket(self, ticket_id: int | None) -> None:
        self._ticket_id = ticket_id
        self._approvals = None
        if ticket_id is None:
            self._seq += 1
            self.hide()
            return
        self.reload()

    def reload(self) -> None:
        if self._ticket_id is None:
            return
        self._seq += 1
        self._runner.run(
            partial(self._service.approvals, self._ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_loaded, self._seq),
            on_failure=partial(self._on_load_failed, self._seq),
        )

    def status_lines(self) -> list[str]:
        """One line per rule: "work — status", as shown."""
        if self._approvals is None:
            return []
        return [f"{n.work} \u2014 {need_text(n)[0]}" for n in self._approvals.needs]

    def record_approval(self) -> None:
        if self._approvals is None or self._me_id is None or not self._approvals.needs:
            return
        dialog = ApprovalDialog(self._runner, self._service, self._approvals, self._me_id, self)
        self.dialog = dialog
        dialog.written.connect(self._on_recorded)
        dialog.finished.connect(partial(self._on_dialog_finished, dialog))
        dialog.open()

    def _on_dialog_finished(self, dialog: ApprovalDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_recorded(self, changes: object) -> None:
        if isinstance(changes, Changes):
            # The announcement reloads this panel and the ticket's timeline.
            self._notifier.announce(changes)
        else:
            self.reload()

    def _on_loaded(self, seq: int, approvals: Approvals) -> None:
        if seq != self._seq or approvals.ticket_id != self._ticket_id:
            return
        self._approvals = approvals
        self.message.hide()
        if not approvals.needs:
            self.hide()
            self.loaded.emit(approvals)
            return
        rows = []
        for need in approvals.needs:
            text, tone = need_text(need)
            rows.append(
                f"<div>{_escape(need.work)} \u2014 "
                f"<b style='color: {texts.TONES[tone]}'>{_escape(text)}</b></div>"
            )
        self.lines.setText("".join(rows))
        waiting = sum(not n.approved for n in approvals.needs)
        if waiting:
            self.summary.setText(self.tr("%n approval(s) required", "", waiting))
            tone = "warn"
        else:
            self.summary.setText(self.tr("Approved"))
            tone = "good"
        self.summary.setStyleSheet(f"color: {texts.TONES[tone]}; font-weight: 600;")
        self.after_hours.setText(
            self.tr("After hours: {0}").format(approvals.after_hours)
            if approvals.after_hours
            else ""
        )
        self.after_hours.setVisible(bool(approvals.after_hours))
        self.show()
        self.loaded.emit(approvals)

    def _on_load_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._seq:
            return
        log.warning("loading approvals failed: %s", type(error).__name__)
        self.message.setText(texts.failure_text(error))
        self.message.show()

    def _on_notifier_data_changed(self, changes: object) -> None:
        if self._ticket_id is None or not isinstance(changes, Changes):
            return
        if changes.kind == "*" or (
            changes.kind == "ticket" and (not changes.ids or self._ticket_id in changes.ids)
        ):
            self.reload()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
