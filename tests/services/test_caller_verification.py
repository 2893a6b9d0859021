"""app/services/caller_verification.py: guided caller verification (domain.md §2.2, D6).

Every test runs on SQLite and PostgreSQL inside a rolled-back transaction. The clock stands at
Monday 2026-03-02 09:00 UTC. Argon2 runs with cheap parameters: the cost is not under test.
PINs and answers are stored only as Argon2id PHC strings and never reach the ticket timeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from app.db import Database
from app.models import CallerSecret, Client, Contact, TicketEvent
from app.models.enums import EventKind, Role
from app.services.caller_verification import (
    MAX_FAILURES,
    CallerVerificationService,
    VerificationPlan,
)
from app.services.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.onboarding import OnboardingService
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import DEFAULT_NOW, FakeClock

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
ANN_PIN = "482913"
CLIENT_PIN = "7705"
ANSWER = "Crème Brûlée"
PIN_BODY = "Caller verification by PIN on file"


@dataclass(frozen=True)
class World:
    db: Database
    clock: FakeClock
    svc: CallerVerificationService
    client: int
    other: int
    ann: int
    bob: int
    stranger: int
    tech: int
    reader: int
    #: Tickets: Ann's, a second one of Ann's, Bob's, an anonymous caller's, the other client's.
    t_ann: int
    t_ann2: int
    t_bob: int
    t_anon: int
    t_other_anon: int


def _contact(db: Database, client_id: int, name: str, phone: str = "") -> int:
    with db.write() as s:
        c = Contact(
            client_id=client_id,
            name=name,
            email=f"{name.split()[0].lower()}@x.example",
            phone=phone,
        )
        s.add(c)
        s.flush()
        return c.id


@pytest.fixture
def w(db: Database, clock: FakeClock) -> World:
    client = add_client(db, "Acme NV")
    other = add_client(db, "Other BV")
    with db.write() as s:
        row = s.get(Client, client)
        assert row is not None
        row.phone = "+32 9 000 00 00"
    ann = _contact(db, client, "Ann Client", "+32 470 11 22 33")
    bob = _contact(db, client, "Bob Client")
    stranger = _contact(db, other, "Sam Stranger")
    return World(
        db,
        clock,
        CallerVerificationService(db, clock, FAST_HASHER),
        client,
        other,
        ann,
        bob,
        stranger,
        add_technician(db, "Ann Tech"),
        add_technician(db, "Rita Reader", role=Role.READ_ONLY),
        add_ticket(db, client, contact_id=ann),
        add_ticket(db, client, contact_id=ann, subject="Second"),
        add_ticket(db, client, contact_id=bob),
        add_ticket(db, client),
        add_ticket(db, other),
    )


def stored(w: World) -> list[CallerSecret]:
    with w.db.read() as s:
        rows = list(s.scalars(select(CallerSecret).order_by(CallerSecret.id)))
        s.expunge_all()
        return rows


def events(w: World, ticket_id: int | None = None) -> list[tuple[EventKind, str, str, str]]:
    kinds = (EventKind.CALLER_VERIFIED, EventKind.VERIFICATION_FAILED)
    with w.db.read() as s:
        stmt = select(TicketEvent).where(TicketEvent.kind.in_(kinds)).order_by(TicketEvent.id)
        if ticket_id is not None:
            stmt = stmt.where(TicketEvent.ticket_id == ticket_id)
        return [(e.kind, e.old_value, e.new_value, e.body) for e in s.scalars(stmt)]


def all_event_text(w: World) -> str:
    with w.db.read() as s:
        return "\n".join(
            f"{e.old_value}|{e.new_value}|{e.body}|{e.call_reference}"
            for e in s.scalars(select(TicketEvent))
        )


def save(w: World, section: str, raw: dict[str, Any]) -> None:
    OnboardingService(w.db, w.clock).save_section(w.client, section, raw, None, w.tech)


def fail_pin(w: World, ticket_id: int, times: int, step: dt.timedelta = dt.timedelta()) -> None:
    for _ in range(times):
        assert not w.svc.verify(ticket_id, "pin", w.tech, response="0000").passed
        w.clock.advance(step)


# --- secrets on file ----------------------------------------------------------------------------


def test_a_pin_is_stored_only_as_an_argon2id_phc(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    (row,) = stored(w)
    assert row.phc.startswith("$argon2id$")
    assert row.phc != ANN_PIN
    assert ANN_PIN not in row.phc
    assert (row.client_id, row.contact_id, row.kind, row.question) == (
        w.client,
        w.ann,
        "pin",
        "",
    )
    assert (row.set_at, row.set_by_id) == (DEFAULT_NOW, w.tech)
    (listed,) = w.svc.secrets(w.client)
    assert (listed.contact_id, listed.contact_name, listed.kind, listed.question) == (
        w.ann,
        "Ann Client",
        "pin",
        "",
    )
    assert ANN_PIN not in repr(listed) and row.phc not in repr(listed)


def test_setting_a_pin_replaces_the_previous_one_only(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    w.svc.set_pin(w.client, None, CLIENT_PIN, w.tech)
    w.svc.set_pin(w.client, w.bob, "1111", w.tech)
    w.svc.set_pin(w.client, w.ann, "2222", w.tech)
    w.svc.set_pin(w.client, None, "3333", w.tech)
    rows = stored(w)
    assert sorted((r.contact_id or 0, r.kind) for r in rows) == sorted(
        [(w.ann, "pin"), (0, "pin"), (w.bob, "pin")]
    )
    assert w.svc.verify(w.t_ann, "pin", w.tech, response="2222").passed
    assert not w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN).passed
    assert w.svc.verify(w.t_anon, "pin", w.tech, response="3333").passed
    assert not w.svc.verify(w.t_anon, "pin", w.tech, response=CLIENT_PIN).passed


@pytest.mark.parametrize(
    "pin",
    [
        "",
        "123",
        "1234567890123",
        "12a4",
        "12-34",
        "１２３４",  # fullwidth digits
        "١٢٣٤",  # Arabic-Indic digits
        "²³⁴⁵",  # superscripts: str.isdigit() says yes
        "+1234",
    ],
)
def test_invalid_pins_are_refused(w: World, pin: str) -> None:
    with pytest.raises(ValidationError) as e:
        w.svc.set_pin(w.client, w.ann, pin, w.tech)
    assert e.value.problems == {"pin": "invalid_pin"}
    assert stored(w) == []


@pytest.mark.parametrize(("typed", "said"), [("1234", "1234"), ("123456789012", "123456789012")])
def test_pin_length_bounds_are_accepted(w: World, typed: str, said: str) -> None:
    w.svc.set_pin(w.client, w.ann, typed, w.tech)
    assert w.svc.verify(w.t_ann, "pin", w.tech, response=said).passed


def test_spaces_in_a_pin_are_ignored_when_set_and_checked(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, " 48 29 13 ", w.tech)
    assert w.svc.verify(w.t_ann, "pin", w.tech, response="482 913").passed
    assert w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN).passed


def test_pin_for_a_contact_of_another_client_or_unknown_client(w: World) -> None:
    with pytest.raises(ValidationError) as e:
        w.svc.set_pin(w.client, w.stranger, ANN_PIN, w.tech)
    assert e.value.problems == {"contact": "unknown_contact"}
    with pytest.raises(ValidationError):
        w.svc.set_pin(w.client, 999_999_999, ANN_PIN, w.tech)
    with pytest.raises(NotFoundError):
        w.svc.set_pin(999_999_999, None, ANN_PIN, w.tech)
    assert stored(w) == []


def test_read_only_technicians_cannot_touch_secrets_or_verify(w: World) -> None:
    with pytest.raises(PermissionDeniedError):
        w.svc.set_pin(w.client, w.ann, ANN_PIN, w.reader)
    with pytest.raises(PermissionDeniedError):
        w.svc.add_question(w.client, w.ann, "Dessert?", ANSWER, w.reader)
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    (row,) = stored(w)
    with pytest.raises(PermissionDeniedError):
        w.svc.remove_secret(row.id, w.reader)
    with pytest.raises(PermissionDeniedError):
        w.svc.verify(w.t_ann, "pin", w.reader, response=ANN_PIN)
    with pytest.raises(PermissionDeniedError):
        w.svc.verify(w.t_ann, "callback", w.reader, confirmed=True)
    assert len(stored(w)) == 1
    assert events(w) == []


def test_remove_secret(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    (row,) = stored(w)
    w.svc.remove_secret(row.id, w.tech)
    assert stored(w) == []
    w.svc.remove_secret(row.id, w.tech)  # already gone: nothing to do
    with pytest.raises(ValidationError) as e:
        w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN)
    assert e.value.problems == {"response": "nothing_on_file"}


def test_question_validation(w: World) -> None:
    with pytest.raises(ValidationError) as e:
        w.svc.add_question(w.client, w.ann, "   ", "a", w.tech)
    assert e.value.problems == {"question": "required", "answer": "too_short"}
    with pytest.raises(ValidationError) as e:
        w.svc.add_question(w.client, w.ann, "x" * 301, "  long enough ", w.tech)
    assert e.value.problems == {"question": "too_long"}
    with pytest.raises(ValidationError) as e:
        w.svc.add_question(w.client, w.ann, "Dessert?", " \t x \n", w.tech)
    assert e.value.problems == {"answer": "too_short"}
    with pytest.raises(ValidationError) as e:
        w.svc.add_question(w.client, w.stranger, "Dessert?", ANSWER, w.tech)
    assert e.value.problems == {"contact": "unknown_contact"}
    assert stored(w) == []


# --- verify -------------------------------------------------------------------------------------


def test_a_right_pin_passes_and_is_logged_without_the_pin(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    result = w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN, note="  Reset approved  ")
    assert result.passed
    assert result.changes.ids == frozenset({w.t_ann})
    assert events(w, w.t_ann) == [
        (
            EventKind.CALLER_VERIFIED,
            str(w.ann),
            "pin",
            f"{PIN_BODY}: passed\nReset approved",
        )
    ]
    with w.db.read() as s:
        e = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == w.t_ann)).all()[-1]
        assert (e.at, e.actor_id) == (DEFAULT_NOW, w.tech)


def test_a_wrong_pin_fails_and_is_logged_without_what_was_said(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    assert not w.svc.verify(w.t_ann, "pin", w.tech, response="482914").passed
    assert events(w) == [(EventKind.VERIFICATION_FAILED, str(w.ann), "pin", f"{PIN_BODY}: failed")]
    assert "482914" not in all_event_text(w)


def test_the_client_wide_pin_works_for_every_contact_and_anonymous_callers(w: World) -> None:
    w.svc.set_pin(w.client, None, CLIENT_PIN, w.tech)
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    for ticket in (w.t_ann, w.t_bob, w.t_anon):
        assert w.svc.verify(ticket, "pin", w.tech, response=CLIENT_PIN).passed
    # Ann's own PIN also works for Ann, and only for Ann.
    assert w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN).passed
    assert not w.svc.verify(w.t_bob, "pin", w.tech, response=ANN_PIN).passed
    assert not w.svc.verify(w.t_anon, "pin", w.tech, response=ANN_PIN).passed
    # Another client's callers never match this client's PIN.
    with pytest.raises(ValidationError) as e:
        w.svc.verify(w.t_other_anon, "pin", w.tech, response=CLIENT_PIN)
    assert e.value.problems == {"response": "nothing_on_file"}


def test_a_contact_pin_does_not_cover_other_contacts(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    with pytest.raises(ValidationError) as e:
        w.svc.verify(w.t_bob, "pin", w.tech, response=ANN_PIN)
    assert e.value.problems == {"response": "nothing_on_file"}
    assert events(w) == []


def test_empty_response_and_bad_method_write_nothing(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    with pytest.raises(ValidationError) as e:
        w.svc.verify(w.t_ann, "pin", w.tech, response="  ")
    assert e.value.problems == {"response": "required"}
    with pytest.raises(ValidationError) as e:
        w.svc.verify(w.t_ann, "telepathy", w.tech, response=ANN_PIN)
    assert e.value.problems == {"method": "invalid_choice"}
    with pytest.raises(NotFoundError):
        w.svc.verify(999_999_999, "pin", w.tech, response=ANN_PIN)
    assert events(w) == []
    assert w.svc.plan(w.client, w.ann).failures_left == MAX_FAILURES


@pytest.mark.parametrize(
    "said",
    [
        "crème brûlée",
        "CRÈME BRÛLÉE",
        "  cre\u0300me bru\u0302le\u0301e ",  # decomposed accents
        "Crème\u00a0\u00a0Brûlée",  # no-break spaces
        "Ｃｒèｍｅ Ｂｒûｌéｅ",  # fullwidth letters fold under NFKC
    ],
)
def test_answers_match_regardless_of_case_composition_and_spacing(w: World, said: str) -> None:
    w.svc.add_question(w.client, w.ann, "  Favourite   dessert? ", ANSWER, w.tech)
    ((qid, question),) = w.svc.plan(w.client, w.ann).questions
    assert question == "Favourite dessert?"
    assert w.svc.verify(w.t_ann, "security_question", w.tech, response=said, question_id=qid).passed
    assert events(w)[-1] == (
        EventKind.CALLER_VERIFIED,
        str(w.ann),
        "security_question",
        "Caller verification by security question \u201cFavourite dessert?\u201d: passed",
    )


def test_a_wrong_answer_fails(w: World) -> None:
    w.svc.add_question(w.client, w.ann, "Favourite dessert?", ANSWER, w.tech)
    ((qid, _),) = w.svc.plan(w.client, w.ann).questions
    result = w.svc.verify(
        w.t_ann, "security_question", w.tech, response="Tiramisu", question_id=qid
    )
    assert not result.passed
    assert events(w)[-1][0] is EventKind.VERIFICATION_FAILED
    assert "Tiramisu" not in all_event_text(w)


def test_an_answer_checks_only_the_question_asked(w: World) -> None:
    w.svc.add_question(w.client, w.ann, "Dessert?", ANSWER, w.tech)
    w.svc.add_question(w.client, w.ann, "First pet?", "Rex", w.tech)
    w.svc.add_question(w.client, w.bob, "Town?", "Gent", w.tech)
    (dessert, pet) = [q for q, _ in w.svc.plan(w.client, w.ann).questions]
    ((town, _),) = w.svc.plan(w.client, w.bob).questions
    ask = w.svc.verify
    assert not ask(w.t_ann, "security_question", w.tech, response="Rex", question_id=dessert).passed
    assert ask(w.t_ann, "security_question", w.tech, response="rex", question_id=pet).passed
    # Bob's question cannot be asked of Ann, nor of an anonymous caller.
    for ticket in (w.t_ann, w.t_anon):
        with pytest.raises(ValidationError) as e:
            ask(ticket, "security_question", w.tech, response="Gent", question_id=town)
        assert e.value.problems == {"response": "nothing_on_file"}
    with pytest.raises(ValidationError):
        ask(w.t_ann, "security_question", w.tech, response="Rex", question_id=None)


def test_callback_and_manager_approval_record_the_technicians_word(w: World) -> None:
    assert w.svc.verify(w.t_bob, "callback", w.tech, confirmed=True).passed
    assert not w.svc.verify(w.t_bob, "manager_approval", w.tech, confirmed=False).passed
    assert events(w) == [
        (
            EventKind.CALLER_VERIFIED,
            str(w.bob),
            "callback",
            "Caller verification by callback to the number on file: passed",
        ),
        (
            EventKind.VERIFICATION_FAILED,
            str(w.bob),
            "manager_approval",
            "Caller verification by manager approval: failed",
        ),
    ]


def test_failed_callbacks_do_not_count_towards_the_lockout(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    for _ in range(MAX_FAILURES + 2):
        w.svc.verify(w.t_ann, "callback", w.tech, confirmed=False)
    assert w.svc.plan(w.client, w.ann).failures_left == MAX_FAILURES
    assert w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN).passed


# --- lockout ------------------------------------------------------------------------------------


def test_five_failures_lock_the_contact_across_tickets(w: World) -> None:
    w.svc.set_pin(w.client, None, CLIENT_PIN, w.tech)
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    w.svc.add_question(w.client, w.ann, "Dessert?", ANSWER, w.tech)
    ((qid, _),) = w.svc.plan(w.client, w.ann).questions
    fail_pin(w, w.t_ann, 3, dt.timedelta(minutes=1))
    assert not w.svc.verify(
        w.t_ann2, "security_question", w.tech, response="nope", question_id=qid
    ).passed
    assert w.svc.plan(w.client, w.ann).failures_left == 1
    fail_pin(w, w.t_ann2, 1)
    assert w.svc.plan(w.client, w.ann).failures_left == 0
    before = events(w)
    for ticket, method, extra in (
        (w.t_ann, "pin", {"response": ANN_PIN}),
        (w.t_ann2, "pin", {"response": CLIENT_PIN}),
        (w.t_ann, "security_question", {"response": ANSWER, "question_id": qid}),
    ):
        with pytest.raises(ValidationError) as e:
            w.svc.verify(ticket, method, w.tech, **extra)
        assert e.value.problems == {"response": "too_many_attempts"}
    assert events(w) == before
    # The fallback still works: a callback is not a knowledge check.
    assert w.svc.verify(w.t_ann, "callback", w.tech, confirmed=True).passed


def test_the_lockout_is_for_that_contact_only(w: World) -> None:
    """With contacts' own PINs only, one contact's failures do not lock the others."""
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    w.svc.set_pin(w.client, w.bob, "8642", w.tech)
    fail_pin(w, w.t_ann, MAX_FAILURES)
    with pytest.raises(ValidationError):
        w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN)
    assert w.svc.plan(w.client, w.bob).failures_left == MAX_FAILURES
    assert w.svc.verify(w.t_bob, "pin", w.tech, response="8642").passed


def test_a_client_wide_pin_locks_for_the_whole_client(w: World) -> None:
    """The shared PIN answers for everyone: its failures count at the client, whoever called."""
    w.svc.set_pin(w.client, None, CLIENT_PIN, w.tech)
    w.svc.set_pin(w.other, None, "9999", w.tech)
    fail_pin(w, w.t_ann, 2)
    fail_pin(w, w.t_anon, 3)
    for contact in (w.ann, w.bob, None):
        assert w.svc.plan(w.client, contact).failures_left == 0
    for ticket in (w.t_ann, w.t_bob, w.t_anon):
        with pytest.raises(ValidationError) as e:
            w.svc.verify(ticket, "pin", w.tech, response=CLIENT_PIN)
        assert e.value.problems == {"response": "too_many_attempts"}
    assert w.svc.verify(w.t_bob, "callback", w.tech, confirmed=True).passed
    assert w.svc.plan(w.other, None).failures_left == MAX_FAILURES
    assert w.svc.verify(w.t_other_anon, "pin", w.tech, response="9999").passed


def test_anonymous_callers_are_locked_per_client(w: World) -> None:
    w.svc.set_pin(w.client, None, CLIENT_PIN, w.tech)
    w.svc.set_pin(w.other, None, "9999", w.tech)
    fail_pin(w, w.t_anon, MAX_FAILURES)
    assert w.svc.plan(w.client, None).failures_left == 0
    with pytest.raises(ValidationError) as e:
        w.svc.verify(w.t_anon, "pin", w.tech, response=CLIENT_PIN)
    assert e.value.problems == {"response": "too_many_attempts"}
    assert w.svc.plan(w.other, None).failures_left == MAX_FAILURES
    assert w.svc.verify(w.t_other_anon, "pin", w.tech, response="9999").passed


def test_the_lockout_expires_an_hour_after_each_failure(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    t0 = w.clock.now()
    fail_pin(w, w.t_ann, MAX_FAILURES, dt.timedelta(minutes=1))  # at t0 .. t0+4min
    w.clock.set(t0 + dt.timedelta(minutes=59, seconds=59))
    assert w.svc.plan(w.client, w.ann).failures_left == 0
    with pytest.raises(ValidationError):
        w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN)
    w.clock.set(t0 + dt.timedelta(hours=1))  # the first failure leaves the window
    assert w.svc.plan(w.client, w.ann).failures_left == 1
    assert w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN).passed
    fail_pin(w, w.t_ann, 1)
    with pytest.raises(ValidationError):
        w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN)
    w.clock.set(t0 + dt.timedelta(hours=2) - dt.timedelta(seconds=1))
    assert w.svc.plan(w.client, w.ann).failures_left == 4
    w.clock.set(t0 + dt.timedelta(hours=2))
    assert w.svc.plan(w.client, w.ann).failures_left == MAX_FAILURES
    assert w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN).passed


def test_the_secrets_never_reach_the_timeline(w: World) -> None:
    w.svc.set_pin(w.client, w.ann, ANN_PIN, w.tech)
    w.svc.set_pin(w.client, None, CLIENT_PIN, w.tech)
    w.svc.add_question(w.client, w.ann, "Dessert?", ANSWER, w.tech)
    ((qid, _),) = w.svc.plan(w.client, w.ann).questions
    w.svc.verify(w.t_ann, "pin", w.tech, response=ANN_PIN)
    w.svc.verify(w.t_ann, "pin", w.tech, response="31415926")
    w.svc.verify(w.t_anon, "pin", w.tech, response=CLIENT_PIN)
    w.svc.verify(w.t_ann, "security_question", w.tech, response=ANSWER, question_id=qid)
    w.svc.verify(w.t_ann, "security_question", w.tech, response="Panna cotta", question_id=qid)
    text = all_event_text(w)
    assert len(events(w)) == 5
    for secret in (ANN_PIN, CLIENT_PIN, "31415926", "Crème", "crème", "Panna", "panna"):
        assert secret not in text
    for row in stored(w):
        assert row.phc.startswith("$argon2id$")
        assert row.phc not in text


# --- plan ---------------------------------------------------------------------------------------


def test_plan_without_a_rule(w: World) -> None:
    assert w.svc.plan(w.client, w.bob) == VerificationPlan(
        w.client, w.bob, "", "client", False, (), "+32 9 000 00 00", "", "", MAX_FAILURES
    )
    with pytest.raises(NotFoundError):
        w.svc.plan(999_999_999, None)


def test_plan_follows_the_client_rule_and_per_contact_overrides(w: World) -> None:
    save(w, "company", {"legal_name": "Acme NV", "main_phone": "+32 9 123 45 67"})
    save(
        w,
        "verification",
        {
            "method": "pin",
            "manager_approver": str(w.bob),
            "instructions": "Never reset the CEO without Bob.",
            "per_contact": [{"contact": str(w.ann), "method": "callback"}],
        },
    )
    w.svc.set_pin(w.client, None, CLIENT_PIN, w.tech)
    w.svc.add_question(w.client, w.ann, "Dessert?", ANSWER, w.tech)
    ann = w.svc.plan(w.client, w.ann)
    assert (ann.method, ann.source, ann.has_pin) == ("callback", "contact", True)
    assert [q for _, q in ann.questions] == ["Dessert?"]
    assert ann.callback_number == "+32 470 11 22 33"  # the contact's own number
    assert ann.manager_name == "Bob Client"
    assert ann.instructions == "Never reset the CEO without Bob."
    bob = w.svc.plan(w.client, w.bob)
    assert (bob.method, bob.source, bob.has_pin, bob.questions) == ("pin", "client", True, ())
    assert bob.callback_number == "+32 9 123 45 67"  # the form's main phone beats the record's
    anon = w.svc.plan(w.client, None)
    assert (anon.method, anon.source, anon.has_pin, anon.questions) == ("pin", "client", True, ())
    fail_pin(w, w.t_bob, 2)
    assert w.svc.plan(w.client, w.bob).failures_left == MAX_FAILURES - 2
