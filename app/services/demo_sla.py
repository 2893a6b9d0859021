"""The demo MSP's SLA set-up: calendars with public holidays, the demo policy, a 24x7 contract.

Targets follow the demo template of sla.md §7 (domain.md §4): editable examples, not contract
terms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from sqlalchemy.orm import Session

from app.models import (
    Client,
    Contract,
    Queue,
    SlaCalendar,
    SlaCalendarHoliday,
    SlaCalendarInterval,
    SlaCalendarOverride,
    SlaLevel,
    SlaPolicy,
    SlaTarget,
)
from app.models.enums import Priority
from app.sla.holidays_seed import holiday_source, seed_holidays
from app.sla.policy import LevelAction, TargetKind, TargetUnit

_MINUTES, _HOURS, _DAYS = TargetUnit.MINUTES, TargetUnit.HOURS, TargetUnit.BUSINESS_DAYS_END
_R, _S, _U = TargetKind.RESPONSE, TargetKind.RESOLUTION, TargetKind.UPDATE

#: (priority, kind, unit, amount): sla.md §7's demo table.
DEMO_TARGETS: Final = (
    (Priority.P1, _R, _MINUTES, 15),
    (Priority.P1, _S, _HOURS, 4),
    (Priority.P1, _U, _HOURS, 1),
    (Priority.P2, _R, _MINUTES, 30),
    (Priority.P2, _S, _HOURS, 8),
    (Priority.P2, _U, _HOURS, 4),
    (Priority.P3, _R, _HOURS, 2),
    (Priority.P3, _S, _DAYS, 3),
    (Priority.P3, _U, _DAYS, 1),
    (Priority.P4, _R, _HOURS, 8),
    (Priority.P4, _S, _DAYS, 10),
)
#: domain.md §2.6: at risk → assignee and lead; at breach → next tier plus the lead.
DEMO_LEVELS: Final = (
    (_S, -3600, (LevelAction.NOTIFY_ASSIGNEE, LevelAction.NOTIFY_LEAD)),
    (_S, 0, (LevelAction.NOTIFY_LEAD, LevelAction.REASSIGN_NEXT_TIER)),
    (_R, 0, (LevelAction.NOTIFY_QUEUE,)),
)
_LUNCH_BREAK: Final = (("08:30", "12:30"), ("13:30", "17:30"))
_NINE_TO_FIVE: Final = (("09:00", "17:00"),)


def seed_demo_sla(
    s: Session, now: dt.datetime, client_ids: Sequence[int], leads: dict[int, int]
) -> None:
    """Calendars, policies and contracts of the demo MSP; `leads` maps queue id → lead id."""
    years = range(now.year - 2, now.year + 2)
    benelux = _calendar(s, "Benelux office hours", "Europe/Brussels", _LUNCH_BREAK, "BE", years)
    # Christmas Eve and New Year's Eve: half days, as many MSPs close at noon.
    for year in years:
        for day in (24, 31):
            s.add(
                SlaCalendarOverride(
                    calendar_id=benelux.id,
                    local_date=dt.date(year, 12, day),
                    intervals=[["08:30", "12:30"]],
                    name="Half day",
                )
            )
    eastern = _calendar(
        s, "US Eastern office hours", "America/New_York", _NINE_TO_FIVE, "US", years
    )
    always = SlaCalendar(name="24x7", timezone="UTC", always_open=True)
    s.add(always)
    s.flush()
    standard = _policy(s, "Standard business hours", benelux.id, is_default=True)
    us = _policy(s, "US business hours", eastern.id)
    premium = _policy(s, "Premium 24x7", always.id)
    clients = {c.id: c for c in (s.get(Client, i) for i in client_ids) if c is not None}
    for client in clients.values():
        if client.timezone.startswith("America/"):
            client.sla_policy_id = us.id
    first = clients[client_ids[0]]
    s.add(
        Contract(
            client_id=first.id,
            policy_id=premium.id,
            name="Managed services — premium",
            valid_from=(now - dt.timedelta(days=400)).date(),
            valid_to=None,
        )
    )
    standard.description = "Demo template (sla.md §7): response, resolution and update targets."
    for queue_id, lead_id in leads.items():
        queue = s.get(Queue, queue_id)
        if queue is not None:
            queue.lead_id = lead_id
    s.flush()


def _calendar(
    s: Session,
    name: str,
    zone: str,
    hours: tuple[tuple[str, str], ...],
    country: str,
    years: range,
) -> SlaCalendar:
    cal = SlaCalendar(name=name, timezone=zone, holiday_country=country)
    s.add(cal)
    s.flush()
    for weekday in range(5):
        for start, end in hours:
            s.add(SlaCalendarInterval(calendar_id=cal.id, weekday=weekday, start=start, end=end))
    source = holiday_source(country, None)
    for day, holiday in seed_holidays(country, None, years):
        s.add(
            SlaCalendarHoliday(
                calendar_id=cal.id, local_date=day, name=holiday[:200], source=source
            )
        )
    return cal


def _policy(s: Session, name: str, calendar_id: int, *, is_default: bool = False) -> SlaPolicy:
    p = SlaPolicy(
        name=name,
        calendar_id=calendar_id,
        active=True,
        is_default=is_default,
        pause_categories=["waiting_customer", "waiting_third_party"],
        pause_applies_to=[TargetKind.RESOLUTION.value],
        ack_counts_as_response=False,
        description="",
    )
    s.add(p)
    s.flush()
    for priority, kind, unit, amount in DEMO_TARGETS:
        s.add(
            SlaTarget(
                policy_id=p.id, priority=priority, kind=kind.value, unit=unit.value, amount=amount
            )
        )
    for kind, offset, actions in DEMO_LEVELS:
        s.add(
            SlaLevel(
                policy_id=p.id,
                kind=kind.value,
                offset_seconds=offset,
                actions=[a.value for a in actions],
            )
        )
    return p
