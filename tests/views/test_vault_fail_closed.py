"""Fail-closed audit in the reveal dialog (vault.md §8.5 step 4, §14 "Fail-closed audit"), on
both backends, driven like a user.

With the audit insert made to fail, Copy leaves the system clipboard exactly as it was, shows an
error, decrypts nothing and starts no process; Reveal and "Show code" show nothing. The audit is
broken two ways: the writer raising in Python (every module's `append`, wherever the reveal code
lives) and the database refusing the `INSERT INTO vault_audit` itself. Each test then mends the
audit and does the same click again, so a pass cannot come from a click that does nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import event, func, select

from PySide6.QtCore import QMimeData, QProcess, Qt
from PySide6.QtGui import QClipboard, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton

from app.db import Database
from app.models import VaultAudit
from app.models.enums import Role
from app.services.directory import DirectoryService, TechnicianRow
from app.tasks import ChangeNotifier, TaskRunner
from app.vault import audit_log, crypto
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

from app.views.clients import ClientsView
from app.views.clients.vault_panel import Page, VaultPanel
from app.views.clients.vault_reveal_dialog import MASK, RevealDialog
from app.views.clients.vault_session import VaultSession
from app.views.widgets.secure_clipboard import KDE_MARKER, MAC_CONCEALED, WINDOWS_MARKERS

ADMIN_PASSWORD = "admin-vault-password-1"
PASSWORD = "alice-vault-password-1"
SECRET_PASSWORD = "Sup3r-Secret-Pa55!"
SECRET_USERNAME = "ACME\\svc-failclosed"
TOTP_SEED = "JBSWY3DPEHPK3PXP"
SENTINEL_TEXT = "what the user copied before (sentinel)"
SENTINEL_FORMAT = "application/x-helpdesk-test-sentinel"
SENTINEL_DATA = b"\x00sentinel bytes\xff"


# --- the broken audit -------------------------------------------------------------------------


class BrokenAudit:
    """Makes every audit append fail while `on`; `off()` mends it."""

    def __init__(self, how: str, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
        self.how = how
        self._db = db
        self._mp = monkeypatch
        self.active = False

    def on(self) -> None:
        assert not self.active
        self.active = True
        if self.how == "python":
            real = audit_log.append

            def refuse(*_args: object, **_kwargs: object) -> None:
                raise RuntimeError("audit writer unavailable")

            # Every module holding `append` by name: the reveal code may live in service.py or
            # items.py, and the test must not depend on which.
            modules = [m for n, m in sys.modules.items() if n == "app" or n.startswith("app.")]
            for module in modules:
                if getattr(module, "append", None) is real:
                    self._mp.setattr(module, "append", refuse)
        else:
            event.listen(self._db.engine, "before_cursor_execute", _refuse_audit_insert)

    def off(self) -> None:
        assert self.active
        self.active = False
        if self.how == "python":
            self._mp.undo()
        else:
            event.remove(self._db.engine, "before_cursor_execute", _refuse_audit_insert)


def _refuse_audit_insert(
    _conn: Any, _cursor: Any, statement: str, *_args: Any, **_kwargs: Any
) -> None:
    if statement.lstrip().upper().startswith("INSERT INTO VAULT_AUDIT"):
        raise RuntimeError("permission denied for table vault_audit")


@pytest.fixture(params=["python", "database"])
def broken_audit(request: pytest.FixtureRequest, db: Database) -> Iterator[BrokenAudit]:
    # A monkeypatch of its own, so `off()` undoes only the audit patch.
    with pytest.MonkeyPatch.context() as mp:
        audit = BrokenAudit(request.param, db, mp)
        yield audit
        if audit.active:
            audit.off()


# --- spies ------------------------------------------------------------------------------------


@dataclass
class DecryptSpy:
    calls: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("open_field", "open_sealed", "open_grant", "open_bundle"), 0
        )
    )

    @property
    def total(self) -> int:
        return sum(self.calls.values())


@pytest.fixture
def decrypt_spy(monkeypatch: pytest.MonkeyPatch) -> DecryptSpy:
    """Counts every decryption primitive of `app.vault.crypto` (open_field calls open_sealed,
    so one field counts twice: only zero and non-zero matter)."""
    spy = DecryptSpy()
    for name in spy.calls:
        real: Callable[..., Any] = getattr(crypto, name)

        def counting(*args: Any, _name: str = name, _real: Any = real, **kwargs: Any) -> Any:
            spy.calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(crypto, name, counting)
    return spy


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to start a process or open a URL handler, recorded instead of done."""
    calls: list[str] = []

    def record(what: str) -> Callable[..., Any]:
        def recorder(*args: Any, **_kwargs: Any) -> Any:
            calls.append(f"{what}{args!r}")
            raise AssertionError(f"{what} called during a fail-closed reveal")

        return recorder

    monkeypatch.setattr(subprocess, "Popen", record("subprocess.Popen"))
    monkeypatch.setattr(os, "system", record("os.system"))
    for name in ("posix_spawn", "posix_spawnp", "startfile"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, record(f"os.{name}"))
    monkeypatch.setattr(QProcess, "start", record("QProcess.start"))
    monkeypatch.setattr(QProcess, "startDetached", record("QProcess.startDetached"))
    monkeypatch.setattr(QDesktopServices, "openUrl", record("QDesktopServices.openUrl"))
    return calls


