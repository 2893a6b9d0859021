"""ClientReadinessPanel against real services on both backends: checklist, score, remote results,
caller secrets."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from argon2 import PasswordHasher

from PySide6.QtCore import QDate

from app.models import Client
from app.models.enums import ClientStatus
from app.services.caller_verification import CallerVerificationService
from app.services.connectivity import ConnectivityService
from app.services.onboarding import OnboardingService
from app.services.onboarding_checklist import ChecklistService
from app.services.onboarding_score import CompletenessService
from app.services.sla_store import SlaStore
from tests.factories import add_client, add_contact

from app.views.onboarding_status.readiness_dialogs import (
    PinDialog,
    ResultDialog,
    StartDialog,
)
from app.views.onboarding_status.readiness_panel import ClientReadinessPanel
from app.views.onboarding_status.rows_model import Row, RowsTableModel, ToneRole

#: Cheap Argon2 parameters: the hashing cost is not what these tests are about.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def verification(db, clock) -> CallerVerificationService:
    return CallerVerificationService(db, clock, FAST_HASHER)


@pytest.fixture
def make_panel(qtbot, db, clock, directory, runner, notifier, me, verification):
    def make(client_id: int, today: dt.date = TODAY) -> ClientReadinessPanel:
        panel = ClientReadinessPanel(
            ChecklistService(db, clock, SlaStore(db)),
            CompletenessService(db, clock),
            ConnectivityService(db, clock),
            verification,
            directory,
            runner,
            notifier,
            me.technician_id,
            today=lambda: today,
        )
        qtbot.addWidget(panel)
        panel.show()
        panel.set_client(client_id)
        return panel

    return make


def _save(db, clock, me, client_id: int, section: str, raw: dict[str, Any]) -> None:
    OnboardingService(db, clock).save_section(client_id, section, raw, None, me.technician_id)


def _onboarding_client(db) -> int:
    client_id = add_client(db, "Acme NV")
    with db.write() as s:
        client = s.get(Client, client_id)
        assert client is not None
        client.status = ClientStatus.ONBOARDING
    return client_id


def _start(panel: ClientReadinessPanel, day: dt.date) -> None:
    panel.start_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, StartDialog)
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.ok_button.click()
    assert panel.dialog is None


def _cells(model: RowsTableModel, row: int) -> tuple[str, ...]:
    found = model.row_at(row)
    assert found is not None
    return found.cells


def _select(panel: ClientReadinessPanel, position: int) -> None:
    panel.step_table.selectRow(position - 1)


def test_the_rows_model_passes_the_model_tester(qtmodeltester) -> None:
    model = RowsTableModel(["A", "B"])
    model.set_rows([Row(1, ("x", "y"), "bad"), Row(2, ("z", "w"), cell_tones=("", "good"))])
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ToneRole) == "bad"
    assert model.find(2) == 1


def test_starting_onboarding_lays_out_ten_business_days(db, make_panel) -> None:
    client_id = _onboarding_client(db)
    panel = make_panel(client_id)
    assert panel.start_button.text() == "Start onboarding…"
    assert panel.step_model.rowCount() == 0

    _start(panel, dt.date(2026, 12, 7))  # a Monday

    checklist = panel.shown_checklist()
    assert checklist is not None
    assert checklist.calendar_name == "Monday to Friday"
    assert checklist.start == dt.date(2026, 12, 7)
    assert checklist.go_live == dt.date(2026, 12, 18)
    assert panel.step_model.rowCount() == 7
    due = [_cells(panel.step_model, i)[3] for i in range(7)]
    assert [d.split()[-1] for d in due] == [
        "2026-12-07",  # 1: day 1
        "2026-12-10",  # 2: days 1-4
        "2026-12-14",  # 3: days 3-6, over the weekend
        "2026-12-15",
        "2026-12-16",
        "2026-12-17",
        "2026-12-18",  # 7: go-live, day 10
    ]
    assert _cells(panel.step_model, 1)[2] == "1\u20134"
    assert panel.start_button.text() == "Re-plan dates…"
    assert "2026-12-18" in panel.plan_label.text()


def test_marking_steps_done_and_go_live_makes_the_client_live(db, make_panel, directory) -> None:
    client_id = _onboarding_client(db)
    panel = make_panel(client_id)
    _start(panel, dt.date(2026, 12, 7))

    _select(panel, 1)
    assert panel.done_button.isEnabled() and not panel.undo_button.isEnabled()
    panel.done_button.click()
    first = _cells(panel.step_model, 0)
    assert first[6] == "Done"
    assert "by Alice Martin" in first[5]

    _select(panel, 1)
    panel.undo_button.click()
    assert _cells(panel.step_model, 0)[5:] == ("", "")

    _select(panel, 7)
    panel.done_button.click()
    assert directory.client(client_id).client.status is ClientStatus.LIVE
    _select(panel, 7)
    panel.undo_button.click()
    assert directory.client(client_id).client.status is ClientStatus.ONBOARDING


def test_overdue_steps_are_red(db, make_panel) -> None:
    client_id = _onboarding_client(db)
    panel = make_panel(client_id, today=dt.date(2026, 12, 16))
    _start(panel, dt.date(2026, 12, 7))
    assert _cells(panel.step_model, 0)[6] == "Overdue"
    assert panel.step_model.index(0, 0).data(ToneRole) == "bad"
    assert _cells(panel.step_model, 6)[6] == ""


def test_step_five_is_blocked_until_a_remote_method_answers_ok(db, clock, me, make_panel) -> None:
    client_id = _onboarding_client(db)
    panel = make_panel(client_id)
    _start(panel, dt.date(2026, 12, 7))
    assert "no remote method" in _cells(panel.step_model, 4)[6]

    _save(db, clock, me, client_id, "remote", {"rdp": [{"host": "ts01.acme.local"}]})
    panel.reload()
    assert "untested or failing" in _cells(panel.step_model, 4)[6]
    assert "Remote method never tested: RDP ts01.acme.local" in panel.missing_texts()
    _select(panel, 5)
    assert not panel.done_button.isEnabled()
    panel.mark_done(True)  # the service refuses too, calmly
    assert "Step 5 cannot be done yet" in panel.message.text()
    assert panel.message.isVisibleTo(panel)

    def record(ok: bool, detail: str) -> None:
        panel.method_table.selectRow(0)
        panel.result_button.click()
        dialog = panel.dialog
        assert isinstance(dialog, ResultDialog)
        (dialog.ok if ok else dialog.failed).setChecked(True)
        dialog.detail.setText(detail)
        dialog.ok_button.click()

    record(False, "timeout on 3389")
    method = _cells(panel.method_model, 0)
    assert method[:3] == ("RDP", "ts01.acme.local", "Failed")
    assert method[4:] == ("Alice Martin", "timeout on 3389")
    assert "Remote method failing: RDP ts01.acme.local" in panel.missing_texts()
    assert "Blocked" in _cells(panel.step_model, 4)[6]

    record(True, "")
    assert _cells(panel.method_model, 0)[2] == "OK"
    assert _cells(panel.step_model, 4)[6] == ""
    _select(panel, 5)
    assert panel.done_button.isEnabled()
    panel.done_button.click()
    assert _cells(panel.step_model, 4)[6] == "Done"
    assert not panel.message.isVisibleTo(panel)


def test_the_score_lists_a_missing_p1_escalation_contact(db, clock, me, make_panel) -> None:
    client_id = _onboarding_client(db)
    boss = add_contact(db, client_id, "Carla Boss")
    _save(
        db,
        clock,
        me,
        client_id,
        "escalation",
        {"contacts": [{"priority": "P2", "order": "1", "contact": str(boss), "hours": "any"}]},
    )
    panel = make_panel(client_id)
    missing = panel.missing_texts()
    assert "No escalation contact for P1" in missing
    assert "No escalation contact for P2" not in missing
    assert "No admin credential rotated in the last 12 months" in missing
    percent = CompletenessService(db, clock).completeness(client_id).percent
    assert 0 < percent < 100
    assert panel.score_label.text() == f"Onboarding {percent} % complete"
    assert panel.score_bar.value() == percent
    assert "\u2022 No escalation contact for P1" in panel.missing_label.text()


def test_setting_a_pin_through_the_panel(qtbot, db, make_panel, verification) -> None:
    client_id = _onboarding_client(db)
    nancy = add_contact(db, client_id, "Nancy Davolio")
    panel = make_panel(client_id)

    panel.pin_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, PinDialog)
    dialog.contact.setCurrentIndex(dialog.contact.findData(nancy))
    qtbot.keyClicks(dialog.pin, "4711")
    qtbot.keyClicks(dialog.repeat, "4712")
    dialog.ok_button.click()
    assert "differ" in dialog.message.text()
    assert dialog.pin.text() == dialog.repeat.text() == ""
    assert verification.secrets(client_id) == []

    qtbot.keyClicks(dialog.pin, "4711")
    qtbot.keyClicks(dialog.repeat, "4711")
    dialog.ok_button.click()
    assert panel.dialog is None
    assert _cells(panel.secret_model, 0)[:3] == ("Nancy Davolio", "PIN", "")
    assert verification.plan(client_id, nancy).has_pin

    panel.secret_table.selectRow(0)
    panel._confirm_remove = lambda: True
    panel.remove_button.click()
    assert panel.secret_model.rowCount() == 0


def test_a_refused_pin_keeps_the_dialog_open(qtbot, db, make_panel) -> None:
    client_id = _onboarding_client(db)
    panel = make_panel(client_id)
    panel.pin_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, PinDialog)
    assert dialog.contact.currentData() is None  # the whole client comes first
    qtbot.keyClicks(dialog.pin, "12")
    qtbot.keyClicks(dialog.repeat, "12")
    dialog.ok_button.click()
    assert panel.dialog is dialog
    assert dialog.message.text() == "A PIN is 4 to 12 digits."
    dialog.reject()


def test_no_client_shows_the_placeholder(make_panel, db) -> None:
    panel = make_panel(_onboarding_client(db))
    panel.set_client(None)
    assert panel.placeholder.isVisibleTo(panel)
    assert not panel.start_button.isEnabled()


def test_test_all_probes_the_remote_methods_and_shows_the_results(
    qtbot, db, clock, directory, runner, notifier, me, verification
) -> None:
    """*Test all* runs the probes on the remote lane (inline here) against loopback responders;
    the methods' last results follow, and step 5 unblocks once every method is OK."""
    from app.remote.probe import Timeouts
    from app.services.connectivity import ConnectivityTester
    from tests.remote.responders import Responder, ssh_banner

    client_id = add_client(db)
    with Responder(ssh_banner()) as ssh:
        _save(db, clock, me, client_id, "remote", {
            "ssh": [{"host": "127.0.0.1", "port": str(ssh.port), "auth": "key"}],
        })  # fmt: skip
        panel = ClientReadinessPanel(
            ChecklistService(db, clock, SlaStore(db)),
            CompletenessService(db, clock),
            ConnectivityService(db, clock),
            verification,
            directory,
            runner,
            notifier,
            me.technician_id,
            today=lambda: TODAY,
            tester=ConnectivityTester(
                db, clock, Timeouts(dns=2.0, connect=1.0, read=0.5, total=1.5)
            ),
        )
        qtbot.addWidget(panel)
        panel.show()
        panel.set_client(client_id)
        assert panel.test_all_button.isVisible() and panel.test_all_button.isEnabled()
        panel.test_all_button.click()

    row = panel.method_model.rows()[0]
    assert row.cells[:3] == ("SSH", "127.0.0.1", "OK"), row.cells
    assert row.cells[4] == me.name
    assert not panel.cancel_test_button.isVisible()
