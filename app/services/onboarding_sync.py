"""Writes the parts of a saved data-capture section that other screens query to their tables.

Sites and contracts become `Site` and `Contract` rows (a row's hidden `id` links it; new rows get
their id written back into the document). Those tables are the truth: the form is filled from
them (`company_records`), and a save deletes only records the previously saved document listed
and the user removed — never one added meanwhile on another screen. The VIP, approver and
escalation tables set the matching contact flags to exactly the contacts listed. Runs inside the
section's save transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import delete, exists, false, not_, select, update
from sqlalchemy.orm import Session

from app.models import Contact, Contract, Site, SlaCalendar, SlaPolicy
from app.models.entitlement import normalise_key
from app.services import entitlement_sync, remote_records
from app.services.onboarding_spec import ROW_ID, ROW_KEY, Section
from app.services.onboarding_validation import Checked


def apply(
    s: Session,
    client_id: int,
    spec: Section,
    checked: Checked,
    previous: dict[str, Any] | None = None,
    *,
    actor_id: int | None = None,
    now: dt.datetime | None = None,
) -> dict[str, str]:
    """Sync the records; returns problems (keyed like the form) that refuse the save.

    `previous` is the section's document as saved before: only its sites and contracts may be
    deleted by leaving them out.
    """
    data = checked.data
    match spec.key:
        case "company":
            problems = _sites(s, client_id, data["sites"], checked, _ids(previous, "sites"))
            problems.update(
                _contracts(s, client_id, data["contracts"], checked, _ids(previous, "contracts"))
            )
            if not problems:
                when = now or dt.datetime.now(dt.UTC)
                entitlement_sync.sync_devices(s, client_id, data.get("devices") or [], when)
                entitlement_sync.sync_products(s, client_id, data.get("products") or [])
            return problems
        case "vip":
            _flag(s, client_id, Contact.vip, data["contacts"])
        case "permissions":
            _flag(s, client_id, Contact.authorised_approver, data["approvers"])
        case "escalation":
            _flag(s, client_id, Contact.escalation_contact, data["contacts"])
        case "remote":
            remote_records.sync(s, client_id, data, actor_id, now or dt.datetime.now(dt.UTC))
    return {}


def _flag(s: Session, client_id: int, column: Any, rows: list[dict[str, Any]]) -> None:
    """Set `column` on exactly the listed contacts; a changed contact's version moves on, so an
    editor working from an older read of it gets a conflict."""
    chosen = {r["contact"] for r in rows}
    listed = Contact.id.in_(chosen) if chosen else false()
    for value, which in ((True, listed), (False, not_(listed))):
        s.execute(
            update(Contact)
            .where(Contact.client_id == client_id, which, column.is_not(value))
            .values({column: value, Contact.version: Contact.version + 1})
            .execution_options(synchronize_session=False)
        )


def company_records(
    s: Session, client_id: int, doc: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The company document with its sites and contracts as their tables hold them now; a
    contract's coverage and prepaid hours (form-only fields) come from the document."""
    sites = list(s.scalars(select(Site).where(Site.client_id == client_id).order_by(Site.id)))
    contracts = list(
        s.scalars(select(Contract).where(Contract.client_id == client_id).order_by(Contract.id))
    )
    if doc is None and not sites and not contracts:
        return None
    out = dict(doc or {})
    by_id = {r.get(ROW_ID): r for r in (doc or {}).get("contracts", [])}
    # A contract made on the SLA screen has no coverage yet: its policy's calendar says it.
    always_open = dict(
        s.execute(
            select(SlaPolicy.id, SlaCalendar.always_open).join(
                SlaCalendar, SlaCalendar.id == SlaPolicy.calendar_id
            )
        ).all()
    )
    keys = {r.get(ROW_ID): r.get(ROW_KEY) for r in (doc or {}).get("sites", [])}
    out["sites"] = [
        {
            ROW_KEY: keys.get(x.id) or str(uuid.uuid4()),
            ROW_ID: x.id,
            "name": x.name,
            "address": x.address,
            "city": x.city,
            "country": x.country,
            "timezone": x.timezone,
            "phone": x.phone,
        }
        for x in sites
    ]
    out["contracts"] = [
        {
            ROW_KEY: by_id.get(c.id, {}).get(ROW_KEY) or str(uuid.uuid4()),
            ROW_ID: c.id,
            "number": c.number or c.name,
            "valid_from": c.valid_from.isoformat(),
            "valid_to": c.valid_to.isoformat() if c.valid_to else "",
            "sla_policy": c.policy_id,
            "coverage": by_id.get(c.id, {}).get("coverage")
            or ("24x7" if always_open.get(c.policy_id) else "business_hours"),
            "prepaid_hours": by_id.get(c.id, {}).get("prepaid_hours")
            or entitlement_sync.prepaid_hours(c.prepaid_minutes),
        }
        for c in contracts
    ]
    out["devices"] = entitlement_sync.device_rows(s, client_id, out.get("devices") or [])
    out["products"] = entitlement_sync.product_rows(s, client_id, out.get("products") or [])
    return out


