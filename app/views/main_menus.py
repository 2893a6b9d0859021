"""The main window's Database and View menus: backup and restore, theme and language.

Kept apart from `main_actions` (the desk's own actions) so the window stays a thin composition.
GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.bootstrap import Core
from app.settings import Settings
from app.tasks import TaskRunner

from app.views.backup_actions import BackupActions, add_backup_actions
from app.views.language_menu import LanguageMenu, add_language_menu
from app.views.main_actions import MainActions
from app.views.theme import Theme, ThemeController, add_theme_menu


@dataclass(frozen=True, slots=True)
class AppMenus:
    backup: BackupActions
    language: LanguageMenu
    #: The theme choices; empty when the window was built without a theme controller (tests).
    themes: dict[Theme, QAction]


def add_app_menus(
    actions: MainActions,
    window: QMainWindow,
    core: Core,
    runner: TaskRunner,
    settings: Settings,
    theme: ThemeController | None,
) -> AppMenus:
    backup = BackupActions(core.db, core.paths, runner, window, clock=core.clock)
    add_backup_actions(actions, backup, on_restored=lambda _result: _close_after_restore(window))
    view = actions.menu(tr("&View"))
    themes = add_theme_menu(view, theme) if theme is not None else {}
    language = add_language_menu(view, settings, window)
    return AppMenus(backup, language, themes)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainMenus", text)


def _close_after_restore(window: QMainWindow) -> None:
    """Everything the window holds belongs to the database before the restore (the signed-in
    account, open tickets, the vault session): start again on the restored one."""
    QMessageBox.information(
        window,
        tr("Backup restored"),
        tr(
            "The backup was restored. MSP Helpdesk closes now; start it again and sign in to "
            "the restored database."
        ),
    )
    QTimer.singleShot(0, lambda: _close_or_say_restart(window))


def _close_or_say_restart(window: QMainWindow) -> None:
    # A ticket window with unsaved edits may keep the app open: say what is left to do.
    if not window.close():
        window.statusBar().showMessage(
            tr("The database was restored: close the open windows and restart MSP Helpdesk.")
        )
