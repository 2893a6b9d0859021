"""TicketTableModel against a real database on both backends: paging, SQL sort, filters, refresh."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, cast

import pytest
from sqlalchemy import delete

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QIcon

from app.db import Database
from app.models import Ticket, TicketEvent
from app.models.enums import Priority, Status, StatusCategory, TicketType, Tier
from app.models.sla import NO_DUE
from app.models.ticket import format_number
from app.services.closure import ClosureService
from app.services.directory import TechnicianRow
from app.services.ticket_queue import (
    PageCursor,
    SortKey,
    TicketFilter,
    TicketPage,
    TicketQueueService,
    TicketRow,
    TicketSort,
)
from app.services.tickets import TicketService
from app.tasks import Lane, TaskRunner
from tests.factories import T0, add_client, add_contact, add_queue, add_technician, add_ticket

from app.views import labels
from app.views.tickets.queue_model import (
    Col,
    RowRole,
    TicketIdRole,
    TicketTableModel,
    VersionRole,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
ASC = Qt.SortOrder.AscendingOrder
DESC = Qt.SortOrder.DescendingOrder


# --- test data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """What the factories were asked to write for one ticket, with resolved names."""

    ticket_id: int
    client_id: int
    client: str
    subject: str
    type: TicketType
    priority: Priority
    status: Status
    tier: Tier
    queue_id: int | None
    queue: str | None
    assignee_id: int | None
    assignee: str | None
    contact: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass
class Desk:
    tickets: list[Spec]
    clients: dict[str, int]
    queues: dict[str, int]
    technicians: dict[str, int]

    def ids(self, pred: Callable[[Spec], bool] = lambda t: True) -> list[int]:
        """Ids of the tickets matching `pred`, in the default order (priority, then id)."""
        return [t.ticket_id for t in sorted_specs(self.tickets, SortKey.PRIORITY) if pred(t)]


SUBJECTS = (
    "Printer offline",
    "VPN drops every hour",
    "Outlook keeps asking for a password",
    "New starter account",
    "Server disk 90% full",
    "Laptop screen flickers",
    "printer jams on tray 2",
)


def build_desk(db: Database, me: TechnicianRow, n: int = 23) -> Desk:
    """`n` tickets spread over 3 clients, 2 queues and 3 technicians, with deliberate ties."""
    clients = {name: add_client(db, name) for name in ("Acme Corp", "Bravo Logistics", "Zeta")}
    contacts = {
        "Acme Corp": ("Dana Scully", add_contact(db, clients["Acme Corp"], "Dana Scully")),
        "Bravo Logistics": (
            "Evan Wright",
            add_contact(db, clients["Bravo Logistics"], "Evan Wright"),
        ),
        "Zeta": ("Fiona Gallagher", add_contact(db, clients["Zeta"], "Fiona Gallagher")),
    }
    queues = {
        "Service Desk": add_queue(db, "Service Desk"),
        "Infrastructure": add_queue(db, "Infrastructure", Tier.L2),
    }
    technicians = {
        me.name: me.technician_id,
        "Bob Stone": add_technician(db, "Bob Stone", tier=Tier.L2),
        "Carla Diaz": add_technician(db, "Carla Diaz", tier=Tier.L3),
    }
    queue_choices: list[str | None] = [None, "Service Desk", "Infrastructure"]
    assignee_choices: list[str | None] = [None, me.name, "Bob Stone", "Carla Diaz"]
    specs = []
    for i in range(n):
        client = list(clients)[i % 3]
        queue = queue_choices[(i // 2) % 3]
        assignee = assignee_choices[(i * 3 + 1) % 4]
        contact_name, contact_id = contacts[client] if i % 5 else (None, None)
        created = T0 + dt.timedelta(hours=(i * 7) % 11)  # ties on purpose
        updated = created + dt.timedelta(minutes=(i * 13) % 17)
        values: dict[str, Any] = dict(
            subject=SUBJECTS[i % len(SUBJECTS)],
            status=list(Status)[(i * 5) % len(Status)],
            priority=list(Priority)[(i * 3) % 4],
            tier=list(Tier)[i % 4],
            ticket_type=list(TicketType)[(i * 7) % 4],
        )
        ticket_id = add_ticket(
            db,
            clients[client],
            assignee_id=technicians[assignee] if assignee else None,
            contact_id=contact_id,
            queue_id=queues[queue] if queue else None,
            created_at=created,
            updated_at=updated,
            **values,
        )
        specs.append(
            Spec(
                ticket_id,
                clients[client],
                client,
                values["subject"],
                values["ticket_type"],
                values["priority"],
                values["status"],
                values["tier"],
                queues[queue] if queue else None,
                queue,
                technicians[assignee] if assignee else None,
                assignee,
                contact_name,
                created,
                updated,
            )
        )
    return Desk(specs, clients, queues, technicians)


def _sort_value(t: Spec, key: SortKey) -> Any:
    """The value SQL sorts on, computed independently of the service."""
    return {
        SortKey.NUMBER: t.ticket_id,
        SortKey.CLIENT: t.client,
        SortKey.SUBJECT: t.subject,
        SortKey.TYPE: t.type.value,
        SortKey.PRIORITY: t.priority.value,
        SortKey.STATUS: t.status.value,
        SortKey.TIER: t.tier.value,
        SortKey.QUEUE: t.queue or "",
        SortKey.ASSIGNEE: t.assignee or "",
        SortKey.CONTACT: t.contact or "",
        SortKey.CREATED: t.created_at,
        SortKey.UPDATED: t.updated_at,
        # The factories write no SLA clocks: every ticket sorts as "no due".
        SortKey.RESPONSE_DUE: NO_DUE,
        SortKey.RESOLVE_DUE: NO_DUE,
    }[key]


def sorted_specs(specs: list[Spec], key: SortKey, descending: bool = False) -> list[Spec]:
    # Ties are broken by id in the same direction, so descending is the exact reverse.
    return sorted(specs, key=lambda t: (_sort_value(t, key), t.ticket_id), reverse=descending)


def load_all(model: TicketTableModel) -> list[int]:
    """Fetch every remaining page (the inline runner answers at once); the loaded ids."""
    pages = 0
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        pages += 1
        assert pages < 100, "fetchMore never ends"
    return loaded_ids(model)


def loaded_ids(model: TicketTableModel) -> list[int]:
    return [model.data(model.index(r, 0), TicketIdRole) for r in range(model.rowCount())]


def text_of(model: TicketTableModel, ticket_id: int, col: Col, role: int = DISPLAY) -> Any:
    row = model.row_of(ticket_id)
    assert row is not None, f"ticket {ticket_id} is not loaded"
    return model.data(model.index(row, col), role)


@contextlib.contextmanager
def recorded(signal: Any) -> Iterator[list[tuple[Any, ...]]]:
    """Collect the argument tuples of every emission of `signal` inside the block.

    The inline runner delivers before `run()` returns, so a plain recorder states exactly how
    often a signal fired (or that it never did), with no event loop to wait on. It disconnects
    through the `QMetaObject.Connection` handle, like app/tasks.py.
    """
    seen: list[tuple[Any, ...]] = []
    connection = signal.connect(lambda *args: seen.append(args))
    try:
        yield seen
    finally:
        QObject.disconnect(connection)


# --- runners whose tasks do not finish at once ------------------------------------------------


class DeferredExecutor(Executor):
    """Keeps submitted calls until the test runs them, on the test's thread."""

    def __init__(self) -> None:
        self.pending: list[tuple[Future[Any], Callable[[], Any]]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.pending.append((future, partial(fn, *args, **kwargs)))
        return future

    def run_pending(self) -> int:
        """Run what was submitted so far (not what those calls submit); how many ran."""
        batch, self.pending = self.pending, []
        ran = 0
        for future, call in batch:
            if future.set_running_or_notify_cancel():
                future.set_result(call())
                ran += 1
        return ran

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        for future, _call in self.pending:
            future.cancel()
        self.pending = []


@pytest.fixture
def deferred(qtbot) -> Any:
    """A runner whose tasks wait in `executor.pending` until `executor.run_pending()`."""
    executor = DeferredExecutor()
    runner = TaskRunner(executors={lane: executor for lane in Lane})
    yield runner, executor
    runner.shutdown()


class GatedQueueService(TicketQueueService):
    """Pages wait for the test to open their gate: a query that has started but not finished."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.gates: list[threading.Event] = []
        self.started: list[TicketFilter] = []
        self._lock = threading.Lock()

    def page(
        self,
        filter: TicketFilter,
        sort: TicketSort,
        after: PageCursor | None = None,
        limit: int = 200,
    ) -> TicketPage:
        gate = threading.Event()
        with self._lock:
            self.gates.append(gate)
            self.started.append(filter)
        assert gate.wait(10), "the test never opened the gate"
        return super().page(filter, sort, after, limit)


@pytest.fixture
def threaded_runner(qtbot) -> Any:
    """A runner with real worker threads: results reach the GUI thread through its event loop."""
    pool = ThreadPoolExecutor(4, thread_name_prefix="test-read")
    runner = TaskRunner(executors={lane: pool for lane in Lane})
    yield runner
    runner.shutdown()


# --- paging -----------------------------------------------------------------------------------


@pytest.fixture
def desk(db: Database, me: TechnicianRow) -> Desk:
    return build_desk(db, me)


def test_an_unqueried_model_is_empty_and_fetches_nothing(queue_service, runner, qtmodeltester):
    model = TicketTableModel(queue_service, runner)
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.columnCount() == len(Col)
    assert not model.canFetchMore(QModelIndex())
    assert not model.is_loading()


def test_first_page_then_fetch_more_appends_keyset_pages(queue_service, runner, desk, qtbot):
    model = TicketTableModel(queue_service, runner, page_size=5)
    everything = TicketFilter()
    sort = TicketSort()
    with recorded(model.query_loaded) as loaded:
        model.set_query(everything, sort)
    assert loaded == [()]
    assert model.rowCount() == 5
    assert model.canFetchMore(QModelIndex())

    with recorded(model.rowsInserted) as inserted:
        model.fetchMore(QModelIndex())
    assert [args[1:] for args in inserted] == [(5, 9)]
    assert model.rowCount() == 10

    ids = load_all(model)
    service_order = [r.ticket_id for r in queue_service.page(everything, sort, limit=1000).rows]
    assert ids == service_order == desk.ids()
    assert len(ids) == 23 == len(set(ids))
    assert not model.canFetchMore(QModelIndex())


def test_a_last_page_exactly_full_ends_paging(queue_service, runner, db, me):
    build_desk(db, me, n=10)
    model = TicketTableModel(queue_service, runner, page_size=5)
    model.set_query(TicketFilter(), TicketSort())
    assert len(load_all(model)) == 10
    assert not model.canFetchMore(QModelIndex())


def test_loading_changed_brackets_each_request(queue_service, deferred, desk, qtbot):
    runner, executor = deferred
    model = TicketTableModel(queue_service, runner, page_size=5)
    seen: list[bool] = []
    model.loading_changed.connect(seen.append)
    model.set_query(TicketFilter(), TicketSort())
    assert seen == [True] and model.is_loading()
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())  # nothing to continue from yet
    executor.run_pending()
    assert seen == [True, False] and model.rowCount() == 5
    model.fetchMore(QModelIndex())
    assert seen == [True, False, True]
    assert not model.canFetchMore(QModelIndex()), "a second request while one is in flight"
    model.fetchMore(QModelIndex())
    assert len(executor.pending) == 1
    executor.run_pending()
    assert seen == [True, False, True, False] and model.rowCount() == 10


# --- sorting ----------------------------------------------------------------------------------


@pytest.mark.parametrize("col", list(Col), ids=[c.name.lower() for c in Col])
def test_sort_by_each_column_is_an_sql_order(queue_service, runner, desk, col):
    key = SortKey[col.name]  # each column sorts by what it shows, named alike
    model = TicketTableModel(queue_service, runner, page_size=5)
    model.set_query(TicketFilter(), TicketSort())
    for order, descending in ((ASC, False), (DESC, True)):
        model.sort(col, order)
        assert model.current_sort() == TicketSort(key, descending)
        expected = [t.ticket_id for t in sorted_specs(desk.tickets, key, descending)]
        assert load_all(model) == expected, f"{col.name} {'desc' if descending else 'asc'}"
    assert Col.for_sort_key(key) is col


def test_sort_keeps_the_filter_and_ignores_a_repeat(queue_service, runner, desk, qtbot):
    model = TicketTableModel(queue_service, runner)
    acme = TicketFilter(client_id=desk.clients["Acme Corp"])
    model.set_query(acme, TicketSort())
    model.sort(Col.SUBJECT, DESC)
    assert model.current_filter() == acme
    expected = sorted_specs(
        [t for t in desk.tickets if t.client == "Acme Corp"], SortKey.SUBJECT, descending=True
    )
    assert loaded_ids(model) == [t.ticket_id for t in expected]
    with recorded(model.modelAboutToBeReset) as resets:
        model.sort(Col.SUBJECT, DESC)
        model.sort(-1, ASC)
        model.sort(len(Col), ASC)
    assert resets == []


# --- filters ----------------------------------------------------------------------------------


def _filter_cases() -> list[Any]:
    def case(name: str, make: Callable[[Desk], TicketFilter], pred: Any) -> Any:
        return pytest.param(make, pred, id=name)

    return [
        case("queue", lambda d: TicketFilter(queue_id=d.queues["Service Desk"]),
             lambda d, t: t.queue == "Service Desk"),
        case("open_only", lambda d: TicketFilter(open_only=True), lambda d, t: t.status.is_open),
        case("status_waiting", lambda d: TicketFilter(
            status_categories=frozenset({StatusCategory.WAITING_CUSTOMER})),
             lambda d, t: t.status.category is StatusCategory.WAITING_CUSTOMER),
        case("status_closed", lambda d: TicketFilter(
            status_categories=frozenset({StatusCategory.CLOSED})),
             lambda d, t: t.status in (Status.CLOSED, Status.CANCELLED)),
        case("priority_p1", lambda d: TicketFilter(priorities=frozenset({Priority.P1})),
             lambda d, t: t.priority is Priority.P1),
        case("priority_p1_p2", lambda d: TicketFilter(
            priorities=frozenset({Priority.P1, Priority.P2})),
             lambda d, t: t.priority in (Priority.P1, Priority.P2)),
        case("client", lambda d: TicketFilter(client_id=d.clients["Bravo Logistics"]),
             lambda d, t: t.client == "Bravo Logistics"),
        case("assignee", lambda d: TicketFilter(assignee_id=d.technicians["Bob Stone"]),
             lambda d, t: t.assignee == "Bob Stone"),
        case("unassigned", lambda d: TicketFilter(unassigned=True),
             lambda d, t: t.assignee is None),
        case("tier", lambda d: TicketFilter(tier=Tier.L2), lambda d, t: t.tier is Tier.L2),
        case("text_subject", lambda d: TicketFilter(text="printer"),
             lambda d, t: "printer" in t.subject.lower()),
        case("text_upper_case", lambda d: TicketFilter(text="  PRINTER "),
             lambda d, t: "printer" in t.subject.lower()),
        case("text_percent_is_literal", lambda d: TicketFilter(text="90%"),
             lambda d, t: "90%" in t.subject),
        case("text_number", lambda d: TicketFilter(text=format_number(d.tickets[11].ticket_id)),
             lambda d, t: t.ticket_id == d.tickets[11].ticket_id),
        case("text_contact", lambda d: TicketFilter(text="scully"),
             lambda d, t: t.contact == "Dana Scully"),
        case("text_nothing", lambda d: TicketFilter(text="no such words"), lambda d, t: False),
        case("unassigned_l1_open", lambda d: TicketFilter(
            open_only=True, unassigned=True, tier=Tier.L1),
             lambda d, t: t.status.is_open and t.assignee is None and t.tier is Tier.L1),
    ]  # fmt: skip


@pytest.mark.parametrize(("make", "pred"), _filter_cases())
def test_filters_select_the_matching_tickets(queue_service, runner, desk, make, pred):
    model = TicketTableModel(queue_service, runner, page_size=4)
    model.set_query(make(desk), TicketSort())
    expected = desk.ids(partial(pred, desk))
    assert load_all(model) == expected
    assert queue_service.count(make(desk)) == len(expected)
    if make(desk).text != "no such words":
        assert expected, "the case should match something, or it proves nothing"


# --- display ----------------------------------------------------------------------------------


def test_display_text_and_roles(queue_service, runner, db, me):
    client = add_client(db, "Acme Corp")
    queue = add_queue(db, "Service Desk")
    created = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    updated = dt.datetime(2026, 3, 3, 16, 5, tzinfo=dt.UTC)
    ticket = add_ticket(
        db,
        client,
        subject="Printer\noffline   on floor 2",
        priority=Priority.P1,
        status=Status.IN_PROGRESS,
        tier=Tier.L2,
        ticket_type=TicketType.SERVICE_REQUEST,
        queue_id=queue,
        assignee_id=me.technician_id,
        created_at=created,
        updated_at=updated,
    )
    other = add_ticket(db, client, priority=Priority.P4)
    model = TicketTableModel(queue_service, runner)
    model.set_query(TicketFilter(), TicketSort())

    expected = {
        Col.NUMBER: format_number(ticket),
        Col.CLIENT: "Acme Corp",
        Col.SUBJECT: "Printer offline on floor 2",
        Col.TYPE: labels.ticket_type(TicketType.SERVICE_REQUEST),
        Col.PRIORITY: labels.priority(Priority.P1),
        Col.STATUS: labels.status(Status.IN_PROGRESS),
        Col.TIER: "L2",
        Col.QUEUE: "Service Desk",
        Col.ASSIGNEE: "Alice Martin",
        Col.CONTACT: "",
        Col.CREATED: labels.local_datetime(created),
        Col.UPDATED: labels.local_datetime(updated),
        Col.RESPONSE_DUE: "\u2014",
        Col.RESOLVE_DUE: "\u2014",
    }
    assert {col: text_of(model, ticket, col) for col in Col} == expected
    assert format_number(ticket).startswith("T-0")
    assert text_of(model, other, Col.ASSIGNEE) == "Unassigned"
    assert text_of(model, ticket, Col.SUBJECT, Qt.ItemDataRole.ToolTipRole) == (
        "Printer\noffline   on floor 2"
    )
    assert text_of(model, ticket, Col.NUMBER, TicketIdRole) == ticket
    assert text_of(model, ticket, Col.STATUS, VersionRole) == 1
    row = text_of(model, ticket, Col.CLIENT, RowRole)
    assert isinstance(row, TicketRow) and row.ticket_id == ticket and row.priority is Priority.P1
    alignment = text_of(model, ticket, Col.NUMBER, Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight

    p1_icon = text_of(model, ticket, Col.PRIORITY, Qt.ItemDataRole.DecorationRole)
    p4_icon = text_of(model, other, Col.PRIORITY, Qt.ItemDataRole.DecorationRole)
    assert isinstance(p1_icon, QIcon) and not p1_icon.isNull()
    p1_colour = p1_icon.pixmap(12, 12).toImage().pixelColor(6, 6)
    p4_colour = p4_icon.pixmap(12, 12).toImage().pixelColor(6, 6)
    assert p1_colour.red() > 180 and p1_colour.green() < 80, "P1 is red"
    assert p1_colour != p4_colour
    assert text_of(model, ticket, Col.SUBJECT, Qt.ItemDataRole.DecorationRole) is None
    font = text_of(model, ticket, Col.PRIORITY, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.headerData(Col.SUBJECT, Qt.Orientation.Horizontal) == "Subject"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


@pytest.mark.parametrize(
    ("client_name", "contact_name", "subject"),
    [
        ('O\'Brien "Quotes" & Co <b>', "Zoë d'Arc", 'Can\'t print "quarterly" report; 100%_done'),
        ("Café 😀 Ltd", "🙂 Émile", "Emoji 🚀 in the subject"),
        ("שלום בע״מ", "محمد علي", "الطابعة لا تعمل"),
    ],
    ids=["quotes", "emoji", "rtl"],
)
def test_names_round_trip_unchanged(queue_service, runner, db, client_name, contact_name, subject):
    client = add_client(db, client_name)
    contact = add_contact(db, client, contact_name)
    ticket = add_ticket(db, client, subject=subject, contact_id=contact)
    model = TicketTableModel(queue_service, runner)
    model.set_query(TicketFilter(), TicketSort())
    assert text_of(model, ticket, Col.CLIENT) == client_name
    assert text_of(model, ticket, Col.CONTACT) == contact_name
    assert text_of(model, ticket, Col.SUBJECT) == subject
    # And they can be searched for, literally.
    model.set_query(TicketFilter(text=subject[:12]), TicketSort())
    assert loaded_ids(model) == [ticket]


# --- refreshing -------------------------------------------------------------------------------


def test_refresh_rows_rereads_loaded_rows_in_place(
    queue_service, runner, desk, tickets: TicketService, me, qtbot, db, clock, sla
):
    model = TicketTableModel(queue_service, runner)
    model.set_query(TicketFilter(open_only=True), TicketSort())
    # Not a problem: resolving one needs a linked incident first.
    target = next(t for t in desk.tickets if t.status.is_open and t.type is not TicketType.PROBLEM)
    row = model.row_of(target.ticket_id)
    assert row is not None
    detail = tickets.get(target.ticket_id)
    tickets.update(
        target.ticket_id,
        detail.version,
        replace(detail.fields, subject="Printer on fire"),
        me.technician_id,
    )
    # Resolving has its own use case (the plain edit refuses it): a second write.
    fix = "Replaced the fuser unit; the printer prints again."
    ClosureService(db, clock, sla).resolve(
        target.ticket_id, detail.version + 1, fix, "fixed", False, me.technician_id
    )
    with recorded(model.modelAboutToBeReset) as resets, recorded(model.dataChanged) as changed:
        model.refresh_rows([target.ticket_id, 999_999_999])
    assert resets == [] and len(changed) == 1
    top_left, bottom_right = changed[0][:2]
    assert (top_left.row(), top_left.column()) == (row, 0)
    assert (bottom_right.row(), bottom_right.column()) == (row, len(Col) - 1)
    assert text_of(model, target.ticket_id, Col.SUBJECT) == "Printer on fire"
    assert text_of(model, target.ticket_id, Col.STATUS) == labels.status(Status.RESOLVED)
    assert text_of(model, target.ticket_id, Col.NUMBER, VersionRole) == detail.version + 2
    # Resolved no longer matches "open only", but it stays until the next reload...
    assert model.row_of(target.ticket_id) == row
    model.reload()
    assert not model.is_loaded(target.ticket_id)


def test_refresh_rows_ignores_unloaded_ids_and_unchanged_rows(queue_service, deferred, desk, qtbot):
    runner, executor = deferred
    model = TicketTableModel(queue_service, runner, page_size=5)
    model.set_query(TicketFilter(), TicketSort())
    executor.run_pending()
    unloaded = next(t.ticket_id for t in desk.tickets if not model.is_loaded(t.ticket_id))
    model.refresh_rows([unloaded])
    assert executor.pending == []
    with recorded(model.dataChanged) as changed:
        model.refresh_rows(loaded_ids(model)[:2])
        assert executor.run_pending() == 1
    assert changed == []


def test_refresh_rows_removes_a_deleted_ticket(queue_service, runner, desk, db, qtbot):
    model = TicketTableModel(queue_service, runner)
    model.set_query(TicketFilter(), TicketSort())
    gone = loaded_ids(model)[3]
    with db.write() as s:
        s.execute(delete(TicketEvent).where(TicketEvent.ticket_id == gone))
        s.execute(delete(Ticket).where(Ticket.id == gone))
    with recorded(model.rowsRemoved) as removed:
        model.refresh_rows([gone])
    assert [args[1:] for args in removed] == [(3, 3)]
    assert gone not in loaded_ids(model)
    assert model.rowCount() == 22
    # The id → row map follows the removal.
    for row, ticket_id in enumerate(loaded_ids(model)):
        assert model.row_of(ticket_id) == row


def test_a_refreshed_row_that_moved_is_not_loaded_twice(
    queue_service, runner, desk, tickets: TicketService, clock, me
):
    model = TicketTableModel(queue_service, runner, page_size=5)
    model.set_query(TicketFilter(), TicketSort(SortKey.UPDATED))
    moved = loaded_ids(model)[0]
    detail = tickets.get(moved)
    clock.advance(days=1)  # now the most recently updated: it sorts last
    tickets.update(moved, detail.version, replace(detail.fields, subject="Moved"), me.technician_id)
    model.refresh_rows([moved])
    ids = load_all(model)
    assert len(ids) == len(set(ids)) == 23
    assert ids[0] == moved, "stays where the user saw it until the next reload"
    model.reload()
    assert load_all(model)[-1] == moved


def test_reload_keeps_the_sort_and_the_loaded_row_count(queue_service, runner, desk, db, qtbot):
    model = TicketTableModel(queue_service, runner, page_size=5)
    model.set_query(TicketFilter(), TicketSort(SortKey.CLIENT, descending=True))
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    new = add_ticket(db, desk.clients["Zeta"], subject="Brand new")
    with recorded(model.query_loaded) as loaded:
        model.reload()
    assert loaded == [()]
    assert model.current_sort() == TicketSort(SortKey.CLIENT, descending=True)
    assert model.rowCount() == 10
    assert model.is_loaded(new), "Zeta sorts first descending"
    assert model.canFetchMore(QModelIndex())
    assert len(load_all(model)) == 24


# --- results arriving late --------------------------------------------------------------------


def test_results_of_an_older_query_are_ignored(db, threaded_runner, desk, qtbot):
    service = GatedQueueService(db)
    model = TicketTableModel(service, threaded_runner)
    acme = TicketFilter(client_id=desk.clients["Acme Corp"])
    zeta = TicketFilter(client_id=desk.clients["Zeta"])
    model.set_query(acme, TicketSort())
    qtbot.waitUntil(lambda: len(service.gates) == 1, timeout=2000)  # started: cannot be cancelled
    model.set_query(zeta, TicketSort())
    qtbot.waitUntil(lambda: len(service.gates) == 2, timeout=2000)
    with recorded(model.query_loaded) as loaded:
        service.gates[1].set()
        qtbot.waitUntil(lambda: bool(loaded), timeout=2000)
    zeta_ids = desk.ids(lambda t: t.client == "Zeta")
    assert loaded_ids(model) == zeta_ids

    # The first query's answer lands now; it must change nothing.
    with recorded(model.rowsInserted) as inserted, recorded(model.query_loaded) as loaded:
        service.gates[0].set()
        qtbot.waitUntil(lambda: threaded_runner.in_flight == 0, timeout=2000)
    assert inserted == [] and loaded == []
    assert loaded_ids(model) == zeta_ids
    assert model.current_filter() == zeta
    assert not model.is_loading()


def test_a_page_fetched_for_an_older_query_is_not_appended(db, threaded_runner, desk, qtbot):
    service = GatedQueueService(db)
    model = TicketTableModel(service, threaded_runner, page_size=5)
    model.set_query(TicketFilter(), TicketSort())
    qtbot.waitUntil(lambda: len(service.gates) == 1, timeout=2000)
    with recorded(model.query_loaded) as loaded:
        service.gates[0].set()
        qtbot.waitUntil(lambda: bool(loaded), timeout=2000)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: len(service.gates) == 2, timeout=2000)
    bravo = TicketFilter(client_id=desk.clients["Bravo Logistics"])
    model.set_query(bravo, TicketSort())
    qtbot.waitUntil(lambda: len(service.gates) == 3, timeout=2000)
    with recorded(model.query_loaded) as loaded:
        service.gates[2].set()
        qtbot.waitUntil(lambda: bool(loaded), timeout=2000)
    service.gates[1].set()
    qtbot.waitUntil(lambda: threaded_runner.in_flight == 0, timeout=2000)
    assert loaded_ids(model) == desk.ids(lambda t: t.client == "Bravo Logistics")[:5]


class ManualRunner:
    """A stand-in `TaskRunner` that delivers only when told, and whose handles cannot cancel:
    every task behaves as if a worker had already started it."""

    class Handle:
        def cancel(self) -> bool:
            return False

    def __init__(self) -> None:
        self.tasks: list[tuple[Callable[[], Any], Any, Any]] = []

    def run(self, fn: Callable[[], Any], *, on_success: Any = None, on_failure: Any = None,
            **_kwargs: Any) -> Handle:  # fmt: skip
        self.tasks.append((fn, on_success, on_failure))
        return self.Handle()

    def finish(self, n: int) -> None:
        fn, on_success, _on_failure = self.tasks[n]
        on_success(fn())


def test_the_generation_guard_drops_answers_nobody_could_cancel(queue_service, desk):
    runner = ManualRunner()
    model = TicketTableModel(queue_service, cast(TaskRunner, runner), page_size=5)
    model.set_query(TicketFilter(), TicketSort())
    runner.finish(0)
    model.fetchMore(QModelIndex())  # task 1: page 2 of the first query
    zeta = TicketFilter(client_id=desk.clients["Zeta"])
    model.set_query(zeta, TicketSort())  # task 2
    model.refresh_rows([1])  # nothing loaded yet: no task
    acme = TicketFilter(client_id=desk.clients["Acme Corp"])
    model.set_query(acme, TicketSort())  # task 3
    assert len(runner.tasks) == 4
    runner.finish(3)
    acme_ids = desk.ids(lambda t: t.client == "Acme Corp")[:5]
    assert loaded_ids(model) == acme_ids
    model.refresh_rows(acme_ids[:2])  # task 4, answered after the next reset
    model.set_query(acme, TicketSort(SortKey.SUBJECT))  # task 5
    with recorded(model.rowsInserted) as inserted, recorded(model.dataChanged) as changed:
        runner.finish(2)  # zeta's first page
        runner.finish(1)  # the first query's second page
        runner.finish(4)
    assert inserted == [] and changed == []
    assert model.rowCount() == 0 and model.is_loading()
    runner.finish(5)
    assert not model.is_loading()
    assert (
        loaded_ids(model)
        == [
            t.ticket_id
            for t in sorted_specs(
                [t for t in desk.tickets if t.client == "Acme Corp"], SortKey.SUBJECT
            )
        ][:5]
    )


def test_a_query_not_started_yet_is_cancelled(queue_service, deferred, desk):
    runner, executor = deferred
    model = TicketTableModel(queue_service, runner)
    model.set_query(TicketFilter(client_id=desk.clients["Acme Corp"]), TicketSort())
    model.set_query(TicketFilter(client_id=desk.clients["Zeta"]), TicketSort())
    assert executor.run_pending() == 1
    assert loaded_ids(model) == desk.ids(lambda t: t.client == "Zeta")


def test_a_failed_read_is_reported_and_not_retried_in_a_loop(db, runner, desk, qtbot):
    class FailingSecondPage(TicketQueueService):
        def page(self, filter, sort, after=None, limit=200):
            if after is not None:
                raise RuntimeError("database went away")
            return super().page(filter, sort, after, limit)

    model = TicketTableModel(FailingSecondPage(db), runner, page_size=5)
    model.set_query(TicketFilter(), TicketSort())
    with recorded(model.query_failed) as failed:
        model.fetchMore(QModelIndex())
    assert len(failed) == 1 and isinstance(failed[0][0], RuntimeError)
    assert model.rowCount() == 5 and not model.is_loading()
    assert not model.canFetchMore(QModelIndex())
    model.reload()
    assert model.canFetchMore(QModelIndex())


# --- model tester -----------------------------------------------------------------------------


def test_model_tester_empty_filled_fetched_and_reset(queue_service, runner, desk, qtmodeltester):
    model = TicketTableModel(queue_service, runner, page_size=5)
    qtmodeltester.check(model)
    model.set_query(TicketFilter(), TicketSort())
    qtmodeltester.check(model)  # Qt's tester calls fetchMore itself: one more page lands
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    load_all(model)
    qtmodeltester.check(model)
    model.set_query(TicketFilter(text="printer"), TicketSort(SortKey.UPDATED, descending=True))
    qtmodeltester.check(model)
    model.set_query(TicketFilter(text="no such words"), TicketSort())
    qtmodeltester.check(model)


def test_model_tester_while_a_fetch_is_in_flight(queue_service, deferred, desk, qtmodeltester):
    runner, executor = deferred
    model = TicketTableModel(queue_service, runner, page_size=5)
    model.set_query(TicketFilter(), TicketSort())
    qtmodeltester.check(model)  # the first page is still in flight
    executor.run_pending()
    model.fetchMore(QModelIndex())
    assert model.is_loading()
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    executor.run_pending()  # rows land while the tester watches every signal
    assert model.rowCount() == 10
    model.refresh_rows(loaded_ids(model)[:3])  # in flight across the reset below: dropped
    model.set_query(TicketFilter(open_only=True), TicketSort())
    qtmodeltester.check(model)
    executor.run_pending()
    model.refresh_rows(loaded_ids(model))
    executor.run_pending()
    qtmodeltester.check(model)
