"""ClientsView against real services on both backends, driven like a user with pytest-qt."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtCore import Qt

from app.db import Changes, Database
from app.models import Client, Contact
from app.models.enums import ClientStatus, Status
from app.services.directory import ClientRow, DirectoryService
from app.tasks import ChangeNotifier, Lane, TaskRunner
from tests.factories import T0, add_client, add_contact, add_site, add_ticket
from tests.fakes import HeldExecutor, InlineExecutor

from app.views.clients import ClientsView
from app.views.clients.client_models import CHECK_MARK, ClientTableModel, ContactTableModel

NAME = ClientTableModel.Col.NAME


def _client(db: Database, name: str, code: str, *, notes: str = "", phone: str = "") -> int:
    with db.write() as s:
        c = Client(
            name=name,
            code=code,
            status=ClientStatus.LIVE,
            timezone="Europe/Brussels",
            phone=phone,
            notes=notes,
            created_at=T0,
        )
        s.add(c)
        s.flush()
        return c.id


@pytest.fixture
def clients(db: Database) -> dict[str, int]:
    """Three clients; Acme has two sites, three contacts (one VIP) and two open tickets."""
    ids = {
        "acme": _client(db, "Acme Logistics", "ACME", notes="Ask for Marie.", phone="+32 9 1"),
        "bakery": _client(db, "Bäckerei Müller", "MUEL"),
        "northwind": _client(db, "Northwind Dental", "NWD"),
    }
    acme = ids["acme"]
    head_office = add_site(db, acme, "Head office")
    add_site(db, acme, "Depot")
    with db.write() as s:
        s.add(
            Contact(
                client_id=acme,
                site_id=head_office,
                name="Marie Dubois",
                email="marie@acme.example",
                job_title="Managing director",
                vip=True,
                escalation_contact=True,
            )
        )
    add_contact(db, acme, "Jan Peeters")
    add_contact(db, acme, "Anna Adams")
    add_contact(db, ids["bakery"], "Hans Müller")
    add_ticket(db, acme, status=Status.NEW)
    add_ticket(db, acme, status=Status.IN_PROGRESS)
    add_ticket(db, acme, status=Status.CLOSED)
    return ids


@pytest.fixture
def view(qtbot, directory: DirectoryService, runner: TaskRunner, notifier: ChangeNotifier):
    w = ClientsView(directory, runner, notifier)
    qtbot.addWidget(w)
    w.resize(1100, 500)
    return w


def _names(view: ClientsView) -> list[object]:
    m = view.client_model
    return [m.data(m.index(r, NAME)) for r in range(m.rowCount())]


def _column(model: Any, col: int) -> list[object]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def _click_client(qtbot, view: ClientsView, name: str) -> None:
    row = _names(view).index(name)
    rect = view.client_table.visualRect(view.client_model.index(row, NAME))
    qtbot.mouseClick(view.client_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# --- list -------------------------------------------------------------------------------------


def test_the_list_loads_when_first_shown(qtbot, view: ClientsView, clients: dict[str, int]) -> None:
    assert view.client_model.rowCount() == 0
    view.show()
    qtbot.waitExposed(view)

    assert _names(view) == ["Acme Logistics", "Bäckerei Müller", "Northwind Dental"]
    assert _column(view.client_model, ClientTableModel.Col.OPEN_TICKETS) == ["2", "0", "0"]
    assert _column(view.client_model, ClientTableModel.Col.CODE) == ["ACME", "MUEL", "NWD"]


def test_the_list_uses_the_read_lane(
    qtbot, directory: DirectoryService, notifier: ChangeNotifier, clients: dict[str, int]
) -> None:
    lanes = {lane: InlineExecutor() for lane in Lane}
    runner = TaskRunner(executors=lanes)
    try:
        w = ClientsView(directory, runner, notifier)
        qtbot.addWidget(w)
        w.reload()
        assert (lanes[Lane.READ].submitted, lanes[Lane.WRITE].submitted) == (1, 0)
    finally:
        runner.shutdown()


def test_an_empty_database_says_there_are_no_clients(qtbot, view: ClientsView) -> None:
    view.show()
    assert view.client_model.rowCount() == 0
    assert view.list_message.isVisible()
    assert view.list_message.text() == "There are no clients yet."


# --- selecting --------------------------------------------------------------------------------


def test_clicking_a_client_shows_its_header_contacts_and_sites(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    qtbot.waitExposed(view)
    assert not view.contact_table.isVisible()

    with qtbot.waitSignal(view.client_selected, timeout=1000) as selected:
        _click_client(qtbot, view, "Acme Logistics")

    assert selected.args == [clients["acme"]]
    assert view.current_client_id() == clients["acme"]
    assert view.name_label.text() == "Acme Logistics"
    assert view.code_label.text() == "ACME"
    assert view.status_badge.text() == "Live"
    assert view.phone_label.text() == "+32 9 1"
    assert view.timezone_label.text() == "Europe/Brussels"
    assert view.notes_label.text() == "Ask for Marie."
    assert view.contact_table.isVisible()
    contacts = view.contact_model
    assert _column(contacts, ContactTableModel.Col.NAME) == [
        "Anna Adams",
        "Jan Peeters",
        "Marie Dubois",
    ]
    assert _column(contacts, ContactTableModel.Col.VIP) == ["", "", CHECK_MARK]
    assert _column(contacts, ContactTableModel.Col.ESCALATION) == ["", "", CHECK_MARK]
    assert _column(contacts, ContactTableModel.Col.SITE) == ["", "", "Head office"]
    assert _column(contacts, ContactTableModel.Col.JOB_TITLE)[2] == "Managing director"
    assert _column(view.site_model, 0) == ["Depot", "Head office"]
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["Contacts", "Sites"]


def test_selecting_another_client_replaces_the_detail(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    _click_client(qtbot, view, "Acme Logistics")

    with qtbot.waitSignal(view.client_selected, timeout=1000) as selected:
        _click_client(qtbot, view, "Bäckerei Müller")

    assert selected.args == [clients["bakery"]]
    assert view.name_label.text() == "Bäckerei Müller"
    assert _column(view.contact_model, 0) == ["Hans Müller"]
    assert view.site_model.rowCount() == 0
    assert view.phone_label.text() == "—"
    assert not view.notes_label.isVisible()


def test_the_keyboard_moves_the_selection(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    _click_client(qtbot, view, "Acme Logistics")

    with qtbot.waitSignal(view.client_selected, timeout=1000) as selected:
        qtbot.keyClick(view.client_table, Qt.Key.Key_Down)

    assert selected.args == [clients["bakery"]]


def test_select_client_selects_the_row(qtbot, view: ClientsView, clients: dict[str, int]) -> None:
    view.show()
    with qtbot.waitSignal(view.client_selected, timeout=1000) as selected:
        view.select_client(clients["northwind"])

    assert selected.args == [clients["northwind"]]
    assert view.client_table.currentIndex().row() == 2
    assert view.name_label.text() == "Northwind Dental"


def test_select_client_before_the_list_is_loaded(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    with qtbot.waitSignal(view.client_selected, timeout=1000):
        view.select_client(clients["bakery"])
    assert view.current_client_id() == clients["bakery"]
    assert _names(view)[view.client_table.currentIndex().row()] == "Bäckerei Müller"


def test_select_client_clears_a_search_that_hides_it(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    qtbot.keyClicks(view.search_box, "acme")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert _names(view) == ["Acme Logistics"]

    with qtbot.waitSignal(view.client_selected, timeout=1000):
        view.select_client(clients["northwind"])

    assert view.search_box.text() == ""
    assert len(_names(view)) == 3
    assert view.name_label.text() == "Northwind Dental"


def test_selecting_an_unknown_client_changes_nothing(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    view.select_client(clients["acme"])
    with qtbot.assertNotEmitted(view.client_selected):
        view.select_client(999_999)
    assert view.current_client_id() == clients["acme"]


# --- search -----------------------------------------------------------------------------------


def test_typing_filters_the_list_after_a_pause(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    # ASCII only: QTest.keyClicks aborts the process on characters outside ASCII.
    qtbot.keyClicks(view.search_box, "ckerei")

    # Debounced: nothing is queried per keystroke.
    assert len(_names(view)) == 3
    qtbot.waitUntil(lambda: _names(view) == ["Bäckerei Müller"], timeout=2000)


def test_return_searches_at_once_and_codes_match_too(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    qtbot.keyClicks(view.search_box, "nwd")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert _names(view) == ["Northwind Dental"]


def test_a_search_without_matches_says_so_and_clears_the_detail(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    _click_client(qtbot, view, "Acme Logistics")

    qtbot.keyClicks(view.search_box, "zzz")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)

    assert _names(view) == []
    assert view.list_message.text() == "No client matches this search."
    assert view.current_client_id() is None
    assert view.placeholder.isVisible()


def test_the_selection_survives_a_search_that_keeps_the_client(
    qtbot, view: ClientsView, clients: dict[str, int]
) -> None:
    view.show()
    _click_client(qtbot, view, "Northwind Dental")

    with qtbot.assertNotEmitted(view.client_selected):
        qtbot.keyClicks(view.search_box, "n")
        qtbot.keyClick(view.search_box, Qt.Key.Key_Return)

    assert _names(view) == ["Northwind Dental"]  # "n" is in no other name or code
    assert view.client_table.currentIndex().row() == 0
    assert view.name_label.text() == "Northwind Dental"


def test_only_the_latest_search_is_shown(
    qtbot, directory: DirectoryService, notifier: ChangeNotifier, clients: dict[str, int]
) -> None:
    read = HeldExecutor()
    runner = TaskRunner(executors={Lane.READ: read, Lane.WRITE: InlineExecutor()})
    try:
        w = ClientsView(directory, runner, notifier)
        qtbot.addWidget(w)
        w.search_box.setText("acme")
        w.reload()
        w.search_box.setText("nwd")
        w.reload()
        assert w.client_model.rowCount() == 0  # nothing has come back yet

        read.release_all()

        assert _names(w) == ["Northwind Dental"]
    finally:
        runner.shutdown()


# --- refreshing -------------------------------------------------------------------------------


def test_a_client_change_reloads_the_list_and_the_shown_client(
    qtbot, db: Database, view: ClientsView, notifier: ChangeNotifier, clients: dict[str, int]
) -> None:
    view.show()
    view.select_client(clients["acme"])
    new_id = add_client(db, "Zeta Zoning")
    add_contact(db, clients["acme"], "Bert Brand", vip=True)

    notifier.announce(Changes("client", frozenset({clients["acme"], new_id})))

    assert _names(view)[-1] == "Zeta Zoning"
    assert "Bert Brand" in _column(view.contact_model, ContactTableModel.Col.NAME)
    assert view.current_client_id() == clients["acme"]


def test_ticket_changes_refresh_the_open_ticket_counts(
    qtbot, db: Database, view: ClientsView, notifier: ChangeNotifier, clients: dict[str, int]
) -> None:
    view.show()
    ticket_id = add_ticket(db, clients["northwind"])

    notifier.announce(Changes("ticket", frozenset({ticket_id})))

    assert _column(view.client_model, ClientTableModel.Col.OPEN_TICKETS) == ["2", "0", "1"]


def test_unrelated_changes_are_ignored(
    qtbot, db: Database, view: ClientsView, notifier: ChangeNotifier, clients: dict[str, int]
) -> None:
    view.show()
    add_client(db, "Zeta Zoning")

    notifier.announce(Changes("technician", frozenset({1})))

    assert "Zeta Zoning" not in _names(view)


def test_everything_changed_reloads(
    qtbot, db: Database, view: ClientsView, notifier: ChangeNotifier, clients: dict[str, int]
) -> None:
    view.show()
    add_client(db, "Zeta Zoning")
    notifier.announce(Changes("*"))
    assert "Zeta Zoning" in _names(view)


def test_a_hidden_view_reloads_when_shown_again(
    qtbot, db: Database, view: ClientsView, notifier: ChangeNotifier, clients: dict[str, int]
) -> None:
    view.show()
    view.select_client(clients["acme"])
    view.hide()
    add_client(db, "Zeta Zoning")
    add_contact(db, clients["acme"], "Bert Brand")
    notifier.announce(Changes("client"))
    assert "Zeta Zoning" not in _names(view)  # no query while nobody looks

    view.show()

    assert "Zeta Zoning" in _names(view)
    assert "Bert Brand" in _column(view.contact_model, ContactTableModel.Col.NAME)


def test_a_client_deleted_elsewhere_disappears(
    qtbot, db: Database, view: ClientsView, notifier: ChangeNotifier
) -> None:
    doomed = _client(db, "Doomed Ltd", "DOOM")
    _client(db, "Staying Ltd", "STAY")
    view.show()
    view.select_client(doomed)
    with db.write() as s:
        s.delete(s.get_one(Client, doomed))

    notifier.announce(Changes("client", frozenset({doomed})))

    assert _names(view) == ["Staying Ltd"]
    assert view.current_client_id() is None
    assert view.placeholder.isVisible()


def test_a_failed_load_says_so(
    qtbot, db: Database, runner: TaskRunner, notifier: ChangeNotifier
) -> None:
    class BrokenDirectory(DirectoryService):
        def clients(self, text: str = "") -> list[ClientRow]:
            raise OSError("disk on fire")

    w = ClientsView(BrokenDirectory(db), runner, notifier)
    qtbot.addWidget(w)
    w.show()

    assert w.list_message.isVisible()
    assert w.list_message.text() == "The clients could not be loaded. Try again later."
