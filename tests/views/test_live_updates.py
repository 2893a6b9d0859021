"""Two technicians on one database: what one saves shows up, live, in the other's app.

Technician A runs the main window with a real threaded `TaskRunner` and a started
`ExternalChangeWatcher` (PRAGMA data_version polling on SQLite, LISTEN/NOTIFY on PostgreSQL).
Technician B is a second app: a `Core` of its own, with its own engine, on the same database.
The data is committed (a database of the test's own), never the rolled-back `db` fixture.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.bootstrap import Core, build_core
from app.change_watcher import ExternalChangeWatcher
from app.models.enums import Priority, SourceChannel, Status, TicketType, Tier
from app.services.directory import TechnicianRow
from app.services.errors import ConcurrentEditError
from app.services.ticket_queue import SavedQueue
from app.services.tickets import TicketFields
from app.settings import Settings
from app.tasks import ChangeNotifier, Lane, TaskRunner
from tests.factories import add_client, add_contact, add_technician, add_ticket
from tests.fakes import CountingOpener, InlineExecutor

from app.views.main_window import MainWindow
from app.views.tickets.conflict_dialog import ConflictChoice, conflict_text
from app.views.tickets.queue_model import Col
from app.views.tickets.saved_queues import COUNTED_QUEUES
from app.views.tickets.ticket_dialog import TicketDialog

#: "Within a few seconds": SQLite is polled once a second, saved-queue counts wait 0.5 s more.
LIVE_MS = 5_000
#: For what needs no other app (a local load or save on a real thread).
LOCAL_MS = 5_000

ALICE_EMAIL = "alice@test.msp"
BOB = "Bob Stone"


@dataclass(frozen=True)
class World:
    """Committed data both apps see."""

    alice: TechnicianRow
    bob_id: int
    client_id: int
    #: Alice's P3 ticket that B edits.
    printer: int
    #: Alice's second ticket, left alone.
    laptop: int
    #: An unassigned L1 ticket that B takes.
    unassigned: int


class HeldExecutor(Executor):
    """Holds each call until the test releases it, then runs it on a thread of its own.

    The result then reaches the GUI thread as a queued signal, as from a pool worker, and waits
    in the event queue until the GUI thread processes events: the test decides the interleaving.
    """

    def __init__(self) -> None:
        self._pending: deque[tuple[Callable[[], Any], Future[Any]]] = deque()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self._pending.append((partial(fn, *args, **kwargs), future))
        return future

    @property
    def pending(self) -> int:
        return len(self._pending)

    def run_next(self) -> None:
        """Run the oldest held call to completion on another thread; its delivery is queued."""
        call, future = self._pending.popleft()

        def work() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(call())
            except BaseException as error:
                future.set_exception(error)

        worker = threading.Thread(target=work, name="held-executor")
        worker.start()
        worker.join(LOCAL_MS / 1000)
        assert not worker.is_alive(), "a held call did not finish"

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        while self._pending:
            self._pending.popleft()[1].cancel()


@pytest.fixture
def core_a(fresh_db_url: str, tmp_path: Path) -> Iterator[Core]:
    """Technician A's app core; it creates and migrates the database."""
    core = build_core(fresh_db_url, tmp_path / "a")
    yield core
    core.close()


@pytest.fixture
def core_b(fresh_db_url: str, core_a: Core, tmp_path: Path) -> Iterator[Core]:
    """Technician B's app core: its own engine and services on the same database."""
    core = build_core(fresh_db_url, tmp_path / "b")
    yield core
    core.close()


@pytest.fixture
def world(core_a: Core) -> World:
    db = core_a.db
    alice_id = add_technician(db, "Alice Martin", tier=Tier.L1, email=ALICE_EMAIL)
    bob_id = add_technician(db, BOB, tier=Tier.L2, email="bob@test.msp")
    client = add_client(db, "Northwind Traders")
    contact = add_contact(db, client, "Nancy Davolio")
    printer = add_ticket(
        db, client, subject="Printer offline", assignee_id=alice_id, contact_id=contact
    )
    laptop = add_ticket(db, client, subject="New starter laptop", assignee_id=alice_id)
    unassigned = add_ticket(db, client, subject="Shared mailbox missing", tier=Tier.L1)
    alice = next(t for t in core_a.directory.lookups().technicians if t.email == ALICE_EMAIL)
    return World(alice, bob_id, client, printer, laptop, unassigned)


@dataclass
class Desk:
    """Technician A's running app."""

    core: Core
    runner: TaskRunner
    notifier: ChangeNotifier
    watcher: ExternalChangeWatcher
    window: MainWindow


