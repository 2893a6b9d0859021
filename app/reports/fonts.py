"""The report fonts: DejaVu Sans shipped in the package (Latin Extended, Greek, Cyrillic), and a
CJK fallback found on the system, so any client name prints.

DejaVu ships inside `app/reports/fonts/` (package data) so the frozen app on Windows and macOS
has it. DejaVu has no CJK glyphs: characters it lacks go to a TrueType CJK font from
`CJK_CANDIDATES` (embedded, subset) or, when none is installed, to ReportLab's built-in
`STSong-Light` CID font (not embedded: the PDF viewer substitutes a system font). A character
neither font can draw (an emoji, most of the astral plane) prints as "?" instead of an empty box
or a crash.

Registration is global to ReportLab (`pdfmetrics`), so it happens once per process behind a
lock; any thread may call `report_fonts()`.
"""

from __future__ import annotations

import functools
import os
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from xml.sax.saxutils import escape

# WORKAROUND: no reportlab stubs in requirements-dev (types-reportlab would replace these ignores).
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError, TTFont  # type: ignore[import-untyped]

FONT_DIR: Final = Path(__file__).resolve().parent / "fonts"
#: Registered names of the bundled faces.
SANS: Final = "HelpdeskDejaVuSans"
SANS_BOLD: Final = "HelpdeskDejaVuSansBold"
#: The name a TrueType CJK fallback is registered under.
CJK_TTF: Final = "HelpdeskCJK"
#: ReportLab's built-in CID font (Adobe-GB1: simplified Chinese, which also covers the kana and
#: the kanji of Japanese names), used when no CJK TrueType font is found.
CJK_CID: Final = "STSong-Light"
#: What replaces a character no font can draw.
MISSING: Final = "?"

_WINDOWS_FONTS: Final = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
#: CJK TrueType fonts to try, in order, as (path, index in a .ttc collection). Only TrueType
#: outlines work: ReportLab's TTFont cannot read CFF (Noto CJK .otf/.ttc), so those are absent.
#: Tests replace this tuple (then call `report_fonts.cache_clear()`) to force the CID path.
CJK_CANDIDATES: tuple[tuple[Path, int], ...] = (
    (Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
    (_WINDOWS_FONTS / "msyh.ttc", 0),
    (_WINDOWS_FONTS / "simsun.ttc", 0),
    (_WINDOWS_FONTS / "msgothic.ttc", 0),
    (_WINDOWS_FONTS / "malgun.ttf", 0),
    (Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"), 0),
    (Path("/Library/Fonts/Arial Unicode.ttf"), 0),
)

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class ReportFonts:
    """The registered faces and what each can draw."""

    sans: str
    bold: str
    #: The fallback's registered name: `CJK_TTF` or `CJK_CID`.
    cjk: str
    #: The TrueType fallback's file, None for the CID font.
    cjk_path: Path | None
    #: Code points DejaVu draws.
    sans_chars: frozenset[int]
    #: Code points the fallback draws (the CID font: the whole Basic Multilingual Plane).
    cjk_chars: frozenset[int] | None
    #: The printable characters DejaVu draws: text made only of these needs no run splitting.
    plain: frozenset[str]

    @property
    def cjk_embedded(self) -> bool:
        return self.cjk_path is not None

    def covers_sans(self, char: str) -> bool:
        return ord(char) in self.sans_chars

    def covers_cjk(self, char: str) -> bool:
        code = ord(char)
        if self.cjk_chars is None:
            # Adobe-GB1 stops at the BMP; past it the CID font would print garbage.
            return code <= 0xFFFF and unicodedata.category(char) not in ("Cs", "Co", "Cn")
        return code in self.cjk_chars


def _register_ttf(name: str, path: Path, index: int = 0) -> TTFont:
    font = TTFont(name, str(path), subfontIndex=index)
    pdfmetrics.registerFont(font)
    return font


def _family(name: str, bold: str) -> None:
    """Let `<b>` markup in a Paragraph find the bold face (the CJK faces have none)."""
    pdfmetrics.registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)


@functools.cache
def report_fonts() -> ReportFonts:
    """Register the fonts once (thread-safe) and describe them."""
    with _lock:
        sans = _register_ttf(SANS, FONT_DIR / "DejaVuSans.ttf")
        _register_ttf(SANS_BOLD, FONT_DIR / "DejaVuSans-Bold.ttf")
        _family(SANS, SANS_BOLD)
        sans_chars = frozenset(sans.face.charToGlyph)
        plain = frozenset(
            chr(c) for c in sans_chars if unicodedata.category(chr(c)) not in ("Cc", "Cs")
        )
        for path, index in CJK_CANDIDATES:
            if not path.is_file():
                continue
            try:
                cjk = _register_ttf(CJK_TTF, path, index)
            except (TTFError, OSError, ValueError):
                continue  # a CFF font or a damaged file: try the next one
            _family(CJK_TTF, CJK_TTF)
            cjk_chars = frozenset(cjk.face.charToGlyph)
            return ReportFonts(SANS, SANS_BOLD, CJK_TTF, path, sans_chars, cjk_chars, plain)
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_CID))
        _family(CJK_CID, CJK_CID)
        return ReportFonts(SANS, SANS_BOLD, CJK_CID, None, sans_chars, None, plain)


