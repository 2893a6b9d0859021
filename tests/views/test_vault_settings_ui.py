"""Vault settings in the Credentials tab, the clipboard time they drive, the local audit anchor
and "Verify audit chain", and the recovery kit PDF from the setup dialog (vault.md §8.1, §9,
§11), against the real services on both backends."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPushButton

from app.db import Database
from app.models import VaultAudit
from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.services.vault_settings import SETTINGS_ACTION, VaultSettingsService
from app.settings import Settings
from app.tasks import TaskRunner
from app.vault.audit import row_hash
from app.vault.audit_log import _COLUMNS
from app.vault.secret import Secret
from app.vault.service import VaultService
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

from app.views.clients.vault_panel import Page, VaultPanel
from app.views.clients.vault_session import VaultSession
from app.views.clients.vault_settings_dialog import VaultSettingsDialog

ADMIN_PASSWORD = "admin-vault-password-1"
PASSWORD = "alice-vault-password-1"
REWRITTEN = "The log was rewritten since this workstation last wrote to it"


@pytest.fixture
def board(qtbot):
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    yield clipboard
    clipboard.clear()


@dataclass
class Admin:
    service: VaultService
    panel: VaultPanel
    session: VaultSession


def _panel(qtbot, session: VaultSession, runner: TaskRunner, *, is_admin: bool) -> VaultPanel:
    panel = VaultPanel(session, runner, is_admin=is_admin)
    session.setParent(panel)
    qtbot.addWidget(panel)
    panel.show()
    return panel


@pytest.fixture
def admin(qtbot, db: Database, clock: FakeClock, runner: TaskRunner, settings: Settings) -> Admin:
    """Ada has set the vault up (so she is unlocked) and looks at a client with a vault."""
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    service = VaultService(db, admin_id, clock.now)
    service.set_up(ADMIN_PASSWORD)
    client_id = add_client(db)
    service.create_vault(client_id)
    session = VaultSession(service, settings=settings)
    panel = _panel(qtbot, session, runner, is_admin=True)
    panel.set_client(client_id)
    assert panel.current_page() is Page.ITEMS
    return Admin(service, panel, session)


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(qtbot, edit: QLineEdit, value: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, value)


def _open_settings(qtbot, admin: Admin) -> VaultSettingsDialog:
    assert admin.panel.settings_button.isVisible()
    _click(qtbot, admin.panel.settings_button)
    dialog = admin.panel.settings_dialog
    assert dialog is not None
    return dialog


def _my_last_row(db: Database, technician_id: int) -> tuple[int, bytes]:
    with db.read() as s:
        row = s.execute(
            select(VaultAudit.id, VaultAudit.row_hash)
            .where(VaultAudit.technician_id == technician_id)
            .order_by(VaultAudit.id.desc())
            .limit(1)
        ).one()
        return row[0], bytes(row[1])


def _drop_audit_triggers(db: Database) -> None:
    """In the test's own transaction, rolled back with it (only the owner could do this)."""
    with db.write() as s:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("DROP TRIGGER vault_audit_append_only ON vault_audit"))
        else:
            s.execute(text("DROP TRIGGER vault_audit_no_update"))
            s.execute(text("DROP TRIGGER vault_audit_no_delete"))


def _rewrite_chain_from(db: Database, row_id: int, reason: str) -> None:
    """What a superuser could do: edit a row, then recompute every hash after it."""
    _drop_audit_triggers(db)
    with db.write() as s:
        rows = s.scalars(select(VaultAudit).order_by(VaultAudit.id)).all()
        prev = bytes(32)
        for r in rows:
            if r.id == row_id:
                r.reason = reason
            if r.id >= row_id:
                values: dict[str, object] = {c: getattr(r, c) for c in _COLUMNS}
                values["prev_hash"] = prev
                r.prev_hash = prev
                r.row_hash = row_hash(prev, values)
            prev = bytes(r.row_hash)


# --- who sees the settings --------------------------------------------------------------------


def test_only_admins_get_the_vault_settings_button(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner, admin: Admin
) -> None:
    alice = VaultService(db, me.technician_id, clock.now)
    alice.enrol(PASSWORD)
    panel = _panel(qtbot, VaultSession(alice), runner, is_admin=False)
    panel.set_client(add_client(db))
    assert panel.current_page() is Page.ITEMS
    assert not panel.settings_button.isVisible()
    assert panel.open_settings_dialog() is None


