"""SLA clocks of tickets: which policy applies, recomputing clocks from history, reading them.

`recompute_in()` runs inside another service's unit of work (a ticket save, a calendar edit, the
sweep), so a ticket and its clocks are always written together. Clocks are rebuilt from the
ticket's whole history every time (sla.md §10.2, §11); only a recorded breach and the
notification flags carry over from the stored row.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final, cast

from sqlalchemy import Table, and_, bindparam, delete, select, update
from sqlalchemy.orm import Session

from app.db import Changes, Database
from app.models import (
    Client,
    Contract,
    SlaCalendar,
    SlaPolicy,
    Technician,
    Ticket,
    TicketEvent,
    TicketSla,
    TicketSlaLevel,
)
from app.models.enums import EventKind, Role, Status
from app.models.sla import NO_DUE
from app.services.breach_reasons import record_reason
from app.services.clock import Clock
from app.services.errors import NotFoundError, PermissionDeniedError
from app.services.sla_store import SlaStore
from app.services.sla_types import SlaClock, TicketSlaView
from app.sla import BusinessCalendar
from app.sla.engine import StatusChange, TargetResult, TargetState, TicketFacts, evaluate
from app.sla.policy import Policy, TargetKind

#: Engine categories (sla.md §10.1) of the app's statuses.
SLA_CATEGORY: Final = {
    Status.NEW: "new",
    Status.ASSIGNED: "in_progress",
    Status.IN_PROGRESS: "in_progress",
    Status.WAITING_CUSTOMER: "waiting_customer",
    Status.WAITING_THIRD_PARTY: "waiting_third_party",
    Status.RESOLVED: "resolved",
    Status.CLOSED: "closed",
    Status.CANCELLED: "cancelled",
}
#: States of a clock that can still run out.
RUNNING_STATES: Final = (TargetState.RUNNING, TargetState.WARNING, TargetState.BREACHED)
_HISTORY_KINDS: Final = (
    EventKind.CREATED,
    EventKind.STATUS_CHANGED,
    EventKind.PUBLIC_REPLY,
    EventKind.PHONE_CALL,
    EventKind.ASSIGNED,
)
#: Ids per IN (...) list: well inside SQLite's and PostgreSQL's parameter limits.
_CHUNK: Final = 500


@dataclass(frozen=True, slots=True)
class _TicketRow:
    ticket_id: int
    client_id: int
    priority: str
    created_at: dt.datetime
    #: The ticket's own policy (set by a routing rule) when it is active; overrides the choice.
    policy_override: int | None = None
    #: The contract picked at intake (Ticket.contract_id); its policy comes before the chooser's.
    contract_id: int | None = None


class SlaService:
    """Chooses policies, recomputes and reads ticket clocks. Any thread."""

    def __init__(self, db: Database, clock: Clock, store: SlaStore) -> None:
        self._db = db
        self._clock = clock
        self._store = store

    @property
    def store(self) -> SlaStore:
        return self._store

    # -- reads ---------------------------------------------------------------------------------

    def ticket_clocks(self, ticket_id: int) -> TicketSlaView:
        """A ticket's clocks with what they are measured against."""
        with self._db.read() as s:
            if s.get(Ticket, ticket_id) is None:
                raise NotFoundError("ticket", ticket_id)
            rows = s.execute(
                select(TicketSla, SlaPolicy.name, SlaCalendar.name, SlaCalendar.timezone)
                .join(SlaPolicy, TicketSla.policy_id == SlaPolicy.id)
                .join(SlaCalendar, TicketSla.calendar_id == SlaCalendar.id)
                .where(TicketSla.ticket_id == ticket_id)
            ).all()
            found = [_clock(r, policy, calendar, tz) for r, policy, calendar, tz in rows]
        order = {k: i for i, k in enumerate(TargetKind)}
        clocks = sorted(found, key=lambda c: order[c.kind])
        return TicketSlaView(ticket_id, tuple(clocks), "" if clocks else "no_policy")

    def calendar(self, calendar_id: int, version: int) -> BusinessCalendar | None:
        """The engine calendar a clock was computed with, for live countdowns (cached)."""
        return self._store.calendar(calendar_id, version)

    # -- writes --------------------------------------------------------------------------------

    def reevaluate(self, ticket_ids: Collection[int], actor_id: int) -> int:
        """Choose the policy again (contract, client, global default) and recompute: the
        operator's "re-evaluate SLA" after a contract change (sla.md §8.3). Returns how many
        tickets have clocks afterwards."""
        with self._db.write() as s:
            actor = s.get(Technician, actor_id)
            if actor is None or not actor.active or actor.role is Role.READ_ONLY:
                raise PermissionDeniedError("reevaluate_sla")
            done = self.recompute_in(s, ticket_ids, self._clock.now(), rechoose=True)
            self._db.announce(s, Changes("ticket", frozenset(ticket_ids)))
            return done

    def record_breach_reason(
        self, ticket_id: int, kind: TargetKind, reason: str, actor_id: int
    ) -> Changes:
        """Say why a breached target was missed (client reports list it with the breach)."""
        with self._db.write() as s:
            record_reason(s, ticket_id, kind, reason, actor_id, self._clock.now())
            changes = Changes("ticket", frozenset({ticket_id}))
            self._db.announce(s, changes)
            return changes

    def recompute_in(
        self,
        s: Session,
        ticket_ids: Iterable[int],
        now: dt.datetime,
        *,
        rechoose: bool = False,
    ) -> int:
        """Rebuild the clocks of `ticket_ids` in the caller's transaction; returns how many
        tickets have clocks. A ticket without clocks gets a policy chosen first."""
        done = 0
        for chunk in _chunks(sorted(set(ticket_ids))):
            done += self._recompute_chunk(s, chunk, now, rechoose)
        return done

    def _recompute_chunk(
        self, s: Session, ids: Sequence[int], now: dt.datetime, rechoose: bool
    ) -> int:
        s.flush()
        tickets = [
            _TicketRow(
                t_id, client_id, priority.value, created, override if active else None, contract
            )
            for t_id, client_id, priority, created, override, active, contract in s.execute(
                select(
                    Ticket.id,
                    Ticket.client_id,
                    Ticket.priority,
                    Ticket.created_at,
                    Ticket.sla_policy_id,
                    SlaPolicy.active,
                    Ticket.contract_id,
                )
                .outerjoin(SlaPolicy, Ticket.sla_policy_id == SlaPolicy.id)
                .where(Ticket.id.in_(ids))
                .order_by(Ticket.id)
                # PostgreSQL: a sweep and a ticket save recomputing the same ticket take turns,
                # so the later one reads the other's history and never writes stale clocks.
                # (SQLite writers are serialised by BEGIN IMMEDIATE already.)
                .with_for_update(of=Ticket)
            )
        ]
        stored: dict[int, dict[str, TicketSla]] = defaultdict(dict)
        for row in s.scalars(select(TicketSla).where(TicketSla.ticket_id.in_(ids))):
            stored[row.ticket_id][row.kind] = row
        history = _history(s, ids)
        levels: dict[int, dict[int, TicketSlaLevel]] = defaultdict(dict)
        sla_ids = [r.id for rows in stored.values() for r in rows.values()]
        for chunk in _chunks(sla_ids):
            for lv in s.scalars(
                select(TicketSlaLevel).where(TicketSlaLevel.ticket_sla_id.in_(chunk))
            ):
                levels[lv.ticket_sla_id][lv.level_id] = lv
        with_clocks = 0
        chooser = _PolicyChooser(s)
        # The picked contracts of the whole chunk in one query (not one per ticket).
        chooser.load_contracts([t.contract_id for t in tickets if t.contract_id is not None])
        # Policy and calendar per policy id, looked up once per chunk.
        governing: dict[int, tuple[Policy, BusinessCalendar, int, int]] = {}
        computed: list[tuple[TicketSla, TargetResult]] = []
        orders: list[dict[str, object]] = []
        for t in tickets:
            rows = stored.get(t.ticket_id, {})
            policy_id = None if rechoose or not rows else next(iter(rows.values())).policy_id
            if policy_id is None:
                policy_id = t.policy_override or chooser.choose(
                    t.client_id, t.created_at, t.contract_id
                )
            if policy_id is None:
                for row in rows.values():
                    _cancel(row, now)
                orders.append(_order(t.ticket_id, rows))
                continue
            with_clocks += 1
            if policy_id not in governing:
                policy = self._store.policy_in(s, policy_id)
                calendar_id = s.scalar(
                    select(SlaPolicy.calendar_id).where(SlaPolicy.id == policy_id)
                )
                assert calendar_id is not None
                calendar, calendar_version = self._store.calendar_in(s, calendar_id)
                governing[policy_id] = (policy, calendar, calendar_id, calendar_version)
            policy, calendar, calendar_id, calendar_version = governing[policy_id]
            facts = _facts(t, history.get(t.ticket_id, ()))
            results = evaluate(facts, policy, calendar, now) if policy.active else ()
            written: dict[str, TicketSla] = {}
            for r in results:
                found = rows.get(r.kind.value)
                if found is None:
                    row = TicketSla(ticket_id=t.ticket_id, kind=r.kind.value)
                    s.add(row)
                else:
                    row = found
                _store_result(row, r, policy, calendar_id, calendar_version, t.priority, now)
                written[r.kind.value] = row
                computed.append((row, r))
            for kind, row in rows.items():
                if kind not in written:
                    _cancel(row, now)
            orders.append(_order(t.ticket_id, rows | written))
        # One flush gives the new clocks their ids for their level rows.
        s.flush()
        for row, r in computed:
            _store_levels(s, row, r, levels.get(row.id, {}))
        if orders:
            # A plain UPDATE: the clocks moved, the tickets' fields did not, so versions stay.
            s.connection().execute(_ORDER_UPDATE, orders)
        return with_clocks


