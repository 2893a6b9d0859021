"""The About dialog: versions, the database in use (password hidden), the data and log paths."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.paths import AppPaths
from app.services.about import AboutInfo, about_info
from app.tasks import Lane, TaskRunner


class AboutDialog(QDialog):
    """Shows `AboutInfo`, read on the read lane; "Copy" puts the same text on the clipboard.

    The text holds no secret (the URL's password is masked), so the ordinary clipboard is fine.
    GUI thread only.
    """

    def __init__(
        self,
        db: Database,
        paths: AppPaths,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About MSP Helpdesk"))
        #: What was read, or None until it lands (or if reading failed).
        self.info: AboutInfo | None = None
        self.title = QLabel(self.tr("<b>MSP Helpdesk</b>"), self)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("aboutDetails")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setPlainText(self.tr("Loading…"))
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy these details, for a support request"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        runner.run(
            partial(about_info, db, paths),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_loaded,
            on_failure=self._on_failed,
        )

    def text(self) -> str:
        """The details as shown (and as copied)."""
        return self.details.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def _on_loaded(self, info: AboutInfo) -> None:
        self.info = info
        self.title.setText(
            self.tr("<b>MSP Helpdesk {0}</b>").format(info.versions.get("MSP Helpdesk", ""))
        )
        self.details.setPlainText(self.format(info))
        self.copy_button.setEnabled(True)

    def _on_failed(self, error: BaseException) -> None:
        # The message names the failure only (services keep secrets out of error text).
        self.details.setPlainText(
            self.tr("Could not read the database details: {0}").format(type(error).__name__)
        )

    def format(self, info: AboutInfo) -> str:
        """The plain-text details of `info`."""
        versions = dict(info.versions)
        versions["Qt"] = qVersion()
        width = max(len(label) for label in versions) + 2
        lines = [f"{label + ':':<{width}}{value}" for label, value in versions.items()]
        if info.schema_revision is None:
            revision = self.tr("none (empty database)")
        elif info.schema_revision == info.head_revision:
            revision = self.tr("{0} (up to date)").format(info.schema_revision)
        else:
            revision = self.tr("{0} (this version knows up to {1})").format(
                info.schema_revision, info.head_revision
            )
        lines += [
            "",
            self.tr("Database: {0}").format(info.database),
            self.tr("Backend: {0}").format(info.backend),
            self.tr("Schema revision: {0}").format(revision),
            self.tr("Data directory: {0}").format(info.data_dir),
            self.tr("Log file: {0}").format(info.log_file),
        ]
        return "\n".join(lines)
