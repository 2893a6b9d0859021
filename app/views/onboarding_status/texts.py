"""Translated wording of onboarding readiness, caller verification and approvals: every code the
checklist, completeness, connectivity, verification and approval services return is worded here.

Tables are built on first use (translators are installed before any window exists), because
table cells call these functions for every painted cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.services.errors import (
    ConcurrentEditError,
    DatabaseUnavailableError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.onboarding_score import Check
from app.services.onboarding_spec import SECTIONS

_CONTEXT: Final = "onboarding_status"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# -- completeness ------------------------------------------------------------------------------

#: What a failing check means, in plain words; `{0}` is the check's subject.
_MISSING: Final[Mapping[str, str]] = {
    "section_not_saved": "Form section not saved yet: {0}",
    "no_site": "No site recorded",
    "no_contract": "No contract recorded",
    "no_admin_credential": "No admin credential in the client's vault",
    "no_recent_rotation": "No admin credential rotated in the last 12 months",
    "no_server": "No server or key system recorded",
    "no_remote_method": "No remote connectivity method recorded",
    "remote_never_tested": "Remote method never tested: {0}",
    "remote_failing": "Remote method failing: {0}",
    "no_pin_on_file": "No caller-verification PIN on file",
    "no_approver": "No authorised approver for work needing permission",
    "no_escalation_contact": "No escalation contact for {0}",
    "no_kb_page": "No knowledge base start page",
}


def section_title(key: str) -> str:
    """A data-capture section's title, in the form's own translation context."""
    for section in SECTIONS:
        if section.key == key:
            return QCoreApplication.translate("onboarding", section.title)
    return key


def missing(check: Check) -> str:
    """One failing completeness check as a sentence."""
    subject = check.subject
    if check.code == "section_not_saved":
        subject = section_title(check.section)
    elif check.code in ("remote_never_tested", "remote_failing"):
        kind, _, address = subject.partition(" ")
        subject = f"{remote_kind(kind)} {address}".strip()
    text = _MISSING.get(check.code)
    if text is None:
        return tr("Missing: {0}").format(check.code)
    return tr(text).format(subject)


def score(percent: int) -> str:
    return tr("Onboarding {0} % complete").format(percent)


# -- checklist ---------------------------------------------------------------------------------

_STEPS: Final[Mapping[str, str]] = {
    "call": "Onboarding call",
    "data_capture": "Data capture through forms",
    "telecom": "Telecom and IVR specification and setup",
    "kb": "Documentation for the internal KB",
    "testing": "System and notification testing",
    "training": "Staff training",
    "go_live": "Release of the number, go-live",
}
_DONE_WHEN: Final[Mapping[str, str]] = {
    "call": "Scope, contacts, coverage, go-live date agreed",
    "data_capture": "Mandatory form sections complete",
    "telecom": "Number, IVR option and after-hours routing recorded",
    "kb": "Wiki base pages exist",
    "testing": "Remote methods tested OK; test ticket e-mails reach client contacts",
    "training": "Each analyst on the client signs off",
    "go_live": "Client status is Live",
}
_BLOCKED: Final[Mapping[str, str]] = {
    "remote_untested": "Blocked: remote method untested or failing",
    "no_remote_methods": "Blocked: no remote method recorded",
}


def step_name(key: str, fallback: str) -> str:
    text = _STEPS.get(key)
    return tr(text) if text else fallback


def done_when(key: str, fallback: str) -> str:
    text = _DONE_WHEN.get(key)
    return tr(text) if text else fallback


def blocked(code: str) -> str:
    text = _BLOCKED.get(code)
    return tr(text) if text else tr("Blocked")


def days(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}\u2013{last}"


def date(day: dt.date | None) -> str:
    """A date with its short weekday, ISO-ordered so it reads the same in every locale."""
    if day is None:
        return ""
    qdate = QDate(day.year, day.month, day.day)
    weekday = QLocale().dayName(qdate.dayOfWeek(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {day.isoformat()}"


# -- connectivity ------------------------------------------------------------------------------

_KINDS: Final[Mapping[str, str]] = {
    "rdp": "RDP",
    "ssh": "SSH",
    "winrm": "WinRM",
    "vpn": "VPN",
    "tools": "Tool",
}


def remote_kind(kind: str) -> str:
    text = _KINDS.get(kind)
    return tr(text) if text else kind


def outcome(value: str | None) -> str:
    if value is None:
        return tr("Never tested")
    return tr("OK") if value == "ok" else tr("Failed")


# -- caller verification -----------------------------------------------------------------------

_METHODS: Final[Mapping[str, str]] = {
    "pin": "PIN on file",
    "callback": "Callback to the number on file",
    "manager_approval": "Manager approval",
    "security_question": "Security question",
}


def verification_method(method: str) -> str:
    text = _METHODS.get(method)
    return tr(text) if text else tr("No rule recorded")


def secret_kind(kind: str) -> str:
    return tr("PIN") if kind == "pin" else tr("Security question")


# -- approvals ---------------------------------------------------------------------------------

_APPROVAL_METHODS: Final[Mapping[str, str]] = {
    "phone": "phone",
    "email": "e-mail",
    "in_person": "in person",
    "written": "in writing",
    "override": "administrator override",
}


def approval_method(method: str) -> str:
    text = _APPROVAL_METHODS.get(method)
    return tr(text) if text else method


def decision(value: str) -> str:
    return tr("Approved") if value == "approved" else tr("Refused")


# -- errors ------------------------------------------------------------------------------------

#: Wording of the `ValidationError` codes of these services.
_PROBLEMS: Final[Mapping[str, str]] = {
    "required": "Enter what the caller said.",
    "invalid_pin": "A PIN is 4 to 12 digits.",
    "too_short": "The answer is too short.",
    "too_long": "This is too long.",
    "too_many_attempts": (
        "Too many failed attempts for this caller in the last hour. Verify by calling back "
        "the number on file instead."
    ),
    "nothing_on_file": "Nothing is on file to check this against for this caller.",
    "unknown_contact": "This contact does not belong to the client.",
    "unknown_technician": "This technician no longer exists.",
    "not_authorised": "This contact is not an authorised approver.",
    "unknown": "This no longer exists; reload and try again.",
    "invalid_choice": "Pick one of the choices offered.",
    "remote_untested": (
        "Step 5 cannot be done yet: test every remote method until it answers OK first."
    ),
    "no_remote_methods": (
        "Step 5 cannot be done yet: record the client's remote methods and test them first."
    ),
}


def problem(code: str) -> str:
    text = _PROBLEMS.get(code)
    return tr(text) if text else tr("This value is not accepted.")


def failure_text(error: BaseException) -> str:
    """One calm sentence (or a few) for a refused or failed read or write."""
    if isinstance(error, ValidationError):
        return " ".join(dict.fromkeys(problem(code) for code in error.problems.values()))
    if isinstance(error, ConcurrentEditError):
        return tr("Someone changed this meanwhile; the list was reloaded. Try again.")
    if isinstance(error, DatabaseUnavailableError):
        return tr("Connection lost. Try again in a moment.")
    if isinstance(error, NotFoundError):
        return tr("This no longer exists; it may have been deleted.")
    if isinstance(error, PermissionDeniedError):
        return tr("Your account is not allowed to do this.")
    return tr("Something went wrong ({0}). Nothing was changed.").format(type(error).__name__)


#: Text colours per tone ("" = the palette's), readable on light and dark themes.
TONES: Final[Mapping[str, str]] = {
    "bad": "#b3261e",
    "warn": "#8a5a00",
    "good": "#17652f",
    "muted": "#6b7078",
}
