"""Host authenticity dialogs: first-contact SSH keys, changed keys, certificate pins (remote.md §5).

Accepting is never the default: Enter and Escape both reject. A changed SSH key has no way
forward from here at all (no "connect anyway"); only an administrator's audited "Forget host key"
clears the old pin. Every value shown is plain text (labels never interpret it as rich text).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.views.tones import Tone, tone_css

ACCEPT_TEXT: Final = "Accept"
REJECT_TEXT: Final = "Reject"
CLOSE_TEXT: Final = "Close"

#: The public key file `ssh-keygen -lf` should read on the server, by key type.
_KEY_FILES: Final = {
    "ssh-ed25519": "/etc/ssh/ssh_host_ed25519_key.pub",
    "ecdsa-sha2-nistp256": "/etc/ssh/ssh_host_ecdsa_key.pub",
    "ecdsa-sha2-nistp384": "/etc/ssh/ssh_host_ecdsa_key.pub",
    "ecdsa-sha2-nistp521": "/etc/ssh/ssh_host_ecdsa_key.pub",
    "ssh-rsa": "/etc/ssh/ssh_host_rsa_key.pub",
}


def address(host: str, port: int) -> str:
    """`host:port`, with brackets around an IPv6 literal."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _plain_label(text: str, *, mono: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return label


class _PinDialog(QDialog):
    """Layout shared by the three dialogs: an intro, a form of facts, notes, then buttons."""

    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(520)
        self.intro = _plain_label(intro)
        self.intro.setStyleSheet("font-weight: 600;")
        self.form = QFormLayout()
        self.notes = QVBoxLayout()
        self.buttons = QDialogButtonBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(self.notes)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _fact(self, name: str, value: str, *, mono: bool = False) -> QLabel:
        # No word wrap: a wrapped label in a form row gets too little height and clips.
        label = _plain_label(value, mono=mono, wrap=False)
        self.form.addRow(_plain_label(name, wrap=False), label)
        return label

    def _note(self, text: str, *, warning: bool = False) -> QLabel:
        label = _plain_label(text)
        if warning:
            label.setStyleSheet(tone_css(Tone.ERROR, "font-weight: 600;"))
        self.notes.addWidget(label)
        return label

    def _accept_reject(self) -> None:
        """Add Accept and Reject, with Reject the default and focused button."""
        self.reject_button = QPushButton(REJECT_TEXT)
        self.accept_button = QPushButton(ACCEPT_TEXT)
        self.buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.reject_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setAutoDefault(False)
        self.accept_button.setDefault(False)
        self.reject_button.setAutoDefault(True)
        self.reject_button.setDefault(True)
        self.reject_button.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def ask_user(self) -> bool:
        """Show modally; True only if the user pressed Accept."""
        self.reject_button.setFocus()
        return self.exec() == QDialog.DialogCode.Accepted


class HostKeyDialog(_PinDialog):
    """First contact with an SSH server: show its key so the user can compare it before pinning."""

    def __init__(
        self,
        host: str,
        port: int,
        key_type: str,
        fingerprint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Unknown SSH host key",
            f"This is the first connection to {address(host, port)}. Its identity cannot be "
            "verified yet.",
            parent,
        )
        self._fact("Host", address(host, port))
        self._fact("Key type", key_type)
        self.fingerprint_label = self._fact("Fingerprint", fingerprint, mono=True)
        key_file = _KEY_FILES.get(key_type, "/etc/ssh/ssh_host_<type>_key.pub")
        self._note(
            "Compare with the fingerprint from the server's console "
            f"(ssh-keygen -lf {key_file}). Accept only if they match exactly."
        )
        self._note(
            "Accepting pins this key: later connections presenting another key are refused. "
            "Reject saves nothing."
        )
        self._accept_reject()

    @classmethod
    def ask(
        cls, parent: QWidget | None, host: str, port: int, key_type: str, fingerprint: str
    ) -> bool:
        """Ask whether to trust and pin this key; True only on Accept."""
        return cls(host, port, key_type, fingerprint, parent).ask_user()


