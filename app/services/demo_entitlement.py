"""The demo MSP's entitlement data: contract numbers, covered devices and licences (S11, S12).

Gives the New-call lookup something to find: every demo contract gets a number, a few clients
get contracts (one expired, one with a block of prepaid hours), a few hundred devices with serial
numbers and asset tags spread over them (some without a contract, some past their cover), and
licences with one product over-used. Safe to run again: what exists is left as it is.
"""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Asset, Client, Contact, Contract, Licence, SlaPolicy
from app.models.entitlement import normalise_key
from app.services.clock import Clock

#: Clients (in id order) that get demo devices; the rest keep none.
DEMO_CLIENTS: Final = 6
DEVICES_PER_CLIENT: Final = 50
_KINDS: Final = (
    ("laptop", "Dell Latitude 7440", "5CG"),
    ("laptop", "Lenovo ThinkPad T14", "PF4"),
    ("workstation", "HP EliteDesk 800 G9", "CZC"),
    ("printer", "HP LaserJet M507", "PHB"),
    ("server", "Dell PowerEdge R650", "SRV"),
    ("network", "FortiGate 60F", "FGT"),
)
_PRODUCTS: Final = (
    ("Microsoft 365 Business Premium", "", 25, 22),
    ("Adobe Acrobat Pro", "2024", 5, 7),  # over-used: the card shows it in red
    ("Sophos Intercept X", "", 30, 28),
)


def seed_demo_entitlement(db: Database, clock: Clock) -> None:
    """Numbers, contracts, devices and licences for the demo clients (idempotent)."""
    now = clock.now()
    rng = random.Random(11)
    with db.write() as s:
        clients = list(s.scalars(select(Client).order_by(Client.id).limit(DEMO_CLIENTS)))
        if not clients:
            return
        policy_id = s.scalar(
            select(SlaPolicy.id).order_by(SlaPolicy.is_default.desc(), SlaPolicy.id).limit(1)
        )
        if policy_id is not None:
            _contracts(s, clients, policy_id, now)
        _number_contracts(s)
        s.flush()
        # Devices and licence keys of the onboarding forms have a form key; these have none.
        if not s.scalar(select(func.count()).select_from(Asset).where(Asset.form_key == "")):
            _devices(s, clients, rng, now)
        if not s.scalar(select(func.count()).select_from(Licence).where(Licence.key_norm != "")):
            _licences(s, clients, rng)


def _today(client: Client, now: dt.datetime) -> dt.date:
    try:
        return now.astimezone(zoneinfo.ZoneInfo(client.timezone)).date()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return now.date()


def _contracts(s: Session, clients: list[Client], policy_id: int, now: dt.datetime) -> None:
    """A contract for each demo client that has none: the fourth one expired last month, the
    second has 40 prepaid hours."""
    have = set(s.scalars(select(Contract.client_id).distinct()))
    for i, client in enumerate(clients):
        if client.id in have:
            continue
        today = _today(client, now)
        expired = i == 3
        s.add(
            Contract(
                client_id=client.id,
                policy_id=policy_id,
                name="Managed workplace" if not expired else "Managed workplace (ended)",
                valid_from=today - dt.timedelta(days=700 if expired else 300),
                valid_to=today - dt.timedelta(days=30) if expired else None,
                max_tier="L2" if i % 2 else "L3",
                on_site=i % 2 == 0,
                prepaid_minutes=40 * 60 if i == 1 else None,
                exclusions=["MASS_INSTALL", "ONSITE"] if i == 2 else [],
            )
        )


def _number_contracts(s: Session) -> None:
    """A number for every contract without one; the onboarding form copies a contract's name
    into its number when it has nothing better, so those get a real-looking one too."""
    s.flush()
    unnumbered = (Contract.number == "") | (Contract.number == Contract.name)
    for contract in s.scalars(select(Contract).where(unnumbered)):
        number = f"MSP-{contract.valid_from.year}-{contract.id:04d}"
        contract.number = number
        contract.number_key = normalise_key(number)


def _devices(s: Session, clients: list[Client], rng: random.Random, now: dt.datetime) -> None:
    for client in clients:
        today = _today(client, now)
        contracts = list(
            s.scalars(
                select(Contract.id)
                .where(Contract.client_id == client.id)
                .order_by(Contract.valid_from.desc())
            )
        )
        contacts = list(
            s.scalars(select(Contact.id).where(Contact.client_id == client.id).order_by(Contact.id))
        )
        for n in range(DEVICES_PER_CLIENT):
            kind, description, prefix = rng.choice(_KINDS)
            serial = f"{prefix}{rng.randrange(10**7):07d}{rng.choice('ABCDEFGHJK')}"
            uncovered = n % 10 == 9  # one device in ten is not under any contract
            ended = n % 25 == 7  # and a few are past the end of their cover
            s.add(
                Asset(
                    client_id=client.id,
                    contract_id=None if uncovered or not contracts else contracts[0],
                    contact_id=rng.choice(contacts) if contacts and kind == "laptop" else None,
                    serial=serial,
                    serial_key=normalise_key(serial),
                    asset_tag=f"{client.code}-{n + 1:04d}",
                    tag_key=normalise_key(f"{client.code}-{n + 1:04d}"),
                    kind=kind,
                    description=description,
                    covered_until=today - dt.timedelta(days=10) if ended else None,
                    created_at=now,
                )
            )


def _licences(s: Session, clients: list[Client], rng: random.Random) -> None:
    """Seats in use and a licence key for each demo product, on the form's row when the
    client's onboarding form lists the product already."""
    for i, client in enumerate(clients):
        existing = {
            x.product: x for x in s.scalars(select(Licence).where(Licence.client_id == client.id))
        }
        for product, version, bought, used in _PRODUCTS:
            key = "-".join(f"{rng.randrange(36**5):05X}" for _ in range(4))
            licence = existing.get(product)
            if licence is None:
                licence = Licence(
                    client_id=client.id, product=product, version=version, seats_bought=bought
                )
                s.add(licence)
            licence.licence_key = key
            licence.key_norm = normalise_key(key)
            if licence.seats_bought is None:
                licence.seats_bought = bought
            # Only the first client over-uses Acrobat; the others stay within what they bought.
            within = product.startswith("Adobe") and i != 0
            licence.seats_used = min(used, licence.seats_bought) if within else used


def demo_covered_serial(db: Database) -> str | None:
    """The serial of a device under contract, for the docs' New-call screenshot."""
    with db.read() as s:
        return s.scalar(
            select(Asset.serial).where(Asset.contract_id.is_not(None)).order_by(Asset.id).limit(1)
        )
