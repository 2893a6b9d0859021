"""Third-party resolvers (T12): cases opened with a client's vendor, the client's own reference,
and follow-up reminders.

Opening a case puts the ticket in *Waiting on third party*, which pauses the resolution clock
(domain.md §2.8); closing the last open case resumes work. Each case may carry a follow-up
instant; the SLA sweep calls `remind_due_in` so the assignee (or the queue lead) is reminded
once per instant, however many sweepers run at once: each reminder is claimed with a
conditional UPDATE first, as the sweep claims warnings.

The vendor is one of the client's listed vendors (data-capture section 8, "vendors" table) by
its row key, or `OTHER_VENDOR` with a typed name for a resolver nobody listed yet (an ISP the
client forgot, say): refusing it would leave the technician no way to record the case.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Final

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import Client, Queue, SlaNotification, Technician, Ticket, VendorCase
from app.models.enums import EventKind, Role, Status
from app.services.clock import Clock
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.onboarding import section_data
from app.services.permissions import require_editor
from app.services.sla import SlaService
from app.services.ticket_store import add_event, load_ticket

#: `vendor_key` of a vendor not on the client's list; `vendor_name` is then required.
OTHER_VENDOR: Final = "other"
REFERENCE_MAX: Final = 100
NAME_MAX: Final = 200
NOTE_MAX: Final = 20_000
#: Statuses a ticket may resume with when its last vendor case closes.
RESUME_STATUSES: Final = (Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING_CUSTOMER)
#: SlaNotification.reason of a vendor follow-up; its target_kind is "resolution" (the paused
#: clock), because the notifications reader expects a target kind.
FOLLOW_UP_REASON: Final = "follow_up"
#: A follow-up this little in the past is "now": a time picked to the minute, or typed a moment
#: before saving, is not a mistake.
FOLLOW_UP_GRACE: Final = dt.timedelta(minutes=5)
_NUL: Final = "\x00"


@dataclass(frozen=True, slots=True)
class Vendor:
    """A row of the client's vendor list."""

    key: str
    vendor: str
    service: str
    support_phone: str
    support_url: str
    account_number: str
    contract_number: str


@dataclass(frozen=True, slots=True)
class VendorCaseRow:
    case_id: int
    ticket_id: int
    vendor: str
    vendor_key: str
    reference: str
    vendor_contact: str
    opened_at: dt.datetime
    opened_by: str | None
    follow_up_at: dt.datetime | None
    reminded_at: dt.datetime | None
    closed_at: dt.datetime | None
    note: str

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True, slots=True)
class VendorCaseSaved:
    case: VendorCaseRow
    changes: Changes


