"""Checks a typed data-capture section against its spec: a clean document, or problems per field.

Problems are keyed like the form's widgets: "legal_name" for a field, "sites[2].timezone" for a
cell (0-based row), "sites" for the table as a whole. Pure functions; the service passes the ids
a reference may point at.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

from app.services import onboarding_fields as check
from app.services.onboarding_fields import FieldError
from app.services.onboarding_spec import ROW_ID, ROW_KEY, Field, Kind, Section, Table

#: A NUL cannot be stored by PostgreSQL; refused on every backend so both behave alike.
_NUL: Final = "\x00"

_SIMPLE: Final[dict[Kind, Callable[[str], object]]] = {
    Kind.HOSTNAME: check.hostname,
    Kind.IP: check.ip_address,
    Kind.HOST: check.host,
    Kind.PORT: check.port,
    Kind.URL: check.url,
    Kind.EMAIL: check.email,
    Kind.PHONE: check.phone,
    Kind.TIMEZONE: check.timezone,
    Kind.DATE: check.date,
    Kind.COUNTRY: check.country,
}


@dataclass(frozen=True, slots=True)
class References:
    """The records a reference field of this client may point at."""

    contacts: frozenset[int] = frozenset()
    credentials: frozenset[str] = frozenset()
    policies: frozenset[int] = frozenset()
    technicians: frozenset[int] = frozenset()


@dataclass(slots=True)
class Checked:
    data: dict[str, Any] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)
    #: Per table, the typed row number of each clean row (blank rows are dropped), so later
    #: problems name the row the user sees.
    typed_rows: dict[str, list[int]] = field(default_factory=dict)

    def row_key(self, table: str, clean_index: int) -> str:
        return f"{table}[{self.typed_rows[table][clean_index]}]"


def validate(section: Section, raw: Mapping[str, Any], refs: References) -> Checked:
    """Check every field and cell; all problems are reported at once, nothing is dropped."""
    out = Checked()
    for f in section.fields:
        _field(f, raw.get(f.key), refs, f.key, out.data, out.problems)
    for t in section.tables:
        rows = raw.get(t.key) or []
        if not isinstance(rows, list):
            out.problems[t.key] = "invalid"
            continue
        filled = [
            (i, row)
            for i, row in enumerate(rows)
            if not isinstance(row, Mapping) or not _blank(row, t)
        ]
        if len(filled) > t.max_rows:
            out.problems[t.key] = "too_many_rows"
            continue
        out.typed_rows[t.key] = [i for i, _ in filled]
        out.data[t.key] = _table(t, filled, refs, out.problems)
    return out


def _table(
    t: Table, rows: list[tuple[int, Any]], refs: References, problems: dict[str, str]
) -> list[Any]:
    """Rows with something typed (an empty line is not an error, just nothing)."""
    clean_rows: list[dict[str, Any]] = []
    for i, row in rows:
        if not isinstance(row, Mapping):
            problems[f"{t.key}[{i}]"] = "invalid"
            continue
        clean: dict[str, Any] = {ROW_KEY: _row_key(row.get(ROW_KEY))}
        if row.get(ROW_ID) not in (None, ""):
            try:
                clean[ROW_ID] = int(row[ROW_ID])
            except (TypeError, ValueError):
                problems[f"{t.key}[{i}]"] = "invalid"
        for c in t.columns:
            _field(c, row.get(c.key), refs, f"{t.key}[{i}].{c.key}", clean, problems)
        clean_rows.append(clean)
    return clean_rows


def _blank(row: Mapping[str, Any], t: Table) -> bool:
    return all(_text(row.get(c.key)) == "" for c in t.columns if c.kind is not Kind.BOOL)


def _row_key(value: object) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return str(uuid.uuid4())


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else ""
    return str(value).strip()


def _field(
    f: Field,
    value: object,
    refs: References,
    where: str,
    into: dict[str, Any],
    problems: dict[str, str],
) -> None:
    if f.kind is Kind.BOOL:
        into[f.key] = value is True or _text(value).lower() in ("true", "1", "yes")
        return
    text = _text(value)
    if not text:
        if f.required:
            problems[where] = "required"
        into[f.key] = None if f.kind in _NULLABLE else ""
        return
    if _NUL in text:
        problems[where] = "invalid"
        return
    if len(text) > f.max_length:
        problems[where] = "too_long"
        return
    try:
        into[f.key] = _convert(f, text, refs)
    except FieldError as e:
        problems[where] = e.code


#: Kinds stored as numbers or ids; empty is None rather than "".
_NULLABLE: Final = frozenset(
    {Kind.PORT, Kind.INTEGER, Kind.CONTACT, Kind.POLICY, Kind.TECHNICIAN, Kind.CREDENTIAL}
)


def _convert(f: Field, text: str, refs: References) -> object:
    simple = _SIMPLE.get(f.kind)
    if simple is not None:
        return simple(text)
    match f.kind:
        case Kind.TEXT:
            return " ".join(text.split())
        case Kind.MULTILINE:
            return text
        case Kind.INTEGER:
            return check.integer(text, f.minimum, f.maximum)
        case Kind.NUMBER:
            return check.number(text, Decimal(f.minimum), Decimal(f.maximum))
        case Kind.CHOICE:
            if text not in f.choices:
                raise FieldError("invalid_choice")
            return text
        case Kind.CONTACT:
            return _ref(text, refs.contacts, "unknown_contact")
        case Kind.POLICY:
            return _ref(text, refs.policies, "unknown_policy")
        case Kind.TECHNICIAN:
            return _ref(text, refs.technicians, "unknown_technician")
        case Kind.CREDENTIAL:
            if text not in refs.credentials:
                raise FieldError("unknown_credential")
            return text
    raise AssertionError(f.kind)


def _ref(text: str, known: frozenset[int], code: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise FieldError(code) from None
    if value not in known:
        raise FieldError(code)
    return value
