"""No secrets in logs, reprs or SQL errors (vault.md §14, second row), on both backends.

The service is driven through every path that touches plaintext (put, edit, unlock, and reveal
for view, copy, launch, export and totp) with the app's own logging at DEBUG, SQLAlchemy's
included, writing its real log file; then `caplog` and the file are searched for the secrets.
The reveal dialog and the clipboard get the same treatment in tests/views/test_vault_no_leaks.py.
"""

from __future__ import annotations

import logging
import pickle
import re
import traceback
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import LargeBinary, select
from sqlalchemy.exc import IntegrityError

from app.bootstrap import build_core
from app.db import Database
from app.models import (
    TechnicianDevice,
    TechnicianKeys,
    Vault,
    VaultAudit,
    VaultGrant,
    VaultItem,
    VaultSettings,
)
from app.models.enums import Role
from app.paths import AppPaths
from app.vault import crypto, devices
from app.vault.audit_log import AuditEntry
from app.vault.errors import WrongPassword
from app.vault.keychain import DeviceKeychain
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft, Purpose
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock, MemoryKeyring
from tests.vault import plaintexts as p

HIDDEN = "[SQL parameters hidden due to hide_parameters=True]"
#: A bytes literal or escape in a repr: b'…', b"…", \x01.
BYTES_REPR = re.compile(r"(?<![0-9A-Za-z_])b['\"]|\\x[0-9a-f]{2}")


