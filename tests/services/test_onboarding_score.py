"""app/services/onboarding_score.py: the onboarding completeness score (domain.md D12), with the
connectivity results it reads (app/services/connectivity.py, §3.3).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00 UTC. Form data is saved through OnboardingService as the form does.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from argon2 import PasswordHasher

from app.db import Database
from app.models import Contact, Vault, VaultItem
from app.models.enums import Role
from app.services.caller_verification import CallerVerificationService
from app.services.connectivity import ConnectivityService
from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.onboarding import OnboardingService
from app.services.onboarding_score import Check, Completeness, CompletenessService
from tests.factories import add_calendar, add_client, add_policy, add_technician
from tests.fakes import DEFAULT_NOW, FakeClock

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
NOT_SAVED = [
    "company",
    "servers",
    "remote",
    "vip",
    "verification",
    "permissions",
    "escalation",
    "knowledge",
]


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: CompletenessService
    client: int
    other: int
    tech: int
    policy: int
    ann: int
    bob: int


def _contact(db: Database, client_id: int, name: str) -> int:
    with db.write() as s:
        c = Contact(client_id=client_id, name=name, email=f"{name.split()[0].lower()}@x.example")
        s.add(c)
        s.flush()
        return c.id


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    client = add_client(db, "Acme NV")
    return World(
        db,
        clock,
        CompletenessService(db, clock),
        client,
        add_client(db, "Other BV"),
        add_technician(db, "Ann Tech"),
        add_policy(db, add_calendar(db), "Standard"),
        _contact(db, client, "Ann Client"),
        _contact(db, client, "Bob Client"),
    )


def save(w: World, section: str, raw: dict[str, Any], client: int | None = None) -> dict[str, Any]:
    svc = OnboardingService(w.db, w.clock)
    cid = client or w.client
    version = svc.form(cid).sections[section].version
    data = svc.save_section(cid, section, raw, version, w.tech).state.data
    assert data is not None
    return data


def add_item(w: World, client_id: int, rotated_at: dt.datetime | None) -> str:
    with w.db.write() as s:
        vault = s.query(Vault).filter(Vault.client_id == client_id).one_or_none()
        if vault is None:
            vault = Vault(client_id=client_id, kind="client", created_at=DEFAULT_NOW)
            s.add(vault)
            s.flush()
        item = VaultItem(
            id=str(uuid.uuid4()),
            vault_id=vault.id,
            key_version=1,
            kind="password",
            label=f"Admin {uuid.uuid4().hex[:6]}",
            updated_at=DEFAULT_NOW,
            rotated_at=rotated_at,
        )
        s.add(item)
        s.flush()
        return item.id


def codes(c: Completeness) -> list[tuple[str, str, str]]:
    return [(x.section, x.code, x.subject) for x in c.missing]


def check(c: Completeness, code: str, subject: str = "") -> Check:
    return next(x for x in c.checks if x.code == code and x.subject == subject)


def fill_everything(w: World) -> str:
    """Every section complete; returns the RDP method's key."""
    save(
        w,
        "company",
        {
            "legal_name": "Acme NV",
            "main_phone": "+32 9 123 45 67",
            "sites": [{"name": "HQ", "timezone": "Europe/Brussels"}],
            "contracts": [
                {
                    "number": "C-1",
                    "valid_from": "2026-01-01",
                    "sla_policy": str(w.policy),
                    "coverage": "24x7",
                }
            ],
        },
    )
    save(w, "servers", {"servers": [{"hostname": "dc01", "role": "Domain controller"}]})
    rdp = save(w, "remote", {"rdp": [{"host": "ts01.acme.local"}]})["rdp"][0]["key"]
    ConnectivityService(w.db, w.clock).record(w.client, rdp, "ok", w.tech)
    save(w, "vip", {"priority_floor": "P2"})
    save(w, "verification", {"method": "pin"})
    CallerVerificationService(w.db, w.clock, FAST_HASHER).set_pin(w.client, None, "2468", w.tech)
    save(w, "permissions", {"approvers": [{"contact": str(w.ann)}]})
    save(
        w,
        "escalation",
        {
            "contacts": [
                {"priority": "P1", "order": "1", "contact": str(w.ann), "hours": "any"},
                {"priority": "P2", "order": "1", "contact": str(w.bob), "hours": "any"},
            ]
        },
    )
    save(w, "knowledge", {"start_page": "# Acme\nAsk for Ann."})
    add_item(w, w.client, DEFAULT_NOW - dt.timedelta(days=30))
    return rdp


