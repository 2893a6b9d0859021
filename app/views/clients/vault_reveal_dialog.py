"""Reveal one credential: ask why (ticket or reason), then show it masked, with Show and Copy.

vault.md §8.5: every reveal and every copy is its own audited `reveal` call on the write lane
(the service commits the audit row before decrypting, fail closed). The dialog closes itself when
the vault locks and overwrites what it held (best effort: Qt keeps its own copies of shown text).

The username, password and notes come in one `view` reveal; the notes are shown as they are
(read only). A TOTP seed is revealed only on "Show code", as its own reveal with action `totp`
and the dialog's ticket and reason. The seed is never shown: codes are computed from it locally
each second (`TotpPanel`) while the dialog is open, and it is forgotten on close and on lock.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from collections.abc import Callable
from functools import partial
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner
from app.vault import totp
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
#: The fields shown masked, with Show and Copy.
SHOWN_FIELDS: Final = ("username", "password")
#: What the first, `view` reveal decrypts (when set): the masked fields and the notes. The TOTP
#: seed waits for "Show code"; the private key and extras stay sealed.
VIEW_FIELDS: Final = (*SHOWN_FIELDS, "notes")
_TICKET = re.compile(r"^\s*(?:T-?)?0*(\d{1,9})\s*$", re.IGNORECASE)


def parse_ticket(text: str) -> int | None:
    """The ticket typed: "T-000123", "t123" or "123" give 123, "" gives None; else ValueError."""
    if not text.strip():
        return None
    match = _TICKET.match(text)
    if match is None or int(match.group(1)) == 0:
        raise ValueError(text)
    return int(match.group(1))


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def grouped(code: str) -> str:
    """A code as shown: "287 082", "1234 5678", "123 4567" (the copy has no spaces)."""
    cut = len(code) // 2
    return f"{code[:cut]} {code[cut:]}"


class TotpPanel(QWidget):
    """The current code, large, with a countdown bar, from a seed held only in memory.

    Refreshes on each whole second of `now` and rolls to the next code when the period ends.
    `forget()` drops the seed (best effort: the key is immutable `bytes`, so it is released to
    the garbage collector rather than overwritten). GUI thread only.
    """

    #: "Copy code" was clicked; carries the code without spaces.
    copy_requested = Signal(str)

    def __init__(self, now: Callable[[], dt.datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._spec: totp.TotpSpec | None = None
        self.code_label = QLabel()
        self.code_label.setObjectName("totpCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(24)
        font.setWeight(QFont.Weight.DemiBold)
        self.code_label.setFont(font)
        self.countdown = QProgressBar()
        self.countdown.setTextVisible(True)
        self.countdown.setMaximumHeight(14)
        self.copy_button = QPushButton(self.tr("Copy code"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label, 1)
        code_row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(code_row)
        layout.addWidget(self.countdown)
        #: Single shot, re-armed for the next whole second so the roll-over is not up to 1 s late.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def running(self) -> bool:
        return self._spec is not None

    def start(self, spec: totp.TotpSpec) -> None:
        self._spec = spec
        self.countdown.setRange(0, spec.period)
        self.tick()

    def current_code(self) -> str:
        """The code at `now`, "" when no seed is held."""
        return "" if self._spec is None else totp.code(self._spec, self._now())

    def tick(self) -> None:
        """Show the code and the seconds left at `now`, and arm the next tick."""
        if self._spec is None:
            return
        at = self._now()
        left = totp.seconds_left(self._spec, at)
        self.code_label.setText(grouped(totp.code(self._spec, at)))
        self.countdown.setValue(left)
        self.countdown.setFormat(self.tr("%v s left"))
        self._timer.start(max(50, 1000 - at.microsecond // 1000))

    def forget(self) -> None:
        self._timer.stop()
        self._spec = None
        self.code_label.clear()
        self.countdown.reset()

    def _on_timer_timeout(self) -> None:
        self.tick()

    def _on_copy_button_clicked(self) -> None:
        code = self.current_code()
        if code:
            self.copy_requested.emit(code)


class RevealDialog(QDialog):
    """Two steps: the purpose form, then the revealed fields. GUI thread only.

    `now` is the clock TOTP codes are computed at (tests pass a fake clock's `now`).
    """

    def __init__(
        self,
        session: VaultSession,
        runner: TaskRunner,
        item: ItemRow,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._item = item
        self._now = now
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
        row = len(SHOWN_FIELDS)
        self.notes_view = QPlainTextEdit()
        self.notes_view.setReadOnly(True)
        self.notes_view.setTabChangesFocus(True)
        self.notes_view.setMaximumHeight(110)
        self.notes_label = QLabel(self.tr("Notes:"))
        self.notes_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.notes_label, row, 0)
        grid.addWidget(self.notes_view, row, 1, 1, 3)
        has_notes = "notes" in self._item.has
        self.notes_label.setVisible(has_notes)
        self.notes_view.setVisible(has_notes)
        row += 1
        self.show_code_button = QPushButton(self.tr("Show code"))
        self.show_code_button.clicked.connect(self._on_show_code_button_clicked)
        self.totp_panel = TotpPanel(self._now)
        self.totp_panel.copy_requested.connect(self._on_totp_copy_requested)
        self.totp_panel.hide()
        self.totp_label = QLabel(self.tr("One-time code:"))
        code_row = QHBoxLayout()
        code_row.addWidget(self.show_code_button)
        code_row.addWidget(self.totp_panel, 1)
        code_row.addStretch(0)
        grid.addWidget(self.totp_label, row, 0)
        grid.addLayout(code_row, row, 1, 1, 3)
        has_totp = "totp" in self._item.has
        self.totp_label.setVisible(has_totp)
        self.show_code_button.setVisible(has_totp)
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
        fields = [n for n in VIEW_FIELDS if n in self._item.has]
        if not fields and "totp" not in self._item.has:
            self.message.show_error(self.tr("This credential has no secrets to show."))
            return
        if not fields:
            # Only a TOTP seed: nothing to decrypt (or audit) until "Show code".
            self._on_revealed(purpose, {})
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
        notes = secrets.get("notes")
        self.notes_view.setPlainText("" if notes is None else notes.reveal_text())
        self.stack.setCurrentIndex(1)
        if "password" in secrets:
            self.show_buttons["password"].setFocus()
        elif self.show_code_button.isVisible():
            self.show_code_button.setFocus()

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

    # --- one-time codes -----------------------------------------------------------------------

    def _on_show_code_button_clicked(self) -> None:
        """Reveals the seed as its own `totp` audit row, with the dialog's ticket and reason."""
        if self._busy or self._purpose is None:
            return
        purpose = Purpose("totp", ticket_id=self._purpose.ticket_id, reason=self._purpose.reason)
        self._busy = True
        self.show_code_button.setEnabled(False)
        self._runner.run(
            partial(self._session.service.reveal, self._item.item_id, ["totp"], purpose),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_totp_revealed,
            on_failure=self._on_failed,
        )

    def _on_totp_revealed(self, secrets: dict[str, Secret]) -> None:
        self._busy = False
        secret = secrets.get("totp")
        if secret is None:  # removed meanwhile
            self.show_code_button.setEnabled(True)
            self.message.show_error(self.tr("This credential no longer has a TOTP seed."))
            return
        with secret:
            try:
                spec = totp.parse(secret.reveal_text())
            except totp.TotpError as error:
                log.warning("a stored TOTP seed does not parse: %s", error.code)
                self.show_code_button.setEnabled(True)
                self.message.show_error(
                    self.tr("The stored TOTP seed is not valid. Edit the credential to replace it.")
                )
                return
        self.show_code_button.hide()
        self.totp_panel.show()
        self.totp_panel.start(spec)

    def _on_totp_copy_requested(self, code: str) -> None:
        """Not audited again: the code comes from the seed revealed under the `totp` row, for
        the same ticket and reason, and lives 30 s; a `copy` reveal would decrypt the seed
        again only to write a row saying less."""
        with Secret(code) as secret:
            self._session.clipboard.copy_secret(secret)
        self.copied_label.setText(
            self.tr("Code copied; the clipboard is cleared in {s} s.").format(
                s=round(self._session.clipboard.seconds)
            )
        )

    # --- failures and closing -----------------------------------------------------------------

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        self.reveal_button.setEnabled(True)
        self.show_code_button.setEnabled(True)
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
        self.notes_view.clear()
        self.totp_panel.forget()
        for secret in self._secrets.values():
            secret.wipe()
        self._secrets = {}

    def revealed_item(self) -> uuid.UUID:
        return self._item.item_id
