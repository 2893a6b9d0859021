"""Wording of the escalation and vendor-case services' refusals and results."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.services.errors import ConcurrentEditError, ValidationError
from app.services.escalation import EscalationContact
from app.services.escalation_paths import EscalationLoopError

from app.views import labels
from app.views.tickets.field_labels import failure_text

#: Codes these services use beyond the common ones of `labels.problem`.
_PROBLEMS: Final[Mapping[str, str]] = {
    "highest": "The ticket is already at the highest tier (L3).",
    "not_open": "The ticket is resolved or closed; reopen it first.",
    "tier_not_higher": "Pick a queue of a higher tier.",
    "not_listed": "This vendor is not on the client's vendor list.",
    "in_past": "Pick a time in the future.",
    "naive": "This time has no time zone.",
    "closed": "This case is already closed.",
    "invalid_choice": "Pick one of the offered choices.",
    "loop": "This path would loop back to the queue.",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("escalation", text)


def problem_text(code: str) -> str:
    """The sentence for a refusal code, next to its field."""
    found = _PROBLEMS.get(code)
    return _t(found) if found is not None else labels.problem(code)


def loop_text(error: EscalationLoopError) -> str:
    return _t("This path would loop: {0}").format(error.cycle_text)


def error_text(error: BaseException) -> str:
    """One sentence for a refused or failed write that has no field to point at."""
    if isinstance(error, EscalationLoopError):
        return loop_text(error)
    if isinstance(error, ConcurrentEditError) and error.kind == "ticket":
        who = error.changed_by or _t("someone else")
        return _t("{0} changed this ticket meanwhile; what you typed is kept, try again.").format(
            who
        )
    if isinstance(error, ConcurrentEditError):
        return _t("Someone else changed this meanwhile; the list shows their change now.")
    if isinstance(error, ValidationError) and len(error.problems) == 1:
        return problem_text(next(iter(error.problems.values())))
    return failure_text(error)


def contacts_text(contacts: tuple[EscalationContact, ...]) -> str:
    """ "Call or e-mail: A (phone, e-mail); then B (…)" — or "" when nobody is to be copied."""
    if not contacts:
        return ""
    return _t("Call or e-mail: {0}").format(_t("; then ").join(c.text() for c in contacts))
