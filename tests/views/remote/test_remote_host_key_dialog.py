"""Host-key and certificate dialogs: the facts, Reject by default, no way past a changed key."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import pytest

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget

from app.views.remote.host_key_dialog import (
    CertificatePinDialog,
    HostKeyChangedDialog,
    HostKeyDialog,
)

FP = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"
FP_NEW = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"
SHA = ":".join(f"{b:02x}" for b in hashlib.sha256(b"certificate").digest())
NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def button_texts(widget: QWidget) -> list[str]:
    return sorted(button.text() for button in widget.findChildren(QPushButton))


def when_modal(action: Callable[[QDialog], None]) -> None:
    """Run `action` on the modal dialog once `exec()` has shown it."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            action(dialog)
        else:
            QTimer.singleShot(10, attempt)

    QTimer.singleShot(0, attempt)


def click(text: str) -> Callable[[QDialog], None]:
    def press(dialog: QDialog) -> None:
        [button] = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
        button.click()

    return press


def key(which: Qt.Key) -> Callable[[QDialog], None]:
    def press(dialog: QDialog) -> None:
        focus = dialog.focusWidget() or dialog
        event = QKeyEvent(QEvent.Type.KeyPress, which, Qt.KeyboardModifier.NoModifier)
        QApplication.postEvent(focus, event)

    return press


def test_remote_ssh_host_key_dialog_shows_the_facts(qtbot) -> None:
    dialog = HostKeyDialog("srv01.example.com", 2222, "ssh-ed25519", FP)
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    assert "srv01.example.com:2222" in shown
    assert "ssh-ed25519" in shown
    assert FP in shown
    assert "Compare with the fingerprint from the server's console" in shown
    assert "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub" in shown
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel)
    )


def test_remote_ssh_host_key_dialog_brackets_ipv6(qtbot) -> None:
    dialog = HostKeyDialog("fe80::1", 22, "ssh-rsa", FP)
    qtbot.addWidget(dialog)
    assert "[fe80::1]:22" in texts(dialog)


def test_remote_ssh_host_key_dialog_reject_is_the_default(qtbot) -> None:
    dialog = HostKeyDialog("srv01", 22, "ssh-ed25519", FP)
    qtbot.addWidget(dialog)
    assert button_texts(dialog) == ["Accept", "Reject"]
    assert dialog.reject_button.isDefault()
    assert not dialog.accept_button.isDefault()
    assert not dialog.accept_button.autoDefault()


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (click("Accept"), True),
        (click("Reject"), False),
        (key(Qt.Key.Key_Return), False),
        (key(Qt.Key.Key_Escape), False),
    ],
    ids=["accept", "reject", "enter-rejects", "escape-rejects"],
)
def test_remote_ssh_host_key_ask_returns_the_choice(qtbot, action, expected) -> None:
    when_modal(action)
    assert HostKeyDialog.ask(None, "srv01", 22, "ssh-ed25519", FP) is expected


def test_remote_ssh_changed_key_dialog_has_only_close(qtbot) -> None:
    dialog = HostKeyChangedDialog("srv01", 22, "ssh-ed25519", FP, FP_NEW)
    qtbot.addWidget(dialog)
    assert button_texts(dialog) == ["Close"]
    shown = texts(dialog)
    assert FP in shown and FP_NEW in shown
    assert "attack" in shown and "reinstalled" in shown
    assert "Forget host key" in shown and "reason" in shown
    assert "connect anyway" not in shown.lower()


def test_remote_ssh_changed_key_show_changed_closes(qtbot) -> None:
    when_modal(click("Close"))
    assert HostKeyChangedDialog.show_changed(None, "srv01", 22, "ssh-ed25519", FP, FP_NEW) is None


def test_remote_rdp_certificate_dialog_shows_the_certificate(qtbot) -> None:
    dialog = CertificatePinDialog(
        "rdp01.example.com",
        3389,
        service="RDP",
        subject="CN=rdp01",
        issuer="CN=rdp01",
        not_before=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        not_after=dt.datetime(2026, 7, 1, tzinfo=dt.UTC),
        sha256=SHA,
        now=NOW,
    )
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    assert "rdp01.example.com:3389" in shown
    assert "CN=rdp01 (self-signed)" in shown
    assert "2026-01-01 00:00 UTC to 2026-07-01 00:00 UTC" in shown
    assert dialog.fingerprint_label.text().replace("\n", "") == SHA
    assert dialog.validity_warning is None
    assert button_texts(dialog) == ["Accept", "Reject"]
    assert dialog.reject_button.isDefault() and not dialog.accept_button.isDefault()


def test_remote_winrm_certificate_dialog_warns_when_expired(qtbot) -> None:
    dialog = CertificatePinDialog(
        "win01",
        5986,
        service="WinRM HTTPS",
        subject="CN=win01",
        issuer="CN=Corp CA",
        not_before=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        not_after=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        sha256=SHA,
        now=NOW,
    )
    qtbot.addWidget(dialog)
    assert dialog.validity_warning is not None
    assert dialog.validity_warning.text() == "This certificate has expired."
    assert "(self-signed)" not in texts(dialog)


@pytest.mark.parametrize(("button", "expected"), [("Accept", True), ("Reject", False)])
def test_remote_rdp_certificate_ask_returns_the_choice(qtbot, button, expected) -> None:
    when_modal(click(button))
    result = CertificatePinDialog.ask(
        None,
        "rdp01",
        3389,
        service="RDP",
        subject="CN=rdp01",
        issuer="CN=rdp01",
        not_before=None,
        not_after=None,
        sha256=SHA,
    )
    assert result is expected
