"""The client readiness panel's small forms: start or re-plan the checklist, a step's owner, a
connectivity result, a caller PIN and a security question. Each runs one write (write lane)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from app.services.caller_verification import PIN_MAX, CallerVerificationService
from app.services.connectivity import ConnectivityService, MethodStatus
from app.services.directory import ContactRow, TechnicianRow
from app.services.onboarding_checklist import ChecklistService, StepRow
from app.tasks import TaskRunner

from app.views.onboarding_status import texts
from app.views.onboarding_status.write_dialog import WriteDialog


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _secret_edit(placeholder: str) -> QLineEdit:
    """A masked entry for a PIN or an answer: never shown, never copied out."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(200)
    return edit


class StartDialog(WriteDialog):
    """Asks the first day of onboarding and lays the checklist's due dates out from it."""

    def __init__(
        self,
        runner: TaskRunner,
        service: ChecklistService,
        client_id: int,
        actor_id: int,
        start: dt.date,
        replan: bool,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Re-plan onboarding dates") if replan else self.tr("Start onboarding")
        super().__init__(runner, title, parent)
        self._service = service
        self._client_id = client_id
        self._actor_id = actor_id
        self.set_intro(
            self.tr("Due dates are counted in business days from the first day; go-live is day 10.")
        )
        self.date = QDateEdit(_qdate(start))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd yyyy-MM-dd")
        self.form.addRow(self.tr("First &day:"), self.date)
        self.ok_button.setText(self.tr("Re-plan") if replan else self.tr("Start"))

    def _task(self) -> Callable[[], object] | None:
        return partial(
            self._service.start, self._client_id, _pydate(self.date.date()), self._actor_id
        )


class OwnerDialog(WriteDialog):
    """Gives a checklist step to a technician (or to nobody)."""

    def __init__(
        self,
        runner: TaskRunner,
        service: ChecklistService,
        step: StepRow,
        technicians: Sequence[TechnicianRow],
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, self.tr("Set owner"), parent)
        self._service = service
        self._step = step
        self._actor_id = actor_id
        self.set_intro(texts.step_name(step.key, step.name))
        self.owner = QComboBox()
        self.owner.addItem(self.tr("Nobody"), None)
        for t in technicians:
            if t.active or t.technician_id == step.owner_id:
                self.owner.addItem(t.name, t.technician_id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(step.owner_id)))
        self.form.addRow(self.tr("&Owner:"), self.owner)

    def _task(self) -> Callable[[], object] | None:
        owner = self.owner.currentData()
        return partial(
            self._service.set_owner,
            self._step.step_id,
            self._step.version,
            owner if isinstance(owner, int) else None,
            self._actor_id,
        )


class ResultDialog(WriteDialog):
    """Records a manual connectivity result for one remote method."""

    def __init__(
        self,
        runner: TaskRunner,
        service: ConnectivityService,
        client_id: int,
        method: MethodStatus,
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, self.tr("Record connectivity result"), parent)
        self._service = service
        self._client_id = client_id
        self._method = method
        self._actor_id = actor_id
        self.set_intro(f"{texts.remote_kind(method.kind)} {method.address}")
        self.ok = QRadioButton(self.tr("It &works"))
        self.failed = QRadioButton(self.tr("It &failed"))
        self.ok.setChecked(True)
        choice = QVBoxLayout()
        choice.addWidget(self.ok)
        choice.addWidget(self.failed)
        self.detail = QLineEdit()
        self.detail.setMaxLength(2000)
        self.detail.setPlaceholderText(self.tr("What you tried, what happened"))
        self.form.addRow(self.tr("Result:"), choice)
        self.form.addRow(self.tr("&Detail:"), self.detail)
        self.ok_button.setText(self.tr("Record"))

    def _task(self) -> Callable[[], object] | None:
        return partial(
            self._service.record,
            self._client_id,
            self._method.method_key,
            "ok" if self.ok.isChecked() else "failed",
            self._actor_id,
            detail=self.detail.text(),
        )