# --- the environment --------------------------------------------------------------------------


@dataclass
class Env:
    view: ClientsView
    panel: VaultPanel
    session: VaultSession
    vault_id: int


@pytest.fixture
def env(qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner) -> Env:
    """Alice is enrolled, signed and granted a client vault with one item, and the Credentials
    tab is open and unlocked."""
    client_id = add_client(db, "Fail Closed Ltd")
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PASSWORD)
    alice = VaultService(db, me.technician_id, clock.now)
    alice.enrol(PASSWORD)
    alice.lock()
    admin.sign(me.technician_id, fingerprints_compared=True)
    vault_id = admin.create_vault(client_id)
    admin.put_item(
        ItemDraft(
            vault_id=vault_id,
            label="Firewall",
            host="fw.failclosed.example",
            secrets={
                "username": Secret(SECRET_USERNAME),
                "password": Secret(SECRET_PASSWORD),
                "totp": Secret(TOTP_SEED),
            },
        )
    )
    admin.grant(vault_id, me.technician_id)
    admin.lock()

    session = VaultSession(VaultService(db, me.technician_id, clock.now), clipboard_seconds=30)
    view = ClientsView(DirectoryService(db), runner, ChangeNotifier(), vault=session)
    session.setParent(view)
    qtbot.addWidget(view)
    view.show()
    view.select_client(client_id)
    assert view.vault_panel is not None
    panel = view.vault_panel
    view.tabs.setCurrentWidget(panel)
    qtbot.keyClicks(panel.password_edit, PASSWORD)
    _click(qtbot, panel.unlock_button)
    assert panel.current_page() is Page.ITEMS
    return Env(view, panel, session, vault_id)


@pytest.fixture
def board(qtbot) -> Iterator[QClipboard]:
    """The system clipboard holding what the user copied last: text plus a format of its own."""
    clipboard = QGuiApplication.clipboard()
    mime = QMimeData()
    mime.setText(SENTINEL_TEXT)
    mime.setData(SENTINEL_FORMAT, SENTINEL_DATA)
    clipboard.setMimeData(mime)
    yield clipboard
    clipboard.clear()


def _snapshot(board: QClipboard) -> tuple[str, list[str], bytes]:
    mime = board.mimeData()
    return mime.text(), sorted(mime.formats()), bytes(mime.data(SENTINEL_FORMAT).data())


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _audit_count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(VaultAudit)) or 0


def _open_dialog(qtbot, panel: VaultPanel) -> RevealDialog:
    panel.table.selectRow(0)
    dialog = panel.open_reveal_dialog()
    assert dialog is not None
    qtbot.keyClicks(dialog.reason_edit, "checking the VPN")
    return dialog


