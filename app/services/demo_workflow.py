"""Demo data of the service-desk workflow, seeded after the tickets and the onboarding forms:
entitlement (numbered contracts, devices, licences), routing rules and checklists, escalation
paths and vendor cases, linked records, recurring schedules and time entries, knowledge-base
articles and canned replies. Each seeder is idempotent and skips what its records lack."""

from __future__ import annotations

from app.db import Database
from app.services.clock import Clock
from app.services.demo_closure import seed_demo_closure
from app.services.demo_entitlement import seed_demo_entitlement
from app.services.demo_escalation import seed_demo_escalation
from app.services.demo_kb import seed_demo_kb
from app.services.demo_records import seed_demo_records
from app.services.demo_recurring import seed_demo_recurring
from app.services.demo_reports import seed_demo_reports
from app.services.demo_routing import seed_demo_routing


def seed_demo_workflow(db: Database, clock: Clock, *, records: bool = True) -> None:
    """`records`: also create the linked problem, change and merged duplicates (their tickets
    count in the demo's total, see `demo_record_tickets`)."""
    # After onboarding: it adds seat counts and keys to the licences the forms created.
    seed_demo_entitlement(db, clock)
    seed_demo_routing(db, clock)
    seed_demo_escalation(db, clock)
    if records:
        seed_demo_records(db, clock)
    seed_demo_recurring(db, clock)
    seed_demo_kb(db, clock)
    # Last: it gives every closed ticket, the records' ones included, its resolution and survey.
    seed_demo_closure(db, clock)
    seed_demo_reports(db, clock)
