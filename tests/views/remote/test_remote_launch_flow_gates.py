"""The gates of a remote launch from a ticket (remote.md §5, §7): the vault must be unlocked,
the record signed (a tampered one re-signed by an administrator only), and the client's
permission-before-work rules met (record an approval, or an administrator's override). Each
gate is checked before anything is revealed. Both backends; set-up shared with
`test_remote_launch_flow`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select, update

from app.models import RemoteAccessRecord, TicketApproval, VaultAudit
from tests.services import test_remote_sessions as sessions
from tests.services.test_remote_sessions import SECRET, Desk
from tests.views.remote import test_remote_launch_flow as flow_tests
from tests.views.remote.test_remote_launch_flow import Flow, count, launch_audits, terminal_argv

# The flow tests' fixtures: the desk on a pooled engine, stub clients, the ticket dialog.
db = flow_tests.db
desk = flow_tests.desk
fast_kdf = flow_tests.fast_kdf
waiters_joined = flow_tests.waiters_joined
stub_env = flow_tests.stub_env
open_flow = flow_tests.open_flow

# -- 2, 3. the record gate ---------------------------------------------------------------------


def test_remote_launch_of_an_unsigned_record_asks_and_declining_reveals_nothing(
    open_flow: Callable[..., Flow], desk: Desk, tmp_path: Path
) -> None:
    flow = open_flow()
    confirm = flow.answer("ask_confirm_record", None)

    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")

    [(_parent, record, tampered)] = confirm.calls
    assert (cast(Any, record).host, tampered) == ("10.0.0.7", False)
    assert flow.launcher.sessions.record_state(desk.record("ssh")) == "unsigned"
    assert launch_audits(desk.db) == 0 and flow.sessions() == [] and flow.errors == []
    assert not (tmp_path / "log").exists() or not list((tmp_path / "log").iterdir())

    flow.answer("ask_confirm_record", "")  # "Connect to it?" → Yes
    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")

    assert flow.launcher.sessions.record_state(desk.record("ssh")) == "signed"
    assert launch_audits(desk.db) == 1 and flow.errors == []
    [launched] = flow.launcher.launched
    assert launched.handle.wait(10) == 0
    argv = terminal_argv(tmp_path)
    assert argv[-3:] == ["ACME\\administrator", "--", "10.0.0.7"]
    assert not any(SECRET in a for a in argv)


def test_remote_launch_of_a_tampered_record_stops_technicians_and_admins_re_sign_it(
    open_flow: Callable[..., Flow], desk: Desk, tmp_path: Path
) -> None:
    record = desk.record("ssh")
    desk.tech.confirm_record(record)
    with desk.db.write() as s:
        s.execute(
            update(RemoteAccessRecord)
            .where(RemoteAccessRecord.id == record)
            .values(host="10.66.6.6")
        )

    tech = open_flow()
    failures: list[str] = []
    tech.launcher.failed.connect(failures.append)
    tech.click("SSH — 10.66.6.6:2222 as Domain admin — system terminal")
    assert len(tech.errors) == 1 and "changed outside the app" in tech.errors[0]
    assert failures == tech.errors
    assert launch_audits(desk.db) == 0 and tech.sessions() == []

    admin = open_flow(admin=True)
    confirm = admin.answer("ask_confirm_record", "moved to the new VLAN, checked with Acme")
    admin.click("SSH — 10.66.6.6:2222 as Domain admin — system terminal")

    [(_parent, _record, tampered)] = confirm.calls
    assert tampered is True and admin.errors == []
    assert admin.launcher.sessions.record_state(record) == "signed"
    with desk.db.read() as s:
        reasons = s.scalars(
            select(VaultAudit.reason).where(VaultAudit.action == "remote_record_sign")
        ).all()
    assert "moved to the new VLAN, checked with Acme" in reasons
    assert launch_audits(desk.db) == 1
    admin.launcher.launched[0].handle.wait(10)
    assert terminal_argv(tmp_path)[-1] == "10.66.6.6"


# -- 5. permission before work ---------------------------------------------------------------


def test_remote_launch_blocked_by_permission_opens_the_ticket_approval_dialog(
    open_flow: Callable[..., Flow], desk: Desk, tmp_path: Path
) -> None:
    sessions._require_permission(desk)
    desk.tech.confirm_record(desk.record("ssh"))
    flow = open_flow()
    panel = flow.dialog.approvals_panel
    assert panel is not None and panel.dialog is None
    blocked = flow.answer("ask_blocked", "record")

    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")

    assert blocked.calls == [(flow.dialog, ("Any remote work",))]
    assert flow.sessions() == [("ssh-system", "blocked")]
    assert launch_audits(desk.db) == 0 and flow.launcher.launched == []
    approval = panel.dialog
    assert approval is not None and approval.isVisible()
    assert approval.approver.currentText() == "Paula Approver"
    approval.ok_button.click()
    assert panel.dialog is None
    desk.clock.advance(minutes=1)  # the session log is in start order

    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")

    assert len(blocked.calls) == 1 and flow.errors == []
    assert flow.sessions() == [("ssh-system", "blocked"), ("ssh-system", "launched")]
    assert launch_audits(desk.db) == 1
    flow.launcher.launched[0].handle.wait(10)
    assert terminal_argv(tmp_path)[-1] == "10.0.0.7"


def test_remote_launch_override_by_an_admin_records_it_and_proceeds(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    sessions._require_permission(desk)
    desk.tech.confirm_record(desk.record("ssh"))
    flow = open_flow(admin=True)
    flow.answer("ask_blocked", "override")
    reason = flow.answer("ask_reason", "server down, client unreachable by phone")

    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")

    assert len(reason.calls) == 1 and flow.errors == []
    with desk.db.read() as s:
        methods = s.scalars(
            select(TicketApproval.method).where(TicketApproval.ticket_id == desk.ticket_id)
        ).all()
    assert methods == ["override"]
    assert sorted(o for _m, o in flow.sessions()) == ["blocked", "launched"]  # same start time
    assert launch_audits(desk.db) == 1
    flow.launcher.launched[0].handle.wait(10)


def test_remote_launch_override_is_not_offered_to_a_technician(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    sessions._require_permission(desk)
    desk.tech.confirm_record(desk.record("ssh"))
    flow = open_flow()
    flow.answer("ask_blocked", "override")  # a forged answer: the launcher must not act on it

    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")

    assert flow.sessions() == [("ssh-system", "blocked")]
    assert count(desk.db, TicketApproval) == 0 and launch_audits(desk.db) == 0


# -- 7, 8. a locked vault, errors ------------------------------------------------------------


def test_remote_launch_with_a_locked_vault_asks_to_unlock_and_stops_when_refused(
    open_flow: Callable[..., Flow], desk: Desk
) -> None:
    desk.tech.confirm_record(desk.record("ssh"))
    flow = open_flow()
    flow.vault.lock()
    unlock = flow.answer("ask_unlock", False)

    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")

    assert len(unlock.calls) == 1
    assert launch_audits(desk.db) == 0 and flow.sessions() == [] and flow.errors == []

    def unlocks(_parent: object) -> bool:
        flow.vault.unlock("tom's vault password")
        return True

    setattr(flow.launcher, "ask_unlock", unlocks)  # noqa: B010
    flow.click("SSH — 10.0.0.7:2222 as Domain admin — system terminal")
    assert launch_audits(desk.db) == 1 and flow.errors == []
    flow.launcher.launched[0].handle.wait(10)
