"""The company section's entitlement tables as records: covered devices and licensed products.

Called by `onboarding_sync` inside the section's save transaction. A form row is linked to its
record by the row's stable `key` (`form_key`); records with an empty `form_key` came from an import
or another screen and are never touched here. A removed row deletes its record, except a device
a ticket refers to: that one keeps its history but leaves the form and loses its coverage.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from app.models import Asset, Client, Contract, Licence, Site, Ticket
from app.models.entitlement import normalise_key
from app.services.onboarding_spec import ROW_KEY


def prepaid_minutes(hours: object) -> int | None:
    """The form's prepaid hours ("12.5", "" = none) as whole minutes."""
    if hours in (None, ""):
        return None
    try:
        return int((Decimal(str(hours)) * 60).to_integral_value())
    except InvalidOperation:
        return None


def prepaid_hours(minutes: int | None) -> str:
    """Whole minutes as the form's hours text ("" = no block of hours)."""
    if minutes is None:
        return ""
    return format((Decimal(minutes) / 60).normalize() + 0, "f")


def number_problems(rows: list[dict[str, Any]]) -> dict[int, str]:
    """Clean row index → "duplicate" for every contract number already used by an earlier row."""
    seen: set[str] = set()
    problems: dict[int, str] = {}
    for i, row in enumerate(rows):
        key = normalise_key(str(row.get("number") or ""))
        if key and key in seen:
            problems[i] = "duplicate"
        seen.add(key)
    return problems


def sync_devices(s: Session, client_id: int, rows: list[dict[str, Any]], now: dt.datetime) -> None:
    """Make the client's form-made assets exactly the "devices" rows."""
    client = s.get(Client, client_id)
    zone = _zone(client.timezone if client else "UTC")
    today = now.astimezone(zone).date()
    valid = list(
        s.scalars(
            select(Contract.id).where(
                Contract.client_id == client_id,
                Contract.valid_from <= today,
                (Contract.valid_to.is_(None)) | (Contract.valid_to >= today),
            )
        )
    )
    # Exactly one valid contract is unambiguous; with several, someone has to choose.
    contract_id = valid[0] if len(valid) == 1 else None
    sites = {
        name.casefold(): site_id
        for site_id, name in s.execute(
            select(Site.id, Site.name).where(Site.client_id == client_id)
        )
    }
    existing = {
        a.form_key: a
        for a in s.scalars(select(Asset).where(Asset.client_id == client_id, Asset.form_key != ""))
    }
    keys: set[str] = set()
    for row in rows:
        key = str(row[ROW_KEY])
        keys.add(key)
        asset = existing.get(key)
        if asset is None:
            asset = Asset(
                client_id=client_id, form_key=key, created_at=now, contract_id=contract_id
            )
            s.add(asset)
        elif asset.contract_id is None:
            asset.contract_id = contract_id
        serial = str(row.get("serial") or "")
        asset.serial = serial
        asset.serial_key = normalise_key(serial)
        asset.description = str(row.get("description") or "")
        asset.site_id = sites.get(str(row.get("site") or "").strip().casefold())
    gone = [a.id for k, a in existing.items() if k not in keys]
    if not gone:
        return
    s.flush()
    used = set(s.scalars(select(Ticket.asset_id).where(Ticket.asset_id.in_(gone)).distinct()))
    if used:
        s.execute(
            update(Asset)
            .where(Asset.id.in_(used))
            .values(form_key="", contract_id=None)
            .execution_options(synchronize_session=False)
        )
    free = [x for x in gone if x not in used]
    if free:
        s.execute(
            delete(Asset).where(Asset.id.in_(free)).execution_options(synchronize_session=False)
        )


def sync_products(s: Session, client_id: int, rows: list[dict[str, Any]]) -> None:
    """Make the client's form-made licences exactly the "products" rows (seats bought)."""
    existing = {
        x.form_key: x
        for x in s.scalars(
            select(Licence).where(Licence.client_id == client_id, Licence.form_key != "")
        )
    }
    keys: set[str] = set()
    for row in rows:
        key = str(row[ROW_KEY])
        keys.add(key)
        licence = existing.get(key)
        if licence is None:
            licence = Licence(client_id=client_id, form_key=key)
            s.add(licence)
        licence.product = str(row.get("product") or "")
        licence.version = str(row.get("version") or "")
        licence.seats_bought = row.get("licences")
    gone = [x.id for k, x in existing.items() if k not in keys]
    if gone:
        s.execute(
            delete(Licence).where(Licence.id.in_(gone)).execution_options(synchronize_session=False)
        )


def contracts_in_use(s: Session, contract_ids: set[int]) -> bool:
    """Whether a ticket refers to one of `contract_ids` (such a contract cannot be deleted)."""
    return bool(s.scalar(select(exists().where(Ticket.contract_id.in_(contract_ids)))))


def release_contracts(s: Session, contract_ids: set[int]) -> None:
    """Devices and licences of contracts about to be deleted stay, uncovered."""
    for model in (Asset, Licence):
        if s.scalar(select(exists().where(model.contract_id.in_(contract_ids)))):
            s.execute(
                update(model)
                .where(model.contract_id.in_(contract_ids))
                .values(contract_id=None)
                .execution_options(synchronize_session=False)
            )


def device_rows(s: Session, client_id: int, doc_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The "devices" table as the asset records say it now (form-made ones only)."""
    typed_site = {r.get(ROW_KEY): r.get("site", "") for r in doc_rows}
    sites = dict(s.execute(select(Site.id, Site.name).where(Site.client_id == client_id)).all())
    assets = list(
        s.scalars(
            select(Asset)
            .where(Asset.client_id == client_id, Asset.form_key != "")
            .order_by(Asset.id)
        )
    )
    if not assets:
        # A document saved before devices became records keeps its rows until the next save.
        return doc_rows
    return [
        {
            ROW_KEY: a.form_key,
            "serial": a.serial,
            "description": a.description,
            # A site name that matched no site is kept as typed.
            "site": sites.get(a.site_id, "") if a.site_id else typed_site.get(a.form_key, ""),
        }
        for a in assets
    ]


def product_rows(
    s: Session, client_id: int, doc_rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The "products" table as the licence records say it now (form-made ones only)."""
    licences = list(
        s.scalars(
            select(Licence)
            .where(Licence.client_id == client_id, Licence.form_key != "")
            .order_by(Licence.id)
        )
    )
    if not licences:
        return doc_rows
    return [
        {
            ROW_KEY: x.form_key,
            "product": x.product,
            "version": x.version,
            "licences": x.seats_bought,
        }
        for x in licences
    ]


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")
