"""Links between tickets (related, caused by, duplicate of, child of) and merging (T2, T20).

A link is directed: `source` is the ticket that is "caused by", "a duplicate of" or "a child of"
`target`; `related` reads the same both ways. A merge cancels the source ticket, points it at
the target (`Ticket.merged_into_id` and a `merged_into` link), moves its open links to the
target and leaves everything else (events, time entries) on the source, so both histories stay;
`TicketService.history` of the target shows the source's events too.

Any thread; each public method is one unit of work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from app.db import Changes, Database
from app.models import Ticket, TicketEvent, TicketLink
from app.models.enums import EventKind, Status, StatusCategory, TicketType
from app.services.clock import Clock
from app.services.errors import NotFoundError, ValidationError
from app.services.permissions import require_editor
from app.services.problem_records import is_last_incident_of_closed_problem
from app.services.sla import SlaService
from app.services.ticket_store import load_ticket

RELATED: Final = "related"
CAUSED_BY: Final = "caused_by"
DUPLICATE_OF: Final = "duplicate_of"
CHILD_OF: Final = "child_of"
#: Written by `merge` only; shown in the list but never added or removed by hand.
MERGED_INTO: Final = "merged_into"
LINK_KINDS: Final = (RELATED, CAUSED_BY, DUPLICATE_OF, CHILD_OF)
#: Ticket types that may be "caused by" a problem.
_INCIDENT_TYPES: Final = frozenset({TicketType.INCIDENT, TicketType.SERVICE_REQUEST})
NOTE_MAX: Final = 2000
#: Ticket types with a record of their own: merged only into a ticket of the same type.
_RECORD_TYPES: Final = frozenset({TicketType.CHANGE, TicketType.PROBLEM})

#: How a link reads on each end, for the timeline: (on the source, on the target).
_WORDING: Final = {
    RELATED: ("Related to {other}", "Related to {other}"),
    CAUSED_BY: ("Caused by problem {other}", "Incident {other} linked as caused by this problem"),
    DUPLICATE_OF: ("Duplicate of {other}", "{other} marked as a duplicate of this ticket"),
    CHILD_OF: ("Child of {other}", "{other} added as a child of this ticket"),
    MERGED_INTO: ("Merged into {other}", "{other} merged into this ticket"),
}


@dataclass(frozen=True, slots=True)
class LinkRow:
    """One link as seen from a ticket: the other end and which way the link points."""

    link_id: int
    kind: str
    #: True when this ticket is the link's source ("this is caused by / a child of the other").
    outgoing: bool
    other_id: int
    other_number: str
    other_subject: str
    other_type: TicketType
    other_status: Status
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class MergeResult:
    source_number: str
    into_number: str
    #: How many of the source's links now point at the target (duplicates dropped).
    moved_links: int
    changes: Changes


class TicketLinkService:
    """Links and merges. Any thread; each call commits its own unit of work."""

    def __init__(self, db: Database, clock: Clock, sla: SlaService | None = None) -> None:
        self._db = db
        self._clock = clock
        self._sla = sla

    # -- reads ---------------------------------------------------------------------------------

    def links(self, ticket_id: int) -> list[LinkRow]:
        """Every link of the ticket, both directions, oldest first."""
        with self._db.read() as s:
            load_ticket(s, ticket_id)
            return links_in(s, ticket_id)

    # -- writes --------------------------------------------------------------------------------

    def link(self, source_id: int, target_id: int, kind: str, actor_id: int) -> Changes:
        """Link `source` to `target`; LINKED events on both tickets.

        Codes: kind invalid_choice; target self_link / merged / not_problem / duplicate / cycle;
        source merged / not_incident.
        """
        if kind not in LINK_KINDS:
            raise ValidationError({"kind": "invalid_choice"})
        if source_id == target_id:
            raise ValidationError({"target": "self_link"})
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "link_ticket")
            source, target = load_ticket(s, source_id), load_ticket(s, target_id)
            if source.merged_into_id is not None:
                raise ValidationError({"source": "merged"})
            if target.merged_into_id is not None:
                raise ValidationError({"target": "merged"})
            problem = link_problem(s, source, target, kind)
            if problem is not None:
                raise ValidationError(problem)
            s.add(
                TicketLink(
                    source_id=source.id,
                    target_id=target.id,
                    kind=kind,
                    created_at=now,
                    created_by_id=actor_id,
                )
            )
            _link_events(s, source, target, kind, actor_id, now, removed=False)
            return self._announce(s, {source.id, target.id}, now, recompute=False)

    def unlink(self, link_id: int, actor_id: int) -> Changes:
        """Remove a link; refuses merge links and the last incident of a resolved problem."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "link_ticket")
            link = s.get(TicketLink, link_id)
            if link is None:
                raise NotFoundError("ticket_link", link_id)
            if link.kind == MERGED_INTO:
                raise ValidationError({"link": "merge_link"})
            if is_last_incident_of_closed_problem(s, link):
                raise ValidationError({"link": "last_incident"})
            source, target = load_ticket(s, link.source_id), load_ticket(s, link.target_id)
            s.delete(link)
            _link_events(s, source, target, link.kind, actor_id, now, removed=True)
            return self._announce(s, {source.id, target.id}, now, recompute=False)

    def merge(self, source_id: int, into_id: int, actor_id: int, note: str = "") -> MergeResult:
        """Merge ticket `source_id` into `into_id` (same client).

        Codes: into self / other_client / other_type (a change or problem into another type) /
        merged / closed / drops_last_incident (the source is a problem's only incident and the
        target cannot take that link); source merged / closed; note too_long or invalid. Links
        the target cannot take are dropped with a LINKED event on the other ticket.
        """
        note = note.strip()
        if len(note) > NOTE_MAX:
            raise ValidationError({"note": "too_long"})
        if "\x00" in note:
            raise ValidationError({"note": "invalid"})
        if source_id == into_id:
            raise ValidationError({"into": "self"})
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "merge_ticket")
            source, into = load_ticket(s, source_id), load_ticket(s, into_id)
            if source.merged_into_id is not None:
                raise ValidationError({"source": "merged"})
            if source.status_category is StatusCategory.CLOSED:
                raise ValidationError({"source": "closed"})
            if into.merged_into_id is not None:
                raise ValidationError({"into": "merged"})
            if into.status_category is StatusCategory.CLOSED:
                raise ValidationError({"into": "closed"})
            if into.client_id != source.client_id:
                raise ValidationError({"into": "other_client"})
            if source.type in _RECORD_TYPES and into.type is not source.type:
                # Its change or problem record (and the incidents behind a problem) would be
                # left hanging off a ticket of another type.
                raise ValidationError({"into": "other_type"})
            touched = {source.id, into.id}
            moved = self._move_links(s, source, into, actor_id, now, touched)
            old_status = source.status
            source.set_status(Status.CANCELLED, now)
            source.merged_into_id = into.id
            source.updated_at = now
            source.updated_by_id = actor_id
            s.add(
                TicketLink(
                    source_id=source.id,
                    target_id=into.id,
                    kind=MERGED_INTO,
                    created_at=now,
                    created_by_id=actor_id,
                )
            )
            suffix = f" — {note}" if note else ""
            s.add_all(
                [
                    TicketEvent(
                        ticket_id=source.id,
                        at=now,
                        actor_id=actor_id,
                        kind=EventKind.STATUS_CHANGED,
                        old_value=old_status.value,
                        new_value=Status.CANCELLED.value,
                        body=f"Cancelled: merged into {into.number}",
                    ),
                    TicketEvent(
                        ticket_id=source.id,
                        at=now,
                        actor_id=actor_id,
                        kind=EventKind.MERGED,
                        new_value=into.number,
                        body=f"Merged into {into.number}{suffix}",
                    ),
                    TicketEvent(
                        ticket_id=into.id,
                        at=now,
                        actor_id=actor_id,
                        kind=EventKind.MERGED,
                        old_value=source.number,
                        body=f"Merged {source.number} into this ticket ({source.subject})"
                        + (f"; {moved} link(s) moved here" if moved else "")
                        + suffix,
                    ),
                ]
            )
            changes = self._announce(s, touched, now, recompute=True)
            return MergeResult(source.number, into.number, moved, changes)

    # -- helpers -------------------------------------------------------------------------------

    def _move_links(
        self,
        s: Session,
        source: Ticket,
        into: Ticket,
        actor_id: int,
        now: dt.datetime,
        touched: set[int],
    ) -> int:
        """Point the source's links at the target, dropping those that would be self links,
        duplicates, cycles or wrong for the target's type (a lost link gets a LINKED event on
        the other ticket; losing a problem's last incident is refused). Returns how many moved."""
        rows = s.scalars(
            select(TicketLink)
            .where(or_(TicketLink.source_id == source.id, TicketLink.target_id == source.id))
            .where(TicketLink.kind != MERGED_INTO)
            .order_by(TicketLink.id)
        ).all()
        moved = 0
        for link in rows:
            outgoing = link.source_id == source.id
            other = load_ticket(s, link.target_id if outgoing else link.source_id)
            new_source, new_target = (into, other) if outgoing else (other, into)
            s.delete(link)
            s.flush()
            refused = link_problem(s, new_source, new_target, link.kind)
            if other.id == into.id or refused:
                if outgoing and link.kind == CAUSED_BY and not _has_incident(s, other.id):
                    # Dropping it would leave the problem without any incident behind it,
                    # which `unlink` protects too: the technician must decide, not the merge.
                    raise ValidationError({"into": "drops_last_incident"})
                if other.id == into.id or refused == {"target": "duplicate"}:
                    # Nothing is lost: the merge itself, or the same link on the target, says it.
                    continue
                # Lost (wrong for the target's type, or a cycle), never silently: the other
                # ticket's timeline says the link is gone and why.
                touched.add(other.id)
                s.add(
                    TicketEvent(
                        ticket_id=other.id,
                        at=now,
                        actor_id=actor_id,
                        kind=EventKind.LINKED,
                        old_value=source.number,
                        new_value="",
                        body=f"Link removed: {source.number} was merged into {into.number}, "
                        "which cannot take the link",
                    )
                )
                continue
            s.add(
                TicketLink(
                    source_id=new_source.id,
                    target_id=new_target.id,
                    kind=link.kind,
                    created_at=now,
                    created_by_id=actor_id,
                )
            )
            s.flush()
            moved += 1
            touched.add(other.id)
            s.add(
                TicketEvent(
                    ticket_id=other.id,
                    at=now,
                    actor_id=actor_id,
                    kind=EventKind.LINKED,
                    old_value=source.number,
                    new_value=into.number,
                    body=f"Link moved from {source.number} to {into.number} (merge)",
                )
            )
        return moved

    def _announce(self, s: Session, ids: set[int], now: dt.datetime, *, recompute: bool) -> Changes:
        s.flush()
        # Plain UPDATE: the timelines moved, the fields (and versions) of untouched rows did not.
        s.execute(update(Ticket).where(Ticket.id.in_(ids)).values(updated_at=now))
        if recompute and self._sla is not None:
            self._sla.recompute_in(s, sorted(ids), now)
        changes = Changes("ticket", frozenset(ids))
        self._db.announce(s, changes)
        return changes


def links_in(s: Session, ticket_id: int) -> list[LinkRow]:
    """The ticket's links, both directions, oldest first (in the caller's session)."""
    rows = s.scalars(
        select(TicketLink)
        .where(or_(TicketLink.source_id == ticket_id, TicketLink.target_id == ticket_id))
        .order_by(TicketLink.created_at, TicketLink.id)
    ).all()
    others = {r.target_id if r.source_id == ticket_id else r.source_id for r in rows}
    tickets = (
        {t.id: t for t in s.scalars(select(Ticket).where(Ticket.id.in_(others))).all()}
        if others
        else {}
    )
    result = []
    for r in rows:
        outgoing = r.source_id == ticket_id
        other = tickets[r.target_id if outgoing else r.source_id]
        result.append(
            LinkRow(
                link_id=r.id,
                kind=r.kind,
                outgoing=outgoing,
                other_id=other.id,
                other_number=other.number,
                other_subject=other.subject,
                other_type=other.type,
                other_status=other.status,
                created_at=r.created_at,
            )
        )
    return result


def link_problem(s: Session, source: Ticket, target: Ticket, kind: str) -> dict[str, str] | None:
    """Why `source → target` of `kind` may not be added (a ValidationError's problems), or None."""
    if source.id == target.id:
        return {"target": "self_link"}
    if kind == CAUSED_BY:
        if target.type is not TicketType.PROBLEM:
            return {"target": "not_problem"}
        if source.type not in _INCIDENT_TYPES:
            return {"source": "not_incident"}
    pairs = [(source.id, target.id)]
    if kind == RELATED:
        pairs.append((target.id, source.id))
    for a, b in pairs:
        found = s.scalar(
            select(TicketLink.id).where(
                TicketLink.source_id == a, TicketLink.target_id == b, TicketLink.kind == kind
            )
        )
        if found is not None:
            return {"target": "duplicate"}
    if kind in (CHILD_OF, DUPLICATE_OF) and _reaches(s, target.id, source.id, kind):
        return {"target": "cycle"}
    return None


