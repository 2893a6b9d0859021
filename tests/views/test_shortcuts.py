"""The shortcut table: no clashes, every entry bound in the real windows, the keys do their job.

The table checks run without a database; the bindings and behaviours build the real queue view,
ticket window (with its escalation panel), new ticket and new call windows on both backends and
press the keys with qtbot on an active window, as a user would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from app.db import Database
from app.models.enums import Role, Tier
from app.services.directory import DirectoryService, TechnicianRow
from app.services.entitlement import EntitlementService
from app.tasks import ChangeNotifier, TaskRunner
from tests.fakes import FakeClock
from tests.services.test_escalation_support import Desk as EscalationDesk
from tests.services.test_escalation_support import build_desk as build_escalation_desk
from tests.views.test_queue_model import Desk, build_desk, loaded_ids

from app.views.desk_windows import DeskWindows
from app.views.escalation.escalate_dialog import EscalateDialog
from app.views.escalation.escalation_panel import EscalationPanel, escalation_panel_factory
from app.views.intake.new_call_dialog import NewCallDialog
from app.views.main_actions import MainActions, add_desk_actions
from app.views.shortcuts import (
    SHARED_WINDOWS,
    TABLE,
    Shortcut,
    ShortcutContext,
    all_sequences,
    in_context,
)
from app.views.tickets.new_ticket_dialog import NewTicketDialog
from app.views.tickets.queue_view import TicketQueueView
from app.views.tickets.ticket_dialog import TicketDialog

SK = QKeySequence.StandardKey
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
#: Keys a text field uses while typing: no shortcut may take them (every window has text fields).
EDITING_KEYS = (
    SK.Copy, SK.Paste, SK.Cut, SK.Undo, SK.Redo, SK.SelectAll, SK.Bold, SK.Italic, SK.Underline,
    SK.Delete, SK.DeleteStartOfWord, SK.DeleteEndOfWord, SK.DeleteEndOfLine,
    SK.DeleteCompleteLine, SK.Deselect, SK.Backspace, SK.InsertParagraphSeparator,
    SK.InsertLineSeparator, SK.MoveToNextWord, SK.MoveToPreviousWord, SK.MoveToNextLine,
    SK.MoveToPreviousLine, SK.MoveToNextPage, SK.MoveToPreviousPage, SK.MoveToStartOfLine,
    SK.MoveToEndOfLine, SK.MoveToStartOfBlock, SK.MoveToEndOfBlock, SK.MoveToStartOfDocument,
    SK.MoveToEndOfDocument, SK.SelectNextWord, SK.SelectPreviousWord, SK.SelectNextLine,
    SK.SelectPreviousLine, SK.SelectStartOfLine, SK.SelectEndOfLine, SK.SelectStartOfBlock,
    SK.SelectEndOfBlock, SK.SelectStartOfDocument, SK.SelectEndOfDocument,
    SK.NextChild, SK.PreviousChild,
)  # fmt: skip


def portable(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


# -- the table ---------------------------------------------------------------------------------


def test_no_two_shortcuts_live_in_one_window_share_a_key(qtbot) -> None:
    assert {c for group in SHARED_WINDOWS for c in group} == set(ShortcutContext)
    for group in SHARED_WINDOWS:
        owners: dict[str, Shortcut] = {}
        shortcuts = [s for s in Shortcut if s.context in group]
        for shortcut, seq in all_sequences(shortcuts):
            key = portable(seq)
            assert key not in owners, f"{key} is both {owners[key].name} and {shortcut.name}"
            owners[key] = shortcut
    # The check compares what it should: Ctrl+N from a standard key equals the typed text.
    assert QKeySequence(SK.New) == QKeySequence("Ctrl+N")
    assert portable(Shortcut.NEW_TICKET.sequences()[0]) == "Ctrl+N"


def test_no_shortcut_takes_a_key_that_text_fields_use(qtbot) -> None:
    editing = {
        portable(seq): key.name for key in EDITING_KEYS for seq in QKeySequence.keyBindings(key)
    }
    assert "Ctrl+C" in editing and "Ctrl+V" in editing and "Ctrl+Z" in editing
    for shortcut, seq in all_sequences(list(Shortcut)):
        assert portable(seq) not in editing, f"{shortcut.name} takes {editing[portable(seq)]}"
        # Alt+letter belongs to the mnemonics ("Assi&gnee"), Ctrl+Alt+letter to AltGr.
        assert "Alt+" not in portable(seq), shortcut.name


def test_every_entry_has_keys_and_a_description_unique_in_its_window(qtbot) -> None:
    assert set(TABLE) == set(Shortcut)
    for context in ShortcutContext:
        descriptions = [s.description() for s in in_context(context)]
        assert len(descriptions) == len(set(descriptions)), context
        assert context.title()
    for shortcut in Shortcut:
        assert shortcut.sequences(), shortcut.name
        assert shortcut.native_text() and shortcut.description(), shortcut.name
    # Every frequent action of issue 9 is in the table.
    required = {
        "NEW_TICKET", "NEW_CALL", "SEARCH", "NEXT_IN_QUEUE", "PREVIOUS_IN_QUEUE", "NEXT_TICKET",
        "PREVIOUS_TICKET", "ASSIGN_TO_ME", "ADD_NOTE", "CONNECT", "ESCALATE", "SAVE", "CLOSE",
        "SHOW_SHORTCUTS", "REFRESH", "LOCK_VAULT", "CREATE",
    }  # fmt: skip
    assert required <= {s.name for s in Shortcut}


# -- what the built windows bind ---------------------------------------------------------------


def bindings(widget: QObject) -> dict[str, list[str]]:
    """Shortcut name → the keys actually bound on `widget` and its children (actions and
    QShortcuts both), as portable text."""
    found: dict[str, list[str]] = {}
    for obj in [widget, *widget.findChildren(QObject)]:
        name = obj.property("helpdeskShortcut")
        if not isinstance(name, str):
            continue
        if isinstance(obj, QAction):
            keys = obj.shortcuts()
        elif isinstance(obj, QShortcut):
            keys = obj.keys()
        else:
            raise AssertionError(f"{name} tagged on a {type(obj).__name__}")
        assert name not in found, f"{name} bound twice"
        found[name] = [portable(k) for k in keys]
    return found


def assert_binds(widget: QObject, *contexts: ShortcutContext) -> dict[str, list[str]]:
    found = bindings(widget)
    expected = [s for c in contexts for s in in_context(c)]
    assert sorted(found) == sorted(s.name for s in expected)
    for shortcut in expected:
        assert found[shortcut.name] == [portable(q) for q in shortcut.sequences()], shortcut.name
    return found


def action_of(widget: QWidget, shortcut: Shortcut) -> QAction:
    (action,) = [
        a for a in widget.findChildren(QAction) if a.property("helpdeskShortcut") == shortcut.name
    ]
    return action


class _Windows:
    """Stands in for DeskWindows' slots: binding the keys needs no window behind them."""

    def __getattr__(self, name: str) -> Callable[[], None]:
        return lambda: None


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.READ_ONLY])
def test_the_main_window_binds_its_shortcuts(qtbot, role: Role) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    me = TechnicianRow(1, "Alice", "alice@test.msp", Tier.L1, role, True)
    built = add_desk_actions(
        MainActions(window, me), cast(DeskWindows, _Windows()), refresh=lambda: None,
        lock_vault=lambda: None, export_queue=lambda: None,
    )  # fmt: skip
    assert_binds(window, ShortcutContext.MAIN)
    assert built.new_ticket.shortcut() == QKeySequence(SK.New)
    assert built.new_ticket in window.actions() and built.shortcut_sheet in window.actions()
    writes = role is not Role.READ_ONLY
    assert built.new_ticket.isEnabled() is writes and built.new_call.isEnabled() is writes
    assert built.refresh.isEnabled() and built.lock_vault.isEnabled()


