"""The client's data-capture form (the "Onboarding" tab): sections on the left, the editor right.

GUI thread only. The form loads on the read lane; drafts and saves go to the write lane. Typing is
written as a draft about a second after the last edit, so closing the window or a crash loses at
most that second; a refused or conflicting save keeps the typing on screen and as a draft.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes, DatabaseUnavailableError
from app.services.connectivity import ConnectivityTester
from app.services.errors import (
    ConcurrentEditError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.services.onboarding import ClientForm, OnboardingService, SectionSaved
from app.services.onboarding_spec import SECTIONS
from app.tasks import ChangeNotifier, Lane, TaskHandle, TaskRunner

from app.views.onboarding import texts
from app.views.onboarding.remote_autotest import RemoteAutoTest
from app.views.onboarding.section_list import SectionItemDelegate, SectionListModel
from app.views.onboarding.section_page import SectionPage, VaultPage
from app.views.onboarding.texts import tr
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)


class OnboardingView(QWidget):
    """Capture a client's onboarding data, one section at a time. GUI thread only.

    Nothing shows until `set_client()`. A "client" change for this client (or "*") reloads the
    form, but a section with unsaved typing keeps it: only its header learns about the newer
    version, and its next save reports the conflict.
    """

    #: The credentials page's button: the owner switches to the client's Credentials tab.
    open_credentials = Signal()
    #: A section was saved; carries its key.
    section_saved = Signal(str)

    def __init__(
        self,
        onboarding: OnboardingService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me_id: int,
        parent: QWidget | None = None,
        *,
        tester: ConnectivityTester | None = None,
    ) -> None:
        """`tester` probes the remote section's new or moved RDP, SSH and WinRM methods after
        each save of that section (none: no automatic test)."""
        super().__init__(parent)
        self._service = onboarding
        self._runner = runner
        self._notifier = notifier
        self._me_id = me_id
        self._client_id: int | None = None
        #: Id of the latest form query; an older result is dropped.
        self._load_seq = 0
        self._load_task: TaskHandle | None = None
        #: True while this view announces its own save, so it ignores the echo.
        self._announcing = False
        self.form: ClientForm | None = None
        self.pages: dict[str, SectionPage] = {}
        self.section_model = SectionListModel(self)
        self._build()
        #: The remote section's automatic test; None without a tester.
        self.remote_test: RemoteAutoTest | None = None
        if tester is not None and "remote" in self.pages:
            self.remote_test = RemoteAutoTest(tester, runner, me_id, self)
            remote = self.pages["remote"]
            self.remote_test.attach(remote, remote.status_label)
            self.remote_test.finished.connect(self._on_remote_tested)
        notifier.data_changed.connect(self._on_notifier_data_changed)

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.section_list = QListView()
        self.section_list.setModel(self.section_model)
        self.section_list.setItemDelegate(SectionItemDelegate(self.section_list))
        self.section_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.section_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.section_list.setMinimumWidth(self.section_list.sizeHintForColumn(0) + 12)
        self.section_list.selectionModel().currentRowChanged.connect(
            self._on_section_list_current_row_changed
        )

        self.stack = QStackedWidget()
        for section in SECTIONS:
            if section.in_vault:
                vault_page = VaultPage(section)
                vault_page.open_credentials.connect(self.open_credentials)
                self.stack.addWidget(vault_page)
                continue
            page = SectionPage(section)
            key = section.key
            page.save_clicked.connect(partial(self.save_section, key))
            page.discard_clicked.connect(partial(self._on_page_discard_clicked, key))
            page.draft_due.connect(partial(self._save_draft, key))
            page.load_theirs_clicked.connect(partial(self._on_page_load_theirs_clicked, key))
            page.editor.edited.connect(partial(self._update_marker, key))
            self.pages[key] = page
            self.stack.addWidget(page)

        self.message = ErrorLabel(self)
        self.message.setObjectName("formMessage")
        self.placeholder = QLabel(self.tr("Select a client to capture its onboarding data."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.section_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.section_list.minimumWidth(), 900])
        self._split = splitter

        #: Room above the split for panels other features add (the onboarding checklist and
        #: score); empty here.
        self.header_slot = QVBoxLayout()
        self.header_slot.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self.header_slot)
        layout.addWidget(self.message)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(splitter, 1)
        self._show_form(False)
        self.section_list.setCurrentIndex(self.section_model.index(0))

    def _show_form(self, shown: bool) -> None:
        self._split.setVisible(shown)
        self.placeholder.setVisible(not shown)

    # --- public API ---------------------------------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        """Show `client_id`'s form (None: nothing). Pending drafts of the previous one are
        written first."""
        if client_id == self._client_id:
            return
        self.flush_drafts()
        if self.remote_test is not None:
            self.remote_test.stop()
        self._client_id = client_id
        self.form = None
        self.message.clear_error()
        self.section_model.reset_markers()
        for page in self.pages.values():
            page.show_state(None)
        self._show_form(client_id is not None)
        if client_id is None:
            self._load_seq += 1  # drops a load still in flight
            return
        self.reload()

    def client_id(self) -> int | None:
        return self._client_id

    def reload(self, force: frozenset[str] = frozenset()) -> None:
        """Read the form again (read lane). Sections with unsaved typing keep it unless in
        `force`."""
        if self._client_id is None:
            return
        self._load_seq += 1
        if self._load_task is not None:
            self._load_task.cancel()
        self._load_task = self._runner.run(
            partial(self._service.form, self._client_id, self._me_id),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_form_loaded, self._load_seq, self._client_id, force),
            on_failure=partial(self._on_form_failed, self._load_seq),
        )

    def select_section(self, key: str) -> None:
        index = self.section_model.index(self.section_model.row_of(key))
        self.section_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def save_section(self, key: str) -> None:
        """Validate and save section `key` with the version its typing started from."""
        page = self.pages[key]
        if self._client_id is None:
            return
        page.autosave_timer.stop()
        # Blank rows are left out so the service's row numbers match one list (see raw()).
        raw = page.editor.raw(skip_blank_rows=True)
        row_maps = {t: page.editor.sent_rows(t) for t in page.editor.tables}
        # What the section held before, to find the remote methods this save adds or moves.
        before = page.state.data if page.state is not None else None
        page.set_busy(True)
        cid = self._client_id
        self._runner.run(
            partial(self._service.save_section, cid, key, raw, page.base_version, self._me_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=partial(self._on_section_saved, cid, key, before),
            on_failure=partial(self._on_save_failed, cid, key, row_maps),
        )

    def flush_drafts(self) -> None:
        """Write now the draft of every section with unsaved typing (not only those still
        waiting for their autosave delay: the stored draft may have been dropped meanwhile)."""
        for key, page in self.pages.items():
            page.autosave_timer.stop()
            if page.dirty:
                self._save_draft(key)

    # --- events -------------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        # Another tab, another client or closing the window: keep the last second of typing.
        self.flush_drafts()
        super().hideEvent(event)

    def _on_section_list_current_row_changed(
        self, current: QModelIndex, _prev: QModelIndex
    ) -> None:
        if current.isValid():
            self.stack.setCurrentIndex(current.row())

    def _on_notifier_data_changed(self, changes: object) -> None:
        if self._announcing or self._client_id is None or not isinstance(changes, Changes):
            return
        if changes.kind == "*" or (
            changes.kind == "client" and (not changes.ids or self._client_id in changes.ids)
        ):
            self.reload()

    # --- loading ------------------------------------------------------------------------------

    def _on_form_loaded(
        self, seq: int, client_id: int, force: frozenset[str], form: ClientForm
    ) -> None:
        if seq != self._load_seq or client_id != self._client_id:
            return
        self._load_task = None
        self.form = form
        self.message.clear_error()
        for key, page in self.pages.items():
            page.set_choices(form.choices)
            state = form.sections[key]
            if page.dirty and key not in force:
                page.update_state(state)
            else:
                page.show_state(state)
            self._update_marker(key)

    def _on_form_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._load_seq:
            return
        self._load_task = None
        if isinstance(error, NotFoundError):
            self.message.show_error(self.tr("This client no longer exists."))
            return
        log.warning("loading the onboarding form of %s failed", self._client_id, exc_info=error)
        self.message.show_error(_failure_text(error))

    # --- drafts -------------------------------------------------------------------------------

    def _save_draft(self, key: str) -> None:
        page = self.pages[key]
        if self._client_id is None or not page.dirty:
            return
        cid = self._client_id
        self._runner.run(
            partial(
                self._service.save_draft,
                cid,
                key,
                page.editor.raw(),
                page.base_version,
                self._me_id,
            ),
            lane=Lane.WRITE,
            owner=self,
            on_success=partial(self._on_draft_saved, cid, key),
            on_failure=partial(self._on_draft_failed, cid, key),
        )

    def _on_draft_saved(self, client_id: int, key: str, at: dt.datetime) -> None:
        if client_id != self._client_id:
            return
        self.pages[key].draft_kept(at)
        self._update_marker(key)

    def _on_draft_failed(self, client_id: int, key: str, error: BaseException) -> None:
        if client_id != self._client_id:
            return
        page = self.pages[key]
        if isinstance(error, ValidationError) and error.problems.get("draft") == "too_large":
            page.show_message(
                self.tr("The draft could not be kept: %1.").replace(
                    "%1", texts.problem_text("too_large")
                )
            )
            return
        log.warning("keeping the %s draft failed", key, exc_info=error)
        page.show_message(
            self.tr("The draft could not be kept (%1). Your typing is still here.").replace(
                "%1", _failure_text(error)
            )
        )

    def _on_page_discard_clicked(self, key: str) -> None:
        page = self.pages[key]
        if self._client_id is None:
            return
        page.autosave_timer.stop()
        self._runner.run(
            partial(self._service.discard_draft, self._client_id, key, self._me_id),
            lane=Lane.WRITE,
            owner=self,
            on_success=lambda _r: self.reload(force=frozenset({key})),
            on_failure=lambda e: page.show_message(_failure_text(e)),
        )

    def _on_page_load_theirs_clicked(self, key: str) -> None:
        # The user chose their version over the typing on screen: drop the draft, then reload.
        self._on_page_discard_clicked(key)

    # --- saving -------------------------------------------------------------------------------

    def _on_section_saved(
        self, client_id: int, key: str, before: dict[str, Any] | None, saved: SectionSaved
    ) -> None:
        page = self.pages[key]
        page.set_busy(False)
        if client_id != self._client_id:
            return
        page.show_saved(saved.state)
        self._update_marker(key)
        self.section_saved.emit(key)
        self._announce(saved.changes)
        if key == "remote" and self.remote_test is not None:
            self.remote_test.start(client_id, before, saved.state.data)

    def _on_remote_tested(self, _line: str) -> None:
        # The results are on the methods now: the readiness panel and Connect menus follow.
        if self._client_id is not None:
            self._announce(Changes("client", frozenset({self._client_id})))

    def _announce(self, changes: Changes) -> None:
        self._announcing = True
        try:
            self._notifier.announce(changes)
        finally:
            self._announcing = False

    def _on_save_failed(
        self, client_id: int, key: str, row_maps: dict[str, list[int]], error: BaseException
    ) -> None:
        page = self.pages[key]
        page.set_busy(False)
        if client_id != self._client_id:
            return
        page.status_label.setText(self.tr("Not saved."))
        if isinstance(error, ValidationError):
            # The service kept the typing as the draft before refusing.
            page.has_draft = True
            leftovers = page.editor.show_problems(error.problems, row_maps)
            count = len(error.problems)
            text = self.tr(
                "Not saved: %n problem(s) to fix, shown in red. Your typing is kept as a draft.",
                "",
                count,
            )
            if leftovers:
                text += "\n" + "\n".join(texts.problem_text(c) for c in leftovers.values())
            page.show_message(text)
        elif isinstance(error, ConcurrentEditError):
            page.show_conflict(error)
            # The service kept the typing as my draft; the screen keeps it too.
            page.dirty = True
            page.has_draft = True
        else:
            if not isinstance(error, (PermissionDeniedError, DatabaseUnavailableError)):
                log.warning("saving the %s section failed", key, exc_info=error)
            page.show_message(_failure_text(error) + " " + self.tr("Your typing is still here."))
        self._update_marker(key)

    def _update_marker(self, key: str, *_args: Any) -> None:
        self.section_model.set_marker(key, self.pages[key].marker())


def _failure_text(error: BaseException) -> str:
    """What the user reads for an unexpected failure; services' typed errors get their words."""
    if isinstance(error, PermissionDeniedError):
        return tr("Your account may not change onboarding data.")
    if isinstance(error, NotFoundError):
        return tr("This client no longer exists.")
    if isinstance(error, DatabaseUnavailableError):
        return tr("The database cannot be reached.")
    return tr("Something went wrong (%1).").replace("%1", type(error).__name__)
