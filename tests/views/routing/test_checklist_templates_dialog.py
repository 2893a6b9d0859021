"""The checklist templates dialog against the real RoutingService on both backends."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from app.db import Database
from app.models.enums import Role
from app.services.routing import RoutingService, RuleDraft
from app.tasks import TaskRunner
from tests.factories import add_technician
from tests.fakes import FakeClock

from app.views.routing.checklist_templates_dialog import ChecklistTemplatesDialog
from app.views.routing.rules_dialog import RoutingRulesDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def admin(db: Database) -> int:
    return add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")


@pytest.fixture
def routing(db: Database, clock: FakeClock) -> RoutingService:
    return RoutingService(db, clock)


def test_create_edit_and_refuse_templates(qtbot, routing, runner: TaskRunner, admin) -> None:
    dlg = ChecklistTemplatesDialog(routing, runner, admin)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.name, "New starter")
    dlg.items.setPlainText("Create account\n\n  Order laptop  \n")
    qtbot.mouseClick(dlg.save_button, LEFT)
    [row] = routing.templates()
    assert (row.name, row.items, row.active) == (
        "New starter",
        ("Create account", "Order laptop"),
        True,
    )
    assert [t.name for t in dlg.rows()] == ["New starter"]
    assert dlg.model.item(0, 1).text() == "2"

    # Editing the selected template: an active rule uses it, so it cannot be switched off.
    routing.create_rule(
        RuleDraft("Starters", {}, {"checklist_template_id": row.template_id}), admin
    )
    dlg.table.selectRow(0)
    dlg.active.setChecked(False)
    qtbot.mouseClick(dlg.save_button, LEFT)
    assert dlg.general_error.text() == (
        "An active rule adds this checklist; change the rule first."
    )
    assert routing.templates()[0].active

    # A new template with a taken name and no tasks: both fields say why; input is kept.
    qtbot.mouseClick(dlg.new_button, LEFT)
    qtbot.keyClicks(dlg.name, "new starter")
    qtbot.mouseClick(dlg.save_button, LEFT)
    assert dlg.name_error.text() == "This name is already taken."
    assert dlg.items_error.text() == "This field is required."
    assert dlg.name.text() == "new starter"
    assert len(routing.templates()) == 1


def test_the_rules_dialog_opens_the_templates(qtbot, routing, runner, admin) -> None:
    rules = RoutingRulesDialog(routing, runner, admin)
    qtbot.addWidget(rules)
    rules.show()
    qtbot.mouseClick(rules.templates_button, LEFT)
    assert rules.templates_dialog is not None and rules.templates_dialog.isVisible()
