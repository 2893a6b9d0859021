"""The Policies tab: the list of SLA policies above the policy form."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.sla_config import SlaConfigService
from app.services.sla_types import CalendarSummary, ConfigSaved, PolicySummary
from app.tasks import Lane, TaskRunner

from app.views.sla import sla_labels
from app.views.sla.policy_editor import PolicyEditor
from app.views.sla.sla_widgets import fit_columns, list_table, record_row, select_id, selected_id
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


class PolicyPanel(QWidget):
    """Lists policies (read lane) and edits one at a time in `editor`. GUI thread only.

    `reload()` also refreshes what the editor offers: calendars and queues. After a save it
    emits `changed`; the owning window announces it and reads the lists again.
    """

    #: Something was stored; carries the `Changes` to announce.
    changed = Signal(object)

    def __init__(
        self,
        service: SlaConfigService,
        directory: DirectoryService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._directory = directory
        self._runner = runner
        #: The record a save just stored: selected once the list holding it arrives.
        self._select_next: int | None = None
        self._rows: list[PolicySummary] = []

        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Calendar"), self.tr("Active"), self.tr("Default")]
        )
        self.table = list_table(self.model)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.new_button = QPushButton(self.tr("&New policy"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.new_button.clicked.connect(self.new_policy)
        self.edit_button.clicked.connect(self.edit_selected)
        self.list_error = ErrorLabel()

        buttons = QVBoxLayout()
        for button in (self.new_button, self.edit_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        list_column = QVBoxLayout()
        list_column.addWidget(self.table, 1)
        list_column.addWidget(self.list_error)
        top_layout.addLayout(list_column, 1)
        top_layout.addLayout(buttons)

        self.editor = PolicyEditor(service, runner, me)
        self.editor.saved.connect(self._on_editor_saved)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([110, 690])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- public --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Query policies, calendars and queues again (read lane)."""
        self._runner.run(
            self._service.policies,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_policies_loaded,
            on_failure=self._show_list_failure,
        )
        self._runner.run(
            self._service.calendars,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_calendars_loaded,
            on_failure=self._show_list_failure,
        )
        self._runner.run(
            self._directory.lookups,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_lookups_loaded,
            on_failure=self._show_list_failure,
        )

    def rows(self) -> list[PolicySummary]:
        return list(self._rows)

    def new_policy(self) -> None:
        self.table.clearSelection()
        self.editor.new_policy()
        self.editor.name.setFocus()

    def edit_selected(self) -> None:
        policy_id = selected_id(self.table)
        if policy_id is not None:
            self.editor.edit_policy(policy_id)

    def select_policy(self, policy_id: int) -> None:
        select_id(self.table, policy_id)

    # -- results -------------------------------------------------------------------------------

    def _on_policies_loaded(self, rows: list[PolicySummary]) -> None:
        current = self._select_next or selected_id(self.table)
        self._select_next = None
        self._rows = list(rows)
        self.list_error.clear_error()
        self.model.removeRows(0, self.model.rowCount())
        yes = self.tr("yes")
        for r in rows:
            self.model.appendRow(
                record_row(
                    r.policy_id,
                    [
                        r.name,
                        r.calendar_name,
                        yes if r.active else self.tr("no"),
                        yes if r.is_default else "",
                    ],
                )
            )
        fit_columns(self.table)
        if current is not None:
            select_id(self.table, current)

    def _on_calendars_loaded(self, rows: list[CalendarSummary]) -> None:
        self.editor.set_calendars(rows)

    def _on_lookups_loaded(self, lookups: Lookups) -> None:
        self.editor.set_queues(lookups.queues)

    def _on_editor_saved(self, saved: ConfigSaved) -> None:
        # The window reads every tab's lists again on `changed`.
        self._select_next = saved.record_id
        self.changed.emit(saved.changes)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def _show_list_failure(self, error: BaseException) -> None:
        log.warning("policy list task failed", exc_info=error)
        self.list_error.show_error(sla_labels.failure_text(error, self.tr("policy")))
