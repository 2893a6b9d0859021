"""Demo closure data: resolutions on the demo's resolved and closed tickets, confirmations with
the requester, and CSAT responses (mostly 4–5, some sent or declined, one client with a dip two
months ago) so the client page's trend has something to show.

Runs after the demo tickets exist. Idempotent: tickets that already have a resolution or a CSAT
response are left alone, so running it twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, Final, cast

from sqlalchemy import Table, bindparam, insert, or_, select, update

from app.db import Database
from app.models import Ticket, TicketEvent
from app.models.enums import EventKind, Status
from app.models.workflow import CsatResponse
from app.services.clock import Clock

_RESOLUTIONS: Final = (
    ("fixed", "Cleared the cached credentials and re-entered the password; the user signed in."),
    ("configuration_change", "Corrected the mail profile's server settings; mail flows again."),
    ("hardware_replaced", "Replaced the failing power supply; the device starts normally."),
    ("user_training", "Showed the user how to share the calendar from Outlook on the web."),
    ("vendor_fix", "The vendor applied a hotfix on their side; the application opens again."),
    ("workaround", "Mapped the share by IP address until the DNS record is corrected."),
    ("no_fault_found", "Tested with the user on the phone; everything works as expected."),
)
_COMMENTS: Final = (
    "",
    "",
    "Quick and friendly, thanks!",
    "Solved on the first call.",
    "Took a while but it works now.",
    "Very patient with me.",
)
_DIP_COMMENTS: Final = ("Took far too long.", "Had to call three times.", "")
_SEED: Final = 7
_TICKET = cast(Table, Ticket.__table__)
_SET_RESOLUTION: Final = (
    update(_TICKET)
    .where(_TICKET.c.id == bindparam("tid"))
    .values(
        resolution=bindparam("resolution"),
        resolution_code=bindparam("code"),
        workaround=bindparam("workaround"),
        verified_how=bindparam("how"),
        verified_at=bindparam("verified_at"),
        resolved_at=bindparam("resolved_at"),
    )
)


def seed_demo_closure(db: Database, clock: Clock) -> None:
    """Resolutions, confirmations and CSAT on the demo's finished tickets."""
    now = clock.now()
    with db.write() as s:
        rows = s.execute(
            select(
                Ticket.id,
                Ticket.status,
                Ticket.client_id,
                Ticket.contact_id,
                Ticket.assignee_id,
                Ticket.created_at,
                Ticket.resolved_at,
                Ticket.closed_at,
            )
            .outerjoin(CsatResponse, CsatResponse.ticket_id == Ticket.id)
            .where(
                Ticket.status.in_((Status.RESOLVED, Status.CLOSED)),
                Ticket.resolution == "",
                CsatResponse.id.is_(None),
                or_(Ticket.resolved_at.is_not(None), Ticket.closed_at.is_not(None)),
            )
            .order_by(Ticket.id)
        ).all()
        if not rows:
            return
        clients = sorted({r.client_id for r in rows})
        # The second client had a bad patch two months ago: slow fixes, low scores.
        dip_client = clients[1] if len(clients) > 1 else clients[0]
        dip_from, dip_to = now - dt.timedelta(days=75), now - dt.timedelta(days=45)
        rng = random.Random(_SEED)
        updates: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        answers: list[dict[str, Any]] = []
        for r in rows:
            code, text = rng.choice(_RESOLUTIONS)
            # Closed tickets made without a resolution instant were resolved before closing.
            resolved_at: dt.datetime = r.resolved_at or max(
                r.created_at, r.closed_at - dt.timedelta(hours=rng.uniform(2, 48))
            )
            closed = r.status is Status.CLOSED and r.closed_at is not None
            how, verified_at = "", None
            if closed:
                how = rng.choice(("phone", "phone", "email"))
                verified_at = min(r.closed_at, resolved_at + dt.timedelta(hours=rng.uniform(1, 8)))
            updates.append(
                {
                    "tid": r.id,
                    "resolution": text,
                    "code": code,
                    "workaround": code == "workaround",
                    "how": how,
                    "verified_at": verified_at,
                    "resolved_at": resolved_at,
                }
            )
            events.append(
                _event(r.id, resolved_at, r.assignee_id, EventKind.RESOLUTION, code, text)
            )
            if not closed:
                continue
            assert verified_at is not None
            events.append(
                _event(
                    r.id,
                    verified_at,
                    r.assignee_id,
                    EventKind.REQUESTER_VERIFIED,
                    how,
                    "The requester confirmed the fix"
                    + (" (by phone)." if how == "phone" else " (by e-mail)."),
                )
            )
            in_dip = r.client_id == dip_client and dip_from <= r.closed_at <= dip_to
            state, score, comment = _survey(rng, in_dip)
            answers.append(
                {
                    "ticket_id": r.id,
                    "client_id": r.client_id,
                    "contact_id": r.contact_id,
                    "technician_id": r.assignee_id,
                    "state": state,
                    "score": score,
                    "comment": comment,
                    "channel": "phone" if state == "answered" else "",
                    "recorded_at": r.closed_at,
                    "recorded_by_id": r.assignee_id,
                }
            )
            body = (
                f"The requester rated the service {score}/5 (by phone)."
                if state == "answered"
                else "A satisfaction survey was sent to the requester."
                if state == "sent"
                else "The requester declined the satisfaction survey."
            )
            if comment:
                body += f" Comment: {comment}"
            new = f"{score}/5" if score is not None else state
            events.append(_event(r.id, r.closed_at, r.assignee_id, EventKind.CSAT, new, body))
        conn = s.connection()
        conn.execute(_SET_RESOLUTION, updates)
        conn.execute(insert(TicketEvent), events)
        if answers:
            conn.execute(insert(CsatResponse), answers)


def _survey(rng: random.Random, in_dip: bool) -> tuple[str, int | None, str]:
    roll = rng.random()
    if roll < 0.12:
        return "sent", None, ""
    if roll < 0.18:
        return "declined", None, ""
    if in_dip:
        return "answered", rng.choice((1, 2, 2, 3, 3, 4)), rng.choice(_DIP_COMMENTS)
    return "answered", rng.choice((3, 4, 4, 5, 5, 5)), rng.choice(_COMMENTS)


def _event(
    ticket_id: int, at: dt.datetime, actor: int | None, kind: EventKind, new: str, body: str
) -> dict[str, Any]:
    return {
        "ticket_id": ticket_id,
        "at": at,
        "actor_id": actor,
        "kind": kind,
        "old_value": "",
        "new_value": new,
        "body": body,
        "duration_minutes": None,
        "call_reference": "",
        "public": False,
    }
