"""Regression tests for the client-onboarding services: cases a review found, kept fixed.

Each test runs on SQLite and PostgreSQL (the `db` fixture) unless it needs two real
connections, in which case it runs on a fresh PostgreSQL database of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from app.db import Database, upgrade_database
from app.models import Contract, OnboardingDraft, OnboardingSection
from app.models.enums import Priority, Role
from app.services.caller_verification import MAX_FAILURES, CallerVerificationService
from app.services.errors import ConcurrentEditError, ValidationError
from app.services.onboarding import OnboardingService
from app.services.sla import SlaService
from app.services.sla_config import SlaConfigService
from app.services.sla_store import SlaStore
from app.services.sla_types import ContractSpec
from app.services.tickets import TicketService
from tests.factories import (
    add_calendar,
    add_client,
    add_contact,
    add_policy,
    add_technician,
    add_ticket,
)
from tests.fakes import FakeClock

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _company(contracts: list[dict[str, Any]], phone: str = "+32 9 123 45 67") -> dict[str, Any]:
    return {
        "legal_name": "Acme NV",
        "main_phone": phone,
        "sites": [],
        "contracts": contracts,
        "products": [],
        "devices": [],
    }


def _contract_row(number: str, policy: int, **over: Any) -> dict[str, Any]:
    row = {
        "number": number,
        "valid_from": "2026-01-01",
        "valid_to": "",
        "sla_policy": str(policy),
        "coverage": "24x7",
        "prepaid_hours": "",
    }
    row.update(over)
    return row


def _contract_names(db: Database, client_id: int) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(Contract.name).where(Contract.client_id == client_id)))


# --- 1. the company section silently deletes contracts kept on the SLA screen ------------------


def test_company_save_keeps_a_contract_added_on_the_sla_contracts_screen(
    db: Database, clock: FakeClock
) -> None:
    """Onboarding saves the company section (contract A); an admin then adds contract B on the
    SLA Contracts screen; onboarding staff fix a typo in the main phone and save the company
    section again from what the form shows. Contract B must survive: nobody removed it."""
    admin = add_technician(db, "Ada Admin", role=Role.ADMIN)
    tech = add_technician(db, "Ann Tech")
    policy = add_policy(db, add_calendar(db))
    client = add_client(db)
    onboarding = OnboardingService(db, clock)
    onboarding.save_section(client, "company", _company([_contract_row("A-1", policy)]), None, tech)
    sla_config = SlaConfigService(db, clock, SlaService(db, clock, SlaStore(db)))
    sla_config.save_contract(
        None, None, ContractSpec(client, policy, "B-2", dt.date(2026, 2, 1), None), admin
    )
    assert _contract_names(db, client) == ["A-1", "B-2"]

    state = onboarding.form(client).sections["company"]
    assert state.data is not None
    raw = dict(state.data, main_phone="+32 9 765 43 21")
    onboarding.save_section(client, "company", raw, state.version, tech)

    assert _contract_names(db, client) == ["A-1", "B-2"]


def test_first_company_save_of_an_existing_client_keeps_its_contracts(
    db: Database, clock: FakeClock
) -> None:
    """A client that already had a contract (set up on the SLA screen before anybody opened its
    form): the form shows it, and a first save that leaves it out does not delete it."""
    tech = add_technician(db, "Ann Tech")
    policy = add_policy(db, add_calendar(db))
    client = add_client(db)
    with db.write() as s:
        s.add(
            Contract(
                client_id=client,
                name="LEGACY-7",
                policy_id=policy,
                valid_from=dt.date(2025, 1, 1),
                valid_to=None,
            )
        )
    onboarding = OnboardingService(db, clock)
    shown = onboarding.form(client).sections["company"].data
    assert shown is not None and [c["number"] for c in shown["contracts"]] == ["LEGACY-7"]
    onboarding.save_section(client, "company", _company([]), None, tech)
    assert _contract_names(db, client) == ["LEGACY-7"]


# --- 2. another technician's save deletes my draft ---------------------------------------------


def test_another_technicians_save_does_not_delete_my_draft(db: Database, clock: FakeClock) -> None:
    """Bob types in the servers section (kept as a draft, his window closed); Ann, who never
    saw Bob's typing, saves the section from her own screen. Bob's draft stays."""
    ann = add_technician(db, "Ann Tech")
    bob = add_technician(db, "Bob Tech")
    client = add_client(db)
    svc = OnboardingService(db, clock)
    bob_typing = {"servers": [{"hostname": "dc01", "role": "Domain controller"}]}
    svc.save_draft(client, "servers", bob_typing, None, bob)
    svc.save_section(
        client, "servers", {"servers": [{"hostname": "fs01", "role": "Files"}]}, None, ann
    )
    draft = svc.form(client).sections["servers"].draft
    assert draft == bob_typing, "Bob's unsaved typing was deleted by Ann's save"


def test_a_second_technicians_draft_does_not_replace_the_first_ones(
    db: Database, clock: FakeClock
) -> None:
    """Drafts are per technician: Bob's autosave does not replace Ann's, so a crash of Ann's
    app loses nothing."""
    ann = add_technician(db, "Ann Tech")
    bob = add_technician(db, "Bob Tech")
    client = add_client(db)
    svc = OnboardingService(db, clock)
    svc.save_draft(client, "knowledge", {"start_page": "Ann's two pages of notes"}, None, ann)
    svc.save_draft(client, "knowledge", {"start_page": "Bob: x"}, None, bob)
    with db.read() as s:
        kept = [
            d.data
            for d in s.scalars(select(OnboardingDraft).where(OnboardingDraft.client_id == client))
        ]
    assert {"start_page": "Ann's two pages of notes"} in kept


# --- 3. PostgreSQL: two first saves at once -----------------------------------------------------


@pytest.fixture
def pg(fresh_postgresql_url: str, make_engine: Callable[[str], Engine]) -> Iterator[Engine]:
    engine = make_engine(fresh_postgresql_url)
    upgrade_database(engine, backups_dir=None)
    yield engine


def _race(engine: Engine, model: type, make: Callable[[], Any]) -> Iterator[None]:
    """Before the service's session flushes a new `model` row, another connection commits the
    same (client, section) row: what two technicians' first saves do at the same moment."""
    fired: list[bool] = []

    def before_flush(session: Session, _ctx: Any, _inst: Any) -> None:
        if fired or not any(isinstance(x, model) for x in session.new):
            return
        fired.append(True)
        with Session(engine) as other, other.begin():
            other.add(make())

    event.listen(Session, "before_flush", before_flush)
    try:
        yield
    finally:
        event.remove(Session, "before_flush", before_flush)
    assert fired


