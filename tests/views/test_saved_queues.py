"""The saved-queue side bar: counts for the signed-in technician, live refresh, selection."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QModelIndex, Qt, QTimer

from app.db import Changes, Database
from app.models.enums import Priority, Role, Status, StatusCategory, Tier
from app.services.directory import TechnicianRow
from app.services.ticket_queue import SavedQueue, TicketQueueService
from app.tasks import Lane, TaskRunner
from tests.factories import add_ticket
from tests.views.test_queue_model import DeferredExecutor, Desk, build_desk, recorded

from app.views.tickets.saved_queues import (
    COUNTED_QUEUES,
    RECOUNT_PERIOD_MS,
    CountRole,
    SavedQueueListModel,
    SavedQueueRole,
    SavedQueuesWidget,
    saved_queue_label,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def expected_counts(desk: Desk, me: TechnicianRow) -> dict[SavedQueue, int]:
    """Each saved queue's definition, restated from domain terms, applied in Python."""
    rules = {
        SavedQueue.MY_OPEN: lambda t: t.status.is_open and t.assignee_id == me.technician_id,
        SavedQueue.UNASSIGNED_L1: lambda t: (
            t.status.is_open and t.assignee_id is None and t.tier is Tier.L1
        ),
        SavedQueue.WAITING_CUSTOMER: lambda t: t.status.category is StatusCategory.WAITING_CUSTOMER,
        SavedQueue.OPEN_P1_P2: lambda t: (
            t.status.is_open and t.priority in (Priority.P1, Priority.P2)
        ),
        SavedQueue.ALL_OPEN: lambda t: t.status.is_open,
    }
    counts = {q: sum(1 for t in desk.tickets if rule(t)) for q, rule in rules.items()}
    # The desk's tickets have no SLA clocks, so none is due a status update
    # (tests/services/test_needs_update.py covers that queue with real clocks).
    counts[SavedQueue.NEEDS_UPDATE] = 0
    return counts


def texts(widget: SavedQueuesWidget) -> list[str]:
    model = widget.model
    return [model.data(model.index(r, 0), DISPLAY) for r in range(model.rowCount())]


@pytest.fixture
def desk(db: Database, me: TechnicianRow) -> Desk:
    return build_desk(db, me, n=40)


@pytest.fixture
def widget(qtbot, queue_service, runner, notifier, me) -> SavedQueuesWidget:
    w = SavedQueuesWidget(queue_service, runner, notifier, me)
    qtbot.addWidget(w)
    return w


def test_counts_for_each_queue_are_those_of_me(desk, widget, me):
    counts = expected_counts(desk, me)
    matching = [q for q in COUNTED_QUEUES if q is not SavedQueue.NEEDS_UPDATE]
    assert all(counts[q] > 0 for q in matching), "every rule should match something"
    assert counts[SavedQueue.MY_OPEN] < counts[SavedQueue.ALL_OPEN]
    for q in COUNTED_QUEUES:
        assert widget.model.count_of(q) == counts[q], q
    assert texts(widget) == [
        f"My open tickets ({counts[SavedQueue.MY_OPEN]})",
        f"Unassigned L1 ({counts[SavedQueue.UNASSIGNED_L1]})",
        f"Waiting on customer ({counts[SavedQueue.WAITING_CUSTOMER]})",
        f"All open P1/P2 ({counts[SavedQueue.OPEN_P1_P2]})",
        f"Needs update ({counts[SavedQueue.NEEDS_UPDATE]})",
        f"All open ({counts[SavedQueue.ALL_OPEN]})",
        "All tickets",  # never counted: a full scan on a large desk
    ]


def test_counts_depend_on_who_is_signed_in(desk, queue_service, runner, notifier, qtbot):
    bob_id = desk.technicians["Bob Stone"]
    bob = TechnicianRow(bob_id, "Bob Stone", "bob@test.msp", Tier.L2, Role.TECHNICIAN, True)
    w = SavedQueuesWidget(queue_service, runner, notifier, bob)
    qtbot.addWidget(w)
    mine = sum(1 for t in desk.tickets if t.status.is_open and t.assignee_id == bob_id)
    assert w.model.count_of(SavedQueue.MY_OPEN) == mine


def test_counts_refresh_after_an_announced_change_once_debounced(
    desk, widget, notifier, db, me, qtbot
):
    before = widget.model.count_of(SavedQueue.MY_OPEN)
    assert before is not None
    new = add_ticket(
        db, desk.clients["Zeta"], status=Status.IN_PROGRESS, assignee_id=me.technician_id
    )
    notifier.announce(Changes("ticket", frozenset({new})))
    # Debounced: a burst of announcements counts once, a moment later.
    assert widget.model.count_of(SavedQueue.MY_OPEN) == before
    qtbot.waitUntil(lambda: widget.model.count_of(SavedQueue.MY_OPEN) == before + 1, timeout=3000)
    assert texts(widget)[0] == f"My open tickets ({before + 1})"


