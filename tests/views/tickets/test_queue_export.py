"""QueueExporter driven like a user would: hide a column, filter, export, read the CSV back."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Generator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from app.db import Database, DatabaseUnavailableError
from app.models import Ticket
from app.models.enums import Priority, SourceChannel, Status, TicketType, Tier
from app.models.ticket import format_number
from app.services.queue_export import QueueExportService
from app.services.ticket_queue import (
    SavedQueue,
    SortKey,
    TicketFilter,
    TicketRow,
    TicketSort,
)
from tests.factories import T0, add_client, add_contact, add_ticket

from app.views.tickets.queue_export import QueueExporter
from app.views.tickets.queue_model import Col
from app.views.tickets.queue_view import TicketQueueView

EVIL = '=HYPERLINK("http://evil.example","Click me")'
POLISH = "Drukarka nie działa — zażółć gęślą jaźń"
CYRILLIC = "Принтер не печатает"
CJK = "打印机无法打印"
#: More than the table's first page (200 rows), so the export must read rows it never loaded.
FILLERS = 201


def add_fillers(db: Database, client_id: int, n: int) -> list[int]:
    """`n` plain P4 tickets in one transaction (the factory's one-per-transaction is slow)."""
    with db.write() as s:
        tickets = []
        for i in range(n):
            at = T0 + dt.timedelta(minutes=i)
            t = Ticket(
                type=TicketType.INCIDENT,
                category="",
                priority=Priority.P4,
                status=Status.NEW,
                status_category=Status.NEW.category,
                is_open=True,
                tier=Tier.L1,
                client_id=client_id,
                source=SourceChannel.EMAIL,
                subject=f"Filler {i}",
                created_at=at,
                updated_at=at,
            )
            s.add(t)
            tickets.append(t)
        s.flush()
        return [t.id for t in tickets]


class Desk:
    """One client's tickets (the export's filter) and another client's (filtered out)."""

    def __init__(self, db: Database) -> None:
        self.client = add_client(db, "Zakład Łódź")
        other = add_client(db, "Другой клиент")
        contact = add_contact(db, self.client, "Şule Yılmaz")
        self.evil = add_ticket(db, self.client, subject=EVIL, priority=Priority.P2)
        self.polish = add_ticket(db, self.client, subject=POLISH, contact_id=contact)
        self.cyrillic = add_ticket(db, self.client, subject=CYRILLIC, priority=Priority.P1)
        self.cjk = add_ticket(db, self.client, subject=CJK, status=Status.IN_PROGRESS)
        add_ticket(db, other, subject="Not this client")
        self.fillers = add_fillers(db, self.client, FILLERS)
        self.ids = sorted([self.evil, self.polish, self.cyrillic, self.cjk, *self.fillers])


@pytest.fixture
def desk(db: Database) -> Desk:
    return Desk(db)


@pytest.fixture
def view(qtbot, desk, queue_service, directory, runner, notifier, me, clock) -> TicketQueueView:
    v = TicketQueueView(queue_service, directory, runner, notifier, me, now=clock.now)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    return v


class Recorder:
    """Stands in for the file dialog, the status bar and the warning box."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.suggested: list[str] = []
        self.status: list[str] = []
        self.errors: list[str] = []
        #: Called with each status text, e.g. to cancel while the export runs.
        self.on_status: Callable[[str], object] = lambda _text: None

    def show_status(self, text: str) -> None:
        self.status.append(text)
        self.on_status(text)

    def choose(self, suggested: str) -> Path:
        self.suggested.append(suggested)
        return self.path


def make_exporter(
    view: TicketQueueView,
    runner,
    service: QueueExportService,
    recorder: Recorder,
    queue: SavedQueue | None = None,
) -> QueueExporter:
    return QueueExporter(
        service,
        runner,
        view,
        view,
        current_queue=lambda: queue,
        choose_path=recorder.choose,
        show_status=recorder.show_status,
        show_error=recorder.errors.append,
        page_size=50,
    )


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_exports_visible_columns_in_visual_order_and_every_filtered_row(
    qtbot, view, desk, runner, queue_service, tmp_path
):
    view.apply_filter(TicketFilter(client_id=desk.client), TicketSort(SortKey.NUMBER))
    view.set_column_visible(Col.TIER, False)
    view.set_column_visible(Col.QUEUE, False)
    header = view.table.horizontalHeader()
    header.moveSection(header.visualIndex(Col.CLIENT), 0)
    model = view.model
    assert model.rowCount() == 200  # The table loaded its first page only.
    recorder = Recorder(tmp_path / "out.csv")
    exporter = make_exporter(
        view, runner, QueueExportService(queue_service), recorder, SavedQueue.OPEN_P1_P2
    )

    with qtbot.waitSignal(exporter.exported, timeout=5000) as saved:
        exporter.export()

    assert saved.args == [recorder.path]
    assert recorder.suggested == ["All open P1-P2 2026-03-02.csv"]
    assert recorder.errors == []
    assert recorder.status[-1] == f"Exported {len(desk.ids)} tickets to {recorder.path}."
    raw = recorder.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = read_csv(recorder.path)
    # The default layout shows the SLA columns after the status (queue_view).
    assert rows[0] == [
        "Client",
        "Number",
        "Subject",
        "Type",
        "Priority",
        "Status",
        "Response due",
        "Resolve due",
        "Assignee",
        "Contact",
        "Created",
        "Updated",
    ]
    body = rows[1:]
    assert [r[1] for r in body] == [format_number(i) for i in desk.ids]
    by_number = {r[1]: r for r in body}
    assert by_number[format_number(desk.evil)][2] == "'" + EVIL
    assert by_number[format_number(desk.evil)][4] == "P2 High"
    assert by_number[format_number(desk.polish)][2] == POLISH
    assert by_number[format_number(desk.polish)][9] == "Şule Yılmaz"
    assert by_number[format_number(desk.cyrillic)][2] == CYRILLIC
    assert by_number[format_number(desk.cyrillic)][4] == "P1 Critical"
    assert by_number[format_number(desk.cjk)][2] == CJK
    assert by_number[format_number(desk.cjk)][5] == "In progress"
    assert {r[0] for r in body} == {"Zakład Łódź"}
    # Every loaded row reads exactly as the table shows it (dates in local time included).
    columns = exporter.visible_columns()
    for n in range(model.rowCount()):
        shown = [str(model.data(model.index(n, c), Qt.ItemDataRole.DisplayRole)) for c in columns]
        if shown[2].startswith("="):
            shown[2] = "'" + shown[2]
        assert body[n] == shown
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_an_empty_queue_exports_its_header_row(view, desk, runner, queue_service, tmp_path):
    view.apply_filter(TicketFilter(text="nothing matches this"), TicketSort())
    recorder = Recorder(tmp_path / "empty.csv")
    exporter = make_exporter(view, runner, QueueExportService(queue_service), recorder)

    exporter.export()

    assert recorder.suggested == ["Tickets 2026-03-02.csv"]
    assert len(read_csv(recorder.path)) == 1
    assert recorder.status[-1] == f"Exported 0 tickets to {recorder.path}."


def test_a_bad_path_shows_one_message_and_leaves_no_file(
    qtbot, view, desk, runner, queue_service, tmp_path
):
    recorder = Recorder(tmp_path / "missing" / "out.csv")
    exporter = make_exporter(view, runner, QueueExportService(queue_service), recorder)

    with qtbot.waitSignal(exporter.export_failed, timeout=5000):
        exporter.export()

    assert len(recorder.errors) == 1
    message = recorder.errors[0]
    assert "\n" not in message
    assert str(recorder.path) in message
    assert "does not exist" in message
    assert list(tmp_path.iterdir()) == []
    assert not exporter.is_running()


class FailingService(QueueExportService):
    """Loses the database after the first page."""

    def pages(
        self, filter: TicketFilter, sort: TicketSort, page_size: int = 1000
    ) -> Generator[tuple[TicketRow, ...], None, None]:
        yield next(super().pages(filter, sort, page_size))
        raise DatabaseUnavailableError("connection refused")


def test_a_failure_midway_keeps_the_previous_file(view, desk, runner, queue_service, tmp_path):
    recorder = Recorder(tmp_path / "out.csv")
    recorder.path.write_text("last week's export")
    exporter = make_exporter(view, runner, FailingService(queue_service), recorder)

    exporter.export()

    assert recorder.errors == ["Could not export the queue: the database is not available."]
    assert recorder.path.read_text() == "last week's export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_cancel_midway_deletes_the_partial_file(view, desk, runner, queue_service, tmp_path):
    recorder = Recorder(tmp_path / "out.csv")
    exporter = make_exporter(view, runner, QueueExportService(queue_service), recorder)

    def cancel_after_first_page(text: str) -> None:
        if text.startswith("Exporting tickets… 50 of"):
            exporter.cancel()

    recorder.on_status = cancel_after_first_page
    exporter.export()

    assert recorder.status[-1] == "Export cancelled."
    assert recorder.errors == []
    assert list(tmp_path.iterdir()) == []
    assert not exporter.is_running()
