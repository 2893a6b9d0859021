"""Reveal one credential: ask why (ticket or reason), then show it masked, with Show and Copy.

vault.md §8.5: every reveal and every copy is its own audited `reveal` call on the write lane
(the service commits the audit row before decrypting, fail closed). The dialog closes itself when
the vault locks and overwrites what it held (best effort: Qt keeps its own copies of shown text).
"""

from __future__ import annotations

import logging
import re
import uuid
from functools import partial
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner
from app.vault.errors import AuditUnavailable, PermissionDenied, VaultLocked
from app.vault.secret import Secret
from app.vault.types import ItemRow, Purpose

from app.views.clients.vault_models import secret_field_name
from app.views.clients.vault_session import VaultSession
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

#: What a masked field shows; a fixed length, so the length of the secret does not show either.
MASK: Final = "•" * 10
#: vault.md §8.5: a reason is at least 5 characters (without a ticket).
MIN_REASON: Final = 5
#: The fields shown; the others stay sealed.
SHOWN_FIELDS: Final = ("username", "password")
_TICKET = re.compile(r"^\s*(?:T-?)?0*(\d{1,9})\s*$", re.IGNORECASE)


def parse_ticket(text: str) -> int | None:
    """The ticket typed: "T-000123", "t123" or "123" give 123, "" gives None; else ValueError."""
    if not text.strip():
        return None
    match = _TICKET.match(text)
    if match is None or int(match.group(1)) == 0:
        raise ValueError(text)
    return int(match.group(1))


