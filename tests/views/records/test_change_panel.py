"""ChangePanel and ProblemPanel against real services on both backends (inline task runner)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from PySide6.QtWidgets import QTabWidget

from app.db import Database
from app.models import Contact
from app.models.enums import TicketType
from app.models.ticket import format_number
from app.services.change_records import ChangeService
from app.services.problem_records import ProblemService
from app.services.ticket_links import TicketLinkService
from app.services.tickets import TicketService
from tests.factories import add_client, add_contact, add_ticket
from tests.fakes import FakeClock

from app.views.records.change_panel import ChangePanel, change_panel_factory
from app.views.records.problem_panel import ProblemPanel, problem_panel_factory
from app.views.tickets.ticket_panel import TicketPanelFactory


@pytest.fixture
def world(db: Database):
    client = add_client(db, "Northwind Traders")
    ann = add_contact(db, client, "Ann Approver")
    with db.write() as s:
        contact = s.get(Contact, ann)
        assert contact is not None
        contact.authorised_approver = True
    return SimpleNamespace(
        change=add_ticket(db, client, subject="Replace firewall", ticket_type=TicketType.CHANGE),
        problem=add_ticket(db, client, subject="VPN flaps", ticket_type=TicketType.PROBLEM),
        incident=add_ticket(db, client, subject="VPN drops"),
        ann=ann,
    )


def _shown(qtbot: Any, factory: TicketPanelFactory, ticket_id: int, tickets: TicketService) -> Any:
    """The factory's panel as a tab of a shown QTabWidget, with what it emitted recorded on it
    (`changed`, `failures`) and the tab widget kept alive (`tabs`: qtbot holds widgets weakly)."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QTabWidget(), "Timeline")
    panel: Any = factory(ticket_id, tabs)
    tabs.addTab(panel, panel.tab_title())
    panel.tabs = tabs
    panel.changed = []
    panel.ticket_changed.connect(panel.changed.append)
    panel.failures = []
    panel.failed.connect(panel.failures.append)
    tabs.show()
    panel.show_ticket(tickets.get(ticket_id))
    return panel


@pytest.fixture
def changes(db: Database, clock: FakeClock) -> ChangeService:
    return ChangeService(db, clock)


def _choose(panel: ChangePanel, text: str) -> None:
    index = panel.approver_box.findText(text)
    assert index >= 0, [panel.approver_box.itemText(i) for i in range(panel.approver_box.count())]
    panel.approver_box.setCurrentIndex(index)


def test_change_approval_flow_end_to_end(qtbot, world, changes, runner, me, tickets) -> None:
    panel = _shown(qtbot, change_panel_factory(changes, runner, me), world.change, tickets)
    assert isinstance(panel.tabs.widget(1), ChangePanel)
    assert panel.state_label.text() == "Draft"
    assert panel.submit_button.isEnabled() and not panel.approve_button.isEnabled()

    panel.implementation_edit.setPlainText("Swap the box at 22:00")
    panel.rollback_edit.setPlainText("Put the old box back")
    panel.risk_box.setCurrentIndex(panel.risk_box.findData("high"))
    panel.save_button.click()
    assert panel.record.version == 1 and panel.record.risk == "high"

    _choose(panel, "Ann Approver (client)")
    panel.add_step_button.click()
    _choose(panel, "Alice Martin (technician)")
    panel.add_step_button.click()
    assert [panel.steps_list.item(i).text() for i in range(2)] == [
        "1. Ann Approver — Pending",
        "2. Alice Martin — Pending",
    ]

    panel.submit_button.click()
    assert panel.state_label.text() == "Awaiting approval"
    assert not panel.save_button.isEnabled() and panel.implementation_edit.isReadOnly()

    panel.note_edit.setText("Approved on the phone")
    panel.approve_button.click()
    assert panel.steps_list.item(0).text().startswith("1. Ann Approver — Approved on ")
    assert panel.steps_list.item(0).text().endswith(": Approved on the phone")
    panel.approve_button.click()
    assert panel.state_label.text() == "Approved"
    assert panel.start_button.isEnabled() and not panel.approve_button.isEnabled()

    panel.start_button.click()
    panel.complete_button.click()
    assert panel.state_label.text() == "Implemented"
    assert changes.plan(world.change).state == "implemented"
    assert len(panel.changed) == 8 and panel.failures == []


