"""app/views/theme.py: the chosen theme is applied and remembered; "Dark" is dark even where
the platform cannot switch schemes (offscreen, like X11 without a desktop theme)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu

from app.settings import Settings

from app.views.theme import Theme, ThemeController, add_theme_menu, is_dark


@pytest.fixture
def controller(qapp: QApplication, settings: Settings) -> Iterator[ThemeController]:
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    controller = ThemeController(qapp, settings)
    yield controller
    controller.deleteLater()
    qapp.styleHints().unsetColorScheme()
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_dark_is_dark_and_remembered(controller: ThemeController, qapp, settings) -> None:
    assert controller.choose(Theme.DARK) == Qt.ColorScheme.Dark
    assert is_dark(qapp.palette())
    assert settings.prefs.theme == "dark"
    # Text stays readable: far lighter than the base it is drawn on.
    palette = qapp.palette()
    text = palette.color(QPalette.ColorRole.Text).lightnessF()
    assert text - palette.color(QPalette.ColorRole.Base).lightnessF() > 0.6


def test_light_after_dark_restores_a_light_palette(controller: ThemeController, qapp) -> None:
    controller.choose(Theme.DARK)
    assert controller.choose(Theme.LIGHT) == Qt.ColorScheme.Light
    assert not is_dark(qapp.palette())


def test_following_the_system_restores_the_native_style(
    controller: ThemeController, qapp, settings
) -> None:
    native = qapp.style().name()
    controller.choose(Theme.DARK)
    # Offscreen reports no scheme of its own: following it means the light default.
    assert controller.choose(Theme.SYSTEM) == Qt.ColorScheme.Light
    assert qapp.style().name() == native and not is_dark(qapp.palette())
    assert settings.prefs.theme == "system"


def test_an_unknown_stored_theme_follows_the_system(controller: ThemeController, settings) -> None:
    settings.prefs.theme = "purple"
    assert controller.theme is Theme.SYSTEM


def test_the_menu_checks_the_current_theme_and_switches(
    controller: ThemeController, qapp, qtbot
) -> None:
    menu = QMenu()
    qtbot.addWidget(menu)
    actions = add_theme_menu(menu, controller)
    assert actions[Theme.SYSTEM].isChecked()
    received: list[Qt.ColorScheme] = []
    controller.changed.connect(received.append)
    actions[Theme.DARK].trigger()
    assert actions[Theme.DARK].isChecked() and not actions[Theme.SYSTEM].isChecked()
    assert received == [Qt.ColorScheme.Dark] and is_dark(qapp.palette())
