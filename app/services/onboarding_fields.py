"""Checks and normalises one typed value of a data-capture field (hostnames, IPs, ports, URLs,
e-mail, phone numbers, time zones, dates, numbers).

Each check returns the value to store or raises `FieldError` with a code the views translate
(`app.views.labels.field_error`). Pure functions; no database.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import zoneinfo
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Final
from urllib.parse import urlsplit

#: RFC 1123 label: letters, digits, inner hyphens, 1–63 characters.
_LABEL: Final = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
#: A pragmatic address check: one @, no spaces, a dotted domain (RFC 5322 allows more; desks don't).
_EMAIL: Final = re.compile(r"[^@\s]{1,64}@[^@\s]+")
#: Phone numbers as people type them: digits with spaces, dots, dashes, parentheses, a leading +,
#: and an optional extension ("x123" / "ext. 123").
_PHONE: Final = re.compile(r"\+?[0-9 ().\-/]{4,30}(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?", re.IGNORECASE)
_URL_SCHEMES: Final = frozenset({"http", "https"})


class FieldError(ValueError):
    """A typed value is not acceptable; `code` names why ("invalid_ip", "out_of_range", ...)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def hostname(text: str) -> str:
    """A DNS host name (RFC 1123), lower-cased; a trailing dot is dropped."""
    name = text.strip().rstrip(".").lower()
    if not name or len(name) > 253 or not all(_LABEL.fullmatch(p) for p in name.split(".")):
        raise FieldError("invalid_hostname")
    if name.replace(".", "").isdigit():
        # "10.0.0.300" is a mistyped address, not a host name.
        raise FieldError("invalid_hostname")
    return name


def ip_address(text: str) -> str:
    """An IPv4 or IPv6 address in its canonical form."""
    try:
        return str(ipaddress.ip_address(text.strip().strip("[]")))
    except ValueError:
        raise FieldError("invalid_ip") from None


def host(text: str) -> str:
    """A host name or an IP address."""
    try:
        return ip_address(text)
    except FieldError:
        pass
    try:
        return hostname(text)
    except FieldError:
        raise FieldError("invalid_host") from None


def port(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise FieldError("invalid_port") from None
    if not 1 <= value <= 65535:
        raise FieldError("invalid_port")
    return value


def url(text: str) -> str:
    """An http(s) URL with a valid host; "example.com/x" is taken as https."""
    raw = text.strip()
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        hostpart = parts.hostname or ""
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        raise FieldError("invalid_url") from None
    if parts.scheme.lower() not in _URL_SCHEMES or " " in raw:
        raise FieldError("invalid_url")
    try:
        host(hostpart)
    except FieldError:
        raise FieldError("invalid_url") from None
    return raw


def email(text: str) -> str:
    value = text.strip()
    if len(value) > 320 or not _EMAIL.fullmatch(value):
        raise FieldError("invalid_email")
    try:
        hostname(value.rsplit("@", 1)[1])
    except FieldError:
        raise FieldError("invalid_email") from None
    if "." not in value.rsplit("@", 1)[1]:
        raise FieldError("invalid_email")
    return value


def phone(text: str) -> str:
    """A phone number as typed, with runs of spaces collapsed; needs at least 4 digits."""
    value = " ".join(text.split())
    if not _PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 4:
        raise FieldError("invalid_phone")
    return value


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def timezone(text: str) -> str:
    """An IANA zone name ("Europe/Brussels"); case-insensitive, returned in its proper case."""
    value = text.strip()
    if value in _zones():
        return value
    folded = {z.casefold(): z for z in _zones()}
    found = folded.get(value.casefold())
    if found is None:
        raise FieldError("unknown_timezone")
    return found


def date(text: str) -> str:
    """An ISO date (YYYY-MM-DD), stored as that text."""
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise FieldError("invalid_date") from None


def integer(text: str, lo: int, hi: int) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise FieldError("invalid_number") from None
    if not lo <= value <= hi:
        raise FieldError("out_of_range")
    return value


def number(text: str, lo: Decimal, hi: Decimal) -> str:
    """A decimal number ("12.5"; a comma is accepted as the decimal mark), stored as text."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise FieldError("invalid_number") from None
    if not value.is_finite():
        raise FieldError("invalid_number")
    if not lo <= value <= hi:
        raise FieldError("out_of_range")
    return format(value.normalize(), "f")


def country(text: str) -> str:
    """An ISO 3166 alpha-2 code, upper-cased."""
    value = text.strip().upper()
    if len(value) != 2 or not value.isalpha() or not value.isascii():
        raise FieldError("invalid_country")
    return value