class VendorCaseService:
    """Vendor cases and the client reference of tickets. Any thread; one unit of work each."""

    def __init__(self, db: Database, clock: Clock, sla: SlaService) -> None:
        self._db = db
        self._clock = clock
        self._sla = sla

    # -- reads ---------------------------------------------------------------------------------

    def vendors(self, client_id: int) -> list[Vendor]:
        """The client's vendors as listed in its escalation section, in the listed order."""
        with self._db.read() as s:
            return vendors_in(s, client_id)

    def cases(self, ticket_id: int) -> list[VendorCaseRow]:
        """The ticket's cases, oldest first."""
        with self._db.read() as s:
            load_ticket(s, ticket_id)
            rows = s.execute(
                select(VendorCase, Technician.name)
                .outerjoin(Technician, Technician.id == VendorCase.opened_by_id)
                .where(VendorCase.ticket_id == ticket_id)
                .order_by(VendorCase.opened_at, VendorCase.id)
            ).all()
            return [_row(c, name) for c, name in rows]

    def client_reference(self, ticket_id: int) -> str:
        """The client's own reference stored on the ticket ("" when none)."""
        with self._db.read() as s:
            return load_ticket(s, ticket_id).client_reference

    # -- writes --------------------------------------------------------------------------------

    def open(
        self,
        ticket_id: int,
        vendor_key: str,
        reference: str,
        vendor_contact: str,
        follow_up_at: dt.datetime | None,
        note: str,
        actor_id: int,
        *,
        vendor_name: str = "",
    ) -> VendorCaseSaved:
        """Record a case opened with a vendor; the ticket waits on the third party.

        Raises `ValidationError` with codes: reference "required" / "too_long" / "invalid";
        vendor "not_listed" / "required" (OTHER_VENDOR without a name); follow_up_at "in_past"
        / "naive"; vendor_contact, note "too_long" / "invalid"; ticket "not_open".
        """
        reference, vendor_contact, note = reference.strip(), vendor_contact.strip(), note.strip()
        vendor_name = " ".join(vendor_name.split())
        now = self._clock.now()
        problems = _check_reference(reference)
        problems |= _check_optional("vendor_contact", vendor_contact, NAME_MAX)
        problems |= _check_optional("note", note, NOTE_MAX)
        problems |= _check_follow_up(follow_up_at, now)
        if problems:
            raise ValidationError(problems)
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "edit_ticket")
                ticket = load_ticket(s, ticket_id)
                if not ticket.is_open:
                    raise ValidationError({"ticket": "not_open"})
                vendor, key = _vendor(s, ticket.client_id, vendor_key, vendor_name)
                case = VendorCase(
                    ticket_id=ticket_id,
                    vendor=vendor.vendor if vendor else vendor_name,
                    vendor_key=key,
                    reference=reference,
                    vendor_contact=vendor_contact,
                    opened_at=now,
                    opened_by_id=actor_id,
                    follow_up_at=follow_up_at,
                    note=note,
                )
                s.add(case)
                s.flush()
                parts = [f"Opened case {reference} with {case.vendor}"]
                if vendor is not None and vendor.service:
                    parts[0] += f" ({vendor.service})"
                if vendor_contact:
                    parts.append(f"contact: {vendor_contact}")
                if follow_up_at is not None:
                    parts.append(f"follow up {_local(s, ticket, follow_up_at)}")
                body = "; ".join(parts) + "." + (f"\n{note}" if note else "")
                add_event(s, ticket, actor_id, now, EventKind.VENDOR_CASE, "", "opened", body)
                if ticket.status is not Status.WAITING_THIRD_PARTY:
                    self._status(s, ticket, Status.WAITING_THIRD_PARTY, actor_id, now)
                return self._saved(s, case, ticket.id)
        except StaleDataError:
            raise self._conflict(ticket_id) from None

    def update(
        self,
        case_id: int,
        actor_id: int,
        *,
        reference: str | None = None,
        follow_up_at: dt.datetime | None = None,
        clear_follow_up: bool = False,
        note: str = "",
    ) -> VendorCaseSaved:
        """Change an open case's reference or follow-up instant, or add a note to it."""
        now = self._clock.now()
        note = note.strip()
        problems: dict[str, str] = {}
        if reference is not None:
            reference = reference.strip()
            problems |= _check_reference(reference)
        problems |= _check_optional("note", note, NOTE_MAX)
        if follow_up_at is not None and follow_up_at.utcoffset() is None:
            problems["follow_up_at"] = "naive"
        if problems:
            raise ValidationError(problems)
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_ticket")
            case = _case(s, case_id)
            if case.closed_at is not None:
                raise ValidationError({"case": "closed"})
            # Only a new instant must lie ahead: the stored one comes back unchanged from the
            # dialog, and once its reminder fired it is in the past by design — the technician
            # must still be able to note what the vendor said.
            changed = not clear_follow_up and follow_up_at != case.follow_up_at
            if changed and (problems := _check_follow_up(follow_up_at, now)):
                raise ValidationError(problems)
            ticket = load_ticket(s, case.ticket_id)
            parts: list[str] = []
            if reference is not None and reference != case.reference:
                parts.append(f"reference {case.reference} → {reference}")
                case.reference = reference
            if clear_follow_up and case.follow_up_at is not None:
                parts.append("no follow-up planned")
                case.follow_up_at = None
            elif follow_up_at is not None and follow_up_at != case.follow_up_at:
                parts.append(f"follow up {_local(s, ticket, follow_up_at)}")
                case.follow_up_at = follow_up_at
            if note:
                case.note = f"{case.note}\n{note}" if case.note else note
            if not parts and not note:
                return VendorCaseSaved(_row(case, _name(s, case.opened_by_id)), Changes("ticket"))
            body = f"Case {case.reference} with {case.vendor}"
            body += (": " + "; ".join(parts) + ".") if parts else "."
            body += f"\n{note}" if note else ""
            add_event(s, ticket, actor_id, now, EventKind.VENDOR_CASE, "", "updated", body)
            s.execute(update(Ticket).where(Ticket.id == ticket.id).values(updated_at=now))
            return self._saved(s, case, ticket.id)

    def close(
        self,
        case_id: int,
        actor_id: int,
        note: str = "",
        resume_status: Status = Status.IN_PROGRESS,
    ) -> VendorCaseSaved:
        """Close a case; when no other case stays open and the ticket waits on the third party,
        the ticket resumes with `resume_status` (its resolution clock runs again)."""
        note = note.strip()
        problems = _check_optional("note", note, NOTE_MAX)
        if resume_status not in RESUME_STATUSES:
            problems["resume_status"] = "invalid_choice"
        if problems:
            raise ValidationError(problems)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "edit_ticket")
                case = _case(s, case_id)
                if case.closed_at is not None:
                    raise ValidationError({"case": "closed"})
                ticket = load_ticket(s, case.ticket_id)
                case.closed_at = now
                if note:
                    case.note = f"{case.note}\n{note}" if case.note else note
                body = f"Closed case {case.reference} with {case.vendor}."
                body += f"\n{note}" if note else ""
                add_event(s, ticket, actor_id, now, EventKind.VENDOR_CASE, "opened", "closed", body)
                s.flush()
                still_open = s.scalar(
                    select(VendorCase.id)
                    .where(VendorCase.ticket_id == ticket.id, VendorCase.closed_at.is_(None))
                    .limit(1)
                )
                if still_open is None and ticket.status is Status.WAITING_THIRD_PARTY:
                    self._status(s, ticket, resume_status, actor_id, now)
                else:
                    s.execute(update(Ticket).where(Ticket.id == ticket.id).values(updated_at=now))
                return self._saved(s, case, ticket.id)
        except StaleDataError:
            with self._db.read() as s:
                ticket_id = _case(s, case_id).ticket_id
            raise self._conflict(ticket_id) from None

    def set_client_reference(self, ticket_id: int, text: str, actor_id: int) -> Changes:
        """Store the client's own ticket number for this ticket ("" clears it)."""
        text = " ".join(text.split())
        problems = _check_optional("client_reference", text, REFERENCE_MAX)
        if problems:
            raise ValidationError(problems)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "edit_ticket")
                ticket = load_ticket(s, ticket_id)
                if ticket.client_reference == text:
                    return Changes("ticket")
                old = ticket.client_reference
                if text and old:
                    body = f"Client reference: {text} (was {old})."
                elif text:
                    body = f"Client reference: {text}."
                else:
                    body = f"Client reference {old} removed."
                add_event(
                    s, ticket, actor_id, now, EventKind.FIELDS_CHANGED, "", "client_reference", body
                )
                ticket.client_reference = text
                ticket.updated_at = now
                ticket.updated_by_id = actor_id
                s.flush()
                changes = Changes("ticket", frozenset({ticket_id}))
                self._db.announce(s, changes)
                return changes
        except StaleDataError:
            raise self._conflict(ticket_id) from None

    def remind_due(self, now: dt.datetime | None = None) -> int:
        """Remind of every follow-up due by `now` (default: the clock) not yet reminded; returns
        how many. Safe to run from several processes at once."""
        now = now or self._clock.now()
        with self._db.write() as s:
            touched = remind_due_in(s, now)
            if touched:
                self._db.announce(s, Changes("ticket", frozenset(touched)))
            return len(touched)

    # -- helpers -------------------------------------------------------------------------------

    def _status(
        self, s: Session, ticket: Ticket, status: Status, actor_id: int, now: dt.datetime
    ) -> None:
        add_event(s, ticket, actor_id, now, EventKind.STATUS_CHANGED, ticket.status, status)
        ticket.set_status(status, now)
        ticket.updated_at = now
        ticket.updated_by_id = actor_id
        s.flush()
        # Waiting on a third party pauses the resolution clock; leaving it resumes the clock.
        self._sla.recompute_in(s, (ticket.id,), now)

    def _saved(self, s: Session, case: VendorCase, ticket_id: int) -> VendorCaseSaved:
        s.flush()
        changes = Changes("ticket", frozenset({ticket_id}))
        self._db.announce(s, changes)
        return VendorCaseSaved(_row(case, _name(s, case.opened_by_id)), changes)

    def _conflict(self, ticket_id: int) -> ConcurrentEditError:
        with self._db.read() as s:
            t = load_ticket(s, ticket_id)
            by = _name(s, t.updated_by_id)
            return ConcurrentEditError("ticket", t.id, t.version, by, t.updated_at)


