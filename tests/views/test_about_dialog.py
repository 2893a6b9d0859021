"""The About dialog: versions, the database in use without its password, paths; Copy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication

import app
from app.db import Database, head_revision
from app.paths import AppPaths

from app.views.about_dialog import AboutDialog

PASSWORD = "About-hunter2-pw"


def open_about(qtbot, db: Database, tmp_path: Path, runner) -> AboutDialog:
    dialog = AboutDialog(db, AppPaths(tmp_path / "data"), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_versions_database_revision_and_paths(qtbot, db, tmp_path, runner) -> None:
    dialog = open_about(qtbot, db, tmp_path, runner)
    text = dialog.text()
    assert dialog.info is not None
    assert f"MSP Helpdesk: {app.__version__}" in " ".join(text.split())
    for label in ("Python", "Qt", "PySide6", "SQLAlchemy", "ReportLab", "paramiko"):
        assert f"\n{label}:" in "\n" + text, label
    assert qVersion() in text
    assert f"Backend: {db.backend}" in text
    assert f"Schema revision: {head_revision()} (up to date)" in text
    assert f"Data directory: {tmp_path / 'data'}" in text
    assert f"Log file: {tmp_path / 'data' / 'logs' / 'helpdesk.log'}" in text
    assert app.__version__ in dialog.title.text()


@pytest.mark.postgresql
def test_the_database_password_is_hidden_and_copy_puts_the_text_on_the_clipboard(
    qtbot,
    tmp_path: Path,
    runner,
    fresh_postgresql_url: str,
    make_engine: Callable[[str], Engine],
) -> None:
    # The test server trusts every local user, so a password in the URL still connects.
    url = make_url(fresh_postgresql_url).set(password=PASSWORD)
    db = Database(make_engine(url.render_as_string(hide_password=False)))
    assert PASSWORD in db.url.render_as_string(hide_password=False)
    dialog = open_about(qtbot, db, tmp_path, runner)
    text = dialog.text()
    assert f"Database: postgresql+psycopg://{url.username}:***@{url.host}:{url.port}/" in text
    assert PASSWORD not in text
    assert "Schema revision: none (empty database)" in text
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    try:
        assert dialog.copy_button.isEnabled()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert clipboard.text() == text
        assert PASSWORD not in clipboard.text()
    finally:
        clipboard.clear()


def test_a_failed_read_names_the_failure_only(qtbot, tmp_path, runner) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'no such dir' / 'x.sqlite'}")
    db = Database(engine)
    dialog = open_about(qtbot, db, tmp_path, runner)
    assert dialog.info is None
    assert dialog.text().startswith("Could not read the database details: ")
    assert not dialog.copy_button.isEnabled()
    engine.dispose()
