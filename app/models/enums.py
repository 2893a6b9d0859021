"""The service-desk vocabulary of shared/design/domain.md as enums, stored as their values."""

from __future__ import annotations

import enum


class Tier(enum.StrEnum):
    """Support tiers, L0 intake to L3 specialists (domain.md §1.1)."""

    L0 = "L0"
    L1 = "L1"
    L2 = "L2"
    L3 = "L3"


class Role(enum.StrEnum):
    """What a technician's account may do."""

    ADMIN = "admin"
    TECHNICIAN = "technician"
    READ_ONLY = "read_only"


class TicketType(enum.StrEnum):
    """The four ITIL ticket types (domain.md §2.3)."""

    INCIDENT = "incident"
    SERVICE_REQUEST = "service_request"
    CHANGE = "change"
    PROBLEM = "problem"


class Priority(enum.StrEnum):
    """Handling order; P1 is the most urgent. String order equals urgency order."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class StatusCategory(enum.StrEnum):
    """The coarse state that queues, SLA pauses and reports look at."""

    NEW = "new"
    OPEN = "open"
    WAITING_CUSTOMER = "waiting_customer"
    WAITING_THIRD_PARTY = "waiting_third_party"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Status(enum.StrEnum):
    """Default status model (domain.md §2.8); each status belongs to one category."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    WAITING_CUSTOMER = "waiting_customer"
    WAITING_THIRD_PARTY = "waiting_third_party"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def category(self) -> StatusCategory:
        return _CATEGORY[self]

    @property
    def is_open(self) -> bool:
        """True while the ticket still needs work (not resolved, closed or cancelled)."""
        return self.category not in (StatusCategory.RESOLVED, StatusCategory.CLOSED)


_CATEGORY: dict[Status, StatusCategory] = {
    Status.NEW: StatusCategory.NEW,
    Status.ASSIGNED: StatusCategory.OPEN,
    Status.IN_PROGRESS: StatusCategory.OPEN,
    Status.WAITING_CUSTOMER: StatusCategory.WAITING_CUSTOMER,
    Status.WAITING_THIRD_PARTY: StatusCategory.WAITING_THIRD_PARTY,
    Status.RESOLVED: StatusCategory.RESOLVED,
    Status.CLOSED: StatusCategory.CLOSED,
    Status.CANCELLED: StatusCategory.CLOSED,
}


class SourceChannel(enum.StrEnum):
    """How the ticket reached the desk (domain.md §2.1)."""

    PHONE = "phone"
    EMAIL = "email"
    PORTAL = "portal"
    WALK_IN = "walk_in"
    MONITORING = "monitoring"


class ClientStatus(enum.StrEnum):
    """Client lifecycle (domain.md D13)."""

    ONBOARDING = "onboarding"
    LIVE = "live"
    NOTICE = "notice"
    ENDED = "ended"


class EventKind(enum.StrEnum):
    """Kinds of entries on a ticket's append-only history timeline."""

    CREATED = "created"
    STATUS_CHANGED = "status_changed"
    ASSIGNED = "assigned"
    PRIORITY_CHANGED = "priority_changed"
    TIER_CHANGED = "tier_changed"
    QUEUE_CHANGED = "queue_changed"
    FIELDS_CHANGED = "fields_changed"
    PUBLIC_REPLY = "public_reply"
    INTERNAL_NOTE = "internal_note"
    PHONE_CALL = "phone_call"
    ESCALATION = "escalation"
    #: An SLA clock reached its warning instant / its due instant (written once by the sweep).
    SLA_WARNING = "sla_warning"
    SLA_BREACH = "sla_breach"
    #: An escalation level fired; `body` lists its actions.
    SLA_LEVEL = "sla_level"
    #: Caller verification passed / failed; `body` says what was checked, never the secret.
    CALLER_VERIFIED = "caller_verified"
    VERIFICATION_FAILED = "verification_failed"
    #: A client approval (or refusal) for work on the ticket was recorded.
    APPROVAL = "approval"
    #: A remote session launched from the ticket started, ended or was blocked (remote.md §7).
    REMOTE_SESSION = "remote_session"
    #: The client's VIP rule changed the new ticket's priority, tier or notified someone.
    VIP_RULE = "vip_rule"
    #: Routing rules fired on creation; `body` names each rule and what it set.
    ROUTING = "routing"
    #: Checklist tasks were added, or one was ticked / unticked.
    TASK = "task"
    #: A case was opened, updated or closed with a third-party vendor; a follow-up fell due.
    VENDOR_CASE = "vendor_case"
    VENDOR_FOLLOW_UP = "vendor_follow_up"
    #: A link to another ticket was added or removed; the ticket was merged (into / from).
    LINKED = "linked"
    MERGED = "merged"
    #: The change record or one of its approval steps changed; the problem record changed.
    CHANGE = "change"
    PROBLEM = "problem"
    #: The resolution was recorded; the fix was confirmed with the requester.
    RESOLUTION = "resolution"
    REQUESTER_VERIFIED = "requester_verified"
    #: The requester's satisfaction survey was recorded (score, sent or declined).
    CSAT = "csat"
    #: A knowledge-base article was linked to the ticket, or written from it.
    KB = "kb"
    #: Time was logged on the ticket.
    TIME_ENTRY = "time_entry"
    #: A bulk action changed this ticket, or was undone.
    BULK = "bulk"
    #: Created by a recurring schedule.
    RECURRING = "recurring"
    #: Why an SLA target was missed, as a technician recorded it (shown in client reports).
    BREACH_REASON = "breach_reason"
