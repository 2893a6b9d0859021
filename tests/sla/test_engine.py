"""app/sla/engine.py: `evaluate(facts, policy, calendar, now)` on hand-built tickets.

Calendar of most tests: Monday–Friday 09:00–17:00 in UTC, so every expected instant can be
worked out on paper. Week of 2024-06-03 (Mon) … 2024-06-07 (Fri), weekend 8–9 June, next Monday
2024-06-10. Every expected value below is computed by hand from sla.md §6–§12, never by the
engine; the working is in the comments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sla import BusinessCalendar
from app.sla.engine import (
    StatusChange,
    TargetResult,
    TargetState,
    TicketFacts,
    evaluate,
    time_left,
)
from app.sla.policy import (
    PAUSABLE_CATEGORIES,
    Level,
    LevelAction,
    Policy,
    Target,
    TargetKind,
    TargetUnit,
)

RESPONSE, RESOLUTION, UPDATE = TargetKind.RESPONSE, TargetKind.RESOLUTION, TargetKind.UPDATE
MIN, HOUR, BDE = TargetUnit.MINUTES, TargetUnit.HOURS, TargetUnit.BUSINESS_DAYS_END
WORKDAYS = ("mon", "tue", "wed", "thu", "fri")


def calendar(hours: tuple[str, str] = ("09:00", "17:00"), tz: str = "UTC") -> BusinessCalendar:
    return BusinessCalendar.from_dict(
        {"timezone": tz, "weekly": {d: [list(hours)] for d in WORKDAYS}}
    )


CAL = calendar()
H = 3600


def t(text: str) -> dt.datetime:
    """'2024-06-03 10:00' as a UTC instant."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


MON = "2024-06-03"
TUE = "2024-06-04"
WED = "2024-06-05"
THU = "2024-06-06"
FRI = "2024-06-07"
SAT = "2024-06-08"
SUN = "2024-06-09"
MON2 = "2024-06-10"


def at(day: str, hm: str) -> dt.datetime:
    return t(f"{day} {hm}")


#: The demo template of sla.md §7 (P3 resolution: end of the 3rd business day).
DEMO: dict[tuple[str, TargetKind], tuple[TargetUnit, int]] = {
    ("P1", RESPONSE): (MIN, 15),
    ("P1", RESOLUTION): (HOUR, 4),
    ("P1", UPDATE): (HOUR, 1),
    ("P2", RESPONSE): (MIN, 30),
    ("P2", RESOLUTION): (HOUR, 8),
    ("P2", UPDATE): (HOUR, 4),
    ("P3", RESPONSE): (HOUR, 2),
    ("P3", RESOLUTION): (BDE, 3),
    ("P3", UPDATE): (BDE, 1),
    ("P4", RESPONSE): (HOUR, 8),
    ("P4", RESOLUTION): (BDE, 10),
}


def policy(
    *,
    targets: dict[tuple[str, TargetKind], tuple[TargetUnit, int]] | None = None,
    warn: dict[tuple[str, TargetKind], dict[str, int]] | None = None,
    levels: Sequence[Level] = (),
    pause_applies_to: Iterable[TargetKind] = (RESOLUTION,),
    ack_counts_as_response: bool = False,
) -> Policy:
    warn = warn or {}
    return Policy(
        policy_id=1,
        name="Test",
        version=1,
        targets={
            key: Target(key[0], key[1], unit, amount, **warn.get(key, {}))
            for key, (unit, amount) in (targets or DEMO).items()
        },
        levels=tuple(levels),
        pause_applies_to=frozenset(pause_applies_to),
        ack_counts_as_response=ack_counts_as_response,
    )


DEFAULT = policy()


def facts(
    created: dt.datetime,
    *changes: tuple[dt.datetime, str],
    priority: str = "P2",
    comms: Sequence[dt.datetime] = (),
    acks: Sequence[dt.datetime] = (),
    scope: str = "in_scope",
) -> TicketFacts:
    """A ticket created "new" at `created`, then entering each (instant, category) in turn."""
    return TicketFacts(
        created_at=created,
        priority=priority,
        statuses=(
            StatusChange(created, "new"),
            *(StatusChange(when, category) for when, category in changes),
        ),
        communications=tuple(comms),
        acknowledgements=tuple(acks),
        scope=scope,
    )


def run(
    f: TicketFacts,
    now: dt.datetime,
    p: Policy = DEFAULT,
    cal: BusinessCalendar = CAL,
) -> dict[TargetKind, TargetResult]:
    results = evaluate(f, p, cal, now)
    kinds = [r.kind for r in results]
    assert len(set(kinds)) == len(kinds)
    return {r.kind: r for r in results}


def check(r: TargetResult, **expected: Any) -> None:
    """Compare the named fields of `r` with `expected`, reporting every mismatch at once."""
    wrong = {k: (getattr(r, k), v) for k, v in expected.items() if getattr(r, k) != v}
    assert not wrong, f"{r.kind}: (got, expected) {wrong}"


# --- response ------------------------------------------------------------------------------------


