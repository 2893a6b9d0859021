"""Admin use cases on SLA configuration: calendars, policies, contracts, client defaults.

A calendar or policy edit bumps its version and recomputes the open tickets measured against it
in the same transaction (sla.md §11), so no ticket ever shows a due instant from an old edit.
Contract edits leave existing tickets alone: a ticket keeps the policy chosen when it was
created until someone re-evaluates it (sla.md §8.3).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.db import Changes, Database
from app.models import (
    Client,
    Contract,
    Queue,
    SlaCalendar,
    SlaCalendarHoliday,
    SlaCalendarInterval,
    SlaCalendarOverride,
    SlaLevel,
    SlaPolicy,
    SlaTarget,
    Technician,
    Ticket,
    TicketSla,
    TicketSlaLevel,
)
from app.models.enums import Role
from app.services.clock import Clock
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.sla import SlaService, open_ticket_ids
from app.services.sla_store import load_calendar_spec
from app.services.sla_types import (
    CalendarDetail,
    CalendarSpec,
    CalendarSummary,
    ConfigSaved,
    ContractRow,
    ContractSpec,
    HolidayRow,
    LevelSpec,
    PolicyDetail,
    PolicySpec,
    PolicySummary,
    QueueLead,
    TargetSpec,
)
from app.services.sla_validation import (
    HOLIDAY_YEARS,
    check_calendar,
    check_policy,
    check_reachable,
    clean_calendar,
    clean_policy,
)
from app.sla.holidays_seed import HolidaySeedError, holiday_source, seed_holidays
from app.sla.policy import (
    TargetKind,
    TargetUnit,
)


class SlaConfigService:
    """Calendars, policies and contracts. Reads for anyone signed in; writes for admins."""

    def __init__(self, db: Database, clock: Clock, sla: SlaService) -> None:
        self._db = db
        self._clock = clock
        self._sla = sla

    # -- calendars -----------------------------------------------------------------------------

    def calendars(self) -> list[CalendarSummary]:
        with self._db.read() as s:
            holidays = dict(
                s.execute(
                    select(SlaCalendarHoliday.calendar_id, func.count()).group_by(
                        SlaCalendarHoliday.calendar_id
                    )
                ).all()
            )
            policies: dict[int, list[str]] = {}
            for cal_id, name in s.execute(
                select(SlaPolicy.calendar_id, SlaPolicy.name).order_by(SlaPolicy.name)
            ):
                policies.setdefault(cal_id, []).append(name)
            return [
                CalendarSummary(
                    c.id,
                    c.name,
                    c.timezone,
                    c.always_open,
                    int(holidays.get(c.id, 0)),
                    tuple(policies.get(c.id, ())),
                    c.version,
                )
                for c in s.scalars(select(SlaCalendar).order_by(SlaCalendar.name))
            ]

    def calendar(self, calendar_id: int) -> CalendarDetail:
        with self._db.read() as s:
            spec = load_calendar_spec(s, calendar_id)
            version = s.scalar(select(SlaCalendar.version).where(SlaCalendar.id == calendar_id))
            assert version is not None
            return CalendarDetail(calendar_id, spec, version)

    def save_calendar(
        self,
        calendar_id: int | None,
        expected_version: int | None,
        spec: CalendarSpec,
        actor_id: int,
    ) -> ConfigSaved:
        """Create or replace a calendar; recomputes the open tickets measured on it."""
        spec = clean_calendar(spec)
        check_calendar(spec)
        now = self._clock.now()
        with self._db.write() as s:
            _check_admin(s, actor_id)
            _unique_name(s, SlaCalendar, spec.name, calendar_id)
            if calendar_id is None:
                cal = SlaCalendar()
                s.add(cal)
            else:
                cal = _locked(s, SlaCalendar, "calendar", calendar_id, expected_version)
                flag_modified(cal, "name")  # child-row edits must bump the version too
            cal.name = spec.name
            cal.timezone = spec.timezone
            cal.always_open = spec.always_open
            cal.holiday_country = spec.holiday_country
            cal.holiday_subdiv = spec.holiday_subdiv
            s.flush()
            _write_calendar_rows(s, cal.id, spec)
            s.flush()
            recomputed = 0
            if calendar_id is not None:
                ids = open_ticket_ids(s, TicketSla.calendar_id == cal.id)
                recomputed = self._sla.recompute_in(s, ids, now)
            changes = Changes("ticket") if recomputed else Changes("sla")
            self._db.announce(s, changes)
            return ConfigSaved(cal.id, cal.version, recomputed, changes)

    def seed_holidays(
        self, spec: CalendarSpec, country: str, subdiv: str, years: Iterable[int]
    ) -> CalendarSpec:
        """`spec` with the country's public holidays for `years` added (sla.md §14).

        Adds missing dates only: rows already in the form, edited or not, are kept as they are.
        Pure: the form saves the result like any other edit.
        """
        country, subdiv = country.strip().upper(), subdiv.strip()
        wanted = sorted(set(years))
        if not wanted or len(wanted) > 50 or any(y not in HOLIDAY_YEARS for y in wanted):
            raise ValidationError({"holiday_years": "year_out_of_range"})
        try:
            seeded = seed_holidays(country, subdiv or None, wanted)
        except HolidaySeedError as e:
            # Years were checked above: what is left is an unknown country or subdivision.
            raise ValidationError({"holiday_country": "unknown_region"}) from e
        source = holiday_source(country, subdiv or None)
        have = {h.local_date for h in spec.holidays}
        added = [HolidayRow(d, name, source) for d, name in seeded if d not in have]
        holidays = tuple(sorted((*spec.holidays, *added), key=lambda h: h.local_date))
        return CalendarSpec(
            spec.name,
            spec.timezone,
            spec.always_open,
            spec.weekly,
            holidays,
            spec.overrides,
            country,
            subdiv,
        )

    def delete_calendar(self, calendar_id: int, actor_id: int) -> None:
        with self._db.write() as s:
            _check_admin(s, actor_id)
            if s.get(SlaCalendar, calendar_id) is None:
                raise NotFoundError("calendar", calendar_id)
            used = s.scalar(select(exists().where(SlaPolicy.calendar_id == calendar_id)))
            if used:
                raise ValidationError({"calendar": "in_use"})
            for table in (SlaCalendarInterval, SlaCalendarHoliday, SlaCalendarOverride):
                s.execute(delete(table).where(table.calendar_id == calendar_id))
            s.execute(delete(SlaCalendar).where(SlaCalendar.id == calendar_id))
            self._db.announce(s, Changes("sla"))

    # -- policies ------------------------------------------------------------------------------

    def policies(self) -> list[PolicySummary]:
        with self._db.read() as s:
            rows = s.execute(
                select(SlaPolicy, SlaCalendar.name)
                .join(SlaCalendar, SlaPolicy.calendar_id == SlaCalendar.id)
                .order_by(SlaPolicy.name)
            ).all()
            return [
                PolicySummary(p.id, p.name, p.calendar_id, cal, p.active, p.is_default, p.version)
                for p, cal in rows
            ]

    def policy(self, policy_id: int) -> PolicyDetail:
        with self._db.read() as s:
            p = s.get(SlaPolicy, policy_id)
            if p is None:
                raise NotFoundError("policy", policy_id)
            targets = tuple(
                TargetSpec(
                    t.priority,
                    TargetKind(t.kind),
                    TargetUnit(t.unit),
                    t.amount,
                    t.warn_before_seconds,
                    t.warn_at_percent,
                )
                for t in s.scalars(
                    select(SlaTarget)
                    .where(SlaTarget.policy_id == policy_id)
                    .order_by(SlaTarget.priority, SlaTarget.id)
                )
            )
            engine = self._sla.store.policy_in(s, policy_id)
            levels = tuple(
                LevelSpec(lv.kind, lv.offset_seconds, lv.actions, lv.queue_id, lv.level_id)
                for lv in engine.levels
            )
            spec = PolicySpec(
                name=p.name,
                calendar_id=p.calendar_id,
                targets=targets,
                levels=levels,
                active=p.active,
                is_default=p.is_default,
                pause_categories=frozenset(p.pause_categories),
                pause_applies_to=frozenset(TargetKind(k) for k in p.pause_applies_to),
                ack_counts_as_response=p.ack_counts_as_response,
                description=p.description,
            )
            return PolicyDetail(policy_id, spec, p.version)

    def save_policy(
        self,
        policy_id: int | None,
        expected_version: int | None,
        spec: PolicySpec,
        actor_id: int,
    ) -> ConfigSaved:
        """Create or replace a policy; recomputes the open tickets measured by it."""
        spec = clean_policy(spec)
        check_policy(spec)
        now = self._clock.now()
        with self._db.write() as s:
            _check_admin(s, actor_id)
            _unique_name(s, SlaPolicy, spec.name, policy_id)
            if s.get(SlaCalendar, spec.calendar_id) is None:
                raise ValidationError({"calendar_id": "not_found"})
            calendar, _version = self._sla.store.calendar_in(s, spec.calendar_id)
            check_reachable(spec, calendar, now)
            for lv in spec.levels:
                if lv.queue_id is not None and s.get(Queue, lv.queue_id) is None:
                    raise ValidationError({"levels": "queue_not_found"})
            was_default = False
            if policy_id is None:
                p = SlaPolicy()
                s.add(p)
            else:
                p = _locked(s, SlaPolicy, "policy", policy_id, expected_version)
                was_default = p.is_default and p.active
                flag_modified(p, "name")
            p.name = spec.name
            p.calendar_id = spec.calendar_id
            p.active = spec.active
            p.is_default = spec.is_default
            p.pause_categories = sorted(spec.pause_categories)
            p.pause_applies_to = sorted(k.value for k in spec.pause_applies_to)
            p.ack_counts_as_response = spec.ack_counts_as_response
            p.description = spec.description
            s.flush()
            if spec.is_default:
                s.execute(
                    update(SlaPolicy)
                    .where(SlaPolicy.id != p.id, SlaPolicy.is_default.is_(True))
                    .values(is_default=False, version=SlaPolicy.version + 1)
                )
            _write_policy_rows(s, p.id, spec)
            s.flush()
            ids = set(open_ticket_ids(s, TicketSla.policy_id == p.id))
            if spec.is_default and spec.active and not was_default:
                ids.update(_open_without_clocks(s))
            recomputed = self._sla.recompute_in(s, ids, now)
            changes = Changes("ticket") if ids else Changes("sla")
            self._db.announce(s, changes)
            return ConfigSaved(p.id, p.version, recomputed, changes)

    # -- contracts and client defaults ---------------------------------------------------------

    def contracts(self, client_id: int) -> list[ContractRow]:
        with self._db.read() as s:
            rows = s.execute(
                select(Contract, SlaPolicy.name)
                .join(SlaPolicy, Contract.policy_id == SlaPolicy.id)
                .where(Contract.client_id == client_id)
                .order_by(Contract.valid_from.desc(), Contract.id.desc())
            ).all()
            return [
                ContractRow(
                    c.id,
                    ContractSpec(c.client_id, c.policy_id, c.name, c.valid_from, c.valid_to),
                    name,
                    c.version,
                )
                for c, name in rows
            ]

    def save_contract(
        self,
        contract_id: int | None,
        expected_version: int | None,
        spec: ContractSpec,
        actor_id: int,
    ) -> ConfigSaved:
        name = spec.name.strip()
        problems: dict[str, str] = {}
        if not name:
            problems["name"] = "required"
        elif len(name) > 200:
            problems["name"] = "too_long"
        if spec.valid_to is not None and spec.valid_to < spec.valid_from:
            problems["valid_to"] = "before_start"
        if problems:
            raise ValidationError(problems)
        with self._db.write() as s:
            _check_admin(s, actor_id)
            if s.get(Client, spec.client_id) is None:
                raise ValidationError({"client_id": "not_found"})
            if s.get(SlaPolicy, spec.policy_id) is None:
                raise ValidationError({"policy_id": "not_found"})
            if contract_id is None:
                c = Contract(client_id=spec.client_id)
                s.add(c)
            else:
                c = _locked(s, Contract, "contract", contract_id, expected_version)
            c.policy_id = spec.policy_id
            c.name = name
            c.valid_from = spec.valid_from
            c.valid_to = spec.valid_to
            s.flush()
            self._db.announce(s, Changes("sla"))
            return ConfigSaved(c.id, c.version, 0, Changes("sla"))

    def delete_contract(self, contract_id: int, actor_id: int) -> None:
        with self._db.write() as s:
            _check_admin(s, actor_id)
            if s.get(Contract, contract_id) is None:
                raise NotFoundError("contract", contract_id)
            s.execute(delete(Contract).where(Contract.id == contract_id))
            self._db.announce(s, Changes("sla"))

    def set_client_policy(self, client_id: int, policy_id: int | None, actor_id: int) -> int:
        """Set a client's default policy; its open tickets without clocks get them now.

        Returns how many tickets were recomputed.
        """
        with self._db.write() as s:
            _check_admin(s, actor_id)
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            if policy_id is not None and s.get(SlaPolicy, policy_id) is None:
                raise ValidationError({"policy_id": "not_found"})
            client.sla_policy_id = policy_id
            s.flush()
            ids = _open_without_clocks(s, client_id)
            n = self._sla.recompute_in(s, ids, self._clock.now())
            self._db.announce(
                s, Changes("ticket") if ids else Changes("client", frozenset({client_id}))
            )
            return n

    def client_policy(self, client_id: int) -> int | None:
        with self._db.read() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            return client.sla_policy_id

    # -- team leads ----------------------------------------------------------------------------

    def queue_leads(self) -> list[QueueLead]:
        with self._db.read() as s:
            rows = s.execute(
                select(Queue, Technician.name)
                .outerjoin(Technician, Queue.lead_id == Technician.id)
                .order_by(Queue.tier, Queue.name)
            ).all()
            return [QueueLead(q.id, q.name, q.tier, q.lead_id, name) for q, name in rows]

    def set_queue_lead(self, queue_id: int, lead_id: int | None, actor_id: int) -> None:
        """Name the queue's team lead (None: SLA escalations to "the lead" go to admins)."""
        with self._db.write() as s:
            _check_admin(s, actor_id)
            queue = s.get(Queue, queue_id)
            if queue is None:
                raise NotFoundError("queue", queue_id)
            if lead_id is not None:
                lead = s.get(Technician, lead_id)
                if lead is None or not lead.active:
                    raise ValidationError({"lead_id": "not_found"})
            queue.lead_id = lead_id
            s.flush()
            self._db.announce(s, Changes("sla"))


