"""The queue's keyboard shortcuts: search (focus the search box), next / previous ticket.

The actions sit on the queue view with window context: they work anywhere in the main window
while the queue page is shown (Qt ignores the shortcuts of hidden widgets), so Ctrl+F from the
saved-queue list still searches the queue. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt

from app.views.shortcuts import Shortcut, new_action
from app.views.tickets.queue_model import TicketIdRole

if TYPE_CHECKING:
    from app.views.tickets.queue_view import TicketQueueView


class QueueShortcuts(QObject):
    """Binds the queue's shortcuts on `view`; the actions are public for tests."""

    def __init__(self, view: TicketQueueView) -> None:
        super().__init__(view)
        self._view = view
        self.search = new_action(view, Shortcut.SEARCH, self.focus_search)
        self.next_ticket = new_action(view, Shortcut.NEXT_IN_QUEUE, lambda: self.open_neighbour(1))
        self.previous_ticket = new_action(
            view, Shortcut.PREVIOUS_IN_QUEUE, lambda: self.open_neighbour(-1)
        )

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected, ready to be replaced."""
        edit = self._view.search_edit
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    def open_neighbour(self, step: int, of_ticket: int | None = None) -> int | None:
        """Make the row `step` rows after (before, if negative) the selected row, or the row of
        `of_ticket`, current and selected, and open its ticket; its id, or None at the end of
        the loaded rows or if `of_ticket` is not listed. With nothing selected, next opens the
        first ticket and previous the last loaded one (the focus frame alone does not count:
        Qt puts it on the first row whenever the table gets the focus). At the last loaded row
        the next page is requested, so the key works again once it has landed."""
        view = self._view
        model = view.model
        anchor = of_ticket if of_ticket is not None else view.selected_ticket_id()
        row = model.row_of(anchor) if anchor is not None else None
        if row is not None:
            target = row + step
        elif of_ticket is not None:
            return None  # the ticket window's ticket is no longer listed
        else:
            target = 0 if step > 0 else model.rowCount() - 1
        if target >= model.rowCount() and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        if not 0 <= target < model.rowCount():
            return None
        ticket_id = model.data(model.index(target, 0), TicketIdRole)
        if ticket_id is None:
            return None
        view.select_ticket(int(ticket_id))
        view.ticket_activated.emit(int(ticket_id))
        return int(ticket_id)
