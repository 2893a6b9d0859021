"""The demo MSP's onboarding data, entered through the real services (validated, synced).

Live clients have a complete form and a finished checklist; the client still onboarding has a
checklist in progress, half its form and a draft, so a newcomer sees every state. Rotation dates
of the demo credentials (metadata, no secret) are spread over two years so the score flags some.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import select, update

from app.db import Database
from app.models import Client, Contact, Contract, Site, Technician, Vault, VaultItem
from app.models.enums import ClientStatus, Role, Tier
from app.services.caller_verification import CallerVerificationService
from app.services.clock import Clock
from app.services.connectivity import ConnectivityService
from app.services.onboarding import OnboardingService
from app.services.onboarding_checklist import ChecklistService
from app.services.sla_store import SlaStore

#: The client-wide PIN of the demo clients that verify callers by PIN (documented in the README).
DEMO_PIN = "4321"


def seed_demo_onboarding(db: Database, clock: Clock, rng: random.Random) -> None:
    now = clock.now()
    forms = OnboardingService(db, clock)
    checklist = ChecklistService(db, clock, SlaStore(db))
    connectivity = ConnectivityService(db, clock)
    pins = CallerVerificationService(db, clock)
    with db.read() as s:
        admin = s.scalar(select(Technician.id).where(Technician.role == Role.ADMIN).limit(1))
        manager = s.scalar(select(Technician.id).where(Technician.tier == Tier.L2).limit(1))
        clients = list(
            s.execute(select(Client.id, Client.code, Client.status).order_by(Client.id)).all()
        )
    assert admin is not None
    _spread_rotation(db, rng, now)
    for n, (client_id, code, status) in enumerate(clients):
        sections = _sections(db, client_id, code, manager, pin=n % 3 == 0)
        onboarding = status is ClientStatus.ONBOARDING
        for key, raw in sections.items():
            if onboarding and key in ("permissions", "escalation", "knowledge"):
                # Still being captured: the typing is kept as a draft, not saved.
                forms.save_draft(client_id, key, raw, None, admin)
                continue
            forms.save_section(client_id, key, raw, None, admin)
        methods = connectivity.methods(client_id)
        for m in methods[: -1 if onboarding else len(methods)]:
            connectivity.record(client_id, m.method_key, "ok", admin, detail="Demo check")
        if n % 3 == 0:
            pins.set_pin(client_id, None, DEMO_PIN, admin)
        today = now.date()
        start = today - dt.timedelta(days=4 if onboarding else 900)
        steps = checklist.start(client_id, start, admin).steps
        for step in steps[: 2 if onboarding else len(steps)]:
            if step.key == "go_live" and status is not ClientStatus.LIVE:
                continue
            checklist.set_done(step.step_id, step.version, True, admin)


def _spread_rotation(db: Database, rng: random.Random, now: dt.datetime) -> None:
    with db.write() as s:
        for item_id in list(s.scalars(select(VaultItem.id).join(Vault))):
            s.execute(
                update(VaultItem)
                .where(VaultItem.id == item_id)
                .values(rotated_at=now - dt.timedelta(days=rng.randint(20, 700)))
            )


def _sections(
    db: Database, client_id: int, code: str, manager: int | None, *, pin: bool
) -> dict[str, dict[str, Any]]:
    domain = f"{code.lower()}.example"
    with db.read() as s:
        client = s.get(Client, client_id)
        assert client is not None
        sites = list(s.scalars(select(Site).where(Site.client_id == client_id)))
        contracts = list(s.scalars(select(Contract).where(Contract.client_id == client_id)))
        people = list(
            s.execute(
                select(Contact.id, Contact.vip, Contact.escalation_contact)
                .where(Contact.client_id == client_id)
                .order_by(Contact.id)
            ).all()
        )
        creds = dict(
            s.execute(
                select(VaultItem.label, VaultItem.id)
                .join(Vault, Vault.id == VaultItem.vault_id)
                .where(Vault.client_id == client_id)
            ).all()
        )
        name, phone, zone = client.name, client.phone, client.timezone
        site_rows = [
            {
                "id": str(x.id),
                "name": x.name,
                "address": x.address,
                "city": x.city,
                "country": x.country,
                "timezone": zone,
                "phone": x.phone,
            }
            for x in sites
        ]
        contract_rows = [
            {
                "id": str(c.id),
                "number": c.name,
                "valid_from": c.valid_from.isoformat(),
                "valid_to": c.valid_to.isoformat() if c.valid_to else "",
                "sla_policy": str(c.policy_id),
                "coverage": "24x7" if "24x7" in c.name else "business_hours",
                "prepaid_hours": "20",
            }
            for c in contracts
        ]
    first, second = str(people[0][0]), str(people[1][0])
    admin_cred = creds.get("Domain admin", "")
    return {
        "company": {
            "legal_name": name,
            "registration_number": f"{code}-{client_id:04d}",
            "main_phone": phone,
            "main_email": f"it@{domain}",
            "website": f"https://www.{domain}",
            "sites": site_rows,
            "contracts": contract_rows,
            "products": [
                {"product": "Microsoft 365 Business Premium", "version": "", "licences": "25"},
                {"product": "Windows Server", "version": "2022", "licences": "2"},
            ],
        },
        "servers": {
            "servers": [
                {
                    "hostname": f"dc01.{domain}",
                    "ip": "10.0.0.10",
                    "role": "Domain controller",
                    "os": "Windows Server 2022",
                    "location": "Head office",
                    "credential": admin_cred,
                    "remote_method": "rdp",
                },
                {
                    "hostname": f"nas01.{domain}",
                    "ip": "10.0.0.20",
                    "role": "File and backup storage",
                    "os": "Debian 12",
                    "location": "Head office",
                    "credential": creds.get("Backup console", ""),
                    "remote_method": "ssh",
                },
            ]
        },
        "remote": {
            "rdp": [{"host": f"dc01.{domain}", "port": "3389", "credential": admin_cred}],
            "ssh": [{"host": f"nas01.{domain}", "port": "22", "auth": "password"}],
            "winrm": [{"host": f"dc01.{domain}", "transport": "https", "auth": "ntlm"}],
            "vpn": [
                {
                    "type": "wireguard",
                    "endpoint": f"vpn.{domain}",
                    "instructions": "Connect the 'MSP support' tunnel first.",
                }
            ],
        },
        "vip": {
            "priority_floor": "P2",
            "direct_to_l2": False,
            "account_manager": str(manager) if manager else "",
            "handling": "Greet by name; never leave on hold longer than a minute.",
            "contacts": [{"contact": str(i), "note": ""} for i, vip, _ in people if vip],
        },
        "verification": {
            "method": "pin" if pin else "callback",
            "instructions": "Password resets only after verification; never e-mail a password.",
        },
        "permissions": {
            "after_hours": "Work after 18:00 needs the director's approval by phone.",
            "rules": [
                {"work": "Reboot a server in business hours", "applies_to": "change"},
                {"work": "Firewall or network changes", "applies_to": "change"},
                {"work": "Billable software installation", "applies_to": "service_request"},
            ],
            "approvers": [{"contact": first, "scope": "Everything"}],
        },
        "escalation": {
            "contacts": [
                {"priority": "P1", "order": "1", "contact": first, "hours": "any"},
                {"priority": "P1", "order": "2", "contact": second, "hours": "business_hours"},
                {"priority": "P2", "order": "1", "contact": second, "hours": "business_hours"},
            ],
            "vendors": [
                {
                    "vendor": "Proximus",
                    "service": "Fibre internet",
                    "support_phone": "+32 800 22 800",
                    "account_number": f"PX-{client_id:06d}",
                }
            ],
        },
        "knowledge": {
            "start_page": f"# {name}\n\nDomain `{domain}`. Sites: {len(sites)}.\n\n"
            "## Procedures\n- New user: create in AD, licence in M365, add to 'Staff'.\n",
            "supported": "Microsoft 365, Windows 11, line-of-business accounting package",
            "out_of_scope": "Personal devices; the phone system (vendor supported)",
        },
    }
