"""app/services/routing_engine.py: matching, ordering, the stop flag, skipped actions, conflicts.

Pure functions: no database, so these run once rather than per backend.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.services.routing_engine import (
    Facts,
    Rule,
    RuleSet,
    category_path,
    evaluate,
    find_conflicts,
    fold,
)

PRINTER_CATEGORY = "End-user computing \u203a Printers \u203a Toner"


def rule(
    rule_id: int,
    conditions: dict[str, Any] | None = None,
    actions: dict[str, Any] | None = None,
    *,
    stop: bool = False,
    position: int | None = None,
    name: str | None = None,
) -> Rule:
    return Rule(
        rule_id,
        name or f"R{rule_id}",
        rule_id if position is None else position,
        conditions or {},
        actions if actions is not None else {"queue_id": rule_id},
        stop,
    )


def facts(**changes: Any) -> Facts:
    base: dict[str, Any] = {
        "client_id": 1,
        "contract_id": 10,
        "category": PRINTER_CATEGORY,
        "asset_kind": "printer",
        "product": "HP LaserJet M404",
        "priority": "P3",
        "channel": "phone",
        "type": "incident",
        "vip": False,
        "text": "The printer on floor 2 shows a paper jam",
    }
    base.update(changes)
    return Facts(**base)


def fired(rules: list[Rule], f: Facts) -> list[int]:
    return [r.rule_id for r in evaluate(rules, f).fired]


# -- ordering and the stop flag -------------------------------------------------------------------


def test_rules_run_in_position_order_not_id_order() -> None:
    rules = [rule(1, position=3), rule(2, position=1), rule(3, position=2)]
    assert fired(rules, facts()) == [2, 3, 1]
    # The first rule in position order sets the queue; the others are skipped.
    outcome = evaluate(rules, facts())
    assert outcome.actions == {"queue_id": 2}
    assert outcome.set_by == {"queue_id": "R2"}


def test_a_matching_stop_rule_ends_evaluation() -> None:
    rules = [rule(1), rule(2, stop=True), rule(3)]
    assert fired(rules, facts()) == [1, 2]


def test_a_stop_rule_that_does_not_match_does_not_stop() -> None:
    rules = [rule(1, {"priorities": ["P1"]}, stop=True), rule(2), rule(3)]
    assert fired(rules, facts()) == [2, 3]


def test_later_rules_add_actions_earlier_ones_did_not_set() -> None:
    rules = [
        rule(1, actions={"queue_id": 5}),
        rule(2, actions={"tier": "L2", "queue_id": 6}),
        rule(3, actions={"priority": "P2", "checklist_template_id": 9}),
    ]
    outcome = evaluate(rules, facts())
    assert outcome.actions == {
        "queue_id": 5,
        "tier": "L2",
        "priority": "P2",
        "checklist_template_id": 9,
    }
    assert [(f.applied, f.skipped) for f in outcome.fired] == [
        ({"queue_id": 5}, {}),
        ({"tier": "L2"}, {"queue_id": 6}),
        ({"priority": "P2", "checklist_template_id": 9}, {}),
    ]


def test_every_action_is_carried_through() -> None:
    actions = {
        "queue_id": 1,
        "assignee_id": 2,
        "tier": "L3",
        "priority": "P1",
        "sla_policy_id": 3,
        "checklist_template_id": 4,
    }
    assert evaluate([rule(1, actions=actions)], facts()).actions == actions


def test_no_rules_and_no_match_give_an_empty_outcome() -> None:
    assert evaluate([], facts()).fired == []
    outcome = evaluate([rule(1, {"client_ids": [2]})], facts())
    assert (outcome.fired, outcome.actions) == ([], {})


# -- each condition -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("conditions", "matching", "other"),
    [
        ({"client_ids": [1, 4]}, {"client_id": 4}, {"client_id": 2}),
        ({"contract_ids": [10]}, {"contract_id": 10}, {"contract_id": None}),
        ({"priorities": ["P1", "P2"]}, {"priority": "P2"}, {"priority": "P3"}),
        ({"channels": ["email"]}, {"channel": "email"}, {"channel": "phone"}),
        ({"types": ["service_request"]}, {"type": "service_request"}, {"type": "incident"}),
        ({"vip": True}, {"vip": True}, {"vip": False}),
        ({"vip": False}, {"vip": False}, {"vip": True}),
        ({"asset_kinds": ["Printer"]}, {"asset_kind": "printer"}, {"asset_kind": "laptop"}),
        # The category's middle segment is the hardware/software type too.
        (
            {"asset_kinds": ["printers"]},
            {"asset_kind": ""},
            {"asset_kind": "", "category": "Infrastructure \u203a Servers"},
        ),
        ({"products": ["LaserJet"]}, {}, {"product": "Dell Latitude 7440"}),
        (
            {"products": ["outlook"]},
            {"product": "", "category": "End-user computing \u203a Windows 11 \u203a Outlook"},
            {"product": "", "category": "End-user computing \u203a Windows 11 \u203a Teams"},
        ),
        ({"keywords": ["paper jam"]}, {}, {"text": "paper is jammed"}),
    ],
)
def test_each_condition_matches_and_refuses(
    conditions: dict[str, Any], matching: dict[str, Any], other: dict[str, Any]
) -> None:
    rules = [rule(1, conditions)]
    assert fired(rules, facts(**matching)) == [1]
    assert fired(rules, facts(**other)) == []


def test_all_named_conditions_must_hold() -> None:
    rules = [rule(1, {"client_ids": [1], "priorities": ["P1"]})]
    assert fired(rules, facts(priority="P1")) == [1]
    assert fired(rules, facts(priority="P3")) == []
    assert fired(rules, facts(client_id=2, priority="P1")) == []


def test_category_is_a_case_insensitive_prefix_on_whole_segments() -> None:
    rules = [rule(1, {"categories": ["end-user computing \u203a WINDOWS 11"]})]
    assert fired(rules, facts(category="End-user computing \u203a Windows 11 \u203a Outlook")) == [
        1
    ]
    assert fired(rules, facts(category="End-user computing \u203a Windows 11")) == [1]
    # A prefix of a segment's text is not a prefix of the path.
    assert fired(rules, facts(category="End-user computing \u203a Windows 11 Pro")) == []
    assert fired(rules, facts(category="End-user computing")) == []
    assert fired(rules, facts(category="")) == []
    # Typed with ">" and odd spacing, it is the same path.
    assert category_path("End-user computing>  Windows 11 ") == category_path(
        "End-user computing \u203a Windows 11"
    )


def test_keywords_are_case_and_accent_insensitive_whole_words() -> None:
    rules = [rule(1, {"keywords": ["café", "server down"]})]
    assert fired(rules, facts(text="The CAFE printer")) == [1]
    assert fired(rules, facts(text="Le Café est fermé")) == [1]
    assert fired(rules, facts(text="Our SERVER is DOWN")) == []
    assert fired(rules, facts(text="Server  down since 8am")) == [1]
    assert fired(rules, facts(text="server-down alert")) == [1]
    # Whole words only: "cafeteria" and "servers down" do not contain them.
    assert fired(rules, facts(text="cafeteria printer; servers downstairs")) == []


def test_fold_removes_accents_and_case() -> None:
    assert fold("Ærøskøbing Ça VA") == fold("ærøskøbing ca va")
    assert fold("Éé") == "ee"


def test_a_ruleset_is_compiled_once_and_reused() -> None:
    ruleset = RuleSet([rule(2, {"keywords": ["vpn"]}, stop=True), rule(1)])
    assert [r.id for r in ruleset.rules] == [1, 2]
    assert [f.rule_id for f in ruleset.evaluate(facts(text="VPN drops")).fired] == [1, 2]
    assert [f.rule_id for f in ruleset.evaluate(facts(text="mouse")).fired] == [1]


# -- conflicts ------------------------------------------------------------------------------------


def test_contradicting_rules_are_reported_with_both_names() -> None:
    a = rule(1, {"priorities": ["P1", "P2"]}, {"queue_id": 5}, name="Urgent to infra")
    b = rule(2, {"priorities": ["P2"], "channels": ["phone"]}, {"queue_id": 6}, name="Calls")
    [c] = find_conflicts([a, b])
    assert (c.kind, c.earlier_name, c.later_name, c.action) == (
        "contradiction",
        "Urgent to infra",
        "Calls",
        "queue_id",
    )
    assert (c.earlier_value, c.later_value) == (5, 6)


def test_rules_that_cannot_match_the_same_ticket_do_not_conflict() -> None:
    cases: list[tuple[dict[str, Any], dict[str, Any]]] = [
        ({"priorities": ["P1"]}, {"priorities": ["P2"]}),
        ({"vip": True}, {"vip": False}),
        ({"categories": ["A \u203a B"]}, {"categories": ["A \u203a C"]}),
        ({"client_ids": [1]}, {"client_ids": [2]}),
    ]
    for ca, cb in cases:
        assert find_conflicts([rule(1, ca, {"tier": "L2"}), rule(2, cb, {"tier": "L3"})]) == []


def test_same_values_or_a_stopping_earlier_rule_do_not_conflict() -> None:
    assert find_conflicts([rule(1, {}, {"tier": "L2"}), rule(2, {}, {"tier": "L2"})]) == []
    earlier = rule(1, {"priorities": ["P1"]}, {"tier": "L2"}, stop=True)
    assert find_conflicts([earlier, rule(2, {"channels": ["phone"]}, {"tier": "L3"})]) == []


def test_overlapping_categories_and_keywords_can_conflict() -> None:
    a = rule(1, {"categories": ["A"], "keywords": ["vpn"]}, {"tier": "L2"})
    b = rule(2, {"categories": ["a \u203a b"], "keywords": ["printer"]}, {"tier": "L3"})
    assert [c.kind for c in find_conflicts([a, b])] == ["contradiction"]


def test_a_rule_behind_a_broader_stop_rule_is_unreachable() -> None:
    broad = rule(1, {"priorities": ["P1", "P2"]}, {"tier": "L2"}, stop=True, name="Urgent")
    narrow = rule(2, {"priorities": ["P1"], "vip": True}, {"tier": "L3"}, name="VIP P1")
    wider = rule(3, {"priorities": ["P1", "P3"]}, {"tier": "L3"}, name="P1 or P3")
    found = find_conflicts([broad, narrow, wider])
    assert [(c.kind, c.earlier_name, c.later_name) for c in found] == [
        ("unreachable", "Urgent", "VIP P1")
    ]
    catch_all = rule(4, {}, {"queue_id": 1}, stop=True, name="Catch-all", position=0)
    assert {
        c.later_name for c in find_conflicts([catch_all, broad]) if c.kind == "unreachable"
    } == {"Urgent"}


def test_unreachable_by_category_prefix_and_keyword_subset() -> None:
    same = {"tier": "L2"}
    a = rule(1, {"categories": ["A"], "keywords": ["vpn", "wifi"]}, same, stop=True)
    b = rule(2, {"categories": ["a \u203a b"], "keywords": ["VPN"]}, same)
    c = rule(3, {"categories": ["a \u203a b"], "keywords": ["vpn", "printer"]}, same)
    assert [(x.kind, x.later_id) for x in find_conflicts([a, b, c])] == [("unreachable", 2)]