def test_response_is_met_by_the_first_customer_visible_communication() -> None:
    created = at(MON, "10:00")
    f = facts(created, comms=[at(MON, "10:20"), at(MON, "10:25")])
    got = run(f, at(MON, "11:00"))
    assert list(got) == [RESPONSE, RESOLUTION, UPDATE]
    # P2 response 30 min from Mon 10:00 → 10:30; warning at 75 % = 22.5 min → 10:22:30.
    check(
        got[RESPONSE],
        state=TargetState.MET,
        start_at=created,
        target_seconds=1800,
        due_at=at(MON, "10:30"),
        warn_at=at(MON, "10:22:30"),
        met_at=at(MON, "10:20"),
        breached_at=None,
        business_overrun_seconds=0,
        time_left_seconds=None,
    )
    # P2 resolution 8 h: Mon 10–17 (7 h) + Tue 09–10 → Tue 10:00; 75 % = 6 h → Mon 16:00.
    # Left at Mon 11:00: Mon 11–17 (6 h) + Tue 09–10 (1 h) = 7 h.
    check(
        got[RESOLUTION],
        state=TargetState.RUNNING,
        target_seconds=8 * H,
        due_at=at(TUE, "10:00"),
        warn_at=at(MON, "16:00"),
        met_at=None,
        time_left_seconds=7 * H,
    )
    # P2 update 4 h, armed by the response and reset by the 10:25 reply: due 14:25.
    check(
        got[UPDATE],
        state=TargetState.RUNNING,
        start_at=at(MON, "10:25"),
        target_seconds=4 * H,
        due_at=at(MON, "14:25"),
        time_left_seconds=3 * H + 25 * 60,
    )


def test_unanswered_response_is_met_exactly_at_due_and_breached_one_second_later() -> None:
    f = facts(at(MON, "10:00"))
    at_due = run(f, at(MON, "10:30"))
    # No response yet: no update clock either.
    assert list(at_due) == [RESPONSE, RESOLUTION]
    check(
        at_due[RESPONSE],
        state=TargetState.WARNING,
        due_at=at(MON, "10:30"),
        breached_at=None,
        business_overrun_seconds=0,
        time_left_seconds=0,
    )
    late = run(f, at(MON, "10:30:01"))[RESPONSE]
    check(
        late,
        state=TargetState.BREACHED,
        breached_at=at(MON, "10:30"),
        business_overrun_seconds=1,
        time_left_seconds=-1,
    )
    assert late.is_open


def test_a_reply_exactly_at_due_meets_the_target() -> None:
    f = facts(at(MON, "10:00"), comms=[at(MON, "10:30")])
    check(
        run(f, at(MON, "12:00"))[RESPONSE],
        state=TargetState.MET,
        met_at=at(MON, "10:30"),
        breached_at=None,
        business_overrun_seconds=0,
    )


def test_communications_before_the_ticket_existed_do_not_count() -> None:
    f = facts(at(MON, "10:00"), comms=[at(MON, "09:59")])
    check(run(f, at(MON, "10:10"))[RESPONSE], state=TargetState.RUNNING, met_at=None)


def test_communications_after_now_are_not_seen_yet() -> None:
    f = facts(at(MON, "10:00"), comms=[at(MON, "10:20")])
    check(run(f, at(MON, "10:10"))[RESPONSE], state=TargetState.RUNNING, met_at=None)


def test_resolving_without_a_reply_is_no_first_response() -> None:
    # Resolved at 10:20, before the 10:30 response due: nothing was owed any more.
    f = facts(at(MON, "10:00"), (at(MON, "10:20"), "resolved"))
    check(run(f, at(MON, "11:00"))[RESPONSE], state=TargetState.CANCELLED, met_at=None)
    # Resolved at 10:45 with no reply: the response was missed by 15 business minutes.
    late = facts(at(MON, "10:00"), (at(MON, "10:45"), "resolved"))
    check(
        run(late, at(MON, "11:00"))[RESPONSE],
        state=TargetState.BREACHED,
        met_at=None,
        breached_at=at(MON, "10:30"),
        business_overrun_seconds=15 * 60,
        time_left_seconds=None,
    )


def test_acknowledgement_counts_only_when_the_policy_says_so() -> None:
    f = facts(at(MON, "10:00"), acks=[at(MON, "10:05")], comms=[at(MON, "10:20")])
    plain = run(f, at(MON, "10:10"))[RESPONSE]
    check(plain, state=TargetState.RUNNING, met_at=None, time_left_seconds=20 * 60)
    check(run(f, at(MON, "10:25"))[RESPONSE], state=TargetState.MET, met_at=at(MON, "10:20"))

    with_ack = policy(ack_counts_as_response=True)
    check(
        run(f, at(MON, "10:10"), with_ack)[RESPONSE],
        state=TargetState.MET,
        met_at=at(MON, "10:05"),
    )


def test_response_clock_never_pauses_even_if_every_clock_else_does() -> None:
    p = policy(pause_applies_to=(RESOLUTION, UPDATE))
    f = facts(at(MON, "10:00"), (at(MON, "10:30"), "waiting_customer"), priority="P3")
    got = run(f, at(MON, "11:00"), p)
    # P3 response 2 h from Mon 10:00 → 12:00, running through the wait.
    check(
        got[RESPONSE],
        state=TargetState.RUNNING,
        due_at=at(MON, "12:00"),
        time_left_seconds=H,
        paused_business_seconds=0,
    )
    check(got[RESOLUTION], state=TargetState.PAUSED, due_at=None)
    # Still waiting past the response due: breached, not paused.
    check(
        run(f, at(MON, "12:30"), p)[RESPONSE],
        state=TargetState.BREACHED,
        breached_at=at(MON, "12:00"),
        business_overrun_seconds=30 * 60,
    )


# --- pauses --------------------------------------------------------------------------------------


@pytest.mark.parametrize("category", sorted(PAUSABLE_CATEGORIES))
def test_waiting_pauses_the_resolution_clock(category: str) -> None:
    f = facts(
        at(MON, "10:00"),
        (at(MON, "11:00"), category),
        (at(MON, "13:00"), "in_progress"),
        comms=[at(MON, "10:10")],
    )
    got = run(f, at(MON, "14:00"))
    # 8 h minus the 2 h wait: Mon 10–11 (1 h), 13–17 (4 h), Tue 09–12 (3 h) → Tue 12:00.
    # Warning at 6 h of clock: Mon 10–11, 13–17, Tue 09–10 → Tue 10:00.
    check(
        got[RESOLUTION],
        state=TargetState.RUNNING,
        due_at=at(TUE, "12:00"),
        warn_at=at(TUE, "10:00"),
        paused_business_seconds=2 * H,
        reopen_business_seconds=0,
        reopen_count=0,
        time_left_seconds=6 * H,
    )
    # The response (met at 10:10) is untouched by the wait.
    check(got[RESPONSE], state=TargetState.MET, due_at=at(MON, "10:30"))


