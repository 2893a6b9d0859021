"""A report's figures on screen: heading, KPI tiles, charts and read-only tables, meant to sit in
a scroll area. GUI thread only; it shows what it is given and never loads anything."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.reports.figures import AllClientsReport, ClientReport
from app.reports.report_format import count_text, local_text

from app.views.reports.chart_grid import ChartGrid, RenderedChart
from app.views.reports.kpi_widget import KpiGridWidget
from app.views.reports.labels import reports_tr as _t
from app.views.reports.report_models import (
    BreachTableModel,
    CategoryTimeTableModel,
    ClientSummaryTableModel,
    CountTableModel,
    PrepaidTableModel,
    RecurringTableModel,
)

#: A table taller than this many rows scrolls inside itself (the breaches can reach 300).
MAX_VISIBLE_ROWS: Final = 12


class _Section(QWidget):
    """A heading, an optional note, and a table sized to its rows; hidden when empty."""

    def __init__(
        self, title: str, model: QAbstractItemModel, stretch: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.heading = QLabel(f"<h3>{title}</h3>", self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The text column takes the spare width, so figures stay next to their labels.
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table)

    def refit(self) -> None:
        """Size the table to its rows (up to `MAX_VISIBLE_ROWS`) and hide an empty section."""
        rows = self.table.model().rowCount()
        self.setVisible(rows > 0)
        row_h = self.table.verticalHeader().defaultSectionSize()
        visible = min(rows, MAX_VISIBLE_ROWS)
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + row_h * visible + frame)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class FiguresPanel(QWidget):
    """Shows one `ClientReport` or `AllClientsReport` with its rendered charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet("color: palette(placeholder-text);")
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("reportEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(
            "background: palette(alternate-base); padding: 10px; font-weight: bold;"
        )
        self.empty_label.hide()
        self.kpis = KpiGridWidget(self)
        self.charts = ChartGrid(self)

        self.breaches = BreachTableModel(parent=self)
        self.recurring = RecurringTableModel(self)
        self.time_by_category = CategoryTimeTableModel(self)
        self.prepaid = PrepaidTableModel(self)
        self.remote = CountTableModel(_t("Method"), _t("Sessions"), self)
        self.clients = ClientSummaryTableModel(self)
        self.clients_section = _Section(
            _t("Clients"), self.clients, ClientSummaryTableModel.Col.CLIENT, self
        )
        self.breach_section = _Section(
            _t("SLA breaches"), self.breaches, BreachTableModel.Col.REASON, self
        )
        self.recurring_section = _Section(
            _t("Recurring issues"), self.recurring, RecurringTableModel.Col.TICKETS, self
        )
        self.time_section = _Section(
            _t("Time spent by category"),
            self.time_by_category,
            CategoryTimeTableModel.Col.CATEGORY,
            self,
        )
        self.prepaid_section = _Section(
            _t("Prepaid hours"), self.prepaid, PrepaidTableModel.Col.CONTRACT, self
        )
        self.remote_section = _Section(
            _t("Remote sessions by method"), self.remote, CountTableModel.Col.LABEL, self
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.kpis)
        layout.addSpacing(8)
        layout.addWidget(self.charts)
        for section in self._sections():
            layout.addWidget(section)
        layout.addStretch(1)
        self._refit()

    def _sections(self) -> tuple[_Section, ...]:
        return (
            self.clients_section,
            self.breach_section,
            self.recurring_section,
            self.time_section,
            self.prepaid_section,
            self.remote_section,
        )

    def show_report(
        self, report: ClientReport | AllClientsReport, charts: Sequence[RenderedChart]
    ) -> None:
        if isinstance(report, ClientReport):
            self.title.setText(f"{report.client_name} — {report.period.label}")
            empty = report.is_empty
        else:
            self.title.setText(_t("All clients — {0}").format(report.period.label))
            k = report.kpis
            empty = not (k.opened or k.closed or k.time_minutes or k.remote_sessions)
        self.subtitle.setText(
            _t("Times in {0} · figures as of {1}").format(
                report.timezone, local_text(report.generated_at, report.timezone)
            )
        )
        self.empty_label.setText(
            _t("Nothing happened for this client in this period.")
            if isinstance(report, ClientReport)
            else _t("Nothing happened for any client in this period.")
        )
        self.empty_label.setVisible(empty)
        self.kpis.set_kpis(report.kpis)
        self.charts.set_charts(charts)
        if isinstance(report, ClientReport):
            self.clients.set_rows(())
            self.breaches.zone = report.timezone
            self.breaches.set_rows(report.breaches)
            shown = len(report.breaches)
            self.breach_section.set_note(
                _t("The {0} worst of {1} breaches; the CSV lists the same.").format(
                    count_text(shown), count_text(report.breach_total)
                )
                if report.breach_total > shown
                else ""
            )
            self.recurring.set_rows(report.recurring)
            self.time_by_category.set_rows(report.time_by_category)
            self.prepaid.set_rows(report.prepaid)
            self.remote.set_rows(report.remote_by_method)
        else:
            self.clients.set_rows(report.rows)
            for model in (
                self.breaches,
                self.recurring,
                self.time_by_category,
                self.prepaid,
                self.remote,
            ):
                model.set_rows(())
            self.breach_section.set_note("")
        self._refit()

    def _refit(self) -> None:
        for section in self._sections():
            section.refit()
