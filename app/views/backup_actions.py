"""The "Back up database…" and "Restore database…" menu actions: dialogs around `BackupService`.

The copies run on the write lane, so no write of this app runs while a backup is read or a
restore lands; checking a chosen backup file (an integrity check, seconds on a large file) runs
on the read lane. GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from app.db import Database, DatabaseError
from app.paths import AppPaths
from app.services.backup import (
    BackupInfo,
    BackupService,
    BackupTooNewError,
    RestoreResult,
)
from app.services.clock import Clock
from app.tasks import Lane, TaskRunner

from app.views.main_actions import MainActions

log = logging.getLogger(__name__)


class BackupActions(QObject):
    """Slots for the two menu actions; `restored` tells the window to reload everything."""

    #: A backup was written; carries its `Path`.
    backed_up = Signal(object)
    #: The database now holds a restored backup; carries the `RestoreResult`. Every view must
    #: reload (and the signed-in technician may no longer exist in it).
    restored = Signal(object)
    #: A backup or restore failed or was refused; carries the message shown.
    failed = Signal(str)

    def __init__(
        self,
        core_db: Database,
        paths: AppPaths,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self._widget = parent
        self._service = BackupService.for_database(core_db, paths, clock)
        self._paths = paths
        self._runner = runner
        #: True while a backup or restore is on its way; a second one is refused meanwhile.
        self._busy = False

    @property
    def service(self) -> BackupService:
        return self._service

    def is_busy(self) -> bool:
        return self._busy

    # --- backup -------------------------------------------------------------------------------

    def backup(self) -> None:
        """Ask where to save, then copy the database there on the write lane."""
        if self._refuse_postgresql() or self._refuse_busy():
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self._widget,
            self.tr("Back up database"),
            str(self._service.default_backup_file()),
            self.tr("SQLite backups (*.sqlite);;All files (*)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        self._busy = True
        self._status(self.tr("Backing up the database…"))
        self._runner.run(
            lambda: self._service.backup(target),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_backed_up,
            on_failure=self._on_backup_failed,
        )

    def _on_backed_up(self, target: Path) -> None:
        self._busy = False
        text = self.tr("Database backed up to {path}.").format(path=str(target))
        self._status(text)
        QMessageBox.information(self._widget, self.tr("Back up database"), text)
        self.backed_up.emit(target)

    def _on_backup_failed(self, error: BaseException) -> None:
        self._busy = False
        self._fail(
            self.tr("Back up database"),
            self.tr("The database was not backed up; nothing was changed.\n\n{reason}"),
            error,
        )

    # --- restore ------------------------------------------------------------------------------

    def restore(self) -> None:
        """Ask for a backup file, check it, confirm, then restore it on the write lane."""
        if self._refuse_postgresql() or self._refuse_busy():
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self._widget,
            self.tr("Restore database from backup"),
            str(self._paths.backups_dir),
            self.tr("SQLite backups (*.sqlite *.db);;All files (*)"),
        )
        if not chosen:
            return
        file = Path(chosen)
        self._busy = True
        self._status(self.tr("Checking the backup…"))
        self._runner.run(
            lambda: self._service.check_backup(file),
            lane=Lane.READ,
            owner=self,
            on_success=self._confirm_restore,
            on_failure=self._on_restore_failed,
        )

    def _confirm_restore(self, info: BackupInfo) -> None:
        locale = QLocale()
        question = self.tr(
            "Replace the database at {database} with this backup?\n\n"
            "{file}\nSchema {revision}, {size}\n"
            "{clients} clients, {technicians} technicians, {tickets} tickets\n\n"
            "A copy of the current database is kept in {backups}."
        ).format(
            database=str(self._service.database_file),
            file=str(info.path),
            revision=info.revision,
            size=locale.formattedDataSize(info.size),
            clients=locale.toString(info.clients),
            technicians=locale.toString(info.technicians),
            tickets=locale.toString(info.tickets),
            backups=str(self._paths.backups_dir),
        )
        answer = QMessageBox.question(
            self._widget,
            self.tr("Restore database"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._busy = False
            self._status(self.tr("Restore cancelled; nothing was changed."))
            return
        self._status(self.tr("Restoring the database…"))
        self._runner.run(
            lambda: self._service.restore(info.path),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_restored,
            on_failure=self._on_restore_failed,
        )

    def _on_restored(self, result: RestoreResult) -> None:
        self._busy = False
        text = self.tr("The database was restored from {file}.").format(
            file=str(result.backup.path)
        )
        if result.safety_backup is not None:
            text += "\n" + self.tr("The database as it was is kept in {path}.").format(
                path=str(result.safety_backup)
            )
        self._status(text.splitlines()[0])
        self.restored.emit(result)
        QMessageBox.information(self._widget, self.tr("Restore database"), text)

    def _on_restore_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, BackupTooNewError):
            template = self.tr(
                "This backup was made by a newer version of MSP Helpdesk; upgrade the app to "
                "restore it. Nothing was changed.\n\n{reason}"
            )
        else:
            template = self.tr("The database was not restored; nothing was changed.\n\n{reason}")
        self._fail(self.tr("Restore database"), template, error)

    # --- shared -------------------------------------------------------------------------------

    def _refuse_postgresql(self) -> bool:
        if self._service.supported:
            return False
        QMessageBox.information(
            self._widget,
            self.tr("Database backups"),
            self.tr(
                "This database is on a PostgreSQL server, which this app does not copy. Back it "
                "up with\n\n    pg_dump -Fc -f FILE <database>\n\nand restore it with "
                "pg_restore (usually the server administrator's job)."
            ),
        )
        return True

    def _refuse_busy(self) -> bool:
        if self._busy:
            self._status(self.tr("A backup or restore is already running."))
        return self._busy

    def _fail(self, title: str, template: str, error: BaseException) -> None:
        if isinstance(error, DatabaseError):
            # One line naming the file and the reason; never a traceback.
            reason = str(error)
        else:
            log.error("backup or restore failed", exc_info=error)
            reason = self.tr("Unexpected error ({error}); see the log.").format(
                error=type(error).__name__
            )
        text = template.format(reason=reason)
        self._status(text.splitlines()[0])
        QMessageBox.warning(self._widget, title, text)
        self.failed.emit(text)

    def _status(self, text: str) -> None:
        window = self._widget.window() if self._widget is not None else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)


def add_backup_actions(
    actions: MainActions, backup: BackupActions, *, on_restored: Callable[[object], object]
) -> tuple[QAction, QAction]:
    """ "Back up database…" for everyone, "Restore database…" for administrators, in the
    Database menu; `on_restored` gets the `RestoreResult` once a backup has landed."""
    tr = actions.tr
    database = tr("Data&base")
    backing_up = actions.add(tr("Back up database…"), backup.backup, menu=database)
    restoring = actions.add(
        tr("Restore database…"), backup.restore, menu=database, admin_only=True, writes=True
    )
    backup.restored.connect(on_restored)
    return backing_up, restoring
