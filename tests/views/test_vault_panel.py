"""The Credentials tab against the real VaultService on both backends, driven like a user.

Argon2id costs ~0.15 s per derivation: the vault fixture derives twice (admin set-up, Alice's
enrolment) and each test unlocks at most once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QPushButton

from app.db import Database
from app.models import VaultAudit
from app.models.enums import Role
from app.services.directory import DirectoryService, TechnicianRow
from app.tasks import ChangeNotifier, TaskRunner
from app.vault import crypto
from app.vault.keycache import KeyCache
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

from app.views.clients import ClientsView
from app.views.clients.vault_item_dialog import AddCredentialDialog
from app.views.clients.vault_panel import Page, VaultPanel
from app.views.clients.vault_reveal_dialog import MASK, RevealDialog
from app.views.clients.vault_session import VaultSession
from app.views.widgets.secure_clipboard import KDE_MARKER, MAC_CONCEALED, WINDOWS_MARKERS

ADMIN_PASSWORD = "admin-vault-password-1"
PASSWORD = "alice-vault-password-1"
FIREWALL_PASSWORD = "Fw-p4ss-word!"


class Ticker:
    """The key cache's idle clock, moved by hand."""

    def __init__(self) -> None:
        self.t = 1_000.0

    def __call__(self) -> float:
        return self.t


@dataclass
class Env:
    view: ClientsView
    panel: VaultPanel
    session: VaultSession
    client_id: int
    ticker: Ticker


def _setup_vault(db: Database, clock: FakeClock, me: TechnicianRow, client_id: int) -> None:
    """As `app/services/demo_vault.py`: admin sets up, Alice enrols, is signed and granted."""
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PASSWORD)
    alice = VaultService(db, me.technician_id, clock.now)
    alice.enrol(PASSWORD)
    alice.lock()
    admin.sign(me.technician_id, fingerprints_compared=True)
    vault_id = admin.create_vault(client_id)
    for label, host, port, user, pw in (
        ("Firewall", "fw.acme.example", 443, "admin", FIREWALL_PASSWORD),
        ("Domain admin", "dc01.acme.example", 3389, "ACME\\administrator", "Dc-p4ss-word!"),
    ):
        admin.put_item(
            ItemDraft(
                vault_id=vault_id,
                label=label,
                host=host,
                port=port,
                secrets={"username": Secret(user), "password": Secret(pw)},
            )
        )
    admin.grant(vault_id, me.technician_id)
    admin.lock()


def _env(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner, client_id: int
) -> Env:
    ticker = Ticker()
    service = VaultService(db, me.technician_id, clock.now, cache=KeyCache(clock=ticker))
    session = VaultSession(service, clipboard_seconds=30)
    view = ClientsView(DirectoryService(db), runner, ChangeNotifier(), vault=session)
    session.setParent(view)
    qtbot.addWidget(view)
    view.show()
    view.select_client(client_id)
    assert view.vault_panel is not None
    view.tabs.setCurrentWidget(view.vault_panel)
    return Env(view, view.vault_panel, session, client_id, ticker)


@pytest.fixture
def board(qtbot) -> Iterator[QClipboard]:
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    yield clipboard
    clipboard.clear()


@pytest.fixture
def env(qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner) -> Env:
    client_id = add_client(db, "Acme Logistics")
    _setup_vault(db, clock, me, client_id)
    return _env(qtbot, db, clock, me, runner, client_id)


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _unlock(qtbot, panel: VaultPanel, password: str = PASSWORD) -> None:
    qtbot.keyClicks(panel.password_edit, password)
    _click(qtbot, panel.unlock_button)


def _labels(panel: VaultPanel) -> list[str]:
    return [r.label for r in panel.model.rows()]


@dataclass(frozen=True)
class AuditRow:
    field: str | None
    reason: str
    ticket_id: int | None


def _audit(db: Database, action: str) -> list[AuditRow]:
    with db.read() as s:
        rows = s.scalars(
            select(VaultAudit).where(VaultAudit.action == action).order_by(VaultAudit.id)
        )
        return [AuditRow(a.field, a.reason, a.ticket_id) for a in rows]


def _reveal(qtbot, panel: VaultPanel, label: str, reason: str) -> RevealDialog:
    panel.table.selectRow(_labels(panel).index(label))
    _click(qtbot, panel.reveal_button)
    dialog = panel.reveal_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.reason_edit, reason)
    _click(qtbot, dialog.reveal_button)
    return dialog