# --- clipboard time ---------------------------------------------------------------------------


def test_the_vault_clipboard_time_drives_the_secure_clipboard(
    qtbot, db: Database, admin: Admin, board: QClipboard
) -> None:
    VaultSettingsService.of(admin.service).update(45, 20)
    admin.panel.reload()
    clipboard = admin.session.clipboard
    assert clipboard.seconds == 45
    assert admin.service.cache._idle_seconds == 20 * 60
    clipboard.copy_secret(Secret("Fw-p4ss-word!"))
    assert 40_000 < clipboard.remaining_ms() <= 45_000 * 1.05  # a coarse timer may round up
    # A value outside the range (written straight into the table) is clamped.
    with db.write() as s:
        s.execute(text("UPDATE vault_settings SET clipboard_seconds = 3600"))
    admin.panel.reload()
    assert clipboard.seconds == 120


def test_a_fixed_clipboard_time_given_to_the_session_wins(admin: Admin) -> None:
    session = VaultSession(admin.service, clipboard_seconds=12)
    VaultSettingsService.of(admin.service).update(45, 15)
    policy = VaultSettingsService.of(admin.service).policy()
    session.apply_policy(policy)
    assert session.clipboard.seconds == 12
    session.deleteLater()


# --- the settings dialog ----------------------------------------------------------------------


def test_the_dialog_refuses_9_and_121_and_saves_a_valid_pair(
    qtbot, db: Database, admin: Admin, settings: Settings
) -> None:
    dialog = _open_settings(qtbot, admin)
    assert (dialog.clipboard_edit.text(), dialog.idle_edit.text()) == ("30", "15")
    for bad in ("9", "121", "abc", ""):
        _type(qtbot, dialog.clipboard_edit, bad)
        _click(qtbot, dialog.save_button)
        assert dialog.clipboard_error.text() == "Type a whole number from 10 to 120."
        assert dialog.clipboard_edit.text() == bad  # kept as typed
    _type(qtbot, dialog.idle_edit, "241")
    _click(qtbot, dialog.save_button)
    assert dialog.idle_error.text() == "Type a whole number from 1 to 240."
    policy = VaultSettingsService.of(admin.service).policy()
    assert policy is not None and (policy.clipboard_seconds, policy.idle_lock_minutes) == (30, 15)

    _type(qtbot, dialog.clipboard_edit, "60")
    _type(qtbot, dialog.idle_edit, "5")
    _click(qtbot, dialog.save_button)
    assert dialog.clipboard_error.text() == dialog.idle_error.text() == ""
    assert dialog.saved_label.text() == "Saved."
    assert admin.session.clipboard.seconds == 60
    policy = VaultSettingsService.of(admin.service).policy()
    assert policy is not None and (policy.clipboard_seconds, policy.idle_lock_minutes) == (60, 5)
    # Audited, and the anchor moved to that row.
    last = _my_last_row(db, admin.service.technician_id)
    with db.read() as s:
        assert s.get(VaultAudit, last[0]).action == SETTINGS_ACTION  # type: ignore[union-attr]
    assert settings.vault_anchors.get(policy.database_uuid) == last


# --- the local anchor and verify --------------------------------------------------------------


def test_verify_passes_the_anchor_and_reports_an_intact_log(
    qtbot, db: Database, admin: Admin, settings: Settings
) -> None:
    policy = admin.session.policy
    assert policy is not None
    assert settings.vault_anchors.get(policy.database_uuid) is None  # nothing written here yet
    dialog = _open_settings(qtbot, admin)
    _click(qtbot, dialog.verify_button)
    assert dialog.verify_result.text().startswith("The audit log is intact:")
    assert "has not written to this log yet" in dialog.verify_result.text()
    anchor = settings.vault_anchors.get(policy.database_uuid)
    assert anchor == _my_last_row(db, admin.service.technician_id)  # the verify_chain row
    with qtbot.waitSignal(dialog.chain_verified, timeout=1_000) as signal:
        _click(qtbot, dialog.verify_button)
    assert signal.args[0].anchor_ok is True
    assert "still holds the last entry this workstation wrote" in dialog.verify_result.text()