def _printable(char: str) -> str:
    """Control characters (a pasted tab, a stray NUL) would break the PDF text: space or nothing."""
    if char in "\t\n\r\v\f":
        return " "
    if unicodedata.category(char) in ("Cc", "Cs"):
        return ""
    return char


def text_runs(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """Split `text` into (font name, text) runs: DejaVu where it has the glyph, the CJK fallback
    where that has it, `MISSING` for the rest."""
    fonts = report_fonts()
    main = fonts.bold if bold else fonts.sans
    if fonts.plain.issuperset(text):  # the common case, and a report has thousands of cells
        return [(main, text)] if text else []
    runs: list[tuple[str, str]] = []
    for raw in text:
        char = _printable(raw)
        if not char:
            continue
        if fonts.covers_sans(char):
            font = main
        elif fonts.covers_cjk(char):
            font = fonts.cjk
        else:
            font, char = main, MISSING
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def clean(text: str) -> str:
    """`text` with control characters and undrawable characters replaced (see `text_runs`)."""
    return "".join(part for _font, part in text_runs(text))


def markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for `text`: XML escaped, runs DejaVu lacks wrapped in the CJK font."""
    fonts = report_fonts()
    if fonts.plain.issuperset(text):
        return escape(text)
    main = fonts.bold if bold else fonts.sans
    out: list[str] = []
    for font, part in text_runs(text, bold=bold):
        if font == main:
            out.append(escape(part))
        else:
            out.append(f'<font name="{font}">{escape(part)}</font>')
    return "".join(out)


def font_for(text: str, *, bold: bool = False) -> str:
    """One font for a whole label (a chart `String`): DejaVu unless the text needs the CJK
    fallback. Mixed labels draw best as runs (`text_runs`); the CJK TrueType fonts lack Latin."""
    fonts = report_fonts()
    needs_cjk = any(font == fonts.cjk for font, _part in text_runs(text, bold=bold))
    if needs_cjk:
        return fonts.cjk
    return fonts.bold if bold else fonts.sans


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of `text` drawn as runs."""
    return sum(
        float(pdfmetrics.stringWidth(part, font, size)) for font, part in text_runs(text, bold=bold)
    )


def fit_text(text: str, size: float, width: float, *, bold: bool = False) -> str:
    """`text` cut with "…" so it fits `width` points (whole text when it fits)."""
    text = clean(text)
    if text_width(text, size, bold=bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if text_width(text[:mid].rstrip() + "…", size, bold=bold) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def candidates_found(candidates: Sequence[tuple[Path, int]] | None = None) -> list[Path]:
    """The CJK TrueType files present on this machine (for diagnostics and tests)."""
    return [path for path, _index in (candidates or CJK_CANDIDATES) if path.is_file()]
