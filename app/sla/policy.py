"""SLA policies as the engine sees them: targets per priority, pause rules, warnings, levels.

Pure data (frozen dataclasses) plus validation. Priorities and status categories are plain strings
("P1".."P4", the categories of sla.md §10.1) so that this package stays independent of the ORM.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final

PRIORITIES: Final = ("P1", "P2", "P3", "P4")
#: Status categories of sla.md §10.1.
CATEGORIES: Final = (
    "new",
    "in_progress",
    "waiting_customer",
    "waiting_third_party",
    "resolved",
    "closed",
    "cancelled",
)
PAUSABLE_CATEGORIES: Final = frozenset({"waiting_customer", "waiting_third_party"})
DEFAULT_WARN_PERCENT: Final = 75
#: Ten years of seconds: a target beyond this is a typing mistake (and beyond the walk cap).
MAX_TARGET_SECONDS: Final = 10 * 366 * 24 * 3600
#: "End of the Nth business day" beyond this many days is a typing mistake too.
MAX_BUSINESS_DAYS: Final = 2_500


class TargetKind(enum.StrEnum):
    RESPONSE = "response"
    RESOLUTION = "resolution"
    UPDATE = "update"


class TargetUnit(enum.StrEnum):
    MINUTES = "minutes"
    HOURS = "hours"
    #: End of the Nth business day (sla.md §7); N = 0 is the end of the current one.
    BUSINESS_DAYS_END = "business_days_end"


class LevelAction(enum.StrEnum):
    NOTIFY_ASSIGNEE = "notify_assignee"
    NOTIFY_QUEUE = "notify_queue"
    NOTIFY_LEAD = "notify_lead"
    #: Move the ticket to the next tier (L1 → L2 → L3), unassigned there.
    REASSIGN_NEXT_TIER = "reassign_next_tier"
    #: Move the ticket to the level's `queue_id`, unassigned there.
    REASSIGN_QUEUE = "reassign_queue"
    #: One step more urgent (P3 → P2); P1 stays P1.
    RAISE_PRIORITY = "raise_priority"


class PolicyError(Exception):
    """An invalid policy: `code` says what, `where` which field ("P1.response", "level 2")."""

    def __init__(self, code: str, where: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.where = where


@dataclass(frozen=True, slots=True)
class Target:
    """One target of a policy: how much business time one kind of clock allows at one priority."""

    priority: str
    kind: TargetKind
    unit: TargetUnit
    amount: int
    #: Warn this many business seconds before due; None: warn at `warn_at_percent`.
    warn_before_seconds: int | None = None
    warn_at_percent: int | None = None

    @property
    def seconds(self) -> int | None:
        """Business seconds for minute and hour targets; None for end-of-business-day ones."""
        if self.unit is TargetUnit.MINUTES:
            return self.amount * 60
        if self.unit is TargetUnit.HOURS:
            return self.amount * 3600
        return None


@dataclass(frozen=True, slots=True)
class Level:
    """An escalation step at a signed business-time offset from a target's due instant."""

    level_id: int
    kind: TargetKind
    #: Negative: before due; 0: at due (the breach); positive: after due.
    offset_seconds: int
    actions: tuple[LevelAction, ...]
    queue_id: int | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    policy_id: int
    name: str
    version: int
    targets: Mapping[tuple[str, TargetKind], Target]
    levels: tuple[Level, ...] = ()
    pause_categories: frozenset[str] = PAUSABLE_CATEGORIES
    pause_applies_to: frozenset[TargetKind] = frozenset({TargetKind.RESOLUTION})
    ack_counts_as_response: bool = False
    active: bool = True
    _by_kind: dict[TargetKind, tuple[Level, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def target(self, priority: str, kind: TargetKind) -> Target | None:
        """The target for `priority` and `kind`, or None when the policy sets none."""
        return self.targets.get((priority, kind))

    def levels_for(self, kind: TargetKind) -> tuple[Level, ...]:
        found = self._by_kind.get(kind)
        if found is None:
            found = tuple(lv for lv in self.levels if lv.kind is kind)
            self._by_kind[kind] = found
        return found


def validate_targets(targets: Iterable[Target]) -> None:
    """Raise PolicyError for the first unusable target (checked at the form, before saving)."""
    seen: set[tuple[str, TargetKind]] = set()
    for t in targets:
        where = f"{t.priority}.{t.kind.value}"
        if t.priority not in PRIORITIES:
            raise PolicyError("bad_priority", where, f"unknown priority {t.priority!r}")
        if (t.priority, t.kind) in seen:
            raise PolicyError("duplicate_target", where, f"two {where} targets")
        seen.add((t.priority, t.kind))
        if t.unit is TargetUnit.BUSINESS_DAYS_END:
            if not 0 <= t.amount <= MAX_BUSINESS_DAYS:
                raise PolicyError(
                    "target_out_of_range", where, f"{t.amount} business days is out of range"
                )
        else:
            # No row means "no target"; a typed 0 is a mistake, not a way to say so.
            if t.amount <= 0:
                raise PolicyError("target_not_positive", where, "a target must be positive")
            if (t.seconds or 0) > MAX_TARGET_SECONDS:
                raise PolicyError("target_too_large", where, "a target over 10 years")
        if t.warn_before_seconds is not None and t.warn_at_percent is not None:
            raise PolicyError("two_warnings", where, "warn before due or at a percentage, not both")
        if t.warn_before_seconds is not None and not (
            0 < t.warn_before_seconds <= MAX_TARGET_SECONDS
        ):
            raise PolicyError("bad_warning", where, "the warning offset must be positive")
        if t.warn_at_percent is not None and not 1 <= t.warn_at_percent <= 99:
            raise PolicyError("bad_warning", where, "the warning percentage must be 1–99")


def validate_levels(levels: Iterable[Level]) -> None:
    for n, lv in enumerate(levels, start=1):
        where = f"level {n}"
        if abs(lv.offset_seconds) > MAX_TARGET_SECONDS:
            raise PolicyError("level_out_of_range", where, "a level over 10 years from due")
        if not lv.actions:
            raise PolicyError("level_without_action", where, "a level needs an action")
        if LevelAction.REASSIGN_QUEUE in lv.actions and lv.queue_id is None:
            raise PolicyError("level_needs_queue", where, "reassigning to a queue needs a queue")


def validate_pause_rules(categories: Iterable[str], applies_to: Iterable[TargetKind]) -> None:
    for c in categories:
        if c not in PAUSABLE_CATEGORIES:
            raise PolicyError("bad_pause_category", "pause", f"{c!r} cannot pause a clock")
    for k in applies_to:
        if k is TargetKind.RESPONSE:
            # domain.md §2.8: the response clock never pauses.
            raise PolicyError("response_never_pauses", "pause", "the response clock never pauses")