def test_in_progress_and_new_do_not_pause() -> None:
    f = facts(at(MON, "10:00"), (at(MON, "11:00"), "in_progress"), (at(MON, "12:00"), "new"))
    check(
        run(f, at(MON, "13:00"))[RESOLUTION],
        due_at=at(TUE, "10:00"),
        paused_business_seconds=0,
    )


def test_waiting_does_not_pause_resolution_when_the_policy_says_not() -> None:
    p = policy(pause_applies_to=())
    f = facts(at(MON, "10:00"), (at(MON, "11:00"), "waiting_customer"))
    got = run(f, at(MON, "12:00"), p)[RESOLUTION]
    # Not paused: due Tue 10:00 as without the wait; the wait is still reported.
    check(
        got,
        state=TargetState.RUNNING,
        due_at=at(TUE, "10:00"),
        time_left_seconds=6 * H,
        paused_business_seconds=H,
    )


def test_a_weekend_pause_costs_nothing() -> None:
    # Fri 10:00 + 8 h: Fri 10–17 (7 h) + Mon 09–10 → Mon 10:00, with or without the wait.
    for start, end in (
        (at(FRI, "17:00"), at(MON2, "09:00")),
        (at(SAT, "10:00"), at(SUN, "18:00")),
    ):
        f = facts(at(FRI, "10:00"), (start, "waiting_customer"), (end, "in_progress"))
        # Warning at 6 h of clock: Fri 16:00, so it is warning by Monday 09:30.
        check(
            run(f, at(MON2, "09:30"))[RESOLUTION],
            state=TargetState.WARNING,
            warn_at=at(FRI, "16:00"),
            due_at=at(MON2, "10:00"),
            paused_business_seconds=0,
            time_left_seconds=30 * 60,
        )


def test_a_pause_before_opening_costs_nothing() -> None:
    # EN-4: created 08:00, waiting 08:15–08:45, the clock starts at 09:00: 8 h → 17:00 (S2).
    f = facts(
        at(MON, "08:00"),
        (at(MON, "08:15"), "waiting_customer"),
        (at(MON, "08:45"), "in_progress"),
    )
    check(
        run(f, at(MON, "09:00"))[RESOLUTION],
        due_at=at(MON, "17:00"),
        paused_business_seconds=0,
        time_left_seconds=8 * H,
    )


def test_paused_clock_has_no_due_and_frozen_remaining_time() -> None:
    lv = Level(7, RESOLUTION, 0, (LevelAction.NOTIFY_LEAD,))
    p = policy(levels=[lv])
    f = facts(at(MON, "10:00"), (at(MON, "13:00"), "waiting_customer"), comms=[at(MON, "10:05")])
    for now in (at(MON, "15:00"), at(WED, "12:00")):
        got = run(f, now, p)[RESOLUTION]
        # 3 h used (10–13) of 8 h: 5 h left, frozen however long the wait lasts.
        check(
            got,
            state=TargetState.PAUSED,
            due_at=None,
            warn_at=None,
            met_at=None,
            breached_at=None,
            time_left_seconds=5 * H,
            levels=(),
        )
        assert not got.is_open


def test_paused_business_seconds_include_the_wait_still_running() -> None:
    # sla.md §10.3: a span still open at evaluation time ends at "now" for between purposes.
    f = facts(at(MON, "10:00"), (at(MON, "13:00"), "waiting_customer"))
    check(run(f, at(MON, "15:00"))[RESOLUTION], paused_business_seconds=2 * H)
    # Over a night: Mon 13–17 (4 h) + Tue 09–10 (1 h).
    check(run(f, at(TUE, "10:00"))[RESOLUTION], paused_business_seconds=5 * H)


def test_resuming_after_a_wait_extends_the_due_by_the_business_time_waited() -> None:
    f = facts(
        at(MON, "10:00"),
        (at(MON, "13:00"), "waiting_customer"),
        (at(MON, "16:00"), "in_progress"),
    )
    # Mon 10–13 (3 h), 16–17 (1 h), Tue 09–13 (4 h) → Tue 13:00: 3 h later than Tue 10:00.
    check(
        run(f, at(MON, "16:30"))[RESOLUTION],
        state=TargetState.RUNNING,
        due_at=at(TUE, "13:00"),
        paused_business_seconds=3 * H,
        time_left_seconds=4 * H + 30 * 60,
    )


def test_customer_then_third_party_wait_back_to_back() -> None:
    f = facts(
        at(MON, "10:00"),
        (at(MON, "11:00"), "waiting_customer"),
        (at(MON, "12:00"), "waiting_third_party"),
        (at(MON, "14:00"), "in_progress"),
    )
    # 3 h of waiting: Mon 10–11 (1 h), 14–17 (3 h), Tue 09–13 (4 h) → Tue 13:00.
    check(
        run(f, at(MON, "15:00"))[RESOLUTION],
        due_at=at(TUE, "13:00"),
        paused_business_seconds=3 * H,
    )


