"""The Onboarding tab against real services on both backends, driven like a user with pytest-qt."""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from app.db import Changes, Database
from app.models import Contract, Site
from app.services.directory import TechnicianRow
from app.services.onboarding import OnboardingService
from app.services.onboarding_spec import SECTIONS, Kind
from app.tasks import ChangeNotifier, TaskRunner
from tests.factories import add_calendar, add_client, add_contact, add_policy, add_technician
from tests.fakes import FakeClock

from app.views.onboarding import OnboardingView
from app.views.onboarding.row_model import ProblemRole, RowTableModel
from app.views.onboarding.section_list import Marker, SectionListModel
from app.views.onboarding.section_page import SectionPage, VaultPage

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def service(db: Database, clock: FakeClock) -> OnboardingService:
    return OnboardingService(db, clock)


@pytest.fixture
def client_id(db: Database) -> int:
    return add_client(db, "Acme Logistics")


@pytest.fixture
def make_view(qtbot, service: OnboardingService, runner: TaskRunner, notifier: ChangeNotifier):
    def make(me_id: int, client: int | None) -> OnboardingView:
        view = OnboardingView(service, runner, notifier, me_id)
        qtbot.addWidget(view)
        view.resize(1100, 700)
        view.show()
        view.set_client(client)
        return view

    return make


@pytest.fixture
def view(make_view, me: TechnicianRow, client_id: int) -> OnboardingView:
    return make_view(me.technician_id, client_id)


def _line(view: OnboardingView, section: str, key: str) -> QLineEdit:
    widget = view.pages[section].editor.widget(key)
    assert isinstance(widget, QLineEdit)
    return widget


