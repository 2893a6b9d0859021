"""Read-only table models of a report's lists: breaches, recurring issues, time by category,
prepaid hours, remote sessions by method, and the all-clients summary.

GUI thread only. Each model holds a tuple of the report's frozen dataclasses, replaced wholesale
when a report lands: the lists are bounded (at most `BREACH_LIMIT` breaches), so no paging.
Figures are worded by `app.reports.report_format`, as in the PDF.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Qt

from app.reports.figures import (
    Breach,
    CategoryTime,
    ClientSummaryRow,
    Count,
    PrepaidLine,
    RecurringIssue,
)
from app.reports.report_format import (
    breach_history_text,
    count_text,
    duration_text,
    hours_text,
    local_text,
    percent_text,
    score_text,
)

from app.views.reports.labels import reports_tr as _t
from app.views.widgets.rows_table_model import DISPLAY, RowsTableModel

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _TextModel(RowsTableModel):
    """Rows shown as text; the columns listed in `_numeric` are right-aligned."""

    _numeric: frozenset[int] = frozenset()

    def _text(self, row: object, column: int) -> str:
        raise NotImplementedError

    def _cell(self, row: object, column: int, role: int) -> object:
        if role == DISPLAY:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._numeric:
            return _RIGHT
        return None


def category_text(category: str) -> str:
    return category or _t("Uncategorised")


class BreachTableModel(_TextModel):
    """Missed targets, worst business overrun first. `zone` is the report's time zone."""

    class Col(enum.IntEnum):
        TICKET = 0
        SUBJECT = 1
        PRIORITY = 2
        TARGET = 3
        DUE = 4
        MET = 5
        OVERRUN = 6
        REASON = 7

    _numeric = frozenset({Col.TICKET, Col.OVERRUN})

    def __init__(self, zone: str = "UTC", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def _headers(self) -> tuple[str, ...]:
        return (_t("Ticket"), _t("Subject"), _t("Priority"), _t("Target"), _t("Due"),
                _t("Met"), _t("Business overrun"), _t("Reason"))  # fmt: skip

    def _text(self, row: Breach, column: int) -> str:  # type: ignore[override]
        col = self.Col(column)
        if col is self.Col.TICKET:
            return f"#{row.ticket_id}"
        if col is self.Col.SUBJECT:
            return row.subject
        if col is self.Col.PRIORITY:
            return row.priority
        if col is self.Col.TARGET:
            return _t("Response") if row.kind == "response" else _t("Resolution")
        if col is self.Col.DUE:
            return local_text(row.due_at, self.zone)
        if col is self.Col.MET:
            if row.met_at is None:
                return _t("not met (ticket closed)") if row.ticket_closed else _t("not yet")
            return local_text(row.met_at, self.zone)
        if col is self.Col.OVERRUN:
            return duration_text(row.business_overrun_seconds)
        history = breach_history_text(row.vendors, row.escalated_to, row.reopened,
                                      row.waited_seconds)  # fmt: skip
        reason = row.reason or _t("No reason recorded")
        return f"{reason} · {history}" if history else reason


class RecurringTableModel(_TextModel):
    """Categories, devices and contacts that keep coming back."""

    class Col(enum.IntEnum):
        KIND = 0
        ISSUE = 1
        COUNT = 2
        PREVIOUS = 3
        TICKETS = 4

    _numeric = frozenset({Col.COUNT, Col.PREVIOUS})

    def _headers(self) -> tuple[str, ...]:
        return (_t("Same"), _t("Issue"), _t("Tickets"), _t("3 months before"),
                _t("Latest tickets"))  # fmt: skip

    def _text(self, row: RecurringIssue, column: int) -> str:  # type: ignore[override]
        col = self.Col(column)
        if col is self.Col.KIND:
            kinds = {"category": _t("Category"), "asset": _t("Device"), "contact": _t("Contact")}
            return kinds.get(row.kind, row.kind)
        if col is self.Col.ISSUE:
            return category_text(row.label) if row.kind == "category" else row.label
        if col is self.Col.COUNT:
            return count_text(row.count)
        if col is self.Col.PREVIOUS:
            return count_text(row.previous)
        return ", ".join(f"#{t}" for t in row.ticket_ids)


class CategoryTimeTableModel(_TextModel):
    class Col(enum.IntEnum):
        CATEGORY = 0
        TIME = 1
        BILLABLE = 2

    _numeric = frozenset({Col.TIME, Col.BILLABLE})

    def _headers(self) -> tuple[str, ...]:
        return (_t("Category"), _t("Time spent"), _t("Billable"))

    def _text(self, row: CategoryTime, column: int) -> str:  # type: ignore[override]
        col = self.Col(column)
        if col is self.Col.CATEGORY:
            return category_text(row.category)
        if col is self.Col.TIME:
            return hours_text(row.minutes)
        return hours_text(row.billable_minutes)


class PrepaidTableModel(_TextModel):
    class Col(enum.IntEnum):
        CONTRACT = 0
        PREPAID = 1
        USED_IN_PERIOD = 2
        USED = 3
        LEFT = 4

    _numeric = frozenset({Col.PREPAID, Col.USED_IN_PERIOD, Col.USED, Col.LEFT})

    def _headers(self) -> tuple[str, ...]:
        return (_t("Contract"), _t("Prepaid"), _t("Used in period"), _t("Used in total"),
                _t("Left"))  # fmt: skip

    def _text(self, row: PrepaidLine, column: int) -> str:  # type: ignore[override]
        col = self.Col(column)
        if col is self.Col.CONTRACT:
            return row.contract
        if col is self.Col.PREPAID:
            return hours_text(row.prepaid_minutes)
        if col is self.Col.USED_IN_PERIOD:
            return hours_text(row.used_in_period_minutes)
        if col is self.Col.USED:
            return hours_text(row.used_minutes)
        return hours_text(row.left_minutes)


class CountTableModel(_TextModel):
    """Label / count pairs (remote sessions by method)."""

    class Col(enum.IntEnum):
        LABEL = 0
        COUNT = 1

    _numeric = frozenset({Col.COUNT})

    def __init__(self, label_header: str, count_header: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header_texts = (label_header, count_header)

    def _headers(self) -> tuple[str, ...]:
        return self._header_texts

    def _text(self, row: Count, column: int) -> str:  # type: ignore[override]
        return row.label if column == self.Col.LABEL else count_text(row.count)


class ClientSummaryTableModel(_TextModel):
    """One line per client in the all-clients report."""

    class Col(enum.IntEnum):
        CLIENT = 0
        OPENED = 1
        CLOSED = 2
        RESPONSE = 3
        RESOLUTION = 4
        CSAT = 5
        TIME = 6

    _numeric = frozenset(range(1, 7))

    def _headers(self) -> tuple[str, ...]:
        return (_t("Client"), _t("Opened"), _t("Closed"), _t("Response SLA met"),
                _t("Resolution SLA met"), _t("CSAT"), _t("Time spent"))  # fmt: skip

    def _text(self, row: ClientSummaryRow, column: int) -> str:  # type: ignore[override]
        col = self.Col(column)
        if col is self.Col.CLIENT:
            return row.client_name
        if col is self.Col.OPENED:
            return count_text(row.opened)
        if col is self.Col.CLOSED:
            return count_text(row.closed)
        if col is self.Col.RESPONSE:
            return percent_text(row.response_met_percent)
        if col is self.Col.RESOLUTION:
            return percent_text(row.resolution_met_percent)
        if col is self.Col.CSAT:
            return score_text(row.csat_average)
        return hours_text(row.time_minutes)