@pytest.fixture
def make_watcher(qtbot) -> Iterator[Callable[[Core, ChangeNotifier], ExternalChangeWatcher]]:
    """Starts A's change watcher (the app's own settings) and waits until it watches."""
    made: list[ExternalChangeWatcher] = []

    def make(core: Core, notifier: ChangeNotifier) -> ExternalChangeWatcher:
        opener = CountingOpener(core.db.open_change_watcher)
        watcher = ExternalChangeWatcher(opener, notifier)
        made.append(watcher)
        watcher.start()
        # Only commits after this are reported, so B must not write before it.
        qtbot.waitUntil(lambda: opener.opened == 1, timeout=LOCAL_MS)
        return watcher

    yield make
    for watcher in made:
        assert watcher.stop(), "the change watcher thread did not stop"


@pytest.fixture
def desk(qtbot, core_a: Core, world: World, tmp_path: Path, make_watcher) -> Iterator[Desk]:
    """A's main window on "All open", wired as `app/application.py` wires it."""
    settings = Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    settings.ui_state.last_queue = SavedQueue.ALL_OPEN.value
    runner = TaskRunner()
    notifier = ChangeNotifier()
    window = MainWindow(core_a, runner, notifier, settings, world.alice)
    qtbot.addWidget(window)
    watcher = make_watcher(core_a, notifier)
    watcher.connection_lost.connect(window.connection_lost)
    watcher.connection_restored.connect(window.connection_restored)
    window.show()
    model = window.queue_view.model
    qtbot.waitUntil(
        lambda: all(model.is_loaded(t) for t in (world.printer, world.laptop, world.unassigned)),
        timeout=LOCAL_MS,
    )
    yield Desk(core_a, runner, notifier, watcher, window)
    # pytest-qt has closed the window by now; what is still queued is dropped.
    assert runner.shutdown(), "a task was still running at teardown"


def _stub_questions(dialog: TicketDialog, monkeypatch) -> None:
    """Any modal question fails the test, except "discard?" when teardown closes the dialog."""

    def unexpected(*args: object) -> object:
        raise AssertionError(f"unexpected question {args!r}")

    monkeypatch.setattr(dialog, "_ask_conflict", unexpected)
    monkeypatch.setattr(dialog, "_ask_compare", unexpected)
    monkeypatch.setattr(dialog, "_ask_unsaved", lambda: QMessageBox.StandardButton.Discard)


def _open_in_window(qtbot, desk: Desk, ticket_id: int, monkeypatch) -> TicketDialog:
    dialog = desk.window.open_ticket(ticket_id)
    _stub_questions(dialog, monkeypatch)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=LOCAL_MS)
    return dialog


def _shown(desk: Desk, ticket_id: int, col: Col) -> object:
    """What A's queue shows for the ticket in that column, or None if it is not listed."""
    model = desk.window.queue_view.model
    row = model.row_of(ticket_id)
    return None if row is None else model.index(row, col).data()


def _counts(desk: Desk) -> dict[SavedQueue, int | None]:
    model = desk.window.saved_queues.model
    return {q: model.count_of(q) for q in COUNTED_QUEUES}


def _b_edits(core_b: Core, world: World, ticket_id: int, **changes: Any) -> int:
    """B saves `changes` on the ticket as stored now; returns the new version."""
    stored = core_b.tickets.get(ticket_id)
    saved = core_b.tickets.update(
        ticket_id, stored.version, replace(stored.fields, **changes), world.bob_id
    )
    return saved.detail.version


# -- the queue ---------------------------------------------------------------------------------


