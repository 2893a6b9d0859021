"""The ticket queue: filtered, sorted pages of ticket rows by keyset paging, and queue counts.

Every method is one read-only unit of work, callable from any thread (the GUI calls them on the
read lane). Sorting and filtering happen in SQL; a page never loads more rows than it shows.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    true,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.types import Integer, NullType, String

from app.db import Database
from app.models import Client, Contact, Queue, SlaCalendar, Technician, Ticket, TicketSla
from app.models.enums import Priority, Status, StatusCategory, TicketType, Tier
from app.models.ticket import format_number
from app.services.clock import Clock, SystemClock
from app.services.sla_store import SlaStore
from app.sla import BusinessCalendar
from app.sla.engine import TargetState

#: Rows fetched per page; about four screens of a maximised queue.
PAGE_SIZE: Final = 200
_NUMBER_RE: Final = re.compile(r"^\s*(?:t-?)?0*(\d{1,9})\s*$", re.IGNORECASE)

_Assignee = aliased(Technician, name="assignee")
_Response = aliased(TicketSla, name="response_sla")
_Resolve = aliased(TicketSla, name="resolve_sla")


class SortKey(enum.StrEnum):
    """Columns the queue can be sorted by."""

    NUMBER = "number"
    CLIENT = "client"
    SUBJECT = "subject"
    TYPE = "type"
    PRIORITY = "priority"
    STATUS = "status"
    TIER = "tier"
    QUEUE = "queue"
    ASSIGNEE = "assignee"
    CONTACT = "contact"
    CREATED = "created"
    UPDATED = "updated"
    #: Urgency: the running due instant first; met, paused and no-SLA tickets last.
    RESPONSE_DUE = "response_due"
    RESOLVE_DUE = "resolve_due"


@dataclass(frozen=True, slots=True)
class TicketSort:
    """Sort order; ties are always broken by ticket number in the same direction."""

    key: SortKey = SortKey.PRIORITY
    descending: bool = False


@dataclass(frozen=True, slots=True)
class TicketFilter:
    """What the queue shows. Empty sets and None mean "any"."""

    open_only: bool = False
    status_categories: frozenset[StatusCategory] = frozenset()
    priorities: frozenset[Priority] = frozenset()
    client_id: int | None = None
    assignee_id: int | None = None
    #: Only tickets nobody owns (wins over `assignee_id`).
    unassigned: bool = False
    tier: Tier | None = None
    queue_id: int | None = None
    #: Free text: ticket number, subject or contact name.
    text: str = ""
    #: Only tickets whose status-update clock is in warning, breached or due within
    #: `UPDATE_SOON` (running, not paused): the "Needs update" queue.
    needs_update: bool = False


class RowSla(NamedTuple):
    """A queue row's SLA clocks: enough for the countdown, recomputed by the view every tick."""

    response_due: dt.datetime | None
    response_state: TargetState | None
    resolve_due: dt.datetime | None
    resolve_state: TargetState | None
    #: Business seconds left on a paused resolution clock.
    resolve_remaining: int | None
    #: The calendar the clocks were computed with (None if it changed since: a refresh follows).
    calendar: BusinessCalendar | None
    #: The calculation zone, for the tooltip's "client time".
    timezone: str


class TicketRow(NamedTuple):
    """One queue row: values only, formatted by the view.

    A NamedTuple rather than the usual frozen dataclass: equally immutable, and a page of 200
    builds in a sixth of the time (0.1 ms instead of 0.7 ms, as long as the query itself).
    """

    ticket_id: int
    client_id: int
    client_name: str
    subject: str
    type: TicketType
    priority: Priority
    status: Status
    tier: Tier
    queue_id: int | None
    queue_name: str | None
    assignee_id: int | None
    assignee_name: str | None
    contact_id: int | None
    contact_name: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    response_due_order: dt.datetime
    resolve_due_order: dt.datetime
    #: None when no SLA policy applies to the ticket.
    sla: RowSla | None = None

    @property
    def number(self) -> str:
        return format_number(self.ticket_id)

    @property
    def status_category(self) -> StatusCategory:
        return self.status.category