class RevealDialog(QDialog):
    """Two steps: the purpose form, then the revealed fields. GUI thread only."""

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
        self._item = item
        self._purpose: Purpose | None = None
        self._secrets: dict[str, Secret] = {}
        self._busy = False
        self.value_edits: dict[str, QLineEdit] = {}
        self.show_buttons: dict[str, QPushButton] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        self._build()
        session.locked.connect(self._on_session_locked)
        # Accept, reject, Escape and close all end in `finished`.
        self.finished.connect(self._on_finished)

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Reveal — {label}").format(label=self._item.label))
        title = QLabel(self._item.label)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_purpose())
        self.stack.addWidget(self._build_secrets())
        self.message = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.stack)
        layout.addWidget(self.message)
        self.resize(440, self.sizeHint().height())

    def _build_purpose(self) -> QWidget:
        hint = QLabel(
            self.tr(
                "Every reveal is recorded. Give the ticket you work on, or say why you need it."
            )
        )
        hint.setWordWrap(True)
        self.ticket_edit = QLineEdit()
        self.ticket_edit.setPlaceholderText(self.tr("T-000123 or 123"))
        self.ticket_error = ErrorLabel()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("At least 5 characters without a ticket"))
        self.reason_error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Ticket:"), self.ticket_edit)
        form.addRow("", self.ticket_error)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        form.addRow("", self.reason_error)
        self.reveal_button = QPushButton(self.tr("Reveal"))
        self.reveal_button.setDefault(True)
        self.reveal_button.clicked.connect(self._on_reveal_button_clicked)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(cancel)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def _build_secrets(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout()
        for row, name in enumerate(SHOWN_FIELDS):
            edit = QLineEdit()
            edit.setReadOnly(True)
            show = QPushButton(self.tr("Show"))
            show.setCheckable(True)
            show.toggled.connect(partial(self._on_show_toggled, name))
            copy = QPushButton(self.tr("Copy"))
            copy.clicked.connect(partial(self._copy, name))
            grid.addWidget(QLabel(secret_field_name(name).capitalize() + ":"), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(show, row, 2)
            grid.addWidget(copy, row, 3)
            self.value_edits[name], self.show_buttons[name], self.copy_buttons[name] = (
                edit,
                show,
                copy,
            )
        self.copied_label = QLabel()
        self.copied_label.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copied_label, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        return page

    # --- reveal -------------------------------------------------------------------------------

    def _on_reveal_button_clicked(self) -> None:
        if self._busy:
            return
        purpose = self._read_purpose()
        if purpose is None:
            return
        fields = [n for n in SHOWN_FIELDS if n in self._item.has]
        if not fields:
            self.message.show_error(self.tr("This credential has no username or password."))
            return
        self._busy = True
        self.reveal_button.setEnabled(False)
        self._runner.run(
            partial(self._session.service.reveal, self._item.item_id, fields, purpose),
            lane=Lane.WRITE,
            owner=self,
            on_success=partial(self._on_revealed, purpose),
            on_failure=self._on_failed,
        )

    def _read_purpose(self) -> Purpose | None:
        """The purpose typed, or None after saying what is missing next to the fields."""
        self.ticket_error.clear_error()
        self.reason_error.clear_error()
        self.message.clear_error()
        try:
            ticket = parse_ticket(self.ticket_edit.text())
        except ValueError:
            self.ticket_error.show_error(self.tr("Type a ticket number such as T-000123."))
            return None
        reason = self.reason_edit.text().strip()
        if ticket is None and len(reason) < MIN_REASON:
            self.reason_error.show_error(
                self.tr("Give a ticket, or a reason of at least {n} characters.").format(
                    n=MIN_REASON
                )
            )
            return None
        return Purpose("view", ticket_id=ticket, reason=reason)

    def _on_revealed(self, purpose: Purpose, secrets: dict[str, Secret]) -> None:
        self._busy = False
        self._purpose = purpose
        self._secrets = secrets
        for name in SHOWN_FIELDS:
            present = name in secrets
            self.value_edits[name].setText(MASK if present else "")
            self.value_edits[name].setPlaceholderText("" if present else self.tr("(not set)"))
            self.show_buttons[name].setEnabled(present)
            self.copy_buttons[name].setEnabled(present)
        self.stack.setCurrentIndex(1)
        self.show_buttons["password"].setFocus()

    def _on_show_toggled(self, name: str, shown: bool) -> None:
        secret = self._secrets.get(name)
        if secret is None or secret.wiped:
            return
        self.value_edits[name].setText(secret.reveal_text() if shown else MASK)
        self.show_buttons[name].setText(self.tr("Hide") if shown else self.tr("Show"))

    # --- copy ---------------------------------------------------------------------------------

    def _copy(self, name: str) -> None:
        """Audited as its own `copy` reveal of this one field before the clipboard is touched."""
        if self._busy or self._purpose is None:
            return
        purpose = Purpose("copy", ticket_id=self._purpose.ticket_id, reason=self._purpose.reason)
        self._busy = True
        self._runner.run(
            partial(self._session.service.reveal, self._item.item_id, [name], purpose),
            lane=Lane.WRITE,
            owner=self,
            on_success=partial(self._on_copy_revealed, name),
            on_failure=self._on_failed,
        )

    def _on_copy_revealed(self, name: str, secrets: dict[str, Secret]) -> None:
        self._busy = False
        secret = secrets.get(name)
        if secret is None:
            return
        with secret:
            self._session.clipboard.copy_secret(secret)
        self.copied_label.setText(
            self.tr("Copied; the clipboard is cleared in {s} s.").format(
                s=round(self._session.clipboard.seconds)
            )
        )

    # --- failures and closing -----------------------------------------------------------------

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        self.reveal_button.setEnabled(True)
        if isinstance(error, VaultLocked):
            self.close()
            return
        if isinstance(error, AuditUnavailable):
            text = self.tr("The reveal could not be recorded, so nothing was shown.")
        elif isinstance(error, PermissionDenied):
            text = self.tr("You have no access to this client's vault.")
        else:
            log.warning("revealing a credential failed: %s", type(error).__name__)
            text = self.tr("The credential could not be revealed. Try again later.")
        self.message.show_error(text)

    def _on_session_locked(self) -> None:
        self.close()

    def _on_finished(self, _result: int) -> None:
        self._forget()

    def _forget(self) -> None:
        for edit in self.value_edits.values():
            edit.clear()
        for secret in self._secrets.values():
            secret.wipe()
        self._secrets = {}

    def revealed_item(self) -> uuid.UUID:
        return self._item.item_id