def test_a_colleagues_edit_and_new_ticket_reach_the_queue_and_the_counts(
    qtbot, desk: Desk, core_b: Core, world: World
) -> None:
    alice_id = world.alice.technician_id
    before = core_b.queue.saved_queue_counts(alice_id, COUNTED_QUEUES)
    qtbot.waitUntil(lambda: _counts(desk) == before, timeout=LOCAL_MS)
    assert _shown(desk, world.printer, Col.STATUS) == "New"

    _b_edits(
        core_b,
        world,
        world.printer,
        subject="Printer offline: toner error",
        status=Status.IN_PROGRESS,
    )
    _b_edits(core_b, world, world.unassigned, assignee_id=world.bob_id)
    created = core_b.tickets.create(
        TicketFields(
            client_id=world.client_id,
            contact_id=None,
            type=TicketType.INCIDENT,
            category="",
            priority=Priority.P2,
            source=SourceChannel.PHONE,
            subject="VPN down for the whole office",
            assignee_id=alice_id,
        ),
        world.bob_id,
    )
    new_id = created.detail.ticket_id
    after = core_b.queue.saved_queue_counts(alice_id, COUNTED_QUEUES)
    # My open +1, unassigned L1 -1, P1/P2 +1: the counts must move for this test to mean anything.
    assert after[SavedQueue.MY_OPEN] == before[SavedQueue.MY_OPEN] + 1
    assert after[SavedQueue.UNASSIGNED_L1] == before[SavedQueue.UNASSIGNED_L1] - 1
    assert after[SavedQueue.OPEN_P1_P2] == before[SavedQueue.OPEN_P1_P2] + 1

    qtbot.waitUntil(
        lambda: _shown(desk, world.printer, Col.SUBJECT) == "Printer offline: toner error",
        timeout=LIVE_MS,
    )
    qtbot.waitUntil(
        lambda: _shown(desk, world.printer, Col.STATUS) == "In progress", timeout=LIVE_MS
    )
    qtbot.waitUntil(lambda: _shown(desk, world.unassigned, Col.ASSIGNEE) == BOB, timeout=LIVE_MS)
    qtbot.waitUntil(
        lambda: _shown(desk, new_id, Col.SUBJECT) == "VPN down for the whole office",
        timeout=LIVE_MS,
    )
    qtbot.waitUntil(lambda: _counts(desk) == after, timeout=LIVE_MS)
    qtbot.waitUntil(
        lambda: desk.window.queue_view.count_label.text() == "4 tickets", timeout=LIVE_MS
    )
    assert desk.window.banner.isHidden()


# NOTIFY names the ticket, so the queue re-reads just that row (SQLite's "*" reloads the page,
# where a query generation already drops stale pages).
@pytest.mark.parametrize(
    "fresh_db_url", [pytest.param("postgresql", marks=pytest.mark.postgresql)], indirect=True
)
def test_row_refreshes_that_finish_out_of_order_keep_the_newest_row(
    qtbot, desk: Desk, core_b: Core, world: World, monkeypatch
) -> None:
    """Two quick saves by B: the first save's row read finishes last; it must not win."""
    read_first = threading.Event()
    let_first_finish = threading.Event()
    original = desk.core.queue.rows_by_id
    calls = 0

    def rows_by_id(ticket_ids: Any) -> Any:
        nonlocal calls
        calls += 1
        rows = original(ticket_ids)
        if calls == 1:
            read_first.set()
            assert let_first_finish.wait(LIVE_MS / 1000)
        return rows

    monkeypatch.setattr(desk.core.queue, "rows_by_id", rows_by_id)

    _b_edits(core_b, world, world.printer, subject="Printer offline: first look")
    qtbot.waitUntil(read_first.is_set, timeout=LIVE_MS)
    _b_edits(core_b, world, world.printer, subject="Printer offline: toner error")
    qtbot.waitUntil(
        lambda: _shown(desk, world.printer, Col.SUBJECT) == "Printer offline: toner error",
        timeout=LIVE_MS,
    )
    let_first_finish.set()
    qtbot.waitUntil(lambda: not desk.runner.is_busy(), timeout=LIVE_MS)

    assert calls == 2
    assert _shown(desk, world.printer, Col.SUBJECT) == "Printer offline: toner error"


# -- an open ticket ----------------------------------------------------------------------------


