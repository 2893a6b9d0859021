"""The whole desk's summary as a PDF: cover, desk-wide KPIs, trends, tickets by priority and
tier, and one table row per client with anything in the period.

Figures in (`AllClientsReport`), a file out; English text. Runs on a worker thread; `progress`
is called from that thread. The client table is the only long part: with more than `TOC_ROWS`
clients the report gets a table of contents.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

# WORKAROUND: no reportlab stubs in requirements-dev (types-reportlab would replace these ignores).
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import Spacer  # type: ignore[import-untyped]

from app.reports.figures import AllClientsReport, Branding, ClientSummaryRow
from app.reports.report_document import TOC_ROWS, body_start, contents, styles
from app.reports.report_format import count_text, hours_text, percent_text, score_text
from app.reports.report_sections import (
    REPORT_TITLE,
    count_charts,
    cover,
    data_table,
    definitions,
    heading,
    kpi_grid,
    para,
    trend_charts,
    write_pdf,
)

ALL_CLIENTS: Final = "All clients"
CLIENT_HEADER: Final = ("Client", "Opened", "Closed", "Response met", "Resolution met", "CSAT",
                        "Time (h:mm)")  # fmt: skip
NO_CLIENTS: Final = "No client had tickets, time or surveys in this period."


def client_row(row: ClientSummaryRow) -> list[object]:
    """A client's cells in the summary table (also the CSV's formatted view)."""
    csat = score_text(row.csat_average)
    if row.csat_answered:
        csat += f" ({row.csat_answered})"
    return [
        row.client_name,
        count_text(row.opened),
        count_text(row.closed),
        percent_text(row.response_met_percent),
        percent_text(row.resolution_met_percent),
        csat,
        hours_text(row.time_minutes),
    ]


def all_clients_story(
    report: AllClientsReport, branding: Branding, *, with_toc: bool
) -> list[object]:
    title_lines = [(ALL_CLIENTS, "cover_client"), (report.period.label, "cover_line")]
    story = cover(branding.msp_name, branding.logo, title_lines)
    story += body_start()
    if with_toc:
        story += contents(styles())
    story += [*heading("Summary"),
              para(f"Every client together · {report.period.label} "
                   f"({report.period.start:%d %b %Y} – {report.period.end:%d %b %Y})", "muted"),
              Spacer(1, 2 * mm), kpi_grid(report.kpis)]  # fmt: skip
    if any(m.opened or m.closed for m in report.months):
        story += [*heading("Trends"), *trend_charts(report.months)]
    if report.kpis.opened:
        story += [*heading("Tickets by priority and tier"),
                  *count_charts((("By priority", report.by_priority),
                                 ("By tier", report.by_tier)))]  # fmt: skip
    story += heading("Clients")
    if report.rows:
        story.append(para("Most tickets opened first. CSAT: average score (answered surveys).",
                          "muted"))  # fmt: skip
        story.append(Spacer(1, 2 * mm))
        rows = [client_row(r) for r in report.rows]
        story.append(data_table(CLIENT_HEADER, rows, (34, 10, 10, 12, 12, 11, 11),
                                right=(1, 2, 3, 4, 5, 6), plain=(1, 2, 3, 4, 5, 6)))  # fmt: skip
    else:
        story.append(para(NO_CLIENTS))
    return story + definitions()


def write_all_clients_report(
    report: AllClientsReport,
    branding: Branding,
    out: Path,
    *,
    progress: Callable[[float], None] | None = None,
) -> int:
    """Write the PDF to `out` (atomically: a failure leaves no file); returns the page count.
    Raises `ReportOutputError` before any work when `out` cannot be written, `LogoError` when
    the logo is not an image."""
    return write_pdf(
        out,
        branding,
        lambda with_toc: all_clients_story(report, branding, with_toc=with_toc),
        with_toc=len(report.rows) > TOC_ROWS,
        title=f"{REPORT_TITLE}: {ALL_CLIENTS}, {report.period.label}",
        footer=f"{ALL_CLIENTS} — {report.period.label} · Times in {report.timezone}",
        timezone=report.timezone,
        generated_at=report.generated_at,
        progress=progress,
    )
