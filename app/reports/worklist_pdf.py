"""The rotation worklist as a PDF and a CSV file (vault.md §8.7): the client passwords to
change after a technician was offboarded.

Plain values in, a file out: no database, no services, no Qt (the report layer sits below
them), so the rows come in as any objects with the `WorklistRecord` attributes, such as
`app.vault.dashboard.WorklistRow`. The rows hold metadata only; there is no secret to leak.
Text is English: this layer has no translator. Runs on the read lane (ReportLab is slow).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Protocol
from xml.sax.saxutils import escape

# WORKAROUND: no reportlab stubs in requirements-dev (types-reportlab would replace these ignores).
import reportlab  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4, landscape  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # type: ignore[import-untyped]

from app.reports.csv_safety import csv_safe
from app.ui_text import ui_text

#: §8.7: the UI states this wherever the worklist is shown or printed.
STATEMENT: Final = ui_text(
    "Rotating keys protects later changes; only changing the client passwords protects what "
    "was seen."
)
TITLE: Final = "Rotation worklist"
DELETED_ITEM: Final = "(deleted item)"
INTERNAL_VAULT: Final = "(internal)"
BASIS_TEXT: Final = {"revealed": "Revealed", "could_reveal": "Could reveal"}
CSV_HEADER: Final = (
    "Row",
    "Client",
    "Item",
    "Host",
    "Basis",
    "Technician",
    "Last revealed (UTC)",
    "Listed (UTC)",
    "Cause",
    "Done (UTC)",
)
#: Bitstream Vera ships inside ReportLab, so it is there in the frozen app too; unlike the
#: built-in Helvetica (WinAnsi only) it embeds and covers Latin-1 labels such as "Zürich".
_FONT: Final = "HelpdeskVera"
_FONT_BOLD: Final = "HelpdeskVeraBold"


class WorklistRecord(Protocol):
    """What the writers read from a worklist row."""

    @property
    def id(self) -> int: ...
    @property
    def created_at(self) -> dt.datetime: ...
    @property
    def cause(self) -> str: ...
    @property
    def subject_name(self) -> str: ...
    @property
    def client_name(self) -> str | None: ...
    @property
    def item_label(self) -> str | None: ...
    @property
    def item_host(self) -> str: ...
    @property
    def basis(self) -> str: ...
    @property
    def last_revealed_at(self) -> dt.datetime | None: ...
    @property
    def done_at(self) -> dt.datetime | None: ...


def utc_text(value: dt.datetime | None) -> str:
    """An instant as UTC wall time to the minute ('' for None); naive means UTC."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")


def _cells(row: WorklistRecord) -> tuple[str, ...]:
    return (
        str(row.id),
        row.client_name or INTERNAL_VAULT,
        row.item_label if row.item_label is not None else DELETED_ITEM,
        row.item_host,
        BASIS_TEXT.get(row.basis, row.basis),
        row.subject_name,
        utc_text(row.last_revealed_at),
        utc_text(row.created_at),
        row.cause,
        utc_text(row.done_at),
    )


#: The PDF leaves out the row id and folds the cause into the technician cell, so the dates
#: fit on one line in landscape A4.
PDF_HEADER: Final = (
    "Client",
    "Item",
    "Host",
    "Basis",
    "Technician (cause)",
    "Last revealed (UTC)",
    "Listed (UTC)",
    "Done (UTC)",
)
#: Column widths in mm: together the 277 mm between the margins of a landscape A4 page.
_PDF_WIDTHS: Final = (40, 50, 38, 22, 34, 31, 31, 31)


def _pdf_cells(row: WorklistRecord) -> tuple[str, ...]:
    _id, client, item, host, basis, who, last, listed, cause, done = _cells(row)
    return (client, item, host, basis, f"{who} ({cause})", last, listed, done)


def write_worklist_csv(rows: Sequence[WorklistRecord], path: Path) -> None:
    """UTF-8 with a BOM (so Excel reads accents right), every field quoted, CRLF line ends."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(CSV_HEADER)
        for row in rows:
            writer.writerow([csv_safe(cell) for cell in _cells(row)])


def _register_fonts() -> None:
    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
    fonts = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont(_FONT, str(fonts / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(_FONT_BOLD, str(fonts / "VeraBd.ttf")))


def write_worklist_pdf(
    rows: Sequence[WorklistRecord],
    path: Path,
    generated_at: dt.datetime,
    msp_name: str = "",
) -> None:
    """A landscape A4 table of the rows under a header carrying the §8.7 statement."""
    _register_fonts()
    body = ParagraphStyle("body", fontName=_FONT, fontSize=8, leading=10)
    head = ParagraphStyle("head", parent=body, fontName=_FONT_BOLD)
    title = ParagraphStyle("title", fontName=_FONT_BOLD, fontSize=16, leading=20)
    note = ParagraphStyle("note", fontName=_FONT_BOLD, fontSize=10, leading=13)
    small = ParagraphStyle("small", fontName=_FONT, fontSize=9, leading=12)

    open_count = sum(1 for r in rows if r.done_at is None)
    subtitle = f"Generated {utc_text(generated_at)} UTC · {open_count} open of {len(rows)} rows"
    if msp_name:
        subtitle = f"{msp_name} · {subtitle}"
    story: list[object] = [
        Paragraph(escape(TITLE), title),
        Paragraph(escape(subtitle), small),
        Spacer(1, 3 * mm),
        Paragraph(escape(STATEMENT), note),
        Paragraph(
            escape(
                "Change each client password below. A row closes when the item's password is "
                "changed in the vault."
            ),
            small,
        ),
        Spacer(1, 4 * mm),
    ]
    header: list[object] = [Paragraph(escape(h), head) for h in PDF_HEADER]
    data = [header] + [[Paragraph(escape(c), body) for c in _pdf_cells(r)] for r in rows]
    if not rows:
        data.append([Paragraph(escape("Nothing to change."), body)] + [""] * (len(header) - 1))
    table = Table(data, colWidths=[w * mm for w in _PDF_WIDTHS], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#BBBBBB")),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story.append(table)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=TITLE,
        author=msp_name,
        # A fixed creation date and document id: two exports of the same rows are identical,
        # and `generated_at` (the injected clock) is the only date printed.
        invariant=True,
    )

    def _footer(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(_FONT, 7)
        canvas.drawRightString(
            landscape(A4)[0] - 10 * mm, 6 * mm, f"{TITLE} · page {canvas.getPageNumber()}"
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
