"""The timeline of a ticket that others were merged into marks their events with the source
ticket's number (TicketHistoryListModel over TicketService.history, both backends)."""

from __future__ import annotations

from app.models.enums import EventKind
from app.models.ticket import format_number
from app.services.ticket_links import TicketLinkService
from tests.factories import add_client, add_ticket

from app.views.tickets.history_model import (
    BodyRole,
    KindRole,
    SourceNumberRole,
    SummaryRole,
    TicketHistoryListModel,
)


def test_merged_events_show_their_source_ticket(qtbot, db, clock, tickets, me) -> None:
    client = add_client(db, "Acme NV")
    dup = add_ticket(db, client, subject="Printer offline again")
    keep = add_ticket(db, client, subject="Printer offline")
    tickets.add_note(dup, me.technician_id, "Paper jam, says the caller", public=False)
    TicketLinkService(db, clock).merge(dup, keep, me.technician_id)
    model = TicketHistoryListModel()

    model.set_events(tickets.history(keep))

    rows = [model.index(r) for r in range(model.rowCount())]
    (note,) = [i for i in rows if i.data(KindRole) == EventKind.INTERNAL_NOTE.value]
    assert note.data(BodyRole) == "Paper jam, says the caller"
    assert note.data(SourceNumberRole) == format_number(dup)
    assert note.data(SummaryRole) == f"From {format_number(dup)}"
    own = [i for i in rows if not i.data(SourceNumberRole)]
    assert own and all(not str(i.data(SummaryRole)).startswith("From ") for i in own)
