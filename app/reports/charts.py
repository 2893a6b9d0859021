"""The report charts as ReportLab graphics `Drawing`s: the PDF places them as flowables and the
in-app Reports view shows the same drawing as SVG (`drawing_svg`).

Drawn from plain shapes rather than `reportlab.graphics.charts`: those crash on all-zero or
empty data, cannot leave a gap for a month without an outcome, and draw each label in one font,
while a client's category or contact may need DejaVu and the CJK fallback side by side
(`fonts.text_runs`). Pure functions, any thread.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Final

# WORKAROUND: no reportlab stubs in requirements-dev (types-reportlab would replace these ignores).
from reportlab.graphics import renderSVG  # type: ignore[import-untyped]
from reportlab.graphics.shapes import (  # type: ignore[import-untyped]
    Circle,
    Drawing,
    Group,
    Line,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from app.reports.figures import Count, MonthFigures
from app.reports.fonts import CJK_CID, CJK_TTF, SANS, SANS_BOLD, fit_text, text_runs
from app.reports.report_format import count_text, month_text

INK: Final = colors.HexColor("#2B2F36")
MUTED: Final = colors.HexColor("#6B7280")
GRID: Final = colors.HexColor("#E3E6EA")
#: Opened / response: the report's accent; closed / resolution: its complement.
PRIMARY: Final = colors.HexColor("#1F5FA8")
SECONDARY: Final = colors.HexColor("#F08A24")
#: Count charts show at most this many rows; the rest fold into "Other".
MAX_ROWS: Final = 8
OTHER: Final = "Other"
UNCATEGORISED: Final = "Uncategorised"
_SIZE: Final = 7.5


def label(
    x: float,
    y: float,
    text: str,
    *,
    size: float = _SIZE,
    anchor: str = "start",
    bold: bool = False,
    color: colors.Color = INK,
) -> Group:
    """`text` at (x, y) as one `String` per font run, anchored "start", "middle" or "end"."""
    runs = text_runs(text, bold=bold)
    widths = [pdfmetrics.stringWidth(part, font, size) for font, part in runs]
    total = sum(widths)
    left = x - {"start": 0.0, "middle": total / 2, "end": total}[anchor]
    group = Group()
    for (font, part), width in zip(runs, widths, strict=True):
        group.add(String(left, y, part, fontName=font, fontSize=size, fillColor=color))
        left += width
    return group


def _nice_ceiling(value: float) -> tuple[int, int]:
    """An axis top ≥ `value` and its step: 4 or 5 steps of 1, 2 or 5 × 10ⁿ; (4, 1) for 0."""
    if value <= 0:
        return 4, 1
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(1, round(step))
    return step * math.ceil(value / step), step


def _legend(
    drawing: Drawing, x: float, y: float, items: Sequence[tuple[str, colors.Color]]
) -> None:
    for text, color in items:
        drawing.add(Rect(x, y - 1, 7, 7, fillColor=color, strokeColor=None))
        drawing.add(label(x + 10, y, text, color=INK))
        x += 10 + pdfmetrics.stringWidth(text, SANS, _SIZE) + 14


def _frame(
    drawing: Drawing, left: float, bottom: float, width: float, height: float,
    ticks: Sequence[float], top: float, suffix: str = "",
) -> None:  # fmt: skip
    """Horizontal grid lines with their values at the left."""
    for tick in ticks:
        y = bottom + height * tick / top
        drawing.add(Line(left, y, left + width, y, strokeColor=GRID, strokeWidth=0.6))
        drawing.add(label(left - 4, y - 2.5, f"{count_text(int(tick))}{suffix}", anchor="end",
                          color=MUTED))  # fmt: skip
    drawing.add(Line(left, bottom, left + width, bottom, strokeColor=MUTED, strokeWidth=0.8))


def _month_labels(
    drawing: Drawing, months: Sequence[MonthFigures], left: float, slot: float, y: float
) -> None:
    # Every month fits from about 22 pt a slot; narrower charts label every other month.
    every = 1 if slot >= 22 else 2
    for i, month in enumerate(months):
        if (len(months) - 1 - i) % every == 0:
            drawing.add(label(left + slot * (i + 0.5), y, month_text(month.month),
                              anchor="middle", color=MUTED))  # fmt: skip


def volume_trend_chart(months: Sequence[MonthFigures], width: float, height: float) -> Drawing:
    """Tickets opened and closed per month, as pairs of bars, oldest month at the left."""
    drawing = Drawing(width, height)
    left, bottom, top_pad = 34.0, 16.0, 16.0
    plot_w, plot_h = width - left - 4, height - bottom - top_pad
    top, step = _nice_ceiling(max((max(m.opened, m.closed) for m in months), default=0))
    _frame(drawing, left, bottom, plot_w, plot_h, range(0, top + 1, step), top)
    _legend(drawing, left, height - 9, (("Opened", PRIMARY), ("Closed", SECONDARY)))
    if not months:
        return drawing
    slot = plot_w / len(months)
    bar = min(slot * 0.34, 14.0)
    for i, month in enumerate(months):
        centre = left + slot * (i + 0.5)
        for value, x, color in (
            (month.opened, centre - bar - 0.5, PRIMARY),
            (month.closed, centre + 0.5, SECONDARY),
        ):
            if value:
                drawing.add(Rect(x, bottom, bar, plot_h * value / top, fillColor=color,
                                 strokeColor=None))  # fmt: skip
    _month_labels(drawing, months, left, slot, bottom - 10)
    return drawing


def sla_trend_chart(months: Sequence[MonthFigures], width: float, height: float) -> Drawing:
    """Response and resolution met % per month on a 0–100 axis; a month without an outcome
    (None) leaves a gap in its line rather than dropping to 0."""
    drawing = Drawing(width, height)
    left, bottom, top_pad = 34.0, 16.0, 16.0
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    _frame(drawing, left, bottom, plot_w, plot_h, (0, 25, 50, 75, 100), 100, " %")
    _legend(drawing, left, height - 9, (("Response met", PRIMARY), ("Resolution met", SECONDARY)))
    if not months:
        return drawing
    slot = plot_w / len(months)
    series = (
        ([m.response_met_percent for m in months], PRIMARY),
        ([m.resolution_met_percent for m in months], SECONDARY),
    )
    for values, color in series:
        run: list[float] = []
        for i, value in enumerate([*values, None]):
            if value is None:
                if len(run) >= 4:
                    drawing.add(PolyLine(run, strokeColor=color, strokeWidth=1.6))
                run = []
                continue
            x = left + slot * (i + 0.5)
            y = bottom + plot_h * max(0.0, min(100.0, value)) / 100
            run += [x, y]
            drawing.add(Circle(x, y, 1.9, fillColor=color, strokeColor=colors.white,
                               strokeWidth=0.5))  # fmt: skip
    _month_labels(drawing, months, left, slot, bottom - 10)
    return drawing


def _folded(counts: Sequence[Count]) -> list[Count]:
    rows = list(counts)
    if len(rows) <= MAX_ROWS:
        return rows
    ranked = sorted(rows, key=lambda c: -c.count)
    rest = sum(c.count for c in ranked[MAX_ROWS - 1 :])
    return [*ranked[: MAX_ROWS - 1], Count(OTHER, rest)]


def count_bar_chart(
    counts: Sequence[Count], width: float, height: float, *, title: str = ""
) -> Drawing:
    """Horizontal bars, one per label, its value at the bar's end. Long labels are cut with "…";
    more than `MAX_ROWS` rows show the largest `MAX_ROWS - 1` and "Other". An empty label is
    the uncategorised tickets."""
    drawing = Drawing(width, height)
    top = height
    if title:
        drawing.add(label(0, height - 9, title, size=8.5, bold=True))
        top -= 16
    rows = _folded(counts)
    if not rows:
        drawing.add(label(0, top - 12, "Nothing to show.", color=MUTED))
        return drawing
    label_w = min(width * 0.38, 170.0)
    value_w = 30.0
    plot_w = max(width - label_w - value_w - 6, 10.0)
    slot = min(top / len(rows), 22.0)
    peak = max((c.count for c in rows), default=0) or 1
    for i, row in enumerate(rows):
        y = top - slot * (i + 1)
        text = fit_text(row.label or UNCATEGORISED, _SIZE, label_w - 6)
        drawing.add(label(label_w - 6, y + slot / 2 - 2.6, text, anchor="end"))
        bar_w = plot_w * row.count / peak
        color = MUTED if row.label == OTHER and i == len(rows) - 1 else PRIMARY
        if bar_w > 0:
            drawing.add(Rect(label_w, y + slot * 0.18, bar_w, slot * 0.64, fillColor=color,
                             strokeColor=None))  # fmt: skip
        drawing.add(label(label_w + bar_w + 3, y + slot / 2 - 2.6, count_text(row.count),
                          color=MUTED))  # fmt: skip
    drawing.add(Line(label_w, top, label_w, top - slot * len(rows), strokeColor=MUTED,
                     strokeWidth=0.6))  # fmt: skip
    return drawing


#: SVG viewers do not know the registered names: point them at the installed families.
_SVG_FAMILIES: Final = {
    SANS_BOLD: "font-family: 'DejaVu Sans'; font-weight: bold;",
    SANS: "font-family: 'DejaVu Sans';",
    CJK_TTF: "font-family: sans-serif;",
    CJK_CID: "font-family: sans-serif;",
}
_SVG_FONT: Final = re.compile(r"font-family: ([^;\"]+);")


#: WORKAROUND: QtSvg (PySide6 6.11) paints renderSVG's whole-drawing `<clipPath>` as a black
#: rectangle and reads its `fill: None` (CSS keywords are case-insensitive; QtSvg's parser is
#: not) as black. The clip only bounds the drawing, which any viewer does anyway. ReportLab 5.1.
_SVG_CLIP_PATH: Final = re.compile(r"<clipPath\b.*?</clipPath>", re.S)
_SVG_CLIP_STYLE: Final = re.compile(r'\s*style="clip-path: url\(#[^)]*\)"')


def drawing_svg(drawing: Drawing) -> bytes:
    """The drawing as UTF-8 SVG, for the in-app view (QSvgWidget): the registered font names
    mapped to installed families, and nothing QtSvg misdraws (see the workaround above)."""
    svg: str = renderSVG.drawToString(drawing)

    def family(match: re.Match[str]) -> str:
        return _SVG_FAMILIES.get(match[1], match[0])

    svg = _SVG_CLIP_STYLE.sub("", _SVG_CLIP_PATH.sub("", svg))
    svg = svg.replace("fill: None;", "fill: none;")
    return _SVG_FONT.sub(family, svg).encode("utf-8")
