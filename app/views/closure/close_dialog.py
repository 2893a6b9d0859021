"""The "Close…" dialog: confirmation with the requester (when still needed) and the CSAT survey
(a 1–5 score and a comment, or "survey sent" / "declined"), domain.md §2.7, C6."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.closure import (
    CSAT_CHANNELS,
    CSAT_COMMENT_MAX,
    CSAT_SCORE_MAX,
    CSAT_SCORE_MIN,
    NOTE_MAX,
    VERIFY_METHODS,
    ClosureService,
    ClosureState,
    CsatInput,
    csat_problems,
)
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.tickets import TicketSaved
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.closure import closure_text
from app.views.tickets.conflict_dialog import conflict_text
from app.views.tickets.field_labels import failure_text
from app.views.tickets.form_widgets import plain_text, select_data
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

_FIELDS = (
    "how",
    "when",
    "note",
    "verification",
    "csat_state",
    "csat_score",
    "csat_comment",
    "csat_channel",
    "status",
    "general",
)


def _verify_and_close(
    closure: ClosureService,
    ticket_id: int,
    version: int,
    verification: tuple[str, dt.datetime, str] | None,
    csat: CsatInput,
    actor_id: int,
) -> TicketSaved:
    """Worker side: record the confirmation (if given), then close. The confirmation is a fact
    worth keeping on its own, so a refused close does not undo it."""
    if verification is not None:
        how, when, note = verification
        closure.verify(ticket_id, how, when, note, actor_id)
    return closure.close(ticket_id, version, csat, actor_id)


class CloseDialog(QDialog):
    """Closes a resolved ticket. GUI thread only; writes run on the write lane.

    `closed` carries the `TicketSaved` once the ticket is closed, then the dialog accepts.
    """

    closed = Signal(object)

    def __init__(
        self,
        closure: ClosureService,
        runner: TaskRunner,
        actor_id: int,
        state: ClosureState,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._closure = closure
        self._runner = runner
        self._actor_id = actor_id
        self._state = state
        self.setWindowTitle(self.tr("Close ticket"))
        self.errors = {name: ErrorLabel() for name in _FIELDS}
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_verification(now()))
        layout.addWidget(self._build_csat())
        layout.addWidget(self.errors["status"])
        layout.addWidget(self.errors["general"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Close ticket"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    # -- building ------------------------------------------------------------------------------

    def _build_verification(self, now: dt.datetime) -> QWidget:
        state = self._state
        self.verified_label = QLabel()
        self.verified_label.setWordWrap(True)
        self.verification = QGroupBox()
        if state.verified_current and state.verified_at is not None:
            self.verified_label.setText(
                self.tr("Confirmed with the requester {0} at {1}.").format(
                    closure_text.method(state.verified_how),
                    labels.local_datetime(state.verified_at),
                )
            )
            self.verification.hide()
        elif state.verification_required:
            self.verification.setTitle(self.tr("Confirmed with the requester (required)"))
        else:
            self.verification.setTitle(self.tr("Confirmed with the requester (optional)"))
            self.verification.setCheckable(True)
            self.verification.setChecked(False)
        self.how = QComboBox()
        self.how.addItem(self.tr("Choose…"), "")
        for how in VERIFY_METHODS:
            self.how.addItem(closure_text.method_name(how), how)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDateTime(_qt(now))
        self.when.setMaximumDateTime(_qt(now))
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("Who confirmed, and what they said"))
        form = QFormLayout(self.verification)
        form.addRow(self.tr("&How"), self.how)
        form.addRow("", self.errors["how"])
        form.addRow(self.tr("&When"), self.when)
        form.addRow("", self.errors["when"])
        form.addRow(self.tr("&Note"), self.note)
        form.addRow("", self.errors["note"])
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.verified_label)
        v.addWidget(self.verification)
        v.addWidget(self.errors["verification"])
        return box

    def _build_csat(self) -> QWidget:
        group = QGroupBox(self.tr("Satisfaction survey"))
        self.answered = QRadioButton(self.tr("&Answered now"))
        self.sent = QRadioButton(self.tr("Survey &sent"))
        self.declined = QRadioButton(self.tr("&Declined"))
        self.states = QButtonGroup(self)
        for i, radio in enumerate((self.answered, self.sent, self.declined)):
            self.states.addButton(radio, i)
        self.score_group = QButtonGroup(self)
        self.score_group.setExclusive(True)
        scores = QHBoxLayout()
        self.score_buttons: dict[int, QPushButton] = {}
        for score in range(CSAT_SCORE_MIN, CSAT_SCORE_MAX + 1):
            button = QPushButton(str(score))
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Score {0} of 5").format(score))
            self.score_group.addButton(button, score)
            self.score_buttons[score] = button
            scores.addWidget(button)
        scores.addStretch(1)
        self.channel = QComboBox()
        for how in CSAT_CHANNELS:
            self.channel.addItem(closure_text.method_name(how), how)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("The requester's own words (optional)"))
        self.comment.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

        form = QFormLayout(group)
        row = QHBoxLayout()
        for radio in (self.answered, self.sent, self.declined):
            row.addWidget(radio)
        row.addStretch(1)
        form.addRow(row)
        form.addRow("", self.errors["csat_state"])
        form.addRow(self.tr("Score"), scores)
        form.addRow("", self.errors["csat_score"])
        form.addRow(self.tr("Ta&ken"), self.channel)
        form.addRow("", self.errors["csat_channel"])
        form.addRow(self.tr("Co&mment"), self.comment)
        form.addRow("", self.errors["csat_comment"])
        # Picking a score means the requester answered.
        self.score_group.idClicked.connect(lambda _id: self.answered.setChecked(True))
        self.states.idToggled.connect(self._on_state_toggled)
        return group

    # -- input ---------------------------------------------------------------------------------

    def set_score(self, score: int) -> None:
        """Pick a score as a click would (for keyboard users and tests)."""
        self.score_buttons[score].click()

    def csat_input(self) -> CsatInput:
        if self.answered.isChecked():
            state = "answered"
        elif self.sent.isChecked():
            state = "sent"
        elif self.declined.isChecked():
            state = "declined"
        else:
            state = ""
        score_id = self.score_group.checkedId()
        return CsatInput(
            state=state,
            score=score_id if state == "answered" and score_id > 0 else None,
            comment=plain_text(self.comment),
            channel=str(self.channel.currentData()) if state == "answered" else "",
        )

    def verification_input(self) -> tuple[str, dt.datetime, str] | None:
        """(how, when, note) when a confirmation is to be recorded, else None."""
        if self._state.verified_current or self.verification.isHidden():
            return None
        if self.verification.isCheckable() and not self.verification.isChecked():
            return None
        when = dt.datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), dt.UTC)
        return (str(self.how.currentData() or ""), when, self.note.text())

    def select_method(self, how: str) -> bool:
        return select_data(self.how, how)

    def error_text(self, name: str) -> str:
        label = self.errors[name]
        return "" if label.isHidden() else label.text()

    # -- writing -------------------------------------------------------------------------------

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self._clear_errors()
        csat = self.csat_input()
        verification = self.verification_input()
        # Checked here first so a bad survey never leaves a confirmation recorded on its own.
        problems = csat_problems(csat)
        if len(csat.comment.strip()) > CSAT_COMMENT_MAX:
            problems["csat_comment"] = "too_long"
        if verification is not None and not verification[0]:
            problems["how"] = "required"
        if problems:
            self._show_problems(problems)
            return
        self.ok_button.setEnabled(False)
        self._runner.run(
            partial(
                _verify_and_close,
                self._closure,
                self._state.ticket_id,
                self._state.version,
                verification,
                csat,
                self._actor_id,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_closed,
            on_failure=self._on_failed,
        )

    def _on_closed(self, saved: TicketSaved) -> None:
        self.ok_button.setEnabled(True)
        self.closed.emit(saved)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self._show_problems(error.problems)
        elif isinstance(error, ConcurrentEditError):
            self.errors["general"].show_error(conflict_text(error))
        else:
            log.warning("closing ticket %s failed", self._state.ticket_id, exc_info=error)
            self.errors["general"].show_error(failure_text(error))

    def _show_problems(self, problems: dict[str, str]) -> None:
        for name, code in problems.items():
            self.errors.get(name, self.errors["general"]).show_error(closure_text.problem(code))

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_error()

    def _on_state_toggled(self, _id: int, _checked: bool) -> None:
        answered = self.answered.isChecked()
        self.channel.setEnabled(answered)
        if not answered and self.score_group.checkedButton() is not None:
            # A survey that was only sent or declined has no score.
            self.score_group.setExclusive(False)
            for button in self.score_buttons.values():
                button.setChecked(False)
            self.score_group.setExclusive(True)


def _qt(value: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc()).toLocalTime()
