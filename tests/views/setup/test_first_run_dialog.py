"""FirstRunDialog driven like a user: the SQLite default, and the team database tested against
the real PostgreSQL server on loopback (success, and each failure the user can cause)."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton, QWidget

from app.paths import AppPaths
from app.services.db_connect import SslMode, team_url
from app.services.db_profile import (
    TEAM_PASSWORD_SERVICE,
    DatabaseKind,
    TeamPasswordStore,
    preference_key,
)
from app.settings import Settings
from app.tasks import Lane, TaskRunner
from tests.fakes import HeldExecutor, InlineExecutor, MemoryKeyring
from tests.fixtures.postgres import HOST, PostgresServer
from tests.services.test_db_connect import ROLE_PASSWORD, PasswordRole, password_role

from app.views.setup import FirstRunDialog

WRONG_PASSWORD = "N0t-the-r1ght-one"


@pytest.fixture(scope="module")
def role(pg_server: PostgresServer) -> Iterator[PasswordRole]:
    with password_role(pg_server) as r:
        yield r


@pytest.fixture(scope="module")
def owned_db(role: PasswordRole) -> str:
    """An empty database the role owns, shared by the tests that only connect to it."""
    return role.own_database()


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "data")


@pytest.fixture
def store(memory_keyring: MemoryKeyring) -> TeamPasswordStore:
    return TeamPasswordStore(memory_keyring, extra_allowed=[MemoryKeyring])


@pytest.fixture
def make_dialog(qtbot, runner: TaskRunner, paths: AppPaths, settings: Settings, store):
    def make(**kwargs) -> FirstRunDialog:
        kwargs.setdefault("password_store", store)
        dialog = FirstRunDialog(kwargs.pop("runner", runner), paths, settings, **kwargs)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


@pytest.fixture
def dialog(make_dialog) -> FirstRunDialog:
    return make_dialog()


@pytest.fixture
def secrets_watch(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def _click(qtbot, button: QWidget) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(qtbot, radio: QRadioButton) -> None:
    """Click the radio button on its indicator (its middle may be past the end of its text)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(6, radio.height() // 2))
    assert radio.isChecked()


def _fill(
    qtbot,
    dialog: FirstRunDialog,
    *,
    host: str = HOST,
    port: int = 5432,
    database: str = "helpdesk",
    user: str = "tech",
    password: str = "",
    ssl: SslMode = SslMode.PREFER,
) -> None:
    if not dialog.team_radio.isChecked():
        _choose(qtbot, dialog.team_radio)
    for edit, value in (
        (dialog.host_edit, host),
        (dialog.database_edit, database),
        (dialog.user_edit, user),
        (dialog.password_edit, password),
    ):
        edit.clear()
        qtbot.keyClicks(edit, value)
    dialog.port_spin.setValue(port)
    dialog.ssl_combo.setCurrentIndex(dialog.ssl_combo.findData(ssl.value))


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
    return port


def _assert_nowhere(secret: str, caplog: pytest.LogCaptureFixture, settings: Settings) -> None:
    """Not in the log, the preferences file, nor what the preferences give back."""
    assert secret not in caplog.text
    for record in caplog.records:
        assert secret not in record.getMessage()
    settings.sync()
    assert secret not in Path(settings.store.fileName()).read_text()
    assert secret not in settings.prefs.database_url


# --- just me on this computer -----------------------------------------------------------------


def test_just_me_is_the_default_and_names_the_file(dialog: FirstRunDialog, paths: AppPaths) -> None:
    assert dialog.solo_radio.isChecked()
    assert str(paths.database_file) in dialog.solo_note.text()
    assert not dialog.team_box.isVisible()
    assert dialog.finish_button.isEnabled()


def test_finish_on_the_default_chooses_the_sqlite_file(
    qtbot, dialog: FirstRunDialog, paths: AppPaths, settings: Settings, memory_keyring
) -> None:
    _click(qtbot, dialog.finish_button)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    target = dialog.target
    assert target is not None
    assert target.kind is DatabaseKind.SOLO and not target.is_team
    assert target.url.get_backend_name() == "sqlite"
    assert Path(target.url.database or "") == paths.database_file.resolve()
    assert settings.prefs.database_url == str(paths.database_file.resolve())
    assert memory_keyring.passwords == {}


def test_cancel_chooses_nothing(qtbot, dialog: FirstRunDialog, settings: Settings) -> None:
    dialog.reject()
    assert dialog.target is None
    assert settings.prefs.database_url == ""


# --- the team form ----------------------------------------------------------------------------


def test_the_team_form_asks_for_a_test_before_finish(qtbot, dialog: FirstRunDialog) -> None:
    _choose(qtbot, dialog.team_radio)
    assert dialog.team_box.isVisible()
    assert dialog.port_spin.value() == 5432
    assert dialog.ssl_mode() is SslMode.PREFER
    assert [dialog.ssl_combo.itemData(i) for i in range(dialog.ssl_combo.count())] == [
        "prefer",
        "require",
        "verify-full",
    ]
    assert not dialog.finish_button.isEnabled()
    _choose(qtbot, dialog.solo_radio)
    assert dialog.finish_button.isEnabled()


def test_missing_fields_are_named_and_nothing_is_tested(qtbot, make_dialog) -> None:
    lanes = {lane: InlineExecutor() for lane in Lane}
    runner = TaskRunner(executors=lanes)
    try:
        dialog = make_dialog(runner=runner)
        _fill(qtbot, dialog, host="db example", database="", user="")
        _click(qtbot, dialog.test_button)
        assert (
            dialog.host_error.text() == "A server name has no spaces and none of / @ ? # \\ ' \"."
        )
        assert dialog.database_error.text() == "Enter the database name."
        assert dialog.user_error.text() == "Enter the user name."
        assert lanes[Lane.READ].submitted == 0
        assert not dialog.finish_button.isEnabled()
        assert dialog.host_edit.text() == "db example"
    finally:
        runner.shutdown()


def test_the_dialog_shows_it_is_testing_until_the_answer_comes(qtbot, make_dialog) -> None:
    held = HeldExecutor()
    runner = TaskRunner(executors={Lane.READ: held, Lane.WRITE: InlineExecutor()})
    try:
        dialog = make_dialog(runner=runner)
        port = _closed_port()
        _fill(qtbot, dialog, port=port, password="pw-in-flight")
        _click(qtbot, dialog.test_button)
        assert dialog.is_testing()
        assert dialog.test_button.text() == "Testing…"
        assert not dialog.test_button.isEnabled()
        assert dialog.busy_bar.isVisible()
        assert dialog.host_edit.isReadOnly() and dialog.password_edit.isReadOnly()
        assert not dialog.finish_button.isEnabled()
        held.release_all()
        qtbot.waitUntil(lambda: not dialog.is_testing(), timeout=10_000)
        assert not dialog.busy_bar.isVisible()
        assert dialog.status_label.text() == (
            f"No server answers at {HOST}:{port}. Check the port and that PostgreSQL accepts "
            "network connections."
        )
        assert not dialog.host_edit.isReadOnly()
        assert dialog.password_edit.text() == "pw-in-flight"
    finally:
        runner.shutdown()


def test_cancel_while_testing_drops_the_late_answer(qtbot, make_dialog) -> None:
    held = HeldExecutor()
    runner = TaskRunner(executors={Lane.READ: held, Lane.WRITE: InlineExecutor()})
    try:
        dialog = make_dialog(runner=runner)
        _fill(qtbot, dialog, port=_closed_port())
        _click(qtbot, dialog.test_button)
        dialog.reject()
        held.release_all()
        qtbot.wait(20)
        assert dialog.target is None
        assert dialog.last_report is None
    finally:
        runner.shutdown()


def test_a_saved_team_url_fills_the_form(make_dialog) -> None:
    url = team_url("db.example.com", 6543, "desk", "tech", SslMode.REQUIRE)
    dialog = make_dialog(initial_url=url, notice="The saved team database did not open.")
    assert dialog.team_radio.isChecked()
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("db.example.com", 6543)
    assert (dialog.database_edit.text(), dialog.user_edit.text()) == ("desk", "tech")
    assert dialog.ssl_mode() is SslMode.REQUIRE
    assert dialog.password_edit.text() == ""
    assert dialog.status_label.text() == "The saved team database did not open."
    assert not dialog.finish_button.isEnabled()


def test_without_a_keychain_the_user_is_told(make_dialog, memory_keyring) -> None:
    # The in-memory backend, not on the allow-list: as on a machine with no OS keychain.
    dialog = make_dialog(password_store=TeamPasswordStore(memory_keyring))
    dialog.team_radio.setChecked(True)
    assert dialog.keychain_note.isVisible()


# --- against the real server ------------------------------------------------------------------


@pytest.mark.postgresql
def test_a_working_team_database_enables_finish_and_keeps_the_password_safe(
    qtbot,
    dialog: FirstRunDialog,
    role: PasswordRole,
    owned_db: str,
    settings,
    memory_keyring,
    secrets_watch,
) -> None:
    database = owned_db
    _fill(qtbot, dialog, port=role.server.port, database=database, user=role.name,
          password=ROLE_PASSWORD)  # fmt: skip
    _click(qtbot, dialog.test_button)
    assert dialog.status_label.text() == (
        f"Connected. The database {database} is empty: MSP Helpdesk will set it up when you "
        "click Finish."
    )
    assert dialog.finish_button.isEnabled()
    assert memory_keyring.passwords == {}  # not before Finish

    _click(qtbot, dialog.finish_button)
    target = dialog.target
    assert target is not None and target.is_team
    assert target.url.password == ROLE_PASSWORD  # in memory, for build_core
    bare = preference_key(target.url)
    assert ROLE_PASSWORD not in bare
    assert settings.prefs.database_url == bare
    assert make_url(bare).database == database
    assert memory_keyring.passwords == {(TEAM_PASSWORD_SERVICE, bare): ROLE_PASSWORD}
    assert dialog.password_saved
    assert dialog.password_edit.text() == ""
    _assert_nowhere(ROLE_PASSWORD, secrets_watch, settings)


@pytest.mark.postgresql
def test_editing_a_tested_field_asks_for_a_new_test(
    qtbot, dialog: FirstRunDialog, role: PasswordRole, owned_db: str
) -> None:
    _fill(qtbot, dialog, port=role.server.port, database=owned_db, user=role.name,
          password=ROLE_PASSWORD)  # fmt: skip
    _click(qtbot, dialog.test_button)
    assert dialog.finish_button.isEnabled()
    qtbot.keyClicks(dialog.password_edit, "x")
    assert not dialog.finish_button.isEnabled()
    assert dialog.status_label.text() == ""


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("case", "message", "focused"),
    [
        (
            "password",
            "The server did not accept user {user} with this password. Check the user name "
            "and the password.",
            "password_edit",
        ),
        (
            "port",
            "No server answers at 127.0.0.1:{port}. Check the port and that PostgreSQL "
            "accepts network connections.",
            "port_spin",
        ),
        (
            "database",
            "There is no database named no_such_db on 127.0.0.1. Check the name, or ask your "
            "database administrator to create it.",
            "database_edit",
        ),
        (
            "ssl",
            "The secure connection (SSL) failed: the server does not offer it, or its "
            "certificate is not trusted here. Try another SSL mode, or ask your database "
            "administrator.",
            "ssl_combo",
        ),
    ],
)
def test_each_failure_says_what_to_check_and_keeps_the_fields(
    qtbot,
    dialog: FirstRunDialog,
    role: PasswordRole,
    settings,
    memory_keyring,
    secrets_watch,
    case: str,
    message: str,
    focused: str,
) -> None:
    port = _closed_port() if case == "port" else role.server.port
    password = WRONG_PASSWORD if case == "password" else ROLE_PASSWORD
    database = "no_such_db" if case == "database" else "postgres"
    ssl = SslMode.REQUIRE if case == "ssl" else SslMode.PREFER
    _fill(qtbot, dialog, port=port, database=database, user=role.name, password=password,
          ssl=ssl)  # fmt: skip
    _click(qtbot, dialog.test_button)

    assert dialog.status_label.text() == message.format(user=role.name, port=port)
    assert dialog.detail_label.isVisible() and dialog.detail_label.text().startswith("Details: ")
    assert not dialog.finish_button.isEnabled()
    assert dialog.focusWidget() is getattr(dialog, focused)
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == (HOST, port)
    assert (dialog.database_edit.text(), dialog.user_edit.text()) == (database, role.name)
    assert dialog.password_edit.text() == password
    assert dialog.ssl_mode() is ssl
    assert memory_keyring.passwords == {}
    for secret in (password, ROLE_PASSWORD):
        assert secret not in dialog.status_label.text() + dialog.detail_label.text()
        _assert_nowhere(secret, secrets_watch, settings)


