"""The vault dashboard for administrators (vault.md §8.6, §8.7, §9): the rotation worklist with
its PDF/CSV export, bursts of reveals, vault keys due for their yearly rotation, and the audit
chain check.

The lists are metadata only and load on the read lane while the vault is locked too; rotating
a key needs the unlocked vault and runs on the write lane, like verifying the chain (which
records itself in the audit log). Worklist rows cannot be closed here: a row closes when its
item's password is changed. GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.reports.worklist_pdf import STATEMENT, write_worklist_csv, write_worklist_pdf
from app.tasks import Lane, TaskRunner
from app.ui_text import ui_text
from app.vault.audit import ChainReport
from app.vault.dashboard import (
    REVEAL_LOOKBACK,
    REVEAL_THRESHOLD,
    RevealBurst,
    VaultDashboard,
    VaultDue,
    WorklistRow,
)
from app.vault.errors import PermissionDenied, VaultError, VaultLocked
from app.vault.service import VaultService

from app.views.clients.vault_session import VaultSession
from app.views.vault_admin.dashboard_models import (
    BurstModel,
    DueModel,
    RowRole,
    WorklistModel,
    client_text,
)
from app.views.widgets.form_errors import ErrorLabel
from app.views.widgets.record_list import list_table

log = logging.getLogger(__name__)

#: Reads the local audit anchor (id, row_hash) from this workstation's settings, on the GUI
#: thread; None when there is none yet.
AnchorReader = Callable[[], tuple[int, bytes] | None]

#: Why the rotation cause reads so in the audit log.
YEARLY_CAUSE: Final = "yearly"


class Tab:
    WORKLIST: Final = 0
    REVEALS: Final = 1
    DUE: Final = 2
    CHAIN: Final = 3


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the dashboard shows, read in one task on the read lane."""

    worklist: list[WorklistRow]
    bursts: list[RevealBurst]
    due: list[VaultDue]


def _error_text(error: BaseException) -> str:
    if isinstance(error, VaultLocked):
        return ui_text("Unlock the vault first: rotating a key needs the current one.")
    if isinstance(error, PermissionDenied):
        return "Refused: " + str(error) + "."
    if isinstance(error, VaultError):
        return str(error).capitalize() + "."
    log.warning("vault dashboard action failed: %s", type(error).__name__)
    return ui_text("That did not work. Try again later.")


def _table(model: QAbstractItemModel) -> QTableView:
    return list_table(model)


def _fit(view: QTableView) -> None:
    for col in range(view.model().columnCount() - 1):  # the last one stretches
        view.resizeColumnToContents(col)


