"""Guided caller verification on a ticket (domain.md §2.2): the client's rule, then one check."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.caller_verification import (
    CallerVerificationService,
    VerificationPlan,
    VerificationResult,
)
from app.services.errors import ValidationError
from app.services.onboarding_spec import VERIFICATION_METHODS
from app.tasks import Lane, TaskRunner

from app.views.onboarding_status import texts

log = logging.getLogger(__name__)

_KNOWLEDGE = ("pin", "security_question")


def _secret_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(200)
    return edit


class CallerVerificationDialog(QDialog):
    """Shows the verification plan for the ticket's caller and records one check. GUI thread only.

    The plan loads on the read lane; each check runs `verify` on the write lane, which writes the
    outcome (never what the caller said) on the ticket's timeline. What was typed is cleared as
    soon as it has been read. Any method may be chosen: falling back to a callback is legitimate.
    """

    #: A check was recorded on the ticket; carries the `VerificationResult` (with its `Changes`).
    verified = Signal(object)
    #: The plan was (re)loaded.
    plan_loaded = Signal(object)

    def __init__(
        self,
        ticket_id: int,
        client_id: int,
        contact_id: int | None,
        verification: CallerVerificationService,
        runner: TaskRunner,
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ticket_id = ticket_id
        self._client_id = client_id
        self._contact_id = contact_id
        self._service = verification
        self._runner = runner
        self._actor_id = actor_id
        self._plan: VerificationPlan | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Verify caller"))
        self._build()
        self.reload()

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.rule_label = QLabel(self.tr("Loading…"))
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet("font-weight: 600;")
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)

        self.method = QComboBox()
        for m in VERIFICATION_METHODS:
            self.method.addItem(texts.verification_method(m), m)
        self.method.activated.connect(self._on_method_activated)

        self.pages = QStackedWidget()
        # PIN
        self.pin = _secret_edit(self.tr("What the caller says"))
        self.pin_check = QPushButton(self.tr("Check"))
        self.pin_check.clicked.connect(self.check_pin)
        self.pin.returnPressed.connect(self.check_pin)
        pin_page = QWidget()
        pin_row = QHBoxLayout(pin_page)
        pin_row.setContentsMargins(0, 0, 0, 0)
        pin_row.addWidget(QLabel(self.tr("PIN:")))
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.pin_check)
        # Security question
        self.question = QComboBox()
        self.answer = _secret_edit(self.tr("What the caller answers"))
        self.answer_check = QPushButton(self.tr("Check"))
        self.answer_check.clicked.connect(self.check_answer)
        self.answer.returnPressed.connect(self.check_answer)
        question_page = QWidget()
        question_form = QFormLayout(question_page)
        question_form.setContentsMargins(0, 0, 0, 0)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.answer_check)
        question_form.addRow(self.tr("Question:"), self.question)
        question_form.addRow(self.tr("Answer:"), answer_row)
        # Callback and manager approval: the technician does it and says how it went.
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.fail_button = QPushButton(self.tr("Failed"))
        self.confirm_button.clicked.connect(partial(self.confirm, True))
        self.fail_button.clicked.connect(partial(self.confirm, False))
        confirm_page = QWidget()
        confirm_layout = QVBoxLayout(confirm_page)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addWidget(self.confirm_button)
        confirm_buttons.addWidget(self.fail_button)
        confirm_buttons.addStretch(1)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addLayout(confirm_buttons)
        self._page_of = {
            "pin": self.pages.addWidget(pin_page),
            "security_question": self.pages.addWidget(question_page),
            "callback": self.pages.addWidget(confirm_page),
            "manager_approval": self.pages.indexOf(confirm_page),
        }

        self.result_label = QLabel()
        self.result_label.setObjectName("verificationResult")
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_label.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {texts.TONES['bad']};")
        self.message.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        method_row = QHBoxLayout()
        method_row.addWidget(QLabel(self.tr("Verify by:")))
        method_row.addWidget(self.method, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.instructions)
        layout.addWidget(self.facts)
        layout.addWidget(line)
        layout.addLayout(method_row)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(bottom)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.setMinimumWidth(460)
        self._set_enabled(False)

    # -- public --------------------------------------------------------------------------------

    def plan(self) -> VerificationPlan | None:
        return self._plan

    def reload(self) -> None:
        """Fetch the plan (read lane): the rule, what is on file, attempts left."""
        self._runner.run(
            partial(self._service.plan, self._client_id, self._contact_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_plan_loaded,
            on_failure=self._on_failed,
        )

    def select_method(self, method: str) -> None:
        """Choose the method as the user would."""
        self.method.setCurrentIndex(max(0, self.method.findData(method)))
        self._on_method_activated(self.method.currentIndex())

    def check_pin(self) -> None:
        response = self.pin.text()
        self.pin.clear()
        self._verify("pin", response=response)

    def check_answer(self) -> None:
        response = self.answer.text()
        self.answer.clear()
        question = self.question.currentData()
        self._verify(
            "security_question",
            response=response,
            question_id=question if isinstance(question, int) else None,
        )

    def confirm(self, passed: bool) -> None:
        method = self.method.currentData()
        if method in ("callback", "manager_approval"):
            self._verify(str(method), confirmed=passed)

    # -- results -------------------------------------------------------------------------------

    def _on_plan_loaded(self, plan: VerificationPlan) -> None:
        first = self._plan is None
        self._plan = plan
        if plan.method:
            whose = (
                self.tr("this contact's own rule")
                if plan.source == "contact"
                else self.tr("the client's rule")
            )
            self.rule_label.setText(
                self.tr("Rule: {0} ({1})").format(texts.verification_method(plan.method), whose)
            )
        else:
            self.rule_label.setText(
                self.tr(
                    "No verification rule recorded for this client: call back the number on file."
                )
            )
        self.instructions.setText(plan.instructions)
        self.instructions.setVisible(bool(plan.instructions))
        facts = [
            self.tr("Number on file to call back: {0}").format(
                plan.callback_number or self.tr("none")
            )
        ]
        if plan.manager_name:
            facts.append(self.tr("Manager to ask: {0}").format(plan.manager_name))
        facts.append(
            self.tr("PIN on file: {0}").format(self.tr("yes") if plan.has_pin else self.tr("no"))
        )
        if plan.questions:
            facts.append(
                self.tr("Security questions on file: {0}").format(
                    "; ".join(q for _, q in plan.questions)
                )
            )
        facts.append(self.tr("Attempts left this hour: {0}").format(max(0, plan.failures_left)))
        self.facts.setText("\n".join(facts))
        self.question.clear()
        for question_id, text in plan.questions:
            self.question.addItem(text, question_id)
        if first:
            self.select_method(plan.method or "callback")
        self._set_enabled(True)
        self._on_method_current_index_changed()
        self.plan_loaded.emit(plan)

    def _on_method_activated(self, _index: int) -> None:
        # The user picked another method: the last result no longer answers what is shown.
        self.result_label.hide()
        self._on_method_current_index_changed()

    def _on_method_current_index_changed(self, *_args: object) -> None:
        method = str(self.method.currentData())
        self.pages.setCurrentIndex(self._page_of.get(method, 0))
        plan = self._plan
        if method == "callback":
            number = plan.callback_number if plan and plan.callback_number else self.tr("(none)")
            self.confirm_text.setText(
                self.tr("Call the number on file, {0}, and confirm the caller's request.").format(
                    number
                )
            )
            self.confirm_button.setText(self.tr("I called back"))
        elif method == "manager_approval":
            manager = plan.manager_name if plan and plan.manager_name else self.tr("their manager")
            self.confirm_text.setText(
                self.tr("Ask {0} to confirm who the caller is.").format(manager)
            )
            self.confirm_button.setText(self.tr("The manager approved"))
        locked = plan is not None and method in _KNOWLEDGE and plan.failures_left <= 0
        if locked:
            self._show_message(texts.problem("too_many_attempts"))
        elif not self._busy:
            self._show_message("")
        self._set_enabled(self._plan is not None)

    def _verify(self, method: str, **kwargs: object) -> None:
        if self._busy or self._plan is None:
            return
        self._busy = True
        self._set_enabled(False)
        self._show_message("")
        self._runner.run(
            partial(self._call_verify, method, kwargs),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_verified,
            on_failure=self._on_failed,
        )

    def _call_verify(self, method: str, kwargs: dict[str, object]) -> VerificationResult:
        fn: Callable[..., VerificationResult] = self._service.verify
        return fn(self._ticket_id, method, self._actor_id, **kwargs)

    def _on_verified(self, result: VerificationResult) -> None:
        self._busy = False
        self._show_result(result.passed)
        self.verified.emit(result)
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        if not isinstance(error, ValidationError):
            log.warning("caller verification failed: %s", type(error).__name__)
        self.result_label.hide()
        self._show_message(texts.failure_text(error))
        self._set_enabled(self._plan is not None)

    # -- internals -----------------------------------------------------------------------------

    def _show_result(self, passed: bool) -> None:
        tone = "good" if passed else "bad"
        text = self.tr("\u2714 Verified") if passed else self.tr("\u2718 Not verified")
        self.result_label.setText(text)
        self.result_label.setStyleSheet(
            f"color: {texts.TONES[tone]}; font-size: 14pt; font-weight: 700; padding: 6px;"
            f"border: 2px solid {texts.TONES[tone]}; border-radius: 6px;"
        )
        self.result_label.show()

    def result_text(self) -> str:
        return "" if self.result_label.isHidden() else self.result_label.text()

    def message_text(self) -> str:
        return "" if self.message.isHidden() else self.message.text()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _set_enabled(self, enabled: bool) -> None:
        enabled = enabled and not self._busy
        plan = self._plan
        locked = plan is not None and plan.failures_left <= 0
        self.method.setEnabled(enabled)
        knowledge: tuple[QWidget, ...] = (self.pin, self.pin_check)
        for widget in knowledge:
            widget.setEnabled(enabled and not locked)
        has_questions = self.question.count() > 0
        questions: tuple[QWidget, ...] = (self.question, self.answer, self.answer_check)
        for widget in questions:
            widget.setEnabled(enabled and not locked and has_questions)
        self.confirm_button.setEnabled(enabled)
        self.fail_button.setEnabled(enabled)
