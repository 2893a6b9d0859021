"""Exporting a whole ticket queue: every row of a filter, in its sort order, page by page.

The queue view's model holds only the pages the user scrolled through; an export needs all of
them, so this streams keyset pages of `TicketRow`s, each page its own read unit, and never
holds more than one page. Formatting the cells is the caller's job (the view formats with the
same functions as the table); `QueueCsvJob` only moves rows from the database to a CSV file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Final

from app.reports.table_csv import TableCsvWriter, write_table_csv
from app.services.ticket_queue import (
    PageCursor,
    TicketFilter,
    TicketQueueService,
    TicketRow,
    TicketSort,
)

#: Rows per page of an export: large enough that 100,000 tickets take 100 queries, small enough
#: that formatting one page on the GUI thread does not stall it.
EXPORT_PAGE_SIZE: Final = 1000


class ExportCancelledError(Exception):
    """The export was cancelled before it finished; its partial file was deleted."""


class QueueExportService:
    """Streams the rows of a queue filter. Any thread; each page is its own read transaction."""

    def __init__(self, queue: TicketQueueService) -> None:
        self._queue = queue

    def count(self, filter: TicketFilter) -> int:
        """How many tickets match `filter` (for a progress bar; the export may differ slightly
        when tickets change meanwhile)."""
        return self._queue.count(filter)

    def pages(
        self, filter: TicketFilter, sort: TicketSort, page_size: int = EXPORT_PAGE_SIZE
    ) -> Generator[tuple[TicketRow, ...], None, None]:
        """Every row matching `filter` in `sort` order, as non-empty pages of at most `page_size`.

        Lazy: a page is read when the iterator is advanced, so successive pages may be read by
        different worker threads (one at a time). Tickets edited during the export show their
        newest values; one whose sort value moved past the cursor is still listed once only.
        """
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        after: PageCursor | None = None
        seen: set[int] = set()
        while True:
            page = self._queue.page(filter, sort, after, page_size)
            rows = tuple(r for r in page.rows if r.ticket_id not in seen)
            seen.update(r.ticket_id for r in rows)
            if rows:
                yield rows
            if page.next_cursor is None:
                return
            after = page.next_cursor

    def export_csv(
        self,
        filter: TicketFilter,
        sort: TicketSort,
        out: Path,
        headers: Sequence[str],
        cells: Callable[[TicketRow], Sequence[str]],
        page_size: int = EXPORT_PAGE_SIZE,
    ) -> int:
        """Write the whole queue to `out` in one call, with `cells` formatting each row (a plain
        Python function: this runs on a worker). Returns the rows written; on any error no file
        is left at `out` (`ReportOutputError` for an unwritable path)."""
        rows = (cells(row) for page in self.pages(filter, sort, page_size) for row in page)
        return write_table_csv(headers, rows, out)

    def csv_job(
        self,
        filter: TicketFilter,
        sort: TicketSort,
        out: Path,
        headers: Sequence[str],
        page_size: int = EXPORT_PAGE_SIZE,
    ) -> QueueCsvJob:
        """An export whose cells the caller formats between pages (see `QueueCsvJob`)."""
        return QueueCsvJob(self, filter, sort, out, headers, page_size)


class QueueCsvJob:
    """One CSV export driven page by page by a caller that formats the cells itself.

    The GUI formats with Qt (locale dates, translated labels), which only the GUI thread may do,
    while reading and writing belong on the read lane. So the work alternates: `start()` and
    `advance()` run on the read lane, one at a time, each returning the next page of rows; the
    GUI turns that page into texts and hands them to the next `advance()`. `advance()` returns
    None once the file is complete and in place. Any error, `cancel()` or `abort()` deletes the
    partial file.
    """

    def __init__(
        self,
        service: QueueExportService,
        filter: TicketFilter,
        sort: TicketSort,
        out: Path,
        headers: Sequence[str],
        page_size: int = EXPORT_PAGE_SIZE,
    ) -> None:
        self._service = service
        self._filter = filter
        self._pages = service.pages(filter, sort, page_size)
        self._out = out
        self._headers = tuple(headers)
        self._writer: TableCsvWriter | None = None
        #: Set from any thread to stop the export at the next step.
        self.cancelled = threading.Event()
        #: Tickets matching the filter when the export started (set by `start()`).
        self.total = 0

    @property
    def out(self) -> Path:
        return self._out

    @property
    def rows_written(self) -> int:
        return 0 if self._writer is None else self._writer.rows_written

    def start(self) -> tuple[TicketRow, ...] | None:
        """Open the output (checks the path at once), count, and read the first page. Read lane.

        Returns None when the queue is empty: the file, a header row alone, is then in place.
        """
        self._writer = TableCsvWriter(self._out, self._headers)
        try:
            self.total = self._service.count(self._filter)
        except BaseException:
            self.abort()
            raise
        return self._step(())

    def advance(self, texts: Sequence[Sequence[str]]) -> tuple[TicketRow, ...] | None:
        """Write the previous page's `texts`, then read the next page. Read lane.

        Returns None when there is no next page: the file is then complete and in place.
        """
        return self._step(texts)

    def _step(self, texts: Sequence[Sequence[str]]) -> tuple[TicketRow, ...] | None:
        writer = self._writer
        if writer is None:
            raise RuntimeError("start() the export first")
        try:
            if self.cancelled.is_set():
                raise ExportCancelledError
            writer.write_rows(texts)
            page = next(self._pages, None)
            if page is None:
                writer.commit()
            return page
        except BaseException:
            writer.abort()
            raise

    def cancel(self) -> None:
        """Stop at the next step (which deletes the partial file). Any thread."""
        self.cancelled.set()

    def abort(self) -> None:
        """Delete the partial file now. Only when no step is running (the caller's own thread)."""
        self.cancelled.set()
        if self._writer is not None:
            self._writer.abort()
        self._pages.close()
