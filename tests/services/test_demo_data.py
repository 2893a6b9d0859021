"""app/services/demo_data.py: the demo MSP, seeded into fresh, really committed databases.

Seeding writes explicit ticket ids, so these tests use a database of their own per backend
(`fresh_db_url`), where the PostgreSQL id sequence is observable after the seed.

A seed takes seconds, so a desk that several tests look at is seeded once per module and
backend (with a clock standing where the `clock` fixture starts) and each test gets a copy.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, func, select

from app.db import Database, create_database_engine, parse_database_target, upgrade_database
from app.models import (
    Client,
    Contact,
    Contract,
    Queue,
    Site,
    SlaCalendar,
    SlaPolicy,
    Technician,
    Ticket,
    TicketEvent,
    TicketSla,
)
from app.models.enums import (
    EventKind,
    Priority,
    Role,
    SourceChannel,
    Status,
    StatusCategory,
    TicketType,
)
from app.services.auth import AuthService
from app.services.demo_data import (
    DEMO_PASSWORD,
    DEMO_TECHNICIANS,
    DemoDataExistsError,
    DemoDataService,
    DemoSummary,
)
from app.services.demo_vault import DEMO_VAULT_PASSWORD
from app.services.errors import AuthenticationError
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.sla_sweep import SlaSweepService
from app.services.tickets import TicketFields, TicketService
from app.vault.errors import WrongPassword
from app.vault.service import VaultService
from app.vault.types import Purpose
from tests.domain import CATEGORY
from tests.fakes import FakeClock
from tests.fixtures.database_templates import DatabaseTemplates

#: Cheap Argon2id parameters: these tests check the demo accounts, not the hash's cost.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
#: The desk the tests share when their checks hold for any size: at least `_RECORDS_FROM`
#: (100) tickets, so it holds the workflow demo's linked records too.
SHARED_DESK: Final = 120


class Demo:
    """Services over one fresh, migrated database."""

    def __init__(self, engine: Engine, clock: FakeClock) -> None:
        upgrade_database(engine, backups_dir=None)
        self.db = Database(engine)
        self.clock = clock
        self.auth = AuthService(self.db, clock, FAST_HASHER)
        self.sla = SlaService(self.db, clock, SlaStore(self.db))
        self.demo = DemoDataService(self.db, clock, self.auth, self.sla)
        self.tickets = TicketService(self.db, clock, self.sla)

    def count(self, model: type[Any]) -> int:
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)


@dataclass(frozen=True, slots=True)
class Seeding:
    """What seeding a shared desk showed: an empty database before, the summary, the progress."""

    was_empty: bool
    summary: DemoSummary
    progress: tuple[tuple[int, int], ...]


#: The `seeded` fixture: a copy of the module's desk of that many tickets, and its seeding.
Seeded = Callable[[int], tuple[Demo, Seeding]]


def _seed_desk(url: str, tickets: int) -> Seeding:
    """Seed the demo desk into the empty database at `url`, as a test's `fresh.demo.seed()`."""
    engine = create_database_engine(parse_database_target(url))
    try:
        demo = Demo(engine, FakeClock())
        was_empty = demo.demo.is_empty()
        progress: list[tuple[int, int]] = []
        summary = demo.demo.seed(
            tickets=tickets, progress=lambda done, total: progress.append((done, total))
        )
    finally:
        # No connection may stay open: PostgreSQL copies only an unused template.
        engine.dispose()
    return Seeding(was_empty, summary, tuple(progress))


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseTemplates]:
    made = DatabaseTemplates(tmp_path_factory.mktemp("demo-desks"))
    yield made
    made.close()


@pytest.fixture
def new_database(
    request: pytest.FixtureRequest, fresh_db_url: str, tmp_path: Path
) -> Iterator[Callable[[], str]]:
    """Each call: another empty database on the test's backend (the first is `fresh_db_url`)."""
    made: list[str] = []
    dropped: list[str] = []

    def make() -> str:
        if not made:
            url = fresh_db_url
        elif fresh_db_url.startswith("sqlite"):
            url = f"sqlite:///{tmp_path / f'fresh-{len(made)}.sqlite'}"
        else:
            url = request.getfixturevalue("pg_server").create_database()
            dropped.append(url.rsplit("/", 1)[1])
        made.append(url)
        return url

    yield make
    for name in dropped:
        request.getfixturevalue("pg_server").drop_database(name)