def test_an_open_ticket_without_edits_follows_a_colleagues_save(
    qtbot, desk: Desk, core_b: Core, world: World, monkeypatch
) -> None:
    dialog = _open_in_window(qtbot, desk, world.printer, monkeypatch)
    form = dialog.editor.form
    assert form.subject.text() == "Printer offline"

    version = _b_edits(
        core_b,
        world,
        world.printer,
        subject="Printer offline: toner error",
        status=Status.IN_PROGRESS,
        priority=Priority.P2,
    )

    qtbot.waitUntil(lambda: form.subject.text() == "Printer offline: toner error", timeout=LIVE_MS)
    assert form.status.currentText() == "In progress"
    assert form.priority.currentText() == "P2 High"
    detail = dialog.detail()
    assert detail is not None
    assert detail.version == version
    assert detail.updated_by_name == BOB
    assert not dialog.is_dirty()
    assert dialog.banner.isHidden()

    # A's next save is based on B's version: no conflict.
    form.description.setFocus()
    qtbot.keyClicks(form.description, "Ordered a new toner cartridge.")
    with qtbot.waitSignal(dialog.ticket_saved, timeout=LOCAL_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = core_b.tickets.get(world.printer)
    assert stored.fields.subject == "Printer offline: toner error"
    assert stored.fields.description == "Ordered a new toner cartridge."
    assert stored.version == version + 1


def test_an_open_ticket_with_edits_keeps_them_and_saving_names_the_colleague(
    qtbot, desk: Desk, core_b: Core, world: World, monkeypatch
) -> None:
    dialog = _open_in_window(qtbot, desk, world.printer, monkeypatch)
    form = dialog.editor.form
    typed = "Power-cycled it; still shows offline on the print server."
    form.description.setFocus()
    qtbot.keyClicks(form.description, typed)
    assert dialog.is_dirty()

    version = _b_edits(
        core_b,
        world,
        world.printer,
        subject="Printer offline: toner error",
        status=Status.IN_PROGRESS,
    )

    # The dialog learns of B's save and says so, without touching the form.
    qtbot.waitUntil(lambda: BOB in dialog.banner.message(), timeout=LIVE_MS)
    assert "Your edits are not saved yet" in dialog.banner.message()
    assert form.description.toPlainText() == typed
    assert form.subject.text() == "Printer offline"
    assert form.status.currentText() == "New"
    assert dialog.is_dirty()

    asked: list[ConcurrentEditError] = []

    def keep_editing(error: ConcurrentEditError) -> ConflictChoice:
        asked.append(error)
        return ConflictChoice.KEEP_EDITING

    monkeypatch.setattr(dialog, "_ask_conflict", keep_editing)
    with qtbot.waitSignal(dialog.conflict_shown, timeout=LOCAL_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1
    assert asked[0].changed_by == BOB
    assert asked[0].current_version == version
    assert dialog.banner.message() == conflict_text(asked[0])
    assert BOB in dialog.banner.message()
    assert form.description.toPlainText() == typed
    assert dialog.is_dirty()
    stored = core_b.tickets.get(world.printer)
    assert stored.version == version
    assert stored.fields.subject == "Printer offline: toner error"
    assert stored.fields.description == ""


def test_a_refresh_read_before_my_save_does_not_roll_the_dialog_back(
    qtbot, core_a: Core, core_b: Core, world: World, make_watcher, monkeypatch
) -> None:
    """A colleague's note triggers a refresh; its read happens before my save commits but its
    result lands after the save. The dialog must keep showing what I saved (and its version)."""
    reads = HeldExecutor()
    runner = TaskRunner(
        executors={Lane.READ: reads, Lane.WRITE: InlineExecutor(), Lane.REMOTE: InlineExecutor()}
    )
    notifier = ChangeNotifier()
    try:
        dialog = TicketDialog(
            core_a.tickets, core_a.directory, runner, notifier, world.alice, world.printer
        )
        qtbot.addWidget(dialog)
        _stub_questions(dialog, monkeypatch)
        refreshed: list[int] = []
        original = dialog._on_refreshed

        def on_refreshed(loaded: Any) -> None:
            refreshed.append(loaded.detail.version)
            original(loaded)

        monkeypatch.setattr(dialog, "_on_refreshed", on_refreshed)
        dialog.show()
        reads.run_next()  # the first load
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=LOCAL_MS)
        make_watcher(core_a, notifier)
        form = dialog.editor.form
        form.subject.selectAll()
        qtbot.keyClicks(form.subject, "Printer offline on floor 2")

        # B notes on the ticket (the version stays); A's watcher hears it and A refreshes.
        core_b.tickets.add_note(world.printer, world.bob_id, "Called the user back", public=False)
        qtbot.waitUntil(lambda: reads.pending == 1, timeout=LIVE_MS)
        loaded_version = dialog.detail().version  # type: ignore[union-attr]
        reads.run_next()  # the refresh reads now; its result waits in the event queue

        dialog.save()  # inline write lane: saved and shown before the refresh lands
        saved = core_a.tickets.get(world.printer)
        assert saved.version == loaded_version + 1
        qtbot.waitUntil(lambda: refreshed == [loaded_version], timeout=LOCAL_MS)

        assert form.subject.text() == "Printer offline on floor 2"
        assert dialog.detail().version == saved.version  # type: ignore[union-attr]
        assert not dialog.is_dirty()
        # So the next save is based on my own version, not a conflict with myself.
        form.description.setFocus()
        qtbot.keyClicks(form.description, "Toner replaced.")
        with qtbot.waitSignal(dialog.ticket_saved, timeout=LOCAL_MS):
            dialog.save()
        assert core_a.tickets.get(world.printer).fields.description == "Toner replaced."
    finally:
        assert runner.shutdown()
