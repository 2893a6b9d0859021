"""app/services/onboarding.py (+ onboarding_sync.py): drafts, saves and record sync.

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
2026-03-02 09:00 UTC. A save validates the whole section, checks the version, writes the section
document and syncs sites, contracts and contact flags in one transaction; a refused save keeps
what was typed as the draft.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Contact, Contract, OnboardingDraft, OnboardingSection, Site
from app.models.enums import Role
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.onboarding import OnboardingService
from app.services.onboarding_spec import BY_KEY
from tests.factories import add_calendar, add_client, add_policy, add_technician
from tests.fakes import FakeClock

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class World:
    svc: OnboardingService
    db: Database
    clock: FakeClock
    client: int
    other_client: int
    tech: int
    tech_name: str
    policy: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    policy = add_policy(db, add_calendar(db))
    return World(
        OnboardingService(db, clock),
        db,
        clock,
        add_client(db),
        add_client(db),
        add_technician(db, "Ann Tech"),
        "Ann Tech",
        policy,
    )


def _contact(
    db: Database,
    client_id: int,
    name: str,
    *,
    site_id: int | None = None,
    vip: bool = False,
    approver: bool = False,
    escalation: bool = False,
) -> int:
    with db.write() as s:
        c = Contact(
            client_id=client_id,
            name=name,
            email=f"{name.lower().replace(' ', '.')}@client.example",
            site_id=site_id,
            vip=vip,
            authorised_approver=approver,
            escalation_contact=escalation,
        )
        s.add(c)
        s.flush()
        return c.id


def _flags(db: Database, *ids: int) -> dict[int, tuple[bool, bool, bool]]:
    """(vip, authorised_approver, escalation_contact) per contact id."""
    with db.read() as s:
        rows = s.execute(
            select(
                Contact.id, Contact.vip, Contact.authorised_approver, Contact.escalation_contact
            ).where(Contact.id.in_(ids))
        ).all()
        return {i: (bool(v), bool(a), bool(e)) for i, v, a, e in rows}


def _sites(db: Database, client_id: int) -> list[tuple[int, str, str, str, str, str, str]]:
    with db.read() as s:
        rows = s.scalars(select(Site).where(Site.client_id == client_id).order_by(Site.id))
        return [(x.id, x.name, x.address, x.city, x.country, x.timezone, x.phone) for x in rows]


def _contracts(db: Database, client_id: int) -> list[tuple[int, str, int, dt.date, dt.date | None]]:
    with db.read() as s:
        rows = s.scalars(
            select(Contract).where(Contract.client_id == client_id).order_by(Contract.id)
        )
        return [(c.id, c.name, c.policy_id, c.valid_from, c.valid_to) for c in rows]


def _count(db: Database, model: Any) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _site(name: str, *, id: int | None = None, tz: str = "Europe/Brussels") -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": name,
        "address": "Kerkstraat 1",
        "city": "Gent",
        "country": "be",
        "timezone": tz,
        "phone": "",
    }
    if id is not None:
        row["id"] = str(id)
    return row


def _contract(
    number: str, policy: int, *, id: int | None = None, start: str = "2026-03-02", end: str = ""
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "number": number,
        "valid_from": start,
        "valid_to": end,
        "sla_policy": str(policy),
        "coverage": "24x7",
        "prepaid_hours": "",
    }
    if id is not None:
        row["id"] = id
    return row


def _company(
    sites: list[dict[str, Any]] | None = None,
    contracts: list[dict[str, Any]] | None = None,
    **over: Any,
) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "legal_name": "Acme NV",
        "registration_number": "",
        "main_phone": "+32 9 123 45 67",
        "main_email": "it@acme.example",
        "website": "",
        "sites": sites or [],
        "contracts": contracts or [],
        "products": [],
        "devices": [],
    }
    raw.update(over)
    return raw


def _draft_rows(db: Database, client_id: int) -> list[tuple[str, dict[str, Any]]]:
    with db.read() as s:
        rows = s.scalars(
            select(OnboardingDraft)
            .where(OnboardingDraft.client_id == client_id)
            .order_by(OnboardingDraft.section)
        )
        return [(d.section, d.data) for d in rows]


# --- form and drafts --------------------------------------------------------------------------


def test_a_new_client_has_nine_empty_sections(w: World) -> None:
    form = w.svc.form(w.client)
    assert form.client_id == w.client
    assert list(form.sections) == list(BY_KEY)
    assert len(form.sections) == 9
    for key, state in form.sections.items():
        assert state.key == key
        assert (state.data, state.version, state.saved_at, state.saved_by) == (None,) * 4
        assert (state.draft, state.draft_at, state.draft_by, state.draft_base_version) == (
            None,
        ) * 4


def test_form_of_an_unknown_client_is_not_found(w: World) -> None:
    with pytest.raises(NotFoundError):
        w.svc.form(999_999_999)


def test_a_draft_is_kept_exactly_as_typed_and_read_back(w: World) -> None:
    raw = {
        "legal_name": "  Acme\x00 NV ",
        "main_phone": "call us!",
        "website": "javascript:alert(1)",
        "sites": [{"name": "", "timezone": "Mars/Olympus", "extra": "ünïcødé ✓"}, {}],
        "unknown_key": ["kept", 1, None, True],
    }
    at = w.svc.save_draft(w.client, "company", raw, None, w.tech)
    assert at == NOW
    state = w.svc.form(w.client).sections["company"]
    assert state.draft == raw
    assert state.draft_at == NOW
    assert state.draft_by == w.tech_name
    assert state.draft_base_version is None
    # Nothing was saved and no record was created from a draft.
    assert state.data is None
    assert _sites(w.db, w.client) == []


def test_a_later_draft_replaces_the_same_technicians_earlier_one(w: World) -> None:
    w.svc.save_draft(w.client, "servers", {"servers": [{"hostname": "a"}]}, None, w.tech)
    w.clock.advance(minutes=5)
    w.svc.save_draft(w.client, "servers", {"servers": [{"hostname": "b"}]}, 3, w.tech)
    state = w.svc.form(w.client, w.tech).sections["servers"]
    assert state.draft == {"servers": [{"hostname": "b"}]}
    assert state.draft_at == NOW + dt.timedelta(minutes=5)
    assert state.draft_base_version == 3
    assert _draft_rows(w.db, w.client) == [("servers", {"servers": [{"hostname": "b"}]})]


def test_each_technician_keeps_their_own_draft(w: World) -> None:
    w.svc.save_draft(w.client, "servers", {"servers": [{"hostname": "a"}]}, None, w.tech)
    w.clock.advance(minutes=5)
    other = add_technician(w.db, "Bob Tech")
    w.svc.save_draft(w.client, "servers", {"servers": [{"hostname": "b"}]}, 3, other)
    mine = w.svc.form(w.client, w.tech).sections["servers"]
    theirs = w.svc.form(w.client, other).sections["servers"]
    newest = w.svc.form(w.client).sections["servers"]
    assert (mine.draft, mine.draft_base_version) == ({"servers": [{"hostname": "a"}]}, None)
    assert (theirs.draft, theirs.draft_by) == ({"servers": [{"hostname": "b"}]}, "Bob Tech")
    assert newest.draft == theirs.draft
    w.svc.discard_draft(w.client, "servers", other)
    assert w.svc.form(w.client, w.tech).sections["servers"].draft == mine.draft
    assert w.svc.form(w.client, other).sections["servers"].draft is None


def test_drafts_are_per_client_and_per_section(w: World) -> None:
    w.svc.save_draft(w.client, "vip", {"handling": "a"}, None, w.tech)
    w.svc.save_draft(w.client, "knowledge", {"start_page": "b"}, None, w.tech)
    w.svc.save_draft(w.other_client, "vip", {"handling": "c"}, None, w.tech)
    assert _draft_rows(w.db, w.client) == [
        ("knowledge", {"start_page": "b"}),
        ("vip", {"handling": "a"}),
    ]
    assert _draft_rows(w.db, w.other_client) == [("vip", {"handling": "c"})]


def test_discarding_a_draft_removes_only_that_draft(w: World) -> None:
    w.svc.save_draft(w.client, "vip", {"handling": "a"}, None, w.tech)
    w.svc.save_draft(w.client, "knowledge", {"start_page": "b"}, None, w.tech)
    w.svc.discard_draft(w.client, "vip", w.tech)
    form = w.svc.form(w.client)
    assert form.sections["vip"].draft is None
    assert form.sections["vip"].draft_at is None
    assert form.sections["knowledge"].draft == {"start_page": "b"}
    # Discarding when there is no draft is not an error.
    w.svc.discard_draft(w.client, "vip", w.tech)


def test_a_draft_of_an_unknown_client_is_not_found(w: World) -> None:
    with pytest.raises(NotFoundError):
        w.svc.save_draft(999_999_999, "vip", {}, None, w.tech)


@pytest.mark.parametrize("section", ["nope", "", "credentials", "COMPANY"])
def test_unknown_sections_are_refused(w: World, section: str) -> None:
    for call in (
        lambda: w.svc.save_draft(w.client, section, {}, None, w.tech),
        lambda: w.svc.save_section(w.client, section, {}, None, w.tech),
        lambda: w.svc.discard_draft(w.client, section, w.tech),
        lambda: w.svc.saved_data(w.client, section),
    ):
        with pytest.raises(ValidationError) as info:
            call()
        assert info.value.problems == {"section": "unknown"}
    assert _draft_rows(w.db, w.client) == []
    assert _count(w.db, OnboardingSection) == 0


# --- permissions ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["read_only", "inactive", "unknown"])
def test_only_active_editors_may_write(w: World, kind: str) -> None:
    if kind == "read_only":
        actor = add_technician(w.db, role=Role.READ_ONLY)
    elif kind == "inactive":
        actor = add_technician(w.db, active=False)
    else:
        actor = 999_999_999
    w.svc.save_draft(w.client, "vip", {"handling": "kept"}, None, w.tech)
    with pytest.raises(PermissionDeniedError) as info:
        w.svc.save_draft(w.client, "vip", {"handling": "x"}, None, actor)
    assert info.value.action == "edit_onboarding"
    with pytest.raises(PermissionDeniedError):
        w.svc.save_section(w.client, "knowledge", {"start_page": "x"}, None, actor)
    # An invalid save by a read-only account is refused too, and leaves no draft behind.
    with pytest.raises(PermissionDeniedError):
        w.svc.save_section(w.client, "company", {"legal_name": ""}, None, actor)
    with pytest.raises(PermissionDeniedError):
        w.svc.discard_draft(w.client, "vip", actor)
    assert _draft_rows(w.db, w.client) == [("vip", {"handling": "kept"})]
    assert _count(w.db, OnboardingSection) == 0


def test_an_admin_may_save(w: World) -> None:
    admin = add_technician(w.db, "Ada Admin", role=Role.ADMIN)
    saved = w.svc.save_section(w.client, "knowledge", {"start_page": "x"}, None, admin)
    assert saved.state.saved_by == "Ada Admin"


# --- saving: every section kind ---------------------------------------------------------------


def test_saving_a_section_stores_the_clean_document_and_drops_the_draft(w: World) -> None:
    raw = {"start_page": "# Acme\nCall Jan first.", "supported": "  Office  ", "out_of_scope": ""}
    w.svc.save_draft(w.client, "knowledge", raw, None, w.tech)
    saved = w.svc.save_section(w.client, "knowledge", raw, None, w.tech)
    expected = {"start_page": "# Acme\nCall Jan first.", "supported": "Office", "out_of_scope": ""}
    assert saved.state.key == "knowledge"
    assert saved.state.data == expected
    assert saved.state.version == 1
    assert saved.state.saved_at == NOW
    assert saved.state.saved_by == w.tech_name
    assert saved.state.draft is None
    assert saved.changes.kind == "client"
    assert saved.changes.ids == frozenset({w.client})
    assert w.svc.saved_data(w.client, "knowledge") == expected
    state = w.svc.form(w.client).sections["knowledge"]
    assert (state.data, state.version, state.saved_at, state.saved_by) == (
        expected,
        1,
        NOW,
        w.tech_name,
    )
    assert state.draft is None
    assert _draft_rows(w.db, w.client) == []


def test_each_save_bumps_the_version(w: World) -> None:
    s1 = w.svc.save_section(w.client, "knowledge", {"start_page": "one"}, None, w.tech)
    w.clock.advance(hours=1)
    s2 = w.svc.save_section(w.client, "knowledge", {"start_page": "two"}, s1.state.version, w.tech)
    assert (s1.state.version, s2.state.version) == (1, 2)
    assert s2.state.saved_at == NOW + dt.timedelta(hours=1)
    assert w.svc.saved_data(w.client, "knowledge") == {
        "start_page": "two",
        "supported": "",
        "out_of_scope": "",
    }
    assert w.svc.form(w.client).sections["knowledge"].version == 2


def test_servers_section(w: World) -> None:
    raw = {
        "servers": [
            {
                "key": "0b5c2a8e-5d5e-4b53-9a8e-3f1f2f4b6c01",
                "hostname": "DC01.acme.local.",
                "ip": "10.0.0.10",
                "role": "Domain controller",
                "os": "Windows Server 2022",
                "location": "Rack 1",
                "credential": "",
                "remote_method": "rdp",
            },
            {},
        ]
    }
    saved = w.svc.save_section(w.client, "servers", raw, None, w.tech)
    assert saved.state.data == {
        "servers": [
            {
                "key": "0b5c2a8e-5d5e-4b53-9a8e-3f1f2f4b6c01",
                "hostname": "dc01.acme.local",
                "ip": "10.0.0.10",
                "role": "Domain controller",
                "os": "Windows Server 2022",
                "location": "Rack 1",
                "credential": None,
                "remote_method": "rdp",
            }
        ]
    }


def test_remote_section(w: World) -> None:
    raw = {
        "rdp": [{"host": "rds.acme.example", "port": "3390", "gateway": "gw.acme.example"}],
        "ssh": [{"host": "2001:DB8::5", "port": "", "auth": "key"}],
        "winrm": [{"host": "10.0.0.10", "transport": "https", "port": "5986", "auth": "kerberos"}],
        "vpn": [{"type": "wireguard", "endpoint": "vpn.acme.example", "instructions": "a\nb"}],
        "tools": [{"name": "AnyDesk", "identifier": "123 456 789"}],
    }
    data = w.svc.save_section(w.client, "remote", raw, None, w.tech).state.data
    assert data is not None
    assert (data["rdp"][0]["host"], data["rdp"][0]["port"]) == ("rds.acme.example", 3390)
    assert (data["ssh"][0]["host"], data["ssh"][0]["port"]) == ("2001:db8::5", None)
    assert data["winrm"][0]["port"] == 5986
    assert data["vpn"][0]["instructions"] == "a\nb"
    assert data["tools"][0]["identifier"] == "123 456 789"
    assert w.svc.saved_data(w.client, "remote") == data


def test_verification_section_refers_to_the_clients_contacts_only(w: World) -> None:
    mine = _contact(w.db, w.client, "Jan Manager")
    theirs = _contact(w.db, w.other_client, "Other Manager")
    raw = {"method": "manager_approval", "manager_approver": str(mine)}
    data = w.svc.save_section(w.client, "verification", raw, None, w.tech).state.data
    assert data == {
        "method": "manager_approval",
        "manager_approver": mine,
        "instructions": "",
        "per_contact": [],
    }
    bad = {"method": "pin", "per_contact": [{"contact": str(theirs), "method": "pin"}]}
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "verification", bad, 1, w.tech)
    assert info.value.problems == {"per_contact[0].contact": "unknown_contact"}


# --- company: sites ---------------------------------------------------------------------------


def test_saving_sites_creates_them_and_writes_their_ids_into_the_document(w: World) -> None:
    raw = _company([_site("Head office"), _site("Warehouse", tz="europe/amsterdam")])
    saved = w.svc.save_section(w.client, "company", raw, None, w.tech)
    sites = _sites(w.db, w.client)
    assert [s[1:] for s in sites] == [
        ("Head office", "Kerkstraat 1", "Gent", "BE", "Europe/Brussels", ""),
        ("Warehouse", "Kerkstraat 1", "Gent", "BE", "Europe/Amsterdam", ""),
    ]
    data = saved.state.data
    assert data is not None
    assert [r["id"] for r in data["sites"]] == [sites[0][0], sites[1][0]]
    stored = w.svc.saved_data(w.client, "company")
    assert stored is not None
    assert [r["id"] for r in stored["sites"]] == [sites[0][0], sites[1][0]]
    assert _sites(w.db, w.other_client) == []


def test_saving_sites_again_updates_adds_and_deletes(w: World) -> None:
    first = w.svc.save_section(
        w.client, "company", _company([_site("Head office"), _site("Old depot")]), None, w.tech
    )
    assert first.state.data is not None
    hq, depot = (r["id"] for r in first.state.data["sites"])
    raw = _company([_site("HQ Gent", id=hq), _site("New lab")])
    second = w.svc.save_section(w.client, "company", raw, first.state.version, w.tech)
    sites = _sites(w.db, w.client)
    assert [(s[0], s[1]) for s in sites[:1]] == [(hq, "HQ Gent")]
    assert [s[1] for s in sites] == ["HQ Gent", "New lab"]
    assert depot not in {s[0] for s in sites}
    assert second.state.data is not None
    assert [r["id"] for r in second.state.data["sites"]] == [s[0] for s in sites]
    assert second.state.version == 2


def test_a_site_id_of_another_client_does_not_touch_that_site(w: World) -> None:
    other = w.svc.save_section(w.other_client, "company", _company([_site("Theirs")]), None, w.tech)
    assert other.state.data is not None
    their_id = other.state.data["sites"][0]["id"]
    w.svc.save_section(w.client, "company", _company([_site("Mine", id=their_id)]), None, w.tech)
    assert [s[1] for s in _sites(w.db, w.other_client)] == ["Theirs"]
    mine = _sites(w.db, w.client)
    assert [s[1] for s in mine] == ["Mine"]
    assert mine[0][0] != their_id


def test_the_same_site_twice_is_refused(w: World) -> None:
    first = w.svc.save_section(w.client, "company", _company([_site("HQ")]), None, w.tech)
    assert first.state.data is not None
    hq = first.state.data["sites"][0]["id"]
    raw = _company([_site("HQ", id=hq), _site("HQ copy", id=hq)])
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "company", raw, 1, w.tech)
    assert info.value.problems == {"sites[1]": "duplicate"}
    assert [s[1] for s in _sites(w.db, w.client)] == ["HQ"]


def test_a_site_still_referenced_by_a_contact_cannot_be_removed(w: World) -> None:
    first = w.svc.save_section(
        w.client, "company", _company([_site("HQ"), _site("Depot")]), None, w.tech
    )
    assert first.state.data is not None
    hq, depot = (r["id"] for r in first.state.data["sites"])
    _contact(w.db, w.client, "Jan at depot", site_id=depot)
    before_sites = _sites(w.db, w.client)
    before_doc = w.svc.saved_data(w.client, "company")
    # Renames HQ, adds a site and a contract, and drops the depot that Jan works at.
    raw = _company(
        [_site("HQ renamed", id=hq), _site("New site")],
        [_contract("C-1", w.policy)],
        legal_name="Acme Group NV",
    )
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "company", raw, 1, w.tech)
    assert info.value.problems == {"sites": "site_in_use"}
    # Nothing half-written: no rename, no new site, no contract, the same document and version.
    assert _sites(w.db, w.client) == before_sites
    assert _contracts(w.db, w.client) == []
    assert w.svc.saved_data(w.client, "company") == before_doc
    state = w.svc.form(w.client).sections["company"]
    assert state.version == 1
    # What was typed is kept as the draft.
    assert state.draft == raw
    assert state.draft_base_version == 1


def test_clearing_a_sites_row_deletes_that_site(w: World) -> None:
    first = w.svc.save_section(w.client, "company", _company([_site("HQ")]), None, w.tech)
    assert first.state.data is not None
    hq = first.state.data["sites"][0]["id"]
    blank_with_id = {"id": str(hq), "name": "", "timezone": ""}
    w.svc.save_section(w.client, "company", _company([blank_with_id]), 1, w.tech)
    assert _sites(w.db, w.client) == []


# --- company: contracts -----------------------------------------------------------------------


def test_contracts_are_created_updated_and_deleted(w: World) -> None:
    other_policy = add_policy(w.db, add_calendar(w.db), is_default=False)
    raw = _company(
        contracts=[
            _contract("C-1", w.policy, end="2026-12-31"),
            _contract("C-2", w.policy, start="2027-01-01"),
        ]
    )
    first = w.svc.save_section(w.client, "company", raw, None, w.tech)
    contracts = _contracts(w.db, w.client)
    c1, c2 = contracts[0][0], contracts[1][0]
    assert contracts == [
        (c1, "C-1", w.policy, dt.date(2026, 3, 2), dt.date(2026, 12, 31)),
        (c2, "C-2", w.policy, dt.date(2027, 1, 1), None),
    ]
    assert first.state.data is not None
    assert [r["id"] for r in first.state.data["contracts"]] == [c1, c2]

    raw = _company(
        contracts=[
            _contract("C-1b", other_policy, id=c1, start="2026-04-01", end=""),
            _contract("C-3", w.policy, start="2028-01-01", end="2028-12-31"),
        ]
    )
    second = w.svc.save_section(w.client, "company", raw, 1, w.tech)
    contracts = _contracts(w.db, w.client)
    c3 = contracts[1][0]
    assert contracts == [
        (c1, "C-1b", other_policy, dt.date(2026, 4, 1), None),
        (c3, "C-3", w.policy, dt.date(2028, 1, 1), dt.date(2028, 12, 31)),
    ]
    assert c3 not in (c1, c2)
    assert second.state.data is not None
    assert [r["id"] for r in second.state.data["contracts"]] == [c1, c3]

    w.svc.save_section(w.client, "company", _company(), 2, w.tech)
    assert _contracts(w.db, w.client) == []


def test_a_contract_ending_before_it_starts_is_refused_and_nothing_written(w: World) -> None:
    first = w.svc.save_section(
        w.client, "company", _company(contracts=[_contract("C-1", w.policy)]), None, w.tech
    )
    before = _contracts(w.db, w.client)
    assert first.state.data is not None
    c1 = first.state.data["contracts"][0]["id"]
    raw = _company(
        [_site("New site")],
        [_contract("C-1 renamed", w.policy, id=c1), _contract("C-2", w.policy, end="2026-03-01")],
    )
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "company", raw, 1, w.tech)
    assert info.value.problems == {"contracts[1].valid_to": "before_start"}
    assert _contracts(w.db, w.client) == before
    assert _sites(w.db, w.client) == []
    assert w.svc.form(w.client).sections["company"].draft == raw


def test_a_contract_may_start_and_end_on_the_same_day(w: World) -> None:
    raw = _company(contracts=[_contract("C-1", w.policy, start="2026-03-02", end="2026-03-02")])
    w.svc.save_section(w.client, "company", raw, None, w.tech)
    assert [c[3:] for c in _contracts(w.db, w.client)] == [
        (dt.date(2026, 3, 2), dt.date(2026, 3, 2))
    ]


def test_the_same_contract_twice_is_refused_like_a_duplicated_site(w: World) -> None:
    first = w.svc.save_section(
        w.client, "company", _company(contracts=[_contract("C-1", w.policy)]), None, w.tech
    )
    assert first.state.data is not None
    c1 = first.state.data["contracts"][0]["id"]
    raw = _company(
        contracts=[_contract("C-1", w.policy, id=c1), _contract("C-1 copy", w.policy, id=c1)]
    )
    # Accepting it would leave two document rows for one contract (the first row's edits lost).
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "company", raw, 1, w.tech)
    assert info.value.problems == {"contracts[1]": "duplicate"}


def test_a_contract_id_of_another_client_does_not_touch_that_contract(w: World) -> None:
    other = w.svc.save_section(
        w.other_client, "company", _company(contracts=[_contract("T-1", w.policy)]), None, w.tech
    )
    assert other.state.data is not None
    theirs = other.state.data["contracts"][0]["id"]
    raw = _company(contracts=[_contract("M-1", w.policy, id=theirs)])
    w.svc.save_section(w.client, "company", raw, None, w.tech)
    assert [c[1] for c in _contracts(w.db, w.other_client)] == ["T-1"]
    mine = _contracts(w.db, w.client)
    assert [c[1] for c in mine] == ["M-1"]
    assert mine[0][0] != theirs


def test_an_unknown_policy_is_refused(w: World) -> None:
    raw = _company(contracts=[_contract("C-1", 999_999_999)])
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "company", raw, None, w.tech)
    assert info.value.problems == {"contracts[0].sla_policy": "unknown_policy"}
    assert _contracts(w.db, w.client) == []


# --- contact flags ----------------------------------------------------------------------------


def test_vip_flags_are_set_to_exactly_the_listed_contacts(w: World) -> None:
    a = _contact(w.db, w.client, "Alice")
    b = _contact(w.db, w.client, "Bob")
    c = _contact(w.db, w.client, "Carol", vip=True, approver=True, escalation=True)
    d = _contact(w.db, w.client, "Dave", vip=True)
    theirs = _contact(w.db, w.other_client, "Other VIP", vip=True)
    raw = {
        "priority_floor": "P2",
        "direct_to_l2": True,
        "account_manager": str(w.tech),
        "contacts": [{"contact": str(a), "note": "CEO"}, {"contact": str(b)}, {"contact": str(a)}],
    }
    saved = w.svc.save_section(w.client, "vip", raw, None, w.tech)
    assert saved.state.data is not None
    assert saved.state.data["account_manager"] == w.tech
    assert _flags(w.db, a, b, c, d, theirs) == {
        a: (True, False, False),
        b: (True, False, False),
        c: (False, True, True),
        d: (False, False, False),
        theirs: (True, False, False),
    }
    # An empty table clears every VIP of this client, and only of this client.
    w.svc.save_section(w.client, "vip", {"contacts": []}, 1, w.tech)
    assert _flags(w.db, a, b, c, d, theirs) == {
        a: (False, False, False),
        b: (False, False, False),
        c: (False, True, True),
        d: (False, False, False),
        theirs: (True, False, False),
    }


def test_a_vip_of_another_client_is_refused_and_no_flag_changes(w: World) -> None:
    mine = _contact(w.db, w.client, "Mine", vip=True)
    theirs = _contact(w.db, w.other_client, "Theirs")
    raw = {"contacts": [{"contact": str(theirs)}]}
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "vip", raw, None, w.tech)
    assert info.value.problems == {"contacts[0].contact": "unknown_contact"}
    assert _flags(w.db, mine, theirs) == {mine: (True, False, False), theirs: (False, False, False)}


def test_authorised_approvers_are_set_to_exactly_the_listed_contacts(w: World) -> None:
    a = _contact(w.db, w.client, "Alice", approver=True)
    b = _contact(w.db, w.client, "Bob", vip=True)
    c = _contact(w.db, w.client, "Carol", approver=True)
    raw = {
        "after_hours": "Call the on-call manager",
        "rules": [{"work": "Reboot in business hours", "applies_to": "any"}],
        "approvers": [{"contact": str(b), "scope": "Reboots"}],
    }
    w.svc.save_section(w.client, "permissions", raw, None, w.tech)
    assert _flags(w.db, a, b, c) == {
        a: (False, False, False),
        b: (True, True, False),
        c: (False, False, False),
    }


def test_escalation_contacts_are_set_to_exactly_the_listed_contacts(w: World) -> None:
    a = _contact(w.db, w.client, "Alice")
    b = _contact(w.db, w.client, "Bob", escalation=True)
    c = _contact(w.db, w.client, "Carol", escalation=True, vip=True)
    raw = {
        "contacts": [
            {"priority": "P1", "order": "1", "contact": str(a), "hours": "any"},
            {"priority": "P2", "order": "2", "contact": str(b), "hours": "after_hours"},
        ],
        "vendors": [
            {
                "vendor": "Proximus",
                "service": "Fibre",
                "support_phone": "+32 800 22 800",
                "support_url": "proximus.be/support",
            }
        ],
    }
    saved = w.svc.save_section(w.client, "escalation", raw, None, w.tech)
    assert saved.state.data is not None
    assert saved.state.data["vendors"][0]["support_url"] == "https://proximus.be/support"
    assert _flags(w.db, a, b, c) == {
        a: (False, False, True),
        b: (False, False, True),
        c: (True, False, False),
    }


# --- refused saves ----------------------------------------------------------------------------


def test_a_refused_save_keeps_the_raw_text_as_the_draft(w: World) -> None:
    raw = {
        "legal_name": "",
        "main_phone": "call us",
        "main_email": "it@acme",
        "website": "exa mple.com",
        "sites": [{"name": "HQ", "timezone": "Mars/Olympus", "country": "BEL"}],
        "contracts": [],
        "products": [],
        "devices": [],
    }
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "company", raw, None, w.tech)
    assert info.value.problems == {
        "legal_name": "required",
        "main_phone": "invalid_phone",
        "main_email": "invalid_email",
        "website": "invalid_url",
        "sites[0].country": "invalid_country",
        "sites[0].timezone": "unknown_timezone",
    }
    state = w.svc.form(w.client).sections["company"]
    assert state.draft == raw
    assert state.draft_at == NOW
    assert state.draft_by == w.tech_name
    assert state.draft_base_version is None
    assert state.data is None
    assert _sites(w.db, w.client) == []


def test_a_refused_save_keeps_nul_characters_in_the_draft(w: World) -> None:
    raw = {"start_page": "line\x00one", "supported": "ok"}
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "knowledge", raw, None, w.tech)
    assert info.value.problems == {"start_page": "invalid"}
    assert w.svc.form(w.client).sections["knowledge"].draft == raw


def test_a_refused_save_leaves_the_saved_version_alone(w: World) -> None:
    w.svc.save_section(w.client, "knowledge", {"start_page": "v1"}, None, w.tech)
    with pytest.raises(ValidationError):
        w.svc.save_section(w.client, "knowledge", {"start_page": "\x00"}, 1, w.tech)
    state = w.svc.form(w.client).sections["knowledge"]
    assert state.version == 1
    assert state.data == {"start_page": "v1", "supported": "", "out_of_scope": ""}
    assert state.draft == {"start_page": "\x00"}
    assert state.draft_base_version == 1


def test_saving_for_an_unknown_client_is_not_found(w: World) -> None:
    with pytest.raises(NotFoundError):
        w.svc.save_section(999_999_999, "knowledge", {}, None, w.tech)


# --- concurrent edits -------------------------------------------------------------------------


def test_a_save_over_someone_elses_save_is_refused_and_nothing_written(w: World) -> None:
    bob = add_technician(w.db, "Bob Tech")
    a = _contact(w.db, w.client, "Alice")
    b = _contact(w.db, w.client, "Bob")
    w.svc.save_section(w.client, "vip", {"contacts": [{"contact": str(a)}]}, None, bob)
    w.clock.advance(minutes=3)
    # Ann started from "never saved" and saves now.
    raw = {"handling": "mine", "contacts": [{"contact": str(b)}]}
    with pytest.raises(ConcurrentEditError) as info:
        w.svc.save_section(w.client, "vip", raw, None, w.tech)
    err = info.value
    assert (err.kind, err.record_id, err.current_version) == ("onboarding_section", w.client, 1)
    assert err.changed_by == "Bob Tech"
    assert err.changed_at == NOW
    assert _flags(w.db, a, b) == {a: (True, False, False), b: (False, False, False)}
    state = w.svc.form(w.client).sections["vip"]
    assert state.version == 1
    assert state.data is not None
    assert state.data["handling"] == ""


def test_a_stale_version_is_refused(w: World) -> None:
    w.svc.save_section(w.client, "knowledge", {"start_page": "v1"}, None, w.tech)
    w.svc.save_section(w.client, "knowledge", {"start_page": "v2"}, 1, w.tech)
    with pytest.raises(ConcurrentEditError) as info:
        w.svc.save_section(w.client, "knowledge", {"start_page": "v2b"}, 1, w.tech)
    assert info.value.current_version == 2
    assert w.svc.saved_data(w.client, "knowledge") == {
        "start_page": "v2",
        "supported": "",
        "out_of_scope": "",
    }


def test_a_version_for_a_never_saved_section_is_refused(w: World) -> None:
    with pytest.raises(ConcurrentEditError) as info:
        w.svc.save_section(w.client, "company", _company([_site("HQ")]), 1, w.tech)
    assert info.value.current_version == 0
    assert info.value.changed_by is None
    assert _sites(w.db, w.client) == []
    assert _count(w.db, OnboardingSection) == 0


def test_a_stale_company_save_creates_no_sites_or_contracts(w: World) -> None:
    w.svc.save_section(w.client, "company", _company(), None, w.tech)
    raw = _company([_site("HQ")], [_contract("C-1", w.policy)])
    with pytest.raises(ConcurrentEditError):
        w.svc.save_section(w.client, "company", raw, None, w.tech)
    assert _sites(w.db, w.client) == []
    assert _contracts(w.db, w.client) == []


# --- junk pastes ------------------------------------------------------------------------------


def test_five_thousand_rows_of_junk_in_devices_give_problems_quickly_and_keep_the_draft(
    w: World,
) -> None:
    junk = [{"serial": "", "description": f"zz\x00{i}", "site": "ÿ" * 250} for i in range(5000)]
    raw = _company(devices=junk)
    started = time.perf_counter()
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "company", raw, None, w.tech)
    elapsed = time.perf_counter() - started
    assert elapsed < 10.0
    problems = info.value.problems
    assert len(problems) == 15_000
    assert problems["devices[0].serial"] == "required"
    assert problems["devices[4999].description"] == "invalid"
    assert problems["devices[4999].site"] == "too_long"
    draft = w.svc.form(w.client).sections["company"].draft
    assert draft is not None
    assert len(draft["devices"]) == 5000
    assert draft == raw


def test_five_thousand_valid_devices_are_saved(w: World) -> None:
    devices = [{"serial": f"SN{i:05}", "description": "Laptop", "site": "HQ"} for i in range(5000)]
    saved = w.svc.save_section(w.client, "company", _company(devices=devices), None, w.tech)
    assert saved.state.data is not None
    assert len(saved.state.data["devices"]) == 5000
    stored = w.svc.saved_data(w.client, "company")
    assert stored is not None
    assert stored["devices"][4999]["serial"] == "SN04999"


def test_five_thousand_rows_in_the_servers_table_are_too_many(w: World) -> None:
    junk = [{"hostname": f"%%{i}", "role": "", "ip": "999.1.1.1"} for i in range(5000)]
    raw = {"servers": junk}
    started = time.perf_counter()
    with pytest.raises(ValidationError) as info:
        w.svc.save_section(w.client, "servers", raw, None, w.tech)
    assert time.perf_counter() - started < 10.0
    assert info.value.problems == {"servers": "too_many_rows"}
    assert w.svc.form(w.client).sections["servers"].draft == raw