def test_going_straight_from_waiting_to_resolved_keeps_the_hold_time() -> None:
    # frappe/helpdesk PR #3776: the wait before the resolution still pauses the clock.
    f = facts(
        at(MON, "10:00"),
        (at(MON, "11:00"), "waiting_customer"),
        (at(TUE, "11:00"), "resolved"),
        comms=[at(MON, "10:05")],
    )
    # Waited Mon 11–17 + Tue 09–11 = 8 h: due Mon 10:00 + 8 h + 8 h = Wed 10:00. Met at Tue 11.
    check(
        run(f, at(TUE, "12:00"))[RESOLUTION],
        state=TargetState.MET,
        due_at=at(WED, "10:00"),
        met_at=at(TUE, "11:00"),
        breached_at=None,
        paused_business_seconds=8 * H,
    )


# --- resolve and reopen ---------------------------------------------------------------------------


def test_resolution_met_when_resolved() -> None:
    f = facts(at(MON, "10:00"), (at(MON, "12:00"), "resolved"), comms=[at(MON, "10:05")])
    check(
        run(f, at(MON, "12:30"))[RESOLUTION],
        state=TargetState.MET,
        due_at=at(TUE, "10:00"),
        met_at=at(MON, "12:00"),
        reopen_count=0,
        time_left_seconds=None,
    )


def test_reopen_adds_the_resolved_span_as_a_pause() -> None:
    comms = [at(MON, "10:05")]
    f = facts(
        at(MON, "10:00"),
        (at(MON, "12:00"), "resolved"),
        (at(MON, "15:00"), "in_progress"),
        comms=comms,
    )
    # Reopen span Mon 12–15 (3 h): Mon 10–12 (2 h), 15–17 (2 h), Tue 09–13 (4 h) → Tue 13:00.
    check(
        run(f, at(MON, "16:00"))[RESOLUTION],
        state=TargetState.RUNNING,
        due_at=at(TUE, "13:00"),
        met_at=None,
        reopen_count=1,
        reopen_business_seconds=3 * H,
        paused_business_seconds=0,
        time_left_seconds=5 * H,
    )
    # Resolved again before the new due: met at the second resolution.
    again = facts(
        at(MON, "10:00"),
        (at(MON, "12:00"), "resolved"),
        (at(MON, "15:00"), "in_progress"),
        (at(TUE, "12:00"), "resolved"),
        comms=comms,
    )
    check(
        run(again, at(TUE, "12:30"))[RESOLUTION],
        state=TargetState.MET,
        due_at=at(TUE, "13:00"),
        met_at=at(TUE, "12:00"),
        reopen_count=1,
    )
    # …or after it: breached by one business hour.
    late = facts(
        at(MON, "10:00"),
        (at(MON, "12:00"), "resolved"),
        (at(MON, "15:00"), "in_progress"),
        (at(TUE, "14:00"), "resolved"),
        comms=comms,
    )
    check(
        run(late, at(TUE, "15:00"))[RESOLUTION],
        state=TargetState.BREACHED,
        met_at=at(TUE, "14:00"),
        breached_at=at(TUE, "13:00"),
        business_overrun_seconds=H,
    )


def test_reopen_from_closed_counts_from_the_resolution() -> None:
    f = facts(
        at(MON, "10:00"),
        (at(MON, "12:00"), "resolved"),
        (at(MON, "12:30"), "closed"),
        (at(MON, "15:00"), "in_progress"),
        comms=[at(MON, "10:05")],
    )
    # The clock stopped at 12:00 (resolved), not 12:30 (closed): the same Tue 13:00.
    check(
        run(f, at(MON, "16:00"))[RESOLUTION],
        due_at=at(TUE, "13:00"),
        reopen_count=1,
        reopen_business_seconds=3 * H,
    )


def test_two_reopens_are_counted_and_both_spans_pause() -> None:
    f = facts(
        at(MON, "10:00"),
        (at(MON, "11:00"), "resolved"),
        (at(MON, "12:00"), "in_progress"),
        (at(MON, "13:00"), "resolved"),
        (at(MON, "15:00"), "in_progress"),
        comms=[at(MON, "10:05")],
    )
    # Reopen spans 11–12 and 13–15: 3 h → Tue 13:00.
    check(
        run(f, at(MON, "16:00"))[RESOLUTION],
        due_at=at(TUE, "13:00"),
        reopen_count=2,
        reopen_business_seconds=3 * H,
    )


def test_directly_closing_counts_as_resolution_at_the_close() -> None:
    f = facts(at(MON, "10:00"), (at(MON, "11:00"), "closed"), comms=[at(MON, "10:05")])
    check(run(f, at(MON, "12:00"))[RESOLUTION], state=TargetState.MET, met_at=at(MON, "11:00"))


# --- breach ---------------------------------------------------------------------------------------


def test_resolution_breach_is_event_after_due() -> None:
    comms = [at(MON, "10:05")]
    # P1 resolution 4 h from Mon 10:00 → 14:00.
    on_time = facts(at(MON, "10:00"), (at(MON, "14:00"), "resolved"), priority="P1", comms=comms)
    check(
        run(on_time, at(MON, "15:00"))[RESOLUTION],
        state=TargetState.MET,
        due_at=at(MON, "14:00"),
        breached_at=None,
        business_overrun_seconds=0,
    )
    late = facts(at(MON, "10:00"), (at(MON, "14:00:01"), "resolved"), priority="P1", comms=comms)
    check(
        run(late, at(MON, "15:00"))[RESOLUTION],
        state=TargetState.BREACHED,
        met_at=at(MON, "14:00:01"),
        breached_at=at(MON, "14:00"),
        business_overrun_seconds=1,
        time_left_seconds=None,
    )


