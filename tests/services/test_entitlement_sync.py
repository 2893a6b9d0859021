"""The company section's entitlement sync (app/services/entitlement_sync.py via onboarding_sync):
contract numbers and prepaid hours, devices → assets, products → licences.

Both backends, each test in a rolled-back transaction; the clock stands at Monday 2026-03-02.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import delete, select

from app.db import Database
from app.models import Asset, Contract, Licence, OnboardingSection, Ticket
from app.services.entitlement import EntitlementService
from app.services.entitlement_search import MatchKind
from app.services.errors import ValidationError
from app.services.onboarding import OnboardingService
from tests.factories import (
    add_calendar,
    add_client,
    add_policy,
    add_site,
    add_technician,
    add_ticket,
)
from tests.fakes import FakeClock


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    forms: OnboardingService
    client: int
    policy: int
    tech: int


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    policy = add_policy(db, add_calendar(db), "Standard")
    client = add_client(db, "Acme NV")
    add_site(db, client, "Head office")
    return World(db, clock, OnboardingService(db, clock), client, policy, add_technician(db))


def contract_row(
    number: str, policy: int, *, id: int | None = None, start: str = "2026-01-01", hours: str = ""
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "number": number,
        "valid_from": start,
        "valid_to": "",
        "sla_policy": str(policy),
        "coverage": "business_hours",
        "prepaid_hours": hours,
    }
    if id is not None:
        row["id"] = id
    return row


def company(**tables: list[dict[str, Any]]) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "legal_name": "Acme NV",
        "main_phone": "+32 9 123 45 67",
        "sites": [],
        "contracts": [],
        "products": [],
        "devices": [],
    }
    raw.update(tables)
    return raw


def save(w: World, raw: dict[str, Any]) -> dict[str, Any]:
    version = w.forms.form(w.client).sections["company"].version
    # Sites come back from their table; send them so the save does not remove them.
    sites = (w.forms.form(w.client).sections["company"].data or {}).get("sites", [])
    raw = {**raw, "sites": [{**x, "timezone": "Europe/Brussels"} for x in sites]}
    w.forms.save_section(w.client, "company", raw, version, w.tech)
    return w.forms.form(w.client).sections["company"].data or {}


def section_id(w: World) -> int:
    with w.db.read() as s:
        return int(
            s.scalar(
                select(OnboardingSection.id).where(
                    OnboardingSection.client_id == w.client, OnboardingSection.section == "company"
                )
            )
            or 0
        )


def assets(w: World) -> list[tuple[str, str, str, int | None, int | None]]:
    with w.db.read() as s:
        return [
            (a.serial, a.serial_key, a.description, a.site_id, a.contract_id)
            for a in s.scalars(select(Asset).where(Asset.client_id == w.client).order_by(Asset.id))
        ]


def test_contracts_get_their_number_key_and_prepaid_minutes(w: World) -> None:
    data = save(w, company(contracts=[contract_row("msp-2026/001", w.policy, hours="12.5")]))
    with w.db.read() as s:
        c = s.scalars(select(Contract).where(Contract.client_id == w.client)).one()
        assert (c.number, c.number_key, c.prepaid_minutes) == ("msp-2026/001", "MSP2026001", 750)
        contract_id = c.id
    assert data["contracts"][0]["number"] == "msp-2026/001"
    assert data["contracts"][0]["prepaid_hours"] == "12.5"
    with w.db.write() as s:  # set on another screen: the form shows it in hours
        s.get(Contract, contract_id).prepaid_minutes = 90  # type: ignore[union-attr]
        s.get(OnboardingSection, section_id(w)).data = {  # type: ignore[union-attr]
            **data,
            "contracts": [{**data["contracts"][0], "prepaid_hours": ""}],
        }
    shown = w.forms.form(w.client).sections["company"].data or {}
    assert shown["contracts"][0]["prepaid_hours"] == "1.5"
    found = EntitlementService(w.db, w.clock).find("MSP 2026 001")
    assert [(x.kind, x.contract_id) for x in found] == [(MatchKind.CONTRACT, contract_id)]


def test_a_contract_number_twice_in_one_client_is_refused_and_nothing_written(w: World) -> None:
    raw = company(
        contracts=[contract_row("C-1", w.policy), contract_row("c 1", w.policy)],
        devices=[{"serial": "SN-1", "description": "", "site": ""}],
    )
    with pytest.raises(ValidationError) as e:
        save(w, raw)
    assert e.value.problems == {"contracts[1].number": "duplicate"}
    with w.db.read() as s:
        assert s.scalars(select(Contract).where(Contract.client_id == w.client)).all() == []
    assert assets(w) == []


def test_the_same_number_at_another_client_is_allowed(w: World) -> None:
    other = add_client(w.db, "Globex")
    with w.db.write() as s:
        s.add(
            Contract(
                client_id=other,
                policy_id=w.policy,
                name="C-1",
                number="C-1",
                number_key="C1",
                valid_from=dt.date(2026, 1, 1),
            )
        )
    save(w, company(contracts=[contract_row("C-1", w.policy)]))
    found = EntitlementService(w.db, w.clock).find("C-1")
    assert sorted(x.client_id for x in found if x.kind is MatchKind.CONTRACT) == sorted(
        [w.client, other]
    )
    assert {x.shared_by for x in found if x.kind is MatchKind.CONTRACT} == {2}


def test_devices_become_assets_and_follow_edits_and_removals(w: World) -> None:
    first = save(
        w,
        company(
            contracts=[contract_row("C-1", w.policy)],
            devices=[
                {"serial": "5CG-1234", "description": "Latitude", "site": "head OFFICE"},
                {"serial": "SRV 01", "description": "Server", "site": "Attic"},
            ],
        ),
    )
    with w.db.read() as s:
        contract_id = s.scalar(select(Contract.id).where(Contract.client_id == w.client))
        site_id = s.scalar(select(Asset.site_id).where(Asset.serial == "5CG-1234"))
    assert site_id is not None
    assert assets(w) == [
        ("5CG-1234", "5CG1234", "Latitude", site_id, contract_id),
        ("SRV 01", "SRV01", "Server", None, contract_id),
    ]
    rows = first["devices"]
    assert [r["serial"] for r in rows] == ["5CG-1234", "SRV 01"]
    assert rows[1]["site"] == "Attic"  # kept as typed though it names no site
    # Edit the first device, drop the second, add a third.
    rows[0]["description"] = "Latitude 7440"
    new = {"serial": "NEW-9", "description": "", "site": ""}
    contracts = first["contracts"]
    second = save(w, company(contracts=contracts, devices=[rows[0], new]))
    assert [a[:3] for a in assets(w)] == [
        ("5CG-1234", "5CG1234", "Latitude 7440"),
        ("NEW-9", "NEW9", ""),
    ]
    assert [r["serial"] for r in second["devices"]] == ["5CG-1234", "NEW-9"]


def test_a_removed_device_a_ticket_refers_to_stays_without_cover(w: World) -> None:
    first = save(
        w,
        company(
            contracts=[contract_row("C-1", w.policy)],
            devices=[{"serial": "SN-1", "description": "", "site": ""}],
        ),
    )
    ticket = add_ticket(w.db, w.client)
    with w.db.write() as s:
        asset_id = s.scalar(select(Asset.id).where(Asset.serial == "SN-1"))
        s.get(Ticket, ticket).asset_id = asset_id  # type: ignore[union-attr]
    save(w, company(contracts=first["contracts"], devices=[]))
    with w.db.read() as s:
        kept = s.get(Asset, asset_id)
        assert kept is not None and (kept.form_key, kept.contract_id) == ("", None)
    assert (w.forms.form(w.client).sections["company"].data or {})["devices"] == []


def test_no_contract_or_several_valid_contracts_leave_devices_unassigned(w: World) -> None:
    save(
        w,
        company(
            contracts=[contract_row("C-1", w.policy), contract_row("C-2", w.policy)],
            devices=[{"serial": "SN-1", "description": "", "site": ""}],
        ),
    )
    assert [a[4] for a in assets(w)] == [None]


def test_products_become_licences(w: World) -> None:
    first = save(
        w,
        company(
            products=[
                {"product": "Office 365", "version": "E3", "licences": "25"},
                {"product": "Acrobat", "version": "", "licences": ""},
            ]
        ),
    )

    def licences() -> list[tuple[str, str, int | None]]:
        with w.db.read() as s:
            return [
                (x.product, x.version, x.seats_bought)
                for x in s.scalars(
                    select(Licence).where(Licence.client_id == w.client).order_by(Licence.id)
                )
            ]

    assert licences() == [("Office 365", "E3", 25), ("Acrobat", "", None)]
    rows = first["products"]
    rows[0]["licences"] = "30"
    save(w, company(products=[rows[0]]))
    assert licences() == [("Office 365", "E3", 30)]


def test_removing_a_contract_keeps_its_devices_uncovered(w: World) -> None:
    first = save(
        w,
        company(
            contracts=[contract_row("C-1", w.policy)],
            devices=[{"serial": "SN-1", "description": "", "site": ""}],
        ),
    )
    save(w, company(contracts=[], devices=first["devices"]))
    assert [(a[0], a[4]) for a in assets(w)] == [("SN-1", None)]


def test_a_contract_a_ticket_refers_to_cannot_be_removed(w: World) -> None:
    first = save(w, company(contracts=[contract_row("C-1", w.policy)]))
    ticket = add_ticket(w.db, w.client)
    with w.db.write() as s:
        s.get(Ticket, ticket).contract_id = first["contracts"][0]["id"]  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as e:
        save(w, company(contracts=[]))
    assert e.value.problems == {"contracts": "contract_in_use"}
    with w.db.read() as s:
        assert s.scalar(select(Contract.number).where(Contract.client_id == w.client)) == "C-1"


def test_a_document_saved_before_devices_were_records_keeps_its_rows(w: World) -> None:
    rows = [{"serial": "SN-OLD", "description": "Old PC", "site": ""}]
    save(w, company(devices=rows, products=[{"product": "Office", "version": "", "licences": ""}]))
    with w.db.write() as s:  # as an older version left it: rows in the document only
        s.execute(delete(Asset))
        s.execute(delete(Licence))
    data = w.forms.form(w.client).sections["company"].data or {}
    assert [r["serial"] for r in data["devices"]] == ["SN-OLD"]
    assert [r["product"] for r in data["products"]] == ["Office"]
    save(w, company(devices=data["devices"], products=data["products"]))
    assert [a[0] for a in assets(w)] == ["SN-OLD"]
