"""Administration of escalation paths: each queue's next queue, one row per queue.

A change is saved as soon as it is picked (write lane); a refusal — a loop, a tier that does not
climb, someone else's edit — is shown on that row and the pick stays on screen until changed.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.services.errors import ConcurrentEditError
from app.services.escalation_paths import EscalationPathService, QueuePath
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.escalation.escalation_text import error_text
from app.views.tickets.form_widgets import heading
from app.views.widgets.form_errors import ErrorLabel


class QueuePathsDialog(QDialog):
    """Edits `Queue.escalates_to_id` for every queue (administrators). GUI thread only."""

    def __init__(
        self,
        service: EscalationPathService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._me = me
        self._paths: list[QueuePath] = []
        self.combos: dict[int, QComboBox] = {}
        self.errors: dict[int, ErrorLabel] = {}
        self.setWindowTitle(self.tr("Escalation paths"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Where “Escalate” sends a ticket from each queue. The next queue must work at "
                "a higher tier; paths may not loop."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if me.role is not Role.ADMIN:
            note = QLabel(self.tr("Only administrators can change escalation paths."), self)
            layout.addWidget(note)
        self._rows = QWidget(self)
        self._grid = QGridLayout(self._rows)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._rows)
        layout.addWidget(scroll, 1)
        self.general_error = ErrorLabel(self)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self._runner.run(
            self._service.paths,
            lane=Lane.READ,
            owner=self,
            on_success=self._show,
            on_failure=lambda e: self.general_error.show_error(error_text(e)),
        )

    def _show(self, paths: list[QueuePath]) -> None:
        self._paths = paths
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        self.errors.clear()
        for col, text in enumerate((self.tr("Queue"), self.tr("Tier"), self.tr("Escalates to"))):
            self._grid.addWidget(heading(text), 0, col)
        admin = self._me.role is Role.ADMIN
        for i, p in enumerate(paths):
            row = 1 + 2 * i
            self._grid.addWidget(QLabel(p.name), row, 0)
            self._grid.addWidget(QLabel(labels.tier(p.tier)), row, 1)
            combo = QComboBox()
            combo.addItem(self.tr("— none —"), None)
            for other in paths:
                if other.queue_id != p.queue_id:
                    combo.addItem(f"{other.name} ({labels.tier(other.tier)})", other.queue_id)
            combo.setCurrentIndex(max(combo.findData(p.escalates_to_id), 0))
            combo.setEnabled(admin)
            combo.currentIndexChanged.connect(partial(self._picked, p.queue_id))
            self._grid.addWidget(combo, row, 2)
            error = ErrorLabel()
            self._grid.addWidget(error, row + 1, 0, 1, 3)
            self.combos[p.queue_id] = combo
            self.errors[p.queue_id] = error
        self._grid.setRowStretch(1 + 2 * len(paths), 1)

    def _picked(self, queue_id: int, _index: int) -> None:
        path = next((p for p in self._paths if p.queue_id == queue_id), None)
        if path is None:
            return
        next_id = self.combos[queue_id].currentData()
        self.errors[queue_id].clear_error()
        self.general_error.clear_error()
        actor = self._me.technician_id
        self._runner.run(
            lambda: self._service.set_next(queue_id, next_id, path.version, actor),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _saved: self.reload(),
            on_failure=partial(self._refused, queue_id),
        )

    def _refused(self, queue_id: int, error: BaseException) -> None:
        text = error_text(error)
        if isinstance(error, ConcurrentEditError):
            # Someone else changed paths: show theirs, then say why the pick did not stick.
            self.reload()
            self.general_error.show_error(text)
            return
        label = self.errors.get(queue_id)
        (label or self.general_error).show_error(text)

    def error_of(self, queue_id: int) -> str:
        label = self.errors[queue_id]
        return "" if label.isHidden() else label.text()
