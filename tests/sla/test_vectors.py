"""The machine-checked vectors of shared/design/sla.md §18, run through the pinned API.

The repo keeps its own copy in tests/sla/data/ because CI clones the repo without the sibling
`shared/` tree being guaranteed; when that tree is present, the copy must be byte-identical.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.sla import BusinessCalendar, CalendarError

COPY = Path(__file__).resolve().parent / "data" / "sla_vectors.json"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "sla_vectors.json"

VECTORS: list[dict[str, Any]] = json.loads(COPY.read_text(encoding="utf-8"))
ERRORS = {"CalendarError": CalendarError, "ValueError": ValueError}


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def pauses(vector: dict[str, Any]) -> list[tuple[datetime, datetime]]:
    return [(instant(a), instant(b)) for a, b in vector.get("pauses") or []]


def run(vector: dict[str, Any]) -> datetime | int:
    calendar = BusinessCalendar.from_dict(vector["calendar"])
    op = vector["op"]
    if op == "add":
        return calendar.add(instant(vector["start"]), vector["seconds"], pauses(vector))
    if op == "subtract":
        return calendar.subtract(instant(vector["start"]), vector["seconds"])
    assert op == "between", op
    return calendar.between(instant(vector["start"]), instant(vector["end"]), pauses(vector))


@pytest.mark.parametrize("vector", VECTORS, ids=[v["id"] for v in VECTORS])
def test_vector(vector: dict[str, Any]) -> None:
    expect = vector["expect"]
    if isinstance(expect, dict):
        with pytest.raises(ERRORS[expect["error"]]):
            run(vector)
        return
    got = run(vector)
    if vector["op"] == "between":
        assert type(got) is int
        assert got == expect
    else:
        assert isinstance(got, datetime)
        assert got.utcoffset() == timedelta(0)
        assert got == instant(expect)
        assert got.microsecond == 0


def test_vector_ids_are_unique() -> None:
    ids = [v["id"] for v in VECTORS]
    assert len(ids) == len(set(ids))


@pytest.mark.skipif(not SHARED.exists(), reason="no shared/ tree next to the repo")
def test_copy_matches_shared_vectors() -> None:
    assert COPY.read_bytes() == SHARED.read_bytes(), (
        f"{COPY} differs from {SHARED}: copy the shared file over (vectors change only with sla.md)"
    )
