"""app/views/main_menus.py: the main window's Database and View menus, for each role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from app.bootstrap import Core, build_core
from app.models.enums import Role, Tier
from app.services.directory import TechnicianRow
from app.settings import Settings
from app.tasks import TaskRunner

from app.views.main_actions import MainActions
from app.views.main_menus import AppMenus, add_app_menus
from app.views.theme import Theme, ThemeController, is_dark


@pytest.fixture
def core(tmp_path: Path) -> Iterator[Core]:
    built = build_core(str(tmp_path / "desk.sqlite"), tmp_path / "data")
    yield built
    built.close()


def _build(
    qtbot, core: Core, settings: Settings, runner: TaskRunner, role: Role, theme=None
) -> tuple[AppMenus, dict[str, dict[str, QAction]]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    me = TechnicianRow(1, "Ada", "ada@example.com", Tier.L3, role, True)
    menus = add_app_menus(MainActions(window, me), window, core, runner, settings, theme)
    found: dict[str, dict[str, QAction]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found[top.text()] = {a.text(): a for a in menu.actions()}
    return menus, found


def test_an_admin_can_back_up_and_restore(qtbot, core, settings, runner) -> None:
    _menus, found = _build(qtbot, core, settings, runner, Role.ADMIN)
    database = found["Data&base"]
    assert database["Back up database…"].isEnabled()
    restore = database["Restore database…"]
    assert restore.isVisible() and restore.isEnabled()


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.READ_ONLY])
def test_others_can_back_up_but_not_restore(qtbot, core, settings, runner, role) -> None:
    _menus, found = _build(qtbot, core, settings, runner, role)
    database = found["Data&base"]
    assert database["Back up database…"].isEnabled()
    assert not database["Restore database…"].isVisible()


def test_the_view_menu_switches_the_theme(qtbot, core, settings, runner, qapp: QApplication):
    style, palette = qapp.style().name(), qapp.palette()
    theme = ThemeController(qapp, settings)
    try:
        menus, found = _build(qtbot, core, settings, runner, Role.TECHNICIAN, theme)
        assert set(menus.themes) == set(Theme)
        menus.themes[Theme.DARK].trigger()
        assert is_dark(qapp.palette()) and settings.prefs.theme == "dark"
        assert {"&Theme", "&Language"} <= set(found["&View"])
    finally:
        theme.deleteLater()
        qapp.styleHints().unsetColorScheme()
        qapp.setStyle(style)
        qapp.setPalette(palette)


def test_help_stays_the_last_menu(qtbot, core, settings, runner) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = MainActions(window, TechnicianRow(1, "Ada", "a@x.example", Tier.L3, Role.ADMIN, True))
    actions.menu("&Desk")
    actions.keep_last("&Help")
    add_app_menus(actions, window, core, runner, settings, None)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Desk", "Data&base", "&View", "&Help"]