# --- states before unlocking ------------------------------------------------------------------


def test_without_a_vault_setup_the_tab_says_an_admin_sets_it_up(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner
) -> None:
    e = _env(qtbot, db, clock, me, runner, add_client(db))
    assert e.panel.current_page() is Page.MESSAGE
    assert "administrator" in e.panel.message.text()


def test_a_technician_without_keys_is_told_they_are_not_enrolled(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner
) -> None:
    admin_id = add_technician(db, role=Role.ADMIN, email="ada@test.msp")
    VaultService(db, admin_id, clock.now).set_up(ADMIN_PASSWORD)
    e = _env(qtbot, db, clock, me, runner, add_client(db))
    assert e.panel.current_page() is Page.MESSAGE
    assert e.panel.message.text().startswith("Not enrolled")


def test_locked_tab_shows_the_unlock_form_and_a_wrong_password_keeps_it_locked(
    qtbot, env: Env, db: Database
) -> None:
    panel = env.panel
    assert panel.current_page() is Page.UNLOCK
    _unlock(qtbot, panel, "not-the-password")
    assert panel.password_error.text() == "Wrong vault password."
    assert panel.password_edit.text() == ""
    assert panel.current_page() is Page.UNLOCK
    assert panel.unlock_button.isEnabled()
    assert not env.session.is_unlocked
    assert len(_audit(db, "unlock_failed")) == 1


# --- unlocked ---------------------------------------------------------------------------------


