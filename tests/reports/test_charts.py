"""The report charts: what each drawing contains, the degenerate inputs ReportLab's own charts
crash on, and the SVG the in-app view shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# WORKAROUND: no reportlab stubs in requirements-dev.
from reportlab.graphics.shapes import (  # type: ignore[import-untyped]
    Drawing,
    Group,
    PolyLine,
    Rect,
    String,
)

from app.reports.charts import (
    OTHER,
    PRIMARY,
    SECONDARY,
    count_bar_chart,
    drawing_svg,
    sla_trend_chart,
    volume_trend_chart,
)
from app.reports.figures import Count, MonthFigures
from app.reports.fonts import CJK_CID, CJK_TTF, SANS, report_fonts
from tests.reports.report_fixtures import months


def shapes(node: Drawing | Group) -> Iterator[object]:
    for child in node.contents:
        if isinstance(child, Group):
            yield from shapes(child)
        else:
            yield child


def strings(drawing: Drawing) -> list[str]:
    return [s.text for s in shapes(drawing) if isinstance(s, String)]


def words(drawing: Drawing) -> str:
    """The labels as read: runs of one label joined, labels separated by " | "."""
    out: list[str] = []
    for child in drawing.contents:
        if isinstance(child, Group):
            out.append("".join(s.text for s in shapes(child) if isinstance(s, String)))
    return " | ".join(out)


def test_volume_trend_has_a_bar_pair_per_month_and_month_labels() -> None:
    drawing = volume_trend_chart(months(), 480, 150)

    labels = strings(drawing)
    for month in ("Nov 25", "Dec 25", "Jan 26", "Mar 26", "Oct 26"):
        assert month in labels
    assert {"Opened", "Closed"} <= set(labels)
    bars = [s for s in shapes(drawing) if isinstance(s, Rect) and s.width < 20 and s.y == 16]
    assert sum(1 for b in bars if b.fillColor == PRIMARY) == 12
    assert sum(1 for b in bars if b.fillColor == SECONDARY) == 12
    # Oct 26 opened 32 is the tallest bar; the axis tops out at the next step, 40.
    tallest = max(bars, key=lambda b: b.height)
    assert tallest.height == pytest.approx((150 - 16 - 16) * 32 / 40)
    assert "40" in labels


def test_sla_trend_leaves_a_gap_for_a_month_without_outcome() -> None:
    drawing = sla_trend_chart(months(), 480, 150)

    lines = [s for s in shapes(drawing) if isinstance(s, PolyLine)]
    # March 2026 is None: each series is two lines (Nov–Feb, Apr–Oct), not one through 0 %.
    assert len(lines) == 4
    points = sorted(len(line.points) // 2 for line in lines)
    assert points == [4, 4, 7, 7]
    assert {"0 %", "50 %", "100 %", "Response met", "Resolution met"} <= set(strings(drawing))


@pytest.mark.parametrize("data", [(), tuple(MonthFigures(m.month, 0, 0, None, None)
                                            for m in months())])  # fmt: skip
def test_empty_and_all_zero_trends_draw_without_crashing(data: tuple[MonthFigures, ...]) -> None:
    volume = volume_trend_chart(data, 300, 120)
    sla = sla_trend_chart(data, 300, 120)
    assert not [s for s in shapes(sla) if isinstance(s, PolyLine)]
    assert all(s.height == 0 for s in shapes(volume) if isinstance(s, Rect) and s.y == 16)
    assert drawing_svg(volume).startswith(b"<?xml")


def test_count_chart_folds_the_tail_into_other_and_elides_long_labels() -> None:
    counts = [Count(f"Category {i}", 20 - i) for i in range(10)]
    counts[0] = Count("A category with a name far too long for the label column", 20)

    drawing = count_bar_chart(counts, 300, 200, title="By category")

    text = words(drawing)
    assert text.startswith("By category | A category with")
    assert "…" in text and "far too long for the label column" not in text
    assert "Category 6 | 14" in text
    # Rows 7..9 (13 + 12 + 11) fold into "Other".
    assert f"{OTHER} | 36" in text
    assert "Category 7" not in text
    assert sum(1 for s in shapes(drawing) if isinstance(s, Rect)) == 8


def test_count_chart_handles_zeros_nothing_and_mixed_scripts() -> None:
    zeros = count_bar_chart([Count("L0", 0), Count("L1", 0)], 200, 60)
    assert "L0 | 0 | L1 | 0" in words(zeros)
    assert not [s for s in shapes(zeros) if isinstance(s, Rect)]
    assert "Nothing to show." in words(count_bar_chart([], 200, 60))
    assert "Uncategorised" in words(count_bar_chart([Count("", 2)], 200, 60))

    mixed = count_bar_chart([Count("東京 Office", 3)], 200, 40)

    runs = [(s.fontName, s.text) for s in shapes(mixed) if isinstance(s, String)]
    cjk = report_fonts().cjk
    assert cjk in (CJK_TTF, CJK_CID)
    assert (cjk, "東京") in runs and (SANS, " Office") in runs


def test_svg_names_installed_font_families() -> None:
    svg = drawing_svg(count_bar_chart([Count("Zakład Łódź", 3)], 200, 40, title="By site"))

    text = svg.decode("utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert "Zakład Łódź" in text
    assert "font-family: 'DejaVu Sans'; font-weight: bold;" in text
    assert "Helpdesk" not in text  # registered names mean nothing to an SVG viewer
    # QtSvg draws a clip path and "fill: None" as black boxes.
    trend = drawing_svg(sla_trend_chart(months(), 300, 120)).decode("utf-8")
    assert "clipPath" not in trend and "clip-path" not in trend
    assert "fill: None" not in trend and "fill: none" in trend
