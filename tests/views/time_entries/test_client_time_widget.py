"""ClientTimeWidget against the real TimeEntryService on both backends.

The clock stands at Monday 2026-03-02 09:00Z, so in Brussels "this month" is March (from
28 Feb 23:00Z), "last month" is February, and 12 months start on 1 April 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QBrush, QColor

from app.models import Contract, Ticket
from app.services.time_entries import TimeEntryService
from tests.factories import add_calendar, add_client, add_policy, add_technician, add_ticket

from app.views.time_entries.client_time_widget import (
    LOW_BACKGROUND,
    OVERDRAWN_BACKGROUND,
    ClientTimeWidget,
    month_windows,
)


def z(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def test_month_windows_follow_the_clients_zone() -> None:
    this, last, year = month_windows(z("2026-03-02 09:00"), "Europe/Brussels")
    assert (this[0], last) == (
        z("2026-02-28 23:00"),
        (z("2026-01-31 23:00"), z("2026-02-28 23:00")),
    )
    assert year[0] == z("2025-03-31 22:00")  # 1 April 2025 00:00 CEST
    january = month_windows(z("2026-01-15 12:00"), "UTC")
    assert january[1] == (z("2025-12-01 00:00"), z("2026-01-01 00:00"))


def contract(db, client: int, policy: int, name: str, prepaid: int | None) -> int:
    with db.write() as s:
        c = Contract(
            client_id=client,
            policy_id=policy,
            name=name,
            number=name.upper()[:4],
            number_key=name.lower()[:4],
            prepaid_minutes=prepaid,
            valid_from=dt.date(2025, 1, 1),
        )
        s.add(c)
        s.flush()
        return c.id


def ticket_on(db, client: int, contract_id: int | None) -> int:
    tid = add_ticket(db, client)
    with db.write() as s:
        s.execute(update(Ticket).where(Ticket.id == tid).values(contract_id=contract_id))
    return tid


def background(model: QAbstractItemModel, row: int, column: int) -> QColor | None:
    """The cell's background colour, None where the model paints none."""
    brush = model.index(row, column).data(Qt.ItemDataRole.BackgroundRole)
    return brush.color() if isinstance(brush, QBrush) else None


@pytest.fixture
def widget(qtbot, db, clock, runner):
    w = ClientTimeWidget(TimeEntryService(db, clock), runner, None, clock.now)
    qtbot.addWidget(w)
    return w


def test_totals_per_period_and_prepaid_warnings(db, clock, widget, qtmodeltester) -> None:
    policy = add_policy(db, add_calendar(db), "Standard", is_default=True)
    client = add_client(db, "Acme NV")
    tech = add_technician(db)
    healthy = contract(db, client, policy, "Healthy", 600)
    low = contract(db, client, policy, "Lowish", 600)
    over = contract(db, client, policy, "Overdrawn", 60)
    contract(db, client, policy, "Managed", None)  # no block: not in the prepaid table
    svc = TimeEntryService(db, clock)
    svc.add(ticket_on(db, client, healthy), 60, True, "", z("2026-03-01 10:00"), tech)
    svc.add(ticket_on(db, client, healthy), 30, False, "", z("2026-03-02 08:00"), tech)
    svc.add(ticket_on(db, client, low), 560, True, "", z("2026-02-10 10:00"), tech)
    svc.add(ticket_on(db, client, over), 90, True, "", z("2025-06-10 10:00"), tech)

    widget.show_client(client, "Europe/Brussels")
    texts = {key: cell.text() for key, cell in widget.cells.items()}
    # March: 60 + 30; February: 560; 12 months: 60 + 30 + 560 + 90 = 740 (710 billable).
    assert [texts[(0, c)] for c in range(3)] == ["1 h 30 min", "1 h", "30 min"]
    assert [texts[(1, c)] for c in range(3)] == ["9 h 20 min", "9 h 20 min", "0 min"]
    assert [texts[(2, c)] for c in range(3)] == ["12 h 20 min", "11 h 50 min", "30 min"]

    table = widget.contracts
    model = widget.contracts_model
    assert table.model() is model
    rows = {
        model.text(r, 0): [model.text(r, c) for c in range(1, 5)]
        for r in range(table.model().rowCount())
    }
    assert rows == {
        "Healthy": ["HEAL", "10 h", "1 h", "9 h"],
        "Lowish": ["LOWI", "10 h", "9 h 20 min", "40 min"],
        "Overdrawn": ["OVER", "1 h", "1 h 30 min", "30 min overdrawn"],
    }
    backgrounds = {model.text(r, 0): background(model, r, 4) for r in range(3)}
    assert backgrounds["Lowish"] == LOW_BACKGROUND
    assert backgrounds["Overdrawn"] == OVERDRAWN_BACKGROUND
    assert backgrounds["Healthy"] not in (LOW_BACKGROUND, OVERDRAWN_BACKGROUND)
    qtmodeltester.check(model)


def test_client_without_blocks_says_so(db, widget) -> None:
    client = add_client(db, "Small Shop")
    widget.show_client(client, "Europe/Brussels")
    assert [widget.cells[(0, c)].text() for c in range(3)] == ["0 min", "0 min", "0 min"]
    assert widget.contracts.isHidden()
    assert not widget.no_blocks.isHidden()
