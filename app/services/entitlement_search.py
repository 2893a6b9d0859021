"""The search half of the intake lookup: one text against every key a caller may quote.

Entitlement keys (serial, asset tag, contract number, licence key) are compared normalised
(`normalise_key`) against indexed columns, exact first and then by prefix, with index range
conditions rather than LIKE so that both backends use the index among a million assets. Names,
e-mail addresses and client codes use escaped ILIKE on the small contact and client tables; phone
numbers compare digits only.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    bindparam,
    cast,
    func,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from app.models import Asset, Client, Contact, Contract, Licence
from app.models.entitlement import normalise_key
from app.services.ticket_queue import escape_like

#: Phone digits needed before a number is compared (fewer match half the directory).
MIN_PHONE_DIGITS: Final = 4
_PHONE_NOISE: Final = (" ", "+", "-", "(", ")", ".", "/")


class MatchKind(enum.StrEnum):
    """What the typed text matched; key kinds first, in the order results are shown."""

    SERIAL = "serial"
    ASSET_TAG = "asset_tag"
    CONTRACT = "contract"
    LICENCE = "licence"
    EMAIL = "email"
    PHONE = "phone"
    CONTACT = "contact"
    CLIENT = "client"


_KIND_ORDER: Final = {k: i for i, k in enumerate(MatchKind)}
_CUSTOM_PLANS: Final = sql("SET LOCAL plan_cache_mode = force_custom_plan")
_KEY_KINDS: Final = frozenset(
    {MatchKind.SERIAL, MatchKind.ASSET_TAG, MatchKind.CONTRACT, MatchKind.LICENCE}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One search result: what matched, and the client (contact, device, contract) it leads to."""

    kind: MatchKind
    #: The stored text that matched (serial as typed at import, contract number, e-mail …).
    matched: str
    #: The whole key or address matched, not just its start.
    exact: bool
    client_id: int
    client_name: str
    contact_id: int | None = None
    contact_name: str = ""
    asset_id: int | None = None
    asset_label: str = ""
    contract_id: int | None = None
    contract_label: str = ""
    #: Clients holding the same contract number (> 1: ask the caller which client they are).
    shared_by: int = 1


def phone_digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def search(s: Session, text: str, limit: int) -> list[Candidate]:
    """Candidates for stripped `text` (2+ characters), exact key matches first, no repeats.

    Names, e-mail addresses, phone numbers and client names are searched only when no
    entitlement key matched `text` exactly.
    """
    key = normalise_key(text)
    found: list[Candidate] = []
    if s.get_bind().dialect.name == "postgresql":
        # psycopg prepares statements it sees often, and PostgreSQL's generic plan for a range
        # of unknown keys expects thousands of rows and hash-joins whole tables (milliseconds
        # instead of microseconds at a million assets): plan each lookup for its own keys.
        s.execute(_CUSTOM_PLANS)
    if len(key) >= 2:
        found += _keys(s, key, limit)
    # A whole serial, tag, contract number or licence key says who is calling: skip the name
    # scans (contacts and clients have no index for "contains"), the slow part of a lookup.
    if not any(c.exact for c in found):
        found += _contacts(s, text, limit)
        found += _clients(s, text, limit)
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for c in sorted(found, key=_rank):
        ident = (c.kind, c.client_id, c.contact_id, c.asset_id, c.contract_id, c.matched)
        if ident not in seen:
            seen.add(ident)
            unique.append(c)
    return unique[:limit]


def _rank(c: Candidate) -> tuple[int, int, str, str]:
    # One contract number written two ways at two clients sorts by client, not by spelling.
    text = normalise_key(c.matched) if c.kind in _KEY_KINDS else c.matched.casefold()
    return (0 if c.exact else 1, _KIND_ORDER[c.kind], text, c.client_name)


def _key_range(column: Any) -> ColumnElement[bool]:
    """`key <= column < upper`: the key and every longer key it starts, as one index range.
    LIKE would miss the index on SQLite (case-insensitive LIKE) and on PostgreSQL outside the C
    collation. The exact key sorts first within the range."""
    return and_(column >= bindparam("key"), column < bindparam("upper"))


def _upper(key: str) -> str:
    return key[:-1] + chr(ord(key[-1]) + 1)


def _branch(kind: MatchKind, column: Any, *columns: Any, joins: Any) -> Any:
    """One key kind's rows in the common column order, ordered and limited on its own index."""
    # A constant in the SQL text, not a parameter: the statement stays the same per kind.
    stmt = select(literal_column(f"'{kind.value}'", String).label("kind"), *columns)
    for target, on in joins:
        stmt = stmt.outerjoin(target, on)
    return stmt.where(_key_range(column)).order_by(column).limit(bindparam("limit")).subquery()


def _no(kind: Any) -> Any:
    return cast(null(), kind)


