"""A calendar's dated rows: public holidays (with seeding from the `holidays` package) and
per-date overrides (closed days, half days, extra working days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Final

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.sla_types import HolidayRow, OverrideRow

from app.views.sla.calendar_parsing import HoursParseError, format_intervals, parse_intervals
from app.views.sla.sla_widgets import mark_invalid, status_label
from app.views.widgets.form_errors import ErrorLabel

#: The row's local date as "YYYY-MM-DD" (str), on the date cell.
DateRole: Final = Qt.ItemDataRole.UserRole + 1
#: A holiday row's `source` ("manual", "holidays:PL@0.109"), on the source cell.
SourceRole: Final = Qt.ItemDataRole.UserRole + 2
_ERROR_BRUSH: Final = QBrush(QColor("#fdecea"))
#: Years the seeding spin boxes offer (the service's range).
_YEARS: Final = (1900, 2200)


def _date_cell(day: dt.date) -> QStandardItem:
    item = QStandardItem(QDate(day.year, day.month, day.day).toString("yyyy-MM-dd  ddd"))
    item.setData(day.isoformat(), DateRole)
    item.setEditable(False)
    return item


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _table(model: QStandardItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setMinimumHeight(140)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class _DatedTable(QWidget):
    """A table of rows keyed by local date, with a date picker to add and a Remove button."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(list(headers))
        self.table = _table(self.model)
        self.date_edit = _date_edit()
        self.add_button = QPushButton(self.tr("Add date"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        #: Problems of the table's rows, prefixed with their date.
        self.error = ErrorLabel()
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.date_edit)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)

    def dates(self) -> list[dt.date]:
        return [self._date(row) for row in range(self.model.rowCount())]

    def row_of(self, day: dt.date) -> int:
        """The row of `day`, or -1."""
        try:
            return self.dates().index(day)
        except ValueError:
            return -1

    def add_date(self, day: dt.date) -> int:
        """Add an empty row for `day` in date order (or select the one there is); its row."""
        row = self.row_of(day)
        if row < 0:
            row = sum(1 for d in self.dates() if d < day)
            self.model.insertRow(row, self._new_row(day))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.model.removeRow(row)

    def mark_row(self, day: dt.date, text: str) -> bool:
        """Show `text` for the row of `day` and tint the row; False if there is no such row."""
        row = self.row_of(day)
        if row < 0:
            return False
        for col in range(self.model.columnCount()):
            item = self.model.item(row, col)
            if item is not None:
                item.setBackground(_ERROR_BRUSH)
        shown = self.error.text() if not self.error.isHidden() else ""
        line = f"{day.isoformat()}: {text}"
        self.error.show_error(f"{shown}\n{line}" if shown else line)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def clear_errors(self) -> None:
        self.error.clear_error()
        for row in range(self.model.rowCount()):
            for col in range(self.model.columnCount()):
                item = self.model.item(row, col)
                if item is not None:
                    item.setData(None, Qt.ItemDataRole.BackgroundRole)

    def _date(self, row: int) -> dt.date:
        return dt.date.fromisoformat(str(self.model.index(row, 0).data(DateRole)))

    def _text(self, row: int, col: int) -> str:
        value = self.model.index(row, col).data()
        return value if isinstance(value, str) else ""

    def _new_row(self, day: dt.date) -> list[QStandardItem]:
        raise NotImplementedError

    def _on_add_button_clicked(self) -> None:
        picked = self.date_edit.date()
        self.add_date(dt.date(picked.year(), picked.month(), picked.day()))


