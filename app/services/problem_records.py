"""Problem records (K8): the root cause, workaround and known-error flag of a `problem` ticket,
and the incidents linked to it by `caused_by` links.

A problem must link to at least one incident before it is resolved or closed: the closure
service asks `problem_can_close`, and `TicketLinkService.unlink` refuses to remove the last
incident of a resolved problem. Any thread; each public method is one unit of work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import ProblemRecord, Technician, Ticket, TicketEvent, TicketLink
from app.models.enums import EventKind, Status, StatusCategory, TicketType
from app.services.clock import Clock
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.permissions import require_editor

#: The link kind from an incident to the problem behind it (see ticket_links.CAUSED_BY).
_CAUSED_BY: Final = "caused_by"
TEXT_MAX: Final = 200_000
#: `problem_can_close` code: the problem has no linked incident yet.
NO_INCIDENT: Final = "no_incident"


@dataclass(frozen=True, slots=True)
class LinkedIncident:
    ticket_id: int
    number: str
    subject: str
    status: Status
    link_id: int


@dataclass(frozen=True, slots=True)
class ProblemView:
    """A problem ticket's record; `version` 0 means nothing was saved yet."""

    ticket_id: int
    root_cause: str
    workaround: str
    known_error: bool
    known_error_at: dt.datetime | None
    version: int
    incidents: tuple[LinkedIncident, ...]


class ProblemService:
    """Problem records. Any thread; each call commits its own unit of work."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(self, ticket_id: int) -> ProblemView:
        """The record (an empty draft when none was saved); ValidationError for other types."""
        with self._db.read() as s:
            _problem_ticket(s, ticket_id)
            return _view(s, ticket_id, s.get(ProblemRecord, ticket_id))

    def incidents(self, ticket_id: int) -> list[LinkedIncident]:
        with self._db.read() as s:
            _problem_ticket(s, ticket_id)
            return _incidents(s, ticket_id)

    def save(
        self,
        ticket_id: int,
        expected_version: int,
        root_cause: str,
        workaround: str,
        known_error: bool,
        actor_id: int,
    ) -> ProblemView:
        """Save the record as edited on `expected_version` (0 for a first save).

        Codes: workaround required_for_known_error; root_cause/workaround too_long, invalid.
        """
        problems: dict[str, str] = {}
        for name, text in (("root_cause", root_cause), ("workaround", workaround)):
            if len(text) > TEXT_MAX:
                problems[name] = "too_long"
            elif "\x00" in text:
                problems[name] = "invalid"
        if known_error and not workaround.strip() and "workaround" not in problems:
            problems["workaround"] = "required_for_known_error"
        if problems:
            raise ValidationError(problems)
        now = self._clock.now()
        try:
            with self._db.write() as s:
                require_editor(s, actor_id, "edit_problem")
                _problem_ticket(s, ticket_id)
                rec = s.get(ProblemRecord, ticket_id)
                current = rec.version if rec is not None else 0
                if current != expected_version:
                    raise _conflict(s, ticket_id, current)
                if rec is None:
                    rec = ProblemRecord(ticket_id=ticket_id)
                    s.add(rec)
                    old = ("", "", False)
                else:
                    old = (rec.root_cause, rec.workaround, rec.known_error)
                changed = [
                    label
                    for label, before, after in (
                        ("root cause", old[0], root_cause),
                        ("workaround", old[1], workaround),
                    )
                    if before != after
                ]
                rec.root_cause = root_cause
                rec.workaround = workaround
                if known_error and not old[2]:
                    rec.known_error_at = now
                    changed.append("marked as a known error")
                elif not known_error and old[2]:
                    rec.known_error_at = None
                    changed.append("no longer a known error")
                rec.known_error = known_error
                if changed or current == 0:
                    s.add(
                        TicketEvent(
                            ticket_id=ticket_id,
                            at=now,
                            actor_id=actor_id,
                            kind=EventKind.PROBLEM,
                            new_value="known_error" if known_error else "",
                            body="Problem record updated: " + (", ".join(changed) or "saved"),
                        )
                    )
                    _touch(s, ticket_id, now)
                s.flush()
                self._db.announce(s, Changes("ticket", frozenset({ticket_id})))
                return _view(s, ticket_id, rec)
        except StaleDataError:
            with self._db.read() as s:
                rec = s.get(ProblemRecord, ticket_id)
                raise _conflict(s, ticket_id, rec.version if rec else 0) from None


def problem_can_close(s: Session, ticket_id: int) -> str | None:
    """Why this ticket may not be resolved or closed as a problem (a code), or None.

    For the closure service, inside its unit of work: a problem needs ≥ 1 linked incident.
    Tickets of other types always pass.
    """
    ticket = s.get(Ticket, ticket_id)
    if ticket is None or ticket.type is not TicketType.PROBLEM:
        return None
    return None if _incident_count(s, ticket_id) else NO_INCIDENT


def is_last_incident_of_closed_problem(s: Session, link: TicketLink) -> bool:
    """True when removing `link` would leave a resolved or closed problem without incidents."""
    if link.kind != _CAUSED_BY:
        return False
    problem = s.get(Ticket, link.target_id)
    if problem is None or problem.type is not TicketType.PROBLEM:
        return False
    done = problem.status_category in (StatusCategory.RESOLVED, StatusCategory.CLOSED)
    return done and _incident_count(s, problem.id) <= 1


def _incident_count(s: Session, problem_id: int) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(TicketLink)
            .where(TicketLink.target_id == problem_id, TicketLink.kind == _CAUSED_BY)
        )
        or 0
    )


def _incidents(s: Session, problem_id: int) -> list[LinkedIncident]:
    rows = s.execute(
        select(TicketLink.id, Ticket)
        .join(Ticket, Ticket.id == TicketLink.source_id)
        .where(TicketLink.target_id == problem_id, TicketLink.kind == _CAUSED_BY)
        .order_by(Ticket.id)
    ).all()
    return [LinkedIncident(t.id, t.number, t.subject, t.status, link_id) for link_id, t in rows]


def _view(s: Session, ticket_id: int, rec: ProblemRecord | None) -> ProblemView:
    incidents = tuple(_incidents(s, ticket_id))
    if rec is None:
        return ProblemView(ticket_id, "", "", False, None, 0, incidents)
    return ProblemView(
        ticket_id,
        rec.root_cause,
        rec.workaround,
        rec.known_error,
        rec.known_error_at,
        rec.version,
        incidents,
    )


def _problem_ticket(s: Session, ticket_id: int) -> Ticket:
    ticket = s.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError("ticket", ticket_id)
    if ticket.type is not TicketType.PROBLEM:
        raise ValidationError({"ticket": "not_problem"})
    return ticket


def _touch(s: Session, ticket_id: int, now: dt.datetime) -> None:
    # Plain UPDATE: the timeline moved, the ticket's own fields (and version) did not.
    s.execute(update(Ticket).where(Ticket.id == ticket_id).values(updated_at=now))


def _conflict(s: Session, ticket_id: int, version: int) -> ConcurrentEditError:
    last = s.execute(
        select(TicketEvent.at, Technician.name)
        .outerjoin(Technician, Technician.id == TicketEvent.actor_id)
        .where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == EventKind.PROBLEM)
        .order_by(TicketEvent.at.desc(), TicketEvent.id.desc())
        .limit(1)
    ).first()
    return ConcurrentEditError(
        "problem_record", ticket_id, version, last[1] if last else None, last[0] if last else None
    )
