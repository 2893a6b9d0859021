"""The vault recovery kit as a printable one-page PDF (vault.md §8.1). Qt-free; any thread.

The kit is the recovery private key: it is offered as a PDF and never stored. The caller passes
the destination the user chose (a path or an open binary file); nothing is written anywhere
else — no temporary file, no cache. ReportLab builds the page in memory and writes it once.

A path is opened by `_open_private`: created mode 0600 (an existing file is made 0600 before it
is truncated), like the database and its backups (`app.paths.private_file`), so other local
users cannot read the key that opens every vault. The process umask plays no part.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

# WORKAROUND: no reportlab stubs in requirements-dev (types-reportlab would replace these ignores).
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

#: Groups per printed line of the kit.
GROUPS_PER_LINE: Final = 5
_MARGIN: Final = 20 * mm
_MONO: Final = "Courier-Bold"
_SANS: Final = "Helvetica"
_SANS_BOLD: Final = "Helvetica-Bold"


@dataclass(frozen=True, slots=True)
class RecoveryKitSheet:
    """What the page shows. `groups` are the Base32 groups, the checksum group last."""

    groups: tuple[str, ...]
    key_id: int
    created_at: dt.datetime
    #: `vault_settings.database_uuid`: which database this kit opens.
    database_uuid: str | None = None
    #: The organisation signing key's fingerprint (8 groups of 4 hex digits).
    org_fingerprint: str | None = None
    organisation: str = "MSP Helpdesk"


#: The page's fixed text (English: the kit is read in an emergency, by whoever holds it).
TITLE: Final = "Credential vault recovery kit"
INSTRUCTIONS: Final = (
    "Store this sheet offline: in a safe, or sealed in an envelope in a locked place. Do not "
    "scan, photograph, e-mail or save it anywhere.",
    "Anyone with this kit can open every vault in this database. Treat it like the master key "
    "to all client credentials.",
    "When setting up, re-type the last group shown above into the setup window to confirm you "
    "have the kit.",
    "To use it: an administrator chooses vault recovery in the app and types every group, in "
    "order. The last group is a checksum that catches typing mistakes.",
    "After a recovery the app makes a new recovery key; print its kit and destroy this one.",
)


def kit_lines(groups: Sequence[str], per_line: int = GROUPS_PER_LINE) -> list[str]:
    """The groups as printed: `per_line` groups to a line, separated by two spaces."""
    return ["  ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]


def render_recovery_kit(sheet: RecoveryKitSheet, out: Path | BinaryIO) -> None:
    """Write the one-page PDF to `out` (the path or file the user chose; caller closes files)."""
    if not sheet.groups:
        raise ValueError("a recovery kit has groups")
    if isinstance(out, Path):
        with _open_private(out) as f:
            _render(sheet, f)
    else:
        _render(sheet, out)


def _open_private(path: Path) -> BinaryIO:
    """`path` opened for writing, readable and writable by its owner only (POSIX).

    PermissionError when an existing file cannot be made private: better no kit on disk than
    one other users can read.
    """
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            if stat.S_IMODE(os.fstat(fd).st_mode) != 0o600:
                os.fchmod(fd, 0o600)
            if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
                raise PermissionError(f"cannot make {path.name} private to its owner")
        os.ftruncate(fd, 0)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def _render(sheet: RecoveryKitSheet, out: BinaryIO) -> None:
    canvas = Canvas(out, pagesize=A4, pageCompression=1, invariant=1)
    canvas.setTitle(TITLE)
    canvas.setAuthor(sheet.organisation)
    canvas.setSubject("Recovery kit — keep offline")
    _draw(canvas, sheet)
    canvas.showPage()
    canvas.save()


def _draw(c: Canvas, sheet: RecoveryKitSheet) -> None:
    width, height = A4
    left, right = _MARGIN, width - _MARGIN
    y = height - _MARGIN
    c.setFont(_SANS_BOLD, 20)
    c.drawString(left, y - 20, TITLE)
    y -= 34
    c.setFont(_SANS, 10)
    c.drawString(left, y - 10, sheet.organisation)
    y -= 26

    facts = [
        ("Created", sheet.created_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("Recovery key", f"#{sheet.key_id}"),
    ]
    if sheet.database_uuid:
        facts.append(("Database", sheet.database_uuid))
    if sheet.org_fingerprint:
        facts.append(("Organisation key", sheet.org_fingerprint))
    for name, value in facts:
        c.setFont(_SANS_BOLD, 10)
        c.drawString(left, y - 10, name)
        c.setFont("Courier", 10)
        c.drawString(left + 36 * mm, y - 10, value)
        y -= 15

    y -= 12
    lines = kit_lines(sheet.groups)
    box_top = y
    size = 20
    line_h = size * 1.6
    box_h = line_h * len(lines) + 24
    c.setLineWidth(1.2)
    c.roundRect(left, box_top - box_h, right - left, box_h, 6)
    c.setFont(_MONO, size)
    y = box_top - 12 - size
    for line in lines:
        c.drawCentredString(width / 2, y, line)
        y -= line_h
    y = box_top - box_h - 24

    c.setFont(_SANS_BOLD, 12)
    c.drawString(left, y, "Instructions")
    y -= 18
    c.setFont(_SANS, 10.5)
    for number, text in enumerate(INSTRUCTIONS, 1):
        wrapped = _wrap(c, text, right - left - 8 * mm, _SANS, 10.5)
        c.drawString(left, y, f"{number}.")
        for part in wrapped:
            c.drawString(left + 8 * mm, y, part)
            y -= 14
        y -= 6

    c.setFont(_SANS, 8)
    c.drawString(
        left, _MARGIN / 2, "Printed from the setup window; this kit is stored nowhere else."
    )


def _wrap(c: Canvas, text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy word wrap at `width` points."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and c.stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines
