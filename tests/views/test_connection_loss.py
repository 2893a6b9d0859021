"""The database server goes away under an open ticket and comes back: nothing typed is lost.

A dedicated PostgreSQL server (never the session's shared one) is stopped with a fast shutdown
while the main window, a real threaded `TaskRunner` and a started `ExternalChangeWatcher` are
wired as `app/application.py` wires them. The failed save keeps the form, the window shows its
banner, and once the server is back the banner hides and saving again stores the edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.bootstrap import Core, build_core
from app.change_watcher import ExternalChangeWatcher
from app.db import DatabaseUnavailableError
from app.models.enums import Tier
from app.services.directory import TechnicianRow
from app.settings import Settings
from app.tasks import ChangeNotifier, TaskRunner
from tests.factories import add_client, add_contact, add_technician, add_ticket
from tests.fakes import CountingOpener
from tests.fixtures.postgres import RestartablePostgres, restartable_postgres

from app.views import main_window
from app.views.main_window import MainWindow
from app.views.tickets.field_labels import failure_text
from app.views.tickets.queue_model import Col
from app.views.tickets.ticket_dialog import TicketDialog

pytestmark = pytest.mark.postgresql

#: Generous bound for what should take well under a second (a save, a notification).
QUICK_MS = 5_000
#: Bound for the banner to notice the loss and the return of the server.
RECOVERY_MS = 10_000
#: A retry period no test waits for: the other recovery path must do the work.
NEVER_S = 600.0

SUBJECT = "Outlook asks for the password at every start"
DESCRIPTION = "Since Monday, only on the laptop; webmail works."
TYPED_SUBJECT = "Outlook password prompt after the MFA change"
TYPED_DESCRIPTION = "Started after enabling MFA on Friday. Cached credentials cleared once."


@dataclass
class Desk:
    """One technician's running app on the dedicated server."""

    server: RestartablePostgres
    core: Core
    runner: TaskRunner
    watcher: ExternalChangeWatcher
    opener: CountingOpener
    window: MainWindow
    ticket_id: int
    #: Whatever the runner reported as an unhandled task failure.
    unhandled: list[object]


@pytest.fixture
def server() -> Iterator[RestartablePostgres]:
    with restartable_postgres() as pg:
        yield pg


@pytest.fixture
def core(server: RestartablePostgres, tmp_path: Path) -> Iterator[Core]:
    core = build_core(server.url(), tmp_path / "data")
    yield core
    core.close()


def _seed(core: Core) -> tuple[TechnicianRow, int]:
    """A small desk: Alice (signed in), a colleague, a client and three of Alice's tickets."""
    alice = add_technician(core.db, "Alice Martin", tier=Tier.L1, email="alice@test.msp")
    add_technician(core.db, "Bram Peeters", tier=Tier.L1, email="bram@test.msp")
    client = add_client(core.db, "Northwind Traders")
    contact = add_contact(core.db, client, "Nancy Davolio")
    ticket = add_ticket(core.db, client, subject=SUBJECT, assignee_id=alice, contact_id=contact)
    add_ticket(core.db, client, subject="New starter laptop", assignee_id=alice)
    add_ticket(core.db, client, subject="Printer on floor 2 jams", assignee_id=alice)
    detail = core.tickets.get(ticket)
    core.tickets.update(
        ticket, detail.version, replace(detail.fields, description=DESCRIPTION), alice
    )
    me = next(t for t in core.directory.lookups().technicians if t.technician_id == alice)
    return me, ticket