@pytest.fixture
def make_demo(
    new_database: Callable[[], str], make_engine: Callable[[str], Engine], clock: FakeClock
) -> Callable[[], Demo]:
    """Each call: services over another fresh, empty database on the test's backend."""
    return lambda: Demo(make_engine(new_database()), clock)


@pytest.fixture
def fresh(make_demo: Callable[[], Demo]) -> Demo:
    return make_demo()


@pytest.fixture
def seeded(
    request: pytest.FixtureRequest,
    templates: DatabaseTemplates,
    new_database: Callable[[], str],
    make_engine: Callable[[str], Engine],
    clock: FakeClock,
) -> Seeded:
    """Each call: services over a database of the test's own holding the demo desk with
    `tickets` tickets (the default seed), copied from the module's desk of that size."""

    def make(tickets: int) -> tuple[Demo, Seeding]:
        url = new_database()
        desk = templates.template(request, url, tickets, lambda at: _seed_desk(at, tickets))
        templates.copy(request, desk, url)
        return Demo(make_engine(url), clock), desk.built

    return make


def test_seed_fills_an_empty_database(seeded: Seeded) -> None:
    fresh, seeding = seeded(300)
    assert seeding.was_empty
    summary, progress = seeding.summary, seeding.progress

    assert not fresh.demo.is_empty()
    assert summary.tickets == fresh.count(Ticket) == 300
    assert summary.technicians == fresh.count(Technician) == len(DEMO_TECHNICIANS)
    assert summary.clients == fresh.count(Client) >= 3
    assert summary.contacts == fresh.count(Contact) >= summary.clients
    assert summary.events == fresh.count(TicketEvent)
    assert fresh.count(Queue) >= 1 and fresh.count(Site) >= summary.clients
    assert progress[-1] == (300, 300)
    assert [done for done, _ in progress] == sorted({done for done, _ in progress})


def test_the_demo_msp_has_slas_and_its_past_is_already_escalated(
    seeded: Seeded,
) -> None:
    # The 400 once seeded here are not needed: 300 give over a hundred breaches, some explained.
    fresh, _ = seeded(300)
    assert fresh.count(SlaCalendar) == 3 and fresh.count(SlaPolicy) == 3
    with fresh.db.read() as s:
        contracts = s.execute(select(Contract.name, Contract.number)).all()
        defaults = s.scalars(select(SlaPolicy.name).where(SlaPolicy.is_default.is_(True))).all()
        open_ids = set(s.scalars(select(Ticket.id).where(Ticket.is_open.is_(True))))
        with_clocks = set(s.scalars(select(TicketSla.ticket_id)))
        leads = s.scalars(select(Queue.lead_id).where(Queue.lead_id.is_not(None))).all()
        reasons = s.execute(
            select(TicketSla.breach_justification).where(TicketSla.state == "breached")
        ).all()
    assert defaults == ["Standard business hours"]
    # The monthly report lists breaches with reasons: most demo breaches have one, not all.
    explained = [r for (r,) in reasons if r]
    assert 0 < len(explained) < len(reasons)
    # The SLA demo's premium contract, plus the workflow demo's: every one numbered for intake.
    assert [name for name, _ in contracts].count("Managed services — premium") == 1
    assert all(number for _, number in contracts)
    assert open_ids and open_ids <= with_clocks
    assert len(leads) == 4
    # Old tickets' warnings, breaches and levels belong to the past: a first sweep right after
    # seeding must not reassign or announce anything.
    report = SlaSweepService(fresh.db, fresh.clock, fresh.sla).sweep()
    assert (report.warnings, report.breaches, report.levels_fired) == (0, 0, 0)


def test_seeded_tickets_are_consistent(seeded: Seeded, clock: FakeClock) -> None:
    fresh, _ = seeded(300)
    with fresh.db.read() as s:
        tickets = list(s.scalars(select(Ticket).order_by(Ticket.id)))
        contact_client = {c: k for c, k in s.execute(select(Contact.id, Contact.client_id))}
        techs = {t.id: (t.active, t.role) for t in s.scalars(select(Technician))}
        queue_tier = {q: tier for q, tier in s.execute(select(Queue.id, Queue.tier))}
        created = Counter(
            s.scalars(select(TicketEvent.ticket_id).where(TicketEvent.kind == EventKind.CREATED))
        )
        # Read the rows inside the session: it expires them when it ends.
        check_tickets(tickets, contact_client, techs, queue_tier, created, clock.now())


