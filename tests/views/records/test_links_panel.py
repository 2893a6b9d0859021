"""LinksPanel and MergeDialog against real services on both backends (inline task runner)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from PySide6.QtWidgets import QTabWidget

from app.db import Database
from app.models.enums import EventKind, Role, Status, TicketType, Tier
from app.models.ticket import format_number
from app.services.change_records import ChangeService
from app.services.directory import TechnicianRow
from app.services.problem_records import ProblemService
from app.services.ticket_links import TicketLinkService
from app.services.tickets import TicketService
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import FakeClock

from app.views.records.change_panel import change_panel_factory
from app.views.records.links_panel import LinksPanel, links_panel_factory
from app.views.records.merge_dialog import MergeDialog
from app.views.records.problem_panel import problem_panel_factory
from app.views.tickets.ticket_dialog import TicketDialog


@pytest.fixture
def world(db: Database):
    client = add_client(db, "Northwind Traders")
    other = add_client(db, "Contoso")
    return SimpleNamespace(
        ticket=add_ticket(db, client, subject="Printer offline again"),
        keep=add_ticket(db, client, subject="Printer offline", status=Status.IN_PROGRESS),
        problem=add_ticket(
            db, client, subject="Print server leaks", ticket_type=TicketType.PROBLEM
        ),
        elsewhere=add_ticket(db, other, subject="Contoso printer"),
    )


@pytest.fixture
def links(db: Database, clock: FakeClock, sla) -> TicketLinkService:
    return TicketLinkService(db, clock, sla)


@pytest.fixture
def panel(qtbot, world, links, tickets: TicketService, runner, me) -> LinksPanel:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    made = links_panel_factory(links, tickets, runner, me)(world.ticket, tabs)
    assert isinstance(made, LinksPanel)
    tabs.addTab(made, made.tab_title())
    changed: list[object] = []
    made.ticket_changed.connect(changed.append)
    made.changed = changed  # type: ignore[attr-defined]
    # qtbot holds widgets weakly: the panel keeps its tab widget alive for the test.
    made.tabs = tabs  # type: ignore[attr-defined]
    made.show_ticket(tickets.get(world.ticket))
    tabs.show()
    return made


def test_add_a_link_by_number_and_see_it_both_ways(panel, world, links, tickets) -> None:
    assert panel.tab_title() == "Links (0)" and panel.empty_label.isVisibleTo(panel)
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("caused_by"))
    panel.number_edit.setText(format_number(world.problem).lower())

    panel.add_button.click()

    assert panel.list.count() == 1
    assert panel.list.item(0).text() == (
        f"Caused by {format_number(world.problem)} — Print server leaks (Problem, New)"
    )
    assert panel.tab_title() == "Links (1)"
    assert panel.number_edit.text() == ""
    assert panel.changed[-1].ids == {world.ticket, world.problem}
    assert [r.kind for r in links.links(world.problem)] == ["caused_by"]
    assert any(r.kind is EventKind.LINKED for r in tickets.history(world.problem))


def test_refused_link_is_explained_and_the_number_kept(panel, world) -> None:
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("caused_by"))
    panel.number_edit.setText(format_number(world.keep))

    panel.add_button.click()

    assert (
        panel.error_label.text() == "“Caused by” links point at a problem ticket; this one is not."
    )
    assert panel.number_edit.text() == format_number(world.keep)
    assert panel.list.count() == 0 and panel.changed == []


@pytest.mark.parametrize("typed", ["", "abc", "T-", "-5", "T-0"])
def test_typed_garbage_is_not_a_ticket_number(panel, typed: str) -> None:
    panel.number_edit.setText(typed)
    panel.add_button.click()
    assert panel.error_label.text() == "Type a ticket number like T-000123."


def test_unknown_number_says_so(panel) -> None:
    panel.number_edit.setText("T-999999")
    panel.add_button.click()
    assert panel.error_label.text() == "That ticket does not exist."


def test_remove_asks_then_removes(panel, world, monkeypatch) -> None:
    panel.number_edit.setText(str(world.keep))
    panel.add_button.click()
    questions: list[str] = []

    def refuse(question: str) -> bool:
        questions.append(question)
        return False

    monkeypatch.setattr(panel, "_ask_confirm", refuse)
    panel.list.setCurrentRow(0)
    panel.remove_button.click()
    assert panel.list.count() == 1
    monkeypatch.setattr(panel, "_ask_confirm", lambda q: True)
    panel.remove_button.click()
    assert questions == [f"Remove the link “Related to {format_number(world.keep)}”?"]
    assert panel.list.count() == 0


def test_merge_dialog_looks_up_confirms_and_merges(qtbot, panel, world, tickets) -> None:
    dialog = panel.open_merge()
    assert isinstance(dialog, MergeDialog)
    assert not dialog.merge_button.isEnabled()
    asked: list[str] = []

    def confirm(question: str) -> bool:
        asked.append(question)
        return True

    dialog._ask_confirm = confirm  # type: ignore[method-assign]

    dialog.number_edit.setText(format_number(world.keep))
    dialog.lookup_button.click()

    assert dialog.target_label.text() == (
        f"{format_number(world.keep)} — Printer offline (Northwind Traders)"
    )
    assert dialog.merge_button.isEnabled()
    dialog.note_edit.setText("Same printer")
    dialog.merge_button.click()

    assert "Printer offline again" in asked[0] and "“Printer offline”" in asked[0]
    assert not dialog.isVisible()
    stored = tickets.get(world.ticket)
    assert stored.fields.status is Status.CANCELLED
    assert panel.list.item(0).text().startswith(f"Merged into {format_number(world.keep)}")
    assert not panel.merge_button.isEnabled() and not panel.add_button.isEnabled()
    assert panel.changed[-1].ids == {world.ticket, world.keep}
    sources = {r.source_number for r in tickets.history(world.keep)}
    assert format_number(world.ticket) in sources


def test_merge_dialog_refuses_another_clients_ticket(panel, world, tickets) -> None:
    dialog = panel.open_merge()
    assert dialog is not None
    dialog.number_edit.setText(format_number(world.elsewhere))
    dialog.lookup_button.click()
    assert dialog.error_label.text() == "Tickets of different clients cannot be merged."
    assert not dialog.merge_button.isEnabled()
    assert tickets.get(world.ticket).fields.status is Status.NEW


def test_merge_dialog_unknown_and_self_numbers(panel, world) -> None:
    dialog = panel.open_merge()
    assert dialog is not None
    dialog.number_edit.setText("T-999999")
    dialog.lookup_button.click()
    assert dialog.error_label.text() == "There is no ticket with that number."
    dialog.number_edit.setText(format_number(world.ticket))
    dialog.lookup_button.click()
    assert dialog.error_label.text() == "A ticket cannot be merged into itself."
    assert not dialog.merge_button.isEnabled()


def test_read_only_account_sees_links_but_cannot_change_them(
    qtbot, db, world, links, tickets, runner
) -> None:
    reader_id = add_technician(db, "Rita Reader", role=Role.READ_ONLY)
    reader = TechnicianRow(reader_id, "Rita Reader", "r@x", Tier.L1, Role.READ_ONLY, True)
    links.link(world.ticket, world.keep, "related", add_technician(db, "Dana"))
    view = LinksPanel(world.ticket, links, tickets, runner, reader)
    qtbot.addWidget(view)
    view.show_ticket(tickets.get(world.ticket))
    view.list.setCurrentRow(0)
    assert view.list.count() == 1
    assert not view.add_button.isEnabled()
    assert not view.remove_button.isEnabled()
    assert not view.merge_button.isEnabled()


def test_panels_in_a_real_ticket_dialog(
    qtbot, db, clock, world, links, tickets, directory, runner, notifier, me
) -> None:
    links.link(world.ticket, world.keep, "related", me.technician_id)
    factories = [
        links_panel_factory(links, tickets, runner, me),
        change_panel_factory(ChangeService(db, clock), runner, me),
        problem_panel_factory(ProblemService(db, clock), runner, me),
    ]
    dialog = TicketDialog(tickets, directory, runner, notifier, me, world.ticket, panels=factories)
    qtbot.addWidget(dialog)
    dialog.show()

    visible = [
        dialog.tabs.tabText(i) for i in range(dialog.tabs.count()) if dialog.tabs.isTabVisible(i)
    ]
    assert visible == ["Timeline", "Links (1)"]
