"""The routing rule engine: which rules match a new ticket and what they set (domain.md §2.5, T10).

Pure and database-free so the service, the editor's "Test…" box and the benchmark share it.
Rules are compiled once (`RuleSet`): keyword phrases become normalised word tuples and value
lists become frozensets, so a ticket is matched against hundreds of rules with set lookups.

Matching: every condition a rule names must hold; a condition's list of values means "any of".
Rules run in `position` order. A matching rule with `stop` ends evaluation; without it the next
matching rules apply too. An action an earlier rule already set keeps its first value and the
later one is recorded as skipped, so contradicting rules are explainable on the timeline.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

#: Condition names, in the order the editor and summaries show them.
CONDITIONS: Final = (
    "client_ids",
    "contract_ids",
    "categories",
    "asset_kinds",
    "products",
    "priorities",
    "channels",
    "types",
    "vip",
    "keywords",
)
#: Action names, in the order they are applied and described.
ACTIONS: Final = (
    "queue_id",
    "assignee_id",
    "tier",
    "priority",
    "sla_policy_id",
    "checklist_template_id",
)
#: Separator of category path segments ("End-user computing › Windows 11 › Outlook").
CATEGORY_SEPARATOR: Final = "\u203a"
_WORD: Final = re.compile(r"\w+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text` ("Café" → "cafe")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> tuple[str, ...]:
    """The folded words of `text`, in order."""
    return tuple(_WORD.findall(fold(text)))


def category_path(category: str) -> tuple[str, ...]:
    """A category's folded segments; ">" is accepted for "›" since that is what people type."""
    parts = category.replace(">", CATEGORY_SEPARATOR).split(CATEGORY_SEPARATOR)
    return tuple(" ".join(words(p)) for p in parts if p.strip())


@dataclass(frozen=True, slots=True)
class Rule:
    """One routing rule as stored: `conditions` and `actions` map names above to values."""

    id: int
    name: str
    position: int
    conditions: Mapping[str, Any]
    actions: Mapping[str, Any]
    stop: bool = True


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules look at on a new ticket. `text` is subject and description."""

    client_id: int
    contract_id: int | None = None
    category: str = ""
    asset_kind: str = ""
    product: str = ""
    priority: str = ""
    channel: str = ""
    type: str = ""
    vip: bool = False
    text: str = ""


@dataclass(frozen=True, slots=True)
class FiredRule:
    """A rule that matched: the actions it set, and those it did not (already set earlier)."""

    rule_id: int
    name: str
    applied: dict[str, Any]
    skipped: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Outcome:
    fired: list[FiredRule] = field(default_factory=list)
    #: Action name → value, the first value set wins.
    actions: dict[str, Any] = field(default_factory=dict)
    #: Action name → the name of the rule that set it (for "skipped … (already … by …)").
    set_by: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: Rule
    clients: frozenset[int] | None
    contracts: frozenset[int] | None
    categories: tuple[tuple[str, ...], ...] | None
    kinds: frozenset[str] | None
    products: tuple[tuple[str, ...], ...] | None
    priorities: frozenset[str] | None
    channels: frozenset[str] | None
    types: frozenset[str] | None
    vip: bool | None
    #: Single-word keywords (set lookup) and multi-word phrases (sequence search).
    keyword_words: frozenset[str] | None
    keyword_phrases: tuple[tuple[str, ...], ...]


@dataclass(slots=True)
class _Prepared:
    """A ticket's facts folded once for all rules."""

    facts: Facts
    category: tuple[str, ...]
    kind_terms: frozenset[str]
    product_text: str
    text_words: frozenset[str]
    text_joined: str


