"""The Contracts tab against the real SlaConfigService on both backends: a client's default
policy and its contracts."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from PySide6.QtCore import QDate, Qt

from app.models.enums import Role, Tier
from app.services.directory import TechnicianRow
from app.services.sla_types import ContractSpec
from tests.factories import add_calendar, add_client, add_policy, add_technician

from app.views.sla.contracts_panel import ContractDialog, ContractsPanel
from app.views.sla.sla_settings_dialog import SlaSettingsDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def admin(db) -> TechnicianRow:
    tech_id = add_technician(db, "Ada Admin", role=Role.ADMIN, email="ada@test.msp")
    return TechnicianRow(tech_id, "Ada Admin", "ada@test.msp", Tier.L1, Role.ADMIN, True)


@pytest.fixture
def world(db) -> SimpleNamespace:
    calendar = add_calendar(db, "Office hours")
    return SimpleNamespace(
        gold=add_policy(db, calendar, "Gold", is_default=False),
        silver=add_policy(db, calendar, "Silver", is_default=True),
        northwind=add_client(db, "Northwind Traders"),
        contoso=add_client(db, "Contoso Pharma"),
    )


@pytest.fixture
def dialog(qtbot, world, sla_config, directory, runner, notifier, admin) -> SlaSettingsDialog:
    dlg = SlaSettingsDialog(sla_config, directory, runner, notifier, admin)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tabs.setCurrentWidget(dlg.contracts)
    dlg.contracts.select_client(world.northwind)
    return dlg


@pytest.fixture
def panel(dialog: SlaSettingsDialog) -> ContractsPanel:
    """The tab; the `dialog` fixture keeps its window alive."""
    return dialog.contracts


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def open_contract_dialog(qtbot, panel: ContractsPanel, button) -> ContractDialog:
    qtbot.mouseClick(button, LEFT)
    dialog = panel.contract_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=1000)
    return dialog


def test_the_client_default_policy_is_saved(qtbot, panel, world, sla_config):
    assert panel.client_id() == world.northwind
    assert panel.default_policy.currentText() == "(none — use global default)"
    panel.default_policy.setCurrentIndex(panel.default_policy.findData(world.gold))
    qtbot.mouseClick(panel.save_default_button, LEFT)
    assert sla_config.client_policy(world.northwind) == world.gold
    assert sla_config.client_policy(world.contoso) is None
    assert panel.default_status.text() == "Saved; 0 open tickets recomputed."
    assert not panel.default_status.isHidden()  # the refresh after the save keeps it

    # Another client shows its own default; coming back shows the stored one.
    panel.select_client(world.contoso)
    assert panel.default_policy.currentData() is None
    panel.select_client(world.northwind)
    assert panel.default_policy.currentData() == world.gold

    panel.default_policy.setCurrentIndex(0)
    qtbot.mouseClick(panel.save_default_button, LEFT)
    assert sla_config.client_policy(world.northwind) is None


def test_a_contract_is_added_edited_and_deleted(qtbot, panel, world, sla_config, monkeypatch):
    dialog = open_contract_dialog(qtbot, panel, panel.add_button)
    qtbot.keyClicks(dialog.name, "Managed services 2026")
    dialog.policy.setCurrentIndex(dialog.policy.findData(world.gold))
    dialog.valid_from.setDate(qdate(dt.date(2026, 1, 1)))
    assert dialog.open_ended.isChecked() and not dialog.valid_to.isEnabled()
    qtbot.mouseClick(dialog.open_ended, LEFT)
    dialog.valid_to.setDate(qdate(dt.date(2026, 12, 31)))
    qtbot.mouseClick(dialog.save_button, LEFT)

    assert not dialog.isVisible()
    [row] = sla_config.contracts(world.northwind)
    assert row.spec == ContractSpec(
        world.northwind,
        world.gold,
        "Managed services 2026",
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
    )
    model = panel.model
    assert [model.index(0, c).data() for c in range(4)] == [
        "Managed services 2026",
        "Gold",
        "2026-01-01",
        "2026-12-31",
    ]
    assert sla_config.contracts(world.contoso) == []

    panel.table.selectRow(0)
    dialog = open_contract_dialog(qtbot, panel, panel.edit_button)
    assert dialog.name.text() == "Managed services 2026"
    assert not dialog.open_ended.isChecked()
    qtbot.mouseClick(dialog.open_ended, LEFT)  # open-ended from now on
    dialog.policy.setCurrentIndex(dialog.policy.findData(world.silver))
    qtbot.mouseClick(dialog.save_button, LEFT)
    [row] = sla_config.contracts(world.northwind)
    assert (row.spec.policy_id, row.spec.valid_to) == (world.silver, None)
    assert model.index(0, 3).data() == "open-ended"

    monkeypatch.setattr(panel, "_confirm_delete", lambda _name: True)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert sla_config.contracts(world.northwind) == []
    assert model.rowCount() == 0


def test_an_end_before_the_start_is_shown_at_the_end_date(qtbot, panel, world, sla_config):
    dialog = open_contract_dialog(qtbot, panel, panel.add_button)
    qtbot.keyClicks(dialog.name, "Backwards")
    dialog.valid_from.setDate(qdate(dt.date(2026, 6, 1)))
    qtbot.mouseClick(dialog.open_ended, LEFT)
    dialog.valid_to.setDate(qdate(dt.date(2026, 5, 31)))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.valid_to_error.text() == "The end date is before the start date."
    assert sla_config.contracts(world.northwind) == []

    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert not dialog.isVisible()


def test_a_contract_needs_a_name(qtbot, panel, world, sla_config):
    dialog = open_contract_dialog(qtbot, panel, panel.add_button)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.name_error.text() == "This field is required."
    assert dialog.name.property("invalid") is True
    assert sla_config.contracts(world.northwind) == []
    dialog.reject()
