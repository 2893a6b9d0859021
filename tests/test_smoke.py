"""Smoke tests: the package imports, the command runs, and the suite's sandbox is in place."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import keyring
import platformdirs

import app
from app.paths import APP_AUTHOR, APP_NAME
from tests.fakes import MemoryKeyring

#: The console script pip installed next to this interpreter (`.venv/bin/helpdesk`).
HELPDESK = Path(sys.executable).with_name("helpdesk.exe" if os.name == "nt" else "helpdesk")


def test_version_is_a_release_number() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:[.-]?\w+)?", app.__version__)


def test_models_import_and_describe_tables() -> None:
    from app.models import Base

    assert {"client", "ticket", "technician"} <= set(Base.metadata.tables)


def test_core_imports_without_qt() -> None:
    # A fresh interpreter: this test process may already have Qt loaded by other tests.
    code = (
        "import sys, app.db, app.models, app.paths, app.services.clock\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(loaded)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_helpdesk_command_reports_its_version() -> None:
    assert HELPDESK.is_file(), f"{HELPDESK} missing: run `make venv` (pip install -e .)"
    out = subprocess.run([str(HELPDESK), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert app.__version__ in out.stdout


def test_user_dirs_point_into_the_test_sandbox(user_home: Path) -> None:
    assert Path.home() == user_home
    assert Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)).is_relative_to(user_home)
    assert Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)).is_relative_to(user_home)


def test_keyring_is_in_memory(memory_keyring: MemoryKeyring) -> None:
    keyring.set_password("msp-helpdesk", "device", "unlock-key")
    assert keyring.get_keyring() is memory_keyring
    assert memory_keyring.passwords == {("msp-helpdesk", "device"): "unlock-key"}
