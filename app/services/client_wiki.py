"""The client's wiki start page (domain.md §3.4) as one Markdown text, read during every call.

The knowledge section's own page comes first, then what the other data-capture sections say a
technician needs on the phone: supported products and exclusions, the escalation matrix,
vendors, VIP handling, caller verification and work needing approval. Names typed by users are
escaped so they show as typed; the start page itself is the user's Markdown. Any thread.
"""

from __future__ import annotations

import re
from typing import Any, Final

from sqlalchemy import select

from app.db import Database
from app.models import Client, Contact, OnboardingSection, Technician
from app.services.errors import NotFoundError

_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")
_METHODS: Final = {
    "pin": "PIN on file",
    "callback": "callback to the number on file",
    "manager_approval": "the manager's approval",
    "security_question": "a security question",
}
_HOURS: Final = {
    "any": "any time",
    "business_hours": "business hours",
    "after_hours": "after hours",
}


def escape(text: str) -> str:
    """`text` as literal Markdown: every character that could format is backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


class ClientWikiService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def page(self, client_id: int) -> str:
        with self._db.read() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            docs: dict[str, dict[str, Any]] = {
                x.section: x.data
                for x in s.scalars(
                    select(OnboardingSection).where(OnboardingSection.client_id == client_id)
                )
            }
            contacts = {
                i: (name, phone)
                for i, name, phone in s.execute(
                    select(Contact.id, Contact.name, Contact.phone).where(
                        Contact.client_id == client_id
                    )
                ).all()
            }
            techs = dict(s.execute(select(Technician.id, Technician.name)).all())
            name = client.name
        return "\n\n".join(_parts(name, docs, contacts, techs))


def _parts(
    name: str,
    docs: dict[str, dict[str, Any]],
    contacts: dict[int, tuple[str, str]],
    techs: dict[int, str],
) -> list[str]:
    def who(contact_id: int | None) -> str:
        found = contacts.get(contact_id) if contact_id else None
        if found is None:
            return "(unknown contact)"
        return escape(found[0]) + (f" \u2014 {escape(found[1])}" if found[1] else "")

    kb = docs.get("knowledge", {})
    out = [f"# {escape(name)}"]
    start = (kb.get("start_page") or "").strip()
    out.append(start or "_No start page yet: write one in Onboarding \u203a 9._")
    if kb.get("supported"):
        out.append("## Supported products\n\n" + escape(kb["supported"]))
    if kb.get("out_of_scope"):
        out.append("## Out of scope\n\n" + escape(kb["out_of_scope"]))
    escalation = sorted(
        docs.get("escalation", {}).get("contacts", []),
        key=lambda r: (r["priority"], r["order"]),
    )
    if escalation:
        rows = [
            f"| {r['priority']} | {r['order']} | {who(r['contact'])} | {_HOURS[r['hours']]} |"
            for r in escalation
        ]
        out.append(
            "## Escalation contacts\n\n| Priority | Order | Contact | When |\n|---|---|---|---|\n"
            + "\n".join(rows)
        )
    vendors = docs.get("escalation", {}).get("vendors", [])
    if vendors:
        rows = [
            "| "
            + " | ".join(
                escape(str(v.get(k) or ""))
                for k in ("vendor", "service", "support_phone", "account_number", "contract_number")
            )
            + " |"
            for v in vendors
        ]
        out.append(
            "## Vendors (we open the ticket for the client)\n\n"
            "| Vendor | Service | Support line | Account | Contract |\n|---|---|---|---|---|\n"
            + "\n".join(rows)
        )
    vip = docs.get("vip")
    if vip:
        rules = []
        if vip.get("priority_floor"):
            rules.append(f"priority at least {vip['priority_floor']}")
        if vip.get("direct_to_l2"):
            rules.append("straight to L2")
        if vip.get("account_manager"):
            rules.append("account manager " + escape(techs.get(vip["account_manager"], "?")))
        people = ", ".join(who(r["contact"]) for r in vip.get("contacts", [])) or "none"
        text = f"## VIP callers\n\n{people}\n\nRule: {', '.join(rules) or 'none'}."
        if vip.get("handling"):
            text += "\n\n" + escape(vip["handling"])
        out.append(text)
    verification = docs.get("verification")
    if verification and verification.get("method"):
        text = (
            "## Password resets\n\nVerify the caller by "
            + _METHODS[verification["method"]]
            + " before any credential work."
        )
        if verification.get("instructions"):
            text += "\n\n" + escape(verification["instructions"])
        out.append(text)
    permissions = docs.get("permissions", {})
    if permissions.get("rules"):
        lines = "\n".join(
            f"- {escape(r['work'])} ({r['applies_to'].replace('_', ' ')})"
            for r in permissions["rules"]
        )
        approvers = ", ".join(who(r["contact"]) for r in permissions.get("approvers", []))
        text = f"## Approval needed before\n\n{lines}\n\nApprovers: {approvers or 'none'}."
        if permissions.get("after_hours"):
            text += "\n\n" + escape(permissions["after_hours"])
        out.append(text)
    return out
