"""The ten-business-day onboarding checklist (domain.md §3.1) with due dates on the MSP's calendar.

The MSP's business calendar is the calendar of the global default SLA policy (the hours the desk
itself works); without one, Monday to Friday. Step 5 (system and notification testing) cannot be
marked done while a remote method is untested or failing (§3.3); marking go-live done makes the
client Live with that go-live date. Any thread.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import Changes, Database
from app.models import Client, OnboardingStep, SlaCalendar, SlaPolicy, Technician
from app.models.enums import ClientStatus
from app.services.clock import Clock
from app.services.connectivity import untested_or_failing
from app.services.errors import ConcurrentEditError, NotFoundError, ValidationError
from app.services.permissions import require_editor
from app.services.sla_store import SlaStore
from app.sla import BusinessCalendar


@dataclass(frozen=True, slots=True)
class StepTemplate:
    key: str
    name: str
    first_day: int
    last_day: int
    done_when: str


#: domain.md §3.1, in order.
TEMPLATE: Final = (
    StepTemplate("call", "Onboarding call", 1, 1, "Scope, contacts, coverage, go-live date agreed"),
    StepTemplate(
        "data_capture", "Data capture through forms", 1, 4, "Mandatory form sections complete"
    ),
    StepTemplate(
        "telecom",
        "Telecom and IVR specification and setup",
        3,
        6,
        "Number, IVR option and after-hours routing recorded",
    ),
    StepTemplate("kb", "Documentation for the internal KB", 4, 7, "Wiki base pages exist"),
    StepTemplate(
        "testing",
        "System and notification testing",
        6,
        8,
        "Remote methods tested OK; test ticket e-mails reach client contacts",
    ),
    StepTemplate("training", "Staff training", 7, 9, "Each analyst on the client signs off"),
    StepTemplate("go_live", "Release of the number, go-live", 10, 10, "Client status is Live"),
)
_BY_KEY: Final = {t.key: t for t in TEMPLATE}


@dataclass(frozen=True, slots=True)
class StepRow:
    step_id: int
    position: int
    key: str
    name: str
    done_when: str
    first_day: int
    last_day: int
    due_date: dt.date
    owner_id: int | None
    owner_name: str | None
    done_at: dt.datetime | None
    done_by_name: str | None
    note: str
    version: int
    #: Why the step cannot be marked done yet ("" when it can).
    blocked: str = ""

    def overdue(self, today: dt.date) -> bool:
        return self.done_at is None and today > self.due_date


@dataclass(frozen=True, slots=True)
class Checklist:
    client_id: int
    start: dt.date | None
    go_live: dt.date | None
    steps: tuple[StepRow, ...]
    #: The calendar the due dates were counted on (name), for the screen to say so.
    calendar_name: str


class ChecklistService:
    """A client's onboarding checklist. Any thread."""

    def __init__(self, db: Database, clock: Clock, store: SlaStore) -> None:
        self._db = db
        self._clock = clock
        self._store = store

    def checklist(self, client_id: int) -> Checklist:
        with self._db.read() as s:
            client = _client(s, client_id)
            _, cal_name = self._calendar(s)
            names = dict(s.execute(select(Technician.id, Technician.name)).all())
            blocked = _blocked_testing(s, client_id)
            steps = tuple(
                _row(x, names, blocked if x.key == "testing" else "")
                for x in s.scalars(
                    select(OnboardingStep)
                    .where(OnboardingStep.client_id == client_id)
                    .order_by(OnboardingStep.position)
                )
            )
            return Checklist(
                client_id, client.onboarding_start, client.go_live_date, steps, cal_name
            )

    def start(self, client_id: int, start: dt.date, actor_id: int) -> Checklist:
        """Create the checklist from the template (or re-plan open steps' dates from `start`)."""
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            client = _client(s, client_id)
            cal, _ = self._calendar(s)
            days = business_days(cal, start, max(t.last_day for t in TEMPLATE))
            existing = {
                x.key: x
                for x in s.scalars(
                    select(OnboardingStep).where(OnboardingStep.client_id == client_id)
                )
            }
            for i, t in enumerate(TEMPLATE, start=1):
                step = existing.get(t.key)
                if step is None:
                    step = OnboardingStep(client_id=client_id, position=i, key=t.key, note="")
                    s.add(step)
                step.name = t.name
                step.first_day = t.first_day
                step.last_day = t.last_day
                if step.done_at is None:
                    # A done step keeps the date it was planned for; re-planning moves the rest.
                    step.due_date = days[t.last_day - 1]
            client.onboarding_start = days[0]
            went_live = existing.get("go_live")
            if went_live is None or went_live.done_at is None:
                # After go-live the date is a fact the contract term runs from, not a plan.
                client.go_live_date = days[-1]
            self._db.announce(s, Changes("client", frozenset({client_id})))
        return self.checklist(client_id)

    def set_owner(
        self, step_id: int, expected_version: int, owner_id: int | None, actor_id: int
    ) -> None:
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            step = self._locked(s, step_id, expected_version)
            if owner_id is not None and s.get(Technician, owner_id) is None:
                raise ValidationError({"owner": "unknown_technician"})
            step.owner_id = owner_id
            self._announce(s, step)

    def set_done(
        self, step_id: int, expected_version: int, done: bool, actor_id: int, note: str = ""
    ) -> None:
        """Mark a step done (now, by the actor) or not done again."""
        now = self._clock.now()
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            step = self._locked(s, step_id, expected_version)
            if done and step.key == "testing":
                reason = _blocked_testing(s, step.client_id)
                if reason:
                    raise ValidationError({"testing": reason})
            step.done_at = now if done else None
            step.done_by_id = actor_id if done else None
            if note.strip():
                step.note = note.strip()[:5000]
            if step.key == "go_live":
                client = _client(s, step.client_id)
                if done:
                    client.status = ClientStatus.LIVE
                    client.go_live_date = now.astimezone(_zone(client)).date()
                elif client.status is ClientStatus.LIVE:
                    client.status = ClientStatus.ONBOARDING
            self._announce(s, step)

    def remove(self, client_id: int, actor_id: int) -> None:
        """Drop the checklist (a client onboarded before this app, say)."""
        with self._db.write() as s:
            require_editor(s, actor_id, "edit_onboarding")
            s.execute(delete(OnboardingStep).where(OnboardingStep.client_id == client_id))
            self._db.announce(s, Changes("client", frozenset({client_id})))

    def _calendar(self, s: Session) -> tuple[BusinessCalendar, str]:
        found = s.execute(
            select(SlaPolicy.calendar_id)
            .where(SlaPolicy.is_default.is_(True), SlaPolicy.active.is_(True))
            .order_by(SlaPolicy.id)
            .limit(1)
        ).first()
        if found is None:
            return WEEKDAYS, "Monday to Friday"
        cal, _ = self._store.calendar_in(s, found[0])
        name = s.scalar(select(SlaCalendar.name).where(SlaCalendar.id == found[0])) or ""
        return cal, name

    def _locked(self, s: Session, step_id: int, expected_version: int) -> OnboardingStep:
        step = s.get(OnboardingStep, step_id)
        if step is None:
            raise NotFoundError("onboarding_step", step_id)
        if step.version != expected_version:
            raise ConcurrentEditError("onboarding_step", step_id, step.version)
        return step

    def _announce(self, s: Session, step: OnboardingStep) -> None:
        try:
            s.flush()
        except StaleDataError:
            raise ConcurrentEditError("onboarding_step", step.id, step.version) from None
        self._db.announce(s, Changes("client", frozenset({step.client_id})))


