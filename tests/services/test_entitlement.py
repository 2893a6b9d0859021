"""app/services/entitlement.py: the intake lookup (`find`) and the entitlement card (`card`).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00Z = 10:00 in Brussels. "Office" is Mon–Fri 09:00–17:00 Europe/Brussels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from app.db import Database
from app.models import Asset, Contact, Contract, Licence, Ticket, TimeEntry
from app.models.entitlement import normalise_key
from app.models.enums import Priority, Status
from app.services.entitlement import (
    DeviceProblem,
    EntitlementService,
    Validity,
    priority_after_floor,
)
from app.services.entitlement_search import MatchKind
from app.services.errors import NotFoundError
from app.services.onboarding import OnboardingService
from tests.factories import (
    add_calendar,
    add_client,
    add_policy,
    add_technician,
    add_ticket,
)
from tests.fakes import FakeClock

D = dt.date
JAN_1: dt.date = D(2026, 1, 1)


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: EntitlementService
    office: int
    always: int
    acme: int
    globex: int
    acme_contract: int
    globex_contract: int
    vera: int
    norm: int
    tech: int


def contract(
    db: Database,
    client_id: int,
    policy_id: int,
    number: str,
    *,
    start: dt.date = JAN_1,
    end: dt.date | None = None,
    prepaid_minutes: int | None = None,
    exclusions: tuple[str, ...] = (),
) -> int:
    with db.write() as s:
        c = Contract(
            client_id=client_id,
            policy_id=policy_id,
            name=f"Managed {number}",
            number=number,
            number_key=normalise_key(number),
            valid_from=start,
            valid_to=end,
            prepaid_minutes=prepaid_minutes,
            exclusions=list(exclusions),
            max_tier="L2",
            on_site=True,
        )
        s.add(c)
        s.flush()
        return c.id


def asset(
    db: Database,
    client_id: int,
    serial: str,
    *,
    contract_id: int | None = None,
    tag: str = "",
    covered_until: dt.date | None = None,
    contact_id: int | None = None,
) -> int:
    with db.write() as s:
        a = Asset(
            client_id=client_id,
            contract_id=contract_id,
            contact_id=contact_id,
            serial=serial,
            serial_key=normalise_key(serial),
            asset_tag=tag,
            tag_key=normalise_key(tag),
            kind="laptop",
            description=f"Laptop {serial}",
            covered_until=covered_until,
            created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        )
        s.add(a)
        s.flush()
        return a.id


def licence(
    db: Database, client_id: int, product: str, bought: int, used: int, key: str = ""
) -> int:
    with db.write() as s:
        x = Licence(
            client_id=client_id,
            product=product,
            licence_key=key,
            key_norm=normalise_key(key),
            seats_bought=bought,
            seats_used=used,
        )
        s.add(x)
        s.flush()
        return x.id


def contact(db: Database, client_id: int, name: str, phone: str = "", *, vip: bool = False) -> int:
    with db.write() as s:
        c = Contact(
            client_id=client_id,
            name=name,
            email=f"{name.split()[0].lower()}@{client_id}.example",
            phone=phone,
            vip=vip,
        )
        s.add(c)
        s.flush()
        return c.id


def save(w: World, client_id: int, section: str, raw: dict[str, Any]) -> None:
    svc = OnboardingService(w.db, w.clock)
    version = svc.form(client_id).sections[section].version
    svc.save_section(client_id, section, raw, version, w.tech)


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    office = add_policy(db, add_calendar(db, "Brussels office"), "Office hours", is_default=True)
    always = add_policy(
        db, add_calendar(db, "Round the clock", always_open=True), "24x7", is_default=False
    )
    acme = add_client(db, "Acme NV")
    globex = add_client(db, "Globex BV")
    return World(
        db,
        clock,
        EntitlementService(db, clock),
        office,
        always,
        acme,
        globex,
        contract(db, acme, office, "MSP-2026-001", prepaid_minutes=600),
        contract(db, globex, always, "GLX 77"),
        contact(db, acme, "Vera Vip", "+32 475 12 34 56", vip=True),
        contact(db, acme, "Norm Normal", "09 222 33 44"),
        add_technician(db, "Ann Tech"),
    )


def kinds(found: list[Any]) -> list[tuple[MatchKind, str, bool]]:
    return [(c.kind, c.matched, c.exact) for c in found]


# --- find: every key type ---------------------------------------------------------------------


def test_a_serial_is_found_however_it_is_typed_exact_before_prefix(w: World) -> None:
    exact = asset(w.db, w.acme, "5CG-1234 ABC", contract_id=w.acme_contract)
    longer = asset(w.db, w.acme, "5CG1234ABCD", contract_id=w.acme_contract)
    asset(w.db, w.globex, "XYZ999")
    found = w.svc.find("5cg 1234-abc")
    assert [(c.kind, c.asset_id, c.exact) for c in found] == [
        (MatchKind.SERIAL, exact, True),
        (MatchKind.SERIAL, longer, False),
    ]
    first = found[0]
    assert (first.client_id, first.client_name, first.contract_id) == (
        w.acme,
        "Acme NV",
        w.acme_contract,
    )
    assert first.contract_label == "MSP-2026-001 \u2014 Managed MSP-2026-001"


def test_an_asset_tag_a_licence_key_and_a_contract_number_are_found(w: World) -> None:
    tagged = asset(w.db, w.acme, "SN-1", tag="ACME-0042")
    key = licence(w.db, w.globex, "Office 365", 10, 5, key="ABCD-EFGH-1234")
    assert [(c.kind, c.asset_id, c.exact) for c in w.svc.find("acme 0042")] == [
        (MatchKind.ASSET_TAG, tagged, True)
    ]
    found = w.svc.find("abcdefgh1234")
    assert kinds(found) == [(MatchKind.LICENCE, "ABCD-EFGH-1234", True)]
    assert (found[0].client_id, key) == (w.globex, key)
    found = w.svc.find("msp 2026 001")
    assert [(c.kind, c.contract_id, c.exact, c.shared_by) for c in found] == [
        (MatchKind.CONTRACT, w.acme_contract, True, 1)
    ]


def test_callers_are_found_by_name_email_and_phone_in_any_format(w: World) -> None:
    assert [(c.kind, c.contact_id) for c in w.svc.find("vera")] == [(MatchKind.CONTACT, w.vera)]
    assert [(c.kind, c.contact_id, c.exact) for c in w.svc.find(f"vera@{w.acme}.example")] == [
        (MatchKind.EMAIL, w.vera, True)
    ]
    for typed in ("0475 12 34 56", "+32475123456", "475-123-456", "(0475) 12.34.56"):
        found = w.svc.find(typed)
        assert [(c.kind, c.contact_id, c.exact) for c in found] == [
            (MatchKind.PHONE, w.vera, True)
        ], typed
    assert [c.contact_id for c in w.svc.find("092223344")] == [w.norm]


def test_clients_are_found_by_name_and_code(w: World) -> None:
    assert [(c.kind, c.client_id) for c in w.svc.find("globex")] == [(MatchKind.CLIENT, w.globex)]
    with w.db.read() as s:
        from app.models import Client

        code = s.get(Client, w.acme).code  # type: ignore[union-attr]
    found = [c for c in w.svc.find(code) if c.kind is MatchKind.CLIENT]
    assert (found[0].client_id, found[0].exact) == (w.acme, True)


def test_empty_one_letter_and_unknown_text_find_nothing(w: World) -> None:
    asset(w.db, w.acme, "5CG1234")
    assert w.svc.find("") == []
    assert w.svc.find("  5 ") == []
    assert w.svc.find("NOPE-0000-XX") == []


def test_control_characters_and_huge_text_do_not_break_the_lookup(w: World) -> None:
    laptop = asset(w.db, w.acme, "AB1234")
    assert [c.asset_id for c in w.svc.find("AB\x0012\t34")] == [laptop]
    assert w.svc.find("A" * 10_000) == []
    assert w.svc.find("\x00\x00\x00") == []


def test_like_wildcards_are_plain_characters(w: World) -> None:
    asset(w.db, w.acme, "AB1234")
    contact(w.db, w.acme, "Percy 100% Sure")
    assert w.svc.find("%%") == []
    assert w.svc.find("__") == []
    assert [c.contact_name for c in w.svc.find("100%")] == ["Percy 100% Sure"]
    assert w.svc.find("A_1234") == []


def test_a_contract_number_held_by_two_clients_gives_one_candidate_per_client(w: World) -> None:
    shared = contract(w.db, w.globex, w.always, "MSP-2026-001")
    found = w.svc.find("MSP-2026-001")
    assert [(c.client_id, c.contract_id, c.shared_by) for c in found] == [
        (w.acme, w.acme_contract, 2),
        (w.globex, shared, 2),
    ]


def test_the_limit_caps_the_list(w: World) -> None:
    for n in range(30):
        asset(w.db, w.acme, f"BULK{n:03d}")
    assert len(w.svc.find("bulk")) == 20
    assert len(w.svc.find("bulk", limit=5)) == 5


# --- card ---------------------------------------------------------------------------------------


def test_the_card_of_a_covered_device_during_business_hours(w: World) -> None:
    laptop = asset(w.db, w.acme, "SN-1", contract_id=w.acme_contract, contact_id=w.vera)
    card = w.svc.card(w.acme, w.vera, laptop)
    assert (card.client_name, card.contact_name, card.contact_vip) == ("Acme NV", "Vera Vip", True)
    assert card.contract is not None
    assert (card.contract.contract_id, card.validity, card.contract.max_tier) == (
        w.acme_contract,
        Validity.VALID,
        "L2",
    )
    assert card.contract.on_site
    assert card.policy_name == "Office hours"
    assert card.coverage is not None
    assert (card.coverage.open_now, card.coverage.always_open) == (True, False)
    assert card.coverage.until is not None
    assert card.coverage.until.replace(tzinfo=None) == dt.datetime(2026, 3, 2, 17, 0)
    assert card.coverage.timezone == "Europe/Brussels"
    assert card.device is not None and card.device.covered


def test_after_hours_the_card_says_when_the_desk_opens(w: World) -> None:
    w.clock.set(dt.datetime(2026, 3, 6, 18, 30, tzinfo=dt.UTC))  # Friday 19:30 in Brussels
    card = w.svc.card(w.acme)
    assert card.coverage is not None and not card.coverage.open_now
    assert card.coverage.opens is not None
    assert card.coverage.opens.replace(tzinfo=None) == dt.datetime(2026, 3, 9, 9, 0)


def test_a_24x7_contract_is_always_open(w: World) -> None:
    w.clock.set(dt.datetime(2026, 3, 8, 3, 0, tzinfo=dt.UTC))  # Sunday night
    card = w.svc.card(w.globex)
    assert card.coverage is not None
    assert (card.coverage.always_open, card.coverage.open_now, card.policy_name) == (
        True,
        True,
        "24x7",
    )


def test_an_expired_contract_is_shown_with_its_end_and_its_devices_are_not_covered(
    w: World,
) -> None:
    client = add_client(w.db, "Expired Ltd")
    old = contract(w.db, client, w.always, "OLD-1", start=D(2024, 1, 1), end=D(2025, 12, 31))
    laptop = asset(w.db, client, "EXP-1", contract_id=old)
    card = w.svc.card(client, asset_id=laptop)
    assert card.contract is not None
    assert (card.contract.contract_id, card.validity, card.contract.valid_to) == (
        old,
        Validity.EXPIRED,
        D(2025, 12, 31),
    )
    # No valid contract: the client's default, else the global default policy applies.
    assert card.policy_name == "Office hours"
    assert card.device is not None
    assert card.device.problem is DeviceProblem.CONTRACT_EXPIRED


def test_a_contract_not_started_and_a_client_without_contract(w: World) -> None:
    client = add_client(w.db, "Future Ltd")
    later = contract(w.db, client, w.always, "NEW-1", start=D(2026, 6, 1))
    assert (w.svc.card(client).validity, w.svc.card(client).contract.contract_id) == (  # type: ignore[union-attr]
        Validity.NOT_STARTED,
        later,
    )
    bare = add_client(w.db, "Bare Ltd")
    card = w.svc.card(bare)
    assert (card.validity, card.contract, card.contracts) == (Validity.NONE, None, ())


def test_a_serial_without_contract_or_past_its_cover_is_not_covered(w: World) -> None:
    loose = asset(w.db, w.acme, "LOOSE-1")
    ended = asset(w.db, w.acme, "ENDED-1", contract_id=w.acme_contract, covered_until=D(2026, 3, 1))
    today = asset(w.db, w.acme, "TODAY-1", contract_id=w.acme_contract, covered_until=D(2026, 3, 2))
    problems = [w.svc.card(w.acme, asset_id=a).device.problem for a in (loose, ended, today)]  # type: ignore[union-attr]
    assert problems == [DeviceProblem.NO_CONTRACT, DeviceProblem.COVERAGE_ENDED, None]
    # A device without contract still shows the client's valid contract.
    assert w.svc.card(w.acme, asset_id=loose).contract.contract_id == w.acme_contract  # type: ignore[union-attr]


def test_several_valid_contracts_are_all_listed_and_the_given_one_chosen(w: World) -> None:
    second = contract(w.db, w.acme, w.always, "MSP-EXTRA", start=D(2026, 2, 1))
    card = w.svc.card(w.acme)
    assert [c.contract_id for c in card.contracts] == [second, w.acme_contract]
    assert card.contract is not None and card.contract.contract_id == second
    chosen = w.svc.card(w.acme, contract_id=w.acme_contract)
    assert chosen.contract is not None and chosen.contract.contract_id == w.acme_contract
    assert chosen.policy_name == "Office hours"


def test_prepaid_hours_left_count_billable_time_only(w: World) -> None:
    t1 = add_ticket(w.db, w.acme)
    t2 = add_ticket(w.db, w.acme)
    with w.db.write() as s:
        for tid in (t1, t2):
            s.get(Ticket, tid).contract_id = w.acme_contract  # type: ignore[union-attr]
        start = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
        s.add(TimeEntry(ticket_id=t1, technician_id=w.tech, started_at=start, minutes=90))
        s.add(TimeEntry(ticket_id=t2, technician_id=w.tech, started_at=start, minutes=45))
        s.add(
            TimeEntry(
                ticket_id=t2, technician_id=w.tech, started_at=start, minutes=500, billable=False
            )
        )
    card = w.svc.card(w.acme)
    assert (card.prepaid_minutes, card.prepaid_left_minutes) == (600, 600 - 135)
    assert w.svc.card(w.globex).prepaid_left_minutes is None


def test_licences_used_against_bought_flag_over_use(w: World) -> None:
    licence(w.db, w.acme, "Office 365", 20, 23)
    licence(w.db, w.acme, "Adobe Acrobat", 5, 5)
    card = w.svc.card(w.acme)
    assert [(x.product, x.seats_used, x.seats_bought, x.over_used) for x in card.licences] == [
        ("Adobe Acrobat", 5, 5, False),
        ("Office 365", 23, 20, True),
    ]


def test_vip_rule_verification_scope_and_open_tickets(w: World) -> None:
    save(
        w,
        w.acme,
        "vip",
        {
            "priority_floor": "P2",
            "direct_to_l2": "true",
            "contacts": [{"contact": str(w.vera), "note": ""}],
        },
    )
    save(w, w.acme, "verification", {"method": "callback"})
    save(w, w.acme, "knowledge", {"out_of_scope": "Home printers"})
    mine = [add_ticket(w.db, w.acme, contact_id=w.vera, subject=f"Vera {n}") for n in range(6)]
    add_ticket(w.db, w.acme, contact_id=w.norm, subject="Norm's")
    add_ticket(w.db, w.acme, contact_id=w.vera, status=Status.CLOSED, subject="Old")
    card = w.svc.card(w.acme, w.vera)
    assert (card.vip_priority_floor, card.vip_direct_to_l2, card.contact_vip) == (
        Priority.P2,
        True,
        True,
    )
    assert card.verification_method == "callback"
    assert card.out_of_scope == "Home printers"
    assert card.caller_tickets.count == 6
    assert [t.ticket_id for t in card.caller_tickets.top] == sorted(mine, reverse=True)[:5]
    assert card.client_tickets.count == 7
    assert card.caller_tickets.top[0].number.endswith(str(mine[-1]))
    assert priority_after_floor(Priority.P4, card.vip_priority_floor) == Priority.P2
    assert priority_after_floor(Priority.P1, card.vip_priority_floor) == Priority.P1
    assert priority_after_floor(Priority.P4, None) == Priority.P4


def test_contract_exclusions_are_on_the_card(w: World) -> None:
    client = add_client(w.db, "Scoped Ltd")
    contract(w.db, client, w.office, "SC-1", exclusions=("MASS_INSTALL", "ONSITE"))
    card = w.svc.card(client)
    assert card.contract is not None
    assert card.contract.exclusions == ("MASS_INSTALL", "ONSITE")


def test_unknown_or_foreign_ids_are_not_found(w: World) -> None:
    other = asset(w.db, w.globex, "G-1")
    with pytest.raises(NotFoundError):
        w.svc.card(999_999)
    with pytest.raises(NotFoundError):
        w.svc.card(w.acme, contact_id=999_999)
    with pytest.raises(NotFoundError):
        w.svc.card(w.acme, asset_id=other)
    with pytest.raises(NotFoundError):
        w.svc.card(w.acme, contract_id=w.globex_contract)