def test_a_reply_after_closing_time_is_late_with_no_business_overrun() -> None:
    # P2 response 30 min from Mon 16:30 → 17:00 (due at close, S2).
    evening = facts(at(MON, "16:30"), comms=[at(MON, "18:00")])
    check(
        run(evening, at(MON, "19:00"))[RESPONSE],
        state=TargetState.BREACHED,
        due_at=at(MON, "17:00"),
        met_at=at(MON, "18:00"),
        breached_at=at(MON, "17:00"),
        business_overrun_seconds=0,
    )
    morning = facts(at(MON, "16:30"), comms=[at(TUE, "09:10")])
    check(
        run(morning, at(TUE, "10:00"))[RESPONSE],
        state=TargetState.BREACHED,
        breached_at=at(MON, "17:00"),
        business_overrun_seconds=600,
    )


def test_open_breach_overrun_counts_business_time_only() -> None:
    # P1 resolution due Mon 14:00; at Tue 10:00 it is 3 h (Mon 14–17) + 1 h (Tue 09–10) late.
    f = facts(at(MON, "10:00"), priority="P1", comms=[at(MON, "10:05")])
    check(
        run(f, at(TUE, "10:00"))[RESOLUTION],
        state=TargetState.BREACHED,
        breached_at=at(MON, "14:00"),
        business_overrun_seconds=4 * H,
        time_left_seconds=-4 * H,
    )


def test_a_breach_before_a_wait_stays_breached() -> None:
    # P1 resolution due Mon 14:00; waiting from 15:00: breached, not paused.
    f = facts(
        at(MON, "10:00"),
        (at(MON, "15:00"), "waiting_customer"),
        priority="P1",
        comms=[at(MON, "10:05")],
    )
    got = run(f, at(MON, "16:00"))[RESOLUTION]
    # The wait itself is no overrun: 14–15 only.
    check(
        got,
        state=TargetState.BREACHED,
        due_at=at(MON, "14:00"),
        breached_at=at(MON, "14:00"),
        business_overrun_seconds=H,
        time_left_seconds=-H,
    )
    assert got.is_open
    resumed = facts(
        at(MON, "10:00"),
        (at(MON, "15:00"), "waiting_customer"),
        (at(MON, "16:00"), "in_progress"),
        priority="P1",
        comms=[at(MON, "10:05")],
    )
    # A wait after the due does not move it: 14–15 and 16–16:30 overdue.
    check(
        run(resumed, at(MON, "16:30"))[RESOLUTION],
        state=TargetState.BREACHED,
        due_at=at(MON, "14:00"),
        business_overrun_seconds=90 * 60,
    )


# --- warnings -------------------------------------------------------------------------------------


def test_default_warning_at_75_percent() -> None:
    f = facts(at(MON, "10:00"), comms=[at(MON, "10:05")])
    # 75 % of 8 h = 6 h → Mon 16:00.
    check(
        run(f, at(MON, "15:59:59"))[RESOLUTION], state=TargetState.RUNNING, warn_at=at(MON, "16:00")
    )
    check(run(f, at(MON, "16:00"))[RESOLUTION], state=TargetState.WARNING, warn_at=at(MON, "16:00"))


def test_dv24b_warning_percentage_is_business_time_from_the_start() -> None:
    p = policy(warn={("P2", RESOLUTION): {"warn_at_percent": 80}})
    f = facts(at(MON, "10:00"))
    # DV-24b on 08:00–16:00: 80 % of 8 h = 6 h 24 min: Mon 10–16 (6 h) + Tue 08:00–08:24.
    early = calendar(("08:00", "16:00"))
    check(run(f, at(MON, "11:00"), p, early)[RESOLUTION], warn_at=at(TUE, "08:24"))
    # On this file's 09:00–17:00 calendar the same 6 h 24 min end on Monday at 16:24.
    check(run(f, at(MON, "11:00"), p)[RESOLUTION], warn_at=at(MON, "16:24"))


def test_warning_before_due_is_subtracted_on_the_calendar() -> None:
    # Due Tue 10:00. 1 h before: Tue 09:00 (the opening, S6). 2 h before: Mon 16:00.
    f = facts(at(MON, "10:00"))
    for before, expected in ((H, at(TUE, "09:00")), (2 * H, at(MON, "16:00"))):
        p = policy(warn={("P2", RESOLUTION): {"warn_before_seconds": before}})
        check(run(f, at(MON, "11:00"), p)[RESOLUTION], warn_at=expected)


def test_warning_percentage_is_measured_with_pauses() -> None:
    f = facts(
        at(MON, "10:00"),
        (at(MON, "11:00"), "waiting_customer"),
        (at(MON, "12:00"), "in_progress"),
    )
    # 6 h of clock outside 11–12: Mon 10–11, 12–17 → exactly Mon 17:00 (S2).
    check(run(f, at(MON, "13:00"))[RESOLUTION], warn_at=at(MON, "17:00"), due_at=at(TUE, "11:00"))


# --- levels ---------------------------------------------------------------------------------------


def test_level_instants_from_signed_offsets() -> None:
    offsets = (-2 * H, -H, 0, H, 7 * H, 8 * H)
    levels = [
        Level(i, RESOLUTION, offset, (LevelAction.NOTIFY_LEAD,))
        for i, offset in enumerate(offsets, start=1)
    ]
    levels.append(Level(99, RESPONSE, 0, (LevelAction.NOTIFY_ASSIGNEE,)))
    f = facts(at(MON, "10:00"))
    got = run(f, at(MON, "10:10"), policy(levels=levels))
    # Resolution due Tue 10:00.
    assert [(lv.level.level_id, lv.at) for lv in got[RESOLUTION].levels] == [
        (1, at(MON, "16:00")),  # 2 h before: Tue 09–10 + Mon 16–17
        (2, at(TUE, "09:00")),  # 1 h before: the opening (S6)
        (3, at(TUE, "10:00")),  # at due
        (4, at(TUE, "11:00")),
        (5, at(TUE, "17:00")),  # 7 h after ends at the close (S2)
        (6, at(WED, "10:00")),
    ]
    # Only the response's own levels on the response clock: due 10:30.
    assert [(lv.level.level_id, lv.at) for lv in got[RESPONSE].levels] == [(99, at(MON, "10:30"))]


