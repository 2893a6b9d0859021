"""The "Language" submenu: System default, English, Polski; the choice applies from the next start.

Qt widgets built before a language change keep their texts, so the choice is saved to
`Settings.prefs.language` and the user is told it takes effect on restart. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from app.settings import Settings

from app.views.translations import available_languages


class LanguageMenu(QObject):
    """Owns the submenu's exclusive actions and saves the chosen language."""

    def __init__(self, parent_menu: QMenu, settings: Settings, window: QWidget) -> None:
        super().__init__(parent_menu)
        self._settings = settings
        self._window = window
        #: The last "applies from the next start" notice (non-modal), for tests and re-use.
        self.notice: QMessageBox | None = None
        self.menu = parent_menu.addMenu(self.tr("&Language"))
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        #: Language code ("" = follow the system) → its action.
        self.actions: dict[str, QAction] = {}
        choices = [("", self.tr("System default")), *available_languages()]
        current = settings.prefs.language
        if current not in {code for code, _name in choices}:
            current = ""
        for code, name in choices:
            action = QAction(name, self.group)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.menu.addAction(action)
            self.actions[code] = action

    def choose(self, code: str) -> None:
        """Save `code` as the UI language and say when it is used."""
        self.actions[code].setChecked(True)
        if self._settings.prefs.language == code:
            return
        self._settings.prefs.language = code
        if self.notice is None:
            self.notice = QMessageBox(self._window)
            self.notice.setIcon(QMessageBox.Icon.Information)
            self.notice.setWindowTitle(self.tr("Language"))
            self.notice.setText(self.tr("The new language is used from the next start."))
        self.notice.open()


def add_language_menu(menu: QMenu, settings: Settings, window: QWidget) -> LanguageMenu:
    """Add the "Language" submenu to `menu` (e.g. the main window's View or Settings menu)."""
    return LanguageMenu(menu, settings, window)
