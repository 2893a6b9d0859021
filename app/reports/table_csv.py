"""A table of display texts as a CSV file for Excel: UTF-8 with a BOM, CRLF line ends, every
cell guarded against formulas, written atomically (a failure leaves no file behind).

Plain strings in, a file out: the caller decides the columns and formats the cells. Rows are
streamed, so a queue of 100,000 tickets never sits in memory as one list.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from app.reports.csv_safety import csv_safe
from app.reports.output import atomic_output


class ExportAborted(Exception):
    """Thrown into the atomic output by `TableCsvWriter.abort()`, which then deletes its file."""


class TableCsvWriter:
    """An open CSV export: a header row now, rows in batches later, then `commit()` or `abort()`.

    Until `commit()` the rows go to a hidden temporary file next to `out`; `commit()` renames it
    to `out`, `abort()` (or any error) deletes it, and `out` is untouched either way. Usable as a
    context manager (commit on success, abort on error). Not thread-safe, but not tied to a
    thread either: the queue export calls it from one read-lane worker after another, never two
    at a time. Raises `ReportOutputError` (one line naming the path) when `out` is unwritable.
    """

    def __init__(self, out: Path, headers: Sequence[str]) -> None:
        self._stack = contextlib.ExitStack()
        try:
            tmp = self._stack.enter_context(atomic_output(out))
            # Entered last, so the file is closed before the atomic output renames it.
            f = self._stack.enter_context(tmp.open("w", encoding="utf-8-sig", newline=""))
            self._writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            self._writer.writerow([csv_safe(h) for h in headers])
        except BaseException as exc:
            self._stack.__exit__(type(exc), exc, exc.__traceback__)
            raise
        self._columns = len(headers)
        #: Data rows written so far (the header not counted).
        self.rows_written = 0
        self._open = True

    def write_rows(self, rows: Iterable[Sequence[str]]) -> int:
        """Append `rows` (each with one text per header); returns how many were written."""
        if not self._open:
            raise ValueError("the CSV export is already committed or aborted")
        n = 0
        try:
            for row in rows:
                if len(row) != self._columns:
                    raise ValueError(f"a row has {len(row)} cells for {self._columns} columns")
                self._writer.writerow([csv_safe(cell) for cell in row])
                n += 1
        except BaseException as exc:
            self._close(exc)
            raise
        self.rows_written += n
        return n

    def commit(self) -> int:
        """Put the complete file in place; returns the number of data rows."""
        if not self._open:
            raise ValueError("the CSV export is already committed or aborted")
        self._open = False
        self._stack.close()
        return self.rows_written

    def abort(self) -> None:
        """Delete the partial file; `out` stays as it was. Harmless after `commit()`."""
        if self._open:
            self._close(ExportAborted())

    def _close(self, exc: BaseException) -> None:
        self._open = False
        with contextlib.suppress(ExportAborted):
            self._stack.__exit__(type(exc), exc, exc.__traceback__)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            if self._open:
                self.commit()
        elif self._open:
            self._close(exc)


def write_table_csv(headers: Sequence[str], rows: Iterable[Sequence[str]], out: Path) -> int:
    """Write `headers` and `rows` to `out` (see the module docstring); returns the rows written.

    `rows` is consumed lazily, one row at a time. On any error, including one raised by the
    `rows` iterator itself, no file is left at `out`.
    """
    with TableCsvWriter(out, headers) as writer:
        writer.write_rows(rows)
    return writer.rows_written
