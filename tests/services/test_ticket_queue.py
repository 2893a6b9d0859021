"""app/services/ticket_queue.py: keyset pages in every sort order, filters, counts and row refresh.

Expected results are computed in Python from what the factories wrote, never read back from the
service. Every test runs on SQLite and PostgreSQL (the `db` fixture).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Connection, Engine

from app.db import Database
from app.models.enums import Priority, Status, StatusCategory, TicketType, Tier
from app.models.sla import NO_DUE
from app.models.ticket import format_number
from app.services.ticket_queue import (
    PageCursor,
    SavedQueue,
    SortKey,
    TicketFilter,
    TicketQueueService,
    TicketRow,
    TicketSort,
)
from tests.conftest import BACKENDS
from tests.domain import CATEGORY
from tests.factories import T0, add_client, add_contact, add_queue, add_technician, add_ticket

FINISHED = {Status.RESOLVED, Status.CLOSED, Status.CANCELLED}
#: Subjects the generated tickets draw from: repeats make ties that the id must break.
SUBJECTS = (
    "Printer offline",
    "printer jams on tray 2",
    "Outlook keeps asking for password",
    "VPN disconnects at home",
    "New starter: create account",
    "Backup job failed overnight",
)
#: Subjects with LIKE wildcards and the escape character, to be matched literally.
WILDCARD_SUBJECTS = (
    "Mailbox at 100% quota",
    "1000 users need licences",
    "Share disk_full alert",
    "Share diskXfull alert",
    r"Path C:\Temp\old is full",
    r"Path C:Temp is missing",
)


@dataclass(frozen=True)
class Expected:
    """What a factory ticket should look like as a queue row."""

    row: TicketRow
    status: Status

    @property
    def id(self) -> int:
        return self.row.ticket_id


@dataclass
class Data:
    """The generated desk: three clients, three technicians, two queues, ~40 tickets."""

    tickets: list[Expected]
    clients: list[int]
    techs: list[int]
    queues: list[int]
    contact_names: dict[int, str]


def _make_data(db: Database) -> Data:
    rng = random.Random(20260302)
    client_names = ["Acme Dental", "Brouwerij De Kroon", "Cafe Mueller GmbH"]
    clients = [add_client(db, name) for name in client_names]
    tech_names = ["Alice Martin", "Bram Peeters", "Chloe Dubois"]
    techs = [add_technician(db, name) for name in tech_names]
    queue_names = ["Service desk", "Infrastructure"]
    queues = [add_queue(db, queue_names[0], Tier.L1), add_queue(db, queue_names[1], Tier.L2)]
    contacts: dict[int, list[tuple[int, str]]] = {}
    contact_names: dict[int, str] = {}
    for client, prefix in zip(clients, ("Anna", "Ben", "Carla"), strict=True):
        contacts[client] = []
        for last in ("Jansen", "Rossi", "Smith 12"):
            name = f"{prefix} {last}"
            cid = add_contact(db, client, name)
            contacts[client].append((cid, name))
            contact_names[cid] = name

    plans: list[dict[str, Any]] = []
    for _ in range(40):
        client_index = rng.randrange(3)
        plans.append(
            {
                "client_index": client_index,
                "subject": rng.choice(SUBJECTS),
                "status": rng.choice(list(Status)),
                "priority": rng.choice(list(Priority)),
                "tier": rng.choice([Tier.L0, Tier.L1, Tier.L1, Tier.L2, Tier.L3]),
                "type": rng.choice(list(TicketType)),
                "assignee_index": rng.choice([None, 0, 1, 2]),
                "queue_index": rng.choice([None, 0, 1]),
                "contact_index": rng.choice([None, 0, 1, 2]),
                # Few distinct instants, so many tickets share one and the id breaks the tie.
                "created": T0 + dt.timedelta(minutes=rng.randrange(12)),
                "updated_extra": dt.timedelta(minutes=rng.randrange(0, 120, 30)),
            }
        )
    for i, subject in enumerate(WILDCARD_SUBJECTS):
        plans[i * 5]["subject"] = subject
    # Make sure every saved queue and filter below has something to find.
    plans[1].update(status=Status.WAITING_CUSTOMER)
    plans[2].update(status=Status.IN_PROGRESS, assignee_index=0, priority=Priority.P1)
    plans[3].update(status=Status.NEW, assignee_index=None, tier=Tier.L1)

    expected: list[Expected] = []
    for p in plans:
        client = clients[p["client_index"]]
        assignee = None if p["assignee_index"] is None else techs[p["assignee_index"]]
        queue = None if p["queue_index"] is None else queues[p["queue_index"]]
        contact = None if p["contact_index"] is None else contacts[client][p["contact_index"]]
        updated = p["created"] + p["updated_extra"]
        tid = add_ticket(
            db,
            client,
            subject=p["subject"],
            status=p["status"],
            priority=p["priority"],
            tier=p["tier"],
            assignee_id=assignee,
            contact_id=None if contact is None else contact[0],
            queue_id=queue,
            ticket_type=p["type"],
            created_at=p["created"],
            updated_at=updated,
        )
        row = TicketRow(
            ticket_id=tid,
            client_id=client,
            client_name=client_names[p["client_index"]],
            subject=p["subject"],
            type=p["type"],
            priority=p["priority"],
            status=p["status"],
            tier=p["tier"],
            queue_id=queue,
            queue_name=None if queue is None else queue_names[p["queue_index"]],
            assignee_id=assignee,
            assignee_name=None if assignee is None else tech_names[p["assignee_index"]],
            contact_id=None if contact is None else contact[0],
            contact_name=None if contact is None else contact[1],
            created_at=p["created"],
            updated_at=updated,
            version=1,
            # No SLA policy in this desk: every clock sorts last, ties by number.
            response_due_order=NO_DUE,
            resolve_due_order=NO_DUE,
        )
        expected.append(Expected(row, p["status"]))
    return Data(expected, clients, techs, queues, contact_names)


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(request: pytest.FixtureRequest) -> Iterator[tuple[Connection, Data]]:
    """The generated desk, written once per backend for the whole module.

    Like the `db` fixture, one outer transaction rolled back at the end; each test adds a
    savepoint of its own (`qdb`), so what one test inserts is gone before the next.
    """
    engine: Engine = request.getfixturevalue(f"{request.param}_engine")
    with engine.connect() as conn:
        outer = conn.begin()
        try:
            yield conn, _make_data(Database(conn))
        finally:
            outer.rollback()


@pytest.fixture
def qdb(seeded: tuple[Connection, Data]) -> Iterator[Database]:
    conn = seeded[0]
    nested = conn.begin_nested()
    try:
        yield Database(conn)
    finally:
        nested.rollback()


@pytest.fixture
def data(seeded: tuple[Connection, Data]) -> Data:
    return seeded[1]


@pytest.fixture
def queue(qdb: Database) -> TicketQueueService:
    return TicketQueueService(qdb)


def sort_value(key: SortKey, r: TicketRow) -> Any:
    """The value a row sorts by: enums by their stored value, missing names as ""."""
    match key:
        case SortKey.NUMBER:
            return r.ticket_id
        case SortKey.CLIENT:
            return r.client_name
        case SortKey.SUBJECT:
            return r.subject
        case SortKey.TYPE:
            return r.type.value
        case SortKey.PRIORITY:
            return r.priority.value
        case SortKey.STATUS:
            return r.status.value
        case SortKey.TIER:
            return r.tier.value
        case SortKey.QUEUE:
            return r.queue_name or ""
        case SortKey.ASSIGNEE:
            return r.assignee_name or ""
        case SortKey.CONTACT:
            return r.contact_name or ""
        case SortKey.CREATED:
            return r.created_at
        case SortKey.UPDATED:
            return r.updated_at


def expected_order(rows: list[TicketRow], sort: TicketSort) -> list[TicketRow]:
    """Sorted by the key, ties by ticket number in the same direction."""
    return sorted(
        rows, key=lambda r: (sort_value(sort.key, r), r.ticket_id), reverse=sort.descending
    )


def walk(
    queue: TicketQueueService, f: TicketFilter, sort: TicketSort, limit: int
) -> list[list[TicketRow]]:
    """Every page of the queue, following next_cursor until it is None."""
    pages: list[list[TicketRow]] = []
    cursor: PageCursor | None = None
    while True:
        page = queue.page(f, sort, after=cursor, limit=limit)
        pages.append(list(page.rows))
        assert len(pages) <= 100, "paging does not end"
        if page.next_cursor is None:
            return pages
        assert len(page.rows) == limit, "only the last page may be short"
        cursor = page.next_cursor


def flat(pages: list[list[TicketRow]]) -> list[TicketRow]:
    return [r for page in pages for r in page]


def rows(data: Data, keep: Callable[[Expected], bool] = lambda e: True) -> list[TicketRow]:
    return [e.row for e in data.tickets if keep(e)]


# --- paging -----------------------------------------------------------------------------------

ALL_SORTS = [
    pytest.param(TicketSort(key, descending), id=f"{key.value}-{'desc' if descending else 'asc'}")
    for key in SortKey
    for descending in (False, True)
]


@pytest.mark.parametrize("sort", ALL_SORTS)
def test_pages_in_every_sort_order_concatenate_to_the_full_order(
    queue: TicketQueueService, data: Data, sort: TicketSort
) -> None:
    expected = expected_order(rows(data), sort)
    pages = walk(queue, TicketFilter(), sort, limit=7)
    assert len(pages) == -(-len(expected) // 7)
    assert flat(pages) == expected


def test_the_data_has_ties_for_the_id_to_break(data: Data) -> None:
    # Guard on the generator: without ties the tiebreak tests would prove nothing.
    for key in (SortKey.SUBJECT, SortKey.CREATED, SortKey.ASSIGNEE, SortKey.CONTACT):
        values = [sort_value(key, r) for r in rows(data)]
        assert len(set(values)) < len(values) // 2, key
    assert any(r.contact_name is None for r in rows(data))
    assert any(r.queue_name is None for r in rows(data))
    assert any(r.assignee_name is None for r in rows(data))


@pytest.mark.parametrize("limit", [1, 8, 40, 41, 500])
def test_page_sizes_at_the_edges(queue: TicketQueueService, data: Data, limit: int) -> None:
    # 40 rows: a limit dividing it exactly must not end in an empty extra page.
    sort = TicketSort(SortKey.UPDATED, descending=True)
    pages = walk(queue, TicketFilter(), sort, limit)
    assert len(data.tickets) == 40
    assert [len(p) for p in pages] == [limit] * (40 // limit) + ([40 % limit] if 40 % limit else [])
    assert flat(pages) == expected_order(rows(data), sort)


def test_an_empty_queue_has_one_empty_page(db: Database) -> None:
    # `db`, not the module's desk: a database of no tickets at all.
    queue = TicketQueueService(db)
    page = queue.page(TicketFilter(), TicketSort())
    assert page.rows == () and page.next_cursor is None
    assert queue.count(TicketFilter()) == 0


def _first_in_order(d: Data, qdb: Database, key: SortKey, descending: bool) -> int:
    """Insert a ticket whose sort value comes strictly before every existing one."""
    client = d.clients[0]
    match key, descending:
        case SortKey.CREATED, False:
            return add_ticket(qdb, client, created_at=T0 - dt.timedelta(days=1))
        case SortKey.CREATED, True:
            return add_ticket(qdb, client, created_at=T0 + dt.timedelta(days=30))
        case SortKey.UPDATED, True:
            return add_ticket(qdb, client, updated_at=T0 + dt.timedelta(days=30))
        case SortKey.SUBJECT, False:
            return add_ticket(qdb, client, subject="!! Arrived while paging")
        case SortKey.CLIENT, False:
            return add_ticket(qdb, add_client(qdb, "AAA First Client"))
        case SortKey.NUMBER, True:
            return add_ticket(qdb, client)
    raise AssertionError(f"no recipe for {key} descending={descending}")


@pytest.mark.parametrize(
    "sort",
    [
        TicketSort(SortKey.CREATED),
        TicketSort(SortKey.CREATED, descending=True),
        TicketSort(SortKey.UPDATED, descending=True),
        TicketSort(SortKey.SUBJECT),
        TicketSort(SortKey.CLIENT),
        TicketSort(SortKey.NUMBER, descending=True),
    ],
    ids=["created", "created-desc", "updated-desc", "subject", "client", "number-desc"],
)
def test_rows_inserted_before_the_cursor_do_not_shift_later_pages(
    qdb: Database, queue: TicketQueueService, data: Data, sort: TicketSort
) -> None:
    limit = 9
    expected = expected_order(rows(data), sort)
    first = queue.page(TicketFilter(), sort, limit=limit)
    assert list(first.rows) == expected[:limit]
    assert first.next_cursor is not None

    # Between the two fetches another technician logs a ticket that sorts first.
    new = _first_in_order(data, qdb, sort.key, sort.descending)
    new_row = queue.rows_by_id([new])[new]
    assert expected_order([*rows(data), new_row], sort)[0] == new_row

    rest = flat(walk_from(queue, sort, first.next_cursor, limit))
    assert rest == expected[limit:]
    # A fresh walk from the top does show it, once.
    again = [r.ticket_id for r in flat(walk(queue, TicketFilter(), sort, limit))]
    assert again == [new] + [r.ticket_id for r in expected]


def walk_from(
    queue: TicketQueueService, sort: TicketSort, cursor: PageCursor, limit: int
) -> list[list[TicketRow]]:
    pages: list[list[TicketRow]] = []
    next_cursor: PageCursor | None = cursor
    while next_cursor is not None:
        page = queue.page(TicketFilter(), sort, after=next_cursor, limit=limit)
        pages.append(list(page.rows))
        next_cursor = page.next_cursor
    return pages


def test_a_row_inserted_after_the_cursor_shows_up_once(
    qdb: Database, queue: TicketQueueService, data: Data
) -> None:
    sort = TicketSort(SortKey.NUMBER)
    first = queue.page(TicketFilter(), sort, limit=10)
    assert first.next_cursor is not None
    late = add_ticket(qdb, data.clients[0], subject="Late arrival")
    rest = flat(walk_from(queue, sort, first.next_cursor, 10))
    ids = [r.ticket_id for r in [*first.rows, *rest]]
    assert ids == sorted([e.id for e in data.tickets] + [late])


# --- filters ----------------------------------------------------------------------------------


def filter_cases() -> list[Any]:
    """(filter from data, which expected tickets it keeps)."""

    def case(
        make: Callable[[Data], TicketFilter], keep: Callable[[Data, Expected], bool], id: str
    ) -> Any:
        return pytest.param(make, keep, id=id)

    return [
        case(lambda d: TicketFilter(), lambda d, e: True, "none"),
        case(lambda d: TicketFilter(open_only=True), lambda d, e: e.status not in FINISHED, "open"),
        case(
            lambda d: TicketFilter(
                status_categories=frozenset(
                    {StatusCategory.WAITING_CUSTOMER, StatusCategory.RESOLVED}
                )
            ),
            lambda d, e: e.status in (Status.WAITING_CUSTOMER, Status.RESOLVED),
            "categories",
        ),
        case(
            lambda d: TicketFilter(status_categories=frozenset({StatusCategory.CLOSED})),
            lambda d, e: e.status in (Status.CLOSED, Status.CANCELLED),
            "closed-category",
        ),
        case(
            lambda d: TicketFilter(status_categories=frozenset({StatusCategory.OPEN})),
            lambda d, e: e.status in (Status.ASSIGNED, Status.IN_PROGRESS),
            "open-category",
        ),
        case(
            lambda d: TicketFilter(priorities=frozenset({Priority.P1, Priority.P2})),
            lambda d, e: e.row.priority in (Priority.P1, Priority.P2),
            "priorities",
        ),
        case(
            lambda d: TicketFilter(client_id=d.clients[1]),
            lambda d, e: e.row.client_id == d.clients[1],
            "client",
        ),
        case(
            lambda d: TicketFilter(assignee_id=d.techs[0]),
            lambda d, e: e.row.assignee_id == d.techs[0],
            "assignee",
        ),
        case(
            lambda d: TicketFilter(unassigned=True),
            lambda d, e: e.row.assignee_id is None,
            "unassigned",
        ),
        case(
            lambda d: TicketFilter(unassigned=True, assignee_id=d.techs[0]),
            lambda d, e: e.row.assignee_id is None,
            "unassigned-wins",
        ),
        case(lambda d: TicketFilter(tier=Tier.L2), lambda d, e: e.row.tier is Tier.L2, "tier"),
        case(
            lambda d: TicketFilter(queue_id=d.queues[1]),
            lambda d, e: e.row.queue_id == d.queues[1],
            "queue",
        ),
        case(
            lambda d: TicketFilter(
                open_only=True, client_id=d.clients[0], priorities=frozenset({Priority.P3})
            ),
            lambda d, e: (
                e.status not in FINISHED
                and e.row.client_id == d.clients[0]
                and e.row.priority is Priority.P3
            ),
            "combined",
        ),
    ]


@pytest.mark.parametrize(("make", "keep"), filter_cases())
def test_each_filter_keeps_exactly_the_matching_tickets(
    queue: TicketQueueService,
    data: Data,
    make: Callable[[Data], TicketFilter],
    keep: Callable[[Data, Expected], bool],
) -> None:
    f = make(data)
    expected = [e.row for e in data.tickets if keep(data, e)]
    sort = TicketSort(SortKey.PRIORITY)
    got = flat(walk(queue, f, sort, limit=4))
    assert got == expected_order(expected, sort)
    assert queue.count(f) == len(got)


def text_matches(data: Data, text: str, number: int | None = None) -> list[TicketRow]:
    """Tickets whose subject or contact name contains `text` (ASCII case ignored), or whose
    number is `number`."""
    needle = text.strip().lower()
    return [
        r
        for r in rows(data)
        if needle in r.subject.lower()
        or needle in (r.contact_name or "").lower()
        or r.ticket_id == number
    ]


@pytest.mark.parametrize(
    "text",
    ["printer", "PRINTER", "  Printer  ", "OVERNIGHT", "starter: create", "zzz-nothing"],
)
def test_text_finds_subjects_ignoring_ascii_case(
    queue: TicketQueueService, data: Data, text: str
) -> None:
    sort = TicketSort(SortKey.NUMBER)
    expected = text_matches(data, text)
    got = flat(walk(queue, TicketFilter(text=text), sort, limit=5))
    assert got == expected
    assert queue.count(TicketFilter(text=text)) == len(expected)
    if text != "zzz-nothing":
        assert expected


@pytest.mark.parametrize("text", ["anna jansen", "ROSSI", "Carla"])
def test_text_finds_contact_names(queue: TicketQueueService, data: Data, text: str) -> None:
    expected = text_matches(data, text)
    assert expected
    assert any(text.lower() not in r.subject.lower() for r in expected)
    got = flat(walk(queue, TicketFilter(text=text), TicketSort(SortKey.CONTACT), limit=5))
    assert sorted(r.ticket_id for r in got) == sorted(r.ticket_id for r in expected)
    assert queue.count(TicketFilter(text=text)) == len(expected)


@pytest.mark.parametrize(
    "spell", [format_number, str, lambda n: f"t-{n}", lambda n: f"T{n:09d}", lambda n: f" {n} "]
)
def test_text_finds_a_ticket_by_number(
    queue: TicketQueueService, data: Data, spell: Callable[[int], str]
) -> None:
    target = data.tickets[11].id
    text = spell(target)
    expected = text_matches(data, text, number=target)
    assert target in [r.ticket_id for r in expected]
    got = flat(walk(queue, TicketFilter(text=text), TicketSort(SortKey.NUMBER), limit=3))
    assert got == expected
    assert queue.count(TicketFilter(text=text)) == len(expected)


def test_text_number_matches_contact_names_too(queue: TicketQueueService, data: Data) -> None:
    # "12" is a ticket number and part of the contact names "… Smith 12".
    expected = text_matches(data, "12", number=12)
    assert any(r.contact_name and "12" in r.contact_name for r in expected)
    got = flat(walk(queue, TicketFilter(text="12"), TicketSort(SortKey.NUMBER), limit=6))
    assert got == expected


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("100%", {"Mailbox at 100% quota"}),
        ("%", {"Mailbox at 100% quota"}),
        ("disk_full", {"Share disk_full alert"}),
        ("_", {"Share disk_full alert"}),
        ("C:\\Temp", {r"Path C:\Temp\old is full"}),
        ("\\", {r"Path C:\Temp\old is full"}),
    ],
)
def test_text_wildcards_are_literal(
    queue: TicketQueueService, data: Data, text: str, subjects: set[str]
) -> None:
    # Guard: the near misses exist, so a wildcard match would be caught.
    assert {r.subject for r in rows(data)} >= set(WILDCARD_SUBJECTS)
    got = flat(walk(queue, TicketFilter(text=text), TicketSort(SortKey.NUMBER), limit=50))
    assert {r.subject for r in got} == subjects
    assert got == text_matches(data, text)
    assert queue.count(TicketFilter(text=text)) == len(got)


def test_text_with_a_nul_character_is_searched_without_it(
    queue: TicketQueueService, data: Data
) -> None:
    # A pasted NUL must not break the search on PostgreSQL, which refuses it as a parameter.
    expected = text_matches(data, "printer")
    assert expected
    for text in ("prin\x00ter", "printer\x00"):
        got = flat(walk(queue, TicketFilter(text=text), TicketSort(SortKey.NUMBER), limit=50))
        assert got == expected
        assert queue.count(TicketFilter(text=text)) == len(expected)
    assert queue.count(TicketFilter(text="\x00")) == len(data.tickets)


def test_text_combines_with_other_filters(queue: TicketQueueService, data: Data) -> None:
    f = TicketFilter(text="printer", open_only=True, client_id=data.clients[0])
    expected = [
        r
        for r in text_matches(data, "printer")
        if r.client_id == data.clients[0] and r.status not in FINISHED
    ]
    got = flat(walk(queue, f, TicketSort(SortKey.SUBJECT, descending=True), limit=2))
    assert got == expected_order(expected, TicketSort(SortKey.SUBJECT, descending=True))
    assert queue.count(f) == len(expected)


# --- saved queues and row refresh -------------------------------------------------------------


def test_saved_queue_counts_match_manual_counts(queue: TicketQueueService, data: Data) -> None:
    me = data.techs[0]
    tickets = data.tickets

    def n(keep: Callable[[Expected], bool]) -> int:
        return sum(1 for e in tickets if keep(e))

    def is_open(e: Expected) -> bool:
        return e.status not in FINISHED

    expected = {
        SavedQueue.MY_OPEN: n(lambda e: is_open(e) and e.row.assignee_id == me),
        SavedQueue.UNASSIGNED_L1: n(
            lambda e: is_open(e) and e.row.assignee_id is None and e.row.tier is Tier.L1
        ),
        SavedQueue.WAITING_CUSTOMER: n(lambda e: e.status is Status.WAITING_CUSTOMER),
        SavedQueue.OPEN_P1_P2: n(
            lambda e: is_open(e) and e.row.priority in (Priority.P1, Priority.P2)
        ),
        SavedQueue.ALL_OPEN: n(is_open),
        SavedQueue.ALL: len(tickets),
    }
    assert all(expected.values()), expected
    # No ticket here has SLA clocks, so none is due a status update (tests/services/
    # test_needs_update.py covers that queue with real clocks).
    expected[SavedQueue.NEEDS_UPDATE] = 0
    assert queue.saved_queue_counts(me) == expected
    assert queue.saved_queue_counts(me, [SavedQueue.ALL_OPEN]) == {
        SavedQueue.ALL_OPEN: expected[SavedQueue.ALL_OPEN]
    }
    other = data.techs[1]
    assert queue.saved_queue_counts(other)[SavedQueue.MY_OPEN] == n(
        lambda e: is_open(e) and e.row.assignee_id == other
    )


def test_rows_by_id_returns_fresh_rows_and_skips_missing_ids(
    queue: TicketQueueService, data: Data
) -> None:
    wanted = [data.tickets[i].row for i in (0, 7, 21, 39)]
    got = queue.rows_by_id([r.ticket_id for r in wanted] + [2_000_000_000])
    assert got == {r.ticket_id: r for r in wanted}
    assert queue.rows_by_id([]) == {}


def test_row_properties(data: Data) -> None:
    row = data.tickets[0].row
    assert row.number == format_number(row.ticket_id)
    assert row.status_category is CATEGORY[row.status]
