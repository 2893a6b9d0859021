"""Guided caller verification before credential work (domain.md §2.2, D6).

The client's rule (data-capture section 6, optionally per contact) says how a caller proves who
they are: a PIN on file, a callback to the number on file, a manager's approval or a security
question. PINs and answers are stored only as Argon2id PHC hashes; the ticket timeline records
what was checked and the outcome, never what the caller said. Five failed knowledge checks for a
contact within an hour stop further PIN/answer attempts for that contact (the technician falls
back to a callback), so a caller cannot guess their way in; while a client-wide PIN is on file,
five failed PIN checks anywhere at the client stop PIN checks at that client. Any thread.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Final

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, Select, and_, delete, false, func, or_, select
from sqlalchemy.orm import Session

from app.db import Changes, Database
from app.models import CallerSecret, Client, Contact, Ticket, TicketEvent
from app.models.enums import EventKind
from app.services.clock import Clock
from app.services.errors import NotFoundError, ValidationError
from app.services.onboarding import section_data
from app.services.onboarding_spec import VERIFICATION_METHODS
from app.services.permissions import require_editor

#: Knowledge checks (PIN, answer) a contact may fail within `LOCKOUT_WINDOW` before a pause.
MAX_FAILURES: Final = 5
LOCKOUT_WINDOW: Final = dt.timedelta(hours=1)
PIN_MIN, PIN_MAX = 4, 12
ANSWER_MIN: Final = 2
_KNOWLEDGE: Final = frozenset({"pin", "security_question"})


@dataclass(frozen=True, slots=True)
class SecretRow:
    """A secret on file as lists show it: never the hash."""

    secret_id: int
    contact_id: int | None
    contact_name: str | None
    kind: str
    question: str
    set_at: dt.datetime


@dataclass(frozen=True, slots=True)
class VerificationPlan:
    """What the technician must do for this caller."""

    client_id: int
    contact_id: int | None
    #: pin, callback, manager_approval, security_question; "" when the client has no rule yet.
    method: str
    #: "contact" when the contact has their own method, "client" for the client's rule.
    source: str
    has_pin: bool
    questions: tuple[tuple[int, str], ...]
    #: The number on file to call back (the contact's, else the client's main number).
    callback_number: str
    manager_name: str
    instructions: str
    failures_left: int


@dataclass(frozen=True, slots=True)
class VerificationResult:
    passed: bool
    changes: Changes


class CallerVerificationService:
    """Secrets on file and the verification step on tickets. Any thread."""

    def __init__(self, db: Database, clock: Clock, hasher: PasswordHasher | None = None) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher or PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)

    # -- secrets on file -------------------------------------------------------------------------

    def secrets(self, client_id: int) -> list[SecretRow]:
        with self._db.read() as s:
            rows = s.execute(
                select(CallerSecret, Contact.name)
                .outerjoin(Contact, Contact.id == CallerSecret.contact_id)
                .where(CallerSecret.client_id == client_id)
                .order_by(Contact.name, CallerSecret.kind, CallerSecret.id)
            ).all()
            return [
                SecretRow(x.id, x.contact_id, name, x.kind, x.question, x.set_at)
                for x, name in rows
            ]

    def set_pin(self, client_id: int, contact_id: int | None, pin: str, actor_id: int) -> None:
        """Store a PIN (4–12 digits) for a contact, or the client-wide PIN when `contact_id` is
        None, replacing the previous one."""
        value = "".join(pin.split())
        if not (value.isascii() and value.isdigit() and PIN_MIN <= len(value) <= PIN_MAX):
            raise ValidationError({"pin": "invalid_pin"})
        phc = self._hasher.hash(value)
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            _check_contact(s, client_id, contact_id)
            s.execute(
                delete(CallerSecret).where(
                    CallerSecret.client_id == client_id,
                    _contact_is(contact_id),
                    CallerSecret.kind == "pin",
                )
            )
            s.add(self._secret(client_id, contact_id, "pin", "", phc, actor_id))
            self._db.announce(s, Changes("client", frozenset({client_id})))

    def add_question(
        self, client_id: int, contact_id: int, question: str, answer: str, actor_id: int
    ) -> None:
        question = " ".join(question.split())
        problems = {}
        if not question:
            problems["question"] = "required"
        elif len(question) > 300:
            problems["question"] = "too_long"
        if len(_normal_answer(answer)) < ANSWER_MIN:
            problems["answer"] = "too_short"
        if problems:
            raise ValidationError(problems)
        phc = self._hasher.hash(_normal_answer(answer))
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            _check_contact(s, client_id, contact_id)
            s.add(self._secret(client_id, contact_id, "question", question, phc, actor_id))
            self._db.announce(s, Changes("client", frozenset({client_id})))

    def remove_secret(self, secret_id: int, actor_id: int) -> None:
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            secret = s.get(CallerSecret, secret_id)
            if secret is None:
                return
            s.delete(secret)
            self._db.announce(s, Changes("client", frozenset({secret.client_id})))

    # -- on a ticket -----------------------------------------------------------------------------

    def plan(self, client_id: int, contact_id: int | None) -> VerificationPlan:
        now = self._clock.now()
        with self._db.read() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            contact = s.get(Contact, contact_id) if contact_id else None
            rule = section_data(s, client_id, "verification") or {}
            method, source = rule.get("method") or "", "client"
            for row in rule.get("per_contact", []):
                if contact_id is not None and row.get("contact") == contact_id:
                    method, source = row["method"], "contact"
            manager_id = rule.get("manager_approver")
            manager = s.get(Contact, manager_id) if manager_id else None
            company = section_data(s, client_id, "company") or {}
            secrets = list(s.scalars(_secrets_for(client_id, contact_id)))
            return VerificationPlan(
                client_id,
                contact_id,
                method,
                source,
                any(x.kind == "pin" for x in secrets),
                tuple((x.id, x.question) for x in secrets if x.kind == "question"),
                (contact.phone if contact and contact.phone else "")
                or company.get("main_phone")
                or client.phone,
                manager.name if manager else "",
                rule.get("instructions") or "",
                MAX_FAILURES - _recent_failures(s, contact_id, client_id, now),
            )

    def verify(
        self,
        ticket_id: int,
        method: str,
        actor_id: int,
        *,
        response: str = "",
        question_id: int | None = None,
        confirmed: bool = False,
        note: str = "",
    ) -> VerificationResult:
        """Check the ticket's caller by `method` and write the outcome on the ticket.

        PIN and security question: `response` is what the caller said, checked against the hash
        on file. Callback and manager approval: the technician did it and says `confirmed`.
        """
        if method not in VERIFICATION_METHODS:
            raise ValidationError({"method": "invalid_choice"})
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_ticket")
            ticket = s.get(Ticket, ticket_id)
            if ticket is None:
                raise NotFoundError("ticket", ticket_id)
            contact_id = ticket.contact_id
            if method in _KNOWLEDGE:
                if _recent_failures(s, contact_id, ticket.client_id, now) >= MAX_FAILURES:
                    raise ValidationError({"response": "too_many_attempts"})
                passed = self._check_knowledge(s, ticket, method, response, question_id)
            else:
                passed = confirmed
            what = _describe(s, method, question_id, contact_id)
            body = f"{what}: {'passed' if passed else 'failed'}"
            if note.strip():
                body += f"\n{note.strip()[:2000]}"
            s.add(
                TicketEvent(
                    ticket_id=ticket.id,
                    at=now,
                    actor_id=actor_id,
                    kind=EventKind.CALLER_VERIFIED if passed else EventKind.VERIFICATION_FAILED,
                    old_value=str(contact_id or ""),
                    new_value=method,
                    body=body,
                )
            )
            changes = Changes("ticket", frozenset({ticket.id}))
            self._db.announce(s, changes)
            return VerificationResult(passed, changes)

    def _check_knowledge(
        self, s: Session, ticket: Ticket, method: str, response: str, question_id: int | None
    ) -> bool:
        candidates = list(s.scalars(_secrets_for(ticket.client_id, ticket.contact_id)))
        if method == "pin":
            given = "".join(response.split())
            hashes = [x.phc for x in candidates if x.kind == "pin"]
        else:
            given = _normal_answer(response)
            hashes = [x.phc for x in candidates if x.kind == "question" and x.id == question_id]
        if not hashes:
            raise ValidationError({"response": "nothing_on_file"})
        if not given:
            raise ValidationError({"response": "required"})
        # Check every candidate so the time taken does not tell which one matched.
        results = [self._matches(phc, given) for phc in hashes]
        return any(results)

    def _matches(self, phc: str, given: str) -> bool:
        try:
            return self._hasher.verify(phc, given)
        except (VerificationError, InvalidHashError):
            return False

    def _secret(
        self,
        client_id: int,
        contact_id: int | None,
        kind: str,
        question: str,
        phc: str,
        actor_id: int,
    ) -> CallerSecret:
        return CallerSecret(
            client_id=client_id,
            contact_id=contact_id,
            kind=kind,
            question=question,
            phc=phc,
            set_at=self._clock.now(),
            set_by_id=actor_id,
        )


def _normal_answer(answer: str) -> str:
    """Answers match regardless of case, accents' composition and spacing."""
    return " ".join(unicodedata.normalize("NFKC", answer).casefold().split())


