"""The Policies tab against the real SlaConfigService on both backends: the demo template,
targets and warnings, pause rules, escalation levels, and errors at their cells."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from app.models.enums import Priority, Role, Tier
from app.services.directory import TechnicianRow
from app.services.sla_types import LevelSpec, PolicySpec, TargetSpec
from app.sla.policy import LevelAction, TargetKind, TargetUnit
from tests.factories import add_calendar, add_queue, add_technician

from app.views.sla.policy_editor import PolicyEditor
from app.views.sla.sla_settings_dialog import SlaSettingsDialog

LEFT = Qt.MouseButton.LeftButton
P1, P2, P3, P4 = Priority
RESPONSE, RESOLUTION, UPDATE = TargetKind
MIN, HOURS, BDAYS = TargetUnit


@pytest.fixture
def admin(db) -> TechnicianRow:
    tech_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    return TechnicianRow(tech_id, "Ada Admin", "ada@test.msp", Tier.L1, Role.ADMIN, True)


@pytest.fixture
def calendar_id(db) -> int:
    return add_calendar(db, "Office hours")


@pytest.fixture
def queue_id(db) -> int:
    return add_queue(db, "Network team", Tier.L2)


@pytest.fixture
def dialog(
    qtbot, calendar_id, queue_id, sla_config, directory, runner, notifier, admin
) -> SlaSettingsDialog:
    dlg = SlaSettingsDialog(sla_config, directory, runner, notifier, admin)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tabs.setCurrentWidget(dlg.policies)
    return dlg


@pytest.fixture
def editor(qtbot, dialog: SlaSettingsDialog) -> PolicyEditor:
    """A new policy form with a name typed in (the only calendar is chosen already)."""
    qtbot.mouseClick(dialog.policies.new_button, LEFT)
    ed = dialog.policies.editor
    qtbot.keyClicks(ed.name, "Standard")
    return ed


def click(qtbot, widget) -> None:
    """Click like a user, once a freshly added widget is shown (Qt shows it on a later tick)."""
    qtbot.waitUntil(widget.isVisible, timeout=1000)
    qtbot.mouseClick(widget, LEFT)


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def test_a_policy_from_the_demo_template_is_saved_and_read_back(
    qtbot, qtmodeltester, dialog, editor, sla_config, calendar_id
):
    assert editor.calendar.currentData() == calendar_id
    qtbot.mouseClick(editor.demo_button, LEFT)
    assert editor.targets.cell(P3, RESOLUTION).amount.text() == "3"
    assert editor.targets.cell(P3, RESOLUTION).unit.currentText() == "end of Nth business day"
    assert editor.targets.cell(P4, UPDATE).amount.text() == ""
    assert [row.offset.text() for row in editor.levels.rows] == ["-1 h", "0"]
    qtbot.mouseClick(editor.save_button, LEFT)

    assert editor.status.text() == "Saved; 0 open tickets recomputed."
    [summary] = sla_config.policies()
    assert (summary.name, summary.calendar_id, summary.active) == ("Standard", calendar_id, True)
    spec = sla_config.policy(summary.policy_id).spec
    assert {(t.priority, t.kind): (t.amount, t.unit) for t in spec.targets} == {
        (P1, RESPONSE): (15, MIN),
        (P1, RESOLUTION): (4, HOURS),
        (P1, UPDATE): (1, HOURS),
        (P2, RESPONSE): (30, MIN),
        (P2, RESOLUTION): (8, HOURS),
        (P2, UPDATE): (4, HOURS),
        (P3, RESPONSE): (2, HOURS),
        (P3, RESOLUTION): (3, BDAYS),
        (P3, UPDATE): (1, BDAYS),
        (P4, RESPONSE): (8, HOURS),
        (P4, RESOLUTION): (10, BDAYS),
    }
    assert all(t.warn_at_percent is None and t.warn_before_seconds is None for t in spec.targets)
    assert [(lv.kind, lv.offset_seconds, set(lv.actions), lv.queue_id) for lv in spec.levels] == [
        (RESOLUTION, -3600, {LevelAction.NOTIFY_ASSIGNEE, LevelAction.NOTIFY_LEAD}, None),
        (RESOLUTION, 0, {LevelAction.NOTIFY_LEAD, LevelAction.REASSIGN_NEXT_TIER}, None),
    ]
    model = dialog.policies.model
    assert [model.index(0, c).data() for c in range(4)] == ["Standard", "Office hours", "yes", ""]
    qtmodeltester.check(model)


def test_a_zero_target_is_shown_at_that_cell_and_nothing_is_saved(qtbot, editor, sla_config):
    qtbot.keyClicks(editor.targets.cell(P2, RESOLUTION).amount, "8")
    editor.targets.cell(P2, RESOLUTION).unit.setCurrentIndex(1)  # hours
    qtbot.keyClicks(editor.targets.cell(P1, RESPONSE).amount, "0")
    qtbot.mouseClick(editor.save_button, LEFT)

    assert editor.targets.error_text("P1.response") == (
        "Enter a positive amount, or leave it empty for no target."
    )
    assert editor.targets.cell(P1, RESPONSE).amount.property("invalid") is True
    assert editor.targets.error_text("P2.resolution") == ""
    assert editor.targets.cell(P1, RESPONSE).amount.text() == "0"
    assert editor.status.isHidden()
    assert sla_config.policies() == []


def test_an_amount_that_is_not_a_number_is_shown_at_its_cell(qtbot, editor, sla_config):
    qtbot.keyClicks(editor.targets.cell(P3, UPDATE).amount, "two")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.targets.error_text("P3.update") == "Enter a whole number."
    assert sla_config.policies() == []


def test_reassigning_to_a_queue_needs_the_queue(qtbot, editor, sla_config, queue_id):
    qtbot.keyClicks(editor.targets.cell(P1, RESPONSE).amount, "15")
    qtbot.mouseClick(editor.levels.add_button, LEFT)
    [row] = editor.levels.rows
    type_into(qtbot, row.offset, "+30 min")
    assert not row.queue.isEnabled()
    click(qtbot, row.actions_boxes[LevelAction.REASSIGN_QUEUE])
    assert row.actions_boxes[LevelAction.REASSIGN_QUEUE].isChecked()
    assert row.queue.isEnabled()
    qtbot.mouseClick(editor.save_button, LEFT)

    assert not row.error.isHidden()
    assert row.error.text() == "Choose the queue to reassign the ticket to."
    assert sla_config.policies() == []

    row.queue.setCurrentIndex(row.queue.findData(queue_id))
    qtbot.mouseClick(editor.save_button, LEFT)
    assert row.error.isHidden()
    [summary] = sla_config.policies()
    assert sla_config.policy(summary.policy_id).spec.levels == (
        LevelSpec(
            RESOLUTION,
            1800,
            (LevelAction.REASSIGN_QUEUE,),
            queue_id,
            sla_config.policy(summary.policy_id).spec.levels[0].level_id,
        ),
    )


def test_a_level_without_an_action_or_with_a_bad_offset_is_refused(qtbot, editor, sla_config):
    qtbot.mouseClick(editor.levels.add_button, LEFT)
    qtbot.mouseClick(editor.levels.add_button, LEFT)
    first, second = editor.levels.rows
    click(qtbot, first.actions_boxes[LevelAction.NOTIFY_ASSIGNEE])
    type_into(qtbot, first.offset, "in a while")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert first.error.text() == "Write an offset like -30 min, 0 or +1 h."
    assert first.offset.property("invalid") is True

    type_into(qtbot, first.offset, "-30 min")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert first.error.isHidden()
    assert second.error.text() == "Choose at least one action for this level."
    assert sla_config.policies() == []

    click(qtbot, second.remove_button)
    assert editor.levels.rows == [first]
    qtbot.mouseClick(editor.save_button, LEFT)
    [summary] = sla_config.policies()
    [level] = sla_config.policy(summary.policy_id).spec.levels
    assert (level.offset_seconds, level.actions) == (-1800, (LevelAction.NOTIFY_ASSIGNEE,))


def test_warnings_pause_rules_and_acknowledgement_are_saved_and_shown_again(
    qtbot, dialog, editor, sla_config
):
    p1_response = editor.targets.cell(P1, RESPONSE)
    qtbot.keyClicks(p1_response.amount, "15")
    p1_response.warn_mode.setCurrentIndex(1)  # minutes before due
    qtbot.keyClicks(p1_response.warn_value, "5")
    p1_resolution = editor.targets.cell(P1, RESOLUTION)
    qtbot.keyClicks(p1_resolution.amount, "4")
    p1_resolution.unit.setCurrentIndex(p1_resolution.unit.findData("hours"))
    qtbot.keyClicks(p1_resolution.warn_value, "80")
    assert editor.pause_customer.isChecked() and editor.pause_third_party.isChecked()
    assert editor.pauses_resolution.isChecked() and not editor.pauses_update.isChecked()
    qtbot.mouseClick(editor.pause_third_party, LEFT)
    qtbot.mouseClick(editor.pauses_update, LEFT)
    qtbot.mouseClick(editor.ack_counts, LEFT)
    qtbot.mouseClick(editor.is_default, LEFT)
    qtbot.mouseClick(editor.save_button, LEFT)

    [summary] = sla_config.policies()
    assert summary.is_default
    spec = sla_config.policy(summary.policy_id).spec
    assert set(spec.targets) == {
        TargetSpec(P1, RESPONSE, MIN, 15, warn_before_seconds=300),
        TargetSpec(P1, RESOLUTION, HOURS, 4, warn_at_percent=80),
    }
    assert spec.pause_categories == frozenset({"waiting_customer"})
    assert spec.pause_applies_to == frozenset({RESOLUTION, UPDATE})
    assert spec.ack_counts_as_response

    # A new form is empty; Edit shows the stored policy again.
    panel = dialog.policies
    qtbot.mouseClick(panel.new_button, LEFT)
    assert editor.name.text() == "" and p1_response.amount.text() == ""
    panel.select_policy(summary.policy_id)
    qtbot.mouseClick(panel.edit_button, LEFT)
    assert editor.policy_id() == summary.policy_id
    assert editor.name.text() == "Standard"
    assert p1_response.amount.text() == "15"
    assert p1_response.warn_mode.currentData() == "before"
    assert p1_response.warn_value.text() == "5"
    assert p1_resolution.warn_value.text() == "80"
    assert not editor.pause_third_party.isChecked()
    assert editor.pauses_update.isChecked()
    assert editor.ack_counts.isChecked()
    assert editor.is_default.isChecked()


def test_the_response_clock_cannot_be_set_to_pause(editor):
    box = editor.pauses_response
    assert not box.isEnabled()
    assert not box.isChecked()
    assert "never pauses" in box.toolTip()


def test_without_a_calendar_the_form_says_to_create_one(
    qtbot, sla_config, directory, runner, notifier, admin
):
    dlg = SlaSettingsDialog(sla_config, directory, runner, notifier, admin)
    qtbot.addWidget(dlg)
    ed = dlg.policies.editor
    qtbot.keyClicks(ed.name, "Standard")
    qtbot.mouseClick(ed.save_button, LEFT)
    assert ed.calendar_error.text() == "Create a calendar first (Calendars tab)."
    assert sla_config.policies() == []


def test_a_duplicate_name_is_shown_at_the_name(qtbot, editor, sla_config, calendar_id, admin):
    sla_config.save_policy(
        None, None, PolicySpec("standard", calendar_id, targets=()), admin.technician_id
    )
    qtbot.mouseClick(editor.save_button, LEFT)
    assert editor.name_error.text() == "Another one already has this name."
    assert editor.name.property("invalid") is True
    assert len(sla_config.policies()) == 1
