"""The Team leads tab: who leads each queue, i.e. who SLA levels "notify the team lead" reach."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.db import Changes
from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.services.sla_config import SlaConfigService
from app.services.sla_types import QueueLead
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.sla import sla_labels
from app.views.sla.sla_widgets import hint_label, status_label

log = logging.getLogger(__name__)


class LeadsPanel(QWidget):
    """One lead picker per queue; a change is saved at once (write lane). GUI thread only."""

    #: A lead was saved; carries the `Changes` to announce.
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
        self._me = me
        self.pickers: dict[int, QComboBox] = {}
        self._grid = QGridLayout()
        self.status = status_label()
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "A queue's team lead is told of SLA warnings and breaches on its tickets "
                    "(escalation levels with “Notify team lead”). Without a lead, the "
                    "administrators are told."
                )
            )
        )
        layout.addLayout(self._grid)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def reload(self) -> None:
        def load() -> tuple[list[QueueLead], Lookups]:
            return self._service.queue_leads(), self._directory.lookups()

        self._runner.run(
            load,
            lane=Lane.READ,
            owner=self,
            on_success=self._on_loaded,
            on_failure=self._on_failed,
        )

    def _on_loaded(self, loaded: tuple[Sequence[QueueLead], Lookups]) -> None:
        leads, lookups = loaded
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.pickers.clear()
        techs = [t for t in lookups.technicians if t.active]
        for row, lead in enumerate(leads):
            name = QLabel(f"{lead.queue_name} ({labels.tier(lead.tier)})")
            picker = QComboBox()
            picker.addItem(self.tr("(none — administrators)"), None)
            for t in techs:
                picker.addItem(t.name, t.technician_id)
            picker.setCurrentIndex(max(0, picker.findData(lead.lead_id)))
            name.setBuddy(picker)
            picker.currentIndexChanged.connect(partial(self._on_picked, lead.queue_id))
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(picker, row, 1)
            self.pickers[lead.queue_id] = picker
        self._grid.setColumnStretch(1, 1)

    def _on_picked(self, queue_id: int, _index: int) -> None:
        lead_id = self.pickers[queue_id].currentData()
        me = self._me.technician_id
        self._runner.run(
            lambda: self._service.set_queue_lead(queue_id, lead_id, me),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _r: self._on_saved(),
            on_failure=self._on_failed,
        )

    def _on_saved(self) -> None:
        self.status.setText(self.tr("Team lead saved."))
        self.changed.emit(Changes("sla"))

    def _on_failed(self, error: BaseException) -> None:
        log.warning("team lead task failed", exc_info=error)
        self.status.setText(sla_labels.failure_text(error, self.tr("team lead")))
