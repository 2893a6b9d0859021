"""Canned replies (C3): reusable reply texts with placeholders, shared with the team or private
to their owner, for every client or one.

Placeholders: {client}, {contact}, {ticket} (the number), {technician} (the one replying) and
{subject}; `{{` and `}}` stand for literal braces. An unknown name or a lone brace is refused
when the reply is saved and when it is rendered (`PlaceholderError`). A ticket without a contact
renders {contact} as "there" ("Hello {contact}," reads "Hello there,"). Any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import CannedReply, Client, Contact, Technician, Ticket
from app.models.enums import Role
from app.models.ticket import format_number
from app.services.clock import Clock
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.permissions import require_editor

NAME_MAX: Final = 200
BODY_MAX: Final = 20_000
PLACEHOLDERS: Final = ("client", "contact", "ticket", "technician", "subject")
#: What {contact} says when the ticket has no contact.
NO_CONTACT: Final = "there"
CHANGES_KIND: Final = "canned_reply"
_PIECE: Final = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class PlaceholderError(ValidationError):
    """The reply's text has an unknown placeholder `{name}`, or a lone brace (`unbalanced`)."""

    def __init__(self, name: str, *, unbalanced: bool = False) -> None:
        super().__init__({"body": "unbalanced_brace" if unbalanced else "unknown_placeholder"})
        self.name = name
        self.unbalanced = unbalanced


@dataclass(frozen=True, slots=True)
class CannedReplyRow:
    reply_id: int
    name: str
    body: str
    #: None = for every client.
    client_id: int | None
    client_name: str | None
    #: None = shared with the team; else the owner's private reply.
    owner_id: int | None
    version: int

    @property
    def shared(self) -> bool:
        return self.owner_id is None


def fill(body: str, values: dict[str, str]) -> str:
    """`body` with each {name} replaced by `values[name]`; raises `PlaceholderError`."""
    out: list[str] = []
    pos = 0
    for m in _PIECE.finditer(body):
        out.append(body[pos : m.start()])
        pos = m.end()
        piece = m.group(0)
        if piece in ("{{", "}}"):
            out.append(piece[0])
        elif m.group(1) is None:
            raise PlaceholderError("", unbalanced=True)
        else:
            name = m.group(1).strip()
            if name not in values:
                raise PlaceholderError(m.group(1))
            out.append(values[name])
    out.append(body[pos:])
    return "".join(out)


def check_placeholders(body: str) -> None:
    """Raise `PlaceholderError` unless every placeholder in `body` is known."""
    fill(body, dict.fromkeys(PLACEHOLDERS, ""))


