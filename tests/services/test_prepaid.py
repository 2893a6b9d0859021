"""app/services/prepaid.py: prepaid block-hour balances per contract (S12), on both backends.

Time counts against a contract when it is billable and on a ticket whose contract_id is the
contract. Expected minutes are added up by hand in each test.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from app.db import Database
from app.models import Contract, Ticket, TimeEntry
from app.services.prepaid import PrepaidBalance, prepaid_balances
from tests.factories import add_calendar, add_client, add_policy, add_technician, add_ticket

T = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def contract(db: Database, client: int, policy: int, number: str, prepaid: int | None) -> int:
    with db.write() as s:
        c = Contract(
            client_id=client,
            policy_id=policy,
            name=f"Contract {number}",
            number=number,
            number_key=number.lower(),
            prepaid_minutes=prepaid,
            valid_from=dt.date(2026, 1, 1),
        )
        s.add(c)
        s.flush()
        return c.id


def ticket(db: Database, client: int, contract_id: int | None) -> int:
    tid = add_ticket(db, client)
    with db.write() as s:
        s.execute(update(Ticket).where(Ticket.id == tid).values(contract_id=contract_id))
    return tid


def log(db: Database, ticket_id: int, tech: int, minutes: int, billable: bool = True) -> None:
    with db.write() as s:
        s.add(
            TimeEntry(
                ticket_id=ticket_id,
                technician_id=tech,
                started_at=T,
                minutes=minutes,
                billable=billable,
                note="",
            )
        )


def test_balances_count_billable_time_of_the_contracts_tickets(db: Database) -> None:
    policy = add_policy(db, add_calendar(db), "Standard", is_default=True)
    client = add_client(db)
    tech = add_technician(db)
    block = contract(db, client, policy, "BH-1", 600)
    overdrawn = contract(db, client, policy, "BH-2", 60)
    plain = contract(db, client, policy, "MS-1", None)
    fresh = contract(db, client, policy, "BH-3", 120)
    a, b = ticket(db, client, block), ticket(db, client, block)
    log(db, a, tech, 90)
    log(db, b, tech, 45)
    log(db, b, tech, 300, billable=False)  # not billable: not used from the block
    log(db, ticket(db, client, overdrawn), tech, 75)
    log(db, ticket(db, client, plain), tech, 30)
    log(db, ticket(db, client, None), tech, 999)  # no contract: counts nowhere
    with db.read() as s:
        got = prepaid_balances(s, [block, overdrawn, plain, fresh, 987_654_321])
    assert got == {
        block: PrepaidBalance(block, 600, 135),
        overdrawn: PrepaidBalance(overdrawn, 60, 75),
        plain: PrepaidBalance(plain, None, 30),
        fresh: PrepaidBalance(fresh, 120, 0),
    }
    assert got[block].left_minutes == 465
    assert got[overdrawn].left_minutes == -15
    assert got[plain].left_minutes is None
    assert got[fresh].left_minutes == 120


def test_no_contracts_asked_no_query(db: Database) -> None:
    with db.read() as s:
        assert prepaid_balances(s, []) == {}
