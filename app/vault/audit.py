"""The vault audit log's hash chain (vault.md §9): canonical rows, row hashes, verification.

Pure functions over plain mappings, so both backends and any reader verify a chain the same
way. `row_hash = SHA-256(prev_hash ‖ canonical(row))`, where canonical is JSON with sorted keys
and no spaces over every column except `id` and `row_hash`; the first row's `prev_hash` is 32
zero bytes. Instants are written as ISO-8601 UTC with microseconds and `Z`, computed from the
value as read back from the database (naive means UTC), so SQLite and PostgreSQL agree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

#: `prev_hash` of the first row.
GENESIS: Final = bytes(32)
#: Columns the hash does not cover: the row's own id and hash.
_EXCLUDED: Final = frozenset({"id", "row_hash"})


def _plain(value: object) -> object:
    """A JSON value for one column, the same whichever backend returned it."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, uuid.UUID):
        return str(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"audit column of type {type(value).__name__} has no canonical form")


def canonical(row: Mapping[str, object]) -> bytes:
    """The bytes a row's hash covers: sorted-key JSON of every column but `id` and `row_hash`."""
    body = {k: _plain(v) for k, v in row.items() if k not in _EXCLUDED}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def row_hash(prev_hash: bytes, row: Mapping[str, object]) -> bytes:
    if len(prev_hash) != 32:
        raise ValueError("prev_hash must be 32 bytes")
    return hashlib.sha256(prev_hash + canonical(row)).digest()


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What `verify_chain` found. `ok` only when every row and the anchor check out."""

    checked: int
    #: Rows whose stored hash is not the hash of their content (edited in place).
    altered: tuple[int, ...]
    #: Rows whose `prev_hash` is not the previous row's hash (a row before was deleted,
    #: inserted or altered).
    broken_links: tuple[int, ...]
    #: None: no anchor given; False: the anchor row is missing or has another hash.
    anchor_ok: bool | None = None

    @property
    def first_bad_id(self) -> int | None:
        bad = (*self.altered, *self.broken_links)
        return min(bad) if bad else None

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None and self.anchor_ok is not False


def verify_chain(
    rows: Iterable[Mapping[str, object]], anchor: tuple[int, bytes] | None = None
) -> ChainReport:
    """Recompute the chain over `rows` in id order (each with `id`, `prev_hash`, `row_hash`).

    `anchor` is the (id, row_hash) of the last row this workstation wrote: a whole chain
    recomputed by someone with write access still fails there.
    """
    altered: list[int] = []
    broken: list[int] = []
    expected_prev = GENESIS
    anchor_ok: bool | None = None if anchor is None else False
    checked = 0
    for row in rows:
        checked += 1
        row_id = row["id"]
        stored = row["row_hash"]
        prev = row["prev_hash"]
        if not isinstance(row_id, int) or not isinstance(stored, bytes | bytearray | memoryview):
            raise TypeError("audit rows need an int id and a bytes row_hash")
        if not isinstance(prev, bytes | bytearray | memoryview):
            raise TypeError("audit rows need a bytes prev_hash")
        prev_b, stored_b = bytes(prev), bytes(stored)
        if not hmac.compare_digest(prev_b, expected_prev):
            broken.append(row_id)
        if len(prev_b) != 32 or not hmac.compare_digest(row_hash(prev_b, row), stored_b):
            altered.append(row_id)
        if anchor is not None and row_id == anchor[0]:
            anchor_ok = hmac.compare_digest(stored_b, anchor[1])
        expected_prev = stored_b
    return ChainReport(checked, tuple(altered), tuple(broken), anchor_ok)
