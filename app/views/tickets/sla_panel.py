"""A ticket's SLA clocks at a glance: one card per clock and what they are measured against."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.services.sla import SlaService
from app.services.sla_types import SlaClock, TicketSlaView
from app.sla import BusinessCalendar
from app.sla.engine import TargetState
from app.sla.policy import TargetKind
from app.tasks import Lane, TaskRunner

from app.views import labels
from app.views.tickets import sla_format
from app.views.tickets.breach_reason_dialog import BreachReasonDialog
from app.views.tickets.field_labels import failure_text
from app.views.tickets.sla_format import Countdown, Tone

log = logging.getLogger(__name__)

#: How often the countdowns move on (architecture §3.1: SLA displays tick every 30 s).
TICK_MS: Final = 30_000
_CalendarKey = tuple[int, int]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ClockCard(QFrame):
    """One clock: name, state chip, time left, due instant in both zones, and the details."""

    #: "Record reason…" was pressed on a breached clock; carries its `TargetKind`.
    reason_requested = Signal(object)

    def __init__(
        self, kind: TargetKind, parent: QWidget | None = None, *, can_edit: bool = False
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._can_edit = can_edit
        self.setObjectName("slaCard")
        self.title = QLabel(labels.target_kind(kind))
        self.title.setObjectName("slaTitle")
        self.chip = QLabel()
        self.chip.setObjectName("slaChip")
        #: The countdown or outcome, in the state's colour.
        self.left = QLabel()
        self.left.setObjectName("slaLeft")
        self.due = QLabel()
        self.due.setObjectName("slaDue")
        self.due.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("slaDetails")
        self.details.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setObjectName("slaReason")
        self.reason.setWordWrap(True)
        self.reason_button = QPushButton(self.tr("Record reason…"))
        self.reason_button.setFlat(True)
        self.reason_button.setToolTip(self.tr("Why the target was missed, for the client report"))
        self.reason_button.clicked.connect(lambda: self.reason_requested.emit(self.kind))
        self.reason_button.hide()
        #: The reason recorded on the clock shown ("" when none).
        self.justification = ""
        for label in (self.left, self.due, self.details, self.reason):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.title)
        top.addWidget(self.chip)
        top.addStretch(1)
        top.addWidget(self.left)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 6)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.due)
        layout.addWidget(self.details)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.reason_button)
        layout.addLayout(reason_row)
        layout.addStretch(1)

    def show_clock(
        self, clock: SlaClock, calendar: BusinessCalendar | None, now: dt.datetime
    ) -> Countdown:
        """Show `clock` as it stands at `now`; returns the countdown shown."""
        met = clock.met_at is not None
        c = sla_format.countdown(
            clock.state,
            clock.due_at,
            now,
            calendar,
            met=met,
            remaining=clock.remaining_seconds,
            warn_at=clock.warn_at,
        )
        state = sla_format.live_state(clock.state, c, met=met)
        background, foreground = sla_format.TONE_CHIP[c.tone]
        self.chip.setText(labels.target_state(state))
        self.chip.setStyleSheet(
            f"background: {background}; color: {foreground}; border-radius: 8px;"
            "padding: 1px 8px; font-weight: 600;"
        )
        colour = sla_format.TONE_TEXT.get(c.tone)
        self.left.setStyleSheet(
            "font-weight: 600;" + (f" color: {colour};" if colour and c.tone != Tone.NONE else "")
        )
        self.left.setText(self._headline(clock, c, now))
        self.due.setText(self._due_line(clock, now))
        self.details.setText(self._details(clock, now))
        self.details.setVisible(bool(self.details.text()))
        breached = clock.breached_at is not None
        self.justification = clock.breach_justification
        self.reason.setText(
            self.tr("Reason: {0}").format(clock.breach_justification)
            if breached and clock.breach_justification
            else self.tr("No reason recorded")
            if breached
            else ""
        )
        self.reason.setVisible(breached)
        self.reason_button.setText(
            self.tr("Edit reason…") if clock.breach_justification else self.tr("Record reason…")
        )
        self.reason_button.setVisible(breached and self._can_edit)
        return c

    def _headline(self, clock: SlaClock, c: Countdown, now: dt.datetime) -> str:
        state = clock.state
        if state is TargetState.CANCELLED:
            return self.tr("Cancelled")
        if clock.met_at is not None:
            at = labels.local_instant(clock.met_at, now)
            if state is TargetState.MET:
                return self.tr("Met at {0}").format(at)
            return self.tr("Met late at {0}").format(at)
        if state is TargetState.PAUSED:
            if c.seconds_left is None:
                return self.tr("Paused")
            left = sla_format.duration_text(c.seconds_left)
            if c.seconds_left < 0:
                return self.tr("{0} overdue when it resumes").format(left)
            return self.tr("{0} left when it resumes").format(left)
        if clock.due_at is None:
            return self.tr("No due time")
        if c.seconds_left is None:
            return self.tr("Due {0}").format(labels.local_instant(clock.due_at, now))
        if c.overdue:
            if c.seconds_left == 0:
                return self.tr("Overdue")
            return self.tr("{0} overdue").format(sla_format.duration_text(c.seconds_left))
        return self.tr("{0} left").format(sla_format.duration_text(c.seconds_left))

    def _due_line(self, clock: SlaClock, now: dt.datetime) -> str:
        if clock.due_at is not None:
            return sla_format.due_text(clock.due_at, clock.timezone, now)
        if clock.state is TargetState.PAUSED:
            return self.tr("No due time while the ticket waits; it resumes with the ticket")
        return ""

    def _details(self, clock: SlaClock, now: dt.datetime) -> str:
        parts = [self.tr("Target {0}").format(sla_format.duration_text(clock.target_seconds))]
        if clock.warn_at is not None and clock.met_at is None:
            parts.append(self.tr("warning {0}").format(labels.local_instant(clock.warn_at, now)))
        if clock.breached_at is not None:
            breached = self.tr("breached {0}").format(labels.local_instant(clock.breached_at, now))
            if clock.met_at is not None and clock.business_overrun_seconds > 0:
                overrun = sla_format.duration_text(clock.business_overrun_seconds)
                breached += " " + self.tr("({0} business time over)").format(overrun)
            parts.append(breached)
        if clock.paused_business_seconds > 0:
            paused = sla_format.duration_text(clock.paused_business_seconds)
            parts.append(self.tr("paused {0} in total").format(paused))
        if clock.reopen_count > 0:
            parts.append(self.tr("reopened {0}×").format(clock.reopen_count))
        return " · ".join(parts)


class TicketSlaPanel(QFrame):
    """Loads and shows one ticket's clocks; counts down every `TICK_MS`. GUI thread only.

    `reload()` reads the clocks on the read lane (the dialog calls it after each save and when
    the ticket changed elsewhere). Countdowns need the business calendar each clock was computed
    with: it is fetched on the read lane once per (calendar id, version) and kept; until it lands
    a clock shows its due instant instead of a countdown.
    """

    #: The clocks were read and shown (after each `reload()`).
    clocks_loaded = Signal()
    #: A write from the panel ("Re-evaluate", a breach reason) changed the ticket; carries
    #: the `Changes` to announce.
    reevaluated = Signal(object)

    def __init__(
        self,
        sla: SlaService,
        runner: TaskRunner,
        ticket_id: int,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] | None = None,
        tick_ms: int = TICK_MS,
        actor_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._sla = sla
        #: Who may press "Re-evaluate" (None: read-only, no button).
        self._actor_id = actor_id
        self._runner = runner
        self._ticket_id = ticket_id
        self._now = now or _utc_now
        self._view: TicketSlaView | None = None
        self._calendars: dict[_CalendarKey, BusinessCalendar | None] = {}
        self._asked: set[_CalendarKey] = set()
        #: Bumped by each reload: clocks read for an older one are dropped.
        self._generation = 0
        self._build()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(tick_ms)

    def _build(self) -> None:
        self.setObjectName("slaPanel")
        self.setStyleSheet(
            "#slaCard { border: 1px solid palette(mid); border-radius: 6px; }"
            "#slaTitle { font-weight: 600; }"
            "#slaDue, #slaDetails, #slaMeasured, #slaMessage, #slaReason"
            " { color: palette(placeholder-text); }"
        )
        self.cards = {
            kind: ClockCard(kind, can_edit=self._actor_id is not None) for kind in TargetKind
        }
        for card in self.cards.values():
            card.reason_requested.connect(self._ask_reason)
        self.message = QLabel(self.tr("Loading SLA…"))
        self.message.setObjectName("slaMessage")
        self.measured = QLabel()
        self.measured.setObjectName("slaMeasured")
        self.measured.setWordWrap(True)
        self.measured.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for column, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, column)
            grid.setColumnStretch(column, 1)
            card.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(3)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        self.reevaluate_button = QPushButton(self.tr("Re-evaluate SLA"))
        self.reevaluate_button.setFlat(True)
        self.reevaluate_button.setToolTip(
            self.tr(
                "Choose the policy again from the client's contract and defaults, e.g. after a "
                "contract change, and recompute the clocks from the ticket's history"
            )
        )
        self.reevaluate_button.clicked.connect(self.reevaluate)
        self.reevaluate_button.setVisible(self._actor_id is not None)
        footer = QHBoxLayout()
        footer.addWidget(self.measured, 1)
        footer.addWidget(self.reevaluate_button)
        layout.addLayout(footer)
        self.measured.hide()

    # -- public --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the ticket's clocks again (read lane)."""
        self._generation += 1
        self._runner.run(
            partial(self._sla.ticket_clocks, self._ticket_id),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_clocks_loaded, self._generation),
            on_failure=partial(self._on_load_failed, self._generation),
        )

    def reevaluate(self) -> None:
        """Choose the policy again and recompute (write lane), then show the new clocks."""
        actor = self._actor_id
        if actor is None:
            return
        ticket = self._ticket_id
        self.reevaluate_button.setEnabled(False)
        self._runner.run(
            lambda: self._sla.reevaluate([ticket], actor),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_reevaluated,
            on_failure=self._on_reevaluate_failed,
        )

    def _ask_reason(self, kind: TargetKind) -> None:
        card = self.cards[kind]
        dialog = BreachReasonDialog(labels.target_kind(kind).lower(), card.justification, self)
        if dialog.exec() == BreachReasonDialog.DialogCode.Accepted:
            self.save_breach_reason(kind, dialog.reason())

    def save_breach_reason(self, kind: TargetKind, reason: str) -> None:
        """Record why `kind` was missed (write lane), then show the clocks again."""
        actor = self._actor_id
        if actor is None:
            return
        ticket = self._ticket_id
        self._runner.run(
            lambda: self._sla.record_breach_reason(ticket, kind, reason, actor),
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_reason_saved,
            on_failure=self._on_reason_failed,
        )

    def _on_reason_saved(self, changes: Changes) -> None:
        self.reload()
        self.reevaluated.emit(changes)

    def _on_reason_failed(self, error: BaseException) -> None:
        log.warning("recording a breach reason on ticket %s failed", self._ticket_id,
                    exc_info=error)  # fmt: skip
        self.message.setText(self.tr("Reason not saved: {0}").format(failure_text(error)))
        self.message.show()

    def _on_reevaluated(self, _count: int) -> None:
        self.reevaluate_button.setEnabled(True)
        self.reload()
        self.reevaluated.emit(Changes("ticket", frozenset({self._ticket_id})))

    def _on_reevaluate_failed(self, error: BaseException) -> None:
        self.reevaluate_button.setEnabled(True)
        log.warning("re-evaluating ticket %s failed", self._ticket_id, exc_info=error)
        self.message.setText(self.tr("SLA not re-evaluated: {0}").format(failure_text(error)))
        self.message.show()

    def clocks(self) -> TicketSlaView | None:
        """The clocks as last read."""
        return self._view

    def tick(self) -> None:
        """Count the shown clocks down to now (no database read)."""
        view = self._view
        if view is None:
            return
        now = self._now()
        shown = {c.kind: c for c in view.clocks}
        for kind, card in self.cards.items():
            clock = shown.get(kind)
            if clock is not None:
                key = (clock.calendar_id, clock.calendar_version)
                card.show_clock(clock, self._calendars.get(key), now)
            card.setVisible(clock is not None)

    def tick_interval(self) -> int:
        return self._timer.interval()

    # -- results -------------------------------------------------------------------------------

    def _on_clocks_loaded(self, generation: int, view: TicketSlaView) -> None:
        if generation != self._generation:
            return
        self._view = view
        if not view.clocks:
            self.message.setText(self.tr("No SLA applies to this ticket"))
            self.message.show()
            self.measured.hide()
        else:
            self.message.hide()
            self.measured.setText(self._measured_text(view))
            self.measured.show()
        self.tick()
        for clock in view.clocks:
            key = (clock.calendar_id, clock.calendar_version)
            if key not in self._asked:
                self._asked.add(key)
                self._runner.run(
                    partial(self._sla.calendar, *key),
                    lane=Lane.READ,
                    owner=self,
                    on_success=partial(self._on_calendar_loaded, key),
                    on_failure=partial(self._on_calendar_failed, key),
                )
        self.clocks_loaded.emit()

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        log.warning("reading the SLA clocks of ticket %s failed", self._ticket_id, exc_info=error)
        self.message.setText(self.tr("SLA not available: {0}").format(failure_text(error)))
        self.message.show()

    def _on_calendar_loaded(self, key: _CalendarKey, calendar: BusinessCalendar | None) -> None:
        self._calendars[key] = calendar
        if calendar is None:
            # Edited since the clocks were computed: the recomputed clocks come with a reload.
            self._asked.discard(key)
        self.tick()

    def _on_calendar_failed(self, key: _CalendarKey, error: BaseException) -> None:
        log.warning("reading SLA calendar %s failed", key, exc_info=error)
        self._asked.discard(key)

    def _measured_text(self, view: TicketSlaView) -> str:
        seen: list[str] = []
        for c in view.clocks:
            text = self.tr("{0} on {1} ({2})").format(c.policy_name, c.calendar_name, c.timezone)
            if text not in seen:
                seen.append(text)
        return self.tr("Measured against: {0}").format("; ".join(seen))
