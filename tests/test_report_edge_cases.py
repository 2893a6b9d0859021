"""Reports at their edges: cancelled clocks, tiers moved down, near-perfect percentages, oversized
logos, the last years, old contracts, odd client names, closed tickets, old clocks to measure,
remote method names. Each test was first written to show a defect found in review."""

from __future__ import annotations

import datetime as dt
import io
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select, update

from app.db import Database
from app.models import Contract, EventKind, SlaPolicy, Ticket, TicketSla
from app.models.enums import Tier
from app.reports.branding import LogoError, check_logo
from app.reports.client_report_pdf import write_client_report
from app.reports.figures import Branding, SlaFigures
from app.reports.report_format import percent_text
from app.services import sla_sweep
from app.services.report_figures import ReportFiguresService, UnknownClientError
from app.services.sla_types import PolicySpec
from tests.fakes import FakeClock
from tests.services.test_report_figures import (
    OCTOBER,
    Acme,
    _policy_ids,
    acme,
    clock_row,
    event,
    reports,
    session,
    ticket,
    z,
)
from tests.services.test_sla_sweep import TARGETS, build_world
from tests.services.test_sla_sweep import clock_row as sla_row
from tests.test_cli_report import _run, _seed

# Fixtures shared with the figures tests (pytest finds them by name in this module).
__all__ = ["acme", "reports"]


def test_percentiles_leave_out_cancelled_clocks(
    reports: ReportFiguresService, acme: Acme, db: Database
) -> None:
    """Times to respond / resolve are over the clocks that were *met* (late or not): a
    cancelled clock keeps a business time (an out-of-scope ticket that was resolved) but has no
    outcome. Acme's resolution times are 3600 7200 40000 (median 7200, p90 33440); a cancelled
    clock of a ninth October ticket changes neither."""
    t9 = ticket(db, acme.client, "2026-10-15 08:00", category="Email")
    clock_row(db, t9, "resolution", "cancelled", elapsed=999_999, met_at=z("2026-10-20 08:00"))
    k = reports.client_report(acme.client, OCTOBER).kpis
    assert (k.resolution.met, k.resolution.breached, k.resolution.pending) == (2, 1, 2)
    assert k.resolution.median_seconds == pytest.approx(7200)
    assert k.resolution.p90_seconds == pytest.approx(33440)


def test_moving_a_ticket_down_a_tier_is_no_escalation(
    reports: ReportFiguresService, acme: Acme, db: Database
) -> None:
    """An L3 ticket handed *down* to L2 is no escalation to L2: Acme keeps its two real ones."""
    down = ticket(db, acme.client, "2026-10-15 08:00", category="Email", tier=Tier.L2)
    event(db, down, EventKind.TIER_CHANGED, "L3", "L2", "2026-10-15 09:00")
    k = reports.client_report(acme.client, OCTOBER).kpis
    assert k.escalated_l2 == 2


def test_a_missed_target_never_prints_as_100_percent() -> None:
    """1,999 met and 1 breached is 99.95 %: it prints "99.9 %", never "100 %" next to a breach
    list (and 0.04 % prints "0.1 %", not "0 %"), in the PDF, the CSV and the Reports page."""
    nearly = SlaFigures(met=1999, breached=1, pending=0, median_seconds=None, p90_seconds=None)
    assert percent_text(nearly.met_percent) != "100 %"
    barely = SlaFigures(met=1, breached=2499, pending=0, median_seconds=None, p90_seconds=None)
    assert percent_text(barely.met_percent) != "0 %"


