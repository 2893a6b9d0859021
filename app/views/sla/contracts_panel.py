"""The Contracts tab: a client's default policy and its contracts (which policy, from when)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from functools import partial

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.errors import ValidationError
from app.services.sla_config import SlaConfigService
from app.services.sla_types import ConfigSaved, ContractRow, ContractSpec, PolicySummary
from app.tasks import Lane, TaskRunner

from app.views.sla import sla_labels
from app.views.sla.sla_widgets import buddy, button_column, hint_label, mark_invalid, status_label
from app.views.widgets.banner import Banner
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.record_list import fit_columns, list_table, record_row, selected_id

log = logging.getLogger(__name__)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _policy_items(combo: QComboBox, policies: Sequence[PolicySummary], inactive: str) -> None:
    for p in policies:
        combo.addItem(p.name if p.active else f"{p.name} {inactive}", p.policy_id)


class ContractDialog(QDialog):
    """Adds or edits one contract of a client (write lane). GUI thread only."""

    #: The contract was stored; carries the `ConfigSaved`. Emitted just before accepting.
    saved = Signal(object)

    def __init__(
        self,
        service: SlaConfigService,
        runner: TaskRunner,
        me: TechnicianRow,
        client_id: int,
        policies: Sequence[PolicySummary],
        row: ContractRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._me = me
        self._client_id = client_id
        self._row = row
        self.setWindowTitle(self.tr("Edit contract") if row else self.tr("New contract"))
        self.banner = Banner()
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. Managed services 2026"))
        self.name_error = ErrorLabel()
        self.policy = QComboBox()
        _policy_items(self.policy, policies, self.tr("(inactive)"))
        self.policy_error = ErrorLabel()
        self.valid_from = QDateEdit(QDate.currentDate())
        self.open_ended = QCheckBox(self.tr("Open-ended"))
        self.valid_to = QDateEdit(QDate.currentDate().addYears(1).addDays(-1))
        for edit in (self.valid_from, self.valid_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.open_ended.toggled.connect(lambda on: self.valid_to.setEnabled(not on))
        self.valid_to_error = ErrorLabel()
        self.save_button = QPushButton(self.tr("&Save"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.setDefault(True)

        to_row = QHBoxLayout()
        to_row.addWidget(self.valid_to, 1)
        to_row.addWidget(self.open_ended)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Policy:"), self.policy)
        form.addRow("", self.policy_error)
        form.addRow(self.tr("Valid &from:"), self.valid_from)
        form.addRow(buddy(self.tr("Valid &to (last day):"), self.valid_to), to_row)
        form.addRow("", self.valid_to_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addLayout(buttons)

        if row is None:
            self.open_ended.setChecked(True)
        else:
            spec = row.spec
            self.name.setText(spec.name)
            self.policy.setCurrentIndex(max(0, self.policy.findData(spec.policy_id)))
            self.valid_from.setDate(_qdate(spec.valid_from))
            self.open_ended.setChecked(spec.valid_to is None)
            if spec.valid_to is not None:
                self.valid_to.setDate(_qdate(spec.valid_to))
        self.resize(460, self.sizeHint().height())

    def spec(self) -> ContractSpec | None:
        """The form as a `ContractSpec`; None when there is no policy to choose."""
        policy_id = self.policy.currentData()
        if not isinstance(policy_id, int):
            return None
        valid_to = None if self.open_ended.isChecked() else _pydate(self.valid_to.date())
        return ContractSpec(
            self._client_id,
            policy_id,
            self.name.text(),
            _pydate(self.valid_from.date()),
            valid_to,
        )

    def save(self) -> None:
        self._clear_errors()
        spec = self.spec()
        if spec is None:
            self.policy_error.show_error(self.tr("Create a policy first (Policies tab)."))
            return
        self.save_button.setEnabled(False)
        row = self._row
        self._runner.run(
            partial(
                self._service.save_contract,
                row.contract_id if row else None,
                row.version if row else None,
                spec,
                self._me.technician_id,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
        )

    def _on_saved(self, saved: ConfigSaved) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(saved)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(error, ValidationError):
            log.warning("saving a contract failed", exc_info=error)
            self.banner.show_message(sla_labels.failure_text(error, self.tr("contract")))
            return
        self._show_problems(error.problems)

    def _show_problems(self, problems: Mapping[str, str]) -> None:
        fields = {
            "name": self.name_error,
            "policy_id": self.policy_error,
            "valid_to": self.valid_to_error,
        }
        for key, code in problems.items():
            label = fields.get(key)
            if label is None:
                self.banner.show_message(sla_labels.problem(code))
            else:
                label.show_error(sla_labels.problem(code))
        mark_invalid(self.name, "name" in problems)

    def _clear_errors(self) -> None:
        self.banner.hide()
        for label in (self.name_error, self.policy_error, self.valid_to_error):
            label.clear_error()
        mark_invalid(self.name, False)


class ContractsPanel(QWidget):
    """Pick a client; set its default policy; list, add, edit and delete its contracts.

    GUI thread only. Reads on the read lane, writes on the write lane. Delete asks through
    `_confirm_delete`, which tests replace. The open contract dialog is `contract_dialog`.
    """

    #: Something was stored; carries the `Changes` to announce.
    changed = Signal(object)

    def __init__(
        self,
        service: SlaConfigService,
        directory: DirectoryService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._directory = directory
        self._runner = runner
        self._me = me
        self._policies: list[PolicySummary] = []
        self._contracts: list[ContractRow] = []
        #: The client's stored default policy, chosen again after the policy list reloads.
        self._client_policy: int | None = None
        #: The client the messages and the table are about.
        self._shown_client: int | None = None
        self.contract_dialog: ContractDialog | None = None

        self.client = QComboBox()
        self.client.setMinimumContentsLength(30)
        self.client.currentIndexChanged.connect(self._on_client_current_index_changed)
        self.default_policy = QComboBox()
        self.default_policy.setMinimumContentsLength(30)
        self.save_default_button = QPushButton(self.tr("Save default policy"))
        self.save_default_button.clicked.connect(self.save_default_policy)
        self.default_status = status_label()
        self.default_error = ErrorLabel()

        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Contract"), self.tr("Policy"), self.tr("Valid from"), self.tr("Valid to")]
        )
        self.table = list_table(self.model)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.add_button = QPushButton(self.tr("&Add contract…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.add_button.clicked.connect(self.add_contract)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.contracts_error = ErrorLabel()

        default_row = QHBoxLayout()
        default_row.addWidget(self.default_policy, 1)
        default_row.addWidget(self.save_default_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(buddy(self.tr("&Client:"), self.client), self.client)
        form.addRow(buddy(self.tr("Default &policy:"), self.default_policy), default_row)
        form.addRow("", self.default_error)
        form.addRow("", self.default_status)

        table_row = QHBoxLayout()
        table_row.addWidget(self.table, 1)
        table_row.addLayout(button_column((self.add_button, self.edit_button, self.delete_button)))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("<b>Contracts of this client</b>")))
        layout.addLayout(table_row, 1)
        layout.addWidget(self.contracts_error)
        layout.addWidget(
            hint_label(
                self.tr(
                    "A ticket uses the policy of the contract valid when it was created, else "
                    "the client's default policy, else the global default. Existing tickets "
                    "keep the policy chosen when they were created."
                )
            )
        )

    # -- public --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Query clients and policies, then the current client's default and contracts."""
        self._runner.run(
            self._service.policies,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_policies_loaded,
            on_failure=self._show_failure,
        )
        self._runner.run(
            self._directory.lookups,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_lookups_loaded,
            on_failure=self._show_failure,
        )

    def client_id(self) -> int | None:
        value = self.client.currentData()
        return value if isinstance(value, int) else None

    def select_client(self, client_id: int) -> None:
        index = self.client.findData(client_id)
        if index >= 0:
            self.client.setCurrentIndex(index)

    def save_default_policy(self) -> None:
        client_id = self.client_id()
        if client_id is None:
            return
        self.default_error.clear_error()
        self.default_status.hide()
        policy_id = self.default_policy.currentData()
        self._runner.run(
            partial(
                self._service.set_client_policy,
                client_id,
                policy_id if isinstance(policy_id, int) else None,
                self._me.technician_id,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=partial(self._on_default_saved, client_id),
            on_failure=self._on_default_failed,
        )

    def add_contract(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        contract_id = selected_id(self.table)
        row = next((c for c in self._contracts if c.contract_id == contract_id), None)
        if row is not None:
            self._open_dialog(row)

    def delete_selected(self) -> None:
        contract_id = selected_id(self.table)
        row = next((c for c in self._contracts if c.contract_id == contract_id), None)
        if row is None or not self._confirm_delete(row.spec.name):
            return
        self._runner.run(
            partial(self._service.delete_contract, row.contract_id, self._me.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _r: self._on_contract_saved(None),
            on_failure=self._show_failure,
        )

    # -- hook for the modal question (tests replace it) ----------------------------------------

    def _confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete contract?"),
            self.tr(
                "Delete the contract “{0}”? Existing tickets keep their policy; new tickets "
                "fall back to the client's default."
            ).format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- results -------------------------------------------------------------------------------

    def _on_policies_loaded(self, rows: list[PolicySummary]) -> None:
        self._policies = list(rows)
        self.default_policy.clear()
        self.default_policy.addItem(self.tr("(none — use global default)"), None)
        _policy_items(self.default_policy, rows, self.tr("(inactive)"))
        self._show_client_policy()

    def _on_lookups_loaded(self, lookups: Lookups) -> None:
        current = self.client_id()
        self.client.blockSignals(True)
        self.client.clear()
        for c in lookups.clients:
            self.client.addItem(f"{c.name} ({c.code})", c.client_id)
        index = self.client.findData(current) if current is not None else -1
        self.client.setCurrentIndex(max(0, index) if self.client.count() else -1)
        self.client.blockSignals(False)
        self._load_client()

    def _on_client_current_index_changed(self, _index: int) -> None:
        self._load_client()

    def _load_client(self) -> None:
        client_id = self.client_id()
        if client_id != self._shown_client:
            # Messages belong to the client they were about; a refresh of the same one keeps them.
            self._shown_client = client_id
            self.default_status.hide()
            self.default_error.clear_error()
            self.contracts_error.clear_error()
        enabled = client_id is not None
        for w in (self.default_policy, self.save_default_button, self.add_button):
            w.setEnabled(enabled)
        if client_id is None:
            self._set_contracts([])
            return
        self._runner.run(
            partial(self._service.client_policy, client_id),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_client_policy_loaded, client_id),
            on_failure=self._show_failure,
        )
        self._load_contracts(client_id)

    def _load_contracts(self, client_id: int) -> None:
        self._runner.run(
            partial(self._service.contracts, client_id),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_contracts_loaded, client_id),
            on_failure=self._show_failure,
        )

    def _on_client_policy_loaded(self, client_id: int, policy_id: int | None) -> None:
        if client_id != self.client_id():
            return  # the user moved on to another client meanwhile
        self._client_policy = policy_id
        self._show_client_policy()

    def _on_contracts_loaded(self, client_id: int, rows: list[ContractRow]) -> None:
        if client_id == self.client_id():
            self._set_contracts(rows)

    def _on_default_saved(self, client_id: int, recomputed: int) -> None:
        if client_id == self.client_id():
            chosen = self.default_policy.currentData()
            self._client_policy = chosen if isinstance(chosen, int) else None
            self.default_status.setText(sla_labels.saved_text(recomputed))
            self.default_status.show()
        self.changed.emit(
            Changes("ticket") if recomputed else Changes("client", frozenset({client_id}))
        )

    def _on_default_failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            text = "\n".join(sla_labels.problem(code) for code in error.problems.values())
        else:
            log.warning("saving a client's default policy failed", exc_info=error)
            text = sla_labels.failure_text(error, self.tr("client"))
        self.default_error.show_error(text)

    def _on_contract_saved(self, saved: ConfigSaved | None) -> None:
        client_id = self.client_id()
        if client_id is not None:
            self._load_contracts(client_id)
        self.changed.emit(saved.changes if saved is not None else Changes("sla"))

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def _show_failure(self, error: BaseException) -> None:
        log.warning("contracts task failed", exc_info=error)
        self.contracts_error.show_error(sla_labels.failure_text(error, self.tr("contract")))

    # -- internals -----------------------------------------------------------------------------

    def _show_client_policy(self) -> None:
        index = self.default_policy.findData(self._client_policy)
        self.default_policy.setCurrentIndex(max(0, index))

    def _set_contracts(self, rows: Sequence[ContractRow]) -> None:
        self._contracts = list(rows)
        self.model.removeRows(0, self.model.rowCount())
        for c in rows:
            valid_to = c.spec.valid_to.isoformat() if c.spec.valid_to else self.tr("open-ended")
            self.model.appendRow(
                record_row(
                    c.contract_id,
                    [c.spec.name, c.policy_name, c.spec.valid_from.isoformat(), valid_to],
                )
            )
        fit_columns(self.table)

    def _open_dialog(self, row: ContractRow | None) -> None:
        client_id = self.client_id()
        if client_id is None:
            return
        dialog = ContractDialog(
            self._service, self._runner, self._me, client_id, self._policies, row, self
        )
        dialog.saved.connect(self._on_contract_saved)
        dialog.finished.connect(dialog.deleteLater)
        self.contract_dialog = dialog
        dialog.open()
