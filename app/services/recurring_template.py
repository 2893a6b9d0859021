"""The editable values of a recurring-ticket schedule: validation and the stored template.

Shared by the schedule use cases and the sweep (app/services/recurring.py). Qt-free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Final

from sqlalchemy.orm import Session

from app.models import Client, Contact, Queue, RecurringTicket, Technician
from app.models.enums import Priority, TicketType, Tier
from app.services import recurrence
from app.services.errors import ValidationError
from app.services.recurrence import Schedule
from app.services.tickets import CATEGORY_MAX, SUBJECT_MAX, TEXT_MAX

NAME_MAX: Final = 200
_NUL: Final = "\x00"
#: Template keys stored in `RecurringTicket.template`.
_TEMPLATE_KEYS: Final = (
    "subject",
    "description",
    "type",
    "category",
    "priority",
    "tier",
    "queue_id",
    "assignee_id",
    "contact_id",
)


@dataclass(frozen=True, slots=True)
class RecurringValues:
    """What the schedule editor holds: the ticket template and the schedule."""

    client_id: int
    name: str
    subject: str
    frequency: str
    at_time: str
    start_date: dt.date
    description: str = ""
    type: TicketType = TicketType.SERVICE_REQUEST
    category: str = ""
    priority: Priority = Priority.P3
    tier: Tier = Tier.L1
    queue_id: int | None = None
    assignee_id: int | None = None
    contact_id: int | None = None
    every: int = 1
    #: 0 = Monday; weekly schedules.
    weekdays: tuple[int, ...] = ()
    #: 1–31; monthly schedules.
    day_of_month: int | None = None
    end_date: dt.date | None = None


def normalised(v: RecurringValues) -> RecurringValues:
    return replace(
        v,
        name=v.name.strip(),
        subject=v.subject.strip(),
        category=v.category.strip(),
        at_time=v.at_time.strip(),
        weekdays=tuple(sorted(set(v.weekdays))),
    )


def validate(s: Session, v: RecurringValues) -> Schedule:
    found: dict[str, str] = {}
    if not v.name:
        found["name"] = "required"
    elif len(v.name) > NAME_MAX:
        found["name"] = "too_long"
    if not v.subject:
        found["subject"] = "required"
    elif len(v.subject) > SUBJECT_MAX:
        found["subject"] = "too_long"
    if len(v.category) > CATEGORY_MAX:
        found["category"] = "too_long"
    if len(v.description) > TEXT_MAX:
        found["description"] = "too_long"
    for name in ("name", "subject", "category", "description"):
        if name not in found and _NUL in getattr(v, name):
            found[name] = "invalid"
    for name, enum_type in (("type", TicketType), ("priority", Priority), ("tier", Tier)):
        if getattr(v, name) not in set(enum_type):
            found[name] = "invalid"
    client = s.get(Client, v.client_id)
    if client is None:
        found["client_id"] = "not_found"
    if v.contact_id is not None:
        contact = s.get(Contact, v.contact_id)
        if contact is None:
            found["contact_id"] = "not_found"
        elif contact.client_id != v.client_id:
            found["contact_id"] = "other_client"
    if v.queue_id is not None and s.get(Queue, v.queue_id) is None:
        found["queue_id"] = "not_found"
    if v.assignee_id is not None:
        tech = s.get(Technician, v.assignee_id)
        if tech is None or not tech.active:
            found["assignee_id"] = "not_found"
    schedule = schedule_of(v, client.timezone if client is not None else "UTC")
    schedule_problems = recurrence.problems(schedule)
    if "timezone" in schedule_problems:
        # The client's zone is not ours to fix here; name the client.
        del schedule_problems["timezone"]
        found.setdefault("client_id", "invalid")
    found.update(schedule_problems)
    if found:
        raise ValidationError(found)
    return schedule


def schedule_of(v: RecurringValues, timezone: str) -> Schedule:
    return Schedule(
        frequency=v.frequency,
        every=v.every,
        weekdays=tuple(v.weekdays),
        day_of_month=v.day_of_month,
        at_time=v.at_time,
        start_date=v.start_date,
        end_date=v.end_date,
        timezone=timezone,
    )


def template_of(v: RecurringValues) -> dict[str, Any]:
    return {
        "subject": v.subject,
        "description": v.description,
        "type": v.type.value,
        "category": v.category,
        "priority": v.priority.value,
        "tier": v.tier.value,
        "queue_id": v.queue_id,
        "assignee_id": v.assignee_id,
        "contact_id": v.contact_id,
    }


def values_of(row: RecurringTicket) -> RecurringValues:
    t = {key: row.template.get(key) for key in _TEMPLATE_KEYS}
    return RecurringValues(
        client_id=row.client_id,
        name=row.name,
        subject=str(t["subject"] or ""),
        description=str(t["description"] or ""),
        type=TicketType(t["type"] or TicketType.SERVICE_REQUEST),
        category=str(t["category"] or ""),
        priority=Priority(t["priority"] or Priority.P3),
        tier=Tier(t["tier"] or Tier.L1),
        queue_id=_opt_int(t["queue_id"]),
        assignee_id=_opt_int(t["assignee_id"]),
        contact_id=_opt_int(t["contact_id"]),
        frequency=row.frequency,
        every=row.every,
        weekdays=tuple(row.weekdays or ()),
        day_of_month=row.day_of_month,
        at_time=row.at_time,
        start_date=row.start_date,
        end_date=row.end_date,
    )


def _opt_int(value: object) -> int | None:
    return None if value is None else int(str(value))
