"""app/services/escalation.py: functional escalation L0 → L3 with reason and notes, queue choice,
the contract's tiers, the client's escalation contacts by priority and hours, stale versions,
and the SLA sweep's REASSIGN_NEXT_TIER level through the same core.

See tests/services/test_escalation_support.py for the desk (business hours = 08:00–16:00Z on
weekdays; the clock starts Monday 09:00Z).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.db import Database
from app.models import Contact, Ticket
from app.models.enums import EventKind, Priority, Tier
from app.services.errors import ConcurrentEditError, PermissionDeniedError, ValidationError
from app.services.escalation import COPY_PREFIX
from app.services.sla_config import SlaConfigService
from app.services.sla_sweep import SlaSweepService
from app.services.sla_types import LevelSpec
from app.sla.policy import LevelAction, TargetKind
from tests.fakes import FakeClock
from tests.services.test_escalation_support import Desk, build_desk, z

TRIED = "Restarted the service; checked the event log"


@pytest.fixture
def d(db: Database, clock: FakeClock) -> Desk:
    return build_desk(db, clock)


def state(d: Desk, ticket_id: int) -> tuple[Tier, int | None, int | None]:
    f = d.tickets.get(ticket_id).fields
    return f.tier, f.queue_id, f.assignee_id


def escalate(d: Desk, ticket_id: int, reason: str = "Needs server access", **kw: object) -> object:
    notes = kw.pop("notes", TRIED)
    return d.escalation.escalate(
        ticket_id,
        d.version(ticket_id),
        reason,
        str(notes),
        d.alice,
        **kw,  # type: ignore[arg-type]
    )


# --- the tiers ---------------------------------------------------------------------------------


def test_escalate_l1_to_l2_to_l3_then_refused_at_the_top(d: Desk) -> None:
    d.path(d.desk, d.network)
    d.path(d.network, d.specialists)
    t = d.ticket()
    done = d.escalation.escalate(t, d.version(t), "Needs server access", TRIED, d.alice)
    assert state(d, t) == (Tier.L2, d.network, None)
    assert (done.outcome.from_tier, done.outcome.to_tier) == (Tier.L1, Tier.L2)
    assert done.outcome.following_name == "Alice"
    assert done.detail.fields.tier is Tier.L2
    assert done.changes.ids == frozenset({t})
    assert d.events(t, EventKind.ESCALATION, EventKind.QUEUE_CHANGED, EventKind.ASSIGNED)[-3:] == [
        (
            EventKind.ESCALATION,
            "L1",
            "L2",
            f"Reason: Needs server access\nTried: {TRIED}\n"
            "Service desk → Network; Alice keeps following.",
            d.alice,
            False,
        ),
        (EventKind.QUEUE_CHANGED, str(d.desk), str(d.network), "", d.alice, False),
        (EventKind.ASSIGNED, str(d.alice), "", "", d.alice, False),
    ]
    escalate(d, t, "Root cause in the storage array")
    assert state(d, t) == (Tier.L3, d.specialists, None)
    with pytest.raises(ValidationError) as e:
        escalate(d, t, "More")
    assert e.value.problems == {"tier": "highest"}
    assert [(r.from_tier, r.to_tier) for r in d.escalation.history(t)] == [
        ("L1", "L2"),
        ("L2", "L3"),
    ]


def test_l0_goes_to_l1(d: Desk) -> None:
    t = d.ticket(tier=Tier.L0, queue_id=d.intake, assignee_id=None)
    escalate(d, t, "Caller needs a fix, not a message")
    assert state(d, t) == (Tier.L1, d.desk, None)
    body = d.events(t, EventKind.ESCALATION)[-1][3]
    assert body.endswith("Intake → Service desk.")  # nobody was assigned, nobody follows


def test_the_reassignment_recomputes_the_sla_on_the_same_transaction(d: Desk) -> None:
    t = d.ticket()
    before = d.version(t)
    done = escalate(d, t)
    assert done.detail.version == before + 1  # type: ignore[attr-defined]
    clocks = d.sla.ticket_clocks(t)
    assert {c.kind for c in clocks.clocks} >= {TargetKind.RESPONSE, TargetKind.RESOLUTION}


# --- reason and notes --------------------------------------------------------------------------


def test_reason_is_required(d: Desk) -> None:
    t = d.ticket()
    with pytest.raises(ValidationError) as e:
        escalate(d, t, "   ")
    assert e.value.problems == {"reason": "required"}
    assert state(d, t) == (Tier.L1, d.desk, d.alice)


def test_notes_are_required_unless_the_ticket_says_what_was_tried(d: Desk) -> None:
    t = d.ticket()
    with pytest.raises(ValidationError) as e:
        escalate(d, t, notes="  ")
    assert e.value.problems == {"notes": "required"}
    assert d.events(t, EventKind.ESCALATION) == []
    tried = d.ticket(steps_tried="Swapped the cable")
    escalate(d, tried, notes="")
    assert "Tried: Swapped the cable" in d.events(tried, EventKind.ESCALATION)[-1][3]


def test_bad_text_is_refused(d: Desk) -> None:
    t = d.ticket()
    with pytest.raises(ValidationError) as e:
        escalate(d, t, "x" * 1001, notes="a\x00b")
    assert e.value.problems == {"reason": "too_long", "notes": "invalid"}


def test_read_only_accounts_cannot_escalate(d: Desk) -> None:
    t = d.ticket()
    with pytest.raises(PermissionDeniedError):
        d.escalation.escalate(t, d.version(t), "Because", TRIED, d.reader)


def test_a_closed_ticket_cannot_be_escalated(d: Desk) -> None:
    t = d.ticket()
    with d.db.write() as s:
        row = s.get(Ticket, t)
        assert row is not None
        row.is_open = False
    with pytest.raises(ValidationError) as e:
        escalate(d, t)
    assert e.value.problems == {"ticket": "not_open"}


# --- which queue -------------------------------------------------------------------------------


def test_queue_precedence_chosen_then_path_then_first_of_the_next_tier(d: Desk) -> None:
    # No path: the first L2 queue by id (Infrastructure), as the SLA sweep always chose.
    first = d.ticket()
    assert d.escalation.preview(first).default_queue_id == d.infra
    escalate(d, first)
    assert state(d, first)[1] == d.infra
    # A path: the queue's next queue.
    d.path(d.desk, d.network)
    on_path = d.ticket()
    assert d.escalation.preview(on_path).default_queue_id == d.network
    escalate(d, on_path)
    assert state(d, on_path)[1] == d.network
    # Chosen in the dialog: that queue, and its tier (L1 → L3 in one step when asked).
    chosen = d.ticket()
    escalate(d, chosen, to_queue_id=d.specialists)
    assert state(d, chosen) == (Tier.L3, d.specialists, None)


def test_a_chosen_queue_must_be_known_and_higher(d: Desk) -> None:
    t = d.ticket()
    with pytest.raises(ValidationError) as e:
        escalate(d, t, to_queue_id=d.intake)
    assert e.value.problems == {"to_queue_id": "tier_not_higher"}
    with pytest.raises(ValidationError) as e:
        escalate(d, t, to_queue_id=987_654)
    assert e.value.problems == {"to_queue_id": "not_found"}
    assert state(d, t) == (Tier.L1, d.desk, d.alice)


def test_preview_lists_only_higher_queues(d: Desk) -> None:
    t = d.ticket(tier=Tier.L2, queue_id=d.infra, assignee_id=d.bob)
    p = d.escalation.preview(t)
    assert [q.name for q in p.queues] == ["Specialists"]
    assert (p.from_tier, p.to_tier, p.default_queue_id) == (Tier.L2, Tier.L3, d.specialists)
    top = d.escalation.preview(d.ticket(tier=Tier.L3, queue_id=d.specialists))
    assert top.at_top and top.queues == () and top.default_queue_id is None


# --- the contract's tiers ------------------------------------------------------------------------


def test_a_contract_covering_fewer_tiers_warns_but_does_not_refuse(d: Desk) -> None:
    contract = d.contract("L1")
    t = d.ticket(contract_id=contract)
    assert d.escalation.preview(t).beyond_contract
    done = d.escalation.escalate(t, d.version(t), "Server fault", TRIED, d.alice)
    assert done.beyond_contract
    assert done.outcome.contract_max_tier is Tier.L1
    assert state(d, t)[0] is Tier.L2
    assert "The contract covers up to L1 only." in d.events(t, EventKind.ESCALATION)[-1][3]


def test_a_contract_up_to_l3_does_not_warn_and_no_contract_does_not_either(d: Desk) -> None:
    assert not d.escalation.preview(d.ticket()).beyond_contract
    d.contract("L3")
    # No contract on the ticket: the client's contract valid today is used.
    t = d.ticket()
    p = d.escalation.preview(t)
    assert (p.contract_max_tier, p.beyond_contract) == (Tier.L3, False)


def test_an_expired_contract_is_not_the_one_that_counts(d: Desk) -> None:
    d.contract("L1", valid_to=dt.date(2026, 2, 1))
    assert d.escalation.preview(d.ticket()).contract_max_tier is None


# --- escalation contacts -----------------------------------------------------------------------

CONTACT_ROWS = [
    {"priority": "P1", "order": "2", "contact": "ceo", "hours": "any"},
    {"priority": "P1", "order": "1", "contact": "it", "hours": "business_hours"},
    {"priority": "P1", "order": "3", "contact": "nights", "hours": "after_hours"},
    {"priority": "P2", "order": "1", "contact": "it", "hours": "any"},
]


def save_contacts(d: Desk) -> None:
    ids = {"ceo": d.ceo, "it": d.it_manager, "nights": d.night_ops}
    rows = [{**r, "contact": str(ids[r["contact"]])} for r in CONTACT_ROWS]
    d.save_escalation({"contacts": rows, "vendors": []})


def test_contacts_for_the_priority_in_business_hours_in_order(d: Desk) -> None:
    save_contacts(d)
    t = d.ticket(priority=Priority.P1)
    done = d.escalation.escalate(t, d.version(t), "Outage", TRIED, d.alice)
    assert [c.name for c in done.contacts] == ["Ivan IT", "Carla CEO"]
    assert done.contacts[1].text() == "Carla CEO (+32 470 11 11 11, carla@acme.example)"
    notes = d.events(t, EventKind.INTERNAL_NOTE)
    assert notes == [
        (
            EventKind.INTERNAL_NOTE,
            "",
            "",
            COPY_PREFIX + "Ivan IT (+32 470 22 22 22); then "
            "Carla CEO (+32 470 11 11 11, carla@acme.example)",
            d.alice,
            False,
        )
    ]


def test_contacts_after_hours(d: Desk) -> None:
    save_contacts(d)
    d.clock.set(z("2026-03-02 18:00"))  # 19:00 in Brussels: closed
    t = d.ticket(priority=Priority.P1)
    assert [c.name for c in d.escalation.preview(t).contacts] == ["Carla CEO", "Nina Nights"]
    done = d.escalation.escalate(t, d.version(t), "Outage", TRIED, d.alice)
    assert [c.hours for c in done.contacts] == ["any", "after_hours"]


def test_no_contacts_for_the_priority_copies_nobody(d: Desk) -> None:
    save_contacts(d)
    t = d.ticket(priority=Priority.P3)
    done = d.escalation.escalate(t, d.version(t), "Slow", TRIED, d.alice)
    assert done.contacts == ()
    assert d.events(t, EventKind.INTERNAL_NOTE) == []


def test_no_escalation_section_at_all_copies_nobody(d: Desk) -> None:
    t = d.ticket(priority=Priority.P1)
    assert d.escalation.escalate(t, d.version(t), "Outage", TRIED, d.alice).contacts == ()


def test_an_inactive_contact_is_skipped(d: Desk) -> None:
    save_contacts(d)
    with d.db.write() as s:
        c = s.get(Contact, d.it_manager)
        assert c is not None
        c.active = False
    t = d.ticket(priority=Priority.P1)
    assert [c.name for c in d.escalation.preview(t).contacts] == ["Carla CEO"]


# --- concurrency -------------------------------------------------------------------------------


def test_a_stale_version_is_a_conflict_and_writes_nothing(d: Desk) -> None:
    t = d.ticket()
    stale = d.version(t)
    detail = d.tickets.get(t)
    d.tickets.update(t, stale, replace(detail.fields, subject="Mail server down (all)"), d.bob)
    with pytest.raises(ConcurrentEditError) as e:
        d.escalation.escalate(t, stale, "Needs server access", TRIED, d.alice)
    assert e.value.changed_by == "Bob"
    assert state(d, t) == (Tier.L1, d.desk, d.alice)
    assert d.events(t, EventKind.ESCALATION) == []


# --- the SLA sweep goes the same way ----------------------------------------------------------


def next_tier_on_response_breach(d: Desk) -> None:
    config = SlaConfigService(d.db, d.clock, d.sla)
    detail = config.policy(d.policy)
    level = LevelSpec(TargetKind.RESPONSE, 0, (LevelAction.REASSIGN_NEXT_TIER,))
    config.save_policy(d.policy, detail.version, replace(detail.spec, levels=(level,)), d.admin)


def test_the_sla_levels_next_tier_action_uses_the_path_and_copies_contacts(d: Desk) -> None:
    save_contacts(d)
    d.path(d.desk, d.network)
    next_tier_on_response_breach(d)
    t = d.ticket(priority=Priority.P1)
    # P1 response 15 min: due 09:15Z; nobody answered.
    d.clock.set(z("2026-03-02 09:20"))
    report = SlaSweepService(d.db, d.clock, d.sla).sweep()
    assert report.levels_fired == 1
    assert state(d, t) == (Tier.L2, d.network, None)
    assert d.events(t, EventKind.ESCALATION) == [
        (
            EventKind.ESCALATION,
            "L1",
            "L2",
            "Reason: SLA\nService desk → Network; Alice keeps following.",
            None,
            False,
        )
    ]
    assert d.events(t, EventKind.INTERNAL_NOTE)[-1][3] == (
        COPY_PREFIX + "Ivan IT (+32 470 22 22 22); then "
        "Carla CEO (+32 470 11 11 11, carla@acme.example)"
    )


def test_the_sla_level_leaves_an_l3_ticket_where_it_is(d: Desk) -> None:
    next_tier_on_response_breach(d)
    t = d.ticket(priority=Priority.P1, tier=Tier.L3, queue_id=d.specialists, assignee_id=d.bob)
    d.clock.set(z("2026-03-02 09:20"))
    assert SlaSweepService(d.db, d.clock, d.sla).sweep().levels_fired == 1
    assert state(d, t) == (Tier.L3, d.specialists, d.bob)
    assert d.events(t, EventKind.ESCALATION) == []
