"""The raw-figures CSV: UTF-8 with a BOM, blocks read back with the csv module, formulas
guarded, nothing left behind on failure."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from app.reports.figures import Count
from app.reports.figures_csv import write_all_clients_csv, write_client_figures_csv
from app.reports.output import ReportOutputError
from tests.reports.report_fixtures import all_clients_report, client_report, summary_row


def read_blocks(path: Path) -> dict[str, list[list[str]]]:
    """Title → rows (the header first) of each block."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    blocks: dict[str, list[list[str]]] = {}
    title = None
    for row in rows:
        if not row:
            title = None
        elif title is None:
            title = row[0]
            blocks[title] = []
        else:
            blocks[title].append(row)
    return blocks


def test_the_client_csv_holds_the_raw_figures(tmp_path: Path) -> None:
    report = client_report(
        client_name="Zakład Łódź 東京",
        by_category=(Count("=cmd|' /C calc'!A0", 3), Count("Printing", 2), Count("", 1)),
    )
    out = tmp_path / "figures.csv"

    write_client_figures_csv(report, out)

    blocks = read_blocks(out)
    about = dict(blocks["Service report figures"][1:])
    assert about["Client"] == "Zakład Łódź 東京"
    assert about["Period"] == "2026-10"
    assert about["From"] == "2026-10-01" and about["To"] == "2026-10-31"
    assert about["Generated"] == "2026-11-01T09:00+01:00"
    summary = dict(blocks["Summary"][1:])
    assert summary["Tickets opened"] == "7"
    assert summary["Response met %"] == "83.3"
    assert summary["Resolution met %"] == "75.0"
    assert summary["Median time to respond (business s)"] == "5400"
    assert summary["90th percentile to resolve (business s)"] == ""  # None, not 0
    assert summary["CSAT average"] == "4.3"
    assert summary["CSAT response rate %"] == "75.0"
    assert summary["Time logged (min)"] == "725"
    months = blocks["Last 12 months"]
    assert months[0] == ["Month", "Opened", "Closed", "Response met %", "Resolution met %"]
    assert months[1] == ["2025-11", "10", "9", "80.0", "92.0"]
    assert months[5] == ["2026-03", "18", "17", "", ""]
    assert blocks["By category"][1:] == [["'=cmd|' /C calc'!A0", "3"], ["Printing", "2"],
                                         ["", "1"]]  # fmt: skip
    breaches = blocks["SLA breaches"]
    assert breaches[1] == ["1000", "Printer 0 on the second floor jams", "P1", "response",
                           "2026-10-05T10:00+02:00", "2026-10-06T14:30+02:00", "7500",
                           "Waiting on the vendor's replacement part", ""]  # fmt: skip
    assert breaches[2][5] == "" and breaches[2][7] == ""
    assert breaches[2][8] == (
        "Escalated to L3 · Third party: HP (case 4711) · Reopened 2× · Waited 3 h 10 min"
    )
    assert blocks["Recurring issues"][1] == ["category", "Printing", "4", "3", "#15 #12"]
    assert blocks["Prepaid hours"][2] == ["Project block", "600", "700", "90", "-100"]
    assert blocks["Remote sessions by method"][1:] == [["RDP", "3"], ["SSH", "1"]]


def test_the_all_clients_csv_lists_every_client(tmp_path: Path) -> None:
    report = replace(all_clients_report(rows=2), rows=(summary_row(1, "@SUM(A1)"),
                                                       summary_row(2)))  # fmt: skip
    out = tmp_path / "all.csv"

    write_all_clients_csv(report, out)

    clients = read_blocks(out)["Clients"]
    assert clients[0][:3] == ["Client ID", "Client", "Opened"]
    assert clients[1] == ["1", "'@SUM(A1)", "299", "289", "9", "1", "90.0", "3", "1", "75.0",
                          "4.5", "2", "61"]  # fmt: skip
    assert clients[2][10:12] == ["", "0"]  # no CSAT average: empty, not 0
    assert read_blocks(out)["Summary"][1] == ["Tickets opened", "7"]


def test_an_unwritable_path_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ReportOutputError, match="does not exist"):
        write_client_figures_csv(client_report(), tmp_path / "nope" / "f.csv")
    assert list(tmp_path.iterdir()) == []