def test_refusals_show_next_to_the_form_and_keep_the_text(
    qtbot, world, changes, runner, me, tickets
) -> None:
    panel = _shown(qtbot, change_panel_factory(changes, runner, me), world.change, tickets)
    panel.implementation_edit.setPlainText("Only a plan")
    panel.window_check.setChecked(True)
    panel.window_end_edit.setDateTime(panel.window_start_edit.dateTime().addSecs(-60))
    panel.save_button.click()
    assert panel.error_label.text() == "The window must end after it starts."
    assert panel.implementation_edit.toPlainText() == "Only a plan"

    panel.window_check.setChecked(False)
    panel.save_button.click()
    panel.submit_button.click()
    assert panel.error_label.text() == (
        "Write the rollback plan first.\nAdd at least one approval step first."
    )
    panel.add_step_button.click()
    assert panel.error_label.text() == "Choose an approver or type a name."
    assert panel.failures == []


def test_rejection_shows_and_an_edit_returns_to_draft(
    qtbot, world, changes, runner, me, tickets
) -> None:
    panel = _shown(qtbot, change_panel_factory(changes, runner, me), world.change, tickets)
    panel.implementation_edit.setPlainText("a")
    panel.rollback_edit.setPlainText("b")
    panel.save_button.click()
    panel.name_edit.setText("Board of directors")
    panel.add_step_button.click()
    panel.submit_button.click()
    panel.reject_button.click()
    assert panel.state_label.text() == "Rejected"
    panel.save_button.click()
    assert panel.state_label.text() == "Draft"
    assert panel.steps_list.item(0).text() == "1. Board of directors — Pending"


def test_change_and_problem_tabs_hide_on_other_ticket_types(
    qtbot, db, clock, world, changes, runner, me, tickets
) -> None:
    change = _shown(qtbot, change_panel_factory(changes, runner, me), world.incident, tickets)
    problem = _shown(
        qtbot, problem_panel_factory(ProblemService(db, clock), runner, me), world.change, tickets
    )
    assert not change.tabs.isTabVisible(1) and not problem.tabs.isTabVisible(1)
    assert change.failures == [] and problem.failures == []


def test_problem_panel_saves_a_known_error_and_lists_incidents(
    qtbot, db, clock, world, runner, me, tickets
) -> None:
    TicketLinkService(db, clock).link(world.incident, world.problem, "caused_by", me.technician_id)
    service = ProblemService(db, clock)
    panel = _shown(qtbot, problem_panel_factory(service, runner, me), world.problem, tickets)
    assert isinstance(panel.tabs.widget(1), ProblemPanel)
    assert panel.tabs.isTabVisible(1)
    assert (
        panel.incidents_list.item(0).text() == f"{format_number(world.incident)} — VPN drops (New)"
    )
    assert not panel.no_incident_label.isVisibleTo(panel)

    panel.root_cause_edit.setPlainText("Firmware bug")
    panel.known_error_check.setChecked(True)
    panel.save_button.click()
    assert panel.workaround_error.text() == "A known error needs its workaround."
    assert panel.root_cause_edit.toPlainText() == "Firmware bug"

    panel.workaround_edit.setPlainText("Reconnect over TCP")
    panel.save_button.click()
    record = service.record(world.problem)
    assert record.known_error and record.workaround == "Reconnect over TCP"
    assert panel.changed and panel.failures == []


def test_a_dialog_refresh_keeps_unsaved_plan_and_problem_edits(
    qtbot, db, clock, world, changes, runner, me, tickets
) -> None:
    change = _shown(qtbot, change_panel_factory(changes, runner, me), world.change, tickets)
    change.implementation_edit.setPlainText("Typed, not saved yet")
    problem = _shown(
        qtbot, problem_panel_factory(ProblemService(db, clock), runner, me), world.problem, tickets
    )
    problem.root_cause_edit.setPlainText("Typed cause")

    change.show_ticket(tickets.get(world.change))
    problem.show_ticket(tickets.get(world.problem))

    assert change.implementation_edit.toPlainText() == "Typed, not saved yet"
    assert problem.root_cause_edit.toPlainText() == "Typed cause"
    # Once someone else saved, the stored record is shown.
    changes.save_plan(world.change, 0, "Stored plan", "", "", "low", None, None, me.technician_id)
    change.show_ticket(tickets.get(world.change))
    assert change.implementation_edit.toPlainText() == "Stored plan"
