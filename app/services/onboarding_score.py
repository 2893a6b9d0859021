"""The onboarding completeness score (domain.md D12): what an analyst would miss on a call.

Each check is one thing a technician needs without asking the client again; the score is the
share of checks that pass, and the failing ones are listed by code for the client page ("no
admin credential rotated in 12 months", "remote method never tested", "no escalation contact
for P1"). Reads metadata only: no vault secret is decrypted. Any thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import CallerSecret, Client, OnboardingSection, Vault, VaultItem
from app.services.clock import Clock
from app.services.connectivity import method_statuses
from app.services.errors import NotFoundError
from app.services.onboarding_spec import SECTIONS

#: A credential not changed for this long needs rotating.
ROTATION_AGE: Final = dt.timedelta(days=365)
#: Priorities that must have an escalation contact.
ESCALATION_PRIORITIES: Final = ("P1", "P2")


@dataclass(frozen=True, slots=True)
class Check:
    """One completeness check: `code` names what is missing when `ok` is False."""

    section: str
    code: str
    ok: bool
    #: Names the subject ("P1", "rdp ts01.acme.local"), "" when the code says it all.
    subject: str = ""


@dataclass(frozen=True, slots=True)
class Completeness:
    client_id: int
    checks: tuple[Check, ...]

    @property
    def percent(self) -> int:
        if not self.checks:
            return 0
        return round(100 * sum(c.ok for c in self.checks) / len(self.checks))

    @property
    def missing(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.ok)


class CompletenessService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def completeness(self, client_id: int) -> Completeness:
        now = self._clock.now()
        with self._db.read() as s:
            if s.get(Client, client_id) is None:
                raise NotFoundError("client", client_id)
            return Completeness(client_id, tuple(_checks(s, client_id, now)))


def _checks(s: Session, client_id: int, now: dt.datetime) -> list[Check]:
    docs: dict[str, dict[str, Any]] = {
        x.section: x.data
        for x in s.scalars(
            select(OnboardingSection).where(OnboardingSection.client_id == client_id)
        )
    }
    out = [
        Check(sec.key, "section_not_saved", sec.key in docs) for sec in SECTIONS if not sec.in_vault
    ]
    company = docs.get("company", {})
    out.append(Check("company", "no_site", bool(company.get("sites"))))
    out.append(Check("company", "no_contract", bool(company.get("contracts"))))
    out.extend(_credential_checks(s, client_id, now))
    out.append(Check("servers", "no_server", bool(docs.get("servers", {}).get("servers"))))
    methods = method_statuses(s, client_id)
    out.append(Check("remote", "no_remote_method", bool(methods)))
    for m in methods:
        subject = f"{m.kind} {m.address}"
        if m.outcome is None:
            out.append(Check("remote", "remote_never_tested", False, subject))
        else:
            out.append(Check("remote", "remote_failing", m.outcome == "ok", subject))
    rule = docs.get("verification", {})
    if rule.get("method") == "pin":
        pins = s.scalar(
            select(func.count())
            .select_from(CallerSecret)
            .where(CallerSecret.client_id == client_id, CallerSecret.kind == "pin")
        )
        out.append(Check("verification", "no_pin_on_file", bool(pins)))
    out.append(
        Check("permissions", "no_approver", bool(docs.get("permissions", {}).get("approvers")))
    )
    escalation = {r["priority"] for r in docs.get("escalation", {}).get("contacts", [])}
    out.extend(
        Check("escalation", "no_escalation_contact", p in escalation, p)
        for p in ESCALATION_PRIORITIES
    )
    start_page = (docs.get("knowledge", {}).get("start_page") or "").strip()
    out.append(Check("knowledge", "no_kb_page", bool(start_page)))
    return out


def _credential_checks(s: Session, client_id: int, now: dt.datetime) -> list[Check]:
    rotated = list(
        s.scalars(
            select(VaultItem.rotated_at)
            .join(Vault, Vault.id == VaultItem.vault_id)
            .where(Vault.client_id == client_id)
        )
    )
    fresh = any(r is not None and now - r <= ROTATION_AGE for r in rotated)
    return [
        Check("credentials", "no_admin_credential", bool(rotated)),
        Check("credentials", "no_recent_rotation", fresh),
    ]
