"""The ticket window's keyboard shortcuts: save, close, assign, note, connect, escalate, step.

Each is a `QAction` on the dialog (window context: it works wherever the focus is in that
window, and never in another ticket's). Keys come from `app.views.shortcuts`. Actions that
write are disabled for read-only accounts; the rest follow the buttons they press, so a
disabled button (a closed ticket's Escalate…) stays disabled by keyboard too. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from app.views.escalation.escalation_panel import EscalationPanel
from app.views.shortcut_sheet import ShortcutSheet
from app.views.shortcuts import Shortcut, new_action

if TYPE_CHECKING:
    from app.views.tickets.ticket_dialog import TicketDialog

#: Opens the ticket `step` rows after (or before, if negative) `ticket_id` in the queue shown;
#: the opened ticket's id, or None if there is none (edge of the queue, ticket not listed).
QueueStep = Callable[[int, int], int | None]


class TicketShortcuts(QObject):
    """Binds the ticket window's shortcuts on `dialog`; the actions are public for tests."""

    def __init__(self, dialog: TicketDialog, *, can_edit: bool) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._step: QueueStep | None = None
        #: The cheat sheet opened from this window (one per window), or None.
        self.sheet: ShortcutSheet | None = None
        d = dialog
        self.save = new_action(d, Shortcut.SAVE, d.save, enabled=can_edit)
        self.close_window = new_action(d, Shortcut.CLOSE, d.close)
        self.next_ticket = new_action(d, Shortcut.NEXT_TICKET, lambda: self.step(1), enabled=False)
        self.previous_ticket = new_action(
            d, Shortcut.PREVIOUS_TICKET, lambda: self.step(-1), enabled=False
        )
        self.assign_to_me = new_action(
            d, Shortcut.ASSIGN_TO_ME, d.editor.form.assign_to_me_button.click, enabled=can_edit
        )
        self.add_note = new_action(d, Shortcut.ADD_NOTE, self.focus_note, enabled=can_edit)
        self.connect_remote = new_action(
            d, Shortcut.CONNECT, self.open_connect_menu, enabled=d.connect_button is not None
        )
        self.escalate = new_action(d, Shortcut.ESCALATE, self.start_escalation, enabled=can_edit)
        self.show_sheet = new_action(d, Shortcut.TICKET_SHORTCUTS, self.open_sheet)

    def set_queue_navigation(self, step: QueueStep) -> None:
        """Let Ctrl+. / Ctrl+, open the next / previous ticket of the queue (the main window
        passes its queue view's `open_neighbour`). Without it they stay disabled: a ticket
        window opened from elsewhere (an SLA alert, a link) has no queue order."""
        self._step = step
        self.next_ticket.setEnabled(True)
        self.previous_ticket.setEnabled(True)

    # -- what the keys do ----------------------------------------------------------------------

    def step(self, step: int) -> int | None:
        """Open the neighbouring ticket; close this window if it has no unsaved edits (with
        edits it stays open, so nothing is lost)."""
        if self._step is None:
            return None
        dialog = self._dialog
        opened = self._step(dialog.ticket_id, step)
        if opened is None:
            text = (
                self.tr("No next ticket in the queue shown.")
                if step > 0
                else self.tr("No previous ticket in the queue shown.")
            )
            dialog.status_label.setText(text)
        elif opened != dialog.ticket_id and not dialog.is_dirty():
            dialog.close()
        return opened

    def focus_note(self) -> None:
        """Show the timeline's note box and put the cursor in it."""
        timeline = self._dialog.timeline
        self._dialog.tabs.setCurrentWidget(timeline)
        timeline.composer.setCurrentIndex(0)
        timeline.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_connect_menu(self) -> None:
        """Pop up the Connect menu under its button (as a click would)."""
        button = self._dialog.connect_button
        if button is not None and button.isEnabled():
            button.showMenu()

    def start_escalation(self) -> None:
        """The Escalate… dialog of the escalation panel, or (without that panel) the form's
        escalation: next tier and the cursor in the reason box."""
        panel = next((p for p in self._dialog.panels if isinstance(p, EscalationPanel)), None)
        if panel is not None:
            panel.escalate_button.click()
        else:
            self._dialog.editor.form.escalate_button.click()

    def open_sheet(self) -> ShortcutSheet:
        if self.sheet is None:
            self.sheet = ShortcutSheet(self._dialog)
            self.sheet.destroyed.connect(self._on_sheet_destroyed)
        self.sheet.show()
        self.sheet.raise_()
        self.sheet.activateWindow()
        return self.sheet

    def _on_sheet_destroyed(self, *_args: object) -> None:
        self.sheet = None