@pytest.mark.postgresql
def test_two_first_saves_at_once_give_a_conflict_not_an_integrity_error(
    pg: Engine, clock: FakeClock
) -> None:
    db = Database(pg)
    ann = add_technician(db, "Ann Tech")
    bob = add_technician(db, "Bob Tech")
    client = add_client(db)
    svc = OnboardingService(db, clock)
    theirs = lambda: OnboardingSection(  # noqa: E731
        client_id=client,
        section="knowledge",
        data={"start_page": "Bob's"},
        saved_at=clock.now(),
        saved_by_id=bob,
    )
    for _ in _race(pg, OnboardingSection, theirs):
        with pytest.raises(ConcurrentEditError):
            svc.save_section(client, "knowledge", {"start_page": "Ann's"}, None, ann)
    # What Ann typed must survive the refusal.
    assert svc.form(client).sections["knowledge"].draft == {"start_page": "Ann's"}


@pytest.mark.postgresql
def test_two_first_drafts_at_once_do_not_fail(pg: Engine, clock: FakeClock) -> None:
    db = Database(pg)
    ann = add_technician(db, "Ann Tech")
    bob = add_technician(db, "Bob Tech")
    client = add_client(db)
    svc = OnboardingService(db, clock)
    theirs = lambda: OnboardingDraft(  # noqa: E731
        client_id=client,
        section="knowledge",
        data={"start_page": "Bob's"},
        base_version=None,
        updated_at=clock.now(),
        technician_id=bob,
    )
    for _ in _race(pg, OnboardingDraft, theirs):
        svc.save_draft(client, "knowledge", {"start_page": "Ann's"}, None, ann)