# --- the score ---------------------------------------------------------------------------------


def test_a_new_client_misses_everything(w: World) -> None:
    c = w.svc.completeness(w.client)
    assert c.client_id == w.client
    assert codes(c) == [
        *((s, "section_not_saved", "") for s in NOT_SAVED),
        ("company", "no_site", ""),
        ("company", "no_contract", ""),
        ("credentials", "no_admin_credential", ""),
        ("credentials", "no_recent_rotation", ""),
        ("servers", "no_server", ""),
        ("remote", "no_remote_method", ""),
        ("permissions", "no_approver", ""),
        ("escalation", "no_escalation_contact", "P1"),
        ("escalation", "no_escalation_contact", "P2"),
        ("knowledge", "no_kb_page", ""),
    ]
    assert len(c.checks) == 18
    assert c.percent == 0


def test_a_complete_client_scores_100(w: World) -> None:
    fill_everything(w)
    c = w.svc.completeness(w.client)
    assert c.missing == ()
    assert len(c.checks) == 20
    assert c.percent == 100
    assert check(c, "remote_failing", "rdp ts01.acme.local").ok
    assert check(c, "no_pin_on_file").ok


def test_other_clients_data_does_not_count(w: World) -> None:
    fill_everything(w)
    c = w.svc.completeness(w.other)
    assert c.percent == 0
    assert len(c.missing) == 18


def test_percent_rounds_the_share_of_passing_checks(w: World) -> None:
    save(w, "knowledge", {"start_page": "Hello"})
    c = w.svc.completeness(w.client)
    # 18 checks, 2 pass (knowledge saved, start page): 11.1 % -> 11.
    assert [(x.section, x.code) for x in c.checks if x.ok] == [
        ("knowledge", "section_not_saved"),
        ("knowledge", "no_kb_page"),
    ]
    assert c.percent == 11


def test_a_blank_start_page_is_no_kb_page(w: World) -> None:
    save(w, "knowledge", {"start_page": "   \n\t  ", "supported": "Office"})
    c = w.svc.completeness(w.client)
    saved = {x.section: x.ok for x in c.checks if x.code == "section_not_saved"}
    assert saved == {s: s == "knowledge" for s in NOT_SAVED}
    assert not check(c, "no_kb_page").ok


def test_unknown_client(w: World) -> None:
    with pytest.raises(NotFoundError):
        w.svc.completeness(999_999_999)


# --- credentials and rotation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "fresh"),
    [
        (dt.timedelta(days=0), True),
        (dt.timedelta(days=364, hours=23), True),
        (dt.timedelta(days=365), True),
        (dt.timedelta(days=365, seconds=1), False),
        (dt.timedelta(days=800), False),
    ],
)
def test_rotation_within_365_days(w: World, age: dt.timedelta, fresh: bool) -> None:
    add_item(w, w.client, DEFAULT_NOW - age)
    c = w.svc.completeness(w.client)
    assert check(c, "no_admin_credential").ok
    assert check(c, "no_recent_rotation").ok is fresh


def test_a_never_rotated_credential_is_not_recent(w: World) -> None:
    add_item(w, w.client, None)
    c = w.svc.completeness(w.client)
    assert check(c, "no_admin_credential").ok
    assert not check(c, "no_recent_rotation").ok


