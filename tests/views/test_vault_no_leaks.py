"""No secrets in logs when revealing and copying through the UI (vault.md §14, second row).

The real Credentials tab, reveal dialog and `SecureClipboard`, on both backends, with the app's
own logging (`configure_logging`, a real file in the data dir) and SQLAlchemy at DEBUG: unlock
by typing the vault password, reveal, Show, "Show code", copy each field and the code, lock.
Then neither `caplog` nor any file under the logs directory holds any of the plaintexts: the
crash handler is installed too, and an unhandled exception while the item is revealed writes a
crash report there. The service-level paths (launch, export, edits, reprs, SQL errors) are in
tests/vault/test_no_leaks.py.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QPushButton

from app.bootstrap import build_core
from app.models import VaultAudit
from app.models.enums import Role
from app.paths import AppPaths
from app.services.crash_report import crash_reports, install_crash_handler
from app.tasks import ChangeNotifier, Lane, TaskRunner
from app.vault.service import VaultService
from app.vault.types import ItemDraft
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock, InlineExecutor
from tests.vault import plaintexts as p

from app.views.clients import ClientsView
from app.views.clients.vault_panel import Page
from app.views.clients.vault_reveal_dialog import MASK
from app.views.clients.vault_session import VaultSession


@pytest.fixture
def board(qtbot) -> Iterator[QClipboard]:
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    yield clipboard
    clipboard.clear()


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_unlock_reveal_show_and_copy_in_the_ui_log_no_plaintext(
    qtbot,
    fresh_db_url: str,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    board: QClipboard,
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    paths = AppPaths.default(tmp_path / "data")
    clock = FakeClock()
    runner = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    with p.debug_logging(paths) as log_file:
        core = build_core(fresh_db_url, paths.data_dir, clock=clock)
        crashes = install_crash_handler(paths.logs_dir)
        try:
            db = core.db
            admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@leaks.msp")
            tech_id = add_technician(db, "Tom Tech", email="tom@leaks.msp")
            admin = VaultService(db, admin_id, clock.now)
            admin.set_up(p.ADMIN_PASSWORD)
            tom = VaultService(db, tech_id, clock.now)
            tom.enrol(p.VAULT_PASSWORD)
            tom.lock()
            admin.sign(tech_id, fingerprints_compared=True)
            client_id = add_client(db, "Leak Check Ltd")
            vault_id = admin.create_vault(client_id)
            admin.put_item(ItemDraft(vault_id=vault_id, label=p.LABEL, secrets=p.secrets()))
            admin.grant(vault_id, tech_id)
            admin.lock()

            session = VaultSession(VaultService(db, tech_id, clock.now), clipboard_seconds=30)
            view = ClientsView(core.directory, runner, ChangeNotifier(), vault=session)
            session.setParent(view)
            qtbot.addWidget(view)
            view.show()
            view.select_client(client_id)
            panel = view.vault_panel
            assert panel is not None
            view.tabs.setCurrentWidget(panel)
            qtbot.keyClicks(panel.password_edit, p.VAULT_PASSWORD)
            _click(qtbot, panel.unlock_button)
            assert panel.current_page() is Page.ITEMS

            panel.table.selectRow(0)
            _click(qtbot, panel.reveal_button)
            dialog = panel.reveal_dialog
            assert dialog is not None
            qtbot.keyClicks(dialog.reason_edit, "leak check through the UI")
            _click(qtbot, dialog.reveal_button)
            assert dialog.stack.currentIndex() == 1
            assert dialog.value_edits["password"].text() == MASK
            assert dialog.notes_view.toPlainText() == p.NOTES
            _click(qtbot, dialog.show_buttons["password"])
            assert dialog.value_edits["password"].text() == p.PASSWORD
            _click(qtbot, dialog.show_buttons["password"])

            _click(qtbot, dialog.copy_buttons["password"])
            assert board.text() == p.PASSWORD
            _click(qtbot, dialog.copy_buttons["username"])
            assert board.text() == p.USERNAME
            _click(qtbot, dialog.show_code_button)
            assert dialog.totp_panel.running
            code = dialog.totp_panel.current_code()
            _click(qtbot, dialog.totp_panel.copy_button)
            assert board.text() == code
            # A crash while the item is revealed: the report names the failure, not the item.
            try:
                raise RuntimeError(f"crash while {p.LABEL} is shown")
            except RuntimeError as error:
                sys.excepthook(type(error), error, error.__traceback__)
            assert crashes.last_report is not None
            dialog.close()
            session.lock_now()
            assert board.text() == ""

            with db.read() as s:
                actions = list(s.scalars(select(VaultAudit.action).order_by(VaultAudit.id)))
            assert actions[-5:] == ["unlock", "view", "copy", "copy", "totp"]
        finally:
            crashes.uninstall()
            runner.shutdown()
            core.close()
        p.flush_logs()
        file_text = log_file.read_bytes()
        log_files = p.files_under(paths.logs_dir)

    needles = p.needles()
    # The logging was on: SQL statements with hidden parameters and result rows.
    assert b"INSERT INTO vault_audit" in file_text
    assert b"[SQL parameters hidden due to hide_parameters=True]" in file_text
    assert b"Row (" in file_text
    assert "INSERT INTO vault_audit" in caplog.text
    assert p.found(caplog.text, needles) == []
    assert p.found(file_text, needles) == []
    # Every file in the logs directory: the log, any rotated one, and the crash report.
    assert crash_reports(paths.logs_dir) == [crashes.last_report]
    assert log_file in log_files and crashes.last_report in log_files
    assert p.LABEL.encode() in log_files[crashes.last_report]
    for path, data in log_files.items():
        assert p.found(data, needles) == [], path
    for record in caplog.records:
        assert p.found(repr(record.args), needles) == [], record.getMessage()[:200]
