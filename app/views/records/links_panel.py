"""The ticket dialog's "Links (n)" tab: the ticket's links both ways, add and remove links, and
merge the ticket into another one."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.services.ticket_links import LinkRow, MergeResult, TicketLinkService
from app.services.tickets import TicketDetail, TicketService
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.records import texts
from app.views.records.merge_dialog import MergeDialog
from app.views.records.panel_tabs import set_tab_title
from app.views.tickets.ticket_panel import TicketPanel, TicketPanelFactory
from app.views.widgets.form_errors import ErrorLabel

#: Item data role holding the row's `LinkRow`.
LinkRowRole = Qt.ItemDataRole.UserRole + 1


class LinksPanel(TicketPanel):
    """Links of one ticket. Reads on the read lane, writes on the write lane."""

    def __init__(
        self,
        ticket_id: int,
        links: TicketLinkService,
        tickets: TicketService,
        runner: TaskRunner,
        me: TechnicianRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ticket_id, parent)
        self.title = self.tr("Links")
        self._links = links
        self._tickets = tickets
        self._runner = runner
        self._me = me
        self._can_edit = me.role is not Role.READ_ONLY
        self._detail: TicketDetail | None = None
        self.rows: list[LinkRow] = []
        #: The merge dialog opened last (kept so it is not garbage collected while open).
        self.merge_dialog: MergeDialog | None = None

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Linked tickets"))
        self.list.setWordWrap(True)
        self.empty_label = QLabel(self.tr("No links yet."))
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        self.kind_box = QComboBox()
        for label, kind in texts.link_kinds():
            self.kind_box.addItem(label, kind)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("T-000123"))
        self.number_edit.setAccessibleName(self.tr("Ticket to link"))
        self.add_button = QPushButton(self.tr("Add link"))
        self.remove_button = QPushButton(self.tr("Remove link"))
        self.merge_button = QPushButton(self.tr("Merge into…"))
        self.merge_button.setToolTip(self.tr("Cancel this ticket as a duplicate of another one"))
        self.error_label = ErrorLabel()

        add_row = QHBoxLayout()
        add_row.addWidget(self.kind_box)
        add_row.addWidget(self.number_edit, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(add_row)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_link)
        self.number_edit.returnPressed.connect(self.add_link)
        self.remove_button.clicked.connect(self.remove_selected)
        self.merge_button.clicked.connect(self.open_merge)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- TicketPanel ---------------------------------------------------------------------------

    def show_ticket(self, detail: TicketDetail) -> None:
        self._detail = detail
        self.reload()

    def tab_title(self) -> str:
        return self.tr("Links ({0})").format(len(self.rows))

    # -- actions -------------------------------------------------------------------------------

    def reload(self) -> None:
        self._runner.run(
            partial(self._links.links, self.ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=self._on_loaded,
            on_failure=self.failed.emit,
        )

    def add_link(self) -> None:
        self.error_label.clear_error()
        other = texts.parse_ticket_number(self.number_edit.text())
        if other is None:
            self.error_label.show_error(self.tr("Type a ticket number like T-000123."))
            return
        kind = str(self.kind_box.currentData())
        self._write(partial(self._links.link, self.ticket_id, other, kind, self._me.technician_id))

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        question = self.tr("Remove the link “{0} {1}”?").format(
            texts.link_kind(row.kind, row.outgoing), row.other_number
        )
        if not self._ask_confirm(question):
            return
        self.error_label.clear_error()
        self._write(partial(self._links.unlink, row.link_id, self._me.technician_id))

    def open_merge(self) -> MergeDialog | None:
        """Open the merge dialog (non-modal) for this ticket; returns it for callers and tests."""
        if self._detail is None:
            return None
        dialog = MergeDialog(
            self._links, self._tickets, self._runner, self._me.technician_id, self._detail, self
        )
        dialog.merged.connect(self._on_merged)
        dialog.finished.connect(dialog.deleteLater)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def selected_row(self) -> LinkRow | None:
        items = self.list.selectedItems()
        if not items:
            return None
        row = items[0].data(LinkRowRole)
        return row if isinstance(row, LinkRow) else None

    # -- questions (replaced in tests) ---------------------------------------------------------

    def _ask_confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Links"), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- helpers -------------------------------------------------------------------------------

    def _write(self, fn: partial[Changes]) -> None:
        self.add_button.setEnabled(False)
        self._runner.run(
            fn,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_written,
            on_failure=self._on_write_failed,
        )

    def _on_loaded(self, rows: list[LinkRow]) -> None:
        self.rows = rows
        self.list.clear()
        for row in rows:
            text = self.tr("{0} {1} — {2} ({3}, {4})").format(
                texts.link_kind(row.kind, row.outgoing),
                row.other_number,
                row.other_subject,
                labels.ticket_type(row.other_type),
                labels.status(row.other_status),
            )
            item = QListWidgetItem(text)
            item.setData(LinkRowRole, row)
            self.list.addItem(item)
        self.empty_label.setVisible(not rows)
        self._retitle()
        self._update_buttons()

    def _on_written(self, changes: Changes) -> None:
        self.number_edit.clear()
        self._update_buttons()
        self.ticket_changed.emit(changes)
        self.reload()

    def _on_write_failed(self, error: BaseException) -> None:
        self._update_buttons()
        text = texts.error_text(error)
        if text:
            self.error_label.show_error(text)
        else:
            self.failed.emit(error)

    def _on_merged(self, result: MergeResult) -> None:
        self.ticket_changed.emit(result.changes)
        self.reload()

    def _retitle(self) -> None:
        # The dialog sets tab titles on show_ticket; after our own reload we follow suit.
        set_tab_title(self, self.tab_title())

    def _update_buttons(self) -> None:
        merged = any(r.kind == "merged_into" and r.outgoing for r in self.rows)
        row = self.selected_row()
        self.add_button.setEnabled(self._can_edit and not merged)
        self.remove_button.setEnabled(
            self._can_edit and row is not None and row.kind != "merged_into"
        )
        self.merge_button.setEnabled(self._can_edit and not merged and self._detail is not None)


def links_panel_factory(
    links: TicketLinkService, tickets: TicketService, runner: TaskRunner, me: TechnicianRow
) -> TicketPanelFactory:
    """The factory `TicketDialog(panels=[...])` takes: a Links tab on every ticket."""

    def make(ticket_id: int, parent: QWidget) -> TicketPanel | None:
        return LinksPanel(ticket_id, links, tickets, runner, me, parent)

    return make
