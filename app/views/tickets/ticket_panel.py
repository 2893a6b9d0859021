"""The extension point of the ticket dialog: feature panels shown as tabs beside the timeline.

A feature (escalation, links, closure, knowledge base…) contributes a `TicketPanel` subclass and
a factory; `MainWindow` hands the factories to every `TicketDialog`. The dialog adds each panel as
a tab, puts the panel's `action_buttons()` in its button row, calls `show_ticket()` whenever it
shows the stored ticket, and after a panel's `ticket_changed` it announces the change and
refreshes the ticket (keeping the technician's unsaved edits).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.services.tickets import TicketDetail


class TicketPanel(QWidget):
    """A tab of the ticket dialog. Subclasses set `title` and implement `show_ticket`."""

    #: The panel wrote something about the ticket; carries the write's `Changes`.
    ticket_changed = Signal(object)
    #: A failure the dialog should show in its banner; carries the exception.
    failed = Signal(object)

    #: The tab's label (translated by the subclass's `tr` when built).
    title: str = ""

    def __init__(self, ticket_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket_id = ticket_id

    def show_ticket(self, detail: TicketDetail) -> None:
        """The stored ticket as the dialog now shows it (after load, save or refresh)."""
        raise NotImplementedError

    def action_buttons(self) -> list[QPushButton]:
        """Buttons for the dialog's button row (e.g. "Escalate…"); none by default."""
        return []

    def tab_title(self) -> str:
        """The tab's text; may change with the ticket (e.g. "Links (3)")."""
        return self.title


#: Builds a panel for one ticket, parented to the dialog; None = nothing for this ticket.
TicketPanelFactory = Callable[[int, QWidget], TicketPanel | None]
