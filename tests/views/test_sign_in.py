"""SignInDialog against the real AuthService on both backends, typed into with pytest-qt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from argon2 import PasswordHasher

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from app.db import Database
from app.services.auth import AuthService
from app.services.errors import DatabaseUnavailableError
from app.tasks import Lane, TaskRunner
from tests.factories import add_technician
from tests.fakes import FakeClock, HeldExecutor, InlineExecutor

from app.views.auth import SignInDialog

#: Cheap parameters (1 pass, 8 KiB), so the suite does not spend seconds hashing.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"
WRONG = "E-mail or password is not correct."


@pytest.fixture
def auth(db: Database, clock: FakeClock) -> AuthService:
    return AuthService(db, clock, CHEAP_HASHER)


@pytest.fixture
def bob(db: Database) -> int:
    return add_technician(
        db, "Bob Peeters", email="bob@msp.example", password_hash=CHEAP_HASHER.hash(PASSWORD)
    )


@pytest.fixture
def make_dialog(qtbot, auth: AuthService, runner: TaskRunner) -> Callable[..., SignInDialog]:
    def make(remembered_email: str = "", **kwargs: Any) -> SignInDialog:
        dialog = SignInDialog(
            kwargs.get("auth", auth),
            kwargs.get("runner", runner),
            remembered_email=remembered_email,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


@pytest.fixture
def held_write(qtbot) -> Iterator[tuple[TaskRunner, HeldExecutor]]:
    write = HeldExecutor()
    runner = TaskRunner(executors={Lane.WRITE: write, Lane.READ: InlineExecutor()})
    yield runner, write
    runner.shutdown()


def _type_and_submit(qtbot, dialog: SignInDialog, email: str, password: str) -> None:
    if email:
        dialog.email_edit.clear()
        qtbot.keyClicks(dialog.email_edit, email)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_the_password_is_masked_and_the_button_waits_for_both_fields(
    qtbot, make_dialog: Callable[..., SignInDialog]
) -> None:
    dialog = make_dialog()

    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.focusWidget() is dialog.email_edit
    assert not dialog.sign_in_button.isEnabled()
    qtbot.keyClicks(dialog.email_edit, "bob@msp.example")
    assert not dialog.sign_in_button.isEnabled()
    qtbot.keyClicks(dialog.password_edit, "x")
    assert dialog.sign_in_button.isEnabled()


def test_a_remembered_email_is_filled_in_and_the_password_focused(
    make_dialog: Callable[..., SignInDialog],
) -> None:
    dialog = make_dialog("bob@msp.example")

    assert dialog.email_edit.text() == "bob@msp.example"
    assert dialog.focusWidget() is dialog.password_edit


def test_the_right_password_signs_in_and_accepts(
    qtbot, make_dialog: Callable[..., SignInDialog], bob: int
) -> None:
    dialog = make_dialog()
    emails: list[str] = []
    dialog.email_signed_in.connect(emails.append)

    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        _type_and_submit(qtbot, dialog, "  Bob@MSP.example ", PASSWORD)

    assert emails == ["bob@msp.example"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.technician is not None
    assert (dialog.technician.technician_id, dialog.technician.name) == (bob, "Bob Peeters")
    assert dialog.password_edit.text() == ""


def test_a_wrong_password_keeps_the_email_and_clears_the_password(
    qtbot, make_dialog: Callable[..., SignInDialog], bob: int
) -> None:
    dialog = make_dialog()

    with qtbot.assertNotEmitted(dialog.accepted):
        _type_and_submit(qtbot, dialog, "bob@msp.example", "not the password")

    assert dialog.isVisible()
    assert dialog.technician is None
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == WRONG
    assert dialog.email_edit.text() == "bob@msp.example"
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.sign_in_button.text() == "Sign in"
    assert not dialog.sign_in_button.isEnabled()  # until a password is typed again


def test_an_unknown_email_gets_the_same_message(
    qtbot, make_dialog: Callable[..., SignInDialog], bob: int
) -> None:
    dialog = make_dialog()
    _type_and_submit(qtbot, dialog, "nobody@msp.example", PASSWORD)

    assert dialog.error_label.text() == WRONG
    assert dialog.email_edit.text() == "nobody@msp.example"
    assert dialog.password_edit.text() == ""


def test_an_inactive_account_gets_the_same_message(
    qtbot, db: Database, make_dialog: Callable[..., SignInDialog]
) -> None:
    add_technician(
        db, email="gone@msp.example", active=False, password_hash=CHEAP_HASHER.hash(PASSWORD)
    )
    dialog = make_dialog()
    _type_and_submit(qtbot, dialog, "gone@msp.example", PASSWORD)

    assert dialog.error_label.text() == WRONG
    assert dialog.technician is None


def test_a_retry_after_a_failure_succeeds_and_hides_the_message(
    qtbot, make_dialog: Callable[..., SignInDialog], bob: int
) -> None:
    dialog = make_dialog("bob@msp.example")
    _type_and_submit(qtbot, dialog, "", "typo")
    assert dialog.error_label.isVisible()

    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        _type_and_submit(qtbot, dialog, "", PASSWORD)

    assert not dialog.error_label.isVisible()


def test_the_dialog_is_busy_while_signing_in(
    qtbot,
    make_dialog: Callable[..., SignInDialog],
    held_write: tuple[TaskRunner, HeldExecutor],
    bob: int,
) -> None:
    runner, write = held_write
    dialog = make_dialog(runner=runner)

    _type_and_submit(qtbot, dialog, "bob@msp.example", PASSWORD)

    assert len(write.held) == 1  # on the write lane: the service may rehash
    assert dialog.is_busy()
    assert not dialog.sign_in_button.isEnabled()
    assert dialog.sign_in_button.text() == "Signing in…"
    assert dialog.email_edit.isReadOnly() and dialog.password_edit.isReadOnly()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert len(write.held) == 1  # a second click submits nothing

    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        write.release_all()

    assert not dialog.is_busy()
    assert dialog.technician is not None


def test_cancelling_while_busy_drops_the_late_result(
    qtbot,
    make_dialog: Callable[..., SignInDialog],
    held_write: tuple[TaskRunner, HeldExecutor],
    bob: int,
) -> None:
    runner, write = held_write
    dialog = make_dialog(runner=runner)
    _type_and_submit(qtbot, dialog, "bob@msp.example", PASSWORD)

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    with qtbot.assertNotEmitted(dialog.accepted):
        write.release_all()

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.technician is None
    assert not dialog.is_busy()


def test_an_unreachable_database_is_not_reported_as_a_wrong_password(
    qtbot, db: Database, clock: FakeClock, make_dialog: Callable[..., SignInDialog]
) -> None:
    class Offline(AuthService):
        def sign_in(self, email: str, password: str) -> Any:
            raise DatabaseUnavailableError("connection refused")

    dialog = make_dialog(auth=Offline(db, clock, CHEAP_HASHER))
    _type_and_submit(qtbot, dialog, "bob@msp.example", PASSWORD)

    assert dialog.error_label.text() == "The database cannot be reached. Try again in a moment."
    assert dialog.password_edit.text() == PASSWORD  # worth retrying as typed
    assert dialog.sign_in_button.isEnabled()
