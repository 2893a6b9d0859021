"""app/services/demo_escalation.py: demo paths, escalations and a due vendor case, seeded once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from app.db import Database
from app.models import Queue, TicketEvent, VendorCase
from app.models.enums import EventKind, Status, Tier
from app.services.demo_escalation import seed_demo_escalation
from tests.fakes import FakeClock
from tests.services.test_escalation_support import build_desk


def count(db: Database, stmt: Select[Any]) -> int:
    with db.read() as s:
        return int(s.scalar(stmt) or 0)


def test_seeding_twice_gives_paths_two_escalations_and_one_due_case(
    db: Database, clock: FakeClock
) -> None:
    d = build_desk(db, clock)
    d.save_escalation({"contacts": [], "vendors": [{"vendor": "Proximus", "service": "Fibre"}]})
    ids = [d.ticket(status=Status.IN_PROGRESS) for _ in range(4)]
    for _ in range(2):
        seed_demo_escalation(db, clock)
    with db.read() as s:
        paths = {q.name: q.escalates_to_id for q in s.scalars(select(Queue))}
    assert paths["Service desk"] == d.infra
    assert paths["Infrastructure"] == d.specialists
    assert paths["Specialists"] is None
    escalations = select(func.count()).where(TicketEvent.kind == EventKind.ESCALATION)
    assert count(db, escalations) == 2
    assert count(db, select(func.count()).select_from(VendorCase)) == 1
    # The first two tickets escalated, the next one waits on the vendor.
    assert [d.tickets.get(t).fields.tier for t in ids] == [Tier.L2, Tier.L2, Tier.L1, Tier.L1]
    case = d.vendors.cases(ids[2])[0]
    assert (case.vendor, case.follow_up_at) == ("Proximus", clock.now())
    assert d.tickets.get(ids[2]).fields.status is Status.WAITING_THIRD_PARTY
    # Due now: the first follow-up pass reminds of it.
    assert d.vendors.remind_due() == 1