def test_a_recomputed_chain_fails_on_the_anchor(
    qtbot, db: Database, admin: Admin, settings: Settings
) -> None:
    dialog = _open_settings(qtbot, admin)
    _type(qtbot, dialog.clipboard_edit, "40")
    _click(qtbot, dialog.save_button)
    policy = admin.session.policy
    assert policy is not None
    anchor = settings.vault_anchors.get(policy.database_uuid)
    assert anchor is not None
    _rewrite_chain_from(db, anchor[0], "nothing happened here")
    assert admin.service.verify_audit_chain().ok  # the chain alone looks fine
    _click(qtbot, dialog.verify_button)
    result = dialog.verify_result.text()
    assert REWRITTEN in result
    assert f"entry #{anchor[0]} is missing or different" in result
    assert "intact" not in result
    # The anchor stays as evidence: verifying again still fails.
    assert settings.vault_anchors.get(policy.database_uuid) == anchor
    _click(qtbot, dialog.verify_button)
    assert REWRITTEN in dialog.verify_result.text()


def test_a_deleted_last_row_fails_on_the_anchor(
    qtbot, db: Database, admin: Admin, settings: Settings
) -> None:
    dialog = _open_settings(qtbot, admin)
    _type(qtbot, dialog.idle_edit, "30")
    _click(qtbot, dialog.save_button)
    policy = admin.session.policy
    assert policy is not None
    anchor = settings.vault_anchors.get(policy.database_uuid)
    assert anchor is not None
    _drop_audit_triggers(db)
    with db.write() as s:
        s.execute(text("DELETE FROM vault_audit WHERE id >= :i"), {"i": anchor[0]})
    assert admin.service.verify_audit_chain().ok  # a shortened chain is still a chain
    _click(qtbot, dialog.verify_button)
    assert REWRITTEN in dialog.verify_result.text()


def test_anchors_are_kept_per_database(settings: Settings, tmp_path: Path) -> None:
    anchors = settings.vault_anchors
    digest = hashlib.sha256(b"x").digest()
    anchors.set("5F0C3B2E-8D5A-4C1E-9A57-2B7E1D0C9F13", 42, digest)
    assert anchors.get("5f0c3b2e-8d5a-4c1e-9a57-2b7e1d0c9f13") == (42, digest)
    assert anchors.get("00000000-0000-0000-0000-000000000000") is None
    settings.sync()
    again = Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    assert again.vault_anchors.get("5f0c3b2e-8d5a-4c1e-9a57-2b7e1d0c9f13") == (42, digest)
    settings.store.setValue("vault_anchors/11111111-1111-1111-1111-111111111111", "junk")
    assert anchors.get("11111111-1111-1111-1111-111111111111") is None
    with pytest.raises(ValueError):
        anchors.get("../prefs/language")


# --- recovery kit PDF -------------------------------------------------------------------------


@pytest.mark.poppler
def test_the_setup_dialog_saves_the_kit_as_a_pdf_where_the_user_chose(
    qtbot, db: Database, clock: FakeClock, runner: TaskRunner, tmp_path: Path
) -> None:
    exe = shutil.which("pdftotext")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    service = VaultService(db, admin_id, clock.now)
    panel = _panel(qtbot, VaultSession(service), runner, is_admin=True)
    panel.set_client(add_client(db))
    dialog = panel.open_setup_dialog()
    assert dialog is not None
    _type(qtbot, dialog.form.password_edit, ADMIN_PASSWORD)
    _type(qtbot, dialog.form.repeat_edit, ADMIN_PASSWORD)
    _click(qtbot, dialog.submit_button)
    groups = dialog.kit_edit.toPlainText().split()
    target = tmp_path / "chosen" / "kit"
    target.parent.mkdir()
    dialog.choose_pdf_path = lambda: ""  # cancelled: nothing written
    _click(qtbot, dialog.save_pdf_button)
    assert list(target.parent.iterdir()) == []
    dialog.choose_pdf_path = lambda: str(target)
    _click(qtbot, dialog.save_pdf_button)
    written = target.with_name("kit.pdf")
    assert list(target.parent.iterdir()) == [written]
    assert str(written) in dialog.pdf_label.text()
    done = subprocess.run([exe, str(written), "-"], capture_output=True, check=True, text=True)
    page = " ".join(done.stdout.split())
    assert " ".join(groups) in page
    policy = VaultSettingsService.of(service).policy()
    assert policy is not None and policy.database_uuid in page
    assert service.org_fingerprint() in page
    # The kit is still to be confirmed; finishing forgets it, PDF data included.
    assert not dialog.finish_button.isEnabled()
    _type(qtbot, dialog.confirm_edit, groups[-1])
    _click(qtbot, dialog.finish_button)
    assert dialog._sheet is None