# -- writing ------------------------------------------------------------------------------------


def _write_calendar_rows(s: Session, calendar_id: int, spec: CalendarSpec) -> None:
    for table in (SlaCalendarInterval, SlaCalendarHoliday, SlaCalendarOverride):
        s.execute(delete(table).where(table.calendar_id == calendar_id))
    s.add_all(
        SlaCalendarInterval(calendar_id=calendar_id, weekday=day, start=a, end=b)
        for day, intervals in enumerate(spec.weekly)
        for a, b in intervals
    )
    s.add_all(
        SlaCalendarHoliday(
            calendar_id=calendar_id, local_date=h.local_date, name=h.name, source=h.source
        )
        for h in spec.holidays
    )
    s.add_all(
        SlaCalendarOverride(
            calendar_id=calendar_id,
            local_date=o.local_date,
            intervals=[list(i) for i in o.intervals],
            name=o.name.strip()[:200],
        )
        for o in spec.overrides
    )


def _write_policy_rows(s: Session, policy_id: int, spec: PolicySpec) -> None:
    s.execute(delete(SlaTarget).where(SlaTarget.policy_id == policy_id))
    s.add_all(
        SlaTarget(
            policy_id=policy_id,
            priority=t.priority,
            kind=t.kind.value,
            unit=t.unit.value,
            amount=t.amount,
            warn_before_seconds=t.warn_before_seconds,
            warn_at_percent=t.warn_at_percent,
        )
        for t in spec.targets
    )
    existing = {
        lv.id: lv for lv in s.scalars(select(SlaLevel).where(SlaLevel.policy_id == policy_id))
    }
    kept: set[int] = set()
    for lv in spec.levels:
        row = existing.get(lv.level_id) if lv.level_id is not None else None
        if row is None:
            row = SlaLevel(policy_id=policy_id)
            s.add(row)
        else:
            kept.add(row.id)
        row.kind = lv.kind.value
        row.offset_seconds = lv.offset_seconds
        row.actions = [a.value for a in lv.actions]
        row.queue_id = lv.queue_id
    removed = [i for i in existing if i not in kept]
    if removed:
        s.execute(delete(TicketSlaLevel).where(TicketSlaLevel.level_id.in_(removed)))
        s.execute(delete(SlaLevel).where(SlaLevel.id.in_(removed)))


