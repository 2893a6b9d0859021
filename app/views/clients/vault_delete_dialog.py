"""Delete a credential for good, with a reason, audited (`item_delete`, vault.md §8.5, §9).

The dialog is the confirmation: it names the credential, says the deletion cannot be undone and
is recorded, and needs a reason of at least five characters. `delete_item` runs on the write
lane. When the vault locks the dialog stays open with an inline unlock, keeping the reason.
GUI thread only.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.types import ItemRow

from app.views.clients.vault_session import VaultSession
from app.views.clients.vault_unlock_prompt import UnlockPrompt
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

#: vault.md §8.5: a deletion needs a reason of at least 5 characters (the service checks too).
MIN_REASON: Final = 5
REASON_MAX: Final = 500


class DeleteCredentialDialog(QDialog):
    """Asks for a reason, then deletes the item. GUI thread only."""

    #: The item was deleted; carries its id as text. Emitted just before the dialog accepts.
    deleted = Signal(str)

    def __init__(
        self,
        session: VaultSession,
        runner: TaskRunner,
        item: ItemRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self.item = item
        self._busy = False
        self._build()
        session.locked.connect(self._on_session_locked)
        session.unlocked.connect(self._on_session_unlocked)
        if not session.is_unlocked:
            self._on_session_locked()

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Delete credential"))
        title = QLabel(self.item.label)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        where = " · ".join(p for p in (self.item.kind, self.item.host) if p)
        detail = QLabel(where)
        detail.setTextFormat(Qt.TextFormat.PlainText)
        warning = QLabel(
            self.tr(
                "The credential and its stored secrets are deleted for good; this cannot be "
                "undone. The deletion and your reason are recorded in the audit log."
            )
        )
        warning.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(
            self.tr("At least {n} characters, e.g. the ticket").format(n=MIN_REASON)
        )
        self.reason_edit.returnPressed.connect(self._on_delete_button_clicked)
        self.reason_error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow("", self.reason_error)
        self.unlock_prompt = UnlockPrompt(self._session, self._runner, self)
        self.general_error = ErrorLabel()
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("destructive")
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)  # Enter in the dialog does not delete by accident
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if where:
            layout.addWidget(detail)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.unlock_prompt)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

    def _on_delete_button_clicked(self) -> None:
        if self._busy or not self.delete_button.isEnabled():
            return
        self.reason_error.clear_error()
        self.general_error.clear_error()
        reason = self.reason_edit.text().strip()
        if len(reason) < MIN_REASON:
            self.reason_error.show_error(
                self.tr("Give a reason of at least {n} characters.").format(n=MIN_REASON)
            )
            self.reason_edit.setFocus()
            return
        self._busy = True
        self.delete_button.setEnabled(False)
        self._runner.run(
            partial(self._session.service.delete_item, self.item.item_id, reason),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_deleted,
            on_failure=self._on_delete_failed,
        )

    def _on_deleted(self, _result: object = None) -> None:
        self._busy = False
        self._session.note_audited(self._runner)
        self.deleted.emit(str(self.item.item_id))
        self.accept()

    def _on_delete_failed(self, error: BaseException) -> None:
        self._busy = False
        self.delete_button.setEnabled(True)
        if isinstance(error, VaultLocked):
            self._session.refresh()
            self._on_session_locked()
            return
        if isinstance(error, PermissionDenied):
            text = self.tr("You have no access to this client's vault.")
        elif isinstance(error, ValueError):
            text = self.tr("Give a reason of at least {n} characters.").format(n=MIN_REASON)
        elif type(error) is VaultError:  # a refusal (no such item), not an integrity error
            log.info("deleting a credential was refused: %s", error)
            text = self.tr(
                "The credential could not be deleted; it may have been removed meanwhile."
            )
        else:
            log.warning("deleting a credential failed: %s", type(error).__name__)
            text = self.tr("The credential could not be deleted. Try again later.")
        self.general_error.show_error(text)

    def _on_session_locked(self) -> None:
        self.delete_button.setEnabled(False)
        self.unlock_prompt.show_prompt()

    def _on_session_unlocked(self) -> None:
        self.unlock_prompt.hide()
        self.delete_button.setEnabled(not self._busy)
