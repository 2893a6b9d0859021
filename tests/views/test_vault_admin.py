"""The vault dashboard dialog against the real VaultService and VaultDashboard, on both
backends (vault.md §8.6, §8.7, §9)."""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from app.db import Database
from app.models.enums import Role
from app.reports.worklist_pdf import STATEMENT
from app.tasks import TaskRunner
from app.vault.audit_log import AuditEntry, append
from app.vault.dashboard import VaultDashboard
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

from app.views.clients.vault_session import VaultSession
from app.views.vault_admin.dashboard_models import BurstModel, DueModel, WorklistModel
from app.views.vault_admin.dashboard_window import (
    Tab,
    VaultDashboardDialog,
    open_vault_dashboard,
)

ADMIN_PW = "correct horse battery"
BOB_PW = "bob's vault password"


@dataclass
class Scene:
    admin: VaultService
    admin_id: int
    bob_id: int
    vault_id: int
    items: list[uuid.UUID]


@pytest.fixture
def scene(db: Database, clock: FakeClock) -> Scene:
    """Acme's vault with two items; Bob revealed the first, then was revoked."""
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    bob_id = add_technician(db, "Bob Tech", email="bob@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PW)
    bob = VaultService(db, bob_id, clock.now)
    bob.enrol(BOB_PW)
    admin.sign(bob_id, fingerprints_compared=True)
    vault_id = admin.create_vault(add_client(db, "Acme, Inc."))
    items = [
        admin.put_item(
            ItemDraft(vault_id=vault_id, label=label, secrets={"password": Secret("pw-" + label)})
        )
        for label in ('Domain "admin", main', "Firewall")
    ]
    admin.grant(vault_id, bob_id)
    bob.reveal(items[0], ("password",), Purpose("copy", reason="checking the backup job"))
    clock.advance(hours=1)
    admin.revoke_user(bob_id)
    return Scene(admin, admin_id, bob_id, vault_id, items)


def _dialog(qtbot, db: Database, scene: Scene, runner: TaskRunner, clock: FakeClock):
    dialog = VaultDashboardDialog(
        scene.admin, VaultDashboard(db, scene.admin_id, clock.now), runner, msp_name="Contoso IT"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_worklist_tab_lists_open_rows_under_the_statement(
    qtbot, db, scene, runner, clock
) -> None:
    dialog = _dialog(qtbot, db, scene, runner, clock)

    model = dialog.worklist_model
    assert dialog.tabs.tabText(Tab.WORKLIST) == "Rotation worklist (2)"
    cells = [
        [model.index(r, c).data() for c in (WorklistModel.Col.CLIENT, WorklistModel.Col.ITEM,
                                            WorklistModel.Col.BASIS)]
        for r in range(model.rowCount())
    ]  # fmt: skip
    assert cells == [
        ["Acme, Inc.", 'Domain "admin", main', "Revealed"],
        ["Acme, Inc.", "Firewall", "Could reveal"],
    ]
    assert dialog.findChild(type(dialog.status), "rotationWarning").text() == STATEMENT
    # Nothing offers to close a row by hand.
    assert not [b for b in dialog.findChildren(QPushButton) if "done" in b.text().lower()]


def test_a_changed_password_leaves_the_list_on_reload(qtbot, db, scene, runner, clock) -> None:
    dialog = _dialog(qtbot, db, scene, runner, clock)
    scene.admin.put_item(
        ItemDraft(vault_id=scene.vault_id, label="Firewall", item_id=scene.items[1],
                  secrets={"password": Secret("a new one")})
    )  # fmt: skip
    _click(qtbot, dialog.reload_button)
    assert dialog.tabs.tabText(Tab.WORKLIST) == "Rotation worklist (1)"


def test_export_writes_the_pdf_and_the_csv(
    qtbot, db, scene, runner, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, db, scene, runner, clock)
    asked: list[str] = []

    def save_as(_parent, _caption, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "worklist"), _filter  # no suffix typed: the dialog adds it

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    _click(qtbot, dialog.pdf_button)
    _click(qtbot, dialog.csv_button)

    assert asked[0].endswith("rotation-worklist-2026-03-02.pdf")
    assert (tmp_path / "worklist.pdf").read_bytes().startswith(b"%PDF")
    with (tmp_path / "worklist.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert [row[2] for row in table[1:]] == ['Domain "admin", main', "Firewall"]
    assert "worklist.csv" in dialog.status.text()


def test_a_cancelled_export_writes_nothing(
    qtbot, db, scene, runner, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, db, scene, runner, clock)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    _click(qtbot, dialog.pdf_button)
    assert dialog.status.text() == ""
    assert list(tmp_path.iterdir()) == []


def test_verify_shows_an_intact_chain(qtbot, db, scene, runner, clock) -> None:
    dialog = _dialog(qtbot, db, scene, runner, clock)
    dialog.tabs.setCurrentIndex(Tab.CHAIN)
    _click(qtbot, dialog.verify_button)
    assert dialog.chain_report is not None and dialog.chain_report.ok
    assert dialog.chain_result.text().startswith("The audit chain is intact:")


def test_a_burst_of_reveals_is_listed(qtbot, db, scene, runner, clock) -> None:
    for _ in range(21):
        with db.write() as s:
            append(s, AuditEntry("view", scene.admin_id, item_id=str(scene.items[0])), clock.now())
        clock.advance(minutes=1)
    dialog = _dialog(qtbot, db, scene, runner, clock)
    assert dialog.tabs.tabText(Tab.REVEALS) == "Reveal activity (1)"
    model = dialog.burst_model
    assert model.index(0, BurstModel.Col.TECHNICIAN).data() == "Ada Admin"
    assert model.index(0, BurstModel.Col.COUNT).data() == "21"


def test_rotate_now_rotates_a_key_due_and_reloads(qtbot, db, scene, runner, clock) -> None:
    clock.advance(days=366)
    dialog = _dialog(qtbot, db, scene, runner, clock)
    assert dialog.tabs.tabText(Tab.DUE) == "Keys due for rotation (1)"
    assert not dialog.rotate_button.isEnabled()  # nothing selected yet
    dialog.due_table.selectRow(0)

    _click(qtbot, dialog.rotate_button)

    assert "key version 3" in dialog.status.text()  # v2 came with Bob's revocation
    assert dialog.tabs.tabText(Tab.DUE) == "Keys due for rotation (0)"


def test_rotate_now_asks_for_an_unlocked_vault(qtbot, db, scene, runner, clock) -> None:
    clock.advance(days=366)
    scene.admin.lock()
    dialog = _dialog(qtbot, db, scene, runner, clock)
    dialog.tabs.setCurrentIndex(Tab.DUE)
    dialog.due_table.selectRow(0)
    assert not dialog.rotate_button.isEnabled()
    assert dialog.locked_note.isVisible()
    dialog.rotate_selected()
    assert "Unlock the vault first" in dialog.error.text()
    assert dialog.due_model.rowCount() == 1


def test_a_technician_is_refused(qtbot, db, scene, runner, clock) -> None:
    bob = VaultService(db, scene.bob_id, clock.now)
    dialog = VaultDashboardDialog(bob, VaultDashboard(db, scene.bob_id, clock.now), runner)
    qtbot.addWidget(dialog)
    assert dialog.error.text() == "Refused: administrators only."
    assert dialog.worklist_model.rowCount() == 0


def test_open_vault_dashboard_from_the_session(qtbot, scene, runner) -> None:
    session = VaultSession(scene.admin, clipboard_seconds=30)
    dialog = open_vault_dashboard(None, session, runner)
    qtbot.addWidget(dialog)
    session.setParent(dialog)
    assert dialog.isVisible()
    assert dialog.worklist_model.rowCount() == 2
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    session.lock_now()
    assert not dialog.rotate_button.isEnabled()


def test_the_models_pass_the_model_tester(qtmodeltester, db, scene, clock) -> None:
    dashboard = VaultDashboard(db, scene.admin_id, clock.now)
    clock.advance(days=400)
    worklist, bursts, due = WorklistModel(), BurstModel(), DueModel()
    worklist.set_rows(dashboard.worklist())
    bursts.set_rows(dashboard.heavy_revealers(since=clock.now() - dt.timedelta(days=500)))
    due.set_rows(dashboard.rotation_due())
    for model in (worklist, bursts, due):
        qtmodeltester.check(model)
