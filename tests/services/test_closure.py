"""app/services/closure.py: resolution (T14), verification with the requester (T15), closure with
the CSAT survey (C6) and reopening; and TicketService.update refusing to bypass them.

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock starts on
Monday 2026-03-02 09:00Z; the client's calendar is Mon–Fri 09:00–17:00 Brussels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import delete, select

from app.db import Database
from app.models import Client, Ticket, TicketEvent, TicketSla
from app.models.enums import EventKind, Priority, Role, SourceChannel, Status, TicketType, Tier
from app.models.workflow import ChangePlan, CsatResponse, TicketLink
from app.services.closure import (
    RESOLUTION_CODES,
    TOLD_USER_PREFIX,
    ClosureService,
    CsatInput,
    with_told_user,
)
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.sla import SlaService
from app.services.sla_store import SlaStore
from app.services.tickets import TicketDetail, TicketFields, TicketService
from tests.factories import (
    add_calendar,
    add_client,
    add_contact,
    add_policy,
    add_technician,
)
from tests.fakes import DEFAULT_NOW, FakeClock

FIX = "Replaced the toner cartridge and cleared the paper jam in tray 2."
ANSWERED = CsatInput("answered", 5, "Quick and friendly", "phone")


@dataclass(frozen=True)
class Desk:
    client: int
    contact: int
    alice: int
    admin: int
    reader: int


@pytest.fixture
def desk(db: Database) -> Desk:
    calendar = add_calendar(db, "Brussels office")
    add_policy(db, calendar, "Standard", is_default=True)
    client = add_client(db, "Acme Dental")
    return Desk(
        client=client,
        contact=add_contact(db, client, "Carla Contact"),
        alice=add_technician(db, "Alice Martin"),
        admin=add_technician(db, "Ada Admin", role=Role.ADMIN),
        reader=add_technician(db, "Rita Reader", role=Role.READ_ONLY),
    )


@pytest.fixture
def sla(db: Database, clock: FakeClock) -> SlaService:
    return SlaService(db, clock, SlaStore(db))


@pytest.fixture
def tickets(db: Database, clock: FakeClock, sla: SlaService) -> TicketService:
    return TicketService(db, clock, sla)


@pytest.fixture
def closure(db: Database, clock: FakeClock, sla: SlaService) -> ClosureService:
    return ClosureService(db, clock, sla)


def new_ticket(
    tickets: TicketService, desk: Desk, ticket_type: TicketType = TicketType.INCIDENT
) -> TicketDetail:
    values = TicketFields(
        client_id=desk.client,
        contact_id=desk.contact,
        type=ticket_type,
        category="Hardware › Printer",
        priority=Priority.P2,
        source=SourceChannel.PHONE,
        subject="Printer jams",
        tier=Tier.L1,
        assignee_id=desk.alice,
        status=Status.IN_PROGRESS,
    )
    return tickets.create(values, desk.alice).detail


@pytest.fixture
def ticket(tickets: TicketService, desk: Desk) -> TicketDetail:
    return new_ticket(tickets, desk)


def events(db: Database, ticket_id: int) -> list[TicketEvent]:
    with db.read() as s:
        found = list(
            s.scalars(
                select(TicketEvent)
                .where(TicketEvent.ticket_id == ticket_id)
                .order_by(TicketEvent.at, TicketEvent.id)
            )
        )
        s.expunge_all()  # keep the loaded values readable after the read ends
        return found


def stored(db: Database, ticket_id: int) -> Ticket:
    with db.read() as s:
        t = s.get(Ticket, ticket_id)
        assert t is not None
        s.expunge_all()
        return t


def csat_rows(db: Database, ticket_id: int) -> list[CsatResponse]:
    with db.read() as s:
        found = list(s.scalars(select(CsatResponse).where(CsatResponse.ticket_id == ticket_id)))
        s.expunge_all()
        return found


def set_verify_rule(db: Database, client_id: int, required: bool) -> None:
    with db.write() as s:
        client = s.get(Client, client_id)
        assert client is not None
        client.verify_before_close = required


def resolve(
    closure: ClosureService, t: TicketDetail, desk: Desk, *, workaround: bool = False
) -> TicketDetail:
    return closure.resolve(t.ticket_id, t.version, FIX, "fixed", workaround, desk.alice).detail


# --- resolve ----------------------------------------------------------------------------------


def test_resolve_records_the_resolution_and_stops_the_resolution_clock(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    clock.advance(hours=2)
    before = len(events(db, ticket.ticket_id))
    saved = closure.resolve(
        ticket.ticket_id, ticket.version, f"  {FIX}\n", "workaround", True, desk.alice
    )
    assert saved.detail.fields.status is Status.RESOLVED
    assert saved.detail.resolved_at == clock.now()
    assert saved.detail.version == ticket.version + 1
    assert saved.changes.ids == frozenset({ticket.ticket_id})
    t = stored(db, ticket.ticket_id)
    assert (t.resolution, t.resolution_code, t.workaround) == (FIX, "workaround", True)
    assert t.is_open is False
    new = events(db, ticket.ticket_id)[before:]
    assert [e.kind for e in new] == [EventKind.STATUS_CHANGED, EventKind.RESOLUTION]
    assert (new[0].old_value, new[0].new_value) == ("in_progress", "resolved")
    assert new[1].new_value == "workaround"
    assert FIX in new[1].body and new[1].body.startswith("Workaround")
    with db.read() as s:
        met_at = s.scalar(
            select(TicketSla.met_at).where(
                TicketSla.ticket_id == ticket.ticket_id, TicketSla.kind == "resolution"
            )
        )
    assert met_at == clock.now()


#: (text, code) → problems; each refused without writing anything.
BAD_RESOLUTIONS: list[tuple[str, str, dict[str, str]]] = [
    ("", "fixed", {"resolution": "required"}),
    ("   \n\t ", "fixed", {"resolution": "required"}),
    ("Fixed it", "fixed", {"resolution": "too_short"}),
    ("..........  ??????", "fixed", {"resolution": "too_short"}),
    ("x" * 200_001, "fixed", {"resolution": "too_long"}),
    ("Rebooted\x00 the switch", "fixed", {"resolution": "invalid"}),
    (FIX, "", {"resolution_code": "required"}),
    (FIX, "magic", {"resolution_code": "invalid"}),
    ("", "magic", {"resolution": "required", "resolution_code": "invalid"}),
]


def test_resolve_refuses_bad_input_and_writes_nothing(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail
) -> None:
    before = events(db, ticket.ticket_id)
    for text, code, problems in BAD_RESOLUTIONS:
        with pytest.raises(ValidationError) as e:
            closure.resolve(ticket.ticket_id, ticket.version, text, code, False, desk.alice)
        assert e.value.problems == problems, (text[:20], code)
    assert stored(db, ticket.ticket_id).status is Status.IN_PROGRESS
    assert len(events(db, ticket.ticket_id)) == len(before)


def test_every_listed_code_is_accepted(
    closure: ClosureService, tickets: TicketService, desk: Desk
) -> None:
    for code in RESOLUTION_CODES:
        t = new_ticket(tickets, desk)
        assert closure.resolve(t.ticket_id, t.version, FIX, code, False, desk.alice).detail


def test_resolve_needs_an_open_ticket(
    closure: ClosureService, tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    resolved = resolve(closure, ticket, desk)
    with pytest.raises(ValidationError) as e:
        resolve(closure, resolved, desk)
    assert e.value.problems == {"status": "not_open"}
    other = new_ticket(tickets, desk)
    cancelled = tickets.update(
        other.ticket_id, other.version, replace(other.fields, status=Status.CANCELLED), desk.alice
    ).detail
    with pytest.raises(ValidationError) as e:
        resolve(closure, cancelled, desk)
    assert e.value.problems == {"status": "not_open"}


def test_resolve_on_a_stale_version_is_a_conflict(
    db: Database, closure: ClosureService, tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    tickets.update(
        ticket.ticket_id, ticket.version, replace(ticket.fields, subject="Jams again"), desk.alice
    )
    with pytest.raises(ConcurrentEditError) as e:
        resolve(closure, ticket, desk)
    assert e.value.current_version == ticket.version + 1
    assert e.value.changed_by == "Alice Martin"
    assert stored(db, ticket.ticket_id).status is Status.IN_PROGRESS


def test_read_only_accounts_cannot_resolve_verify_close_or_reopen(
    closure: ClosureService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    with pytest.raises(PermissionDeniedError):
        closure.resolve(ticket.ticket_id, ticket.version, FIX, "fixed", False, desk.reader)
    resolved = resolve(closure, ticket, desk)
    with pytest.raises(PermissionDeniedError):
        closure.verify(ticket.ticket_id, "phone", clock.now(), "", desk.reader)
    with pytest.raises(PermissionDeniedError):
        closure.close(ticket.ticket_id, resolved.version, ANSWERED, desk.reader)
    with pytest.raises(PermissionDeniedError):
        closure.reopen(ticket.ticket_id, resolved.version, "Still jams", desk.reader)


def test_unknown_ticket_is_not_found(closure: ClosureService, desk: Desk) -> None:
    with pytest.raises(NotFoundError):
        closure.resolve(2_000_000_000, 1, FIX, "fixed", False, desk.alice)
    with pytest.raises(NotFoundError):
        closure.state(2_000_000_000)


def test_a_problem_without_a_linked_incident_cannot_be_resolved_or_closed(
    db: Database, closure: ClosureService, tickets: TicketService, desk: Desk, clock: FakeClock
) -> None:
    problem = new_ticket(tickets, desk, TicketType.PROBLEM)
    with pytest.raises(ValidationError) as e:
        resolve(closure, problem, desk)
    assert e.value.problems == {"status": "no_incident"}
    incident = new_ticket(tickets, desk)
    with db.write() as s:
        link = TicketLink(
            source_id=incident.ticket_id,
            target_id=problem.ticket_id,
            kind="caused_by",
            created_at=clock.now(),
        )
        s.add(link)
    resolved = resolve(closure, problem, desk)
    assert resolved.fields.status is Status.RESOLVED
    closure.verify(problem.ticket_id, "email", clock.now(), "", desk.alice)
    with db.write() as s:
        s.execute(delete(TicketLink).where(TicketLink.target_id == problem.ticket_id))
    with pytest.raises(ValidationError) as e:
        closure.close(problem.ticket_id, resolved.version, ANSWERED, desk.alice)
    assert e.value.problems == {"status": "no_incident"}


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        (None, False),
        ("draft", False),
        ("awaiting_approval", False),
        ("approved", False),
        ("in_progress", False),
        ("implemented", True),
        ("rolled_back", True),
    ],
)
def test_a_change_is_resolved_only_once_implemented_or_rolled_back(
    db: Database,
    closure: ClosureService,
    tickets: TicketService,
    desk: Desk,
    state: str | None,
    allowed: bool,
) -> None:
    change = new_ticket(tickets, desk, TicketType.CHANGE)
    if state is not None:
        with db.write() as s:
            s.add(ChangePlan(ticket_id=change.ticket_id, state=state))
    if allowed:
        assert resolve(closure, change, desk).fields.status is Status.RESOLVED
        return
    with pytest.raises(ValidationError) as e:
        resolve(closure, change, desk)
    assert e.value.problems == {"status": "change_not_done"}
    assert stored(db, change.ticket_id).status is Status.IN_PROGRESS


# --- the plain edit cannot bypass the guards ----------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code"), [(Status.RESOLVED, "use_resolve"), (Status.CLOSED, "use_close")]
)
def test_a_plain_edit_cannot_resolve_or_close(
    db: Database,
    tickets: TicketService,
    desk: Desk,
    ticket: TicketDetail,
    status: Status,
    code: str,
) -> None:
    with pytest.raises(ValidationError) as e:
        tickets.update(
            ticket.ticket_id, ticket.version, replace(ticket.fields, status=status), desk.alice
        )
    assert e.value.problems == {"status": code}
    assert stored(db, ticket.ticket_id).status is Status.IN_PROGRESS


def test_a_plain_edit_can_change_other_fields_of_a_resolved_ticket_and_reopen_it(
    db: Database, closure: ClosureService, tickets: TicketService, desk: Desk, ticket: TicketDetail
) -> None:
    resolved = resolve(closure, ticket, desk)
    renamed = tickets.update(
        ticket.ticket_id, resolved.version, replace(resolved.fields, subject="Jam"), desk.alice
    ).detail
    assert renamed.fields.status is Status.RESOLVED
    with pytest.raises(ValidationError) as e:
        tickets.update(
            ticket.ticket_id,
            renamed.version,
            replace(renamed.fields, status=Status.CLOSED),
            desk.alice,
        )
    assert e.value.problems == {"status": "use_close"}
    reopened = tickets.update(
        ticket.ticket_id,
        renamed.version,
        replace(renamed.fields, status=Status.IN_PROGRESS),
        desk.alice,
    ).detail
    assert reopened.fields.status is Status.IN_PROGRESS
    # The resolution stays on the ticket as history.
    assert stored(db, ticket.ticket_id).resolution == FIX


# --- verify -----------------------------------------------------------------------------------


def test_verify_records_how_when_and_note_without_a_new_version(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    resolved = resolve(closure, ticket, desk)
    clock.advance(hours=1)
    when = clock.now() - dt.timedelta(minutes=10)
    saved = closure.verify(ticket.ticket_id, "email", when, "  Carla says it prints.  ", desk.alice)
    assert saved.detail.version == resolved.version
    t = stored(db, ticket.ticket_id)
    assert (t.verified_how, t.verified_at, t.verified_note) == (
        "email",
        when,
        "Carla says it prints.",
    )
    last = events(db, ticket.ticket_id)[-1]
    assert last.kind is EventKind.REQUESTER_VERIFIED
    assert last.new_value == "email"
    assert "by e-mail" in last.body and "Carla says it prints." in last.body
    state = closure.state(ticket.ticket_id)
    assert state.verified_current and state.verification_required


def test_verify_in_the_minute_of_the_resolution_counts_for_it(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    clock.advance(seconds=40)  # resolved at 09:00:40
    resolve(closure, ticket, desk)
    clock.advance(minutes=1)
    closure.verify(ticket.ticket_id, "phone", DEFAULT_NOW, "", desk.alice)  # typed as 09:00
    assert stored(db, ticket.ticket_id).verified_at == DEFAULT_NOW + dt.timedelta(seconds=40)
    assert closure.state(ticket.ticket_id).verified_current


def test_verify_guards(
    closure: ClosureService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    now = clock.now()
    with pytest.raises(ValidationError) as e:
        closure.verify(ticket.ticket_id, "phone", now, "", desk.alice)
    assert e.value.problems == {"status": "not_resolved"}
    clock.advance(hours=1)
    resolve(closure, ticket, desk)
    clock.advance(hours=1)
    cases: list[tuple[str, dt.datetime, str, dict[str, str]]] = [
        ("", clock.now(), "", {"how": "required"}),
        ("pigeon", clock.now(), "", {"how": "invalid"}),
        ("phone", clock.now() + dt.timedelta(minutes=5), "", {"when": "in_future"}),
        ("phone", now, "", {"when": "before_resolved"}),
        ("phone", clock.now().replace(tzinfo=None), "", {"when": "invalid"}),
        ("phone", clock.now(), "n" * 5_001, {"note": "too_long"}),
        ("phone", clock.now(), "a\x00b", {"note": "invalid"}),
    ]
    for how, when, note, problems in cases:
        with pytest.raises(ValidationError) as e:
            closure.verify(ticket.ticket_id, how, when, note, desk.alice)
        assert e.value.problems == problems, (how, when, note)
    assert closure.state(ticket.ticket_id).verified_at is None


# --- close ------------------------------------------------------------------------------------


def test_close_records_csat_and_closes(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    resolve(closure, ticket, desk)
    clock.advance(hours=1)
    closure.verify(ticket.ticket_id, "phone", clock.now(), "", desk.alice)
    clock.advance(minutes=5)
    current = closure.state(ticket.ticket_id)
    saved = closure.close(ticket.ticket_id, current.version, ANSWERED, desk.admin).detail
    assert saved.fields.status is Status.CLOSED
    assert saved.closed_at == clock.now()
    [row] = csat_rows(db, ticket.ticket_id)
    assert (row.client_id, row.contact_id, row.technician_id) == (
        desk.client,
        desk.contact,
        desk.alice,
    )
    assert (row.state, row.score, row.comment, row.channel) == (
        "answered",
        5,
        "Quick and friendly",
        "phone",
    )
    assert (row.recorded_at, row.recorded_by_id) == (clock.now(), desk.admin)
    csat, status = events(db, ticket.ticket_id)[-2:]
    assert csat.kind is EventKind.CSAT and csat.new_value == "5/5"
    assert "5/5" in csat.body and "Quick and friendly" in csat.body
    assert (status.kind, status.old_value, status.new_value) == (
        EventKind.STATUS_CHANGED,
        "resolved",
        "closed",
    )
    assert closure.state(ticket.ticket_id).csat is not None


def test_close_needs_a_resolved_ticket(
    closure: ClosureService, desk: Desk, ticket: TicketDetail
) -> None:
    with pytest.raises(ValidationError) as e:
        closure.close(ticket.ticket_id, ticket.version, ANSWERED, desk.alice)
    assert e.value.problems == {"status": "not_resolved"}


def test_close_needs_verification_when_the_client_says_so(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    resolved = resolve(closure, ticket, desk)
    with pytest.raises(ValidationError) as e:
        closure.close(ticket.ticket_id, resolved.version, ANSWERED, desk.alice)
    assert e.value.problems == {"verification": "verification_required"}
    assert csat_rows(db, ticket.ticket_id) == []
    assert stored(db, ticket.ticket_id).status is Status.RESOLVED
    closure.verify(ticket.ticket_id, "in_person", clock.now(), "", desk.alice)
    closed = closure.close(ticket.ticket_id, resolved.version, ANSWERED, desk.alice).detail
    assert closed.fields.status is Status.CLOSED


def test_close_without_verification_when_the_client_does_not_ask_for_it(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail
) -> None:
    set_verify_rule(db, desk.client, False)
    resolved = resolve(closure, ticket, desk)
    assert closure.state(ticket.ticket_id).verification_required is False
    closed = closure.close(ticket.ticket_id, resolved.version, CsatInput("sent"), desk.alice)
    assert closed.detail.fields.status is Status.CLOSED
    [row] = csat_rows(db, ticket.ticket_id)
    assert (row.state, row.score) == ("sent", None)


#: CSAT outcomes refused at closure, with the problems reported.
BAD_SURVEYS: list[tuple[CsatInput, dict[str, str]]] = [
    (CsatInput(""), {"csat_state": "required"}),
    (CsatInput("happy"), {"csat_state": "invalid"}),
    (CsatInput("answered", None, "", "phone"), {"csat_score": "required"}),
    (CsatInput("answered", 0, "", "phone"), {"csat_score": "out_of_range"}),
    (CsatInput("answered", 6, "", "phone"), {"csat_score": "out_of_range"}),
    (CsatInput("answered", 4), {"csat_channel": "required"}),
    (CsatInput("answered", 4, "", "fax"), {"csat_channel": "invalid"}),
    (CsatInput("sent", 4), {"csat_score": "not_allowed"}),
    (CsatInput("declined", 1), {"csat_score": "not_allowed"}),
    (CsatInput("declined", None, "c" * 5_001), {"csat_comment": "too_long"}),
    (CsatInput("declined", None, "no\x00"), {"csat_comment": "invalid"}),
]


def test_close_refuses_bad_csat(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail
) -> None:
    set_verify_rule(db, desk.client, False)
    resolved = resolve(closure, ticket, desk)
    for csat, problems in BAD_SURVEYS:
        with pytest.raises(ValidationError) as e:
            closure.close(ticket.ticket_id, resolved.version, csat, desk.alice)
        assert e.value.problems == problems, csat
    assert csat_rows(db, ticket.ticket_id) == []
    assert stored(db, ticket.ticket_id).status is Status.RESOLVED


@pytest.mark.parametrize("state", ["sent", "declined"])
def test_close_with_survey_sent_or_declined(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail, state: str
) -> None:
    set_verify_rule(db, desk.client, False)
    resolved = resolve(closure, ticket, desk)
    closure.close(
        ticket.ticket_id, resolved.version, CsatInput(state, None, "", "email"), desk.alice
    )
    [row] = csat_rows(db, ticket.ticket_id)
    assert (row.state, row.score, row.channel) == (state, None, "email")
    assert events(db, ticket.ticket_id)[-2].new_value == state


# --- reopen -----------------------------------------------------------------------------------


def test_reopen_needs_a_reason_and_a_resolved_or_closed_ticket(
    closure: ClosureService, desk: Desk, ticket: TicketDetail
) -> None:
    with pytest.raises(ValidationError) as e:
        closure.reopen(ticket.ticket_id, ticket.version, "Still jams", desk.alice)
    assert e.value.problems == {"status": "not_resolved"}
    resolved = resolve(closure, ticket, desk)
    for reason, code in (("", "required"), ("  ", "required"), ("r" * 5_001, "too_long")):
        with pytest.raises(ValidationError) as e:
            closure.reopen(ticket.ticket_id, resolved.version, reason, desk.alice)
        assert e.value.problems == {"reason": code}


def test_reopen_keeps_history_and_a_later_close_replaces_the_csat(
    db: Database, closure: ClosureService, desk: Desk, ticket: TicketDetail, clock: FakeClock
) -> None:
    resolved = resolve(closure, ticket, desk)
    closure.verify(ticket.ticket_id, "phone", clock.now(), "", desk.alice)
    closed = closure.close(
        ticket.ticket_id, resolved.version, CsatInput("answered", 2, "", "phone"), desk.alice
    ).detail
    clock.advance(days=1)
    reopened = closure.reopen(ticket.ticket_id, closed.version, " It jams again ", desk.alice)
    assert reopened.detail.fields.status is Status.IN_PROGRESS
    assert (reopened.detail.resolved_at, reopened.detail.closed_at) == (None, None)
    last = events(db, ticket.ticket_id)[-1]
    assert (last.kind, last.old_value, last.new_value, last.body) == (
        EventKind.STATUS_CHANGED,
        "closed",
        "in_progress",
        "Reopened: It jams again",
    )
    state = closure.state(ticket.ticket_id)
    assert state.resolution == FIX and state.csat is not None and state.csat.score == 2
    assert state.verified_at is not None and not state.verified_current

    clock.advance(hours=1)
    again = resolve(closure, reopened.detail, desk)
    # The earlier confirmation was for the earlier fix.
    with pytest.raises(ValidationError) as e:
        closure.close(ticket.ticket_id, again.version, ANSWERED, desk.alice)
    assert e.value.problems == {"verification": "verification_required"}
    closure.verify(ticket.ticket_id, "phone", clock.now(), "", desk.alice)
    closure.close(ticket.ticket_id, again.version, ANSWERED, desk.alice)
    [row] = csat_rows(db, ticket.ticket_id)
    assert (row.state, row.score) == ("answered", 5)
    csat = [e for e in events(db, ticket.ticket_id) if e.kind is EventKind.CSAT]
    assert [(e.old_value, e.new_value) for e in csat] == [("", "2/5"), ("2/5", "5/5")]
    assert "replaces the earlier survey (2/5)" in csat[-1].body


# --- client setting and the "told the user" line ------------------------------------------------


def test_only_admins_set_verify_before_close(
    db: Database, closure: ClosureService, desk: Desk
) -> None:
    with pytest.raises(PermissionDeniedError):
        closure.set_verify_before_close(desk.client, False, desk.alice)
    closure.set_verify_before_close(desk.client, False, desk.admin)
    with db.read() as s:
        assert s.scalar(select(Client.verify_before_close).where(Client.id == desk.client)) is False
    closure.set_verify_before_close(desk.client, True, desk.admin)
    with db.read() as s:
        assert s.scalar(select(Client.verify_before_close).where(Client.id == desk.client)) is True
    with pytest.raises(NotFoundError):
        closure.set_verify_before_close(2_000_000_000, True, desk.admin)


def test_with_told_user_appends_a_marked_line() -> None:
    assert with_told_user("Spoke to Carla.", "  ") == "Spoke to Carla."
    assert with_told_user("Spoke to Carla.\n", " Next update\n by 14:00 ") == (
        f"Spoke to Carla.\n\n{TOLD_USER_PREFIX}Next update by 14:00"
    )
