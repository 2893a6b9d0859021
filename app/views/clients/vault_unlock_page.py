"""The locked page of the Credentials tab: the vault password, "Remember this device", and
"Forgot vault password?" (vault.md §6.6, §8.3, §8.9).

Only the widgets: `VaultPanel` connects them (unlock on the write lane, back-off, the reset
dialog). The remember box is disabled, with the reason as tooltip, when this computer has no
keychain the app trusts. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.vault.keychain import DeviceKeychain, KeychainReason

from app.views.widgets.form_errors import ErrorLabel


class UnlockPage(QWidget):
    """Centred unlock form; the panel wires its buttons."""

    def __init__(self, keychain: DeviceKeychain, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("The credential vault is locked."))
        title.setStyleSheet("font-weight: 600;")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Vault password"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.password_error = ErrorLabel()
        self.remember_check = QCheckBox(self.tr("Remember this device"))
        if not keychain.available:
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(self._keychain_reason_text(keychain.reason))
        else:
            self.remember_check.setToolTip(
                self.tr("Unlock without the password on this computer, using its keychain.")
            )
        # A link-like flat button: a reset is rare and has consequences, so not a main button.
        self.forgot_button = QPushButton(self.tr("Forgot vault password?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot_button.setStyleSheet("text-decoration: underline; text-align: left;")
        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.unlock_button)
        lower = QHBoxLayout()
        lower.addWidget(self.remember_check)
        lower.addStretch(1)
        lower.addWidget(self.forgot_button)
        box = QWidget()
        box.setMaximumWidth(440)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addLayout(row)
        inner.addLayout(lower)
        inner.addWidget(self.password_error)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _keychain_reason_text(self, reason: KeychainReason | None) -> str:
        if reason is KeychainReason.NOT_ALLOWED:
            return self.tr(
                "This computer's keychain is not one the app trusts to hold the device key."
            )
        return self.tr("No supported system keychain is available on this computer.")
