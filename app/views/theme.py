"""Light and dark themes: follow the operating system by default, or keep the one chosen.

Windows 11 and macOS styles switch their own palettes when asked for a colour scheme; where the
platform cannot (an X11 session without a desktop theme, offscreen), the app falls back to the
Fusion style with a palette of its own, so "Dark" always means dark. The app's own colours
(SLA tones, chips) are chosen to read on either palette. GUI thread only.
"""

from __future__ import annotations

import enum
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from app.settings import Settings

_ROLE = QPalette.ColorRole
_GROUP = QPalette.ColorGroup

#: The dark palette's colours, by role (active and inactive groups).
DARK_COLOURS: Final[dict[QPalette.ColorRole, str]] = {
    _ROLE.Window: "#2b2d30",
    _ROLE.WindowText: "#e6e7e9",
    _ROLE.Base: "#1e1f22",
    _ROLE.AlternateBase: "#26282b",
    _ROLE.ToolTipBase: "#3c3f43",
    _ROLE.ToolTipText: "#e6e7e9",
    _ROLE.PlaceholderText: "#8c9096",
    _ROLE.Text: "#e6e7e9",
    _ROLE.Button: "#33363a",
    _ROLE.ButtonText: "#e6e7e9",
    _ROLE.BrightText: "#ff6b6b",
    _ROLE.Light: "#4a4d52",
    _ROLE.Midlight: "#3c3f43",
    _ROLE.Mid: "#2f3235",
    _ROLE.Dark: "#1b1c1f",
    _ROLE.Shadow: "#0e0f10",
    _ROLE.Highlight: "#3d7bd9",
    _ROLE.HighlightedText: "#ffffff",
    _ROLE.Link: "#6ea8fe",
    _ROLE.LinkVisited: "#b490f5",
}
#: Disabled text in the dark palette: dimmer, still legible.
DARK_DISABLED: Final = "#75797f"


class Theme(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role in (_ROLE.WindowText, _ROLE.Text, _ROLE.ButtonText, _ROLE.HighlightedText):
        palette.setColor(_GROUP.Disabled, role, QColor(DARK_DISABLED))
    palette.setColor(_GROUP.Disabled, _ROLE.Highlight, QColor("#3a3d41"))
    return palette


def is_dark(palette: QPalette) -> bool:
    """A dark palette has a window darker than its text."""
    window = palette.color(_ROLE.Window).lightnessF()
    return window < palette.color(_ROLE.WindowText).lightnessF()


class ThemeController(QObject):
    """Applies the chosen theme to the application and keeps following the system's scheme
    while the choice is `Theme.SYSTEM`. `changed` carries the scheme now in use."""

    changed = Signal(object)

    def __init__(self, app: QApplication, settings: Settings) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        self._native_style = app.style().name()
        self._own_palette = False
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    @property
    def theme(self) -> Theme:
        try:
            return Theme(self._settings.prefs.theme)
        except ValueError:
            return Theme.SYSTEM

    def choose(self, theme: Theme) -> Qt.ColorScheme:
        """Remember `theme` and apply it now."""
        self._settings.prefs.theme = theme.value
        return self.apply()

    def apply(self) -> Qt.ColorScheme:
        """Apply the remembered theme; returns the scheme in use."""
        hints = self._app.styleHints()
        theme = self.theme
        if theme is Theme.SYSTEM:
            hints.unsetColorScheme()
            self._use_platform()
            scheme = hints.colorScheme()
            scheme = scheme if scheme is not Qt.ColorScheme.Unknown else Qt.ColorScheme.Light
        else:
            scheme = Qt.ColorScheme.Dark if theme is Theme.DARK else Qt.ColorScheme.Light
            hints.setColorScheme(scheme)
            if hints.colorScheme() == scheme:
                self._use_platform()
            else:
                # The platform cannot switch: Fusion with a palette of our own.
                self._use_own(scheme)
        _restyle_open_widgets()
        self.changed.emit(scheme)
        return scheme

    def _use_platform(self) -> None:
        if self._own_palette:
            self._app.setStyle(self._native_style)
            self._app.setPalette(self._app.style().standardPalette())
            self._own_palette = False

    def _use_own(self, scheme: Qt.ColorScheme) -> None:
        self._app.setStyle("Fusion")
        style = self._app.style()
        dark = scheme == Qt.ColorScheme.Dark
        self._app.setPalette(dark_palette() if dark else style.standardPalette())
        self._own_palette = True

    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme is Theme.SYSTEM:
            self.apply()


def add_theme_menu(menu: QMenu, controller: ThemeController) -> dict[Theme, QAction]:
    """A "Theme" submenu of `menu`: System / Light / Dark, the current one checked."""
    sub = menu.addMenu(_tr("&Theme"))
    group = QActionGroup(sub)
    group.setExclusive(True)
    names = {
        Theme.SYSTEM: _tr("Follow the system"),
        Theme.LIGHT: _tr("Light"),
        Theme.DARK: _tr("Dark"),
    }
    actions: dict[Theme, QAction] = {}
    for theme, text in names.items():
        action = QAction(text, sub)
        action.setCheckable(True)
        action.setChecked(theme is controller.theme)
        action.triggered.connect(lambda _checked=False, t=theme: controller.choose(t))
        group.addAction(action)
        sub.addAction(action)
        actions[theme] = action
    return actions


def _restyle_open_widgets() -> None:
    # WORKAROUND (Qt 6.11): a widget with a style sheet keeps the palette it was polished with
    # when the application palette changes; setting its sheet again re-polishes it.
    for widget in QApplication.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ThemeMenu", text)


def application_is_dark() -> bool:
    app = QGuiApplication.instance()
    return isinstance(app, QGuiApplication) and is_dark(app.palette())