def check_tickets(
    tickets: list[Ticket],
    contact_client: dict[int, int],
    techs: dict[int, tuple[bool, Role]],
    queue_tier: dict[int, Any],
    created: Counter[int],
    now: dt.datetime,
) -> None:
    assert [t.id for t in tickets] == list(range(1, 301))
    for t in tickets:
        assert t.status_category is CATEGORY[t.status], t.id
        assert t.is_open is (
            CATEGORY[t.status] not in (StatusCategory.RESOLVED, StatusCategory.CLOSED)
        )
        assert (t.closed_at is not None) is (t.status_category is StatusCategory.CLOSED), t.id
        if t.status in (Status.RESOLVED, Status.CLOSED):
            # Closed means resolved, then verified with the requester (domain.md §2.7).
            assert t.resolved_at is not None, t.id
            assert t.created_at <= t.resolved_at <= (t.closed_at or t.updated_at), t.id
        if t.status is Status.CANCELLED:
            assert t.resolved_at is None, t.id
        if t.is_open:
            assert t.resolved_at is None, t.id
        assert t.created_at <= t.updated_at <= now, t.id
        assert t.contact_id is None or contact_client[t.contact_id] == t.client_id, t.id
        assert t.queue_id is None or queue_tier[t.queue_id] is t.tier, t.id
        if t.assignee_id is not None:
            active, role = techs[t.assignee_id]
            assert active and role is not Role.READ_ONLY, t.id
        if t.status is Status.NEW:
            assert t.assignee_id is None, t.id
        if t.status is Status.ASSIGNED:
            assert t.assignee_id is not None, t.id
        assert t.subject.strip() and len(t.subject) <= 300
        assert created[t.id] == 1, t.id


@pytest.mark.parametrize("fresh_db_url", ["sqlite"], indirect=True)
def test_a_larger_desk_has_every_status_priority_type_and_channel(fresh: Demo) -> None:
    fresh.demo.seed(tickets=3000)
    with fresh.db.read() as s:
        statuses = set(s.scalars(select(Ticket.status).distinct()))
        priorities = set(s.scalars(select(Ticket.priority).distinct()))
        types = set(s.scalars(select(Ticket.type).distinct()))
        sources = set(s.scalars(select(Ticket.source).distinct()))
    assert statuses == set(Status)
    assert priorities == set(Priority)
    assert types == set(TicketType)
    assert sources == set(SourceChannel)


def test_seeding_twice_is_refused_and_adds_nothing(
    seeded: Seeded,
) -> None:
    fresh, _ = seeded(SHARED_DESK)
    counts = [fresh.count(m) for m in (Client, Technician, Ticket, TicketEvent)]
    with pytest.raises(DemoDataExistsError):
        fresh.demo.seed(tickets=20)
    assert [fresh.count(m) for m in (Client, Technician, Ticket, TicketEvent)] == counts


