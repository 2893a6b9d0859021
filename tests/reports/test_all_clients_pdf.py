"""The all-clients summary PDF: desk KPIs and one row per client, the table split across pages
under a repeated header, fast with 200 clients."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from app.reports.all_clients_pdf import NO_CLIENTS, write_all_clients_report
from app.reports.figures import Branding
from app.reports.output import ReportOutputError
from tests.reports.report_fixtures import (
    all_clients_report,
    assert_pages_render,
    empty_kpis,
    logo_png,
    page_count,
    page_text,
    summary_row,
)

HEADER = "Client Opened Closed Response met Resolution met CSAT Time (h:mm)"


@pytest.mark.poppler
def test_200_clients_fill_a_table_with_its_header_on_every_page(tmp_path: Path) -> None:
    report = all_clients_report(rows=200)
    report = replace(report, rows=(summary_row(0, "ООО Ромашка"), *report.rows))
    out = tmp_path / "all.pdf"
    seen: list[float] = []

    started = time.perf_counter()
    pages = write_all_clients_report(report, Branding("Contoso IT", logo_png()), out,
                                     progress=seen.append)  # fmt: skip
    elapsed = time.perf_counter() - started

    assert elapsed < 3.0, f"{elapsed:.2f} s for 200 clients"
    assert pages == page_count(out) > 5
    cover = page_text(out, 1)
    assert "Contoso IT" in cover and "All clients" in cover and "October 2026" in cover
    assert page_text(out, 2).startswith("Contents")  # 201 rows: a long report
    text = page_text(out, raw=True)
    for value, name in (("7", "Tickets opened"), ("83.3 %", "Response SLA met"),
                        ("4.3 / 5", "CSAT average"), ("12:05", "Time logged")):  # fmt: skip
        assert f"{value} {name}" in text
    # Client 1: 299 opened, 289 closed, 9 of 10 met, 3 of 4 met, CSAT 4.5 from 2, 61 min.
    assert "Client 001 299 289 90 % 75 % 4.5 / 5 (2) 1:01" in text
    # Client 2 has no CSAT answer: "—", not 0.
    assert "Client 002 298 288 90 % 75 % — 1:02" in text
    assert "ООО Ромашка 300 290" in text
    assert "Client 200" in text
    client_pages = [p for p in range(3, pages + 1) if "Client 1" in page_text(out, p)]
    assert len(client_pages) >= 3
    for page in client_pages:
        assert HEADER in page_text(out, page, raw=True), f"page {page}"
        assert f"All clients — October 2026 · Times in Europe/Warsaw Page {page} of {pages}" in (
            page_text(out, page)
        )
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert_pages_render(out, tmp_path, pages)


@pytest.mark.poppler
def test_a_quiet_period_still_makes_a_summary(tmp_path: Path) -> None:
    report = replace(all_clients_report(), kpis=empty_kpis(), rows=())
    out = tmp_path / "quiet.pdf"

    pages = write_all_clients_report(report, Branding(""), out)

    text = page_text(out, raw=True)
    assert NO_CLIENTS in text
    assert "— Response SLA met" in text
    assert "Contents" not in text
    assert_pages_render(out, tmp_path, pages)


def test_an_unwritable_path_fails_before_any_work(tmp_path: Path) -> None:
    seen: list[float] = []
    with pytest.raises(ReportOutputError, match="does not exist"):
        write_all_clients_report(all_clients_report(), Branding("IT"),
                                 tmp_path / "nope" / "all.pdf", progress=seen.append)  # fmt: skip
    assert seen == []
