"""Table models for the clients browser: clients, a client's contacts, and its sites.

GUI thread only. Each model holds a tuple of frozen row DTOs that the view replaces wholesale
(`set_rows`) when a query lands: a client list is small (hundreds at most), so it is loaded in one
read, and the per-client lists are part of one `ClientDetail`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Final, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette

from app.models.enums import ClientStatus
from app.services.directory import ClientRow, ContactRow, SiteRow

from app.views import labels
from app.views.widgets.rows_table_model import RowRole as RowRole
from app.views.widgets.rows_table_model import RowsTableModel

DISPLAY: Final = Qt.ItemDataRole.DisplayRole
#: Client id of the row; stable across searches and refreshes.
ClientIdRole: Final = Qt.ItemDataRole.UserRole + 1
#: Contact id of the row.
ContactIdRole: Final = Qt.ItemDataRole.UserRole + 2
#: Site id of the row.
SiteIdRole: Final = Qt.ItemDataRole.UserRole + 3

#: What a flag column shows for a set flag; an empty cell means "no".
CHECK_MARK: Final = "✓"

_Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


def _t(text: str) -> str:
    return QCoreApplication.translate("client_models", text)


class ClientTableModel(RowsTableModel[ClientRow]):
    """The clients matching the search, in the service's order (by name)."""

    class Col(enum.IntEnum):
        NAME = 0
        CODE = 1
        STATUS = 2
        TIMEZONE = 3
        OPEN_TICKETS = 4

    def _headers(self) -> tuple[str, ...]:
        return (_t("Name"), _t("Code"), _t("Status"), _t("Time zone"), _t("Open"))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == self.Col.OPEN_TICKETS
        ):
            return _t("Open tickets")
        return super().headerData(section, orientation, role)

    def _cell(self, row: ClientRow, column: int, role: int) -> object:
        col = self.Col(column)
        if role == DISPLAY:
            if col is self.Col.NAME:
                return row.name
            if col is self.Col.CODE:
                return row.code
            if col is self.Col.STATUS:
                return labels.client_status(row.status)
            if col is self.Col.TIMEZONE:
                return row.timezone
            return QLocale().toString(row.open_tickets)
        if role == ClientIdRole:
            return row.client_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col is self.Col.OPEN_TICKETS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is ClientStatus.ENDED:
            # Former clients stay findable (old tickets), but should not look like live ones.
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def row_of(self, client_id: int) -> int:
        """The row showing `client_id`, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.client_id == client_id), -1)


class ContactTableModel(RowsTableModel[ContactRow]):
    """A client's contacts with their site and call-handling flags (VIP, escalation, approver)."""

    class Col(enum.IntEnum):
        NAME = 0
        JOB_TITLE = 1
        EMAIL = 2
        PHONE = 3
        SITE = 4
        VIP = 5
        ESCALATION = 6
        APPROVER = 7

    #: The flag columns and the DTO attribute each shows.
    FLAG_COLUMNS: Final[Mapping[Col, str]] = {
        Col.VIP: "vip",
        Col.ESCALATION: "escalation_contact",
        Col.APPROVER: "authorised_approver",
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._site_names: dict[int, str] = {}

    def set_contacts(self, contacts: Iterable[ContactRow], sites: Iterable[SiteRow]) -> None:
        """Show `contacts`; `sites` (the same client's) name their site column."""
        self._site_names = {s.site_id: s.name for s in sites}
        self.set_rows(contacts)

    def _headers(self) -> tuple[str, ...]:
        return (
            _t("Name"),
            _t("Job title"),
            _t("E-mail"),
            _t("Phone"),
            _t("Site"),
            _t("VIP"),
            _t("Escalation"),
            _t("Approver"),
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section in self.FLAG_COLUMNS
        ):
            return self._flag_description(self.Col(section))
        return super().headerData(section, orientation, role)

    def _cell(self, row: ContactRow, column: int, role: int) -> object:
        col = self.Col(column)
        flag = self.FLAG_COLUMNS.get(col)
        if role == DISPLAY:
            if flag is not None:
                return CHECK_MARK if getattr(row, flag) else ""
            if col is self.Col.NAME:
                return row.name if row.active else _t("%1 (inactive)").replace("%1", row.name)
            if col is self.Col.JOB_TITLE:
                return row.job_title
            if col is self.Col.EMAIL:
                return row.email
            if col is self.Col.PHONE:
                return row.phone
            return self._site_names.get(row.site_id, "") if row.site_id is not None else ""
        if role == ContactIdRole:
            return row.contact_id
        if role == Qt.ItemDataRole.TextAlignmentRole and flag is not None:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and flag is not None and getattr(row, flag):
            return self._flag_description(col)
        if role == Qt.ItemDataRole.FontRole and col is self.Col.NAME and row.vip:
            # VIP callers get priority handling (domain.md §3.2): make them stand out.
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _flag_description(self, col: Col) -> str:
        return {
            self.Col.VIP: _t("VIP: priority call handling"),
            self.Col.ESCALATION: _t("Escalation contact"),
            self.Col.APPROVER: _t("Authorised approver for work that needs permission"),
        }[col]


class SiteTableModel(RowsTableModel[SiteRow]):
    """A client's sites (locations)."""

    class Col(enum.IntEnum):
        NAME = 0
        ADDRESS = 1
        CITY = 2
        COUNTRY = 3
        PHONE = 4

    def _headers(self) -> tuple[str, ...]:
        return (_t("Name"), _t("Address"), _t("City"), _t("Country"), _t("Phone"))

    def _cell(self, row: SiteRow, column: int, role: int) -> object:
        col = self.Col(column)
        if role == DISPLAY:
            return {
                self.Col.NAME: row.name,
                self.Col.ADDRESS: row.address,
                self.Col.CITY: row.city,
                self.Col.COUNTRY: row.country,
                self.Col.PHONE: row.phone,
            }[col]
        if role == SiteIdRole:
            return row.site_id
        if role == Qt.ItemDataRole.ToolTipRole and col is self.Col.COUNTRY and row.country:
            return _country_name(row.country)
        return None


def _country_name(code: str) -> str:
    """The country's name for an ISO 3166 alpha-2 code ("BE" → "Belgium"); the code if unknown."""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)
