"""The GUI composition root: opening the database, and the sign-in flow before the main window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import application
from app.bootstrap import Core, build_core
from app.services.demo_data import DEMO_PASSWORD

from app.views.auth.first_admin_dialog import FirstAdminDialog
from app.views.auth.sign_in_dialog import SignInDialog


@pytest.fixture
def core(fresh_sqlite_url: str, tmp_path: Path) -> Iterator[Core]:
    c = build_core(fresh_sqlite_url, tmp_path / "data")
    yield c
    c.close()


def _when_shown(dialog_type: type, act) -> None:
    """Run `act(dialog)` once the modal dialog of `dialog_type` is on screen."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, dialog_type) and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_a_new_database_asks_for_the_first_admin(qtbot, core, runner, settings) -> None:
    def fill(dialog: FirstAdminDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "Morgan O'Brien")
        qtbot.keyClicks(dialog.email_edit, "Morgan@Example.com")
        qtbot.keyClicks(dialog.password_edit, "a long passphrase")
        qtbot.keyClicks(dialog.repeat_edit, "a long passphrase")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    _when_shown(FirstAdminDialog, fill)
    me = application.sign_in(core, runner, settings)
    assert me is not None
    assert (me.name, me.email, me.role.value) == ("Morgan O'Brien", "morgan@example.com", "admin")
    assert settings.prefs.remember_email == "morgan@example.com"
    assert not core.auth.needs_first_admin()


def test_an_existing_database_asks_to_sign_in_and_remembers_the_email(
    qtbot, core, runner, settings
) -> None:
    core.demo.seed(tickets=20)
    settings.prefs.remember_email = "alice@demo.msp"
    seen: list[str] = []

    def sign_in(dialog: SignInDialog) -> None:
        seen.append(dialog.email_edit.text())
        qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    _when_shown(SignInDialog, sign_in)
    me = application.sign_in(core, runner, settings)
    assert seen == ["alice@demo.msp"]
    assert me is not None and me.email == "alice@demo.msp"


def test_cancelling_sign_in_opens_nothing(qtbot, core, runner, settings) -> None:
    core.demo.seed(tickets=5)
    _when_shown(SignInDialog, lambda d: d.reject())
    assert application.sign_in(core, runner, settings) is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [(os.urandom(4096), "not a SQLite database"), (b"name,email\nx,y\n", "not a SQLite database")],
)
def test_a_file_that_is_not_a_database_gets_a_message_not_a_traceback(
    qtbot, tmp_path: Path, monkeypatch, content: bytes, expected: str
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "clients.sqlite"
    bad.write_bytes(content)
    assert application._open_core(str(bad), tmp_path / "data") == 1
    assert len(shown) == 1 and expected in shown[0]
    assert bad.read_bytes() == content  # nothing was written to the user's file


def test_an_unusable_data_folder_gets_a_message_not_a_traceback(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert application.run_gui(None, blocker / "data", "INFO") == 1
    assert len(shown) == 1 and "cannot use the data folder" in shown[0]
