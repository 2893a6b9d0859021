"""Regression test: the recovery kit PDF (the root key to every vault) is private on disk."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from app.reports.recovery_kit_pdf import RecoveryKitSheet, render_recovery_kit
from app.vault import crypto
from app.vault.recovery import recovery_kit


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_recovery_kit_pdf_is_private_to_the_user(tmp_path: Path) -> None:
    """render_recovery_kit lets ReportLab open(path, 'wb') under the process umask, so the kit
    lands 0644 (world-readable) while commit 6b80ec2 made the DB, backups and log 0600. Anyone
    with a shell on the workstation reads the key that opens every vault (vault.md §8.1)."""
    sk, _ = crypto.generate_x25519_keypair()
    kit = recovery_kit(1, sk)
    sheet = RecoveryKitSheet(kit.groups, kit.key_id, dt.datetime.now(dt.UTC))
    old = os.umask(0o022)
    try:
        target = tmp_path / "recovery-kit.pdf"
        render_recovery_kit(sheet, target)
    finally:
        os.umask(old)
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode & 0o077 == 0, f"recovery kit written with mode {oct(mode)}"
