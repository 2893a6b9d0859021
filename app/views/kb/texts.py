"""Wording shared by the knowledge-base screens: refused values, failures, hit snippets."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.db import DatabaseUnavailableError
from app.services.canned_replies import PLACEHOLDERS, PlaceholderError
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.kb_search import MARK_END, MARK_START

from app.views import labels


def kb_tr(text: str) -> str:
    """`text` translated in the "kb" context."""
    return QCoreApplication.translate("kb", text)


#: Codes the KB and canned-reply services use beyond the common ones of `labels.problem`.
_PROBLEMS: Final[Mapping[str, str]] = {
    "too_many": "Use at most 20 tags.",
    "archived": "This article is archived; unarchive it first.",
    "not_resolved": "Only a resolved or closed ticket has a solution to save.",
    "other_client": "This belongs to another client.",
    "unbalanced_brace": "A brace is not closed; write {{ or }} for a literal brace.",
}


def problem(code: str) -> str:
    """The sentence next to a field the KB services refused."""
    if code in _PROBLEMS:
        return kb_tr(_PROBLEMS[code])
    return labels.problem(code)


def problems(error: ValidationError) -> dict[str, str]:
    """`error`'s problems worded for the fields, placeholder names spelled out."""
    if isinstance(error, PlaceholderError) and not error.unbalanced:
        known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        return {"body": kb_tr("Unknown placeholder {{{0}}}; use {1}.").format(error.name, known)}
    return {name: problem(code) for name, code in error.problems.items()}


def failure_text(error: BaseException) -> str:
    """One sentence for a failed load or write with no field to point at."""
    if isinstance(error, DatabaseUnavailableError):
        return kb_tr("Connection lost — your text is kept; try again.")
    if isinstance(error, ConcurrentEditError):
        who = error.changed_by or kb_tr("someone else")
        return kb_tr("{0} saved this article meanwhile; reopen it to see their version.").format(
            who
        )
    if isinstance(error, NotFoundError):
        return kb_tr("This no longer exists; it may have been deleted.")
    if isinstance(error, PermissionDeniedError):
        if error.action == "save_solution_to_kb":
            return kb_tr("Only L2/L3 technicians and administrators may save solutions to the KB.")
        return kb_tr("Your account is not allowed to do this.")
    if isinstance(error, ValidationError):
        return "\n".join(problems(error).values())
    return kb_tr("Something went wrong ({0}); your text is kept.").format(type(error).__name__)


def snippet_html(snippet: str) -> str:
    """A search snippet as rich text: everything escaped, the matched words in bold."""
    escaped = html.escape(snippet.replace(MARK_END, MARK_START + "/"), quote=True)
    out = []
    for i, part in enumerate(escaped.split(MARK_START)):
        if i == 0:
            out.append(part)
        elif part.startswith("/"):
            out.append("</b>" + part[1:])
        else:
            out.append("<b>" + part)
    text = "".join(out)
    # Close a mark the snippet cut off, so it cannot bold what follows.
    return text + "</b>" * (text.count("<b>") - text.count("</b>"))


def snippet_plain(snippet: str) -> str:
    """A search snippet without its marks."""
    return snippet.replace(MARK_START, "").replace(MARK_END, "")