@pytest.fixture(autouse=True)
def debug_caplog(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """caplog at DEBUG for the root logger and SQLAlchemy's (statements and result rows).

    Autouse, so it runs before `db` opens its connection: SQLAlchemy decides whether a
    connection logs when the connection is made."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    return caplog


def _keychain() -> DeviceKeychain:
    backend = MemoryKeyring()
    return DeviceKeychain(backend=backend, extra_allowed={type(backend)})


def _draft(vault_id: int, item_id: uuid.UUID | None = None, **secrets: Secret) -> ItemDraft:
    return ItemDraft(
        vault_id=vault_id,
        item_id=item_id,
        label=p.LABEL,
        host="sw01.acme-logs.example",
        port=22,
        secrets=secrets or p.secrets(),
    )


def _every_reveal(svc: VaultService, item_id: uuid.UUID) -> None:
    """view, copy, launch, export and totp, each audited, each returning the real value."""
    view = svc.reveal(item_id, tuple(p.SECRETS), Purpose("view", reason="leak check: view"))
    assert {k: v.reveal_text() for k, v in view.items()} == dict(p.SECRETS)
    copy = svc.reveal(item_id, ("password",), Purpose("copy", ticket_id=77, reason=""))
    launch = svc.reveal(
        item_id, ("username", "password", "private_key"), Purpose("launch", reason="leak check")
    )
    export = svc.reveal(item_id, tuple(p.SECRETS), Purpose("export", reason="leak check: pdf"))
    code = svc.reveal(item_id, ("totp",), Purpose("totp", reason="leak check: code"))
    assert copy["password"].reveal_text() == p.PASSWORD
    assert launch["private_key"].reveal_text() == p.PRIVATE_KEY
    assert export["notes"].reveal_text() == p.NOTES
    assert code["totp"].reveal_text() == p.TOTP_SEED
    # What a careless caller would log: the masks only.
    log = logging.getLogger("tests.vault.leaks")
    log.debug("revealed %s / %r / %s", view, copy["password"], f"{launch['password']}")
    log.info("export %s", export)


# --- logs ---------------------------------------------------------------------------------------


def test_put_unlock_reveal_copy_launch_log_no_plaintext(
    fresh_db_url: str, tmp_path: Path, debug_caplog: pytest.LogCaptureFixture
) -> None:
    paths = AppPaths.default(tmp_path / "data")
    clock = FakeClock()
    with p.debug_logging(paths) as log_file:
        core = build_core(fresh_db_url, paths.data_dir, clock=clock)
        try:
            assert core.db.engine.hide_parameters is True
            db = core.db
            admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@leaks.msp")
            tech_id = add_technician(db, "Tom Tech", email="tom@leaks.msp")
            admin = VaultService(db, admin_id, clock.now)
            kit = admin.set_up(p.ADMIN_PASSWORD)
            tech = VaultService(db, tech_id, clock.now)
            tech.enrol(p.VAULT_PASSWORD)
            tech.lock()
            admin.sign(tech_id, fingerprints_compared=True)
            vault_id = admin.create_vault(add_client(db, "Leak Check Ltd"))
            item_id = admin.put_item(_draft(vault_id))
            admin.grant(vault_id, tech_id)
            # A wrong password first: the failure path logs too.
            with pytest.raises(WrongPassword):
                tech.unlock(p.VAULT_PASSWORD + "x")
            devices.unlock_with_password(tech, p.VAULT_PASSWORD)
            devices.remember_device(tech, _keychain(), "leak-check workstation")
            _every_reveal(tech, item_id)
            tech.put_item(_draft(vault_id, item_id, password=Secret(p.NEW_PASSWORD)))
            rotated = tech.reveal(item_id, ("password",), Purpose("copy", reason="leak check"))
            assert rotated["password"].reveal_text() == p.NEW_PASSWORD
            tech.lock()
            admin.lock()
        finally:
            core.close()
        p.flush_logs()
        file_text = log_file.read_bytes()

    needles = p.needles({"recovery kit": kit.text()})
    # The logging was really on: statements, hidden parameters and result rows of the vault.
    assert b"INSERT INTO vault_item" in file_text
    assert HIDDEN.encode() in file_text
    assert b"Row (" in file_text
    assert "INSERT INTO vault_audit" in debug_caplog.text
    assert p.found(debug_caplog.text, needles) == []
    assert p.found(file_text, needles) == []
    for record in debug_caplog.records:
        assert p.found(repr(record.args), needles) == [], record.getMessage()[:200]


# --- reprs --------------------------------------------------------------------------------------


def _blob_forms(instance: object) -> dict[str, bytes]:
    """Every blob column value of an ORM instance, as bytes, hex and repr."""
    table = getattr(type(instance), "__table__")  # noqa: B009 - mypy sees no __table__
    out: dict[str, bytes] = {}
    for column in table.columns:
        if not isinstance(column.type, LargeBinary):
            continue
        value = getattr(instance, column.key)
        if value is None:
            continue
        raw = bytes(value)
        out.update(p.forms(f"{type(instance).__name__}.{column.key}", raw))
        out[f"{column.key} repr"] = repr(raw)[2:40].encode()
    return out


def test_the_reprs_of_vault_models_and_secrets_show_no_plaintext_or_blob(
    db: Database, clock: FakeClock, debug_caplog: pytest.LogCaptureFixture
) -> None:
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@leaks.msp")
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(p.ADMIN_PASSWORD)
    vault_id = admin.create_vault(add_client(db))
    draft = _draft(vault_id)
    item_id = admin.put_item(draft)
    admin.lock()
    devices.unlock_with_password(admin, p.ADMIN_PASSWORD)
    devices.remember_device(admin, _keychain(), "leak-check workstation")
    revealed = admin.reveal(item_id, tuple(p.SECRETS), Purpose("view", reason="repr check"))
    key = admin.cache.vault_key(vault_id, 1)
    assert key is not None
    needles = p.needles(
        {
            "vault key": key,
            "technician private key": admin.cache.private_key(),
            "org signing key": admin.cache.org_signing_key() or b"",
        }
    )

    seen: dict[str, int] = {}
    with db.read() as s:
        for model in (
            VaultItem,
            VaultGrant,
            TechnicianKeys,
            TechnicianDevice,
            VaultSettings,
            VaultAudit,
            Vault,
        ):
            rows: list[Any] = list(s.scalars(select(model)))
            seen[model.__name__] = len(rows)
            for row in rows:
                for text in (repr(row), str(row), f"{row}", "%s %r" % (row, row)):  # noqa: UP031
                    assert p.found(text, needles) == [], text
                    assert p.found(text, _blob_forms(row)) == [], text
                    assert not BYTES_REPR.search(text), text
    assert all(seen.values()), seen  # every model had rows to show

    # Secret, and the containers that carry it.
    for name, secret in revealed.items():
        for text in (repr(secret), str(secret), f"{secret}", f"{secret!r:>40}", "%s" % secret):  # noqa: UP031
            assert text.strip() == "Secret(***)", name
        with pytest.raises(TypeError):
            pickle.dumps(secret)
    for container in (revealed, draft, list(revealed.values()), admin.items(vault_id)):
        assert p.found(repr(container), needles) == []
        assert p.found(str(container), needles) == []
    for obj in (admin, admin.cache, Purpose("copy", reason="repr check")):
        assert p.found(repr(obj), needles) == []
    assert p.found(repr(AuditEntry("copy", admin_id, item_id=str(item_id))), needles) == []
    logging.getLogger("tests.vault.leaks").info("revealed: %s %r", revealed, draft)
    assert p.found(debug_caplog.text, needles) == []
    assert "Secret(***)" in debug_caplog.text


# --- SQL errors ---------------------------------------------------------------------------------


def test_a_forced_integrity_error_on_an_item_insert_carries_no_parameters(
    db: Database, clock: FakeClock, debug_caplog: pytest.LogCaptureFixture
) -> None:
    assert db.engine.hide_parameters is True
    admin_id = add_technician(db, role=Role.ADMIN)
    admin = VaultService(db, admin_id, clock.now)
    admin.set_up(p.ADMIN_PASSWORD)
    vault_id = admin.create_vault(add_client(db))
    item_id = admin.put_item(_draft(vault_id))
    key = admin.cache.vault_key(vault_id, 1)
    assert key is not None
    sealed = crypto.seal_field(
        key, p.PASSWORD.encode(), vault_id=vault_id, key_version=1, item_id=item_id,
        field="password",
    )  # fmt: skip
    label = "duplicate-label-marker-8861"
    host = "duplicate-host-marker-8862.example"
    debug_caplog.clear()

    # Same primary key, through the ORM, with a sealed blob and marked plaintext columns.
    with pytest.raises(IntegrityError) as info, db.write() as s:
        s.add(
            VaultItem(
                id=str(item_id), vault_id=vault_id, key_version=1, kind="password",
                label=label, host=host, url="https://duplicate-url-marker-8863.example",
                enc_password=sealed, enc_notes=sealed, updated_at=clock.now(),
            )
        )  # fmt: skip
        s.flush()

    error = info.value
    assert error.hide_parameters is True
    assert HIDDEN in str(error)
    texts = {
        "str": str(error),
        "repr": repr(error),
        "args": repr(error.args),
        "traceback": "".join(traceback.format_exception(error)),
        "orig": f"{error.orig!s} {error.orig!r} {getattr(error.orig, 'args', '')!r}",
        "log": debug_caplog.text,
    }
    markers = p.needles(
        {
            "label": label,
            "host": host,
            "url": "duplicate-url-marker-8863",
            "sealed blob": sealed,
            "sealed blob repr": repr(sealed)[2:40],
        }
    )
    leaks = {where: p.found(text, markers) for where, text in texts.items()}
    assert leaks == {where: [] for where in texts}
    # The statement itself is there: it is the parameters that are hidden.
    assert "INSERT INTO vault_item" in str(error)
    assert "INSERT INTO vault_item" in debug_caplog.text
