"""The Reports page of the main window: pick a client (or all) and a period, see the report's
figures and charts, export them to PDF or CSV, and (admins) set the MSP's branding.

Figures load on the read lane when the choice changes (debounced) or on "Refresh"; a late answer
to an older choice is dropped. Exports run on the read lane too, with a progress bar fed from the
worker through a queued signal; the writers are atomic, so a failed export leaves no file.
Reports cover past periods, so the page does not follow live changes beyond the client list.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import QStandardPaths, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role
from app.reports.figures import AllClientsReport, ClientReport
from app.reports.period import MAX_DAYS, PeriodError, ReportPeriod
from app.services.directory import TechnicianRow
from app.services.report_branding import ReportBrandingService
from app.services.report_figures import ReportClient, ReportFiguresService
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views.reports.branding_dialog import BrandingDialog, LogoChooser
from app.views.reports.chart_grid import RenderedChart, render_charts
from app.views.reports.figures_panel import FiguresPanel
from app.views.reports.labels import failure_text, file_stem
from app.views.reports.labels import reports_tr as _t
from app.views.reports.period_picker import PeriodKind, PeriodPicker
from app.views.reports.report_export import (
    ExportFormat,
    ExportProgress,
    ExportRequest,
    export_report,
)
from app.views.widgets.form_errors import ErrorLabel

#: Pause after a change of client or period before the figures load (ms).
SHOW_DELAY_MS: Final = 300
#: The client box's value for the all-clients summary (client ids start at 1).
ALL_CLIENTS: Final = -1

#: Asks where to save: (parent, caption, proposed path, filter) → chosen path, "" = cancelled.
SaveChooser = Callable[[QWidget, str, str, str], str]

log = logging.getLogger(__name__)


def _open_in_system_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _ask_save_path(parent: QWidget, caption: str, proposed: str, filters: str) -> str:
    dialog = QFileDialog(parent, caption, proposed, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    # The dialog adds the suffix itself, so its "replace the file?" question covers the name
    # actually written ("report" → "report.pdf").
    dialog.setDefaultSuffix(Path(proposed).suffix.lstrip("."))
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def _load(
    reports: ReportFiguresService, client_id: int | None, period: ReportPeriod
) -> tuple[ClientReport | AllClientsReport, tuple[RenderedChart, ...]]:
    """Worker: the figures and their charts."""
    report: ClientReport | AllClientsReport
    if client_id is None:
        report = reports.all_clients_report(period)
    else:
        report = reports.client_report(client_id, period)
    return report, render_charts(report)


class ReportsView(QWidget):
    """The Reports page. GUI thread only; every database call runs on a task lane."""

    #: A report's figures are on screen; carries the `ClientReport` or `AllClientsReport`.
    report_shown = Signal(object)
    #: An export was written; carries its `Path`.
    export_finished = Signal(object)

    def __init__(
        self,
        reports: ReportFiguresService,
        branding: ReportBrandingService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget | None = None,
        *,
        opener: Callable[[Path], None] | None = None,
        chooser: SaveChooser | None = None,
        logo_chooser: LogoChooser | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._reports = reports
        self._branding = branding
        self._runner = runner
        self._me = me
        self._opener = opener or _open_in_system_viewer
        self._chooser = chooser or _ask_save_path
        self._logo_chooser = logo_chooser
        self._seq = 0
        self._loaded = False
        self._exporting = False
        self._last_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self._clients: list[ReportClient] = []
        #: The report on screen, None before the first one lands.
        self.report: ClientReport | AllClientsReport | None = None
        #: The branding dialog last opened (tests drive it).
        self.branding_dialog: BrandingDialog | None = None
        self._build((today or dt.date.today)())
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_DELAY_MS)
        self._show_timer.timeout.connect(self.show_report)
        self.client_box.currentIndexChanged.connect(self._on_choice_changed)
        self.period_picker.period_edited.connect(self._on_choice_changed)
        notifier.data_changed.connect(self._on_data_changed)

    def _build(self, today: dt.date) -> None:
        self.client_box = QComboBox()
        self.client_box.addItem(_t("All clients"), ALL_CLIENTS)
        self.client_box.setMinimumContentsLength(24)
        self.client_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.period_picker = PeriodPicker(today)
        self.refresh_button = QPushButton(_t("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton(_t("Export PDF…"))
        self.csv_button = QPushButton(_t("Export CSV…"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.csv_button.clicked.connect(self.export_csv)
        self.branding_button = QPushButton(_t("Branding…"))
        self.branding_button.clicked.connect(self.open_branding)
        is_admin = self._me.role is Role.ADMIN
        self.branding_button.setVisible(is_admin)
        self.branding_button.setEnabled(is_admin)

        self.error = ErrorLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(240)
        self.progress.hide()

        self.panel = FiguresPanel()
        self.panel.hide()
        self.placeholder = QLabel(_t("Choose a client and a period."))
        self.placeholder.setStyleSheet("color: palette(placeholder-text); padding: 12px;")
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.placeholder)
        content_layout.addWidget(self.panel)
        content_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)

        top = QHBoxLayout()
        top.addWidget(QLabel(_t("Client")))
        top.addWidget(self.client_box)
        top.addSpacing(12)
        top.addWidget(QLabel(_t("Period")))
        top.addWidget(self.period_picker)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.branding_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)

    # -- loading -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            # Built with the main window but loaded only when first opened: reports query a
            # whole month of tickets, which start-up should not wait for.
            self.refresh()

    def refresh(self) -> None:
        """Reload the client list and the figures for the current choice."""
        self._loaded = True
        self.load_clients()
        self.show_report()

    def load_clients(self) -> None:
        self._runner.run(
            self._reports.clients,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_clients,
            on_failure=self._on_failed,
        )

    def _on_clients(self, clients: list[ReportClient]) -> None:
        self._clients = clients
        current = self.client_box.currentData()
        self.client_box.blockSignals(True)
        try:
            while self.client_box.count() > 1:
                self.client_box.removeItem(1)
            for client in clients:
                name = client.name if client.active else _t("{0} (inactive)").format(client.name)
                self.client_box.addItem(name, client.id)
            index = self.client_box.findData(current)
            self.client_box.setCurrentIndex(max(index, 0))
        finally:
            self.client_box.blockSignals(False)
        if self.client_box.currentData() != current:
            self._on_choice_changed()

    def set_client(self, client_id: int | None) -> None:
        """Choose a client (None: all clients); the figures follow after the usual pause."""
        index = self.client_box.findData(ALL_CLIENTS if client_id is None else client_id)
        if index >= 0:
            self.client_box.setCurrentIndex(index)

    def client_id(self) -> int | None:
        value = self.client_box.currentData()
        return None if value is None or value == ALL_CLIENTS else int(value)

    def _client_name(self) -> str:
        client_id = self.client_id()
        if client_id is None:
            return _t("All clients")
        for client in self._clients:
            if client.id == client_id:
                return client.name
        return self.client_box.currentText()

    def _period(self) -> ReportPeriod | None:
        """The chosen period, or None after showing why it cannot be used."""
        try:
            return self.period_picker.period()
        except PeriodError:
            picker = self.period_picker
            if (
                picker.kind() is PeriodKind.CUSTOM
                and picker.to_edit.date() < picker.from_edit.date()
            ):
                self.error.show_error(_t("The end date is before the start date."))
            else:
                self.error.show_error(_t("The period is longer than {0} days.").format(MAX_DAYS))
            return None

    def _on_choice_changed(self, *_args: object) -> None:
        if self._period() is None:
            self._show_timer.stop()
            self._seq += 1  # an answer still on its way is for an older choice
            self.status.clear()
            return
        self.error.clear_error()
        if self._loaded:
            self._show_timer.start()

    def show_report(self) -> None:
        """Load and show the figures for the current client and period."""
        self._show_timer.stop()
        period = self._period()
        if period is None:
            return
        self._loaded = True
        self.error.clear_error()
        self._seq += 1
        self.status.setText(_t("Loading…"))
        self._runner.run(
            partial(_load, self._reports, self.client_id(), period),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_report, self._seq),
            on_failure=partial(self._on_report_failed, self._seq),
        )

    def _on_report(
        self, seq: int, loaded: tuple[ClientReport | AllClientsReport, tuple[RenderedChart, ...]]
    ) -> None:
        if seq != self._seq:
            return
        report, charts = loaded
        self.report = report
        self.status.clear()
        self.placeholder.hide()
        self.panel.show_report(report, charts)
        self.panel.show()
        self.report_shown.emit(report)

    def _on_report_failed(self, seq: int, error: BaseException) -> None:
        if seq == self._seq:
            self.status.clear()
            self._on_failed(error)

    def _on_failed(self, error: BaseException) -> None:
        log.warning("report failed", exc_info=error)
        self.error.show_error(failure_text(error))

    def _on_data_changed(self, changes: object) -> None:
        if self._loaded and isinstance(changes, Changes) and changes.kind in ("client", "*"):
            self.load_clients()

    # -- export --------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        self.export(ExportFormat.PDF)

    def export_csv(self) -> None:
        self.export(ExportFormat.CSV)

    def export(self, fmt: ExportFormat) -> None:
        """Ask where to save, then write the current choice's report there on the read lane."""
        if self._exporting:
            return
        period = self._period()
        if period is None:
            return
        self.error.clear_error()
        if fmt is ExportFormat.PDF:
            caption, filters = _t("Export the report as PDF"), _t("PDF files (*.pdf)")
        else:
            caption, filters = _t("Export the figures as CSV"), _t("CSV files (*.csv)")
        proposed = Path(self._last_dir or ".") / (
            file_stem(self._client_name(), period.label) + fmt.suffix
        )
        chosen = self._chooser(self, caption, str(proposed), filters)
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != fmt.suffix:
            out = out.with_name(out.name + fmt.suffix)
        self._last_dir = str(out.parent)
        request = ExportRequest(self.client_id(), period, fmt, out)
        # Without a parent: the task holds the only reference, so the object the worker emits
        # on lives until the task is released, even if this page is deleted first.
        progress = ExportProgress()
        progress.progressed.connect(self._on_progress_progressed)
        self._set_exporting(True)
        self.status.setText(_t("Exporting {0}…").format(out.name))
        self._runner.run(
            partial(export_report, request, self._reports, self._branding, progress.report),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_exported,
            on_failure=self._on_export_failed,
        )

    @Slot(int)
    def _on_progress_progressed(self, percent: int) -> None:
        if self._exporting:
            self.progress.setValue(max(self.progress.value(), percent))

    def _set_exporting(self, exporting: bool) -> None:
        self._exporting = exporting
        for button in (self.pdf_button, self.csv_button, self.refresh_button):
            button.setEnabled(not exporting)
        if exporting:
            self.progress.setValue(0)
            self.progress.show()

    def _on_exported(self, path: Path) -> None:
        self.progress.setValue(100)
        self._set_exporting(False)
        self.status.setText(_t("Saved to {0}").format(path))
        self.export_finished.emit(path)
        self._opener(path)

    def _on_export_failed(self, error: BaseException) -> None:
        self._set_exporting(False)
        self.progress.hide()
        self.status.clear()
        self._on_failed(error)

    # -- branding ------------------------------------------------------------------------------

    def open_branding(self) -> BrandingDialog | None:
        """The branding dialog (admins only; None for anyone else)."""
        if self._me.role is not Role.ADMIN:
            return None
        dialog = BrandingDialog(
            self._branding, self._runner, self._me, self, chooser=self._logo_chooser
        )
        dialog.saved.connect(self._on_branding_saved)
        self.branding_dialog = dialog
        dialog.open()
        return dialog

    def _on_branding_saved(self, _settings: object) -> None:
        self.status.setText(_t("Branding saved; the next export uses it."))