def _contact_combo(contacts: Sequence[ContactRow], whole_client: str | None) -> QComboBox:
    combo = QComboBox()
    if whole_client is not None:
        combo.addItem(whole_client, None)
    for c in contacts:
        if c.active:
            combo.addItem(c.name, c.contact_id)
    return combo


class PinDialog(WriteDialog):
    """Sets a contact's PIN, or the client-wide one; typed twice, masked, cleared once read."""

    def __init__(
        self,
        runner: TaskRunner,
        service: CallerVerificationService,
        client_id: int,
        contacts: Sequence[ContactRow],
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, self.tr("Set caller PIN"), parent)
        self._service = service
        self._client_id = client_id
        self._actor_id = actor_id
        self.set_intro(
            self.tr(
                "Agree the PIN with the contact. It is stored only as a hash: nobody can read it "
                "back, and setting it again replaces the old one."
            )
        )
        self.contact = _contact_combo(contacts, self.tr("Whole client (any caller)"))
        self.pin = _secret_edit(self.tr("4 to 12 digits"))
        self.pin.setMaxLength(PIN_MAX + 8)
        self.repeat = _secret_edit(self.tr("The same again"))
        self.repeat.setMaxLength(PIN_MAX + 8)
        self.form.addRow(self.tr("&For:"), self.contact)
        self.form.addRow(self.tr("&PIN:"), self.pin)
        self.form.addRow(self.tr("&Repeat:"), self.repeat)
        self.ok_button.setText(self.tr("Set PIN"))

    def _task(self) -> Callable[[], object] | None:
        pin, repeat = self.pin.text(), self.repeat.text()
        self.pin.clear()
        self.repeat.clear()
        if pin != repeat:
            self.show_problem(self.tr("The two PINs differ; type them again."))
            self.pin.setFocus()
            return None
        contact = self.contact.currentData()
        return partial(
            self._service.set_pin,
            self._client_id,
            contact if isinstance(contact, int) else None,
            pin,
            self._actor_id,
        )


class QuestionDialog(WriteDialog):
    """Adds a security question and its answer (masked, typed twice) for one contact."""

    def __init__(
        self,
        runner: TaskRunner,
        service: CallerVerificationService,
        client_id: int,
        contacts: Sequence[ContactRow],
        actor_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, self.tr("Add security question"), parent)
        self._service = service
        self._client_id = client_id
        self._actor_id = actor_id
        self.set_intro(
            self.tr("Answers match regardless of case and spacing. They are stored only as a hash.")
        )
        self.contact = _contact_combo(contacts, None)
        self.question = QLineEdit()
        self.question.setMaxLength(300)
        self.question.setPlaceholderText(self.tr("e.g. Name of your first manager here"))
        self.answer = _secret_edit(self.tr("The answer"))
        self.repeat = _secret_edit(self.tr("The same again"))
        self.form.addRow(self.tr("&Contact:"), self.contact)
        self.form.addRow(self.tr("&Question:"), self.question)
        self.form.addRow(self.tr("&Answer:"), self.answer)
        self.form.addRow(self.tr("&Repeat:"), self.repeat)
        self.ok_button.setText(self.tr("Add"))
        self.ok_button.setEnabled(self.contact.count() > 0)
        if self.contact.count() == 0:
            self.show_problem(self.tr("This client has no active contact yet."))

    def _task(self) -> Callable[[], object] | None:
        answer, repeat = self.answer.text(), self.repeat.text()
        self.answer.clear()
        self.repeat.clear()
        contact = self.contact.currentData()
        if not isinstance(contact, int):
            return None
        if answer != repeat:
            self.show_problem(self.tr("The two answers differ; type them again."))
            self.answer.setFocus()
            return None
        return partial(
            self._service.add_question,
            self._client_id,
            contact,
            self.question.text(),
            answer,
            self._actor_id,
        )