#: The fallback MSP calendar: Monday to Friday, whole days (only the dates matter here).
WEEKDAYS: Final = BusinessCalendar.from_dict(
    {
        "timezone": "UTC",
        "weekly": {d: [["00:00", "24:00"]] for d in ("mon", "tue", "wed", "thu", "fri")},
    }
)


def business_days(cal: BusinessCalendar, start: dt.date, count: int) -> list[dt.date]:
    """The first `count` business days of `cal` from `start` on (day 1 = `start` if it is one)."""
    zone = cal.timezone
    midnight = dt.datetime.combine(start, dt.time(), zone)
    out: list[dt.date] = []
    for n in range(count):
        end = cal.business_day_end(midnight, n)
        # A day's end can be the next midnight (24:00): step back an instant to name the date.
        out.append((end.astimezone(zone) - dt.timedelta(microseconds=1)).date())
    return out


def _blocked_testing(s: Session, client_id: int) -> str:
    bad = untested_or_failing(s, client_id)
    if bad is None:
        return "no_remote_methods"
    return "remote_untested" if bad else ""


def _client(s: Session, client_id: int) -> Client:
    client = s.get(Client, client_id)
    if client is None:
        raise NotFoundError("client", client_id)
    return client


def _zone(client: Client) -> dt.tzinfo:
    return zoneinfo.ZoneInfo(client.timezone)


def _row(x: OnboardingStep, names: dict[int, str], blocked: str) -> StepRow:
    t = _BY_KEY.get(x.key)
    return StepRow(
        x.id,
        x.position,
        x.key,
        x.name,
        t.done_when if t else "",
        x.first_day,
        x.last_day,
        x.due_date,
        x.owner_id,
        names.get(x.owner_id) if x.owner_id else None,
        x.done_at,
        names.get(x.done_by_id) if x.done_by_id else None,
        x.note,
        x.version,
        "" if x.done_at else blocked,
    )
