"""The sections the client report and the all-clients summary share: the cover, the KPI grid,
the trend and count charts, the data-table style and the definitions page."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

# WORKAROUND: no reportlab stubs in requirements-dev (types-reportlab would replace these ignores).
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    CondPageBreak,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.reports.branding import check_logo
from app.reports.charts import (
    GRID,
    MAX_ROWS,
    PRIMARY,
    SECONDARY,
    count_bar_chart,
    sla_trend_chart,
    volume_trend_chart,
)
from app.reports.figures import Branding, Count, Kpis, MonthFigures
from app.reports.fonts import clean, markup, report_fonts
from app.reports.output import atomic_output
from app.reports.report_document import BODY_W, build, styles
from app.reports.report_format import (
    NO_VALUE,
    count_text,
    duration_text,
    hours_text,
    local_text,
    percent_text,
    score_text,
    surveys_text,
)

REPORT_TITLE: Final = "Service report"
#: The logo's box on the cover; the image keeps its aspect ratio inside it.
LOGO_BOX: Final = (60 * mm, 24 * mm)
HEAD_FILL: Final = colors.HexColor("#EDF2F8")
ZEBRA: Final = colors.HexColor("#F7F8FA")
#: The space a section needs below its heading: its intro and the first rows of its table.
SECTION_ROOM: Final = 45 * mm
#: The definitions the last page prints; they mirror the docstring of `app.reports.figures`.
DEFINITIONS: Final = (
    ("Opened", "Tickets created in the period. A duplicate merged into another ticket is "
     "counted once, on the ticket it was merged into."),
    ("Closed", "Tickets closed or cancelled in the period."),
    ("SLA met %", "Measured on the tickets opened in the period: of their response (resolution) "
     "targets that have an outcome, the share met on time. Targets still running when the "
     "report was made, and cancelled ones, have no outcome and are not counted."),
    ("Median / 90th percentile time", "Business time (the client's SLA calendar, with time "
     "spent waiting on the customer or a third party left out) from the ticket's creation to "
     "the response (resolution), over the same tickets' targets that were met, late or not. "
     "Percentiles interpolate linearly between the two nearest values. Durations are business "
     "hours and minutes: a business day is not 24 hours."),
    ("CSAT", "Surveys recorded in the period. The average (1 to 5) is over answered surveys; "
     "the response rate is answered / (answered + sent + declined)."),
    ("Escalated to L2 / L3", "Tickets opened in the period that were raised to that tier."),
    ("Third-party tickets", "Tickets opened in the period with a vendor case."),
    ("Time", "Minutes logged in the period, by the time entry's start."),
    ("Remote sessions", "Sessions to the client started in the period."),
    ("Business overrun", "Business time between a missed target's due time and when it was met "
     "(or the report's end, for targets still open)."),
)  # fmt: skip


def para(text: str, style_name: str = "body") -> Paragraph:
    """A Paragraph of plain `text` (escaped, with the CJK fallback where needed)."""
    return Paragraph(markup(text), getattr(styles(), style_name))


def heading(text: str) -> list[object]:
    """A section heading, bookmarked and listed in the table of contents. It starts a new
    page when less than `SECTION_ROOM` is left, so it never sits alone at a page's foot."""
    return [CondPageBreak(SECTION_ROOM), Paragraph(markup(text), styles().h1)]


def logo_flowable(logo: bytes) -> Image:
    reader = ImageReader(io.BytesIO(logo))
    width, height = reader.getSize()
    scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
    image = Image(io.BytesIO(logo), width * scale, height * scale, mask="auto")
    image.hAlign = "LEFT"
    return image


def cover(
    msp_name: str, logo: bytes | None, title_lines: Sequence[tuple[str, str]]
) -> list[object]:
    """The cover page's flowables: MSP logo and name at the top, then "Service report" and
    `title_lines` (text, style name) naming the client and period under an accent rule."""
    story: list[object] = []
    if logo is not None:
        story += [logo_flowable(logo), Spacer(1, 4 * mm)]
    if msp_name.strip():
        story.append(para(msp_name, "cover_msp"))
    story += [Spacer(1, 55 * mm), para(REPORT_TITLE, "cover_title")]
    story += [para(text, style) for text, style in title_lines]
    story.append(HRFlowable(width=30 * mm, thickness=3, color=SECONDARY, hAlign="LEFT",
                            spaceBefore=6 * mm))  # fmt: skip
    return story


def cover_note(timezone: str, generated_at: dt.datetime) -> str:
    """The line at the foot of the cover."""
    return f"Times in {timezone} · Generated {local_text(generated_at, timezone)}"


def _sla_note(met: int, breached: int, pending: int) -> str:
    if met + breached == 0:
        return "no tickets with an outcome" + (f" · {pending} pending" if pending else "")
    note = f"{met} of {met + breached} met"
    return note + (f" · {pending} pending" if pending else "")


def kpi_cells(kpis: Kpis) -> list[tuple[str, str, str]]:
    """(value, label, note) for each summary figure, in the grid's order."""
    resp, res, csat = kpis.response, kpis.resolution, kpis.csat
    rate = csat.response_rate
    return [
        (count_text(kpis.opened), "Tickets opened", ""),
        (count_text(kpis.closed), "Tickets closed", ""),
        (percent_text(resp.met_percent), "Response SLA met",
         _sla_note(resp.met, resp.breached, resp.pending)),
        (percent_text(res.met_percent), "Resolution SLA met",
         _sla_note(res.met, res.breached, res.pending)),
        (duration_text(resp.median_seconds), "Median time to respond", "business hours"),
        (duration_text(resp.p90_seconds), "90th percentile to respond", "business hours"),
        (duration_text(res.median_seconds), "Median time to resolve", "business hours"),
        (duration_text(res.p90_seconds), "90th percentile to resolve", "business hours"),
        (score_text(csat.average), "CSAT average",
         f"{csat.answered} answered" if csat.answered else "no answered surveys"),
        (percent_text(None if rate is None else 100 * rate), "CSAT response rate",
         surveys_text(csat.answered, csat.responses)),
        (count_text(kpis.escalated_l2), "Escalated to L2", ""),
        (count_text(kpis.escalated_l3), "Escalated to L3", ""),
        (count_text(kpis.third_party), "Third-party tickets", "with a vendor case"),
        (count_text(kpis.remote_sessions), "Remote sessions", ""),
        (hours_text(kpis.time_minutes), "Time logged", "h:mm"),
        (hours_text(kpis.billable_minutes), "Billable time", "h:mm"),
    ]  # fmt: skip


