"""TicketHistoryListModel: the timeline's rows, roles and wording."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from app.models.enums import EventKind, Priority, Status, Tier
from app.services.tickets import TicketEventRow
from tests.factories import add_client, add_queue, add_technician, add_ticket

from app.views import labels
from app.views.tickets.field_labels import TicketNames
from app.views.tickets.history_model import (
    ActorRole,
    BodyRole,
    EventIdRole,
    KindRole,
    KindTextRole,
    SummaryRole,
    TicketHistoryListModel,
    TimeTextRole,
)

AT = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def event(kind: EventKind, old: str = "", new: str = "", body: str = "", **kw) -> TicketEventRow:
    values = {
        "event_id": 1,
        "ticket_id": 7,
        "at": AT,
        "actor_name": "Alice Martin",
        "kind": kind,
        "old_value": old,
        "new_value": new,
        "body": body,
        "duration_minutes": None,
        "call_reference": "",
    }
    values.update(kw)
    return TicketEventRow(**values)  # type: ignore[arg-type]


def model_with(*rows: TicketEventRow, names: TicketNames | None = None) -> TicketHistoryListModel:
    model = TicketHistoryListModel()
    model.set_events(list(rows))
    if names is not None:
        model.set_names(names)
    return model


def summary(model: TicketHistoryListModel, row: int = 0) -> str:
    return str(model.data(model.index(row), SummaryRole))


def test_a_real_timeline_passes_the_model_tester(qtmodeltester, db, tickets, me, clock):
    bob = add_technician(db, "Bob Stone", tier=Tier.L2)
    queue = add_queue(db, "Servers", tier=Tier.L2)
    ticket_id = add_ticket(db, add_client(db, "Acme"))
    detail = tickets.get(ticket_id)
    clock.advance(minutes=5)
    saved = tickets.update(
        ticket_id,
        detail.version,
        replace(
            detail.fields,
            status=Status.IN_PROGRESS,
            priority=Priority.P2,
            assignee_id=bob,
            tier=Tier.L2,
            queue_id=queue,
            subject="Printer offline on floor 2",
        ),
        me.technician_id,
        escalation_reason="Needs print server access",
    )
    clock.advance(minutes=5)
    tickets.add_note(ticket_id, me.technician_id, "Called the user back", public=False)
    tickets.log_call(ticket_id, me.technician_id, "Walked through a restart", 12, "CALL-881")
    assert saved.detail.version == detail.version + 1

    model = TicketHistoryListModel()
    model.set_names(TicketNames({bob: "Bob Stone"}, {queue: "Servers"}))
    model.set_events(tickets.history(ticket_id))
    qtmodeltester.check(model)

    kinds = [EventKind(str(model.data(model.index(r), KindRole))) for r in range(model.rowCount())]
    assert kinds[0] is EventKind.CREATED
    assert kinds[-2:] == [EventKind.INTERNAL_NOTE, EventKind.PHONE_CALL]  # newest at the bottom
    summaries = [summary(model, r) for r in range(model.rowCount())]
    assert "Status: New → In progress" in summaries
    assert "Assigned to Bob Stone" in summaries
    assert "Priority: P3 Medium → P2 High" in summaries
    assert "Tier: L1 First line → L2 Second line" in summaries
    assert "Queue: No queue → Servers" in summaries
    assert "Changed: Subject" in summaries
    assert summaries[-1] == "with the requester · 12 min · ref. CALL-881"
    escalation = kinds.index(EventKind.ESCALATION)
    assert model.data(model.index(escalation), BodyRole) == "Needs print server access"
    assert model.data(model.index(len(kinds) - 1), ActorRole) == "Alice Martin"


def test_an_empty_model_passes_the_model_tester(qtmodeltester):
    model = TicketHistoryListModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.data(model.index(0), Qt.ItemDataRole.DisplayRole) is None


def test_rows_are_flat(qtbot):
    model = model_with(event(EventKind.INTERNAL_NOTE, body="x"))
    assert model.rowCount(model.index(0)) == 0
    assert model.rowCount(QModelIndex()) == 1


def test_roles_carry_time_actor_kind_and_body():
    model = model_with(event(EventKind.PUBLIC_REPLY, body="We are on it", event_id=42))
    index = model.index(0)
    assert index.data(EventIdRole) == 42
    assert index.data(KindRole) == EventKind.PUBLIC_REPLY.value
    assert index.data(KindTextRole) == "Public reply"
    assert index.data(TimeTextRole) == labels.local_datetime(AT)
    assert index.data(ActorRole) == "Alice Martin"
    assert index.data(BodyRole) == "We are on it"
    display = index.data(Qt.ItemDataRole.DisplayRole)
    assert display.startswith(labels.local_datetime(AT) + " · Alice Martin · Public reply")
    assert display.endswith("\nWe are on it")


def test_events_without_an_actor_are_from_the_system():
    model = model_with(event(EventKind.STATUS_CHANGED, "new", "assigned", actor_name=None))
    assert model.index(0).data(ActorRole) == "System"


def test_assignments_show_technician_names_not_ids():
    names = TicketNames({3: "Bob Stone", 4: "Carla Diaz"})
    model = model_with(
        event(EventKind.ASSIGNED, "", "3"),
        event(EventKind.ASSIGNED, "3", "4"),
        event(EventKind.ASSIGNED, "4", ""),
        event(EventKind.ASSIGNED, "", "99"),
        names=names,
    )
    assert [summary(model, r) for r in range(4)] == [
        "Assigned to Bob Stone",
        "Reassigned: Bob Stone → Carla Diaz",
        "Unassigned (was Carla Diaz)",
        "Assigned to Technician #99",
    ]


def test_set_names_rewords_rows_already_shown(qtbot):
    model = model_with(event(EventKind.ASSIGNED, "", "3"))
    assert summary(model) == "Assigned to Technician #3"
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.set_names(TicketNames({3: "Bob Stone"}))
    assert summary(model) == "Assigned to Bob Stone"


def test_calls_show_who_heard_them_duration_and_reference():
    model = model_with(
        event(
            EventKind.PHONE_CALL,
            body="Spoke to Jane",
            duration_minutes=12,
            call_reference="R1",
            public=True,
        ),
        event(EventKind.PHONE_CALL, body="Vendor: no answer", duration_minutes=1),
    )
    assert summary(model, 0) == "with the requester · 12 min · ref. R1"
    assert summary(model, 1) == "internal · 1 min"
    assert model.index(0).data(BodyRole) == "Spoke to Jane"


def test_status_tier_and_field_changes_are_worded():
    model = model_with(
        event(EventKind.STATUS_CHANGED, "waiting_customer", "resolved"),
        event(EventKind.TIER_CHANGED, "L2", "L1"),
        event(EventKind.FIELDS_CHANGED, "", "subject, steps_tried"),
        event(EventKind.CREATED, "", "new", body="Printer offline"),
        event(EventKind.QUEUE_CHANGED, "5", ""),
    )
    assert summary(model, 0) == "Status: Waiting on customer → Resolved"
    assert summary(model, 1) == "Tier: L2 Second line → L1 First line"
    assert summary(model, 2) == "Changed: Subject, Steps already tried"
    assert summary(model, 3) == "Logged as New"
    assert summary(model, 4) == "Queue: Queue #5 → No queue"


def test_values_this_build_does_not_know_are_shown_raw():
    model = model_with(event(EventKind.STATUS_CHANGED, "new", "on_hold"))
    assert summary(model) == "Status: New → on_hold"


def test_long_bodies_are_kept_whole_but_tooltips_are_cut():
    body = "log line\n" * 1000
    model = model_with(event(EventKind.INTERNAL_NOTE, body=body))
    assert model.index(0).data(BodyRole) == body
    tooltip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert len(tooltip) < 2000
    assert tooltip.endswith("…</p>")
    assert model_with(event(EventKind.CREATED)).index(0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_set_events_resets(qtbot):
    model = model_with(event(EventKind.INTERNAL_NOTE, body="a"))
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_events([event(EventKind.INTERNAL_NOTE, body="b", event_id=2)] * 3)
    assert model.rowCount() == 3
    assert model.event_at(2).body == "b"


def test_tooltips_show_markup_in_a_body_as_text():
    model = model_with(event(EventKind.REMOTE_SESSION, body="<b>up</b> <img src='x'> & more"))
    tooltip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;up&lt;/b&gt; &lt;img src=&#x27;x&#x27;&gt; &amp; more" in tooltip
    assert "<b>" not in tooltip