@pytest.fixture
def make_desk(
    qtbot, server: RestartablePostgres, core: Core, tmp_path: Path, monkeypatch
) -> Iterator[Callable[..., Desk]]:
    """Builds the app as `run_gui` does, with the two retry periods chosen by the test."""
    made: list[tuple[ExternalChangeWatcher, TaskRunner]] = []

    def make(*, retry_ms: int, watcher_retry_s: tuple[float, ...]) -> Desk:
        # MainWindow reads the module constant when it is built; 5 s in the app.
        monkeypatch.setattr(main_window, "RETRY_MS", retry_ms)
        me, ticket_id = _seed(core)
        settings = Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        runner = TaskRunner()
        notifier = ChangeNotifier()
        opener = CountingOpener(core.db.open_change_watcher)
        watcher = ExternalChangeWatcher(opener, notifier, retry_delays=watcher_retry_s)
        made.append((watcher, runner))
        unhandled: list[object] = []
        runner.task_failed.connect(unhandled.append)
        window = MainWindow(core, runner, notifier, settings, me)
        qtbot.addWidget(window)
        # As app/application.py does it.
        watcher.connection_lost.connect(window.connection_lost)
        watcher.connection_restored.connect(window.connection_restored)
        watcher.start()
        window.show()
        qtbot.waitUntil(lambda: opener.opened == 1, timeout=QUICK_MS)
        qtbot.waitUntil(lambda: window.queue_view.model.is_loaded(ticket_id), timeout=QUICK_MS)
        return Desk(server, core, runner, watcher, opener, window, ticket_id, unhandled)

    yield make
    for watcher, runner in made:
        assert watcher.stop(), "the change watcher thread did not stop"
        assert runner.shutdown(), "a task was still running at teardown"


