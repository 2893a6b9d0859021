"""app/services/routing.py: rule and checklist administration, validation, conflicts, tasks.

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Client, SlaPolicy, TicketEvent
from app.models.enums import ClientStatus, EventKind, Role, Tier
from app.services.errors import ConcurrentEditError, NotFoundError, PermissionDeniedError
from app.services.errors import ValidationError as Invalid
from app.services.routing import RoutingService, RuleDraft
from app.services.routing_engine import Facts
from tests.factories import (
    add_calendar,
    add_client,
    add_policy,
    add_queue,
    add_technician,
    add_ticket,
)
from tests.fakes import FakeClock


@dataclass(frozen=True)
class World:
    db: Database
    svc: RoutingService
    admin: int
    tech: int
    reader: int
    client: int
    infra: int
    desk: int
    l2: int
    policy: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    policy = add_policy(db, add_calendar(db, "Office"), "Standard")
    return World(
        db,
        RoutingService(db, clock),
        add_technician(db, "Ada Admin", role=Role.ADMIN),
        add_technician(db, "Ted Tech"),
        add_technician(db, "Rita Reader", role=Role.READ_ONLY),
        add_client(db, "Acme NV"),
        add_queue(db, "Infrastructure", Tier.L2),
        add_queue(db, "Service desk", Tier.L1),
        add_technician(db, "Lars L2", tier=Tier.L2),
        policy,
    )


def draft(name: str = "Printers to L2", **kw: Any) -> RuleDraft:
    return RuleDraft(
        name,
        kw.pop("conditions", {"categories": ["End-user computing \u203a Printers"]}),
        kw.pop("actions", {"tier": "L2"}),
        **kw,
    )


def problems(fn: Any, *args: Any) -> dict[str, str]:
    with pytest.raises(Invalid) as e:
        fn(*args)
    return e.value.problems


# -- rules: create, edit, order, activate ---------------------------------------------------------


def test_create_list_and_edit_a_rule(w: World) -> None:
    row = w.svc.create_rule(
        draft(
            conditions={
                "keywords": [" toner ", "toner", "paper jam"],
                "priorities": [],
                "categories": [
                    "End-user computing>Printers ",
                    "End-user computing \u203a Printers",
                ],
            }
        ),
        w.admin,
    )
    # Values are trimmed and de-duplicated; an empty list is no condition; ">" becomes "›".
    assert row.conditions == {
        "keywords": ["toner", "paper jam"],
        "categories": ["End-user computing \u203a Printers"],
    }
    assert (row.position, row.stop, row.active) == (1, True, True)
    edited = w.svc.update_rule(
        row.rule_id, row.version, draft("Printers", actions={"queue_id": w.infra}), w.admin
    )
    assert (edited.name, edited.actions) == ("Printers", {"queue_id": w.infra})
    assert [r.name for r in w.svc.rules()] == ["Printers"]
    with pytest.raises(ConcurrentEditError):
        w.svc.update_rule(row.rule_id, row.version, draft("Stale"), w.admin)
    assert w.svc.rule(row.rule_id).name == "Printers"


def test_reorder_by_moving_and_by_setting_the_order(w: World) -> None:
    ids = [w.svc.create_rule(draft(n), w.admin).rule_id for n in ("A", "B", "C")]
    assert [r.name for r in w.svc.move_rule(ids[2], -1, w.admin)] == ["A", "C", "B"]
    assert [r.name for r in w.svc.move_rule(ids[0], -1, w.admin)] == ["A", "C", "B"]  # clamped
    assert [r.name for r in w.svc.move_rule(ids[0], 5, w.admin)] == ["C", "B", "A"]
    rows = w.svc.set_order([ids[1], ids[0], ids[2]], w.admin)
    assert [(r.name, r.position) for r in rows] == [("B", 1), ("A", 2), ("C", 3)]
    assert [r.name for r in w.svc.rules()] == ["B", "A", "C"]
    assert problems(w.svc.set_order, [ids[0], ids[1]], w.admin) == {"order": "invalid"}
    assert problems(w.svc.set_order, [ids[0], ids[0], ids[1]], w.admin) == {"order": "invalid"}
    with pytest.raises(NotFoundError):
        w.svc.move_rule(9999, 1, w.admin)


def test_delete_renumbers_and_deactivate_keeps_the_rule(w: World) -> None:
    ids = [w.svc.create_rule(draft(n), w.admin).rule_id for n in ("A", "B", "C")]
    w.svc.delete_rule(ids[0], w.admin)
    assert [(r.name, r.position) for r in w.svc.rules()] == [("B", 1), ("C", 2)]
    assert not w.svc.set_active(ids[1], False, w.admin).active
    assert [r.active for r in w.svc.rules()] == [False, True]
    # An inactive rule does not fire.
    fired = w.svc.test(Facts(client_id=w.client, category="End-user computing \u203a Printers"))
    assert [f.name for f in fired.fired] == ["C"]


def test_only_admins_configure_routing(w: World) -> None:
    row = w.svc.create_rule(draft(), w.admin)
    for actor in (w.tech, w.reader, 9999):
        for call in (
            lambda a: w.svc.create_rule(draft("X"), a),
            lambda a: w.svc.update_rule(row.rule_id, row.version, draft("X"), a),
            lambda a: w.svc.delete_rule(row.rule_id, a),
            lambda a: w.svc.set_active(row.rule_id, False, a),
            lambda a: w.svc.move_rule(row.rule_id, 1, a),
            lambda a: w.svc.set_order([row.rule_id], a),
            lambda a: w.svc.create_template("T", ["x"], a),
        ):
            with pytest.raises(PermissionDeniedError):
                call(actor)
    assert [r.version for r in w.svc.rules()] == [row.version]


# -- validation ------------------------------------------------------------------------------------


def test_name_is_required_bounded_and_unique(w: World) -> None:
    w.svc.create_rule(draft("Printers"), w.admin)
    assert problems(w.svc.create_rule, draft("  "), w.admin) == {"name": "required"}
    assert problems(w.svc.create_rule, draft("x" * 201), w.admin) == {"name": "too_long"}
    assert problems(w.svc.create_rule, draft("PRINTERS "), w.admin) == {"name": "duplicate"}
    assert problems(w.svc.create_rule, draft("a\x00b"), w.admin) == {"name": "invalid"}


def test_at_least_one_action(w: World) -> None:
    assert problems(w.svc.create_rule, draft(actions={}), w.admin) == {"actions": "required"}
    blank = {"queue_id": None, "tier": ""}
    assert problems(w.svc.create_rule, draft(actions=blank), w.admin) == {"actions": "required"}


@pytest.mark.parametrize(
    ("conditions", "expected"),
    [
        ({"keywords": ["vpn", "  "]}, {"keywords": "empty"}),
        ({"keywords": ["x" * 101]}, {"keywords": "too_long"}),
        ({"keywords": ["!!!"]}, {"keywords": "invalid"}),
        ({"keywords": "vpn"}, {"keywords": "invalid"}),
        ({"categories": ["x" * 201]}, {"categories": "too_long"}),
        ({"products": ["ok", 5]}, {"products": "invalid"}),
        ({"asset_kinds": ["a\x00"]}, {"asset_kinds": "invalid"}),
        ({"priorities": ["P5"]}, {"priorities": "invalid"}),
        ({"channels": ["fax"]}, {"channels": "invalid"}),
        ({"types": ["incident", "bug"]}, {"types": "invalid"}),
        ({"vip": "yes"}, {"vip": "invalid"}),
        ({"client_ids": [999999]}, {"client_ids": "not_found"}),
        ({"client_ids": ["1"]}, {"client_ids": "invalid"}),
        ({"contract_ids": [999999]}, {"contract_ids": "not_found"}),
        ({"colour": ["red"]}, {"colour": "unknown"}),
    ],
)
def test_every_condition_is_validated(
    w: World, conditions: dict[str, Any], expected: dict[str, str]
) -> None:
    assert problems(w.svc.create_rule, draft(conditions=conditions), w.admin) == expected
    assert w.svc.rules() == []


def test_every_action_is_validated(w: World) -> None:
    gone = add_technician(w.db, "Gone", active=False)
    with w.db.write() as s:
        off = SlaPolicy(
            name="Retired",
            calendar_id=s.get(SlaPolicy, w.policy).calendar_id,  # type: ignore[union-attr]
            active=False,
            is_default=False,
            pause_categories=[],
            pause_applies_to=[],
            ack_counts_as_response=False,
            description="",
        )
        s.add(off)
        s.flush()
        off_id = off.id
    old = w.svc.create_template("Old", ["a"], w.admin)
    w.svc.update_template(old.template_id, old.version, "Old", ["a"], False, w.admin)
    bad = {
        "queue_id": 999999,
        "assignee_id": gone,
        "tier": "L9",
        "priority": "P0",
        "sla_policy_id": off_id,
        "checklist_template_id": old.template_id,
        "colour": "red",
    }
    assert problems(w.svc.create_rule, draft(actions=bad), w.admin) == {
        "queue_id": "not_found",
        "assignee_id": "inactive",
        "tier": "invalid",
        "priority": "invalid",
        "sla_policy_id": "inactive",
        "checklist_template_id": "inactive",
        "colour": "unknown",
    }
    assert problems(w.svc.create_rule, draft(actions={"queue_id": "2"}), w.admin) == {
        "queue_id": "invalid"
    }


def test_an_ended_client_cannot_be_routed_on(w: World) -> None:
    with w.db.write() as s:
        s.get(Client, w.client).status = ClientStatus.ENDED  # type: ignore[union-attr]
    bad = draft(conditions={"client_ids": [w.client]})
    assert problems(w.svc.create_rule, bad, w.admin) == {"client_ids": "inactive"}


def test_reactivating_a_rule_checks_its_references_again(w: World) -> None:
    row = w.svc.create_rule(draft(actions={"assignee_id": w.l2}), w.admin)
    w.svc.set_active(row.rule_id, False, w.admin)
    from app.models import Technician

    with w.db.write() as s:
        s.get(Technician, w.l2).active = False  # type: ignore[union-attr]
    assert problems(w.svc.set_active, row.rule_id, True, w.admin) == {"assignee_id": "inactive"}


# -- conflicts -------------------------------------------------------------------------------------


def test_conflicts_between_saved_rules_and_for_a_draft(w: World) -> None:
    a = w.svc.create_rule(
        draft("Printers to infra", actions={"queue_id": w.infra}, stop=False), w.admin
    )
    w.svc.create_rule(
        draft("Calls to desk", conditions={"channels": ["phone"]}, actions={"queue_id": w.desk}),
        w.admin,
    )
    [c] = w.svc.conflicts()
    assert (c.kind, c.earlier_name, c.later_name, c.action) == (
        "contradiction",
        "Printers to infra",
        "Calls to desk",
        "queue_id",
    )
    # A draft of a new rule behind a catch-all stop rule never fires.
    w.svc.create_rule(draft("Catch-all", conditions={}, actions={"tier": "L1"}), w.admin)
    found = w.svc.conflicts(draft("Late", conditions={"priorities": ["P1"]}))
    assert [(x.kind, x.earlier_name, x.later_name) for x in found] == [
        ("unreachable", "Catch-all", "Late")
    ]
    # Editing the first rule so it stops resolves its contradiction.
    fixed = draft("Printers to infra", actions={"queue_id": w.infra}, stop=True)
    assert w.svc.conflicts(fixed, a.rule_id) == []
    # Inactive rules take no part.
    w.svc.set_active(a.rule_id, False, w.admin)
    assert [x.kind for x in w.svc.conflicts()] == []


def test_the_test_box_evaluates_saved_rules_with_the_draft_in_place(w: World) -> None:
    first = w.svc.create_rule(
        draft("Keyword", conditions={"keywords": ["server down"]}, actions={"priority": "P1"}),
        w.admin,
    )
    later = w.svc.create_rule(draft("Later", conditions={}, actions={"queue_id": w.desk}), w.admin)
    sample = Facts(client_id=w.client, text="Server down since 8")
    assert [f.name for f in w.svc.test(sample).fired] == ["Keyword"]  # it stops
    # Editing the first rule so it does not stop: the later rule fires too.
    edited = draft("Keyword", conditions={"keywords": ["server down"]}, stop=False)
    outcome = w.svc.test(sample, edited, first.rule_id)
    assert [(f.rule_id, f.name) for f in outcome.fired] == [
        (first.rule_id, "Keyword"),
        (later.rule_id, "Later"),
    ]
    assert outcome.actions == {"tier": "L2", "queue_id": w.desk}
    # A new draft goes last (id -1): behind "Later", which matches everything and stops.
    new = draft("New", conditions={"keywords": ["mouse"]}, actions={"tier": "L3"})
    mouse = Facts(client_id=w.client, text="mouse")
    assert [f.name for f in w.svc.test(mouse, new).fired] == ["Later"]
    new_first = draft("New", conditions={"keywords": ["mouse"]}, actions={"tier": "L3"})
    w.svc.set_active(later.rule_id, False, w.admin)
    assert [(f.rule_id, f.name) for f in w.svc.test(mouse, new_first).fired] == [(-1, "New")]


# -- checklist templates and tasks ----------------------------------------------------------------


def test_templates_are_validated(w: World) -> None:
    t = w.svc.create_template(" New starter ", ["Create account", " ", "Laptop"], w.admin)
    assert (t.name, t.items) == ("New starter", ("Create account", "Laptop"))
    assert problems(w.svc.create_template, "new STARTER", ["x"], w.admin) == {"name": "duplicate"}
    assert problems(w.svc.create_template, "", [], w.admin) == {
        "name": "required",
        "items": "required",
    }
    assert problems(w.svc.create_template, "Long", ["x" * 501], w.admin) == {"items": "too_long"}
    assert problems(w.svc.create_template, "Many", ["x"] * 101, w.admin) == {"items": "too_many"}
    with pytest.raises(ConcurrentEditError):
        w.svc.update_template(t.template_id, t.version + 1, "N", ["x"], True, w.admin)


def test_a_template_an_active_rule_uses_cannot_be_deactivated(w: World) -> None:
    t = w.svc.create_template("New starter", ["Create account"], w.admin)
    w.svc.create_rule(draft(actions={"checklist_template_id": t.template_id}), w.admin)
    assert problems(
        w.svc.update_template, t.template_id, t.version, t.name, list(t.items), False, w.admin
    ) == {"active": "in_use"}


def test_tasks_are_added_ticked_and_written_to_the_timeline(w: World) -> None:
    ticket = add_ticket(w.db, w.client)
    t = w.svc.create_template("New starter", ["Create account", "Order laptop"], w.admin)
    w.svc.add_template(ticket, t.template_id, w.tech)
    w.svc.add_task(ticket, "  Call the manager  ", w.tech)
    tasks = w.svc.tasks(ticket)
    assert [(x.position, x.text, x.done) for x in tasks] == [
        (1, "Create account", False),
        (2, "Order laptop", False),
        (3, "Call the manager", False),
    ]
    changes = w.svc.set_done(tasks[1].task_id, True, w.tech)
    assert changes.ids == frozenset({ticket})
    # Ticking what is already ticked changes nothing.
    assert w.svc.set_done(tasks[1].task_id, True, w.tech).ids == frozenset()
    done = w.svc.tasks(ticket)[1]
    assert (done.done, done.done_by_name) == (True, "Ted Tech")
    w.svc.set_done(tasks[1].task_id, False, w.tech)
    with w.db.read() as s:
        bodies = [
            (e.body, e.actor_id)
            for e in s.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket, TicketEvent.kind == EventKind.TASK)
                .order_by(TicketEvent.id)
            )
        ]
    assert bodies == [
        ("Checklist \u201cNew starter\u201d added: 2 tasks", w.tech),
        ("Task added: Call the manager", w.tech),
        ("Task done: Order laptop", w.tech),
        ("Task reopened: Order laptop", w.tech),
    ]


def test_bad_task_input_and_permissions(w: World) -> None:
    ticket = add_ticket(w.db, w.client)
    assert problems(w.svc.add_task, ticket, "  ", w.tech) == {"text": "required"}
    assert problems(w.svc.add_task, ticket, "x" * 501, w.tech) == {"text": "too_long"}
    assert problems(w.svc.add_template, ticket, 999999, w.tech) == {"template_id": "not_found"}
    with pytest.raises(NotFoundError):
        w.svc.add_task(999999, "x", w.tech)
    with pytest.raises(NotFoundError):
        w.svc.set_done(999999, True, w.tech)
    with pytest.raises(PermissionDeniedError):
        w.svc.add_task(ticket, "x", w.reader)
    assert w.svc.tasks(ticket) == []