def vendors_in(s: Session, client_id: int) -> list[Vendor]:
    data = section_data(s, client_id, "escalation") or {}
    return [
        Vendor(
            key=str(r.get("key") or ""),
            vendor=str(r.get("vendor") or ""),
            service=str(r.get("service") or ""),
            support_phone=str(r.get("support_phone") or ""),
            support_url=str(r.get("support_url") or ""),
            account_number=str(r.get("account_number") or ""),
            contract_number=str(r.get("contract_number") or ""),
        )
        for r in data.get("vendors") or []
        if r.get("vendor")
    ]


def remind_due_in(s: Session, now: dt.datetime) -> set[int]:
    """Inside the caller's transaction: claim and remind each due follow-up once; returns the
    tickets reminded about.

    A case is due when open, on an open ticket, with `follow_up_at <= now` and not reminded
    since that instant (`reminded_at < follow_up_at`): moving the follow-up later arms it again.
    """
    due = and_(
        VendorCase.closed_at.is_(None),
        VendorCase.follow_up_at.is_not(None),
        VendorCase.follow_up_at <= now,
        or_(VendorCase.reminded_at.is_(None), VendorCase.reminded_at < VendorCase.follow_up_at),
    )
    candidates = s.execute(
        select(VendorCase.id, VendorCase.ticket_id)
        .join(Ticket, Ticket.id == VendorCase.ticket_id)
        .where(due, Ticket.is_open.is_(True))
        .order_by(VendorCase.follow_up_at, VendorCase.id)
    ).all()
    touched: set[int] = set()
    for case_id, ticket_id in candidates:
        # The same condition again in the UPDATE: on PostgreSQL a second sweeper waits for the
        # first one's row lock, re-reads the row and then matches nothing.
        claimed = s.execute(
            update(VendorCase)
            .where(VendorCase.id == case_id, due)
            .values(reminded_at=now)
            .execution_options(synchronize_session=False)
        )
        if not claimed.rowcount:  # type: ignore[attr-defined]
            continue
        case = s.get(VendorCase, case_id)
        ticket = s.get(Ticket, ticket_id)
        assert case is not None and ticket is not None
        s.refresh(case)
        for tech_id in _recipients(s, ticket):
            s.add(
                SlaNotification(
                    technician_id=tech_id,
                    ticket_id=ticket_id,
                    reason=FOLLOW_UP_REASON,
                    target_kind="resolution",
                    at=now,
                )
            )
        body = f"Follow up case {case.reference} with {case.vendor}"
        body += f" ({case.vendor_contact})." if case.vendor_contact else "."
        add_event(s, ticket, None, now, EventKind.VENDOR_FOLLOW_UP, "", str(case.id), body)
        touched.add(ticket_id)
    return touched


