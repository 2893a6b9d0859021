"""Regression tests for the Onboarding tab: typing survives colleagues, conflicts and switching."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from app.db import Database
from app.services.directory import TechnicianRow
from app.services.onboarding import OnboardingService
from app.tasks import ChangeNotifier, Lane, TaskRunner
from tests.factories import add_client, add_technician
from tests.fakes import FakeClock, HeldExecutor, InlineExecutor

from app.views.onboarding import OnboardingView

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def service(db: Database, clock: FakeClock) -> OnboardingService:
    return OnboardingService(db, clock)


def _start_page(view: OnboardingView) -> QPlainTextEdit:
    widget = view.pages["knowledge"].editor.widget("start_page")
    assert isinstance(widget, QPlainTextEdit)
    return widget


def _make(qtbot, service, runner, notifier, me_id: int, client: int) -> OnboardingView:
    view = OnboardingView(service, runner, notifier, me_id)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.set_client(client)
    view.select_section("knowledge")
    return view


def test_my_autosaved_typing_survives_closing_after_a_colleague_saves(
    qtbot,
    db: Database,
    service: OnboardingService,
    runner: TaskRunner,
    notifier: ChangeNotifier,
    me: TechnicianRow,
) -> None:
    """Alice types the KB start page; the autosave keeps it. Bob saves the same section from his
    own app (a live update reaches Alice's screen: her typing stays, the header warns). Alice
    closes the window. Her typing is still kept as her draft: Bob's save deletes only his own,
    and closing writes every section with unsaved typing."""
    client = add_client(db, "Acme")
    bob = add_technician(db, "Bob Stone")
    view = _make(qtbot, service, runner, notifier, me.technician_id, client)
    page = view.pages["knowledge"]
    _start_page(view).setFocus()
    qtbot.keyClicks(_start_page(view), "Alice's runbook")
    qtbot.waitUntil(lambda: "Draft saved" in page.status_label.text(), timeout=3000)
    assert service.form(client).sections["knowledge"].draft is not None

    saved = service.save_section(client, "knowledge", {"start_page": "Bob's page"}, None, bob)
    notifier.announce(saved.changes)  # the live update from Bob's app
    assert _start_page(view).toPlainText() == "Alice's runbook"

    view.hide()  # closing the window / another tab
    draft = service.form(client).sections["knowledge"].draft
    assert draft is not None and draft.get("start_page") == "Alice's runbook"


def test_a_conflicting_save_keeps_the_typing_after_switching_client(
    qtbot,
    db: Database,
    service: OnboardingService,
    notifier: ChangeNotifier,
    me: TechnicianRow,
) -> None:
    """Alice types and presses Save straight away (no autosave yet), then clicks another client
    while the save is in flight. Bob had saved the section meanwhile, so the save is refused as a
    conflict, and the typing is kept as her draft although another client is shown by then."""
    client = add_client(db, "Acme")
    other = add_client(db, "Zeta")
    bob = add_technician(db, "Bob Stone")
    writes = HeldExecutor()
    runner = TaskRunner(executors={Lane.READ: InlineExecutor(), Lane.WRITE: writes})
    try:
        view = _make(qtbot, service, runner, notifier, me.technician_id, client)
        page = view.pages["knowledge"]
        _start_page(view).setFocus()
        qtbot.keyClicks(_start_page(view), "Alice's runbook")
        qtbot.mouseClick(page.save_button, LEFT)
        assert len(writes.held) == 1  # the save, in flight
        service.save_section(client, "knowledge", {"start_page": "Bob's page"}, None, bob)
        view.set_client(other)
        writes.release_all()
        draft = service.form(client).sections["knowledge"].draft
        assert draft is not None and draft.get("start_page") == "Alice's runbook"
    finally:
        runner.shutdown()