def kpi_grid(kpis: Kpis) -> Table:
    """The summary figures as a 4-column grid of cards."""
    st = styles()
    cells = [
        [Paragraph(markup(value), st.kpi_value), Paragraph(markup(name), st.kpi_label),
         Paragraph(markup(note) if note else "&nbsp;", st.kpi_note)]
        for value, name, note in kpi_cells(kpis)
    ]  # fmt: skip
    rows = [cells[i : i + 4] for i in range(0, len(cells), 4)]
    table = Table(rows, colWidths=[BODY_W / 4] * 4)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
        ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
        ("LINEBELOW", (0, 0), (-1, -2), 2, colors.white),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))  # fmt: skip
    return table


def trend_charts(months: Sequence[MonthFigures]) -> list[object]:
    st = styles()
    return [
        KeepTogether([Paragraph("Ticket volume, last 12 months", st.h2),
                      volume_trend_chart(months, BODY_W, 54 * mm)]),
        KeepTogether([Paragraph("SLA met %, last 12 months", st.h2),
                      sla_trend_chart(months, BODY_W, 54 * mm)]),
    ]  # fmt: skip


def _chart_height(counts: Sequence[Count]) -> float:
    return 8 + 17 * max(1, min(len(counts), MAX_ROWS))


def wide_count_chart(title: str, counts: Sequence[Count]) -> list[object]:
    """One count chart across the page (room for long labels such as category paths)."""
    chart = count_bar_chart(counts, BODY_W, _chart_height(counts))
    return [KeepTogether([Paragraph(markup(title), styles().h2), chart])]


def count_charts(charts: Sequence[tuple[str, Sequence[Count]]]) -> list[object]:
    """Count charts two to a row, each under its heading."""
    st = styles()
    half = (BODY_W - 8 * mm) / 2
    cells = [
        [Paragraph(markup(title), st.h2), count_bar_chart(counts, half, _chart_height(counts))]
        for title, counts in charts
    ]
    rows = [cells[i : i + 2] + [[]] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[half + 8 * mm, half])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return [table]


def data_table(
    header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
    *, right: Sequence[int] = (), plain: Sequence[int] = (),
) -> Table:  # fmt: skip
    """A table of text cells (wrapped Paragraphs) whose header repeats on every page it spans.
    Cells are str (escaped here) or ready flowables; columns in `right` align right. Columns in
    `plain` hold short Latin text (numbers, dates) drawn as strings: ten times faster to lay out
    than Paragraphs, which matters for 300 breaches."""
    st = styles()
    fonts = report_fonts()

    def cell(value: object, col: int) -> object:
        if not isinstance(value, str):
            return value
        if col in plain:  # a "\n" in a plain cell breaks the line on purpose
            return "\n".join(clean(line) for line in value.split("\n"))
        return Paragraph(markup(value), st.cell_right if col in right else st.cell)

    data: list[list[object]] = [
        [Paragraph(markup(h), st.cell_head_right if c in right else st.cell_head)
         for c, h in enumerate(header)]
    ]  # fmt: skip
    data += [[cell(v, c) for c, v in enumerate(row)] for row in rows]
    scale = sum(widths)
    table = Table(data, colWidths=[BODY_W * w / scale for w in widths], repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 1), (-1, -1), fonts.sans, st.cell.fontSize, st.cell.leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), st.cell.textColor),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, PRIMARY),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ALIGN", (col, 1), (col, -1), "RIGHT") for col in right]
    table.setStyle(TableStyle(commands))
    return table


def definitions() -> list[object]:
    story: list[object] = [*heading("How these figures are measured")]
    for term, text in DEFINITIONS:
        story.append(Paragraph(f"<b>{markup(term)}</b>: {markup(text)}", styles().body))
        story.append(Spacer(1, 1.5 * mm))
    story.append(para(f"A figure shown as {NO_VALUE} has no value for the period (for example "
                      "no ticket with an outcome); it is not zero.", "muted"))  # fmt: skip
    return story


def write_pdf(
    out: Path,
    branding: Branding,
    story: Callable[[bool], list[object]],
    *,
    with_toc: bool,
    title: str,
    footer: str,
    timezone: str,
    generated_at: dt.datetime,
    progress: Callable[[float], None] | None = None,
) -> int:
    """Build `story(with_toc)` into `out` (atomically: a failure leaves no file); returns the
    page count. Raises `ReportOutputError` before any work when `out` cannot be written,
    `LogoError` when the logo is not an image."""
    if branding.logo is not None:
        check_logo(branding.logo)
    with atomic_output(out) as tmp:
        if progress is not None:
            progress(0.0)
        pages = build(
            str(tmp), story(with_toc), title=title, author=branding.msp_name, footer=footer,
            with_toc=with_toc, progress=progress, cover_note=cover_note(timezone, generated_at),
        )  # fmt: skip
    if progress is not None:
        progress(1.0)
    return pages
