"""The demo MSP: clients, contacts, technicians on every tier and tickets in every state.

Deterministic for a given seed. Tickets are written with bulk inserts in batches, so a million
of them take minutes, not hours. Runs on the calling thread (the CLI), never on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import func, insert, or_, select, text, update

from app.db import Database
from app.models import (
    Client,
    Contact,
    Queue,
    Site,
    Technician,
    Ticket,
    TicketEvent,
    TicketSla,
    TicketSlaLevel,
)
from app.models.enums import (
    ClientStatus,
    EventKind,
    Priority,
    Role,
    SourceChannel,
    Status,
    StatusCategory,
    TicketType,
    Tier,
)
from app.services.auth import AuthService
from app.services.clock import Clock
from app.services.demo_onboarding import seed_demo_onboarding
from app.services.demo_records import demo_record_tickets
from app.services.demo_sla import seed_demo_sla
from app.services.demo_vault import seed_demo_vault
from app.services.demo_workflow import seed_demo_workflow
from app.services.sla import SlaService
from app.sla.engine import TargetState

#: The password of every demo account (documented in the README).
DEMO_PASSWORD: Final = "demo1234"
DEFAULT_TICKETS: Final = 5_000
_BATCH: Final = 5_000
#: Smaller demos (tests, quick looks) get no linked problem/change/merge records.
_RECORDS_FROM: Final = 100
#: Closed tickets younger than this get SLA clocks too (recent reports need them).
_CLOCKS_FOR: Final = dt.timedelta(days=90)
#: Who holds the demo vault: the admin sets it up, Alice is enrolled and granted every client.
_VAULT_ADMIN: Final = "admin@demo.msp"
_VAULT_TECH: Final = "alice@demo.msp"
#: Queue leads, told of SLA warnings and breaches: one per tier.
_LEADS: Final = frozenset({"lena@demo.msp", "alice@demo.msp", "dmitri@demo.msp", "farid@demo.msp"})

#: (name, e-mail, tier, role, active) of the demo technicians.
DEMO_TECHNICIANS: Final = (
    ("Morgan Admin", "admin@demo.msp", Tier.L3, Role.ADMIN, True),
    ("Lena Dispatch", "lena@demo.msp", Tier.L0, Role.TECHNICIAN, True),
    ("Omar Reception", "omar@demo.msp", Tier.L0, Role.TECHNICIAN, True),
    ("Alice Martin", "alice@demo.msp", Tier.L1, Role.TECHNICIAN, True),
    ("Bram Peeters", "bram@demo.msp", Tier.L1, Role.TECHNICIAN, True),
    ("Chloé Dubois", "chloe@demo.msp", Tier.L1, Role.TECHNICIAN, True),
    ("Dmitri Ivanov", "dmitri@demo.msp", Tier.L2, Role.TECHNICIAN, True),
    ("Eva Nowak", "eva@demo.msp", Tier.L2, Role.TECHNICIAN, True),
    ("Farid Haddad", "farid@demo.msp", Tier.L3, Role.TECHNICIAN, True),
    ("Owen Reader", "owen@demo.msp", Tier.L1, Role.READ_ONLY, True),
    ("Former Technician", "former@demo.msp", Tier.L1, Role.TECHNICIAN, False),
)

_QUEUES: Final = (
    ("Dispatch", Tier.L0, "Intake and routing"),
    ("Service desk", Tier.L1, "First-line support"),
    ("Infrastructure", Tier.L2, "Servers, network, cloud"),
    ("Specialists", Tier.L3, "Root causes, vendors, changes"),
)

#: (name, code, status, time zone, city, country). Names include quotes, emoji and RTL text.
_CLIENTS: Final = (
    ("Acme Dental Group", "ACME", ClientStatus.LIVE, "Europe/Brussels", "Gent", "BE"),
    ("Brouwerij De Kroon", "KROON", ClientStatus.LIVE, "Europe/Amsterdam", "Utrecht", "NL"),
    ('O\'Neill & Partners "Law"', "ONEILL", ClientStatus.LIVE, "Europe/Dublin", "Cork", "IE"),
    ("Café Müller GmbH", "MUELLER", ClientStatus.LIVE, "Europe/Berlin", "Köln", "DE"),
    ("شركة النور للتجارة", "NOOR", ClientStatus.LIVE, "Asia/Dubai", "Dubai", "AE"),
    ("Nordlicht Logistik 🚚", "NORD", ClientStatus.LIVE, "Europe/Oslo", "Bergen", "NO"),
    (
        "Pinewood Veterinary Clinic",
        "PINE",
        ClientStatus.ONBOARDING,
        "America/Toronto",
        "Ottawa",
        "CA",
    ),
    ("Summit Accounting LLP", "SUMMIT", ClientStatus.NOTICE, "America/New_York", "Albany", "US"),
)

_FIRST: Final = (
    "Anna", "Ben", "Carla", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Katrin",
    "Liam", "Mia", "Noah", "Olga", "Pieter", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wim",
    "Xavier", "Yara", "Zoë", "Aoife", "Séan", "Ðorđe", "Łukasz", "Nour", "Yusuf",
)  # fmt: skip
_LAST: Final = (
    "Jansen", "Müller", "O'Brien", "Dubois", "Rossi", "Novak", "Haddad", "Kowalski", "Smith",
    "García", "Nielsen", "Peeters", "Öztürk", "van den Berg", "Fischer", "Moreau", "Byrne",
    "Schmidt", "Lindqvist", "Costa",
)  # fmt: skip

#: (category, type, subjects) the demo tickets are drawn from.
_TOPICS: Final = (
    ("End-user computing › Windows 11 › Outlook", TicketType.INCIDENT,
     ("Outlook keeps asking for password", "Outlook search returns nothing",
      "Shared mailbox not showing in Outlook", "Outlook crashes on start")),
    ("End-user computing › Windows 11 › Login", TicketType.INCIDENT,
     ("Cannot log in to workstation", "Account locked out", "Slow login after update")),
    ("End-user computing › Printing › Printer", TicketType.INCIDENT,
     ("Printer offline on second floor", "Printer prints blank pages", "Scan to e-mail fails")),
    ("Infrastructure › Network › Wi-Fi", TicketType.INCIDENT,
     ("Wi-Fi drops every few minutes", "Guest Wi-Fi not working", "VPN disconnects at home")),
    ("Infrastructure › Servers › File server", TicketType.INCIDENT,
     ("File share not reachable", "Server disk almost full", "Backup job failed overnight")),
    ("Accounts › Microsoft 365 › User", TicketType.SERVICE_REQUEST,
     ("New starter: create account", "Leaver: disable account", "Add user to distribution list",
      "Password reset request")),
    ("Software › Line of business › Install", TicketType.SERVICE_REQUEST,
     ("Install accounting software update", "Request Adobe Acrobat licence",
      "How do I share a calendar?")),
    ("Infrastructure › Firewall › Rules", TicketType.CHANGE,
     ("Open port for new CCTV system", "Firewall firmware upgrade", "Add site-to-site VPN")),
    ("Infrastructure › Servers › Patching", TicketType.PROBLEM,
     ("Repeated blue screens after patch", "Recurring sync errors on file server")),
)  # fmt: skip

_CHANNELS: Final = (
    (SourceChannel.PHONE, 45),
    (SourceChannel.EMAIL, 35),
    (SourceChannel.PORTAL, 8),
    (SourceChannel.MONITORING, 9),
    (SourceChannel.WALK_IN, 3),
)
_PRIORITIES: Final = ((Priority.P1, 3), (Priority.P2, 12), (Priority.P3, 55), (Priority.P4, 30))
_TIERS: Final = ((Tier.L0, 10), (Tier.L1, 60), (Tier.L2, 20), (Tier.L3, 10))
#: Status mix by age: fresh tickets are mostly open, old ones mostly closed.
_STATUS_BY_AGE: Final = (
    (3, ((Status.NEW, 25), (Status.ASSIGNED, 20), (Status.IN_PROGRESS, 25),
         (Status.WAITING_CUSTOMER, 12), (Status.WAITING_THIRD_PARTY, 8), (Status.RESOLVED, 10))),
    (30, ((Status.NEW, 3), (Status.ASSIGNED, 7), (Status.IN_PROGRESS, 15),
          (Status.WAITING_CUSTOMER, 10), (Status.WAITING_THIRD_PARTY, 5), (Status.RESOLVED, 15),
          (Status.CLOSED, 40), (Status.CANCELLED, 5))),
    (100_000, ((Status.NEW, 0.5), (Status.IN_PROGRESS, 1), (Status.WAITING_CUSTOMER, 1.5),
               (Status.RESOLVED, 2), (Status.CLOSED, 90), (Status.CANCELLED, 5))),
)  # fmt: skip


class DemoDataExistsError(Exception):
    """The database already holds clients; demo data is only added to an empty database."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    clients: int
    contacts: int
    technicians: int
    tickets: int
    events: int


