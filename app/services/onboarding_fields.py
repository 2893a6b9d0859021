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
#: "http:/x", "https//x": a scheme typed wrong, not a host called "http".
_MISTYPED_SCHEME: Final = re.compile(r"https?[:/]", re.IGNORECASE)
_EXTENSION: Final = re.compile(r"\s*(?:x|ext\.?)\s*[0-9]{1,6}$", re.IGNORECASE)
#: ASCII digits only: int() would also take "2_2" and other scripts' digits.
_DIGITS: Final = re.compile(r"[0-9]{1,6}")
_INTEGER: Final = re.compile(r"[+-]?[0-9]{1,15}")
#: Numbers smaller than a millionth are typing accidents (prepaid hours, licence counts).
_SMALLEST_EXPONENT: Final = -6


class FieldError(ValueError):
    """A typed value is not acceptable; `code` names why ("invalid_ip", "out_of_range", ...)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def hostname(text: str) -> str:
    """A DNS host name (RFC 1123), lower-cased; a trailing dot is dropped."""
    name = text.strip().lower()
    # One trailing dot is the DNS root ("host.example."); more are a typo.
    name = name[:-1] if name.endswith(".") else name
    if not name or len(name) > 253 or not all(_LABEL.fullmatch(p) for p in name.split(".")):
        raise FieldError("invalid_hostname")
    if name.replace(".", "").isdigit():
        # "10.0.0.300" is a mistyped address, not a host name.
        raise FieldError("invalid_hostname")
    return name


def ip_address(text: str) -> str:
    """An IPv4 or IPv6 address in its canonical form; never scoped (`fe80::1%eth0`)."""
    if "%" in text:
        # A zone names an interface of the machine typing it, not of the client's network, and
        # remote targets refuse it (remote.md §1).
        raise FieldError("invalid_ip")
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
    if not _DIGITS.fullmatch(text.strip()):
        raise FieldError("invalid_port")
    value = int(text.strip())
    if not 1 <= value <= 65535:
        raise FieldError("invalid_port")
    return value


def url(text: str) -> str:
    """An http(s) URL with a valid host; "example.com/x" is taken as https."""
    raw = text.strip()
    if any(c.isspace() or not c.isprintable() for c in raw):
        raise FieldError("invalid_url")
    if "://" not in raw:
        if _MISTYPED_SCHEME.match(raw):
            raise FieldError("invalid_url")
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        hostpart = parts.hostname or ""
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        raise FieldError("invalid_url") from None
    if parts.scheme.lower() not in _URL_SCHEMES:
        raise FieldError("invalid_url")
    if parts.username is not None or parts.password is not None:
        # "https://user:pass@host" would put a password in the form's plain text: the vault
        # is the place for it.
        raise FieldError("credentials_in_url")
    try:
        host(hostpart)
    except FieldError:
        raise FieldError("invalid_url") from None
    return raw


def email(text: str) -> str:
    value = text.strip()
    if len(value) > 320 or not value.isprintable() or not _EMAIL.fullmatch(value):
        raise FieldError("invalid_email")
    try:
        domain = hostname(value.rsplit("@", 1)[1])
    except FieldError:
        raise FieldError("invalid_email") from None
    if "." not in domain:
        raise FieldError("invalid_email")
    return value


def phone(text: str) -> str:
    """A phone number as typed, with runs of spaces collapsed; needs at least 4 digits."""
    value = " ".join(text.split())
    number = _EXTENSION.sub("", value)
    if not _PHONE.fullmatch(value) or sum(c.isdigit() for c in number) < 4:
        raise FieldError("invalid_phone")
    return value


@cache
def _zones() -> frozenset[str]:
    # "localtime", "posixrules" and "Factory" exist on some systems only and name no place.
    return frozenset(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")


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
    if not _INTEGER.fullmatch(text.strip()):
        raise FieldError("invalid_number")
    value = int(text.strip())
    if not lo <= value <= hi:
        raise FieldError("out_of_range")
    return value


def number(text: str, lo: Decimal, hi: Decimal) -> str:
    """A decimal number ("12.5"; a comma is accepted as the decimal mark), stored as text."""
    plain = text.strip().replace(",", ".")
    if len(plain) > 30:
        raise FieldError("invalid_number")
    try:
        value = Decimal(plain)
    except InvalidOperation:
        raise FieldError("invalid_number") from None
    if not value.is_finite():
        raise FieldError("invalid_number")
    # Bounds the stored text too: "1e-999999" would otherwise become a megabyte of zeros.
    if not lo <= value <= hi or (value and value.adjusted() < _SMALLEST_EXPONENT):
        raise FieldError("out_of_range")
    # `+ 0` turns "-0" into "0".
    return format(value.normalize() + 0, "f")


def country(text: str) -> str:
    """An ISO 3166 alpha-2 code, upper-cased."""
    value = text.strip()
    # Check before upper-casing: "ß".upper() is "SS".
    if len(value) != 2 or not value.isascii() or not value.isalpha():
        raise FieldError("invalid_country")
    return value.upper()
