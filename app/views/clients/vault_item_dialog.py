"""Add or edit a credential: metadata in plaintext, secrets sealed by the service.

Editing never decrypts (vault.md §7.3): the metadata is pre-filled from the list row, the secret
fields start empty and an empty one keeps its stored value (`ItemDraft.secrets` leaves it out).
Typing a new password replaces it, and the service moves `rotated_at`. The save runs on the
write lane and is audited there (`item_create` / `item_update`). GUI thread only.

The TOTP seed is pasted as a Base32 key or an `otpauth://totp/` URI, checked here before
anything is sent (`app.vault.totp`), and stored as the `totp` secret in its canonical URI form
so the digits, period and algorithm travel with the key.
"""

from __future__ import annotations

import logging
import uuid
from functools import partial
from typing import Final

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import Lane, TaskRunner
from app.vault import totp
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.secret import Secret
from app.vault.types import ItemDraft, ItemRow

from app.views.clients.vault_models import password_changed_text
from app.views.clients.vault_session import VaultSession
from app.views.clients.vault_unlock_prompt import UnlockPrompt
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

#: Kinds offered; the field stays editable for others.
KINDS: Final = ("password", "rdp", "ssh", "web", "api-key", "other")
LABEL_MAX: Final = 200
#: Column widths of the plaintext metadata (app/models/vault.py).
HOST_MAX: Final = 255
URL_MAX: Final = 500
DOMAIN_MAX: Final = 200
TAGS_MAX: Final = 500


def _t(text: str) -> str:
    return QCoreApplication.translate("AddCredentialDialog", text)


