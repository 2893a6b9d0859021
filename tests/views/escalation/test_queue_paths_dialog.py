"""QueuePathsDialog against the real EscalationPathService on both backends."""

from __future__ import annotations

import pytest

from app.db import Database
from app.models.enums import Role, Tier
from app.services.directory import TechnicianRow
from app.tasks import TaskRunner
from tests.fakes import FakeClock
from tests.services.test_escalation_support import Desk, build_desk

from app.views.escalation.queue_paths_dialog import QueuePathsDialog


@pytest.fixture
def d(db: Database, clock: FakeClock) -> Desk:
    return build_desk(db, clock)


def admin(d: Desk, role: Role = Role.ADMIN) -> TechnicianRow:
    return TechnicianRow(d.admin, "Ada Admin", "ada@test.msp", Tier.L1, role, True)


@pytest.fixture
def make(qtbot, d: Desk, runner: TaskRunner):
    def build(me: TechnicianRow) -> QueuePathsDialog:
        dialog = QueuePathsDialog(d.paths, runner, me)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return build


def pick(dialog: QueuePathsDialog, queue_id: int, next_queue_id: int | None) -> None:
    combo = dialog.combos[queue_id]
    combo.setCurrentIndex(combo.findData(next_queue_id))


def next_of(d: Desk, queue_id: int) -> int | None:
    return next(p.escalates_to_id for p in d.paths.paths() if p.queue_id == queue_id)


def test_pick_paths_and_see_a_loop_refused_at_its_row(d: Desk, make) -> None:
    dialog = make(admin(d))
    assert set(dialog.combos) == {d.intake, d.desk, d.infra, d.network, d.specialists}
    assert dialog.combos[d.desk].findData(d.desk) == -1  # never itself
    pick(dialog, d.desk, d.infra)
    assert next_of(d, d.desk) == d.infra
    pick(dialog, d.infra, d.specialists)
    assert next_of(d, d.infra) == d.specialists
    pick(dialog, d.specialists, d.desk)
    assert dialog.error_of(d.specialists) == (
        "This path would loop: Specialists → Service desk → Infrastructure → Specialists"
    )
    assert next_of(d, d.specialists) is None
    # The refused pick stays on screen; the other rows are untouched.
    assert dialog.combos[d.specialists].currentData() == d.desk
    assert dialog.error_of(d.desk) == ""


def test_a_tier_that_does_not_climb_is_refused_and_none_clears(d: Desk, make) -> None:
    dialog = make(admin(d))
    pick(dialog, d.infra, d.network)
    assert dialog.error_of(d.infra) == "Pick a queue of a higher tier."
    assert next_of(d, d.infra) is None
    pick(dialog, d.infra, d.specialists)
    assert dialog.error_of(d.infra) == ""
    pick(dialog, d.infra, None)
    assert next_of(d, d.infra) is None


def test_non_admins_see_the_paths_read_only(d: Desk, make) -> None:
    d.path(d.desk, d.infra)
    dialog = make(admin(d, Role.TECHNICIAN))
    assert dialog.combos[d.desk].currentData() == d.infra
    assert not any(c.isEnabled() for c in dialog.combos.values())