def _contact_is(contact_id: int | None) -> ColumnElement[bool]:
    if contact_id is None:
        return CallerSecret.contact_id.is_(None)
    return CallerSecret.contact_id == contact_id


def _secrets_for(client_id: int, contact_id: int | None) -> Select[CallerSecret]:
    """The contact's own secrets and the client-wide PIN."""
    mine = CallerSecret.contact_id == contact_id if contact_id else false()
    return select(CallerSecret).where(
        CallerSecret.client_id == client_id,
        or_(mine, and_(CallerSecret.contact_id.is_(None), CallerSecret.kind == "pin")),
    )


def _check_contact(s: Session, client_id: int, contact_id: int | None) -> None:
    if s.get(Client, client_id) is None:
        raise NotFoundError("client", client_id)
    if contact_id is not None:
        contact = s.get(Contact, contact_id)
        if contact is None or contact.client_id != client_id:
            raise ValidationError({"contact": "unknown_contact"})


def _recent_failures(s: Session, contact_id: int | None, client_id: int, now: dt.datetime) -> int:
    """Failed PIN/answer checks for this caller (the contact, or the client's anonymous callers).

    A client-wide PIN answers for every contact, so while one is on file every failed PIN
    check at the client counts against it too: claiming to be another contact buys no guesses.
    """
    recent = (
        select(func.count())
        .select_from(TicketEvent)
        .join(Ticket, Ticket.id == TicketEvent.ticket_id)
        .where(
            TicketEvent.kind == EventKind.VERIFICATION_FAILED,
            TicketEvent.at > now - LOCKOUT_WINDOW,
            Ticket.client_id == client_id,
        )
    )
    mine = int(
        s.scalar(
            recent.where(
                TicketEvent.new_value.in_(_KNOWLEDGE),
                TicketEvent.old_value == str(contact_id or ""),
            )
        )
        or 0
    )
    shared_pin = s.scalar(
        select(CallerSecret.id).where(
            CallerSecret.client_id == client_id,
            CallerSecret.contact_id.is_(None),
            CallerSecret.kind == "pin",
        )
    )
    if shared_pin is None:
        return mine
    whole_client = int(s.scalar(recent.where(TicketEvent.new_value == "pin")) or 0)
    return max(mine, whole_client)


def _describe(s: Session, method: str, question_id: int | None, contact_id: int | None) -> str:
    match method:
        case "pin":
            return "Caller verification by PIN on file"
        case "security_question":
            question = s.scalar(select(CallerSecret.question).where(CallerSecret.id == question_id))
            return f"Caller verification by security question \u201c{question or ''}\u201d"
        case "callback":
            return "Caller verification by callback to the number on file"
        case _:
            return "Caller verification by manager approval"
