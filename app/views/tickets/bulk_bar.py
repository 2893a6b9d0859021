"""The queue's bulk-action bar: assign, status or priority for the selected tickets, and undo
of the technician's last bulk action with a summary of what was (not) reverted."""

from __future__ import annotations

from functools import partial
from typing import Final

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QWidget,
)

from app.models.enums import Priority, Role, Status
from app.services.bulk_actions import (
    ASSIGN,
    PRIORITY,
    STATUS,
    BulkActionService,
    BulkResult,
    UndoableAction,
    UndoResult,
)
from app.services.directory import DirectoryService, Lookups, TechnicianRow
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views import labels
from app.views.records import texts
from app.views.tickets.queue_model import TicketIdRole

#: Statuses offered in bulk: resolving and closing need a resolution per ticket.
BULK_STATUSES: Final = tuple(s for s in Status if s.is_open)
#: The bar shows once this many rows are selected.
MIN_SELECTED: Final = 2


class BulkBar(QWidget):
    """Shown above the queue table while ≥ 2 rows are selected (or an undo is on offer)."""

    def __init__(
        self,
        service: BulkActionService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkBar")
        self._service = service
        self._directory = directory
        self._runner = runner
        self._notifier = notifier
        self._me = me
        self._can_edit = me.role is not Role.READ_ONLY
        self._table: QTableView | None = None
        #: The selected ticket ids, in row order.
        self.selected_ids: list[int] = []
        self.undoable: UndoableAction | None = None

        self.count_label = QLabel()
        self.assign_button = QPushButton(self.tr("Assign to…"))
        self.status_button = QPushButton(self.tr("Status…"))
        self.priority_button = QPushButton(self.tr("Priority…"))
        self.undo_button = QPushButton(self.tr("Undo last bulk action"))
        self.result_label = QLabel()
        self.result_label.setObjectName("bulkResult")
        self.result_label.setWordWrap(True)

        self.assign_menu = QMenu(self)
        self.assign_button.setMenu(self.assign_menu)
        self.status_menu = QMenu(self)
        for status in BULK_STATUSES:
            action = self.status_menu.addAction(labels.status(status))
            action.triggered.connect(partial(self.set_status, status))
        self.status_button.setMenu(self.status_menu)
        self.priority_menu = QMenu(self)
        for priority in Priority:
            action = self.priority_menu.addAction(labels.priority(priority))
            action.triggered.connect(partial(self.set_priority, priority))
        self.priority_button.setMenu(self.priority_menu)
        self._fill_technicians(Lookups((), (), ()))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        for button in (self.assign_button, self.status_button, self.priority_button):
            layout.addWidget(button)
        layout.addWidget(self.result_label, 1)
        layout.addWidget(self.undo_button)
        self.undo_button.clicked.connect(self.undo_last)
        self._runner.run(
            self._directory.lookups,
            lane=Lane.READ,
            owner=self,
            on_success=self._fill_technicians,
            on_failure=self._show_failure,
        )
        self._refresh_undoable()
        self._update()

    # -- wiring --------------------------------------------------------------------------------

    def attach(self, table: QTableView) -> None:
        """Follow `table`'s selection (its model must answer `TicketIdRole`)."""
        self._table = table
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    # -- actions -------------------------------------------------------------------------------

    def assign(self, technician_id: int | None) -> None:
        """Assign the selected tickets (None unassigns)."""
        value = "" if technician_id is None else str(technician_id)
        self._apply(ASSIGN, value)

    def set_status(self, status: Status) -> None:
        self._apply(STATUS, status.value)

    def set_priority(self, priority: Priority) -> None:
        self._apply(PRIORITY, priority.value)

    def undo_last(self) -> None:
        self.result_label.clear()
        self._runner.run(
            partial(self._service.undo_last, self._me.technician_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_undone,
            on_failure=self._show_failure,
        )

    # -- helpers -------------------------------------------------------------------------------

    def _apply(self, kind: str, value: str) -> None:
        if len(self.selected_ids) < MIN_SELECTED:
            return
        self.result_label.clear()
        self._runner.run(
            partial(
                self._service.apply, kind, list(self.selected_ids), value, self._me.technician_id
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_applied,
            on_failure=self._show_failure,
        )

    def _refresh_undoable(self) -> None:
        self._runner.run(
            partial(self._service.last_undoable, self._me.technician_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_undoable,
            on_failure=self._show_failure,
        )

    def _fill_technicians(self, lookups: Lookups) -> None:
        self.assign_menu.clear()
        me = self.assign_menu.addAction(self.tr("Me"))
        me.triggered.connect(partial(self.assign, self._me.technician_id))
        nobody = self.assign_menu.addAction(self.tr("Nobody (unassign)"))
        nobody.triggered.connect(partial(self.assign, None))
        self.assign_menu.addSeparator()
        for tech in lookups.technicians:
            if tech.active:
                action = self.assign_menu.addAction(tech.name)
                action.triggered.connect(partial(self.assign, tech.technician_id))

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        table = self._table
        if table is None:
            return
        ids = []
        for index in sorted(table.selectionModel().selectedRows(), key=lambda i: i.row()):
            ticket_id = table.model().data(index, TicketIdRole)
            if ticket_id is not None:
                ids.append(int(ticket_id))
        self.selected_ids = ids
        self._update()

    def _on_applied(self, result: BulkResult) -> None:
        self.result_label.setText(
            self.tr("Bulk action #{0}: {1} ticket(s) changed.").format(
                result.action_id, result.changed
            )
        )
        self._notifier.announce(result.changes)
        self._refresh_undoable()

    def _on_undone(self, result: UndoResult) -> None:
        lines = [
            self.tr("Bulk action #{0} undone on {1} ticket(s).").format(
                result.action_id, len(result.reverted)
            )
        ]
        for skipped in result.skipped:
            lines.append(
                self.tr("{0} changed since by {1} — left as is.").format(
                    skipped.number, skipped.changed_by or self.tr("someone")
                )
            )
        self.result_label.setText("\n".join(lines))
        self._notifier.announce(result.changes)
        self._refresh_undoable()

    def _on_undoable(self, action: UndoableAction | None) -> None:
        self.undoable = action
        self._update()

    def _show_failure(self, error: BaseException) -> None:
        text = texts.error_text(error) or self.tr("The bulk action failed: {0}").format(error)
        self.result_label.setText(text)

    def _update(self) -> None:
        many = len(self.selected_ids) >= MIN_SELECTED
        self.count_label.setText(self.tr("{0} selected").format(len(self.selected_ids)))
        for button in (self.assign_button, self.status_button, self.priority_button):
            button.setVisible(many)
            button.setEnabled(self._can_edit)
        self.count_label.setVisible(many)
        self.undo_button.setVisible(self.undoable is not None)
        self.undo_button.setEnabled(self._can_edit)
        if self.undoable is not None:
            self.undo_button.setToolTip(
                self.tr("Undo bulk action #{0} ({1} ticket(s))").format(
                    self.undoable.action_id, self.undoable.ticket_count
                )
            )
        self.setVisible(many or self.undoable is not None or bool(self.result_label.text()))