def _type(qtbot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _fill_company(qtbot, view: OnboardingView, policy_id: int) -> None:
    _type(qtbot, _line(view, "company", "legal_name"), "Acme Logistics NV")
    _type(qtbot, _line(view, "company", "main_phone"), "+32 9 123 45 67")
    editor = view.pages["company"].editor
    editor.tables["sites"].view.paste_text("Head office\tDok 1\tGent\tBE\tEurope/Brussels\t\n")
    contracts = editor.tables["contracts"].model
    row = contracts.add_row()
    for key, value in {
        "number": "C-2026-1",
        "valid_from": "2026-01-01",
        "sla_policy": str(policy_id),
        "coverage": "24x7",
    }.items():
        column = next(i for i, c in enumerate(contracts.columns) if c.key == key)
        assert contracts.setData(contracts.index(row, column), value)


def _cell(model: RowTableModel, row: int, key: str) -> Any:
    return model.index(row, next(i for i, c in enumerate(model.columns) if c.key == key))


def test_every_section_gets_its_fields_and_tables(view: OnboardingView, qtbot) -> None:
    assert view.section_model.rowCount() == len(SECTIONS) == 9
    assert view.section_model.index(0).data() == "1. Company and registration"
    for row, section in enumerate(SECTIONS):
        view.section_list.setCurrentIndex(view.section_model.index(row))
        page = view.current_page()
        if section.in_vault:
            assert isinstance(page, VaultPage)
            with qtbot.waitSignal(view.open_credentials, timeout=1000):
                qtbot.mouseClick(page.open_button, LEFT)
            continue
        assert isinstance(page, SectionPage)
        assert page.section is section
        for field in section.fields:
            widget = page.editor.widget(field.key)
            expected = {
                Kind.BOOL: QCheckBox,
                Kind.MULTILINE: QPlainTextEdit,
                Kind.CHOICE: QComboBox,
                Kind.CONTACT: QComboBox,
                Kind.TECHNICIAN: QComboBox,
            }.get(field.kind, QLineEdit)
            assert isinstance(widget, expected), field.key
        assert set(page.editor.tables) == {t.key for t in section.tables}
        for table in section.tables:
            assert page.editor.tables[table.key].model.columnCount() == len(table.columns)
    timezone = view.pages["company"].editor.tables["sites"]
    assert timezone.model.headerData(4, Qt.Orientation.Horizontal) == "Time zone *"


def test_typing_autosaves_a_draft_that_reopening_shows(
    qtbot, view: OnboardingView, make_view, service: OnboardingService, client_id: int, me
) -> None:
    _type(qtbot, _line(view, "company", "legal_name"), "Acme NV")
    assert view.section_model.marker("company") is Marker.DRAFT
    qtbot.waitUntil(
        lambda: service.form(client_id).sections["company"].draft is not None, timeout=3000
    )
    draft = service.form(client_id).sections["company"].draft
    assert draft is not None
    assert draft["legal_name"] == "Acme NV"
    assert "Draft saved" in view.pages["company"].status_label.text()

    again = make_view(me.technician_id, client_id)
    page = again.pages["company"]
    assert _line(again, "company", "legal_name").text() == "Acme NV"
    assert "Unsaved draft from" in page.draft_note.text()
    assert "Alice Martin" in page.draft_note.text()
    assert again.section_model.marker("company") is Marker.DRAFT


def test_saving_a_valid_company_section_creates_the_site_and_contract(
    qtbot, view: OnboardingView, db: Database, client_id: int
) -> None:
    policy_id = add_policy(db, add_calendar(db), "Gold")
    _fill_company(qtbot, view, policy_id)
    page = view.pages["company"]
    with qtbot.waitSignal(view.section_saved, timeout=3000):
        qtbot.mouseClick(page.save_button, LEFT)
    assert view.section_model.marker("company") is Marker.SAVED
    assert page.status_label.text().startswith("Saved")
    assert "Alice Martin" in page.status_label.text()
    assert page.message.isHidden()
    with db.read() as s:
        sites = s.scalars(select(Site).where(Site.client_id == client_id)).all()
        contracts = s.scalars(select(Contract).where(Contract.client_id == client_id)).all()
        assert [(x.name, x.timezone) for x in sites] == [("Head office", "Europe/Brussels")]
        assert [(c.name, c.policy_id) for c in contracts] == [("C-2026-1", policy_id)]
        site_id = sites[0].id
    # The editor now holds the saved rows, linked to their records for the next save.
    assert page.editor.tables["sites"].model.rows()[0]["id"] == site_id
    # A second save updates rather than duplicates.
    with qtbot.waitSignal(view.section_saved, timeout=3000):
        qtbot.mouseClick(page.save_button, LEFT)
    with db.read() as s:
        assert len(s.scalars(select(Site).where(Site.client_id == client_id)).all()) == 1


def test_invalid_values_are_shown_where_they_were_typed(
    qtbot, view: OnboardingView, service: OnboardingService, client_id: int
) -> None:
    _type(qtbot, _line(view, "company", "legal_name"), "Acme")
    _type(qtbot, _line(view, "company", "main_phone"), "+32 9 123 45 67")
    email = _line(view, "company", "main_email")
    _type(qtbot, email, "not-an-email")
    page = view.pages["company"]
    qtbot.mouseClick(page.save_button, LEFT)
    assert page.editor.error_text("main_email") == "Not a valid e-mail address"
    assert email.property("invalid") is True
    assert email.text() == "not-an-email"
    assert page.editor.error_text("legal_name") == ""
    assert "Not saved" in page.message.text()
    assert view.section_model.marker("company") is Marker.DRAFT
    # Fixing the field clears its message.
    _type(qtbot, email, ".example")
    assert page.editor.error_text("main_email") == ""

    view.select_section("servers")
    servers = view.pages["servers"]
    table = servers.editor.tables["servers"]
    table.view.paste_text("dc01\t10.0.0.300\tDomain controller\n")
    qtbot.mouseClick(servers.save_button, LEFT)
    assert table.model.data(_cell(table.model, 0, "ip"), ProblemRole) == "invalid_ip"
    assert table.model.data(_cell(table.model, 0, "ip")) == "10.0.0.300"
    assert table.model.data(_cell(table.model, 0, "ip"), Qt.ItemDataRole.BackgroundRole)
    assert "Row 1, IP address: Not a valid IP address" in table.summary.text()

    view.select_section("remote")
    remote = view.pages["remote"]
    rdp = remote.editor.tables["rdp"]
    rdp.view.paste_text("ts01.acme.example\t70000\n")
    qtbot.mouseClick(remote.save_button, LEFT)
    assert rdp.model.data(_cell(rdp.model, 0, "port"), ProblemRole) == "invalid_port"
    assert rdp.model.data(_cell(rdp.model, 0, "port"), Qt.ItemDataRole.ToolTipRole) == (
        "Not a valid port (1 to 65535)"
    )
    assert rdp.model.rows()[0]["port"] == "70000"
    draft = service.form(client_id).sections["remote"].draft
    assert draft is not None
    assert draft["rdp"][0]["port"] == "70000"


def test_pasting_five_thousand_rows_stays_responsive_and_loses_nothing(
    qtbot, view: OnboardingView, service: OnboardingService, client_id: int
) -> None:
    page = view.pages["company"]
    devices = page.editor.tables["devices"]
    inserts: list[tuple[int, int]] = []
    devices.model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    # Junk without a serial number: the paste starts in the second column.
    devices.view.setCurrentIndex(devices.model.index(-1, -1))
    junk = "".join(f"\tjunk device {i}\tnowhere\n" for i in range(5000))
    started = time.perf_counter()
    devices.view.paste_text(junk)
    qtbot.wait(10)  # let the view lay out what was pasted
    assert time.perf_counter() - started < 2.0
    assert inserts == [(0, 4999)]
    assert devices.model.rowCount() == 5000
    # Still usable: typing elsewhere works.
    _type(qtbot, _line(view, "company", "legal_name"), "Acme")
    started = time.perf_counter()
    qtbot.mouseClick(page.save_button, LEFT)
    assert time.perf_counter() - started < 10.0
    assert devices.model.data(_cell(devices.model, 4999, "serial"), ProblemRole) == "required"
    assert "Row 1, Serial number: Required" in devices.summary.text()
    assert "more" in devices.summary.text()
    assert devices.model.rowCount() == 5000
    assert devices.model.rows()[4999]["description"] == "junk device 4999"
    draft = service.form(client_id).sections["company"].draft
    assert draft is not None
    assert len(draft["devices"]) == 5000


def test_a_concurrent_save_is_reported_and_the_typing_kept(
    qtbot, view: OnboardingView, db: Database, service: OnboardingService, client_id: int
) -> None:
    bob = add_technician(db, "Bob Stone")
    raw = {"legal_name": "Acme by Bob", "main_phone": "+32 9 000 00 00", "sites": []}
    service.save_section(client_id, "company", raw, None, bob)
    _type(qtbot, _line(view, "company", "legal_name"), "Acme by Alice")
    _type(qtbot, _line(view, "company", "main_phone"), "+32 9 123 45 67")
    page = view.pages["company"]
    qtbot.mouseClick(page.save_button, LEFT)
    assert "Bob Stone saved this section" in page.conflict_text()
    assert _line(view, "company", "legal_name").text() == "Acme by Alice"
    draft = service.form(client_id).sections["company"].draft
    assert draft is not None
    assert draft["legal_name"] == "Acme by Alice"
    saved = service.saved_data(client_id, "company")
    assert saved is not None
    assert saved["legal_name"] == "Acme by Bob"

    qtbot.mouseClick(page.load_theirs_button, LEFT)
    assert _line(view, "company", "legal_name").text() == "Acme by Bob"
    assert page.conflict_text() == ""
    assert view.section_model.marker("company") is Marker.SAVED
    assert service.form(client_id).sections["company"].draft is None


def test_keep_mine_after_a_conflict_saves_over_theirs(
    qtbot, view: OnboardingView, db: Database, service: OnboardingService, client_id: int
) -> None:
    bob = add_technician(db, "Bob Stone")
    raw = {"legal_name": "Acme by Bob", "main_phone": "+32 9 000 00 00"}
    service.save_section(client_id, "company", raw, None, bob)
    _type(qtbot, _line(view, "company", "legal_name"), "Acme by Alice")
    _type(qtbot, _line(view, "company", "main_phone"), "+32 9 123 45 67")
    page = view.pages["company"]
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.mouseClick(page.keep_mine_button, LEFT)
    with qtbot.waitSignal(view.section_saved, timeout=3000):
        qtbot.mouseClick(page.save_button, LEFT)
    saved = service.saved_data(client_id, "company")
    assert saved is not None
    assert saved["legal_name"] == "Acme by Alice"


def test_bool_and_combo_fields_round_trip(
    qtbot, view: OnboardingView, make_view, db: Database, service, client_id: int, me
) -> None:
    contact_id = add_contact(db, client_id, "Marie Dubois")
    view.reload()
    view.select_section("vip")
    page = view.pages["vip"]
    floor = page.editor.widget("priority_floor")
    manager = page.editor.widget("account_manager")
    l2 = page.editor.widget("direct_to_l2")
    assert isinstance(floor, QComboBox)
    assert isinstance(manager, QComboBox)
    assert isinstance(l2, QCheckBox)
    assert floor.itemData(0) == ""  # not required: an empty choice first
    for box, value in ((floor, "P2"), (manager, str(me.technician_id))):
        index = box.findData(value)
        assert index > 0
        box.setCurrentIndex(index)
        box.activated.emit(index)
    l2.setFocus()
    qtbot.keyClick(l2, Qt.Key.Key_Space)
    assert l2.isChecked()
    contacts = page.editor.tables["contacts"].model
    row = contacts.add_row()
    assert contacts.setData(_cell(contacts, row, "contact"), str(contact_id))
    assert contacts.data(_cell(contacts, row, "contact")) == "Marie Dubois"
    with qtbot.waitSignal(view.section_saved, timeout=3000):
        qtbot.mouseClick(page.save_button, LEFT)
    saved = service.saved_data(client_id, "vip")
    assert saved is not None
    assert saved["priority_floor"] == "P2"
    assert saved["direct_to_l2"] is True
    assert saved["account_manager"] == me.technician_id
    assert [r["contact"] for r in saved["contacts"]] == [contact_id]

    again = make_view(me.technician_id, client_id).pages["vip"]
    assert again.editor.widget("priority_floor").currentData() == "P2"
    assert again.editor.widget("account_manager").currentText() == "Alice Martin"
    assert again.editor.widget("direct_to_l2").isChecked()
    again_contacts = again.editor.tables["contacts"].model
    assert again_contacts.data(_cell(again_contacts, 0, "contact")) == "Marie Dubois"


def test_a_reload_never_overwrites_unsaved_typing(
    qtbot,
    view: OnboardingView,
    db: Database,
    notifier: ChangeNotifier,
    service: OnboardingService,
    client_id: int,
) -> None:
    _type(qtbot, _line(view, "company", "legal_name"), "Mine")
    bob = add_technician(db, "Bob Stone")
    service.save_section(
        client_id, "company", {"legal_name": "Theirs", "main_phone": "1234"}, None, bob
    )
    service.save_section(client_id, "knowledge", {"supported": "Office"}, None, bob)
    notifier.announce(Changes("client", frozenset({client_id})))
    assert _line(view, "company", "legal_name").text() == "Mine"
    assert "Someone saved this section since" in view.pages["company"].draft_note.text()
    knowledge = view.pages["knowledge"].editor.widget("supported")
    assert isinstance(knowledge, QPlainTextEdit)
    assert knowledge.toPlainText() == "Office"
    assert view.section_model.marker("knowledge") is Marker.SAVED
    # Another client's change is not ours.
    service.save_section(client_id, "knowledge", {"supported": "More"}, 1, bob)
    notifier.announce(Changes("client", frozenset({client_id + 1000})))
    assert knowledge.toPlainText() == "Office"


def test_discard_draft_shows_the_saved_data(
    qtbot, view: OnboardingView, service: OnboardingService, client_id: int
) -> None:
    _type(qtbot, _line(view, "company", "legal_name"), "Scratch")
    view.flush_drafts()
    assert service.form(client_id).sections["company"].draft is not None
    page = view.pages["company"]
    qtbot.mouseClick(page.discard_button, LEFT)
    assert _line(view, "company", "legal_name").text() == ""
    assert service.form(client_id).sections["company"].draft is None
    assert view.section_model.marker("company") is Marker.NOT_STARTED


def test_the_models_pass_the_model_tester(qtmodeltester) -> None:
    model = RowTableModel(SECTIONS[0].table("sites"))
    model.insert_values(0, [["HQ", "Dok 1", "Gent", "BE", "Europe/Brussels"], ["Depot"]])
    model.set_problems({(1, "timezone"): "required"})
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    sections = SectionListModel()
    sections.set_marker("company", Marker.SAVED)
    qtmodeltester.check(sections, force_py=True)
    qtmodeltester.check(sections)


def test_removing_rows_keeps_each_problem_on_its_row() -> None:
    model = RowTableModel(SECTIONS[0].table("sites"))
    model.insert_values(0, [["A"], ["B"], ["C"]])
    model.set_problems({(2, "timezone"): "unknown_timezone"})
    model.remove_rows([0])
    assert model.data(model.index(1, 4), ProblemRole) == "unknown_timezone"
    assert model.data(model.index(0, 4), ProblemRole) == ""


def test_the_clients_view_gets_an_onboarding_tab(
    qtbot, directory, runner, notifier, service: OnboardingService, me
) -> None:
    from app.views.clients import ClientsView

    without = ClientsView(directory, runner, notifier)
    qtbot.addWidget(without)
    assert without.onboarding_view is None
    clients = ClientsView(directory, runner, notifier, onboarding=service, me_id=me.technician_id)
    qtbot.addWidget(clients)
    assert clients.onboarding_view is not None
    assert clients.tabs.indexOf(clients.onboarding_view) >= 0
    assert clients.tabs.tabText(clients.tabs.indexOf(clients.onboarding_view)) == "Onboarding"
