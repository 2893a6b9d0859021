"""Exporting a report to PDF or CSV on the read lane, with progress reported to the GUI thread.

`export_report` is the worker's function: plain values in, a file out (atomically: a failure
leaves no file behind). `ExportProgress` carries its progress fractions to the GUI thread.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.reports.output import check_writable
from app.reports.period import ReportPeriod
from app.services.report_branding import ReportBrandingService
from app.services.report_figures import ReportFiguresService
from app.services.report_output import write_report


class ExportFormat(enum.Enum):
    PDF = "pdf"
    CSV = "csv"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export, read from the widgets on the GUI thread before the task is submitted."""

    #: None: every client (the all-clients summary).
    client_id: int | None
    period: ReportPeriod
    format: ExportFormat
    out: Path


def export_report(
    request: ExportRequest,
    reports: ReportFiguresService,
    branding: ReportBrandingService,
    progress: Callable[[float], None],
) -> Path:
    """Worker (read lane): compute the figures and write the file; returns its path.

    Raises `ReportOutputError` before any query when the file cannot be written, and leaves no
    partial file behind on any error.
    """
    check_writable(request.out)
    write_report(
        reports,
        branding.branding(),
        request.out,
        request.period,
        request.client_id,
        kind=request.format.value,
        progress=progress,
    )
    progress(1.0)
    return request.out


class ExportProgress(QObject):
    """Created on the GUI thread; `report()` may be called from any thread. Its signal is then
    queued to receivers on the GUI thread (or delivered at once when called there, as with the
    tests' inline runner). Give it no parent and let the task's function hold it, so it outlives
    a receiver deleted while the export runs (Qt drops queued signals to deleted receivers)."""

    #: Progress in whole percent, 0..100.
    progressed = Signal(int)

    def report(self, fraction: float) -> None:
        self.progressed.emit(round(100 * max(0.0, min(1.0, fraction))))
