"""The summary KPIs as a grid of tiles: a small caption over a large figure. GUI thread only."""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.reports.figures import Kpis
from app.reports.report_sections import kpi_cells

from app.views.reports.labels import reports_tr as _t

#: Tiles per row; 4 fit a 1280-pixel window beside the navigation.
COLUMNS: Final = 4


def _captions() -> dict[str, str]:
    """The PDF's KPI names (English) → this page's translated captions."""
    return {
        "Tickets opened": _t("Tickets opened"),
        "Tickets closed": _t("Tickets closed"),
        "Response SLA met": _t("Response SLA met"),
        "Resolution SLA met": _t("Resolution SLA met"),
        "Median time to respond": _t("Median time to respond"),
        "90th percentile to respond": _t("90th percentile to respond"),
        "Median time to resolve": _t("Median time to resolve"),
        "90th percentile to resolve": _t("90th percentile to resolve"),
        "CSAT average": _t("CSAT average"),
        "CSAT response rate": _t("CSAT response rate"),
        "Escalated to L2": _t("Escalated to L2"),
        "Escalated to L3": _t("Escalated to L3"),
        "Third-party tickets": _t("Third-party tickets"),
        "Remote sessions": _t("Remote sessions"),
        "Time logged": _t("Time logged"),
        "Billable time": _t("Billable time"),
    }


def kpi_lines(kpis: Kpis) -> list[tuple[str, str, str]]:
    """(caption, figure, note) of every KPI: the PDF's own cells (`kpi_cells`), so figures and
    notes match the exported file to the character; only the caption is translated."""
    captions = _captions()
    return [(captions.get(name, name), value, note) for value, name, note in kpi_cells(kpis)]


class _Tile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(self)
        self.caption.setStyleSheet("color: palette(placeholder-text);")
        self.value = QLabel(self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.note = QLabel(self)
        self.note.setStyleSheet("color: palette(placeholder-text); font-size: small;")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)


class KpiGridWidget(QWidget):
    """Shows a report's `Kpis`; `value_of(caption)` reads a figure back (tests, accessibility)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._tiles: list[_Tile] = []

    def set_kpis(self, kpis: Kpis) -> None:
        lines = kpi_lines(kpis)
        while len(self._tiles) < len(lines):
            tile = _Tile(self)
            n = len(self._tiles)
            self._grid.addWidget(tile, n // COLUMNS, n % COLUMNS)
            self._tiles.append(tile)
        for tile, (caption, value, note) in zip(self._tiles, lines, strict=False):
            tile.caption.setText(caption)
            tile.value.setText(value)
            tile.note.setText(note)

    def lines(self) -> list[tuple[str, str]]:
        return [(t.caption.text(), t.value.text()) for t in self._tiles]

    def value_of(self, caption: str) -> str:
        """The figure under `caption`; KeyError when there is no such tile."""
        return dict(self.lines())[caption]
