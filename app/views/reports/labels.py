"""Wording of the Reports page: KPI names, table headers, refused values and failures.

The figures themselves are formatted by `app.reports.report_format`, the module the PDF uses,
so the page shows exactly what the exported file prints.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.db import DatabaseUnavailableError
from app.reports.branding import LogoError
from app.reports.output import ReportOutputError
from app.reports.period import PeriodError
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)

from app.views import labels


def reports_tr(text: str) -> str:
    """`text` translated in the "reports" context."""
    return QCoreApplication.translate("reports", text)


#: Codes of `ReportBrandingService.save` beyond the common ones of `labels.problem`.
_PROBLEMS: Final[Mapping[str, str]] = {
    "not_an_image": "This file is not an image: choose a PNG, JPEG or GIF file.",
    "too_large": "This image is larger than 2 MB: choose a smaller file.",
    "too_long": "Use at most 200 characters.",
}


def problem(code: str) -> str:
    if code in _PROBLEMS:
        return reports_tr(_PROBLEMS[code])
    return labels.problem(code)


def failure_text(error: BaseException) -> str:
    """One sentence for a failed load, export or save."""
    if isinstance(error, DatabaseUnavailableError):
        return reports_tr("Connection to the database lost — try again in a moment.")
    if isinstance(error, ReportOutputError):
        # Already one line naming the file and the cause (the operating system's words).
        return reports_tr("The report was not saved. {0}").format(error)
    if isinstance(error, LogoError):
        return reports_tr("The logo cannot be used: {0}").format(error)
    if isinstance(error, PeriodError):
        return str(error)
    if isinstance(error, ConcurrentEditError):
        who = error.changed_by or reports_tr("someone else")
        return reports_tr("{0} changed the branding meanwhile; close and reopen it.").format(who)
    if isinstance(error, PermissionDeniedError):
        return reports_tr("Only an administrator may do this.")
    if isinstance(error, NotFoundError):
        return reports_tr("This client no longer exists; choose another one.")
    if isinstance(error, ValidationError):
        return " ".join(problem(code) for code in error.problems.values())
    # The type only: an unexpected error's text can carry SQL or paths (the log has it all).
    return reports_tr("Something went wrong ({0}); see the log.").format(type(error).__name__)


_UNSAFE: Final = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def file_stem(client_name: str, period_label: str) -> str:
    """ "Acme Ltd – October 2026": a file name every file system accepts (no separators,
    reserved characters, or trailing dots and spaces, which Windows drops)."""
    text = f"{client_name} – {period_label}"
    text = _UNSAFE.sub("-", text)
    text = " ".join(text.split()).strip(" .")
    return text[:150] or "report"