@dataclass(frozen=True, slots=True)
class PageCursor:
    """Where the next page starts: the last row's sort value and ticket id."""

    value: Any
    ticket_id: int


@dataclass(frozen=True, slots=True)
class TicketPage:
    rows: tuple[TicketRow, ...]
    #: None when this page is the last.
    next_cursor: PageCursor | None


class SavedQueue(enum.StrEnum):
    """The built-in saved views of the side bar."""

    MY_OPEN = "my_open"
    UNASSIGNED_L1 = "unassigned_l1"
    WAITING_CUSTOMER = "waiting_customer"
    OPEN_P1_P2 = "open_p1_p2"
    #: Open tickets whose requester is due a status update (update interval, sla.md).
    NEEDS_UPDATE = "needs_update"
    ALL_OPEN = "all_open"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class SavedQueueView:
    filter: TicketFilter
    sort: TicketSort = field(default_factory=TicketSort)


def saved_queue_view(queue: SavedQueue, me_id: int) -> SavedQueueView:
    """Filter and default sort of a saved queue for the signed-in technician."""
    by_priority = TicketSort(SortKey.PRIORITY)
    match queue:
        case SavedQueue.MY_OPEN:
            return SavedQueueView(TicketFilter(open_only=True, assignee_id=me_id), by_priority)
        case SavedQueue.UNASSIGNED_L1:
            return SavedQueueView(
                TicketFilter(open_only=True, unassigned=True, tier=Tier.L1), by_priority
            )
        case SavedQueue.WAITING_CUSTOMER:
            return SavedQueueView(
                TicketFilter(status_categories=frozenset({StatusCategory.WAITING_CUSTOMER})),
                TicketSort(SortKey.UPDATED, descending=False),
            )
        case SavedQueue.OPEN_P1_P2:
            return SavedQueueView(
                TicketFilter(open_only=True, priorities=frozenset({Priority.P1, Priority.P2})),
                by_priority,
            )
        case SavedQueue.NEEDS_UPDATE:
            # Most urgent first: P1 updates fall due hourly. The queue cannot sort by the update
            # clock itself (no column holds it), so priority stands in.
            return SavedQueueView(TicketFilter(open_only=True, needs_update=True), by_priority)
        case SavedQueue.ALL_OPEN:
            return SavedQueueView(TicketFilter(open_only=True), by_priority)
        case SavedQueue.ALL:
            return SavedQueueView(TicketFilter(), TicketSort(SortKey.UPDATED, descending=True))


