"""Review findings on `SessionService` / `ExternalLauncher` (remote.md §7, vault.md §8.5).

Each test shows one defect and fails until it is fixed. The desk (technicians, vault, client
"Acme", item "Domain admin", an RDP and an SSH record) is the one of the session tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from app.models import RemoteAccessRecord, RemoteSession
from app.remote.process import ProcessRunner
from app.remote.target import Target
from app.services import remote_records
from app.services.errors import PermissionDeniedError, ValidationError
from app.services.remote_launch import ExternalLauncher, LaunchEnv
from app.services.remote_sessions import LaunchBlocked, RecordNotTrusted
from tests.services import test_remote_sessions as sessions
from tests.services.test_remote_sessions import Desk, _require_permission, launch_audits

desk = sessions.desk
fast_kdf = sessions.fast_kdf

GOOD_PIN = ":".join(["5a"] * 32)
EVIL_PIN = ":".join(["e7"] * 32)


def test_remote_adhoc_launch_for_a_permission_rule_client_reveals_nothing(desk: Desk) -> None:
    """remote.md §7.1: "For a rule client, a launch without a ticket requires picking or creating
    one" — enforced in the service. `start(None, …, reason=…)` skips the gate entirely."""
    _require_permission(desk)
    record = desk.record()
    desk.tech.confirm_record(record)
    assert desk.tech.approval_missing(desk.ticket_id) == ("Any remote work",)

    with pytest.raises((LaunchBlocked, ValidationError, PermissionDeniedError)):
        desk.tech.start(
            None, record, "rdp-freerdp", client_id=desk.client_id, reason="routine maintenance"
        )
    assert launch_audits(desk.db) == 0


def _signed_rdp_with_pin(desk: Desk) -> str:
    record = desk.record()
    desk.tech.confirm_record(record)
    desk.tech.store_pin(record, cert_sha256=GOOD_PIN)
    assert desk.tech.record_state(record) == "signed"
    return record


def test_remote_record_whose_mac_a_dba_cleared_cannot_carry_injected_pins_or_policy_into_a_launch(
    desk: Desk,
) -> None:
    """vault.md §8.5: a record changed outside the app must not launch. A database-only attacker
    rewrites the pin and the policy (drives redirected) and sets `record_mac = NULL`: the record
    reads as "unsigned" (not "tampered"), any technician's routine "confirm the target" (which
    shows host, credential and gateway only) signs the attacker's pin and policy, and the launch
    uses them."""
    record = _signed_rdp_with_pin(desk)
    with desk.db.write() as s:
        s.execute(
            update(RemoteAccessRecord)
            .where(RemoteAccessRecord.id == record)
            .values(cert_sha256=EVIL_PIN, policy={"redirect_drives": True}, record_mac=None)
        )

    try:
        desk.tech.confirm_record(record)  # what the launcher does for an "unsigned" record
    except (PermissionDeniedError, RecordNotTrusted, ValidationError):
        return  # refused: the fix
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    # Confirming an unsigned record keeps neither: the next launch meets the server afresh.
    assert started.target.cert_sha256 != EVIL_PIN
    assert not started.target.policy.redirect_drives


def test_remote_rotation_does_not_turn_a_tampered_record_into_one_a_technician_may_launch(
    desk: Desk,
) -> None:
    """`record_macs.resign_in` clears the MAC of a record that failed to verify, which makes a
    tampered row "unsigned": confirmable by any technician without a reason. Before rotation
    only an admin could (with a reason, audited)."""
    record = _signed_rdp_with_pin(desk)
    with desk.db.write() as s:
        s.execute(
            update(RemoteAccessRecord).where(RemoteAccessRecord.id == record).values(port=3390)
        )
    assert desk.tech.record_state(record) == "tampered"
    with pytest.raises(PermissionDeniedError):
        desk.tech.confirm_record(record)

    vault_id = desk.admin._vault.vault_for_client(desk.client_id)
    assert vault_id is not None
    desk.admin._vault.rotate(vault_id, "scheduled")

    try:
        desk.tech.confirm_record(record)
    except (PermissionDeniedError, RecordNotTrusted, ValidationError):
        return  # still needs an admin's review: the fix
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    assert started.target.port == 3389, "the port a DBA injected is launched after rotation"


def test_launch_session_row_logs_the_verified_target_not_a_row_changed_after_the_mac_check(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TOCTOU in `SessionService.start`: the target is built from the verified snapshot, but the
    session row (target_host/port, item, key version) is written from a second read of the
    record after the reveal. A row rewritten in between makes the log name a host that was
    never connected to."""
    record = desk.record()
    desk.tech.confirm_record(record)
    real_build = remote_records.build_target

    def build_then_tamper(snapshot: RemoteAccessRecord, account: str | None) -> Target:
        with desk.db.write() as s:
            s.execute(
                update(RemoteAccessRecord)
                .where(RemoteAccessRecord.id == record)
                .values(host="decoy.example", port=3390)
            )
        return real_build(snapshot, account)

    monkeypatch.setattr(remote_records, "build_target", build_then_tamper)

    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")

    with desk.db.read() as s:
        row = s.get(RemoteSession, str(started.session_id))
        assert row is not None
        logged = (row.target_host, row.target_port)
    assert logged == (started.target.host, started.target.port)


def test_launch_planning_os_error_closes_the_session_row_instead_of_leaving_it_starting(
    desk: Desk, tmp_path: Path
) -> None:
    """`ExternalLauncher.run` closes the row only for `LaunchError`/`ValueError`. An `OSError`
    while planning (the private temp dir cannot be made, a full disk, a CredRead failure on
    Windows) propagates and the row stays `starting` forever."""
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the launch directory's parent should be")
    env = LaunchEnv(temp_dir=blocker / "launch", known_hosts=tmp_path / "kh", platform="darwin")
    launcher = ExternalLauncher(desk.tech, ProcessRunner(), env)
    record = desk.record()
    desk.tech.confirm_record(record)
    started = desk.tech.start(desk.ticket_id, record, "rdp-macos")

    with pytest.raises(Exception):  # noqa: B017 - whatever the error, the row must be closed
        launcher.run(started, desk.ticket_id)

    with desk.db.read() as s:
        row = s.get(RemoteSession, str(started.session_id))
        assert row is not None
        state = (row.outcome, row.ended_at is not None)
    assert state == ("failed", True)


def test_launch_of_a_record_whose_stored_target_is_not_launchable_reveals_nothing(
    desk: Desk,
) -> None:
    """remote.md §7.2: verify the MAC, *build the Target*, then reveal. `start` reveals first and
    validates the stored host/port/pins afterwards, so a record the form accepted but `Target`
    refuses (a scoped IPv6 address: the form's `ip_address` keeps `%eth0`, remote.md §1 rejects
    it) costs an audited `launch` reveal of the password, whose session id never gets a row."""

    with pytest.raises(ValidationError):  # the form refuses a scoped address now
        desk.save_remote(rdp=[{"host": "fe80::1%eth0", "credential": str(desk.item_id)}])
    record = desk.record()
    with desk.db.write() as s:  # as if stored before that check, or written in the database
        s.execute(
            update(RemoteAccessRecord)
            .where(RemoteAccessRecord.id == record)
            .values(host="fe80::1%eth0")
        )
    with pytest.raises(ValidationError):  # confirming validates like a launch
        desk.tech.confirm_record(record)
    with pytest.raises(RecordNotTrusted):
        desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    assert launch_audits(desk.db) == 0
