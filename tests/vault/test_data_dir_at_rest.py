"""No plaintext at rest in the app's data directory after a stub launch (vault.md §14, first row:
"every file under the app data dir after a stub launch").

A launch without the GUI: `build_core` on a fresh data dir (the default SQLite file there), the
app's own log file at DEBUG with SQLAlchemy's statements and rows, a local settings ini holding
the audit anchor, and a backup made the way upgrades make them. The vault is set up, an item
stored, revealed and copied through the service; then every file under the directory is read
while the WAL still holds the transactions, and again after everything is closed.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QSettings

from app.bootstrap import build_core, configure_logging
from app.db import backup_sqlite_file
from app.models import VaultItem
from app.models.enums import Role
from app.paths import AppPaths
from app.services.directory import DirectoryService
from app.services.vault_settings import VaultSettingsService
from app.settings import Settings
from app.vault import devices
from app.vault.keychain import DeviceKeychain
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client
from tests.fakes import FakeClock, MemoryKeyring
from tests.vault import plaintexts as p

SIGN_IN_PASSWORD = "sign-in password for sam 1"


def _scan(root: Path, needles: dict[str, bytes]) -> dict[str, list[str]]:
    """Needles found, by file (relative path); files without any are left out."""
    hits = {}
    for path, data in p.files_under(root).items():
        found = p.found(data, needles)
        if found:
            hits[str(path.relative_to(root))] = found
    return hits


def test_no_file_under_the_data_dir_holds_plaintext_after_a_stub_launch(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    paths = AppPaths.default(data_dir)
    clock = FakeClock()
    with p.debug_logging(paths) as log_file:
        core = build_core(data_dir=data_dir, clock=clock)
        try:
            assert core.db.url.database == str(paths.database_file)
            assert core.db.engine.hide_parameters is True
            # Single-user mode: the first admin (created as the app does) sets the vault up.
            me = core.auth.create_first_admin("Sam Solo", "sam@leaks.msp", SIGN_IN_PASSWORD)
            assert me.role is Role.ADMIN
            svc = VaultService(core.db, me.technician_id, clock.now)
            kit = svc.set_up(p.VAULT_PASSWORD)
            vault_id = svc.create_vault(add_client(core.db, "At Rest Ltd"))
            item_id = svc.put_item(
                ItemDraft(vault_id=vault_id, label=p.LABEL, host="10.0.4.1", secrets=p.secrets())
            )
            svc.lock()
            devices.unlock_with_password(svc, p.VAULT_PASSWORD)
            backend = MemoryKeyring()
            devices.remember_device(
                svc, DeviceKeychain(backend=backend, extra_allowed={type(backend)}), "laptop"
            )
            view = svc.reveal(item_id, tuple(p.SECRETS), Purpose("view", reason="at rest"))
            assert {k: v.reveal_text() for k, v in view.items()} == p.SECRETS
            copy = svc.reveal(item_id, ("password",), Purpose("copy", reason="at rest"))
            assert copy["password"].reveal_text() == p.PASSWORD
            svc.put_item(
                ItemDraft(
                    vault_id=vault_id, item_id=item_id, label=p.LABEL, host="10.0.4.1",
                    secrets={"password": Secret(p.NEW_PASSWORD)},
                )
            )  # fmt: skip

            # Local settings in the data dir: the remembered e-mail and the audit anchor.
            settings = Settings(QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat))
            settings.prefs.remember_email = "sam@leaks.msp"
            anchors = VaultSettingsService.of(svc)
            policy = anchors.policy()
            update = anchors.advance_anchor(None)
            assert policy is not None and update.anchor is not None
            settings.vault_anchors.set(
                policy.database_uuid, update.anchor.row_id, update.anchor.row_hash
            )
            settings.sync()
            # A backup as an upgrade writes it (sqlite3 backup API, WAL included).
            backup_sqlite_file(paths.database_file, paths.backups_dir / "helpdesk-test.sqlite")

            needles = p.needles(
                {
                    "recovery kit": kit.text(),
                    "sign-in password": SIGN_IN_PASSWORD,
                    "technician private key": svc.cache.private_key(),
                    "org signing key": svc.cache.org_signing_key() or b"",
                    "vault key": svc.cache.vault_key(vault_id, 1) or b"",
                }
            )
            with core.db.read() as s:
                assert s.scalar(select(VaultItem.label)) == p.LABEL
            assert DirectoryService(core.db).clients("At Rest")
            svc.lock()
            p.flush_logs()
            # While the pool holds its connection the WAL has not been checkpointed away.
            wal = paths.database_file.with_name(paths.database_file.name + "-wal")
            assert wal.is_file() and wal.stat().st_size > 0
            open_hits = _scan(tmp_path, needles)
        finally:
            core.close()
        p.flush_logs()

    files = p.files_under(tmp_path)
    names = {str(path.relative_to(tmp_path)) for path in files}
    assert {
        "data/helpdesk.sqlite",
        "data/logs/helpdesk.log",
        "data/ui.ini",
        "data/backups/helpdesk-test.sqlite",
    } <= names
    # The scans see the data: plaintext metadata is in the database, the backup and the log.
    for name in ("data/helpdesk.sqlite", "data/backups/helpdesk-test.sqlite"):
        assert p.LABEL.encode() in files[tmp_path / name], name
    assert b"INSERT INTO vault_item" in log_file.read_bytes()
    assert open_hits == {}
    assert _scan(tmp_path, needles) == {}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_sqlite_file_the_app_creates_is_private_to_the_user(tmp_path: Path) -> None:
    """vault.md §4 "the SQLite file is created 0600 (POSIX)", §10 "file mode 0600 in the user
    profile": under the usual umask 022 the new database and its WAL/SHM files are 0600."""
    data_dir = tmp_path / "data"
    previous = os.umask(0o022)
    try:
        core = build_core(data_dir=data_dir, clock=FakeClock())
        try:
            core.auth.create_first_admin("Sam Solo", "sam@leaks.msp", SIGN_IN_PASSWORD)
            database = AppPaths.default(data_dir).database_file
            modes = {
                path.name: stat.S_IMODE(path.stat().st_mode)
                for path in (database, database.with_name(database.name + "-wal"))
                if path.exists()
            }
        finally:
            core.close()
    finally:
        os.umask(previous)
    assert database.name in modes
    assert modes == dict.fromkeys(modes, 0o600), {k: oct(v) for k, v in modes.items()}


def test_logs_backups_and_folders_are_private_too(tmp_path: Path) -> None:
    """The log names clients and hosts, a backup is the whole database: same rule as the file."""
    data_dir = tmp_path / "data"
    paths = AppPaths.default(data_dir)
    previous = os.umask(0o022)
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        configure_logging(paths)
        logging.getLogger("test").warning("a line in the log file")
        core = build_core(data_dir=data_dir, clock=FakeClock())
        core.close()
        backup = backup_sqlite_file(paths.database_file, paths.backups_dir / "copy.sqlite")
        files = [paths.logs_dir / "helpdesk.log", backup]
        folders = [paths.data_dir, paths.backups_dir, paths.logs_dir]
        modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in files + folders}
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        os.umask(previous)
    assert modes == {
        "helpdesk.log": 0o600,
        "copy.sqlite": 0o600,
        "data": 0o700,
        "backups": 0o700,
        "logs": 0o700,
    }, {k: oct(v) for k, v in modes.items()}
