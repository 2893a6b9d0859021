"""The recovery kit, shown once (vault.md §8.1, §8.9, §8.10): first setup, a key reset with the
kit, and break-glass all end on this page.

The kit is never stored. The page holds it only while shown and forgets it (text, undo stack,
the PDF sheet) when the dialog closes; the dialog may close only once the last group has been
typed back (and, where asked, the acknowledgement ticked, or in single-user set-up the skip
warning). "Save as PDF…" writes a printable page only to the file the user picks (ReportLab on
the read lane, app/reports/recovery_kit_pdf.py). GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reports.recovery_kit_pdf import RecoveryKitSheet, render_recovery_kit
from app.services.vault_settings import VaultSettingsService
from app.tasks import Lane, TaskRunner
from app.vault.recovery import RecoveryKit
from app.vault.service import VaultService

from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

#: What the recovery kit's PDF names besides the groups: (org fingerprint, database uuid).
KitDetails = tuple[str | None, str | None]


def mono(widget: QWidget) -> None:
    widget.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))


def kit_details(service: VaultService) -> KitDetails:
    """On a worker, after the call that made a kit: what its PDF names. Best effort: the kit
    exists only in the caller's result, so nothing here may lose it."""
    try:
        fingerprint: str | None = service.org_fingerprint()
        policy = VaultSettingsService.of(service).policy()
    except Exception as e:
        log.warning("the recovery kit's details could not be read: %s", type(e).__name__)
        return None, None
    return fingerprint, None if policy is None else policy.database_uuid


class RecoveryKitPage(QWidget):
    """The kit, the typed-back last group, optional acknowledgement or skip box, Save as PDF."""

    #: Finish was clicked (enabled only when the page may close).
    finish_requested = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        statement: str = "",
        acknowledge: str = "",
        skip: str = "",
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._last_group = ""
        self._open = False
        #: The kit for "Save as PDF…" while it is shown; dropped with the kit.
        self.sheet: RecoveryKitSheet | None = None
        #: Asks where to save the PDF ("" = cancelled); tests replace it.
        self.choose_pdf_path: Callable[[], str] = self._ask_pdf_path
        title = QLabel(self.tr("Recovery kit"))
        title.setStyleSheet("font-weight: 600;")
        warning = QLabel(self.tr("Print or write this down; it is never stored."))
        warning.setWordWrap(True)
        #: E.g. "the old kit no longer opens anything" after break-glass.
        self.statement_label = QLabel(statement)
        self.statement_label.setObjectName("kitStatement")
        self.statement_label.setWordWrap(True)
        self.statement_label.setStyleSheet("font-weight: 600;")
        self.statement_label.setVisible(bool(statement))
        self.kit_edit = QPlainTextEdit()
        self.kit_edit.setReadOnly(True)
        self.kit_edit.setMaximumHeight(90)
        mono(self.kit_edit)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setPlaceholderText(self.tr("Last group of the kit"))
        mono(self.confirm_edit)
        self.confirm_edit.textChanged.connect(self._update_finish)
        self.ack_box = QCheckBox(acknowledge)
        self.ack_box.setVisible(bool(acknowledge))
        self.ack_box.toggled.connect(self._update_finish)
        self.skip_box = QCheckBox(skip)
        self._skip_allowed = bool(skip)
        self.skip_box.setVisible(self._skip_allowed)
        self.skip_box.toggled.connect(self._update_finish)
        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.finish_requested)
        self.save_pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.save_pdf_button.setToolTip(
            self.tr("A printable page; it is written only where you choose.")
        )
        self.save_pdf_button.clicked.connect(self._on_save_pdf_button_clicked)
        self.pdf_label = QLabel()
        self.pdf_label.setObjectName("vaultNotice")
        self.pdf_label.setWordWrap(True)
        self.pdf_label.setTextFormat(Qt.TextFormat.PlainText)
        self.pdf_error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.statement_label)
        layout.addWidget(title)
        layout.addWidget(warning)
        layout.addWidget(self.kit_edit)
        layout.addWidget(QLabel(self.tr("Type the last group to confirm you have the kit:")))
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.ack_box)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.pdf_label)
        layout.addWidget(self.pdf_error)
        layout.addStretch(1)
        layout.addLayout(buttons)

    @property
    def is_open(self) -> bool:
        """A kit is shown and not yet forgotten."""
        return self._open

    def show_kit(self, kit: RecoveryKit, details: KitDetails) -> None:
        org_fingerprint, database_uuid = details
        self.kit_edit.setPlainText(kit.text())
        self._last_group = kit.groups[-1]
        self.sheet = RecoveryKitSheet(
            kit.groups, kit.key_id, dt.datetime.now(dt.UTC), database_uuid, org_fingerprint
        )
        self._open = True
        self._update_finish()
        self.confirm_edit.setFocus()

    def kit_confirmed(self) -> bool:
        typed = self.confirm_edit.text().strip().upper()
        return bool(self._last_group) and typed == self._last_group

    def may_close(self) -> bool:
        """No kit shown, or the user has confirmed they keep it (or, set-up only, skipped)."""
        return not self._open or self.finish_button.isEnabled()

    def _update_finish(self) -> None:
        skip = self._skip_allowed and self.skip_box.isChecked()
        acknowledged = self.ack_box.isHidden() or self.ack_box.isChecked()
        confirmed = self.kit_confirmed() and acknowledged
        self.finish_button.setEnabled(self._open and (confirmed or skip))

    def forget(self) -> None:
        """Drop the kit from every widget and the PDF sheet (the dialog is closing)."""
        self.kit_edit.clear()
        self.kit_edit.document().clearUndoRedoStacks()
        self.confirm_edit.clear()
        self._last_group = ""
        self.sheet = None
        self.pdf_label.clear()
        self._open = False
        self._update_finish()

    # --- PDF ----------------------------------------------------------------------------------

    def _ask_pdf_path(self) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery kit"),
            "recovery-kit.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return path

    def _on_save_pdf_button_clicked(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        self.pdf_error.clear_error()
        path = self.choose_pdf_path()
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.save_pdf_button.setEnabled(False)
        self._runner.run(
            partial(render_recovery_kit, sheet, target),
            lane=Lane.READ,
            owner=self,
            on_success=lambda _r: self._on_pdf_saved(target),
            on_failure=self._on_pdf_failed,
        )

    def _on_pdf_saved(self, path: Path) -> None:
        self.save_pdf_button.setEnabled(True)
        self.pdf_label.setText(
            self.tr(
                "Saved to {path}. Print it, and keep the file offline or delete it: anyone "
                "who reads it can open every vault."
            ).format(path=str(path))
        )

    def _on_pdf_failed(self, error: BaseException) -> None:
        self.save_pdf_button.setEnabled(True)
        log.warning("saving the recovery kit PDF failed: %s", type(error).__name__)
        self.pdf_error.show_error(
            self.tr("The PDF could not be written there. Choose another place.")
        )
