"""One client's service report as a PDF: cover, summary KPIs, charts, SLA breaches, recurring
issues, time and prepaid hours, and how the figures are measured.

Figures in (`ClientReport`, computed by `app.services.report_figures`), a file out; English
text (this layer has no translator). Runs on a worker thread (the read lane or the CLI);
`progress` is called from that thread. Reports with more than `TOC_ROWS` table rows get a table
of contents after the cover.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

# WORKAROUND: no reportlab stubs in requirements-dev (types-reportlab would replace these ignores).
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, Spacer  # type: ignore[import-untyped]

from app.reports.figures import Branding, Breach, ClientReport, RecurringIssue
from app.reports.fonts import markup
from app.reports.report_document import TOC_ROWS, body_start, contents, styles
from app.reports.report_format import (
    breach_history_text,
    count_text,
    duration_text,
    hours_text,
    local_text,
)
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
    wide_count_chart,
    write_pdf,
)

EMPTY_PERIOD: Final = "No tickets were opened or closed in this period."
NO_BREACHES: Final = "No response or resolution target was missed in this period."
NO_REASON: Final = "No reason recorded"
STILL_OPEN: Final = "still open"
NEVER_MET: Final = "not met (ticket closed)"
BREACH_HEADER: Final = ("Ticket #", "Subject", "Priority", "Target", "Due", "Met late at",
                        "Business overrun", "Reason")  # fmt: skip
RECURRING_HEADER: Final = ("What", "Name", "Tickets this period", "3 months before", "Trend",
                           "Example tickets")  # fmt: skip
RECURRING_KINDS: Final = {"category": "Category", "asset": "Device", "contact": "Contact"}
#: Prepaid hours used beyond the block print in red.
OVERDRAWN: Final = "#C62828"
#: Days in the 3 months a recurring issue's count is compared with.
_PREVIOUS_DAYS: Final = 91


def client_title(report: ClientReport) -> str:
    """ "Acme Ltd (ACME)" or just the name without a code."""
    code = report.client_code.strip()
    return f"{report.client_name} ({code})" if code else report.client_name


def trend_word(issue: RecurringIssue, period_days: int) -> str:
    """Tickets a day in the period against the 3 months before: rising, steady, falling, new."""
    if issue.previous == 0:
        return "new"
    now, before = issue.count / period_days, issue.previous / _PREVIOUS_DAYS
    if now > before * 1.25:
        return "↑ rising"
    if now < before * 0.8:
        return "↓ falling"
    return "→ steady"


def _reason_cell(breach: Breach) -> object:
    """The recorded reason, or "No reason recorded", and under it what the history says."""
    reason = breach.reason.strip()
    lines = [markup(reason) if reason else f"<i>{markup(NO_REASON)}</i>"]
    history = breach_history_text(
        breach.vendors, breach.escalated_to, breach.reopened, breach.waited_seconds
    )
    if history:
        lines.append(f'<font color="#5F6B7A">{markup(history)}</font>')
    return Paragraph("<br/>".join(lines), styles().cell)


def _breach_row(breach: Breach, zone: str) -> list[object]:
    return [
        f"#{breach.ticket_id}",
        breach.subject,
        breach.priority,
        breach.kind.capitalize(),
        # Date over time: a date-time on one line would need a column too wide for the page.
        local_text(breach.due_at, zone).replace(" ", "\n"),
        local_text(breach.met_at, zone).replace(" ", "\n")
        if breach.met_at
        else NEVER_MET
        if breach.ticket_closed
        else STILL_OPEN,
        duration_text(breach.business_overrun_seconds),
        _reason_cell(breach),
    ]


def _breaches(report: ClientReport) -> list[object]:
    story: list[object] = [*heading("SLA breaches")]
    if report.breach_total == 0:
        return [*story, para(NO_BREACHES)]
    if report.breach_total > len(report.breaches):
        story.append(para(f"Showing the {count_text(len(report.breaches))} worst of "
                          f"{count_text(report.breach_total)} breaches (largest business "
                          "overrun first).", "muted"))  # fmt: skip
    else:
        story.append(para(f"{count_text(report.breach_total)} missed targets, largest "
                          "business overrun first.", "muted"))  # fmt: skip
    story.append(Spacer(1, 2 * mm))
    rows = [_breach_row(b, report.timezone) for b in report.breaches]
    story.append(data_table(BREACH_HEADER, rows, (34, 104, 42, 46, 46, 46, 55, 120),
                            right=(0, 6), plain=(0, 2, 3, 4, 5, 6)))  # fmt: skip
    return story


def _recurring(report: ClientReport) -> list[object]:
    story: list[object] = [*heading("Recurring issues")]
    if not report.recurring:
        return [*story, para("No category, device or contact came up repeatedly.")]
    story.append(para("The same category, device or contact in several tickets: candidates for "
                      "a lasting fix.", "muted"))  # fmt: skip
    story.append(Spacer(1, 2 * mm))
    rows = [
        [RECURRING_KINDS.get(issue.kind, issue.kind.capitalize()), issue.label or "Uncategorised",
         count_text(issue.count), count_text(issue.previous),
         trend_word(issue, report.period.days), ", ".join(f"#{t}" for t in issue.ticket_ids)]
        for issue in report.recurring
    ]  # fmt: skip
    story.append(data_table(RECURRING_HEADER, rows, (12, 32, 13, 13, 12, 26), right=(2, 3),
                            plain=(2, 3, 4)))  # fmt: skip
    return story


def _time(report: ClientReport) -> list[object]:
    st = styles()
    story: list[object] = [*heading("Time spent")]
    if report.time_by_category:
        rows = [[t.category or "Uncategorised", hours_text(t.minutes),
                 hours_text(t.billable_minutes)] for t in report.time_by_category]  # fmt: skip
        rows.append([Paragraph("<b>Total</b>", st.cell), hours_text(report.kpis.time_minutes),
                     hours_text(report.kpis.billable_minutes)])  # fmt: skip
        story.append(data_table(("Category", "Hours (h:mm)", "Billable (h:mm)"), rows,
                                (60, 20, 20), right=(1, 2)))  # fmt: skip
    else:
        story.append(para("No time was logged in this period."))
    story.append(Paragraph("Prepaid hours", st.h2))
    if report.prepaid:
        prepaid: list[list[object]] = []
        for line in report.prepaid:
            left: object = hours_text(line.left_minutes)
            if line.left_minutes < 0:
                left = Paragraph(
                    f'<font color="{OVERDRAWN}">'
                    f"overdrawn by {hours_text(-line.left_minutes)}</font>",
                    st.cell_right,
                )
            prepaid.append([line.contract, hours_text(line.prepaid_minutes),
                            hours_text(line.used_minutes),
                            hours_text(line.used_in_period_minutes), left])  # fmt: skip
        header = ("Contract", "Prepaid", "Used", "Used this period", "Left")
        story.append(data_table(header, prepaid, (36, 16, 16, 16, 16), right=(1, 2, 3, 4)))
    else:
        story.append(para("No prepaid block of hours."))
    story.append(Paragraph("Remote sessions", st.h2))
    if report.remote_by_method:
        rows = [[c.label, count_text(c.count)] for c in report.remote_by_method]
        story.append(data_table(("Method", "Sessions"), rows, (70, 30), right=(1,)))
    else:
        story.append(para("No remote sessions in this period."))
    return story


def client_story(report: ClientReport, branding: Branding, *, with_toc: bool) -> list[object]:
    """Every flowable of the report, cover first."""
    title_lines = [(client_title(report), "cover_client"), (report.period.label, "cover_line")]
    story = cover(branding.msp_name, branding.logo, title_lines)
    story += body_start()
    if with_toc:
        story += contents(styles())
    story += [*heading("Summary"),
              para(f"{client_title(report)} · {report.period.label} "
                   f"({report.period.start:%d %b %Y} – {report.period.end:%d %b %Y})", "muted"),
              Spacer(1, 2 * mm), kpi_grid(report.kpis)]  # fmt: skip
    if report.is_empty:
        story += [Spacer(1, 4 * mm), para(EMPTY_PERIOD)]
    if any(m.opened or m.closed for m in report.months):
        story += [*heading("Trends"), *trend_charts(report.months)]
    if not report.is_empty:
        story += [*heading("Tickets by category, priority and tier"),
                  *wide_count_chart("By category", report.by_category),
                  *count_charts((("By priority", report.by_priority),
                                 ("By tier", report.by_tier)))]  # fmt: skip
    story += _breaches(report) + _recurring(report) + _time(report) + definitions()
    return story


def needs_toc(report: ClientReport) -> bool:
    """Long reports (more than `TOC_ROWS` table rows) get a table of contents."""
    rows = (len(report.breaches) + len(report.recurring) + len(report.time_by_category)
            + len(report.prepaid) + len(report.remote_by_method))  # fmt: skip
    return rows > TOC_ROWS


def write_client_report(
    report: ClientReport,
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
        lambda with_toc: client_story(report, branding, with_toc=with_toc),
        with_toc=needs_toc(report),
        title=f"{REPORT_TITLE}: {report.client_name}, {report.period.label}",
        footer=f"{client_title(report)} — {report.period.label} · Times in {report.timezone}",
        timezone=report.timezone,
        generated_at=report.generated_at,
        progress=progress,
    )