def test_levels_follow_a_due_moved_by_a_wait() -> None:
    lv = Level(1, RESOLUTION, -H, (LevelAction.NOTIFY_LEAD,))
    f = facts(
        at(MON, "10:00"),
        (at(MON, "13:00"), "waiting_customer"),
        (at(MON, "16:00"), "in_progress"),
    )
    # Due Tue 13:00 (see the resume test); an hour before: Tue 12:00.
    got = run(f, at(MON, "16:30"), policy(levels=[lv]))[RESOLUTION]
    assert [(x.level.level_id, x.at) for x in got.levels] == [(1, at(TUE, "12:00"))]


# --- business-day targets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("created", "due", "seconds"),
    [
        # Anchor Mon (ends 17:00 after 10:00); the 3rd business day after it is Thu.
        pytest.param(at(MON, "10:00"), at(THU, "17:00"), 7 * H + 3 * 8 * H, id="monday-morning"),
        # At the close Monday is over (S7): anchor Tue, so Fri 17:00.
        pytest.param(at(MON, "17:00"), at(FRI, "17:00"), 4 * 8 * H, id="monday-close"),
        # Saturday: anchor Mon 10 June, due Thu 13 June.
        pytest.param(at(SAT, "10:00"), t("2024-06-13 17:00"), 4 * 8 * H, id="saturday"),
    ],
)
def test_p3_resolution_is_the_end_of_the_third_business_day(
    created: dt.datetime, due: dt.datetime, seconds: int
) -> None:
    got = run(facts(created, priority="P3"), created)[RESOLUTION]
    check(
        got,
        state=TargetState.RUNNING,
        due_at=due,
        target_seconds=seconds,
        time_left_seconds=seconds,
    )


def test_business_day_target_is_extended_by_waiting_like_an_hours_target() -> None:
    f = facts(
        at(MON, "10:00"),
        (at(TUE, "09:00"), "waiting_customer"),
        (at(TUE, "13:00"), "in_progress"),
        priority="P3",
    )
    # T stays 31 h (computed on the calendar alone); the 4 h wait moves Thu 17:00 to Fri 13:00.
    # The warning at 75 % of 31 h = 23 h 15 min: Mon 7 h, Tue 13–17 4 h, Wed 8 h (19 h),
    # Thu 09:00 + 4 h 15 min → Thu 13:15.
    check(
        run(f, at(TUE, "14:00"))[RESOLUTION],
        target_seconds=31 * H,
        due_at=at(FRI, "13:00"),
        warn_at=at(THU, "13:15"),
        paused_business_seconds=4 * H,
    )


def test_update_target_end_of_next_business_day() -> None:
    # P3 update = end of the next business day after the last reply (Mon 10:10): Tue 17:00.
    f = facts(at(MON, "10:00"), priority="P3", comms=[at(MON, "10:10")])
    check(
        run(f, at(MON, "11:00"))[UPDATE],
        start_at=at(MON, "10:10"),
        due_at=at(TUE, "17:00"),
        target_seconds=6 * H + 50 * 60 + 8 * H,
    )


# --- update interval ------------------------------------------------------------------------------


def test_update_clock_is_armed_by_the_first_response_and_reset_by_each_reply() -> None:
    created = at(MON, "10:00")
    assert UPDATE not in run(facts(created), at(MON, "10:20"))
    armed = run(facts(created, comms=[at(MON, "10:10")]), at(MON, "10:20"))[UPDATE]
    check(armed, state=TargetState.RUNNING, start_at=at(MON, "10:10"), due_at=at(MON, "14:10"))
    reset = run(facts(created, comms=[at(MON, "10:10"), at(MON, "13:00")]), at(MON, "14:00"))
    check(reset[UPDATE], start_at=at(MON, "13:00"), due_at=at(MON, "17:00"), breached_at=None)


def test_an_earlier_overdue_update_gap_stays_breached() -> None:
    # Gap 10:10 → 16:00 exceeded its 4 h (due 14:10) by 1 h 50 min; the next gap runs from 16:00.
    f = facts(at(MON, "10:00"), comms=[at(MON, "10:10"), at(MON, "16:00")])
    got = run(f, at(MON, "16:30"))[UPDATE]
    # Next due: Mon 16–17 (1 h) + Tue 09–12 → Tue 12:00.
    check(
        got,
        start_at=at(MON, "16:00"),
        due_at=at(TUE, "12:00"),
        breached_at=at(MON, "14:10"),
        business_overrun_seconds=H + 50 * 60,
        time_left_seconds=3 * H + 30 * 60,
    )


def test_update_clock_stops_when_resolved() -> None:
    f = facts(at(MON, "10:00"), (at(MON, "12:00"), "resolved"), comms=[at(MON, "10:10")])
    check(
        run(f, at(MON, "16:00"))[UPDATE],
        state=TargetState.MET,
        met_at=at(MON, "12:00"),
        due_at=at(MON, "14:10"),
        breached_at=None,
    )


def test_update_clock_does_not_run_while_the_ticket_was_resolved() -> None:
    # sla.md §9: not armed while Resolved. Replied Mon 10:10, resolved Mon 12:00, reopened
    # Wed 10:00: the resolved span pauses the update gap like it pauses resolution (§10.7):
    # 10:10–12:00 (1 h 50 min), then 2 h 10 min from Wed 10:00 → Wed 12:10.
    f = facts(
        at(MON, "10:00"),
        (at(MON, "12:00"), "resolved"),
        (at(WED, "10:00"), "in_progress"),
        comms=[at(MON, "10:10")],
    )
    check(
        run(f, at(WED, "10:30"))[UPDATE],
        state=TargetState.RUNNING,
        due_at=at(WED, "12:10"),
        breached_at=None,
        business_overrun_seconds=0,
        time_left_seconds=H + 40 * 60,
    )


