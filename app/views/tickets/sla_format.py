"""Wording of SLA clocks: countdown texts, tones and tooltips. Pure functions of their arguments.

No widgets and no database: the queue model and the ticket's SLA panel call these for every
repaint, with the business calendar the clock was computed with (sla.md §12 "time left") and the
instant the view calls now. Durations are business time, rounded *up* to the minute, so a clock
shows "1 m" until it runs out and "−1 m" as soon as it is overdue, never "0 m" in between.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.services.ticket_queue import RowSla
from app.sla import BusinessCalendar
from app.sla.engine import TargetState, time_left
from app.sla.policy import TargetKind

from app.views import labels

#: A real minus sign: a hyphen reads as a dash in a narrow column.
MINUS: Final = "\u2212"
#: Shown for "no clock" (no SLA, cancelled, no due instant).
NO_CLOCK: Final = "\u2014"
#: From this many business hours on, a duration is shown in whole hours. Never in days: a "day"
#: of business time is ambiguous (8 h? 24 h?), which sla.md D4 rules out; a 10-business-day
#: target reads "80 h".
WHOLE_HOURS_FROM: Final = 100


class Tone(enum.StrEnum):
    """How urgently a clock asks for attention; each tone has its colours below."""

    #: No clock: no SLA applies, or it was cancelled.
    NONE = "none"
    #: Running, in time.
    NORMAL = "normal"
    #: Running, past its warning instant.
    WARNING = "warning"
    #: Past due now, or met after the due instant.
    OVERDUE = "overdue"
    PAUSED = "paused"
    MET = "met"


#: Text colours: mid-tones that stay readable on light and dark palettes. NORMAL has none (the
#: palette's own text colour).
TONE_TEXT: Final[dict[Tone, str]] = {
    Tone.NONE: "#8b8d98",
    Tone.WARNING: "#c77700",
    Tone.OVERDUE: "#e5484d",
    Tone.PAUSED: "#8b8d98",
    Tone.MET: "#30a46c",
}
#: Translucent cell tints (red, green, blue, alpha) for cells that need attention: over a white
#: or a dark base they stay light or dark enough for the palette's own text colour.
TONE_TINT: Final[dict[Tone, tuple[int, int, int, int]]] = {
    Tone.WARNING: (240, 160, 30, 70),
    Tone.OVERDUE: (229, 72, 77, 70),
}
#: State chip colours (background, text): fixed pairs, like the ticket header's chips.
TONE_CHIP: Final[dict[Tone, tuple[str, str]]] = {
    Tone.NONE: ("#eceef1", "#4a5058"),
    Tone.NORMAL: ("#e3edfb", "#1d4f91"),
    Tone.WARNING: ("#fff4d6", "#7a5a00"),
    Tone.OVERDUE: ("#fde2e1", "#a4161a"),
    Tone.PAUSED: ("#eceef1", "#4a5058"),
    Tone.MET: ("#e2f4e6", "#1e6b34"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("sla", text)


# -- durations ----------------------------------------------------------------------------------


def duration_text(seconds: int) -> str:
    """A business duration, rounded up to the minute: "0 m", "45 m", "2 h 15 m", "123 h".

    The sign is ignored (see `signed_duration_text`). From `WHOLE_HOURS_FROM` hours on, whole
    hours are shown, rounded up.
    """
    seconds = abs(seconds)
    minutes = -(-seconds // 60)
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return _t("{0} m").format(rest)
    if hours < WHOLE_HOURS_FROM:
        return _t("{0} h {1} m").format(hours, rest) if rest else _t("{0} h").format(hours)
    return _t("{0} h").format(-(-minutes // 60))


def signed_duration_text(seconds: int) -> str:
    """`duration_text` with a minus sign when `seconds` is negative (overdue): "−35 m"."""
    text = duration_text(seconds)
    return MINUS + text if seconds < 0 else text


def widest_texts() -> list[str]:
    """The widest texts an SLA cell shows for days on end, for sizing its column."""
    longest = -(WHOLE_HOURS_FROM * 3600 - 60)  # "−99 h 59 m"
    return [
        signed_duration_text(longest),
        _t("Paused ({0})").format(duration_text(longest)),
        _t("Breached"),
    ]


# -- clocks -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Countdown:
    """One clock at one instant, as a cell shows it."""

    tone: Tone
    #: Short text for a table cell: "1 h 20 m", "−35 m", "Paused (3 h 10 m)", "Met", "—".
    text: str
    #: Business seconds left now, negative once overdue; None when the clock is not ticking
    #: (or no calendar is at hand to count with). Paused clocks give their frozen remainder.
    seconds_left: int | None = None
    #: True when `now` is at or past the due instant of a clock still running.
    overdue: bool = False


def countdown(
    state: TargetState | None,
    due_at: dt.datetime | None,
    now: dt.datetime,
    calendar: BusinessCalendar | None,
    *,
    met: bool = False,
    remaining: int | None = None,
    warn_at: dt.datetime | None = None,
) -> Countdown:
    """The clock `state`/`due_at` at `now`, counted in `calendar`'s business time.

    `met` says the clock stopped (a BREACHED clock may be met late or still running overdue);
    `remaining` is a paused clock's frozen business seconds; `warn_at`, when known, turns a
    running clock amber as soon as the warning instant passes, before the stored state says so.
    Without a calendar the due instant is shown instead of a countdown.
    """
    if state is None or state is TargetState.CANCELLED:
        return Countdown(Tone.NONE, NO_CLOCK)
    if state is TargetState.PAUSED:
        if remaining is None:
            return Countdown(Tone.PAUSED, _t("Paused"))
        text = _t("Paused ({0})").format(signed_duration_text(remaining))
        return Countdown(Tone.PAUSED, text, remaining)
    if state is TargetState.MET:
        return Countdown(Tone.MET, _t("Met"))
    if met:
        return Countdown(Tone.OVERDUE, _t("Breached"))
    if due_at is None:
        return Countdown(Tone.NORMAL, NO_CLOCK)
    overdue = now >= due_at
    if overdue or state is TargetState.BREACHED:
        tone = Tone.OVERDUE
    elif state is TargetState.WARNING or (warn_at is not None and now >= warn_at):
        tone = Tone.WARNING
    else:
        tone = Tone.NORMAL
    if calendar is None:
        return Countdown(tone, labels.local_instant(due_at, now), None, overdue)
    left = time_left(calendar, due_at, now)
    if now > due_at and left == 0:
        # Past due outside business hours: late by the rule, with no business time overrun yet.
        return Countdown(tone, _t("Overdue"), 0, True)
    return Countdown(tone, signed_duration_text(left), left, overdue)


def live_state(state: TargetState, c: Countdown, *, met: bool = False) -> TargetState:
    """The state a running clock is in at the countdown's instant: the stored state changes only
    when the ticket is saved or swept, but a clock turns to warning and breached on its own."""
    if met or state not in (TargetState.RUNNING, TargetState.WARNING):
        return state
    if c.overdue:
        return TargetState.BREACHED
    return TargetState.WARNING if c.tone is Tone.WARNING else state


def row_countdown(
    sla: RowSla | None, kind: TargetKind, due_order: dt.datetime, now: dt.datetime
) -> Countdown:
    """A queue row's response or resolution clock; `due_order` is the row's urgency instant,
    which holds the due instant only while the clock can still run out."""
    if sla is None:
        return Countdown(Tone.NONE, NO_CLOCK)
    if kind is TargetKind.RESPONSE:
        state, due_at, remaining = sla.response_state, sla.response_due, None
    else:
        state, due_at, remaining = sla.resolve_state, sla.resolve_due, sla.resolve_remaining
    return countdown(
        state, due_at, now, sla.calendar, met=_stopped(due_at, due_order), remaining=remaining
    )


def _stopped(due_at: dt.datetime | None, due_order: dt.datetime) -> bool:
    # The urgency order drops a clock's due instant once it is met (or paused, or cancelled).
    return due_at is not None and due_order != due_at


def left_text(c: Countdown) -> str:
    """The countdown as a phrase: "1 h 20 m business time left", "35 m business time overdue"."""
    if c.seconds_left is None:
        return ""
    if c.overdue or c.seconds_left < 0:
        return _t("{0} business time overdue").format(duration_text(c.seconds_left))
    return _t("{0} business time left").format(duration_text(c.seconds_left))


def due_text(due_at: dt.datetime, zone: str, now: dt.datetime) -> str:
    """ "Due 16:30 (your time) = 10:30 client time, America/New_York" (sla.md §13)."""
    return _t("Due {0} (your time) = {1} client time, {2}").format(
        labels.local_instant(due_at, now), labels.zoned_instant(due_at, zone, now), zone
    )


def row_tooltip(
    sla: RowSla | None, kind: TargetKind, due_order: dt.datetime, now: dt.datetime
) -> str:
    """A queue cell's tooltip: the due instant in both zones, the state and the time left."""
    if sla is None:
        return _t("No SLA applies to this ticket")
    state = sla.response_state if kind is TargetKind.RESPONSE else sla.resolve_state
    due_at = sla.response_due if kind is TargetKind.RESPONSE else sla.resolve_due
    if state is None:
        return _t("The SLA sets no target for this clock")
    c = row_countdown(sla, kind, due_order, now)
    met_late = state is TargetState.BREACHED and _stopped(due_at, due_order)
    parts = []
    if due_at is not None and state is not TargetState.CANCELLED:
        parts.append(due_text(due_at, sla.timezone, now))
    live = live_state(state, c, met=met_late)
    parts.append(_t("Met late") if met_late else labels.target_state(live))
    if state is TargetState.PAUSED and c.seconds_left is not None:
        left = duration_text(c.seconds_left)
        if c.seconds_left < 0:
            parts.append(_t("{0} business time overdue when it paused").format(left))
        else:
            parts.append(_t("{0} business time left when it resumes").format(left))
    elif not met_late and state is not TargetState.MET:
        parts.append(left_text(c))
    return " · ".join(p for p in parts if p)
