"""The figures of a report, as plain values: what `app.services.report_figures` computes in
SQL and what the PDF, CSV and in-app views show. Nothing here touches a database or Qt.

How each figure is measured (the PDF prints these definitions on its last page):

- **Opened**: tickets created in the period (merged duplicates left out: they count once, on
  the ticket they were merged into). **Closed**: tickets closed or cancelled in the period.
- **SLA met %** is measured on the tickets *opened in the period*: of their response
  (resolution) clocks that have an outcome, the share met on time. Clocks still running at the
  time of the report, and cancelled ones, have no outcome and are not counted.
- **Median / 90th percentile time to respond / resolve**: business time (the client's SLA
  calendar; waiting on the customer or a third party left out where the SLA policy pauses the
  clock for it) from the ticket's creation to the response (resolution), over the same
  tickets' clocks that were met, late or not. Percentiles interpolate linearly between the two
  nearest values.
- **CSAT**: surveys recorded in the period; the average is over answered surveys, the response
  rate is answered / (answered + sent + declined).
- **Escalated to L2 / L3**: tickets opened in the period that were raised to that tier.
  **Third-party tickets**: tickets opened in the period with a vendor case.
- **Time**: minutes logged in the period (by the entry's start). **Remote sessions**: sessions
  to the client started in the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.reports.period import ReportPeriod


@dataclass(frozen=True, slots=True)
class SlaFigures:
    """One target kind's outcome over the period's tickets."""

    met: int
    breached: int
    #: Clocks still running or paused (no outcome yet).
    pending: int
    #: Business seconds, over met clocks (late ones included); None when none was met.
    median_seconds: float | None
    p90_seconds: float | None

    @property
    def decided(self) -> int:
        return self.met + self.breached

    @property
    def met_percent(self) -> float | None:
        """Met on time / decided × 100; None without a decided clock (not "0 %")."""
        return 100.0 * self.met / self.decided if self.decided else None


@dataclass(frozen=True, slots=True)
class CsatFigures:
    answered: int
    sent: int
    declined: int
    #: Mean score 1–5 of answered surveys; None without one.
    average: float | None

    @property
    def responses(self) -> int:
        return self.answered + self.sent + self.declined

    @property
    def response_rate(self) -> float | None:
        """answered / responses (0..1); None without a survey."""
        return self.answered / self.responses if self.responses else None


@dataclass(frozen=True, slots=True)
class Kpis:
    opened: int
    closed: int
    response: SlaFigures
    resolution: SlaFigures
    csat: CsatFigures
    escalated_l2: int
    escalated_l3: int
    third_party: int
    remote_sessions: int
    time_minutes: int
    billable_minutes: int


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """One month of the 12-month trend (local month in the report's zone)."""

    month: dt.date  # the first day
    opened: int
    closed: int
    response_met_percent: float | None
    resolution_met_percent: float | None


@dataclass(frozen=True, slots=True)
class Count:
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Breach:
    """A missed target of a ticket opened in the period."""

    ticket_id: int
    subject: str
    priority: str  # "P1".."P4"
    kind: str  # "response" or "resolution"
    due_at: dt.datetime  # aware UTC
    #: When the target was met late; None while still unmet.
    met_at: dt.datetime | None
    business_overrun_seconds: int
    #: The justification recorded on the clock; "" when none was.
    reason: str
    #: What the ticket's history says happened (shown next to, or instead of, a reason):
    #: vendor cases ("HP (case HP-1)"), the highest tier it was escalated to ("" = none),
    #: reopenings, and business time spent waiting on the customer or a third party.
    vendors: tuple[str, ...] = ()
    escalated_to: str = ""
    reopened: int = 0
    waited_seconds: int = 0
    #: The ticket is resolved, closed or cancelled: an unmet target will stay unmet.
    ticket_closed: bool = False


@dataclass(frozen=True, slots=True)
class RecurringIssue:
    """Something that keeps coming back: the same category, device or contact in many tickets."""

    kind: str  # "category", "asset" or "contact"
    label: str
    count: int  # tickets opened in the period
    previous: int  # tickets opened in the 3 months before the period (the trend)
    ticket_ids: tuple[int, ...]  # up to 5, newest first


@dataclass(frozen=True, slots=True)
class CategoryTime:
    category: str  # "" = uncategorised
    minutes: int
    billable_minutes: int


@dataclass(frozen=True, slots=True)
class PrepaidLine:
    """A contract's block of hours at the end of the period."""

    contract: str
    prepaid_minutes: int
    #: Billable minutes logged on the contract's tickets up to the period's end.
    used_minutes: int
    used_in_period_minutes: int

    @property
    def left_minutes(self) -> int:
        return self.prepaid_minutes - self.used_minutes


@dataclass(frozen=True, slots=True)
class ClientReport:
    client_id: int
    client_name: str
    client_code: str
    period: ReportPeriod
    #: IANA zone the period's days and printed times are in (stated in the footer).
    timezone: str
    generated_at: dt.datetime  # aware UTC
    kpis: Kpis
    #: 12 months ending with the period's last month, oldest first.
    months: tuple[MonthFigures, ...]
    by_category: tuple[Count, ...]  # largest first; "" = uncategorised
    by_priority: tuple[Count, ...]  # P1..P4, zero counts included
    by_tier: tuple[Count, ...]  # L0..L3 (current tier), zero counts included
    #: Worst first (business overrun), at most `BREACH_LIMIT`; `breach_total` counts them all.
    breaches: tuple[Breach, ...]
    breach_total: int
    recurring: tuple[RecurringIssue, ...]
    time_by_category: tuple[CategoryTime, ...]  # most time first
    prepaid: tuple[PrepaidLine, ...]
    remote_by_method: tuple[Count, ...]  # most first

    @property
    def is_empty(self) -> bool:
        """Nothing happened for this client in the period."""
        k = self.kpis
        return not (k.opened or k.closed or k.time_minutes or k.remote_sessions or k.csat.responses)


@dataclass(frozen=True, slots=True)
class ClientSummaryRow:
    """One client's line in the all-clients summary."""

    client_id: int
    client_name: str
    opened: int
    closed: int
    response_met: int
    response_breached: int
    resolution_met: int
    resolution_breached: int
    csat_average: float | None
    csat_answered: int
    time_minutes: int

    @property
    def response_met_percent(self) -> float | None:
        n = self.response_met + self.response_breached
        return 100.0 * self.response_met / n if n else None

    @property
    def resolution_met_percent(self) -> float | None:
        n = self.resolution_met + self.resolution_breached
        return 100.0 * self.resolution_met / n if n else None


@dataclass(frozen=True, slots=True)
class AllClientsReport:
    period: ReportPeriod
    timezone: str
    generated_at: dt.datetime
    #: The whole desk's figures (every client together).
    kpis: Kpis
    months: tuple[MonthFigures, ...]
    by_priority: tuple[Count, ...]
    by_tier: tuple[Count, ...]
    #: Clients with anything in the period, most tickets opened first.
    rows: tuple[ClientSummaryRow, ...]


#: Breaches listed in full in a report; the rest are counted (the CSV has the same cut).
BREACH_LIMIT = 300


@dataclass(frozen=True, slots=True)
class Branding:
    """The MSP on the cover: its name and (optionally) its logo, already checked to be an
    image (`app.reports.branding.read_logo`)."""

    msp_name: str
    logo: bytes | None = None
