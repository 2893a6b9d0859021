"""Revoke a technician (vault.md §8.7): confirm, `revoke_user` on the write lane, then the report
with the rotation warning, and in team mode (PostgreSQL) their database login.

Step 2 of §8.7: after the vault revocation commits, `DatabaseRoleService.disable_login` sets
their login role NOLOGIN and ends its sessions, also on the write lane. A technician without a
login role of their own is said calmly; when this connection lacks the right, the SQL for the
database owner is shown read-only with a Copy button. GUI thread only.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.db_roles import DatabaseRoleService, DisableResult, disable_sql, login_role_name
from app.services.errors import ValidationError
from app.tasks import Lane, TaskRunner
from app.ui_text import ui_text
from app.vault.directory import vault_labels
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.offboarding import RevocationReport
from app.vault.service import VaultService
from app.vault.types import VaultMember

from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

ROTATION_WARNING: Final = ui_text(
    "Rotating keys protects later changes; only changing the client passwords protects what "
    "was seen."
)
NO_LOGIN_TEXT: Final = ui_text(
    "{name} has no database login of their own: there is nothing to disable."
)
ASK_OWNER_TEXT: Final = ui_text("Ask the database owner to run:")
FAILED_TEXT: Final = ui_text(
    "Could not rotate: {vaults} — an item there failed its integrity check; investigate and "
    "rotate again from the dashboard."
)
ORG_KEY_WARNING: Final = ui_text(
    "This administrator held the organisation signing key. It cannot be replaced yet; keep "
    "their former access in mind."
)


def mono_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def error_text(error: BaseException) -> str:
    if isinstance(error, VaultLocked):
        return ui_text("The vault is locked. Unlock it and try again.")
    if isinstance(error, PermissionDenied):
        return "Refused: " + str(error) + "."
    if isinstance(error, VaultError):
        return str(error).capitalize() + "."
    log.warning("vault access action failed: %s", type(error).__name__)
    return ui_text("That did not work. Try again later.")


def disable_database_login(service: VaultService, technician_id: int) -> DisableResult | None:
    """On a worker: NOLOGIN and end the sessions of the technician's login role; None when
    they have no login role of their own (not a member of `helpdesk_app`)."""
    roles = DatabaseRoleService(service.db)
    try:
        return roles.disable_login(service.technician_id, login_role_name(technician_id))
    except ValidationError:
        return None


class RevokeDialog(QDialog):
    """Confirm, revoke on the write lane, then show the report with the rotation warning."""

    revoked = Signal()

    def __init__(
        self,
        service: VaultService,
        runner: TaskRunner,
        member: VaultMember,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._member = member
        self.setWindowTitle(self.tr("Revoke {name}").format(name=member.name))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_confirm())
        self.stack.addWidget(self._build_report())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setMinimumWidth(520)

    def _build_confirm(self) -> QWidget:
        text = QLabel(
            self.tr(
                "Revoke {name}'s vault access? Their keys are disabled, their devices and grants "
                "deleted, and every vault they held gets a new key. This cannot be undone."
            ).format(name=self._member.name)
        )
        text.setWordWrap(True)
        self.error = ErrorLabel()
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.clicked.connect(self._revoke)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.cancel_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(text)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_report(self) -> QWidget:
        self.report_label = QLabel()
        self.report_label.setObjectName("revocationReport")
        self.report_label.setWordWrap(True)
        self.failed_label = QLabel()
        self.failed_label.setObjectName("failedRotation")
        self.failed_label.setWordWrap(True)
        self.failed_label.hide()
        self.org_key_label = QLabel(self.tr(ORG_KEY_WARNING))
        self.org_key_label.setObjectName("orgKeyWarning")
        self.org_key_label.setWordWrap(True)
        self.org_key_label.setStyleSheet("font-weight: 600;")
        self.org_key_label.hide()
        warning = QLabel(self.tr(ROTATION_WARNING))
        warning.setObjectName("rotationWarning")
        warning.setWordWrap(True)
        warning.setStyleSheet("font-weight: 600;")
        self.login_label = QLabel()
        self.login_label.setObjectName("databaseLogin")
        self.login_label.setWordWrap(True)
        self.login_label.hide()
        self.sql_edit = QPlainTextEdit()
        self.sql_edit.setObjectName("ownerSql")
        self.sql_edit.setReadOnly(True)
        self.sql_edit.setFont(mono_font())
        self.sql_edit.setMinimumHeight(70)
        self.sql_edit.setMaximumHeight(120)
        self.sql_edit.hide()
        self.copy_sql_button = QPushButton(self.tr("Copy"))
        self.copy_sql_button.clicked.connect(self._copy_sql)
        self.copy_sql_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.report_label)
        layout.addWidget(self.failed_label)
        layout.addWidget(self.org_key_label)
        layout.addWidget(warning)
        layout.addWidget(self.login_label)
        layout.addWidget(self.sql_edit)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_sql_button)
        layout.addLayout(copy_row)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _revoke(self) -> None:
        self.revoke_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.error.clear_error()
        self._runner.run(
            partial(self._service.revoke_user, self._member.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_revoked,
            on_failure=self._on_failed,
        )

    def _on_revoked(self, report: RevocationReport) -> None:
        lines = [
            self.tr("{name}'s vault keys are disabled.").format(name=self._member.name),
            self.tr("Vaults rotated to a new key: {n}.").format(n=len(report.rotated)),
        ]
        if report.not_rotated:
            lines.append(
                self.tr(
                    "Vaults no administrator here could rotate (use the recovery kit): {n}."
                ).format(n=len(report.not_rotated))
            )
        lines.append(
            self.tr(
                "Client passwords to change: {revealed} they revealed, {could} they could have "
                "revealed. The rotation worklist lists them."
            ).format(revealed=report.revealed, could=report.could_reveal)
        )
        self.report_label.setText("\n".join(lines))
        if report.failed:
            self._show_failed(report.failed, {})
            self._runner.run(  # the ids said first; the client names once read
                partial(vault_labels, self._service),
                lane=Lane.READ,
                owner=self,
                on_success=partial(self._show_failed, report.failed),
                on_failure=lambda _e: None,
            )
        self.org_key_label.setVisible(report.org_key_exposed)
        self.stack.setCurrentIndex(1)
        self.adjustSize()
        self.revoked.emit()
        if self._service.db.backend == "postgresql":  # team mode: their own database login
            self._disable_login()

    def _show_failed(self, vault_ids: tuple[int, ...], labels: dict[int, str]) -> None:
        names = ", ".join(labels.get(v, self.tr("vault {id}").format(id=v)) for v in vault_ids)
        self.failed_label.setText(self.tr(FAILED_TEXT).format(vaults=names))
        self.failed_label.show()

    # --- database login (team mode) -----------------------------------------------------------

    def _disable_login(self) -> None:
        self.login_label.setText(self.tr("Disabling their database login…"))
        self.login_label.show()
        self._runner.run(
            partial(disable_database_login, self._service, self._member.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_login_disabled,
            on_failure=self._on_login_failed,
        )

    def _on_login_disabled(self, result: DisableResult | None) -> None:
        name = self._member.name
        if result is None:
            self.login_label.setText(self.tr(NO_LOGIN_TEXT).format(name=name))
            return
        if result.complete:
            self.login_label.setText(
                self.tr("{name}'s database login is disabled; open sessions ended: {n}.").format(
                    name=name, n=result.sessions_terminated
                )
            )
            return
        if result.disabled:
            done = self.tr(
                "{name}'s database login is disabled, but {n} open session(s) could not be ended."
            ).format(name=name, n=result.sessions_remaining)
        else:
            done = self.tr("This connection may not disable {name}'s database login.").format(
                name=name
            )
        self._show_sql(done, result.sql or disable_sql(result.role))

    def _on_login_failed(self, error: BaseException) -> None:
        log.warning("disabling the database login failed: %s", type(error).__name__)
        role = login_role_name(self._member.technician_id)
        self._show_sql(
            self.tr("{name}'s database login could not be disabled.").format(
                name=self._member.name
            ),
            disable_sql(role),
        )

    def _show_sql(self, what: str, sql: str) -> None:
        self.login_label.setText(what + " " + self.tr(ASK_OWNER_TEXT))
        self.login_label.show()
        self.sql_edit.setPlainText(sql)
        self.sql_edit.show()
        self.copy_sql_button.show()
        self.adjustSize()  # the wrapped report must not be squeezed by the new rows

    def _copy_sql(self) -> None:
        # SQL naming a role, no secret: the plain clipboard, not the vault's SecureClipboard.
        QGuiApplication.clipboard().setText(self.sql_edit.toPlainText())

    def _on_failed(self, error: BaseException) -> None:
        self.revoke_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.error.show_error(self.tr(error_text(error)))
