"""LookupEdit: debounced type-ahead over a service search, selection by id."""

from __future__ import annotations

import threading

import pytest

from PySide6.QtCore import Qt

from app.services.directory import ClientRow, ContactRow
from app.tasks import Lane, TaskRunner
from tests.factories import add_client, add_contact
from tests.fakes import HeldExecutor

from app.views.tickets.field_labels import client_item, contact_item
from app.views.widgets.lookup_edit import DEBOUNCE_MS, ItemIdRole, LookupEdit, LookupItem


class Recorder:
    """A search function that records its calls and answers from a fixed list."""

    def __init__(self, items: list[LookupItem]) -> None:
        self.items = items
        self.calls: list[str] = []

    def __call__(self, text: str) -> list[LookupItem]:
        self.calls.append(text)
        return [i for i in self.items if text.casefold() in i.text.casefold()]


ITEMS = [
    LookupItem(1, "Contoso Ltd", "CON"),
    LookupItem(2, "Contoso Pharma", "CPH"),
    LookupItem(3, "Fabrikam", "FAB"),
]


@pytest.fixture
def edit(qtbot, runner) -> LookupEdit:
    widget = LookupEdit(runner)
    qtbot.addWidget(widget)
    return widget


def test_typing_searches_once_after_a_pause(qtbot, edit):
    search = Recorder(ITEMS)
    edit.set_source(search)
    qtbot.keyClicks(edit, "conto")
    assert search.calls == []  # debounced: nothing yet
    with qtbot.waitSignal(edit.suggestions_changed, timeout=DEBOUNCE_MS * 10):
        pass
    assert search.calls == ["conto"]
    assert [i.item_id for i in edit.suggestions()] == [1, 2]
    assert edit.selected_id() is None


def test_choosing_a_suggestion_selects_its_id(qtbot, edit):
    edit.set_source(Recorder(ITEMS))
    qtbot.keyClicks(edit, "pharma")
    edit.search_now()
    with qtbot.waitSignal(edit.selection_changed, timeout=1000) as signal:
        edit.choose_suggestion(0)
    assert signal.args == [2]
    assert edit.selected_id() == 2
    assert edit.text() == "Contoso Pharma"


def test_editing_the_text_away_from_the_choice_clears_the_id(qtbot, edit):
    edit.set_source(Recorder(ITEMS))
    edit.set_selection(ITEMS[0])
    assert edit.selected_id() == 1
    with qtbot.waitSignal(edit.selection_changed, timeout=1000) as signal:
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert signal.args == [None]
    assert edit.selected_id() is None
    assert edit.text() == "Contoso Lt"


def test_the_completer_activation_picks_the_exact_row(qtbot, edit):
    twins = [LookupItem(10, "John Smith", "Sales"), LookupItem(11, "John Smith", "IT")]
    edit.set_source(Recorder(twins))
    qtbot.keyClicks(edit, "john")
    edit.search_now()
    completion = edit.popup().model()
    second = completion.index(1, 0)
    assert second.data(ItemIdRole) == 11
    assert second.data(Qt.ItemDataRole.DisplayRole) == "John Smith  —  IT"
    edit.popup().clicked.emit(second)  # what a click in the list does
    assert edit.selected_id() == 11
    assert not edit.popup().isVisible()


def test_the_keyboard_opens_the_list_and_picks_from_it(qtbot, edit):
    edit.set_source(Recorder(ITEMS))
    edit.show()
    edit.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    qtbot.keyClicks(edit, "contoso")
    with qtbot.waitSignal(edit.suggestions_changed, timeout=DEBOUNCE_MS * 10):
        pass
    assert edit.popup().isVisible()  # results arriving while typing open the list
    with qtbot.waitSignal(edit.selection_changed, timeout=1000) as signal:
        qtbot.keyClick(edit.popup(), Qt.Key.Key_Down)
        qtbot.keyClick(edit.popup(), Qt.Key.Key_Return)
    assert signal.args == [1]
    assert edit.text() == "Contoso Ltd"  # Down moves onto the first suggestion
    assert not edit.popup().isVisible()


def test_typing_a_suggestion_exactly_and_leaving_selects_it(qtbot, edit):
    edit.set_source(Recorder(ITEMS))
    qtbot.keyClicks(edit, "fabrikam")
    edit.search_now()
    edit.editingFinished.emit()
    assert edit.selected_id() == 3
    assert edit.text() == "Fabrikam"


def test_an_ambiguous_text_does_not_select(qtbot, edit):
    edit.set_source(Recorder([LookupItem(1, "Acme", ""), LookupItem(2, "acme", "")]))
    qtbot.keyClicks(edit, "ACME")
    edit.search_now()
    edit.editingFinished.emit()
    assert edit.selected_id() is None


