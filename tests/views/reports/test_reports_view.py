"""ReportsView end to end against the real report services on both backends: a client's and
all clients' figures and charts, bad periods, PDF and CSV export with progress, failures."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QImage

from app.reports.figures import AllClientsReport, Branding, ClientReport
from app.services.errors import NotFoundError
from tests.views.reports.conftest import Month

from app.views.reports.chart_grid import Chart
from app.views.reports.period_picker import PeriodKind, last_complete_month
from app.views.reports.report_models import ClientSummaryTableModel
from app.views.reports.reports_view import ReportsView


class Recorder:
    """Stands in for the file chooser and the system viewer."""

    def __init__(self, answer: Path | str = "") -> None:
        self.answer = answer
        self.proposed: list[str] = []
        self.opened: list[Path] = []

    def choose(self, _parent, _caption: str, proposed: str, _filters: str) -> str:
        self.proposed.append(proposed)
        return str(self.answer)

    def open(self, path: Path) -> None:
        self.opened.append(path)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_view(qtbot, reports, branding, runner, notifier, me, clock, recorder):
    def make(tech=me) -> ReportsView:
        view = ReportsView(
            reports,
            branding,
            runner,
            notifier,
            tech,
            opener=recorder.open,
            chooser=recorder.choose,
            today=lambda: clock.now().date(),
        )
        qtbot.addWidget(view)
        return view

    return make


def test_the_default_period_is_the_last_complete_month() -> None:
    assert last_complete_month(dt.date(2026, 3, 2)) == dt.date(2026, 2, 1)
    assert last_complete_month(dt.date(2026, 1, 31)) == dt.date(2025, 12, 1)


def test_a_clients_month_shows_its_figures_charts_and_tables(make_view, month: Month) -> None:
    view = make_view()
    view.show()  # the first show loads the clients and the all-clients summary
    assert view.client_box.itemText(0) == "All clients"
    names = [view.client_box.itemText(i) for i in range(1, view.client_box.count())]
    assert names == ["Acme Ltd", "Borealis Law", "Quiet Co"]

    view.set_client(month.acme)
    view.show_report()
    report = view.report
    assert isinstance(report, ClientReport)
    assert report.client_id == month.acme
    assert report.period.token == "2026-02"
    kpis = view.panel.kpis
    assert kpis.value_of("Tickets opened") == "3"
    assert kpis.value_of("Tickets closed") == "1"
    assert kpis.value_of("CSAT average") == "—"
    assert view.panel.title.text() == "Acme Ltd — February 2026"
    assert view.panel.empty_label.isHidden()
    # The PDF's drawings, as SVG.
    charts = view.panel.charts
    assert charts.charts() == [
        Chart.VOLUME,
        Chart.SLA,
        Chart.CATEGORY,
        Chart.PRIORITY,
        Chart.TIER,
    ]
    for chart in charts.charts():
        widget = charts.svg_widget(chart)
        assert widget is not None and widget.renderer().isValid()
    assert view.panel.clients_section.isHidden()
    assert view.error.isHidden()


def test_all_clients_lists_each_client_and_the_desk_totals(make_view, month: Month) -> None:
    view = make_view()
    view.refresh()
    report = view.report
    assert isinstance(report, AllClientsReport)
    assert view.panel.kpis.value_of("Tickets opened") == "4"
    model = view.panel.clients
    names = [model.index(r, ClientSummaryTableModel.Col.CLIENT).data() for r in range(2)]
    assert names == ["Acme Ltd", "Borealis Law"]
    assert model.index(0, ClientSummaryTableModel.Col.OPENED).data() == "3"
    assert not view.panel.clients_section.isHidden()
    assert Chart.CATEGORY not in view.panel.charts.charts()


def test_a_quiet_period_says_so_and_can_still_be_exported(
    make_view, month: Month, recorder: Recorder, tmp_path: Path
) -> None:
    view = make_view()
    view.refresh()
    view.set_client(month.quiet)
    view.show_report()
    assert not view.panel.empty_label.isHidden()
    assert "Nothing happened for this client" in view.panel.empty_label.text()
    assert view.panel.kpis.value_of("Tickets opened") == "0"
    recorder.answer = tmp_path / "quiet.pdf"
    view.export_pdf()
    assert (tmp_path / "quiet.pdf").read_bytes().startswith(b"%PDF")


def test_a_custom_period_ending_before_it_starts_is_refused_without_a_task(
    make_view, month: Month, runner, monkeypatch
) -> None:
    view = make_view()
    view.refresh()
    started: list[object] = []
    original = runner.run

    def counting_run(fn, **kwargs):
        started.append(fn)
        return original(fn, **kwargs)

    monkeypatch.setattr(runner, "run", counting_run)

    view.period_picker.set_days(dt.date(2026, 2, 20), dt.date(2026, 2, 10))
    view.show_report()
    view.export_pdf()

    assert view.error.text() == "The end date is before the start date."
    assert not view.error.isHidden()
    assert started == []
    assert view.period_picker.kind() is PeriodKind.CUSTOM
    assert view.period_picker.from_edit.date() == QDate(2026, 2, 20)
    assert view.period_picker.to_edit.date() == QDate(2026, 2, 10)
    # Fixing the dates clears the message.
    view.period_picker.to_edit.setDate(QDate(2026, 2, 28))
    assert view.error.isHidden()


def test_a_service_error_is_one_message_and_the_page_stays(
    make_view, month: Month, reports, monkeypatch
) -> None:
    view = make_view()
    view.refresh()

    def gone(*_args, **_kwargs):
        raise NotFoundError("client", month.acme)

    monkeypatch.setattr(reports, "client_report", gone)
    view.set_client(month.acme)
    view.show_report()
    assert view.error.text() == "This client no longer exists; choose another one."
    assert isinstance(view.report, AllClientsReport)  # the previous figures stay


def test_export_pdf_writes_the_file_reports_progress_and_opens_it(
    make_view, month: Month, recorder: Recorder, tmp_path: Path
) -> None:
    view = make_view()
    view.refresh()
    view.set_client(month.acme)
    seen: list[int] = []
    view.progress.valueChanged.connect(seen.append)
    recorder.answer = tmp_path / "acme"  # no suffix: added

    view.export_pdf()

    out = tmp_path / "acme.pdf"
    assert Path(recorder.proposed[0]).name == "Acme Ltd – February 2026.pdf"
    assert recorder.opened == [out]
    assert out.read_bytes().startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Acme Ltd" in text
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)
    assert view.progress.value() == 100
    assert str(out) in view.status.text()
    assert view.pdf_button.isEnabled() and view.csv_button.isEnabled()
    assert view.error.isHidden()
    assert [p.name for p in tmp_path.iterdir()] == ["acme.pdf"]


def test_export_csv_of_all_clients(make_view, month: Month, recorder: Recorder, tmp_path: Path):
    view = make_view()
    view.refresh()
    recorder.answer = tmp_path / "all.csv"
    view.export_csv()
    data = (tmp_path / "all.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Borealis Law" in data.decode("utf-8-sig")
    assert recorder.opened == [tmp_path / "all.csv"]
    assert Path(recorder.proposed[0]).name == "All clients – February 2026.csv"


def _unwritable_target(tmp_path: Path) -> Path:
    """A path no one can write: under a regular file (root too); else in a read-only folder."""
    if os.geteuid() == 0:
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("x")
        return blocker / "report.pdf"
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "report.pdf"


def test_export_to_an_unwritable_place_is_one_message_and_no_file(
    make_view, month: Month, recorder: Recorder, tmp_path: Path
) -> None:
    target = _unwritable_target(tmp_path)
    view = make_view()
    view.refresh()
    view.set_client(month.acme)
    recorder.answer = target
    try:
        view.export_pdf()
        leftovers = list(target.parent.iterdir()) if target.parent.is_dir() else []
    finally:
        if target.parent.is_dir():
            target.parent.chmod(0o700)
    assert not target.exists()
    assert leftovers == []
    assert view.error.text().startswith("The report was not saved. Cannot write")
    assert "\n" not in view.error.text()
    assert recorder.opened == []
    assert view.progress.isHidden()
    assert view.pdf_button.isEnabled()


def test_the_page_with_figures_renders_non_blank(
    qtbot, make_view, month: Month, tmp_path: Path
) -> None:
    view = make_view()
    view.resize(1280, 800)
    view.show()
    view.set_client(month.acme)
    view.show_report()
    charts = view.panel.charts
    widgets = [charts.svg_widget(chart) for chart in charts.charts()]
    # The layout places the new charts once the event loop turns.
    qtbot.waitUntil(lambda: all(w.isVisible() and w.size() == w.minimumSize() for w in widgets))
    path = tmp_path / "reports.png"
    assert view.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 800)
    corner = QColor(image.pixel(2, 2))
    differing = sum(
        QColor(image.pixel(x, y)) != corner
        for x in range(0, image.width(), 16)
        for y in range(0, image.height(), 16)
    )
    assert differing > 200


def test_a_stored_logo_that_is_not_an_image_fails_the_export_cleanly(
    make_view, month: Month, branding, recorder: Recorder, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(branding, "branding", lambda: Branding("Acme IT", b"GIF89a-not-really"))
    view = make_view()
    view.refresh()
    view.set_client(month.acme)
    recorder.answer = tmp_path / "acme.pdf"
    view.export_pdf()
    assert view.error.text().startswith("The logo cannot be used: ")
    assert list(tmp_path.iterdir()) == []
    assert recorder.opened == []
    assert view.pdf_button.isEnabled()