def _recipients(s: Session, ticket: Ticket) -> list[int]:
    """The assignee; else the queue lead; else every active admin."""
    if ticket.assignee_id is not None:
        return [ticket.assignee_id]
    if ticket.queue_id is not None:
        lead = s.scalar(select(Queue.lead_id).where(Queue.id == ticket.queue_id))
        if lead is not None:
            return [lead]
    return list(
        s.scalars(
            select(Technician.id)
            .where(Technician.role == Role.ADMIN, Technician.active.is_(True))
            .order_by(Technician.id)
        )
    )


def _vendor(
    s: Session, client_id: int, vendor_key: str, vendor_name: str
) -> tuple[Vendor | None, str]:
    if vendor_key == OTHER_VENDOR:
        if not vendor_name:
            raise ValidationError({"vendor": "required"})
        if len(vendor_name) > NAME_MAX:
            raise ValidationError({"vendor": "too_long"})
        if _NUL in vendor_name:
            raise ValidationError({"vendor": "invalid"})
        return None, ""
    found = next((v for v in vendors_in(s, client_id) if v.key and v.key == vendor_key), None)
    if found is None:
        raise ValidationError({"vendor": "not_listed"})
    return found, found.key


def _check_reference(reference: str) -> dict[str, str]:
    if not reference:
        return {"reference": "required"}
    return _check_optional("reference", reference, REFERENCE_MAX)


def _check_optional(name: str, text: str, limit: int) -> dict[str, str]:
    if len(text) > limit:
        return {name: "too_long"}
    if _NUL in text:
        return {name: "invalid"}
    return {}


def _check_follow_up(at: dt.datetime | None, now: dt.datetime) -> dict[str, str]:
    if at is None:
        return {}
    if at.tzinfo is None or at.utcoffset() is None:
        return {"follow_up_at": "naive"}
    if at < now - FOLLOW_UP_GRACE:
        return {"follow_up_at": "in_past"}
    return {}


def _local(s: Session, ticket: Ticket, at: dt.datetime) -> str:
    """`at` in the client's time zone, as the timeline text says it."""
    client = s.get(Client, ticket.client_id)
    name = client.timezone if client else "UTC"
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone, name = zoneinfo.ZoneInfo("UTC"), "UTC"
    return f"{at.astimezone(zone):%a %d %b %Y %H:%M} ({name})"


def _row(c: VendorCase, opened_by: str | None) -> VendorCaseRow:
    return VendorCaseRow(
        case_id=c.id,
        ticket_id=c.ticket_id,
        vendor=c.vendor,
        vendor_key=c.vendor_key,
        reference=c.reference,
        vendor_contact=c.vendor_contact,
        opened_at=c.opened_at,
        opened_by=opened_by,
        follow_up_at=c.follow_up_at,
        reminded_at=c.reminded_at,
        closed_at=c.closed_at,
        note=c.note,
    )


def _name(s: Session, tech_id: int | None) -> str | None:
    return s.scalar(select(Technician.name).where(Technician.id == tech_id)) if tech_id else None


def _case(s: Session, case_id: int) -> VendorCase:
    case = s.get(VendorCase, case_id)
    if case is None:
        raise NotFoundError("vendor_case", case_id)
    return case