def _has_incident(s: Session, problem_id: int) -> bool:
    """True when some ticket is still "caused by" `problem_id` (in the caller's session)."""
    found = s.scalar(
        select(TicketLink.id)
        .where(TicketLink.target_id == problem_id, TicketLink.kind == CAUSED_BY)
        .limit(1)
    )
    return found is not None


def _reaches(s: Session, start: int, goal: int, kind: str) -> bool:
    """True when following `kind` links from `start` (source → target) arrives at `goal`."""
    seen: set[int] = set()
    frontier = {start}
    while frontier:
        if goal in frontier:
            return True
        seen |= frontier
        frontier = (
            set(
                s.scalars(
                    select(TicketLink.target_id).where(
                        TicketLink.source_id.in_(frontier), TicketLink.kind == kind
                    )
                ).all()
            )
            - seen
        )
    return False


def _link_events(
    s: Session,
    source: Ticket,
    target: Ticket,
    kind: str,
    actor_id: int,
    now: dt.datetime,
    *,
    removed: bool,
) -> None:
    on_source, on_target = _WORDING[kind]
    for ticket, other, text in ((source, target, on_source), (target, source, on_target)):
        body = text.format(other=other.number)
        s.add(
            TicketEvent(
                ticket_id=ticket.id,
                at=now,
                actor_id=actor_id,
                kind=EventKind.LINKED,
                old_value=other.number if removed else "",
                new_value="" if removed else other.number,
                body=f"Link removed: {body}" if removed else f"{body}: {other.subject}",
            )
        )