def _png_claiming(width: int, height: int) -> bytes:
    """A small valid PNG whose header claims `width` × `height` pixels (a "decompression
    bomb" to Pillow: `Image.open` refuses it with `DecompressionBombError`)."""
    buffer = io.BytesIO()
    Image.new("1", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def test_a_huge_logo_is_refused_with_a_logo_error() -> None:
    """A logo Pillow refuses as a "decompression bomb" is a `LogoError`, not a raw exception."""
    with pytest.raises(LogoError):
        check_logo(_png_claiming(20_000, 20_000))


@pytest.mark.usefixtures("restore_logging")
def test_cli_huge_logo_is_one_line_and_no_file(tmp_path: Path) -> None:
    """The same logo on the command line: one line, no file."""
    data, db = tmp_path / "data", str(tmp_path / "desk.sqlite")
    _seed(db, data)
    logo = tmp_path / "bomb.png"
    logo.write_bytes(_png_claiming(20_000, 20_000))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    try:
        rc, out, err = _run("report", "--client", "Acme Dental", "--period", "2026-10",
                            "--out", str(out_dir / "r.pdf"), "--logo", str(logo),
                            "--db", db, "--data-dir", str(data))  # fmt: skip
    except Exception as exc:  # the defect: the command crashes
        pytest.fail(f"helpdesk report crashed: {type(exc).__name__}: {exc}")
    assert rc == 2 and out == ""
    assert err.startswith("helpdesk: The logo bomb.png") and err.count("\n") == 1
    assert list(out_dir.iterdir()) == []


@pytest.mark.usefixtures("restore_logging")
@pytest.mark.parametrize("period", ["9999-12", "9999-Q4", "9999-12-01..9999-12-31"])
def test_cli_last_representable_period_is_one_line(tmp_path: Path, period: str) -> None:
    """December 9999 would overflow the period's bounds (end + 1 day) and the trend: refused in
    one line by `parse_period`."""
    data, db = tmp_path / "data", str(tmp_path / "desk.sqlite")
    _seed(db, data)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    try:
        rc, out, err = _run("report", "--client", "Acme Dental", "--period", period,
                            "--out", str(out_dir / "r.pdf"), "--db", db,
                            "--data-dir", str(data))  # fmt: skip
    except Exception as exc:  # the defect: the command crashes
        pytest.fail(f"helpdesk report crashed: {type(exc).__name__}: {exc}")
    assert rc == 2 and out == "" and err.startswith("helpdesk: ") and err.count("\n") == 1
    assert list(out_dir.iterdir()) == []


def test_backfill_does_not_stall_on_clocks_it_cannot_measure(
    db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Old met clocks are measured from their stored row, even under a deactivated policy (which
    a recomputation skips): with a batch of one, the sweep still moves on to the next clock."""
    monkeypatch.setattr(sla_sweep, "_MEASURE_BATCH", 1)
    world = build_world(db, clock)
    world.policy()
    retired = world.config.save_policy(
        None, None,
        PolicySpec(name="Retired 2025", calendar_id=world.calendar, targets=TARGETS),
        world.admin,
    ).record_id  # fmt: skip
    stuck = world.ticket(assignee=world.alice)
    world.reply(stuck, z("2026-03-02 09:10"))
    fine = world.ticket(assignee=world.alice)
    world.reply(fine, z("2026-03-02 09:20"))
    assert sla_row(db, fine, "response").business_elapsed_seconds is not None
    with db.write() as s:
        # As migrated from before 0009; the stuck ticket's clocks were met under a policy
        # that has been retired since.
        # (The measurable ticket is updated last so that PostgreSQL's unordered scan, like
        # SQLite's, meets the stuck ticket first.)
        s.execute(
            update(TicketSla)
            .where(TicketSla.ticket_id == stuck)
            .values(policy_id=retired, business_elapsed_seconds=None)
        )
        s.execute(update(SlaPolicy).where(SlaPolicy.id == retired).values(active=False))
        s.execute(
            update(TicketSla)
            .where(TicketSla.ticket_id == fine)
            .values(business_elapsed_seconds=None)
        )
        # Migration 0010 copied the clocks, unmeasured, onto the tickets.
        s.execute(
            update(Ticket)
            .where(Ticket.id.in_((stuck, fine)))
            .values(response_business_seconds=None, resolution_business_seconds=None)
        )
    for minute in range(30, 34):
        world.sweep(z(f"2026-03-02 09:{minute}"))
    with db.read() as s:
        fine_rows = s.scalars(
            select(TicketSla.business_elapsed_seconds).where(
                TicketSla.ticket_id == fine, TicketSla.met_at.is_not(None)
            )
        ).all()
    assert fine_rows and all(v is not None for v in fine_rows)
    # The reports read the measured time from the ticket's copy.
    assert sla_row(db, fine, "response").business_elapsed_seconds is not None
    assert sla_row(db, stuck, "response").business_elapsed_seconds is not None


def test_prepaid_lists_only_contracts_in_force_in_the_period(
    reports: ReportFiguresService, acme: Acme, db: Database
) -> None:
    """Only blocks of hours in force during the period are listed: not one that ended in 2024,
    nor one that starts in 2027, next to the block in force ("Support 2026")."""
    with db.write() as s:
        policy_id, _ = _policy_ids[db]
        for name, number, start, end in (
            ("Support 2024", "C-024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
            ("Support 2027", "C-027", dt.date(2027, 1, 1), None),
        ):
            s.add(Contract(client_id=acme.client, policy_id=policy_id, name=name, number=number,
                           number_key=number.lower().replace("-", ""), prepaid_minutes=600,
                           valid_from=start, valid_to=end))  # fmt: skip
    r = reports.client_report(acme.client, OCTOBER)
    assert [line.contract for line in r.prepaid] == ["Support 2026 (C-100)"]


def test_a_superscript_digit_is_an_unknown_client(reports: ReportFiguresService) -> None:
    """ "²" is a digit to `str.isdigit` but no id: an unknown client, not a ValueError."""
    with pytest.raises(UnknownClientError):
        reports.find_client("²")


@pytest.mark.poppler
def test_a_breach_of_a_closed_ticket_is_not_printed_as_still_open(
    reports: ReportFiguresService, acme: Acme, db: Database, tmp_path: Path
) -> None:
    """A ticket resolved without a public reply stops its response clock unmet: the PDF says the
    target was not met (ticket closed), not that a ticket closed on 12 October is still open."""
    t = ticket(db, acme.client, "2026-10-12 08:00", category="Email",
               closed="2026-10-12 12:00")  # fmt: skip
    with db.write() as s:
        row = s.get(Ticket, t)
        assert row is not None
        row.subject = "Fixed on the phone"
    clock_row(db, t, "response", "breached", breached_at=z("2026-10-12 09:00"), overrun=3600)
    report = reports.client_report(acme.client, OCTOBER)
    assert any(b.ticket_id == t and b.met_at is None for b in report.breaches)
    pdf = tmp_path / "acme.pdf"
    write_client_report(report, Branding("Northwind IT"), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    [line] = [line for line in text.splitlines() if f"#{t} " in line or line.endswith(f"#{t}")]
    assert "Fixed on the phone" in line
    assert "still open" not in line


def _pdf_text(reports: ReportFiguresService, client: int, out: Path) -> str:
    write_client_report(reports.client_report(client, OCTOBER), Branding("Northwind IT"), out)
    return subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


@pytest.mark.poppler
def test_remote_sessions_print_the_method_name_not_its_key(
    reports: ReportFiguresService, acme: Acme, db: Database, tmp_path: Path
) -> None:
    """Remote sessions are listed by the method's name, not its stored key ("rdp-mstsc")."""
    session(db, acme.client, "2026-10-08 08:00", "rdp-mstsc")
    text = _pdf_text(reports, acme.client, tmp_path / "acme.pdf")
    assert "rdp-mstsc" not in text
    assert "RDP (Remote Desktop Connection)" in text