def _weighted(rng: random.Random, options: tuple[tuple[Any, float], ...]) -> Any:
    values = [v for v, _ in options]
    weights = [w for _, w in options]
    return rng.choices(values, weights)[0]


class DemoDataService:
    """Fills an empty database with the demo MSP."""

    def __init__(
        self, db: Database, clock: Clock, auth: AuthService, sla: SlaService | None = None
    ) -> None:
        self._db = db
        self._clock = clock
        self._auth = auth
        self._sla = sla

    def is_empty(self) -> bool:
        with self._db.read() as s:
            return not s.scalar(select(func.count()).select_from(Client))

    def seed(
        self,
        tickets: int = DEFAULT_TICKETS,
        seed: int = 42,
        progress: Callable[[int, int], None] | None = None,
    ) -> DemoSummary:
        """Create the demo MSP with `tickets` tickets; `progress(done, total)` after each batch."""
        if not self.is_empty():
            raise DemoDataExistsError()
        # The workflow demo's linked records are tickets too: they count in the total asked for.
        records = tickets >= _RECORDS_FROM
        requested, tickets = tickets, tickets - (demo_record_tickets() if records else 0)
        rng = random.Random(seed)
        now = self._clock.now()
        techs, queues, clients, contacts = self._seed_directory(rng, now)
        self._seed_vault(rng)
        events = 0
        done = 0
        span = dt.timedelta(days=max(60, min(730, tickets // 40)))
        next_id = 1
        while done < tickets:
            n = min(_BATCH, tickets - done)
            rows, evs = self._ticket_batch(
                rng, next_id, n, tickets, now, span, techs, queues, clients, contacts
            )
            with self._db.write() as s:
                conn = s.connection()
                conn.execute(insert(Ticket), rows)
                conn.execute(insert(TicketEvent), evs)
            next_id += n
            done += n
            events += len(evs)
            if progress is not None:
                progress(done, requested)
        self._reset_sequences()
        self._compute_clocks(now - _CLOCKS_FOR)
        seed_demo_onboarding(self._db, self._clock, random.Random(seed))
        seed_demo_workflow(self._db, self._clock, records=records)
        if progress is not None and done < requested:
            progress(requested, requested)
        total_contacts = sum(len(c) for c in contacts.values())
        with self._db.read() as s:
            tickets = s.scalar(select(func.count()).select_from(Ticket)) or 0
            events = s.scalar(select(func.count()).select_from(TicketEvent)) or 0
        return DemoSummary(len(clients), total_contacts, len(DEMO_TECHNICIANS), tickets, events)

    def _seed_directory(
        self, rng: random.Random, now: dt.datetime
    ) -> tuple[dict[Tier, list[int]], dict[Tier, int], list[int], dict[int, list[int]]]:
        password_hash = self._auth.hash_password(DEMO_PASSWORD)
        with self._db.write() as s:
            queue_by_tier: dict[Tier, int] = {}
            for name, tier, description in _QUEUES:
                q = Queue(name=name, tier=tier, description=description)
                s.add(q)
                s.flush()
                queue_by_tier[tier] = q.id
            techs: dict[Tier, list[int]] = {t: [] for t in Tier}
            leads: dict[int, int] = {}
            for name, email, tier, role, active in DEMO_TECHNICIANS:
                t = Technician(
                    name=name,
                    email=email,
                    tier=tier,
                    role=role,
                    password_hash=password_hash,
                    active=active,
                    queue_id=queue_by_tier[tier],
                    created_at=now - dt.timedelta(days=800),
                )
                s.add(t)
                s.flush()
                if active and role is not Role.READ_ONLY:
                    techs[tier].append(t.id)
                if email in _LEADS:
                    leads[queue_by_tier[tier]] = t.id
            client_ids: list[int] = []
            contacts: dict[int, list[int]] = {}
            for name, code, status, tz, city, country in _CLIENTS:
                c = Client(
                    name=name,
                    code=code,
                    status=status,
                    timezone=tz,
                    phone=_phone(rng),
                    notes="",
                    created_at=now - dt.timedelta(days=900),
                )
                s.add(c)
                s.flush()
                client_ids.append(c.id)
                sites = []
                for i in range(rng.randint(1, 3)):
                    site = Site(
                        client_id=c.id,
                        name="Head office" if i == 0 else f"{city} branch {i}",
                        address=f"{rng.randint(1, 200)} Main Street",
                        city=city,
                        country=country,
                        phone=c.phone,
                    )
                    s.add(site)
                    sites.append(site)
                s.flush()
                contacts[c.id] = []
                domain = code.lower() + ".example"
                for i in range(rng.randint(8, 25)):
                    first, last = rng.choice(_FIRST), rng.choice(_LAST)
                    contact = Contact(
                        client_id=c.id,
                        site_id=rng.choice(sites).id,
                        name=f"{first} {last}",
                        email=f"{first.lower()}.{i}@{domain}",
                        phone=_phone(rng),
                        job_title=rng.choice(("Office manager", "Accountant", "Director", "Nurse",
                                              "Warehouse lead", "Receptionist", "IT contact")),
                        vip=i == 0 or rng.random() < 0.05,
                        escalation_contact=i in (0, 1),
                        authorised_approver=i == 0,
                    )  # fmt: skip
                    s.add(contact)
                    s.flush()
                    contacts[c.id].append(contact.id)
            seed_demo_sla(s, now, client_ids, leads)
        return techs, queue_by_tier, client_ids, contacts

    def _ticket_batch(
        self,
        rng: random.Random,
        first_id: int,
        n: int,
        total: int,
        now: dt.datetime,
        span: dt.timedelta,
        techs: dict[Tier, list[int]],
        queues: dict[Tier, int],
        clients: list[int],
        contacts: dict[int, list[int]],
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        rows: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        span_s = span.total_seconds()
        for ticket_id in range(first_id, first_id + n):
            # Oldest first, so ticket numbers grow with creation time as in a real desk.
            age_s = span_s * (1 - (ticket_id - 1 + rng.random()) / total)
            created = now - dt.timedelta(seconds=max(60.0, age_s))
            age_days = (now - created).days
            status: Status = next(
                _weighted(rng, mix) for limit, mix in _STATUS_BY_AGE if age_days < limit
            )
            tier: Tier = _weighted(rng, _TIERS)
            category, ttype, subjects = rng.choice(_TOPICS)
            client_id = rng.choice(clients)
            assignee = None
            if status is not Status.NEW and techs[tier]:
                assignee = rng.choice(techs[tier])
            elif status is Status.NEW and techs[tier] and rng.random() < 0.2:
                assignee = rng.choice(techs[tier])
                status = Status.ASSIGNED
            updated = created + (now - created) * rng.uniform(0.0, 0.6 if status.is_open else 0.2)
            if not status.is_open:
                # Most tickets are fixed within a working day or two.
                worked = dt.timedelta(hours=rng.expovariate(1 / 16))
                updated = min(updated, created + worked)
            category_state = status.category
            rows.append(
                {
                    "id": ticket_id,
                    "type": ttype,
                    "category": category,
                    "priority": _weighted(rng, _PRIORITIES),
                    "status": status,
                    "status_category": category_state,
                    "is_open": status.is_open,
                    "tier": tier,
                    "queue_id": queues[tier],
                    "assignee_id": assignee,
                    "client_id": client_id,
                    "contact_id": rng.choice(contacts[client_id]),
                    "source": _weighted(rng, _CHANNELS),
                    "subject": rng.choice(subjects),
                    "description": "Reported by phone; see history.",
                    "occurs_when_where": "",
                    "occurs_circumstances": "",
                    "not_occurs_circumstances": "",
                    "steps_tried": "",
                    "created_at": created,
                    "updated_at": updated,
                    "resolved_at": _resolved_at(rng, status, created, updated),
                    "closed_at": updated if category_state is StatusCategory.CLOSED else None,
                    "created_by_id": None,
                    "updated_by_id": assignee,
                    "version": 1,
                }
            )
            events.append(_event(ticket_id, created, None, EventKind.CREATED, "", "new"))
            if assignee is not None:
                events.append(
                    _event(ticket_id, created, assignee, EventKind.ASSIGNED, "", str(assignee))
                )
            if status is not Status.NEW and rng.random() < 0.9:
                # The first reply to the requester: what meets the response target.
                replied = min(updated, created + dt.timedelta(minutes=rng.expovariate(1 / 40)))
                reply = _event(ticket_id, replied, assignee, EventKind.PUBLIC_REPLY, "", "")
                reply.update(body="Thanks, we are looking into it.", public=True)
                events.append(reply)
            if status not in (Status.NEW, Status.ASSIGNED):
                events.append(
                    _event(
                        ticket_id, updated, assignee, EventKind.STATUS_CHANGED, "new", status.value
                    )
                )
        return rows, events

    def _seed_vault(self, rng: random.Random) -> None:
        with self._db.read() as s:
            ids = {email: i for email, i in s.execute(select(Technician.email, Technician.id))}
            rows = s.execute(select(Client.id, Client.code).order_by(Client.id))
            clients = [(client_id, code) for client_id, code in rows]
        # Its own generator: however many passwords the vault draws, the tickets stay the same.
        vault_rng = random.Random(rng.random())
        seed_demo_vault(
            self._db, self._clock.now, vault_rng, ids[_VAULT_ADMIN], ids[_VAULT_TECH], clients
        )

    def _compute_clocks(self, since: dt.datetime) -> None:
        """SLA clocks for open tickets and for those created since `since` (what queues and
        recent reports show); older closed history is left without clocks to keep a
        million-ticket demo quick."""
        if self._sla is None:
            return
        with self._db.read() as s:
            ids = list(
                s.scalars(
                    select(Ticket.id)
                    .where(or_(Ticket.is_open.is_(True), Ticket.created_at >= since))
                    .order_by(Ticket.id)
                )
            )
        now = self._clock.now()
        for i in range(0, len(ids), _BATCH):
            with self._db.write() as s:
                self._sla.recompute_in(s, ids[i : i + _BATCH], now)
        with self._db.write() as s:
            # The demo's history already happened: what fell due before now was escalated and
            # announced then. Otherwise the first sweep would move hundreds of old tickets.
            s.execute(
                update(TicketSlaLevel)
                .where(TicketSlaLevel.fired_at.is_(None), TicketSlaLevel.due_at <= now)
                .values(fired_at=TicketSlaLevel.due_at)
            )
            late = (TargetState.WARNING.value, TargetState.BREACHED.value)
            s.execute(
                update(TicketSla).where(TicketSla.state.in_(late)).values(warning_notified_at=now)
            )
            s.execute(
                update(TicketSla)
                .where(TicketSla.state == TargetState.BREACHED.value)
                .values(breach_notified_at=now)
            )

    def _reset_sequences(self) -> None:
        # Explicit ids leave PostgreSQL's serial sequence behind; move it past the last ticket.
        # `is_called` false: the next ticket gets MAX(id) + 1, or 1 on an empty table, as on SQLite.
        if self._db.backend != "postgresql":
            return
        with self._db.write() as s:
            s.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('ticket', 'id'), "
                    "(SELECT COALESCE(MAX(id), 0) + 1 FROM ticket), false)"
                )
            )


def _resolved_at(
    rng: random.Random, status: Status, created: dt.datetime, updated: dt.datetime
) -> dt.datetime | None:
    """Resolved tickets were resolved at their last update; closed ones some time before it."""
    if status is Status.RESOLVED:
        return updated
    if status is Status.CLOSED:
        # Verification with the requester takes hours to a few days before closure.
        return max(created, updated - dt.timedelta(hours=rng.uniform(1, 72)))
    return None


def _phone(rng: random.Random) -> str:
    return f"+{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _event(
    ticket_id: int, at: dt.datetime, actor: int | None, kind: EventKind, old: str, new: str
) -> dict[str, Any]:
    return {
        "ticket_id": ticket_id,
        "at": at,
        "actor_id": actor,
        "kind": kind,
        "old_value": old,
        "new_value": new,
        "body": "",
        "duration_minutes": None,
        "call_reference": "",
        "public": False,
    }
