"""The client's wiki page: composed from the saved data-capture sections, names shown as typed."""

from __future__ import annotations

from app.db import Changes
from app.models import Contact
from app.services.client_wiki import ClientWikiService, escape
from app.services.onboarding import OnboardingService
from tests.factories import add_client, add_contact

from app.views.clients.wiki_panel import WikiPanel


def _save(db, clock, client_id: int, key: str, raw: dict, actor: int) -> None:
    OnboardingService(db, clock).save_section(client_id, key, raw, None, actor)


def test_escape_keeps_markdown_characters_literal() -> None:
    assert escape("O'Neill & *Partners* [Law]") == "O'Neill \\& \\*Partners\\* \\[Law\\]"
    assert escape("a\n  b") == "a b"


def test_page_lists_the_start_page_escalation_vendors_and_rules(db, clock, me) -> None:
    client_id = add_client(db, "Acme *Dental*")
    jan = add_contact(db, client_id, "Jan _Peeters_")
    with db.write() as s:
        contact = s.get(Contact, jan)
        assert contact is not None
        contact.phone = "+32 9 123 45 67"
    _save(
        db,
        clock,
        client_id,
        "knowledge",
        {"start_page": "## Network\n\nVLAN 10 is **voice**."},
        me.technician_id,
    )
    _save(
        db,
        clock,
        client_id,
        "escalation",
        {
            "contacts": [{"priority": "P1", "order": "1", "contact": str(jan), "hours": "any"}],
            "vendors": [
                {"vendor": "Proximus", "service": "Fibre", "support_phone": "+32 800 22 800"}
            ],
        },
        me.technician_id,
    )
    _save(db, clock, client_id, "verification", {"method": "callback"}, me.technician_id)

    page = ClientWikiService(db).page(client_id)

    assert page.startswith("# Acme \\*Dental\\*\n\n## Network\n\nVLAN 10 is **voice**.")
    assert "| P1 | 1 | Jan \\_Peeters\\_ \u2014 \\+32 9 123 45 67 | any time |" in page
    assert "| Proximus | Fibre | \\+32 800 22 800 |  |  |" in page
    assert "Verify the caller by callback to the number on file" in page
    assert "VIP callers" not in page


def test_panel_renders_and_follows_changes(qtbot, db, clock, me, runner, notifier) -> None:
    client_id = add_client(db)
    panel = WikiPanel(ClientWikiService(db), runner, notifier)
    qtbot.addWidget(panel)
    panel.set_client(client_id)
    assert "No start page yet" in panel.browser.toPlainText()

    _save(
        db,
        clock,
        client_id,
        "knowledge",
        {"start_page": "Printers: **HP** on floor 2"},
        me.technician_id,
    )
    notifier.data_changed.emit(Changes("client", frozenset({client_id})))

    text = panel.browser.toPlainText()
    assert "Printers: HP on floor 2" in text
    assert "No start page yet" not in text
