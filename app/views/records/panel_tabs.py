"""How a records panel adjusts its own tab in the ticket dialog.

`TicketDialog` calls the panel factories before the ticket is loaded, so a factory cannot tell a
change ticket from an incident without reading the database on the GUI thread. The change and
problem panels are therefore always built and hide their tab once `show_ticket` tells them the
ticket is of another type; the links panel retitles its tab after its own reloads.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


def enclosing_tabs(panel: QWidget) -> QTabWidget | None:
    """The QTabWidget showing `panel` as a page (its parent is the tab widget's stack)."""
    stack = panel.parentWidget()
    tabs = stack.parentWidget() if stack is not None else None
    return tabs if isinstance(tabs, QTabWidget) else None


def set_tab_title(panel: QWidget, title: str) -> None:
    tabs = enclosing_tabs(panel)
    if tabs is not None:
        tabs.setTabText(tabs.indexOf(panel), title)


def set_tab_visible(panel: QWidget, visible: bool) -> None:
    tabs = enclosing_tabs(panel)
    if tabs is not None:
        tabs.setTabVisible(tabs.indexOf(panel), visible)
