"""Translated wording of the closure feature: resolution codes, verification methods, CSAT
outcomes and the problem codes ClosureService raises."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from app.services.closure import CsatRecord

from app.views import labels


def _t(text: str) -> str:
    return QCoreApplication.translate("closure", text)


def resolution_code(code: str) -> str:
    names = {
        "fixed": _t("Fixed"),
        "workaround": _t("Workaround in place"),
        "user_training": _t("User training / how-to"),
        "configuration_change": _t("Configuration change"),
        "hardware_replaced": _t("Hardware replaced"),
        "vendor_fix": _t("Fixed by the vendor"),
        "no_fault_found": _t("No fault found"),
        "duplicate": _t("Duplicate"),
        "out_of_scope": _t("Out of scope"),
        "cancelled_by_user": _t("Cancelled by the user"),
    }
    return names.get(code, code)


def method(how: str) -> str:
    """How the requester was reached: "by phone", "by e-mail", "in person"."""
    names = {"phone": _t("by phone"), "email": _t("by e-mail"), "in_person": _t("in person")}
    return names.get(how, how)


def method_name(how: str) -> str:
    names = {"phone": _t("Phone"), "email": _t("E-mail"), "in_person": _t("In person")}
    return names.get(how, how)


_PROBLEMS: Mapping[str, str] = {
    "too_short": "Describe the cause and the fix in a sentence or more (at least 10 letters).",
    "not_open": "This ticket is already resolved or closed.",
    "not_resolved": "Only a resolved ticket can be verified or closed.",
    "in_future": "This time is in the future.",
    "before_resolved": "This is before the ticket was resolved.",
    "verification_required": "This client wants the fix confirmed with the requester first.",
    "not_allowed": "Only an answered survey has a score.",
    "use_resolve": "Use Resolve… on the Resolution tab: it records the fix.",
    "use_close": "Use Close… on the Resolution tab: it records the survey.",
    "no_incident": "Link at least one incident to this problem before resolving it.",
}


def problem(code: str) -> str:
    """The sentence for a problem code; codes this feature does not own use the shared wording."""
    text = _PROBLEMS.get(code)
    return _t(text) if text is not None else labels.problem(code)


def csat_text(csat: CsatRecord | None) -> str:
    """One line about the survey: "4/5 by phone — “Quick”", "Survey sent", "Declined"."""
    if csat is None:
        return _t("No survey recorded yet.")
    if csat.state == "answered":
        text = _t("Rated {0}/5 {1}").format(csat.score, method(csat.channel)).strip()
    elif csat.state == "sent":
        text = _t("Survey sent, no answer recorded")
    else:
        text = _t("The requester declined the survey")
    if csat.comment:
        text += _t(" — “{0}”").format(csat.comment)
    return text