def _ids(doc: dict[str, Any] | None, table: str) -> set[int]:
    return {r[ROW_ID] for r in (doc or {}).get(table, []) if isinstance(r.get(ROW_ID), int)}


def _sites(
    s: Session,
    client_id: int,
    rows: list[dict[str, Any]],
    checked: Checked,
    removable: set[int],
) -> dict[str, str]:
    problems: dict[str, str] = {}
    existing = {x.id: x for x in s.scalars(select(Site).where(Site.client_id == client_id))}
    kept: set[int] = set()
    for i, row in enumerate(rows):
        site = existing.get(row.get(ROW_ID, -1))
        if site is None:
            site = Site(client_id=client_id)
            s.add(site)
        site.name = row["name"]
        site.address = row["address"]
        site.city = row["city"]
        site.country = row["country"]
        site.timezone = row["timezone"]
        site.phone = row["phone"]
        s.flush()
        row[ROW_ID] = site.id
        if site.id in kept:
            problems[checked.row_key("sites", i)] = "duplicate"
        kept.add(site.id)
    for site_id, site in existing.items():
        if site_id in kept or site_id not in removable:
            continue
        in_use = s.scalar(select(exists().where(Contact.site_id == site_id)))
        if in_use:
            problems["sites"] = "site_in_use"
        else:
            s.delete(site)
    return problems


def _contracts(
    s: Session,
    client_id: int,
    rows: list[dict[str, Any]],
    checked: Checked,
    removable: set[int],
) -> dict[str, str]:
    problems: dict[str, str] = {}
    existing = {c.id: c for c in s.scalars(select(Contract).where(Contract.client_id == client_id))}
    kept: set[int] = set()
    # A number is unique per client (callers quote it); another client may use the same one.
    listed = {row.get(ROW_ID) for row in rows}
    elsewhere = {
        c.number_key
        for c in existing.values()
        if c.number_key and c.id not in listed and c.id not in removable
    }
    duplicates = entitlement_sync.number_problems(rows)
    for i, row in enumerate(rows):
        if i in duplicates or normalise_key(row["number"]) in elsewhere:
            problems[checked.row_key("contracts", i) + ".number"] = "duplicate"
            continue
        start = dt.date.fromisoformat(row["valid_from"])
        end = dt.date.fromisoformat(row["valid_to"]) if row["valid_to"] else None
        if end is not None and end < start:
            problems[checked.row_key("contracts", i) + ".valid_to"] = "before_start"
            continue
        contract = existing.get(row.get(ROW_ID, -1))
        if contract is not None and contract.id in kept:
            problems[checked.row_key("contracts", i)] = "duplicate"
            continue
        if contract is None:
            contract = Contract(client_id=client_id)
            s.add(contract)
        contract.name = row["number"]
        contract.number = row["number"]
        contract.number_key = normalise_key(row["number"])
        contract.prepaid_minutes = entitlement_sync.prepaid_minutes(row.get("prepaid_hours"))
        contract.policy_id = row["sla_policy"]
        contract.valid_from = start
        contract.valid_to = end
        s.flush()
        row[ROW_ID] = contract.id
        kept.add(contract.id)
    gone = (set(existing) - kept) & removable
    if gone and not problems:
        if entitlement_sync.contracts_in_use(s, gone):
            # Tickets name the contract they were worked under: end it with "Valid to" instead.
            problems["contracts"] = "contract_in_use"
            return problems
        entitlement_sync.release_contracts(s, gone)
        s.execute(delete(Contract).where(Contract.id.in_(gone)))
    return problems