def totp_error_text(code: str) -> str:
    """What to tell the user about a TOTP seed refused with `code` (`totp.TotpError.code`)."""
    t = _t
    texts = {
        "empty": t("Paste the TOTP seed."),
        "too_long": t("This is too long for a TOTP seed."),
        "invalid_base32": t(
            "This is not a Base32 key: use the letters A–Z and digits 2–7 the site shows, "
            "or paste the whole otpauth:// link."
        ),
        "invalid_uri": t(
            "This otpauth:// link is malformed: paste it whole, or paste the Base32 key instead."
        ),
        "not_totp": t(
            "This link is for counter-based (HOTP) codes; only time-based (TOTP) seeds are "
            "supported."
        ),
        "missing_secret": t("This otpauth:// link has no secret in it."),
        "unsupported_algorithm": t(
            "The link asks for an algorithm other than SHA1, SHA256 or SHA512."
        ),
        "invalid_digits": t("The link asks for codes of other than 6 to 8 digits."),
        "invalid_period": t("The link asks for a period outside 15 to 120 seconds."),
        "too_short": t("This key is too short (under 80 bits): check that it was copied whole."),
    }
    return texts.get(code, t("This is not a TOTP seed."))


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

    With `item` it edits that item instead (see the module docstring). A refused or failed save
    keeps every typed value and says why; when the vault locks, the dialog stays open and asks
    for the vault password in place.
    """

    #: The item was stored; carries its id as text. Emitted just before the dialog accepts.
    saved = Signal(str)

    def __init__(
        self,
        session: VaultSession,
        runner: TaskRunner,
        vault_id: int,
        parent: QWidget | None = None,
        *,
        item: ItemRow | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._vault_id = vault_id
        #: The item edited; None when adding.
        self.item = item
        self._saving = False
        self._build()
        if item is not None:
            self._fill(item)
        session.locked.connect(self._on_session_locked)
        session.unlocked.connect(self._on_session_unlocked)
        if not session.is_unlocked:
            self._on_session_locked()

    def _build(self) -> None:
        editing = self.item is not None
        self.setWindowTitle(self.tr("Edit credential") if editing else self.tr("Add credential"))
        self.label_edit = QLineEdit()
        self.label_edit.setMaxLength(LABEL_MAX)
        self.label_error = ErrorLabel()
        self.kind_box = QComboBox()
        self.kind_box.setEditable(True)
        self.kind_box.addItems(list(KINDS))
        self.host_edit = QLineEdit()
        self.host_edit.setMaxLength(HOST_MAX)
        self.port_edit = QLineEdit()
        self.port_edit.setPlaceholderText(self.tr("1–65535, optional"))
        self.port_edit.setMaxLength(5)
        self.port_error = ErrorLabel()
        self.url_edit = QLineEdit()
        self.url_edit.setMaxLength(URL_MAX)
        self.domain_edit = QLineEdit()
        self.domain_edit.setMaxLength(DOMAIN_MAX)
        self.tags_edit = QLineEdit()
        self.tags_edit.setMaxLength(TAGS_MAX)
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, optional"))
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        #: Masked like the password: the seed is as secret as it (whoever has it makes codes).
        self.totp_edit = QLineEdit()
        self.totp_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.totp_edit.setMaxLength(totp.MAX_INPUT)
        self.totp_edit.setPlaceholderText(self.tr("Paste the Base32 key or otpauth:// link"))
        self.totp_edit.editingFinished.connect(self._on_totp_edit_editing_finished)
        self.totp_error = ErrorLabel()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(90)
        #: Edit only: when the password last changed, and that empty fields keep their value.
        self.secrets_hint = QLabel()
        self.secrets_hint.setObjectName("secretsHint")
        self.secrets_hint.setWordWrap(True)
        self.secrets_hint.setVisible(editing)
        self.general_error = ErrorLabel()
        self.unlock_prompt = UnlockPrompt(self._session, self._runner, self)

        form = QFormLayout()
        form.addRow(self.tr("&Label:"), self.label_edit)
        form.addRow("", self.label_error)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        form.addRow(self.tr("&Host:"), self.host_edit)
        form.addRow(self.tr("P&ort:"), self.port_edit)
        form.addRow("", self.port_error)
        form.addRow(self.tr("&URL:"), self.url_edit)
        form.addRow(self.tr("&Domain:"), self.domain_edit)
        form.addRow(self.tr("&Tags:"), self.tags_edit)
        form.addRow("", self.secrets_hint)
        form.addRow(self.tr("&Username:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("TOTP s&eed:"), self.totp_edit)
        form.addRow("", self.totp_error)
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
        layout.addWidget(self.unlock_prompt)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.resize(480, self.sizeHint().height())

    def _fill(self, item: ItemRow) -> None:
        """Metadata from the list row; secrets stay empty ("keep") with a placeholder saying so."""
        self.label_edit.setText(item.label)
        self.kind_box.setCurrentText(item.kind)
        self.host_edit.setText(item.host)
        self.port_edit.setText("" if item.port is None else str(item.port))
        self.url_edit.setText(item.url)
        self.domain_edit.setText(item.domain)
        self.tags_edit.setText(item.tags)
        self.secrets_hint.setText(
            password_changed_text(item)
            + ". "
            + self.tr("Secrets are not shown here: type only the ones to replace.")
        )
        placeholders = (
            (self.username_edit, "username", self.tr("Leave empty to keep the current username")),
            (self.password_edit, "password", self.tr("Leave empty to keep the current password")),
            (self.totp_edit, "totp", self.tr("Leave empty to keep the current TOTP seed")),
        )
        for edit, name, keep in placeholders:
            edit.setPlaceholderText(keep if name in item.has else self.tr("Not set"))
        self.notes_edit.setPlaceholderText(
            self.tr("Leave empty to keep the current notes")
            if "notes" in item.has
            else self.tr("Not set")
        )

    # --- saving -------------------------------------------------------------------------------

    def _on_save_button_clicked(self) -> None:
        if self._saving:
            return
        draft = self._draft()
        if draft is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self._runner.run(
            partial(self._session.service.put_item, draft),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
        )

    def _draft(self) -> ItemDraft | None:
        """The item typed, or None after showing what is wrong next to the fields."""
        for error in (self.label_error, self.port_error, self.totp_error, self.general_error):
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
        seed = self._checked_totp()
        if seed is None:
            ok = False
        if not ok:
            return None
        # Empty = keep (edit) or not set (add): only typed secrets go to the service.
        secrets: dict[str, Secret] = {}
        for name, value in (
            ("username", self.username_edit.text()),
            ("password", self.password_edit.text()),
            ("notes", self.notes_edit.toPlainText()),
        ):
            if value:
                secrets[name] = Secret(value)
        if seed:
            secrets["totp"] = Secret(seed)
        return ItemDraft(
            vault_id=self._vault_id,
            label=label,
            kind=self.kind_box.currentText().strip() or KINDS[0],
            host=self.host_edit.text(),
            port=port,
            url=self.url_edit.text(),
            domain=self.domain_edit.text(),
            tags=self.tags_edit.text().strip(),
            secrets=secrets,
            item_id=None if self.item is None else self.item.item_id,
        )

    def _checked_totp(self) -> str | None:
        """The seed typed in its stored form; "" when empty (keep / not set); None after
        showing why it is refused. The typed text stays, so the user can fix it."""
        text = self.totp_edit.text()
        if not text.strip():
            self.totp_error.clear_error()
            return ""
        try:
            seed = totp.normalise(text)
        except totp.TotpError as error:
            self.totp_error.show_error(totp_error_text(error.code))
            return None
        self.totp_error.clear_error()
        return seed

    def _on_totp_edit_editing_finished(self) -> None:
        # Said at the field as soon as focus leaves, not only on Save.
        self._checked_totp()

    def _on_saved(self, item_id: uuid.UUID) -> None:
        self._saving = False
        self.password_edit.clear()
        self.username_edit.clear()
        self.notes_edit.clear()
        self.totp_edit.clear()
        self._session.note_audited(self._runner)
        self.saved.emit(str(item_id))
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, VaultLocked):
            self._session.refresh()  # tells the other views; the prompt shows here
            self._on_session_locked()
            return
        if isinstance(error, PermissionDenied):
            text = self.tr("You have no access to this client's vault.")
        elif type(error) is VaultError:  # a refusal (no such item), not an integrity error
            log.info("saving a credential was refused: %s", error)
            text = self.tr(
                "The credential changed or was removed meanwhile. Close this dialog and try again."
            )
        else:
            log.warning("saving a credential failed: %s", type(error).__name__)
            text = self.tr("The credential could not be saved. Try again later.")
        self.general_error.show_error(text)

    # --- lock ---------------------------------------------------------------------------------

    def _on_session_locked(self) -> None:
        self.save_button.setEnabled(False)
        self.unlock_prompt.show_prompt()

    def _on_session_unlocked(self) -> None:
        self.unlock_prompt.hide()
        self.save_button.setEnabled(not self._saving)


class EditCredentialDialog(AddCredentialDialog):
    """`AddCredentialDialog` on an existing item (metadata pre-filled, secrets kept if empty)."""

    def __init__(
        self,
        session: VaultSession,
        runner: TaskRunner,
        item: ItemRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, runner, item.vault_id, parent, item=item)