def escape_like(text: str) -> str:
    """`text` as a literal LIKE pattern fragment (escape character `\\`)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class TicketQueueService:
    """Reads queue pages and counts. Any thread; each call is its own read transaction."""

    def __init__(
        self, db: Database, sla_store: SlaStore | None = None, clock: Clock | None = None
    ) -> None:
        self._db = db
        self._store = sla_store
        #: "Now" for the needs-update filter (update clocks due within the next hour).
        self._clock: Clock = clock or SystemClock()
        self._rows = _row_select()
        #: Page statements by query shape (which filters are set, sort, keyset or not, limit).
        self._pages: dict[tuple[Any, ...], Select[*tuple[Any, ...]]] = {}

    def page(
        self,
        filter: TicketFilter,
        sort: TicketSort,
        after: PageCursor | None = None,
        limit: int = PAGE_SIZE,
    ) -> TicketPage:
        """The `limit` rows following `after` (or the first rows) in `sort` order."""
        params: dict[str, Any] = {}
        conds = self._conditions(filter, params)
        shape = (tuple(params), filter.open_only, filter.unassigned, sort, after is None, limit)
        stmt = self._pages.get(shape)
        if stmt is None:
            stmt = self._page_statement(conds, sort, after is not None, limit)
            self._pages[shape] = stmt
        if after is not None:
            params["after_value"] = after.value
            params["after_id"] = after.ticket_id
        with self._db.read_connection() as conn:
            result = conn.execute(stmt, params).all()
        rows = tuple(self._to_rows(result[:limit]))
        cursor = None
        if len(result) > limit:
            last = rows[-1]
            cursor = PageCursor(_SORT_VALUE[sort.key](last), last.ticket_id)
        return TicketPage(rows, cursor)

    def _page_statement(
        self, conds: list[ColumnElement[bool]], sort: TicketSort, keyset: bool, limit: int
    ) -> Select[*tuple[Any, ...]]:
        # Built once per query shape and reused with new parameters: SQLAlchemy then finds its
        # compiled form without walking the statement again, a third of a page's cost.
        key = self._sort_expression(sort.key)
        stmt = self._rows.where(*conds)
        if keyset:
            bound = tuple_(bindparam("after_value", type_=key.type), bindparam("after_id"))
            ordered = tuple_(key, Ticket.id)
            stmt = stmt.where(ordered < bound if sort.descending else ordered > bound)
        if sort.descending:
            stmt = stmt.order_by(key.desc(), Ticket.id.desc())
        else:
            stmt = stmt.order_by(key.asc(), Ticket.id.asc())
        # A literal LIMIT: as a parameter, PostgreSQL's generic plan for the prepared statement
        # cannot count on a small limit and sorts every match instead of walking an index.
        return stmt.limit(literal_column(str(int(limit) + 1), Integer))

    def count(self, filter: TicketFilter) -> int:
        """How many tickets match `filter`."""
        params: dict[str, Any] = {}
        conds = self._conditions(filter, params)
        stmt = select(func.count()).select_from(Ticket).where(*conds)
        if "pattern" in params:
            stmt = stmt.outerjoin(Contact, Ticket.contact_id == Contact.id)
        with self._db.read_connection() as conn:
            return int(conn.execute(stmt, params).scalar_one())

    def saved_queue_counts(
        self, me_id: int, queues: Iterable[SavedQueue] = tuple(SavedQueue)
    ) -> dict[SavedQueue, int]:
        """Live counts for the side bar, one indexed COUNT per saved queue."""
        out: dict[SavedQueue, int] = {}
        with self._db.read_connection() as conn:
            for q in queues:
                params: dict[str, Any] = {}
                conds = self._conditions(saved_queue_view(q, me_id).filter, params)
                stmt = select(func.count()).select_from(Ticket).where(*conds)
                out[q] = int(conn.execute(stmt, params).scalar_one())
        return out

    def rows_by_id(self, ticket_ids: Sequence[int]) -> dict[int, TicketRow]:
        """Fresh rows for tickets another action or technician changed; missing ids are absent."""
        if not ticket_ids:
            return {}
        stmt = self._rows.where(Ticket.id.in_(list(ticket_ids)))
        with self._db.read_connection() as conn:
            rows = self._to_rows(conn.execute(stmt).all())
        return {r.ticket_id: r for r in rows}

    def _to_rows(self, result: Sequence[Any]) -> list[TicketRow]:
        """Rows with their SLA clocks; a calendar missing from the cache is loaded once."""
        calendars: dict[tuple[int, int], BusinessCalendar | None] = {}
        out = []
        for r in result:
            sla = None
            if r[24] is not None:
                key = (r[25], r[26])
                if key not in calendars:
                    calendars[key] = self._store.calendar(*key) if self._store else None
                sla = RowSla(
                    _maybe_instant(r[19]),
                    _state(r[20]),
                    _maybe_instant(r[21]),
                    _state(r[22]),
                    r[23],
                    calendars[key],
                    r[27] or "UTC",
                )
            out.append(_to_row(r, sla))
        return out

    # -- SQL pieces ----------------------------------------------------------------------------

    @staticmethod
    def _sort_expression(key: SortKey) -> ColumnElement[Any]:
        # Joined names are coalesced so keyset comparisons never meet NULL.
        match key:
            case SortKey.NUMBER:
                return Ticket.id.expression
            case SortKey.CLIENT:
                return Client.name.expression
            case SortKey.SUBJECT:
                return Ticket.subject.expression
            case SortKey.TYPE:
                return Ticket.type.expression
            case SortKey.PRIORITY:
                return Ticket.priority.expression
            case SortKey.STATUS:
                return Ticket.status.expression
            case SortKey.TIER:
                return Ticket.tier.expression
            case SortKey.QUEUE:
                return func.coalesce(Queue.name, "")
            case SortKey.ASSIGNEE:
                return func.coalesce(_Assignee.name, "")
            case SortKey.CONTACT:
                return func.coalesce(Contact.name, "")
            case SortKey.CREATED:
                return Ticket.created_at.expression
            case SortKey.UPDATED:
                return Ticket.updated_at.expression
            case SortKey.RESPONSE_DUE:
                return Ticket.response_due_order.expression
            case SortKey.RESOLVE_DUE:
                return Ticket.resolve_due_order.expression

    def _conditions(self, f: TicketFilter, params: dict[str, Any]) -> list[ColumnElement[bool]]:
        """WHERE clauses for `f` with named parameters, whose values go into `params`.

        The clauses depend only on which filters are set, so `page()` can reuse statements.
        """
        conds: list[ColumnElement[bool]] = []

        def equals(column: Any, name: str, value: object) -> None:
            conds.append(column == bindparam(name))
            params[name] = value

        if f.open_only:
            conds.append(Ticket.is_open == true())
        if f.status_categories:
            conds.append(Ticket.status_category.in_(bindparam("categories", expanding=True)))
            params["categories"] = sorted(f.status_categories)
        if f.priorities:
            conds.append(Ticket.priority.in_(bindparam("priorities", expanding=True)))
            params["priorities"] = sorted(f.priorities)
        if f.client_id is not None:
            equals(Ticket.client_id, "client_id", f.client_id)
        if f.unassigned:
            conds.append(Ticket.assignee_id.is_(None))
        elif f.assignee_id is not None:
            equals(Ticket.assignee_id, "assignee_id", f.assignee_id)
        if f.tier is not None:
            equals(Ticket.tier, "tier", f.tier)
        if f.queue_id is not None:
            equals(Ticket.queue_id, "queue_id", f.queue_id)
        if f.needs_update:
            conds.append(_NEEDS_UPDATE)
            now = self._clock.now()
            params["update_now"] = now
            params["update_horizon"] = now + UPDATE_SOON
        # No stored text holds NUL (PostgreSQL refuses it, even as a query parameter).
        text = f.text.replace("\x00", "").strip()
        if text:
            conds.append(self._text_condition(text, params))
        return conds

    def _text_condition(self, text: str, params: dict[str, Any]) -> ColumnElement[bool]:
        params["pattern"] = f"%{escape_like(text)}%"
        pattern: BindParameter[str] = bindparam("pattern", type_=String())
        if self._db.backend == "sqlite":
            # SQLite's LIKE already ignores ASCII case; lower() would only defeat the planner.
            matches: list[ColumnElement[bool]] = [
                Ticket.subject.like(pattern, escape="\\"),
                Contact.name.like(pattern, escape="\\"),
            ]
        else:
            matches = [
                Ticket.subject.ilike(pattern, escape="\\"),
                Contact.name.ilike(pattern, escape="\\"),
            ]
        number = _NUMBER_RE.match(text)
        if number:
            matches.append(Ticket.id == bindparam("number"))
            params["number"] = int(number.group(1))
        return or_(*matches)


#: How soon an update falls due for the ticket to be listed under "Needs update".
UPDATE_SOON: Final = dt.timedelta(hours=1)
_Update = aliased(TicketSla, name="update_sla")
#: The update clock still runs (not met, paused or cancelled) and is past its warning instant,
#: breached, or due within UPDATE_SOON. Instants are compared too, not only the stored state, so
#: a clock that crossed its warning since the last sweep is listed at once.
_NEEDS_UPDATE: Final = (
    select(_Update.id)
    .where(
        _Update.ticket_id == Ticket.id,
        _Update.kind == "update",
        _Update.state.in_(("running", "warning", "breached")),
        or_(
            _Update.state != "running",
            _Update.due_at <= bindparam("update_horizon", type_=_Update.due_at.type),
            _Update.warn_at <= bindparam("update_now", type_=_Update.warn_at.type),
        ),
    )
    .exists()
)


def _raw(column: Any) -> ColumnElement[Any]:
    # The queue converts values itself (below): SQLAlchemy's per-value type processing cost
    # several times the query itself on SQLite.
    return type_coerce(column, NullType())


def _row_select() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Ticket.id,
            Ticket.client_id,
            Client.name,
            Ticket.subject,
            _raw(Ticket.type),
            _raw(Ticket.priority),
            _raw(Ticket.status),
            _raw(Ticket.tier),
            Ticket.queue_id,
            Queue.name,
            Ticket.assignee_id,
            _Assignee.name,
            Ticket.contact_id,
            Contact.name,
            _raw(Ticket.created_at),
            _raw(Ticket.updated_at),
            Ticket.version,
            _raw(Ticket.response_due_order),
            _raw(Ticket.resolve_due_order),
            _raw(_Response.due_at),
            _Response.state,
            _raw(_Resolve.due_at),
            _Resolve.state,
            _Resolve.remaining_seconds,
            # Any clock marks "has SLA".
            func.coalesce(_Resolve.id, _Response.id),
            func.coalesce(_Resolve.calendar_id, _Response.calendar_id),
            func.coalesce(_Resolve.calendar_version, _Response.calendar_version),
            SlaCalendar.timezone,
        )
        .join(Client, Ticket.client_id == Client.id)
        .outerjoin(Queue, Ticket.queue_id == Queue.id)
        .outerjoin(_Assignee, Ticket.assignee_id == _Assignee.id)
        .outerjoin(Contact, Ticket.contact_id == Contact.id)
        .outerjoin(_Response, and_(_Response.ticket_id == Ticket.id, _Response.kind == "response"))
        .outerjoin(_Resolve, and_(_Resolve.ticket_id == Ticket.id, _Resolve.kind == "resolution"))
        .outerjoin(
            SlaCalendar,
            SlaCalendar.id == func.coalesce(_Resolve.calendar_id, _Response.calendar_id),
        )
    )


_TYPES: Final = {m.value: m for m in TicketType}
_PRIORITIES: Final = {m.value: m for m in Priority}
_STATUSES: Final = {m.value: m for m in Status}
_TIERS: Final = {m.value: m for m in Tier}


def _instant(value: str | dt.datetime) -> dt.datetime:
    """An aware UTC datetime from SQLite's text or PostgreSQL's timestamptz."""
    if isinstance(value, str):
        # Appending the offset is several times faster than .replace(tzinfo=...) afterwards.
        return dt.datetime.fromisoformat(value + "+00:00")
    return value.astimezone(dt.UTC)


def _maybe_instant(value: str | dt.datetime | None) -> dt.datetime | None:
    return None if value is None else _instant(value)


_TARGET_STATES: Final = {m.value: m for m in TargetState}


def _state(value: str | None) -> TargetState | None:
    return None if value is None else _TARGET_STATES[value]


def _to_row(r: Any, sla: RowSla | None = None) -> TicketRow:
    return TicketRow(
        r[0],
        r[1],
        r[2],
        r[3],
        _TYPES[r[4]],
        _PRIORITIES[r[5]],
        _STATUSES[r[6]],
        _TIERS[r[7]],
        r[8],
        r[9],
        r[10],
        r[11],
        r[12],
        r[13],
        _instant(r[14]),
        _instant(r[15]),
        r[16],
        _instant(r[17]),
        _instant(r[18]),
        sla,
    )


#: The cursor value of a row for each sort key; joined names as the SQL coalesces them.
_SORT_VALUE: Final[dict[SortKey, Callable[[TicketRow], Any]]] = {
    SortKey.NUMBER: lambda r: r.ticket_id,
    SortKey.CLIENT: lambda r: r.client_name,
    SortKey.SUBJECT: lambda r: r.subject,
    SortKey.TYPE: lambda r: r.type,
    SortKey.PRIORITY: lambda r: r.priority,
    SortKey.STATUS: lambda r: r.status,
    SortKey.TIER: lambda r: r.tier,
    SortKey.QUEUE: lambda r: r.queue_name or "",
    SortKey.ASSIGNEE: lambda r: r.assignee_name or "",
    SortKey.CONTACT: lambda r: r.contact_name or "",
    SortKey.CREATED: lambda r: r.created_at,
    SortKey.UPDATED: lambda r: r.updated_at,
    SortKey.RESPONSE_DUE: lambda r: r.response_due_order,
    SortKey.RESOLVE_DUE: lambda r: r.resolve_due_order,
}
