"""app/views/backup_actions.py: the backup and restore actions, dialogs replaced by recorders.

The task runner runs inline (tests/views/conftest.py), so each slot has finished when it
returns; the database is a real SQLite file of the test's own (see tests/services/test_backup).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from app.db import Database, create_database_engine, head_revision, parse_database_target
from app.models.enums import Role, Tier
from app.paths import AppPaths
from app.services.directory import TechnicianRow
from app.tasks import TaskRunner
from tests.factories import add_client, add_ticket
from tests.fakes import FakeClock
from tests.services.test_backup import (
    PNG,
    UNKNOWN_REVISION,
    Live,
    counts,
    listing,
    make_live,
    migrated_file,  # noqa: F401 (a fixture)
    stamp,
)

from app.views.backup_actions import BackupActions, add_backup_actions
from app.views.main_actions import MainActions

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def live(tmp_path: Path, migrated_file: Path) -> Iterator[Live]:  # noqa: F811
    result = make_live(tmp_path / "data", migrated_file)
    yield result
    result.engine.dispose()


class Dialogs:
    """Stands in for QFileDialog and QMessageBox: answers given up front, calls recorded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.file: Path | None = None
        self.answer = Yes
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

        def chooser(kind: str) -> Any:
            def choose(*args: Any) -> tuple[str, str]:
                self.calls.append((kind, args))
                return (str(self.file) if self.file else "", "")

            return staticmethod(choose)

        def box(kind: str) -> Any:
            def show(*args: Any) -> QMessageBox.StandardButton:
                self.calls.append((kind, args))
                return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

            return staticmethod(show)

        monkeypatch.setattr(QFileDialog, "getSaveFileName", chooser("save"))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser("open"))
        for kind in ("question", "information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, box(kind))

    def kinds(self) -> list[str]:
        return [kind for kind, _args in self.calls]

    def text(self, kind: str) -> str:
        [args] = [args for k, args in self.calls if k == kind]
        return str(args[2])


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot) -> QMainWindow:
    w = QMainWindow()
    qtbot.addWidget(w)
    return w


def actions_for(live: Live, runner: TaskRunner, window: QMainWindow) -> BackupActions:
    return BackupActions(live.db, live.paths, runner, window, clock=FakeClock())