def _projection(d: Demo) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a user sees of the demo data, by value (ids included; hashes are salted)."""
    with d.db.read() as s:
        return {
            "clients": list(
                s.execute(
                    select(Client.id, Client.name, Client.code, Client.phone).order_by(Client.id)
                )
            ),
            "contacts": list(
                s.execute(
                    select(
                        Contact.id, Contact.client_id, Contact.name, Contact.email, Contact.vip
                    ).order_by(Contact.id)
                )
            ),
            "tickets": list(
                s.execute(
                    select(
                        Ticket.id,
                        Ticket.client_id,
                        Ticket.contact_id,
                        Ticket.assignee_id,
                        Ticket.subject,
                        Ticket.status,
                        Ticket.priority,
                        Ticket.tier,
                        Ticket.source,
                        Ticket.created_at,
                        Ticket.updated_at,
                    ).order_by(Ticket.id)
                )
            ),
            "events": list(
                s.execute(
                    select(TicketEvent.ticket_id, TicketEvent.kind, TicketEvent.at).order_by(
                        TicketEvent.ticket_id, TicketEvent.at, TicketEvent.kind
                    )
                )
            ),
        }


def test_the_same_seed_gives_the_same_desk(seeded: Seeded, make_demo: Callable[[], Demo]) -> None:
    # The module's desk was seeded by another run, with the default seed, at the same instant.
    first, _ = seeded(SHARED_DESK)
    second, other = make_demo(), make_demo()
    second.demo.seed(tickets=SHARED_DESK)
    other.demo.seed(tickets=SHARED_DESK, seed=8)
    assert first_difference(_projection(first), _projection(second)) is None
    assert first_difference(_projection(first), _projection(other)) is not None


def first_difference(
    a: dict[str, list[tuple[Any, ...]]], b: dict[str, list[tuple[Any, ...]]]
) -> str | None:
    """Where two projections first differ (pytest's diff of thousands of rows takes minutes)."""
    for key in a:
        if len(a[key]) != len(b[key]):
            return f"{key}: {len(a[key])} rows != {len(b[key])} rows"
        for i, (x, y) in enumerate(zip(a[key], b[key], strict=True)):
            if tuple(x) != tuple(y):
                return f"{key}[{i}]: {tuple(x)} != {tuple(y)}"
    return None


@pytest.mark.parametrize("count", [0, SHARED_DESK])
def test_new_tickets_follow_the_seeded_ones(seeded: Seeded, count: int) -> None:
    # PostgreSQL: the explicit ids must not leave the id sequence behind.
    fresh, _ = seeded(count)
    with fresh.db.read() as s:
        client = s.scalars(select(Client.id).order_by(Client.id)).first()
        alice = s.scalar(select(Technician.id).where(Technician.email == "alice@demo.msp"))
    assert client is not None and alice is not None
    values = TicketFields(
        client_id=client,
        contact_id=None,
        type=TicketType.INCIDENT,
        category="",
        priority=Priority.P2,
        source=SourceChannel.PHONE,
        subject="Logged after the demo",
    )
    first = fresh.tickets.create(values, alice).detail
    second = fresh.tickets.create(values, alice).detail
    assert (first.ticket_id, second.ticket_id) == (count + 1, count + 2)
    assert fresh.count(Ticket) == count + 2


def test_a_seeded_ticket_can_be_edited(seeded: Seeded, clock: FakeClock) -> None:
    fresh, _ = seeded(SHARED_DESK)
    with fresh.db.read() as s:
        alice = s.scalar(select(Technician.id).where(Technician.email == "alice@demo.msp"))
        # The newest open one, as the last ticket of a small desk is (the one once edited here).
        ticket_id = s.scalar(select(func.max(Ticket.id)).where(Ticket.is_open.is_(True)))
    assert alice is not None and ticket_id is not None
    ticket = fresh.tickets.get(ticket_id)
    clock.advance(minutes=1)
    values = replace(ticket.fields, subject="Edited after seeding")
    saved = fresh.tickets.update(ticket_id, ticket.version, values, alice)
    assert saved.detail.version == ticket.version + 1
    assert fresh.tickets.get(ticket_id).fields == values


def test_demo_technicians_sign_in_with_the_demo_password(
    seeded: Seeded,
) -> None:
    fresh, _ = seeded(SHARED_DESK)
    for name, email, tier, role, active in DEMO_TECHNICIANS:
        if active:
            row = fresh.auth.sign_in(email, DEMO_PASSWORD)
            assert (row.name, row.email, row.tier, row.role) == (name, email, tier, role)
        else:
            with pytest.raises(AuthenticationError):
                fresh.auth.sign_in(email, DEMO_PASSWORD)
    with pytest.raises(AuthenticationError):
        fresh.auth.sign_in("alice@demo.msp", DEMO_PASSWORD + "x")


def test_the_documented_accounts_exist() -> None:
    # The CLI and README name these accounts.
    accounts = {email: (role, active) for _, email, _, role, active in DEMO_TECHNICIANS}
    assert accounts["admin@demo.msp"] == (Role.ADMIN, True)
    assert accounts["alice@demo.msp"] == (Role.TECHNICIAN, True)
    assert len(DEMO_PASSWORD) >= 8


def test_the_demo_vault_opens_for_alice_with_the_printed_password(
    seeded: Seeded,
) -> None:
    fresh, _ = seeded(SHARED_DESK)
    with fresh.db.read() as s:
        alice = s.scalar(select(Technician.id).where(Technician.email == "alice@demo.msp"))
        clients = s.scalars(select(Client.id)).all()
    assert alice is not None
    vault = VaultService(fresh.db, alice, fresh.clock.now)
    with pytest.raises(WrongPassword):
        vault.unlock("not-the-demo-password")
    vault.unlock(DEMO_VAULT_PASSWORD)
    for client_id in clients:
        vault_id = vault.vault_for_client(client_id)
        assert vault_id is not None
        labels = [i.label for i in vault.items(vault_id)]
        assert "Domain admin" in labels and "Firewall" in labels
    first = vault.items(vault.vault_for_client(clients[0]) or 0)[0]
    revealed = vault.reveal(first.item_id, ("password",), Purpose("view", reason="demo check"))
    assert len(revealed["password"].reveal_text()) == 20
