"""`helpdesk report`: the command a scheduler runs for the monthly client pack.

Qt-free like `sla sweep`; writes the PDF (or the raw figures as CSV) of a client or of every
client; bad input (period, client, output path, logo) is one line on stderr, a usage exit code
where the user typed something wrong, and no file at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.bootstrap import DB_URL_ENV, build_core
from app.cli import main
from app.models import Ticket
from app.models.enums import Priority, Status
from tests.factories import add_client, add_ticket

OCTOBER = dt.datetime(2026, 10, 5, 8, 0, tzinfo=dt.UTC)


def _seed(url: str, data: Path) -> None:
    """Acme: three tickets opened in October 2026, two closed; Łódź: one."""
    core = build_core(url, data)
    try:
        acme = add_client(core.db, "Acme Dental", timezone="Europe/Brussels")
        lodz = add_client(core.db, "Zakład Łódź", timezone="Europe/Warsaw")
        for day, closed in ((0, True), (3, True), (9, False)):
            t = add_ticket(core.db, acme, created_at=OCTOBER + dt.timedelta(days=day),
                           priority=Priority.P2)  # fmt: skip
            if closed:
                with core.db.write() as s:
                    row = s.get(Ticket, t)
                    assert row is not None
                    row.set_status(Status.CLOSED, OCTOBER + dt.timedelta(days=day, hours=5))
        add_ticket(core.db, lodz, created_at=OCTOBER)
    finally:
        core.close()


def _kpi(layout: str, label: str) -> str:
    """The value printed above `label` on the summary page (`pdftotext -layout` keeps the
    grid's columns: the figure is the nearest text above that overlaps the label)."""
    lines = layout.splitlines()
    i, line = next((i, line) for i, line in enumerate(lines) if label in line)
    start = line.index(label)
    end = start + len(label)
    above = next(a for a in reversed(lines[:i]) if a.strip())
    found = [
        m.group()
        for m in re.finditer(r"\S+(?: \S+)*", above)
        if m.start() < end and m.end() > start
    ]
    assert len(found) == 1, (label, above)
    return found[0]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(list(argv))
    return rc, out.getvalue(), err.getvalue()


def _text(pdf: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is missing: install poppler-utils (shared/design/ci.md §1)")
    return subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.poppler
@pytest.mark.usefixtures("restore_logging")
def test_client_and_all_clients_reports_on_each_backend(fresh_db_url: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    _seed(fresh_db_url, data)
    common = ("--period", "2026-10", "--db", fresh_db_url, "--data-dir", str(data))
    pdf = tmp_path / "acme.pdf"
    rc, out, err = _run("report", "--client", "acme", "--out", str(pdf), *common)
    assert (rc, err) == (0, "")
    assert out.startswith(f"report for Acme Dental, October 2026: {pdf}, ") and "pages" in out
    text = _text(pdf)
    assert "Acme Dental" in text and "October 2026" in text and "Europe/Brussels" in text
    assert (_kpi(text, "Tickets opened"), _kpi(text, "Tickets closed")) == ("3", "2")

    everyone = tmp_path / "all.pdf"
    rc, out, err = _run("report", "--client", "all", "--out", str(everyone), *common)
    assert (rc, err) == (0, "") and out.startswith("report for all clients, October 2026")
    text = _text(everyone)
    assert "Acme Dental" in text and "Zakład Łódź" in text

    figures = tmp_path / "acme.csv"
    rc, out, _ = _run("report", "--client", "ZAKŁAD ŁÓDŹ", "--out", str(figures), *common)
    assert rc == 0 and out == f"report for Zakład Łódź, October 2026: {figures}\n"
    raw = figures.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Zakład Łódź".encode() in raw


@pytest.mark.usefixtures("restore_logging")
@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--client", "Acme Dental", "--period", "2026-10-10..2026-10-01"), 2,
         "helpdesk: The period ends (2026-10-01) before it starts (2026-10-10)."),
        (("--client", "Gamma", "--period", "2026-10"), 2,
         "helpdesk: No client is called 'Gamma' (give a name, code or id)."),
        (("--client", "Acme Dental", "--period", "2026-10", "--logo", "{logo}"), 2,
         "helpdesk: The logo logo.png is not an image (use a PNG or JPEG file)."),
        (("--client", "Acme Dental", "--period", "2026-10", "--tz", "Mars/Olympus"), 2,
         "helpdesk: Unknown time zone 'Mars/Olympus' (use an IANA name like Europe/Warsaw)."),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_no_file(
    tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    data, db = tmp_path / "data", str(tmp_path / "desk.sqlite")
    _seed(db, data)
    logo = tmp_path / "logo.png"
    logo.write_text("not a picture")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    argv = [a.replace("{logo}", str(logo)) for a in args]
    rc, out, err = _run(
        "report", *argv, "--out", str(out_dir / "r.pdf"), "--db", db, "--data-dir", str(data)
    )
    assert (rc, out, err) == (code, "", message + "\n")
    assert list(out_dir.iterdir()) == []


@pytest.mark.usefixtures("restore_logging")
def test_unwritable_output_fails_before_any_work(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    target = blocker / "r.pdf"
    rc, out, err = _run("report", "--client", "all", "--period", "2026-10", "--out", str(target),
                        "--db", str(tmp_path / "none.sqlite"))  # fmt: skip
    assert (rc, out) == (1, "")
    assert err == f"helpdesk: Cannot write {target}: the folder {blocker} does not exist.\n"
    # Refused before the database was opened (and created).
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.poppler
def test_report_command_runs_without_qt(tmp_path: Path) -> None:
    data, db = tmp_path / "data", str(tmp_path / "desk.sqlite")
    _seed(db, data)
    script = textwrap.dedent(
        """
        import contextlib, io, json, sys
        from app.cli import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = main(["report", "--client", "Acme Dental", "--period", "2026-Q4", "--out",
                       sys.argv[1], "--db", sys.argv[2], "--data-dir", sys.argv[3]])
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        print(json.dumps({"rc": rc, "qt": qt, "out": out.getvalue()}))
        """
    )
    pdf = tmp_path / "q4.pdf"
    env = {k: v for k, v in os.environ.items() if k != DB_URL_ENV}
    r = subprocess.run(
        [sys.executable, "-c", script, str(pdf), db, str(data)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert (result["rc"], result["qt"]) == (0, [])
    assert result["out"].startswith(f"report for Acme Dental, 2026-Q4: {pdf}")
    assert pdf.read_bytes().startswith(b"%PDF")
