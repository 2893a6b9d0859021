"""No decrypt at start-up (vault.md §7.3, §14 "Start plus lists of 100 items: 0 decrypt calls").

The whole main window starts on a database whose client has a vault of 100 items, signed in as a
technician holding a grant. The Clients view is opened on that client and its Credentials tab
lists the 100 items, in two ways:

- locked: the window starts with the vault locked and nothing is decrypted; the technician
  unlocks with the password, which opens their bundle (allowed: that is the unlock itself);
- remembered device: the tab unlocks by itself with this machine's device key (§6.6), which
  opens the device bundle (allowed).

Either way no item field is opened (`open_field`, or `open_sealed` under a field AAD), and the
client vault's key is not even unsealed: listing needs no key at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import QSettings, Qt

from app.bootstrap import Core, build_core
from app.models import VaultAudit
from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.settings import Settings
from app.tasks import ChangeNotifier, Lane, TaskRunner
from app.vault import crypto, devices
from app.vault.keychain import DeviceKeychain
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock, InlineExecutor, MemoryKeyring

from app.views.clients import vault_session
from app.views.clients.vault_panel import Page
from app.views.main_window import MainWindow

ADMIN_PASSWORD = "startup-admin-password-1"
PASSWORD = "startup-tech-password-1"
ITEMS = 100


@dataclass
class Spy:
    """Decryption calls by primitive, and `open_sealed` calls by the kind of their AAD
    (`hd1|<kind>|…`: field, bundle, device, grant)."""

    calls: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("open_field", "open_sealed", "open_grant", "open_bundle"), 0
        )
    )
    sealed_kinds: list[str] = field(default_factory=list)
    grant_aads: list[bytes] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.calls.values())

    @property
    def field_opens(self) -> int:
        return self.calls["open_field"] + self.sealed_kinds.count("field")


def _install_spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    spy = Spy()
    for name in spy.calls:
        real: Callable[..., Any] = getattr(crypto, name)

        def counting(*args: Any, _name: str = name, _real: Any = real, **kwargs: Any) -> Any:
            spy.calls[_name] += 1
            if _name == "open_sealed":
                aad = bytes(args[2] if len(args) > 2 else kwargs["aad"])
                spy.sealed_kinds.append(aad.split(b"|")[1].decode())
            elif _name == "open_grant":
                spy.grant_aads.append(bytes(args[2] if len(args) > 2 else kwargs["aad"]))
            return _real(*args, **kwargs)

        monkeypatch.setattr(crypto, name, counting)
    return spy


@dataclass
class Setup:
    core: Core
    me: TechnicianRow
    client_id: int
    vault_id: int
    keychain: DeviceKeychain


@pytest.fixture
def setup(fresh_db_url: str, tmp_path: Path) -> Iterator[Setup]:
    """A database with one client vault of 100 items granted to Tom, a technician."""
    clock = FakeClock()
    core = build_core(fresh_db_url, tmp_path / "data", clock=clock)
    db = core.db
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@startup.msp")
    tech_id = add_technician(db, "Tom Tech", email="tom@startup.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PASSWORD)
    tom = VaultService(db, tech_id, clock.now)
    tom.enrol(PASSWORD)
    tom.lock()
    admin.sign(tech_id, fingerprints_compared=True)
    client_id = add_client(db, "Hundred Items Ltd")
    vault_id = admin.create_vault(client_id)
    for n in range(ITEMS):
        admin.put_item(
            ItemDraft(
                vault_id=vault_id,
                label=f"Server {n:03d}",
                host=f"srv{n:03d}.hundred.example",
                port=3389,
                secrets={
                    "username": Secret(f"admin{n:03d}"),
                    "password": Secret(f"pw-{n:03d}-not-for-start-up"),
                    "notes": Secret(f"notes {n:03d}"),
                },
            )
        )
    admin.grant(vault_id, tech_id)
    admin.lock()
    backend = MemoryKeyring()
    keychain = DeviceKeychain(backend=backend, extra_allowed={type(backend)})
    me = next(t for t in core.directory.lookups().technicians if t.technician_id == tech_id)
    assert me.role is Role.TECHNICIAN
    yield Setup(core, me, client_id, vault_id, keychain)
    core.close()


def _start(
    qtbot, setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainWindow, TaskRunner]:
    # The window builds its own session; hand it this machine's (in-memory) keychain.
    monkeypatch.setattr(vault_session, "DeviceKeychain", lambda: setup.keychain)
    runner = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    settings = Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(setup.core, runner, ChangeNotifier(), settings, setup.me)
    qtbot.addWidget(window)
    window.show()
    return window, runner


def _open_credentials(qtbot, window: MainWindow, client_id: int) -> None:
    window.nav.setCurrentRow(1)
    view = window.clients_view
    view.select_client(client_id)
    qtbot.waitUntil(lambda: view.current_client_id() == client_id, timeout=5_000)
    assert view.vault_panel is not None
    view.tabs.setCurrentWidget(view.vault_panel)


def _audit_actions(setup: Setup) -> dict[str, int]:
    with setup.core.db.read() as s:
        rows = s.execute(select(VaultAudit.action, func.count()).group_by(VaultAudit.action)).all()
    return {action: n for action, n in rows}


def _assert_listed_without_decrypting(window: MainWindow, setup: Setup, spy: Spy) -> None:
    panel = window.clients_view.vault_panel
    assert panel is not None
    assert panel.current_page() is Page.ITEMS
    assert panel.model.rowCount() == ITEMS
    assert panel.table.model().rowCount() == ITEMS
    labels = [r.label for r in panel.model.rows()]
    assert labels == [f"Server {n:03d}" for n in range(ITEMS)]
    assert {r.has for r in panel.model.rows()} == {frozenset({"username", "password", "notes"})}
    # Touch every cell the list shows, as painting would.
    for row in range(panel.model.rowCount()):
        for column in range(panel.model.columnCount()):
            panel.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
    assert spy.field_opens == 0, spy
    assert spy.calls["open_field"] == 0
    # Listing needs no vault key: the client vault's grant was never opened.
    assert spy.calls["open_grant"] == 0, spy.grant_aads
    session = window.vault
    assert session.is_unlocked
    assert session.service.cache.vault_key(setup.vault_id, 1) is None
    actions = _audit_actions(setup)
    assert not {"view", "copy", "launch", "export", "totp"} & set(actions), actions


def test_start_locked_then_unlock_lists_100_items_without_decrypting_a_field(
    qtbot, setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _install_spy(monkeypatch)
    window, runner = _start(qtbot, setup, tmp_path, monkeypatch)
    try:
        _open_credentials(qtbot, window, setup.client_id)
        panel = window.clients_view.vault_panel
        assert panel is not None
        assert panel.current_page() is Page.UNLOCK
        assert spy.total == 0, spy  # start-up and the locked tab decrypt nothing at all
        qtbot.keyClicks(panel.password_edit, PASSWORD)
        qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.current_page() is Page.ITEMS, timeout=10_000)
        # The unlock opened Tom's password bundle, once; nothing else.
        assert spy.calls["open_bundle"] == 1
        assert spy.sealed_kinds == ["bundle"]
        _assert_listed_without_decrypting(window, setup, spy)
    finally:
        window.close()
        runner.shutdown()


def test_start_with_a_remembered_device_lists_100_items_without_decrypting_a_field(
    qtbot, setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A previous run remembered this device.
    clock = FakeClock()
    earlier = VaultService(setup.core.db, setup.me.technician_id, clock.now)
    devices.unlock_with_password(earlier, PASSWORD)
    devices.remember_device(earlier, setup.keychain, "tom-laptop")
    earlier.lock()

    spy = _install_spy(monkeypatch)
    window, runner = _start(qtbot, setup, tmp_path, monkeypatch)
    try:
        assert spy.total == 0, spy
        _open_credentials(qtbot, window, setup.client_id)
        panel = window.clients_view.vault_panel
        assert panel is not None
        qtbot.waitUntil(lambda: panel.current_page() is Page.ITEMS, timeout=10_000)
        # The device unlock opened the device bundle (one row, one key); nothing else.
        assert spy.calls["open_bundle"] == 1
        assert spy.sealed_kinds == ["device"]
        assert _audit_actions(setup).get("unlock", 0) == 2  # the earlier run's and this one
        _assert_listed_without_decrypting(window, setup, spy)
    finally:
        window.close()
        runner.shutdown()