def _wrapped(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class VaultDashboardDialog(QDialog):
    """Tabs: Rotation worklist, Reveal activity, Keys due for rotation, Audit chain."""

    def __init__(
        self,
        service: VaultService,
        dashboard: VaultDashboard,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        msp_name: str = "",
        anchor: AnchorReader | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._dashboard = dashboard
        self._runner = runner
        self._msp_name = msp_name
        self._anchor = anchor
        self._seq = 0
        #: The last chain check, for tests and the status text.
        self.chain_report: ChainReport | None = None
        self.setWindowTitle(self.tr("Vault dashboard"))
        self._build()
        self.resize(900, 520)
        self.reload()

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_worklist(), "")
        self.tabs.addTab(self._build_reveals(), "")
        self.tabs.addTab(self._build_due(), "")
        self.tabs.addTab(self._build_chain(), self.tr("Audit chain"))
        self.status = _wrapped("", "dashboardStatus")
        self.error = ErrorLabel()
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.clicked.connect(self.reload)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._update_titles()

    def _build_worklist(self) -> QWidget:
        statement = _wrapped(self.tr(STATEMENT), "rotationWarning")
        statement.setStyleSheet("font-weight: 600;")
        hint = _wrapped(
            self.tr(
                "Change each client password below, revealed ones first. A row closes when "
                "the item's password is changed in the vault."
            )
        )
        self.worklist_model = WorklistModel(self)
        self.worklist_table = _table(self.worklist_model)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(self.export_csv)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(statement)
        layout.addWidget(hint)
        layout.addWidget(self.worklist_table, 1)
        layout.addLayout(buttons)
        return page

    def _build_reveals(self) -> QWidget:
        days = REVEAL_LOOKBACK.days
        intro = _wrapped(
            self.tr(
                "Technicians who revealed more than {n} credentials within one hour in the last "
                "{days} days. Each reveal is in the audit log with its ticket or reason."
            ).format(n=REVEAL_THRESHOLD, days=days)
        )
        self.burst_model = BurstModel(self)
        self.burst_table = _table(self.burst_model)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.burst_table, 1)
        return page

    def _build_due(self) -> QWidget:
        intro = _wrapped(
            self.tr(
                "Vault keys in use for more than a year. Rotating makes a new key and "
                "re-encrypts the vault's credentials; the client passwords stay the same."
            )
        )
        self.due_model = DueModel(self)
        self.due_table = _table(self.due_model)
        self.due_table.selectionModel().selectionChanged.connect(self.refresh_buttons)
        self.locked_note = _wrapped(
            self.tr("Unlock the vault first: rotating a key needs the current one."),
            "lockedNote",
        )
        self.rotate_button = QPushButton(self.tr("Rotate now"))
        self.rotate_button.clicked.connect(self.rotate_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.rotate_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.due_table, 1)
        layout.addWidget(self.locked_note)
        layout.addLayout(buttons)
        return page

    def _build_chain(self) -> QWidget:
        intro = _wrapped(
            self.tr(
                "Every vault action is chained to the one before it. Verifying recomputes the "
                "whole chain and records that it was checked."
            )
        )
        self.verify_button = QPushButton(self.tr("Verify audit chain"))
        self.verify_button.clicked.connect(self.verify_chain)
        self.chain_result = _wrapped("", "chainResult")
        self.chain_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.chain_result)
        layout.addStretch(1)
        return page

    def _update_titles(self) -> None:
        self.tabs.setTabText(
            Tab.WORKLIST,
            self.tr("Rotation worklist ({n})").format(n=self.worklist_model.rowCount()),
        )
        self.tabs.setTabText(
            Tab.REVEALS, self.tr("Reveal activity ({n})").format(n=self.burst_model.rowCount())
        )
        self.tabs.setTabText(
            Tab.DUE, self.tr("Keys due for rotation ({n})").format(n=self.due_model.rowCount())
        )

    def refresh_buttons(self) -> None:
        """Follow the selection, the lock state and whether there is anything to export."""
        unlocked = self._service.cache.is_unlocked
        self.locked_note.setVisible(not unlocked and self.due_model.rowCount() > 0)
        self.rotate_button.setEnabled(unlocked and self.selected_due() is not None)
        has_rows = self.worklist_model.rowCount() > 0
        self.pdf_button.setEnabled(has_rows)
        self.csv_button.setEnabled(has_rows)

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the three lists again (on open, after each action, and on Reload)."""
        self._seq += 1
        dashboard = self._dashboard

        def load() -> Snapshot:
            return Snapshot(dashboard.worklist(), dashboard.heavy_revealers(),
                            dashboard.rotation_due())  # fmt: skip

        self._runner.run(
            load,
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_loaded, self._seq),
            on_failure=partial(self._on_load_failed, self._seq),
        )

    def _on_loaded(self, seq: int, snapshot: Snapshot) -> None:
        if seq != self._seq:
            return
        self.worklist_model.set_rows(snapshot.worklist)
        self.burst_model.set_rows(snapshot.bursts)
        self.due_model.set_rows(snapshot.due)
        for view in (self.worklist_table, self.burst_table, self.due_table):
            _fit(view)
        self._update_titles()
        self.refresh_buttons()

    def _on_load_failed(self, seq: int, error: BaseException) -> None:
        if seq == self._seq:
            self._show_error(error)

    def selected_due(self) -> VaultDue | None:
        rows = self.due_table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(RowRole)
        return value if isinstance(value, VaultDue) else None

    # --- export -------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        self._export("pdf", self.tr("PDF files (*.pdf)"))

    def export_csv(self) -> None:
        self._export("csv", self.tr("CSV files (*.csv)"))

    def _export(self, suffix: str, file_filter: str) -> None:
        rows = self.worklist_model.rows()
        if not rows:
            return
        stamp = self._dashboard.now().astimezone().strftime("%Y-%m-%d")
        suggested = str(Path.home() / f"rotation-worklist-{stamp}.{suffix}")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export rotation worklist"), suggested, file_filter
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(path.name + f".{suffix}")
        generated_at, msp_name = self._dashboard.now(), self._msp_name

        def write() -> Path:
            if suffix == "pdf":
                write_worklist_pdf(rows, path, generated_at, msp_name)
            else:
                write_worklist_csv(rows, path)
            return path

        self.error.clear_error()
        self._runner.run(
            write,
            lane=Lane.READ,
            owner=self,
            on_success=lambda p: self.status.setText(
                self.tr("Saved the worklist to {path}.").format(path=str(p))
            ),
            on_failure=self._on_export_failed,
        )

    def _on_export_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            # Errno text names the file and the OS reason (no row data).
            self.error.show_error(self.tr("Could not save the file: {reason}").format(
                reason=error.strerror or type(error).__name__))  # fmt: skip
            return
        self._show_error(error)

    # --- rotation -----------------------------------------------------------------------------

    def rotate_selected(self) -> None:
        due = self.selected_due()
        if due is None:
            return
        if not self._service.cache.is_unlocked:
            self._show_error(VaultLocked())
            return
        self.rotate_button.setEnabled(False)
        self.error.clear_error()
        self._runner.run(
            partial(self._service.rotate, due.vault_id, YEARLY_CAUSE),
            lane=Lane.WRITE,
            owner=self,
            on_success=partial(self._on_rotated, due),
            on_failure=self._on_action_failed,
        )

    def _on_rotated(self, due: VaultDue, version: int) -> None:
        self.status.setText(
            self.tr("{client}'s vault now uses key version {version}.").format(
                client=client_text(due.client_name), version=version
            )
        )
        self.reload()

    # --- audit chain --------------------------------------------------------------------------

    def verify_chain(self) -> None:
        anchor = self._anchor() if self._anchor is not None else None  # settings: GUI thread
        self.verify_button.setEnabled(False)
        self.error.clear_error()
        self.chain_result.setText(self.tr("Verifying…"))
        self._runner.run(
            partial(self._service.verify_audit_chain, anchor),
            lane=Lane.WRITE,  # it appends a `verify_chain` row
            owner=self,
            on_success=self._on_verified,
            on_failure=self._on_verify_failed,
        )

    def _on_verified(self, report: ChainReport) -> None:
        self.chain_report = report
        self.verify_button.setEnabled(True)
        self.chain_result.setStyleSheet("" if report.ok else "color: #b3261e; font-weight: 600;")
        self.chain_result.setText(self._chain_text(report))

    def _chain_text(self, report: ChainReport) -> str:
        if report.ok:
            return self.tr("The audit chain is intact: {n} rows checked.").format(n=report.checked)
        lines = [self.tr("The audit chain is broken: {n} rows checked.").format(n=report.checked)]
        if report.first_bad_id is not None:
            lines.append(self.tr("First bad row: {id}.").format(id=report.first_bad_id))
        if report.altered:
            lines.append(self.tr("Rows changed in place: {ids}.").format(ids=_ids(report.altered)))
        if report.broken_links:
            lines.append(
                self.tr("Broken links (a row before was deleted or changed): {ids}.").format(
                    ids=_ids(report.broken_links)
                )
            )
        if report.anchor_ok is False:
            lines.append(
                self.tr(
                    "The last row this workstation wrote is missing or different: the chain "
                    "was rewritten."
                )
            )
        return "\n".join(lines)

    def _on_verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.chain_result.clear()
        self._show_error(error)

    # --- errors -------------------------------------------------------------------------------

    def _on_action_failed(self, error: BaseException) -> None:
        self._show_error(error)
        self.refresh_buttons()

    def _show_error(self, error: BaseException) -> None:
        self.status.clear()
        self.error.show_error(self.tr(_error_text(error)))


def _ids(ids: tuple[int, ...], limit: int = 20) -> str:
    # A wrecked chain can list thousands of ids; the first ones say where to look.
    shown = ", ".join(str(i) for i in ids[:limit])
    return shown + (" …" if len(ids) > limit else "")


def open_vault_dashboard(
    parent: QWidget | None,
    vault: VaultSession | VaultService,
    runner: TaskRunner,
    *,
    msp_name: str = "",
    anchor: AnchorReader | None = None,
) -> VaultDashboardDialog:
    """Open (non-modal, deleted on close) the dashboard for the technician signed in to `vault`.

    The dashboard re-checks the admin role on every read; the caller only decides whether to
    offer the button.
    """
    service = vault.service if isinstance(vault, VaultSession) else vault
    dashboard = VaultDashboard.of(service)
    dialog = VaultDashboardDialog(
        service, dashboard, runner, parent, msp_name=msp_name, anchor=anchor
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # The lock state may change while the dialog is open; the rotate button follows it.
    if isinstance(vault, VaultSession):
        vault.locked.connect(dialog.refresh_buttons)
        vault.unlocked.connect(dialog.refresh_buttons)
    dialog.show()
    return dialog
