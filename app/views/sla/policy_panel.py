"""The Policies tab: the list of SLA policies above the policy form."""

from __future__ import annotations

import logging

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QWidget

from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.sla_config import SlaConfigService
from app.services.sla_types import CalendarSummary, PolicySummary
from app.tasks import Lane, TaskRunner

from app.views.sla import sla_labels
from app.views.sla.policy_editor import PolicyEditor
from app.views.sla.record_panel import RecordListPanel
from app.views.widgets.record_list import record_row, select_id

log = logging.getLogger(__name__)


class PolicyPanel(RecordListPanel[PolicySummary]):
    """Lists policies (read lane) and edits one at a time in `editor`. GUI thread only.

    `reload()` also refreshes what the editor offers: calendars and queues. After a save it
    emits `changed`; the owning window announces it and reads the lists again.
    """

    editor: PolicyEditor

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
        self._build(
            PolicyEditor(service, runner, me),
            [self.tr("Name"), self.tr("Calendar"), self.tr("Active"), self.tr("Default")],
            self.tr("&New policy"),
            (),
            splitter_sizes=(110, 690),
        )

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

    def select_policy(self, policy_id: int) -> None:
        select_id(self.table, policy_id)

    # -- results -------------------------------------------------------------------------------

    def _on_policies_loaded(self, rows: list[PolicySummary]) -> None:
        self.list_error.clear_error()
        self._show_rows(rows)

    def _row_items(self, row: PolicySummary) -> list[QStandardItem]:
        yes = self.tr("yes")
        return record_row(
            row.policy_id,
            [
                row.name,
                row.calendar_name,
                yes if row.active else self.tr("no"),
                yes if row.is_default else "",
            ],
        )

    def _on_calendars_loaded(self, rows: list[CalendarSummary]) -> None:
        self.editor.set_calendars(rows)

    def _on_lookups_loaded(self, lookups: Lookups) -> None:
        self.editor.set_queues(lookups.queues)

    def _show_list_failure(self, error: BaseException) -> None:
        log.warning("policy list task failed", exc_info=error)
        self.list_error.show_error(sla_labels.failure_text(error, self.tr("policy")))
