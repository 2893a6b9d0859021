"""KbPanel, the ticket dialog's knowledge tab, against real services on both backends:
suggestions from the description, search and link, unlink, open, save solution to KB."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from PySide6.QtWidgets import QMessageBox

from app.models import Ticket
from app.models.enums import EventKind, Role, Status, Tier
from app.services.directory import TechnicianRow
from tests.factories import add_client, add_technician, add_ticket
from tests.fakes import DEFAULT_NOW

from app.views.kb.article_browser import ArticleReaderDialog
from app.views.kb.article_editor import ArticleEditorDialog
from app.views.kb.kb_panel import KbPanel, kb_panel_factory
from app.views.tickets.ticket_dialog import TicketDialog

WAIT = 3000


@pytest.fixture
def world(db, kb, me):
    client = add_client(db, "Acme Dental")
    other = add_client(db, "Borealis Law")
    ticket = add_ticket(db, client, subject="Outlook keeps asking for password")
    with db.write() as s:
        t = s.get(Ticket, ticket)
        t.description = "Since this morning Outlook prompts for the password again and again."
        t.resolution = "Recreated the Outlook profile."
    outlook = kb.create(
        None,
        "Outlook password prompts",
        "Recreate the profile.",
        "Email",
        "outlook",
        me.technician_id,
    )
    vpn = kb.create(
        None, "VPN drops every hour", "Renew the certificate.", "Network", "vpn", me.technician_id
    )
    kb.create(other, "Borealis Outlook add-in", "Not for Acme.", "", "", me.technician_id)
    return SimpleNamespace(client=client, ticket=ticket, outlook=outlook, vpn=vpn)


def _tech(db, tier: Tier, role: Role = Role.TECHNICIAN) -> TechnicianRow:
    tech_id = add_technician(db, f"{tier} tech", tier=tier, role=role)
    return TechnicianRow(tech_id, f"{tier} tech", f"{tech_id}@test.msp", tier, role, True)


def _resolve(db, ticket_id: int, status: Status = Status.RESOLVED) -> None:
    with db.write() as s:
        s.get(Ticket, ticket_id).set_status(status, DEFAULT_NOW)


@pytest.fixture
def make_panel(qtbot, kb, runner, tickets, me):
    def make(ticket_id: int, tech: TechnicianRow = me) -> KbPanel:
        panel = KbPanel(kb, runner, tech, ticket_id)
        qtbot.addWidget(panel)
        panel.show()
        panel.show_ticket(tickets.get(ticket_id))
        return panel

    return make


def test_suggestions_link_and_unlink(qtbot, make_panel, world, tickets) -> None:
    panel = make_panel(world.ticket)
    qtbot.waitUntil(lambda: panel.candidates.count() > 0, timeout=WAIT)
    # Suggested from the description; another client's article never shows.
    assert panel.candidates.titles() == ["Outlook password prompts"]
    assert panel.tab_title() == "Knowledge (0)"

    with qtbot.waitSignal(panel.ticket_changed, timeout=WAIT) as changed:
        panel.link_button.click()
    assert changed.args[0].ids == frozenset({world.ticket})
    qtbot.waitUntil(lambda: panel.linked_ids() == [world.outlook.article_id], timeout=WAIT)
    assert panel.tab_title() == "Knowledge (1)"

    qtbot.keyClicks(panel.search_edit, "vpn")
    qtbot.waitUntil(lambda: panel.candidates.titles() == ["VPN drops every hour"], timeout=WAIT)
    panel.link_button.click()
    qtbot.waitUntil(lambda: len(panel.linked_ids()) == 2, timeout=WAIT)

    panel.linked_list.select_article(world.outlook.article_id)
    panel.unlink_button.click()
    qtbot.waitUntil(lambda: panel.linked_ids() == [world.vpn.article_id], timeout=WAIT)
    kb_events = [e.body for e in tickets.history(world.ticket) if e.kind is EventKind.KB]
    assert len(kb_events) == 3 and kb_events[-1].startswith("Unlinked knowledge-base article")


def test_open_shows_the_article_safely(qtbot, make_panel, world) -> None:
    panel = make_panel(world.ticket)
    panel.open_article(world.vpn.article_id)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, ArticleReaderDialog), timeout=WAIT)
    assert "Renew the certificate." in panel.dialog.browser.toPlainText()
    panel.dialog.close()


def test_save_solution_needs_a_resolved_ticket_and_l2(qtbot, make_panel, world, db) -> None:
    l2 = _tech(db, Tier.L2)
    assert not make_panel(world.ticket, l2).save_solution_button.isEnabled()
    _resolve(db, world.ticket)
    assert not make_panel(world.ticket).save_solution_button.isEnabled()  # me is L1
    assert not make_panel(
        world.ticket, _tech(db, Tier.L2, Role.READ_ONLY)
    ).save_solution_button.isEnabled()
    assert make_panel(world.ticket, l2).save_solution_button.isEnabled()
    assert make_panel(world.ticket, _tech(db, Tier.L1, Role.ADMIN)).save_solution_button.isEnabled()


def test_save_solution_prefills_saves_and_links(qtbot, make_panel, world, db, kb) -> None:
    _resolve(db, world.ticket, Status.CLOSED)
    panel = make_panel(world.ticket, _tech(db, Tier.L3))
    assert panel.action_buttons() == [panel.save_solution_button]
    panel.save_solution_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, ArticleEditorDialog), timeout=WAIT)
    editor = panel.dialog
    assert editor.title_edit.text() == "Outlook keeps asking for password"
    assert "Recreated the Outlook profile." in editor.body_edit.toPlainText()
    assert editor.global_check.isVisible() and not editor.client_box.isEnabled()
    editor.tags_edit.setText("outlook")
    with qtbot.waitSignal(panel.ticket_changed, timeout=WAIT):
        editor.save_button.click()
    qtbot.waitUntil(lambda: len(panel.linked_ids()) == 1, timeout=WAIT)
    article = kb.get(panel.linked_ids()[0])
    assert (article.source_ticket_id, article.client_id) == (world.ticket, world.client)


def test_l1_refused_on_the_server_is_shown_not_crashed(qtbot, make_panel, world, db, me) -> None:
    _resolve(db, world.ticket)
    panel = make_panel(world.ticket)
    # The button is disabled for L1; force the flow to check the service's answer is worded.
    panel.save_solution()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, ArticleEditorDialog), timeout=WAIT)
    panel.dialog.save_button.click()
    qtbot.waitUntil(lambda: "L2/L3" in panel.dialog.error_text("general"), timeout=WAIT)
    assert panel.dialog.isVisible()


def test_the_panel_in_the_ticket_dialog(
    qtbot, monkeypatch, world, kb, tickets, directory, runner, notifier, me
) -> None:
    dialog = TicketDialog(
        tickets,
        directory,
        runner,
        notifier,
        me,
        world.ticket,
        panels=[kb_panel_factory(kb, runner, me)],
    )
    monkeypatch.setattr(dialog, "_ask_unsaved", lambda *a: QMessageBox.StandardButton.Discard)
    qtbot.addWidget(dialog)
    dialog.show()
    [panel] = dialog.panels
    assert isinstance(panel, KbPanel)
    index = dialog.tabs.indexOf(panel)
    qtbot.waitUntil(lambda: panel.candidates.count() == 1, timeout=WAIT)
    panel.link_button.click()
    qtbot.waitUntil(lambda: dialog.tabs.tabText(index) == "Knowledge (1)", timeout=WAIT)
    qtbot.waitUntil(
        lambda: any(e.kind is EventKind.KB for e in tickets.history(world.ticket)), timeout=WAIT
    )