def _assert_untouched(board: QClipboard, before: tuple[str, list[str], bytes]) -> None:
    assert _snapshot(board) == before
    formats = set(board.mimeData().formats())
    assert not formats & {*WINDOWS_MARKERS, KDE_MARKER, MAC_CONCEALED}
    assert SECRET_PASSWORD not in board.text() and SECRET_USERNAME not in board.text()


def _shows_audit_error(dialog: RevealDialog) -> bool:
    return dialog.message.isVisible() and "recorded" in dialog.message.text()


# --- copy -------------------------------------------------------------------------------------


@pytest.mark.parametrize("key_cached", [True, False], ids=["key-cached", "key-not-cached"])
def test_copy_with_the_audit_down_leaves_the_clipboard_and_decrypts_nothing(
    qtbot,
    env: Env,
    db: Database,
    board: QClipboard,
    broken_audit: BrokenAudit,
    decrypt_spy: DecryptSpy,
    started: list[str],
    key_cached: bool,
) -> None:
    dialog = _open_dialog(qtbot, env.panel)
    _click(qtbot, dialog.reveal_button)
    assert dialog.stack.currentIndex() == 1  # the view reveal worked: the audit was up
    assert dialog.value_edits["password"].text() == MASK
    if not key_cached:
        env.session.service.cache.forget_vault(env.vault_id)
    before = _snapshot(board)
    assert before[0] == SENTINEL_TEXT
    rows = _audit_count(db)
    decrypt_spy.calls.update(dict.fromkeys(decrypt_spy.calls, 0))

    broken_audit.on()
    for name in ("password", "username"):
        _click(qtbot, dialog.copy_buttons[name])
        assert _shows_audit_error(dialog), dialog.message.text()
        _assert_untouched(board, before)
        assert not env.session.clipboard.holds_ours()
        assert env.session.clipboard.remaining_ms() == 0
        assert dialog.copied_label.text() == ""
    assert decrypt_spy.calls == dict.fromkeys(decrypt_spy.calls, 0)
    assert started == []
    broken_audit.off()
    assert _audit_count(db) == rows

    # Mended, the very same click copies (and is audited): the refusal above was the audit's.
    _click(qtbot, dialog.copy_buttons["password"])
    assert board.text() == SECRET_PASSWORD
    assert decrypt_spy.calls["open_field"] == 1
    assert _audit_count(db) == rows + 1
    assert started == []


# --- reveal and show code ---------------------------------------------------------------------


def test_reveal_and_show_code_with_the_audit_down_show_nothing(
    qtbot,
    env: Env,
    db: Database,
    board: QClipboard,
    broken_audit: BrokenAudit,
    decrypt_spy: DecryptSpy,
    started: list[str],
) -> None:
    before = _snapshot(board)
    rows = _audit_count(db)
    dialog = _open_dialog(qtbot, env.panel)

    broken_audit.on()
    _click(qtbot, dialog.reveal_button)
    assert _shows_audit_error(dialog), dialog.message.text()
    assert dialog.stack.currentIndex() == 0  # still asking why; nothing shown
    assert all(edit.text() == "" for edit in dialog.value_edits.values())
    assert dialog.notes_view.toPlainText() == ""
    assert decrypt_spy.total == 0
    broken_audit.off()

    _click(qtbot, dialog.reveal_button)
    assert dialog.stack.currentIndex() == 1
    assert dialog.show_code_button.isVisible()
    decrypt_spy.calls.update(dict.fromkeys(decrypt_spy.calls, 0))
    env.session.service.cache.forget_vault(env.vault_id)

    broken_audit.on()
    _click(qtbot, dialog.show_code_button)
    assert _shows_audit_error(dialog), dialog.message.text()
    assert not dialog.totp_panel.running
    assert dialog.totp_panel.current_code() == ""
    assert decrypt_spy.total == 0
    broken_audit.off()

    _click(qtbot, dialog.show_code_button)
    assert dialog.totp_panel.running
    assert len(dialog.totp_panel.current_code()) == 6
    assert _snapshot(board) == before
    assert started == []
    assert _audit_count(db) == rows + 2  # the mended view and totp reveals only
