"""ORM models: one module per aggregate, all on `Base.metadata`."""

from app.models.base import Base
from app.models.client import Client, Contact, Site
from app.models.enums import (
    EventKind,
    Priority,
    Role,
    SourceChannel,
    Status,
    StatusCategory,
    TicketType,
    Tier,
)
from app.models.sla import (
    Contract,
    SlaCalendar,
    SlaCalendarHoliday,
    SlaCalendarInterval,
    SlaCalendarOverride,
    SlaLevel,
    SlaNotification,
    SlaPolicy,
    SlaTarget,
    TicketSla,
    TicketSlaLevel,
)
from app.models.technician import Queue, Technician
from app.models.ticket import Ticket, TicketEvent, TimeEntry
from app.models.vault import (
    RotationWorklist,
    TechnicianDevice,
    TechnicianKeys,
    Vault,
    VaultAudit,
    VaultGrant,
    VaultItem,
    VaultSettings,
)

__all__ = [
    "Base",
    "Client",
    "Contact",
    "Contract",
    "EventKind",
    "Priority",
    "Queue",
    "Role",
    "RotationWorklist",
    "Site",
    "SlaCalendar",
    "SlaCalendarHoliday",
    "SlaCalendarInterval",
    "SlaCalendarOverride",
    "SlaLevel",
    "SlaNotification",
    "SlaPolicy",
    "SlaTarget",
    "SourceChannel",
    "Status",
    "StatusCategory",
    "Technician",
    "TechnicianDevice",
    "TechnicianKeys",
    "Ticket",
    "TicketEvent",
    "TicketSla",
    "TicketSlaLevel",
    "TicketType",
    "Tier",
    "TimeEntry",
    "Vault",
    "VaultAudit",
    "VaultGrant",
    "VaultItem",
    "VaultSettings",
]
