"""Add a credential to a client's vault: metadata in plaintext, secrets sealed by the service."""

from __future__ import annotations

import logging
import uuid
from functools import partial
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner
from app.vault.errors import PermissionDenied, VaultLocked
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft

from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

#: Kinds offered; the field stays editable for others.
KINDS: Final = ("password", "rdp", "ssh", "web", "api-key", "other")
LABEL_MAX: Final = 200


def parse_port(text: str) -> int | None:
    """The port typed, None when empty; ValueError unless it is 1–65535."""
    text = text.strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise ValueError(text)
    port = int(text)
    if not 1 <= port <= 65535:
        raise ValueError(text)
    return port


class AddCredentialDialog(QDialog):
    """Collects one item and stores it with `put_item` on the write lane. GUI thread only.

    A refused or failed save keeps every typed value and says why next to the field.
    """

    #: The item was stored; carries its id as text. Emitted just before the dialog accepts.
    saved = Signal(str)

    def __init__(
        self,
        service: VaultService,
        runner: TaskRunner,
        vault_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._vault_id = vault_id
        self._saving = False
        self._build()

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Add credential"))
        self.label_edit = QLineEdit()
        self.label_edit.setMaxLength(LABEL_MAX)
        self.label_error = ErrorLabel()
        self.kind_box = QComboBox()
        self.kind_box.setEditable(True)
        self.kind_box.addItems(list(KINDS))
        self.host_edit = QLineEdit()
        self.port_edit = QLineEdit()
        self.port_edit.setPlaceholderText(self.tr("1–65535, optional"))
        self.port_edit.setMaxLength(5)
        self.port_error = ErrorLabel()
        self.url_edit = QLineEdit()
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(90)
        self.general_error = ErrorLabel()

        form = QFormLayout()
        form.addRow(self.tr("&Label:"), self.label_edit)
        form.addRow("", self.label_error)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        form.addRow(self.tr("&Host:"), self.host_edit)
        form.addRow(self.tr("P&ort:"), self.port_edit)
        form.addRow("", self.port_error)
        form.addRow(self.tr("&URL:"), self.url_edit)
        form.addRow(self.tr("&Username:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Notes:"), self.notes_edit)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.resize(460, self.sizeHint().height())

    def _on_save_button_clicked(self) -> None:
        if self._saving:
            return
        draft = self._draft()
        if draft is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self._runner.run(
            partial(self._service.put_item, draft),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
        )

    def _draft(self) -> ItemDraft | None:
        """The item typed, or None after showing what is wrong next to the fields."""
        for error in (self.label_error, self.port_error, self.general_error):
            error.clear_error()
        ok = True
        label = self.label_edit.text().strip()
        if not label:
            self.label_error.show_error(self.tr("Give the credential a label."))
            ok = False
        port: int | None = None
        try:
            port = parse_port(self.port_edit.text())
        except ValueError:
            self.port_error.show_error(self.tr("A port is a number from 1 to 65535."))
            ok = False
        if not ok:
            return None
        secrets: dict[str, Secret] = {}
        for name, value in (
            ("username", self.username_edit.text()),
            ("password", self.password_edit.text()),
            ("notes", self.notes_edit.toPlainText()),
        ):
            if value:
                secrets[name] = Secret(value)
        return ItemDraft(
            vault_id=self._vault_id,
            label=label,
            kind=self.kind_box.currentText().strip() or KINDS[0],
            host=self.host_edit.text(),
            port=port,
            url=self.url_edit.text(),
            secrets=secrets,
        )

    def _on_saved(self, item_id: uuid.UUID) -> None:
        self._saving = False
        self.password_edit.clear()
        self.saved.emit(str(item_id))
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, VaultLocked):
            text = self.tr("The vault locked. Unlock it, then save again.")
        elif isinstance(error, PermissionDenied):
            text = self.tr("You have no access to this client's vault.")
        else:
            log.warning("saving a credential failed: %s", type(error).__name__)
            text = self.tr("The credential could not be saved. Try again later.")
        self.general_error.show_error(text)
