"""Choosing a report period: a month, a quarter or custom days. GUI thread only."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from app.reports.period import (
    ReportPeriod,
    custom_period,
    month_period,
    quarter_period,
)

from app.views.reports.labels import reports_tr as _t


class PeriodKind(enum.IntEnum):
    MONTH = 0
    QUARTER = 1
    CUSTOM = 2


def last_complete_month(today: dt.date) -> dt.date:
    """The first day of the month before `today`'s."""
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class PeriodPicker(QWidget):
    """Period kind and its inputs; `period()` reads them (raises `PeriodError` when the custom
    days are reversed or too long, leaving the inputs as the user set them)."""

    #: Any input changed (kind, month, quarter, days).
    period_edited = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        month = last_complete_month(today)
        self.kind_box = QComboBox()
        self.kind_box.addItem(_t("Month"), PeriodKind.MONTH)
        self.kind_box.addItem(_t("Quarter"), PeriodKind.QUARTER)
        self.kind_box.addItem(_t("Custom"), PeriodKind.CUSTOM)

        self.month_edit = QDateEdit(_qdate(month))
        self.month_edit.setDisplayFormat("MMMM yyyy")
        self.month_edit.setMinimumDate(QDate(2000, 1, 1))

        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(month.year)
        self.quarter_box = QComboBox()
        for q in range(1, 5):
            self.quarter_box.addItem(f"Q{q}", q)
        self.quarter_box.setCurrentIndex((month.month - 1) // 3)

        self.from_edit = QDateEdit(_qdate(month))
        self.to_edit = QDateEdit(_qdate(month_period(month.year, month.month).end))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)

        self.inputs = QStackedWidget()
        self.inputs.addWidget(self._row(self.month_edit))
        self.inputs.addWidget(self._row(self.year_box, self.quarter_box))
        self.inputs.addWidget(self._row(self.from_edit, QLabel(_t("to")), self.to_edit))

        self.inputs.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_box)
        layout.addWidget(self.inputs)

        self.kind_box.currentIndexChanged.connect(self._on_kind_box_changed)
        self.month_edit.dateChanged.connect(self.period_edited)
        self.year_box.valueChanged.connect(self.period_edited)
        self.quarter_box.currentIndexChanged.connect(self.period_edited)
        self.from_edit.dateChanged.connect(self.period_edited)
        self.to_edit.dateChanged.connect(self.period_edited)

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return row

    def kind(self) -> PeriodKind:
        return PeriodKind(self.kind_box.currentData())

    def set_kind(self, kind: PeriodKind) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def set_month(self, year: int, month: int) -> None:
        self.set_kind(PeriodKind.MONTH)
        self.month_edit.setDate(QDate(year, month, 1))

    def set_quarter(self, year: int, quarter: int) -> None:
        self.set_kind(PeriodKind.QUARTER)
        self.year_box.setValue(year)
        self.quarter_box.setCurrentIndex(quarter - 1)

    def set_days(self, start: dt.date, end: dt.date) -> None:
        self.set_kind(PeriodKind.CUSTOM)
        self.from_edit.setDate(_qdate(start))
        self.to_edit.setDate(_qdate(end))

    def period(self) -> ReportPeriod:
        kind = self.kind()
        if kind is PeriodKind.MONTH:
            date = self.month_edit.date()
            return month_period(date.year(), date.month())
        if kind is PeriodKind.QUARTER:
            return quarter_period(self.year_box.value(), int(self.quarter_box.currentData()))
        return custom_period(_pydate(self.from_edit.date()), _pydate(self.to_edit.date()))

    def _on_kind_box_changed(self, index: int) -> None:
        self.inputs.setCurrentIndex(index)
        self.period_edited.emit()