def test_backup_saves_where_the_user_chose(
    qtbot, live: Live, runner: TaskRunner, window: QMainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    actions = actions_for(live, runner, window)
    dialogs.file = tmp_path / "copy.sqlite"
    with qtbot.waitSignal(actions.backed_up) as signal:
        actions.backup()
    assert signal.args == [dialogs.file]
    assert dialogs.kinds() == ["save", "information"]
    suggested = Path(dialogs.calls[0][1][2])
    assert suggested == live.paths.backups_dir / "helpdesk-manual-20260302T090000Z.sqlite"
    assert counts(dialogs.file) == counts(live.file)
    assert str(dialogs.file) in dialogs.text("information")
    assert str(dialogs.file) in window.statusBar().currentMessage()
    assert not actions.is_busy()


def test_cancelling_the_save_dialog_does_nothing(
    live: Live, runner: TaskRunner, window: QMainWindow, dialogs: Dialogs
) -> None:
    actions = actions_for(live, runner, window)
    actions.backup()
    assert dialogs.kinds() == ["save"]
    assert listing(live.paths.backups_dir) == []
    assert runner.in_flight == 0


def test_a_failed_backup_is_one_clear_warning(
    qtbot, live: Live, runner: TaskRunner, window: QMainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    actions = actions_for(live, runner, window)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialogs.file = blocker / "copy.sqlite"
    with qtbot.waitSignal(actions.failed) as signal:
        actions.backup()
    assert dialogs.kinds() == ["save", "warning"]
    text = dialogs.text("warning")
    assert text == signal.args[0]
    assert "not backed up" in text and "Not a directory" in text
    assert "Traceback" not in text
    assert not actions.is_busy()


def test_restore_confirms_with_the_backup_s_contents_then_restores(
    qtbot, live: Live, runner: TaskRunner, window: QMainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    actions = actions_for(live, runner, window)
    backup = live.service.backup(tmp_path / "monday.sqlite")
    add_ticket(live.db, add_client(live.db))
    dialogs.file, dialogs.answer = backup, Yes
    with qtbot.waitSignal(actions.restored) as signal:
        actions.restore()
    assert dialogs.kinds() == ["open", "question", "information"]
    assert Path(dialogs.calls[0][1][2]) == live.paths.backups_dir
    question = next(args for kind, args in dialogs.calls if kind == "question")
    assert question[4] == No  # the default button
    text = str(question[2])
    assert str(live.file) in text and str(backup) in text and head_revision() in text
    assert "2 clients, 1 technicians, 3 tickets" in text
    result = signal.args[0]
    assert counts(live.file) == counts(backup)
    assert result.safety_backup is not None and result.safety_backup.exists()
    assert str(result.safety_backup) in dialogs.text("information")


def test_restore_answered_no_changes_nothing(
    qtbot, live: Live, runner: TaskRunner, window: QMainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    actions = actions_for(live, runner, window)
    backup = live.service.backup(tmp_path / "monday.sqlite")
    add_ticket(live.db, add_client(live.db))
    before = counts(live.file)
    dialogs.file, dialogs.answer = backup, No
    with qtbot.assertNotEmitted(actions.restored):
        actions.restore()
    assert dialogs.kinds() == ["open", "question"]
    assert counts(live.file) == before
    assert listing(live.paths.backups_dir) == []
    assert "nothing was changed" in window.statusBar().currentMessage()
    assert not actions.is_busy()


@pytest.mark.parametrize("kind", ["png", "newer"])
def test_a_bad_backup_file_is_refused_before_asking(
    qtbot,
    live: Live,
    runner: TaskRunner,
    window: QMainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    kind: str,
) -> None:
    actions = actions_for(live, runner, window)
    if kind == "png":
        bad = tmp_path / "photo.png"
        bad.write_bytes(PNG)
        expected = "not an MSP Helpdesk backup"
    else:
        bad = live.service.backup(tmp_path / "newer.sqlite")
        stamp(bad, UNKNOWN_REVISION)
        expected = "made by a newer version of MSP Helpdesk; upgrade the app"
    before = counts(live.file)
    dialogs.file = bad
    with qtbot.waitSignal(actions.failed), qtbot.assertNotEmitted(actions.restored):
        actions.restore()
    assert dialogs.kinds() == ["open", "warning"]
    assert expected in dialogs.text("warning")
    assert counts(live.file) == before
    assert listing(live.paths.backups_dir) == []


def test_postgresql_shows_the_pg_dump_pointer(
    qtbot, runner: TaskRunner, window: QMainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    # No connection is made: the URL alone says the data is on a server.
    engine = create_database_engine(
        parse_database_target("postgresql+psycopg://tech@127.0.0.1:1/helpdesk")
    )
    actions = BackupActions(Database(engine), AppPaths(tmp_path), runner, window)
    actions.backup()
    actions.restore()
    assert dialogs.kinds() == ["information", "information"]
    for _kind, args in dialogs.calls:
        assert "pg_dump -Fc -f FILE" in str(args[2]) and "pg_restore" in str(args[2])
    assert runner.in_flight == 0
    engine.dispose()


@pytest.mark.parametrize("role", [Role.ADMIN, Role.TECHNICIAN])
def test_menu_actions_sit_in_the_database_menu_and_report_a_restore(
    qtbot,
    live: Live,
    runner: TaskRunner,
    window: QMainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    role: Role,
) -> None:
    me = TechnicianRow(1, "Alice Martin", "alice@test.msp", Tier.L1, role, True)
    menu_actions = MainActions(window, me)
    backup = actions_for(live, runner, window)
    refreshed: list[bool] = []
    backing_up, restoring = add_backup_actions(
        menu_actions, backup, on_restored=lambda _result: refreshed.append(True)
    )
    database_menu = menu_actions.menu("Data&base")
    assert database_menu.actions() == [backing_up, restoring]
    assert backing_up.isVisible() and backing_up.isEnabled()
    assert restoring.isVisible() is (role is Role.ADMIN)

    dialogs.file = live.service.backup(tmp_path / "copy.sqlite")
    backing_up.trigger()
    restoring.trigger()  # disabled for everyone but administrators: then nothing happens
    if role is Role.ADMIN:
        assert dialogs.kinds() == ["save", "information", "open", "question", "information"]
        assert refreshed == [True]
    else:
        assert dialogs.kinds() == ["save", "information"]
        assert refreshed == []