def test_counts_refresh_on_a_period_too(widget):
    tickers = [t for t in widget.findChildren(QTimer) if t.interval() == RECOUNT_PERIOD_MS]
    assert len(tickers) == 1 and tickers[0].isActive() and not tickers[0].isSingleShot()


def test_refresh_counts_is_direct_and_never_runs_two_counts_at_once(
    desk, queue_service, notifier, me, qtbot, db
):
    executor = DeferredExecutor()
    runner = TaskRunner(executors={lane: executor for lane in Lane})
    try:
        w = SavedQueuesWidget(queue_service, runner, notifier, me)
        qtbot.addWidget(w)
        assert len(executor.pending) == 1, "counted on construction, without blocking"
        assert w.model.count_of(SavedQueue.ALL_OPEN) is None
        assert texts(w)[-2] == "All open"
        w.refresh_counts()
        w.refresh_counts()
        assert len(executor.pending) == 1
        executor.run_pending()
        assert (
            w.model.count_of(SavedQueue.ALL_OPEN) == expected_counts(desk, me)[SavedQueue.ALL_OPEN]
        )
        assert len(executor.pending) == 1, "the requests made meanwhile count once more"
        add_ticket(db, desk.clients["Zeta"])
        executor.run_pending()
        assert executor.pending == []
        assert w.model.count_of(SavedQueue.ALL_OPEN) == (
            expected_counts(desk, me)[SavedQueue.ALL_OPEN] + 1
        )
    finally:
        runner.shutdown()


def test_a_failed_count_keeps_the_last_counts(desk, db, runner, notifier, me, qtbot):
    class Flaky(TicketQueueService):
        fail = False

        def saved_queue_counts(self, me_id, queues=tuple(SavedQueue)):
            if self.fail:
                raise RuntimeError("database went away")
            return super().saved_queue_counts(me_id, queues)

    service = Flaky(db)
    w = SavedQueuesWidget(service, runner, notifier, me)
    qtbot.addWidget(w)
    before = texts(w)
    service.fail = True
    w.refresh_counts()
    assert texts(w) == before
    service.fail = False
    add_ticket(db, desk.clients["Zeta"])
    w.refresh_counts()  # not stuck "counting" after the failure
    assert w.model.count_of(SavedQueue.ALL) is None
    assert texts(w) != before


# --- selection --------------------------------------------------------------------------------


def _click(qtbot, w: SavedQueuesWidget, queue: SavedQueue) -> None:
    rect = w.list.visualRect(w.model.index(w.model.row_of(queue), 0))
    qtbot.mouseClick(w.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_queue_selects_it_and_clicking_again_reapplies_it(widget, qtbot):
    widget.show()
    qtbot.waitExposed(widget)
    with recorded(widget.queue_selected) as selected:
        _click(qtbot, widget, SavedQueue.WAITING_CUSTOMER)
    assert selected == [(SavedQueue.WAITING_CUSTOMER,)]
    assert widget.current_queue() is SavedQueue.WAITING_CUSTOMER
    with recorded(widget.queue_selected) as selected:
        _click(qtbot, widget, SavedQueue.WAITING_CUSTOMER)
        _click(qtbot, widget, SavedQueue.ALL)
    assert selected == [(SavedQueue.WAITING_CUSTOMER,), (SavedQueue.ALL,)]


def test_keyboard_and_code_select_queues(widget, qtbot):
    widget.show()
    qtbot.waitExposed(widget)
    with recorded(widget.queue_selected) as selected:
        widget.select_queue(SavedQueue.MY_OPEN)
        widget.list.setFocus()
        qtbot.keyClick(widget.list, Qt.Key.Key_Down)
    assert selected == [(SavedQueue.MY_OPEN,), (SavedQueue.UNASSIGNED_L1,)]
    with recorded(widget.queue_selected) as selected:
        widget.clear_selection()
    assert selected == [] and widget.current_queue() is None


# --- the list model ---------------------------------------------------------------------------


def test_list_model_roles_and_model_tester(qtmodeltester):
    model = SavedQueueListModel()
    qtmodeltester.check(model)
    assert model.rowCount() == len(SavedQueue)
    first = model.index(0, 0)
    assert model.data(first, SavedQueueRole) is SavedQueue.MY_OPEN
    assert model.data(first, CountRole) is None
    assert model.data(first, DISPLAY) == saved_queue_label(SavedQueue.MY_OPEN)
    assert model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert model.data(QModelIndex(), DISPLAY) is None
    with recorded(model.dataChanged) as changed:
        model.set_counts({SavedQueue.MY_OPEN: 1234, SavedQueue.ALL_OPEN: 7})
        model.set_counts({SavedQueue.MY_OPEN: 1234})  # unchanged: no signal
    assert sorted(args[0].row() for args in changed) == [0, model.row_of(SavedQueue.ALL_OPEN)]
    assert model.data(first, CountRole) == 1234
    assert model.data(first, DISPLAY).startswith("My open tickets (1")
    assert model.data(first, DISPLAY).endswith("234)")
    qtmodeltester.check(model)
