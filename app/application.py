"""The GUI composition root: QApplication, settings, task runner, sign-in and the main window."""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.bootstrap import Core, build_core, configure_logging
from app.change_watcher import ExternalChangeWatcher
from app.db import DatabaseError, DatabaseTooNewError, UpgradeNeedsConfirmationError
from app.models.enums import ClientStatus, Role
from app.paths import AppPaths
from app.services.directory import TechnicianRow
from app.settings import Settings
from app.tasks import ChangeNotifier, TaskRunner

from app.views.auth.first_admin_dialog import FirstAdminDialog
from app.views.auth.sign_in_dialog import SignInDialog
from app.views.icons import icon
from app.views.main_window import MainWindow
from app.views.tickets.queue_model import TicketIdRole
from app.views.workflow_screenshots import grab_workflow

log = logging.getLogger(__name__)

ORGANIZATION = "MSP Helpdesk"
APPLICATION = "msp-helpdesk"


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("MSP Helpdesk")
    app.setWindowIcon(icon("app"))
    return app


def _open_core(db: str | None, data_dir: Path | None) -> Core | int:
    """Build the core, asking before upgrading a shared database; an exit code on failure."""
    try:
        return build_core(db, data_dir)
    except UpgradeNeedsConfirmationError as e:
        answer = QMessageBox.question(
            None,
            QCoreApplication.translate("application", "Upgrade the shared database?"),
            QCoreApplication.translate(
                "application",
                "The shared database must be upgraded from revision {0} to {1} before this "
                "version can use it. Every technician needs this version afterwards.\n\n"
                "Has a backup (pg_dump) of the database been made?",
            ).format(e.current, e.head),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 1
        return build_core(db, data_dir, confirm_upgrade=True)
    except DatabaseTooNewError as e:
        _fatal(str(e))
        return 3
    except DatabaseError as e:
        _fatal(str(e))
        return 1


def _fatal(message: str) -> None:
    QMessageBox.critical(
        None, QCoreApplication.translate("application", "Cannot open the database"), message
    )


def sign_in(core: Core, runner: TaskRunner, settings: Settings) -> TechnicianRow | None:
    """Ask for the first admin account on a new database, else sign in; None if cancelled."""
    dialog: FirstAdminDialog | SignInDialog
    if core.auth.needs_first_admin():
        dialog = FirstAdminDialog(core.auth, runner)
    else:
        dialog = SignInDialog(core.auth, runner, remembered_email=settings.prefs.remember_email)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.technician is None:
        return None
    settings.prefs.remember_email = dialog.technician.email
    return dialog.technician


def run_gui(db: str | None, data_dir: Path | None, log_level: str) -> int:
    """Open the desktop app; returns the process exit code."""
    configure_logging(AppPaths.default(data_dir), log_level)
    app = _application()
    core = _open_core(db, data_dir)
    if isinstance(core, int):
        return core
    settings = Settings.default()
    runner = TaskRunner()
    notifier = ChangeNotifier()
    watcher = ExternalChangeWatcher(core.db.open_change_watcher, notifier)
    try:
        me = sign_in(core, runner, settings)
        if me is None:
            return 0
        window = MainWindow(core, runner, notifier, settings, me)
        watcher.connection_lost.connect(window.connection_lost)
        watcher.connection_restored.connect(window.connection_restored)
        watcher.start()
        window.show()
        return app.exec()
    finally:
        watcher.stop()
        runner.shutdown()
        core.close()


def wait_until_idle(runner: TaskRunner, timeout_s: float = 10.0) -> None:
    """Pump events until the runner has no task in flight (for screenshots and benchmarks)."""
    deadline = time.monotonic() + timeout_s
    app = QCoreApplication.instance()
    assert app is not None
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not runner.is_busy():
            # One more round lets queued deliveries that started follow-up tasks register.
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if not runner.is_busy():
                return
        time.sleep(0.01)


def save_screenshots(core: Core, out_dir: Path) -> list[Path]:
    """PNGs of the main views on the demo data, signed in as the first L1 technician."""
    app = _application()
    out_dir.mkdir(parents=True, exist_ok=True)
    me = _screenshot_technician(core)
    runner = TaskRunner()
    notifier = ChangeNotifier()
    # Default layout, and the user's own saved layout left untouched.
    scratch = tempfile.TemporaryDirectory(prefix="helpdesk-screenshots-")
    settings = Settings(QSettings(str(Path(scratch.name) / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(core, runner, notifier, settings, me)
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        wait_until_idle(runner)
        path = out_dir / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    try:
        window.resize(1280, 780)
        window.show()
        grab(window, "main-window-queue")
        window.nav.setCurrentRow(1)
        grab(window, "main-window-clients")
        window.nav.setCurrentRow(0)
        first = window.queue_view.model.index(0, 0)
        if first.isValid():
            ticket_id = window.queue_view.model.data(first, TicketIdRole)
            if isinstance(ticket_id, int):
                dialog = window.open_ticket(ticket_id)
                dialog.resize(1100, 760)
                grab(dialog, "ticket-dialog")
                if dialog.connect_button is not None:
                    wait_until_idle(runner)
                    dialog.connect_button.menu_.adjustSize()
                    grab(dialog.connect_button.menu_, "connect-menu")
                dialog.close()
        new = window.new_ticket()
        grab(new, "new-ticket-dialog")
        new.close()
        _grab_sla_settings(window, grab)
        _grab_client_tabs(window, grab)
        grab_workflow(core, window, grab, lambda: wait_until_idle(runner))
    finally:
        QTimer.singleShot(0, window.close)
        wait_until_idle(runner)
        window.close()
        runner.shutdown()
        app.processEvents()
        scratch.cleanup()
    return shots


def _grab_sla_settings(window: MainWindow, grab: Callable[[QWidget, str], None]) -> None:
    """The SLA settings window on its first calendar and first policy."""
    dialog = window.open_sla_settings()
    dialog.resize(1220, 860)
    wait_until_idle(window._runner)
    calendars, policies = dialog.calendars.rows(), dialog.policies.rows()
    if calendars:
        dialog.calendars.select_calendar(calendars[-1].calendar_id)
        dialog.calendars.edit_selected()
        grab(dialog, "sla-calendars")
    if policies:
        dialog.tabs.setCurrentWidget(dialog.policies)
        dialog.policies.select_policy(policies[-1].policy_id)
        dialog.policies.edit_selected()
        grab(dialog, "sla-policies")
    dialog.close()


def _grab_client_tabs(window: MainWindow, grab: Callable[[QWidget, str], None]) -> None:
    """The onboarding form and the readiness tab of the client still onboarding (if any)."""
    view = window.clients_view
    window.nav.setCurrentRow(1)
    wait_until_idle(window._runner)
    rows = view.client_model.rows()
    client = next(
        (r for r in rows if r.status is ClientStatus.ONBOARDING), rows[0] if rows else None
    )
    if client is None or view.onboarding_view is None or view.readiness_panel is None:
        return
    view.select_client(client.client_id)
    view.tabs.setCurrentWidget(view.onboarding_view)
    wait_until_idle(window._runner)
    view.onboarding_view.select_section("remote")
    grab(window, "client-onboarding")
    view.tabs.setCurrentWidget(view.readiness_panel)
    grab(window, "client-readiness")
    if view.wiki_panel is not None:
        view.tabs.setCurrentWidget(view.wiki_panel)
        grab(window, "client-wiki")
    window.nav.setCurrentRow(0)


def _screenshot_technician(core: Core) -> TechnicianRow:
    technicians = [
        t for t in core.directory.lookups().technicians if t.active and t.role is not Role.READ_ONLY
    ]
    if not technicians:
        raise DatabaseError("no technician to show the screenshots as; run `helpdesk demo` first")
    return next((t for t in technicians if t.tier.value == "L1"), technicians[0])
