"""The BulkBar on a real TicketQueueView (both backends, inline task runner): select 3 rows,
assign, undo — including a ticket someone changed in between."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

from app.db import Database
from app.models.enums import Priority, Status
from app.models.ticket import format_number
from app.services.bulk_actions import BulkActionService
from app.services.tickets import TicketService
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import FakeClock

from app.views import labels
from app.views.tickets.queue_model import Col
from app.views.tickets.queue_view import TicketQueueView

Flag = QItemSelectionModel.SelectionFlag


@pytest.fixture
def ids(db: Database) -> list[int]:
    client = add_client(db, "Acme Corp")
    return [add_ticket(db, client, subject=f"Ticket {n}") for n in range(4)]


@pytest.fixture
def dana(db: Database) -> int:
    return add_technician(db, "Dana Tech")


@pytest.fixture
def view(
    qtbot, db, clock: FakeClock, sla, ids, dana, queue_service, directory, runner, notifier, me
):
    v = TicketQueueView(
        queue_service, directory, runner, notifier, me, bulk=BulkActionService(db, clock, sla)
    )
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def _select(view: TicketQueueView, ticket_ids: list[int]) -> None:
    selection = view.table.selectionModel()
    selection.clearSelection()
    for ticket_id in ticket_ids:
        row = view.model.row_of(ticket_id)
        assert row is not None
        selection.select(view.model.index(row, 0), Flag.Select | Flag.Rows)


def _assignee_text(view: TicketQueueView, ticket_id: int) -> str:
    row = view.model.row_of(ticket_id)
    assert row is not None
    return str(view.model.data(view.model.index(row, Col.ASSIGNEE)))


def _trigger(menu, text: str) -> None:
    (action,) = [a for a in menu.actions() if a.text() == text]
    action.trigger()


def test_bar_shows_once_two_rows_are_selected(view, ids) -> None:
    bar = view.bulk_bar
    assert bar is not None
    assert view.table.selectionMode() is QAbstractItemView.SelectionMode.ExtendedSelection
    assert not bar.isVisible()
    _select(view, ids[:1])
    assert not bar.isVisible()
    _select(view, ids[:2])
    assert bar.isVisible() and bar.count_label.text() == "2 selected"
    assert bar.assign_button.isVisible() and not bar.undo_button.isVisible()


def test_select_three_assign_then_undo(view, ids, dana, tickets: TicketService) -> None:
    bar = view.bulk_bar
    chosen = ids[:3]
    _select(view, chosen)

    _trigger(bar.assign_menu, "Dana Tech")

    assert [tickets.get(i).fields.assignee_id for i in ids] == [dana, dana, dana, None]
    assert [_assignee_text(view, i) for i in chosen] == ["Dana Tech"] * 3
    assert bar.result_label.text().endswith(": 3 ticket(s) changed.")
    assert bar.undo_button.isVisible()

    bar.undo_button.click()

    assert [tickets.get(i).fields.assignee_id for i in ids] == [None] * 4
    assert [tickets.get(i).fields.status for i in chosen] == [Status.NEW] * 3
    assert bar.result_label.text().endswith("undone on 3 ticket(s).")
    assert not bar.undo_button.isVisible()


def test_undo_reports_a_ticket_changed_since(view, ids, dana, clock, tickets) -> None:
    bar = view.bulk_bar
    _select(view, ids[:3])
    _trigger(bar.priority_menu, labels.priority(Priority.P1))
    assert [tickets.get(i).fields.priority for i in ids[:3]] == [Priority.P1] * 3
    detail = tickets.get(ids[1])
    clock.advance(minutes=2)
    tickets.update(ids[1], detail.version, replace(detail.fields, subject="Edited"), dana)

    bar.undo_button.click()

    first, second = bar.result_label.text().splitlines()
    assert first.endswith("undone on 2 ticket(s).")
    assert second == f"{format_number(ids[1])} changed since by Dana Tech — left as is."
    assert [tickets.get(i).fields.priority for i in ids[:3]] == [
        Priority.P3,
        Priority.P1,
        Priority.P3,
    ]


def test_closing_statuses_are_not_offered(view) -> None:
    texts = [a.text() for a in view.bulk_bar.status_menu.actions()]
    assert "Resolved" not in texts and "Closed" not in texts and "Cancelled" not in texts
    assert "In progress" in texts


def test_queue_without_bulk_service_keeps_single_selection(
    qtbot, queue_service, directory, runner, notifier, me
) -> None:
    v = TicketQueueView(queue_service, directory, runner, notifier, me)
    qtbot.addWidget(v)
    assert v.bulk_bar is None
    assert v.table.selectionMode() is QAbstractItemView.SelectionMode.SingleSelection
