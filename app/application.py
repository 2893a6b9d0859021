"""The GUI composition root: QApplication, settings, task runner, sign-in and the main window."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import URL

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.bootstrap import DB_URL_ENV, Core, build_core, configure_logging
from app.change_watcher import ExternalChangeWatcher
from app.db import (
    DatabaseError,
    DatabaseTooNewError,
    UpgradeNeedsConfirmationError,
    parse_database_target,
)
from app.models.enums import ClientStatus, Role
from app.paths import AppPaths, DataDirectoryError
from app.services.db_profile import needs_first_run
from app.services.directory import TechnicianRow
from app.settings import Settings
from app.tasks import ChangeNotifier, TaskRunner
from app.vault.service import VaultService

from app.views.auth.first_admin_dialog import FirstAdminDialog
from app.views.auth.sign_in_dialog import SignInDialog
from app.views.clients.vault_setup_dialogs import SetUpVaultDialog
from app.views.crash_notice import install_crash_notice
from app.views.icons import icon
from app.views.layout_memory import LayoutMemory
from app.views.main_window import MainWindow
from app.views.setup import FirstRunDialog
from app.views.theme import Theme, ThemeController
from app.views.tickets.queue_model import TicketIdRole
from app.views.translations import install_translators
from app.views.workflow_screenshots import grab_workflow

log = logging.getLogger(__name__)

ORGANIZATION = "MSP Helpdesk"
APPLICATION = "msp-helpdesk"


def qt_application() -> QApplication:
    """The process's QApplication, created (with names and icon) on first use."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("MSP Helpdesk")
    app.setWindowIcon(icon("app"))
    return app


def _open_core(
    db: str | URL | None,
    data_dir: Path | None,
    repair: Callable[[], URL | None] | None = None,
) -> Core | int:
    """Build the core, asking before upgrading a shared database; an exit code on failure.
    When the database cannot be opened at all, `repair` (if given) may offer another URL."""
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
        if repair is not None and (repaired := repair()) is not None:
            return _open_core(repaired, data_dir)
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
    try:
        configure_logging(AppPaths.default(data_dir), log_level)
    except DataDirectoryError as e:
        qt_application()
        _fatal(str(e))
        return 1
    app = qt_application()
    # Kept referenced for the whole run: the notice shows where a crash report was written.
    crash_reporter, _crash_notice = install_crash_notice(AppPaths.default(data_dir).logs_dir)
    settings = Settings.default()
    install_translators(app, settings.prefs.language)
    theme = ThemeController(app, settings)
    theme.apply()
    LayoutMemory(settings.window_layouts).install(app)
    try:
        return _run_window(app, db, data_dir, settings, theme)
    finally:
        crash_reporter.uninstall()


def choose_database(
    db: str | None, paths: AppPaths, runner: TaskRunner, settings: Settings
) -> str | URL | int:
    """What to open: `--db`, else `HELPDESK_DB_URL`, else the saved choice, else the first-run
    dialog's answer (it saves it); an exit code when the first-run dialog is cancelled."""
    target = db or os.environ.get(DB_URL_ENV) or settings.prefs.database_url
    if not needs_first_run(target, paths):
        return target or str(paths.database_file)
    dialog = FirstRunDialog(runner, paths, settings)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.target is None:
        return 0
    return dialog.target.url


def _repair_team_database(
    target: str | URL, paths: AppPaths, runner: TaskRunner, settings: Settings
) -> URL | None:
    """The saved team database did not open (a changed password, no keychain): the first-run
    dialog on its fields, to test and finish again. None if that is not the case, or cancelled."""
    saved = settings.prefs.database_url
    if target != saved or not saved.startswith("postgresql"):
        return None
    dialog = FirstRunDialog(
        runner,
        paths,
        settings,
        initial_url=parse_database_target(saved),
        notice=QCoreApplication.translate(
            "application",
            "The team database did not open. Type the password again and test the connection.",
        ),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.target is None:
        return None
    return dialog.target.url


def _offer_vault_setup(core: Core, runner: TaskRunner, me: TechnicianRow) -> None:
    """The first administrator's vault: the org keys and their own key pair under a vault
    password. Cancel skips it; the Clients page offers the same dialog later."""
    service = VaultService(core.db, me.technician_id, core.clock.now)
    if me.role is Role.ADMIN and not service.is_set_up():
        SetUpVaultDialog(service, runner, single_user=core.db.backend == "sqlite").exec()


def _choose_and_open(
    db: str | None, data_dir: Path | None, runner: TaskRunner, settings: Settings
) -> Core | int:
    """The core of the chosen database (repaired once if the saved team one fails), or an
    exit code."""
    paths = AppPaths.default(data_dir)
    target = choose_database(db, paths, runner, settings)
    if isinstance(target, int):
        return target
    # Only a database that did not open is repaired: not a declined upgrade or a newer schema.
    return _open_core(
        target, data_dir, lambda: _repair_team_database(target, paths, runner, settings)
    )


def _run_window(
    app: QApplication,
    db: str | None,
    data_dir: Path | None,
    settings: Settings,
    theme: ThemeController,
) -> int:
    runner = TaskRunner()
    try:
        core = _choose_and_open(db, data_dir, runner, settings)
    except BaseException:
        runner.shutdown()
        raise
    if isinstance(core, int):
        runner.shutdown()
        return core
    notifier = ChangeNotifier()
    watcher = ExternalChangeWatcher(core.db.open_change_watcher, notifier)
    try:
        first_admin = core.auth.needs_first_admin()
        me = sign_in(core, runner, settings)
        if me is None:
            return 0
        if first_admin:
            _offer_vault_setup(core, runner, me)
        window = MainWindow(core, runner, notifier, settings, me, theme=theme)
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
    app = qt_application()
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
        _grab_dark(window, settings, grab)
    finally:
        QTimer.singleShot(0, window.close)
        wait_until_idle(runner)
        window.close()
        runner.shutdown()
        app.processEvents()
        scratch.cleanup()
    return shots


def _grab_dark(
    window: MainWindow, settings: Settings, grab: Callable[[QWidget, str], None]
) -> None:
    """The queue in the dark theme, then the theme the screenshots started with."""
    theme = ThemeController(qt_application(), settings)
    theme.choose(Theme.DARK)
    window.nav.setCurrentRow(0)
    grab(window, "main-window-dark")
    theme.choose(Theme.SYSTEM)
    theme.deleteLater()


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
