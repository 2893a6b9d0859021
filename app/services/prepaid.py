"""Prepaid block hours (S12): what a contract bought and what billable time has used of it.

Time counts against a contract when it was logged on a ticket whose `contract_id` is that contract
and the entry is billable. Sums run in SQL, one query for any number of contracts.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Contract, Ticket, TimeEntry


@dataclass(frozen=True, slots=True)
class PrepaidBalance:
    contract_id: int
    #: None = the contract has no block of hours.
    prepaid_minutes: int | None
    used_minutes: int

    @property
    def left_minutes(self) -> int | None:
        """Minutes left (negative when overdrawn); None without a block of hours."""
        if self.prepaid_minutes is None:
            return None
        return self.prepaid_minutes - self.used_minutes


def prepaid_balances(s: Session, contract_ids: Collection[int]) -> dict[int, PrepaidBalance]:
    """The balance of each contract in `contract_ids` that exists."""
    if not contract_ids:
        return {}
    used = dict(
        s.execute(
            select(Ticket.contract_id, func.coalesce(func.sum(TimeEntry.minutes), 0))
            .join(TimeEntry, TimeEntry.ticket_id == Ticket.id)
            .where(Ticket.contract_id.in_(contract_ids), TimeEntry.billable.is_(True))
            .group_by(Ticket.contract_id)
        ).all()
    )
    return {
        contract_id: PrepaidBalance(contract_id, prepaid, int(used.get(contract_id, 0)))
        for contract_id, prepaid in s.execute(
            select(Contract.id, Contract.prepaid_minutes).where(Contract.id.in_(contract_ids))
        ).all()
    }
