"""Vault settings for admins: clipboard and idle-lock times, and "Verify audit chain".

vault.md §11 (clipboard cleared after 10–120 s, default 30), §7.2 (idle lock 1–240 min, default
15), §9 (verify the chain, with this workstation's local anchor). Saving and verifying run on the
write lane (both write an audit row); a refused value stays typed with the reason next to it.
GUI thread only.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import PermissionDeniedError, ValidationError
from app.services.vault_settings import (
    CLIPBOARD_SECONDS_RANGE,
    DEFAULT_CLIPBOARD_SECONDS,
    DEFAULT_IDLE_LOCK_MINUTES,
    IDLE_LOCK_MINUTES_RANGE,
    VaultPolicy,
)
from app.tasks import Lane, TaskRunner
from app.vault.audit import ChainReport
from app.vault.errors import PermissionDenied

from app.views.clients.vault_session import VaultSession
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


def parse_in_range(text: str, allowed: range) -> int | None:
    """The whole number typed if it lies in `allowed`, else None."""
    text = text.strip()
    if not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if value in allowed else None


class VaultSettingsDialog(QDialog):
    """Two settings and the chain check. Admins only (the service checks again)."""

    #: The settings were stored and applied to this session.
    settings_saved = Signal()
    #: A chain check finished (ok or not); carries the report.
    chain_verified = Signal(object)

    def __init__(
        self, session: VaultSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._busy = False
        self._build()
        policy = session.policy
        if policy is not None:
            self._fill(policy)
        else:
            self._fill_defaults()
            runner.run(
                session.settings_service.policy,
                lane=Lane.READ,
                owner=self,
                on_success=self._on_policy_loaded,
                on_failure=lambda e: log.warning("loading vault settings failed: %r", e),
            )

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Vault settings"))
        self.clipboard_edit = QLineEdit()
        self.clipboard_edit.setMaxLength(3)
        self.clipboard_error = ErrorLabel()
        self.idle_edit = QLineEdit()
        self.idle_edit.setMaxLength(3)
        self.idle_error = ErrorLabel()
        lo, hi = CLIPBOARD_SECONDS_RANGE.start, CLIPBOARD_SECONDS_RANGE.stop - 1
        self.clipboard_edit.setPlaceholderText(self.tr("{a}–{b} seconds").format(a=lo, b=hi))
        lo, hi = IDLE_LOCK_MINUTES_RANGE.start, IDLE_LOCK_MINUTES_RANGE.stop - 1
        self.idle_edit.setPlaceholderText(self.tr("{a}–{b} minutes").format(a=lo, b=hi))
        form = QFormLayout()
        form.addRow(self.tr("Clear copied secrets after (s):"), self.clipboard_edit)
        form.addRow("", self.clipboard_error)
        form.addRow(self.tr("Lock the vault after idle (min):"), self.idle_edit)
        form.addRow("", self.idle_error)
        note = QLabel(
            self.tr(
                "These apply to every technician the next time their vault view loads. "
                "Changes are recorded in the audit log."
            )
        )
        note.setWordWrap(True)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("vaultNotice")
        self.general_error = ErrorLabel()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        settings_box = QGroupBox(self.tr("Settings"))
        box_layout = QVBoxLayout(settings_box)
        box_layout.addLayout(form)
        box_layout.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(self.saved_label, 1)
        row.addWidget(self.save_button)
        box_layout.addLayout(row)

        chain_box = QGroupBox(self.tr("Audit log"))
        explain = QLabel(
            self.tr(
                "Recompute the audit log's hash chain, and check that it still holds the last "
                "entry this workstation wrote."
            )
        )
        explain.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("Verify audit chain"))
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("chainResult")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextFormat(Qt.TextFormat.PlainText)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        chain_layout = QVBoxLayout(chain_box)
        chain_layout.addWidget(explain)
        verify_row = QHBoxLayout()
        verify_row.addStretch(1)
        verify_row.addWidget(self.verify_button)
        chain_layout.addLayout(verify_row)
        chain_layout.addWidget(self.verify_result)

        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(settings_box)
        layout.addWidget(chain_box)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def _fill(self, policy: VaultPolicy) -> None:
        self.clipboard_edit.setText(str(policy.clipboard_seconds))
        self.idle_edit.setText(str(policy.idle_lock_minutes))

    def _fill_defaults(self) -> None:
        self.clipboard_edit.setText(str(DEFAULT_CLIPBOARD_SECONDS))
        self.idle_edit.setText(str(DEFAULT_IDLE_LOCK_MINUTES))

    def _on_policy_loaded(self, policy: VaultPolicy | None) -> None:
        if policy is not None:
            self._session.apply_policy(policy)
            self._fill(policy)

    # --- save ---------------------------------------------------------------------------------

    def _on_save_button_clicked(self) -> None:
        if self._busy:
            return
        for label in (self.clipboard_error, self.idle_error, self.general_error):
            label.clear_error()
        self.saved_label.clear()
        seconds = parse_in_range(self.clipboard_edit.text(), CLIPBOARD_SECONDS_RANGE)
        minutes = parse_in_range(self.idle_edit.text(), IDLE_LOCK_MINUTES_RANGE)
        if seconds is None:
            self._show_range_error("clipboard_seconds")
        if minutes is None:
            self._show_range_error("idle_lock_minutes")
        if seconds is None or minutes is None:
            return
        self._busy = True
        self.save_button.setEnabled(False)
        self._runner.run(
            partial(self._session.settings_service.update, seconds, minutes),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
        )

    def _show_range_error(self, name: str) -> None:
        if name == "clipboard_seconds":
            r = CLIPBOARD_SECONDS_RANGE
            self.clipboard_error.show_error(
                self.tr("Type a whole number from {a} to {b}.").format(a=r.start, b=r.stop - 1)
            )
        else:
            r = IDLE_LOCK_MINUTES_RANGE
            self.idle_error.show_error(
                self.tr("Type a whole number from {a} to {b}.").format(a=r.start, b=r.stop - 1)
            )

    def _on_saved(self, policy: VaultPolicy) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self._session.apply_policy(policy)
        self._session.note_audited(self._runner)
        self._fill(policy)
        self.saved_label.setText(self.tr("Saved."))
        self.settings_saved.emit()

    def _on_save_failed(self, error: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            for name in error.problems:
                if name in ("clipboard_seconds", "idle_lock_minutes"):
                    self._show_range_error(name)
                else:
                    self.general_error.show_error(self.tr("The vault is not set up yet."))
        elif isinstance(error, PermissionDeniedError | PermissionDenied):
            self.general_error.show_error(self.tr("Only administrators change vault settings."))
        else:
            log.warning("saving vault settings failed: %s", type(error).__name__)
            self.general_error.show_error(self.tr("The settings could not be saved. Try again."))

    # --- verify -------------------------------------------------------------------------------

    def _on_verify_button_clicked(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("Checking…"))
        anchor = self._session.audit_anchor()
        self._runner.run(
            partial(self._session.service.verify_audit_chain, anchor),
            lane=Lane.WRITE,
            owner=self,
            on_success=partial(self._on_verified, anchor),
            on_failure=self._on_verify_failed,
        )

    def _on_verified(self, anchor: tuple[int, bytes] | None, report: ChainReport) -> None:
        self._busy = False
        self.verify_button.setEnabled(True)
        self.verify_result.setText(chain_report_text(report, anchor))
        self.verify_result.setProperty("ok", report.ok)
        # The `verify_chain` row is ours; a broken anchor stays put (see note_audited).
        self._session.note_audited(self._runner)
        self.chain_verified.emit(report)

    def _on_verify_failed(self, error: BaseException) -> None:
        self._busy = False
        self.verify_button.setEnabled(True)
        self.verify_result.clear()
        if isinstance(error, PermissionDenied):
            self.general_error.show_error(self.tr("Only administrators verify the audit log."))
        else:
            log.warning("verifying the audit chain failed: %s", type(error).__name__)
            self.general_error.show_error(self.tr("The audit log could not be checked."))


def chain_report_text(report: ChainReport, anchor: tuple[int, bytes] | None) -> str:
    """What the check found, as the admin reads it."""
    lines: list[str] = []
    if report.first_bad_id is not None:
        lines.append(
            _t("The audit log was changed: the first bad entry is #{id}.").format(
                id=report.first_bad_id
            )
        )
        if report.altered:
            lines.append(_t("Edited entries: {ids}.").format(ids=_ids(report.altered)))
        if report.broken_links:
            lines.append(
                _t("Broken links (an entry before was removed, added or edited): {ids}.").format(
                    ids=_ids(report.broken_links)
                )
            )
    if report.anchor_ok is False and anchor is not None:
        lines.append(
            _t(
                "The log was rewritten since this workstation last wrote to it: entry #{id} is "
                "missing or different."
            ).format(id=anchor[0])
        )
    if report.ok:
        lines.append(_t("The audit log is intact: {n} entries checked.").format(n=report.checked))
        if anchor is None:
            lines.append(
                _t(
                    "This workstation has not written to this log yet, so a fully rewritten "
                    "log could not be noticed here."
                )
            )
        else:
            lines.append(_t("It still holds the last entry this workstation wrote."))
    return "\n".join(lines)


def _t(text: str) -> str:
    return QCoreApplication.translate("VaultSettingsDialog", text)


def _ids(ids: tuple[int, ...], limit: int = 10) -> str:
    shown = ", ".join(f"#{i}" for i in ids[:limit])
    return shown if len(ids) <= limit else f"{shown} … (+{len(ids) - limit})"
