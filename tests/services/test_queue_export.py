"""app/services/queue_export.py: every row of a queue filter, page by page, into a CSV file.

Expected orders are computed in Python from what the factories wrote. Every test runs on SQLite
and PostgreSQL (the `db` fixture).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from app.db import Database
from app.models import Ticket
from app.models.enums import Priority
from app.models.ticket import format_number
from app.reports.output import ReportOutputError
from app.services.queue_export import ExportCancelledError, QueueExportService
from app.services.ticket_queue import (
    SortKey,
    TicketFilter,
    TicketQueueService,
    TicketRow,
    TicketSort,
)
from tests.factories import T0, add_client, add_ticket

PRIORITIES = (
    Priority.P3,
    Priority.P1,
    Priority.P4,
    Priority.P3,
    Priority.P2,
    Priority.P1,
    Priority.P3,
)


@pytest.fixture
def service(db: Database) -> QueueExportService:
    return QueueExportService(TicketQueueService(db))


@pytest.fixture
def desk(db: Database) -> tuple[int, dict[int, Priority]]:
    """Seven tickets of one client (id → priority) and two of another, which no filter wants."""
    client = add_client(db, "Zakład Łódź")
    other = add_client(db, "Other")
    tickets = {}
    for n, priority in enumerate(PRIORITIES):
        at = T0 + dt.timedelta(minutes=n)
        tickets[add_ticket(db, client, subject=f"Issue {n}", priority=priority, created_at=at)] = (
            priority
        )
    add_ticket(db, other, priority=Priority.P1)
    add_ticket(db, other, priority=Priority.P4)
    return client, tickets


def ids(pages: list[tuple[TicketRow, ...]]) -> list[int]:
    return [r.ticket_id for page in pages for r in page]


def test_pages_hold_every_row_of_the_filter_in_its_order(service, desk):
    client, tickets = desk
    mine = TicketFilter(client_id=client)

    by_priority = list(service.pages(mine, TicketSort(SortKey.PRIORITY), page_size=3))
    assert [len(p) for p in by_priority] == [3, 3, 1]
    assert ids(by_priority) == sorted(tickets, key=lambda i: (tickets[i].value, i))

    newest_first = list(service.pages(mine, TicketSort(SortKey.NUMBER, descending=True), 2))
    assert [len(p) for p in newest_first] == [2, 2, 2, 1]
    assert ids(newest_first) == sorted(tickets, reverse=True)

    # A page size that divides the count exactly ends without an empty page.
    p1 = TicketFilter(client_id=client, priorities=frozenset({Priority.P1}))
    assert [len(p) for p in service.pages(p1, TicketSort(SortKey.NUMBER), 2)] == [2]
    assert service.count(mine) == len(tickets)

    nobody = TicketFilter(client_id=client, text="no such subject")
    assert list(service.pages(nobody, TicketSort())) == []
    with pytest.raises(ValueError):
        next(service.pages(mine, TicketSort(), page_size=0))


def test_a_ticket_moving_during_the_export_is_listed_once(service, desk, db):
    client, tickets = desk
    pages = service.pages(TicketFilter(client_id=client), TicketSort(SortKey.UPDATED), 2)
    first = next(pages)
    # Edited meanwhile: its new sort value lies beyond the cursor, so a later page returns it.
    with db.write() as s:
        ticket = s.get(Ticket, first[0].ticket_id)
        assert ticket is not None
        ticket.updated_at = T0 + dt.timedelta(days=1)
    listed = ids([first, *pages])
    assert sorted(listed) == sorted(tickets)


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_export_csv_formats_each_row_with_the_given_function(service, desk, tmp_path):
    client, tickets = desk
    out = tmp_path / "queue.csv"

    written = service.export_csv(
        TicketFilter(client_id=client),
        TicketSort(SortKey.NUMBER),
        out,
        ["Number", "Client", "Priority"],
        lambda r: (r.number, r.client_name, r.priority.value),
        page_size=3,
    )

    assert written == len(tickets)
    assert read_csv(out) == [
        ["Number", "Client", "Priority"],
        *([format_number(i), "Zakład Łódź", tickets[i].value] for i in sorted(tickets)),
    ]


def test_csv_job_alternates_pages_and_texts_then_commits(service, desk, tmp_path):
    client, tickets = desk
    out = tmp_path / "queue.csv"
    job = service.csv_job(TicketFilter(client_id=client), TicketSort(SortKey.NUMBER), out, ["N"], 4)

    page = job.start()
    assert job.total == len(tickets)
    seen = []
    while page is not None:
        assert not out.exists()
        seen.append(len(page))
        page = job.advance([[r.number] for r in page])

    assert seen == [4, 3]
    assert job.rows_written == len(tickets)
    assert read_csv(out) == [["N"], *([format_number(i)] for i in sorted(tickets))]
    assert [p.name for p in tmp_path.iterdir()] == ["queue.csv"]


def test_csv_job_cancelled_or_unwritable_leaves_no_file(service, desk, tmp_path):
    client, _tickets = desk
    mine, sort = TicketFilter(client_id=client), TicketSort(SortKey.NUMBER)

    job = service.csv_job(mine, sort, tmp_path / "queue.csv", ["N"], 2)
    page = job.start()
    assert page is not None
    job.cancel()
    with pytest.raises(ExportCancelledError):
        job.advance([[r.number] for r in page])
    assert list(tmp_path.iterdir()) == []

    job = service.csv_job(mine, sort, tmp_path / "gone" / "queue.csv", ["N"])
    with pytest.raises(ReportOutputError, match="does not exist"):
        job.start()
    assert list(tmp_path.iterdir()) == []
