"""app/services/escalation_paths.py: each queue's next queue; loops and tiers that do not climb
are refused with errors that say why. SQLite and PostgreSQL, rolled back after each test."""

from __future__ import annotations

import pytest

from app.db import Database
from app.models import Queue
from app.services.errors import ConcurrentEditError, PermissionDeniedError, ValidationError
from app.services.escalation_paths import EscalationLoopError
from tests.fakes import FakeClock
from tests.services.test_escalation_support import Desk, build_desk


@pytest.fixture
def d(db: Database, clock: FakeClock) -> Desk:
    return build_desk(db, clock)


def _force(d: Desk, queue_id: int, next_queue_id: int) -> None:
    """A path written behind the service's back (old data, or a tier changed since)."""
    with d.db.write() as s:
        q = s.get(Queue, queue_id)
        assert q is not None
        q.escalates_to_id = next_queue_id


def test_paths_are_listed_by_tier_with_their_next_queue(d: Desk) -> None:
    d.path(d.desk, d.infra)
    d.path(d.infra, d.specialists)
    paths = {p.name: p.escalates_to_name for p in d.paths.paths()}
    assert paths == {
        "Intake": None,
        "Service desk": "Infrastructure",
        "Infrastructure": "Specialists",
        "Network": None,
        "Specialists": None,
    }
    assert [p.name for p in d.paths.paths()] == [
        "Intake",
        "Service desk",
        "Infrastructure",
        "Network",
        "Specialists",
    ]


def test_a_path_can_be_cleared(d: Desk) -> None:
    d.path(d.desk, d.infra)
    d.path(d.desk, None)
    assert next(p for p in d.paths.paths() if p.queue_id == d.desk).escalates_to_id is None


def test_a_loop_of_two_is_refused_naming_it(d: Desk) -> None:
    d.path(d.desk, d.infra)
    with pytest.raises(EscalationLoopError) as e:
        d.path(d.infra, d.desk)
    assert e.value.problems == {"escalates_to_id": "loop"}
    assert e.value.cycle_text == "Infrastructure → Service desk → Infrastructure"
    assert next(p for p in d.paths.paths() if p.queue_id == d.infra).escalates_to_id is None


def test_a_loop_of_three_is_refused_naming_it(d: Desk) -> None:
    d.path(d.intake, d.desk)
    d.path(d.desk, d.infra)
    with pytest.raises(EscalationLoopError) as e:
        d.path(d.infra, d.intake)
    assert e.value.cycle == ("Infrastructure", "Intake", "Service desk", "Infrastructure")


def test_a_queue_cannot_escalate_to_itself(d: Desk) -> None:
    with pytest.raises(EscalationLoopError) as e:
        d.path(d.desk, d.desk)
    assert e.value.cycle_text == "Service desk → Service desk"


def test_the_next_queue_must_work_at_a_higher_tier(d: Desk) -> None:
    with pytest.raises(ValidationError) as e:
        d.path(d.infra, d.network)  # L2 → L2
    assert e.value.problems == {"escalates_to_id": "tier_not_higher"}
    with pytest.raises(ValidationError) as e:
        d.path(d.specialists, d.desk)  # L3 → L1
    assert e.value.problems == {"escalates_to_id": "tier_not_higher"}


def test_a_loop_already_in_old_data_elsewhere_does_not_hang_the_check(d: Desk) -> None:
    _force(d, d.infra, d.network)
    _force(d, d.network, d.infra)
    # Service desk → Infrastructure ⇄ Network never comes back to Service desk.
    d.path(d.desk, d.infra)
    assert next(p for p in d.paths.paths() if p.queue_id == d.desk).escalates_to_id == d.infra


def test_unknown_queues_stale_versions_and_non_admins_are_refused(d: Desk) -> None:
    with pytest.raises(ValidationError) as e:
        d.path(d.desk, 999_999)
    assert e.value.problems == {"escalates_to_id": "not_found"}
    stale = next(p for p in d.paths.paths() if p.queue_id == d.desk).version
    d.path(d.desk, d.infra)
    with pytest.raises(ConcurrentEditError):
        d.paths.set_next(d.desk, d.network, stale, d.admin)
    current = next(p for p in d.paths.paths() if p.queue_id == d.desk).version
    for who in (d.alice, d.reader):
        with pytest.raises(PermissionDeniedError):
            d.paths.set_next(d.desk, d.network, current, who)
