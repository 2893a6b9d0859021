"""The table of a client's credentials: metadata and which secrets are set, nothing decrypted."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimeZone

from app.vault.types import SECRET_FIELDS, ItemRow

from app.views.widgets.rows_table_model import DISPLAY, RowsTableModel


def _t(text: str) -> str:
    return QCoreApplication.translate("vault_models", text)


def secret_field_name(name: str) -> str:
    """A secret field's name as shown."""
    return {
        "username": _t("username"),
        "password": _t("password"),
        "notes": _t("notes"),
        "totp": _t("one-time code"),
        "private_key": _t("private key"),
        "extra": _t("extra"),
    }.get(name, name)


def local_date(value: dt.datetime) -> str:
    """An aware UTC instant as a short date in the workstation's time zone and locale."""
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.utc()).toLocalTime()
    return QLocale().toString(qdt.date(), QLocale.FormatType.ShortFormat)


def password_changed_text(row: ItemRow) -> str:
    """The "Password last changed <date>" text, or why there is none (vault.md §4 `rotated_at`)."""
    if "password" not in row.has:
        return _t("No password stored")
    if row.rotated_at is None:
        return _t("Password not changed since it was added")
    return _t("Password last changed {date}").format(date=local_date(row.rotated_at))


class ItemTableModel(RowsTableModel[ItemRow]):
    """A vault's items in the service's order (by label)."""

    class Col(enum.IntEnum):
        LABEL = 0
        KIND = 1
        HOST = 2
        PORT = 3
        SECRETS = 4
        #: When the password was last replaced (`rotated_at`); empty until the first change.
        CHANGED = 5

    def _headers(self) -> tuple[str, ...]:
        return (
            _t("Label"),
            _t("Kind"),
            _t("Host"),
            _t("Port"),
            _t("Secrets set"),
            _t("Password changed"),
        )

    def _cell(self, row: ItemRow, column: int, role: int) -> object:
        col = self.Col(column)
        if col is self.Col.CHANGED and role == Qt.ItemDataRole.ToolTipRole:
            return password_changed_text(row)
        if role != DISPLAY:
            return None
        if col is self.Col.CHANGED:
            return "" if row.rotated_at is None else local_date(row.rotated_at)
        if col is self.Col.SECRETS:
            return ", ".join(secret_field_name(n) for n in SECRET_FIELDS if n in row.has)
        return {
            self.Col.LABEL: row.label,
            self.Col.KIND: row.kind,
            self.Col.HOST: row.host,
            self.Col.PORT: "" if row.port is None else str(row.port),
        }[col]
