"""ORM models: one module per aggregate, all on `Base.metadata`."""

from app.models.base import Base
from app.models.client import Client, Contact, Site
from app.models.entitlement import Asset, Licence
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
from app.models.kb import CannedReply, KbArticle, KbArticleVersion, TicketKbLink
from app.models.onboarding import (
    CallerSecret,
    ConnectivityCheck,
    OnboardingDraft,
    OnboardingSection,
    OnboardingStep,
    TicketApproval,
)
from app.models.recurring import RecurringRun, RecurringTicket
from app.models.remote import RemoteAccessRecord, RemoteSession
from app.models.report import ReportBranding
from app.models.routing import ChecklistTemplate, RoutingRule, TicketTask
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
from app.models.workflow import (
    BulkAction,
    ChangeApproval,
    ChangePlan,
    CsatResponse,
    ProblemRecord,
    TicketLink,
    VendorCase,
)

__all__ = [
    "Asset",
    "Base",
    "BulkAction",
    "CallerSecret",
    "CannedReply",
    "ChangeApproval",
    "ChangePlan",
    "ChecklistTemplate",
    "Client",
    "ConnectivityCheck",
    "Contact",
    "Contract",
    "CsatResponse",
    "EventKind",
    "KbArticle",
    "KbArticleVersion",
    "Licence",
    "OnboardingDraft",
    "OnboardingSection",
    "OnboardingStep",
    "Priority",
    "ProblemRecord",
    "Queue",
    "RecurringRun",
    "RecurringTicket",
    "RemoteAccessRecord",
    "RemoteSession",
    "ReportBranding",
    "Role",
    "RotationWorklist",
    "RoutingRule",
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
    "TicketApproval",
    "TicketEvent",
    "TicketKbLink",
    "TicketLink",
    "TicketSla",
    "TicketSlaLevel",
    "TicketTask",
    "TicketType",
    "Tier",
    "TimeEntry",
    "Vault",
    "VaultAudit",
    "VaultGrant",
    "VaultItem",
    "VaultSettings",
    "VendorCase",
]
