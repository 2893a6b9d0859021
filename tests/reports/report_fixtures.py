"""Hand-made report figures with known values, and poppler helpers to read the PDFs back.

The expected texts in the tests are written out by hand from these values (e.g. response met 5
of 6 → "83.3 %", median 5400 s → "1 h 30 min"), never computed with the code under test.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from app.reports.figures import (
    AllClientsReport,
    Breach,
    CategoryTime,
    ClientReport,
    ClientSummaryRow,
    Count,
    CsatFigures,
    Kpis,
    MonthFigures,
    PrepaidLine,
    RecurringIssue,
    SlaFigures,
)
from app.reports.fonts import FONT_DIR
from app.reports.period import month_period

UTC = dt.UTC
ZONE = "Europe/Warsaw"
#: October 2026, made on 1 November 09:00 Warsaw time.
GENERATED = dt.datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
PERIOD = month_period(2026, 10)


def kpis() -> Kpis:
    return Kpis(
        opened=7,
        closed=6,
        # 5 met of 6 decided → 83.3 %; 5400 s → 1 h 30 min; 8100 s → 2 h 15 min
        response=SlaFigures(met=5, breached=1, pending=1, median_seconds=5400, p90_seconds=8100),
        # 3 of 4 → 75 %; 99000 s → 27 h 30 min; no p90 → —
        resolution=SlaFigures(met=3, breached=1, pending=3, median_seconds=99000, p90_seconds=None),
        # 3 answered of 4 → 75 % (3 of 4 surveys); 13/3 → 4.3 / 5
        csat=CsatFigures(answered=3, sent=1, declined=0, average=13 / 3),
        escalated_l2=2,
        escalated_l3=1,
        third_party=1,
        remote_sessions=4,
        time_minutes=725,  # 12:05
        billable_minutes=610,  # 10:10
    )


def months(scale: int = 1) -> tuple[MonthFigures, ...]:
    """Nov 2025 … Oct 2026; March 2026 has no SLA outcome (None, a gap)."""
    out = []
    for i in range(12):
        year, month = (2025, 11 + i) if i < 2 else (2026, i - 1)
        first = dt.date(year, month, 1)
        none = month == 3
        out.append(
            MonthFigures(
                first,
                opened=scale * (10 + 2 * i),
                closed=scale * (9 + 2 * i),
                response_met_percent=None if none else 80.0 + i,
                resolution_met_percent=None if none else 92.0 - i,
            )
        )
    return tuple(out)


def breach(i: int, *, reason: str = "Waiting on the vendor's replacement part") -> Breach:
    return Breach(
        ticket_id=1000 + i,
        subject=f"Printer {i} on the second floor jams",
        priority=f"P{i % 4 + 1}",
        kind="resolution" if i % 2 else "response",
        due_at=dt.datetime(2026, 10, 5, 8, 0, tzinfo=UTC),  # 10:00 in Warsaw
        met_at=None if i % 2 else dt.datetime(2026, 10, 6, 12, 30, tzinfo=UTC),
        business_overrun_seconds=7500 + 60 * i,  # 2 h 05 min for the first
        reason=reason,
    )


def client_report(**changes: object) -> ClientReport:
    report = ClientReport(
        client_id=42,
        client_name="Zakład Łódź",
        client_code="ZL",
        period=PERIOD,
        timezone=ZONE,
        generated_at=GENERATED,
        kpis=kpis(),
        months=months(),
        by_category=(Count("Printing", 4), Count("Email", 2), Count("", 1)),
        by_priority=(Count("P1", 1), Count("P2", 2), Count("P3", 3), Count("P4", 1)),
        by_tier=(Count("L0", 3), Count("L1", 2), Count("L2", 2), Count("L3", 0)),
        breaches=(
            breach(0),
            replace(
                breach(1, reason=""),
                vendors=("HP (case 4711)",),
                escalated_to="L3",
                reopened=2,
                waited_seconds=11_400,
            ),
        ),
        breach_total=2,
        recurring=(
            RecurringIssue("category", "Printing", 4, 3, (15, 12)),
            RecurringIssue("asset", "PC-0042", 3, 0, (14,)),
            RecurringIssue("contact", "Anna Nowak", 2, 30, (11, 9)),
        ),
        time_by_category=(CategoryTime("Printing", 400, 300), CategoryTime("", 325, 310)),
        prepaid=(
            PrepaidLine("Support 2026", 1200, 450, 125),  # left 12:30
            PrepaidLine("Project block", 600, 700, 90),  # overdrawn by 1:40
        ),
        remote_by_method=(Count("RDP", 3), Count("SSH", 1)),
    )
    return replace(report, **changes)  # type: ignore[arg-type]


def empty_kpis() -> Kpis:
    none = SlaFigures(0, 0, 0, None, None)
    return Kpis(0, 0, none, none, CsatFigures(0, 0, 0, None), 0, 0, 0, 0, 0, 0)


def empty_client_report() -> ClientReport:
    zero = tuple(MonthFigures(m.month, 0, 0, None, None) for m in months())
    return client_report(
        kpis=empty_kpis(), months=zero, by_category=(),
        by_priority=tuple(Count(f"P{i}", 0) for i in range(1, 5)),
        by_tier=tuple(Count(f"L{i}", 0) for i in range(4)),
        breaches=(), breach_total=0, recurring=(), time_by_category=(), prepaid=(),
        remote_by_method=(),
    )  # fmt: skip


def summary_row(i: int, name: str | None = None) -> ClientSummaryRow:
    return ClientSummaryRow(
        client_id=i,
        client_name=name or f"Client {i:03d}",
        opened=300 - i,
        closed=290 - i,
        response_met=9,
        response_breached=1,  # 90 %
        resolution_met=3,
        resolution_breached=1,  # 75 %
        csat_average=4.5 if i % 2 else None,
        csat_answered=2 if i % 2 else 0,
        time_minutes=60 + i,
    )


def all_clients_report(rows: int = 3) -> AllClientsReport:
    return AllClientsReport(
        period=PERIOD,
        timezone=ZONE,
        generated_at=GENERATED,
        kpis=kpis(),
        months=months(scale=10),
        by_priority=(Count("P1", 10), Count("P2", 20), Count("P3", 30), Count("P4", 5)),
        by_tier=(Count("L0", 30), Count("L1", 20), Count("L2", 10), Count("L3", 5)),
        rows=tuple(summary_row(i) for i in range(1, rows + 1)),
    )


def logo_png() -> bytes:
    """A small logo drawn with Pillow: a mark and the name, in the bundled DejaVu Bold."""
    image = Image.new("RGBA", (560, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 16, 136, 144), 28, fill=(31, 95, 168, 255))
    draw.ellipse((44, 52, 100, 108), fill=(240, 138, 36, 255))
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 76)
    draw.text((160, 36), "Contoso", font=font, fill=(43, 47, 54, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool; fail on CI and skip elsewhere when it is missing."""
    exe = shutil.which(tool)
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} (poppler-utils) is missing")
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    done = subprocess.run([exe, *args], capture_output=True, check=True, text=True)
    return done.stdout


def page_count(pdf: Path) -> int:
    for line in poppler("pdfinfo", str(pdf)).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count")


def page_text(pdf: Path, page: int | None = None, *, raw: bool = False) -> str:
    """pdftotext of one page (or all), whitespace folded. `raw` reads in drawing order, so a
    table cell's wrapped lines stay together and a KPI card reads "value label note"."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    mode = "-raw" if raw else "-layout"
    return " ".join(poppler("pdftotext", mode, *pages, str(pdf), "-").split())


def assert_pages_render(pdf: Path, tmp: Path, pages: int) -> None:
    """pdftoppm renders exactly `pages` pages and none of them is blank."""
    poppler("pdftoppm", "-r", "40", "-png", str(pdf), str(tmp / "page"))
    images = sorted(tmp.glob("page-*.png"))
    assert len(images) == pages
    for path in images:
        with Image.open(path) as image:
            grey = image.convert("L")
            inked = sum(grey.histogram()[:200])  # pixels clearly darker than white
        assert inked > 200, f"{path.name} looks blank"