@pytest.fixture
def queue_desk(db: Database, me: TechnicianRow) -> Desk:
    return build_desk(db, me, n=6)


@pytest.fixture
def queue_view(qtbot, queue_desk, queue_service, directory, runner, notifier, me):
    view = TicketQueueView(queue_service, directory, runner, notifier, me)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    return view


def test_the_queue_binds_search_and_next_previous_and_they_work(qtbot, queue_view) -> None:
    view = queue_view
    assert_binds(view, ShortcutContext.QUEUE)
    ids = loaded_ids(view.model)
    assert len(ids) >= 3
    opened: list[int] = []
    view.ticket_activated.connect(opened.append)

    view.table.setFocus()
    view.search_edit.setText("printer")
    qtbot.keyClick(view.table, Qt.Key.Key_F, CTRL)
    assert view.search_edit.hasFocus()
    assert view.search_edit.selectedText() == "printer"  # typing replaces the old search
    view.search_edit.clear()

    # From the search box too: the keys do not type and do not need the table's focus.
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Period, CTRL)
    assert view.table.currentIndex().row() == 0 and opened == [ids[0]]
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Period, CTRL)
    assert view.table.currentIndex().row() == 1 and opened == ids[:2]
    assert view.selected_ticket_id() == ids[1]
    qtbot.keyClick(view.table, Qt.Key.Key_Comma, CTRL)
    assert view.table.currentIndex().row() == 0 and opened == [ids[0], ids[1], ids[0]]
    assert view.search_edit.text() == ""
    # At the first row there is no previous one: nothing opens.
    qtbot.keyClick(view.table, Qt.Key.Key_Comma, CTRL)
    assert opened == [ids[0], ids[1], ids[0]]
    view.select_ticket(ids[-1])
    assert view.shortcuts.open_neighbour(1) is None
    assert view.open_neighbour(ids[-2], 1) == ids[-1]
    assert view.open_neighbour(987_654, 1) is None