class RuleSet:
    """Rules compiled once, evaluated against many tickets."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        ordered = sorted(rules, key=lambda r: (r.position, r.id))
        self.rules: tuple[Rule, ...] = tuple(ordered)
        self._compiled = tuple(_compile(r) for r in ordered)

    def __len__(self) -> int:
        return len(self.rules)

    def matches(self, rule_index: int, facts: Facts) -> bool:
        return _matches(self._compiled[rule_index], _prepare(facts))

    def evaluate(self, facts: Facts) -> Outcome:
        prepared = _prepare(facts)
        outcome = Outcome()
        for c in self._compiled:
            if not _matches(c, prepared):
                continue
            rule = c.rule
            applied: dict[str, Any] = {}
            skipped: dict[str, Any] = {}
            for name in ACTIONS:
                if name not in rule.actions or rule.actions[name] is None:
                    continue
                value = rule.actions[name]
                if name in outcome.actions:
                    skipped[name] = value
                else:
                    outcome.actions[name] = value
                    outcome.set_by[name] = rule.name
                    applied[name] = value
            outcome.fired.append(FiredRule(rule.id, rule.name, applied, skipped))
            if rule.stop:
                break
        return outcome


def evaluate(rules: RuleSet | Sequence[Rule], facts: Facts) -> Outcome:
    """The rules that fire for `facts`, in order, and the actions they set."""
    ruleset = rules if isinstance(rules, RuleSet) else RuleSet(rules)
    return ruleset.evaluate(facts)


# -- compiling and matching -----------------------------------------------------------------------


def _strs(values: Any) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values]


def _set(cond: Mapping[str, Any], name: str) -> frozenset[str] | None:
    if name not in cond or cond[name] in (None, [], ()):
        return None
    return frozenset(fold(v).strip() for v in _strs(cond[name]))


def _ids(cond: Mapping[str, Any], name: str) -> frozenset[int] | None:
    if name not in cond or cond[name] in (None, [], ()):
        return None
    return frozenset(int(v) for v in cond[name])


def _phrases(cond: Mapping[str, Any], name: str) -> tuple[tuple[str, ...], ...] | None:
    if name not in cond or cond[name] in (None, [], ()):
        return None
    return tuple(p for p in (words(v) for v in _strs(cond[name])) if p)


def _compile(rule: Rule) -> _Compiled:
    cond = rule.conditions
    keywords = _phrases(cond, "keywords")
    categories = None
    if cond.get("categories"):
        categories = tuple(category_path(c) for c in _strs(cond["categories"]))
    vip = cond.get("vip")
    return _Compiled(
        rule=rule,
        clients=_ids(cond, "client_ids"),
        contracts=_ids(cond, "contract_ids"),
        categories=categories,
        kinds=_set(cond, "asset_kinds"),
        products=_phrases(cond, "products"),
        priorities=_set(cond, "priorities"),
        channels=_set(cond, "channels"),
        types=_set(cond, "types"),
        vip=None if vip is None else bool(vip),
        keyword_words=(
            None if keywords is None else frozenset(p[0] for p in keywords if len(p) == 1)
        ),
        keyword_phrases=() if keywords is None else tuple(p for p in keywords if len(p) > 1),
    )


def _prepare(facts: Facts) -> _Prepared:
    category = category_path(facts.category)
    # The hardware/software type: the asset's kind and the category's middle segment.
    kind_terms = {fold(facts.asset_kind).strip()} if facts.asset_kind.strip() else set()
    if len(category) > 1:
        kind_terms.add(category[1])
    product_words = words(facts.product) + tuple(w for seg in category[1:] for w in seg.split())
    text_words = words(facts.text)
    return _Prepared(
        facts=facts,
        category=category,
        kind_terms=frozenset(kind_terms),
        product_text=f" {' '.join(product_words)} ",
        text_words=frozenset(text_words),
        text_joined=f" {' '.join(text_words)} ",
    )


def _contains(haystack: str, phrase: tuple[str, ...]) -> bool:
    # `haystack` is space-padded folded words, so this is a whole-word phrase match.
    return f" {' '.join(phrase)} " in haystack


def _matches(c: _Compiled, p: _Prepared) -> bool:
    f = p.facts
    if c.clients is not None and f.client_id not in c.clients:
        return False
    if c.contracts is not None and (f.contract_id is None or f.contract_id not in c.contracts):
        return False
    if c.priorities is not None and fold(f.priority) not in c.priorities:
        return False
    if c.channels is not None and fold(f.channel) not in c.channels:
        return False
    if c.types is not None and fold(f.type) not in c.types:
        return False
    if c.vip is not None and f.vip is not c.vip:
        return False
    if c.categories is not None and not any(
        p.category[: len(prefix)] == prefix for prefix in c.categories
    ):
        return False
    if c.kinds is not None and c.kinds.isdisjoint(p.kind_terms):
        return False
    if c.products is not None and not any(_contains(p.product_text, w) for w in c.products):
        return False
    if c.keyword_words is None:
        return True
    return not c.keyword_words.isdisjoint(p.text_words) or any(
        _contains(p.text_joined, phrase) for phrase in c.keyword_phrases
    )


# -- conflicts between rules ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Conflict:
    """A warning about two rules. `kind` is "contradiction" (both can match the same ticket and
    set `action` differently; the earlier value wins) or "unreachable" (the earlier stop rule
    matches every ticket the later one would, so the later never fires)."""

    kind: str
    earlier_id: int
    earlier_name: str
    later_id: int
    later_name: str
    action: str = ""
    earlier_value: Any = None
    later_value: Any = None


def find_conflicts(rules: Iterable[Rule]) -> list[Conflict]:
    """Contradictions and unreachable rules among `rules` (the active ones, in any order)."""
    ordered = RuleSet(rules).rules
    found: list[Conflict] = []
    for i, earlier in enumerate(ordered):
        for later in ordered[i + 1 :]:
            if earlier.stop and _covers(earlier.conditions, later.conditions):
                found.append(
                    Conflict("unreachable", earlier.id, earlier.name, later.id, later.name)
                )
                continue
            if earlier.stop or not _overlap(earlier.conditions, later.conditions):
                continue
            for name in ACTIONS:
                a, b = earlier.actions.get(name), later.actions.get(name)
                if a is not None and b is not None and a != b:
                    found.append(
                        Conflict(
                            "contradiction",
                            earlier.id,
                            earlier.name,
                            later.id,
                            later.name,
                            name,
                            a,
                            b,
                        )
                    )
    return found


def _present(cond: Mapping[str, Any], name: str) -> bool:
    return name in cond and cond[name] not in (None, [], ())


def _folded(cond: Mapping[str, Any], name: str) -> set[str]:
    return {fold(str(v)).strip() for v in _strs(cond[name])}


def _prefix_pair(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Can one ticket satisfy both condition sets? (A kind only one rule names never stops it.)"""
    for name in CONDITIONS:
        if not (_present(a, name) and _present(b, name)):
            continue
        if name == "vip":
            if bool(a[name]) is not bool(b[name]):
                return False
        elif name == "categories":
            pa = [category_path(c) for c in _strs(a[name])]
            pb = [category_path(c) for c in _strs(b[name])]
            if not any(_prefix_pair(x, y) for x in pa for y in pb):
                return False
        elif name in ("keywords", "products"):
            continue  # free text can hold any words of both
        elif _folded(a, name).isdisjoint(_folded(b, name)):
            return False
    return True


def _covers(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Does every ticket matching conditions `b` also match conditions `a`?"""
    for name in CONDITIONS:
        if not _present(a, name):
            continue
        if not _present(b, name):
            return False
        if name == "vip":
            if bool(a[name]) is not bool(b[name]):
                return False
        elif name == "categories":
            pa = [category_path(c) for c in _strs(a[name])]
            for y in (category_path(c) for c in _strs(b[name])):
                if not any(y[: len(x)] == x for x in pa):
                    return False
        elif name in ("keywords", "products"):
            if not {words(v) for v in _strs(b[name])} <= {words(v) for v in _strs(a[name])}:
                return False
        elif not _folded(b, name) <= _folded(a, name):
            return False
    return True
