"""SuggestionsWidget (debounced suggestions while typing) and CannedReplyButton with its
management dialog, against real services on both backends."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.db import Changes
from app.models.ticket import format_number
from tests.factories import add_client, add_contact, add_ticket

from app.views.kb.canned_replies_dialog import CannedRepliesDialog
from app.views.kb.canned_reply_button import CannedReplyButton
from app.views.kb.suggestions_widget import SuggestionsWidget

WAIT = 3000


@pytest.fixture
def world(db, kb, canned, me):
    acme = add_client(db, "Acme Dental")
    other = add_client(db, "Borealis Law")
    contact = add_contact(db, acme, "Jan Peeters")
    ticket = add_ticket(db, acme, subject="VPN drops", contact_id=contact)
    vpn = kb.create(
        None, "VPN drops every hour", "Renew the certificate.", "", "vpn", me.technician_id
    )
    own = kb.create(acme, "Acme VPN profile", "Use the dental profile.", "", "", me.technician_id)
    kb.create(other, "Borealis VPN", "Other client.", "", "", me.technician_id)
    ack = canned.create(
        "Acknowledge", "Hello {contact}, we logged {ticket}.", None, False, me.technician_id
    )
    canned.create("Borealis only", "x", other, False, me.technician_id)
    return SimpleNamespace(acme=acme, ticket=ticket, vpn=vpn, own=own, ack=ack)


# -- suggestions ---------------------------------------------------------------------------------


def test_suggestions_follow_the_typed_description(qtbot, kb, runner, world) -> None:
    widget = SuggestionsWidget(kb, runner, delay_ms=50)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.article_ids() == [] and widget.empty_label.isVisible()

    for typed in ("The", "The VPN", "The VPN drops"):
        widget.set_context(typed, world.acme)  # every keystroke; one lookup after the pause
    qtbot.waitUntil(lambda: len(widget.article_ids()) == 2, timeout=WAIT)
    assert widget.article_ids()[0] == world.vpn.article_id
    assert set(widget.article_ids()) == {world.vpn.article_id, world.own.article_id}

    with qtbot.waitSignal(widget.article_chosen, timeout=WAIT) as chosen:
        widget.open_button.click()
    assert chosen.args == [world.vpn.article_id]

    widget.set_context("", world.acme)
    qtbot.waitUntil(lambda: widget.article_ids() == [], timeout=WAIT)
    widget.set_context("hello please help", None)
    widget.refresh()
    assert widget.article_ids() == [] and not widget.open_button.isEnabled()


# -- canned replies ------------------------------------------------------------------------------


@pytest.fixture
def make_button(qtbot, canned, runner, me, directory, notifier):
    def make(ticket_id: int, client_id: int) -> CannedReplyButton:
        button = CannedReplyButton(
            canned, runner, me, ticket_id, client_id, directory=directory, notifier=notifier
        )
        qtbot.addWidget(button)
        button.show()
        return button

    return make


def test_menu_lists_the_clients_replies_and_inserts_rendered_text(
    qtbot, make_button, world
) -> None:
    button = make_button(world.ticket, world.acme)
    assert button.reply_names() == ["Acknowledge"]
    texts = [a.text() for a in button.menu().actions() if not a.isSeparator()]
    assert texts == ["Acknowledge", "Manage canned replies…"]
    with qtbot.waitSignal(button.inserted, timeout=WAIT) as inserted:
        button.menu().actions()[0].trigger()
    assert inserted.args == [f"Hello Jan Peeters, we logged {format_number(world.ticket)}."]


def test_a_refused_render_is_reported_not_crashed(qtbot, make_button, world, db) -> None:
    from app.models import CannedReply

    with db.write() as s:
        s.get(CannedReply, world.ack.reply_id).body = "Hi {nickname}"
    button = make_button(world.ticket, world.acme)
    with qtbot.waitSignal(button.failed, timeout=WAIT):
        button.insert_reply(world.ack.reply_id)
    assert "{nickname}" in button.toolTip()


def test_manage_dialog_checks_placeholders_and_saves(
    qtbot, make_button, world, canned, me, monkeypatch
) -> None:
    button = make_button(world.ticket, world.acme)
    button.manage_action.trigger()
    dialog = button.dialog
    assert isinstance(dialog, CannedRepliesDialog)
    qtbot.waitUntil(lambda: dialog.client_box.count() >= 3, timeout=WAIT)
    assert dialog.client_box.currentData() == world.acme

    dialog.name_edit.setText("Resolved")
    dialog.body_edit.setPlainText("Dear {customer}, fixed.")
    dialog.save_button.click()
    assert "{customer}" in dialog.error_text("body")
    assert dialog.body_edit.toPlainText() == "Dear {customer}, fixed."

    dialog.body_edit.setPlainText("Dear {contact}, {{ticket}} {ticket} is fixed.")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Resolved" in dialog.names(), timeout=WAIT)
    assert dialog.error_text("body") == ""
    dialog.close()
    qtbot.waitUntil(lambda: "Resolved" in button.reply_names(), timeout=WAIT)
    resolved = next(a for a in button.menu().actions() if a.text() == "Resolved")
    with qtbot.waitSignal(button.inserted, timeout=WAIT) as inserted:
        resolved.trigger()
    assert inserted.args == [
        f"Dear Jan Peeters, {{ticket}} {format_number(world.ticket)} is fixed."
    ]


def test_manage_dialog_edits_and_deletes(qtbot, canned, runner, me, world, monkeypatch) -> None:
    dialog = CannedRepliesDialog(canned, runner, me)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "_ask_delete", lambda row: True)
    dialog.show()
    dialog.select_reply(world.ack.reply_id)
    assert dialog.name_edit.text() == "Acknowledge"
    dialog.name_edit.setText("")
    dialog.save_button.click()
    assert dialog.error_text("name") == "This field is required."
    # A technician may not take the team's shared reply private.
    dialog.name_edit.setText("Acknowledge")
    dialog.private_check.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error_text("general")), timeout=WAIT)
    assert canned.get(world.ack.reply_id, me.technician_id).shared
    dialog.private_check.setChecked(False)
    dialog.name_edit.setText("Acknowledge (team)")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Acknowledge (team)" in dialog.names(), timeout=WAIT)
    # Their own private reply they may edit and delete.
    mine = canned.create("Mine", "Hi {contact}", None, True, me.technician_id)
    dialog.reload()
    qtbot.waitUntil(lambda: "Mine" in dialog.names(), timeout=WAIT)
    dialog.select_reply(mine.reply_id)
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: "Mine" not in dialog.names(), timeout=WAIT)


def test_button_reloads_when_replies_change_elsewhere(
    qtbot, make_button, world, canned, me, notifier
) -> None:
    button = make_button(world.ticket, world.acme)
    row = canned.create("Follow-up", "Any news, {contact}?", world.acme, False, me.technician_id)
    notifier.announce(Changes("canned_reply", frozenset({row.reply_id})))
    qtbot.waitUntil(lambda: "Follow-up" in button.reply_names(), timeout=WAIT)
