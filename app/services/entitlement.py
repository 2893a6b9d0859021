"""The intake lookup (domain.md §2.2 step 3, S11): who is calling, and what are they entitled to.

`find` is the one search box of the "New call" flow: a caller's name, phone or e-mail, a client's
name or code, a device serial or asset tag, a contract number or a licence key (the queries live
in `entitlement_search`). `card` gathers everything the technician needs on screen while the
caller talks: contract and validity, SLA coverage right now, prepaid hours, licences, VIP rule,
verification method, open tickets, out-of-scope text and whether the device is covered.
"""

from __future__ import annotations

import datetime as dt
import enum
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Asset, Client, Contact, Contract, Licence, SlaCalendar, SlaPolicy, Ticket
from app.models.enums import ClientStatus, Priority, Status
from app.models.ticket import format_number
from app.services.clock import Clock
from app.services.entitlement_search import Candidate, search
from app.services.errors import NotFoundError
from app.services.onboarding import section_data
from app.services.prepaid import prepaid_balances
from app.services.sla import choose_policy
from app.services.sla_store import SlaStore
from app.sla import CalendarError

#: Shorter text finds too much to be useful on the phone.
MIN_TEXT: Final = 2
#: Longer than every key and name column (e-mail: 320).
MAX_TEXT: Final = 320
TOP_TICKETS: Final = 5
#: How far ahead "open until" / "opens at" is looked for.
_HORIZON: Final = dt.timedelta(days=8)


