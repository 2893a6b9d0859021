"""Vault-wide settings and the local audit anchor helper, on both backends (vault.md §7.2, §9,
§11)."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.db import Database
from app.models import VaultAudit
from app.models.enums import Role
from app.services.errors import PermissionDeniedError, ValidationError
from app.services.vault_settings import (
    SETTINGS_ACTION,
    AuditAnchor,
    VaultPolicy,
    VaultSettingsService,
)
from app.vault.service import VaultService
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock

ADMIN_PASSWORD = "admin-vault-password-1"


@pytest.fixture
def admin(db: Database, clock: FakeClock) -> VaultService:
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    service = VaultService(db, admin_id, clock.now)
    service.set_up(ADMIN_PASSWORD)
    return service


def _last_audit(db: Database) -> VaultAudit:
    with db.read() as s:
        row = s.scalars(select(VaultAudit).order_by(VaultAudit.id.desc()).limit(1)).one()
        s.expunge(row)
        return row


def drop_audit_triggers(db: Database) -> None:
    """Inside the test's transaction (rolled back with it): only the owner could do this."""
    with db.write() as s:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("DROP TRIGGER vault_audit_append_only ON vault_audit"))
        else:
            s.execute(text("DROP TRIGGER vault_audit_no_update"))
            s.execute(text("DROP TRIGGER vault_audit_no_delete"))


def test_no_policy_before_setup(db: Database, clock: FakeClock) -> None:
    tech = add_technician(db, role=Role.ADMIN, email="x@test.msp")
    assert VaultSettingsService(db, tech, clock.now).policy() is None


def test_the_defaults_after_setup(admin: VaultService) -> None:
    policy = VaultSettingsService.of(admin).policy()
    assert policy is not None
    assert (policy.clipboard_seconds, policy.idle_lock_minutes) == (30, 15)
    assert len(policy.database_uuid) == 36


def test_an_admin_changes_both_values_and_the_change_is_audited(
    admin: VaultService, db: Database
) -> None:
    settings = VaultSettingsService.of(admin)
    before = settings.policy()
    assert before is not None
    saved = settings.update(45, 5)
    assert saved == VaultPolicy(before.database_uuid, 45, 5)
    assert settings.policy() == saved
    row = _last_audit(db)
    assert (row.action, row.technician_id) == (SETTINGS_ACTION, admin.technician_id)
    assert row.reason == "clipboard_seconds 30->45; idle_lock_minutes 15->5"
    assert admin.verify_audit_chain().ok
    # Saving the same values again writes no audit row.
    count = _last_audit(db).id
    settings.update(45, 5)
    assert _last_audit(db).id == count


@pytest.mark.parametrize(
    ("seconds", "minutes", "problems"),
    [
        (9, 15, {"clipboard_seconds"}),
        (121, 15, {"clipboard_seconds"}),
        (30, 0, {"idle_lock_minutes"}),
        (30, 241, {"idle_lock_minutes"}),
        (True, 15, {"clipboard_seconds"}),
        (5, 500, {"clipboard_seconds", "idle_lock_minutes"}),
    ],
)
def test_out_of_range_values_are_refused(
    admin: VaultService, seconds: int, minutes: int, problems: set[str]
) -> None:
    settings = VaultSettingsService.of(admin)
    with pytest.raises(ValidationError) as caught:
        settings.update(seconds, minutes)
    assert set(caught.value.problems) == problems
    policy = settings.policy()
    assert policy is not None
    assert (policy.clipboard_seconds, policy.idle_lock_minutes) == (30, 15)


def test_the_range_ends_are_accepted(admin: VaultService) -> None:
    settings = VaultSettingsService.of(admin)
    assert settings.update(10, 1).clipboard_seconds == 10
    assert settings.update(120, 240).idle_lock_minutes == 240


def test_a_technician_cannot_change_the_settings(
    admin: VaultService, db: Database, clock: FakeClock
) -> None:
    tech = add_technician(db, role=Role.TECHNICIAN, email="tech@test.msp")
    with pytest.raises(PermissionDeniedError):
        VaultSettingsService(db, tech, clock.now).update(60, 15)
    policy = VaultSettingsService.of(admin).policy()
    assert policy is not None and policy.clipboard_seconds == 30


# --- anchors ----------------------------------------------------------------------------------


def test_the_anchor_follows_my_last_row_and_never_moves_back(
    admin: VaultService, db: Database, clock: FakeClock
) -> None:
    settings = VaultSettingsService.of(admin)
    first = settings.advance_anchor(None)
    assert first.previous_intact is None
    assert first.anchor == settings.last_written()
    assert first.anchor is not None
    # Someone else's row does not move my anchor.
    other = add_technician(db, role=Role.ADMIN, email="other@test.msp")
    VaultService(db, other, clock.now).verify_audit_chain()
    assert settings.last_written() == first.anchor
    admin.create_vault(add_client(db))
    second = settings.advance_anchor(first.anchor)
    assert second.previous_intact is True
    assert second.anchor is not None and second.anchor.row_id > first.anchor.row_id
    assert second.anchor.row_hash == _last_audit_by(db, admin.technician_id).row_hash
    # An older anchor given later does not win over what is there.
    again = settings.advance_anchor(second.anchor)
    assert again.anchor == second.anchor
    assert admin.verify_audit_chain(second.anchor.as_tuple()).anchor_ok is True


def _last_audit_by(db: Database, technician_id: int) -> VaultAudit:
    with db.read() as s:
        row = s.scalars(
            select(VaultAudit)
            .where(VaultAudit.technician_id == technician_id)
            .order_by(VaultAudit.id.desc())
            .limit(1)
        ).one()
        s.expunge(row)
        return row


def test_a_deleted_anchor_row_is_kept_as_evidence(admin: VaultService, db: Database) -> None:
    settings = VaultSettingsService.of(admin)
    anchor = settings.advance_anchor(None).anchor
    assert anchor is not None
    drop_audit_triggers(db)
    with db.write() as s:
        s.execute(text("DELETE FROM vault_audit WHERE id = :i"), {"i": anchor.row_id})
    update = settings.advance_anchor(anchor)
    assert update == type(update)(anchor, previous_intact=False)
    report = admin.verify_audit_chain(anchor.as_tuple())
    assert report.anchor_ok is False
    assert not report.ok


def test_a_different_hash_at_the_anchor_id_is_kept_as_evidence(admin: VaultService) -> None:
    settings = VaultSettingsService.of(admin)
    anchor = settings.advance_anchor(None).anchor
    assert anchor is not None
    forged = AuditAnchor(anchor.row_id, bytes(32))
    assert settings.advance_anchor(forged).previous_intact is False
    assert admin.verify_audit_chain(forged.as_tuple()).anchor_ok is False
