"""The main window's toolbar and menus, built from one table of actions.

Each action is created once, gets its shortcut (from `app.views.shortcuts`, the one table of
keys), and is shown in the toolbar and/or a menu. Admin
actions are hidden from other roles (the services check the role again on every write), and
actions that write are disabled for read-only accounts. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from app.models.enums import Role
from app.services.directory import TechnicianRow

from app.views.desk_windows import DeskWindows
from app.views.icons import icon
from app.views.shortcuts import Shortcut, bind_action


class MainActions(QObject):
    """Adds actions to a window's toolbar and menus, honouring the signed-in technician's role."""

    def __init__(self, window: QMainWindow, me: TechnicianRow) -> None:
        super().__init__(window)
        self._window = window
        self._me = me
        self.toolbar: QToolBar = window.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._menus: dict[str, QMenu] = {}
        #: The menu that stays at the end of the bar (Help, as desktop programs have it).
        self._last: QMenu | None = None

    def menu(self, title: str) -> QMenu:
        """The menu bar's menu called `title`, created on first use (before the one kept last)."""
        if title not in self._menus:
            bar = self._window.menuBar()
            if self._last is None:
                self._menus[title] = bar.addMenu(title)
            else:
                self._menus[title] = QMenu(title, bar)
                bar.insertMenu(self._last.menuAction(), self._menus[title])
        return self._menus[title]

    def keep_last(self, title: str) -> None:
        """Keep the menu `title` at the end of the bar, whatever menus come later."""
        self._last = self.menu(title)

    def add(
        self,
        text: str,
        slot: Callable[[], object],
        *,
        menu: str | None = None,
        shortcut: Shortcut | QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
        toolbar: bool = False,
        admin_only: bool = False,
        writes: bool = False,
    ) -> QAction:
        """One action; `writes` disables it for read-only accounts, `admin_only` hides it from
        everyone but administrators. A `Shortcut` binds every key the table lists for it."""
        action = QAction(text, self._window)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, Shortcut):
            bind_action(action, shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if admin_only:
            action.setVisible(self._me.role is Role.ADMIN)
            action.setEnabled(action.isVisible())
        elif writes:
            action.setEnabled(self._me.role is not Role.READ_ONLY)
        # On the window as well, so the shortcut works wherever the focus is.
        self._window.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        if menu is not None:
            self.menu(menu).addAction(action)
        return action


@dataclass(frozen=True, slots=True)
class DeskActions:
    """The actions tests and other views reach for by name."""

    new_ticket: QAction
    new_call: QAction
    refresh: QAction
    lock_vault: QAction
    sla_settings: QAction
    #: "Export to CSV…" of the ticket queue; None when the window has no exporter.
    export_queue: QAction | None = None
    #: Help › "Keyboard shortcuts…" and "About MSP Helpdesk…".
    shortcut_sheet: QAction | None = None
    about: QAction | None = None


def add_desk_actions(
    actions: MainActions,
    windows: DeskWindows,
    *,
    refresh: Callable[[], object],
    lock_vault: Callable[[], object],
    export_queue: Callable[[], object] | None = None,
) -> DeskActions:
    """The main window's toolbar and its Desk, Admin and Help menus."""
    tr = actions.tr
    desk, admin, help_menu = tr("&Desk"), tr("&Admin"), tr("&Help")
    new_ticket = actions.add(
        tr("New ticket"),
        windows.new_ticket,
        menu=desk,
        shortcut=Shortcut.NEW_TICKET,
        icon_name="new-ticket",
        toolbar=True,
        writes=True,
    )
    new_call = actions.add(
        tr("New call"),
        windows.new_call,
        menu=desk,
        shortcut=Shortcut.NEW_CALL,
        icon_name="new-ticket",
        toolbar=True,
        writes=True,
    )
    refreshing = actions.add(
        tr("Refresh"),
        refresh,
        menu=desk,
        shortcut=Shortcut.REFRESH,
        icon_name="refresh",
        toolbar=True,
    )
    locking = actions.add(
        tr("Lock vault"), lock_vault, menu=desk, shortcut=Shortcut.LOCK_VAULT, toolbar=True
    )
    actions.add(tr("Recurring tickets…"), windows.recurring_tickets, menu=desk)
    exporting = None
    if export_queue is not None:
        exporting = actions.add(tr("Export queue to CSV…"), export_queue, menu=desk)
    sla = actions.add(
        tr("SLA settings…"), windows.sla_settings, menu=admin, toolbar=True, admin_only=True
    )
    for text, slot in (
        (tr("Routing rules…"), windows.routing_rules),
        (tr("Escalation paths…"), windows.escalation_paths),
    ):
        actions.add(text, slot, menu=admin, admin_only=True)
    sheet = actions.add(
        tr("Keyboard shortcuts…"),
        windows.shortcut_sheet,
        menu=help_menu,
        shortcut=Shortcut.SHOW_SHORTCUTS,
    )
    about = actions.add(tr("About MSP Helpdesk…"), windows.about, menu=help_menu)
    actions.keep_last(help_menu)
    return DeskActions(
        new_ticket, new_call, refreshing, locking, sla, exporting, shortcut_sheet=sheet, about=about
    )
