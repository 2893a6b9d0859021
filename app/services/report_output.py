"""Figures → file in one call, for the CLI and the Reports view's export task: the client or
all-clients report as PDF, or its raw figures as CSV. Any thread; the writers are atomic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.reports.all_clients_pdf import write_all_clients_report
from app.reports.client_report_pdf import write_client_report
from app.reports.figures import Branding
from app.reports.figures_csv import write_all_clients_csv, write_client_figures_csv
from app.reports.period import ReportPeriod
from app.services.report_figures import ReportFiguresService


def write_report(
    figures: ReportFiguresService,
    branding: Branding,
    out: Path,
    period: ReportPeriod,
    client_id: int | None,
    *,
    kind: str = "pdf",
    timezone: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> int:
    """Write the report; returns the PDF's page count (0 for CSV). `client_id` None = all
    clients. Figures take the first tenth of `progress`, the file the rest."""
    step = progress or (lambda _: None)
    step(0.0)
    if client_id is None:
        everyone = figures.all_clients_report(period, timezone=timezone)
        step(0.1)
        if kind == "csv":
            write_all_clients_csv(everyone, out)
            step(1.0)
            return 0
        return write_all_clients_report(everyone, branding, out, progress=_scaled(step))
    report = figures.client_report(client_id, period, timezone=timezone)
    step(0.1)
    if kind == "csv":
        write_client_figures_csv(report, out)
        step(1.0)
        return 0
    return write_client_report(report, branding, out, progress=_scaled(step))


def _scaled(step: Callable[[float], None]) -> Callable[[float], None]:
    return lambda fraction: step(0.1 + 0.9 * fraction)