def _keys_statement() -> Any:
    """Serial, asset tag, contract number and licence key in one round trip: on a loaded
    PostgreSQL server every statement costs a round trip, more than the index lookups."""
    client = Client.name.label("client_name")
    asset_joins = (
        (Client, Client.id == Asset.client_id),
        (Contact, Contact.id == Asset.contact_id),
        (Contract, Contract.id == Asset.contract_id),
    )

    def asset_columns(stored: Any, stored_key: Any) -> tuple[Any, ...]:
        return (
            Asset.id.label("asset_id"), Asset.client_id.label("client_id"),
            Asset.contact_id.label("contact_id"), Asset.contract_id.label("contract_id"),
            stored.label("stored"), stored_key.label("stored_key"),
            Asset.description.label("label"), Asset.serial.label("serial"), client,
            Contact.name.label("contact_name"), Contract.name.label("contract_name"),
            Contract.number.label("contract_number"),
        )  # fmt: skip

    branches = (
        _branch(
            MatchKind.SERIAL,
            Asset.serial_key,
            *asset_columns(Asset.serial, Asset.serial_key),
            joins=asset_joins,
        ),
        _branch(
            MatchKind.ASSET_TAG,
            Asset.tag_key,
            *asset_columns(Asset.asset_tag, Asset.tag_key),
            joins=asset_joins,
        ),
        _branch(
            MatchKind.CONTRACT,
            Contract.number_key,
            _no(Integer).label("asset_id"),
            Contract.client_id.label("client_id"),
            _no(Integer).label("contact_id"),
            Contract.id.label("contract_id"),
            Contract.number.label("stored"),
            Contract.number_key.label("stored_key"),
            Contract.name.label("label"),
            _no(String).label("serial"),
            client,
            _no(String).label("contact_name"),
            Contract.name.label("contract_name"),
            Contract.number.label("contract_number"),
            joins=((Client, Client.id == Contract.client_id),),
        ),
        _branch(
            MatchKind.LICENCE,
            Licence.key_norm,
            _no(Integer).label("asset_id"),
            Licence.client_id.label("client_id"),
            _no(Integer).label("contact_id"),
            Licence.contract_id.label("contract_id"),
            Licence.licence_key.label("stored"),
            Licence.key_norm.label("stored_key"),
            Licence.product.label("label"),
            _no(String).label("serial"),
            client,
            _no(String).label("contact_name"),
            _no(String).label("contract_name"),
            _no(String).label("contract_number"),
            joins=((Client, Client.id == Licence.client_id),),
        ),
    )
    return union_all(*(select(b) for b in branches))


_BY_KEY: Final = _keys_statement()


def _keys(s: Session, key: str, limit: int) -> list[Candidate]:
    params = {"key": key, "upper": _upper(key), "limit": limit}
    rows = [r for r in s.execute(_BY_KEY, params) if r.stored_key.startswith(key)]
    # Clients holding each contract number: more than one means "ask which client".
    holders: dict[str, set[int]] = {}
    for r in rows:
        if r.kind == MatchKind.CONTRACT:
            holders.setdefault(r.stored_key, set()).add(r.client_id)
    out = []
    for r in rows:
        kind = MatchKind(r.kind)
        is_asset = kind in (MatchKind.SERIAL, MatchKind.ASSET_TAG)
        out.append(
            Candidate(
                kind,
                r.stored,
                r.stored_key == key,
                r.client_id,
                r.client_name,
                contact_id=r.contact_id,
                contact_name=r.contact_name or "",
                asset_id=r.asset_id,
                asset_label=(r.label or r.serial) if is_asset else "",
                contract_id=r.contract_id,
                contract_label=r.label
                if kind is MatchKind.LICENCE
                else _contract_label(r.contract_name, r.contract_number),
                shared_by=len(holders.get(r.stored_key, ())) if kind is MatchKind.CONTRACT else 1,
            )
        )
    return out


def _digits_expr(column: Any) -> Any:
    expr = column
    for ch in _PHONE_NOISE:
        expr = func.replace(expr, ch, "")
    return expr


def _contacts(s: Session, text: str, limit: int) -> list[Candidate]:
    pattern = f"%{escape_like(text)}%"
    conditions: list[ColumnElement[bool]] = [
        Contact.name.ilike(pattern, escape="\\"),
        Contact.email.ilike(pattern, escape="\\"),
    ]
    digits = phone_digits(text)
    looks_like_phone = len(digits) >= MIN_PHONE_DIGITS and not re.search(r"[A-Za-z@]", text)
    if looks_like_phone:
        # A national number typed with its trunk zero ("0475 …") still finds "+32 475 …".
        conditions.append(_digits_expr(Contact.phone).like(f"%{digits.lstrip('0')}%"))
    stmt = (
        select(Contact, Client.name)
        .join(Client, Client.id == Contact.client_id)
        .where(Contact.active.is_(True), or_(*conditions))
        .order_by(Contact.name, Contact.id)
        .limit(limit)
    )
    folded = text.casefold()
    out = []
    for contact, client_name in s.execute(stmt):
        if looks_like_phone and digits.lstrip("0") in phone_digits(contact.phone):
            kind, matched = MatchKind.PHONE, contact.phone
            exact = phone_digits(contact.phone).endswith(digits.lstrip("0"))
        elif folded in contact.name.casefold():
            kind, matched, exact = MatchKind.CONTACT, contact.name, False
        elif folded in contact.email.casefold():
            kind, matched, exact = (
                MatchKind.EMAIL,
                contact.email,
                folded == contact.email.casefold(),
            )
        else:
            kind, matched, exact = MatchKind.CONTACT, contact.name, False
        out.append(
            Candidate(
                kind,
                matched,
                exact,
                contact.client_id,
                client_name,
                contact_id=contact.id,
                contact_name=contact.name,
            )
        )
    return out


def _clients(s: Session, text: str, limit: int) -> list[Candidate]:
    pattern = f"%{escape_like(text)}%"
    stmt = (
        select(Client)
        .where(
            or_(Client.name.ilike(pattern, escape="\\"), Client.code.ilike(pattern, escape="\\"))
        )
        .order_by(Client.name)
        .limit(limit)
    )
    folded = text.casefold()
    return [
        Candidate(
            MatchKind.CLIENT,
            c.name,
            folded in (c.code.casefold(), c.name.casefold()),
            c.id,
            c.name,
        )
        for c in s.scalars(stmt)
    ]


def _contract_label(name: str | None, number: str | None) -> str:
    if not name:
        return number or ""
    return name if not number or number == name else f"{number} \u2014 {name}"
