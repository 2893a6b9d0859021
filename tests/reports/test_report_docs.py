"""The README's pictures of a client service report: the cover and the summary page of a
realistic month, rendered with pdftoppm into out/screenshots/ (copied to docs/screenshots/ by
hand for the README, like the window screenshots)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PIL import Image

from app.reports.client_report_pdf import write_client_report
from app.reports.figures import (
    Branding,
    Breach,
    CategoryTime,
    Count,
    CsatFigures,
    Kpis,
    MonthFigures,
    SlaFigures,
)
from tests.reports.report_fixtures import client_report, logo_png, page_count, poppler

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "out" / "screenshots"
PAGES = {1: "report-cover.png", 2: "report-summary.png"}


def a_year() -> tuple[MonthFigures, ...]:
    """Nov 2025 … Oct 2026 of a 40-seat client: busy in January, better SLA over the year."""
    opened = (38, 31, 52, 44, 41, 39, 35, 33, 29, 36, 34, 37)
    closed = (36, 33, 47, 46, 42, 40, 34, 34, 30, 35, 33, 38)
    response = (86.8, 90.3, 78.8, 84.1, 87.8, 89.7, 91.4, 93.9, 96.6, 94.4, 97.1, 94.6)
    resolution = (81.6, 83.9, 73.1, 79.5, 85.4, 84.6, 88.6, 90.9, 93.1, 91.7, 94.1, 91.9)
    firsts = [dt.date(2025, 11, 1), dt.date(2025, 12, 1)]
    firsts += [dt.date(2026, m, 1) for m in range(1, 11)]
    return tuple(MonthFigures(*row) for row in zip(firsts, opened, closed, response, resolution,
                                                   strict=True))  # fmt: skip


@pytest.mark.docs
@pytest.mark.poppler
def test_report_pages_for_the_readme(tmp_path: Path) -> None:
    due = dt.datetime(2026, 10, 14, 7, 0, tzinfo=dt.UTC)
    hour = dt.timedelta(hours=1)
    breaches = (
        Breach(4312, "Mail server rejects outgoing mail after certificate renewal", "P1",
               "resolution", due, due + 26 * hour, 3 * 3600 + 20 * 60,
               "Waiting on the hosting provider to reissue the certificate"),
        Breach(4327, "New starter laptop not ready on Monday", "P3", "resolution",
               due + 120 * hour, None, 2 * 3600 + 5 * 60, ""),
        Breach(4335, "Scanner to email stopped after the copier firmware update", "P3",
               "resolution", due + 170 * hour, due + 190 * hour, 95 * 60,
               "Copier vendor engineer visit booked for the next day"),
        Breach(4301, "VPN drops every 20 minutes", "P2", "response", due - 216 * hour,
               due - 215 * hour, 50 * 60, "Phone line outage at the office"),
        Breach(4340, "Shared calendar not syncing on two phones", "P4", "response",
               due + 240 * hour, due + 241 * hour, 35 * 60, ""),
    )  # fmt: skip
    kpis = Kpis(
        opened=37, closed=38,
        response=SlaFigures(35, 2, 0, median_seconds=21 * 60, p90_seconds=65 * 60),
        resolution=SlaFigures(32, 3, 2, median_seconds=5.5 * 3600, p90_seconds=26.5 * 3600),
        csat=CsatFigures(answered=18, sent=6, declined=2, average=4.6),
        escalated_l2=5, escalated_l3=2, third_party=3, remote_sessions=22,
        time_minutes=2870, billable_minutes=2450,
    )  # fmt: skip
    report = client_report(
        client_name="Kowalski & Partners Law Office",
        client_code="KPLO",
        kpis=kpis,
        months=a_year(),
        by_category=(Count("Email", 9), Count("Hardware", 7), Count("Accounts & access", 6),
                     Count("Printing", 5), Count("Network", 4), Count("Line-of-business apps", 3),
                     Count("", 3)),
        by_priority=(Count("P1", 2), Count("P2", 8), Count("P3", 21), Count("P4", 6)),
        by_tier=(Count("L0", 14), Count("L1", 16), Count("L2", 5), Count("L3", 2)),
        breaches=breaches,
        breach_total=5,
        time_by_category=(CategoryTime("Email", 850, 800), CategoryTime("Hardware", 750, 700),
                          CategoryTime("Accounts & access", 500, 400),
                          CategoryTime("Printing", 300, 250), CategoryTime("Network", 250, 200),
                          CategoryTime("", 220, 100)),
    )  # fmt: skip
    out = tmp_path / "report.pdf"

    pages = write_client_report(report, Branding("Contoso IT Services", logo_png()), out)

    assert pages == page_count(out)
    DOCS.mkdir(parents=True, exist_ok=True)
    for page, name in PAGES.items():
        prefix = tmp_path / f"p{page}"
        poppler("pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                str(out), str(prefix))  # fmt: skip
        png = prefix.with_suffix(".png")
        with Image.open(png) as image:
            assert image.size == (497, 702)  # A4 at 60 dpi
            colours = len(
                image.convert("RGB").resize((124, 175)).getcolors(maxcolors=100_000) or ()
            )
        assert colours > 20, f"page {page} looks blank"
        shutil.copy(png, DOCS / name)
