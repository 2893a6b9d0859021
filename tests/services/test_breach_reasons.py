"""app/services/breach_reasons.py through SlaService.record_breach_reason, both backends."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.models.enums import Priority, Role, SourceChannel, TicketType
from app.services.errors import PermissionDeniedError, ValidationError
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.tickets import TicketFields, TicketService
from app.sla.policy import TargetKind
from tests.factories import add_calendar, add_client, add_policy, add_technician
from tests.fakes import FakeClock


def test_only_a_breached_clock_takes_a_reason(db: Database, clock: FakeClock) -> None:
    add_policy(db, add_calendar(db, timezone="Europe/Brussels"))
    client = add_client(db, "Acme Dental")
    alice = add_technician(db, "Alice Martin")
    viewer = add_technician(db, "Rita Reader", role=Role.READ_ONLY)
    sla = SlaService(db, clock, SlaStore(db))
    tickets = TicketService(db, clock, sla)
    fields = TicketFields(
        client_id=client, contact_id=None, type=TicketType.INCIDENT, category="",
        priority=Priority.P2, source=SourceChannel.PHONE, subject="VPN down",
    )  # fmt: skip
    t = tickets.create(fields, alice).detail.ticket_id
    with pytest.raises(ValidationError) as running:
        sla.record_breach_reason(t, TargetKind.RESPONSE, "Too busy", alice)
    assert running.value.problems == {"reason": "not_breached"}
    clock.advance(dt.timedelta(minutes=45))  # the 30-minute response target is missed
    tickets.add_note(t, alice, "Calling back now", public=True)
    with pytest.raises(PermissionDeniedError):
        sla.record_breach_reason(t, TargetKind.RESPONSE, "Too busy", viewer)
    with pytest.raises(ValidationError) as empty:
        sla.record_breach_reason(t, TargetKind.RESPONSE, " \n ", alice)
    assert empty.value.problems == {"reason": "required"}
    with pytest.raises(ValidationError) as long:
        sla.record_breach_reason(t, TargetKind.RESPONSE, "x" * 1001, alice)
    assert long.value.problems == {"reason": "too_long"}
    reason = "Two P1 outages at once; " + "details " * 60
    sla.record_breach_reason(t, TargetKind.RESPONSE, reason, alice)
    sla.record_breach_reason(t, TargetKind.RESPONSE, reason, alice)  # unchanged: no new entry
    [response] = [c for c in sla.ticket_clocks(t).clocks if c.kind is TargetKind.RESPONSE]
    assert response.breach_justification == reason.strip()
    assert [e.body for e in tickets.history(t) if e.kind.value == "breach_reason"] == [
        reason.strip()
    ]
    # A recomputation (any later save) keeps the reason.
    tickets.add_note(t, alice, "Fixed", public=True)
    [response] = [c for c in sla.ticket_clocks(t).clocks if c.kind is TargetKind.RESPONSE]
    assert response.breach_justification == reason.strip()
