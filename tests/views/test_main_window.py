"""The one smoke test of the whole main window, on a real (small) demo database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeySequence

from app.bootstrap import Core, build_core
from app.db import Changes, DatabaseUnavailableError
from app.models.enums import Status, Tier
from app.services.directory import TechnicianRow
from app.services.sla_types import Notification
from app.services.ticket_queue import SavedQueue
from app.settings import Settings
from app.sla.policy import TargetKind
from app.tasks import ChangeNotifier, Lane, TaskRunner
from tests.fakes import InlineExecutor
from tests.fixtures.database_templates import DatabaseTemplates

from app.views.clients.clients_view import ClientsView
from app.views.main_window import MainWindow
from app.views.tickets.new_ticket_dialog import NewTicketDialog
from app.views.tickets.queue_model import Col, TicketIdRole
from app.views.tickets.ticket_dialog import TicketDialog


@pytest.fixture(autouse=True)
def delete_closed_windows(qtbot) -> Iterator[None]:
    """Really delete the test's windows once it ends.

    pytest-qt closes them and calls deleteLater(), but no event loop runs afterwards to delete
    them: each later window was then slower to build, its input going through every earlier
    window's application-wide event filter. Autouse, so this teardown runs after the others.
    """
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseTemplates]:
    made = DatabaseTemplates(tmp_path_factory.mktemp("main-window-templates"))
    yield made
    made.close()


def _seed_demo_desk(url: str, data_dir: Path) -> None:
    core = build_core(url, data_dir)
    try:
        core.demo.seed(tickets=150)
    finally:
        core.close()


@pytest.fixture
def core(
    request: pytest.FixtureRequest, templates: DatabaseTemplates, fresh_db_url: str, tmp_path: Path
) -> Iterator[Core]:
    """The demo desk in a database of the test's own: seeding takes seconds, so it is seeded
    once per module and backend and copied here (every test may change its copy)."""
    desk = templates.template(
        request,
        fresh_db_url,
        "demo desk",
        lambda url: _seed_demo_desk(url, templates.folder / "data"),
    )
    templates.copy(request, desk, fresh_db_url)
    core = build_core(fresh_db_url, tmp_path / "data")
    yield core
    core.close()


@pytest.fixture
def window(qtbot, core: Core, tmp_path: Path) -> Iterator[MainWindow]:
    runner = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    settings = Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    me = next(t for t in core.directory.lookups().technicians if t.email == "alice@demo.msp")
    w = MainWindow(core, runner, ChangeNotifier(), settings, me)
    qtbot.addWidget(w)
    w.show()
    yield w
    runner.shutdown()


def _me(window: MainWindow) -> TechnicianRow:
    return window._me


def test_opens_on_my_open_tickets_with_counts(window: MainWindow, core: Core) -> None:
    me = _me(window)
    assert me.tier is Tier.L1
    view = window.queue_view
    expected = core.queue.saved_queue_counts(me.technician_id)[SavedQueue.MY_OPEN]
    assert expected > 0
    assert view.model.rowCount() == min(expected, 200)
    assignees = {view.model.index(r, Col.ASSIGNEE).data() for r in range(view.model.rowCount())}
    assert assignees == {me.name}
    assert window.saved_queues.current_queue() is SavedQueue.MY_OPEN


def test_nav_switches_to_clients_and_back(window: MainWindow, qtbot) -> None:
    window.nav.setCurrentRow(1)
    assert isinstance(window.stack.currentWidget(), ClientsView)
    qtbot.waitUntil(
        lambda: window.clients_view.findChild(type(window.queue_view.table)) is not None
    )
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget() is window.queue_view


def test_choosing_a_saved_queue_applies_its_filter(window: MainWindow, core: Core) -> None:
    window.saved_queues.select_queue(SavedQueue.WAITING_CUSTOMER)
    window._on_saved_queues_queue_selected(SavedQueue.WAITING_CUSTOMER)
    model = window.queue_view.model
    assert model.rowCount() > 0
    statuses = {model.index(r, Col.STATUS).data() for r in range(model.rowCount())}
    assert statuses == {"Waiting on customer"}
    page = core.queue.page(window.queue_view.current_filter(), window.queue_view.current_sort())
    assert [model.index(r, 0).data(TicketIdRole) for r in range(len(page.rows))] == [
        r.ticket_id for r in page.rows
    ]


def test_open_ticket_raises_the_same_dialog_twice(window: MainWindow, qtbot) -> None:
    model = window.queue_view.model
    ticket_id = model.index(0, 0).data(TicketIdRole)
    first = window.open_ticket(ticket_id)
    assert isinstance(first, TicketDialog)
    assert window.open_ticket(ticket_id) is first
    first.close()
    qtbot.waitUntil(lambda: ticket_id not in window._dialogs)


def test_new_ticket_shortcut_opens_the_dialog(window: MainWindow) -> None:
    window.new_ticket_action.trigger()
    dialogs = [d for d in window.findChildren(NewTicketDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert window.new_ticket_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    dialogs[0].close()


def test_a_saved_change_elsewhere_reaches_the_open_queue(window: MainWindow, core: Core) -> None:
    model = window.queue_view.model
    ticket_id = model.index(0, 0).data(TicketIdRole)
    detail = core.tickets.get(ticket_id)
    values = detail.fields
    saved = core.tickets.update(
        ticket_id,
        detail.version,
        replace(values, subject="Changed on another desk", status=Status.IN_PROGRESS),
        _me(window).technician_id,
    )
    window._notifier.announce(saved.changes)
    row = window.queue_view.model.row_of(ticket_id)
    assert row is not None
    assert model.index(row, Col.SUBJECT).data() == "Changed on another desk"


def test_lost_connection_shows_the_banner_until_the_database_answers(
    window: MainWindow, qtbot
) -> None:
    assert window.banner.isHidden()
    window._on_runner_task_failed(DatabaseUnavailableError("server closed the connection"))
    assert not window.banner.isHidden()
    assert "retrying" in window.banner.message()
    # The probe runs inline against the (healthy) test database and hides the banner.
    qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)
    assert window.banner.isHidden()


def test_layout_is_remembered(window: MainWindow, core: Core, qtbot, tmp_path: Path) -> None:
    # Smaller than the offscreen screen (800 x 600), which restoreGeometry() clamps to.
    window.resize(701, 502)
    window.queue_view.set_column_visible(Col.CONTACT, False)
    window.close()
    settings = Settings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    assert settings.ui_state.main_window_geometry
    assert settings.ui_state.queue_header_state
    runner = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    again = MainWindow(core, runner, ChangeNotifier(), settings, _me(window))
    qtbot.addWidget(again)
    # The offscreen screen clamps the width to its own; the height shows the restore.
    assert again.height() == 502
    assert again.queue_view.table.horizontalHeader().isSectionHidden(Col.CONTACT)
    assert not again.queue_view.table.horizontalHeader().isSectionHidden(Col.CLIENT)
    runner.shutdown()


def test_refresh_action_reloads_the_queue(window: MainWindow) -> None:
    seen: list[object] = []
    window._notifier.data_changed.connect(seen.append)
    window.refresh_action.trigger()
    assert seen == [Changes("*")]


def test_only_the_window_probe_announces_a_refresh_after_an_outage(window: MainWindow) -> None:
    seen: list[object] = []
    window._notifier.data_changed.connect(seen.append)
    window.connection_lost()
    window.connection_restored()  # the watcher's signal: it announces its own refresh
    assert window.banner.isHidden()
    assert seen == []
    window.connection_lost()
    window._probe_connection()  # inline runner: the ping succeeds at once
    assert window.banner.isHidden()
    assert seen == [Changes("*")]


def test_a_read_only_account_cannot_start_a_new_ticket(qtbot, core: Core, tmp_path: Path) -> None:
    runner = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    settings = Settings(QSettings(str(tmp_path / "ro.ini"), QSettings.Format.IniFormat))
    owen = next(t for t in core.directory.lookups().technicians if t.email == "owen@demo.msp")
    w = MainWindow(core, runner, ChangeNotifier(), settings, owen)
    qtbot.addWidget(w)
    assert not w.new_ticket_action.isEnabled()
    w.queue_view.apply_saved_queue(SavedQueue.ALL_OPEN)  # reading still works
    assert w.queue_view.model.rowCount() > 0
    runner.shutdown()


def test_start_up_loads_the_first_queue_page_once(
    qtbot, core: Core, tmp_path: Path, monkeypatch
) -> None:
    pages: list[object] = []
    real_page = core.queue.page

    def counting_page(*args, **kwargs):
        pages.append(args[0])
        return real_page(*args, **kwargs)

    monkeypatch.setattr(core.queue, "page", counting_page)
    runner = TaskRunner(executors={lane: InlineExecutor() for lane in Lane})
    settings = Settings(QSettings(str(tmp_path / "start.ini"), QSettings.Format.IniFormat))
    settings.ui_state.last_queue = SavedQueue.WAITING_CUSTOMER.value
    me = next(t for t in core.directory.lookups().technicians if t.email == "alice@demo.msp")
    w = MainWindow(core, runner, ChangeNotifier(), settings, me)
    qtbot.addWidget(w)
    w.show()
    assert w.saved_queues.current_queue() is SavedQueue.WAITING_CUSTOMER
    assert len(pages) == 1
    assert w.queue_view.current_filter() == pages[0]
    runner.shutdown()


def test_sla_notifications_reach_the_technician(window: MainWindow) -> None:
    at = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    found = [
        Notification(1, 7, "Printer offline", "warning", TargetKind.RESPONSE, at),
        Notification(2, 8, "Server down", "breach", TargetKind.RESOLUTION, at),
    ]
    window.sla_alerts.show(found)
    message = window.statusBar().currentMessage()
    assert message.startswith("SLA breached: T-000008")
    assert "Server down" in message and "(and 1 more)" in message
    assert window.sla_watch is not None


def test_a_closed_window_never_starts_its_sweeps(window: MainWindow) -> None:
    """Closed before the watches' start-up delay: nothing is left to fire later (an in-process
    `helpdesk selftest` closes its window within seconds)."""
    assert window.watches.active
    window.close()
    assert not window.watches.active
