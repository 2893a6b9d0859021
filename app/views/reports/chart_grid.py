"""The report's charts in the app: the PDF's own ReportLab drawings, as SVG in `QSvgWidget`s.

`render_charts` runs on the worker with the figures (ReportLab is pure Python and slow enough
to keep off the GUI thread); `ChartGrid` shows the SVG bytes it returns. GUI thread only.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.reports.charts import (
    MAX_ROWS,
    count_bar_chart,
    drawing_svg,
    sla_trend_chart,
    volume_trend_chart,
)
from app.reports.figures import AllClientsReport, ClientReport, Count

from app.views.reports.labels import reports_tr as _t

#: Drawing size in points; shown at `SCALE` pixels per point (96 dpi / 72 pt, a little less).
TREND_W: Final = 360.0
TREND_H: Final = 170.0
BAR_ROW: Final = 20.0
SCALE: Final = 1.3
COLUMNS: Final = 2


# WORKAROUND: QtSvg 6.11 paints ReportLab's `<clipPath>` (renderSVG's whole-drawing clip) as a
# black rectangle over the chart, and reads renderSVG's `fill: None` (CSS keywords are
# case-insensitive; QtSvg's parser is not) as black, filling the SLA trend's lines. The clip only
# bounds the drawing, which the widget does anyway. ReportLab 4.x, PySide6 6.11.3.
_CLIP_PATH: Final = re.compile(rb"<clipPath\b.*?</clipPath>", re.S)
_CLIP_STYLE: Final = re.compile(rb'\s*style="clip-path: url\(#[^)]*\)"')


def qt_svg(drawing_svg_bytes: bytes) -> bytes:
    """`drawing_svg`'s output as QtSvg draws it correctly (see the workaround above)."""
    svg = _CLIP_STYLE.sub(b"", _CLIP_PATH.sub(b"", drawing_svg_bytes))
    return svg.replace(b"fill: None;", b"fill: none;")


class Chart(enum.Enum):
    VOLUME = "volume"
    SLA = "sla"
    CATEGORY = "category"
    PRIORITY = "priority"
    TIER = "tier"

    def title(self) -> str:
        return {
            Chart.VOLUME: _t("Tickets opened and closed, last 12 months"),
            Chart.SLA: _t("SLA met, last 12 months"),
            Chart.CATEGORY: _t("Tickets by category"),
            Chart.PRIORITY: _t("Tickets by priority"),
            Chart.TIER: _t("Tickets by tier"),
        }[self]


@dataclass(frozen=True, slots=True)
class RenderedChart:
    chart: Chart
    svg: bytes
    #: The drawing's size in points.
    width: float
    height: float


def _bars(chart: Chart, counts: Sequence[Count]) -> RenderedChart:
    rows = max(1, min(len(counts), MAX_ROWS))
    height = BAR_ROW * rows + 6
    return RenderedChart(
        chart, qt_svg(drawing_svg(count_bar_chart(counts, TREND_W, height))), TREND_W, height
    )


def render_charts(report: ClientReport | AllClientsReport) -> tuple[RenderedChart, ...]:
    """Worker: the report's charts as SVG, in display order (no category chart for the
    all-clients summary, which has no categories)."""
    charts = [
        RenderedChart(
            Chart.VOLUME,
            qt_svg(drawing_svg(volume_trend_chart(report.months, TREND_W, TREND_H))),
            TREND_W,
            TREND_H,
        ),
        RenderedChart(
            Chart.SLA,
            qt_svg(drawing_svg(sla_trend_chart(report.months, TREND_W, TREND_H))),
            TREND_W,
            TREND_H,
        ),
    ]
    if isinstance(report, ClientReport):
        charts.append(_bars(Chart.CATEGORY, report.by_category))
    charts.append(_bars(Chart.PRIORITY, report.by_priority))
    charts.append(_bars(Chart.TIER, report.by_tier))
    return tuple(charts)


class ChartGrid(QWidget):
    """Titled charts, two per row; `svg_widget(chart)` for tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(12)
        self._widgets: dict[Chart, QSvgWidget] = {}
        self._cells: list[QWidget] = []

    def set_charts(self, charts: Sequence[RenderedChart]) -> None:
        for cell in self._cells:
            # Hidden now: deleteLater() runs only when the event loop turns again.
            cell.hide()
            self._grid.removeWidget(cell)
            cell.deleteLater()
        self._cells.clear()
        self._widgets.clear()
        for n, rendered in enumerate(charts):
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            title = QLabel(f"<b>{rendered.chart.title()}</b>", cell)
            svg = QSvgWidget(cell)
            svg.load(QByteArray(rendered.svg))
            svg.setFixedSize(QSize(round(rendered.width * SCALE), round(rendered.height * SCALE)))
            box.addWidget(title)
            box.addWidget(svg)
            box.addStretch(1)
            self._grid.addWidget(cell, n // COLUMNS, n % COLUMNS)
            # A layout shows a new child of a visible parent only once the event loop turns.
            cell.show()
            self._cells.append(cell)
            self._widgets[rendered.chart] = svg

    def svg_widget(self, chart: Chart) -> QSvgWidget | None:
        return self._widgets.get(chart)

    def charts(self) -> list[Chart]:
        return list(self._widgets)
