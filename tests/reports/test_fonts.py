"""The report fonts: DejaVu from the package, a CJK TrueType font from the system or the CID
fallback, and markup that never crashes on any Unicode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

import app.reports.fonts as fonts
from app.reports.client_report_pdf import write_client_report
from app.reports.figures import Branding
from app.reports.fonts import (
    CJK_CID,
    CJK_TTF,
    MISSING,
    SANS,
    SANS_BOLD,
    clean,
    fit_text,
    font_for,
    markup,
    report_fonts,
    text_runs,
    text_width,
)
from tests.reports.report_fixtures import assert_pages_render, client_report, page_count

DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


@pytest.fixture
def cjk_candidates(monkeypatch) -> Iterator[None]:
    """Lets a test replace `CJK_CANDIDATES`; the registration is redone before and after."""
    report_fonts.cache_clear()
    yield
    monkeypatch.undo()
    report_fonts.cache_clear()


def test_the_fonts_ship_in_the_package_with_their_licence() -> None:
    names = {p.name for p in fonts.FONT_DIR.iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"} <= names
    assert "Bitstream Vera" in (fonts.FONT_DIR / "LICENSE").read_text(encoding="utf-8")
    found = report_fonts()
    for text in ("Zakład Łódź ąęłńóśźż", "Şirket İstanbul Ğğışçöü", "ООО Ромашка", "Αθήνα"):
        assert all(found.covers_sans(c) for c in text), text


def test_markup_escapes_and_hands_cjk_to_the_fallback(cjk_candidates, monkeypatch) -> None:
    monkeypatch.setattr(fonts, "CJK_CANDIDATES", ((DROID, 0),))
    if not DROID.is_file():
        pytest.skip("fonts-droid-fallback is not installed (make system-deps installs it)")

    assert report_fonts().cjk == CJK_TTF and report_fonts().cjk_embedded
    assert markup("R&D <ops> Łódź") == "R&amp;D &lt;ops&gt; Łódź"
    assert markup("東京 (HQ)") == f'<font name="{CJK_TTF}">東京</font> (HQ)'
    assert text_runs("東京 HQ", bold=True) == [(CJK_TTF, "東京"), (SANS_BOLD, " HQ")]
    # Neither font draws an emoji or a Linear B sign: "?" instead of a blank box.
    assert clean("ok 🙂 𐀀") == f"ok {MISSING} {MISSING}"
    # Control characters never reach the PDF.
    assert clean("a\tb\x00c\nd") == "a bc d"
    assert font_for("Zakład") == SANS and font_for("Zakład", bold=True) == SANS_BOLD
    assert font_for("東京商事") == CJK_TTF


def test_fit_text_cuts_with_an_ellipsis() -> None:
    long = "Very long category name that will never fit the label column"
    cut = fit_text(long, 8, 80)
    assert cut.endswith("…") and long.startswith(cut[:-1])
    assert text_width(cut, 8) <= 80
    assert fit_text("Email", 8, 80) == "Email"


@pytest.mark.poppler
def test_without_a_cjk_truetype_font_the_cid_font_stands_in(
    cjk_candidates, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "CJK_CANDIDATES", ((tmp_path / "absent.ttf", 0),))
    found = report_fonts()
    assert found.cjk == CJK_CID and not found.cjk_embedded
    assert markup("東京") == f'<font name="{CJK_CID}">東京</font>'
    # The CID font stops at the Basic Multilingual Plane.
    assert clean("東京🙂") == f"東京{MISSING}"
    out = tmp_path / "cid.pdf"

    pages = write_client_report(client_report(client_name="東京商事 株式会社"), Branding("IT"), out)

    assert pages == page_count(out)
    reader = PdfReader(out)
    page_fonts = reader.pages[0]["/Resources"]["/Font"].get_object()  # type: ignore[index]
    cid = [f.get_object() for f in page_fonts.values() if "STSong" in f.get_object()["/BaseFont"]]
    assert cid and cid[0]["/Encoding"] == "/UniGB-UCS2-H"
    # poppler draws it with a substitute (or nothing, without poppler-data): never a crash.
    assert_pages_render(out, tmp_path, pages)
