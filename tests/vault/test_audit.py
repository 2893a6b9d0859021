"""The audit hash chain (vault.md §9): canonical form, hashes, and what verification reports."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest

from app.vault.audit import GENESIS, canonical, row_hash, verify_chain

AT = dt.datetime(2026, 3, 2, 9, 0, 0, 123456, tzinfo=dt.UTC)


def chain(n: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    prev = GENESIS
    for i in range(1, n + 1):
        row: dict[str, object] = {
            "id": i,
            "at": AT + dt.timedelta(seconds=i),
            "user_id": 7,
            "action": "view",
            "outcome": "ok",
            "item_id": uuid.UUID(int=i),
            "reason": f"ticket {i}",
            "ticket_id": None,
            "prev_hash": prev,
        }
        row["row_hash"] = row_hash(prev, row)
        prev = row["row_hash"]  # type: ignore[assignment]
        rows.append(row)
    return rows


def test_canonical_form_is_sorted_compact_utc_with_microseconds_and_z():
    row = {
        "id": 99,
        "row_hash": b"\x01" * 32,
        "reason": "Läuft nicht",
        "at": AT,
        "prev_hash": b"\x00\xff",
        "item_id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "ticket_id": None,
    }
    assert (
        canonical(row)
        == (
            '{"at":"2026-03-02T09:00:00.123456Z","item_id":"12345678-1234-5678-1234-567812345678",'
            '"prev_hash":"00ff","reason":"Läuft nicht","ticket_id":null}'
        ).encode()
    )


def test_a_naive_instant_read_back_from_sqlite_hashes_like_the_aware_one():
    aware = {"at": AT, "action": "view"}
    naive = {"at": AT.replace(tzinfo=None), "action": "view"}
    offset = {"at": AT.astimezone(dt.timezone(dt.timedelta(hours=2))), "action": "view"}
    assert canonical(aware) == canonical(naive) == canonical(offset)


def test_row_hash_is_sha256_of_prev_and_canonical_row():
    row = {"id": 1, "action": "unlock", "prev_hash": GENESIS}
    expected = hashlib.sha256(GENESIS + b'{"action":"unlock","prev_hash":"' + b"00" * 32 + b'"}')
    assert row_hash(GENESIS, row) == expected.digest()
    with pytest.raises(ValueError):
        row_hash(b"short", row)


def test_an_intact_chain_verifies():
    report = verify_chain(chain(5))
    assert report.ok and report.checked == 5 and report.first_bad_id is None


def test_an_edited_row_is_reported_at_its_id_and_breaks_the_next_link_only_if_rehashed():
    rows = chain(5)
    rows[2]["reason"] = "nothing to see"  # raw-SQL edit of row 3, hash left alone
    report = verify_chain(rows)
    assert report.altered == (3,) and report.broken_links == () and report.first_bad_id == 3

    rows[2]["row_hash"] = row_hash(rows[2]["prev_hash"], rows[2])  # type: ignore[arg-type]
    report = verify_chain(rows)
    assert report.altered == () and report.broken_links == (4,) and not report.ok


def test_a_deleted_middle_row_is_reported_at_the_next_id():
    rows = chain(6)
    del rows[2]  # id 3
    report = verify_chain(rows)
    assert report.broken_links == (4,) and report.altered == () and report.first_bad_id == 4


def test_a_recomputed_chain_is_caught_by_the_local_anchor():
    rows = chain(4)
    anchor = (3, rows[2]["row_hash"])
    forged = rows[:2]
    prev = forged[-1]["row_hash"]
    for row in rows[2:]:
        row = dict(row, reason="rewritten", prev_hash=prev)
        row["row_hash"] = row_hash(prev, row)  # type: ignore[arg-type]
        prev = row["row_hash"]
        forged.append(row)
    assert verify_chain(forged).ok  # consistent on its own
    report = verify_chain(forged, anchor)  # type: ignore[arg-type]
    assert report.anchor_ok is False and not report.ok
    assert verify_chain(rows, anchor).ok  # type: ignore[arg-type]
    assert verify_chain(rows[:2], anchor).anchor_ok is False  # type: ignore[arg-type]


def test_values_without_a_canonical_form_are_refused():
    with pytest.raises(TypeError):
        canonical({"amount": 1.5})