def test_update_clock_pauses_only_when_the_policy_opts_in() -> None:
    f = facts(at(MON, "10:00"), (at(MON, "11:00"), "waiting_customer"), comms=[at(MON, "10:10")])
    # Default pause_applies_to = {resolution}: the update gap (due 14:10) runs through the wait.
    check(
        run(f, at(MON, "15:00"))[UPDATE],
        state=TargetState.BREACHED,
        breached_at=at(MON, "14:10"),
        business_overrun_seconds=50 * 60,
    )
    # Opted in: paused at 11:00 with 4 h − 50 min left.
    opted = policy(pause_applies_to=(RESOLUTION, UPDATE))
    check(
        run(f, at(MON, "15:00"), opted)[UPDATE],
        state=TargetState.PAUSED,
        due_at=None,
        time_left_seconds=4 * H - 50 * 60,
    )


# --- scope and cancellation -----------------------------------------------------------------------


def test_out_of_scope_keeps_the_response_and_cancels_resolution_and_update() -> None:
    f = facts(at(MON, "10:00"), scope="out_of_scope", comms=[at(MON, "10:10")])
    got = run(f, at(MON, "11:00"))
    check(got[RESPONSE], state=TargetState.MET, due_at=at(MON, "10:30"))
    for kind in (RESOLUTION, UPDATE):
        check(got[kind], state=TargetState.CANCELLED, due_at=None, warn_at=None, levels=())
        assert not got[kind].is_open
    unanswered = run(facts(at(MON, "10:00"), scope="out_of_scope"), at(MON, "10:20"))
    check(unanswered[RESPONSE], state=TargetState.RUNNING, due_at=at(MON, "10:30"))


def test_best_effort_keeps_every_target() -> None:
    got = run(facts(at(MON, "10:00"), scope="best_effort"), at(MON, "10:20"))
    check(got[RESOLUTION], state=TargetState.RUNNING, due_at=at(TUE, "10:00"))


def test_cancelled_ticket_cancels_its_unmet_targets() -> None:
    lv = Level(1, RESOLUTION, 0, (LevelAction.NOTIFY_LEAD,))
    p = policy(levels=[lv])
    silent = facts(at(MON, "10:00"), (at(MON, "10:15"), "cancelled"))
    got = run(silent, at(TUE, "12:00"), p)
    for kind in (RESPONSE, RESOLUTION):
        check(got[kind], state=TargetState.CANCELLED, due_at=None, breached_at=None, levels=())
    answered = facts(at(MON, "10:00"), (at(MON, "10:15"), "cancelled"), comms=[at(MON, "10:05")])
    got = run(answered, at(TUE, "12:00"), p)
    check(got[RESPONSE], state=TargetState.MET, met_at=at(MON, "10:05"))
    check(got[RESOLUTION], state=TargetState.CANCELLED, due_at=None)
    # The update clock was open (armed at 10:05, due 14:05) and is cancelled, not "met".
    check(got[UPDATE], state=TargetState.CANCELLED, due_at=None, met_at=None)


# --- priority and policy changes (GLPI #6902 / #15605) --------------------------------------------


def test_priority_change_recomputes_from_the_start_keeping_pause_time() -> None:
    history = (
        (at(MON, "11:00"), "waiting_customer"),
        (at(MON, "15:00"), "in_progress"),
    )
    comms = [at(MON, "10:20")]
    before = run(facts(at(MON, "10:00"), *history, priority="P3", comms=comms), at(MON, "16:00"))
    # P3: end of the 3rd business day = Thu 17:00, T = 31 h; the 4 h wait → Fri 13:00.
    check(
        before[RESOLUTION],
        target_seconds=31 * H,
        due_at=at(FRI, "13:00"),
        paused_business_seconds=4 * H,
    )
    # Raised to P2 after the wait: 8 h from the original start, the wait still counted:
    # Mon 10–11 (1 h), 15–17 (2 h), Tue 09–14 (5 h) → Tue 14:00 (Tue 10:00 had it been lost).
    after = run(facts(at(MON, "10:00"), *history, priority="P2", comms=comms), at(MON, "16:00"))
    check(
        after[RESOLUTION],
        start_at=at(MON, "10:00"),
        target_seconds=8 * H,
        due_at=at(TUE, "14:00"),
        paused_business_seconds=4 * H,
        time_left_seconds=H + 5 * H,
    )
    # The response is judged against P2's 30 min (met at 10:20).
    check(after[RESPONSE], state=TargetState.MET, due_at=at(MON, "10:30"))


def test_policy_change_uses_the_new_targets_with_the_same_history() -> None:
    bigger = policy(targets={**DEMO, ("P2", RESOLUTION): (HOUR, 16)})
    f = facts(
        at(MON, "10:00"),
        (at(MON, "11:00"), "waiting_customer"),
        (at(MON, "15:00"), "in_progress"),
    )
    # 16 h with a 4 h wait: Mon 10–11, 15–17 (3 h), Tue (8 h), Wed 09–14 (5 h) → Wed 14:00.
    check(run(f, at(MON, "16:00"), bigger)[RESOLUTION], due_at=at(WED, "14:00"))


