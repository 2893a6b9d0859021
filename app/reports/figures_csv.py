"""A report's raw figures as CSV (`helpdesk report --format csv`), for spreadsheets.

The file is a series of blocks, each a title line, a header line and its rows, with an empty
line between blocks: the same figures as the PDF, unformatted (counts, minutes, business
seconds, percents to one decimal, instants as ISO 8601 in the report's zone), empty where the
PDF prints "—". UTF-8 with a BOM (so Excel reads accents right), CRLF line ends, and text cells
that a spreadsheet would run as a formula are prefixed with "'" ("CSV injection").
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from app.reports.csv_safety import csv_safe
from app.reports.figures import (
    AllClientsReport,
    ClientReport,
    Count,
    Kpis,
    MonthFigures,
)
from app.reports.output import atomic_output
from app.reports.report_format import breach_history_text, honest_percent

Cell = str | int | float | None
Block = tuple[str, Sequence[str], Iterable[Sequence[Cell]]]


def _cell(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_safe(value)
    if isinstance(value, float):
        # The floats here are percents and CSAT averages (1–5, untouched by the rule).
        return round(honest_percent(value), 1)
    return value


def _instant(value: dt.datetime | None, zone: str) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(ZoneInfo(zone)).isoformat(timespec="minutes")


def _seconds(value: float | None) -> int | None:
    return None if value is None else round(value)


def _kpi_rows(kpis: Kpis) -> list[tuple[str, Cell]]:
    resp, res, csat = kpis.response, kpis.resolution, kpis.csat
    return [
        ("Tickets opened", kpis.opened),
        ("Tickets closed", kpis.closed),
        ("Response met", resp.met),
        ("Response breached", resp.breached),
        ("Response pending", resp.pending),
        ("Response met %", resp.met_percent),
        ("Median time to respond (business s)", _seconds(resp.median_seconds)),
        ("90th percentile to respond (business s)", _seconds(resp.p90_seconds)),
        ("Resolution met", res.met),
        ("Resolution breached", res.breached),
        ("Resolution pending", res.pending),
        ("Resolution met %", res.met_percent),
        ("Median time to resolve (business s)", _seconds(res.median_seconds)),
        ("90th percentile to resolve (business s)", _seconds(res.p90_seconds)),
        ("CSAT average", csat.average),
        ("CSAT answered", csat.answered),
        ("CSAT sent", csat.sent),
        ("CSAT declined", csat.declined),
        ("CSAT response rate %", None if csat.response_rate is None else 100 * csat.response_rate),
        ("Escalated to L2", kpis.escalated_l2),
        ("Escalated to L3", kpis.escalated_l3),
        ("Third-party tickets", kpis.third_party),
        ("Remote sessions", kpis.remote_sessions),
        ("Time logged (min)", kpis.time_minutes),
        ("Billable time (min)", kpis.billable_minutes),
    ]


def _months(months: Sequence[MonthFigures]) -> Block:
    header = ("Month", "Opened", "Closed", "Response met %", "Resolution met %")
    rows = [(f"{m.month:%Y-%m}", m.opened, m.closed, m.response_met_percent,
             m.resolution_met_percent) for m in months]  # fmt: skip
    return ("Last 12 months", header, rows)


def _counts(title: str, what: str, counts: Sequence[Count]) -> Block:
    return (title, (what, "Tickets"), [(c.label, c.count) for c in counts])


def _write(out: Path, blocks: Sequence[Block]) -> None:
    with atomic_output(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        for i, (title, header, rows) in enumerate(blocks):
            if i:
                writer.writerow([])
            writer.writerow([title])
            writer.writerow(header)
            writer.writerows([_cell(v) for v in row] for row in rows)


def client_blocks(report: ClientReport) -> list[Block]:
    """The client CSV's blocks, in file order."""
    zone = report.timezone
    about: list[tuple[str, Cell]] = [
        ("Client", report.client_name),
        ("Client code", report.client_code),
        ("Client ID", report.client_id),
        ("Period", report.period.token),
        ("From", report.period.start.isoformat()),
        ("To", report.period.end.isoformat()),
        ("Time zone", zone),
        ("Generated", _instant(report.generated_at, zone)),
        ("Breaches in total", report.breach_total),
    ]
    breaches = [(b.ticket_id, b.subject, b.priority, b.kind, _instant(b.due_at, zone),
                 _instant(b.met_at, zone), b.business_overrun_seconds, b.reason,
                 breach_history_text(b.vendors, b.escalated_to, b.reopened, b.waited_seconds))
                for b in report.breaches]  # fmt: skip
    recurring = [(r.kind, r.label, r.count, r.previous, " ".join(f"#{t}" for t in r.ticket_ids))
                 for r in report.recurring]  # fmt: skip
    return [
        ("Service report figures", ("Field", "Value"), about),
        ("Summary", ("Figure", "Value"), _kpi_rows(report.kpis)),
        _months(report.months),
        _counts("By category", "Category", report.by_category),
        _counts("By priority", "Priority", report.by_priority),
        _counts("By tier", "Tier", report.by_tier),
        ("SLA breaches", ("Ticket", "Subject", "Priority", "Target", "Due", "Met at",
                          "Business overrun (s)", "Reason", "History"), breaches),
        ("Recurring issues", ("Kind", "Name", "Tickets", "Tickets in the 3 months before",
                              "Example tickets"), recurring),
        ("Time by category", ("Category", "Minutes", "Billable minutes"),
         [(t.category, t.minutes, t.billable_minutes) for t in report.time_by_category]),
        ("Prepaid hours", ("Contract", "Prepaid (min)", "Used (min)", "Used in period (min)",
                           "Left (min)"),
         [(p.contract, p.prepaid_minutes, p.used_minutes, p.used_in_period_minutes,
           p.left_minutes) for p in report.prepaid]),
        _counts("Remote sessions by method", "Method", report.remote_by_method),
    ]  # fmt: skip


def all_clients_blocks(report: AllClientsReport) -> list[Block]:
    """The all-clients CSV's blocks, in file order (the client table last)."""
    about: list[tuple[str, Cell]] = [
        ("Client", "All clients"),
        ("Period", report.period.token),
        ("From", report.period.start.isoformat()),
        ("To", report.period.end.isoformat()),
        ("Time zone", report.timezone),
        ("Generated", _instant(report.generated_at, report.timezone)),
    ]
    clients = [(r.client_id, r.client_name, r.opened, r.closed, r.response_met,
                r.response_breached, r.response_met_percent, r.resolution_met,
                r.resolution_breached, r.resolution_met_percent, r.csat_average,
                r.csat_answered, r.time_minutes) for r in report.rows]  # fmt: skip
    return [
        ("Service report figures", ("Field", "Value"), about),
        ("Summary", ("Figure", "Value"), _kpi_rows(report.kpis)),
        _months(report.months),
        _counts("By priority", "Priority", report.by_priority),
        _counts("By tier", "Tier", report.by_tier),
        ("Clients", ("Client ID", "Client", "Opened", "Closed", "Response met",
                     "Response breached", "Response met %", "Resolution met",
                     "Resolution breached", "Resolution met %", "CSAT average",
                     "CSAT answered", "Time (min)"), clients),
    ]  # fmt: skip


def write_client_figures_csv(report: ClientReport, out: Path) -> None:
    """Write the client report's figures to `out` (atomically); `ReportOutputError` when the
    path cannot be written."""
    _write(out, client_blocks(report))


def write_all_clients_csv(report: AllClientsReport, out: Path) -> None:
    """Write the all-clients figures to `out` (atomically)."""
    _write(out, all_clients_blocks(report))
