"""`helpdesk selftest`: proves an installed (or frozen) build is whole, on a throw-away desk.

It creates a new SQLite database in a data directory of its own (never the user's), lets the
migrations run, makes a throw-away admin, opens the main window for them, waits for the first
queue page, closes everything and reports. What a broken build typically lacks is checked on
the way: the bundled migrations, the Qt platform plugin and icons, the report fonts (a one-page
PDF is written), the translations, and the time-zone database (Windows has none of its own).
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from app import __version__
from app.bootstrap import Core, build_core
from app.db import current_revision, head_revision
from app.reports.period import month_period
from app.services.report_output import write_report
from app.settings import Settings
from app.tasks import ChangeNotifier, TaskRunner

from app.views.icons import icon

#: How long the main window may take to load its first page.
WINDOW_TIMEOUT_S = 30.0


class SelfTestError(Exception):
    """A step failed; `str()` names the step and what went wrong."""


def run_selftest(data_dir: Path | None, say: Callable[[str], None] = print) -> int:
    """Run every step in `data_dir` (a new temporary directory when None, which must be empty
    or missing otherwise); 0 when the build is whole, 1 with the failed step reported."""
    with tempfile.TemporaryDirectory(prefix="helpdesk-selftest-") as scratch:
        where = data_dir or Path(scratch) / "data"
        if where.exists() and any(where.iterdir()):
            say(f"selftest: {where} is not empty; give an empty or new directory")
            return 2
        try:
            _steps(where, Path(scratch), say)
        except SelfTestError as e:
            say(f"selftest: FAILED: {e}")
            return 1
    say(f"selftest: ok (helpdesk {__version__})")
    return 0


def _steps(data_dir: Path, scratch: Path, say: Callable[[str], None]) -> None:
    try:
        ZoneInfo("Europe/Warsaw")
    except Exception as e:
        raise SelfTestError(f"time-zone database: {type(e).__name__}: {e}") from e
    say("selftest: time-zone database found")
    try:
        # Named outright: `--db` and HELPDESK_DB_URL point at the user's own database.
        core = build_core(str(data_dir / "helpdesk.sqlite"), data_dir)
    except Exception as e:
        raise SelfTestError(f"migrating a new database: {type(e).__name__}: {e}") from e
    try:
        revision = current_revision(core.db.engine)
        if revision != head_revision():
            raise SelfTestError(f"database at {revision}, expected {head_revision()}")
        say(f"selftest: new database migrated to {revision}")
        _report(core, scratch)
        say("selftest: report PDF written with the bundled fonts")
        try:
            _main_window(core, scratch)
        except SelfTestError:
            raise
        except Exception as e:
            raise SelfTestError(f"opening the main window: {type(e).__name__}: {e}") from e
        say("selftest: main window opened and loaded its queue; translations found")
    finally:
        core.close()


def _report(core: Core, scratch: Path) -> None:
    out = scratch / "selftest.pdf"
    try:
        write_report(
            core.reports, core.report_branding.branding(), out, month_period(2026, 1), None
        )
    except Exception as e:
        raise SelfTestError(f"writing a report PDF: {type(e).__name__}: {e}") from e
    with open(out, "rb") as f:
        if f.read(5) != b"%PDF-":
            raise SelfTestError("the report is not a PDF")


def _main_window(core: Core, scratch: Path) -> None:
    # Imported here: the window pulls in every view, and the steps above should report first.
    from app.application import qt_application, wait_until_idle

    from app.views.main_window import MainWindow
    from app.views.translations import install_translators

    app = qt_application()
    if icon("app").isNull():
        raise SelfTestError("the bundled icons are missing")
    password = secrets.token_urlsafe(24)
    me = core.auth.create_first_admin("Self Test", "selftest@example.invalid", password)
    settings = Settings(QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    notifier = ChangeNotifier()
    window = MainWindow(core, runner, notifier, settings, me)
    try:
        window.show()
        wait_until_idle(runner, WINDOW_TIMEOUT_S)
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        while not window.isVisible() and time.monotonic() < deadline:
            app.processEvents()
        if not window.isVisible():
            raise SelfTestError("the main window did not appear")
        if runner.is_busy():
            raise SelfTestError("the main window's first queue page did not load")
    finally:
        window.close()
        runner.shutdown()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    try:
        if install_translators(app, "pl") != "pl":
            raise SelfTestError("the bundled Polish translation is missing")
    finally:
        install_translators(app, "en")
