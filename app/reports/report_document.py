"""The page machinery of the service reports: an A4 portrait document with a cover page, a
"Page N of M" footer on every later page, PDF bookmarks and, for long reports, a table of
contents; plus the paragraph styles every report section shares.

"Page N of M" needs the page count before the footers are drawn, so `FooterCanvas` keeps each
finished page's state and paints the footers on `save()` (the usual "numbered canvas" recipe).
Runs on a worker thread; ReportLab documents are not shared between threads.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

# WORKAROUND: no reportlab stubs in requirements-dev (types-reportlab would replace these ignores).
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.tableofcontents import TableOfContents  # type: ignore[import-untyped]

from app.reports.charts import INK, MUTED, PRIMARY
from app.reports.fonts import fit_text, report_fonts, text_runs, text_width

PAGE_W, PAGE_H = A4
MARGIN: Final = 18 * mm
#: The width flowables get between the margins.
BODY_W: Final = PAGE_W - 2 * MARGIN
FOOTER_SIZE: Final = 7.5
#: Reports with more table rows than this (about five pages and up) get a table of contents.
TOC_ROWS: Final = 40
Progress = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class Styles:
    cover_msp: ParagraphStyle
    cover_title: ParagraphStyle
    cover_client: ParagraphStyle
    cover_line: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    cell_right: ParagraphStyle
    kpi_value: ParagraphStyle
    kpi_label: ParagraphStyle
    kpi_note: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]


@functools.cache
def styles() -> Styles:
    """The report's paragraph styles (fonts registered first)."""
    fonts = report_fonts()
    body = ParagraphStyle("body", fontName=fonts.sans, fontSize=9, leading=12.5, textColor=INK)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9.5)
    return Styles(
        cover_msp=ParagraphStyle("cover_msp", parent=body, fontName=fonts.bold, fontSize=13,
                                 leading=17),
        cover_title=ParagraphStyle("cover_title", parent=body, fontName=fonts.bold, fontSize=30,
                                   leading=36, textColor=PRIMARY, spaceAfter=6 * mm),
        cover_client=ParagraphStyle("cover_client", parent=body, fontName=fonts.bold,
                                    fontSize=20, leading=25, spaceAfter=2 * mm),
        cover_line=ParagraphStyle("cover_line", parent=body, fontSize=12, leading=17,
                                  textColor=MUTED),
        h1=ParagraphStyle("h1", parent=body, fontName=fonts.bold, fontSize=14, leading=18,
                          textColor=PRIMARY, spaceBefore=4 * mm, spaceAfter=2.5 * mm,
                          keepWithNext=1),
        h2=ParagraphStyle("h2", parent=body, fontName=fonts.bold, fontSize=10, leading=13,
                          spaceBefore=2.5 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        body=body,
        muted=ParagraphStyle("muted", parent=body, fontSize=8, leading=11, textColor=MUTED),
        cell=cell,
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=fonts.bold),
        cell_head_right=ParagraphStyle("cell_head_right", parent=cell, fontName=fonts.bold,
                                       alignment=TA_RIGHT),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        kpi_value=ParagraphStyle("kpi_value", parent=body, fontName=fonts.bold, fontSize=15,
                                 leading=19, alignment=TA_CENTER),
        kpi_label=ParagraphStyle("kpi_label", parent=body, fontSize=7.5, leading=9.5,
                                 textColor=MUTED, alignment=TA_CENTER),
        kpi_note=ParagraphStyle("kpi_note", parent=body, fontSize=6.5, leading=8.5,
                                textColor=MUTED, alignment=TA_CENTER),
        toc=(ParagraphStyle("toc1", parent=body, fontSize=10.5, leading=16, leftIndent=0),),
    )  # fmt: skip


class FooterCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until `save()`, then draws "<footer> · Page N of M" on all but the
    cover and reports the page count to `pages_out`."""

    def __init__(self, *args: Any, footer: str, pages_out: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages_out = pages_out
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self._draw_footer(total)
            super().showPage()
        self._pages_out[:] = [total]
        super().save()

    def _draw_footer(self, total: int) -> None:
        page = f"Page {self._pageNumber} of {total}"
        y = 10 * mm
        self.saveState()
        self.setStrokeColor(colors.HexColor("#D5D9DE"))
        self.setLineWidth(0.5)
        self.line(MARGIN, y + 9, PAGE_W - MARGIN, y + 9)
        self.setFillColor(MUTED)
        fonts = report_fonts()
        self.setFont(fonts.sans, FOOTER_SIZE)
        self.drawRightString(PAGE_W - MARGIN, y, page)
        room = BODY_W - text_width(page, FOOTER_SIZE) - 12
        x = MARGIN
        for font, part in text_runs(fit_text(self._footer, FOOTER_SIZE, room)):
            self.setFont(font, FOOTER_SIZE)
            self.drawString(x, y, part)
            x += self.stringWidth(part, font, FOOTER_SIZE)
        self.restoreState()


def _decorate_cover(canvas: Canvas, note: str) -> None:
    """The cover's accent bands; `note` (zone and date) in white on the bottom one."""
    canvas.saveState()
    canvas.setFillColor(PRIMARY)
    canvas.rect(0, 0, PAGE_W, 16 * mm, stroke=0, fill=1)
    canvas.rect(0, PAGE_H - 4 * mm, PAGE_W, 4 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    x = MARGIN
    for font, part in text_runs(fit_text(note, 9, BODY_W), bold=False):
        canvas.setFont(font, 9)
        canvas.drawString(x, 7 * mm, part)
        x += canvas.stringWidth(part, font, 9)
    canvas.restoreState()


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4 portrait: a "cover" page template, then "body" pages. Each `h1` heading becomes a
    PDF bookmark and a table-of-contents entry; `progress` hears about each placed flowable."""

    def __init__(
        self, filename: str, *, title: str, author: str, flowables: int,
        progress: Progress | None, passes: int, cover_note: str = "",
    ) -> None:  # fmt: skip
        super().__init__(
            filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm, title=title, author=author, creator="MSP Helpdesk",
            # Fixed creation date and document id: two exports of the same figures are the same
            # bytes, and the report's `generated_at` (the injected clock) is the only date.
            invariant=True,
            # The canvas starts in DejaVu, not Helvetica: no unembedded font in the file.
            initialFontName=report_fonts().sans,
        )  # fmt: skip
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        cover = Frame(MARGIN, 24 * mm, BODY_W, PAGE_H - 48 * mm, id="cover")
        self.addPageTemplates([
            PageTemplate("cover", [cover],
                         onPage=lambda canvas, _doc: _decorate_cover(canvas, cover_note)),
            PageTemplate("body", [frame]),
        ])  # fmt: skip
        self._progress = progress
        self._expected = max(1, flowables * passes)
        self._placed = 0
        self._last = 0.0
        self._headings = 0

    def beforeDocument(self) -> None:
        # multiBuild lays the story out again: the TOC entries must carry the same keys.
        self._headings = 0

    def afterFlowable(self, flowable: object) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name == "h1":
            text = flowable.getPlainText()
            key = f"h1-{self._headings}"
            self._headings += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=0, closed=True)
            self.notify("TOCEntry", (0, text, self.page, key))
        self._placed += 1
        self.report(0.05 + 0.9 * min(1.0, self._placed / self._expected))

    def report(self, fraction: float) -> None:
        """Forward `fraction` to `progress`, never going backwards."""
        if self._progress is not None and fraction > self._last:
            self._last = fraction
            self._progress(fraction)


def contents(style: Styles) -> list[object]:
    """The table-of-contents page's flowables (for `multiBuild`)."""
    toc = TableOfContents()
    toc.levelStyles = list(style.toc)
    toc.dotsMinLevel = 0
    # A copy of h1 under another name: `afterFlowable` lists only "h1" headings.
    title = ParagraphStyle("contents", parent=style.h1, spaceAfter=5 * mm)
    return [Paragraph("Contents", title), toc, PageBreak()]


def build(
    path: str, story: list[object], *, title: str, author: str, footer: str,
    with_toc: bool, progress: Progress | None, cover_note: str = "",
) -> int:  # fmt: skip
    """Lay out `story` (cover flowables first, then `NextPageTemplate("body")` and a page
    break, which callers add) into `path`; returns the page count. `cover_note` prints at the
    foot of the cover."""
    pages: list[int] = [0]
    passes = 2 if with_toc else 1
    doc = ReportDocument(path, title=title, author=author, flowables=len(story),
                         progress=progress, passes=passes, cover_note=cover_note)  # fmt: skip
    maker = functools.partial(FooterCanvas, footer=footer, pages_out=pages)
    if with_toc:
        doc.multiBuild(story, canvasmaker=maker)
    else:
        doc.build(story, canvasmaker=maker)
    return pages[0]


def body_start() -> list[object]:
    """What ends the cover: the following pages use the "body" template."""
    return [NextPageTemplate("body"), PageBreak()]