@pytest.mark.postgresql
def test_a_fixed_failure_can_be_tested_again(
    qtbot, dialog: FirstRunDialog, role: PasswordRole, owned_db: str
) -> None:
    _fill(qtbot, dialog, port=role.server.port, database=owned_db, user=role.name,
          password=WRONG_PASSWORD)  # fmt: skip
    _click(qtbot, dialog.test_button)
    assert not dialog.finish_button.isEnabled()
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, ROLE_PASSWORD)
    _click(qtbot, dialog.test_button)
    assert dialog.last_report is not None and dialog.last_report.ok
    assert dialog.finish_button.isEnabled()


@pytest.mark.postgresql
def test_without_a_keychain_finish_still_opens_the_database(
    qtbot, make_dialog, role: PasswordRole, owned_db: str, memory_keyring, settings
) -> None:
    dialog = make_dialog(password_store=TeamPasswordStore(memory_keyring))
    _fill(qtbot, dialog, port=role.server.port, database=owned_db, user=role.name,
          password=ROLE_PASSWORD)  # fmt: skip
    _click(qtbot, dialog.test_button)
    _click(qtbot, dialog.finish_button)
    assert dialog.target is not None and dialog.target.url.password == ROLE_PASSWORD
    assert not dialog.password_saved
    assert memory_keyring.passwords == {}
    assert ROLE_PASSWORD not in settings.prefs.database_url
