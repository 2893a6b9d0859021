"""The routing rules dialog and rule editor against the real RoutingService on both backends:
creating a rule, errors at their fields, live conflict warnings, reordering, the test box."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from app.db import Database
from app.models.enums import Role, Tier
from app.services.routing import RoutingService, RuleDraft
from app.tasks import TaskRunner
from tests.factories import add_client, add_queue, add_technician
from tests.fakes import FakeClock

from app.views.routing.rule_editor import RuleEditorDialog, set_checked
from app.views.routing.rules_dialog import RoutingRulesDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def admin(db: Database) -> int:
    return add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")


@pytest.fixture
def routing(db: Database, clock: FakeClock) -> RoutingService:
    return RoutingService(db, clock)


@pytest.fixture
def queues(db: Database) -> dict[str, int]:
    return {
        "desk": add_queue(db, "Service desk", Tier.L1),
        "infra": add_queue(db, "Infrastructure", Tier.L2),
    }


@pytest.fixture
def dialog(
    qtbot, routing: RoutingService, runner: TaskRunner, admin: int, queues
) -> RoutingRulesDialog:
    dlg = RoutingRulesDialog(routing, runner, admin)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def names(dialog: RoutingRulesDialog) -> list[str]:
    return [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]


def open_new(qtbot, dialog: RoutingRulesDialog) -> RuleEditorDialog:
    qtbot.mouseClick(dialog.new_button, LEFT)
    editor = dialog.editor
    assert editor is not None and editor.isVisible()
    return editor


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_create_a_rule_from_the_editor(
    qtbot, db, dialog: RoutingRulesDialog, queues, routing
) -> None:
    client = add_client(db, "Acme NV")
    dialog.reload()  # the new client is offered after a reload
    editor = open_new(qtbot, dialog)
    qtbot.keyClicks(editor.name, "Printers to L2")
    qtbot.keyClicks(editor.categories, "End-user computing>Printers")
    qtbot.keyClicks(editor.keywords, "toner, paper jam,")
    set_checked(editor.clients, [client])
    set_checked(editor.priorities, ["P2", "P3"])
    choose(editor.queue, queues["infra"])
    choose(editor.tier, "L2")
    editor.stop.setChecked(False)
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=3000)

    [row] = routing.rules()
    assert (row.name, row.stop, row.active) == ("Printers to L2", False, True)
    assert row.conditions == {
        "client_ids": [client],
        "priorities": ["P2", "P3"],
        "categories": ["End-user computing \u203a Printers"],
        "keywords": ["toner", "paper jam"],
    }
    assert row.actions == {"queue_id": queues["infra"], "tier": "L2"}
    assert names(dialog) == ["Printers to L2"]
    conditions = dialog.model.item(0, 4).text()
    assert "Clients: Acme NV" in conditions and "Keywords: toner, paper jam" in conditions
    assert (
        dialog.model.item(0, 3).text()
        == "Queue \u2192 Infrastructure \u00b7 Tier \u2192 L2 Second line"
    )


def test_refused_input_is_shown_at_its_field_and_kept(
    qtbot, dialog: RoutingRulesDialog, routing
) -> None:
    routing.create_rule(RuleDraft("Taken", {}, {"tier": "L2"}), dialog._actor_id)
    editor = open_new(qtbot, dialog)
    qtbot.keyClicks(editor.name, "taken")
    qtbot.keyClicks(editor.keywords, "vpn, , wifi")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.isVisible()
    assert editor.error_text("name") == "This name is already taken."
    assert editor.error_text("keywords") == "Remove the empty entry."
    assert editor.error_text("actions") == "Choose at least one thing to set."
    assert editor.keywords.text() == "vpn, , wifi"
    assert [r.name for r in routing.rules()] == ["Taken"]


def test_the_editor_warns_of_conflicts_while_typing(
    qtbot, dialog: RoutingRulesDialog, routing, queues
) -> None:
    routing.create_rule(
        RuleDraft(
            "Calls to desk", {"channels": ["phone"]}, {"queue_id": queues["desk"]}, stop=False
        ),
        dialog._actor_id,
    )
    dialog.reload()
    editor = open_new(qtbot, dialog)
    assert editor.conflicts_label.text() == "No conflicts with other rules."
    qtbot.keyClicks(editor.name, "Urgent to infra")
    set_checked(editor.priorities, ["P1"])
    choose(editor.queue, queues["infra"])
    # The check runs shortly after the last change.
    qtbot.waitUntil(lambda: "Calls to desk" in editor.conflicts_label.text(), timeout=3000)
    assert "\u201cUrgent to infra\u201d" in editor.conflicts_label.text()
    assert "queue" in editor.conflicts_label.text()
    # Saving is allowed with a warning; the list shows the conflict too.
    qtbot.mouseClick(editor.save_button, LEFT)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=3000)
    assert names(dialog) == ["Calls to desk", "Urgent to infra"]
    assert dialog.conflicts_label.isVisible()
    assert "Calls to desk" in dialog.conflicts_label.text()


def test_reorder_activate_and_delete(qtbot, dialog: RoutingRulesDialog, routing) -> None:
    for name in ("A", "B", "C"):
        routing.create_rule(RuleDraft(name, {}, {"tier": "L2"}, stop=False), dialog._actor_id)
    dialog.reload()
    dialog.table.selectRow(2)
    assert not dialog.down_button.isEnabled()
    qtbot.mouseClick(dialog.up_button, LEFT)
    assert names(dialog) == ["A", "C", "B"]
    assert [r.name for r in routing.rules()] == ["A", "C", "B"]
    # The moved rule stays selected, so it can move again.
    qtbot.mouseClick(dialog.up_button, LEFT)
    assert names(dialog) == ["C", "A", "B"]
    assert not dialog.up_button.isEnabled()

    qtbot.mouseClick(dialog.active_button, LEFT)
    assert [r.active for r in routing.rules()] == [False, True, True]
    assert dialog.active_button.text() == "&Activate"
    assert dialog.model.item(0, 2).text() == "No"

    dialog._ask_delete = lambda name: False  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert len(routing.rules()) == 3
    asked: list[str] = []

    def agree(name: str) -> bool:
        asked.append(name)
        return True

    dialog._ask_delete = agree  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert asked == ["C"]
    assert names(dialog) == ["A", "B"]


def test_the_test_box_shows_which_rules_fire(
    qtbot, dialog: RoutingRulesDialog, routing, queues
) -> None:
    routing.create_rule(
        RuleDraft(
            "Server down is P1", {"keywords": ["server down"]}, {"priority": "P1"}, stop=False
        ),
        dialog._actor_id,
    )
    dialog.reload()
    editor = open_new(qtbot, dialog)
    qtbot.keyClicks(editor.name, "Servers to infra")
    qtbot.keyClicks(editor.asset_kinds, "server")
    choose(editor.queue, queues["infra"])
    choose(editor.priority, "P2")
    qtbot.keyClicks(editor.test_kind, "Server")
    qtbot.keyClicks(editor.test_text, "The SERVER is down? No: server down!")
    qtbot.mouseClick(editor.test_button, LEFT)
    lines = editor.test_result.text().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("\u2022 Server down is P1: Priority \u2192 P1")
    assert lines[1].startswith("\u2022 this rule: Queue \u2192 Infrastructure")
    assert "skipped: Priority \u2192 P2" in lines[1]
    editor.test_text.clear()
    qtbot.mouseClick(editor.test_button, LEFT)
    assert editor.test_result.text().count("\u2022") == 1
    editor.test_kind.clear()
    qtbot.mouseClick(editor.test_button, LEFT)
    assert editor.test_result.text() == "No rule fires for this ticket."


def test_a_technician_cannot_save(qtbot, db, routing, runner, queues) -> None:
    tech = add_technician(db, "Ted Tech")
    dlg = RoutingRulesDialog(routing, runner, tech)
    qtbot.addWidget(dlg)
    dlg.show()
    editor = open_new(qtbot, dlg)
    qtbot.keyClicks(editor.name, "Mine")
    choose(editor.tier, "L2")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.isVisible()
    assert editor.error_text("general") == "Only administrators may change routing."
    assert routing.rules() == []