def test_calendar_zone_is_the_calculation_zone() -> None:
    # sla.md §13: Mon–Fri 09:00–17:00 New York; created 13:30Z (09:30 EDT); 1 h → 14:30Z.
    ny = calendar(tz="America/New_York")
    p = policy(targets={("P1", RESPONSE): (HOUR, 1)})
    got = run(facts(t("2024-06-03 13:30"), priority="P1"), t("2024-06-03 13:40"), p, ny)
    check(got[RESPONSE], due_at=t("2024-06-03 14:30"))
    assert list(got) == [RESPONSE]


def test_targets_missing_from_the_policy_give_no_clock() -> None:
    p = policy(targets={("P1", RESPONSE): (MIN, 15)})
    assert run(facts(at(MON, "10:00"), priority="P2"), at(MON, "10:10"), p) == {}


def test_time_left_is_negative_business_time_once_overdue() -> None:
    assert time_left(CAL, at(TUE, "10:00"), at(MON, "16:00")) == 2 * H
    assert time_left(CAL, at(MON, "16:00"), at(TUE, "10:00")) == -2 * H
    assert time_left(CAL, at(MON, "16:00"), at(MON, "16:00")) == 0


# --- properties -----------------------------------------------------------------------------------

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BASE = t("2024-06-03 00:00")
#: Whole minutes within four weeks of BASE.
minutes = st.integers(min_value=0, max_value=4 * 7 * 24 * 60)


@st.composite
def ticket(
    draw: st.DrawFn, spans: int = 4
) -> tuple[dt.datetime, list[tuple[dt.datetime, dt.datetime]]]:
    """A creation instant and disjoint waiting spans after it, oldest first."""
    created = BASE + dt.timedelta(minutes=draw(minutes))
    cuts = sorted(draw(st.lists(minutes, min_size=0, max_size=2 * spans, unique=True)))
    points = [created + dt.timedelta(minutes=m + 1) for m in cuts]
    pairs = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
    return created, pairs


def waiting_facts(
    created: dt.datetime,
    spans: Sequence[tuple[dt.datetime, dt.datetime]],
    resolved: dt.datetime | None = None,
) -> TicketFacts:
    changes: list[tuple[dt.datetime, str]] = []
    for a, b in spans:
        changes += [(a, "waiting_customer"), (b, "in_progress")]
    if resolved is not None:
        changes.append((resolved, "resolved"))
    return facts(created, *changes)


def hours_policy(hours: int) -> Policy:
    return policy(targets={("P2", RESOLUTION): (HOUR, hours)})


FAR = t("2025-01-01 00:00")


def resolution_due(f: TicketFacts, p: Policy) -> dt.datetime:
    due = run(f, FAR, p)[RESOLUTION].due_at
    assert due is not None
    return due


@PROPERTY
@given(ticket(), st.integers(min_value=1, max_value=60))
def test_pauses_only_ever_delay_the_due(
    drawn: tuple[dt.datetime, list[tuple[dt.datetime, dt.datetime]]], hours: int
) -> None:
    created, spans = drawn
    p = hours_policy(hours)
    plain = resolution_due(facts(created), p)
    paused = resolution_due(waiting_facts(created, spans), p)
    assert paused >= plain
    # …and by exactly the business time waited before the due.
    waited = sum(CAL.between(a, min(b, paused)) for a, b in spans if a < paused)
    assert CAL.between(plain, paused) == waited


@PROPERTY
@given(ticket(spans=3), ticket(spans=1), st.integers(min_value=1, max_value=60))
def test_adding_a_waiting_span_never_makes_the_due_earlier(
    drawn: tuple[dt.datetime, list[tuple[dt.datetime, dt.datetime]]],
    extra: tuple[dt.datetime, list[tuple[dt.datetime, dt.datetime]]],
    hours: int,
) -> None:
    created, spans = drawn
    _, more = extra
    # Keep the extra span only if it lies after the start and clear of the other spans.
    added = [(a, b) for a, b in more if a >= created and all(b <= x or a >= y for x, y in spans)]
    p = hours_policy(hours)
    before = resolution_due(waiting_facts(created, spans), p)
    after = resolution_due(waiting_facts(created, sorted([*spans, *added])), p)
    assert after >= before


@PROPERTY
@given(
    ticket(), st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=60 * 60)
)
def test_a_ticket_resolved_by_its_due_is_never_breached(
    drawn: tuple[dt.datetime, list[tuple[dt.datetime, dt.datetime]]], hours: int, offset: int
) -> None:
    created, spans = drawn
    p = hours_policy(hours)
    due = resolution_due(waiting_facts(created, spans), p)
    # Resolve some time after the last wait ended, before, at or after the due.
    last = max([created, *(b for _, b in spans)])
    resolved = last + dt.timedelta(minutes=offset)
    got = run(waiting_facts(created, spans, resolved), FAR, p)[RESOLUTION]
    if resolved <= due:
        check(got, state=TargetState.MET, breached_at=None, business_overrun_seconds=0, due_at=due)
    else:
        check(got, state=TargetState.BREACHED, breached_at=due, due_at=due)
        assert got.business_overrun_seconds == CAL.between(due, resolved, spans)


def test_a_level_that_would_fall_before_the_clock_started_does_not_apply() -> None:
    # P2 response due Mon 10:30: "1 h before" would be 09:30, before the 10:00 start
    # (the GLPI #15429 "fires at creation" trap); "10 min before" is 10:20.
    levels = [
        Level(1, RESPONSE, -H, (LevelAction.NOTIFY_LEAD,)),
        Level(2, RESPONSE, -10 * 60, (LevelAction.NOTIFY_LEAD,)),
    ]
    got = run(facts(at(MON, "10:00")), at(MON, "10:05"), policy(levels=levels))[RESPONSE]
    assert [(lv.level.level_id, lv.at) for lv in got.levels] == [(2, at(MON, "10:20"))]
