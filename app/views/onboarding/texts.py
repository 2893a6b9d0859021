"""Translated wording of the data-capture form: spec labels, choice values and problem codes.

The core's spec carries English source text and stored values; this module is the one place they
become what the technician reads. Tables are built on first use (translators are installed before
any window exists), because table cells call these functions for every painted cell.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QCoreApplication

_CONTEXT: Final = "onboarding"


def tr(text: str) -> str:
    """Translate English source text of this feature (spec titles, labels, hints)."""
    return QCoreApplication.translate(_CONTEXT, text)


#: Wording of the `ValidationError` codes of `onboarding_validation`, `onboarding_fields` and
#: `onboarding_sync`. Phrases without a final full stop: they also follow "Row 3, Time zone: ".
_PROBLEMS: Final[Mapping[str, str]] = {
    "required": "Required",
    "too_long": "Too long",
    "contract_in_use": (
        "A removed contract is named on tickets; end it with a “Valid to” date instead"
    ),
    "invalid_hostname": "Not a valid host name (letters, digits, hyphens and dots)",
    "invalid_ip": "Not a valid IP address (e.g. 192.0.2.10 or 2001:db8::1)",
    "invalid_host": "Not a valid host name or IP address",
    "invalid_port": "Not a valid port (1 to 65535)",
    "invalid_url": "Not a valid web address (e.g. https://example.com)",
    "credentials_in_url": (
        "No user name or password in a web address: it would be stored in plain text. "
        "Keep it in the vault"
    ),
    "invalid_email": "Not a valid e-mail address",
    "invalid_phone": "Not a valid phone number",
    "unknown_timezone": "Unknown time zone (use a name like Europe/Brussels)",
    "invalid_date": "Not a valid date (use YYYY-MM-DD)",
    "invalid_number": "Not a number",
    "out_of_range": "Out of range",
    "invalid_country": "Not a country code (two letters, e.g. BE)",
    "invalid_choice": "Not one of the offered choices",
    "unknown_contact": "Not a contact of this client",
    "unknown_credential": "Not an item of this client's vault",
    "unknown_policy": "Not an active SLA policy",
    "unknown_technician": "Not a technician of the desk",
    "too_many_rows": "Too many rows for this table",
    "duplicate": "This row appears twice",
    "site_in_use": "A removed site still has contacts; move them to another site first",
    "before_start": "Ends before it starts",
    "invalid": "Not valid",
    "too_large": "Too much text to keep as a draft; remove some rows",
    "unknown": "Unknown section",
}


def problem_text(code: str) -> str:
    """The phrase shown for a problem code next to a field or in a table's summary."""
    return _problem_table().get(code) or tr("Not accepted")


@functools.cache
def _problem_table() -> dict[str, str]:
    return {code: tr(text) for code, text in _PROBLEMS.items()}


#: Display text of CHOICE values, by stored value.
_CHOICES: Final[Mapping[str, str]] = {
    "P1": "P1 – Critical",
    "P2": "P2 – High",
    "P3": "P3 – Normal",
    "P4": "P4 – Low",
    "any": "Any",
    "incident": "Incident",
    "service_request": "Service request",
    "change": "Change",
    "problem": "Problem",
    "rdp": "RDP",
    "ssh": "SSH",
    "winrm": "WinRM",
    "vpn": "VPN",
    "tool": "Remote tool",
    "none": "None",
    "pin": "PIN",
    "callback": "Call back on a known number",
    "manager_approval": "Manager approval",
    "security_question": "Security question",
    "24x7": "24×7",
    "business_hours": "Business hours",
    "after_hours": "After hours",
    "key": "Key",
    "password": "Password",
    "https": "HTTPS",
    "http": "HTTP",
    "ntlm": "NTLM",
    "kerberos": "Kerberos",
    "credssp": "CredSSP",
    "basic": "Basic",
    "ipsec": "IPsec",
    "openvpn": "OpenVPN",
    "wireguard": "WireGuard",
    "sslvpn": "SSL VPN",
    "other": "Other",
}

#: Values whose wording depends on the field: "any" ticket type is not "any" time of day.
_CHOICE_OVERRIDES: Final[Mapping[tuple[str, str], str]] = {
    ("applies_to", "any"): "Any ticket type",
    ("hours", "any"): "Any time",
}


def choice_label(field_key: str, value: str) -> str:
    """Display text of a CHOICE field's stored value; an unknown value is shown as stored."""
    if not value:
        return ""
    return _choice_table().get((field_key, value)) or _choice_table().get(("", value)) or value


@functools.cache
def _choice_table() -> dict[tuple[str, str], str]:
    table = {("", value): tr(text) for value, text in _CHOICES.items()}
    table.update({key: tr(text) for key, text in _CHOICE_OVERRIDES.items()})
    return table


def section_heading(number: int, title: str) -> str:
    """ "1. Company and registration": a section as the list and the page header name it."""
    return tr("%1. %2").replace("%1", str(number)).replace("%2", tr(title))


def cell_problem(row: int, column_label: str, code: str) -> str:
    """A line of a table's problem summary; `row` is 0-based, shown 1-based."""
    return (
        tr("Row %1, %2: %3")
        .replace("%1", str(row + 1))
        .replace("%2", tr(column_label))
        .replace("%3", problem_text(code))
    )


def row_problem(row: int, code: str) -> str:
    return tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", problem_text(code))
