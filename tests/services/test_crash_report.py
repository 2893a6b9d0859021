"""Crash reports: written for unhandled exceptions on any thread, private, and free of secrets."""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import __version__
from app.services.crash_report import (
    KEEP_REPORTS,
    CrashReporter,
    crash_reports,
    install_crash_handler,
    newest_crash_report,
    scrub,
    versions,
)

PASSWORD = "hunter2-crash-Pa55"
TOKEN = "tok-9f8e7d6c5b4a"
URL = f"postgresql+psycopg://helpdesk:{PASSWORD}@db.example.net:5432/helpdesk"


@pytest.fixture
def notified() -> list[Path]:
    """The paths `on_report` was called with."""
    return []


@pytest.fixture
def reporter(tmp_path: Path, notified: list[Path]) -> Iterator[CrashReporter]:
    installed = install_crash_handler(tmp_path / "logs", on_report=notified.append)
    try:
        yield installed
    finally:
        installed.uninstall()


def connect_to_the_database(url: str) -> None:
    vault_password = PASSWORD  # a local: never formatted into a report
    raise ConnectionError(f"could not connect to {url} with password={vault_password}")


def assert_private(path: Path) -> None:
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_crash_in_a_thread_writes_a_private_scrubbed_report(
    reporter: CrashReporter, notified: list[Path], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    thread = threading.Thread(target=connect_to_the_database, args=(URL,), name="db-probe")
    thread.start()
    thread.join()

    path = reporter.last_report
    assert path is not None and path.is_file()
    assert path.parent == reporter.logs_dir
    assert path.name.startswith("crash-") and path.name.endswith("Z.log")
    assert notified == [path]
    assert newest_crash_report(reporter.logs_dir) == path
    assert_private(path)
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text
    assert "in connect_to_the_database" in text
    assert (
        "ConnectionError: could not connect to postgresql+psycopg://helpdesk:***@db.example" in text
    )
    assert "Thread: db-probe" in text
    assert f"MSP Helpdesk: {__version__}" in text
    for label in ("Python", "Platform", "PySide6", "SQLAlchemy", "ReportLab", "paramiko"):
        assert f"\n{label}: " in text, label
    assert PASSWORD not in text
    # The app's log says where the report went, with the same scrubbed traceback.
    (record,) = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert str(path) in record.getMessage()
    assert "ConnectionError" in record.getMessage()
    assert PASSWORD not in caplog.text
    assert [p.name for p in reporter.logs_dir.iterdir()] == [path.name]  # no temp file left


def test_an_unhandled_exception_through_sys_excepthook_is_reported(
    reporter: CrashReporter,
) -> None:
    assert sys.excepthook == reporter._sys_hook
    try:
        try:
            connect_to_the_database(URL)
        except ConnectionError as error:
            raise RuntimeError(
                f"login failed: token: {TOKEN}, api_key='{TOKEN}' Authorization: Bearer {TOKEN}"
            ) from error
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    path = reporter.last_report
    assert path is not None
    assert_private(path)
    text = path.read_text(encoding="utf-8")
    assert "The above exception was the direct cause" in text
    assert "RuntimeError: login failed: token: *** api_key=*** Authorization: Bearer ***" in text
    assert PASSWORD not in text and TOKEN not in text


def test_uninstall_restores_the_previous_hooks(tmp_path: Path) -> None:
    before_sys, before_threading = sys.excepthook, threading.excepthook
    reporter = install_crash_handler(tmp_path)
    assert sys.excepthook != before_sys and threading.excepthook != before_threading
    reporter.uninstall()
    assert sys.excepthook == before_sys and threading.excepthook == before_threading


def test_ctrl_c_is_not_a_crash(reporter: CrashReporter, monkeypatch) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(reporter, "_previous_sys", lambda t, e, tb: seen.append(t))
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]
    assert crash_reports(reporter.logs_dir) == []


def test_an_unwritable_log_directory_reports_nothing_and_raises_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the directory should be")
    reporter = CrashReporter(blocker)
    try:
        connect_to_the_database(URL)
    except ConnectionError as error:
        assert reporter.report(type(error), error, error.__traceback__, "MainThread") is None
    assert reporter.last_report is None
    assert "could not write a crash report" in caplog.text
    assert PASSWORD not in caplog.text


def test_old_reports_are_pruned_and_the_newest_found(tmp_path: Path) -> None:
    start = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    ticks = iter(start + dt.timedelta(seconds=i) for i in range(1000))
    reporter = CrashReporter(tmp_path, now=lambda: next(ticks))
    error = ValueError("boom")
    paths = [
        reporter.report(ValueError, error, None, "MainThread") for _ in range(KEEP_REPORTS + 3)
    ]
    kept = crash_reports(tmp_path)
    assert len(kept) == KEEP_REPORTS
    assert kept == paths[3:]
    assert newest_crash_report(tmp_path) == paths[-1]
    assert newest_crash_report(tmp_path / "missing") is None


def test_scrub_masks_url_passwords_and_secret_values_only() -> None:
    assert scrub(URL) == "postgresql+psycopg://helpdesk:***@db.example.net:5432/helpdesk"
    assert scrub("dsn host=db password=s3cr3t user=bob") == "dsn host=db password=*** user=bob"
    assert scrub('{"client_secret": "abc", "name": "x"}') == '{"client_secret": ***, "name": "x"}'
    assert scrub("PASSWORD='a b c' next") == "PASSWORD=*** next"
    # An unquoted value runs to white space: a libpq password may hold ";", "&" or ",".
    assert scrub("refresh_token=abc&x=1 next") == "refresh_token=*** next"
    assert scrub("password=s3cr;et! host=db") == "password=*** host=db"
    # Not secrets: file names and words that merely mention one.
    line = '  File "/app/views/clients/vault_password_dialog.py", line 12, in unlock'
    assert scrub(line) == line
    assert scrub("sqlite:////data/helpdesk.sqlite") == "sqlite:////data/helpdesk.sqlite"
    assert scrub("wrong password for bob") == "wrong password for bob"


def test_versions_find_the_installed_qt_binding() -> None:
    """The app installs the PySide6-Essentials wheel: About must not say "not installed"."""
    import importlib.metadata

    assert versions()["PySide6"] == importlib.metadata.version("PySide6-Essentials")
