"""The vault audit table is append-only in the database itself, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from app.db import Database
from app.models import VaultAudit
from app.vault.audit import GENESIS, row_hash

AT = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _insert(db: Database) -> int:
    row = {"at": AT, "technician_id": 1, "action": "unlock", "outcome": "ok", "reason": ""}
    with db.write() as s:
        audit = VaultAudit(**row, prev_hash=GENESIS, row_hash=row_hash(GENESIS, row))
        s.add(audit)
        s.flush()
        return audit.id


@pytest.mark.parametrize(
    "statement",
    ["UPDATE vault_audit SET reason = 'covered up'", "DELETE FROM vault_audit"],
    ids=["update", "delete"],
)
def test_rows_cannot_be_changed_or_deleted(db: Database, statement: str) -> None:
    _insert(db)
    with pytest.raises(Exception, match="append-only"), db.write() as s:
        s.execute(text(statement))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(VaultAudit)) == 1
        assert s.scalar(select(VaultAudit.reason)) == ""