def _open_dialog(qtbot, desk: Desk, monkeypatch) -> TicketDialog:
    dialog = desk.window.open_ticket(desk.ticket_id)

    def unexpected(*args: object) -> object:
        raise AssertionError(f"unexpected question {args!r}")

    monkeypatch.setattr(dialog, "_ask_conflict", unexpected)
    monkeypatch.setattr(dialog, "_ask_compare", unexpected)
    # Only teardown asks this (it closes the window), after a failure left edits unsaved.
    monkeypatch.setattr(dialog, "_ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=QUICK_MS)
    assert dialog.editor.form.subject.text() == SUBJECT
    return dialog


def _type(qtbot, dialog: TicketDialog) -> None:
    """Replace the subject and description by typing (QTest types ASCII only: it aborts on é)."""
    form = dialog.editor.form
    form.subject.setFocus()
    form.subject.selectAll()
    qtbot.keyClicks(form.subject, TYPED_SUBJECT)
    form.description.setFocus()
    form.description.selectAll()
    qtbot.keyClicks(form.description, TYPED_DESCRIPTION)
    assert form.subject.text() == TYPED_SUBJECT
    assert form.description.toPlainText() == TYPED_DESCRIPTION
    assert dialog.is_dirty()


def _assert_typed_text_kept(dialog: TicketDialog) -> None:
    form = dialog.editor.form
    assert dialog.isVisible()
    assert form.subject.text() == TYPED_SUBJECT
    assert form.description.toPlainText() == TYPED_DESCRIPTION
    assert dialog.is_dirty()


def _assert_saved_text_shown(dialog: TicketDialog, version: int) -> None:
    form = dialog.editor.form
    assert dialog.isVisible()
    assert form.subject.text() == TYPED_SUBJECT
    assert form.description.toPlainText() == TYPED_DESCRIPTION
    assert not dialog.is_dirty()
    assert dialog.banner.isHidden()
    detail = dialog.detail()
    assert detail is not None
    assert detail.version == version


@pytest.mark.parametrize(
    ("retry_ms", "watcher_retry_s"),
    [
        # Only the change watcher's reconnection can hide the banner: the window never probes.
        pytest.param(int(NEVER_S * 1000), (0.2, 0.5), id="watcher-reconnects"),
        # Only the window's probe can: the watcher waits ten minutes before retrying.
        pytest.param(300, (NEVER_S,), id="window-probes"),
    ],
)
def test_a_save_during_an_outage_keeps_the_edit_and_succeeds_once_the_server_is_back(
    qtbot, make_desk, monkeypatch, retry_ms: int, watcher_retry_s: tuple[float, ...]
) -> None:
    desk = make_desk(retry_ms=retry_ms, watcher_retry_s=watcher_retry_s)
    window = desk.window
    lost: list[str] = []
    desk.watcher.connection_lost.connect(lost.append)
    dialog = _open_dialog(qtbot, desk, monkeypatch)
    _type(qtbot, dialog)
    assert window.banner.isHidden()

    desk.server.stop()
    failures: list[BaseException] = []
    original_failed = dialog._on_save_failed

    def on_save_failed(error: BaseException) -> None:
        failures.append(error)
        original_failed(error)

    monkeypatch.setattr(dialog, "_on_save_failed", on_save_failed)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(failures), timeout=QUICK_MS)
    assert isinstance(failures[0], DatabaseUnavailableError)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=QUICK_MS)
    _assert_typed_text_kept(dialog)
    assert dialog.banner.message() == failure_text(failures[0])
    qtbot.waitUntil(lambda: not window.banner.isHidden(), timeout=RECOVERY_MS)
    assert "retrying" in window.banner.message()
    assert len(lost) == 1
    _assert_typed_text_kept(dialog)

    desk.server.start()
    qtbot.waitUntil(window.banner.isHidden, timeout=RECOVERY_MS)
    # The return announces "refresh everything"; once those reads have landed, the dialog must
    # still hold what was typed.
    qtbot.waitUntil(lambda: not desk.runner.is_busy(), timeout=QUICK_MS)
    _assert_typed_text_kept(dialog)
    assert dialog.banner.message() == failure_text(failures[0])

    with qtbot.waitSignal(dialog.ticket_saved, timeout=QUICK_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = desk.core.tickets.get(desk.ticket_id)
    assert stored.fields.subject == TYPED_SUBJECT
    assert stored.fields.description == TYPED_DESCRIPTION
    # Refreshes still in flight from the return of the server must not undo the save on screen.
    qtbot.waitUntil(lambda: not desk.runner.is_busy(), timeout=QUICK_MS)
    _assert_saved_text_shown(dialog, stored.version)
    assert len(failures) == 1
    assert desk.unhandled == []


def test_the_watcher_listens_again_after_the_outage(qtbot, make_desk, tmp_path: Path) -> None:
    """After the server returns, a colleague's save reaches the open queue live again."""
    desk = make_desk(retry_ms=300, watcher_retry_s=(0.2, 0.5))
    window = desk.window
    desk.server.stop()
    qtbot.waitUntil(lambda: not window.banner.isHidden(), timeout=RECOVERY_MS)
    desk.server.start()
    qtbot.waitUntil(lambda: desk.opener.opened == 2, timeout=RECOVERY_MS)
    qtbot.waitUntil(window.banner.isHidden, timeout=RECOVERY_MS)
    # Let the "refresh everything" of the return land first: from here on only a notification
    # can bring the colleague's change to the queue.
    qtbot.waitUntil(lambda: not desk.runner.is_busy(), timeout=QUICK_MS)

    # A colleague's app: its own engine on the restarted server.
    colleague = build_core(desk.server.url(), tmp_path / "colleague")
    try:
        detail = colleague.tickets.get(desk.ticket_id)
        bram = next(
            t for t in colleague.directory.lookups().technicians if t.email == "bram@test.msp"
        )
        colleague.tickets.update(
            desk.ticket_id,
            detail.version,
            replace(detail.fields, subject="Changed by Bram after the outage"),
            bram.technician_id,
        )
    finally:
        colleague.close()

    model = window.queue_view.model

    def shown_subject() -> object:
        row = model.row_of(desk.ticket_id)
        return None if row is None else model.index(row, Col.SUBJECT).data()

    qtbot.waitUntil(lambda: shown_subject() == "Changed by Bram after the outage", timeout=QUICK_MS)
    assert desk.unhandled == []
