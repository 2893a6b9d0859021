"""FirstAdminDialog against the real AuthService on both backends, typed into with pytest-qt."""

from __future__ import annotations

from typing import Any

import pytest
from argon2 import PasswordHasher

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from app.db import Database
from app.models.enums import Role, Tier
from app.services.auth import PASSWORD_MIN, AuthService
from app.tasks import Lane, TaskRunner
from tests.factories import add_technician
from tests.fakes import FakeClock, InlineExecutor

from app.views.auth import FirstAdminDialog

#: Cheap parameters (1 pass, 8 KiB), so the suite does not spend seconds hashing.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse battery"


@pytest.fixture
def auth(db: Database, clock: FakeClock) -> AuthService:
    return AuthService(db, clock, CHEAP_HASHER)


@pytest.fixture
def dialog(qtbot, auth: AuthService, runner: TaskRunner) -> FirstAdminDialog:
    d = FirstAdminDialog(auth, runner)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _fill(
    qtbot,
    dialog: FirstAdminDialog,
    name: str = "Ada Admin",
    email: str = "ada@msp.example",
    password: str = PASSWORD,
    repeat: str | None = None,
) -> None:
    for editor, text in (
        (dialog.name_edit, name),
        (dialog.email_edit, email),
        (dialog.password_edit, password),
        (dialog.repeat_edit, password if repeat is None else repeat),
    ):
        editor.clear()
        qtbot.keyClicks(editor, text)


def _submit(qtbot, dialog: FirstAdminDialog) -> None:
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)


def _shown_errors(dialog: FirstAdminDialog) -> dict[str, str]:
    labels = {
        "name": dialog.name_error,
        "email": dialog.email_error,
        "password": dialog.password_error,
        "repeat": dialog.repeat_error,
        "general": dialog.general_error,
    }
    return {field: label.text() for field, label in labels.items() if label.isVisible()}


def test_the_dialog_explains_itself_and_masks_both_passwords(dialog: FirstAdminDialog) -> None:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "This is a new MSP Helpdesk database. Create the administrator account." in texts
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.repeat_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.focusWidget() is dialog.name_edit
    assert _shown_errors(dialog) == {}


def test_a_valid_form_creates_the_admin_and_accepts(
    qtbot, dialog: FirstAdminDialog, auth: AuthService
) -> None:
    _fill(qtbot, dialog)

    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        _submit(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    admin = dialog.technician
    assert admin is not None
    assert (admin.name, admin.email, admin.role, admin.tier) == (
        "Ada Admin",
        "ada@msp.example",
        Role.ADMIN,
        Tier.L3,
    )
    assert not auth.needs_first_admin()
    assert auth.sign_in("ada@msp.example", PASSWORD) == admin


def test_a_short_password_is_refused_before_calling_the_service(qtbot, auth: AuthService) -> None:
    write = InlineExecutor()
    runner = TaskRunner(executors={Lane.WRITE: write, Lane.READ: InlineExecutor()})
    try:
        d = FirstAdminDialog(auth, runner)
        qtbot.addWidget(d)
        d.show()
        _fill(qtbot, d, password="x" * (PASSWORD_MIN - 1))

        with qtbot.assertNotEmitted(d.accepted):
            _submit(qtbot, d)

        assert write.submitted == 0
        assert _shown_errors(d) == {"password": f"Use at least {PASSWORD_MIN} characters."}
        assert d.focusWidget() is d.password_edit
        assert auth.needs_first_admin()
    finally:
        runner.shutdown()


def test_mismatched_passwords_are_refused_before_calling_the_service(
    qtbot, dialog: FirstAdminDialog, auth: AuthService
) -> None:
    _fill(qtbot, dialog, repeat=PASSWORD + "!")

    with qtbot.assertNotEmitted(dialog.accepted):
        _submit(qtbot, dialog)

    assert _shown_errors(dialog) == {"repeat": "The passwords do not match."}
    assert dialog.focusWidget() is dialog.repeat_edit
    assert auth.needs_first_admin()
    # What the user typed stays, to be corrected.
    assert (dialog.name_edit.text(), dialog.password_edit.text()) == ("Ada Admin", PASSWORD)


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        pytest.param({"name": ""}, {"name": "This field is required."}, id="no-name"),
        pytest.param(
            {"email": "ada.example"},
            {"email": "Enter an e-mail address like name@example.com."},
            id="bad-email",
        ),
        pytest.param(
            {"name": "  ", "email": "nope"},
            {
                "name": "This field is required.",
                "email": "Enter an e-mail address like name@example.com.",
            },
            id="both",
        ),
    ],
)
def test_the_services_validation_shows_next_to_the_fields(
    qtbot,
    dialog: FirstAdminDialog,
    auth: AuthService,
    fields: dict[str, Any],
    errors: dict[str, str],
) -> None:
    _fill(qtbot, dialog, **fields)

    with qtbot.assertNotEmitted(dialog.accepted):
        _submit(qtbot, dialog)

    assert _shown_errors(dialog) == errors
    assert dialog.technician is None
    assert not dialog.is_busy()
    assert dialog.create_button.isEnabled()
    assert auth.needs_first_admin()


def test_errors_clear_when_the_form_is_corrected(
    qtbot, dialog: FirstAdminDialog, auth: AuthService
) -> None:
    _fill(qtbot, dialog, email="nope", repeat="different!")
    _submit(qtbot, dialog)
    assert set(_shown_errors(dialog)) == {"repeat"}
    _fill(qtbot, dialog, email="nope")
    _submit(qtbot, dialog)
    assert set(_shown_errors(dialog)) == {"email"}

    _fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        _submit(qtbot, dialog)

    assert _shown_errors(dialog) == {}


def test_an_existing_account_is_reported_and_nothing_is_created(
    qtbot, db: Database, dialog: FirstAdminDialog, auth: AuthService
) -> None:
    # Someone else finished the setup on the shared database meanwhile.
    add_technician(db, "Other Admin", role=Role.ADMIN)
    _fill(qtbot, dialog)

    with qtbot.assertNotEmitted(dialog.accepted):
        _submit(qtbot, dialog)

    assert _shown_errors(dialog) == {
        "general": "An account already exists on this database. Cancel, then sign in."
    }
    assert dialog.technician is None


def test_cancel_rejects_without_creating_anything(
    qtbot, dialog: FirstAdminDialog, auth: AuthService
) -> None:
    _fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert auth.needs_first_admin()


def test_the_button_says_it_is_busy_while_creating(qtbot, db: Database, clock: FakeClock) -> None:
    seen: list[tuple[bool, str]] = []

    class Watching(AuthService):
        def create_first_admin(self, name: str, email: str, password: str) -> Any:
            # Runs inline on the write lane: the dialog is in its busy state right now.
            seen.append((d.create_button.isEnabled(), d.create_button.text()))
            return super().create_first_admin(name, email, password)

    lanes = {lane: InlineExecutor() for lane in Lane}
    runner = TaskRunner(executors=lanes)
    try:
        d = FirstAdminDialog(Watching(db, clock, CHEAP_HASHER), runner)
        qtbot.addWidget(d)
        d.show()
        _fill(qtbot, d)
        with qtbot.waitSignal(d.accepted, timeout=1000):
            _submit(qtbot, d)
        assert seen == [(False, "Creating…")]
        assert lanes[Lane.WRITE].submitted == 1
    finally:
        runner.shutdown()
