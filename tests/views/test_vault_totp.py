"""TOTP seeds and notes in the credential dialogs (V1, V10), against the real VaultService on
both backends: stored normalised, kept on edit, never shown; codes computed at a fake time after
an audited `totp` reveal (vault.md §8.5)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app.db import Database
from app.models import VaultAudit
from app.models.enums import Role
from app.services.directory import TechnicianRow
from app.tasks import TaskRunner
from app.vault import totp
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, ItemRow, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

from app.views.clients.vault_item_dialog import AddCredentialDialog, EditCredentialDialog
from app.views.clients.vault_reveal_dialog import RevealDialog
from app.views.clients.vault_session import VaultSession

ADMIN_PASSWORD = "admin-vault-password-1"
PASSWORD = "alice-vault-password-1"
#: RFC 6238 Appendix B's SHA1 key "12345678901234567890" in Base32.
SEED_B32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
#: As a QR code gives it: 8 digits, so the RFC's code table applies as printed.
SEED_URI = f"otpauth://totp/ACME%20VPN:bob?secret={SEED_B32}&issuer=ACME%20VPN&digits=8"
STORED = f"otpauth://totp/?secret={SEED_B32}&algorithm=SHA1&digits=8&period=30"
NOTES = "VPN portal: MFA resets go through Dana (ext. 2231)."
#: Pieces of the seed that must never show up anywhere (either case).
SEED_PIECES = (SEED_B32, SEED_B32[:8], SEED_B32[8:16], "secret=")


def _at(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


@dataclass
class Env:
    session: VaultSession
    service: VaultService
    runner: TaskRunner
    clock: FakeClock
    vault_id: int
    #: Username, password, notes and a TOTP seed (stored normalised).
    vpn: uuid.UUID


@pytest.fixture
def env(
    qtbot, db: Database, clock: FakeClock, me: TechnicianRow, runner: TaskRunner
) -> Iterator[Env]:
    client_id = add_client(db, "Acme Logistics")
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(ADMIN_PASSWORD)
    alice = VaultService(db, me.technician_id, clock.now)
    alice.enrol(PASSWORD)
    admin.sign(me.technician_id, fingerprints_compared=True)
    vault_id = admin.create_vault(client_id)
    vpn = admin.put_item(
        ItemDraft(
            vault_id=vault_id,
            label="VPN portal",
            secrets={
                "username": Secret("bob"),
                "password": Secret("Vpn-p4ss-word!"),
                "notes": Secret(NOTES),
                "totp": Secret(STORED),
            },
        )
    )
    admin.grant(vault_id, me.technician_id)
    admin.lock()
    # Alice stays unlocked from her enrolment: no second Argon2 derivation.
    session = VaultSession(alice, clipboard_seconds=30)
    yield Env(session, alice, runner, clock, vault_id, vpn)
    # Deleted by Qt on this thread, never by a garbage collection on some worker thread later.
    session.deleteLater()


@pytest.fixture
def board(qtbot) -> Iterator[QClipboard]:
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    yield clipboard
    clipboard.clear()


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _row(env: Env, label: str) -> ItemRow:
    return next(r for r in env.service.items(env.vault_id) if r.label == label)


def _stored(env: Env, item_id: uuid.UUID, *fields: str) -> dict[str, str]:
    got = env.service.reveal(item_id, fields, Purpose("view", reason="checking the test"))
    return {k: v.reveal_text() for k, v in got.items()}


def _audit(db: Database) -> list[VaultAudit]:
    with db.read() as s:
        rows = list(s.scalars(select(VaultAudit).order_by(VaultAudit.id)))
        s.expunge_all()
        return rows


def _columns(row: VaultAudit) -> str:
    """Every column of an audit row, as text."""
    return repr({c.key: getattr(row, c.key) for c in VaultAudit.__table__.columns})


def _shown_texts(root: QWidget) -> list[str]:
    """Every text a user could see in `root` and its children (masked edits as displayed)."""
    texts = [root.windowTitle(), root.toolTip()]
    for w in [root, *root.findChildren(QWidget)]:
        texts.append(w.toolTip())
        if isinstance(w, QLineEdit):
            texts += [w.displayText(), w.placeholderText()]
        elif isinstance(w, QPlainTextEdit):
            texts += [w.toPlainText(), w.placeholderText()]
        elif isinstance(w, QLabel | QAbstractButton | QProgressBar):
            texts.append(w.text())
    return texts


def _assert_no_seed(texts: list[str]) -> None:
    for text in texts:
        for piece in SEED_PIECES:
            assert piece.lower() not in text.lower(), (piece, text)


def _open_reveal(qtbot, env: Env, label: str, **purpose: str) -> RevealDialog:
    dialog = RevealDialog(env.session, env.runner, _row(env, label), now=env.clock.now)
    qtbot.addWidget(dialog)
    dialog.show()
    if "ticket" in purpose:
        qtbot.keyClicks(dialog.ticket_edit, purpose["ticket"])
    qtbot.keyClicks(dialog.reason_edit, purpose.get("reason", ""))
    _click(qtbot, dialog.reveal_button)
    return dialog


# --- the item dialog --------------------------------------------------------------------------


def test_adding_stores_the_seed_normalised_and_the_notes(qtbot, env: Env, db: Database) -> None:
    dialog = AddCredentialDialog(env.session, env.runner, env.vault_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.totp_edit.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.totp_edit.placeholderText() == "Paste the Base32 key or otpauth:// link"
    qtbot.keyClicks(dialog.label_edit, "Backup console")
    qtbot.keyClicks(dialog.password_edit, "Bk-p4ss-word!")
    qtbot.keyClicks(dialog.totp_edit, SEED_URI)
    qtbot.keyClicks(dialog.notes_edit, "Console MFA is on the shared phone.")
    _assert_no_seed(_shown_texts(dialog))  # masked while typed
    with qtbot.waitSignal(dialog.saved, timeout=2_000) as saved:
        _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert dialog.totp_edit.text() == ""
    _assert_no_seed(_shown_texts(dialog))
    item_id = uuid.UUID(saved.args[0])
    assert _row(env, "Backup console").has == frozenset({"password", "notes", "totp"})
    assert _stored(env, item_id, "totp", "notes") == {
        "totp": STORED,
        "notes": "Console MFA is on the shared phone.",
    }
    _assert_no_seed([_columns(a) for a in _audit(db)])


def test_a_base32_key_as_typed_is_stored_as_the_canonical_uri(qtbot, env: Env) -> None:
    dialog = AddCredentialDialog(env.session, env.runner, env.vault_id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.label_edit, "Firewall")
    qtbot.keyClicks(dialog.totp_edit, "gezd gnbv gy3t qojq gezd gnbv gy3t qojq")
    with qtbot.waitSignal(dialog.saved, timeout=2_000) as saved:
        _click(qtbot, dialog.save_button)
    assert _stored(env, uuid.UUID(saved.args[0]), "totp") == {
        "totp": f"otpauth://totp/?secret={SEED_B32}&algorithm=SHA1&digits=6&period=30"
    }


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("not a seed!", "not a Base32 key"),
        ("JBSWY3DP", "too short"),
        ("otpauth://hotp/bob?secret=JBSWY3DPEHPK3PXP&counter=4", "counter-based (HOTP)"),
        ("otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&algorithm=MD5", "algorithm"),
        ("otpauth://totp/bob?issuer=ACME", "has no secret"),
    ],
)
def test_an_invalid_seed_is_refused_at_the_field_keeping_what_was_typed(
    qtbot, env: Env, db: Database, typed: str, says: str
) -> None:
    dialog = AddCredentialDialog(env.session, env.runner, env.vault_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.label_edit, "Broken MFA")
    qtbot.keyClicks(dialog.totp_edit, typed)
    audit_rows = len(_audit(db))
    _click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.totp_error.isVisible()
    assert says in dialog.totp_error.text()
    assert typed not in dialog.totp_error.text()
    assert dialog.totp_edit.text() == typed
    assert dialog.save_button.isEnabled()
    assert [r.label for r in env.service.items(env.vault_id)] == ["VPN portal"]
    assert len(_audit(db)) == audit_rows

    # Fixed in place, the same dialog saves.
    dialog.totp_edit.clear()
    qtbot.keyClicks(dialog.totp_edit, SEED_B32)
    with qtbot.waitSignal(dialog.saved, timeout=2_000):
        _click(qtbot, dialog.save_button)
    assert not dialog.totp_error.isVisible()


def test_the_seed_is_checked_when_focus_leaves_the_field(qtbot, env: Env) -> None:
    dialog = AddCredentialDialog(env.session, env.runner, env.vault_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.totp_edit, "otpauth://totp/bob?secret=JBSWY3DPEHPK3PXP&digits=12")
    dialog.totp_edit.editingFinished.emit()
    assert dialog.totp_error.text() == "The link asks for codes of other than 6 to 8 digits."
    dialog.totp_edit.clear()
    dialog.totp_edit.editingFinished.emit()
    assert not dialog.totp_error.isVisible()


def test_editing_with_an_empty_seed_keeps_it(qtbot, env: Env, db: Database) -> None:
    dialog = EditCredentialDialog(env.session, env.runner, _row(env, "VPN portal"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.totp_edit.text() == ""
    assert dialog.totp_edit.placeholderText() == "Leave empty to keep the current TOTP seed"
    assert dialog.notes_edit.placeholderText() == "Leave empty to keep the current notes"
    dialog.label_edit.clear()
    qtbot.keyClicks(dialog.label_edit, "VPN portal (EU)")
    with qtbot.waitSignal(dialog.saved, timeout=2_000):
        _click(qtbot, dialog.save_button)
    assert _stored(env, env.vpn, "totp", "notes") == {"totp": STORED, "notes": NOTES}
    assert [a.item_id for a in _audit(db) if a.action == "item_update"] == [str(env.vpn)]


def test_editing_with_a_new_seed_replaces_it(qtbot, env: Env) -> None:
    dialog = EditCredentialDialog(env.session, env.runner, _row(env, "VPN portal"))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.totp_edit, "JBSWY3DPEHPK3PXP")
    with qtbot.waitSignal(dialog.saved, timeout=2_000):
        _click(qtbot, dialog.save_button)
    assert _stored(env, env.vpn, "totp", "password") == {
        "totp": "otpauth://totp/?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30",
        "password": "Vpn-p4ss-word!",
    }


def test_an_item_without_a_seed_says_not_set(qtbot, env: Env) -> None:
    env.service.put_item(
        ItemDraft(vault_id=env.vault_id, label="Printer", secrets={"password": Secret("pr1nt")})
    )
    dialog = EditCredentialDialog(env.session, env.runner, _row(env, "Printer"))
    qtbot.addWidget(dialog)
    assert dialog.totp_edit.placeholderText() == "Not set"


# --- the reveal dialog ------------------------------------------------------------------------


def test_reveal_shows_the_notes_in_the_same_audited_view(qtbot, env: Env, db: Database) -> None:
    dialog = _open_reveal(qtbot, env, "VPN portal", reason="resetting bob's MFA")
    assert dialog.stack.currentIndex() == 1
    assert dialog.notes_view.isVisible()
    assert dialog.notes_view.isReadOnly()
    assert dialog.notes_view.toPlainText() == NOTES
    views = [(a.field, a.reason) for a in _audit(db) if a.action == "view"]
    assert views == [("username,password,notes", "resetting bob's MFA")]
    # The seed waits for "Show code": no totp row, and no code shown yet.
    assert [a for a in _audit(db) if a.action == "totp"] == []
    assert dialog.show_code_button.isVisible()
    assert not dialog.totp_panel.isVisible()
    _assert_no_seed(_shown_texts(dialog))


def test_without_notes_or_seed_neither_row_shows(qtbot, env: Env) -> None:
    env.service.put_item(
        ItemDraft(vault_id=env.vault_id, label="Printer", secrets={"password": Secret("pr1nt")})
    )
    dialog = _open_reveal(qtbot, env, "Printer", reason="printer maintenance")
    assert dialog.stack.currentIndex() == 1
    assert not dialog.notes_view.isVisible()
    assert not dialog.show_code_button.isVisible()


def test_show_code_reveals_the_seed_audited_and_shows_the_rfc_code(
    qtbot, env: Env, db: Database, board: QClipboard
) -> None:
    env.clock.set(_at(1111111109))
    dialog = _open_reveal(qtbot, env, "VPN portal", ticket="T-000042", reason="MFA reset")
    _click(qtbot, dialog.show_code_button)
    totp_rows = [a for a in _audit(db) if a.action == "totp"]
    assert [(a.field, a.ticket_id, a.reason, a.item_id) for a in totp_rows] == [
        ("totp", 42, "MFA reset", str(env.vpn))
    ]
    assert not dialog.show_code_button.isVisible()
    assert dialog.totp_panel.isVisible()
    # RFC 6238 Appendix B, SHA1 at 1111111109: 07081804, one second left in its period.
    assert dialog.totp_panel.code_label.text() == "0708 1804"
    assert dialog.totp_panel.countdown.value() == 1
    assert dialog.totp_panel.countdown.maximum() == 30
    assert dialog.totp_panel.countdown.text() == "1 s left"

    # The period ends: the next tick (the dialog's own timer) rolls to the next code.
    env.clock.set(_at(1111111111))
    qtbot.waitUntil(lambda: dialog.totp_panel.code_label.text() == "1405 0471", timeout=2_000)
    assert dialog.totp_panel.countdown.value() == 29

    _click(qtbot, dialog.totp_panel.copy_button)
    assert board.text() == "14050471"
    assert "Code copied" in dialog.copied_label.text()
    # Copying a code derived from the audited seed adds no row (see `_on_totp_copy_requested`).
    assert [a.action for a in _audit(db) if a.action in {"copy", "totp"}] == ["totp"]

    _assert_no_seed(_shown_texts(dialog))
    _assert_no_seed([_columns(a) for a in _audit(db)])


def test_closing_or_locking_forgets_the_seed(qtbot, env: Env) -> None:
    env.clock.set(_at(59))
    dialog = _open_reveal(qtbot, env, "VPN portal", reason="MFA reset")
    _click(qtbot, dialog.show_code_button)
    assert dialog.totp_panel.current_code() == "94287082"
    env.session.lock_now()
    assert not dialog.isVisible()
    assert not dialog.totp_panel.running
    assert dialog.totp_panel.current_code() == ""
    assert dialog.totp_panel.code_label.text() == ""
    assert dialog.notes_view.toPlainText() == ""


def test_an_item_with_only_a_seed_goes_straight_to_show_code(qtbot, env: Env, db: Database) -> None:
    env.service.put_item(
        ItemDraft(
            vault_id=env.vault_id,
            label="Cloud admin MFA",
            # Stored before the dialog normalised seeds: a bare Base32 key still works.
            secrets={"totp": Secret("gezdgnbvgy3tqojqgezdgnbvgy3tqojq")},
        )
    )
    env.clock.set(_at(59))
    dialog = _open_reveal(qtbot, env, "Cloud admin MFA", reason="MFA reset")
    assert dialog.stack.currentIndex() == 1
    assert [a for a in _audit(db) if a.action == "view"] == []
    _click(qtbot, dialog.show_code_button)
    assert dialog.totp_panel.code_label.text() == "287 082"


def test_a_stored_seed_that_does_not_parse_says_so(qtbot, env: Env) -> None:
    env.service.put_item(
        ItemDraft(vault_id=env.vault_id, label="Odd MFA", secrets={"totp": Secret("x!")})
    )
    dialog = _open_reveal(qtbot, env, "Odd MFA", reason="MFA reset")
    _click(qtbot, dialog.show_code_button)
    assert "not valid" in dialog.message.text()
    assert not dialog.totp_panel.running
    assert dialog.show_code_button.isEnabled()


def test_grouped_codes() -> None:
    from app.views.clients.vault_reveal_dialog import grouped

    assert [grouped(c) for c in ("287082", "1234567", "07081804")] == [
        "287 082",
        "123 4567",
        "0708 1804",
    ]
    assert totp.seconds_left(totp.parse(SEED_B32), _at(59)) == 1


def test_codes_default_to_the_real_clock_in_utc() -> None:
    from app.views.clients.vault_reveal_dialog import utc_now

    assert utc_now().tzinfo is dt.UTC
