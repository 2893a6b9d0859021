"""app/models/ticket.py: what a status implies (category, open flag, instants); ticket numbers."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from app.models import Ticket
from app.models.enums import Status
from app.models.ticket import format_number
from tests.domain import CATEGORY

T1 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
T2 = dt.datetime(2026, 3, 3, 14, 30, tzinfo=dt.UTC)

#: Statuses in which the ticket still needs work.
OPEN = {
    Status.NEW,
    Status.ASSIGNED,
    Status.IN_PROGRESS,
    Status.WAITING_CUSTOMER,
    Status.WAITING_THIRD_PARTY,
}
FINISHED = {Status.CLOSED, Status.CANCELLED}


def test_the_table_covers_every_status() -> None:
    assert set(CATEGORY) == set(Status)


@pytest.mark.parametrize("status", list(Status))
def test_status_properties_follow_the_status_model(status: Status) -> None:
    assert status.category is CATEGORY[status]
    assert status.is_open is (status in OPEN)


@pytest.mark.parametrize("status", list(Status))
def test_set_status_on_a_new_ticket_sets_every_derived_field(status: Status) -> None:
    t = Ticket()
    t.set_status(status, T1)
    assert t.status is status
    assert t.status_category is CATEGORY[status]
    assert t.is_open is (status in OPEN)
    assert t.resolved_at == (T1 if status is Status.RESOLVED else None)
    assert t.closed_at == (T1 if status in FINISHED else None)


@pytest.mark.parametrize(("before", "after"), list(itertools.product(Status, Status)))
def test_set_status_from_any_status_to_any_other(before: Status, after: Status) -> None:
    t = Ticket()
    t.set_status(before, T1)
    t.set_status(after, T2)
    assert t.status is after
    assert t.status_category is CATEGORY[after]
    assert t.is_open is (after in OPEN)
    # An instant records when the ticket first entered that state and survives staying in it;
    # closing keeps the resolution instant; reopening to an open status clears both.
    if after is Status.RESOLVED:
        assert t.resolved_at == (T1 if before is Status.RESOLVED else T2)
        assert t.closed_at is None
    elif after in FINISHED:
        assert t.closed_at == (T1 if before in FINISHED else T2)
        assert t.resolved_at == (T1 if before is Status.RESOLVED else None)
    else:
        assert t.resolved_at is None
        assert t.closed_at is None


def test_resolve_close_and_reopen_to_resolved() -> None:
    t = Ticket()
    t.set_status(Status.IN_PROGRESS, T1)
    t.set_status(Status.RESOLVED, T1)
    t.set_status(Status.CLOSED, T2)
    assert (t.resolved_at, t.closed_at) == (T1, T2)
    # Back to "resolved" to verify again: it is not closed any more, still resolved since T1.
    t.set_status(Status.RESOLVED, T2 + dt.timedelta(days=1))
    assert (t.resolved_at, t.closed_at) == (T1, None)
    assert t.is_open is False


@pytest.mark.parametrize(
    ("ticket_id", "number"),
    [
        (1, "T-000001"),
        (42, "T-000042"),
        (999_999, "T-999999"),
        # Past six digits the number grows instead of being cut.
        (1_234_567, "T-1234567"),
    ],
)
def test_format_number(ticket_id: int, number: str) -> None:
    assert format_number(ticket_id) == number
    assert Ticket(id=ticket_id).number == number
