"""The first-run dialog in the GUI composition root: shown once, its choice saved and opened."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import application
from app.bootstrap import DB_URL_ENV, build_core
from app.paths import AppPaths

from app.views.setup import FirstRunDialog


def _when_shown(act) -> None:
    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, FirstRunDialog) and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_the_first_run_choice_is_saved_and_not_asked_again(
    qtbot, tmp_path: Path, runner, settings, monkeypatch
) -> None:
    monkeypatch.delenv(DB_URL_ENV, raising=False)
    paths = AppPaths(tmp_path / "data")
    _when_shown(lambda d: d.finish_button.click())
    target = application.choose_database(None, paths, runner, settings)
    assert isinstance(target, URL) and target.get_backend_name() == "sqlite"
    assert settings.prefs.database_url == str(paths.database_file.resolve())
    core = build_core(target, paths.data_dir)
    core.close()
    assert paths.database_file.exists()
    # Second start: no dialog (it would block this call), the saved path.
    assert application.choose_database(None, paths, runner, settings) == str(
        paths.database_file.resolve()
    )


def test_cancelling_the_first_run_exits(qtbot, tmp_path, runner, settings, monkeypatch) -> None:
    monkeypatch.delenv(DB_URL_ENV, raising=False)
    _when_shown(lambda d: d.reject())
    assert application.choose_database(None, AppPaths(tmp_path / "d"), runner, settings) == 0
    assert settings.prefs.database_url == ""


def test_db_and_env_skip_the_first_run(tmp_path, runner, settings, monkeypatch) -> None:
    paths = AppPaths(tmp_path / "data")
    monkeypatch.delenv(DB_URL_ENV, raising=False)
    assert application.choose_database("x.sqlite", paths, runner, settings) == "x.sqlite"
    monkeypatch.setenv(DB_URL_ENV, "postgresql+psycopg://u@h/d")
    assert application.choose_database(None, paths, runner, settings) == (
        "postgresql+psycopg://u@h/d"
    )