class Validity(enum.StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    NOT_STARTED = "not_started"
    #: The client has no contract at all.
    NONE = "none"


class DeviceProblem(enum.StrEnum):
    """Why a device is not covered."""

    NO_CONTRACT = "no_contract"
    CONTRACT_EXPIRED = "contract_expired"
    CONTRACT_NOT_STARTED = "contract_not_started"
    COVERAGE_ENDED = "coverage_ended"


@dataclass(frozen=True, slots=True)
class ContractLine:
    contract_id: int
    name: str
    number: str
    validity: Validity
    valid_from: dt.date
    valid_to: dt.date | None
    max_tier: str
    on_site: bool
    policy_name: str
    exclusions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Coverage:
    """The SLA calendar right now: 24x7, open (until `until`) or closed (opens at `opens`).

    Instants are local to `timezone`; `until`/`opens` None when nothing changes within 8 days.
    """

    calendar_name: str
    timezone: str
    always_open: bool
    open_now: bool
    until: dt.datetime | None = None
    opens: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class LicenceLine:
    product: str
    version: str
    seats_bought: int | None
    seats_used: int | None

    @property
    def over_used(self) -> bool:
        return (
            self.seats_bought is not None
            and self.seats_used is not None
            and self.seats_used > self.seats_bought
        )


@dataclass(frozen=True, slots=True)
class TicketLine:
    ticket_id: int
    subject: str
    status: Status

    @property
    def number(self) -> str:
        return format_number(self.ticket_id)


@dataclass(frozen=True, slots=True)
class OpenTickets:
    count: int
    top: tuple[TicketLine, ...]


@dataclass(frozen=True, slots=True)
class DeviceLine:
    asset_id: int
    serial: str
    asset_tag: str
    kind: str
    description: str
    covered_until: dt.date | None
    #: None = covered.
    problem: DeviceProblem | None

    @property
    def covered(self) -> bool:
        return self.problem is None


@dataclass(frozen=True, slots=True)
class EntitlementCard:
    client_id: int
    client_name: str
    client_code: str
    client_status: ClientStatus
    timezone: str
    contact_id: int | None
    contact_name: str
    contact_vip: bool
    #: The client's VIP rule (data-capture section 5): floor and "straight to L2".
    vip_priority_floor: Priority | None
    vip_direct_to_l2: bool
    #: The contract that applies (None: the client has none) and every candidate listed.
    contract: ContractLine | None
    contracts: tuple[ContractLine, ...]
    policy_name: str
    coverage: Coverage | None
    #: None = no block of hours on the contract.
    prepaid_minutes: int | None
    prepaid_left_minutes: int | None
    licences: tuple[LicenceLine, ...]
    verification_method: str
    caller_tickets: OpenTickets
    client_tickets: OpenTickets
    out_of_scope: str
    device: DeviceLine | None

    @property
    def validity(self) -> Validity:
        return self.contract.validity if self.contract else Validity.NONE


def priority_after_floor(priority: Priority, floor: Priority | None) -> Priority:
    """The priority a VIP's ticket gets: string order is urgency order, as in `vip_rule`."""
    return floor if floor is not None and floor < priority else priority


class EntitlementService:
    """Reads for intake. Any thread; each call is its own read transaction."""

    def __init__(self, db: Database, clock: Clock, store: SlaStore | None = None) -> None:
        self._db = db
        self._clock = clock
        self._store = store or SlaStore(db)

    # -- find --------------------------------------------------------------------------------

    def find(self, text: str, limit: int = 20) -> list[Candidate]:
        """Candidates for `text`, exact key matches first; [] for fewer than 2 characters.

        Control characters (a NUL that PostgreSQL refuses, a pasted tab) are dropped, and text
        longer than any stored key or name finds nothing rather than scanning for it.
        """
        text = "".join(ch for ch in text if ch.isprintable()).strip()
        if not MIN_TEXT <= len(text) <= MAX_TEXT or limit <= 0:
            return []
        with self._db.read() as s:
            return search(s, text, limit)

    # -- card --------------------------------------------------------------------------------

    def card(
        self,
        client_id: int,
        contact_id: int | None = None,
        asset_id: int | None = None,
        contract_id: int | None = None,
    ) -> EntitlementCard:
        """Everything intake shows for a client (and caller, device, contract) right now."""
        now = self._clock.now()
        with self._db.read() as s:
            client = s.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            zone = _zone(client.timezone)
            today = now.astimezone(zone).date()
            contact = _owned(s, Contact, contact_id, client_id, "contact")
            asset = _owned(s, Asset, asset_id, client_id, "asset")
            given = _owned(s, Contract, contract_id, client_id, "contract")
            policies = dict(s.execute(select(SlaPolicy.id, SlaPolicy.name)).all())
            lines = _contract_lines(s, client_id, today, policies)
            chosen = _choose(lines, given, asset)
            if chosen is not None and chosen.validity is Validity.VALID:
                policy_id = s.scalar(
                    select(Contract.policy_id).where(Contract.id == chosen.contract_id)
                )
            else:
                policy_id = choose_policy(s, client_id, now)
            listed = tuple(x for x in lines if x.validity is Validity.VALID) or (
                (chosen,) if chosen else ()
            )
            balance = prepaid_balances(s, [chosen.contract_id]) if chosen else {}
            left = balance[chosen.contract_id] if chosen else None
            vip = section_data(s, client_id, "vip") or {}
            floor = vip.get("priority_floor")
            return EntitlementCard(
                client_id=client.id,
                client_name=client.name,
                client_code=client.code,
                client_status=client.status,
                timezone=client.timezone,
                contact_id=contact.id if contact else None,
                contact_name=contact.name if contact else "",
                contact_vip=bool(contact and contact.vip),
                vip_priority_floor=Priority(floor) if floor else None,
                vip_direct_to_l2=bool(vip.get("direct_to_l2")),
                contract=chosen,
                contracts=listed,
                policy_name=policies.get(policy_id, "") if policy_id else "",
                coverage=self._coverage(s, policy_id, now) if policy_id else None,
                prepaid_minutes=left.prepaid_minutes if left else None,
                prepaid_left_minutes=left.left_minutes if left else None,
                licences=_licence_lines(s, client_id),
                verification_method=_verification(s, client_id, contact_id),
                caller_tickets=_open_tickets(s, Ticket.contact_id == contact.id)
                if contact
                else OpenTickets(0, ()),
                client_tickets=_open_tickets(s, Ticket.client_id == client_id),
                out_of_scope=str(
                    (section_data(s, client_id, "knowledge") or {}).get("out_of_scope") or ""
                ),
                device=_device(s, asset, today) if asset else None,
            )

    def _coverage(self, s: Session, policy_id: int, now: dt.datetime) -> Coverage | None:
        row = s.execute(
            select(SlaCalendar.id, SlaCalendar.name, SlaCalendar.timezone, SlaCalendar.always_open)
            .join(SlaPolicy, SlaPolicy.calendar_id == SlaCalendar.id)
            .where(SlaPolicy.id == policy_id)
        ).one_or_none()
        if row is None:
            return None
        calendar_id, name, timezone, always_open = row
        if always_open:
            return Coverage(name, timezone, True, True)
        cal, _ = self._store.calendar_in(s, calendar_id)
        zone = _zone(timezone)
        try:
            if cal.is_open_at(now):
                until = _open_until(cal.between, now)
                return Coverage(name, timezone, False, True, until=_local(until, zone))
            # `add` finds the end of the first business second: its start is the opening.
            opens = cal.add(now, 1) - dt.timedelta(seconds=1)
        except CalendarError:
            return Coverage(name, timezone, False, cal.is_open_at(now))
        return Coverage(
            name,
            timezone,
            False,
            False,
            opens=_local(opens if opens - now < _HORIZON else None, zone),
        )


# -- card helpers ---------------------------------------------------------------------------


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _local(instant: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
    return instant.astimezone(zone) if instant is not None else None


def _open_until(between: Any, now: dt.datetime) -> dt.datetime | None:
    """The first closing after `now` (open at `now`): the last instant up to which every second
    since `now` is business time, by bisection on whole seconds."""
    horizon = int(_HORIZON.total_seconds())
    if between(now, now + _HORIZON) >= horizon:
        return None
    lo, hi = 0, horizon  # open for `lo` seconds; not for `hi`
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if between(now, now + dt.timedelta(seconds=mid)) >= mid:
            lo = mid
        else:
            hi = mid
    return now + dt.timedelta(seconds=lo)


def _owned(s: Session, model: Any, record_id: int | None, client_id: int, kind: str) -> Any:
    if record_id is None:
        return None
    row = s.get(model, record_id)
    if row is None or row.client_id != client_id:
        raise NotFoundError(kind, record_id)
    return row


def _validity(c: Contract, today: dt.date) -> Validity:
    if today < c.valid_from:
        return Validity.NOT_STARTED
    if c.valid_to is not None and c.valid_to < today:
        return Validity.EXPIRED
    return Validity.VALID


def _contract_lines(
    s: Session, client_id: int, today: dt.date, policies: dict[int, str]
) -> list[ContractLine]:
    """The client's contracts, valid ones first (newest start first, as the SLA choice), then the
    rest by how recently they ended."""
    rows = s.scalars(
        select(Contract)
        .where(Contract.client_id == client_id)
        .order_by(Contract.valid_from.desc(), Contract.id.desc())
    )
    lines = [
        ContractLine(
            c.id,
            c.name,
            c.number,
            _validity(c, today),
            c.valid_from,
            c.valid_to,
            c.max_tier,
            c.on_site,
            policies.get(c.policy_id, ""),
            tuple(c.exclusions or ()),
        )
        for c in rows
    ]
    order = {Validity.VALID: 0, Validity.EXPIRED: 1, Validity.NOT_STARTED: 2}
    return sorted(lines, key=lambda x: order.get(x.validity, 3))


def _choose(
    lines: Sequence[ContractLine], given: Contract | None, asset: Asset | None
) -> ContractLine | None:
    wanted = given.id if given else (asset.contract_id if asset else None)
    for line in lines:
        if line.contract_id == wanted:
            return line
    return lines[0] if lines else None


def _licence_lines(s: Session, client_id: int) -> tuple[LicenceLine, ...]:
    rows = s.execute(
        select(Licence.product, Licence.version, Licence.seats_bought, Licence.seats_used)
        .where(Licence.client_id == client_id)
        .order_by(Licence.product, Licence.version, Licence.id)
    ).all()
    return tuple(LicenceLine(*r) for r in rows)


def _verification(s: Session, client_id: int, contact_id: int | None) -> str:
    """The method `CallerVerificationService.plan` would ask for: per contact, else the client's."""
    rule = section_data(s, client_id, "verification") or {}
    method = str(rule.get("method") or "")
    for row in rule.get("per_contact", []):
        if contact_id is not None and row.get("contact") == contact_id:
            method = str(row.get("method") or method)
    return method


def _open_tickets(s: Session, condition: ColumnElement[bool]) -> OpenTickets:
    where = and_(condition, Ticket.is_open.is_(True))
    count = s.scalar(select(func.count()).select_from(Ticket).where(where)) or 0
    top = (
        select(Ticket.id, Ticket.subject, Ticket.status)
        .where(where)
        .order_by(Ticket.updated_at.desc(), Ticket.id.desc())
        .limit(TOP_TICKETS)
    )
    return OpenTickets(count, tuple(TicketLine(*r) for r in s.execute(top)))


def _device(s: Session, asset: Asset, today: dt.date) -> DeviceLine:
    problem: DeviceProblem | None = None
    contract = s.get(Contract, asset.contract_id) if asset.contract_id else None
    if contract is None:
        problem = DeviceProblem.NO_CONTRACT
    elif _validity(contract, today) is Validity.EXPIRED:
        problem = DeviceProblem.CONTRACT_EXPIRED
    elif _validity(contract, today) is Validity.NOT_STARTED:
        problem = DeviceProblem.CONTRACT_NOT_STARTED
    elif asset.covered_until is not None and asset.covered_until < today:
        problem = DeviceProblem.COVERAGE_ENDED
    return DeviceLine(
        asset.id,
        asset.serial,
        asset.asset_tag,
        asset.kind,
        asset.description,
        asset.covered_until,
        problem,
    )
