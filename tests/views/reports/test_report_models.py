"""The Reports page's table models, without a widget: hand-made report rows in, the PDF's
wording of the figures out, and Qt's model checks."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QObject, Qt, Slot

from app.reports.figures import (
    Breach,
    CategoryTime,
    ClientSummaryRow,
    Count,
    CsatFigures,
    Kpis,
    PrepaidLine,
    RecurringIssue,
    SlaFigures,
)

from app.views.reports.kpi_widget import KpiGridWidget, kpi_lines
from app.views.reports.labels import file_stem
from app.views.reports.report_export import ExportProgress
from app.views.reports.report_models import (
    BreachTableModel,
    CategoryTimeTableModel,
    ClientSummaryTableModel,
    CountTableModel,
    PrepaidTableModel,
    RecurringTableModel,
)

DUE = dt.datetime(2026, 2, 10, 9, 0, tzinfo=dt.UTC)


def _row(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_breaches_in_the_report_zone(qtmodeltester) -> None:
    model = BreachTableModel("Europe/Brussels")
    model.set_rows(
        [
            Breach(
                12,
                "Server down",
                "P1",
                "resolution",
                DUE,
                None,
                5400,
                "",
                vendors=("Dell (case 88)",),
                escalated_to="L2",
            ),
            Breach(7, "Mail", "P3", "response", DUE, DUE + dt.timedelta(hours=2), 20, "Waited"),
        ]
    )
    qtmodeltester.check(model)
    assert _row(model, 0) == [
        "#12", "Server down", "P1", "Resolution", "2026-02-10 10:00", "not yet",
        "1 h 30 min", "No reason recorded · Escalated to L2 · Third party: Dell (case 88)",
    ]  # fmt: skip
    assert _row(model, 1)[5:] == ["2026-02-10 12:00", "< 1 min", "Waited"]
    right = model.index(0, BreachTableModel.Col.OVERRUN).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight


def test_recurring_time_prepaid_and_counts(qtmodeltester) -> None:
    recurring = RecurringTableModel()
    recurring.set_rows(
        [
            RecurringIssue("category", "", 4, 1, (9, 8, 7)),
            RecurringIssue("asset", "PC-0042", 3, 0, (5,)),
        ]
    )
    time = CategoryTimeTableModel()
    time.set_rows([CategoryTime("", 125, 60), CategoryTime("Network", 1500, 1500)])
    prepaid = PrepaidTableModel()
    prepaid.set_rows([PrepaidLine("Block 20 h", 1200, 1290, 300)])
    counts = CountTableModel("Method", "Sessions")
    counts.set_rows([Count("RDP", 1234), Count("SSH", 2)])
    for model in (recurring, time, prepaid, counts):
        qtmodeltester.check(model)
    assert _row(recurring, 0) == ["Category", "Uncategorised", "4", "1", "#9, #8, #7"]
    assert _row(recurring, 1)[:2] == ["Device", "PC-0042"]
    assert _row(time, 0) == ["Uncategorised", "2:05", "1:00"]
    assert _row(time, 1) == ["Network", "25:00", "25:00"]
    assert _row(prepaid, 0) == ["Block 20 h", "20:00", "5:00", "21:30", "-1:30"]
    assert _row(counts, 0) == ["RDP", "1,234"]
    assert counts.headerData(1, Qt.Orientation.Horizontal) == "Sessions"


def test_client_summary(qtmodeltester) -> None:
    model = ClientSummaryTableModel()
    model.set_rows(
        [
            ClientSummaryRow(1, "Ąćme Sp. z o.o.", 8, 6, 3, 1, 0, 0, 4.25, 4, 90),
            ClientSummaryRow(2, "Борей", 1, 0, 0, 0, 0, 0, None, 0, 0),
        ]
    )
    qtmodeltester.check(model)
    assert _row(model, 0) == ["Ąćme Sp. z o.o.", "8", "6", "75 %", "—", "4.2 / 5", "1:30"]
    assert _row(model, 1) == ["Борей", "1", "0", "—", "—", "—", "0:00"]


def test_kpi_tiles_show_the_pdf_figures(qtbot) -> None:
    kpis = Kpis(
        opened=1234,
        closed=7,
        response=SlaFigures(met=3, breached=1, pending=2, median_seconds=2700, p90_seconds=None),
        resolution=SlaFigures(met=0, breached=0, pending=0, median_seconds=None, p90_seconds=None),
        csat=CsatFigures(answered=3, sent=1, declined=0, average=4.5),
        escalated_l2=2,
        escalated_l3=0,
        third_party=1,
        remote_sessions=5,
        time_minutes=125,
        billable_minutes=60,
    )
    widget = KpiGridWidget()
    qtbot.addWidget(widget)
    widget.set_kpis(kpis)
    assert len(widget.lines()) == len(kpi_lines(kpis)) == 16
    assert widget.value_of("Tickets opened") == "1,234"
    assert widget.value_of("Response SLA met") == "75 %"
    assert widget.value_of("Resolution SLA met") == "—"
    assert widget.value_of("Median time to respond") == "45 min"
    assert widget.value_of("CSAT average") == "4.5 / 5"
    assert widget.value_of("CSAT response rate") == "75 %"
    assert widget.value_of("Time logged") == "2:05"


def test_file_names_are_safe_everywhere() -> None:
    assert file_stem("Acme Ltd", "October 2026") == "Acme Ltd – October 2026"
    assert file_stem('A/B: "C" <D>?', "2026-Q3") == "A-B- -C- -D- – 2026-Q3"
    assert file_stem("Trailing dots...", "x. ") == "Trailing dots... – x"


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[tuple[int, bool]] = []

    @Slot(int)
    def on_progressed(self, percent: int) -> None:
        self.got.append((percent, threading.current_thread() is threading.main_thread()))


def test_progress_from_a_worker_thread_arrives_on_the_gui_thread(qtbot) -> None:
    progress = ExportProgress()
    receiver = _Receiver()
    progress.progressed.connect(receiver.on_progressed)

    def work() -> None:
        for fraction in (0.0, 0.5, 1.5):
            progress.report(fraction)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert receiver.got == []  # queued, not called on the worker
    qtbot.waitUntil(lambda: len(receiver.got) == 3)
    assert receiver.got == [(0, True), (50, True), (100, True)]
