"""A small modal dialog around `UnlockPrompt`, for launches started while the vault is locked."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.tasks import TaskRunner

from app.views.clients.vault_session import VaultSession
from app.views.clients.vault_unlock_prompt import UnlockPrompt


class UnlockDialog(QDialog):
    def __init__(self, session: VaultSession, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock the vault"))
        self.prompt = UnlockPrompt(session, runner, self)
        self.prompt.show_prompt()
        self.prompt.unlocked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(buttons)


def ask_unlock(parent: QWidget, session: VaultSession, runner: TaskRunner) -> bool:
    """Unlock modally; True once the vault is open."""
    return UnlockDialog(session, runner, parent).exec() == QDialog.DialogCode.Accepted
