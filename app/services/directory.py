"""Clients, their sites and contacts, technicians and queues: the lookups every screen needs.

Read-only use cases, callable from any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import func, or_, select, true

from app.db import Database
from app.models import Client, Contact, Queue, Site, Technician, Ticket
from app.models.enums import ClientStatus, Role, Tier
from app.services.errors import NotFoundError
from app.services.ticket_queue import escape_like

#: Most suggestions a type-ahead list shows.
LOOKUP_LIMIT: Final = 20


@dataclass(frozen=True, slots=True)
class ClientRow:
    client_id: int
    name: str
    code: str
    status: ClientStatus
    timezone: str
    phone: str
    open_tickets: int = 0


@dataclass(frozen=True, slots=True)
class SiteRow:
    site_id: int
    client_id: int
    name: str
    address: str
    city: str
    country: str
    phone: str


@dataclass(frozen=True, slots=True)
class ContactRow:
    contact_id: int
    client_id: int
    site_id: int | None
    name: str
    email: str
    phone: str
    job_title: str
    vip: bool
    escalation_contact: bool
    authorised_approver: bool
    active: bool


@dataclass(frozen=True, slots=True)
class ClientDetail:
    client: ClientRow
    notes: str
    sites: tuple[SiteRow, ...]
    contacts: tuple[ContactRow, ...]


@dataclass(frozen=True, slots=True)
class TechnicianRow:
    technician_id: int
    name: str
    email: str
    tier: Tier
    role: Role
    active: bool


@dataclass(frozen=True, slots=True)
class QueueRow:
    queue_id: int
    name: str
    tier: Tier


@dataclass(frozen=True, slots=True)
class Lookups:
    """Everything the queue's filter bar and the ticket forms offer in their combo boxes."""

    clients: tuple[ClientRow, ...]
    technicians: tuple[TechnicianRow, ...]
    queues: tuple[QueueRow, ...]


class DirectoryService:
    """Reads clients, contacts, sites, technicians and queues. Any thread."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def lookups(self) -> Lookups:
        with self._db.read() as s:
            clients = tuple(_client_row(c) for c in s.scalars(select(Client).order_by(Client.name)))
            techs = tuple(
                technician_row(t) for t in s.scalars(select(Technician).order_by(Technician.name))
            )
            queues = tuple(
                QueueRow(q.id, q.name, q.tier)
                for q in s.scalars(select(Queue).order_by(Queue.name))
            )
        return Lookups(clients, techs, queues)

    def clients(self, text: str = "") -> list[ClientRow]:
        """Clients whose name or code contains `text`, with their open-ticket counts."""
        open_counts = (
            select(Ticket.client_id, func.count().label("n"))
            .where(Ticket.is_open == true())
            .group_by(Ticket.client_id)
            .subquery()
        )
        stmt = (
            select(Client, func.coalesce(open_counts.c.n, 0))
            .outerjoin(open_counts, open_counts.c.client_id == Client.id)
            .order_by(Client.name)
        )
        if text.strip():
            pattern = f"%{escape_like(text.strip())}%"
            stmt = stmt.where(
                or_(
                    Client.name.ilike(pattern, escape="\\"), Client.code.ilike(pattern, escape="\\")
                )
            )
        with self._db.read() as s:
            return [_client_row(c, int(n)) for c, n in s.execute(stmt).all()]

    def client(self, client_id: int) -> ClientDetail:
        with self._db.read() as s:
            c = s.get(Client, client_id)
            if c is None:
                raise NotFoundError("client", client_id)
            sites = s.scalars(select(Site).where(Site.client_id == client_id).order_by(Site.name))
            contacts = s.scalars(
                select(Contact).where(Contact.client_id == client_id).order_by(Contact.name)
            )
            return ClientDetail(
                _client_row(c),
                c.notes,
                tuple(_site_row(x) for x in sites),
                tuple(_contact_row(x) for x in contacts),
            )

    def search_clients(self, text: str, limit: int = LOOKUP_LIMIT) -> list[ClientRow]:
        """Type-ahead: clients whose name or code contains `text`, best matches first."""
        text = text.strip()
        stmt = select(Client).order_by(Client.name).limit(limit)
        if text:
            pattern = f"%{escape_like(text)}%"
            stmt = stmt.where(
                or_(
                    Client.name.ilike(pattern, escape="\\"), Client.code.ilike(pattern, escape="\\")
                )
            )
        with self._db.read() as s:
            return [_client_row(c) for c in s.scalars(stmt)]

    def search_contacts(
        self, client_id: int, text: str, limit: int = LOOKUP_LIMIT
    ) -> list[ContactRow]:
        """Type-ahead: a client's active contacts by name, e-mail or phone."""
        text = text.strip()
        stmt = (
            select(Contact)
            .where(Contact.client_id == client_id, Contact.active == true())
            .order_by(Contact.name)
            .limit(limit)
        )
        if text:
            pattern = f"%{escape_like(text)}%"
            stmt = stmt.where(
                or_(
                    Contact.name.ilike(pattern, escape="\\"),
                    Contact.email.ilike(pattern, escape="\\"),
                    Contact.phone.ilike(pattern, escape="\\"),
                )
            )
        with self._db.read() as s:
            return [_contact_row(c) for c in s.scalars(stmt)]


def _client_row(c: Client, open_tickets: int = 0) -> ClientRow:
    return ClientRow(c.id, c.name, c.code, c.status, c.timezone, c.phone, open_tickets)


def _site_row(x: Site) -> SiteRow:
    return SiteRow(x.id, x.client_id, x.name, x.address, x.city, x.country, x.phone)


def _contact_row(c: Contact) -> ContactRow:
    return ContactRow(
        c.id,
        c.client_id,
        c.site_id,
        c.name,
        c.email,
        c.phone,
        c.job_title,
        c.vip,
        c.escalation_contact,
        c.authorised_approver,
        c.active,
    )


def technician_row(t: Technician) -> TechnicianRow:
    return TechnicianRow(t.id, t.name, t.email, t.tier, t.role, t.active)