def _open_without_clocks(s: Session, client_id: int | None = None) -> list[int]:
    stmt = select(Ticket.id).where(
        Ticket.is_open.is_(True), ~exists().where(TicketSla.ticket_id == Ticket.id)
    )
    if client_id is not None:
        stmt = stmt.where(Ticket.client_id == client_id)
    return list(s.scalars(stmt))


def _check_admin(s: Session, actor_id: int) -> None:
    actor = s.get(Technician, actor_id)
    if actor is None or not actor.active or actor.role is not Role.ADMIN:
        raise PermissionDeniedError("configure SLA")


def _unique_name(
    s: Session, model: type[SlaCalendar] | type[SlaPolicy], name: str, own: int | None
) -> None:
    stmt = select(model.id).where(func.lower(model.name) == name.lower())
    found = s.scalar(stmt)
    if found is not None and found != own:
        raise ValidationError({"name": "duplicate"})


_M = TypeVar("_M", SlaCalendar, SlaPolicy, Contract)


def _locked(
    s: Session, model: type[_M], kind: str, record_id: int, expected_version: int | None
) -> _M:
    row = s.get(model, record_id)
    if row is None:
        raise NotFoundError(kind, record_id)
    if expected_version is not None and row.version != expected_version:
        raise ConcurrentEditError(kind, record_id, row.version)
    return row
