"""EscalationPanel (the ticket dialog's "Escalation" tab) against real services on both backends:
open a vendor case and close it, escalate from the action button, the client's reference, and
the panel inside a real TicketDialog."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.db import Database
from app.models.enums import EventKind, Role, Status, Tier
from app.services.directory import DirectoryService, TechnicianRow
from app.tasks import ChangeNotifier, TaskRunner
from tests.fakes import FakeClock
from tests.services.test_escalation_support import Desk, build_desk, z

from app.views.escalation.escalate_dialog import EscalateDialog
from app.views.escalation.escalation_panel import EscalationPanel, escalation_panel_factory
from app.views.escalation.vendor_case_dialog import VendorCaseDialog
from app.views.tickets.form_widgets import select_data
from app.views.tickets.ticket_dialog import TicketDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def d(db: Database, clock: FakeClock) -> Desk:
    desk = build_desk(db, clock)
    desk.save_escalation(
        {
            "contacts": [],
            "vendors": [
                {"vendor": "Proximus", "service": "Fibre", "support_phone": "+32 800 22 800"},
                {"vendor": "Dell", "service": "Servers"},
            ],
        }
    )
    return desk


def alice(d: Desk, role: Role = Role.TECHNICIAN) -> TechnicianRow:
    return TechnicianRow(d.alice, "Alice", "alice@test.msp", Tier.L1, role, True)


@pytest.fixture
def make(qtbot, d: Desk, runner: TaskRunner):
    def build(ticket_id: int, me: TechnicianRow | None = None) -> EscalationPanel:
        panel = EscalationPanel(ticket_id, d.escalation, d.vendors, runner, d.clock, me or alice(d))
        qtbot.addWidget(panel)
        panel.show()
        panel.show_ticket(d.tickets.get(ticket_id))
        return panel

    return build


def cell(panel: EscalationPanel, table: str, row: int, col: int) -> str:
    return str(getattr(panel, table).model().text(row, col))


def test_open_a_vendor_case_and_close_it(qtbot, d: Desk, make, monkeypatch) -> None:
    t = d.ticket()
    panel = make(t)
    assert panel.cases_table.model().rowCount() == 0
    assert not panel.close_case_button.isEnabled()
    qtbot.mouseClick(panel.open_case_button, LEFT)
    dialog = panel.active_dialog
    assert isinstance(dialog, VendorCaseDialog)
    assert dialog.vendor_box.currentText() == "Proximus — Fibre"
    assert dialog.vendor_info.text() == "+32 800 22 800"
    # No reference yet: refused at the field, nothing written.
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.error_of("reference") == "This field is required."
    assert d.vendors.cases(t) == []
    qtbot.keyClicks(dialog.reference_edit, "PX-4471")
    qtbot.keyClicks(dialog.contact_edit, "Jan at NOC")
    dialog.set_follow_up(z("2026-03-02 14:00"))
    with qtbot.waitSignal(panel.ticket_changed, timeout=3000) as changed:
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert changed.args[0].ids == frozenset({t})
    assert d.tickets.get(t).fields.status is Status.WAITING_THIRD_PARTY
    assert [cell(panel, "cases_table", 0, c) for c in (0, 1, 2, 4)] == [
        "Proximus",
        "PX-4471",
        "Jan at NOC",
        "Open",
    ]
    assert d.vendors.cases(t)[0].follow_up_at == z("2026-03-02 14:00")
    assert panel.tab_title() == "Escalation (1)"

    panel.cases_table.selectRow(0)
    assert panel.close_case_button.isEnabled()
    monkeypatch.setattr(panel, "_ask_close_note", lambda case: "Line reset by Proximus")
    with qtbot.waitSignal(panel.ticket_changed, timeout=3000):
        qtbot.mouseClick(panel.close_case_button, LEFT)
    assert cell(panel, "cases_table", 0, 4) == "Closed"
    assert d.tickets.get(t).fields.status is Status.IN_PROGRESS
    assert panel.tab_title() == "Escalation"
    assert not panel.close_case_button.isEnabled()


def test_cancelling_the_close_question_keeps_the_case_open(qtbot, d: Desk, make, monkeypatch):
    t = d.ticket()
    d.vendors.open(t, d.vendors.vendors(d.client)[1].key, "SR-1", "", None, "", d.alice)
    panel = make(t)
    panel.cases_table.selectRow(0)
    monkeypatch.setattr(panel, "_ask_close_note", lambda case: None)
    qtbot.mouseClick(panel.close_case_button, LEFT)
    assert d.vendors.cases(t)[0].is_open


def test_a_note_on_a_case_whose_follow_up_passed(qtbot, d: Desk, make) -> None:
    # The reminder fired, the follow-up is in the past: noting what the vendor said must work.
    t = d.ticket()
    follow = d.clock.now() + dt.timedelta(hours=1)
    d.vendors.open(t, d.vendors.vendors(d.client)[1].key, "SR-1", "", follow, "", d.alice)
    d.clock.advance(hours=3)
    panel = make(t)
    panel.cases_table.selectRow(0)
    qtbot.mouseClick(panel.update_case_button, LEFT)
    dialog = panel.active_dialog
    assert isinstance(dialog, VendorCaseDialog)
    qtbot.keyClicks(dialog.note_edit, "Engineer comes tomorrow")
    with qtbot.waitSignal(panel.ticket_changed, timeout=3000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    case = d.vendors.cases(t)[0]
    assert (case.follow_up_at, case.note) == (follow, "Engineer comes tomorrow")


def test_another_vendor_by_name(qtbot, d: Desk, make) -> None:
    t = d.ticket()
    panel = make(t)
    qtbot.mouseClick(panel.vendor_button, LEFT)
    dialog = panel.active_dialog
    assert isinstance(dialog, VendorCaseDialog)
    dialog.vendor_box.setCurrentIndex(dialog.vendor_box.count() - 1)
    assert not dialog.other_name_edit.isHidden()
    qtbot.keyClicks(dialog.reference_edit, "T-99")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.error_of("vendor") == "This field is required."
    qtbot.keyClicks(dialog.other_name_edit, "Local ISP")
    with qtbot.waitSignal(panel.ticket_changed, timeout=3000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert cell(panel, "cases_table", 0, 0) == "Local ISP"


def test_escalate_from_the_action_button_shows_in_the_history(
    qtbot, qtmodeltester, d: Desk, make
) -> None:
    t = d.ticket()
    panel = make(t)
    assert panel.history_table.model().rowCount() == 0
    assert panel.action_buttons() == [panel.escalate_button, panel.vendor_button]
    qtbot.mouseClick(panel.escalate_button, LEFT)
    dialog = panel.active_dialog
    assert isinstance(dialog, EscalateDialog)
    qtbot.keyClicks(dialog.reason_edit, "Needs server access")
    qtbot.keyClicks(dialog.notes_edit, "Restarted the service")
    with qtbot.waitSignal(panel.ticket_changed, timeout=3000):
        qtbot.mouseClick(dialog.escalate_button, LEFT)
    assert panel.history_table.model().rowCount() == 1
    assert cell(panel, "history_table", 0, 1) == "Alice"
    assert cell(panel, "history_table", 0, 2) == "L1 → L2"
    assert cell(panel, "history_table", 0, 3).startswith("Reason: Needs server access")
    tooltip = panel.history_model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Alice"
    qtmodeltester.check(panel.history_model)


def test_client_reference_is_saved_and_refusals_shown(qtbot, d: Desk, make) -> None:
    t = d.ticket()
    panel = make(t)
    qtbot.keyClicks(panel.reference_edit, "INC0012345")
    with qtbot.waitSignal(panel.ticket_changed, timeout=3000):
        qtbot.mouseClick(panel.save_reference_button, LEFT)
    assert d.vendors.client_reference(t) == "INC0012345"
    assert d.events(t, EventKind.FIELDS_CHANGED)[-1][3] == "Client reference: INC0012345."
    panel.reference_edit.setText("INC\x0099")
    panel.reference_edit.setModified(True)
    qtbot.mouseClick(panel.save_reference_button, LEFT)
    assert panel.reference_error.text() == "This is not valid."
    assert not panel.reference_error.isHidden()
    assert d.vendors.client_reference(t) == "INC0012345"


def test_a_read_only_account_sees_but_cannot_act(qtbot, d: Desk, make) -> None:
    t = d.ticket()
    d.vendors.open(t, d.vendors.vendors(d.client)[0].key, "PX-1", "", None, "", d.alice)
    panel = make(t, alice(d, Role.READ_ONLY))
    panel.cases_table.selectRow(0)
    assert panel.cases_table.model().rowCount() == 1
    for button in (
        panel.escalate_button,
        panel.vendor_button,
        panel.open_case_button,
        panel.close_case_button,
        panel.update_case_button,
        panel.save_reference_button,
    ):
        assert not button.isEnabled()


def test_the_panel_in_a_ticket_dialog(
    qtbot, d: Desk, runner: TaskRunner, notifier: ChangeNotifier, monkeypatch
) -> None:
    t = d.ticket()
    me = alice(d)
    factory = escalation_panel_factory(d.escalation, d.vendors, runner, d.clock, me)
    dialog = TicketDialog(
        d.tickets, DirectoryService(d.db), runner, notifier, me, t, panels=[factory]
    )
    monkeypatch.setattr(dialog, "_ask_unsaved", lambda *a: QMessageBox.StandardButton.Discard)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail() is not None, timeout=3000)
    (panel,) = dialog.panels
    assert isinstance(panel, EscalationPanel)
    assert dialog.tabs.tabText(dialog.tabs.indexOf(panel)) == "Escalation"
    # One Escalate… button: the panel's dialog, not the form's bare tier raise.
    assert not dialog.editor.form.escalate_button.isVisibleTo(dialog)
    assert panel.escalate_button.isVisibleTo(dialog)
    # Raising the Tier box opens that dialog too, and the box stays at the stored tier.
    form = dialog.editor.form
    select_data(form.tier, Tier.L2.value)
    assert form.tier.currentData() == Tier.L1.value
    qtbot.waitUntil(lambda: isinstance(panel.active_dialog, EscalateDialog), timeout=3000)
    assert not dialog.is_dirty()
    opened = panel.active_dialog
    assert opened is not None
    opened.reject()
    qtbot.mouseClick(panel.vendor_button, LEFT)
    case_dialog = panel.active_dialog
    assert isinstance(case_dialog, VendorCaseDialog)
    qtbot.keyClicks(case_dialog.reference_edit, "PX-1")
    qtbot.mouseClick(case_dialog.save_button, LEFT)
    qtbot.waitUntil(
        lambda: dialog.tabs.tabText(dialog.tabs.indexOf(panel)) == "Escalation (1)", timeout=3000
    )
    qtbot.mouseClick(panel.escalate_button, LEFT)
    escalate = panel.active_dialog
    assert isinstance(escalate, EscalateDialog)
    qtbot.keyClicks(escalate.reason_edit, "Needs L2")
    qtbot.keyClicks(escalate.notes_edit, "Rebooted")
    qtbot.mouseClick(escalate.escalate_button, LEFT)
    # The dialog reloads the ticket after the panel's change.
    qtbot.waitUntil(lambda: tier_shown(dialog) is Tier.L2, timeout=3000)


def tier_shown(dialog: TicketDialog) -> Tier | None:
    detail = dialog.detail()
    return detail.fields.tier if detail is not None else None


def test_update_a_case_reference_and_follow_up(qtbot, d: Desk, make) -> None:
    t = d.ticket()
    proximus = d.vendors.vendors(d.client)[0].key
    d.vendors.open(t, proximus, "PX-1", "", z("2026-03-02 12:00"), "", d.alice)
    panel = make(t)
    panel.cases_table.selectRow(0)
    qtbot.mouseClick(panel.update_case_button, LEFT)
    dialog = panel.active_dialog
    assert isinstance(dialog, VendorCaseDialog)
    assert (dialog.reference_edit.text(), dialog.follow_up()) == ("PX-1", z("2026-03-02 12:00"))
    assert not dialog.vendor_box.isEnabled()
    dialog.set_follow_up(z("2026-03-02 08:00"))  # before now (09:00Z)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.error_of("follow_up_at") == "Pick a time in the future."
    dialog.reference_edit.setText("PX-2")
    dialog.set_follow_up(z("2026-03-03 10:00"))
    qtbot.keyClicks(dialog.note_edit, "Engineer booked")
    with qtbot.waitSignal(panel.ticket_changed, timeout=3000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    case = d.vendors.cases(t)[0]
    assert (case.reference, case.follow_up_at, case.note) == (
        "PX-2",
        z("2026-03-03 10:00"),
        "Engineer booked",
    )
    assert cell(panel, "cases_table", 0, 1) == "PX-2"
