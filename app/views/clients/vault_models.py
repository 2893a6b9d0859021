"""The table of a client's credentials: metadata and which secrets are set, nothing decrypted."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from app.vault.types import SECRET_FIELDS, ItemRow

from app.views.clients.client_models import DISPLAY, _RowsTableModel


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


class ItemTableModel(_RowsTableModel[ItemRow]):
    """A vault's items in the service's order (by label)."""

    class Col(enum.IntEnum):
        LABEL = 0
        KIND = 1
        HOST = 2
        PORT = 3
        SECRETS = 4

    def _headers(self) -> tuple[str, ...]:
        return (_t("Label"), _t("Kind"), _t("Host"), _t("Port"), _t("Secrets set"))

    def _cell(self, row: ItemRow, column: int, role: int) -> object:
        if role != DISPLAY:
            return None
        col = self.Col(column)
        if col is self.Col.SECRETS:
            return ", ".join(secret_field_name(n) for n in SECRET_FIELDS if n in row.has)
        return {
            self.Col.LABEL: row.label,
            self.Col.KIND: row.kind,
            self.Col.HOST: row.host,
            self.Col.PORT: "" if row.port is None else str(row.port),
        }[col]