class HolidaysWidget(_DatedTable):
    """Holiday rows (date, editable name, source) and the "seed public holidays" controls.

    GUI thread only. Seeding itself is the editor's job: this widget emits `seed_requested` and
    takes the merged rows back through `set_rows`.
    """

    #: The Seed button was pressed; read `region()` and `years()`.
    seed_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Date"), self.tr("Name"), self.tr("Source")], parent)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.country = QLineEdit()
        self.country.setObjectName("holidayCountry")
        self.country.setMaxLength(8)
        self.country.setPlaceholderText(self.tr("e.g. PL, US, BE"))
        self.country.setToolTip(self.tr("ISO country code whose public holidays to add"))
        self.country.textEdited.connect(lambda _t: mark_invalid(self.country, False))
        self.subdiv = QLineEdit()
        self.subdiv.setMaxLength(16)
        self.subdiv.setPlaceholderText(self.tr("optional, e.g. NY"))
        this_year = QDate.currentDate().year()
        self.from_year = QSpinBox()
        self.to_year = QSpinBox()
        for box, year in ((self.from_year, this_year), (self.to_year, this_year + 1)):
            box.setRange(*_YEARS)
            box.setValue(year)
        self.seed_button = QPushButton(self.tr("Seed public holidays"))
        self.seed_button.setAutoDefault(False)
        self.seed_button.setToolTip(
            self.tr(
                "Add the country's public holidays for these years. Dates already listed "
                "keep their names; nothing is removed."
            )
        )
        self.seed_button.clicked.connect(self.seed_requested)
        self.country_error = ErrorLabel()
        self.years_error = ErrorLabel()
        #: "N holidays added".
        self.seed_result = status_label()

        seed = QGridLayout()
        seed.setContentsMargins(0, 4, 0, 0)
        seed.addWidget(QLabel(self.tr("Country:")), 0, 0)
        seed.addWidget(self.country, 0, 1)
        seed.addWidget(QLabel(self.tr("Subdivision:")), 0, 2)
        seed.addWidget(self.subdiv, 0, 3)
        seed.addWidget(self.country_error, 1, 1, 1, 3)
        seed.addWidget(QLabel(self.tr("Years:")), 2, 0)
        years = QHBoxLayout()
        years.addWidget(self.from_year)
        years.addWidget(QLabel("–"))
        years.addWidget(self.to_year)
        years.addStretch(1)
        seed.addLayout(years, 2, 1, 1, 2)
        seed.addWidget(self.seed_button, 2, 3)
        seed.addWidget(self.years_error, 3, 1, 1, 3)
        seed.setColumnStretch(1, 1)
        seed.setColumnStretch(3, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("<b>Seed public holidays</b>")))
        layout.addLayout(seed)
        layout.addWidget(self.seed_result)

    def set_rows(self, rows: Iterable[HolidayRow]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for h in sorted(rows, key=lambda h: h.local_date):
            self.model.appendRow(self._new_row(h.local_date, h.name, h.source))

    def rows(self) -> tuple[HolidayRow, ...]:
        return tuple(
            HolidayRow(
                self._date(row),
                self._text(row, 1).strip(),
                str(self.model.index(row, 2).data(SourceRole) or "manual"),
            )
            for row in range(self.model.rowCount())
        )

    def set_region(self, country: str, subdiv: str) -> None:
        self.country.setText(country)
        self.subdiv.setText(subdiv)

    def region(self) -> tuple[str, str]:
        return self.country.text().strip(), self.subdiv.text().strip()

    def years(self) -> list[int]:
        """The years from the spin boxes, in order even if typed the wrong way round."""
        low, high = sorted((self.from_year.value(), self.to_year.value()))
        return list(range(low, high + 1))

    def show_seeded(self, added: int) -> None:
        self.seed_result.setText(self.tr("{0} holidays added.").format(added))
        self.seed_result.show()

    def clear_errors(self) -> None:
        super().clear_errors()
        self.country_error.clear_error()
        self.years_error.clear_error()
        mark_invalid(self.country, False)

    def _new_row(self, day: dt.date, name: str = "", source: str = "manual") -> list[QStandardItem]:
        name_item = QStandardItem(name)
        source_item = QStandardItem(_source_text(source))
        source_item.setData(source, SourceRole)
        source_item.setEditable(False)
        return [_date_cell(day), name_item, source_item]


def _source_text(source: str) -> str:
    """ "manual" → "manual"; "holidays:PL@0.109" → "PL (holidays 0.109)"."""
    if not source.startswith("holidays:"):
        return source
    region, _, version = source.removeprefix("holidays:").partition("@")
    return f"{region} (holidays {version})" if version else region


class OverridesWidget(_DatedTable):
    """Per-date hours (date, hours as text, name). Empty hours = closed that day. GUI thread only.

    Field keys: `override.<YYYY-MM-DD>` for a row, `overrides` for the table as a whole.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Date"), self.tr("Hours"), self.tr("Name")], parent)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(
            self.tr(
                "Empty hours = closed that day (e.g. 31 Dec); 08:00-12:00 = a half day; "
                "hours on a Saturday = an extra working day."
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        layout.addWidget(self.error)

    def set_rows(self, rows: Iterable[OverrideRow]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for o in sorted(rows, key=lambda o: o.local_date):
            self.model.appendRow(self._new_row(o.local_date, format_intervals(o.intervals), o.name))

    def rows(self) -> tuple[tuple[OverrideRow, ...], dict[str, str]]:
        """The rows, and the problems of hours that do not parse (keyed `override.<date>`)."""
        found: list[OverrideRow] = []
        problems: dict[str, str] = {}
        for row in range(self.model.rowCount()):
            day = self._date(row)
            try:
                intervals = parse_intervals(self._text(row, 1))
            except HoursParseError as e:
                problems[f"override.{day.isoformat()}"] = e.code
                intervals = ()
            found.append(OverrideRow(day, intervals, self._text(row, 2).strip()))
        return tuple(found), problems

    def hours_index(self, day: dt.date) -> QModelIndex:
        """The hours cell of `day`'s row (invalid if there is none)."""
        return self.model.index(self.row_of(day), 1)

    def _new_row(self, day: dt.date, hours: str = "", name: str = "") -> list[QStandardItem]:
        hours_item = QStandardItem(hours)
        hours_item.setToolTip(self.tr("e.g. 08:00-12:00; empty = closed"))
        return [_date_cell(day), hours_item, QStandardItem(name)]
