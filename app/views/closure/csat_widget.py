"""The client page's CSAT box (C7): average, response rate and a 12-month trend chart, with the
average per technician."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Final

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.services.csat import CsatMonth, CsatService, CsatSummary, TechnicianCsat
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views.tickets.field_labels import failure_text
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.rows_table_model import DISPLAY, RowsTableModel

log = logging.getLogger(__name__)

#: Bar colours by average: good, fair, poor (the threshold a service review would flag).
_GOOD: Final = QColor("#2e7d32")
_FAIR: Final = QColor("#f9a825")
_POOR: Final = QColor("#c62828")
RELOAD_DEBOUNCE_MS: Final = 500


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


class CsatTrendChart(QWidget):
    """Bars of the monthly average (0–5), one per month; empty months show a dash.

    Drawn with QPainter: a dozen bars need no chart library, and the figures stay readable in
    both light and dark palettes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: tuple[CsatMonth, ...] = ()
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_months(self, months: Sequence[CsatMonth]) -> None:
        self.months = tuple(months)
        self.setToolTip(
            "\n".join(
                self.tr("{0}: {1} ({2} answers)").format(
                    QLocale().toString(_qdate(m.month), "MMM yyyy"), _average(m.average), m.answered
                )
                for m in self.months
            )
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.months:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        metrics = painter.fontMetrics()
        label_h = metrics.height()
        top, bottom = label_h + 2, self.height() - label_h - 4
        slot = self.width() / len(self.months)
        for i, m in enumerate(self.months):
            x = i * slot
            painter.setPen(text)
            month = QLocale().toString(_qdate(m.month), "MMM")
            painter.drawText(
                QRectF(x, bottom + 2, slot, label_h), Qt.AlignmentFlag.AlignCenter, month
            )
            if m.average is None:
                painter.drawText(
                    QRectF(x, bottom - label_h, slot, label_h), Qt.AlignmentFlag.AlignCenter, "–"
                )
                continue
            height = (bottom - top) * m.average / 5
            colour = _GOOD if m.average >= 4 else _FAIR if m.average >= 3 else _POOR
            painter.fillRect(QRectF(x + slot * 0.2, bottom - height, slot * 0.6, height), colour)
            painter.drawText(
                QRectF(x, bottom - height - label_h - 1, slot, label_h),
                Qt.AlignmentFlag.AlignCenter,
                QLocale().toString(m.average, "f", 1),
            )
        painter.end()


class CsatWidget(QWidget):
    """CSAT of one client. GUI thread only; figures are read on the read lane.

    Call `set_client()`; with a `notifier`, the figures follow closures made anywhere.
    """

    def __init__(
        self,
        csat: CsatService,
        runner: TaskRunner,
        notifier: ChangeNotifier | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] | None = None,
        months: int = 12,
    ) -> None:
        super().__init__(parent)
        self._csat = csat
        self._runner = runner
        self._today = today or _today
        self._months = months
        self._client_id: int | None = None
        #: The figures shown; None until loaded.
        self.summary: CsatSummary | None = None

        self.average = QLabel("–")
        self.average.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.average.setAccessibleName(self.tr("Average satisfaction"))
        self.rate = QLabel()
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.chart = CsatTrendChart()
        self.technician_model = TechnicianCsatTableModel(self)
        self.technicians = QTableView()
        self.technicians.setModel(self.technician_model)
        self.technicians.verticalHeader().hide()
        self.technicians.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.technicians.horizontalHeader().setStretchLastSection(True)
        self.error = ErrorLabel()

        title = QLabel(self.tr("Customer satisfaction (last 12 months)"))
        title.setStyleSheet("font-weight: 600;")
        figures = QVBoxLayout()
        figures.addWidget(self.average)
        figures.addWidget(self.rate)
        figures.addWidget(self.counts)
        figures.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(figures)
        row.addWidget(self.chart, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.technicians)
        layout.addWidget(self.error)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        if notifier is not None:
            notifier.data_changed.connect(self._on_data_changed)
        self._show(None)

    def set_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self.reload()

    def reload(self) -> None:
        if self._client_id is None:
            self._show(None)
            return
        self._runner.run(
            partial(self._csat.client_summary, self._client_id, self._months, today=self._today()),
            lane=Lane.READ,
            owner=self,
            on_success=self._show,
            on_failure=self._on_failed,
        )

    def _show(self, summary: CsatSummary | None) -> None:
        self.summary = summary
        self.error.clear_error()
        locale = QLocale()
        if summary is None or summary.responses == 0:
            self.average.setText("–")
            self.rate.setText(self.tr("No surveys in this period."))
            self.counts.clear()
            self.chart.set_months(summary.trend if summary else ())
            self.technician_model.set_rows(())
            return
        self.average.setText(self.tr("{0} / 5").format(_average(summary.average)))
        rate = summary.response_rate or 0.0
        self.rate.setText(self.tr("Response rate {0} %").format(locale.toString(round(rate * 100))))
        self.counts.setText(
            self.tr("{0} answered, {1} sent without answer, {2} declined").format(
                summary.answered, summary.sent, summary.declined
            )
        )
        self.chart.set_months(summary.trend)
        self.technician_model.set_rows(summary.by_technician)

    def _on_failed(self, error: BaseException) -> None:
        log.warning("loading CSAT figures failed", exc_info=error)
        self.error.show_error(failure_text(error))

    def _on_data_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.kind not in ("ticket", "*"):
            return
        if self._client_id is not None:
            self._debounce.start()


class TechnicianCsatTableModel(RowsTableModel[TechnicianCsat]):
    """The average per technician (one row each: bounded by the desk's staff, not tickets)."""

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Technician"), self.tr("Average"), self.tr("Answers"))

    def _cell(self, row: TechnicianCsat, column: int, role: int) -> object:
        if role == DISPLAY:
            values = (row.name or self.tr("(unassigned)"), _average(row.average), str(row.answered))
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _average(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(value, "f", 1)
