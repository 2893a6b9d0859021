"""The client page's time summary: this month, last month and 12 months, and prepaid balances."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.time_entries import ClientTime, ContractTime, TimeEntryService
from app.tasks import Lane, TaskRunner

from app.views.tickets.field_labels import failure_text
from app.views.time_entries.durations import duration_text
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.text_table_model import TextRow, TextTableModel

#: Below this share of the block left, the balance is shown as a warning.
LOW_SHARE = 0.10
LOW_COLOUR = QColor("#8a5a00")
LOW_BACKGROUND = QColor("#fff4d6")
OVERDRAWN_COLOUR = QColor("#b3261e")
OVERDRAWN_BACKGROUND = QColor("#fdecea")


@dataclass(frozen=True, slots=True)
class ClientTimeSummary:
    """What the widget shows: three windows of the client's time (12 months carries the
    contracts and their lifetime prepaid balances)."""

    this_month: ClientTime
    last_month: ClientTime
    twelve_months: ClientTime


def month_windows(now: dt.datetime, timezone: str) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
    """(start, end) in UTC of this month so far, last month, and the 12 months up to now
    (this month and the 11 before), as months fall in the client's zone."""
    try:
        tz: dt.tzinfo = zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = dt.UTC
    local = now.astimezone(tz)

    def month_start(year: int, month: int) -> dt.datetime:
        while month < 1:
            year, month = year - 1, month + 12
        return dt.datetime(year, month, 1, tzinfo=tz).astimezone(dt.UTC)

    this = month_start(local.year, local.month)
    last = month_start(local.year, local.month - 1)
    year_ago = month_start(local.year, local.month - 11)
    end = now + dt.timedelta(microseconds=1)
    return (this, end), (last, this), (year_ago, end)


class ClientTimeWidget(QWidget):
    """Totals and billable split per window; prepaid hours left per contract, amber below 10 %
    of the block and red when overdrawn."""

    def __init__(
        self,
        service: TimeEntryService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self.client_id: int | None = None
        self.summary: ClientTimeSummary | None = None

        self.totals = QGridLayout()
        headers = (self.tr("Total"), self.tr("Billable"), self.tr("Non-billable"))
        for column, text in enumerate(headers, start=1):
            self.totals.addWidget(QLabel(f"<b>{text}</b>", self), 0, column)
        self.cells: dict[tuple[int, int], QLabel] = {}
        periods = (self.tr("This month"), self.tr("Last month"), self.tr("12 months"))
        for row, text in enumerate(periods, start=1):
            self.totals.addWidget(QLabel(text, self), row, 0)
            for column in range(1, 4):
                cell = QLabel("—", self)
                self.cells[(row - 1, column - 1)] = cell
                self.totals.addWidget(cell, row, column)
        self.contracts_model = TextTableModel(
            [self.tr("Contract"), self.tr("Number"), self.tr("Prepaid"), self.tr("Used"),
             self.tr("Left")],
            self,
        )  # fmt: skip
        self.contracts = QTableView(self)
        self.contracts.setModel(self.contracts_model)
        self.contracts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contracts.verticalHeader().hide()
        self.contracts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.no_blocks = QLabel(self.tr("This client has no prepaid block of hours."), self)
        self.no_blocks.hide()
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{self.tr('Time logged')}</b>", self))
        layout.addLayout(self.totals)
        layout.addWidget(QLabel(f"<b>{self.tr('Prepaid hours')}</b>", self))
        layout.addWidget(self.contracts, 1)
        layout.addWidget(self.no_blocks)
        layout.addWidget(self.error)

    def show_client(self, client_id: int, timezone: str) -> None:
        """Load the client's figures (read lane); `timezone` decides where months start."""
        self.client_id = client_id
        windows = month_windows(self._now(), timezone)
        service = self._service

        def load() -> ClientTimeSummary:
            this, last, year = (service.client_rollup(client_id, a, b) for a, b in windows)
            return ClientTimeSummary(this, last, year)

        self._runner.run(
            load, lane=Lane.READ, owner=self, on_success=self._show, on_failure=self._failed
        )

    def _show(self, summary: ClientTimeSummary) -> None:
        self.summary = summary
        self.error.clear_error()
        for row, period in enumerate((summary.this_month, summary.last_month,
                                      summary.twelve_months)):  # fmt: skip
            for column, minutes in enumerate((period.total, period.billable, period.non_billable)):
                self.cells[(row, column)].setText(duration_text(minutes))
        prepaid = [c for c in summary.twelve_months.by_contract if _has_block(c)]
        self.contracts.setVisible(bool(prepaid))
        self.no_blocks.setVisible(not prepaid)
        rows: list[TextRow] = []
        for c in prepaid:
            assert c.balance is not None and c.balance.prepaid_minutes is not None
            left = c.balance.left_minutes or 0
            left_text = (
                self.tr("{0} overdrawn").format(duration_text(-left))
                if left < 0
                else duration_text(left)
            )
            cells = (
                c.name,
                c.number,
                duration_text(c.balance.prepaid_minutes),
                duration_text(c.balance.used_minutes),
                left_text,
            )
            level = balance_level(c)
            foreground: dict[int, QColor] = {}
            background: dict[int, QColor] = {}
            tooltips: dict[int, str] = {}
            if level == "overdrawn":
                foreground = dict.fromkeys(range(len(cells)), OVERDRAWN_COLOUR)
                background = dict.fromkeys(range(len(cells)), OVERDRAWN_BACKGROUND)
            elif level == "low":
                foreground = dict.fromkeys(range(len(cells)), LOW_COLOUR)
                background = dict.fromkeys(range(len(cells)), LOW_BACKGROUND)
            if level != "ok":
                tooltips[4] = (
                    self.tr("Overdrawn: bill the extra time or top up the block.")
                    if level == "overdrawn"
                    else self.tr("Less than 10 % of the block is left.")
                )
            rows.append(
                TextRow(cells, foreground=foreground, background=background, tooltips=tooltips)
            )
        self.contracts_model.set_rows(rows)

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(failure_text(error))


def _has_block(c: ContractTime) -> bool:
    return c.balance is not None and c.balance.prepaid_minutes is not None


def balance_level(c: ContractTime) -> str:
    """ "overdrawn", "low" (under 10 % of the block left, or an empty block) or "ok"."""
    if c.balance is None or c.balance.prepaid_minutes is None:
        return "ok"
    left = c.balance.left_minutes or 0
    if left < 0:
        return "overdrawn"
    if left < c.balance.prepaid_minutes * LOW_SHARE or c.balance.prepaid_minutes == 0:
        return "low"
    return "ok"