# -- the ticket window -------------------------------------------------------------------------


@pytest.fixture
def esc(db: Database, clock: FakeClock) -> EscalationDesk:
    return build_escalation_desk(db, clock)


@pytest.fixture
def ticket_window(qtbot, monkeypatch, esc: EscalationDesk, runner: TaskRunner):
    """`make(ticket_id, role)`: a shown, active TicketDialog with the escalation panel."""

    def make(ticket_id: int, role: Role = Role.TECHNICIAN) -> TicketDialog:
        tech = esc.reader if role is Role.READ_ONLY else esc.alice
        me = TechnicianRow(tech, "Alice", "alice@test.msp", Tier.L1, role, True)
        factory = escalation_panel_factory(esc.escalation, esc.vendors, runner, esc.clock, me)
        dialog = TicketDialog(
            esc.tickets, DirectoryService(esc.db), runner, ChangeNotifier(), me, ticket_id,
            panels=[factory],
        )  # fmt: skip
        monkeypatch.setattr(dialog, "_ask_unsaved", lambda *a: QMessageBox.StandardButton.Discard)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.detail() is not None, timeout=3000)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        return dialog

    return make


def test_the_ticket_window_binds_every_ticket_shortcut(ticket_window, esc) -> None:
    dialog = ticket_window(esc.ticket())
    found = assert_binds(dialog, ShortcutContext.TICKET)
    assert found[Shortcut.SAVE.name][0] == "Ctrl+S"
    # The Ctrl+Enter of the note box only works in the note box.
    (note_keys,) = [
        s for s in dialog.timeline.note_edit.findChildren(QShortcut)
        if s.property("helpdeskShortcut") == Shortcut.SUBMIT_NOTE.name
    ]  # fmt: skip
    assert note_keys.context() == Qt.ShortcutContext.WidgetShortcut
    keys = dialog.shortcuts
    assert keys.save.isEnabled() and keys.assign_to_me.isEnabled() and keys.escalate.isEnabled()
    # No queue order given and no Connect button: those stay off rather than doing nothing.
    assert not keys.next_ticket.isEnabled() and not keys.previous_ticket.isEnabled()
    assert not keys.connect_remote.isEnabled()


def test_a_read_only_account_gets_no_writing_shortcut(ticket_window, esc) -> None:
    dialog = ticket_window(esc.ticket(), Role.READ_ONLY)
    keys = dialog.shortcuts
    for action in (keys.save, keys.assign_to_me, keys.add_note, keys.escalate):
        assert not action.isEnabled(), action.text()
    assert keys.close_window.isEnabled() and keys.show_sheet.isEnabled()


