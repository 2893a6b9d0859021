"""Open a case with one of the client's vendors, or update an open one (reference, follow-up).

The vendor list comes from the client's escalation section; "Other vendor…" takes a typed name
for a resolver nobody listed. Opening a case puts the ticket in *Waiting on third party*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import Clock
from app.services.vendor_cases import (
    FOLLOW_UP_GRACE,
    NAME_MAX,
    OTHER_VENDOR,
    REFERENCE_MAX,
    Vendor,
    VendorCaseRow,
    VendorCaseSaved,
    VendorCaseService,
)
from app.tasks import Lane, TaskRunner

from app.views.escalation.escalation_text import error_text, problem_text
from app.views.tickets.form_widgets import with_error
from app.views.widgets.form_errors import ErrorLabel

_FIELDS: Final = ("vendor", "reference", "vendor_contact", "follow_up_at", "note")
#: A new case's first follow-up, unless the technician picks another time.
_DEFAULT_FOLLOW_UP: Final = dt.timedelta(hours=4)


class VendorCaseDialog(QDialog):
    """Opens (`case` None) or updates a vendor case of one ticket. GUI thread only."""

    #: The case was stored; carries the `VendorCaseSaved`.
    saved = Signal(object)

    def __init__(
        self,
        service: VendorCaseService,
        runner: TaskRunner,
        clock: Clock,
        ticket_id: int,
        client_id: int,
        actor_id: int,
        case: VendorCaseRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._clock = clock
        self._ticket_id = ticket_id
        self._client_id = client_id
        self._actor_id = actor_id
        self._case = case
        self._shown_follow_up = QDateTime()
        self._vendors: list[Vendor] = []
        self.setWindowTitle(
            self.tr("Open vendor case") if case is None else self.tr("Update vendor case")
        )
        self._build()
        if case is None:
            self._runner.run(
                lambda: self._service.vendors(client_id),
                lane=Lane.READ,
                owner=self,
                on_success=self._show_vendors,
                on_failure=lambda e: self.general_error.show_error(error_text(e)),
            )

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        errors = {name: ErrorLabel(self) for name in _FIELDS}
        self._errors = errors
        self.vendor_box = QComboBox(self)
        self.vendor_box.currentIndexChanged.connect(self._on_vendor_changed)
        self.other_name_edit = QLineEdit(self)
        self.other_name_edit.setMaxLength(NAME_MAX)
        self.other_name_edit.setPlaceholderText(self.tr("Vendor name"))
        self.other_name_edit.hide()
        vendor_row = QWidget(self)
        row = QVBoxLayout(vendor_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.vendor_box)
        row.addWidget(self.other_name_edit)
        self.vendor_info = QLabel(self)
        self.vendor_info.setWordWrap(True)
        self.vendor_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.vendor_info)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setMaxLength(REFERENCE_MAX)
        self.reference_edit.setPlaceholderText(self.tr("The vendor's case or ticket number"))
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setMaxLength(NAME_MAX)
        self.follow_up_check = QCheckBox(self.tr("Follow up at"), self)
        self.follow_up_edit = QDateTimeEdit(self)
        self.follow_up_edit.setCalendarPopup(True)
        self.follow_up_check.toggled.connect(self.follow_up_edit.setEnabled)
        follow = QWidget(self)
        follow_row = QHBoxLayout(follow)
        follow_row.setContentsMargins(0, 0, 0, 0)
        follow_row.addWidget(self.follow_up_check)
        follow_row.addWidget(self.follow_up_edit, 1)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        form.addRow(self.tr("&Vendor:"), with_error(vendor_row, errors["vendor"]))
        form.addRow(self.tr("&Reference:"), with_error(self.reference_edit, errors["reference"]))
        if self._case is None:
            form.addRow(
                self.tr("Vendor &contact:"),
                with_error(self.contact_edit, errors["vendor_contact"]),
            )
        form.addRow(self.tr("Follow-up:"), with_error(follow, errors["follow_up_at"]))
        form.addRow(self.tr("&Note:"), with_error(self.note_edit, errors["note"]))
        layout.addLayout(form)
        self.general_error = ErrorLabel(self)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(
            self.tr("&Open case") if self._case is None else self.tr("&Save"), self
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout.addWidget(buttons)
        case = self._case
        now = self._clock.now()
        if case is None:
            self.follow_up_check.setChecked(True)
            self.set_follow_up(now + _DEFAULT_FOLLOW_UP)
        else:
            self.vendor_box.addItem(case.vendor, case.vendor_key or OTHER_VENDOR)
            self.vendor_box.setEnabled(False)
            self.reference_edit.setText(case.reference)
            self.follow_up_check.setChecked(case.follow_up_at is not None)
            self.set_follow_up(case.follow_up_at or now + _DEFAULT_FOLLOW_UP)
            # What the edit shows for the stored follow-up: left as is, the stored instant is
            # sent back exactly, so the service sees no change (and no "in the past").
            self._shown_follow_up = self.follow_up_edit.dateTime()
            self.follow_up_edit.setEnabled(case.follow_up_at is not None)
            self.note_edit.setPlaceholderText(self.tr("Added to the case's notes"))

    def _show_vendors(self, vendors: list[Vendor]) -> None:
        self._vendors = vendors
        self.vendor_box.blockSignals(True)
        self.vendor_box.clear()
        for v in vendors:
            text = f"{v.vendor} — {v.service}" if v.service else v.vendor
            self.vendor_box.addItem(text, v.key)
        self.vendor_box.addItem(self.tr("Other vendor…"), OTHER_VENDOR)
        self.vendor_box.blockSignals(False)
        self.vendor_box.setCurrentIndex(0)
        self._on_vendor_changed()

    def _on_vendor_changed(self) -> None:
        key = self.vendor_box.currentData()
        self.other_name_edit.setVisible(key == OTHER_VENDOR and self._case is None)
        found = next((v for v in self._vendors if v.key == key), None)
        parts = []
        if found is not None:
            parts = [
                x
                for x in (
                    found.support_phone,
                    found.support_url,
                    self.tr("account {0}").format(found.account_number)
                    if found.account_number
                    else "",
                    self.tr("contract {0}").format(found.contract_number)
                    if found.contract_number
                    else "",
                )
                if x
            ]
        self.vendor_info.setText(" · ".join(parts))
        self.vendor_info.setVisible(bool(parts))

    # -- follow-up time ------------------------------------------------------------------------

    def set_follow_up(self, at: dt.datetime) -> None:
        """Show the aware instant `at` in the workstation's time."""
        utc = QDateTime.fromSecsSinceEpoch(int(at.timestamp()), QTimeZone.utc())
        self.follow_up_edit.setDateTime(utc.toLocalTime())

    def follow_up(self) -> dt.datetime | None:
        """The chosen follow-up as an aware UTC instant, or None when unticked."""
        if not self.follow_up_check.isChecked():
            return None
        stored = self._case.follow_up_at if self._case is not None else None
        if stored is not None and self.follow_up_edit.dateTime() == self._shown_follow_up:
            return stored
        secs = self.follow_up_edit.dateTime().toSecsSinceEpoch()
        return dt.datetime.fromtimestamp(secs, dt.UTC)

    # -- saving --------------------------------------------------------------------------------

    def submit(self) -> None:
        problems: dict[str, str] = {}
        reference = self.reference_edit.text().strip()
        if not reference:
            problems["reference"] = "required"
        key = str(self.vendor_box.currentData() or "")
        name = self.other_name_edit.text().strip()
        if self._case is None and (not key or (key == OTHER_VENDOR and not name)):
            problems["vendor"] = "required"
        follow_up = self.follow_up()
        stored = self._case.follow_up_at if self._case is not None else None
        # Only a new follow-up must lie ahead: the stored one has passed once its reminder fired.
        if (
            follow_up is not None
            and follow_up != stored
            and follow_up < self._clock.now() - FOLLOW_UP_GRACE
        ):
            problems["follow_up_at"] = "in_past"
        if problems:
            self._show_problems(problems)
            return
        self._show_problems({})
        contact = self.contact_edit.text().strip()
        note = self.note_edit.toPlainText().strip()
        self.save_button.setEnabled(False)
        case = self._case
        if case is None:
            ticket_id, actor = self._ticket_id, self._actor_id

            def work() -> VendorCaseSaved:
                return self._service.open(
                    ticket_id, key, reference, contact, follow_up, note, actor, vendor_name=name
                )

        else:
            case_id, actor = case.case_id, self._actor_id

            def work() -> VendorCaseSaved:
                return self._service.update(
                    case_id,
                    actor,
                    reference=reference,
                    follow_up_at=follow_up,
                    clear_follow_up=follow_up is None,
                    note=note,
                )

        self._runner.run(
            work, lane=Lane.WRITE, owner=self, on_success=self._on_saved, on_failure=self._failed
        )

    def _on_saved(self, saved: VendorCaseSaved) -> None:
        self.saved.emit(saved)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        problems = getattr(error, "problems", None)
        if isinstance(problems, dict) and set(problems) <= set(_FIELDS):
            self._show_problems(problems)
        else:
            self._show_problems({})
            self.general_error.show_error(error_text(error))

    def _show_problems(self, problems: Mapping[str, str]) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.clear_error()
        for name, code in problems.items():
            self._errors.get(name, self.general_error).show_error(problem_text(code))

    def error_of(self, name: str) -> str:
        label = self._errors.get(name, self.general_error)
        return "" if label.isHidden() else label.text()
