"""Escalation paths between queues: where "Escalate" sends a ticket from each queue (T11).

An administrator gives each queue at most one next queue (`Queue.escalates_to_id`), e.g.
"Service desk" (L1) → "Infrastructure" (L2) → "Specialists" (L3). A path must climb: the next
queue works at a higher tier, and no chain of next queues may come back to where it started.
Escalation only ever follows one hop, so even a loop left in old data cannot hang anything; the
checks here keep the configuration meaningful. Any thread; each call is one unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import Queue
from app.models.enums import Tier
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.permissions import require_admin

TIER_ORDER: Final = {t: i for i, t in enumerate(Tier)}
#: The field every path error is reported on.
FIELD: Final = "escalates_to_id"


class EscalationLoopError(ValidationError):
    """The chosen next queue leads back to the queue itself; `cycle` names the queues in order,
    starting and ending with the queue being edited."""

    def __init__(self, cycle: tuple[str, ...]) -> None:
        super().__init__({FIELD: "loop"})
        self.cycle = cycle

    @property
    def cycle_text(self) -> str:
        """E.g. "Service desk → Infrastructure → Service desk"."""
        return " → ".join(self.cycle)


@dataclass(frozen=True, slots=True)
class QueuePath:
    """One queue and where its tickets go on escalation."""

    queue_id: int
    name: str
    tier: Tier
    escalates_to_id: int | None
    escalates_to_name: str | None
    version: int


class EscalationPathService:
    """Reads and edits queues' next queues. Any thread."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def paths(self) -> list[QueuePath]:
        """Every queue with its next queue, lowest tier first, then by name."""
        with self._db.read() as s:
            return _paths(s)

    def set_next(
        self, queue_id: int, next_queue_id: int | None, expected_version: int, actor_id: int
    ) -> QueuePath:
        """Make `next_queue_id` (None: no path) where `queue_id` escalates to (admin only).

        Raises `EscalationLoopError` when the new path would come back to the queue,
        `ValidationError({"escalates_to_id": "tier_not_higher" | "not_found"})`, or
        `ConcurrentEditError` when the queue was saved since `expected_version`.
        """
        try:
            with self._db.write() as s:
                require_admin(s, actor_id, "edit_escalation_paths")
                queue = s.get(Queue, queue_id)
                if queue is None:
                    raise NotFoundError("queue", queue_id)
                if queue.version != expected_version:
                    raise ConcurrentEditError("queue", queue_id, queue.version)
                if next_queue_id is not None:
                    target = s.get(Queue, next_queue_id)
                    if target is None:
                        raise ValidationError({FIELD: "not_found"})
                    cycle = find_cycle(s, queue, target)
                    if cycle:
                        raise EscalationLoopError(cycle)
                    if TIER_ORDER[target.tier] <= TIER_ORDER[queue.tier]:
                        raise ValidationError({FIELD: "tier_not_higher"})
                if queue.escalates_to_id != next_queue_id:
                    queue.escalates_to_id = next_queue_id
                    s.flush()
                    self._db.announce(s, Changes("queue", frozenset({queue_id})))
                return next(p for p in _paths(s) if p.queue_id == queue_id)
        except StaleDataError:
            with self._db.read() as s:
                current = s.get(Queue, queue_id)
                raise ConcurrentEditError(
                    "queue", queue_id, current.version if current else expected_version
                ) from None


def find_cycle(s: Session, queue: Queue, target: Queue) -> tuple[str, ...]:
    """The queue names of the loop `queue → target → …` would close, or () when it closes none.

    Follows the stored next queues from `target`; a chain that already loops without reaching
    `queue` (bad old data) is not this edit's loop and stops the walk.
    """
    names = [queue.name]
    seen: set[int] = set()
    current: Queue | None = target
    while current is not None and current.id not in seen:
        names.append(current.name)
        if current.id == queue.id:
            return tuple(names)
        seen.add(current.id)
        current = s.get(Queue, current.escalates_to_id) if current.escalates_to_id else None
    return ()


def _paths(s: Session) -> list[QueuePath]:
    nxt = aliased(Queue, name="next_queue")
    rows = s.execute(select(Queue, nxt.name).outerjoin(nxt, nxt.id == Queue.escalates_to_id)).all()
    paths = [
        QueuePath(q.id, q.name, q.tier, q.escalates_to_id, name, q.version) for q, name in rows
    ]
    return sorted(paths, key=lambda p: (TIER_ORDER[p.tier], p.name.casefold(), p.queue_id))