def test_keys_add_a_note_assign_to_me_and_escalate(qtbot, ticket_window, esc) -> None:
    dialog = ticket_window(esc.ticket(assignee_id=None))
    form = dialog.editor.form
    form.subject.setFocus()

    dialog.tabs.setCurrentIndex(1)  # the escalation tab: the key brings the timeline back
    qtbot.keyClick(form.subject, Qt.Key.Key_M, CTRL_SHIFT)
    assert dialog.tabs.currentWidget() is dialog.timeline
    assert dialog.timeline.note_edit.hasFocus()

    assert form.assignee.currentData() is None
    qtbot.keyClick(dialog.timeline.note_edit, Qt.Key.Key_I, CTRL_SHIFT)
    assert form.assignee.currentData() == esc.alice
    assert dialog.is_dirty()
    assert dialog.timeline.note_edit.toPlainText() == ""  # the key typed nothing

    (panel,) = dialog.panels
    assert isinstance(panel, EscalationPanel)
    qtbot.keyClick(form.subject, Qt.Key.Key_E, CTRL_SHIFT)
    assert isinstance(panel.active_dialog, EscalateDialog)
    assert panel.active_dialog.isVisible()
    panel.active_dialog.reject()


def test_next_and_previous_in_the_ticket_window_follow_the_queue(
    qtbot, ticket_window, esc, queue_service, runner, notifier
) -> None:
    first, second = esc.ticket(subject="First"), esc.ticket(subject="Second")
    me = TechnicianRow(esc.alice, "Alice", "alice@test.msp", Tier.L1, Role.TECHNICIAN, True)
    view = TicketQueueView(queue_service, DirectoryService(esc.db), runner, notifier, me)
    qtbot.addWidget(view)
    ids = loaded_ids(view.model)
    assert {first, second} <= set(ids)
    opened: list[int] = []
    view.ticket_activated.connect(opened.append)

    start = ids[0]
    dialog = ticket_window(start)
    dialog.shortcuts.set_queue_navigation(view.open_neighbour)
    assert dialog.shortcuts.next_ticket.isEnabled()
    # At the top of the queue there is no previous ticket: the window says so and stays.
    qtbot.keyClick(dialog.editor.form.subject, Qt.Key.Key_Comma, CTRL)
    assert opened == [] and dialog.isVisible()
    assert dialog.status_label.text() == "No previous ticket in the queue shown."
    # With unsaved edits the window stays open (nothing lost) while the next one opens.
    dialog.editor.form.subject.setText("Edited, not saved")
    qtbot.keyClick(dialog.editor.form.subject, Qt.Key.Key_Period, CTRL)
    assert opened == [ids[1]] and view.selected_ticket_id() == ids[1]
    assert dialog.isVisible()
    # Saved (here: unchanged) windows make way for the next ticket.
    dialog.reload()
    assert not dialog.is_dirty()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    qtbot.keyClick(dialog.editor.form.subject, Qt.Key.Key_Period, CTRL)
    assert opened == [ids[1], ids[1]]
    assert not dialog.isVisible()


def test_the_ticket_window_opens_the_cheat_sheet_with_f1(qtbot, ticket_window, esc) -> None:
    dialog = ticket_window(esc.ticket())
    qtbot.keyClick(dialog.editor.form.subject, Qt.Key.Key_F1)
    sheet = dialog.shortcuts.sheet
    assert sheet is not None and sheet.isVisible()
    assert Shortcut.ESCALATE in sheet.shown_shortcuts()
    sheet.close()


# -- the new ticket and new call windows -------------------------------------------------------


def test_the_create_windows_bind_ctrl_enter(
    qtbot, monkeypatch, db, clock, tickets, directory, runner, notifier, me, sla
) -> None:
    dialogs: list[Any] = [
        NewTicketDialog(tickets, directory, runner, notifier, me),
        NewCallDialog(
            EntitlementService(db, clock, sla.store), tickets, directory, runner, notifier, me,
            sla=sla, clock=clock,
        ),
    ]  # fmt: skip
    for dialog in dialogs:
        monkeypatch.setattr(dialog, "_ask_discard", lambda: True)
        qtbot.addWidget(dialog)
        found = assert_binds(dialog, ShortcutContext.CREATE)
        assert found[Shortcut.CREATE.name] == ["Ctrl+Return", "Ctrl+Enter"]
        assert "Ctrl+Return" in dialog.create_button.toolTip()
