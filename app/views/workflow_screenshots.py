"""Screenshots of the service-desk workflow's windows on the demo data (`helpdesk demo
--screenshots`): the New-call flow on a covered device, the knowledge base and the client page's
Service tab."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.bootstrap import Core
from app.services.demo_entitlement import demo_covered_serial

from app.views.main_window import MainWindow

Grab = Callable[[QWidget, str], None]


def grab_workflow(core: Core, window: MainWindow, grab: Grab, idle: Callable[[], None]) -> None:
    """`grab` saves a widget under a name; `idle` waits for the window's background reads."""
    _new_call(core, window, grab, idle)
    window.nav.setCurrentRow(2)
    window.kb_view.search_edit.setText("outlook")
    window.kb_view.refresh()
    idle()
    grab(window, "knowledge-base")
    view = window.clients_view
    window.nav.setCurrentRow(1)
    idle()
    rows = view.client_model.rows()
    if rows and view.service_panel is not None:
        view.select_client(rows[0].client_id)
        view.tabs.setCurrentWidget(view.service_panel)
        idle()
        grab(window, "client-service")
    window.nav.setCurrentRow(3)
    idle()
    if rows:
        window.reports_view.set_client(rows[0].client_id)
        window.reports_view.show_report()
        idle()
    grab(window, "reports")
    window.nav.setCurrentRow(0)


def _new_call(core: Core, window: MainWindow, grab: Grab, idle: Callable[[], None]) -> None:
    serial = demo_covered_serial(core.db)
    dialog = window.windows.new_call()
    dialog.resize(1240, 780)
    if serial:
        dialog.search.setText(serial)
        dialog.search_now()
        idle()
        if dialog.results.count():
            dialog.pick(0)
            idle()
        dialog.form.subject.setText("Outlook freezes when docked")
        dialog.form.description.setPlainText(
            "Since this morning Outlook freezes when the laptop is docked."
        )
        idle()
    grab(dialog, "new-call")
    # Not close(): that would ask whether to discard what the screenshot typed.
    dialog.hide()
    dialog.deleteLater()
