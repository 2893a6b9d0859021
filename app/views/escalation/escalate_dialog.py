"""The "Escalate" dialog: reason and what was tried, the target queue, and afterwards who to call.

Opens on the ticket's stored state (read lane), escalates on the write lane. A contract that
covers fewer tiers is a warning, not a refusal; the client's escalation contacts to copy are
shown before and, once escalated, as "Call or e-mail: …" for the technician to act on.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Tier
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.escalation import (
    REASON_MAX,
    Escalated,
    EscalationPreview,
    EscalationService,
)
from app.services.escalation_paths import TIER_ORDER
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.escalation.escalation_text import contacts_text, error_text, problem_text
from app.views.tickets.form_widgets import with_error
from app.views.tones import Tone, tone_css
from app.views.widgets.form_errors import ErrorLabel, FormErrors

#: Where the service's refusals are shown; the rest go to the general line.
_FIELDS = ("reason", "notes", "to_queue_id")


class EscalateDialog(QDialog):
    """Escalates one ticket a tier up. GUI thread only; work runs through the task runner."""

    #: The ticket was escalated; carries the service's `Escalated`.
    escalated = Signal(object)

    def __init__(
        self,
        service: EscalationService,
        runner: TaskRunner,
        ticket_id: int,
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._ticket_id = ticket_id
        self._actor_id = actor_id
        self._preview: EscalationPreview | None = None
        self.last_escalation: Escalated | None = None
        self.setWindowTitle(self.tr("Escalate ticket"))
        self._build()
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.tier_label = QLabel(self)
        self.tier_label.setStyleSheet("font-weight: 600;")
        # Shows queue and technician names after escalating: plain text, never rich text.
        self.tier_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.tier_label)
        form = QFormLayout()
        self.queue_box = QComboBox(self)
        self.queue_box.currentIndexChanged.connect(self._update_warning)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(
            self.tr("Why L1 cannot solve it, e.g. needs server access")
        )
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText(self.tr("What was tried, and what happened"))
        self.notes_edit.setTabChangesFocus(True)
        errors = {name: ErrorLabel(self) for name in _FIELDS}
        form.addRow(self.tr("To &queue:"), with_error(self.queue_box, errors["to_queue_id"]))
        form.addRow(self.tr("&Reason:"), with_error(self.reason_edit, errors["reason"]))
        form.addRow(self.tr("What was &tried:"), with_error(self.notes_edit, errors["notes"]))
        layout.addLayout(form)
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(tone_css(Tone.WARNING))
        self.warning_label.hide()
        layout.addWidget(self.warning_label)
        self.contacts_label = QLabel(self)
        self.contacts_label.setWordWrap(True)
        # Contact names, phones and addresses are user data: never read them as rich text.
        self.contacts_label.setTextFormat(Qt.TextFormat.PlainText)
        # Phone numbers and addresses are copied from here into the phone or the mail client.
        self.contacts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contacts_label.hide()
        layout.addWidget(self.contacts_label)
        self.general_error = ErrorLabel(self)
        layout.addWidget(self.general_error)
        self._field_errors = errors
        self._errors = FormErrors(errors, self.general_error)
        buttons = QDialogButtonBox(self)
        self.escalate_button = QPushButton(self.tr("&Escalate"), self)
        self.escalate_button.setDefault(True)
        self.escalate_button.setEnabled(False)
        self.escalate_button.clicked.connect(self.escalate)
        buttons.addButton(self.escalate_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the ticket's escalation options again (keeps the typed reason and notes)."""
        self._runner.run(
            lambda: self._service.preview(self._ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._show_preview,
            on_failure=lambda e: self._errors.show_general(error_text(e)),
        )

    def _show_preview(self, preview: EscalationPreview) -> None:
        chosen = self.queue_box.currentData() if self._preview is not None else None
        self._preview = preview
        self.queue_box.blockSignals(True)
        self.queue_box.clear()
        for q in preview.queues:
            self.queue_box.addItem(f"{q.name} ({labels.tier(q.tier)})", q.queue_id)
        if not preview.queues and preview.to_tier is not None:
            self.queue_box.addItem(self.tr("No {0} queue").format(preview.to_tier), None)
        wanted = chosen if chosen is not None else preview.default_queue_id
        index = self.queue_box.findData(wanted)
        self.queue_box.setCurrentIndex(max(index, 0))
        self.queue_box.blockSignals(False)
        if not self.notes_edit.toPlainText().strip() and preview.steps_tried:
            self.notes_edit.setPlainText(preview.steps_tried)
        if preview.to_tier is None:
            self.tier_label.setText(self.tr("Tier {0}").format(labels.tier(preview.from_tier)))
            self._errors.show_general(problem_text("highest"))
        elif not preview.is_open:
            self._errors.show_general(problem_text("not_open"))
        else:
            self.tier_label.setText(
                self.tr("Tier {0} → {1}").format(
                    labels.tier(preview.from_tier), labels.tier(self._target_tier(preview))
                )
            )
        self.escalate_button.setEnabled(preview.to_tier is not None and preview.is_open)
        text = contacts_text(preview.contacts)
        self.contacts_label.setText(
            self.tr("Escalation contacts to copy — {0}").format(text) if text else ""
        )
        self.contacts_label.setVisible(bool(text))
        self._update_warning()

    def _target_tier(self, preview: EscalationPreview) -> Tier:
        queue_id = self.queue_box.currentData()
        found = next((q for q in preview.queues if q.queue_id == queue_id), None)
        if found is not None:
            return found.tier
        assert preview.to_tier is not None
        return preview.to_tier

    def _update_warning(self) -> None:
        p = self._preview
        if p is None or p.to_tier is None:
            self.warning_label.hide()
            return
        target = self._target_tier(p)
        self.tier_label.setText(
            self.tr("Tier {0} → {1}").format(labels.tier(p.from_tier), labels.tier(target))
        )
        beyond = p.contract_max_tier is not None and (
            TIER_ORDER[target] > TIER_ORDER[p.contract_max_tier]
        )
        if beyond:
            assert p.contract_max_tier is not None
            self.warning_label.setText(
                self.tr(
                    "The client's contract covers up to {0} only: {1} work may be billable, or "
                    "the ticket may belong with a vendor or the client's own IT."
                ).format(p.contract_max_tier.value, target.value)
            )
        self.warning_label.setVisible(beyond)

    # -- escalating ----------------------------------------------------------------------------

    def escalate(self) -> None:
        """Check the typing, then escalate on the write lane."""
        p = self._preview
        if p is None:
            return
        reason = self.reason_edit.text().strip()
        notes = self.notes_edit.toPlainText().strip()
        problems = {}
        if not reason:
            problems["reason"] = "required"
        if not notes:
            problems["notes"] = "required"
        if problems:
            self._show_problems(problems)
            return
        self._errors.clear()
        self.escalate_button.setEnabled(False)
        queue_id = self.queue_box.currentData()
        version = p.version
        self._runner.run(
            lambda: self._service.escalate(
                self._ticket_id, version, reason, notes, self._actor_id, to_queue_id=queue_id
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_escalated,
            on_failure=self._on_failed,
        )

    def _on_escalated(self, result: Escalated) -> None:
        self.last_escalation = result
        o = result.outcome
        where = o.to_queue_name or self.tr("no queue")
        lines = [self.tr("Escalated to {0} — {1}.").format(labels.tier(o.to_tier), where)]
        if o.following_name:
            lines.append(self.tr("{0} keeps following the ticket.").format(o.following_name))
        self.tier_label.setText("\n".join(lines))
        if result.beyond_contract:
            self._update_warning()
        text = contacts_text(result.contacts)
        self.contacts_label.setText(text)
        self.contacts_label.setVisible(bool(text))
        for w in (self.queue_box, self.reason_edit, self.notes_edit):
            w.setEnabled(False)
        self.escalate_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.escalated.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        self.escalate_button.setEnabled(True)
        if isinstance(error, ValidationError) and set(error.problems) <= set(_FIELDS):
            self._show_problems(error.problems)
            return
        self._errors.show_general(error_text(error))
        if isinstance(error, ConcurrentEditError):
            self.reload()

    def _show_problems(self, problems: Mapping[str, str]) -> None:
        self._errors.clear()
        for name, code in problems.items():
            label = self._field_errors.get(name, self.general_error)
            label.show_error(problem_text(code))

    def error_of(self, name: str) -> str:
        """The error shown next to `name` ("general" for the line under the form)."""
        return self._errors.text_of(name)