def test_one_fresh_credential_is_enough(w: World) -> None:
    add_item(w, w.client, None)
    add_item(w, w.client, DEFAULT_NOW - dt.timedelta(days=900))
    assert not check(w.svc.completeness(w.client), "no_recent_rotation").ok
    add_item(w, w.client, DEFAULT_NOW - dt.timedelta(days=10))
    assert check(w.svc.completeness(w.client), "no_recent_rotation").ok


def test_rotation_ages_with_the_clock(w: World) -> None:
    add_item(w, w.client, DEFAULT_NOW)
    assert check(w.svc.completeness(w.client), "no_recent_rotation").ok
    w.clock.advance(days=365, seconds=1)
    assert not check(w.svc.completeness(w.client), "no_recent_rotation").ok


def test_another_clients_credential_does_not_count(w: World) -> None:
    add_item(w, w.other, DEFAULT_NOW)
    c = w.svc.completeness(w.client)
    assert not check(c, "no_admin_credential").ok
    assert not check(c, "no_recent_rotation").ok


# --- remote methods and connectivity ----------------------------------------------------------


def test_each_remote_method_is_a_check_named_by_kind_and_address(w: World) -> None:
    data = save(
        w,
        "remote",
        {
            "rdp": [{"host": "ts01.acme.local"}],
            "ssh": [{"host": "10.0.0.5", "auth": "key"}],
            "winrm": [{"host": "dc01.acme.local", "transport": "https", "auth": "kerberos"}],
            "vpn": [{"type": "ipsec", "endpoint": "vpn.acme.example"}],
            "tools": [{"name": "TeamViewer", "identifier": "123 456 789"}],
        },
    )
    keys = {kind: data[kind][0]["key"] for kind in ("rdp", "ssh", "winrm", "vpn", "tools")}
    conn = ConnectivityService(w.db, w.clock)
    conn.record(w.client, keys["ssh"], "ok", w.tech)
    conn.record(w.client, keys["winrm"], "failed", w.tech, how="winrm", detail="401")
    c = w.svc.completeness(w.client)
    assert [(x.code, x.subject, x.ok) for x in c.checks if x.section == "remote"] == [
        ("section_not_saved", "", True),
        ("no_remote_method", "", True),
        ("remote_never_tested", "rdp ts01.acme.local", False),
        ("remote_failing", "ssh 10.0.0.5", True),
        ("remote_failing", "winrm dc01.acme.local", False),
        ("remote_never_tested", "vpn vpn.acme.example", False),
        ("remote_never_tested", "tools TeamViewer", False),
    ]
    methods = conn.methods(w.client)
    assert [(m.kind, m.address, m.outcome) for m in methods] == [
        ("rdp", "ts01.acme.local", None),
        ("ssh", "10.0.0.5", "ok"),
        ("winrm", "dc01.acme.local", "failed"),
        ("vpn", "vpn.acme.example", None),
        ("tools", "TeamViewer", None),
    ]
    winrm = methods[2]
    assert (winrm.checked_at, winrm.checked_by, winrm.detail) == (DEFAULT_NOW, "Ann Tech", "401")


def test_the_latest_result_per_method_counts(w: World) -> None:
    (row,) = save(w, "remote", {"rdp": [{"host": "ts01.acme.local"}]})["rdp"]
    conn = ConnectivityService(w.db, w.clock)
    conn.record(w.client, row["key"], "failed", w.tech)
    w.clock.advance(minutes=1)
    conn.record(w.client, row["key"], "ok", w.tech)
    assert check(w.svc.completeness(w.client), "remote_failing", "rdp ts01.acme.local").ok
    w.clock.advance(minutes=1)
    conn.record(w.client, row["key"], "failed", w.tech, detail="refused")
    assert not check(w.svc.completeness(w.client), "remote_failing", "rdp ts01.acme.local").ok
    (m,) = conn.methods(w.client)
    assert (m.outcome, m.detail, m.checked_at) == (
        "failed",
        "refused",
        DEFAULT_NOW + dt.timedelta(minutes=2),
    )


