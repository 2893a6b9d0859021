"""The main window offers "SLA settings…" to admins only, and keeps one such window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings

from app.bootstrap import Core, build_core
from app.models.enums import Role, Tier
from app.services.directory import TechnicianRow
from app.settings import Settings
from app.tasks import ChangeNotifier, Lane, TaskRunner
from tests.factories import add_technician
from tests.fakes import InlineExecutor

from app.views.main_window import MainWindow
from app.views.sla.sla_settings_dialog import SlaSettingsDialog


@pytest.fixture
def core(fresh_db_url: str, tmp_path: Path) -> Iterator[Core]:
    core = build_core(fresh_db_url, tmp_path / "data")
    yield core
    core.close()


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    yield r
    r.shutdown()


def window_for(qtbot, core: Core, runner: TaskRunner, tmp_path: Path, role: Role) -> MainWindow:
    email = f"{role.value}@test.msp"
    tech_id = add_technician(core.db, f"A {role.value}", role=role, email=email)
    me = TechnicianRow(tech_id, f"A {role.value}", email, Tier.L1, role, True)
    settings = Settings(QSettings(str(tmp_path / f"{role.value}.ini"), QSettings.Format.IniFormat))
    window = MainWindow(core, runner, ChangeNotifier(), settings, me)
    qtbot.addWidget(window)
    return window


def test_an_admin_opens_one_sla_settings_window(qtbot, core, runner, tmp_path) -> None:
    window = window_for(qtbot, core, runner, tmp_path, Role.ADMIN)
    action = window.sla_settings_action
    assert action.isVisible()
    assert action.isEnabled()
    action.trigger()
    [dialog] = window.findChildren(SlaSettingsDialog)
    assert dialog.isVisible()
    assert not dialog.isModal()
    tabs = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    assert tabs == ["Calendars", "Policies", "Contracts", "Team leads"]
    assert window.open_sla_settings() is dialog
    dialog.close()
    action.trigger()
    assert window.findChildren(SlaSettingsDialog) == [dialog]
    assert dialog.isVisible()


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.READ_ONLY])
def test_other_roles_do_not_get_the_action(qtbot, core, runner, tmp_path, role: Role) -> None:
    window = window_for(qtbot, core, runner, tmp_path, role)
    action = window.sla_settings_action
    assert not action.isVisible()
    assert not action.isEnabled()
    action.trigger()
    assert window.findChildren(SlaSettingsDialog) == []
