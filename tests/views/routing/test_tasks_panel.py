"""The ticket's checklist tab against the real RoutingService on both backends, alone and
inside the ticket dialog."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from app.db import Changes, Database
from app.models.enums import Role
from app.services.routing import RoutingService
from app.tasks import TaskRunner
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import FakeClock

from app.views.routing.tasks_panel import TasksPanel, tasks_panel_factory

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def routing(db: Database, clock: FakeClock) -> RoutingService:
    return RoutingService(db, clock)


@pytest.fixture
def ticket(db: Database) -> int:
    return add_ticket(db, add_client(db, "Acme NV"))


@pytest.fixture
def template(db: Database, routing: RoutingService) -> int:
    admin = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    return routing.create_template(
        "New starter", ["Create account", "Order laptop"], admin
    ).template_id


def checks(panel: TasksPanel) -> list[tuple[str, bool]]:
    return [
        (panel.list.item(i).text(), panel.list.item(i).checkState() == Qt.CheckState.Checked)
        for i in range(panel.list.count())
    ]


def test_add_a_checklist_tick_and_add_a_task(
    qtbot, routing, runner: TaskRunner, me, ticket, template
) -> None:
    panel = TasksPanel(routing, runner, me.technician_id, ticket)
    qtbot.addWidget(panel)
    changed: list[Changes] = []
    panel.ticket_changed.connect(changed.append)
    panel.reload()
    assert checks(panel) == []
    assert panel.tab_title() == "Checklist"
    assert panel.templates.currentText() == "New starter"

    qtbot.mouseClick(panel.add_template_button, LEFT)
    assert checks(panel) == [("Create account", False), ("Order laptop", False)]
    assert panel.tab_title() == "Checklist (0/2)"

    panel.set_done(panel.tasks()[1].task_id, True)
    assert checks(panel) == [("Create account", False), ("Order laptop", True)]
    assert panel.tab_title() == "Checklist (1/2)"
    assert routing.tasks(ticket)[1].done_by_name == "Alice Martin"

    qtbot.keyClicks(panel.new_task, "Call the manager")
    qtbot.keyClick(panel.new_task, Qt.Key.Key_Return)
    assert panel.new_task.text() == ""
    assert checks(panel)[-1] == ("Call the manager", False)
    assert panel.tab_title() == "Checklist (1/3)"
    assert [c.ids for c in changed] == [frozenset({ticket})] * 3


def test_refused_input_is_shown_and_kept(qtbot, routing, runner, me, ticket) -> None:
    panel = TasksPanel(routing, runner, me.technician_id, ticket)
    qtbot.addWidget(panel)
    panel.reload()
    assert not panel.add_template_button.isEnabled()  # no templates yet
    qtbot.mouseClick(panel.add_button, LEFT)
    assert panel.error.text() == "This field is required."
    qtbot.keyClicks(panel.new_task, "x" * 501)
    qtbot.mouseClick(panel.add_button, LEFT)
    assert panel.error.text() == "This is too long."
    assert panel.new_task.text() == "x" * 501
    assert routing.tasks(ticket) == []


def test_a_read_only_account_cannot_tick(qtbot, db, routing, runner, ticket, template) -> None:
    reader = add_technician(db, "Rita Reader", role=Role.READ_ONLY)
    admin_panel_actor = add_technician(db, "Ted Tech")
    routing.add_template(ticket, template, admin_panel_actor)
    panel = TasksPanel(routing, runner, reader, ticket)
    qtbot.addWidget(panel)
    panel.reload()
    panel.set_done(panel.tasks()[0].task_id, True)
    assert panel.error.text() == "Your account may not change this ticket."
    # The refused tick is undone: the list shows what is stored.
    assert checks(panel) == [("Create account", False), ("Order laptop", False)]


def test_the_ticket_dialog_shows_the_checklist_tab(
    qtbot, db, routing, runner, notifier, me, tickets, directory, ticket, template
) -> None:
    from app.views.tickets.ticket_dialog import TicketDialog

    routing.add_template(ticket, template, me.technician_id)
    dlg = TicketDialog(
        tickets,
        directory,
        runner,
        notifier,
        me,
        ticket,
        panels=[tasks_panel_factory(routing, runner, me.technician_id)],
    )
    qtbot.addWidget(dlg)
    dlg.show()
    [panel] = dlg.panels
    assert isinstance(panel, TasksPanel)
    assert dlg.tabs.tabText(dlg.tabs.indexOf(panel)) == "Checklist (0/2)"
    panel.set_done(panel.tasks()[0].task_id, True)
    assert dlg.tabs.tabText(dlg.tabs.indexOf(panel)) == "Checklist (1/2)"
