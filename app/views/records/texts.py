"""Wording for the ticket-records views: link kinds, change states and the sentences for the
error codes of the links, merge, change, problem and bulk-action services."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.models.ticket import NUMBER_PREFIX
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


#: (field, code) → sentence; (None, code) matches any field.
_SENTENCES: Final[dict[tuple[str | None, str], str]] = {
    ("target", "self_link"): "A ticket cannot be linked to itself.",
    ("target", "duplicate"): "These tickets are already linked this way.",
    ("target", "cycle"): "That link would make a loop (a ticket would end up under itself).",
    ("target", "not_problem"): "“Caused by” links point at a problem ticket; this one is not.",
    ("source", "not_incident"): "Only incidents and service requests are caused by a problem.",
    ("target", "merged"): "That ticket was merged into another one; link that one instead.",
    ("source", "merged"): "This ticket was merged into another one; work on that one.",
    ("link", "merge_link"): "A merge cannot be undone by removing its link.",
    ("link", "last_incident"): (
        "This is the last incident of a resolved problem; a problem keeps at least one."
    ),
    ("kind", "invalid_choice"): "Pick a kind of link.",
    ("into", "self"): "A ticket cannot be merged into itself.",
    ("into", "other_client"): "Tickets of different clients cannot be merged.",
    ("into", "other_type"): "A change or problem merges only into a ticket of the same type.",
    ("into", "merged"): "That ticket was itself merged; merge into the ticket it went to.",
    ("into", "closed"): "That ticket is closed; tickets are merged into open ones.",
    ("into", "drops_last_incident"): (
        "This would leave a problem without its last incident: link the problem to the ticket "
        "it merges into first."
    ),
    ("source", "closed"): "This ticket is closed or cancelled and cannot be merged.",
    ("ticket", "merged"): "This ticket was merged into another one; work on that one.",
    ("ticket", "not_change"): "This is not a change ticket.",
    ("ticket", "not_problem"): "This is not a problem ticket.",
    ("state", "locked"): "The plan and its steps are fixed once submitted.",
    ("state", "not_draft"): "Only a draft change can be submitted.",
    ("state", "not_awaiting"): "The change is not waiting for approval.",
    ("state", "not_approved"): "The change must be approved first.",
    ("state", "not_in_progress"): "The change has not been started.",
    ("window", "not_started"): "The scheduled window has not opened yet.",
    ("window_start", "required"): "Give both the start and the end of the window, or neither.",
    ("window_end", "required"): "Give both the start and the end of the window, or neither.",
    ("window_end", "before_start"): "The window must end after it starts.",
    ("implementation_plan", "required"): "Write the implementation plan first.",
    ("rollback_plan", "required"): "Write the rollback plan first.",
    ("steps", "required"): "Add at least one approval step first.",
    ("steps", "too_many"): "That is more approval steps than a change can have.",
    ("step", "earlier_pending"): "An earlier step must be decided first.",
    ("step", "decided"): "This step was already decided.",
    ("step", "not_yours"): "Only that technician (or an administrator) decides this step.",
    ("approver", "required"): "Choose an approver or type a name.",
    ("approver", "ambiguous"): "Choose one approver only.",
    ("approver", "not_authorised"): "This contact is not an authorised approver of the client.",
    ("approver", "other_client"): "This contact belongs to another client.",
    ("workaround", "required_for_known_error"): "A known error needs its workaround.",
    ("value", "needs_closure"): (
        "Resolving and closing need a resolution on each ticket: use the ticket's Resolve."
    ),
    ("tickets", "closed"): "Closed tickets cannot be changed in bulk: {numbers}.",
    ("tickets", "not_open"): (
        "Resolved tickets cannot be changed in bulk (reopen them with a reason): {numbers}."
    ),
    ("tickets", "merged"): "Merged tickets cannot be changed: {numbers}.",
    ("tickets", "vip_floor"): "That is below the client's VIP priority floor for {numbers}.",
    ("tickets", "too_many"): "Select at most 500 tickets.",
    ("tickets", "required"): "Select some tickets first.",
    ("action", "nothing_to_undo"): "You have no bulk action to undo.",
    ("action", "already_undone"): "That bulk action was already undone.",
    (None, "too_long"): "This text is too long.",
    (None, "invalid"): "This text contains characters that cannot be stored.",
    (None, "invalid_choice"): "Pick one of the offered values.",
    (None, "not_found"): "This no longer exists; pick another.",
    (None, "naive"): "Give a date and time with its zone.",
}


def problems_text(problems: Mapping[str, str], numbers: tuple[str, ...] = ()) -> str:
    """One line per refused field, as plain sentences."""
    lines = []
    for name, code in problems.items():
        sentence = _SENTENCES.get((name, code)) or _SENTENCES.get((None, code))
        text = tr(sentence) if sentence else tr("{0}: not accepted ({1}).").format(name, code)
        lines.append(text.replace("{numbers}", ", ".join(numbers)))
    return "\n".join(lines)


def error_text(error: BaseException) -> str:
    """A sentence for an error the records services raise on purpose; "" for anything else."""
    if isinstance(error, ValidationError):
        return problems_text(error.problems, tuple(getattr(error, "numbers", ())))
    if isinstance(error, ConcurrentEditError):
        by = error.changed_by or tr("someone else")
        return tr("{0} changed this in the meantime; it was reloaded.").format(by)
    if isinstance(error, PermissionDeniedError):
        return tr("Your account may not change tickets.")
    if isinstance(error, NotFoundError):
        return (
            tr("That ticket does not exist.")
            if error.kind == "ticket"
            else tr("This no longer exists.")
        )
    return ""


def parse_ticket_number(text: str) -> int | None:
    """The ticket id in "T-000123", "t-123" or "123"; None if it is not a ticket number."""
    text = text.strip().upper()
    if text.startswith(NUMBER_PREFIX):
        text = text[len(NUMBER_PREFIX) :]
    if not text.isdigit() or not text.isascii() or len(text) > 9:
        return None
    value = int(text)
    return value if value > 0 else None


def link_kind(kind: str, outgoing: bool) -> str:
    """How a link reads from the ticket on screen, e.g. "Caused by" or "Cause of"."""
    table = {
        ("related", True): tr("Related to"),
        ("related", False): tr("Related to"),
        ("caused_by", True): tr("Caused by"),
        ("caused_by", False): tr("Cause of"),
        ("duplicate_of", True): tr("Duplicate of"),
        ("duplicate_of", False): tr("Has duplicate"),
        ("child_of", True): tr("Child of"),
        ("child_of", False): tr("Parent of"),
        ("merged_into", True): tr("Merged into"),
        ("merged_into", False): tr("Merged from"),
    }
    return table.get((kind, outgoing), kind)


def link_kinds() -> list[tuple[str, str]]:
    """The kinds a technician may add: (label, kind), as read from this ticket."""
    return [
        (tr("Related to"), "related"),
        (tr("Caused by (problem)"), "caused_by"),
        (tr("Duplicate of"), "duplicate_of"),
        (tr("Child of"), "child_of"),
    ]


def change_state(state: str) -> str:
    return {
        "draft": tr("Draft"),
        "awaiting_approval": tr("Awaiting approval"),
        "approved": tr("Approved"),
        "rejected": tr("Rejected"),
        "in_progress": tr("In progress"),
        "implemented": tr("Implemented"),
        "rolled_back": tr("Rolled back"),
    }.get(state, state)


def decision(value: str) -> str:
    return {"pending": tr("Pending"), "approved": tr("Approved"), "rejected": tr("Rejected")}.get(
        value, value
    )


def risk(value: str) -> str:
    return {"low": tr("Low"), "medium": tr("Medium"), "high": tr("High")}.get(value, value)