class CannedReplyService:
    """Use cases on canned replies. Any thread; each call commits its own unit of work."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def replies(self, actor: int, client_id: int | None = None) -> list[CannedReplyRow]:
        """The replies `actor` may use: shared ones and their own, for every client plus
        `client_id`'s (all clients' when `client_id` is None), by name."""
        stmt = (
            select(CannedReply, Client.name)
            .outerjoin(Client, CannedReply.client_id == Client.id)
            .where(or_(CannedReply.owner_id.is_(None), CannedReply.owner_id == actor))
            .order_by(CannedReply.name, CannedReply.id)
        )
        if client_id is not None:
            stmt = stmt.where(
                or_(CannedReply.client_id.is_(None), CannedReply.client_id == client_id)
            )
        with self._db.read() as s:
            return [_row(r, name) for r, name in s.execute(stmt).all()]

    def get(self, reply_id: int, actor: int) -> CannedReplyRow:
        with self._db.read() as s:
            reply = _visible(s, reply_id, actor)
            client = s.get(Client, reply.client_id) if reply.client_id else None
            return _row(reply, client.name if client else None)

    def create(
        self, name: str, body: str, client_id: int | None, private: bool, actor: int
    ) -> CannedReplyRow:
        name = name.strip()
        with self._db.write() as s:
            require_editor(s, actor, "edit_canned_reply")
            _validate(s, name, body, client_id)
            reply = CannedReply(
                name=name,
                body=body,
                client_id=client_id,
                owner_id=actor if private else None,
                created_at=self._clock.now(),
            )
            s.add(reply)
            s.flush()
            self._db.announce(s, Changes(CHANGES_KIND, frozenset({reply.id})))
            return self._row_in(s, reply)

    def update(
        self,
        reply_id: int,
        expected_version: int,
        name: str,
        body: str,
        client_id: int | None,
        private: bool,
        actor: int,
    ) -> CannedReplyRow:
        """Save an edit; a private reply may only be edited by its owner (and stays theirs).

        Only an administrator may take a shared reply private (PermissionDeniedError
        unshare_canned_reply); the owner of a private reply may share it.
        """
        name = name.strip()
        try:
            with self._db.write() as s:
                tech = require_editor(s, actor, "edit_canned_reply")
                reply = _visible(s, reply_id, actor)
                if reply.version != expected_version:
                    raise ConcurrentEditError("canned_reply", reply.id, reply.version)
                if reply.owner_id is None and private and tech.role is not Role.ADMIN:
                    # A shared reply belongs to the team: making it one technician's private
                    # reply would take it from everyone else's list.
                    raise PermissionDeniedError("unshare_canned_reply")
                _validate(s, name, body, client_id)
                reply.name, reply.body, reply.client_id = name, body, client_id
                reply.owner_id = actor if private else None
                s.flush()
                self._db.announce(s, Changes(CHANGES_KIND, frozenset({reply.id})))
                return self._row_in(s, reply)
        except StaleDataError:
            with self._db.read() as s:
                current = _visible(s, reply_id, actor)
                raise ConcurrentEditError("canned_reply", reply_id, current.version) from None

    def delete(self, reply_id: int, actor: int) -> None:
        """Delete a reply: one's own private reply, or (administrators only) a shared one
        (PermissionDeniedError delete_shared_canned_reply)."""
        with self._db.write() as s:
            tech = require_editor(s, actor, "edit_canned_reply")
            reply = _visible(s, reply_id, actor)
            if reply.owner_id is None and tech.role is not Role.ADMIN:
                # The team's shared replies are desk content: one technician may not remove them.
                raise PermissionDeniedError("delete_shared_canned_reply")
            s.delete(reply)
            self._db.announce(s, Changes(CHANGES_KIND, frozenset({reply_id})))

    def render(self, reply_id: int, ticket_id: int, actor: int) -> str:
        """The reply's text for the ticket, placeholders filled."""
        with self._db.read() as s:
            reply = _visible(s, reply_id, actor)
            ticket = s.get(Ticket, ticket_id)
            if ticket is None:
                raise NotFoundError("ticket", ticket_id)
            if reply.client_id not in (None, ticket.client_id):
                raise ValidationError({"reply_id": "other_client"})
            client = s.get(Client, ticket.client_id)
            contact = s.get(Contact, ticket.contact_id) if ticket.contact_id else None
            tech = s.get(Technician, actor)
            values = {
                "client": client.name if client else "",
                "contact": contact.name if contact and contact.name.strip() else NO_CONTACT,
                "ticket": format_number(ticket.id),
                "technician": tech.name if tech else "",
                "subject": ticket.subject,
            }
            return fill(reply.body, values)

    def _row_in(self, s: Session, reply: CannedReply) -> CannedReplyRow:
        client = s.get(Client, reply.client_id) if reply.client_id else None
        return _row(reply, client.name if client else None)


def _validate(s: Session, name: str, body: str, client_id: int | None) -> None:
    problems: dict[str, str] = {}
    if not name:
        problems["name"] = "required"
    elif len(name) > NAME_MAX:
        problems["name"] = "too_long"
    elif "\x00" in name:
        problems["name"] = "invalid"
    if not body.strip():
        problems["body"] = "required"
    elif len(body) > BODY_MAX:
        problems["body"] = "too_long"
    elif "\x00" in body:
        problems["body"] = "invalid"
    if client_id is not None and s.get(Client, client_id) is None:
        problems["client_id"] = "not_found"
    if problems:
        raise ValidationError(problems)
    check_placeholders(body)


def _visible(s: Session, reply_id: int, actor: int) -> CannedReply:
    """The reply if `actor` may see it: someone else's private reply does not exist for them."""
    reply = s.get(CannedReply, reply_id)
    if reply is None:
        raise NotFoundError("canned_reply", reply_id)
    if reply.owner_id is not None and reply.owner_id != actor:
        raise PermissionDeniedError("use_private_canned_reply")
    return reply


def _row(r: CannedReply, client_name: str | None) -> CannedReplyRow:
    return CannedReplyRow(r.id, r.name, r.body, r.client_id, client_name, r.owner_id, r.version)


__all__ = [
    "CannedReplyRow",
    "CannedReplyService",
    "PlaceholderError",
    "check_placeholders",
    "fill",
]
