"""First run: keep the desk in a file on this computer, or join the team's PostgreSQL database."""

from __future__ import annotations

import logging
from functools import partial

from sqlalchemy.engine import URL

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.paths import AppPaths
from app.services.db_connect import (
    DEFAULT_PORT,
    ConnectionProblem,
    ConnectionReport,
    FieldProblem,
    SslMode,
    TeamField,
    check_connection,
    ssl_mode_of,
    team_field_problems,
    team_url,
    with_password,
)
from app.services.db_profile import (
    DatabaseChoice,
    DatabaseKind,
    TeamPasswordStore,
    solo_choice,
)
from app.settings import Settings
from app.tasks import Lane, TaskHandle, TaskRunner
from app.vault.keychain import KeychainUnavailable

from app.views.setup.connection_messages import field_problem_text, outcome_text, problem_text
from app.views.widgets.form_errors import ErrorLabel

log = logging.getLogger(__name__)

_OK_STYLE = "color: #1b6e3a;"
_ERROR_STYLE = "color: #b3261e;"


class FirstRunDialog(QDialog):
    """Chooses the database of this computer on its first start. GUI thread only.

    "Just me on this computer" (the default) keeps the desk in the per-user SQLite file.
    "Join my team's database" asks for a PostgreSQL server; "Test connection" runs
    `check_connection` on the read lane and shows one sentence for the outcome. Finish is
    enabled for a team database only after a successful test of exactly the fields shown:
    editing any of them asks for a new test. On Finish the password goes to the OS keychain
    (never to `settings`), the choice to `settings.prefs.database_url`, and `target` holds
    what to open, the password in memory only.

    `initial_url` (a saved, password-less team URL) and `notice` (why) reopen the dialog to
    repair a team connection that no longer opens: a changed password, or no keychain.
    """

    def __init__(
        self,
        runner: TaskRunner,
        paths: AppPaths,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        password_store: TeamPasswordStore | None = None,
        timeout_s: int = 5,
        initial_url: URL | None = None,
        notice: str = "",
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._paths = paths
        self._settings = settings
        self._store = password_store if password_store is not None else TeamPasswordStore()
        self._timeout_s = timeout_s
        #: The running test, to cancel its callbacks when the dialog is dismissed.
        self._task: TaskHandle | None = None
        #: (password-less URL, password) of the test in flight.
        self._testing: tuple[URL, str] | None = None
        #: (password-less URL, password, report) of the last successful test of these fields.
        self._passed: tuple[URL, str, ConnectionReport] | None = None
        #: What to open, once Finish was clicked; None before (and after Cancel).
        self.target: DatabaseChoice | None = None
        #: Whether Finish kept the team password in the keychain.
        self.password_saved = False
        #: The last connection test's report, for the caller and tests.
        self.last_report: ConnectionReport | None = None

        self.setWindowTitle(self.tr("Set up MSP Helpdesk"))
        self.setMinimumWidth(520)
        title = QLabel(self.tr("Welcome to MSP Helpdesk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("Where should MSP Helpdesk keep its tickets and clients?"))
        intro.setWordWrap(True)

        self.solo_radio = QRadioButton(self.tr("&Just me on this computer"))
        self.solo_note = QLabel(
            self.tr("Everything stays in one file on this computer:\n{path}").format(
                path=paths.database_file
            )
        )
        self.solo_note.setWordWrap(True)
        self.solo_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.team_radio = QRadioButton(self.tr("Join my &team's database"))
        self.team_note = QLabel(
            self.tr("A PostgreSQL server the whole team shares. Ask your administrator for:")
        )
        self.team_note.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.solo_radio)
        self.choices.addButton(self.team_radio)
        self.solo_radio.setChecked(True)

        self.team_box = self._build_team_box()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.finish_button = QPushButton(self.tr("&Finish"))
        self.finish_button.setDefault(True)
        self.buttons.addButton(self.finish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._finish)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.solo_radio)
        layout.addWidget(self.solo_note)
        layout.addSpacing(8)
        layout.addWidget(self.team_radio)
        layout.addWidget(self.team_note)
        layout.addWidget(self.team_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.solo_radio.toggled.connect(self._choice_changed)
        if initial_url is not None and initial_url.get_backend_name() == "postgresql":
            self._prefill(initial_url)
        if notice:
            # Why the dialog is back (the saved database did not open); cleared by the next test.
            self._show_status(notice, ok=False)
        self._choice_changed()

    def _build_team_box(self) -> QWidget:
        self.host_edit = QLineEdit()
        self.host_edit.setMaxLength(253)
        self.host_edit.setPlaceholderText(self.tr("db.example.com"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setGroupSeparatorShown(False)
        self.database_edit = QLineEdit()
        self.database_edit.setMaxLength(63)
        self.database_edit.setPlaceholderText(self.tr("helpdesk"))
        self.user_edit = QLineEdit()
        self.user_edit.setMaxLength(63)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.test_connection)
        self.ssl_combo = QComboBox()
        for label, mode in (
            (self.tr("Prefer (encrypt when the server offers it)"), SslMode.PREFER),
            (self.tr("Require (always encrypt)"), SslMode.REQUIRE),
            (self.tr("Verify (encrypt and check the certificate)"), SslMode.VERIFY_FULL),
        ):
            self.ssl_combo.addItem(label, mode.value)
        self.host_error = ErrorLabel()
        self.port_error = ErrorLabel()
        self.database_error = ErrorLabel()
        self.user_error = ErrorLabel()
        self.keychain_note = QLabel(
            self.tr(
                "This computer has no keychain to keep the password in: you will type it at "
                "each start."
            )
        )
        self.keychain_note.setWordWrap(True)
        self.keychain_note.setVisible(not self._store.available)

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # no steps to count: an indeterminate "working" bar
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("connectionStatus")
        self.status_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("connectionDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.hide()

        form = QFormLayout()
        for text, editor, error in (
            (self.tr("&Server:"), self.host_edit, self.host_error),
            (self.tr("P&ort:"), self.port_spin, self.port_error),
            (self.tr("&Database:"), self.database_edit, self.database_error),
            (self.tr("&User:"), self.user_edit, self.user_error),
        ):
            form.addRow(text, editor)
            form.addRow("", error)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", self.keychain_note)
        form.addRow(self.tr("SS&L:"), self.ssl_combo)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.busy_bar)
        test_row.addStretch(1)

        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(24, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.detail_label)
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.password_edit):
            edit.textEdited.connect(self._fields_changed)
        self.port_spin.valueChanged.connect(self._fields_changed)
        self.ssl_combo.currentIndexChanged.connect(self._fields_changed)
        return box

    # --- state ------------------------------------------------------------------------------

    def is_team(self) -> bool:
        return self.team_radio.isChecked()

    def is_testing(self) -> bool:
        return self._testing is not None

    def ssl_mode(self) -> SslMode:
        return SslMode(self.ssl_combo.currentData())

    def _prefill(self, url: URL) -> None:
        """The fields of a saved (password-less) team URL: to repair a failing connection."""
        self.team_radio.setChecked(True)
        self.host_edit.setText(url.host or "")
        self.port_spin.setValue(url.port or DEFAULT_PORT)
        self.database_edit.setText(url.database or "")
        self.user_edit.setText(url.username or "")
        self.ssl_combo.setCurrentIndex(max(0, self.ssl_combo.findData(ssl_mode_of(url).value)))

    def _choice_changed(self, *_args: object) -> None:
        team = self.is_team()
        self.team_box.setVisible(team)
        self.team_note.setVisible(team)
        self.solo_note.setEnabled(not team)
        self._update_finish()
        (self.host_edit if team else self.solo_radio).setFocus()

    def _fields_changed(self, *_args: object) -> None:
        """The fields no longer match the last test: its verdict no longer counts."""
        if self._passed is not None:
            self._passed = None
            self._show_status("", ok=True)
        self._update_finish()

    def _update_finish(self) -> None:
        ready = not self.is_team() or (self._passed is not None and not self.is_testing())
        self.finish_button.setEnabled(ready)

    def _set_testing(self, testing: bool) -> None:
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.password_edit):
            edit.setReadOnly(testing)
        for widget in (self.port_spin, self.ssl_combo, self.test_button, self.solo_radio):
            widget.setEnabled(not testing)
        self.busy_bar.setVisible(testing)
        self.test_button.setText(self.tr("Testing…") if testing else self.tr("&Test connection"))
        if testing:
            self.setCursor(Qt.CursorShape.BusyCursor)
            self._show_status(self.tr("Connecting to the server…"), ok=True)
        else:
            self.unsetCursor()
        self._update_finish()

    # --- testing ----------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Check the fields, then test them on the read lane; the answer comes back later."""
        if self.is_testing() or not self.is_team():
            return
        for label in (self.host_error, self.port_error, self.database_error, self.user_error):
            label.clear_error()
        host, port = self.host_edit.text(), self.port_spin.value()
        database, user = self.database_edit.text(), self.user_edit.text()
        problems = team_field_problems(host, port, database, user, self.ssl_mode())
        if problems:
            self._show_field_problems(problems)
            return
        url = team_url(host, port, database, user, self.ssl_mode())
        password = self.password_edit.text()
        self._passed = None
        self._testing = (url, password)
        self._set_testing(True)
        handle = self._runner.run(
            partial(check_connection, with_password(url, password), timeout_s=self._timeout_s),
            lane=Lane.READ,
            owner=self,
            on_success=self._tested,
            on_failure=self._test_failed,
        )
        # The tests' inline runner answers before `run()` returns: keep no finished handle.
        self._task = handle if self.is_testing() else None

    def _tested(self, report: ConnectionReport) -> None:
        testing, self._testing, self._task = self._testing, None, None
        self.last_report = report
        if report.ok and testing is not None:
            self._passed = (testing[0], testing[1], report)
        self._set_testing(False)
        if report.ok:
            self._show_status(outcome_text(report), ok=True)
            self.finish_button.setFocus()
            return
        self._show_status(problem_text(report), ok=False, detail=report.detail)
        focus = {
            ConnectionProblem.HOST_NOT_FOUND: self.host_edit,
            ConnectionProblem.REFUSED: self.port_spin,
            ConnectionProblem.NOT_POSTGRES: self.port_spin,
            ConnectionProblem.AUTH: self.password_edit,
            ConnectionProblem.NO_DATABASE: self.database_edit,
            ConnectionProblem.NO_PRIVILEGE: self.user_edit,
            ConnectionProblem.SSL: self.ssl_combo,
        }.get(report.problem) if report.problem else None  # fmt: skip
        if focus is not None:
            focus.setFocus()

    def _test_failed(self, error: BaseException) -> None:
        self._testing, self._task = None, None
        # The type only: an unexpected error's text might quote the connection string.
        log.warning("the connection test failed unexpectedly: %s", type(error).__name__)
        self._set_testing(False)
        self._show_status(
            self.tr("The connection test failed unexpectedly. Try again, or ask for help."),
            ok=False,
        )

    def _show_status(self, text: str, *, ok: bool, detail: str = "") -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)
        self.detail_label.setText(self.tr("Details: {0}").format(detail) if detail else "")
        self.detail_label.setVisible(bool(detail))

    def _show_field_problems(self, problems: dict[TeamField, FieldProblem]) -> None:
        labels = {
            TeamField.HOST: (self.host_error, self.host_edit),
            TeamField.PORT: (self.port_error, self.port_spin),
            TeamField.DATABASE: (self.database_error, self.database_edit),
            TeamField.USER: (self.user_error, self.user_edit),
        }
        first: QWidget | None = None
        for field, problem in problems.items():
            label, editor = labels.get(field, (self.host_error, self.host_edit))
            label.show_error(field_problem_text(field, problem))
            first = first or editor
        if first is not None:
            first.setFocus()

    # --- finishing --------------------------------------------------------------------------

    def _finish(self) -> None:
        if not self.finish_button.isEnabled():
            return
        if not self.is_team():
            self.target = solo_choice(self._paths)
        else:
            assert self._passed is not None
            url, password, report = self._passed
            self.password_saved = self._save_password(url, password)
            self.target = DatabaseChoice(DatabaseKind.TEAM, with_password(url, password), report)
        if self._settings is not None:
            self._settings.prefs.database_url = self.target.stored_target
        log.info("first run: %s database %s", self.target.kind, self.target.describe())
        self.password_edit.clear()
        self.accept()

    def _save_password(self, url: URL, password: str) -> bool:
        """Keep a non-empty password in the keychain; False when there is none to keep it in."""
        if not password or not self._store.available:
            return False
        try:
            self._store.save(url, password)
        except KeychainUnavailable as e:
            log.warning("the database password was not saved: %s", e)
            return False
        return True

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task, self._testing = None, None
        self.target = None
        self.password_edit.clear()
        super().reject()