class HostKeyChangedDialog(_PinDialog):
    """A pinned SSH key no longer matches: explain, and offer nothing but Close."""

    def __init__(
        self,
        host: str,
        port: int,
        key_type: str,
        expected: str,
        presented: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "SSH host key changed: connection refused",
            f"{address(host, port)} presented a different host key than the one pinned for it. "
            "The connection was refused.",
            parent,
        )
        self._fact("Host", address(host, port))
        self._fact("Key type", key_type)
        self.expected_label = self._fact("Expected (pinned)", expected, mono=True)
        self.presented_label = self._fact("Presented now", presented, mono=True)
        self._note(
            "This may be an attack: someone between you and the server may be impersonating it. "
            "It may also be harmless: the server was reinstalled or its keys were regenerated.",
            warning=True,
        )
        self._note(
            "Check the key on the server's console. If the change is legitimate, an "
            "administrator can use \u201cForget host key\u201d on the remote-access record, "
            "giving a reason (it is audited); the next connection then asks again."
        )
        self.close_button = QPushButton(CLOSE_TEXT)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)

    @classmethod
    def show_changed(
        cls,
        parent: QWidget | None,
        host: str,
        port: int,
        key_type: str,
        expected: str,
        presented: str,
    ) -> None:
        """Tell the user, modally; there is nothing to decide."""
        cls(host, port, key_type, expected, presented, parent).exec()


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return "unknown"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


class CertificatePinDialog(_PinDialog):
    """First contact with an RDP or WinRM HTTPS server: show its TLS certificate before pinning."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        service: str,
        subject: str,
        issuer: str,
        not_before: dt.datetime | None,
        not_after: dt.datetime | None,
        sha256: str,
        now: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`service` names the protocol ("RDP", "WinRM HTTPS"); `now` is for tests."""
        super().__init__(
            f"Unknown {service} certificate",
            f"This is the first {service} connection to {address(host, port)}. Its certificate "
            "is not pinned yet.",
            parent,
        )
        self._fact("Host", address(host, port))
        self._fact("Subject", subject)
        self._fact("Issuer", issuer + (" (self-signed)" if issuer == subject else ""))
        self._fact("Valid", f"{_when(not_before)} to {_when(not_after)}")
        self.fingerprint_label = self._fact("SHA-256", _two_lines(sha256), mono=True)
        moment = now or dt.datetime.now(dt.UTC)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        self.validity_warning: QLabel | None = None
        if not_after is not None and _aware(not_after) < moment:
            self.validity_warning = self._note("This certificate has expired.", warning=True)
        elif not_before is not None and _aware(not_before) > moment:
            self.validity_warning = self._note("This certificate is not valid yet.", warning=True)
        self._note(
            "Compare the SHA-256 fingerprint with the certificate on the server before "
            "accepting. Accepting pins this certificate; a different one is refused later."
        )
        self._accept_reject()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        host: str,
        port: int,
        *,
        service: str,
        subject: str,
        issuer: str,
        not_before: dt.datetime | None,
        not_after: dt.datetime | None,
        sha256: str,
    ) -> bool:
        """Ask whether to trust and pin this certificate; True only on Accept."""
        dialog = cls(
            host,
            port,
            service=service,
            subject=subject,
            issuer=issuer,
            not_before=not_before,
            not_after=not_after,
            sha256=sha256,
            parent=parent,
        )
        return dialog.ask_user()


def _two_lines(colon_hex: str) -> str:
    """A 32-byte `ab:cd:…` digest as two lines of 16 bytes, easier to compare by eye."""
    parts = colon_hex.split(":")
    if len(parts) != 32:
        return colon_hex
    return ":".join(parts[:16]) + ":\n" + ":".join(parts[16:])


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