# --- 4. caller verification: the client-wide PIN can be guessed once per contact ----------------


def test_the_client_wide_pin_cannot_be_guessed_more_than_max_failures_times(
    db: Database, clock: FakeClock
) -> None:
    """The client has one client-wide PIN. A caller who fails it 5 times claiming to be Ann gets
    no more guesses by claiming to be Bob or calling anonymously within the hour."""
    tech = add_technician(db, "Ann Tech")
    client = add_client(db)
    ann, bob = add_contact(db, client, "Ann"), add_contact(db, client, "Bob")
    svc = CallerVerificationService(db, clock, FAST_HASHER)
    svc.set_pin(client, None, "7705", tech)
    tickets = [
        add_ticket(db, client, contact_id=ann),
        add_ticket(db, client, contact_id=bob),
        add_ticket(db, client),
    ]
    wrong = 0
    for ticket in tickets:
        for _ in range(MAX_FAILURES):
            try:
                svc.verify(ticket, "pin", tech, response=f"{1000 + wrong}")
            except ValidationError as e:
                assert e.problems == {"response": "too_many_attempts"}
                continue
            wrong += 1
    assert wrong <= MAX_FAILURES, f"{wrong} wrong guesses of the same client-wide PIN allowed"


# --- 5. VIP rule on ticket updates --------------------------------------------------------------


def test_a_ticket_whose_contact_becomes_a_vip_is_raised_to_the_priority_floor(
    db: Database, clock: FakeClock
) -> None:
    """The caller is identified after the ticket was logged (domain.md §2.2 step 2): the
    technician sets the contact to a VIP on the ticket, which rises from P4 to the client's P1
    floor."""
    tech = add_technician(db, "Ann Tech")
    client = add_client(db)
    vip = add_contact(db, client, "Victor VIP")
    OnboardingService(db, clock).save_section(
        client, "vip", {"priority_floor": "P1", "contacts": [{"contact": str(vip)}]}, None, tech
    )
    sla = SlaService(db, clock, SlaStore(db))
    tickets = TicketService(db, clock, sla)
    ticket = add_ticket(db, client, priority=Priority.P4)
    detail = tickets.get(ticket)
    from dataclasses import replace

    saved = tickets.update(ticket, detail.version, replace(detail.fields, contact_id=vip), tech)
    assert saved.detail.fields.priority == Priority.P1


# --- 6. validation gaps ("Bad input") ------------------------------------------------------------


def test_a_url_carrying_a_password_is_refused_not_stored_in_plain(
    db: Database, clock: FakeClock
) -> None:
    """Credentials belong in the vault: a vendor portal URL like https://admin:pw@host would be
    stored as plain JSON (and shown on the wiki, and in pg_dump), so it is refused."""
    tech = add_technician(db, "Ann Tech")
    client = add_client(db)
    svc = OnboardingService(db, clock)
    raw = {
        "vendors": [
            {
                "vendor": "Fibre ISP",
                "service": "Internet",
                "support_url": "https://acme:S3cretPortalPw@portal.isp.example",
            }
        ]
    }
    with pytest.raises(ValidationError):
        svc.save_section(client, "escalation", raw, None, tech)


def test_an_email_with_control_characters_is_refused() -> None:
    from app.services.onboarding_fields import FieldError, email

    with pytest.raises(FieldError):
        email("it\x07desk\x1b[2J@acme.example")
