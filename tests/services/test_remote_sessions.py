"""Launching remote sessions (remote.md §7, vault.md §8.5): records from the data-capture form,
record MACs, the permission gate, the audited launch reveal and the session log. Both backends."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select, update

from app.db import Database
from app.models import (
    RemoteAccessRecord,
    RemoteSession,
    TicketEvent,
    VaultAudit,
)
from app.models.enums import EventKind, Role
from app.services.errors import PermissionDeniedError, ValidationError
from app.services.onboarding import OnboardingService
from app.services.remote_records import records
from app.services.remote_sessions import LaunchBlocked, RecordNotTrusted, SessionService
from app.services.ticket_approvals import ApprovalService
from app.vault.secret import Secret
from app.vault.service import VaultService
from app.vault.types import ItemDraft
from tests import vault_speed
from tests.factories import add_client, add_contact, add_technician, add_ticket
from tests.fakes import FakeClock

SECRET = "Launch-Pa55-9d1e!"
HOST_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"


#: Vault flows, not the KDF, are under test here.
fast_kdf = vault_speed.fast_kdf


@dataclass
class Desk:
    db: Database
    clock: FakeClock
    admin_id: int
    tech_id: int
    admin: SessionService
    tech: SessionService
    client_id: int
    item_id: uuid.UUID
    ticket_id: int

    def save_remote(self, **rows: list[dict[str, str]]) -> None:
        form = OnboardingService(self.db, self.clock)
        version = form.form(self.client_id).sections["remote"].version
        form.save_section(self.client_id, "remote", rows, version, self.tech_id)

    def record(self, protocol: str = "rdp") -> str:
        with self.db.read() as s:
            return next(r.record_id for r in records(s, self.client_id) if r.protocol == protocol)


@pytest.fixture
def desk(db: Database, clock: FakeClock) -> Desk:
    admin_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    tech_id = add_technician(db, "Tom Tech", email="tom@test.msp")
    admin_vault = VaultService(db, admin_id, clock.now)
    admin_vault.set_up("correct horse battery")
    tech_vault = VaultService(db, tech_id, clock.now)
    tech_vault.enrol("tom's vault password")
    admin_vault.sign(tech_id, fingerprints_compared=True)
    client_id = add_client(db, "Acme")
    vault_id = admin_vault.create_vault(client_id)
    admin_vault.grant(vault_id, tech_id)
    item_id = admin_vault.put_item(
        ItemDraft(
            vault_id=vault_id,
            label="Domain admin",
            secrets={"username": Secret("ACME\\administrator"), "password": Secret(SECRET)},
        )
    )
    ticket_id = add_ticket(db, client_id=client_id)
    d = Desk(
        db, clock, admin_id, tech_id,
        SessionService(db, clock, admin_vault), SessionService(db, clock, tech_vault),
        client_id, item_id, ticket_id,
    )  # fmt: skip
    d.save_remote(
        rdp=[{"host": "ts01.acme.example", "credential": str(item_id)}],
        ssh=[{"host": "10.0.0.7", "port": "2222", "auth": "password",
              "credential": str(item_id)}],
    )  # fmt: skip
    return d


def launch_audits(db: Database) -> int:
    with db.read() as s:
        return (
            s.scalar(
                select(func.count()).select_from(VaultAudit).where(VaultAudit.action == "launch")
            )
            or 0
        )


def timeline(db: Database, ticket_id: int) -> list[str]:
    with db.read() as s:
        return list(
            s.scalars(
                select(TicketEvent.body)
                .where(
                    TicketEvent.ticket_id == ticket_id,
                    TicketEvent.kind == EventKind.REMOTE_SESSION,
                )
                .order_by(TicketEvent.id)
            )
        )


def test_saving_the_remote_section_writes_unsigned_launch_records(desk: Desk) -> None:
    with desk.db.read() as s:
        views = records(s, desk.client_id)
    assert [(v.protocol, v.host, v.port) for v in views] == [
        ("rdp", "ts01.acme.example", 3389),
        ("ssh", "10.0.0.7", 2222),
    ]
    assert [v.credential_label for v in views] == ["Domain admin", "Domain admin"]
    assert not any(v.signed for v in views)
    assert desk.tech.record_state(views[0].record_id) == "unsigned"


def test_connect_options_list_records_then_vpn_and_tool_instructions(desk: Desk) -> None:
    form = OnboardingService(desk.db, desk.clock).form(desk.client_id).sections["remote"].data
    assert form is not None
    desk.save_remote(
        rdp=list(form["rdp"]),
        vpn=[{"type": "wireguard", "endpoint": "vpn.acme.example",
              "instructions": "Import the profile from the wiki", "credential": str(desk.item_id)}],
        tools=[{"name": "AnyDesk", "identifier": "123 456 789"}],
    )  # fmt: skip

    options = desk.tech.options(desk.client_id)

    assert [r.title for r in options.records] == ["RDP — ts01.acme.example"]
    assert [(i.kind, i.title, i.credential_label) for i in options.instructions] == [
        ("vpn", "VPN (wireguard) — vpn.acme.example", "Domain admin"),
        ("tool", "AnyDesk — 123 456 789", ""),
    ]
    assert options.instructions[0].text == "Import the profile from the wiki"


def test_an_unsigned_record_is_refused_before_any_reveal_until_confirmed(desk: Desk) -> None:
    record = desk.record()
    with pytest.raises(RecordNotTrusted) as refused:
        desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    assert not refused.value.tampered
    assert launch_audits(desk.db) == 0

    desk.tech.confirm_record(record)
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")

    assert (started.target.host, started.target.port) == ("ts01.acme.example", 3389)
    assert (started.target.domain, started.target.user) == ("ACME", "administrator")
    assert started.secrets["password"].reveal_text() == SECRET
    assert "username" not in started.secrets
    with desk.db.read() as s:
        audit = s.scalars(select(VaultAudit).where(VaultAudit.action == "launch")).one()
        row = s.get(RemoteSession, str(started.session_id))
        assert row is not None
        assert audit.session_id == str(started.session_id)
        assert audit.ticket_id == desk.ticket_id
        assert (row.outcome, row.method, row.item_id) == (
            "starting",
            "rdp-freerdp",
            str(desk.item_id),
        )
        assert "administrator" not in row.detail and SECRET not in row.detail
    assert timeline(desk.db, desk.ticket_id) == [
        "Started RDP (FreeRDP) to ts01.acme.example:3389 as «Domain admin»"
    ]


def test_a_record_changed_in_the_database_is_refused_and_only_an_admin_re_signs_it(
    desk: Desk,
) -> None:
    record = desk.record()
    desk.tech.confirm_record(record)
    with desk.db.write() as s:
        s.execute(
            update(RemoteAccessRecord)
            .where(RemoteAccessRecord.id == record)
            .values(host="evil.example")
        )

    with pytest.raises(RecordNotTrusted) as refused:
        desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    assert refused.value.tampered
    assert desk.tech.record_state(record) == "tampered"
    assert launch_audits(desk.db) == 0
    with pytest.raises(PermissionDeniedError):
        desk.tech.confirm_record(record, reason="looks fine to me")
    with pytest.raises(ValidationError):
        desk.admin.confirm_record(record)

    desk.admin.confirm_record(record, reason="host moved, checked with client")
    assert desk.tech.record_state(record) == "signed"


def test_editing_the_target_in_the_form_needs_a_new_confirmation_and_drops_pins(
    desk: Desk,
) -> None:
    record = desk.record("ssh")
    desk.tech.confirm_record(record)
    desk.tech.store_pin(record, ssh_host_key=HOST_KEY)
    assert desk.tech.record_state(record) == "signed"
    form = OnboardingService(desk.db, desk.clock).form(desk.client_id).sections["remote"].data
    assert form is not None
    rows = {k: list(v) for k, v in form.items() if isinstance(v, list)}
    rows["ssh"] = [dict(rows["ssh"][0], host="10.0.0.8")]
    desk.save_remote(**rows)

    assert desk.tech.record_state(record) == "unsigned"
    with desk.db.read() as s:
        stored = s.get(RemoteAccessRecord, record)
        assert stored is not None
        assert (stored.host, stored.ssh_host_key) == ("10.0.0.8", "")


def test_removing_a_row_removes_its_record(desk: Desk) -> None:
    ssh = desk.record("ssh")
    form = OnboardingService(desk.db, desk.clock).form(desk.client_id).sections["remote"].data
    assert form is not None
    desk.save_remote(rdp=list(form["rdp"]))
    with desk.db.read() as s:
        assert s.get(RemoteAccessRecord, ssh) is None
        assert [v.protocol for v in records(s, desk.client_id)] == ["rdp"]


def _require_permission(desk: Desk) -> int:
    approver = add_contact(desk.db, desk.client_id, "Paula Approver")
    form = OnboardingService(desk.db, desk.clock)
    form.save_section(
        desk.client_id, "permissions",
        {"rules": [{"work": "Any remote work", "applies_to": "any"}],
         "approvers": [{"contact": str(approver)}]},
        None, desk.tech_id,
    )  # fmt: skip
    return approver


def test_permission_before_work_blocks_the_launch_with_a_blocked_row_and_no_reveal(
    desk: Desk,
) -> None:
    approver = _require_permission(desk)
    record = desk.record()
    desk.tech.confirm_record(record)

    with pytest.raises(LaunchBlocked) as blocked:
        desk.tech.start(desk.ticket_id, record, "rdp-freerdp")

    assert blocked.value.missing == ("Any remote work",)
    assert launch_audits(desk.db) == 0
    with desk.db.read() as s:
        row = s.get(RemoteSession, str(blocked.value.session_id))
        assert row is not None and row.outcome == "blocked" and row.ended_at is not None
    assert "approval required" in timeline(desk.db, desk.ticket_id)[0]
    assert desk.tech.approval_missing(desk.ticket_id) == ("Any remote work",)

    approvals = ApprovalService(desk.db, desk.clock)
    need = approvals.approvals(desk.ticket_id).needs[0]
    approvals.record(desk.ticket_id, need.work_key, "approved", approver, "phone", desk.tech_id)
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    assert started.secrets["password"].reveal_text() == SECRET
    assert launch_audits(desk.db) == 1


def test_only_an_admin_overrides_permission_with_a_reason_flagged_on_the_ticket(
    desk: Desk,
) -> None:
    _require_permission(desk)
    with pytest.raises(PermissionDeniedError):
        desk.tech.record_override(desk.ticket_id, "client unreachable, server down")
    with pytest.raises(ValidationError):
        desk.admin.record_override(desk.ticket_id, "")

    desk.admin.record_override(desk.ticket_id, "client unreachable, server down")

    assert desk.tech.approval_missing(desk.ticket_id) == ()
    with desk.db.read() as s:
        bodies = s.scalars(
            select(TicketEvent.body).where(TicketEvent.kind == EventKind.APPROVAL)
        ).all()
    assert any(b.startswith("OVERRIDE by Ada Admin") for b in bodies)


def test_finish_closes_the_session_once_and_shows_it_on_the_timeline(desk: Desk) -> None:
    record = desk.record()
    desk.tech.confirm_record(record)
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    desk.tech.mark(started.session_id, "launched")
    desk.clock.advance(minutes=12)

    desk.tech.finish(started.session_id, "ended", exit_code=0)
    desk.tech.finish(started.session_id, "failed", exit_code=9)  # a late second report

    [row] = desk.tech.sessions(desk.ticket_id)
    assert (row.outcome, row.exit_code, row.technician) == ("ended", 0, "Tom Tech")
    assert row.ended_at is not None and row.credential == "Domain admin"
    assert timeline(desk.db, desk.ticket_id)[-1] == (
        "RDP (FreeRDP) to ts01.acme.example:3389 ended after 12 min, exit code 0"
    )


def test_a_method_must_match_the_record_protocol_and_the_ticket_its_client(
    desk: Desk, db: Database
) -> None:
    record = desk.record()
    desk.tech.confirm_record(record)
    with pytest.raises(ValidationError):
        desk.tech.start(desk.ticket_id, record, "ssh-embedded")
    other = add_ticket(db, client_id=add_client(db, "Other Ltd"))
    with pytest.raises(ValidationError):
        desk.tech.start(other, record, "rdp-freerdp")
    with pytest.raises(ValidationError):  # ad hoc launches need a reason
        desk.tech.start(None, record, "rdp-freerdp")
    assert launch_audits(desk.db) == 0


def test_replacing_a_pin_is_an_audited_admin_act_and_rotation_keeps_records_signed(
    desk: Desk,
) -> None:
    record = desk.record("ssh")
    desk.tech.confirm_record(record)
    desk.tech.store_pin(record, ssh_host_key=HOST_KEY)
    other_key = HOST_KEY[:-4] + "AAAA"
    with pytest.raises(PermissionDeniedError):
        desk.tech.store_pin(record, ssh_host_key=other_key)
    with pytest.raises(ValidationError):
        desk.tech.store_pin(record, cert_sha256="not a fingerprint")

    desk.admin.store_pin(record, ssh_host_key=other_key, reason="server reinstalled, checked")
    with desk.db.read() as s:
        actions = s.scalars(select(VaultAudit.action)).all()
    assert "remote_pin_set" in actions and "remote_pin_replace" in actions

    tampered = desk.record("rdp")
    desk.tech.confirm_record(tampered)
    with desk.db.write() as s:
        s.execute(
            update(RemoteAccessRecord).where(RemoteAccessRecord.id == tampered).values(port=3390)
        )
    vault_id = desk.admin._vault.vault_for_client(desk.client_id)
    assert vault_id is not None
    desk.admin._vault.rotate(vault_id, "scheduled")
    assert desk.tech.record_state(record) == "signed"
    assert desk.tech.record_state(tampered) == "tampered"  # never laundered by rotation


def test_only_an_admin_forgets_pins_with_a_reason_and_the_record_stays_signed(
    desk: Desk,
) -> None:
    record = desk.record("ssh")
    desk.tech.confirm_record(record)
    desk.tech.store_pin(record, ssh_host_key=HOST_KEY)
    with pytest.raises(PermissionDeniedError):
        desk.tech.forget_pins(record, "server was reinstalled")
    with pytest.raises(ValidationError):
        desk.admin.forget_pins(record, "")

    desk.admin.forget_pins(record, "server was reinstalled")

    assert desk.tech.record_state(record) == "signed"
    with desk.db.read() as s:
        stored = s.get(RemoteAccessRecord, record)
        assert stored is not None and stored.ssh_host_key == ""
        reasons = s.scalars(
            select(VaultAudit.reason).where(VaultAudit.action == "remote_pin_replace")
        ).all()
    assert any("server was reinstalled" in r for r in reasons)


def test_a_transcript_goes_on_the_ticket_by_its_own_technician_only(desk: Desk) -> None:
    record = desk.record()
    desk.tech.confirm_record(record)
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")

    with pytest.raises(PermissionDeniedError):
        desk.admin.attach_transcript(started.session_id, "root@srv01:~# uptime")
    with pytest.raises(ValidationError):
        desk.tech.attach_transcript(started.session_id, "  \x00 ")
    desk.tech.attach_transcript(started.session_id, "root@srv01:~# uptime\n<b>up 3 days</b>")

    last = timeline(desk.db, desk.ticket_id)[-1]
    assert last.startswith("Transcript of RDP (FreeRDP) to ts01.acme.example:3389\n\n")
    assert last.endswith("<b>up 3 days</b>")


def test_rdp_display_and_redirection_options_come_from_the_form_and_reach_the_launch(
    desk: Desk,
) -> None:
    desk.save_remote(
        rdp=[{"host": "ts01.acme.example", "credential": str(desk.item_id), "screen": "fullscreen",
              "drives": "yes", "admin": "yes"}],
    )  # fmt: skip
    record = desk.record()
    [view] = desk.tech.options(desk.client_id).records
    assert view.options == "drives redirected, full screen, admin session"
    assert not view.signed  # the options are MAC-bound: changing them needs a confirmation

    desk.tech.confirm_record(record)
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")

    policy = started.target.policy
    assert (policy.redirect_drives, policy.screen, policy.admin_session) == (
        True, "fullscreen", True,
    )  # fmt: skip


def test_a_policy_written_in_the_database_is_replaced_by_the_forms_on_confirmation(
    desk: Desk,
) -> None:
    record = desk.record()  # the form leaves drives off
    with desk.db.write() as s:
        s.execute(
            update(RemoteAccessRecord)
            .where(RemoteAccessRecord.id == record)
            .values(policy={"redirect_drives": True})
        )
    desk.tech.confirm_record(record)
    started = desk.tech.start(desk.ticket_id, record, "rdp-freerdp")
    assert not started.target.policy.redirect_drives
