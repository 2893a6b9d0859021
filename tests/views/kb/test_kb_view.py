"""KnowledgeBaseView end to end against real services on both backends: search as you type,
open an article, edit it, see the new version; filters, archive and read-only accounts."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from PySide6.QtCore import Qt

from app.db import Changes
from app.models.enums import Role, Tier
from app.services.directory import TechnicianRow
from tests.factories import add_client, add_technician

from app.views.kb.article_editor import ArticleEditorDialog
from app.views.kb.kb_view import ALL_CLIENTS, GLOBAL_ONLY, KnowledgeBaseView
from app.views.kb.versions_dialog import VersionsDialog

WAIT = 3000


@pytest.fixture
def world(db, kb, me):
    acme = add_client(db, "Acme Dental")
    other = add_client(db, "Borealis Law")
    vpn = kb.create(
        None, "VPN troubleshooting", "Check the **tunnel**.", "Network", "vpn", me.technician_id
    )
    printer = kb.create(
        None, "Printer queue stuck", "Restart the spooler.", "Printing", "printer", me.technician_id
    )
    acme_vpn = kb.create(
        acme, "Acme VPN profile", "Use the dental VPN.", "Network", "vpn acme", me.technician_id
    )
    return SimpleNamespace(acme=acme, other=other, vpn=vpn, printer=printer, acme_vpn=acme_vpn)


@pytest.fixture
def make_view(qtbot, kb, directory, runner, notifier, me, monkeypatch):
    def make(tech: TechnicianRow = me) -> KnowledgeBaseView:
        view = KnowledgeBaseView(kb, directory, runner, notifier, tech)
        monkeypatch.setattr(view, "_ask_archive", lambda article: True)
        qtbot.addWidget(view)
        view.show()
        return view

    return make


def test_search_open_edit_and_the_new_version_appears(qtbot, make_view, world, kb) -> None:
    view = make_view()
    assert set(view.results.titles()) == {
        "VPN troubleshooting",
        "Printer queue stuck",
        "Acme VPN profile",
    }

    qtbot.keyClicks(view.search_edit, "vpn tro")
    qtbot.waitUntil(lambda: view.results.titles() == ["VPN troubleshooting"], timeout=WAIT)
    qtbot.waitUntil(lambda: view.current is not None, timeout=WAIT)
    assert view.current.article_id == world.vpn.article_id
    assert "tunnel" in view.browser.toPlainText()

    view.edit_button.click()
    editor = view.dialog
    assert isinstance(editor, ArticleEditorDialog)
    editor.body_edit.setPlainText("Check the **tunnel** and renew the certificate.")
    editor.summary_edit.setText("Certificate step")
    editor.save_button.click()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: "certificate" in view.browser.toPlainText(), timeout=WAIT)
    assert view.current.current_version == 2

    view.versions_button.click()
    versions = view.dialog
    assert isinstance(versions, VersionsDialog)
    qtbot.waitUntil(lambda: versions.table.topLevelItemCount() == 2, timeout=WAIT)
    top = versions.table.topLevelItem(0)
    assert top is not None
    assert (top.text(0), top.text(2), top.text(3)) == ("2", "Alice Martin", "Certificate step")
    assert [v.number for v in kb.versions(world.vpn.article_id)] == [2, 1]


def test_restore_from_the_versions_dialog(qtbot, make_view, world, kb, me, monkeypatch) -> None:
    a = kb.update(
        world.printer.article_id,
        world.printer.version,
        "Printer queue stuck",
        "Newer text",
        "Printing",
        "printer",
        "rewrite",
        me.technician_id,
    )
    view = make_view()
    view.open_article(a.article_id)
    qtbot.waitUntil(
        lambda: view.current is not None and view.current.version == a.version, timeout=WAIT
    )
    view.versions_button.click()
    versions = view.dialog
    monkeypatch.setattr(versions, "_ask_restore", lambda number: True)
    qtbot.waitUntil(lambda: versions.table.topLevelItemCount() == 2, timeout=WAIT)
    versions.table.setCurrentItem(versions.table.topLevelItem(1))
    qtbot.waitUntil(lambda: "Restart the spooler" in versions.browser.toPlainText(), timeout=WAIT)
    versions.restore_button.click()
    qtbot.waitUntil(lambda: versions.table.topLevelItemCount() == 3, timeout=WAIT)
    assert kb.get(a.article_id).body == "Restart the spooler."
    qtbot.waitUntil(lambda: "Restart the spooler" in view.browser.toPlainText(), timeout=WAIT)


def test_new_article_refused_title_keeps_the_text_then_saves(qtbot, make_view, world, kb) -> None:
    view = make_view()
    view.new_button.click()
    editor = view.dialog
    editor.body_edit.setPlainText("# Steps\n\n1. Open settings")
    editor.save_button.click()
    assert editor.isVisible()
    assert editor.error_text("title") == "This field is required."
    assert editor.body_edit.toPlainText() == "# Steps\n\n1. Open settings"
    editor.title_edit.setText("Teams camera black")
    editor.tags_edit.setText(" ".join(f"t{i}" for i in range(21)))
    editor.save_button.click()
    assert "20 tags" in editor.error_text("tags")
    editor.tags_edit.setText("Teams, camera")
    editor.update_preview()
    assert "Steps" in editor.preview.toPlainText()
    editor.save_button.click()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: "Teams camera black" in view.results.titles(), timeout=WAIT)
    saved = editor.result_article
    assert saved.tags == ("teams", "camera") and saved.client_id is None


def test_client_category_and_tag_filters(qtbot, make_view, world) -> None:
    view = make_view()
    qtbot.waitUntil(lambda: view.client_box.count() >= 4, timeout=WAIT)
    view.client_box.setCurrentIndex(view.client_box.findData(GLOBAL_ONLY))
    qtbot.waitUntil(lambda: len(view.results.titles()) == 2, timeout=WAIT)
    view.set_client(world.other)
    qtbot.waitUntil(
        lambda: set(view.results.titles()) == {"VPN troubleshooting", "Printer queue stuck"},
        timeout=WAIT,
    )
    view.set_client(world.acme)
    view.tag_box.setCurrentIndex(view.tag_box.findData("vpn"))
    qtbot.waitUntil(
        lambda: set(view.results.titles()) == {"VPN troubleshooting", "Acme VPN profile"},
        timeout=WAIT,
    )
    view.client_box.setCurrentIndex(view.client_box.findData(ALL_CLIENTS))
    view.tag_box.setCurrentIndex(0)
    view.category_box.setCurrentIndex(view.category_box.findData("Printing"))
    qtbot.waitUntil(lambda: view.results.titles() == ["Printer queue stuck"], timeout=WAIT)


def test_archive_and_unarchive(qtbot, make_view, world, kb, notifier) -> None:
    view = make_view()
    view.open_article(world.printer.article_id)
    qtbot.waitUntil(lambda: view.current is not None, timeout=WAIT)
    view.archive_button.click()
    qtbot.waitUntil(lambda: "Printer queue stuck" not in view.results.titles(), timeout=WAIT)
    assert kb.get(world.printer.article_id).archived
    view.archived_check.setChecked(True)
    qtbot.waitUntil(lambda: view.results.titles() == ["Printer queue stuck"], timeout=WAIT)
    qtbot.waitUntil(lambda: view.archive_button.text() == "Unarchive", timeout=WAIT)
    assert not view.edit_button.isEnabled()
    view.archive_button.click()
    qtbot.waitUntil(lambda: view.results.titles() == [], timeout=WAIT)
    assert not kb.get(world.printer.article_id).archived


def test_hostile_search_text_shows_no_error(qtbot, make_view, world) -> None:
    view = make_view()
    for text in ('"', "NEAR(", "AND OR", "-", ":", "'", "*"):
        view.search_edit.setText(text)
        view.refresh()
        assert view.error.isHidden(), text
        assert view.results.titles() == []


def test_changes_from_elsewhere_refresh_the_list(qtbot, make_view, world, kb, me, notifier) -> None:
    view = make_view()
    new = kb.create(None, "Outlook profile reset", "", "", "", me.technician_id)
    notifier.announce(Changes("kb_article", frozenset({new.article_id})))
    qtbot.waitUntil(lambda: "Outlook profile reset" in view.results.titles(), timeout=WAIT)


def test_read_only_accounts_browse_but_cannot_write(qtbot, make_view, world, db) -> None:
    reader_id = add_technician(db, "Rita Reader", role=Role.READ_ONLY)
    reader = TechnicianRow(reader_id, "Rita Reader", "rita@test.msp", Tier.L2, Role.READ_ONLY, True)
    view = make_view(reader)
    view.open_article(world.vpn.article_id)
    qtbot.waitUntil(lambda: view.current is not None, timeout=WAIT)
    assert view.versions_button.isEnabled()
    assert not any(b.isEnabled() for b in (view.new_button, view.edit_button, view.archive_button))


def test_selecting_with_the_keyboard_opens_the_article(qtbot, make_view, world) -> None:
    view = make_view()
    qtbot.waitUntil(lambda: view.results.count() == 3, timeout=WAIT)
    view.results.setFocus()
    view.results.setCurrentRow(2)
    qtbot.keyClick(view.results, Qt.Key.Key_Up)
    qtbot.waitUntil(
        lambda: view.current is not None and view.current.title == view.results.titles()[1],
        timeout=WAIT,
    )
