"""Exporting the ticket queue as shown to a CSV file: visible columns in their visual order,
the table's filter and sort, every matching row (not only the loaded ones), texts as displayed.

Formatting stays on the GUI thread: the cells use the table's own `display_text` (locale dates,
translated labels, SLA countdowns), which need Qt's locale and translator, and workers never
build UI text. Reading pages and writing the file happen on the read lane. So an export
alternates between the two, one page at a time (`QueueCsvJob`); the GUI formats a page of 1,000
rows in a few milliseconds and stays responsive.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app.db import DatabaseUnavailableError
from app.reports.output import ReportOutputError
from app.services.queue_export import (
    EXPORT_PAGE_SIZE,
    ExportCancelledError,
    QueueCsvJob,
    QueueExportService,
)
from app.services.ticket_queue import SavedQueue, TicketRow
from app.tasks import Lane, TaskRunner

from app.views.tickets.queue_model import Col, display_text
from app.views.tickets.queue_view import TicketQueueView
from app.views.tickets.saved_queues import saved_queue_label

log = logging.getLogger(__name__)

#: Characters Windows refuses in file names (a queue is called "All open P1/P2").
_UNSAFE_NAME: Final = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class QueueExporter(QObject):
    """The "Export to CSV…" action of the ticket queue. GUI thread only; one export at a time.

    Dependencies are injected so tests need no dialogs: `choose_path(suggested_name)` returns
    the chosen file or None (default: a save dialog), `show_status(text)` reports progress and
    the saved path (default: the window's status bar), `show_error(text)` shows a failure
    (default: a warning box). A failed or cancelled export leaves no file behind.
    """

    #: An export finished; carries the saved file's `Path`.
    exported = Signal(object)
    #: An export failed; carries the message shown to the user.
    export_failed = Signal(str)
    #: Rows written so far and the tickets expected in all (a progress bar's value and maximum).
    progressed = Signal(int, int)

    def __init__(
        self,
        service: QueueExportService,
        runner: TaskRunner,
        view: TicketQueueView,
        parent: QObject | None = None,
        *,
        current_queue: Callable[[], SavedQueue | None] | None = None,
        choose_path: Callable[[str], Path | None] | None = None,
        show_status: Callable[[str], object] | None = None,
        show_error: Callable[[str], object] | None = None,
        page_size: int = EXPORT_PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._view = view
        self._current_queue = current_queue or (lambda: None)
        self._choose_path = choose_path or self._ask_path
        self._show_status = show_status or self._status_bar_message
        self._show_error = show_error or self._warning_box
        self._page_size = page_size
        #: The export in progress, with its columns and the instant its countdowns use.
        self._job: QueueCsvJob | None = None
        self._columns: tuple[Col, ...] = ()
        self._now = view.model.now()

    # --- public API ---------------------------------------------------------------------------

    def export(self) -> None:
        """Ask for a file, then export the queue as the table shows it."""
        if self._job is not None:
            self._show_status(self.tr("An export is already running."))
            return
        path = self._choose_path(self.suggested_name())
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Export the queue as the table shows it to `path`, without asking."""
        if self._job is not None:
            self._show_status(self.tr("An export is already running."))
            return
        model = self._view.model
        self._columns = self.visible_columns()
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in self._columns]
        # One instant for the whole file, so every SLA countdown in it is consistent.
        self._now = model.now()
        # The table's query rather than the filter widgets: a search still in its debounce is
        # not what the user sees.
        job = self._service.csv_job(
            model.current_filter(), model.current_sort(), path, headers, self._page_size
        )
        self._job = job
        self._show_status(self.tr("Exporting tickets…"))
        self._runner.run(
            job.start,
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_page_read, job),
            on_failure=partial(self._on_export_failed, job),
        )

    def cancel(self) -> None:
        """Stop the running export; its partial file is deleted."""
        if self._job is not None:
            self._job.cancel()

    def is_running(self) -> bool:
        return self._job is not None

    def visible_columns(self) -> tuple[Col, ...]:
        """The table's shown columns, in the order the user sees them (sections can be moved)."""
        header = self._view.table.horizontalHeader()
        logical = (header.logicalIndex(v) for v in range(header.count()))
        return tuple(Col(i) for i in logical if not header.isSectionHidden(i))

    def suggested_name(self) -> str:
        """ "<queue name> <date>.csv", the saved queue shown or "Tickets" for a custom filter."""
        queue = self._current_queue()
        name = saved_queue_label(queue) if queue is not None else self.tr("Tickets")
        day = self._view.model.now().astimezone().date().isoformat()
        return _UNSAFE_NAME.sub("-", f"{name} {day}").strip(" .") + ".csv"

    # --- steps --------------------------------------------------------------------------------

    def _on_page_read(self, job: QueueCsvJob, page: tuple[TicketRow, ...] | None) -> None:
        if job is not self._job:
            return
        if page is None:
            self._job = None
            count = job.rows_written
            self.progressed.emit(count, count)
            if count == 1:
                done = self.tr("Exported 1 ticket to {path}.")
            else:
                done = self.tr("Exported {count} tickets to {path}.")
            self._show_status(done.format(count=QLocale().toString(count), path=str(job.out)))
            self.exported.emit(job.out)
            return
        self.progressed.emit(job.rows_written, max(job.total, job.rows_written + len(page)))
        self._show_status(
            self.tr("Exporting tickets… {done} of {total}").format(
                done=QLocale().toString(job.rows_written),
                total=QLocale().toString(max(job.total, job.rows_written)),
            )
        )
        texts: Sequence[Sequence[str]] = ()
        if not job.cancelled.is_set():  # A cancelled job only needs its next step to clean up.
            texts = self._texts(page)
        self._runner.run(
            partial(job.advance, texts),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_page_read, job),
            on_failure=partial(self._on_export_failed, job),
        )

    def _texts(self, page: tuple[TicketRow, ...]) -> list[list[str]]:
        columns, now = self._columns, self._now
        return [[display_text(row, col, now) for col in columns] for row in page]

    def _on_export_failed(self, job: QueueCsvJob, error: BaseException) -> None:
        if job is not self._job:
            return
        self._job = None
        if isinstance(error, ExportCancelledError):
            self._show_status(self.tr("Export cancelled."))
            return
        if isinstance(error, ReportOutputError):
            # One line naming the file and the reason (no ticket data in it).
            text = self.tr("Could not export the queue. {reason}").format(reason=str(error))
        elif isinstance(error, DatabaseUnavailableError):
            text = self.tr("Could not export the queue: the database is not available.")
        else:
            log.error("queue export failed", exc_info=error)
            text = self.tr("Could not export the queue: {error}").format(error=type(error).__name__)
        self._show_status(text)
        self._show_error(text)
        self.export_failed.emit(text)

    # --- defaults for the injected callables --------------------------------------------------

    def _ask_path(self, suggested: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._view,
            self.tr("Export queue to CSV"),
            str(Path.home() / suggested),
            self.tr("CSV files (*.csv)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".csv" else path.with_name(path.name + ".csv")

    def _status_bar_message(self, text: str) -> None:
        window = self._view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)

    def _warning_box(self, text: str) -> None:
        QMessageBox.warning(self._view, self.tr("Export to CSV"), text)
