"""Translated ticket field names, display values and failure messages for the ticket views."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from app.models.enums import Priority, SourceChannel, Status, TicketType, Tier
from app.services.directory import ClientRow, ContactRow, Lookups
from app.services.errors import (
    DatabaseUnavailableError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)

from app.views import labels
from app.views.widgets.lookup_edit import LookupItem


def _t(text: str) -> str:
    return QCoreApplication.translate("tickets", text)


def field_label(name: str) -> str:
    """The label of a `TicketFields` attribute, as the ticket form shows it."""
    texts = {
        "client_id": _t("Client"),
        "contact_id": _t("Contact"),
        "type": _t("Type"),
        "category": _t("Category"),
        "priority": _t("Priority"),
        "source": _t("Source"),
        "subject": _t("Subject"),
        "description": _t("Description"),
        "occurs_when_where": _t("When and where it happens"),
        "occurs_circumstances": _t("Circumstances in which it occurs"),
        "not_occurs_circumstances": _t("Circumstances in which it does not occur"),
        "steps_tried": _t("Steps already tried"),
        "tier": _t("Tier"),
        "queue_id": _t("Queue"),
        "assignee_id": _t("Assignee"),
        "status": _t("Status"),
    }
    return texts.get(name, name)


@dataclass(frozen=True, slots=True)
class TicketNames:
    """Id → name maps that turn stored ids into the names technicians recognise."""

    technicians: Mapping[int, str] = field(default_factory=dict)
    queues: Mapping[int, str] = field(default_factory=dict)
    contacts: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, lookups: Lookups) -> TicketNames:
        return cls(
            {t.technician_id: t.name for t in lookups.technicians},
            {q.queue_id: q.name for q in lookups.queues},
        )

    def technician(self, tech_id: int | None) -> str:
        if tech_id is None:
            return _t("Unassigned")
        return self.technicians.get(tech_id) or _t("Technician #{0}").format(tech_id)

    def queue(self, queue_id: int | None) -> str:
        if queue_id is None:
            return _t("No queue")
        return self.queues.get(queue_id) or _t("Queue #{0}").format(queue_id)

    def contact(self, contact_id: int | None) -> str:
        if contact_id is None:
            return _t("No contact")
        return self.contacts.get(contact_id) or _t("Contact #{0}").format(contact_id)


def value_text(name: str, value: object, names: TicketNames) -> str:
    """A field's value worded for display: enums translated, ids as names, text as is."""
    if value is None or isinstance(value, int):
        if name == "assignee_id":
            return names.technician(value)
        if name == "queue_id":
            return names.queue(value)
        if name == "contact_id":
            return names.contact(value)
        return "" if value is None else str(value)
    # Enums are StrEnums, so the isinstance checks must come before the plain-text case.
    if isinstance(value, Status):
        return labels.status(value)
    if isinstance(value, Priority):
        return labels.priority(value)
    if isinstance(value, Tier):
        return labels.tier(value)
    if isinstance(value, TicketType):
        return labels.ticket_type(value)
    if isinstance(value, SourceChannel):
        return labels.source(value)
    return str(value)


def failure_text(error: BaseException) -> str:
    """One sentence for a failed load or write that has no field to point at."""
    if isinstance(error, DatabaseUnavailableError):
        return _t("Connection lost — your changes are kept; try again")
    if isinstance(error, NotFoundError):
        return _t("This ticket no longer exists; it may have been deleted.")
    if isinstance(error, PermissionDeniedError):
        return _t("Your account is not allowed to do this.")
    if isinstance(error, ValidationError):
        return _t("Some values were not accepted; see the messages next to the fields.")
    return _t("Something went wrong ({0}); your changes are kept.").format(type(error).__name__)


def client_item(row: ClientRow) -> LookupItem:
    """A client as a type-ahead suggestion: name, with its code beside it."""
    return LookupItem(row.client_id, row.name, row.code)


def contact_item(row: ContactRow) -> LookupItem:
    """A contact as a type-ahead suggestion; VIPs are marked and shown in bold."""
    details = [_t("★ VIP")] if row.vip else []
    details += [x for x in (row.job_title, row.email or row.phone) if x]
    return LookupItem(row.contact_id, row.name, " · ".join(details), emphasised=row.vip)