def choose_policy(
    s: Session, client_id: int, created_at: dt.datetime, contract_id: int | None = None
) -> int | None:
    """sla.md §8: the contract picked at intake (`contract_id`) when valid at creation → the
    newest contract valid at creation → the client default → the global default."""
    chooser = _PolicyChooser(s)
    if contract_id is not None:
        chooser.load_contracts([contract_id])
    return chooser.choose(client_id, created_at, contract_id)


@dataclass(frozen=True, slots=True)
class _ClientTerms:
    zone: zoneinfo.ZoneInfo
    #: (valid_from, valid_to or None, policy id) of contracts on active policies, newest first.
    contracts: tuple[tuple[dt.date, dt.date | None, int], ...]
    default_policy: int | None


class _PolicyChooser:
    """Policy choice for many tickets with one lookup per client (demo data, re-evaluation)."""

    def __init__(self, s: Session) -> None:
        self._s = s
        self._clients: dict[int, _ClientTerms | None] = {}
        #: Picked contracts by id: (client id, valid_from, valid_to, policy id); active policies.
        self._contracts: dict[int, tuple[int, dt.date, dt.date | None, int]] = {}
        self._global: int | None = s.scalar(
            select(SlaPolicy.id)
            .where(SlaPolicy.is_default.is_(True), SlaPolicy.active.is_(True))
            .order_by(SlaPolicy.id)
            .limit(1)
        )

    def load_contracts(self, contract_ids: Collection[int]) -> None:
        """Look the picked contracts up in one query (per chunk of tickets)."""
        wanted = sorted(set(contract_ids) - self._contracts.keys())
        for chunk in _chunks(wanted):
            for c_id, client_id, valid_from, valid_to, policy_id in self._s.execute(
                select(
                    Contract.id,
                    Contract.client_id,
                    Contract.valid_from,
                    Contract.valid_to,
                    Contract.policy_id,
                )
                .join(SlaPolicy, Contract.policy_id == SlaPolicy.id)
                .where(Contract.id.in_(chunk), SlaPolicy.active.is_(True))
            ):
                self._contracts[c_id] = (client_id, valid_from, valid_to, policy_id)

    def choose(
        self, client_id: int, created_at: dt.datetime, contract_id: int | None = None
    ) -> int | None:
        if client_id not in self._clients:
            self._clients[client_id] = self._terms(client_id)
        terms = self._clients[client_id]
        if terms is None:
            return None
        day = created_at.astimezone(terms.zone).date()
        # The contract picked at intake is what the entitlement card showed, so its policy wins
        # over "newest valid contract" when it is the client's, valid that day and on an active
        # policy (load_contracts keeps only those); otherwise fall back to the usual choice.
        picked = self._contracts.get(contract_id) if contract_id is not None else None
        if picked is not None:
            owner, valid_from, valid_to, policy_id = picked
            if owner == client_id and valid_from <= day and (valid_to is None or day <= valid_to):
                return policy_id
        for valid_from, valid_to, policy_id in terms.contracts:
            if valid_from <= day and (valid_to is None or day <= valid_to):
                return policy_id
        return terms.default_policy if terms.default_policy is not None else self._global

    def _terms(self, client_id: int) -> _ClientTerms | None:
        s = self._s
        client = s.get(Client, client_id)
        if client is None:
            return None
        try:
            zone = zoneinfo.ZoneInfo(client.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = zoneinfo.ZoneInfo("UTC")
        contracts = tuple(
            (valid_from, valid_to, policy_id)
            for valid_from, valid_to, policy_id in s.execute(
                select(Contract.valid_from, Contract.valid_to, Contract.policy_id)
                .join(SlaPolicy, Contract.policy_id == SlaPolicy.id)
                .where(Contract.client_id == client_id, SlaPolicy.active.is_(True))
                .order_by(Contract.valid_from.desc(), Contract.id.desc())
            )
        )
        default = None
        if client.sla_policy_id is not None:
            active = s.scalar(select(SlaPolicy.active).where(SlaPolicy.id == client.sla_policy_id))
            default = client.sla_policy_id if active else None
        return _ClientTerms(zone, contracts, default)


# -- loading ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Event:
    at: dt.datetime
    kind: EventKind
    new_value: str
    public: bool
    actor_id: int | None


def _history(s: Session, ids: Sequence[int]) -> dict[int, list[_Event]]:
    out: dict[int, list[_Event]] = defaultdict(list)
    rows = s.execute(
        select(
            TicketEvent.ticket_id,
            TicketEvent.at,
            TicketEvent.kind,
            TicketEvent.new_value,
            TicketEvent.public,
            TicketEvent.actor_id,
        )
        .where(TicketEvent.ticket_id.in_(ids), TicketEvent.kind.in_(_HISTORY_KINDS))
        .order_by(TicketEvent.ticket_id, TicketEvent.at, TicketEvent.id)
    )
    for ticket_id, at, kind, new_value, public, actor_id in rows:
        out[ticket_id].append(_Event(at, kind, new_value, public, actor_id))
    return out


def _facts(t: _TicketRow, events: Sequence[_Event]) -> TicketFacts:
    statuses: list[StatusChange] = []
    communications: list[dt.datetime] = []
    acks: list[dt.datetime] = []
    for e in events:
        if e.kind in (EventKind.CREATED, EventKind.STATUS_CHANGED):
            status = _STATUSES.get(e.new_value)
            if status is not None:
                statuses.append(StatusChange(e.at, SLA_CATEGORY[status]))
        elif e.kind in (EventKind.PUBLIC_REPLY, EventKind.PHONE_CALL):
            if e.public:
                communications.append(e.at)
        elif e.kind is EventKind.ASSIGNED and e.new_value == str(e.actor_id):
            # Taking the ticket oneself: an acknowledgement.
            acks.append(e.at)
    if not statuses:
        statuses.append(StatusChange(t.created_at, "new"))
    return TicketFacts(
        created_at=t.created_at,
        priority=t.priority,
        statuses=tuple(statuses),
        communications=tuple(communications),
        acknowledgements=tuple(acks),
    )


_STATUSES: Final = {s.value: s for s in Status}


# -- storing ------------------------------------------------------------------------------------


def _store_result(
    row: TicketSla,
    r: TargetResult,
    policy: Policy,
    calendar_id: int,
    calendar_version: int,
    priority: str,
    now: dt.datetime,
) -> None:
    if row.met_at is not None and row.met_at == r.met_at and row.id is not None:
        # A met target keeps the values it was met under: later calendar or policy edits
        # must not rewrite history (sla.md §11). Only a clock met before migration 0009,
        # which has no elapsed figure yet, is measured once (with today's calendar).
        if row.business_elapsed_seconds is None:
            row.business_elapsed_seconds = r.business_elapsed_seconds
        return
    row.policy_id = policy.policy_id
    row.policy_version = policy.version
    row.calendar_id = calendar_id
    row.calendar_version = calendar_version
    row.priority = priority  # type: ignore[assignment]  # the enum column accepts its value
    row.start_at = r.start_at
    row.target_seconds = r.target_seconds
    row.due_at = r.due_at
    row.warn_at = r.warn_at
    row.met_at = r.met_at
    row.business_elapsed_seconds = r.business_elapsed_seconds
    state = r.state
    if r.breached_at is not None:
        row.breached_at = r.breached_at
        row.business_overrun_seconds = r.business_overrun_seconds
    elif row.breached_at is not None and state is TargetState.MET:
        # A breach once recorded stays recorded (domain.md §2.7), also after a reopen.
        state = TargetState.BREACHED
    row.state = state.value
    row.paused_business_seconds = r.paused_business_seconds
    row.reopen_business_seconds = r.reopen_business_seconds
    row.reopen_count = r.reopen_count
    row.remaining_seconds = r.time_left_seconds if state is TargetState.PAUSED else None
    row.breach_justification = row.breach_justification or ""
    row.computed_at = now


def _cancel(row: TicketSla, now: dt.datetime) -> None:
    if row.met_at is not None:
        # Only open targets are cancelled (sla.md §11): a met one stays on record as it was.
        return
    row.state = TargetState.CANCELLED.value
    row.due_at = None
    row.warn_at = None
    row.remaining_seconds = None
    row.computed_at = now


def _store_levels(
    s: Session, row: TicketSla, r: TargetResult, existing: dict[int, TicketSlaLevel]
) -> None:
    """Level instants follow the due; a level that fired keeps its instant and never fires again."""
    wanted = {lv.level.level_id: lv.at for lv in r.levels} if r.is_open else {}
    for level_id, at in wanted.items():
        found = existing.get(level_id)
        if found is None:
            s.add(TicketSlaLevel(ticket_sla_id=row.id, level_id=level_id, due_at=at))
        elif found.fired_at is None:
            found.due_at = at
    stale = [
        lv.id for level_id, lv in existing.items() if level_id not in wanted and not lv.fired_at
    ]
    if stale:
        s.execute(delete(TicketSlaLevel).where(TicketSlaLevel.id.in_(stale)))


_TICKET = cast(Table, Ticket.__table__)
_ORDER_UPDATE: Final = (
    update(_TICKET)
    .where(_TICKET.c.id == bindparam("tid"))
    .values(
        response_due_order=bindparam("response_due"),
        resolve_due_order=bindparam("resolve_due"),
        response_sla_state=bindparam("response_state"),
        resolution_sla_state=bindparam("resolution_state"),
        response_business_seconds=bindparam("response_seconds"),
        resolution_business_seconds=bindparam("resolution_seconds"),
    )
)


def _order(ticket_id: int, rows: dict[str, TicketSla]) -> dict[str, object]:
    """The running due instants, copied onto the ticket for the queue's urgency sort, and
    each clock's state and business time for the reports (`Ticket.response_sla_state`)."""

    def due(kind: TargetKind) -> dt.datetime:
        row = rows.get(kind.value)
        if row is None or row.due_at is None or row.met_at is not None:
            return NO_DUE
        return row.due_at if TargetState(row.state) in RUNNING_STATES else NO_DUE

    return {
        "tid": ticket_id,
        "response_due": due(TargetKind.RESPONSE),
        "resolve_due": due(TargetKind.RESOLUTION),
        **_summary_values(rows),
    }


def _summary_values(rows: dict[str, TicketSla]) -> dict[str, object]:
    """The `_ORDER_UPDATE` parameters that copy the clocks' outcomes onto their ticket."""
    response = rows.get(TargetKind.RESPONSE.value)
    resolution = rows.get(TargetKind.RESOLUTION.value)
    return {
        "response_state": response.state if response else None,
        "resolution_state": resolution.state if resolution else None,
        "response_seconds": response.business_elapsed_seconds if response else None,
        "resolution_seconds": resolution.business_elapsed_seconds if resolution else None,
    }


def _clock(r: TicketSla, policy_name: str, calendar_name: str, timezone: str) -> SlaClock:
    return SlaClock(
        ticket_id=r.ticket_id,
        kind=TargetKind(r.kind),
        state=TargetState(r.state),
        due_at=r.due_at,
        warn_at=r.warn_at,
        met_at=r.met_at,
        breached_at=r.breached_at,
        target_seconds=r.target_seconds,
        remaining_seconds=r.remaining_seconds,
        business_overrun_seconds=r.business_overrun_seconds,
        paused_business_seconds=r.paused_business_seconds,
        reopen_count=r.reopen_count,
        policy_id=r.policy_id,
        policy_name=policy_name,
        calendar_id=r.calendar_id,
        calendar_name=calendar_name,
        calendar_version=r.calendar_version,
        timezone=timezone,
        breach_justification=r.breach_justification,
    )


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def open_ticket_ids(s: Session, *conditions: object) -> list[int]:
    """Open tickets whose clocks match `conditions` on TicketSla (e.g. a calendar id)."""
    stmt = (
        select(TicketSla.ticket_id)
        .join(Ticket, Ticket.id == TicketSla.ticket_id)
        .where(Ticket.is_open.is_(True), and_(*conditions))  # type: ignore[arg-type]
        .distinct()
    )
    return list(s.scalars(stmt))
