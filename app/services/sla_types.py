"""Values the SLA services take and return: calendar and policy forms, contracts, ticket clocks.

Frozen dataclasses only, so that views can hold them across threads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final

from app.db import Changes
from app.models.enums import Priority, Tier
from app.sla.engine import TargetState
from app.sla.policy import LevelAction, TargetKind, TargetUnit

WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Interval = tuple[str, str]


@dataclass(frozen=True, slots=True)
class HolidayRow:
    local_date: dt.date
    name: str = ""
    #: "manual" or "holidays:PL@0.109".
    source: str = "manual"


@dataclass(frozen=True, slots=True)
class OverrideRow:
    """A date with its own hours: no intervals = closed, else a half day or an extra day."""

    local_date: dt.date
    intervals: tuple[Interval, ...] = ()
    name: str = ""


@dataclass(frozen=True, slots=True)
class CalendarSpec:
    """A calendar as its form holds it."""

    name: str
    timezone: str
    always_open: bool = False
    #: Seven interval lists, Monday first.
    weekly: tuple[tuple[Interval, ...], ...] = ((),) * 7
    holidays: tuple[HolidayRow, ...] = ()
    overrides: tuple[OverrideRow, ...] = ()
    holiday_country: str = ""
    holiday_subdiv: str = ""

    def engine_spec(self) -> dict[str, object]:
        """The `BusinessCalendar.from_dict` spec (sla.md §4)."""
        return {
            "timezone": self.timezone,
            "always_open": self.always_open,
            "weekly": {
                day: [list(i) for i in intervals]
                for day, intervals in zip(WEEKDAYS, self.weekly, strict=True)
                if intervals
            },
            "holidays": [h.local_date.isoformat() for h in self.holidays],
            "overrides": {
                o.local_date.isoformat(): [list(i) for i in o.intervals] for o in self.overrides
            },
        }


@dataclass(frozen=True, slots=True)
class CalendarSummary:
    calendar_id: int
    name: str
    timezone: str
    always_open: bool
    holiday_count: int
    #: Policies that measure on this calendar.
    policy_names: tuple[str, ...]
    version: int


@dataclass(frozen=True, slots=True)
class CalendarDetail:
    calendar_id: int
    spec: CalendarSpec
    version: int


@dataclass(frozen=True, slots=True)
class TargetSpec:
    priority: Priority
    kind: TargetKind
    unit: TargetUnit
    amount: int
    warn_before_seconds: int | None = None
    warn_at_percent: int | None = None


@dataclass(frozen=True, slots=True)
class LevelSpec:
    kind: TargetKind
    #: Business seconds from due: negative before, 0 at the breach, positive after.
    offset_seconds: int
    actions: tuple[LevelAction, ...]
    queue_id: int | None = None
    #: The stored level this row edits; None for a new level.
    level_id: int | None = None


@dataclass(frozen=True, slots=True)
class PolicySpec:
    """A policy as its form holds it."""

    name: str
    calendar_id: int
    targets: tuple[TargetSpec, ...]
    levels: tuple[LevelSpec, ...] = ()
    active: bool = True
    is_default: bool = False
    pause_categories: frozenset[str] = frozenset({"waiting_customer", "waiting_third_party"})
    pause_applies_to: frozenset[TargetKind] = frozenset({TargetKind.RESOLUTION})
    ack_counts_as_response: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True)
class PolicySummary:
    policy_id: int
    name: str
    calendar_id: int
    calendar_name: str
    active: bool
    is_default: bool
    version: int


@dataclass(frozen=True, slots=True)
class PolicyDetail:
    policy_id: int
    spec: PolicySpec
    version: int


@dataclass(frozen=True, slots=True)
class ContractSpec:
    client_id: int
    policy_id: int
    name: str
    valid_from: dt.date
    #: Last day of validity (inclusive); None = open-ended.
    valid_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ContractRow:
    contract_id: int
    spec: ContractSpec
    policy_name: str
    version: int


@dataclass(frozen=True, slots=True)
class QueueLead:
    """A queue and its team lead, told of SLA warnings and breaches on its tickets."""

    queue_id: int
    queue_name: str
    tier: Tier
    lead_id: int | None
    lead_name: str | None


@dataclass(frozen=True, slots=True)
class ConfigSaved:
    """A saved calendar, policy or contract, and how many open tickets were recomputed."""

    record_id: int
    version: int
    recomputed_tickets: int
    changes: Changes


@dataclass(frozen=True, slots=True)
class SlaClock:
    """One stored SLA clock of a ticket, as views show it."""

    ticket_id: int
    kind: TargetKind
    state: TargetState
    due_at: dt.datetime | None
    warn_at: dt.datetime | None
    met_at: dt.datetime | None
    breached_at: dt.datetime | None
    target_seconds: int
    #: Frozen business seconds left while paused.
    remaining_seconds: int | None
    business_overrun_seconds: int
    paused_business_seconds: int
    reopen_count: int
    policy_id: int
    policy_name: str
    calendar_id: int
    calendar_name: str
    calendar_version: int
    #: The calculation zone (the client's hours): tooltips show due instants in it.
    timezone: str
    #: Why the target was missed, as recorded by a technician ("" when none was).
    breach_justification: str = ""


@dataclass(frozen=True, slots=True)
class TicketSlaView:
    """A ticket's clocks, or why it has none."""

    ticket_id: int
    clocks: tuple[SlaClock, ...] = ()
    #: "no_policy" when no contract, client or global policy applies.
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Notification:
    notification_id: int
    ticket_id: int
    ticket_subject: str
    #: warning, breach, escalation, or vip (the client's VIP rule told the account manager).
    reason: str
    target_kind: TargetKind
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class SweepReport:
    recomputed: int = 0
    warnings: int = 0
    breaches: int = 0
    levels_fired: int = 0
    changes: Changes = field(default_factory=lambda: Changes("ticket"))
    #: Vendor cases whose follow-up fell due and were reminded of (app.services.vendor_cases).
    follow_ups: int = 0