def test_results_follow_the_row_key_when_the_section_is_saved_again(w: World) -> None:
    (row,) = save(w, "remote", {"rdp": [{"host": "ts01.acme.local"}]})["rdp"]
    conn = ConnectivityService(w.db, w.clock)
    conn.record(w.client, row["key"], "ok", w.tech)
    # Saved again with the row's key kept (the form does): the result stays.
    save(w, "remote", {"rdp": [{"key": row["key"], "host": "ts01.acme.local", "port": "3390"}]})
    assert [m.outcome for m in conn.methods(w.client)] == ["ok"]
    # The method removed: its result no longer shows, no method is left.
    save(w, "remote", {})
    c = w.svc.completeness(w.client)
    assert conn.methods(w.client) == []
    assert not check(c, "no_remote_method").ok


def test_recording_validates_outcome_method_and_actor(w: World) -> None:
    (row,) = save(w, "remote", {"rdp": [{"host": "ts01.acme.local"}]})["rdp"]
    conn = ConnectivityService(w.db, w.clock)
    with pytest.raises(ValidationError) as e:
        conn.record(w.client, row["key"], "maybe", w.tech)
    assert e.value.problems == {"outcome": "invalid_choice"}
    with pytest.raises(ValidationError) as e:
        conn.record(w.client, str(uuid.uuid4()), "ok", w.tech)
    assert e.value.problems == {"method": "unknown"}
    # Another client's method key is unknown here.
    with pytest.raises(ValidationError):
        conn.record(w.other, row["key"], "ok", w.tech)
    reader = add_technician(w.db, "Rita Reader", role=Role.READ_ONLY)
    with pytest.raises(PermissionDeniedError):
        conn.record(w.client, row["key"], "ok", reader)
    assert [m.outcome for m in conn.methods(w.client)] == [None]


# --- verification, approvers, escalation ----------------------------------------------------


def test_a_pin_rule_needs_a_pin_on_file(w: World) -> None:
    save(w, "verification", {"method": "callback"})
    c = w.svc.completeness(w.client)
    assert not any(x.code == "no_pin_on_file" for x in c.checks)
    save(w, "verification", {"method": "pin"})
    assert not check(w.svc.completeness(w.client), "no_pin_on_file").ok
    # Another client's PIN does not count; the contact's own PIN does.
    cv = CallerVerificationService(w.db, w.clock, FAST_HASHER)
    cv.set_pin(w.other, None, "1111", w.tech)
    assert not check(w.svc.completeness(w.client), "no_pin_on_file").ok
    cv.set_pin(w.client, w.ann, "123456", w.tech)
    assert check(w.svc.completeness(w.client), "no_pin_on_file").ok


def test_approvers_and_escalation_per_priority(w: World) -> None:
    save(w, "permissions", {"rules": [{"work": "Reboot", "applies_to": "any"}]})
    save(
        w,
        "escalation",
        {"contacts": [{"priority": "P1", "order": "1", "contact": str(w.ann), "hours": "any"}]},
    )
    c = w.svc.completeness(w.client)
    assert not check(c, "no_approver").ok
    assert check(c, "no_escalation_contact", "P1").ok
    assert not check(c, "no_escalation_contact", "P2").ok
    save(
        w,
        "escalation",
        {
            "contacts": [
                {"priority": "P3", "order": "1", "contact": str(w.ann), "hours": "any"},
                {"priority": "P4", "order": "2", "contact": str(w.bob), "hours": "after_hours"},
            ]
        },
    )
    c = w.svc.completeness(w.client)
    assert [x.subject for x in c.missing if x.code == "no_escalation_contact"] == ["P1", "P2"]


def test_sites_and_contracts(w: World) -> None:
    save(w, "company", {"legal_name": "Acme NV", "main_phone": "+32 9 123 45 67"})
    c = w.svc.completeness(w.client)
    saved = {x.section: x.ok for x in c.checks if x.code == "section_not_saved"}
    assert saved == {s: s == "company" for s in NOT_SAVED}
    assert not check(c, "no_site").ok
    assert not check(c, "no_contract").ok
