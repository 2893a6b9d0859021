"""The Team leads tab against the real SlaConfigService on both backends."""

from __future__ import annotations

import pytest

from app.models.enums import Role, Tier
from app.services.directory import TechnicianRow
from app.services.errors import PermissionDeniedError
from tests.factories import add_queue, add_technician

from app.views.sla.sla_settings_dialog import SlaSettingsDialog


def _row(db, name: str, role: Role) -> TechnicianRow:
    tech_id = add_technician(db, name, role=role, email=f"{name.split()[0].lower()}@test.msp")
    return TechnicianRow(tech_id, name, f"{name.split()[0].lower()}@test.msp", Tier.L1, role, True)


@pytest.fixture
def admin(db) -> TechnicianRow:
    return _row(db, "Ada Admin", Role.ADMIN)


def test_choosing_a_lead_saves_it_and_survives_a_reload(
    qtbot, db, sla_config, directory, runner, notifier, admin
):
    desk = add_queue(db, "Service desk", Tier.L1)
    lead = _row(db, "Lou Lead", Role.TECHNICIAN)
    dialog = SlaSettingsDialog(sla_config, directory, runner, notifier, admin)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.leads)
    picker = dialog.leads.pickers[desk]
    assert picker.currentData() is None

    picker.setCurrentIndex(picker.findData(lead.technician_id))

    stored = {q.queue_id: q for q in sla_config.queue_leads()}
    assert stored[desk].lead_id == lead.technician_id
    assert stored[desk].lead_name == "Lou Lead"
    assert dialog.leads.status.text() == "Team lead saved."
    dialog.reload()
    assert dialog.leads.pickers[desk].currentData() == lead.technician_id


def test_only_admins_name_leads(db, sla_config):
    desk = add_queue(db, "Service desk", Tier.L1)
    tech = _row(db, "Tom Tech", Role.TECHNICIAN)
    with pytest.raises(PermissionDeniedError):
        sla_config.set_queue_lead(desk, tech.technician_id, tech.technician_id)
    assert sla_config.queue_leads()[0].lead_id is None