def test_too_short_text_clears_suggestions_without_searching(qtbot, runner):
    edit = LookupEdit(runner, min_chars=2)
    qtbot.addWidget(edit)
    search = Recorder(ITEMS)
    edit.set_source(search)
    qtbot.keyClicks(edit, "co")
    edit.search_now()
    assert len(edit.suggestions()) == 2
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    edit.search_now()
    assert edit.suggestions() == []
    assert search.calls == ["co"]


def test_a_search_not_yet_started_is_cancelled_by_a_newer_one(qtbot):
    held = HeldExecutor()
    runner = TaskRunner(executors={Lane.READ: held})
    edit = LookupEdit(runner)
    qtbot.addWidget(edit)
    search = Recorder(ITEMS)
    edit.set_source(search)
    edit.setText("con")
    edit.search_now()
    edit.setText("fab")
    edit.search_now()
    held.release(1)
    held.release(0)
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=1000)
    assert search.calls == ["fab"]
    assert [i.item_id for i in edit.suggestions()] == [3]
    runner.shutdown()


def test_an_answer_to_an_older_search_is_dropped(qtbot):
    gate, started = threading.Event(), threading.Event()
    recorder = Recorder(ITEMS)

    def slow_first(text: str) -> list[LookupItem]:
        if text == "con":
            started.set()
            gate.wait(5)  # still running when the newer search is submitted
        return recorder(text)

    runner = TaskRunner()  # real worker threads
    edit = LookupEdit(runner)
    qtbot.addWidget(edit)
    edit.set_source(slow_first)
    edit.setText("con")
    edit.search_now()
    assert started.wait(5)
    edit.setText("fab")
    edit.search_now()
    qtbot.waitUntil(lambda: [i.item_id for i in edit.suggestions()] == [3], timeout=2000)
    gate.set()
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=2000)
    assert sorted(recorder.calls) == ["con", "fab"]
    assert [i.item_id for i in edit.suggestions()] == [3]
    runner.shutdown()


def test_a_failing_search_is_reported(qtbot, edit):
    def broken(text: str) -> list[LookupItem]:
        raise OSError("server gone")

    edit.set_source(broken)
    edit.setText("x")
    with qtbot.waitSignal(edit.search_failed, timeout=1000) as signal:
        edit.search_now()
    assert isinstance(signal.args[0], OSError)
    assert edit.suggestions() == []


def test_set_selection_none_clears(qtbot, edit):
    edit.set_selection(ITEMS[2])
    with qtbot.waitSignal(edit.selection_changed, timeout=1000) as signal:
        edit.set_selection(None)
    assert signal.args == [None]
    assert edit.text() == ""


def test_finds_clients_by_partial_name_in_the_database(qtbot, edit, db, directory):
    wanted = add_client(db, "Northwind Traders")
    add_client(db, "Contoso Ltd")
    edit.set_source(directory.search_clients, client_item)
    qtbot.keyClicks(edit, "wind")
    with qtbot.waitSignal(edit.suggestions_changed, timeout=DEBOUNCE_MS * 10):
        pass
    assert [(i.item_id, i.text) for i in edit.suggestions()] == [(wanted, "Northwind Traders")]


def test_contact_suggestions_mark_vips(qtbot, edit, db, directory):
    client = add_client(db, "Northwind Traders")
    vip = add_contact(db, client, "Nancy Davolio", vip=True, email="nancy@northwind.example")
    add_contact(db, client, "Andrew Fuller")
    edit.set_source(lambda text: directory.search_contacts(client, text), contact_item)
    edit.setText("a")
    edit.search_now()
    items = {i.item_id: i for i in edit.suggestions()}
    assert items[vip].emphasised
    assert "VIP" in items[vip].detail
    assert "nancy@northwind.example" in items[vip].detail
    model = edit.popup().model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ItemIdRole) == vip)
    font = model.index(row, 0).data(Qt.ItemDataRole.FontRole)
    assert font.bold()


def test_presenters_word_rows_on_the_gui_thread():
    from app.models.enums import ClientStatus

    client = ClientRow(5, "Acme", "ACM", ClientStatus.LIVE, "Europe/Brussels", "")
    assert client_item(client) == LookupItem(5, "Acme", "ACM")
    plain = ContactRow(6, 5, None, "Bo", "", "+32 9 000", "", False, False, False, True)
    assert contact_item(plain) == LookupItem(6, "Bo", "+32 9 000", emphasised=False)