def test_unlocking_lists_the_items_without_decrypting_any(
    qtbot, env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = crypto.open_field

    def counting(*args: Any, **kwargs: Any) -> bytes:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(crypto, "open_field", counting)
    _unlock(qtbot, env.panel)
    panel = env.panel
    assert panel.current_page() is Page.ITEMS
    assert _labels(panel) == ["Domain admin", "Firewall"]
    assert panel.model.index(1, 2).data() == "fw.acme.example"
    assert panel.model.index(1, 3).data() == "443"
    assert panel.model.index(1, 4).data() == "username, password"
    assert not panel.create_button.isVisible()
    assert calls == []


def test_a_client_without_a_vault_gets_one_with_create_vault(qtbot, env: Env, db: Database) -> None:
    other = add_client(db, "Bakery")
    _unlock(qtbot, env.panel)
    env.view.select_client(other)
    panel = env.panel
    assert panel.current_page() is Page.ITEMS
    assert panel.create_button.isVisible()
    assert not panel.add_button.isEnabled()
    _click(qtbot, panel.create_button)
    assert not panel.create_button.isVisible()
    assert panel.add_button.isEnabled()
    assert len(_audit(db, "vault_create")) == 3  # org-signing, Acme, Bakery


def test_add_a_credential_through_the_dialog(qtbot, env: Env) -> None:
    _unlock(qtbot, env.panel)
    _click(qtbot, env.panel.add_button)
    dialog = env.panel.add_dialog
    assert isinstance(dialog, AddCredentialDialog)
    qtbot.keyClicks(dialog.label_edit, "Switch")
    qtbot.keyClicks(dialog.host_edit, "sw01.acme.example")
    qtbot.keyClicks(dialog.port_edit, "70000")
    qtbot.keyClicks(dialog.username_edit, "netadmin")
    qtbot.keyClicks(dialog.password_edit, "sw-secret-1")
    assert dialog.password_edit.echoMode() is dialog.password_edit.EchoMode.Password
    _click(qtbot, dialog.save_button)
    assert dialog.port_error.text() == "A port is a number from 1 to 65535."
    assert dialog.isVisible()
    assert dialog.label_edit.text() == "Switch"
    assert dialog.password_edit.text() == "sw-secret-1"
    dialog.port_edit.clear()
    qtbot.keyClicks(dialog.port_edit, "22")
    _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert _labels(env.panel) == ["Domain admin", "Firewall", "Switch"]
    switch = env.panel.model.rows()[2]
    assert (switch.host, switch.port, switch.has) == (
        "sw01.acme.example",
        22,
        frozenset({"username", "password"}),
    )


# --- reveal, copy, lock -----------------------------------------------------------------------


def test_a_reveal_with_a_too_short_reason_is_refused_in_the_dialog(
    qtbot, env: Env, db: Database
) -> None:
    _unlock(qtbot, env.panel)
    dialog = _reveal(qtbot, env.panel, "Firewall", "chk")
    assert dialog.reason_error.text().startswith("Give a ticket, or a reason")
    assert dialog.stack.currentIndex() == 0
    assert _audit(db, "view") == []
    qtbot.keyClicks(dialog.ticket_edit, "T-12x")
    _click(qtbot, dialog.reveal_button)
    assert dialog.ticket_error.text() == "Type a ticket number such as T-000123."
    assert _audit(db, "view") == []


def test_reveal_shows_masked_then_plain_and_copy_is_audited_with_markers(
    qtbot, env: Env, db: Database, board: QClipboard
) -> None:
    _unlock(qtbot, env.panel)
    dialog = _reveal(qtbot, env.panel, "Firewall", "checking the VPN")
    assert dialog.stack.currentIndex() == 1
    assert dialog.value_edits["password"].text() == MASK
    assert dialog.value_edits["username"].text() == MASK
    views = _audit(db, "view")
    assert [(a.field, a.reason) for a in views] == [("username,password", "checking the VPN")]
    _click(qtbot, dialog.show_buttons["password"])
    assert dialog.value_edits["password"].text() == FIREWALL_PASSWORD
    _click(qtbot, dialog.show_buttons["password"])
    assert dialog.value_edits["password"].text() == MASK

    _click(qtbot, dialog.copy_buttons["password"])
    mime = board.mimeData()
    assert mime.text() == FIREWALL_PASSWORD
    assert {*WINDOWS_MARKERS, KDE_MARKER, MAC_CONCEALED} <= set(mime.formats())
    _click(qtbot, dialog.copy_buttons["username"])
    assert board.text() == "admin"
    copies = _audit(db, "copy")
    assert [a.field for a in copies] == ["password", "username"]
    assert {a.reason for a in copies} == {"checking the VPN"}


def test_a_reveal_with_a_ticket_needs_no_reason(qtbot, env: Env, db: Database) -> None:
    _unlock(qtbot, env.panel)
    env.panel.table.selectRow(1)
    dialog = env.panel.open_reveal_dialog()
    assert dialog is not None
    qtbot.keyClicks(dialog.ticket_edit, "T-000123")
    _click(qtbot, dialog.reveal_button)
    assert dialog.stack.currentIndex() == 1
    assert [a.ticket_id for a in _audit(db, "view")] == [123]


def test_the_copied_value_clears_after_the_timeout_unless_replaced(
    qtbot, env: Env, board: QClipboard
) -> None:
    env.session.clipboard._seconds = 0.05  # injected short timeout
    _unlock(qtbot, env.panel)
    dialog = _reveal(qtbot, env.panel, "Firewall", "checking the VPN")
    _click(qtbot, dialog.copy_buttons["password"])
    assert board.text() == FIREWALL_PASSWORD
    qtbot.waitUntil(lambda: board.text() == "", timeout=2_000)

    _click(qtbot, dialog.copy_buttons["password"])
    board.setText("something else")
    qtbot.waitUntil(lambda: env.session.clipboard.remaining_ms() == 0, timeout=2_000)
    qtbot.wait(50)
    assert board.text() == "something else"


def test_lock_clears_the_clipboard_closes_the_reveal_and_returns_to_the_unlock_form(
    qtbot, env: Env, board: QClipboard
) -> None:
    _unlock(qtbot, env.panel)
    dialog = _reveal(qtbot, env.panel, "Firewall", "checking the VPN")
    _click(qtbot, dialog.copy_buttons["password"])
    assert board.text() == FIREWALL_PASSWORD
    env.session.lock_now()
    assert board.text() == ""
    assert env.panel.current_page() is Page.UNLOCK
    assert env.panel.model.rowCount() == 0
    qtbot.waitUntil(lambda: env.panel.reveal_dialog is None, timeout=2_000)


def test_idle_expiry_locks_the_panel_and_activity_keeps_it_open(qtbot, env: Env) -> None:
    _unlock(qtbot, env.panel)
    env.ticker.t += 14 * 60
    qtbot.keyClick(env.panel.table, Qt.Key.Key_Down)  # activity through the app event filter
    env.ticker.t += 14 * 60
    env.session.refresh()
    assert env.panel.current_page() is Page.ITEMS
    env.ticker.t += 15 * 60
    env.session.refresh()
    assert env.panel.current_page() is Page.UNLOCK
