"""seed_demo_entitlement: what the New-call lookup finds in the demo, and that it is idempotent."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import Database
from app.models import Asset, Contract, Licence
from app.models.enums import Role
from app.services.demo_entitlement import DEMO_CLIENTS, DEVICES_PER_CLIENT, seed_demo_entitlement
from app.services.entitlement import EntitlementService, Validity
from app.services.entitlement_search import MatchKind
from app.services.onboarding import OnboardingService
from tests.factories import add_calendar, add_client, add_contact, add_policy, add_technician
from tests.fakes import FakeClock


def _counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Contract, Asset, Licence)
        )


def test_the_demo_has_numbered_contracts_devices_and_licences_once(
    db: Database, clock: FakeClock
) -> None:
    policy = add_policy(db, add_calendar(db), "Standard")
    clients = [add_client(db) for _ in range(DEMO_CLIENTS + 1)]
    for c in clients:
        add_contact(db, c)
    # The demo's onboarding forms run first: a product row and a contract named, not numbered.
    tech = add_technician(db, role=Role.ADMIN)
    OnboardingService(db, clock).save_section(
        clients[0],
        "company",
        {
            "legal_name": "Demo NV",
            "main_phone": "+32 9 123 45 67",
            "contracts": [
                {"number": "Managed services", "valid_from": "2025-01-01",
                 "sla_policy": str(policy), "coverage": "business_hours"}
            ],
            "products": [{"product": "Adobe Acrobat Pro", "version": "", "licences": "4"}],
        },
        None,
        tech,
    )  # fmt: skip
    seed_demo_entitlement(db, clock)
    first = _counts(db)
    assert first == (DEMO_CLIENTS, DEMO_CLIENTS * DEVICES_PER_CLIENT, DEMO_CLIENTS * 3)
    seed_demo_entitlement(db, clock)
    assert _counts(db) == first
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Contract.number_key == "")) == 0
        assert s.scalar(select(func.count()).where(Contract.number == Contract.name)) == 0
        uncovered = s.scalar(select(func.count()).where(Asset.contract_id.is_(None)))
        tag = s.scalar(select(Asset.asset_tag).where(Asset.client_id == clients[0]).limit(1))
    assert uncovered == DEMO_CLIENTS * DEVICES_PER_CLIENT // 10
    svc = EntitlementService(db, clock)
    assert tag is not None
    assert svc.find(tag)[0].kind is MatchKind.ASSET_TAG
    cards = [svc.card(c) for c in clients[:DEMO_CLIENTS]]
    assert [c.validity for c in cards].count(Validity.EXPIRED) == 1
    over = [
        (c.client_id, x.product, x.seats_bought) for c in cards for x in c.licences if x.over_used
    ]
    assert over == [(clients[0], "Adobe Acrobat Pro", 4)]  # the form's row, with seats in use
    assert [c.prepaid_minutes for c in cards].count(40 * 60) == 1
