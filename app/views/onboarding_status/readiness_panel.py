"""A client's onboarding readiness: completeness score, the ten-day checklist, remote methods'
last results and the caller-verification secrets on file (domain.md §3.1, §3.3, §2.2)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Changes
from app.services.caller_verification import CallerVerificationService, SecretRow
from app.services.connectivity import ConnectivityService, ConnectivityTester, MethodStatus
from app.services.directory import ContactRow, DirectoryService, TechnicianRow
from app.services.onboarding_checklist import Checklist, ChecklistService, StepRow
from app.services.onboarding_score import Completeness, CompletenessService
from app.tasks import ChangeNotifier, Lane, TaskRunner

from app.views.onboarding_status import probe_progress, texts
from app.views.onboarding_status.readiness_dialogs import (
    OwnerDialog,
    PinDialog,
    QuestionDialog,
    ResultDialog,
    StartDialog,
)
from app.views.onboarding_status.readiness_rows import secret_row, step_row
from app.views.onboarding_status.rows_model import RowsTableModel, rows_table, selected_key
from app.views.onboarding_status.write_dialog import WriteDialog

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Loaded:
    client_id: int
    checklist: Checklist
    completeness: Completeness
    methods: list[MethodStatus]
    secrets: list[SecretRow]
    contacts: tuple[ContactRow, ...]
    technicians: tuple[TechnicianRow, ...]


def _load(
    checklist: ChecklistService,
    completeness: CompletenessService,
    connectivity: ConnectivityService,
    verification: CallerVerificationService,
    directory: DirectoryService,
    client_id: int,
) -> _Loaded:
    """Read lane: everything the panel shows for one client."""
    return _Loaded(
        client_id,
        checklist.checklist(client_id),
        completeness.completeness(client_id),
        connectivity.methods(client_id),
        verification.secrets(client_id),
        directory.client(client_id).contacts,
        directory.lookups().technicians,
    )


def _group(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(10, 8, 10, 10)
    return box, layout


def _fit_height(view: QTableView, rows: int) -> None:
    """Show about `rows` rows without a scroll bar; longer lists scroll."""
    row_height = view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(view.horizontalHeader().sizeHint().height() + row_height * rows + 4)


class ClientReadinessPanel(QWidget):
    """One client's onboarding readiness. GUI thread only.

    `set_client()` loads on the read lane (a newer request wins); the panel reloads when the
    notifier announces kind "client" for its client (or "*"). Every action is a small dialog or
    a button whose write runs on the write lane; after it, the panel announces the client as
    changed so other views follow. Refusals are shown in `message`, never raised.
    """

    #: A load finished and the panel shows the client; carries the client id.
    loaded = Signal(int)

    def __init__(
        self,
        checklist: ChecklistService,
        completeness: CompletenessService,
        connectivity: ConnectivityService,
        verification: CallerVerificationService,
        directory: DirectoryService,
        runner: TaskRunner,
        notifier: ChangeNotifier,
        me_id: int,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] | None = None,
        tester: ConnectivityTester | None = None,
    ) -> None:
        """`today` gives the date overdue steps are measured against (default: the local date);
        `tester` adds *Test selected* / *Test all* for RDP, SSH and WinRM methods."""
        super().__init__(parent)
        self._checklist = checklist
        self._completeness = completeness
        self._connectivity = connectivity
        self._verification = verification
        self._directory = directory
        self._runner = runner
        self._notifier = notifier
        self._me_id = me_id
        self._today = today or dt.date.today
        self._tester = tester
        #: Set to stop the running connectivity tests (None when none run).
        self._testing: threading.Event | None = None
        self._client_id: int | None = None
        self._seq = 0
        self._data: _Loaded | None = None
        #: The dialog opened last (tests drive it); None once it closed.
        self.dialog: WriteDialog | None = None
        self._build()
        notifier.data_changed.connect(self._on_notifier_data_changed)

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.message = QLabel()
        self.message.setObjectName("readinessMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {texts.TONES['bad']}; font-weight: 600;")
        self.message.hide()

        score_box, score = _group(self.tr("Completeness"))
        self.score_label = QLabel()
        self.score_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.score_bar = QProgressBar()
        self.score_bar.setRange(0, 100)
        self.score_bar.setTextVisible(False)
        self.score_bar.setFixedHeight(10)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        score.addWidget(self.score_label)
        score.addWidget(self.score_bar)
        score.addWidget(self.missing_label)

        steps_box, steps = _group(self.tr("Onboarding checklist"))
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.step_model = RowsTableModel(
            [
                self.tr("#"),
                self.tr("Step"),
                self.tr("Days"),
                self.tr("Due"),
                self.tr("Owner"),
                self.tr("Done"),
                self.tr("Status"),
            ],
            self,
        )
        self.step_table = rows_table(self.step_model)
        _fit_height(self.step_table, 7)
        self.start_button = QPushButton(self.tr("Start onboarding…"))
        self.owner_button = QPushButton(self.tr("Set owner…"))
        self.done_button = QPushButton(self.tr("Mark done"))
        self.undo_button = QPushButton(self.tr("Mark not done"))
        self.start_button.clicked.connect(self.start_onboarding)
        self.owner_button.clicked.connect(self.set_owner)
        self.done_button.clicked.connect(partial(self.mark_done, True))
        self.undo_button.clicked.connect(partial(self.mark_done, False))
        self.step_table.selectionModel().selectionChanged.connect(self._update_buttons)
        steps.addWidget(self.plan_label)
        steps.addWidget(self.step_table)
        steps.addLayout(
            self._buttons(self.start_button, self.owner_button, self.done_button, self.undo_button)
        )

        remote_box, remote = _group(self.tr("Remote methods"))
        self.method_model = RowsTableModel(
            [
                self.tr("Method"),
                self.tr("Address"),
                self.tr("Last result"),
                self.tr("When"),
                self.tr("By"),
                self.tr("Detail"),
            ],
            self,
        )
        self.method_table = rows_table(self.method_model)
        _fit_height(self.method_table, 4)
        self.result_button = QPushButton(self.tr("Record result…"))
        self.result_button.clicked.connect(self.record_result)
        self.method_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.test_button = QPushButton(self.tr("Test selected"))
        self.test_button.clicked.connect(lambda: self.test_methods(selected_only=True))
        self.test_all_button = QPushButton(self.tr("Test all"))
        self.test_all_button.clicked.connect(lambda: self.test_methods(selected_only=False))
        self.cancel_test_button = QPushButton(self.tr("Cancel tests"))
        self.cancel_test_button.clicked.connect(self.cancel_tests)
        self.cancel_test_button.hide()
        for button in (self.test_button, self.test_all_button):
            button.setVisible(self._tester is not None)
            button.setToolTip(self.tr("RDP, SSH and WinRM: connect, then check the hello"))
        self.test_progress = probe_progress.ProbeProgressBar()
        remote.addWidget(self.method_table)
        remote.addWidget(self.test_progress)
        remote.addLayout(
            self._buttons(
                self.test_button, self.test_all_button, self.cancel_test_button, self.result_button
            )
        )

        secrets_box, secrets = _group(self.tr("Caller verification secrets"))
        self.secret_model = RowsTableModel(
            [self.tr("For"), self.tr("Kind"), self.tr("Question"), self.tr("Set")], self
        )
        self.secret_table = rows_table(self.secret_model, stretch=2)
        _fit_height(self.secret_table, 4)
        self.pin_button = QPushButton(self.tr("Set PIN…"))
        self.question_button = QPushButton(self.tr("Add security question…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.pin_button.clicked.connect(self.set_pin)
        self.question_button.clicked.connect(self.add_question)
        self.remove_button.clicked.connect(self.remove_secret)
        self.secret_table.selectionModel().selectionChanged.connect(self._update_buttons)
        secrets.addWidget(self.secret_table)
        secrets.addLayout(self._buttons(self.pin_button, self.question_button, self.remove_button))

        self.placeholder = QLabel(self.tr("Select a client to see its onboarding readiness."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(10)
        self._boxes = (score_box, steps_box, remote_box, secrets_box)
        for box in self._boxes:
            column.addWidget(box)
            box.hide()
        column.addWidget(self.placeholder)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self._update_buttons()

    @staticmethod
    def _buttons(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        return row

    # -- public --------------------------------------------------------------------------------

    @property
    def client_id(self) -> int | None:
        return self._client_id

    def set_client(self, client_id: int | None) -> None:
        """Show `client_id` (loaded on the read lane), or nothing."""
        self._client_id = client_id
        self._data = None
        self._show_message("")
        if self._testing is None:
            self.test_progress.hide()  # a cancelled run's bar belongs to the previous client
        if client_id is None:
            self._seq += 1
            self._clear()
            return
        self.reload()

    def reload(self) -> None:
        if self._client_id is None:
            return
        self._seq += 1
        self._runner.run(
            partial(
                _load,
                self._checklist,
                self._completeness,
                self._connectivity,
                self._verification,
                self._directory,
                self._client_id,
            ),
            lane=Lane.READ,
            owner=self,
            on_success=partial(self._on_loaded, self._seq),
            on_failure=partial(self._on_load_failed, self._seq),
        )

    def missing_texts(self) -> list[str]:
        """What is missing, as the panel words it."""
        if self._data is None:
            return []
        return [texts.missing(c) for c in self._data.completeness.missing]

    def shown_checklist(self) -> Checklist | None:
        return self._data.checklist if self._data else None

    # -- actions -------------------------------------------------------------------------------

    def start_onboarding(self) -> None:
        data = self._data
        if data is None:
            return
        replan = bool(data.checklist.steps)
        start = data.checklist.start if replan and data.checklist.start else self._today()
        self._open(
            StartDialog(
                self._runner, self._checklist, data.client_id, self._me_id, start, replan, self
            )
        )

    def set_owner(self) -> None:
        step = self._selected_step()
        if step is not None and self._data is not None:
            techs = self._data.technicians
            self._open(OwnerDialog(self._runner, self._checklist, step, techs, self._me_id, self))

    def mark_done(self, done: bool) -> None:
        step = self._selected_step()
        if step is None:
            return
        self._write(
            partial(self._checklist.set_done, step.step_id, step.version, done, self._me_id)
        )

    def record_result(self) -> None:
        key = selected_key(self.method_table)
        data = self._data
        method = next((m for m in data.methods if m.method_key == key), None) if data else None
        if data is not None and method is not None:
            self._open(
                ResultDialog(
                    self._runner, self._connectivity, data.client_id, method, self._me_id, self
                )
            )

    def test_methods(self, *, selected_only: bool) -> None:
        """Probe the selected (or every) RDP/SSH/WinRM method on the remote lane and record it."""
        data = self._data
        if self._tester is None or data is None or self._testing is not None:
            return
        keys = None
        if selected_only:
            key = selected_key(self.method_table)
            if not isinstance(key, str):
                return
            keys = frozenset({key})
        cancel = threading.Event()
        self._testing = cancel
        self._show_message("")
        relay = probe_progress.ProgressRelay()
        relay.step.connect(self.test_progress.advance)
        self.test_progress.begin()
        self._update_buttons()
        self._runner.run(
            partial(self._tester.test, data.client_id, self._me_id, keys, cancel, relay.report),
            lane=Lane.REMOTE,
            owner=self,
            key=f"client:{data.client_id}",
            on_success=self._on_tested,
            on_failure=self._on_test_failed,
        )

    def cancel_tests(self) -> None:
        if self._testing is not None:
            self._testing.set()
            self.test_progress.cancelling()

    def _on_tested(self, _statuses: object) -> None:
        self.test_progress.finish(cancelled=self._testing is not None and self._testing.is_set())
        self._testing = None
        self._on_written(None)
        self._update_buttons()

    def _on_test_failed(self, error: BaseException) -> None:
        self.test_progress.finish(cancelled=False)
        self._testing = None
        self._on_write_failed(error)
        self._update_buttons()

    def set_pin(self) -> None:
        if (data := self._data) is not None:
            self._open(
                PinDialog(
                    self._runner,
                    self._verification,
                    data.client_id,
                    data.contacts,
                    self._me_id,
                    self,
                )
            )

    def add_question(self) -> None:
        if (data := self._data) is not None:
            self._open(
                QuestionDialog(
                    self._runner,
                    self._verification,
                    data.client_id,
                    data.contacts,
                    self._me_id,
                    self,
                )
            )

    def remove_secret(self) -> None:
        key = selected_key(self.secret_table)
        if not isinstance(key, int) or not self._confirm_remove():
            return
        self._write(partial(self._verification.remove_secret, key, self._me_id))

    def _confirm_remove(self) -> bool:
        """Asks before removing a secret; tests replace it."""
        answer = QMessageBox.question(
            self,
            self.tr("Remove secret"),
            self.tr("Remove this secret? Callers relying on it can no longer be verified by it."),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- results -------------------------------------------------------------------------------

    def _on_loaded(self, seq: int, data: _Loaded) -> None:
        if seq != self._seq or data.client_id != self._client_id:
            return
        self._data = data
        self._show_score(data.completeness)
        self._show_checklist(data.checklist)
        self._show_methods(data.methods)
        self._show_secrets(data.secrets)
        for box in self._boxes:
            box.show()
        self.placeholder.hide()
        self._update_buttons()
        self.loaded.emit(data.client_id)

    def _on_load_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._seq:
            return
        log.warning("loading onboarding readiness failed", exc_info=error)
        self._show_message(texts.failure_text(error))

    def _show_score(self, c: Completeness) -> None:
        self.score_label.setText(texts.score(c.percent))
        self.score_bar.setValue(c.percent)
        tone = "good" if c.percent >= 100 else "warn" if c.percent >= 60 else "bad"
        self.score_bar.setStyleSheet(
            "QProgressBar { border: 1px solid palette(mid); border-radius: 4px; }"
            f"QProgressBar::chunk {{ background: {texts.TONES[tone]}; border-radius: 3px; }}"
        )
        lines = [f"\u2022 {text}" for text in self.missing_texts()]
        self.missing_label.setText(
            "\n".join(lines) if lines else self.tr("Nothing missing: ready for go-live.")
        )

    def _show_checklist(self, checklist: Checklist) -> None:
        today = self._today()
        rows = [step_row(step, today) for step in checklist.steps]
        self.step_model.set_rows(rows)
        if checklist.steps:
            self.plan_label.setText(
                self.tr("Started {0} · go-live {1} · business days counted on: {2}").format(
                    texts.date(checklist.start),
                    texts.date(checklist.go_live),
                    checklist.calendar_name,
                )
            )
            self.start_button.setText(self.tr("Re-plan dates…"))
        else:
            self.plan_label.setText(
                self.tr("Onboarding has not been planned yet: start it to lay out the ten days.")
            )
            self.start_button.setText(self.tr("Start onboarding…"))
        self.step_table.setVisible(bool(checklist.steps))

    def _show_methods(self, methods: list[MethodStatus]) -> None:
        self.method_model.set_rows([probe_progress.tested_method_row(m) for m in methods])

    def _show_secrets(self, secrets: list[SecretRow]) -> None:
        self.secret_model.set_rows([secret_row(x) for x in secrets])

    def _clear(self) -> None:
        for model in (self.step_model, self.method_model, self.secret_model):
            model.set_rows([])
        for box in self._boxes:
            box.hide()
        self.placeholder.show()
        self._update_buttons()

    # -- internals -----------------------------------------------------------------------------

    def _selected_step(self) -> StepRow | None:
        key = selected_key(self.step_table)
        if self._data is None:
            return None
        return next((s for s in self._data.checklist.steps if s.step_id == key), None)

    def _update_buttons(self, *_args: object) -> None:
        loaded = self._data is not None
        step = self._selected_step()
        self.start_button.setEnabled(loaded)
        self.owner_button.setEnabled(step is not None)
        self.done_button.setEnabled(step is not None and step.done_at is None and not step.blocked)
        self.done_button.setToolTip(texts.blocked(step.blocked) if step and step.blocked else "")
        self.undo_button.setEnabled(step is not None and step.done_at is not None)
        self.result_button.setEnabled(selected_key(self.method_table) is not None)
        testing = self._testing is not None
        self.test_button.setEnabled(
            not testing and isinstance(selected_key(self.method_table), str)
        )
        self.test_all_button.setEnabled(loaded and not testing)
        self.cancel_test_button.setVisible(testing)
        self.pin_button.setEnabled(loaded)
        self.question_button.setEnabled(loaded)
        self.remove_button.setEnabled(selected_key(self.secret_table) is not None)

    def _open(self, dialog: WriteDialog) -> None:
        self.dialog = dialog
        dialog.written.connect(self._on_written)
        dialog.finished.connect(partial(self._on_dialog_finished, dialog))
        dialog.open()

    def _on_dialog_finished(self, dialog: WriteDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _write(self, fn: Callable[[], object]) -> None:
        self._show_message("")
        self._runner.run(
            fn,
            lane=Lane.WRITE,
            owner=self,
            on_success=self._on_written,
            on_failure=self._on_write_failed,
        )

    def _on_written(self, _result: object) -> None:
        self._show_message("")
        if self._client_id is not None:
            # Our own announcement reloads this panel too (see `_on_notifier_data_changed`).
            self._notifier.announce(Changes("client", frozenset({self._client_id})))

    def _on_write_failed(self, error: BaseException) -> None:
        log.info("onboarding write refused: %s", type(error).__name__)
        self._show_message(texts.failure_text(error))
        self.reload()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_notifier_data_changed(self, changes: object) -> None:
        if self._client_id is None or not isinstance(changes, Changes):
            return
        if changes.kind == "*" or (
            changes.kind == "client" and (not changes.ids or self._client_id in changes.ids)
        ):
            self.reload()
