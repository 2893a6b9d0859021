"""TicketQueueView driven like a user would: search, combos, header clicks, double-clicks."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pytest

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QLabel

from app.db import Changes, Database
from app.models.enums import Priority, Status, StatusCategory, Tier
from app.services.closure import ClosureService
from app.services.directory import DirectoryService, Lookups
from app.services.ticket_queue import (
    SavedQueue,
    SortKey,
    TicketFilter,
    TicketQueueService,
    TicketSort,
    saved_queue_view,
)
from app.services.tickets import TicketService
from app.tasks import Lane, TaskRunner
from tests.factories import add_client, add_ticket
from tests.views.test_queue_model import Desk, build_desk, loaded_ids, recorded, sorted_specs

from app.views import labels
from app.views.tickets.queue_model import Col
from app.views.tickets.queue_view import HIDDEN_BY_DEFAULT, TicketQueueView


@pytest.fixture
def desk(db: Database, me) -> Desk:
    return build_desk(db, me)


@pytest.fixture
def view(qtbot, desk, queue_service, directory, runner, notifier, me) -> TicketQueueView:
    v = TicketQueueView(queue_service, directory, runner, notifier, me)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def open_ids(desk: Desk) -> list[int]:
    return desk.ids(lambda t: t.status.is_open)


def tickets_text(n: int) -> str:
    return "1 ticket" if n == 1 else f"{QLocale().toString(n)} tickets"


def choose(box: Any, text: str) -> None:
    """Pick an item by its text, as a user would from the popup."""
    index = box.findText(text)
    assert index >= 0, f"{text!r} not in {[box.itemText(i) for i in range(box.count())]}"
    box.setCurrentIndex(index)


def test_opens_on_all_open_tickets_with_their_count(view, desk):
    assert loaded_ids(view.model) == open_ids(desk)
    assert view.current_filter() == TicketFilter(open_only=True)
    assert view.current_sort() == TicketSort(SortKey.PRIORITY)
    assert view.count_label.text() == tickets_text(len(open_ids(desk)))
    assert view.status_box.currentText() == "Unresolved"
    assert view.search_edit.placeholderText() == "Search number, subject or contact"


def test_filter_combos_offer_any_plus_each_choice(view, desk, me):
    def items(box: Any) -> list[str]:
        return [box.itemText(i) for i in range(box.count())]

    assert items(view.queue_box) == ["Any queue", "Infrastructure", "Service Desk"]
    assert items(view.client_box) == ["Any client", "Acme Corp", "Bravo Logistics", "Zeta"]
    assert items(view.assignee_box) == [
        "Anyone",
        "Me",
        "Unassigned",
        "Alice Martin",
        "Bob Stone",
        "Carla Diaz",
    ]
    assert items(view.priority_box) == ["Any priority", *map(labels.priority, Priority)]
    assert items(view.tier_box) == ["Any tier", *map(labels.tier, Tier)]
    assert items(view.status_box) == [
        "Any status",
        "Unresolved",
        *map(labels.status_category, StatusCategory),
    ]


def test_typing_in_search_filters_after_the_debounce(view, desk, qtbot):
    with recorded(view.model.modelAboutToBeReset) as resets:
        qtbot.keyClicks(view.search_edit, "printer")
        # Nothing yet: each keystroke restarts the 300 ms timer.
        assert view.model.current_filter().text == ""
        assert loaded_ids(view.model) == open_ids(desk)
        qtbot.waitUntil(lambda: view.model.current_filter().text == "printer", timeout=3000)
    assert len(resets) == 1, "one query for the whole word"
    expected = desk.ids(lambda t: t.status.is_open and "printer" in t.subject.lower())
    assert expected and loaded_ids(view.model) == expected
    assert view.count_label.text() == tickets_text(len(expected))


def test_enter_in_search_runs_at_once_and_clearing_restores(view, desk, qtbot):
    qtbot.keyClicks(view.search_edit, "scully")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert loaded_ids(view.model) == desk.ids(
        lambda t: t.status.is_open and t.contact == "Dana Scully"
    )
    view.search_edit.clear()  # the clear button; not a keystroke, so no debounce either way
    qtbot.keyClicks(view.search_edit, "x")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: loaded_ids(view.model) == open_ids(desk), timeout=3000)


def test_choosing_combos_filters_at_once(view, desk, me):
    with recorded(view.filters_edited) as edited:
        choose(view.status_box, "Any status")
        assert loaded_ids(view.model) == desk.ids()
        choose(view.priority_box, labels.priority(Priority.P3))
        assert loaded_ids(view.model) == desk.ids(lambda t: t.priority is Priority.P3)
        choose(view.priority_box, "Any priority")
        choose(view.client_box, "Bravo Logistics")
        assert loaded_ids(view.model) == desk.ids(lambda t: t.client == "Bravo Logistics")
        choose(view.client_box, "Any client")
        choose(view.assignee_box, "Me")
        assert view.current_filter().assignee_id == me.technician_id
        assert loaded_ids(view.model) == desk.ids(lambda t: t.assignee_id == me.technician_id)
        choose(view.assignee_box, "Unassigned")
        assert loaded_ids(view.model) == desk.ids(lambda t: t.assignee is None)
        choose(view.assignee_box, "Bob Stone")
        assert loaded_ids(view.model) == desk.ids(lambda t: t.assignee == "Bob Stone")
        choose(view.assignee_box, "Anyone")
        choose(view.tier_box, labels.tier(Tier.L2))
        assert loaded_ids(view.model) == desk.ids(lambda t: t.tier is Tier.L2)
        choose(view.queue_box, "Service Desk")
        assert loaded_ids(view.model) == desk.ids(
            lambda t: t.tier is Tier.L2 and t.queue == "Service Desk"
        )
        choose(view.tier_box, "Any tier")
        choose(view.queue_box, "Any queue")
        choose(view.status_box, labels.status_category(StatusCategory.WAITING_CUSTOMER))
        waiting = desk.ids(lambda t: t.status is Status.WAITING_CUSTOMER)
        assert waiting and loaded_ids(view.model) == waiting
        assert view.count_label.text() == tickets_text(len(waiting))
    assert len(edited) == 14, "one per choice"


def test_header_click_sorts_in_sql(view, desk, qtbot):
    header = view.table.horizontalHeader()

    def click(col: Col) -> None:
        x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    opened = [t for t in desk.tickets if t.status.is_open]
    click(Col.CLIENT)
    first = view.model.current_sort()
    assert first.key is SortKey.CLIENT
    assert loaded_ids(view.model) == [
        t.ticket_id for t in sorted_specs(opened, SortKey.CLIENT, first.descending)
    ]
    click(Col.CLIENT)
    assert view.current_sort() == TicketSort(SortKey.CLIENT, not first.descending)
    assert loaded_ids(view.model) == [
        t.ticket_id for t in sorted_specs(opened, SortKey.CLIENT, not first.descending)
    ]
    assert view.current_filter() == TicketFilter(open_only=True), "sorting keeps the filter"
    click(Col.UPDATED)
    assert view.current_sort().key is SortKey.UPDATED
    assert header.sortIndicatorSection() == Col.UPDATED


def test_double_click_and_enter_open_the_ticket(view, qtbot):
    index = view.model.index(3, Col.SUBJECT)
    ticket_id = view.model.row_at(3).ticket_id
    rect = view.table.visualRect(index)
    with recorded(view.ticket_activated) as activated:
        # A real double-click: press and release, then the double-click press and release.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated == [(ticket_id,)]
    assert view.selected_ticket_id() == ticket_id
    other = view.model.row_at(5).ticket_id
    assert view.select_ticket(other)
    view.table.setFocus()
    with recorded(view.ticket_activated) as activated:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
        qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    assert activated == [(other,), (other,)]


def test_nothing_selected_means_no_ticket(view, qtbot):
    assert view.selected_ticket_id() is None
    view.table.setFocus()
    with recorded(view.ticket_activated) as activated:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated == []


@pytest.mark.parametrize("queue", list(SavedQueue), ids=[q.value for q in SavedQueue])
def test_apply_saved_queue_sets_filter_sort_and_widgets(view, desk, me, queue):
    expected = saved_queue_view(queue, me.technician_id)
    view.apply_saved_queue(queue)
    assert view.current_filter() == expected.filter
    assert view.model.current_filter() == expected.filter
    assert view.current_sort() == expected.sort
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == Col.for_sort_key(expected.sort.key)
    assert (header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder) is (
        expected.sort.descending
    )
    assert view.count_label.text() == tickets_text(view.model.rowCount())


def test_apply_saved_queue_shows_what_it_means(view, desk, me):
    view.apply_saved_queue(SavedQueue.MY_OPEN)
    assert view.assignee_box.currentText() == "Me"
    assert view.status_box.currentText() == "Unresolved"
    assert loaded_ids(view.model) == desk.ids(
        lambda t: t.status.is_open and t.assignee_id == me.technician_id
    )
    view.apply_saved_queue(SavedQueue.OPEN_P1_P2)
    assert view.assignee_box.currentText() == "Anyone"
    assert view.priority_box.currentText() == "P1, P2"
    view.apply_saved_queue(SavedQueue.WAITING_CUSTOMER)
    assert view.status_box.currentText() == "Waiting on customer"
    assert view.priority_box.currentText() == "Any priority"
    waiting = [t for t in desk.tickets if t.status is Status.WAITING_CUSTOMER]
    assert loaded_ids(view.model) == [t.ticket_id for t in sorted_specs(waiting, SortKey.UPDATED)]
    with recorded(view.filters_edited) as edited:
        view.apply_saved_queue(SavedQueue.UNASSIGNED_L1)
    assert edited == [], "applying a saved queue is not a manual edit"
    assert view.tier_box.currentText() == labels.tier(Tier.L1)


# --- live updates -----------------------------------------------------------------------------


def test_a_change_to_a_loaded_ticket_refreshes_its_row_only(
    view, desk, notifier, tickets: TicketService, me, db, clock, sla
):
    row = 2
    ticket_id = view.model.row_at(row).ticket_id
    detail = tickets.get(ticket_id)
    tickets.update(
        ticket_id,
        detail.version,
        replace(detail.fields, subject="Printer on fire"),
        me.technician_id,
    )
    # Resolving has its own use case (the plain edit refuses it).
    fix = "Replaced the fuser unit; the printer prints again."
    saved = ClosureService(db, clock, sla).resolve(
        ticket_id, detail.version + 1, fix, "fixed", False, me.technician_id
    )
    with recorded(view.model.modelAboutToBeReset) as resets:
        notifier.announce(saved.changes)
    assert resets == []
    assert view.model.data(view.model.index(row, Col.SUBJECT)) == "Printer on fire"
    # The resolved row stays until the next reload, but the count is already right.
    assert view.count_label.text() == tickets_text(len(open_ids(desk)) - 1)
    view.reload()
    assert not view.model.is_loaded(ticket_id)


def test_a_new_ticket_reloads_and_keeps_the_selection(view, desk, notifier, db):
    selected = view.model.row_at(4).ticket_id
    view.select_ticket(selected)
    new = add_ticket(db, desk.clients["Zeta"], priority=Priority.P1, subject="Site down")
    with recorded(view.model.modelAboutToBeReset) as resets:
        notifier.announce(Changes("ticket", frozenset({new})))
    assert len(resets) == 1
    assert view.model.is_loaded(new)
    assert view.selected_ticket_id() == selected
    assert view.count_label.text() == tickets_text(len(open_ids(desk)) + 1)


def test_everything_changed_reloads_rows_and_lookups(view, desk, notifier, db):
    client = add_client(db, "Yankee Dental")
    new = add_ticket(db, client, subject="Scanner offline")
    notifier.announce(Changes("*"))
    assert view.model.is_loaded(new)
    assert view.client_box.findText("Yankee Dental") >= 0


def test_a_save_that_changed_nothing_does_nothing(view, notifier):
    with recorded(view.model.modelAboutToBeReset) as resets:
        notifier.announce(Changes("ticket"))
    assert resets == []


# --- presentation -----------------------------------------------------------------------------


def test_table_is_a_read_only_row_selecting_uniform_list(view):
    table = view.table
    assert table.model() is view.model
    assert table.isSortingEnabled()
    assert table.alternatingRowColors()
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    assert table.selectionMode() == table.SelectionMode.SingleSelection
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    rows = table.verticalHeader()
    assert rows.isHidden()
    assert rows.sectionResizeMode(0) == rows.ResizeMode.Fixed
    header = table.horizontalHeader()
    for col in Col:
        assert header.isSectionHidden(col) is (col in HIDDEN_BY_DEFAULT)
    view.set_column_visible(Col.CONTACT, True)
    view.set_column_visible(Col.SUBJECT, False)
    assert not header.isSectionHidden(Col.CONTACT) and not header.isSectionHidden(Col.SUBJECT)
    number = view.model.index(0, Col.NUMBER)
    text = view.model.data(number)
    assert header.sectionSize(Col.NUMBER) > table.fontMetrics().horizontalAdvance(text)


def test_no_match_shows_a_hint_instead_of_an_empty_grid(view, qtbot):
    hint = view.findChild(QLabel, "queueEmpty")
    assert hint is not None and not hint.isVisible()
    qtbot.keyClicks(view.search_edit, "no such words")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert view.model.rowCount() == 0 and hint.isVisible()
    assert view.count_label.text() == tickets_text(0)


def test_a_failed_read_is_shown_and_reported(desk, db, directory, runner, notifier, me, qtbot):
    class Failing(TicketQueueService):
        fail = False

        def count(self, filter):
            if self.fail:
                raise RuntimeError("database went away")
            return super().count(filter)

    service = Failing(db)
    view = TicketQueueView(service, directory, runner, notifier, me)
    qtbot.addWidget(view)
    view.show()
    error = view.findChild(QLabel, "queueError")
    assert error is not None and not error.isVisible()
    service.fail = True
    with recorded(view.query_failed) as failed:
        view.reload()
    assert len(failed) == 1 and isinstance(failed[0][0], RuntimeError)
    assert error.isVisible()
    service.fail = False
    error.linkActivated.emit("#retry")
    choose(view.priority_box, labels.priority(Priority.P1))
    assert not error.isVisible()


# --- threads ----------------------------------------------------------------------------------


class ThreadRecordingQueue(TicketQueueService):
    """Records the thread of every read, to prove none runs on the GUI thread."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.threads: list[threading.Thread] = []

    def page(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        return super().page(*args, **kwargs)

    def count(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        return super().count(*args, **kwargs)

    def rows_by_id(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        return super().rows_by_id(*args, **kwargs)


class ThreadRecordingDirectory(DirectoryService):
    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.threads: list[threading.Thread] = []

    def lookups(self) -> Lookups:
        self.threads.append(threading.current_thread())
        return super().lookups()


def test_with_real_worker_threads_the_gui_thread_never_reads(desk, db, notifier, me, qtbot):
    # One worker: the test's database is a single connection, which two reads must not share.
    pool = ThreadPoolExecutor(1, thread_name_prefix="test-read")
    runner = TaskRunner(executors={lane: pool for lane in Lane})
    try:
        service = ThreadRecordingQueue(db)
        directory = ThreadRecordingDirectory(db)
        view = TicketQueueView(service, directory, runner, notifier, me)
        qtbot.addWidget(view)
        assert view.model.rowCount() == 0, "the constructor waits for nothing"
        qtbot.waitUntil(lambda: loaded_ids(view.model) == open_ids(desk), timeout=5000)
        qtbot.waitUntil(lambda: view.count_label.text() != "", timeout=5000)
        qtbot.waitUntil(lambda: view.client_box.count() == 4, timeout=5000)
        view.model.refresh_rows(loaded_ids(view.model)[:2])
        qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=5000)
        main = threading.main_thread()
        assert service.threads and directory.threads
        assert all(t is not main for t in service.threads + directory.threads)
    finally:
        runner.shutdown()
